//! One build at a time into an output folder.
//!
//! Two builds into the same output would each take the staging folder beside it for
//! their own: one could prune or replace what the other is writing, or rename a tree
//! over the other's. A build therefore holds an exclusive lock on `.public.wsis-lock`
//! (beside the output, with the other folders wsis keeps there) from before it looks
//! at those folders until its cache and spare are in place; a second build waits for
//! it, saying so. The lock is the kernel's (`flock`), so a build that is killed
//! releases it; where there is none (Windows), builds are not kept apart. The file
//! is never written nor deleted: removing a lock file while another process waits on
//! it would let a third take a lock of its own on a new file of the same name.

use std::fs;
use std::path::Path;

use super::names::sibling;

/// The lock held for a build into one output folder; released when dropped.
#[derive(Debug, Default)]
pub(super) struct BuildLock {
    /// The open lock file, `None` where the file system could not give a lock (a
    /// read-only folder, a file system without locks): the build then goes on as
    /// before locks existed, its later writes failing with their own errors.
    _file: Option<fs::File>,
}

/// Takes the lock for the output `target`, waiting while another build holds it.
pub(super) fn take(target: &Path) -> BuildLock {
    let path = sibling(target, "wsis-lock");
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    // A link planted under the lock's name is not followed: no file is created
    // where it points.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        rustix::fs::OFlags::NOFOLLOW.bits() as i32,
    );
    let Ok(file) = options.open(&path) else {
        return BuildLock { _file: None };
    };
    let file = exclusive(file, || {
        eprintln!(
            "note: another wsis build is writing {}; waiting for it to finish",
            target.display()
        );
    });
    BuildLock { _file: file }
}

/// `file`, once this process holds the kernel's exclusive lock on it (`flock`),
/// calling `waiting` first if another holds it; `None` when no lock can be had.
#[cfg(all(unix, not(target_os = "solaris")))]
fn exclusive(file: fs::File, waiting: impl FnOnce()) -> Option<fs::File> {
    use rustix::fs::{FlockOperation, flock};
    match flock(&file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Some(file),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => {
            waiting();
            flock(&file, FlockOperation::LockExclusive)
                .ok()
                .map(|()| file)
        }
        Err(_) => None,
    }
}

/// Without `flock` (Windows, Solaris), builds are not kept apart: `std`'s file locks
/// need a newer Rust than this crate asks for.
#[cfg(not(all(unix, not(target_os = "solaris"))))]
fn exclusive(_file: fs::File, _waiting: impl FnOnce()) -> Option<fs::File> {
    None
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::take;

    /// Issue 17: while a build holds the lock of an output folder, no other may take
    /// it; once the build is done (its lock dropped), the next one can.
    #[cfg(all(unix, not(target_os = "solaris")))]
    #[test]
    fn a_build_holds_its_output_lock_until_it_is_dropped() {
        use rustix::fs::{FlockOperation, flock};
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let held = take(&out);
        let path = dir.path().join(".public.wsis-lock");
        let other = fs::OpenOptions::new().write(true).open(&path).unwrap();
        let try_lock = || flock(&other, FlockOperation::NonBlockingLockExclusive);
        assert_eq!(try_lock(), Err(rustix::io::Errno::WOULDBLOCK));
        drop(held);
        try_lock().unwrap();
    }

    /// A link planted under the lock's name is never followed: nothing is created
    /// where it points, and the build goes on without a lock.
    #[cfg(unix)]
    #[test]
    fn a_link_under_the_locks_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(".public.wsis-lock")).unwrap();
        let lock = take(&out);
        assert!(lock._file.is_none());
        assert!(!elsewhere.exists());
    }
}
