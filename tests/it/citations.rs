//! Citations, checked by the formats' own parsers: every BibTeX file a page offers is
//! read by the `biblatex` crate and every CSL-JSON file by citationberg's types and
//! against the CSL-JSON schema (`tests/schemas/csl-data.json`), on the shipped site
//! and on a fixture whose names are hostile (braces, `%`, quotes, backslashes,
//! Arabic and Chinese). Report pages carry the `citation_*` meta tags that Zotero
//! and Google Scholar read, and every page Open Graph's.

use crate::{citation_meta, common};

use biblatex::{Bibliography, ChunksExt, EntryType};
use citation_meta::meta;
use common::Site;
use serde_json::Value;

/// A title with every character BibTeX, TeX, JSON and HTML treat specially, and
/// text in right-to-left and CJK scripts.
const HOSTILE_TITLE: &str = r#"Braces {open and } close, 100% & $5 #1 a_b ~ ^ \section "quoted" <b>x</b> — تقرير التقدم 进展报告"#;
/// An organization name with the same kinds of characters.
const HOSTILE_ORG: &str = r#"Alpha {Society} & 50% "Co" \ مجتمع ألفا"#;

/// The CSL-JSON schema, compiled.
fn csl_schema() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemas/csl-data.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the CSL-JSON schema compiles")
}

/// What a citation file must say.
struct Expected<'a> {
    key: String,
    dataset: bool,
    title: &'a str,
    author: &'a str,
    url: String,
    year: Option<i32>,
}

/// Reads the BibTeX and CSL-JSON files the page in the output folder `folder` offers
/// and checks them against `e` with the formats' parsers.
fn check_files(site: &Site, schema: &jsonschema::Validator, folder: &str, e: &Expected<'_>) {
    let (bib_text, json_text) = common::cite_files(&site.output(&format!("{folder}index.html")));
    let bib = Bibliography::parse(&bib_text)
        .unwrap_or_else(|err| panic!("{folder} BibTeX does not parse: {err:?}\n{bib_text}"));
    assert_eq!(bib.len(), 1, "{folder} BibTeX: one entry");
    let entry = bib.iter().next().unwrap();
    assert_eq!(entry.key, e.key, "{folder} BibTeX");
    assert!(
        entry
            .key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "{}",
        entry.key
    );
    let kind = if e.dataset {
        EntryType::Dataset
    } else {
        EntryType::Report
    };
    assert_eq!(entry.entry_type, kind, "{folder} BibTeX");
    assert_eq!(
        entry.title().unwrap().format_verbatim(),
        e.title,
        "{folder} BibTeX: title\n{bib_text}"
    );
    let authors = entry.author().unwrap();
    assert_eq!(authors.len(), 1, "{folder} BibTeX: one author\n{bib_text}");
    // One institutional name: no given name split off it.
    assert_eq!(authors[0].name, e.author, "{folder} BibTeX\n{bib_text}");
    assert_eq!(authors[0].given_name, "", "{folder} BibTeX\n{bib_text}");
    assert_eq!(entry.url().unwrap(), e.url, "{folder} BibTeX");
    match e.year {
        Some(year) => {
            let date = entry.date().unwrap();
            let biblatex::PermissiveType::Typed(date) = date else {
                panic!("{folder} BibTeX: the date is not a date\n{bib_text}");
            };
            let biblatex::DateValue::At(at) = date.value else {
                panic!("{folder} BibTeX: the date is a range");
            };
            assert_eq!(at.year, year, "{folder} BibTeX");
        }
        None => assert!(entry.date().is_err(), "{folder} BibTeX has a date"),
    }
    if !e.dataset {
        assert_eq!(
            entry.get("institution").unwrap().format_verbatim(),
            e.author,
            "{folder} BibTeX"
        );
    }

    let json: Value = serde_json::from_str(&json_text).unwrap();
    let errors: Vec<String> = schema.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{folder} CSL-JSON breaks the CSL-JSON schema: {errors:?}\n{json_text}"
    );
    let items: Vec<citationberg::json::Item> = serde_json::from_str(&json_text)
        .unwrap_or_else(|err| panic!("{folder} CSL-JSON is not CSL-JSON: {err}\n{json_text}"));
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.id().as_deref(), Some(e.key.as_str()));
    let kind = if e.dataset { "dataset" } else { "report" };
    assert_eq!(item.type_().as_deref(), Some(kind));
    let text = |k: &str| {
        item.0
            .get(k)
            .and_then(|v| v.to_str())
            .map(|s| s.into_owned())
    };
    assert_eq!(text("title").as_deref(), Some(e.title));
    assert_eq!(text("URL"), Some(e.url.clone()));
    match item.0.get("author") {
        Some(citationberg::json::Value::Names(names)) => match names.as_slice() {
            [citationberg::json::NameValue::Literal(n)] => assert_eq!(n.literal, e.author),
            other => panic!("{folder} CSL-JSON: author {other:?}"),
        },
        other => panic!("{folder} CSL-JSON: author {other:?}"),
    }
    match (item.0.get("issued"), e.year) {
        (Some(citationberg::json::Value::Date(_)), Some(_)) | (None, None) => {}
        (issued, _) => panic!("{folder} CSL-JSON: issued {issued:?}"),
    }
    assert_eq!(
        json[0]["issued"]["date-parts"][0][0],
        e.year.map_or(Value::Null, Value::from)
    );
}

#[test]
fn every_citation_file_of_the_shipped_site_parses_and_fits_the_schema() {
    let site = Site::shipped();
    site.build_ok();
    let model = site.model();
    let schema = csl_schema();
    let root = "https://example.org/wsis/";
    for r in &model.reports {
        let org = &model.organizations[r.organization.index()];
        check_files(
            &site,
            &schema,
            &format!("reports/{}/", r.slug),
            &Expected {
                key: format!("wsis-{}", r.slug),
                dataset: false,
                title: &r.title,
                author: &org.name,
                url: format!("{root}reports/{}/", r.slug),
                year: Some(r.published.year),
            },
        );
    }
    assert!(!model.metrics.is_empty());
    for m in model.metrics.iter() {
        let org = &model.organizations[m.organization.index()];
        let issued = model
            .reports
            .iter()
            .filter(|r| {
                r.figures
                    .iter()
                    .any(|f| model.metrics[f.metric.index()].id == m.id)
            })
            .map(|r| r.published)
            .max();
        check_files(
            &site,
            &schema,
            &format!("metrics/{}/", m.id),
            &Expected {
                key: format!("wsis-metric-{}", m.id),
                dataset: true,
                title: &m.title,
                author: &org.name,
                url: format!("{root}metrics/{}/", m.id),
                year: issued.map(|d| d.year),
            },
        );
    }
}

/// The basic fixture with a hostile report title, organization name and metric title.
fn hostile_site() -> Site {
    let site = Site::fixture("basic");
    let yaml = |s: &str| serde_json::to_string(s).unwrap();
    site.edit(
        "content/reports/alpha-2024.md",
        "title: \"Alpha progress report 2024\"",
        &format!("title: {}", yaml(HOSTILE_TITLE)),
    )
    .edit(
        "content/organizations/alpha.yaml",
        "name: \"Alpha Society\"",
        &format!("name: {}", yaml(HOSTILE_ORG)),
    )
    .edit(
        "content/metrics.yaml",
        "title: \"Alumni\"",
        &format!("title: {}", yaml(HOSTILE_TITLE)),
    );
    site.build_ok();
    site
}

#[test]
fn hostile_titles_and_names_come_back_unchanged_from_both_formats() {
    let site = hostile_site();
    let schema = csl_schema();
    let root = "https://example.org/sub/";
    check_files(
        &site,
        &schema,
        "reports/alpha-2024/",
        &Expected {
            key: "wsis-alpha-2024".into(),
            dataset: false,
            title: HOSTILE_TITLE,
            author: HOSTILE_ORG,
            url: format!("{root}reports/alpha-2024/"),
            year: Some(2024),
        },
    );
    check_files(
        &site,
        &schema,
        "metrics/alpha-alumni/",
        &Expected {
            key: "wsis-metric-alpha-alumni".into(),
            dataset: true,
            title: HOSTILE_TITLE,
            author: HOSTILE_ORG,
            url: format!("{root}metrics/alpha-alumni/"),
            year: Some(2024),
        },
    );
    // The page shows the citation escaped for HTML: no tag of the title survives.
    let page = site.output("reports/alpha-2024/index.html");
    assert!(
        !page.contains("<b>x</b>"),
        "the title's markup reached the page"
    );
    // The files travel in the links' addresses: nothing there for HTML to escape.
    for (at, _) in page.match_indices("href=\"data:") {
        let url = &page[at + 6..at + 6 + page[at + 6..].find('"').unwrap()];
        assert!(!url.contains(['<', '>', '&', '\'', ' ']), "{url}");
    }
}

#[test]
fn a_metric_without_values_is_cited_without_a_date() {
    let site = Site::fixture("basic");
    site.write(
        "content/metrics.yaml",
        &format!(
            "{}\n- id: empty-metric\n  title: \"Nothing yet\"\n  unit: count\n  organization: beta\n",
            std::fs::read_to_string(site.root.join("content/metrics.yaml"))
                .unwrap()
                .trim_end()
        ),
    );
    site.build_ok();
    let model = site.model();
    let beta = model.organizations.iter().find(|o| o.id == "beta").unwrap();
    check_files(
        &site,
        &csl_schema(),
        "metrics/empty-metric/",
        &Expected {
            key: "wsis-metric-empty-metric".into(),
            dataset: true,
            title: "Nothing yet",
            author: &beta.name,
            url: "https://example.org/sub/metrics/empty-metric/".into(),
            year: None,
        },
    );
    assert!(
        site.output("metrics/empty-metric/index.html")
            .contains(&format!("{} (n.d.). Nothing yet [Data set].", beta.name))
    );
}

#[test]
fn a_report_page_carries_the_citation_meta_tags_with_their_values() {
    let site = hostile_site();
    let page = site.output("reports/alpha-2024/index.html");
    let one = |name: &str| meta(&page, "name", name);
    assert_eq!(one("citation_title"), [HOSTILE_TITLE]);
    assert_eq!(one("citation_author"), [HOSTILE_ORG]);
    assert_eq!(one("citation_publication_date"), ["2024/10"]);
    assert_eq!(one("citation_date"), ["2024/10"]);
    assert_eq!(one("citation_publisher"), [HOSTILE_ORG]);
    assert_eq!(
        one("citation_public_url"),
        ["https://example.org/sub/reports/alpha-2024/"]
    );
    assert_eq!(
        one("citation_abstract_html_url"),
        ["https://example.org/sub/reports/alpha-2024/"]
    );
    // The fixture's report names no original: no PDF address is made up.
    assert!(one("citation_pdf_url").is_empty());
    assert_eq!(meta(&page, "property", "og:type"), ["article"]);
    assert_eq!(
        meta(&page, "property", "article:published_time"),
        ["2024-10"]
    );
}

#[test]
fn report_and_metric_pages_offer_all_three_formats_and_the_files_in_their_links() {
    let site = Site::fixture("basic");
    site.build_ok();
    for (page, label, key, folder) in [
        (
            "reports/alpha-2024/index.html",
            "Cite this report",
            "wsis-alpha-2024",
            "reports/alpha-2024/",
        ),
        (
            "metrics/alpha-alumni/index.html",
            "Cite this metric",
            "wsis-metric-alpha-alumni",
            "metrics/alpha-alumni/",
        ),
    ] {
        let html = site.output(page);
        let text = common::text_of(&html).replace("&quot;", "\"");
        assert!(
            html.contains(&format!("<summary>{label}</summary>")),
            "{page}"
        );
        // Both files offered for download under the entry's key, carried in the link:
        // no file beside the page.
        for name in [format!("{key}.bib"), format!("{key}.json")] {
            assert!(
                html.contains(&format!("download=\"{name}\"")),
                "{page}: {name}"
            );
        }
        for old in ["cite.bib", "cite.json"] {
            assert!(!site.has_output(&format!("{folder}{old}")), "{page}: {old}");
        }
        // The page offers the BibTeX and the CSL-JSON without showing them again (see
        // `output_size`).
        let (bib, json) = common::cite_files(&html);
        assert!(!text.contains(bib.lines().next().unwrap()), "{page}");
        assert!(json.contains("\"URL\":\"https://example.org/sub/"));
        assert!(!text.contains("\"URL\":"), "{page}");
        assert!(
            text.contains("Stable address: https://example.org/sub/"),
            "{page}"
        );
    }
    let report = common::text_of(&site.output("reports/alpha-2024/index.html"));
    assert!(report.contains(
        "Alpha Society (2024). Alpha progress report 2024. Annual progress report. \
         https://example.org/sub/reports/alpha-2024/"
    ));
}

#[test]
fn every_figure_row_of_a_report_cites_the_figure_and_the_report_offers_its_files_once() {
    for (slug, figures) in [("alpha-2024", 2), ("alpha-2023", 1)] {
        let site = Site::fixture("basic");
        site.build_ok();
        let html = site.output(&format!("reports/{slug}/index.html"));
        let model = site.model();
        let r = model.reports.iter().find(|r| r.slug == slug).unwrap();
        assert_eq!(r.figures.len(), figures, "{slug}");
        assert_eq!(
            html.matches("<details class=\"cite\">").count(),
            figures,
            "{slug}"
        );
        assert_eq!(
            html.matches("type=\"application/x-bibtex\"").count(),
            1,
            "{slug}: the report's citation offers its BibTeX; its figures' do not repeat it"
        );
        let text = common::text_of(&html);
        for (i, f) in r.figures.iter().enumerate() {
            assert!(
                text.contains(&format!("Figure {}: ", r.figure_id(i))),
                "{slug}: figure {i} not cited"
            );
            assert!(
                text.contains(&format!(
                    "https://example.org/sub/reports/{slug}/#{}",
                    f.anchor
                )),
                "{slug}: figure {i}'s address"
            );
        }
    }
}

#[test]
fn a_page_in_another_language_cites_the_same_work_and_offers_the_same_files() {
    let site = Site::fixture_in("basic", &["en", "fr"]);
    site.build_ok();
    let en = site.output("reports/alpha-2024/index.html");
    let fr = site.output("fr/reports/alpha-2024/index.html");
    // The same files offered on both pages (a citation is the same in every
    // language), once each (its figures' citations do not repeat them).
    assert_eq!(common::cite_files(&en), common::cite_files(&fr));
    assert!(!site.has_output("fr/reports/alpha-2024/cite.bib"));
    for (lang, html, locale) in [("en", &en, "en"), ("fr", &fr, "fr")] {
        assert!(
            html.contains("download=\"wsis-alpha-2024.bib\""),
            "{lang}: the report's own file"
        );
        assert_eq!(meta(html, "property", "og:locale"), [locale], "{lang}");
        assert_eq!(
            meta(html, "name", "citation_public_url"),
            ["https://example.org/sub/reports/alpha-2024/"],
            "{lang}"
        );
        assert_eq!(meta(html, "name", "citation_language"), ["en"], "{lang}");
    }
    let metric = site.output("fr/metrics/alpha-alumni/index.html");
    assert!(metric.contains("download=\"wsis-metric-alpha-alumni.bib\""));
    assert_eq!(
        common::cite_files(&metric),
        common::cite_files(&site.output("metrics/alpha-alumni/index.html"))
    );
}

#[test]
fn a_metric_page_links_each_value_to_its_sentence_where_the_figure_is_cited() {
    let site = Site::fixture_in("basic", &["en", "fr"]);
    site.build_ok();
    let model = site.model();
    let metric = model
        .metrics
        .iter()
        .position(|m| m.id == "alpha-alumni")
        .unwrap();
    let cited: Vec<(String, String)> = model
        .reports
        .iter()
        .flat_map(|r| {
            r.figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.metric.index() == metric)
                .map(|(i, f)| (r.slug.clone(), r.figure_id(i), f.anchor.clone()))
                .collect::<Vec<_>>()
        })
        .map(|(slug, id, anchor)| (format!("reports/{slug}/#{anchor}"), format!("{slug}|{id}")))
        .collect();
    assert!(cited.len() >= 2, "the fixture's metric has several values");
    for lang in ["", "fr/"] {
        let page = site.output(&format!("{lang}metrics/alpha-alumni/index.html"));
        assert_eq!(
            page.matches("<details class=\"cite\">").count(),
            0,
            "{lang}: a metric page cites the metric, not each value"
        );
        for (sentence, which) in &cited {
            let (slug, id) = which.split_once('|').unwrap();
            assert!(
                page.contains(&format!("href=\"/sub/{lang}{sentence}\"")),
                "{lang}: the value {id} links its sentence"
            );
            let report = common::text_of(&site.output(&format!("{lang}reports/{slug}/index.html")));
            assert!(
                report.contains(&format!("{id}: ")),
                "{lang}: the report page cites figure {id}"
            );
        }
    }
}
