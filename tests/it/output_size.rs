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
