//! A site kept in memory between edits, rebuilt in part: what `wsis serve` runs on.
//!
//! An edit to one report re-parses that file only, re-validates only that report (the
//! others are reused from the cache while organizations, metrics, action lines and
//! settings stay the same), and re-renders only the pages that show something of it:
//! its page and its neighbours', its organization, its action lines, the metrics it
//! states and every page showing those metrics' values, the years concerned, and the
//! indexes. Any other change (settings, organizations, metrics, action lines, theme,
//! static files) rebuilds everything, still in memory.

mod partial;
mod refresh;
mod tail;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diagnostic::{BuildError, Diagnostic};
use crate::link::Links;
use crate::linkcheck::PageRefs;
use crate::load::{self, Sources};
use crate::model::Site;
use crate::pipeline::{self, Memory};
use crate::render::theme::Theme;
use crate::render::{Job, Renderer, Task};
use crate::validate;

/// A callback told the URL paths of pages rendered ahead of the rest.
pub(crate) type EarlyPages = Box<dyn Fn(&[String]) + Send>;

/// A callback asked whether a browser has the page at a URL path (`/fr/reports/x/`)
/// open.
pub(crate) type Viewed = Box<dyn Fn(&str) -> bool + Send>;

/// A callback asked whether a save has come in since the rebuild under way began.
pub(crate) type Saved = Box<dyn Fn() -> bool + Send>;

/// The last good build: what the served pages were rendered from.
struct Good {
    // Shared, so that the data files and search index can be rebuilt from them on a
    // thread of their own while the next edit is handled.
    site: Arc<Site>,
    links: Arc<Links>,
    theme: Arc<Theme>,
    /// The theme's compiled templates, reused by partial rebuilds.
    engine: crate::render::SharedEngines,
    pages: HashMap<String, PageRefs>,
    /// Every page of the site by its path in the default language (its first page, for
    /// a list): what an edit in place re-renders is worked out as paths.
    jobs: Arc<HashMap<String, Job>>,
}

/// Every job of `renderer`'s site by the path of its page in the default language.
fn job_index(renderer: &Renderer<'_>) -> HashMap<String, Job> {
    renderer
        .jobs()
        .into_iter()
        .map(|job| (renderer.page(job).path(), job))
        .collect()
}

/// What a rebuild did, for the log line.
#[derive(Debug, Clone)]
pub(crate) struct Rebuilt {
    /// Pages rendered.
    pub(crate) pages: usize,
    /// Whether everything was rebuilt (rather than the pages an edit affects).
    pub(crate) full: bool,
    /// After a partial rebuild: the URL paths of the pages re-rendered, but for those
    /// already announced through [`Project::on_early_pages`].
    pub(crate) paths: Vec<String>,
    /// How long it took.
    pub(crate) elapsed: Duration,
}

/// A site in memory.
pub(crate) struct Project {
    root: PathBuf,
    base_url: String,
    /// The reports as on disk, parsed; `None` until a full load succeeds.
    sources: Option<Sources>,
    /// Reports that do not parse, by file.
    broken: BTreeMap<PathBuf, Diagnostic>,
    /// Validated reports by source file, with the fingerprint of the text they came from.
    cache: validate::Validated,
    /// The last validation's checks of the reports against each other: a save
    /// checks again only the reports whose findings it can change.
    checks: validate::Checks,
    good: Option<Good>,
    /// The warnings printed so far (of the file and message), to print a new one once.
    shown: HashSet<u128>,
    /// The served files.
    pub(crate) store: Arc<Memory>,
    /// The errors of the latest build, empty when it succeeded.
    pub(crate) errors: Arc<RwLock<Vec<Diagnostic>>>,
    /// Whether the data files and search index lag behind the pages.
    assets_stale: bool,
    /// Whether a full rebuild was asked for (by a change to the settings, the theme,
    /// static files or other content) and has not succeeded since. Until one does, a
    /// report edit rebuilds everything as well: a partial rebuild reuses the last good
    /// build's theme, templates and static files, so a file saved while the site had an
    /// error would otherwise never be served.
    full_pending: bool,
    /// Counts rebuilds, so a background refresh can tell it has been overtaken.
    generation: Arc<std::sync::atomic::AtomicU64>,
    /// Whether a refresh of the data files and search index is running: one at a
    /// time ([`Project::refresh_assets`]).
    refreshing: Arc<std::sync::atomic::AtomicBool>,
    /// Told the URL paths of the edited reports' pages as soon as they are rendered,
    /// before the other pages of a partial rebuild.
    pub(crate) on_early_pages: Option<EarlyPages>,
    /// Tells which pages are open in a browser: a partial rebuild renders and
    /// announces those first.
    pub(crate) viewed: Option<Viewed>,
    /// Asked between pieces of the rest of a partial rebuild: a save coming in stops
    /// it, so that the new save's page is not kept waiting ([`tail`]).
    pub(crate) saved: Option<Saved>,
    /// The pages the last partial rebuild has still to render, a save having cut it
    /// short; each task names a page of the last good build.
    tail: Vec<Task>,
    /// The errors of the pages rendered since the last complete rebuild began, shown
    /// once its rest is done.
    tail_errors: Vec<Diagnostic>,
    /// The pages re-rendered since the last complete rebuild began, whose links are
    /// checked once its rest is done.
    redone: HashSet<String>,
}

impl Project {
    /// The warnings of the last good build (figures that repeat an earlier report's,
    /// undated values of one year, bounds the quote contradicts) to print after it:
    /// those about the files just `saved`, and those not printed before, all of them
    /// after the first build, as `build` prints them. An edit can make a warning in
    /// another report (a figure there now repeats the saved one's), which a list of
    /// the saved files' warnings alone left unsaid.
    pub(crate) fn warnings_to_show(&mut self, saved: &[PathBuf]) -> Vec<Diagnostic> {
        let Some(good) = &self.good else {
            return Vec::new();
        };
        let before = std::mem::take(&mut self.shown);
        let mut out = Vec::new();
        for w in &good.site.warnings {
            let mut key = xxhash_rust::xxh3::Xxh3::new();
            key.update(w.file.as_os_str().as_encoded_bytes());
            key.update(&[0]);
            key.update(w.message.as_bytes());
            let key = key.digest128();
            if !before.contains(&key) || saved.contains(&w.file) {
                out.push(w.clone());
            }
            self.shown.insert(key);
        }
        out
    }

    /// The reports whose candidate figures wait for review, with how many, as
    /// [`crate::review::waiting`] finds them; `None` until the reports have loaded.
    pub(crate) fn waiting_review(&self) -> Option<Vec<(String, usize)>> {
        let sources = self.sources.as_ref()?;
        Some(
            sources
                .reports
                .iter()
                .filter_map(crate::review::waiting_in)
                .collect(),
        )
    }

    /// A project for the site at `root`, served at `base_url`. Nothing is built yet.
    pub(crate) fn new(root: &Path, base_url: &str) -> Project {
        Project {
            root: root.to_path_buf(),
            base_url: base_url.to_string(),
            sources: None,
            broken: BTreeMap::new(),
            cache: validate::Validated::default(),
            checks: validate::Checks::default(),
            good: None,
            shown: HashSet::new(),
            store: Arc::new(Memory::default()),
            errors: Arc::new(RwLock::new(Vec::new())),
            assets_stale: false,
            full_pending: false,
            generation: Arc::new(std::sync::atomic::AtomicU64::new(0)),
            refreshing: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            on_early_pages: None,
            viewed: None,
            saved: None,
            tail: Vec::new(),
            tail_errors: Vec::new(),
            redone: HashSet::new(),
        }
    }

    fn set_errors(&self, errors: Vec<Diagnostic>) {
        *self.errors.write().unwrap_or_else(|p| p.into_inner()) =
            BuildError::new(errors).diagnostics;
    }

    /// Rebuilds after `changed` files changed (paths relative to the root or absolute).
    ///
    /// A panic while rebuilding is a bug, but it must not end the watcher thread: the
    /// server would keep serving stale pages and never rebuild again. It becomes an
    /// error on the overlay, and the next change rebuilds everything from scratch.
    pub(crate) fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        self.guarded(|project| project.rebuild_changed(changed))
    }

    /// Runs `work`, turning a panic into an error (see [`Project::rebuild`]).
    fn guarded(
        &mut self,
        work: impl FnOnce(&mut Project) -> Result<Rebuilt, BuildError>,
    ) -> Result<Rebuilt, BuildError> {
        let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self)));
        attempt.unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            // Whatever state the panic left half-updated is dropped.
            self.sources = None;
            self.good = None;
            self.forget_checked();
            self.forget_tail();
            let error = Diagnostic::new(
                crate::diagnostic::Kind::Internal,
                "wsis serve",
                format!("internal error while rebuilding: {what}"),
            )
            .help("this is a bug in wsis; the next save rebuilds everything");
            self.set_errors(vec![error.clone()]);
            Err(BuildError::new(vec![error]))
        })
    }

    fn rebuild_changed(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.overtake_refresh();
        let rel: Vec<PathBuf> = changed
            .iter()
            // Made of its components again, so that it equals the loaded report's
            // file byte for byte (a partial rebuild compares them so).
            .map(|p| {
                p.strip_prefix(&self.root)
                    .unwrap_or(p)
                    .components()
                    .collect()
            })
            .collect();
        // A partial rebuild reads the saved files alone: not when a report is a link
        // (a save of its target changes it too), nor for a link or folder saved (a
        // folder moved or renamed gets one event, none for the files in it).
        let linked = self.sources.as_ref().is_some_and(|s| s.linked_reports);
        let reports_only = !rel.is_empty()
            && !linked
            && rel.iter().all(|p| {
                // Read as a build reads it only when it names a file in the
                // reports' folder: no `..` leading out of it, nor `.`.
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
                    && p.starts_with("content/reports")
                    && p.extension().is_some_and(|e| e == "md")
                    && plain_or_gone(&self.root.join(p))
            });
        if reports_only && !self.full_pending && self.sources.is_some() && self.good.is_some() {
            self.rebuild_reports(&rel)
        } else {
            self.rebuild_all()
        }
    }

    fn config(&self) -> Result<Config, BuildError> {
        crate::load_config(&self.root, Some(&self.base_url))
    }

    /// Loads, validates and renders everything.
    pub(crate) fn rebuild_all(&mut self) -> Result<Rebuilt, BuildError> {
        let started = Instant::now();
        let result = self.try_rebuild_all();
        match result {
            Ok(pages) => {
                self.set_errors(Vec::new());
                Ok(Rebuilt {
                    pages,
                    full: true,
                    paths: Vec::new(),
                    elapsed: started.elapsed(),
                })
            }
            Err(e) => {
                self.set_errors(e.diagnostics.clone());
                Err(e)
            }
        }
    }

    fn try_rebuild_all(&mut self) -> Result<usize, BuildError> {
        self.full_pending = true;
        // Every page is rendered anew.
        self.forget_tail();
        // Organizations, metrics or settings may have changed: every report is
        // validated and checked again.
        self.forget_checked();
        let config = self.config()?;
        let sources = load::load(&self.root);
        let mut sources = match sources {
            Ok(s) => s,
            Err(e) => {
                self.sources = None;
                return Err(BuildError::new(e));
            }
        };
        let site = validate::validate_since(
            config,
            &mut sources,
            &|_| None,
            validate::Bodies::Keep,
            &mut self.checks,
        )
        .map_err(BuildError::new);
        self.sources = Some(sources);
        let site = site?;
        let links = Links::new(&site);
        let theme = Theme::load(&self.root, &site.config.theme, &site.config.languages())
            .map_err(BuildError::new)?;
        let fresh = Memory::default();
        let (pages, engine, jobs) = {
            let renderer = Renderer::new(&site, &links, &theme).map_err(BuildError::new)?;
            let pages = pipeline::emit_all(
                &site,
                &self.root,
                &links,
                &theme,
                &renderer,
                &fresh,
                pipeline::Rendering::default(),
            )
            .map_err(BuildError::new)?;
            (pages, renderer.shared_engine(), job_index(&renderer))
        };
        self.store.replace_with(fresh);
        self.full_pending = false;
        let count = pages.len();
        self.remember(Good {
            site: Arc::new(site),
            links: Arc::new(links),
            theme: Arc::new(theme),
            engine,
            pages,
            jobs: Arc::new(jobs),
        });
        Ok(count)
    }

    /// Drops what is left of a partial rebuild.
    fn forget_tail(&mut self) {
        self.tail.clear();
        self.tail_errors.clear();
        self.redone.clear();
    }

    /// Whether the data files and search index lag behind the pages.
    pub(crate) fn assets_stale(&self) -> bool {
        self.assets_stale
    }

    /// Forgets the reports validated, their checks against each other and the files
    /// that did not parse: the next validation starts from nothing.
    fn forget_checked(&mut self) {
        self.cache.0.clear();
        self.checks = validate::Checks::default();
        self.broken.clear();
    }

    /// Records a good build and refreshes the report cache from it.
    fn remember(&mut self, good: Good) {
        if let Some(sources) = &self.sources {
            self.cache = validate::Validated::of(sources, &good.site);
        }
        self.good = Some(good);
    }
}

/// Whether `path` is a regular file (not reached through a link) or no longer there.
fn plain_or_gone(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => meta.file_type().is_file(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

#[cfg(test)]
mod tests;
