//! Output size (issue 17): each cut of a redundant copy or a verbose spelling, checked
//! to be in place and to lose nothing a reader or an analyst could get before.

use crate::common;

use common::{Site, text_of};
use serde_json::Value;

#[test]
fn a_page_offers_its_bibtex_as_a_file_once_and_does_not_show_it_again() {
    let site = Site::fixture("basic");
    site.build_ok();
    for page in [
        "reports/alpha-2024/index.html",
        "metrics/alpha-alumni/index.html",
    ] {
        let html = site.output(page);
        let (bib, json) = common::cite_files(&html);
        // The file is complete: the entry and every field.
        assert!(
            bib.starts_with('@') && bib.ends_with("}\n"),
            "{page}: {bib}"
        );
        assert!(
            bib.contains("  url = {https://example.org/sub/"),
            "{page}: {bib}"
        );
        // Its text is not on the page a second time.
        let first = bib.lines().next().unwrap();
        assert!(!text_of(&html).contains(first), "{page} shows the BibTeX");
        assert!(!html.contains("<pre"), "{page}");
        // The CSL-JSON file is one compact line, and still the whole citation.
        assert_eq!(json.lines().count(), 1, "{page}: {json}");
        assert!(!json.contains(": "), "{page}: {json}");
        let parsed: Value = serde_json::from_str(&json).unwrap();
        assert!(
            parsed[0]["URL"]
                .as_str()
                .unwrap()
                .starts_with("https://example.org/sub/")
        );
    }
}

#[test]
fn a_report_links_its_own_figures_sentences_by_their_fragment() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("reports/alpha-2024/index.html");
    let model = site.model();
    let r = model
        .reports
        .iter()
        .find(|r| r.slug == "alpha-2024")
        .unwrap();
    assert!(!r.figures.is_empty());
    for f in &r.figures {
        assert!(
            html.contains(&format!("<td><a href=\"#{}\">“", f.anchor)),
            "{}: not linked by its fragment",
            f.anchor
        );
        assert!(
            html.contains(&format!("id=\"{}\"", f.anchor)),
            "{}",
            f.anchor
        );
    }
    // The page's own address is not spelled out before a fragment of it.
    assert!(!html.contains("href=\"/sub/reports/alpha-2024/#"), "{html}");
    // Other pages still link the sentence by its full address.
    let metric = site.output("metrics/alpha-alumni/index.html");
    assert!(metric.contains("href=\"/sub/reports/alpha-2024/#fig-alpha-alumni-2024\""));
}

#[test]
fn a_contents_entry_is_classed_by_its_level_only_below_the_second() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("reports/alpha-2024/index.html");
    let toc = &html[html.find("<nav class=\"toc\"").expect("contents")..];
    let toc = &toc[..toc.find("</nav>").unwrap()];
    assert_eq!(toc.matches("<li><a href=\"#").count(), 2, "{toc}");
    assert_eq!(
        toc.matches("<li class=\"toc-3\"><a href=\"#").count(),
        1,
        "{toc}"
    );
    assert!(!toc.contains("toc-2"), "{toc}");
}
