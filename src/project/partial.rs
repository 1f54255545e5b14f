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

use super::{Good, Project, Rebuilt};
use crate::affected::affected_pages;

impl Project {
    /// Re-reads the changed reports and re-renders the pages they affect.
    pub(super) fn rebuild_reports(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        let started = Instant::now();
        match self.try_rebuild_reports(changed) {
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
                (Some(i), Some(raw)) => sources.reports[i] = raw,
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
        let site = validate::validate(config, sources, &reuse, validate::Bodies::Keep)
            .map_err(BuildError::new)?;
        pipeline::timing("partial: validate", t);
        let t = Instant::now();
        let Some(old) = self.good.take() else {
            return self.try_rebuild_all().map(|n| (n, Vec::new()));
        };
        let links =
            Links::update(&old.links, &old.site, &site).unwrap_or_else(|| Links::new(&site));
        pipeline::timing("partial: link", t);
        let theme = Arc::clone(&old.theme);
        let engine = Arc::clone(&old.engine);
        let renderer = Renderer::with_engine(&site, &links, &theme, Arc::clone(&engine));
        let minify = site.config.build.minify;

        // The edited reports' own pages first, announced at once, so the page the
        // editor looks at reloads before the indexes and other pages are worked out:
        // in the language a browser has it open in (the default language if none
        // has), then in the others.
        let edited: Vec<Task> = site
            .report_ids()
            .filter(|(_, r)| changed.contains(&r.source))
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
        let affected = affected_pages(&old.site, &old.links, &site, &links);
        let mut pages = old.pages;
        let all_tasks = renderer.tasks();
        let existing: HashSet<String> = all_tasks.iter().map(|&t| renderer.path(t)).collect();
        // Pages of reports (or years) that no longer exist.
        let gone: Vec<String> = pages
            .keys()
            .filter(|p| !existing.contains(*p))
            .cloned()
            .collect();
        for path in gone {
            pages.remove(&path);
            self.store.remove(&crate::urls::file_of(&path));
        }
        // `affected` holds the pages' paths in the default language: a page is
        // affected in every language, and a list in all its pages (a task's page is
        // its list's first, whichever page of the list it renders), since an edit
        // may move items from page to page.
        let rest: Vec<Task> = all_tasks
            .into_iter()
            .filter(|t| !edited.contains(t))
            .filter(|&t| affected.contains(&renderer.page(t.job).path()))
            .collect();
        pipeline::timing("partial: affected pages", t);
        // Another open page that shows the report (its action line, say) is announced
        // as soon as it is rendered too.
        let (open, rest) = self.viewed_first(&renderer, &rest);
        self.render_and_announce(&renderer, &open, minify, &mut fresh, &mut errors);
        let (more, more_errors) =
            pipeline::render_pages(&renderer, &rest, minify, &*self.store, None);
        let later: Vec<String> = more.keys().map(|p| format!("/{p}")).collect();
        fresh.extend(more);
        errors.extend(more_errors);
        let count = fresh.len();
        let redone: HashSet<String> = fresh.keys().cloned().collect();
        pages.extend(fresh);
        // The data files and the search index cover the whole site and take a while
        // on a large one: they are refreshed after the page is shown
        // ([`Project::refresh_assets`]).
        self.assets_stale = true;
        if errors.is_empty() {
            errors = pipeline::check_links(&site, &self.root, &pages, Some(&redone), &*self.store);
        }
        // The renderer borrows the site and links, which the good build now takes.
        drop(renderer);
        self.remember(Good {
            site: Arc::new(site),
            links: Arc::new(links),
            theme,
            engine,
            pages,
        });
        if errors.is_empty() {
            Ok((count, later))
        } else {
            Err(BuildError::new(errors))
        }
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
        if errors.is_empty() && !paths.is_empty() {
            if let Some(notify) = &self.on_early_pages {
                notify(&paths);
            }
        }
    }
}
