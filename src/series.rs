//! Year-over-year series: each metric's values by year and the change of every
//! observation from the previous year's value.
//!
//! A year can have several observations (two reports stating the IGF's NRIs in 2024:
//! 172 and 174). All are kept and shown; the year's value is the latest of them by
//! `as_of`, then publication date, preferring stated values over projections, because
//! an actual figure supersedes a forecast made for the same year.

use crate::model::{Figure, MetricId, Observation, Qualifier, Site};

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher than before.
    Up,
    /// Lower than before.
    Down,
    /// The same.
    Flat,
}

/// Whether a move is good news, given the metric's `higher_is_better`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentiment {
    /// Moved the way the metric wants.
    Good,
    /// Moved against it.
    Bad,
    /// No preference, or no move.
    Neutral,
}

/// The change of an observation from the previous year's value of the same metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The observation compared against (the previous year's value).
    pub from: Observation,
    /// The year of that value.
    pub from_year: i32,
    /// This value minus that value.
    pub absolute: f64,
    /// The change as a fraction of the previous value; `None` when that was zero.
    pub relative: Option<f64>,
    /// Whether either side is not an exact figure (so the change is indicative).
    pub approximate: bool,
    /// Up, down or flat.
    pub direction: Direction,
    /// Good, bad or neutral news.
    pub sentiment: Sentiment,
}

/// One metric's series.
#[derive(Debug, Clone, Default)]
pub struct Series {
    /// Every observation, ordered by year, date and publication.
    pub observations: Vec<Observation>,
    /// Per observation (same order): its change from the previous year's value.
    pub changes: Vec<Option<Change>>,
    /// The value of each year that has one, ascending: the observation standing for it.
    pub yearly: Vec<(i32, Observation)>,
    /// Observation -> its position in `observations`: pages look up each of a
    /// metric's observations, and a scan each made 15,000 figures of one metric
    /// quadratic.
    positions: rustc_hash::FxHashMap<Observation, usize>,
}

impl Series {
    /// The latest year's value.
    pub fn latest(&self) -> Option<Observation> {
        self.yearly.last().map(|&(_, o)| o)
    }

    /// The change of the latest year's value from the year before it.
    pub fn latest_change(&self) -> Option<Change> {
        self.change(self.latest()?)
    }

    /// The change of observation `o` from the previous year's value.
    pub fn change(&self, o: Observation) -> Option<Change> {
        self.changes[*self.positions.get(&o)?]
    }

    /// Whether `o`, of year `year`, is the value standing for its year.
    pub fn is_yearly(&self, o: Observation, year: i32) -> bool {
        self.yearly
            .binary_search_by_key(&year, |&(y, _)| y)
            .is_ok_and(|i| self.yearly[i].1 == o)
    }
}

fn figure(site: &Site, o: Observation) -> &Figure {
    &site.report(o.report).figures[o.figure]
}

/// Builds the series of `metric` from its observations, already in series order.
pub(crate) fn build(site: &Site, metric: MetricId, observations: Vec<Observation>) -> Series {
    // The year's value: the last stated (non-projected) observation of the year, or
    // the last projection when the year only has projections.
    let mut yearly: Vec<(i32, Observation)> = Vec::new();
    for &o in &observations {
        let f = figure(site, o);
        match yearly.last_mut() {
            Some((year, current)) if *year == f.year => {
                let current_projected = figure(site, *current).qualifier == Qualifier::Projected;
                if f.qualifier != Qualifier::Projected || current_projected {
                    *current = o;
                }
            }
            _ => yearly.push((f.year, o)),
        }
    }
    let higher_is_better = site.metric(metric).higher_is_better;
    let changes = observations
        .iter()
        .map(|&o| {
            let f = figure(site, o);
            // The previous year's value: the last yearly value before this year.
            let idx = yearly.partition_point(|&(y, _)| y < f.year);
            let &(from_year, from) = yearly.get(idx.checked_sub(1)?)?;
            let prev = figure(site, from);
            Some(Change::between(prev, f, from, from_year, higher_is_better))
        })
        .collect();
    let positions = observations
        .iter()
        .enumerate()
        .map(|(i, &o)| (o, i))
        .collect();
    Series {
        observations,
        changes,
        yearly,
        positions,
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
        let absolute = crate::format::difference(this.value, prev.value);
        let relative = (prev.value != 0.0).then(|| absolute / prev.value.abs());
        let direction = if absolute > 0.0 {
            Direction::Up
        } else if absolute < 0.0 {
            Direction::Down
        } else {
            Direction::Flat
        };
        let sentiment = match (direction, higher_is_better) {
            (Direction::Flat, _) | (_, None) => Sentiment::Neutral,
            (Direction::Up, Some(true)) | (Direction::Down, Some(false)) => Sentiment::Good,
            _ => Sentiment::Bad,
        };
        Change {
            from,
            from_year,
            absolute,
            relative,
            approximate: prev.qualifier != Qualifier::Exact || this.qualifier != Qualifier::Exact,
            direction,
            sentiment,
        }
    }
}
