//! Pages that show something of a report without listing it — a target's standing, a
//! restatement's original — are redone by the incremental build (and `wsis serve`)
//! when that report changes: each case compared byte for byte with a fresh build.

use crate::common;

use common::Site;
use common::incremental::{FIXTURE, equals_fresh};

/// The fixture, with `prepare` applied and built once.
fn prepared(prepare: impl Fn(&Site)) -> Site {
    let site = Site::fixture(FIXTURE);
    prepare(&site);
    site.build_ok();
    site
}

#[test]
fn a_report_of_a_year_figures_already_reached_moves_every_target_s_standing() {
    // A projection for 2031 makes 2031 one of the site's years before any report
    // covers it. The first report of 2031, on another line and without figures, takes
    // the targets past their 2030 deadline: the action line and indicator pages that
    // show "Five hundred alumni" change although the report is on neither.
    let site = prepared(|s| {
        s.edit(
            "content/reports/alpha-2024.md",
            "figures:\n",
            "figures:\n  - metric: alpha-grants\n    value: 300000\n    year: 2031\n    \
             status: projected\n    quote: \"commit 300,000 more by 2031\"\n",
        );
        s.edit(
            "content/reports/alpha-2024.md",
            "### Details",
            "We plan to commit 300,000 more by 2031.\n\n### Details",
        );
    });
    let c4 = site.output("action-lines/c4/index.html");
    equals_fresh("first report of 2031", &site, |s| {
        s.write(
            "content/reports/beta-2031.md",
            "---\ntitle: \"Beta submission 2031\"\norganization: beta\nyear: 2031\n\
             published: 2031-11\nkind: review-submission\naction_lines: [C11]\n---\n\n\
             We kept working.\n",
        );
    });
    assert_ne!(
        c4,
        site.output("action-lines/c4/index.html"),
        "the case must move the target's standing on a page the report is not on"
    );
}

#[test]
fn a_report_retitled_redoes_the_page_of_a_report_restating_it() {
    // Beta restates Alpha's 2023 figure; a restatement is no observation of the
    // metric, and Beta's page is neither Alpha's neighbour nor on its metric's list:
    // it is redone because it names Alpha's report.
    let site = prepared(|s| {
        s.edit(
            "content/reports/beta-2024.md",
            "figures:\n",
            "figures:\n  - metric: alpha-alumni\n    value: 355\n    year: 2023\n    \
             restates: alpha-2023\n    quote: \"Alpha counted 355 alumni\"\n",
        );
        s.edit(
            "content/reports/beta-2024.md",
            "## Mandate\n",
            "## Mandate\n\nAlpha counted 355 alumni in 2023.\n",
        );
    });
    equals_fresh("restated report retitled", &site, |s| {
        s.edit(
            "content/reports/alpha-2023.md",
            "title: \"Alpha progress report 2023\"",
            "title: \"Alpha's report on 2023\"",
        );
    });
    assert!(
        common::text_of(&site.output("reports/beta-2024/index.html"))
            .contains("Alpha's report on 2023")
    );
}

#[test]
fn an_indicator_s_value_redoes_the_lines_of_its_targets_not_only_its_own() {
    // "Five hundred alumni" is set on C11 here while its indicator, alpha-alumni, is
    // on C4: a new value of the indicator in a report on C1 and C4 moves the target
    // shown on C11's page.
    let site = prepared(|s| {
        s.edit(
            "content/targets.yaml",
            "  action_lines: [C4]\n  sdgs: [\"4.4\"]",
            "  action_lines: [C11]\n  sdgs: [\"4.4\"]",
        );
    });
    let c11 = site.output("action-lines/c11/index.html");
    equals_fresh("indicator value edited", &site, |s| {
        s.edit("content/reports/alpha-2024.md", "value: 407", "value: 520");
        // In the quote, then in the text.
        for _ in 0..2 {
            s.edit(
                "content/reports/alpha-2024.md",
                "grew to 407 members",
                "grew to 520 members",
            );
        }
    });
    assert_ne!(c11, site.output("action-lines/c11/index.html"));
}

/// A report of beta's for `year` with two sections on C4.
fn on_c4(year: i32) -> String {
    format!(
        "---\ntitle: \"Beta on C4 in {year}\"\norganization: beta\nyear: {year}\n\
         published: {year}\nkind: annual-progress\n---\n\n\
         ## C4: Capacity building\n\nIn {year} beta trained people.\n\n\
         ## C4: Curricula\n\nIn {year} beta wrote courses.\n"
    )
}

#[test]
fn a_year_new_to_an_action_line_redoes_the_line_s_years_before_and_after() {
    // Two sections on C4 a year from 1990 to 2022 but 2005: more than C4's page
    // shows, so it has a page per year, and 2004's leads on to 2006. A report of 2005
    // puts a year between them: their pages change though the report is on neither.
    // (2005 is a year of the site already, by a report on no line: a year new to the
    // site redoes every page.)
    let site = prepared(|s| {
        for year in (1990..2023).filter(|&y| y != 2005) {
            s.write(&format!("content/reports/beta-c4-{year}.md"), &on_c4(year));
        }
        s.write(
            "content/reports/alpha-2005.md",
            "---\ntitle: \"Alpha 2005\"\norganization: alpha\nyear: 2005\n\
             published: 2005\nkind: annual-progress\n---\n\nA year of work.\n",
        );
    });
    let before = site.output("action-lines/c4/2004/index.html");
    assert!(before.contains("/sub/action-lines/c4/2006/"), "{before}");
    equals_fresh("a year new to an action line", &site, |s| {
        s.write("content/reports/beta-c4-2005.md", &on_c4(2005));
    });
    assert!(
        site.output("action-lines/c4/2004/index.html")
            .contains("/sub/action-lines/c4/2005/")
    );
}
