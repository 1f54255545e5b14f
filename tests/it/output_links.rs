//! Issue 12, case 6: symbolic links found inside the output folder are never followed
//! when the build writes or cleans: the link is dropped as an entry (with a warning),
//! and whatever it points to stays as it was.

#![cfg(unix)]

use crate::common;

use std::fs;
use std::os::unix::fs::symlink;

use common::{Site, build_guarded};

fn is_real_dir(path: &std::path::Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

#[test]
fn a_linked_folder_in_the_output_is_replaced_not_written_through() {
    // The link at several depths, to a folder outside with pages of the same names.
    for linked in ["reports", "reports/alpha-2023", "organizations/alpha"] {
        let site = Site::fixture("basic");
        site.build_ok();
        let outside = site.root.parent().unwrap().join("outside");
        common::copy_dir(&site.root.join("public").join(linked), &outside);
        fs::write(outside.join("keep.txt"), "mine").unwrap();
        fs::remove_dir_all(site.root.join("public").join(linked)).unwrap();
        symlink(&outside, site.root.join("public").join(linked)).unwrap();
        // A changed site, so that the build has pages to write and to delete under
        // the link.
        fs::remove_file(site.root.join("content/reports/alpha-2023.md")).unwrap();
        site.edit("site.toml", "Fixture tracker", "Fixture tracker 2");
        let run = build_guarded(&site);
        assert!(run.ok, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "public/{linked}: a symbolic link inside the output folder: removed, never followed"
            )),
            "{}",
            run.stderr
        );
        // The link is gone; the folder is real, or absent when its report is.
        let now = site.root.join("public").join(linked);
        if linked == "reports/alpha-2023" {
            assert!(fs::symlink_metadata(&now).is_err(), "{linked}");
        } else {
            assert!(is_real_dir(&now), "{linked}");
        }
        assert!(
            site.output("reports/beta-2024/index.html")
                .contains("Fixture tracker 2")
        );
        assert!(!site.has_output("reports/alpha-2023/index.html"));
        // The next build has nothing more to say.
        let run = build_guarded(&site);
        assert!(!run.stderr.contains("symbolic link"), "{}", run.stderr);
    }
}

#[test]
fn a_linked_file_in_the_output_is_replaced_not_written_through() {
    let site = Site::fixture("basic");
    site.build_ok();
    let outside = site.root.parent().unwrap().join("outside.css");
    fs::write(&outside, "body { color: red }").unwrap();
    for rel in ["robots.txt", "reports/beta-2024/index.html", "hand.txt"] {
        let path = site.root.join("public").join(rel);
        let _ = fs::remove_file(&path);
        symlink(&outside, &path).unwrap();
    }
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    for rel in ["robots.txt", "reports/beta-2024/index.html"] {
        let path = site.root.join("public").join(rel);
        assert!(fs::symlink_metadata(&path).unwrap().is_file(), "{rel}");
    }
    assert!(!site.root.join("public/hand.txt").exists());
}

#[test]
fn a_linked_output_folder_is_refused() {
    let site = Site::fixture("basic");
    let elsewhere = site.root.parent().unwrap().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    symlink(&elsewhere, site.root.join("public")).unwrap();
    let run = build_guarded(&site);
    run.assert_error("public", "is a symbolic link");
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}
