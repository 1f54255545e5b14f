//! The shipped site: the real WSIS content in `content/` builds, and its pages carry
//! the real figures, each traceable to its sentence.

use crate::common;

use std::sync::OnceLock;

use common::{Site, text_of};

/// One build of the shipped content, shared by the tests below.
fn shipped() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = Site::shipped();
        // Unminified, so assertions can match attributes exactly.
        site.edit("site.toml", "minify = true", "minify = false");
        site.build_ok();
        site
    })
}

#[test]
fn all_eleven_action_lines_have_pages_with_official_titles() {
    let site = shipped();
    for (code, title) in [
        (
            "c1",
            "The role of public governance authorities and all stakeholders in the promotion of ICTs for development",
        ),
        ("c2", "Information and communication infrastructure"),
        ("c3", "Access to information and knowledge"),
        ("c4", "Capacity building"),
        ("c5", "Building confidence and security in the use of ICTs"),
        ("c6", "Enabling environment"),
        ("c7", "ICT applications: benefits in all aspects of life"),
        (
            "c8",
            "Cultural diversity and identity, linguistic diversity and local content",
        ),
        ("c9", "Media"),
        ("c10", "Ethical dimensions of the Information Society"),
        ("c11", "International and regional cooperation"),
    ] {
        let html = site.output(&format!("action-lines/{code}/index.html"));
        assert!(html.contains(title), "{code}: {title}");
    }
}

#[test]
fn capacity_building_gathers_isoc_and_igf_work() {
    let html = shipped().output("action-lines/c4/index.html");
    assert!(html.contains(r#"<h4><a href="/wsis/organizations/isoc/">Internet Society</a>"#));
    assert!(html.contains(r#"<h4><a href="/wsis/organizations/igf/">"#));
    assert!(
        text_of(&html).contains("Facilitators United Nations Development Programme"),
        "C4 names its facilitators"
    );
}

#[test]
fn igf_nris_series_links_every_value_to_its_sentence() {
    let site = shipped();
    let html = site.output("metrics/igf-nris/index.html");
    let text = text_of(&html);
    for value in ["2015 43", "2024 172", "2024 (November 2024) 174"] {
        assert!(text.contains(value), "{value} in {text}");
    }
    let anchor = "reports/igf-2024-review-submission/#fig-igf-nris-2024";
    assert!(html.contains(&format!("href=\"/wsis/{anchor}\"")));
    let report = site.output("reports/igf-2024-review-submission/index.html");
    assert!(
        report
            .contains(r#"<span class="anchor" id="fig-igf-nris-2024"></span><mark class="quote">"#)
    );
}

#[test]
fn isoc_alumni_and_funded_nris_series() {
    let site = shipped();
    let alumni = text_of(&site.output("metrics/isoc-alumni/index.html"));
    let a = alumni.find("2024 355").expect("355 in 2024");
    let b = alumni.find("2025 407").expect("407 in 2025");
    assert!(a < b);
    let nris = text_of(&site.output("metrics/isoc-nris-funded/index.html"));
    assert!(
        nris.contains("2024 40") && nris.contains("2025 37"),
        "{nris}"
    );
    let learners = text_of(&site.output("metrics/isoc-learners/index.html"));
    assert!(learners.contains("over 13,000") && learners.contains("over 24,000"));
}

#[test]
fn every_report_and_organization_has_a_page() {
    let site = shipped();
    for slug in [
        "isoc-2024",
        "isoc-2025",
        "igf-2024",
        "igf-2024-review-submission",
        "unattributed-respondent-2025",
    ] {
        assert!(
            site.has_output(&format!("reports/{slug}/index.html")),
            "{slug}"
        );
    }
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/organizations");
    for entry in std::fs::read_dir(content).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_str().unwrap();
        assert!(
            site.has_output(&format!("organizations/{id}/index.html")),
            "{id}"
        );
    }
}

#[test]
fn isoc_2025_links_back_to_2024() {
    let html = shipped().output("reports/isoc-2025/index.html");
    assert!(html.contains(r#"rel="prev" href="/wsis/reports/isoc-2024/""#));
    let html = shipped().output("reports/isoc-2024/index.html");
    assert!(html.contains(r#"rel="next" href="/wsis/reports/isoc-2025/""#));
}

#[test]
fn tracked_series_show_their_change_and_chart() {
    let site = shipped();
    for (metric, change) in [
        ("isoc-alumni", "▲ +52 (+14.6%) since 2024"),
        // 2024 stated only lower bounds: the bounds do not say which way it moved.
        (
            "isoc-gec-members",
            "not comparable with 2024 (at least 430)",
        ),
        (
            "isoc-learners",
            "not comparable with 2024 (at least 13,000)",
        ),
        ("isoc-nris-funded", "▼ −3 (−7.5%) since 2024"),
        ("igf-nris", "▲ +131 (+304.7%) since 2015"),
    ] {
        let html = site.output(&format!("metrics/{metric}/index.html"));
        assert!(html.contains("<svg class=\"chart"), "{metric} has a chart");
        assert!(text_of(&html).contains(change), "{metric}: {change}");
    }
    let gec = text_of(&site.output("metrics/isoc-gec-members/index.html"));
    assert!(gec.contains("at least 430") && gec.contains("511"));
}

#[test]
fn a_stated_value_wins_over_a_projection_for_the_same_year() {
    // ISOC 2024 states 25 policymakers trained and 40 projected for the same year.
    let csv = shipped().output("data/metrics/isoc-policymaker-program-participants.csv");
    assert!(
        csv.contains(",2024,,25,25,25,exact,actual,,,true,yearly,true,"),
        "{csv}"
    );
    assert!(
        csv.contains(",2024,,40,,40,at-most,projected,,,true,outlook,false,"),
        "{csv}"
    );
}

#[test]
fn isoc_2025_is_compared_with_2024() {
    let text = text_of(&shipped().output("reports/isoc-2025/index.html"));
    let compare = &text[text.find("Compared with the previous report").unwrap()..];
    assert!(
        compare.contains("Internet Society alumni network 355 407 ▲ +52 (+14.6%)"),
        "{compare}"
    );
    assert!(compare.contains("C4 Capacity building"));
}

#[test]
fn open_data_covers_every_figure() {
    let site = shipped();
    let figures: usize =
        std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/reports"))
            .unwrap()
            .map(|e| {
                std::fs::read_to_string(e.unwrap().path())
                    .unwrap()
                    .matches("  - metric: ")
                    .count()
            })
            .sum();
    assert_eq!(site.output("data/metrics.csv").lines().count(), figures + 1);
    let reports: serde_json::Value =
        serde_json::from_str(&site.output("data/reports.json")).unwrap();
    assert_eq!(reports.as_array().unwrap().len(), 5);
    let metrics: serde_json::Value =
        serde_json::from_str(&site.output("data/metrics.json")).unwrap();
    assert!(
        metrics
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == "igf-nris")
    );
}

#[test]
fn the_nri_series_is_the_igfs_own_counts_with_the_third_party_bound_beside_it() {
    // Issue 13: "over 155 in 2025 ▼ −19" compared a third party's lower bound with the
    // IGF's own exact count.
    let site = shipped();
    let home = text_of(&site.output("index.html"));
    assert!(
        home.contains("IGF national, regional and youth initiatives (NRIs) 174 in 2024 ▲ +131 (+304.7%) since 2015"),
        "{home}"
    );
    assert!(
        !home.contains("155 in 2025") && !home.contains("−19"),
        "{home}"
    );
    let page = text_of(&site.output("metrics/igf-nris/index.html"));
    assert!(
        page.contains("2025 at least 155 (stated by Unattributed questionnaire respondent; not the series' value) –"),
        "{page}"
    );
    assert!(!page.contains('▼'), "{page}");
}

#[test]
fn no_change_on_the_shipped_site_is_one_its_figures_do_not_support() {
    let site = shipped();
    let json: serde_json::Value = serde_json::from_str(&site.output("data/metrics.json")).unwrap();
    let mut checked = 0;
    for listed in json.as_array().unwrap() {
        // metrics.json lists each metric's series; its figures are in its own file.
        let id = listed["id"].as_str().unwrap();
        let metric: serde_json::Value =
            serde_json::from_str(&site.output(&format!("data/metrics/{id}.json"))).unwrap();
        assert_eq!(metric["yearly"], listed["yearly"], "{id}");
        let figures: std::collections::HashMap<&str, &serde_json::Value> = metric["observations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| (o["id"].as_str().unwrap(), o))
            .collect();
        for year in metric["outlook"].as_array().unwrap() {
            assert!(
                year["change"].is_null(),
                "a projection or target never changes: {year}"
            );
        }
        for year in metric["yearly"].as_array().unwrap() {
            let this = figures[year["id"].as_str().unwrap()];
            assert!(
                matches!(this["status"].as_str(), Some("actual" | "estimate")),
                "{this}"
            );
            let change = &year["change"];
            if change.is_null() {
                continue;
            }
            let from = figures[change["from"].as_str().unwrap()];
            let single = |f: &serde_json::Value| {
                matches!(f["bound"].as_str(), Some("exact" | "approximately"))
            };
            match change["kind"].as_str().unwrap() {
                "point" => assert!(single(this) && single(from), "{this} from {from}"),
                "between" => {
                    assert!(!(single(this) && single(from)), "{this} from {from}");
                    let (low, high) = (change["low"].as_f64(), change["high"].as_f64());
                    assert!(
                        low.is_some_and(|l| l > 0.0) || high.is_some_and(|h| h < 0.0),
                        "{change}"
                    );
                }
                "not-comparable" => assert!(!(single(this) && single(from))),
                "other-source" => {}
                other => panic!("change kind {other}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} changes checked");
}

/// The WSIS+20 frame ships with its sources: the 17 goals and 5 objectives each cite
/// where they are stated, at least 15 targets each quote the words that set them,
/// and every crosswalk link names its source.
#[test]
fn the_frame_ships_with_a_source_for_every_entry() {
    let site = shipped();
    let m = site.model();
    let f = &m.frame;
    assert_eq!(f.sdgs.len(), 17);
    assert_eq!(f.gdc.len(), 5);
    assert!(f.targets.len() >= 15, "{} targets", f.targets.len());
    assert!(!f.crosswalk.is_empty());
    let named = |s: &wsis::model::frame::Sourced| match &s.citation {
        wsis::model::frame::Citation::Paragraph { .. } => true,
        wsis::model::frame::Citation::External { name, .. } => !name.trim().is_empty(),
    };
    for g in &f.sdgs {
        assert!(named(&g.source), "SDG {}", g.number);
    }
    for o in &f.gdc {
        assert!(named(&o.source), "GDC {}", o.number);
    }
    for t in &f.targets {
        assert!(named(&t.source) && !t.wording.trim().is_empty(), "{}", t.id);
        let page =
            text_of(&site.output(&format!("targets/{}/index.html", t.id))).replace("&#39;", "'");
        assert!(page.contains(t.wording.trim()), "{}: {page}", t.id);
    }
    for l in &f.crosswalk {
        assert!(named(&l.source) && l.source.quote.is_some(), "{l:?}");
    }
    // Every page of the frame is there, and the crosswalk is in the open data.
    for page in [
        "targets/",
        "frameworks/",
        "frameworks/sdg/17/",
        "frameworks/gdc/5/",
        "documents/",
    ] {
        assert!(site.has_output(&format!("{page}index.html")), "{page}");
    }
    let csv = site.output("data/crosswalk.csv");
    assert_eq!(csv.lines().count(), f.crosswalk.len() + 1, "{csv}");
}
