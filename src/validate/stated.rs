//! Every figure's value must be stated by its quote: "1,150", "3.3 million", "twenty",
//! "a third" and "43 per cent" all state their numbers; a quote that states another
//! number, or none, is an error naming the closest number it does state. Reading the
//! numbers is [`crate::numerals`]' job; this only asks it about each value.
//!
//! The words just before the number are read too: "more than 155" curated as an exact
//! 155 is the mistake that once showed a third party's lower bound as a decline, so a
//! hedged number with an exact bound gets a warning.

use crate::diagnostic::{Diagnostic, Kind};
use crate::format;
use crate::load::{Doc, FrontMatter, RawReport};
use crate::markdown;
use crate::model::{Bound, Figure, Hedge, Report};
use crate::numerals::{self, Found, FoundKind};

/// Words saying a number fell, under which a negative value may be written without
/// its sign ("fell by 5" states -5). Without one, "-5" must be written: "a 10-year
/// plan" does not state -10.
const FALLS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "drop",
    "dropped",
    "drops",
    "decline",
    "declined",
    "declines",
    "decrease",
    "decreased",
    "decreases",
    "down",
    "fewer",
    "less",
    "lower",
    "loss",
    "lost",
    "reduced",
    "reduction",
    "shrank",
    "shrunk",
    "deficit",
    "negative",
    "minus",
    "cut",
    "contracted",
];

/// Checks that the quote of figure `j` states each number of its amount (a range's
/// two ends each), pushing an error at the quote for each it does not.
pub(super) fn check(f: &Figure, j: usize, doc: &Doc<FrontMatter>, errors: &mut Vec<Diagnostic>) {
    for n in f.amount.numbers() {
        let result = numerals::states(&f.quote, n).or_else(|e| {
            if n < 0.0 && says_fall(&f.quote) {
                numerals::states(&f.quote, -n)
            } else {
                Err(e)
            }
        });
        let Err(closest) = result else { continue };
        let help = match closest {
            Some(found) => format!(
                "the closest number it states is {} (\"{}\"); quote the words that state {}",
                shown(&found),
                &f.quote[found.start..found.end],
                format::plain(n)
            ),
            None => format!(
                "it states no number; quote the words that state {}",
                format::plain(n)
            ),
        };
        let sign = if n < 0.0 {
            " (a negative value is written with its sign, or under a word such as \"fell\")"
        } else {
            ""
        };
        errors.push(
            doc.error(
                Kind::Quote,
                &format!("figures.{j}.quote"),
                format!(
                    "quote \"{}\" does not state the value {}",
                    markdown::shorten(&f.quote),
                    format::plain(n)
                ),
            )
            .help(format!(
                "{help}{sign}; written forms read include 1,150, 1 150, 3.3 million, USD 2.5 billion, twenty, a third and 43 per cent"
            )),
        );
    }
}

fn says_fall(quote: &str) -> bool {
    quote
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FALLS.contains(&w.to_lowercase().as_str()))
}

/// A found number as a reader would write it.
fn shown(found: &Found) -> String {
    match found.kind {
        FoundKind::Percent => format!("{}%", format::plain(found.value)),
        FoundKind::Fraction => format!("{:.4}", found.value)
            .trim_end_matches('0')
            .to_string(),
        FoundKind::Number => format::plain(found.value),
    }
}

/// Words that, just before a number, bound it: "more than 155" is at least 155. English,
/// French and Spanish, lower case, each matched as whole words ending right before the
/// number (currency signs and codes between are skipped).
///
/// The longest words that end right before the number win, so "no more than 20" is
/// an upper bound, not the lower bound "more than" alone would be.
const HEDGES: &[(&str, Bound)] = &[
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("not fewer than", Bound::AtLeast),
    ("not over", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("a minimum of", Bound::AtLeast),
    ("as many as", Bound::AtMost),
    ("more than", Bound::AtLeast),
    ("over", Bound::AtLeast),
    ("exceeds", Bound::AtLeast),
    ("under", Bound::AtMost),
    ("below", Bound::AtMost),
    ("at least", Bound::AtLeast),
    ("above", Bound::AtLeast),
    ("exceeding", Bound::AtLeast),
    ("in excess of", Bound::AtLeast),
    ("upwards of", Bound::AtLeast),
    ("plus de", Bound::AtLeast),
    ("más de", Bound::AtLeast),
    ("up to", Bound::AtMost),
    ("less than", Bound::AtMost),
    ("fewer than", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("jusqu'à", Bound::AtMost),
    ("hasta", Bound::AtMost),
    ("about", Bound::Approximately),
    ("around", Bound::Approximately),
    ("approximately", Bound::Approximately),
    ("nearly", Bound::Approximately),
    ("almost", Bound::Approximately),
    ("roughly", Bound::Approximately),
    ("circa", Bound::Approximately),
    ("close to", Bound::Approximately),
    ("some", Bound::Approximately),
    ("environ", Bound::Approximately),
    ("près de", Bound::Approximately),
    ("cerca de", Bound::Approximately),
    ("casi", Bound::Approximately),
];

/// Currency signs and codes that may stand between a hedge and its number.
/// Longer ones first, so "US$" is not read as "$" after the word "us".
const CURRENCY: &[&str] = &["us$", "usd", "$", "€", "eur", "chf", "£", "gbp"];

/// The bound the words just before `start` in `quote` put on the number there.
fn hedge_before(quote: &str, start: usize) -> Option<(&'static str, Bound)> {
    let mut before = quote[..start].trim_end().to_lowercase();
    // Skip one currency marker: "over USD 2 million", "more than $300".
    for c in CURRENCY {
        if let Some(rest) = before.strip_suffix(c) {
            before = rest.trim_end().to_string();
            break;
        }
    }
    HEDGES
        .iter()
        .copied()
        .filter(|(words, _)| {
            before.strip_suffix(words).is_some_and(|rest| {
                rest.chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .max_by_key(|(words, _)| words.len())
}

/// The words just before `f`'s number in its quote that bound it, if any. Read once
/// per figure when its report is checked (a range states two numbers, and its words,
/// "between", stand apart: none).
pub(super) fn hedge(f: &Figure) -> Option<Hedge> {
    let v = f.amount.value()?;
    let found = numerals::stating(&f.quote, v).ok()?;
    let (words, bound) = hedge_before(&f.quote, found.start)?;
    Some(Hedge {
        words: words.to_string(),
        number: found.start..found.end,
        bound,
    })
}

/// Warnings for figures whose bound is not the one the words just before the number
/// give: "more than 155" curated as an exact 155 (the words say more than the figure),
/// or as "up to". `report` is the validated form of `raw`; the words were read with
/// it ([`hedge`]), so this only compares.
pub(super) fn hedges(raw: &RawReport, report: &Report) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (j, f) in report.figures.iter().enumerate() {
        let Some(hedge) = &f.hedge else { continue };
        if hedge.bound == f.amount.bound() {
            continue;
        }
        warnings.push(
            raw.front
                .error(
                    Kind::Hedge,
                    &format!("figures.{j}.quote"),
                    format!(
                        "the quote says \"{} {}\" but the figure's bound is {}",
                        hedge.words,
                        &f.quote[hedge.number.clone()],
                        f.amount.bound().name()
                    ),
                )
                .help(format!(
                    "if the report bounds the number so, write `bound: {}`",
                    hedge.bound.name()
                )),
        );
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_are_the_words_right_before_the_number() {
        let at = |q: &str, n: &str| hedge_before(q, q.find(n).unwrap()).map(|(_, b)| b);
        assert_eq!(
            at("creation of more than 155 initiatives", "155"),
            Some(Bound::AtLeast)
        );
        assert_eq!(at("grants of up to $300,000", "300"), Some(Bound::AtMost));
        assert_eq!(at("over USD 2 million", "2"), Some(Bound::AtLeast));
        assert_eq!(at("About 150 hours", "150"), Some(Bound::Approximately));
        assert_eq!(at("plus de 20 pays", "20"), Some(Bound::AtLeast));
        assert_eq!(at("no more than 20 sites", "20"), Some(Bound::AtMost));
        assert_eq!(at("not less than 20 sites", "20"), Some(Bound::AtLeast));
        assert_eq!(at("over US$ 5 million", "5"), Some(Bound::AtLeast));
        assert_eq!(at("not over 150", "150"), Some(Bound::AtMost));
        assert_eq!(at("under 150 hubs", "150"), Some(Bound::AtMost));
        assert_eq!(at("exceeds 150", "150"), Some(Bound::AtLeast));
        // Not right before the number, or part of another word.
        assert_eq!(at("more than doubled from 43 NRIs", "43"), None);
        assert_eq!(at("moreover 12 sites", "12"), None);
        assert_eq!(at("handsome 12 sites", "12"), None);
        assert_eq!(at("we trained 100 people", "100"), None);
    }

    #[test]
    fn a_sign_may_be_left_to_a_word_of_falling() {
        assert!(says_fall("Outages fell by 5 this year"));
        assert!(says_fall("5 fewer sites"));
        assert!(!says_fall("a 10-year plan"));
        assert!(!says_fall("grew by 5 per cent"));
    }
}
