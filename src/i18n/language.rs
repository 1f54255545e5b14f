//! A language of the site: its tag as written in `site.toml`, and the direction its
//! script is written in.

use std::fmt;

use serde::Deserialize;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// ISO 639 codes withdrawn for another, with their replacements (the IANA registry's
/// `Preferred-Value`s for two-letter codes).
const DEPRECATED: &[(&str, &str)] = &[
    ("iw", "he"),
    ("in", "id"),
    ("ji", "yi"),
    ("jw", "jv"),
    ("mo", "ro"),
];

/// A language the site publishes in, named by a BCP 47 tag (`en`, `fr`, `zh`,
/// `pt-BR`). Built only from a tag that parses, so every `Language` has a direction
/// and a canonical spelling for paths and `lang` attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The canonical tag (`pt-BR`, never `pt_br`): the `lang` attribute, and the
    /// folder `/<tag>/` of its pages.
    tag: String,
    /// Parsed, for Fluent's plural rules.
    id: LanguageIdentifier,
}

impl Language {
    /// Parses a BCP 47 language tag. Only tags that are safe as one path segment are
    /// accepted: letters, digits and `-`, which every canonical tag is.
    pub fn parse(tag: &str) -> Result<Self, String> {
        let mut id: LanguageIdentifier = tag.parse().map_err(|_| {
            format!(
                "`{}` is not a language tag; expected a BCP 47 tag such as `en`, `fr`, `ar`, `zh` or `pt-BR`",
                tag.escape_debug()
            )
        })?;
        // Deprecated codes still in use name the same language as their replacement:
        // `iw` beside `he` would publish Hebrew twice, in two folders.
        if let Some((_, new)) = DEPRECATED
            .iter()
            .find(|(old, _)| *old == id.language.as_str())
        {
            id.language = new
                .parse()
                .expect("a replacement code is a language subtag");
        }
        let canonical = id.to_string();
        // ISO 639 codes have two or three letters; BCP 47's longer "registered"
        // subtags are unused, and a word such as `english` is more likely a mistake.
        if id.language.is_empty() || id.language.as_str().len() > 3 || canonical == "und" {
            return Err(format!(
                "`{}` names no language; expected a tag such as `en` or `fr`",
                tag.escape_debug()
            ));
        }
        Ok(Language { tag: canonical, id })
    }

    /// The canonical tag: `en`, `zh-Hant`, `pt-BR`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The parsed identifier.
    pub(crate) fn id(&self) -> &LanguageIdentifier {
        &self.id
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu...),
    /// from its script or, without one, the script its language is usually written in.
    pub fn is_rtl(&self) -> bool {
        self.id.character_direction() == CharacterDirection::RTL
    }

    /// The value of the `dir` attribute: `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

/// Written as its tag, and read back through [`Language::parse`]: for the incremental
/// build's cache of validated reports.
impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.tag)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tag = String::deserialize(d)?;
        Language::parse(&tag).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonical_and_know_their_direction() {
        let ar = Language::parse("ar").unwrap();
        assert!(ar.is_rtl());
        assert_eq!(ar.dir(), "rtl");
        for tag in ["fa", "he", "ur", "ar-EG"] {
            assert!(Language::parse(tag).unwrap().is_rtl(), "{tag}");
        }
        for tag in ["en", "fr", "es", "ru", "zh", "zh-Hant", "az-Latn"] {
            assert!(!Language::parse(tag).unwrap().is_rtl(), "{tag}");
        }
        assert_eq!(Language::parse("pt-br").unwrap().tag(), "pt-BR");
        assert_eq!(Language::parse("ZH-hant").unwrap().tag(), "zh-Hant");
        assert_eq!(
            Language::parse("iw").unwrap(),
            Language::parse("he").unwrap()
        );
        assert_eq!(Language::parse("iw-IL").unwrap().tag(), "he-IL");
        assert!(Language::parse("iw").unwrap().is_rtl());
        assert_eq!(Language::parse("in").unwrap().tag(), "id");
    }

    #[test]
    fn tags_that_are_not_languages_are_refused() {
        for bad in ["", "english", "en_GB!", "../fr", "fr/", "und", "e", "en US"] {
            assert!(Language::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
