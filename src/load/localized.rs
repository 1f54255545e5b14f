//! A curated text as written: a plain string (in the site's default language), or a
//! mapping of language tags to texts (`title: {en: Access, fr: Accès}`). Whether the
//! tags are languages and the default is among them is validation's job, which knows
//! the site's languages and reports at the entry's line and column.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// A text field as written in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RawLocalized {
    /// `title: Access`: in the site's default language.
    Plain(String),
    /// `title: {en: Access, fr: Accès}`: tag and text, in the order written.
    Map(Vec<(String, String)>),
}

impl RawLocalized {
    /// The text of a plain field, or the first of a mapping: what `wsis import`,
    /// which reads the site without its settings, matches a submission's words with.
    pub(crate) fn into_first(self) -> String {
        match self {
            RawLocalized::Plain(s) => s,
            RawLocalized::Map(m) => m.into_iter().next().map(|(_, t)| t).unwrap_or_default(),
        }
    }
}

impl<'de> Deserialize<'de> for RawLocalized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLocalized;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a text, or language tags with their texts such as `{en: ..., fr: ...}`",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            // A title such as `2030` or `true` is a text, as the plain `String` fields
            // these replace read it.
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<RawLocalized, E> {
                Ok(RawLocalized::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawLocalized, A::Error> {
                let mut entries: Vec<(String, String)> = Vec::new();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    if entries.iter().any(|(t, _)| *t == tag) {
                        return Err(serde::de::Error::custom(format!(
                            "the language `{tag}` is given twice"
                        )));
                    }
                    entries.push((tag, text));
                }
                Ok(RawLocalized::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_or_a_map_of_tags() {
        let plain: RawLocalized = serde_norway::from_str("Access").unwrap();
        assert_eq!(plain, RawLocalized::Plain("Access".into()));
        let map: RawLocalized = serde_norway::from_str("{en: Access, fr: Accès}").unwrap();
        assert_eq!(
            map,
            RawLocalized::Map(vec![
                ("en".into(), "Access".into()),
                ("fr".into(), "Accès".into())
            ])
        );
        assert_eq!(map.into_first(), "Access");
        let err = serde_norway::from_str::<RawLocalized>("[a, b]").unwrap_err();
        assert!(err.to_string().contains("language tags"), "{err}");
        let twice = serde_norway::from_str::<RawLocalized>("{fr: a, fr: b}").unwrap_err();
        assert!(twice.to_string().contains("twice"), "{twice}");
    }
}
