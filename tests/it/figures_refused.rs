//! What the checks say of a figure that cannot be right (issue 13): a range that is
//! not one, a bound and a qualifier together, unknown bounds, statuses and source
//! fields, restatements that name no earlier report or loop (refused, each at its
//! file, line and column), and the doubtful cases `check` points out without
//! refusing the site. The fixture is `tests/fixtures/figures/` (see `figures.rs`).

use crate::common;

use common::Site;

#[test]
fn an_unmarked_restatement_is_pointed_out_by_check() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    restates: own-2023\n",
        "",
    );
    let run = site.run("check", &[]);
    assert!(run.ok, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "content/reports/own-2024.md:59:13: grants for 2022, 7, repeats the figure of own-2023"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("add `restates: own-2023`"),
        "{}",
        run.stderr
    );
    // A figure of the same year with a different value is no restatement.
    site.edit(
        "content/reports/own-2024.md",
        "    value: 7\n    year: 2022",
        "    value: 8\n    year: 2022",
    );
    site.edit(
        "content/reports/own-2024.md",
        "we made 7 grants\"",
        "we made 8 grants\"",
    );
    site.edit(
        "content/reports/own-2024.md",
        "we made 7 grants, as",
        "we made 8 grants, as",
    );
    let run = site.run("check", &[]);
    assert!(run.ok && !run.stderr.contains("repeats"), "{}", run.stderr);
}

#[test]
fn a_range_that_is_not_one_is_refused_where_it_stands() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    low: 12\n    high: 15",
        "    low: 15\n    high: 12",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:30:11",
        "the range's high end 12 is not above its low end 15",
    );
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    low: 12\n    high: 15",
        "    low: 12",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:28:13",
        "the range has no `high`",
    );
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    low: 12\n    high: 15",
        "    value: 13\n    low: 12\n    high: 15\n    bound: range",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:29:12",
        "a range has `low` and `high`, not `value`",
    );
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    value: 430\n",
        "    value: 430\n    high: 500\n",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:15:11",
        "`high` is for a range, but the bound is at-least",
    );
}

#[test]
fn qualifier_and_bound_together_are_refused() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    bound: at-least\n    quote: \"more than 430",
        "    bound: at-least\n    qualifier: exact\n    quote: \"more than 430",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:17:16",
        "`qualifier` cannot be used with `bound` or `status`",
    );
}

#[test]
fn unknown_bounds_statuses_and_source_fields_are_refused() {
    for (from, to, at, message) in [
        (
            "    bound: at-least\n    quote: \"more than 430",
            "    bound: over\n    quote: \"more than 430",
            ":16:12",
            "unknown variant `over`",
        ),
        (
            "    status: target",
            "    status: planned",
            ":46:13",
            "unknown variant `planned`",
        ),
        (
            "      name: \"GSMA Intelligence\"\n      url:",
            "      name: \"GSMA Intelligence\"\n      link:",
            ":57:7",
            "unknown field `link`",
        ),
        (
            "      url: https://www.gsmaintelligence.com/",
            "      url: javascript:alert(1)",
            ":57:12",
            "is not a web address",
        ),
    ] {
        let site = Site::fixture("figures");
        site.edit("content/reports/own-2024.md", from, to);
        site.build(&[])
            .assert_error(&format!("content/reports/own-2024.md{at}"), message);
    }
}

#[test]
fn a_restatement_must_name_an_earlier_report_with_the_same_figure() {
    for (to, message) in [
        ("    restates: own-2032\n", "unknown report `own-2032`"),
        (
            "    restates: own-2024\n",
            "a figure cannot restate its own report",
        ),
        (
            "    restates: own-2025\n",
            "own-2025 was published (2025-10) after this report (2024-11)",
        ),
        (
            "    restates: other-2025\n",
            "other-2025 was published (2025-06) after this report (2024-11)",
        ),
    ] {
        let site = Site::fixture("figures");
        site.edit(
            "content/reports/own-2024.md",
            "    restates: own-2023\n",
            to,
        );
        site.build(&[])
            .assert_error("content/reports/own-2024.md:62:15", message);
    }
    // The named report has no such figure, or a different value.
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2023.md",
        "    value: 7\n    year: 2022",
        "    value: 7\n    year: 2021",
    );
    site.edit(
        "content/reports/own-2023.md",
        "In 2022 we made 7 grants.\"",
        "we made 7 grants.\"",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:62:15",
        "own-2023 states no grants for 2022",
    );
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2023.md",
        "    value: 7\n    year: 2022",
        "    value: 6\n    year: 2022",
    );
    site.edit(
        "content/reports/own-2023.md",
        "we made 7 grants",
        "we made 6 grants",
    );
    site.edit(
        "content/reports/own-2023.md",
        "we made 7 grants",
        "we made 6 grants",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:62:15",
        "own-2023 states grants for 2022 as 6, not 7",
    );
}

#[test]
fn restatements_that_loop_or_chain_are_refused() {
    // Two reports of the same date naming each other: both would vanish.
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2023.md",
        "    value: 7\n    year: 2022\n",
        "    value: 7\n    year: 2022\n    restates: own-2024\n",
    );
    site.edit(
        "content/reports/own-2023.md",
        "published: 2023-12",
        "published: 2024-11",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2024.md:62:15",
        "the figure of own-2023 itself restates own-2024",
    );
    // A chain: name the report that first published the figure.
    let site = Site::fixture("figures");
    site.write(
        "content/reports/own-2026.md",
        "---\ntitle: \"Own report 2026\"\norganization: own\nyear: 2026\npublished: 2026-10\n\
         kind: annual-progress\nfigures:\n  - metric: grants\n    value: 7\n    year: 2022\n    \
         restates: own-2024\n    quote: \"made 7 grants in 2022\"\n---\n\nWe made 7 grants in 2022.\n",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2026.md:11:15",
        "the figure of own-2024 itself restates own-2023",
    );
    let run = site.build(&[]);
    assert!(
        run.stderr.contains("`restates: own-2023`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_hedged_quote_with_an_exact_figure_is_pointed_out() {
    // The NRI mistake again: "more than 155" curated as an exact 155.
    let site = Site::fixture("figures");
    site.edit("content/reports/other-2025.md", "    bound: at-least\n", "");
    let run = site.run("check", &[]);
    assert!(run.ok, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains("content/reports/other-2025.md:12:12: the quote says \"more than 155\" but the figure's bound is exact"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("write `bound: at-least`"),
        "{}",
        run.stderr
    );
    // The shipped site has none.
    let shipped = Site::shipped();
    let run = shipped.run("check", &[]);
    assert!(run.ok && !run.stderr.contains("warning"), "{}", run.stderr);
}

#[test]
fn two_values_for_one_year_in_one_report_are_pointed_out() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2025.md",
        "  - metric: funding\n",
        "  - metric: members\n    value: 510\n    year: 2025\n    quote: \"510 members\"\n  - metric: funding\n",
    );
    for _ in 0..2 {
        // The quote, then the text.
        site.edit(
            "content/reports/own-2025.md",
            "The coalition has 511 members.",
            "The coalition has 511 members (510 members in June).",
        );
    }
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/reports/own-2025.md:13:13: members for 2025 is stated twice in this report: 511 and 510"),
        "{}",
        run.stderr
    );
    // Dated apart, they are two points of the year, not a conflict.
    site.edit(
        "content/reports/own-2025.md",
        "    value: 510\n    year: 2025\n",
        "    value: 510\n    year: 2025\n    as_of: 2025-06\n",
    );
    let run = site.run("check", &[]);
    assert!(run.ok && !run.stderr.contains("twice"), "{}", run.stderr);
}

#[test]
fn a_source_written_as_a_string_says_what_is_expected() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    source:\n      name: \"GSMA Intelligence\"\n      url: https://www.gsmaintelligence.com/\n",
        "    source: \"GSMA Intelligence\"\n",
    );
    let run = site.build(&[]);
    run.assert_error(
        "content/reports/own-2024.md:55:13",
        "expected a source as `{name:",
    );
    assert!(!run.stderr.contains("RawSource"), "{}", run.stderr);
}

#[test]
fn a_bound_the_words_contradict_is_pointed_out() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    value: 430\n    year: 2024\n    bound: at-least",
        "    value: 430\n    year: 2024\n    bound: at-most",
    );
    let run = site.run("check", &[]);
    assert!(
        run.stderr
            .contains("the quote says \"more than 430\" but the figure's bound is at-most"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("write `bound: at-least`"),
        "{}",
        run.stderr
    );
}
