//! `wsis import` (issue 14): a text submission becomes a draft report of the fixture
//! site `tests/fixtures/import_site/`, with its action lines suggested, its figures
//! marked as candidates and a metric chosen or proposed for each; `--format json`
//! prints the same draft and writes nothing.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, Site};
use serde_json::Value;

const REPORT: &str = "content/reports/isoc-2024.md";

fn submission(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import_site/submissions")
        .join(name)
}

fn import(site: &Site, file: &Path, args: &[&str]) -> Run {
    let mut all = vec![file.to_str().unwrap()];
    all.extend_from_slice(args);
    site.run("import", &all)
}

fn import_isoc(site: &Site, args: &[&str]) -> Run {
    let mut all = vec!["--organization", "isoc", "--year", "2024"];
    all.extend_from_slice(args);
    import(site, &submission("isoc-2024.txt"), &all)
}

fn json_draft(site: &Site) -> Value {
    let run = import_isoc(site, &["--format", "json"]);
    assert!(run.ok, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect()
}

/// The candidate whose quote contains `words`.
fn candidate<'v>(draft: &'v Value, words: &str) -> &'v Value {
    draft["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["quote"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no candidate quoting {words:?}: {draft:#}"))
}

#[test]
fn json_has_the_issues_fields_and_types_and_writes_nothing() {
    let site = Site::fixture("import_site");
    let before = common::snapshot(&site.root);
    let d = json_draft(&site);
    assert_eq!(
        common::snapshot(&site.root),
        before,
        "--format json wrote a file"
    );

    for key in [
        "title",
        "organization",
        "year",
        "published",
        "action_lines",
        "sections",
        "candidates",
    ] {
        assert!(d.get(key).is_some(), "no `{key}` in {:?}", keys(&d));
    }
    assert_eq!(d["title"], "Internet Society Impact Report 2024");
    assert_eq!(d["organization"], "isoc");
    assert_eq!(d["year"], 2024);
    assert_eq!(d["published"], "2024-11-15", "the date on the first lines");
    assert!(d["action_lines"].is_array());

    let sections = d["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 6, "{sections:#?}");
    for s in sections {
        assert!(s["heading"].is_string() || s["heading"].is_null(), "{s}");
        assert!(s["action_lines"].is_array(), "{s}");
        assert!(s["text"].is_string(), "{s}");
    }
    assert_eq!(sections[1]["heading"], "Capacity building");

    let all = d["candidates"].as_array().unwrap();
    assert!(all.len() >= 6, "{all:#?}");
    for c in all {
        for key in [
            "value",
            "unit",
            "qualifier",
            "year",
            "quote",
            "metric",
            "proposed_metric",
            "action_lines",
            "confidence",
        ] {
            assert!(c.get(key).is_some(), "no `{key}` in {c}");
        }
        assert!(c["value"].is_number() && c["year"].is_i64(), "{c}");
        assert!(
            c["confidence"]
                .as_f64()
                .is_some_and(|x| (0.0..=1.0).contains(&x))
        );
        for key in ["unit", "qualifier", "quote"] {
            assert!(c[key].is_string(), "{key} in {c}");
        }
        assert!(c["action_lines"].is_array(), "{c}");
        // Exactly one of an existing metric and a proposed one.
        match (&c["metric"], &c["proposed_metric"]) {
            (Value::String(_), Value::Null) => {}
            (Value::Null, Value::Object(p)) => {
                assert_eq!(
                    keys(&c["proposed_metric"]),
                    ["id", "title", "unit"],
                    "{p:?}"
                );
            }
            other => panic!("metric and proposed_metric: {other:?}"),
        }
        // `value_max` only for ranges.
        let range = c["qualifier"] == "range";
        assert_eq!(c.get("value_max").is_some(), range, "{c}");
    }

    let trained = candidate(&d, "3,300 people");
    assert_eq!(trained["value"], 3300.0);
    assert_eq!(trained["unit"], "people");
    assert_eq!(trained["qualifier"], "at-least");
    assert_eq!(trained["year"], 2024);
    let clinics = candidate(&d, "clinics");
    assert_eq!(clinics["qualifier"], "range");
    assert_eq!(clinics["value"], 300.0);
    assert_eq!(clinics["value_max"], 400.0);
    let money = candidate(&d, "USD 2.5 million");
    assert_eq!(money["unit"], "usd");
    assert_eq!(money["value"], 2_500_000.0);
}

#[test]
fn action_lines_come_from_codes_named_and_from_title_words() {
    let site = Site::fixture("import_site");
    let d = json_draft(&site);
    let sections = d["sections"].as_array().unwrap();
    let section = |heading: &str| {
        sections
            .iter()
            .find(|s| s["heading"] == heading)
            .unwrap_or_else(|| panic!("no section {heading}"))
    };
    // Named: "Action Line C4", with the reason saying so.
    let c4 = &section("Capacity building")["action_lines"][0];
    assert_eq!(c4["code"], "C4");
    assert!(
        c4["reason"].as_str().unwrap().contains("Action Line C4"),
        "{c4}"
    );
    // Words: "security" and "trust" belong to C5's title and short name only.
    let trust = &section("Trust online")["action_lines"];
    assert_eq!(codes(trust), ["C5"], "{trust}");
    assert!(trust[0]["reason"].as_str().unwrap().contains("\"trust\""));
    // Words of a description: the e-health and e-learning sub-lines of C7.
    assert!(codes(&section("Health and learning")["action_lines"]).contains(&"C7"));
    // The report's list is the union of the sections' strong suggestions.
    let report = codes(&d["action_lines"]);
    for code in ["C4", "C5", "C7"] {
        assert!(report.contains(&code), "{report:?}");
    }
    // A candidate carries its section's lines.
    assert!(codes(&candidate(&d, "3,300 people")["action_lines"]).contains(&"C4"));
}

#[test]
fn metrics_are_matched_or_proposed() {
    let site = Site::fixture("import_site");
    let d = json_draft(&site);
    // The organization's own metric first, though itu-people-trained fits as well.
    assert_eq!(
        candidate(&d, "3,300 people")["metric"],
        "isoc-people-trained"
    );
    assert_eq!(
        candidate(&d, "45 countries")["metric"],
        "isoc-countries-reached"
    );
    // No metric counts community networks: one id proposed, shared by both figures.
    let a = candidate(&d, "12 community networks");
    let b = candidate(&d, "20 community networks");
    assert!(a["metric"].is_null());
    assert_eq!(a["proposed_metric"]["id"], "isoc-community-networks");
    assert_eq!(a["proposed_metric"]["title"], "Community networks");
    assert_eq!(a["proposed_metric"]["unit"], "count");
    assert_eq!(a["proposed_metric"], b["proposed_metric"]);
    let money = candidate(&d, "USD 2.5 million");
    assert_eq!(money["proposed_metric"]["unit"], "usd");
    let id = money["proposed_metric"]["id"].as_str().unwrap();
    assert!(id.starts_with("isoc-") && id.ends_with("-usd"), "{id}");
}

#[test]
fn the_report_is_written_with_candidates_marked() {
    let site = Site::fixture("import_site");
    let run = import_isoc(&site, &[]);
    assert!(run.ok, "{}", run.stderr);
    let path = site.root.join(REPORT);
    assert!(
        run.stdout.contains(&path.display().to_string()),
        "{}",
        run.stdout
    );
    for said in [
        "read as markdown",
        "action lines suggested",
        "C4: the text names \"Action Line C4\"",
        "candidate figures:",
        "with a proposed new metric",
        "wsis serve",
        "wsis check",
    ] {
        assert!(run.stdout.contains(said), "no {said:?} in\n{}", run.stdout);
    }
    let text = fs::read_to_string(&path).unwrap();
    for line in [
        "title: \"Internet Society Impact Report 2024\"\n",
        "organization: \"isoc\"\n",
        "year: 2024\n",
        "published: \"2024-11-15\"\n",
        "kind: annual-progress\n",
        "  - metric: \"isoc-people-trained\"\n    value: 3300\n    bound: at-least\n    year: 2024\n",
        "    low: 300\n    high: 400\n",
        "    proposed_metric: {title: \"Community networks\", unit: \"count\"}\n",
    ] {
        assert!(text.contains(line), "no {line:?} in\n{text}");
    }
    let figures = text.matches("\n  - metric: ").count();
    let marks = text.matches("\n    review: candidate  # ").count();
    assert!(
        figures >= 6 && marks == figures,
        "{figures} figures, {marks} marks"
    );
    assert!(text.contains("# Action lines suggested by `wsis import`"));
    // A Markdown submission keeps its own Markdown as the body.
    assert!(text.contains("\n# Capacity building\n"), "{text}");
}

#[test]
fn every_quote_is_verbatim_in_the_body() {
    let site = Site::fixture("import_site");
    assert!(import_isoc(&site, &[]).ok);
    let text = fs::read_to_string(site.root.join(REPORT)).unwrap();
    let (front, body) = split(&text);
    // The body as a reader sees it: escapes undone, lines joined.
    let plain = body
        .replace('\\', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut n = 0;
    for line in front.lines() {
        if let Some(q) = line.strip_prefix("    quote: ") {
            let quote: String = serde_json::from_str(q).unwrap();
            let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(plain.contains(&quote), "{quote:?} not in\n{plain}");
            n += 1;
        }
    }
    assert!(n >= 6);
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let site = Site::fixture("import_site");
    site.write(REPORT, "kept\n");
    let run = import_isoc(&site, &[]);
    assert!(!run.ok);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(site.root.join(REPORT)).unwrap(),
        "kept\n"
    );

    let run = import_isoc(&site, &["--force"]);
    assert!(run.ok, "{}", run.stderr);
    let text = fs::read_to_string(site.root.join(REPORT)).unwrap();
    assert!(text.starts_with("---\ntitle: "), "{text}");
    let leftovers: Vec<_> = fs::read_dir(site.root.join("content/reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn an_unknown_organization_gets_did_you_mean_and_the_new_hint() {
    let site = Site::fixture("import_site");
    let before = common::snapshot(&site.root);
    let run = import(
        &site,
        &submission("isoc-2024.txt"),
        &["--organization", "isco", "--year", "2024"],
    );
    assert!(!run.ok);
    assert!(
        run.stderr.contains("unknown organization `isco`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `isoc`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("wsis new organization isco"),
        "{}",
        run.stderr
    );
    assert_eq!(
        common::snapshot(&site.root),
        before,
        "something was written"
    );
}

#[test]
fn flags_override_what_the_document_states() {
    let site = Site::fixture("import_site");
    let run = import_isoc(
        &site,
        &[
            "--title",
            "Impact: \"2024\" # edition",
            "--published",
            "2025-01-31",
            "--kind",
            "review-submission",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    let path = site
        .root
        .join("content/reports/isoc-2024-review-submission.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("title: \"Impact: \\\"2024\\\" # edition\"\n"),
        "{text}"
    );
    assert!(text.contains("published: \"2025-01-31\"\n"), "{text}");
    assert!(text.contains("kind: review-submission\n"), "{text}");

    let bad = import_isoc(&site, &["--published", "31/01/2025"]);
    assert!(!bad.ok);
    assert!(bad.stderr.contains("is not a date"), "{}", bad.stderr);
}

#[test]
fn the_output_flag_names_the_file() {
    let site = Site::fixture("import_site");
    let out = site.root.join("drafts/isoc.md");
    let run = import_isoc(&site, &["--output", out.to_str().unwrap()]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("---\ntitle: ")
    );
    assert!(!site.root.join(REPORT).exists());
}

#[test]
fn the_organization_may_come_from_the_documents_author_only_when_known() {
    // A text has no author: without --organization the import stops, writing nothing.
    let site = Site::fixture("import_site");
    let run = import(&site, &submission("isoc-2024.txt"), &["--year", "2024"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("--organization"), "{}", run.stderr);
    assert!(!site.root.join(REPORT).exists());
}

/// The written file, review marks and proposals aside, is an ordinary report: after
/// deleting every `review:` and `proposed_metric:` line and creating the proposed
/// metrics, the site builds with every quote verified.
#[test]
fn accepted_candidates_build_with_their_quotes_verified() {
    let site = Site::fixture("import_site");
    let d = json_draft(&site);
    assert!(import_isoc(&site, &[]).ok);
    let text = fs::read_to_string(site.root.join(REPORT)).unwrap();
    let accepted: String = text
        .lines()
        .filter(|l| !l.starts_with("    review:") && !l.starts_with("    proposed_metric:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(REPORT, &accepted);
    create_proposed_metrics(&site, &d);
    site.build_ok();
    let page = site.output("reports/isoc-2024/index.html");
    assert!(page.contains("3,300"), "{page}");
}

/// The round trip of the issue: import, accept every candidate as the README says
/// (delete its `review:` line, create its proposed metric and delete
/// `proposed_metric`), build: every quote is verified.
#[test]
fn round_trip_import_accept_build() {
    round_trip(&submission("isoc-2024.txt"));
}

/// The round trip from every format's fixture: text, Markdown, HTML, DOCX (heading
/// styles, a table), and PDFs in one column, two columns, and with running headers,
/// footers and footnotes. Each has candidates, and once accepted their quotes verify.
#[test]
fn every_format_round_trips() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for name in [
        "report.txt",
        "report.md",
        "page.html",
        "report.docx",
        "simple.pdf",
        "two_column.pdf",
        "furniture.pdf",
    ] {
        round_trip(&fixtures.join(name));
    }
}

/// Imports `file` into a fresh fixture site, accepts every candidate as the README
/// says, and builds.
fn round_trip(file: &Path) {
    let site = Site::fixture("import_site");
    let args = ["--organization", "isoc", "--year", "2024"];
    let run = import(&site, file, &[&args[..], &["--format", "json"]].concat());
    assert!(run.ok, "{}: {}", file.display(), run.stderr);
    let d: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        !d["candidates"].as_array().unwrap().is_empty(),
        "{}: no candidates",
        file.display()
    );
    let run = import(&site, file, &args);
    assert!(run.ok, "{}: {}", file.display(), run.stderr);
    let text = fs::read_to_string(site.root.join(REPORT)).unwrap();
    let accepted: String = text
        .lines()
        .filter(|l| !l.starts_with("    review:") && !l.starts_with("    proposed_metric:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(accepted, text, "{}: nothing to accept", file.display());
    site.write(REPORT, &accepted);
    create_proposed_metrics(&site, &d);
    let run = site.run("build", &[]);
    assert!(run.ok, "{}: {}", file.display(), run.stderr);
    assert!(
        !run.stdout.contains("candidate figures wait"),
        "{}",
        run.stdout
    );
}

/// Right after an import the site checks: candidates wait for review without failing
/// the check, which counts them.
#[test]
fn the_site_checks_right_after_an_import() {
    let site = Site::fixture("import_site");
    assert!(import_isoc(&site, &[]).ok);
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("candidate figures wait for review: isoc-2024 (")
            || run
                .stdout
                .contains("candidate figures wait for review: isoc-2024 ("),
        "{}{}",
        run.stdout,
        run.stderr
    );
}

/// `wsis new metric` for each distinct proposed metric of the draft.
fn create_proposed_metrics(site: &Site, draft: &Value) {
    let mut done: Vec<String> = Vec::new();
    for c in draft["candidates"].as_array().unwrap() {
        let p = &c["proposed_metric"];
        let Some(id) = p["id"].as_str() else { continue };
        if done.iter().any(|d| d == id) {
            continue;
        }
        let run = site.run(
            "new metric",
            &[
                id,
                "--title",
                p["title"].as_str().unwrap(),
                "--unit",
                p["unit"].as_str().unwrap(),
            ],
        );
        assert!(run.ok, "{}", run.stderr);
        done.push(id.to_string());
    }
}

/// The front matter and the body of a report file.
fn split(text: &str) -> (&str, &str) {
    let rest = text.strip_prefix("---\n").unwrap();
    let end = rest.find("\n---\n").unwrap();
    (&rest[..end], &rest[end + 5..])
}
