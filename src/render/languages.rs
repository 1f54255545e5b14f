//! The site in each of its languages: the default language's pages at the root, each
//! other language's under `/<tag>/` (as Zola and Hugo do), every page in every
//! language. Templates are compiled once; each language gets a copy of the compiled
//! engine with its own `t` function and `site` values, so a template never has to say
//! which language it renders.

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use super::Job;
use super::theme::Theme;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::Site;

/// One page in one language: what the build renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Task {
    /// The language, as an index into the site's languages (0: the default).
    pub(crate) lang: usize,
    pub(crate) job: Job,
    /// Which page of the job's list, from 1 ([`super::paging`]): a list longer than
    /// a page is several tasks.
    pub(crate) part: usize,
}

/// The compiled templates of each language of the site, the default first.
pub(crate) struct Engines {
    engines: Vec<tera::Tera>,
    /// A fingerprint of every language's global context, for the incremental build.
    fingerprint: u128,
}

impl Engines {
    /// Compiles the theme's templates once and gives each language `i` its copy, with
    /// the `t` function of that language and the global context `site_of(i)`.
    pub(super) fn new<T: Serialize>(
        theme: &Theme,
        languages: usize,
        site_of: impl Fn(usize) -> T,
    ) -> Result<Self, Vec<Diagnostic>> {
        let compiled = theme.engine()?;
        let mut fingerprint = xxhash_rust::xxh3::Xxh3::new();
        let engines = (0..languages.max(1))
            .map(|i| {
                let mut tera = compiled.clone();
                let site = site_of(i);
                // The site-wide values are plain structs, lists and sorted maps: their
                // JSON is the same whenever they are.
                fingerprint.update(&serde_json::to_vec(&site).unwrap_or_default());
                fingerprint.update(b"\0");
                tera.register_function("t", theme.translate(i));
                tera.register_filter("format_value", theme.format_value(i));
                tera.global_context().insert("site", &site);
                tera
            })
            .collect();
        Ok(Engines {
            engines,
            fingerprint: fingerprint.digest128(),
        })
    }

    /// A fingerprint of every language's global context (`site`).
    pub(super) fn fingerprint(&self) -> u128 {
        self.fingerprint
    }

    /// The engine of language `lang`.
    pub(super) fn get(&self, lang: usize) -> &tera::Tera {
        &self.engines[lang.min(self.engines.len() - 1)]
    }
}

/// A language of the site as its pages need it: where they are and what it is called.
#[derive(Debug)]
pub(super) struct Edition {
    /// The language tag, for `lang` and `hreflang`.
    pub(super) tag: String,
    /// The language's name in itself, for the language switcher.
    pub(super) name: String,
    /// `ltr` or `rtl`.
    pub(super) dir: &'static str,
    /// The folder of its pages below the site root: empty for the default language,
    /// else `<tag>/`.
    pub(super) prefix: String,
    /// The base path of its pages: `/wsis/`, `/wsis/fr/`.
    pub(super) base: String,
    /// The absolute address of its home page: `https://example.org/wsis/fr/`.
    pub(super) root: String,
}

/// The editions of site `s`, the default language first.
pub(super) fn editions(s: &Site, theme: &Theme) -> Vec<Edition> {
    let base = s.config.base_url.path();
    let root = s.config.base_url.root();
    s.config
        .languages()
        .iter()
        .enumerate()
        .map(|(i, lang)| {
            let prefix = if i == 0 {
                String::new()
            } else {
                format!("{}/", lang.tag())
            };
            Edition {
                tag: lang.tag().to_string(),
                name: theme
                    .i18n
                    .format(i, "language-name", None, Text::AsWritten)
                    .unwrap_or_else(|_| lang.tag().to_string()),
                dir: lang.dir(),
                base: format!("{base}{prefix}"),
                root: format!("{root}{prefix}"),
                prefix,
            }
        })
        .collect()
}

/// A page in one language, for the language switcher and the `hreflang` alternates.
#[derive(Debug, Serialize)]
pub(super) struct Alternate<'a> {
    pub(super) tag: &'a str,
    /// The language's name in itself: `Français`, `العربية`.
    pub(super) name: &'a str,
    pub(super) dir: &'static str,
    /// The page's link in that language, under the base path.
    pub(super) url: String,
    /// The page's absolute address in that language, for `hreflang` and sitemaps.
    pub(super) absolute_url: String,
    /// Whether it is the language of the page being rendered.
    pub(super) current: bool,
}

/// The page at `path` in every language of `editions`, for a page in language `lang`; none for a
/// site in one language, whose pages have no switcher and no alternates.
///
/// `path` is the page's path below a language's folder: a list's later pages are at
/// the same path in each language folder.
pub(super) fn alternates<'e>(
    editions: &'e [Edition],
    path: &str,
    lang: usize,
) -> Vec<Alternate<'e>> {
    if editions.len() < 2 {
        return Vec::new();
    }
    editions
        .iter()
        .enumerate()
        .map(|(i, e)| Alternate {
            tag: &e.tag,
            name: &e.name,
            dir: e.dir,
            url: format!("{}{path}", e.base),
            absolute_url: format!("{}{path}", e.root),
            current: i == lang,
        })
        .collect()
}

/// Every page in every language, each job with its number of pages: the default
/// language's first. `robots.txt` is written once, at the root, where crawlers look
/// for it.
pub(super) fn tasks(jobs: &[(Job, usize)], languages: usize) -> Vec<Task> {
    (0..languages.max(1))
        .flat_map(|lang| {
            jobs.iter()
                .filter(move |&&(job, _)| lang == 0 || job != Job::Robots)
                .flat_map(move |&(job, parts)| {
                    (1..=parts).map(move |part| Task { lang, job, part })
                })
        })
        .collect()
}

/// `html` written from Markdown (a report's text, a document's paragraphs) with its
/// links to pages of the site (`href="/wsis/reports/x/"`, written under `root_base`)
/// moved to the page's language's base `base` (`/wsis/fr/reports/x/`), so a reader
/// stays in the language. Links to files (`/wsis/data/metrics.csv`, an image) stay:
/// files exist once, at the root. A page's link is one whose path is a folder, as
/// every page's is ([`Page::path`]).
pub(super) fn localize<'h>(html: &'h str, root_base: &str, base: &str) -> Cow<'h, str> {
    if base == root_base {
        return Cow::Borrowed(html);
    }
    let lead = format!("href=\"{root_base}");
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find(&lead) {
        let target = &rest[at + lead.len()..];
        let end = target.find('"').unwrap_or(target.len());
        let path = target[..end].split(['#', '?']).next().unwrap_or("");
        out.push_str(&rest[..at]);
        out.push_str("href=\"");
        if path.is_empty() || path.ends_with('/') {
            out.push_str(base);
        } else {
            out.push_str(root_base);
        }
        rest = target;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Shared compiled templates, to reuse across renderers of the same theme and settings.
pub(crate) type SharedEngines = Arc<Engines>;

#[cfg(test)]
mod tests {
    use super::localize;

    #[test]
    fn markdown_links_to_pages_move_to_the_language_and_links_to_files_stay() {
        let html = r##"<p><a href="/wsis/reports/b/">B</a>, <a href="/wsis/documents/d/#para-9">¶ 9</a>, <a href="/wsis/">home</a>, <a href="/wsis/data/metrics.csv">CSV</a>, <img src="/wsis/img/a.png"> <a href="https://e.org/wsis/x/">out</a> <a href="#fig-1">fig</a></p>"##;
        assert_eq!(
            localize(html, "/wsis/", "/wsis/fr/"),
            r##"<p><a href="/wsis/fr/reports/b/">B</a>, <a href="/wsis/fr/documents/d/#para-9">¶ 9</a>, <a href="/wsis/fr/">home</a>, <a href="/wsis/data/metrics.csv">CSV</a>, <img src="/wsis/img/a.png"> <a href="https://e.org/wsis/x/">out</a> <a href="#fig-1">fig</a></p>"##
        );
        assert_eq!(localize(html, "/wsis/", "/wsis/"), html);
        assert_eq!(
            localize(r#"<a href="/years/2024/?x=1">y</a>"#, "/", "/ar/"),
            r#"<a href="/ar/years/2024/?x=1">y</a>"#
        );
    }
}
