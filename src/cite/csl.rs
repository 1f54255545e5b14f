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
    let json = serde_json::to_string_pretty(&[item])
        .expect("a citation of strings and numbers always serializes");
    let mut json = compact_date_parts(json);
    json.push('\n');
    json
}

/// `json` with its `date-parts` on one line, `[[2024, 10]]`, as CSL-JSON is usually
/// written: indented one number a line, a date takes eight lines of the page. The
/// key cannot occur inside a string (a quote there is escaped), and the array holds
/// only numbers, so it ends where its brackets balance.
fn compact_date_parts(json: String) -> String {
    const KEY: &str = "\"date-parts\": ";
    let Some(at) = json.find(KEY) else {
        return json;
    };
    let start = at + KEY.len();
    let mut depth = 0;
    let mut out = String::with_capacity(json.len());
    out.push_str(&json[..start]);
    let mut end = start;
    for (i, c) in json[start..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c.is_whitespace() => continue,
            _ => {}
        }
        out.push(c);
        if c == ',' {
            out.push(' ');
        }
        if depth == 0 {
            end = start + i + 1;
            break;
        }
    }
    out.push_str(&json[end..]);
    out
}
