//! Every rule of the method on a site built in memory. Unless a test says otherwise
//! the target is "100% by 2030" and, when it has a baseline, starts from 40% in
//! 2020: four years later a pace is carried on 2.5 times as far.

use Amount::{Approximately, AtLeast, AtMost, Exact, Range};

use super::super::Assessment;
use super::super::fixture::{Fixture, baseline};
use crate::link::Links;
use crate::model::frame::{Goal, Standing};
use crate::model::{Amount, OrgId, Source, Status};

/// An assessment with its reason worded in English, as the target page shows it.
struct Worded {
    assessment: Assessment,
    reason: String,
}

impl std::ops::Deref for Worded {
    type Target = Assessment;
    fn deref(&self) -> &Assessment {
        &self.assessment
    }
}

/// The assessment of the one target `setup` curates.
fn assess(setup: impl FnOnce(&mut Fixture)) -> Worded {
    let mut fx = Fixture::new();
    setup(&mut fx);
    let site = fx.site();
    let mut links = Links::new(&site);
    let assessment = links.frame.assessments.remove(0);
    let english = crate::i18n::Catalog::built_in_english();
    let reason = crate::render::reasons::english(&site, &assessment.reason, english);
    Worded { assessment, reason }
}

/// The standing of "from `from` in 2020 to `goal` by 2030", with `latest` in 2024.
fn paced(from: f64, goal: f64, latest: Amount) -> Standing {
    assess(|fx| {
        fx.value_target(goal, 2030).baseline = Some(baseline(from, 2020));
        fx.figure(2024, latest);
    })
    .standing
}

fn range(low: f64, high: f64) -> Amount {
    Range { low, high }
}

#[test]
fn exact_figures_are_projected_to_the_deadline() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::OffTrack);
    assert_eq!(
        a.reason,
        "From the baseline of 40% in 2020 to 52% in 2024, the pace reaches 70% by 2030, \
         short of the goal of 100%."
    );
    assert_eq!(a.start, Some((40.0, 2020)));
    // 40 + 30 × 2.5 lands on the goal exactly: no binary noise makes it miss.
    assert_eq!(paced(40.0, 100.0, Exact(64.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 100.0, Exact(63.9)), Standing::OffTrack);
    // Falling: from 40 down to 10.
    assert_eq!(paced(40.0, 10.0, Exact(30.0)), Standing::OffTrack);
    assert_eq!(paced(40.0, 10.0, Exact(28.0)), Standing::OnTrack);
}

#[test]
fn approximate_figures_are_read_as_their_value() {
    assert_eq!(paced(40.0, 100.0, Approximately(64.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 100.0, Approximately(52.0)), Standing::OffTrack);
    assert_eq!(paced(40.0, 10.0, Approximately(20.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 10.0, Approximately(30.0)), Standing::OffTrack);
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Approximately(80.0));
    });
    assert!(
        a.reason
            .contains("to about 80% in 2024, the pace reaches about 140% by 2030, which meets"),
        "{}",
        a.reason
    );
}

#[test]
fn a_lower_bound_is_sure_only_upwards() {
    // Rising: "at least 80" surely keeps the pace; "at least 52" may or may not.
    assert_eq!(paced(40.0, 100.0, AtLeast(80.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 100.0, AtLeast(52.0)), Standing::Insufficient);
    // Falling: "at least 38" is surely too slow; "at least 20" cannot tell.
    assert_eq!(paced(40.0, 10.0, AtLeast(38.0)), Standing::OffTrack);
    assert_eq!(paced(40.0, 10.0, AtLeast(20.0)), Standing::Insufficient);
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, AtLeast(52.0));
    });
    assert!(a.reason.contains("reaches at least 70% by 2030, and the bounds cannot tell whether that meets the goal of 100%"), "{}", a.reason);
}

#[test]
fn an_upper_bound_is_sure_only_downwards() {
    assert_eq!(paced(40.0, 100.0, AtMost(52.0)), Standing::OffTrack);
    assert_eq!(paced(40.0, 100.0, AtMost(90.0)), Standing::Insufficient);
    assert_eq!(paced(40.0, 10.0, AtMost(20.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 10.0, AtMost(38.0)), Standing::Insufficient);
}

#[test]
fn a_range_is_judged_by_both_ends() {
    assert_eq!(paced(40.0, 100.0, range(80.0, 90.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 100.0, range(45.0, 50.0)), Standing::OffTrack);
    assert_eq!(
        paced(40.0, 100.0, range(50.0, 90.0)),
        Standing::Insufficient
    );
    assert_eq!(paced(40.0, 10.0, range(20.0, 25.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 10.0, range(30.0, 38.0)), Standing::OffTrack);
    assert_eq!(paced(40.0, 10.0, range(20.0, 35.0)), Standing::Insufficient);
}

#[test]
fn estimates_are_evidence_projections_and_targets_are_not() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(80.0)).status = Status::Estimate;
    });
    assert_eq!(a.standing, Standing::OnTrack);
    assert!(a.reason.contains("80% (estimate) in 2024"), "{}", a.reason);

    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(52.0));
        fx.figure_by(OrgId(0), 2024, 2026, Exact(100.0)).status = Status::Projected;
        fx.figure_by(OrgId(0), 2024, 2030, Exact(100.0)).status = Status::Target;
    });
    assert_eq!(a.standing, Standing::OffTrack, "{}", a.reason);
    assert!(a.reason.contains("52% in 2024"), "{}", a.reason);
    // Shown, though: every figure of the indicator is on the page.
    assert_eq!(a.evidence.len(), 3);

    // Nothing but plans is no evidence at all.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2024, Exact(100.0)).status = Status::Projected;
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert_eq!(a.latest, None);
}

#[test]
fn a_year_takes_the_own_figure_then_the_actual_one() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure_by(OrgId(1), 2024, 2024, Exact(90.0));
        fx.figure(2024, Exact(52.0));
        fx.figure(2024, Exact(95.0)).source = Source::Cited {
            name: "Someone else".into(),
            url: None,
        };
    });
    assert_eq!(a.standing, Standing::OffTrack, "{}", a.reason);

    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(52.0));
        fx.figure(2024, Exact(90.0)).status = Status::Estimate;
    });
    assert_eq!(a.standing, Standing::OffTrack, "{}", a.reason);

    // Another organization's figure counts when it is the only one of its year.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2022, Exact(45.0));
        fx.figure_by(OrgId(1), 2024, 2024, Exact(90.0));
    });
    assert_eq!(a.standing, Standing::OnTrack, "{}", a.reason);
}

#[test]
fn a_restatement_is_counted_once() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(52.0));
        fx.figure_by(OrgId(0), 2025, 2024, Exact(52.0)).restates = Some("r0".into());
    });
    assert_eq!(a.evidence.len(), 1);
    assert_eq!(a.standing, Standing::OffTrack);
}

#[test]
fn a_sure_value_at_the_goal_is_reached() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, AtLeast(100.0));
    });
    assert_eq!(a.standing, Standing::OnTrack);
    assert_eq!(
        a.reason,
        "Reached: at least 100% in 2024, which meets the goal of 100%."
    );
    // No pace is needed: one figure, no baseline (the metric says lower is better).
    let a = assess(|fx| {
        fx.higher_is_better = Some(false);
        fx.value_target(10.0, 2030);
        fx.figure(2024, AtMost(10.0));
    });
    assert_eq!(a.standing, Standing::OnTrack, "{}", a.reason);
    // A range reaching the goal only at its top end is not reached: the pace decides.
    assert_eq!(paced(40.0, 100.0, range(95.0, 105.0)), Standing::OnTrack);
    assert_eq!(paced(40.0, 10.0, AtMost(10.0)), Standing::OnTrack);
}

#[test]
fn a_passed_deadline_not_reached_is_off_track() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2025).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, AtLeast(99.0));
        fx.report(2026);
    });
    assert_eq!(a.standing, Standing::OffTrack);
    assert_eq!(
        a.reason,
        "The deadline, 2025, has passed (the reports cover up to 2026), and the latest \
         figure, at least 99% in 2024, does not show the goal of 100% reached."
    );
    // The deadline year itself is not past: the pace still decides.
    let a = assess(|fx| {
        fx.value_target(100.0, 2025).baseline = Some(baseline(40.0, 2020));
        fx.figure(2024, Exact(90.0));
        fx.report(2025);
    });
    assert_eq!(a.standing, Standing::OnTrack, "{}", a.reason);
    // Reached late is reached, and said to be late.
    let a = assess(|fx| {
        fx.value_target(100.0, 2015);
        fx.figure(2024, Exact(100.0));
    });
    assert_eq!(a.standing, Standing::OnTrack);
    assert_eq!(
        a.reason,
        "Reached late: 100% in 2024, which meets the goal of 100%, after the deadline of 2015."
    );
}

#[test]
fn without_a_baseline_the_pace_runs_from_the_earliest_figure() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2020, Exact(40.0));
        fx.figure(2024, Exact(80.0));
    });
    assert_eq!(a.standing, Standing::OnTrack);
    assert_eq!(a.start, Some((40.0, 2020)));
    assert_eq!(
        a.reason,
        "From 40% in 2020 to 80% in 2024, the pace reaches 140% by 2030, which meets \
         the goal of 100%."
    );
    // A goal below the earliest figure is a fall; its upper end is the start.
    let a = assess(|fx| {
        fx.value_target(10.0, 2030);
        fx.figure(2020, range(38.0, 40.0));
        fx.figure(2024, Exact(30.0));
    });
    assert_eq!(
        (a.standing, a.start),
        (Standing::OffTrack, Some((40.0, 2020)))
    );
    // A goal inside the earliest figure's interval: the metric says which way is
    // better. "Up to 40" may have been 15, and 15 -> 20 is no fall: only the best
    // case is known, and it does not rule the goal out.
    let a = assess(|fx| {
        fx.higher_is_better = Some(false);
        fx.value_target(10.0, 2030);
        fx.figure(2020, AtMost(40.0));
        fx.figure(2024, Exact(20.0));
    });
    assert_eq!(
        (a.standing, a.start),
        (Standing::Insufficient, Some((40.0, 2020)))
    );
    // Rising from "up to 40": the worst case runs from 40, the best is open.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2020, AtMost(40.0));
        fx.figure(2024, Exact(60.0));
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert_eq!(
        a.reason,
        "From up to 40% in 2020 to 60% in 2024, the pace reaches at least 90% by 2030, \
         and the bounds cannot tell whether that meets the goal of 100%.",
    );
    // ... and that worst case can be enough.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2020, AtMost(40.0));
        fx.figure(2024, Exact(70.0));
    });
    assert_eq!(a.standing, Standing::OnTrack, "{}", a.reason);
    // Rising from "at least 40": the start may have been as high as the latest
    // figure, so no pace is sure; the best case (from 40) can still fall short.
    let a = assess(|fx| {
        fx.value_target(64.0, 2030);
        fx.figure(2020, AtLeast(40.0));
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::Insufficient, "{}", a.reason);
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2020, AtLeast(40.0));
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::OffTrack, "{}", a.reason);
    // Both open: the pace itself is unknown.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2020, AtLeast(40.0));
        fx.figure(2024, AtLeast(52.0));
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert!(
        a.reason.contains("the figures' bounds leave the pace open"),
        "{}",
        a.reason
    );
}

#[test]
fn without_a_pace_there_is_no_status() {
    // One figure, no baseline.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert_eq!(a.latest, a.evidence.first().copied());
    assert!(
        a.reason
            .starts_with("Only one year has figures (52% in 2024)"),
        "{}",
        a.reason
    );
    // A baseline of the latest figure's year.
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2024));
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert!(
        a.reason
            .starts_with("The baseline, 40% in 2024, is not earlier"),
        "{}",
        a.reason
    );
}

#[test]
fn missing_data_is_insufficient() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).indicator = None;
        fx.figure(2024, Exact(52.0));
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert!(a.evidence.is_empty());
    assert!(
        a.reason
            .starts_with("No metric of the site measures this target")
    );

    let a = assess(|fx| {
        fx.value_target(100.0, 2030);
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert!(
        a.reason
            .contains("“Schools connected” has no actual or estimated figure")
    );

    let a = assess(|fx| {
        fx.value_target(100.0, 2030).baseline = Some(baseline(40.0, 2020));
        fx.report(2024);
    });
    assert_eq!(a.standing, Standing::Insufficient);
    assert!(
        a.reason
            .starts_with("Only the baseline is known (40% in 2020)"),
        "{}",
        a.reason
    );
}

#[test]
fn qualitative_targets_are_not_measured() {
    let a = assess(|fx| {
        fx.value_target(100.0, 2030).goal = Goal::EndState("Every school online".into());
        fx.figure(2024, Exact(100.0));
    });
    assert_eq!(a.standing, Standing::NotMeasured);
    assert!(a.reason.starts_with("A qualitative target"));
}

#[test]
fn deadlines_are_judged_in_the_latest_year_a_report_covers() {
    let mut fx = Fixture::new();
    fx.value_target(100.0, 2030);
    fx.figure(2024, Exact(52.0));
    // A projection for 2035 does not move the year: reports do.
    fx.figure_by(OrgId(0), 2024, 2035, Exact(90.0)).status = Status::Projected;
    fx.report(2026);
    let site = fx.site();
    assert_eq!(Links::new(&site).frame.as_of, 2026);
    assert_eq!(Links::new(&Fixture::new().site()).frame.as_of, 0);
}
