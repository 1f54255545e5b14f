//! Bundles: many small index entries written as a few files of about a set size, so
//! that a site of any size writes a few hundred search files rather than one per term
//! or per document (file creation is a large part of a build, and a CDN upload pays
//! per file), while a query still fetches only the bundles holding its words.
//!
//! Entries are serialised here straight into byte buffers, each by itself and in
//! parallel, then packed in order: a bundle is cut once it reaches its target size,
//! so the number of bundles grows with the corpus and no bundle is much larger than
//! the target unless a single entry is. Each bundle is written gzip-compressed
//! ([`put_gzipped`]).

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::Sink;

/// How hard a bundle is compressed. Measured on the index of the 10,000-report
/// benchmark corpus (41 MB of JSON), one thread: level 1 makes 12.2 MB in 0.09 s of
/// CPU, level 3 7.7 MB in 0.21 s, level 6 6.8 MB in 0.67 s. Every bundle but those an
/// incremental build keeps is compressed again (each refresh of `wsis serve`'s, too),
/// so level 3.
const LEVEL: u32 = 3;

/// Puts the bundle `json` into `sink` as the file `rel`, gzip-compressed: the index
/// of a site was a tenth of its output as JSON (41 MB of 465 at 10,000 reports), and
/// JSON of few distinct words compresses five times. `search.js` inflates a bundle
/// with the browser's `DecompressionStream`, or reads it as it comes where the host
/// sent it with `Content-Encoding: gzip` and the browser inflated it already. The
/// gzip header names no file and no time, so the same JSON always makes the same
/// bytes (a fresh build and an incremental one write the same files). Returns the
/// XXH3-128 of the bytes put, which a later build compares the output's file with
/// ([`Sink::keep`]); for a sink that keeps names alone (`wsis check`'s), nothing is
/// compressed, no bytes are put and the hash is 0 (such a build keeps no cache).
pub(crate) fn put_gzipped(sink: &dyn Sink, rel: &Path, json: &[u8]) -> Result<u128, Diagnostic> {
    if !sink.keeps_bytes() {
        sink.put(rel, Vec::new())?;
        return Ok(0);
    }
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(json.len() / 4 + 32),
        flate2::Compression::new(LEVEL),
    );
    let bytes = gz
        .write_all(json)
        .and_then(|()| gz.finish())
        .map_err(|e| Diagnostic::new(Kind::Io, rel.display().to_string(), e.to_string()))?;
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    sink.put(rel, bytes)?;
    Ok(hash)
}

/// A bundle as [`put_gzipped`] wrote it, inflated: for the tests that read bundles.
/// Panics where `gz` is not gzip.
#[cfg(test)]
pub(crate) fn inflated(gz: &[u8]) -> Vec<u8> {
    assert!(gz.starts_with(&[0x1f, 0x8b]), "not gzip");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gz), &mut out).unwrap();
    out
}

/// A JSON object's entry `"key":` followed by whatever `value` writes.
pub(crate) fn entry(
    key: &str,
    value: impl FnOnce(&mut Vec<u8>) -> Result<(), Diagnostic>,
) -> Result<Vec<u8>, Diagnostic> {
    let mut out = Vec::with_capacity(key.len() + 16);
    json_into(&mut out, key)?;
    out.push(b':');
    value(&mut out)?;
    Ok(out)
}

/// Appends `value` serialised as JSON to `out`.
pub(crate) fn json_into<T: serde::Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), Diagnostic> {
    serde_json::to_writer(out, value).map_err(error)
}

/// `value` serialised as JSON.
pub(crate) fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    serde_json::to_vec(value).map_err(error)
}

fn error(e: serde_json::Error) -> Diagnostic {
    Diagnostic::new(Kind::Io, "search/", e.to_string())
}

/// The postings of a term, `[doc, section, weight, ...]` in document order, each
/// document given as the difference from the one before (the first from 0), as
/// [`super::lists`] holds them: the postings of a common word then take a few bytes
/// per document, and even the most common word of a 100,000-report site stays well
/// under a megabyte.
pub(crate) fn postings_into(out: &mut Vec<u8>, postings: impl Iterator<Item = [u32; 3]>) {
    out.push(b'[');
    for (i, [doc, section, weight]) in postings.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        number(out, doc);
        out.push(b',');
        number(out, section);
        out.push(b',');
        number(out, weight);
    }
    out.push(b']');
}

/// The length of what [`postings_into`] writes for `count` postings whose numbers
/// take `digits` decimal digits in all: the edit build measures the entries it may
/// not make.
pub(crate) fn postings_len(count: usize, digits: usize) -> usize {
    // The brackets, two commas within each posting and one between postings.
    2 + digits + 2 * count + count.saturating_sub(1)
}

/// The number of decimal digits of `n`, as [`number`] writes it.
pub(crate) fn number_len(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// Appends `n` in decimal: the postings are millions of numbers, written without
/// going through a formatter.
fn number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Bundles of at most a target size made from sorted entries (each `"key":value`) fed
/// one at a time, as JSON objects: an entry that would take a bundle past the target
/// opens the next one, so only an entry larger than the target by itself makes a
/// larger bundle, and then a bundle of its own (the postings of the most common word:
/// under a megabyte at 100,000 reports, see [`postings_into`]). Each bundle is handed
/// back as soon as it is closed, so that the entries of a whole index are never held
/// at once.
pub(crate) struct Bundles<'k> {
    target: usize,
    /// The key of each bundle's first entry: the client finds a key's bundle as the
    /// last whose first key is not after it.
    firsts: Vec<&'k str>,
    /// How many entries each bundle holds, the open one last.
    counts: Vec<u32>,
    /// The bundle being filled, `{` and its entries so far.
    open: Vec<u8>,
}

impl<'k> Bundles<'k> {
    /// No bundles yet, each to be closed at about `target` bytes.
    pub(crate) fn new(target: usize) -> Bundles<'k> {
        Bundles {
            target,
            firsts: Vec::new(),
            counts: Vec::new(),
            open: Vec::new(),
        }
    }

    /// Adds the entry of `key`, which sorts after those before; the bundle it closed,
    /// if it did.
    pub(crate) fn push(&mut self, key: &'k str, entry: &[u8]) -> Option<Vec<u8>> {
        let closed = closes(self.open.len(), entry.len(), self.target).then(|| self.close());
        if self.open.is_empty() {
            self.firsts.push(key);
            self.counts.push(0);
            self.open.push(b'{');
        } else {
            self.open.push(b',');
        }
        self.open.extend_from_slice(entry);
        if let Some(count) = self.counts.last_mut() {
            *count += 1;
        }
        closed
    }

    fn close(&mut self) -> Vec<u8> {
        let mut bundle = std::mem::take(&mut self.open);
        bundle.push(b'}');
        bundle
    }

    /// How many entries each bundle holds so far, the open one last.
    pub(crate) fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// The last bundle, if any entry is left, and the first key of every bundle.
    pub(crate) fn finish(mut self) -> (Option<Vec<u8>>, Vec<&'k str>) {
        let last = (!self.open.is_empty()).then(|| self.close());
        (last, self.firsts)
    }
}

/// Whether an entry of `entry` bytes closes a bundle that holds `open` bytes so far
/// (`{` and its entries, 0 when none is open) and opens the next: the rule of
/// [`Bundles`] and [`cuts`] alike.
fn closes(open: usize, entry: usize, target: usize) -> bool {
    // Each entry takes a comma or a closing brace besides.
    open > 0 && open + entry + 1 > target
}

/// How many entries each bundle takes when entries of `lens` bytes, in order, are
/// packed as [`Bundles`] packs them: where the incremental build cuts the `terms/`
/// bundles from the lengths of their entries, most of them not serialized again.
pub(crate) fn cuts(lens: impl Iterator<Item = usize>, target: usize) -> Vec<u32> {
    let mut counts = Vec::new();
    let (mut open, mut count) = (0, 0u32);
    for len in lens {
        if closes(open, len, target) {
            counts.push(count);
            (open, count) = (0, 0);
        }
        // `{` or a comma, then the entry.
        open += 1 + len;
        count += 1;
    }
    if count > 0 {
        counts.push(count);
    }
    counts
}

/// `parts` joined by commas between `open` and `close`.
pub(crate) fn joined(parts: &[Vec<u8>], open: u8, close: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum::<usize>() + 1);
    out.push(open);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(p);
    }
    out.push(close);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundles of the sorted `entries`, about `target` bytes each (see [`Bundles`]),
    /// with the key of each bundle's first entry.
    fn objects<'k>(
        keys: &[&'k str],
        entries: &[Vec<u8>],
        target: usize,
    ) -> Vec<(&'k str, Vec<u8>)> {
        let mut bundles = Bundles::new(target);
        let mut made: Vec<Vec<u8>> = keys
            .iter()
            .zip(entries)
            .filter_map(|(key, entry)| bundles.push(key, entry))
            .collect();
        let (last, firsts) = bundles.finish();
        made.extend(last);
        firsts.into_iter().zip(made).collect()
    }

    #[test]
    fn postings_are_flat() {
        let mut out = Vec::new();
        postings_into(
            &mut out,
            [[3, 0, 20], [1, 2, 5], [4_000_000_000, 0, 1]].into_iter(),
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[3,0,20,1,2,5,4000000000,0,1]"
        );
        let mut out = Vec::new();
        postings_into(&mut out, std::iter::empty());
        assert_eq!(out, b"[]");
        assert_eq!(postings_len(0, 0), 2);
    }

    #[test]
    fn postings_are_as_long_as_measured() {
        let numbers = [
            0,
            9,
            10,
            99,
            100,
            12_345,
            999_999_999,
            1_000_000_000,
            u32::MAX,
        ];
        for n in numbers {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out.len(), number_len(n), "{n}");
        }
        for count in 1..=numbers.len() {
            let postings: Vec<[u32; 3]> = (0..count)
                .map(|i| [numbers[i], numbers[count - 1 - i], numbers[(i * 5) % count]])
                .collect();
            let mut out = Vec::new();
            postings_into(&mut out, postings.iter().copied());
            let digits = postings.iter().flatten().map(|&n| number_len(n)).sum();
            assert_eq!(out.len(), postings_len(count, digits), "{count}");
        }
    }

    /// The ranges of entries of `sizes` bytes that [`Bundles`] puts together.
    fn cut(sizes: &[usize], target: usize) -> Vec<std::ops::Range<usize>> {
        let keys: Vec<String> = (0..sizes.len()).map(|i| i.to_string()).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let entries: Vec<Vec<u8>> = sizes.iter().map(|&n| vec![b'x'; n]).collect();
        let bundles = objects(&keys, &entries, target);
        let starts: Vec<usize> = bundles.iter().map(|(k, _)| k.parse().unwrap()).collect();
        let mut ends = starts[1.min(starts.len())..].to_vec();
        ends.push(sizes.len());
        starts.into_iter().zip(ends).map(|(s, e)| s..e).collect()
    }

    #[test]
    fn cuts_from_lengths_are_where_bundles_close() {
        let mut seed = 7u64;
        for target in [1, 10, 40, 97] {
            let sizes: Vec<usize> = (0..300)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    1 + (seed >> 33) as usize % 30
                })
                .collect();
            let counts: Vec<usize> = cut(&sizes, target).iter().map(|r| r.len()).collect();
            let from_lens: Vec<usize> = cuts(sizes.iter().copied(), target)
                .into_iter()
                .map(|c| c as usize)
                .collect();
            assert_eq!(from_lens, counts, "target {target}");
        }
        assert!(cuts(std::iter::empty(), 10).is_empty());
    }

    #[test]
    fn bundles_close_at_their_target_and_keep_every_entry_once() {
        assert_eq!(cut(&[4, 4, 4, 4, 4], 10), [0..2, 2..4, 4..5]);
        assert_eq!(cut(&[4, 4, 4, 4, 4], 9), [0..1, 1..2, 2..3, 3..4, 4..5]);
        // An entry larger than the target is a bundle by itself.
        assert_eq!(cut(&[1, 50, 1], 10), [0..1, 1..2, 2..3]);
        assert_eq!(cut(&[3], 10), vec![std::ops::Range { start: 0, end: 1 }]);
        assert!(cut(&[], 10).is_empty());
        let keys = ["a", "b", "c"];
        let entries: Vec<Vec<u8>> = ["\"a\":1", "\"b\":2", "\"c\":3"]
            .iter()
            .map(|e| e.as_bytes().to_vec())
            .collect();
        let b = objects(&keys, &entries, 12);
        let b: Vec<(&str, String)> = b
            .into_iter()
            .map(|(k, v)| (k, String::from_utf8(v).unwrap()))
            .collect();
        assert_eq!(
            b,
            [("a", "{\"a\":1,\"b\":2}".into()), ("c", "{\"c\":3}".into())]
        );
    }

    /// Stores what is put, by name; stores the bytes or, like `wsis check`'s sink, not.
    struct Put(std::sync::Mutex<Vec<(std::path::PathBuf, Vec<u8>)>>, bool);

    impl Sink for Put {
        fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
            self.0.lock().unwrap().push((rel.to_path_buf(), bytes));
            Ok(())
        }
        fn has(&self, _: &Path) -> bool {
            false
        }
        fn keeps_bytes(&self) -> bool {
            self.1
        }
    }

    #[test]
    fn a_bundle_is_gzip_with_a_header_that_names_no_file_and_no_time() {
        let json = br#"{"network":[0,1,2]}"#;
        let sink = Put(Default::default(), true);
        let rel = Path::new("search/terms/0.json.gz");
        let hash = put_gzipped(&sink, rel, json).unwrap();
        let (name, bytes) = sink.0.into_inner().unwrap().remove(0);
        assert_eq!(name, rel);
        assert_eq!(hash, xxhash_rust::xxh3::xxh3_128(&bytes));
        // ID1 ID2, deflate, no flags (no name, comment or extra field), modification
        // time 0; then the compression flag and "unknown" as the system: a build on
        // any day and machine writes the same bytes.
        assert_eq!(bytes[..8], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
        assert_eq!(bytes[9], 0xff);
        assert_eq!(inflated(&bytes), json);
        // Twice the same.
        let again = Put(Default::default(), true);
        put_gzipped(&again, rel, json).unwrap();
        assert_eq!(again.0.into_inner().unwrap()[0].1, bytes);
    }

    #[test]
    fn a_sink_that_keeps_names_alone_is_handed_no_bytes() {
        let sink = Put(Default::default(), false);
        let rel = Path::new("search/docs/0.json.gz");
        assert_eq!(put_gzipped(&sink, rel, b"[]").unwrap(), 0);
        assert_eq!(
            sink.0.into_inner().unwrap(),
            [(rel.to_path_buf(), Vec::new())]
        );
    }
}
