//! Unicode normalization form C, the form readers type in and the one the site keeps
//! its text in: the same word typed two ways (a letter with its accent, or the letter
//! then a combining accent; Arabic vowel marks in either order) must compare equal in
//! the search index and in the interface strings.

use std::borrow::Cow;

/// `text` in normalization form C, borrowed when it already is (nearly always: the
/// quick check is cheap and copying every text of a large site is not).
pub(crate) fn nfc(text: Cow<'_, str>) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => Cow::Owned(text.nfc().collect()),
    }
}
