//! Which pages show something of the reports an edit changed: what the dev server's
//! partial rebuild re-renders besides the edited reports' own pages, and what an
//! incremental build builds the context of (the others are kept without it).
//!
//! A report is the same in both versions when it is the very same `Arc` (reused from
//! the dev server's memory or the build's cache, [`crate::validate::Validated`]).
//! Only the pages of kinds [`crate::render::Job::shows_known_reports`] says are
//! covered here can be left out on the strength of this list.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::link::Links;
use crate::model::{MetricId, Observation, Report, ReportId, Site};
use crate::series::Series;
use crate::urls::Page;

/// The paths (in the default language) of every page that shows something of a
/// report that changed between the old site `old` (linked as `old_links`) and the new
/// `site`, in either version. Organizations, metrics, action lines and settings must
/// be the same in both.
pub(crate) fn affected_pages(
    old: &Site,
    old_links: &Links,
    site: &Site,
    links: &Links,
) -> HashSet<String> {
    let mut paths = always(site, old_links, links);
    // The sitemap lists every page: reports that come or go change it.
    paths.insert(Page::Sitemap.path());
    // A year page of an action line links to the line's years before and after it
    // with sections: when those years change, every year page of the line is redone.
    for line in 0..site.action_lines.len() {
        let (before, after) = (
            section_years(old, old_links, line),
            section_years(site, links, line),
        );
        if before != after {
            let slug = &site.action_lines[line].slug;
            for &y in before.iter().chain(&after) {
                paths.insert(Page::ActionLineYear(slug, y).path());
            }
        }
    }
    let old_by_slug = by_slug(old);
    let new_by_slug = by_slug(site);
    // A report is redone in each version where the other has not the very same one.
    let sides = [
        (site, links, &new_by_slug, &old_by_slug),
        (old, old_links, &old_by_slug, &new_by_slug),
    ];
    for (this, this_links, reports, others) in sides {
        for (slug, (id, report)) in reports {
            match others.get(slug).map(|(_, other)| other) {
                Some(other) if Arc::ptr_eq(other, report) => {}
                Some(other) => match text_edit(other, report) {
                    Some(sections) => text_dependents(this, this_links, *id, sections, &mut paths),
                    None => report_dependents(this, this_links, *id, None, &mut paths),
                },
                None => report_dependents(this, this_links, *id, None, &mut paths),
            }
        }
    }
    paths
}

/// Whether report `after` differs from `before` in its text alone: `Some` when
/// everything but its body is the same, and of its body the lead (the summary lists
/// fall back to) and each section's heading and action lines; then whether the
/// sections' excerpts (their words and leads) changed too. `None` for any other edit.
/// The reports compare by their serialised values, so a field added to the report
/// later is compared without being named here.
fn text_edit(before: &Report, after: &Report) -> Option<bool> {
    // The report with what only its own page shows of its text (the HTML, the
    // headings and the plain text for search) left out.
    let outside = |r: &Report| {
        let mut shown = Report {
            body: crate::model::Body::default(),
            ..r.clone()
        };
        shown.body.lead.clone_from(&r.body.lead);
        postcard::to_allocvec(&shown).ok()
    };
    // A heading's line in the file is for error messages only, and no page shows it:
    // a paragraph added above a heading moves it, and is still an edit of the text.
    let unplaced = |r: &Report| {
        let mut sections = r.body.sections.clone();
        for s in &mut sections {
            s.heading.line = 0;
        }
        sections
    };
    let placed = |r: &Report| {
        let places: Vec<_> = unplaced(r)
            .into_iter()
            .map(|s| (s.heading, s.lines))
            .collect();
        postcard::to_allocvec(&places).ok()
    };
    let excerpts = |r: &Report| postcard::to_allocvec(&unplaced(r)).ok();
    let same = |a: Option<Vec<u8>>, b: Option<Vec<u8>>| a.is_some() && a == b;
    (same(outside(before), outside(after)) && same(placed(before), placed(after)))
        .then(|| !same(excerpts(before), excerpts(after)))
}

/// Adds the paths of report `id`'s own page and those of its neighbours (which link
/// to it and compare their sections with its) and translations (which show its title).
fn own_and_neighbours(site: &Site, links: &Links, id: ReportId, paths: &mut HashSet<String>) {
    paths.insert(Page::Report(&site.report(id).slug).path());
    let (prev, next) = links.neighbours[id.index()];
    for n in [prev, next]
        .into_iter()
        .flatten()
        .chain(links.translations[id.index()].iter().copied())
    {
        paths.insert(Page::Report(&site.report(n).slug).path());
    }
}

/// Adds the paths of the pages showing something of report `id` of `site` whose text
/// alone changed ([`text_edit`]): its own page, the pages of its neighbours (which
/// compare its sections with theirs) and translations, and, when its sections'
/// excerpts changed (`sections`), the pages listing them: the year pages of their
/// action lines, and the lines' own pages where they list their sections. Its
/// title, summary, figures and places in every list are as they were, so the pages
/// of its organization, years and metrics read as before.
fn text_dependents(
    site: &Site,
    links: &Links,
    id: ReportId,
    sections: bool,
    paths: &mut HashSet<String>,
) {
    let r = site.report(id);
    own_and_neighbours(site, links, id, paths);
    if !sections {
        return;
    }
    for &l in r.body.sections.iter().flat_map(|s| s.lines.iter()) {
        let slug = &site.line(l).slug;
        paths.insert(Page::ActionLineYear(slug, r.year).path());
        if crate::render::inline_sections(links, l) {
            paths.insert(Page::ActionLine(slug).path());
        }
    }
}

/// The pages any report edit may change, whichever report it was: the indexes, the
/// targets' pages and those showing their standing, the framework pages, and the year
/// pages when the years with reports changed.
fn always(site: &Site, old_links: &Links, links: &Links) -> HashSet<String> {
    let mut paths = HashSet::new();
    for page in [
        Page::Home,
        Page::ActionLines,
        Page::Organizations,
        Page::Reports,
        Page::Metrics,
        Page::Years,
        // The newest reports' titles and summaries.
        Page::Feed,
    ] {
        paths.insert(page.path());
    }
    // A target's status rests on its indicator's figures and on the latest year any
    // report covers, and its page lists its lines' latest sections: any report edit
    // may move them. Targets are few, so every target page is redone, and so are the
    // pages of its action lines and of its indicator, which show its standing (a
    // target's lines need not be its indicator's).
    if !site.frame.targets.is_empty() {
        paths.insert(Page::Targets.path());
        for (_, t) in site.frame.target_ids() {
            paths.insert(Page::Target(&t.id).path());
            for &l in &t.action_lines {
                paths.insert(Page::ActionLine(&site.line(l).slug).path());
            }
            if let Some(m) = t.indicator {
                paths.insert(Page::Metric(&site.metric(m).id).path());
            }
        }
    }
    // The framework pages (an SDG, a GDC objective) show the latest reports, the
    // metrics and the targets of their action lines: they are few, and redone.
    let frame = &site.frame;
    if !frame.sdgs.is_empty() || !frame.gdc.is_empty() {
        paths.insert(Page::Frameworks.path());
        paths.extend(frame.sdgs.iter().map(|g| Page::Sdg(g.number).path()));
        paths.extend(frame.gdc.iter().map(|o| Page::Gdc(o.number).path()));
    }
    // A year page links to the years before and after it: when the years with
    // reports change, every year page is redone (they are few).
    if old_links.years != links.years {
        for &y in old_links.years.iter().chain(&links.years) {
            paths.insert(Page::Year(y).path());
        }
    }
    paths
}

/// The years in which the action line at index `line` has report sections, in order
/// (those its year pages link between).
fn section_years(site: &Site, links: &Links, line: usize) -> Vec<i32> {
    let mut years: Vec<i32> = links.sections_by_line[line]
        .iter()
        .map(|r| site.report(r.report).year)
        .collect();
    years.dedup();
    years
}

/// The reports of `site` by slug, with their ids.
fn by_slug(site: &Site) -> HashMap<&str, (ReportId, &Arc<Report>)> {
    site.reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.slug.as_str(), (ReportId(i as u32), r)))
        .collect()
}

/// Adds the paths of the pages showing something of report `id` of `site`. With
/// `moved`, of the other figures of its metrics only those whose view it names.
fn report_dependents(
    site: &Site,
    links: &Links,
    id: ReportId,
    moved: Option<&InPlace>,
    paths: &mut HashSet<String>,
) {
    let shown = |o: &Observation| moved.is_none_or(|m| m.observation(*o));
    let r = site.report(id);
    own_and_neighbours(site, links, id, paths);
    paths.insert(Page::Organization(&site.org(r.organization).id).path());
    paths.insert(Page::Year(r.year).path());
    // The years of its figures, restatements too, whether or not they count.
    for f in &r.figures {
        paths.insert(Page::Year(f.year).path());
    }
    let lines = r
        .action_lines
        .iter()
        .chain(r.body.sections.iter().flat_map(|s| s.lines.iter()));
    for &l in lines {
        paths.insert(Page::ActionLine(&site.line(l).slug).path());
        paths.insert(Page::ActionLineYear(&site.line(l).slug, r.year).path());
    }
    for f in &r.figures {
        let m = site.metric(f.metric);
        paths.insert(Page::Metric(&m.id).path());
        paths.insert(Page::Organization(&site.org(m.organization).id).path());
        for &l in &m.action_lines {
            paths.insert(Page::ActionLine(&site.line(l).slug).path());
        }
        // Every page showing a value of the metric shows its change, which this
        // report's value may have moved.
        let series = &links.series[f.metric.index()];
        for o in series.observations.iter().filter(|o| shown(o)) {
            let other = site.report(o.report);
            paths.insert(Page::Report(&other.slug).path());
            paths.insert(Page::Year(other.figures[o.figure].year).path());
        }
        // A restating figure is no observation, but its report's page names the
        // report it repeats (title and sentence), and the original's names it.
        for &(restating, original) in &series.restatements {
            for o in [restating, original].iter().filter(|o| shown(o)) {
                let other = site.report(o.report);
                paths.insert(Page::Report(&other.slug).path());
                paths.insert(Page::Year(other.figures[o.figure].year).path());
            }
        }
    }
}

/// An edit that changed reports in place: each report keeps its id, and every index
/// but the series of the changed reports' metrics is as it was (what
/// [`Links::update`] handles). What `wsis serve` re-renders after such an edit is
/// worked out from the changed reports alone, and a long list only in the pages
/// holding something that changed ([`crate::render::Renderer::parts_showing`]).
/// Only `wsis serve` makes one; a build passes none.
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
#[derive(Debug, Default)]
pub(crate) struct InPlace {
    /// The reports that changed.
    reports: FxHashSet<ReportId>,
    /// The metrics of their figures, whose series were rebuilt.
    metrics: FxHashSet<MetricId>,
    /// The figures of those metrics that a page shows differently: those of the
    /// changed reports and those whose change, standing or restatements moved.
    observations: FxHashSet<Observation>,
}

#[cfg_attr(not(feature = "serve"), allow(dead_code))]
impl InPlace {
    /// What changed from `old` (linked as `old_links`) to `site`, whose links
    /// [`Links::update`] made from `old_links`; `None` when the reports are not the
    /// same in number, so that ids may have moved.
    pub(crate) fn new(
        old: &Site,
        old_links: &Links,
        site: &Site,
        links: &Links,
    ) -> Option<InPlace> {
        if old.reports.len() != site.reports.len() {
            return None;
        }
        let mut moved = InPlace::default();
        for (i, (before, after)) in old.reports.iter().zip(&site.reports).enumerate() {
            if !Arc::ptr_eq(before, after) {
                moved.reports.insert(ReportId(i as u32));
                moved
                    .metrics
                    .extend(before.figures.iter().map(|f| f.metric));
                moved.metrics.extend(after.figures.iter().map(|f| f.metric));
            }
        }
        for &m in &moved.metrics {
            let (before, after) = (&old_links.series[m.index()], &links.series[m.index()]);
            let figures = after
                .observations
                .iter()
                .copied()
                .chain(before.restatements.iter().flat_map(|&(r, o)| [r, o]))
                .chain(after.restatements.iter().flat_map(|&(r, o)| [r, o]));
            for o in figures {
                if moved.shown_otherwise(before, after, o) {
                    moved.observations.insert(o);
                }
            }
        }
        Some(moved)
    }

    /// Whether figure `o` (of a metric whose series went from `before` to `after`)
    /// reads differently: everything [`crate::render::views::Views::observation`]
    /// shows of it comes from its report, its change and the figure it is compared
    /// with, its standing, and the figures it restates or that restate it.
    fn shown_otherwise(&self, before: &Series, after: &Series, o: Observation) -> bool {
        let changed = |o: Observation| self.reports.contains(&o.report);
        changed(o)
            || before.change(o) != after.change(o)
            || after.change(o).is_some_and(|c| changed(c.from))
            || before.standing(o) != after.standing(o)
            || before.original_of(o) != after.original_of(o)
            || after.original_of(o).is_some_and(changed)
            || !before.restated_by(o).eq(after.restated_by(o))
            || after.restated_by(o).any(changed)
    }

    /// The paths (in the default language) of the pages showing something that
    /// changed: [`affected_pages`] for this edit, worked out from the changed reports
    /// rather than by comparing every report.
    pub(crate) fn pages(&self, site: &Site, old_links: &Links, links: &Links) -> HashSet<String> {
        let mut paths = always(site, old_links, links);
        for &id in &self.reports {
            // The old version has the same organization, year, lines and figures'
            // metrics and years: the same pages show it.
            report_dependents(site, links, id, Some(self), &mut paths);
        }
        paths
    }

    /// The reports that changed.
    pub(crate) fn reports(&self) -> impl Iterator<Item = ReportId> + '_ {
        self.reports.iter().copied()
    }

    /// Whether report `id` changed.
    pub(crate) fn report(&self, id: ReportId) -> bool {
        self.reports.contains(&id)
    }

    /// Whether metric `id`'s series was rebuilt (its views may read differently).
    pub(crate) fn metric(&self, id: MetricId) -> bool {
        self.metrics.contains(&id)
    }

    /// Whether figure `o` reads differently.
    pub(crate) fn observation(&self, o: Observation) -> bool {
        self.observations.contains(&o)
    }
}
