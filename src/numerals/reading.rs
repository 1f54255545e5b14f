//! A number written with digits as read: its value from the digits as written, the
//! scale or per cent after it, and the ordinals that are no quantity.

use super::suffix::{self, Effect};
use super::{Found, FoundKind, word_at};

/// Whether the number is an ordinal: "21st", "2nd", "3rd", "10th" (not "1990s").
fn is_ordinal(rest: &str) -> bool {
    let word = word_at(rest);
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(word))
}

/// The value of the decimal digits `int`.`frac` times ten to `exp`, when finite. The
/// digits are parsed as written, so "3.3 million" is exactly 3300000.
fn value(negative: bool, int: &str, frac: &str, exp: i32) -> Option<f64> {
    let sign = if negative { "-" } else { "" };
    let int = if int.is_empty() { "0" } else { int };
    let frac = if frac.is_empty() { "0" } else { frac };
    format!("{sign}{int}.{frac}e{exp}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Appends the reading `int`.`frac` spanning `start..end`, with any suffix after it.
pub(super) fn push(
    text: &str,
    out: &mut Vec<Found>,
    start: usize,
    end: usize,
    negative: bool,
    int: &str,
    frac: &str,
) {
    if is_ordinal(&text[end..]) {
        return;
    }
    let mut add = |value: Option<f64>, end, kind| {
        if let Some(value) = value {
            out.push(Found {
                value,
                start,
                end,
                kind,
            });
        }
    };
    let plain = value(negative, int, frac, 0);
    match suffix::after(text, end) {
        None => add(plain, end, FoundKind::Number),
        Some(s) => match s.effect {
            Effect::Percent => add(plain, s.end, FoundKind::Percent),
            Effect::Scale { exp, also_plain } => {
                add(value(negative, int, frac, exp), s.end, FoundKind::Number);
                if also_plain {
                    add(plain, end, FoundKind::Number);
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_parsed_as_written() {
        assert_eq!(value(false, "3", "3", 6), Some(3_300_000.0));
        assert_eq!(value(true, "", "5", 0), Some(-0.5));
        assert_eq!(value(false, "1", "", 400), None, "not finite");
    }

    #[test]
    fn ordinals() {
        assert!(is_ordinal("st") && is_ordinal("TH, ") && is_ordinal("nd"));
        assert!(!is_ordinal("s") && !is_ordinal("sth") && !is_ordinal(" th"));
    }
}
