//! The end of a build's writing: the spare made the new tree and exchanged with the
//! output, while what describes that tree (the build cache) is written beside it.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use super::folders::{self, Tree};
use super::manifest::{MARKER, Written, write_manifest};
use super::spare::{Committed, Copy};
use super::tree::{create_new, prune};
use super::walk::folder_times;
use super::{Output, clash, swap};
use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::lock;

impl Output {
    /// Makes the output what this build wrote, plus the files added by hand: the spare
    /// is rid of everything else and exchanged with the output in one step. The
    /// previous output stays beside it as the next build's spare (or, when there was
    /// none, a copy of the new one is left: [`Committed::finish`]). Returns warnings
    /// about what was left out.
    #[cfg(test)]
    pub(crate) fn commit(self) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.commit_with(|_| ()).map(|(warnings, (), committed)| {
            committed.finish();
            warnings
        })
    }

    /// [`Output::commit`], running `alongside` meanwhile: it is given the XXH3-128 of
    /// the marker the new output will have, known before the exchange, and its result
    /// comes back only when the output is committed (dropped otherwise). The build
    /// writes its cache there, under a temporary name, and renames it in afterwards:
    /// the two took as long as both (a tenth of an edit build at 10,000 reports), and
    /// now as long as the longer. A build refused as a clash does not run `alongside`.
    /// The caller puts its cache in place, then calls [`Committed::finish`], which
    /// leaves the spare and releases the output folder's lock.
    pub(crate) fn commit_with<T: Send>(
        mut self,
        alongside: impl FnOnce(u128) -> T + Send,
    ) -> Result<(Vec<Diagnostic>, T, Committed), Diagnostic> {
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
        let build_lock = std::mem::take(&mut self.lock);
        // An output that had no tree of wsis's own leaves no spare in the exchange.
        let copy_wanted = self.live_tree.is_none();
        let (target, staging) = (self.target.clone(), self.staging.clone());
        let (beside, committed) = rayon::join(
            || alongside(hash),
            || self.exchange(&written, &manifest, hash),
        );
        let warnings = committed?;
        let copy = copy_wanted.then_some(Copy {
            target,
            staging,
            written,
            manifest,
            hash,
        });
        Ok((warnings, beside, Committed::new(copy, build_lock)))
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
        key.match_indices('/')
            .map(|(at, _)| &key[..at])
            .find(|folder| written.contains_key(*folder))
            .map(|folder| (folder, key.as_str()))
    })
}
