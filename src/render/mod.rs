//! Stage 4: pages through the theme's templates.
//!
//! [`Renderer::jobs`] lists every page of the site; [`Renderer::render`] builds one
//! page's small context (`context`) and renders its template within the page limits
//! (`limits`). Jobs are independent, so the build renders them in parallel.

mod compare;
mod context;
pub(crate) mod costs;
mod feeds;
mod frame_matrix;
mod frame_views;
mod frameworks;
mod jsonld;
mod labels;
mod languages;
mod limits;
mod localize;
pub(crate) mod page_context;
pub(crate) mod paging;
mod paragraphs;
mod parts;
pub(crate) mod reasons;
mod scan;
mod sections;
pub(crate) mod statics;
mod targets;
pub(crate) mod theme;
mod views;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::link::Links;
use crate::model::frame::{DocId, GdcId, SdgId, TargetId};
use crate::model::{LineId, MetricId, OrgId, ReportId, Site};
use crate::urls::Page;
use languages::{Edition, Engines};
pub(crate) use languages::{SharedEngines, Task};
pub(crate) use parts::inline_sections;
use theme::Theme;
use views::{LinkView, Views};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    Targets,
    Target(TargetId),
    Frameworks,
    Sdg(SdgId),
    Gdc(GdcId),
    Documents,
    Document(DocId),
    NotFound,
    Search,
    Feed,
    Sitemap,
    Robots,
}

impl Job {
    /// Whether every report this page shows is among those
    /// [`crate::affected::affected_pages`] names it for: an incremental build keeps
    /// such a page without building its context when no report it shows changed. The
    /// other pages (indexes, lists, feeds, the frame's pages, any kind added later)
    /// always have their context built and fingerprinted.
    pub(crate) fn shows_known_reports(self) -> bool {
        matches!(
            self,
            Job::Report(_)
                | Job::Organization(_)
                | Job::ActionLine(_)
                | Job::ActionLineYear(..)
                | Job::Metric(_)
                | Job::Year(_)
        )
    }
}

/// Site-wide values every template can use, set once as Tera's global context.
#[derive(Debug, Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    /// The language as an Open Graph locale: `en`, `fr_CA` (`_`, not BCP 47's `-`).
    og_locale: String,
    /// The language's writing direction, for `<html dir>`: `ltr` or `rtl`.
    dir: &'static str,
    /// The base path every link to a page starts with: `/` or `/wsis/`, and `/wsis/fr/`
    /// in French, so that a reader following links stays in the language.
    base: &'a str,
    /// The base path of what exists once for every language: the data files and
    /// stylesheets (`/wsis/`).
    root_base: &'a str,
    /// The absolute address of the language's home page.
    root_url: &'a str,
    nav: Vec<LinkView<'a>>,
    /// Stylesheets and scripts by name (`style.css`), as fingerprinted URLs.
    assets: BTreeMap<String, String>,
}

/// Renders pages of one site.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    links: &'a Links,
    theme: &'a Theme,
    engines: SharedEngines,
    /// The site's languages, the default first.
    editions: Vec<Edition>,
    /// The pages the sitemaps list ([`Renderer::sitemap_entries`]), once made.
    sitemap: std::sync::OnceLock<Vec<String>>,
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
        let editions = languages::editions(site, theme);
        let engines = Self::engines(site, links, theme, &editions)?;
        Ok(Renderer {
            site,
            links,
            theme,
            engines,
            editions,
            sitemap: std::sync::OnceLock::new(),
        })
    }

    /// A renderer reusing templates compiled for the same theme and settings, such as
    /// the previous edit's in `wsis serve`: compiling them takes longer than rendering
    /// the page an editor is waiting for.
    #[cfg(feature = "serve")]
    pub(crate) fn with_engine(
        site: &'a Site,
        links: &'a Links,
        theme: &'a Theme,
        engines: SharedEngines,
    ) -> Self {
        Renderer {
            site,
            links,
            theme,
            engines,
            editions: languages::editions(site, theme),
            sitemap: std::sync::OnceLock::new(),
        }
    }

    /// The compiled templates, to reuse for a later renderer of the same theme and
    /// settings.
    #[cfg(feature = "serve")]
    pub(crate) fn shared_engine(&self) -> SharedEngines {
        Arc::clone(&self.engines)
    }

    /// Compiles the theme's templates, with each language's site-wide values as its
    /// global context.
    fn engines(
        site: &Site,
        links: &Links,
        theme: &Theme,
        editions: &[Edition],
    ) -> Result<SharedEngines, Vec<Diagnostic>> {
        let root_base = site.config.base_url.path();
        // The navigation links only to pages the site renders: a site without a frame
        // has no targets or frameworks pages, and a link to one would be broken.
        let rendered: std::collections::HashSet<Page<'_>> = all_jobs(site, links)
            .into_iter()
            .map(|j| page_of(site, j))
            .collect();
        // Each language's navigation, in its own words.
        let navs: Vec<Vec<(String, Page<'_>)>> = (0..editions.len())
            .map(|lang| {
                let v = Views {
                    site,
                    links,
                    base: root_base,
                    root_base,
                    i18n: &theme.i18n,
                    lang,
                };
                let t = |key: &str| v.t(key);
                [
                    (t("shared-action-lines"), Page::ActionLines),
                    (t("shared-targets"), Page::Targets),
                    (t("shared-frameworks"), Page::Frameworks),
                    (t("shared-organizations"), Page::Organizations),
                    (t("shared-reports"), Page::Reports),
                    (t("shared-metrics"), Page::Metrics),
                    (t("shared-years"), Page::Years),
                ]
                .into_iter()
                .filter(|(_, page)| rendered.contains(page))
                .collect()
            })
            .collect();
        let assets: BTreeMap<String, String> = theme
            .fingerprinted
            .iter()
            .map(|(name, file)| (name.clone(), format!("{root_base}{file}")))
            .collect();
        let engines = Engines::new(theme, editions.len(), |i| {
            let edition = &editions[i];
            SiteView {
                title: &site.config.title,
                description: &site.config.description,
                language: &edition.tag,
                og_locale: og_locale(&edition.tag),
                dir: edition.dir,
                base: &edition.base,
                root_base,
                root_url: &edition.root,
                nav: navs[i]
                    .iter()
                    .map(|(title, page)| LinkView {
                        title,
                        title_lang: None,
                        url: page.url(&edition.base),
                    })
                    .collect(),
                assets: assets.clone(),
            }
        })?;
        Ok(Arc::new(engines))
    }

    /// Every page of the site, in one language.
    pub(crate) fn jobs(&self) -> Vec<Job> {
        all_jobs(self.site, self.links)
    }

    /// Every page of the site in every language, each page of a long list a task.
    pub(crate) fn tasks(&self) -> Vec<Task> {
        let jobs: Vec<(Job, usize)> = self
            .jobs()
            .into_iter()
            .map(|job| (job, self.parts(job)))
            .collect();
        languages::tasks(&jobs, self.editions.len())
    }

    /// Every language's rendering of `job`, a page that is never cut into pages
    /// (a report's).
    #[cfg(feature = "serve")]
    pub(crate) fn in_every_language(&self, job: Job) -> impl Iterator<Item = Task> + use<> {
        (0..self.editions.len().max(1)).map(move |lang| Task { lang, job, part: 1 })
    }

    /// The views of pages in language `lang`.
    fn views(&self, lang: usize) -> Views<'_> {
        Views {
            site: self.site,
            links: self.links,
            base: &self.editions[lang].base,
            root_base: self.site.config.base_url.path(),
            i18n: &self.theme.i18n,
            lang,
        }
    }

    /// The path of `task`'s page below the site root, as in its URL (`fr/reports/x/`,
    /// `fr/years/2015/page/2/`).
    pub(crate) fn path(&self, task: Task) -> String {
        format!(
            "{}{}",
            self.editions[task.lang].prefix,
            paging::path(self.page(task.job), task.part)
        )
    }

    /// The page a job renders.
    pub(crate) fn page(&self, job: Job) -> Page<'a> {
        page_of(self.site, job)
    }

    /// Renders one page, within the limits of [`limits`]; an error names the page.
    pub(crate) fn render(&self, task: Task) -> Result<RenderedPage, Diagnostic> {
        self.finish(self.prepare(task))
    }

    /// The first half of [`Renderer::render`]: what `task`'s page is rendered from,
    /// so that a build can tell from its fingerprint whether the page would come out
    /// as last time ([`Prepared::fingerprint`]).
    pub(crate) fn prepare(&self, task: Task) -> Prepared {
        let since = crate::pipeline::timings().then(std::time::Instant::now);
        let (template, context) = self.context(task);
        if let Some(since) = since {
            costs::add(task.job, since.elapsed());
        }
        Prepared {
            task,
            template,
            path: self.path(task),
            context,
        }
    }

    /// The second half of [`Renderer::render`]: the page rendered from what
    /// [`Renderer::prepare`] gathered.
    pub(crate) fn finish(&self, prepared: Prepared) -> Result<RenderedPage, Diagnostic> {
        let Prepared {
            task,
            template,
            path,
            context,
        } = prepared;
        let url = format!("{}{path}", self.site.config.base_url.path());
        let engine = self.engines.get(task.lang);
        let html = limits::render(engine, template, context.tera()).map_err(|failure| {
            let mut d = match failure {
                limits::Failure::Template(e) => self.theme.template_error(&e),
                limits::Failure::TooLarge => Diagnostic::new(
                    Kind::Template,
                    self.theme.template_file(template),
                    format!(
                        "the page is larger than {} MiB, the limit for one page",
                        limits::MAX_OUTPUT >> 20
                    ),
                )
                .help("look for a loop that writes more than it should"),
            };
            d.message = format!("rendering page `{url}` with {template}: {}", d.message);
            d
        })?;
        Ok(RenderedPage {
            file: crate::urls::file_of(&path),
            path,
            html,
        })
    }

    /// A fingerprint of everything every page reads besides its own context: each
    /// language's site-wide values (title, navigation, addresses, asset names).
    /// Templates and interface text are not in it: they are files the caller
    /// fingerprints.
    pub(crate) fn globals_fingerprint(&self) -> u128 {
        self.engines.fingerprint()
    }
}

/// A page ready to render: its template and context.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The page and language.
    task: Task,
    /// The template it renders with.
    template: &'static str,
    /// Its path below the site root, as in its URL (`fr/reports/x/`).
    pub(crate) path: String,
    /// What the template reads.
    context: page_context::Context,
}

impl Prepared {
    /// A fingerprint of what the page renders from: its language, path, template and
    /// every value of its context. With the same templates and site-wide values
    /// ([`Renderer::globals_fingerprint`]), an equal fingerprint means the same page.
    pub(crate) fn fingerprint(&self) -> u128 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&(self.task.lang as u64).to_le_bytes());
        page_context::bytes(&mut h, self.path.as_bytes());
        page_context::bytes(&mut h, self.template.as_bytes());
        self.context.fingerprint(&mut h);
        h.digest128()
    }
}

/// A BCP 47 language tag (`fr-CA`, `zh-Hans-CN`) as an Open Graph locale, language
/// and territory joined by `_` (`fr_CA`, `zh_CN`); a tag without a territory is its
/// language alone.
fn og_locale(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    // The territory is the subtag of two letters or three digits; a script (`Hans`)
    // or variant is left out.
    match parts.find(|p| {
        (p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    }) {
        Some(territory) => format!("{language}_{}", territory.to_ascii_uppercase()),
        None => language,
    }
}

/// The page `job` renders of `s`.
fn page_of(s: &Site, job: Job) -> Page<'_> {
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
        Job::Targets => Page::Targets,
        Job::Target(id) => Page::Target(&s.frame.target(id).id),
        Job::Frameworks => Page::Frameworks,
        Job::Sdg(id) => Page::Sdg(s.frame.sdg(id).number),
        Job::Gdc(id) => Page::Gdc(s.frame.objective(id).number),
        Job::Documents => Page::Documents,
        Job::Document(id) => Page::Document(&s.frame.document(id).id),
        Job::NotFound => Page::NotFound,
        Job::Search => Page::Search,
        Job::Feed => Page::Feed,
        Job::Sitemap => Page::Sitemap,
        Job::Robots => Page::Robots,
    }
}

/// Every page of site `s` with its links `links`.
fn all_jobs(s: &Site, links: &Links) -> Vec<Job> {
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
    if !s.frame.targets.is_empty() {
        jobs.push(Job::Targets);
        jobs.extend(s.frame.target_ids().map(|(id, _)| Job::Target(id)));
    }
    jobs.extend((0..s.action_lines.len()).map(|i| Job::ActionLine(LineId(i as u32))));
    for (i, refs) in links.sections_by_line.iter().enumerate() {
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
    jobs.extend(links.years.iter().map(|&y| Job::Year(y)));
    jobs.extend(frameworks::jobs(&s.frame));
    jobs
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn open_graph_locales_join_language_and_territory() {
        assert_eq!(og_locale("en"), "en");
        assert_eq!(og_locale("fr-CA"), "fr_CA");
        assert_eq!(og_locale("zh-Hans-CN"), "zh_CN");
        assert_eq!(og_locale("es-419"), "es_419");
        assert_eq!(og_locale("AR"), "ar");
    }
}
