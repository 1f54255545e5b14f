//! `wsis new` writes its values through the YAML serializer: whatever an editor types
//! as a name, title or unit (colons, quotes, `#`, line breaks, a leading `-`, `*` or
//! `&`) reads back as typed and the site still builds (issue 12, case 12).

use crate::common;

use common::Site;
use proptest::prelude::*;

fn new(site: &Site, args: &[&str]) -> common::Run {
    site.run(&format!("new {}", args[0]), &args[1..])
}

/// The case the issue names: a unit with a colon broke the next build.
#[test]
fn a_unit_with_a_colon_builds() {
    let site = Site::fixture("basic");
    let run = new(
        &site,
        &["metric", "alpha-emissions", "--unit", "tonnes: CO2"],
    );
    assert!(run.ok, "{}", run.stderr);
    site.build_ok();
    let page = site.output("metrics/alpha-emissions/index.html");
    assert!(page.contains("tonnes: CO2"), "the unit is shown as typed");
}

/// Other spellings of the same trouble, each in a field of its own, through the binary.
#[test]
fn awkward_titles_names_and_units_build() {
    let site = Site::fixture("basic");
    let awkward = [
        "# not a comment",
        "- not a list",
        "* not an alias",
        "& not an anchor",
        "'single' and \"double\" quotes",
        "key: value",
        "!tag",
        "{ flow: map }",
        "[flow, list]",
        "| block",
        "> folded",
        "%directive",
        "@reserved",
        "`backtick`",
        "null",
        "yes",
        "0x28",
        "1e3",
        "  padded  ",
        "tab\there",
        "ünïcødé – dash",
    ];
    for (i, text) in awkward.iter().enumerate() {
        let id = format!("alpha-m{i}");
        // `--flag=value`, so that clap takes a leading `-` as part of the value.
        let unit = format!("--unit={text}");
        let title = format!("--title={text}");
        let run = new(&site, &["metric", &id, &unit, &title]);
        assert!(run.ok, "{text:?}: {}", run.stderr);
    }
    let run = new(
        &site,
        &[
            "organization",
            "gamma",
            "--name",
            "Gamma: \"the # network\"",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    site.build_ok();
    let loaded = load(&site);
    for (i, text) in awkward.iter().enumerate() {
        let metric = loaded
            .metrics
            .iter()
            .find(|m| m.id == format!("alpha-m{i}"))
            .unwrap_or_else(|| panic!("metric {i} missing"));
        assert_eq!(metric.title, *text);
        assert_eq!(metric.unit.name(), text.trim());
    }
    let gamma = loaded
        .organizations
        .iter()
        .find(|o| o.id == "gamma")
        .unwrap();
    assert_eq!(gamma.name, "Gamma: \"the # network\"");
}

/// A blank title, name or unit would be refused by the build: `new` refuses it first
/// and writes nothing.
#[test]
fn blank_values_are_refused_before_writing() {
    let site = Site::fixture("basic");
    let before = std::fs::read_to_string(site.root.join("content/metrics.yaml")).unwrap();
    let run = new(&site, &["metric", "alpha-x", "--unit", "  "]);
    assert!(!run.ok);
    assert!(run.stderr.contains("--unit"), "{}", run.stderr);
    let after = std::fs::read_to_string(site.root.join("content/metrics.yaml")).unwrap();
    assert_eq!(before, after);
    let run = new(&site, &["organization", "gamma", "--name", ""]);
    assert!(!run.ok);
    assert!(!site.root.join("content/organizations/gamma.yaml").exists());
}

/// A `metrics.yaml` whose list the appended entry would not extend (a flow list) is
/// left as it was, with the entry to add by hand.
#[test]
fn an_unusual_metrics_layout_is_never_broken() {
    let site = Site::fixture("basic");
    let path = site.root.join("content/metrics.yaml");
    let original = std::fs::read_to_string(&path).unwrap();
    let yaml: serde_json::Value = serde_norway::from_str(&original).unwrap();
    let flow = format!("# kept\n{}\n", serde_json::to_string(&yaml).unwrap());
    std::fs::write(&path, &flow).unwrap();
    site.build_ok();
    let run = new(&site, &["metric", "alpha-x", "--unit", "count"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("by hand"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), flow);
    site.build_ok();
}

fn load(site: &Site) -> wsis::model::Site {
    let config = wsis::load_config(&site.root, None).unwrap();
    wsis::load_site(&site.root, config).unwrap()
}

/// Characters that mean something to YAML, mixed with ordinary text.
fn awkward_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::char::range('a', 'z'),
            1 => proptest::sample::select(vec![
                ':', '"', '\'', '#', '\n', '-', '*', '&', '!', '|', '>', '%', '@', '`',
                '{', '}', '[', ']', ',', '?', ' ', '\t', '\\', 'é', '中', '\u{85}',
                '\u{2028}', '\u{feff}',
            ]),
        ],
        1..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
    .prop_filter("the build refuses blank values", |s: &String| {
        !s.trim().is_empty()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random titles, units and names go in through `new` and read back unchanged.
    #[test]
    fn random_values_read_back_as_written(
        title in awkward_text(),
        unit in awkward_text(),
        name in awkward_text(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        wsis::scaffold::init(&root).unwrap();
        wsis::scaffold::new_organization(
            &root, "gamma", Some(&name), wsis::model::OrgKind::Coalition,
        ).unwrap();
        wsis::scaffold::new_metric(&root, "gamma-m", None, Some(&title), &unit).unwrap();
        wsis::scaffold::new_report(&root, "gamma", 2024, None).unwrap();
        let config = wsis::load_config(&root, None).unwrap();
        let site = wsis::load_site(&root, config)
            .map_err(|e| format!("{e:?}"))
            .unwrap();
        let metric = site.metrics.iter().find(|m| m.id == "gamma-m").unwrap();
        prop_assert_eq!(&metric.title, &title);
        prop_assert_eq!(metric.unit.name(), unit.trim());
        let org = site.organizations.iter().find(|o| o.id == "gamma").unwrap();
        prop_assert_eq!(&org.name, &name);
    }
}

/// `new metric` reads `metrics.yaml` as the build does: a named pipe there is refused
/// by name, never opened (reading it would block forever).
#[test]
fn a_pipe_for_metrics_yaml_is_refused_not_read() {
    let site = Site::fixture("basic");
    let path = site.root.join("content/metrics.yaml");
    std::fs::remove_file(&path).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let run = common::run_limited(site.command("new metric", &["alpha-x", "--unit", "count"]));
    assert!(!run.ok);
    assert!(run.stderr.contains("named pipe"), "{}", run.stderr);
}
