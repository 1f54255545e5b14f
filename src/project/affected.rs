//! Which pages show something of the reports an edit changed: what a partial rebuild
//! re-renders besides the edited reports' own pages.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::link::Links;
use crate::model::{Report, ReportId, Site};
use crate::urls::Page;

use super::Good;

/// The paths of every page that shows something of a report that changed between the
/// old build and the new site, in either version.
pub(super) fn affected_pages(old: &Good, site: &Site, links: &Links) -> HashSet<String> {
    let old_by_slug: HashMap<&str, (ReportId, &Arc<Report>)> = old
        .site
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.slug.as_str(), (ReportId(i as u32), r)))
        .collect();
    let new_by_slug: HashMap<&str, (ReportId, &Arc<Report>)> = site
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.slug.as_str(), (ReportId(i as u32), r)))
        .collect();
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
    // may move them. Targets are few, so every target page is redone.
    if !site.frame.targets.is_empty() {
        paths.insert(Page::Targets.path());
        for (_, t) in site.frame.target_ids() {
            paths.insert(Page::Target(&t.id).path());
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
            report_dependents(&old.site, &old.links, *id, &mut paths);
        }
    }
    paths
}

/// Adds the paths of the pages showing something of report `id` of `site`.
fn report_dependents(site: &Site, links: &Links, id: ReportId, paths: &mut HashSet<String>) {
    let r = site.report(id);
    paths.insert(Page::Report(&r.slug).path());
    let (prev, next) = links.neighbours[id.index()];
    for n in [prev, next].into_iter().flatten() {
        paths.insert(Page::Report(&site.report(n).slug).path());
    }
    paths.insert(Page::Organization(&site.org(r.organization).id).path());
    paths.insert(Page::Year(r.year).path());
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
        for o in &links.series[f.metric.index()].observations {
            let other = site.report(o.report);
            paths.insert(Page::Report(&other.slug).path());
            paths.insert(Page::Year(other.figures[o.figure].year).path());
        }
    }
}
