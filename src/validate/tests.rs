//! Tests of validation, and the fixture loaders its modules' tests share.

use super::*;

/// The settings and sources of the fixture site `name` under `tests/fixtures/`.
pub(super) fn fixture(name: &str) -> (Config, crate::load::Sources) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let config = crate::load_config(&root, None).unwrap();
    (config, crate::load::load(&root).unwrap())
}

#[test]
fn slugs_are_lowercase_words() {
    assert!(is_slug("isoc-2024"));
    assert!(is_slug("console") && is_slug("com10"));
    assert!(!is_slug(&"a".repeat(101)));
    for bad in [
        "", "ISOC", "a_b", "-a", "a-", "../x", "a/b", "a b", "a\0b", "con", "nul", "com1", "lpt9",
        "a\\b",
    ] {
        assert!(!is_slug(bad), "{bad:?}");
    }
}

#[test]
fn web_urls_only() {
    assert!(check_web_url("https://www.itu.int/").is_ok());
    for bad in [
        "javascript:alert(1)",
        "https://",
        "ftp://x",
        "//x.org",
        "https:///x",
        "https://a b",
    ] {
        assert!(check_web_url(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_build_drops_each_body_once_rendered_and_the_site_is_the_same() {
    let (config, mut kept) = fixture("basic");
    let (_, mut dropped) = fixture("basic");
    let a = validate(config.clone(), &mut kept, &|_| None, Bodies::Keep).unwrap();
    let b = validate(config, &mut dropped, &|_| None, Bodies::Drop).unwrap();
    assert!(kept.reports.iter().all(|r| !r.body.is_empty()));
    assert!(dropped.reports.iter().all(|r| r.body.is_empty()));
    assert_eq!(format!("{:?}", a.reports), format!("{:?}", b.reports));
}

#[test]
fn action_line_codes() {
    assert_eq!(line_number("C1"), Some(1));
    assert_eq!(line_number("C11"), Some(11));
    assert_eq!(line_number("C7.e-health"), Some(7));
    for bad in ["C0", "C12", "c1", "C01", "C7.E", "4"] {
        assert_eq!(line_number(bad), None, "{bad}");
    }
}

/// A copy of the fixture site `name` in a temporary folder, and the fixture's path.
pub(super) fn copied(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.unwrap();
        let to = dir
            .path()
            .join(entry.path().strip_prefix(&fixture).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    (dir, fixture)
}
