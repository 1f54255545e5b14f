//! The incremental build: `wsis build` keeps a cache beside the output so that the
//! next build renders only the pages whose content changed, and writes an output
//! byte for byte the same as a fresh build's.
//!
//! # Design
//!
//! A page is what its template makes of its context. Rather than declaring, page
//! kind by page kind, which reports, organizations or metrics a page reads (a list
//! that silently goes wrong the day a template shows one more thing), the build
//! still loads, validates and links the whole site, and builds every page's context
//! (the cheap part); it fingerprints the context ([`crate::render::Prepared`]:
//! language, path, template, every value, maps whatever their order) and renders the
//! template, scans links and minifies (the dear part) only for a page whose
//! fingerprint differs from the previous build's. Whatever reaches a page outside its
//! context is fingerprinted as a whole ([`inputs`]): the `wsis` executable,
//! `site.toml`, the `themes/` folder, the site-wide values of every language. When
//! that changes, every page is rendered.
//!
//! Validating a report renders its Markdown, which is most of validating a site: the
//! validated reports are kept in the cache too, each with the hash of the text it came
//! from, and a build reuses those whose file is unchanged as long as what validation
//! reads besides the reports is too ([`inputs::validation`]: settings, organizations,
//! metrics, action lines, the frame), through the same [`Validated`] the dev server
//! keeps between edits; such a file is read and hashed, not parsed unless a warning
//! points into it. The checks across reports (restatements, translations, duplicate
//! slugs) still run over every report: a build warns and fails as a fresh one does.
//!
//! When nothing but reports changed (the same globals, the same validation inputs),
//! even building contexts is skipped for most pages: the previous build's site is
//! put back together from the cached reports, and [`crate::affected`] (the code the
//! dev server's partial rebuilds use) names the pages showing something of a report
//! that changed, in its old or new version. A page of a kind that list covers
//! ([`crate::render::Job::shows_known_reports`]: a report, organization, action line,
//! action line's year, metric or year page) and not on it is kept as it is without its
//! context being built; every other page (indexes, feeds, the frame's pages, kinds
//! added later) is fingerprinted as above. Anything uncertain falls back to fingerprinting.
//!
//! A page kept is not re-read: the output's manifest ([`crate::write`]) must still
//! list the file with the hash the cache recorded, untouched since (size and time),
//! and the file is then hard-linked (or left) into the new tree like any unchanged
//! file. Its links and ids for the link check come from the cache. The data files and
//! static files are built in full as before: they are written only where their bytes
//! changed. The search index cuts and stems only the documents whose text changed,
//! the others' terms kept in `.<output>.wsis-search` ([`crate::search::Memo`]).
//!
//! # Trust
//!
//! The cache is `.<output>.wsis-cache` beside the output (never inside the served
//! tree), with the validated reports in `.<output>.wsis-reports` beside it
//! ([`pack`]: appended to, each report's bytes hashed in the cache file). It names
//! the output it describes by the hash of its marker, which is known before the
//! output is exchanged: the cache is written meanwhile, under a temporary name, and
//! renamed in only once the exchange is done. A build stopped between the two leaves
//! a cache that no longer matches, and is ignored; a commit that fails leaves the
//! previous cache, which still describes the output that stays. (The reports file is
//! appended to before the exchange, which changes no byte the previous cache points
//! to; should it be written anew, once old versions outweigh the current ones, and the
//! commit then fail, the previous cache is ignored with a warning.) A cache that is
//! truncated, corrupt
//! (checksum), of another format, written by another `wsis` executable or for another
//! output folder, or that is not a regular file (a folder, a symbolic link), or whose
//! reports file is any of these, is ignored with a warning and the build renders
//! every page. What passes those checks is still not trusted blindly: a reused report
//! naming an organization, line or metric the site has not is checked again from its
//! file (`validate`), and a report's text that does not unpack to what the entry says
//! (which only a file crafted with a matching checksum holds) stops the build, before
//! the page showing it is written, with an error that says to run `wsis build --fresh`.
//! On Unix the reports' text is not copied into memory when they are read: it stays
//! in the reports file, kept open to the end of the build and read when a page or the
//! search index asks ([`crate::model::Packed`]); bytes that no longer hash as they
//! did when read (the file changed in place meanwhile, which no build does) are refused
//! as damaged text is.
//! The checksums find damage, not a file crafted with checksums to match: such a
//! search file can have the index keep terms or `docs/` bundles of a text no longer
//! there. The cache files are trusted as far as the output folder beside them (who
//! can write them can write the output); what any of them may do is bounded: no
//! panic, and the text unpacked at once is cut at [`crate::search`]'s slice size.
//! `wsis build --fresh` ignores the cache and writes a new one; `check` and `serve`
//! never use it.

mod file;
mod inputs;
mod pack;
mod render;
mod save;
mod staged;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::diagnostic::{Diagnostic, Kind};
use crate::link::Links;
use crate::linkcheck::PageRefs;
use crate::load::RawReport;
use crate::model::{Report, Site};
use crate::pipeline::lock;
use crate::stamp::Stamp;
use crate::validate::Validated;
use file::Contents;
pub(crate) use file::PageEntry;
pub(crate) use file::{Refused, framed};
pub(crate) use inputs::Settings;
pub(crate) use render::render_pages;
pub(crate) use staged::replace;

/// The cache of one build: the previous build's pages, when they may be trusted, and
/// this build's as they are rendered.
#[derive(Debug)]
pub(crate) struct Incremental {
    /// The cache file.
    path: PathBuf,
    /// The reports file beside it ([`pack`]).
    pack_path: PathBuf,
    /// What identifies this `wsis` and this output.
    wsis: String,
    output: u128,
    /// The fingerprint of what every page reads, once [`Incremental::begin`] knows it.
    globals: u128,
    /// The site's settings and themes, fingerprinted before the build read them.
    settings: Settings,
    /// The previous build's cache, when it is this `wsis`'s for this very output and
    /// the same globals.
    previous: Option<Contents>,
    /// Why the cache was not used.
    warnings: Vec<Diagnostic>,
    /// The fingerprint of what validating a report reads besides its file, once
    /// [`Incremental::begin_validation`] knows it.
    validation: u128,
    /// The previous build's validated reports, when validated with this `validation`
    /// (and then `same_validation`): the one place they are held until the cache is
    /// saved.
    reusable: Validated,
    /// The previous build's reports pack (id and length), and where each of its
    /// reports is in it, by source file: a report this build reuses is not written
    /// again.
    pack: Option<(u128, u64)>,
    packed_at: HashMap<PathBuf, pack::Packed>,
    same_validation: bool,
    /// The pages (paths in the default language) that show something of a report that
    /// changed since the previous build, when only reports changed: a page of a kind
    /// [`crate::affected`] covers that is not among them is kept without building its
    /// context. `None`: every page's context is built.
    affected: Option<HashSet<String>>,
    /// This build's validated reports.
    validated: Validated,
    /// The stamps of this build's report files as they were read, where they could be
    /// recorded, by file.
    stamps: HashMap<PathBuf, Stamp>,
    /// This build's pages: path, context fingerprint, output hash, and whether it was
    /// rendered (else kept, with the previous build's links and ids).
    fresh: Mutex<HashMap<String, (u128, u128, bool)>>,
    /// Pages rendered (not kept).
    rendered: AtomicUsize,
    /// Reports validated (not reused).
    revalidated: AtomicUsize,
    /// Pages kept without building their context.
    unseen: AtomicUsize,
    /// The search index's memory of each document's terms ([`crate::search::Memo`]),
    /// in its own file beside the cache.
    search: crate::search::Memo,
    /// The open data's memory of each file's inputs and bytes ([`crate::data::Memo`]),
    /// in its own file beside the cache.
    data: crate::data::Memo,
}

impl Incremental {
    /// Reads the cache of the output folder `output_dir`, whose marker hashes as
    /// `marker`, for a build of the site whose settings and themes are `settings`,
    /// fingerprinted before the build read them. Nothing is read when `fresh`.
    pub(crate) fn open(
        output_dir: &Path,
        marker: Option<u128>,
        fresh: bool,
        settings: Settings,
    ) -> Incremental {
        let mut cache = Incremental {
            path: crate::write::cache_path(output_dir),
            pack_path: crate::write::reports_path(output_dir),
            wsis: inputs::wsis_id(),
            output: inputs::output_id(output_dir),
            globals: 0,
            settings,
            previous: None,
            warnings: Vec::new(),
            validation: 0,
            reusable: Validated::default(),
            pack: None,
            packed_at: HashMap::new(),
            same_validation: false,
            affected: None,
            validated: Validated::default(),
            stamps: HashMap::new(),
            fresh: Mutex::default(),
            rendered: AtomicUsize::new(0),
            revalidated: AtomicUsize::new(0),
            unseen: AtomicUsize::new(0),
            search: crate::search::Memo::default(),
            data: crate::data::Memo::default(),
        };
        let data_path = crate::data::Memo::path_beside(&cache.path);
        let search_path = crate::write::search_path(output_dir);
        if !fresh {
            let path = search_path.clone();
            match crate::search::Memo::read(&path, &cache.wsis) {
                Ok(memo) => cache.search = memo,
                Err(why) => cache.warnings.push(
                    Diagnostic::new(
                        Kind::Cache,
                        &path,
                        format!("the search index's cache was ignored: {why}"),
                    )
                    .help(
                        "every page's text is indexed again and a new cache written; nothing to do",
                    ),
                ),
            }
            match crate::data::Memo::read(&data_path, &cache.wsis) {
                Ok(memo) => cache.data = memo,
                Err(why) => cache.warnings.push(
                    Diagnostic::new(
                        Kind::Cache,
                        &data_path,
                        format!("the open data's cache was ignored: {why}"),
                    )
                    .help("every data file is made again and a new cache written; nothing to do"),
                ),
            }
            match cache.read(marker) {
                Ok(Some(previous)) => {
                    cache.pack = Some(previous.pack);
                    cache.previous = Some(previous);
                }
                Ok(None) => {}
                Err(why) => cache.warnings.push(
                    Diagnostic::new(
                        Kind::Cache,
                        &cache.path,
                        format!("the build cache was ignored: {why}"),
                    )
                    .help("every page is rendered and a new cache written; nothing to do"),
                ),
            }
        }
        cache.search.save_to(search_path, cache.wsis.clone());
        cache.data.save_to(data_path, cache.wsis.clone());
        cache
    }

    /// The previous cache, if there is one this build may use (its reports not read
    /// yet: see [`Incremental::begin_validation`]); `Err` says why one that exists may
    /// not be.
    fn read(&self, marker: Option<u128>) -> Result<Option<Contents>, String> {
        let meta = match std::fs::symlink_metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("it cannot be read: {e}")),
            Ok(meta) => meta,
        };
        if !meta.is_file() {
            return Err("it is not a regular file (a folder or a symbolic link?)".into());
        }
        let bytes = std::fs::read(&self.path).map_err(|e| format!("it cannot be read: {e}"))?;
        let contents = file::decode(&bytes).map_err(|e: Refused| e.to_string())?;
        if contents.wsis != self.wsis {
            return Err(format!(
                "it was written by another wsis ({}; this is {})",
                contents.wsis, self.wsis
            ));
        }
        if contents.output != self.output {
            return Err("it was written for another output folder".into());
        }
        match marker {
            // No output to keep pages from: nothing to warn about.
            None => Ok(None),
            Some(m) if m != contents.marker => Err(
                "it does not describe the output folder as it is (a build stopped before \
                 writing it, or the output was changed)"
                    .into(),
            ),
            Some(_) => Ok(Some(contents)),
        }
    }

    /// The reports of the previous cache `previous`, read from the reports file, by
    /// source file; `Err` says why they may not be trusted.
    #[allow(clippy::type_complexity)]
    fn read_reports(
        &self,
        previous: &Contents,
    ) -> Result<(Validated, HashMap<PathBuf, pack::Packed>), String> {
        let unusable = |e: Refused| {
            format!("the build cache's reports file cannot be used, so the cache was ignored: {e}")
        };
        let reports =
            pack::read(&self.pack_path, previous.pack.0, &previous.packed).map_err(unusable)?;
        let mut validated = Validated::default();
        validated.0.reserve(reports.len());
        let mut packed_at = HashMap::with_capacity(reports.len());
        for (at, report) in previous.packed.iter().zip(reports) {
            let source = report.source.clone();
            packed_at.insert(source.clone(), *at);
            if validated
                .0
                .insert(source, (at.fingerprint, report))
                .is_some()
            {
                return Err(unusable(Refused::Decode));
            }
        }
        Ok((validated, packed_at))
    }

    /// Sets what validating a report reads besides its file, for the site at `root`
    /// built with the `--base-url` override `base_url`: the previous build's validated
    /// reports may be reused ([`Incremental::reused`]) only when it is unchanged.
    pub(crate) fn begin_validation(&mut self, root: &Path, base_url: Option<&str>) {
        self.validation = inputs::validation(root, &self.settings, base_url);
        // The reports are read (and decoded) only when they may be reused: after a
        // change to what every report is checked against, they would only take memory.
        let Some(previous) = self.previous.as_ref() else {
            return;
        };
        if previous.validation != self.validation {
            return;
        }
        match self.read_reports(previous) {
            Ok((reports, packed_at)) => {
                self.reusable = reports;
                self.packed_at = packed_at;
                self.same_validation = true;
            }
            Err(why) => {
                // Never trusted in part: every page is rendered, the pack written anew.
                // The warning names the reports file, the one found wrong.
                self.previous = None;
                self.pack = None;
                self.warnings.push(
                    Diagnostic::new(Kind::Cache, &self.pack_path, why)
                        .help("every page is rendered and a new cache written; nothing to do"),
                );
            }
        }
    }

    /// The previous build's validated version of `raw`, when its file is unchanged.
    pub(crate) fn reused(&self, raw: &RawReport) -> Option<Arc<Report>> {
        let reused = self.reusable.get(raw);
        if reused.is_none() {
            self.revalidated.fetch_add(1, Ordering::Relaxed);
        }
        reused
    }

    /// The pages this build kept without building their context.
    pub(crate) fn unseen(&self) -> usize {
        self.unseen.load(Ordering::Relaxed)
    }

    /// The reports this build validated rather than reused.
    pub(crate) fn revalidated(&self) -> usize {
        self.revalidated.load(Ordering::Relaxed)
    }

    /// Records this build's validated reports, and the stamps of their files as they
    /// were read (`stamps`, by file), for the next build.
    pub(crate) fn validated(&mut self, reports: Validated, stamps: HashMap<PathBuf, Stamp>) {
        self.validated = reports;
        self.stamps = stamps;
    }

    /// Works out which pages may be kept without building their context, once the
    /// site is validated and linked and [`Incremental::begin`] has checked what every
    /// page reads: when the previous build's pages may be kept and nothing but reports
    /// changed, the pages showing a report that changed ([`crate::affected`]),
    /// between the previous build's site (its reports, with this build's everything
    /// else) and `site`.
    pub(crate) fn plan(&mut self, site: &Site, links: &Links) {
        if self.previous.is_none() || !self.same_validation {
            return;
        }
        let mut reports: Vec<Arc<Report>> = self
            .reusable
            .0
            .values()
            .map(|(_, r)| Arc::clone(r))
            .collect();
        crate::validate::sort_reports(&mut reports, &site.organizations);
        let old = Site {
            config: site.config.clone(),
            action_lines: site.action_lines.clone(),
            organizations: site.organizations.clone(),
            metrics: site.metrics.clone(),
            reports,
            frame: site.frame.clone(),
            warnings: Vec::new(),
        };
        // Most edits change only reports' text and figures: the old indexes are then
        // this build's with those reports' series rebuilt, as `wsis serve` updates them.
        let old_links = Links::update(links, site, &old).unwrap_or_else(|| Links::new(&old));
        // The years with reports or figures set which years every list spans, and the
        // latest year with a report how far targets stand (a projection's year may
        // already be among the years): when either changes, every page's context is
        // built, as before.
        if old_links.years != links.years
            || !old_links
                .reports_by_year
                .keys()
                .eq(links.reports_by_year.keys())
        {
            return;
        }
        self.affected = Some(crate::affected::affected_pages(
            &old, &old_links, site, links,
        ));
    }

    /// Refuses a report read back from the reports file whose HTML does not unpack
    /// (bytes damaged or crafted with a matching checksum), before a page shows it:
    /// the HTML is checked there rather than when read, where every report's was
    /// inflated for the few a build shows ([`crate::model::Packed::is_sound`]).
    fn sound(&self, report: &Report) -> Result<(), Diagnostic> {
        if report.body.html.is_sound() {
            return Ok(());
        }
        Err(Diagnostic::new(
            Kind::Cache,
            &self.pack_path,
            format!(
                "the build cache's copy of {} is damaged: its text does not unpack \
                 (or the reports file changed during the build)",
                report.source.display()
            ),
        )
        .help("run `wsis build --fresh`, which renders every page and writes a new cache"))
    }

    /// Whether the page at `path` (in the default language) shows nothing of a report
    /// that changed, when [`Incremental::plan`] could tell.
    fn unaffected(&self, path: &str) -> bool {
        self.affected.as_ref().is_some_and(|a| !a.contains(path))
    }

    /// Sets what every page reads: the site's settings and themes as
    /// [`Incremental::open`] was given them, the `--base-url` override
    /// `base_url` and the renderer's site-wide values `site_values`; the previous
    /// pages are dropped when it changed.
    pub(crate) fn begin(&mut self, base_url: Option<&str>, site_values: u128) {
        self.globals = inputs::globals(&self.settings, base_url, site_values);
        if self
            .previous
            .as_ref()
            .is_some_and(|p| p.globals != self.globals)
        {
            self.previous = None;
        }
    }

    /// What the previous build recorded of the page at `path`, if it may be trusted.
    pub(crate) fn previous(&self, path: &str) -> Option<&PageEntry> {
        self.previous.as_ref()?.pages.get(path)
    }

    /// Every page of the previous build, whose links all resolved, if it may be trusted:
    /// for the link check of the pages whose links and ids did not change.
    pub(crate) fn previous_pages(&self) -> Option<&HashMap<String, PageEntry>> {
        Some(&self.previous.as_ref()?.pages)
    }

    /// Records the page at `path`: its context fingerprint and the hash of its file;
    /// `rendered` when it was rendered rather than kept.
    fn record(&self, path: String, context: u128, output: u128, rendered: bool) {
        if rendered {
            self.rendered.fetch_add(1, Ordering::Relaxed);
        }
        lock(&self.fresh).insert(path, (context, output, rendered));
    }

    /// The pages this build rendered rather than kept.
    pub(crate) fn rendered(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    /// Why the previous cache was not used, if it was not.
    pub(crate) fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The search index's memory between builds.
    pub(crate) fn search(&self) -> &crate::search::Memo {
        &self.search
    }

    /// The open data's memory between builds.
    pub(crate) fn data(&self) -> &crate::data::Memo {
        &self.data
    }

    /// The fingerprint of what validating a report reads besides its file (settings,
    /// `--base-url`, organizations, metrics, action lines, the frame), once
    /// [`Incremental::begin_validation`] knows it; 0 before.
    pub(crate) fn validation(&self) -> u128 {
        self.validation
    }
}

/// The previous build's reports, for loading: only those it may reuse (validated
/// against the same settings, organizations, metrics and frame).
impl crate::load::Known for Incremental {
    fn stamps(&self) -> bool {
        self.packed_at.values().any(|p| p.stamp.is_some())
    }

    /// Its report validated from `rel` when that text hashed as `fingerprint`:
    /// loading leaves the text unparsed.
    fn cached(&self, rel: &Path, fingerprint: u64) -> Option<Arc<Report>> {
        self.reusable.of_text(rel, fingerprint)
    }

    /// Its report validated from `rel`, and that text's fingerprint, when the file was
    /// stamped `stamp` as the text was read: loading does not read the file.
    fn seen(&self, rel: &Path, stamp: &Stamp) -> Option<(u64, Arc<Report>)> {
        let packed = self.packed_at.get(rel)?;
        let (fingerprint, report) = self.reusable.0.get(rel)?;
        (packed.stamp.as_ref() == Some(stamp) && packed.fingerprint == *fingerprint)
            .then(|| (*fingerprint, Arc::clone(report)))
    }
}

/// The bytes of a file the build keeps beside the output for the next build (the
/// search index's and the open data's memories): `None` when there is none, `Err`
/// with the reason, for a warning, when something is there that may not be read.
pub(crate) fn read_kept(path: &Path) -> Result<Option<Vec<u8>>, String> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("it cannot be read: {e}")),
        Ok(meta) => meta,
    };
    if !meta.is_file() {
        return Err("it is not a regular file (a folder or a symbolic link?)".into());
    }
    std::fs::read(path)
        .map(Some)
        .map_err(|e| format!("it cannot be read: {e}"))
}
