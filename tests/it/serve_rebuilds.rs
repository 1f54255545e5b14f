//! Issue 17, `wsis serve` after a save: the page being looked at, in its language, is
//! announced first and already shows the edit when it is; and static files, theme
//! files and settings saved while serving are served, even when saved while the site
//! had an error that a later report edit fixed.

use crate::common;

use std::time::Duration;

use common::reloads::Reloads;
use common::{Server, Site};

/// Long enough for a rebuild of a fixture on a loaded machine; waits end as soon as
/// the event arrives.
const LIMIT: Duration = Duration::from_secs(20);

/// Creates the theme's static folder before the server starts, so that the only
/// change a test makes there is the file it saves.
fn theme_folder(site: &Site) {
    std::fs::create_dir_all(site.root.join("themes/default/static")).unwrap();
}

/// The basic fixture in English, French and Arabic.
fn trilingual() -> Site {
    Site::fixture_in("basic", &["en", "fr", "ar"])
}

const REPORT: &str = "content/reports/alpha-2024.md";
const SENTENCE: &str = "In 2024 the alumni network grew to 407 members.";
const EDITED: &str = "In 2024 the alumni network grew to 407 members, a record.";

#[test]
fn the_edited_page_in_the_language_being_viewed_is_announced_first() {
    for viewed in ["/fr/reports/alpha-2024/", "/ar/reports/alpha-2024/"] {
        let site = trilingual();
        let server = Server::start(&site);
        let mut reloads = Reloads::open(server.port, Some(viewed));
        site.save(REPORT, SENTENCE, EDITED);
        let events = reloads.wait_for(viewed, LIMIT);
        assert_eq!(events, [format!("[\"{viewed}\"]")], "{viewed} alone, first");
        // Announced once rendered, not before.
        let (_, _, body) = server.get(viewed);
        assert!(body.contains("a record"), "{viewed}");
        // The other languages follow, the default among them.
        let events = reloads.wait_for("/reports/alpha-2024/", LIMIT);
        assert!(
            events.iter().all(|e| !e.contains("action-lines")),
            "the report's page in every language before the other pages: {events:?}"
        );
    }
}

#[test]
fn without_a_viewer_the_default_language_is_announced_first() {
    let site = trilingual();
    let server = Server::start(&site);
    // A page open that the edit does not concern.
    let mut reloads = Reloads::open(server.port, Some("/fr/documents/"));
    site.save(REPORT, SENTENCE, EDITED);
    let events = reloads.wait_for("/reports/alpha-2024/", LIMIT);
    assert_eq!(events, ["[\"/reports/alpha-2024/\"]"]);
    let events = reloads.wait_for("/ar/reports/alpha-2024/", LIMIT);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].contains("/fr/reports/alpha-2024/"), "{events:?}");
}

#[test]
fn another_open_page_showing_the_report_is_announced_before_the_rest() {
    let site = trilingual();
    let server = Server::start(&site);
    let viewed = "/fr/action-lines/c4/";
    let mut reloads = Reloads::open(server.port, Some(viewed));
    let mut plain = Reloads::open(server.port, None);
    site.save(REPORT, SENTENCE, EDITED);
    let events = reloads.wait_for(viewed, LIMIT);
    let last = events.last().unwrap();
    assert_eq!(last, &format!("[\"{viewed}\"]"), "{events:?}");
    assert!(server.get(viewed).2.contains("a record"));
    // The other pages showing the report come with the end of the rebuild, after it.
    let events = plain.wait_for("/action-lines/c4/", LIMIT);
    assert!(
        events.iter().any(|e| e.contains(viewed)),
        "announced before the other pages: {events:?}"
    );
    assert!(server.get("/action-lines/c4/").2.contains("a record"));
}

#[test]
fn static_and_theme_files_saved_while_serving_are_served() {
    let site = Site::fixture("basic");
    site.write("static/notes.txt", "old notes");
    theme_folder(&site);
    let server = Server::start(&site);
    let mut reloads = Reloads::open(server.port, None);
    assert_eq!(server.get("/notes.txt").2, "old notes");
    site.save("static/notes.txt", "old", "new");
    reloads.next(LIMIT);
    assert_eq!(server.get("/notes.txt").2, "new notes");
    site.put("themes/default/static/extra.txt", "theme file");
    reloads.next(LIMIT);
    assert_eq!(server.get("/extra.txt").2, "theme file");
}

/// Issue 17: a partial rebuild reused the theme, templates, static files and settings
/// of the last good build, so what was saved while the site had an error was not
/// served after a report edit fixed it.
#[test]
fn files_saved_while_the_site_has_an_error_are_served_once_it_is_fixed() {
    let site = Site::fixture("basic");
    site.write("static/notes.txt", "old notes");
    theme_folder(&site);
    let server = Server::start(&site);
    let mut reloads = Reloads::open(server.port, None);
    site.save(REPORT, "metric: alpha-grants", "metric: alpha-grant");
    reloads.next(LIMIT);
    assert!(server.get("/").2.contains("wsis-overlay"));
    // Each save while the error stands is a failed full rebuild.
    site.save("static/notes.txt", "old", "new");
    reloads.next(LIMIT);
    site.put("themes/default/static/extra.txt", "theme file");
    reloads.next(LIMIT);
    site.save("site.toml", "Fixture tracker", "Renamed tracker");
    reloads.next(LIMIT);
    site.save(REPORT, "metric: alpha-grant", "metric: alpha-grants");
    reloads.next(LIMIT);
    let (_, _, home) = server.get("/");
    assert!(!home.contains("wsis-overlay"), "fixed");
    let mut stale = Vec::new();
    if server.get("/notes.txt").2 != "new notes" {
        stale.push("the site's static file");
    }
    if server.get("/extra.txt").2 != "theme file" {
        stale.push("the theme's static file");
    }
    if !home.contains("Renamed tracker") {
        stale.push("the settings");
    }
    assert!(stale.is_empty(), "not served: {stale:?}");
}
