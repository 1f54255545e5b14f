//! A citation as CSL-JSON, the data format of citation processors (citeproc-js,
//! Zotero, Pandoc): a file holding an array of items. Only the schema's own
//! properties are written (it allows no others), with the author as a `literal`
//! name, so that no processor splits an institution into given and family names.

use serde::Serialize;

use super::{Citation, Work};

/// One CSL-JSON item.
#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    author: [Name<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Date>,
    publisher: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<&'a str>,
    archive: &'a str,
    #[serde(rename = "URL")]
    url: &'a str,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Name<'a> {
    literal: &'a str,
}

/// A date as `date-parts`: `[[2024, 10, 15]]`, `[[2024, 10]]` or `[[2024]]`.
#[derive(Serialize)]
struct Date {
    #[serde(rename = "date-parts")]
    parts: [Vec<i32>; 1],
}

/// Citation `c` as a CSL-JSON file of one item, indented for readers.
pub(super) fn write(c: &Citation<'_>) -> String {
    let issued = c.issued.map(|d| Date {
        parts: [std::iter::once(d.year)
            .chain(d.month.map(i32::from))
            .chain(d.day.map(i32::from))
            .collect()],
    });
    let item = Item {
        id: &c.key,
        kind: match c.work {
            Work::Report => "report",
            Work::Dataset => "dataset",
        },
        title: c.title,
        author: [Name { literal: c.author }],
        issued,
        publisher: c.publisher,
        genre: c.genre,
        archive: c.archive,
        url: &c.url,
        language: c.language,
        note: c.note.as_deref(),
    };
    // Compact, on one line: the file travels in the page's download link, where the
    // indentation of a pretty-printed file was a third of its bytes, and no reader sees
    // it (reference managers and citation processors parse it).
    let mut json = serde_json::to_string(&[item])
        .expect("a citation of strings and numbers always serializes");
    json.push('\n');
    json
}
