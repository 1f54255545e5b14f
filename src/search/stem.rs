//! Stemming by language, with the Snowball stemmers of `rust-stemmers`: "networks",
//! "networking" and "network" are indexed as one term, `network`.
//!
//! Only the build stems. `search.js` does not run a second stemmer (two stemmers
//! would drift apart, and a Snowball port for the browser would weigh more than the
//! index pieces a query loads): the build writes, beside the postings, the vocabulary
//! that maps each word of the corpus to its stem, and the client looks a typed word up
//! there. A word the corpus never has has no postings either; the client then falls
//! back to completion of what is being typed (the stems that start with it) and, failing
//! that, to the longest stem found at the word's start or up to three characters in:
//! "networked" finds `network`, and the Arabic "الشبكة" (the article, then the word)
//! finds `شبك`, without the client knowing any language's affixes.

use std::borrow::Cow;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

use super::ngram;

/// A language's stemmer; none for a language Snowball does not cover (Chinese is cut
/// into n-grams instead, see [`super::ngram`]).
pub(crate) struct Stems(Option<Stemmer>);

impl Stems {
    /// The stemmer for the language `lang`, a BCP 47 tag (`en`, `fr-CA`, `zh-Hans`).
    pub(crate) fn new(lang: &str) -> Stems {
        Stems(algorithm(lang).map(Stemmer::create))
    }

    /// The stem of the lower-case term `term`; Han n-grams and numbers as they are.
    pub(crate) fn stem<'a>(&self, term: &'a str) -> Cow<'a, str> {
        match &self.0 {
            Some(s)
                if !term.chars().next().is_some_and(ngram::is_han)
                    && !term.bytes().all(|b| b.is_ascii_digit()) =>
            {
                let stem = s.stem(term);
                // A stem shorter than two characters would not be a term at all.
                if stem.chars().nth(1).is_some() {
                    stem
                } else {
                    Cow::Borrowed(term)
                }
            }
            _ => Cow::Borrowed(term),
        }
    }
}

/// One worker's stems of the words it has seen, per language: a corpus says the same
/// words again and again, so each distinct word is stemmed (and its stem allocated)
/// once, and every document holding it shares that one string. What it has seen is
/// also the vocabulary: the words whose stem differs from them.
pub(crate) struct Stemming<'s> {
    /// The stemmer of each language the documents are in, by tag.
    stemmers: &'s [(&'s str, Stems)],
    /// For each stemmer, word -> stem.
    /// The word is shared too: a document's vocabulary (its words whose stem differs)
    /// holds it, for the index's memory between builds ([`super::memo`]).
    seen: Vec<HashMap<Arc<str>, Arc<str>>>,
}

impl<'s> Stemming<'s> {
    /// A worker's stemming with nothing seen yet.
    pub(crate) fn new(stemmers: &'s [(&'s str, Stems)]) -> Stemming<'s> {
        Stemming {
            stemmers,
            seen: stemmers.iter().map(|_| HashMap::default()).collect(),
        }
    }

    /// The lower-case term `word` and its stem in the language `lang`; the word itself
    /// (the same string twice) in a language without a stemmer here.
    pub(crate) fn stem(&mut self, lang: &str, word: &str) -> (Arc<str>, Arc<str>) {
        let Some(i) = self.stemmers.iter().position(|(l, _)| *l == lang) else {
            let word: Arc<str> = Arc::from(word);
            return (Arc::clone(&word), word);
        };
        if let Some((word, stem)) = self.seen[i].get_key_value(word) {
            return (Arc::clone(word), Arc::clone(stem));
        }
        let stem = self.stemmers[i].1.stem(word);
        let word: Arc<str> = Arc::from(word);
        // A word that is its own stem is held once.
        let stem = if stem == *word {
            Arc::clone(&word)
        } else {
            Arc::from(stem.as_ref())
        };
        self.seen[i].insert(Arc::clone(&word), Arc::clone(&stem));
        (word, stem)
    }
}

/// The Snowball algorithm for the language of the tag `lang`.
fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match super::primary_language(lang).as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem_in_each_language() {
        let en = Stems::new("en");
        assert_eq!(en.stem("networks"), en.stem("network"));
        assert_eq!(en.stem("communities"), en.stem("community"));
        let fr = Stems::new("fr-FR");
        assert_eq!(fr.stem("réseaux"), fr.stem("réseau"));
        let es = Stems::new("es");
        assert_eq!(es.stem("comunidades"), es.stem("comunidad"));
        let ru = Stems::new("ru");
        assert_eq!(ru.stem("сетями"), ru.stem("сети"));
        let ar = Stems::new("ar");
        assert_eq!(ar.stem("الشبكة"), ar.stem("شبكة"));
    }

    #[test]
    fn chinese_numbers_and_unknown_languages_are_left_alone() {
        assert!(Stems::new("zh").0.is_none());
        assert_eq!(Stems::new("zh").stem("networks"), "networks");
        assert_eq!(Stems::new("en").stem("社区"), "社区");
        assert_eq!(Stems::new("en").stem("2024"), "2024");
    }
}
