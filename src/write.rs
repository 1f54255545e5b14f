//! Stage 5: the output folder, written so that a failed build changes nothing.
//!
//! Pages go to a staging folder beside the output (`.public.wsis-staging`); only when
//! every page rendered and every link resolved is the staging folder swapped in with
//! two renames. `wsis` refuses to replace a folder it did not create, or one that
//! holds the site's sources.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::Sink;

/// The file `wsis` leaves in every output folder it writes, so that it can tell its
/// own output from a folder of someone else's it must never empty.
pub const MARKER: &str = ".wsis-output";

/// An output folder being written.
#[derive(Debug)]
pub(crate) struct Output {
    /// The final output folder.
    target: PathBuf,
    /// Where this build writes until it is committed.
    staging: PathBuf,
    /// Whether the existing output is wsis's own, so its files may be linked.
    reuse: bool,
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
        Ok(Output {
            target: target.to_path_buf(),
            staging,
            reuse: target.join(MARKER).is_file(),
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
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, "create folder", &e))?;
        }
        // A file the previous build wrote with the same bytes is linked, not written
        // again: most files of a rebuild are unchanged, and removing the previous
        // output then frees no data (on file systems mounted with `discard`, freeing
        // hundreds of megabytes takes minutes).
        let previous = self.target.join(rel);
        if self.reuse
            && fs::read(&previous).is_ok_and(|old| old == bytes)
            && fs::hard_link(&previous, &path).is_ok()
        {
            return Ok(());
        }
        fs::write(&path, bytes).map_err(|e| Diagnostic::io(&self.target.join(rel), "write", &e))
    }

    /// Swaps the staging folder in as the output folder.
    pub(crate) fn commit(self) -> Result<(), Diagnostic> {
        self.write(
            Path::new(MARKER),
            b"This folder was written by wsis; it replaces it on every build.\n",
        )?;
        let old = sibling(&self.target, "wsis-old");
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| Diagnostic::io(&old, "remove", &e))?;
        }
        if self.target.exists() {
            fs::rename(&self.target, &old)
                .map_err(|e| Diagnostic::io(&self.target, "move the previous output aside", &e))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            // Put the previous output back so a failed swap loses nothing.
            let _ = fs::rename(&old, &self.target);
            return Err(Diagnostic::io(
                &self.target,
                "move the new output in place",
                &e,
            ));
        }
        if old.exists() {
            fs::remove_dir_all(&old)
                .map_err(|e| Diagnostic::io(&old, "remove the previous output", &e))?;
        }
        Ok(())
    }

    /// Drops the staging folder of a failed build.
    pub(crate) fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

impl Sink for Output {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.write(rel, &bytes)
    }
    fn has(&self, rel: &Path) -> bool {
        self.staging.join(rel).is_file()
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
}
