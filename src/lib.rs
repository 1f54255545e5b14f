//! `wsis` turns a folder of curated WSIS report metadata and text into a cross-linked
//! static site: one page per action line, organization, report, metric and year, every
//! published number linked to the sentence it came from.
//!
//! The build is a pipeline, one module per stage:
//!
//! 1. [`config`]: read `site.toml`;
//! 2. `load`: read `content/` into raw typed documents (syntax and shape errors);
//! 3. `validate`: resolve references, render report text, check quotes, giving the
//!    typed [`model::Site`];
//! 4. [`link`]: compute the cross-references between entities;
//! 5. `render`: render every page through the theme's Tera templates;
//! 6. `write`: write into a staging folder, check every internal link
//!    (`linkcheck`), and swap the staging folder in.
//!
//! Every stage reports problems as [`diagnostic::Diagnostic`]s with file, line and
//! column; a failed build leaves the previous output untouched.

pub mod chart;
pub mod config;
mod data;
pub mod diagnostic;
pub mod format;
pub mod link;
mod linkcheck;
mod load;
mod markdown;
pub mod model;
mod render;
pub mod series;
pub mod urls;
mod validate;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use config::{BaseUrl, Config};
use diagnostic::{BuildError, Diagnostic, Kind};
pub use write::MARKER as OUTPUT_MARKER;

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root, holding `site.toml` and `content/`.
    pub root: PathBuf,
    /// The output folder; default: `[build] output_dir` of `site.toml`, under the root.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.toml` (for previews under another address).
    pub base_url: Option<String>,
}

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Pages written.
    pub pages: usize,
    /// Reports in the site.
    pub reports: usize,
    /// Metrics defined.
    pub metrics: usize,
    /// Figures stated across all reports.
    pub observations: usize,
    /// The output folder.
    pub output: PathBuf,
    /// How long the build took.
    pub elapsed: Duration,
}

/// Reads `site.toml` under `root`, applying a `base_url` override.
pub fn load_config(root: &Path, base_url: Option<&str>) -> Result<Config, BuildError> {
    let mut config = Config::load(&root.join("site.toml"), Path::new("site.toml"))?;
    if let Some(url) = base_url {
        config.base_url = BaseUrl::parse(url).map_err(|e| {
            Diagnostic::new(Kind::Config, "--base-url", e)
                .help("give an address such as https://example.org/wsis/")
        })?;
    }
    Ok(config)
}

/// Loads and validates the site at `root`: everything `build` checks before rendering.
pub fn load_site(root: &Path, config: Config) -> Result<model::Site, BuildError> {
    let sources = load::load(root).map_err(BuildError::new)?;
    validate::validate(config, sources).map_err(BuildError::new)
}

/// Builds the site: load, validate, link, render, write. On error the previous output
/// is left as it was.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let root = &options.root;
    let config = load_config(root, options.base_url.as_deref())?;
    let output_dir = match &options.output {
        Some(o) => o.clone(),
        None => root.join(&config.build.output_dir),
    };
    let site = load_site(root, config)?;
    let links = link::Links::new(&site);
    let theme = render::theme::Theme::load(root, &site.config.theme).map_err(BuildError::new)?;
    let renderer = render::Renderer::new(&site, &links, &theme).map_err(BuildError::new)?;

    let output = write::Output::prepare(root, &output_dir)?;
    let result = write_site(&site, &renderer, &theme, &output);
    match result {
        Ok(pages) => {
            output.commit()?;
            Ok(BuildSummary {
                pages,
                reports: site.reports.len(),
                metrics: site.metrics.len(),
                observations: links.series.iter().map(|s| s.observations.len()).sum(),
                output: output_dir,
                elapsed: started.elapsed(),
            })
        }
        Err(e) => {
            output.abandon();
            Err(e)
        }
    }
}

/// Renders, checks and writes every page into the staging folder; the page count.
fn write_site(
    site: &model::Site,
    renderer: &render::Renderer<'_>,
    theme: &render::theme::Theme,
    output: &write::Output,
) -> Result<usize, BuildError> {
    let minify = site.config.build.minify;
    let jobs = renderer.jobs();
    let results: Vec<Result<(String, linkcheck::PageRefs), Diagnostic>> = jobs
        .par_iter()
        .map(|&job| {
            let page = renderer.render(job)?;
            let refs = linkcheck::scan(&page.html);
            let bytes = if minify {
                minify_html(page.html.as_bytes())
            } else {
                page.html.into_bytes()
            };
            output.write(&page.file, &bytes)?;
            Ok((page.path, refs))
        })
        .collect();
    let mut errors = Vec::new();
    let mut pages = HashMap::with_capacity(results.len());
    for r in results {
        match r {
            Ok((path, refs)) => {
                if pages.insert(path.clone(), refs).is_some() {
                    errors.push(Diagnostic::new(
                        Kind::Duplicate,
                        path,
                        "two pages would be written to this path",
                    ));
                }
            }
            Err(e) => errors.push(e),
        }
    }
    for (rel, bytes) in data::files(site, renderer.links())? {
        output.write(&rel, &bytes)?;
    }
    for (rel, file) in &theme.statics {
        let bytes = match file {
            render::theme::StaticFile::Embedded(text) => text.as_bytes().to_vec(),
            render::theme::StaticFile::Disk(path) => {
                std::fs::read(path).map_err(|e| Diagnostic::io(path, "read", &e))?
            }
        };
        output.write(rel, &bytes)?;
    }
    if !errors.is_empty() {
        return Err(BuildError::new(errors));
    }
    let link_errors = linkcheck::check(
        &pages,
        &|p| output.has(p),
        site.config.base_url.path(),
        &site.config.base_url.root(),
    );
    if !link_errors.is_empty() {
        return Err(BuildError::new(link_errors));
    }
    Ok(pages.len())
}

fn minify_html(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}
