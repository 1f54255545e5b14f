//! How many pages each list page takes, and the lists it cuts: the task list and each
//! page's context read the same lists from here, so a page never shows a slice the
//! task list did not count.

use super::paging::{self, Part};
use super::{Job, MAX_INLINE_SECTIONS, Renderer};
#[cfg(feature = "serve")]
use crate::affected::InPlace;
use crate::link::{Links, SectionRef};
use crate::model::{LineId, MetricId, Observation, OrgId, ReportId, Site};
use crate::urls::Page;

/// The reports of year `y`, by organization then slug.
pub(super) fn year_reports(l: &Links, y: i32) -> &[ReportId] {
    l.reports_by_year.get(&y).map_or(&[], Vec::as_slice)
}

/// The figures whose value belongs to year `y`, by metric then date.
pub(super) fn year_observations(l: &Links, y: i32) -> &[Observation] {
    l.observations_by_year.get(&y).map_or(&[], Vec::as_slice)
}

/// The reports an action line's page lists itself: none when its sections moved to
/// one page per year (those pages list them).
pub(super) fn line_reports(l: &Links, id: LineId) -> &[ReportId] {
    if inline_sections(l, id) {
        &l.reports_by_line[id.index()]
    } else {
        &[]
    }
}

/// Whether an action line's page shows its sections itself rather than a page a year.
pub(crate) fn inline_sections(l: &Links, id: LineId) -> bool {
    l.sections_by_line[id.index()].len() <= MAX_INLINE_SECTIONS
}

/// The sections of action line `id` in year `y`, in the order of
/// [`Links::sections_by_line`] (organization, then report, then section); their page
/// shows them in reverse.
pub(super) fn line_year_sections<'l>(
    s: &Site,
    l: &'l Links,
    id: LineId,
    y: i32,
) -> &'l [SectionRef] {
    let refs = &l.sections_by_line[id.index()];
    &refs[line_year_run(s, refs, y)]
}

/// Where year `y`'s sections are in an action line's sections: sorted by year, they
/// are one run, found by halving (a page of a year is made for every hundred of its
/// sections, so a scan of the line's sections per page would grow with the square
/// of the site).
fn line_year_run(s: &Site, refs: &[SectionRef], y: i32) -> std::ops::Range<usize> {
    let start = refs.partition_point(|r| s.report(r.report).year < y);
    let end = start + refs[start..].partition_point(|r| s.report(r.report).year <= y);
    start..end
}

/// The years before and after `y` that action line `id` has sections in, for the
/// year page's previous and next links; neither when `y` has none.
pub(super) fn line_year_neighbours(
    s: &Site,
    l: &Links,
    id: LineId,
    y: i32,
) -> (Option<i32>, Option<i32>) {
    let refs = &l.sections_by_line[id.index()];
    let run = line_year_run(s, refs, y);
    if run.is_empty() {
        return (None, None);
    }
    let year = |i: usize| s.report(refs[i].report).year;
    let before = run.start.checked_sub(1).map(year);
    let after = (run.end < refs.len()).then(|| year(run.end));
    (before, after)
}

/// The organizations that have metrics, the groups of the metrics index.
pub(super) fn metric_groups(s: &Site, l: &Links) -> Vec<OrgId> {
    (0..s.organizations.len())
        .map(|i| OrgId(i as u32))
        .filter(|&o| !l.metrics_by_org[o.index()].is_empty())
        .collect()
}

/// The figures of metric `id`, by year then date.
pub(super) fn metric_observations(l: &Links, id: MetricId) -> &[Observation] {
    &l.series[id.index()].observations
}

impl Renderer<'_> {
    /// Items a list page shows of each of its lists (`[pagination] page_size`).
    pub(super) fn page_size(&self) -> usize {
        self.site.config.pagination.page_size
    }

    /// Page `number` of `job`.
    pub(super) fn part(&self, job: Job, number: usize) -> Part {
        Part::new(number, self.parts(job), self.page_size())
    }

    /// How many pages `job` takes: its longest list's, a page of `page_size` items of
    /// each list; 1 for a page that is no list.
    pub(crate) fn parts(&self, job: Job) -> usize {
        let (s, l) = (self.site, self.links);
        let pages = |len: usize| Part::pages(len, self.page_size());
        match job {
            Job::Year(y) => {
                pages(year_reports(l, y).len()).max(pages(year_observations(l, y).len()))
            }
            Job::ActionLine(id) => {
                pages(l.metrics_by_line[id.index()].len()).max(pages(line_reports(l, id).len()))
            }
            Job::ActionLineYear(id, y) => pages(line_year_sections(s, l, id, y).len()),
            Job::Organizations => pages(s.organizations.len()),
            Job::Organization(id) => {
                pages(l.org_reports(id).len()).max(pages(l.metrics_by_org[id.index()].len()))
            }
            Job::Metrics => pages(metric_groups(s, l).len()),
            Job::Metric(id) => pages(metric_observations(l, id).len()),
            Job::Sitemap => {
                let per_file = self.sitemap_per_file();
                let entries = self.sitemap_entries().len();
                if entries <= per_file {
                    1
                } else {
                    1 + entries.div_ceil(per_file)
                }
            }
            _ => 1,
        }
    }

    /// The pages of `job` that an edit in place ([`InPlace`]) may change, ascending:
    /// the first (which alone shows what covers the whole list) and those whose slice
    /// of a list holds a report, section, metric or figure that changed. The lists
    /// keep their lengths and orders in such an edit, so every other page of the list
    /// reads as before; a page that is no list is its one page.
    #[cfg(feature = "serve")]
    pub(crate) fn parts_showing(&self, job: Job, moved: &InPlace) -> Vec<usize> {
        let (s, l) = (self.site, self.links);
        let size = self.page_size();
        // The page of item `i` of a list, and of a list shown newest first.
        let page = |i: usize| i / size + 1;
        let reversed = |len: usize| move |i: usize| (len - 1 - i) / size + 1;
        let mut parts = vec![1];
        let mut add = |list: &mut dyn Iterator<Item = (usize, bool)>,
                       page: &dyn Fn(usize) -> usize| {
            parts.extend(list.filter(|&(_, hit)| hit).map(|(i, _)| page(i)));
        };
        let reports =
            |ids: &[ReportId]| -> Vec<bool> { ids.iter().map(|&r| moved.report(r)).collect() };
        match job {
            Job::Year(y) => {
                add(
                    &mut reports(year_reports(l, y)).into_iter().enumerate(),
                    &page,
                );
                let figures = year_observations(l, y)
                    .iter()
                    .map(|&o| moved.observation(o));
                add(&mut figures.enumerate(), &page);
            }
            Job::ActionLine(id) => {
                let metrics = l.metrics_by_line[id.index()]
                    .iter()
                    .map(|&m| moved.metric(m));
                add(&mut metrics.enumerate(), &page);
                add(
                    &mut reports(line_reports(l, id)).into_iter().enumerate(),
                    &page,
                );
            }
            Job::ActionLineYear(id, y) => {
                let sections = line_year_sections(s, l, id, y);
                let hits = sections.iter().map(|r| moved.report(r.report));
                add(&mut hits.enumerate(), &reversed(sections.len()));
            }
            Job::Organization(id) => {
                let all = l.org_reports(id);
                add(
                    &mut reports(all).into_iter().enumerate(),
                    &reversed(all.len()),
                );
                let metrics = l.metrics_by_org[id.index()]
                    .iter()
                    .map(|&m| moved.metric(m));
                add(&mut metrics.enumerate(), &page);
            }
            Job::Metrics => {
                let groups = metric_groups(s, l)
                    .into_iter()
                    .map(|o| l.metrics_by_org[o.index()].iter().any(|&m| moved.metric(m)));
                add(&mut groups.enumerate(), &page);
            }
            // A list of organizations, whose counts and years an edit in place keeps.
            Job::Organizations => {}
            // Every page of a metric shows its latest value and citation.
            Job::Metric(id) if moved.metric(id) => parts.extend(1..=self.parts(job)),
            Job::Metric(_) => {}
            // Any other list: every page.
            _ => parts.extend(1..=self.parts(job)),
        }
        parts.sort_unstable();
        parts.dedup();
        parts
    }

    /// Entries one sitemap file lists: each counts its own address and, in a site of
    /// several languages, one per language and the `x-default` one.
    pub(super) fn sitemap_per_file(&self) -> usize {
        let weight = match self.editions.len() {
            0 | 1 => 1,
            n => n + 2,
        };
        (self.site.config.pagination.sitemap_urls / weight).max(1)
    }

    /// Every HTML page of the site (all pages of each list) as paths below a
    /// language's folder, for the sitemaps. Made once per renderer: the task list and
    /// each sitemap file's context (twice: its part and its slice) read it, and it
    /// lists every page of the site.
    pub(super) fn sitemap_entries(&self) -> &[String] {
        self.sitemap.get_or_init(|| {
            self.jobs()
                .into_iter()
                .map(|job| (job, self.page(job)))
                .filter(|(_, p)| p.is_html() && *p != Page::NotFound)
                .flat_map(|(job, p)| (1..=self.parts(job)).map(move |n| paging::path(p, n)))
                .collect()
        })
    }
}
