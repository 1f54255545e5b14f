//! Curated text on a page in the page's language: the translation where there is
//! one, else the original marked with its `lang` (so that screen readers and
//! hyphenation read it as what it is) and, for a whole description, a note saying so.

use super::page_context::Context;
use fluent_bundle::FluentArgs;
use serde::Serialize;

use super::views::Views;
use crate::format::Formatter;
use crate::i18n::Language;
use crate::model::{Localized, PartialDate, Report, ReportId};
use crate::urls::Page;

/// A link to the same report in another language.
#[derive(Debug, Serialize)]
pub(crate) struct TranslationView<'a> {
    /// Its language's tag: the link's `hreflang` and its name's `lang`.
    pub(crate) language: &'a str,
    /// Its language's name in itself: "Français".
    pub(crate) name: String,
    /// Its title, in its language.
    pub(crate) title: &'a str,
    pub(crate) url: String,
}

/// A description shown on its entity's page.
#[derive(Debug, Serialize)]
pub(crate) struct TextView<'a> {
    /// The text, in the page's language where it is translated.
    pub(crate) text: &'a str,
    /// The language the text is in, when it is not the page's: its `lang` attribute.
    pub(crate) lang: Option<&'a str>,
    /// "Not yet translated; shown in English", when it is not in the page's language.
    pub(crate) note: Option<String>,
}

impl<'a> Views<'a> {
    /// The page's language.
    pub(crate) fn language(&self) -> &'a Language {
        let config = &self.site.config;
        config
            .each_language()
            .nth(self.lang)
            .unwrap_or(&config.language)
    }

    /// `text` in the page's language, and the tag of the language it is in when it
    /// is not the page's (the original, shown for want of a translation).
    pub(crate) fn text(&self, text: &'a Localized) -> (&'a str, Option<&'a str>) {
        let (shown, fallback) = text.get(self.language(), &self.site.config.language);
        (shown, fallback.map(Language::tag))
    }

    /// A description in the page's language, with its note when it falls back.
    pub(crate) fn description(&self, text: &'a Localized) -> TextView<'a> {
        let (text, lang) = self.text(text);
        TextView {
            text,
            lang,
            note: lang.map(|tag| {
                let mut args = FluentArgs::new();
                args.set("language", tag.to_string());
                self.t_with("content-not-translated", Some(&args))
            }),
        }
    }

    /// Puts an entity's description into a page's context as `description` (the
    /// text, as before translations), `description_lang` and `description_note`.
    pub(crate) fn insert_description(&self, ctx: &mut Context, text: Option<&'a Localized>) {
        let view = text.map(|t| self.description(t));
        ctx.insert("description", &view.as_ref().map(|v| v.text));
        ctx.insert("description_lang", &view.as_ref().and_then(|v| v.lang));
        ctx.insert(
            "description_note",
            &view.as_ref().and_then(|v| v.note.as_deref()),
        );
    }

    /// The `lang` a report's own text (title, summary, body) needs on this page: its
    /// language, when it is not the page's.
    pub(crate) fn report_lang(&self, r: &'a Report) -> Option<&'a str> {
        (r.language != *self.language()).then(|| r.language.tag())
    }

    /// The same report as `id` in other languages.
    pub(crate) fn translations(&self, id: ReportId) -> Vec<TranslationView<'a>> {
        self.links.translations[id.index()]
            .iter()
            .map(|&t| {
                let r = self.site.report(t);
                TranslationView {
                    language: r.language.tag(),
                    name: self.language_name(&r.language),
                    title: &r.title,
                    url: self.url(Page::Report(&r.slug)),
                }
            })
            .collect()
    }

    /// A date as readers of the page's language write it.
    pub(crate) fn date(&self, d: PartialDate) -> String {
        self.fmt().date(d)
    }

    /// Numbers, figures and dates in the page's language.
    pub(crate) fn fmt(&self) -> &'a Formatter {
        self.i18n.formatter(self.lang)
    }

    /// A language's name in itself ("Français"), from its interface strings; the tag
    /// for a language the site does not publish.
    pub(crate) fn language_name(&self, lang: &Language) -> String {
        let config = &self.site.config;
        config
            .each_language()
            .position(|l| l == lang)
            .and_then(|i| {
                self.i18n
                    .format(i, "language-name", None, crate::i18n::Text::AsWritten)
                    .ok()
            })
            .unwrap_or_else(|| lang.tag().to_string())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::i18n::Catalog;
    use crate::link::Links;
    use crate::model::{LineId, MetricId, OrgId, Site};

    /// A site in English, French and Arabic whose action line is translated into
    /// French only, with a report in French.
    fn site(root: &Path) -> Site {
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://example.org/\"\nlanguages = [\"en\", \"fr\", \"ar\"]\n",
        );
        write(
            "content/action-lines.yaml",
            "- code: C4\n  title: {en: Capacity building, fr: Renforcement des capacités}\n  short: Capacity\n  description: {en: Skills., fr: Compétences.}\n",
        );
        write(
            "content/metrics.yaml",
            "- id: grads\n  title: {en: Graduates, ar: الخريجون}\n  unit: people\n  organization: alpha\n",
        );
        write(
            "content/organizations/alpha.yaml",
            "id: alpha\nname: Alpha Society\nkind: academia\ndescription: A society.\n",
        );
        write(
            "content/reports/alpha-2024.md",
            "---\ntitle: Rapport\norganization: alpha\nyear: 2024\npublished: 2024-03-12\nkind: annual-progress\nlanguage: fr\n---\n\nTexte.\n",
        );
        let config = crate::load_config(root, None).unwrap();
        crate::load_site(root, config).unwrap()
    }

    #[test]
    fn each_page_shows_its_language_or_the_original_marked() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        let links = Links::new(&site);
        let (catalog, _) = Catalog::load(dir.path(), None, &site.config.languages()).unwrap();
        let views = |lang| Views {
            site: &site,
            links: &links,
            base: "/",
            root_base: "/",
            i18n: &catalog,
            lang,
        };
        let (en, fr, ar) = (views(0), views(1), views(2));
        let line = LineId(0);
        assert_eq!(en.line(line).title, "Capacity building");
        assert_eq!(en.line(line).title_lang, None);
        assert_eq!(fr.line(line).title, "Renforcement des capacités");
        assert_eq!(fr.line(line).title_lang, None);
        assert_eq!(ar.line(line).title, "Capacity building");
        assert_eq!(ar.line(line).title_lang, Some("en"));
        assert_eq!(ar.line(line).short_lang, Some("en"));
        assert_eq!(ar.metric(MetricId(0)).title, "الخريجون");
        assert_eq!(fr.metric(MetricId(0)).title_lang, Some("en"));
        assert_eq!(fr.org(OrgId(0)).name_lang, Some("en"));

        let description = site.line(line).description.as_ref().unwrap();
        let shown = fr.description(description);
        assert_eq!(
            (shown.text, shown.lang, shown.note),
            ("Compétences.", None, None)
        );
        let fallback = ar.description(description);
        assert_eq!((fallback.text, fallback.lang), ("Skills.", Some("en")));
        // The note in the page's language, naming the original's.
        let note = fallback.note.unwrap();
        assert!(
            note.starts_with("لم تُترجم بعد") && note.contains("الإنجليزية"),
            "{note}"
        );
        assert_eq!(en.description(description).note, None);

        // The report is in French: marked on the English and Arabic pages only.
        let report = ReportId(0);
        assert_eq!(en.report(report).lang, Some("fr"));
        assert_eq!(fr.report(report).lang, None);
        assert_eq!(ar.report_link(report).title_lang, Some("fr"));
        // Dates in the page's language.
        assert_eq!(en.report(report).published, "12 March 2024");
        assert_eq!(fr.report(report).published, "12 mars 2024");
        assert_eq!(fr.language_name(&Language::parse("en").unwrap()), "English");
        assert_eq!(en.language_name(&Language::parse("pt").unwrap()), "pt");
    }
}
