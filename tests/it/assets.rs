//! The theme's stylesheets and scripts are written once each, under the names pages
//! link them by: the fingerprinted name of `site.assets`, the plain name a theme may
//! link instead, or both; the plain name for one nothing links. A stylesheet's
//! `@import` counts as a link; a link to a name written under neither is a broken link.

use crate::common;

use common::Site;

/// The basic fixture with `theme = "t"` and the files `(path under themes/t/, text)`.
fn theme_site(files: &[(&str, &str)]) -> Site {
    let site = Site::fixture("basic");
    site.edit("site.toml", "[build]", "theme = \"t\"\n\n[build]");
    for (rel, text) in files {
        site.write(&format!("themes/t/{rel}"), text);
    }
    site
}

/// The default theme's base template, with its stylesheet link's address replaced.
fn base_linking(href: &str) -> String {
    let base = include_str!("../../themes/default/templates/base.html");
    let link = "{{ site.assets['style.css'] }}";
    assert!(base.contains(link));
    base.replace(link, href)
}

/// The output's files at its top, by name, that start with `stem.` and end with `.ext`.
fn copies(site: &Site, stem: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root.join("public"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{stem}.")) && n.ends_with(&format!(".{ext}")))
        .collect();
    names.sort();
    names
}

#[test]
fn the_shipped_site_has_one_copy_of_its_stylesheet_and_of_its_script() {
    let site = Site::shipped();
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    for (stem, ext, page) in [
        ("style", "css", "index.html"),
        ("search", "js", "search/index.html"),
    ] {
        let found = copies(&site, stem, ext);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0], format!("{stem}.{ext}"), "the fingerprinted copy");
        assert!(
            site.output(page).contains(&found[0]),
            "{page} links {}",
            found[0]
        );
    }
}

#[test]
fn a_theme_linking_the_plain_name_gets_the_plain_copy_only() {
    for href in [
        "{{ site.base }}style.css",
        "{{ site.root_url }}style.css",
        "{{ site.base }}style.css?v=2",
    ] {
        let site = theme_site(&[("templates/base.html", &base_linking(href))]);
        let run = site.build(&[]);
        assert!(run.ok, "{href}: {}", run.stderr);
        assert_eq!(copies(&site, "style", "css"), ["style.css"], "{href}");
        assert!(site.output("style.css").contains("--bg"), "{href}");
        // The search page still links the script by its fingerprinted name only.
        assert_eq!(copies(&site, "search", "js").len(), 1);
        assert_ne!(copies(&site, "search", "js"), ["search.js"]);
    }
}

#[test]
fn a_theme_linking_both_names_gets_both() {
    let both = base_linking("{{ site.assets['style.css'] }}").replace(
        "<meta name=\"generator\"",
        "<link rel=\"alternate stylesheet\" title=\"plain\" href=\"{{ site.base }}style.css\">\n<meta name=\"generator\"",
    );
    let site = theme_site(&[("templates/base.html", &both)]);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    let found = copies(&site, "style", "css");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&"style.css".to_string()));
}

#[test]
fn a_stylesheet_imported_by_its_plain_name_is_written_under_it() {
    for import in [
        "@import \"parts/base.css\";",
        "@import url(parts/base.css);",
        "@import url('/sub/parts/base.css');",
    ] {
        let site = theme_site(&[
            (
                "static/style.css",
                &format!("{import}\nbody {{ margin: 0 }}"),
            ),
            ("static/parts/base.css", "p { color: teal }"),
        ]);
        let run = site.build(&[]);
        assert!(run.ok, "{import}: {}", run.stderr);
        // Pages link the importing stylesheet by its fingerprinted name, the imported
        // one by nothing: it is where the import looks for it, once.
        assert_eq!(copies(&site, "style", "css").len(), 1);
        assert_ne!(copies(&site, "style", "css"), ["style.css"]);
        assert_eq!(site.output("parts/base.css"), "p { color: teal }");
        let parts: Vec<_> = std::fs::read_dir(site.root.join("public/parts"))
            .unwrap()
            .collect();
        assert_eq!(parts.len(), 1, "{import}: {parts:?}");
    }
}

#[test]
fn a_script_nothing_links_keeps_its_plain_name() {
    let site = theme_site(&[("static/js/extra.js", "console.log(1)")]);
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(site.output("js/extra.js"), "console.log(1)");
    assert_eq!(
        std::fs::read_dir(site.root.join("public/js"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn a_link_to_an_asset_under_neither_name_is_a_broken_link() {
    for (href, shown) in [
        ("{{ site.base }}styles.css", "/sub/styles.css"),
        // A stale fingerprint, as a hand-written link would have after an edit.
        (
            "{{ site.base }}style.0123456789abcdef.css",
            "style.0123456789abcdef.css",
        ),
    ] {
        let site = theme_site(&[("templates/base.html", &base_linking(href))]);
        for command in ["build", "check"] {
            let run = site.run(command, &[]);
            assert!(!run.ok, "{command} {href}");
            assert!(
                run.stderr.contains("broken link") && run.stderr.contains(shown),
                "{command} {href}: {}",
                run.stderr
            );
        }
    }
}
