//! Reading members of a zip archive (a DOCX) at a bounded cost, whatever the archive
//! claims: a cap on the number of members, each member read through `take()` (the
//! declared size is not trusted), all unpacked bytes within `Limits::max_text`, and a
//! member that unpacks to an absurd multiple of its packed size (a zip bomb) refused
//! as soon as it shows.

use std::io::{Cursor, Read};
use std::path::Path;

use zip::ZipArchive;
use zip::result::ZipError;

use crate::diagnostic::{Diagnostic, Kind};

/// The most members a submission archive may hold: a large Word document has a few
/// hundred (one per embedded image).
const MAX_MEMBERS: usize = 10_000;
/// Below this many unpacked bytes, no compression ratio is suspicious.
const RATIO_FLOOR: u64 = 1024 * 1024;
/// The largest unpacked-to-packed ratio accepted past [`RATIO_FLOOR`]: XML packs
/// about ten to one, runs of zeros a thousand to one.
const MAX_RATIO: u64 = 100;
/// How much is unpacked between two checks.
const CHUNK: usize = 64 * 1024;

/// An open archive and what may still be unpacked from it.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    path: &'a Path,
    /// Bytes that may still be unpacked, over all members.
    budget: u64,
    /// The bytes that may be unpacked in all, for messages.
    limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens the archive in `bytes` (the file at `path`), allowing `max_unpacked`
    /// bytes to be unpacked in all.
    pub(super) fn open(
        bytes: &'a [u8],
        path: &'a Path,
        max_unpacked: u64,
    ) -> Result<Self, Diagnostic> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| damaged(path, &format!("its zip structure cannot be read ({e})")))?;
        if zip.len() > MAX_MEMBERS {
            return Err(damaged(
                path,
                &format!(
                    "it holds {} members, more than the {MAX_MEMBERS} a Word document plausibly has",
                    zip.len()
                ),
            ));
        }
        Ok(Archive {
            zip,
            path,
            budget: max_unpacked,
            limit: max_unpacked,
        })
    }

    /// The member `name` unpacked as UTF-8 text, `None` when the archive has no such
    /// member.
    pub(super) fn text(&mut self, name: &str) -> Result<Option<String>, Diagnostic> {
        let path = self.path;
        let mut member = match self.zip.by_name(name) {
            Ok(member) => member,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED))
            | Err(ZipError::InvalidPassword) => {
                return Err(Diagnostic::new(
                    Kind::Import,
                    path,
                    format!("its member {name} is encrypted"),
                )
                .help("open it in Word and save it as .docx without a password"));
            }
            Err(e) => {
                return Err(damaged(
                    path,
                    &format!("its member {name} cannot be read ({e})"),
                ));
            }
        };
        let packed = member.compressed_size().max(1);
        let mut out = Vec::new();
        let mut chunk = vec![0; CHUNK];
        loop {
            let n = member.read(&mut chunk).map_err(|e| {
                damaged(path, &format!("its member {name} cannot be unpacked ({e})"))
            })?;
            if n == 0 {
                break;
            }
            let unpacked = (out.len() + n) as u64;
            if unpacked > self.budget {
                return Err(Diagnostic::new(
                    Kind::Import,
                    path,
                    format!(
                        "it unpacks to more than the {} bytes of text an import reads",
                        self.limit
                    ),
                )
                .help("a submission's text is rarely this large: check the file, or split it"));
            }
            if unpacked > RATIO_FLOOR && unpacked / packed > MAX_RATIO {
                return Err(Diagnostic::new(
                    Kind::Import,
                    path,
                    format!(
                        "its member {name} unpacks to over {MAX_RATIO} times its packed size \
                         ({packed} bytes packed): this is a zip bomb, not a Word document"
                    ),
                )
                .help("open the original in Word and save it as .docx again"));
            }
            out.extend_from_slice(&chunk[..n]);
        }
        self.budget -= out.len() as u64;
        String::from_utf8(out)
            .map(Some)
            .map_err(|e| damaged(path, &format!("its member {name} is not UTF-8 XML ({e})")))
    }
}

/// The error for an archive that cannot be read as a Word document.
pub(super) fn damaged(path: &Path, why: &str) -> Diagnostic {
    Diagnostic::new(
        Kind::Import,
        path,
        format!("is a damaged or incomplete Word document: {why}"),
    )
    .help("open it in Word (which may repair it) and save it as .docx again")
}
