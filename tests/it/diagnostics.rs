//! Every kind of content error names its file, line and column, the offending value
//! and what was expected; one build reports them all.

use crate::common;

use common::Site;

const ALPHA_2024: &str = "content/reports/alpha-2024.md";

#[test]
fn unknown_organization_suggests_the_closest() {
    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "organization: alpha", "organization: alpah");
    let run = site.build(&[]);
    run.assert_error(
        &format!("{ALPHA_2024}:3:15"),
        "unknown organization `alpah`",
    );
    assert!(
        run.stderr.contains("did you mean `alpha`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_metric_and_action_line_are_located() {
    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "metric: alpha-grants", "metric: alpha-grant");
    site.edit(
        ALPHA_2024,
        "action_lines: [C1, C4]",
        "action_lines: [C1, C44]",
    );
    let run = site.build(&[]);
    run.assert_error(
        &format!("{ALPHA_2024}:15:13"),
        "unknown metric `alpha-grant`",
    );
    run.assert_error(&format!("{ALPHA_2024}:8:20"), "unknown action line `C44`");
    assert!(run.stderr.contains("2 errors"), "{}", run.stderr);
}

#[test]
fn quote_missing_from_text_says_where_it_parts() {
    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "grew to 407 members\"", "grew to 408 members\"");
    let run = site.build(&[]);
    run.assert_error(
        &format!("{ALPHA_2024}:14:12"),
        "is not in the report's text",
    );
    assert!(
        run.stderr.contains(
            r#"the text has "the alumni network grew to" but then goes on " 407 members"#
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn front_matter_shape_errors_have_positions() {
    let site = Site::fixture("basic");
    site.edit(
        ALPHA_2024,
        "kind: annual-progress",
        "kind: annual-progres\nyaer: 2024",
    );
    let run = site.build(&[]);
    run.assert_error(
        &format!("{ALPHA_2024}:6:7"),
        "unknown variant `annual-progres`",
    );

    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "    value: 407", "    value: lots");
    site.build(&[]).assert_error(
        &format!("{ALPHA_2024}:11:12"),
        "expected a decimal number such as 28, found `lots`",
    );

    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "published: 2024-10", "published: 2024-13");
    site.build(&[])
        .assert_error(&format!("{ALPHA_2024}:5:12"), "`2024-13` is not a date");

    let site = Site::fixture("basic");
    site.edit(ALPHA_2024, "summary:", "sumary:");
    site.build(&[])
        .assert_error(&format!("{ALPHA_2024}:7:1"), "unknown field `sumary`");
}

#[test]
fn unclosed_front_matter_names_the_file() {
    let site = Site::fixture("basic");
    site.write("content/reports/broken.md", "---\ntitle: x\n\nNo end.\n");
    site.build(&[])
        .assert_error("content/reports/broken.md:1:1", "never closed");
}

#[test]
fn data_file_errors_are_located() {
    let site = Site::fixture("basic");
    site.edit(
        "content/action-lines.yaml",
        "facilitators: [agency]\n- code: C4",
        "facilitators: [agnecy]\n- code: C4",
    );
    site.edit(
        "content/metrics.yaml",
        "organization: beta",
        "organization: gamma",
    );
    site.edit("content/organizations/beta.yaml", "id: beta", "id: betta");
    let run = site.build(&[]);
    run.assert_error(
        "content/action-lines.yaml:4:18",
        "unknown organization `agnecy`",
    );
    run.assert_error(
        "content/organizations/beta.yaml:1:5",
        "differs from its file name `beta`",
    );
    run.assert_error("content/metrics.yaml:15:17", "unknown organization `gamma`");
}

#[test]
fn duplicate_report_slugs_name_both_files() {
    let site = Site::fixture("basic");
    let text = std::fs::read_to_string(site.root.join("content/reports/alpha-2023.md")).unwrap();
    site.write("content/reports/old/alpha-2023.md", &text);
    let run = site.build(&[]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("report slug `alpha-2023` is also used by content/reports/alpha-2023.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_internal_links_fail_the_build() {
    let site = Site::fixture("basic");
    site.edit(
        ALPHA_2024,
        "[Beta report](/reports/beta-2024/)",
        "[Beta report](/reports/gamma-2024/)",
    );
    site.edit(
        ALPHA_2024,
        "(#wsis-action-line-c4-capacity-building)",
        "(#no-such-heading)",
    );
    // Written in the report's Markdown: blamed on its file, line and column.
    let blamed = |run: &common::Run| {
        run.assert_error(
            "content/reports/alpha-2024.md:28:15",
            "broken link `/sub/reports/gamma-2024/`",
        );
        run.assert_error(
            "content/reports/alpha-2024.md:27:28",
            "no element with id `no-such-heading`",
        );
    };
    let run = site.build(&[]);
    blamed(&run);
    // Shown once (an action line's page lists the section without its text), so
    // blamed once.
    assert!(
        !run.stderr.contains("/sub/action-lines/c1/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("\n2 errors"), "{}", run.stderr);
    // With old Mac line ends (lone CRs), the same lines: the link's and the heading's.
    let text = std::fs::read_to_string(site.root.join(ALPHA_2024)).unwrap();
    site.write(ALPHA_2024, &text.replace('\n', "\r"));
    blamed(&site.build(&[]));
}

#[test]
fn template_errors_name_the_template_and_line() {
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ site.title </p>\n{% endblock content %}\n",
    );
    let run = site.build(&[]);
    run.assert_error("themes/default/templates/404.html:3:", "");

    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n\n<p>{{ nothing.here }}</p>\n{% endblock content %}\n",
    );
    let run = site.build(&[]);
    run.assert_error("themes/default/templates/404.html:4:", "nothing");
}

#[test]
fn site_toml_errors_are_located() {
    let site = Site::fixture("basic");
    site.edit("site.toml", "[build]", "colour = \"blue\"\n[build]");
    site.build(&[])
        .assert_error("site.toml:5:1", "unknown field `colour`");
}
