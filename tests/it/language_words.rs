//! Issue 16, the last English words on other languages' pages: charts (their text
//! alternative, labels, legend and axis), the codes of goals and objectives, the
//! excerpt line of a document, lists and the arrows of year pages are in the page's
//! language; the English pages are as they were.

use crate::common;

use common::Site;

/// The frame fixture (targets, goals, documents) in English, French, Arabic and
/// Chinese, with a target whose numbers need a thousands separator.
fn quadrilingual() -> Site {
    let site = Site::fixture_in("frame", &["en", "fr", "ar", "zh"]);
    site.edit(
        "content/targets.yaml",
        "target_value: 500",
        "target_value: 1234",
    );
    site.build_ok();
    site
}

/// The text of the first `<desc>` of a page: a chart's description.
fn desc(html: &str) -> &str {
    let at = html.find("<desc").expect("a chart");
    let start = at + html[at..].find('>').unwrap() + 1;
    &html[start..start + html[start..].find("</desc>").unwrap()]
}

/// The first `<svg class="chart...">...</svg>` of a page.
fn chart(html: &str) -> &str {
    let at = html.find("<svg class=\"chart").expect("a chart");
    &html[at..at + html[at..].find("</svg>").unwrap()]
}

/// Words only an English chart writes.
const ENGLISH_CHART: &[&str] = &[
    "Baseline",
    "Target:",
    "Deadline",
    ">baseline<",
    ">deadline",
    ">target ",
    "vertical line",
];

#[test]
fn charts_are_in_the_page_language_with_its_numbers() {
    let site = quadrilingual();
    let en = site.output("targets/alumni-500/index.html");
    assert!(
        desc(&en).ends_with(
            "Baseline: 300 in 2022. Target: 1,234 (a dashed horizontal line). Deadline: 2030 (a vertical line)."
        ),
        "{}",
        desc(&en)
    );
    let fr = site.output("fr/targets/alumni-500/index.html");
    let svg = chart(&fr);
    for english in ENGLISH_CHART {
        assert!(!svg.contains(english), "{english} in {svg}");
    }
    // French groups thousands with a narrow no-break space (CLDR, through ICU).
    assert!(
        desc(&fr).ends_with(
            "Valeur de référence : 300 en 2022. Objectif : 1\u{202f}234 (une ligne horizontale en tirets). Échéance : 2030 (une ligne verticale)."
        ),
        "{}",
        desc(&fr)
    );
    for label in [">objectif 1\u{202f}234<", ">échéance 2030<", ">référence<"] {
        assert!(svg.contains(label), "{label} in {svg}");
    }
    let ar = site.output("ar/targets/alumni-500/index.html");
    let svg = chart(&ar);
    for english in ENGLISH_CHART {
        assert!(!svg.contains(english), "{english} in {svg}");
    }
    for arabic in ["خط الأساس", "المستهدف", "الموعد النهائي"] {
        assert!(desc(&ar).contains(arabic), "{arabic} in {}", desc(&ar));
    }
    // A metric's chart and its sparkline in the lists.
    let fr_metric = site.output("fr/metrics/alpha-alumni/index.html");
    assert_eq!(desc(&fr_metric), "2023 : 355 ; 2024 : 407");
    assert_eq!(
        desc(&site.output("metrics/alpha-alumni/index.html")),
        "2023: 355; 2024: 407"
    );
    let zh_metric = site.output("zh/metrics/alpha-alumni/index.html");
    assert_eq!(desc(&zh_metric), "2023年：355；2024年：407");
    let list = site.output("fr/metrics/index.html");
    assert!(list.contains("aria-label=\"Évolution de "), "{list}");
    assert!(!list.contains("Trend of"), "{list}");
    assert!(
        site.output("metrics/index.html")
            .contains("aria-label=\"Trend of ")
    );
}

#[test]
fn goal_and_objective_codes_are_in_the_page_language() {
    let site = quadrilingual();
    let en = site.output("frameworks/index.html");
    assert!(en.contains(">SDG 4<") && en.contains(">GDC 2<"), "{en}");
    let fr = site.output("fr/frameworks/index.html");
    assert!(fr.contains("ODD 4") && fr.contains("ODD 4.4"), "{fr}");
    assert!(!fr.contains("SDG 4"), "{fr}");
    // No official French abbreviation of the Global Digital Compact is sure: GDC stays.
    assert!(fr.contains("GDC 2"), "{fr}");
    let zh = site.output("zh/frameworks/index.html");
    assert!(zh.contains("可持续发展目标4"), "{zh}");
    assert!(!zh.contains("SDG 4"), "{zh}");
    let targets = site.output("fr/targets/index.html");
    assert!(targets.contains("ODD 4 : Fixture learning"), "{targets}");
    assert!(!targets.contains("SDG 4"), "{targets}");
}

#[test]
fn a_documents_excerpt_line_is_in_the_page_language() {
    let site = quadrilingual();
    let en = site.output("documents/test-res-1/index.html");
    assert!(en.contains("Excerpt: paragraphs 3, 7 and 12"), "{en}");
    let fr = site.output("fr/documents/test-res-1/index.html");
    assert!(fr.contains("Extrait : paragraphes 3, 7 et 12"), "{fr}");
    assert!(!fr.contains("Excerpt"), "{fr}");
    let ar = site.output("ar/documents/test-res-1/index.html");
    // Fluent isolates each variable in right-to-left text (U+2068 ... U+2069).
    assert!(ar.contains("مقتطف: \u{2068}الفقرات\u{2069}"), "{ar}");
    assert!(ar.contains("، "), "{ar}");
    let zh = site.output("zh/documents/test-res-1/index.html");
    assert!(zh.contains("节选：第3、7和12段"), "{zh}");
    // The description is the language's too.
    assert!(!fr.contains("the paragraphs the site quotes"), "{fr}");
}

#[test]
fn lists_use_the_languages_separator() {
    let site = quadrilingual();
    // A metric's data files, and a report's citation files, are lists.
    let en = site.output("metrics/alpha-alumni/index.html");
    assert!(en.contains("alpha-alumni.csv</a>, <a"), "{en}");
    let ar = site.output("ar/metrics/alpha-alumni/index.html");
    assert!(ar.contains("alpha-alumni.csv</a>، <a"), "{ar}");
    assert!(!ar.contains("</a>, <a"), "{ar}");
    let zh = site.output("zh/metrics/alpha-alumni/index.html");
    assert!(zh.contains("alpha-alumni.csv</a>、<a"), "{zh}");
}

#[test]
fn year_arrows_point_the_reading_way() {
    let site = quadrilingual();
    let en = site.output("years/2023/index.html");
    assert!(
        en.contains(">← 2015</a>") && en.contains(">2024 →</a>"),
        "{en}"
    );
    // Right to left, the earlier year is to the right: its arrow points right.
    let ar = site.output("ar/years/2023/index.html");
    assert!(ar.contains("rel=\"prev\""), "{ar}");
    let prev = &ar[ar.find("rel=\"prev\"").unwrap()..];
    let prev = &prev[..prev.find("</a>").unwrap()];
    assert!(prev.contains('→') && !prev.contains('←'), "{prev}");
    let next = &ar[ar.find("rel=\"next\"").unwrap()..];
    let next = &next[..next.find("</a>").unwrap()];
    assert!(next.contains('←') && !next.contains('→'), "{next}");
}

#[test]
fn why_a_figure_is_not_compared_is_in_the_page_language() {
    let site = Site::fixture("series");
    site.edit(
        "site.toml",
        "[build]",
        "languages = [\"en\", \"fr\"]\n\n[build]",
    );
    // The later report restates the earlier year's grants: no change to show.
    site.edit(
        "content/reports/org-2023.md",
        "value: 2500000\n    year: 2023",
        "value: 2500000\n    year: 2022",
    );
    site.build_ok();
    let en = site.output("reports/org-2023/index.html");
    assert!(en.contains(">not a later year<"), "{en}");
    let fr = site.output("fr/reports/org-2023/index.html");
    assert!(fr.contains(">pas une année plus récente<"), "{fr}");
    assert!(!fr.contains("not a later year"), "{fr}");
}

#[test]
fn a_citation_of_a_paragraph_is_in_the_page_language() {
    let site = quadrilingual();
    let en = site.output("targets/alumni-500/index.html");
    assert!(en.contains(">TEST/RES/1, paragraph 7 (a)</a>"), "{en}");
    for (lang, cited) in [
        ("fr", ">TEST/RES/1, paragraphe 7 (a)</a>"),
        // Arabic isolates the left-to-right symbol and number.
        (
            "ar",
            ">\u{2068}TEST/RES/1\u{2069}، الفقرة \u{2068}7\u{2069} (a)</a>",
        ),
        ("zh", ">TEST/RES/1，第 7 段 (a)</a>"),
    ] {
        let page = site.output(&format!("{lang}/targets/alumni-500/index.html"));
        assert!(page.contains(cited), "{lang}: {page}");
        assert!(!page.contains(", paragraph "), "{lang}: {page}");
    }
}

#[test]
fn a_query_of_only_stop_words_is_told_so_in_the_page_language() {
    // "the of" was answered "Type a longer word.": its words are long enough, only
    // too common to search. search.js reads this text from the page.
    let site = quadrilingual();
    for (page, common) in [
        (
            "search/index.html",
            "data-common=\"“{query}” has only common words",
        ),
        (
            "fr/search/index.html",
            "data-common=\"« {query} » ne contient que des mots courants",
        ),
    ] {
        let html = site.output(page);
        assert!(html.contains(common), "{page}: {html}");
    }
    let js = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js"),
    )
    .unwrap();
    assert!(js.contains("say(\"common\", { query })"));
}
