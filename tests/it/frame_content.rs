//! The WSIS+20 frame's content: source documents with numbered paragraphs,
//! `frameworks.yaml`, `crosswalk.yaml`, `targets.yaml` and action lines' `source:`,
//! loaded into the site's frame, and every rule of their format enforced with the
//! file, line and column of the offending value.

use crate::common;

use common::Site;
use wsis::model::frame::{Citation, Goal, Node};

#[test]
fn fixture_frame_loads_and_checks() {
    let site = Site::fixture("frame");
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    let m = site.model();
    let f = &m.frame;
    // Sorted by date: the 2024 declaration before the 2025 resolution.
    let ids: Vec<&str> = f.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["test-dec-1", "test-res-1"]);
    let res = &f.documents[1];
    let numbers: Vec<u32> = res.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [3, 7, 12]);
    assert_eq!(
        res.paragraph(7).unwrap().text,
        "We resolve that every test school is connected by 2030, and that: (a) each test \
         learner has skills for the fixture economy; (b) each test network is open to all."
    );
    assert!(
        res.body
            .html
            .unpack()
            .contains(r#"<li id="para-12" value="12">"#),
        "{}",
        res.body.html.unpack()
    );
    let sdgs: Vec<(u8, usize)> = f.sdgs.iter().map(|s| (s.number, s.targets.len())).collect();
    assert_eq!(sdgs, [(4, 2), (9, 0)]);
    assert_eq!(f.sdgs[0].targets[1].anchor, "target-4-a");
    assert_eq!(f.gdc.len(), 2);
    assert_eq!(f.crosswalk.len(), 4);
    assert!(matches!(f.crosswalk[0].to, Node::SdgTarget(_, 0)));
    assert!(matches!(f.crosswalk[2].from, Node::Sdg(_)));
    assert!(matches!(
        f.crosswalk[1].source.citation,
        Citation::Paragraph { paragraph: 3, .. }
    ));
    let targets: Vec<(&str, &Goal)> = f.targets.iter().map(|t| (t.id.as_str(), &t.goal)).collect();
    assert_eq!(
        targets,
        [
            ("alumni-500", &Goal::Value(500.0)),
            ("schools-connected", &Goal::Value(1000.0)),
            (
                "open-networks",
                &Goal::EndState("Every test network is open to all.".into())
            ),
        ]
    );
    let alumni = &f.targets[0];
    assert_eq!(
        alumni.baseline.as_ref().map(|b| (b.value, b.year)),
        Some((300.0, 2022))
    );
    assert_eq!(
        alumni.indicator.map(|m| m.index()),
        m.metrics.iter().position(|x| x.id == "alpha-alumni")
    );
    assert_eq!(
        alumni.wording,
        "each test learner has skills for the fixture economy"
    );
    assert_eq!(alumni.source.quote, None);
    let c4 = m.action_lines.iter().find(|l| l.code == "C4").unwrap();
    assert!(c4.source.is_some());
}

#[test]
fn a_site_without_the_frame_builds_as_before() {
    let site = Site::fixture("basic");
    assert!(site.run("check", &[]).ok);
    let m = site.model();
    assert!(m.frame.documents.is_empty() && m.frame.targets.is_empty());
}

/// Builds `site`, which must fail with `message` at `location`, writing nothing.
fn fails(site: &Site, location: &str, message: &str) -> common::Run {
    let run = site.build(&[]);
    run.assert_error(location, message);
    assert!(
        !site.has_output("index.html"),
        "a failed build wrote the site"
    );
    run
}

const TARGETS: &str = "content/targets.yaml";
const CROSSWALK: &str = "content/crosswalk.yaml";
const FRAMEWORKS: &str = "content/frameworks.yaml";
const RESOLUTION: &str = "content/documents/test-res-1.md";

#[test]
fn unknown_document_has_a_did_you_mean() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "{document: test-res-1, paragraph: 7, item: a}",
        "{document: test-res-2, paragraph: 7, item: a}",
    );
    let run = fails(
        &site,
        "content/targets.yaml:3:22",
        "unknown document `test-res-2`",
    );
    assert!(
        run.stderr.contains("did you mean `test-res-1`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn cited_paragraph_must_be_transcribed() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "paragraph: 7, item: a", "paragraph: 8, item: a");
    let run = fails(
        &site,
        "content/targets.yaml:3:45",
        "paragraph 8 of `test-res-1` is not transcribed",
    );
    assert!(
        run.stderr.contains("transcribed: 3, 7, 12"),
        "{}",
        run.stderr
    );
}

#[test]
fn paragraph_zero_does_not_exist() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "paragraph: 7, item: a", "paragraph: 0, item: a");
    fails(
        &site,
        "content/targets.yaml:3:45",
        "there is no paragraph 0",
    );
    let site = Site::fixture("frame");
    site.edit(RESOLUTION, "12. We note", "0. We note");
    fails(
        &site,
        "content/documents/test-res-1.md:22:1",
        "there is no paragraph 0",
    );
}

#[test]
fn quote_must_be_in_the_paragraph() {
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "quote: \"joins capacity building\"",
        "quote: \"joins skills\"",
    );
    let run = fails(
        &site,
        "content/crosswalk.yaml:6:55",
        "quote \"joins skills\" is not in paragraph 3 of `test-res-1`",
    );
    assert!(
        run.stderr.contains("We test the first fixture commitment"),
        "{}",
        run.stderr
    );
}

#[test]
fn quotes_are_folded_before_matching() {
    let site = Site::fixture("frame");
    // A line break, typographic quotes and a Markdown escape still match.
    site.edit(
        CROSSWALK,
        "quote: \"joins capacity building\"",
        "quote: \"joins capacity\\n    building to the first test goal\"",
    );
    site.edit(RESOLUTION, "first test goal.", "first test goal\\.");
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
}

#[test]
fn wording_must_be_in_the_paragraph() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "skills for the fixture economy\"",
        "skills for the real economy\"",
    );
    fails(
        &site,
        "content/targets.yaml:4:12",
        "wording \"each test learner has skills for the real economy\" is not in paragraph 7 of `test-res-1`",
    );
    let site = Site::fixture("frame");
    site.edit(
        FRAMEWORKS,
        "title: \"Expand fixture inclusion\"",
        "title: \"Expand fixture exclusion\"",
    );
    fails(
        &site,
        "content/frameworks.yaml:23:12",
        "title \"Expand fixture exclusion\" is not in paragraph 6 of `test-dec-1`",
    );
}

#[test]
fn paragraph_number_twice_names_both_lines() {
    let site = Site::fixture("frame");
    site.edit(RESOLUTION, "12. We note", "3. We note");
    fails(
        &site,
        "content/documents/test-res-1.md:22:1",
        "paragraph 3 is numbered twice, on lines 13 and 22",
    );
}

#[test]
fn sdg_and_gdc_numbers_are_unique_and_in_range() {
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "  - number: 9", "  - number: 4");
    fails(
        &site,
        "content/frameworks.yaml:13:13",
        "SDG 4 is listed twice (first on line 2)",
    );
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "  - number: 2", "  - number: 1");
    fails(
        &site,
        "content/frameworks.yaml:22:13",
        "GDC objective 1 is listed twice (first on line 18)",
    );
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "  - number: 9", "  - number: 18");
    fails(&site, "content/frameworks.yaml:13:13", "there is no SDG 18");
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "  - number: 2", "  - number: 6");
    fails(
        &site,
        "content/frameworks.yaml:22:13",
        "there is no GDC objective 6",
    );
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "  - number: 9", "  - number: -9");
    fails(
        &site,
        "content/frameworks.yaml:13:13",
        "invalid type: integer `-9`, expected u32",
    );
}

#[test]
fn target_codes_start_with_their_goal() {
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "code: \"4.a\"", "code: \"4.A\"");
    let run = fails(
        &site,
        "content/frameworks.yaml:10:15",
        "invalid target code `4.A` for SDG 4",
    );
    assert!(
        run.stderr.contains("letters are lower case: `4.a`"),
        "{}",
        run.stderr
    );
    let site = Site::fixture("frame");
    site.edit(FRAMEWORKS, "code: \"4.4\"", "code: \"5.4\"");
    fails(
        &site,
        "content/frameworks.yaml:7:15",
        "invalid target code `5.4` for SDG 4",
    );
}

#[test]
fn crosswalk_links_have_two_ends() {
    let site = Site::fixture("frame");
    site.edit(CROSSWALK, "- sdg: \"9\"\n  gdc: 2\n", "- sdg: \"9\"\n");
    fails(
        &site,
        "content/crosswalk.yaml:7:3",
        "joins exactly two of `action_line`, `sdg` and `gdc`; this one has 1",
    );
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "- sdg: \"9\"\n",
        "- sdg: \"9\"\n  action_line: C4\n",
    );
    fails(&site, "content/crosswalk.yaml:7:3", "this one has 3");
}

#[test]
fn crosswalk_pair_twice_names_both_lines() {
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "- action_line: C11\n  sdg: \"4\"",
        "- action_line: C4\n  sdg: \"4.4\"",
    );
    fails(
        &site,
        "content/crosswalk.yaml:10:3",
        "this link is also on line 1",
    );
}

#[test]
fn sdg_written_as_a_number_is_the_goal() {
    let site = Site::fixture("frame");
    site.edit(CROSSWALK, "sdg: \"4\"", "sdg: 4");
    site.edit(TARGETS, "sdgs: [\"4.4\"]", "sdgs: [4.4]");
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(matches!(site.model().frame.crosswalk[3].to, Node::Sdg(_)));
}

#[test]
fn unknown_references_have_a_did_you_mean() {
    let site = Site::fixture("frame");
    site.edit(CROSSWALK, "- action_line: C4\n", "- action_line: C44\n");
    let run = fails(
        &site,
        "content/crosswalk.yaml:1:16",
        "unknown action line `C44`",
    );
    assert!(run.stderr.contains("did you mean `C4`?"), "{}", run.stderr);
    let site = Site::fixture("frame");
    site.edit(TARGETS, "sdgs: [\"4.4\"]", "sdgs: [\"4.44\"]");
    let run = fails(
        &site,
        "content/targets.yaml:6:10",
        "unknown SDG or SDG target `4.44`",
    );
    assert!(run.stderr.contains("did you mean `4.4`?"), "{}", run.stderr);
    let site = Site::fixture("frame");
    site.edit(TARGETS, "gdc: [1]", "gdc: [3]");
    let run = fails(&site, "content/targets.yaml:7:9", "unknown GDC objective 3");
    assert!(
        run.stderr.contains("lists objectives 1, 2"),
        "{}",
        run.stderr
    );
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "indicator: alpha-alumni",
        "indicator: alpha-alumnis",
    );
    let run = fails(
        &site,
        "content/targets.yaml:8:14",
        "unknown metric `alpha-alumnis`",
    );
    assert!(
        run.stderr.contains("did you mean `alpha-alumni`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_target_has_a_value_or_an_end_state() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "  target_value: 500\n",
        "  target_value: 500\n  end_state: \"All alumni\"\n",
    );
    fails(
        &site,
        "content/targets.yaml:11:14",
        "either `target_value` (a number) or `end_state` (words), not both",
    );
    let site = Site::fixture("frame");
    site.edit(TARGETS, "  target_value: 500\n", "");
    fails(
        &site,
        "content/targets.yaml:1:3",
        "target `alumni-500` needs `target_value` or `end_state`",
    );
}

#[test]
fn a_baseline_needs_an_indicator() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "  indicator: alpha-alumni\n", "");
    fails(
        &site,
        "content/targets.yaml:8:13",
        "a baseline needs an `indicator`",
    );
}

#[test]
fn target_numbers_are_read_as_figure_values() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "target_value: 500", "target_value: 5_00");
    fails(&site, "content/targets.yaml:10:17", "5_00");
    let site = Site::fixture("frame");
    site.edit(TARGETS, "{value: 300,", "{value: 0x12C,");
    fails(&site, "content/targets.yaml:9:21", "0x12C");
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "  target_value: 500\n  deadline: 2030",
        "  target_value: 500\n  deadline: -2030",
    );
    fails(&site, "content/targets.yaml:11:13", "-2030");
}

#[test]
fn target_ids_are_unique_slugs() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "- id: open-networks", "- id: alumni-500");
    fails(
        &site,
        "content/targets.yaml:20:7",
        "target `alumni-500` is also defined on line 1",
    );
    let site = Site::fixture("frame");
    site.edit(TARGETS, "- id: open-networks", "- id: Open_Networks");
    fails(
        &site,
        "content/targets.yaml:20:7",
        "invalid target id `Open_Networks`",
    );
}

#[test]
fn unknown_fields_are_refused_in_every_file() {
    for (file, from, to, location) in [
        (
            RESOLUTION,
            "kind: resolution\n",
            "kind: resolution\nauthor: x\n",
            "content/documents/test-res-1.md:5:1",
        ),
        (
            FRAMEWORKS,
            "    short: \"Fixture learning\"\n",
            "    short: \"Fixture learning\"\n    colour: red\n",
            "content/frameworks.yaml:5:5",
        ),
        (
            CROSSWALK,
            "  gdc: 2\n",
            "  gdc: 2\n  note: x\n",
            "content/crosswalk.yaml:9:3",
        ),
        (
            TARGETS,
            "  deadline: 2030\n- id: schools",
            "  deadline: 2030\n  owner: x\n- id: schools",
            "content/targets.yaml:12:3",
        ),
        (
            TARGETS,
            "item: a}",
            "item: a, page: 3}",
            "content/targets.yaml:3:57",
        ),
        (
            "content/action-lines.yaml",
            "source: {document",
            "source: {page: 1, document",
            "content/action-lines.yaml:10:12",
        ),
    ] {
        let site = Site::fixture("frame");
        site.edit(file, from, to);
        fails(&site, location, "unknown field");
    }
}

#[test]
fn a_source_is_a_document_or_a_name_not_both() {
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "{document: test-res-1, paragraph: 3,",
        "{document: test-res-1, name: \"Test\", paragraph: 3,",
    );
    fails(
        &site,
        "content/crosswalk.yaml:6:40",
        "either `document` (a document of the site) or `name` (an outside source), not both",
    );
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "{name: \"Test Mapping\", locator: \"p. 2\"}",
        "{locator: \"p. 2\"}",
    );
    fails(
        &site,
        "content/crosswalk.yaml:9:11",
        "a source needs `document` (with `paragraph`) or `name`",
    );
}

#[test]
fn documents_need_their_fields_and_a_slug_name() {
    let site = Site::fixture("frame");
    site.edit(RESOLUTION, "symbol: \"TEST/RES/1\"\n", "");
    fails(
        &site,
        "content/documents/test-res-1.md:2:1",
        "missing field `symbol`",
    );
    let site = Site::fixture("frame");
    let text = std::fs::read_to_string(site.root.join(RESOLUTION)).unwrap();
    site.write("content/documents/Test_Res.md", &text);
    fails(
        &site,
        "content/documents/Test_Res.md",
        "invalid document file name `Test_Res`",
    );
}

#[test]
fn a_document_id_is_used_once() {
    let site = Site::fixture("frame");
    let text = std::fs::read_to_string(site.root.join(RESOLUTION)).unwrap();
    site.write("content/documents/more/test-res-1.md", &text);
    fails(
        &site,
        "content/documents/",
        "document id `test-res-1` is also used by content/documents/",
    );
}

#[test]
fn action_line_sources_are_checked_like_any_citation() {
    let site = Site::fixture("frame");
    site.edit(
        "content/action-lines.yaml",
        "quote: \"the first fixture commitment\"",
        "quote: \"the last fixture commitment\"",
    );
    fails(
        &site,
        "content/action-lines.yaml:10:55",
        "quote \"the last fixture commitment\" is not in paragraph 3 of `test-res-1`",
    );
}

#[test]
fn citation_fields_belong_to_their_shape() {
    let site = Site::fixture("frame");
    site.edit(TARGETS, "paragraph: 7, item: a}", "paragraph: 7, item: A}");
    fails(&site, "content/targets.yaml:3:54", "invalid item `A`");
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "{name: \"Test Mapping\", locator: \"p. 2\"}",
        "{name: \"Test Mapping\", paragraph: 2}",
    );
    fails(
        &site,
        "content/crosswalk.yaml:9:45",
        "`paragraph` belongs to a citation of a `document` of the site",
    );
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "{document: test-res-1, paragraph: 12}",
        "{document: test-res-1, paragraph: 12, locator: \"p. 1\"}",
    );
    fails(
        &site,
        "content/crosswalk.yaml:12:58",
        "`locator` belongs to an outside source (`name`)",
    );
    let site = Site::fixture("frame");
    site.edit(
        CROSSWALK,
        "{document: test-res-1, paragraph: 12}",
        "{document: test-res-1}",
    );
    fails(
        &site,
        "content/crosswalk.yaml:12:11",
        "a citation of `test-res-1` needs its `paragraph`",
    );
}
