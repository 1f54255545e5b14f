//! Each page's template and context: what a template of that page can use.

use std::collections::{BTreeMap, BTreeSet};

use super::page_context::Context;
use serde::Serialize;

use fluent_bundle::FluentValue as V;

use super::compare::comparison;
use super::feeds::newest;
use super::labels::args;
use super::paging;
use super::parts::{
    inline_sections, line_reports, line_year_neighbours, line_year_sections, metric_groups,
    metric_observations, year_observations, year_reports,
};
use super::sections::{line_sections, matrix};
use super::targets;
use super::{HEADLINE_METRICS, Job, MAX_INDEX_METRICS, MAX_INDEX_REPORTS, Renderer, Task};
use crate::cite::{Citation, CiteView};
use crate::link::Links;
use crate::model::Observation;
use crate::model::{LineId, MetricId, OrgId, ReportId, Site};
use crate::urls::Page;

impl Renderer<'_> {
    /// The template and context of a task: a page in one language.
    pub(super) fn context(&self, task: Task) -> (&'static str, Context) {
        let job = task.job;
        let v = self.views(task.lang);
        let edition = &self.editions[task.lang];
        let s = self.site;
        let l = self.links;
        let page = self.page(job);
        let part = self.part(job, task.part);
        let path = paging::path(page, part.number);
        let mut ctx = Context::new();
        ctx.insert("current_url", &format!("{}{path}", v.base));
        ctx.insert("canonical", &format!("{}{path}", edition.root));
        ctx.insert(
            "languages",
            &super::languages::alternates(&self.editions, &path, task.lang),
        );
        ctx.insert("page_number", &part.number);
        ctx.insert(
            "pager",
            &paging::pager(part, |n| format!("{}{}", v.base, paging::path(page, n))),
        );
        // The page's title and description, for <title>, the description meta tag and
        // Open Graph; the home page uses the site's own.
        let mut page_title = s.config.title.clone();
        let mut page_description = s.config.description.clone();
        let template = match job {
            Job::Home => {
                let latest = newest(s, 8);
                // The metrics with the longest series, then the most recent.
                let mut headline: Vec<MetricId> = (0..s.metrics.len())
                    .map(|i| MetricId(i as u32))
                    .filter(|m| l.series[m.index()].yearly.len() >= 2)
                    .collect();
                headline.sort_by_key(|m| {
                    let y = &l.series[m.index()].yearly;
                    (
                        std::cmp::Reverse(y.len()),
                        std::cmp::Reverse(y.last().map(|p| p.0)),
                        *m,
                    )
                });
                headline.truncate(HEADLINE_METRICS);
                headline.sort();
                ctx.insert("counts", &counts(s, l));
                ctx.insert("latest_reports", &v.reports(&latest));
                ctx.insert("headline_metrics", &v.metrics(&headline));
                ctx.insert("matrix", &matrix(v));
                ctx.insert("targets", &targets::overview(&v));
                "index.html"
            }
            Job::ActionLines => {
                page_title = v.t("shared-action-lines");
                let lines: Vec<_> = (0..s.action_lines.len())
                    .map(|i| {
                        let id = LineId(i as u32);
                        let line = s.line(id);
                        serde_json::json!({
                            "line": v.line(id),
                            "facilitators": line.facilitators.iter().map(|&f| v.org_link(f)).collect::<Vec<_>>(),
                            "reports": l.reports_by_line[i].len(),
                            "sections": l.sections_by_line[i].len(),
                        })
                    })
                    .collect();
                ctx.insert("action_lines", &lines);
                ctx.insert("matrix", &matrix(v));
                "action-lines.html"
            }
            Job::ActionLine(id) => {
                let al = s.line(id);
                page_title = v.code_titled(&al.code, v.text(&al.title).0);
                page_description = v.t_with(
                    "description-action-line",
                    Some(&args([
                        ("code", V::from(al.code.as_str())),
                        ("title", V::from(v.text(&al.title).0)),
                    ])),
                );
                let line = s.line(id);
                ctx.insert("line", &v.line(id));
                v.insert_description(&mut ctx, line.description.as_ref());
                ctx.insert("source", &line.source.as_ref().map(|s| v.sourced(s)));
                ctx.insert("sdgs", &line.sdgs);
                ctx.insert("framework_links", &super::frameworks::line_links(v, id));
                ctx.insert(
                    "facilitators",
                    &line
                        .facilitators
                        .iter()
                        .map(|&f| v.org_link(f))
                        .collect::<Vec<_>>(),
                );
                ctx.insert(
                    "metrics",
                    &v.metrics(part.slice(&l.metrics_by_line[id.index()])),
                );
                ctx.insert("report_count", &l.reports_by_line[id.index()].len());
                let refs = &l.sections_by_line[id.index()];
                // What covers the whole line (its targets and sections) is on its
                // first page; later pages go on with its metrics and reports.
                ctx.insert(
                    "targets",
                    &if part.is_first() {
                        targets::of_line(&v, id)
                    } else {
                        Vec::new()
                    },
                );
                if !part.is_first() {
                    ctx.insert("year_pages", &Vec::<serde_json::Value>::new());
                    ctx.insert("years", &Vec::<serde_json::Value>::new());
                    ctx.insert("reports", &v.reports(part.slice(line_reports(l, id))));
                } else if !inline_sections(l, id) {
                    // Too many sections for one page: a page per year.
                    let mut per_year: BTreeMap<i32, (usize, BTreeSet<ReportId>)> = BTreeMap::new();
                    for r in refs {
                        let e = per_year.entry(s.report(r.report).year).or_default();
                        e.0 += 1;
                        e.1.insert(r.report);
                    }
                    let year_pages: Vec<_> = per_year
                        .iter()
                        .rev()
                        .map(|(y, (sections, reports))| {
                            serde_json::json!({
                                "year": y,
                                "url": v.url(Page::ActionLineYear(&line.slug, *y)),
                                "sections": sections,
                                "reports": reports.len(),
                            })
                        })
                        .collect();
                    ctx.insert("year_pages", &year_pages);
                    ctx.insert("years", &Vec::<serde_json::Value>::new());
                    ctx.insert("reports", &Vec::<serde_json::Value>::new());
                } else {
                    ctx.insert("year_pages", &Vec::<serde_json::Value>::new());
                    ctx.insert("years", &line_sections(v, refs));
                    ctx.insert("reports", &v.reports(part.slice(line_reports(l, id))));
                }
                "action-line.html"
            }
            Job::ActionLineYear(id, year) => {
                let line = s.line(id);
                let vars = args([
                    ("code", V::from(line.code.as_str())),
                    ("title", V::from(v.text(&line.title).0)),
                    ("year", V::from(year)),
                ]);
                page_title = v.t_with("title-action-line-year", Some(&vars));
                page_description = v.t_with("description-action-line-year", Some(&vars));
                let (prev, next) = line_year_neighbours(s, l, id, year);
                let link = |y: i32| serde_json::json!({"year": y, "url": v.url(Page::ActionLineYear(&line.slug, y))});
                ctx.insert("line", &v.line(id));
                ctx.insert("year", &year);
                let sections = line_year_sections(s, l, id, year);
                ctx.insert(
                    "years",
                    &line_sections(v, &sections[part.reversed(sections.len())]),
                );
                ctx.insert("prev", &prev.map(link));
                ctx.insert("next", &next.map(link));
                "action-line-year.html"
            }
            Job::Organizations => {
                page_title = v.t("shared-organizations");
                let ids: Vec<OrgId> = (0..s.organizations.len())
                    .map(|i| OrgId(i as u32))
                    .collect();
                let orgs: Vec<_> = part
                    .slice(&ids)
                    .iter()
                    .map(|&id| {
                        let i = id.index();
                        let reports = l.org_reports(id);
                        serde_json::json!({
                            "org": v.org(id),
                            "reports": reports.len(),
                            "first_year": reports.first().map(|&r| s.report(r).year),
                            "last_year": reports.last().map(|&r| s.report(r).year),
                            "facilitates": v.lines(&l.facilitated_by_org[i]),
                        })
                    })
                    .collect();
                ctx.insert("organizations", &orgs);
                "organizations.html"
            }
            Job::Organization(id) => {
                let o = s.org(id);
                page_title = v.text(&o.name).0.to_string();
                page_description = v.t_with(
                    "description-organization",
                    Some(&args([("org", V::from(v.text(&o.name).0))])),
                );
                let o = s.org(id);
                // Newest first: page 1 has the latest reports.
                let all = l.org_reports(id);
                let mut reports = all[part.reversed(all.len())].to_vec();
                reports.reverse();
                ctx.insert("org", &v.org(id));
                ctx.insert("website", &o.website);
                v.insert_description(&mut ctx, o.description.as_ref());
                ctx.insert("reports", &v.reports(&reports));
                ctx.insert(
                    "metrics",
                    &v.metrics(part.slice(&l.metrics_by_org[id.index()])),
                );
                ctx.insert("action_lines", &v.lines(&l.lines_by_org[id.index()]));
                ctx.insert("facilitates", &v.lines(&l.facilitated_by_org[id.index()]));
                "organization.html"
            }
            Job::Reports => {
                page_title = v.t("shared-reports");
                // A large site lists years and counts; each year page lists its reports.
                let full = s.reports.len() <= MAX_INDEX_REPORTS;
                let by_year: Vec<_> = l
                    .reports_by_year
                    .iter()
                    .rev()
                    .map(|(year, ids)| {
                        serde_json::json!({
                            "year": year,
                            "url": v.url(Page::Year(*year)),
                            "count": ids.len(),
                            "reports": if full { v.reports(ids) } else { Vec::new() },
                        })
                    })
                    .collect();
                ctx.insert("years", &by_year);
                ctx.insert("total", &s.reports.len());
                "reports.html"
            }
            Job::Report(id) => {
                let r = s.report(id);
                page_title = format!(
                    "{} ({}, {})",
                    r.title,
                    s.org(r.organization).display_short(),
                    r.year
                );
                let report = v.report(id);
                page_description = report.summary.chars().take(200).collect();
                let (prev, next) = l.neighbours[id.index()];
                let figures: Vec<_> = (0..r.figures.len())
                    .map(|f| {
                        v.observation_cited(Observation {
                            report: id,
                            figure: f,
                        })
                    })
                    .collect();
                ctx.insert(
                    "cite",
                    &CiteView::new(&Citation::report(s, id), r.source_url.as_deref()),
                );
                ctx.insert("report", &report);
                ctx.insert("html", &v.localized(&r.body.html.unpack()));
                ctx.insert("toc", &toc(r));
                ctx.insert("submitted_to", &r.submitted_to);
                ctx.insert("source_url", &r.source_url);
                ctx.insert("year_url", &v.url(Page::Year(r.year)));
                ctx.insert("action_lines", &v.lines(&r.action_lines));
                ctx.insert("figures", &figures);
                ctx.insert("prev", &prev.map(|p| v.report_link(p)));
                ctx.insert("next", &next.map(|n| v.report_link(n)));
                ctx.insert("compare", &prev.map(|p| comparison(v, id, p)));
                ctx.insert("translations", &v.translations(id));
                "report.html"
            }
            Job::Metrics => {
                page_title = v.t("shared-metrics");
                let groups: Vec<_> = part
                    .slice(&metric_groups(s, l))
                    .iter()
                    .map(|&o| {
                        let ids = &l.metrics_by_org[o.index()];
                        serde_json::json!({
                            "org": v.org(o),
                            "count": ids.len(),
                            "metrics": if s.metrics.len() <= MAX_INDEX_METRICS { v.metrics(ids) } else { Vec::new() },
                        })
                    })
                    .collect();
                ctx.insert("groups", &groups);
                ctx.insert("total", &s.metrics.len());
                "metrics.html"
            }
            Job::Metric(id) => {
                let m = s.metric(id);
                let (title, _) = v.text(&m.title);
                page_title = title.to_string();
                page_description = v.t_with(
                    "description-metric",
                    Some(&args([
                        ("metric", V::from(title)),
                        ("org", V::from(v.text(&s.org(m.organization).name).0)),
                    ])),
                );
                let m = s.metric(id);
                let observations: Vec<_> = part
                    .slice(metric_observations(l, id))
                    .iter()
                    .map(|&o| v.observation(o))
                    .collect();
                let series = &l.series[id.index()];
                // The chart, the dataset description and the targets cover the whole
                // series: they are on the first page only.
                let first = part.is_first();
                let chart = (first && series.yearly.len() >= 2).then(|| {
                    crate::chart::chart(
                        &format!("chart-{}", m.id),
                        title,
                        &v.points(series),
                        &m.unit,
                        &v.chart_words(),
                    )
                });
                ctx.insert("chart", &chart);
                let in_language = (self.editions.len() > 1).then_some(edition.tag.as_str());
                ctx.insert(
                    "jsonld",
                    &first.then(|| {
                        super::jsonld::metric_dataset(s, l, id, &edition.root, in_language)
                    }),
                );
                ctx.insert("cite", &CiteView::new(&Citation::metric(s, l, id), None));
                ctx.insert("metric", &v.metric(id));
                v.insert_description(&mut ctx, m.description.as_ref());
                ctx.insert("higher_is_better", &m.higher_is_better);
                ctx.insert("action_lines", &v.lines(&m.action_lines));
                ctx.insert("observations", &observations);
                ctx.insert(
                    "targets",
                    &if first {
                        targets::of_metric(&v, id)
                    } else {
                        Vec::new()
                    },
                );
                "metric.html"
            }
            Job::Years => {
                page_title = v.t("shared-years");
                let years: Vec<_> = l
                    .years
                    .iter()
                    .rev()
                    .map(|y| {
                        serde_json::json!({
                            "year": y,
                            "url": v.url(Page::Year(*y)),
                            "reports": l.reports_by_year.get(y).map_or(0, Vec::len),
                            "observations": l.observations_by_year.get(y).map_or(0, Vec::len),
                        })
                    })
                    .collect();
                ctx.insert("years", &years);
                "years.html"
            }
            Job::Year(y) => {
                page_title = y.to_string();
                page_description =
                    v.t_with("description-year", Some(&args([("year", V::from(y))])));
                let pos = l.years.binary_search(&y).ok();
                let prev = pos.and_then(|p| p.checked_sub(1)).map(|p| l.years[p]);
                let next = pos.and_then(|p| l.years.get(p + 1)).copied();
                let year_link =
                    |y: i32| serde_json::json!({"year": y, "url": v.url(Page::Year(y))});
                let reports = v.reports(part.slice(year_reports(l, y)));
                let observations: Vec<_> = part
                    .slice(year_observations(l, y))
                    .iter()
                    .map(|&o| v.observation(o))
                    .collect();
                ctx.insert("year", &y);
                ctx.insert("reports", &reports);
                ctx.insert("observations", &observations);
                ctx.insert("prev", &prev.map(year_link));
                ctx.insert("next", &next.map(year_link));
                "year.html"
            }
            Job::Targets => {
                page_title = v.t("shared-targets");
                page_description = v.t("description-targets");
                targets::index(&v, &mut ctx);
                "targets.html"
            }
            Job::Target(id) => {
                let t = s.frame.target(id);
                let title = v.text(&t.title).0;
                page_title = title.to_string();
                page_description = v.t_with(
                    "description-target",
                    Some(&args([
                        ("target", V::from(title)),
                        ("deadline", V::from(t.deadline.to_string())),
                    ])),
                );
                targets::page(&v, id, &mut ctx);
                "target.html"
            }
            Job::Frameworks | Job::Sdg(_) | Job::Gdc(_) | Job::Documents | Job::Document(_) => {
                let page = super::frameworks::context(v, job, &mut ctx);
                page_title = page.title;
                page_description = page.description;
                page.template
            }
            Job::NotFound => {
                page_title = v.t("not-found-title");
                "404.html"
            }
            Job::Search => {
                page_title = v.t("search-title");
                "search.html"
            }
            Job::Feed | Job::Sitemap | Job::Robots => self.feed_context(task, part, &mut ctx),
        };
        // A list's later pages say which they are, so each page's title is its own.
        if part.number > 1 && page.is_html() {
            page_title = v.t_with(
                "pager-title",
                Some(&args([
                    ("title", V::from(page_title)),
                    ("page", V::from(part.number)),
                    ("pages", V::from(part.count)),
                ])),
            );
        }
        ctx.insert("page_title", &page_title);
        ctx.insert("page_description", &page_description);
        (template, ctx)
    }
}

/// The site's totals, for the home page.
fn counts(s: &Site, l: &Links) -> serde_json::Value {
    serde_json::json!({
        "reports": s.reports.len(),
        "organizations": s.organizations.len(),
        "metrics": s.metrics.len(),
        "observations": l.series.iter().map(|s| s.observations.len()).sum::<usize>(),
        "action_lines": s.action_lines.len(),
        "years": l.years.len(),
    })
}

/// A heading of a report's table of contents.
#[derive(Debug, Serialize)]
struct TocEntry<'a> {
    level: u8,
    text: &'a str,
    anchor: &'a str,
}

/// A report's table of contents.
fn toc(r: &crate::model::Report) -> Vec<TocEntry<'_>> {
    r.body
        .toc
        .iter()
        .map(|h| TocEntry {
            level: h.level,
            text: &h.text,
            anchor: &h.anchor,
        })
        .collect()
}
