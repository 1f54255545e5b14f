//! Stage 5: the output folder, written so that a failed build changes nothing.
//!
//! Pages go to a staging folder beside the output (`.public.wsis-staging`); only when
//! every page rendered and every link resolved does the output change. `wsis` refuses
//! to replace a folder it did not create, or one that holds the site's sources.
//!
//! Most files of a rebuild are unchanged, and those are not written at all. The marker
//! file lists each file of the output with its hash, size and modification time; a
//! file whose new bytes hash the same, and which nobody touched since (same size and
//! time), stays where it is. Only new and changed files go to the staging folder, and
//! committing moves them in (one rename each, so no file is ever half-written), then
//! removes the files the site no longer has. Without a manifest (the first build over
//! an older output) the whole staging folder is swapped in instead.
//!
//! Building a new tree every time and deleting the previous one took a quarter of a
//! 10,000-report build, on one core; reading the previous files back to compare them
//! took a tenth.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::{Sink, lock};
use crate::urls::slash_path;

/// The file `wsis` leaves in every output folder it writes, so that it can tell its
/// own output from a folder of someone else's it must never empty. It also lists the
/// files written, for the next build.
pub const MARKER: &str = ".wsis-output";

/// The marker's first line; the lines after it are the manifest.
const MARKER_HEADER: &str = "This folder was written by wsis; it replaces it on every build.";

/// What the manifest records of one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    /// XXH3-128 of the bytes.
    hash: u128,
    /// The size in bytes.
    len: u64,
    /// The modification time in nanoseconds since the epoch: a file changed by hand
    /// since it was written (same size or not) is never reused.
    modified: u128,
}

impl Written {
    fn stat(hash: u128, meta: &fs::Metadata) -> Written {
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
fn read_manifest(marker: &str) -> HashMap<String, Written> {
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
fn write_manifest<'a>(files: impl Iterator<Item = (&'a String, &'a Written)>) -> String {
    let mut files: Vec<_> = files.collect();
    files.sort_by_key(|(p, _)| *p);
    let mut out = String::with_capacity(64 * (files.len() + 1));
    out.push_str(MARKER_HEADER);
    out.push('\n');
    // A name with a line break cannot go in the manifest; such a file is written anew
    // on every build.
    for (p, w) in files.into_iter().filter(|(p, _)| !p.contains('\n')) {
        out.push_str(&format!("{:032x} {} {} {p}\n", w.hash, w.len, w.modified));
    }
    out
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.{suffix}"))
}

/// `path` made absolute and without `.`/`..`, without touching the file system (the
/// output folder may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// An output folder being written.
#[derive(Debug)]
pub(crate) struct Output {
    /// The final output folder.
    target: PathBuf,
    /// Where this build writes until it is committed.
    staging: PathBuf,
    /// The previous output's files, when it is wsis's own, so unchanged ones may stay.
    previous: HashMap<String, Written>,
    /// The files of this build so far, by path relative to the output, with `/`; and
    /// whether each was written to the staging folder (new or changed).
    written: Mutex<HashMap<String, (Written, bool)>>,
}

impl Output {
    /// Checks that `target` may be replaced by a build of the site at `root`, and
    /// creates an empty staging folder beside it.
    pub(crate) fn prepare(root: &Path, target: &Path) -> Result<Output, Diagnostic> {
        let root_abs = absolute(root);
        let target_abs = absolute(target);
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
        if target.exists() {
            if !target.is_dir() {
                return Err(refuse(format!(
                    "{} exists and is not a folder",
                    target.display()
                )));
            }
            let empty = fs::read_dir(target)
                .map_err(|e| Diagnostic::io(target, "read the output folder", &e))?
                .next()
                .is_none();
            if !empty && !target.join(MARKER).is_file() {
                return Err(refuse(format!(
                    "{} already holds files that wsis did not write; it will not replace them",
                    target.display()
                ))
                .help("empty or remove the folder yourself, or choose another with --output"));
            }
        }
        let staging = sibling(target, "wsis-staging");
        if staging.exists() {
            fs::remove_dir_all(&staging)
                .map_err(|e| Diagnostic::io(&staging, "remove a stale staging folder", &e))?;
        }
        fs::create_dir_all(&staging)
            .map_err(|e| Diagnostic::io(&staging, "create the staging folder", &e))?;
        let previous = fs::read_to_string(target.join(MARKER))
            .map(|m| read_manifest(&m))
            .unwrap_or_default();
        Ok(Output {
            target: target.to_path_buf(),
            staging,
            previous,
            written: Mutex::default(),
        })
    }

    /// Writes `bytes` to `rel` inside the staging folder. `rel` comes from validated
    /// slugs and theme file names; anything that could climb out is refused anyway.
    pub(crate) fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::new(
                Kind::Output,
                rel,
                "refusing to write outside the output folder",
            ));
        }
        let key = slash_path(rel);
        let hash = xxhash_rust::xxh3::xxh3_128(bytes);
        if let Some(same) = self.unchanged(&key, hash, bytes.len()) {
            lock(&self.written).insert(key, (same, false));
            return Ok(());
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, "create folder", &e))?;
        }
        let shown = self.target.join(rel);
        fs::write(&path, bytes).map_err(|e| Diagnostic::io(&shown, "write", &e))?;
        let meta = fs::metadata(&path).map_err(|e| Diagnostic::io(&shown, "write", &e))?;
        lock(&self.written).insert(key, (Written::stat(hash, &meta), true));
        Ok(())
    }

    /// The previous build's entry for `key` when the manifest says it holds `hash` and
    /// the file has not been touched since.
    fn unchanged(&self, key: &str, hash: u128, len: usize) -> Option<Written> {
        let before = self.previous.get(key)?;
        if before.hash != hash || before.len != len as u64 {
            return None;
        }
        let now = Written::stat(hash, &fs::metadata(self.target.join(key)).ok()?);
        (now == *before).then_some(now)
    }

    /// Makes the output what this build wrote: moves the new and changed files in and
    /// removes those the site no longer has, or swaps the staging folder in whole
    /// when there is no previous manifest to tell which files are which.
    pub(crate) fn commit(self) -> Result<(), Diagnostic> {
        let written = self.written.into_inner().unwrap_or_else(|p| p.into_inner());
        // The manifest goes to the staging folder first, whichever way the output is
        // then updated.
        let staged_marker = self.staging.join(MARKER);
        let manifest = write_manifest(written.iter().map(|(k, (w, _))| (k, w)));
        fs::write(&staged_marker, manifest)
            .map_err(|e| Diagnostic::io(&self.target.join(MARKER), "write", &e))?;
        let in_place = !self.previous.is_empty() && self.target.is_dir();
        if !in_place {
            return swap(&self.staging, &self.target);
        }
        // Files the site no longer has go first, so that a folder may become a file or
        // a file a folder.
        let mut stale: Vec<&String> = self
            .previous
            .keys()
            .filter(|k| !written.contains_key(*k))
            .collect();
        stale.sort_by(|a, b| b.cmp(a));
        for key in stale {
            let path = self.target.join(key);
            match fs::remove_file(&path) {
                Ok(()) => remove_empty_parents(&path, &self.target),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Diagnostic::io(&path, "remove", &e)),
            }
        }
        let fresh: Vec<&String> = written
            .iter()
            .filter(|(_, (_, fresh))| *fresh)
            .map(|(k, _)| k)
            .collect();
        fresh
            .par_iter()
            .try_for_each(|key| -> Result<(), Diagnostic> {
                let to = self.target.join(key);
                if let Some(dir) = to.parent() {
                    fs::create_dir_all(dir)
                        .map_err(|e| Diagnostic::io(dir, "create folder", &e))?;
                }
                fs::rename(self.staging.join(key), &to)
                    .map_err(|e| Diagnostic::io(&to, "move into the output folder", &e))
            })?;
        // The manifest last, itself by rename: until then the previous one describes
        // every file it lists that was not replaced, and a replaced file no longer
        // matches its entry's time, so an interrupted commit is repaired by the next
        // build.
        let marker = self.target.join(MARKER);
        fs::rename(&staged_marker, &marker).map_err(|e| Diagnostic::io(&marker, "write", &e))?;
        fs::remove_dir_all(&self.staging)
            .map_err(|e| Diagnostic::io(&self.staging, "remove the staging folder", &e))
    }

    /// Drops the staging folder of a failed build.
    pub(crate) fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// Swaps the `staging` folder in as `target`, with two renames.
fn swap(staging: &Path, target: &Path) -> Result<(), Diagnostic> {
    let old = sibling(target, "wsis-old");
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| Diagnostic::io(&old, "remove", &e))?;
    }
    if target.exists() {
        fs::rename(target, &old)
            .map_err(|e| Diagnostic::io(target, "move the previous output aside", &e))?;
    }
    if let Err(e) = fs::rename(staging, target) {
        // Put the previous output back so a failed swap loses nothing.
        let _ = fs::rename(&old, target);
        return Err(Diagnostic::io(target, "move the new output in place", &e));
    }
    if old.exists() {
        fs::remove_dir_all(&old)
            .map_err(|e| Diagnostic::io(&old, "remove the previous output", &e))?;
    }
    Ok(())
}

/// Removes the folders above `file` that it leaves empty, up to `root`.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

impl Sink for Output {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.write(rel, &bytes)
    }
    fn has(&self, rel: &Path) -> bool {
        lock(&self.written).contains_key(slash_path(rel).as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_folders_holding_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        for bad in [
            root.clone(),
            dir.path().to_path_buf(),
            root.join("content/out"),
        ] {
            let err = Output::prepare(&root, &bad).unwrap_err();
            assert_eq!(err.kind, Kind::Output, "{bad:?}");
        }
    }

    #[test]
    fn refuses_foreign_folders_and_replaces_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("keep.txt"), "mine").unwrap();
        assert!(Output::prepare(root, &out).is_err());
        assert!(out.join("keep.txt").exists());

        fs::remove_file(out.join("keep.txt")).unwrap();
        let o = Output::prepare(root, &out).unwrap();
        o.write(Path::new("a/index.html"), b"1").unwrap();
        o.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "1");

        let o = Output::prepare(root, &out).unwrap();
        o.write(Path::new("b.html"), b"2").unwrap();
        assert!(o.write(Path::new("../escape"), b"x").is_err());
        o.commit().unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join("b.html").exists());
        assert!(!root.join("escape").exists());
    }

    #[test]
    fn unchanged_files_stay_and_hand_edits_are_replaced() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("public");
        let build = |files: &[(&str, &str)]| {
            let o = Output::prepare(root, &out).unwrap();
            for (rel, text) in files {
                o.write(Path::new(rel), text.as_bytes()).unwrap();
            }
            o.commit().unwrap();
        };
        build(&[
            ("same.html", "same"),
            ("edited.html", "wsis"),
            ("x/changed.html", "v1"),
        ]);
        let inode = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
        let (same, edited, changed) = (
            inode("same.html"),
            inode("edited.html"),
            inode("x/changed.html"),
        );
        // Someone edits a published file by hand, keeping its size. (The time is set
        // apart because a file system's clock may not tick between two quick writes.)
        fs::write(out.join("edited.html"), "hand").unwrap();
        fs::File::options()
            .write(true)
            .open(out.join("edited.html"))
            .unwrap()
            .set_modified(UNIX_EPOCH + std::time::Duration::from_secs(1))
            .unwrap();
        build(&[
            ("same.html", "same"),
            ("edited.html", "wsis"),
            ("x/changed.html", "v2"),
        ]);
        assert_eq!(inode("same.html"), same, "an unchanged file is left alone");
        assert_ne!(inode("edited.html"), edited);
        assert_eq!(fs::read_to_string(out.join("edited.html")).unwrap(), "wsis");
        assert_ne!(inode("x/changed.html"), changed);
        assert_eq!(
            fs::read_to_string(out.join("x/changed.html")).unwrap(),
            "v2"
        );
        // The manifest lists every file, and reads back as written.
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        let manifest = read_manifest(&marker);
        assert_eq!(manifest.len(), 3);
        assert_eq!(write_manifest(manifest.iter()), marker);

        // Files the site no longer has go, with the folders they leave empty; a file
        // may become a folder.
        build(&[
            ("same.html", "same"),
            ("edited.html/index.html", "now a folder"),
        ]);
        assert!(!out.join("x").exists());
        assert_eq!(
            fs::read_to_string(out.join("edited.html/index.html")).unwrap(),
            "now a folder"
        );
        assert_eq!(inode("same.html"), same);
        assert!(!root.join(".public.wsis-staging").exists());
    }

    #[test]
    fn a_tampered_manifest_removes_nothing_outside_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("public");
        let o = Output::prepare(root, &out).unwrap();
        o.write(Path::new("a.html"), b"a").unwrap();
        o.commit().unwrap();
        fs::write(root.join("keep.txt"), "mine").unwrap();
        let mut marker = fs::read_to_string(out.join(MARKER)).unwrap();
        for evil in ["../keep.txt", "/etc/hostname", "a/../../keep.txt"] {
            marker.push_str(&format!("{:032x} 4 0 {evil}\n", 1));
        }
        fs::write(out.join(MARKER), marker).unwrap();
        let o = Output::prepare(root, &out).unwrap();
        o.write(Path::new("b.html"), b"b").unwrap();
        o.commit().unwrap();
        assert!(root.join("keep.txt").exists());
        assert!(!out.join("a.html").exists() && out.join("b.html").exists());
    }
}
