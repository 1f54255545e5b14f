//! The status a sentence gives its figures: a target ("target", "aim to", "goal"), a
//! projection (future or expectation words, "by the end of" a year not yet over), an
//! estimate ("estimated"), otherwise an actual value.

use super::text::contains_word;
use crate::model::Status;

/// Words that make a sentence's figures projections.
const PROJECTED: &[&str] = &[
    "expect",
    "expects",
    "expected",
    "will",
    "plan to",
    "plans to",
    "planned",
    "projected",
    "anticipated",
    "forecast",
    "is set to",
    "are set to",
];

/// The status the sentence gives its figures; `lower` is the sentence in lowercase.
pub(super) fn status(lower: &str, report_year: i32) -> Status {
    let has = |w: &str| contains_word(lower, w);
    if has("target") || has("targets") || has("aim to") || has("aims to") || has("goal") {
        return Status::Target;
    }
    // "By the end of 2025" in a 2025 report speaks of a time not yet reached.
    let by_end = lower.match_indices("by the end of").any(|(i, p)| {
        let rest = &lower[i + p.len()..];
        rest.split(|c: char| !c.is_ascii_digit())
            .filter(|d| d.len() == 4)
            .take(1)
            .any(|d| d.parse::<i32>().is_ok_and(|y| y >= report_year))
    });
    if by_end || PROJECTED.iter().any(|w| has(w)) {
        return Status::Projected;
    }
    if has("estimated") || has("estimate") || has("estimates") {
        return Status::Estimate;
    }
    Status::Actual
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        for (t, s) in [
            ("we expect 150 participants.", Status::Projected),
            ("the event will host 3,300 delegates.", Status::Projected),
            ("we plan to train twenty teachers.", Status::Projected),
            (
                "by the end of 2025, 150 people are projected to join.",
                Status::Projected,
            ),
            ("by the end of 2023, 150 people had joined.", Status::Actual),
            ("our target is usd 2.5 billion.", Status::Target),
            ("we aim to reach a third of schools.", Status::Target),
            ("an estimated 3.3 million people joined.", Status::Estimate),
            ("we trained 150 people.", Status::Actual),
            ("goodwill reached 150 people.", Status::Actual),
        ] {
            assert_eq!(status(t, 2024), s, "{t}");
        }
    }
}
