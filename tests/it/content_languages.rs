//! Curated content in several languages (issue 16): titles, names and descriptions
//! with translations (`title: {en: ..., fr: ...}`), reports in their own language
//! (`language:`) linking their translations (`translations:`), each checked with
//! the file, line and column of a mistake.

use crate::common;

use common::{Site, minimal_report};
use wsis::i18n::Language;

/// The basic fixture published in English, French and Arabic.
fn site() -> Site {
    Site::fixture_in("basic", &["en", "fr", "ar"])
}

fn lang(tag: &str) -> Language {
    Language::parse(tag).unwrap()
}

#[test]
fn plain_titles_are_in_the_default_language() {
    let site = site();
    site.build_ok();
    let model = site.model();
    let (en, fr) = (lang("en"), lang("fr"));
    let c4 = &model.action_lines[1];
    assert_eq!(c4.title.get(&en, &en), ("Capacity building", None));
    // Untranslated: a French page shows the original, marked as English.
    assert_eq!(c4.title.get(&fr, &en), ("Capacity building", Some(&en)));
}

#[test]
fn titles_names_and_descriptions_carry_translations() {
    let site = site();
    site.edit(
        "content/action-lines.yaml",
        "  title: \"Capacity building\"",
        "  title: {en: \"Capacity building\", fr: \"Renforcement des capacités\"}\n  description:\n    en: \"Skills for the information society.\"\n    ar: \"المهارات\"",
    );
    site.edit(
        "content/metrics.yaml",
        "  title: \"Alumni\"",
        "  title: {en: \"Alumni\", fr: \"Anciens élèves\", ar: \"الخريجون\"}",
    );
    site.edit(
        "content/organizations/alpha.yaml",
        "name: \"Alpha Society\"",
        "name:\n  en: \"Alpha Society\"\n  fr: \"Société Alpha\"\ndescription: {en: \"A society.\", fr: \"Une société.\"}",
    );
    site.build_ok();
    let model = site.model();
    let (en, fr, ar) = (lang("en"), lang("fr"), lang("ar"));
    let c4 = &model.action_lines[1];
    assert_eq!(c4.title.get(&fr, &en).0, "Renforcement des capacités");
    assert_eq!(
        c4.title.get(&ar, &en),
        ("Capacity building", Some(&en)),
        "no Arabic title: the English one, marked"
    );
    let description = c4.description.as_ref().unwrap();
    assert_eq!(description.get(&ar, &en), ("المهارات", None));
    assert_eq!(description.get(&fr, &en).1, Some(&en));
    let alumni = model
        .metrics
        .iter()
        .find(|m| m.id == "alpha-alumni")
        .unwrap();
    assert_eq!(alumni.title.get(&ar, &en).0, "الخريجون");
    let alpha = model
        .organizations
        .iter()
        .find(|o| o.id == "alpha")
        .unwrap();
    assert_eq!(alpha.name.get(&fr, &en).0, "Société Alpha");
    // The default language's pages and data are as they were.
    let page = site.output("action-lines/c4/index.html");
    assert!(page.contains("<span>Capacity building</span>"), "{page}");
    assert!(page.contains("Skills for the information society."));
    assert!(!page.contains("Renforcement") && !page.contains("untranslated"));
    let org = site.output("organizations/alpha/index.html");
    assert!(org.contains("<h1>Alpha Society</h1>"), "{org}");
    let metric = site.output("metrics/alpha-alumni/index.html");
    assert!(metric.contains("<h1>Alumni</h1>"), "{metric}");
    let csv = site.output("data/metrics/alpha-alumni.csv");
    assert!(
        !csv.contains("Anciens"),
        "data files keep the default language: {csv}"
    );
}

#[test]
fn a_translated_text_needs_the_default_language() {
    let site = site();
    site.edit(
        "content/metrics.yaml",
        "  title: \"Alumni\"",
        "  title: {fr: \"Anciens élèves\"}",
    );
    site.build(&[]).assert_error(
        "content/metrics.yaml:2:10",
        "`title` has no text in `en`, the site's default language",
    );
}

#[test]
fn an_empty_translation_map_is_refused() {
    let site = site();
    site.edit(
        "content/organizations/alpha.yaml",
        "name: \"Alpha Society\"",
        "name: {}",
    );
    site.build(&[])
        .assert_error("content/organizations/alpha.yaml:2:7", "`name` has no text");
}

#[test]
fn a_tag_that_is_not_a_language_is_refused_where_it_stands() {
    let site = site();
    site.edit(
        "content/action-lines.yaml",
        "  short: \"Cooperation\"",
        "  short: {en: \"Cooperation\", english: \"Co-operation\"}",
    );
    site.build(&[]).assert_error(
        "content/action-lines.yaml:12:39",
        "`english` names no language",
    );
    let site = self::site();
    site.edit(
        "content/action-lines.yaml",
        "  short: \"Cooperation\"",
        "  short: {en: \"Cooperation\", \"fr_FR!\": \"Coopération\"}",
    );
    site.build(&[])
        .assert_error("content/action-lines.yaml:12:", "is not a language tag");
}

#[test]
fn a_language_given_twice_is_refused() {
    let site = site();
    site.edit(
        "content/metrics.yaml",
        "  title: \"Alumni\"",
        "  title: {en: \"Alumni\", pt-br: \"Ex-alunos\", pt-BR: \"Antigos alunos\"}",
    );
    site.build(&[]).assert_error(
        "content/metrics.yaml:2:",
        "`title` gives the text in `pt-BR` twice",
    );
}

#[test]
fn a_language_the_site_does_not_publish_is_kept_with_a_warning() {
    let site = site();
    site.edit(
        "content/metrics.yaml",
        "  title: \"Alumni\"",
        "  title: {en: \"Alumni\", fe: \"Anciens\", de: \"Alumni\"}",
    );
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`fe` is not one of the site's languages (en, fr, ar)")
            && run.stderr.contains("did you mean `fr`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("add \"de\" to `languages`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_report_in_another_language_is_marked_with_it() {
    let site = site();
    site.write(
        "content/reports/alpha-2024-fr.md",
        &minimal_report(
            "language: fr\n",
            "## Renforcement des capacités\n\nLe réseau des anciens a grandi.",
        ),
    );
    site.build_ok();
    let page = site.output("reports/alpha-2024-fr/index.html");
    assert!(page.contains("<h1 lang=\"fr\">T</h1>"), "{page}");
    assert!(
        page.contains("<div class=\"report-text\" lang=\"fr\">"),
        "{page}"
    );
    let list = site.output("organizations/alpha/index.html");
    assert!(
        list.contains("<a href=\"/sub/reports/alpha-2024-fr/\" lang=\"fr\">T</a>"),
        "{list}"
    );
    // A report in the default language has no `lang` of its own.
    let english = site.output("reports/alpha-2024/index.html");
    assert!(english.contains("<div class=\"report-text\">"), "{english}");
    assert_eq!(
        site.model()
            .reports
            .iter()
            .filter(|r| r.language == lang("fr"))
            .count(),
        1
    );
}

#[test]
fn a_report_language_must_be_a_language_tag() {
    let site = site();
    site.write(
        "content/reports/alpha-2024-fr.md",
        &minimal_report("language: french\n", "Texte."),
    );
    site.build(&[]).assert_error(
        "content/reports/alpha-2024-fr.md:7:11",
        "`french` names no language",
    );
}

#[test]
fn translations_link_both_ways() {
    let site = site();
    site.write(
        "content/reports/alpha-2024-fr.md",
        &minimal_report("language: fr\ntranslations: [alpha-2024]\n", "Texte."),
    );
    site.write(
        "content/reports/alpha-2024-ar.md",
        &minimal_report("language: ar\n", "نص."),
    );
    site.edit(
        "content/reports/alpha-2024.md",
        "kind: annual-progress",
        "kind: annual-progress\ntranslations: [alpha-2024-ar]",
    );
    site.build_ok();
    let english = site.output("reports/alpha-2024/index.html");
    for (slug, tag) in [("alpha-2024-ar", "ar"), ("alpha-2024-fr", "fr")] {
        assert!(
            english.contains(&format!(
                "<a href=\"/sub/reports/{slug}/\" rel=\"alternate\" hreflang=\"{tag}\" lang=\"{tag}\">"
            )),
            "{slug}: {english}"
        );
    }
    let french = site.output("reports/alpha-2024-fr/index.html");
    assert!(
        french.contains("hreflang=\"en\" lang=\"en\">English</a>"),
        "{french}"
    );
    assert!(french.contains("Other languages"), "{french}");
}

#[test]
fn a_translation_must_be_another_report_in_another_language() {
    let cases: [(&str, &str, &str); 4] = [
        (
            "translations: [alpha-2042]\n",
            "unknown report `alpha-2042`",
            "did you mean `alpha-2024`?",
        ),
        (
            "translations: [alpha-2024-fr]\n",
            "`alpha-2024-fr` is this report",
            "",
        ),
        (
            "translations: [alpha-2023]\n",
            "`alpha-2023` is in `fr` too",
            "",
        ),
        (
            "translations: [alpha-2024, alpha-2024]\n",
            "`alpha-2024` is listed twice",
            "",
        ),
    ];
    for (front, message, help) in cases {
        let site = site();
        // alpha-2023 is set in French for the same-language case.
        site.edit(
            "content/reports/alpha-2023.md",
            "kind: annual-progress",
            "kind: annual-progress\nlanguage: fr",
        );
        site.write(
            "content/reports/alpha-2024-fr.md",
            &minimal_report(&format!("language: fr\n{front}"), "Texte."),
        );
        let run = site.build(&[]);
        run.assert_error("content/reports/alpha-2024-fr.md:", message);
        assert!(run.stderr.contains(help), "{}", run.stderr);
    }
}

/// The site with C4's title and description in English and French, and Alpha's name
/// in English and Arabic.
fn titles_translated() -> Site {
    let site = site();
    site.edit(
        "content/action-lines.yaml",
        "  title: \"Capacity building\"",
        "  title: {en: \"Capacity building\", fr: \"Renforcement des capacités\"}\n  description: {en: \"Skills.\", fr: \"Compétences.\"}",
    );
    site.edit(
        "content/organizations/alpha.yaml",
        "name: \"Alpha Society\"",
        "name: {en: \"Alpha Society\", ar: \"جمعية ألفا\"}",
    );
    site
}

#[test]
fn each_language_s_pages_show_its_text_or_the_original_marked() {
    let site = titles_translated();
    site.build_ok();
    let fr = site.output("fr/action-lines/c4/index.html");
    assert!(
        fr.contains("<span>Renforcement des capacités</span>"),
        "{fr}"
    );
    assert!(fr.contains("<p class=\"lead\">Compétences.</p>"), "{fr}");
    assert!(!fr.contains("untranslated"), "{fr}");
    let ar = site.output("ar/action-lines/c4/index.html");
    assert!(
        ar.contains("<span lang=\"en\">Capacity building</span>"),
        "{ar}"
    );
    assert!(
        ar.contains("<p class=\"lead\" lang=\"en\">Skills.</p>"),
        "{ar}"
    );
    assert!(
        ar.contains("<p class=\"meta untranslated\">لم تُترجم بعد؛ معروضة باللغة"),
        "{ar}"
    );
    // A name translated into Arabic only: the original marked on the French pages.
    let org_ar = site.output("ar/organizations/alpha/index.html");
    assert!(org_ar.contains("<h1>جمعية ألفا</h1>"), "{org_ar}");
    let org_fr = site.output("fr/organizations/alpha/index.html");
    assert!(
        org_fr.contains("<h1 lang=\"en\">Alpha Society</h1>"),
        "{org_fr}"
    );
    // The English pages at the root are as before.
    let en = site.output("action-lines/c4/index.html");
    assert!(en.contains("<p class=\"lead\">Skills.</p>") && !en.contains("untranslated"));
}

#[test]
fn each_language_s_search_index_holds_its_titles() {
    let site = titles_translated();
    site.build_ok();
    let docs = |prefix: &str| -> String {
        (0..)
            .map(|n| format!("{prefix}search/docs/{n}.json.gz"))
            .take_while(|rel| site.has_output(rel))
            .map(|rel| site.output(&rel))
            .collect()
    };
    // The French results list the French title and description, the Arabic ones the
    // Arabic name; each falls back to the original where there is no translation.
    let fr = docs("fr/");
    assert!(fr.contains("C4 Renforcement des capacités"), "{fr}");
    assert!(
        fr.contains("Alpha Society") && !fr.contains("جمعية ألفا"),
        "{fr}"
    );
    let ar = docs("ar/");
    assert!(ar.contains("جمعية ألفا"), "{ar}");
    assert!(ar.contains("C4 Capacity building"), "{ar}");
    let en = docs("");
    assert!(
        en.contains("C4 Capacity building") && !en.contains("Renforcement"),
        "{en}"
    );
    // A translated title is found by its own words in its language's index.
    let index: String = common::snapshot(&site.root.join("public/fr/search"))
        .into_iter()
        .map(|(rel, bytes)| common::readable(&rel, &bytes))
        .collect();
    assert!(
        index.contains("\"renforc"),
        "no French stem of the French title"
    );
    assert!(index.contains("Compétences."), "no French description");
}

#[test]
fn numbers_and_dates_are_written_as_each_language_writes_them() {
    let site = site();
    site.build_ok();
    let en = site.output("reports/alpha-2024/index.html");
    assert!(en.contains("$264,100"), "{en}");
    assert!(en.contains(">October 2024</time>"), "{en}");
    let fr = site.output("fr/reports/alpha-2024/index.html");
    assert!(fr.contains("264\u{202f}100\u{a0}$ US"), "{fr}");
    assert!(
        fr.contains("<time datetime=\"2024-10\">octobre 2024</time>"),
        "{fr}"
    );
    let ar = site.output("ar/reports/alpha-2024/index.html");
    assert!(ar.contains("<time datetime=\"2024-10\">"), "{ar}");
    assert!(!ar.contains(">October 2024</time>"), "{ar}");
    // Data files keep plain numbers whatever the languages.
    let csv = site.output("data/metrics/alpha-grants.csv");
    assert!(csv.contains("264100"), "{csv}");
}

/// The frame fixture published in English, French and Arabic.
fn frame_site() -> Site {
    Site::fixture_in("frame", &["en", "fr", "ar"])
}

#[test]
fn target_titles_and_source_names_carry_translations() {
    let site = frame_site();
    site.edit(
        "content/targets.yaml",
        "  title: \"Five hundred alumni\"",
        "  title: {en: \"Five hundred alumni\", fr: \"Cinq cents anciens élèves\"}",
    );
    site.edit(
        "content/targets.yaml",
        "source: {name: \"Test Baseline Survey\", locator",
        "source: {name: {en: \"Test Baseline Survey\", fr: \"Enquête de référence test\"}, locator",
    );
    site.edit(
        "content/frameworks.yaml",
        "source: {name: \"Test Agenda Annex\"",
        "source: {name: {en: \"Test Agenda Annex\", ar: \"ملحق الخطة التجريبي\"}",
    );
    site.build_ok();
    let fr = site.output("fr/targets/alumni-500/index.html");
    assert!(fr.contains("<h1>Cinq cents anciens élèves</h1>"), "{fr}");
    assert!(fr.contains("<title>Cinq cents anciens élèves"), "{fr}");
    assert!(fr.contains("(Enquête de référence test, table 1)"), "{fr}");
    // Untranslated into Arabic: the original, marked as English.
    let ar = site.output("ar/targets/alumni-500/index.html");
    assert!(
        ar.contains("<h1 lang=\"en\">Five hundred alumni</h1>"),
        "{ar}"
    );
    assert!(
        ar.contains("<span lang=\"en\">Test Baseline Survey, table 1</span>"),
        "{ar}"
    );
    // The lists of targets too.
    let list = site.output("fr/targets/index.html");
    assert!(
        list.contains("href=\"/sub/fr/targets/alumni-500/\">Cinq cents anciens élèves</a>"),
        "{list}"
    );
    let list = site.output("ar/targets/index.html");
    assert!(
        list.contains("href=\"/sub/ar/targets/alumni-500/\" lang=\"en\">Five hundred alumni</a>"),
        "{list}"
    );
    // A framework entry's outside source, translated into Arabic only.
    let sdg_ar = site.output("ar/frameworks/sdg/4/index.html");
    assert!(
        sdg_ar.contains("<span class=\"cite\">ملحق الخطة التجريبي, target 4.a</span>"),
        "{sdg_ar}"
    );
    let sdg_fr = site.output("fr/frameworks/sdg/4/index.html");
    assert!(
        sdg_fr.contains("<span lang=\"en\">Test Agenda Annex, target 4.a</span>"),
        "{sdg_fr}"
    );
    // The English pages at the root show the originals, unmarked.
    let en = site.output("targets/alumni-500/index.html");
    assert!(en.contains("<h1>Five hundred alumni</h1>"), "{en}");
    assert!(en.contains("(Test Baseline Survey, table 1)"), "{en}");
}

#[test]
fn a_target_title_or_source_name_needs_the_default_language() {
    let site = frame_site();
    site.edit(
        "content/targets.yaml",
        "  title: \"Five hundred alumni\"",
        "  title: {fr: \"Cinq cents anciens élèves\"}",
    );
    site.build(&[]).assert_error(
        "content/targets.yaml:2:10",
        "`title` has no text in `en`, the site's default language",
    );
    let site = frame_site();
    site.edit(
        "content/crosswalk.yaml",
        "source: {name: \"Test Mapping\"",
        "source: {name: {fr: \"Correspondance test\"}",
    );
    site.build(&[]).assert_error(
        "content/crosswalk.yaml",
        "`name` has no text in `en`, the site's default language",
    );
}
