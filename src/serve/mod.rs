//! `wsis serve`: the site served from memory on the loopback interface, rebuilt on
//! every save, with open pages reloaded through Server-Sent Events.
//!
//! The served files live in memory only ([`crate::pipeline::Memory`]), so a request can
//! never reach a file outside the site, whatever its path says. The live-reload script
//! and the error overlay are added to pages as they are served, never to `build`
//! output.
//!
//! Under `/__wsis/review/` an editor reviews the candidate figures of report files
//! ([`review`]); that is the only part of the server that writes.

mod files;
mod review;
mod review_page;
mod viewing;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::{get, post};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diagnostic::Diagnostic;
use crate::pipeline::Memory;
use crate::project::Project;
use files::page;
use viewing::Viewing;
use watch::{start_watching, watch};

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
    /// The pages open in a browser, which a rebuild renders first.
    viewing: Arc<Viewing>,
    /// The site root, for the review page's reads and writes.
    root: Arc<PathBuf>,
    /// Who may write through the review page.
    guard: Arc<review::Guard>,
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
    let saved = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let watcher = start_watching(&options.root, tx, Arc::clone(&saved));
    let mut project = Project::new(&options.root, &base_url);
    match project.rebuild_all() {
        Ok(done) => {
            for w in project.warnings_to_show(&[]) {
                eprintln!("warning: {w}");
            }
            println!("Built {} pages in {:.0?}", done.pages, done.elapsed)
        }
        Err(e) => eprintln!(
            "{}The server keeps running: fix the error and save.",
            e.render(&options.root, crate::diagnostic::use_color())
        ),
    }
    // From the reports just loaded: reading and parsing every report file again here
    // held up the first request (and so the first save's page) for a second per
    // 10,000 reports.
    let waiting = project
        .waiting_review()
        .unwrap_or_else(|| crate::review::waiting(&options.root));
    let (reload, _) = broadcast::channel(16);
    let viewing = Arc::new(Viewing::default());
    let open = Arc::clone(&viewing);
    project.viewed = Some(Box::new(move |path: &str| open.is_open(path)));
    let flag = Arc::clone(&saved);
    project.saved = Some(Box::new(move || {
        flag.load(std::sync::atomic::Ordering::SeqCst) > 0
    }));
    let shared = Shared {
        store: Arc::clone(&project.store),
        errors: Arc::clone(&project.errors),
        reload: reload.clone(),
        viewing,
        root: Arc::new(options.root.clone()),
        guard: Arc::new(review::Guard::new(local)?),
    };
    let root = options.root.clone();
    std::thread::Builder::new()
        .name("wsis-watch".into())
        .spawn(move || {
            // The watcher lives as long as the thread reading its events, which
            // also adds to it a source folder made after the start.
            watch(&root, &rx, &saved, watcher, project, reload)
        })
        .map_err(|e| format!("cannot start the file watcher: {e}"))?;

    let app = Router::new()
        .route(EVENTS, get(events))
        .route(review::INDEX, get(review::index))
        .route(review::PAGE, get(review::show))
        .route(review::ACT, post(review::act))
        .fallback(page)
        .with_state(shared);
    println!("Serving the site at {base_url} (Ctrl-C to stop)");
    if let Some(line) = crate::candidates_line(&waiting) {
        println!("{line}");
        println!("Review them at {base_url}{}", &review::INDEX[1..]);
    }
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

/// What a page's live-reload script says when it opens the event stream.
#[derive(serde::Deserialize)]
struct Opened {
    /// The URL path of the page (`/fr/reports/x/`).
    page: Option<String>,
}

/// The live-reload event stream of a page; while it is open, the page counts as
/// viewed (see [`viewing`]).
async fn events(
    State(shared): State<Shared>,
    Query(opened): Query<Opened>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let viewer = opened
        .page
        .filter(|p| p.len() <= MAX_PATH)
        .map(|p| shared.viewing.open(p));
    let stream = BroadcastStream::new(shared.reload.subscribe())
        .filter_map(|r| r.ok())
        .map(move |pages| {
            // The stream owns the page's place among the open ones until it ends.
            let _open = &viewer;
            Ok(Event::default().event("reload").data(pages))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
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
