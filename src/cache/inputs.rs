//! What every page reads besides its own context, fingerprinted: when any of it
//! changes, no page of the previous build is kept.
//!
//! That is the `wsis` executable (its version, size and time: the built-in theme,
//! interface text and number formats are compiled into it), `site.toml` and the
//! `--base-url` override, every file under `themes/` (templates, interface text,
//! stylesheets), and each language's site-wide values as the templates see them
//! ([`crate::render::Renderer::globals_fingerprint`]). Content and the site's
//! `static/` reach pages only through their contexts (and the asset names among the
//! site-wide values), which are fingerprinted page by page.

use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use crate::render::page_context;

/// Which `wsis` this is: its version and its executable's size and modification
/// time, so that a rebuilt `wsis` of the same version (a changed template compiled
/// in) never trusts another's cache.
pub(super) fn wsis_id() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {time}", m.len())
        })
        .unwrap_or_else(|_| "unknown".into());
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// A fingerprint of the output folder's path: a cache written for another output
/// (copied, or the folder renamed) is not this one's. The site's address is among the
/// globals: a build under another address renders every page, without a warning.
pub(super) fn output_id(output: &Path) -> u128 {
    let mut h = Xxh3::new();
    page_context::bytes(&mut h, output.as_os_str().as_encoded_bytes());
    h.digest128()
}

/// The settings and theme files of a site, fingerprinted before the build reads them.
///
/// Taken first, so that a file saved while the build runs makes the cache record an
/// older version than the build used (the next build then sees a change and redoes
/// the work), never a newer one: read after the build, `site.toml` or a template
/// saved in between would be recorded as built from while the pages show the version
/// before, and the next build would keep them. Not covered: a file changed during
/// the build and changed back before the next one (recorded as it was first, built
/// from the version between); fingerprinting the very bytes the loaders read would.
// No `Default` outside tests: a build's settings are always read, never zero.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(test, derive(Default))]
pub(crate) struct Settings {
    /// `site.toml`'s bytes.
    site_toml: u128,
    /// Every path and file's bytes under `themes/`.
    themes: u128,
}

impl Settings {
    /// Fingerprints the settings and themes of the site at `root` as they are now.
    pub(crate) fn read(root: &Path) -> Settings {
        let mut h = Xxh3::new();
        file(&mut h, &root.join("site.toml"));
        let site_toml = h.digest128();
        let mut h = Xxh3::new();
        tree(&mut h, &root.join("themes"), None);
        Settings {
            site_toml,
            themes: h.digest128(),
        }
    }
}

/// A fingerprint of the files every page reads (`settings`, taken before the build
/// read them), with the `--base-url` override and the renderer's site-wide values
/// `site_values`.
pub(super) fn globals(settings: &Settings, base_url: Option<&str>, site_values: u128) -> u128 {
    let mut h = Xxh3::new();
    h.update(&site_values.to_le_bytes());
    page_context::bytes(&mut h, base_url.unwrap_or("").as_bytes());
    page_context::bytes(
        &mut h,
        if cfg!(feature = "minify") {
            b"minify"
        } else {
            b""
        },
    );
    h.update(&settings.site_toml.to_le_bytes());
    h.update(&settings.themes.to_le_bytes());
    h.digest128()
}

/// A fingerprint of what validating a report reads besides the report's own file,
/// under the site at `root` with the `--base-url` override: `site.toml` (in
/// `settings`) and every file under `content/` but the reports (organizations,
/// metrics, action lines, the frame's documents), read before the build loads them.
/// While it holds, a report whose text is unchanged validates as before, and the
/// build reuses it from the cache.
pub(super) fn validation(root: &Path, settings: &Settings, base_url: Option<&str>) -> u128 {
    let mut h = Xxh3::new();
    page_context::bytes(&mut h, base_url.unwrap_or("").as_bytes());
    h.update(&settings.site_toml.to_le_bytes());
    let content = root.join("content");
    tree(&mut h, &content, Some(&content.join("reports")));
    h.digest128()
}

/// Feeds the path of every entry under `dir` (following links) and every file's
/// bytes to `h`, in path order, leaving out the folder `skip`.
fn tree(h: &mut Xxh3, dir: &Path, skip: Option<&Path>) {
    let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| Some(e.path()) != skip)
        .map(|e| match e {
            Ok(e) => (e.path().to_path_buf(), e.file_type().is_file()),
            // An unreadable entry or a link loop: its path and the error stand for it,
            // so that it changing still shows.
            Err(err) => (
                err.path().unwrap_or(dir).join(format!("(error: {err})")),
                false,
            ),
        })
        .collect();
    paths.sort();
    for (path, is_file) in paths {
        page_context::bytes(h, path.as_os_str().as_encoded_bytes());
        if is_file {
            file(h, &path);
        }
    }
}

/// Feeds a file's bytes (or why it could not be read) to `h`. Read only when it is
/// a regular file: these are fingerprinted before the build checks them, and a named
/// pipe put in place of one would otherwise hang the build here instead of being
/// refused where it is loaded.
fn file(h: &mut Xxh3, path: &Path) {
    match crate::load::read_regular(path, path, None) {
        Ok(bytes) => page_context::bytes(h, &bytes),
        Err(e) => page_context::bytes(h, format!("(error: {})", e.message).as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder with a `site.toml` and one template.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.toml"), "title = \"One\"\n").unwrap();
        let templates = dir.path().join("themes/own/templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(templates.join("base.html"), "<p>one</p>").unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        dir
    }

    #[test]
    fn files_saved_after_the_settings_were_fingerprinted_leave_the_fingerprints_alone() {
        let dir = site();
        let root = dir.path();
        let settings = Settings::read(root);
        let every_page = globals(&settings, None, 7);
        let validated = validation(root, &settings, None);
        // Saved while the build runs, after it read them: the cache must record
        // what the build read, not these.
        std::fs::write(root.join("site.toml"), "title = \"Two\"\n").unwrap();
        std::fs::write(root.join("themes/own/templates/base.html"), "<p>two</p>").unwrap();
        assert_eq!(globals(&settings, None, 7), every_page);
        assert_eq!(validation(root, &settings, None), validated);
        // The next build fingerprints them anew and sees the change.
        let now = Settings::read(root);
        assert_ne!(globals(&now, None, 7), every_page);
        assert_ne!(validation(root, &now, None), validated);
    }

    #[test]
    fn the_settings_and_the_themes_each_count() {
        let dir = site();
        let root = dir.path();
        let before = globals(&Settings::read(root), None, 7);
        std::fs::write(root.join("themes/own/templates/base.html"), "<p>two</p>").unwrap();
        let theme_changed = globals(&Settings::read(root), None, 7);
        assert_ne!(theme_changed, before);
        std::fs::write(root.join("site.toml"), "title = \"Two\"\n").unwrap();
        assert_ne!(globals(&Settings::read(root), None, 7), theme_changed);
    }
}
