//! Reading the site's files: regular files only, within the site, and every folder
//! listed or refused with the system's reason.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Kind, Location};
use crate::stamp::Stamp;

/// The threads the site's many small files are read on, more than there are cores.
/// A file the page cache does not hold (a site not built lately, or evicted by the
/// gigabytes a large build writes) is a wait for the disk, and with one thread per
/// core most of the load is that wait, a read or two in flight at a time: 100,000
/// reports loaded in 16.5 s with 15.8 s of CPU time on 2 cores. More threads keep
/// more reads in flight; when the files are cached they only take turns on the cores.
/// `None` (the caller then reads on the global pool) when the threads cannot be made,
/// or when `RAYON_NUM_THREADS` limits the threads `wsis` may use: the global pool's
/// are then those.
pub(crate) fn readers() -> Option<&'static rayon::ThreadPool> {
    static READERS: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    READERS
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, usize::from);
            let limit = std::env::var("RAYON_NUM_THREADS").ok();
            rayon::ThreadPoolBuilder::new()
                .num_threads(reader_count(cores, limit.as_deref())?)
                .thread_name(|i| format!("wsis-read-{i}"))
                .build()
                .ok()
        })
        .as_ref()
}

/// How many reading threads [`readers`] starts on `cores` cores, given the value of
/// `RAYON_NUM_THREADS` (as rayon reads it: a number above 0 limits, anything else
/// does not); `None` when the threads are limited.
fn reader_count(cores: usize, limit: Option<&str>) -> Option<usize> {
    let limited = limit
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > 0);
    (!limited).then(|| (cores * READERS_PER_CORE).clamp(MIN_READERS, MAX_READERS))
}

/// Reading threads per core: enough reads in flight for a virtual disk's queue.
const READERS_PER_CORE: usize = 4;
/// At least this many reading threads, on a machine with few cores.
const MIN_READERS: usize = 8;
/// At most this many, on a machine with many.
const MAX_READERS: usize = 64;

/// Reads a text file as UTF-8, dropping a byte-order mark and turning CRLF and lone-CR
/// line ends into LF so that positions count the same on every platform.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = read_regular(path, shown, Some(MAX_FILE_BYTES))?;
    decode_text(bytes, shown)
}

/// The [`Stamp`] of the regular file at `path` as it is now. The file is opened, not
/// only looked up: on a network file system an open checks the file with the server,
/// where a `stat` may answer from a cache a minute old.
pub(crate) fn stamp_of(path: &Path) -> Option<Stamp> {
    let file = open_nonblocking(path).ok()?;
    Stamp::of(&file.metadata().ok()?)
}

/// [`read_text`], and the file's [`Stamp`] when it may be recorded (its times older
/// than a clock step when it was opened).
pub(crate) fn read_text_stamped(
    path: &Path,
    shown: &Path,
) -> Result<(String, Option<Stamp>), Diagnostic> {
    // Before the open: a change after the file's metadata is read is then sure to
    // move its times past those recorded.
    let before = std::time::SystemTime::now();
    let (bytes, meta) = read_regular_meta(path, shown, Some(MAX_FILE_BYTES))?;
    Ok((decode_text(bytes, shown)?, Stamp::settled(&meta, before)))
}

/// Reads `path` if it is a regular file (links followed), refusing anything else
/// before opening it: reading a named pipe or a device blocks forever or never ends,
/// so such a file is an error naming it, never read. `max`, when given, is a size
/// limit in bytes.
pub(crate) fn read_regular(
    path: &Path,
    shown: &Path,
    max: Option<u64>,
) -> Result<Vec<u8>, Diagnostic> {
    read_regular_meta(path, shown, max).map(|(bytes, _)| bytes)
}

/// [`read_regular`], and the open file's metadata.
fn read_regular_meta(
    path: &Path,
    shown: &Path,
    max: Option<u64>,
) -> Result<(Vec<u8>, std::fs::Metadata), Diagnostic> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| Diagnostic::io(shown, "read", &e))?;
    check_regular(&meta, shown)?;
    let file = open_nonblocking(path).map_err(|e| Diagnostic::io(shown, "read", &e))?;
    // Checked again on the open file: the path may have been replaced meanwhile.
    let meta = file
        .metadata()
        .map_err(|e| Diagnostic::io(shown, "read", &e))?;
    check_regular(&meta, shown)?;
    let size = meta.len();
    if let Some(max) = max.filter(|max| size > *max) {
        return Err(Diagnostic::new(
            Kind::Syntax,
            shown,
            // In bytes: in whole MB, a file just over the limit read "10 MB, over the
            // limit of 10 MB".
            format!(
                "the file is {size} bytes, over the limit of {} MB ({max} bytes)",
                max / 1_000_000
            ),
        )
        .help("split the report, or leave out what is not the report's text"));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // At most one byte past the limit is read, even from a file that grows while it
    // is read; that byte tells it grew past the limit.
    file.take(max.map_or(u64::MAX, |m| m + 1))
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::io(shown, "read", &e))?;
    if let Some(max) = max.filter(|max| bytes.len() as u64 > *max) {
        return Err(Diagnostic::new(
            Kind::Syntax,
            shown,
            format!("the file grew past the limit of {max} bytes while it was read"),
        )
        .help("build again once the file is saved"));
    }
    Ok((bytes, meta))
}

/// An error unless `meta` is a regular file's.
fn check_regular(meta: &std::fs::Metadata, shown: &Path) -> Result<(), Diagnostic> {
    if meta.is_file() {
        return Ok(());
    }
    Err(Diagnostic::new(
        Kind::Io,
        shown,
        format!(
            "is {}, not a regular file: it is not read",
            describe_type(&meta.file_type())
        ),
    )
    .help("replace it with a regular file holding the text"))
}

/// What a file type is, in words, for messages.
pub(crate) fn describe_type(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens the regular file at `path` with `options`, never through a symbolic link
/// (on Unix the open itself refuses one, so none can be swapped in after a check),
/// and refusing anything but a regular file: a named pipe put in its place is opened
/// without waiting for a writer, then refused.
pub(crate) fn open_regular(
    path: &Path,
    options: &mut std::fs::OpenOptions,
) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    let file = options.open(path)?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ))
    }
}

/// Opens `path` for reading without blocking on a named pipe that was put in place of
/// a checked file (the open then succeeds at once and the file type check refuses it).
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
        std::fs::File::options()
            .read(true)
            .custom_flags(flags.bits() as i32)
            .open(path)
    }
    #[cfg(not(unix))]
    {
        std::fs::File::open(path)
    }
}

/// Content files larger than this are refused: the largest real report is a few
/// hundred kilobytes, and a cap keeps one pasted mistake from exhausting memory.
pub(crate) const MAX_FILE_BYTES: u64 = 10_000_000;

/// Decodes a file's bytes as [`read_text`] does.
pub(crate) fn decode_text(bytes: Vec<u8>, shown: &Path) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        Diagnostic::new(Kind::Syntax, shown, "the file is not valid UTF-8")
            .at(Some(Location::of_offset(valid, offset)))
            .help("save the file as UTF-8")
    })?;
    // Most files have neither a byte-order mark nor CR line ends: they are not copied.
    // A lone CR (old Mac line ends) is a line end too, as for editors and the YAML and
    // Markdown parsers: positions count it as one.
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(lf_line_ends(text))
}

/// `text` with CRLF and lone-CR line ends made LFs; copied only when it has a CR.
pub(crate) fn lf_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let text = text.replace("\r\n", "\n");
    if text.contains('\r') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

/// The files under `root/dir` with one of `extensions` (any file when empty), relative
/// to `root`, sorted so every build sees them in the same order, and warnings for what
/// was left out. A missing folder is an empty list.
///
/// Symbolic links are followed only while they stay inside the site root: a link out
/// of it (to a home folder, to `/etc`) is never read or published, and a link loop is
/// reported, not walked forever.
///
/// What cannot be listed is an error naming it with the system's reason, never an
/// empty list: a folder the build may not read, a file where the folder should be, a
/// named pipe or device with a wanted extension. A build that went on would publish a
/// site without those files and delete their pages.
pub(crate) fn list_files(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>), Vec<Diagnostic>> {
    list_linked(root, dir, extensions).map(|(files, warnings, _)| (files, warnings))
}

/// [`list_files`], and whether any file or folder under `dir` was reached through a
/// symbolic link (one inside the site: those to outside are skipped with a warning).
pub(crate) fn list_linked(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>, bool), Vec<Diagnostic>> {
    let mut linked = false;
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let start = root.join(dir);
    match std::fs::metadata(&start) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Vec::new(), warnings, linked));
        }
        Err(e) => return Err(vec![Diagnostic::io(dir, "read the folder", &e)]),
        Ok(meta) if !meta.is_dir() => {
            return Err(vec![
                Diagnostic::new(
                    Kind::Io,
                    dir,
                    format!(
                        "is {}, not a folder: its files cannot be listed",
                        describe_type(&meta.file_type())
                    ),
                )
                .help(format!(
                    "make {} a folder (or remove it if the site has none)",
                    dir.display()
                )),
            ]);
        }
        Ok(_) => {}
    }
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    let mut walk = WalkDir::new(&start)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(&start);
                let shown = path.strip_prefix(root).unwrap_or(path);
                if e.loop_ancestor().is_some() {
                    warnings.push(Diagnostic::new(
                        Kind::Skipped,
                        shown,
                        "a symbolic link loop: skipped",
                    ));
                } else if let Some(io) = e.io_error() {
                    if io.kind() == std::io::ErrorKind::NotFound {
                        // A link to nothing, or a file removed while the folder was read.
                        warnings.push(Diagnostic::new(
                            Kind::Skipped,
                            shown,
                            "a symbolic link to a file that does not exist: skipped",
                        ));
                    } else {
                        errors.push(Diagnostic::io(shown, "read", io));
                    }
                } else {
                    errors.push(Diagnostic::new(
                        Kind::Io,
                        shown,
                        format!("cannot be read: {e}"),
                    ));
                }
                continue;
            }
        };
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&root_real));
            if !inside {
                let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
                warnings.push(
                    Diagnostic::new(
                        Kind::Skipped,
                        shown,
                        "a symbolic link to outside the site: not read, not published",
                    )
                    .help("copy the file into the site instead of linking to it"),
                );
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
            linked = true;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        let wanted = extensions.is_empty()
            || entry
                .path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x));
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        if !wanted {
            continue;
        }
        if entry.file_type().is_file() {
            files.push(rel.to_path_buf());
        } else if let Err(e) = entry
            .metadata()
            .map_err(|e| Diagnostic::new(Kind::Io, rel, format!("cannot be read: {e}")))
            .and_then(|meta| check_regular(&meta, rel))
        {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    files.sort();
    Ok((files, warnings, linked))
}

/// Whether `rel` under `root`, followed through any links, stays inside `root`.
pub(crate) fn stays_inside(root: &Path, rel: &Path) -> bool {
    let root_real = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    root.join(rel)
        .canonicalize()
        .is_ok_and(|real| real.starts_with(root_real))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_on_four_threads_a_core_at_least_eight_at_most_sixty_four() {
        assert_eq!(reader_count(1, None), Some(8));
        assert_eq!(reader_count(2, None), Some(8));
        assert_eq!(reader_count(3, None), Some(12));
        assert_eq!(reader_count(16, None), Some(64));
        assert_eq!(reader_count(128, None), Some(64));
    }

    #[test]
    fn a_thread_limit_leaves_the_reading_to_the_global_pool() {
        assert_eq!(reader_count(2, Some("1")), None);
        assert_eq!(reader_count(64, Some("3")), None);
        // Rayon's own reading: 0 or a value that is not a number is no limit.
        assert_eq!(reader_count(2, Some("0")), Some(8));
        assert_eq!(reader_count(2, Some("many")), Some(8));
        assert_eq!(reader_count(2, Some("")), Some(8));
    }
}
