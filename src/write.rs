//! Stage 5: the output folder, written so that a failed or interrupted build changes
//! nothing.
//!
//! The output is double-buffered. Beside it, `.public.wsis-staging` (`.<output>.wsis-
//! staging`) holds the spare: the tree the output showed before the last build, with
//! its own marker. A build updates the spare into the new site; only when every page
//! rendered and every link resolved is it exchanged with the output, in one atomic
//! `renameat2(RENAME_EXCHANGE)` on Linux, and the previous output, now at the staging
//! path, stays there as the next build's spare. Whenever the build is stopped, even by
//! `SIGKILL`, the output is wholly the previous site or wholly the new one. The spare
//! is never served, and is safe to delete: the next build then writes a whole tree.
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
//! what someone put there), and files added to the output by hand are hard-linked in,
//! unless the build now writes a file of that name. Nothing is ever written or deleted
//! through a symbolic link: links found in the spare are removed before the build
//! writes, and links in the output are dropped from the new tree, with a warning.
//!
//! A staging folder without a valid marker (left by a build killed before its first
//! exchange, or not wsis's own) is removed, as is the aside folder of the fallback.
//! Deleting the previous tree on every build cost 0.2 to 2.5 s on a 1,000-report
//! site (3,300 files), nearly all of it waiting on the file system journal; updating
//! the spare touches only the files that changed, and the commit is a walk of the
//! spare and the exchange: 70 to 90 ms (debug build, one report edited), plus 40 to
//! 70 ms in `prepare` to walk the spare.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
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

/// The part of file names that `wsis` keeps for its own files: the marker
/// (`.wsis-output`), the folders beside the output (`.public.wsis-staging`,
/// `.public.wsis-old`) and the temporary files in the spare (`.wsis-tmp-…`).
const RESERVED: &str = ".wsis-";

/// Refuses an output path with a name `wsis` keeps for itself: a site file named like
/// the marker or a staging folder would be taken for the build's own. `shown` names
/// the source of the file.
pub(crate) fn check_name(rel: &Path, shown: &Path) -> Result<(), Diagnostic> {
    let reserved = rel.components().find_map(|c| match c {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            // Compared without case: on macOS and Windows `.WSIS-OUTPUT` is the marker.
            name.to_lowercase()
                .contains(RESERVED)
                .then(|| name.into_owned())
        }
        _ => None,
    });
    match reserved {
        None => Ok(()),
        Some(name) => Err(Diagnostic::new(
            Kind::Output,
            shown,
            format!("`{name}` is a name wsis keeps for its own files in the output"),
        )
        .help(format!(
            "rename the file: names containing `{RESERVED}` (such as `{MARKER}` or \
             `.public.wsis-staging`) are reserved"
        ))),
    }
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

/// `path` made absolute, with the symbolic links of the part that exists resolved:
/// an output given through a link to the site root is the site root.
fn resolved(path: &Path) -> PathBuf {
    let abs = absolute(path);
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(mut real) = existing.canonicalize() {
            real.extend(rest.iter().rev());
            return real;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// Removes `path` whatever it is, without following it if it is a link; nothing when
/// it does not exist.
fn remove_entry(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => remove_tree(path),
        Ok(_) => fs::remove_file(path),
    }
}

/// Deletes the folder `dir` and everything in it, on all cores: the previous output of
/// a large site is tens of thousands of files in thousands of folders, and removing
/// them one by one took longer than the rest of the commit. Links inside are removed
/// as entries, never followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        // The entry's own type, as the folder lists it: a link is not followed.
        if entry.file_type()?.is_dir() {
            remove_tree(&entry.path())
        } else {
            fs::remove_file(entry.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Puts back an output that a build killed between the two renames of the fallback
/// swap left beside its place, then removes whatever a killed or failed build left
/// but a spare: a staging folder with a marker of wsis's own, which the build updates
/// into the new tree. Returns that spare's manifest, if there is one.
fn clean_leftovers(target: &Path) -> Result<Option<String>, Diagnostic> {
    let old = sibling(target, "wsis-old");
    let target_missing = matches!(
        fs::symlink_metadata(target),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound
    );
    let old_is_output = fs::symlink_metadata(old.join(MARKER)).is_ok_and(|m| m.is_file());
    if target_missing && old_is_output {
        fs::rename(&old, target)
            .map_err(|e| Diagnostic::io(target, "put back the previous output", &e))?;
    }
    let staging = sibling(target, "wsis-staging");
    let spare = spare_manifest(&staging);
    let leftovers = [old].into_iter().chain(spare.is_none().then_some(staging));
    for leftover in leftovers {
        remove_entry(&leftover)
            .map_err(|e| Diagnostic::io(&leftover, "remove what an earlier build left", &e))?;
    }
    Ok(spare)
}

/// The marker of the folder at `staging` when it is a spare tree wsis may update: a
/// folder (not a link) holding a regular marker file that starts with wsis's header.
fn spare_manifest(staging: &Path) -> Option<String> {
    if !fs::symlink_metadata(staging).ok()?.is_dir() {
        return None;
    }
    let marker = staging.join(MARKER);
    let bytes = crate::load::read_regular(&marker, &marker, None).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    text.strip_prefix(MARKER_HEADER)?
        .starts_with('\n')
        .then_some(text)
}

/// A name for a temporary file in the same folder as `path`, unique to this process
/// and `n`; reserved, so never the name of a site file.
fn temporary(path: &Path, n: u64) -> PathBuf {
    path.with_file_name(format!("{RESERVED}tmp-{}-{n}", std::process::id()))
}

/// Creates the file `path`, which must not exist, with `bytes`; returns its metadata.
/// Never opens an existing file, which could be shared with the live output.
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<fs::Metadata> {
    use std::io::Write;
    let mut file = fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.metadata()
}

/// An output folder being written.
#[derive(Debug)]
pub(crate) struct Output {
    /// The final output folder.
    target: PathBuf,
    /// The spare tree, beside the output: the build before the last one, which this
    /// build updates into the new tree until it is committed.
    staging: PathBuf,
    /// The spare's files as its manifest lists them and the survey found them:
    /// a file of the new build whose bytes and stat still match is left as it is.
    spare: HashMap<String, Written>,
    /// The previous output's files as its manifest lists them, when it is wsis's own,
    /// so that unchanged ones may be linked rather than written; only regular files
    /// reached without following a link.
    previous: HashMap<String, Written>,
    /// Files of the previous output that no build wrote (added by hand): kept.
    by_hand: Vec<String>,
    /// Symbolic links and special files found in the previous output: dropped.
    dropped: Vec<Diagnostic>,
    /// The files of this build so far, by path relative to the output, with `/`.
    written: Mutex<HashMap<String, Written>>,
    /// The number of the next temporary file.
    temporaries: AtomicU64,
    /// Whether the staging folder is a spare kept from earlier builds, rather than a
    /// folder this build created.
    reused: bool,
}

impl Output {
    /// Checks that `target` may be replaced by a build of the site at `root`, cleans
    /// what an earlier build left beside it, and finds or creates the spare tree.
    pub(crate) fn prepare(root: &Path, target: &Path) -> Result<Output, Diagnostic> {
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
        let spare_marker = clean_leftovers(target)?;
        let mut manifest = String::new();
        match fs::symlink_metadata(target) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Diagnostic::io(target, "read the output folder", &e)),
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(refuse(format!(
                    "{} is a symbolic link: wsis replaces the output folder, never what a \
                     link points to",
                    target.display()
                ))
                .help("give the folder the link points to with --output, or remove the link"));
            }
            Ok(meta) if !meta.is_dir() => {
                return Err(refuse(format!(
                    "{} exists and is not a folder",
                    target.display()
                )));
            }
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
                if ours {
                    let bytes = crate::load::read_regular(&marker, &marker, None)?;
                    manifest = String::from_utf8_lossy(&bytes).into_owned();
                }
            }
        }
        let listed = read_manifest(&manifest);
        let Survey {
            previous,
            by_hand,
            dropped,
        } = if listed.is_empty() {
            // No manifest (an empty site, or an older wsis): every file is the build's
            // own, and the new tree replaces them all.
            Default::default()
        } else {
            survey(target, listed)?
        };
        let staging = sibling(target, "wsis-staging");
        let reused = spare_marker.is_some();
        let spare = match spare_marker {
            Some(marker) => survey_spare(&staging, read_manifest(&marker))?,
            None => {
                fs::create_dir_all(&staging)
                    .map_err(|e| Diagnostic::io(&staging, "create the staging folder", &e))?;
                HashMap::new()
            }
        };
        Ok(Output {
            target: target.to_path_buf(),
            staging,
            spare,
            previous,
            by_hand,
            dropped,
            written: Mutex::default(),
            temporaries: AtomicU64::new(0),
            reused,
        })
    }

    /// Writes `bytes` to `rel` inside the new tree. `rel` comes from validated slugs
    /// and theme file names; anything that could climb out is refused anyway.
    pub(crate) fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::new(
                Kind::Output,
                rel,
                "refusing to write outside the output folder",
            ));
        }
        check_name(rel, rel)?;
        let key = slash_path(rel);
        let hash = xxhash_rust::xxh3::xxh3_128(bytes);
        // The spare already holds these bytes, untouched since: nothing to do.
        if let Some(same) = unchanged(&self.spare, &self.staging, &key, hash, bytes.len()) {
            lock(&self.written).insert(key, same);
            return Ok(());
        }
        let shown = self.target.join(rel);
        let path = self.staging.join(rel);
        self.make_folders(rel)
            .map_err(|e| Diagnostic::io(&shown, "create folder", &e))?;
        if let Some(same) = unchanged(&self.previous, &self.target, &key, hash, bytes.len()) {
            // A link to the live file keeps its time, so the manifest entry stays
            // true; a file system without hard links gets the bytes instead.
            let from = self.target.join(rel);
            if self.replace(&path, |tmp| fs::hard_link(&from, tmp)).is_ok() {
                lock(&self.written).insert(key, same);
                return Ok(());
            }
        }
        let meta = self
            .replace(&path, |tmp| create_new(tmp, bytes))
            .map_err(|e| Diagnostic::io(&shown, "write", &e))?;
        lock(&self.written).insert(key, Written::stat(hash, &meta));
        Ok(())
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
            // A file this build wrote is never removed: the build itself clashes.
            let ours = || {
                at.strip_prefix(&self.staging)
                    .is_ok_and(|r| lock(&self.written).contains_key(&slash_path(r)))
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

    /// Makes the output what this build wrote, plus the files added by hand: the spare
    /// is rid of everything else and exchanged with the output in one step. The
    /// previous output stays beside it as the next build's spare. Returns warnings
    /// about what was left out.
    pub(crate) fn commit(mut self) -> Result<Vec<Diagnostic>, Diagnostic> {
        let written = lock(&self.written).clone();
        let mut warnings = std::mem::take(&mut self.dropped);
        prune(&self.staging, &written)?;
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
            if !kept {
                warnings.push(Diagnostic::new(
                    Kind::Skipped,
                    &from,
                    "a file added to the output by hand could not be kept: the build \
                     writes a page where it was",
                ));
            }
        }
        let manifest = write_manifest(written.iter());
        self.replace(&self.staging.join(MARKER), |tmp| {
            create_new(tmp, manifest.as_bytes())
        })
        .map_err(|e| Diagnostic::io(&self.target.join(MARKER), "write", &e))?;
        // Should the exchange fail, the output is as it was and the new tree stays
        // as the next build's spare.
        swap(&self.staging, &self.target)?;
        Ok(warnings)
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

/// The entry of `manifest` for `key` when it says the file holds `hash` and the file
/// under `dir` has not been touched since.
fn unchanged(
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

/// Walks the spare without following links: removes its links and special files
/// first, so that no write of the build goes through one, and returns the entries of
/// its manifest `listed` that are regular files.
fn survey_spare(
    staging: &Path,
    mut listed: HashMap<String, Written>,
) -> Result<HashMap<String, Written>, Diagnostic> {
    let mut files = HashMap::with_capacity(listed.len());
    for entry in walkdir::WalkDir::new(staging).min_depth(1) {
        let entry = entry.map_err(|e| walk_error(e, staging))?;
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if !file_type.is_file() {
            fs::remove_file(entry.path())
                .map_err(|e| Diagnostic::io(entry.path(), "remove from the spare tree", &e))?;
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(staging) else {
            continue;
        };
        let key = slash_path(rel);
        if let Some(w) = listed.remove(&key) {
            files.insert(key, w);
        }
    }
    Ok(files)
}

/// Removes from the spare every entry the build did not write (stale pages, files put
/// there by hand, what a killed build left) and the folders left empty, walking it
/// without following links.
fn prune(staging: &Path, written: &HashMap<String, Written>) -> Result<(), Diagnostic> {
    // Folders holding something kept; a folder is listed after its contents.
    let mut occupied = std::collections::HashSet::new();
    let walk = walkdir::WalkDir::new(staging)
        .min_depth(1)
        .contents_first(true);
    for entry in walk {
        let entry = entry.map_err(|e| walk_error(e, staging))?;
        let path = entry.path();
        let Ok(rel) = path.strip_prefix(staging) else {
            continue;
        };
        let key = slash_path(rel);
        let keep = if entry.file_type().is_dir() {
            occupied.contains(path) || fs::remove_dir(path).is_err()
        } else {
            let ours = key == MARKER || written.contains_key(&key);
            if !(ours && entry.file_type().is_file()) {
                fs::remove_file(path)
                    .map_err(|e| Diagnostic::io(path, "remove from the spare tree", &e))?;
            }
            ours
        };
        if keep && let Some(parent) = path.parent() {
            occupied.insert(parent.to_path_buf());
        }
    }
    Ok(())
}

/// A walk error as a diagnostic.
fn walk_error(e: walkdir::Error, dir: &Path) -> Diagnostic {
    let path = e.path().unwrap_or(dir).to_path_buf();
    match e.into_io_error() {
        Some(io) => Diagnostic::io(&path, "read the output folder", &io),
        None => Diagnostic::new(Kind::Io, &path, "cannot read the output folder"),
    }
}

/// What the previous output holds, as [`survey`] found it.
#[derive(Debug, Default)]
struct Survey {
    /// The manifest's entries that are regular files reached without a link.
    previous: HashMap<String, Written>,
    /// Regular files the manifest does not list: added by hand.
    by_hand: Vec<String>,
    /// Warnings for the links and special files, which the new tree leaves out.
    dropped: Vec<Diagnostic>,
}

/// Walks the previous output without following links, sorting its files by what the
/// manifest `listed` says of them.
fn survey(target: &Path, mut listed: HashMap<String, Written>) -> Result<Survey, Diagnostic> {
    let mut previous = HashMap::with_capacity(listed.len());
    let mut by_hand = Vec::new();
    let mut dropped = Vec::new();
    for entry in walkdir::WalkDir::new(target).min_depth(1) {
        let entry = entry.map_err(|e| walk_error(e, target))?;
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if !file_type.is_file() {
            dropped.push(Diagnostic::new(
                Kind::Skipped,
                entry.path(),
                format!(
                    "{} inside the output folder: removed, never followed",
                    crate::load::describe_type(&file_type)
                ),
            ));
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(target) else {
            continue;
        };
        let key = slash_path(rel);
        if key == MARKER {
            continue;
        }
        match listed.remove(&key) {
            Some(w) => {
                previous.insert(key, w);
            }
            None => by_hand.push(key),
        }
    }
    Ok(Survey {
        previous,
        by_hand,
        dropped,
    })
}

/// Puts the tree at `staging` in place of `target`; afterwards `staging` holds the
/// previous tree, if there was one. One atomic exchange where the system has it, else
/// two renames (see [`clean_leftovers`] for a build killed between them).
fn swap(staging: &Path, target: &Path) -> Result<(), Diagnostic> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target)
            .map_err(|e| Diagnostic::io(target, "move the new output in place", &e));
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staging, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // Kernels and file systems without the exchange take the renames below.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => {
                return Err(Diagnostic::io(
                    target,
                    "exchange the new output with the previous one",
                    &e.into(),
                ));
            }
        }
    }
    swap_by_renames(staging, target)
}

/// [`swap`] where there is no atomic exchange: the output is moved aside, the new tree
/// moved in, and the previous tree moved to `staging`.
fn swap_by_renames(staging: &Path, target: &Path) -> Result<(), Diagnostic> {
    let old = sibling(target, "wsis-old");
    fs::rename(target, &old)
        .map_err(|e| Diagnostic::io(target, "move the previous output aside", &e))?;
    if let Err(e) = fs::rename(staging, target) {
        // Put the previous output back so a failed swap loses nothing.
        let _ = fs::rename(&old, target);
        return Err(Diagnostic::io(target, "move the new output in place", &e));
    }
    // The new output is in place: should this last rename fail, the next build
    // removes the previous tree from where it is.
    let _ = fs::rename(&old, staging);
    Ok(())
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
        // The previous output stays beside it as the spare, whole, with its manifest.
        let spare = root.join(".public.wsis-staging");
        assert_eq!(
            fs::read_to_string(spare.join("x/changed.html")).unwrap(),
            "v2"
        );
        assert_eq!(
            fs::read_to_string(spare.join("edited.html")).unwrap(),
            "wsis"
        );
        assert_eq!(fs::metadata(spare.join("same.html")).unwrap().ino(), same);
        let marker = fs::read_to_string(spare.join(MARKER)).unwrap();
        assert_eq!(read_manifest(&marker).len(), 3);
    }

    #[test]
    fn the_portable_swap_leaves_the_previous_tree_at_the_staging_path() {
        let dir = tempfile::tempdir().unwrap();
        let (staging, target) = (dir.path().join(".out.wsis-staging"), dir.path().join("out"));
        fs::create_dir_all(&staging).unwrap();
        fs::create_dir_all(&target).unwrap();
        fs::write(staging.join("new"), "new").unwrap();
        fs::write(target.join("old"), "old").unwrap();
        swap_by_renames(&staging, &target).unwrap();
        assert!(target.join("new").is_file() && staging.join("old").is_file());
        assert!(!dir.path().join(".out.wsis-old").exists());
        // Killed between its two renames: the next build puts the output back.
        fs::remove_dir_all(&staging).unwrap();
        let aside = dir.path().join(".out.wsis-old");
        fs::rename(&target, &aside).unwrap();
        fs::write(aside.join(MARKER), MARKER_HEADER).unwrap();
        clean_leftovers(&target).unwrap();
        assert!(target.join("new").is_file());
        assert!(!aside.exists());
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
