//! Where a target stands: the method of the contract, applied to the indicator's
//! figures. Actual and estimated figures are evidence; projections and targets are
//! plans, shown on the page but never evidence. Every comparison is made on the
//! interval a figure's words allow (`Amount::interval`), so "at least 52" is never
//! read as 52 when that would flatter the target.

use std::cmp::Reverse;

use crate::link::Links;
use crate::model::frame::{Goal, Standing, Target};
use crate::model::{Amount, Observation, Site, Status};
use crate::series::{self, Series};

use super::Assessment;
use super::reason::{NoStart, Reason, Terms, Verdict};

/// A figure as the method reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// The figure.
    pub observation: Observation,
    /// Its amount, with its bound.
    pub amount: Amount,
    /// Actual or estimate.
    pub status: Status,
    /// The year it describes.
    pub year: i32,
}

impl Evidence {
    fn of(site: &Site, observation: Observation) -> Evidence {
        let f = site.figure(observation);
        Evidence {
            observation,
            amount: f.amount,
            status: f.status,
            year: f.year,
        }
    }
}

/// Which way the indicator has to move, and the ends of an interval that matter.
#[derive(Debug, Clone, Copy)]
struct Way {
    rising: bool,
    goal: f64,
}

impl Way {
    /// The end a figure surely reaches: its lower end when rising, upper when falling.
    fn sure(self, a: Amount) -> Option<f64> {
        let (low, high) = a.interval();
        if self.rising { low } else { high }
    }
    /// The end it may reach at best.
    fn hopeful(self, a: Amount) -> Option<f64> {
        let (low, high) = a.interval();
        if self.rising { high } else { low }
    }
    /// Whether `v` meets the goal.
    fn meets(self, v: f64) -> bool {
        if self.rising {
            v >= self.goal
        } else {
            v <= self.goal
        }
    }
}

/// Assesses `target` against the figures of `links`, judging deadlines in the year
/// `as_of`.
pub(super) fn assess(site: &Site, links: &Links, as_of: i32, target: &Target) -> Assessment {
    let series = target.indicator.map(|m| &links.series[m.index()]);
    let mut assessment = Assessment {
        standing: Standing::Insufficient,
        reason: Reason::NoIndicator,
        latest: None,
        start: None,
        evidence: series.map(|s| s.observations.clone()).unwrap_or_default(),
    };
    let (goal, metric, series) = match (&target.goal, target.indicator, series) {
        (Goal::EndState(_), _, _) => {
            assessment.standing = Standing::NotMeasured;
            assessment.reason = Reason::Qualitative;
            return assessment;
        }
        (Goal::Value(goal), Some(m), Some(s)) => (*goal, m, s),
        (Goal::Value(_), _, _) => {
            assessment.reason = Reason::NoIndicator;
            return assessment;
        }
    };
    let evidence = evidence(site, series);
    let baseline = target.baseline.as_ref().map(|b| (b.value, b.year));
    let (first, last) = match (evidence.first(), evidence.last()) {
        (Some(&first), Some(&last)) => (first, last),
        _ => {
            let terms = Terms {
                metric,
                goal,
                deadline: target.deadline,
                as_of,
                rising: true,
            };
            let verdict = Verdict::NoEvidence { baseline };
            assessment.reason = Reason::Measured { terms, verdict };
            return assessment;
        }
    };
    let way = Way {
        rising: rising(
            goal,
            baseline,
            first.amount,
            site.metric(metric).higher_is_better,
        ),
        goal,
    };
    // The pace is measured from the baseline, else from the earliest figure with
    // its bound: each end of the start's interval matters (below).
    let start = match baseline {
        Some((v, year)) => (Amount::Exact(v), year),
        None => (first.amount, first.year),
    };
    assessment.latest = Some(last.observation);
    assessment.start = match baseline {
        Some(b) => Some(b),
        None => way.sure(first.amount).map(|v| (v, first.year)),
    };
    let (standing, verdict) = judge(way, target.deadline, as_of, baseline, start, last);
    let terms = Terms {
        metric,
        goal,
        deadline: target.deadline,
        as_of,
        rising: way.rising,
    };
    assessment.standing = standing;
    assessment.reason = Reason::Measured { terms, verdict };
    assessment
}

/// The rules in the contract's order, once the evidence is known: reached, past the
/// deadline, then the pace from `start` (the baseline, or the earliest figure with
/// its bound) to the latest figure.
fn judge(
    way: Way,
    deadline: i32,
    as_of: i32,
    baseline: Option<(f64, i32)>,
    start: (Amount, i32),
    last: Evidence,
) -> (Standing, Verdict) {
    if way.sure(last.amount).is_some_and(|v| way.meets(v)) {
        let late = last.year > deadline;
        return (Standing::OnTrack, Verdict::Reached { latest: last, late });
    }
    if as_of > deadline {
        return (Standing::OffTrack, Verdict::PastDeadline { latest: last });
    }
    let (from, from_year) = start;
    if from_year >= last.year {
        let why = match baseline {
            Some(b) => NoStart::BaselineNotEarlier(b),
            None => NoStart::OneYear,
        };
        return (
            Standing::Insufficient,
            Verdict::NoStart { latest: last, why },
        );
    }
    // Each end of the latest interval, carried on in a straight line from the start
    // to the deadline. With the deadline at or after the latest year the projection
    // is `v + (v - s) × (factor - 1)`, lower for a higher start: the worst case
    // pairs the latest figure's sure end with the start's hopeful end (a rise from
    // "at least 40" may be no rise at all), the best case the other two. An open end
    // leaves its case open: an "at least" figure could be growing without limit.
    // A latest figure from the deadline year or after is compared as it is.
    let factor = f64::from(deadline - from_year) / f64::from(last.year - from_year);
    let project = |v: Option<f64>, s: Option<f64>| -> Option<f64> {
        let v = v?;
        if last.year >= deadline {
            return Some(v);
        }
        let s = s?;
        Some(settle(s + (v - s) * factor))
    };
    let pessimistic = project(way.sure(last.amount), way.hopeful(from));
    let optimistic = project(way.hopeful(last.amount), way.sure(from));
    let standing = if pessimistic.is_some_and(|v| way.meets(v)) {
        Standing::OnTrack
    } else if optimistic.is_some_and(|v| !way.meets(v)) {
        Standing::OffTrack
    } else {
        Standing::Insufficient
    };
    let (low, high) = if way.rising {
        (pessimistic, optimistic)
    } else {
        (optimistic, pessimistic)
    };
    // A point projected from an "about" figure is itself about that point.
    let about = [last.amount, from]
        .iter()
        .any(|a| matches!(a, Amount::Approximately(_)));
    let projected = match (low, high) {
        (Some(l), Some(h)) if l == h && about => Some(Amount::Approximately(l)),
        (Some(l), Some(h)) if l == h => Some(Amount::Exact(l)),
        (Some(l), Some(h)) => Some(Amount::Range {
            low: l.min(h),
            high: l.max(h),
        }),
        (Some(l), None) => Some(Amount::AtLeast(l)),
        (None, Some(h)) => Some(Amount::AtMost(h)),
        (None, None) => None,
    };
    let verdict = Verdict::Pace {
        start,
        from_baseline: baseline.is_some(),
        latest: last,
        projected,
        standing,
    };
    (standing, verdict)
}

/// Whether the target asks the indicator to rise: towards a goal above the baseline,
/// or above the whole of the earliest figure; below it, to fall. When the earliest
/// figure's interval holds the goal (or there is nothing to compare), the metric's
/// `higher_is_better` decides, rising by default: most WSIS indicators count what is
/// connected, trained or funded.
fn rising(
    goal: f64,
    baseline: Option<(f64, i32)>,
    earliest: Amount,
    higher_is_better: Option<bool>,
) -> bool {
    let default = higher_is_better.unwrap_or(true);
    match baseline {
        Some((v, _)) if goal != v => goal > v,
        Some(_) => default,
        None => match earliest.interval() {
            (_, Some(high)) if high < goal => true,
            (Some(low), _) if low > goal => false,
            _ => default,
        },
    }
}

/// The evidence of each year with any, oldest first: of a year's actual and
/// estimated figures (restatements already set apart by the series), the metric's
/// own organization's first, then the most certain, then the latest in series order
/// (latest `as_of`, then latest published), as the series picks a year's value.
pub(super) fn evidence(site: &Site, series: &Series) -> Vec<Evidence> {
    // Per year: the best figure so far, with the key it won by (own, most certain,
    // latest in series order).
    type Best = (i32, (bool, Reverse<Status>, usize), Observation);
    let mut years: Vec<Best> = Vec::new();
    for (i, &o) in series.observations.iter().enumerate() {
        let f = site.figure(o);
        if f.status.is_outlook() {
            continue;
        }
        let key = (series::first_party(site, o), Reverse(f.status), i);
        match years.last_mut() {
            Some((year, best, current)) if *year == f.year => {
                if key > *best {
                    *best = key;
                    *current = o;
                }
            }
            _ => years.push((f.year, key, o)),
        }
    }
    years
        .into_iter()
        .map(|(_, _, o)| Evidence::of(site, o))
        .collect()
}

/// `v` to 12 significant digits: a projection that lands on the goal in decimal
/// arithmetic (40 + 30 × 2 = 100) must not miss it by the binary noise of `f64`.
fn settle(v: f64) -> f64 {
    if !v.is_finite() {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

#[cfg(test)]
mod tests;
