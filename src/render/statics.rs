//! Which names the theme's static files are written under: each once, as pages use it.
//!
//! A stylesheet or script has two possible names, its plain one (`style.css`) and its
//! fingerprinted one (`style.<hash>.css`, which templates get as
//! `site.assets['style.css']`). It is written under each name that a page links, or
//! that a stylesheet of the theme names in an `@import` or `url()` (relative to
//! itself). One that nothing links under either name (a file a script loads, or one
//! another site links) keeps its plain name, as every other static file does. So the
//! default theme's output holds one copy of each file, a theme whose template links
//! `{{ site.base }}style.css` still works, and a stylesheet that imports another by its
//! plain name finds it; a link to a file written under neither name is a broken link
//! for the link check.

use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::linkcheck::target;
use crate::urls::slash_path;

use super::theme::Theme;

/// The output names (`style.<hash>.css`, `robots.txt`) of the theme's static files,
/// each with the index of its file in `theme.statics`. `bytes` holds each static
/// file's bytes, in the order of `theme.statics`; `pages` each page's path below the
/// site root with its links.
pub(crate) fn names<'p>(
    theme: &Theme,
    bytes: &[Vec<u8>],
    pages: impl Iterator<Item = (&'p str, &'p [std::sync::Arc<str>])> + Send,
    base_path: &str,
    root_url: &str,
) -> Vec<(PathBuf, usize)> {
    let used = linked(theme, bytes, pages, base_path, root_url);
    let mut out = Vec::with_capacity(theme.statics.len() + 1);
    for (i, (rel, _)) in theme.statics.iter().enumerate() {
        let plain = slash_path(rel);
        match theme.fingerprinted.get(&plain) {
            Some(fingerprinted) => {
                let by_hash = used.contains(fingerprinted.as_str());
                if by_hash {
                    out.push((PathBuf::from(fingerprinted), i));
                }
                if used.contains(plain.as_str()) || !by_hash {
                    out.push((rel.clone(), i));
                }
            }
            None => out.push((rel.clone(), i)),
        }
    }
    out
}

/// Which of the fingerprinted files' names (plain or fingerprinted) `pages` or the
/// theme's stylesheets link.
fn linked<'t, 'p>(
    theme: &'t Theme,
    bytes: &[Vec<u8>],
    pages: impl Iterator<Item = (&'p str, &'p [std::sync::Arc<str>])> + Send,
    base_path: &str,
    root_url: &str,
) -> HashSet<&'t str> {
    let names: HashMap<&str, &str> = theme
        .fingerprinted
        .iter()
        .flat_map(|(plain, hashed)| [(plain.as_str(), plain.as_str()), (hashed, hashed)])
        .collect();
    // A site has millions of links and a theme a few assets: a link is resolved only
    // when its last segment is one of their file names.
    let files: HashSet<&str> = names.keys().map(|n| last_segment(n)).collect();
    // Most links are to pages (`/reports/x/`): those whose last byte ends no file
    // name are passed over before their last segment is even hashed.
    let mut ends = [false; 256];
    for name in &files {
        if let Some(&b) = name.as_bytes().last() {
            ends[usize::from(b)] = true;
        }
    }
    let scan = |page_url: &str,
                links: &mut dyn Iterator<Item = &str>,
                used: &mut HashSet<&'t str>| {
        for link in links {
            let path = &link[..memchr::memchr2(b'?', b'#', link.as_bytes()).unwrap_or(link.len())];
            let last = path.as_bytes().last().map_or(0, |&b| usize::from(b));
            if !ends[last] || !files.contains(last_segment(path)) {
                continue;
            }
            if let Ok(Some((rel, _))) = target(link, page_url, base_path, root_url)
                && let Some(name) = names.get(rel.as_str())
            {
                used.insert(*name);
            }
        }
    };
    // Every page's links, on every core: 1.5 million at 10,000 reports, the whole of
    // an edit build's static files step (85-120 ms on one core).
    let mut used = pages
        .par_bridge()
        .fold(HashSet::new, |mut used, (page, links)| {
            let url = format!("{base_path}{page}");
            scan(&url, &mut links.iter().map(|l| &**l), &mut used);
            used
        })
        .reduce(HashSet::new, |mut all, some| {
            all.extend(some);
            all
        });
    for ((rel, _), bytes) in theme.statics.iter().zip(bytes) {
        if rel.extension().is_some_and(|e| e == "css") {
            let text = String::from_utf8_lossy(bytes);
            let url = format!("{base_path}{}", slash_path(rel));
            scan(&url, &mut css_links(&text).into_iter(), &mut used);
        }
    }
    used
}

fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The addresses a stylesheet names: `url(...)` (quoted or not) and `@import "..."`,
/// outside comments.
pub(crate) fn css_links(css: &str) -> Vec<&str> {
    let mut links = Vec::new();
    let mut rest = css;
    loop {
        let next = [
            rest.find("/*").map(|i| (i, 0)),
            rest.find("url(").map(|i| (i, 1)),
            rest.find("@import").map(|i| (i, 2)),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some((at, what)) = next else { break };
        rest = &rest[at..];
        match what {
            0 => rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]),
            1 => {
                let inner = rest[4..].trim_start();
                let (link, after) = match inner.chars().next() {
                    Some(q @ ('"' | '\'')) => quoted(&inner[1..], q),
                    _ => {
                        let end = inner.find(')').unwrap_or(inner.len());
                        (inner[..end].trim_end(), &inner[end..])
                    }
                };
                links.push(link);
                rest = after;
            }
            _ => {
                let inner = rest[7..].trim_start();
                rest = match inner.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let (link, after) = quoted(&inner[1..], q);
                        links.push(link);
                        after
                    }
                    // `@import url(...)`: the next round reads the url.
                    _ => inner,
                };
            }
        }
    }
    links.retain(|l| !l.is_empty());
    links
}

/// The text up to the closing quote `q`, and what follows it.
fn quoted(text: &str, q: char) -> (&str, &str) {
    match text.find(q) {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::css_links;

    #[test]
    fn a_stylesheet_names_its_imports_and_urls() {
        let css = r#"@import "base.css"; @import 'print.css' print;
@import url(fonts.css);
/* @import "commented.css"; url(commented.png) */
body { background: url( "img/bg.png" ) } .x { background-image: url('a b.svg'), url(data:x) }
"#;
        assert_eq!(
            css_links(css),
            [
                "base.css",
                "print.css",
                "fonts.css",
                "img/bg.png",
                "a b.svg",
                "data:x"
            ]
        );
        assert_eq!(css_links("a { b: url(unclosed"), ["unclosed"]);
        assert_eq!(
            css_links("/* never closed @import \"x.css\""),
            Vec::<&str>::new()
        );
        assert_eq!(css_links("@import"), Vec::<&str>::new());
    }
}
