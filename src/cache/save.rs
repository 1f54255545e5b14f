//! Writing the cache at the end of a build: the pages' entries, the checked reports
//! and the search index's memory, each beside the output under a temporary name.

use super::*;

impl Incremental {
    /// Writes the cache of the output now at `output_dir`, whose pages have the links
    /// and ids `pages`: beside it, under a temporary name renamed over the old cache.
    /// Returns a warning when it cannot, or could not write the search index's memory
    /// (the next build then renders every page, or indexes every page's text).
    pub(crate) fn save(
        self,
        output_dir: &Path,
        pages: HashMap<String, PageRefs>,
    ) -> Option<Diagnostic> {
        // The search index's memory was written as soon as the index was made.
        let search_failed = self.search.failure();
        self.save_pages(output_dir, pages).or_else(|| {
            Some(
                Diagnostic::new(
                    Kind::Cache,
                    crate::write::search_path(output_dir),
                    format!(
                        "the search index's cache could not be written: {}",
                        search_failed?
                    ),
                )
                .help("the next build indexes every page's text; check the folder's permissions"),
            )
        })
    }

    /// [`Incremental::save`] but the search index's memory: the pages' cache and the
    /// reports file.
    fn save_pages(
        mut self,
        output_dir: &Path,
        mut pages: HashMap<String, PageRefs>,
    ) -> Option<Diagnostic> {
        let saved = self.save_pages_of(output_dir, &mut pages);
        drop_later((self, pages));
        saved
    }

    /// [`Incremental::save_pages`], taking the pages it records out of `pages`.
    fn save_pages_of(
        &mut self,
        output_dir: &Path,
        pages: &mut HashMap<String, PageRefs>,
    ) -> Option<Diagnostic> {
        let path = self.path.clone();
        let fail = |what: &str, e: &std::io::Error| {
            Some(
                Diagnostic::new(
                    Kind::Cache,
                    &path,
                    format!("the build cache could not be {what}: {e}"),
                )
                .help("the next build renders every page; check the folder's permissions"),
            )
        };
        let marker = output_dir.join(crate::write::MARKER);
        let marker = match std::fs::read(&marker) {
            Ok(bytes) => xxhash_rust::xxh3::xxh3_128(&bytes),
            Err(e) => return fail("written (the output's marker cannot be read)", &e),
        };
        let (pack, packed) = match self.write_pack() {
            Ok(written) => written,
            Err(e) => return fail("written", &e),
        };
        let fresh = std::mem::take(&mut *lock(&self.fresh));
        // A page kept has the previous build's links and ids, written again as that
        // cache stored them, in its links table.
        let mut previous = self.previous.take().unwrap_or_default();
        let contents = Contents {
            wsis: self.wsis.clone(),
            output: self.output,
            marker,
            globals: self.globals,
            validation: self.validation,
            pack,
            packed,
            pages: fresh
                .into_iter()
                .filter_map(|(path, (context, output, rendered))| {
                    let refs = pages.remove(&path)?;
                    let stored = match rendered {
                        true => None,
                        // Taken, not removed: the entry's links are freed with the
                        // rest, off the build's path.
                        false => previous.pages.get_mut(&path).and_then(|e| e.stored.take()),
                    };
                    Some((
                        path,
                        PageEntry {
                            context,
                            output,
                            refs,
                            stored,
                        },
                    ))
                })
                .collect(),
            links: std::mem::take(&mut previous.links),
        };
        drop_later(previous);
        let written = file::replace(&self.path, |f| file::write(&contents, f));
        drop_later((contents.pages, contents.links));
        written.err().and_then(|e| fail("written", &e))
    }

    /// Writes this build's validated reports to the reports pack: only those not
    /// already there (validated again, or new), appended, unless the pack is to be
    /// written anew (none yet, or more dead bytes than live). The pack's id and length,
    /// and where each report is, by source file.
    fn write_pack(&mut self) -> std::io::Result<((u128, u64), Vec<pack::Packed>)> {
        let path = self.pack_path.clone();
        let validated = std::mem::take(&mut self.validated);
        let mut reports: Vec<(&PathBuf, &(u64, Arc<Report>))> = validated.0.iter().collect();
        reports.sort_unstable_by(|a, b| a.0.cmp(b.0));
        // A report is where the previous build put it when it is the very report read
        // from there (reused, not validated again). The previous reports are held in
        // `reusable` until here, so no report validated anew can share an address
        // with one of them.
        let mut at: Vec<Option<pack::Packed>> = reports
            .iter()
            .map(|(source, (fp, r))| {
                let p = self.packed_at.get(*source)?;
                let (_, old) = self.reusable.0.get(*source)?;
                (Arc::ptr_eq(old, r) && p.fingerprint == *fp).then_some(*p)
            })
            .collect();
        let live = at.iter().flatten().map(|p| p.len).sum();
        let appended = match self.pack {
            Some((id, len)) if !pack::worth_rewriting(len, live) => {
                pack::Writer::append(&path, id, len)
            }
            _ => None,
        };
        let mut writer = match appended {
            Some(w) => w,
            None => {
                at.iter_mut().for_each(|p| *p = None);
                pack::Writer::anew(&path)?
            }
        };
        let missing: Vec<(u64, &Report)> = reports
            .iter()
            .zip(&at)
            .filter(|(_, p)| p.is_none())
            .map(|((_, (fp, r)), _)| (*fp, r.as_ref()))
            .collect();
        let mut written = writer.write(&missing)?.into_iter();
        let id = writer.id;
        let len = writer.finish()?;
        // Each report's file as this build read it (or found it unchanged), kept or
        // written: a file touched without a change gets its new stamp.
        let packed = at
            .into_iter()
            .zip(&reports)
            .map(|(p, (source, _))| {
                let mut p = p.or_else(|| written.next())?;
                p.stamp = self.stamps.get(*source).copied();
                Some(p)
            })
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        Ok(((id, len), packed))
    }
}

/// Drops `leftovers` on a thread of their own, off the build's path: what a build
/// holds to its end (every report, each page's links and ids, this build's and the
/// previous build's) is a million allocations at 10,000 reports, a twentieth of an
/// incremental build to free, and when the process ends first, as `wsis build`'s
/// does, it is never freed one by one. (Where no thread can be started, they are
/// dropped here.)
fn drop_later<T: Send + 'static>(leftovers: T) {
    let _ = std::thread::Builder::new()
        .name("wsis-drop".into())
        .spawn(move || drop(leftovers));
}
