//! Whether a line of plain text starts a list item: a bullet ("•", "-", "*", "–", "▪",
//! "o") or a number or letter ("1.", "2)", "(3)", "a)", "(iv)") followed by a space.

/// Bullet characters seen in text exported from word processors and PDFs.
const BULLETS: &[char] = &[
    '•', '-', '*', '–', '—', '▪', '■', '◦', '●', '○', '‣', '·', '\u{f0b7}', '\u{f0a7}', '➢', '►',
    '✓',
];

/// `Some((ordered, rest))` when `line` starts with a list marker, `rest` being the
/// item's text after it.
pub(crate) fn list_marker(line: &str) -> Option<(bool, &str)> {
    let line = line.trim_start();
    let (marker, rest) = line.split_once([' ', '\t'])?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    let mut chars = marker.chars();
    let first = chars.next()?;
    if chars.as_str().is_empty() && (BULLETS.contains(&first) || first == 'o') {
        // "o" is the second-level bullet Word exports to text; only before a word.
        if first == 'o' && !rest.starts_with(char::is_alphabetic) {
            return None;
        }
        return Some((false, rest));
    }
    ordinal(marker).then_some((true, rest))
}

/// "1.", "12)", "(3)", "a)", "(b)", "iv)", "(iv)": up to three digits (a year is not
/// an item number), or one lower-case letter, or a small lower-case Roman numeral.
fn ordinal(marker: &str) -> bool {
    let inner = if let Some(inner) = marker.strip_prefix('(') {
        let Some(inner) = inner.strip_suffix(')') else {
            return false;
        };
        inner
    } else if let Some(inner) = marker.strip_suffix([')', '.']) {
        inner
    } else {
        return false;
    };
    let digits = !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
    let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase());
    let roman = matches!(
        inner,
        "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi" | "xii"
    );
    // "a." would also start many a sentence's abbreviation ("p. 7"): letters and
    // Roman numerals count only with a parenthesis.
    digits || ((letter || roman) && marker.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::list_marker;

    #[test]
    fn markers() {
        assert_eq!(list_marker("• first"), Some((false, "first")));
        assert_eq!(list_marker("  - second"), Some((false, "second")));
        assert_eq!(list_marker("o nested"), Some((false, "nested")));
        assert_eq!(list_marker("1. one"), Some((true, "one")));
        assert_eq!(list_marker("(2) two"), Some((true, "two")));
        assert_eq!(list_marker("b) bee"), Some((true, "bee")));
        assert_eq!(list_marker("(iv) four"), Some((true, "four")));
    }

    #[test]
    fn not_markers() {
        assert_eq!(list_marker("2024. A year"), None);
        assert_eq!(list_marker("p. 7"), None);
        assert_eq!(list_marker("-"), None);
        assert_eq!(list_marker("on the"), None);
        assert_eq!(list_marker("o 2"), None);
        assert_eq!(list_marker("The end"), None);
        assert_eq!(list_marker("-3 degrees"), None);
        assert_eq!(list_marker("2030 Agenda"), None);
        assert_eq!(list_marker("3.5 million"), None);
        assert_eq!(list_marker("e.g. this"), None);
    }
}
