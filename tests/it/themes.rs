//! Site themes: where a theme may come from, how it falls back to the default theme,
//! and how a broken or runaway template is reported (file, line, page), through
//! `build` and `check`, never touching anything outside the output folder.

use crate::common;

use std::time::Duration;

use common::{Run, Server, Site, guarded, wait_for};

/// The basic fixture with `theme = "<name>"` in `site.toml`.
fn with_theme(name: &str) -> Site {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "[build]",
        &format!("theme = {name:?}\n\n[build]"),
    );
    site
}

/// The basic fixture with the theme `t` holding `files` (paths under `themes/t/`).
fn theme_site(files: &[(&str, &str)]) -> Site {
    let site = with_theme("t");
    for (rel, text) in files {
        site.write(&format!("themes/t/{rel}"), text);
    }
    site
}

/// Runs `build` then `check` on `site`, both guarded; `check` must agree with `build`.
fn build_and_check(site: &Site) -> [Run; 2] {
    let build = guarded(site, "build", &[]);
    let check = guarded(site, "check", &[]);
    assert_eq!(build.ok, check.ok, "{}\n{}", build.stderr, check.stderr);
    [build, check]
}

/// A report page template with `body` as its content.
fn report_page(body: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}\n{{% block content %}}\n{body}\n{{% endblock content %}}\n"
    )
}

// Case 3: a template's work per page is bounded, whatever it loops over.

#[test]
fn a_runaway_template_stops_with_its_file_line_and_page() {
    let nested =
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";
    for (what, templates, file, line) in [
        (
            "nested loops writing nothing",
            vec![("templates/report.html", report_page(nested))],
            "themes/t/templates/report.html",
            3,
        ),
        (
            "three loops over site data, deeper in the page",
            vec![(
                "templates/report.html",
                report_page(
                    "ok\n{%- for i in range(end=100000) -%}\n  {%- for a in site.nav -%}{%- for b in site.nav -%}{%- for c in site.nav -%}{%- endfor -%}{%- endfor -%}{%- endfor -%}\n{%- endfor -%}",
                ),
            )],
            "themes/t/templates/report.html",
            5,
        ),
        (
            "loops in an included file",
            vec![
                ("templates/report.html", report_page("{% include \"spin.html\" %}")),
                ("templates/spin.html", format!("<p>\n{nested}</p>")),
            ],
            "themes/t/templates/spin.html",
            2,
        ),
        (
            "a component calling itself three times, 19 deep, without loops",
            vec![
                (
                    "templates/tree.html",
                    "{% component tree(n) %}{% if n > 0 %}{{ <tree n={n - 1} /> }}{{ <tree n={n - 1} /> }}{{ <tree n={n - 1} /> }}{% endif %}{% endcomponent tree %}".to_string(),
                ),
                (
                    "templates/report.html",
                    report_page("{{ <tree n={19} /> }}"),
                ),
            ],
            "themes/t/templates/tree.html",
            1,
        ),
    ] {
        let files: Vec<(&str, &str)> = templates.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let site = theme_site(&files);
        for run in build_and_check(&site) {
            run.assert_error(&format!("{file}:{line}:"), "loop iterations and component calls");
            assert!(
                run.stderr.contains("rendering page `/sub/reports/alpha-2023/` with report.html"),
                "{what}: {}",
                run.stderr
            );
        }
        assert!(!site.root.join("public").exists(), "{what}");
    }
}

#[test]
fn a_runaway_template_while_serving_shows_the_error_and_the_server_answers() {
    let default = include_str!("../../themes/default/templates/report.html");
    let site = theme_site(&[("templates/report.html", default)]);
    let server = Server::start(&site);
    let spin =
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";
    site.write(
        "themes/t/templates/report.html",
        &default.replace(
            "{% block content %}",
            &format!("{{% block content %}}{spin}"),
        ),
    );
    wait_for(&server, "/", Duration::from_secs(20), |b| {
        b.contains("wsis-overlay") && b.contains("loop iterations and component calls")
    });
    let (status, _, body) = server.get("/reports/alpha-2023/");
    assert_eq!(status, 200, "the last good pages stay served");
    // The error is on the line of `{% block content %}`, where the loop was added.
    let line = 1 + default
        .lines()
        .position(|l| l.starts_with("{% block content %}"))
        .unwrap();
    assert!(
        body.contains(&format!("themes/t/templates/report.html:{line}:")),
        "{body}"
    );
    site.write("themes/t/templates/report.html", default);
    wait_for(&server, "/", Duration::from_secs(20), |b| {
        !b.contains("wsis-overlay")
    });
}

#[test]
fn a_page_larger_than_the_limit_is_refused() {
    let line = "x".repeat(10_000);
    let site = theme_site(&[(
        "templates/year.html",
        &report_page(&format!(
            "{{% for i in range(end=10000) %}}{line}{{% endfor %}}"
        )),
    )]);
    for run in build_and_check(&site) {
        run.assert_error(
            "themes/t/templates/year.html",
            "the page is larger than 64 MiB, the limit for one page",
        );
        assert!(
            run.stderr.contains("rendering page `/sub/years/"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn list_comprehensions_are_refused_with_their_line() {
    for (text, at) in [
        ("<p>\n{{ [x for x in range(end=3)] | length }}", "2:1"),
        (
            "\n\n  {% set a = [[1] for x in range(end=100000)] %}",
            "3:3",
        ),
    ] {
        let site = theme_site(&[("templates/index.html", &report_page(text))]);
        for run in build_and_check(&site) {
            let line: usize = at.split(':').next().unwrap().parse().unwrap();
            let col = at.split(':').nth(1).unwrap();
            run.assert_error(
                &format!("themes/t/templates/index.html:{}:{col}", line + 2),
                "a list comprehension",
            );
        }
    }
}

// Case 5: a theme is a name under themes/, never a path.

#[test]
fn theme_names_never_lead_outside_themes() {
    for name in [
        "../../other",
        "../other",
        "..",
        ".",
        "",
        "/tmp",
        "a/b",
        "themes/t",
        "a\\b",
        "..\\other",
        ".hidden",
    ] {
        let site = with_theme(name);
        // A theme beside the site, which must never be read or published.
        let other = site.root.parent().unwrap().join("other/templates");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("report.html"), "STOLEN").unwrap();
        site.write("themes/t/templates/report.html", &report_page("fine"));
        for run in build_and_check(&site) {
            run.assert_error("site.toml:5:9", "is not a theme name");
        }
        assert!(!site.root.join("public").exists(), "{name:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_theme_folder_linking_outside_the_site_is_refused() {
    for link in ["themes/t", "themes"] {
        let site = with_theme("t");
        let outside = site.root.parent().unwrap().join("elsewhere");
        let theme = if link == "themes" {
            outside.join("t")
        } else {
            outside.clone()
        };
        std::fs::create_dir_all(theme.join("templates")).unwrap();
        std::fs::write(theme.join("templates/report.html"), "STOLEN").unwrap();
        std::fs::create_dir_all(site.root.join(link).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&outside, site.root.join(link)).unwrap();
        for run in build_and_check(&site) {
            run.assert_error("themes/t", "a symbolic link to outside the site");
        }
        assert!(!site.root.join("public").exists(), "{link}");
    }
}

// Case 16: a theme overrides the default theme file by file.

#[test]
fn a_partial_theme_falls_back_to_the_default_file_by_file() {
    let own = include_str!("../../themes/default/templates/report.html").replace(
        "{% block content %}",
        "{% block content %}<p>OWN REPORT PAGE</p>",
    );
    let site = theme_site(&[("templates/report.html", &own)]);
    for run in build_and_check(&site) {
        assert!(run.ok, "{}", run.stderr);
    }
    assert!(
        site.output("reports/alpha-2023/index.html")
            .contains("OWN REPORT PAGE")
    );
    let home = site.output("index.html");
    assert!(!home.contains("OWN REPORT PAGE") && home.contains("Fixture tracker"));
    let css = std::fs::read_dir(site.root.join("public"))
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().starts_with("style."));
    assert!(css, "the default stylesheet is published");

    let site = theme_site(&[("static/style.css", "body { color: rebeccapurple }")]);
    for run in build_and_check(&site) {
        assert!(run.ok, "{}", run.stderr);
    }
    let css = std::fs::read_dir(site.root.join("public"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("style.") && n.ends_with(".css"))
        .collect::<Vec<_>>();
    assert_eq!(css.len(), 1, "written once: {css:?}");
    assert_eq!(site.output(&css[0]), "body { color: rebeccapurple }");
    assert!(
        site.output("reports/alpha-2023/index.html")
            .contains("Fixture tracker")
    );

    // A theme overriding the layout every page extends.
    let base = include_str!("../../themes/default/templates/base.html")
        .replace("<body", "<body data-own-base");
    let site = theme_site(&[("templates/base.html", &base)]);
    build_and_check(&site)[0].ok.then_some(()).expect("builds");
    assert!(site.output("years/index.html").contains("data-own-base"));
}

// Case 17: template errors name the file and line to fix.

#[test]
fn an_unclosed_tag_is_reported_where_it_opens() {
    for (body, tag, came) in [
        (
            "<ul>\n{% for r in range(end=3) %}\n<li>{{ r }}</li>\n</ul>",
            "{% for r in range(end=3) %}",
            "`{% endblock content %}` at line 7",
        ),
        (
            "\n\n  {% if report.title %}\nx",
            "{% if report.title %}",
            "`{% endblock content %}` at line 7",
        ),
        (
            "{% for a in [1] %}{% if a %}{% endfor %}",
            "{% if a %}",
            "`{% endfor %}` at line 3",
        ),
    ] {
        let site = theme_site(&[("templates/report.html", &report_page(body))]);
        let opened = body.lines().position(|l| l.contains(tag)).unwrap() + 3;
        let column = body.lines().nth(opened - 3).unwrap().find(tag).unwrap() + 1;
        for run in build_and_check(&site) {
            run.assert_error(
                &format!("themes/t/templates/report.html:{opened}:{column}"),
                &format!("`{tag}` is never closed: {came} came first"),
            );
        }
    }
    // Left open at the end of a file that extends nothing.
    let site = theme_site(&[(
        "templates/robots.txt",
        "User-agent: *\n{% if site.base %}\nAllow: /\n",
    )]);
    for run in build_and_check(&site) {
        run.assert_error(
            "themes/t/templates/robots.txt:2:1",
            "`{% if site.base %}` is never closed: the file ends first",
        );
    }
}

#[test]
fn errors_in_included_files_and_components_name_their_own_file() {
    let site = theme_site(&[
        (
            "templates/report.html",
            &report_page("{% include \"outer.html\" %}"),
        ),
        (
            "templates/outer.html",
            "<div>\n{% include \"inner.html\" %}\n</div>",
        ),
        (
            "templates/inner.html",
            "<p>\n\n  {{ report.no_such_field.x }}</p>",
        ),
    ]);
    for run in build_and_check(&site) {
        run.assert_error("themes/t/templates/inner.html:3:13", "no_such_field");
    }

    let site = theme_site(&[
        (
            "templates/parts.html",
            "{% component card(r) %}\n<p>{{ r.no_such_field.x }}</p>\n{% endcomponent card %}",
        ),
        (
            "templates/report.html",
            &report_page("{% for x in [1] %}{{ <card r={report} /> }}{% endfor %}"),
        ),
    ]);
    for run in build_and_check(&site) {
        run.assert_error("themes/t/templates/parts.html:2:", "no_such_field");
    }
    // Unknown filters, functions, components and templates, found as Tera checks the
    // templates, each named with its own file, line and column.
    let site = theme_site(&[
        (
            "templates/report.html",
            &report_page("{% include \"outer.html\" %}"),
        ),
        (
            "templates/outer.html",
            "<div>\n{% include \"inner.html\" %}\n</div>",
        ),
        (
            "templates/inner.html",
            "<p>\n\n  {% for x in [1] %}{{ x | nosuchfilter }}{% endfor %}</p>",
        ),
        (
            "templates/parts.html",
            "{% component card(r) %}\n  {{ <nosuchpart /> }}\n{% endcomponent card %}",
        ),
    ]);
    for run in build_and_check(&site) {
        run.assert_error(
            "themes/t/templates/inner.html:3:28",
            "Unknown filter `nosuchfilter`",
        );
        run.assert_error(
            "themes/t/templates/parts.html:2:",
            "Unknown component `nosuchpart`",
        );
    }
}
