//! The target pages of the WSIS+20 frame (`/targets/`, `/targets/<id>/`), the home
//! page's status overview, the targets on action line and metric pages, the
//! navigation entries and the target chart, built from `tests/fixtures/frame`.
//!
//! The fixture's targets: `alumni-500` (indicator `alpha-alumni`, 355 in 2023 and
//! 407 in 2024, baseline 300 in 2022, 500 by 2030: on track at its pace),
//! `schools-connected` (a value without an indicator: insufficient data) and
//! `open-networks` (an end state: not measured).

use crate::common;

use common::Site;

/// The fixture, built.
fn built() -> Site {
    let site = Site::fixture("frame");
    site.build_ok();
    site
}

/// The part of `html` inside `<main>`, so that navigation and footer links do not
/// count.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a main element");
    &html[start..html.find("</main>").expect("main closed")]
}

/// The `<tr>` of `html` that links to `href`.
fn row<'a>(html: &'a str, href: &str) -> &'a str {
    let at = html
        .find(&format!(r#"href="{href}""#))
        .unwrap_or_else(|| panic!("a link to {href} in {html}"));
    let start = html[..at].rfind("<tr").expect("in a row");
    &html[start..at + html[at..].find("</tr>").expect("row closed")]
}

#[test]
fn target_pages_are_at_their_addresses_and_in_the_sitemap() {
    let site = built();
    for page in [
        "targets/index.html",
        "targets/alumni-500/index.html",
        "targets/schools-connected/index.html",
        "targets/open-networks/index.html",
    ] {
        assert!(site.has_output(page), "{page}");
    }
    let sitemap = site.output("sitemap.xml");
    for url in [
        "https://example.org/sub/targets/",
        "https://example.org/sub/targets/alumni-500/",
        "https://example.org/sub/targets/open-networks/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}");
    }
    let page = site.output("targets/alumni-500/index.html");
    assert!(page.contains("<title>Five hundred alumni · Fixture tracker</title>"));
    assert!(page.contains(r#"<li><a href="/sub/targets/">Targets</a></li>"#));
}

#[test]
fn a_target_page_shows_its_wording_source_paragraph_status_and_reason() {
    let site = built();
    let page = site.output("targets/alumni-500/index.html");
    let main = main_of(&page);
    assert!(main.contains("“each test learner has skills for the fixture economy”"));
    // The source paragraph, on the document's page, by its anchor.
    assert!(
        main.contains(r#"<a href="/sub/documents/test-res-1/#para-7" title="Test Resolution One">TEST/RES/1, paragraph 7 (a)</a>"#),
        "{main}"
    );
    // The status in words and as a class, with the sentence saying why.
    let line = &main[main.find(r#"<p class="standing-line">"#).expect("status")..];
    let line = &line[..line.find("</p>").unwrap()];
    assert!(
        line.starts_with(
            r#"<p class="standing-line"><span class="standing standing-on-track">On track</span> "#
        ),
        "{line}"
    );
    assert!(line.contains("407") && line.contains("2024"), "{line}");
    assert!(main.contains(r#"<a href="/sub/targets/#method">the method</a>"#));
    assert!(
        site.output("targets/index.html")
            .contains(r#"<h2 id="method">"#)
    );
    // The facts: goal, deadline, baseline with its source, the indicator, the lines.
    for fact in [
        "<dt>Target</dt><dd>500</dd>",
        "<dt>Deadline</dt><dd>2030</dd>",
        r#"<dt>Baseline</dt><dd>300 in 2022 <span class="meta">(Test Baseline Survey, table 1)</span></dd>"#,
        r#"<a href="/sub/metrics/alpha-alumni/">Alumni</a>"#,
        r#"<a href="/sub/action-lines/c4/" title="Capacity building">C4</a>"#,
        // The goals and objectives it serves, linked to their pages.
        r#"<a href="/sub/frameworks/sdg/4/#target-4-4">SDG 4.4</a>"#,
        r#"<a href="/sub/frameworks/gdc/1/">GDC 1</a>"#,
    ] {
        assert!(main.contains(fact), "{fact} in {main}");
    }
    // Every figure of the indicator, linked to its sentence.
    assert!(main.contains(r#"href="/sub/reports/alpha-2023/#fig-alpha-alumni-2023""#));
    assert!(main.contains(r#"href="/sub/reports/alpha-2024/#fig-alpha-alumni-2024""#));
}

#[test]
fn the_target_chart_draws_the_baseline_the_target_line_and_the_deadline() {
    let site = built();
    let page = site.output("targets/alumni-500/index.html");
    let svg = &page[page.find(r#"<svg class="chart"#).expect("a chart")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(svg.contains(
        r#"aria-labelledby="chart-target-alumni-500-title chart-target-alumni-500-desc""#
    ));
    assert!(
        svg.contains(
            ">2023: 355; 2024: 407. Baseline: 300 in 2022. Target: 500 (a dashed horizontal line). Deadline: 2030 (a vertical line).</desc>"
        ),
        "{svg}"
    );
    for mark in [
        r#"<path class="baseline-mark""#,
        r#"<line class="goal-line""#,
        r#"<line class="deadline-line""#,
        ">baseline</text>",
        ">target 500</text>",
        ">deadline 2030</text>",
        // The year axis runs from the baseline to the deadline.
        ">2022</text>",
        ">2030</text>",
    ] {
        assert!(svg.contains(mark), "{mark} in {svg}");
    }
}

#[test]
fn a_target_in_words_is_not_measured_and_one_without_indicator_has_no_chart() {
    let site = built();
    let open = site.output("targets/open-networks/index.html");
    let main = main_of(&open);
    assert!(main.contains(r#"<span class="standing standing-not-measured">Not measured</span>"#));
    assert!(main.contains("<dt>End state</dt><dd>Every test network is open to all.</dd>"));
    assert!(main.contains(r#"href="/sub/documents/test-res-1/#para-7""#));
    assert!(!main.contains("<svg"));
    let schools = site.output("targets/schools-connected/index.html");
    let main = main_of(&schools);
    assert!(
        main.contains(
            r#"<span class="standing standing-insufficient-data">Insufficient data</span>"#
        )
    );
    assert!(!main.contains("<svg") && !main.contains(r#"id="figures""#));
}

#[test]
fn a_target_page_lists_the_latest_sections_on_its_action_lines() {
    let site = built();
    let page = site.output("targets/alumni-500/index.html");
    let reported = &page[page.find(r#"<h2 id="reported">"#).expect("sections")..];
    let at = |href: &str| {
        reported
            .find(&format!(r#"<a href="{href}">"#))
            .unwrap_or_else(|| panic!("{href} in {reported}"))
    };
    // Newest report first: the 2024 reports' C4 sections, then 2023's.
    let newer = at("/sub/reports/alpha-2024/#wsis-action-line-c4-capacity-building");
    let older = at("/sub/reports/alpha-2023/#wsis-action-line-c4-capacity-building");
    assert!(newer < older);
    assert!(reported.contains("Our alumni network counts 355 members across many regions."));
}

#[test]
fn a_target_page_lists_at_most_ten_sections() {
    let site = Site::fixture("frame");
    for year in 2010..2022 {
        site.write(
            &format!("content/reports/gamma-{year}.md"),
            &format!(
                "---\ntitle: \"Gamma {year}\"\norganization: alpha\nyear: {year}\npublished: {year}-06\nkind: annual-progress\n---\n\n## WSIS Action Line C4: Capacity building\n\nGamma worked in {year}.\n"
            ),
        );
    }
    site.build_ok();
    let page = site.output("targets/alumni-500/index.html");
    let reported = &page[page.find(r#"<h2 id="reported">"#).unwrap()..];
    let reported = &reported[..reported.find("</section>").unwrap()];
    assert_eq!(reported.matches("<li>").count(), 10, "{reported}");
    // The latest ten: 2024's and 2023's, then Gamma's from 2021 down.
    assert!(reported.contains("Gamma worked in 2015."));
    assert!(!reported.contains("Gamma worked in 2014."));
}

#[test]
fn the_targets_index_summarises_and_groups_by_framework() {
    let site = built();
    let page = site.output("targets/index.html");
    let main = main_of(&page);
    for count in [
        "<strong>1</strong> on track",
        "<strong>0</strong> off track",
        "<strong>1</strong> insufficient data",
        "<strong>1</strong> not measured",
    ] {
        assert!(main.contains(count), "{count} in {main}");
    }
    for anchor in [
        "all", "by-gdc", "gdc-1", "gdc-2", "by-sdg", "sdg-4", "c4", "c1", "c11", "method",
    ] {
        assert!(
            main.contains(&format!(r#" id="{anchor}""#)),
            "#{anchor} in {main}"
        );
    }
    // SDG 9 has no target: no empty section for it.
    assert!(!main.contains(r#"id="sdg-9""#));
    // Each group lists its targets: GDC 2 only the open networks.
    let gdc2 = &main[main.find(r#"id="gdc-2""#).unwrap()..];
    let gdc2 = &gdc2[..gdc2.find("</section>").unwrap()];
    assert!(gdc2.contains("/sub/targets/open-networks/") && !gdc2.contains("alumni-500"));
    // A row: title, status, deadline and the latest evidence linked to its sentence.
    let alumni = row(main, "/sub/targets/alumni-500/");
    assert!(alumni.contains(r#"<span class="standing standing-on-track">On track</span>"#));
    assert!(alumni.contains(r#"<td class="num">2030</td>"#));
    assert!(alumni.contains(r#"<a href="/sub/reports/alpha-2024/#fig-alpha-alumni-2024">407</a> <span class="meta">in 2024</span>"#), "{alumni}");
}

#[test]
fn the_home_page_leads_with_the_targets_overview() {
    let site = built();
    let home = site.output("index.html");
    let main = main_of(&home);
    let overview = main
        .find(r#"<h2 id="targets">Where the targets stand</h2>"#)
        .expect("overview");
    assert!(overview < main.find(r#"id="latest""#).unwrap());
    assert!(main.contains("<strong>1</strong> on track"));
    assert!(main.contains(r#"<caption id="targets-caption">The targets due soonest</caption>"#));
    assert!(main.contains(r#"<a href="/sub/targets/">All targets</a>"#));
    let alumni = row(main, "/sub/targets/alumni-500/");
    assert!(alumni.contains("On track"));
}

#[test]
fn the_home_page_lists_the_five_targets_due_soonest_and_not_past() {
    let site = Site::fixture("frame");
    let mut extra = String::new();
    // Due 2020 (past: the reports cover 2024), then 2025 to 2030.
    for deadline in [2020, 2025, 2026, 2027, 2028, 2029] {
        extra.push_str(&format!(
            "- id: due-{deadline}\n  title: \"Due {deadline}\"\n  source: {{name: \"Test Plan\"}}\n  wording: \"Done.\"\n  action_lines: [C1]\n  end_state: \"Done.\"\n  deadline: {deadline}\n"
        ));
    }
    let targets = std::fs::read_to_string(site.root.join("content/targets.yaml")).unwrap();
    site.write("content/targets.yaml", &(targets + &extra));
    site.build_ok();
    let home = site.output("index.html");
    let soonest = &home[home
        .find(r#"<caption id="targets-caption">The targets due soonest</caption>"#)
        .unwrap()..];
    let soonest = &soonest[..soonest.find("</table>").unwrap()];
    let link = r#"href="/sub/targets/"#;
    let listed: Vec<&str> = soonest
        .match_indices(link)
        .map(|(i, _)| {
            let rest = &soonest[i + link.len()..];
            &rest[..rest.find('/').unwrap()]
        })
        .collect();
    assert_eq!(
        listed,
        ["due-2025", "due-2026", "due-2027", "due-2028", "due-2029"]
    );
}

#[test]
fn action_line_and_metric_pages_list_their_targets() {
    let site = built();
    let c4 = site.output("action-lines/c4/index.html");
    let main = main_of(&c4);
    assert!(main.contains(r#"<h2 id="targets">Targets</h2>"#));
    let alumni = row(main, "/sub/targets/alumni-500/");
    assert!(alumni.contains("On track") && alumni.contains("2030"));
    assert!(!main.contains("/sub/targets/open-networks/"));
    let c11 = site.output("action-lines/c11/index.html");
    assert!(row(main_of(&c11), "/sub/targets/open-networks/").contains("Not measured"));

    let metric = site.output("metrics/alpha-alumni/index.html");
    let main = main_of(&metric);
    assert!(main.contains(r#"<h2 id="targets">Targets it measures</h2>"#));
    assert!(row(main, "/sub/targets/alumni-500/").contains("On track"));
    let other = site.output("metrics/alpha-grants/index.html");
    assert!(!other.contains(r#"id="targets""#));
}

#[test]
fn the_navigation_gains_targets_and_frameworks() {
    let site = built();
    let home = site.output("index.html");
    let nav = &home[home.find(r#"<nav aria-label="Main">"#).unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let lines = nav.find(">Action lines</a>").unwrap();
    let targets = nav
        .find(r#"<a href="/sub/targets/">Targets</a>"#)
        .expect("Targets");
    let frameworks = nav
        .find(r#"<a href="/sub/frameworks/">Frameworks</a>"#)
        .expect("Frameworks");
    assert!(lines < targets && targets < frameworks, "{nav}");
    // The current section is marked on its pages.
    let page = site.output("targets/alumni-500/index.html");
    assert!(page.contains(r#"<a href="/sub/targets/" aria-current="page">Targets</a>"#));
}

#[test]
fn target_pages_work_under_another_base_url() {
    let site = Site::fixture("frame");
    let run = site.build(&["--base-url", "https://mirror.example/a/b/"]);
    assert!(run.ok, "{}", run.stderr);
    let page = site.output("targets/alumni-500/index.html");
    assert!(page.contains(r#"href="/a/b/documents/test-res-1/#para-7""#));
    assert!(page.contains(r#"<a href="/a/b/targets/#method">the method</a>"#));
    assert!(page.contains(r#"href="/a/b/metrics/alpha-alumni/""#));
    assert!(!main_of(&page).contains("/sub/"));
    assert!(
        site.output("index.html")
            .contains(r#"<a href="/a/b/targets/">All targets</a>"#)
    );
    assert!(
        site.output("sitemap.xml")
            .contains("<loc>https://mirror.example/a/b/targets/alumni-500/</loc>")
    );
}

#[test]
fn a_site_without_a_frame_has_no_target_pages_or_entries() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(!site.has_output("targets/index.html"));
    let home = site.output("index.html");
    assert!(!home.contains(">Targets</a>") && !home.contains(">Frameworks</a>"));
    assert!(!home.contains("Where the targets stand"));
    assert!(!site.output("sitemap.xml").contains("/targets/"));
    assert!(
        !site
            .output("action-lines/c4/index.html")
            .contains(r#"id="targets""#)
    );
    assert!(
        !site
            .output("metrics/alpha-alumni/index.html")
            .contains(r#"id="targets""#)
    );
}

#[test]
fn the_reason_beside_a_status_is_in_the_pages_language() {
    let site = Site::fixture_in("frame", &["en", "fr", "ru"]);
    site.build_ok();
    let reason = |path: &str| {
        let page = site.output(path);
        let main = main_of(&page);
        let line = &main[main.find(r#"<p class="standing-line">"#).expect("status")..];
        line[..line.find("</p>").unwrap()].to_string()
    };
    // The pace, with its start, latest figure and outcome each in the language.
    let en = reason("targets/alumni-500/index.html");
    assert!(
        en.contains(
            "From the baseline of 300 in 2022 to 407 in 2024, the pace reaches 728 by 2030, \
             which meets the goal of 500."
        ),
        "{en}"
    );
    let fr = reason("fr/targets/alumni-500/index.html");
    assert!(
        fr.contains(
            "De la valeur de référence de 300 en 2022 à 407 en 2024, le rythme atteint 728 \
             en 2030, ce qui atteint l’objectif de 500."
        ),
        "{fr}"
    );
    let ru = reason("ru/targets/alumni-500/index.html");
    assert!(
        ru.contains("От базового значения 300 в 2022 г. до 407 в 2024 г. темп даёт 728 к 2030 г."),
        "{ru}"
    );
    // The sentences without figures: a target without indicator, one in words.
    assert!(
        reason("fr/targets/schools-connected/index.html")
            .contains("Aucun indicateur du site ne mesure encore cette cible"),
    );
    assert!(reason("ru/targets/open-networks/index.html").contains("Качественная цель"));
    assert!(!reason("fr/targets/open-networks/index.html").contains("qualitative target"));
}
