//! The end of a build's writing: the spare made the new tree and exchanged with the
//! output, while what describes that tree (the build cache) is written beside it.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::folders::{self, Tree};
use super::manifest::{MARKER, Written, write_manifest};
use super::names::folders_above;
use super::spare::{ALWAYS_COPIED, Bound, Copy};
use super::tree::{create_new, prune};
use super::walk::folder_times;
use super::{Output, clash, swap};
use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::lock;

impl Output {
    /// Makes the output what this build wrote, plus the files added by hand: the spare
    /// is rid of everything else and exchanged with the output in one step. The
    /// previous output stays beside it as the next build's spare (or, when there was
    /// none, a copy of the new one is left: [`super::spare`]). Returns warnings about
    /// what was left out.
    #[cfg(test)]
    pub(crate) fn commit(self) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.commit_with(|_| (), |()| ())
            .map(|(warnings, ())| warnings)
    }

    /// [`Output::commit`], running `alongside` meanwhile: it is given the XXH3-128 of
    /// the marker the new output will have, known before the exchange, and once both
    /// it and the exchange are done, `then` is given its result; when the commit fails
    /// the result is dropped instead. The build writes its cache in `alongside`, under
    /// a temporary name, and puts it in place in `then`, so that a failed commit leaves
    /// the previous cache with the previous output: the two took as long as both (a
    /// tenth of an edit build at 10,000 reports), and now as long as the longer. A
    /// build refused as a clash does not run `alongside`.
    ///
    /// A build into an output with no tree of wsis's own copies its new output as the
    /// spare once the exchange is done, while `alongside` may still run: the cache is
    /// put in place as soon as it is written, not after the copy, so a build stopped
    /// while it copies has lost only the copy, and the copy stops once the cache is in
    /// place (past its first few thousand entries), leaving what it made as a smaller
    /// spare. The output folder's lock is released when all is done.
    pub(crate) fn commit_with<T: Send, U: Send>(
        mut self,
        alongside: impl FnOnce(u128) -> T + Send,
        then: impl FnOnce(T) -> U + Send,
    ) -> Result<(Vec<Diagnostic>, U), Diagnostic> {
        let written = std::mem::take(&mut *lock(&self.written));
        // Pages and static files are written in parallel, so a file and a folder of
        // the same name may each have removed the other from the spare: such a build
        // is refused here, before anything reaches the output.
        if let Some((file, inside)) = folder_clash(&written) {
            return Err(clash(&self.target, file, inside));
        }
        // The manifest lists what this build wrote, not the files added by hand: it is
        // whole before the spare is touched.
        let manifest = write_manifest(written.iter());
        let hash = xxhash_rust::xxh3::xxh3_128(manifest.as_bytes());
        // Held until the end, past the exchange (which consumes the rest of `self`).
        let _build_lock = std::mem::take(&mut self.lock);
        // An output that had no tree of wsis's own leaves no spare in the exchange.
        let copy_wanted = self.live_tree.is_none();
        let (target, staging) = (self.target.clone(), self.staging.clone());
        #[cfg(test)]
        let gate = lock(&self.copy_gate).take();
        #[cfg(test)]
        let floor = self.copy_floor.unwrap_or(ALWAYS_COPIED);
        #[cfg(not(test))]
        let floor = ALWAYS_COPIED;
        // Set once the cache is in place: the copy then stops ([`super::spare`]).
        let cache_done = AtomicBool::new(false);
        let cache_done = &cache_done;
        std::thread::scope(|scope| {
            // Made inside the scope: should the exchange panic, the sender goes with
            // it and the waiting thread hears "not committed" rather than waiting on.
            let (exchanged, tell) = std::sync::mpsc::channel::<bool>();
            // On a thread of its own, not rayon's: it waits for the exchange, which a
            // rayon worker must never do (with one thread, the exchange would be
            // queued behind it).
            let beside = scope.spawn(move || {
                // Set however this thread ends, a panic included: the copy is bounded
                // by the cache's write, and must not go on unbounded without it.
                let _done = Done(cache_done);
                let result = alongside(hash);
                tell.recv().unwrap_or(false).then(|| then(result))
            });
            let committed = self.exchange(&written, &manifest, hash);
            let _ = exchanged.send(committed.is_ok());
            if committed.is_ok() && copy_wanted {
                // Tests hold the copy back here, to see that `then` does not wait for it.
                #[cfg(test)]
                if let Some(gate) = &gate {
                    let _ = gate.recv_timeout(std::time::Duration::from_secs(60));
                    // ...and until the cache is in place, so they know where it stops.
                    while !beside.is_finished() {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                }
                let copy = Copy {
                    target,
                    staging,
                    written: &written,
                    manifest: &manifest,
                    hash,
                    bound: Bound {
                        stop: cache_done,
                        floor,
                    },
                };
                copy.leave();
            }
            let then = beside
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let warnings = committed?;
            Ok((warnings, then.expect("the exchange was done")))
        })
    }

    /// The rest of [`Output::commit_with`]: the spare pruned to `written` and the files
    /// added by hand, the folders' record and the marker `manifest` (hashing as
    /// `hash`) written, the trees exchanged.
    fn exchange(
        mut self,
        written: &HashMap<String, Written>,
        manifest: &str,
        hash: u128,
    ) -> Result<Vec<Diagnostic>, Diagnostic> {
        let mut warnings = std::mem::take(&mut self.dropped);
        prune(&self.staging, &self.spare, written)?;
        let mut kept_by_hand = Vec::new();
        for key in self.by_hand.iter().filter(|k| !written.contains_key(*k)) {
            let (from, to) = (self.target.join(key), self.staging.join(key));
            let kept = self.make_folders(Path::new(key)).is_ok()
                && self
                    .replace(&to, |tmp| match fs::hard_link(&from, tmp) {
                        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                            create_new(tmp, &fs::read(&from)?).map(drop)
                        }
                        linked => linked,
                    })
                    .is_ok();
            if kept {
                kept_by_hand.push(key.as_str());
            } else {
                warnings.push(Diagnostic::new(
                    Kind::Skipped,
                    &from,
                    "a file added to the output by hand could not be kept: the build \
                     writes a page where it was",
                ));
            }
        }
        // The folders' times, read once nothing but the marker will change in them,
        // let the next build's walks skip the folders that stay as they are.
        let mut times = folder_times(&self.staging, written.keys(), &kept_by_hand);
        // The live output becomes the spare: its record is kept with the new tree's.
        if let Some(tree) = Tree::at(&self.staging, hash) {
            folders::write(&self.target, tree, self.live_tree, &mut times);
        }
        self.replace(&self.staging.join(MARKER), |tmp| {
            create_new(tmp, manifest.as_bytes())
        })
        .map_err(|e| Diagnostic::io(&self.target.join(MARKER), "write", &e))?;
        // Should the exchange fail, the output is as it was and the new tree stays
        // as the next build's spare.
        swap(&self.staging, &self.target)?;
        Ok(warnings)
    }
}

/// A file of `written` that is also a folder above another of its files: the pair,
/// file first. Linear in the number of path components.
pub(super) fn folder_clash<V>(written: &HashMap<String, V>) -> Option<(&str, &str)> {
    written.keys().find_map(|key| {
        folders_above(key)
            .find(|folder| written.contains_key(*folder))
            .map(|folder| (folder, key.as_str()))
    })
}

/// Sets its flag when dropped.
struct Done<'a>(&'a AtomicBool);

impl Drop for Done<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}
