//! The paths a build has begun to write, and the checks that no two of them name one
//! file or folder, here or where the output may be copied or published.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::names::{fold, folders_above};
use crate::diagnostic::{Diagnostic, Kind};

/// Every path (a key, with `/`) this build has begun to write.
#[derive(Debug, Default)]
pub(crate) struct Claims {
    keys: HashSet<String>,
    /// Every folder above a key, by its XXH3-64 (a fifth of the memory of the names,
    /// 150,000 of them at 100,000 reports): a hit is confirmed among the keys
    /// ([`Claims::is_folder`]), which only a clash asks for. (FxHash: the keys are
    /// hashes already.)
    folders: rustc_hash::FxHashSet<u64>,
    /// The names (keys and folders above them) whose last part folds to something
    /// else ([`fold`]: `Guide.pdf`, `pt-BR`), by the name with that part folded, and as
    /// spelled. A name is compared with its siblings only: its folder is spelled one
    /// way by then. Page paths are lower-case but for a language tag, so this holds
    /// a few static files and language folders.
    odd: HashMap<String, String>,
}

/// Why a path cannot be claimed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// It is claimed already.
    Twice,
    /// It, or a folder above it (`ours`), differs from a name claimed already
    /// (`theirs`) only in case or in how an accent is encoded. On a file system blind
    /// to those (macOS's and Windows's by default) both are one file or folder:
    /// whichever write came last would hold it, the other published name would lead
    /// nowhere on a server that tells them apart, and the next build would take one
    /// for a file added by hand.
    Case { ours: String, theirs: String },
    /// `file` is claimed as a file and as the folder of `inside`.
    FileAndFolder { file: String, inside: String },
}

impl Claims {
    /// Claims `key`, unless it is claimed, it or a folder above it is also a file or
    /// a folder of what is claimed, or a name along it is claimed spelled otherwise.
    pub(crate) fn insert(&mut self, key: &str) -> Result<(), Refused> {
        if self.keys.contains(key) {
            return Err(Refused::Twice);
        }
        if let Some(inside) = self.is_folder(key) {
            return Err(Refused::FileAndFolder {
                file: key.to_string(),
                inside,
            });
        }
        if let Some(file) = folders_above(key).find(|f| self.keys.contains(*f)) {
            return Err(Refused::FileAndFolder {
                file: file.to_string(),
                inside: key.to_string(),
            });
        }
        let mut odd = Vec::new();
        for name in folders_above(key).chain([key]) {
            let (parent, last) = name.rsplit_once('/').unwrap_or(("", name));
            let folded = fold(last);
            if folded == last && self.odd.is_empty() {
                continue;
            }
            let sibling: Cow<'_, str> = match (folded == last, parent) {
                (true, _) => Cow::Borrowed(name),
                (false, "") => Cow::Owned(folded.into_owned()),
                (false, _) => Cow::Owned(format!("{parent}/{folded}")),
            };
            let theirs = match self.odd.get(&*sibling) {
                Some(spelled) if spelled == name => continue,
                Some(spelled) => Some(spelled.clone()),
                None if *sibling == *name => None,
                // Spelled as it folds, the sibling is a plain key or folder.
                None => {
                    let claimed =
                        self.keys.contains(&*sibling) || self.is_folder(&sibling).is_some();
                    odd.push((sibling.clone().into_owned(), name));
                    claimed.then(|| sibling.into_owned())
                }
            };
            if let Some(theirs) = theirs {
                return Err(Refused::Case {
                    ours: name.to_string(),
                    theirs,
                });
            }
        }
        for (sibling, name) in odd {
            self.odd.insert(sibling, name.to_string());
        }
        self.folders
            .extend(folders_above(key).map(|f| xxhash_rust::xxh3::xxh3_64(f.as_bytes())));
        self.keys.insert(key.to_string());
        Ok(())
    }

    /// Whether `key` itself is claimed.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// The first key inside `name` when it is a folder of the keys.
    fn is_folder(&self, name: &str) -> Option<String> {
        let hashed = xxhash_rust::xxh3::xxh3_64(name.as_bytes());
        self.folders
            .contains(&hashed)
            .then(|| self.first_under(name))
            .flatten()
    }

    /// The first key, in order, inside the folder `folder`.
    pub(super) fn first_under(&self, folder: &str) -> Option<String> {
        self.keys
            .iter()
            .filter(|k| {
                k.strip_prefix(folder)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
            .min()
            .cloned()
    }
}

impl Refused {
    /// The error for a refused `key`, naming the file at `shown`.
    pub(crate) fn diagnostic(self, shown: &Path) -> Diagnostic {
        match self {
            Refused::Twice => Diagnostic::new(
                Kind::Duplicate,
                shown,
                "the build writes this file twice: a static or theme file has the path of a page or data file",
            )
            .help("rename or remove the static file (in static/ or the theme's static/)"),
            Refused::Case { ours, theirs } => {
                // In string order, whichever was claimed first.
                let (a, b) = if theirs < ours {
                    (theirs, ours)
                } else {
                    (ours, theirs)
                };
                Diagnostic::new(
                    Kind::Duplicate,
                    shown,
                    format!(
                        "the build writes `{a}` and `{b}`, whose names differ only in case \
                         or in how an accent is encoded: on macOS (and, for case, Windows) \
                         they are one file or folder"
                    ),
                )
                .help("rename one of them (a static or theme file, or its folder)")
            }
            Refused::FileAndFolder { file, inside } => file_and_folder(shown, &file, &inside),
        }
    }
}

/// The error for a build that writes `file` both as a file and as the folder of
/// `inside`, at `shown`.
pub(super) fn file_and_folder(shown: &Path, file: &str, inside: &str) -> Diagnostic {
    Diagnostic::new(
        Kind::Duplicate,
        shown,
        format!("the build writes `{file}` both as a file and as the folder of `{inside}`"),
    )
    .help("rename the static or theme file, or the page, so that they differ")
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
