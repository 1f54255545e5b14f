//! The words of a text and the English number words: cardinals, scales, fraction
//! words and ordinals.

/// A word: a maximal run of letters, lower-cased (empty when not ASCII, as no number
/// word is).
pub(super) struct Word {
    /// Byte offset of its first letter.
    pub(super) start: usize,
    /// Byte offset after its last letter.
    pub(super) end: usize,
    /// The word in lower case.
    pub(super) lower: String,
}

/// The words of `text`, in order.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                let lower = if word.is_ascii() && word.len() <= 12 {
                    word.to_ascii_lowercase()
                } else {
                    String::new()
                };
                words.push(Word {
                    start: s,
                    end: i,
                    lower,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Zero to nineteen, by value.
pub(super) const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens by value (`TENS[2]` is "twenty"); 0 and 1 have none.
pub(super) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Zero to nineteen.
pub(super) fn small(w: &str) -> Option<f64> {
    SMALL.iter().position(|s| *s == w).map(|n| n as f64)
}

/// Twenty to ninety.
pub(super) fn tens(w: &str) -> Option<f64> {
    TENS[2..]
        .iter()
        .position(|s| *s == w)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Thousand and larger scale words.
pub(super) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A fraction word: its denominator, and whether it is plural ("thirds").
pub(super) fn denominator(w: &str) -> Option<(f64, bool)> {
    let (singular, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    let d = match singular {
        "half" => 2.0,
        "halve" if plural => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        _ => return None,
    };
    Some((d, plural))
}

/// Whether `w` is an ordinal number word: "first", "twelfth", "twentieth", "hundredth".
pub(super) fn is_ordinal(w: &str) -> bool {
    if matches!(
        w,
        "first" | "second" | "third" | "fifth" | "eighth" | "ninth" | "twelfth"
    ) {
        return true;
    }
    let stem = |s: &str| small(s).is_some() || tens(s).is_some() || s == "hundred";
    w.strip_suffix("th")
        .is_some_and(|s| stem(s) || scale(s).is_some())
        || w.strip_suffix("ieth")
            .is_some_and(|s| tens(&format!("{s}y")).is_some())
}

/// Whether words `k` and `k + 1` belong to one number: a space or a hyphen between.
pub(super) fn joined(text: &str, words: &[Word], k: usize) -> bool {
    let Some(next) = words.get(k + 1) else {
        return false;
    };
    let gap = &text[words[k].end..next.start];
    (!gap.is_empty() && gap.chars().all(char::is_whitespace))
        || matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_joins() {
        let text = "Twenty-five, naïve  one\nhundred";
        let w = words(text);
        let lower: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lower, ["twenty", "five", "", "one", "hundred"]);
        assert!(joined(text, &w, 0) && !joined(text, &w, 1) && joined(text, &w, 3));
        assert!(!joined(text, &w, 4));
    }

    #[test]
    fn vocabulary() {
        assert_eq!(
            (small("zero"), small("nineteen"), small("twenty")),
            (Some(0.0), Some(19.0), None)
        );
        assert_eq!(
            (tens("twenty"), tens("ninety"), tens("ten")),
            (Some(20.0), Some(90.0), None)
        );
        assert_eq!(denominator("thirds"), Some((3.0, true)));
        assert_eq!(denominator("halves"), Some((2.0, true)));
        assert_eq!(denominator("half"), Some((2.0, false)));
        assert_eq!(denominator("seconds"), None);
        for w in [
            "first",
            "twelfth",
            "fourteenth",
            "twentieth",
            "ninetieth",
            "hundredth",
            "millionth",
        ] {
            assert!(is_ordinal(w), "{w}");
        }
        for w in ["one", "tenths", "teeth", "month", "ninety"] {
            assert!(!is_ordinal(w), "{w}");
        }
    }
}
