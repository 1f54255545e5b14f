//! The switch of the output: the new tree and the output exchanged in one atomic step,
//! or two renames where the system has no exchange.

use std::fs;
use std::path::Path;

use super::names::sibling;
use crate::diagnostic::Diagnostic;

/// Puts the tree at `staging` in place of `target`; afterwards `staging` holds the
/// previous tree, if there was one. One atomic exchange where the system has it, else
/// two renames (see [`super::tree::clean_leftovers`] for a build killed between them).
pub(super) fn swap(staging: &Path, target: &Path) -> Result<(), Diagnostic> {
    if fs::symlink_metadata(target).is_err() {
        return fs::rename(staging, target)
            .map_err(|e| Diagnostic::io(target, "move the new output in place", &e));
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staging, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // Kernels and file systems without the exchange, and sandboxes that
            // forbid the call, take the renames below (which fail clearly if renames
            // are forbidden too).
            Err(e)
                if [
                    rustix::io::Errno::INVAL,
                    rustix::io::Errno::NOSYS,
                    rustix::io::Errno::OPNOTSUPP,
                    rustix::io::Errno::PERM,
                ]
                .contains(&e) => {}
            Err(e) => {
                return Err(Diagnostic::io(
                    target,
                    "exchange the new output with the previous one",
                    &e.into(),
                ));
            }
        }
    }
    swap_by_renames(staging, target)
}

/// [`swap`] where there is no atomic exchange: the output is moved aside, the new tree
/// moved in, and the previous tree moved to `staging`.
pub(super) fn swap_by_renames(staging: &Path, target: &Path) -> Result<(), Diagnostic> {
    let old = sibling(target, "wsis-old");
    fs::rename(target, &old)
        .map_err(|e| Diagnostic::io(target, "move the previous output aside", &e))?;
    if let Err(e) = fs::rename(staging, target) {
        // Put the previous output back so a failed swap loses nothing.
        let _ = fs::rename(&old, target);
        return Err(Diagnostic::io(target, "move the new output in place", &e));
    }
    // The new output is in place: should this last rename fail, the next build
    // removes the previous tree from where it is.
    let _ = fs::rename(&old, staging);
    Ok(())
}
