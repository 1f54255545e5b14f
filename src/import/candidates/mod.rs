//! Candidate figures: the quantities a report's text states that may be reported
//! results, each with its unit, bound, status, year and the sentence that states it.
//!
//! The text is cut into [`sentences`](mod@crate::import::sentences); the numbers of each
//! are those [`numerals::find`] reads ("3,300", "3’300", "3.3 million", "USD 2.5
//! billion", "twenty", "a third"), one reading per written number. Each number then
//! goes through one rule per module, every rule general (no report's own phrases) and
//! looking only at a bounded window around the number, so the whole is linear in the
//! text:
//! - [`exclude`]: the numbers that are never figures (dates and years, document
//!   symbols, references, section numbering, footnote markers, phone and page numbers,
//!   durations, "11 action lines");
//! - [`unit`](mod@unit): what it counts (people, money, a percentage, a count), or nothing, and
//!   then it is no candidate;
//! - [`bound`]: the qualifier before or after it, or a range;
//! - [`status`]: actual, estimate, projected or target, from its clause;
//! - [`year`]: the year it describes, from its clause, its sentence, the sentence
//!   before it or its section's heading;
//! - [`confidence`]: how likely it is a reported result.
//!
//! A number repeated with the same value, unit and bound in one sentence is kept once.

pub mod bound;
pub mod confidence;
pub mod exclude;
mod quote;
pub mod status;
mod text;
pub mod unit;
pub mod year;

use super::sentences::{is_heading, sentences};
use crate::model::{Bound, Status};
use crate::numerals::{self, Found, FoundKind};
use year::Years;

/// What a candidate counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateUnit {
    /// Things: countries, initiatives, sessions.
    Count,
    /// People: participants, fellows, students.
    People,
    /// Money, in the currency stated (not converted).
    Usd,
    /// A percentage (a fraction is given as a percentage too).
    Percent,
}

/// A quantity the text states that may be a reported figure, for an editor to review.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The value (the low end of a range).
    pub value: f64,
    /// The high end of a range, `None` otherwise.
    pub value_max: Option<f64>,
    /// What it counts.
    pub unit: CandidateUnit,
    /// The qualifier from the words around it; [`Bound::Range`] with `value_max`.
    pub bound: Bound,
    /// Whether it is an actual, estimated, projected or target value.
    pub status: Status,
    /// The year it describes.
    pub year: i32,
    /// The sentence that states it, verbatim from the text; of a sentence too long to
    /// quote, the words around the number.
    pub quote: String,
    /// How likely it is a reported result, from 0 to 1.
    pub confidence: f32,
    /// Why it is a candidate: the rules that matched.
    pub reason: String,
}

/// The years a sentence inherits when it states none for a number.
#[derive(Default)]
struct Context {
    /// A year in the heading of the current section.
    heading: Option<i32>,
    /// The year the previous sentence of the same paragraph opened with.
    previous: Option<i32>,
}

/// Every candidate figure `text` states, in text order; `report_year` is the year of a
/// figure for which neither its sentence, the sentence before nor its section's
/// heading names one.
pub fn candidates(text: &str, report_year: i32) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut context = Context::default();
    let mut prev_end = 0;
    for span in sentences(text) {
        let gap = &text[prev_end..span.start];
        // A blank line between two sentences ends a paragraph.
        if gap.matches('\n').count() >= 2 {
            context.previous = None;
        }
        let line_start = match gap.rfind('\n') {
            Some(i) => Some(prev_end + i + 1),
            None => (prev_end == 0).then_some(0),
        };
        let heading = line_start.is_some_and(|from| {
            let line = &text[from..];
            is_heading(
                line.split('\n')
                    .next()
                    .unwrap_or(line)
                    .trim_end_matches('\r'),
            )
        });
        let s = &text[span.clone()];
        let found = if exclude::wordless(s) {
            Vec::new()
        } else {
            pick_readings(numerals::find(s))
        };
        let inherited = context.previous.or(context.heading);
        let years = sentence_candidates(s, &found, report_year, inherited, &mut out);
        if heading {
            context.heading = years.of_heading(s, &found);
            context.previous = None;
        } else {
            context.previous = years.opening(s);
        }
        prev_end = span.end;
    }
    out
}

/// The candidates of one sentence, whose numbers are `found`; `inherited` is the year
/// of its context. Returns the years it states, for the context of what follows.
fn sentence_candidates(
    s: &str,
    found: &[Found],
    report_year: i32,
    inherited: Option<i32>,
    out: &mut Vec<Candidate>,
) -> Years {
    // ASCII lower case keeps every byte offset (full lower case may not: "İ"), and the
    // words the rules look for are ASCII.
    let lower = &s.to_ascii_lowercase();
    let years = Years::of(s, lower, found, report_year);
    let mut skip_until = 0;
    for (k, f) in found.iter().enumerate() {
        if f.start < skip_until || exclude::excluded(s, f) {
            continue;
        }
        let mut value = f.value;
        let mut value_max = None;
        let mut bound = bound::bound(s, f);
        // A range is judged by its high end's words, its low end by its own place.
        let range = found
            .get(k + 1)
            .filter(|g| bound::is_range(s, f, g) && !exclude::glued_before(s, f));
        let judged = match range {
            Some(g) if !exclude::excluded(s, g) => unit::unit(s, g).map(|(u, reason, e)| {
                value_max = Some(g.value);
                bound = Bound::Range;
                skip_until = g.end;
                (u, format!("{reason}; a range"), e)
            }),
            Some(_) => None,
            None => unit::unit(s, f),
        };
        let Some((unit, reason, evidence)) = judged else {
            continue;
        };
        if f.kind == FoundKind::Fraction {
            value *= 100.0;
            value_max = value_max.map(|v| v * 100.0);
        }
        let c = Candidate {
            value,
            value_max,
            unit,
            bound,
            status: status::status(status::clause(lower, f.start, f.end), report_year),
            year: years
                .of_number(k, f.start)
                .or(inherited)
                .unwrap_or(report_year),
            quote: quote::quote(s, f.start, range.map_or(f.end, |g| g.end)).to_owned(),
            confidence: confidence::confidence(unit, f.kind, bound, evidence),
            reason,
        };
        let duplicate = out.iter().rev().take(8).any(|o: &Candidate| {
            o.quote == c.quote && o.value == c.value && o.unit == c.unit && o.bound == c.bound
        });
        if !duplicate {
            out.push(c);
        }
    }
    years
}

/// One reading per written number: the longest span at each start, and of two readings
/// of one span ("1.150") the whole one; readings inside a longer one are dropped.
fn pick_readings(found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        if let Some(last) = out.last_mut() {
            if f.start < last.end && f.start > last.start {
                continue;
            }
            if f.start == last.start {
                let longer = f.end > last.end;
                let whole =
                    f.end == last.end && f.value.fract() == 0.0 && last.value.fract() != 0.0;
                if longer || whole {
                    *last = f;
                }
                continue;
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_is_the_sentence_verbatim() {
        let text = "Intro here. In 2023 we trained\n40 fellows across Africa. Then more.";
        let c = candidates(text, 2024);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].quote, "In 2023 we trained\n40 fellows across Africa.");
        assert!(text.contains(&c[0].quote));
        assert_eq!(
            (c[0].value, c[0].year, c[0].unit),
            (40.0, 2023, CandidateUnit::People)
        );
        assert!(c[0].confidence > 0.0 && c[0].confidence <= 1.0 && !c[0].reason.is_empty());
    }

    #[test]
    fn every_number_of_a_sentence_in_text_order() {
        let text = "We committed USD 2.5 billion to 38 countries, reaching 3’300 teachers \
                    and a third of schools.";
        let c: Vec<(f64, CandidateUnit)> = candidates(text, 2024)
            .into_iter()
            .map(|c| (c.value, c.unit))
            .collect();
        assert_eq!(c.len(), 4, "{c:?}");
        assert_eq!(c[0], (2.5e9, CandidateUnit::Usd));
        assert_eq!(c[1], (38.0, CandidateUnit::Count));
        assert_eq!(c[2], (3300.0, CandidateUnit::People));
        assert_eq!(c[3].1, CandidateUnit::Percent);
    }

    #[test]
    fn one_candidate_per_repeated_statement() {
        let c = candidates("We trained 40 people, yes 40 people, in Kenya.", 2024);
        assert_eq!(c.len(), 1, "{c:#?}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,200}", year in 1900i32..2200) {
            for c in candidates(&text, year) {
                proptest::prop_assert!(text.contains(&c.quote));
                proptest::prop_assert!((0.0..=1.0).contains(&c.confidence));
            }
        }

        #[test]
        fn never_panics_on_number_soup(text in "[0-9a-zA-Z $%.,/\\-–()\\[\\]#*\n]{0,200}") {
            let _ = candidates(&text, 2024);
        }
    }
}
