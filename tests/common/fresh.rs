//! An incremental build against a fresh build of the same sources: the output
//! folder's files compared byte for byte, and the build's count of pages rendered.

use std::collections::BTreeMap;
use std::fs;

use super::Site;

/// A report new to the `incremental` fixture, for the cases that add one.
pub const BETA_2025: &str = "---\ntitle: \"Beta submission 2025\"\norganization: beta\nyear: 2025\n\
    published: 2025-11-20\nkind: review-submission\naction_lines: [C11]\n\
    figures:\n  - metric: beta-initiatives\n    value: 190\n    year: 2025\n\
    \x20   quote: \"190 initiatives\"\n---\n\n## Cooperation\n\nThe Forum counted 190 initiatives.\n";

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

/// Pages built and pages rendered, from `build`'s summary line.
pub fn counts(case: &str, stdout: &str) -> (usize, usize) {
    let line = stdout
        .lines()
        .find(|l| l.starts_with("Built "))
        .unwrap_or_else(|| panic!("{case}: no summary line in {stdout}"));
    let number = |after: &str, before: &str| -> Option<usize> {
        let start = line.find(after)? + after.len();
        let end = start + line[start..].find(before)?;
        line[start..end].trim().parse().ok()
    };
    let pages = number("Built ", " pages").unwrap_or_else(|| panic!("{case}: {line}"));
    let rendered = number("; ", " rendered").unwrap_or(pages);
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

/// Applies `change` to `site`, built, builds it again (incrementally), builds a copy
/// of the changed sources fresh, and compares the two outputs byte for byte. The
/// change must change the output, else the case tests nothing. Returns the pages
/// built and rendered by the incremental build.
pub fn equals_fresh(case: &str, site: &Site, change: impl Fn(&Site)) -> (usize, usize) {
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
    counts(case, &run.stdout)
}
