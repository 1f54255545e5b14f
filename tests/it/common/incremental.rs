//! Shared helpers of the incremental build's tests: build a fixture, change it, build
//! again, and compare the output with a fresh build's, byte for byte.

use std::collections::BTreeMap;
use std::fs;

use super::{Run, Site};

/// The fixture: the frame fixture (targets, frameworks, documents) in three
/// languages, minified, with a static file of the site's own.
pub const FIXTURE: &str = "incremental";

/// A report new to the `incremental` fixture, for the cases that add one.
pub const BETA_2025: &str = "---\ntitle: \"Beta submission 2025\"\norganization: beta\nyear: 2025\n\
    published: 2025-11-20\nkind: review-submission\naction_lines: [C11]\n\
    figures:\n  - metric: beta-initiatives\n    value: 190\n    year: 2025\n\
    \x20   quote: \"190 initiatives\"\n---\n\n## Cooperation\n\nThe Forum counted 190 initiatives.\n";

/// A report of `alpha` restating `alpha-2023`'s figure without saying so: every build
/// warns about it, pointing at its figure.
pub const ALPHA_2023B: &str = "---\ntitle: \"Alpha update 2023\"\norganization: alpha\nyear: 2023\n\
    published: 2023-12\nkind: annual-progress\nfigures:\n  - metric: alpha-alumni\n\
    \x20   value: 355\n    year: 2023\n    quote: \"355 members\"\n---\n\n\
    Our network has 355 members.\n";

/// Builds `site` with `WSIS_TIMINGS` set; the build must succeed without a warning
/// about a cache. Its standard error, with the timing lines.
pub fn timed_build(case: &str, site: &Site) -> String {
    let out = site
        .command("build", &[])
        .env("WSIS_TIMINGS", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{case}: {stderr}");
    assert!(!stderr.contains("cache was ignored"), "{case}: {stderr}");
    stderr
}

/// The count a timed build printed as `timing: <what>: <n>`.
pub fn timed_count(case: &str, stderr: &str, what: &str) -> usize {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(&format!("timing: {what}: ")))
        .unwrap_or_else(|| panic!("{case}: no count of {what} in {stderr}"))
        .parse()
        .unwrap()
}

/// Asserts that `site`'s output is the same, byte for byte, as a fresh build's of a
/// copy of its sources.
pub fn assert_fresh(case: &str, site: &Site) {
    let fresh = site.sources_copy();
    let run = fresh.build(&["--fresh"]);
    assert!(run.ok, "{case}: {}", run.stderr);
    assert_same(case, &tree(site), &tree(&fresh));
}

/// The output folder's files with their bytes; the marker as its files' hashes, sizes
/// and paths (its modification times differ between any two builds).
pub fn tree(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let out = site.root.join("public");
    walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&out).unwrap().display().to_string();
            let bytes = fs::read(e.path()).unwrap();
            let bytes = if rel == wsis::OUTPUT_MARKER {
                String::from_utf8(bytes)
                    .unwrap()
                    .lines()
                    .map(|l| {
                        let p: Vec<&str> = l.splitn(4, ' ').collect();
                        match p.as_slice() {
                            [hash, len, _time, path] => format!("{hash} {len} {path}\n"),
                            _ => format!("{l}\n"),
                        }
                    })
                    .collect::<String>()
                    .into_bytes()
            } else {
                bytes
            };
            (rel, bytes)
        })
        .collect()
}

/// `build`'s summary line ("Built N pages (...)").
fn summary<'a>(case: &str, stdout: &'a str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.starts_with("Built "))
        .unwrap_or_else(|| panic!("{case}: no summary line in {stdout}"))
}

/// The number in `line` between `after` and the next `before`.
fn number(line: &str, after: &str, before: &str) -> Option<usize> {
    let start = line.find(after)? + after.len();
    let end = start + line[start..].find(before)?;
    line[start..end].trim().parse().ok()
}

/// Pages built and pages rendered, from `build`'s summary line.
pub fn counts(case: &str, stdout: &str) -> (usize, usize) {
    let line = summary(case, stdout);
    let pages = number(line, "Built ", " pages").unwrap_or_else(|| panic!("{case}: {line}"));
    let rendered = number(line, "; ", " rendered").unwrap_or(pages);
    (pages, rendered)
}

/// Asserts the two trees are the same, naming the case and the first file that
/// differs.
pub fn assert_same(
    case: &str,
    incremental: &BTreeMap<String, Vec<u8>>,
    fresh: &BTreeMap<String, Vec<u8>>,
) {
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(incremental),
        names(fresh),
        "{case}: the incremental and the fresh build wrote different files"
    );
    // The marker last: a page that differs is named, not the manifest listing it.
    let marker_last = incremental
        .iter()
        .filter(|(rel, _)| *rel != wsis::OUTPUT_MARKER)
        .chain(incremental.get_key_value(wsis::OUTPUT_MARKER));
    for (rel, bytes) in marker_last {
        assert!(
            bytes == &fresh[rel],
            "{case}: {rel} differs between the incremental and the fresh build:\n--- incremental\n{}\n--- fresh\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&fresh[rel])
        );
    }
}

/// Builds the fixture, applies `change`, builds again (incrementally), builds a copy
/// of the changed sources fresh, and compares the two outputs byte for byte, and the
/// two builds' warnings. The change must change the output, else the case tests
/// nothing. Returns the pages built and rendered by the incremental build.
pub fn incremental_equals_fresh(case: &str, change: impl Fn(&Site)) -> (usize, usize) {
    let run = incremental_run(case, change);
    counts(case, &run.stdout)
}

/// [`incremental_equals_fresh`], returning the incremental build's run.
pub fn incremental_run(case: &str, change: impl Fn(&Site)) -> Run {
    let site = Site::fixture(FIXTURE);
    site.build_ok();
    equals_fresh_run(case, &site, change)
}

/// [`incremental_equals_fresh`] on `site`, already built (a fixture of another
/// configuration): the pages built and rendered by the incremental build.
pub fn equals_fresh(case: &str, site: &Site, change: impl Fn(&Site)) -> (usize, usize) {
    let run = equals_fresh_run(case, site, change);
    counts(case, &run.stdout)
}

/// Applies `change` to `site`, built, builds it again (incrementally), builds a copy
/// of the changed sources fresh, and compares outputs and warnings; the incremental
/// build's run.
fn equals_fresh_run(case: &str, site: &Site, change: impl Fn(&Site)) -> Run {
    let before = tree(site);
    change(site);
    let run = site.build(&[]);
    assert!(
        run.ok,
        "{case}: the incremental build failed:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("cache"),
        "{case}: the cache was not used:\n{}",
        run.stderr
    );
    let after = tree(site);
    assert!(before != after, "{case}: the change changed no output file");
    let fresh = site.sources_copy();
    let run_fresh = fresh.build(&["--fresh"]);
    assert!(
        run_fresh.ok,
        "{case}: the fresh build failed:\n{}",
        run_fresh.stderr
    );
    assert_same(case, &after, &tree(&fresh));
    let warnings = |r: &Run| -> Vec<String> {
        r.stderr
            .lines()
            .filter(|l| l.starts_with("warning"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        warnings(&run),
        warnings(&run_fresh),
        "{case}: the incremental and the fresh build warned differently"
    );
    run
}

/// Reports in the site and reports validated again, from `build`'s summary line (an
/// incremental build reuses the others from its cache).
pub fn validated(case: &str, stdout: &str) -> (usize, usize) {
    let line = summary(case, stdout);
    let reports = number(line, " pages (", " reports").unwrap_or_else(|| panic!("{case}: {line}"));
    let again = line
        .find(" reports validated again")
        .map(|end| {
            let clause = &line[..end];
            let of = clause.rfind(" of ").expect("N of M");
            let start = clause[..of].rfind(' ').expect("a number") + 1;
            clause[start..of].parse().expect("a number")
        })
        .unwrap_or(reports);
    (reports, again)
}
