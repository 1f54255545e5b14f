//! Symbolic links among the reports: a save is read as a build reads the site (from a
//! red-team read: the partial rebuild read the saved file alone).

use super::*;

/// A report that is a link to another changes when its target is saved: the partial
/// rebuild read the saved target alone and went on serving the link's old text.
#[cfg(unix)]
#[test]
fn a_report_linked_to_a_saved_one_changes_with_it() {
    let site = fixture("basic", "");
    let root = site.path();
    std::os::unix::fs::symlink("alpha-2024.md", root.join("content/reports/gamma-2024.md"))
        .unwrap();
    let mut project = Project::new(root, BASE);
    project.rebuild_all().expect("the site builds");
    let done = record(&mut project, root);
    assert!(done.full, "a full rebuild: the link's report changed too");
    assert_as_built(&project, root);
}

/// A link saved among the reports, to outside the site, is skipped with a warning as
/// a build skips it: the partial rebuild followed it and published the file.
#[cfg(unix)]
#[test]
fn a_link_to_outside_saved_among_the_reports_is_skipped_as_a_build_skips_it() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root.join(REPORT)).unwrap();
    std::fs::write(outside.path().join("x.md"), text).unwrap();
    let link = "content/reports/delta-2024.md";
    std::os::unix::fs::symlink(outside.path().join("x.md"), root.join(link)).unwrap();
    let done = project.rebuild(&[PathBuf::from(link)]).expect("rebuilt");
    assert!(done.full);
    let good = project.good.as_ref().unwrap();
    assert!(!good.pages.contains_key("/reports/delta-2024/"));
    assert!(
        good.site
            .warnings
            .iter()
            .any(|w| w.file == Path::new(link) && w.message.contains("outside the site")),
        "{:?}",
        good.site.warnings
    );
    assert_as_built(&project, root);
}

/// From a red-team read: a path through `..` that ends in `.md` (say
/// `content/reports/../elsewhere/x.md`) was taken for a new report of the reports'
/// folder and read alone, though a build never reads a file there as a report.
#[test]
fn a_path_leading_out_of_the_reports_folder_rebuilds_as_a_build_reads_the_site() {
    let (site, mut project) = built("basic", "");
    let root = site.path();
    let text = std::fs::read_to_string(root.join(REPORT)).unwrap();
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(root.join("content/notes/delta-2024.md"), text).unwrap();
    let path = PathBuf::from("content/reports/../notes/delta-2024.md");
    let done = project.rebuild(&[path]).expect("rebuilt");
    assert!(done.full, "not read alone as a report");
    let good = project.good.as_ref().unwrap();
    assert!(!good.pages.contains_key("/reports/delta-2024/"));
    assert_as_built(&project, root);
}
