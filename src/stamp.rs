//! A file as a build last saw it: its size, its times and which file it is, the way
//! git's index tells an unchanged file without reading it.
//!
//! At 10,000 reports an edit build read and hashed 118 MB of report text it had seen
//! before, a fifth of the build, to find the one report that changed. A report whose
//! stamp is the one recorded when its text was last read is taken as that text.
//!
//! Writing a file sets its modification time and its change time (which no program
//! can set back: restoring a file's modification time with `cp -p` or `touch -d`
//! changes its change time), replacing it gives it another inode. What a stamp cannot
//! tell apart is a file written twice within one step of the file system's clock, the
//! second time after it was read: its times may not move. So a stamp is recorded only
//! for a file whose times were already older than that step when it was read
//! ([`Stamp::settled`]); a report saved just before a build is read again next time.

use std::fs::Metadata;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// What identifies a regular file's contents without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    /// Its size in bytes.
    len: u64,
    /// Its modification time, in nanoseconds since the epoch.
    modified: u128,
    /// Its change time (of the contents or of the inode), in nanoseconds since the epoch.
    changed: u128,
    /// Its inode number.
    inode: u64,
    /// The device holding it.
    device: u64,
}

impl Stamp {
    /// The stamp of the regular file whose metadata is `meta`, to compare with a
    /// recorded one; `None` for anything else, or where the system does not give
    /// inode numbers and change times (every file is then read).
    pub(crate) fn of(meta: &Metadata) -> Option<Stamp> {
        if !meta.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let nanos = |secs: i64, nsec: i64| {
                let secs = u128::try_from(secs).ok()?;
                let nsec = u128::try_from(nsec).ok()?;
                Some(secs * 1_000_000_000 + nsec)
            };
            Some(Stamp {
                len: meta.size(),
                modified: nanos(meta.mtime(), meta.mtime_nsec())?,
                changed: nanos(meta.ctime(), meta.ctime_nsec())?,
                inode: meta.ino(),
                device: meta.dev(),
            })
        }
        #[cfg(not(unix))]
        {
            None
        }
    }

    /// The stamp of a file read after `before` (taken before it was opened), whose
    /// open file has the metadata `meta`, when it may be recorded: only if neither of
    /// its times is within a clock step of `before`, so that any later change moves
    /// one of them.
    pub(crate) fn settled(meta: &Metadata, before: SystemTime) -> Option<Stamp> {
        let stamp = Stamp::of(meta)?;
        let before = before.duration_since(UNIX_EPOCH).ok()?.as_nanos();
        let settled = |time: u128| time.saturating_add(clock_step(time)) < before;
        (settled(stamp.modified) && settled(stamp.changed)).then_some(stamp)
    }
}

/// How far apart two changes may be and still get the same time, for a time as a file
/// system recorded it: one that keeps whole seconds (FAT, HFS+) is given two, others
/// 100 ms (Linux stamps files from a clock that moves in steps of at most 10 ms).
pub(crate) fn clock_step(time: u128) -> u128 {
    const SECOND: u128 = 1_000_000_000;
    if time.is_multiple_of(SECOND) {
        2 * SECOND
    } else {
        SECOND / 10
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::Duration;

    fn write(path: &std::path::Path, text: &str) -> Metadata {
        std::fs::write(path, text).unwrap();
        std::fs::metadata(path).unwrap()
    }

    #[test]
    fn a_file_written_within_a_clock_step_of_its_reading_is_not_stamped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        let meta = write(&path, "text");
        let written = meta.modified().unwrap();
        // Read 50 ms after the write: a second write in the same step might leave its
        // times alone.
        let soon = written + Duration::from_millis(50);
        assert_eq!(Stamp::settled(&meta, soon), None);
        // Read three seconds after it (past any file system's clock step): stamped.
        let later = written + Duration::from_secs(3);
        assert_eq!(Stamp::settled(&meta, later), Stamp::of(&meta));
        assert!(Stamp::of(&meta).is_some());
    }

    #[test]
    fn a_rewrite_a_replacement_or_times_set_back_change_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        let first = Stamp::of(&write(&path, "text one")).unwrap();
        // The same size, the modification time set back to the first one's.
        let old = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        write(&path, "text two");
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(old).unwrap();
        drop(file);
        let rewritten = Stamp::of(&std::fs::metadata(&path).unwrap()).unwrap();
        assert_eq!(rewritten.len, first.len);
        assert_eq!(rewritten.modified, first.modified);
        assert_ne!(rewritten, first, "the change time moved");
        // Another file renamed over it: another inode.
        let other = dir.path().join("new.md");
        std::fs::write(&other, "text one").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let replaced = Stamp::of(&std::fs::metadata(&path).unwrap()).unwrap();
        assert_ne!(replaced.inode, rewritten.inode);
        // Not a regular file: no stamp.
        assert_eq!(Stamp::of(&std::fs::metadata(dir.path()).unwrap()), None);
    }

    #[test]
    fn whole_second_times_are_given_two_seconds() {
        assert_eq!(clock_step(5_000_000_000), 2_000_000_000);
        assert_eq!(clock_step(5_000_000_001), 100_000_000);
    }
}
