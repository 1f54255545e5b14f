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

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Kind};
use crate::model::Site;
use crate::urls::Page;

/// Documents per `docs-<n>.json` chunk.
const CHUNK: usize = 500;

/// Words too common to be worth indexing (the client drops them from queries too).
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

/// The index terms of `text`, in order.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
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
struct Doc {
    url: String,
    title: String,
    kind: String,
    /// Section headings with their anchors.
    sections: Vec<(String, String)>,
    /// Text of the document itself (section 0), then of each section.
    text: Vec<String>,
}

fn documents(site: &Site) -> Vec<Doc> {
    let base = site.config.base_url.path();
    let mut docs = Vec::new();
    for r in &site.reports {
        let org = site.org(r.organization);
        let mut text = r.body.text.clone();
        if let Some(first) = text.first_mut() {
            first.push_str(&format!(
                " {} {} {} {}",
                org.name,
                org.display_short(),
                r.year,
                r.summary.as_deref().unwrap_or("")
            ));
        }
        docs.push(Doc {
            url: Page::Report(&r.slug).url(base),
            title: r.title.clone(),
            kind: format!("Report · {} · {}", org.display_short(), r.year),
            sections: r
                .body
                .toc
                .iter()
                .map(|h| (h.anchor.clone(), h.text.clone()))
                .collect(),
            text,
        });
    }
    for l in &site.action_lines {
        let facilitators: Vec<&str> = l
            .facilitators
            .iter()
            .map(|&f| site.org(f).name.as_str())
            .collect();
        docs.push(Doc {
            url: Page::ActionLine(&l.slug).url(base),
            title: format!("{} {}", l.code, l.title),
            kind: "Action line".into(),
            sections: Vec::new(),
            text: vec![format!(
                "{} {} {}",
                l.short,
                l.description.as_deref().unwrap_or(""),
                facilitators.join(" ")
            )],
        });
    }
    for o in &site.organizations {
        docs.push(Doc {
            url: Page::Organization(&o.id).url(base),
            title: o.name.clone(),
            kind: format!("Organization · {}", o.kind.label()),
            sections: Vec::new(),
            text: vec![format!(
                "{} {}",
                o.short_name.as_deref().unwrap_or(""),
                o.description.as_deref().unwrap_or("")
            )],
        });
    }
    for m in &site.metrics {
        let org = site.org(m.organization);
        docs.push(Doc {
            url: Page::Metric(&m.id).url(base),
            title: m.title.clone(),
            kind: format!("Metric · {}", org.display_short()),
            sections: Vec::new(),
            text: vec![format!(
                "{} {} {}",
                org.name,
                org.display_short(),
                m.description.as_deref().unwrap_or("")
            )],
        });
    }
    docs
}

/// For one document: term -> (best section, total weight).
fn postings(doc: &Doc) -> HashMap<String, (usize, u32)> {
    // term -> weight per section
    let mut per: HashMap<String, Vec<u32>> = HashMap::new();
    let sections = doc.text.len().max(1);
    let mut add = |term: String, section: usize, w: u32| {
        let v = per.entry(term).or_insert_with(|| vec![0; sections]);
        if section < v.len() {
            v[section] += w;
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
    per.into_iter()
        .map(|(term, weights)| {
            let total = weights.iter().sum();
            // Land on the section with the most of the term; the document itself
            // when the title has it.
            let best = if weights[0] >= TITLE {
                0
            } else {
                weights
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
                    .map_or(0, |(i, _)| i)
            };
            (term, (best, total))
        })
        .collect()
}

/// Builds the index; the files to write, under `search/`.
pub(crate) fn index(site: &Site) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostic> {
    let docs = documents(site);
    let per_doc: Vec<HashMap<String, (usize, u32)>> = docs.par_iter().map(postings).collect();

    // shard key -> term -> postings; BTreeMaps keep the output deterministic.
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (doc, terms) in per_doc.into_iter().enumerate() {
        for (term, (section, weight)) in terms {
            shards
                .entry(shard_key(&term))
                .or_default()
                .entry(term)
                .or_default()
                .extend([doc as u32, section as u32, weight]);
        }
    }
    let json = |v: &serde_json::Value| -> Result<Vec<u8>, Diagnostic> {
        serde_json::to_vec(v).map_err(|e| Diagnostic::new(Kind::Io, "search/", e.to_string()))
    };
    let mut files = Vec::new();
    for (n, chunk) in docs.chunks(CHUNK).enumerate() {
        let list: Vec<serde_json::Value> = chunk
            .iter()
            .map(|d| {
                let sections: Vec<[&str; 2]> = d
                    .sections
                    .iter()
                    .map(|(a, h)| [a.as_str(), h.as_str()])
                    .collect();
                serde_json::json!([d.url, d.title, d.kind, sections])
            })
            .collect();
        files.push((
            PathBuf::from(format!("search/docs-{n}.json")),
            json(&serde_json::json!(list))?,
        ));
    }
    let keys: Vec<&String> = shards.keys().collect();
    let meta = serde_json::json!({
        "version": 1,
        "chunk": CHUNK,
        "docs": docs.len(),
        "shards": keys,
    });
    files.push((PathBuf::from("search/meta.json"), json(&meta)?));
    for (key, terms) in &shards {
        files.push((
            PathBuf::from(format!("search/shards/{}.json", shard_file(key))),
            json(&serde_json::json!(terms))?,
        ));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lower_case_words_without_stop_words() {
        let t: Vec<String> =
            tokens("The Global Encryption Coalition, over 430 members in 2024; a IXP").collect();
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
            sections: vec![
                ("a".into(), "Intro".into()),
                ("b".into(), "Security".into()),
            ],
            text: vec![
                String::new(),
                "encryption once".into(),
                "encryption encryption".into(),
            ],
        };
        let p = postings(&doc);
        assert_eq!(p["encryption"], (2, 3));
        assert_eq!(p["security"], (2, HEADING));
        assert_eq!(p["report"], (0, TITLE));
    }
}
