//! The WSIS+20 frame against a hostile contributor and a careless editor: markup and
//! script addresses in every new field, ids that would escape or clash, numbers and
//! YAML meant to break the loader, empty words, and the dev server's rebuilds. Built
//! from `tests/fixtures/frame`, guarded: nothing outside the output changes and
//! nothing panics.

use crate::common;

use std::fs;
use std::time::Duration;

use common::{Server, Site, build_guarded, output_state, wait_for};

/// Markup that would run or break out of an attribute if any page printed it raw.
const PAYLOAD: &str = r#"<script>alert(1)</script>\"><img src=x onerror=alert(2)>"#;

/// Every built file of `site` that a browser reads as markup, with its text.
fn markup_files(site: &Site) -> Vec<(String, String)> {
    output_state(site)
        .into_iter()
        .filter(|(path, _)| {
            path.ends_with(".html") || path.ends_with(".xml") || path.ends_with(".svg")
        })
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// Builds `site` guarded and asserts the build failed with an error at `location`
/// containing `message`.
fn refused(site: &Site, location: &str, message: &str) {
    build_guarded(site).assert_error(location, message);
}

#[test]
fn markup_in_every_new_field_is_printed_as_text() {
    let site = Site::fixture("frame");
    let doc = "content/documents/test-res-1.md";
    let payload = |before: &str| format!("{before}{PAYLOAD}");
    site.edit(doc, "symbol: \"TEST/RES/1", &payload("symbol: \"TEST/RES/1"))
        .edit(doc, "title: \"Test Resolution One", &payload("title: \"Test Resolution One"))
        .edit(doc, "issued_by: \"Test Assembly", &payload("issued_by: \"Test Assembly"))
        .edit(
            doc,
            "12. We note the test frameworks agree on capacity building.",
            "12. We note the test frameworks agree on capacity building. <script>alert(3)</script> [x](javascript:alert(4))",
        )
        .edit(
            "content/targets.yaml",
            "title: \"Five hundred alumni",
            &payload("title: \"Five hundred alumni"),
        )
        .edit(
            "content/targets.yaml",
            "end_state: \"Every test network is open to all.",
            &payload("end_state: \"Every test network is open to all."),
        )
        .edit(
            "content/targets.yaml",
            "locator: \"table 1",
            &payload("locator: \"table 1"),
        )
        .edit(
            "content/crosswalk.yaml",
            "name: \"Test Matrix\", url: https://example.org/matrix, locator: \"C4",
            &format!(
                "name: \"Test Matrix{PAYLOAD}\", url: \"https://example.org/?a=\\\"><x>\", locator: \"C4{PAYLOAD}"
            ),
        )
        .edit(
            "content/frameworks.yaml",
            "short: \"Fixture learning",
            &payload("short: \"Fixture learning"),
        )
        .edit(
            "content/frameworks.yaml",
            "short: \"Fixture divides",
            &payload("short: \"Fixture divides"),
        );
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    let files = markup_files(&site);
    assert!(files.len() > 20, "the frame's pages were built");
    for (path, text) in files {
        for raw in ["<script>alert", "<img src=x", "javascript:alert", "<x>"] {
            assert!(!text.contains(raw), "{path} prints {raw:?} raw");
        }
    }
    // The words are still there, as text.
    let target = site.output("targets/alumni-500/index.html");
    assert!(target.contains("Five hundred alumni&lt;script&gt;"));
}

#[test]
fn script_and_data_addresses_are_refused_in_every_url_field() {
    let site = Site::fixture("frame");
    site.edit(
        "content/documents/test-res-1.md",
        "source_url: https://example.org/test-res-1",
        "source_url: \"javascript:alert(1)\"",
    )
    .edit(
        "content/crosswalk.yaml",
        "url: https://example.org/matrix",
        "url: \"data:text/html,<script>alert(2)</script>\"",
    )
    .edit(
        "content/targets.yaml",
        "locator: \"table 1\"",
        "locator: \"table 1\", url: \" JavaScript:alert(3)\"",
    );
    let run = build_guarded(&site);
    run.assert_error(
        "content/documents/test-res-1.md:7:13",
        "is not a web address",
    );
    run.assert_error("content/crosswalk.yaml:3:", "is not a web address");
    run.assert_error("content/targets.yaml:9:", "is not a web address");
}

#[test]
fn empty_titles_wordings_and_locators_are_refused() {
    let cases = [
        (
            "content/targets.yaml",
            "title: \"Five hundred alumni\"",
            "title: \"  \"",
            "content/targets.yaml:2:10",
            "`title` is empty",
        ),
        (
            "content/targets.yaml",
            "wording: \"each test learner has skills for the fixture economy\"",
            "wording: \"\"",
            "content/targets.yaml:4:12",
            "`wording` is empty",
        ),
        (
            "content/frameworks.yaml",
            "short: \"Fixture learning\"",
            "short: \"\"",
            "content/frameworks.yaml:4:12",
            "`short` is empty",
        ),
        (
            "content/frameworks.yaml",
            "short: \"Fixture divides\"",
            "short: \" \"",
            "content/frameworks.yaml:20:12",
            "`short` is empty",
        ),
        (
            "content/crosswalk.yaml",
            "locator: \"C4\"",
            "locator: \"\"",
            "content/crosswalk.yaml:3:",
            "`locator` is empty",
        ),
    ];
    for (file, from, to, location, message) in cases {
        let site = Site::fixture("frame");
        site.edit(file, from, to);
        refused(&site, location, message);
    }
}

#[test]
fn an_empty_goal_title_does_not_pass_its_quote_check() {
    // An empty string is in every paragraph: without its own check the title would
    // pass the quote check and give the goal's page an empty heading.
    let site = Site::fixture("frame");
    site.edit(
        "content/frameworks.yaml",
        "title: \"Ensure fixture learning for all\"",
        "title: \"\"",
    );
    refused(&site, "content/frameworks.yaml:3:12", "`title` is empty");
}

#[test]
fn a_baseline_after_the_deadline_is_refused() {
    let site = Site::fixture("frame");
    site.edit(
        "content/targets.yaml",
        "{value: 300, year: 2022,",
        "{value: 300, year: 2040,",
    );
    refused(
        &site,
        "content/targets.yaml:9:",
        "the baseline's year 2040 is after the target's deadline 2030",
    );
    // A bad deadline is reported once, without a second error about the baseline.
    site.edit("content/targets.yaml", "deadline: 2030", "deadline: 20300");
    let run = build_guarded(&site);
    run.assert_error("content/targets.yaml:11:13", "year 20300 is out of range");
    assert!(
        !run.stderr.contains("after the target's deadline"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_wrong_shape_says_what_was_expected_in_the_files_words() {
    let site = Site::fixture("frame");
    site.write(
        "content/crosswalk.yaml",
        "- &a {action_line: C4, sdg: \"4\", source: {name: lol}}\n- [*a, *a, *a, *a]\n",
    );
    let run = build_guarded(&site);
    run.assert_error("content/crosswalk.yaml:2:3", "expected a crosswalk link as");
    assert!(!run.stderr.contains("RawLink"), "{}", run.stderr);
    site.write("content/crosswalk.yaml", "[]\n")
        .edit("content/targets.yaml", "  baseline: {", "  baseline: [{")
        .edit(
            "content/targets.yaml",
            "locator: \"table 1\"}}",
            "locator: \"table 1\"}}]",
        );
    let run = build_guarded(&site);
    run.assert_error("content/targets.yaml:9:", "expected a baseline as");
    assert!(!run.stderr.contains("RawBaseline"), "{}", run.stderr);
}

#[test]
fn yaml_bombs_duplicate_keys_and_tabs_fail_with_a_place() {
    let site = Site::fixture("frame");
    let mut bomb = String::from("- &a0 {action_line: C4, sdg: \"4\", source: {name: lol}}\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("- &a{i} [{refs}]\n"));
    }
    site.write("content/crosswalk.yaml", &bomb);
    build_guarded(&site).assert_error("content/crosswalk.yaml:2:3", "expected");
    site.write("content/crosswalk.yaml", "[]\n").edit(
        "content/targets.yaml",
        "  title: \"Five hundred alumni\"",
        "  title: \"a\"\n  title: \"b\"",
    );
    build_guarded(&site).assert_error("content/targets.yaml:1:3", "duplicate field `title`");
    site.edit("content/targets.yaml", "  title: \"a\"", "\ttitle: \"a\"");
    build_guarded(&site).assert_error("content/targets.yaml:2:1", "tab");
}

#[test]
fn hostile_numbers_are_refused_at_their_place() {
    let cases = [
        (
            "target_value: 500",
            "target_value: .nan",
            "content/targets.yaml:10:17",
            "not a number",
        ),
        (
            "target_value: 500",
            "target_value: -.inf",
            "content/targets.yaml:10:17",
            "infinity",
        ),
        (
            "target_value: 500",
            "target_value: 1e400",
            "content/targets.yaml:10:17",
            "out of range",
        ),
        (
            "{value: 300,",
            "{value: .inf,",
            "content/targets.yaml:9:",
            "infinity",
        ),
        (
            "deadline: 2030",
            "deadline: 0",
            "content/targets.yaml:11:13",
            "out of range",
        ),
        (
            "deadline: 2030",
            "deadline: 99999",
            "content/targets.yaml:11:13",
            "out of range",
        ),
    ];
    for (from, to, location, message) in cases {
        let site = Site::fixture("frame");
        site.edit("content/targets.yaml", from, to);
        refused(&site, location, message);
    }
}

#[test]
fn document_ids_that_would_escape_or_clash_are_refused() {
    let text = fs::read_to_string(
        Site::fixture("frame")
            .root
            .join("content/documents/test-dec-1.md"),
    )
    .unwrap();
    for name in ["Upper", ".wsis-x", "a..b", "café", "con"] {
        let site = Site::fixture("frame");
        site.write(&format!("content/documents/{name}.md"), &text);
        refused(
            &site,
            &format!("content/documents/{name}.md"),
            "invalid document file name",
        );
    }
    let site = Site::fixture("frame");
    site.write("content/documents/sub/x.md", &text)
        .write("content/documents/x.md", &text);
    let run = build_guarded(&site);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("both would be written to documents/x/"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_document_linked_from_outside_the_site_is_not_published() {
    let site = Site::fixture("frame");
    let outside = site.root.parent().unwrap().join("secret.md");
    fs::write(&outside, "---\nsymbol: S\n---\nsecret words\n").unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("content/documents/evil.md")).unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr.contains("symbolic link to outside the site"),
        "{}",
        run.stderr
    );
    assert!(!site.has_output("documents/evil/index.html"));
    for (path, text) in markup_files(&site) {
        assert!(!text.contains("secret words"), "{path}");
    }
}

#[test]
fn a_target_whose_figures_are_all_plans_has_insufficient_data() {
    let site = Site::fixture("frame");
    site.edit(
        "content/reports/alpha-2024.md",
        "    year: 2024\n    qualifier: exact",
        "    year: 2024\n    status: projected",
    )
    .edit(
        "content/reports/alpha-2023.md",
        "    value: 355\n    year: 2023",
        "    value: 355\n    year: 2023\n    status: projected",
    );
    assert!(build_guarded(&site).ok);
    let page = site.output("targets/alumni-500/index.html");
    assert!(
        page.contains("standing-insufficient-data\">Insufficient data"),
        "{page}"
    );
    assert!(
        page.contains("Only the baseline is known (300 in 2022)"),
        "{page}"
    );
}

#[test]
fn two_builds_of_the_same_sources_are_byte_identical() {
    let first = Site::fixture("frame");
    assert!(build_guarded(&first).ok);
    let second = first.sources_copy();
    assert!(build_guarded(&second).ok);
    assert!(output_state(&first) == output_state(&second));
    // And a rebuild in place changes nothing.
    let before = output_state(&first);
    assert!(build_guarded(&first).ok);
    assert!(before == output_state(&first));
}

#[test]
fn serve_rebuilds_every_page_that_shows_a_target_status() {
    let site = Site::fixture("frame");
    let server = Server::start(&site);
    let (_, _, home) = server.get("/");
    assert!(home.contains("Five hundred alumni"));
    site.edit(
        "content/targets.yaml",
        "title: \"Five hundred alumni\"",
        "title: \"Six hundred alumni\"",
    )
    .edit(
        "content/targets.yaml",
        "target_value: 500",
        "target_value: 600",
    );
    let limit = Duration::from_secs(5);
    wait_for(&server, "/targets/alumni-500/", limit, |b| {
        b.contains("Six hundred alumni")
    });
    for page in [
        "/",
        "/targets/",
        "/action-lines/c4/",
        "/metrics/alpha-alumni/",
    ] {
        let (status, _, body) = server.get(page);
        assert_eq!(status, 200, "{page}");
        assert!(body.contains("Six hundred alumni"), "{page} is stale");
        assert!(!body.contains("Five hundred alumni"), "{page} is stale");
    }
    // A document's paragraph edited: its page and the quote check follow.
    site.edit(
        "content/documents/test-res-1.md",
        "We note the test frameworks agree",
        "We note the fixture frameworks agree",
    );
    wait_for(&server, "/documents/test-res-1/", limit, |b| {
        b.contains("fixture frameworks agree")
    });
    // The crosswalk edited: the frameworks page and the action line follow.
    site.edit(
        "content/crosswalk.yaml",
        "locator: \"C4\"",
        "locator: \"row C4\"",
    );
    wait_for(&server, "/frameworks/", limit, |b| b.contains("row C4"));
    let (_, _, c4) = server.get("/action-lines/c4/");
    assert!(c4.contains("row C4"), "the action line page is stale");
}

#[test]
fn serve_drops_the_target_pages_when_targets_yaml_is_deleted() {
    let site = Site::fixture("frame");
    let server = Server::start(&site);
    assert_eq!(server.get("/targets/alumni-500/").0, 200);
    fs::remove_file(site.root.join("content/targets.yaml")).unwrap();
    wait_for(&server, "/", Duration::from_secs(5), |b| {
        !b.contains("Five hundred alumni")
    });
    assert_eq!(
        server.get("/targets/alumni-500/").0,
        404,
        "a stale target page"
    );
    let (_, _, c4) = server.get("/action-lines/c4/");
    assert!(!c4.contains("Five hundred alumni"), "a stale target on C4");
    // Back again: the pages return.
    let text =
        fs::read_to_string(Site::fixture("frame").root.join("content/targets.yaml")).unwrap();
    site.write("content/targets.yaml", &text);
    wait_for(
        &server,
        "/targets/alumni-500/",
        Duration::from_secs(5),
        |b| b.contains("Five hundred alumni"),
    );
}

#[test]
fn an_item_the_transcribed_paragraph_does_not_letter_is_refused() {
    let site = Site::fixture("frame");
    site.edit(
        "content/targets.yaml",
        "paragraph: 7, item: a}",
        "paragraph: 7, item: z}",
    );
    refused(
        &site,
        "content/targets.yaml:3:",
        "paragraph 7 of `test-res-1` has no item (z)",
    );
    // The items the paragraph has are accepted (the fixture cites (a) and (b)).
    let site = Site::fixture("frame");
    assert!(build_guarded(&site).ok);
}
