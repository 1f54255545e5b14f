//! The `terms/<n>.json` bundles of a build whose documents are the previous build's
//! but for a few, each at the same place: only the entries of the stems whose
//! postings changed are made again, the bundles cut from the lengths of all entries
//! (the previous build's for the others, [`TermsIndex`]), and a bundle that holds
//! the same entries as the previous build's under the same name is kept as that
//! build wrote it. Making every stem's postings and serializing all of them was
//! most of an edit's index; one changed report changes a few dozen entries.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::bundle::{cuts, entry, postings_into};
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
    let mut made = entries_of(docs, strings, &wanted)?;
    // This build's stems in order: the previous build's, less those that changed,
    // merged with those that changed and still have postings. Each with its length
    // and its place in the previous build's order if its entry is the same.
    let mut again: Vec<u32> = made.keys().copied().collect();
    again.sort_unstable_by(|&a, &b| strings[a as usize].cmp(&strings[b as usize]));
    let mut entries: Vec<(u32, u32, Option<usize>)> =
        Vec::with_capacity(before.entries.len() + again.len());
    let mut again = again.into_iter().peekable();
    let add = |stem: u32, entries: &mut Vec<(u32, u32, Option<usize>)>| {
        entries.push((stem, made[&stem].len() as u32, None));
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
    // The entries of the bundles written again that were not made yet.
    let mut more = vec![false; strings.len()];
    let mut any = false;
    for ((range, _), _) in ranges.iter().zip(&kept).filter(|(_, kept)| !**kept) {
        for &(stem, _, at) in &entries[range.clone()] {
            if at.is_some() {
                more[stem as usize] = true;
                any = true;
            }
        }
    }
    if any {
        made.extend(entries_of(docs, strings, &more)?);
    }
    let hashes: Vec<u128> = ranges
        .par_iter()
        .zip(&kept)
        .enumerate()
        .map(|(n, ((range, same), kept))| {
            if *kept {
                return Ok(same.unwrap_or_default());
            }
            let parts = &entries[range.clone()];
            let mut bytes =
                Vec::with_capacity(parts.iter().map(|e| e.1 as usize + 1).sum::<usize>() + 1);
            for (i, (stem, len, _)) in parts.iter().enumerate() {
                // An entry the previous build's memory told of is made again here as
                // it was: one whose stem no document has, or of another length, comes
                // from a memory that is not this output's.
                let made = made.get(stem).filter(|e| e.len() == *len as usize);
                let made = made.ok_or_else(|| {
                    Diagnostic::new(
                        Kind::Cache,
                        bundle_path(prefix, "terms", n),
                        "the search index's cache does not match the documents it was made from",
                    )
                    .help("run `wsis build --fresh`, which indexes every page again")
                })?;
                bytes.push(if i == 0 { b'{' } else { b',' });
                bytes.extend_from_slice(made);
            }
            bytes.push(b'}');
            let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
            sink.put(&bundle_path(prefix, "terms", n), bytes)?;
            Ok(hash)
        })
        .collect::<Result<_, Diagnostic>>()?;
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

/// The entry (`"stem":[...]`, as [`super::write`] writes it for a fresh build) of
/// each stem `wanted` that a document of `docs` has.
fn entries_of(
    docs: &[&Terms],
    strings: &[Arc<str>],
    wanted: &[bool],
) -> Result<HashMap<u32, Vec<u8>>, Diagnostic> {
    if !wanted.contains(&true) {
        return Ok(HashMap::default());
    }
    let mut found: Vec<[u32; 4]> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(n, terms)| {
            (terms.postings())
                .filter(|[stem, ..]| wanted[*stem as usize])
                .map(move |[stem, section, weight]| [stem, n as u32, section, weight])
        })
        .collect();
    // Stable: each stem's postings stay in document order.
    found.par_sort_by_key(|p| p[0]);
    let runs: Vec<&[[u32; 4]]> = found.chunk_by(|a, b| a[0] == b[0]).collect();
    let made = runs
        .into_par_iter()
        .map(|run| {
            let stem = run[0][0];
            let bytes = entry(&strings[stem as usize], |out| {
                let mut last = 0;
                postings_into(
                    out,
                    run.iter().map(|&[_, n, section, weight]| {
                        let delta = n - last;
                        last = n;
                        [delta, section, weight]
                    }),
                );
                Ok(())
            })?;
            Ok((stem, bytes))
        })
        .collect::<Result<_, Diagnostic>>()?;
    Ok(made)
}
