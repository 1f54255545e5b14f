//! Words for matching: a text cut into lowercase words, each reduced to a crude stem
//! so that "trained", "training" and "train", or "initiatives" and "initiative", meet.
//!
//! The action line and metric matchers compare stems, never spellings, and skip
//! function words, which say nothing about what a text is about.

/// The months, for reading dates.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names (1-12): its full name or first three letters, any case.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september")
        })
        .map(|i| i as u32 + 1)
}

/// Words that carry no topic: articles, prepositions, pronouns, auxiliaries.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "their",
    "our",
    "we",
    "they",
    "which",
    "who",
    "whom",
    "all",
    "each",
    "per",
    "into",
    "through",
    "across",
    "during",
    "since",
    "than",
    "more",
    "over",
    "under",
    "within",
    "about",
    "between",
    "up",
    "out",
    "not",
    "no",
    "also",
    "such",
    "other",
    "some",
    "any",
    "can",
    "will",
    "would",
    "may",
    "including",
    "use",
    "well",
    "while",
    "both",
    "via",
    "his",
    "her",
    "them",
    "us",
    "so",
    "but",
    "if",
    "then",
    "there",
    "here",
    "after",
    "before",
    "around",
    "among",
    "against",
    "toward",
    "towards",
    "upon",
];

/// Whether `word` (lowercase) is a function word.
pub(crate) fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// The words of `text`, lowercase, in order; inner hyphens and apostrophes are kept
/// ("e-health"), a possessive "'s" is dropped.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The crude stem of a lowercase word: plural and verb endings removed when enough of
/// the word is left to stay distinct ("initiatives" -> "initiative", "countries" ->
/// "country", "trained"/"training" -> "train", "NRIs" -> "nri"). Short words are left
/// alone ("bus" and "gas" are not plurals), and so are "-ss" and "-us" ("access",
/// "status"); a stem need not be a word, only the same for the forms of one.
pub(crate) fn stem(word: &str) -> String {
    let w = word;
    let n = w.chars().count();
    let cut = |suffix: &str, add: &str, min_left: usize| -> Option<String> {
        let base = w.strip_suffix(suffix)?;
        (base.chars().count() >= min_left).then(|| format!("{base}{add}"))
    };
    if n <= 3 {
        return w.to_string();
    }
    let stemmed = cut("ies", "y", 3)
        .or_else(|| cut("sses", "ss", 2))
        .or_else(|| {
            (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
                .then(|| cut("s", "", 3))
                .flatten()
        })
        .unwrap_or_else(|| w.to_string());
    // Verb endings, after the plural ("trainings" -> "training" -> "train").
    let v = stemmed.as_str();
    let strip = |suffix: &str| -> Option<String> {
        let base = v.strip_suffix(suffix)?;
        (base.chars().count() >= 4).then(|| base.to_string())
    };
    strip("ing").or_else(|| strip("ed")).unwrap_or(stemmed)
}

/// The stems of the content words of `text` (function words, bare numbers and single
/// letters skipped), in order. Hyphenated words count as their parts, so that
/// "capacity-building" meets "capacity building" and "e-health" meets "health".
pub(crate) fn content_stems(text: &str) -> Vec<String> {
    words(text)
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| {
            w.chars().count() > 1 && !is_function_word(w) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(stem)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_verb_forms_share_a_stem() {
        assert_eq!(stem("initiatives"), stem("initiative"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("trained"), stem("training"));
        assert_eq!(stem("trainings"), stem("train"));
        assert_eq!(stem("nris"), "nri");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn words_keep_inner_hyphens_and_drop_possessives() {
        assert_eq!(
            words("The Society's e-health (C7) work."),
            vec!["the", "society", "e-health", "c7", "work"]
        );
        assert_eq!(
            content_stems("the 3 people trained in Africa for e-health"),
            vec!["people", "train", "africa", "health"]
        );
    }
}
