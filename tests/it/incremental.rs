//! The incremental build: after any kind of change, `wsis build` (keeping the pages
//! that come out as before) writes the same output, byte for byte, as a fresh build of
//! the changed sources; it renders only the pages the change reaches; and it never
//! trusts a cache that is corrupt, foreign or not a file.

use crate::common;

use std::fs;
use std::path::Path;

use common::Site;
use common::incremental::{
    BETA_2025, FIXTURE, assert_same, counts, incremental_equals_fresh, tree,
};

/// A file of the built-in theme, to override in a site's `themes/default/`.
fn built_in(rel: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default")
            .join(rel),
    )
    .unwrap()
}

#[test]
fn a_report_edited() {
    let (pages, rendered) = incremental_equals_fresh("report edited", |s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "to support 37 initiatives.",
            "to support 37 initiatives, as planned.",
        );
    });
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn only_the_pages_showing_an_edited_sentence_are_rendered() {
    // The sentence is on the report's page and, as the report's section on action line
    // C1, on that line's page: two pages in each of three languages, and no other.
    let (pages, rendered) = incremental_equals_fresh("report sentence edited", |s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "to support 37 initiatives.",
            "to support 37 initiatives, as planned.",
        );
    });
    assert!(pages > 100, "{pages}");
    assert!(
        rendered <= 9,
        "{rendered} pages of {pages} rendered for one sentence"
    );
    assert!(
        rendered >= 3,
        "the report's own page in three languages: {rendered}"
    );
}

#[test]
fn a_report_title_edited() {
    let (pages, rendered) = incremental_equals_fresh("report title edited", |s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "title: \"Alpha progress report 2024\"",
            "title: \"Alpha progress report for 2024\"",
        );
    });
    assert!(rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_report_added() {
    let (pages, rendered) = incremental_equals_fresh("report added", |s| {
        s.write("content/reports/beta-2025.md", BETA_2025);
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_report_deleted() {
    let (pages, rendered) = incremental_equals_fresh("report deleted", |s| {
        fs::remove_file(s.root.join("content/reports/alpha-2023.md")).unwrap();
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn an_organization_edited() {
    let (pages, rendered) = incremental_equals_fresh("organization edited", |s| {
        s.edit(
            "content/organizations/beta.yaml",
            "Beta Forum Secretariat",
            "Beta Forum Office",
        );
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_metric_edited() {
    let (pages, rendered) = incremental_equals_fresh("metric edited", |s| {
        s.edit(
            "content/metrics.yaml",
            "title: \"Alumni\"",
            "title: \"Alumni members\"",
        );
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_frame_file_edited() {
    let (pages, rendered) = incremental_equals_fresh("frame file edited", |s| {
        s.edit(
            "content/targets.yaml",
            "title: \"Five hundred alumni\"",
            "title: \"Five hundred alumni or more\"",
        );
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_document_edited() {
    let (pages, rendered) = incremental_equals_fresh("document edited", |s| {
        s.edit(
            "content/documents/test-dec-1.md",
            "A made-up declaration for the test suite.",
            "A made-up declaration for the tests.",
        );
    });
    // Only the pages showing it are rendered.
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_template_edited() {
    let (pages, rendered) = incremental_equals_fresh("template edited", |s| {
        let html = built_in("templates/404.html");
        let edited = html.replacen(
            "{% endblock content %}",
            "<p>Edited.</p>{% endblock content %}",
            1,
        );
        assert_ne!(edited, html);
        s.write("themes/default/templates/404.html", &edited);
    });
    // The templates are read by every page: all are rendered.
    assert_eq!(rendered, pages);
}

#[test]
fn site_toml_edited() {
    let (pages, rendered) = incremental_equals_fresh("site.toml edited", |s| {
        s.edit(
            "site.toml",
            "description = \"A small site",
            "description = \"A little site",
        );
    });
    assert_eq!(rendered, pages);
}

#[test]
fn an_interface_string_edited() {
    let (pages, rendered) = incremental_equals_fresh("interface string edited", |s| {
        s.write(
            "themes/default/i18n/en.ftl",
            "shared-reports = All reports\n",
        );
    });
    // The theme's files are read by every page: all are rendered.
    assert_eq!(rendered, pages);
}

#[test]
fn a_static_file_added() {
    let (_, rendered) = incremental_equals_fresh("static file added", |s| {
        s.write("static/more.txt", "More notes.\n");
    });
    // No page reads a plain static file.
    assert_eq!(rendered, 0);
}

#[test]
fn a_static_file_edited() {
    let (_, rendered) = incremental_equals_fresh("static file edited", |s| {
        s.write("static/notes.txt", "User notes, edited.\n");
    });
    assert_eq!(rendered, 0);
}

#[test]
fn a_static_file_deleted() {
    let (_, rendered) = incremental_equals_fresh("static file deleted", |s| {
        fs::remove_file(s.root.join("static/notes.txt")).unwrap();
    });
    assert_eq!(rendered, 0);
}

#[test]
fn a_stylesheet_edited() {
    // Pages link the stylesheet by a name fingerprinting its bytes: all change.
    let (pages, rendered) = incremental_equals_fresh("stylesheet edited", |s| {
        let css = built_in("static/style.css");
        s.write(
            "static/style.css",
            &format!("{css}\n.edited {{ color: red; }}\n"),
        );
    });
    assert_eq!(rendered, pages);
}

#[test]
fn an_edit_and_its_undoing() {
    // The cache an incremental build writes is right in its turn: undoing an edit
    // brings back the first output.
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = tree(&site);
    let (from, to) = (
        "to support 37 initiatives.",
        "to support 37 initiatives, as planned.",
    );
    site.edit("content/reports/alpha-2024.md", from, to)
        .build_ok();
    assert!(tree(&site) != first);
    site.edit("content/reports/alpha-2024.md", to, from);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    let (pages, rendered) = counts("undo", &run.stdout);
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
    assert_same("edit undone", &tree(&site), &first);
}

#[test]
fn nothing_changed_renders_nothing() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = tree(&site);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    let (pages, rendered) = counts("no change", &run.stdout);
    assert!(pages > 100);
    assert_eq!(rendered, 0, "{}", run.stdout);
    assert_same("no change", &tree(&site), &first);
}

#[test]
fn what_a_build_killed_while_writing_the_cache_left_is_replaced() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    // A build killed while writing its cache leaves the half-written file.
    fs::write(site.root.join(".public.wsis-cache.tmp"), b"half a cache").unwrap();
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(counts("after a killed cache write", &run.stdout).1, 0);
    let leftovers = common::leftovers(&site);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn fresh_renders_every_page_and_writes_a_cache_the_next_build_uses() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let run = site.build(&["--fresh"]);
    assert!(run.ok, "{}", run.stderr);
    let (pages, rendered) = counts("--fresh", &run.stdout);
    assert_eq!(rendered, pages);
    let run = site.build(&[]);
    assert_eq!(counts("after --fresh", &run.stdout).1, 0, "{}", run.stdout);
}

#[test]
fn a_page_changed_by_hand_in_the_output_is_rendered_again() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let first = tree(&site);
    let page = site.root.join("public/organizations/beta/index.html");
    fs::write(&page, "changed by hand").unwrap();
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(counts("hand edit", &run.stdout).1, 1, "{}", run.stdout);
    assert_same("page changed by hand", &tree(&site), &first);
}

/// The cache file of the fixture's output.
fn cache_of(site: &Site) -> std::path::PathBuf {
    site.root.join(".public.wsis-cache")
}

/// Builds the fixture, spoils its cache with `spoil`, edits a report and builds
/// again: the build warns naming the cache and `warning`, renders every page, and
/// writes the output a fresh build writes.
fn spoiled(case: &str, warning: &str, spoil: impl Fn(&Site)) -> Site {
    spoiled_in(case, ".public.wsis-cache", warning, spoil)
}

/// [`spoiled`] where the warning names `file`, the one spoiled.
fn spoiled_in(case: &str, file: &str, warning: &str, spoil: impl Fn(&Site)) -> Site {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    assert!(cache_of(&site).is_file(), "the build writes its cache");
    spoil(&site);
    site.edit(
        "content/reports/alpha-2024.md",
        "to support 37 initiatives.",
        "to support 37 initiatives, as planned.",
    );
    let run = site.build(&[]);
    assert!(run.ok, "{case}: {}", run.stderr);
    let (pages, rendered) = counts(case, &run.stdout);
    assert_eq!(rendered, pages, "{case}: a spoiled cache is never trusted");
    let warned = run
        .stderr
        .lines()
        .any(|l| l.starts_with("warning:") && l.contains(file) && l.contains(warning));
    assert!(
        warned,
        "{case}: no warning saying {warning:?}:\n{}",
        run.stderr
    );
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    assert_same(case, &tree(&site), &tree(&fresh));
    site
}

/// Checks that the build after one that ignored a spoiled cache uses the good cache
/// that build wrote: nothing rendered, nothing said of the cache.
fn recovers(site: &Site) {
    let run = site.build(&[]);
    assert_eq!(counts("after", &run.stdout).1, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("cache"), "{}", run.stderr);
}

/// Rewrites the cache through `f`, which gets its bytes.
fn rewrite(site: &Site, f: impl Fn(&mut Vec<u8>)) {
    let mut bytes = fs::read(cache_of(site)).unwrap();
    f(&mut bytes);
    fs::write(cache_of(site), bytes).unwrap();
}

/// The build cache's reports file beside the fixture's output, which a warning names
/// when that file is what cannot be used.
const REPORTS: &str = ".public.wsis-reports";

/// The cache's header: magic, format, length, checksum.
const HEADER: usize = 11 + 4 + 8 + 16;

#[test]
fn a_truncated_cache_is_ignored_with_a_warning() {
    let site = spoiled("truncated", "truncated", |s| {
        rewrite(s, |b| b.truncate(b.len() / 2))
    });
    recovers(&site);
}

#[test]
fn a_cache_with_a_flipped_byte_is_ignored_with_a_warning() {
    spoiled("flipped byte", "corrupt", |s| {
        rewrite(s, |b| {
            let at = HEADER + (b.len() - HEADER) / 2;
            b[at] ^= 0x01;
        })
    });
}

#[test]
fn a_cache_of_another_format_is_ignored_with_a_warning() {
    spoiled("other format", "format 99", |s| {
        rewrite(s, |b| b[11..15].copy_from_slice(&99u32.to_le_bytes()))
    });
}

#[test]
fn a_cache_of_another_wsis_is_ignored_with_a_warning() {
    spoiled("other wsis", "another wsis", |s| {
        rewrite(s, |b| {
            // The payload starts with the writer's version ("0.1.0 …", after its
            // length); another digit, and a checksum made to match.
            let at = HEADER + 1;
            assert!(b[at].is_ascii_digit());
            b[at] = if b[at] == b'9' { b'8' } else { b[at] + 1 };
            let sum = xxhash_rust::xxh3::xxh3_128(&b[HEADER..]);
            b[HEADER - 16..HEADER].copy_from_slice(&sum.to_le_bytes());
        })
    });
}

/// Rewrites the reports file beside the cache through `f`, which gets its bytes.
fn rewrite_reports(site: &Site, f: impl Fn(&mut Vec<u8>)) {
    let path = site.root.join(".public.wsis-reports");
    let mut bytes = fs::read(&path).unwrap();
    f(&mut bytes);
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_reports_file_with_a_flipped_byte_is_ignored_with_a_warning() {
    spoiled_in("reports file flipped byte", REPORTS, "reports file", |s| {
        rewrite_reports(s, |b| {
            let at = b.len() / 2;
            b[at] ^= 0x01;
        })
    });
}

#[test]
fn a_truncated_reports_file_is_ignored_with_a_warning() {
    spoiled_in("reports file truncated", REPORTS, "reports file", |s| {
        rewrite_reports(s, |b| b.truncate(b.len() - 1))
    });
}

#[test]
fn a_missing_reports_file_is_ignored_with_a_warning() {
    let site = spoiled_in("reports file missing", REPORTS, "reports file", |s| {
        fs::remove_file(s.root.join(".public.wsis-reports")).unwrap();
    });
    recovers(&site);
}

#[test]
fn another_output_s_reports_file_is_ignored_with_a_warning() {
    spoiled_in("another reports file", REPORTS, "reports file", |s| {
        let other = Site::fixture(FIXTURE);
        assert!(other.build(&[]).ok);
        fs::copy(
            other.root.join(".public.wsis-reports"),
            s.root.join(".public.wsis-reports"),
        )
        .unwrap();
    });
}

#[test]
fn garbage_in_place_of_the_cache_is_ignored_with_a_warning() {
    spoiled("garbage", "not a wsis cache", |s| {
        fs::write(cache_of(s), "garbage, not a cache at all").unwrap();
    });
}

#[test]
fn a_cache_of_another_output_is_ignored_with_a_warning() {
    spoiled("another output", "another output folder", |s| {
        let other = Site::fixture(FIXTURE);
        let run = other.build(&[]);
        assert!(run.ok);
        fs::copy(cache_of(&other), cache_of(s)).unwrap();
    });
}

#[test]
fn a_folder_in_place_of_the_cache_is_ignored_with_a_warning() {
    let site = spoiled("folder", "not a regular file", |s| {
        fs::remove_file(cache_of(s)).unwrap();
        fs::create_dir(cache_of(s)).unwrap();
        fs::write(cache_of(s).join("inside"), "kept").unwrap();
    });
    // The folder is left as it is, and said so: never trusted, never emptied.
    assert_eq!(
        fs::read_to_string(cache_of(&site).join("inside")).unwrap(),
        "kept"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_place_of_the_cache_is_ignored_and_never_written_through() {
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("victim");
    let good = {
        let other = Site::fixture(FIXTURE);
        assert!(other.build(&[]).ok);
        fs::read(cache_of(&other)).unwrap()
    };
    fs::write(&target, &good).unwrap();
    let site = spoiled("symbolic link", "not a regular file", |s| {
        fs::remove_file(cache_of(s)).unwrap();
        std::os::unix::fs::symlink(&target, cache_of(s)).unwrap();
    });
    assert_eq!(
        fs::read(&target).unwrap(),
        good,
        "the link's target is untouched"
    );
    assert!(cache_of(&site).is_file() && !cache_of(&site).is_symlink());
}

#[test]
fn check_neither_reads_nor_writes_the_cache() {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let cache = fs::read(cache_of(&site)).unwrap();
    site.edit(
        "content/reports/alpha-2024.md",
        "to support 37 initiatives.",
        "to support 37 initiatives, as planned.",
    );
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(fs::read(cache_of(&site)).unwrap(), cache);
}
