//! Reading the numbers a sentence states, so a build can check that a figure's quote
//! states the figure's value, and a command that imports reports can propose figures from their text.
//!
//! [`find`] lists every number a text states, with every plausible reading of an
//! ambiguous one; [`states`] says whether one of them is a given value. The reader is a
//! hand-written scanner over byte offsets: linear in the text, and it never panics.
//!
//! Forms read:
//! - digits, with groups of three separated by `,` `.` `'` `’` or a space (also the
//!   no-break, narrow no-break, thin and figure spaces): `1,150`, `1 150`, `3’300`,
//!   `1.150.000`; decimals with a point or a comma: `2.5`, `2,5`, `.5`;
//! - a minus (`-` or `−`) written right before the digits and not after a letter or a
//!   digit, so `10-15` is a range and `COVID-19` is 19;
//! - scale words and abbreviations after a number: `3.3 million`, `$1.2bn`, `5k`;
//! - per cent: `43%`, `43 %`, `43 per cent`, `43 percent`, `43 pct` ([`FoundKind::Percent`]);
//! - English number words: `twenty-five`, `one hundred and fifty`, `a dozen`,
//!   `three million`, `two and a half million`, `half a million`;
//! - fractions ([`FoundKind::Fraction`]): `half`, `a third`, `two-thirds`,
//!   `three quarters`, `one in five`, `3 out of 4`.
//!
//! Ordinals (`first`, `twenty-first`, `21st`) are not quantities and are skipped.
//! Years, codes and versions (`2015`, `5G`, `C4`, `ISO 27001`) are read like any number.
//!
//! Ambiguity decisions (every plausible reading is kept, the caller compares values):
//! - `1.150` (one group after a point) reads as 1150 *and* 1.15; `1,150` only as 1150
//!   (reading it as 1.15 too would let a value 1,000 times too small pass); with two or
//!   more groups (`1,150,000`) or a decimal part (`1,150.5`) only grouped;
//! - `43 150` reads as 43150 and as 43 and 150; `2015 43` and `0 750` never group, as
//!   the first group of a number has one to three digits and no leading zero;
//! - a comma or point followed by digits that cannot be a group is a decimal mark
//!   (`2,5` = 2.5, `1234,567` = 1234.567), except a comma followed by exactly three
//!   digits after a number grouped with spaces or apostrophes (a list, not a decimal);
//! - a one-letter scale (`k`, `m`, `b`) also keeps the plain reading (`5 m` may be
//!   metres); words and longer abbreviations (`million`, `mn`, `bn`) do not;
//! - `X in Y` is a fraction only when both are whole, 0 < X < Y, and Y is not a
//!   four-digit year (19xx, 20xx): `3 in 2015` is a count and a year.

mod cardinal;
mod digits;
mod lexicon;
#[cfg(test)]
mod proptests;
mod ratio;
mod reading;
mod states;
mod suffix;
mod words;

pub use states::{states, stating};

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The value read: 43 for `43%`, 1/3 for `a third`, 3 300 000 for `3.3 million`.
    pub value: f64,
    /// Byte offset where the number starts (its sign included).
    pub start: usize,
    /// Byte offset just after the number (its scale or per cent words included).
    pub end: usize,
    /// How the number was written.
    pub kind: FoundKind,
}

/// How a found number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    /// A plain quantity: `1,150`, `twenty-five`, `3.3 million`.
    Number,
    /// A per cent: `43%`, `43 per cent`; the value is 43.
    Percent,
    /// A fraction: `a third`, `two-thirds`, `one in five`; the value is the proportion.
    Fraction,
}

/// Every number the text states, with every plausible reading of ambiguous ones
/// ("1.150" may be 1150 (Spanish/German grouping) or 1.15), in text order.
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    digits::find(text, &mut found);
    words::find(text, &mut found);
    sort(&mut found);
    ratio::add(text, &mut found);
    sort(&mut found);
    found.dedup();
    found
}

/// Text order: by start, then the shorter span first, then by value.
fn sort(found: &mut [Found]) {
    found.sort_by(|a, b| {
        (a.start, a.end)
            .cmp(&(b.start, b.end))
            .then(a.value.total_cmp(&b.value))
    });
}

/// Whether `c` may stand between digit groups or between a number and its unit.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// The maximal run of letters at the start of `s`, empty when `s` starts otherwise.
fn word_at(s: &str) -> &str {
    let n = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..n]
}

/// Every reading one scanner (`digits::find`, `words::find`) makes of `text`: value,
/// kind and the text spanned. For the scanners' own tests.
#[cfg(test)]
fn readings(scan: fn(&str, &mut Vec<Found>), text: &str) -> Vec<(f64, FoundKind, &str)> {
    let mut out = Vec::new();
    scan(text, &mut out);
    out.iter()
        .map(|f| (f.value, f.kind, &text[f.start..f.end]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(f64, FoundKind)> {
        find(text).iter().map(|f| (f.value, f.kind)).collect()
    }

    #[test]
    fn mixed_sentence_in_text_order() {
        let text =
            "In 2015, 43 per cent of the twenty-five NRIs reached two-thirds of USD 2.5 billion.";
        assert_eq!(
            values(text),
            vec![
                (2015.0, FoundKind::Number),
                (43.0, FoundKind::Percent),
                (25.0, FoundKind::Number),
                (2.0 / 3.0, FoundKind::Fraction),
                (2.5e9, FoundKind::Number),
            ]
        );
        let f = find(text);
        assert_eq!(&text[f[1].start..f[1].end], "43 per cent");
        assert_eq!(&text[f[4].start..f[4].end], "2.5 billion");
    }

    #[test]
    fn ranges_give_each_end() {
        for (text, ends) in [
            ("10-15", [10.0, 15.0]),
            ("10\u{2013}15 per cent", [10.0, 15.0]),
            ("between 3 and 5", [3.0, 5.0]),
            ("3 to 5 million", [3.0, 5e6]),
            ("from 43 NRIs in a year to 174", [43.0, 174.0]),
            (
                "from forty-three to one hundred and seventy-four",
                [43.0, 174.0],
            ),
        ] {
            let read: Vec<f64> = find(text).iter().map(|f| f.value).collect();
            assert_eq!(read, ends, "{text}");
        }
    }

    #[test]
    fn no_numbers() {
        assert!(find("").is_empty());
        assert!(find("dozens of hundreds of thousands, the first time").is_empty());
    }
}
