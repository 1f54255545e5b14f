//! The meta tags crawlers read: Zotero's and Google Scholar's `citation_*` tags on
//! report pages only (a day in the dates when the report states one, the PDF tag only
//! for a PDF original) and Open Graph's on every kind of page, with its locale.

use crate::common;

use common::Site;
use serde_json::Value;

/// The `content` of the meta tag `<meta name="name" ...>` (or `property=`), unescaped
/// for the entities the templates write.
pub(crate) fn meta(html: &str, attr: &str, name: &str) -> Vec<String> {
    let needle = format!("<meta {attr}=\"{name}\" content=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            let value = &rest[..rest.find('"').unwrap()];
            value
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&#x2F;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn a_day_is_written_in_the_date_tags_when_the_report_states_one() {
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2024.md",
        "published: 2024-10",
        "published: 2024-10-05",
    );
    site.build_ok();
    let page = site.output("reports/alpha-2024/index.html");
    assert_eq!(
        meta(&page, "name", "citation_publication_date"),
        ["2024/10/05"]
    );
    assert_eq!(
        meta(&page, "property", "article:published_time"),
        ["2024-10-05"]
    );
    let json: Value = serde_json::from_str(&common::cite_files(&page).1).unwrap();
    assert_eq!(
        json[0]["issued"]["date-parts"],
        serde_json::json!([[2024, 10, 5]])
    );
}

#[test]
fn the_pdf_tag_is_there_only_when_the_original_is_a_pdf() {
    for (source, pdf) in [
        ("https://alpha.example/reports/2024.pdf", true),
        ("https://alpha.example/reports/2024.PDF?download=1", true),
        ("https://alpha.example/reports/2024/", false),
        ("https://alpha.example/pdf", false),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            "content/reports/alpha-2024.md",
            "kind: annual-progress\n",
            &format!("kind: annual-progress\nsource_url: \"{source}\"\n"),
        );
        site.build_ok();
        let page = site.output("reports/alpha-2024/index.html");
        let tags = meta(&page, "name", "citation_pdf_url");
        if pdf {
            assert_eq!(tags, [source], "{source}");
        } else {
            assert!(tags.is_empty(), "{source}: {tags:?}");
        }
    }
}

#[test]
fn citation_meta_tags_are_on_report_pages_only() {
    let site = Site::fixture("basic");
    site.build_ok();
    for page in [
        "index.html",
        "metrics/alpha-alumni/index.html",
        "organizations/alpha/index.html",
        "years/2024/index.html",
        "action-lines/c4/index.html",
    ] {
        let html = site.output(page);
        assert!(
            !html.contains("name=\"citation_"),
            "{page} has citation tags"
        );
        assert!(!html.contains("article:published_time"), "{page}");
    }
}

#[test]
fn every_page_kind_has_open_graph_tags_with_the_locale() {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "description =",
        "language = \"fr-CA\"\ndescription =",
    );
    site.build_ok();
    for (page, kind, url) in [
        ("index.html", "website", ""),
        ("reports/index.html", "website", "reports/"),
        (
            "reports/alpha-2024/index.html",
            "article",
            "reports/alpha-2024/",
        ),
        (
            "metrics/alpha-alumni/index.html",
            "website",
            "metrics/alpha-alumni/",
        ),
        (
            "organizations/alpha/index.html",
            "website",
            "organizations/alpha/",
        ),
        ("action-lines/c4/index.html", "website", "action-lines/c4/"),
        ("years/2024/index.html", "website", "years/2024/"),
        ("search/index.html", "website", "search/"),
    ] {
        let html = site.output(page);
        assert_eq!(meta(&html, "property", "og:type"), [kind], "{page}");
        assert_eq!(meta(&html, "property", "og:locale"), ["fr_CA"], "{page}");
        assert_eq!(
            meta(&html, "property", "og:url"),
            [format!("https://example.org/sub/{url}")],
            "{page}"
        );
        assert_eq!(meta(&html, "property", "og:title").len(), 1, "{page}");
        assert_eq!(
            meta(&html, "property", "og:site_name"),
            ["Fixture tracker"],
            "{page}"
        );
    }
}
