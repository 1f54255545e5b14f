//! Curated texts with translations (`title: {en: Access, fr: Accès}`): each tag a
//! language, each language once, no translation empty (it would be a blank title),
//! and the site's default language among them, since it is what every page falls
//! back to.
//!
//! A tag for a language the site does not publish is kept (a translation may be
//! written before its language is switched on) but warned about, because it is more
//! often a typo (`fe` for `fr`) than a plan.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Kind, did_you_mean};
use crate::i18n::Language;
use crate::load::{Doc, RawLocalized};
use crate::model::Localized;

/// Reads texts against the site's languages, collecting warnings.
pub(super) struct Texts {
    default: Language,
    languages: Vec<Language>,
    /// Translations into languages the site does not publish.
    pub(super) warnings: Vec<Diagnostic>,
}

impl Texts {
    pub(super) fn new(config: &Config) -> Texts {
        Texts {
            default: config.language.clone(),
            languages: config.languages(),
            warnings: Vec::new(),
        }
    }

    /// The text `raw`, found at `path` of `doc`; after recording why it is refused,
    /// whatever text it has, so that the rest of the file is still checked.
    pub(super) fn read<T>(
        &mut self,
        raw: &RawLocalized,
        doc: &Doc<T>,
        path: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> Localized {
        let entries = match raw {
            RawLocalized::Plain(text) => return Localized::new(text.as_str()),
            RawLocalized::Map(entries) => entries,
        };
        let mut original = None;
        let mut translations: Vec<(Language, &str)> = Vec::new();
        for (tag, text) in entries {
            let at = format!("{path}.{tag}");
            let lang = match Language::parse(tag) {
                Ok(l) => l,
                Err(e) => {
                    errors.push(doc.error(Kind::Invalid, &at, e));
                    continue;
                }
            };
            if lang == self.default {
                if original.is_some() {
                    errors.push(twice(doc, path, &at, &lang));
                }
                original = Some(text.as_str());
                continue;
            }
            if text.trim().is_empty() {
                // Shown as it is, it would be a blank title on that language's pages.
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
                        format!("`{}` in `{lang}` is empty", field(path)),
                    )
                    .help(format!(
                        "write the translation, or leave `{lang}` out to show the `{}` text",
                        self.default
                    )),
                );
                continue;
            }
            if translations.iter().any(|(l, _)| *l == lang) {
                errors.push(twice(doc, path, &at, &lang));
                continue;
            }
            if !self.languages.contains(&lang) {
                let tags: Vec<&str> = self.languages.iter().map(Language::tag).collect();
                self.warnings.push(
                    doc.error(
                        Kind::Invalid,
                        &at,
                        format!(
                            "`{lang}` is not one of the site's languages ({}): this text is not shown",
                            tags.join(", ")
                        ),
                    )
                    .help(match close_tag(tag, &tags) {
                        Some(t) => format!("did you mean `{t}`?"),
                        None => format!("add \"{lang}\" to `languages` in site.toml to publish it"),
                    }),
                );
            }
            translations.push((lang, text));
        }
        let Some(original) = original else {
            let found = if entries.is_empty() {
                "has no text".to_string()
            } else {
                format!(
                    "has no text in `{}`, the site's default language",
                    self.default
                )
            };
            errors.push(
                doc.error(Kind::Invalid, path, format!("`{}` {found}", field(path)))
                    .help(format!(
                        "give the text in `{0}` (`{{{0}: ..., fr: ...}}`), or write it as plain text",
                        self.default
                    )),
            );
            return Localized::default();
        };
        translations
            .into_iter()
            .fold(Localized::new(original), |t, (lang, text)| {
                t.with(lang, text)
            })
    }
}

/// The site's language a tag is likely a typo of: one letter off a tag as short as
/// `fr` (too short for [`did_you_mean`]'s measure), or close by that measure.
fn close_tag<'t>(tag: &str, tags: &[&'t str]) -> Option<&'t str> {
    tags.iter()
        .find(|t| strsim::hamming(&tag.to_lowercase(), &t.to_lowercase()) == Ok(1))
        .copied()
        .or_else(|| did_you_mean(tag, tags.iter().copied()))
}

/// The error for a second text in `lang` (at `at`) of the field at `path`.
fn twice<T>(doc: &Doc<T>, path: &str, at: &str, lang: &Language) -> Diagnostic {
    doc.error(
        Kind::Duplicate,
        at,
        format!("`{}` gives the text in `{lang}` twice", field(path)),
    )
    .help("write each language once (`pt-br` and `pt-BR` are the same language)")
}

/// The field's name: `title` of the path `3.title`.
fn field(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}
