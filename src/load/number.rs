//! Numbers as curated: figure values and years, read from their text by one decimal
//! grammar.
//!
//! YAML reads `0x28` as 40, `0o17` as 15 and `.inf` as infinity, and serde's messages
//! for what it cannot read ("invalid type: integer `40`, expected f64") name neither
//! the spelling found nor the one wanted. A figure is copied from a report, where 40
//! is written `40`: so a number is kept as the text of its scalar ([`RawNumber`]) and
//! read here, and every other spelling is refused by name with what to write instead.

use std::fmt;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::format;
use crate::load::Doc;
use crate::model::YEARS;

/// The text of a YAML scalar that should be a number, as curated (`28`, `"28"`,
/// `0x28`), to be read by [`figure_value`] or [`year`]. Quotes are YAML's business: a
/// quoted decimal is read as the same number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawNumber(pub(crate) String);

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = RawNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number such as 28")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
            // Other formats than YAML hand over numbers already read.
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawNumber, E> {
                Ok(RawNumber(v.to_string()))
            }
        }
        // `deserialize_str` hands over any scalar's text as written (`0x28`, not 40);
        // a list or a mapping is refused with `expecting`.
        d.deserialize_str(V)
    }
}

/// Why a number is refused: the message names the spelling found, the help says what
/// to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) message: String,
    pub(crate) help: String,
}

impl Refusal {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            help: help.into(),
        }
    }

    /// The diagnostic for this refusal of the value at `path` of `doc`.
    pub(crate) fn at<T>(self, doc: &Doc<T>, path: &str) -> Diagnostic {
        doc.error(Kind::Invalid, path, self.message).help(self.help)
    }
}

/// What a number is written as, for the help of every refusal.
const DECIMAL_HELP: &str = "write a plain decimal number as the report states it: digits, \
     an optional `-` and `.`, and an optional exponent (`2.7e6`); no quotes are needed, \
     and no separators, currency or percent signs";

/// At most this many characters of a refused value are shown: a pasted paragraph in
/// place of a number should not fill the terminal.
const SHOWN_CHARS: usize = 40;

/// `text` between backticks, cut to [`SHOWN_CHARS`].
fn shown(text: &str) -> String {
    format!("`{}`", crate::diagnostic::cut(text, SHOWN_CHARS))
}

/// Reads `text` as a decimal number (`28`, `-3.5`, `.5`, `2.7e6`, `1e400` as
/// infinity), or names its spelling. `expected` is what the field wants ("a decimal
/// number such as 28").
fn decimal(text: &str, expected: &str) -> Result<f64, Refusal> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let found =
        |what: &str| Refusal::new(format!("expected {expected}, found {what}"), DECIMAL_HELP);
    if t.is_empty() || matches!(t, "~" | "null" | "Null" | "NULL") {
        return Err(found("nothing"));
    }
    // Integers in another base: say what they are in decimal, in case that is meant.
    for (prefix, base, name) in [
        ("0x", 16, "hexadecimal"),
        ("0o", 8, "octal"),
        ("0b", 2, "binary"),
    ] {
        if let Some(digits) = unsigned
            .strip_prefix(prefix)
            .or_else(|| unsigned.strip_prefix(&prefix.to_uppercase()))
        {
            let mut refusal = found(&format!("the {name} {}", shown(t)));
            if let Ok(n) = i128::from_str_radix(digits, base) {
                let sign = if t.starts_with('-') { "-" } else { "" };
                refusal.help = format!(
                    "{} is {sign}{n} in decimal: write {sign}{n} if that is what the report states",
                    shown(t)
                );
            }
            return Err(refusal);
        }
    }
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | "inf" | "infinity") {
        return Err(Refusal {
            help: range_help(),
            ..found(&format!("the infinity {}", shown(t)))
        });
    }
    if matches!(lower.as_str(), ".nan" | "nan") {
        return Err(Refusal {
            help: range_help(),
            ..found(&format!("{} (not a number)", shown(t)))
        });
    }
    let is_decimal = |s: &str| {
        !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
            && s.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
            && s.parse::<f64>().is_ok()
    };
    if is_decimal(t) {
        // YAML 1.1 reads a leading zero as octal (`012` is 10), YAML 1.2 as a string:
        // either way not what a report's "012" would mean.
        let whole = unsigned.split(['.', 'e', 'E']).next().unwrap_or_default();
        if whole.len() > 1 && whole.starts_with('0') {
            let plain = whole.trim_start_matches('0');
            return Err(Refusal::new(
                format!(
                    "expected {expected}, found {} with a leading zero",
                    shown(t)
                ),
                format!(
                    "write it without the leading zero ({}); {DECIMAL_HELP}",
                    if plain.is_empty() { "0" } else { plain }
                ),
            ));
        }
        return t.parse::<f64>().map_err(|_| found(&shown(t)));
    }
    // Digit separators: `1_000` (YAML 1.1), `1,000`, `1 000`.
    for sep in ['_', ',', ' ', '\''] {
        let joined: String = t.chars().filter(|&c| c != sep).collect();
        if t.contains(sep) && is_decimal(&joined) {
            return Err(Refusal::new(
                format!(
                    "expected {expected}, found {} with `{sep}` between digits",
                    shown(t)
                ),
                format!("write {joined}, without separators"),
            ));
        }
    }
    Err(found(&shown(t)))
}

/// The accepted range of figure values, in words.
fn range_help() -> String {
    format!(
        "figures are 0, or from {} to {} in size, either sign; state a figure beyond \
         that in another unit (millions, per cent)",
        format::value(format::MIN_MAGNITUDE, &crate::model::Unit::Count),
        format::value(format::MAX_MAGNITUDE, &crate::model::Unit::Count),
    )
}

/// Reads a figure's value: a decimal number of the accepted range
/// ([`format::in_range`]).
pub(crate) fn figure_value(raw: &RawNumber) -> Result<f64, Refusal> {
    let v = decimal(&raw.0, "a decimal number such as 28")?;
    if v.abs() > format::MAX_MAGNITUDE || v.is_nan() {
        return Err(Refusal::new(
            format!(
                "value {} is out of range: expected at most 10^15 in size",
                shown(raw.0.trim())
            ),
            range_help(),
        ));
    }
    if !format::in_range(v) {
        return Err(Refusal::new(
            format!(
                "value {} is out of range: expected 0 or at least 10^-6 in size",
                shown(raw.0.trim())
            ),
            range_help(),
        ));
    }
    Ok(v)
}

/// Reads a year: a whole number within [`YEARS`].
pub(crate) fn year(raw: &RawNumber) -> Result<i32, Refusal> {
    let v = decimal(&raw.0, "a year such as 2024")?;
    if v.fract() != 0.0 {
        return Err(Refusal::new(
            format!(
                "expected a year such as 2024, found {}",
                shown(raw.0.trim())
            ),
            "a year is a whole number",
        ));
    }
    // Checked as a float first: a cast would saturate `1e20` to a valid-looking year.
    let in_i32 = (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&v);
    let y = if in_i32 { v as i32 } else { i32::MAX };
    year_in_range(y, &format!("year {}", raw.0.trim()))
}

/// `year` if it is within [`YEARS`]; `what` names it in the message ("year 2101",
/// "published 2101-03").
pub(crate) fn year_in_range(year: i32, what: &str) -> Result<i32, Refusal> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(Refusal::new(
            format!("{what} is out of range"),
            format!("expected a year from {} to {}", YEARS.start(), YEARS.end()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Result<f64, Refusal> {
        figure_value(&RawNumber(text.to_string()))
    }

    fn refused(text: &str) -> String {
        let r = value(text).unwrap_err();
        format!("{} | {}", r.message, r.help)
    }

    #[test]
    fn decimal_spellings_are_read() {
        for (text, v) in [
            ("28", 28.0),
            ("-28", -28.0),
            ("+28", 28.0),
            ("12.5", 12.5),
            (".5", 0.5),
            ("2.7e6", 2.7e6),
            ("2.7E+6", 2.7e6),
            ("0", 0.0),
            ("0.75", 0.75),
            ("1e15", 1e15),
            ("-1e-6", -1e-6),
            (" 28 ", 28.0),
        ] {
            assert_eq!(value(text), Ok(v), "{text}");
        }
    }

    #[test]
    fn other_spellings_are_named() {
        for (text, says) in [
            (
                "0x28",
                "found the hexadecimal `0x28` | `0x28` is 40 in decimal",
            ),
            ("-0x28", "`-0x28` is -40 in decimal"),
            ("0o17", "found the octal `0o17` | `0o17` is 15 in decimal"),
            ("0b101", "found the binary `0b101`"),
            (
                "0xZZ",
                "found the hexadecimal `0xZZ` | write a plain decimal",
            ),
            (
                "1_000",
                "found `1_000` with `_` between digits | write 1000",
            ),
            ("13,000", "with `,` between digits | write 13000"),
            ("12 000", "with ` ` between digits"),
            (".inf", "found the infinity `.inf`"),
            ("-.Inf", "found the infinity `-.Inf`"),
            (".nan", "found `.nan` (not a number)"),
            (
                "012",
                "found `012` with a leading zero | write it without the leading zero (12)",
            ),
            (
                "twelve",
                "expected a decimal number such as 28, found `twelve`",
            ),
            ("$12", "found `$12`"),
            ("12%", "found `12%`"),
            ("", "found nothing"),
            ("~", "found nothing"),
            (
                "1e400",
                "value `1e400` is out of range: expected at most 10^15",
            ),
            ("1e20", "out of range"),
            ("18446744073709551616", "out of range"),
            ("-1e16", "out of range"),
            ("5e-324", "expected 0 or at least 10^-6 in size"),
            ("1e-7", "at least 10^-6"),
        ] {
            let got = refused(text);
            assert!(got.contains(says), "{text}: {got}");
        }
        let long = "9".repeat(1000);
        assert!(refused(&long).len() < 400, "long values are cut");
    }

    #[test]
    fn years_are_whole_and_in_range() {
        let year = |t: &str| year(&RawNumber(t.to_string()));
        assert_eq!(year("2024"), Ok(2024));
        assert_eq!(year("1990"), Ok(1990));
        assert_eq!(year("2100"), Ok(2100));
        for (text, says) in [
            ("1989", "year 1989 is out of range"),
            ("2101", "year 2101 is out of range"),
            ("0001", "leading zero"),
            ("20024", "year 20024 is out of range"),
            ("1e20", "year 1e20 is out of range"),
            ("2024.5", "expected a year such as 2024, found `2024.5`"),
            ("0x7E8", "found the hexadecimal `0x7E8`"),
            ("MMXXIV", "expected a year such as 2024, found `MMXXIV`"),
        ] {
            let r = year(text).unwrap_err();
            assert!(r.message.contains(says), "{text}: {}", r.message);
        }
    }
}
