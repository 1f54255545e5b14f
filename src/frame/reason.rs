//! The sentence shown beside a target's status: which values of which years were
//! compared, and what followed. Values are written as everywhere else on the site
//! (`crate::format`, by the indicator's unit, with their bound and status).

use crate::format;
use crate::model::{Amount, Metric, Unit};

use super::status::Evidence;

/// The sentence for a target whose goal is a state described in words.
pub(super) fn qualitative() -> String {
    "A qualitative target: no status is computed; the reports that speak to it show \
     where it stands."
        .to_string()
}

/// The sentence for a target with a value to reach but no indicator.
pub(super) fn no_indicator() -> String {
    "No metric of the site measures this target yet, so there are no figures to \
     compare with its goal."
        .to_string()
}

/// What the method found, for a target with a goal value and an indicator.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Verdict {
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
pub(super) enum NoStart {
    /// All the figures are of one year, and no baseline is given.
    OneYear,
    /// The baseline (value, year) is not earlier than the latest figure.
    BaselineNotEarlier((f64, i32)),
}

/// What every sentence needs to write values and the goal.
pub(super) struct Words<'a> {
    metric: &'a Metric,
    goal: f64,
    deadline: i32,
    as_of: i32,
    rising: bool,
}

impl<'a> Words<'a> {
    pub(super) fn new(
        metric: &'a Metric,
        goal: f64,
        deadline: i32,
        as_of: i32,
        rising: bool,
    ) -> Words<'a> {
        Words {
            metric,
            goal,
            deadline,
            as_of,
            rising,
        }
    }

    fn unit(&self) -> &Unit {
        &self.metric.unit
    }

    fn value(&self, v: f64) -> String {
        format::value(v, self.unit())
    }

    fn amount(&self, a: Amount) -> String {
        format::amount(a, self.unit())
    }

    fn goal(&self) -> String {
        format!("the goal of {}", self.value(self.goal))
    }

    /// A figure with its bound, its status unless actual, and its year.
    fn figure(&self, e: &Evidence) -> String {
        format!(
            "{} in {}",
            format::figure(e.amount, self.unit(), e.status),
            e.year
        )
    }
}

impl Verdict {
    /// The sentence for readers.
    pub(super) fn sentence(&self, w: &Words<'_>) -> String {
        match self {
            Verdict::NoEvidence { baseline: None } => format!(
                "“{}” has no actual or estimated figure yet (projections and targets \
                 are plans, not evidence).",
                w.metric.title
            ),
            Verdict::NoEvidence {
                baseline: Some((v, year)),
            } => format!(
                "Only the baseline is known ({} in {year}): “{}” has no actual or \
                 estimated figure yet.",
                w.value(*v),
                w.metric.title
            ),
            Verdict::Reached {
                latest,
                late: false,
            } => {
                format!("Reached: {}, which meets {}.", w.figure(latest), w.goal())
            }
            Verdict::Reached { latest, late: true } => format!(
                "Reached late: {}, which meets {}, after the deadline of {}.",
                w.figure(latest),
                w.goal(),
                w.deadline
            ),
            Verdict::PastDeadline { latest } => format!(
                "The deadline, {}, has passed (the reports cover up to {}), and the \
                 latest figure, {}, does not show {} reached.",
                w.deadline,
                w.as_of,
                w.figure(latest),
                w.goal()
            ),
            Verdict::NoStart { latest, why } => match why {
                NoStart::OneYear => format!(
                    "Only one year has figures ({}) and no baseline is given: a pace \
                     needs a value from an earlier year.",
                    w.figure(latest)
                ),
                NoStart::BaselineNotEarlier((v, year)) => format!(
                    "The baseline, {} in {year}, is not earlier than the latest \
                     figure, {}: there is no pace to measure yet.",
                    w.value(*v),
                    w.figure(latest)
                ),
            },
            Verdict::Pace {
                start: (from, year),
                from_baseline,
                latest,
                projected,
                standing,
            } => {
                use crate::model::frame::Standing;
                let from = match from_baseline {
                    true => format!("the baseline of {}", w.amount(*from)),
                    false => w.amount(*from),
                };
                let goal = w.goal();
                let outcome = match standing {
                    Standing::OnTrack => format!("which meets {goal}"),
                    Standing::OffTrack if w.rising => format!("short of {goal}"),
                    Standing::OffTrack => format!("still above {goal}"),
                    Standing::Insufficient | Standing::NotMeasured => {
                        format!("and the bounds cannot tell whether that meets {goal}")
                    }
                };
                match projected {
                    Some(p) => format!(
                        "From {from} in {year} to {}, the pace reaches {} by {}, {outcome}.",
                        w.figure(latest),
                        w.amount(p.map(|v| readable(v, w.goal))),
                        w.deadline
                    ),
                    None => format!(
                        "From {from} in {year} to {}, the figures' bounds leave the pace \
                         open: they cannot tell whether {goal} will be met by {}.",
                        w.figure(latest),
                        w.deadline
                    ),
                }
            }
        }
    }
}

/// A projected value as readers want it: three significant digits (a pace is no
/// more precise than that), more when three would move it onto or across the goal,
/// so that "reaches 100, short of 100" is never written.
fn readable(v: f64, goal: f64) -> f64 {
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
