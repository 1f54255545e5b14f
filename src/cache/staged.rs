//! Files beside the output written whole under a temporary name, then renamed over
//! the file they replace: a reader finds the old file or the new one, never a part.

/// Writes the file at `path` anew with `write`, under a temporary name renamed over
/// it, so a reader finds the old file or the new one, never a part. One temporary
/// name, not one per process: what a build killed while writing leaves is replaced by
/// the next build's, never left to pile up. (Two builds of one output at once could
/// mix their bytes there; the checksum then refuses the file.) Nothing is written
/// through a symbolic link: the temporary file is created new.
pub(crate) fn replace(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    stage(path, write)?.install()
}

/// A file written whole under its temporary name ([`replace`]), not yet renamed over
/// the file it replaces: the build cache is written while the output it describes is
/// committed, and put in place only once that output is. Dropped without
/// [`Staged::install`], the temporary file is removed.
#[derive(Debug)]
pub(crate) struct Staged {
    /// The temporary file (`None` once renamed), and the file it replaces.
    tmp: Option<std::path::PathBuf>,
    path: std::path::PathBuf,
}

impl Staged {
    /// Renames the file over the one it replaces.
    pub(crate) fn install(mut self) -> std::io::Result<()> {
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        let renamed = std::fs::rename(&tmp, &self.path);
        if renamed.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        renamed
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// [`replace`] but the rename: the file written whole under its temporary name.
pub(crate) fn stage(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<Staged> {
    let tmp = temporary(path);
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    // From here the temporary file is the staged one's, removed should writing fail.
    let staged = Staged {
        tmp: Some(tmp),
        path: path.to_path_buf(),
    };
    write(&mut file)?;
    Ok(staged)
}

/// The temporary name of a file beside the output while it is written anew (the build
/// cache, the reports pack): one name, so that what a stopped build left is replaced or
/// removed by the next.
pub(crate) fn temporary(path: &std::path::Path) -> std::path::PathBuf {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::path::PathBuf::from(tmp)
}
