//! Issue 12, follow-up to case 10: the previous output is not deleted after the
//! exchange but kept beside the output (`.public.wsis-staging`) as the spare, which the
//! next build updates into its own tree. The output is always what a first build of
//! the same sources gives; nothing put into the spare reaches it; a build killed while
//! updating the spare is repaired by the next; and no file of the live output is ever
//! changed in place.
#![cfg(unix)]

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Site, build_guarded, guarded, leftovers, output_state, spare, spare_state};

/// What a first build of `site`'s sources, in a fresh folder, writes.
fn fresh(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let copy = site.sources_copy();
    copy.build_ok();
    output_state(&copy)
}

/// Builds `site` (guarded) and checks that the output is what a fresh build gives and
/// that nothing but the spare is left beside it.
fn rebuild_matches_fresh(site: &Site) {
    let run = build_guarded(site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        output_state(site) == fresh(site),
        "the output differs from a fresh build"
    );
    assert!(leftovers(site).is_empty(), "{:?}", leftovers(site));
}

#[test]
fn a_rebuild_keeps_the_previous_site_as_the_spare_and_gives_a_fresh_build() {
    let site = Site::fixture("basic");
    site.build_ok();
    // Changes of several kinds, each rebuilt: a title, a removed report, a new one
    // (a new folder), and a page that goes where a folder was.
    let changes: [&dyn Fn(); 4] = [
        &|| {
            site.edit(
                "content/reports/alpha-2024.md",
                "title: \"",
                "title: \"Renamed ",
            );
        },
        &|| fs::remove_file(site.root.join("content/reports/alpha-2023.md")).unwrap(),
        &|| {
            let text = fs::read_to_string(site.root.join("content/reports/beta-2024.md"))
                .unwrap()
                .replace("title: \"", "title: \"Copy of ");
            site.write("content/reports/gamma-copy-2024.md", &text);
        },
        &|| fs::remove_file(site.root.join("content/reports/gamma-copy-2024.md")).unwrap(),
    ];
    for change in changes {
        let before = output_state(&site);
        change();
        rebuild_matches_fresh(&site);
        // The spare is the site as it was before this build, whole.
        assert!(
            spare_state(&site) == before,
            "the spare is not the previous site"
        );
    }
    // `check` writes nothing, in the output or the spare.
    let (out, spare_before) = (output_state(&site), spare_state(&site));
    assert!(guarded(&site, "check", &[]).ok);
    assert!(output_state(&site) == out && spare_state(&site) == spare_before);
}

/// Issue 17: a first build, into no output folder, leaves a spare holding its site (the
/// same files, hard-linked) with a marker, so that the next build only updates it; that
/// build's output is still a fresh build's.
#[test]
fn a_first_build_leaves_a_spare_of_its_own_site() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(spare(&site).join(".wsis-output").is_file());
    assert!(spare_state(&site) == output_state(&site));
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    let home = |tree: &std::path::Path| fs::metadata(tree.join("index.html")).unwrap().ino();
    assert_eq!(home(&spare(&site)), home(&site.root.join("public")));
    let before = output_state(&site);
    site.edit(
        "content/reports/alpha-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    rebuild_matches_fresh(&site);
    assert!(
        spare_state(&site) == before,
        "the spare is not the previous site"
    );
}

/// Issue 17 (red team): a fresh build makes its spare once its output is in place,
/// while its cache is written, and puts the cache in place without waiting for the
/// copy. Stopped while it copies, it has lost at most the copy and the cache: the next
/// build gives the same site, removes the half-made copy and leaves a spare of its
/// own, and keeps every page if the cache was in place.
#[test]
fn a_fresh_build_stopped_while_it_copies_its_spare_is_repaired() {
    let site = Site::fixture("basic");
    let text = fs::read_to_string(site.root.join("content/reports/beta-2024.md")).unwrap();
    for i in 0..150 {
        let filler = text.replace("title: \"", &format!("title: \"Filler {i} "));
        site.write(&format!("content/reports/filler-{i:03}.md"), &filler);
    }
    let copy = site.root.join(".public.wsis-spare");
    let cache = site.root.join(".public.wsis-cache");
    let mut caught = false;
    for _ in 0..30 {
        for name in ["public", ".public.wsis-staging", ".public.wsis-cache"] {
            let path = site.root.join(name);
            if path.is_dir() {
                fs::remove_dir_all(&path).unwrap();
            } else if path.exists() {
                fs::remove_file(&path).unwrap();
            }
        }
        let mut child = site.spawn_build();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() && !copy.exists() {
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("the build hangs");
            }
            std::thread::sleep(Duration::from_micros(50));
        }
        if copy.exists() {
            let _ = child.kill();
            child.wait().unwrap();
            caught = true;
            break;
        }
        child.wait().unwrap();
    }
    assert!(caught, "no build was seen while it made its spare");
    let pages = output_state(&site);
    let cached = cache.is_file();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        !cached || run.stdout.contains("; 0 rendered, the others unchanged"),
        "the cache was not used: {}",
        run.stdout
    );
    assert!(output_state(&site) == pages);
    assert!(spare_state(&site) == pages, "no spare of the site was left");
    assert!(!copy.exists());
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}

/// Issue 17 (red team): a half-made copy beside a live output (a first build killed
/// while it made its spare) is removed by the next build, whose output is a fresh
/// build's, and which leaves its own spare.
#[test]
fn a_half_made_copy_beside_a_live_output_is_removed() {
    let site = Site::fixture("basic");
    site.build_ok();
    let copy = site.root.join(".public.wsis-spare");
    fs::create_dir_all(copy.join("reports/stale")).unwrap();
    fs::write(copy.join("reports/stale/index.html"), "stale").unwrap();
    fs::copy(
        site.root.join("public/.wsis-output"),
        copy.join(".wsis-output"),
    )
    .unwrap();
    site.edit(
        "content/reports/alpha-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    rebuild_matches_fresh(&site);
    assert!(!copy.exists());
    assert!(!spare(&site).join("reports/stale").exists());
    assert!(!site.root.join("public/reports/stale").exists());
}

/// Issue 17 (red team): one build at a time into an output folder. While another
/// holds the output's lock, a build says it waits and writes nothing; once the lock
/// is released it builds.
#[test]
fn a_build_waits_while_another_holds_the_output() {
    use std::io::BufRead;
    let site = Site::fixture("basic");
    use rustix::fs::{FlockOperation, flock};
    let lock = fs::File::create(site.root.join(".public.wsis-lock")).unwrap();
    flock(&lock, FlockOperation::LockExclusive).unwrap();
    let mut child = site
        .command("build", &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    // Read on a thread: a build that blocked without a word must fail the test, not
    // hang it.
    let (said, heard) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        said.send(line).unwrap();
        stderr
    });
    let Ok(line) = heard.recv_timeout(Duration::from_secs(120)) else {
        let _ = child.kill();
        panic!("the build said nothing in two minutes");
    };
    let mut stderr = reader.join().unwrap();
    assert!(
        line.contains("another wsis build is writing") && line.contains("waiting"),
        "{line}"
    );
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    assert!(!site.root.join("public").exists());
    assert!(!spare(&site).exists());
    flock(&lock, FlockOperation::Unlock).unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(child.wait().unwrap().success(), "{rest}");
    assert!(site.root.join("public/index.html").is_file());
}

#[test]
fn files_changed_or_put_into_the_spare_never_reach_the_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.edit(
        "content/reports/alpha-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    site.build_ok();
    let outside = site.root.parent().unwrap().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("keep.txt"), "mine").unwrap();
    let spare = spare(&site);
    // Pages of the spare replaced by others (a file of the spare may be the live
    // one, hard-linked: replaced, never edited in place), one with the same size
    // and an old time; files, folders and a link added; a page made a folder.
    let replace = |rel: &str, text: &[u8]| {
        let path = spare.join(rel);
        fs::remove_file(&path).unwrap();
        fs::write(&path, text).unwrap();
    };
    let same_size = vec![b'x'; fs::metadata(spare.join("index.html")).unwrap().len() as usize];
    replace("index.html", &same_size);
    fs::File::options()
        .write(true)
        .open(spare.join("index.html"))
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + Duration::from_secs(1))
        .unwrap();
    replace("reports/beta-2024/index.html", b"tampered");
    fs::write(spare.join("garbage.html"), "garbage").unwrap();
    fs::create_dir_all(spare.join("reports/zz/deep")).unwrap();
    fs::write(spare.join("reports/zz/deep/index.html"), "garbage").unwrap();
    std::os::unix::fs::symlink(&outside, spare.join("reports/link")).unwrap();
    fs::remove_dir_all(spare.join("reports/alpha-2024")).unwrap();
    fs::write(
        spare.join("reports/alpha-2024"),
        "a file where a folder was",
    )
    .unwrap();
    fs::write(
        spare.join(".wsis-tmp-1-1"),
        "a temporary file of a killed build",
    )
    .unwrap();
    rebuild_matches_fresh(&site);
    assert_eq!(
        fs::read_to_string(outside.join("keep.txt")).unwrap(),
        "mine"
    );
    // The next build, from the spare that was live, is right too.
    site.edit(
        "content/reports/beta-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    rebuild_matches_fresh(&site);
}

#[test]
fn a_build_killed_while_updating_the_spare_is_repaired_by_the_next() {
    let site = Site::fixture("basic");
    for i in 0..40 {
        let text = fs::read_to_string(site.root.join("content/reports/beta-2024.md"))
            .unwrap()
            .replace("title: \"", &format!("title: \"Filler {i} "));
        site.write(&format!("content/reports/filler-{i:03}.md"), &text);
    }
    let toml = site.root.join("site.toml");
    let v1 = fs::read_to_string(&toml).unwrap();
    site.build_ok();
    fs::write(
        &toml,
        v1.replace("Fixture tracker", "Fixture tracker, second"),
    )
    .unwrap();
    site.build_ok();
    let home = spare(&site).join("index.html");
    for (k, edition) in ["third", "fourth", "fifth"].iter().enumerate() {
        let shown = output_state(&site);
        fs::write(
            &toml,
            v1.replace("Fixture tracker", &format!("Fixture tracker, {edition}")),
        )
        .unwrap();
        let home_before = fs::metadata(&home).unwrap().ino();
        let mut child = site.spawn_build();
        // Killed as soon as the spare's home page was replaced, a little later, or
        // later still: while pages of the spare are being replaced.
        let started = Instant::now();
        while child.try_wait().unwrap().is_none()
            && fs::symlink_metadata(&home).map(|m| m.ino()).ok() == Some(home_before)
        {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the build hangs"
            );
            std::thread::sleep(Duration::from_micros(100));
        }
        std::thread::sleep(Duration::from_micros(500 * k as u64));
        let _ = child.kill();
        child.wait().unwrap();
        let now = output_state(&site);
        if now != shown {
            // The build finished before the kill: then it is the new site.
            assert!(now == fresh(&site), "kill {k}: the output is neither site");
        }
        rebuild_matches_fresh(&site);
    }
}

#[test]
fn files_of_the_live_output_are_never_changed_in_place() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.edit(
        "content/reports/beta-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    site.build_ok();
    // Every live file, its inode and bytes, held open: a file replaced under its name
    // keeps the old inode alive, one written in place changes under the handle.
    let live = site.root.join("public");
    let before: Vec<(String, u64, Vec<u8>, fs::File)> = walkdir::WalkDir::new(&live)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&live).unwrap().display().to_string();
            let ino = e.metadata().unwrap().ino();
            (
                rel,
                ino,
                fs::read(e.path()).unwrap(),
                fs::File::open(e.path()).unwrap(),
            )
        })
        .collect();
    assert!(before.len() > 5);
    // A change to every page (the site title), and to a report back to what the
    // spare holds, then back again.
    let toml = site.root.join("site.toml");
    let v1 = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        v1.replace("Fixture tracker", "Fixture tracker, renamed"),
    )
    .unwrap();
    site.edit(
        "content/reports/beta-2024.md",
        "title: \"Renamed ",
        "title: \"",
    );
    rebuild_matches_fresh(&site);
    let old_live = spare(&site);
    for (rel, ino, bytes, mut file) in before {
        let mut now = Vec::new();
        file.read_to_end(&mut now).unwrap();
        assert!(now == bytes, "{rel} was changed in place");
        // The old live tree is the spare now, with the very same files.
        if rel != ".wsis-output" {
            let at = old_live.join(&rel);
            assert_eq!(fs::metadata(&at).unwrap().ino(), ino, "{rel}");
            assert!(fs::read(&at).unwrap() == bytes, "{rel}");
        }
    }
}
