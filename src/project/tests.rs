//! The dev server's site in memory: a rebuild after a save re-renders what the save
//! changed, and its pages then equal a fresh build's.

use super::*;
use std::sync::atomic::{AtomicBool, Ordering};

mod links;

/// A copy of the fixture `name` in a temporary folder, with `extra` added to its
/// settings.
fn fixture(name: &str, extra: &str) -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy(&source, dir.path());
    let settings = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("{text}\n{extra}\n")).unwrap();
    dir
}

/// Replaces every `from` with `to` in the file `rel` of the site at `root`.
fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} holds {from:?}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

const BASE: &str = "http://127.0.0.1:1111/";

/// The fixture `name` with `extra` settings, copied and built in memory.
fn built(name: &str, extra: &str) -> (tempfile::TempDir, Project) {
    let site = fixture(name, extra);
    let mut project = Project::new(site.path(), BASE);
    project.rebuild_all().expect("the site builds");
    (site, project)
}

/// Every page `project` serves differs from a fresh build of its site in none, and the
/// validated reports it keeps for the next save are those of its site.
fn assert_as_built(project: &Project, root: &Path) {
    let site = &project.good.as_ref().unwrap().site;
    assert_eq!(project.cache.0.len(), site.reports.len());
    for report in &site.reports {
        let kept = &project.cache.0[&report.source].1;
        assert!(Arc::ptr_eq(kept, report), "{} is kept", report.slug);
    }
    let mut fresh = Project::new(root, BASE);
    fresh.rebuild_all().expect("the site builds");
    let built = fresh.good.as_ref().unwrap();
    let served = project.good.as_ref().unwrap();
    let mut paths: Vec<&String> = built.pages.keys().collect();
    paths.sort();
    let mut served_paths: Vec<&String> = served.pages.keys().collect();
    served_paths.sort();
    assert_eq!(paths, served_paths, "the same pages");
    for path in paths {
        let file = crate::urls::file_of(path);
        assert!(
            project.store.get(&file) == fresh.store.get(&file),
            "{path} is served as a fresh build writes it"
        );
    }
    assert_eq!(
        served.site.warnings, built.site.warnings,
        "the warnings of a fresh build"
    );
}

const REPORT: &str = "content/reports/alpha-2024.md";

/// Saves an edit to a sentence of [`REPORT`] and rebuilds.
fn record(project: &mut Project, root: &Path) -> Rebuilt {
    let (from, to) = ("to 407 members.", "to 407 members, a record.");
    edit(root, REPORT, from, to);
    project.rebuild(&[PathBuf::from(REPORT)]).expect("rebuilt")
}

/// Issue 17: a save re-rendered every page of each long list showing the report (at
/// 100,000 reports, hundreds of pages of a year or an action line); a page of a list
/// changes only when an item on it does.
#[test]
fn an_edit_in_place_redoes_only_the_pages_of_a_list_showing_what_changed() {
    // Two items a page: 2024's figures take two pages, Beta's on the second.
    let (site, mut project) = built("basic", "[pagination]\npage_size = 2");
    let root = site.path();
    let done = record(&mut project, root);
    assert!(!done.full, "a partial rebuild");
    assert!(
        done.paths.iter().any(|p| p == "/years/2024/"),
        "{:?}",
        done.paths
    );
    assert!(
        !done.paths.iter().any(|p| p == "/years/2024/page/2/"),
        "the page of Beta's figure is kept: {:?}",
        done.paths
    );
    assert_as_built(&project, root);
}

/// A figure's new value moves the change shown beside later figures of its metric:
/// the pages showing those are redone too, and every page still reads as built.
#[test]
fn an_edited_value_redoes_the_pages_showing_its_change() {
    let (site, mut project) = built("basic", "[pagination]\npage_size = 1");
    let root = site.path();
    for (from, to) in [("355", "300"), ("*many* regions", "*several* regions")] {
        edit(root, "content/reports/alpha-2023.md", from, to);
        let done = project
            .rebuild(&[PathBuf::from("content/reports/alpha-2023.md")])
            .expect("rebuilt");
        assert!(!done.full);
        assert_as_built(&project, root);
    }
}

#[test]
fn a_panic_while_rebuilding_becomes_an_error_and_the_next_rebuild_works() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let mut project = Project::new(&fixture, "http://127.0.0.1:1111/");
    let first = project.rebuild_all();
    assert!(first.is_ok(), "{first:?}");
    let result = project.guarded(|_| panic!("boom in a test"));
    let error = result.expect_err("the panic is an error");
    assert!(
        error.diagnostics[0]
            .to_string()
            .contains("internal error while rebuilding: boom in a test"),
        "{error:?}"
    );
    assert_eq!(project.errors.read().map(|e| e.len()).unwrap_or(0), 1);
    let again = project.rebuild(&[PathBuf::from("content/reports/alpha-2024.md")]);
    assert!(again.is_ok(), "{again:?}");
    assert!(project.errors.read().map(|e| e.is_empty()).unwrap_or(false));
}

/// The page at URL path `path` (`action-lines/c4/`) as `project` serves it.
fn served(project: &Project, path: &str) -> String {
    let bytes = project.store.get(&crate::urls::file_of(path)).expect(path);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Makes `project` see a save waiting until the flag returned is cleared.
fn save_waits(project: &mut Project) -> Arc<AtomicBool> {
    let waiting = Arc::new(AtomicBool::new(true));
    let flag = Arc::clone(&waiting);
    project.saved = Some(Box::new(move || flag.load(Ordering::SeqCst)));
    waiting
}

/// Issue 17: a save waited for the rest of the rebuild before it (at 100,000 reports,
/// 10 seconds of list pages); a save coming in now stops it, the next rebuilds do what
/// was left with their own pages (by path when reports come and go), and once the
/// rest is done every page reads as a fresh build writes it.
#[test]
fn a_save_cuts_the_rest_of_a_rebuild_short_and_the_rest_is_done_later() {
    let (site, mut project) = built("basic", "[pagination]\npage_size = 1");
    let root = site.path();
    let waiting = save_waits(&mut project);

    let done = record(&mut project, root);
    assert!(done.paths.is_empty(), "the rest waits: {:?}", done.paths);
    assert!(project.tail_pending());
    assert!(served(&project, "reports/alpha-2024/").contains("a record"));
    assert!(!served(&project, "action-lines/c4/").contains("a record"));

    // Another save in place, then one removing a report, each cut short in turn.
    let beta = "content/reports/beta-2024.md";
    edit(
        root,
        beta,
        "Training for young people.",
        "Training for the young.",
    );
    project.rebuild(&[PathBuf::from(beta)]).expect("rebuilt");
    assert!(project.tail_pending());
    std::fs::remove_file(root.join("content/reports/alpha-2023.md")).unwrap();
    project
        .rebuild(&[PathBuf::from("content/reports/alpha-2023.md")])
        .expect("rebuilt");
    assert!(project.tail_pending());

    waiting.store(false, Ordering::SeqCst);
    let rest = project.finish_tail().expect("the rest is done");
    assert!(!project.tail_pending());
    assert!(
        rest.paths.iter().any(|p| p == "/action-lines/c4/"),
        "{:?}",
        rest.paths
    );
    assert!(served(&project, "action-lines/c4/").contains("a record"));
    assert_as_built(&project, root);
}

/// The feed (newest reports) and the sitemap (every page) were not redone when a save
/// removed a report, and kept naming it.
#[test]
fn a_removed_report_leaves_the_feed_and_the_sitemap_as_built() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    std::fs::remove_file(root.join("content/reports/alpha-2023.md")).unwrap();
    project
        .rebuild(&[PathBuf::from("content/reports/alpha-2023.md")])
        .expect("rebuilt");
    assert!(!served(&project, "atom.xml").contains("alpha-2023"));
    assert_as_built(&project, root);
}

/// A save that fails while the rest of the rebuild before it waits: the rest is done
/// (it is of the last good build), and the save's error stays shown.
#[test]
fn the_rest_of_a_rebuild_keeps_the_error_of_a_save_that_failed_meanwhile() {
    let (site, mut project) = built("basic", "[pagination]\npage_size = 1");
    let root = site.path();
    let waiting = save_waits(&mut project);
    record(&mut project, root);
    assert!(project.tail_pending());
    edit(root, REPORT, "metric: alpha-grants", "metric: alpha-grant");
    assert!(project.rebuild(&[PathBuf::from(REPORT)]).is_err());
    waiting.store(false, Ordering::SeqCst);
    project.finish_tail().expect("the rest is done");
    assert!(!project.tail_pending());
    assert!(served(&project, "action-lines/c4/").contains("a record"));
    let errors = project.errors.read().unwrap().clone();
    assert!(
        errors.iter().any(|e| e.to_string().contains("alpha-grant")),
        "{errors:?}"
    );
}

/// From a red-team read: the SDG and GDC pages show the latest reports, metrics and
/// targets of their action lines, and a save left them as they were.
#[test]
fn an_edit_redoes_the_sdg_and_gdc_pages_showing_the_report() {
    let (site, mut project) = built("frame", "");
    let root = site.path();
    for (from, to) in [
        ("Alpha progress report 2024", "Alpha's report for 2024"),
        ("407", "411"),
    ] {
        edit(root, REPORT, from, to);
        let done = project.rebuild(&[PathBuf::from(REPORT)]).expect("rebuilt");
        assert!(!done.full, "a partial rebuild");
        assert_as_built(&project, root);
    }
}

/// From a red-team read: a report changed by a save that failed on another report is
/// validated by the next save, which read only the other file; it is recorded in the
/// cache of validated reports too, or every later save validates it again.
#[test]
fn a_report_changed_by_a_failed_save_is_cached_by_the_next() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    let other = "content/reports/alpha-2023.md";
    edit(root, other, "*many* regions", "*several* regions");
    edit(root, REPORT, "metric: alpha-grants", "metric: alpha-grant");
    let both = [PathBuf::from(other), PathBuf::from(REPORT)];
    assert!(project.rebuild(&both).is_err());
    edit(root, REPORT, "metric: alpha-grant", "metric: alpha-grants");
    let done = project.rebuild(&[PathBuf::from(REPORT)]).expect("rebuilt");
    assert!(!done.full, "a partial rebuild");
    assert_as_built(&project, root);
}

/// Waits for the refresh under way to end (a few seconds at most on a fixture).
fn refreshed(project: &Project) {
    let started = Instant::now();
    while project.refreshing() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the refresh ends"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The data files and search files a fresh build of the site at `root` serves, with
/// their bytes.
fn assets_of_fresh_build(root: &Path) -> Vec<(PathBuf, Option<Arc<Vec<u8>>>)> {
    let mut fresh = Project::new(root, BASE);
    fresh.rebuild_all().expect("the site builds");
    let mut names: Vec<PathBuf> = ["data/reports.json", "data/metrics.csv", "search/meta.json"]
        .iter()
        .map(PathBuf::from)
        .collect();
    for folder in ["search/docs", "search/terms", "search/vocab"] {
        names.extend((0..512).map(|i| PathBuf::from(format!("{folder}/{i}.json.gz"))));
    }
    names
        .into_iter()
        .filter_map(|name| {
            let bytes = fresh.store.get(&name)?;
            Some((name, Some(bytes)))
        })
        .collect()
}

/// Issue 17, found measuring `serve` at 10,000 reports: each pause between saves
/// started a refresh of the data files and search index while the last still ran,
/// and the server grew by a refresh's files (130 MiB) at every save. While one runs,
/// none is started and the files stay marked stale, to be refreshed after it.
#[test]
fn a_refresh_is_not_started_while_one_runs() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    record(&mut project, root);
    assert!(project.assets_stale());
    let fresh = assets_of_fresh_build(root);
    let differ = |project: &Project| {
        fresh
            .iter()
            .filter(|(name, bytes)| project.store.get(name) != *bytes)
            .count()
    };
    assert!(differ(&project) > 0, "the edit changes the search files");
    // As if a refresh started by an earlier save were still running.
    project.refreshing.store(true, Ordering::SeqCst);
    project.refresh_assets();
    assert!(project.assets_stale(), "still to be refreshed");
    std::thread::sleep(Duration::from_millis(100));
    assert!(differ(&project) > 0, "no refresh ran");
    // Once it has ended, the next pause refreshes them.
    project.refreshing.store(false, Ordering::SeqCst);
    project.refresh_assets();
    assert!(!project.assets_stale());
    refreshed(&project);
    assert_eq!(differ(&project), 0, "served as a fresh build writes them");
}

/// A refresh overtaken by a rebuild serves none of its files, stops at the first, and
/// reports no error; the files stay marked stale, even when the rebuild fails.
#[test]
fn an_overtaken_refresh_serves_none_of_its_files() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    record(&mut project, root);
    let names: Vec<PathBuf> = assets_of_fresh_build(root)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let served = |project: &Project| {
        names
            .iter()
            .map(|name| project.store.get(name))
            .collect::<Vec<_>>()
    };
    let before = served(&project);
    let refresh = project.refresh().expect("a good build");
    // A save comes in while the refresh runs, and fails.
    project.refreshing.store(true, Ordering::SeqCst);
    edit(root, REPORT, "metric: alpha-grants", "metric: alpha-grant");
    assert!(project.rebuild(&[PathBuf::from(REPORT)]).is_err());
    let errors = project.errors.read().unwrap().len();
    refresh.run();
    assert!(served(&project) == before, "nothing served");
    assert_eq!(
        project.errors.read().unwrap().len(),
        errors,
        "no error added"
    );
    assert!(project.assets_stale(), "refreshed after the next pause");
}

/// Issue 17: a save checked every report's figures against every other's, a whole-site
/// pass at each save; it checks again only the reports the edit can concern, and still
/// says what a check of every report says: an edit to one report that makes, or
/// clears, a warning or an error in another is reported so.
#[test]
fn an_edit_making_or_clearing_a_restatement_finding_in_another_report_is_reported() {
    let (site, mut project) = built("figures", "");
    let root = site.path();
    let own_2023 = "content/reports/own-2023.md";
    let rebuild = |project: &mut Project| project.rebuild(&[PathBuf::from(own_2023)]);
    // Other 2025, published before Own 2025, now states Own 2025's 511 members.
    let other = "content/reports/other-2025.md";
    // What the server prints after saving `other`, about Own 2025: with the red team,
    // the warning an edit makes in another report was kept from the terminal.
    let about_own_2025 = |project: &mut Project| -> Vec<Diagnostic> {
        let shown = project.warnings_to_show(&[PathBuf::from(other)]);
        shown
            .into_iter()
            .filter(|w| w.file == Path::new("content/reports/own-2025.md"))
            .collect()
    };
    project.warnings_to_show(&[]);
    let (nris, members) = (
        "metric: nris\n    value: 155\n    year: 2025\n    bound: at-least\n    quote: \"led to the creation of more than 155 initiatives\"",
        "metric: members\n    value: 511\n    year: 2025\n    quote: \"The coalition has 511 members.\"",
    );
    let (sentence, both) = (
        "across all continents.",
        "across all continents. The coalition has 511 members.",
    );
    edit(root, other, nris, members);
    edit(root, other, sentence, both);
    assert!(
        !project
            .rebuild(&[PathBuf::from(other)])
            .expect("rebuilt")
            .full
    );
    let shown = about_own_2025(&mut project);
    assert!(
        shown
            .iter()
            .any(|w| w.message.contains("repeats the figure of other-2025")),
        "{shown:?}"
    );
    assert!(about_own_2025(&mut project).is_empty(), "printed once");
    assert_as_built(&project, root);
    // And no longer.
    edit(root, other, members, nris);
    edit(root, other, both, sentence);
    project.rebuild(&[PathBuf::from(other)]).expect("rebuilt");
    assert!(
        project
            .good
            .as_ref()
            .unwrap()
            .site
            .warnings
            .iter()
            .all(|w| !w.message.contains("repeats"))
    );
    assert_as_built(&project, root);
    // Own 2024 restates Own 2023's 7 grants, which become 8: Own 2024's mark is wrong.
    edit(root, own_2023, "7 grants", "8 grants");
    edit(root, own_2023, "value: 7", "value: 8");
    let failed = rebuild(&mut project).expect_err("a restatement that does not hold");
    let mut fresh = Project::new(root, BASE);
    let from_scratch = fresh.rebuild_all().expect_err("the same error");
    assert_eq!(failed.diagnostics, from_scratch.diagnostics);
    assert!(
        failed.diagnostics[0]
            .message
            .contains("own-2023 states grants for 2022 as 8, not 7"),
        "{:?}",
        failed.diagnostics
    );
    edit(root, own_2023, "8 grants", "7 grants");
    edit(root, own_2023, "value: 8", "value: 7");
    rebuild(&mut project).expect("rebuilt");
    assert_as_built(&project, root);
}

/// Issue 17: an edit to a figure no other report's metric and year share, in a report
/// no mark names, has the checks look at that report alone.
#[test]
fn a_save_checks_again_only_the_reports_it_can_concern() {
    let (site, mut project) = built("figures", "");
    let root = site.path();
    let other = "content/reports/other-2025.md";
    edit(
        root,
        other,
        "across all continents",
        "across every continent",
    );
    assert!(!project.rebuild(&[PathBuf::from(other)]).unwrap().full);
    assert_eq!(project.checks.looked_at(), 1);
    // Own 2023, which Own 2024 restates, has Own 2024 checked again too.
    let own_2023 = "content/reports/own-2023.md";
    edit(root, own_2023, "the network has grown", "the network grew");
    project.rebuild(&[PathBuf::from(own_2023)]).unwrap();
    assert_eq!(project.checks.looked_at(), 2);
    assert_as_built(&project, root);
}
