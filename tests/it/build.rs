//! Building the `basic` fixture: every page kind exists, cross-links point where they
//! should, figures link to their sentences, and the site works under a sub-path.

use crate::common;

use common::{Site, text_of};

#[test]
fn every_page_kind_is_written() {
    let site = Site::fixture("basic");
    site.build_ok();
    for page in [
        "index.html",
        "404.html",
        "action-lines/index.html",
        "action-lines/c1/index.html",
        "action-lines/c4/index.html",
        "action-lines/c11/index.html",
        "organizations/index.html",
        "organizations/alpha/index.html",
        "organizations/beta/index.html",
        "organizations/agency/index.html",
        "reports/index.html",
        "reports/alpha-2023/index.html",
        "reports/alpha-2024/index.html",
        "reports/beta-2024/index.html",
        "metrics/index.html",
        "metrics/alpha-alumni/index.html",
        "years/index.html",
        "years/2015/index.html",
        "years/2023/index.html",
        "years/2024/index.html",
        ".wsis-output",
    ] {
        assert!(site.has_output(page), "missing {page}");
    }
}

#[test]
fn action_line_page_gathers_sections_of_every_organization_by_year() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("action-lines/c4/index.html");
    let text = text_of(&html);
    // Both organizations' C4 work, newest year first.
    let beta = text
        .find("Training for young people")
        .expect("beta's C4 section");
    let alpha_2024 = text
        .find("grew to 407 members")
        .expect("alpha 2024 C4 section");
    let alpha_2023 = text
        .find("counts 355 members")
        .expect("alpha 2023 C4 section");
    assert!(alpha_2024 < alpha_2023, "2024 comes before 2023");
    assert!(beta < alpha_2023);
    assert!(text.contains("Facilitators Fixture Agency"), "{text}");
    // The embedded sections carry no ids of the report page (no duplicates).
    assert!(!html.contains(r#"id="fig-alpha-alumni-2024""#));
    // Sections link back to the report page's heading.
    assert!(
        html.contains(r#"href="/sub/reports/alpha-2024/#wsis-action-line-c4-capacity-building""#)
    );
    // C1 does not get beta's "C4 and C11" section, C11 does.
    let c1 = text_of(&site.output("action-lines/c1/index.html"));
    assert!(!c1.contains("Training for young people"));
    let c11 = text_of(&site.output("action-lines/c11/index.html"));
    assert!(c11.contains("Training for young people"));
}

#[test]
fn report_page_anchors_each_figure_sentence() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("reports/alpha-2024/index.html");
    assert!(html.contains(
        r#"<span class="anchor" id="fig-alpha-alumni-2024"></span><mark class="quote">the alumni network grew to 407 members</mark>"#
    ));
    assert!(html.contains(r#"href="/sub/metrics/alpha-grants/""#));
    assert!(html.contains("$264,100"));
    assert!(html.contains(r#"rel="prev" href="/sub/reports/alpha-2023/""#));
    // Site-absolute links in content get the base path.
    assert!(html.contains(r#"href="/sub/reports/beta-2024/""#));
}

#[test]
fn metric_page_lists_observations_by_year_with_links_to_sentences() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("metrics/beta-initiatives/index.html");
    let text = text_of(&html);
    let table = &text[text.find("Values by year").unwrap()..];
    let y2015 = table.find("2015 43").expect("2015 value");
    let y2024 = table.find("at least 172").expect("bound shown");
    assert!(y2015 < y2024, "{text}");
    assert!(html.contains(r#"href="/sub/reports/beta-2024/#fig-beta-initiatives-2015""#));
    assert!(html.contains(r#"href="/sub/reports/beta-2024/#fig-beta-initiatives-2024""#));
    assert!(text.contains("November 2024"), "as_of shown: {text}");
}

#[test]
fn organization_and_year_pages_cross_link() {
    let site = Site::fixture("basic");
    site.build_ok();
    let org = site.output("organizations/alpha/index.html");
    assert!(org.contains(r#"href="/sub/reports/alpha-2023/""#));
    assert!(org.contains(r#"href="/sub/metrics/alpha-alumni/""#));
    assert!(
        org.contains("407"),
        "latest alumni value on the organization page"
    );
    let agency = text_of(&site.output("organizations/agency/index.html"));
    assert!(
        agency.contains("Facilitates C1 Governance , C4 Capacity building"),
        "{agency}"
    );
    let year = text_of(&site.output("years/2015/index.html"));
    assert!(year.contains("43"), "{year}");
    assert!(year.contains("No report covers 2015"));
}

#[test]
fn home_shows_counts_and_coverage_matrix() {
    let site = Site::fixture("basic");
    site.build_ok();
    let html = site.output("index.html");
    let text = text_of(&html);
    assert!(text.contains("3 reports"), "{text}");
    assert!(text.contains("5 figures traced"), "{text}");
    // One row per action line, even C11 which only beta covers.
    assert_eq!(
        html.matches(r#"<th scope="row"><a href="/sub/action-lines/"#)
            .count(),
        3
    );
    assert!(
        text.contains("C4 Capacity building 2023 , 2024 2024"),
        "{text}"
    );
}

#[test]
fn base_url_override_moves_every_link() {
    let site = Site::fixture("basic");
    let run = site.build(&["--base-url", "https://mirror.example/a/b/"]);
    assert!(run.ok, "{}", run.stderr);
    let html = site.output("reports/alpha-2024/index.html");
    assert!(
        html.contains(r#"href="/a/b/style."#),
        "fingerprinted stylesheet under the base path"
    );
    assert!(html.contains(
        r#"<link rel="canonical" href="https://mirror.example/a/b/reports/alpha-2024/">"#
    ));
    assert!(!html.contains("/sub/"));
}

#[test]
fn minify_shrinks_pages_when_enabled() {
    let site = Site::fixture("basic");
    site.build_ok();
    let plain = site.output("reports/alpha-2024/index.html");
    site.edit("site.toml", "minify = false", "minify = true");
    site.build_ok();
    let small = site.output("reports/alpha-2024/index.html");
    assert!(small.len() < plain.len());
    assert!(small.contains("fig-alpha-alumni-2024"));
}

/// Issue 17: with `minify = false` (the corpus's setting, like Hugo's and Zola's
/// defaults) the templates' own indentation and the lines left by their tags were
/// about 5% of a report page. Only preformatted text (a BibTeX entry) is indented.
#[test]
fn unminified_pages_carry_no_indentation_from_the_templates() {
    let site = Site::fixture("basic");
    site.build_ok();
    for page in [
        "reports/alpha-2024/index.html",
        "metrics/alpha-alumni/index.html",
        "years/2024/index.html",
        "action-lines/c4/index.html",
        "index.html",
    ] {
        let html = site.output(page);
        assert!(
            html.contains("<tbody>\n<tr"),
            "{page}: a loop's tag left a line"
        );
        let mut in_pre = false;
        for line in html.lines() {
            assert!(in_pre || !line.starts_with([' ', '\t']), "{page}: {line:?}");
            if line.contains("<pre") {
                in_pre = true;
            }
            if line.contains("</pre>") {
                in_pre = false;
            }
        }
    }
}

#[test]
fn builds_are_deterministic() {
    let site = Site::fixture("basic");
    site.build_ok();
    let first = site.output("action-lines/c4/index.html") + &site.output("index.html");
    site.build_ok();
    let second = site.output("action-lines/c4/index.html") + &site.output("index.html");
    assert_eq!(first, second);
}

#[test]
fn site_templates_override_the_builtin_theme() {
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Lost in {{ site.title }}</h1>{% endblock content %}",
    );
    site.write("static/extra.txt", "hello");
    site.build_ok();
    assert!(
        site.output("404.html")
            .contains("<h1>Lost in Fixture tracker</h1>")
    );
    assert_eq!(site.output("extra.txt"), "hello");
}

#[test]
fn a_line_with_many_sections_gets_a_page_per_year() {
    let site = Site::fixture("basic");
    let report = |org: &str, year: i32, slug: String| {
        site.write(
            &format!("content/reports/{slug}.md"),
            &format!(
                "---\ntitle: \"{org} {year}\"\norganization: {org}\nyear: {year}\npublished: {year}\nkind: annual-progress\naction_lines: [C4]\n---\n\n## C4: Capacity building\n\nIn {year} {org} trained people.\n"
            ),
        );
    };
    for year in 1990..2023 {
        report("alpha", year, format!("alpha-{year}"));
        report("beta", year, format!("beta-{year}"));
    }
    // Two reports of one organization in one year.
    report("alpha", 2000, "alpha-2000-review-submission".into());
    site.build_ok();
    let line = site.output("action-lines/c4/index.html");
    assert!(
        line.contains(r#"<a href="/sub/action-lines/c4/2024/">2024</a>"#),
        "year pages listed"
    );
    assert!(
        !line.contains("In 1995 alpha trained people."),
        "sections moved to the year pages"
    );
    let year = site.output("action-lines/c4/1995/index.html");
    assert!(
        year.contains("In 1995 alpha trained people.")
            && year.contains("In 1995 beta trained people.")
    );
    assert!(year.contains(r#"rel="next" href="/sub/action-lines/c4/1996/""#));
    // The coverage matrix links a year with two reports of one organization to that
    // year's page, and a year with one to the report's section.
    let matrix = site.output("action-lines/index.html");
    assert!(
        matrix.contains(r#"<a href="/sub/action-lines/c4/2000/">2000</a>"#),
        "{matrix}"
    );
    assert!(matrix.contains(r#"<a href="/sub/reports/alpha-2001/#c4-capacity-building">2001</a>"#));
}

/// From a red-team read: a report can name an action line in its front matter without a
/// section on it. The coverage matrix linked the year of two such reports of one
/// organization to the line page's year (an anchor only years with sections have) or,
/// for a line split into year pages, to a year page that does not exist: the build
/// failed on its own broken link.
#[test]
fn a_coverage_cell_of_reports_without_a_section_on_the_line_links_a_page_that_exists() {
    for split in [false, true] {
        let site = Site::fixture("basic");
        let report = |slug: &str, year: i32, lines: &str, body: &str| {
            site.write(
                &format!("content/reports/{slug}.md"),
                &format!(
                    "---\ntitle: \"{slug}\"\norganization: alpha\nyear: {year}\npublished: {year}\nkind: annual-progress\naction_lines: [{lines}]\n---\n\n{body}\n"
                ),
            );
        };
        if split {
            // Enough sections for year pages, none of them in 2005.
            for year in (1990..2023).filter(|&y| y != 2005) {
                for org in ["a", "b"] {
                    report(
                        &format!("alpha-{year}-{org}"),
                        year,
                        "C4",
                        "## C4: Capacity building\n\nPeople were trained.",
                    );
                }
            }
        }
        // Two reports of 2005 on C1 and C4 in their front matter, with no section on either.
        report("alpha-2005", 2005, "C1, C4", "## Overview\n\nWe worked.");
        report(
            "alpha-2005-review",
            2005,
            "C1, C4",
            "## Overview\n\nWe worked.",
        );
        let run = site.build(&[]);
        assert!(run.ok, "split {split}: {}", run.stderr);
        let matrix = site.output("action-lines/index.html");
        assert!(
            !matrix.contains("#y2005\"") && !matrix.contains("/2005/\">2005</a>"),
            "split {split}: no link to a year without sections on the line"
        );
        assert!(
            matrix.contains(">2005</a>"),
            "split {split}: the year is shown"
        );
    }
}
