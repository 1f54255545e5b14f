//! English number words (`twenty-five`, `one hundred and fifty`, `a dozen`, `three
//! million`) and fractions (`half`, `a third`, `two-thirds`, `three quarters`).
//! Ordinals (`first`, `twenty-first`) are skipped.

use super::cardinal::cardinal;
use super::lexicon::{Word, denominator, is_ordinal, joined, scale, small, words};
use super::suffix::{self, Effect};
use super::{Found, FoundKind};

/// Appends the numbers and fractions written in words in `text`.
pub(super) fn find(text: &str, out: &mut Vec<Found>) {
    let words = words(text);
    let word = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let mut k = 0;
    while k < words.len() {
        let start = words[k].start;
        let cardinal = cardinal(text, &words, k);
        let numerator = match cardinal {
            Some(c) => c,
            // "a third": the article is a numerator, never a number on its own.
            None if matches!(word(k), "a" | "an") => (1.0, k + 1),
            None if word(k) == "half" => {
                k = half(text, &words, k, out);
                continue;
            }
            None => {
                k += 1;
                continue;
            }
        };
        let (value, j) = numerator;
        let next = if joined(text, &words, j - 1) {
            word(j)
        } else {
            ""
        };
        if let Some((d, plural)) = denominator(next) {
            // "a third", "two-thirds"; "twenty-third" is an ordinal, skipped.
            if plural || value == 1.0 {
                out.push(Found {
                    value: value / d,
                    start,
                    end: words[j].end,
                    kind: FoundKind::Fraction,
                });
            }
            k = j + 1;
            continue;
        }
        k = j;
        let and_then = if next == "and" && joined(text, &words, j) {
            word(j + 1)
        } else {
            ""
        };
        // "twenty-first", "one hundred and first" are ordinals; "one second" is not.
        let compound_ordinal = is_ordinal(next) && small(word(j - 1)).is_none();
        if cardinal.is_none() || compound_ordinal || is_ordinal(and_then) {
            continue;
        }
        let end = words[j - 1].end;
        let (end, kind) = match suffix::after(text, end) {
            Some(s) if s.effect == Effect::Percent => (s.end, FoundKind::Percent),
            _ => (end, FoundKind::Number),
        };
        out.push(Found {
            value,
            start,
            end,
            kind,
        });
    }
}

/// Reads "half" at word `k`: "half a million" (500 000), "half a dozen" (6), or the
/// fraction one half. Returns the index of the next word to read.
fn half(text: &str, words: &[Word], k: usize, out: &mut Vec<Found>) -> usize {
    let word = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let linked = joined(text, words, k) && joined(text, words, k + 1) && word(k + 1) == "a";
    let times = match word(k + 2) {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        w => scale(w),
    };
    let (value, last, kind) = match times {
        Some(times) if linked => (times / 2.0, k + 2, FoundKind::Number),
        _ => (0.5, k, FoundKind::Fraction),
    };
    out.push(Found {
        value,
        start: words[k].start,
        end: words[last].end,
        kind,
    });
    last + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(f64, FoundKind, &str)> {
        super::super::readings(find, text)
    }

    fn value(text: &str) -> f64 {
        match read(text).as_slice() {
            [(v, FoundKind::Number, span)] if *span == text => *v,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn cardinals() {
        for (text, v) in [
            ("zero", 0.0),
            ("Seven", 7.0),
            ("nineteen", 19.0),
            ("twenty-five", 25.0),
            ("Twenty five", 25.0),
            ("ninety\u{2011}nine", 99.0),
            ("one hundred and fifty", 150.0),
            ("a hundred", 100.0),
            ("two thousand", 2000.0),
            ("a dozen", 12.0),
            ("two dozen", 24.0),
            ("three million", 3e6),
            ("THREE MILLION", 3e6),
            ("one million two hundred thousand and five", 1_200_005.0),
            ("nineteen hundred", 1900.0),
            ("two and a half million", 2.5e6),
            ("half a million", 5e5),
            ("half a dozen", 6.0),
        ] {
            assert_eq!(value(text), v, "{text}");
        }
    }

    #[test]
    fn fractions() {
        for (text, v) in [
            ("half", 0.5),
            ("a half", 0.5),
            ("one half", 0.5),
            ("one-third", 1.0 / 3.0),
            ("a third", 1.0 / 3.0),
            ("two thirds", 2.0 / 3.0),
            ("Two-thirds", 2.0 / 3.0),
            ("a quarter", 0.25),
            ("three quarters", 0.75),
            ("one-fifth", 0.2),
            ("an eighth", 0.125),
            ("three tenths", 0.3),
        ] {
            assert_eq!(read(text), vec![(v, FoundKind::Fraction, text)], "{text}");
        }
    }

    #[test]
    fn not_numbers() {
        for text in [
            "dozens of countries",
            "hundreds and thousands",
            "the first, second and tenth reports",
            "the twenty-first century",
            "the twenty-fifth session",
            "one hundred and first",
            "the third quarter",
            "someone alone, a million-fold (the article alone: a, an)",
        ] {
            let found = read(text);
            assert!(
                found.iter().all(|f| f.2 == "a million"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn separate_numbers_and_percent() {
        assert_eq!(
            read("one two, forty-three per cent; one second"),
            vec![
                (1.0, FoundKind::Number, "one"),
                (2.0, FoundKind::Number, "two"),
                (43.0, FoundKind::Percent, "forty-three per cent"),
                (1.0, FoundKind::Number, "one"),
            ]
        );
        // Non-ASCII letters are words too, but never number words.
        assert_eq!(read("éone oneé naïve"), vec![]);
        assert_eq!(read("an eleven"), vec![(11.0, FoundKind::Number, "eleven")]);
    }
}
