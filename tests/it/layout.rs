//! The reader's site on phones and right to left, as far as it shows in the output
//! (the browser test measures the pages themselves): every table scrolls inside its
//! own region, named by its caption and reachable by keyboard, and the default
//! stylesheet places things by logical sides only, so that `dir="rtl"` mirrors it.

use crate::common;

use common::Site;

/// The attribute `name` of the tag that starts at the beginning of `tag`, quoted or
/// not (minified pages drop the quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let tag = &tag[..tag.find('>')?];
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let value = &tag[at..];
    Some(match value.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => &value[..value.find([' ', '>']).unwrap_or(value.len())],
    })
}

/// For every `<table>` of `html`: the problem with its scroll region, if any.
fn table_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (at, _) in html.match_indices("<table") {
        let Some(div) = html[..at].rfind("<div") else {
            problems.push("a table outside any region".into());
            continue;
        };
        let region = &html[div..];
        let between = &html[div..at];
        if attribute(region, "class") != Some("table-scroll") || between.contains("</div") {
            problems.push(format!(
                "a table not directly in a .table-scroll region: {between}"
            ));
            continue;
        }
        if attribute(region, "role") != Some("region") || attribute(region, "tabindex") != Some("0")
        {
            problems.push(format!(
                "a region without role=region and tabindex=0: {between}"
            ));
        }
        let table = &html[at..];
        let table = &table[..table.find("</table").unwrap_or(table.len())];
        let caption = table.find("<caption").map(|c| &table[c..]);
        let (Some(label), Some(caption)) = (attribute(region, "aria-labelledby"), caption) else {
            problems.push(format!(
                "a region or table without a label or caption: {between}"
            ));
            continue;
        };
        if attribute(caption, "id") != Some(label) {
            problems.push(format!("region labelled by `{label}`, not by its caption"));
        }
        let same = html
            .match_indices(" id=")
            .filter(|&(i, _)| attribute(&html[i..], "id") == Some(label))
            .count();
        if same != 1 {
            problems.push(format!("the id `{label}` is on the page {same} times"));
        }
    }
    problems
}

#[test]
fn every_table_of_the_shipped_site_scrolls_in_a_region_named_by_its_caption() {
    let site = Site::shipped();
    let run = site.build(&[]);
    assert!(run.ok, "{}", run.stderr);
    let mut tables = 0;
    let mut pages = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(site.root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
    {
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let problems = table_problems(&html);
        assert!(
            problems.is_empty(),
            "{}: {problems:#?}",
            entry.path().display()
        );
        let here = html.matches("<table").count();
        if here > 0 {
            tables += here;
            let rel = entry.path().strip_prefix(site.root.join("public")).unwrap();
            pages.insert(rel.components().next().unwrap().as_os_str().to_owned());
        }
    }
    // Tables on the home page, and of organizations, reports, metrics, years, targets,
    // action lines and frameworks.
    assert!(tables > 50, "{tables} tables");
    for kind in [
        "index.html",
        "organizations",
        "reports",
        "metrics",
        "years",
        "targets",
        "action-lines",
        "frameworks",
    ] {
        assert!(
            pages.contains(std::ffi::OsStr::new(kind)),
            "no table in {kind}: {pages:?}"
        );
    }
}

#[test]
fn a_page_with_one_table_component_many_times_names_each_region_once() {
    // The targets page lists the targets once in all and again by goal: each table's
    // caption id differs.
    let site = Site::shipped();
    assert!(site.build(&[]).ok);
    let html = site.output("targets/index.html");
    assert!(html.matches("<table").count() > 3);
    assert_eq!(table_problems(&html), Vec::<String>::new());
}

#[test]
fn the_checker_finds_a_table_without_a_named_region() {
    let good = r#"<div class="table-scroll" role="region" aria-labelledby="c" tabindex="0"><table><caption id="c">x</caption></table></div>"#;
    assert_eq!(table_problems(good), Vec::<String>::new());
    let minified = "<div aria-labelledby=c class=table-scroll role=region tabindex=0><table><caption id=c>x</caption></table></div>";
    assert_eq!(table_problems(minified), Vec::<String>::new());
    for bad in [
        r#"<div class="table-scroll"><table><caption id="c">x</caption></table></div>"#,
        r#"<div class="table-scroll" role="region" aria-labelledby="c"><table><caption id="c">x</caption></table></div>"#,
        r#"<div class="table-scroll" role="region" aria-labelledby="d" tabindex="0"><table><caption id="c">x</caption></table></div>"#,
        r#"<div class="table-scroll" role="region" aria-labelledby="c" tabindex="0"><table><caption>x</caption></table></div>"#,
        r#"<div class="wide"></div><table><caption id="c">x</caption></table>"#,
        r#"<table><caption id="c">x</caption></table>"#,
    ] {
        assert!(!table_problems(bad).is_empty(), "{bad}");
    }
    let twice = format!("{good}{good}");
    assert!(!table_problems(&twice).is_empty());
}

#[test]
fn the_default_stylesheet_names_no_physical_side() {
    let css = include_str!("../../themes/default/static/style.css");
    // Properties only: the comments may say left and right.
    let mut rules = String::new();
    let mut rest = css;
    while let Some(open) = rest.find("/*") {
        rules.push_str(&rest[..open]);
        rest = rest[open..]
            .find("*/")
            .map_or("", |close| &rest[open + close + 2..]);
    }
    rules.push_str(rest);
    // Each declaration's property, and its value for the properties whose value can
    // be a side.
    let physical: Vec<&str> = rules
        .split(['{', '}', ';'])
        .filter_map(|d| d.split_once(':'))
        .map(|(property, value)| (property.trim(), value.trim()))
        .filter(|(property, value)| {
            let side = ["left", "right", "top", "bottom"];
            property
                .split('-')
                .any(|part| side.contains(&part) || part == "width" || part == "height")
                && !property.starts_with("stroke")
                // A media query's width is the screen's, which has no direction.
                && !property.starts_with('@')
                && *property != "line-height"
                || (["text-align", "float", "clear"].contains(property) && side.contains(value))
        })
        .map(|(property, _)| property)
        .collect();
    assert!(
        physical.is_empty(),
        "physical sides in style.css: {physical:?}"
    );
    // Charts keep left to right; numbers in running text are isolated.
    assert!(rules.contains("svg.chart, svg.sparkline { direction: ltr;"));
    assert!(rules.contains("unicode-bidi: isolate"));
}
