//! A citation as a BibTeX entry, in the biblatex data model that Zotero, JabRef and
//! biber read (`@report` with `institution` and `type`, `@dataset`, `date`), with
//! `year` beside `date` for classic BibTeX styles.
//!
//! Every value is braced and escaped, so no title (`50% of {all}`, `C:\path`, `#1`)
//! can end a field early, start a comment or run a TeX command. The author is an
//! institution, so it is braced twice: BibTeX would otherwise read "Internet Society"
//! as given name "Internet", family name "Society".

use super::{Citation, Work};

/// Citation `c` as one BibTeX entry.
pub(super) fn write(c: &Citation<'_>) -> String {
    let kind = match c.work {
        Work::Report => "report",
        Work::Dataset => "dataset",
    };
    let mut fields: Vec<(&str, String)> = vec![
        ("author", format!("{{{}}}", escape(c.author))),
        ("title", escape(c.title)),
    ];
    match c.work {
        Work::Report => {
            fields.push(("type", escape(c.genre.unwrap_or("Report"))));
            fields.push(("institution", escape(c.publisher)));
        }
        Work::Dataset => fields.push(("publisher", escape(c.publisher))),
    }
    if let Some(d) = c.issued {
        fields.push(("date", d.to_string()));
        fields.push(("year", d.year.to_string()));
    }
    // No `langid` or `language`: biblatex reads them as babel names (`english`), and
    // a BCP 47 tag there breaks a LaTeX run; CSL-JSON carries the language instead.
    fields.push(("url", url(&c.url)));
    if let Some(note) = &c.note {
        fields.push(("note", escape(note)));
    }
    let mut out = format!("@{kind}{{{},\n", c.key);
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}

/// `s` as the text of a braced BibTeX value: TeX's special characters as the
/// commands that print them, line breaks and other control characters as spaces.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `url` as a verbatim `url` field, which takes no TeX escapes: the characters that
/// would end the field or the entry are percent-encoded instead, as a URL allows.
fn url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_ascii_whitespace() || c.is_ascii_control() => {
                out.push_str(&format!("%{:02X}", c as u8));
            }
            c => out.push(c),
        }
    }
    out
}
