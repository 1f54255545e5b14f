//! Curated text on a page in the page's language: the translation where there is
//! one, else the original marked with its `lang` (so that screen readers and
//! hyphenation read it as what it is) and, for a whole description, a note saying so.

use fluent_bundle::FluentArgs;
use serde::Serialize;
use tera::Context;

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
        config.each_language().nth(self.lang).unwrap_or(&config.language)
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
        ctx.insert("description_note", &view.as_ref().and_then(|v| v.note.as_deref()));
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
            .and_then(|i| self.i18n.format(i, "language-name", None).ok())
            .unwrap_or_else(|| lang.tag().to_string())
    }
}
