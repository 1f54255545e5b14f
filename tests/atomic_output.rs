//! Issue 12, case 10: the output changes in one step. A build killed with SIGKILL at
//! any moment leaves the output wholly the previous site or wholly the new one, the
//! next build cleans what the killed one left, and files added to the output by hand
//! are kept.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Site, build_guarded};

/// The output's files and contents, but the marker, whose manifest records times.
fn output_state(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let mut files = common::snapshot(&site.root.join("public"));
    assert!(
        files.remove(".wsis-output").is_some(),
        "the output has no marker"
    );
    files
}

/// A report without figures, with enough text to take some time to render.
fn report(i: usize) -> String {
    let body: String = (0..40)
        .map(|p| format!("Paragraph {p} of report {i}, about *capacity building* and [partners](/reports/alpha-2023/).\n\n"))
        .collect();
    format!(
        "---\ntitle: \"Filler report {i}\"\norganization: alpha\nyear: 2024\npublished: 2024\nkind: annual-progress\naction_lines: [C4]\n---\n\n{body}"
    )
}

/// Whether the path exists (a link counts, and is not followed).
fn present(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let site = Site::fixture("basic");
    for i in 0..60 {
        site.write(&format!("content/reports/filler-{i:03}.md"), &report(i));
    }
    site.build_ok();
    site.write("public/hand/notes.txt", "added by hand");
    let toml = site.root.join("site.toml");
    let v1 = fs::read_to_string(&toml).unwrap();
    let v2 = v1.replace("Fixture tracker", "Fixture tracker, second edition");
    site.build_ok();
    let old = output_state(&site);
    fs::write(&toml, &v2).unwrap();
    site.build_ok();
    let new = output_state(&site);
    assert_ne!(old, new);
    assert_eq!(
        new.get("hand/notes.txt").map(Vec::as_slice),
        Some(&b"added by hand"[..])
    );

    // Each build goes from the site the output shows to the other one, and is killed
    // at a moment of its final phase, found by watching the staging folder rather
    // than by timing: while pages are written; as soon as the new tree is complete
    // (its marker written), just before the exchange; and a few milliseconds later,
    // during the exchange or the deletion of the previous tree.
    let staging = site.root.join(".public.wsis-staging");
    let marker = staging.join(".wsis-output");
    let mut shows_new = true;
    let mut switched = 0;
    let kills = 15;
    for k in 0..kills {
        fs::write(&toml, if shows_new { &v1 } else { &v2 }).unwrap();
        let mut child = site
            .command("build", &[])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let running = |child: &mut std::process::Child| {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the build hangs"
            );
            child.try_wait().unwrap().is_none()
        };
        // A killed build may have left a complete tree: wait for this build's own.
        while running(&mut child) && (!present(&staging) || present(&marker)) {
            std::thread::sleep(Duration::from_micros(200));
        }
        if k % 3 != 0 {
            while running(&mut child) && !present(&marker) {
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        std::thread::sleep(Duration::from_millis(k / 3 % 5));
        let _ = child.kill();
        child.wait().unwrap();
        let now = output_state(&site);
        let (is_old, is_new) = (now == old, now == new);
        assert!(
            is_old || is_new,
            "kill {k}: the output is a mix of the two sites"
        );
        switched += usize::from(is_new != shows_new);
        shows_new = is_new;
    }
    eprintln!("{kills} kills, {switched} after the output switched");

    // The next build cleans whatever a killed one left, and gives the site.
    fs::write(&toml, &v2).unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(output_state(&site), new);
    let leftovers: Vec<_> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".wsis-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn files_added_by_hand_are_kept_and_unchanged_files_are_not_rewritten() {
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    let site = Site::fixture("basic");
    site.build_ok();
    site.write("public/hand.txt", "mine");
    site.write("public/deep/er/hand.txt", "mine too");
    site.write("public/reports/hand.txt", "beside the pages");
    #[cfg(unix)]
    let inode = |rel: &str| {
        fs::metadata(site.root.join("public").join(rel))
            .unwrap()
            .ino()
    };
    #[cfg(unix)]
    let unchanged = inode("reports/beta-2024/index.html");
    site.edit(
        "content/reports/alpha-2024.md",
        "title: \"",
        "title: \"Renamed ",
    );
    fs::remove_file(site.root.join("content/reports/alpha-2023.md")).unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(site.output("hand.txt"), "mine");
    assert_eq!(site.output("deep/er/hand.txt"), "mine too");
    assert_eq!(site.output("reports/hand.txt"), "beside the pages");
    assert!(!site.has_output("reports/alpha-2023/index.html"));
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains("Renamed ")
    );
    // An unchanged page is the same file, linked into the new tree, not a copy.
    #[cfg(unix)]
    assert_eq!(inode("reports/beta-2024/index.html"), unchanged);
    // A hand-made file where the site now has a page gives way to the page.
    fs::remove_file(site.root.join("public/hand.txt")).unwrap();
    site.write("public/reports/alpha-2023/index.html", "by hand");
    fs::write(
        site.root.join("content/reports/alpha-2023.md"),
        fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/basic/content/reports/alpha-2023.md"),
        )
        .unwrap(),
    )
    .unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        site.output("reports/alpha-2023/index.html")
            .contains("Alpha progress report 2023")
    );
}
