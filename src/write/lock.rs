//! One build at a time into an output folder.
//!
//! Two builds into the same output would each take the staging folder beside it for
//! their own: one could prune or replace what the other is writing, or rename a tree
//! over the other's. A build therefore holds an exclusive lock on `.public.wsis-lock`
//! (beside the output, with the other folders wsis keeps there) from before it touches
//! those folders until its cache and spare are in place; a second build waits for it,
//! saying so. The lock is the kernel's (`flock` on Unix, `LockFileEx` on Windows), so
//! a build that is killed releases it. The file is never written nor deleted: removing
//! a lock file while another process waits on it would let a third take a lock of its
//! own on a new file of the same name.

use std::fs;
use std::io;
use std::path::Path;

use super::names::sibling;
use crate::diagnostic::{Diagnostic, Kind};
use crate::load::open_regular;

/// The lock held for a build into one output folder; released when dropped.
#[derive(Debug, Default)]
pub(super) struct BuildLock {
    /// The open lock file; `None` where no lock could be had (see `warning`).
    _file: Option<fs::File>,
    /// Why the build goes on without a lock (a folder or special file under the lock's
    /// name, a file system without locks): said as a warning, since a second build
    /// could then run at once.
    pub(super) warning: Option<Diagnostic>,
}

/// Takes the lock for the output `target`, waiting while another build holds it. An
/// error only when the wait itself fails: the other build may still be writing.
pub(super) fn take(target: &Path) -> Result<BuildLock, Diagnostic> {
    let path = sibling(target, "wsis-lock");
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    let unlocked = |why: String| BuildLock {
        _file: None,
        warning: Some(
            Diagnostic::new(
                Kind::Output,
                &path,
                format!("{why}: this build is not kept apart from another into the same folder"),
            )
            .help("remove what holds the lock's name; wsis makes it an empty file"),
        ),
    };
    let file = match open(&path) {
        Ok(file) => file,
        Err(e) => return Ok(unlocked(format!("the lock file could not be opened: {e}"))),
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "note: another wsis build is writing {}; waiting for it to finish",
                target.display()
            );
            file.lock().map_err(|e| {
                Diagnostic::io(&path, "wait for the other build's lock", &e)
                    .help("run the build again once the other build is done")
            })?;
        }
        Err(fs::TryLockError::Error(e)) => {
            return Ok(unlocked(format!("the lock could not be taken: {e}")));
        }
    }
    Ok(BuildLock {
        _file: Some(file),
        warning: None,
    })
}

/// Opens the lock file at `path`, created empty if missing, for writing (or for
/// reading, where another user's file may be read and not written: a lock needs
/// neither); a regular file only, never through a link planted under its name, and
/// without waiting on a named pipe put there ([`open_regular`]).
fn open(path: &Path) -> io::Result<fs::File> {
    let mut writing = fs::OpenOptions::new();
    writing.write(true).create(true).truncate(false);
    open_regular(path, &mut writing).or_else(|e| match e.kind() {
        io::ErrorKind::PermissionDenied => open_regular(path, fs::OpenOptions::new().read(true)),
        _ => Err(e),
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::take;

    /// Issue 17: while a build holds the lock of an output folder, no other may take
    /// it; once the build is done (its lock dropped), the next one can.
    #[test]
    fn a_build_holds_its_output_lock_until_it_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let held = take(&out).unwrap();
        assert!(held._file.is_some() && held.warning.is_none());
        let path = dir.path().join(".public.wsis-lock");
        let other = fs::OpenOptions::new().write(true).open(&path).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(fs::TryLockError::WouldBlock)
        ));
        drop(held);
        other.try_lock().unwrap();
    }

    /// What holds the lock's name and is not a regular file (a link, a folder, a
    /// named pipe) is never followed nor waited on: the build goes on without a lock
    /// and says so, and nothing is made where a link points.
    #[cfg(unix)]
    #[test]
    fn no_lock_through_what_is_not_a_regular_file_and_a_warning_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let name = dir.path().join(".public.wsis-lock");
        let elsewhere = dir.path().join("elsewhere");
        let plant: [&dyn Fn(); 3] = [
            &|| std::os::unix::fs::symlink(&elsewhere, &name).unwrap(),
            &|| fs::create_dir(&name).unwrap(),
            &|| {
                rustix::fs::mknodat(
                    rustix::fs::CWD,
                    &name,
                    rustix::fs::FileType::Fifo,
                    rustix::fs::Mode::from_raw_mode(0o644),
                    0,
                )
                .unwrap()
            },
        ];
        for (i, plant) in plant.iter().enumerate() {
            plant();
            let lock = take(&out).unwrap();
            assert!(lock._file.is_none(), "case {i}");
            let warning = lock.warning.expect("a warning").to_string();
            assert!(warning.contains("not kept apart"), "case {i}: {warning}");
            assert!(!elsewhere.exists(), "case {i}");
            crate::write::tree::remove_entry(&name).unwrap();
        }
    }
}
