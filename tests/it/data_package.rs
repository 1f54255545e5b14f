//! Open data with a schema: `data/datapackage.json` describes every CSV table with a
//! Table Schema, the figures keep one stable id across CSV, JSON, pages and
//! citations, and metric pages carry a schema.org `Dataset` in JSON-LD.
//!
//! The real validator, `frictionless validate` (the Python package `frictionless`),
//! checks the package when installed; `.ci/run` installs it. Where it is missing the
//! test prints a loud SKIPPED line, and fails instead when `CI` is set. The checks in
//! Rust run everywhere.

use crate::common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Site;
use serde_json::Value;

/// The shipped site, the fixture (a restatement, a cited figure, every bound) and the
/// frame fixture (targets and crosswalk tables), each built into its `public/`.
fn built_sites() -> Vec<(&'static str, Site)> {
    let shipped = Site::shipped();
    shipped.build_ok();
    let fixture = Site::fixture("data_package");
    fixture.build_ok();
    let frame = Site::fixture("frame");
    frame.build_ok();
    vec![
        ("shipped", shipped),
        ("data_package fixture", fixture),
        ("frame fixture", frame),
    ]
}

#[test]
fn frictionless_validates_the_package() {
    if Command::new("frictionless")
        .arg("--version")
        .output()
        .is_err()
    {
        let message = "\n\n==== SKIPPED: frictionless not installed (pip install frictionless): \
                       the data package was not checked by the real validator ====\n\n";
        if std::env::var_os("CI").is_some() {
            panic!("{message}CI must validate the data package.");
        }
        eprintln!("{message}");
        println!("{message}");
        return;
    }
    for (name, site) in built_sites() {
        let package = site.root.join("public/data/datapackage.json");
        let out = Command::new("frictionless")
            .arg("validate")
            .arg(&package)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        println!("{name}:\n{stdout}");
        assert!(
            out.status.success(),
            "frictionless rejects the {name} package:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A CSV table: its header and rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn read_table(path: &Path) -> Table {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    Table { header, rows }
}

fn is_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    !parts.is_empty()
        && parts.len() <= 3
        && digits(parts[0], 4)
        && parts[1..].iter().all(|p| digits(p, 2))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Checks every resource of the package in `data` against its schema, in Rust.
fn check_package(name: &str, data: &Path) {
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("datapackage.json")).unwrap())
            .unwrap();
    assert_eq!(package["profile"], "tabular-data-package");
    assert!(
        package.get("created").is_none(),
        "a date would vary by build"
    );
    let mut tables: HashMap<String, (Table, Value)> = HashMap::new();
    for resource in package["resources"].as_array().unwrap() {
        let rname = resource["name"].as_str().unwrap().to_string();
        let path = resource["path"].as_str().unwrap();
        assert!(!path.contains(".."), "{name}: {path}");
        let file = data.join(path);
        assert!(
            file.is_file(),
            "{name}: resource {rname} has no file {path}"
        );
        let schema = match &resource["schema"] {
            Value::String(p) => {
                serde_json::from_str(&std::fs::read_to_string(data.join(p)).unwrap()).unwrap()
            }
            inline => inline.clone(),
        };
        let table = read_table(&file);
        let fields: Vec<&str> = schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            table.header, fields,
            "{name}: {path}: header and schema differ"
        );
        for (i, f) in schema["fields"].as_array().unwrap().iter().enumerate() {
            let field = f["name"].as_str().unwrap();
            let c = &f["constraints"];
            let allowed = strs(&c["enum"]);
            for row in &table.rows {
                let cell = row[i].as_str();
                let at = format!("{name}: {path}: {field} `{cell}`");
                if cell.is_empty() {
                    assert!(c["required"] != true, "{at}: required");
                    continue;
                }
                if !allowed.is_empty() {
                    assert!(allowed.contains(&cell), "{at}: not in {allowed:?}");
                }
                match f["type"].as_str().unwrap() {
                    "integer" => assert!(cell.parse::<i64>().is_ok(), "{at}"),
                    "number" => assert!(cell.parse::<f64>().is_ok_and(f64::is_finite), "{at}"),
                    "boolean" => assert!(cell == "true" || cell == "false", "{at}"),
                    _ => {}
                }
                if c["pattern"]
                    .as_str()
                    .is_some_and(|p| p.starts_with("[0-9]{4}"))
                {
                    assert!(is_partial_date(cell), "{at}: not a partial date");
                }
            }
        }
        for key in ["bound", "status"] {
            if path.ends_with(".csv") && fields.contains(&key) {
                let f = schema["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| f["name"] == key);
                assert!(
                    !strs(&f.unwrap()["constraints"]["enum"]).is_empty(),
                    "{name}: {path}: {key} has no enum"
                );
            }
        }
        tables.insert(rname, (table, schema));
    }
    for required in ["figures", "metric-definitions", "reports", "organizations"] {
        assert!(
            tables.contains_key(required),
            "{name}: no resource {required}"
        );
    }
    // Primary keys are unique; foreign keys resolve.
    let column = |table: &Table, field: &str| -> usize {
        table.header.iter().position(|h| h == field).unwrap()
    };
    for (rname, (table, schema)) in &tables {
        let key = strs(&schema["primaryKey"]);
        assert_eq!(key.len(), 1, "{name}: {rname}: one-column primary key");
        let k = column(table, key[0]);
        let mut seen = HashSet::new();
        for row in &table.rows {
            assert!(seen.insert(&row[k]), "{name}: {rname}: {} twice", row[k]);
        }
        for fk in schema["foreignKeys"].as_array().into_iter().flatten() {
            let field = strs(&fk["fields"])[0];
            let target = fk["reference"]["resource"].as_str().unwrap();
            let target_field = strs(&fk["reference"]["fields"])[0];
            let (target_table, _) = &tables[target];
            let t = column(target_table, target_field);
            let values: HashSet<&str> = target_table.rows.iter().map(|r| r[t].as_str()).collect();
            let i = column(table, field);
            for row in &table.rows {
                assert!(
                    row[i].is_empty() || values.contains(row[i].as_str()),
                    "{name}: {rname}.{field} `{}` is not a {target}.{target_field}",
                    row[i]
                );
            }
        }
    }
    // Each metric's table is its rows of the figures table, in the same order.
    let (figures, _) = &tables["figures"];
    let metric = column(figures, "metric");
    let (definitions, _) = &tables["metric-definitions"];
    for def in &definitions.rows {
        let (own, _) = &tables[&format!("figures-{}", def[0])];
        let expected: Vec<&Vec<String>> = figures
            .rows
            .iter()
            .filter(|r| r[metric] == def[0])
            .collect();
        assert_eq!(
            own.rows.iter().collect::<Vec<_>>(),
            expected,
            "{name}: {}",
            def[0]
        );
        assert!(data.join(format!("metrics/{}.json", def[0])).is_file());
    }
}

#[test]
fn every_table_matches_its_schema_and_every_key_resolves() {
    for (name, site) in built_sites() {
        check_package(name, &site.root.join("public/data"));
    }
}

#[test]
fn restatements_and_cited_figures_are_rows_of_their_own() {
    let site = Site::fixture("data_package");
    site.build_ok();
    let figures = read_table(&site.root.join("public/data/metrics.csv"));
    let col = |f: &str| figures.header.iter().position(|h| h == f).unwrap();
    let by_id: BTreeMap<&str, &Vec<String>> = figures
        .rows
        .iter()
        .map(|r| (r[col("id")].as_str(), r))
        .collect();
    assert_eq!(by_id.len(), 7, "one row per figure, the restatement too");
    let restatement = figures
        .rows
        .iter()
        .find(|r| r[col("report")] == "alpha-2024" && r[col("year")] == "2023")
        .unwrap();
    assert_eq!(restatement[col("standing")], "restatement");
    let original = by_id[restatement[col("restates")].as_str()];
    assert_eq!(original[col("report")], "alpha-2023");
    let range = figures
        .rows
        .iter()
        .find(|r| r[col("bound")] == "range")
        .unwrap();
    assert_eq!(
        (
            range[col("value")].as_str(),
            range[col("low")].as_str(),
            range[col("high")].as_str()
        ),
        ("", "3", "5")
    );
    assert_eq!(range[col("source")], "Beta survey");
    assert_eq!(range[col("source_url")], "https://beta.example/survey");
    assert_eq!(range[col("first_party")], "false");

    let reports = read_table(&site.root.join("public/data/reports.csv"));
    assert!(reports.rows.iter().any(|r| {
        r.join(",")
            .contains("alpha-2024,Alpha 2024,alpha,2024,2024-11-15")
    }));
    let definitions = read_table(&site.root.join("public/data/metric-definitions.csv"));
    assert!(
        definitions
            .rows
            .iter()
            .any(|r| r[0] == "schools" && r[4] == "C2 C4")
    );

    // The same builds give the same bytes: nothing in the data depends on the time.
    let first: Vec<(PathBuf, Vec<u8>)> = data_files(&site);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = site.sources_copy();
    again.build_ok();
    assert!(first == data_files(&again), "two builds differ");
}

fn data_files(site: &Site) -> Vec<(PathBuf, Vec<u8>)> {
    let data = site.root.join("public/data");
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(&data)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(&data).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The JSON-LD scripts of a page (minified or not).
fn ld_scripts(html: &str) -> Vec<&str> {
    html.match_indices("application/ld+json")
        .map(|(i, _)| {
            let start = i + html[i..].find('>').unwrap() + 1;
            let end = start + html[start..].find("</script>").unwrap();
            &html[start..end]
        })
        .collect()
}

fn check_jsonld(site: &Site, base_url: &str) {
    let public = site.root.join("public");
    let mut pages = 0;
    for entry in std::fs::read_dir(public.join("metrics")).unwrap() {
        let page = entry.unwrap().path().join("index.html");
        if !page.is_file() {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(&page).unwrap();
        let scripts = ld_scripts(&html);
        assert_eq!(scripts.len(), 1, "{page:?}: one JSON-LD script");
        assert!(!scripts[0].contains('<'), "{page:?}: unescaped <");
        let d: Value = serde_json::from_str(scripts[0])
            .unwrap_or_else(|e| panic!("{page:?}: {e}: {}", scripts[0]));
        assert_eq!(d["@context"], "https://schema.org");
        assert_eq!(d["@type"], "Dataset");
        for key in ["name", "description", "url", "identifier"] {
            assert!(d[key].is_string(), "{page:?}: {key}");
        }
        assert!(d["url"].as_str().unwrap().starts_with(base_url));
        assert_eq!(d["creator"]["@type"], "Organization");
        assert!(d["creator"]["name"].is_string() && d["creator"]["url"].is_string());
        let distribution = d["distribution"].as_array().unwrap();
        let formats: Vec<&str> = distribution
            .iter()
            .map(|x| x["encodingFormat"].as_str().unwrap())
            .collect();
        assert_eq!(formats, ["text/csv", "application/json"]);
        for download in distribution {
            assert_eq!(download["@type"], "DataDownload");
            let url = download["contentUrl"].as_str().unwrap();
            let rel = url
                .strip_prefix(base_url)
                .unwrap_or_else(|| panic!("{url} is not under {base_url}"));
            assert!(public.join(rel).is_file(), "{page:?}: {url} has no file");
        }
    }
    assert!(pages > 0);
}

#[test]
fn metric_pages_describe_their_dataset_in_json_ld() {
    let site = Site::shipped();
    let run = site.build(&["--base-url", "https://example.org/sub/"]);
    assert!(run.ok, "{}", run.stderr);
    check_jsonld(&site, "https://example.org/sub/");
    let html = site.output("metrics/igf-nris/index.html");
    let d: Value = serde_json::from_str(ld_scripts(&html)[0]).unwrap();
    assert_eq!(d["temporalCoverage"], "2015/2025");
    assert_eq!(
        d["distribution"][0]["contentUrl"],
        "https://example.org/sub/data/metrics/igf-nris.csv"
    );

    // A description that tries to close the script stays inside it.
    let fixture = Site::fixture("data_package");
    fixture.build_ok();
    check_jsonld(&fixture, "https://example.org/");
    let html = fixture.output("metrics/schools/index.html");
    let d: Value = serde_json::from_str(ld_scripts(&html)[0]).unwrap();
    assert!(
        d["description"]
            .as_str()
            .unwrap()
            .contains("</script><!-- & \"quotes\"")
    );
    assert_eq!(d["temporalCoverage"], "2023/2026");
    assert_eq!(d["creator"]["url"], "https://alpha.example/");
}

/// Whether `html` (minified or not) has an element with the id `id`.
fn has_id(html: &str, id: &str) -> bool {
    html.contains(&format!("id=\"{id}\""))
        || html.contains(&format!("id={id}>"))
        || html.contains(&format!("id={id} "))
}

#[test]
fn a_figure_keeps_one_id_in_csv_json_pages_and_citations() {
    let site = Site::shipped();
    site.build_ok();
    let id = "igf-2024-review-submission/fig-igf-nris-2024";
    let csv = read_table(&site.root.join("public/data/metrics.csv"));
    assert!(csv.rows.iter().any(|r| r[0] == id), "not in metrics.csv");
    let per_metric = read_table(&site.root.join("public/data/metrics/igf-nris.csv"));
    assert!(per_metric.rows.iter().any(|r| r[0] == id));

    let metrics: Value = serde_json::from_str(&site.output("data/metrics.json")).unwrap();
    let listed = metrics
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "igf-nris");
    let in_track = |m: &Value| {
        m["yearly"]
            .as_array()
            .unwrap()
            .iter()
            .any(|y| y["id"] == id)
    };
    assert!(listed.is_some_and(in_track), "not in metrics.json");
    let own: Value = serde_json::from_str(&site.output("data/metrics/igf-nris.json")).unwrap();
    assert!(in_track(&own));
    assert!(
        own["observations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == id),
        "not among the figures of data/metrics/igf-nris.json"
    );

    let report = site.output("reports/igf-2024-review-submission/index.html");
    assert!(
        has_id(&report, "fig-igf-nris-2024"),
        "no anchor on the report page"
    );

    let metric = site.output("metrics/igf-nris/index.html");
    assert!(
        has_id(&metric, "igf-2024-review-submission--fig-igf-nris-2024"),
        "no row anchor on the metric page"
    );
    // The row links the figure's sentence, where its report page cites it by its id.
    assert!(metric.contains("/reports/igf-2024-review-submission/#fig-igf-nris-2024"));
    let text = common::text_of(&report);
    assert!(
        text.contains(&format!("Figure {id}: ")),
        "no citation naming the id: {text}"
    );
    assert!(text.contains(
        "https://example.org/wsis/reports/igf-2024-review-submission/#fig-igf-nris-2024"
    ));
    // No citation per row on the metric page (its own "Cite this metric" is not one).
    assert_eq!(metric.matches("<summary>Cite<span").count(), 0);
    assert!(per_metric.rows.len() > 1);
}
