//! Every internal link of the output must resolve: to a page or file of this build,
//! and to an element id there when it has a `#fragment`. A broken link is a build
//! error, found before the output is swapped in, not a reader's 404.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind, Location};

/// The links and ids of one page, taken from its HTML before minification (the
/// templates and the Markdown renderer always quote attributes with `"`). Shared, not
/// copied: an incremental build hands on the previous build's for every page it keeps
/// (15,000 at 10,000 reports, a third of its pages step when each was cloned).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PageRefs(std::sync::Arc<Refs>);

/// What [`PageRefs`] holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Refs {
    /// `href` and `src` values, each once, shared with the other pages that have
    /// them ([`intern`]).
    pub(crate) links: Box<[std::sync::Arc<str>]>,
    /// `id` values, by hash: a site has millions of ids, and only whether a fragment
    /// is among a page's ids is ever asked (a collision, at 64 bits, would hide one
    /// broken fragment once in billions of sites).
    ids: rustc_hash::FxHashSet<u64>,
    /// `id` values that occur more than once (invalid HTML, ambiguous fragments).
    pub(crate) duplicate_ids: Vec<String>,
}

impl std::ops::Deref for PageRefs {
    type Target = Refs;
    fn deref(&self) -> &Refs {
        &self.0
    }
}

impl PageRefs {
    /// The hashes of the page's ids, for the incremental build's cache.
    pub(crate) fn id_hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.ids.iter().copied()
    }

    /// A page's links and ids as the incremental build's cache kept them.
    pub(crate) fn from_parts(
        links: Box<[std::sync::Arc<str>]>,
        id_hashes: impl IntoIterator<Item = u64>,
        duplicate_ids: Vec<String>,
    ) -> PageRefs {
        PageRefs(std::sync::Arc::new(Refs {
            links,
            ids: id_hashes.into_iter().collect(),
            duplicate_ids,
        }))
    }

    /// Whether the page has an element with this id.
    pub(crate) fn has_id(&self, id: &str) -> bool {
        self.ids.contains(&id_hash(id))
    }
}

fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Scans the tags of `html` for `href`, `src` and `id` attributes. Text between tags
/// is skipped: there a `<` is always escaped, so every `<` opens a tag or comment.
pub(crate) fn scan(html: &str) -> PageRefs {
    let mut refs = Refs::default();
    let mut links = Vec::new();
    // Pages repeat links (navigation, years, organizations): each is kept once.
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + lt + 1;
        let end = tag_end(bytes, start);
        scan_tag(&html[start..end], &mut refs, &mut links, &mut seen);
        i = end;
    }
    refs.links = intern::shared(&links);
    PageRefs(std::sync::Arc::new(refs))
}

/// Where the tag whose text starts at `start` ends: its `>` outside quoted values, or
/// the end of `bytes`. Jumps from quote to quote and to the `>` rather than looking at
/// every byte: charts' tags are long.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while let Some(k) = memchr::memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let c = bytes[at + k];
        if c == b'>' {
            return at + k;
        }
        match memchr::memchr(c, &bytes[at + k + 1..]) {
            Some(q) => at += k + 1 + q + 1,
            None => break,
        }
    }
    bytes.len()
}

/// Collects the attributes of one tag's text (`a href="x" id="y"`).
fn scan_tag<'h>(
    tag: &'h str,
    refs: &mut Refs,
    links: &mut Vec<Cow<'h, str>>,
    seen: &mut rustc_hash::FxHashSet<&'h str>,
) {
    let mut rest = tag;
    // Values are double-quoted, so quotes come in pairs: each opening one follows an
    // attribute's `=`.
    while let Some(open) = rest.find('"') {
        let Some(len) = rest[open + 1..].find('"') else {
            return;
        };
        let value = &rest[open + 1..open + 1 + len];
        let name = rest[..open]
            .strip_suffix('=')
            .and_then(|n| n.rsplit(|c: char| c.is_ascii_whitespace()).next());
        match name {
            // A `data:` address carries its file (a citation's): nothing to check,
            // and kept it would weigh as much as the page's other links together.
            Some("href" | "src") if !value.starts_with("data:") && seen.insert(value) => {
                links.push(unescape(value))
            }
            Some("id") => {
                let id = unescape(value);
                if !refs.ids.insert(id_hash(&id)) {
                    refs.duplicate_ids.push(id.into_owned());
                }
            }
            _ => {}
        }
        rest = &rest[open + len + 2..];
    }
}

fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// The source file and line of the report heading that gave page `page` the id `id`,
/// if one did.
pub(crate) type HeadingAt<'a> = dyn Fn(&str, &str) -> Option<(PathBuf, usize)> + Sync + 'a;

/// The source file, line and column where a page's link `link` (as in the HTML) was
/// written, if a Markdown text of the site wrote it.
pub(crate) type LinkAt<'a> = dyn Fn(&str, &str) -> Option<(PathBuf, Location)> + Sync + 'a;

/// Where a page's links and ids came from, to blame an error on the source that
/// wrote it rather than on the output page.
pub(crate) struct Origins<'a> {
    /// The report heading that gave a page an id.
    pub(crate) heading_at: &'a HeadingAt<'a>,
    /// The Markdown text that wrote a link.
    pub(crate) link_at: &'a LinkAt<'a>,
}

/// Resolves every link of `pages` (page path -> refs), or of the pages named in
/// `only`, against all the pages and the other files written (`is_file`). `base_path`
/// is the site's sub-path and `root_url` its absolute address. An id used twice is
/// blamed on the report heading that gave it, and a broken link on the Markdown that
/// wrote it, where one did (`origins`).
pub(crate) fn check(
    pages: &HashMap<String, PageRefs>,
    only: Option<&HashSet<String>>,
    is_file: &(dyn Fn(&Path) -> bool + Sync),
    origins: &Origins<'_>,
    base_path: &str,
    root_url: &str,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut sorted: Vec<&String> = pages
        .keys()
        .filter(|p| only.is_none_or(|o| o.contains(*p)))
        .collect();
    sorted.sort();
    // On all cores (a serial pass took 2.3 s of the 100,000-report build), a slice of
    // pages each; the errors come out in the pages' order as before.
    let checking = Checking {
        pages,
        is_file,
        origins,
        base_path,
        root_url,
    };
    let slice = (sorted.len() / (rayon::current_num_threads() * SLICES_PER_THREAD)).max(MIN_SLICE);
    sorted
        .par_chunks(slice)
        .flat_map_iter(|slice| {
            // Most links are on many pages (the navigation, the footer, the indexes'),
            // and a link from the site's root means the same on every page: each found
            // to resolve is not resolved again in the slice. One that does not is, so
            // that every page with it is named.
            let mut resolved: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
            let mut errors = Vec::new();
            for page in slice {
                checking.page(page, &mut resolved, &mut errors);
            }
            errors
        })
        .collect()
}

/// Slices per thread the pages are checked in: a few, so that a thread done early
/// takes another.
const SLICES_PER_THREAD: usize = 4;
/// Pages a slice has at least, so that the links common to all pages are resolved
/// once for many of them.
const MIN_SLICE: usize = 512;

/// What checking a page's links looks at: [`check`]'s arguments.
struct Checking<'a> {
    pages: &'a HashMap<String, PageRefs>,
    is_file: &'a (dyn Fn(&Path) -> bool + Sync),
    origins: &'a Origins<'a>,
    base_path: &'a str,
    root_url: &'a str,
}

impl<'a> Checking<'a> {
    /// Adds to `errors` page `page`'s repeated ids and broken links; `resolved` holds
    /// the links from the site's root found to resolve so far.
    fn page(
        &self,
        page: &str,
        resolved: &mut rustc_hash::FxHashSet<&'a str>,
        errors: &mut Vec<Diagnostic>,
    ) {
        let Checking {
            pages,
            is_file,
            origins,
            base_path,
            root_url,
        } = *self;
        let refs = &pages[page];
        let page_url = format!("{base_path}{page}");
        for id in &refs.duplicate_ids {
            errors.push(match (origins.heading_at)(page, id) {
                Some((file, line)) => Diagnostic::new(
                    Kind::Duplicate,
                    file,
                    format!("the heading's id `{id}` is used by another element of {page_url}"),
                )
                .at(Some(Location::new(line, 1)))
                .help(
                    "rename the heading: the theme's page (or an id in the text) takes this \
                     id for itself",
                ),
                None => Diagnostic::new(
                    Kind::Link,
                    format!("{page_url} (output page)"),
                    format!("the id `{id}` is used twice on the page"),
                )
                .help("rename the heading or template element that repeats it"),
            });
        }
        for link in refs.links.iter().map(|l| &**l) {
            let anywhere = same_on_every_page(link, root_url);
            if anywhere && resolved.contains(link) {
                continue;
            }
            let Some(problem) = resolve(link, &page_url, pages, is_file, base_path, root_url)
            else {
                if anywhere {
                    resolved.insert(link);
                }
                continue;
            };
            let message = format!("broken link `{link}`: {}", problem.message);
            let help = problem
                .help
                .unwrap_or("fix the link in the content or template that produced it");
            errors.push(match (origins.link_at)(page, link) {
                Some((file, at)) => Diagnostic::new(Kind::Link, file, message)
                    .at(Some(at))
                    .help(help),
                None => Diagnostic::new(Kind::Link, format!("{page_url} (output page)"), message)
                    .help(help),
            });
        }
    }
}

/// The pages of `pages` whose links must be checked again, given the previous build's
/// `count` pages (`before` gives each one's links and ids), all of whose links
/// resolved, when this build wrote again every file of that one's besides (files
/// added break no link): those whose links or repeated ids changed. The others' links
/// resolve as they did, for every page and id they may point to is as it was. `None` when every page must be checked: a page
/// came or went, or one's ids changed, and a link to it from an unchanged page might
/// now miss its fragment.
pub(crate) fn to_recheck<'b>(
    pages: &HashMap<String, PageRefs>,
    count: usize,
    before: impl Fn(&str) -> Option<&'b PageRefs> + Sync,
) -> Option<HashSet<String>> {
    use rayon::prelude::*;
    if pages.len() != count {
        return None;
    }
    // Comparing every page's links is most of the work left: on all cores.
    pages
        .par_iter()
        .try_fold(HashSet::new, |mut changed, (path, refs)| {
            let old = before(path)?;
            // A page kept from the previous build shares its links and ids.
            if std::sync::Arc::ptr_eq(&old.0, &refs.0) {
                return Some(changed);
            }
            if old.ids != refs.ids {
                return None;
            }
            if old.links != refs.links || old.duplicate_ids != refs.duplicate_ids {
                changed.insert(path.clone());
            }
            Some(changed)
        })
        .try_reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            Some(a)
        })
}

/// Whether `link` points to the same place from every page of the site at
/// `root_url`: an absolute address within it, or a path from the server's root (what
/// [`target`] resolves without the page's address).
fn same_on_every_page(link: &str, root_url: &str) -> bool {
    link.starts_with(root_url) || (link.starts_with('/') && !link.starts_with("//"))
}

/// Why a link does not resolve.
struct Problem {
    message: String,
    /// What to do, when it is more than fixing the link.
    help: Option<&'static str>,
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Problem {
            message,
            help: None,
        }
    }
}

/// Where `link`, on the page at `page_url`, points in the output: the path below the
/// base path, percent-decoded (`reports/x/`, `style.css`), and the fragment. `None`
/// for a link elsewhere (another site, `mailto:`) or an empty one; an error for one
/// that leaves the base path. `base_path` is the site's sub-path and `root_url` its
/// absolute address.
pub(crate) fn target<'l>(
    link: &'l str,
    page_url: &str,
    base_path: &str,
    root_url: &str,
) -> Result<Option<(String, Option<&'l str>)>, String> {
    // Absolute links to the site itself (canonical URLs) are checked like the others.
    let (link, own) = match link.strip_prefix(root_url) {
        Some(rest) => (rest, true),
        None => (link, false),
    };
    if link.is_empty() && !own {
        return Ok(None);
    }
    let external = !own
        && (link.starts_with("//")
            || link
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.contains('#')));
    if external {
        return Ok(None);
    }
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let absolute = if own {
        format!("{base_path}{path}")
    } else if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        // Relative to the page's folder.
        let dir = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
        normalise(&format!("{dir}{path}"))
    };
    let Some(rel) = absolute.strip_prefix(base_path) else {
        return Err(format!(
            "it points outside the site's base path `{base_path}`"
        ));
    };
    Ok(Some((percent_decode(rel), fragment)))
}

/// Checks one link; `None` when it resolves (or is not ours to check).
fn resolve(
    link: &str,
    page_url: &str,
    pages: &HashMap<String, PageRefs>,
    is_file: &dyn Fn(&Path) -> bool,
    base_path: &str,
    root_url: &str,
) -> Option<Problem> {
    let (rel, fragment) = match target(link, page_url, base_path, root_url) {
        Ok(Some(found)) => found,
        Ok(None) => return None,
        Err(problem) => return Some(problem.into()),
    };
    let target = if rel.is_empty() || rel.ends_with('/') || rel.ends_with(".html") {
        // `index.html` once: a server finds no `x/index.htmlindex.html`.
        pages
            .get(&rel)
            .or_else(|| rel.strip_suffix("index.html").and_then(|r| pages.get(r)))
    } else {
        None
    };
    match (target, fragment) {
        (Some(refs), Some(f)) if !f.is_empty() && !refs.has_id(&percent_decode(f)) => {
            Some(missing_id(&rel, f))
        }
        (Some(_), _) => None,
        (None, _) if is_file(Path::new(&rel)) => None,
        (None, _) => Some("no page or file of the site is there".to_string().into()),
    }
}

/// The problem of a link to the missing id `fragment` of the page `rel`: on a source
/// document's page, a paragraph the site has not transcribed.
fn missing_id(rel: &str, fragment: &str) -> Problem {
    match (
        crate::urls::document_of_path(rel),
        crate::urls::anchor_paragraph(fragment),
    ) {
        (Some(doc), Some(n)) => Problem {
            message: format!(
                "the document `{doc}` has no paragraph {n} on its page: only the paragraphs \
                 it transcribes are there"
            ),
            help: Some(
                "transcribe the paragraph in the document's file under content/documents/, \
                 or link to the document's page without `#para-N`",
            ),
        },
        _ => format!("the page has no element with id `{fragment}`").into(),
    }
}

/// Resolves `.` and `..` segments of a URL path.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    out
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

pub(crate) mod intern;
#[cfg(test)]
mod tests;
