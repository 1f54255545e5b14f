//! Serving the site's files from memory: paths kept inside the site, the site's 404
//! page, and on HTML pages the live-reload script and the error overlay.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::diagnostic::Diagnostic;
use crate::markdown::escape;

use super::{MAX_PATH, Shared};

/// Serves a file of the site, the site's 404 page, or a refusal.
pub(super) async fn page(State(shared): State<Shared>, request: Request<Body>) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served",
        );
    }
    let raw = request.uri().path();
    if raw.len() > MAX_PATH {
        return plain(StatusCode::URI_TOO_LONG, "the address is too long");
    }
    let Some(rel) = site_path(raw) else {
        return plain(StatusCode::BAD_REQUEST, "the address leaves the site");
    };
    let errors = shared
        .errors
        .read()
        .map(|e| e.clone())
        .unwrap_or_else(|p| p.into_inner().clone());
    if let Some(bytes) = shared.store.get(&rel) {
        return file(StatusCode::OK, &rel, &bytes, &errors);
    }
    // `/reports/x` for the folder `/reports/x/`: redirect so relative links work.
    if !raw.ends_with('/') && shared.store.get(&rel.join("index.html")).is_some() {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(location) = HeaderValue::from_str(&folder_location(&rel)) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    let not_found = Path::new("404.html");
    match shared.store.get(not_found) {
        Some(bytes) => file(StatusCode::NOT_FOUND, not_found, &bytes, &errors),
        None if !errors.is_empty() => {
            // No good build yet: every page is the error overlay.
            file(StatusCode::OK, Path::new("index.html"), b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build error</title></head><body></body></html>", &errors)
        }
        None => plain(StatusCode::NOT_FOUND, "not found"),
    }
}

/// The address of the folder `rel` on this server: one leading `/`, each segment
/// percent-encoded, a trailing `/`. Built from the decoded, normalised path and never
/// from the request: `//host/x` or `/\\host` in a `Location` header is read by
/// browsers as another host, so a redirect must not echo what the client sent.
fn folder_location(rel: &Path) -> String {
    /// Everything but unreserved characters and the sub-delimiters allowed in a path
    /// segment is escaped, `/` included: a segment holding an encoded slash stays one.
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let mut location = String::from("/");
    for segment in rel.iter() {
        let segment = segment.to_string_lossy();
        location.extend(percent_encoding::utf8_percent_encode(&segment, SEGMENT));
        location.push('/');
    }
    location
}

/// Maps a request path to a file of the site: percent-decoded, `index.html` for
/// folders, and `None` for anything that could climb out (`..`, `\`, NUL, a drive).
fn site_path(raw: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0', ':']) {
        return None;
    }
    let mut rel = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return None,
            s => rel.push(s),
        }
    }
    if decoded.ends_with('/') || rel.as_os_str().is_empty() {
        rel.push("index.html");
    }
    Some(rel)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        // The search index's bundles: served as they are, no `Content-Encoding`.
        "gz" => "application/gzip",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A file response; HTML pages get the live-reload script and, while the build has
/// errors, the overlay naming them.
fn file(status: StatusCode, path: &Path, bytes: &[u8], errors: &[Diagnostic]) -> Response {
    let ctype = content_type(path);
    let body = if ctype.starts_with("text/html") {
        let html = String::from_utf8_lossy(bytes);
        let extra = format!("{}{}", overlay(errors), LIVE_RELOAD);
        match html.rfind("</body>") {
            Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]).into_bytes(),
            None => format!("{html}{extra}").into_bytes(),
        }
    } else {
        bytes.to_vec()
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

pub(super) fn plain(status: StatusCode, message: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

/// Reloads the page when an event names it; the stream names the page, so that a
/// rebuild renders the pages being looked at first (`super::viewing`).
const LIVE_RELOAD: &str = concat!(
    "<script>(()=>{const s=new EventSource(\"",
    "/__wsis/events",
    "?page=\"+encodeURIComponent(location.pathname));s.addEventListener(\"reload\",(e)=>{const p=JSON.parse(e.data);",
    "if(p===\"*\"||p.includes(location.pathname))location.reload();});})();</script>"
);

/// The error overlay: every error with its file, line and message.
fn overlay(errors: &[Diagnostic]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items: String = errors
        .iter()
        .map(|d| format!("<li><pre>{}</pre></li>", escape(&d.to_string())))
        .collect();
    format!(
        concat!(
            "<div id=\"wsis-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:9999;",
            "overflow:auto;background:rgba(20,23,27,.96);color:#fff;padding:2rem;",
            "font:15px/1.5 system-ui,sans-serif\"><h2 style=\"color:#ff9c94;margin-top:0\">",
            "The site has {} error{}</h2><ul style=\"padding-left:1.2rem\">{}</ul>",
            "<p>Fix the file and save: this page reloads by itself.</p></div>"
        ),
        errors.len(),
        if errors.len() == 1 { "" } else { "s" },
        items
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_stay_inside_the_site() {
        assert_eq!(site_path("/"), Some(PathBuf::from("index.html")));
        assert_eq!(
            site_path("/reports/x/"),
            Some(PathBuf::from("reports/x/index.html"))
        );
        assert_eq!(site_path("/style.css"), Some(PathBuf::from("style.css")));
        assert_eq!(site_path("/a%20b.txt"), Some(PathBuf::from("a b.txt")));
        for bad in [
            "/../etc/passwd",
            "/reports/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc",
            "/a%5c..%5cb",
            "/x%00",
            "/C:/windows",
            "/%ff",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn folder_redirects_stay_on_this_host() {
        for (raw, location) in [
            ("/reports/x", "/reports/x/"),
            ("//reports", "/reports/"),
            ("///evil.example/x", "/evil.example/x/"),
            ("/%2F%2Fevil.example", "/evil.example/"),
            ("/a%20b", "/a%20b/"),
            ("/caf%C3%A9", "/caf%C3%A9/"),
        ] {
            let rel = site_path(raw).unwrap_or_default();
            let got = folder_location(&rel);
            assert_eq!(got, location, "{raw}");
            assert!(
                got.starts_with('/') && !got.starts_with("//"),
                "{raw}: {got}"
            );
        }
    }

    #[test]
    fn overlay_names_file_line_and_message() {
        let d = Diagnostic::new(
            crate::diagnostic::Kind::Quote,
            "content/reports/a.md",
            "quote <x> missing",
        )
        .at(Some(crate::diagnostic::Location::new(3, 4)));
        let html = overlay(&[d]);
        assert!(html.contains("content/reports/a.md:3:4: quote &lt;x&gt; missing"));
        assert!(overlay(&[]).is_empty());
    }
}
