//! A report's size in headings and figures costs linear time: tens of thousands of
//! identical headings or figures build well within a hang guard (these took 15 s and
//! 1.6 GB in release builds, from quadratic id and quote handling).

use crate::common;

use std::time::{Duration, Instant};

use common::{Run, Site, minimal_report, run_guarded};

/// Runs `command` and asserts it succeeded within the hang guard. The page render
/// limit stays at its real value: the tests' lowered one is below 20,000 headings.
fn run_within(site: &Site, command: &str, limit: Duration) -> Run {
    let started = Instant::now();
    let mut cmd = site.command(command, &[]);
    cmd.env_remove("WSIS_TEST_MAX_STEPS");
    let run = run_guarded(site, cmd);
    assert!(run.ok, "{command} failed:\n{}", run.stderr);
    assert!(
        started.elapsed() < limit,
        "{command} took {:?}",
        started.elapsed()
    );
    run
}

#[test]
fn twenty_thousand_identical_headings_build_with_numbered_ids() {
    let site = Site::fixture("basic");
    let body = "## Overview\n\nSome text.\n\n".repeat(20_000);
    site.write("content/reports/headings.md", &minimal_report("", &body));
    run_within(&site, "check", Duration::from_secs(60));
    run_within(&site, "build", Duration::from_secs(60));
    let page = site.output("reports/headings/index.html");
    assert!(page.contains(r#"id="overview""#));
    assert!(page.contains(r#"id="overview-2""#));
    assert!(page.contains(r#"id="overview-20000""#));
    assert!(!page.contains(r#"id="overview-20001""#));
}

#[test]
fn fifteen_thousand_figures_of_one_metric_and_year_build() {
    let site = Site::fixture("basic");
    // A metric with a short id: 15,000 figures must fit the 1 MiB front matter limit.
    let metrics = std::fs::read_to_string(site.root.join("content/metrics.yaml")).unwrap();
    let alumni = metrics.split("- id: alpha-grants").next().unwrap();
    site.write(
        "content/metrics.yaml",
        &format!("{metrics}\n{}", alumni.replace("id: alpha-alumni", "id: m")),
    );
    let n = 15_000;
    let figures: String = (0..n)
        .map(|i| format!("  - {{metric: m, value: 1, year: 2024, quote: \"k{i} saw 1\"}}\n"))
        .collect();
    // Half the quotes in one long paragraph, half in a paragraph each.
    let one: String = (0..n / 2).map(|i| format!("Then k{i} saw 1. ")).collect();
    let each: String = (n / 2..n).map(|i| format!("And k{i} saw 1.\n\n")).collect();
    site.write(
        "content/reports/figures.md",
        &minimal_report(&format!("figures:\n{figures}"), &format!("{one}\n\n{each}")),
    );
    run_within(&site, "check", Duration::from_secs(60));
    run_within(&site, "build", Duration::from_secs(60));
    let page = site.output("reports/figures/index.html");
    assert!(page.contains(r#"id="fig-m-2024""#));
    assert!(page.contains(&format!(r#"id="fig-m-2024-{n}""#)));
    assert_eq!(page.matches(r#"<mark class="quote">"#).count(), n);
}
