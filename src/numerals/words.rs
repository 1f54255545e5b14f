//! English number words (`twenty-five`, `one hundred and fifty`, `a dozen`, `three
//! million`) and fractions (`half`, `a third`, `two-thirds`, `three quarters`).
//! Ordinals (`first`, `twenty-first`) are skipped.

use super::suffix::{self, Effect};
use super::{Found, FoundKind};

/// A word: a maximal run of letters, lower-cased (empty when not ASCII, as no number
/// word is).
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// The words of `text`, in order.
fn words(text: &str) -> Vec<Word> {
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

/// Zero to nineteen.
fn small(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
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
    SMALL.iter().position(|s| *s == w).map(|n| n as f64)
}

/// Twenty to ninety.
fn tens(w: &str) -> Option<f64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|s| *s == w)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Thousand and larger scale words.
fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A fraction word: its denominator, and whether it is plural ("thirds").
fn denominator(w: &str) -> Option<(f64, bool)> {
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
fn is_ordinal(w: &str) -> bool {
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
fn joined(text: &str, words: &[Word], k: usize) -> bool {
    let Some(next) = words.get(k + 1) else {
        return false;
    };
    let gap = &text[words[k].end..next.start];
    (!gap.is_empty() && gap.chars().all(char::is_whitespace))
        || matches!(gap, "-" | "\u{2010}" | "\u{2011}")
}

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

/// Where the last word read stands in a number: what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Article,
    Small,
    Tens,
    Hundred,
    Scale,
    Half,
}

/// Reads a number in words from word `k`: its value and the index after its last word.
/// None when no number starts there (an article alone is no number).
fn cardinal(text: &str, words: &[Word], k: usize) -> Option<(f64, usize)> {
    let word = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let (mut total, mut current, mut top) = (0.0, 0.0, f64::INFINITY);
    let mut last = Last::Start;
    let mut used = k;
    let mut j = k;
    while j < words.len() && (j == k || joined(text, words, j - 1)) {
        let w = word(j);
        if let Some(v) = small(w) {
            let fits = match last {
                Last::Start => true,
                Last::Tens => (1.0..10.0).contains(&v),
                Last::Hundred | Last::Scale => v > 0.0,
                _ => false,
            };
            if !fits {
                break;
            }
            current += v;
            last = Last::Small;
            if v == 0.0 {
                // "zero" is a number on its own, never part of another.
                j += 1;
                used = j;
                break;
            }
        } else if let Some(v) = tens(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                break;
            }
            current += v;
            last = Last::Tens;
        } else if w == "hundred" {
            if !matches!(last, Last::Article | Last::Small | Last::Tens) || current >= 100.0 {
                break;
            }
            current *= 100.0;
            last = Last::Hundred;
        } else if let Some(s) = scale(w).filter(|&s| s < top) {
            if matches!(last, Last::Start | Last::Scale) {
                break;
            }
            total += current * s;
            current = 0.0;
            top = s;
            last = Last::Scale;
        } else if w == "dozen" {
            // "a dozen", "two dozen"; "dozens" is no number.
            if !matches!(last, Last::Article | Last::Small | Last::Tens) {
                break;
            }
            current *= 12.0;
            j += 1;
            used = j;
            break;
        } else if matches!(w, "a" | "an") && last == Last::Start {
            current = 1.0;
            last = Last::Article;
        } else if w == "and" && joined(text, words, j) {
            let next = word(j + 1);
            let is_half = next == "a" && joined(text, words, j + 1) && word(j + 2) == "half";
            if is_half && matches!(last, Last::Small | Last::Tens) {
                // "two and a half (million)".
                current += 0.5;
                last = Last::Half;
                j += 3;
                used = j;
                continue;
            }
            let counts = small(next).is_some_and(|v| v > 0.0) || tens(next).is_some();
            if !(counts && matches!(last, Last::Hundred | Last::Scale)) {
                break;
            }
        } else {
            break;
        }
        j += 1;
        if last != Last::Article && w != "and" {
            used = j;
        }
    }
    (used > k).then_some((total + current, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(f64, FoundKind, &str)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.iter()
            .map(|f| (f.value, f.kind, &text[f.start..f.end]))
            .collect()
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
