//! What a figure can say (issue 13): each bound, status and source, carried through
//! the series, its changes, the pages and the open data. The fixture
//! `tests/fixtures/figures/` has one metric per case; its reports are by `own` (the
//! metrics' organization) and `other` (a third party).

use crate::common;

use common::{Site, text_of};

fn figures() -> Site {
    let site = Site::fixture("figures");
    site.build_ok();
    site
}

/// The rows of the "Values by year" table of `metric`'s page, as text.
fn table(site: &Site, metric: &str) -> String {
    let text = text_of(&site.output(&format!("metrics/{metric}/index.html")));
    let start = text.find("Values by year").expect("a values table");
    let end = text[start..]
        .find("Every figure links")
        .map_or(text.len(), |e| start + e);
    text[start..end].to_string()
}

/// The "Latest" fact of `metric`'s page.
fn latest(site: &Site, metric: &str) -> String {
    let text = text_of(&site.output(&format!("metrics/{metric}/index.html")));
    let start = text.find("Latest").expect("a latest value");
    let end = start
        + text[start..]
            .find(" Data ")
            .expect("the data link after it");
    text[start..end].to_string()
}

/// The row of `data/metrics.csv` whose id is `id`, as field name -> value.
fn csv_row(site: &Site, id: &str) -> std::collections::HashMap<String, String> {
    let csv = site.output("data/metrics.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for record in reader.records() {
        let record = record.unwrap();
        if record.get(0) == Some(id) {
            return header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect();
        }
    }
    panic!("no row {id} in {csv}");
}

/// The yearly values of `metric` in `data/metrics.json`.
fn json_track(site: &Site, metric: &str, track: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(&site.output("data/metrics.json")).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == metric)
        .unwrap_or_else(|| panic!("{metric} in metrics.json"))[track]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_third_party_lower_bound_is_shown_beside_the_own_series_never_as_a_decline() {
    // The shipped NRI case: the IGF's own 174, then "more than 155" from someone else.
    let site = figures();
    let rows = table(&site, "nris");
    assert!(
        rows.contains("2024 174 ▲ +131 (+304.7%) since 2015"),
        "{rows}"
    );
    assert!(
        rows.contains("2025 at least 155 (stated by Other Organization; not the series' value) –"),
        "{rows}"
    );
    assert!(!rows.contains('▼') && !rows.contains("−19"), "{rows}");
    assert_eq!(
        latest(&site, "nris"),
        "Latest 174 in 2024, ▲ +131 (+304.7%) since 2015"
    );
    // The home page's headline is the series' latest value.
    let home = text_of(&site.output("index.html"));
    assert!(!home.contains("155 in 2025"), "{home}");
    let row = csv_row(&site, "other-2025/fig-nris-2025");
    assert_eq!(
        (
            row["bound"].as_str(),
            row["first_party"].as_str(),
            row["standing"].as_str()
        ),
        ("at-least", "false", "beside")
    );
    assert_eq!(
        (
            row["value"].as_str(),
            row["low"].as_str(),
            row["high"].as_str()
        ),
        ("155", "155", "")
    );
    assert_eq!(row["reported_by"], "other");
    let yearly = json_track(&site, "nris", "yearly");
    assert_eq!(yearly.len(), 2, "{yearly:?}");
    assert_eq!(yearly[1]["change"]["kind"], "point");
    assert_eq!(yearly[1]["change"]["absolute"], 131.0);
}

#[test]
fn an_exact_value_after_a_lower_bound_that_could_be_either_side_is_not_comparable() {
    let site = figures();
    let rows = table(&site, "members");
    assert!(
        rows.contains("2025 511 not comparable with 2024 (at least 430): 511 and at least 430 do not say which way it moved"),
        "{rows}"
    );
    let html = site.output("metrics/members/index.html");
    assert!(
        html.contains(
            r#"<span class="change change-neutral change-not-comparable">not comparable</span>"#
        ),
        "{html}"
    );
    let yearly = json_track(&site, "members", "yearly");
    assert_eq!(yearly[1]["change"]["kind"], "not-comparable");
    assert!(yearly[1]["change"]["absolute"].is_null());
}

#[test]
fn an_exact_value_below_an_earlier_lower_bound_is_a_fall_of_at_least_the_gap() {
    // "over $265,000" then "$264,100": whatever 2024 was, 2025 is at least $900 lower.
    let site = figures();
    let rows = table(&site, "funding");
    assert!(
        rows.contains("2025 $264,100 ▼ −$900 or more since 2024 (at least $265,000)"),
        "{rows}"
    );
    let yearly = json_track(&site, "funding", "yearly");
    assert_eq!(yearly[1]["change"]["kind"], "between");
    assert!(yearly[1]["change"]["low"].is_null());
    assert_eq!(yearly[1]["change"]["high"], -900.0);
}

#[test]
fn a_lower_bound_above_an_earlier_exact_value_is_a_rise_of_at_least_the_gap() {
    let site = figures();
    let rows = table(&site, "trained");
    assert!(
        rows.contains("2024 at least 112 ▲ +12 or more since 2023 (100)"),
        "{rows}"
    );
    let html = site.output("metrics/trained/index.html");
    assert!(html.contains(r#"<span class="change change-good change-between">"#));
    let row = csv_row(&site, "own-2024/fig-trained-2024");
    assert_eq!((row["low"].as_str(), row["high"].as_str()), ("112", ""));
}

#[test]
fn a_range_is_stated_with_both_ends_and_changes_as_an_interval() {
    let site = figures();
    let rows = table(&site, "sites");
    assert!(
        rows.contains("2024 between 12 and 15 ▲ +2 to +5 since 2023 (10)"),
        "{rows}"
    );
    let row = csv_row(&site, "own-2024/fig-sites-2024");
    assert_eq!(
        (
            row["value"].as_str(),
            row["low"].as_str(),
            row["high"].as_str(),
            row["bound"].as_str()
        ),
        ("", "12", "15", "range")
    );
    let yearly = json_track(&site, "sites", "yearly");
    assert_eq!(
        (
            yearly[1]["change"]["low"].as_f64(),
            yearly[1]["change"]["high"].as_f64()
        ),
        (Some(2.0), Some(5.0))
    );
}

#[test]
fn projections_and_targets_stand_apart_and_never_enter_a_change() {
    let site = figures();
    let rows = table(&site, "pilots");
    assert!(
        rows.contains("2025 at least 20 (projected) projected: not compared"),
        "{rows}"
    );
    assert!(
        rows.contains("2030 100 (target) target: not compared"),
        "{rows}"
    );
    // The latest value is what happened, not what is expected.
    assert_eq!(latest(&site, "pilots"), "Latest 10 in 2024");
    let outlook = json_track(&site, "pilots", "outlook");
    let years: Vec<_> = outlook
        .iter()
        .map(|y| (y["year"].clone(), y["status"].clone()))
        .collect();
    assert_eq!(
        years,
        [
            (2025.into(), "projected".into()),
            (2030.into(), "target".into())
        ]
    );
    assert!(outlook.iter().all(|y| y["change"].is_null()));
    assert_eq!(json_track(&site, "pilots", "yearly").len(), 1);
    let row = csv_row(&site, "own-2024/fig-pilots-2025");
    assert_eq!(
        (
            row["bound"].as_str(),
            row["status"].as_str(),
            row["standing"].as_str()
        ),
        ("at-least", "projected", "outlook")
    );
}

#[test]
fn approximate_values_and_estimates_make_indicative_changes() {
    let site = figures();
    let rows = table(&site, "hours");
    assert!(
        rows.contains("2024 200 hours ▲ +50 hours (+33.3%) since 2023, indicative"),
        "{rows}"
    );
    assert!(
        rows.contains("2025 220 hours (estimate) ▲ +20 hours (+10.0%) since 2024, indicative"),
        "{rows}"
    );
    let row = csv_row(&site, "own-2025/fig-hours-2025");
    assert_eq!(row["status"], "estimate");
}

#[test]
fn a_cited_source_is_named_and_makes_the_series_when_the_metric_has_no_own_figure() {
    let site = figures();
    let rows = table(&site, "subs");
    assert!(
        rows.contains(
            "2024 5,500,000 (cited from GSMA Intelligence) ▲ +500,000 (+10.0%) since 2023"
        ),
        "{rows}"
    );
    let row = csv_row(&site, "own-2024/fig-subs-2023");
    assert_eq!(
        (
            row["source"].as_str(),
            row["source_url"].as_str(),
            row["first_party"].as_str()
        ),
        (
            "GSMA Intelligence",
            "https://www.gsmaintelligence.com/",
            "false"
        )
    );
    assert_eq!(csv_row(&site, "own-2025/fig-subs-2024")["source_url"], "");
}

#[test]
fn a_restatement_is_shown_beside_the_figure_it_repeats_not_counted_twice() {
    let site = figures();
    let rows = table(&site, "grants");
    assert_eq!(
        rows.matches("first value").count(),
        1,
        "one row for 2022: {rows}"
    );
    assert!(
        rows.contains("2022 7 (restated in Own report 2024 )"),
        "{rows}"
    );
    let row = csv_row(&site, "own-2024/fig-grants-2022");
    assert_eq!(
        (row["standing"].as_str(), row["restates"].as_str()),
        ("restatement", "own-2023/fig-grants-2022")
    );
    assert_eq!(
        csv_row(&site, "own-2023/fig-grants-2022")["standing"],
        "yearly"
    );
}

#[test]
fn the_old_qualifier_still_reads() {
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2024.md",
        "    bound: at-least\n    quote: \"more than 430",
        "    qualifier: at-least\n    quote: \"more than 430",
    );
    site.edit(
        "content/reports/own-2024.md",
        "    year: 2030\n    status: target",
        "    year: 2030\n    qualifier: projected",
    );
    site.build_ok();
    assert!(table(&site, "members").contains("2024 at least 430 first value"));
    assert!(table(&site, "pilots").contains("2030 100 (projected) projected: not compared"));
}

#[test]
fn the_report_page_names_a_cited_source_and_what_a_restatement_repeats() {
    let site = figures();
    let html = site.output("reports/own-2024/index.html");
    assert!(
        html.contains(
            r#"(cited from <a href="https://www.gsmaintelligence.com/">GSMA Intelligence</a>)"#
        ),
        "{html}"
    );
    assert!(
        html.contains(
            r#"(restates <a href="/reports/own-2023/#fig-grants-2022">Own report 2023</a>)"#
        ),
        "{html}"
    );
}

#[test]
fn an_actual_value_is_not_a_restatement_of_a_projection() {
    // own-2024 projects at least 20 pilots for 2025; a later report stating 20 actual
    // pilots for 2025 reports news, not a restatement.
    let site = Site::fixture("figures");
    site.write(
        "content/reports/own-2026.md",
        "---\ntitle: \"Own report 2026\"\norganization: own\nyear: 2026\npublished: 2026-10\n\
         kind: annual-progress\nfigures:\n  - metric: pilots\n    value: 20\n    year: 2025\n    \
         bound: at-least\n    restates: own-2024\n    quote: \"more than 20 pilots ran in 2025\"\n---\n\n\
         In the end, more than 20 pilots ran in 2025.\n",
    );
    site.build(&[]).assert_error(
        "content/reports/own-2026.md:12:15",
        "own-2024 states pilots for 2025 as at least 20 (projected), not at least 20",
    );
    // Without the mark it is the year's value, and no warning calls it a repeat.
    site.edit(
        "content/reports/own-2026.md",
        "    restates: own-2024\n",
        "",
    );
    let run = site.run("build", &[]);
    assert!(run.ok && !run.stderr.contains("repeats"), "{}", run.stderr);
    assert!(table(&site, "pilots").contains("2025 at least 20 ▲ +10 or more since 2024 (10)"));
}

#[test]
fn a_change_through_an_approximate_value_is_indicative_even_as_an_interval() {
    let site = Site::fixture("figures");
    site.write(
        "content/reports/own-2026.md",
        "---\ntitle: \"Own report 2026\"\norganization: own\nyear: 2026\npublished: 2026-10\n\
         kind: annual-progress\nfigures:\n  - metric: hours\n    value: 221\n    year: 2026\n    \
         bound: at-least\n    quote: \"more than 221 hours\"\n---\n\nWe gave more than 221 hours of training.\n",
    );
    site.build_ok();
    // 2025 was an estimate of 220: "+1 or more" is only indicative.
    let rows = table(&site, "hours");
    assert!(rows.contains("2026 at least 221 hours ▲ +1 hours or more since 2025 (220 hours (estimate)), indicative"), "{rows}");
    let yearly = json_track(&site, "hours", "yearly");
    assert_eq!(yearly[3]["change"]["approximate"], true);
}

#[test]
fn figures_from_two_different_sources_make_no_change() {
    // Both cited, from different sources: 5.5 million (GSMA) after a census's 6 million
    // is no fall anyone reported.
    let site = Site::fixture("figures");
    site.edit(
        "content/reports/own-2025.md",
        "      name: \"GSMA Intelligence\"\n",
        "      name: \"National Census\"\n",
    );
    site.edit(
        "content/reports/own-2025.md",
        "    quote: \"GSMA Intelligence counts",
        "    quote: \"National Census counts",
    );
    site.edit(
        "content/reports/own-2025.md",
        "GSMA Intelligence counts 5.5",
        "National Census counts 5.5",
    );
    site.build_ok();
    let rows = table(&site, "subs");
    assert!(
        rows.contains("2024 5,500,000 (cited from National Census) not comparable with 2023 (5,000,000): National Census and GSMA Intelligence are different sources"),
        "{rows}"
    );
    assert!(!rows.contains('▲'), "{rows}");
    assert_eq!(
        json_track(&site, "subs", "yearly")[1]["change"]["kind"],
        "other-source"
    );
}

#[test]
fn a_chart_of_others_figures_says_who_states_each() {
    // `subs` has no figure of its own organization: its track is made of cited ones.
    let site = figures();
    let html = site.output("metrics/subs/index.html");
    assert!(
        html.contains("<desc id=\"chart-subs-desc\">2023: 5,000,000 (stated by GSMA Intelligence); 2024: 5,500,000 (stated by GSMA Intelligence)</desc>"),
        "{html}"
    );
    // The own series' chart names nobody.
    let nris = site.output("metrics/nris/index.html");
    assert!(
        nris.contains("2024: 174; 2025: at least 155 (stated by Other Organization)"),
        "{nris}"
    );
}
