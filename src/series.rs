//! Year-over-year series: each metric's values by year, and the change of every
//! observation from the previous year's value where the figures support one.
//!
//! The rules, in the order they apply (the README has them as a table):
//!
//! 1. A figure that restates one of an earlier report (same metric, year and amount)
//!    is not a second observation: it is kept beside the figure it repeats.
//! 2. What happened and what is expected are two tracks: actual and estimated figures
//!    make the series (`yearly`); projections and targets make the `outlook`, drawn
//!    apart and never part of a change.
//! 3. On each track, when the metric's own organization states any figure itself, the
//!    track is made of its own figures; figures from others (another organization's
//!    report, or a source the report cites) are shown beside them. A track no own
//!    figure stands on is made of the others' figures.
//! 4. A year with several candidates takes the most certain (actual over estimate,
//!    projected over target), then the latest `as_of`, then the latest published. The
//!    others stay in `observations`, shown beside the year's value, never dropped.
//! 5. A change compares intervals, not numbers: "at least 155" after "174" could be a
//!    rise or a fall, so it is [`Delta::NotComparable`], never a decline of 19.

use std::cmp::Reverse;

use crate::model::{Amount, Figure, MetricId, Observation, Site, Source, Status};

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher than before.
    Up,
    /// Lower than before.
    Down,
    /// The same.
    Flat,
    /// The figures do not say.
    Unknown,
}

/// Whether a move is good news, given the metric's `higher_is_better`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentiment {
    /// Moved the way the metric wants.
    Good,
    /// Moved against it.
    Bad,
    /// No preference, no move, or no known move.
    Neutral,
}

/// How much a value moved, as far as the two figures say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delta {
    /// Both figures are single values: the difference.
    Point {
        /// This value minus the previous one.
        absolute: f64,
        /// The change as a fraction of the previous value; `None` when that was zero.
        relative: Option<f64>,
        /// Whether either figure is approximate or an estimate.
        approximate: bool,
    },
    /// A bound or range on either side: the change lies from `low` to `high` (`None`
    /// for an open end), an interval that excludes zero, so the direction is known.
    Between {
        /// The least the value moved by (signed), if bounded.
        low: Option<f64>,
        /// The most, if bounded.
        high: Option<f64>,
        /// Whether either figure is approximate or an estimate: "about" is read as its
        /// value, so the interval is indicative, not certain.
        approximate: bool,
    },
    /// The bounds leave the direction open: "at least 155" after "174".
    NotComparable,
    /// The two figures come from different sources (two cited surveys, two reporting
    /// organizations): a difference between them is not a change anyone reported.
    OtherSource,
}

/// The change of an observation from the previous year's value of the same metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The observation compared against (the previous year's value).
    pub from: Observation,
    /// The year of that value.
    pub from_year: i32,
    /// How much it moved.
    pub delta: Delta,
    /// Which way.
    pub direction: Direction,
    /// Good, bad or neutral news.
    pub sentiment: Sentiment,
}

/// Where a figure stands in its metric's series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The value its year stands at.
    Yearly,
    /// The projection or target its year stands at.
    Outlook,
    /// Another figure for a year whose value is a different one (less certain, older,
    /// or from someone other than the metric's organization): shown beside it.
    Beside,
    /// A repeat of a figure of an earlier report, shown beside that figure.
    Restatement,
}

impl Standing {
    /// Every standing, in the order documented.
    pub const ALL: [Standing; 4] = [
        Standing::Yearly,
        Standing::Outlook,
        Standing::Beside,
        Standing::Restatement,
    ];

    /// The name used in templates and data (`yearly`, `outlook`, `beside`,
    /// `restatement`).
    pub fn name(self) -> &'static str {
        match self {
            Standing::Yearly => "yearly",
            Standing::Outlook => "outlook",
            Standing::Beside => "beside",
            Standing::Restatement => "restatement",
        }
    }
}

/// One metric's series.
#[derive(Debug, Clone, Default)]
pub struct Series {
    /// Every observation but restatements, ordered by year, date and publication.
    pub observations: Vec<Observation>,
    /// Per observation (same order): its change from the previous year's value; `None`
    /// for projections, targets, figures shown beside the track, and the first year.
    pub changes: Vec<Option<Change>>,
    /// Per observation (same order): where it stands.
    pub standings: Vec<Standing>,
    /// What happened: the value of each year that has one, ascending.
    pub yearly: Vec<(i32, Observation)>,
    /// What is expected: the projection or target of each year that has one.
    pub outlook: Vec<(i32, Observation)>,
    /// Restatements: (the restating figure, the figure it repeats).
    pub restatements: Vec<(Observation, Observation)>,
    /// Observation -> its position in `observations`: pages look up each of a
    /// metric's observations, and a scan each made 15,000 figures of one metric
    /// quadratic.
    positions: rustc_hash::FxHashMap<Observation, usize>,
    /// Restating figure -> its position in `restatements`, for the same reason.
    restating: rustc_hash::FxHashMap<Observation, usize>,
    /// Figure -> the positions in `restatements` of the figures restating it.
    restated: rustc_hash::FxHashMap<Observation, Vec<usize>>,
}

impl Series {
    /// The latest year's value, or the latest projection when nothing has happened yet.
    pub fn latest(&self) -> Option<Observation> {
        self.yearly.last().or(self.outlook.last()).map(|&(_, o)| o)
    }

    /// The change of the latest year's value from the year before it.
    pub fn latest_change(&self) -> Option<Change> {
        self.change(self.latest()?)
    }

    /// The change of observation `o` from the previous year's value.
    pub fn change(&self, o: Observation) -> Option<Change> {
        self.changes[*self.positions.get(&o)?]
    }

    /// Where `o`, a figure of this metric, stands.
    pub fn standing(&self, o: Observation) -> Standing {
        match self.positions.get(&o) {
            Some(&i) => self.standings[i],
            None => Standing::Restatement,
        }
    }

    /// Whether `o` is the value its year stands at: the year's value of what
    /// happened, not a projection (which stands on the outlook).
    pub fn is_yearly(&self, o: Observation) -> bool {
        self.standing(o) == Standing::Yearly
    }

    /// The figures restating `o`.
    pub fn restated_by(&self, o: Observation) -> impl Iterator<Item = Observation> + '_ {
        self.restated
            .get(&o)
            .into_iter()
            .flatten()
            .map(|&i| self.restatements[i].0)
    }

    /// The figure `o` restates, if it is a restatement.
    pub fn original_of(&self, o: Observation) -> Option<Observation> {
        self.restating.get(&o).map(|&i| self.restatements[i].1)
    }
}

fn figure(site: &Site, o: Observation) -> &Figure {
    &site.report(o.report).figures[o.figure]
}

/// Whether `o` is the metric's own organization's own figure: stated in its own report
/// and not cited from someone else.
pub fn first_party(site: &Site, o: Observation) -> bool {
    let f = figure(site, o);
    site.report(o.report).organization == site.metric(f.metric).organization
        && f.source == Source::Own
}

/// Who stands behind a figure, as far as comparing goes.
#[derive(PartialEq, Eq)]
enum Voice<'a> {
    /// The metric's organization's own figure.
    Own,
    /// A source the report names.
    Cited(&'a str),
    /// Another organization's report, citing no one.
    Reporter(crate::model::OrgId),
}

fn voice(site: &Site, o: Observation) -> Voice<'_> {
    let f = figure(site, o);
    match &f.source {
        Source::Cited { name, .. } => Voice::Cited(name),
        Source::Own if first_party(site, o) => Voice::Own,
        Source::Own => Voice::Reporter(site.report(o.report).organization),
    }
}

/// Builds the series of `metric` from its observations, already in series order, and
/// its restatements (restating figure, the figure it repeats).
pub(crate) fn build(
    site: &Site,
    metric: MetricId,
    observations: Vec<Observation>,
    restatements: Vec<(Observation, Observation)>,
) -> Series {
    let outlook_of = |o: Observation| figure(site, o).status.is_outlook();
    let own = |o: Observation| first_party(site, o);
    // Rule 3: per track, own figures only when there are any.
    let own_actual = observations.iter().any(|&o| !outlook_of(o) && own(o));
    let own_outlook = observations.iter().any(|&o| outlook_of(o) && own(o));
    let on_track = |o: Observation| {
        let own_track = if outlook_of(o) {
            own_outlook
        } else {
            own_actual
        };
        own(o) || !own_track
    };
    // Rule 4: the most certain, then the latest in series order.
    let pick = |outlook: bool| {
        let mut track: Vec<(i32, Observation)> = Vec::new();
        let mut best: Option<(Reverse<Status>, usize)> = None;
        for (i, &o) in observations.iter().enumerate() {
            if outlook_of(o) != outlook || !on_track(o) {
                continue;
            }
            let f = figure(site, o);
            let key = (Reverse(f.status), i);
            match track.last_mut() {
                Some((year, current)) if *year == f.year => {
                    if best.is_none_or(|b| key > b) {
                        *current = o;
                        best = Some(key);
                    }
                }
                _ => {
                    track.push((f.year, o));
                    best = Some(key);
                }
            }
        }
        track
    };
    let yearly = pick(false);
    let outlook = pick(true);

    let higher_is_better = site.metric(metric).higher_is_better;
    let mut changes = Vec::with_capacity(observations.len());
    let mut standings = Vec::with_capacity(observations.len());
    for &o in &observations {
        let f = figure(site, o);
        let track = if f.status.is_outlook() {
            &outlook
        } else {
            &yearly
        };
        let stands = track
            .binary_search_by_key(&f.year, |&(y, _)| y)
            .is_ok_and(|i| track[i].1 == o);
        standings.push(match (stands, f.status.is_outlook()) {
            (true, false) => Standing::Yearly,
            (true, true) => Standing::Outlook,
            (false, _) => Standing::Beside,
        });
        // Rule 2: only what happened changes; rule 3: only figures of the track.
        let change = (!f.status.is_outlook() && on_track(o))
            .then(|| {
                let idx = yearly.partition_point(|&(y, _)| y < f.year);
                let &(from_year, from) = yearly.get(idx.checked_sub(1)?)?;
                let mut change =
                    Change::between(figure(site, from), f, from, from_year, higher_is_better);
                if voice(site, from) != voice(site, o) {
                    change.delta = Delta::OtherSource;
                    change.direction = Direction::Unknown;
                    change.sentiment = Sentiment::Neutral;
                }
                Some(change)
            })
            .flatten();
        changes.push(change);
    }
    let positions = observations
        .iter()
        .enumerate()
        .map(|(i, &o)| (o, i))
        .collect();
    let restating = restatements
        .iter()
        .enumerate()
        .map(|(i, &(r, _))| (r, i))
        .collect();
    let mut restated: rustc_hash::FxHashMap<Observation, Vec<usize>> = Default::default();
    for (i, &(_, original)) in restatements.iter().enumerate() {
        restated.entry(original).or_default().push(i);
    }
    Series {
        observations,
        changes,
        standings,
        yearly,
        outlook,
        restatements,
        positions,
        restating,
        restated,
    }
}

impl Delta {
    /// The change from `prev` to `this`: a difference of two single values, or, with a
    /// bound or range on either side, the interval of every difference the two allow,
    /// kept only when it says which way the value moved.
    pub fn between(prev: &Figure, this: &Figure) -> Delta {
        let point = |a: Amount| match a {
            Amount::Exact(v) | Amount::Approximately(v) => Some(v),
            _ => None,
        };
        let hedged = |f: &Figure| {
            matches!(f.amount, Amount::Approximately(_)) || f.status == Status::Estimate
        };
        let approximate = hedged(prev) || hedged(this);
        if let (Some(before), Some(after)) = (point(prev.amount), point(this.amount)) {
            let absolute = crate::format::difference(after, before);
            return Delta::Point {
                absolute,
                relative: (before != 0.0).then(|| absolute / before.abs()),
                approximate,
            };
        }
        let (this_low, this_high) = this.amount.interval();
        let (prev_low, prev_high) = prev.amount.interval();
        let sub = |a: Option<f64>, b: Option<f64>| Some(crate::format::difference(a?, b?));
        let low = sub(this_low, prev_high);
        let high = sub(this_high, prev_low);
        let rose = low.is_some_and(|l| l > 0.0);
        let fell = high.is_some_and(|h| h < 0.0);
        if rose || fell {
            Delta::Between {
                low,
                high,
                approximate,
            }
        } else {
            Delta::NotComparable
        }
    }

    /// Which way the value moved.
    pub fn direction(self) -> Direction {
        match self {
            Delta::Point { absolute, .. } if absolute > 0.0 => Direction::Up,
            Delta::Point { absolute, .. } if absolute < 0.0 => Direction::Down,
            Delta::Point { .. } => Direction::Flat,
            Delta::Between { low: Some(l), .. } if l > 0.0 => Direction::Up,
            Delta::Between { .. } => Direction::Down,
            Delta::NotComparable | Delta::OtherSource => Direction::Unknown,
        }
    }
}

impl Change {
    /// The change from `prev` (observation `from`, standing for `from_year`) to `this`.
    pub(crate) fn between(
        prev: &Figure,
        this: &Figure,
        from: Observation,
        from_year: i32,
        higher_is_better: Option<bool>,
    ) -> Change {
        let delta = Delta::between(prev, this);
        let direction = delta.direction();
        let sentiment = match (direction, higher_is_better) {
            (Direction::Flat | Direction::Unknown, _) | (_, None) => Sentiment::Neutral,
            (Direction::Up, Some(true)) | (Direction::Down, Some(false)) => Sentiment::Good,
            _ => Sentiment::Bad,
        };
        Change {
            from,
            from_year,
            delta,
            direction,
            sentiment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Amount, MetricId, Source, Status};

    fn fig(amount: Amount, status: Status) -> Figure {
        Figure {
            metric: MetricId(0),
            amount,
            year: 2024,
            as_of: None,
            status,
            source: Source::Own,
            restates: None,
            quote: String::new(),
            anchor: String::new(),
        }
    }

    fn delta(prev: Amount, this: Amount) -> Delta {
        Delta::between(&fig(prev, Status::Actual), &fig(this, Status::Actual))
    }

    use Amount::{Approximately, AtLeast, AtMost, Exact, Range};

    #[test]
    fn single_values_give_a_difference() {
        assert_eq!(
            delta(Exact(355.0), Exact(407.0)),
            Delta::Point {
                absolute: 52.0,
                relative: Some(52.0 / 355.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(Approximately(150.0), Exact(200.0)),
            Delta::Point {
                absolute: 50.0,
                relative: Some(50.0 / 150.0),
                approximate: true
            }
        );
        let estimate = Delta::between(
            &fig(Exact(200.0), Status::Actual),
            &fig(Exact(220.0), Status::Estimate),
        );
        assert!(matches!(
            estimate,
            Delta::Point {
                approximate: true,
                ..
            }
        ));
        assert_eq!(
            delta(Exact(0.0), Exact(3.0)),
            Delta::Point {
                absolute: 3.0,
                relative: None,
                approximate: false
            }
        );
    }

    #[test]
    fn a_lower_bound_below_the_previous_value_is_not_a_decline() {
        // The shipped NRI case: "more than 155" after 174.
        assert_eq!(delta(Exact(174.0), AtLeast(155.0)), Delta::NotComparable);
        assert_eq!(
            delta(Exact(174.0), AtLeast(155.0)).direction(),
            Direction::Unknown
        );
        // Equal to the previous value: still could be either.
        assert_eq!(delta(Exact(174.0), AtLeast(174.0)), Delta::NotComparable);
        // Above it: a rise of at least the gap.
        assert_eq!(
            delta(Exact(100.0), AtLeast(112.0)),
            Delta::Between {
                low: Some(12.0),
                high: None,
                approximate: false
            }
        );
    }

    #[test]
    fn bounds_on_either_side_keep_only_what_they_support() {
        assert_eq!(delta(AtLeast(430.0), Exact(511.0)), Delta::NotComparable);
        assert_eq!(
            delta(AtLeast(265_000.0), Exact(264_100.0)),
            Delta::Between {
                low: None,
                high: Some(-900.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(AtLeast(265_000.0), Exact(264_100.0)).direction(),
            Direction::Down
        );
        assert_eq!(
            delta(AtMost(40.0), Exact(50.0)),
            Delta::Between {
                low: Some(10.0),
                high: None,
                approximate: false
            }
        );
        assert_eq!(delta(AtMost(40.0), AtMost(30.0)), Delta::NotComparable);
        assert_eq!(delta(AtLeast(10.0), AtLeast(20.0)), Delta::NotComparable);
        assert_eq!(
            delta(AtMost(10.0), AtLeast(20.0)),
            Delta::Between {
                low: Some(10.0),
                high: None,
                approximate: false
            }
        );
        assert_eq!(
            delta(AtLeast(20.0), AtMost(10.0)),
            Delta::Between {
                low: None,
                high: Some(-10.0),
                approximate: false
            }
        );
    }

    #[test]
    fn ranges_change_by_an_interval() {
        assert_eq!(
            delta(
                Exact(10.0),
                Range {
                    low: 12.0,
                    high: 15.0
                }
            ),
            Delta::Between {
                low: Some(2.0),
                high: Some(5.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(
                Range {
                    low: 12.0,
                    high: 15.0
                },
                Exact(10.0)
            ),
            Delta::Between {
                low: Some(-5.0),
                high: Some(-2.0),
                approximate: false
            }
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                Range {
                    low: 4.0,
                    high: 6.0
                }
            ),
            Delta::NotComparable
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                Exact(5.0)
            ),
            Delta::NotComparable
        );
        assert_eq!(
            delta(
                Range {
                    low: 3.0,
                    high: 5.0
                },
                AtLeast(6.0)
            ),
            Delta::Between {
                low: Some(1.0),
                high: None,
                approximate: false
            }
        );
        // Approximately is read as its value, and the interval marked indicative.
        assert_eq!(
            delta(
                Approximately(10.0),
                Range {
                    low: 12.0,
                    high: 15.0
                }
            ),
            Delta::Between {
                low: Some(2.0),
                high: Some(5.0),
                approximate: true
            }
        );
    }

    /// The direction and sentiment of the change from `prev` to `this`.
    fn moved(prev: Amount, this: Amount, higher_is_better: bool) -> (Direction, Sentiment) {
        let (before, after) = (fig(prev, Status::Actual), fig(this, Status::Actual));
        let o = Observation {
            report: crate::model::ReportId(0),
            figure: 0,
        };
        let c = Change::between(&before, &after, o, 2023, Some(higher_is_better));
        (c.direction, c.sentiment)
    }

    #[test]
    fn sentiment_follows_a_known_direction_only() {
        let up = moved(Exact(100.0), AtLeast(112.0), true);
        assert_eq!(up, (Direction::Up, Sentiment::Good));
        let open = moved(Exact(174.0), AtLeast(155.0), true);
        assert_eq!(open, (Direction::Unknown, Sentiment::Neutral));
        let down = moved(AtLeast(20.0), Exact(10.0), false);
        assert_eq!(down, (Direction::Down, Sentiment::Good));
    }
}
