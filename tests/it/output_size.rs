//! Output size (issue 17): each cut of a redundant copy or a verbose spelling, checked
//! to be in place and to lose nothing a reader or an analyst could get before.

use crate::common;

use std::path::Path;

use common::{Site, text_of};
use serde_json::Value;

/// The basic fixture (its site under the sub-path `/sub/`), built.
fn basic() -> Site {
    let site = Site::fixture("basic");
    site.build_ok();
    site
}

#[test]
fn a_page_offers_its_bibtex_as_a_file_once_and_does_not_show_it_again() {
    let site = basic();
    for page in [
        "reports/alpha-2024/index.html",
        "metrics/alpha-alumni/index.html",
    ] {
        let html = site.output(page);
        let (bib, json) = common::cite_files(&html);
        // The file is complete: the entry and every field.
        assert!(
            bib.starts_with('@') && bib.ends_with("}\n"),
            "{page}: {bib}"
        );
        assert!(
            bib.contains("  url = {https://example.org/sub/"),
            "{page}: {bib}"
        );
        // Its text is not on the page a second time.
        let first = bib.lines().next().unwrap();
        assert!(!text_of(&html).contains(first), "{page} shows the BibTeX");
        assert!(!html.contains("<pre"), "{page}");
        // The CSL-JSON file is one compact line, and still the whole citation.
        assert_eq!(json.lines().count(), 1, "{page}: {json}");
        let parsed: Value = serde_json::from_str(&json).unwrap();
        // Compact: as long as the same value written compactly (a title may hold ": ").
        assert_eq!(
            serde_json::to_string(&parsed).unwrap().len(),
            json.trim_end_matches('\n').len(),
            "{page}"
        );
        assert!(
            parsed[0]["URL"]
                .as_str()
                .unwrap()
                .starts_with("https://example.org/sub/")
        );
    }
}

#[test]
fn a_report_links_its_own_figures_sentences_by_their_fragment() {
    let site = basic();
    let html = site.output("reports/alpha-2024/index.html");
    let model = site.model();
    let r = model
        .reports
        .iter()
        .find(|r| r.slug == "alpha-2024")
        .unwrap();
    assert!(!r.figures.is_empty());
    for f in &r.figures {
        assert!(
            html.contains(&format!("<td><a href=\"#{}\">“", f.anchor)),
            "{}: not linked by its fragment",
            f.anchor
        );
        assert!(
            html.contains(&format!("id=\"{}\"", f.anchor)),
            "{}",
            f.anchor
        );
    }
    // The page's own address is not spelled out before a fragment of it.
    assert!(!html.contains("href=\"/sub/reports/alpha-2024/#"), "{html}");
    // Other pages still link the sentence by its full address.
    let metric = site.output("metrics/alpha-alumni/index.html");
    assert!(metric.contains("href=\"/sub/reports/alpha-2024/#fig-alpha-alumni-2024\""));
}

#[test]
fn a_contents_entry_is_classed_by_its_level_only_below_the_second() {
    let site = basic();
    let html = site.output("reports/alpha-2024/index.html");
    let toc = &html[html.find("<nav class=\"toc\"").expect("contents")..];
    let toc = &toc[..toc.find("</nav>").unwrap()];
    assert_eq!(toc.matches("<li><a href=\"#").count(), 2, "{toc}");
    assert_eq!(
        toc.matches("<li class=\"toc-3\"><a href=\"#").count(),
        1,
        "{toc}"
    );
    assert!(!toc.contains("toc-2"), "{toc}");
}

/// The fields of the figures' Table Schema that it requires.
fn required_fields(schema: &Value) -> Vec<String> {
    schema["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["constraints"]["required"] == true)
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

/// Checks that each figure of the metric JSON file `json` says what its row of the CSV
/// file `csv` says: a field left out is one its record states for every figure, or an
/// empty one that the schema does not require.
fn check_metric_file(json: &Path, csv: &Path, required: &[String]) {
    let record: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let figures = record["observations"].as_array().unwrap();
    let mut reader = csv::Reader::from_path(csv).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(figures.len(), rows.len(), "{json:?}");
    let from_record = [
        ("metric", "id"),
        ("title", "title"),
        ("organization", "organization"),
        ("unit", "unit"),
    ];
    for (figure, row) in figures.iter().zip(&rows) {
        let fields = figure.as_object().unwrap();
        assert!(
            fields.values().all(|v| !v.is_null()),
            "{json:?}: a null in {figure}"
        );
        for (column, cell) in header.iter().zip(row) {
            match fields.get(column) {
                Some(Value::String(s)) => assert_eq!(s, cell, "{json:?} {column}"),
                Some(v) => assert_eq!(&v.to_string(), cell, "{json:?} {column}"),
                None => match from_record.iter().find(|(c, _)| c == column) {
                    Some((_, key)) => assert_eq!(record[key], cell.as_str(), "{json:?} {column}"),
                    None => {
                        assert_eq!(cell, "", "{json:?}: {column} left out but not empty");
                        assert!(!required.contains(column), "{column} is required");
                    }
                },
            }
        }
        assert_eq!(
            fields.len() + 4,
            header.len() - count_empty(&header, row, fields)
        );
    }
}

/// How many of `row`'s cells are empty and left out of the figure's `fields`.
fn count_empty(
    header: &[String],
    row: &[String],
    fields: &serde_json::Map<String, Value>,
) -> usize {
    header
        .iter()
        .zip(row)
        .filter(|(c, cell)| cell.is_empty() && !fields.contains_key(c.as_str()))
        .count()
}

#[test]
fn a_metric_json_file_leaves_out_what_its_record_says_and_empty_fields_only() {
    for site in [Site::shipped(), Site::fixture("data_package")] {
        site.build_ok();
        let data = site.root.join("public/data");
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(data.join("figures.schema.json")).unwrap(),
        )
        .unwrap();
        let required = required_fields(&schema);
        let mut checked = 0;
        for entry in std::fs::read_dir(data.join("metrics")).unwrap() {
            let json = entry.unwrap().path();
            if json.extension().is_some_and(|e| e == "json") {
                check_metric_file(&json, &json.with_extension("csv"), &required);
                checked += 1;
            }
        }
        assert!(checked >= 2, "{checked} metric files");
        // One at least had an empty field to leave out.
        let metrics = std::fs::read_to_string(data.join("metrics.csv")).unwrap();
        assert!(metrics.contains(",,"));
    }
}
