//! The status a clause gives its figures: a target ("target", "aim to", "goal"), a
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

/// Where a sentence's clauses meet: "In 2023 we trained 150 people and we aim to reach
/// 300" gives the 150 as done and the 300 as a target.
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    ", and ",
    ", but ",
    " but ",
    " while ",
    " whereas ",
    " and we ",
    " and they ",
    " and our ",
    " and it ",
    " and the ",
];

/// The clause of `lower` (a lowercase sentence) around the number at `start..end`.
pub(super) fn clause(lower: &str, start: usize, end: usize) -> &str {
    let from = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| lower[..start].rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let to = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| lower[end..].find(b).map(|i| end + i))
        .min()
        .unwrap_or(lower.len());
    &lower[from..to]
}

/// The status a clause gives its figures; `lower` is the clause in lowercase.
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

    #[test]
    fn each_clause_has_its_own_status() {
        let s = "in 2023 we trained 150 people and we aim to reach 300 by 2025";
        let at = |n: &str| {
            let i = s.find(n).unwrap();
            status(clause(s, i, i + n.len()), 2024)
        };
        assert_eq!(at("150"), Status::Actual);
        assert_eq!(at("300"), Status::Target);
        let s = "we connected 40 schools; we expect 60 more next year";
        let i = s.find("40").unwrap();
        assert_eq!(status(clause(s, i, i + 2), 2024), Status::Actual);
        let i = s.find("60").unwrap();
        assert_eq!(status(clause(s, i, i + 2), 2024), Status::Projected);
        // One clause, one status for all its numbers.
        let s = "we expect to train 300 people and 200 teachers";
        let i = s.find("200").unwrap();
        assert_eq!(status(clause(s, i, i + 3), 2024), Status::Projected);
    }

    #[test]
    fn at_least_and_expected_are_read() {
        assert_eq!(
            status("at least 30 sites are expected to join", 2024),
            Status::Projected
        );
    }
}
