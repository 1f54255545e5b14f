//! The reader's site without a browser: feed, sitemap, robots.txt, page metadata,
//! the search index, fingerprinted assets, and sub-path hosting.

use crate::common;

use common::Site;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build_ok();
    site
}

#[test]
fn atom_feed_lists_reports_newest_first_with_absolute_urls() {
    let site = built();
    let xml = site.output("atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 3, "one entry per report");
    let ids: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name("id"))
                .unwrap()
                .text()
                .unwrap()
        })
        .collect();
    assert_eq!(
        ids,
        [
            "https://example.org/sub/reports/beta-2024/",
            "https://example.org/sub/reports/alpha-2024/",
            "https://example.org/sub/reports/alpha-2023/"
        ]
    );
    assert!(
        xml.contains("<summary>Alpha&#39;s year in capacity building.</summary>"),
        "{xml}"
    );
    assert!(xml.contains("<updated>2024-11-15T00:00:00Z</updated>"));
    let html = site.output("index.html");
    assert!(html.contains(r#"<link rel="alternate" type="application/atom+xml" title="Fixture tracker: reports" href="/sub/atom.xml">"#));
}

#[test]
fn sitemap_lists_every_page_and_robots_points_at_it() {
    let site = built();
    let xml = site.output("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is well-formed XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://example.org/sub/"))
    );
    for page in [
        "https://example.org/sub/",
        "https://example.org/sub/reports/alpha-2024/",
        "https://example.org/sub/years/2015/",
        "https://example.org/sub/search/",
    ] {
        assert!(locs.contains(&page), "{page}");
    }
    assert!(!locs.iter().any(|l| l.ends_with("404.html")));
    // Every HTML page but 404.html is listed.
    let html_pages = walkdir::WalkDir::new(site.root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert_eq!(locs.len(), html_pages - 1);
    assert_eq!(
        site.output("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap.xml\n"
    );
}

#[test]
fn pages_carry_title_description_canonical_and_open_graph() {
    let site = built();
    let html = site.output("reports/alpha-2024/index.html");
    assert!(
        html.contains("<title>Alpha progress report 2024 (Alpha, 2024) · Fixture tracker</title>")
    );
    assert!(
        html.contains(
            r#"<meta name="description" content="Alpha&#39;s year in capacity building.">"#
        )
    );
    assert!(html.contains(r#"<meta property="og:type" content="article">"#));
    assert!(html.contains(
        r#"<meta property="og:url" content="https://example.org/sub/reports/alpha-2024/">"#
    ));
    // Its publication date is Open Graph's published time (it has no revision date).
    assert!(html.contains(r#"<meta property="article:published_time" content="2024-10">"#));
    assert!(!html.contains("article:modified_time"));
    // One date, said once: a report has no revision date apart from its publication.
    assert_eq!(html.matches("<dt>Published</dt>").count(), 1);
    assert!(!html.contains("Last updated"), "the one date is said twice");
    assert!(html.contains(r#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#));
    let home = site.output("index.html");
    assert!(home.contains("<title>Fixture tracker</title>"));
}

#[test]
fn every_page_has_a_search_box_and_the_search_page_works_without_a_server() {
    let site = built();
    for page in ["index.html", "404.html", "reports/alpha-2023/index.html"] {
        assert!(
            site.output(page).contains(
                r#"<form class="search-box" role="search" aria-label="Site" action="/sub/search/" method="get">"#
            ),
            "{page}"
        );
    }
    let search = site.output("search/index.html");
    assert!(search.contains("needs JavaScript, which is turned off"));
    assert!(search.contains(r#"data-index="/sub/search/""#));
    let meta: serde_json::Value = serde_json::from_str(&site.output("search/meta.json")).unwrap();
    assert!(meta["docs"].as_u64().unwrap() >= 3 + 3 + 3 + 3);
    // "capacity" is indexed under its stem, pointing at reports' C4 sections, and the
    // vocabulary maps the word to the stem.
    let bundles = |kind: &str| -> serde_json::Map<String, serde_json::Value> {
        (0..)
            .map(|n| format!("search/{kind}/{n}.json.gz"))
            .take_while(|rel| site.has_output(rel))
            .flat_map(|rel| {
                let v: serde_json::Value = serde_json::from_str(&site.output(&rel)).unwrap();
                v.as_object().unwrap().clone()
            })
            .collect()
    };
    assert!(bundles("terms")["capac"].as_array().unwrap().len() >= 9);
    assert_eq!(bundles("vocab")["capacity"], "capac");
    let docs = site.output("search/docs/0.json.gz");
    assert!(docs.contains(r#""/sub/reports/alpha-2024/""#));
    assert!(docs.contains(
        r#"["wsis-action-line-c4-capacity-building","WSIS Action Line C4: Capacity building"]"#
    ));
}

#[test]
fn assets_are_fingerprinted() {
    let site = built();
    let html = site.output("index.html");
    let start = html
        .find(r#"<link rel="stylesheet" href="/sub/style."#)
        .expect("stylesheet link");
    let href = &html[start + 29..];
    let href = &href[..href.find('"').unwrap()];
    let file = href.trim_start_matches("/sub/");
    assert!(file.len() > "style..css".len() + 8, "{file}");
    assert!(site.output(file).contains("--bg"), "the default stylesheet");
    // Written once: no page links the plain name.
    assert!(!site.has_output("style.css"));
    // Changing the stylesheet changes the name.
    site.write("static/style.css", "body { color: red; }");
    site.build_ok();
    assert!(!site.output("index.html").contains(href));
}

#[test]
fn output_needs_no_javascript_except_search() {
    let site = built();
    for entry in walkdir::WalkDir::new(site.root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            let is_search = entry.path().ends_with("search/index.html");
            // JSON-LD (metric pages) is data, not a script a browser runs.
            let executable = html
                .replace(r#"<script type="application/ld+json">"#, "")
                .replace("<script type=application/ld+json>", "");
            assert_eq!(
                executable.contains("<script"),
                is_search,
                "{}",
                entry.path().display()
            );
        }
    }
}
