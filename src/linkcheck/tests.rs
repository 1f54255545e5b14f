//! The link check's unit tests: scanning, resolving, and what is checked again.
use super::*;

const NO_ORIGINS: Origins<'static> = Origins {
    heading_at: &|_, _| None,
    link_at: &|_, _| None,
};

/// A page's links as strings.
fn links(r: &PageRefs) -> Vec<&str> {
    r.links.iter().map(|l| &**l).collect()
}

/// The errors of checking `pages` of the site at `https://e.org/w/`, with no
/// other files.
fn no_files(pages: &HashMap<String, PageRefs>) -> Vec<Diagnostic> {
    check(
        pages,
        None,
        &|_| false,
        &NO_ORIGINS,
        "/w/",
        "https://e.org/w/",
    )
}

fn site() -> HashMap<String, PageRefs> {
    let mut pages = HashMap::new();
    pages.insert(
        String::new(),
        scan(r##"<a href="/w/reports/a/#fig-x">x</a> <a href="https://e.org/">e</a> <a href="#top">t</a> <p id="top">"##),
    );
    pages.insert("reports/a/".into(), scan(r#"<span class="anchor" id="fig-x"></span><a href="../../">up</a><link href="/w/style.css">"#));
    pages
}

#[test]
fn percent_decoding_never_panics() {
    assert_eq!(percent_decode("a%20b"), "a b");
    assert_eq!(percent_decode("%é%"), "%é%");
}

#[test]
fn scans_attributes() {
    let r = scan(r#"<a href="/x/?a=1&amp;b=2" id="k">see id="not-this"</a>"#);
    assert_eq!(links(&r), vec!["/x/?a=1&b=2"]);
    assert!(r.has_id("k"));
    assert!(!r.has_id("not-this"));
    let r = scan(r#"<a href="/a/">1</a><a href="/a/">2</a><img alt="x" src="/i.png">"#);
    assert_eq!(links(&r), vec!["/a/", "/i.png"], "each link once");
    let r = scan(r#"<h2 id="a"></h2><p id="a"></p>"#);
    assert_eq!(r.duplicate_ids, vec!["a"]);
}

#[test]
fn a_data_address_is_not_kept_as_a_link() {
    let r = scan(
        r#"<a href="data:application/x-bibtex;base64,QA==" download="k.bib">b</a><a href="/x/">x</a><img src="data:image/png;base64,AA">"#,
    );
    assert_eq!(links(&r), vec!["/x/"]);
}

#[test]
fn a_quoted_angle_bracket_does_not_end_a_tag() {
    let r = scan(r#"<a title="1 > 0" href="/x/">x</a><p title='a>b' id="k">"#);
    assert_eq!(links(&r), vec!["/x/"]);
    assert!(r.has_id("k"));
    // A quote left open runs to the end of the page: nothing after it is a tag.
    let r = scan(r#"<a title="open><a href="/y/">"#);
    assert!(r.links.is_empty());
    // A page ending in `<` or inside a tag.
    assert!(scan("<").links.is_empty());
    assert_eq!(links(&scan(r#"<a href="/z/""#)), vec!["/z/"]);
}

#[test]
fn resolves_pages_fragments_and_files() {
    let is_file = |p: &Path| p == Path::new("style.css");
    let errors = check(
        &site(),
        None,
        &is_file,
        &NO_ORIGINS,
        "/w/",
        "https://e.org/w/",
    );
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn reports_missing_pages_and_fragments() {
    let mut pages = site();
    pages.insert(
        "reports/b/".into(),
        scan(r#"<a href="/w/reports/a/#nope">1</a><a href="/w/reports/zz/">2</a><a href="/elsewhere/">3</a>"#),
    );
    let errors = no_files(&pages);
    let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("no element with id `nope`"))
    );
    assert!(messages.iter().any(|m| m.contains("/w/reports/zz/")));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("outside the site's base path"))
    );
}

#[test]
fn a_page_s_index_html_is_its_address_once_only() {
    // From a red-team read: the suffix was trimmed as often as it repeated.
    let mut pages = site();
    pages.insert(
        "reports/b/".into(),
        scan(r#"<a href="/w/reports/a/index.html#fig-x">1</a><a href="/w/reports/a/index.htmlindex.html">2</a><a href="/w/index.html">3</a>"#),
    );
    let is_file = |p: &Path| p == Path::new("style.css");
    let errors = check(
        &pages,
        None,
        &is_file,
        &NO_ORIGINS,
        "/w/",
        "https://e.org/w/",
    );
    let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("index.htmlindex.html"), "{messages:?}");
}

#[test]
fn a_missing_paragraph_is_named_as_one() {
    let mut pages = site();
    pages.insert(
        "documents/a-res-80-173/".into(),
        scan(r#"<li id="para-113" value="113">We request</li>"#),
    );
    pages.insert(
        "reports/c/".into(),
        scan(r#"<a href="/w/documents/a-res-80-173/#para-113">ok</a><a href="/w/documents/a-res-80-173/#para-9">9</a><a href="/w/reports/a/#para-9">other</a>"#),
    );
    let link_at = |page: &str, link: &str| {
        (page == "reports/c/" && link.starts_with("/w/documents/"))
            .then(|| (PathBuf::from("content/reports/c.md"), Location::new(4, 7)))
    };
    let origins = Origins {
        heading_at: &|_, _| None,
        link_at: &link_at,
    };
    let is_file = |p: &Path| p == Path::new("style.css");
    let errors = check(&pages, None, &is_file, &origins, "/w/", "https://e.org/w/");
    assert_eq!(errors.len(), 2, "{errors:?}");
    let paragraph = errors
        .iter()
        .find(|e| e.message.contains("documents/a-res-80-173/#para-9"))
        .unwrap();
    assert!(
        paragraph
            .message
            .contains("the document `a-res-80-173` has no paragraph 9 on its page"),
        "{paragraph:?}"
    );
    assert_eq!(paragraph.file, PathBuf::from("content/reports/c.md"));
    assert_eq!(paragraph.location, Some(Location::new(4, 7)));
    // `para-9` on a page that is not a document's is an ordinary missing id.
    let other = errors
        .iter()
        .find(|e| e.message.contains("reports/a/#para-9"))
        .unwrap();
    assert!(other.message.contains("no element with id `para-9`"));
    assert!(other.file.to_string_lossy().contains("(output page)"));
}

#[test]
fn only_pages_whose_links_changed_are_checked_again_while_ids_stay() {
    let before = site();
    let recheck =
        |pages: &HashMap<String, PageRefs>| to_recheck(pages, before.len(), |p| before.get(p));
    let mut pages = site();
    assert_eq!(recheck(&pages), Some(HashSet::new()));
    // A page with a new link, same ids: that page alone.
    let a = r#"<span class="anchor" id="fig-x"></span><a href="../../">up</a>"#;
    pages.insert(
        "reports/a/".into(),
        scan(&format!(r#"{a}<a href="/w/b/">"#)),
    );
    let only = recheck(&pages).unwrap();
    assert_eq!(only, HashSet::from(["reports/a/".to_string()]));
    assert_eq!(
        no_files(&pages).len(),
        check(
            &pages,
            Some(&only),
            &|_| false,
            &NO_ORIGINS,
            "/w/",
            "https://e.org/w/"
        )
        .len()
    );
    // Its ids changed: a link to it from an unchanged page may break.
    pages.insert("reports/a/".into(), scan(r#"<span id="fig-y"></span>"#));
    assert_eq!(recheck(&pages), None);
    // A page more, or one gone.
    let mut more = site();
    more.insert("reports/b/".into(), PageRefs::default());
    assert_eq!(recheck(&more), None);
    more.remove("reports/a/");
    assert_eq!(recheck(&more), None);
}

#[test]
fn a_link_resolved_once_is_not_taken_for_sound_on_a_page_where_it_is_not() {
    let mut pages = HashMap::new();
    // The same links on two pages: a root path to a page, one to nothing, and a
    // relative one that resolves from the first page only.
    let links = r#"<a href="/w/a/">a</a><a href="/w/gone/">g</a><a href="b/">b</a>"#;
    pages.insert("a/".to_string(), scan(links));
    pages.insert("a/b/".to_string(), scan(""));
    pages.insert("c/".to_string(), scan(links));
    let errors = no_files(&pages);
    let shown: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.file.display(), e.message))
        .collect();
    assert_eq!(
        shown,
        [
            "/w/a/ (output page): broken link `/w/gone/`: no page or file of the site is there",
            "/w/c/ (output page): broken link `/w/gone/`: no page or file of the site is there",
            "/w/c/ (output page): broken link `b/`: no page or file of the site is there",
        ]
    );
}

/// Two pages with the same link hold one copy of its string between their rendering
/// and the link check (most of a GiB at 100,000 reports when each held its own).
#[test]
fn pages_with_the_same_link_share_its_string() {
    let a = scan(r#"<a href="/shared-by-pages/">x</a><a href="/a-only/">y</a>"#);
    let b = scan(r#"<nav><a href="/shared-by-pages/">x</a></nav>"#);
    assert!(std::sync::Arc::ptr_eq(&a.links[0], &b.links[0]));
    assert_eq!(links(&a), ["/shared-by-pages/", "/a-only/"]);
}

#[test]
fn a_large_site_checked_in_slices_names_every_page_in_order() {
    // More pages than one slice holds, each with the same broken link from the site's
    // root and one page-relative broken link: every page is named, in the pages' order,
    // whichever slice (and thread) checked it.
    let count = MIN_SLICE * 5 + 3;
    let pages: HashMap<String, PageRefs> = (0..count)
        .map(|i| {
            let html = format!(
                r#"<a href="/w/gone/">g</a><a href="../p{:05}/">next</a>"#,
                i + 1
            );
            (format!("p{i:05}/"), scan(&html))
        })
        .collect();
    let named: Vec<(String, bool)> = no_files(&pages)
        .iter()
        .map(|e| (e.file.display().to_string(), e.message.contains("/w/gone/")))
        .collect();
    let mut expected = Vec::new();
    for i in 0..count {
        let page = format!("/w/p{i:05}/ (output page)");
        expected.push((page.clone(), true));
        if i + 1 == count {
            expected.push((page, false));
        }
    }
    assert_eq!(named, expected);
}
