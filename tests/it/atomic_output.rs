//! Issue 12, case 10: the output changes in one step. A build killed with SIGKILL at
//! any moment leaves the output wholly the previous site or wholly the new one, the
//! next build copes with whatever the killed one left in the spare tree beside the
//! output, and files added to the output by hand are kept.

use crate::common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{Site, build_guarded, output_state};

/// A report without figures, with enough text to take some time to render.
fn report(i: usize) -> String {
    let body: String = (0..40)
        .map(|p| format!("Paragraph {p} of report {i}, about *capacity building* and [partners](/reports/alpha-2023/).\n\n"))
        .collect();
    format!(
        "---\ntitle: \"Filler report {i}\"\norganization: alpha\nyear: 2024\npublished: 2024\nkind: annual-progress\naction_lines: [C4]\n---\n\n{body}"
    )
}

/// The inode of `path`, not following a link: tells a file replaced under the same
/// name.
fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path).ok().map(|m| m.ino())
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
    // Three editions of the site, built in turn, so that the spare beside the output
    // (the build before the last) never already holds the site a build goes to.
    let editions: Vec<String> = ["", ", second edition", ", third edition"]
        .iter()
        .map(|e| v1.replace("Fixture tracker", &format!("Fixture tracker{e}")))
        .collect();
    let mut states = Vec::new();
    for edition in &editions {
        fs::write(&toml, edition).unwrap();
        site.build_ok();
        states.push(output_state(&site));
    }
    assert!(states[0] != states[1] && states[1] != states[2]);
    assert_eq!(
        states[2].get("hand/notes.txt").map(Vec::as_slice),
        Some(&b"added by hand"[..])
    );

    // Each build goes from the edition the output shows to the next one, and is
    // killed at a moment of its final phase, found by watching the spare rather than
    // by timing: while it updates the spare's pages (its home page replaced); as soon
    // as its new marker is in place, just before the exchange; and a few milliseconds
    // later, during the exchange.
    let staging = common::spare(&site);
    let (home, marker) = (staging.join("index.html"), staging.join(".wsis-output"));
    let mut shown = 2;
    let mut switched = 0;
    let kills = 15;
    for k in 0..kills {
        let next = (shown + 1) % 3;
        fs::write(&toml, &editions[next]).unwrap();
        let (home_before, marker_before) = (inode(&home), inode(&marker));
        let mut child = site.spawn_build();
        let started = Instant::now();
        let running = |child: &mut std::process::Child| {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the build hangs"
            );
            child.try_wait().unwrap().is_none()
        };
        let marker_moved = || inode(&marker) != marker_before;
        while running(&mut child) && !marker_moved() && (k % 3 != 0 || inode(&home) == home_before)
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(k / 3 % 5));
        let _ = child.kill();
        child.wait().unwrap();
        let now = output_state(&site);
        let (is_old, is_new) = (now == states[shown], now == states[next]);
        assert!(
            is_old || is_new,
            "kill {k}: the output is a mix of two sites"
        );
        switched += usize::from(is_new);
        if is_new {
            shown = next;
        }
    }
    eprintln!("{kills} kills, {switched} after the output switched");

    // The next build copes with whatever a killed one left in the spare, and gives
    // the site; the spare is then wholly the site the output showed before.
    let next = (shown + 1) % 3;
    fs::write(&toml, &editions[next]).unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(output_state(&site), states[next]);
    assert!(
        common::spare_state(&site) == states[shown],
        "the spare is not the previous site"
    );
    let leftovers = common::leftovers(&site);
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
