//! Candidate figures (`review: candidate`) in report files: never published, never
//! failing the build, counted by `check`; a typo or a stray `proposed_metric` is an
//! error where it stands.

use crate::common;

use common::Site;

const REPORT: &str = "content/reports/alpha-2024.md";

#[test]
fn the_build_publishes_no_trace_of_candidates() {
    // One candidate has a quote that is not in the text, another a metric that does
    // not exist: neither fails the build.
    let site = Site::fixture("candidates");
    site.build_ok();
    let files = common::output_texts(&site);
    assert!(files.len() > 10);
    for (path, text) in &files {
        for trace in [
            "Quillwort",
            "7654321",
            "7,654,321",
            "alpha-initiatives",
            "Initiatives supported",
            "fig-beta-initiatives-2025",
        ] {
            assert!(!text.contains(trace), "{path} holds {trace:?}");
        }
    }
    // The accepted figures are published as before.
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains("fig-alpha-grants-2024")
    );
    assert!(site.has_output("reports/beta-2025/index.html"));
}

#[test]
fn check_and_build_count_candidates_per_report() {
    let site = Site::fixture("candidates");
    let line = "3 candidate figures wait for review: alpha-2024 (2), beta-2025 (1) — review them in `wsis serve` at /__wsis/review/";
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains(line), "{}", run.stdout);
    let run = site.build(&[]);
    assert!(run.stdout.contains(line), "{}", run.stdout);
    // Without candidates, no such line.
    let plain = Site::fixture("basic");
    let run = plain.run("check", &[]);
    assert!(
        run.ok && !run.stdout.contains("candidate"),
        "{}",
        run.stdout
    );
}

#[test]
fn removing_the_review_line_makes_a_figure_whose_errors_count() {
    let site = Site::fixture("candidates");
    site.edit(
        REPORT,
        "    review: candidate  # 0.41: members after the number; \"& co\" <unsure>\n",
        "",
    );
    site.build(&[])
        .assert_error("alpha-2024.md:18:12", "is not in the report's text");

    let site = Site::fixture("candidates");
    site.edit(
        REPORT,
        "    review: candidate  # 0.88: initiatives after the number\n",
        "",
    );
    let run = site.build(&[]);
    run.assert_error("alpha-2024.md:24:13", "unknown metric `alpha-initiatives`");
    run.assert_error(
        "alpha-2024.md:28:22",
        "`proposed_metric` belongs only on a candidate",
    );
    assert!(
        run.stderr
            .contains("wsis new metric alpha-initiatives --title ... --unit ..."),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_of_figures_after_a_candidate_point_at_their_own_lines() {
    // alpha-grants is the file's third figure but the second accepted one.
    let site = Site::fixture("candidates");
    site.edit(
        REPORT,
        "  - metric: alpha-grants",
        "  - metric: alpha-grant",
    );
    site.build(&[])
        .assert_error("alpha-2024.md:20:13", "unknown metric `alpha-grant`");
}

#[test]
fn an_unknown_review_word_is_an_error_with_its_position() {
    let site = Site::fixture("candidates");
    site.edit(REPORT, "review: candidate  # 0.41", "review: maybe  # 0.41");
    let run = site.build(&[]);
    run.assert_error(
        "alpha-2024.md:19:",
        "unknown variant `maybe`, expected `candidate`",
    );
    // A near miss is named.
    let site = Site::fixture("candidates");
    site.edit(
        REPORT,
        "review: candidate  # 0.41",
        "review: candiate  # 0.41",
    );
    let run = site.build(&[]);
    run.assert_error("alpha-2024.md:19:", "unknown variant `candiate`");
    assert!(
        run.stderr.contains("did you mean `candidate`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_proposed_metric_needs_a_candidate() {
    let site = Site::fixture("candidates");
    site.edit(
        REPORT,
        "    quote: \"We committed $264,100 to support 37 initiatives\"\n",
        "    quote: \"We committed $264,100 to support 37 initiatives\"\n    proposed_metric: {title: \"Grants\", unit: usd}\n",
    );
    site.build(&[]).assert_error(
        "alpha-2024.md:24:22",
        "`proposed_metric` belongs only on a candidate",
    );
    // A malformed proposed metric is a syntax error where it stands.
    let site = Site::fixture("candidates");
    site.edit(REPORT, "unit: count}", "units: count}");
    site.build(&[])
        .assert_error("alpha-2024.md:29:", "unknown field `units`");
}
