//! One document's terms: each stem with the section to land on and its weight. The
//! stems come from a [`Stemming`], which stems each distinct word once per worker and
//! hands the same shared string to every document that has it: most words of a corpus
//! repeat, and stemming or copying them per document was most of the index's time.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::documents::Doc;
use super::stem::Stemming;
use super::stop::StopWords;
use super::tokenize::{each_token, tokens};

/// Weights: a word in a title counts more than one in a heading, and that more than
/// one in the text.
pub(crate) const TITLE: u32 = 20;
pub(crate) const HEADING: u32 = 5;
const TEXT: u32 = 1;

/// What `count` occurrences in the text add to a term's weight: more for more, but
/// never as much as the title, so that a long report that mentions a word fifty times
/// does not bury the page named by it.
fn saturated(count: u32) -> u32 {
    TITLE * count / (count + 4)
}

/// A stem of a document with the section to land on and its total weight.
pub(crate) type Posting = (Arc<str>, u32, u32);

/// A word of a document whose stem is not the word itself, with its stem: an entry of
/// the vocabulary.
pub(crate) type Inflected = (Arc<str>, Arc<str>);

/// The terms of `doc`, without the words of `stop` (the tree's language's, which the
/// search page drops from a query too), stemmed by `stemming` in the document's
/// language; with the words whose stem differs, for the vocabulary.
pub(crate) fn postings<'a>(
    doc: &'a Doc<'a>,
    stemming: &mut Stemming<'_>,
    stop: StopWords,
) -> (Vec<Posting>, Vec<Inflected>) {
    // Word -> its row in `weights`, which holds one weight per section per word, then
    // how many times the text has the word.
    let sections = doc.text.len().max(1);
    let width = sections + 1;
    // Sized for the distinct words of the text (about one in eight of its bytes
    // starts one) so that the map is not grown and rehashed word by word.
    let bytes: usize = doc.text.iter().map(|t| t.len()).sum();
    let mut rows: HashMap<Cow<'a, str>, usize> =
        HashMap::with_capacity_and_hasher(bytes / 16 + 8, Default::default());
    let mut weights: Vec<u32> = Vec::new();
    let mut add = |term: Cow<'a, str>, section: usize, w: u32| {
        let next = rows.len();
        let row = *rows.entry(term).or_insert_with(|| {
            weights.resize(weights.len() + width, 0);
            next
        });
        if section < sections {
            weights[row * width + section] += w;
            if w == TEXT {
                weights[row * width + sections] += 1;
            }
        }
    };
    // A title counts each of its words once, and a short title more: "Internet
    // Society" is about the Internet Society more than a longer title naming it is.
    let mut title: Vec<Cow<'a, str>> = tokens(&doc.title, stop).collect();
    title.sort_unstable();
    title.dedup();
    let title_weight = TITLE + 2 * TITLE / title.len().max(1) as u32;
    for t in title {
        add(t, 0, title_weight);
    }
    // Headings and text are cut without the stop words, which are dropped once per
    // distinct word below rather than looked up for every occurrence.
    for (i, (_, heading)) in doc.sections.iter().enumerate() {
        each_token(heading, StopWords::NONE, |t| add(t, i + 1, HEADING));
    }
    for (i, text) in doc.text.iter().enumerate() {
        each_token(text, StopWords::NONE, |t| add(t, i, TEXT));
    }
    // Words with the same stem pool their weights, section by section, before the
    // section to land on is chosen.
    let mut stem_rows: HashMap<Arc<str>, usize> = HashMap::default();
    let mut pooled: Vec<u32> = Vec::new();
    let mut inflected = Vec::new();
    for (word, row) in rows {
        if stop.contains(&word) {
            continue;
        }
        let (word, stem) = stemming.stem(doc.lang, &word);
        if !Arc::ptr_eq(&word, &stem) && word != stem {
            inflected.push((word, Arc::clone(&stem)));
        }
        let next = stem_rows.len();
        let at = *stem_rows.entry(stem).or_insert_with(|| {
            pooled.resize(pooled.len() + width, 0);
            next
        });
        for (p, w) in pooled[at * width..(at + 1) * width]
            .iter_mut()
            .zip(&weights[row * width..(row + 1) * width])
        {
            *p += w;
        }
    }
    let postings = stem_rows
        .into_iter()
        .map(|(stem, at)| {
            let w = &pooled[at * width..(at + 1) * width];
            let (by_section, count) = (&w[..sections], w[sections]);
            let total = by_section.iter().sum::<u32>() - count + saturated(count);
            (stem, best_section(by_section), total)
        })
        .collect();
    (postings, inflected)
}

/// The section with the most of a term, given its weight in each; the document
/// itself when the title has it.
fn best_section(w: &[u32]) -> u32 {
    let best = if w[0] >= TITLE {
        0
    } else {
        w.iter()
            .enumerate()
            .max_by_key(|&(i, w)| (*w, std::cmp::Reverse(i)))
            .map_or(0, |(i, _)| i)
    };
    best as u32
}

#[cfg(test)]
mod tests {
    use super::super::documents::DocKind;
    use super::super::stem::Stems;
    use super::*;

    fn doc(text: Vec<Cow<'static, str>>) -> Doc<'static> {
        Doc {
            url: "/r/".into(),
            title: "Report".into(),
            kind: DocKind::Report,
            detail: "".into(),
            year: None,
            lang: "en",
            sections: vec![
                ("a".into(), "Intro".into()),
                ("b".into(), "Security".into()),
            ],
            text,
            summary: None,
            packed: None,
        }
    }

    fn by_term(t: &[Posting]) -> std::collections::HashMap<String, (u32, u32)> {
        t.iter()
            .map(|(t, s, w)| (t.to_string(), (*s, *w)))
            .collect()
    }

    #[test]
    fn postings_land_on_the_best_section() {
        let d = doc(vec![
            "".into(),
            "encryption once".into(),
            "encryption encryption".into(),
        ]);
        let stems = [("en", Stems::new("zz"))];
        let mut stemming = Stemming::new(&stems);
        let p = by_term(&postings(&d, &mut stemming, StopWords::new("zz")).0);
        assert_eq!(p["encryption"], (2, saturated(3)));
        assert_eq!(p["security"], (2, HEADING));
        assert_eq!(
            p["report"],
            (0, 3 * TITLE),
            "a one-word title counts thrice"
        );
        assert_eq!(p["once"], (1, saturated(1)));
        // Many mentions in the text weigh less than one in the title.
        assert!(saturated(1) < saturated(2) && saturated(1000) < TITLE);
    }

    #[test]
    fn stop_words_of_the_tree_are_dropped_from_text_and_headings() {
        let mut d = doc(vec!["".into(), "the network".into(), "".into()]);
        d.sections[0].1 = "The intro".into();
        let stems = [("en", Stems::new("en"))];
        let mut stemming = Stemming::new(&stems);
        let p = by_term(&postings(&d, &mut stemming, StopWords::new("en")).0);
        assert!(!p.contains_key("the"), "{p:?}");
        assert_eq!(p["network"], (1, saturated(1)));
        // The same words in a tree whose language does not stop "the".
        let p = by_term(&postings(&d, &mut stemming, StopWords::new("fr")).0);
        assert_eq!(p["the"], (1, HEADING + saturated(1)));
    }

    #[test]
    fn inflected_words_pool_under_their_stem_and_enter_the_vocabulary() {
        let d = doc(vec![
            "".into(),
            "community networks".into(),
            "a network, networking, communities".into(),
        ]);
        let stems = [("en", Stems::new("en"))];
        let mut stemming = Stemming::new(&stems);
        let (p, inflected) = postings(&d, &mut stemming, StopWords::new("en"));
        let p = by_term(&p);
        assert_eq!(p["network"], (2, saturated(3)));
        assert_eq!(p["communiti"], (1, saturated(2)));
        assert!(!p.contains_key("networks"));
        let v: Vec<(String, String)> = inflected
            .iter()
            .map(|(w, s)| (w.to_string(), s.to_string()))
            .collect();
        assert!(v.contains(&("networks".into(), "network".into())));
        assert!(v.contains(&("community".into(), "communiti".into())));
        // A word that is its own stem needs no entry.
        assert!(!v.iter().any(|(w, _)| w == "network"));
    }
}
