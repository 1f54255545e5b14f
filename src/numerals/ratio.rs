//! Ratios written "X in Y" or "X out of Y" ("one in five", "3 out of 4"): a fraction
//! made of two numbers already found, in digits or words.

use super::{Found, FoundKind, word_at};

/// Appends a fraction for every pair of whole numbers "X in Y" / "X out of Y"
/// (optionally "in every Y") with 0 < X < Y. `found` must be in text order. A four-digit
/// Y from 1900 to 2099 is taken for a year ("3 in 2015"), not a ratio.
pub(super) fn add(text: &str, found: &mut Vec<Found>) {
    let mut ratios = Vec::new();
    for x in found.iter().filter(|f| is_count(f)) {
        let Some(at) = denominator_start(text, x.end) else {
            continue;
        };
        let first = found.partition_point(|f| f.start < at);
        for y in found[first..].iter().take_while(|f| f.start == at) {
            if is_count(y) && y.value > x.value && !is_year(&text[y.start..y.end]) {
                ratios.push(Found {
                    value: x.value / y.value,
                    start: x.start,
                    end: y.end,
                    kind: FoundKind::Fraction,
                });
            }
        }
    }
    found.extend(ratios);
}

/// A whole number, at least 1, written as a plain number.
fn is_count(f: &Found) -> bool {
    f.kind == FoundKind::Number && f.value >= 1.0 && f.value.fract() == 0.0
}

/// Whether the number is written as a year: four digits, 19xx or 20xx.
fn is_year(written: &str) -> bool {
    written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
        && (written.starts_with("19") || written.starts_with("20"))
}

/// Where Y starts when "in", "out of", "in every" or "out of every" follows `end`.
fn denominator_start(text: &str, end: usize) -> Option<usize> {
    let mut at = end;
    let mut expect: &[&str] = &["in", "out"];
    loop {
        let rest = text.get(at..)?;
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            return None;
        }
        at += gap;
        let rest = &text[at..];
        let word = word_at(rest);
        let lower = word.to_ascii_lowercase();
        if lower.is_empty() || !expect.contains(&lower.as_str()) {
            // Y may start here only once its lead words are complete.
            return expect.contains(&"").then_some(at);
        }
        let next: &[&str] = match lower.as_str() {
            "out" => &["of"],
            "every" => &[""],
            _ => &["every", ""],
        };
        at += word.len();
        expect = next;
    }
}

#[cfg(test)]
mod tests {
    use super::super::find;
    use super::*;

    fn ratios(text: &str) -> Vec<(f64, &str)> {
        find(text)
            .into_iter()
            .filter(|f| f.kind == FoundKind::Fraction)
            .map(|f| (f.value, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn ratios_in_digits_and_words() {
        assert_eq!(ratios("one in five adults"), vec![(0.2, "one in five")]);
        assert_eq!(ratios("1 in 5"), vec![(0.2, "1 in 5")]);
        assert_eq!(ratios("3 out of 4 said"), vec![(0.75, "3 out of 4")]);
        assert_eq!(ratios("One in every ten"), vec![(0.1, "One in every ten")]);
        assert_eq!(ratios("1 in 1,000"), vec![(0.001, "1 in 1,000")]);
    }

    #[test]
    fn not_ratios() {
        for text in [
            "3 in 2015",
            "5 in 3",
            "one into five",
            "one in",
            "one in the five",
            "1.5 in 3",
            "0 in 5",
            "1 out 5",
            "one inn five",
        ] {
            assert_eq!(ratios(text), vec![], "{text}");
        }
    }
}
