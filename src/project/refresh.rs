//! The data files and search index made again after a partial rebuild: on a thread of
//! their own at the lowest priority, one refresh at a time, given up at the first file
//! once a rebuild has overtaken it.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::{self, Memory, Sink};

use super::Project;

impl Project {
    /// Rewrites the data files and the search index after a partial rebuild, on a
    /// thread of its own; a no-op when they are current. The files replace the served
    /// ones only if no rebuild happened meanwhile (a later refresh then follows).
    ///
    /// While a refresh runs, another is not started and the files stay stale: the
    /// watcher asks again after the next pause. A refresh holds every data file and
    /// the index until it ends (130 MiB at 10,000 reports), and at a low priority on a
    /// busy machine it can outlast the pause between two saves: one started at each
    /// pause, they ran side by side to their ends though overtaken, and the server grew
    /// by that much at every save.
    pub(crate) fn refresh_assets(&mut self) {
        if !self.assets_stale {
            return;
        }
        let Some(refresh) = self.refresh() else {
            // Nothing to refresh them from: the next good build writes them.
            self.assets_stale = false;
            return;
        };
        if self.refreshing.swap(true, Ordering::SeqCst) {
            return;
        }
        self.assets_stale = false;
        let running = Running(Arc::clone(&self.refreshing));
        std::thread::spawn(move || {
            // Cleared when the thread ends, a panic included.
            let _running = running;
            // The lowest priority (on Linux, `nice` is per thread): the next save's
            // rebuild, on the shared pool, must not share the cores evenly with this
            // refresh, which nobody waits for.
            #[cfg(target_os = "linux")]
            let _ = rustix::process::setpriority_process(None, 19);
            // One thread of its own, not the shared pool: the next edit's pages must
            // not queue behind the index.
            match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                Ok(pool) => pool.install(|| refresh.run()),
                Err(_) => refresh.run(),
            }
        });
    }

    /// A refresh of the files from the last good build, begun now.
    pub(super) fn refresh(&self) -> Option<Refresh> {
        let good = self.good.as_ref()?;
        Some(Refresh {
            site: Arc::clone(&good.site),
            links: Arc::clone(&good.links),
            store: Arc::clone(&self.store),
            errors: Arc::clone(&self.errors),
            generation: Arc::clone(&self.generation),
            started_at: self.generation.load(Ordering::SeqCst),
        })
    }

    /// Notes, as a rebuild begins, that a refresh under way will be thrown away: the
    /// data files and search index stay stale, to be refreshed after the next pause,
    /// even if this rebuild fails (a failed rebuild marks nothing stale itself, and the
    /// pages it leaves served are those the refresh was for).
    pub(super) fn overtake_refresh(&mut self) {
        if self.refreshing.load(Ordering::SeqCst) {
            self.assets_stale = true;
        }
    }

    /// Whether a refresh of the data files and search index is running.
    #[cfg(test)]
    pub(super) fn refreshing(&self) -> bool {
        self.refreshing.load(Ordering::SeqCst)
    }
}

/// What a refresh makes its files from and where it serves them.
pub(super) struct Refresh {
    site: Arc<crate::model::Site>,
    links: Arc<crate::link::Links>,
    store: Arc<Memory>,
    errors: Arc<std::sync::RwLock<Vec<Diagnostic>>>,
    /// The project's count of rebuilds.
    generation: Arc<AtomicU64>,
    /// The count when the refresh began.
    started_at: u64,
}

impl Refresh {
    fn overtaken(&self) -> bool {
        self.generation.load(Ordering::SeqCst) != self.started_at
    }

    /// Makes the data files and search index and serves them, unless a rebuild has
    /// begun since the refresh did.
    pub(super) fn run(&self) {
        let t = std::time::Instant::now();
        let scratch = Memory::default();
        let sink = Overtakable {
            files: &scratch,
            refresh: self,
        };
        let result = pipeline::write_assets(&self.site, &self.links, &sink);
        if self.overtaken() {
            return;
        }
        pipeline::timing("serve: data and search index made", t);
        match result {
            Ok(()) => {
                let t = std::time::Instant::now();
                // Checked again with the store locked: a full rebuild begun since the
                // check above would otherwise have its own files replaced by these.
                if self.store.merge_unless(scratch, || self.overtaken()) {
                    pipeline::timing("serve: data and search index served", t);
                }
            }
            Err(e) => self
                .errors
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .push(e),
        }
    }
}

/// Clears the "a refresh runs" flag when dropped.
struct Running(Arc<AtomicBool>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// A refresh's files, refused once a rebuild has begun since the refresh did: what it
/// makes then would be thrown away, and stopping at the next file frees the cores and
/// the memory for the refresh that follows.
struct Overtakable<'a> {
    /// Where the refresh's files go until it ends.
    files: &'a Memory,
    /// The refresh, which knows whether it has been overtaken.
    refresh: &'a Refresh,
}

impl Sink for Overtakable<'_> {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        if self.refresh.overtaken() {
            return Err(Diagnostic::new(
                Kind::Internal,
                rel,
                "not refreshed: a rebuild began meanwhile",
            ));
        }
        self.files.put(rel, bytes)
    }

    fn has(&self, rel: &Path) -> bool {
        self.files.has(rel)
    }

    fn keeps_bytes(&self) -> bool {
        self.files.keeps_bytes()
    }
}
