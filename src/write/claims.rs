//! The paths a build has begun to write, and the check that no two of them name one
//! file or folder where the output may be copied or published.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::names::fold;
use crate::diagnostic::{Diagnostic, Kind};

/// Every path (a key, with `/`) this build has begun to write.
#[derive(Debug, Default)]
pub(crate) struct Claims {
    keys: HashSet<String>,
    /// The keys and folders whose names fold to something else ([`fold`]: a static
    /// file's name in capitals, say), by their folded form: the name as claimed and a
    /// key it is in. Every page's path is lower-case ASCII, so this stays small.
    odd: HashMap<String, (String, String)>,
}

/// Why a path cannot be claimed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// It is claimed already.
    Twice,
    /// It, or a folder above it, differs from one claimed already (the key given) only
    /// in case or in how an accent is encoded. On a file system blind to those (macOS's
    /// and Windows's by default) both are one file or folder: whichever write came last
    /// would hold it, the other published name would lead nowhere on a server that
    /// tells them apart, and the next build would take one for a file added by hand.
    Case(String),
}

impl Claims {
    /// Claims `key`, unless it, or a path naming the same file or folder on a file
    /// system blind to case or accents' encoding, is claimed.
    pub(crate) fn insert(&mut self, key: &str) -> Result<(), Refused> {
        if self.keys.contains(key) {
            return Err(Refused::Twice);
        }
        // Each folder above the key, then the key.
        let names = || {
            key.match_indices('/')
                .map(|(at, _)| &key[..at])
                .chain([key])
        };
        let mut odd = Vec::new();
        for name in names() {
            let folded = fold(name);
            match self.odd.get(&*folded) {
                Some((spelled, other)) if spelled != name => {
                    return Err(Refused::Case(other.clone()));
                }
                Some(_) => {}
                // A name that folds to another is rare (a static file's): the other
                // is looked for among all the keys.
                None if folded != name => {
                    let under = |k: &str| {
                        k.strip_prefix(&*folded)
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                    };
                    // The first in order: the set's own order changes from run to run.
                    if let Some(other) = self.keys.iter().filter(|k| under(k)).min() {
                        return Err(Refused::Case(other.clone()));
                    }
                    odd.push((folded.into_owned(), name));
                }
                None => {}
            }
        }
        for (folded, name) in odd {
            self.odd.insert(folded, (name.to_string(), key.to_string()));
        }
        self.keys.insert(key.to_string());
        Ok(())
    }

    /// Whether `key` itself is claimed.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// The keys claimed.
    pub(super) fn iter(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
    }
}

impl Refused {
    /// The error for a refused `key`, naming the file at `shown`.
    pub(crate) fn diagnostic(self, key: &str, shown: &Path) -> Diagnostic {
        match self {
            Refused::Twice => Diagnostic::new(
                Kind::Duplicate,
                shown,
                "the build writes this file twice: a static or theme file has the path of a page or data file",
            )
            .help("rename or remove the static file (in static/ or the theme's static/)"),
            Refused::Case(other) => {
                // Named in order, whichever was claimed first.
                let (a, b) = if *other < *key {
                    (other.as_str(), key)
                } else {
                    (key, other.as_str())
                };
                Diagnostic::new(
                    Kind::Duplicate,
                    shown,
                    format!(
                        "the build writes `{a}` and `{b}`, whose paths differ only in case \
                         or in how an accent is encoded: on macOS (and, for case, Windows) \
                         they name one file or folder"
                    ),
                )
                .help("rename one of them (a static or theme file, or its folder)")
            }
        }
    }
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
