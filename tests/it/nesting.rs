//! Deeply nested report text (block quotes, lists, emphasis, links, raw HTML) builds
//! with its nesting flattened beyond a fixed depth, in `build`, `check` and `serve`:
//! never a stack overflow, never a hang.

use crate::common;

use std::time::{Duration, Instant};

use common::depth::depth_of;
use common::{Server, Site, guarded, minimal_report};

/// How deep the report text may nest (`MAX_DEPTH` in `src/markdown/depth.rs`), and
/// how many levels the default theme's page adds around it, with room to spare.
const MAX_DEPTH: usize = 100;
const PAGE_DEPTH: usize = 30;

/// The basic fixture with minification on, as shipped sites have it: the minifier
/// parses pages recursively, which is where deep nesting used to overflow.
fn minified_site() -> Site {
    let site = Site::fixture("basic");
    site.edit("site.toml", "minify = false", "minify = true");
    site
}

/// Nested structures, each ending in a word that must reach the page.
fn nested_cases() -> Vec<(&'static str, String)> {
    let list = |marker: &str| -> String {
        (0..2_000)
            .map(|i| format!("{}{marker} level\n", " ".repeat(i * (marker.len() + 1))))
            .collect::<String>()
            + "\nlistend\n"
    };
    vec![
        ("quotes", format!("{}quotesend\n", ">".repeat(5_000))),
        (
            "spaced-quotes",
            format!("{}spacedend\n", "> ".repeat(3_000)),
        ),
        ("bullets", list("-")),
        ("numbered", list("1.")),
        ("mixed", format!("{}mixedend\n", "> - ".repeat(1_500))),
        (
            // What the fuzzer found: the parser looked at every open list for each
            // table row after the line.
            "lists-then-rows",
            format!(
                "{}rowsend\n{}",
                "1. ".repeat(4_081),
                "| a |\n|---|\n".repeat(4_081)
            ),
        ),
        (
            "emphasis",
            format!(
                "{}emphasisend{}\n",
                "*a ".repeat(5_000),
                " b*".repeat(5_000)
            ),
        ),
        (
            "underscores",
            format!("{}underend{}\n", "_a ".repeat(5_000), " b_".repeat(5_000)),
        ),
        (
            "strong",
            format!(
                "{}strongend{}\n",
                "**a ".repeat(5_000),
                " b**".repeat(5_000)
            ),
        ),
        (
            "strike",
            format!(
                "{}strikeend{}\n",
                "~~a ".repeat(5_000),
                " b~~".repeat(5_000)
            ),
        ),
        (
            "links",
            format!("{}linksend{}\n", "[a ".repeat(5_000), "](/)".repeat(5_000)),
        ),
        ("open-links", format!("{}openend\n", "[".repeat(5_000))),
        ("bold-tags", format!("{}boldend\n", "<b>".repeat(3_000))),
        ("div-tags", format!("{}divend\n", "<div>".repeat(3_000))),
        (
            "span-tags",
            format!(
                "x {}spanend{}\n",
                "<span>".repeat(3_000),
                "</span>".repeat(3_000)
            ),
        ),
        (
            "blockquote-tags",
            format!("<blockquote>\n\n{}bqend\n", "<blockquote>".repeat(3_000)),
        ),
        (
            "odd-attribute",
            format!("<div a\"b>{}oddend\n", "<div>".repeat(3_000)),
        ),
        (
            "tags-in-quotes",
            format!("{}<div>{}tagsend\n", "> ".repeat(80), "<i>".repeat(200)),
        ),
    ]
}

fn report_path(name: &str) -> String {
    format!("content/reports/deep-{name}.md")
}

/// Writes every nested case as its own report.
fn write_cases(site: &Site) -> Vec<(&'static str, String)> {
    let cases = nested_cases();
    for (name, body) in &cases {
        site.write(&report_path(name), &minimal_report("", body));
    }
    cases
}

#[test]
fn deep_nesting_builds_flattened_in_build_and_check() {
    let site = minified_site();
    let cases = write_cases(&site);
    let run = guarded(&site, "check", &[]);
    assert!(run.ok, "check failed:\n{}", run.stderr);
    let run = guarded(&site, "build", &[]);
    assert!(run.ok, "build failed:\n{}", run.stderr);
    for (name, body) in &cases {
        let page = site.output(&format!("reports/deep-{name}/index.html"));
        // The word ending in `end` that closes each case's text.
        let at = body.rfind("end").unwrap() + 3;
        let start = body[..at]
            .rfind(|c: char| !c.is_ascii_lowercase())
            .map_or(0, |i| i + 1);
        let end = &body[start..at];
        assert!(end.len() > 3, "{name}: {end}");
        assert!(page.contains(end), "{name}: {end} missing from the page");
        let depth = depth_of(&page);
        assert!(
            depth <= MAX_DEPTH + PAGE_DEPTH,
            "{name}: the page nests {depth} deep"
        );
    }
    // The lists past the limit are text before the parser reads them.
    let page = site.output("reports/deep-lists-then-rows/index.html");
    assert!(page.contains("1. 1. rowsend"));
    // Shallow nesting is left as written.
    let page = site.output("reports/deep-tags-in-quotes/index.html");
    assert_eq!(page.matches("<blockquote>").count(), 80);
}

#[test]
fn a_hundred_thousand_nested_divs_build_quickly() {
    let site = minified_site();
    site.write(
        "content/reports/divs.md",
        &minimal_report("", &format!("{}divs end\n", "<div>".repeat(100_000))),
    );
    let started = Instant::now();
    let run = guarded(&site, "build", &[]);
    assert!(run.ok, "{}", run.stderr);
    // A hang guard, not a timing: this took 33 s and then aborted.
    assert!(started.elapsed() < Duration::from_secs(30));
    let page = site.output("reports/divs/index.html");
    assert!(page.contains("divs end"));
    assert!(depth_of(&page) <= MAX_DEPTH + PAGE_DEPTH);
}

/// Tables whose rows are padded to their header's width: each of these pads 261,725
/// empty cells from 3 KB. Past the first, their delimiter rows are text, and the page
/// holds the first table's cells only (with every table a table, 50 KB took 2.3 GB).
#[test]
fn tables_padded_past_the_budget_build_as_text() {
    let site = Site::fixture("basic");
    let table = format!(
        "{}|\n{}|\n{}\n",
        "|a".repeat(362),
        "|-".repeat(362),
        "b\n".repeat(725)
    );
    site.write(
        "content/reports/padded.md",
        &minimal_report("", &format!("{}padded end\n", table.repeat(3))),
    );
    let run = guarded(&site, "build", &[]);
    assert!(run.ok, "{}", run.stderr);
    let page = site.output("reports/padded/index.html");
    assert!(page.contains("padded end"));
    let cells = page.matches("<td").count();
    assert!((261_725..300_000).contains(&cells), "{cells} cells");
    // The delimiter rows made text show as written.
    assert!(page.contains(&format!("{}|", "|-".repeat(362))));
}

/// Writes each case as a report ending in `end`, builds within a 40 s hang guard
/// (not a timing), and checks that every page keeps its last words and stays within
/// the nesting limit.
fn build_shallow(site: &Site, cases: &[(&str, String)], end: &str) {
    for (name, body) in cases {
        site.write(
            &report_path(name),
            &minimal_report("", &format!("{body}{end}\n")),
        );
    }
    let started = Instant::now();
    let run = guarded(site, "build", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(started.elapsed() < Duration::from_secs(40));
    for (name, _) in cases {
        let page = site.output(&format!("reports/deep-{name}/index.html"));
        assert!(page.contains(end.trim()), "{name}");
        let depth = depth_of(&page);
        assert!(
            depth <= MAX_DEPTH + PAGE_DEPTH,
            "{name}: the page nests {depth} deep"
        );
    }
}

/// Thousands of blocks that each leave one element open: the HTML parser keeps a
/// `<div>` or `<details>` open past its paragraph or HTML block, and reopens `<i>`
/// after a heading, so these nest as deep as there are blocks. Counted as closed at
/// each block's end, they reached the sanitiser thousands deep: 30 s for 10,000,
/// quadratic.
#[test]
fn blocks_each_leaving_an_element_open_stay_shallow_and_fast() {
    let site = minified_site();
    let cases = [
        ("html-blocks", "<details>\n\n".repeat(10_000)),
        ("inline-details", "x <details>\n\n".repeat(5_000)),
        ("inline-divs", "x <div>\n\n".repeat(5_000)),
        ("inline-spans", "x <span>\n\n".repeat(5_000)),
        ("list-items", "- x <section>\n".repeat(5_000)),
        (
            "heading-formatting",
            format!("## H {}x\n\n", "<i>".repeat(50)).repeat(4_000),
        ),
    ];
    // A hang guard, not a timing: these took 30 s and 18 s in a debug build.
    build_shallow(&site, &cases, "\nopen end");
}

/// A closing tag is counted only when an HTML parser would read it as one: `</div_>`
/// or `</div\0>` close no `div`, and `<![CDATA[` hides markup only inside `<svg>`.
/// Taken as closing, 100,000 of them nested 100,000 deep in the sanitiser.
#[test]
fn closing_tags_spelt_otherwise_close_nothing() {
    let site = minified_site();
    let cases = [
        ("underscore", "<div></div_>".repeat(100_000)),
        ("nul", "<div></div\0>".repeat(50_000)),
        ("accent", "<div></divé>".repeat(50_000)),
        (
            "cdata-outside-svg",
            "<div><![CDATA[></div>]]>".repeat(20_000),
        ),
        ("cdata-in-svg", "<svg><![CDATA[></svg>]]>".repeat(20_000)),
    ];
    build_shallow(&site, &cases, "\n\nspelt end");
}

/// An element opened in one HTML block and closed in a later one keeps its closing
/// tag, and what follows stays outside it (the closing tag was dropped as closing
/// nothing, since the element counted as closed at its block's end).
#[test]
fn an_element_spanning_blocks_keeps_its_closing_tag() {
    let site = Site::fixture("basic");
    site.write(
        "content/reports/details.md",
        &minimal_report(
            "",
            "<details><summary>More</summary>\n\nInside *it*.\n\n</details>\n\nAfter it.\n",
        ),
    );
    let run = guarded(&site, "build", &[]);
    assert!(run.ok, "{}", run.stderr);
    let page = site.output("reports/details/index.html");
    let text: String = page.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("<p>Inside <em>it</em>.</p> </details> <p>After it.</p>")
            || text.contains("<p>Inside <em>it</em>.</p></details><p>After it.</p>"),
        "{text}"
    );
}

#[test]
fn deep_nesting_with_unsafe_html_allowed_is_flattened_too() {
    let site = minified_site();
    site.edit(
        "site.toml",
        "minify = true",
        "minify = true\nallow_unsafe_html = true",
    );
    let cases = write_cases(&site);
    // Kept as written, the odd attribute (`a"b`) misleads the link checker, which
    // then fails the build over the page's links: a clear error, no crash.
    std::fs::remove_file(site.root.join(report_path("odd-attribute"))).unwrap();
    let run = guarded(&site, "build", &[]);
    assert!(run.ok, "{}", run.stderr);
    for (name, _) in cases.iter().filter(|(n, _)| *n != "odd-attribute") {
        let page = site.output(&format!("reports/deep-{name}/index.html"));
        let depth = depth_of(&page);
        assert!(
            depth <= MAX_DEPTH + PAGE_DEPTH,
            "{name}: the page nests {depth} deep"
        );
    }
}

/// Polls `path` until its body satisfies `want`.
fn wait_for(server: &Server, path: &str, want: impl Fn(&str) -> bool) {
    let started = Instant::now();
    loop {
        let (_, _, body) = server.get(path);
        if want(&body) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{path} did not change; log:\n{}",
            server.log.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_server_survives_deep_nesting_and_keeps_rebuilding() {
    let site = minified_site();
    let server = Server::start(&site);
    let path = "content/reports/alpha-2024.md";
    site.edit(
        path,
        "In 2024 the alumni network grew to 407 members.",
        &format!(
            "In 2024 the alumni network grew to 407 members.\n\n{}deepest words\n",
            "> - ".repeat(3_000)
        ),
    );
    wait_for(&server, "/reports/alpha-2024/", |b| {
        b.contains("deepest words")
    });
    // A broken quote while the deep text is there: the overlay names it.
    site.edit(path, "grew to 407 members.", "grew to 408 members.");
    wait_for(&server, "/reports/alpha-2024/", |b| {
        b.contains("wsis-overlay") && b.contains("content/reports/alpha-2024.md:")
    });
    // Fixed: the watcher still rebuilds.
    site.edit(path, "grew to 408 members.", "grew to 407 members.");
    wait_for(&server, "/reports/alpha-2024/", |b| {
        b.contains("deepest words") && !b.contains("wsis-overlay")
    });
    let (status, _, _) = server.get("/");
    assert_eq!(status, 200);
}
