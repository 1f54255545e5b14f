//! Charts on the `charts` fixture: exact values 2020-2022, a range for 2023 from the
//! metric's own organization, an "at least" for 2023 from another organization, a
//! projected lower bound for 2025 and a target for 2030; and money as bars with a
//! range, a cited lower bound and a projection. The built metric pages must draw each
//! as what it is, and say the same in words.

use crate::common;

use common::Site;

fn charts_site() -> Site {
    let site = Site::fixture("charts");
    site.build_ok();
    site
}

/// The metric page's chart.
fn chart_of(site: &Site, metric: &str) -> String {
    let page = site.output(&format!("metrics/{metric}/index.html"));
    let start = page.find("<svg class=\"chart").expect("a chart");
    let end = start + page[start..].find("</svg>").unwrap();
    page[start..end].to_string()
}

/// The marks with these classes (outside the key).
fn marks<'a>(svg: &'a str, classes: &str) -> Vec<&'a str> {
    let plot = svg.split(r#"<g class="legend">"#).next().unwrap();
    let open = format!(r#"<g class="mark {classes}">"#);
    plot.match_indices(&open)
        .map(|(i, _)| &plot[i..i + plot[i..].find("</g>").unwrap()])
        .collect()
}

#[test]
fn a_count_draws_values_bounds_ranges_projections_and_others_apart() {
    let svg = chart_of(&charts_site(), "schools");
    assert!(svg.starts_with(r#"<svg class="chart chart-line""#));
    assert!(
        svg.contains(
            r#"<desc id="chart-schools-desc">2020: 100; 2021: 120; 2022: 150; 2023: between 160 and 180; 2023: at least 170 (stated by Other Org); 2025: at least 200 (projected); 2030: 300 (target)</desc>"#
        ),
        "{svg}"
    );
    // The solid line joins the three exact values only.
    let line = &svg[svg.find(r#"<path class="line" d=""#).expect("a line")..];
    let d = &line[..line.find("/>").unwrap()];
    assert_eq!(
        (d.matches('M').count(), d.matches('L').count()),
        (1, 2),
        "{d}"
    );
    assert_eq!(marks(&svg, "actual exact actual").len(), 3);
    assert!(marks(&svg, "actual exact actual")[0].contains(r#"<circle class="point""#));
    // The range is an error bar; the other organization's bound a grey open square with
    // an arrow up, labelled with who states it.
    let range = marks(&svg, "actual range actual");
    assert!(
        range.len() == 1 && range[0].contains(r#"<path class="range""#),
        "{svg}"
    );
    let other = marks(&svg, "beside at-least actual");
    assert_eq!(other.len(), 1, "{svg}");
    assert!(other[0].contains(r#"<rect class="point""#) && other[0].contains(r#"class="arrow""#));
    assert!(other[0].contains(">Other Org</text>"));
    // The outlook: hollow, labelled, and never on the actual line.
    let projected = marks(&svg, "outlook at-least projected");
    assert!(projected[0].contains(r#"<circle class="point projected""#));
    assert!(projected[0].contains(">projected</text>") && projected[0].contains("arrow"));
    let target = marks(&svg, "outlook exact target");
    assert!(
        target[0].contains(r#"<circle class="point target""#)
            && target[0].contains(">target</text>")
    );
    // The axis covers the range's high end and the target.
    assert!(svg.contains(">300</text>"));
    // The key names what appears.
    let key = &svg[svg.find(r#"<g class="legend">"#).expect("a key")..];
    for words in [
        "value",
        "at least: may be higher",
        "range: low to high",
        "projected",
        "target",
        "stated by others",
    ] {
        assert!(key.contains(&format!(">{words}</text>")), "{words}: {key}");
    }
    assert!(!key.contains(">up to: may be lower<") && !key.contains(">estimate<"));
}

#[test]
fn money_draws_ranges_cited_bounds_and_projections_as_bars() {
    let svg = chart_of(&charts_site(), "funding");
    assert!(svg.starts_with(r#"<svg class="chart chart-bar""#));
    assert!(
        svg.contains(
            r#"<desc id="chart-funding-desc">2021: $1 million; 2022: $1.5 million; 2023: between $1.8 million and $2.2 million; 2023: at least $1.9 million (stated by Donor Watch); 2025: $3 million (projected)</desc>"#
        ),
        "{svg}"
    );
    let range = marks(&svg, "actual range actual");
    assert!(
        range[0].contains(r#"<rect class="bar""#)
            && range[0].contains(r#"<rect class="bar extent""#)
    );
    let cited = marks(&svg, "beside at-least actual");
    assert!(cited[0].contains(">Donor Watch</text>"), "{svg}");
    let projected = marks(&svg, "outlook exact projected");
    assert!(projected[0].contains(r#"<rect class="bar projected""#));
}

#[test]
fn the_figure_caption_and_the_table_agree_with_the_chart() {
    let site = charts_site();
    let page = site.output("metrics/schools/index.html");
    let caption = &page[page.find("<figcaption>").unwrap()..page.find("</figcaption>").unwrap()];
    assert!(
        caption.contains("figures stated by others beside it"),
        "{caption}"
    );
    for words in [
        "between 160 and 180",
        "at least 170",
        "at least 200 (projected)",
        "300 (target)",
    ] {
        let table = &page[page.find("Values by year").unwrap()..];
        assert!(table.contains(words), "{words} in the table");
    }
    // Sparklines draw what happened only; the line stops at the 2023 range.
    let org = site.output("organizations/own/index.html");
    let label = org
        .find(r#"aria-label="Trend of Schools connected"#)
        .expect("a sparkline");
    let start = org[..label].rfind("<svg").unwrap();
    let spark = &org[start..start + org[start..].find("</svg>").unwrap()];
    assert!(
        spark.contains("2022: 150; 2023: between 160 and 180"),
        "{spark}"
    );
    assert!(
        !spark.contains("projected") && !spark.contains("Other"),
        "{spark}"
    );
    assert!(spark.contains(r#"<path class="range""#));
}
