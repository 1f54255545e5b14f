//! Where each target stands, on the `frame` fixture site loaded as `wsis build`
//! loads it: one test per rule of the method (each bound, each status of figure,
//! missing data, a passed deadline). The fixture's `alumni-500` target runs from a
//! baseline of 300 in 2022 to 500 by 2030; its indicator counts 355 in 2023 and 407
//! in 2024 (`alpha-2024.md`, which the bound tests rewrite), so its pace is carried
//! on four times as far as it came: 300 + 107 × 4 = 728 by 2030.

use crate::common;

use common::Site;
use wsis::link::Links;
use wsis::model::frame::Standing;

const TARGETS: &str = "content/targets.yaml";

/// The standing and reason of target `id` of `site`.
fn status(site: &Site, id: &str) -> (Standing, String) {
    let model = site.model();
    let links = Links::new(&model);
    let (target, _) = model
        .frame
        .target_ids()
        .find(|(_, t)| t.id == id)
        .unwrap_or_else(|| panic!("no target {id}"));
    let a = links.frame.assessment(target);
    (a.standing, a.reason.english(&model))
}

/// `alumni-500` aiming at `goal` instead of 500.
fn alumni_goal(site: &Site, goal: &str) {
    site.edit(
        TARGETS,
        "target_value: 500",
        &format!("target_value: {goal}"),
    );
}

/// Replaces Alpha's 2024 report with one stating the alumni figure `figure` (its
/// front matter lines but metric and quote) in the words `words`.
fn alumni_2024(site: &Site, figure: &str, words: &str) {
    site.write(
        "content/reports/alpha-2024.md",
        &format!(
            "---\ntitle: \"Alpha progress report 2024\"\norganization: alpha\nyear: 2024\n\
             published: 2024-10\nkind: annual-progress\naction_lines: [C4]\nfigures:\n  \
             - metric: alpha-alumni\n{figure}\n    quote: \"{words}\"\n---\n\n\
             ## WSIS Action Line C4: Capacity building\n\nIn 2024 {words}.\n"
        ),
    );
}

fn standing(site: &Site) -> Standing {
    status(site, "alumni-500").0
}

#[test]
fn exact_figures_are_carried_on_to_the_deadline() {
    let site = Site::fixture("frame");
    assert_eq!(
        status(&site, "alumni-500"),
        (
            Standing::OnTrack,
            "From the baseline of 300 in 2022 to 407 in 2024, the pace reaches 728 by \
             2030, which meets the goal of 500."
                .to_string()
        )
    );
    alumni_goal(&site, "1000");
    assert_eq!(
        status(&site, "alumni-500"),
        (
            Standing::OffTrack,
            "From the baseline of 300 in 2022 to 407 in 2024, the pace reaches 728 by \
             2030, short of the goal of 1,000."
                .to_string()
        )
    );
    // Falling from a baseline of 500 to 100: 500 - 93 × 4 = 128 is still above.
    site.edit(TARGETS, "value: 300", "value: 500").edit(
        TARGETS,
        "target_value: 1000\n  deadline: 2030\n- id: schools",
        "target_value: 100\n  deadline: 2030\n- id: schools",
    );
    let (s, reason) = status(&site, "alumni-500");
    assert_eq!(s, Standing::OffTrack);
    assert!(
        reason.ends_with("reaches 128 by 2030, still above the goal of 100."),
        "{reason}"
    );
}

#[test]
fn approximately_is_read_as_its_value() {
    let site = Site::fixture("frame");
    alumni_2024(
        &site,
        "    value: 407\n    year: 2024\n    bound: approximately",
        "the alumni network grew to about 407 members",
    );
    assert_eq!(standing(&site), Standing::OnTrack);
    alumni_goal(&site, "1000");
    let (s, reason) = status(&site, "alumni-500");
    assert_eq!(s, Standing::OffTrack);
    assert!(
        reason.contains("to about 407 in 2024, the pace reaches about 728"),
        "{reason}"
    );
}

#[test]
fn at_least_shows_a_pace_fast_enough_never_too_slow() {
    let site = Site::fixture("frame");
    alumni_2024(
        &site,
        "    value: 407\n    year: 2024\n    bound: at-least",
        "the alumni network grew to more than 407 members",
    );
    assert_eq!(standing(&site), Standing::OnTrack);
    alumni_goal(&site, "1000");
    let (s, reason) = status(&site, "alumni-500");
    assert_eq!(s, Standing::Insufficient);
    assert!(reason.contains("the bounds cannot tell"), "{reason}");
}

#[test]
fn at_most_shows_a_pace_too_slow_never_fast_enough() {
    let site = Site::fixture("frame");
    alumni_2024(
        &site,
        "    value: 407\n    year: 2024\n    bound: at-most",
        "the alumni network grew to up to 407 members",
    );
    assert_eq!(standing(&site), Standing::Insufficient);
    alumni_goal(&site, "1000");
    assert_eq!(standing(&site), Standing::OffTrack);
}

#[test]
fn a_range_is_judged_by_both_ends() {
    let site = Site::fixture("frame");
    alumni_2024(
        &site,
        "    bound: range\n    low: 380\n    high: 420\n    year: 2024",
        "the alumni network counts between 380 and 420 members",
    );
    // 300 + 80 × 4 = 620 at worst, 300 + 120 × 4 = 780 at best.
    alumni_goal(&site, "600");
    assert_eq!(standing(&site), Standing::OnTrack);
    site.edit(TARGETS, "target_value: 600", "target_value: 700");
    assert_eq!(standing(&site), Standing::Insufficient);
    site.edit(TARGETS, "target_value: 700", "target_value: 800");
    assert_eq!(standing(&site), Standing::OffTrack);
}

#[test]
fn estimates_count_and_projections_do_not() {
    let site = Site::fixture("frame");
    alumni_goal(&site, "400");
    assert_eq!(
        status(&site, "alumni-500"),
        (
            Standing::OnTrack,
            "Reached: 407 in 2024, which meets the goal of 400.".to_string()
        )
    );
    alumni_2024(
        &site,
        "    value: 407\n    year: 2024\n    status: estimate",
        "an estimated 407 members",
    );
    let (_, reason) = status(&site, "alumni-500");
    assert_eq!(
        reason,
        "Reached: 407 (estimate) in 2024, which meets the goal of 400."
    );
    // A projection of 407 for 2030 is no evidence: 355 in 2023 is the latest.
    alumni_2024(
        &site,
        "    value: 407\n    year: 2030\n    status: projected",
        "we expect 407 members by 2030",
    );
    let (s, reason) = status(&site, "alumni-500");
    assert_eq!(s, Standing::OnTrack);
    assert!(
        reason.starts_with("From the baseline of 300 in 2022 to 355 in 2023"),
        "{reason}"
    );
}

#[test]
fn a_passed_deadline_not_reached_is_off_track() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "deadline: 2030\n- id: schools",
        "deadline: 2023\n- id: schools",
    );
    assert_eq!(
        status(&site, "alumni-500"),
        (
            Standing::OffTrack,
            "The deadline, 2023, has passed (the reports cover up to 2024), and the \
             latest figure, 407 in 2024, does not show the goal of 500 reached."
                .to_string()
        )
    );
}

#[test]
fn missing_data_is_insufficient() {
    let site = Site::fixture("frame");
    // No indicator.
    let (s, reason) = status(&site, "schools-connected");
    assert_eq!(s, Standing::Insufficient);
    assert!(
        reason.starts_with("No metric of the site measures"),
        "{reason}"
    );
    // An indicator with no figure.
    let metrics = std::fs::read_to_string(site.root.join("content/metrics.yaml")).unwrap();
    site.write(
        "content/metrics.yaml",
        &format!(
            "{metrics}- id: alpha-schools\n  title: \"Schools connected\"\n  unit: count\n  \
             organization: alpha\n"
        ),
    );
    site.edit(
        TARGETS,
        "  sdgs: [\"4.a\"]\n",
        "  sdgs: [\"4.a\"]\n  indicator: alpha-schools\n",
    );
    let (s, reason) = status(&site, "schools-connected");
    assert_eq!(s, Standing::Insufficient);
    assert!(
        reason.starts_with("“Schools connected” has no actual or estimated figure"),
        "{reason}"
    );
    // A baseline and still no figure.
    site.edit(
        TARGETS,
        "  indicator: alpha-schools\n",
        "  indicator: alpha-schools\n  baseline: {value: 40, year: 2020, source: {name: \"Survey\"}}\n",
    );
    let (s, reason) = status(&site, "schools-connected");
    assert_eq!(s, Standing::Insufficient);
    assert!(
        reason.starts_with("Only the baseline is known (40 in 2020)"),
        "{reason}"
    );
}

#[test]
fn one_figure_without_a_baseline_has_no_pace() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "  sdgs: [\"4.a\"]\n  target_value: 1000\n",
        "  sdgs: [\"4.a\"]\n  indicator: alpha-grants\n  target_value: 1000000\n",
    );
    let (s, reason) = status(&site, "schools-connected");
    assert_eq!(s, Standing::Insufficient);
    assert!(
        reason.starts_with("Only one year has figures ($264,100 in 2024)"),
        "{reason}"
    );
}

#[test]
fn a_qualitative_target_is_not_measured() {
    let site = Site::fixture("frame");
    assert_eq!(status(&site, "open-networks").0, Standing::NotMeasured);
}

#[test]
fn deadlines_are_judged_in_the_latest_year_a_report_covers() {
    let site = Site::fixture("frame");
    site.edit(
        TARGETS,
        "deadline: 2030\n- id: schools",
        "deadline: 2024\n- id: schools",
    );
    alumni_goal(&site, "1000");
    // Reports cover 2024: the deadline year is not over, and the pace decides.
    assert_eq!(standing(&site), Standing::OffTrack);
    assert!(
        status(&site, "alumni-500")
            .1
            .starts_with("From the baseline")
    );
    site.write(
        "content/reports/alpha-2026.md",
        "---\ntitle: \"Alpha 2026\"\norganization: alpha\nyear: 2026\npublished: 2026-12\n\
         kind: annual-progress\n---\n\nNothing measured.\n",
    );
    let (s, reason) = status(&site, "alumni-500");
    assert_eq!(s, Standing::OffTrack);
    assert!(
        reason.contains("(the reports cover up to 2026)"),
        "{reason}"
    );
}
