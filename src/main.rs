//! The `wsis` command line: a thin layer over the library's pipeline.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Build the WSIS implementation tracking site from curated reports.
#[derive(Debug, Parser)]
#[command(name = "wsis", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// The site root, holding site.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder [default: `[build] output_dir` of site.toml, under the root].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Publish under this address instead of site.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
        } => {
            let options = wsis::BuildOptions {
                root,
                output,
                base_url,
            };
            match wsis::build(&options) {
                Ok(s) => {
                    println!(
                        "Built {} pages ({} reports, {} metrics, {} figures) into {} in {:.2?}",
                        s.pages,
                        s.reports,
                        s.metrics,
                        s.observations,
                        s.output.display(),
                        s.elapsed
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
