//! `wsis serve`: the site served from memory on loopback, edits visible within a
//! second, an overlay while the content has an error, and no way out of the site.

use crate::common;

use std::time::{Duration, Instant};

use common::reloads::Reloads;
use common::{Server, Site, wait_for};

#[test]
fn serves_pages_with_live_reload_and_shows_edits_within_a_second() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, head, body) = server.get("/reports/alpha-2024/");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8")
    );
    assert!(body.contains("grew to 407 members"));
    assert!(
        body.contains(
            "new EventSource(\"/__wsis/events?page=\"+encodeURIComponent(location.pathname))"
        ),
        "live reload injected, naming the page"
    );
    // Served under the server's own address, not site.toml's.
    assert!(body.contains(&format!(
        "href=\"http://127.0.0.1:{}/reports/alpha-2024/\"",
        server.port
    )));

    // The page's reload events, as its script receives them: each page is announced
    // once it shows the edit, the report's own page first, the pages showing the
    // report after it.
    let mut reloads = Reloads::open(server.port, Some("/reports/alpha-2024/"));
    let saved = Instant::now();
    site.save(
        "content/reports/alpha-2024.md",
        "In 2024 the alumni network grew to 407 members.",
        "In 2024 the alumni network grew to 407 members, a record.",
    );
    let events = reloads.wait_for("/reports/alpha-2024/", Duration::from_secs(5));
    let took = saved.elapsed();
    let (_, _, report) = server.get("/reports/alpha-2024/");
    assert!(
        report.contains("a record"),
        "announced before it was rendered"
    );
    assert!(took < Duration::from_secs(1), "edit took {took:?}");
    assert!(
        events.iter().all(|e| !e.contains("/action-lines/c4/")),
        "the report's page first: {events:?}"
    );
    // The edit reached the pages that show the report, not only its own page.
    reloads.wait_for("/action-lines/c4/", Duration::from_secs(5));
    let (_, _, c4) = server.get("/action-lines/c4/");
    assert!(c4.contains("a record"));
    // The log line follows the rebuild, which readers may see before it is printed.
    let started = Instant::now();
    while !server.log.lock().unwrap().contains("Rebuilt") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no rebuild logged"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_error_shows_an_overlay_until_it_is_fixed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    site.edit(
        "content/reports/alpha-2024.md",
        "metric: alpha-grants",
        "metric: alpha-grant",
    );
    wait_for(&server, "/", Duration::from_secs(5), |b| {
        b.contains("wsis-overlay")
    });
    let (status, _, body) = server.get("/metrics/");
    assert_eq!(status, 200, "the last good pages stay served");
    assert!(
        body.contains("content/reports/alpha-2024.md:15:13: unknown metric `alpha-grant`"),
        "{body}"
    );
    site.edit(
        "content/reports/alpha-2024.md",
        "metric: alpha-grant",
        "metric: alpha-grants",
    );
    wait_for(&server, "/", Duration::from_secs(5), |b| {
        !b.contains("wsis-overlay")
    });
}

#[test]
fn new_and_removed_reports_come_and_go() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let text = std::fs::read_to_string(site.root.join("content/reports/alpha-2023.md")).unwrap();
    site.write(
        "content/reports/alpha-2022.md",
        &text.replace("2023", "2022"),
    );
    wait_for(&server, "/reports/", Duration::from_secs(5), |b| {
        b.contains("/reports/alpha-2022/")
    });
    assert_eq!(server.get("/reports/alpha-2022/").0, 200);
    std::fs::remove_file(site.root.join("content/reports/alpha-2022.md")).unwrap();
    wait_for(&server, "/reports/", Duration::from_secs(5), |b| {
        !b.contains("/reports/alpha-2022/")
    });
    assert_eq!(server.get("/reports/alpha-2022/").0, 404);
}

#[test]
fn refuses_paths_outside_the_site_and_uses_the_site_404() {
    let site = Site::fixture("basic");
    site.write("secret.txt", "do not serve");
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/reports/%2e%2e%2f..%2fsecret.txt",
        "/a%5c..%5csecret.txt",
    ] {
        let (status, _, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("do not serve"), "{path}");
    }
    let (status, _, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    let (status, head, _) = server.get("/reports/alpha-2024");
    assert_eq!(status, 301);
    assert!(
        head.to_lowercase()
            .contains("location: /reports/alpha-2024/")
    );
    let long = format!("/{}", "a".repeat(5000));
    assert_eq!(server.get(&long).0, 414);
    // The stylesheet, under the name the pages link it by.
    let (_, _, home) = server.get("/");
    let at = home.find("href=\"/style.").expect("the stylesheet's link") + 6;
    let css = &home[at..at + home[at..].find('"').unwrap()];
    let (status, head, _) = server.get(css);
    assert_eq!(status, 200, "{css}");
    assert!(head.to_lowercase().contains("content-type: text/css"));
    let (_, head, _) = server.get("/data/metrics.csv");
    assert!(head.to_lowercase().contains("content-type: text/csv"));
    // A search bundle as written, gzip-compressed, with no `Content-Encoding` that
    // would have the browser inflate it before `search.js` does.
    let (status, head, body) = server.get("/search/docs/0.json.gz");
    assert_eq!(status, 200);
    let head = head.to_lowercase();
    assert!(head.contains("content-type: application/gzip"), "{head}");
    assert!(!head.contains("content-encoding"), "{head}");
    assert!(body.starts_with("\u{1f}"), "not gzip");
}

#[test]
fn build_output_never_has_the_live_reload_script() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(!site.output("index.html").contains("EventSource"));
    assert!(!site.output("index.html").contains("<script"));
}

#[test]
fn many_concurrent_clients_and_a_client_that_hangs_up() {
    use std::io::Write;
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let port = server.port;
    // Clients that hang up: mid-request, right after the request, and mid-response.
    for partial in [
        "GET /reports/",
        "GET /reports/alpha-2024/ HTTP/1.1\r\nHost: x\r\n\r\n",
    ] {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(partial.as_bytes()).unwrap();
        drop(s);
    }
    {
        use std::io::Read;
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /data/metrics.csv HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut first = [0u8; 16];
        s.read_exact(&mut first).unwrap();
        drop(s);
    }
    // A bounded load: 16 clients, 25 requests each, every answer complete and right.
    let started = Instant::now();
    let handles: Vec<_> = (0..16)
        .map(|t| {
            std::thread::spawn(move || {
                for i in 0..25 {
                    let path = if (t + i) % 2 == 0 {
                        "/reports/alpha-2024/"
                    } else {
                        "/metrics/alpha-alumni/"
                    };
                    let (status, _, body) = common::http_get(port, path);
                    assert_eq!(status, 200, "{path}");
                    assert!(
                        body.trim_end().ends_with("</html>"),
                        "a truncated answer for {path}"
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a client failed");
    }
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(server.get("/").0, 200, "still serving after the load");
}

/// Issue 12, case 8: `GET //reports` was answered with `Location: //reports/`, which a
/// browser reads as the host `reports`. Every redirect goes to a path on this host.
#[test]
fn folder_redirects_never_name_another_host() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    for (path, expected) in [
        ("//reports", "/reports/"),
        ("///reports", "/reports/"),
        ("//reports/alpha-2024", "/reports/alpha-2024/"),
        ("/reports//alpha-2024", "/reports/alpha-2024/"),
        ("/%2Freports", "/reports/"),
        ("/reports", "/reports/"),
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 301, "{path}");
        let location = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("location")
                    .then(|| value.trim().to_string())
            })
            .unwrap_or_else(|| panic!("{path}: no Location in {head}"));
        assert_eq!(location, expected, "{path}");
        assert!(!location.starts_with("//"), "{path}: {location}");
    }
}

#[test]
fn a_saved_report_s_warnings_are_printed() {
    // Issue 13: an unmarked restatement is pointed out as the editor saves it.
    let site = Site::fixture("figures");
    let server = Server::start(&site);
    site.edit(
        "content/reports/own-2024.md",
        "    restates: own-2023\n",
        "",
    );
    let started = Instant::now();
    while !server
        .log
        .lock()
        .unwrap()
        .contains("repeats the figure of own-2023")
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no warning; log:\n{}",
            server.log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        server
            .log
            .lock()
            .unwrap()
            .contains("warning: content/reports/own-2024.md:59:13")
    );
}
