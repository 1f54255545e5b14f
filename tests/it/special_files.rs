//! Issue 12, case 4: a named pipe, socket or device where the build expects a file
//! (site.toml, a data file, a report, a theme or static file) is refused with a message
//! naming it, before it is opened: never a hang, never "missing", never skipped.

#![cfg(unix)]

use crate::common;

use std::path::Path;

use common::{Server, Site, build_guarded, guarded};

/// Replaces `rel` under the site with a named pipe.
fn fifo(site: &Site, rel: &str) {
    let path = site.root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&path);
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
}

/// Builds and checks `site`, both of which must refuse `rel` as `what`, with nothing
/// outside the output changed and the previous output (if any) kept.
fn refused(site: &Site, rel: &str, what: &str) {
    let before = std::fs::read_to_string(site.root.join("public/index.html")).ok();
    for command in ["build", "check"] {
        let run = guarded(site, command, &[]);
        run.assert_error(rel, &format!("is {what}, not a regular file"));
    }
    let after = std::fs::read_to_string(site.root.join("public/index.html")).ok();
    assert_eq!(before, after, "the previous output changed");
}

#[test]
fn named_pipes_are_refused_wherever_a_file_is_read() {
    for rel in [
        "site.toml",
        "content/metrics.yaml",
        "content/action-lines.yaml",
        "content/organizations/gamma.yaml",
        "content/reports/pipe.md",
        "content/reports/deeper/still/pipe.md",
        "static/style.css",
        "static/img/logo.png",
    ] {
        let site = Site::fixture("basic");
        site.build_ok();
        fifo(&site, rel);
        refused(&site, rel, "a named pipe (FIFO)");
    }
}

#[test]
fn a_pipe_in_a_theme_is_refused() {
    let site = Site::fixture("basic");
    site.edit("site.toml", "base_url", "theme = \"plain\"\nbase_url");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &site.root.join("themes/plain"),
    );
    site.build_ok();
    for rel in [
        "themes/plain/templates/report.html",
        "themes/plain/static/search.js",
    ] {
        let saved = std::fs::read(site.root.join(rel)).unwrap();
        fifo(&site, rel);
        refused(&site, rel, "a named pipe (FIFO)");
        std::fs::remove_file(site.root.join(rel)).unwrap();
        std::fs::write(site.root.join(rel), saved).unwrap();
    }
}

#[test]
fn sockets_and_devices_are_refused() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.root.join("content/metrics.yaml")).unwrap();
    let _socket =
        std::os::unix::net::UnixListener::bind(site.root.join("content/metrics.yaml")).unwrap();
    refused(&site, "content/metrics.yaml", "a socket");

    // A device node needs privileges to create; without them the link-free route is
    // the same code (a file type that is not a regular file), tested above.
    let site = Site::fixture("basic");
    let rel = "content/reports/zero.md";
    let made = rustix::fs::mknodat(
        rustix::fs::CWD,
        site.root.join(rel),
        rustix::fs::FileType::CharacterDevice,
        rustix::fs::Mode::from_raw_mode(0o644),
        rustix::fs::makedev(1, 5),
    );
    match made {
        Ok(()) => refused(&site, rel, "a character device"),
        Err(e) => eprintln!("SKIPPED the character device case: cannot create one ({e})"),
    }
}

#[test]
fn a_folder_where_a_file_belongs_is_not_called_missing() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.root.join("content/metrics.yaml")).unwrap();
    std::fs::create_dir(site.root.join("content/metrics.yaml")).unwrap();
    let run = build_guarded(&site);
    run.assert_error("content/metrics.yaml", "is a folder, not a regular file");
    assert!(!run.stderr.contains("missing"), "{}", run.stderr);
}

#[test]
fn serve_reports_a_pipe_instead_of_hanging() {
    let site = Site::fixture("basic");
    fifo(&site, "content/reports/pipe.md");
    let server = Server::start(&site);
    let (status, _, body) = server.get("/");
    assert!(
        body.contains("content/reports/pipe.md") && body.contains("named pipe"),
        "{status}: {body}"
    );
}
