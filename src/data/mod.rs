//! Open data: the figures of the site as CSV and JSON for analysts, generated from the
//! same model as the pages so the numbers cannot disagree, and described by a
//! Frictionless Data Package so that tools can check and type them.
//!
//! Under `data/`:
//! - `metrics.csv`: one row per figure (the `figures` table; the name is kept, as
//!   published links point to it);
//! - `metrics/<id>.csv` and `metrics/<id>.json`: one metric's figures, and the metric
//!   with its series (linked from its page and its JSON-LD);
//! - `metric-definitions.csv`, `reports.csv`, `organizations.csv`: the tables the
//!   figures refer to;
//! - `metrics.json`: every metric with its series (its figures are in `metrics.csv`
//!   and its own JSON file); `reports.json`, `organizations.json`: the same as their
//!   CSV files, with lists where a CSV cell joins them;
//! - `targets.csv` / `.json` and `crosswalk.csv` / `.json`: the WSIS+20 frame's
//!   targets and sourced links (see `frame`), when the site has a frame;
//! - `datapackage.json` and `figures.schema.json`: the package (see `package`).

mod frame;
mod memo;
mod package;
mod rows;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Kind};
use crate::link::Links;
use crate::model::{MetricId, ReportId, Site};
use crate::pipeline::Sink;

pub(crate) use frame::{CROSSWALK_CSV, CROSSWALK_JSON, TARGETS_JSON};
pub(crate) use memo::Memo;
pub(crate) use rows::{metric_csv, metric_json_path};

/// Metrics whose rows are serialised at once before they are appended to
/// `metrics.csv`: enough to keep both cores busy, few enough that the rows are not
/// held twice over.
const METRICS_AT_ONCE: usize = 256;

/// Writes every data file into `sink`, as [`make`] does; with the previous build's
/// `memo` and the fingerprint `validation` of what the data read besides the reports
/// (the incremental build's: [`crate::cache::Incremental::validation`]), the files
/// whose inputs are unchanged are kept instead, and only the others made.
pub(crate) fn files(
    site: &Site,
    links: &Links,
    sink: &dyn Sink,
    memo: Option<(&Memo, u128)>,
) -> Result<(), Diagnostic> {
    // No fingerprint (0) is no proof that nothing changed.
    let Some((memo, validation)) = memo.filter(|(_, v)| *v != 0) else {
        return make(site, links, sink, &|_| false);
    };
    let t = crate::pipeline::Started::now();
    let keys = memo::Keys::of(site, validation);
    crate::pipeline::timing("data: inputs' keys", t);
    let keeping = memo::Keeping::new(sink, keys, memo)?;
    crate::pipeline::timing("data: files kept", t);
    if keeping.whole_kept() {
        // Only metrics' own files are left to make, from their metric alone.
        let header = figures_header()?;
        (0..site.metrics.len())
            .into_par_iter()
            .map(|i| MetricId(i as u32))
            .filter(|&id| {
                let m = &site.metric(id).id;
                !(keeping.kept(&metric_csv(m)) && keeping.kept(&metric_json_path(m)))
            })
            .try_for_each(|id| {
                let json_of = rows::metric_json(site, links, id);
                let kept = |name: &str| keeping.kept(name);
                metric_files(site.metric(id), &json_of, &header, &keeping, &kept).map(drop)
            })?;
    } else {
        make(site, links, &keeping, &|name| keeping.kept(name))?;
    }
    keeping.finish();
    Ok(())
}

/// Writes every data file into `sink`, each as soon as it is serialised: the JSON and
/// CSV of all reports and figures are large, and holding them all would add up. A
/// metric's file that `sink` keeps from the previous build (`kept`) is not serialised.
fn make(
    site: &Site,
    links: &Links,
    sink: &dyn Sink,
    kept: &(dyn Fn(&str) -> bool + Sync),
) -> Result<(), Diagnostic> {
    let put = |(rel, bytes): (PathBuf, Vec<u8>)| sink.put(&rel, bytes);
    let t = crate::pipeline::Started::now();
    // Each metric's files are made and written in parallel: one at a time, they were
    // most of the data files' time, and the data files the longest part of an
    // incremental build's rendering stage. `metrics.csv` is every metric's rows in turn
    // under the one header of the figures tables: each metric's rows are serialised
    // once, for its own file and for that one, a few hundred metrics at a time. Only
    // the metrics' heads outlive their chunk (for `metrics.json`): every figure's row
    // of the site was held at once before (117 MiB more at this stage at 30,000
    // reports), memory that grows with the site while the pages are rendered beside.
    let header = figures_header()?;
    let mut all = header.clone();
    let mut heads: Vec<rows::MetricHead<'_>> = Vec::with_capacity(site.metrics.len());
    let count = site.metrics.len();
    for start in (0..count).step_by(METRICS_AT_ONCE) {
        let made = (start..count.min(start + METRICS_AT_ONCE))
            .into_par_iter()
            .map(|i| {
                let id = MetricId(i as u32);
                let json_of = rows::metric_json(site, links, id);
                let body = metric_files(site.metric(id), &json_of, &header, sink, kept)?;
                Ok((json_of.head, body))
            })
            .collect::<Result<Vec<_>, Diagnostic>>()?;
        for (head, body) in made {
            all.extend_from_slice(&body);
            heads.push(head);
        }
    }
    put((PathBuf::from("data/metrics.csv"), all))?;
    put((PathBuf::from("data/metrics.json"), records(&heads)?))?;

    crate::pipeline::timing("data: metrics' files", t);
    let t = crate::pipeline::Started::now();
    let definitions =
        (0..site.metrics.len()).map(|i| rows::definition_row(site, MetricId(i as u32)));
    put(table("metric-definitions", definitions)?)?;

    let report_ids = || (0..site.reports.len()).map(|i| ReportId(i as u32));
    put(table(
        "reports",
        report_ids().map(|id| rows::report_row(site, id, true)),
    )?)?;
    let reports: Vec<_> = report_ids().map(|id| rows::report_json(site, id)).collect();
    put((PathBuf::from("data/reports.json"), records(&reports)?))?;

    crate::pipeline::timing("data: definitions and reports", t);
    let orgs = rows::org_rows(site);
    put(table("organizations", orgs.iter())?)?;
    put((PathBuf::from("data/organizations.json"), records(&orgs)?))?;

    if frame::has_frame(&site.frame) {
        let joined = |l: Vec<String>| l.join(" ");
        put(table(
            "targets",
            frame::target_rows(site, links, joined).into_iter(),
        )?)?;
        let targets = frame::target_rows(site, links, |l| l);
        put((PathBuf::from(TARGETS_JSON), records(&targets)?))?;
        let crosswalk = frame::crosswalk_rows(site);
        put(table("crosswalk", crosswalk.iter())?)?;
        put((PathBuf::from(CROSSWALK_JSON), records(&crosswalk)?))?;
    }
    put((
        PathBuf::from(format!("data/{}", package::FIGURES_SCHEMA)),
        pretty(&package::figures_schema())?,
    ))?;
    put((
        PathBuf::from("data/datapackage.json"),
        pretty(&package::descriptor(site))?,
    ))?;
    Ok(())
}

/// Writes metric `m`'s own files, its figures `json_of` as CSV (under `header`) and
/// the metric as JSON, into `sink`, but those `sink` keeps (`kept`); the CSV rows
/// without their header, for `metrics.csv`.
fn metric_files(
    m: &crate::model::Metric,
    json_of: &rows::MetricJson<'_>,
    header: &[u8],
    sink: &dyn Sink,
    kept: &dyn Fn(&str) -> bool,
) -> Result<Vec<u8>, Diagnostic> {
    let file = metric_csv(&m.id);
    let body = csv_rows(&file, json_of.observations.iter())?;
    if !kept(&file) {
        sink.put(Path::new(&file), [header, body.as_slice()].concat())?;
    }
    let json = metric_json_path(&m.id);
    if !kept(&json) {
        sink.put(Path::new(&json), record(json_of)?)?;
    }
    Ok(body)
}

/// The header of the figures tables (`metrics.csv` and each metric's CSV file).
fn figures_header() -> Result<Vec<u8>, Diagnostic> {
    csv(
        "data/metrics.csv",
        &rows::CSV_COLUMNS,
        std::iter::empty::<()>(),
    )
}

/// The CSV file `data/<name>.csv` of the package's resource `name`, its header taken
/// from the resource's schema (so that an empty table still has one).
fn table<T: Serialize>(
    name: &str,
    rows: impl Iterator<Item = T>,
) -> Result<(PathBuf, Vec<u8>), Diagnostic> {
    let file = format!("data/{name}.csv");
    let columns = package::columns(name);
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let bytes = csv(&file, &columns, rows)?;
    Ok((PathBuf::from(file), bytes))
}

/// `rows` as CSV with a header; `columns` is the header written when there is no row
/// (with rows, serde writes it from the field names).
fn csv<T: Serialize>(
    file: &str,
    columns: &[&str],
    rows: impl Iterator<Item = T>,
) -> Result<Vec<u8>, Diagnostic> {
    let fail = |e: csv::Error| Diagnostic::new(Kind::Io, file, e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut wrote_header = false;
    for r in rows {
        w.serialize(r).map_err(fail)?;
        wrote_header = true;
    }
    if !wrote_header {
        w.write_record(columns).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Diagnostic::new(Kind::Io, file, e.to_string()))
}

/// `rows` as CSV without a header, to follow one written by [`csv`] for the same
/// columns.
fn csv_rows<T: Serialize>(
    file: &str,
    rows: impl Iterator<Item = T>,
) -> Result<Vec<u8>, Diagnostic> {
    let fail = |e: csv::Error| Diagnostic::new(Kind::Io, file, e.to_string());
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for r in rows {
        w.serialize(r).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Diagnostic::new(Kind::Io, file, e.to_string()))
}

/// A list of records as JSON, one record a line. Indented, the nesting of each
/// record's series was most of the open data's bytes (issue 17); one record a line
/// still diffs and greps well.
fn records<T: Serialize>(items: &[T]) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = b"[".to_vec();
    for (i, item) in items.iter().enumerate() {
        bytes.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut bytes, item).map_err(json_failed)?;
    }
    bytes.extend_from_slice(b"\n]\n");
    Ok(bytes)
}

/// One record as JSON on one line (a metric's file), for the reason of [`records`].
fn record<T: Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = serde_json::to_vec(value).map_err(json_failed)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A document people read (the package descriptor and the schema), indented: small,
/// and read more than parsed.
fn pretty<T: Serialize>(value: &T) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(json_failed)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Why a data file could not be written as JSON.
fn json_failed(e: serde_json::Error) -> Diagnostic {
    Diagnostic::new(Kind::Io, "data", e.to_string())
}
