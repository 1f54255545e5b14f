//! The theme: Tera templates and static files. The default theme is compiled into the
//! binary, so a site needs no `themes/` folder; a site's `themes/<name>/` overrides
//! it file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::i18n::{Catalog, Language, Translate};
use crate::load::{list_files, read_regular, read_text, stays_inside};
use crate::urls::slash_path;

use super::limits;
use super::scan::{self, Instrumented};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $name)))),*]
    };
}

/// The default theme's templates, by name under `templates/`.
pub(super) const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/action-lines.html",
    "templates/action-line.html",
    "templates/action-line-year.html",
    "templates/organizations.html",
    "templates/organization.html",
    "templates/reports.html",
    "templates/report.html",
    "templates/metrics.html",
    "templates/metric.html",
    "templates/years.html",
    "templates/year.html",
    "templates/targets.html",
    "templates/target.html",
    "templates/404.html",
    "templates/search.html",
    "templates/frame-macros.html",
    "templates/frameworks.html",
    "templates/framework-related.html",
    "templates/description.html",
    "templates/sdg.html",
    "templates/gdc.html",
    "templates/documents.html",
    "templates/document.html",
    "templates/action-line-frameworks.html",
    "templates/atom.xml",
    "templates/sitemap.xml",
    "templates/robots.txt",
);

/// The default theme's static files, by path under `static/`.
const DEFAULT_STATIC: &[(&str, &str)] = embedded!("static/style.css", "static/search.js");

/// A template's source and where it came from, for error messages.
#[derive(Debug, Clone)]
pub(crate) struct TemplateSource {
    /// The name templates use (`report.html`).
    pub(crate) name: String,
    /// The text as written.
    pub(crate) text: String,
    /// The text Tera compiles, counting its loops against the page budget.
    compiled: Instrumented,
    /// The file it was read from, or `None` when built in.
    pub(crate) file: Option<PathBuf>,
}

impl TemplateSource {
    /// Reads the template `name`, refusing what the page budget could not bound.
    fn new(name: String, text: String, file: Option<PathBuf>) -> Result<Self, Diagnostic> {
        let shown = shown_file(&name, file.as_deref());
        let compiled = scan::instrument(&text).map_err(|e| {
            Diagnostic::new(Kind::Template, shown, e.message)
                .at(Some(e.location))
                .help(e.help)
        })?;
        Ok(TemplateSource {
            name,
            text,
            compiled,
            file,
        })
    }
}

/// How a template file is named in messages.
fn shown_file(name: &str, file: Option<&Path>) -> PathBuf {
    match file {
        Some(f) => f.to_path_buf(),
        None => PathBuf::from(format!("(built-in default theme) templates/{name}")),
    }
}

/// A static file to copy into the output.
#[derive(Debug, Clone)]
pub(crate) enum StaticFile {
    /// Built into the binary.
    Embedded(&'static str),
    /// On disk, at this absolute path.
    Disk(PathBuf),
}

/// The resolved theme: templates and static files after site overrides.
#[derive(Debug)]
pub(crate) struct Theme {
    pub(crate) templates: Vec<TemplateSource>,
    /// Static files by output path (`style.css`), later entries overriding earlier.
    pub(crate) statics: Vec<(PathBuf, StaticFile)>,
    /// Stylesheets and scripts by output path, with their fingerprinted path
    /// (`style.css` -> `style.1a2b3c4d5e6f7a8b.css`), so that pages can link to a name
    /// that changes whenever the file does and CDNs can cache it forever. Each is
    /// written under the names pages link it by (`super::statics`).
    pub(crate) fingerprinted: BTreeMap<String, String>,
    /// The interface text in each of the site's languages.
    pub(crate) i18n: std::sync::Arc<Catalog>,
    /// Files left out, such as symbolic links to outside the site.
    pub(crate) warnings: Vec<Diagnostic>,
}

impl StaticFile {
    /// The file's bytes.
    pub(crate) fn bytes(&self) -> Result<Vec<u8>, Diagnostic> {
        match self {
            StaticFile::Embedded(text) => Ok(text.as_bytes().to_vec()),
            StaticFile::Disk(path) => read_regular(path, path, None),
        }
    }
}

/// `dir/name.<hash>.ext` for `dir/name.ext`, the hash taken over `bytes`.
fn fingerprint(rel: &Path, bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("asset");
    let ext = rel.extension().and_then(|s| s.to_str()).unwrap_or("");
    let name = format!("{stem}.{:016x}.{ext}", h.finish());
    match rel.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => format!("{}/{name}", slash_path(dir)),
        None => name,
    }
}

impl Theme {
    /// Resolves the theme `name` for the site at `root`: the built-in default theme,
    /// overridden file by file by `themes/<name>/`, then by the site's `static/`. So a
    /// theme holding only `templates/report.html` changes the report page and nothing
    /// else. `name` is a plain folder name (checked with `site.toml`). The interface
    /// text is loaded for `languages`, the default first.
    pub(crate) fn load(
        root: &Path,
        name: &str,
        languages: &[Language],
    ) -> Result<Theme, Vec<Diagnostic>> {
        let dir = Path::new("themes").join(name);
        let on_disk = root.join(&dir);
        if name != "default" && !on_disk.is_dir() {
            return Err(vec![
                Diagnostic::new(
                    Kind::Config,
                    "site.toml",
                    format!(
                        "theme `{name}` not found: there is no folder {}",
                        dir.display()
                    ),
                )
                .help("set `theme = \"default\"` or create the theme folder"),
            ]);
        }
        // `themes/` or `themes/<name>` may be a symbolic link; its files are published,
        // so it must not lead outside the site.
        if on_disk.exists() && !stays_inside(root, &dir) {
            return Err(vec![
                Diagnostic::new(
                    Kind::Config,
                    &dir,
                    format!(
                        "theme `{name}`: {} is a symbolic link to outside the site",
                        dir.display()
                    ),
                )
                .help("copy the theme into the site's themes/ folder instead of linking to it"),
            ]);
        }
        let mut errors = Vec::new();
        let mut templates: Vec<TemplateSource> = Vec::new();
        for (path, text) in DEFAULT_TEMPLATES {
            let name = path.trim_start_matches("templates/").to_string();
            match TemplateSource::new(name, (*text).to_string(), None) {
                Ok(t) => templates.push(t),
                Err(e) => errors.push(e),
            }
        }
        let mut statics: Vec<(PathBuf, StaticFile)> = DEFAULT_STATIC
            .iter()
            .map(|(path, text)| {
                (
                    PathBuf::from(path.trim_start_matches("static/")),
                    StaticFile::Embedded(text),
                )
            })
            .collect();
        let tpl_dir = dir.join("templates");
        let mut warnings = Vec::new();
        let (tpl_files, tpl_warnings) = list_files(root, &tpl_dir, &[])?;
        warnings.extend(tpl_warnings);
        for rel in tpl_files {
            let name = slash_path(rel.strip_prefix(&tpl_dir).unwrap_or(&rel));
            let read = read_text(&root.join(&rel), &rel)
                .and_then(|text| TemplateSource::new(name, text, Some(rel)));
            match read {
                Ok(template) => {
                    templates.retain(|t| t.name != template.name);
                    templates.push(template);
                }
                Err(e) => errors.push(e),
            }
        }
        for static_dir in [dir.join("static"), PathBuf::from("static")] {
            let (static_files, static_warnings) = list_files(root, &static_dir, &[])?;
            warnings.extend(static_warnings);
            for rel in static_files {
                let out = rel.strip_prefix(&static_dir).unwrap_or(&rel).to_path_buf();
                statics.retain(|(p, _)| *p != out);
                statics.push((out, StaticFile::Disk(root.join(&rel))));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        templates.sort_by(|a, b| a.name.cmp(&b.name));
        let mut fingerprinted = BTreeMap::new();
        for (rel, file) in &statics {
            let is_asset = rel.extension().is_some_and(|e| e == "css" || e == "js");
            if is_asset {
                match file.bytes() {
                    Ok(bytes) => {
                        fingerprinted.insert(slash_path(rel), fingerprint(rel, &bytes));
                    }
                    Err(e) => errors.push(e),
                }
            }
        }
        let i18n = match Catalog::load(root, Some(&dir), languages) {
            Ok((catalog, missing)) => {
                warnings.extend(missing);
                Some(catalog)
            }
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        match i18n {
            Some(catalog) if errors.is_empty() => Ok(Theme {
                templates,
                statics,
                fingerprinted,
                i18n: std::sync::Arc::new(catalog),
                warnings,
            }),
            _ => Err(errors),
        }
    }

    /// Builds the Tera engine, reporting template syntax errors with file and line.
    /// Its `t` function gives the interface text of the default language.
    pub(crate) fn engine(&self) -> Result<tera::Tera, Vec<Diagnostic>> {
        let mut tera = tera::Tera::new();
        tera.register_function("t", self.translate(0));
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("format_value", self.format_value(0));
        tera.register_function(scan::TICK, limits::tick);
        tera.add_raw_templates(self.templates.iter().map(|t| (&t.name, &t.compiled.text)))
            .map_err(|e| self.template_errors(&e))?;
        Ok(tera)
    }

    /// The `t` function for the site's `lang`-th language (0: the default).
    pub(crate) fn translate(&self, lang: usize) -> Translate {
        Translate::new(std::sync::Arc::clone(&self.i18n), lang)
    }

    /// The `format_value` filter for the site's `lang`-th language (0: the default).
    pub(crate) fn format_value(&self, lang: usize) -> FormatValue {
        FormatValue {
            catalog: std::sync::Arc::clone(&self.i18n),
            lang,
        }
    }

    /// How the template `name` is named in messages: its file, or the built-in one.
    pub(crate) fn template_file(&self, name: &str) -> PathBuf {
        match self.templates.iter().find(|t| t.name == name) {
            Some(t) => shown_file(name, t.file.as_deref()),
            None if name.is_empty() => PathBuf::from("templates"),
            None => PathBuf::from(name),
        }
    }

    /// A diagnostic for a Tera error, pointing into the template file as written.
    pub(crate) fn template_error(&self, e: &tera::Error) -> Diagnostic {
        let mut all = self.template_errors(e);
        all.truncate(1);
        all.pop()
            .unwrap_or_else(|| Diagnostic::new(Kind::Template, "templates", e.to_string()))
    }

    /// Diagnostics for a Tera error, each pointing into the template file as written:
    /// checking templates, Tera reports every unknown filter, function, component
    /// or template as text, which names the template, line and column.
    fn template_errors(&self, e: &tera::Error) -> Vec<Diagnostic> {
        use tera::ErrorKind as K;
        let (name, message, location) = match e.kind() {
            K::SyntaxError(r) | K::RenderingError(r) => (
                r.filename(),
                r.message().to_string(),
                Some(Location::new(r.span().start_line, r.span().start_col + 1)),
            ),
            K::Msg(text) if reports(text).next().is_some() => {
                return reports(text)
                    .map(|(name, message, location)| {
                        self.diagnostic(name, message.to_string(), Some(location))
                    })
                    .collect();
            }
            K::CircularExtend { tpl, .. }
            | K::CircularInclude { tpl, .. }
            | K::MissingParent { current: tpl, .. } => (tpl.as_str(), e.to_string(), None),
            _ => ("", e.to_string(), None),
        };
        let template = self.templates.iter().find(|t| t.name == name);
        // Tera reports a block left open where its parser gave up, often at an
        // `{% endblock %}` far below: name the tag that was left open instead.
        if let (K::SyntaxError(_), Some(t)) = (e.kind(), template) {
            // Only when Tera stopped at or after it: an earlier error is another one.
            let reported = location.map(|l| t.compiled.source_location(l));
            let open = scan::unclosed(&t.text).filter(|o| reported.is_none_or(|r| r >= o.location));
            if let Some(open) = open {
                return vec![
                    Diagnostic::new(Kind::Template, self.template_file(name), open.message)
                        .at(Some(open.location))
                        .help(open.help),
                ];
            }
        }
        let mut message = message;
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            message.push_str(&format!(": {s}"));
            source = s.source();
        }
        vec![self.diagnostic(name, message, location)]
    }

    /// A diagnostic at `location` of the compiled template `name`, shown at the
    /// position in its file as written.
    fn diagnostic(&self, name: &str, message: String, location: Option<Location>) -> Diagnostic {
        let template = self.templates.iter().find(|t| t.name == name);
        let file = self.template_file(name);
        let location = match (location, template) {
            (Some(l), Some(t)) => Some(t.compiled.source_location(l)),
            (l, _) => l,
        };
        Diagnostic::new(Kind::Template, file, message).at(location)
    }
}

/// The errors of a text report of Tera's: each `error: <message>` line followed by a
/// `--> <template>:<line>:<column>` line.
fn reports(text: &str) -> impl Iterator<Item = (&str, &str, Location)> {
    let mut lines = text.lines().peekable();
    std::iter::from_fn(move || {
        loop {
            let Some(message) = lines.next()?.strip_prefix("error: ") else {
                continue;
            };
            let Some(at) = lines
                .peek()
                .and_then(|l| l.trim_start().strip_prefix("--> "))
            else {
                continue;
            };
            let mut parts = at.rsplitn(3, ':');
            let (Some(column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let (Ok(line), Ok(column)) = (line.parse(), column.parse()) else {
                continue;
            };
            return Some((name, message, Location::new(line, column)));
        }
    })
}

/// The `format_value` filter formats a number exactly as the built-in pages do:
/// `{{ value | format_value(unit="usd", bound="at-least", status="projected") }}` is
/// `at least $264,100 (projected)`; `bound="range", high=5` makes a range from the
/// value up to `high`. The old `qualifier="..."` still works. Each language's engine
/// has its own, writing numbers as the language does.
pub(crate) struct FormatValue {
    catalog: std::sync::Arc<crate::i18n::Catalog>,
    lang: usize,
}

impl tera::Filter<f64, tera::TeraResult<String>> for FormatValue {
    fn call(&self, value: f64, kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
        let (amount, unit, status) = figure_of(value, &kwargs)?;
        Ok(self
            .catalog
            .formatter(self.lang)
            .figure(amount, &unit, status))
    }
}

/// The figure `format_value`'s arguments describe.
fn figure_of(
    value: f64,
    kwargs: &tera::Kwargs,
) -> tera::TeraResult<(
    crate::model::Amount,
    crate::model::Unit,
    crate::model::Status,
)> {
    use crate::model::{Amount, Bound, Status};
    let unit = crate::model::Unit::parse(kwargs.get::<&str>("unit")?.unwrap_or("count"));
    let unknown = |what: &str, name: &str, expected: &str| {
        tera::Error::message(format!(
            "format_value: unknown {what} `{name}`; expected {expected}"
        ))
    };
    let (mut bound, mut status) = (Bound::Exact, Status::Actual);
    let (qualifier, new) = (
        kwargs.get::<&str>("qualifier")?,
        kwargs.get::<&str>("bound")?.is_some() || kwargs.get::<&str>("status")?.is_some(),
    );
    if qualifier.is_some() && new {
        return Err(tera::Error::message(
            "format_value: `qualifier` cannot be used with `bound` or `status`",
        ));
    }
    if let Some(name) = qualifier {
        (bound, status) = crate::load::Qualifier::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, q)| q.split())
            .ok_or_else(|| {
                unknown(
                    "qualifier",
                    name,
                    "exact, at-least, at-most, approximately or projected",
                )
            })?;
    }
    if let Some(name) = kwargs.get::<&str>("bound")? {
        bound = Bound::parse(name).ok_or_else(|| {
            unknown(
                "bound",
                name,
                "exact, approximately, at-least, at-most or range",
            )
        })?;
    }
    if let Some(name) = kwargs.get::<&str>("status")? {
        status = Status::parse(name)
            .ok_or_else(|| unknown("status", name, "actual, estimate, projected or target"))?;
    }
    let high = kwargs.get::<f64>("high")?;
    if high.is_some() && bound != Bound::Range {
        return Err(tera::Error::message(
            "format_value: high= is for bound=\"range\"",
        ));
    }
    let amount = match (bound.single(value), high) {
        (Some(amount), _) => amount,
        (None, Some(high)) => Amount::Range { low: value, high },
        (None, None) => {
            return Err(tera::Error::message(
                "format_value: bound=\"range\" needs high=, the range's high end",
            ));
        }
    };
    Ok((amount, unit, status))
}
