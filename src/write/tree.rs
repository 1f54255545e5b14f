//! Walking, cleaning and filling the trees beside the output without following links:
//! what earlier builds left, the spare's survey and pruning, new files under
//! temporary names.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::manifest::{MARKER, MARKER_HEADER, Written};
use super::names::{RESERVED, fold, sibling};
use super::walk::{Found, Listing, walk};
use crate::diagnostic::{Diagnostic, Kind};

/// Removes `path` whatever it is, without following it if it is a link; nothing when
/// it does not exist.
pub(super) fn remove_entry(path: &Path) -> std::io::Result<()> {
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
pub(super) fn remove_tree(dir: &Path) -> std::io::Result<()> {
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
pub(super) fn clean_leftovers(target: &Path) -> Result<Option<String>, Diagnostic> {
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
    // A copy that a build killed before it was whole left (see [`super::spare`]).
    let copy = super::spare::copy_path(target);
    let leftovers = [old, copy]
        .into_iter()
        .chain(spare.is_none().then_some(staging));
    for leftover in leftovers {
        remove_entry(&leftover)
            .map_err(|e| Diagnostic::io(&leftover, "remove what an earlier build left", &e))?;
    }
    Ok(spare)
}

/// The marker of the folder at `staging` when it is a spare tree wsis may update: a
/// folder (not a link) holding a regular marker file that starts with wsis's header.
pub(super) fn spare_manifest(staging: &Path) -> Option<String> {
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
pub(super) fn temporary(path: &Path, n: u64) -> PathBuf {
    path.with_file_name(format!("{RESERVED}tmp-{}-{n}", std::process::id()))
}

/// Creates the file `path`, which must not exist, with `bytes`; returns its metadata.
/// Never opens an existing file, which could be shared with the live output.
pub(super) fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<fs::Metadata> {
    use std::io::Write;
    let mut file = fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.metadata()
}

/// Whether `a` and `b` are the same file (hard links to one inode), neither a link.
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => {
                a.is_file() && b.is_file() && (a.dev(), a.ino()) == (b.dev(), b.ino())
            }
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// The spare tree as [`survey_spare`] found it.
#[derive(Debug, Default)]
pub(super) struct Spare {
    /// The entries of its manifest that are regular files: a file of the new build
    /// whose bytes and stat still match is left as it is.
    pub(super) listed: HashMap<String, Written>,
    /// Every regular file found, listed or not: what the build does not write is
    /// removed before the exchange ([`prune`]), without walking the spare again.
    pub(super) found: Vec<String>,
    /// Folders that may be empty: those found empty, and those of removed links.
    pub(super) folders: Vec<String>,
}

/// Walks the spare without following links: removes its links and special files
/// first, so that no write of the build goes through one, and returns what it holds,
/// with the entries of its manifest `listed` that are regular files. `listing` says
/// which folders need not be read ([`super::walk`]).
pub(super) fn survey_spare(
    staging: &Path,
    mut listed: HashMap<String, Written>,
    listing: &Listing,
) -> Result<Spare, Diagnostic> {
    let mut spare = Spare {
        listed: HashMap::with_capacity(listed.len()),
        found: Vec::with_capacity(listed.len()),
        folders: Vec::new(),
    };
    walk(staging, listing, |found| {
        match found {
            Found::Empty(folder) => spare.folders.push(folder),
            Found::Other(key, path, _) => {
                fs::remove_file(&path)
                    .map_err(|e| Diagnostic::io(&path, "remove from the spare tree", &e))?;
                spare.folders.extend(parent(&key).map(str::to_string));
            }
            Found::File(key) => {
                if let Some(w) = listed.remove(&key) {
                    spare.listed.insert(key.clone(), w);
                }
                spare.found.push(key);
            }
        }
        Ok(())
    })?;
    Ok(spare)
}

/// The folder holding `key` (`a/b` of `a/b/c.html`), if it is not the tree's root.
fn parent(key: &str) -> Option<&str> {
    key.rsplit_once('/').map(|(folder, _)| folder)
}

/// Removes from the spare every file its survey `spare` found that the build did not
/// write (stale pages, files put there by hand, what a killed build left), and the
/// folders left empty. Only those files and folders are touched, so the commit costs
/// what changed rather than a walk of the whole tree; a file that became a folder of
/// the build, or went with a folder that became a file, is already gone.
pub(super) fn prune(
    staging: &Path,
    spare: &Spare,
    written: &HashMap<String, Written>,
) -> Result<(), Diagnostic> {
    let mut folders: std::collections::BinaryHeap<(usize, String)> =
        spare.folders.iter().map(|f| (f.len(), f.clone())).collect();
    let stale = spare
        .found
        .iter()
        .filter(|key| key.as_str() != MARKER && !written.contains_key(*key));
    // The written keys by their folded names, made only when some file is stale
    // (borrowed where a key folds to itself, as every page's does).
    let mut folded: Option<HashMap<std::borrow::Cow<'_, str>, &String>> = None;
    let mut listings = Listings::default();
    for key in stale {
        let path = staging.join(key);
        // On a file system blind to case (macOS, Windows), `Logo.PNG` found before
        // the build may now be the build's `logo.png`, which took its place (and a
        // stale `Docs/a.txt` the build's `docs/a.txt`: a folder keeps the spelling it
        // was made with). Removed by its old name, the new file would go.
        let folded = folded.get_or_insert_with(|| written.keys().map(|k| (fold(k), k)).collect());
        if let Some(new) = folded.get(&*fold(key))
            && !listings.apart(staging, key, new)
        {
            continue;
        }
        if let Err(e) = fs::remove_file(&path)
            && fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
        {
            return Err(Diagnostic::io(&path, "remove from the spare tree", &e));
        }
        if let Some(folder) = parent(key) {
            folders.push((folder.len(), folder.to_string()));
        }
    }
    // Longest first, so a folder is tried after every folder inside it; one emptied
    // by the removal of another is tried in turn.
    let mut tried = std::collections::HashSet::new();
    while let Some((_, folder)) = folders.pop() {
        if !tried.insert(folder.clone()) {
            continue;
        }
        if fs::remove_dir(staging.join(&folder)).is_ok()
            && let Some(above) = parent(&folder)
        {
            folders.push((above.len(), above.to_string()));
        }
    }
    Ok(())
}

/// What the previous output holds, as [`survey`] found it.
#[derive(Debug, Default)]
pub(super) struct Survey {
    /// The manifest's entries that are regular files reached without a link.
    pub(super) previous: HashMap<String, Written>,
    /// Regular files the manifest does not list: added by hand.
    pub(super) by_hand: Vec<String>,
    /// Warnings for the links and special files, which the new tree leaves out.
    pub(super) dropped: Vec<Diagnostic>,
    /// Whether the manifest lists files the walk did not find (removed by hand): then
    /// `previous` is not every file the previous build wrote.
    pub(super) missing: bool,
}

/// Walks the previous output without following links, sorting its files by what the
/// manifest `listed` says of them; `listing` says which folders need not be read.
pub(super) fn survey(
    target: &Path,
    mut listed: HashMap<String, Written>,
    listing: &Listing,
) -> Result<Survey, Diagnostic> {
    let mut previous = HashMap::with_capacity(listed.len());
    let mut by_hand = Vec::new();
    let mut dropped = Vec::new();
    walk(target, listing, |found| {
        match found {
            Found::Empty(_) => {}
            Found::Other(_, path, file_type) => dropped.push(Diagnostic::new(
                Kind::Skipped,
                &path,
                format!(
                    "{} inside the output folder: removed, never followed",
                    crate::load::describe_type(&file_type)
                ),
            )),
            // The marker, and names wsis keeps for itself (a temporary file a killed
            // build left): never taken for files added by hand.
            Found::File(key) if key == MARKER || reserved(&key) => {}
            Found::File(key) => match listed.remove(&key) {
                Some(w) => {
                    previous.insert(key, w);
                }
                None => by_hand.push(key),
            },
        }
        Ok(())
    })?;
    Ok(Survey {
        previous,
        by_hand,
        dropped,
        missing: !listed.is_empty(),
    })
}

/// The names in the folders of a tree, each folder read once.
#[derive(Debug, Default)]
pub(super) struct Listings(HashMap<PathBuf, std::collections::HashSet<std::ffi::OsString>>);

impl Listings {
    /// Whether `stale` and `new`, which fold alike, are two files below `root`.
    pub(super) fn apart(&mut self, root: &Path, stale: &str, new: &str) -> bool {
        apart_in(root, stale, new, &mut |folder, name| {
            self.holds(folder, name)
        })
    }

    /// Whether `folder` holds an entry named exactly `name`.
    fn holds(&mut self, folder: &Path, name: &str) -> bool {
        self.0
            .entry(folder.to_path_buf())
            .or_insert_with(|| match fs::read_dir(folder) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name())
                    .collect(),
                Err(_) => Default::default(),
            })
            .contains(std::ffi::OsStr::new(name))
    }
}

/// Whether `stale` and `new`, which fold alike, are two files below `root`, `holds`
/// saying whether a folder holds a name: on a file system blind to case or
/// normalization they are one entry, spelled one way, so both cannot be named
/// exactly.
fn apart_in(
    root: &Path,
    stale: &str,
    new: &str,
    holds: &mut dyn FnMut(&Path, &str) -> bool,
) -> bool {
    named_exactly_in(root, stale, holds) && named_exactly_in(root, new, holds)
}

/// Whether `key` below `root` is named exactly so (byte for byte) at every step, not
/// by names a file system blind to case, or to Unicode normalization, takes for them,
/// `holds` saying whether a folder holds a name.
fn named_exactly_in(root: &Path, key: &str, holds: &mut dyn FnMut(&Path, &str) -> bool) -> bool {
    let mut folder = root.to_path_buf();
    for part in key.split('/') {
        if !holds(&folder, part) {
            return false;
        }
        folder.push(part);
    }
    true
}

/// Whether the last name of `key` is one wsis keeps for its own files (compared
/// without case, as [`super::names::check_name`] does).
fn reserved(key: &str) -> bool {
    key.rsplit('/')
        .next()
        .is_some_and(|name| fold(name).contains(RESERVED))
}

#[cfg(test)]
mod named_tests {
    use std::path::Path;

    /// Whether a file system holding `entries` (paths below `/out`, spelled as the
    /// system keeps them), blind to case or not, finds `name` in `folder` spelled so.
    fn finds(entries: &[&str], blind: bool, folder: &Path, name: &str) -> bool {
        let norm = |s: &str| {
            if blind {
                s.to_lowercase()
            } else {
                s.to_string()
            }
        };
        let folder = folder.to_string_lossy().replace('\\', "/");
        let rel = folder.strip_prefix("/out").unwrap().trim_start_matches('/');
        let asked = match rel {
            "" => name.to_string(),
            _ => format!("{rel}/{name}"),
        };
        // Each entry's folders and itself, as spelled.
        entries.iter().any(|e| {
            let parts: Vec<&str> = e.split('/').collect();
            (1..=parts.len()).any(|n| {
                let kept = parts[..n].join("/");
                norm(&kept) == norm(&asked) && parts[n - 1] == name
            })
        })
    }

    fn apart(entries: &[&str], blind: bool, stale: &str, new: &str) -> bool {
        let mut holds = |folder: &Path, name: &str| finds(entries, blind, folder, name);
        super::apart_in(Path::new("/out"), stale, new, &mut holds)
    }

    /// A spare's stale file and the build's, folding alike: kept where the system
    /// takes them for one (a folder keeps the spelling it was made with; a file
    /// renamed over takes the new one), removed where it tells them apart.
    #[test]
    fn a_stale_file_is_apart_from_the_build_s_only_where_both_are_spelled_exactly() {
        // Blind to case: `docs/a.txt` written into the folder made as `Docs`.
        assert!(!apart(&["Docs/a.txt"], true, "Docs/a.txt", "docs/a.txt"));
        // Blind to case: `logo.png` renamed over `Logo.PNG`.
        assert!(!apart(&["logo.png"], true, "Logo.PNG", "logo.png"));
        // Telling case apart, both are there.
        let both = ["Docs/a.txt", "docs/a.txt"];
        assert!(apart(&both, false, "Docs/a.txt", "docs/a.txt"));
        assert!(apart(
            &["Logo.PNG", "logo.png"],
            false,
            "Logo.PNG",
            "logo.png"
        ));
    }
}
