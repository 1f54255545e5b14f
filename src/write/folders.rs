//! The record of each output tree's folders and their times, beside the output
//! (`.public.wsis-folders/<hash of the tree's marker>`), which lets the walk at the
//! start of a build skip the folders that did not change ([`super::walk`]).
//!
//! It is kept out of the tree, where the marker is, so that the published files stay
//! byte-identical between two builds of the same sources: a folder's time changes
//! whenever the spare's copy of it is made again. Each record is named by the hash of
//! the marker of the tree it describes, so it can only be taken for that tree; a
//! missing or unreadable record makes the walk read every folder.

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::names::sibling;

/// The record of the tree whose marker hashes to `marker` (XXH3-128).
fn record(target: &Path, marker: u128) -> PathBuf {
    sibling(target, "wsis-folders").join(format!("{marker:032x}"))
}

/// The folders of the tree whose marker hashes to `marker`, with their times (`None`
/// where the folder's listing was not the manifest's alone); empty when there is no
/// record. Lines that do not parse are skipped, and no path leads out of the tree.
pub(super) fn read(target: &Path, marker: Option<u128>) -> HashMap<String, Option<u128>> {
    let Some(text) = marker.and_then(|m| fs::read_to_string(record(target, m)).ok()) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let (time, path) = line.split_once(' ')?;
            let inside = Path::new(path)
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
            if !inside || path.is_empty() {
                return None;
            }
            Some((path.to_string(), time.parse().ok()))
        })
        .collect()
}

/// Records `folders` for the tree whose marker hashes to `marker`, and removes the
/// records of other trees but `keep`'s. A failure only costs the next build a full
/// walk, so it is not an error.
pub(super) fn write(
    target: &Path,
    marker: u128,
    keep: Option<u128>,
    folders: &mut [(String, Option<u128>)],
) {
    folders.sort();
    let mut text = String::with_capacity(48 * folders.len());
    for (path, time) in folders.iter().filter(|(p, _)| !p.contains('\n')) {
        let _ = match time {
            Some(time) => writeln!(text, "{time} {path}"),
            None => writeln!(text, "- {path}"),
        };
    }
    let path = record(target, marker);
    let Some(dir) = path.parent() else {
        return;
    };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = dir.join(format!("tmp-{}", std::process::id()));
    if fs::write(&tmp, text).is_err() || fs::rename(&tmp, &path).is_err() {
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(&path);
    }
    let kept = |name: &str| {
        [Some(marker), keep]
            .into_iter()
            .flatten()
            .any(|m| name == format!("{m:032x}"))
    };
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if !kept(&entry.file_name().to_string_lossy()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
