//! Issue 16, pages per language: every page in each language of `site.toml`, the
//! default language's at the root and the others' under `/<tag>/`, with `lang` and
//! `dir`, `hreflang` alternates, a language switcher that keeps the reader on the same
//! page, and feeds and sitemaps per language. A site in one language is unchanged.

use crate::common;

use std::collections::BTreeSet;

use common::Site;

/// The basic fixture (published under `https://example.org/sub/`) in English, French
/// and Arabic.
fn trilingual() -> Site {
    let site = Site::fixture_in("basic", &["en", "fr", "ar"]);
    site.build_ok();
    site
}

/// The pages every test looks at, by path below the site root, in the default language.
const PAGES: &[&str] = &[
    "",
    "reports/",
    "reports/alpha-2024/",
    "metrics/alpha-alumni/",
    "organizations/alpha/",
    "action-lines/c4/",
    "years/2024/",
    "search/",
];

/// The output file of a page path.
fn file(path: &str) -> String {
    format!("{path}index.html")
}

/// The start tags named `tag` in `html` (`<link ...>`), each as written.
fn tags<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let open = format!("<{tag} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push(&rest[at..end]);
        rest = &rest[end..];
    }
    out
}

/// The value of attribute `name` of the start tag `tag`.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

/// The `hreflang` alternates of a page's head, as (hreflang, href).
fn alternates(html: &str) -> Vec<(String, String)> {
    tags(html, "link")
        .into_iter()
        .filter_map(|t| {
            Some((
                attr(t, "hreflang")?.to_string(),
                attr(t, "href")?.to_string(),
            ))
        })
        .collect()
}

/// The language switcher of a page: the `<nav>` labelled "Languages".
fn switcher(html: &str) -> Option<&str> {
    let at = html.find("<nav class=\"languages\"")?;
    let end = html[at..].find("</nav>")? + at;
    Some(&html[at..end])
}

#[test]
fn every_page_is_in_every_language_the_default_at_the_root() {
    let site = trilingual();
    for page in PAGES {
        for prefix in ["", "fr/", "ar/"] {
            let rel = format!("{prefix}{}", file(page));
            assert!(site.has_output(&rel), "{rel} is missing");
        }
    }
    // The default language has no folder of its own, and what exists once (the data,
    // the stylesheet, robots.txt, the search index) is not repeated per language.
    for rel in [
        "en/index.html",
        "fr/data/metrics.csv",
        "fr/style.css",
        "fr/robots.txt",
        "ar/robots.txt",
    ] {
        assert!(!site.has_output(rel), "{rel} should not be written");
    }
    assert!(site.has_output("data/metrics.csv"));
    assert!(site.has_output("fr/404.html") && site.has_output("404.html"));
}

#[test]
fn another_default_language_has_the_root_and_a_regional_tag_its_folder() {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "description =",
        "language = \"fr\"\nlanguages = [\"en\", \"fr\", \"pt-BR\"]\ndescription =",
    );
    site.build_ok();
    assert!(
        site.output("index.html")
            .contains("<html lang=\"fr\" dir=\"ltr\">")
    );
    assert!(
        site.output("en/reports/alpha-2024/index.html")
            .contains("<html lang=\"en\" dir=\"ltr\">")
    );
    assert!(
        site.output("pt-BR/reports/alpha-2024/index.html")
            .contains("<html lang=\"pt-BR\" dir=\"ltr\">")
    );
    assert!(!site.has_output("fr/index.html"));
    // x-default is the default language's page: the root one.
    let alt = alternates(&site.output("en/reports/alpha-2024/index.html"));
    assert!(alt.contains(&(
        "x-default".into(),
        "https://example.org/sub/reports/alpha-2024/".into()
    )));
}

#[test]
fn each_language_has_its_lang_and_dir() {
    let site = trilingual();
    for page in PAGES {
        for (prefix, lang, dir) in [
            ("", "en", "ltr"),
            ("fr/", "fr", "ltr"),
            ("ar/", "ar", "rtl"),
        ] {
            let html = site.output(&format!("{prefix}{}", file(page)));
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{prefix}{page}: {}",
                &html[..200]
            );
        }
    }
    assert!(
        site.output("ar/404.html")
            .contains("<html lang=\"ar\" dir=\"rtl\">")
    );
    // A metric's structured data names the page's language and address.
    let metric = site.output("ar/metrics/alpha-alumni/index.html");
    assert!(metric.contains("\"inLanguage\":\"ar\""), "{metric}");
    assert!(metric.contains("\"url\":\"https://example.org/sub/ar/metrics/alpha-alumni/\""));
}

#[test]
fn hreflang_alternates_are_complete_absolute_reciprocal_with_x_default() {
    let site = trilingual();
    let root = "https://example.org/sub/";
    for page in PAGES {
        let expected: Vec<(String, String)> = [
            ("en", format!("{root}{page}")),
            ("fr", format!("{root}fr/{page}")),
            ("ar", format!("{root}ar/{page}")),
            ("x-default", format!("{root}{page}")),
        ]
        .into_iter()
        .map(|(l, u)| (l.to_string(), u))
        .collect();
        for (prefix, lang) in [("", "en"), ("fr/", "fr"), ("ar/", "ar")] {
            let html = site.output(&format!("{prefix}{}", file(page)));
            let found = alternates(&html);
            assert_eq!(found, expected, "{prefix}{page}");
            // The page's own language's alternate is its canonical address, so each
            // language's page names the others and is named by them.
            let canonical = tags(&html, "link")
                .into_iter()
                .find(|t| attr(t, "rel") == Some("canonical"))
                .and_then(|t| attr(t, "href"))
                .unwrap();
            let own = found.iter().find(|(l, _)| l == lang).unwrap();
            assert_eq!(own.1, canonical, "{prefix}{page}");
            for (_, href) in &found {
                let rel = href.strip_prefix(root).expect("absolute under the site");
                assert_eq!(alternates(&site.output(&file(rel))), expected, "{rel}");
            }
        }
    }
}

#[test]
fn the_switcher_links_the_same_report_in_every_language_and_marks_the_current() {
    let site = trilingual();
    let names = [("en", "English"), ("fr", "Français"), ("ar", "العربية")];
    // The switcher is named in the page's language.
    for (prefix, current, label) in [
        ("", "en", "Languages"),
        ("fr/", "fr", "Langues"),
        ("ar/", "ar", "اللغات"),
    ] {
        for page in ["reports/alpha-2024/", "metrics/alpha-alumni/", ""] {
            let html = site.output(&format!("{prefix}{}", file(page)));
            let nav = switcher(&html).unwrap_or_else(|| panic!("{prefix}{page}: no switcher"));
            assert!(nav.contains(&format!("aria-label=\"{label}\"")), "{nav}");
            let links = tags(nav, "a");
            assert_eq!(links.len(), 3, "{nav}");
            for ((tag, name), link) in names.iter().zip(&links) {
                let folder = if *tag == "en" {
                    String::new()
                } else {
                    format!("{tag}/")
                };
                assert_eq!(
                    attr(link, "href"),
                    Some(format!("/sub/{folder}{page}").as_str())
                );
                assert_eq!(attr(link, "lang"), Some(*tag), "{link}");
                assert_eq!(attr(link, "hreflang"), Some(*tag), "{link}");
                assert!(nav.contains(&format!("{link}{name}</a>")), "{nav}");
                assert_eq!(
                    attr(link, "aria-current"),
                    (*tag == current).then_some("page"),
                    "{prefix}{page}: {link}"
                );
            }
        }
    }
    // No JavaScript: the switcher is plain links.
    let html = site.output("fr/reports/alpha-2024/index.html");
    assert!(!switcher(&html).unwrap().contains("<script"));
}

#[test]
fn each_language_has_its_feed_and_sitemap_and_robots_names_them() {
    let site = trilingual();
    let root = "https://example.org/sub/";
    for (prefix, lang) in [("", "en"), ("fr/", "fr"), ("ar/", "ar")] {
        let feed = site.output(&format!("{prefix}atom.xml"));
        let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
        let top = doc.root_element();
        assert_eq!(
            top.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let links: Vec<&str> = top
            .descendants()
            .filter(|n| n.has_tag_name("link"))
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert!(
            links.contains(&format!("{root}{prefix}atom.xml").as_str()),
            "{links:?}"
        );
        assert!(
            links.contains(&format!("{root}{prefix}reports/alpha-2024/").as_str()),
            "{links:?}"
        );
        // Every entry of the feed is a page in the feed's language.
        let entries = top.children().filter(|n| n.has_tag_name("entry")).count();
        assert_eq!(entries, 3);
        let in_language = links
            .iter()
            .filter(|l| l.starts_with(&format!("{root}{prefix}reports/")))
            .count();
        assert_eq!(in_language, 4, "{links:?}");
        // Each page links to the feed of its language.
        let home = site.output(&format!("{prefix}index.html"));
        assert!(
            home.contains(&format!("href=\"/sub/{prefix}atom.xml\"")),
            "{prefix}"
        );

        let sitemap = site.output(&format!("{prefix}sitemap.xml"));
        let doc = roxmltree::Document::parse(&sitemap).expect("the sitemap is XML");
        let locs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert!(locs.contains(&format!("{root}{prefix}reports/alpha-2024/").as_str()));
        for loc in &locs {
            let rel = loc.strip_prefix(root).unwrap();
            assert!(rel.starts_with(prefix), "{prefix}sitemap.xml lists {loc}");
            if prefix.is_empty() {
                assert!(!rel.starts_with("fr/") && !rel.starts_with("ar/"), "{loc}");
            }
            assert!(site.has_output(&file(rel)), "{loc} is not a page");
        }
    }
    // The root sitemap lists each page's translations, x-default included.
    let sitemap = site.output("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let report = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("url")
                && n.children()
                    .any(|c| c.text() == Some("https://example.org/sub/reports/alpha-2024/"))
        })
        .unwrap();
    let alternates: BTreeSet<(&str, &str)> = report
        .children()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .map(|n| {
            (
                n.attribute("hreflang").unwrap(),
                n.attribute("href").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        BTreeSet::from([
            ("ar", "https://example.org/sub/ar/reports/alpha-2024/"),
            ("en", "https://example.org/sub/reports/alpha-2024/"),
            ("fr", "https://example.org/sub/fr/reports/alpha-2024/"),
            ("x-default", "https://example.org/sub/reports/alpha-2024/"),
        ])
    );
    let robots = site.output("robots.txt");
    let named: Vec<&str> = robots
        .lines()
        .filter_map(|l| l.strip_prefix("Sitemap: "))
        .collect();
    assert_eq!(
        named,
        [
            "https://example.org/sub/sitemap.xml",
            "https://example.org/sub/fr/sitemap.xml",
            "https://example.org/sub/ar/sitemap.xml"
        ]
    );
}

/// Every link of the pages in the folder `prefix` (`fr/`) to a page of the site under
/// base path `base` stays in the language, but for the switcher's; the links to files
/// (data, stylesheets, scripts, citations) go to the root, where they exist once.
fn assert_links_stay(site: &Site, base: &str, prefix: &str) {
    let out = site.root.join("public").join(prefix);
    let mut pages = 0;
    for entry in walk(&out) {
        if entry.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(&entry).unwrap();
        let mut checked = tags(&html, "a");
        checked.extend(tags(&html, "form"));
        checked.extend(tags(&html, "link"));
        checked.extend(tags(&html, "script"));
        for tag in checked {
            let Some(url) = attr(tag, "href")
                .or_else(|| attr(tag, "action"))
                .or_else(|| attr(tag, "src"))
            else {
                continue;
            };
            let Some(rel) = url.strip_prefix(base) else {
                continue;
            };
            if attr(tag, "hreflang").is_some() || rel.starts_with("data/") {
                continue;
            }
            let path = rel.split(['#', '?']).next().unwrap();
            let is_file = path.ends_with(".css") || path.ends_with(".js");
            assert_eq!(
                rel.starts_with(prefix),
                !is_file,
                "{}: {tag}",
                entry.display()
            );
        }
    }
    assert!(pages > 20, "{pages} pages under {prefix}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn links_in_a_language_stay_in_it_but_for_files() {
    let site = trilingual();
    assert_links_stay(&site, "/sub/", "fr/");
    assert_links_stay(&site, "/sub/", "ar/");
    // The link a report's Markdown writes to another report too.
    let html = site.output("fr/reports/alpha-2024/index.html");
    assert!(
        html.contains("<a href=\"/sub/fr/reports/beta-2024/\">Beta report</a>"),
        "{html}"
    );
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains("<a href=\"/sub/reports/beta-2024/\">Beta report</a>")
    );
    // A metric's data files are the root's.
    let metric = site.output("ar/metrics/alpha-alumni/index.html");
    assert!(metric.contains("href=\"/sub/data/metrics/alpha-alumni.csv\""));
    // Published at the root of a domain instead of a sub-path.
    let run = site.build(&["--base-url", "https://example.com/"]);
    assert!(run.ok, "{}", run.stderr);
    assert_links_stay(&site, "/", "fr/");
    assert!(
        site.output("fr/reports/alpha-2024/index.html")
            .contains("<a href=\"/fr/reports/beta-2024/\">Beta report</a>")
    );
    assert!(
        alternates(&site.output("ar/index.html"))
            .contains(&("fr".into(), "https://example.com/fr/".into()))
    );
}

#[test]
fn a_site_in_one_language_is_unchanged() {
    let plain = Site::fixture("basic");
    plain.build_ok();
    let listed = Site::fixture("basic");
    listed.edit(
        "site.toml",
        "description =",
        "languages = [\"en\"]\ndescription =",
    );
    listed.build_ok();
    let outputs = |site: &Site| -> std::collections::BTreeMap<String, Vec<u8>> {
        let out = site.root.join("public");
        walk(&out)
            .into_iter()
            .filter(|p| !p.to_string_lossy().contains(".wsis-output"))
            .map(|p| {
                let rel = p.strip_prefix(&out).unwrap().to_string_lossy().into_owned();
                (rel, std::fs::read(&p).unwrap())
            })
            .collect()
    };
    let plain_files = outputs(&plain);
    assert_eq!(plain_files, outputs(&listed));
    for (rel, bytes) in &plain_files {
        let text = common::readable(rel, bytes);
        assert!(!text.contains("hreflang"), "{rel}");
        assert!(!text.contains("class=\"languages\""), "{rel}");
        assert!(!text.contains("inLanguage"), "{rel}");
        assert!(!rel.starts_with("en/"), "{rel}");
    }
    assert_eq!(
        plain.output("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap.xml\n"
    );
    assert!(
        plain
            .output("sitemap.xml")
            .starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://example.org/sub/</loc></url>\n")
    );

    // With more languages, a default-language page differs only by its alternates
    // and switcher.
    let site = trilingual();
    for page in PAGES {
        let one = plain.output(&file(page));
        let many = site.output(&file(page));
        let mut stripped = many.replacen("\"inLanguage\":\"en\",", "", 1);
        for l in tags(&many, "link")
            .into_iter()
            .filter(|t| attr(t, "hreflang").is_some())
        {
            stripped = stripped.replacen(&format!("{l}\n"), "", 1);
        }
        let nav = switcher(&many).unwrap();
        stripped = stripped.replacen(&format!("\n{nav}</nav>"), "", 1);
        assert_eq!(stripped, one, "{page}");
    }
}

#[test]
fn a_bad_languages_entry_is_an_error_with_line_and_column() {
    for (entry, says) in [
        ("\"english\"", "`english` names no language"),
        ("\"e n\"", "is not a language tag"),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            "site.toml",
            "description =",
            &format!("languages = [\"en\", {entry}]\ndescription ="),
        );
        let run = site.build(&[]);
        run.assert_error("site.toml:3:20", says);
        assert!(!site.has_output("index.html"));
    }
    // Named twice: the second is pointed at.
    let site = Site::fixture_in("basic", &["en", "ar", "ar"]);
    site.build(&[]).assert_error("site.toml:3:26", "`ar` twice");
}

#[test]
fn serve_shows_a_report_edit_in_every_language() {
    let site = Site::fixture_in("basic", &["en", "fr", "ar"]);
    let server = common::Server::start(&site);
    for prefix in ["", "fr/", "ar/"] {
        let (status, _, body) = server.get(&format!("/{prefix}reports/alpha-2024/"));
        assert_eq!(status, 200, "{prefix}");
        assert!(body.contains("grew to 407 members"), "{prefix}");
    }
    site.edit(
        "content/reports/alpha-2024.md",
        "In 2024 the alumni network grew to 407 members.",
        "In 2024 the alumni network grew to 407 members, a record.",
    );
    for prefix in ["", "fr/", "ar/"] {
        common::wait_for(
            &server,
            &format!("/{prefix}reports/alpha-2024/"),
            std::time::Duration::from_secs(10),
            |b| b.contains("a record"),
        );
        // And the pages that show the report, in each language (rendered after the
        // report's own pages, which come first).
        common::wait_for(
            &server,
            &format!("/{prefix}action-lines/c4/"),
            std::time::Duration::from_secs(10),
            |b| b.contains("a record"),
        );
    }
    // A language's missing page gets the site's 404.
    assert_eq!(server.get("/fr/reports/no-such-report/").0, 404);
}

#[test]
fn a_broken_link_is_reported_once_where_the_markdown_wrote_it_not_per_language() {
    let site = Site::fixture_in("basic", &["en", "fr", "ar"]);
    site.edit(
        "content/reports/alpha-2024.md",
        "(/reports/beta-2024/)",
        "(/reports/gamma-2024/)",
    );
    let run = site.build(&[]);
    run.assert_error(
        "content/reports/alpha-2024.md:28:15",
        "broken link `/sub/reports/gamma-2024/`",
    );
    for folder in ["/sub/fr/", "/sub/ar/"] {
        assert!(!run.stderr.contains(folder), "{}", run.stderr);
    }
}
