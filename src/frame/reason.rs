//! Why a target stands where it does, as data: which values of which years were
//! compared, and what followed. The sentence readers see is written at render time
//! in the page's language (`render::reasons`), from these values.

use crate::model::{Amount, MetricId};

use super::status::Evidence;

/// Why a target has its status.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The goal is a state described in words: no status is computed.
    Qualitative,
    /// The goal is a value, but no metric measures the target.
    NoIndicator,
    /// The method applied to the indicator's figures.
    Measured {
        /// What every sentence names: the indicator, the goal, the deadline.
        terms: Terms,
        /// What the method found.
        verdict: Verdict,
    },
}

/// The indicator, goal and dates a verdict is stated against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    /// The indicator, whose title and unit the sentence uses.
    pub metric: MetricId,
    /// The value to reach.
    pub goal: f64,
    /// The year to reach it by.
    pub deadline: i32,
    /// The latest year any report covers.
    pub as_of: i32,
    /// Whether the indicator has to rise to the goal (else fall).
    pub rising: bool,
}

/// What the method found, for a target with a goal value and an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// No actual or estimated figure.
    NoEvidence {
        /// The curated baseline (value, year), if any.
        baseline: Option<(f64, i32)>,
    },
    /// The latest figure meets the goal.
    Reached {
        /// The latest figure.
        latest: Evidence,
        /// Whether it is of a year after the deadline: reached, but late.
        late: bool,
    },
    /// The deadline is past and the latest figure does not meet the goal.
    PastDeadline {
        /// The latest figure.
        latest: Evidence,
    },
    /// There is no value earlier than the latest figure to measure a pace from.
    NoStart {
        /// The latest figure.
        latest: Evidence,
        /// Why.
        why: NoStart,
    },
    /// The pace from the start to the latest figure, carried on to the deadline.
    Pace {
        /// The value (with its bound) and year measured from.
        start: (Amount, i32),
        /// Whether the start is the curated baseline (else the earliest figure).
        from_baseline: bool,
        /// The latest figure.
        latest: Evidence,
        /// The latest figure's interval carried on to the deadline: none when both
        /// ends are left open by the figures' bounds.
        projected: Option<Amount>,
        /// What the projection gave: on track, off track or insufficient.
        standing: crate::model::frame::Standing,
    },
}

/// Why a pace could not be measured.
#[derive(Debug, Clone, PartialEq)]
pub enum NoStart {
    /// All the figures are of one year, and no baseline is given.
    OneYear,
    /// The baseline (value, year) is not earlier than the latest figure.
    BaselineNotEarlier((f64, i32)),
}

/// A projected value as readers want it: three significant digits (a pace is no
/// more precise than that), more when three would move it onto or across the goal,
/// so that "reaches 100, short of 100" is never written.
pub fn readable(v: f64, goal: f64) -> f64 {
    if !v.is_finite() {
        return v;
    }
    for digits in 3..=15 {
        let rounded: f64 = format!("{v:.*e}", digits - 1).parse().unwrap_or(v);
        if rounded.partial_cmp(&goal) == v.partial_cmp(&goal) {
            return rounded;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn projections_are_rounded_but_never_onto_the_goal() {
        assert_eq!(readable(64.285714, 100.0), 64.3);
        assert_eq!(readable(1_234_567.0, 2e6), 1_230_000.0);
        assert_eq!(readable(99.96, 100.0), 99.96);
        assert_eq!(readable(100.04, 100.0), 100.04);
        assert_eq!(readable(100.0, 100.0), 100.0);
        // 99.9 would read as short of a goal that 99.949 meets.
        assert_eq!(readable(99.949, 99.92), 99.95);
    }
}
