//! A sink for tests of bounded memory: it records how many entries a counter said
//! were made when the first file was put, so a test can tell that a writer puts its
//! first bundle before it has made every entry.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::Diagnostic;
use crate::pipeline::Sink;

/// Discards what is put; remembers `made` at the first put.
pub(super) struct Watch<'a> {
    made: &'a AtomicUsize,
    made_at_first_put: AtomicUsize,
}

impl<'a> Watch<'a> {
    /// A sink watching the counter `made`, which the test's writer increments.
    pub(super) fn new(made: &'a AtomicUsize) -> Watch<'a> {
        Watch {
            made,
            made_at_first_put: AtomicUsize::new(usize::MAX),
        }
    }

    /// The counter's value when the first file was put (`usize::MAX` if none was).
    pub(super) fn made_at_first_put(&self) -> usize {
        self.made_at_first_put.load(Ordering::SeqCst)
    }
}

impl Sink for Watch<'_> {
    fn put(&self, _: &Path, _: Vec<u8>) -> Result<(), Diagnostic> {
        let made = self.made.load(Ordering::SeqCst);
        self.made_at_first_put.fetch_min(made, Ordering::SeqCst);
        Ok(())
    }
    fn has(&self, _: &Path) -> bool {
        false
    }
    fn keeps_bytes(&self) -> bool {
        false
    }
}
