//! The rendering half of the pipeline, shared by `build` (pages to disk), `check`
//! (pages rendered and checked, then dropped) and `serve` (pages kept in memory):
//! each hands the pages to a [`Sink`].

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::data;
use crate::diagnostic::{Diagnostic, Kind};
use crate::link::Links;
use crate::linkcheck::{self, PageRefs};
use crate::model::Site;
use crate::render::theme::Theme;
use crate::render::{Renderer, Task};
pub(crate) use crate::stages::{Started, stat, timing, timings};

/// Where rendered files go.
pub(crate) trait Sink: Sync {
    /// Stores `bytes` as the file `rel` of the output.
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic>;
    /// Whether the file `rel` has been stored.
    fn has(&self, rel: &Path) -> bool;
    /// Keeps the file `rel` as the previous build left it, when it still holds bytes
    /// hashing (XXH3-128) as `hash`, for a page the incremental build need not render
    /// again; `Ok(false)` when this sink cannot, and the page must be rendered.
    fn keep(&self, _rel: &Path, _hash: u128) -> Result<bool, Diagnostic> {
        Ok(false)
    }
    /// Whether every file the previous build wrote (the live output's manifest lists
    /// them, and all are still there) is stored again, by name: then a link to a file
    /// that is not a page resolves as it did. Files added do not matter: a link
    /// resolves to a page before a file, and a link that resolved to a file still
    /// finds it (an edit that adds a word to the search index can add a bundle of it,
    /// and checking every page's links again for that took 1.2 s at 100,000 reports).
    /// `false` when this sink cannot tell, or a file of the previous build is gone
    /// from the output (removed by hand), whatever this build writes.
    fn keeps_every_file(&self) -> bool {
        false
    }
    /// Whether this sink stores the bytes put, not the names alone: bytes made only to
    /// be stored (the search bundles' compression) are not made for `wsis check`'s.
    fn keeps_bytes(&self) -> bool {
        true
    }
}

/// A sink that keeps files in memory, for `wsis serve`.
#[cfg(feature = "serve")]
#[derive(Debug, Default)]
pub(crate) struct Memory {
    files: std::sync::RwLock<HashMap<PathBuf, std::sync::Arc<Vec<u8>>>>,
}

#[cfg(feature = "serve")]
impl Memory {
    /// The file `rel`, if stored.
    pub(crate) fn get(&self, rel: &Path) -> Option<std::sync::Arc<Vec<u8>>> {
        self.files
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(rel)
            .cloned()
    }
    /// Removes the file `rel`.
    pub(crate) fn remove(&self, rel: &Path) {
        self.files
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(rel);
    }
    /// Adds (or replaces) the files of `other`, unless `stale` says, asked while no
    /// other thread can store a file, that they are out of date; whether they were.
    pub(crate) fn merge_unless(&self, other: Memory, stale: impl FnOnce() -> bool) -> bool {
        let new = other.files.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut files = self.files.write().unwrap_or_else(|p| p.into_inner());
        if stale() {
            return false;
        }
        files.extend(new);
        true
    }

    /// Replaces every file with those of `other`.
    pub(crate) fn replace_with(&self, other: Memory) {
        let new = other.files.into_inner().unwrap_or_else(|p| p.into_inner());
        *self.files.write().unwrap_or_else(|p| p.into_inner()) = new;
    }
}

#[cfg(feature = "serve")]
impl Sink for Memory {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.files
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(rel.to_path_buf(), std::sync::Arc::new(bytes));
        Ok(())
    }
    fn has(&self, rel: &Path) -> bool {
        self.files
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(rel)
    }
}

/// A sink that keeps only the names of the files, for `wsis check`, and refuses names
/// as a build's output does ([`crate::write::Claims`]): one written twice, one both a
/// file and a folder, two that differ only in case.
#[derive(Debug, Default)]
pub(crate) struct Discard {
    names: Mutex<crate::write::Claims>,
}

impl Sink for Discard {
    fn put(&self, rel: &Path, _: Vec<u8>) -> Result<(), Diagnostic> {
        let key = crate::urls::slash_path(rel);
        let claimed = lock(&self.names).insert(&key);
        claimed.map_err(|refused| refused.diagnostic(rel))
    }
    fn has(&self, rel: &Path) -> bool {
        lock(&self.names).contains(&crate::urls::slash_path(rel))
    }
    fn keeps_bytes(&self) -> bool {
        false
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it: the sinks
/// hold plain collections that a panic cannot leave half-updated.
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How far a build is, for a progress line: pages rendered out of the total.
#[derive(Debug, Default)]
pub struct Progress {
    /// Pages rendered so far.
    pub done: std::sync::atomic::AtomicUsize,
    /// Pages to render; 0 until rendering starts.
    pub total: std::sync::atomic::AtomicUsize,
}

/// Renders `tasks` (pages in a language) in parallel into `sink`. Returns each page's links and ids by page
/// path, and the errors of the pages that failed.
pub(crate) fn render_pages(
    renderer: &Renderer<'_>,
    tasks: &[Task],
    minify: bool,
    sink: &dyn Sink,
    progress: Option<&Progress>,
) -> (HashMap<String, PageRefs>, Vec<Diagnostic>) {
    each_page(tasks, progress, |task| {
        let (path, refs, _) = write_page(renderer.render(task)?, minify, sink)?;
        Ok((path, refs))
    })
}

/// Runs `page` on every task in parallel, counting each in `progress`, and collects
/// the pages' links and ids ([`collect_pages`]): the loop that a full build (every
/// page rendered) and an incremental one (some kept) share.
pub(crate) fn each_page(
    tasks: &[Task],
    progress: Option<&Progress>,
    page: impl Fn(Task) -> Result<(String, PageRefs), Diagnostic> + Sync,
) -> (HashMap<String, PageRefs>, Vec<Diagnostic>) {
    use std::sync::atomic::Ordering;
    if let Some(p) = progress {
        p.total.store(tasks.len(), Ordering::Relaxed);
    }
    let results: Vec<Result<(String, PageRefs), Diagnostic>> = tasks
        .par_iter()
        .map(|&task| {
            let done = page(task);
            if let Some(p) = progress {
                p.done.fetch_add(1, Ordering::Relaxed);
            }
            done
        })
        .collect();
    collect_pages(results)
}

/// Puts a rendered page into `sink`, minified if `minify` and HTML; its path, links
/// and ids, and the XXH3-128 of the bytes written.
pub(crate) fn write_page(
    page: crate::render::RenderedPage,
    minify: bool,
    sink: &dyn Sink,
) -> Result<(String, PageRefs, u128), Diagnostic> {
    let refs = linkcheck::scan(&page.html);
    // Minified for `wsis check` too, whose sink throws the bytes away: it must fail
    // where a build would (the minifier recurses into nested elements).
    let bytes = if minify && page.file.extension().is_some_and(|e| e == "html") {
        minify_html(page.html.as_bytes())
    } else {
        page.html.into_bytes()
    };
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    sink.put(&page.file, bytes)?;
    Ok((page.path, refs, hash))
}

/// Each page's links and ids by path, from the pages rendered (or kept), and the
/// errors: those of the pages that failed, and two pages of one path.
pub(crate) fn collect_pages(
    results: Vec<Result<(String, PageRefs), Diagnostic>>,
) -> (HashMap<String, PageRefs>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut pages = HashMap::with_capacity(results.len());
    for r in results {
        match r {
            Ok((path, refs)) => {
                if pages.insert(path.clone(), refs).is_some() {
                    errors.push(Diagnostic::new(
                        Kind::Duplicate,
                        path,
                        "two pages would be written to this path",
                    ));
                }
            }
            Err(e) => errors.push(e),
        }
    }
    (pages, errors)
}

/// Writes the open data files and the search index, each file to `sink` as soon as it
/// is made.
#[cfg(feature = "serve")]
pub(crate) fn write_assets(site: &Site, links: &Links, sink: &dyn Sink) -> Result<(), Diagnostic> {
    write_assets_with(site, links, sink, None)
}

/// [`write_assets`], with the incremental build's `cache`: the data files made from
/// the inputs of the previous build's kept, and the search index remembering its
/// documents' terms between builds.
fn write_assets_with(
    site: &Site,
    links: &Links,
    sink: &dyn Sink,
    cache: Option<&crate::cache::Incremental>,
) -> Result<(), Diagnostic> {
    let t = Started::now();
    data::files(site, links, sink, cache.map(|c| (c.data(), c.validation())))?;
    timing("open data files", t);
    // The search index of the default language, at `search/`, which every language's
    // search page reads for now (the template's `site.root_base`); an index per
    // language belongs under its pages' folder (`fr/search/`: the `prefix` of
    // `render::languages::Edition`), read through `site.base`.
    crate::search::index(site, sink, cache.map(|c| c.search()))
}

/// Writes the theme's and site's static files, each under the names `pages` link it
/// by ([`crate::render::statics`]).
pub(crate) fn write_statics(
    site: &Site,
    theme: &Theme,
    pages: &HashMap<String, PageRefs>,
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let bytes = theme
        .statics
        .iter()
        .map(|(_, file)| file.bytes())
        .collect::<Result<Vec<_>, _>>()?;
    let names = crate::render::statics::names(
        theme,
        &bytes,
        pages.iter().map(|(p, r)| (p.as_str(), &*r.links)),
        site.config.base_url.path(),
        &site.config.base_url.root(),
    );
    for (name, i) in names {
        let (rel, file) = &theme.statics[i];
        let shown = match file {
            crate::render::theme::StaticFile::Disk(path) => path.as_path(),
            crate::render::theme::StaticFile::Embedded(_) => rel.as_path(),
        };
        crate::write::check_name(&name, shown)?;
        // A clash with another file is reported at this one's source, the file to
        // rename.
        sink.put(&name, bytes[i].clone()).map_err(|mut d| {
            if d.kind == Kind::Duplicate {
                d.file = shown.to_path_buf();
            }
            d
        })?;
    }
    Ok(())
}

/// Checks the links of `pages` (or of those in `only`) against all of `pages` and the
/// files of `sink`. `root` is the site's folder, where a broken link written in a
/// report's or document's Markdown is looked up to name its file and line.
pub(crate) fn check_links(
    site: &Site,
    root: &Path,
    pages: &HashMap<String, PageRefs>,
    only: Option<&HashSet<String>>,
    sink: &dyn Sink,
) -> Vec<Diagnostic> {
    // Only asked about pages with an id used twice, which are rare: a plain search.
    let heading_at = |page: &str, id: &str| {
        let report = site
            .reports
            .iter()
            .find(|r| crate::urls::Page::Report(&r.slug).path() == page)?;
        let heading = report.body.toc.iter().find(|h| h.anchor == id)?;
        Some((report.source.clone(), heading.line))
    };
    // Only asked about broken links, which are rare: a plain search, and the file read
    // again.
    let link_at = |page: &str, link: &str| {
        let source = site
            .reports
            .iter()
            .find(|r| crate::urls::Page::Report(&r.slug).path() == page)
            .map(|r| r.source.clone())
            .or_else(|| {
                let d = site
                    .frame
                    .documents
                    .iter()
                    .find(|d| crate::urls::Page::Document(&d.id).path() == page)?;
                Some(PathBuf::from(format!("content/documents/{}.md", d.id)))
            })?;
        // Decoded as the loader did, so that its lines are the headings' lines.
        let text = crate::load::read_text(&root.join(&source), &source).ok()?;
        written_at(&text, link, site.config.base_url.path()).map(|at| (source, at))
    };
    let check = |only: &HashSet<String>| {
        linkcheck::check(
            pages,
            Some(only),
            &|p| sink.has(p),
            &linkcheck::Origins {
                heading_at: &heading_at,
                link_at: &link_at,
            },
            site.config.base_url.path(),
            &site.config.base_url.root(),
        )
    };
    // The other languages' pages repeat the default language's links in their own
    // folder: a broken link is reported once, in the default language, where its
    // Markdown is found; the others are checked when the default language's are sound.
    let others: Vec<String> = site
        .config
        .languages()
        .iter()
        .skip(1)
        .map(|l| format!("{}/", l.tag()))
        .collect();
    let (default, translated): (HashSet<String>, HashSet<String>) = pages
        .keys()
        .filter(|p| only.is_none_or(|o| o.contains(*p)))
        .cloned()
        .partition(|p| !others.iter().any(|o| p.starts_with(o.as_str())));
    let errors = check(&default);
    if errors.is_empty() {
        check(&translated)
    } else {
        errors
    }
}

/// Where Markdown `text` writes the link that became `link` in the HTML: as it is, or
/// without the base path the renderer adds to site-absolute links (`/documents/x/`
/// becomes `/wsis/documents/x/`).
fn written_at(text: &str, link: &str, base_path: &str) -> Option<crate::diagnostic::Location> {
    let unprefixed = link
        .strip_prefix(base_path)
        .filter(|_| base_path != "/")
        .map(|rest| format!("/{rest}"));
    [Some(link.to_string()), unprefixed]
        .into_iter()
        .flatten()
        .find_map(|written| {
            // A link destination follows `](` or `]: ` (a reference definition) or `<`.
            ["](", "]: ", "<"].iter().find_map(|before| {
                text.find(&format!("{before}{written}"))
                    .map(|at| at + before.len())
            })
        })
        .map(|offset| crate::diagnostic::Location::of_offset(text, offset))
}

/// How [`emit_all`] renders pages.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Rendering<'a> {
    /// Updated as pages render, for a progress line.
    pub(crate) progress: Option<&'a Progress>,
    /// The incremental build's cache: pages that would render as in the last build
    /// are kept instead.
    pub(crate) cache: Option<&'a crate::cache::Incremental>,
}

/// Renders the whole site into `sink` and checks it; the number of pages.
pub(crate) fn emit_all(
    site: &Site,
    root: &Path,
    links: &Links,
    theme: &Theme,
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    how: Rendering<'_>,
) -> Result<HashMap<String, PageRefs>, Vec<Diagnostic>> {
    let Rendering { progress, cache } = how;
    let t = Started::now();
    // The links of a previous build of this process no page holds any more (the dev
    // server's) are let go before this build's are taken.
    linkcheck::intern::forget_unused();
    let tasks = renderer.tasks();
    let minify = site.config.build.minify;
    // Pages, and the data files and search index, are independent: build them at once.
    // The static files follow the pages, which say under which names to write them.
    let ((pages, mut errors), assets) = rayon::join(
        || {
            let t = Started::now();
            let pages = match cache {
                Some(cache) => crate::cache::render_pages(
                    cache, site, renderer, &tasks, minify, sink, progress,
                ),
                None => render_pages(renderer, &tasks, minify, sink, progress),
            };
            timing("pages", t);
            pages
        },
        || write_assets_with(site, links, sink, cache),
    );
    let statics = Started::now();
    if let Err(e) = assets.and_then(|()| write_statics(site, theme, &pages, sink)) {
        errors.push(e);
    }
    timing("static files", statics);
    timing("render pages, data, search index, static files", t);
    if timings() {
        crate::render::costs::report();
    }
    let t = Started::now();
    if errors.is_empty() {
        let only = cache.and_then(|c| pages_to_check(c, &pages, sink));
        stat(
            "link check: pages checked",
            only.as_ref().map_or(pages.len(), HashSet::len),
        );
        errors = check_links(site, root, &pages, only.as_ref(), sink);
    }
    timing("link check", t);
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

/// The pages whose links the incremental build must check, when the previous build's
/// pages, whose links all resolved, may stand for the others
/// ([`linkcheck::to_recheck`]): this build wrote every file of that one's, by name
/// (`sink` compares them with the live output's manifest), and `cache` has its pages'
/// links and ids. `None` when every page must be checked.
fn pages_to_check(
    cache: &crate::cache::Incremental,
    pages: &HashMap<String, PageRefs>,
    sink: &dyn Sink,
) -> Option<HashSet<String>> {
    let before = cache.previous_pages()?;
    if !sink.keeps_every_file() {
        return None;
    }
    linkcheck::to_recheck(pages, before.len(), |path| {
        before.get(path).map(|entry| &entry.refs)
    })
}

/// Without the `minify` feature pages are written as rendered.
#[cfg(not(feature = "minify"))]
pub(crate) fn minify_html(html: &[u8]) -> Vec<u8> {
    html.to_vec()
}

/// Minifies a page, keeping closing tags and the `<html>`/`<head>` tags so the result
/// stays valid HTML5 for validators and old parsers.
#[cfg(feature = "minify")]
pub(crate) fn minify_html(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

#[cfg(test)]
mod tests {
    use super::written_at;
    use crate::diagnostic::Location;

    #[test]
    fn a_link_is_found_where_the_markdown_wrote_it() {
        let text = "---\ntitle: x\n---\nSee [¶ 9](/documents/d/#para-9) and\n[ref]: /reports/r/\n";
        assert_eq!(
            written_at(text, "/wsis/documents/d/#para-9", "/wsis/"),
            Some(Location::new(4, 11))
        );
        assert_eq!(
            written_at(text, "/documents/d/#para-9", "/"),
            Some(Location::new(4, 11))
        );
        assert_eq!(
            written_at(text, "/wsis/reports/r/", "/wsis/"),
            Some(Location::new(5, 8))
        );
        assert_eq!(written_at(text, "/wsis/years/", "/wsis/"), None);
    }
}
