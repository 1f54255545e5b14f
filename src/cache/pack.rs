//! The validated reports of the cache, in a file of their own beside it
//! (`.public.wsis-reports`): each report encoded once, where it stays while its file
//! is unchanged.
//!
//! The reports are most of the cache (about 22 KB each: the text as HTML and as plain
//! text, the figures), and between two builds of an editor's session most of them do
//! not change. Re-encoding and rewriting every one of them after each build cost as
//! much as the rest of an incremental build. So the pack is only appended to: a
//! build encodes the reports it validated again, appends them, and the cache file
//! records where each report's bytes are ([`Packed`]: offset, length, XXH3-128). Bytes
//! no report points to any more are dropped when the pack is written anew, once they
//! outweigh the live ones.
//!
//! Layout: the magic `WSIS-REPORTS\n`, the format version (`u32`), the pack's id
//! (`u128`, new each time the pack is written anew), then the reports' bytes one after
//! the other. The cache file names the id it was written with: a pack written anew,
//! by another build or another `wsis`, is refused, as is a report whose bytes do not
//! hash as recorded. Appending never changes a byte a cache file points to, so a build
//! stopped halfway leaves a pack the last cache still reads.
//!
//! On Unix, reports read back keep their deflated text in the pack, which stays open
//! while they live ([`crate::model::Store`]): a pack written anew is a new file renamed
//! over this one, which the open file outlives. (A network file system that refuses
//! to rename over an open file, as SMB mounts may, makes such a write fail: the cache
//! is then not written, with a warning, and the next build renders every page.)

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::file::{FORMAT, Refused};
use super::staged::temporary;
use crate::load::open_regular;
use crate::model::{Report, Store};
use crate::stamp::Stamp;

/// The first bytes of every pack.
const MAGIC: &[u8] = b"WSIS-REPORTS\n";

/// The fixed part before the reports: magic, format, id.
const HEADER: u64 = MAGIC.len() as u64 + 4 + 16;

/// How many reports are encoded at once (in parallel) before they are written: the
/// encoded bytes of a whole site are never held together.
const BATCH: usize = 512;

/// Where one report's bytes are in the pack, and what they hash to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Packed {
    /// The hash of the report's file text it was validated from
    /// ([`crate::load::RawReport::fingerprint`]).
    pub(crate) fingerprint: u64,
    /// The offset of its bytes from the start of the pack.
    pub(crate) offset: u64,
    /// Their length.
    pub(crate) len: u64,
    /// Their XXH3-128.
    pub(crate) hash: u128,
    /// The report file's stamp when that text was read, if it could be recorded:
    /// while the file has it, the next build does not read the file.
    pub(crate) stamp: Option<Stamp>,
}

/// The reports at `at` of the pack at `path`, which must be the pack `id`; in the
/// order of `at`, read and decoded in parallel.
///
/// Each report's bytes are read where they are (`pread`) into a buffer each thread
/// keeps, rather than the whole pack into one: at 10,000 reports that was 107 MB
/// allocated, its pages zeroed by the kernel then copied into, one thread reading
/// before any decoding began (half the time of reading the cache, on the way to
/// loading the site), and a tenth of the build's peak memory.
pub(crate) fn read(path: &Path, id: u128, at: &[Packed]) -> Result<Vec<Arc<Report>>, Refused> {
    if at.is_empty() {
        return Ok(Vec::new());
    }
    let mut file = open_regular(path, OpenOptions::new().read(true)).map_err(|_| Refused::Pack)?;
    // The header first: a file that is not this pack is refused before it is read.
    let mut head = [0u8; HEADER as usize];
    io::Read::read_exact(&mut file, &mut head).map_err(|_| Refused::Length)?;
    if header_id(&head)? != id {
        return Err(Refused::Pack);
    }
    let size = file.metadata().map_err(|_| Refused::Pack)?.len();
    let pack = Arc::new(Pack(file));
    let store: Arc<dyn Store> = pack.clone();
    at.par_iter()
        .map_init(Vec::new, |blob: &mut Vec<u8>, p| {
            let end = p.offset.checked_add(p.len).ok_or(Refused::Length)?;
            if p.offset < HEADER || end > size {
                return Err(Refused::Length);
            }
            blob.resize(usize::try_from(p.len).map_err(|_| Refused::Length)?, 0);
            read_at(&pack.0, blob, p.offset).map_err(|_| Refused::Length)?;
            if xxhash_rust::xxh3::xxh3_128(blob) != p.hash {
                return Err(Refused::Checksum);
            }
            let decode = || postcard::from_bytes::<Report>(blob);
            // Unix only: see the module.
            let decoded = if cfg!(unix) {
                crate::model::decoding_from(&store, p.offset, blob, decode)
            } else {
                decode()
            };
            decoded.map(Arc::new).map_err(|_| Refused::Decode)
        })
        .collect()
}

/// The pack a build read its reports from, kept open for their text (see the
/// module): appending leaves every byte before the end as it was.
#[derive(Debug)]
struct Pack(File);

impl Store for Pack {
    fn read_at(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; len];
        read_at(&self.0, &mut bytes, offset)?;
        Ok(bytes)
    }
}

/// Fills `buf` with the bytes of `file` from `offset`, without moving a shared
/// position: the threads of [`read`] read one file at once.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// [`read_at`] where reads at an offset are `seek_read`.
#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// The id in the header of a pack's `bytes`.
fn header_id(bytes: &[u8]) -> Result<u128, Refused> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(Refused::Pack)?;
    let format = rest.get(..4).ok_or(Refused::Length)?;
    let format = u32::from_le_bytes(format.try_into().map_err(|_| Refused::Length)?);
    if format != FORMAT {
        return Err(Refused::Format(format));
    }
    let id = rest.get(4..20).ok_or(Refused::Length)?;
    Ok(u128::from_le_bytes(
        id.try_into().map_err(|_| Refused::Length)?,
    ))
}

/// A pack being written: appended to, or written anew.
#[derive(Debug)]
pub(crate) struct Writer {
    /// Its id.
    pub(crate) id: u128,
    /// Where it is written: the pack itself when appending, a temporary file beside it
    /// when written anew.
    file: BufWriter<File>,
    /// The offset the next report's bytes go to.
    end: u64,
    /// When written anew: the temporary file, renamed over the pack by
    /// [`Writer::finish`] (declared after `file`, so it is closed first).
    rename: Option<(Unfinished, PathBuf)>,
}

/// A new pack's temporary file, removed when its writer is dropped before the rename
/// (a report whose text no longer reads back fails the write): the next build would
/// remove it too, but until then it stayed beside the output, as large as the pack.
#[derive(Debug)]
struct Unfinished(Option<PathBuf>);

impl Unfinished {
    fn path(&self) -> &Path {
        self.0.as_deref().expect("not yet renamed")
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if let Some(tmp) = self.0.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

impl Writer {
    /// Opens the pack `id` at `path` to append after its first `len` bytes, when it is
    /// still that pack and that long (nothing else wrote to it since).
    pub(crate) fn append(path: &Path, id: u128, len: u64) -> Option<Writer> {
        // A pack being written anew by a build stopped before its rename: never
        // renamed now, it would stay beside the output.
        let _ = fs::remove_file(temporary(path));
        let mut file = open_regular(path, OpenOptions::new().read(true).append(true)).ok()?;
        if file.metadata().ok()?.len() != len {
            return None;
        }
        let mut head = [0u8; HEADER as usize];
        io::Read::read_exact(&mut file, &mut head).ok()?;
        if header_id(&head).ok()? != id {
            return None;
        }
        Some(Writer {
            id,
            file: BufWriter::with_capacity(1 << 20, file),
            end: len,
            rename: None,
        })
    }

    /// Starts a new pack to replace the one at `path`, under a temporary name.
    pub(crate) fn anew(path: &Path) -> io::Result<Writer> {
        let tmp = temporary(path);
        let _ = fs::remove_file(&tmp);
        let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        let id = new_id(path);
        let mut file = BufWriter::with_capacity(1 << 20, file);
        file.write_all(MAGIC)?;
        file.write_all(&FORMAT.to_le_bytes())?;
        file.write_all(&id.to_le_bytes())?;
        Ok(Writer {
            id,
            file,
            end: HEADER,
            rename: Some((Unfinished(Some(tmp)), path.to_path_buf())),
        })
    }

    /// Appends `reports` (each with the fingerprint of its file's text); where each
    /// went, in their order.
    pub(crate) fn write(&mut self, reports: &[(u64, &Report)]) -> io::Result<Vec<Packed>> {
        let mut at = Vec::with_capacity(reports.len());
        for batch in reports.chunks(BATCH) {
            // Plain strings, numbers and lists, and text left in the pack a report
            // was read from: encoding fails only when that text no longer reads back
            // as it was (`model::deflated`), and then the pack is not written.
            let blobs: Vec<(u64, Vec<u8>)> = batch
                .par_iter()
                .map(|(fp, r)| {
                    let blob = postcard::to_stdvec(r).map_err(|_| {
                        io::Error::other(format!(
                            "the text of {} could not be read back from the reports file \
                             (changed during the build?)",
                            r.source.display()
                        ))
                    })?;
                    Ok((*fp, blob))
                })
                .collect::<io::Result<_>>()?;
            for (fingerprint, blob) in blobs {
                self.file.write_all(&blob)?;
                at.push(Packed {
                    fingerprint,
                    offset: self.end,
                    len: blob.len() as u64,
                    hash: xxhash_rust::xxh3::xxh3_128(&blob),
                    stamp: None,
                });
                self.end += blob.len() as u64;
            }
        }
        Ok(at)
    }

    /// Writes out what is buffered (and renames a new pack into place); the pack's
    /// length.
    pub(crate) fn finish(self) -> io::Result<u64> {
        let Writer {
            file, end, rename, ..
        } = self;
        let file = file.into_inner().map_err(|e| e.into_error())?;
        drop(file);
        if let Some((mut tmp, path)) = rename {
            // Removed if the rename fails (`Unfinished` is dropped holding it).
            fs::rename(tmp.path(), &path)?;
            tmp.0 = None;
        }
        Ok(end)
    }
}

/// An id for a new pack at `path`: unlike any earlier pack's there.
fn new_id(path: &Path) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.update(&now.to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    h.update(path.as_os_str().as_encoded_bytes());
    h.digest128()
}

/// Whether a pack of `len` bytes, of which `live` are reports still pointed to, is to
/// be written anew rather than appended to: when the dead bytes outweigh the live.
pub(crate) fn worth_rewriting(len: u64, live: u64) -> bool {
    len.saturating_sub(HEADER).saturating_sub(live) > live
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(n: usize) -> Report {
        crate::frame::fixture::report(n, crate::model::OrgId(0), 2024, None)
    }

    pub(super) fn dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "wsis-pack-{}-{:x}",
            std::process::id(),
            new_id(Path::new("t"))
        ));
        fs::create_dir_all(&d).unwrap();
        d
    }

    /// A new pack of one report in a folder of its own: the folder, the pack, its id,
    /// where the report is, and the pack's length.
    fn one_report_pack() -> (PathBuf, PathBuf, u128, Vec<Packed>, u64) {
        let d = dir();
        let pack = d.join(".public.wsis-reports");
        let mut w = Writer::anew(&pack).unwrap();
        let id = w.id;
        let at = w.write(&[(1, &report(1))]).unwrap();
        let len = w.finish().unwrap();
        (d, pack, id, at, len)
    }

    /// From a red-team read: a named pipe in the pack's place made every build wait
    /// forever for a writer; it is refused at once.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_the_pack_s_place_is_refused_without_waiting() {
        let (d, pack, id, at, len) = one_report_pack();
        fs::remove_file(&pack).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&pack).status();
        assert!(made.unwrap().success(), "mkfifo");
        let (done, wait) = std::sync::mpsc::channel();
        let path = pack.clone();
        std::thread::spawn(move || {
            let read = read(&path, id, &at).err();
            let appended = Writer::append(&path, id, len).is_some();
            let _ = done.send((read, appended));
        });
        let got = wait.recv_timeout(std::time::Duration::from_secs(10));
        // Unblock a reader still waiting, should the open have blocked after all.
        {
            use std::os::unix::fs::OpenOptionsExt;
            let nonblocking = rustix::fs::OFlags::NONBLOCK.bits() as i32;
            let _ = OpenOptions::new()
                .write(true)
                .custom_flags(nonblocking)
                .open(&pack);
        }
        assert_eq!(
            got.expect("the pack's reading waited"),
            (Some(Refused::Pack), false)
        );
        fs::remove_dir_all(&d).unwrap();
    }

    /// From a red-team read: a build stopped while writing the pack anew left its
    /// temporary file, which builds that only appended never removed.
    #[test]
    fn appending_removes_a_pack_left_half_written_anew() {
        let (d, pack, id, _, len) = one_report_pack();
        fs::write(temporary(&pack), b"left by a build stopped").unwrap();
        let w = Writer::append(&pack, id, len).expect("appendable");
        w.finish().unwrap();
        assert!(!temporary(&pack).exists());
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn reports_read_back_from_a_new_pack_and_after_an_append() {
        let d = dir();
        let pack = d.join(".public.wsis-reports");
        let (a, b, c) = (report(1), report(2), report(3));
        let mut w = Writer::anew(&pack).unwrap();
        let id = w.id;
        let first = w.write(&[(1, &a), (2, &b)]).unwrap();
        let len = w.finish().unwrap();
        assert_eq!(fs::metadata(&pack).unwrap().len(), len);
        let before = fs::read(&pack).unwrap();

        let mut w = Writer::append(&pack, id, len).expect("appendable");
        let more = w.write(&[(3, &c)]).unwrap();
        let len2 = w.finish().unwrap();
        let after = fs::read(&pack).unwrap();
        assert_eq!(after.len() as u64, len2);
        assert!(
            after.starts_with(&before),
            "appending rewrote earlier bytes"
        );

        let all: Vec<Packed> = first.iter().chain(&more).copied().collect();
        let back = read(&pack, id, &all).unwrap();
        let slugs: Vec<&str> = back.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["r1", "r2", "r3"]);
        assert_eq!(
            all.iter().map(|p| p.fingerprint).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        // Another id, a pack since changed in length, a report's bytes damaged.
        assert_eq!(read(&pack, id ^ 1, &all).err(), Some(Refused::Pack));
        assert!(Writer::append(&pack, id, len).is_none());
        let mut damaged = after.clone();
        damaged[all[1].offset as usize] ^= 1;
        fs::write(&pack, &damaged).unwrap();
        assert_eq!(read(&pack, id, &all).err(), Some(Refused::Checksum));
        let past = Packed {
            offset: len2,
            ..all[0]
        };
        assert_eq!(read(&pack, id, &[past]).err(), Some(Refused::Length));
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_pack_written_anew_has_another_id_and_replaces_the_old() {
        let d = dir();
        let pack = d.join(".public.wsis-reports");
        let a = report(1);
        let mut w = Writer::anew(&pack).unwrap();
        let old = w.id;
        let at = w.write(&[(1, &a)]).unwrap();
        w.finish().unwrap();
        let mut w = Writer::anew(&pack).unwrap();
        let new = w.id;
        w.write(&[(1, &a)]).unwrap();
        w.finish().unwrap();
        assert_ne!(old, new);
        assert_eq!(read(&pack, old, &at).err(), Some(Refused::Pack));
        assert_eq!(read(&pack, new, &at).unwrap()[0].slug, "r1");
        let names: Vec<_> = fs::read_dir(&d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
        fs::remove_dir_all(&d).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_pack_behind_a_symbolic_link_is_neither_read_nor_appended_to() {
        let d = dir();
        let real = d.join("elsewhere");
        let pack = d.join(".public.wsis-reports");
        let a = report(1);
        let mut w = Writer::anew(&real).unwrap();
        let id = w.id;
        let at = w.write(&[(1, &a)]).unwrap();
        let len = w.finish().unwrap();
        std::os::unix::fs::symlink(&real, &pack).unwrap();
        assert_eq!(read(&pack, id, &at).err(), Some(Refused::Pack));
        assert!(Writer::append(&pack, id, len).is_none());
        assert_eq!(fs::metadata(&real).unwrap().len(), len);
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_crafted_report_is_read_back_unchecked_and_refused_before_a_page_shows_it() {
        let d = dir();
        let pack = d.join(".public.wsis-reports");
        // Text that does not unpack, in bytes hashing as recorded: what a crafted
        // reports file can hold past every checksum.
        let mut crafted = report(1);
        crafted.body.html = crate::model::Packed::crafted(b"not deflate", 4096);
        let mut sound = report(2);
        sound.body.html = crate::model::Packed::new("<p>Text.</p>");
        let mut w = Writer::anew(&pack).unwrap();
        let id = w.id;
        let at = w.write(&[(1, &crafted), (2, &sound)]).unwrap();
        w.finish().unwrap();
        let back = read(&pack, id, &at).expect("read without inflating");
        assert_eq!(back[0].body.html.unpack(), "", "no panic, nothing shown");
        let cache =
            super::super::Incremental::open(&d.join("public"), None, true, Default::default());
        let refused = cache.sound(&back[0]).expect_err("refused");
        assert!(
            refused.message.contains("content/reports/r1.md"),
            "{refused}"
        );
        assert!(
            refused.help.as_deref().unwrap_or("").contains("--fresh"),
            "{refused:?}"
        );
        assert!(cache.sound(&back[1]).is_ok());
        assert_eq!(back[1].body.html.unpack(), "<p>Text.</p>");
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_pack_is_rewritten_once_dead_bytes_outweigh_live_ones() {
        assert!(!worth_rewriting(HEADER + 100, 100));
        assert!(!worth_rewriting(HEADER + 200, 100));
        assert!(worth_rewriting(HEADER + 201, 100));
        assert!(worth_rewriting(HEADER + 1, 0));
        assert!(!worth_rewriting(HEADER, 0));
    }

    #[test]
    fn the_pack_is_named_beside_the_cache_and_apart_for_every_output() {
        use crate::write::{cache_path, reports_path};
        assert_eq!(
            reports_path(Path::new("/s/public")),
            Path::new("/s/.public.wsis-reports")
        );
        // Outputs whose names hold the suffixes still get packs of their own.
        let outputs = [
            "/s/x-wsis-cache",
            "/s/x-wsis-reports",
            "/s/x",
            "/s/wsis-cache",
        ];
        let mut names: Vec<PathBuf> = outputs
            .iter()
            .flat_map(|o| [cache_path(Path::new(o)), reports_path(Path::new(o))])
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), outputs.len() * 2, "{names:?}");
    }
}

#[cfg(all(test, unix))]
#[path = "pack_text_tests.rs"]
mod text_tests;
