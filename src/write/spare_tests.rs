//! Tests of [`super`]: the spare a build into an empty output leaves.
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::super::Output;
use super::super::folders::{self, Tree};
use super::super::manifest::{MARKER, MARKER_HEADER};

/// A temporary folder, and the output folder `public` in it, not made.
fn temporary_output() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    (dir, out)
}

/// A build of the site at `root` into `out` that has written one page, not yet
/// committed.
fn one_page(root: &Path, out: &Path) -> Output {
    let o = Output::prepare(root, out).unwrap();
    o.write(Path::new("a/x.html"), b"x").unwrap();
    o
}

fn build(root: &Path, out: &Path, files: &[(&str, &str)]) {
    let o = Output::prepare(root, out).unwrap();
    for (rel, text) in files {
        o.write(Path::new(rel), text.as_bytes()).unwrap();
    }
    o.commit().unwrap();
}

/// Issue 17: a build into a missing or empty output leaves a spare holding the same
/// files (hard links), with its marker and its record of folders, so the next build
/// need not make one; that build's output is its own, and the spare is then the
/// first tree.
#[test]
fn a_build_into_an_empty_output_leaves_a_spare_of_the_same_files() {
    for empty_folder in [false, true] {
        let (dir, out) = temporary_output();
        let root = dir.path();
        let spare = root.join(".public.wsis-staging");
        if empty_folder {
            fs::create_dir(&out).unwrap();
        }
        let files = [("a/b/x.html", "x"), ("c/y.html", "y"), ("z.html", "z")];
        build(root, &out, &files);
        let marker = fs::read(out.join(MARKER)).unwrap();
        assert_eq!(fs::read(spare.join(MARKER)).unwrap(), marker);
        let inode = |tree: &Path, rel: &str| fs::metadata(tree.join(rel)).unwrap().ino();
        for (rel, _) in files {
            assert_eq!(inode(&out, rel), inode(&spare, rel), "{rel}");
        }
        assert!(!root.join(".public.wsis-spare").exists());
        let tree = Tree::at(&spare, xxhash_rust::xxh3::xxh3_128(&marker));
        let recorded = folders::read(&out, tree);
        assert!(recorded.contains_key("a/b") && recorded.contains_key("c"));

        build(root, &out, &[("a/b/x.html", "x2"), ("z.html", "z")]);
        assert_eq!(fs::read_to_string(out.join("a/b/x.html")).unwrap(), "x2");
        assert!(!out.join("c").exists());
        assert_eq!(fs::read_to_string(spare.join("c/y.html")).unwrap(), "y");
        assert_eq!(fs::read_to_string(spare.join("a/b/x.html")).unwrap(), "x");
    }
}

/// A copy left by a build killed while it made it is removed by the next build,
/// never taken for the spare nor let into the output.
#[test]
fn a_copy_left_by_a_killed_build_is_removed() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    let copy = root.join(".public.wsis-spare");
    fs::create_dir_all(copy.join("a")).unwrap();
    fs::write(copy.join("a/stale.html"), "stale").unwrap();
    // Even with a marker of wsis's own: a copy is whole only once renamed.
    fs::write(copy.join(MARKER), format!("{MARKER_HEADER}\n")).unwrap();
    build(root, &out, &[("a/x.html", "x")]);
    assert!(!copy.exists());
    let spare = root.join(".public.wsis-staging");
    assert!(!out.join("a/stale.html").exists() && !spare.join("a/stale.html").exists());
    assert!(spare.join("a/x.html").is_file());
}

/// The copy to leave beside the output `out` of the site at `root`, as its marker
/// lists it (the files are not needed where no copy is made).
fn leave(root: &Path, out: &Path) {
    let manifest = fs::read_to_string(out.join(MARKER)).unwrap();
    let written = std::collections::HashMap::new();
    let copy = super::Copy {
        target: out.to_path_buf(),
        staging: root.join(".public.wsis-staging"),
        written: &written,
        manifest: &manifest,
        hash: xxhash_rust::xxh3::xxh3_128(manifest.as_bytes()),
        bound: super::Bound {
            stop: &std::sync::atomic::AtomicBool::new(false),
            floor: 0,
        },
    };
    copy.leave();
}

/// The files under `tree`, as keys, but its marker.
fn files_under(tree: &Path) -> std::collections::BTreeSet<String> {
    walkdir::WalkDir::new(tree)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| crate::urls::slash_path(e.path().strip_prefix(tree).unwrap()))
        .filter(|key| key != MARKER)
        .collect()
}

/// The copy of the output `out` left at `staging` by a commit whose cache was in
/// place before it began, making at least `floor` entries.
fn leave_stopped(out: &Path, staging: &Path, floor: usize) {
    let manifest = fs::read_to_string(out.join(MARKER)).unwrap();
    let written = super::super::manifest::read_manifest(&manifest);
    let stop = std::sync::atomic::AtomicBool::new(true);
    super::Copy {
        target: out.to_path_buf(),
        staging: staging.to_path_buf(),
        written: &written,
        manifest: &manifest,
        hash: xxhash_rust::xxh3::xxh3_128(manifest.as_bytes()),
        bound: super::Bound { stop: &stop, floor },
    }
    .leave();
}

/// The site of `files` built into a new output, its spare then replaced by a copy
/// stopped as [`leave_stopped`] stops it: the folder, the output, the copy (the
/// staging folder) and the files the copy holds.
fn built_then_stopped(
    files: &[(&str, &str)],
    floor: usize,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    std::collections::BTreeSet<String>,
) {
    let (dir, out) = temporary_output();
    let staging = dir.path().join(".public.wsis-staging");
    build(dir.path(), &out, files);
    fs::remove_dir_all(&staging).unwrap();
    leave_stopped(&out, &staging, floor);
    let held = files_under(&staging);
    (dir, out, staging, held)
}

/// Issue 17: a copy stopped part way (the cache in place, its first entries made)
/// is a spare of what it holds: its marker lists exactly the files it holds, each
/// a hard link of the output's, under a record of its own folders; a folder left
/// out leaves out everything below it. The next builds over it, whatever changed,
/// give the output they would give without it.
#[test]
fn a_copy_stopped_part_way_is_a_spare_of_what_it_holds() {
    use super::super::manifest::read_manifest;
    let files = [
        ("z.html", "z"),
        ("y.html", "y"),
        ("a/x.html", "x"),
        ("a/b/w.html", "w"),
        ("c/v.html", "v"),
    ];
    let (dir, out, staging, held) = built_then_stopped(&files, 1);
    let root = dir.path();
    let expected: std::collections::BTreeSet<String> =
        ["y.html", "z.html"].map(String::from).into();
    assert_eq!(held, expected);
    let marker = fs::read_to_string(staging.join(MARKER)).unwrap();
    let listed: std::collections::BTreeSet<String> = read_manifest(&marker).into_keys().collect();
    assert_eq!(listed, held);
    let inode = |tree: &Path, rel: &str| fs::metadata(tree.join(rel)).unwrap().ino();
    for rel in &held {
        assert_eq!(inode(&out, rel), inode(&staging, rel), "{rel}");
    }
    assert!(!root.join(".public.wsis-spare").exists());
    // Its record is its own (the live output's kept beside it).
    let tree = Tree::at(&staging, xxhash_rust::xxh3::xxh3_128(marker.as_bytes()));
    let record = folders::record(&out, tree.unwrap());
    assert!(record.is_file(), "no record of the copy's own folders");

    let next = [
        ("z.html", "z2"),
        ("y.html", "y"),
        ("a/x.html", "x"),
        ("c/v.html", "v"),
        ("d/u.html", "u"),
    ];
    build(root, &out, &next);
    let expected: std::collections::BTreeSet<String> =
        next.iter().map(|(rel, _)| rel.to_string()).collect();
    assert_eq!(files_under(&out), expected);
    for (rel, text) in next {
        assert_eq!(fs::read_to_string(out.join(rel)).unwrap(), text, "{rel}");
    }
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    let listed: std::collections::BTreeSet<String> = read_manifest(&marker).into_keys().collect();
    assert_eq!(listed, expected);
    // The spare is now the first build's whole output.
    assert_eq!(files_under(&staging).len(), files.len());
    build(root, &out, &files);
    for (rel, text) in files {
        assert_eq!(fs::read_to_string(out.join(rel)).unwrap(), text, "{rel}");
    }
    assert_eq!(files_under(&out).len(), files.len());
}

/// Issue 17 (red team): a copy stopped below a folder with no file of its own
/// leaves no empty folder: the folder would be in no record, and the next build's
/// walk, trusting its parent's time, would never find it to remove it; the output
/// would then have a folder a fresh build has not. Every folder of the copy holds
/// a file it lists.
#[test]
fn a_copy_stopped_below_a_folder_without_files_leaves_no_empty_folder() {
    let files = [
        ("index.html", "i"),
        ("docs/index.html", "d"),
        ("docs/api/v1/a.html", "a"),
    ];
    // The root and `docs` with their files (4 entries), then `docs/api` (5).
    let (dir, out, staging, held) = built_then_stopped(&files, 5);
    let root = dir.path();
    let expected: std::collections::BTreeSet<String> =
        ["docs/index.html", "index.html"].map(String::from).into();
    assert_eq!(held, expected);
    for entry in walkdir::WalkDir::new(&staging).min_depth(1) {
        let entry = entry.unwrap();
        if entry.file_type().is_dir() {
            let key = crate::urls::slash_path(entry.path().strip_prefix(&staging).unwrap());
            assert!(
                held.iter().any(|file| file.starts_with(&format!("{key}/"))),
                "{key} holds no file of the copy"
            );
        }
    }
    // Later, so that the folders' times are trusted by the next walk.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    fs::File::options()
        .write(true)
        .open(staging.join(MARKER))
        .unwrap()
        .set_modified(later)
        .unwrap();
    let next = [("index.html", "i"), ("docs/index.html", "d2")];
    build(root, &out, &next);
    assert!(!out.join("docs/api").exists());
    assert_eq!(
        fs::read_to_string(out.join("docs/index.html")).unwrap(),
        "d2"
    );
}

/// Issue 17: once the cache is in place the copy stops (here held back until then,
/// with nothing to make whatever happens): no spare is left, not even an empty or
/// half-made one, and the output is whole.
#[test]
fn the_copy_stops_once_the_cache_is_in_place() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    let mut o = one_page(root, &out);
    o.write(Path::new("top.html"), b"t").unwrap();
    o.copy_floor = Some(0);
    let (go, gate) = std::sync::mpsc::channel();
    *o.copy_gate.lock().unwrap() = Some(gate);
    o.commit_with(|_| (), |()| go.send(()).unwrap()).unwrap();
    let staging = root.join(".public.wsis-staging");
    assert!(!staging.join(MARKER).exists());
    assert!(!staging.exists() || fs::read_dir(&staging).unwrap().next().is_none());
    assert!(!root.join(".public.wsis-spare").exists());
    assert_eq!(fs::read_to_string(out.join("a/x.html")).unwrap(), "x");
    assert_eq!(fs::read_to_string(out.join("top.html")).unwrap(), "t");
}

/// After the output is in place, the copy is made only where the staging path is
/// vacant: a folder put there with anything in it is left as it is, and no copy
/// is begun (it would be made in full, then thrown away).
#[test]
fn no_copy_is_made_over_a_staging_folder_that_holds_anything() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    build(root, &out, &[("a/x.html", "x")]);
    let staging = root.join(".public.wsis-staging");
    fs::remove_dir_all(&staging).unwrap();
    // By name: a copy begun and thrown away would replace the spare's record by
    // one of its own, leaving as many.
    let records = || {
        let names = fs::read_dir(root.join(".public.wsis-folders")).unwrap();
        let names = names.map(|e| e.unwrap().file_name());
        names.collect::<std::collections::BTreeSet<_>>()
    };
    let records_before = records();
    fs::create_dir_all(&staging).unwrap();
    fs::write(staging.join("mine.txt"), "mine").unwrap();
    // Where the copy would be begun: a copy begun, failing there, would remove it.
    let copy = root.join(".public.wsis-spare");
    fs::write(&copy, "untouched").unwrap();
    leave(root, &out);
    assert_eq!(fs::read_to_string(&copy).unwrap(), "untouched");
    fs::remove_file(&copy).unwrap();
    assert_eq!(
        fs::read_to_string(staging.join("mine.txt")).unwrap(),
        "mine"
    );
    assert!(!staging.join(MARKER).exists() && !staging.join("a").exists());
    assert_eq!(fs::read_to_string(out.join("a/x.html")).unwrap(), "x");
    // No record of folders was made for a copy.
    assert_eq!(records(), records_before);
}

/// A copy that cannot be made (here, a file already holds its name) is given up
/// and removed: the output stays, and no spare is left half made.
#[test]
fn a_copy_that_fails_is_removed_and_leaves_no_spare() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    build(root, &out, &[("a/x.html", "x")]);
    fs::remove_dir_all(root.join(".public.wsis-staging")).unwrap();
    let copy = root.join(".public.wsis-spare");
    fs::write(&copy, "in the way").unwrap();
    leave(root, &out);
    assert!(!copy.exists());
    assert!(!root.join(".public.wsis-staging").exists());
    assert_eq!(fs::read_to_string(out.join("a/x.html")).unwrap(), "x");
}

/// Issue 17: the copy is made while what runs beside the commit (the build cache's
/// write) still runs, not after it: here that work waits until the spare is in
/// place, which it would never be if the copy waited for it.
#[test]
fn the_copy_is_made_while_the_cache_is_written() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    let spare_marker = root.join(".public.wsis-staging").join(MARKER);
    let mut o = one_page(root, &out);
    // Nothing made whatever happens: what is made, is made while the cache is
    // written.
    o.copy_floor = Some(0);
    let (_, seen) = o
        .commit_with(
            |_| {
                let started = std::time::Instant::now();
                while !spare_marker.exists() {
                    if started.elapsed() > std::time::Duration::from_secs(60) {
                        return false;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                true
            },
            |seen| seen,
        )
        .unwrap();
    assert!(seen, "the copy waited for the cache's write");
}

/// Issue 17 (red team): what follows the commit (the cache put in place) does not
/// wait for the spare's copy, so a build stopped while it copies keeps its cache:
/// here the copy is held back until `then` has run, which it could not if `then`
/// waited for it.
#[test]
fn the_cache_is_put_in_place_without_waiting_for_the_copy() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    let spare_marker = root.join(".public.wsis-staging").join(MARKER);
    let o = one_page(root, &out);
    let (go, gate) = std::sync::mpsc::channel();
    *o.copy_gate.lock().unwrap() = Some(gate);
    let (_, copied_before) = o
        .commit_with(
            |_| (),
            |()| {
                let copied = spare_marker.exists();
                go.send(()).unwrap();
                copied
            },
        )
        .unwrap();
    assert!(!copied_before, "the cache waited for the copy");
    assert!(spare_marker.exists());
}

/// Issue 17 (red team): the output folder's lock is held through the whole commit:
/// while the cache is written and put in place, and while the spare is copied, no
/// other build can take it; once the commit is done, one can.
#[test]
fn the_output_stays_locked_until_the_commit_is_done() {
    let (dir, out) = temporary_output();
    let root = dir.path();
    let path = root.join(".public.wsis-lock");
    let try_lock = || {
        let other = fs::OpenOptions::new().write(true).open(&path).unwrap();
        matches!(other.try_lock(), Err(fs::TryLockError::WouldBlock))
    };
    let o = one_page(root, &out);
    let (_, (beside, then)) = o
        .commit_with(|_| try_lock(), |beside| (beside, try_lock()))
        .unwrap();
    assert!(
        beside && then,
        "the lock was released before the commit was done"
    );
    assert!(!try_lock());
}
