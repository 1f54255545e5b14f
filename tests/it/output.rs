//! The output folder: a failed build leaves the previous output untouched, and wsis
//! never replaces a folder it did not write or one that holds the sources.

use crate::common;

use common::Site;

#[test]
fn failed_build_keeps_previous_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = site.output("reports/alpha-2024/index.html");
    site.edit(
        "content/reports/alpha-2024.md",
        "organization: alpha",
        "organization: nobody",
    );
    assert!(!site.build(&[]).ok);
    assert_eq!(site.output("reports/alpha-2024/index.html"), before);
    // Nothing is left behind but the spare tree, if any.
    let leftovers = common::leftovers(&site);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_broken_link_also_keeps_previous_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.edit(
        "content/reports/alpha-2024.md",
        "(/reports/beta-2024/)",
        "(/reports/nope/)",
    );
    assert!(!site.build(&[]).ok);
    assert!(
        site.output("reports/alpha-2024/index.html")
            .contains("/sub/reports/beta-2024/")
    );
}

#[test]
fn removed_reports_disappear_from_the_output() {
    let site = Site::fixture("basic");
    site.build_ok();
    assert!(site.has_output("reports/alpha-2023/index.html"));
    std::fs::remove_file(site.root.join("content/reports/alpha-2023.md")).unwrap();
    site.build_ok();
    assert!(!site.has_output("reports/alpha-2023/index.html"));
}

#[test]
fn refuses_a_folder_it_did_not_write() {
    let site = Site::fixture("basic");
    site.write("public/mine.txt", "precious");
    let run = site.build(&[]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("already holds files that wsis did not write"),
        "{}",
        run.stderr
    );
    assert_eq!(site.output("mine.txt"), "precious");
}

#[test]
fn refuses_to_write_over_the_sources() {
    let site = Site::fixture("basic");
    for target in [".", "content", "content/out", ".."] {
        let out = site.root.join(target);
        let run = site.build(&["--output", out.to_str().unwrap()]);
        assert!(!run.ok, "{target} accepted");
        assert!(
            run.stderr.contains("output folder"),
            "{target}: {}",
            run.stderr
        );
    }
    assert!(site.root.join("content/reports/alpha-2024.md").is_file());
}

#[test]
fn output_option_writes_elsewhere() {
    let site = Site::fixture("basic");
    let out = site.root.join("elsewhere");
    let run = site.build(&["--output", out.to_str().unwrap()]);
    assert!(run.ok, "{}", run.stderr);
    assert!(out.join("reports/beta-2024/index.html").is_file());
    assert!(
        run.stdout
            .contains("Built 26 pages (3 reports, 3 metrics, 5 figures)"),
        "{}",
        run.stdout
    );
}

/// A static file named like a page's folder: pages and static files are written in
/// parallel, and each could remove the other from the tree being built. The build is
/// refused naming both, whichever comes first, and the previous output stays.
#[test]
fn a_file_that_is_also_a_pages_folder_is_refused() {
    let site = Site::fixture("basic");
    site.build_ok();
    let before = site.output("reports/alpha-2024/index.html");
    site.write("static/reports/alpha-2024", "a file where a folder goes");
    for command in ["build", "build", "build", "check"] {
        let run = site.run(command, &[]);
        assert!(!run.ok, "the clash was built");
        // Named at the static file, with both paths.
        assert!(
            run.stderr.contains(
                "static/reports/alpha-2024: the build writes `reports/alpha-2024` both as a \
                 file and as the folder of `reports/alpha-2024/"
            ),
            "{command}: {}",
            run.stderr
        );
        assert_eq!(site.output("reports/alpha-2024/index.html"), before);
    }
}

/// Two paths that differ only in case (or in how an accent is encoded) name one file
/// or folder on macOS and Windows: the build and `wsis check` refuse them on every
/// system, naming the two names in string order however the parallel writes fell,
/// and the static file to rename; the previous output stays. Static files beside each
/// other, deeper in a folder named in another case, an accent encoded two ways, a
/// static file against a page, a static folder against the pages' folder, and a
/// static folder against a language's (`pt-BR`). (Linux only: on a file system blind
/// to case the fixture could not hold both files.)
#[cfg(target_os = "linux")]
#[test]
fn paths_that_differ_only_in_case_are_refused() {
    for (files, a, b) in [
        (
            &["static/guide.pdf", "static/Guide.pdf"][..],
            "Guide.pdf",
            "guide.pdf",
        ),
        (
            &["static/docs/2026/a.txt", "static/Docs/2026/A.txt"][..],
            "Docs",
            "docs",
        ),
        (
            &[
                "static/R\u{e9}sum\u{e9}.txt",
                "static/re\u{301}sume\u{301}.txt",
            ][..],
            "R\u{e9}sum\u{e9}.txt",
            "re\u{301}sume\u{301}.txt",
        ),
        (
            &["static/Reports/alpha-2024/index.html"][..],
            "Reports",
            "reports",
        ),
        (&["static/Reports/2024.pdf"][..], "Reports", "reports"),
        (&["static/pt-br/extra.css"][..], "pt-BR", "pt-br"),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            "site.toml",
            "description =",
            "languages = [\"en\", \"pt-BR\"]\ndescription =",
        );
        site.build_ok();
        let before = site.output("reports/alpha-2024/index.html");
        for file in files {
            site.write(file, "a static file");
        }
        for command in ["build", "build", "check"] {
            let run = site.run(command, &[]);
            assert!(!run.ok, "{command} took {files:?}");
            let said = format!("the build writes `{a}` and `{b}`, whose names differ only in case");
            // The static file to rename is named, not its place in the output.
            let named = files
                .iter()
                .any(|f| run.stderr.contains(&format!("{f}: {said}")));
            assert!(named, "{command} {files:?}: {}", run.stderr);
            assert_eq!(site.output("reports/alpha-2024/index.html"), before);
            assert!(!site.root.join("public/Guide.pdf").exists());
            assert!(!site.root.join("public/Reports").exists());
            assert!(!site.root.join("public/pt-br").exists());
        }
    }
}
