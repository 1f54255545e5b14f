//! The interface text of the theme in each of the site's languages, from Fluent
//! files (`i18n/<tag>.ftl`): the default theme's, built into the binary, overridden
//! string by string by the site theme's own `themes/<name>/i18n/<tag>.ftl`.
//!
//! Fluent is the format Mozilla's translators use: one `key = text` per string, with
//! variables (`{ $year }`) and plural forms a translator can write without a
//! programmer. English is the fallback: a string a language lacks is shown in English,
//! and `check` lists what each language lacks.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;
use rustc_hash::FxHashMap;

use super::Language;
use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::load::{read_text, stays_inside};

type Bundle = FluentBundle<FluentResource>;

/// The default theme's translation files, by language tag.
const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../../themes/default/i18n/en.ftl")),
    ("fr", include_str!("../../themes/default/i18n/fr.ftl")),
    ("es", include_str!("../../themes/default/i18n/es.ftl")),
    ("ar", include_str!("../../themes/default/i18n/ar.ftl")),
    ("zh", include_str!("../../themes/default/i18n/zh.ftl")),
    ("ru", include_str!("../../themes/default/i18n/ru.ftl")),
];

/// The language every string exists in.
const FALLBACK: &str = "en";

/// How a string's own text is given: as written, or escaped for HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Text {
    /// As written: for a value the template escapes itself, and for the `-html`
    /// strings, whose tags are the translation's own.
    AsWritten,
    /// `<`, `&` and `"` escaped, as in a string without markup put into HTML: a
    /// translator's quotes then cannot end the attribute the string is put in.
    Escaped,
}

/// One language's strings, as written and with their text escaped for HTML (Fluent
/// applies an escape to a string's own text only, never to its variables).
struct Bundles {
    as_written: Bundle,
    escaped: Bundle,
}

impl Bundles {
    fn get(&self, text: Text) -> &Bundle {
        match text {
            Text::AsWritten => &self.as_written,
            Text::Escaped => &self.escaped,
        }
    }
}

/// The interface text of every language of the site.
pub(crate) struct Catalog {
    /// One language's strings per language of the site, in `site.toml` order.
    bundles: Vec<Bundles>,
    /// The languages, in the same order.
    languages: Vec<Language>,
    /// English: the fallback for a string a language lacks.
    english: Bundles,
    /// The keys of every string: those of the English files.
    keys: BTreeSet<String>,
    /// Per language: its numbers and dates, with the words around figures.
    formatters: Vec<crate::format::Formatter>,
    /// Per language, as written and escaped: every string that takes no variables,
    /// formatted once. Pages ask for the same few hundred such strings thousands of
    /// times each, and they read the same every time.
    without_args: Vec<[FxHashMap<String, String>; 2]>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("languages", &self.languages)
            .finish_non_exhaustive()
    }
}

/// A translation file to read: its text and how messages name it.
struct Source {
    file: PathBuf,
    text: String,
}

impl Catalog {
    /// Loads the strings of `languages` for the theme folder `theme_dir` (relative to
    /// `root`; `None` for the built-in default theme alone). Returns the catalog and
    /// one warning per language that lacks strings, listing them. A file that does
    /// not parse is an error with its line and column.
    pub(crate) fn load(
        root: &Path,
        theme_dir: Option<&Path>,
        languages: &[Language],
    ) -> Result<(Catalog, Vec<Diagnostic>), Vec<Diagnostic>> {
        let english_lang = Language::parse(FALLBACK).expect("`en` is a language tag");
        let mut errors = Vec::new();
        let mut bundle_of = |lang: &Language| -> (Bundles, Vec<PathBuf>, BTreeSet<String>) {
            let new = || {
                let mut bundle = Bundle::new_concurrent(vec![lang.id().clone()]);
                // Unicode isolation marks keep a left-to-right value (a number, an
                // English name) from reordering the right-to-left sentence around it;
                // in left-to-right text they would only be invisible noise in titles.
                bundle.set_use_isolating(lang.is_rtl());
                bundle
            };
            let (mut as_written, mut escaped) = (new(), new());
            escaped.set_transform(Some(escape_text));
            let (mut files, mut keys) = (Vec::new(), BTreeSet::new());
            for source in sources(root, theme_dir, lang, &mut errors) {
                files.push(source.file.clone());
                keys.extend(message_ids(&source.text).map(str::to_string));
                let text = source.text.clone();
                match parse(source) {
                    Ok(resource) => {
                        as_written.add_resource_overriding(resource);
                        // The same text parsed again: it parsed the first time.
                        let (Ok(again) | Err((again, _))) = FluentResource::try_new(text);
                        escaped.add_resource_overriding(again);
                    }
                    Err(mut e) => errors.append(&mut e),
                }
            }
            (
                Bundles {
                    as_written,
                    escaped,
                },
                files,
                keys,
            )
        };
        let (english, _, keys) = bundle_of(&english_lang);
        let mut bundles = Vec::with_capacity(languages.len());
        let mut lacking = Vec::new();
        for lang in languages {
            let (bundle, files, _) = bundle_of(lang);
            lacking.push(files);
            bundles.push(bundle);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut catalog = Catalog {
            bundles,
            languages: languages.to_vec(),
            english,
            keys,
            formatters: Vec::new(),
            without_args: Vec::new(),
        };
        catalog.without_args = (0..languages.len())
            .map(|lang| {
                [Text::AsWritten, Text::Escaped].map(|text| catalog.all_without_args(lang, text))
            })
            .collect();
        catalog.formatters = languages
            .iter()
            .enumerate()
            .map(|(i, lang)| crate::format::Formatter::new(&catalog, i, lang))
            .collect();
        let warnings = catalog.missing_warnings(&lacking, theme_dir);
        Ok((catalog, warnings))
    }

    /// The built-in English strings alone, for text every language shares: the
    /// open data.
    /// Loaded once per process: it never changes, and the formatter's English and the
    /// open data both need it.
    pub(crate) fn built_in_english() -> &'static Catalog {
        static ENGLISH: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        ENGLISH.get_or_init(|| {
            let en = Language::parse(FALLBACK).expect("`en` is a language tag");
            match Catalog::load(Path::new(""), None, &[en]) {
                Ok((catalog, _)) => catalog,
                // The built-in files are compiled in and parsed by the tests.
                Err(e) => unreachable!("the built-in en.ftl does not parse: {e:?}"),
            }
        })
    }

    /// One warning per language that lacks strings, naming them.
    fn missing_warnings(
        &self,
        files: &[Vec<PathBuf>],
        theme_dir: Option<&Path>,
    ) -> Vec<Diagnostic> {
        let keys = &self.keys;
        let mut warnings = Vec::new();
        for ((lang, bundles), files) in self.languages.iter().zip(&self.bundles).zip(files) {
            let bundle = &bundles.as_written;
            let missing: Vec<&str> = keys
                .iter()
                .map(String::as_str)
                .filter(|k| !bundle.has_message(k))
                .collect();
            if missing.is_empty() || lang.tag() == FALLBACK {
                continue;
            }
            // The file to add the strings to: the theme's own, whether or not it exists
            // yet; the built-in files are in the binary, where no editor can add them.
            let file = files
                .iter()
                .rev()
                .find(|f| theme_dir.is_some_and(|d| f.starts_with(d)))
                .cloned()
                .unwrap_or_else(|| {
                    theme_dir
                        .unwrap_or(Path::new("themes/default"))
                        .join("i18n")
                        .join(format!("{}.ftl", lang.tag()))
                });
            let help = format!(
                "add them to {} (see themes/default/i18n/en.ftl for the English text)",
                crate::urls::slash_path(&file)
            );
            warnings.push(
                Diagnostic::new(
                    Kind::Translation,
                    file,
                    format!(
                        "{} of {} interface strings have no {} translation and are shown in English: {}",
                        missing.len(),
                        keys.len(),
                        lang.tag(),
                        missing.join(", ")
                    ),
                )
                .help(help),
            );
        }
        warnings
    }

    /// Numbers and dates in the site's `lang`-th language (the default's past the
    /// last).
    pub(crate) fn formatter(&self, lang: usize) -> &crate::format::Formatter {
        self.formatters
            .get(lang)
            .or(self.formatters.first())
            .unwrap_or_else(|| crate::format::Formatter::english())
    }

    /// The string `key` as written, for text built in the code rather than in
    /// templates (views, charts, the open data). Such keys are written in the code,
    /// not by users: one missing from en.ftl is a bug the tests catch (debug builds),
    /// never a reason to fail a site's build, so the key itself stands in.
    pub(crate) fn text(&self, lang: usize, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.format(lang, key, args, Text::AsWritten)
            .unwrap_or_else(|e| {
                debug_assert!(false, "{e}");
                key.to_string()
            })
    }

    /// The string `key` in the site's `lang`-th language, with `args` filled in and
    /// its own text given as `text` says; in English where that language lacks it. An
    /// error names a key no file has, or a variable the string needs and was not given.
    pub(crate) fn format(
        &self,
        lang: usize,
        key: &str,
        args: Option<&FluentArgs<'_>>,
        text: Text,
    ) -> Result<String, String> {
        if args.is_none()
            && let Some(done) = self
                .without_args
                .get(lang)
                .and_then(|forms| forms[text as usize].get(key))
        {
            return Ok(done.clone());
        }
        self.format_pattern(lang, key, args, text)
    }

    /// Every string of the English keys that formats without variables, in the
    /// `lang`-th language, by key.
    fn all_without_args(&self, lang: usize, text: Text) -> FxHashMap<String, String> {
        self.keys
            .iter()
            .filter_map(|key| {
                Some((
                    key.clone(),
                    self.format_pattern(lang, key, None, text).ok()?,
                ))
            })
            .collect()
    }

    /// [`Catalog::format`], formatted by Fluent every time.
    fn format_pattern(
        &self,
        lang: usize,
        key: &str,
        args: Option<&FluentArgs<'_>>,
        text: Text,
    ) -> Result<String, String> {
        let own = self.bundles.get(lang).map(|b| b.get(text));
        let english = self.english.get(text);
        let (bundle, pattern) = match own.and_then(|b| Some((b, b.get_message(key)?.value()?))) {
            Some(found) => found,
            None => match english.get_message(key).and_then(|m| m.value()) {
                Some(p) => (english, p),
                None => {
                    return Err(format!(
                        "no interface text `{key}`: add `{key} = ...` to themes/default/i18n/en.ftl \
                         (or the theme's i18n/en.ftl)"
                    ));
                }
            },
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(format!("interface text `{key}`: {e}")),
        }
    }
}

/// The translation files for `lang`, in the order they override each other: the
/// built-in one, then the theme's. A tag with a region or script (`pt-BR`) falls back
/// to its language's file (`pt`) where it has none of its own.
fn sources(
    root: &Path,
    theme_dir: Option<&Path>,
    lang: &Language,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let primary = lang.id().language.as_str().to_string();
    let mut tags = vec![primary.clone()];
    if lang.tag() != primary {
        tags.push(lang.tag().to_string());
    }
    let mut found = Vec::new();
    for tag in &tags {
        if let Some((_, text)) = BUILT_IN.iter().find(|(t, _)| t == tag) {
            found.push(Source {
                file: PathBuf::from(format!("(built-in default theme) i18n/{tag}.ftl")),
                text: (*text).to_string(),
            });
        }
        if let Some(dir) = theme_dir {
            let rel = dir.join("i18n").join(format!("{tag}.ftl"));
            let path = root.join(&rel);
            if path.exists() && !stays_inside(root, &rel) {
                errors.push(
                    Diagnostic::new(
                        Kind::Translation,
                        &rel,
                        "is a symbolic link to outside the site: it is not read",
                    )
                    .help("copy the file into the site instead of linking to it"),
                );
            } else if path.exists() {
                match read_text(&path, &rel) {
                    // Normalised, not warned about: an editor or keyboard may store
                    // a string decomposed (or Arabic marks in another order), which
                    // looks the same and is no mistake the translator could see;
                    // composed, it matches what readers type and what the rest of
                    // the site holds. (A parse error's column then counts composed
                    // characters, the ones an editor shows.)
                    Ok(text) => found.push(Source {
                        file: rel,
                        text: crate::nfc::nfc(Cow::Owned(text)).into_owned(),
                    }),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    found
}

/// A string's own text escaped for HTML, where it has anything to escape.
fn escape_text(text: &str) -> Cow<'_, str> {
    if text.contains(['<', '>', '&', '"']) {
        Cow::Owned(crate::markdown::escape(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Parses one Fluent file; an error has the file, line and column.
fn parse(source: Source) -> Result<FluentResource, Vec<Diagnostic>> {
    let Source { file, text } = source;
    match FluentResource::try_new(text) {
        Ok(resource) => Ok(resource),
        Err((resource, errors)) => Err(errors
            .iter()
            .map(|e| {
                Diagnostic::new(Kind::Translation, &file, format!("not valid Fluent: {e}"))
                    .at(Some(location(resource.source(), e.pos.start)))
                    .help("each string is `key = text`; continuation lines are indented")
            })
            .collect()),
    }
}

/// The 1-based line and column of byte `offset` in `text`.
fn location(text: &str, offset: usize) -> Location {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location::new(line, column)
}

/// The message ids of a Fluent text (terms and comments left out).
fn message_ids(text: &str) -> impl Iterator<Item = &str> {
    let (Ok(r) | Err((r, _))) = fluent_syntax::parser::parse(text);
    r.body.into_iter().filter_map(|e| match e {
        Entry::Message(m) => Some(m.id.name),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
