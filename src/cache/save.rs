//! Writing the cache at the end of a build: the pages' entries, the checked reports
//! and the search index's memory, each beside the output under a temporary name.

use super::staged::{Staged, stage};
use super::*;

/// The cache written under its temporary name while the output it describes was
/// committed ([`crate::write::Output::commit_with`]): renamed over the old cache by
/// [`Saved::install`] once that output is in place. Dropped instead (the commit
/// failed), its temporary file is removed and the old cache stays, still naming the
/// output that stays.
#[derive(Debug)]
pub(crate) struct Saved {
    /// The cache file.
    path: PathBuf,
    /// The cache written, or why it could not be.
    staged: std::io::Result<Staged>,
    /// Why the search index's memory could not be written, if it could not.
    search: Option<Diagnostic>,
}

impl Saved {
    /// Puts the cache in place, now that the output it describes is. Returns a warning
    /// when the cache, or the search index's memory, could not be written (the next
    /// build then renders every page, or indexes every page's text).
    pub(crate) fn install(self) -> Option<Diagnostic> {
        let written = self.staged.and_then(Staged::install);
        let failed = written.err().map(|e| {
            Diagnostic::new(
                Kind::Cache,
                &self.path,
                format!("the build cache could not be written: {e}"),
            )
            .help("the next build renders every page; check the folder's permissions")
        });
        failed.or(self.search)
    }
}

impl Incremental {
    /// Writes the cache of the output at `output_dir` as it is once committed, its
    /// marker hashing as `marker`, its pages having the links and ids `pages`: beside
    /// it, under a temporary name ([`Saved`]). Runs while the output is committed: the
    /// marker's bytes are known before the exchange.
    pub(crate) fn save(
        self,
        output_dir: &Path,
        marker: u128,
        pages: HashMap<String, PageRefs>,
    ) -> Saved {
        // The search index's memory was written as soon as the index was made.
        let search = self.search.failure().map(|why| {
            Diagnostic::new(
                Kind::Cache,
                crate::write::search_path(output_dir),
                format!("the search index's cache could not be written: {why}"),
            )
            .help("the next build indexes every page's text; check the folder's permissions")
        });
        let path = self.path.clone();
        let staged = self.save_pages(marker, pages);
        Saved {
            path,
            staged,
            search,
        }
    }

    /// [`Incremental::save`] but the search index's memory: the reports file, and the
    /// pages' cache under its temporary name.
    fn save_pages(
        mut self,
        marker: u128,
        mut pages: HashMap<String, PageRefs>,
    ) -> std::io::Result<Staged> {
        let saved = self.save_pages_of(marker, &mut pages);
        drop_later((self, pages));
        saved
    }

    /// [`Incremental::save_pages`], taking the pages it records out of `pages`.
    fn save_pages_of(
        &mut self,
        marker: u128,
        pages: &mut HashMap<String, PageRefs>,
    ) -> std::io::Result<Staged> {
        let (pack, packed) = self.write_pack()?;
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
        let staged = stage(&self.path, |f| file::write(&contents, f));
        drop_later((contents.pages, contents.links));
        staged
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
pub(crate) fn drop_later<T: Send + 'static>(leftovers: T) {
    let _ = std::thread::Builder::new()
        .name("wsis-drop".into())
        .spawn(move || drop(leftovers));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker the cache file at `path` names.
    fn marker(path: &Path) -> u128 {
        file::decode(&std::fs::read(path).unwrap()).unwrap().marker
    }

    /// Issue 17: the cache is written while the output is committed, under its
    /// temporary name. Put in place once the output is, it names the new output's
    /// marker; dropped (the commit failed), the previous cache stays as it was, naming
    /// the output that stays, and no temporary file is left.
    #[test]
    fn a_cache_written_beside_a_failed_commit_is_never_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let path = crate::write::cache_path(&out);
        let saved =
            Incremental::open(&out, None, true, Default::default()).save(&out, 7, HashMap::new());
        assert!(!path.exists(), "in place before the commit");
        assert!(saved.install().is_none());
        assert_eq!(marker(&path), 7);

        let saved =
            Incremental::open(&out, None, true, Default::default()).save(&out, 8, HashMap::new());
        drop(saved);
        assert_eq!(marker(&path), 7);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
