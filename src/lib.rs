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
//!    (`linkcheck`), and exchange the staging folder with the output in one step.
//!
//! Quotes are read for the numbers they state by [`numerals`].
//!
//! Every stage reports problems as [`diagnostic::Diagnostic`]s with file, line and
//! column; a failed build leaves the previous output untouched.

mod affected;
mod cache;
pub mod chart;
mod cite;
pub mod config;
mod data;
pub mod diagnostic;
pub mod format;
pub mod frame;
pub mod i18n;
/// Importing a report's text: sentences and candidate figures for an editor to review.
pub mod import;
pub mod link;
mod linkcheck;
mod load;
mod markdown;
pub mod model;
mod nfc;
pub mod numerals;
mod pipeline;
#[cfg(feature = "serve")]
mod project;
mod render;
/// Accepting, rejecting and editing candidate figures in report files, for the
/// dev server's review page.
#[cfg(feature = "serve")]
mod review;
pub mod scaffold;
pub mod search;
pub mod series;
#[cfg(feature = "serve")]
pub mod serve;
mod stages;
mod stamp;
pub mod urls;
mod validate;
mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use config::{BaseUrl, Config};
use diagnostic::{BuildError, Diagnostic, Kind};
pub use pipeline::Progress;
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
    /// Updated as pages render, for a progress line.
    pub progress: Option<std::sync::Arc<Progress>>,
    /// Renders every page, ignoring the cache of the last build (`build --fresh`).
    pub fresh: bool,
}

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Pages written.
    pub pages: usize,
    /// Pages rendered: all of them, but in an incremental build, where the pages that
    /// would come out as in the last build are kept instead.
    pub rendered: usize,
    /// Reports in the site.
    pub reports: usize,
    /// Reports validated (their Markdown rendered): all of them, but in an incremental
    /// build, where the reports whose file is unchanged are reused from the last build.
    pub validated: usize,
    /// Metrics defined.
    pub metrics: usize,
    /// Figures stated across all reports.
    pub observations: usize,
    /// The output folder; `None` for `check`, which writes nothing.
    pub output: Option<PathBuf>,
    /// How long the build took.
    pub elapsed: Duration,
    /// Files left out of the build, such as symbolic links to outside the site.
    pub warnings: Vec<Diagnostic>,
    /// The reports with candidate figures waiting for review, by slug, with how many
    /// each has; none of them are in the output.
    pub candidates: Vec<(String, usize)>,
}

impl BuildSummary {
    /// The line telling the editor candidate figures wait for review, if any do:
    /// "27 candidate figures wait for review: isoc-2025 (12), igf-2025 (15) — ...".
    pub fn candidates_line(&self) -> Option<String> {
        candidates_line(&self.candidates)
    }
}

/// The line naming the reports whose candidate figures wait for review; `None` when
/// there are none.
pub fn candidates_line(reports: &[(String, usize)]) -> Option<String> {
    let total: usize = reports.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let each: Vec<String> = reports
        .iter()
        .map(|(slug, n)| format!("{slug} ({n})"))
        .collect();
    Some(format!(
        "{total} candidate figure{} wait{} for review: {} — review them in `wsis serve` at /__wsis/review/ or edit the files",
        if total == 1 { "" } else { "s" },
        if total == 1 { "s" } else { "" },
        each.join(", ")
    ))
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

/// Entry points for fuzzing the loaders with arbitrary bytes (see `fuzz/`).
pub mod fuzzing {
    use std::path::Path;

    use crate::diagnostic::Diagnostic;
    use crate::markdown::{QuoteRequest, RenderSettings};

    /// Decodes, splits and parses a report file, then renders its text with its
    /// figures' quotes, as a build does; returns the first error. Must never panic.
    pub fn report(bytes: &[u8]) -> Result<(), Diagnostic> {
        let shown = Path::new("content/reports/fuzz.md");
        let text = crate::load::decode_text(bytes.to_vec(), shown)?;
        let raw = crate::load::parse_report(&text, shown)?;
        let requests: Vec<QuoteRequest<'_>> = raw
            .front
            .value
            .figures
            .iter()
            .map(|f| QuoteRequest {
                text: &f.quote,
                anchor: "fig",
            })
            .collect();
        let settings = RenderSettings {
            base_path: "/",
            line_code: &|code: &str| {
                code.strip_prefix('C')
                    .and_then(|n| n.parse().ok())
                    .map(crate::model::LineId)
            },
            allow_unsafe_html: false,
            first_line: raw.body_line,
        };
        crate::markdown::render(&raw.body, &requests, &settings);
        Ok(())
    }

    /// Renders Markdown report text as a build does, sanitised unless
    /// `allow_unsafe_html`; returns the HTML. Must never panic, and the sanitised HTML
    /// must never nest deeper than [`MAX_DEPTH`] plus the few elements a single
    /// Markdown construct adds.
    pub fn markdown(text: &str, allow_unsafe_html: bool) -> String {
        let settings = RenderSettings {
            base_path: "/",
            line_code: &|_| None,
            allow_unsafe_html,
            first_line: 1,
        };
        crate::markdown::render(text, &[], &settings)
            .body
            .html
            .unpack()
    }

    /// Reads arbitrary bytes as a submission to import (text, Markdown, HTML or DOCX;
    /// PDFs are left out, since the PDF parser's panics are caught by unwinding, which
    /// fuzzing builds abort on), finds its candidates and writes its Markdown; returns
    /// the broken promise if a candidate's quote is not in the text. Must never panic.
    pub fn import(bytes: &[u8]) -> Result<(), String> {
        if bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
            return Ok(());
        }
        let limits = crate::import::read::Limits {
            max_bytes: 1 << 20,
            max_text: 1 << 20,
        };
        let Ok((_, doc)) =
            crate::import::read::from_bytes(bytes.to_vec(), Path::new("fuzz.txt"), limits)
        else {
            return Ok(());
        };
        let text = doc.plain_text();
        for c in crate::import::candidates(&text, 2024) {
            if !text.contains(&c.quote) {
                return Err(format!("quote {:?} is not in the text", c.quote));
            }
        }
        doc.to_markdown();
        Ok(())
    }

    /// How deep report text may nest before it is flattened.
    pub const MAX_DEPTH: usize = crate::markdown::MAX_DEPTH;

    /// Parses a YAML data file (an organization) as the loader does.
    pub fn organization(bytes: &[u8]) -> Result<(), Diagnostic> {
        let shown = Path::new("content/organizations/fuzz.yaml");
        let text = crate::load::decode_text(bytes.to_vec(), shown)?;
        crate::load::yaml::parse::<crate::load::RawOrganization>(&text, shown, 1)?;
        crate::load::Positions::new(&text, 1).get("");
        Ok(())
    }

    /// Draws a metric's chart and sparkline of arbitrary values in each kind of unit,
    /// and formats each value, as a metric page does; returns what broke a promise the
    /// pages rely on. Must never panic. `bytes` are read 13 at a time: a year (`i32`),
    /// a value (`f64`, any bits), both little-endian, and a byte choosing the bound
    /// (`% 5`), the status (`/ 5 % 4`) and the track (`/ 20 % 3`; a point beside the
    /// track is stated by "F"). The track is not tied to the status, so that drawing
    /// holds up whatever a caller passes.
    ///
    /// The promises: no `NaN` or `inf` in the SVG; at most 10 value ticks; a size
    /// bounded by the number of points; and every value of the accepted range
    /// ([`crate::format::in_range`]) shown so that it reads back to 15 significant
    /// digits, never as 0, and written in data files exactly.
    pub fn chart(bytes: &[u8]) -> Result<(), String> {
        use crate::chart::{Point, Track, chart, sparkline};
        use crate::format;
        use crate::model::{Amount, Status, Unit};

        const TRACKS: [Track; 3] = [Track::Actual, Track::Outlook, Track::Beside];

        let points: Vec<Point> = bytes
            .chunks_exact(13)
            .map(|c| {
                let (mut year, mut value) = ([0; 4], [0; 8]);
                year.copy_from_slice(&c[..4]);
                value.copy_from_slice(&c[4..12]);
                let v = f64::from_le_bytes(value);
                let amount = match c[12] % 5 {
                    0 => Amount::Exact(v),
                    1 => Amount::Approximately(v),
                    2 => Amount::AtLeast(v),
                    3 => Amount::AtMost(v),
                    _ => Amount::Range {
                        low: v,
                        high: v.abs() * 2.0 + 1.0,
                    },
                };
                Point {
                    year: i32::from_le_bytes(year),
                    amount,
                    status: Status::ALL[usize::from(c[12] / 5) % Status::ALL.len()],
                    track: TRACKS[usize::from(c[12] / 20) % TRACKS.len()],
                    stated_by: (c[12] / 20 % 3 == 2).then(|| "F".to_string()),
                }
            })
            .collect();
        for unit in [
            Unit::Count,
            Unit::Usd,
            Unit::Percent,
            Unit::Other("t".into()),
        ] {
            let w = crate::chart::Words::english();
            let svg =
                chart("f", "Fuzz", &points, &unit, &w) + &sparkline("Fuzz", &points, &unit, &w);
            if svg.contains("NaN") || svg.contains("inf") {
                return Err(format!("NaN or inf in the SVG: {svg}"));
            }
            let ticks = svg.matches(r#"<line class="grid""#).count();
            if ticks > 10 {
                return Err(format!("{ticks} value ticks"));
            }
            if svg.len() > 4096 + 1024 * points.len() {
                return Err(format!(
                    "{} bytes of SVG for {} points",
                    svg.len(),
                    points.len()
                ));
            }
        }
        for v in points
            .iter()
            .flat_map(|p| p.amount.numbers())
            .filter(|&v| format::in_range(v))
        {
            let shown = format::value(v, &Unit::Count);
            let read: f64 = shown
                .replace(',', "")
                .parse()
                .map_err(|e| format!("{shown}: {e}"))?;
            if (read - v).abs() > v.abs() * 1e-14 || (v != 0.0 && read == 0.0) {
                return Err(format!("{v:e} is shown as {shown}"));
            }
            let plain = format::plain(v);
            if plain.parse::<f64>() != Ok(v) {
                return Err(format!("{v:e} is written as {plain}"));
            }
        }
        Ok(())
    }
}

/// Loads and validates the site at `root`: everything `build` checks before rendering.
pub fn load_site(root: &Path, config: Config) -> Result<model::Site, BuildError> {
    let mut sources = load::load(root).map_err(BuildError::new)?;
    validate::validate(config, &mut sources, &|_| None, validate::Bodies::Drop)
        .map_err(BuildError::new)
}

/// Builds the site: load, validate, link, render, write. On error the previous output
/// is left as it was. Pages that would render as in the last build are kept from it
/// (see the `cache` module), unless `options.fresh`.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let root = &options.root;
    // Before anything reads them: see `cache::Settings`.
    let settings = cache::Settings::read(root);
    let config = load_config(root, options.base_url.as_deref())?;
    let output_dir = write::absolute(&match &options.output {
        Some(o) => o.clone(),
        None => root.join(&config.build.output_dir),
    });
    let t = pipeline::Started::now();
    let (output, mut cache) = write::Output::prepare_with(root, &output_dir, |marker| {
        let t = Instant::now();
        let mut cache = cache::Incremental::open(&output_dir, marker, options.fresh, settings);
        // The cached reports are read here too, beside the walks rather than after
        // them (a report whose text is the one a cached report was validated from is
        // then not parsed when the site is loaded).
        cache.begin_validation(root, options.base_url.as_deref());
        pipeline::timing("read the build cache (while the output is prepared)", t);
        cache
    })?;
    pipeline::timing("prepare the output folder", t);
    match emit(options, config, &output, Some(&mut cache)) {
        Ok((mut summary, pages)) => {
            let t = pipeline::Started::now();
            summary.warnings.extend(cache.warnings().iter().cloned());
            summary.rendered = cache.rendered();
            summary.validated = cache.revalidated();
            pipeline::stat("pages kept without building their context", cache.unseen());
            // The cache is written while the output is committed, under a temporary
            // name: it is put in place only once the output it describes is, so a
            // failed commit leaves the previous cache with the previous output.
            let (warnings, installed) = output.commit_with(
                |marker| {
                    let t = pipeline::Started::now();
                    let saved = cache.save(&output_dir, marker, pages);
                    pipeline::timing("write the build cache (while the output is swapped in)", t);
                    saved
                },
                |saved| saved.install(),
            )?;
            summary.warnings.extend(warnings);
            summary.warnings.extend(installed);
            pipeline::timing("swap the output in, the build cache written", t);
            summary.output = Some(output_dir);
            summary.elapsed = started.elapsed();
            Ok(summary)
        }
        Err(e) => {
            output.abandon();
            Err(e)
        }
    }
}

/// Checks the site as `build` does (references, quotes, templates, links), writing
/// nothing.
pub fn check(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let config = load_config(&options.root, options.base_url.as_deref())?;
    let (mut summary, _) = emit(options, config, &pipeline::Discard::default(), None)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Loads, validates, links and renders the site into `sink`, keeping the pages
/// `cache` says are unchanged; the summary and each page's links and ids.
fn emit(
    options: &BuildOptions,
    config: Config,
    sink: &dyn pipeline::Sink,
    mut cache: Option<&mut cache::Incremental>,
) -> Result<
    (
        BuildSummary,
        std::collections::HashMap<String, linkcheck::PageRefs>,
    ),
    BuildError,
> {
    let root = &options.root;
    let t = pipeline::Started::now();
    // The cached reports were read while the output was prepared.
    let reusable = cache.as_deref();
    let known: &dyn load::Known = match reusable {
        Some(cache) => cache,
        None => &load::NotKnown,
    };
    let mut sources = load::load_with(root, known).map_err(BuildError::new)?;
    pipeline::timing("load", t);
    let t = pipeline::Started::now();
    let reuse = |raw: &load::RawReport| reusable.and_then(|c| c.reused(raw));
    let site = validate::validate(config, &mut sources, &reuse, validate::Bodies::Drop)
        .map_err(BuildError::new)?;
    if let Some(cache) = cache.as_deref_mut() {
        let stamps = sources
            .reports
            .iter()
            .filter_map(|r| Some((r.file().to_path_buf(), r.stamp?)))
            .collect();
        cache.validated(validate::Validated::of(&sources, &site), stamps);
    }
    // Counted after validation: a report left unread is read for a warning into it.
    pipeline::stat(
        "load: report files read",
        sources.reports.iter().filter(|r| r.is_read()).count(),
    );
    drop(sources);
    pipeline::timing("validate", t);
    let t = pipeline::Started::now();
    let links = link::Links::new(&site);
    let theme = render::theme::Theme::load(root, &site.config.theme, &site.config.languages())
        .map_err(BuildError::new)?;
    let renderer = render::Renderer::new(&site, &links, &theme).map_err(BuildError::new)?;
    if let Some(cache) = cache.as_deref_mut() {
        cache.begin(options.base_url.as_deref(), renderer.globals_fingerprint());
        cache.plan(&site, &links);
    }
    pipeline::timing("link and compile templates", t);
    let pages = pipeline::emit_all(
        &site,
        root,
        &links,
        &theme,
        &renderer,
        sink,
        pipeline::Rendering {
            progress: options.progress.as_deref(),
            cache: cache.as_deref(),
        },
    )
    .map_err(BuildError::new)?;
    let summary = BuildSummary {
        pages: pages.len(),
        rendered: pages.len(),
        reports: site.reports.len(),
        validated: site.reports.len(),
        metrics: site.metrics.len(),
        observations: links.series.iter().map(|s| s.observations.len()).sum(),
        output: None,
        elapsed: Duration::ZERO,
        candidates: site
            .reports
            .iter()
            .filter(|r| r.candidates > 0)
            .map(|r| (r.slug.clone(), r.candidates))
            .collect(),
        warnings: site
            .warnings
            .iter()
            .chain(&theme.warnings)
            .cloned()
            .collect(),
    };
    Ok((summary, pages))
}
