//! The paths a build has begun to write, and the check that no two of them name one
//! file where the output may be copied or published.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Every path (a key, with `/`) this build has begun to write.
#[derive(Debug, Default)]
pub(super) struct Claims {
    keys: HashSet<String>,
    /// Each key as a file system blind to case and to how an accent is encoded (the
    /// defaults of macOS and Windows) sees it, with the key it was claimed as.
    folded: HashMap<String, String>,
}

/// Why a path cannot be claimed.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// It is claimed already.
    Twice,
    /// Another path, claimed already, differs from it only in case or in the encoding
    /// of an accent: on macOS and Windows both are one file, which whichever write
    /// came last would hold (two published names, one file), and a server or a copy
    /// that sees them apart gets an output the build never checked.
    Case(String),
}

impl Claims {
    /// Claims `key`, unless it or a key naming the same file elsewhere is claimed.
    pub(super) fn insert(&mut self, key: &str) -> Result<(), Refused> {
        if self.keys.contains(key) {
            return Err(Refused::Twice);
        }
        let folded = fold(key);
        if let Some(other) = self.folded.get(&folded) {
            return Err(Refused::Case(other.clone()));
        }
        self.folded.insert(folded, key.to_string());
        self.keys.insert(key.to_string());
        Ok(())
    }

    /// Whether `key` itself is claimed.
    pub(super) fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// The keys claimed.
    pub(super) fn iter(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
    }
}

/// `key` in lower case and composed (NFC), as a file system blind to case and to
/// normalization compares names.
fn fold(key: &str) -> String {
    crate::nfc::nfc(Cow::Owned(key.to_lowercase())).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_only_in_case_or_in_accents_encoding_are_refused() {
        let mut claims = Claims::default();
        claims.insert("docs/guide.pdf").unwrap();
        assert_eq!(claims.insert("docs/guide.pdf"), Err(Refused::Twice));
        for other in ["docs/Guide.pdf", "DOCS/GUIDE.PDF", "Docs/guide.pdf"] {
            assert_eq!(
                claims.insert(other),
                Err(Refused::Case("docs/guide.pdf".into())),
                "{other}"
            );
            assert!(!claims.contains(other));
        }
        // `é` composed, then as `e` and a combining accent; then Greek and Cyrillic
        // capitals.
        claims.insert("r\u{e9}sum\u{e9}.txt").unwrap();
        assert_eq!(
            claims.insert("re\u{301}sume\u{301}.txt"),
            Err(Refused::Case("r\u{e9}sum\u{e9}.txt".into()))
        );
        claims.insert("\u{3a3}.txt").unwrap();
        assert!(claims.insert("\u{3c3}.txt").is_err());
        claims.insert("\u{414}/a.css").unwrap();
        assert!(claims.insert("\u{434}/a.css").is_err());
        // Names that differ otherwise are claimed, and only the keys themselves are.
        for other in ["docs/guide.pdf.txt", "docs/guide-2.pdf", "doc/guide.pdf"] {
            claims.insert(other).unwrap();
        }
        assert!(claims.contains("docs/guide.pdf") && !claims.contains("docs/Guide.pdf"));
        assert_eq!(claims.iter().count(), 7);
    }
}
