//! Watching the site's sources and rebuilding on every save.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::broadcast;

use crate::project::Project;

/// How long without an event ends a save's burst of events.
const QUIET: Duration = Duration::from_millis(2);
/// The longest a burst is waited for, so that a stream of changes (a tool writing
/// many files) still rebuilds.
const MOST: Duration = Duration::from_millis(50);

/// The watcher's events, as the watching thread receives them: the changed paths of
/// the site's sources, relative to the root ([`relevant`]).
pub(super) type Events = std::sync::mpsc::Receiver<Vec<PathBuf>>;

/// Starts watching the site root; `None` (with a warning) where the system cannot.
/// Each event changing the site's sources is counted in `saved` and sent on `tx`; the
/// watching thread counts each one it takes back off ([`take`]): while events wait,
/// the rest of a rebuild waits ([`crate::project::Project::saved`]). A count, not a
/// flag, so that taking some events never hides others still queued.
pub(super) fn start_watching(
    root: &Path,
    tx: std::sync::mpsc::Sender<Vec<PathBuf>>,
    saved: Arc<AtomicUsize>,
) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let handler = move |event: notify::Result<notify::Event>| {
        let changed = relevant(&canonical, event);
        if !changed.is_empty() {
            // Counted before it is sent, so the count never falls below zero.
            saved.fetch_add(1, Ordering::SeqCst);
            let _ = tx.send(changed);
        }
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("warning: cannot watch for changes: {e}");
            return None;
        }
    };
    for (path, recursive) in watched(root) {
        let mode = if recursive {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if let Err(e) = watcher.watch(&path, mode) {
            eprintln!("warning: cannot watch {}: {e}", path.display());
            return None;
        }
    }
    Some(watcher)
}

/// The folders of the site root watched with what is below them.
const SOURCES: [&str; 3] = ["content", "themes", "static"];

/// What the server watches, and whether with what is below it: the root alone (for
/// `site.toml`, and a source folder made or removed), and each source folder there
/// is in full. Not the whole root: the output and its spare tree, a folder per
/// page, took every watch the system allows at 100,000 reports. A source folder made
/// after the start is added when the root's event for it comes ([`watch_new_sources`]).
fn watched(root: &Path) -> Vec<(PathBuf, bool)> {
    let mut out = vec![(root.to_path_buf(), false)];
    for folder in SOURCES {
        let path = root.join(folder);
        if path.is_dir() {
            out.push((path, true));
        }
    }
    out
}

/// Watches in full each source folder among `changed` (paths relative to `root`)
/// that is now a folder: one made, or moved in, after the server started, which the
/// root's own watch sees but not what is below it. Done before the rebuild the event
/// starts, so that a file written there from then on is seen; what was written there
/// before is read by that rebuild. Watching a folder already watched changes nothing.
fn watch_new_sources(watcher: &mut impl notify::Watcher, root: &Path, changed: &[PathBuf]) {
    for rel in changed {
        if !SOURCES.iter().any(|s| rel == Path::new(s)) {
            continue;
        }
        let path = root.join(rel);
        // As at the start ([`watched`]): a removed one is not watched.
        if !path.is_dir() {
            continue;
        }
        if let Err(e) = watcher.watch(&path, notify::RecursiveMode::Recursive) {
            eprintln!("warning: cannot watch {}: {e}", path.display());
        }
    }
}

/// Rebuilds on every change the watcher reports, then tells open pages to reload.
pub(super) fn watch(
    root: &Path,
    rx: &Events,
    saved: &AtomicUsize,
    watcher: Option<notify::RecommendedWatcher>,
    mut project: Project,
    reload: broadcast::Sender<String>,
) {
    // Each event names the pages to reload, as a JSON list of URL paths, or "*".
    let early = reload.clone();
    project.on_early_pages = Some(Box::new(move |paths: &[String]| {
        let _ = early.send(serde_json::to_string(paths).unwrap_or_else(|_| "\"*\"".into()));
    }));
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut saves = Saves {
        root: &root,
        rx,
        saved,
        watcher,
    };
    loop {
        // The rest of a rebuild a save cut short goes on while no save waits.
        if project.tail_pending() {
            match take(rx.try_recv(), saved) {
                Ok(first) => {
                    let changed = saves.burst(first);
                    handle(&root, &mut project, &reload, &changed);
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    let t = std::time::Instant::now();
                    let result = project.finish_tail();
                    crate::pipeline::timing("serve: rest of a rebuild", t);
                    report(&root, &mut project, &reload, &[], result);
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break,
            }
            continue;
        }
        // After a partial rebuild the data files and search index are refreshed once
        // the editor pauses for a second, so a burst of saves is not held up by them.
        let first = if project.assets_stale() {
            match take(rx.recv_timeout(Duration::from_secs(1)), saved) {
                Ok(event) => event,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    project.refresh_assets();
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match take(rx.recv(), saved) {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        let changed = saves.burst(first);
        handle(&root, &mut project, &reload, &changed);
    }
}

/// What a receive gave, an event counted off `saved` as taken.
fn take<E>(received: Result<Vec<PathBuf>, E>, saved: &AtomicUsize) -> Result<Vec<PathBuf>, E> {
    if received.is_ok() {
        saved.fetch_sub(1, Ordering::SeqCst);
    }
    received
}

/// The watcher and the events it sends, for the watching thread.
struct Saves<'a> {
    root: &'a Path,
    rx: &'a Events,
    saved: &'a AtomicUsize,
    watcher: Option<notify::RecommendedWatcher>,
}

impl Saves<'_> {
    /// The changed paths of a save whose first event is `first`, a source folder
    /// among them now watched in full.
    fn burst(&mut self, first: Vec<PathBuf>) -> Vec<PathBuf> {
        let mut changed = first;
        // An editor's save is often several events (write, rename, metadata), which
        // come within a millisecond: they are taken together once a moment passes
        // without one, rather than after a fixed wait that every save would pay.
        let burst = std::time::Instant::now();
        while burst.elapsed() < MOST {
            match take(self.rx.recv_timeout(QUIET), self.saved) {
                Ok(more) => changed.extend(more),
                Err(_) => break,
            }
        }
        // Events still queued, and whatever comes in from now on, are a new save,
        // which stops the rest of this one.
        changed.sort();
        changed.dedup();
        crate::pipeline::timing("serve: a save's events taken", burst);
        if let Some(watcher) = &mut self.watcher {
            watch_new_sources(watcher, self.root, &changed);
        }
        changed
    }
}

/// Rebuilds after the save that changed `changed`.
fn handle(
    root: &Path,
    project: &mut Project,
    reload: &broadcast::Sender<String>,
    changed: &[PathBuf],
) {
    let t = std::time::Instant::now();
    let result = project.rebuild(changed);
    crate::pipeline::timing("serve: rebuild", t);
    report(root, project, reload, changed, result);
}

/// Prints what a rebuild after `changed` did (or its errors) and tells open pages to
/// reload.
fn report(
    root: &Path,
    project: &mut Project,
    reload: &broadcast::Sender<String>,
    changed: &[PathBuf],
    result: Result<crate::project::Rebuilt, crate::diagnostic::BuildError>,
) {
    let pages = match &result {
        Ok(done) if !done.full => {
            serde_json::to_string(&done.paths).unwrap_or_else(|_| "\"*\"".into())
        }
        _ => "\"*\"".into(),
    };
    match result {
        Ok(done) => {
            for w in project.warnings_to_show(changed) {
                eprintln!("warning: {w}");
            }
            let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
            let what = if names.is_empty() {
                "the rest of the last save".to_string()
            } else {
                names.join(", ")
            };
            println!(
                "Rebuilt {} page{} in {:.0?} ({what}{}{})",
                done.pages,
                if done.pages == 1 { "" } else { "s" },
                done.elapsed,
                if done.full { ", full rebuild" } else { "" },
                if project.tail_pending() {
                    "; the rest waits for the save that came in"
                } else {
                    ""
                }
            )
        }
        Err(e) => eprint!("{}", e.render(root, crate::diagnostic::use_color())),
    }
    let _ = reload.send(pages);
}

/// The changed paths of an event that belong to the site's sources, relative to the
/// root: `site.toml`, `content/`, `themes/`, `static/`; editors' temporary files are
/// left out.
fn relevant(root: &Path, event: notify::Result<notify::Event>) -> Vec<PathBuf> {
    let Ok(event) = event else { return Vec::new() };
    if event.kind.is_access() {
        return Vec::new();
    }
    event
        .paths
        .into_iter()
        .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|rel| {
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let temporary = name.starts_with(".#")
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".tmp");
            // Under content/ only the files the site is made of: an editor's or a
            // tool's scratch file there must not trigger a full rebuild. A path
            // without an extension may be a folder moved, renamed or removed, whose
            // files get no events of their own (not a hidden one: `.DS_Store`).
            let content_file = rel.starts_with("content")
                && match rel.extension() {
                    Some(e) => e == "md" || e == "yaml" || e == "yml",
                    None => !name.starts_with('.'),
                };
            !temporary
                && (rel == Path::new("site.toml")
                    || content_file
                    || ["themes", "static"].iter().any(|d| rel.starts_with(d)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From a red-team read: the flag the watcher cleared after taking a save's events
    /// also hid the events still queued, so the rest of a rebuild ran to its end
    /// before the next save was taken.
    #[test]
    fn taking_some_events_leaves_those_still_queued_counted() {
        let (tx, rx) = std::sync::mpsc::channel();
        let saved = AtomicUsize::new(0);
        for name in ["a.md", "b.md", "c.md"] {
            saved.fetch_add(1, Ordering::SeqCst);
            tx.send(vec![PathBuf::from(name)]).unwrap();
        }
        assert_eq!(
            take(rx.try_recv(), &saved).unwrap(),
            [PathBuf::from("a.md")]
        );
        assert_eq!(saved.load(Ordering::SeqCst), 2, "two saves still wait");
        take(rx.try_recv(), &saved).unwrap();
        take(rx.try_recv(), &saved).unwrap();
        assert!(take(rx.try_recv(), &saved).is_err());
        assert_eq!(saved.load(Ordering::SeqCst), 0, "none waits");
    }

    /// From a red-team read: a folder of reports moved or renamed gives one event, on
    /// the folder, none for its files; the filter dropped it (no `.md`), so the server
    /// went on with the reports at their old paths.
    #[test]
    fn a_folder_moved_under_content_is_a_change_and_a_hidden_file_is_not() {
        use notify::event::{EventKind, ModifyKind, RenameMode};
        let root = Path::new("/site");
        let event = notify::Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))
            .add_path(root.join("content/reports/2024"))
            .add_path(root.join("content/reports/old"))
            .add_path(root.join("content/reports/.DS_Store"))
            .add_path(root.join("content/reports/notes.txt"));
        assert_eq!(
            relevant(root, Ok(event)),
            [
                PathBuf::from("content/reports/2024"),
                PathBuf::from("content/reports/old")
            ]
        );
    }

    /// From the benchmark at 100,000 reports: the whole root was watched, with the
    /// output and its spare tree, and the system's limit on watches was reached.
    #[test]
    fn the_sources_are_watched_and_not_the_output() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        for folder in [
            "content/reports",
            "themes",
            "public/reports",
            ".public.wsis-staging",
        ] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        assert_eq!(
            watched(root),
            [
                (root.to_path_buf(), false),
                (root.join("content"), true),
                (root.join("themes"), true)
            ]
        );
    }

    /// From a red-team read: a source folder made after the server started (a new
    /// site's `static/`, `content/` restored from a copy) was watched from the next
    /// start only, so saves in it showed nothing.
    #[test]
    fn a_source_folder_made_after_the_start_is_watched() {
        use notify::Watcher;
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let seen = root.clone();
        let mut watcher = notify::recommended_watcher(move |e| {
            let _ = tx.send(relevant(&seen, e));
        })
        .unwrap();
        watcher
            .watch(&root, notify::RecursiveMode::NonRecursive)
            .unwrap();
        let saved = |rx: &std::sync::mpsc::Receiver<Vec<PathBuf>>, file: &Path| {
            let end = std::time::Instant::now() + Duration::from_secs(3);
            while let Some(left) = end.checked_duration_since(std::time::Instant::now()) {
                match rx.recv_timeout(left) {
                    Ok(paths) if paths.iter().any(|p| p == file) => return true,
                    Ok(_) => {}
                    Err(_) => return false,
                }
            }
            false
        };
        std::fs::create_dir_all(root.join("static/css")).unwrap();
        watch_new_sources(&mut watcher, &root, &[PathBuf::from("static")]);
        std::fs::write(root.join("static/css/site.css"), "p {}").unwrap();
        assert!(
            saved(&rx, Path::new("static/css/site.css")),
            "a file saved in the new folder is seen"
        );
        // Without it, only the root's own entries are seen.
        std::fs::create_dir_all(root.join("content/reports")).unwrap();
        std::fs::write(root.join("content/reports/a-2024.md"), "x").unwrap();
        assert!(!saved(&rx, Path::new("content/reports/a-2024.md")));
    }
}
