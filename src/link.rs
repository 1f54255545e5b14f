//! Stage 3: the cross-links between entities, computed once so that every page is
//! a cheap lookup: which reports an organization wrote, which report sections belong
//! to an action line, the series of each metric, each report's neighbours.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::frame::FrameLinks;
use crate::model::{LineId, MetricId, Observation, OrgId, ReportId, Site};
use crate::series::{self, Series};

/// A tagged section: section `section` of report `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionRef {
    /// The report.
    pub report: ReportId,
    /// The section's position in the report's body sections.
    pub section: usize,
}

/// Every index the pages need.
#[derive(Debug, Clone)]
pub struct Links {
    /// Per organization: its reports, oldest first.
    pub reports_by_org: Vec<Vec<ReportId>>,
    /// Per year covered: its reports.
    pub reports_by_year: BTreeMap<i32, Vec<ReportId>>,
    /// Per action line: the sections tagged with it, by year then organization.
    pub sections_by_line: Vec<Vec<SectionRef>>,
    /// Per action line: the reports that list it or have a section on it.
    pub reports_by_line: Vec<Vec<ReportId>>,
    /// Per metric: its series of observations, yearly values and changes.
    pub series: Vec<Series>,
    /// Per year: the observations whose value belongs to that year.
    pub observations_by_year: BTreeMap<i32, Vec<Observation>>,
    /// Per organization: the metrics that are its figures.
    pub metrics_by_org: Vec<Vec<MetricId>>,
    /// Per action line: the metrics tagged with it.
    pub metrics_by_line: Vec<Vec<MetricId>>,
    /// Per organization: the action lines it reports on.
    pub lines_by_org: Vec<Vec<LineId>>,
    /// Per organization: the action lines it facilitates.
    pub facilitated_by_org: Vec<Vec<LineId>>,
    /// Per report: the same organization's previous and next report.
    pub neighbours: Vec<(Option<ReportId>, Option<ReportId>)>,
    /// Per report: the same report in other languages, those it lists and those
    /// listing it, by language tag.
    pub translations: Vec<Vec<ReportId>>,
    /// Every year with a report or an observation, ascending.
    pub years: Vec<i32>,
    /// The frame's indexes and the targets' assessments.
    pub frame: FrameLinks,
}

impl Links {
    /// Builds every index of `site`.
    pub fn new(site: &Site) -> Links {
        let n_orgs = site.organizations.len();
        let n_lines = site.action_lines.len();
        let mut reports_by_org = vec![Vec::new(); n_orgs];
        let mut reports_by_year: BTreeMap<i32, Vec<ReportId>> = BTreeMap::new();
        let mut sections_by_line = vec![Vec::new(); n_lines];
        // Reports come in id order, so a list gets each report once by comparing with
        // its last entry.
        let mut reports_by_line: Vec<Vec<ReportId>> = vec![Vec::new(); n_lines];
        let mut add_report = |line: LineId, id: ReportId| {
            let list = &mut reports_by_line[line.index()];
            if list.last() != Some(&id) {
                list.push(id);
            }
        };
        let mut observations: Vec<Vec<Observation>> = vec![Vec::new(); site.metrics.len()];
        let by_slug: rustc_hash::FxHashMap<&str, ReportId> = site
            .report_ids()
            .map(|(id, r)| (r.slug.as_str(), id))
            .collect();
        let mut restatements: Vec<Vec<(Observation, Observation)>> =
            vec![Vec::new(); site.metrics.len()];
        let mut lines_by_org: Vec<BTreeSet<LineId>> = vec![BTreeSet::new(); n_orgs];

        // Reports are sorted by year, organization, slug: pushing in that order keeps
        // every list below in reading order without another sort.
        for (id, r) in site.report_ids() {
            reports_by_org[r.organization.index()].push(id);
            reports_by_year.entry(r.year).or_default().push(id);
            for &l in &r.action_lines {
                add_report(l, id);
                lines_by_org[r.organization.index()].insert(l);
            }
            for (s, section) in r.body.sections.iter().enumerate() {
                for &l in &section.lines {
                    sections_by_line[l.index()].push(SectionRef {
                        report: id,
                        section: s,
                    });
                    add_report(l, id);
                    lines_by_org[r.organization.index()].insert(l);
                }
            }
            for (f, fig) in r.figures.iter().enumerate() {
                let o = Observation {
                    report: id,
                    figure: f,
                };
                let original = fig.restates.as_deref().and_then(|slug| {
                    let report = *by_slug.get(slug)?;
                    restated(site, report, fig)
                });
                match original {
                    Some(original) => restatements[fig.metric.index()].push((o, original)),
                    None => observations[fig.metric.index()].push(o),
                }
            }
        }
        // Series are independent: sorted and built in parallel (this is on the path
        // from an edit in `wsis serve` to the page showing it).
        observations.par_iter_mut().for_each(|s| {
            s.sort_by_key(|o| {
                let r = site.report(o.report);
                let f = &r.figures[o.figure];
                (f.year, f.as_of, r.published, o.report)
            });
        });
        let mut observations_by_year: BTreeMap<i32, Vec<Observation>> = BTreeMap::new();
        for s in &observations {
            for o in s {
                let year = site.figure(*o).year;
                observations_by_year.entry(year).or_default().push(*o);
            }
        }

        let series = observations
            .into_par_iter()
            .zip(restatements)
            .enumerate()
            .map(|(i, (obs, re))| series::build(site, MetricId(i as u32), obs, re))
            .collect();

        let mut metrics_by_org = vec![Vec::new(); n_orgs];
        let mut metrics_by_line = vec![Vec::new(); n_lines];
        for (i, m) in site.metrics.iter().enumerate() {
            let id = MetricId(i as u32);
            metrics_by_org[m.organization.index()].push(id);
            for l in &m.action_lines {
                metrics_by_line[l.index()].push(id);
            }
        }
        let mut facilitated_by_org = vec![Vec::new(); n_orgs];
        for (i, l) in site.action_lines.iter().enumerate() {
            for f in &l.facilitators {
                facilitated_by_org[f.index()].push(LineId(i as u32));
            }
        }

        let mut neighbours = vec![(None, None); site.reports.len()];
        for list in &mut reports_by_org {
            list.sort_by_key(|&id| {
                let r = site.report(id);
                (r.year, r.published, id)
            });
            for (i, &id) in list.iter().enumerate() {
                let prev = i.checked_sub(1).map(|p| list[p]);
                let next = list.get(i + 1).copied();
                neighbours[id.index()] = (prev, next);
            }
        }

        let mut translations: Vec<Vec<ReportId>> = vec![Vec::new(); site.reports.len()];
        for (id, r) in site.report_ids() {
            for other in r
                .translations
                .iter()
                .filter_map(|s| by_slug.get(s.as_str()))
            {
                translations[id.index()].push(*other);
                translations[other.index()].push(id);
            }
        }
        for list in &mut translations {
            list.sort_by(|a, b| {
                (site.report(*a).language.tag(), a).cmp(&(site.report(*b).language.tag(), b))
            });
            list.dedup();
        }

        let years: BTreeSet<i32> = reports_by_year
            .keys()
            .chain(observations_by_year.keys())
            .copied()
            .collect();

        let mut links = Links {
            reports_by_org,
            reports_by_year,
            sections_by_line,
            reports_by_line,
            series,
            observations_by_year,
            metrics_by_org,
            metrics_by_line,
            lines_by_org: lines_by_org
                .into_iter()
                .map(|s| s.into_iter().collect())
                .collect(),
            facilitated_by_org,
            neighbours,
            translations,
            years: years.into_iter().collect(),
            frame: FrameLinks::default(),
        };
        links.frame = FrameLinks::new(site, &links);
        links
    }

    /// The links of `site` after an edit that changed only the text and figure values
    /// of some reports of `old_site`: `old` with the series of those reports' metrics
    /// rebuilt. `None` when the edit changed anything the indexes are built from (a
    /// report added, removed or renamed; its organization, year, publication date or
    /// action lines; which metrics and years its figures are for), which needs
    /// [`Links::new`].
    ///
    /// This is what `wsis serve` runs between a save and the page showing it; building
    /// every index anew took a third of that time on a 10,000-report site.
    pub fn update(old: &Links, old_site: &Site, site: &Site) -> Option<Links> {
        if old_site.reports.len() != site.reports.len()
            || old_site.metrics.len() != site.metrics.len()
        {
            return None;
        }
        let mut metrics: Vec<MetricId> = Vec::new();
        for (before, after) in old_site.reports.iter().zip(&site.reports) {
            if std::sync::Arc::ptr_eq(before, after) {
                continue;
            }
            let same_place = before.slug == after.slug
                && before.organization == after.organization
                && before.year == after.year
                && before.published == after.published
                && before.action_lines == after.action_lines
                && before.language == after.language
                && before.translations == after.translations
                && before.body.sections.len() == after.body.sections.len()
                && before
                    .body
                    .sections
                    .iter()
                    .zip(&after.body.sections)
                    .all(|(a, b)| a.lines == b.lines)
                && before.figures.len() == after.figures.len()
                && before.figures.iter().zip(&after.figures).all(|(a, b)| {
                    (a.metric, a.year, a.as_of, &a.restates)
                        == (b.metric, b.year, b.as_of, &b.restates)
                });
            if !same_place {
                return None;
            }
            metrics.extend(after.figures.iter().map(|f| f.metric));
        }
        metrics.sort();
        metrics.dedup();
        let mut links = old.clone();
        for m in metrics {
            let old = std::mem::take(&mut links.series[m.index()]);
            // The figure a restatement repeats is found again: an edit may have moved
            // the amount it matched to another figure of the same year.
            let restatements = old
                .restatements
                .into_iter()
                .filter_map(|(r, original)| {
                    let fig = site.figure(r);
                    Some((r, restated(site, original.report, fig)?))
                })
                .collect();
            links.series[m.index()] = series::build(site, m, old.observations, restatements);
        }
        // The assessments read the series: a few targets, cheap to redo.
        links.frame = FrameLinks::new(site, &links);
        Some(links)
    }

    /// The reports of `org`, oldest first.
    pub fn org_reports(&self, org: OrgId) -> &[ReportId] {
        &self.reports_by_org[org.index()]
    }
}

/// The figure of `report` that `fig` restates: the same metric, year, amount and status
/// (validation has checked there is one).
fn restated(site: &Site, report: ReportId, fig: &crate::model::Figure) -> Option<Observation> {
    let figure = site
        .report(report)
        .figures
        .iter()
        .position(|f| crate::validate::same_figure(f, fig))?;
    Some(Observation { report, figure })
}
