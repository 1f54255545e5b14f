//! The marker file of an output tree and its manifest: what each file of the tree
//! holds, and whether a file is still as the manifest says.

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::path::{Component, Path};
use std::time::UNIX_EPOCH;

/// The file `wsis` leaves in every output folder it writes, so that it can tell its
/// own output from a folder of someone else's it must never empty. It also lists the
/// files written, for the next build.
pub const MARKER: &str = ".wsis-output";

/// The marker's first line; the lines after it are the manifest.
pub(super) const MARKER_HEADER: &str =
    "This folder was written by wsis; it replaces it on every build.";

/// What the manifest records of one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    /// XXH3-128 of the bytes.
    pub(super) hash: u128,
    /// The size in bytes.
    pub(super) len: u64,
    /// The modification time in nanoseconds since the epoch: a file changed by hand
    /// since it was written (same size or not) is never reused.
    pub(super) modified: u128,
}

impl Written {
    pub(super) fn stat(hash: u128, meta: &fs::Metadata) -> Written {
        Written {
            hash,
            len: meta.len(),
            modified: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos()),
        }
    }
}

/// The files of an output folder, as its marker lists them. Lines that do not parse
/// are skipped: a file missing from the manifest is simply written again.
pub(super) fn read_manifest(marker: &str) -> HashMap<String, Written> {
    marker
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut parts = line.splitn(4, ' ');
            let hash = u128::from_str_radix(parts.next()?, 16).ok()?;
            let len = parts.next()?.parse().ok()?;
            let modified = parts.next()?.parse().ok()?;
            let path = parts.next()?.to_string();
            // The manifest lists files to remove: never anything outside the folder,
            // whatever the file says.
            let inside = Path::new(&path)
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
            if !inside || path.is_empty() {
                return None;
            }
            Some((
                path,
                Written {
                    hash,
                    len,
                    modified,
                },
            ))
        })
        .collect()
}

/// The marker's text: the header, then one line per file, sorted by path.
pub(super) fn write_manifest<'a>(files: impl Iterator<Item = (&'a String, &'a Written)>) -> String {
    let mut files: Vec<_> = files.collect();
    files.sort_by_key(|(p, _)| *p);
    let mut out = String::with_capacity(64 * (files.len() + 1));
    out.push_str(MARKER_HEADER);
    out.push('\n');
    // A name with a line break cannot go in the manifest; such a file is written anew
    // on every build.
    for (p, w) in files.into_iter().filter(|(p, _)| !p.contains('\n')) {
        let _ = writeln!(out, "{:032x} {} {} {p}", w.hash, w.len, w.modified);
    }
    out
}

/// The entry of `manifest` for `key` when it says the file holds `hash` and the file
/// under `dir` has not been touched since.
pub(super) fn unchanged(
    manifest: &HashMap<String, Written>,
    dir: &Path,
    key: &str,
    hash: u128,
    len: usize,
) -> Option<Written> {
    let before = manifest.get(key)?;
    if before.hash != hash || before.len != len as u64 {
        return None;
    }
    let meta = fs::symlink_metadata(dir.join(key)).ok()?;
    let now = Written::stat(hash, &meta);
    (meta.is_file() && now == *before).then_some(now)
}
