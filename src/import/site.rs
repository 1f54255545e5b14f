//! What the import needs to know of the site it drafts for: its action lines, its
//! metrics and its organizations, read from `content/` as the build reads them.
//!
//! Reports are not read: a broken report elsewhere in the site must not stop an
//! import.

use std::path::Path;

use super::action_lines::ActionLine;
use super::metrics::Metric;
use crate::diagnostic::Diagnostic;
use crate::load::{RawActionLine, RawLocalized, RawMetric, RawOrganization, read_text, yaml};

/// An organization of the site.
#[derive(Debug, Clone)]
pub struct Organization {
    /// The id.
    pub id: String,
    /// The full name.
    pub name: String,
    /// The short name, if any.
    pub short_name: Option<String>,
}

/// The site's action lines, metrics and organizations.
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// The action lines, in the file's order.
    pub action_lines: Vec<ActionLine>,
    /// The metrics, in the file's order.
    pub metrics: Vec<Metric>,
    /// The organizations, by file name.
    pub organizations: Vec<Organization>,
}

/// Reads a YAML list of `content/<name>`; a file of comments only is an empty list.
fn list<T: serde::de::DeserializeOwned>(root: &Path, name: &str) -> Result<Vec<T>, Diagnostic> {
    let rel = Path::new("content").join(name);
    let text = read_text(&root.join(&rel), &rel)?;
    let list: Option<Vec<T>> = yaml::parse(&text, &rel, 1)?;
    Ok(list.unwrap_or_default())
}

impl Site {
    /// Reads the site under `root`.
    pub fn load(root: &Path) -> Result<Site, Diagnostic> {
        let action_lines = list::<RawActionLine>(root, "action-lines.yaml")?
            .into_iter()
            .map(|l| ActionLine {
                code: l.code,
                title: l.title.into_first(),
                short: l.short.into_first(),
                description: l.description.map(RawLocalized::into_first),
            })
            .collect();
        let metrics = list::<RawMetric>(root, "metrics.yaml")?
            .into_iter()
            .map(|m| Metric {
                id: m.id,
                title: m.title.into_first(),
                unit: m.unit,
                organization: m.organization,
                description: m.description.map(RawLocalized::into_first),
                action_lines: m.action_lines,
            })
            .collect();
        let mut organizations = Vec::new();
        for id in crate::scaffold::organization_ids(root) {
            let rel = Path::new("content/organizations").join(format!("{id}.yaml"));
            let text = read_text(&root.join(&rel), &rel)?;
            let o: RawOrganization = yaml::parse(&text, &rel, 1)?;
            organizations.push(Organization {
                id: o.id,
                name: o.name.into_first(),
                short_name: o.short_name,
            });
        }
        Ok(Site {
            action_lines,
            metrics,
            organizations,
        })
    }
}
