//! Curated text in several languages: an action line's, a metric's or an
//! organization's title and description, written once in the site's default language
//! and, where a translator has done so, in others.
//!
//! Pages ask for the text in their own language ([`Localized::get`]) and learn when
//! they got the original instead, to mark it with its `lang`. Data files, search
//! and JSON-LD use the default language's text, which `Localized` dereferences to, so
//! that every existing use of a title keeps meaning what it meant.

use std::fmt;
use std::ops::Deref;

use crate::i18n::Language;

/// A text in the site's default language, with its translations.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    /// The text in the site's default language.
    original: String,
    /// Translations into other languages, each language once, in the order written.
    /// A handful at most: a list is smaller and as fast as a map.
    translations: Vec<(Language, String)>,
}

impl Localized {
    /// A text in the default language alone.
    pub fn new(original: impl Into<String>) -> Localized {
        Localized {
            original: original.into(),
            translations: Vec::new(),
        }
    }

    /// The text with `translation` added for `lang` (replacing one already there).
    pub fn with(mut self, lang: Language, translation: impl Into<String>) -> Localized {
        let text = translation.into();
        match self.translations.iter_mut().find(|(l, _)| *l == lang) {
            Some(slot) => slot.1 = text,
            None => self.translations.push((lang, text)),
        }
        self
    }

    /// The text in the site's default language.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The text for a page in `lang`, whose site's default language is `default`:
    /// the translation, or the original with `Some(default)` to say the text is not
    /// in `lang` (and should be marked `lang="<default>"` on the page).
    pub fn get<'a>(
        &'a self,
        lang: &Language,
        default: &'a Language,
    ) -> (&'a str, Option<&'a Language>) {
        if lang == default {
            return (&self.original, None);
        }
        match self.translations.iter().find(|(l, _)| l == lang) {
            Some((_, text)) => (text, None),
            None => (&self.original, Some(default)),
        }
    }

    /// The languages it is translated into, besides the default.
    pub fn languages(&self) -> impl Iterator<Item = &Language> {
        self.translations.iter().map(|(l, _)| l)
    }
}

impl Deref for Localized {
    type Target = str;

    /// The default language's text: what every use that is not a page in another
    /// language shows.
    fn deref(&self) -> &str {
        &self.original
    }
}

impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.original)
    }
}

/// A text equals a string when its default language's text is that string, as the
/// plain `String` fields it replaces did.
impl PartialEq<str> for Localized {
    fn eq(&self, other: &str) -> bool {
        self.original == other
    }
}

impl PartialEq<&str> for Localized {
    fn eq(&self, other: &&str) -> bool {
        self.original == *other
    }
}

impl PartialEq<String> for Localized {
    fn eq(&self, other: &String) -> bool {
        self.original == *other
    }
}

impl From<String> for Localized {
    fn from(original: String) -> Localized {
        Localized::new(original)
    }
}

impl From<&str> for Localized {
    fn from(original: &str) -> Localized {
        Localized::new(original)
    }
}

impl serde::Serialize for Localized {
    /// The default language's text, as the plain string it was before translations.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Language {
        Language::parse(tag).unwrap()
    }

    #[test]
    fn a_page_gets_its_language_or_the_original_marked() {
        let (en, fr, ar) = (lang("en"), lang("fr"), lang("ar"));
        let t = Localized::new("Capacity building").with(fr.clone(), "Renforcement des capacités");
        assert_eq!(t.get(&en, &en), ("Capacity building", None));
        assert_eq!(t.get(&fr, &en), ("Renforcement des capacités", None));
        assert_eq!(t.get(&ar, &en), ("Capacity building", Some(&en)));
        assert_eq!(&*t, "Capacity building");
        assert_eq!(t.to_string(), "Capacity building");
        assert_eq!(t.languages().collect::<Vec<_>>(), [&fr]);
    }

    #[test]
    fn a_plain_text_falls_back_in_every_other_language() {
        let fr = lang("fr");
        let t = Localized::new("Access");
        assert_eq!(t.get(&lang("zh"), &fr), ("Access", Some(&fr)));
        assert_eq!(t.get(&fr, &fr), ("Access", None));
    }
}
