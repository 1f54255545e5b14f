//! The `terms/<n>.json.gz` bundles of a build whose documents are the previous build's
//! but for a few, each at the same place: only the entries of the stems whose
//! postings changed are made again, the bundles cut from the lengths of all entries
//! (the previous build's for the others, [`TermsIndex`]), and a bundle that holds
//! the same entries as the previous build's under the same name is kept as that
//! build wrote it. Making every stem's postings and serializing all of them was
//! most of an edit's index; one changed report changes a few dozen entries.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::bundle::{cuts, entry, json_into, postings_into, postings_len, put_gzipped};
use super::lists::{Lists, Sizes};
use super::memo::TermsIndex;
use super::terms::Terms;
use super::write::{TERMS_BUNDLE, bundle_path};
use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::Sink;

/// Beyond this share of the documents changed, the bundles are made from nothing:
/// most of them would change anyway.
const CHANGED_AT_MOST: usize = 8;

/// The documents of `keys` whose key differs from the previous build's at the same
/// place (`before`), each with its previous terms, when the previous build wrote
/// `terms/` bundles for as many documents, no more than one in [`CHANGED_AT_MOST`]
/// changed, and the previous terms of each are remembered; `None` otherwise.
pub(crate) fn changed(
    keys: &[u128],
    before: &[u128],
    previous: &HashMap<u128, Arc<Terms>>,
    index: &TermsIndex,
) -> Option<Vec<(usize, Arc<Terms>)>> {
    if keys.len() != before.len() || index.bundles.is_empty() {
        return None;
    }
    let mut changed = Vec::new();
    for (n, (now, then)) in keys.iter().zip(before).enumerate() {
        if now != then {
            if changed.len() >= keys.len() / CHANGED_AT_MOST {
                return None;
            }
            changed.push((n, Arc::clone(previous.get(then)?)));
        }
    }
    Some(changed)
}

/// Writes the `terms/` bundles under `prefix` of the documents whose terms are
/// `docs`, in order, given the previous build's bundles (`before`) and the documents
/// that `changed` since, with their terms then; the first key of each bundle and
/// what the next build needs of them.
pub(crate) fn terms<'s>(
    docs: &[&Terms],
    changed: &[(usize, Arc<Terms>)],
    strings: &'s [Arc<str>],
    before: &TermsIndex,
    prefix: &str,
    sink: &dyn Sink,
) -> Result<(Vec<&'s str>, TermsIndex), Diagnostic> {
    // The stems whose postings changed: a document's posting of them came, went, or
    // changed its section or weight.
    let mut wanted = vec![false; strings.len()];
    for (n, then) in changed {
        for stem in differing(then, docs[*n]) {
            wanted[stem as usize] = true;
        }
    }
    // Measured, not made: in a corpus of a small vocabulary one edit changes the
    // weight of most stems, and their entries made at once (with their postings
    // gathered to make them) were the whole `terms/` index, the edit build's peak.
    let sizes = wanted
        .contains(&true)
        .then(|| Sizes::of(strings.len(), docs, &wanted));
    let lens = measured(sizes.as_ref(), strings, &wanted)?;
    drop(sizes);
    // This build's stems in order: the previous build's, less those that changed,
    // merged with those that changed and still have postings. Each with its length
    // and its place in the previous build's order if its entry is the same.
    let mut again: Vec<u32> = (0..strings.len() as u32)
        .filter(|&s| lens[s as usize] > 0)
        .collect();
    again.sort_unstable_by(|&a, &b| strings[a as usize].cmp(&strings[b as usize]));
    let mut entries: Vec<Entry> = Vec::with_capacity(before.entries.len() + again.len());
    let mut again = again.into_iter().peekable();
    let add = |stem: u32, entries: &mut Vec<Entry>| {
        entries.push((stem, lens[stem as usize], None));
    };
    for (at, &(stem, len)) in before.entries.iter().enumerate() {
        if wanted[stem as usize] {
            continue;
        }
        while let Some(next) = again.next_if(|&s| strings[s as usize] < strings[stem as usize]) {
            add(next, &mut entries);
        }
        entries.push((stem, len, Some(at)));
    }
    again.for_each(|stem| add(stem, &mut entries));
    drop(lens);

    // Each bundle's entries; kept when they are those of the previous build's bundle
    // of the same number, one for one.
    let counts = cuts(entries.iter().map(|e| e.1 as usize), TERMS_BUNDLE);
    let mut ranges = Vec::with_capacity(counts.len());
    let (mut start, mut start_before) = (0, 0);
    for (n, &count) in counts.iter().enumerate() {
        let range = start..start + count as usize;
        start = range.end;
        let same = before.bundles.get(n).and_then(|&(count_before, hash)| {
            let from = start_before;
            start_before += count_before as usize;
            let one_for_one = count_before == count
                && (range.clone().enumerate()).all(|(i, e)| entries[e].2 == Some(from + i));
            one_for_one.then_some(hash)
        });
        ranges.push((range, same));
    }
    let kept: Vec<bool> = ranges
        .par_iter()
        .enumerate()
        .map(|(n, (_, same))| match same {
            Some(hash) => sink.keep(&bundle_path(prefix, "terms", n), *hash),
            None => Ok(false),
        })
        .collect::<Result<_, Diagnostic>>()?;
    // The postings of the stems of the bundles written again, by stem, held as the
    // fresh build holds every stem's: a few bytes a posting.
    let mut write = vec![false; strings.len()];
    for ((range, _), _) in ranges.iter().zip(&kept).filter(|(_, kept)| !**kept) {
        entries[range.clone()]
            .iter()
            .for_each(|&(stem, ..)| write[stem as usize] = true);
    }
    // Measured on every core, then written: the bundles written again also hold
    // stems whose entries did not change, not measured above.
    let lists = write.contains(&true).then(|| {
        let sizes = Sizes::of(strings.len(), docs, &write);
        Lists::sized(&sizes.bytes, docs, |s| write[s])
    });
    let hashes = put_bundles(&ranges, &kept, &entries, prefix, sink, |out, stem, len| {
        let lists = lists.as_ref().filter(|l| !l.is_empty(stem as usize));
        let from = out.len();
        if let Some(lists) = lists {
            json_into(out, &*strings[stem as usize])?;
            out.push(b':');
            postings_into(out, lists.postings(stem as usize));
        }
        // An entry the previous build's memory told of is made again here as it
        // was: one whose stem no document has, or of another length, comes from a
        // memory that is not this output's.
        Ok(lists.is_some() && out.len() - from == len as usize)
    })?;
    let written = kept.iter().filter(|k| !**k).count();
    crate::pipeline::stat("search terms bundles written again", written);
    let firsts = ranges
        .iter()
        .map(|(range, _)| &*strings[entries[range.start].0 as usize])
        .collect();
    let index = TermsIndex {
        entries: entries.iter().map(|&(stem, len, _)| (stem, len)).collect(),
        bundles: counts.into_iter().zip(hashes).collect(),
    };
    Ok((firsts, index))
}

/// The stems whose posting differs between `then` and `now`, two terms of one
/// document: each sorted by stem, merged.
fn differing(then: &Terms, now: &Terms) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut a, mut b) = (then.postings().peekable(), now.postings().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return out,
            (Some(x), Some(y)) if x[0] == y[0] => {
                if x != y {
                    out.push(x[0]);
                }
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x[0] < y[0] => {
                out.push(x[0]);
                a.next();
            }
            (Some(x), None) => {
                out.push(x[0]);
                a.next();
            }
            (_, Some(y)) => {
                out.push(y[0]);
                b.next();
            }
        }
    }
}

/// The length of each stem's entry (`"stem":[...]`, as [`super::write`] writes it for
/// a fresh build) given the `sizes` of its postings, by stem: of the stems `wanted`
/// that a document has, 0 for the others (all of them without `sizes`).
fn measured(
    sizes: Option<&Sizes>,
    strings: &[Arc<str>],
    wanted: &[bool],
) -> Result<Vec<u32>, Diagnostic> {
    let mut lens = vec![0u32; strings.len()];
    let Some(sizes) = sizes else {
        return Ok(lens);
    };
    for (s, len) in lens.iter_mut().enumerate() {
        let count = sizes.count[s] as usize;
        if wanted[s] && count > 0 {
            let key = entry(&strings[s], |_| Ok(()))?.len();
            *len = (key + postings_len(count, sizes.digits[s] as usize)) as u32;
        }
    }
    Ok(lens)
}

/// A stem of this build's `terms/` bundles, in order: its entry's length, and its
/// place in the previous build's order if its entry is the same.
type Entry = (u32, u32, Option<usize>);

/// Writes the `terms/` bundles of `entries` cut as `ranges` (each with the hash of the
/// previous build's bundle when it holds the same entries) but those `kept`, each
/// made by itself as it is written: `value` writes a stem's entry of a length it is
/// given, and says whether it was that long. The hash of each bundle, in order. A
/// bundle is put as soon as it is made, so no more than one bundle per worker is held.
fn put_bundles(
    ranges: &[(Range<usize>, Option<u128>)],
    kept: &[bool],
    entries: &[Entry],
    prefix: &str,
    sink: &dyn Sink,
    value: impl Fn(&mut Vec<u8>, u32, u32) -> Result<bool, Diagnostic> + Sync,
) -> Result<Vec<u128>, Diagnostic> {
    ranges
        .par_iter()
        .zip(kept)
        .enumerate()
        .map(|(n, ((range, same), kept))| {
            if *kept {
                return Ok(same.unwrap_or_default());
            }
            let path = bundle_path(prefix, "terms", n);
            let parts = &entries[range.clone()];
            let mut bytes =
                Vec::with_capacity(parts.iter().map(|e| e.1 as usize + 1).sum::<usize>() + 1);
            for (i, &(stem, len, _)) in parts.iter().enumerate() {
                bytes.push(if i == 0 { b'{' } else { b',' });
                if !value(&mut bytes, stem, len)? {
                    return Err(Diagnostic::new(
                        Kind::Cache,
                        path,
                        "the search index's cache does not match the documents it was made from",
                    )
                    .help("run `wsis build --fresh`, which indexes every page again"));
                }
            }
            bytes.push(b'}');
            put_gzipped(sink, &path, &bytes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Each wanted stem's measured length is that of its entry as made, the others'
    /// 0: stems on every document, on a few far apart, on none, with keys JSON
    /// escapes.
    #[test]
    fn measured_lengths_are_those_of_the_entries_made() {
        let strings: Vec<Arc<str>> = ["a", "b\"c", "d", "é"].map(Arc::from).to_vec();
        let all: Vec<Terms> = (0..300u32)
            .map(|n| {
                let mut postings = vec![[0, n % 4, 1 + 7 * n]];
                if n % 140 == 3 {
                    postings.push([1, 12, 5]);
                }
                if n == 299 {
                    postings.push([3, 0, 1]);
                }
                Terms::new(postings, Vec::new())
            })
            .collect();
        let docs: Vec<&Terms> = all.iter().collect();
        let sizes = Sizes::of(strings.len(), &docs, &[true; 4]);
        let lists = Lists::new(strings.len(), &docs);
        let wanted = [true, true, true, false];
        let lens = measured(Some(&sizes), &strings, &wanted).unwrap();
        for s in 0..2 {
            let made = entry(&strings[s], |out| {
                postings_into(out, lists.postings(s));
                Ok(())
            })
            .unwrap();
            assert_eq!(lens[s] as usize, made.len(), "stem {s}");
        }
        assert_eq!(lens[2..], [0, 0]);
        assert_eq!(measured(None, &strings, &wanted).unwrap(), [0; 4]);
    }

    /// Entries of a megabyte each (a stem on every page of a large site with a small
    /// vocabulary), all written again: the first bundle is put once its own entries are
    /// made, not after all of them, so that a whole index's entries are never held.
    #[test]
    fn bundles_written_again_are_put_as_each_is_made() {
        let made = AtomicUsize::new(0);
        let sink = super::super::watch_tests::Watch::new(&made);
        const MB: u32 = 1 << 20;
        let entries: Vec<Entry> = (0..200).map(|s| (s, MB, Some(s as usize))).collect();
        let counts = cuts(entries.iter().map(|e| e.1 as usize), TERMS_BUNDLE);
        assert_eq!(
            counts.len(),
            200,
            "an entry over the target is a bundle by itself"
        );
        let ranges: Vec<_> = (0..200).map(|n| (n..n + 1, None)).collect();
        let hashes = put_bundles(
            &ranges,
            &[false; 200],
            &entries,
            "search/",
            &sink,
            |out, _, len| {
                made.fetch_add(1, Ordering::SeqCst);
                out.extend(std::iter::repeat_n(b'1', len as usize));
                Ok(true)
            },
        )
        .unwrap();
        assert_eq!(hashes.len(), 200);
        let first = sink.made_at_first_put();
        assert!(
            first <= 2 * rayon::current_num_threads(),
            "{first} of 200 entries of a megabyte made before the first bundle was put"
        );
    }
}
