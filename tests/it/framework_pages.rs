//! The frame's framework and document pages on the `frame` fixture: `/frameworks/`
//! (the crosswalk as a table and a matrix), the SDG and GDC pages, the source
//! documents with their paragraph anchors, the action line's sourced links, the link
//! check of `#para-N`, the sitemap, and the targets and crosswalk open data.

use crate::common;

use common::{Site, text_of};

/// The fixture built, with its output.
fn built() -> Site {
    let site = Site::fixture("frame");
    site.build_ok();
    site
}

/// The rows of a CSV file of the output, header first.
fn csv_rows(site: &Site, rel: &str) -> Vec<Vec<String>> {
    let text = site.output(rel);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_frame_pages_are_at_their_addresses_and_in_the_sitemap() {
    let site = built();
    for page in [
        "frameworks/",
        "frameworks/sdg/4/",
        "frameworks/sdg/9/",
        "frameworks/gdc/1/",
        "frameworks/gdc/2/",
        "documents/",
        "documents/test-dec-1/",
        "documents/test-res-1/",
    ] {
        assert!(site.has_output(&format!("{page}index.html")), "no {page}");
        assert!(
            site.output("sitemap.xml")
                .contains(&format!("<loc>https://example.org/sub/{page}</loc>")),
            "{page} not in the sitemap"
        );
    }
    assert!(!site.has_output("frameworks/sdg/1/index.html"));
}

#[test]
fn the_crosswalk_table_shows_every_link_with_its_source() {
    let site = built();
    let html = site.output("frameworks/index.html");
    assert!(html.contains(
        r#"<caption id="crosswalk-caption">Every link of the crosswalk, with the source that states it</caption>"#
    ));
    assert!(html.contains(r#"<th scope="col">Source and its words</th>"#));
    // Link 1: an outside source with a locator and a quote.
    let row = &html[html.find(r#"<tr id="link-1">"#).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains(r#"<th scope="row"><a href="/sub/action-lines/c4/">C4</a>"#),
        "{row}"
    );
    assert!(
        row.contains(r#"<a href="/sub/frameworks/sdg/4/#target-4-4">SDG 4.4</a>"#),
        "{row}"
    );
    assert!(
        row.contains(r#"<a href="https://example.org/matrix">Test Matrix, C4</a>"#),
        "{row}"
    );
    assert!(row.contains("“C4 serves 4.4”"), "{row}");
    // Link 2: a paragraph of a document of the site, linked to its anchor.
    let row = &html[html.find(r#"<tr id="link-2">"#).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains(r#"<a href="/sub/documents/test-res-1/#para-3" title="Test Resolution One">TEST/RES/1, paragraph 3</a>"#),
        "{row}"
    );
    assert!(row.contains("“joins capacity building”"), "{row}");
    // Link 3 joins two frameworks without an action line; link 4 names a whole goal.
    let text = text_of(&html);
    assert!(
        text.contains(
            "SDG 9 Build fixture infrastructure GDC 2 Expand fixture inclusion Test Mapping, p. 2"
        ),
        "{text}"
    );
    assert!(html.contains(r#"<tr id="link-4">"#));
}

#[test]
fn the_matrix_marks_each_sourced_link_of_an_action_line() {
    let site = built();
    let html = site.output("frameworks/index.html");
    let matrix = &html[html
        .find(r#"<table class="matrix framework-matrix">"#)
        .unwrap()..];
    let matrix = &matrix[..matrix.find("</table>").unwrap()];
    let heads: Vec<&str> = matrix
        .match_indices(r#"<th scope="col">"#)
        .map(|(i, _)| &matrix[i..i + matrix[i..].find("</th>").unwrap()])
        .collect();
    assert_eq!(
        heads.len(),
        5,
        "an action line column, 2 SDGs, 2 objectives"
    );
    assert!(heads[1].contains("SDG 4") && heads[4].contains("GDC 2"));
    let row = |code: &str| {
        let start = matrix
            .find(&format!(">{code}</a>"))
            .unwrap_or_else(|| panic!("no row {code}"));
        let row = &matrix[start..];
        let cells: Vec<String> = row[..row.find("</tr>").unwrap()]
            .split("<td>")
            .skip(1)
            .map(text_of)
            .collect();
        cells
    };
    assert_eq!(row("C4"), ["4.4", "– no link", "– no link", "– no link"]);
    assert_eq!(row("C1"), ["– no link", "– no link", "linked", "– no link"]);
    assert_eq!(row("C11"), ["goal", "– no link", "– no link", "– no link"]);
    assert!(matrix.contains(r#"<a href="/sub/frameworks/#link-1">4.4</a>"#));
}

#[test]
fn goal_and_objective_pages_show_sources_targets_and_links() {
    let site = built();
    let sdg = site.output("frameworks/sdg/4/index.html");
    assert!(sdg.contains("<h1>SDG 4: Fixture learning</h1>"));
    assert!(sdg.contains(r#"<a href="/sub/documents/test-dec-1/#para-1" title="Test Declaration One">TEST/DEC/1, paragraph 1</a>"#));
    // Each SDG target has its anchor, its wording and its source.
    assert!(sdg.contains(r##"<dt id="target-4-4"><a href="#target-4-4">4.4</a></dt>"##));
    assert!(sdg.contains(r##"<dt id="target-4-a"><a href="#target-4-a">4.a</a></dt>"##));
    assert!(sdg.contains("Test Agenda Annex, target 4.a"));
    // The action lines linked to the goal or one of its targets, with sources.
    let text = text_of(&sdg);
    assert!(text.contains("C4 Capacity building SDG 4.4"), "{text}");
    assert!(text.contains("TEST/RES/1, paragraph 12"), "{text}");
    // The targets that serve the goal or its targets.
    assert!(sdg.contains(r#"href="/sub/targets/alumni-500/""#));
    assert!(sdg.contains(r#"href="/sub/targets/schools-connected/""#));
    assert!(!sdg.contains(r#"href="/sub/targets/open-networks/""#));

    let gdc = site.output("frameworks/gdc/1/index.html");
    assert!(gdc.contains("<h1>GDC 1: Fixture divides</h1>"));
    assert!(gdc.contains("TEST/DEC/1, paragraph 5"));
    assert!(text_of(&gdc).contains("C1 The role of public governance authorities"));
    assert!(gdc.contains(r#"href="/sub/targets/alumni-500/""#));
}

#[test]
fn document_pages_anchor_and_link_every_paragraph() {
    let site = built();
    let html = site.output("documents/test-res-1/index.html");
    for n in [3, 7, 12] {
        assert!(
            html.contains(&format!(
                r##"<li id="para-{n}" value="{n}"><a class="para-link" href="#para-{n}">¶ {n}</a>"##
            )),
            "paragraph {n}"
        );
    }
    assert!(html.contains("Excerpt: paragraphs 3, 7 and 12."));
    // Under each paragraph, what cites it.
    let para = |n: u32| {
        let start = html.find(&format!(r#"id="para-{n}""#)).unwrap();
        let rest = &html[start..];
        text_of(&rest[..rest.find("</li>\n<li id=").unwrap_or(rest.len())])
    };
    assert!(
        para(3).contains("Crosswalk link: C1 and GDC 1"),
        "{}",
        para(3)
    );
    let seven = para(7);
    assert!(seven.contains("Target: Five hundred alumni"), "{seven}");
    assert!(
        seven.contains("Target: Every test school connected"),
        "{seven}"
    );
    assert!(para(12).contains("Crosswalk link: C11 and SDG 4"));

    // A document with paragraphs 1, 2, 4, 5, 6 is an excerpt too.
    let dec = site.output("documents/test-dec-1/index.html");
    assert!(
        dec.contains("Excerpt: paragraphs 1, 2 and 4–6."),
        "{}",
        text_of(&dec)
    );
    assert!(text_of(&dec).contains("SDG: SDG 4: Fixture learning"));
    let index = site.output("documents/index.html");
    assert!(
        index.contains(
            r#"<a href="/sub/documents/test-res-1/">TEST/RES/1: Test Resolution One</a>"#
        )
    );
}

#[test]
fn action_line_pages_show_their_sourced_links() {
    let site = built();
    let html = site.output("action-lines/c4/index.html");
    assert!(html.contains(
        r#"<h2 id="frameworks">Sustainable Development Goals and Global Digital Compact</h2>"#
    ));
    let text = text_of(&html);
    assert!(text.contains("SDG 4.4 increase the number of fixture learners with skills Test Matrix, C4 “C4 serves 4.4”"), "{text}");
    let c1 = text_of(&site.output("action-lines/c1/index.html"));
    assert!(
        c1.contains("GDC 1 Close all fixture divides TEST/RES/1, paragraph 3"),
        "{c1}"
    );
}

#[test]
fn a_markdown_link_to_a_missing_paragraph_fails_with_its_file_and_line() {
    let site = Site::fixture("frame");
    site.edit(
        "content/reports/alpha-2024.md",
        "## ",
        "See [the commitment](/documents/test-res-1/#para-8).\n\n## ",
    );
    let run = site.build(&[]);
    assert!(!run.ok);
    let text = std::fs::read_to_string(site.root.join("content/reports/alpha-2024.md")).unwrap();
    let line = text.lines().position(|l| l.contains("#para-8")).unwrap() + 1;
    run.assert_error(
        &format!("content/reports/alpha-2024.md:{line}:22"),
        "the document `test-res-1` has no paragraph 8 on its page",
    );

    // The paragraph the document has is fine.
    let site = Site::fixture("frame");
    site.edit(
        "content/reports/alpha-2024.md",
        "## ",
        "See [the commitment](/documents/test-res-1/#para-7).\n\n## ",
    );
    site.build_ok();
}

#[test]
fn the_frame_data_files_have_a_row_per_target_and_link() {
    let site = built();
    let targets = csv_rows(&site, "data/targets.csv");
    let head = &targets[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(targets.len(), 4, "a header and three targets");
    let alumni = targets.iter().find(|r| r[0] == "alumni-500").unwrap();
    assert_eq!(alumni[col("document")], "TEST/RES/1");
    assert_eq!(alumni[col("paragraph")], "7");
    assert_eq!(alumni[col("locator")], "(a)");
    assert_eq!(alumni[col("action_lines")], "C4");
    assert_eq!(alumni[col("sdgs")], "4.4");
    assert_eq!(alumni[col("gdc")], "1");
    assert_eq!(alumni[col("indicator")], "alpha-alumni");
    assert_eq!(alumni[col("baseline_value")], "300");
    assert_eq!(alumni[col("target_value")], "500");
    assert_eq!(alumni[col("deadline")], "2030");
    assert_eq!(
        alumni[col("url")],
        "https://example.org/sub/targets/alumni-500/"
    );
    let open = targets.iter().find(|r| r[0] == "open-networks").unwrap();
    assert_eq!(open[col("end_state")], "Every test network is open to all.");
    assert_eq!(open[col("target_value")], "");

    let crosswalk = csv_rows(&site, "data/crosswalk.csv");
    assert_eq!(
        crosswalk[0],
        [
            "id",
            "from_kind",
            "from_id",
            "to_kind",
            "to_id",
            "source",
            "paragraph",
            "locator",
            "quote",
            "url"
        ]
    );
    assert_eq!(crosswalk.len(), 5);
    assert_eq!(
        crosswalk[2],
        [
            "action-line:C1/gdc:1",
            "action-line",
            "C1",
            "gdc",
            "1",
            "TEST/RES/1",
            "3",
            "",
            "joins capacity building",
            "https://example.org/sub/documents/test-res-1/#para-3"
        ]
    );
    assert_eq!(crosswalk[3][0], "sdg:9/gdc:2");

    let json: serde_json::Value = serde_json::from_str(&site.output("data/targets.json")).unwrap();
    assert_eq!(json[0]["action_lines"], serde_json::json!(["C4"]));
    let package: serde_json::Value =
        serde_json::from_str(&site.output("data/datapackage.json")).unwrap();
    let names: Vec<&str> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"targets") && names.contains(&"crosswalk"),
        "{names:?}"
    );
}

#[test]
fn a_sub_path_base_url_prefixes_every_frame_link() {
    let site = Site::fixture("frame");
    let run = site.build(&["--base-url", "https://example.net/deep/path/"]);
    assert!(run.ok, "{}", run.stderr);
    let html = site.output("frameworks/index.html");
    assert!(html.contains(r#"href="/deep/path/frameworks/sdg/4/#target-4-4""#));
    assert!(!html.contains(r#"href="/sub/"#));
    let doc = site.output("documents/test-res-1/index.html");
    assert!(doc.contains(r#"<a href="/deep/path/frameworks/#link-2">"#));
    let csv = site.output("data/crosswalk.csv");
    assert!(csv.contains("https://example.net/deep/path/documents/test-res-1/#para-3"));
}

#[test]
fn a_site_without_a_frame_has_none_of_these_pages() {
    let site = Site::fixture("basic");
    site.build_ok();
    for rel in [
        "frameworks/index.html",
        "documents/index.html",
        "data/targets.csv",
        "data/crosswalk.json",
    ] {
        assert!(!site.has_output(rel), "{rel}");
    }
    assert!(!site.output("sitemap.xml").contains("frameworks/"));
    // An action line's unsourced `sdgs:` list is not shown as links.
    let line = site.output("action-lines/c4/index.html");
    assert!(!line.contains(r#"id="frameworks""#));
    assert!(!line.contains("Sustainable Development Goals"));
    let package = site.output("data/datapackage.json");
    assert!(!package.contains("\"crosswalk\""));
}

/// An action line's own `source:` (where the Geneva Plan of Action states it) is on
/// its page, linked to the paragraph, with the words it quotes.
#[test]
fn an_action_lines_source_is_on_its_page() {
    let site = built();
    let page = site.output("action-lines/c4/index.html");
    let text = common::text_of(&page);
    assert!(
        text.contains("Stated in TEST/RES/1, paragraph 3 (“the first fixture commitment”)"),
        "{text}"
    );
    assert!(page.contains("documents/test-res-1/#para-3"), "{page}");
    // A line without a source says nothing about one.
    let c11 = common::text_of(&site.output("action-lines/c11/index.html"));
    assert!(!c11.contains("Stated in"), "{c11}");
}
