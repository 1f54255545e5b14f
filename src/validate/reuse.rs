//! Validated reports kept for a later validation of the same site: the dev server
//! keeps them in memory between edits, and `wsis build` in its cache between builds.
//! A report is reused only when its file's text is the one it was validated from;
//! the holder answers for the rest (organizations, metrics, action lines, settings
//! and `wsis` itself unchanged).

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::load::{RawReport, Sources};
use crate::model::{Report, Site};

/// Validated reports by source file (relative to the site root), each with the hash
/// of the text it was validated from ([`RawReport::fingerprint`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct Validated(pub(crate) HashMap<PathBuf, (u64, Arc<Report>)>);

impl Validated {
    /// The reports of `site` by the files of `sources` they were validated from.
    pub(crate) fn of(sources: &Sources, site: &Site) -> Validated {
        let by_file: HashMap<&Path, &Arc<Report>> = site
            .reports
            .iter()
            .map(|r| (r.source.as_path(), r))
            .collect();
        Validated(
            sources
                .reports
                .iter()
                .filter_map(|raw| {
                    let file = raw.front.file.as_path();
                    by_file
                        .get(file)
                        .map(|r| (file.to_path_buf(), (raw.fingerprint, Arc::clone(r))))
                })
                .collect(),
        )
    }

    /// The validated version of `raw`, if it was validated from the very same text.
    pub(crate) fn get(&self, raw: &RawReport) -> Option<Arc<Report>> {
        self.0
            .get(&raw.front.file)
            .filter(|(fp, _)| *fp == raw.fingerprint)
            .map(|(_, r)| Arc::clone(r))
    }
}
