use super::*;

fn refused_for(claims: &mut Claims, key: &str) -> Option<String> {
    match claims.insert(key) {
        Err(Refused::Case(other)) => Some(other),
        Err(Refused::Twice) => Some("twice".into()),
        Ok(()) => None,
    }
}

#[test]
fn keys_that_differ_only_in_case_are_refused() {
    let mut claims = Claims::default();
    claims.insert("docs/guide.pdf").unwrap();
    assert_eq!(claims.insert("docs/guide.pdf"), Err(Refused::Twice));
    for other in ["docs/Guide.pdf", "DOCS/GUIDE.PDF", "docs/GUIDE.pdf"] {
        assert_eq!(
            refused_for(&mut claims, other).as_deref(),
            Some("docs/guide.pdf"),
            "{other}"
        );
        assert!(!claims.contains(other));
    }
    // Names that differ otherwise are claimed, and only the keys themselves are.
    for other in ["docs/guide.pdf.txt", "docs/guide-2.pdf", "doc/guide.pdf"] {
        claims.insert(other).unwrap();
    }
    assert!(claims.contains("docs/guide.pdf") && !claims.contains("docs/Guide.pdf"));
    assert_eq!(claims.iter().count(), 4);
}

/// A folder spelled two ways is one folder on those systems, whatever its files are
/// named, and in either order.
#[test]
fn folders_that_differ_only_in_case_are_refused_in_either_order() {
    let mut claims = Claims::default();
    claims.insert("reports/alpha-2024/index.html").unwrap();
    assert_eq!(
        refused_for(&mut claims, "Reports/2024.pdf").as_deref(),
        Some("reports/alpha-2024/index.html")
    );
    assert_eq!(
        refused_for(&mut claims, "reports/ALPHA-2024/notes.txt").as_deref(),
        Some("reports/alpha-2024/index.html")
    );
    let mut claims = Claims::default();
    claims.insert("Reports/2024.pdf").unwrap();
    claims.insert("Reports/2025.pdf").unwrap();
    assert_eq!(
        refused_for(&mut claims, "reports/alpha-2024/index.html").as_deref(),
        Some("Reports/2024.pdf")
    );
    assert_eq!(
        refused_for(&mut claims, "REPORTS/x.css").as_deref(),
        Some("Reports/2024.pdf")
    );
    // A name spelled as claimed before, in another key, is the same folder.
    claims.insert("Reports/sub/a.txt").unwrap();
    // A file named as a folder's other spelling.
    assert!(refused_for(&mut claims, "reports").is_some());
}

/// Letters whose lower case is not the folded one, and accents encoded two ways.
#[test]
fn folding_covers_more_than_lower_case() {
    for (a, b) in [
        ("r\u{e9}sum\u{e9}.txt", "re\u{301}sume\u{301}.txt"),
        (
            "\u{39f}\u{394}\u{39f}\u{3a3}.txt",
            "\u{3bf}\u{3b4}\u{3bf}\u{3c3}.txt",
        ),
        (
            "\u{3bf}\u{3b4}\u{3bf}\u{3c2}.txt",
            "\u{3bf}\u{3b4}\u{3bf}\u{3c3}.txt",
        ),
        ("\u{131}.txt", "I.txt"),
        ("\u{17f}tyle.css", "style.css"),
        ("\u{b5}.txt", "\u{3bc}.txt"),
        ("\u{414}/a.css", "\u{434}/a.css"),
    ] {
        for (first, second) in [(a, b), (b, a)] {
            let mut claims = Claims::default();
            claims.insert(first).unwrap();
            assert_eq!(
                refused_for(&mut claims, second).as_deref(),
                Some(first),
                "{first} then {second}"
            );
        }
    }
}

#[test]
fn the_error_names_both_paths_in_order() {
    for (first, second) in [("a/x.txt", "A/x.txt"), ("A/x.txt", "a/x.txt")] {
        let mut claims = Claims::default();
        claims.insert(first).unwrap();
        let refused = claims.insert(second).unwrap_err();
        let d = refused.diagnostic(second, Path::new("static/x.txt"));
        assert!(
            d.to_string().contains(
                "the build writes `A/x.txt` and `a/x.txt`, whose paths differ only in case"
            ),
            "{d}"
        );
    }
}
