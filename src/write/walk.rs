//! Walking a tree an earlier build wrote, reading only the folders that changed since.
//!
//! Listing the ~15,000 folders of a 10,000-report site's output and again of its
//! spare took 250-320 ms of every incremental build (an `open`, two `getdents` and a
//! `close` each), though nearly none of them had changed. The manifest now records
//! each folder's modification time at the commit; a folder whose time is still that
//! holds what it held then (creating, removing or renaming an entry in a folder sets
//! its time), so its entries are taken from the manifest with one `stat` instead of
//! being listed. A file edited in place leaves its folder's time alone; that is
//! caught where a file is reused, by its own size and time.
//!
//! A folder's time is trusted only when it is older than the marker by more than
//! the file system's clock step: a change made in the same step as the build's last
//! change to a folder would leave the same time. File systems that keep whole seconds
//! (FAT, HFS+) get two seconds, the others 100 ms (Linux stamps files from a clock
//! that moves in steps of at most 10 ms).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::diagnostic::Diagnostic;
use crate::stamp::clock_step;

/// What a tree's manifest says of its folders, for [`walk`].
#[derive(Debug, Default)]
pub(super) struct Listing {
    /// Each folder's files, by folder key (`""` for the tree's root), as keys.
    files: HashMap<String, Vec<String>>,
    /// Each folder's subfolders, as keys.
    folders: HashMap<String, Vec<String>>,
    /// The folders whose recorded time may be trusted: their time, in nanoseconds.
    times: HashMap<String, u128>,
}

impl Listing {
    /// The listing of a tree whose manifest lists `files` and `folders` (with their
    /// times, `None` where the folder's listing was not the manifest's alone), the
    /// marker written at `written_at` (nanoseconds since the epoch).
    pub(super) fn new<'a>(
        files: impl Iterator<Item = &'a String>,
        folders: &HashMap<String, Option<u128>>,
        written_at: Option<u128>,
    ) -> Listing {
        let mut listing = Listing::default();
        let Some(written_at) = written_at else {
            return listing;
        };
        for key in files {
            let (folder, _) = split(key);
            listing
                .files
                .entry(folder.to_string())
                .or_default()
                .push(key.clone());
        }
        for (key, time) in folders {
            let (above, _) = split(key);
            listing
                .folders
                .entry(above.to_string())
                .or_default()
                .push(key.clone());
            if let Some(time) = *time
                && time.saturating_add(clock_step(time)) < written_at
            {
                listing.times.insert(key.clone(), time);
            }
        }
        listing
    }
}

/// The folder of `key` and its name (`("", key)` at the root).
fn split(key: &str) -> (&str, &str) {
    key.rsplit_once('/').unwrap_or(("", key))
}

/// The modification time of the folder `path`, not following a link, in nanoseconds.
pub(super) fn modified(path: &Path) -> Option<u128> {
    let meta = fs::symlink_metadata(path).ok()?;
    meta.is_dir().then(|| nanos(&meta)).flatten()
}

/// The modification time of the regular file `path`, as [`modified`] for a folder.
pub(super) fn modified_file(path: &Path) -> Option<u128> {
    let meta = fs::symlink_metadata(path).ok()?;
    meta.is_file().then(|| nanos(&meta)).flatten()
}

/// `meta`'s modification time in nanoseconds since the epoch.
fn nanos(meta: &fs::Metadata) -> Option<u128> {
    let time = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(time.as_nanos())
}

/// An entry [`walk`] found.
#[derive(Debug)]
pub(super) enum Found {
    /// A regular file, by key.
    File(String),
    /// A folder holding nothing, by key.
    Empty(String),
    /// A symbolic link or special file: its key, path and type.
    Other(String, PathBuf, fs::FileType),
}

/// Walks the tree at `root` without following links, giving `found` each regular
/// file, empty folder and other entry; folders whose time `listing` trusts and finds
/// unchanged are not read. Returns how many folders were read. An explicit stack, as
/// a tree may be any depth.
pub(super) fn walk(
    root: &Path,
    listing: &Listing,
    mut found: impl FnMut(Found) -> Result<(), Diagnostic>,
) -> Result<usize, Diagnostic> {
    let mut read = 0;
    let mut stack = vec![String::new()];
    while let Some(folder) = stack.pop() {
        let path = if folder.is_empty() {
            root.to_path_buf()
        } else {
            root.join(&folder)
        };
        let unchanged = listing
            .times
            .get(&folder)
            .is_some_and(|&time| modified(&path) == Some(time));
        if unchanged {
            let files = listing.files.get(&folder).map_or(&[][..], Vec::as_slice);
            let folders = listing.folders.get(&folder).map_or(&[][..], Vec::as_slice);
            if files.is_empty() && folders.is_empty() {
                found(Found::Empty(folder))?;
                continue;
            }
            for file in files {
                found(Found::File(file.clone()))?;
            }
            stack.extend(folders.iter().cloned());
            continue;
        }
        let io = |e: std::io::Error| Diagnostic::io(&path, "read the output folder", &e);
        let entries = match fs::read_dir(&path) {
            // Listed by a record that no longer holds (or removed meanwhile): there
            // is nothing in it to find.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !folder.is_empty() => continue,
            entries => entries.map_err(io)?,
        };
        read += 1;
        let mut empty = true;
        for entry in entries {
            let entry = entry.map_err(io)?;
            empty = false;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let key = if folder.is_empty() {
                name.into_owned()
            } else {
                format!("{folder}/{name}")
            };
            // The entry's own type, as the folder lists it: a link is not followed.
            let file_type = entry.file_type().map_err(io)?;
            if file_type.is_dir() {
                stack.push(key);
            } else if file_type.is_file() {
                found(Found::File(key))?;
            } else {
                found(Found::Other(key, entry.path(), file_type))?;
            }
        }
        if empty && !folder.is_empty() {
            found(Found::Empty(folder))?;
        }
    }
    crate::pipeline::stat("output: folders read by a walk", read);
    Ok(read)
}

/// The folders of a tree holding the files `written` (every folder above one) with
/// their times under `dir`, to record in its manifest: `None` for the folders
/// holding a file of `unlisted` (files the manifest does not list, such as those
/// added by hand) and for those whose time cannot be read.
pub(super) fn folder_times<'a>(
    dir: &Path,
    written: impl Iterator<Item = &'a String>,
    unlisted: &[&'a str],
) -> Vec<(String, Option<u128>)> {
    use rayon::prelude::*;
    let mut folders: HashMap<&str, bool> = HashMap::new();
    for key in written {
        // A name with a line break is not in the manifest.
        add_folders(&mut folders, key, !key.contains('\n'));
    }
    for key in unlisted {
        add_folders(&mut folders, key, false);
    }
    folders.remove("");
    let folders: Vec<(&str, bool)> = folders.into_iter().collect();
    folders
        .par_iter()
        .map(|&(key, listed)| {
            let time = if listed {
                modified(&dir.join(key))
            } else {
                None
            };
            (key.to_string(), time)
        })
        .collect()
}

/// Adds the folders above `key` to `folders`, the one holding it marked as listing
/// files the manifest does not (`false`) unless `listed`.
fn add_folders<'a>(folders: &mut HashMap<&'a str, bool>, key: &'a str, listed: bool) {
    let mut folder = split(key).0;
    if !listed {
        folders.insert(folder, false);
    }
    while !folder.is_empty() {
        folders.entry(folder).or_insert(true);
        folder = split(folder).0;
    }
}
