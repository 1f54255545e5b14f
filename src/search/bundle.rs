//! Bundles: many small index entries written as a few files of about a set size, so
//! that a site of any size writes a few hundred search files rather than one per term
//! or per document (file creation is a large part of a build, and a CDN upload pays
//! per file), while a query still fetches only the bundles holding its words.
//!
//! Entries are serialised here straight into byte buffers, each by itself and in
//! parallel, then packed in order: a bundle is cut once it reaches its target size,
//! so the number of bundles grows with the corpus and no bundle is much larger than
//! the target unless a single entry is.

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Kind};

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

/// The postings of a term, `[doc, section, weight, ...]` in document order, written
/// with each document as the difference from the one before (the first from 0): the
/// postings of a common word then take a few bytes per document, and even the most
/// common word of a 100,000-report site stays well under a megabyte.
pub(crate) fn postings_into(out: &mut Vec<u8>, postings: &[u32]) {
    out.push(b'[');
    let mut previous = 0;
    for (i, p) in postings.chunks_exact(3).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        number(out, p[0] - previous);
        out.push(b',');
        number(out, p[1]);
        out.push(b',');
        number(out, p[2]);
        previous = p[0];
    }
    out.push(b']');
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

/// The ranges of `sizes` (entry sizes in bytes, in order) that make bundles of at most
/// `target` bytes: an entry that would take a bundle past it opens the next one, so
/// only an entry larger than the target by itself makes a larger bundle, and then a
/// bundle of its own (the postings of the most common word: under a megabyte at
/// 100,000 reports, see [`postings_into`]).
pub(crate) fn cut(
    sizes: impl Iterator<Item = usize>,
    target: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut bytes, mut n) = (0, 0, 0);
    for size in sizes {
        // Each entry takes a comma or a closing brace besides.
        if n > start && bytes + size + 1 > target {
            ranges.push(start..n);
            start = n;
            bytes = 0;
        }
        bytes += size + 1;
        n += 1;
    }
    if start < n {
        ranges.push(start..n);
    }
    ranges
}

/// The bundles of the sorted `entries` (each `"key":value`), about `target` bytes
/// each, as JSON objects, with the key of each bundle's first entry: the client finds
/// a key's bundle as the last whose first key is not after it.
pub(crate) fn objects<'k>(
    keys: &[&'k str],
    entries: &[Vec<u8>],
    target: usize,
) -> Vec<(&'k str, Vec<u8>)> {
    cut(entries.iter().map(Vec::len), target)
        .into_par_iter()
        .map(|r| (keys[r.start], joined(&entries[r], b'{', b'}')))
        .collect()
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

    #[test]
    fn postings_are_flat_and_count_documents_from_the_one_before() {
        let mut out = Vec::new();
        postings_into(
            &mut out,
            &[3, 0, 20, 4, 2, 5, 10, 1, 7, 4_000_000_000, 0, 1],
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[3,0,20,1,2,5,6,1,7,3999999990,0,1]"
        );
        let mut out = Vec::new();
        postings_into(&mut out, &[]);
        assert_eq!(out, b"[]");
    }

    #[test]
    fn bundles_close_at_their_target_and_keep_every_entry_once() {
        assert_eq!(cut([4, 4, 4, 4, 4].into_iter(), 10), [0..2, 2..4, 4..5]);
        assert_eq!(
            cut([4, 4, 4, 4, 4].into_iter(), 9),
            [0..1, 1..2, 2..3, 3..4, 4..5]
        );
        // An entry larger than the target is a bundle by itself.
        assert_eq!(cut([1, 50, 1].into_iter(), 10), [0..1, 1..2, 2..3]);
        assert_eq!(
            cut([3].into_iter(), 10),
            vec![std::ops::Range { start: 0, end: 1 }]
        );
        assert!(cut(std::iter::empty(), 10).is_empty());
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
}
