//! Stage 5: the output folder, written so that a failed or interrupted build changes
//! nothing.
//!
//! The output is double-buffered. Beside it, `.public.wsis-staging` (`.<output>.wsis-
//! staging`) holds the spare: the tree the output showed before the last build (or,
//! after a build into an empty output, a copy of the live one), with its own marker.
//! A build updates the spare into the new site; only when every page rendered and
//! every link resolved is it exchanged with the output, in one atomic
//! `renameat2(RENAME_EXCHANGE)` on Linux, and the previous output, now at the staging
//! path, stays there as the next build's spare. Whenever the build is stopped, even by
//! `SIGKILL`, the output is wholly the previous site or wholly the new one. The spare
//! is never served, and is safe to delete: the next build then writes a whole tree.
//! A build into an output that had no tree of wsis's own (empty or missing) has no
//! previous tree to keep: it leaves a copy of the new one, hard links, as the spare
//! (as much of it as is made while its cache is written: [`spare`]). One build at a time uses these folders: a build holds a lock beside
//! the output until it is done ([`lock`]).
//! Elsewhere (and on file systems without the exchange) two renames do it, and a build
//! killed between them is repaired by the next one. `wsis` refuses to replace a folder
//! it did not create, or one that holds the site's sources.
//!
//! The spare and the output share most files through hard links, so a file of the
//! spare is never opened for writing: every file placed in it is created under a
//! temporary name and renamed over. Each marker lists its tree's files with hash, size
//! and modification time. A file of the new build whose bytes hash as the spare's
//! manifest says, and which nobody touched since (same size and time), is left as it
//! is; else, if the output's manifest says the same of the live file, that file is
//! hard-linked in; else the bytes are written. Before the exchange, whatever the build
//! did not write is removed from the spare (stale pages, what a killed build left,
//! what someone put there before the build: the walk of the spare at its start
//! listed them, so the commit touches only those), and files added to the output by
//! hand are hard-linked in, unless the build now writes a file of that name. Nothing is ever written or deleted
//! through a symbolic link: links found in the spare are removed before the build
//! writes, and links in the output are dropped from the new tree, with a warning.
//!
//! A staging folder without a valid marker (left by a build killed before its first
//! exchange, or not wsis's own) is removed, as is the aside folder of the fallback.
//! Deleting the previous tree on every build cost 0.2 to 2.5 s on a 1,000-report
//! site (3,300 files), nearly all of it waiting on the file system journal; updating
//! the spare touches only the files that changed. The walks of the output and of
//! the spare in `prepare` run at once, beside the reading of the build cache; the
//! commit removes what the walk of the spare found stale, writes the marker and
//! exchanges the trees: 230 ms at 10,000 reports while it walked the spare again,
//! 50 ms since (release build, one report edited). The build cache is written
//! meanwhile ([`Output::commit_with`]), once the new marker's bytes are known.

mod claims;
mod commit;
mod folders;
mod lock;
mod manifest;
mod names;
mod spare;
mod swap;
mod tree;
mod walk;

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::{Sink, lock};
use crate::urls::slash_path;

pub use manifest::MARKER;
pub(crate) use names::{absolute, check_name};

pub(crate) use claims::Claims;
#[cfg(test)]
use commit::folder_clash;
use folders::Tree;
use manifest::{Written, read_manifest, unchanged};
use names::folders_above;
use names::{resolved, sibling};
use swap::swap;
use tree::{
    Spare, Survey, clean_leftovers, create_new, remove_entry, remove_tree, same_file, survey,
    survey_spare, temporary,
};
use walk::{Listing, modified_file};

/// The incremental build's cache of the output folder `target`: beside it, never
/// inside the served tree (`.public.wsis-cache`).
pub(crate) fn cache_path(target: &Path) -> PathBuf {
    sibling(target, "wsis-cache")
}

/// The incremental build's checked reports beside the output folder `target`, next to
/// its cache (`.public.wsis-reports`).
pub(crate) fn reports_path(target: &Path) -> PathBuf {
    sibling(target, "wsis-reports")
}

/// The search index's memory of its documents beside the output folder `target`
/// (`.public.wsis-search`, [`crate::search::Memo`]).
pub(crate) fn search_path(target: &Path) -> PathBuf {
    sibling(target, "wsis-search")
}

/// An output folder being written.
#[derive(Debug)]
pub(crate) struct Output {
    /// The final output folder.
    target: PathBuf,
    /// The spare tree, beside the output: the build before the last one, which this
    /// build updates into the new tree until it is committed.
    staging: PathBuf,
    /// The spare's files as its manifest lists them and the survey found them (a file
    /// of the new build whose bytes and stat still match is left as it is), and what
    /// else it holds, removed before the exchange.
    spare: Spare,
    /// The previous output's files as its manifest lists them, when it is wsis's own,
    /// so that unchanged ones may be linked rather than written; only regular files
    /// reached without following a link.
    previous: HashMap<String, Written>,
    /// Files of the previous output that no build wrote (added by hand): kept.
    by_hand: Vec<String>,
    /// Whether the previous output's manifest lists files no longer there (removed by
    /// hand): `previous` is then not every file the previous build wrote.
    missing: bool,
    /// Symbolic links and special files found in the previous output: dropped.
    dropped: Vec<Diagnostic>,
    /// The files of this build so far, by path relative to the output, with `/`.
    written: Mutex<HashMap<String, Written>>,
    /// Every path this build has begun to write, claimed before the file system is
    /// touched. Pages and static files are written in parallel: when one removes the
    /// folder or file the other needs, the one that fails finds the other's claim
    /// here and reports the clash, whichever of the two got further.
    claimed: Mutex<Claims>,
    /// The number of the next temporary file.
    temporaries: AtomicU64,
    /// Whether the staging folder is a spare kept from earlier builds, rather than a
    /// folder this build created.
    reused: bool,
    /// The live output, when it has a marker: its record of folders is kept for it
    /// as the next build's spare.
    live_tree: Option<Tree>,
    /// The output folder's lock, held from before the folders beside it are looked
    /// at until the build's cache and spare are in place ([`lock`]).
    lock: lock::BuildLock,
    /// In tests, what the spare's copy waits for before it begins.
    #[cfg(test)]
    copy_gate: Mutex<Option<std::sync::mpsc::Receiver<()>>>,
    /// In tests, how many entries the spare's copy makes past the cache's install
    /// ([`spare::ALWAYS_COPIED`] otherwise).
    #[cfg(test)]
    copy_floor: Option<usize>,
}

impl Output {
    /// [`Output::prepare_with`] with nothing alongside.
    #[cfg(test)]
    pub(crate) fn prepare(root: &Path, target: &Path) -> Result<Output, Diagnostic> {
        Output::prepare_with(root, target, |_| ()).map(|(output, ())| output)
    }

    /// Checks that `target` may be replaced by a build of the site at `root`, cleans
    /// what an earlier build left beside it, and finds or creates the spare tree,
    /// running `alongside` while the output and the spare are walked: the build reads
    /// its cache there, and the three take as long as the longest. `alongside` is given
    /// an XXH3-128 of the live output's marker as this build found it (`None` when the
    /// output has none): the incremental build's cache names the output it describes
    /// by it.
    pub(crate) fn prepare_with<T: Send>(
        root: &Path,
        target: &Path,
        alongside: impl FnOnce(Option<u128>) -> T + Send,
    ) -> Result<(Output, T), Diagnostic> {
        let root_abs = resolved(root);
        let target_abs = resolved(target);
        let refuse = |why: String| {
            Diagnostic::new(Kind::Output, target, why)
                .help("choose an output folder of its own, such as `public` under the site root")
        };
        if root_abs.starts_with(&target_abs) {
            return Err(refuse(format!(
                "the output folder {} holds the site's sources: building would delete them",
                target.display()
            )));
        }
        for source in ["content", "themes", "static", "site.toml"] {
            if target_abs.starts_with(root_abs.join(source)) {
                return Err(refuse(format!(
                    "the output folder {} is inside the site's `{source}`",
                    target.display()
                )));
            }
        }
        // What the output is, first without the lock, so that a refused build writes
        // nothing beside it; then again under the lock, once what an earlier build
        // left is cleaned (a killed build's output put back in its place).
        found_output(target, &refuse, false)?;
        let mut build_lock = lock::take(target)?;
        let spare_marker = clean_leftovers(target)?;
        let (marker_hash, manifest, written_at) = match found_output(target, &refuse, true)? {
            Some(Marker { hash, text, time }) => (Some(hash), text, time),
            None => (None, String::new(), None),
        };
        let staging = sibling(target, "wsis-staging");
        let reused = spare_marker.is_some();
        let live_tree = marker_hash.and_then(|m| Tree::at(target, m));
        let survey_output = || {
            let t = std::time::Instant::now();
            let listed = read_manifest(&manifest);
            if listed.is_empty() {
                // No manifest (an empty site, or an older wsis): every file is the
                // build's own, and the new tree replaces them all.
                Ok(Survey::default())
            } else {
                let listing =
                    Listing::new(listed.keys(), &folders::read(target, live_tree), written_at);
                let surveyed = survey(target, listed, &listing);
                crate::pipeline::timing("output: the live output surveyed", t);
                surveyed
            }
        };
        let survey_staging = || match &spare_marker {
            Some(marker) => {
                let t = std::time::Instant::now();
                let listed = read_manifest(marker);
                let written_at = modified_file(&staging.join(MARKER));
                let tree = Tree::at(&staging, xxhash_rust::xxh3::xxh3_128(marker.as_bytes()));
                let listing = Listing::new(listed.keys(), &folders::read(target, tree), written_at);
                let surveyed = survey_spare(&staging, listed, &listing);
                crate::pipeline::timing("output: the spare surveyed", t);
                surveyed
            }
            None => {
                fs::create_dir_all(&staging)
                    .map_err(|e| Diagnostic::io(&staging, "create the staging folder", &e))?;
                Ok(Spare::default())
            }
        };
        // Both walks wait mostly on the file system, and the cache is read meanwhile.
        let (beside, (surveyed, spare)) = rayon::join(
            || alongside(marker_hash),
            || rayon::join(survey_output, survey_staging),
        );
        let Survey {
            previous,
            by_hand,
            mut dropped,
            missing,
        } = surveyed?;
        // Said with the build's other warnings about its output.
        dropped.extend(build_lock.warning.take());
        let spare = spare?;
        let output = Output {
            target: target.to_path_buf(),
            staging,
            spare,
            previous,
            by_hand,
            missing,
            dropped,
            written: Mutex::default(),
            claimed: Mutex::default(),
            temporaries: AtomicU64::new(0),
            reused,
            live_tree,
            lock: build_lock,
            #[cfg(test)]
            copy_gate: Mutex::new(None),
            #[cfg(test)]
            copy_floor: None,
        };
        Ok((output, beside))
    }

    /// Writes `bytes` to `rel` inside the new tree. `rel` comes from validated slugs
    /// and theme file names; anything that could climb out is refused anyway.
    pub(crate) fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let key = self.claim(rel)?;
        self.store(&key, rel, bytes, xxhash_rust::xxh3::xxh3_128(bytes))
    }

    /// Keeps the file `rel` of the live output in the new tree, without its bytes in
    /// hand, when the output's manifest says it holds `hash` and nobody touched it
    /// since: for the incremental build's pages that would render as they did.
    /// `Ok(false)` when it cannot (the file is gone, changed, or already written): the
    /// caller then renders the page and writes it.
    pub(crate) fn keep(&self, rel: &Path, hash: u128) -> Result<bool, Diagnostic> {
        let key = slash_path(rel);
        let Some(before) = self.previous.get(&key).filter(|w| w.hash == hash) else {
            return Ok(false);
        };
        let len = before.len as usize;
        if lock(&self.claimed).contains(&key) {
            return Ok(false);
        }
        // In the steady state of an edit-and-build loop the spare holds the page
        // already: one `stat`, and the live file need not be looked at.
        if let Some(same) = unchanged(&self.spare.listed, &self.staging, &key, hash, len) {
            let key = self.claim(rel)?;
            lock(&self.written).insert(key, same);
            return Ok(true);
        }
        if unchanged(&self.previous, &self.target, &key, hash, len).is_none() {
            return Ok(false);
        }
        let key = self.claim(rel)?;
        if self.reuse(&key, rel, hash, len)? {
            return Ok(true);
        }
        // No hard links here: the live file's bytes, checked again, are written.
        let from = self.target.join(rel);
        let bytes = fs::read(&from).map_err(|e| Diagnostic::io(&from, "read", &e))?;
        if xxhash_rust::xxh3::xxh3_128(&bytes) != hash {
            return Err(Diagnostic::new(
                Kind::Output,
                &from,
                "the file changed while the build was keeping it",
            )
            .help("build again, or with --fresh"));
        }
        self.store(&key, rel, &bytes, hash)?;
        Ok(true)
    }

    /// Claims `rel` for this build (see [`Output::claimed`]), refusing a path outside
    /// the output, with a reserved name, or naming on a file system blind to case a
    /// file or folder claimed under another spelling ([`Claims::insert`]); its key,
    /// with `/`.
    fn claim(&self, rel: &Path) -> Result<String, Diagnostic> {
        if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::new(
                Kind::Output,
                rel,
                "refusing to write outside the output folder",
            ));
        }
        check_name(rel, rel)?;
        let key = slash_path(rel);
        // Pages and static files are written at once: two writes of one file (a
        // static `fr/index.html` and the French home page) would leave whichever
        // came last.
        let claimed = lock(&self.claimed).insert(&key);
        match claimed {
            Ok(()) => Ok(key),
            Err(refused) => Err(refused.diagnostic(&self.target.join(rel))),
        }
    }

    /// Puts `bytes` (hashing as `hash`) at the claimed `key`: reused from the spare or
    /// the live output when one holds them, else written.
    fn store(&self, key: &str, rel: &Path, bytes: &[u8], hash: u128) -> Result<(), Diagnostic> {
        if self.reuse(key, rel, hash, bytes.len())? {
            return Ok(());
        }
        let shown = self.target.join(rel);
        let path = self.staging.join(rel);
        let meta = self
            .replace(&path, |tmp| create_new(tmp, bytes))
            .map_err(|e| self.failed(key, &shown, "write", &e))?;
        lock(&self.written).insert(key.to_string(), Written::stat(hash, &meta));
        Ok(())
    }

    /// Puts the file `key` holding `hash` in the new tree without its bytes, when the
    /// spare already holds it untouched (nothing to do) or the live output does (a
    /// hard link); `false` when neither can, and the bytes must be written.
    fn reuse(&self, key: &str, rel: &Path, hash: u128, len: usize) -> Result<bool, Diagnostic> {
        if let Some(same) = unchanged(&self.spare.listed, &self.staging, key, hash, len) {
            lock(&self.written).insert(key.to_string(), same);
            return Ok(true);
        }
        let shown = self.target.join(rel);
        let path = self.staging.join(rel);
        self.make_folders(rel)
            .map_err(|e| self.failed(key, &shown, "create folder", &e))?;
        if let Some(same) = unchanged(&self.previous, &self.target, key, hash, len) {
            // A link to the live file keeps its time, so the manifest entry stays
            // true; a file system without hard links gets the bytes instead.
            let from = self.target.join(rel);
            // Already that very file (a build killed before its marker was written
            // left it linked): renaming a link over another of the same file does
            // nothing, and would leave the temporary name behind.
            if self.reused && same_file(&from, &path) {
                lock(&self.written).insert(key.to_string(), same);
                return Ok(true);
            }
            if self.replace(&path, |tmp| fs::hard_link(&from, tmp)).is_ok() {
                lock(&self.written).insert(key.to_string(), same);
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The error for a write of `key` that failed with `e`: a clash when this build
    /// also claimed a folder above `key` as a file, or a file below `key` (the other
    /// writer may have removed what this one needed), else the I/O error.
    fn failed(&self, key: &str, shown: &Path, what: &str, e: &std::io::Error) -> Diagnostic {
        let claimed = lock(&self.claimed);
        if let Some(file) = folders_above(key).find(|folder| claimed.contains(folder)) {
            return clash(&self.target, file, key);
        }
        match claimed.first_under(key) {
            Some(inside) => clash(&self.target, key, &inside),
            None => Diagnostic::io(shown, what, e),
        }
    }

    /// Makes the folders above `rel` in the spare, removing a stale file of the spare
    /// where a folder must now be (a page that became a folder of pages).
    fn make_folders(&self, rel: &Path) -> std::io::Result<()> {
        let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) else {
            return Ok(());
        };
        let dir = self.staging.join(parent);
        if fs::create_dir_all(&dir).is_ok() {
            return Ok(());
        }
        let mut at = self.staging.clone();
        for part in parent.components() {
            at.push(part);
            let in_the_way = fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir());
            // A file this build writes is never removed: the build itself clashes.
            let ours = || {
                at.strip_prefix(&self.staging)
                    .is_ok_and(|r| lock(&self.claimed).contains(&slash_path(r)))
            };
            if in_the_way && !ours() {
                remove_entry(&at)?;
            }
        }
        fs::create_dir_all(&dir)
    }

    /// Puts a new file at `path` in the spare: `fill` creates it under a temporary
    /// name, which is then renamed over `path`. A file of the spare is never opened
    /// for writing, as it may be the same file as one of the live output.
    fn replace<T>(
        &self,
        path: &Path,
        fill: impl Fn(&Path) -> std::io::Result<T>,
    ) -> std::io::Result<T> {
        // A staging folder this build made holds no file of the live output's nor of
        // an earlier build: a file is made in its place, saving a rename per file of
        // a fresh build (and of a build whose spare was deleted, which links every
        // page).
        // Something already there (this build's own clash) takes the path below.
        if !self.reused {
            match fill(path) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                made => return made,
            }
        }
        let tmp = temporary(path, self.temporaries.fetch_add(1, Ordering::Relaxed));
        let made = match fill(&tmp) {
            // Left by a killed build of the same process id: only a name to remove.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                fs::remove_file(&tmp)?;
                fill(&tmp)?
            }
            made => made?,
        };
        let renamed = fs::rename(&tmp, path).or_else(|e| {
            // A stale folder of the spare where the build now has a file.
            if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
                remove_tree(path)?;
                fs::rename(&tmp, path)
            } else {
                Err(e)
            }
        });
        if let Err(e) = renamed {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(made)
    }

    /// Leaves the output as it was. A spare, half updated, stays: it is never served,
    /// and the next build updates it again; a staging folder this build created, with
    /// no marker, goes.
    pub(crate) fn abandon(self) {
        if !self.reused {
            let _ = remove_entry(&self.staging);
        }
    }
}

/// The live output's marker as a build found it: its hash, its text and its time.
struct Marker {
    hash: u128,
    text: String,
    time: Option<u128>,
}

/// What is at the output path `target`: nothing or an empty folder (`None`), or a
/// folder of wsis's own with its marker (read when `read_marker`, else `None`);
/// refused (`refuse` says why) when it is a link, not a folder, or a folder holding
/// files wsis did not write.
fn found_output(
    target: &Path,
    refuse: &dyn Fn(String) -> Diagnostic,
    read_marker: bool,
) -> Result<Option<Marker>, Diagnostic> {
    match fs::symlink_metadata(target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::io(target, "read the output folder", &e)),
        Ok(meta) if meta.file_type().is_symlink() => Err(refuse(format!(
            "{} is a symbolic link: wsis replaces the output folder, never what a \
                 link points to",
            target.display()
        ))
        .help("give the folder the link points to with --output, or remove the link")),
        Ok(meta) if !meta.is_dir() => Err(refuse(format!(
            "{} exists and is not a folder",
            target.display()
        ))),
        Ok(_) => {
            let empty = fs::read_dir(target)
                .map_err(|e| Diagnostic::io(target, "read the output folder", &e))?
                .next()
                .is_none();
            let marker = target.join(MARKER);
            let ours = fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file());
            if !empty && !ours {
                return Err(refuse(format!(
                    "{} already holds files that wsis did not write; it will not replace them",
                    target.display()
                ))
                .help("empty or remove the folder yourself, or choose another with --output"));
            }
            if !ours || !read_marker {
                return Ok(None);
            }
            let bytes = crate::load::read_regular(&marker, &marker, None)?;
            Ok(Some(Marker {
                hash: xxhash_rust::xxh3::xxh3_128(&bytes),
                text: String::from_utf8_lossy(&bytes).into_owned(),
                time: modified_file(&marker),
            }))
        }
    }
}

impl Sink for Output {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.write(rel, &bytes)
    }
    fn keep(&self, rel: &Path, hash: u128) -> Result<bool, Diagnostic> {
        Output::keep(self, rel, hash)
    }
    fn has(&self, rel: &Path) -> bool {
        lock(&self.written).contains_key(slash_path(rel).as_str())
    }
    fn keeps_every_file(&self) -> bool {
        let written = lock(&self.written);
        !self.missing && self.previous.keys().all(|key| written.contains_key(key))
    }
}

/// The error for a build that writes `file` both as a file and as the folder of
/// `inside`.
fn clash(target: &Path, file: &str, inside: &str) -> Diagnostic {
    claims::file_and_folder(&target.join(file), file, inside)
}

#[cfg(test)]
mod tests;
