//! The incremental build keeps the pages no changed report reaches without building
//! their contexts: after report edits of every kind, the output is still a fresh
//! build's, byte for byte, and most pages were never looked at.

use crate::common;

use std::fs;

use common::Site;
use common::incremental::{FIXTURE, assert_same, counts, tree};

/// Builds the fixture, applies `change`, builds again with `WSIS_TIMINGS` set, and
/// compares the output with a fresh build of the changed sources. Returns the pages
/// built, rendered, and kept without building their context.
fn unseen(case: &str, change: impl Fn(&Site)) -> (usize, usize, usize) {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    let before = tree(&site);
    change(&site);
    let out = site
        .command("build", &[])
        .env("WSIS_TIMINGS", "1")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{case}: {stderr}");
    assert!(!stderr.contains("cache was ignored"), "{case}: {stderr}");
    let after = tree(&site);
    assert!(before != after, "{case}: the change changed no output file");
    let fresh = site.sources_copy();
    let run = fresh.build(&["--fresh"]);
    assert!(run.ok, "{case}: {}", run.stderr);
    assert_same(case, &after, &tree(&fresh));
    let kept = stderr
        .lines()
        .find_map(|l| l.strip_prefix("timing: pages kept without building their context: "))
        .unwrap_or_else(|| panic!("{case}: no count of pages kept unseen in {stderr}"))
        .parse()
        .unwrap();
    let (pages, rendered) = counts(case, &stdout);
    (pages, rendered, kept)
}

/// Edits `from` to `to` in the fixture's file `rel`.
fn edit(rel: &'static str, from: &'static str, to: &'static str) -> impl Fn(&Site) {
    move |s: &Site| {
        s.edit(rel, from, to);
    }
}

#[test]
fn one_sentence_edited_leaves_most_pages_unseen() {
    let (pages, rendered, kept) = unseen(
        "sentence",
        edit(
            "content/reports/alpha-2024.md",
            "to support 37 initiatives.",
            "to support 37 initiatives, as planned.",
        ),
    );
    assert!((3..=9).contains(&rendered), "{rendered} of {pages}");
    // The other organizations' pages at least, in each of three languages.
    assert!(kept >= 6, "{kept} of {pages} kept unseen");
}

#[test]
fn two_reports_edited() {
    let (pages, _, kept) = unseen("two reports", |s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "to support 37 initiatives.",
            "to support 37 initiatives, as planned.",
        )
        .edit(
            "content/reports/alpha-2023.md",
            "We worked with partners.",
            "We worked with many partners.",
        );
    });
    assert!(kept > 0 && kept < pages, "{kept} of {pages}");
}

#[test]
fn a_report_moved_to_another_organization() {
    // Both organizations' pages change, and the metrics' pages of neither.
    let (pages, _, kept) = unseen(
        "report moved",
        edit(
            "content/reports/alpha-2023.md",
            "organization: alpha",
            "organization: agency",
        ),
    );
    assert!(kept > 0 && kept < pages, "{kept} of {pages}");
}

#[test]
fn a_report_title_edited() {
    let (pages, _, kept) = unseen(
        "title",
        edit(
            "content/reports/beta-2024.md",
            "title: \"Beta submission 2024\"",
            "title: \"Beta submission for 2024\"",
        ),
    );
    assert!(kept > 0 && kept < pages, "{kept} of {pages}");
}

#[test]
fn a_figure_value_edited_moves_every_page_of_its_metric() {
    let (pages, _, kept) = unseen("figure value", |s: &Site| {
        s.edit("content/reports/alpha-2023.md", "value: 355", "value: 356")
            .edit(
                "content/reports/alpha-2023.md",
                "counts 355 members",
                "counts 356 members",
            )
            .edit(
                "content/reports/alpha-2023.md",
                "counts 355 members",
                "counts 356 members",
            );
    });
    assert!(kept > 0 && kept < pages, "{kept} of {pages}");
}

#[test]
fn a_figure_year_edited() {
    let (pages, _, kept) = unseen(
        "figure year",
        edit(
            "content/reports/beta-2024.md",
            "    year: 2015",
            "    year: 2016",
        ),
    );
    assert!(kept < pages, "{kept} of {pages}");
}

#[test]
fn a_report_added_and_one_deleted_that_a_page_linked_to() {
    let (pages, _, kept) = unseen("added and deleted", |s: &Site| {
        fs::remove_file(s.root.join("content/reports/alpha-2023.md")).unwrap();
        s.write(
            "content/reports/beta-2025.md",
            "---\ntitle: \"Beta submission 2025\"\norganization: beta\nyear: 2025\n\
             published: 2025-11-20\nkind: review-submission\naction_lines: [C11]\n---\n\n\
             ## Cooperation\n\nThe Forum met twice.\n",
        );
    });
    assert!(kept < pages, "{kept} of {pages}");
}

#[test]
fn a_translation_retitled_changes_the_page_listing_it() {
    // beta-2024 in Arabic and in French list the English one as their translation,
    // with its title in this site's theme. The French one is no neighbour of the
    // English one (the Arabic one sits between them): retitling the English one
    // changes it all the same.
    let site = Site::fixture(FIXTURE);
    let template = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/report.html"),
    )
    .unwrap();
    let titled = template.replace("{{ tr.name }}", "{{ tr.name }} ({{ tr.title }})");
    assert_ne!(titled, template);
    site.write("themes/default/templates/report.html", &titled);
    for (lang, title) in [
        ("ar", "مساهمة بيتا 2024"),
        ("fr", "Contribution de Beta 2024"),
    ] {
        site.write(
            &format!("content/reports/beta-2024-{lang}.md"),
            &format!(
                "---\ntitle: \"{title}\"\norganization: beta\nyear: 2024\n\
                 published: 2024-11-15\nkind: review-submission\nlanguage: {lang}\n\
                 translations: [beta-2024]\n---\n\nText.\n"
            ),
        );
    }
    site.build_ok();
    site.edit(
        "content/reports/beta-2024.md",
        "title: \"Beta submission 2024\"",
        "title: \"Beta submission for 2024\"",
    );
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    let fresh = site.sources_copy();
    assert!(fresh.build(&["--fresh"]).ok);
    assert_same("translation retitled", &tree(&site), &tree(&fresh));
}

#[test]
fn a_metric_unit_changed_builds_every_context() {
    // Not a report: nothing is kept unseen.
    let (_, _, kept) = unseen(
        "metric unit",
        edit("content/metrics.yaml", "unit: people", "unit: count"),
    );
    assert_eq!(kept, 0);
}

#[test]
fn a_template_edited_builds_every_context() {
    let (pages, rendered, kept) = unseen("template", |s: &Site| {
        s.write(
            "themes/default/templates/404.html",
            "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock content %}",
        );
    });
    assert_eq!((rendered, kept), (pages, 0));
}

#[test]
fn a_report_of_a_new_year_builds_every_context() {
    // The years with reports set how far a target stands, on pages of every kind:
    // a report of a year no report covered yet builds every page's context.
    let (_, _, kept) = unseen("new year", |s: &Site| {
        s.write(
            "content/reports/alpha-2026.md",
            "---\ntitle: \"Alpha progress report 2026\"\norganization: alpha\nyear: 2026\n\
             published: 2026-11\nkind: annual-progress\naction_lines: [C4]\n---\n\n\
             We kept working.\n",
        );
    });
    assert_eq!(kept, 0);
}

#[test]
fn a_sentence_added_to_a_report_s_text_leaves_its_lists_unseen() {
    // The report's title, summary, figures and sections' places are as they were: the
    // pages listing it (its organization's, its year's, its metrics') read nothing of
    // its text and are kept unseen, where a retitled report redoes them all.
    let (pages, rendered, text) = unseen(
        "text",
        edit(
            "content/reports/alpha-2024.md",
            "[Beta report](/reports/beta-2024/).",
            "[Beta report](/reports/beta-2024/). Both teams met twice.",
        ),
    );
    assert!(rendered >= 1, "{rendered} of {pages}");
    let (_, _, title) = unseen(
        "title of the same report",
        edit(
            "content/reports/alpha-2024.md",
            "title: \"Alpha progress report 2024\"",
            "title: \"Alpha's progress report 2024\"",
        ),
    );
    assert!(
        text > title,
        "{text} pages kept unseen after a text edit, {title} after a title edit, of {pages}"
    );
}

#[test]
fn a_section_s_first_sentence_edited_redoes_the_pages_listing_its_sections() {
    // The excerpt of the section (its first sentence) changes on the pages of its
    // action lines: they are redone, and the output is a fresh build's.
    let (pages, _, kept) = unseen(
        "section lead",
        edit(
            "content/reports/alpha-2024.md",
            "In 2024 the alumni network grew to 407 members.",
            "In 2024, as before, the alumni network grew to 407 members.",
        ),
    );
    assert!(kept > 0 && kept < pages, "{kept} of {pages}");
}

#[test]
fn a_paragraph_added_above_a_heading_is_an_edit_of_the_text() {
    // From a red-team read: the sections' headings were compared with their lines in
    // the file, so a paragraph added above one (a new line, where most edits add
    // some) made every page listing the report be redone, as for a retitled report.
    let (pages, _, same_line) = unseen(
        "same line",
        edit(
            "content/reports/alpha-2024.md",
            "[Beta report](/reports/beta-2024/).",
            "[Beta report](/reports/beta-2024/). Both teams met twice.",
        ),
    );
    let (_, _, new_lines) = unseen(
        "a paragraph above the next heading",
        edit(
            "content/reports/alpha-2024.md",
            "[Beta report](/reports/beta-2024/).",
            "[Beta report](/reports/beta-2024/).\n\nBoth teams met twice.",
        ),
    );
    assert_eq!(new_lines, same_line, "pages kept unseen, of {pages}");
}
