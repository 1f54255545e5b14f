//! The spare left by a build whose output had none to give.
//!
//! A build into an empty or missing output folder (a fresh build's usual case) has no
//! previous tree to exchange with its new one, so it used to leave no spare, and the
//! next build made one: a folder and a hard link for every page of the live output
//! (about 15,000 folders and 21,000 files at 10,000 reports, 1.2 s of system time,
//! most of it `mkdir`), which made the first edit build after a fresh one 0.16x of it
//! where the next was 0.08x. Such a build now makes that copy itself, once its output
//! is in place, while its cache is written ([`super::Output::commit_with`]); the cache
//! is put in place as soon as it is written, so a build stopped while it copies has
//! lost nothing but the copy, and the next build makes the spare as before.
//!
//! The copy is bounded by the cache's write: once the cache is in place it stops,
//! past its first [`ALWAYS_COPIED`] entries (a folder begun is finished), and what it
//! made is left as a spare of its own, whose marker lists only the files it holds; a
//! folder it made that holds none of them is removed. The next build links the rest
//! from the live output (a temporary name and a rename each, as into any spare). At
//! 10,000 reports the copy is about as long as the cache's write, so it may be whole
//! or nearly; at 100,000 (150,000 folders and 216,000 links, 5 to 16 s of system time
//! depending on how many inodes were freshly deleted) the two slowed each other, and
//! the commit stage grew from 5 s to 16-19 s. The copy still shares the cores with the
//! cache's write while both run.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::folders::{self, Tree};
use super::manifest::{MARKER, Written, write_manifest};
use super::names::sibling;
use super::tree::{create_new, remove_entry};
use super::walk::folder_times;

/// Where the copy is made before it is moved to the staging path: a build killed
/// meanwhile leaves it, and the next removes it ([`super::tree::clean_leftovers`]),
/// so a half-made copy is never taken for a spare.
pub(super) fn copy_path(target: &Path) -> PathBuf {
    sibling(target, "wsis-spare")
}

/// A copy of the output `target` just committed, to be put at `staging` as the spare.
#[derive(Debug)]
pub(super) struct Copy<'a> {
    pub(super) target: PathBuf,
    pub(super) staging: PathBuf,
    /// The files of the output, as its marker lists them.
    pub(super) written: &'a HashMap<String, Written>,
    /// The output's marker and its XXH3-128.
    pub(super) manifest: &'a str,
    pub(super) hash: u128,
    /// When to stop.
    pub(super) bound: Bound<'a>,
}

/// How many entries (folders and files) of the copy are made even when the cache is
/// already in place: a few thousand cost the build a few tens of milliseconds, and a
/// small site's spare is then always whole.
pub(super) const ALWAYS_COPIED: usize = 4096;

/// How far a copy goes: on until `stop` is set (the cache is in place), then until
/// `floor` entries are made.
#[derive(Debug, Clone, Copy)]
pub(super) struct Bound<'a> {
    pub(super) stop: &'a AtomicBool,
    pub(super) floor: usize,
}

/// What [`link_tree`] made: the files linked, and whether they are all it was given.
struct Linked<'a> {
    files: Vec<&'a String>,
    /// The folders made that hold no file of their own, by key, shallowest first:
    /// only these can be left empty by a copy stopped before their subfolders.
    bare: Vec<&'a str>,
    whole: bool,
}

impl Copy<'_> {
    /// Puts at the staging path a copy of the output, each file hard-linked, under a
    /// marker and a record of folders of its own, so that the next build finds a spare
    /// as after any other. The staging path holds nothing of value here: nothing, or
    /// the empty folder the output was; anything else there (put by hand) is left, and
    /// no copy is made. A copy that fails half way (no hard links on this file system,
    /// a full disk) is removed: the next build makes the spare.
    pub(super) fn leave(&self) {
        let t = std::time::Instant::now();
        let vacant = match fs::symlink_metadata(&self.staging) {
            Err(e) => e.kind() == io::ErrorKind::NotFound,
            Ok(meta) => {
                meta.is_dir() && fs::read_dir(&self.staging).is_ok_and(|mut e| e.next().is_none())
            }
        };
        if !vacant {
            return;
        }
        let copy = copy_path(&self.target);
        let made = || -> io::Result<Option<Linked<'_>>> {
            let linked = link_tree(&self.target, &copy, self.written.keys(), self.bound)?;
            if linked.files.is_empty() && !linked.whole {
                return Ok(None);
            }
            // A copy stopped half way is a spare of its own: its marker lists only
            // the files it holds, and names its own record of folders.
            let part;
            let (manifest, hash) = if linked.whole {
                (self.manifest, self.hash)
            } else {
                let held: HashSet<&str> = linked.files.iter().map(|k| k.as_str()).collect();
                part = write_manifest(
                    self.written
                        .iter()
                        .filter(|(k, _)| held.contains(k.as_str())),
                );
                // A folder made without a file of its own, whose subfolders were not
                // begun, holds nothing: no file's folder, it would be in no record,
                // and a walk trusting its parent's time would never find it to remove.
                for folder in linked.bare.iter().rev().filter(|f| !f.is_empty()) {
                    let _ = fs::remove_dir(copy.join(folder));
                }
                (part.as_str(), xxhash_rust::xxh3::xxh3_128(part.as_bytes()))
            };
            // The marker last: the next walk trusts a folder's time only when it is
            // older than its tree's marker.
            create_new(&copy.join(MARKER), manifest.as_bytes())?;
            let mut times = folder_times(&copy, linked.files.iter().copied(), &[]);
            let tree = Tree::at(&copy, hash);
            // Replaces an empty folder, and fails on one holding anything.
            fs::rename(&copy, &self.staging)?;
            // Recorded once the copy is the spare (the rename keeps its folders'
            // inodes and times), with the live output's record kept.
            if let Some(tree) = tree {
                let output = Tree::at(&self.target, self.hash);
                folders::write(&self.target, tree, output, &mut times);
            }
            Ok(Some(linked))
        };
        let what = match made() {
            Ok(Some(linked)) if linked.whole => "output: a spare made for the next build",
            Ok(Some(_)) => {
                "output: part of a spare made for the next build (stopped once the cache was in place)"
            }
            Ok(None) => {
                let _ = remove_entry(&copy);
                "output: no spare made (the cache was in place first)"
            }
            Err(_) => {
                let _ = remove_entry(&copy);
                "output: the spare's copy failed, removed"
            }
        };
        crate::pipeline::timing(what, t);
    }
}

/// Makes the folder `to` (which must not exist) hold the files `files` of the tree
/// `from`, each hard-linked, in folders named as there, as far as `bound` lets it.
/// Folders are made a depth at a time, those of one depth on all cores, each with its
/// files linked right after it: the kernel makes the folders of one parent one at a
/// time, but links into one folder meanwhile. A folder is made with all its files or
/// not at all, and once one is left out no deeper one is begun, so what is made is a
/// tree whose every folder holds all its files.
fn link_tree<'a>(
    from: &Path,
    to: &Path,
    files: impl Iterator<Item = &'a String>,
    bound: Bound<'_>,
) -> io::Result<Linked<'a>> {
    let mut folders: BTreeMap<&str, Vec<&'a String>> = BTreeMap::new();
    folders.insert("", Vec::new());
    for key in files {
        let folder = key.rsplit_once('/').map_or("", |(folder, _)| folder);
        folders.entry(folder).or_default().push(key);
        let mut above = folder;
        while let Some((up, _)) = above.rsplit_once('/') {
            folders.entry(up).or_default();
            above = up;
        }
    }
    let mut depths: Vec<Vec<(&str, Vec<&'a String>)>> = Vec::new();
    for (folder, files) in folders {
        let depth = if folder.is_empty() {
            0
        } else {
            folder.matches('/').count() + 1
        };
        if depths.len() <= depth {
            depths.resize_with(depth + 1, Vec::new);
        }
        depths[depth].push((folder, files));
    }
    let made = AtomicUsize::new(0);
    let go_on =
        || !bound.stop.load(Ordering::Acquire) || made.load(Ordering::Relaxed) < bound.floor;
    let mut linked = Linked {
        files: Vec::new(),
        bare: Vec::new(),
        whole: true,
    };
    for level in &depths {
        let done = level
            .par_iter()
            .map(|(folder, files)| {
                if !go_on() {
                    return Ok(false);
                }
                fs::create_dir(if folder.is_empty() {
                    to.to_path_buf()
                } else {
                    to.join(folder)
                })?;
                files
                    .iter()
                    .try_for_each(|key| fs::hard_link(from.join(key), to.join(key)))?;
                made.fetch_add(1 + files.len(), Ordering::Relaxed);
                Ok(true)
            })
            .collect::<io::Result<Vec<bool>>>()?;
        for ((folder, files), done) in level.iter().zip(done) {
            match done {
                true if files.is_empty() => linked.bare.push(folder),
                true => linked.files.extend(files),
                false => linked.whole = false,
            }
        }
        if !linked.whole {
            break;
        }
    }
    Ok(linked)
}

#[cfg(test)]
#[path = "spare_tests.rs"]
mod tests;
