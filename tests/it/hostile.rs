//! Hostile and broken input: every case answers with a clear error naming the file
//! (or a safe page), never a panic or a hang, and nothing outside the output folder
//! changes.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Site, build_guarded, minimal_report, snapshot};

#[test]
fn names_that_would_leave_the_output_are_refused() {
    for (name, message) in [
        ("content/reports/con.md", "invalid report file name `con`"),
        (
            "content/reports/Upper.md",
            "invalid report file name `Upper`",
        ),
        ("content/reports/a..b.md", "invalid report file name `a..b`"),
        ("content/reports/nul.md", "invalid report file name `nul`"),
    ] {
        let site = Site::fixture("basic");
        site.write(name, &minimal_report("", "Text."));
        build_guarded(&site).assert_error(name, message);
    }
    for (id, shown) in [
        ("../escape", "../escape"),
        ("/etc/passwd", "/etc/passwd"),
        ("a\\\\b", "a\\b"),
        ("com1", "com1"),
    ] {
        let site = Site::fixture("basic");
        site.edit(
            "content/metrics.yaml",
            "- id: alpha-grants",
            &format!("- id: \"{id}\""),
        );
        build_guarded(&site).assert_error(
            "content/metrics.yaml:7:7",
            &format!("invalid metric id `{shown}`"),
        );
    }
    let site = Site::fixture("basic");
    site.edit(
        "content/organizations/beta.yaml",
        "id: beta",
        "id: \"beta\\0\"",
    );
    build_guarded(&site).assert_error(
        "content/organizations/beta.yaml:1:5",
        "invalid organization id",
    );
    assert!(!site.root.join("public").exists());
}

#[test]
fn yaml_bombs_deep_nesting_and_duplicate_keys_fail_fast() {
    let bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    let site = Site::fixture("basic");
    site.write("content/organizations/bomb.yaml", bomb);
    let run = build_guarded(&site);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("content/organizations/bomb.yaml"),
        "{}",
        run.stderr
    );

    let site = Site::fixture("basic");
    let deep = format!(
        "id: deep\nname: {}x{}\nkind: coalition\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    site.write("content/organizations/deep.yaml", &deep);
    let run = build_guarded(&site);
    run.assert_error(
        "content/organizations/deep.yaml:2:71",
        "nest more than 64 levels deep",
    );

    let site = Site::fixture("basic");
    site.write(
        "content/reports/dup.md",
        &minimal_report("title: \"Again\"\n", "Text."),
    );
    build_guarded(&site).assert_error("content/reports/dup.md:", "duplicate field `title`");
}

#[test]
fn encodings_and_broken_files_are_named() {
    let site = Site::fixture("basic");
    let mut bytes = minimal_report("", "Caf").into_bytes();
    bytes.extend([0xff, 0xfe, b'\n']);
    std::fs::write(site.root.join("content/reports/latin1.md"), bytes).unwrap();
    build_guarded(&site).assert_error("content/reports/latin1.md:10:1", "not valid UTF-8");

    let site = Site::fixture("basic");
    site.write("content/reports/empty.md", "");
    build_guarded(&site).assert_error(
        "content/reports/empty.md:1:1",
        "must start with front matter",
    );

    let site = Site::fixture("basic");
    site.write("content/organizations/empty.yaml", "");
    let run = build_guarded(&site);
    assert!(
        !run.ok && run.stderr.contains("content/organizations/empty.yaml"),
        "{}",
        run.stderr
    );

    // A byte-order mark and CRLF line ends simply work, positions included; so do
    // the old Mac line ends, a lone CR.
    for end in ["\r\n", "\r"] {
        let site = Site::fixture("basic");
        let text =
            std::fs::read_to_string(site.root.join("content/reports/alpha-2023.md")).unwrap();
        let ends = format!("\u{feff}{}", text.replace('\n', end));
        std::fs::write(site.root.join("content/reports/alpha-2023.md"), ends).unwrap();
        let run = build_guarded(&site);
        assert!(run.ok, "{end:?}: {}", run.stderr);
        assert!(
            site.output("reports/alpha-2023/index.html")
                .contains("fig-alpha-alumni-2023"),
            "{end:?}"
        );
        let bad = std::fs::read_to_string(site.root.join("content/reports/alpha-2023.md"))
            .unwrap()
            .replace("organization: alpha", "organization: alpah");
        std::fs::write(site.root.join("content/reports/alpha-2023.md"), bad).unwrap();
        let run = build_guarded(&site);
        run.assert_error(
            "content/reports/alpha-2023.md:3:15",
            "unknown organization `alpah`",
        );
        // The excerpt is the line the position names, without its line end.
        assert!(
            run.stderr
                .lines()
                .any(|l| l.ends_with("| organization: alpah")),
            "{end:?}: {}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_never_leave_the_site() {
    let site = Site::fixture("basic");
    let outside = site.root.parent().unwrap().join("secret.txt");
    std::fs::write(&outside, "TOP SECRET").unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("content/reports/leak.md")).unwrap();
    std::fs::create_dir_all(site.root.join("static")).unwrap();
    std::os::unix::fs::symlink(&outside, site.root.join("static/leak.txt")).unwrap();
    // A loop: a folder linking to its own parent.
    std::os::unix::fs::symlink(
        site.root.join("content/reports"),
        site.root.join("content/reports/loop"),
    )
    .unwrap();
    // A link that stays inside the site is followed.
    std::os::unix::fs::symlink(
        site.root.join("content/reports/alpha-2023.md"),
        site.root.join("static/inside.md"),
    )
    .unwrap();
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stderr.contains("warning: content/reports/leak.md: a symbolic link to outside the site: not read, not published"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: static/leak.txt: a symbolic link to outside the site"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("symbolic link loop"), "{}", run.stderr);
    assert!(!site.has_output("leak.txt"));
    assert!(site.has_output("inside.md"));
    for (rel, text) in common::output_texts(&site) {
        assert!(!text.contains("TOP SECRET"), "{rel}");
    }
}

#[test]
fn script_in_content_never_reaches_the_output() {
    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2023.md",
        "title: \"Alpha progress report 2023\"",
        "title: \"<script>alert('t')</script> 2023\"",
    );
    site.edit(
        "content/reports/alpha-2023.md",
        "We worked with partners.",
        "We worked with <script>alert(1)</script> <img src=\"https://example.org/x.png\" onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">partners</a> [here](javascript:alert(4)) <b onmouseover=alert(5)>bold</b>.",
    );
    site.edit(
        "content/organizations/alpha.yaml",
        "name: \"Alpha Society\"",
        "name: \"Alpha <img src=x onerror=alert(6)>\"",
    );
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    for entry in walkdir::WalkDir::new(site.root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "html" || x == "xml") {
            let html = std::fs::read_to_string(p).unwrap().to_lowercase();
            let is_search = p.ends_with("search/index.html");
            // Event handlers and script as markup; the organization's name keeps its
            // `onerror=` only as escaped text (`&lt;img ...&gt;`).
            for bad in [
                "<script>alert",
                "onerror=\"",
                "onmouseover",
                "javascript:",
                "<img src=x",
            ] {
                assert!(!html.contains(bad), "{bad} in {}", p.display());
            }
            // Metric pages carry JSON-LD, data that no browser runs (its `<` escaped).
            let executable = html
                .replace(r#"<script type="application/ld+json">"#, "")
                .replace("<script type=application/ld+json>", "");
            assert_eq!(executable.contains("<script"), is_search, "{}", p.display());
        }
    }
    let page = site.output("reports/alpha-2023/index.html");
    assert!(
        page.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; 2023"),
        "titles are escaped"
    );
    assert!(
        page.contains("Alpha &lt;img src=x onerror=alert(6)&gt;"),
        "names are escaped"
    );
    assert!(page.contains("<b>bold</b>"), "safe markup stays");

    let site = Site::fixture("basic");
    site.edit(
        "content/reports/alpha-2023.md",
        "kind: annual-progress",
        "kind: annual-progress\nsource_url: \"javascript:alert(1)\"",
    );
    build_guarded(&site).assert_error("content/reports/alpha-2023.md:7:13", "is not a web address");
    let site = Site::fixture("basic");
    site.edit(
        "content/organizations/alpha.yaml",
        "website: https://alpha.example/",
        "website: \"javascript:alert(1)\"",
    );
    build_guarded(&site).assert_error(
        "content/organizations/alpha.yaml:5:10",
        "is not a web address",
    );
}

#[test]
fn raw_html_is_kept_only_when_the_site_opts_in() {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "minify = false",
        "minify = false\nallow_unsafe_html = true",
    );
    site.edit(
        "content/reports/alpha-2023.md",
        "We worked with partners.",
        "We worked with <span data-x=\"1\" onclick=\"go()\">partners</span>.",
    );
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        site.output("reports/alpha-2023/index.html")
            .contains(r#"<span data-x="1" onclick="go()">partners</span>"#)
    );
}

#[test]
fn huge_and_deep_reports_build_or_are_refused_clearly() {
    let site = Site::fixture("basic");
    let big = minimal_report(
        "",
        &"A sentence of filler text that goes on. ".repeat(500_000),
    );
    site.write("content/reports/huge.md", &big);
    build_guarded(&site).assert_error("content/reports/huge.md", "over the limit of 10 MB");

    // Just over the limit, the sizes still differ in the message.
    let site = Site::fixture("basic");
    let text = minimal_report("", "x");
    let over = format!("{text}{}", "y".repeat(10_000_001 - text.len()));
    site.write("content/reports/huge.md", &over);
    build_guarded(&site).assert_error(
        "content/reports/huge.md",
        "the file is 10000001 bytes, over the limit of 10 MB (10000000 bytes)",
    );

    let site = Site::fixture("basic");
    site.write(
        "content/reports/deep.md",
        &minimal_report("", &format!("{}deep", "> ".repeat(5_000))),
    );
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);

    let site = Site::fixture("basic");
    let list: String = (0..100_000).map(|i| format!("- item {i}\n")).collect();
    site.write("content/reports/list.md", &minimal_report("", &list));
    let run = build_guarded(&site);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        site.output("reports/list/index.html")
            .contains("item 99999")
    );
}

#[test]
fn two_sources_for_one_output_path_name_both() {
    let site = Site::fixture("basic");
    let beta = std::fs::read_to_string(site.root.join("content/organizations/beta.yaml")).unwrap();
    site.write("content/organizations/more/beta.yaml", &beta);
    let run = build_guarded(&site);
    run.assert_error(
        "content/organizations/more/beta.yaml:1:5",
        "organization `beta` is also defined by content/organizations/beta.yaml",
    );
}

#[test]
fn the_same_sources_give_byte_identical_output() {
    let site = Site::shipped();
    site.build_ok();
    let first = snapshot(&site.root.join("public"));
    site.build_ok();
    let second = snapshot(&site.root.join("public"));
    assert_eq!(first.len(), second.len());
    for (path, bytes) in &first {
        assert!(
            second.get(path) == Some(bytes),
            "{path} differs between builds"
        );
    }
}

#[test]
fn fuzzer_findings_stay_fixed() {
    // Inputs the fuzzer (fuzz/) found, kept as regressions: each must fail fast with
    // a clear error.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    for (file, target) in [
        (
            "organization-deep-flow-timeout",
            "content/organizations/deep.yaml",
        ),
        ("report-deep-flow-timeout", "content/reports/deep.md"),
    ] {
        let site = Site::fixture("basic");
        std::fs::write(
            site.root.join(target),
            std::fs::read(dir.join(file)).unwrap(),
        )
        .unwrap();
        let started = Instant::now();
        let run = build_guarded(&site);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{file} took {:?}",
            started.elapsed()
        );
        run.assert_error(target, "nest more than 64 levels deep");
    }
}
