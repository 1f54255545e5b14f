use super::*;

/// The two names a refused `key` clashed on, in string order; `twice` or `folder`
/// for the other refusals.
fn refused_for(claims: &mut Claims, key: &str) -> Option<String> {
    match claims.insert(key) {
        Err(Refused::Case { ours, theirs }) => {
            let mut pair = [ours, theirs];
            pair.sort();
            Some(pair.join(" "))
        }
        Err(Refused::Twice) => Some("twice".into()),
        Err(Refused::FileAndFolder { file, inside }) => Some(format!("folder {file} {inside}")),
        Ok(()) => None,
    }
}

#[test]
fn keys_that_differ_only_in_case_are_refused() {
    let mut claims = Claims::default();
    claims.insert("docs/guide.pdf").unwrap();
    assert_eq!(
        refused_for(&mut claims, "docs/guide.pdf").as_deref(),
        Some("twice")
    );
    for (other, pair) in [
        ("docs/Guide.pdf", "docs/Guide.pdf docs/guide.pdf"),
        ("docs/GUIDE.pdf", "docs/GUIDE.pdf docs/guide.pdf"),
        ("DOCS/GUIDE.PDF", "DOCS docs"),
        ("Docs/guide.pdf", "Docs docs"),
    ] {
        assert_eq!(
            refused_for(&mut claims, other).as_deref(),
            Some(pair),
            "{other}"
        );
        assert!(!claims.contains(other));
    }
    // Names that differ otherwise are claimed, and only the keys themselves are.
    for other in ["docs/guide.pdf.txt", "docs/guide-2.pdf", "doc/guide.pdf"] {
        claims.insert(other).unwrap();
    }
    assert!(claims.contains("docs/guide.pdf") && !claims.contains("docs/Guide.pdf"));
}

/// A folder spelled two ways is one folder on those systems, whatever its files are
/// named, and in either order; the two spellings are named.
#[test]
fn folders_that_differ_only_in_case_are_refused_in_either_order() {
    let mut claims = Claims::default();
    claims.insert("reports/alpha-2024/index.html").unwrap();
    assert_eq!(
        refused_for(&mut claims, "Reports/2024.pdf").as_deref(),
        Some("Reports reports")
    );
    assert_eq!(
        refused_for(&mut claims, "reports/ALPHA-2024/notes.txt").as_deref(),
        Some("reports/ALPHA-2024 reports/alpha-2024")
    );
    let mut claims = Claims::default();
    claims.insert("Reports/2024.pdf").unwrap();
    claims.insert("Reports/2025.pdf").unwrap();
    assert_eq!(
        refused_for(&mut claims, "reports/alpha-2024/index.html").as_deref(),
        Some("Reports reports")
    );
    assert_eq!(
        refused_for(&mut claims, "REPORTS/x.css").as_deref(),
        Some("REPORTS Reports")
    );
    // A name spelled as claimed before, in another key, is the same folder.
    claims.insert("Reports/sub/a.txt").unwrap();
    // A file named as a folder's other spelling.
    assert_eq!(
        refused_for(&mut claims, "reports").as_deref(),
        Some("Reports reports")
    );
}

/// A language folder's tag has capitals (`pt-BR`): its pages are claimed with one
/// odd name between them, and names inside it are compared with their siblings.
#[test]
fn names_inside_a_folder_in_capitals_are_compared_with_their_siblings() {
    let mut claims = Claims::default();
    for n in 0..1000 {
        claims
            .insert(&format!("pt-BR/reports/r-{n}/index.html"))
            .unwrap();
    }
    assert_eq!(claims.odd.len(), 1, "{:?}", claims.odd.keys().take(3));
    assert_eq!(
        refused_for(&mut claims, "pt-br/style.css").as_deref(),
        Some("pt-BR pt-br")
    );
    assert_eq!(
        refused_for(&mut claims, "pt-BR/Reports/x.css").as_deref(),
        Some("pt-BR/Reports pt-BR/reports")
    );
    claims.insert("pt-BR/Docs/a.txt").unwrap();
    assert_eq!(
        refused_for(&mut claims, "pt-BR/docs/b.txt").as_deref(),
        Some("pt-BR/Docs pt-BR/docs")
    );
    assert_eq!(
        refused_for(&mut claims, "pt-BR/DOCS/b.txt").as_deref(),
        Some("pt-BR/DOCS pt-BR/Docs")
    );
}

/// A path both a file and a folder, in either order.
#[test]
fn a_file_that_is_also_a_folder_is_refused_in_either_order() {
    let mut claims = Claims::default();
    claims.insert("reports/x/index.html").unwrap();
    assert_eq!(
        refused_for(&mut claims, "reports/x").as_deref(),
        Some("folder reports/x reports/x/index.html")
    );
    let mut claims = Claims::default();
    claims.insert("reports/x").unwrap();
    assert_eq!(
        refused_for(&mut claims, "reports/x/index.html").as_deref(),
        Some("folder reports/x reports/x/index.html")
    );
    // A name that only begins like the file is not inside it.
    claims.insert("reports/x-2/index.html").unwrap();
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
            assert!(
                refused_for(&mut claims, second).is_some(),
                "{first} then {second}"
            );
        }
    }
}

#[test]
fn the_error_names_both_names_in_order() {
    for (first, second) in [("a/x.txt", "A/x.txt"), ("A/x.txt", "a/x.txt")] {
        let mut claims = Claims::default();
        claims.insert(first).unwrap();
        let d = claims
            .insert(second)
            .unwrap_err()
            .diagnostic(Path::new("static/x.txt"));
        assert!(
            d.to_string().contains(
                "static/x.txt: the build writes `A` and `a`, whose names differ only in case"
            ),
            "{d}"
        );
    }
}
