//! One language tree's index files, under its prefix (`search/`, `fr/search/`): the
//! layout is described in [`super`].

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::bundle::{entry, joined, json, json_into, objects, postings_into};
use super::documents::Doc;
use super::memo::{self, Memo, Terms, Tree};
use super::postings::{Inflected, Posting, postings};
use super::snippet::passages;
use super::stem::{Stemming, Stems};
use super::stop::StopWords;
use crate::diagnostic::Diagnostic;
use crate::pipeline::Sink;

/// Documents per `docs/<n>.json` bundle: a result needs its document's bundle, and a
/// query shows up to 30 results from anywhere in the site, so a bundle stays small
/// (about 60 KB of reports) while a 10,000-report site writes a few hundred of them.
pub(crate) const DOCS_PER_BUNDLE: usize = 32;

/// The size a `terms/<n>.json` or `vocab/<n>.json` bundle is closed at: a query
/// fetches one or two per word.
pub(crate) const TERMS_BUNDLE: usize = 96 * 1024;

/// A document's terms as [`postings`] cuts them: its postings and inflected words.
type Cut = (Vec<Posting>, Vec<Inflected>);

/// The version of the index layout, which `search.js` checks.
const VERSION: u32 = 3;

/// Writes the index files of `docs`, all of one page tree, under `prefix` (`search/`)
/// into `sink`. `lang` is the tree's language, which the search page reads to cut a
/// query. With `memo`, a document the previous build indexed with the same text is
/// not cut and stemmed again, and this build's terms are kept there for the next.
pub(crate) fn tree(
    docs: &[Doc<'_>],
    lang: &str,
    prefix: &str,
    sink: &dyn Sink,
    memo: Option<&Memo>,
) -> Result<(), Diagnostic> {
    // A document is stemmed in its own language but cut with the tree's stop words,
    // the list the search page gets: a word the page keeps in a query is indexed.
    let stop = StopWords::new(lang);
    let keys: Vec<u128> = docs.par_iter().map(|d| memo::key(d, lang)).collect();
    let Tree {
        mut table,
        docs: previous,
    } = memo.map(|m| m.take(lang)).unwrap_or_default();
    let mut kept: HashMap<u128, Arc<Terms>> = HashMap::default();
    let mut todo = Vec::new();
    for (n, key) in keys.iter().enumerate() {
        match previous.get(key) {
            Some(terms) => {
                kept.insert(*key, Arc::clone(terms));
            }
            None => todo.push(n),
        }
    }
    drop(previous);
    let indexed = todo.len();
    let mut langs: Vec<&str> = todo.iter().map(|&n| docs[n].lang).collect();
    langs.sort_unstable();
    langs.dedup();
    let stemmers: Vec<(&str, Stems)> = langs.iter().map(|&l| (l, Stems::new(l))).collect();
    // Each worker stems with its own memory of the words it has seen.
    let computed: Vec<(usize, Cut)> = todo
        .par_iter()
        .map_init(
            || Stemming::new(&stemmers),
            |stemming, &n| (n, postings(&docs[n], stemming, stop)),
        )
        .collect();
    for (n, (found, inflected)) in computed {
        let postings = found
            .iter()
            .flat_map(|(stem, section, weight)| [table.id(stem), *section, *weight])
            .collect();
        let inflected = inflected
            .iter()
            .flat_map(|(word, stem)| [table.id(word), table.id(stem)])
            .collect();
        kept.insert(
            keys[n],
            Arc::new(Terms {
                postings,
                inflected,
            }),
        );
    }

    // Stem -> postings, filled in document order.
    let mut by_stem: Vec<Vec<u32>> = vec![Vec::new(); table.strings.len()];
    for (n, key) in keys.iter().enumerate() {
        for p in kept[key].postings.chunks_exact(3) {
            by_stem[p[0] as usize].extend([n as u32, p[1], p[2]]);
        }
    }
    let mut terms: Vec<(&str, &[u32])> = by_stem
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (&*table.strings[i], p.as_slice()))
        .collect();
    terms.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    let term_keys: Vec<&str> = terms.iter().map(|(t, _)| *t).collect();
    let entries = terms
        .par_iter()
        .map(|(t, p)| {
            entry(t, |out| {
                postings_into(out, p);
                Ok(())
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    drop(terms);
    let term_bundles = objects(&term_keys, &entries, TERMS_BUNDLE);
    drop(entries);

    // Word -> its stems, several when pages of several languages disagree: the pairs
    // told apart by number first, cheaper to sort than the strings.
    let mut pairs: Vec<u64> = kept
        .values()
        .flat_map(|t| t.inflected.chunks_exact(2))
        .map(|p| u64::from(p[0]) << 32 | u64::from(p[1]))
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    let string = |id: u64| &*table.strings[id as u32 as usize];
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
    let vocab_keys: Vec<&str> = vocabulary.iter().map(|(w, _)| *w).collect();
    let entries = vocabulary
        .par_iter()
        .map(|(w, stems)| {
            // A word with one stem maps to it, with several to the list.
            entry(w, |out| match stems.as_slice() {
                [one] => json_into(out, one),
                many => json_into(out, many),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let vocab_bundles = objects(&vocab_keys, &entries, TERMS_BUNDLE);

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
        terms: term_bundles.iter().map(|(k, _)| *k).collect(),
        vocab: vocab_bundles.iter().map(|(k, _)| *k).collect(),
    };
    sink.put(&path(prefix, "meta.json"), json(&meta)?)?;
    let named = |kind: &'static str| move |(n, (_, bytes))| (format!("{kind}/{n}.json"), bytes);
    term_bundles
        .into_par_iter()
        .enumerate()
        .map(named("terms"))
        .chain(
            vocab_bundles
                .into_par_iter()
                .enumerate()
                .map(named("vocab")),
        )
        .map(|(name, bytes)| sink.put(&path(prefix, &name), bytes))
        .chain(
            docs.par_chunks(DOCS_PER_BUNDLE)
                .enumerate()
                .map(|(n, chunk)| {
                    let list = chunk.iter().map(doc_json).collect::<Result<Vec<_>, _>>()?;
                    sink.put(
                        &path(prefix, &format!("docs/{n}.json")),
                        joined(&list, b'[', b']'),
                    )
                }),
        )
        .collect::<Result<(), Diagnostic>>()?;
    if let Some(memo) = memo {
        memo.keep(lang, Tree { table, docs: kept }, indexed);
    }
    Ok(())
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

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
