//! The output folder's unit tests: refusals, the spare tree, clashes.
#[test]
fn a_file_that_is_also_a_folder_is_found() {
    let map = |keys: &[&str]| -> HashMap<String, ()> {
        keys.iter().map(|k| (k.to_string(), ())).collect()
    };
    assert_eq!(
        super::folder_clash(&map(&["reports/x", "reports/x/index.html", "a.css"])),
        Some(("reports/x", "reports/x/index.html"))
    );
    assert_eq!(
        super::folder_clash(&map(&["reports/x.html", "reports/x/index.html"])),
        None
    );
}

/// A file and a page folder of the same name, written at the same time from two
/// threads, as pages and static files are: whichever removes the other's entry,
/// the build is refused as a clash, never with an I/O error. (CI once saw
/// "cannot write: No such file or directory" here.)
#[test]
fn a_file_and_a_folder_written_at_once_always_clash() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    for round in 0..200 {
        let o = Output::prepare(root, &out).unwrap();
        let (page, file) = std::thread::scope(|s| {
            let page = s.spawn(|| o.write(Path::new("r/x/index.html"), b"page"));
            let file = s.spawn(|| o.write(Path::new("r/x"), b"file"));
            (page.join().unwrap(), file.join().unwrap())
        });
        let outcome = match (page, file) {
            (Ok(()), Ok(())) => o.commit().map(drop),
            (Err(e), _) | (_, Err(e)) => {
                o.abandon();
                Err(e)
            }
        };
        let err = outcome.expect_err("the clash was built");
        assert_eq!(err.kind, Kind::Duplicate, "round {round}: {err}");
        assert!(
            err.to_string().contains("both as a file and as the folder"),
            "{err}"
        );
    }
}

use super::manifest::{MARKER_HEADER, write_manifest};
use super::swap::swap_by_renames;
use super::*;
use std::time::UNIX_EPOCH;

#[test]
fn refuses_folders_holding_the_sources() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    fs::create_dir_all(root.join("content")).unwrap();
    for bad in [
        root.clone(),
        dir.path().to_path_buf(),
        root.join("content/out"),
    ] {
        let err = Output::prepare(&root, &bad).unwrap_err();
        assert_eq!(err.kind, Kind::Output, "{bad:?}");
    }
}

#[test]
fn refuses_foreign_folders_and_replaces_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("keep.txt"), "mine").unwrap();
    assert!(Output::prepare(root, &out).is_err());
    assert!(out.join("keep.txt").exists());
    // A refused build writes nothing beside the folder either, not even its lock.
    assert!(!root.join(".public.wsis-lock").exists());

    fs::remove_file(out.join("keep.txt")).unwrap();
    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("a/index.html"), b"1").unwrap();
    o.commit().unwrap();
    assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "1");

    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("b.html"), b"2").unwrap();
    assert!(o.write(Path::new("../escape"), b"x").is_err());
    o.commit().unwrap();
    assert!(!out.join("a/index.html").exists());
    assert!(out.join("b.html").exists());
    assert!(!root.join("escape").exists());
}

#[test]
fn unchanged_files_stay_and_hand_edits_are_replaced() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let build = |files: &[(&str, &str)]| {
        let o = Output::prepare(root, &out).unwrap();
        for (rel, text) in files {
            o.write(Path::new(rel), text.as_bytes()).unwrap();
        }
        o.commit().unwrap();
    };
    build(&[
        ("same.html", "same"),
        ("edited.html", "wsis"),
        ("x/changed.html", "v1"),
    ]);
    let inode = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
    let (same, edited, changed) = (
        inode("same.html"),
        inode("edited.html"),
        inode("x/changed.html"),
    );
    // Someone edits a published file by hand, keeping its size. (The time is set
    // apart because a file system's clock may not tick between two quick writes.)
    fs::write(out.join("edited.html"), "hand").unwrap();
    fs::File::options()
        .write(true)
        .open(out.join("edited.html"))
        .unwrap()
        .set_modified(UNIX_EPOCH + std::time::Duration::from_secs(1))
        .unwrap();
    build(&[
        ("same.html", "same"),
        ("edited.html", "wsis"),
        ("x/changed.html", "v2"),
    ]);
    assert_eq!(inode("same.html"), same, "an unchanged file is left alone");
    assert_ne!(inode("edited.html"), edited);
    assert_eq!(fs::read_to_string(out.join("edited.html")).unwrap(), "wsis");
    assert_ne!(inode("x/changed.html"), changed);
    assert_eq!(
        fs::read_to_string(out.join("x/changed.html")).unwrap(),
        "v2"
    );
    // The manifest lists every file, and reads back as written.
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    let manifest = read_manifest(&marker);
    assert_eq!(manifest.len(), 3);
    assert_eq!(write_manifest(manifest.iter()), marker);

    // Files the site no longer has go, with the folders they leave empty; a file
    // may become a folder.
    build(&[
        ("same.html", "same"),
        ("edited.html/index.html", "now a folder"),
    ]);
    assert!(!out.join("x").exists());
    assert_eq!(
        fs::read_to_string(out.join("edited.html/index.html")).unwrap(),
        "now a folder"
    );
    assert_eq!(inode("same.html"), same);
    // The previous output stays beside it as the spare, whole, with its manifest.
    let spare = root.join(".public.wsis-staging");
    assert_eq!(
        fs::read_to_string(spare.join("x/changed.html")).unwrap(),
        "v2"
    );
    assert_eq!(
        fs::read_to_string(spare.join("edited.html")).unwrap(),
        "wsis"
    );
    assert_eq!(fs::metadata(spare.join("same.html")).unwrap().ino(), same);
    let marker = fs::read_to_string(spare.join(MARKER)).unwrap();
    assert_eq!(read_manifest(&marker).len(), 3);
}

/// Builds into `out` (under `root`) the files `files`, each holding its own name.
fn build_files(root: &Path, out: &Path, files: &[&str]) {
    build_waiting(root, out, files, std::time::Duration::ZERO);
}

/// A build writing `files` (each holding its own name) that waits `wait` before its
/// commit.
fn build_waiting(root: &Path, out: &Path, files: &[&str], wait: std::time::Duration) {
    let o = Output::prepare(root, out).unwrap();
    for rel in files {
        o.write(Path::new(rel), rel.as_bytes()).unwrap();
    }
    std::thread::sleep(wait);
    o.commit().unwrap();
}

#[test]
fn folders_of_the_spare_left_empty_go_however_deep() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let build = |files: &[&str]| build_files(root, &out, files);
    build(&["a/b/c/d.html", "a/keep.html", "e.html"]);
    build(&["a/keep.html", "e.html"]);
    // The spare is the first tree; empty folders are put in it, one in a folder
    // the build keeps.
    let spare = root.join(".public.wsis-staging");
    assert!(spare.join("a/b/c/d.html").is_file());
    fs::create_dir_all(spare.join("empty/deeper/deepest")).unwrap();
    fs::create_dir_all(spare.join("a/x/y")).unwrap();
    build(&["a/keep.html"]);
    let mut entries: Vec<String> = walkdir::WalkDir::new(&out)
        .min_depth(1)
        .into_iter()
        .map(|e| slash_path(e.unwrap().path().strip_prefix(&out).unwrap()))
        .collect();
    entries.sort();
    assert_eq!(entries, [MARKER, "a", "a/keep.html"]);
}

/// From a red-team read: the commit removes the spare's stale files by the names
/// found before the build; on a file system blind to case, `Logo.PNG` found there is
/// the `logo.png` the build wrote in its place, and removing the one removed the
/// other. Where names differ by case (here), the stale file still goes.
#[test]
fn a_file_renamed_by_case_alone_leaves_the_new_name_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let build = |files: &[&str]| build_files(root, &out, files);
    build(&["Logo.PNG", "index.html"]);
    build(&["logo.png", "index.html"]);
    build(&["logo.png", "index.html"]);
    let mut entries: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, [MARKER, "index.html", "logo.png"]);
    // The check that keeps the new file where the system takes one name for the
    // other: two files only where both names are there as spelled.
    fs::write(root.join("Logo.PNG"), "x").unwrap();
    let apart = || super::tree::Listings::default().apart(root, "Logo.PNG", "logo.png");
    assert!(!apart());
    fs::write(root.join("logo.png"), "x").unwrap();
    assert!(apart());
}

#[test]
fn the_portable_swap_leaves_the_previous_tree_at_the_staging_path() {
    let dir = tempfile::tempdir().unwrap();
    let (staging, target) = (dir.path().join(".out.wsis-staging"), dir.path().join("out"));
    fs::create_dir_all(&staging).unwrap();
    fs::create_dir_all(&target).unwrap();
    fs::write(staging.join("new"), "new").unwrap();
    fs::write(target.join("old"), "old").unwrap();
    swap_by_renames(&staging, &target).unwrap();
    assert!(target.join("new").is_file() && staging.join("old").is_file());
    assert!(!dir.path().join(".out.wsis-old").exists());
    // Killed between its two renames: the next build puts the output back.
    fs::remove_dir_all(&staging).unwrap();
    let aside = dir.path().join(".out.wsis-old");
    fs::rename(&target, &aside).unwrap();
    fs::write(aside.join(MARKER), MARKER_HEADER).unwrap();
    clean_leftovers(&target).unwrap();
    assert!(target.join("new").is_file());
    assert!(!aside.exists());
}

#[test]
fn a_tampered_manifest_removes_nothing_outside_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("a.html"), b"a").unwrap();
    o.commit().unwrap();
    fs::write(root.join("keep.txt"), "mine").unwrap();
    let mut marker = fs::read_to_string(out.join(MARKER)).unwrap();
    for evil in ["../keep.txt", "/etc/hostname", "a/../../keep.txt"] {
        marker.push_str(&format!("{:032x} 4 0 {evil}\n", 1));
    }
    fs::write(out.join(MARKER), marker).unwrap();
    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("b.html"), b"b").unwrap();
    o.commit().unwrap();
    assert!(root.join("keep.txt").exists());
    assert!(!out.join("a.html").exists() && out.join("b.html").exists());
}

/// The folders a walk of `out` reads, given its manifest, and the files it finds.
fn walked(out: &Path) -> (usize, Vec<String>) {
    walked_tree(out, out)
}

/// [`walked`] for the tree at `dir` beside the output `out` (the output or its spare).
fn walked_tree(out: &Path, dir: &Path) -> (usize, Vec<String>) {
    use walk::{Found, Listing, modified_file, walk};
    let marker = fs::read_to_string(dir.join(MARKER)).unwrap();
    let listed = read_manifest(&marker);
    let listing = Listing::new(
        listed.keys(),
        &recorded(out, dir),
        modified_file(&dir.join(MARKER)),
    );
    let mut files = Vec::new();
    let read = walk(dir, &listing, |found| {
        if let Found::File(key) = found {
            files.push(key);
        }
        Ok(())
    })
    .unwrap();
    files.sort();
    (read, files)
}

/// A build writing `files` whose folders' times are well before its commit, so that
/// the next walk may trust them.
fn build_settled(root: &Path, out: &Path, files: &[&str]) {
    build_waiting(root, out, files, std::time::Duration::from_millis(250));
}

/// The walk at the start of a build lists only the folders that changed since the
/// manifest: a file added by hand, a file removed or a folder made, however deep,
/// makes its folder read again, and what it holds is found.
#[test]
fn only_folders_changed_since_the_manifest_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let files = ["a/b/x.html", "a/c/d/y.html", "z.html"];
    build_settled(root, &out, &files);
    let mut expected: Vec<String> = files.iter().map(|f| f.to_string()).collect();
    expected.push(MARKER.to_string());
    expected.sort();
    // The root is always read (the marker is written into it last).
    assert_eq!(walked(&out), (1, expected.clone()));

    fs::write(out.join("a/c/d/hand.txt"), "by hand").unwrap();
    let (read, found) = walked(&out);
    assert_eq!(read, 2, "the root and a/c/d");
    assert!(found.contains(&"a/c/d/hand.txt".to_string()), "{found:?}");

    fs::remove_file(out.join("a/b/x.html")).unwrap();
    let (read, found) = walked(&out);
    assert_eq!(read, 3, "and a/b");
    assert!(!found.contains(&"a/b/x.html".to_string()), "{found:?}");

    fs::create_dir_all(out.join("a/new/deeper")).unwrap();
    fs::write(out.join("a/new/deeper/n.txt"), "n").unwrap();
    let (read, found) = walked(&out);
    assert_eq!(read, 6, "and a, a/new, a/new/deeper");
    assert!(
        found.contains(&"a/new/deeper/n.txt".to_string()),
        "{found:?}"
    );

    // A file put by hand into a folder is carried into the next build, which then
    // records that folder as not the manifest's alone: it is read every time.
    build_settled(root, &out, &files);
    assert!(out.join("a/c/d/hand.txt").is_file());
    assert_eq!(recorded(&out, &out).get("a/c/d"), Some(&None));
    let (read, found) = walked(&out);
    assert!(found.contains(&"a/c/d/hand.txt".to_string()), "{found:?}");
    assert!(read >= 2, "{read}");
}

/// A folder changed in the same clock step as its time was recorded would keep that
/// time: folders written just before the commit are read by the next walk.
#[test]
fn folders_written_just_before_the_commit_are_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    build_files(root, &out, &["a/b/x.html", "a/c/y.html"]);
    let (read, _) = walked(&out);
    assert_eq!(read, 4, "the root, a, a/b and a/c");
    // As if a file had been added in the same step: it is still found.
    fs::write(out.join("a/b/hand.txt"), "by hand").unwrap();
    assert!(walked(&out).1.contains(&"a/b/hand.txt".to_string()));
}

/// The folders recorded for the tree at `dir` beside the output `out`.
fn recorded(out: &Path, dir: &Path) -> HashMap<String, Option<u128>> {
    let marker = fs::read(dir.join(MARKER)).unwrap();
    let tree = folders::Tree::at(dir, xxhash_rust::xxh3::xxh3_128(&marker));
    folders::read(out, tree)
}

/// Without a record of its folders (an older wsis, or the record removed), every
/// folder of a tree is read; a record of another tree is never taken for it.
#[test]
fn without_its_record_of_folders_every_folder_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    build_settled(root, &out, &["a/b/x.html"]);
    assert_eq!(walked(&out).0, 1);
    let records = root.join(".public.wsis-folders");
    // The output's and the spare's, a copy of it the build made.
    assert_eq!(fs::read_dir(&records).unwrap().count(), 2);
    fs::remove_dir_all(&records).unwrap();
    assert_eq!(walked(&out).0, 3);
    // The spare's record, of a tree with one more file, is not the output's.
    build_settled(root, &out, &["a/b/x.html", "a/b/y.html"]);
    build_settled(root, &out, &["a/b/x.html"]);
    assert_eq!(walked(&out).0, 1);
    let spare = root.join(".public.wsis-staging");
    assert!(spare.join("a/b/y.html").is_file());
    assert_ne!(recorded(&out, &out), recorded(&out, &spare));
    // The live output's record and the spare's, no other.
    assert_eq!(fs::read_dir(&records).unwrap().count(), 2);
}

/// Two trees holding the same files (hard links, so the same marker) each have their
/// record: builds that change nothing read one folder of each.
#[test]
fn the_output_and_its_spare_holding_the_same_files_each_keep_their_record() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let spare = root.join(".public.wsis-staging");
    for _ in 0..3 {
        build_settled(root, &out, &["a/b/x.html", "c/y.html"]);
    }
    assert_eq!(
        fs::read(out.join(MARKER)).unwrap(),
        fs::read(spare.join(MARKER)).unwrap()
    );
    assert_eq!(walked_tree(&out, &out).0, 1);
    assert_eq!(walked_tree(&out, &spare).0, 1);
}

/// A record cut short or damaged is not used (every folder is read), and one that
/// lists a folder the tree does not have makes no build fail.
#[test]
fn a_damaged_record_of_folders_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    build_settled(root, &out, &["a/b/x.html", "a/c/y.html"]);
    // The output's record, not its spare's.
    let marker = xxhash_rust::xxh3::xxh3_128(&fs::read(out.join(MARKER)).unwrap());
    let inode = std::os::unix::fs::MetadataExt::ino(&fs::metadata(&out).unwrap());
    let record = root.join(format!(".public.wsis-folders/{marker:032x}-{inode}"));
    let text = fs::read_to_string(&record).unwrap();
    fs::write(&record, &text[..text.len() - 3]).unwrap();
    assert_eq!(walked(&out).0, 4, "the root, a, a/b and a/c");
    // A whole record (its hash right) naming a folder that is not there.
    let (_, body) = text.split_once('\n').unwrap();
    let a_time = body.lines().find_map(|l| l.strip_suffix(" a")).unwrap();
    let body = format!("{body}{a_time} a/gone\n");
    let hash = xxhash_rust::xxh3::xxh3_128(body.as_bytes());
    fs::write(&record, format!("wsis folders 1 {hash:032x}\n{body}")).unwrap();
    assert_eq!(walked(&out).0, 1);
    build_settled(root, &out, &["a/b/x.html", "a/c/y.html"]);
}

/// A name with a line break or a carriage return cannot be listed in the manifest
/// or the record of folders: the build refuses it.
#[test]
fn names_with_control_characters_are_refused() {
    for name in ["x/a\nb/c.txt", "z/f\r", "tab\there.css"] {
        let err = check_name(Path::new(name), Path::new(name)).unwrap_err();
        assert!(err.to_string().contains("control character"), "{err}");
    }
    assert!(check_name(Path::new("x/ordinary name.txt"), Path::new("x")).is_ok());
}

/// On Unix a backslash is an ordinary character of a name, but the output's keys and
/// addresses take it for a separator: the build refuses it, in a file's name or a
/// folder's, at any depth.
#[cfg(unix)]
#[test]
fn names_with_a_backslash_are_refused() {
    for (path, name) in [
        ("a\\b.txt", "a\\b.txt"),
        ("x/y\\z/c.css", "y\\z"),
        ("deep/er/still\\", "still\\"),
        ("\\", "\\"),
    ] {
        let err = check_name(Path::new(path), Path::new(path)).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("`{name}` has a backslash in its name")),
            "{path}: {err}"
        );
    }
    assert!(check_name(Path::new("a/b/c.txt"), Path::new("a")).is_ok());
}

/// A page of the spare already hard-linked to the live file (as a killed build leaves
/// it) is not linked again under a temporary name, which renaming over the same file
/// would leave behind and the next builds would carry as a file added by hand.
#[test]
fn a_spare_file_already_linked_to_the_live_one_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let spare = root.join(".public.wsis-staging");
    let build = |text: &str| {
        let o = Output::prepare(root, &out).unwrap();
        o.write(Path::new("p/index.html"), text.as_bytes()).unwrap();
        o.commit().unwrap();
    };
    build("v1");
    build("v2");
    // The spare holds v1; a killed build had linked the live v2 into it.
    fs::remove_file(spare.join("p/index.html")).unwrap();
    fs::hard_link(out.join("p/index.html"), spare.join("p/index.html")).unwrap();
    build("v2");
    build("v2");
    for tree in [&out, &spare] {
        let names: Vec<String> = walkdir::WalkDir::new(tree)
            .into_iter()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains(".wsis-tmp")), "{names:?}");
    }
    assert_eq!(fs::read_to_string(out.join("p/index.html")).unwrap(), "v2");
}

/// Sets a flag when dropped: tells what ran beside a commit was given back or not.
struct Dropped<'a>(&'a std::sync::atomic::AtomicBool);

impl Drop for Dropped<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Issue 17: the build cache is written while the output is committed. What runs
/// beside the commit is given the hash of the marker the new output ends with, before
/// the exchange; when the commit then fails, it is dropped (the cache is never put in
/// place) and the output stays as it was.
#[test]
fn what_runs_beside_a_commit_knows_the_new_marker_and_is_dropped_when_the_commit_fails() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let out = root.join("public");
    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("index.html"), b"one").unwrap();
    let (_, hash) = o.commit_with(|marker| marker, |hash| hash).unwrap();
    let marker = fs::read(out.join(MARKER)).unwrap();
    assert_eq!(hash, xxhash_rust::xxh3::xxh3_128(&marker));

    let o = Output::prepare(root, &out).unwrap();
    o.write(Path::new("index.html"), b"two").unwrap();
    // The spare gone under the build: its marker cannot be written.
    fs::remove_dir_all(&o.staging).unwrap();
    let dropped = std::sync::atomic::AtomicBool::new(false);
    let ran = std::sync::atomic::AtomicBool::new(false);
    let failed = o.commit_with(
        |_| {
            ran.store(true, Ordering::SeqCst);
            Dropped(&dropped)
        },
        |_| panic!("run only once the output is committed"),
    );
    assert!(failed.is_err());
    assert!(ran.load(Ordering::SeqCst) && dropped.load(Ordering::SeqCst));
    assert_eq!(fs::read(out.join("index.html")).unwrap(), b"one");
    assert_eq!(fs::read(out.join(MARKER)).unwrap(), marker);
}
