//! The `wsis` command line: a thin layer over the library.

use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use wsis::diagnostic::{BuildError, Diagnostic};
use wsis::model::{OrgKind, ReportKind};
use wsis::{BuildOptions, BuildSummary, Progress};

/// Build the WSIS implementation tracking site from curated reports.
#[derive(Debug, Parser)]
#[command(name = "wsis", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct SiteArgs {
    /// The site root, holding site.toml and content/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// The output folder [default: `[build] output_dir` of site.toml, under the root].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Publish under this address instead of site.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Render every page, ignoring the cache of the last build (a new one is
        /// written).
        #[arg(long)]
        fresh: bool,
    },
    /// Check everything `build` checks, writing nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Serve the site on this machine, rebuilding and reloading on every save.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Other than loopback, other machines can reach it.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a new site in an empty folder.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Add a report, organization or metric that builds at once.
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Draft a report from a submission (text, Markdown, HTML, DOCX, PDF), with its
    /// figures marked as candidates for review.
    Import {
        #[command(flatten)]
        site: SiteArgs,
        /// The submission file.
        path: PathBuf,
        /// The reporting organization's id [default: the one the document names].
        #[arg(long)]
        organization: Option<String>,
        /// The year the report covers.
        #[arg(long)]
        year: i32,
        /// The title [default: the document's].
        #[arg(long)]
        title: Option<String>,
        /// The kind of report: annual-progress, review-submission or
        /// questionnaire-response.
        #[arg(long, value_parser = vocabulary::<ReportKind>)]
        kind: Option<ReportKind>,
        /// The publication date, YYYY-MM-DD [default: the document's, or the year].
        #[arg(long)]
        published: Option<String>,
        /// The file to write [default: content/reports/<organization>-<year>[-<kind>].md].
        #[arg(long)]
        output: Option<PathBuf>,
        /// `json` prints the draft on stdout and writes nothing.
        #[arg(long, value_parser = ["json"])]
        format: Option<String>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum New {
    /// A report skeleton: content/reports/<organization>-<year>[-<kind>].md.
    Report {
        #[command(flatten)]
        site: SiteArgs,
        /// The reporting organization's id.
        #[arg(long)]
        organization: String,
        /// The year the report covers.
        #[arg(long)]
        year: i32,
        /// The kind of report: annual-progress, review-submission or
        /// questionnaire-response.
        #[arg(long, value_parser = vocabulary::<ReportKind>)]
        kind: Option<ReportKind>,
    },
    /// An organization: content/organizations/<id>.yaml.
    Organization {
        #[command(flatten)]
        site: SiteArgs,
        /// The id (lower case letters, digits, hyphens).
        id: String,
        /// The full name [default: the id].
        #[arg(long)]
        name: Option<String>,
        /// What sort of body it is: un-system, intergovernmental, government,
        /// civil-society, technical-community, private-sector, academia or coalition.
        #[arg(long, value_parser = vocabulary::<OrgKind>, default_value = "civil-society")]
        kind: OrgKind,
    },
    /// A metric definition, added to content/metrics.yaml.
    Metric {
        #[command(flatten)]
        site: SiteArgs,
        /// The id, by convention prefixed with the organization's id.
        id: String,
        /// Whose figure it is [default: the organization whose id starts the metric id].
        #[arg(long)]
        organization: Option<String>,
        /// What is counted [default: the id].
        #[arg(long)]
        title: Option<String>,
        /// The unit: count, people, usd, percent or another name.
        #[arg(long, default_value = "count")]
        unit: String,
    },
}

/// Parses a command-line value into one of the content model's closed vocabularies
/// (`annual-progress`, `un-system`...), by the same names as in content files.
fn vocabulary<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| e.to_string())
}

fn fail(root: &Path, e: &BuildError) -> ExitCode {
    eprint!("{}", e.render(root, wsis::diagnostic::use_color()));
    ExitCode::FAILURE
}

fn fail_one(d: Diagnostic) -> ExitCode {
    fail(Path::new("."), &BuildError::from(d))
}

/// Runs `f` while a progress line shows on a terminal once it takes more than a
/// moment.
fn with_progress<T>(f: impl FnOnce(Arc<Progress>) -> T) -> T {
    let progress = Arc::new(Progress::default());
    let done = Arc::new(AtomicBool::new(false));
    let show = std::io::stderr().is_terminal();
    let watcher = show.then(|| {
        let (progress, done) = (Arc::clone(&progress), Arc::clone(&done));
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(700));
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                let total = progress.total.load(Ordering::Relaxed);
                let n = progress.done.load(Ordering::Relaxed);
                if total == 0 {
                    eprint!("\rLoading and checking content…");
                } else {
                    eprint!("\rRendering pages: {n}/{total}      ");
                }
                shown = true;
                std::thread::sleep(Duration::from_millis(200));
            }
            if shown {
                eprint!("\r{:60}\r", "");
            }
        })
    });
    let result = f(Arc::clone(&progress));
    done.store(true, Ordering::Relaxed);
    if let Some(w) = watcher {
        let _ = w.join();
    }
    result
}

fn summary(verb: &str, s: &BuildSummary) -> String {
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    let into = s
        .output
        .as_ref()
        .map(|o| format!(" into {}", o.display()))
        .unwrap_or_default();
    let line = format!(
        "{verb} {} pages ({} reports, {} metrics, {} figures){into} in {:.2?}",
        s.pages, s.reports, s.metrics, s.observations, s.elapsed
    );
    // An incremental build says how many pages it rendered; the others were kept.
    let line = if s.rendered < s.pages {
        format!(
            "{line}; {} rendered, the others unchanged since the last build",
            s.rendered
        )
    } else {
        line
    };
    // And how many reports it validated again; the others were reused.
    let line = if s.validated < s.reports {
        format!(
            "{line}; {} of {} reports validated again",
            s.validated, s.reports
        )
    } else {
        line
    };
    match s.candidates_line() {
        Some(candidates) => format!("{line}\n{candidates}"),
        None => line,
    }
}

/// mimalloc instead of the system's allocator: glibc's malloc and free were about a
/// seventh of a fresh build's CPU (many small strings and vectors, freed across threads).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            fresh,
        } => {
            let result = with_progress(|progress| {
                wsis::build(&BuildOptions {
                    root: site.root.clone(),
                    output,
                    base_url,
                    progress: Some(progress),
                    fresh,
                })
            });
            match result {
                Ok(s) => {
                    println!("{}", summary("Built", &s));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&site.root, &e),
            }
        }
        Command::Check { site } => {
            let result = with_progress(|progress| {
                wsis::check(&BuildOptions {
                    root: site.root.clone(),
                    progress: Some(progress),
                    ..BuildOptions::default()
                })
            });
            match result {
                Ok(s) => {
                    println!("{}", summary("Checked", &s));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&site.root, &e),
            }
        }
        Command::Serve {
            site,
            port,
            bind,
            open,
        } => match wsis::serve::serve(wsis::serve::ServeOptions {
            root: site.root,
            bind,
            port,
            open,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Init { dir } => match wsis::scaffold::init(&dir) {
            Ok(files) => {
                for f in files {
                    println!("created {}", dir.join(f).display());
                }
                println!("Build it with: wsis build --root {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail_one(e),
        },
        Command::Import {
            site,
            path,
            organization,
            year,
            title,
            kind,
            published,
            output,
            format,
            force,
        } => {
            let opts = wsis::import::ImportOptions {
                root: site.root.clone(),
                path,
                organization,
                year,
                title,
                kind,
                published,
                output,
                force,
            };
            match wsis::import::import(&opts, format.is_some()) {
                Ok(text) => {
                    println!("{text}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&site.root, &BuildError::from(e)),
            }
        }
        Command::New { what } => {
            let (root, result) = match what {
                New::Report {
                    site,
                    organization,
                    year,
                    kind,
                } => {
                    let r = wsis::scaffold::new_report(&site.root, &organization, year, kind);
                    (site.root, r)
                }
                New::Organization {
                    site,
                    id,
                    name,
                    kind,
                } => {
                    let r =
                        wsis::scaffold::new_organization(&site.root, &id, name.as_deref(), kind);
                    (site.root, r)
                }
                New::Metric {
                    site,
                    id,
                    organization,
                    title,
                    unit,
                } => {
                    let r = wsis::scaffold::new_metric(
                        &site.root,
                        &id,
                        organization.as_deref(),
                        title.as_deref(),
                        &unit,
                    );
                    (site.root, r)
                }
            };
            match result {
                Ok(file) => {
                    println!("wrote {}", root.join(file).display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&root, &BuildError::from(e)),
            }
        }
    }
}
