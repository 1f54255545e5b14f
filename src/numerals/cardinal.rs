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

#[cfg(test)]
mod tests {
    use super::super::lexicon::words;
    use super::*;

    /// The cardinal at the first word, and how many words it uses.
    fn read(text: &str) -> Option<(f64, usize)> {
        cardinal(text, &words(text), 0)
    }

    #[test]
    fn grammar() {
        assert_eq!(read("one hundred and fifty people"), Some((150.0, 4)));
        assert_eq!(read("a thousand and one nights"), Some((1001.0, 4)));
        assert_eq!(
            read("one million two hundred thousand"),
            Some((1_200_000.0, 5))
        );
        assert_eq!(read("two and a half million"), Some((2.5e6, 5)));
        assert_eq!(read("twenty five"), Some((25.0, 2)));
        // Where the grammar stops: two units, a smaller scale first, "and" before no number.
        assert_eq!(read("one two"), Some((1.0, 1)));
        assert_eq!(read("one thousand million"), Some((1000.0, 2)));
        assert_eq!(read("five hundred and the rest"), Some((500.0, 2)));
        assert_eq!(read("zero one"), Some((0.0, 1)));
        assert_eq!(read("a dozen eggs"), Some((12.0, 2)));
        // No number: an article alone, "dozens", a scale with no count.
        for text in ["a", "a third", "dozens", "million", "and one", "hundred"] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
