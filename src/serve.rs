//! `wsis serve`: the site served from memory on the loopback interface, rebuilt on
//! every save, with open pages reloaded through Server-Sent Events.
//!
//! The served files live in memory only ([`crate::pipeline::Memory`]), so a request can
//! never reach a file outside the site, whatever its path says. The live-reload script
//! and the error overlay are added to pages as they are served, never to `build`
//! output.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostic::Diagnostic;
use crate::markdown::escape;
use crate::pipeline::Memory;
use crate::project::Project;

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The address to listen on; loopback unless the user says otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Open the site in a browser once it is up.
    pub open: bool,
}

/// The path of the live-reload event stream; no site page can have it (ids and slugs
/// cannot start with `_`).
const EVENTS: &str = "/__wsis/events";

/// URLs longer than this are refused: no page of a site has one.
const MAX_PATH: usize = 2048;

/// What the request handlers share.
#[derive(Clone)]
struct Shared {
    store: Arc<Memory>,
    errors: Arc<std::sync::RwLock<Vec<Diagnostic>>>,
    reload: broadcast::Sender<String>,
}

/// Runs the server until Ctrl-C. Returns an error message if it cannot start.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> Result<(), String> {
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    let base_url = match local.ip() {
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", local.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", local.port()),
    };
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}, which other machines can reach; the dev server is not hardened for that",
            options.bind
        );
    }

    // Watch before the first build, so that no save is missed between the two.
    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = start_watching(&options.root, tx);
    let mut project = Project::new(&options.root, &base_url);
    match project.rebuild_all() {
        Ok(done) => println!("Built {} pages in {:.0?}", done.pages, done.elapsed),
        Err(e) => eprintln!(
            "{}The server keeps running: fix the error and save.",
            e.render(&options.root, crate::diagnostic::use_color())
        ),
    }
    let (reload, _) = broadcast::channel(16);
    let shared = Shared {
        store: Arc::clone(&project.store),
        errors: Arc::clone(&project.errors),
        reload: reload.clone(),
    };
    let root = options.root.clone();
    std::thread::Builder::new()
        .name("wsis-watch".into())
        .spawn(move || {
            // The watcher lives as long as the thread reading its events.
            let _watcher = watcher;
            watch(&root, &rx, project, reload)
        })
        .map_err(|e| format!("cannot start the file watcher: {e}"))?;

    let app = Router::new()
        .route(EVENTS, get(events))
        .fallback(page)
        .with_state(shared);
    println!("Serving the site at {base_url} (Ctrl-C to stop)");
    if options.open {
        open_browser(&base_url);
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
            println!("Stopped.");
            // Live-reload streams never end by themselves: leave rather than wait.
            std::process::exit(0);
        })
        .await
        .map_err(|e| format!("server error: {e}"))
}

type Events = std::sync::mpsc::Receiver<notify::Result<notify::Event>>;

/// Starts watching the site root; `None` (with a warning) where the system cannot.
fn start_watching(
    root: &Path,
    tx: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("warning: cannot watch for changes: {e}");
            return None;
        }
    };
    if let Err(e) = watcher.watch(root, RecursiveMode::Recursive) {
        eprintln!("warning: cannot watch {}: {e}", root.display());
        return None;
    }
    Some(watcher)
}

/// Rebuilds on every change the watcher reports, then tells open pages to reload.
fn watch(root: &Path, rx: &Events, mut project: Project, reload: broadcast::Sender<String>) {
    // Each event names the pages to reload, as a JSON list of URL paths, or "*".
    let early = reload.clone();
    project.on_early_pages = Some(Box::new(move |paths: &[String]| {
        let _ = early.send(serde_json::to_string(paths).unwrap_or_else(|_| "\"*\"".into()));
    }));
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    loop {
        // After a partial rebuild the data files and search index are refreshed once
        // the editor pauses for a second, so a burst of saves is not held up by them.
        let first = if project.assets_stale() {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(event) => event,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    project.refresh_assets();
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        let mut changed = relevant(&root, first);
        // An editor's save is often several events (write, rename, metadata): wait a
        // moment and take them together.
        std::thread::sleep(Duration::from_millis(8));
        while let Ok(more) = rx.try_recv() {
            changed.extend(relevant(&root, more));
        }
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        let result = project.rebuild(&changed);
        let pages = match &result {
            Ok(done) if !done.full => {
                serde_json::to_string(&done.paths).unwrap_or_else(|_| "\"*\"".into())
            }
            _ => "\"*\"".into(),
        };
        match result {
            Ok(done) => {
                for w in project.warnings_about(&changed) {
                    eprintln!("warning: {w}");
                }
                println!(
                    "Rebuilt {} page{} in {:.0?} ({}{})",
                    done.pages,
                    if done.pages == 1 { "" } else { "s" },
                    done.elapsed,
                    names.join(", "),
                    if done.full { ", full rebuild" } else { "" }
                )
            }
            Err(e) => eprint!("{}", e.render(&root, crate::diagnostic::use_color())),
        }
        let _ = reload.send(pages);
    }
}

/// The changed paths of an event that belong to the site's sources, relative to the
/// root: `site.toml`, `content/`, `themes/`, `static/`; editors' temporary files are
/// left out.
fn relevant(root: &Path, event: notify::Result<notify::Event>) -> Vec<PathBuf> {
    let Ok(event) = event else { return Vec::new() };
    if event.kind.is_access() {
        return Vec::new();
    }
    event
        .paths
        .into_iter()
        .filter_map(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|rel| {
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let temporary = name.starts_with(".#")
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".tmp");
            // Under content/ only the files the site is made of: an editor's or a
            // tool's scratch file there must not trigger a full rebuild.
            let content_file = rel.starts_with("content")
                && rel
                    .extension()
                    .is_some_and(|e| e == "md" || e == "yaml" || e == "yml");
            !temporary
                && (rel == Path::new("site.toml")
                    || content_file
                    || ["themes", "static"].iter().any(|d| rel.starts_with(d)))
        })
        .collect()
}

/// The live-reload event stream.
async fn events(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let stream = BroadcastStream::new(shared.reload.subscribe())
        .filter_map(|r| r.ok())
        .map(|pages| Ok(Event::default().event("reload").data(pages)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Serves a file of the site, the site's 404 page, or a refusal.
async fn page(State(shared): State<Shared>, request: Request<Body>) -> Response {
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

fn plain(status: StatusCode, message: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}

const LIVE_RELOAD: &str = concat!(
    "<script>(()=>{const s=new EventSource(\"",
    "/__wsis/events",
    "\");s.addEventListener(\"reload\",(e)=>{const p=JSON.parse(e.data);",
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

/// Opens `url` in the default browser, if there is one.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("warning: cannot open a browser ({program}: {e}); visit {url}");
    }
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
