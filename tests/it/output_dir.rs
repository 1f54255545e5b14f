//! Issue 12, case 7: `site.toml` may only choose an output folder inside the site
//! root; a folder elsewhere is the user's choice on the command line (`--output`), and
//! never the sources or a folder holding them, however it is spelled.

use crate::common;

use common::{Site, guarded};

#[test]
fn site_toml_cannot_send_the_output_outside_the_root() {
    let outside = std::env::temp_dir().join(format!("wsis-escape-{}", std::process::id()));
    for value in [
        "../escape",
        "../../escape",
        "public/../../escape",
        ".",
        "./",
        "sub/../..",
        outside.to_str().unwrap(),
        "/",
    ] {
        let site = Site::fixture("basic");
        site.edit(
            "site.toml",
            "[build]",
            &format!("[build]\noutput_dir = \"{value}\""),
        );
        for command in ["build", "check"] {
            guarded(&site, command, &[]).assert_error(
                "site.toml:6:14",
                &format!("output_dir `{value}` is not a folder inside the site root"),
            );
        }
        assert!(!site.root.join("public").exists());
        assert!(!site.root.parent().unwrap().join("escape").exists());
        assert!(!outside.exists(), "{value}");
    }
    // Folders inside the root, however deep, are fine.
    for (value, folder) in [("out/www", "out/www"), ("./out", "out"), ("a/./b", "a/b")] {
        let site = Site::fixture("basic");
        site.edit(
            "site.toml",
            "[build]",
            &format!("[build]\noutput_dir = \"{value}\""),
        );
        let run = site.build(&[]);
        assert!(run.ok, "{}", run.stderr);
        assert!(site.root.join(folder).join("index.html").is_file());
    }
}

#[test]
fn the_command_line_may_build_outside_the_root() {
    let site = Site::fixture("basic");
    let elsewhere = site.root.parent().unwrap().join("elsewhere/www");
    let run = site.build(&["--output", elsewhere.to_str().unwrap()]);
    assert!(run.ok, "{}", run.stderr);
    assert!(elsewhere.join("reports/beta-2024/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn never_onto_the_sources_or_an_ancestor_even_through_a_link() {
    let site = Site::fixture("basic");
    let outer = site.root.parent().unwrap();
    std::os::unix::fs::symlink(&site.root, outer.join("to-root")).unwrap();
    std::os::unix::fs::symlink(site.root.join("content"), outer.join("to-content")).unwrap();
    for target in [
        outer.to_path_buf(),
        outer.join("to-root"),
        outer.join("to-root/content/new"),
        outer.join("to-content"),
        outer.join("to-root/../site"),
        site.root.join("static/out"),
        std::path::PathBuf::from("/"),
    ] {
        let run = guarded(&site, "build", &["--output", target.to_str().unwrap()]);
        assert!(!run.ok, "{} accepted", target.display());
        assert!(
            run.stderr.contains("the output folder"),
            "{}: {}",
            target.display(),
            run.stderr
        );
    }
    assert!(site.root.join("content/reports/alpha-2024.md").is_file());
}

/// `..` after a link is the parent of the link's target, as the system reads it: the
/// check took `<link to content/reports>/../out` for a folder beside the link and let
/// the build write `content/out`.
#[cfg(unix)]
#[test]
fn a_parent_step_after_a_link_is_checked_where_it_leads() {
    let site = Site::fixture("basic");
    let outer = site.root.parent().unwrap();
    std::os::unix::fs::symlink(site.root.join("content/reports"), outer.join("to-reports"))
        .unwrap();
    let target = outer.join("to-reports/../out");
    let run = guarded(&site, "build", &["--output", target.to_str().unwrap()]);
    assert!(!run.ok, "accepted");
    assert!(
        run.stderr.contains("inside the site's `content`"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join("content/out").exists());
    assert!(!outer.join("out").exists());
}

/// The site root is read by the same rule: `--root link/..`, where the link leads
/// into the site's `content/`, is the site itself, so an output inside `content/` is
/// still refused.
#[test]
fn a_root_spelled_through_a_link_is_checked_where_it_leads() {
    let site = Site::fixture("basic");
    let outer = site.root.parent().unwrap();
    std::fs::create_dir(outer.join("a")).unwrap();
    std::os::unix::fs::symlink(site.root.join("content"), outer.join("a/l")).unwrap();
    let root = outer.join("a/l/..");
    let output = site.root.join("content/out");
    let run = common::run_limited({
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_wsis"));
        cmd.args(["build", "--root", root.to_str().unwrap()])
            .args(["--output", output.to_str().unwrap()]);
        cmd
    });
    assert!(!run.ok, "accepted");
    assert!(
        run.stderr.contains("inside the site's `content`"),
        "{}",
        run.stderr
    );
    assert!(!output.exists());
}

/// A trailing `.` names the folder itself: the staging folder went inside the output
/// and every build failed with "cannot move the new output in place".
#[test]
fn an_output_spelled_with_dots_is_that_folder() {
    let site = Site::fixture("basic");
    for spelling in ["public/.", "public/./", "public/x/..", "public/x/../."] {
        let target = site.root.join(spelling);
        let run = site.build(&["--output", target.to_str().unwrap()]);
        assert!(run.ok, "{spelling}: {}", run.stderr);
        assert!(
            site.has_output("reports/beta-2024/index.html"),
            "{spelling}"
        );
        assert!(!site.root.join("public/x").exists(), "{spelling}");
    }
    site.edit("site.toml", "[build]", "[build]\noutput_dir = \"www/.\"");
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(site.root.join("www/index.html").is_file());
}
