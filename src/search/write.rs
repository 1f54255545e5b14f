//! One language tree's index files, under its prefix (`search/`, `fr/search/`): the
//! layout is described in [`super`].

use std::borrow::Cow;
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::documents::Doc;
use super::postings::{DocTerms, postings};
use super::snippet::passages;
use super::stem::Stems;
use super::stop::StopWords;
use crate::diagnostic::{Diagnostic, Kind};
use crate::pipeline::Sink;

/// Documents per `docs-<n>.json` chunk.
const CHUNK: usize = 500;

/// The version of the index layout, which `search.js` checks.
const VERSION: u32 = 2;

/// Writes the index files of `docs`, all of one page tree, under `prefix` (`search/`)
/// into `sink` as each is serialised: holding them all (every document's passages,
/// about the size of all report text) until the end would double the index's memory.
/// `lang` is the tree's language, which the search page reads to cut a query.
pub(crate) fn tree(
    docs: &[Doc<'_>],
    lang: &str,
    prefix: &str,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    // A document is stemmed in its own language but cut with the tree's stop words,
    // the list the search page gets: a word the page keeps in a query is indexed.
    let stop = StopWords::new(lang);
    let mut stemmers: HashMap<&str, Stems> = HashMap::default();
    for d in docs {
        stemmers.entry(d.lang).or_insert_with(|| Stems::new(d.lang));
    }
    let per_doc: Vec<DocTerms<'_>> = docs
        .par_iter()
        .map(|d| postings(d, &stemmers[d.lang], stop))
        .collect();

    // Stem -> postings, filled in document order; word -> its stems.
    let mut terms: HashMap<Cow<'_, str>, Vec<u32>> = HashMap::default();
    let mut vocabulary: HashMap<Cow<'_, str>, Vec<Cow<'_, str>>> = HashMap::default();
    for (doc, t) in per_doc.into_iter().enumerate() {
        for (term, section, weight) in t.postings {
            terms
                .entry(term)
                .or_default()
                .extend([doc as u32, section, weight]);
        }
        for (word, stem) in t.vocabulary {
            let stems = vocabulary.entry(word).or_default();
            if !stems.contains(&stem) {
                stems.push(stem);
            }
        }
    }
    let shards = sharded(terms);
    let vocab = sharded(vocabulary);

    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let list: Vec<_> = chunk
            .iter()
            .map(|d| {
                (
                    &d.url,
                    &d.title,
                    d.kind.code(),
                    &d.detail,
                    d.year,
                    &d.sections,
                )
            })
            .collect();
        sink.put(&path(prefix, &format!("docs-{n}.json")), json(&list)?)?;
    }
    #[derive(serde::Serialize)]
    struct Meta<'a> {
        version: u32,
        lang: &'a str,
        chunk: usize,
        docs: usize,
        stop: &'a [&'a str],
        shards: Vec<&'a str>,
        vocab: Vec<&'a str>,
    }
    let meta = Meta {
        version: VERSION,
        lang,
        chunk: CHUNK,
        docs: docs.len(),
        stop: stop.words(),
        shards: shards.iter().map(|(k, _)| k.as_str()).collect(),
        vocab: vocab.iter().map(|(k, _)| k.as_str()).collect(),
    };
    sink.put(&path(prefix, "meta.json"), json(&meta)?)?;
    shards
        .par_iter()
        .map(|(key, terms)| {
            let name = format!("shards/{}.json", shard_file(key));
            sink.put(&path(prefix, &name), json(&Ordered(terms))?)
        })
        .chain(vocab.par_iter().map(|(key, words)| {
            // A word with one stem maps to it, with several (pages in several
            // languages) to the list.
            let words: Vec<(Cow<'_, str>, serde_json::Value)> = words
                .iter()
                .map(|(w, stems)| {
                    let v = match stems.as_slice() {
                        [one] => serde_json::json!(one),
                        many => serde_json::json!(many),
                    };
                    (w.clone(), v)
                })
                .collect();
            let name = format!("vocab/{}.json", shard_file(key));
            sink.put(&path(prefix, &name), json(&Ordered(&words))?)
        }))
        .chain(docs.par_iter().enumerate().map(|(n, d)| {
            sink.put(
                &path(prefix, &format!("text/{n}.json")),
                json(&passages(d))?,
            )
        }))
        .collect()
}

fn path(prefix: &str, name: &str) -> PathBuf {
    PathBuf::from(format!("{prefix}{name}"))
}

/// A shard: its key and its entries (term or word, value), sorted.
type Shard<'a, V> = (String, Vec<(Cow<'a, str>, V)>);

/// `map`'s entries grouped by shard key, keys and entries sorted so that every build
/// writes the same bytes.
fn sharded<'a, V: Send>(map: HashMap<Cow<'a, str>, V>) -> Vec<Shard<'a, V>> {
    let mut sorted: Vec<(String, Cow<'a, str>, V)> = map
        .into_iter()
        .map(|(term, v)| (shard_key(&term), term, v))
        .collect();
    sorted.par_sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut shards: Vec<Shard<'a, V>> = Vec::new();
    for (key, term, v) in sorted {
        match shards.last_mut() {
            Some((k, entries)) if *k == key => entries.push((term, v)),
            _ => shards.push((key, vec![(term, v)])),
        }
    }
    shards
}

/// The shard a term (or a vocabulary word) belongs to: its first three characters, or
/// its first one for a Han term, so that a one-character query finds the pairs that
/// start with it in the same shard.
fn shard_key(term: &str) -> String {
    let han = term.chars().next().is_some_and(super::ngram::is_han);
    term.chars().take(if han { 1 } else { 3 }).collect()
}

/// A shard's file name: the key itself when it is lower case ASCII letters and
/// digits, else `x` and the hex of its UTF-8 bytes, so no name needs URL escaping.
fn shard_file(key: &str) -> String {
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        key.to_string()
    } else {
        key.bytes().fold(String::from("x"), |mut s, b| {
            s.push_str(&format!("{b:02x}"));
            s
        })
    }
}

/// Entries already sorted, serialised as one JSON object.
struct Ordered<'a, 'b, V>(&'b [(Cow<'a, str>, V)]);

impl<V: serde::Serialize> serde::Serialize for Ordered<'_, '_, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k.as_ref(), v)))
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    serde_json::to_vec(value).map_err(|e| Diagnostic::new(Kind::Io, "search/", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_named_by_their_first_three_characters() {
        assert_eq!(shard_key("encryption"), "enc");
        assert_eq!(shard_key("ai"), "ai");
        assert_eq!(shard_key("社区"), "社");
        assert_eq!(shard_file("enc"), "enc");
        assert_eq!(shard_file("éco"), "xc3a9636f");
    }
}
