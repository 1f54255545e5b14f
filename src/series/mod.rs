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

mod change;

pub use change::{Change, Delta, Direction, Sentiment};

use crate::model::{MetricId, Observation, Site, Source, Status};

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

/// Whether `o` is the metric's own organization's own figure: stated in its own report
/// and not cited from someone else.
pub fn first_party(site: &Site, o: Observation) -> bool {
    let f = site.figure(o);
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
    let f = site.figure(o);
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
    let outlook_of = |o: Observation| site.figure(o).status.is_outlook();
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
            let f = site.figure(o);
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
        let f = site.figure(o);
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
                    Change::between(site.figure(from), f, from, from_year, higher_is_better);
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
