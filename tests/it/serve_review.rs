//! The review page of `wsis serve`: candidates shown escaped, and writes only from
//! this server's own page with this run's token, by POST; each changes only its
//! entry, and a page older than the file is refused.

use crate::common;

use std::time::Duration;

use common::{Server, Site, http, wait_for};

const REPORT: &str = "content/reports/alpha-2024.md";
const DRAFT: &str = "content/reports/beta-2025.md";

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root.join(rel)).unwrap()
}

/// The value of the first hidden input `name` on `page`.
fn hidden(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {page}"))
        + key.len();
    page[start..start + page[start..].find('"').unwrap()].to_string()
}

fn encode(fields: &[(&str, &str)]) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, NON_ALPHANUMERIC)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the page's forms hold: the token and the file's fingerprint.
fn form(server: &Server, slug: &str) -> (String, String) {
    let (status, _, page) = server.get(&format!("/__wsis/review/{slug}/"));
    assert_eq!(status, 200, "{page}");
    (hidden(&page, "token"), hidden(&page, "fingerprint"))
}

/// POSTs `fields` to a report's action address as the review page would, with
/// `headers` on top of `Host`.
fn post(
    server: &Server,
    slug: &str,
    headers: &[(&str, &str)],
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let origin = format!("127.0.0.1:{}", server.port);
    let mut all = vec![
        ("Host", origin.as_str()),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    all.extend_from_slice(headers);
    http(
        server.port,
        "POST",
        &format!("/__wsis/review/{slug}/act"),
        &all,
        &encode(fields),
    )
}

#[test]
fn the_page_lists_candidates_escaped_and_cannot_be_framed() {
    let site = Site::fixture("candidates");
    let server = Server::start(&site);
    let (status, head, index) = server.get("/__wsis/review/");
    assert_eq!(status, 200);
    assert!(
        index.contains("<a href=\"/__wsis/review/alpha-2024/\">alpha-2024</a>: 2 candidates"),
        "{index}"
    );
    assert!(index.contains("beta-2025</a>: 1 candidate<"), "{index}");
    let head = head.to_lowercase();
    assert!(head.contains("x-frame-options: deny"), "{head}");
    assert!(head.contains("frame-ancestors 'none'"), "{head}");

    let (status, _, page) = server.get("/__wsis/review/alpha-2024/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Quillwort &lt;b&gt;members&lt;/b&gt; &amp; co: 7,654,321 # not in the text"),
        "{page}"
    );
    assert!(!page.contains("<b>members</b>"));
    assert!(
        page.contains("&quot;&amp; co&quot; &lt;unsure&gt;"),
        "the comment, escaped: {page}"
    );
    assert!(page.contains("not in the report's text"));
    // The second candidate's sentence, marked in its paragraph.
    assert!(
        page.contains("We committed $264,100 <mark>to support 37 initiatives</mark>."),
        "{page}"
    );
    assert!(
        page.contains("Initiatives supported"),
        "the proposed metric"
    );
    assert!(page.contains("<label for=\"quote-3\">Quote</label>"));
    // A page of another name resolved to this machine (DNS rebinding) gets nothing.
    let evil = format!("evil.example:{}", server.port);
    let (status, _, body) = http(
        server.port,
        "GET",
        "/__wsis/review/alpha-2024/",
        &[("Host", &evil)],
        "",
    );
    assert_eq!(status, 403);
    assert!(!body.contains("name=\"token\""));
    assert!(
        server.log.lock().unwrap().contains("/__wsis/review/"),
        "startup names the page"
    );
}

#[test]
fn accepting_from_the_page_changes_the_file_and_the_site() {
    let site = Site::fixture("candidates");
    let server = Server::start(&site);
    let (token, fingerprint) = form(&server, "alpha-2024");
    let before = read(&site, REPORT);
    let origin = format!("http://127.0.0.1:{}", server.port);
    let (status, head, _) = post(
        &server,
        "alpha-2024",
        &[("Origin", &origin), ("Sec-Fetch-Site", "same-origin")],
        &[
            ("token", &token),
            ("fingerprint", &fingerprint),
            ("index", "3"),
            ("action", "accept"),
        ],
    );
    assert_eq!(status, 303, "{head}");
    assert!(
        head.to_lowercase()
            .contains("location: /__wsis/review/alpha-2024/"),
        "{head}"
    );
    let expected = before
        .replace(
            "    review: candidate  # 0.88: initiatives after the number\n",
            "",
        )
        .replace(
            "    proposed_metric: {title: \"Initiatives supported\", unit: count}\n",
            "",
        );
    assert_eq!(read(&site, REPORT), expected);
    assert!(read(&site, "content/metrics.yaml").contains("id: alpha-initiatives"));
    wait_for(
        &server,
        "/reports/alpha-2024/",
        Duration::from_secs(10),
        |b| b.contains("fig-alpha-initiatives-2024"),
    );
}

#[test]
fn writes_without_token_or_from_elsewhere_are_refused() {
    let site = Site::fixture("candidates");
    let server = Server::start(&site);
    let (token, fingerprint) = form(&server, "alpha-2024");
    let before = read(&site, REPORT);
    let origin = format!("http://127.0.0.1:{}", server.port);
    let wrong = "0123456789abcdef".repeat(4);
    let other = [("Origin", "http://evil.example")];
    let cross = [
        ("Origin", origin.as_str()),
        ("Sec-Fetch-Site", "cross-site"),
    ];
    let ours = [("Origin", origin.as_str())];
    // What is wrong, the headers sent, the token sent.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], Option<&'a str>);
    let cases: [Case<'_>; 5] = [
        ("no token", &ours, None),
        ("wrong token", &ours, Some(&wrong)),
        ("other origin", &other, Some(&token)),
        ("cross-site fetch", &cross, Some(&token)),
        ("no origin or referer", &[], Some(&token)),
    ];
    for (what, headers, token) in cases {
        let mut fields = vec![
            ("fingerprint", fingerprint.as_str()),
            ("index", "1"),
            ("action", "reject"),
        ];
        if let Some(t) = token {
            fields.push(("token", t));
        }
        let (status, _, _) = post(&server, "alpha-2024", headers, &fields);
        assert_eq!(status, 403, "{what}");
        assert_eq!(read(&site, REPORT), before, "{what}");
    }
    // Never on GET, even with everything right.
    let query = encode(&[
        ("token", &token),
        ("fingerprint", &fingerprint),
        ("index", "1"),
        ("action", "reject"),
    ]);
    let (status, _, _) = server.get(&format!("/__wsis/review/alpha-2024/act?{query}"));
    assert_eq!(status, 405);
    assert_eq!(read(&site, REPORT), before);
}

#[test]
fn reject_and_edit_change_only_their_entry_and_stale_pages_are_refused() {
    let site = Site::fixture("candidates");
    let server = Server::start(&site);
    let origin = format!("http://127.0.0.1:{}", server.port);
    let (token, fingerprint) = form(&server, "alpha-2024");
    let before = read(&site, REPORT);
    let reject = [
        ("token", token.as_str()),
        ("fingerprint", fingerprint.as_str()),
        ("index", "1"),
        ("action", "reject"),
    ];
    let (status, _, _) = post(
        &server,
        "alpha-2024",
        &[("Referer", &format!("{origin}/__wsis/review/alpha-2024/"))],
        &reject,
    );
    assert_eq!(status, 303);
    let start = before
        .find("  - metric: alpha-alumni\n    value: 7654321")
        .unwrap();
    let end = before.find("  - metric: alpha-grants").unwrap();
    assert_eq!(
        read(&site, REPORT),
        format!("{}{}", &before[..start], &before[end..])
    );

    // The same form again: the file changed since that page was shown.
    let after = read(&site, REPORT);
    let (status, _, body) = post(&server, "alpha-2024", &[("Origin", &origin)], &reject);
    assert_eq!(status, 409, "{body}");
    assert_eq!(read(&site, REPORT), after);

    // A flow-style entry edited: only its value changes.
    let (token, fingerprint) = form(&server, "beta-2025");
    let draft = read(&site, DRAFT);
    let edit = [
        ("token", token.as_str()),
        ("fingerprint", fingerprint.as_str()),
        ("index", "0"),
        ("action", "edit"),
        ("metric", "beta-initiatives"),
        ("value", "13"),
        ("low", ""),
        ("high", ""),
        ("bound", "exact"),
        ("status", "actual"),
        ("year", "2025"),
        ("quote", "We recognized 12 initiatives."),
    ];
    let (status, _, body) = post(&server, "beta-2025", &[("Origin", &origin)], &edit);
    assert_eq!(status, 303, "{body}");
    assert_eq!(
        read(&site, DRAFT),
        draft.replace("value: 12,", "value: 13,")
    );
}
