//! Stage 4: pages through the theme's templates.
//!
//! [`Renderer::jobs`] lists every page of the site; [`Renderer::render`] builds one
//! page's small context and renders its template. Jobs are independent, so the build
//! renders them in parallel.

pub(crate) mod theme;
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::link::{Links, Observation};
use crate::model::{LineId, MetricId, OrgId, ReportId, Site};
use crate::urls::Page;
use theme::Theme;
use views::{ChangeView, LineView, LinkView, ObservationView, ReportView, Views};

/// Past this many tagged sections, an action line's sections move to one page per
/// year, so no page grows without bound (a line of a 10,000-report site has thousands).
pub(crate) const MAX_INLINE_SECTIONS: usize = 60;
/// Past this many reports, the reports index lists years, not every report.
const MAX_INDEX_REPORTS: usize = 300;
/// Past this many metrics, the metrics index lists organizations, not every metric.
const MAX_INDEX_METRICS: usize = 300;
/// Metrics shown on the home page.
const HEADLINE_METRICS: usize = 12;
/// Organizations shown as columns of the coverage matrix, those with most reports.
const MATRIX_ORGANIZATIONS: usize = 20;
/// Reports in the Atom feed, newest first: a feed is for following new reports.
const FEED_ENTRIES: usize = 100;

/// One page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Job {
    Home,
    ActionLines,
    ActionLine(LineId),
    ActionLineYear(LineId, i32),
    Organizations,
    Organization(OrgId),
    Reports,
    Report(ReportId),
    Metrics,
    Metric(MetricId),
    Years,
    Year(i32),
    NotFound,
    Search,
    Feed,
    Sitemap,
    Robots,
}

/// Site-wide values every template can use, set once as Tera's global context.
#[derive(Debug, Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    /// The base path every internal link starts with: `/` or `/wsis/`.
    base: &'a str,
    /// The absolute address of the site root.
    root_url: String,
    nav: Vec<LinkView<'static>>,
    /// Stylesheets and scripts by name (`style.css`), as fingerprinted URLs.
    assets: BTreeMap<String, String>,
}

/// Renders pages of one site.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    links: &'a Links,
    theme: &'a Theme,
    tera: Arc<tera::Tera>,
}

/// A rendered page: where it goes and its HTML.
#[derive(Debug)]
pub(crate) struct RenderedPage {
    /// The page's path below the site root (`reports/x/`), as in its URL.
    pub(crate) path: String,
    /// The output file, relative to the output folder.
    pub(crate) file: std::path::PathBuf,
    /// The HTML.
    pub(crate) html: String,
}

impl<'a> Renderer<'a> {
    /// Compiles the theme's templates for `site`.
    pub(crate) fn new(
        site: &'a Site,
        links: &'a Links,
        theme: &'a Theme,
    ) -> Result<Self, Vec<Diagnostic>> {
        let tera = Self::engine(site, theme)?;
        Ok(Self::with_engine(site, links, theme, tera))
    }

    /// A renderer reusing templates compiled for the same theme and settings, such as
    /// the previous edit's in `wsis serve`: compiling them takes longer than rendering
    /// the page an editor is waiting for.
    pub(crate) fn with_engine(
        site: &'a Site,
        links: &'a Links,
        theme: &'a Theme,
        tera: Arc<tera::Tera>,
    ) -> Self {
        Renderer {
            site,
            links,
            theme,
            tera,
        }
    }

    /// The compiled templates, to reuse for a later renderer of the same theme and
    /// settings.
    #[cfg(feature = "serve")]
    pub(crate) fn shared_engine(&self) -> Arc<tera::Tera> {
        Arc::clone(&self.tera)
    }

    /// Compiles the theme's templates, with the site-wide values as global context.
    fn engine(site: &Site, theme: &Theme) -> Result<Arc<tera::Tera>, Vec<Diagnostic>> {
        let mut tera = theme.engine()?;
        let base = site.config.base_url.path();
        let nav = [
            ("Action lines", Page::ActionLines),
            ("Organizations", Page::Organizations),
            ("Reports", Page::Reports),
            ("Metrics", Page::Metrics),
            ("Years", Page::Years),
        ]
        .into_iter()
        .map(|(title, page)| LinkView {
            title,
            url: page.url(base),
        })
        .collect();
        let view = SiteView {
            title: &site.config.title,
            description: &site.config.description,
            language: &site.config.language,
            base,
            root_url: site.config.base_url.root(),
            nav,
            assets: theme
                .fingerprinted
                .iter()
                .map(|(name, file)| (name.clone(), format!("{base}{file}")))
                .collect(),
        };
        tera.global_context().insert("site", &view);
        Ok(Arc::new(tera))
    }

    /// Every page of the site.
    pub(crate) fn jobs(&self) -> Vec<Job> {
        let s = self.site;
        let mut jobs = vec![
            Job::Home,
            Job::ActionLines,
            Job::Organizations,
            Job::Reports,
            Job::Metrics,
            Job::Years,
            Job::NotFound,
            Job::Search,
            Job::Feed,
            Job::Sitemap,
            Job::Robots,
        ];
        jobs.extend((0..s.action_lines.len()).map(|i| Job::ActionLine(LineId(i as u32))));
        for (i, refs) in self.links.sections_by_line.iter().enumerate() {
            if refs.len() > MAX_INLINE_SECTIONS {
                let mut years: Vec<i32> = refs.iter().map(|r| s.report(r.report).year).collect();
                years.dedup();
                jobs.extend(
                    years
                        .into_iter()
                        .map(|y| Job::ActionLineYear(LineId(i as u32), y)),
                );
            }
        }
        jobs.extend((0..s.organizations.len()).map(|i| Job::Organization(OrgId(i as u32))));
        jobs.extend((0..s.reports.len()).map(|i| Job::Report(ReportId(i as u32))));
        jobs.extend((0..s.metrics.len()).map(|i| Job::Metric(MetricId(i as u32))));
        jobs.extend(self.links.years.iter().map(|&y| Job::Year(y)));
        jobs
    }

    fn views(&self) -> Views<'a> {
        Views {
            site: self.site,
            links: self.links,
            base: self.site.config.base_url.path(),
        }
    }

    /// The page a job renders.
    pub(crate) fn page(&self, job: Job) -> Page<'a> {
        let s = self.site;
        match job {
            Job::Home => Page::Home,
            Job::ActionLines => Page::ActionLines,
            Job::ActionLine(id) => Page::ActionLine(&s.line(id).slug),
            Job::ActionLineYear(id, y) => Page::ActionLineYear(&s.line(id).slug, y),
            Job::Organizations => Page::Organizations,
            Job::Organization(id) => Page::Organization(&s.org(id).id),
            Job::Reports => Page::Reports,
            Job::Report(id) => Page::Report(&s.report(id).slug),
            Job::Metrics => Page::Metrics,
            Job::Metric(id) => Page::Metric(&s.metric(id).id),
            Job::Years => Page::Years,
            Job::Year(y) => Page::Year(y),
            Job::NotFound => Page::NotFound,
            Job::Search => Page::Search,
            Job::Feed => Page::Feed,
            Job::Sitemap => Page::Sitemap,
            Job::Robots => Page::Robots,
        }
    }

    /// Renders one page.
    pub(crate) fn render(&self, job: Job) -> Result<RenderedPage, Diagnostic> {
        let (template, ctx) = self.context(job);
        let page = self.page(job);
        let html = self
            .tera
            .render(template, &ctx)
            .map_err(|e| self.theme.template_error(&e))?;
        Ok(RenderedPage {
            path: page.path(),
            file: page.output_file(),
            html,
        })
    }

    /// The template and context of a job.
    fn context(&self, job: Job) -> (&'static str, Context) {
        let v = self.views();
        let s = self.site;
        let l = self.links;
        let page = self.page(job);
        let mut ctx = Context::new();
        ctx.insert("current_url", &v.url(page));
        ctx.insert(
            "canonical",
            &format!("{}{}", s.config.base_url.root(), page.path()),
        );
        // The page's title and description, for <title>, the description meta tag and
        // Open Graph; the home page uses the site's own.
        let mut page_title = s.config.title.clone();
        let mut page_description = s.config.description.clone();
        let template = match job {
            Job::Home => {
                let mut latest = newest_first(s);
                latest.truncate(8);
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
                "index.html"
            }
            Job::ActionLines => {
                page_title = "Action lines".into();
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
                page_title = format!("{}: {}", al.code, al.title);
                page_description = format!(
                    "WSIS action line {}: {}. What organizations reported on it, year by year.",
                    al.code, al.title
                );
                let line = s.line(id);
                ctx.insert("line", &v.line(id));
                ctx.insert("description", &line.description);
                ctx.insert("sdgs", &line.sdgs);
                ctx.insert(
                    "facilitators",
                    &line
                        .facilitators
                        .iter()
                        .map(|&f| v.org_link(f))
                        .collect::<Vec<_>>(),
                );
                ctx.insert("metrics", &v.metrics(&l.metrics_by_line[id.index()]));
                ctx.insert("report_count", &l.reports_by_line[id.index()].len());
                let refs = &l.sections_by_line[id.index()];
                if refs.len() > MAX_INLINE_SECTIONS {
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
                    ctx.insert("years", &line_sections(v, id, None));
                    ctx.insert("reports", &v.reports(&l.reports_by_line[id.index()]));
                }
                "action-line.html"
            }
            Job::ActionLineYear(id, year) => {
                let line = s.line(id);
                page_title = format!("{}: {} in {year}", line.code, line.title);
                page_description = format!(
                    "What organizations reported on WSIS action line {} in {year}.",
                    line.code
                );
                let refs = &l.sections_by_line[id.index()];
                let mut years: Vec<i32> = refs.iter().map(|r| s.report(r.report).year).collect();
                years.dedup();
                let pos = years.binary_search(&year).ok();
                let link = |y: i32| serde_json::json!({"year": y, "url": v.url(Page::ActionLineYear(&line.slug, y))});
                ctx.insert("line", &v.line(id));
                ctx.insert("year", &year);
                ctx.insert("years", &line_sections(v, id, Some(year)));
                ctx.insert(
                    "prev",
                    &pos.and_then(|p| p.checked_sub(1)).map(|p| link(years[p])),
                );
                ctx.insert(
                    "next",
                    &pos.and_then(|p| years.get(p + 1)).map(|&y| link(y)),
                );
                "action-line-year.html"
            }
            Job::Organizations => {
                page_title = "Organizations".into();
                let orgs: Vec<_> = (0..s.organizations.len())
                    .map(|i| {
                        let id = OrgId(i as u32);
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
                page_title = o.name.clone();
                page_description = format!(
                    "Reports and figures of {} on the implementation of the WSIS outcomes.",
                    o.name
                );
                let o = s.org(id);
                let mut reports = l.org_reports(id).to_vec();
                reports.reverse();
                ctx.insert("org", &v.org(id));
                ctx.insert("website", &o.website);
                ctx.insert("description", &o.description);
                ctx.insert("reports", &v.reports(&reports));
                ctx.insert("metrics", &v.metrics(&l.metrics_by_org[id.index()]));
                ctx.insert("action_lines", &v.lines(&l.lines_by_org[id.index()]));
                ctx.insert("facilitates", &v.lines(&l.facilitated_by_org[id.index()]));
                "organization.html"
            }
            Job::Reports => {
                page_title = "Reports".into();
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
                page_description = v.report(id).summary.chars().take(200).collect();
                let r = s.report(id);
                let (prev, next) = l.neighbours[id.index()];
                let figures: Vec<_> = (0..r.figures.len())
                    .map(|f| {
                        v.observation(Observation {
                            report: id,
                            figure: f,
                        })
                    })
                    .collect();
                ctx.insert("report", &v.report(id));
                ctx.insert("html", &r.body.html);
                ctx.insert("toc", &toc(r));
                ctx.insert("submitted_to", &r.submitted_to);
                ctx.insert("source_url", &r.source_url);
                ctx.insert("year_url", &v.url(Page::Year(r.year)));
                ctx.insert("action_lines", &v.lines(&r.action_lines));
                ctx.insert("figures", &figures);
                ctx.insert("prev", &prev.map(|p| v.report_link(p)));
                ctx.insert("next", &next.map(|n| v.report_link(n)));
                ctx.insert("compare", &prev.map(|p| comparison(v, id, p)));
                "report.html"
            }
            Job::Metrics => {
                page_title = "Metrics".into();
                let groups: Vec<_> = (0..s.organizations.len())
                    .map(|i| OrgId(i as u32))
                    .filter(|&o| !l.metrics_by_org[o.index()].is_empty())
                    .map(|o| {
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
                page_title = m.title.clone();
                page_description = format!(
                    "{} ({}), year by year, each value linked to the sentence that states it.",
                    m.title,
                    s.org(m.organization).name
                );
                let m = s.metric(id);
                let observations: Vec<_> = l.series[id.index()]
                    .observations
                    .iter()
                    .map(|&o| v.observation(o))
                    .collect();
                let series = &l.series[id.index()];
                let chart = (series.yearly.len() >= 2).then(|| {
                    crate::chart::chart(
                        &format!("chart-{}", m.id),
                        &m.title,
                        &v.points(series),
                        &m.unit,
                    )
                });
                ctx.insert("chart", &chart);
                ctx.insert("metric", &v.metric(id));
                ctx.insert("description", &m.description);
                ctx.insert("higher_is_better", &m.higher_is_better);
                ctx.insert("action_lines", &v.lines(&m.action_lines));
                ctx.insert("observations", &observations);
                "metric.html"
            }
            Job::Years => {
                page_title = "Years".into();
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
                page_description = format!(
                    "Reports on the implementation of the WSIS outcomes covering {y}, and every value stated for it."
                );
                let pos = l.years.binary_search(&y).ok();
                let prev = pos.and_then(|p| p.checked_sub(1)).map(|p| l.years[p]);
                let next = pos.and_then(|p| l.years.get(p + 1)).copied();
                let year_link =
                    |y: i32| serde_json::json!({"year": y, "url": v.url(Page::Year(y))});
                let reports = l
                    .reports_by_year
                    .get(&y)
                    .map(|r| v.reports(r))
                    .unwrap_or_default();
                let observations: Vec<_> = l
                    .observations_by_year
                    .get(&y)
                    .map(|os| os.iter().map(|&o| v.observation(o)).collect())
                    .unwrap_or_default();
                ctx.insert("year", &y);
                ctx.insert("reports", &reports);
                ctx.insert("observations", &observations);
                ctx.insert("prev", &prev.map(year_link));
                ctx.insert("next", &next.map(year_link));
                "year.html"
            }
            Job::NotFound => {
                page_title = "Page not found".into();
                "404.html"
            }
            Job::Search => {
                page_title = "Search".into();
                "search.html"
            }
            Job::Feed => {
                let mut ids = newest_first(s);
                ids.truncate(FEED_ENTRIES);
                let entries: Vec<_> = ids
                    .iter()
                    .map(|&id| {
                        let r = s.report(id);
                        serde_json::json!({
                            "report": v.report(id),
                            "absolute_url": format!("{}{}", s.config.base_url.root(), Page::Report(&r.slug).path()),
                            "updated": r.published.rfc3339(),
                        })
                    })
                    .collect();
                let updated = ids.first().map_or_else(
                    || "1970-01-01T00:00:00Z".to_string(),
                    |&id| s.report(id).published.rfc3339(),
                );
                ctx.insert("entries", &entries);
                ctx.insert("updated", &updated);
                "atom.xml"
            }
            Job::Sitemap => {
                let urls: Vec<String> = self
                    .jobs()
                    .into_iter()
                    .map(|j| self.page(j))
                    .filter(|p| p.is_html() && *p != Page::NotFound)
                    .map(|p| format!("{}{}", s.config.base_url.root(), p.path()))
                    .collect();
                ctx.insert("urls", &urls);
                "sitemap.xml"
            }
            Job::Robots => "robots.txt",
        };
        ctx.insert("page_title", &page_title);
        ctx.insert("page_description", &page_description);
        (template, ctx)
    }
}

/// Every report, the most recently published first.
fn newest_first(s: &Site) -> Vec<ReportId> {
    let mut ids: Vec<ReportId> = s.report_ids().map(|(id, _)| id).collect();
    ids.sort_by_key(|&id| {
        let r = s.report(id);
        std::cmp::Reverse((r.published, r.year, id))
    });
    ids
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

/// A report section shown on an action line page.
#[derive(Debug, Serialize)]
struct SectionView<'a> {
    title: &'a str,
    /// The section on the report page.
    url: String,
    /// Its text, fit to embed (safe HTML).
    html: &'a str,
}

/// A report's sections on one action line.
#[derive(Debug, Serialize)]
struct ReportSections<'a> {
    report: ReportView<'a>,
    sections: Vec<SectionView<'a>>,
}

/// One year of an action line's sections.
#[derive(Debug, Serialize)]
struct YearSections<'a> {
    year: i32,
    url: String,
    reports: Vec<ReportSections<'a>>,
}

/// An action line's sections grouped by year (newest first), then report.
fn line_sections<'a>(v: Views<'a>, id: LineId, only_year: Option<i32>) -> Vec<YearSections<'a>> {
    let refs = &v.links.sections_by_line[id.index()];
    // Group consecutive sections of one report, then reports of one year.
    let mut entries: Vec<(i32, ReportId, Vec<usize>)> = Vec::new();
    for s in refs {
        let year = v.site.report(s.report).year;
        if only_year.is_some_and(|y| y != year) {
            continue;
        }
        match entries.last_mut() {
            Some((_, r, secs)) if *r == s.report => secs.push(s.section),
            _ => entries.push((year, s.report, vec![s.section])),
        }
    }
    let mut out: Vec<YearSections<'a>> = Vec::new();
    for (year, rid, secs) in entries.into_iter().rev() {
        let r = v.site.report(rid);
        let report_url = v.url(Page::Report(&r.slug));
        let sections = secs
            .into_iter()
            .map(|i| {
                let sec = &r.body.sections[i];
                SectionView {
                    title: &sec.heading.text,
                    url: anchored(&report_url, sec),
                    html: &sec.html,
                }
            })
            .collect();
        let entry = ReportSections {
            report: v.report(rid),
            sections,
        };
        match out.last_mut() {
            Some(y) if y.year == year => y.reports.push(entry),
            _ => out.push(YearSections {
                year,
                url: v.url(Page::Year(year)),
                reports: vec![entry],
            }),
        }
    }
    out
}

/// The coverage matrix: action lines (all of them, even with no reports) against the
/// organizations that reported, each cell the years reported, each year linking to the
/// report's section on the line (or to the line page's year when there are several).
fn matrix(v: Views<'_>) -> serde_json::Value {
    let s = v.site;
    let mut orgs: Vec<OrgId> = (0..s.organizations.len())
        .map(|i| OrgId(i as u32))
        .filter(|o| !v.links.org_reports(*o).is_empty())
        .collect();
    let reporting = orgs.len();
    if orgs.len() > MATRIX_ORGANIZATIONS {
        orgs.sort_by_key(|&o| (std::cmp::Reverse(v.links.org_reports(o).len()), o));
        orgs.truncate(MATRIX_ORGANIZATIONS);
        orgs.sort();
    }
    let rows: Vec<_> = (0..s.action_lines.len())
        .map(|i| {
            let line = LineId(i as u32);
            let line_view = v.line(line);
            let split = v.links.sections_by_line[i].len() > MAX_INLINE_SECTIONS;
            let slug = &s.line(line).slug;
            // org -> year -> reports of that org and year on this line.
            let mut by_org: BTreeMap<OrgId, BTreeMap<i32, Vec<ReportId>>> = BTreeMap::new();
            for &r in &v.links.reports_by_line[i] {
                let report = s.report(r);
                by_org
                    .entry(report.organization)
                    .or_default()
                    .entry(report.year)
                    .or_default()
                    .push(r);
            }
            let cells: Vec<_> = orgs
                .iter()
                .map(|o| {
                    let years: Vec<_> = by_org
                        .get(o)
                        .into_iter()
                        .flatten()
                        .map(|(&year, reports)| {
                            let url = match reports.as_slice() {
                                [one] => section_url(v, *one, line),
                                _ if split => v.url(Page::ActionLineYear(slug, year)),
                                _ => format!("{}#y{year}", line_view.url),
                            };
                            serde_json::json!({"year": year, "url": url})
                        })
                        .collect();
                    serde_json::json!({"years": years})
                })
                .collect();
            serde_json::json!({"line": line_view, "cells": cells})
        })
        .collect();
    serde_json::json!({
        "organizations": orgs.iter().map(|&o| v.org(o)).collect::<Vec<_>>(),
        "rows": rows,
        "reporting": reporting,
        "organizations_url": v.url(Page::Organizations),
    })
}

/// The address of `section` on its report's page, at `report_url`.
fn anchored(report_url: &str, section: &crate::model::Section) -> String {
    format!("{report_url}#{}", section.heading.anchor)
}

/// The report's first section on `line`, or the report page when it has none.
fn section_url(v: Views<'_>, report: ReportId, line: LineId) -> String {
    let r = v.site.report(report);
    let url = v.url(Page::Report(&r.slug));
    match r.body.sections.iter().find(|s| s.lines.contains(&line)) {
        Some(sec) => anchored(&url, sec),
        None => url,
    }
}

/// A report section in a comparison: its length and opening sentence.
#[derive(Debug, Serialize)]
struct ComparedSection<'a> {
    title: &'a str,
    url: String,
    words: usize,
    lead: &'a str,
}

/// Both reports' sections on one action line.
#[derive(Debug, Serialize)]
struct ComparedLine<'a> {
    line: LineView<'a>,
    before: Vec<ComparedSection<'a>>,
    after: Vec<ComparedSection<'a>>,
}

/// A metric both reports state.
#[derive(Debug, Serialize)]
struct ComparedFigure<'a> {
    before: ObservationView<'a>,
    after: ObservationView<'a>,
    change: ChangeView,
}

/// A report compared with the organization's previous one.
#[derive(Debug, Serialize)]
struct Comparison<'a> {
    previous: ReportView<'a>,
    figures: Vec<ComparedFigure<'a>>,
    lines: Vec<ComparedLine<'a>>,
}

/// A report compared with the organization's previous one: the figures of metrics both
/// state, with their change, and per action line the sections of both side by side:
/// title, length and opening sentence, each linking to the full text. (The full text
/// of both sides was shown once; it made a report page three times as heavy, for text
/// that is one click away.)
fn comparison<'a>(v: Views<'a>, this: ReportId, prev: ReportId) -> Comparison<'a> {
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
            let change =
                crate::series::Change::between(pa, pb, before, pa.year, metric.higher_is_better);
            Some(ComparedFigure {
                before: v.observation(before),
                after: v.observation(after),
                change: v.change(change, &metric.unit),
            })
        })
        .collect();
    let sections_of = |r: &'a crate::model::Report, l: LineId| {
        let url = v.url(Page::Report(&r.slug));
        r.body
            .sections
            .iter()
            .filter(|sec| sec.lines.contains(&l))
            .map(|sec| ComparedSection {
                title: &sec.heading.text,
                url: anchored(&url, sec),
                words: sec.words,
                lead: &sec.lead,
            })
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
