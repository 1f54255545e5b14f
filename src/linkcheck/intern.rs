//! One copy of each link string, shared by every page that has it.
//!
//! A page's links are kept from its rendering to the link check after the last page
//! (and in the incremental build's cache), and most of them are on many pages: the
//! navigation, the footer, the years, organizations and metrics every list links.
//! Kept as a string per page they were about 90 bytes a link, 9 million links and
//! most of a GiB at 100,000 reports; shared, a page holds a pointer to each.
//!
//! The table is the process's, not a build's: pages are scanned where they are
//! written, in every kind of build, and the dev server rebuilds in the same process.
//! Strings no page holds any more are dropped by [`forget_unused`] when a full build
//! starts. The dev server's rebuilds of a few pages do not sweep the table (a pass
//! over every link of the site, on the path from a save to the page shown): the links
//! of the text an editor saved and then changed stay until its next full build, a
//! few bytes each.

use std::sync::{Arc, LazyLock, Mutex};

use rustc_hash::FxHashSet;

static TABLE: LazyLock<Mutex<FxHashSet<Arc<str>>>> = LazyLock::new(Default::default);

fn table() -> std::sync::MutexGuard<'static, FxHashSet<Arc<str>>> {
    TABLE.lock().unwrap_or_else(|p| p.into_inner())
}

/// The shared copies of `links`, in order: the table is locked once for them all
/// (a page's links, or a cached table's), not once a link. A slice, not an
/// iterator: nothing of the caller's runs while the lock is held.
pub(crate) fn shared(links: &[impl AsRef<str>]) -> Box<[Arc<str>]> {
    let mut table = table();
    links
        .iter()
        .map(|link| match table.get(link.as_ref()) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared: Arc<str> = Arc::from(link.as_ref());
                table.insert(Arc::clone(&shared));
                shared
            }
        })
        .collect()
}

/// Drops the strings only the table still holds: no page of a build that has
/// finished links them.
pub(crate) fn forget_unused() {
    let mut table = table();
    table.retain(|link| Arc::strong_count(link) > 1);
    // A site that shrank leaves the table's capacity behind.
    table.shrink_to_fit();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_link_on_two_pages_is_one_string() {
        let a = shared(&["/intern-test/a/", "/intern-test/b/"]);
        let b = shared(&["/intern-test/a/".to_string()]);
        assert!(Arc::ptr_eq(&a[0], &b[0]));
        assert_eq!(&*a[1], "/intern-test/b/");
    }

    #[test]
    fn a_link_no_page_holds_is_forgotten() {
        let page = shared(&["/intern-test/held/", "/intern-test/gone/"]);
        let gone = Arc::downgrade(&page[1]);
        let held = Arc::clone(&page[0]);
        drop(page);
        forget_unused();
        assert!(gone.upgrade().is_none(), "the table let go of it");
        let again = shared(&["/intern-test/held/"]);
        assert!(Arc::ptr_eq(&again[0], &held), "a held link stays shared");
    }
}
