//! The search index's memory between builds: what each document contributed to its
//! tree's index (its postings and the words of its vocabulary), keyed by a hash of
//! everything those are made from. A build tokenizes and stems only the documents
//! whose key it does not find, which after one report changes is one document, not
//! ten thousand: cutting and stemming the text was most of the index's time. It also
//! holds, for each `docs/<n>.json.gz` bundle, a hash of what the bundle is made from and
//! of the bytes written: a bundle made from the same documents is kept as the
//! previous build wrote it, so that the reports' packed text is unpacked only for the
//! bundles written again and the documents cut again.
//!
//! The file is `.<output>.wsis-search` beside the output: the magic `WSIS-SEARCH\n`,
//! the format version (`u32`, little-endian), the payload's length (`u64`) and
//! XXH3-128 (`u128`), then the payload: postcard values one after the other, the
//! `wsis` that wrote it, then each tree with its documents' terms. Its entries depend on nothing but
//! their key and the tokenizer, so it needs no tie to one output's state: only the
//! `wsis` executable that wrote it (a rebuilt one may cut words otherwise). A file
//! that is not a regular file, truncated, corrupt or another `wsis`'s is ignored with
//! a warning (every document is then indexed from its text); `--fresh` ignores it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::documents::{Doc, appended};
use super::terms::Terms;

/// The first bytes of the file.
const MAGIC: &[u8] = b"WSIS-SEARCH\n";

/// The version of the layout and payload, raised whenever either changes: 2 holds
/// each document's terms encoded ([`Terms`]) and each tree as its own value; 3 keys
/// a report by its packed text ([`key`]) and holds each tree's bundles ([`Bundle`]);
/// 4 holds the documents' order and the `terms/` bundles ([`TermsIndex`]), and
/// strings no document uses any more until they are many ([`Tree::compacted`]).
const FORMAT: u32 = 4;

/// The stems and words of one tree, each string once, with its number.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) strings: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Table {
    /// The table of `strings`, numbered in order; `None` when one comes twice, which no
    /// build writes: a kept document and a document cut again would number that string
    /// differently, and the index would list it twice.
    fn of(strings: Vec<Arc<str>>) -> Option<Table> {
        let mut ids = HashMap::default();
        ids.reserve(strings.len());
        for (i, s) in strings.iter().enumerate() {
            if ids.insert(Arc::clone(s), i as u32).is_some() {
                return None;
            }
        }
        Some(Table { strings, ids })
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

/// One tree's memory: its strings, its documents' terms by key, its
/// `docs/<n>.json.gz` bundles in order, its documents' keys in order, and its
/// `terms/<n>.json.gz` bundles.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub(crate) table: Table,
    pub(crate) docs: HashMap<u128, Arc<Terms>>,
    pub(crate) bundles: Vec<Bundle>,
    /// The key of each document, in the order the index numbers them: a build whose
    /// documents differ from these at a few places patches the `terms/` bundles.
    pub(crate) order: Vec<u128>,
    pub(crate) terms: TermsIndex,
    /// How many strings the table held when it was last stored without the strings no
    /// document uses: it is stored as it is, each document's terms as they are
    /// encoded (renumbering them all was a third of an edit's index), until it has
    /// grown by an eighth since.
    pub(crate) compacted: usize,
}

/// The `terms/<n>.json.gz` bundles as a build wrote them, so that the next build
/// serializes again only the entries whose postings changed and the bundles that
/// hold them.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TermsIndex {
    /// Each stem of the bundles, in their order (code point), with the length of its
    /// entry (`"stem":[...]`) in bytes.
    pub(crate) entries: Vec<(u32, u32)>,
    /// Each bundle in order: how many entries it holds, and the XXH3-128 of its
    /// bytes as written (compressed), which the output keeps them by.
    pub(crate) bundles: Vec<(u32, u128)>,
}

impl TermsIndex {
    /// Whether the index may be used with a table of `strings`: every stem in it,
    /// the stems in strictly increasing order, each bundle holding at least one
    /// entry and all of them as many as there are. A file that says otherwise was
    /// not written by a build.
    fn fits(&self, strings: &[Arc<str>]) -> bool {
        let in_table = self
            .entries
            .iter()
            .all(|&(s, _)| (s as usize) < strings.len());
        in_table
            && self
                .entries
                .windows(2)
                .all(|w| strings[w[0].0 as usize] < strings[w[1].0 as usize])
            && self.bundles.iter().all(|&(count, _)| count > 0)
            && self.bundles.iter().map(|&(c, _)| c as usize).sum::<usize>() == self.entries.len()
    }
}

/// A `docs/<n>.json.gz` bundle as a build wrote it: the [`bundle_input`] of its
/// documents, and the XXH3-128 of its bytes as written (compressed), which the output
/// keeps them by.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Bundle {
    pub(crate) input: u128,
    pub(crate) bytes: u128,
}

/// The previous build's trees, by language, and what this build's trees hold.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    previous: Mutex<HashMap<String, Tree>>,
    /// This build's trees, each serialized as soon as it is kept ([`StoredTree`]):
    /// held as trees until the end of the index, their terms were a GiB of the
    /// peak at 100,000 reports, and serialized a second time then.
    fresh: Mutex<Vec<u8>>,
    /// Documents cut and stemmed by this build (not found in the previous memory).
    indexed: AtomicUsize,
    /// Documents whose text this build read: those cut again, and those of the
    /// bundles written again (for a report, its text unpacked).
    unpacked: AtomicUsize,
    /// Where to write this build's memory, and as which `wsis`, once the index is
    /// made ([`Memo::finish`]).
    to: Option<(PathBuf, String)>,
    /// Why that failed.
    failed: Mutex<Option<std::io::Error>>,
}

// The payload: the `wsis` that wrote it (a `String`), then one `StoredTree` for each
// tree, each a postcard value of its own, up to the end.

/// A tree as stored.
#[derive(Serialize, Deserialize)]
struct StoredTree<S, D> {
    lang: String,
    strings: Vec<S>,
    /// [`Tree::compacted`].
    compacted: u64,
    /// The tree's bundles, in order.
    bundles: Vec<Bundle>,
    /// [`Tree::order`].
    order: Vec<u128>,
    /// [`Tree::terms`].
    terms: TermsIndex,
    /// Key and encoded [`Terms`] of each document.
    docs: D,
}

/// A tree's documents as written: each one's terms renumbered as it is serialized,
/// rather than the whole tree copied renumbered first; as they are without
/// `new_id`.
struct Renumbered<'a> {
    tree: &'a Tree,
    new_id: Option<Vec<u32>>,
}

impl Serialize for Renumbered<'_> {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.tree.docs.len()))?;
        for (key, terms) in &self.tree.docs {
            match &self.new_id {
                Some(new_id) => {
                    let terms = terms.renumbered(|id| new_id[id as usize]);
                    seq.serialize_element(&(key, Bytes(terms.bytes())))?;
                }
                None => seq.serialize_element(&(key, Bytes(terms.bytes())))?,
            }
        }
        seq.end()
    }
}

/// Bytes serialized whole: postcard writes them as it writes a sequence of `u8` (the
/// length, then each byte), so they read back as a `Vec<u8>`, but copied at once
/// rather than a byte at a time (a fifth of storing the memory).
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<Z: serde::Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        s.serialize_bytes(self.0)
    }
}

impl Memo {
    /// The memory the file at `path` holds for the `wsis` named `wsis`: empty when
    /// there is none, `Err` with the reason when one is there but may not be used.
    pub(crate) fn read(path: &Path, wsis: &str) -> Result<Memo, String> {
        let Some(bytes) = crate::cache::read_kept(path)? else {
            return Ok(Memo::default());
        };
        let payload = framed(&bytes)?;
        const UNDECODABLE: &str = "its contents do not decode";
        let undecodable = |_| UNDECODABLE.to_string();
        let (written_by, mut rest): (String, _) =
            postcard::take_from_bytes(payload).map_err(undecodable)?;
        if written_by != wsis {
            return Err(format!(
                "it was written by another wsis ({written_by}; this is {wsis})"
            ));
        }
        let mut previous = HashMap::default();
        while !rest.is_empty() {
            type Read = StoredTree<String, Vec<(u128, Vec<u8>)>>;
            let (t, after): (Read, _) = postcard::take_from_bytes(rest).map_err(undecodable)?;
            rest = after;
            let count = t.strings.len() as u32;
            let mut docs = HashMap::default();
            for (key, bytes) in t.docs {
                let terms = Terms::decode(bytes, count).ok_or(UNDECODABLE)?;
                docs.insert(key, Arc::new(terms));
            }
            let table =
                Table::of(t.strings.into_iter().map(Arc::from).collect()).ok_or(UNDECODABLE)?;
            if !t.terms.fits(&table.strings) {
                return Err(UNDECODABLE.to_string());
            }
            previous.insert(
                t.lang,
                Tree {
                    compacted: usize::try_from(t.compacted)
                        .unwrap_or(usize::MAX)
                        .min(table.strings.len()),
                    table,
                    docs,
                    bundles: t.bundles,
                    order: t.order,
                    terms: t.terms,
                },
            );
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
        *crate::pipeline::lock(&self.fresh) = Vec::new();
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

    /// Keeps `tree`, the memory of this build's tree in `lang`, for the next build,
    /// serialized at once; `indexed` of its documents were cut and stemmed by this
    /// build, and the text of `unpacked` read.
    pub(crate) fn keep(&self, lang: &str, tree: &Tree, indexed: usize, unpacked: usize) {
        self.indexed.fetch_add(indexed, Ordering::Relaxed);
        self.unpacked.fetch_add(unpacked, Ordering::Relaxed);
        let mut fresh = crate::pipeline::lock(&self.fresh);
        let fresh = &mut *fresh;
        let mut taken = std::mem::take(fresh);
        // About the size it takes (a key and a length per document, each string and
        // its length), so that the buffer is not grown and copied over again.
        let terms: usize = tree.docs.values().map(|t| t.bytes().len() + 24).sum();
        let strings: usize = tree.table.strings.iter().map(|s| s.len() + 2).sum();
        taken.reserve(terms + strings + 24 * tree.order.len() + 12 * tree.terms.entries.len());
        // Serializing into memory fails only when a length overflows a `usize`.
        *fresh = postcard::to_extend(&stored(lang, tree), taken)
            .expect("serializing a search tree in memory");
    }

    /// Documents cut and stemmed by this build, in every tree.
    pub(crate) fn indexed(&self) -> usize {
        self.indexed.load(Ordering::Relaxed)
    }

    /// Documents whose text this build read, in every tree.
    pub(crate) fn unpacked(&self) -> usize {
        self.unpacked.load(Ordering::Relaxed)
    }

    /// Writes this build's memory to `path`, under a temporary name renamed over the
    /// old file.
    pub(crate) fn save(&self, path: &Path, wsis: &str) -> std::io::Result<()> {
        let fresh = crate::pipeline::lock(&self.fresh);
        let name = postcard::to_stdvec(wsis).map_err(std::io::Error::other)?;
        write_framed(path, &[&name, &fresh])
    }
}

/// Writes the payload made of `parts` in order to `path` in its frame (the magic, the
/// format, the length and checksum), under a temporary name renamed over the old file.
fn write_framed(path: &Path, parts: &[&[u8]]) -> std::io::Result<()> {
    let mut sum = xxhash_rust::xxh3::Xxh3::new();
    parts.iter().for_each(|p| sum.update(p));
    let len = parts.iter().map(|p| p.len() as u64).sum::<u64>();
    crate::cache::replace(path, |f| {
        use std::io::Write;
        let mut header = Vec::with_capacity(MAGIC.len() + 28);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&sum.digest128().to_le_bytes());
        f.write_all(&header)?;
        parts.iter().try_for_each(|p| f.write_all(p))
    })
}

/// `tree` as stored in `lang`: its strings as they are while the table has grown by
/// less than an eighth since it was last compacted ([`Tree::compacted`]), else
/// renumbered in the order its documents first use them, the strings no document
/// uses any more left out.
fn stored<'a>(lang: &str, tree: &'a Tree) -> StoredTree<&'a str, Renumbered<'a>> {
    let count = tree.table.strings.len();
    if count <= tree.compacted + tree.compacted / 8 {
        return StoredTree {
            lang: lang.to_string(),
            strings: tree.table.strings.iter().map(|s| &**s).collect(),
            compacted: tree.compacted as u64,
            bundles: tree.bundles.clone(),
            order: tree.order.clone(),
            terms: tree.terms.clone(),
            docs: Renumbered { tree, new_id: None },
        };
    }
    const NONE: u32 = u32::MAX;
    let mut new_id = vec![NONE; tree.table.strings.len()];
    let mut strings = Vec::new();
    let mut renumber = |id: u32| {
        let slot = &mut new_id[id as usize];
        if *slot == NONE {
            *slot = strings.len() as u32;
            strings.push(&*tree.table.strings[id as usize]);
        }
    };
    for terms in tree.docs.values() {
        terms.postings().for_each(|[stem, ..]| renumber(stem));
        terms.inflected().for_each(|[word, stem]| {
            renumber(word);
            renumber(stem);
        });
    }
    // The stems of the `terms/` bundles are all used by a document; were one not,
    // the next build would make the bundles from nothing.
    let entries: Vec<(u32, u32)> = (tree.terms.entries.iter())
        .map(|&(stem, len)| (new_id[stem as usize], len))
        .collect();
    let terms = if entries.iter().any(|&(stem, _)| stem == NONE) {
        TermsIndex::default()
    } else {
        TermsIndex {
            entries,
            bundles: tree.terms.bundles.clone(),
        }
    };
    StoredTree {
        lang: lang.to_string(),
        compacted: strings.len() as u64,
        strings,
        bundles: tree.bundles.clone(),
        order: tree.order.clone(),
        terms,
        docs: Renumbered {
            tree,
            new_id: Some(new_id),
        },
    }
}

/// The payload of the file `bytes`, or why it may not be used.
fn framed(bytes: &[u8]) -> Result<&[u8], String> {
    use crate::cache::Refused;
    crate::cache::framed(bytes, MAGIC, FORMAT).map_err(|e| match e {
        Refused::NotACache => "it is not a wsis search cache file".to_string(),
        Refused::Format(found) => {
            format!("it has format {found}, this wsis reads format {FORMAT}")
        }
        e => e.to_string(),
    })
}

/// The key of `doc` in a tree in the language `tree`: a hash of everything its terms
/// are made from (its language, which picks the stemmer; the tree's, which picks the
/// stop words; its title, headings and text), each part with its length so that no
/// two documents run together alike. A report's text is hashed as it is held, packed,
/// with what [`Doc::unpack`] adds to it: keying it needs no unpacking.
pub(crate) fn key(doc: &Doc<'_>, tree: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    part(&mut h, tree);
    part(&mut h, doc.lang);
    part(&mut h, &doc.title);
    // The number of headings before them: after them, headings and texts could run
    // together alike (a last heading `1 2` read as the counts).
    h.update(&(doc.sections.len() as u64).to_le_bytes());
    for (_, heading) in &doc.sections {
        part(&mut h, heading);
    }
    // The counts too: headings and sections are told apart by them. The word
    // `packed` tells the two ways of hashing the text apart.
    match doc.packed {
        Some((r, org)) => {
            part(&mut h, &format!("{} packed", doc.sections.len()));
            r.body.text.hash_into(&mut h);
            part(&mut h, &appended(r, org));
        }
        None => {
            part(
                &mut h,
                &format!("{} {}", doc.sections.len(), doc.text.len()),
            );
            for text in &doc.text {
                part(&mut h, text);
            }
        }
    }
    h.digest128()
}

/// Feeds `s` to `h` with its length, so that no two parts run together alike.
fn part(h: &mut xxhash_rust::xxh3::Xxh3, s: &str) {
    h.update(&(s.len() as u64).to_le_bytes());
    h.update(s.as_bytes());
}

/// The input of a `docs/<n>.json.gz` bundle holding `docs`, whose keys are `keys`: a hash
/// of all its JSON is made from besides the text each key stands for (address,
/// title, kind, detail, year, sections and summary), so that a bundle of the same
/// input is the same bytes.
pub(crate) fn bundle_input(docs: &[Doc<'_>], keys: &[u128]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&(docs.len() as u64).to_le_bytes());
    for (d, key) in docs.iter().zip(keys) {
        h.update(&key.to_le_bytes());
        part(&mut h, &d.url);
        part(&mut h, &d.title);
        part(&mut h, d.kind.code());
        part(&mut h, &d.detail);
        part(&mut h, &format!("{:?} {}", d.year, d.sections.len()));
        for (anchor, heading) in &d.sections {
            part(&mut h, anchor);
            part(&mut h, heading);
        }
        match &d.summary {
            Some(summary) => part(&mut h, &format!("summary {summary}")),
            None => part(&mut h, "none"),
        }
    }
    h.digest128()
}

#[cfg(test)]
#[path = "memo_tests.rs"]
mod tests;
