//! Years and dates (issue 12, case 18): a report's `year` and `published`, a figure's
//! `year` and `as_of` all hold to the years the content format documents, 1990 to
//! 2100, each refused at its own line and column; nothing outside the output changes.

use crate::common;

use std::time::Duration;

use common::{Server, Site, build_guarded, guarded, wait_for};

const REPORT: &str = "content/reports/alpha-2024.md";

/// The basic site with `from` replaced by `to` in alpha's 2024 report.
fn edited(from: &str, to: &str) -> Site {
    let site = Site::fixture("basic");
    site.edit(REPORT, from, to);
    site
}

/// `build` and `check` both refuse the site at `location` with `message`, and say
/// which years are allowed.
fn assert_refused(site: &Site, location: &str, message: &str) {
    for command in ["build", "check"] {
        let run = guarded(site, command, &[]);
        run.assert_error(location, message);
        assert!(
            run.stderr.contains("expected a year from 1990 to 2100"),
            "{}",
            run.stderr
        );
    }
    assert!(!site.root.join("public").exists());
}

#[test]
fn published_dates_outside_the_years_are_refused() {
    for (date, shown) in [
        ("0001", "0001"),
        ("1989", "1989"),
        ("2101", "2101"),
        ("1989-12-31", "1989-12-31"),
        ("2101-01", "2101-01"),
        ("\"9999-12\"", "9999-12"),
    ] {
        let site = edited("published: 2024-10", &format!("published: {date}"));
        assert_refused(
            &site,
            &format!("{REPORT}:5:12"),
            &format!("published {shown} is out of range"),
        );
    }
    for date in ["1990", "1990-01-01", "2100-12-31"] {
        let site = edited("published: 2024-10", &format!("published: {date}"));
        let run = build_guarded(&site);
        assert!(run.ok, "{date}: {}", run.stderr);
    }
    // Read as a date, not as a number first: `0x7E8` is not 2024.
    let site = edited("published: 2024-10", "published: 0x7E8");
    build_guarded(&site).assert_error(&format!("{REPORT}:5:12"), "`0x7E8` is not a date");
}

#[test]
fn every_year_and_as_of_holds_to_the_same_years() {
    for (year, message) in [
        ("1989", "year 1989 is out of range"),
        ("2101", "year 2101 is out of range"),
        ("1e20", "year 1e20 is out of range"),
    ] {
        let site = edited("year: 2024\npublished", &format!("year: {year}\npublished"));
        assert_refused(&site, &format!("{REPORT}:4:7"), message);
        let site = edited(
            "year: 2024\n    qualifier",
            &format!("year: {year}\n    qualifier"),
        );
        assert_refused(&site, &format!("{REPORT}:12:11"), message);
    }
    for (as_of, message) in [
        ("0001-01", "as_of 0001-01 is out of range"),
        ("2101", "as_of 2101 is out of range"),
        ("1989-06-30", "as_of 1989-06-30 is out of range"),
    ] {
        let site = edited(
            "year: 2024\n    qualifier",
            &format!("year: 2024\n    as_of: {as_of}\n    qualifier"),
        );
        assert_refused(&site, &format!("{REPORT}:13:12"), message);
    }
    // A figure's year and its as_of out of range together: each at its own line.
    let site = edited(
        "year: 2024\n    qualifier",
        "year: 2101\n    as_of: 2101-02\n    qualifier",
    );
    let run = build_guarded(&site);
    run.assert_error(&format!("{REPORT}:12:11"), "year 2101 is out of range");
    run.assert_error(&format!("{REPORT}:13:12"), "as_of 2101-02 is out of range");
    // Within the years, as_of must still fall in its figure's year.
    let site = edited(
        "year: 2024\n    qualifier",
        "year: 2024\n    as_of: 2023-12\n    qualifier",
    );
    build_guarded(&site).assert_error(
        &format!("{REPORT}:13:12"),
        "as_of 2023-12 is not in the figure's year 2024",
    );
    // The report scaffold holds to the same years.
    let site = Site::fixture("basic");
    let run = site.run("new report", &["--organization", "alpha", "--year", "2101"]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("year 2101 is out of range"),
        "{}",
        run.stderr
    );
}

#[test]
fn serve_shows_a_date_out_of_range_until_it_is_fixed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.edit(REPORT, "published: 2024-10", "published: 2101");
    wait_for(&server, "/", Duration::from_secs(10), |b| {
        b.contains("published 2101 is out of range")
    });
    site.edit(REPORT, "published: 2101", "published: 2024-10");
    wait_for(&server, "/", Duration::from_secs(10), |b| {
        !b.contains("wsis-overlay")
    });
}
