//! The offline search index: a static, sharded inverted index and a small client
//! (`themes/default/static/search.js`). The search page needs no server, and a query
//! loads only the shards of its words, so the download stays small however large the
//! site grows.
//!
//! Why not Pagefind: it was tried first (as a library, the natural choice) and took 5 s
//! per 1,000 reports on the reference 2-core machine, 50 s projected for 10,000 reports,
//! ten times the whole build's budget. This index takes a fraction of a second.
//!
//! Layout under `search/`:
//! - `meta.json`: `{"version", "chunk", "docs", "shards": [...]}`: the shard keys and how
//!   many documents each `docs-<n>.json` chunk holds;
//! - `docs-<n>.json`: documents `[url, title, kind, [section headings...]]`;
//! - `shards/<key>.json`: `{term: [doc, section, weight, ...]}` for the terms whose
//!   first three characters (or whole two-character term) are `key`. `section` is 0
//!   for the document itself, `i + 1` for its `i`-th heading, the best place to land.
//!
//! The tokenizer here and in `search.js` must agree: lower case, split on anything
//! that is not a letter or digit, words of two characters or more, stop words out.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Kind};
use crate::model::Site;
use crate::urls::Page;

/// Documents per `docs-<n>.json` chunk.
const CHUNK: usize = 500;

/// Words too common to be worth indexing (the client drops them from queries too).
/// Sorted, for a binary search.
const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
    "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were",
    "which", "with",
];

/// Weights: a word in a title counts more than one in a heading, and that more than
/// one in the text.
const TITLE: u32 = 20;
const HEADING: u32 = 5;
const TEXT: u32 = 1;

/// The index terms of `text`, in order. A word already in lower case is borrowed,
/// not copied: most are, and a report has thousands of words.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    words(text)
        .filter(|w| w.chars().nth(1).is_some())
        .map(|w| {
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .filter(|w| STOP_WORDS.binary_search(&w.as_ref()).is_err())
}

/// The runs of letters and digits of `text`. ASCII, nearly all of it, is told apart
/// byte by byte; other characters by their Unicode class.
fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a letter or digit.
    let word_char = move |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b.is_ascii() {
            b.is_ascii_alphanumeric().then_some(1)
        } else {
            let c = text[i..].chars().next()?;
            c.is_alphanumeric().then(|| c.len_utf8())
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            match word_char(i) {
                Some(_) => break,
                // Skip a separator: one byte, or a whole non-ASCII character.
                None => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            match word_char(i) {
                Some(len) => i += len,
                None => break,
            }
        }
        Some(&text[start..i])
    })
}

/// The shard a term belongs to: its first three characters.
fn shard_key(term: &str) -> String {
    term.chars().take(3).collect()
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

/// A document to index: where it is, what it is, and its text by section.
struct Doc<'a> {
    url: String,
    title: Cow<'a, str>,
    kind: String,
    /// Section headings with their anchors.
    sections: Vec<(&'a str, &'a str)>,
    /// Text of the document itself (section 0), then of each section.
    text: Vec<Cow<'a, str>>,
}

fn documents(site: &Site) -> Vec<Doc<'_>> {
    let base = site.config.base_url.path();
    let mut docs = Vec::new();
    for r in &site.reports {
        let org = site.org(r.organization);
        let mut text: Vec<Cow<'_, str>> = r
            .body
            .text
            .iter()
            .map(|t| Cow::Borrowed(t.as_str()))
            .collect();
        if let Some(first) = text.first_mut() {
            *first = Cow::Owned(format!(
                "{first} {} {} {} {}",
                org.name,
                org.display_short(),
                r.year,
                r.summary.as_deref().unwrap_or("")
            ));
        }
        docs.push(Doc {
            url: Page::Report(&r.slug).url(base),
            title: Cow::Borrowed(&r.title),
            kind: format!("Report · {} · {}", org.display_short(), r.year),
            sections: r
                .body
                .toc
                .iter()
                .map(|h| (h.anchor.as_str(), h.text.as_str()))
                .collect(),
            text,
        });
    }
    for l in &site.action_lines {
        let facilitators: Vec<&str> = l
            .facilitators
            .iter()
            .map(|&f| site.org(f).name.original())
            .collect();
        docs.push(Doc {
            url: Page::ActionLine(&l.slug).url(base),
            title: Cow::Owned(format!("{} {}", l.code, l.title)),
            kind: "Action line".into(),
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {} {}",
                l.short,
                l.description.as_deref().unwrap_or(""),
                facilitators.join(" ")
            ))],
        });
    }
    for o in &site.organizations {
        docs.push(Doc {
            url: Page::Organization(&o.id).url(base),
            title: Cow::Borrowed(&o.name),
            kind: format!("Organization · {}", o.kind.label()),
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {}",
                o.short_name.as_deref().unwrap_or(""),
                o.description.as_deref().unwrap_or("")
            ))],
        });
    }
    for m in &site.metrics {
        let org = site.org(m.organization);
        docs.push(Doc {
            url: Page::Metric(&m.id).url(base),
            title: Cow::Borrowed(&m.title),
            kind: format!("Metric · {}", org.display_short()),
            sections: Vec::new(),
            text: vec![Cow::Owned(format!(
                "{} {} {}",
                org.name,
                org.display_short(),
                m.description.as_deref().unwrap_or("")
            ))],
        });
    }
    docs
}

/// For one document: each term with the section to land on and its total weight.
fn postings<'a>(doc: &'a Doc<'a>) -> Vec<(Cow<'a, str>, u32, u32)> {
    // Term -> its row in `weights`, which holds one weight per section per term.
    let sections = doc.text.len().max(1);
    let mut rows: HashMap<Cow<'a, str>, usize> = HashMap::default();
    let mut weights: Vec<u32> = Vec::new();
    let mut add = |term: Cow<'a, str>, section: usize, w: u32| {
        let next = rows.len();
        let row = *rows.entry(term).or_insert_with(|| {
            weights.resize(weights.len() + sections, 0);
            next
        });
        if section < sections {
            weights[row * sections + section] += w;
        }
    };
    for t in tokens(&doc.title) {
        add(t, 0, TITLE);
    }
    for (i, (_, heading)) in doc.sections.iter().enumerate() {
        for t in tokens(heading) {
            add(t, i + 1, HEADING);
        }
    }
    for (i, text) in doc.text.iter().enumerate() {
        for t in tokens(text) {
            add(t, i, TEXT);
        }
    }
    rows.into_iter()
        .map(|(term, row)| {
            let w = &weights[row * sections..(row + 1) * sections];
            let total = w.iter().sum();
            // Land on the section with the most of the term; the document itself
            // when the title has it.
            let best = if w[0] >= TITLE {
                0
            } else {
                w.iter()
                    .enumerate()
                    .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
                    .map_or(0, |(i, _)| i)
            };
            (term, best as u32, total)
        })
        .collect()
}

/// A term and its postings: `[doc, section, weight, ...]`.
type Postings<'a> = (Cow<'a, str>, Vec<u32>);
/// A document as `docs-<n>.json` lists it: url, title, kind, sections.
type DocEntry<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);

/// Builds the index; the files to write, under `search/`.
pub(crate) fn index(site: &Site) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostic> {
    let docs = documents(site);
    let per_doc: Vec<Vec<(Cow<'_, str>, u32, u32)>> = docs.par_iter().map(postings).collect();

    // Term -> postings, filled in document order.
    let mut terms: HashMap<Cow<'_, str>, Vec<u32>> = HashMap::default();
    for (doc, postings) in per_doc.into_iter().enumerate() {
        for (term, section, weight) in postings {
            terms
                .entry(term)
                .or_default()
                .extend([doc as u32, section, weight]);
        }
    }
    // Shard key -> its terms in order: sorted, so every build writes the same bytes.
    let mut sorted: Vec<(String, Cow<'_, str>, Vec<u32>)> = terms
        .into_iter()
        .map(|(term, list)| (shard_key(&term), term, list))
        .collect();
    sorted.par_sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut shards: Vec<(String, Vec<Postings<'_>>)> = Vec::new();
    for (key, term, list) in sorted {
        match shards.last_mut() {
            Some((k, terms)) if *k == key => terms.push((term, list)),
            _ => shards.push((key, vec![(term, list)])),
        }
    }

    let mut files = Vec::new();
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let list: Vec<DocEntry<'_>> = chunk
            .iter()
            .map(|d| {
                (
                    d.url.as_str(),
                    d.title.as_ref(),
                    d.kind.as_str(),
                    d.sections.as_slice(),
                )
            })
            .collect();
        files.push((PathBuf::from(format!("search/docs-{n}.json")), json(&list)?));
    }
    #[derive(serde::Serialize)]
    struct Meta<'a> {
        version: u32,
        chunk: usize,
        docs: usize,
        shards: Vec<&'a str>,
    }
    let meta = Meta {
        version: 1,
        chunk: CHUNK,
        docs: docs.len(),
        shards: shards.iter().map(|(k, _)| k.as_str()).collect(),
    };
    files.push((PathBuf::from("search/meta.json"), json(&meta)?));
    let shard_files: Vec<Result<(PathBuf, Vec<u8>), Diagnostic>> = shards
        .par_iter()
        .map(|(key, terms)| {
            Ok((
                PathBuf::from(format!("search/shards/{}.json", shard_file(key))),
                json(&Ordered(terms))?,
            ))
        })
        .collect();
    for f in shard_files {
        files.push(f?);
    }
    Ok(files)
}

/// Terms and their postings, already sorted, serialised as one JSON object.
struct Ordered<'a, 'b>(&'b [Postings<'a>]);

impl serde::Serialize for Ordered<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k.as_ref(), v)))
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    serde_json::to_vec(value).map_err(|e| Diagnostic::new(Kind::Io, "search/", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lower_case_words_without_stop_words() {
        let t: Vec<String> =
            tokens("The Global Encryption Coalition, over 430 members in 2024; a IXP")
                .map(Cow::into_owned)
                .collect();
        assert_eq!(
            t,
            [
                "global",
                "encryption",
                "coalition",
                "over",
                "430",
                "members",
                "2024",
                "ixp"
            ]
        );
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        let w: Vec<&str> = words("São Paulo—2024: e-mail, x; «ü»").collect();
        assert_eq!(w, ["São", "Paulo", "2024", "e", "mail", "x", "ü"]);
        // One character is not a term, however many bytes it takes.
        assert_eq!(tokens("中 中文 é").collect::<Vec<_>>(), ["中文"]);
        assert_eq!(shard_key("encryption"), "enc");
        assert_eq!(shard_key("ai"), "ai");
        assert_eq!(shard_file("enc"), "enc");
        assert_eq!(shard_file("éco"), "xc3a9636f");
    }

    #[test]
    fn postings_land_on_the_best_section() {
        let doc = Doc {
            url: "/r/".into(),
            title: "Report".into(),
            kind: String::new(),
            sections: vec![("a", "Intro"), ("b", "Security")],
            text: vec![
                "".into(),
                "encryption once".into(),
                "encryption encryption".into(),
            ],
        };
        let p: std::collections::HashMap<String, (u32, u32)> = postings(&doc)
            .into_iter()
            .map(|(t, s, w)| (t.into_owned(), (s, w)))
            .collect();
        assert_eq!(p["encryption"], (2, 3));
        assert_eq!(p["security"], (2, HEADING));
        assert_eq!(p["report"], (0, TITLE));
    }
}
