//! Replacing a file in one step: a reader (the watcher, the build, an editor) sees the
//! old file or the new one, never half of it.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Writes `bytes` to `path` through a temporary file in the same folder (a rename
/// across file systems would not be atomic), keeping the file's permissions.
pub(crate) fn atomically(path: &Path, shown: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let io = |action: &str, e: &std::io::Error| Diagnostic::io(shown, action, e);
    let permissions = fs::metadata(path).map_err(|e| io("read the file's permissions", &e))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("report");
    // A dot name ending `.tmp`: the dev server's watcher and the loader skip it.
    let temp = path.with_file_name(format!(".{name}.{}.wsis-review.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| io("create a temporary file beside it", &e))?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| io("write", &e))?;
        fs::set_permissions(&temp, permissions.permissions())
            .map_err(|e| io("keep the file's permissions", &e))?;
        fs::rename(&temp, path).map_err(|e| io("replace the file", &e))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        atomically(&path, Path::new("r.md"), b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
