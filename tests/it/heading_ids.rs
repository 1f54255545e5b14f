//! A heading whose id is taken by another element of its page (the theme's own
//! `site-search` field, an id in the text) is reported at the heading's file and line.

use crate::common;

use common::{Site, guarded};

const REPORT: &str = "content/reports/alpha-2024.md";

#[test]
fn a_heading_clashing_with_a_page_id_names_its_file_and_line() {
    for (heading, id) in [
        ("## Site search", "site-search"),
        ("### Site Search!", "site-search"),
        ("#### site-search", "site-search"),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            REPORT,
            "### Details\n",
            &format!("### Details\n\n{heading}\n\nText.\n"),
        );
        for command in ["build", "check"] {
            let run = guarded(&site, command, &[]);
            run.assert_error(
                &format!("{REPORT}:27:1"),
                &format!("the heading's id `{id}` is used by another element"),
            );
        }
    }
}

#[test]
fn a_heading_clashing_with_an_id_in_the_text_names_its_file_and_line() {
    let site = Site::fixture("basic");
    site.edit(
        REPORT,
        "In 2024 the alumni",
        "<span id=\"intro\">Hi</span>\n\n## Intro\n\nIn 2024 the alumni",
    );
    let run = guarded(&site, "build", &[]);
    run.assert_error(
        &format!("{REPORT}:34:1"),
        "the heading's id `intro` is used by another element",
    );
}
