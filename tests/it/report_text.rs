//! A report's text is shown in full on at most two pages of the output: its own page
//! (and its page in each other language), never again on the pages that list it. An
//! action line's pages, its year pages and the report comparisons show a section's
//! title, length and opening sentence, linking to the full text (issue 17: the copies
//! were half the output).

use crate::common;

use std::path::Path;

use common::Site;

/// A sentence no other file of the fixture has, and the report that states it: in the
/// second paragraph of a section on two action lines, and in a section on a third, so
/// that before this rule it was copied to three action line pages.
const SENTENCE: &str = "Volunteers mended forty village radio masts after the floods.";

fn report(sentence: &str) -> String {
    format!(
        "---\ntitle: \"Gamma report 2024\"\norganization: beta\nyear: 2024\n\
         published: 2024-12-01\nkind: annual-progress\naction_lines: [C1, C4, C11]\n---\n\n\
         ## WSIS Action Lines C1 and C4: Shared work\n\nThe year opened with a plan.\n\n\
         In the spring, the plan met the rain. {sentence}\n\n\
         ## C11: Cooperation\n\nPartners met twice. {sentence}\n"
    )
}

/// The HTML files under `dir` whose text holds `needle`, as paths below `dir`.
fn pages_with(dir: &Path, needle: &str) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter(|e| {
            let html = std::fs::read_to_string(e.path()).unwrap();
            common::text_of(&html).contains(needle)
        })
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

#[test]
fn a_reports_text_is_in_full_on_its_own_page_only() {
    let site = Site::fixture("basic");
    site.write("content/reports/gamma-2024.md", &report(SENTENCE));
    site.build_ok();
    let out = site.root.join("public");
    assert_eq!(
        pages_with(&out, SENTENCE),
        ["reports/gamma-2024/index.html"],
        "the sentence is in a section on C1 and C4 and in one on C11"
    );
    // The action line pages list the sections, with their opening sentence and a link.
    for line in ["c1", "c4", "c11"] {
        let html = site.output(&format!("action-lines/{line}/index.html"));
        assert!(html.contains("/sub/reports/gamma-2024/#"), "{line}");
    }
    let c4 = common::text_of(&site.output("action-lines/c4/index.html"));
    assert!(c4.contains("The year opened with a plan."));
    assert!(!c4.contains("the plan met the rain"));
}

#[test]
fn each_language_shows_the_text_on_the_reports_page_only() {
    let site = Site::fixture_in("basic", &["en", "fr", "ar"]);
    // Another sentence, another number: the rule is not about one string.
    let sentence = "In 2024, 512 teachers finished the second course on data protection.";
    site.write("content/reports/gamma-2024.md", &report(sentence));
    site.build_ok();
    let mut pages = pages_with(&site.root.join("public"), sentence);
    pages.sort();
    assert_eq!(
        pages,
        [
            "ar/reports/gamma-2024/index.html",
            "fr/reports/gamma-2024/index.html",
            "reports/gamma-2024/index.html",
        ]
    );
}
