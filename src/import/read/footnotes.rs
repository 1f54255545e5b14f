//! Superscripts in running text: footnote markers ("people.<sup>3</sup>") are kept out
//! of the text, so a marker is never read as part of a number ("in 2023" + "4" is not
//! "20234"); exponents ("10<sup>6</sup>", "km<sup>2</sup>") keep their meaning as
//! Unicode superscript digits.

/// Units whose square or cube is written with a superscript.
const AREA_UNITS: &[&str] = &["m", "km", "cm", "mm", "ft", "mi"];

/// What a superscript `text` following the running text `before` contributes: `None`
/// for a footnote marker (one to three digits, or a symbol such as `*` or `†`), the
/// exponent in superscript digits after "10" or a unit of length, the text itself
/// otherwise ("1<sup>st</sup>").
pub(crate) fn superscript(before: &str, text: &str) -> Option<String> {
    let marker = text.trim();
    if marker.is_empty() {
        return Some(text.to_string());
    }
    let digits = marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_digit());
    let symbol = marker.chars().all(|c| matches!(c, '*' | '†' | '‡' | '§'));
    let last_word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let exponent =
        last_word == "10" || (AREA_UNITS.contains(&last_word) && matches!(marker, "2" | "3"));
    if digits && exponent {
        return Some(marker.chars().map(superscript_digit).collect());
    }
    if digits || symbol {
        return None;
    }
    Some(text.to_string())
}

fn superscript_digit(c: char) -> char {
    match c {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        // The other digits sit in their own block, in order.
        d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
    }
}

#[cfg(test)]
mod tests {
    use super::superscript;

    #[test]
    fn markers_dropped_exponents_kept() {
        assert_eq!(superscript("people.", "3"), None);
        assert_eq!(superscript("in 2023", "4"), None);
        assert_eq!(superscript("countries", "*"), None);
        assert_eq!(superscript("reached 10", "6"), Some("⁶".into()));
        assert_eq!(superscript("over 20 km", "2"), Some("²".into()));
        assert_eq!(superscript("the 21", "st"), Some("st".into()));
    }
}
