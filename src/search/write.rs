//! One language tree's index files, under its prefix (`search/`, `fr/search/`): the
//! layout is described in [`super`].

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::bundle::{Bundles, entry, joined, json, json_into, postings_into, put_gzipped};
use super::documents::Doc;
use super::lists::Lists;
use super::memo::{self, Bundle, Memo, Tree};
use super::patch;
use super::postings::{Inflected, Posting, postings};
use super::snippet::passages;
use super::stem::{Stemming, Stems};
use super::stop::StopWords;
use super::terms::{Terms, word_stems};
use crate::diagnostic::Diagnostic;
use crate::pipeline::{Sink, timing};

/// Documents per `docs/<n>.json.gz` bundle: a result needs its document's bundle, and a
/// query shows up to 30 results from anywhere in the site, so a bundle stays small
/// (about 60 KB of JSON for reports, a sixth of that compressed) while a 10,000-report site writes a few hundred of them.
pub(crate) const DOCS_PER_BUNDLE: usize = 32;

/// The size (of JSON, before it is compressed) a `terms/<n>.json.gz` or
/// `vocab/<n>.json.gz` bundle is closed at: a query fetches one or two per word.
pub(crate) const TERMS_BUNDLE: usize = 96 * 1024;

/// A document's terms as [`postings`] cuts them: its postings and inflected words.
type Cut = (Vec<Posting>, Vec<Inflected>);

/// Documents cut and stemmed at once, their terms numbered and encoded before the
/// next are cut: the terms of all documents as cut (a shared string and two numbers
/// per posting) were a few GiB at 100,000 reports, and so was their text unpacked.
/// Whole `docs/<n>.json.gz` bundles; fewer in tests, so that theirs span several slices.
const CUT_AT_ONCE: usize = if cfg!(test) {
    2 * DOCS_PER_BUNDLE
} else {
    4096
};

const _: () = assert!(CUT_AT_ONCE.is_multiple_of(DOCS_PER_BUNDLE));

/// The most text (bytes, unpacked) a slice takes before it is cut, whatever its
/// count: a site of long reports, or a crafted cache whose texts unpack a thousand
/// times larger than they are held, stays within this and one bundle more.
const TEXT_AT_ONCE: usize = if cfg!(test) { 4096 } else { 256 << 20 };

/// The lengths of the slices the documents are taken in, given each one's text
/// length: whole bundles, cut at [`CUT_AT_ONCE`] documents or once they reach
/// [`TEXT_AT_ONCE`] bytes of text; the last slice takes what is left.
fn slices(text_lens: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut count, mut bytes) = (0, 0usize);
    for (n, len) in text_lens.enumerate() {
        count += 1;
        bytes = bytes.saturating_add(len);
        let bundle_ends = (n + 1) % DOCS_PER_BUNDLE == 0;
        if bundle_ends && (count >= CUT_AT_ONCE || bytes >= TEXT_AT_ONCE) {
            out.push(count);
            (count, bytes) = (0, 0);
        }
    }
    if count > 0 {
        out.push(count);
    }
    out
}

/// Entries serialised at once before they are bundled: enough to keep both cores
/// busy, few enough that the entries of a whole index are never held.
const ENTRIES_AT_ONCE: usize = 4096;

/// About how many bytes of entries are serialised at once: a few thousand stems of a
/// small vocabulary over 100,000 reports are each a list of tens of thousands of
/// postings, and 4,096 of them at once were the whole 157 MB of `terms/`, held twice
/// (the entries, then the bundles), at the build's peak.
const BYTES_AT_ONCE: usize = 8 << 20;

/// The fewest entries serialised at once: a few per core, and the first batch, which
/// measures them.
const FEWEST_ENTRIES: usize = 16;

/// How many entries to serialise next, after `entries` made `bytes` so far: about
/// [`BYTES_AT_ONCE`] at their mean size, from [`FEWEST_ENTRIES`] to
/// [`ENTRIES_AT_ONCE`].
fn entries_next(entries: usize, bytes: usize) -> usize {
    if entries == 0 {
        return FEWEST_ENTRIES;
    }
    let mean = bytes.div_ceil(entries).max(1);
    (BYTES_AT_ONCE / mean).clamp(FEWEST_ENTRIES, ENTRIES_AT_ONCE)
}

/// The version of the index layout, which `search.js` checks.
const VERSION: u32 = 4;

/// Writes the index files of `docs`, all of one page tree, under `prefix` (`search/`)
/// into `sink`. `lang` is the tree's language, which the search page reads to cut a
/// query. With `memo`, a document the previous build indexed with the same text is
/// not cut and stemmed again, and this build's terms are kept there for the next.
/// The documents are taken a slice at a time ([`slices`]): keyed (a report by its packed
/// text), then a report's text is unpacked ([`Doc::unpack`]) only when it is cut
/// again or its `docs/<n>.json.gz` bundle is written again (a bundle made from the same
/// input as the previous build's is kept, [`Sink::keep`]), and let go of once its
/// slice is written.
pub(crate) fn tree(
    docs: &mut [Doc<'_>],
    lang: &str,
    prefix: &str,
    sink: &dyn Sink,
    memo: Option<&Memo>,
) -> Result<(), Diagnostic> {
    // A document is stemmed in its own language but cut with the tree's stop words,
    // the list the search page gets: a word the page keeps in a query is indexed.
    let stop = StopWords::new(lang);
    let Tree {
        mut table,
        docs: previous,
        bundles: written_before,
        order: order_before,
        terms: terms_before,
        compacted,
    } = memo.map(|m| m.take(lang)).unwrap_or_default();
    let mut langs: Vec<&str> = docs.iter().map(|d| d.lang).collect();
    langs.sort_unstable();
    langs.dedup();
    let stemmers: Vec<(&str, Stems)> = langs.iter().map(|&l| (l, Stems::new(l))).collect();
    let mut keys: Vec<u128> = Vec::with_capacity(docs.len());
    let mut kept: HashMap<u128, Arc<Terms>> = HashMap::default();
    let mut bundles: Vec<Bundle> = Vec::with_capacity(docs.len().div_ceil(DOCS_PER_BUNDLE));
    let (mut indexed, mut unpacked) = (0, 0);
    let mut rest = &mut docs[..];
    let t = std::time::Instant::now();
    for len in slices(rest.iter().map(Doc::text_len)) {
        let (some, tail) = std::mem::take(&mut rest).split_at_mut(len);
        rest = tail;
        let first = keys.len();
        keys.par_extend(some.par_iter().map(|d| memo::key(d, lang)));
        let keys_now = &keys[first..];
        let first_bundle = bundles.len();
        // Each bundle as the previous build wrote it, when made from the same input
        // and the output still holds it: its documents need no text then.
        let these: Vec<(Bundle, bool)> = some
            .par_chunks(DOCS_PER_BUNDLE)
            .zip(keys_now.par_chunks(DOCS_PER_BUNDLE))
            .enumerate()
            .map(|(n, (chunk, chunk_keys))| {
                let input = memo::bundle_input(chunk, chunk_keys);
                let n = first_bundle + n;
                match written_before.get(n) {
                    Some(&before) if before.input == input => {
                        let still = sink.keep(&docs_path(prefix, n), before.bytes)?;
                        Ok((before, still))
                    }
                    _ => Ok((Bundle { input, bytes: 0 }, false)),
                }
            })
            .collect::<Result<_, Diagnostic>>()?;
        let mut todo = Vec::new();
        for (n, key) in keys_now.iter().enumerate() {
            match previous.get(key) {
                Some(terms) => {
                    kept.insert(*key, Arc::clone(terms));
                }
                None => todo.push(n),
            }
        }
        indexed += todo.len();
        // The text is read for the documents cut again and for the bundles written.
        let mut read: Vec<bool> = (0..some.len())
            .map(|n| !these[n / DOCS_PER_BUNDLE].1)
            .collect();
        todo.iter().for_each(|&n| read[n] = true);
        unpacked += read.iter().filter(|&&r| r).count();
        some.par_iter_mut()
            .zip(&read)
            .filter(|(_, read)| **read)
            .try_for_each(|(d, _)| d.unpack())?;
        // Each worker stems with its own memory of the words it has seen.
        let computed: Vec<(usize, Cut)> = todo
            .par_iter()
            .map_init(
                || Stemming::new(&stemmers),
                |stemming, &n| (n, postings(&some[n], stemming, stop)),
            )
            .collect();
        for (n, (found, inflected)) in computed {
            let postings = found
                .iter()
                .map(|(stem, section, weight)| [table.id(stem), *section, *weight])
                .collect();
            let inflected = inflected
                .iter()
                .map(|(word, stem)| [table.id(word), table.id(stem)])
                .collect();
            kept.insert(keys[first + n], Arc::new(Terms::new(postings, inflected)));
        }
        let written: Vec<Bundle> = some
            .par_chunks(DOCS_PER_BUNDLE)
            .zip(&these)
            .enumerate()
            .map(|(n, (chunk, &(bundle, still)))| {
                if still {
                    return Ok(bundle);
                }
                let list = chunk.iter().map(doc_json).collect::<Result<Vec<_>, _>>()?;
                let json = joined(&list, b'[', b']');
                let path = docs_path(prefix, first_bundle + n);
                Ok(Bundle {
                    bytes: put_gzipped(sink, &path, &json)?,
                    ..bundle
                })
            })
            .collect::<Result<_, Diagnostic>>()?;
        bundles.extend(written);
        some.iter_mut().for_each(Doc::repack);
    }
    // The documents whose terms differ from the previous build's at the same place,
    // with their terms then, when few do.
    let changed = patch::changed(&keys, &order_before, &previous, &terms_before);
    drop(previous);
    drop(written_before);
    timing("search: documents keyed, cut, docs bundles", t);
    let t = std::time::Instant::now();

    let mut tree = Tree {
        table,
        docs: kept,
        bundles,
        order: keys,
        terms: Default::default(),
        compacted,
    };
    let strings = &tree.table.strings;
    let in_order: Vec<&Terms> = tree.order.iter().map(|key| &*tree.docs[key]).collect();
    // Made one now, not after the terms bundles: every document's pairs (tens of
    // millions at 100,000 reports) would otherwise be held beside the postings by
    // stem, at the build's peak; the vocabulary has far fewer.
    let pairs = word_stems(&in_order, strings.len());
    timing("search: words and their stems", t);
    let t = std::time::Instant::now();
    let term_keys = match changed {
        // The bundles whose entries are unchanged kept, the others written again.
        Some(changed) => {
            let (firsts, index) =
                patch::terms(&in_order, &changed, strings, &terms_before, prefix, sink)?;
            tree.terms = index;
            timing("search: terms bundles patched", t);
            firsts
        }
        None => {
            let lists = Lists::new(strings.len(), &in_order);
            let mut terms: Vec<(&str, usize)> = (0..strings.len())
                .filter(|&s| !lists.is_empty(s))
                .map(|s| (&*strings[s], s))
                .collect();
            terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
            timing("search: postings by stem", t);
            let t = std::time::Instant::now();
            let packed = bundled(&terms, prefix, "terms", sink, |out, &s| {
                postings_into(out, lists.postings(s));
                Ok(())
            })?;
            tree.terms = memo::TermsIndex {
                entries: (terms.iter().zip(&packed.lens))
                    .map(|(&(_, s), &len)| (s as u32, len))
                    .collect(),
                bundles: packed.bundles,
            };
            timing("search: terms bundles", t);
            packed.firsts
        }
    };
    drop(in_order);
    drop(terms_before);
    let t = std::time::Instant::now();
    // The terms are no longer needed here: serialized for the next build once the
    // postings by stem are freed (the three at once were a third more), then freed.
    if let Some(memo) = memo {
        memo.keep(lang, &tree, indexed, unpacked);
    }
    tree.docs = HashMap::default();
    timing("search: memory kept for the next build", t);
    let t = std::time::Instant::now();

    let string = |id: u64| &*strings[id as u32 as usize];
    let mut words: Vec<(&str, &str)> = pairs
        .iter()
        .map(|&p| (string(p >> 32), string(p)))
        .collect();
    drop(pairs);
    words.par_sort_unstable();
    let mut vocabulary: Vec<(&str, Vec<&str>)> = Vec::new();
    for (word, stem) in words {
        match vocabulary.last_mut() {
            Some((w, stems)) if *w == word => stems.push(stem),
            _ => vocabulary.push((word, vec![stem])),
        }
    }
    // A word with one stem maps to it, with several to the list.
    let vocab_keys = bundled(
        &vocabulary,
        prefix,
        "vocab",
        sink,
        |out, stems| match stems.as_slice() {
            [one] => json_into(out, one),
            many => json_into(out, many),
        },
    )?
    .firsts;

    timing("search: vocabulary bundles", t);

    #[derive(serde::Serialize)]
    struct Meta<'a> {
        version: u32,
        lang: &'a str,
        chunk: usize,
        docs: usize,
        stop: &'a [&'a str],
        terms: Vec<&'a str>,
        vocab: Vec<&'a str>,
    }
    let meta = Meta {
        version: VERSION,
        lang,
        chunk: DOCS_PER_BUNDLE,
        docs: docs.len(),
        stop: stop.words(),
        terms: term_keys,
        vocab: vocab_keys,
    };
    sink.put(&path(prefix, "meta.json"), json(&meta)?)
}

/// Bundles as [`bundled`] wrote them.
pub(crate) struct Packed<'k> {
    /// The first key of each bundle, in order.
    pub(crate) firsts: Vec<&'k str>,
    /// The length of each entry, in order.
    pub(crate) lens: Vec<u32>,
    /// How many entries each bundle holds, and the XXH3-128 of its bytes.
    pub(crate) bundles: Vec<(u32, u128)>,
}

/// Writes the entries of `sorted` (each a key and what `value` writes for it) into
/// `<prefix><kind>/<n>.json.gz` bundles ([`Bundles`]), each as soon as it is closed.
fn bundled<'k, T: Sync>(
    sorted: &[(&'k str, T)],
    prefix: &str,
    kind: &str,
    sink: &dyn Sink,
    value: impl Fn(&mut Vec<u8>, &T) -> Result<(), Diagnostic> + Sync,
) -> Result<Packed<'k>, Diagnostic> {
    let mut bundles = Bundles::new(TERMS_BUNDLE);
    let mut hashes: Vec<u128> = Vec::new();
    let mut lens = Vec::with_capacity(sorted.len());
    let put = |closed: Vec<Vec<u8>>, from: usize| {
        closed
            .into_par_iter()
            .enumerate()
            .map(|(i, json)| put_gzipped(sink, &bundle_path(prefix, kind, from + i), &json))
            .collect::<Result<Vec<u128>, Diagnostic>>()
    };
    let (mut done, mut bytes) = (0, 0);
    while done < sorted.len() {
        let some = &sorted[done..sorted.len().min(done + entries_next(done, bytes))];
        done += some.len();
        let entries = some
            .par_iter()
            .map(|(key, v)| entry(key, |out| value(out, v)))
            .collect::<Result<Vec<_>, _>>()?;
        bytes += entries.iter().map(Vec::len).sum::<usize>();
        lens.extend(entries.iter().map(|e| e.len() as u32));
        let closed: Vec<Vec<u8>> = some
            .iter()
            .zip(&entries)
            .filter_map(|((key, _), e)| bundles.push(key, e))
            .collect();
        let written = put(closed, hashes.len())?;
        hashes.extend(written);
    }
    let counts = bundles.counts().to_vec();
    let (last, firsts) = bundles.finish();
    let written = put(last.into_iter().collect(), hashes.len())?;
    hashes.extend(written);
    Ok(Packed {
        firsts,
        lens,
        bundles: counts.into_iter().zip(hashes).collect(),
    })
}

/// A document as its bundle lists it: `[url, title, kind, detail, year, sections,
/// passages]`.
fn doc_json(d: &Doc<'_>) -> Result<Vec<u8>, Diagnostic> {
    json(&(
        &d.url,
        &d.title,
        d.kind.code(),
        &d.detail,
        d.year,
        &d.sections,
        passages(d),
    ))
}

fn path(prefix: &str, name: &str) -> PathBuf {
    PathBuf::from(format!("{prefix}{name}"))
}

/// The path of the `n`-th `docs/<n>.json.gz` bundle.
fn docs_path(prefix: &str, n: usize) -> PathBuf {
    bundle_path(prefix, "docs", n)
}

/// The path of the `n`-th bundle of `kind` (`terms`, `vocab`, `docs`), gzip-compressed
/// JSON ([`put_gzipped`]).
pub(crate) fn bundle_path(prefix: &str, kind: &str, n: usize) -> PathBuf {
    path(prefix, &format!("{kind}/{n}.json.gz"))
}

#[cfg(test)]
#[path = "write_incremental_tests.rs"]
mod incremental_tests;
#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
