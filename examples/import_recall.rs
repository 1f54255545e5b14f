//! The candidate finder measured against the curated reports: for each report in
//! `content/reports/`, its source text in `../shared/seeds/` is read for candidates,
//! and a curated figure is found when a candidate has its value (or range), bound and
//! year. Prints per report: curated, candidates, found, recall and precision (the
//! share of candidates that are curated figures). With `--verbose` (or `VERBOSE` set)
//! it also prints each miss, with the candidate of the same value that differs in
//! bound or year if there is one, and every candidate marked `+` (a curated figure) or
//! `-`.
//!
//! Run from the repository root: `cargo run --example import_recall -- --verbose`.

use std::path::Path;

use serde::Deserialize;
use wsis::import::read::{Limits, read};
use wsis::import::{Candidate, candidates};
use wsis::model::Bound;

/// The part of a curated report's front matter the benchmark reads.
#[derive(Deserialize)]
struct Report {
    year: i32,
    #[serde(default)]
    figures: Vec<Figure>,
}

/// A curated figure.
#[derive(Deserialize)]
struct Figure {
    metric: String,
    quote: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    year: i32,
    #[serde(default)]
    bound: Bound,
}

/// Each curated report and the prefix of its seed file (checked by content below).
const MAP: &[(&str, &str)] = &[
    ("isoc-2024", "000"),
    ("isoc-2025", "001"),
    ("igf-2024-review-submission", "002"),
    ("igf-2024", "003"),
    ("unattributed-respondent-2025", "004"),
];

fn matches(f: &Figure, c: &Candidate) -> bool {
    let (low, high) = match (f.value, f.low, f.high) {
        (Some(v), _, _) => (v, None),
        (None, Some(l), h) => (l, h),
        _ => return false,
    };
    c.value == low && c.value_max == high && c.bound == f.bound && c.year == f.year
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seeds = Path::new("../shared/seeds");
    let verbose =
        std::env::args().any(|a| a == "--verbose") || std::env::var_os("VERBOSE").is_some();
    let (mut all_curated, mut all_cands, mut all_found, mut all_true) = (0, 0, 0, 0);
    println!(
        "{:<30} {:>7} {:>10} {:>5} {:>7} {:>9}",
        "report", "curated", "candidates", "found", "recall", "precision"
    );
    for (report, prefix) in MAP {
        let md = std::fs::read_to_string(format!("content/reports/{report}.md"))?;
        let front = md
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---"))
            .map(|(f, _)| f)
            .ok_or("no front matter")?;
        let curated: Report = serde_norway::from_str(front)?;
        let seed = std::fs::read_dir(seeds)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .ok_or("no seed")?;
        // Through the importer's own reading, as `wsis import` does it.
        let (_, document) = read(&seed, Limits::default()).map_err(|d| d.message)?;
        let text = document.plain_text();
        let cands = candidates(&text, curated.year);
        // The mapping is checked by content: most curated figures' numbers are in the seed.
        let found = curated
            .figures
            .iter()
            .filter(|f| cands.iter().any(|c| matches(f, c)))
            .count();
        let true_cands = cands
            .iter()
            .filter(|c| curated.figures.iter().any(|f| matches(f, c)))
            .count();
        let n = curated.figures.len();
        println!(
            "{:<30} {:>7} {:>10} {:>5} {:>6.0}% {:>8.0}%",
            report,
            n,
            cands.len(),
            found,
            pct(found, n),
            pct(true_cands, cands.len())
        );
        if verbose {
            for f in curated
                .figures
                .iter()
                .filter(|f| !cands.iter().any(|c| matches(f, c)))
            {
                let value = f.value.or(f.low).unwrap_or(f64::NAN);
                // Prefer the candidate from the curated quote's own sentence.
                let near = cands
                    .iter()
                    .filter(|c| c.value == value)
                    .max_by_key(|c| c.quote.contains(f.quote.as_str()));
                let why = match near {
                    Some(c) if c.quote.contains(f.quote.as_str()) => {
                        format!("its sentence's candidate reads {:?} {}", c.bound, c.year)
                    }
                    Some(c) => format!(
                        "no candidate in its sentence; one elsewhere reads {:?} {}",
                        c.bound, c.year
                    ),
                    None => "no candidate has this value".to_owned(),
                };
                println!(
                    "  missed: {} {} {:?} {}: {why} | {}",
                    f.metric, value, f.bound, f.year, f.quote
                );
            }
            for c in &cands {
                let hit = curated.figures.iter().any(|f| matches(f, c));
                println!(
                    "  {} {} {:?} {:?} {:?} {} | {}",
                    if hit { "+" } else { "-" },
                    c.value,
                    c.unit,
                    c.bound,
                    c.status,
                    c.year,
                    c.quote.replace('\n', " ")
                );
            }
        }
        all_curated += n;
        all_cands += cands.len();
        all_found += found;
        all_true += true_cands;
    }
    println!(
        "{:<30} {:>7} {:>10} {:>5} {:>6.0}% {:>8.0}%",
        "all",
        all_curated,
        all_cands,
        all_found,
        pct(all_found, all_curated),
        pct(all_true, all_cands)
    );
    Ok(())
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}
