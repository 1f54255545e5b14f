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

use crate::link::Links;
use crate::model::{Report, ReportId, Site};
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
    let old_by_slug = by_slug(old);
    let new_by_slug = by_slug(site);
    let mut paths = HashSet::new();
    for page in [
        Page::Home,
        Page::ActionLines,
        Page::Organizations,
        Page::Reports,
        Page::Metrics,
        Page::Years,
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
    // A year page links to the years before and after it: when the years with
    // reports change, every year page is redone (they are few).
    if old_links.years != links.years {
        for &y in old_links.years.iter().chain(&links.years) {
            paths.insert(Page::Year(y).path());
        }
    }
    for (slug, (id, report)) in &new_by_slug {
        let same = old_by_slug
            .get(slug)
            .is_some_and(|(_, o)| Arc::ptr_eq(o, report));
        if !same {
            report_dependents(site, links, *id, &mut paths);
        }
    }
    for (slug, (id, report)) in &old_by_slug {
        let same = new_by_slug
            .get(slug)
            .is_some_and(|(_, n)| Arc::ptr_eq(n, report));
        if !same {
            report_dependents(old, old_links, *id, &mut paths);
        }
    }
    paths
}

/// The reports of `site` by slug, with their ids.
fn by_slug(site: &Site) -> HashMap<&str, (ReportId, &Arc<Report>)> {
    site.reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.slug.as_str(), (ReportId(i as u32), r)))
        .collect()
}

/// Adds the paths of the pages showing something of report `id` of `site`.
fn report_dependents(site: &Site, links: &Links, id: ReportId, paths: &mut HashSet<String>) {
    let r = site.report(id);
    paths.insert(Page::Report(&r.slug).path());
    let (prev, next) = links.neighbours[id.index()];
    // Its neighbours link to it, and its translations show its title.
    for n in [prev, next]
        .into_iter()
        .flatten()
        .chain(links.translations[id.index()].iter().copied())
    {
        paths.insert(Page::Report(&site.report(n).slug).path());
    }
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
        for o in &series.observations {
            let other = site.report(o.report);
            paths.insert(Page::Report(&other.slug).path());
            paths.insert(Page::Year(other.figures[o.figure].year).path());
        }
        // A restating figure is no observation, but its report's page names the
        // report it repeats (title and sentence), and the original's names it.
        for &(restating, original) in &series.restatements {
            for o in [restating, original] {
                let other = site.report(o.report);
                paths.insert(Page::Report(&other.slug).path());
                paths.insert(Page::Year(other.figures[o.figure].year).path());
            }
        }
    }
}
