//! Accepting, rejecting and editing candidates in a report file on disk.

use std::fs;
use std::path::Path;

use super::*;

const REPORT: &str = "---\r\ntitle: T\r\norganization: alpha\r\nyear: 2024\r\npublished: 2024-10\r\nkind: annual-progress\r\nfigures:\r\n  - metric: alpha-a\r\n    value: 3\r\n    year: 2024\r\n    quote: \"3 things\"\r\n  - metric: alpha-new\r\n    value: 3300\r\n    bound: at-least\r\n    year: 2024\r\n    quote: \"We trained more than 3,300 people: # a record\"\r\n    review: candidate  # 0.82: people after the number\r\n    proposed_metric: {title: \"People trained\", unit: people}\r\n---\r\nWe trained more than 3,300 people: # a record. And 3 things.\r\n";

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    fs::create_dir_all(root.join("content/reports")).unwrap();
    fs::create_dir_all(root.join("content/organizations")).unwrap();
    fs::write(
        root.join("content/organizations/alpha.yaml"),
        "id: alpha\nname: Alpha\nkind: civil-society\n",
    )
    .unwrap();
    fs::write(
        root.join("content/metrics.yaml"),
        "# Metrics\n- id: alpha-a\n  title: A\n  unit: count\n  organization: alpha\n",
    )
    .unwrap();
    fs::write(root.join("content/reports/alpha-2024.md"), REPORT).unwrap();
    (dir, root)
}

fn file(root: &Path) -> String {
    fs::read_to_string(root.join("content/reports/alpha-2024.md")).unwrap()
}

#[test]
fn reads_candidates_with_their_index_and_comment() {
    let (_dir, root) = site();
    let draft = read(&root, "alpha-2024").unwrap();
    assert_eq!(draft.report.candidates.len(), 1);
    assert_eq!(draft.report.candidates[0].0, 1);
    assert_eq!(
        draft.comments,
        vec![Some("0.82: people after the number".to_string())]
    );
    assert_eq!(draft.fingerprint, fingerprint(REPORT.as_bytes()));
    assert_eq!(waiting(&root), vec![("alpha-2024".to_string(), 1)]);
}

#[test]
fn accepting_deletes_the_review_lines_and_creates_the_metric() {
    let (_dir, root) = site();
    let written = apply(
        &root,
        "alpha-2024",
        1,
        &fingerprint(REPORT.as_bytes()),
        &Action::Accept,
    )
    .unwrap();
    assert_eq!(written.len(), 2);
    let expected = REPORT
        .replace(
            "    review: candidate  # 0.82: people after the number\r\n",
            "",
        )
        .replace(
            "    proposed_metric: {title: \"People trained\", unit: people}\r\n",
            "",
        );
    assert_eq!(file(&root), expected);
    let metrics = fs::read_to_string(root.join("content/metrics.yaml")).unwrap();
    assert!(metrics.contains("id: alpha-new"), "{metrics}");
    assert!(metrics.contains("People trained"), "{metrics}");
    assert!(
        metrics.starts_with("# Metrics\n- id: alpha-a\n"),
        "{metrics}"
    );
}

#[test]
fn a_stale_fingerprint_or_an_accepted_figure_is_refused() {
    let (_dir, root) = site();
    let err = apply(&root, "alpha-2024", 1, "0000000000000000", &Action::Reject).unwrap_err();
    assert!(err.message.contains("changed since"), "{err}");
    let err = apply(
        &root,
        "alpha-2024",
        0,
        &fingerprint(REPORT.as_bytes()),
        &Action::Reject,
    )
    .unwrap_err();
    assert!(err.message.contains("not a candidate"), "{err}");
    assert!(apply(&root, "../x", 0, "", &Action::Reject).is_err());
    assert_eq!(file(&root), REPORT);
}

#[test]
fn a_file_with_lone_cr_line_ends_is_refused_untouched() {
    let (_dir, root) = site();
    let old_mac = REPORT.replace("\r\n", "\r");
    fs::write(root.join("content/reports/alpha-2024.md"), &old_mac).unwrap();
    // The build reads it, so the review page offers its candidate.
    assert_eq!(
        read(&root, "alpha-2024").unwrap().report.candidates.len(),
        1
    );
    for action in [Action::Accept, Action::Reject] {
        let err = apply(
            &root,
            "alpha-2024",
            1,
            &fingerprint(old_mac.as_bytes()),
            &action,
        )
        .unwrap_err();
        assert!(err.message.contains("lone CRs"), "{err}");
    }
    assert_eq!(file(&root), old_mac);
}

#[test]
fn rejecting_deletes_only_the_entry() {
    let (_dir, root) = site();
    apply(
        &root,
        "alpha-2024",
        1,
        &fingerprint(REPORT.as_bytes()),
        &Action::Reject,
    )
    .unwrap();
    let start = REPORT.find("  - metric: alpha-new").unwrap();
    let end = REPORT.find("---\r\nWe").unwrap();
    assert_eq!(
        file(&root),
        format!("{}{}", &REPORT[..start], &REPORT[end..])
    );
}

#[test]
fn editing_sets_fields_and_checks_them() {
    let (_dir, root) = site();
    let fields = Fields {
        metric: "alpha-a".into(),
        value: String::new(),
        low: "3000".into(),
        high: "3500".into(),
        bound: "at-least".into(),
        status: "estimate".into(),
        year: "2023".into(),
        quote: "more than 3,300 \"people\"".into(),
    };
    apply(
        &root,
        "alpha-2024",
        1,
        &fingerprint(REPORT.as_bytes()),
        &Action::Edit(fields.clone()),
    )
    .unwrap();
    let text = file(&root);
    assert!(text.contains("  - metric: alpha-a\r\n    year: 2023\r\n    quote: \"more than 3,300 \\\"people\\\"\"\r\n    review: candidate  # 0.82: people after the number\r\n    low: 3000\r\n    high: 3500\r\n    status: estimate\r\n---"), "{text}");
    // Another metric chosen: the proposal for the old id is gone.
    assert!(!text.contains("proposed_metric"), "{text}");
    // The accepted figure before it is untouched.
    assert!(text.starts_with(&REPORT[..REPORT.find("  - metric: alpha-new").unwrap()]));

    let before = file(&root);
    let bad = Fields {
        value: "lots".into(),
        low: String::new(),
        high: String::new(),
        ..fields
    };
    let err = apply(
        &root,
        "alpha-2024",
        1,
        &fingerprint(before.as_bytes()),
        &Action::Edit(bad),
    )
    .unwrap_err();
    assert!(err.message.contains("not a number"), "{err}");
    assert_eq!(file(&root), before);
}
