//! Year-over-year metrics on the `series` fixture, whose numbers the tests control:
//! series with several values a year, changes and their colour, charts, sparklines,
//! open data, the coverage matrix and report comparison.

use crate::common;

use common::{Site, text_of};

fn series_site() -> Site {
    let site = Site::fixture("series");
    site.build_ok();
    site
}

#[test]
fn series_keeps_every_value_and_uses_the_latest_of_a_year() {
    let site = series_site();
    let html = site.output("metrics/schools/index.html");
    let text = text_of(&html);
    let table = &text[text.find("Values by year").unwrap()..];
    // All five observations, in order; the March value is superseded by September's.
    let order = [
        "2022 100 first value",
        "2023 90 ▼ −10 (−10.0%) since 2022",
        "2024 (March 2024) 120 (not the year's value) ▲ +30 (+33.3%) since 2023",
        "2024 (September 2024) 130 ▲ +40 (+44.4%) since 2023",
        // A projection is drawn apart and never enters a change.
        "2025 150 (projected) projected: not compared",
    ];
    let mut at = 0;
    for row in order {
        let found = table[at..]
            .find(row)
            .unwrap_or_else(|| panic!("{row:?} after {at} in {table}"));
        at += found + row.len();
    }
    // Colour follows higher_is_better: schools going down is bad news.
    assert!(html.contains(r#"<span class="change change-bad change-point">"#));
    assert!(html.contains(r#"<span class="change change-good change-point">"#));
}

#[test]
fn lower_is_better_inverts_the_colour() {
    let site = series_site();
    let html = site.output("metrics/outages/index.html");
    // Outages 10 -> 5: a fall, and good news.
    assert!(html.contains(r#"<span class="change change-good change-point"><span aria-hidden="true">▼ </span>−5 (−50.0%)</span>"#), "{html}");
}

#[test]
fn charts_are_inline_svg_with_text_alternatives() {
    let site = series_site();
    let html = site.output("metrics/schools/index.html");
    assert!(html.contains(r#"<svg class="chart chart-line""#));
    assert!(html.contains(
        r#"<desc id="chart-schools-desc">2022: 100; 2023: 90; 2024: 130; 2025: 150 (projected)</desc>"#
    ));
    assert!(html.contains(r#"<circle class="point projected""#));
    let grants = site.output("metrics/grants/index.html");
    assert!(
        grants.contains(r#"<svg class="chart chart-bar""#),
        "money as bars"
    );
    assert!(grants.contains("2023: $2.5 million"));
    // A metric with one year has no chart.
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(
        !site
            .output("metrics/alpha-grants/index.html")
            .contains("<svg")
    );
    assert!(!site.output("index.html").contains("<script"));
}

#[test]
fn organization_and_action_line_pages_show_latest_change_and_sparkline() {
    let site = series_site();
    let org = site.output("organizations/org/index.html");
    let text = text_of(&org);
    assert!(
        text.contains("Schools connected 130 in 2024 ▲ +40 (+44.4%) since 2023"),
        "{text}"
    );
    assert!(org.contains(r#"<svg class="sparkline""#));
    assert!(org.contains(r#"aria-label="Trend of Grants: 2022: $1 million; 2023: $2.5 million""#));
    let line = site.output("action-lines/c2/index.html");
    assert_eq!(
        line.matches(r#"<svg class="sparkline""#).count(),
        2,
        "schools and outages"
    );
}

#[test]
fn open_data_files_carry_the_same_numbers() {
    let site = series_site();
    let csv = site.output("data/metrics.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,metric,title,organization,reported_by,unit,year,as_of,value,low,high,bound,status,source,source_url,first_party,standing,year_value,restates,report,published,quote,url"
    );
    assert_eq!(lines.count(), 9, "one row per figure");
    assert!(csv.contains(
        "org-2024/fig-schools-2024-2,schools,Schools connected,org,org,count,2024,2024-09,130,130,130,exact,actual,,,true,yearly,true,,org-2024,2024-10,by September 130 schools,https://example.org/reports/org-2024/#fig-schools-2024-2"
    ));
    assert!(
        csv.contains("\"Grants of $1,000,000 were made.\""),
        "quotes with commas are quoted"
    );

    let per_metric = site.output("data/metrics/schools.csv");
    assert_eq!(per_metric.lines().count(), 6);
    assert!(
        site.output("metrics/schools/index.html")
            .contains(r#"href="/data/metrics/schools.csv""#)
    );

    let metrics: serde_json::Value =
        serde_json::from_str(&site.output("data/metrics.json")).unwrap();
    let schools = metrics
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "schools")
        .unwrap();
    let yearly: Vec<(i64, f64)> = schools["yearly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(yearly, vec![(2022, 100.0), (2023, 90.0), (2024, 130.0)]);
    // The projection is on the outlook track, apart from what happened.
    assert_eq!(schools["outlook"][0]["year"], 2025);
    assert_eq!(schools["outlook"][0]["value"], 150.0);
    // metrics.json lists the series, not the figures: those are the rows of
    // metrics.csv and of the metric's own files (issue 17).
    assert!(schools.get("observations").is_none(), "{schools}");
    let own: serde_json::Value =
        serde_json::from_str(&site.output("data/metrics/schools.json")).unwrap();
    assert_eq!(own["observations"].as_array().unwrap().len(), 5);
    assert_eq!(own["yearly"], schools["yearly"]);

    let reports: serde_json::Value =
        serde_json::from_str(&site.output("data/reports.json")).unwrap();
    let r = &reports.as_array().unwrap()[2];
    assert_eq!(r["slug"], "org-2024");
    assert_eq!(r["figures"], 3);
    assert_eq!(r["action_lines"], serde_json::json!(["C2", "C4"]));
}

#[test]
fn coverage_matrix_has_every_line_and_links_years_to_sections() {
    let site = series_site();
    let html = site.output("action-lines/index.html");
    // C9 has no report but still has its row.
    assert!(html.contains(r#"<th scope="row"><a href="/action-lines/c9/">C9</a>"#));
    assert!(html.contains(r#"<a href="/reports/org-2023/#c2-infrastructure">2023</a>"#));
    // 2024 has no C4 section: the year links to the report itself.
    assert!(html.contains(r#"<a href="/reports/org-2024/">2024</a>"#));
    let home = site.output("index.html");
    assert!(home.contains(r#"<table class="matrix">"#));
}

#[test]
fn report_compares_with_the_previous_one() {
    let site = series_site();
    let html = site.output("reports/org-2023/index.html");
    let text = text_of(&html);
    let compare = &text[text
        .find("Compared with the previous report")
        .expect("comparison")..];
    assert!(
        compare.contains("Schools connected 100 90 ▼ −10 (−10.0%) since 2022"),
        "{compare}"
    );
    assert!(
        compare.contains("Grants $1 million $2.5 million ▲ +$1.5 million (+150.0%) since 2022"),
        "{compare}"
    );
    // Per action line, by its short name, the length of each report's section: not
    // its first sentence, nor its title and address, twice a row (issue 17).
    assert!(
        compare.contains("C2 Infrastructure 8 words 8 words"),
        "{compare}"
    );
    assert!(!compare.contains("We connected 90 schools."), "{compare}");
    assert!(!compare.contains("There were 5 outages"), "{compare}");
    assert!(!compare.contains("C2: Infrastructure"), "{compare}");
    // The previous report is linked once, from the comparison's first line.
    assert!(html.contains(r#"<a href="/reports/org-2022/">"#));
    assert!(!html.contains(r#"<a href="/reports/org-2022/#c2-infrastructure">"#));
    // The first report has nothing to compare with.
    assert!(
        !site
            .output("reports/org-2022/index.html")
            .contains("Compared with the previous report")
    );
}

#[test]
fn format_value_filter_formats_like_the_pages() {
    let site = Site::fixture("series");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p id=\"v\">{{ 264100 | format_value(unit=\"usd\", qualifier=\"at-least\") }}</p>\
         <p id=\"w\">{{ 20 | format_value(bound=\"at-least\", status=\"projected\") }}</p>\
         <p id=\"x\">{{ 3 | format_value(unit=\"percent\", bound=\"range\", high=5) }}</p>{% endblock content %}",
    );
    site.build_ok();
    let page = site.output("404.html");
    // The old `qualifier` still works; `bound` and `status` say what it could not.
    assert!(
        page.contains(r#"<p id="v">at least $264,100</p>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<p id="w">at least 20 (projected)</p>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<p id="x">between 3% and 5%</p>"#),
        "{page}"
    );
}
