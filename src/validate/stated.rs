//! Every figure's value must be stated by its quote: "1,150", "3.3 million", "twenty",
//! "a third" and "43 per cent" all state their numbers; a quote that states another
//! number, or none, is an error naming the closest number it does state. Reading the
//! numbers is [`crate::numerals`]' job; this only asks it about each value.

use crate::diagnostic::{Diagnostic, Kind};
use crate::format;
use crate::load::{Doc, FrontMatter};
use crate::markdown;
use crate::model::Figure;
use crate::numerals::{self, Found, FoundKind};

/// Checks that the quote of figure `j` states each number of its amount (a range's
/// two ends each), pushing an error at the quote for each it does not.
pub(super) fn check(f: &Figure, j: usize, doc: &Doc<FrontMatter>, errors: &mut Vec<Diagnostic>) {
    for n in f.amount.numbers() {
        // A fall may be written as a positive number: "down by 5" states -5.
        let result = numerals::states(&f.quote, n).or_else(|e| {
            if n < 0.0 {
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
                "{help}; written forms read include 1,150, 1 150, 3.3 million, USD 2.5 billion, twenty, a third and 43 per cent"
            )),
        );
    }
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
