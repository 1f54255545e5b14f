//! The cache file's bytes: a header that says what it is and which build wrote it, a
//! checksum, and the pages in a compact binary encoding (postcard), with where each
//! validated report is in the reports pack beside it ([`super::pack`]).
//!
//! Layout: the magic `WSIS-CACHE\n`, the format version (`u32`, little-endian), the
//! payload's length (`u64`) and XXH3-128 (`u128`), then the payload. Anything that
//! does not match, to the last byte, is refused with the reason: the caller warns and
//! builds every page.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Seek, Write};

use serde::{Deserialize, Serialize};

use super::pack::Packed;
use crate::linkcheck::PageRefs;

/// The first bytes of every cache file.
const MAGIC: &[u8] = b"WSIS-CACHE\n";

/// The version of the layout and payload; raised whenever either changes, so that a
/// cache of another layout is never misread.
pub(super) const FORMAT: u32 = 6;

/// The fixed part before the payload: magic, format, length, checksum.
const HEADER: usize = MAGIC.len() + 4 + 8 + 16;

/// What the previous build rendered each page from and wrote for it.
#[derive(Debug, Clone)]
pub(crate) struct PageEntry {
    /// The fingerprint of the page's template context ([`crate::render::Prepared`]).
    pub(crate) context: u128,
    /// The XXH3-128 of the file written, as the output's manifest has it.
    pub(crate) output: u128,
    /// The page's links and ids, for the link check of a page not rendered again.
    pub(crate) refs: PageRefs,
    /// `refs` as the cache file it was read from stores them, when they are: written
    /// again as they are, the links table kept ([`Contents::links`]).
    pub(crate) stored: Option<StoredRefs>,
}

/// A page's links and ids as a cache file stores them: indexes into its links table,
/// and the ids' hashes sorted.
#[derive(Debug, Clone, Default)]
pub(crate) struct StoredRefs {
    links: Vec<u32>,
    ids: Vec<u64>,
}

/// What a cache file holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Contents {
    /// Which `wsis` wrote it: version and executable ([`super::inputs::wsis_id`]).
    pub(crate) wsis: String,
    /// A fingerprint of the output folder's path.
    pub(crate) output: u128,
    /// The XXH3-128 of the output's marker as that build left it: the cache describes
    /// that output and no other.
    pub(crate) marker: u128,
    /// The fingerprint of everything every page reads ([`super::inputs`]).
    pub(crate) globals: u128,
    /// The pages by path (`fr/reports/x/`).
    pub(crate) pages: HashMap<String, PageEntry>,
    /// The fingerprint of what validating a report reads besides its file
    /// ([`super::inputs::validation`]).
    pub(crate) validation: u128,
    /// The reports pack this cache reads its reports from: its id and length.
    pub(crate) pack: (u128, u64),
    /// Where each validated report is in the pack.
    pub(crate) packed: Vec<Packed>,
    /// The links table the pages' [`StoredRefs`] point into: a cache is written with
    /// its previous table, new links appended, so that the pages kept from the previous
    /// build are written as they were read rather than each of their links looked up
    /// again (1.5 million at 10,000 reports, most of writing the cache).
    pub(crate) links: Vec<String>,
}

/// The payload as stored: link strings once, in a table, since most pages share most
/// of their links (the navigation, the footer).
#[derive(Serialize, Deserialize)]
struct Stored {
    wsis: String,
    output: u128,
    marker: u128,
    globals: u128,
    links: Vec<String>,
    pages: Vec<StoredPage>,
    validation: u128,
    /// The reports pack's id and length.
    pack: (u128, u64),
    /// Where each report is in it, with the hash of the text it was validated from.
    reports: Vec<Packed>,
}

/// [`Stored`] as written: the same fields, borrowed from the [`Contents`] written.
#[derive(Serialize)]
struct Writing<'a> {
    wsis: &'a str,
    output: u128,
    marker: u128,
    globals: u128,
    links: Table<'a>,
    pages: Vec<WritingPage<'a>>,
    validation: u128,
    pack: (u128, u64),
    reports: &'a [Packed],
}

/// [`StoredPage`] as written.
#[derive(Serialize)]
struct WritingPage<'a> {
    path: &'a str,
    context: u128,
    output: u128,
    links: Cow<'a, [u32]>,
    ids: Cow<'a, [u64]>,
    duplicate_ids: &'a [String],
}

/// The links table written: the one read, kept, then the links new in this build.
struct Table<'a> {
    kept: &'a [String],
    added: Vec<&'a str>,
}

impl Serialize for Table<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.kept
                .iter()
                .map(String::as_str)
                .chain(self.added.iter().copied()),
        )
    }
}

/// One page as stored.
#[derive(Serialize, Deserialize)]
struct StoredPage {
    path: String,
    context: u128,
    output: u128,
    /// Indexes into [`Stored::links`].
    links: Vec<u32>,
    ids: Vec<u64>,
    duplicate_ids: Vec<String>,
}

/// Why a cache file was not used.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// It does not start as a cache file does.
    NotACache,
    /// It has another format version.
    Format(u32),
    /// It is shorter or longer than its header says.
    Length,
    /// Its checksum does not match its bytes.
    Checksum,
    /// It passed the checksum but does not decode (a bug, or a forged checksum).
    Decode,
    /// The reports file beside it is missing, not a regular file, or another one.
    Pack,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotACache => f.write_str("it is not a wsis cache file"),
            Refused::Format(v) => write!(f, "it has format {v}, this wsis reads format {FORMAT}"),
            Refused::Length => f.write_str("it is truncated or has bytes past its end"),
            Refused::Checksum => f.write_str("its checksum does not match: it is corrupt"),
            Refused::Decode => f.write_str("its contents do not decode"),
            Refused::Pack => f.write_str(
                "it is missing, not a regular file, or not the one the cache was written with",
            ),
        }
    }
}

/// The bytes of a cache file holding `c`.
#[cfg(test)]
pub(crate) fn encode(c: &Contents) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    // Writing to memory cannot fail.
    let _ = write(c, &mut out);
    out.into_inner()
}

/// Writes the cache file holding `c` to `out`, the payload streamed as it is encoded
/// (its length and checksum filled in afterwards): a buffer would add it, twice over
/// (the payload, then the file's bytes), to the build's peak memory at its end
/// (14 MB at 10,000 reports).
pub(crate) fn write(c: &Contents, out: &mut (impl Write + Seek)) -> std::io::Result<()> {
    let mut paths: Vec<&String> = c.pages.keys().collect();
    paths.sort_unstable();
    // The previous table is kept while most of it is still linked to; else it is
    // built anew from the pages' links, as for a first cache.
    let kept: &[String] = if table_worth_keeping(c) {
        &c.links
    } else {
        &[]
    };
    let mut table = Table {
        kept,
        added: Vec::new(),
    };
    // Filled on the first page whose links are not stored already (none, for an
    // edit build that kept every page's links).
    let mut index: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    let pages = paths
        .into_iter()
        .map(|path| {
            let e = &c.pages[path];
            let (links, ids) = match e.stored.as_ref().filter(|_| !kept.is_empty()) {
                Some(s) => (Cow::Borrowed(&s.links[..]), Cow::Borrowed(&s.ids[..])),
                None => {
                    if index.is_empty() {
                        index.extend(kept.iter().enumerate().map(|(i, l)| (l.as_str(), i as u32)));
                    }
                    let links = e
                        .refs
                        .links
                        .iter()
                        .map(|l| {
                            *index.entry(l).or_insert_with(|| {
                                table.added.push(l);
                                (kept.len() + table.added.len() - 1) as u32
                            })
                        })
                        .collect();
                    let mut ids: Vec<u64> = e.refs.id_hashes().collect();
                    ids.sort_unstable();
                    (Cow::Owned(links), Cow::Owned(ids))
                }
            };
            WritingPage {
                path,
                context: e.context,
                output: e.output,
                links,
                ids,
                duplicate_ids: &e.refs.duplicate_ids,
            }
        })
        .collect();
    let stored = Writing {
        wsis: &c.wsis,
        output: c.output,
        marker: c.marker,
        globals: c.globals,
        links: table,
        pages,
        validation: c.validation,
        pack: c.pack,
        reports: &c.packed,
    };
    let start = out.stream_position()?;
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    // Length and checksum, known once the payload is written.
    out.write_all(&[0; 8 + 16])?;
    let (len, sum) = {
        let mut payload = Hashing {
            out: std::io::BufWriter::new(&mut *out),
            hash: xxhash_rust::xxh3::Xxh3::new(),
            len: 0,
            failed: None,
        };
        // Plain strings, integers and lists: encoding fails only when writing does,
        // and postcard reports that without the cause, which the writer kept.
        if let Err(e) = postcard::to_io(&stored, &mut payload) {
            return Err(payload
                .failed
                .take()
                .unwrap_or_else(|| std::io::Error::other(e)));
        }
        payload.out.flush()?;
        (payload.len, payload.hash.digest128())
    };
    out.seek(std::io::SeekFrom::Start(start + (MAGIC.len() + 4) as u64))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&sum.to_le_bytes())?;
    out.seek(std::io::SeekFrom::Start(start + HEADER as u64 + len))?;
    out.flush()
}

/// Whether the links table `c` was read with is kept for writing it: when its pages'
/// stored links still point to at least half of it (a table only grows while kept).
fn table_worth_keeping(c: &Contents) -> bool {
    if c.links.is_empty() {
        return false;
    }
    let mut live = vec![false; c.links.len()];
    for s in c.pages.values().filter_map(|e| e.stored.as_ref()) {
        for &i in &s.links {
            // Indexes were checked against the table when read.
            if let Some(l) = live.get_mut(i as usize) {
                *l = true;
            }
        }
    }
    live.iter().filter(|l| **l).count() * 2 >= c.links.len()
}

/// A writer that hashes and counts the bytes it passes on: the payload's checksum
/// and length, without keeping it.
struct Hashing<W> {
    out: W,
    hash: xxhash_rust::xxh3::Xxh3,
    len: u64,
    /// The error writing met, which postcard does not pass on.
    failed: Option<std::io::Error>,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf).map_err(|e| self.keep(e))?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        // postcard flushes its writer at the end.
        self.out.flush().map_err(|e| self.keep(e))
    }
}

impl<W> Hashing<W> {
    /// Keeps `e` for the caller, and returns a copy of it for postcard.
    fn keep(&mut self, e: std::io::Error) -> std::io::Error {
        let again = std::io::Error::new(e.kind(), e.to_string());
        self.failed = Some(e);
        again
    }
}

/// The payload of the file `bytes`, framed as a cache file is (`magic`, the format
/// version, the payload's length and XXH3-128, then the payload), when it is of
/// `format` and whole; the build cache and the search index's cache share the frame.
pub(crate) fn framed<'a>(bytes: &'a [u8], magic: &[u8], format: u32) -> Result<&'a [u8], Refused> {
    let rest = bytes.strip_prefix(magic).ok_or(Refused::NotACache)?;
    if rest.len() < HEADER - MAGIC.len() {
        return Err(Refused::Length);
    }
    let (found, rest) = rest.split_at(4);
    let found = u32::from_le_bytes(found.try_into().map_err(|_| Refused::Length)?);
    if found != format {
        return Err(Refused::Format(found));
    }
    let (len, rest) = rest.split_at(8);
    let len = u64::from_le_bytes(len.try_into().map_err(|_| Refused::Length)?);
    let (sum, payload) = rest.split_at(16);
    let sum = u128::from_le_bytes(sum.try_into().map_err(|_| Refused::Length)?);
    if payload.len() as u64 != len {
        return Err(Refused::Length);
    }
    if xxhash_rust::xxh3::xxh3_128(payload) != sum {
        return Err(Refused::Checksum);
    }
    Ok(payload)
}

/// What the cache file `bytes` holds, or why it cannot be trusted.
pub(crate) fn decode(bytes: &[u8]) -> Result<Contents, Refused> {
    let payload = framed(bytes, MAGIC, FORMAT)?;
    let stored: Stored = postcard::from_bytes(payload).map_err(|_| Refused::Decode)?;
    // The table's strings shared once; each page's then point to them.
    let shared = crate::linkcheck::intern::shared(&stored.links);
    let mut pages = HashMap::with_capacity(stored.pages.len());
    for p in stored.pages {
        let links = p
            .links
            .iter()
            .map(|&i| shared.get(i as usize).cloned().ok_or(Refused::Decode))
            .collect::<Result<Box<[_]>, _>>()?;
        let entry = PageEntry {
            context: p.context,
            output: p.output,
            refs: PageRefs::from_parts(links, p.ids.iter().copied(), p.duplicate_ids),
            stored: Some(StoredRefs {
                links: p.links,
                ids: p.ids,
            }),
        };
        if pages.insert(p.path, entry).is_some() {
            return Err(Refused::Decode);
        }
    }
    Ok(Contents {
        wsis: stored.wsis,
        output: stored.output,
        marker: stored.marker,
        globals: stored.globals,
        pages,
        validation: stored.validation,
        pack: stored.pack,
        packed: stored.reports,
        links: stored.links,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Contents {
        let refs = |links: &[&str], ids: &[&str]| {
            let html: String = links
                .iter()
                .map(|l| format!(r#"<a href="{l}">x</a>"#))
                .chain(ids.iter().map(|i| format!(r#"<p id="{i}"></p>"#)))
                .collect();
            crate::linkcheck::scan(&html)
        };
        let mut pages = HashMap::new();
        pages.insert(
            "reports/a/".to_string(),
            PageEntry {
                context: 1,
                output: 2,
                refs: refs(&["/", "/reports/b/"], &["fig-1"]),
                stored: None,
            },
        );
        pages.insert(
            "fr/reports/a/".to_string(),
            PageEntry {
                context: 3,
                output: 4,
                refs: refs(&["/fr/", "/reports/b/"], &["fig-1", "toc"]),
                stored: None,
            },
        );
        Contents {
            wsis: "0.1.0 1 2".into(),
            output: 5,
            marker: 6,
            globals: 7,
            pages,
            validation: 8,
            pack: (9, 10),
            packed: vec![Packed {
                fingerprint: 11,
                offset: 12,
                len: 13,
                hash: 14,
                stamp: None,
            }],
            links: Vec::new(),
        }
    }

    #[test]
    fn a_cache_reads_back_as_written() {
        let c = sample();
        let back = decode(&encode(&c)).expect("decodes");
        assert_eq!(
            (back.wsis.as_str(), back.output, back.marker, back.globals),
            ("0.1.0 1 2", 5, 6, 7)
        );
        assert_eq!(back.pages.len(), 2);
        assert_eq!((back.pack, &back.packed), (c.pack, &c.packed));
        for (path, e) in &c.pages {
            let b = &back.pages[path];
            assert_eq!((b.context, b.output), (e.context, e.output), "{path}");
            assert_eq!(b.refs.links, e.refs.links, "{path}");
            assert!(b.refs.has_id("fig-1") && !b.refs.has_id("nope"), "{path}");
        }
        assert!(back.pages["fr/reports/a/"].refs.has_id("toc"));
        assert!(!back.pages["reports/a/"].refs.has_id("toc"));
    }

    /// Issue 17: every page's links were looked up in a new links table at each
    /// build, most of writing the cache. A page kept is written as the previous cache
    /// stored it, in that cache's table, the links of the pages rendered appended; each
    /// page reads back as it was.
    #[test]
    fn the_links_table_is_kept_and_a_rendered_page_adds_to_it() {
        let mut previous = decode(&encode(&sample())).expect("decodes");
        let table = previous.links.clone();
        assert_eq!(table.len(), 3);
        // Rendered again: new links, one the table has, one it has not, and a page that
        // sorts before every other, whose links a new table would list first.
        let mut next = previous.clone();
        next.links = std::mem::take(&mut previous.links);
        let rendered = crate::linkcheck::scan(r#"<a href="/new/">x</a><a href="/fr/">y</a>"#);
        next.pages.insert(
            "a/".into(),
            PageEntry {
                context: 20,
                output: 21,
                refs: rendered.clone(),
                stored: None,
            },
        );
        let back = decode(&encode(&next)).expect("decodes");
        assert_eq!(back.links[..table.len()], table[..], "table rebuilt");
        assert_eq!(back.links[table.len()..], ["/new/".to_string()]);
        assert_eq!(back.pages["a/"].refs, rendered);
        for (path, e) in &next.pages {
            assert_eq!(back.pages[path].refs, e.refs, "{path}");
        }
    }

    /// A table mostly of links no page has any more is written anew.
    #[test]
    fn a_links_table_mostly_dead_is_written_anew() {
        let mut c = decode(&encode(&sample())).expect("decodes");
        let live = c.links.clone();
        c.links.extend((0..10).map(|i| format!("/gone/{i}/")));
        let back = decode(&encode(&c)).expect("decodes");
        let mut written = back.links.clone();
        written.sort();
        let mut expected = live;
        expected.sort();
        assert_eq!(written, expected);
        for (path, e) in &c.pages {
            assert_eq!(back.pages[path].refs, e.refs, "{path}");
        }
    }

    /// A file whose disk fills up after `room` bytes.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("no space left on the test disk"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Seek for Full {
        fn seek(&mut self, _: std::io::SeekFrom) -> std::io::Result<u64> {
            Ok(0)
        }
    }

    #[test]
    fn a_failed_write_says_why() {
        // Past the header, while the payload streams out.
        let e = write(&sample(), &mut Full { room: HEADER + 3 }).unwrap_err();
        assert_eq!(e.to_string(), "no space left on the test disk");
    }

    #[test]
    fn every_damage_is_refused() {
        let bytes = encode(&sample());
        for cut in [0, 5, MAGIC.len(), HEADER - 1, HEADER, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer).err(), Some(Refused::Length));
        for at in [0, MAGIC.len() + 1, HEADER + 3, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert!(decode(&flipped).is_err(), "flipped byte {at}");
        }
        let mut other = bytes.clone();
        other[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert_eq!(decode(&other).err(), Some(Refused::Format(FORMAT + 1)));
        assert_eq!(
            decode(b"garbage, not a cache").err(),
            Some(Refused::NotACache)
        );
    }
}
