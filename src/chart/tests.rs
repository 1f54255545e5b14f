use super::*;

fn pts() -> Vec<Point> {
    vec![
        Point::new(2015, Amount::Exact(43.0), Status::Actual),
        Point::new(2024, Amount::Exact(174.0), Status::Actual),
        Point::new(2025, Amount::AtLeast(155.0), Status::Actual),
    ]
}

/// The mark groups of `svg` (from `<g class="mark` to its `</g>`), outside the key.
fn marks(svg: &str) -> Vec<&str> {
    let plot = svg.split(r#"<g class="legend">"#).next().unwrap_or(svg);
    plot.match_indices(r#"<g class="mark "#)
        .map(|(i, _)| &plot[i..i + plot[i..].find("</g>").unwrap()])
        .collect()
}

/// The one mark whose classes are `classes`.
fn mark<'a>(svg: &'a str, classes: &str) -> &'a str {
    let found: Vec<&str> = marks(svg)
        .into_iter()
        .filter(|m| m.starts_with(&format!(r#"<g class="mark {classes}">"#)))
        .collect();
    assert_eq!(found.len(), 1, "one mark {classes} in {svg}");
    found[0]
}

fn legend(svg: &str) -> &str {
    svg.split(r#"<g class="legend">"#).nth(1).unwrap_or("")
}

fn desc(svg: &str) -> &str {
    let start = svg.find("-desc\">").unwrap() + 7;
    &svg[start..start + svg[start..].find("</desc>").unwrap()]
}

/// Every bound and status on one series, with a third-party figure beside it.
fn all() -> Vec<Point> {
    vec![
        Point::new(2020, Amount::Exact(10.0), Status::Actual),
        Point::new(2021, Amount::Approximately(12.0), Status::Actual),
        Point::new(2022, Amount::Exact(15.0), Status::Estimate),
        Point::new(
            2023,
            Amount::Range {
                low: 16.0,
                high: 20.0,
            },
            Status::Actual,
        ),
        Point::new(2024, Amount::AtMost(22.0), Status::Actual),
        Point::new(2024, Amount::AtLeast(18.0), Status::Actual).beside("Other & Co"),
        Point::new(2025, Amount::AtLeast(30.0), Status::Projected),
        Point::new(2030, Amount::Exact(50.0), Status::Target),
    ]
}

#[test]
fn chart_is_an_accessible_image_with_every_value() {
    let svg = chart("c", "NRIs", &pts(), &Unit::Count, &Words::english());
    assert!(svg.starts_with("<svg class=\"chart chart-line\""));
    assert!(svg.contains(r#"role="img" aria-labelledby="c-title c-desc""#));
    assert_eq!(desc(&svg), "2015: 43; 2024: 174; 2025: at least 155");
    let plot = svg.split(r#"<g class="legend">"#).next().unwrap();
    assert_eq!(plot.matches("<circle").count(), 3);
    assert!(svg.contains(">200</text>"), "axis reaches the nice maximum");
}

#[test]
fn exact_values_are_filled_points_on_a_solid_line() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let m = mark(&svg, "actual exact actual");
    assert!(m.contains(r#"<circle class="point""#), "{m}");
    assert!(m.contains("<title>2020: 10</title>"));
    assert!(!m.contains("mark-label"), "an exact value needs no words");
    // The solid line joins 2020 and 2021 (single values), then stops: 2022 is an
    // estimate of a single value, so it joins too, and the range of 2023 breaks it.
    let line = &svg[svg.find(r#"<path class="line" d=""#).unwrap()..];
    let d = &line[22..line.find("\"/>").unwrap()];
    assert_eq!(d.matches('M').count(), 1, "{d}");
    assert_eq!(d.matches('L').count(), 2, "2020-2021-2022 only: {d}");
}

#[test]
fn approximate_values_and_estimates_say_so_in_words() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let about = mark(&svg, "actual approximately actual");
    assert!(about.contains(r#"<circle class="point""#));
    assert!(about.contains(">≈</text>"), "{about}");
    assert!(about.contains("<title>2021: about 12</title>"));
    let estimate = mark(&svg, "actual exact estimate");
    assert!(estimate.contains(r#"<circle class="point estimate""#));
    assert!(estimate.contains(">est.</text>"), "{estimate}");
    assert!(desc(&svg).contains("2021: about 12; 2022: 15 (estimate)"));
}

#[test]
fn bounds_are_open_markers_with_an_arrow_towards_the_true_value() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let at_most = mark(&svg, "actual at-most actual");
    assert!(at_most.contains(r#"<circle class="point""#) && at_most.contains(r#"class="arrow""#));
    // Down: the arrow's tip is below the marker.
    let cy: f64 = attr(at_most, "cy");
    let d = attr_str(at_most, "class=\"arrow\" d");
    let tip: f64 = d
        .split('V')
        .nth(1)
        .unwrap()
        .split('M')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(tip > cy, "down: {at_most}");
    let projected = mark(&svg, "outlook at-least projected");
    let cy: f64 = attr(projected, "cy");
    let d = attr_str(projected, "class=\"arrow\" d");
    let tip: f64 = d
        .split('V')
        .nth(1)
        .unwrap()
        .split('M')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(tip < cy, "up: {projected}");
    assert!(desc(&svg).contains("2024: up to 22;"));
}

#[test]
fn ranges_are_error_bars_and_no_point() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let range = mark(&svg, "actual range actual");
    assert!(range.contains(r#"<path class="range""#), "{range}");
    assert!(
        !range.contains("<circle"),
        "no value is stated in the middle"
    );
    assert!(desc(&svg).contains("2023: between 16 and 20;"));
    // The bar spans from the low end to the high end, with two caps.
    let d = attr_str(range, "class=\"range\" d");
    assert_eq!(d.matches('H').count(), 2, "{d}");
}

#[test]
fn the_outlook_is_dashed_hollow_labelled_and_apart() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let target = mark(&svg, "outlook exact target");
    assert!(
        target.contains(r#"<circle class="point target""#),
        "{target}"
    );
    assert!(target.contains(">target</text>"));
    let projected = mark(&svg, "outlook at-least projected");
    assert!(projected.contains(r#"<circle class="point projected""#));
    assert!(projected.contains(">projected</text>"));
    // The dashed line exists only between single values: 2025 is a bound, so only
    // the target stands alone and no outlook line is drawn.
    let plot = svg.split(r#"<g class="legend">"#).next().unwrap();
    assert!(
        !plot.contains("line outlook"),
        "no outlook segment between a bound and a value"
    );
    let two = [
        Point::new(2020, Amount::Exact(1.0), Status::Actual),
        Point::new(2021, Amount::Exact(2.0), Status::Actual),
        Point::new(2025, Amount::Exact(4.0), Status::Projected),
        Point::new(2030, Amount::Exact(8.0), Status::Projected),
    ];
    let svg = chart("c", "N", &two, &Unit::Count, &Words::english());
    let plot = svg.split(r#"<g class="legend">"#).next().unwrap();
    assert_eq!(
        plot.matches(r#"<path class="line outlook" d="M"#).count(),
        1
    );
    assert_eq!(
        plot.matches(r#"<path class="line" d="M"#).count(),
        1,
        "never joined"
    );
    // Labelled once per run of a status.
    assert_eq!(plot.matches(">projected</text>").count(), 1);
    assert_eq!(
        desc(&svg),
        "2020: 1; 2021: 2; 2025: 4 (projected); 2030: 8 (projected)"
    );
}

#[test]
fn a_third_party_figure_is_a_grey_open_square_beside_the_track() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let beside = mark(&svg, "beside at-least actual");
    assert!(beside.contains(r#"<rect class="point""#), "{beside}");
    assert!(beside.contains(r#"class="arrow""#));
    assert!(beside.contains(">Other &amp; Co</text>"), "{beside}");
    assert!(beside.contains("<title>2024: at least 18 (stated by Other &amp; Co)</title>"));
    assert!(
        desc(&svg).contains("2024: up to 22; 2024: at least 18 (stated by Other &amp; Co); 2025")
    );
    // Set right of its year, so the track's own mark stays visible.
    let own: f64 = attr(mark(&svg, "actual at-most actual"), "cx");
    let x: f64 = attr(beside, "x");
    assert!(x > own - 1.0, "{own} {x}");
}

#[test]
fn the_key_explains_only_the_marks_that_appear() {
    let svg = chart("c", "N", &all(), &Unit::Count, &Words::english());
    let key = legend(&svg);
    for words in [
        ">value<",
        ">about<",
        ">estimate<",
        ">at least: may be higher<",
        ">up to: may be lower<",
        ">range: low to high<",
        ">projected<",
        ">target<",
        ">stated by others<",
    ] {
        assert!(key.contains(words), "{words} in {key}");
    }
    let svg = chart("c", "N", &pts(), &Unit::Count, &Words::english());
    let key = legend(&svg);
    assert!(key.contains(">value<") && key.contains(">at least: may be higher<"));
    assert!(!key.contains("projected") && !key.contains("range") && !key.contains("others"));
    let plain = [
        Point::new(2020, Amount::Exact(1.0), Status::Actual),
        Point::new(2021, Amount::Exact(2.0), Status::Actual),
    ];
    let svg = chart("c", "N", &plain, &Unit::Count, &Words::english());
    assert!(!svg.contains("legend"), "nothing to explain");
    assert!(svg.contains(r#"viewBox="0 0 640 300""#));
}

#[test]
fn the_axis_covers_range_ends_and_bounds() {
    let points = [
        Point::new(2020, Amount::Exact(10.0), Status::Actual),
        Point::new(
            2021,
            Amount::Range {
                low: 5.0,
                high: 390.0,
            },
            Status::Actual,
        ),
        Point::new(2022, Amount::AtMost(-40.0), Status::Actual),
    ];
    let svg = chart("c", "N", &points, &Unit::Count, &Words::english());
    assert!(svg.contains(">400</text>"), "{svg}");
    assert!(svg.contains(">-200</text>"), "{svg}");
}

#[test]
fn money_is_drawn_as_bars() {
    let svg = chart("c", "USD", &pts(), &Unit::Usd, &Words::english());
    assert!(svg.starts_with("<svg class=\"chart chart-bar\""));
    assert_eq!(marks(&svg).len(), 3);
    assert_eq!(
        marks(&svg)
            .iter()
            .filter(|m| m.contains(r#"<rect class="bar""#))
            .count(),
        3
    );
}

#[test]
fn bars_show_bounds_ranges_and_outlook() {
    let svg = chart("c", "USD", &all(), &Unit::Usd, &Words::english());
    let exact = mark(&svg, "actual exact actual");
    assert!(exact.contains(r#"<rect class="bar""#) && !exact.contains("extent"));
    let range = mark(&svg, "actual range actual");
    assert!(
        range.contains(r#"<rect class="bar""#),
        "to the low end: {range}"
    );
    assert!(
        range.contains(r#"<rect class="bar extent""#),
        "lighter to the high end"
    );
    let at_most = mark(&svg, "actual at-most actual");
    assert!(at_most.contains(r#"<rect class="bar extent""#) && at_most.contains("arrow"));
    let at_least = mark(&svg, "outlook at-least projected");
    assert!(
        at_least.contains(r#"<rect class="bar projected""#),
        "{at_least}"
    );
    assert!(at_least.contains(r#"class="arrow""#) && at_least.contains(">projected</text>"));
    let target = mark(&svg, "outlook exact target");
    assert!(target.contains(r#"<rect class="bar target""#));
    let estimate = mark(&svg, "actual exact estimate");
    assert!(
        estimate.contains(r#"<rect class="bar estimate""#) && estimate.contains(">est.</text>")
    );
    let beside = mark(&svg, "beside at-least actual");
    assert!(beside.contains(r#"<rect class="point""#) && beside.contains(">Other &amp; Co</text>"));
    assert!(desc(&svg).starts_with(
        "2020: $10; 2021: about $12; 2022: $15 (estimate); 2023: between $16 and $20"
    ));
    assert!(legend(&svg).contains(r#"<rect class="bar projected""#));
}

#[test]
fn sparkline_has_a_text_alternative() {
    let svg = sparkline("NRIs", &pts(), &Unit::Count, &Words::english());
    assert!(svg.contains(r#"aria-label="Trend of NRIs: 2015: 43; 2024: 174; 2025: at least 155""#));
    // The line stops at the bound; the bound is an arrow, not a point.
    let d = attr_str(&svg, "class=\"line\" d");
    assert_eq!(d.matches('L').count(), 1, "{d}");
    assert!(svg.contains(r#"<path class="arrow""#));
    assert!(
        !svg.contains("<circle"),
        "the last figure is a bound, not a value"
    );
}

#[test]
fn sparkline_draws_the_actual_track_or_else_the_outlook() {
    let svg = sparkline("N", &all(), &Unit::Count, &Words::english());
    assert!(!svg.contains("projected") && !svg.contains("target") && !svg.contains("Other"));
    assert!(svg.contains(r#"<path class="range""#));
    let outlook = [
        Point::new(2025, Amount::Exact(4.0), Status::Projected),
        Point::new(2030, Amount::Exact(8.0), Status::Target),
    ];
    let svg = sparkline("N", &outlook, &Unit::Count, &Words::english());
    assert!(svg.contains(r#"<path class="line outlook""#));
    assert!(svg.contains("2025: 4 (projected); 2030: 8 (target)"));
}

#[test]
fn nothing_to_draw_is_still_an_image() {
    for unit in [Unit::Count, Unit::Usd] {
        let svg = chart("c", "N", &[], &unit, &Words::english());
        assert!(svg.ends_with("</svg>") && !svg.contains("NaN") && !svg.contains("inf"));
        let svg = sparkline("N", &[], &unit, &Words::english());
        assert!(svg.ends_with("</svg>") && !svg.contains("NaN") && !svg.contains("inf"));
    }
}

#[test]
fn long_source_names_are_cut_at_a_word() {
    let long = "Unattributed questionnaire respondent";
    let points = [
        Point::new(2024, Amount::Exact(174.0), Status::Actual),
        Point::new(2025, Amount::AtLeast(155.0), Status::Actual).beside(long),
    ];
    let svg = chart("c", "N", &points, &Unit::Count, &Words::english());
    let beside = mark(&svg, "beside at-least actual");
    assert!(
        beside.contains(">Unattributed questionnaire…</text>"),
        "{beside}"
    );
    assert!(desc(&svg).ends_with("(stated by Unattributed questionnaire respondent)"));
}

fn attr_str<'a>(s: &'a str, name: &str) -> &'a str {
    let start = s
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("{name} in {s}"))
        + name.len()
        + 2;
    &s[start..start + s[start..].find('"').unwrap()]
}

fn attr(s: &str, name: &str) -> f64 {
    attr_str(s, &format!(" {name}")).parse().unwrap()
}
