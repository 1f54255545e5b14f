//! The draft's title, publication date and organization: from the command's flags
//! when given, otherwise from what the document states.

use super::document::{Block, Document};
use super::site::Organization;
use super::words;
use crate::diagnostic::{Diagnostic, Kind};
use crate::model::PartialDate;

/// How far into the text a publication date is looked for: a date on a title page
/// or letterhead, not one in the body ("in October 2024 we met").
const DATE_SCAN_CHARS: usize = 400;

/// The title: the flag, the document's own, its first block when that is a heading,
/// or the title `wsis new report` gives.
pub fn title(doc: &Document, flag: Option<&str>, year: i32) -> String {
    let first_heading = match doc.blocks.first() {
        Some(Block::Heading { text, .. }) => Some(text.as_str()),
        _ => None,
    };
    flag.or(doc.title.as_deref())
        .or(first_heading)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(
            || format!("Report on progress made in {year}"),
            str::to_string,
        )
}

/// The publication date, as `YYYY[-MM[-DD]]`: the flag (checked), the document's
/// metadata, a date in its first lines, or else the year.
pub fn published(doc: &Document, flag: Option<&str>, year: i32) -> Result<String, Diagnostic> {
    if let Some(f) = flag {
        return PartialDate::parse(f).map(|d| d.to_string()).ok_or_else(|| {
            Diagnostic::new(Kind::Invalid, "--published", format!("`{f}` is not a date"))
                .help("give the date as YYYY-MM-DD, YYYY-MM or YYYY")
        });
    }
    let stated = doc
        .published
        .as_deref()
        .and_then(PartialDate::parse)
        .map(|d| d.to_string());
    let head: String = doc.plain_text().chars().take(DATE_SCAN_CHARS).collect();
    Ok(stated
        .or_else(|| date_in_text(&head))
        .unwrap_or_else(|| year.to_string()))
}

/// The first date written with a month name in `text`: "October 2024" (`2024-10`),
/// "15 November 2024" or "November 15, 2024" (`2024-11-15`).
pub fn date_in_text(text: &str) -> Option<String> {
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let number = |t: Option<&&str>, len: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let t = t?;
        (len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    for (k, t) in tokens.iter().enumerate() {
        let Some(month) = words::month_number(t) else {
            continue;
        };
        let day_before = k.checked_sub(1).and_then(|j| number(tokens.get(j), 1..=2));
        let (day, year) = match number(tokens.get(k + 1), 4..=4) {
            Some(y) => (day_before, y),
            None => match (
                number(tokens.get(k + 1), 1..=2),
                number(tokens.get(k + 2), 4..=4),
            ) {
                (Some(d), Some(y)) => (Some(d), y),
                _ => continue,
            },
        };
        let text = match day {
            Some(d) => format!("{year}-{month:02}-{d:02}"),
            None => format!("{year}-{month:02}"),
        };
        if let Some(date) = PartialDate::parse(&text) {
            return Some(date.to_string());
        }
    }
    None
}

/// The organization: the flag, checked against the site's, or the one whose id, name
/// or short name the document's author names.
pub fn organization(
    root: &std::path::Path,
    doc: &Document,
    flag: Option<&str>,
    organizations: &[Organization],
) -> Result<String, Diagnostic> {
    if let Some(id) = flag {
        crate::scaffold::check_organization(root, id)?;
        return Ok(id.to_string());
    }
    let author = doc.author.as_deref().map(normalize).unwrap_or_default();
    let found = (!author.is_empty())
        .then(|| {
            organizations.iter().find(|o| {
                [Some(&o.id), Some(&o.name), o.short_name.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|n| normalize(n) == author)
            })
        })
        .flatten();
    match found {
        Some(o) => Ok(o.id.clone()),
        None => Err(Diagnostic::new(
            Kind::Reference,
            "--organization",
            match &doc.author {
                Some(a) => format!("the document's author `{a}` is none of the site's organizations"),
                None => "the document does not say whose report it is".to_string(),
            },
        )
        .help(
            "name it with --organization ID (create it first with `wsis new organization ID` if it is new)",
        )),
    }
}

/// Lowercase words joined by single spaces, for comparing names.
fn normalize(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_month_names_are_read() {
        assert_eq!(
            date_in_text("Annual report\nOctober 2024"),
            Some("2024-10".into())
        );
        assert_eq!(
            date_in_text("Geneva, 15 November 2024."),
            Some("2024-11-15".into())
        );
        assert_eq!(
            date_in_text("Issued Nov 5, 2024"),
            Some("2024-11-05".into())
        );
        assert_eq!(date_in_text("We met in May with 40 people"), None);
        // Not a day of February: no date rather than a wrong one.
        assert_eq!(date_in_text("31 February 2024"), None);
    }

    #[test]
    fn the_organization_is_the_one_the_author_names() {
        let orgs = vec![Organization {
            id: "isoc".into(),
            name: "Internet Society".into(),
            short_name: Some("ISOC".into()),
        }];
        let by = |author: &str| Document {
            author: Some(author.into()),
            ..Document::default()
        };
        let root = std::path::Path::new("/nonexistent");
        for author in ["Internet Society", "internet  society", "ISOC", "isoc"] {
            assert_eq!(
                organization(root, &by(author), None, &orgs).unwrap(),
                "isoc"
            );
        }
        let unknown = organization(root, &by("Someone Else"), None, &orgs).unwrap_err();
        assert!(unknown.message.contains("Someone Else"), "{unknown:?}");
        assert!(organization(root, &Document::default(), None, &orgs).is_err());
    }

    #[test]
    fn the_title_comes_from_the_flag_the_document_or_a_default() {
        let mut doc = Document {
            blocks: vec![Block::Heading {
                level: 1,
                text: "Our year".into(),
            }],
            ..Document::default()
        };
        assert_eq!(title(&doc, None, 2024), "Our year");
        assert_eq!(title(&doc, Some("Flag"), 2024), "Flag");
        doc.blocks.clear();
        assert_eq!(title(&doc, None, 2024), "Report on progress made in 2024");
    }
}
