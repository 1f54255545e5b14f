//! The search index's memory between builds: what each document contributed to its
//! tree's index (its postings and the words of its vocabulary), keyed by a hash of
//! everything those are made from. A build tokenizes and stems only the documents
//! whose key it does not find, which after one report changes is one document, not
//! ten thousand: cutting and stemming the text was most of the index's time.
//!
//! The file is `.<output>.wsis-search` beside the output: the magic `WSIS-SEARCH\n`,
//! the format version (`u32`, little-endian), the payload's length (`u64`) and
//! XXH3-128 (`u128`), then the payload (postcard). Its entries depend on nothing but
//! their key and the tokenizer, so it needs no tie to one output's state: only the
//! `wsis` executable that wrote it (a rebuilt one may cut words otherwise). A file
//! that is not a regular file, truncated, corrupt or another `wsis`'s is ignored with
//! a warning (every document is then indexed from its text); `--fresh` ignores it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::documents::Doc;

/// The first bytes of the file.
const MAGIC: &[u8] = b"WSIS-SEARCH\n";

/// The version of the layout and payload, raised whenever either changes.
const FORMAT: u32 = 1;

/// What one document contributes to its tree's index, as indexes into its tree's
/// string [`Table`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Terms {
    /// `[stem, section, weight, ...]`, as [`super::postings::Posting`]s.
    pub(crate) postings: Vec<u32>,
    /// `[word, stem, ...]`: its words whose stem is not the word itself.
    pub(crate) inflected: Vec<u32>,
}

/// The stems and words of one tree, each string once, with its number.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) strings: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Table {
    fn of(strings: Vec<Arc<str>>) -> Table {
        let ids = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (Arc::clone(s), i as u32))
            .collect();
        Table { strings, ids }
    }

    /// The number of `s`, given one if it has none yet.
    pub(crate) fn id(&mut self, s: &Arc<str>) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(Arc::clone(s));
        self.ids.insert(Arc::clone(s), id);
        id
    }
}

/// One tree's memory: its strings and its documents' terms by key.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub(crate) table: Table,
    pub(crate) docs: HashMap<u128, Arc<Terms>>,
}

/// The previous build's trees, by language, and what this build's trees hold.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    previous: Mutex<HashMap<String, Tree>>,
    fresh: Mutex<Vec<(String, Tree)>>,
    /// Documents cut and stemmed by this build (not found in the previous memory).
    indexed: AtomicUsize,
    /// Where to write this build's memory, and as which `wsis`, once the index is
    /// made ([`Memo::finish`]).
    to: Option<(PathBuf, String)>,
    /// Why that failed.
    failed: Mutex<Option<std::io::Error>>,
}

/// The payload as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    wsis: String,
    trees: Vec<StoredTree>,
}

#[derive(Serialize, Deserialize)]
struct StoredTree {
    lang: String,
    strings: Vec<String>,
    /// Key, postings, inflected words.
    docs: Vec<(u128, Vec<u32>, Vec<u32>)>,
}

impl Memo {
    /// The memory the file at `path` holds for the `wsis` named `wsis`: empty when
    /// there is none, `Err` with the reason when one is there but may not be used.
    pub(crate) fn read(path: &Path, wsis: &str) -> Result<Memo, String> {
        let meta = match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Memo::default()),
            Err(e) => return Err(format!("it cannot be read: {e}")),
            Ok(meta) => meta,
        };
        if !meta.is_file() {
            return Err("it is not a regular file (a folder or a symbolic link?)".into());
        }
        let bytes = std::fs::read(path).map_err(|e| format!("it cannot be read: {e}"))?;
        let stored = decode(&bytes)?;
        if stored.wsis != wsis {
            return Err(format!(
                "it was written by another wsis ({}; this is {wsis})",
                stored.wsis
            ));
        }
        let mut previous = HashMap::default();
        for t in stored.trees {
            let count = t.strings.len() as u32;
            let mut docs = HashMap::default();
            for (key, postings, inflected) in t.docs {
                if postings.len() % 3 != 0
                    || inflected.len() % 2 != 0
                    || !postings.chunks_exact(3).all(|p| p[0] < count)
                    || !inflected.iter().all(|&i| i < count)
                {
                    return Err("its contents do not decode".into());
                }
                docs.insert(
                    key,
                    Arc::new(Terms {
                        postings,
                        inflected,
                    }),
                );
            }
            let table = Table::of(t.strings.into_iter().map(Arc::from).collect());
            previous.insert(t.lang, Tree { table, docs });
        }
        Ok(Memo {
            previous: Mutex::new(previous),
            ..Memo::default()
        })
    }

    /// Makes [`Memo::finish`] write this build's memory to `path` as the `wsis`
    /// named `wsis`.
    pub(crate) fn save_to(&mut self, path: PathBuf, wsis: String) {
        self.to = Some((path, wsis));
    }

    /// Writes this build's memory where [`Memo::save_to`] said, as soon as the index
    /// is made: its entries hold for whatever output, so there is no need to wait
    /// for the output to be committed, and the memory is freed before the pages are
    /// checked. A failure is kept for [`Memo::failure`].
    pub(crate) fn finish(&self) {
        if let Some((path, wsis)) = &self.to
            && let Err(e) = self.save(path, wsis)
        {
            *crate::pipeline::lock(&self.failed) = Some(e);
        }
        crate::pipeline::lock(&self.fresh).clear();
    }

    /// Why [`Memo::finish`] could not write the memory.
    pub(crate) fn failure(&self) -> Option<String> {
        crate::pipeline::lock(&self.failed)
            .as_ref()
            .map(|e| e.to_string())
    }

    /// The previous build's memory of the tree in the language `lang`, taken out: a
    /// tree is indexed once per build.
    pub(crate) fn take(&self, lang: &str) -> Tree {
        crate::pipeline::lock(&self.previous)
            .remove(lang)
            .unwrap_or_default()
    }

    /// Keeps `tree`, the memory of this build's tree in `lang`, for the next build;
    /// `indexed` of its documents were cut and stemmed by this build.
    pub(crate) fn keep(&self, lang: &str, tree: Tree, indexed: usize) {
        self.indexed.fetch_add(indexed, Ordering::Relaxed);
        crate::pipeline::lock(&self.fresh).push((lang.to_string(), tree));
    }

    /// Documents cut and stemmed by this build, in every tree.
    pub(crate) fn indexed(&self) -> usize {
        self.indexed.load(Ordering::Relaxed)
    }

    /// Writes this build's memory to `path`, under a temporary name renamed over the
    /// old file; the strings no document uses any more are left out.
    pub(crate) fn save(&self, path: &Path, wsis: &str) -> std::io::Result<()> {
        let fresh = std::mem::take(&mut *crate::pipeline::lock(&self.fresh));
        let trees = fresh
            .into_iter()
            .map(|(lang, tree)| compact(lang, tree))
            .collect();
        let payload = postcard::to_stdvec(&Stored {
            wsis: wsis.to_string(),
            trees,
        })
        .map_err(std::io::Error::other)?;
        let mut bytes = Vec::with_capacity(MAGIC.len() + 28 + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        crate::cache::replace(path, |f| std::io::Write::write_all(f, &bytes))
    }
}

/// `tree` as stored, its strings renumbered in the order its documents first use them.
fn compact(lang: String, tree: Tree) -> StoredTree {
    const NONE: u32 = u32::MAX;
    let mut new_id = vec![NONE; tree.table.strings.len()];
    let mut strings = Vec::new();
    let mut renumber = |id: u32| {
        let slot = &mut new_id[id as usize];
        if *slot == NONE {
            *slot = strings.len() as u32;
            strings.push(tree.table.strings[id as usize].to_string());
        }
        *slot
    };
    let mut docs: Vec<(u128, Vec<u32>, Vec<u32>)> = Vec::with_capacity(tree.docs.len());
    for (key, terms) in &tree.docs {
        let mut postings = terms.postings.clone();
        for p in postings.chunks_exact_mut(3) {
            p[0] = renumber(p[0]);
        }
        let inflected = terms.inflected.iter().map(|&i| renumber(i)).collect();
        docs.push((*key, postings, inflected));
    }
    StoredTree {
        lang,
        strings,
        docs,
    }
}

/// The payload of the file `bytes`, or why it may not be used.
fn decode(bytes: &[u8]) -> Result<Stored, String> {
    use crate::cache::Refused;
    let payload = crate::cache::framed(bytes, MAGIC, FORMAT).map_err(|e| match e {
        Refused::NotACache => "it is not a wsis search cache file".to_string(),
        Refused::Format(found) => {
            format!("it has format {found}, this wsis reads format {FORMAT}")
        }
        e => e.to_string(),
    })?;
    postcard::from_bytes(payload).map_err(|_| "its contents do not decode".into())
}

/// The key of `doc` in a tree in the language `tree`: a hash of everything its terms
/// are made from (its language, which picks the stemmer; the tree's, which picks the
/// stop words; its title, headings and text), each part with its length so that no
/// two documents run together alike.
pub(crate) fn key(doc: &Doc<'_>, tree: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part(tree);
    part(doc.lang);
    part(&doc.title);
    for (_, heading) in &doc.sections {
        part(heading);
    }
    // The counts too: headings and sections are told apart by them.
    let counts = format!("{} {}", doc.sections.len(), doc.text.len());
    part(&counts);
    for text in &doc.text {
        part(text);
    }
    h.digest128()
}

#[cfg(test)]
#[path = "memo_tests.rs"]
mod tests;
