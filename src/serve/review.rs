//! The review page's handlers: the list of reports with candidates, one report's
//! candidates with their forms, and the POST that accepts, rejects or edits one.
//!
//! The dev server is the only part of wsis that writes content files on request, so
//! writes are held to what only the editor's own browser tab can send: a secret
//! token made for this run and embedded in the forms, and a request from this
//! server's own origin (a page elsewhere can make a browser POST here, but cannot
//! read the token or forge `Origin`). Nothing is ever done on GET.

use std::net::SocketAddr;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

use super::Shared;
use super::review_page;
use crate::diagnostic::Kind;
use crate::review::{Action, Fields};

/// The list of reports with candidates.
pub(super) const INDEX: &str = "/__wsis/review/";
/// One report's candidates.
pub(super) const PAGE: &str = "/__wsis/review/{slug}/";
/// Where one report's forms are sent.
pub(super) const ACT: &str = "/__wsis/review/{slug}/act";

/// Who may use the review page and write through it.
pub(super) struct Guard {
    /// The secret the forms carry, as hex.
    token: String,
    /// `scheme://host:port` of this server, as a browser names it.
    origins: Vec<String>,
}

impl Guard {
    /// A guard with a fresh token for the server listening on `local`.
    pub(super) fn new(local: SocketAddr) -> Result<Guard, String> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret)
            .map_err(|e| format!("cannot make the review page's secret token: {e}"))?;
        let token = secret.iter().map(|b| format!("{b:02x}")).collect();
        let port = local.port();
        let mut origins = vec![match local {
            SocketAddr::V4(a) => format!("http://{}:{port}", a.ip()),
            SocketAddr::V6(a) => format!("http://[{}]:{port}", a.ip()),
        }];
        if local.ip().is_loopback() || local.ip().is_unspecified() {
            origins.push(format!("http://localhost:{port}"));
        }
        // Bound to every interface (`--bind 0.0.0.0`), the editor still opens the page
        // on this machine: its loopback addresses are this server's too.
        if local.ip().is_unspecified() {
            origins.push(format!("http://127.0.0.1:{port}"));
            origins.push(format!("http://[::1]:{port}"));
        }
        Ok(Guard { token, origins })
    }

    /// Whether the request names this server in `Host`: a page of another site that
    /// resolves its name to this machine (DNS rebinding) is refused before it can read
    /// the token.
    fn host_ok(&self, headers: &HeaderMap) -> bool {
        let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
            return false;
        };
        // Without a port, `Host` is still this server's when it names its address
        // or `localhost`: a rebinding page's name is never one of these.
        self.origins.iter().any(|o| {
            let ours = o.strip_prefix("http://").unwrap_or(o);
            host == ours || ours.rsplit_once(':').is_some_and(|(name, _)| host == name)
        })
    }

    /// Why a write request is refused, if it is.
    fn refusal(&self, headers: &HeaderMap, token: Option<&str>) -> Option<&'static str> {
        if !self.host_ok(headers) {
            return Some("the request does not name this server");
        }
        let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
        if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site"))
            && site != "same-origin"
        {
            return Some("the request comes from another site");
        }
        let same_origin = match (text(header::ORIGIN), text(header::REFERER)) {
            (Some(origin), _) => self.origins.iter().any(|o| o == origin),
            (None, Some(referer)) => self.origins.iter().any(|o| {
                referer
                    .strip_prefix(o.as_str())
                    .is_some_and(|r| r.starts_with('/'))
            }),
            (None, None) => false,
        };
        if !same_origin {
            return Some("the request does not come from this server's pages");
        }
        match token {
            Some(t) if same_secret(t.as_bytes(), self.token.as_bytes()) => None,
            _ => Some("the request does not carry this run's review token"),
        }
    }
}

/// Compares two secrets in time that depends on their lengths only, so that timing
/// does not tell how much of a guess was right.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// An HTML response that no other site may frame, cache or sniff.
fn html(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

fn refused(why: &str) -> Response {
    html(
        StatusCode::FORBIDDEN,
        review_page::message("Refused", why, INDEX),
    )
}

/// `GET /__wsis/review/`: the reports with candidates.
pub(super) async fn index(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    if !shared.guard.host_ok(&headers) {
        return refused("the request does not name this server");
    }
    let root = shared.root.clone();
    let waiting = tokio::task::spawn_blocking(move || crate::review::waiting(&root))
        .await
        .unwrap_or_default();
    html(StatusCode::OK, review_page::index(&waiting))
}

/// `GET /__wsis/review/<slug>/`: one report's candidates and their forms.
pub(super) async fn show(
    State(shared): State<Shared>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !shared.guard.host_ok(&headers) {
        return refused("the request does not name this server");
    }
    let root = shared.root.clone();
    let read_slug = slug.clone();
    let draft = tokio::task::spawn_blocking(move || crate::review::read(&root, &read_slug)).await;
    match draft {
        Ok(Ok(draft)) => html(
            StatusCode::OK,
            review_page::report(&slug, &draft, &shared.guard.token),
        ),
        Ok(Err(e)) => html(
            StatusCode::NOT_FOUND,
            review_page::message("Cannot review this report", &e.to_string(), INDEX),
        ),
        Err(_) => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            review_page::message("Cannot review this report", "the read failed", INDEX),
        ),
    }
}

/// `POST /__wsis/review/<slug>/act`: accept, reject or edit one candidate, then back
/// to the report's page (`303`); the watcher rebuilds the site from the saved file.
pub(super) async fn act(
    State(shared): State<Shared>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some(why) = shared.guard.refusal(&headers, field("token")) {
        return refused(why);
    }
    let Some(back) = crate::review::report_file(&slug).map(|_| format!("{INDEX}{slug}/")) else {
        return html(
            StatusCode::NOT_FOUND,
            review_page::message("No such report", "not a report slug", INDEX),
        );
    };
    let text = |name: &str| field(name).unwrap_or_default().to_string();
    let action = match field("action") {
        Some("accept") => Action::Accept,
        Some("reject") => Action::Reject,
        Some("edit") => Action::Edit(Fields {
            metric: text("metric"),
            value: text("value"),
            low: text("low"),
            high: text("high"),
            bound: text("bound"),
            status: text("status"),
            year: text("year"),
            quote: text("quote"),
        }),
        _ => {
            return html(
                StatusCode::BAD_REQUEST,
                review_page::message("Nothing done", "the form names no action", &back),
            );
        }
    };
    let Some(index) = field("index").and_then(|i| i.parse::<usize>().ok()) else {
        return html(
            StatusCode::BAD_REQUEST,
            review_page::message("Nothing done", "the form names no figure", &back),
        );
    };
    let fingerprint = text("fingerprint");
    let root = shared.root.clone();
    let result = tokio::task::spawn_blocking(move || {
        crate::review::apply(&root, &slug, index, &fingerprint, &action)
    })
    .await;
    match result {
        Ok(Ok(_)) => {
            let mut response = html(StatusCode::SEE_OTHER, String::new());
            if let Ok(location) = HeaderValue::from_str(&back) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Ok(Err(e)) => {
            let status = match e.kind {
                Kind::Conflict => StatusCode::CONFLICT,
                Kind::Io => StatusCode::INTERNAL_SERVER_ERROR,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            html(
                status,
                review_page::message("Nothing done", &e.to_string(), &back),
            )
        }
        Err(_) => html(
            StatusCode::INTERNAL_SERVER_ERROR,
            review_page::message("Nothing done", "the change failed", &back),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        Guard {
            token: "abc123".into(),
            origins: vec![
                "http://127.0.0.1:4000".into(),
                "http://localhost:4000".into(),
            ],
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn writes_need_this_origin_and_the_token() {
        let g = guard();
        let ok = [
            ("host", "127.0.0.1:4000"),
            ("origin", "http://127.0.0.1:4000"),
        ];
        assert_eq!(g.refusal(&headers(&ok), Some("abc123")), None);
        assert!(g.refusal(&headers(&ok), Some("abc124")).is_some());
        assert!(g.refusal(&headers(&ok), Some("abc12")).is_some());
        assert!(g.refusal(&headers(&ok), None).is_some());
        let referer = [
            ("host", "localhost:4000"),
            ("referer", "http://localhost:4000/__wsis/review/"),
        ];
        assert_eq!(g.refusal(&headers(&referer), Some("abc123")), None);
        let bare_host = [("host", "127.0.0.1"), ("origin", "http://127.0.0.1:4000")];
        assert_eq!(g.refusal(&headers(&bare_host), Some("abc123")), None);
        for bad in [
            vec![
                ("host", "127.0.0.1:4000"),
                ("origin", "http://evil.example"),
            ],
            vec![
                ("host", "127.0.0.1:4000"),
                ("origin", "http://127.0.0.1:40000"),
            ],
            vec![
                ("host", "127.0.0.1:4000"),
                ("referer", "http://127.0.0.1:4000.evil.example/"),
            ],
            vec![("host", "127.0.0.1:4000")],
            vec![
                ("host", "evil.example:4000"),
                ("origin", "http://evil.example:4000"),
            ],
            vec![
                ("host", "evil.example"),
                ("origin", "http://127.0.0.1:4000"),
            ],
            vec![
                ("host", "127.0.0.1:4000"),
                ("origin", "http://127.0.0.1:4000"),
                ("sec-fetch-site", "cross-site"),
            ],
        ] {
            assert!(
                g.refusal(&headers(&bad), Some("abc123")).is_some(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn tokens_are_random_and_long() {
        let local: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let (a, b) = (Guard::new(local).unwrap(), Guard::new(local).unwrap());
        assert_ne!(a.token, b.token);
        assert_eq!(a.token.len(), 64);
        assert!(
            same_secret(b"xy", b"xy") && !same_secret(b"xy", b"xz") && !same_secret(b"x", b"xy")
        );
    }
}
