//! A partial rebuild after reports alone changed: the edited reports re-read and
//! re-checked, the indexes updated in place, and the pages showing them re-rendered,
//! the pages being looked at first.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::BuildError;
use crate::link::Links;
use crate::linkcheck::PageRefs;
use crate::load;
use crate::pipeline;
use crate::render::{Job, Renderer, Task};
use crate::validate;

use super::{Good, Project, Rebuilt, job_index};
use crate::affected::{InPlace, affected_pages};
use crate::model::Site;

impl Project {
    /// Re-reads the changed reports and re-renders the pages they affect.
    pub(super) fn rebuild_reports(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        let started = Instant::now();
        let result = self.try_rebuild_reports(changed);
        self.settle(result, started)
    }

    /// The outcome of a partial rebuild (or of its rest) started at `started`, its
    /// errors shown on the served pages.
    pub(super) fn settle(
        &mut self,
        result: Result<(usize, Vec<String>), BuildError>,
        started: Instant,
    ) -> Result<Rebuilt, BuildError> {
        match result {
            Ok((pages, paths)) => {
                self.set_errors(Vec::new());
                Ok(Rebuilt {
                    pages,
                    full: false,
                    paths,
                    elapsed: started.elapsed(),
                })
            }
            Err(e) => {
                self.set_errors(e.diagnostics.clone());
                Err(e)
            }
        }
    }

    fn try_rebuild_reports(
        &mut self,
        changed: &[PathBuf],
    ) -> Result<(usize, Vec<String>), BuildError> {
        let config = self.config()?;
        let Some(sources) = self.sources.as_mut() else {
            return self.try_rebuild_all().map(|n| (n, Vec::new()));
        };
        let mut added = false;
        for rel in changed {
            self.broken.remove(rel);
            let path = self.root.join(rel);
            // Anything there is read, so that a named pipe or a folder in a report's
            // place is an error naming it, not a removed report.
            let read = if path.exists() {
                match load::read_text(&path, rel).and_then(|t| load::parse_report(&t, rel)) {
                    Ok(raw) => Some(raw),
                    Err(e) => {
                        self.broken.insert(rel.clone(), e);
                        None
                    }
                }
            } else {
                None
            };
            // Replaced where it stands: removing and re-sorting moved every report
            // after it, which on a large site took longer than reading the file.
            let at = sources.reports.iter().position(|r| r.front.file == *rel);
            match (at, read) {
                (Some(i), Some(raw)) => {
                    sources.reports[i] = raw;
                }
                (Some(i), None) => {
                    sources.reports.remove(i);
                }
                (None, Some(raw)) => {
                    sources.reports.push(raw);
                    added = true;
                }
                (None, None) => {}
            }
        }
        if added {
            sources
                .reports
                .sort_by(|a, b| a.front.file.cmp(&b.front.file));
        }
        if !self.broken.is_empty() {
            return Err(BuildError::new(self.broken.values().cloned().collect()));
        }
        let cache = &self.cache;
        let reuse = |raw: &load::RawReport| cache.get(raw);
        let t = Instant::now();
        let site = validate::validate_since(
            config,
            sources,
            &reuse,
            validate::Bodies::Keep,
            &mut self.checks,
        )
        .map_err(BuildError::new)?;
        pipeline::timing("partial: validate", t);
        let t = Instant::now();
        let Some(old) = self.good.take() else {
            return self.try_rebuild_all().map(|n| (n, Vec::new()));
        };
        // What a save cut short of the last rebuild is done with this one's pages.
        let tail = std::mem::take(&mut self.tail);
        self.tail_errors.clear();
        let updated = Links::update(&old.links, &old.site, &site);
        let in_place = updated.is_some();
        let links = updated.unwrap_or_else(|| Links::new(&site));
        pipeline::timing("partial: link", t);
        let theme = Arc::clone(&old.theme);
        let engine = Arc::clone(&old.engine);
        let renderer = Renderer::with_engine(&site, &links, &theme, Arc::clone(&engine));
        let minify = site.config.build.minify;

        // The edited reports' own pages first, announced at once, so the page the
        // editor looks at reloads before the indexes and other pages are worked out:
        // in the language a browser has it open in (the default language if none
        // has), then in the others.
        // Compared as bytes: a path's `==` compares it a component at a time, which
        // over 100,000 reports took longer than rendering the page.
        let edited: Vec<Task> = site
            .report_ids()
            .filter(|(_, r)| {
                changed
                    .iter()
                    .any(|c| c.as_os_str() == r.source.as_os_str())
            })
            .flat_map(|(id, _)| renderer.in_every_language(Job::Report(id)))
            .collect();
        let (mut now, mut soon) = self.viewed_first(&renderer, &edited);
        if now.is_empty() {
            (now, soon) = edited.iter().partition(|t| t.lang == 0);
        }
        let mut fresh = HashMap::new();
        let mut errors = Vec::new();
        self.render_and_announce(&renderer, &now, minify, &mut fresh, &mut errors);
        pipeline::timing("partial: edited page shown", t);
        self.render_and_announce(&renderer, &soon, minify, &mut fresh, &mut errors);
        pipeline::timing("partial: edited page in every language", t);

        let t = Instant::now();
        let mut pages = old.pages;
        let moved = in_place
            .then(|| InPlace::new(&old.site, &old.links, &site, &links))
            .flatten();
        let (rest, jobs) = match &moved {
            // Every page is where it was: the changed reports say which to redo, and
            // of a long list only the pages showing what changed.
            Some(moved) => {
                let rest: Vec<Task> = moved
                    .pages(&site, &old.links, &links)
                    .iter()
                    .filter_map(|path| old.jobs.get(path))
                    .flat_map(|&job| {
                        let renderer = &renderer;
                        renderer
                            .parts_showing(job, moved)
                            .into_iter()
                            .flat_map(move |part| {
                                renderer
                                    .in_every_language(job)
                                    .map(move |t| Task { part, ..t })
                            })
                    })
                    .chain(tail)
                    .filter(|t| !edited.contains(t))
                    .collect::<HashSet<Task>>()
                    .into_iter()
                    .collect();
                (rest, Arc::clone(&old.jobs))
            }
            None => {
                // The tasks left name the old site's reports: their pages are redone
                // by path.
                let before =
                    Renderer::with_engine(&old.site, &old.links, &theme, Arc::clone(&engine));
                let left: HashSet<String> =
                    tail.iter().map(|t| before.page(t.job).path()).collect();
                drop(before);
                let rest = self.moved_pages(
                    left,
                    (&old.site, &old.links),
                    (&site, &links),
                    &renderer,
                    &mut pages,
                );
                let rest = rest.into_iter().filter(|t| !edited.contains(t)).collect();
                (rest, Arc::new(job_index(&renderer)))
            }
        };
        pipeline::timing("partial: affected pages", t);
        // Another open page that shows the report (its action line, say) is announced
        // as soon as it is rendered too.
        let (open, rest) = self.viewed_first(&renderer, &rest);
        self.render_and_announce(&renderer, &open, minify, &mut fresh, &mut errors);
        let count = fresh.len();
        self.redone.extend(fresh.keys().cloned());
        pages.extend(fresh);
        // The data files and the search index cover the whole site and take a while
        // on a large one: they are refreshed after the page is shown
        // ([`Project::refresh_assets`]).
        self.assets_stale = true;
        // The renderer borrows the site and links, which the good build now takes.
        drop(renderer);
        let good = Good {
            site: Arc::new(site),
            links: Arc::new(links),
            theme,
            engine,
            pages,
            jobs,
        };
        match &moved {
            // The other reports are the very ones cached: only the changed ones are
            // recorded, rather than the cache made anew from every report. A changed
            // report need not be a file this save read (one validated again because
            // an earlier save failed on another file): its text is looked up among
            // the sources, which are sorted by file.
            Some(moved) => {
                let raws = self.sources.as_ref().map_or(&[][..], |s| &s.reports[..]);
                for id in moved.reports() {
                    let report = &good.site.reports[id.index()];
                    let raw = raws
                        .binary_search_by(|r| r.front.file.cmp(&report.source))
                        .ok()
                        .or_else(|| raws.iter().position(|r| r.front.file == report.source))
                        .map(|i| &raws[i]);
                    if let Some(raw) = raw {
                        let entry = (raw.fingerprint, Arc::clone(report));
                        self.cache.0.insert(report.source.clone(), entry);
                    }
                }
                self.good = Some(good);
            }
            None => self.remember(good),
        }
        self.tail = rest;
        if !errors.is_empty() {
            // Shown at once; the rest still follows, and its end reports them again.
            self.tail_errors = errors.clone();
            return Err(BuildError::new(errors));
        }
        let (more, later) = self.render_tail()?;
        Ok((count + more, later))
    }

    /// After an edit that moved reports (added, removed, renamed, or moved in the
    /// site's order): the pages of reports and years no longer there dropped from
    /// `pages` and the served files, and the tasks of every page showing something of
    /// the changed reports, in every language and, for a list, all its pages (an item
    /// may have moved from page to page).
    fn moved_pages(
        &self,
        left: HashSet<String>,
        (old, old_links): (&Site, &Links),
        (site, links): (&Site, &Links),
        renderer: &Renderer<'_>,
        pages: &mut HashMap<String, PageRefs>,
    ) -> Vec<Task> {
        let mut affected = affected_pages(old, old_links, site, links);
        affected.extend(left);
        let all_tasks = renderer.tasks();
        let existing: HashSet<String> = all_tasks.iter().map(|&t| renderer.path(t)).collect();
        let gone: Vec<String> = pages
            .keys()
            .filter(|p| !existing.contains(*p))
            .cloned()
            .collect();
        for path in gone {
            pages.remove(&path);
            self.store.remove(&crate::urls::file_of(&path));
        }
        // `affected` holds the pages' paths in the default language: a task's page
        // is its list's first, whichever page of the list it renders.
        all_tasks
            .into_iter()
            .filter(|&t| affected.contains(&renderer.page(t.job).path()))
            .collect()
    }

    /// `tasks` split into the pages a browser has open and the others.
    fn viewed_first(&self, renderer: &Renderer<'_>, tasks: &[Task]) -> (Vec<Task>, Vec<Task>) {
        match &self.viewed {
            Some(viewed) => tasks
                .iter()
                .partition(|&&t| viewed(&format!("/{}", renderer.path(t)))),
            None => (Vec::new(), tasks.to_vec()),
        }
    }

    /// Renders `tasks` into the served files and, if no page so far has failed, tells
    /// [`Project::on_early_pages`] their paths at once.
    fn render_and_announce(
        &self,
        renderer: &Renderer<'_>,
        tasks: &[Task],
        minify: bool,
        fresh: &mut HashMap<String, PageRefs>,
        errors: &mut Vec<crate::diagnostic::Diagnostic>,
    ) {
        if tasks.is_empty() {
            return;
        }
        let (pages, failed) = pipeline::render_pages(renderer, tasks, minify, &*self.store, None);
        errors.extend(failed);
        let paths: Vec<String> = pages.keys().map(|p| format!("/{p}")).collect();
        fresh.extend(pages);
        if errors.is_empty()
            && !paths.is_empty()
            && let Some(notify) = &self.on_early_pages
        {
            notify(&paths);
        }
    }
}
