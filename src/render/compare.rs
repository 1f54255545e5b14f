//! A report compared with the same organization's previous report.

use serde::Serialize;

use super::sections::SectionExcerpt;
use super::views::{ChangeView, LineView, ObservationView, ReportView, Views};
use crate::model::Observation;
use crate::model::{LineId, MetricId, ReportId};
use crate::urls::Page;

/// Both reports' sections on one action line.
#[derive(Debug, Serialize)]
struct ComparedLine<'a> {
    line: LineView<'a>,
    before: Vec<SectionExcerpt<'a>>,
    after: Vec<SectionExcerpt<'a>>,
}

/// A metric both reports state.
#[derive(Debug, Serialize)]
struct ComparedFigure<'a> {
    before: ObservationView<'a>,
    after: ObservationView<'a>,
    /// Absent when the two cannot be compared as a change: the same year, or a
    /// projection or target on either side (the note says which).
    change: Option<ChangeView>,
    /// Why there is no change, when there is none.
    no_change: Option<String>,
}

/// A report compared with the organization's previous one.
#[derive(Debug, Serialize)]
pub(super) struct Comparison<'a> {
    previous: ReportView<'a>,
    figures: Vec<ComparedFigure<'a>>,
    lines: Vec<ComparedLine<'a>>,
}

/// A report compared with the organization's previous one: the figures of metrics both
/// state, with their change, and per action line the length of both reports' sections
/// side by side. (The full text of both sides was shown once; it made a report page
/// three times as heavy, for text that is one click away. Their opening sentences then
/// were still a quarter of the page, and their titles and addresses three fifths of the
/// comparison: each report's contents links its sections.)
pub(super) fn comparison<'a>(v: Views<'a>, this: ReportId, prev: ReportId) -> Comparison<'a> {
    let s = v.site;
    let (a, b) = (s.report(prev), s.report(this));
    // The last figure of each metric in each report stands for it.
    let last_of =
        |r: &crate::model::Report, m: MetricId| r.figures.iter().rposition(|f| f.metric == m);
    let mut metrics: Vec<MetricId> = b.figures.iter().map(|f| f.metric).collect();
    metrics.sort();
    metrics.dedup();
    let figures = metrics
        .into_iter()
        .filter_map(|m| {
            let (fa, fb) = (last_of(a, m)?, last_of(b, m)?);
            let before = Observation {
                report: prev,
                figure: fa,
            };
            let after = Observation {
                report: this,
                figure: fb,
            };
            let metric = s.metric(m);
            let (pa, pb) = (&a.figures[fa], &b.figures[fb]);
            // The series' rules: only what happened changes, from an earlier year.
            let no_change = if pa.status.is_outlook() || pb.status.is_outlook() {
                Some(v.t("compare-no-change-outlook"))
            } else if pa.year >= pb.year {
                Some(v.t("compare-no-change-not-later"))
            } else {
                None
            };
            let change = no_change.is_none().then(|| {
                let c = crate::series::Change::between(
                    pa,
                    pb,
                    before,
                    pa.year,
                    metric.higher_is_better,
                );
                v.change(c, after, &metric.unit)
            });
            Some(ComparedFigure {
                before: v.observation(before),
                after: v.observation(after),
                change,
                no_change,
            })
        })
        .collect();
    let sections_of = |r: &'a crate::model::Report, l: LineId| {
        let url = v.url(Page::Report(&r.slug));
        r.body
            .sections
            .iter()
            .filter(|sec| sec.lines.contains(&l))
            .map(|sec| SectionExcerpt::new(&url, sec))
            .collect::<Vec<_>>()
    };
    let lines = (0..s.action_lines.len())
        .map(|i| LineId(i as u32))
        .filter_map(|l| {
            let (before, after) = (sections_of(a, l), sections_of(b, l));
            (!before.is_empty() || !after.is_empty()).then(|| ComparedLine {
                line: v.line(l),
                before,
                after,
            })
        })
        .collect();
    Comparison {
        previous: v.report(prev),
        figures,
        lines,
    }
}
