//! The incremental build checks only the links of pages whose links or ids changed
//! when no page came or went and no page's ids changed; otherwise every page's. Each
//! case: a link broken by an edit is reported by the incremental build exactly as by a
//! fresh build of the same sources, wherever the link is.

use crate::common;

use common::Site;
use common::incremental::FIXTURE;

/// The fixture with `prepare` applied, built once; then `change` applied and built
/// incrementally, which must fail as a fresh build of a copy fails. Returns the
/// incremental build's errors.
fn fails_as_fresh(prepare: impl Fn(&Site), change: impl Fn(&Site)) -> String {
    let site = Site::fixture(FIXTURE);
    prepare(&site);
    site.build_ok();
    change(&site);
    let run = site.build(&[]);
    assert!(!run.ok, "the broken link fails the build:\n{}", run.stdout);
    let fresh = site.sources_copy().build(&["--fresh"]);
    assert!(!fresh.ok, "the fresh build fails too");
    assert_eq!(run.stderr, fresh.stderr);
    run.stderr
}

/// Beta's page links to a heading of Alpha's 2023 report.
fn link_to_alpha_heading(site: &Site) {
    site.edit(
        "content/reports/beta-2024.md",
        "## Mandate\n",
        "## Mandate\n\nSee [Alpha's overview](/reports/alpha-2023/#overview).\n",
    );
}

#[test]
fn a_heading_renamed_breaks_the_link_to_it_from_a_page_kept() {
    // Beta's page is not rendered again: its link is broken by the edit of the page
    // it points to, whose ids changed.
    let errors = fails_as_fresh(link_to_alpha_heading, |s| {
        s.edit("content/reports/alpha-2023.md", "## Overview", "## Summary");
    });
    assert!(
        errors.contains("content/reports/beta-2024.md")
            && errors.contains("no element with id `overview`"),
        "{errors}"
    );
}

#[test]
fn a_link_broken_in_a_page_rendered_again_is_reported() {
    let errors = fails_as_fresh(link_to_alpha_heading, |s| {
        s.edit(
            "content/reports/beta-2024.md",
            "/reports/alpha-2023/#overview",
            "/reports/alpha-2023/#nowhere",
        );
    });
    assert!(errors.contains("no element with id `nowhere`"), "{errors}");
}

#[test]
fn a_static_file_removed_breaks_the_link_to_it() {
    // No page's links or ids change: only the files written do.
    let errors = fails_as_fresh(link_to_notes, |s| {
        std::fs::remove_file(s.root.join("static/notes.txt")).unwrap()
    });
    assert!(errors.contains("broken link `/sub/notes.txt`"), "{errors}");
}

#[test]
fn an_edit_that_changes_no_link_checks_no_page_again() {
    // The common case: the page rendered again has the links and ids it had, and no
    // page's links are checked. (`WSIS_TIMINGS` says how many were.)
    let site = Site::fixture(FIXTURE);
    link_to_alpha_heading(&site);
    site.build_ok();
    site.edit(
        "content/reports/beta-2024.md",
        "Training for young people.",
        "Training for young people, twice.",
    );
    let stderr = build_timed(&site);
    assert!(stderr.contains(NO_PAGE_CHECKED), "{stderr}");
    assert!(
        site.output("reports/beta-2024/index.html")
            .contains("twice")
    );
}

#[test]
fn a_file_added_beside_the_pages_checks_no_page_again() {
    // Issue 17: a file added that no page was (a static file here; at scale, a new
    // bundle of the search index after an edit adds words) breaks no link: every
    // link resolved to a page or a file that is still there. The links were all
    // checked again, 1.2 s at 100,000 reports.
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    for (name, dir) in [("extra.txt", "static"), ("deeper/extra.txt", "static")] {
        let path = site.root.join(dir).join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "added").unwrap();
        let stderr = build_timed(&site);
        assert_eq!(pages_checked(&stderr), 0, "{name}: {stderr}");
        assert_eq!(site.output(name), "added");
    }
    // A file gone is another matter: every page is checked again (see
    // `a_static_file_removed_breaks_the_link_to_it` for the link it breaks).
    std::fs::remove_file(site.root.join("static/extra.txt")).unwrap();
    let stderr = build_timed(&site);
    assert!(pages_checked(&stderr) > 0, "{stderr}");
}

#[test]
fn an_edit_that_adds_a_search_bundle_checks_no_page_again() {
    // The case measured at 100,000 reports: an edit's new words make one more bundle
    // of the search index's terms. Here a paragraph of 12,000 words no report had
    // (letters only, so each is a term of its own) outgrows the fixture's one bundle.
    let site = Site::fixture(FIXTURE);
    link_to_alpha_heading(&site);
    site.build_ok();
    let bundles = |site: &Site| {
        std::fs::read_dir(site.root.join("public/search/terms"))
            .unwrap()
            .count()
    };
    let before = bundles(&site);
    let words: Vec<String> = (0..12_000u32)
        .map(|n| {
            let letters: String = (0..4)
                .map(|i| char::from(b'a' + (n / 26u32.pow(i) % 26) as u8))
                .collect();
            format!("qx{letters}")
        })
        .collect();
    site.edit(
        "content/reports/beta-2024.md",
        "Training for young people.",
        &format!("Training for young people.\n\n{}.", words.join(" ")),
    );
    let stderr = build_timed(&site);
    assert!(bundles(&site) > before, "no terms bundle was added");
    assert_eq!(pages_checked(&stderr), 0, "{stderr}");
    assert!(
        site.output("reports/beta-2024/index.html")
            .contains("qxaaaa")
    );
}

#[test]
fn a_linked_file_removed_while_another_is_added_breaks_the_link_to_it() {
    // Files added do not stand for files gone.
    let errors = fails_as_fresh(link_to_notes, |s| {
        std::fs::write(s.root.join("static/extra.txt"), "added").unwrap();
        std::fs::remove_file(s.root.join("static/notes.txt")).unwrap();
    });
    assert!(errors.contains("broken link `/sub/notes.txt`"), "{errors}");
}

#[test]
fn a_linked_file_removed_after_the_output_was_emptied_by_hand_breaks_the_link_to_it() {
    // From a red-team read: `rm -rf public/*` leaves the marker (a dot file), so the
    // cache still names the output; the build finds none of its files. Every file it
    // writes is then "added", and a check that asked only that the files found be
    // written again let the page's broken link through.
    let errors = fails_as_fresh(link_to_notes, |s| {
        for entry in std::fs::read_dir(s.root.join("public")).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() == ".wsis-output" {
                continue;
            }
            match path.is_dir() {
                true => std::fs::remove_dir_all(&path).unwrap(),
                false => std::fs::remove_file(&path).unwrap(),
            }
        }
        std::fs::remove_file(s.root.join("static/notes.txt")).unwrap();
    });
    assert!(errors.contains("broken link `/sub/notes.txt`"), "{errors}");
}

/// Beta's page links to the static file `notes.txt`.
fn link_to_notes(site: &Site) {
    site.edit(
        "content/reports/beta-2024.md",
        "## Mandate\n",
        "## Mandate\n\nSee [the notes](/notes.txt).\n",
    );
}

/// The stage line of a build that checked no page's links.
const NO_PAGE_CHECKED: &str = "timing: link check: pages checked: 0\n";

/// How many pages' links a build checked, from its stage lines.
fn pages_checked(stderr: &str) -> usize {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("timing: link check: pages checked: "))
        .unwrap_or_else(|| panic!("no stage line of the link check:\n{stderr}"));
    line.trim().parse().unwrap()
}

/// Builds `site` again with its stage lines (`WSIS_TIMINGS`), which must succeed; its
/// standard error.
fn build_timed(site: &Site) -> String {
    let mut build = site.command("build", &[]);
    build.env("WSIS_TIMINGS", "1");
    let run = common::run_limited(build);
    assert!(run.ok, "{}", run.stderr);
    run.stderr
}
