//! The grammar of a cardinal in words: "one hundred and fifty", "a dozen",
//! "two and a half million", "one million two hundred thousand and five".

use super::lexicon::{Word, joined, scale, small, tens};

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
pub(super) fn cardinal(text: &str, words: &[Word], k: usize) -> Option<(f64, usize)> {
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
