//! The rest of a partial rebuild: the pages showing an edited report other than its
//! own, rendered a piece at a time so that a new save need not wait for them. A save
//! coming in stops the rest; the next rebuild renders what was left with its own pages,
//! after its edited page, and the watcher goes on with it when no save waits.

use std::collections::HashMap;
use std::time::Instant;

use crate::diagnostic::BuildError;
use crate::pipeline;
use crate::render::Renderer;

use super::{Project, Rebuilt};

/// Pages rendered between two looks for a new save, per thread of the pool: enough to
/// keep the threads busy, few enough that a save waits a fraction of a second.
const PIECE: usize = 8;

impl Project {
    /// Whether a save cut the last partial rebuild short, leaving pages to re-render.
    pub(crate) fn tail_pending(&self) -> bool {
        !self.tail.is_empty()
    }

    /// Goes on with the rest of the last partial rebuild (the watcher calls it while
    /// no save waits), until it is done or a save comes in.
    pub(crate) fn finish_tail(&mut self) -> Result<Rebuilt, BuildError> {
        let started = Instant::now();
        self.guarded(|project| match project.render_tail() {
            // The errors shown stay: those of a save that failed since the rest began
            // (the rest is of the last good build), or none.
            Ok((pages, paths)) => Ok(Rebuilt {
                pages,
                full: false,
                paths,
                elapsed: started.elapsed(),
            }),
            Err(e) => project.settle(Err(e), started),
        })
    }

    /// Renders the rest of the partial rebuild a piece at a time until it is done or
    /// [`Project::saved`] says a save came in; once it is done, checks the links of
    /// every page re-rendered since the rebuild began. Returns the pages rendered and
    /// their URL paths.
    pub(super) fn render_tail(&mut self) -> Result<(usize, Vec<String>), BuildError> {
        let Some(good) = self.good.as_mut() else {
            self.tail.clear();
            return Ok((0, Vec::new()));
        };
        let mut fresh = HashMap::new();
        {
            let renderer = Renderer::with_engine(
                &good.site,
                &good.links,
                &good.theme,
                std::sync::Arc::clone(&good.engine),
            );
            let minify = good.site.config.build.minify;
            let piece = rayon::current_num_threads().max(1) * PIECE;
            while !self.tail.is_empty() && !self.saved.as_ref().is_some_and(|saved| saved()) {
                let at = self.tail.len().saturating_sub(piece);
                let tasks = self.tail.split_off(at);
                let (pages, failed) =
                    pipeline::render_pages(&renderer, &tasks, minify, &*self.store, None);
                fresh.extend(pages);
                self.tail_errors.extend(failed);
            }
        }
        let count = fresh.len();
        let paths = fresh.keys().map(|p| format!("/{p}")).collect();
        self.redone.extend(fresh.keys().cloned());
        good.pages.extend(fresh);
        if !self.tail.is_empty() {
            return Ok((count, paths));
        }
        let mut errors = std::mem::take(&mut self.tail_errors);
        let redone = std::mem::take(&mut self.redone);
        if errors.is_empty() {
            errors = pipeline::check_links(
                &good.site,
                &self.root,
                &good.pages,
                Some(&redone),
                &*self.store,
            );
        }
        if errors.is_empty() {
            Ok((count, paths))
        } else {
            Err(BuildError::new(errors))
        }
    }
}
