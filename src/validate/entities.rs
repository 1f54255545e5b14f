//! The organizations, action lines and metrics of a site, validated once for as long
//! as their files and the settings stay as they were: `wsis serve` validates the site
//! again at every save of a report, and at 100,000 reports (10,000 organizations and
//! 30,000 metrics) validating them again was two thirds of checking the save.

use std::sync::Arc;

use super::localized::Texts;
use super::{Lookup, action_lines, metrics, organizations};
use crate::diagnostic::Diagnostic;
use crate::load::Sources;
use crate::model::{ActionLine, LineId, Metric, OrgId, Organization};

/// What validating the organizations, action lines and metrics gave, without errors.
#[derive(Debug)]
pub(super) struct Entities {
    /// Shared with every site validated from them, not copied: 10,000 organizations
    /// and 30,000 metrics took tens of milliseconds to copy at each save.
    pub(super) organizations: Arc<Vec<Organization>>,
    /// As validated, before the frame's sources are set on them.
    pub(super) action_lines: Vec<ActionLine>,
    pub(super) metrics: Arc<Vec<Metric>>,
    /// The warnings validating their texts gave, in order.
    pub(super) warnings: Vec<Diagnostic>,
}

/// The organizations, action lines and metrics of `sources`: `kept`, when a
/// validation of the same files and settings left them, else validated now (errors
/// to `errors`). Their texts' warnings go to `texts` either way, as validating them
/// gives them.
pub(super) fn entities(
    sources: &Sources,
    kept: Option<&Arc<Entities>>,
    texts: &mut Texts,
    errors: &mut Vec<Diagnostic>,
) -> Arc<Entities> {
    if let Some(kept) = kept {
        texts.warnings.extend(kept.warnings.iter().cloned());
        return Arc::clone(kept);
    }
    let before = texts.warnings.len();
    let organizations = organizations(sources, texts, errors);
    let orgs = org_lookup(&organizations);
    let action_lines = action_lines(sources, &orgs, texts, errors);
    let lines = line_lookup(&action_lines);
    let metrics = metrics(sources, &orgs, &lines, texts, errors);
    Arc::new(Entities {
        organizations: Arc::new(organizations),
        action_lines,
        metrics: Arc::new(metrics),
        warnings: texts.warnings[before..].to_vec(),
    })
}

/// The organizations' lookup by id, in the order of their ids.
pub(super) fn org_lookup(organizations: &[Organization]) -> Lookup<'_, OrgId> {
    Lookup::new(
        "organization",
        organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), OrgId(i as u32))),
    )
}

/// The action lines' lookup by code.
pub(super) fn line_lookup(action_lines: &[ActionLine]) -> Lookup<'_, LineId> {
    Lookup::new(
        "action line",
        action_lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code.as_str(), LineId(i as u32))),
    )
}

#[cfg(test)]
mod tests {
    use super::super::{Bodies, Checks, validate_since};
    use std::sync::Arc;

    /// A save of a report (the same organizations, lines, metrics and settings) takes
    /// them as last validated, with the warnings of their texts, and the site is the
    /// one a validation from scratch gives.
    #[test]
    fn a_second_validation_takes_the_entities_and_their_warnings_as_they_were() {
        let (dir, _) = super::super::tests::copied("basic");
        let root = dir.path();
        let org = root.join("content/organizations/alpha.yaml");
        let text = std::fs::read_to_string(&org).unwrap();
        // A name in a language the site does not publish: a warning of its text.
        let named = text.replacen(
            "name: \"Alpha Society\"",
            "name:\n  en: \"Alpha Society\"\n  de: \"Alpha Gesellschaft\"",
            1,
        );
        assert_ne!(named, text);
        std::fs::write(&org, named).unwrap();
        let config = crate::load_config(root, None).unwrap();
        // Validated with the checks `checks`, nothing taken from a cache.
        let since = |sources: &mut crate::load::Sources, checks: &mut Checks| {
            validate_since(config.clone(), sources, &|_| None, Bodies::Keep, checks).unwrap()
        };
        let mut sources = crate::load::load(root).unwrap();
        let mut checks = Checks::default();
        let first = since(&mut sources, &mut checks);
        let kept = Arc::clone(
            checks
                .entities()
                .expect("kept after a validation without error"),
        );
        let second = since(&mut sources, &mut checks);
        assert!(
            Arc::ptr_eq(&kept, checks.entities().unwrap()),
            "not validated again"
        );
        let fresh = since(
            &mut crate::load::load(root).unwrap(),
            &mut Checks::default(),
        );
        assert!(
            fresh.warnings.iter().any(|w| w.message.contains("`de`")),
            "{:?}",
            fresh.warnings
        );
        for site in [&first, &second] {
            assert_eq!(
                format!("{:?}", site.warnings),
                format!("{:?}", fresh.warnings)
            );
            assert_eq!(
                format!("{:?}", site.organizations),
                format!("{:?}", fresh.organizations)
            );
            assert_eq!(
                format!("{:?}", site.metrics),
                format!("{:?}", fresh.metrics)
            );
            assert_eq!(
                format!("{:?}", site.action_lines),
                format!("{:?}", fresh.action_lines)
            );
        }
    }
}
