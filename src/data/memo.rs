//! The open data's memory between incremental builds: for each data file, a key of
//! everything it is made from and the hash of the bytes it held, so that a build whose
//! data come from the same inputs keeps the files the live output holds
//! ([`crate::pipeline::Sink::keep`]) instead of making them again.
//!
//! A file is made from the site's settings, organizations, metrics, action lines and
//! frame (which the build cache's validation fingerprint covers:
//! [`crate::cache::Incremental::validation`]) and from the reports' data: a metric's
//! own files from the reports with a figure of it (or restated by one), every other
//! file from all reports ([`Keys`]). A report's data is what [`super::rows`] and the
//! series read of it: its metadata, figures (with their quotes) and its sections'
//! action lines, not its text; so an edit of a report's text alone keeps every data
//! file, and an edit of a figure's value or sentence makes its metric's files again.
//!
//! The file is `.<output>.wsis-cache-data` beside the build cache: the magic, the
//! XXH3-128 of the payload, then the payload (postcard: the `wsis` that wrote it and
//! the files). Its entries hold whatever output they are kept into, as a key names
//! the very bytes its inputs make: it is written as soon as the data files are, and a
//! build stopped before the output is exchanged leaves entries that are still true.
//! A file that is damaged, of another format or of another `wsis` is not used.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::diagnostic::Diagnostic;
use crate::model::{Report, Site};
use crate::pipeline::{Sink, lock};
use crate::urls::slash_path;

/// The file's first bytes (with the format's version).
const MAGIC: &[u8] = b"WSIS-DATA 1\n";

/// One data file as remembered: its name below the output, the key of its inputs and
/// the XXH3-128 of its bytes.
type Entry = (String, u128, u128);

/// The payload of the file.
#[derive(Serialize, Deserialize)]
struct Stored {
    wsis: String,
    files: Vec<Entry>,
}

/// The previous build's data files, and where to write this build's.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    previous: HashMap<String, (u128, u128)>,
    to: Option<(PathBuf, String)>,
}

impl Memo {
    /// The path of the memory beside the build cache at `cache`.
    pub(crate) fn path_beside(cache: &Path) -> PathBuf {
        let mut name = cache.as_os_str().to_owned();
        name.push("-data");
        PathBuf::from(name)
    }

    /// The memory the file at `path` holds for the `wsis` named `wsis`: empty when
    /// there is none, `Err` with the reason when one is there but may not be used.
    pub(crate) fn read(path: &Path, wsis: &str) -> Result<Memo, String> {
        let Some(bytes) = crate::cache::read_kept(path)? else {
            return Ok(Memo::default());
        };
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("it is not a wsis data cache file of this format")?;
        let (sum, payload) = rest.split_at_checked(16).ok_or("it is truncated")?;
        if sum != xxh3_128(payload).to_le_bytes() {
            return Err("it is corrupt (checksum)".into());
        }
        let stored: Stored =
            postcard::from_bytes(payload).map_err(|_| "its contents do not decode")?;
        if stored.wsis != wsis {
            return Err(format!(
                "it was written by another wsis ({}; this is {wsis})",
                stored.wsis
            ));
        }
        let previous = stored
            .files
            .into_iter()
            .map(|(name, key, hash)| (name, (key, hash)))
            .collect();
        Ok(Memo { previous, to: None })
    }

    /// Makes [`Memo::save`] write to `path` as the `wsis` named `wsis`.
    pub(crate) fn save_to(&mut self, path: PathBuf, wsis: String) {
        self.to = Some((path, wsis));
    }

    /// Writes `files`, this build's data files, where [`Memo::save_to`] said. A
    /// failure is not reported: the entries already there still hold (a key names
    /// the bytes its inputs make), and the next build makes the others again.
    fn save(&self, mut files: Vec<Entry>) {
        let Some((path, wsis)) = &self.to else {
            return;
        };
        files.sort_unstable();
        let stored = Stored {
            wsis: wsis.clone(),
            files,
        };
        let Ok(payload) = postcard::to_allocvec(&stored) else {
            return;
        };
        let _ = crate::cache::replace(path, |f| {
            use std::io::Write;
            f.write_all(MAGIC)?;
            f.write_all(&xxh3_128(&payload).to_le_bytes())?;
            f.write_all(&payload)
        });
    }
}

/// The keys of this build's data files' inputs.
pub(super) struct Keys<'a> {
    /// All reports' data, for the files that are not one metric's.
    whole: u128,
    /// Each metric's files', by metric id.
    metrics: HashMap<&'a str, u128>,
}

impl<'a> Keys<'a> {
    /// The keys of `site`'s data files, whose settings, organizations, metrics, action
    /// lines and frame have the fingerprint `validation`.
    pub(super) fn of(site: &'a Site, validation: u128) -> Keys<'a> {
        use rayon::prelude::*;
        let reports: Vec<(u128, Vec<u128>)> =
            site.reports.par_iter().map(|r| report_keys(r)).collect();
        let start = |what: &[u8]| {
            let mut h = Xxh3::new();
            h.update(&validation.to_le_bytes());
            h.update(what);
            h
        };
        let mut whole = start(b"whole");
        for (meta, figures) in &reports {
            whole.update(&meta.to_le_bytes());
            figures.iter().for_each(|k| whole.update(&k.to_le_bytes()));
        }
        let by_slug: HashMap<&str, &(u128, Vec<u128>)> = site
            .reports
            .iter()
            .zip(&reports)
            .map(|(r, k)| (r.slug.as_str(), k))
            .collect();
        let mut metrics: Vec<Xxh3> = site.metrics.iter().map(|_| start(b"metric")).collect();
        // In report order, each figure with its report and its place in it: the
        // series sort their figures by report, among others.
        for (r, (meta, figures)) in site.reports.iter().zip(&reports) {
            for (i, (f, figure)) in r.figures.iter().zip(figures).enumerate() {
                let h = &mut metrics[f.metric.index()];
                h.update(&meta.to_le_bytes());
                h.update(&(i as u64).to_le_bytes());
                h.update(&figure.to_le_bytes());
                // The figure a restatement repeats is named by its id, of its report:
                // that report whole stands for it.
                // (No report of that slug: its place stays empty.)
                if let Some((meta, figures)) =
                    f.restates.as_ref().and_then(|s| by_slug.get(s.as_str()))
                {
                    h.update(&meta.to_le_bytes());
                    figures.iter().for_each(|k| h.update(&k.to_le_bytes()));
                } else if f.restates.is_some() {
                    h.update(b"none");
                }
            }
        }
        Keys {
            whole: whole.digest128(),
            metrics: site
                .metrics
                .iter()
                .zip(metrics)
                .map(|(m, h)| (m.id.as_str(), h.digest128()))
                .collect(),
        }
    }

    /// The key of the data file `name`'s inputs: its metric's for a metric's own file,
    /// else all reports'.
    fn of_file(&self, name: &str) -> Option<u128> {
        let metric = name.strip_prefix("data/metrics/").and_then(|file| {
            file.strip_suffix(".csv")
                .or_else(|| file.strip_suffix(".json"))
        });
        match metric {
            Some(id) => self.metrics.get(id).copied(),
            None => Some(self.whole),
        }
    }
}

/// The keys of what the data files read of report `r`: of the report without its
/// figures, and of each figure. The fields are named, none left out by `..`: a field
/// added to reports must be placed here, in or out.
fn report_keys(r: &Report) -> (u128, Vec<u128>) {
    let Report {
        slug,
        source: _,
        title,
        organization,
        year,
        published,
        kind,
        submitted_to,
        source_url,
        summary: _,
        language: _,
        translations: _,
        action_lines,
        figures,
        candidates: _,
        body,
    } = r;
    let sections: Vec<_> = body.sections.iter().map(|s| &s.lines).collect();
    let meta = (
        slug,
        title,
        organization,
        year,
        published,
        kind,
        submitted_to,
        source_url,
        action_lines,
        figures.len(),
        sections,
    );
    let mut buffer = Vec::new();
    let meta = key(&mut buffer, &meta);
    (meta, figures.iter().map(|f| key(&mut buffer, f)).collect())
}

/// The XXH3-128 of `value` serialized into `buffer` (emptied first: one buffer serves
/// a report's keys, rather than one allocation each).
fn key<T: Serialize>(buffer: &mut Vec<u8>, value: &T) -> u128 {
    buffer.clear();
    // Serializing into memory fails only when a length overflows a `usize`.
    match postcard::to_extend(value, std::mem::take(buffer)) {
        Ok(bytes) => {
            *buffer = bytes;
            xxh3_128(buffer)
        }
        Err(_) => 0,
    }
}

/// A sink for the data files that keeps those the previous build made from the same
/// inputs, skips putting them again, and remembers every file for the next build.
pub(super) struct Keeping<'a> {
    sink: &'a dyn Sink,
    keys: Keys<'a>,
    memo: &'a Memo,
    /// The files kept from the live output.
    kept: HashSet<String>,
    /// Whether every file but the metrics' own was kept.
    whole_kept: bool,
    /// This build's files, kept or written.
    files: Mutex<Vec<Entry>>,
    /// How many were written.
    written: std::sync::atomic::AtomicUsize,
}

impl<'a> Keeping<'a> {
    /// Keeps every file of the previous build whose inputs' key is this build's.
    pub(super) fn new(
        sink: &'a dyn Sink,
        keys: Keys<'a>,
        memo: &'a Memo,
    ) -> Result<Keeping<'a>, Diagnostic> {
        use rayon::prelude::*;
        // Each keep waits on the file system (two `stat`s, maybe a link): in parallel.
        let tried: Vec<(&String, u128, u128, bool)> = memo
            .previous
            .par_iter()
            .filter(|(name, (key, _))| keys.of_file(name) == Some(*key))
            .map(|(name, &(key, hash))| Ok((name, key, hash, sink.keep(Path::new(name), hash)?)))
            .collect::<Result<_, Diagnostic>>()?;
        let whole = |name: &str| !name.starts_with("data/metrics/");
        // The previous build wrote the same files but the metrics' own from the same
        // inputs: all of them must be kept to skip making them.
        let whole_kept = tried.iter().any(|(name, ..)| whole(name))
            && tried.iter().all(|(name, .., kept)| *kept || !whole(name))
            && memo
                .previous
                .iter()
                .filter(|(name, _)| whole(name))
                .all(|(_, (key, _))| *key == keys.whole);
        let mut kept = HashSet::new();
        let mut files = Vec::new();
        for (name, key, hash, _) in tried.into_iter().filter(|t| t.3) {
            kept.insert(name.clone());
            files.push((name.clone(), key, hash));
        }
        Ok(Keeping {
            sink,
            keys,
            memo,
            kept,
            whole_kept,
            files: Mutex::new(files),
            written: Default::default(),
        })
    }

    /// Whether every file but the metrics' own was kept.
    pub(super) fn whole_kept(&self) -> bool {
        self.whole_kept
    }

    /// Whether the file `name` was kept.
    pub(super) fn kept(&self, name: &str) -> bool {
        self.kept.contains(name)
    }

    /// Saves this build's files for the next one, unless it kept every file of the
    /// previous build and wrote none (the memory on disk says as much).
    pub(super) fn finish(self) {
        use std::sync::atomic::Ordering;
        let written = self.written.load(Ordering::Relaxed);
        crate::pipeline::stat("data files kept", self.kept.len());
        crate::pipeline::stat("data files made again", written);
        if written == 0 && self.kept.len() == self.memo.previous.len() {
            return;
        }
        let files = self.files.into_inner().unwrap_or_else(|p| p.into_inner());
        self.memo.save(files);
    }
}

impl Sink for Keeping<'_> {
    fn put(&self, rel: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let name = slash_path(rel);
        // A file kept holds the very bytes its inputs make.
        if self.kept.contains(&name) {
            return Ok(());
        }
        if let Some(key) = self.keys.of_file(&name) {
            lock(&self.files).push((name, key, xxh3_128(&bytes)));
        }
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.sink.put(rel, bytes)
    }
    fn has(&self, rel: &Path) -> bool {
        self.sink.has(rel)
    }
    fn keeps_bytes(&self) -> bool {
        self.sink.keeps_bytes()
    }
}
