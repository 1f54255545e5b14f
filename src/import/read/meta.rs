//! Small rules every reader shares: a metadata date as `YYYY-MM-DD`, and text with its
//! runs of white space made single spaces.

use crate::model::PartialDate;

/// The calendar date a metadata value starts with (`2024-05-17`, `2024-05-17T09:00:00Z`,
/// `2024-05-17 09:00`), or `None` when it states no full, valid date.
pub(crate) fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    // "2024-05-170" is not a date followed by a time.
    if value[10..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let parsed = PartialDate::parse(date)?;
    parsed.day.map(|_| date.to_string())
}

/// `text` with each run of white space (line breaks, tabs, non-breaking spaces)
/// made one space, and none at either end.
pub(crate) fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("2024-05-17T09:00:00Z").as_deref(),
            Some("2024-05-17")
        );
        assert_eq!(iso_date(" 2024-05-17 ").as_deref(), Some("2024-05-17"));
        assert_eq!(iso_date("2024-02-30"), None);
        assert_eq!(iso_date("2024-05"), None);
        assert_eq!(iso_date("17 May 2024"), None);
    }

    #[test]
    fn spaces() {
        assert_eq!(collapse_spaces(" a \n\tb\u{a0} c "), "a b c");
    }
}
