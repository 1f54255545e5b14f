//! Figure values (issue 12, cases 2 and 19): a decimal number within the documented
//! range, or an error at the value's line and column saying what was found and what
//! was expected; every accepted value shown exactly enough and charted on an axis of a
//! few ticks; nothing outside the output folder changed, never a panic or a hang.

use crate::common;

use std::time::Duration;

use common::{Server, Site, build_guarded, guarded, wait_for};

/// Where alpha's 2024 alumni value (`value: 407`) sits in its report.
const VALUE_AT: &str = "content/reports/alpha-2024.md:11:12";

/// The basic site with alpha's 2024 alumni value written as `value`.
fn with_value(value: &str) -> Site {
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2024.md",
        "value: 407",
        &format!("value: {value}"),
    );
    site
}

/// The basic site with alpha's 2024 alumni value written as `value`, and its quote and
/// sentence stating it as `written` (every figure's quote must state its value).
fn with_stated(value: &str, written: &str) -> Site {
    let site = with_value(value);
    for _ in 0..2 {
        site.edit(
            "content/reports/alpha-2024.md",
            "grew to 407 members",
            &format!("grew to {written} members"),
        );
    }
    site
}

/// `build` and `check` both refuse `value` at [`VALUE_AT`] with `message` and `help`.
fn assert_refused(value: &str, message: &str, help: &str) {
    let site = with_value(value);
    for command in ["build", "check"] {
        let run = guarded(&site, command, &[]);
        run.assert_error(VALUE_AT, message);
        assert!(run.stderr.contains(help), "{value}: {}", run.stderr);
    }
    assert!(!site.root.join("public").exists());
}

/// The metric page's chart, checked for what a browser needs: no `NaN` or `inf`, at
/// most 10 value ticks.
fn chart_of(site: &Site, metric: &str) -> String {
    let page = site.output(&format!("metrics/{metric}/index.html"));
    let start = page.find("<svg class=\"chart").expect("a chart");
    let svg = &page[start..start + page[start..].find("</svg>").unwrap()];
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    let ticks = svg.matches("class=\"grid\"").count();
    assert!((2..=10).contains(&ticks), "{ticks} ticks: {svg}");
    svg.to_string()
}

#[test]
fn values_beyond_the_range_are_refused_with_the_range() {
    let range = "figures are 0, or from 0.000001 to 1,000,000,000,000,000 in size";
    for value in ["1e20", "18446744073709551616", "1e308", "-1e16", "1e400"] {
        assert_refused(
            value,
            &format!("value `{value}` is out of range: expected at most 10^15 in size"),
            range,
        );
    }
    for value in ["5e-324", "1e-7", "-0.0000009"] {
        assert_refused(
            value,
            &format!("value `{value}` is out of range: expected 0 or at least 10^-6"),
            range,
        );
    }
}

#[test]
fn values_across_the_range_build_and_chart_on_a_few_ticks() {
    for (value, shown) in [
        ("-1e12", "-1,000,000,000,000"),
        ("-1000000000000", "-1,000,000,000,000"),
        ("1e15", "1,000,000,000,000,000"),
        ("-1e15", "-1,000,000,000,000,000"),
        ("999999999999999", "999,999,999,999,999"),
        ("0.000001", "0.000001"),
        ("-0.5", "-0.5"),
        ("123456.789", "123,456.789"),
        ("0", ">0<"),
    ] {
        let site = with_stated(value, shown.trim_matches(['>', '<']));
        let run = build_guarded(&site);
        assert!(run.ok, "{value}: {}", run.stderr);
        let page = site.output("metrics/alpha-alumni/index.html");
        assert!(page.contains(shown), "{value} is not shown as {shown}");
        chart_of(&site, "alpha-alumni");
        assert!(guarded(&site, "check", &[]).ok);
    }
    // Money is drawn as bars, from a zero baseline above or below them.
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2024.md",
        "value: 264100",
        "value: -2.5e14",
    );
    site.edit(
        "content/reports/alpha-2024.md",
        "quote: \"We committed $264,100",
        "quote: \"We committed -$250,000 billion",
    );
    site.edit(
        "content/reports/alpha-2024.md",
        "We committed \\$264,100",
        "We committed -\\$250,000 billion",
    );
    site.write(
        "content/reports/alpha-2023-extra.md",
        "---\ntitle: \"Extra\"\norganization: alpha\nyear: 2023\npublished: 2023\n\
         kind: annual-progress\nfigures:\n  - metric: alpha-grants\n    value: 0.000001\n    \
         year: 2023\n    quote: \"spent 0.000001 dollars\"\n---\n\nWe spent 0.000001 dollars.\n",
    );
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    let svg = chart_of(&site, "alpha-grants");
    assert!(
        svg.contains("-$250,000 billion") && svg.contains("$0.000001"),
        "{svg}"
    );
}

#[test]
fn numbers_in_other_spellings_say_what_was_expected() {
    for (value, message, help) in [
        (
            "0x28",
            "expected a decimal number such as 28, found the hexadecimal `0x28`",
            "`0x28` is 40 in decimal",
        ),
        (
            "0o17",
            "expected a decimal number such as 28, found the octal `0o17`",
            "`0o17` is 15 in decimal",
        ),
        ("0b101", "found the binary `0b101`", "is 5 in decimal"),
        (
            "1_000",
            "found `1_000` with `_` between digits",
            "write 1000, without separators",
        ),
        (
            "\"13,000\"",
            "found `13,000` with `,` between digits",
            "write 13000",
        ),
        (
            ".inf",
            "found the infinity `.inf`",
            "figures are 0, or from",
        ),
        (
            "-.inf",
            "found the infinity `-.inf`",
            "figures are 0, or from",
        ),
        (
            ".nan",
            "found `.nan` (not a number)",
            "figures are 0, or from",
        ),
        ("012", "found `012` with a leading zero", "(12)"),
        (
            "twelve",
            "expected a decimal number such as 28, found `twelve`",
            "no separators, currency or percent signs",
        ),
        ("$12", "found `$12`", "no separators, currency"),
        ("~", "found nothing", "plain decimal number"),
    ] {
        assert_refused(value, message, help);
    }
    // Not a scalar at all: serde's error, with what was expected.
    let site = with_value("[1, 2]");
    build_guarded(&site).assert_error(
        VALUE_AT,
        "invalid type: sequence, expected a decimal number such as 28",
    );
    // Quotes are YAML's: a quoted decimal is the same number.
    let site = with_stated("\"12\"", "12");
    assert!(build_guarded(&site).ok);
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains(">12<")
    );
    // A year is read the same way.
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2024.md",
        "year: 2024\n    qualifier",
        "year: 0x7E8\n    qualifier",
    );
    let run = build_guarded(&site);
    run.assert_error(
        "content/reports/alpha-2024.md:12:11",
        "expected a year such as 2024, found the hexadecimal `0x7E8`",
    );
    assert!(
        run.stderr.contains("`0x7E8` is 2024 in decimal"),
        "{}",
        run.stderr
    );
}

#[test]
fn serve_shows_a_refused_number_until_it_is_fixed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.edit("content/reports/alpha-2024.md", "value: 407", "value: 0x28");
    wait_for(&server, "/", Duration::from_secs(10), |b| {
        b.contains("found the hexadecimal `0x28`")
    });
    site.edit(
        "content/reports/alpha-2024.md",
        "value: 0x28",
        "value: -1e12",
    );
    for _ in 0..2 {
        site.edit(
            "content/reports/alpha-2024.md",
            "grew to 407 members",
            "grew to -1,000,000,000,000 members",
        );
    }
    wait_for(
        &server,
        "/metrics/alpha-alumni/",
        Duration::from_secs(10),
        |b| !b.contains("wsis-overlay") && b.contains("-1,000,000,000,000"),
    );
    let (_, _, page) = server.get("/metrics/alpha-alumni/");
    assert!(!page.contains("NaN") && !page.contains("inf\""), "{page}");
}

#[test]
fn any_series_charts_without_nan_and_with_few_ticks() {
    // Property test over random series through the fuzzing entry point (`fuzz/`
    // runs the same check on inputs it grows): values of the accepted range, their
    // edges, and any bits at all.
    let mut rng = fastrand::Rng::with_seed(12);
    let special = [
        0.0,
        -0.0,
        1e15,
        -1e15,
        1e-6,
        -1e-6,
        999_999_999_999_999.0,
        0.1 + 0.2,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        1e20,
        -1e12,
    ];
    for _ in 0..3000 {
        let mut bytes = Vec::new();
        for _ in 0..rng.usize(0..12) {
            let year = match rng.u8(0..4) {
                0 => rng.i32(..),
                _ => rng.i32(1990..=2100),
            };
            let value = match rng.u8(0..4) {
                0 => special[rng.usize(0..special.len())],
                1 => f64::from_bits(rng.u64(..)),
                _ => {
                    let size = 10f64.powf(rng.f64() * 21.0 - 6.0);
                    if rng.bool() { size } else { -size }
                }
            };
            bytes.extend(year.to_le_bytes());
            bytes.extend(value.to_le_bytes());
            bytes.push(rng.u8(..));
        }
        if let Err(broken) = wsis::fuzzing::chart(&bytes) {
            panic!("{broken}");
        }
    }
}
