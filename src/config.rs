//! `site.toml`: the site's settings.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::i18n::Language;

mod pagination;
pub use pagination::PaginationConfig;

/// The settings in `site.toml`. Unknown keys are errors, so a typo never silently
/// falls back to a default.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in every page's header and title.
    pub title: String,
    /// Where the site is published, possibly with a sub-path (`https://example.org/wsis/`).
    pub base_url: BaseUrl,
    /// One sentence about the site, used in page metadata.
    #[serde(default)]
    pub description: String,
    /// The default language, as a BCP 47 tag: its pages are at the site root.
    #[serde(default = "default_language")]
    pub language: Language,
    /// Every language the site publishes in, the default among them; each other
    /// language's pages are under `/<tag>/`. Empty: the default language alone.
    #[serde(default)]
    pub languages: Vec<Language>,
    /// The theme folder name under `themes/`; `default` is built into the binary.
    /// A name, never a path (see `check_theme_name`).
    #[serde(default = "default_theme", deserialize_with = "theme_name")]
    pub theme: String,
    /// Build settings.
    #[serde(default)]
    pub build: BuildConfig,
    /// How long lists are cut into pages (`[pagination]`).
    #[serde(default)]
    pub pagination: PaginationConfig,
}

/// The `[build]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildConfig {
    /// The output folder, relative to the site root.
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    /// Whether HTML pages are minified.
    #[serde(default = "default_true")]
    pub minify: bool,
    /// Keep raw HTML in report text as written, scripts and event handlers included.
    /// Unsafe: only for sites whose every contributor is trusted. Off by default, when
    /// raw HTML is sanitised.
    #[serde(default)]
    pub allow_unsafe_html: bool,
}

impl Default for BuildConfig {
    fn default() -> Self {
        BuildConfig {
            output_dir: default_output_dir(),
            minify: true,
            allow_unsafe_html: false,
        }
    }
}

fn default_language() -> Language {
    Language::parse("en").expect("`en` is a language tag")
}
fn default_theme() -> String {
    "default".into()
}
fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}
fn default_true() -> bool {
    true
}

/// Checks that `name` names a folder directly under `themes/`: letters, digits, `-`,
/// `_` and inner dots, so that no spelling (`..`, `a/b`, `/abs`, `a\b`, `C:x`)
/// can make the build read templates and static files from elsewhere and publish them.
fn check_theme_name(name: &str) -> Result<(), String> {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    let edges = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain && edges && name.len() <= 64 {
        Ok(())
    } else {
        Err(format!(
            "theme `{}` is not a theme name: a theme is a folder directly under themes/, \
             named with letters, digits, `-`, `_` and `.` (at most 64), such as `default` \
             or `my-theme`, never a path",
            name.escape_debug()
        ))
    }
}

fn theme_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let name = String::deserialize(d)?;
    check_theme_name(&name).map_err(serde::de::Error::custom)?;
    Ok(name)
}

/// A site's public address, split into the parts links need: every internal link is
/// `path` + a page path, so the site works under a sub-path such as `/wsis/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, without a trailing slash: `https://example.org`.
    origin: String,
    /// The sub-path, always starting and ending with `/`: `/wsis/` or `/`.
    path: String,
}

impl BaseUrl {
    /// Parses `https://host[:port][/sub/path]`; the trailing slash is optional.
    pub fn parse(url: &str) -> Result<Self, String> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("`{url}` must start with https:// or http://"))?;
        let scheme_len = url.len() - rest.len();
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() {
            return Err(format!("`{url}` has no host"));
        }
        if path.contains(['?', '#', ' ', '\\']) || path.contains("/../") || path.contains("//") {
            return Err(format!(
                "`{url}` must be a plain address, without query, fragment or `..`"
            ));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl {
            origin: url[..scheme_len + host.len()].to_string(),
            path,
        })
    }

    /// The sub-path every internal link starts with, `/` or `/wsis/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The full address of the site's root, ending with `/`.
    pub fn root(&self) -> String {
        format!("{}{}", self.origin, self.path)
    }
}

impl<'de> Deserialize<'de> for BaseUrl {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        BaseUrl::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Config {
    /// Reads and checks `site.toml` at `path`; `shown` is how the file is named in
    /// errors.
    pub fn load(path: &Path, shown: &Path) -> Result<Config, Diagnostic> {
        let text = crate::load::read_text(path, shown)?;
        Config::parse(&text, shown)
    }

    /// Parses the text of a `site.toml`.
    pub fn parse(text: &str, shown: &Path) -> Result<Config, Diagnostic> {
        let config: Config =
            toml::from_str(text).map_err(|e| {
                // toml points at the whole `languages` list when one of its entries is
                // not a language: point at that entry.
                if let Some(at) = e.span().and_then(|s| bad_language_location(text, s.start)) {
                    return Diagnostic::new(Kind::Config, shown, e.message().trim().to_string())
                    .at(Some(at))
                    .help("write each language as a BCP 47 tag: \"en\", \"fr\", \"ar\", \"pt-BR\"");
                }
                let location = e.span().map(|s| Location::of_offset(text, s.start));
                Diagnostic::new(Kind::Config, shown, e.message().trim().to_string())
                    .at(location)
                    .help(
                        "site.toml takes title, base_url, description, language, languages, \
                     theme, [build] output_dir, minify, allow_unsafe_html and \
                     [pagination] page_size, sitemap_urls (whole numbers of at least 1)",
                    )
            })?;
        config.check_languages(text, shown)?;
        if config.build.output_dir.as_os_str().is_empty() {
            return Err(Diagnostic::new(
                Kind::Config,
                shown,
                "[build] output_dir must not be empty",
            ));
        }
        // A site's settings choose a folder inside the site only: a shared or
        // downloaded site must not write (and empty) folders elsewhere on the machine.
        // Building elsewhere is the user's choice, on the command line (`--output`).
        use std::path::Component;
        let parts = || config.build.output_dir.components();
        let inside = parts().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
            && parts().any(|c| matches!(c, Component::Normal(_)));
        if !inside {
            return Err(Diagnostic::new(
                Kind::Config,
                shown,
                format!(
                    "[build] output_dir `{}` is not a folder inside the site root",
                    config.build.output_dir.display()
                ),
            )
            .at(output_dir_location(text))
            .help(
                "give a relative path without `..`, such as `public`; to build \
                 outside the site, pass `--output <folder>` to `wsis build`",
            ));
        }
        Ok(config)
    }
}

impl Config {
    /// The site's languages, the default first, then the others in the order
    /// `languages` lists them.
    pub fn languages(&self) -> Vec<Language> {
        self.each_language().cloned().collect()
    }

    /// The site's languages in the order of [`Config::languages`], borrowed: what
    /// each page asks for its own language by index, without a copy.
    pub fn each_language(&self) -> impl Iterator<Item = &Language> {
        std::iter::once(&self.language)
            .chain(self.languages.iter().filter(|l| **l != self.language))
    }

    /// `languages` names each language once, the default among them.
    fn check_languages(&self, text: &str, shown: &Path) -> Result<(), Diagnostic> {
        if self.languages.is_empty() {
            return Ok(());
        }
        let at = |i: Option<usize>| languages_location(text, i);
        for (i, lang) in self.languages.iter().enumerate() {
            if self.languages[..i].contains(lang) {
                return Err(Diagnostic::new(
                    Kind::Config,
                    shown,
                    format!("`languages` names `{lang}` twice"),
                )
                .at(at(Some(i)))
                .help("list each language once"));
            }
        }
        if !self.languages.contains(&self.language) {
            return Err(Diagnostic::new(
                Kind::Config,
                shown,
                format!(
                    "`languages` does not include `{}`, the default `language`",
                    self.language
                ),
            )
            .at(at(None))
            .help(format!(
                "add \"{}\" to `languages`, or set `language` to one of them",
                self.language
            )));
        }
        Ok(())
    }
}

/// The `languages` list of the text of a `site.toml`, with where each entry is.
fn languages_spans(text: &str) -> Option<toml::Spanned<Vec<toml::Spanned<String>>>> {
    #[derive(Deserialize)]
    struct Spans {
        languages: Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    }
    toml::from_str::<Spans>(text).ok()?.languages
}

/// Where `languages` (or its `i`-th entry) is in the text of a `site.toml`.
fn languages_location(text: &str, i: Option<usize>) -> Option<Location> {
    let list = languages_spans(text)?;
    let span = match i {
        Some(i) => list.get_ref().get(i)?.span(),
        None => list.span(),
    };
    Some(Location::of_offset(text, span.start))
}

/// Where the first entry of `languages` that is not a language tag is, when the list
/// starts at byte `list_start` of `text` (where toml reported an error).
fn bad_language_location(text: &str, list_start: usize) -> Option<Location> {
    let list = languages_spans(text)?;
    if list.span().start != list_start {
        return None;
    }
    let bad = list
        .get_ref()
        .iter()
        .find(|tag| Language::parse(tag.get_ref()).is_err())?;
    Some(Location::of_offset(text, bad.span().start))
}

/// Where the value of `[build] output_dir` is in the text of a `site.toml`.
fn output_dir_location(text: &str) -> Option<Location> {
    #[derive(Deserialize)]
    struct Spans {
        build: Option<BuildSpans>,
    }
    #[derive(Deserialize)]
    struct BuildSpans {
        output_dir: Option<toml::Spanned<String>>,
    }
    let spans: Spans = toml::from_str(text).ok()?;
    let span = spans.build?.output_dir?.span();
    Some(Location::of_offset(text, span.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_sub_path() {
        let b = BaseUrl::parse("https://example.org/wsis").unwrap();
        assert_eq!(b.path(), "/wsis/");
        assert_eq!(b.root(), "https://example.org/wsis/");
        let b = BaseUrl::parse("http://127.0.0.1:1111").unwrap();
        assert_eq!(b.path(), "/");
        assert_eq!(b.root(), "http://127.0.0.1:1111/");
        assert!(BaseUrl::parse("example.org").is_err());
        assert!(BaseUrl::parse("https://example.org/a/../b").is_err());
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let text = "title = \"T\"\nbase_url = \"https://e.org/\"\ntheem = \"x\"\n";
        let err = Config::parse(text, Path::new("site.toml")).unwrap_err();
        assert_eq!(err.location, Some(Location::new(3, 1)));
        assert!(err.message.contains("theem"), "{}", err.message);
    }

    #[test]
    fn output_dir_stays_inside_the_root() {
        let with = |dir: &str| {
            let text = format!(
                "title = \"T\"\nbase_url = \"https://e.org/\"\n[build]\noutput_dir = \"{dir}\"\n"
            );
            Config::parse(&text, Path::new("site.toml"))
        };
        for bad in ["..", "../x", "a/../../x", "/tmp/x", ".", "./"] {
            let err = with(bad).unwrap_err();
            assert_eq!(err.location, Some(Location::new(4, 14)), "{bad}");
            assert!(err.message.contains("not a folder inside"), "{err}");
        }
        for good in ["public", "./public", "out/www", "a/./b"] {
            assert!(with(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn theme_names_are_names_not_paths() {
        for ok in ["default", "my-theme", "t_2", "a.b", "X1"] {
            assert_eq!(check_theme_name(ok), Ok(()), "{ok}");
        }
        for bad in [
            "", ".", "..", "../x", "a/b", "/abs", "a\\b", "C:x", ".hidden", "a.", " a", "é",
        ] {
            assert!(check_theme_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn defaults_apply() {
        let c = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org/\"\n",
            Path::new("s"),
        )
        .unwrap();
        assert_eq!(c.language.tag(), "en");
        assert_eq!(c.languages().len(), 1);
        assert_eq!(c.theme, "default");
        assert_eq!(c.build.output_dir, PathBuf::from("public"));
        assert!(c.build.minify);
    }

    #[test]
    fn languages_list_the_default_first_each_once() {
        let base = "title = \"t\"\nbase_url = \"https://e.org/\"\n";
        let c = Config::parse(
            &format!("{base}language = \"fr\"\nlanguages = [\"en\", \"fr\", \"ar\"]\n"),
            Path::new("site.toml"),
        )
        .unwrap();
        assert_eq!(
            c.languages()
                .iter()
                .map(|l| l.tag().to_string())
                .collect::<Vec<_>>(),
            ["fr", "en", "ar"]
        );
        let twice = Config::parse(
            &format!("{base}languages = [\"en\", \"fr\", \"fr\"]\n"),
            Path::new("site.toml"),
        )
        .unwrap_err();
        assert!(twice.message.contains("`fr` twice"), "{}", twice.message);
        assert_eq!(twice.location.map(|l| (l.line, l.column)), Some((3, 26)));
        let without = Config::parse(
            &format!("{base}languages = [\"fr\", \"ar\"]\n"),
            Path::new("site.toml"),
        )
        .unwrap_err();
        assert!(
            without.message.contains("`en`, the default"),
            "{}",
            without.message
        );
        assert_eq!(without.location.map(|l| l.line), Some(3));
        let bad = Config::parse(
            &format!("{base}languages = [\"en\", \"french\"]\n"),
            Path::new("site.toml"),
        )
        .unwrap_err();
        assert!(bad.message.contains("`french`"), "{}", bad.message);
        assert_eq!(bad.location.map(|l| (l.line, l.column)), Some((3, 20)));
    }
}
