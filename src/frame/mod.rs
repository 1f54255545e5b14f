//! Stage 3, for the WSIS+20 frame: where each target stands, and the indexes the
//! framework, target and action line pages look up (which targets serve a line, a
//! goal or an objective; which crosswalk links touch each).
//!
//! Built after [`crate::link::Links`], from the metrics' series: `index` fills the
//! lookups, `status` judges each target, `reason` holds the judgement's terms.

mod index;
mod reason;
mod status;

pub use reason::{NoStart, Reason, Terms, Verdict, readable};
pub use status::Evidence;

#[cfg(test)]
pub(crate) mod fixture;

use crate::link::Links;
use crate::model::frame::{Standing, TargetId};
use crate::model::{Observation, Site};

/// Where one target stands, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The status.
    pub standing: Standing,
    /// The method applied to this target: which figures were compared with what,
    /// and what that gave (worded for readers at render time).
    pub reason: Reason,
    /// The figure the status rests on: the latest actual or estimated figure of the
    /// indicator (of its year's figures, the metric's organization's own first, then
    /// the most certain, then the latest stated).
    pub latest: Option<Observation>,
    /// The value and year the pace is measured from: the baseline as curated, else
    /// the earliest actual or estimated figure's sure end (its lower end for a
    /// target to rise to, upper for one to fall to); `None` when neither is known.
    pub start: Option<(f64, i32)>,
    /// Every figure of the indicator, oldest first (projections and targets too:
    /// shown, never used for the status).
    pub evidence: Vec<Observation>,
}

/// The frame's indexes and every target's assessment.
#[derive(Debug, Clone, Default)]
pub struct FrameLinks {
    /// Per target: its assessment.
    pub assessments: Vec<Assessment>,
    /// The year deadlines are judged against: the latest year any report covers
    /// (not the build date, so that the same content always builds the same site).
    pub as_of: i32,
    /// Per action line: the targets that serve it.
    pub targets_by_line: Vec<Vec<TargetId>>,
    /// Per SDG (by [`crate::model::frame::SdgId`]): the targets that serve the goal
    /// or one of its targets.
    pub targets_by_sdg: Vec<Vec<TargetId>>,
    /// Per GDC objective: the targets that serve it.
    pub targets_by_gdc: Vec<Vec<TargetId>>,
    /// Per metric: the targets it is the indicator of.
    pub targets_by_metric: Vec<Vec<TargetId>>,
    /// Per action line: the crosswalk links (indexes into `Frame::crosswalk`) with
    /// the line at one end.
    pub links_by_line: Vec<Vec<usize>>,
    /// Per SDG: the crosswalk links with the goal or one of its targets at one end.
    pub links_by_sdg: Vec<Vec<usize>>,
    /// Per GDC objective: the crosswalk links with the objective at one end.
    pub links_by_gdc: Vec<Vec<usize>>,
}

impl FrameLinks {
    /// Builds the indexes and assesses every target of `site`.
    pub fn new(site: &Site, links: &Links) -> FrameLinks {
        // The reports' years, not the figures': a projection for 2030 must not make
        // every deadline before it look past.
        let as_of = links
            .reports_by_year
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0);
        let mut frame = FrameLinks {
            assessments: site
                .frame
                .targets
                .iter()
                .map(|t| status::assess(site, links, as_of, t))
                .collect(),
            as_of,
            ..FrameLinks::default()
        };
        index::fill(site, &mut frame);
        frame
    }

    /// The assessment of `target`.
    pub fn assessment(&self, target: TargetId) -> &Assessment {
        &self.assessments[target.index()]
    }
}
