//! The offline search index: a static, sharded inverted index of stems and a small
//! client (`themes/default/static/search.js`). The search page needs no server, and a
//! query loads only the pieces of its words, so the download stays small however large
//! the site grows.
//!
//! Why not Pagefind: it was tried first (as a library, the natural choice) and took 5 s
//! per 1,000 reports on the reference 2-core machine, 50 s projected for 10,000 reports,
//! ten times the whole build's budget. This index takes a fraction of a second.
//!
//! Words are indexed by stem (`stem`, Snowball, for English, French, Spanish,
//! Russian, Arabic and the other languages it covers), runs of Chinese characters as
//! character pairs (`ngram`). The client never stems: it looks a typed word up in
//! the vocabulary the build writes (see `stem` for why).
//!
//! One index per page tree: `search/` for the site's language, `<lang>/search/` for a
//! tree of another language (`tree` takes the documents of one tree and its prefix).
//! The entries are packed into bundles (`bundle`) so that a site writes a few hundred
//! files whatever its size, and a query fetches the few that hold its words and
//! results. Each bundle is JSON written gzip-compressed (`bundle::put_gzipped`, a
//! fifth of the bytes), which the client inflates. Layout under the prefix (version 4;
//! version 3 wrote the same bundles uncompressed, as `.json`):
//! - `meta.json`: `{"version", "lang", "chunk", "docs", "stop", "terms", "vocab"}`:
//!   the tree's language, how many documents each `docs/<n>.json.gz` bundle holds, the
//!   stop words of that language (`stop`), and the first key of each `terms/<n>.json.gz`
//!   and `vocab/<n>.json.gz` bundle, in order;
//! - `docs/<n>.json.gz`: documents `chunk * n` to `chunk * (n + 1) - 1`, each
//!   `[url, title, kind, detail, year, [[anchor, heading]...], [passage...]]`, `kind` a
//!   code (`report`, `metric`, `target`...), `year` a number or null, the passages one
//!   per section (`snippet`);
//! - `terms/<n>.json.gz`: `{stem: [doc, section, weight, ...]}` for a run of stems in
//!   code point (UTF-8 byte) order, from the `n`-th key of `meta.terms` to the next
//!   one excluded: a stem is in the last bundle whose first key is not after it, and
//!   the stems that start with a prefix are in consecutive bundles. `doc` is counted
//!   from the posting before (the first from 0), `section` is 0 for the document
//!   itself, `i + 1` for its `i`-th heading, the best place to land;
//! - `vocab/<n>.json.gz`: `{word: stem}` (or `{word: [stems]}` when pages of several
//!   languages disagree) for a run of the words of the corpus whose stem is not the
//!   word itself, found through `meta.vocab` as stems are through `meta.terms`.
//!
//! Bundles are closed at about `TERMS_BUNDLE` bytes of JSON (`DOCS_PER_BUNDLE`
//! documents), so their number grows with the corpus and their size does not.

mod bundle;
mod documents;
mod lists;
mod memo;
mod ngram;
mod patch;
mod postings;
mod snippet;
mod stem;
mod stop;
mod terms;
mod tokenize;
#[cfg(test)]
mod watch_tests;
mod write;

pub(crate) use documents::documents;
pub(crate) use memo::Memo;
pub use ngram::is_han;
pub(crate) use write::tree;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::pipeline::Sink;

/// The terms of `query` as the search page of a tree in the language `lang` cuts it,
/// before the vocabulary maps each word to its stem: the index's own tokenizer and
/// the tree's stop words, so that a test can run queries against a written index.
pub fn query_terms(query: &str, lang: &str) -> Vec<String> {
    let composed = crate::nfc::nfc(std::borrow::Cow::Borrowed(query));
    tokenize::tokens(&composed, stop::StopWords::new(lang))
        .map(|t| t.into_owned())
        .collect()
}

/// The stop words a tree in the language `lang` drops, as its `meta.json` hands them
/// to `search.js`: so that a test can run the client's own tokenizer with them.
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    stop::StopWords::new(lang).words()
}

/// The primary language subtag of the BCP 47 tag `lang`, in lower case (`fr` for
/// `fr-CA`, `zh` for `zh_Hans`): what picks a stemmer and a stop list.
fn primary_language(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Builds one index per language of the site: `search/` for the default language,
/// `<tag>/search/` for each other, whose pages are under `/<tag>/`. The text of every
/// page is in the site's content language until pages carry translations, so each
/// tree indexes the same text under its own addresses. Each file goes to `sink` as
/// soon as it is serialised. With `memo` (the incremental build's), only documents
/// whose text changed since the last build are cut and stemmed.
pub(crate) fn index(site: &Site, sink: &dyn Sink, memo: Option<&Memo>) -> Result<(), Diagnostic> {
    // A sink that keeps names alone is handed no bytes and no hash of them
    // (`bundle::put_gzipped`), which a memory kept for the next build would need.
    debug_assert!(memo.is_none() || sink.keeps_bytes());
    let t = crate::pipeline::Started::now();
    let base = site.config.base_url.path();
    for (i, lang) in site.config.each_language().enumerate() {
        let (tree_base, prefix) = if i == 0 {
            (base.to_string(), "search/".to_string())
        } else {
            (
                format!("{base}{}/", lang.tag()),
                format!("{}/search/", lang.tag()),
            )
        };
        let mut docs = documents(site, &tree_base, lang);
        tree(&mut docs, lang.tag(), &prefix, sink, memo)?;
    }
    if let Some(memo) = memo {
        memo.finish();
    }
    crate::pipeline::timing("search index", t);
    if let Some(memo) = memo {
        crate::pipeline::stat("search documents indexed again", memo.indexed());
        crate::pipeline::stat("search documents unpacked", memo.unpacked());
    }
    Ok(())
}
