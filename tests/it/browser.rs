//! The reader's site in a real browser: the shipped content built under a sub-path in
//! its six languages, checked by `tests/browser/run.mjs` with headless Chromium
//! (axe-core on every page kind, light and dark, and on the home, report and metric
//! pages of every other language; the language switcher followed from a report to the
//! same report in French and Arabic; search for "encryption" and follow a result) and
//! the Nu Html Checker on every page of every language.
//!
//! Needs Chromium (`/usr/bin/chromium`, or `CHROMIUM`), Node.js, Java, and
//! `npm ci` in `tests/browser`. `.ci/run` installs them. Where one is missing the test
//! prints a loud SKIPPED line naming it, and fails instead when `CI` is set, so CI can
//! never skip it silently.

use crate::common;

use std::path::Path;
use std::process::Command;

fn missing_tools() -> Vec<String> {
    let mut missing = Vec::new();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        missing.push(format!("Chromium at {chromium} (apt-get install chromium)"));
    }
    for (tool, hint) in [
        ("node", "Node.js"),
        (
            "java",
            "a Java runtime (apt-get install default-jre-headless)",
        ),
    ] {
        if Command::new(tool).arg("--version").output().is_err() {
            missing.push(hint.to_string());
        }
    }
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules");
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !modules.join(package).is_dir() {
            missing.push(format!(
                "the npm package {package} (run `npm ci` in tests/browser)"
            ));
        }
    }
    missing
}

#[test]
fn shipped_site_passes_axe_vnu_and_search_in_chromium() {
    let missing = missing_tools();
    if !missing.is_empty() {
        let message = format!(
            "\n\n==== SKIPPED browser tests (axe, vnu, search): missing {} ====\n\n",
            missing.join("; ")
        );
        if std::env::var_os("CI").is_some() {
            panic!("{message}CI must run the browser tests.");
        }
        eprintln!("{message}");
        println!("{message}");
        return;
    }
    let site = common::Site::shipped();
    // Lists of ten a page, so that the shipped site has later pages of lists (with
    // their pager) for the checks.
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[pagination]\npage_size = 10\n"),
    );
    let out = site.root.join("public");
    let run = site.build(&["--base-url", "https://example.org/wsis/"]);
    assert!(run.ok, "{}", run.stderr);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let result = Command::new("node")
        .current_dir(&dir)
        .arg("run.mjs")
        .arg(&out)
        .arg("/wsis/")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("vnu: 0 errors"), "{stdout}");
    assert!(stdout.contains("all browser checks passed"));
}
