//! Issue 12, case 11: names the build keeps for itself (the marker `.wsis-output`, the
//! folders `.<output>.wsis-staging` and `.<output>.wsis-old` beside the output) are
//! refused as site files, and whatever an earlier build left under them is cleaned.

use crate::common;

use std::fs;
use std::path::Path;

use common::{Site, build_guarded, guarded, leftovers, spare_state};

#[test]
fn static_files_with_reserved_names_are_refused() {
    for rel in [
        "static/.wsis-output",
        "static/.public.wsis-staging",
        "static/.public.wsis-old",
        "static/docs/.WSIS-Output",
        "static/.public.wsis-staging/index.html",
    ] {
        let site = Site::fixture("basic");
        site.build_ok();
        let before = site.output("index.html");
        site.write(rel, "not the build's");
        let name = Path::new(rel)
            .components()
            .find(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .to_lowercase()
                    .contains(".wsis-")
            })
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        for command in ["build", "check"] {
            guarded(&site, command, &[]).assert_error(
                rel,
                &format!("`{name}` is a name wsis keeps for its own files"),
            );
        }
        assert_eq!(site.output("index.html"), before);
        // The next build, once the file is renamed, works.
        fs::rename(site.root.join(rel), site.root.join("static/renamed.txt")).unwrap();
        let run = build_guarded(&site);
        assert!(run.ok, "{}", run.stderr);
        assert_eq!(site.output("renamed.txt"), "not the build's");
    }
}

/// A backslash in a static file's name or its folder's (an ordinary character on Unix)
/// would be a separator in the output's keys and addresses: the build refuses it and
/// leaves the output as it was.
#[cfg(unix)]
#[test]
fn static_files_with_a_backslash_in_their_names_are_refused() {
    for (rel, name) in [
        ("static/a\\b.txt", "a\\b.txt"),
        ("static/docs\\2026/guide.pdf", "docs\\2026"),
        ("static/x/y/\\z.css", "\\z.css"),
    ] {
        let site = Site::fixture("basic");
        site.build_ok();
        let before = site.output("index.html");
        site.write(rel, "a file");
        for command in ["build", "check"] {
            guarded(&site, command, &[])
                .assert_error(rel, &format!("`{name}` has a backslash in its name"));
        }
        assert_eq!(site.output("index.html"), before);
        let written = rel.trim_start_matches("static/");
        assert!(!site.root.join("public").join(written).exists());
        assert!(!site.root.join("public/a/b.txt").exists());
    }
}

#[cfg(unix)]
#[test]
fn staging_leftovers_of_any_kind_are_cleaned() {
    let site = Site::fixture("basic");
    site.build_ok();
    let outside = site.root.parent().unwrap().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("keep.txt"), "mine").unwrap();
    let staging = site.root.join(".public.wsis-staging");
    let old = site.root.join(".public.wsis-old");
    // The spare a build keeps there, replaced by something else.
    let clear = || {
        if fs::symlink_metadata(&staging).is_ok_and(|m| m.is_dir()) {
            fs::remove_dir_all(&staging).unwrap();
        } else if fs::symlink_metadata(&staging).is_ok() {
            fs::remove_file(&staging).unwrap();
        }
    };
    let plant: [&dyn Fn(); 5] = [
        // Inside the spare itself: garbage, and a link out of the site.
        &|| {
            fs::create_dir_all(staging.join("reports/x")).unwrap();
            fs::write(staging.join("reports/x/index.html"), "half").unwrap();
            std::os::unix::fs::symlink(&outside, staging.join("reports/out")).unwrap();
        },
        &|| {
            clear();
            fs::create_dir_all(staging.join("reports/x")).unwrap();
            fs::write(staging.join("reports/x/index.html"), "half").unwrap();
        },
        &|| {
            clear();
            fs::write(&staging, "a file").unwrap();
        },
        &|| {
            clear();
            std::os::unix::fs::symlink(&outside, &staging).unwrap();
        },
        &|| {
            clear();
            std::os::unix::fs::symlink(&outside, &old).unwrap();
            fs::create_dir_all(staging.join("a/b/c")).unwrap();
        },
    ];
    for plant in plant {
        plant();
        let run = build_guarded(&site);
        assert!(run.ok, "{}", run.stderr);
        assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
        assert!(!site.root.join("public/reports/x").exists());
        assert!(!site.root.join("public/a").exists());
        let spare = spare_state(&site);
        assert!(
            spare
                .keys()
                .all(|k| !k.starts_with("reports/x") && !k.starts_with("a/"))
        );
        assert!(!spare.contains_key("reports/out"));
        assert_eq!(
            fs::read_to_string(outside.join("keep.txt")).unwrap(),
            "mine"
        );
    }
    // A failed build leaves the output alone, and the next one cleans the spare.
    fs::create_dir_all(staging.join("junk")).unwrap();
    let before = site.output("reports/alpha-2024/index.html");
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: alpha",
        "organization: nobody",
    );
    assert!(!build_guarded(&site).ok);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert_eq!(site.output("reports/alpha-2024/index.html"), before);
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: nobody",
        "organization: alpha",
    );
    assert!(build_guarded(&site).ok);
    assert!(!staging.join("junk").exists() && !site.root.join("public/junk").exists());
}

#[test]
fn an_output_left_aside_by_a_killed_build_is_put_back() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = site.output("reports/alpha-2024/index.html");
    // What a build killed between the two renames of the portable swap leaves.
    fs::rename(site.root.join("public"), site.root.join(".public.wsis-old")).unwrap();
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: alpha",
        "organization: nobody",
    );
    assert!(!build_guarded(&site).ok);
    assert_eq!(site.output("reports/alpha-2024/index.html"), before);
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}
