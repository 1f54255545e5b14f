//! The incremental build's rendering: each page's context is built and fingerprinted;
//! a page whose fingerprint is the previous build's, and whose file the live output
//! still holds untouched, is kept from it, and every other page is rendered.

use super::Incremental;
use crate::diagnostic::Diagnostic;
use crate::linkcheck::PageRefs;
use crate::model::Site;
use crate::pipeline::{Progress, Sink, each_page, write_page};
use crate::render::{Job, Renderer, Task};
use std::collections::HashMap;
use std::sync::atomic::Ordering;

/// Renders (or keeps) `tasks` into `sink` as [`crate::pipeline::render_pages`] does,
/// recording each page in `cache` for the next build. `site` is the one `renderer`
/// renders.
pub(crate) fn render_pages(
    cache: &Incremental,
    site: &Site,
    renderer: &Renderer<'_>,
    tasks: &[Task],
    minify: bool,
    sink: &dyn Sink,
    progress: Option<&Progress>,
) -> (HashMap<String, PageRefs>, Vec<Diagnostic>) {
    each_page(tasks, progress, |task| {
        page(cache, site, renderer, task, minify, sink)
    })
}

/// One page: kept from the previous build when it would render the same, else
/// rendered and written. A page no changed report reaches is kept without even
/// building its context.
fn page(
    cache: &Incremental,
    site: &Site,
    renderer: &Renderer<'_>,
    task: Task,
    minify: bool,
    sink: &dyn Sink,
) -> Result<(String, PageRefs), Diagnostic> {
    if task.job.shows_known_reports() && cache.unaffected(&renderer.page(task.job).path()) {
        let path = renderer.path(task);
        if let Some(before) = cache.previous(&path)
            && sink.keep(&crate::urls::file_of(&path), before.output)?
        {
            cache.record(path.clone(), before.context, before.output, false);
            cache.unseen.fetch_add(1, Ordering::Relaxed);
            return Ok((path, before.refs.clone()));
        }
    }
    // A report page is the one context showing a report's HTML, which was read back
    // from the cache unchecked: checked once the context is made, which unpacked it.
    // HTML that does not unpack (crafted, or left in the reports file and changed
    // since) gave the empty string and is unsound from then on: never written as the
    // page. (Checking before as well read and inflated the HTML twice.)
    let prepared = renderer.prepare(task);
    if let Job::Report(id) = task.job {
        cache.sound(site.report(id))?;
    }
    let context = prepared.fingerprint();
    if let Some(before) = cache
        .previous(&prepared.path)
        .filter(|e| e.context == context)
    {
        let file = crate::urls::file_of(&prepared.path);
        if sink.keep(&file, before.output)? {
            cache.record(prepared.path.clone(), context, before.output, false);
            return Ok((prepared.path, before.refs.clone()));
        }
    }
    let (path, refs, output) = write_page(renderer.finish(prepared)?, minify, sink)?;
    cache.record(path.clone(), context, output, true);
    Ok((path, refs))
}
