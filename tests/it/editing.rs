//! The editing loop from the command line: `check`, `new`, `init`, and diagnostics
//! fit for a terminal or a log.

use crate::common;

use common::Site;

#[test]
fn check_validates_without_writing() {
    let site = Site::fixture("basic");
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Checked 26 pages (3 reports, 3 metrics, 5 figures)"),
        "{}",
        run.stdout
    );
    assert!(!site.root.join("public").exists(), "check wrote the output");
}

#[test]
fn check_reports_every_error_with_source_line() {
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: alpha",
        "organization: alpah",
    );
    site.edit(
        "content/reports/beta-2024.md",
        "metric: beta-initiatives",
        "metric: beta-initiative",
    );
    let run = site.run("check", &[]);
    assert!(!run.ok);
    run.assert_error(
        "content/reports/alpha-2024.md:3:15",
        "unknown organization `alpah`",
    );
    run.assert_error(
        "content/reports/beta-2024.md:10:13",
        "unknown metric `beta-initiative`",
    );
    assert!(
        run.stderr
            .contains("3 | organization: alpah\n  |               ^\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: did you mean `beta-initiatives`?")
    );
    assert!(run.stderr.ends_with("2 errors\n"));
    assert!(
        !run.stderr.contains('\x1b'),
        "no colour when not on a terminal"
    );
}

#[test]
fn new_report_builds_and_is_never_overwritten() {
    let site = Site::fixture("basic");
    let run = site.run("new", &[]);
    assert!(!run.ok, "`new` needs a kind of thing");
    let args = ["report", "--organization", "alpha", "--year", "2025"];
    let run = new(&site, &args);
    assert!(run.ok, "{}", run.stderr);
    assert!(site.root.join("content/reports/alpha-2025.md").is_file());
    site.build_ok();
    assert!(
        site.output("reports/alpha-2025/index.html")
            .contains("Report on progress made in 2025")
    );
    let again = new(&site, &args);
    assert!(!again.ok);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    let run = new(
        &site,
        &[
            "report",
            "--organization",
            "alpha",
            "--year",
            "2025",
            "--kind",
            "review-submission",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(
        site.root
            .join("content/reports/alpha-2025-review-submission.md")
            .is_file()
    );

    let run = new(
        &site,
        &["report", "--organization", "alhpa", "--year", "2025"],
    );
    assert!(!run.ok);
    assert!(
        run.stderr.contains("did you mean `alpha`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_organization_and_metric_build() {
    let site = Site::fixture("basic");
    assert!(
        new(
            &site,
            &[
                "organization",
                "gamma",
                "--name",
                "Gamma Network",
                "--kind",
                "coalition"
            ]
        )
        .ok
    );
    let run = new(
        &site,
        &[
            "metric",
            "gamma-members",
            "--unit",
            "count",
            "--title",
            "Members",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    let metrics = std::fs::read_to_string(site.root.join("content/metrics.yaml")).unwrap();
    assert!(
        metrics.contains(
            "- id: gamma-members\n  title: Members\n  unit: count\n  organization: gamma\n"
        )
    );
    site.build_ok();
    assert!(
        site.output("organizations/gamma/index.html")
            .contains("Gamma Network")
    );
    assert!(site.has_output("metrics/gamma-members/index.html"));
    assert!(
        !new(&site, &["metric", "gamma-members"]).ok,
        "duplicate metric refused"
    );
    assert!(
        !new(&site, &["organization", "gamma"]).ok,
        "existing organization refused"
    );
    assert!(!new(&site, &["organization", "Bad_Id"]).ok);
}

#[test]
fn init_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("fresh");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wsis"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wsis"))
        .args(["build", "--root"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for code in 1..=11 {
        assert!(
            target
                .join(format!("public/action-lines/c{code}/index.html"))
                .is_file()
        );
    }
    let report =
        std::fs::read_to_string(target.join("public/reports/example-org-2025/index.html")).unwrap();
    assert!(
        report.contains("id=fig-example-org-people-trained-2025"),
        "minified by default"
    );
    // A second init into the same, now non-empty folder is refused.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_wsis"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("is not empty"));
}

/// Runs `wsis new <args[0]> --root <site> <args[1..]>`.
fn new(site: &Site, args: &[&str]) -> common::Run {
    site.run(&format!("new {}", args[0]), &args[1..])
}

#[test]
fn links_updated_after_an_edit_equal_links_built_anew() {
    // `wsis serve` updates the indexes after an edit that changes only text and
    // values; they must be exactly those a full build computes.
    use wsis::link::Links;
    let site = Site::fixture("series");
    let load = || {
        let config = wsis::load_config(&site.root, None).unwrap();
        wsis::load_site(&site.root, config).unwrap()
    };
    let before = load();
    let links = Links::new(&before);
    site.edit("content/reports/org-2023.md", "value: 90", "value: 95");
    // The quote, then the sentence in the text.
    for _ in 0..2 {
        site.edit(
            "content/reports/org-2023.md",
            "We connected 90 schools.",
            "We connected 95 schools.",
        );
    }
    let after = load();
    let updated = Links::update(&links, &before, &after).expect("a text and value edit");
    assert_eq!(format!("{updated:?}"), format!("{:?}", Links::new(&after)));
    assert_ne!(
        format!("{updated:?}"),
        format!("{links:?}"),
        "the series moved"
    );

    // A change of year moves the report between indexes: no shortcut.
    site.edit("content/reports/org-2023.md", "year: 2023", "year: 2021");
    assert!(Links::update(&links, &before, &load()).is_none());
}
