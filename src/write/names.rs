//! The paths around the output: the folders beside it, the names wsis keeps for its
//! own files, and an output path made absolute to compare with the site's.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use super::manifest::MARKER;
use crate::diagnostic::{Diagnostic, Kind};

pub(super) fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.{suffix}"))
}

/// The part of file names that `wsis` keeps for its own files: the marker
/// (`.wsis-output`), the folders and files beside the output (`.public.wsis-staging`,
/// `.public.wsis-old`, `.public.wsis-spare`, `.public.wsis-lock`, the build cache's)
/// and the temporary files in the spare (`.wsis-tmp-…`).
pub(super) const RESERVED: &str = ".wsis-";

/// Refuses an output path with a name `wsis` keeps for itself: a site file named like
/// the marker or a staging folder would be taken for the build's own; one with a
/// control character; and one with a backslash. `shown` names the source of the file.
pub(crate) fn check_name(rel: &Path, shown: &Path) -> Result<(), Diagnostic> {
    let refused = |message: String, help: String| {
        Err(Diagnostic::new(Kind::Output, shown, message).help(help))
    };
    // A line break (or a carriage return the manifest's reader would take for one's
    // half) cannot be listed in the manifest or the record of folders, which would
    // then misname the file; no address holds one either.
    if let Some(name) = first_name(rel, |n| n.chars().any(char::is_control)) {
        return refused(
            format!("{name:?} has a line break or another control character in its name"),
            "rename the file: a published file's name cannot hold control characters".into(),
        );
    }
    // A backslash is a folder separator on Windows, and the output's keys use `/`:
    // on Unix `a\b.txt` would be one file under a key naming `b.txt` in folder `a`,
    // which the survey of the output never finds and a link to `/a/b.txt` resolves
    // to, though no server has that file there.
    if let Some(name) = first_name(rel, |n| n.contains('\\')) {
        return refused(
            format!("`{name}` has a backslash in its name"),
            "rename the file: a published file's name cannot hold `\\`, the folder \
             separator on Windows"
                .into(),
        );
    }
    // Compared folded: on macOS and Windows `.WSIS-OUTPUT` is the marker.
    if let Some(name) = first_name(rel, |n| fold(n).contains(RESERVED)) {
        return refused(
            format!("`{name}` is a name wsis keeps for its own files in the output"),
            format!(
                "rename the file: names containing `{RESERVED}` (such as `{MARKER}` or \
                 `.public.wsis-staging`) are reserved"
            ),
        );
    }
    Ok(())
}

/// `name` as a file system blind to case and to how an accent is encoded (macOS's by
/// default; Windows's is blind to case) compares it: each character upper-cased, then
/// lower-cased, so that `ſ`, `ı`, `µ` and a final `ς` fold as `s`, `i`, `μ` and `σ`
/// do (`ß` folds as `ss`, which only refuses more), then composed (NFC). Borrowed when
/// there is nothing to fold: lower-case ASCII, as every page's path is.
pub(super) fn fold(name: &str) -> Cow<'_, str> {
    if name
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(name);
    }
    let lower: String = name
        .chars()
        .flat_map(char::to_uppercase)
        .flat_map(char::to_lowercase)
        .collect();
    Cow::Owned(crate::nfc::nfc(Cow::Owned(lower)).into_owned())
}

/// The folders above `key` (`a` and `a/b` for `a/b/c`), shallowest first.
pub(super) fn folders_above(key: &str) -> impl Iterator<Item = &str> {
    key.match_indices('/').map(move |(at, _)| &key[..at])
}

/// The first name along `rel` that is `bad`.
fn first_name(rel: &Path, bad: impl Fn(&str) -> bool) -> Option<String> {
    rel.components().find_map(|c| match c {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            bad(&name).then(|| name.into_owned())
        }
        _ => None,
    })
}

/// `path` made absolute and without `.` or `..`, each `..` read as the file system
/// reads it: the parent of the real folder reached so far, through links. The output
/// checks and the staging folder work on the path's names, so a path must name the
/// folder that will be written: `public/.` has no last name (the staging folder went
/// inside the output and the build failed), and `link/..` names the folder holding
/// the link where the system writes beside the link's target (an `--output` through
/// a link into `content/` was checked as outside the site and written inside it).
/// The site root goes through the same rule, so both are compared as the system
/// sees them.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let mut out = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                // A folder that does not exist yet has no links to follow.
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` made absolute, with the symbolic links of the part that exists resolved:
/// an output given through a link to the site root is the site root.
pub(super) fn resolved(path: &Path) -> PathBuf {
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
