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

/// The first line of a record, before the hash of the rest: a record of another
/// format, damaged or cut short is not used.
const HEADER: &str = "wsis folders 1";

/// Which tree a record describes: the XXH3-128 of its marker and its root folder's
/// inode (two trees that hold the same files, hard-linked, have the same marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tree {
    /// The hash of the tree's marker.
    pub(super) marker: u128,
    /// The tree's root folder's inode (0 where the system has none).
    pub(super) root: u64,
}

impl Tree {
    /// The tree at `dir` whose marker hashes to `marker`, if its root can be read.
    pub(super) fn at(dir: &Path, marker: u128) -> Option<Tree> {
        let meta = fs::symlink_metadata(dir).ok()?;
        #[cfg(unix)]
        let root = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let root = u64::from(meta.is_dir());
        Some(Tree { marker, root })
    }

    /// The record's file name.
    fn name(self) -> String {
        format!("{:032x}-{}", self.marker, self.root)
    }
}

/// The record of `tree`.
pub(super) fn record(target: &Path, tree: Tree) -> PathBuf {
    sibling(target, "wsis-folders").join(tree.name())
}

/// The folders of `tree`, with their times (`None` where the folder's listing was
/// not the manifest's alone); empty when there is no record, or one that is not whole.
/// No path leads out of the tree.
pub(super) fn read(target: &Path, tree: Option<Tree>) -> HashMap<String, Option<u128>> {
    let Some(text) = tree.and_then(|t| fs::read_to_string(record(target, t)).ok()) else {
        return HashMap::new();
    };
    let Some(body) = whole(&text) else {
        return HashMap::new();
    };
    body.split('\n')
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

/// The lines of a record after its header, when the header's hash is theirs.
fn whole(text: &str) -> Option<&str> {
    let (header, body) = text.split_once('\n')?;
    let hash = header.strip_prefix(HEADER)?.strip_prefix(' ')?;
    (u128::from_str_radix(hash, 16).ok()? == xxhash_rust::xxh3::xxh3_128(body.as_bytes()))
        .then_some(body)
}

/// Records `folders` for `tree`, and removes the records of other trees but `keep`.
/// A failure only costs the next build a full walk, so it is not an error.
pub(super) fn write(
    target: &Path,
    tree: Tree,
    keep: Option<Tree>,
    folders: &mut [(String, Option<u128>)],
) {
    folders.sort();
    let mut body = String::with_capacity(48 * folders.len());
    // A folder whose name has a control character is not recorded (the build refuses
    // such names; one made by hand is read whenever its parent is).
    let recordable = |p: &String| !p.chars().any(char::is_control);
    for (path, time) in folders.iter().filter(|(p, _)| recordable(p)) {
        let _ = match time {
            Some(time) => writeln!(body, "{time} {path}"),
            None => writeln!(body, "- {path}"),
        };
    }
    let hash = xxhash_rust::xxh3::xxh3_128(body.as_bytes());
    let text = format!("{HEADER} {hash:032x}\n{body}");
    let path = record(target, tree);
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
    let kept: Vec<String> = [Some(tree), keep]
        .into_iter()
        .flatten()
        .map(Tree::name)
        .collect();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if !kept
            .iter()
            .any(|k| **k == *entry.file_name().to_string_lossy())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}
