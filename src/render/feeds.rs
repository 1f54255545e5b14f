//! The pages for machines: the Atom feed, the sitemaps and `robots.txt`.

use super::page_context::Context;
use super::paging::{self, Part};
use super::{FEED_ENTRIES, Job, Renderer, Task};
use crate::model::{ReportId, Site};
use crate::urls::Page;

impl Renderer<'_> {
    /// The template and context of the feed, sitemap or robots page `task`, page
    /// `part` of it.
    pub(super) fn feed_context(&self, task: Task, part: Part, ctx: &mut Context) -> &'static str {
        let s = self.site;
        let v = self.views(task.lang);
        let edition = &self.editions[task.lang];
        match task.job {
            Job::Feed => {
                // The most recent reports only: a feed is for following new ones, and
                // stays small at any size of site.
                let ids = newest(s, FEED_ENTRIES);
                let entries: Vec<_> = ids
                    .iter()
                    .map(|&id| {
                        let r = s.report(id);
                        serde_json::json!({
                            "report": v.report(id),
                            "absolute_url": format!("{}{}", edition.root, Page::Report(&r.slug).path()),
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
                self.sitemap(task, part, ctx);
                "sitemap.xml"
            }
            _ => {
                let sitemaps: Vec<String> = self
                    .editions
                    .iter()
                    .map(|e| format!("{}{}", e.root, Page::Sitemap.path()))
                    .collect();
                ctx.insert("sitemaps", &sitemaps);
                "robots.txt"
            }
        }
    }

    /// A language's sitemap: every page at once, or, past `[pagination] sitemap_urls`,
    /// an index at `sitemap.xml` (page 1) of files `sitemap-<n>.xml` (pages 2 on)
    /// that list the pages in order, so a page keeps its file as the site grows at
    /// its end.
    fn sitemap(&self, task: Task, part: Part, ctx: &mut Context) {
        let edition = &self.editions[task.lang];
        let paths = self.sitemap_entries();
        let (index, listed): (Vec<String>, &[String]) = match (part.count, part.number) {
            (1, _) => (Vec::new(), paths),
            (count, 1) => (
                (2..=count)
                    .map(|n| format!("{}{}", edition.root, paging::path(Page::Sitemap, n)))
                    .collect(),
                &[],
            ),
            (_, n) => {
                let file = Part::new(n - 1, part.count - 1, self.sitemap_per_file());
                (Vec::new(), file.slice(paths))
            }
        };
        let urls: Vec<String> = listed
            .iter()
            .map(|p| format!("{}{p}", edition.root))
            .collect();
        // The root sitemap lists each page's translations too, as search engines read
        // them from a sitemap; the other languages' sitemaps list their own pages.
        let entries: Vec<_> = listed
            .iter()
            .zip(&urls)
            .map(|(p, loc)| {
                let alternates = match task.lang {
                    0 => super::languages::alternates(&self.editions, p, 0),
                    _ => Vec::new(),
                };
                serde_json::json!({ "loc": loc, "alternates": alternates })
            })
            .collect();
        ctx.insert("sitemap_files", &index);
        ctx.insert("urls", &urls);
        ctx.insert("entries", &entries);
        ctx.insert("translated", &(task.lang == 0 && self.editions.len() > 1));
    }
}

/// The `n` most recently published reports, the newest first.
pub(super) fn newest(s: &Site, n: usize) -> Vec<ReportId> {
    let key = |&id: &ReportId| {
        let r = s.report(id);
        std::cmp::Reverse((r.published, r.year, id))
    };
    let mut ids: Vec<ReportId> = s.report_ids().map(|(id, _)| id).collect();
    // Selected, then only those sorted: sorting every report for a few of them was a
    // tenth of a `serve` rebuild at 100,000 reports (the keys are unique, so the
    // selection is the same as the first `n` of a full sort).
    if n < ids.len() {
        ids.select_nth_unstable_by_key(n, key);
        ids.truncate(n);
    }
    ids.sort_by_key(key);
    ids
}
