//! Structured data for search engines and dataset catalogues: each metric page
//! describes its series as a schema.org `Dataset` in JSON-LD, with the metric's CSV
//! and JSON files as its downloads.

use serde_json::{Value, json};

use crate::link::Links;
use crate::model::{MetricId, Site};
use crate::urls::Page;

/// The JSON-LD of metric `id`'s page, ready to place inside
/// `<script type="application/ld+json">`: `<`, `>` and `&` are written as JSON escapes,
/// so no text of the content (a `</script>` in a description) can end the script or
/// open a comment, and the page's link scanner never sees a tag in it. `page_root` is
/// the absolute address of the page's language's home page; `in_language` its tag, for
/// a site in several languages.
pub(crate) fn metric_dataset(
    site: &Site,
    links: &Links,
    id: MetricId,
    page_root: &str,
    in_language: Option<&str>,
) -> String {
    let mut d = dataset(site, links, id, page_root);
    if let Some(tag) = in_language {
        d["inLanguage"] = json!(tag);
    }
    escape(&d.to_string())
}

fn dataset(site: &Site, links: &Links, id: MetricId, page_root: &str) -> Value {
    let m = site.metric(id);
    let org = site.org(m.organization);
    // The data files exist once, at the site root; the pages in each language.
    let root = site.config.base_url.root();
    let page = format!("{page_root}{}", Page::Metric(&m.id).path());
    let description = m
        .description
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            format!(
                "{} ({}), year by year, as stated in reports on the implementation of the WSIS \
             outcomes, each value linked to the sentence that states it.",
                m.title, org.name
            )
        });
    let mut d = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": m.title,
        "description": description,
        "url": page,
        "identifier": page,
        "isAccessibleForFree": true,
        "creator": {
            "@type": "Organization",
            "name": org.name,
            // The organization's own site where it has one: it is who the creator is.
            "url": org.website.clone().unwrap_or_else(|| {
                format!("{page_root}{}", Page::Organization(&org.id).path())
            }),
        },
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": site.config.title,
            "url": page_root,
        },
        "variableMeasured": {
            "@type": "PropertyValue",
            "name": m.title,
            "unitText": m.unit.name(),
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv",
                "contentUrl": format!("{root}{}", crate::data::metric_csv(&m.id)),
            },
            {
                "@type": "DataDownload",
                "encodingFormat": "application/json",
                "contentUrl": format!("{root}{}", crate::data::metric_json_path(&m.id)),
            },
        ],
    });
    let series = &links.series[id.index()];
    let years = series.observations.iter().map(|&o| site.figure(o).year);
    if let (Some(first), Some(last)) = (years.clone().min(), years.max()) {
        d["temporalCoverage"] = json!(if first == last {
            first.to_string()
        } else {
            format!("{first}/{last}")
        });
    }
    d
}

/// `json` with `<`, `>` and `&` as `\u` escapes, which JSON parsers read back as the
/// same characters.
fn escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn nothing_in_the_json_can_close_the_script() {
        let json = serde_json::json!({"d": "a </script><!-- & b"}).to_string();
        let escaped = escape(&json);
        assert!(!escaped.contains('<') && !escaped.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["d"], "a </script><!-- & b");
    }
}
