//! Issue 16, red team: odd `languages` entries and careless or hostile theme
//! translation files, each refused with a message or rendered safely.

use crate::common;

use common::{Site, guarded};

/// The basic fixture with `languages` set to `list` (a TOML array's inside).
fn site_with(list: &str) -> Site {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "description =",
        &format!("languages = [{list}]\ndescription ="),
    );
    site
}

#[test]
fn a_withdrawn_code_beside_its_replacement_is_the_same_language_twice() {
    for (list, twice) in [
        ("\"en\", \"iw\", \"he\"", "he"),
        ("\"en\", \"he\", \"iw-IL\", \"he-IL\"", "he-IL"),
        ("\"en\", \"in\", \"id\"", "id"),
    ] {
        let site = site_with(list);
        site.build(&[])
            .assert_error("site.toml:3:", &format!("names `{twice}` twice"));
    }
}

#[test]
fn a_withdrawn_code_alone_publishes_under_its_replacement() {
    let site = site_with("\"en\", \"iw\"");
    site.build_ok();
    let page = site.output("he/index.html");
    assert!(page.contains("lang=\"he\" dir=\"rtl\""), "{page}");
    assert!(!site.has_output("iw/index.html"));
}

/// A theme `t` for a site in English and French, with `fr` as its French strings.
fn french_theme(fr: &str) -> Site {
    let site = site_with("\"en\", \"fr\"");
    site.edit("site.toml", "[build]", "theme = \"t\"\n\n[build]");
    site.write("themes/t/i18n/fr.ftl", fr);
    site
}

#[test]
fn markup_in_a_plain_string_is_text_and_cannot_end_its_attribute() {
    let site = french_theme(
        "search-button = <script>alert(1)</script>\n\
         report-other-reports = Les \"autres\" rapports & cie de { $org }\n",
    );
    site.build_ok();
    let home = site.output("fr/index.html");
    assert!(!home.contains("<script>alert"), "{home}");
    assert!(
        home.contains("&lt;script&gt;alert(1)&lt;/script&gt;</button>"),
        "{home}"
    );
    let report = site.output("fr/reports/alpha-2024/index.html");
    assert!(
        report.contains("aria-label=\"Les &quot;autres&quot; rapports &amp; cie de Alpha\""),
        "{report}"
    );
}

#[test]
fn a_plain_string_is_escaped_once_and_an_html_string_keeps_its_tags() {
    // The variable is the site's text, escaped by the template's rules; only the
    // translation's own text is escaped by the string's key.
    let site = french_theme(
        "feed-title = « { $site } » & rapports\n\
         search-noscript-html = <em>Sans</em> JavaScript & <a href=\"{ $base }\">accueil</a>\n",
    );
    site.edit(
        "site.toml",
        "title = \"Fixture tracker\"",
        "title = \"R&D <b>\"",
    );
    site.build_ok();
    let feed = site.output("fr/atom.xml");
    assert!(
        feed.contains("<title>« R&amp;D &lt;b&gt; » &amp; rapports</title>"),
        "{feed}"
    );
    let search = site.output("fr/search/index.html");
    assert!(
        search.contains("<em>Sans</em> JavaScript & <a href=\"/sub/fr/\">accueil</a>"),
        "{search}"
    );
}

#[test]
fn a_translation_file_linked_from_outside_the_site_is_not_read() {
    let site = site_with("\"en\", \"fr\"");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("fr.ftl");
    std::fs::write(&secret, "search-button = Secret\n").unwrap();
    std::fs::create_dir_all(site.root.join("themes/default/i18n")).unwrap();
    symlink(&secret, &site.root.join("themes/default/i18n/fr.ftl"));
    site.build(&[]).assert_error(
        "themes/default/i18n/fr.ftl",
        "symbolic link to outside the site",
    );
    assert!(!site.has_output("fr/index.html"));
}

#[cfg(unix)]
fn symlink(from: &std::path::Path, to: &std::path::Path) {
    std::os::unix::fs::symlink(from, to).unwrap();
}

#[test]
fn a_missing_string_points_at_the_themes_file_to_create() {
    // The theme adds a string in English only and has no French file: the warning
    // names the file to create in the theme, never the built-in one.
    for lang in ["fr", "ar"] {
        let site = site_with(&format!("\"en\", \"{lang}\""));
        site.edit("site.toml", "[build]", "theme = \"t\"\n\n[build]");
        site.write("themes/t/i18n/en.ftl", "theme-motto = Counted by hand\n");
        let check = guarded(&site, "check", &[]);
        assert!(check.ok, "{}", check.stderr);
        let said = format!("{}{}", check.stdout, check.stderr);
        let file = format!("themes/t/i18n/{lang}.ftl");
        assert!(
            said.contains(&format!("warning: {file}:")),
            "{lang}: {said}"
        );
        assert!(
            said.contains(&format!("add them to {file}")),
            "{lang}: {said}"
        );
        assert!(!said.contains("built-in"), "{lang}: {said}");
    }
}

#[test]
fn a_static_file_where_a_language_puts_a_page_is_refused_every_time() {
    // Pages and static files are written at once: the winner used to change from one
    // build to the next.
    for rel in [
        "static/fr/index.html",
        "static/fr/reports/index.html",
        "static/reports/index.html",
    ] {
        let site = site_with("\"en\", \"fr\"");
        site.write(rel, "<p>mine</p>");
        for _ in 0..3 {
            let page = rel.trim_start_matches("static/");
            site.build(&[]).assert_error(page, "writes this file twice");
        }
    }
}

/// The words `search.js` cuts from each of `queries` with the stop words `stop`, by
/// running its own `tokens` (the source from its `HAN` pattern to the end of `tokens`)
/// in Node.js. `None`, with a loud line, where Node is missing; CI fails instead.
fn client_tokens(queries: &[&str], stop: &[&str]) -> Option<Vec<Vec<String>>> {
    let part = common::node::search_js_part("  const HAN =", "  // How far into");
    let program = format!(
        "{part}\nconst stop = new Set({});\nconsole.log(JSON.stringify({}.map((q) => tokens(q, stop))));",
        serde_json::to_string(stop).unwrap(),
        serde_json::to_string(queries).unwrap(),
    );
    common::node::run_json(&program, "search.js tokens")
}

#[test]
fn search_js_cuts_a_query_into_the_words_the_index_holds() {
    // "İ" lower-cases to "i" and a combining dot, which is not a letter: lower-casing
    // before cutting lost the word (the index had "i̇stanbul", the query "stanbul").
    // Stop words in capitals, a lone capital, accents, Han and Arabic besides.
    let queries = [
        "İstanbul",
        "İZMİR ağları",
        "LES Réseaux de la commune",
        "lés où ou",
        "İ x",
        "社区网络 the",
        "الشبكات في القرى",
        "ΟΔΟΣ",
    ];
    for lang in ["en", "fr", "ar", "zh", "tr"] {
        let stop = wsis::search::stop_words(lang);
        let Some(client) = client_tokens(&queries, stop) else {
            return;
        };
        for (query, client) in queries.iter().zip(client) {
            assert_eq!(
                client,
                wsis::search::query_terms(query, lang),
                "{lang}: {query}"
            );
        }
    }
}

#[test]
fn an_empty_translation_is_refused_rather_than_shown_as_a_blank_title() {
    // `fr: ""` built and gave the French target page an empty <h1>.
    for (from, to, at) in [
        (
            "title: \"Five hundred alumni\"",
            "title: {en: \"Five hundred alumni\", fr: \"\"}",
            "content/targets.yaml:2:",
        ),
        (
            "name: \"Test Baseline Survey\"",
            "name: {en: \"Test Baseline Survey\", fr: \"   \"}",
            "content/targets.yaml:9:",
        ),
    ] {
        let site = Site::fixture_in("frame", &["en", "fr"]);
        site.edit("content/targets.yaml", from, to);
        site.build(&[]).assert_error(at, "in `fr` is empty");
    }
}
