//! A target's `wording`: the verbatim words that set it, checked against every text
//! the site has of its source (the transcribed paragraph, and the source's `quote`),
//! and shown on its page and in the open data even when the source quotes more.

use crate::common;

use common::Site;

const TARGETS: &str = "content/targets.yaml";

/// Builds `site`, which must fail with `message` at `location`, writing nothing.
fn fails(site: &Site, location: &str, message: &str) {
    let run = site.build(&[]);
    run.assert_error(location, message);
    assert!(
        !site.has_output("index.html"),
        "a failed build wrote the site"
    );
}

#[test]
fn wording_is_checked_even_when_the_citation_quotes() {
    let site = Site::fixture("frame");
    // The quote is the paragraph's, the wording is not: both are checked.
    site.edit(
        TARGETS,
        "source: {document: test-res-1, paragraph: 7}\n  wording: \"every test school is connected by 2030\"",
        "source: {document: test-res-1, paragraph: 7, quote: \"every test school is connected by 2030\"}\n  wording: \"every school on earth\"",
    );
    fails(
        &site,
        "content/targets.yaml:15:12",
        "wording \"every school on earth\" is not in paragraph 7 of `test-res-1`",
    );
}

#[test]
fn an_outside_sources_quote_must_hold_the_wording() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "source: {document: test-res-1, paragraph: 7}\n  wording: \"every test school is connected by 2030\"",
        "source: {name: \"Test Survey\", quote: \"We aim that every test school is connected by 2030.\"}\n  wording: \"every test school is connected by 2031\"",
    );
    fails(
        &site,
        "content/targets.yaml:15:12",
        "wording \"every test school is connected by 2031\" is not in the source's quote",
    );
    // Part of the quote, with other quotation marks and spacing: accepted.
    site.edit(TARGETS, "connected by 2031", "connected  by 2030");
    site.build_ok();
    let page = site.output("targets/schools-connected/index.html");
    let text = common::text_of(&page);
    assert!(
        text.contains("“every test school is connected by 2030”"),
        "{text}"
    );
    assert!(
        text.contains("The source reads: “We aim that every test school is connected by 2030.”"),
        "{text}"
    );
    let csv = site.output("data/targets.csv");
    let row = csv
        .lines()
        .find(|l| l.starts_with("schools-connected,"))
        .unwrap();
    assert!(
        row.contains("every test school is connected  by 2030"),
        "{row}"
    );
    assert!(!row.contains("We aim"), "{row}");
}
