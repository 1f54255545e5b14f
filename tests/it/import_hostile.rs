//! `wsis import` on hostile or careless submissions (issue 14): whatever the
//! submission holds, the draft it writes loads, and once every candidate is accepted
//! (review marks deleted, proposed metrics created) the site builds with every quote
//! found in the body.

use crate::common;

use std::fs;
use std::path::Path;

use common::Site;
use serde_json::Value;

const REPORT: &str = "content/reports/isoc-2024.md";

/// Imports `file` for isoc 2024, accepts every candidate, builds; returns the draft.
fn round_trip(site: &Site, file: &Path) -> Value {
    let args = [
        file.to_str().unwrap(),
        "--organization",
        "isoc",
        "--year",
        "2024",
    ];
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let run = site.run("import", &json_args);
    assert!(run.ok, "{}", run.stderr);
    let draft: Value = serde_json::from_str(&run.stdout).unwrap();
    let run = site.run("import", &args);
    assert!(run.ok, "{}", run.stderr);
    let check = site.run("check", &[]);
    assert!(check.ok, "{}{}", check.stdout, check.stderr);
    let text = fs::read_to_string(site.root.join(REPORT)).unwrap();
    let accepted: String = text
        .lines()
        .filter(|l| !l.starts_with("    review:") && !l.starts_with("    proposed_metric:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(REPORT, &accepted);
    let mut done: Vec<&str> = Vec::new();
    for c in draft["candidates"].as_array().unwrap() {
        let p = &c["proposed_metric"];
        let Some(id) = p["id"].as_str() else { continue };
        if done.contains(&id) {
            continue;
        }
        let (title, unit) = (p["title"].as_str().unwrap(), p["unit"].as_str().unwrap());
        let run = site.run("new metric", &[id, "--title", title, "--unit", unit]);
        assert!(run.ok, "{}", run.stderr);
        done.push(id);
    }
    site.build_ok();
    draft
}

fn quotes(draft: &Value) -> Vec<&str> {
    draft["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["quote"].as_str().unwrap())
        .collect()
}

/// Footnote markers in a Markdown submission are left out of its quotes, and so out
/// of the body the quotes are checked against; exponents read the same in both.
#[test]
fn markdown_superscripts_read_alike_in_quotes_and_body() {
    let site = Site::fixture("import_site");
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import_hostile/footnotes.md");
    let draft = round_trip(&site, &file);
    assert!(
        quotes(&draft)
            .iter()
            .any(|q| q.contains("178 countries participated")),
        "{draft}"
    );
    let body = fs::read_to_string(site.root.join(REPORT)).unwrap();
    assert!(
        body.contains("10⁶ users") && body.contains("19<sup>th</sup>"),
        "{body}"
    );
}

/// Control characters (C1 controls from a mis-decoded code page, DEL) and the
/// non-characters YAML refuses neither break the front matter nor the quotes.
#[test]
fn controls_and_non_characters_make_a_loadable_draft() {
    let site = Site::fixture("import_site");
    site.write(
        "in/odd.txt",
        "Annual report\n\nIn 2024 we trained more than 3,300 people in the \u{80}region\u{9d} \
         of Africa.\n\nWe connected 120 schools\u{7f} to the \u{fffe}network in 2024.\n\n\
         Over 45 fellows\u{85}graduated\u{2028}in 2024.\n",
    );
    let draft = round_trip(&site, &site.root.join("in/odd.txt"));
    assert!(quotes(&draft).len() >= 3, "{draft}");
}

/// A sentence far longer than any quote (a run of text without full stops) gives a
/// quote of the words around its number, not the whole run for each of its numbers:
/// the draft's front matter stays within what the loader reads.
#[test]
fn a_huge_sentence_gives_short_quotes() {
    let site = Site::fixture("import_site");
    let filler = "and the network grew further ".repeat(40_000);
    site.write(
        "in/run.txt",
        &format!("In 2024 we trained 3,300 people {filler}while 120 schools joined\n"),
    );
    let draft = round_trip(&site, &site.root.join("in/run.txt"));
    let quotes = quotes(&draft);
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q.len() < 1000), "{quotes:?}");
}

/// A page of elements nested 200,000 deep (the HTML parser's time grows with the
/// square of the depth: minutes) is refused at once, and nothing is written.
#[test]
fn deeply_nested_html_is_refused_quickly() {
    let site = Site::fixture("import_site");
    let depth = 200_000;
    site.write(
        "in/deep.html",
        &format!(
            "<html><body>{}<p>In 2024 we trained 3,300 people.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    );
    let started = std::time::Instant::now();
    let file = site.root.join("in/deep.html");
    let run = site.run(
        "import",
        &[
            file.to_str().unwrap(),
            "--organization",
            "isoc",
            "--year",
            "2024",
        ],
    );
    assert!(!run.ok);
    assert!(run.stderr.contains("nest more than"), "{}", run.stderr);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert!(!site.root.join(REPORT).exists());
}
