//! Long lists cut into pages at stable addresses.
//!
//! A list page (a year, an action line, an organization, a metric, the organizations
//! and metrics indexes, an action line's year) shows at most `[pagination] page_size`
//! items of each of its lists. Page 1 keeps the list's own address, so no link breaks;
//! page `n` is at `<list>/page/<n>/`. Item `i` (from 0, in the list's fixed order) is
//! on page `i / page_size + 1` whatever else the list holds, so adding an item moves
//! only the items after it, each at most one page on. A page with several lists (a
//! year's reports and its figures) shows slice `n` of each.

use serde::Serialize;

use crate::urls::Page;

/// Which page of a list a task renders, and how many the list has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    /// The page's number, from 1.
    pub(crate) number: usize,
    /// The list's pages, at least 1.
    pub(crate) count: usize,
    /// Items a page shows of each list.
    pub(crate) size: usize,
}

impl Part {
    /// Page `number` of `count` pages of `size` items.
    pub(crate) fn new(number: usize, count: usize, size: usize) -> Part {
        Part {
            number,
            count,
            size: size.max(1),
        }
    }

    /// The pages a list of `len` items takes with `size` a page: at least one, so an
    /// empty list still has its page.
    pub(crate) fn pages(len: usize, size: usize) -> usize {
        len.div_ceil(size.max(1)).max(1)
    }

    /// This page's slice of `items`: empty when the list ends before the page.
    pub(crate) fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = (self.number - 1).saturating_mul(self.size).min(items.len());
        let end = start.saturating_add(self.size).min(items.len());
        &items[start..end]
    }

    /// The range of this page's slice of a list of `len` items shown in the reverse
    /// of its stored order (newest first), as indexes into the stored order.
    pub(crate) fn reversed(&self, len: usize) -> std::ops::Range<usize> {
        let first = (self.number - 1).saturating_mul(self.size).min(len);
        let last = first.saturating_add(self.size).min(len);
        len - last..len - first
    }

    /// Whether this is a list's first page, the one at the list's own address, which
    /// alone carries what describes the whole list (charts, totals).
    pub(crate) fn is_first(&self) -> bool {
        self.number == 1
    }
}

/// The path of page `number` of `page` below the site root: the page's own path for
/// page 1, else `<path>page/<n>/`; a sitemap's parts are `sitemap-<n - 1>.xml` beside
/// the index at `sitemap.xml`.
pub(crate) fn path(page: Page<'_>, number: usize) -> String {
    match (number, page) {
        (0 | 1, _) => page.path(),
        (n, Page::Sitemap) => format!("sitemap-{}.xml", n - 1),
        (n, _) => format!("{}page/{n}/", page.path()),
    }
}

/// A link in the pager.
#[derive(Debug, Serialize)]
pub(crate) struct PagerLink {
    /// The page's number, or none for the gap between distant numbers.
    pub(crate) number: Option<usize>,
    pub(crate) url: String,
    /// Whether it is the page being read (`aria-current="page"`).
    pub(crate) current: bool,
}

/// What the pager of a page shows: where it is, its neighbours, the numbers near it.
#[derive(Debug, Serialize)]
pub(crate) struct PagerView {
    pub(crate) number: usize,
    pub(crate) count: usize,
    /// The previous and next pages' links, for the pager and `<link rel>`.
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    /// The first and last pages and those within two of this one, with gaps: a list of
    /// hundreds of pages keeps a pager of a few links.
    pub(crate) links: Vec<PagerLink>,
}

/// The pager of `part` of a list whose page `n` is at `url_of(n)`; none for a list on
/// one page.
pub(crate) fn pager(part: Part, url_of: impl Fn(usize) -> String) -> Option<PagerView> {
    if part.count < 2 {
        return None;
    }
    let near = |n: usize| n == 1 || n == part.count || n.abs_diff(part.number) <= 2;
    let mut links = Vec::new();
    for n in 1..=part.count {
        if near(n) {
            links.push(PagerLink {
                number: Some(n),
                url: url_of(n),
                current: n == part.number,
            });
        } else if links.last().is_some_and(|l| l.number.is_some()) {
            links.push(PagerLink {
                number: None,
                url: String::new(),
                current: false,
            });
        }
    }
    Some(PagerView {
        number: part.number,
        count: part.count,
        prev: (part.number > 1).then(|| url_of(part.number - 1)),
        next: (part.number < part.count).then(|| url_of(part.number + 1)),
        links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_on_exactly_one_page() {
        let items: Vec<usize> = (0..5).collect();
        assert_eq!(Part::pages(5, 2), 3);
        assert_eq!(Part::pages(0, 2), 1);
        assert_eq!(Part::pages(4, 2), 2);
        let seen: Vec<usize> = (1..=3)
            .flat_map(|n| Part::new(n, 3, 2).slice(&items).to_vec())
            .collect();
        assert_eq!(seen, items);
        let reversed: Vec<usize> = (1..=3)
            .flat_map(|n| {
                let r = Part::new(n, 3, 2).reversed(5);
                items[r].iter().rev().copied().collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(reversed, [4, 3, 2, 1, 0]);
        assert!(Part::new(4, 3, 2).slice(&items).is_empty());
    }

    #[test]
    fn page_one_keeps_the_address() {
        assert_eq!(path(Page::Year(2015), 1), "years/2015/");
        assert_eq!(path(Page::Year(2015), 3), "years/2015/page/3/");
        assert_eq!(path(Page::Sitemap, 1), "sitemap.xml");
        assert_eq!(path(Page::Sitemap, 3), "sitemap-2.xml");
    }

    #[test]
    fn the_pager_shows_the_ends_and_the_neighbourhood() {
        let p = pager(Part::new(6, 12, 10), |n| format!("/p{n}/")).unwrap();
        let numbers: Vec<Option<usize>> = p.links.iter().map(|l| l.number).collect();
        assert_eq!(
            numbers,
            [
                Some(1),
                None,
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                None,
                Some(12)
            ]
        );
        assert_eq!(p.prev.as_deref(), Some("/p5/"));
        assert_eq!(p.next.as_deref(), Some("/p7/"));
        assert!(pager(Part::new(1, 1, 10), |n| n.to_string()).is_none());
    }
}
