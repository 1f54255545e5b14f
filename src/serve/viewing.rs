//! Which pages are open in a browser. Each open page's live-reload stream names its
//! page (`/__wsis/events?page=/fr/reports/x/`), so that after an edit the edited page
//! in the language being looked at is rendered and announced before its other
//! languages and the other pages that show it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The URL paths of the open pages, each with how many streams have it open.
#[derive(Debug, Default)]
pub(super) struct Viewing(Mutex<HashMap<String, usize>>);

impl Viewing {
    /// Records that a stream for the page at `path` opened; the page counts as open
    /// until the returned guard is dropped with the stream.
    pub(super) fn open(self: &Arc<Self>, path: String) -> Viewer {
        *self.lock().entry(path.clone()).or_default() += 1;
        Viewer {
            viewing: Arc::clone(self),
            path,
        }
    }

    /// Whether a browser has the page at `path` open.
    pub(super) fn is_open(&self, path: &str) -> bool {
        self.lock().contains_key(path)
    }

    /// The map, whichever thread panicked holding it: a count cannot be half-updated.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, usize>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// An open page's stream; dropping it (the browser left the page) closes the page.
pub(super) struct Viewer {
    viewing: Arc<Viewing>,
    path: String,
}

impl Drop for Viewer {
    fn drop(&mut self) {
        let mut open = self.viewing.lock();
        if let Some(count) = open.get_mut(&self.path) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_open_while_any_of_its_streams_is() {
        let viewing = Arc::new(Viewing::default());
        let first = viewing.open("/fr/reports/x/".into());
        let second = viewing.open("/fr/reports/x/".into());
        assert!(viewing.is_open("/fr/reports/x/"));
        assert!(!viewing.is_open("/reports/x/"));
        drop(first);
        assert!(viewing.is_open("/fr/reports/x/"));
        drop(second);
        assert!(!viewing.is_open("/fr/reports/x/"));
    }
}
