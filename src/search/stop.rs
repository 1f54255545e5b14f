//! Stop words by language: the function words too common to be worth indexing or
//! looking up ("the", "les", "los", "на", "في"). A tree's index drops the words of its
//! page language's list, and `meta.json` carries the same list to `search.js`, which
//! drops them from a query: index and query can never disagree.
//!
//! Why short lists written here rather than a crate such as `stop-words`: its lists
//! (NLTK, ISO) run to hundreds of words per language, every one of which would go into
//! every tree's `meta.json` and become unsearchable, including words that name things
//! in titles ("against", "sans", "más"). Articles, common prepositions, conjunctions and
//! pronouns are enough to keep them out of rankings, and a list this short is reviewed
//! at a glance. Words of one character are not terms anyway, so no list holds them
//! (French "l'" and "d'" are cut at the apostrophe and vanish that way).
//!
//! Chinese has no list: it is cut into character pairs ([`super::ngram`]), and a pair
//! holding a common particle is still part of what was typed. A language without a
//! list drops nothing: another language's words may be real words in it ("the" is tea
//! in French, "a" in Catalan), so borrowing the English list would hide them.

/// The stop words of a language, sorted (by bytes, as `str` orders) for a binary search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StopWords(&'static [&'static str]);

impl StopWords {
    /// No stop words: for cutting text whose stop words are dropped later, once per
    /// distinct word rather than once per occurrence.
    pub(crate) const NONE: StopWords = StopWords(&[]);

    /// The list of the language `lang`, a BCP 47 tag (`fr`, `fr-CA`); empty for a
    /// language without one.
    pub(crate) fn new(lang: &str) -> StopWords {
        StopWords(match super::primary_language(lang).as_str() {
            "ar" => ARABIC,
            "en" => ENGLISH,
            "es" => SPANISH,
            "fr" => FRENCH,
            "ru" => RUSSIAN,
            _ => &[],
        })
    }

    /// Whether the lower-case word `word` is a stop word of this language.
    pub(crate) fn contains(self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }

    /// The words, for `meta.json`.
    pub(crate) fn words(self) -> &'static [&'static str] {
        self.0
    }
}

const ENGLISH: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
    "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were",
    "which", "with",
];

const FRENCH: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "en",
    "est", "et", "il", "ils", "la", "le", "les", "leur", "leurs", "ne", "nous", "ou", "où", "par",
    "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "été",
];

const SPANISH: &[&str] = &[
    "al", "como", "con", "de", "del", "el", "en", "entre", "es", "esta", "estas", "este", "estos",
    "fue", "ha", "han", "la", "las", "le", "les", "lo", "los", "para", "por", "que", "se", "sin",
    "sobre", "son", "su", "sus", "un", "una", "unas", "unos",
];

const RUSSIAN: &[&str] = &[
    "без", "бы", "был", "была", "были", "во", "для", "до", "его", "ее", "её", "же", "за", "из",
    "или", "их", "как", "ко", "ли", "на", "над", "не", "но", "об", "от", "по", "под", "при", "со",
    "так", "то", "что", "эти", "это", "этот",
];

const ARABIC: &[&str] = &[
    "أن",
    "أو",
    "إلى",
    "إن",
    "التي",
    "الذي",
    "الذين",
    "بين",
    "ثم",
    "ذلك",
    "على",
    "عن",
    "عند",
    "في",
    "قد",
    "كان",
    "كانت",
    "لا",
    "لم",
    "ما",
    "مع",
    "من",
    "هذا",
    "هذه",
    "هو",
    "هي",
];

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_list_is_sorted_lower_case_nfc_and_of_real_terms() {
        for list in [ENGLISH, FRENCH, SPANISH, RUSSIAN, ARABIC] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted: {list:?}");
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "lower case");
                assert_eq!(*w, w.nfc().collect::<String>(), "NFC");
                assert!(
                    w.chars().nth(1).is_some(),
                    "one letter is never a term: {w}"
                );
                assert!(w.chars().all(char::is_alphabetic), "one word: {w}");
            }
        }
    }

    #[test]
    fn each_language_drops_its_own_words_only() {
        let fr = StopWords::new("fr-CA");
        assert!(fr.contains("les") && fr.contains("été"));
        // "the" is tea in French, and "in" no French word the list needs.
        assert!(!fr.contains("the") && !fr.contains("in"));
        assert!(StopWords::new("en").contains("the"));
        assert!(!StopWords::new("en").contains("les"));
        assert!(StopWords::new("es").contains("las"));
        assert!(StopWords::new("ru").contains("для"));
        assert!(StopWords::new("AR").contains("في"));
        assert!(StopWords::new("zh-Hans").words().is_empty());
        assert!(StopWords::new("de").words().is_empty());
    }
}
