//! Issue 12, case 9: a content folder or file the build cannot read is an error naming
//! it with the system's reason, never an empty list: the build fails and the previous
//! output stays whole.
//!
//! The tests run as root on CI, and root reads everything whatever the permissions
//! say. There the unreadable cases run the binary as the user `nobody` (through
//! `setpriv`), on a site that user owns; without `setpriv` they are skipped, loudly.
//! The other cases (a file where a folder belongs) need no permissions at all.

#![cfg(unix)]

use crate::common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use common::{Run, Site, guarded, run_guarded};

const NOBODY: u32 = 65534;

/// `wsis build` (or `check`) on `site` as a user that permissions apply to, or `None`
/// when there is no way to run as one.
fn run_unprivileged(site: &Site, command: &str) -> Option<Run> {
    // A new file belongs to the user the tests run as.
    let root_user = tempfile::tempfile().unwrap().metadata().unwrap().uid() == 0;
    if !root_user {
        return Some(guarded(site, command, &[]));
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("SKIPPED: running as root and setpriv is missing: permissions cannot be tested");
        return None;
    }
    // The user must own the site (and the folder around it) to build it.
    let outer = site.root.parent().unwrap();
    for entry in walkdir::WalkDir::new(outer) {
        let entry = entry.unwrap();
        std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--",
        env!("CARGO_BIN_EXE_wsis"),
        command,
        "--root",
    ])
    .arg(&site.root);
    Some(run_guarded(site, cmd))
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn unreadable_folders_and_files_fail_the_build_and_keep_the_output() {
    for (rel, mode) in [
        ("content/reports", 0o000),
        ("content/reports", 0o300),
        ("content/organizations", 0o000),
        ("content/reports/2024", 0o000),
        ("content/reports/alpha-2023.md", 0o000),
        ("content/metrics.yaml", 0o200),
        ("static", 0o000),
    ] {
        let site = Site::fixture("basic");
        site.write("content/reports/2024/gamma.md", &gamma());
        site.write("static/logo.txt", "logo");
        site.build_ok();
        let before = common::snapshot(&site.root.join("public"));
        set_mode(&site.root.join(rel), mode);
        for command in ["build", "check"] {
            let Some(run) = run_unprivileged(&site, command) else {
                return;
            };
            run.assert_error(rel, "Permission denied");
            assert!(
                !run.stderr.contains("unknown organization"),
                "{rel}: {}",
                run.stderr
            );
        }
        assert!(
            before == common::snapshot(&site.root.join("public")),
            "{rel}: the previous output changed"
        );
        set_mode(&site.root.join(rel), 0o755);
    }
}

fn gamma() -> String {
    "---\ntitle: \"Gamma\"\norganization: alpha\nyear: 2024\npublished: 2024\nkind: annual-progress\n---\n\nText.\n".to_string()
}

#[test]
fn a_file_where_a_content_folder_belongs_is_an_error() {
    for rel in ["content/reports", "content/organizations", "static"] {
        let site = Site::fixture("basic");
        site.build_ok();
        let page = site.output("reports/alpha-2024/index.html");
        let _ = fs::remove_dir_all(site.root.join(rel));
        site.write(rel, "not a folder");
        for command in ["build", "check"] {
            guarded(&site, command, &[]).assert_error(
                rel,
                "is a regular file, not a folder: its files cannot be listed",
            );
        }
        assert_eq!(site.output("reports/alpha-2024/index.html"), page);
    }
}

#[test]
fn serve_names_the_folder_it_cannot_list() {
    let site = Site::fixture("basic");
    fs::remove_dir_all(site.root.join("content/organizations")).unwrap();
    site.write("content/organizations", "not a folder");
    let server = common::Server::start(&site);
    let (status, _, body) = server.get("/");
    assert!(
        body.contains("content/organizations") && body.contains("not a folder"),
        "{status}: {body}"
    );
    assert!(!body.contains("unknown organization"), "{body}");
}
