//! Long lists cut into pages (`[pagination]` in site.toml): page 1 at the list's own
//! address, page n at `<list>/page/<n>/` in every language folder, every item on
//! exactly one page, prev/next links in the head and a pager in the page, and the
//! sitemap split into an index of files past its limit.

use crate::common;

use std::collections::BTreeSet;

use common::incremental::{BETA_2025, equals_fresh, tree};
use common::reloads::Reloads;
use common::{Server, Site};

/// The basic fixture (base URL `https://example.org/sub/`) with two more
/// organizations, five in all, and `pagination` as its `[pagination]` table.
/// Appends a `[pagination]` table with `settings` to `site`'s `site.toml`.
fn paginate(site: &Site, settings: &str) {
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}\n[pagination]\n{settings}\n"));
}

fn five_organizations(languages: &[&str], pagination: &str) -> Site {
    let site = if languages.is_empty() {
        Site::fixture("basic")
    } else {
        Site::fixture_in("basic", languages)
    };
    for (id, name) in [("gamma", "Gamma Network"), ("delta", "Delta Council")] {
        site.write(
            &format!("content/organizations/{id}.yaml"),
            &format!("id: {id}\nname: \"{name}\"\nkind: civil-society\n"),
        );
    }
    paginate(&site, pagination);
    site
}

/// The organization pages a page links to in its main content (its list), in order.
fn listed_organizations(html: &str, base: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let lead = format!("href=\"{base}organizations/");
    let mut found = Vec::new();
    for (at, _) in main.match_indices(&lead) {
        let rest = &main[at + lead.len()..];
        let id = &rest[..rest.find('"').unwrap()];
        // Organization pages only, not the index's own pages.
        if !id.is_empty() && !id.starts_with("page/") {
            found.push(id.trim_end_matches('/').to_string());
        }
    }
    found
}

/// The `href` of the head's `<link rel="{rel}">`, if any.
fn head_link(html: &str, rel: &str) -> Option<String> {
    let head = &html[..html.find("</head>").unwrap()];
    let lead = format!("<link rel=\"{rel}\" href=\"");
    let at = head.find(&lead)? + lead.len();
    Some(head[at..at + head[at..].find('"').unwrap()].to_string())
}

#[test]
fn five_items_two_a_page_make_three_pages_at_stable_addresses() {
    let site = five_organizations(&[], "page_size = 2");
    site.build_ok();
    let pages = [
        site.output("organizations/index.html"),
        site.output("organizations/page/2/index.html"),
        site.output("organizations/page/3/index.html"),
    ];
    assert!(!site.has_output("organizations/page/4/index.html"));
    assert!(!site.has_output("organizations/page/1/index.html"));
    // Every organization on exactly one page, two a page, in the list's order.
    let listed: Vec<Vec<String>> = pages
        .iter()
        .map(|p| listed_organizations(p, "/sub/"))
        .collect();
    assert_eq!(
        listed.iter().map(Vec::len).collect::<Vec<_>>(),
        [2, 2, 1],
        "{listed:?}"
    );
    let all: Vec<&String> = listed.iter().flatten().collect();
    let unique: BTreeSet<&String> = all.iter().copied().collect();
    assert_eq!(all.len(), 5);
    assert_eq!(unique.len(), 5, "{all:?}");
    // prev/next in the head, absent at the ends, under the sub-path.
    let u = |p: &str| format!("/sub/organizations/{p}");
    assert_eq!(head_link(&pages[0], "prev"), None);
    assert_eq!(head_link(&pages[0], "next"), Some(u("page/2/")));
    assert_eq!(head_link(&pages[1], "prev"), Some(u("")));
    assert_eq!(head_link(&pages[1], "next"), Some(u("page/3/")));
    assert_eq!(head_link(&pages[2], "prev"), Some(u("page/2/")));
    assert_eq!(head_link(&pages[2], "next"), None);
    // Each page is its own canonical address, and its title says which page it is.
    assert_eq!(
        head_link(&pages[1], "canonical").as_deref(),
        Some("https://example.org/sub/organizations/page/2/")
    );
    assert_eq!(
        head_link(&pages[0], "canonical").as_deref(),
        Some("https://example.org/sub/organizations/")
    );
    assert!(pages[1].contains("page 2 of 3"), "{}", pages[1]);
    // The pager names itself, says where the reader is and marks the current page.
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        assert!(page.contains("<nav class=\"pager\" aria-label=\"Pages\">"));
        assert!(page.contains(&format!("Page {n} of 3")), "{page}");
        let current = format!(
            "<a href=\"{}\" aria-label=\"Page {n}\" aria-current=\"page\">",
            if n == 1 {
                u("")
            } else {
                u(&format!("page/{n}/"))
            }
        );
        assert!(page.contains(&current), "{current} in {page}");
    }
    // A list on one page has no pager.
    assert!(!site.output("years/index.html").contains("class=\"pager\""));
}

#[test]
fn another_page_size_cuts_the_same_list_otherwise() {
    let site = five_organizations(&[], "page_size = 3");
    site.build_ok();
    assert!(site.has_output("organizations/page/2/index.html"));
    assert!(!site.has_output("organizations/page/3/index.html"));
    let second = site.output("organizations/page/2/index.html");
    assert_eq!(listed_organizations(&second, "/sub/").len(), 2);
    assert_eq!(head_link(&second, "next"), None);
}

#[test]
fn without_the_table_short_lists_stay_on_one_page() {
    let site = Site::fixture("basic");
    site.build_ok();
    let out = site.root.join("public");
    let paged = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().components().any(|c| c.as_os_str() == "page"))
        .count();
    assert_eq!(paged, 0);
}

#[test]
fn each_language_folder_has_the_same_pages() {
    let site = five_organizations(&["en", "fr"], "page_size = 2");
    site.build_ok();
    let fr = site.output("fr/organizations/page/2/index.html");
    assert!(site.has_output("fr/organizations/page/3/index.html"));
    assert!(!site.has_output("fr/organizations/page/4/index.html"));
    assert_eq!(listed_organizations(&fr, "/sub/fr/").len(), 2);
    assert_eq!(
        head_link(&fr, "next").as_deref(),
        Some("/sub/fr/organizations/page/3/")
    );
    assert_eq!(
        head_link(&fr, "prev").as_deref(),
        Some("/sub/fr/organizations/")
    );
    assert!(fr.contains("Page 2 sur 3"), "{fr}");
    // Its translation is the same page number in the other language.
    assert!(
        fr.contains("hreflang=\"en\" href=\"https://example.org/sub/organizations/page/2/\""),
        "{fr}"
    );
}

#[test]
fn a_year_cuts_its_reports_and_its_figures_alike() {
    // 2024 has two reports and several figures: one of each a page.
    let site = Site::fixture("basic");
    paginate(&site, "page_size = 1");
    site.build_ok();
    let mut reports = Vec::new();
    let mut n = 1;
    loop {
        let rel = match n {
            1 => "years/2024/index.html".to_string(),
            n => format!("years/2024/page/{n}/index.html"),
        };
        if !site.has_output(&rel) {
            break;
        }
        let html = site.output(&rel);
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        for slug in ["alpha-2024", "beta-2024"] {
            if main.contains(&format!("<a href=\"/sub/reports/{slug}/\"")) {
                reports.push((n, slug));
            }
        }
        n += 1;
    }
    // Two reports, one a page, each once; the figures need more pages.
    assert!(n > 3, "{n}");
    let slugs: BTreeSet<&str> = reports.iter().map(|(_, s)| *s).collect();
    assert_eq!(slugs.len(), 2, "{reports:?}");
    assert!(reports.iter().all(|(page, _)| *page <= 2), "{reports:?}");
}

#[test]
fn a_page_size_of_zero_or_not_a_number_is_an_error_where_it_is_written() {
    let site = Site::fixture("basic");
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    // The file, a blank line, `[pagination]`, then the key.
    let line = toml.lines().count() + 3;
    for (table, column, said) in [
        ("page_size = 0", 13, "at least 1"),
        ("page_size = -3", 13, "at least 1"),
        ("page_size = \"ten\"", 13, "whole number of at least 1"),
        ("page_size = 2.5", 13, "whole number of at least 1"),
        ("sitemap_urls = 0", 16, "at least 1"),
        ("page_sise = 10", 1, "page_sise"),
    ] {
        site.write("site.toml", &format!("{toml}\n[pagination]\n{table}\n"));
        site.build(&[])
            .assert_error(&format!("site.toml:{line}:{column}"), said);
    }
}

/// Every `<loc>` of a sitemap file.
fn locs(xml: &str) -> Vec<String> {
    xml.split("<loc>")
        .skip(1)
        .map(|s| s[..s.find("</loc>").unwrap()].to_string())
        .collect()
}

#[test]
fn a_sitemap_over_its_limit_becomes_an_index_of_files() {
    let site = five_organizations(&[], "page_size = 2\nsitemap_urls = 4");
    site.build_ok();
    let index = site.output("sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    assert!(!index.contains("<urlset"), "{index}");
    let files = locs(&index);
    assert!(files.len() > 1, "{files:?}");
    let mut listed = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        assert_eq!(file, &format!("https://example.org/sub/{name}"));
        let part = site.output(&name);
        assert!(part.contains("<urlset"), "{part}");
        let urls = locs(&part);
        assert!(!urls.is_empty() && urls.len() <= 4, "{name}: {urls:?}");
        listed.extend(urls);
    }
    assert!(!site.has_output(&format!("sitemap-{}.xml", files.len() + 1)));
    // Every page once, the later pages of a list among them.
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "{listed:?}");
    for page in [
        "",
        "organizations/",
        "organizations/page/2/",
        "organizations/page/3/",
    ] {
        let url = format!("https://example.org/sub/{page}");
        assert!(listed.contains(&url), "{url} not in {listed:?}");
    }
    // Under the limit, one file lists them all.
    let small = five_organizations(&[], "page_size = 2");
    small.build_ok();
    let whole = small.output("sitemap.xml");
    assert!(whole.contains("<urlset"), "{whole}");
    let mut all = locs(&whole);
    all.sort();
    listed.sort();
    assert_eq!(all, listed);
    assert!(!small.has_output("sitemap-1.xml"));
}

/// The basic fixture with `n` more reports of 2024 by `alpha`, each with two
/// sections on action line C1, and `[pagination] page_size = {size}`.
fn many_sections(n: usize, size: usize) -> Site {
    let site = Site::fixture("basic");
    for i in 0..n {
        site.write(
            &format!("content/reports/extra-{i:02}.md"),
            &format!(
                "---\ntitle: \"Extra {i}\"\norganization: alpha\nyear: 2024\n\
                 published: 2024-12-01\nkind: annual-progress\n---\n\
                 ## WSIS Action Line C1: First part {i}\n\nOne sentence {i}.\n\n\
                 ## WSIS Action Line C1: Second part {i}\n\nAnother sentence {i}.\n"
            ),
        );
    }
    paginate(&site, &format!("page_size = {size}"));
    site
}

/// The section links (`/sub/reports/<slug>/#<anchor>`) in a page's main content.
fn section_links(html: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    main.match_indices("href=\"/sub/reports/")
        .map(|(at, _)| {
            let rest = &main[at + 6..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .filter(|l| l.contains("#wsis-action-line-c1"))
        .collect()
}

#[test]
fn an_action_line_year_cuts_its_sections_each_onto_one_page() {
    // 31 reports of two sections each and alpha-2024's own: more than the 60 an
    // action line shows itself, so C1 has a page for 2024, cut into pages of 25.
    for (size, pages) in [(25, 3), (40, 2)] {
        let site = many_sections(31, size);
        site.build_ok();
        let mut seen = Vec::new();
        for n in 1..=pages {
            let rel = match n {
                1 => "action-lines/c1/2024/index.html".to_string(),
                n => format!("action-lines/c1/2024/page/{n}/index.html"),
            };
            let links = section_links(&site.output(&rel));
            assert!(links.len() <= size, "{rel}: {}", links.len());
            seen.extend(links);
        }
        assert!(!site.has_output(&format!(
            "action-lines/c1/2024/page/{}/index.html",
            pages + 1
        )));
        let unique: BTreeSet<&String> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "a section twice: {seen:?}");
        assert_eq!(seen.len(), 63, "{size}");
        // Newest first as on one page: the last report's sections lead page 1.
        assert!(seen[0].contains("extra-30"), "{:?}", &seen[..2]);
    }
}

#[test]
fn a_metric_keeps_its_chart_on_its_first_page() {
    let site = Site::fixture("basic");
    paginate(&site, "page_size = 1");
    site.build_ok();
    let first = site.output("metrics/beta-initiatives/index.html");
    let second = site.output("metrics/beta-initiatives/page/2/index.html");
    assert!(first.contains("<figure class=\"chart-figure\">"), "{first}");
    assert!(
        !second.contains("<figure class=\"chart-figure\">"),
        "{second}"
    );
    assert!(first.contains("application/ld+json"));
    assert!(!second.contains("application/ld+json"));
    // One figure row a page.
    let rows = |html: &str| html.matches("<tr id=\"").count();
    assert_eq!(rows(&first), 1, "{first}");
    assert_eq!(rows(&second), 1, "{second}");
}

#[test]
fn serve_rebuilds_the_later_page_of_a_list_showing_an_edited_report() {
    // 2024 lists alpha-2024, then beta-2024: one a page, beta's is page 2.
    let site = Site::fixture("basic");
    paginate(&site, "page_size = 1");
    let server = Server::start(&site);
    let page = "/years/2024/page/2/";
    assert!(server.get(page).2.contains("Beta submission 2024"));
    let mut reloads = Reloads::open(server.port, None);
    site.save(
        "content/reports/beta-2024.md",
        "title: \"Beta submission 2024\"",
        "title: \"Beta submission for 2024\"",
    );
    reloads.wait_for(page, std::time::Duration::from_secs(20));
    assert!(server.get(page).2.contains("Beta submission for 2024"));
}

/// The incremental build's fixture (three languages, minified) built, then built
/// again with lists cut into pages of one item: the
/// later pages come out as in a fresh build.
fn paginated() -> Site {
    let site = Site::fixture("incremental");
    site.build_ok();
    equals_fresh("pagination set", &site, |s| {
        paginate(s, "page_size = 1");
    });
    assert!(site.has_output("fr/metrics/beta-initiatives/page/2/index.html"));
    site
}

#[test]
fn a_report_deleted_from_lists_cut_into_pages() {
    // Lists lose pages: the pages gone are removed, those left rendered as fresh.
    let site = paginated();
    let later_pages = |s: &Site| tree(s).keys().filter(|p| p.contains("/page/")).count();
    let before = later_pages(&site);
    let (pages, rendered) = equals_fresh("report deleted, paginated", &site, |s| {
        std::fs::remove_file(s.root.join("content/reports/alpha-2023.md")).unwrap();
    });
    assert!(later_pages(&site) < before, "{before}");
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_report_added_to_lists_cut_into_pages() {
    let site = paginated();
    let (pages, rendered) = equals_fresh("report added, paginated", &site, |s| {
        s.write("content/reports/beta-2025.md", BETA_2025);
    });
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

#[test]
fn a_report_retitled_on_a_later_page_of_a_list() {
    // Alpha's reports are listed newest first, one a page: alpha-2023 is on the second
    // page of its organization's list. That page is redone, as in a fresh build, while
    // pages showing nothing of the report are kept.
    let site = paginated();
    assert!(
        site.output("organizations/alpha/page/2/index.html")
            .contains("Alpha progress report 2023")
    );
    let (pages, rendered) = equals_fresh("report retitled, paginated", &site, |s| {
        s.edit(
            "content/reports/alpha-2023.md",
            "title: \"Alpha progress report 2023\"",
            "title: \"Alpha report on 2023\"",
        );
    });
    assert!(
        site.output("organizations/alpha/page/2/index.html")
            .contains("Alpha report on 2023")
    );
    assert!(rendered > 0 && rendered < pages, "{rendered} of {pages}");
}

/// The years an action line page links a page of, ascending, from its `/sub/` links.
fn year_page_years(html: &str, line: &str) -> Vec<i32> {
    let prefix = format!("href=\"/sub/action-lines/{line}/");
    let mut years: Vec<i32> = html
        .match_indices(&prefix)
        .filter_map(|(at, _)| html[at + prefix.len()..].get(..5))
        .filter(|y| y.ends_with('/'))
        .filter_map(|y| y[..4].parse().ok())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

#[test]
fn each_page_of_an_action_line_year_links_the_years_before_and_after() {
    // Sections in 2019 and 2021 besides the fixture's and 2024's 31 reports: the year
    // pages link their neighbours among the years with sections, skipping the others,
    // on every page a year is cut into.
    let site = many_sections(31, 25);
    for year in [2019, 2021] {
        site.write(
            &format!("content/reports/early-{year}.md"),
            &format!(
                "---\ntitle: \"Early {year}\"\norganization: alpha\nyear: {year}\n\
                 published: {year}-12-01\nkind: annual-progress\n---\n\
                 ## WSIS Action Line C1: Early part\n\nOne sentence.\n"
            ),
        );
    }
    site.build_ok();
    let years = year_page_years(&site.output("action-lines/c1/index.html"), "c1");
    assert!(
        years.len() >= 3 && years.contains(&2019) && years.contains(&2021),
        "{years:?}"
    );
    for (i, &year) in years.iter().enumerate() {
        let url = |y: i32| format!("/sub/action-lines/c1/{y}/");
        let prev = i.checked_sub(1).map(|p| url(years[p]));
        let next = years.get(i + 1).map(|&n| url(n));
        let mut pages = vec![format!("action-lines/c1/{year}/index.html")];
        pages.extend(
            (2..=3)
                .map(|n| format!("action-lines/c1/{year}/page/{n}/index.html"))
                .filter(|p| site.has_output(p)),
        );
        for page in &pages {
            let html = site.output(page);
            let nav = &html[html.find("<main").unwrap()..];
            let link = |rel: &str| {
                let open = format!("<a rel=\"{rel}\" href=\"");
                let at = nav.find(&open)? + open.len();
                Some(nav[at..at + nav[at..].find('"')?].to_string())
            };
            assert_eq!(link("prev"), prev, "{page}");
            assert_eq!(link("next"), next, "{page}");
        }
    }
}
