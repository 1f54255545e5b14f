//! The frame's lookups: which targets serve each action line, goal, objective and
//! metric, and which crosswalk links touch each action line, goal and objective.
//!
//! An SDG target counts for its goal: a target or link on 4.4 is listed on the page
//! of goal 4, which shows the goal's targets as sections of one page.

use crate::model::frame::{GdcId, Node, SdgId};
use crate::model::{LineId, Site};

use super::FrameLinks;

/// Fills every index of `out` from `site`'s frame. Each list is in file order
/// (targets as in `targets.yaml`, links as in `crosswalk.yaml`) and names an entry
/// once, even when it touches a goal through several of its targets.
pub(super) fn fill(site: &Site, out: &mut FrameLinks) {
    let frame = &site.frame;
    out.targets_by_line = vec![Vec::new(); site.action_lines.len()];
    out.targets_by_sdg = vec![Vec::new(); frame.sdgs.len()];
    out.targets_by_gdc = vec![Vec::new(); frame.gdc.len()];
    out.targets_by_metric = vec![Vec::new(); site.metrics.len()];
    out.links_by_line = vec![Vec::new(); site.action_lines.len()];
    out.links_by_sdg = vec![Vec::new(); frame.sdgs.len()];
    out.links_by_gdc = vec![Vec::new(); frame.gdc.len()];

    for (id, t) in frame.target_ids() {
        for &l in &t.action_lines {
            push_once(&mut out.targets_by_line[l.index()], id);
        }
        for &node in &t.sdgs {
            if let Some(g) = goal_of(node) {
                push_once(&mut out.targets_by_sdg[g.index()], id);
            }
        }
        for &g in &t.gdc {
            push_once(&mut out.targets_by_gdc[g.index()], id);
        }
        if let Some(m) = t.indicator {
            push_once(&mut out.targets_by_metric[m.index()], id);
        }
    }

    for (i, link) in frame.crosswalk.iter().enumerate() {
        for node in [link.from, link.to] {
            match Touch::of(node) {
                Touch::Line(l) => push_once(&mut out.links_by_line[l.index()], i),
                Touch::Sdg(g) => push_once(&mut out.links_by_sdg[g.index()], i),
                Touch::Gdc(g) => push_once(&mut out.links_by_gdc[g.index()], i),
            }
        }
    }
}

/// The page a crosswalk end is listed on.
enum Touch {
    Line(LineId),
    Sdg(SdgId),
    Gdc(GdcId),
}

impl Touch {
    fn of(node: Node) -> Touch {
        match node {
            Node::Line(l) => Touch::Line(l),
            Node::Sdg(g) | Node::SdgTarget(g, _) => Touch::Sdg(g),
            Node::Gdc(g) => Touch::Gdc(g),
        }
    }
}

/// The goal of an SDG node; `None` for the other frameworks (validation keeps a
/// target's `sdgs` to SDG nodes, but the type allows any).
fn goal_of(node: Node) -> Option<SdgId> {
    match Touch::of(node) {
        Touch::Sdg(g) => Some(g),
        Touch::Line(_) | Touch::Gdc(_) => None,
    }
}

/// Adds `item` unless it is already the list's last: entries come in order, so a
/// repeat can only be the last one added.
fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if list.last() != Some(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use crate::link::Links;
    use crate::model::frame::{GdcId, Node, SdgId, TargetId};
    use crate::model::{LineId, MetricId};

    #[test]
    fn targets_and_links_are_found_from_every_end() {
        let mut fx = Fixture::new();
        // Target 0 serves goal 4 through two of its targets: listed once.
        let t0 = fx.value_target(100.0, 2030);
        t0.sdgs = vec![Node::SdgTarget(SdgId(0), 0), Node::SdgTarget(SdgId(0), 1)];
        t0.gdc = vec![GdcId(0)];
        let t1 = fx.value_target(100.0, 2030);
        t1.sdgs = vec![Node::Sdg(SdgId(0))];
        t1.indicator = None;
        t1.action_lines = vec![LineId(1)];
        fx.link(Node::Line(LineId(0)), Node::SdgTarget(SdgId(0), 1));
        fx.link(Node::Line(LineId(1)), Node::Gdc(GdcId(0)));
        fx.link(Node::Sdg(SdgId(0)), Node::Gdc(GdcId(0)));
        let site = fx.site();
        let f = Links::new(&site).frame;

        assert_eq!(f.targets_by_line, [vec![TargetId(0)], vec![TargetId(1)]]);
        assert_eq!(f.targets_by_sdg, [vec![TargetId(0), TargetId(1)]]);
        assert_eq!(f.targets_by_gdc, [vec![TargetId(0)]]);
        assert_eq!(f.targets_by_metric[MetricId(0).index()], [TargetId(0)]);
        assert_eq!(f.links_by_line, [vec![0], vec![1]]);
        assert_eq!(f.links_by_sdg, [vec![0, 2]]);
        assert_eq!(f.links_by_gdc, [vec![1, 2]]);
        assert_eq!(f.assessments.len(), 2);
    }

    #[test]
    fn a_site_without_a_frame_has_empty_lists() {
        let site = Fixture::new().site();
        let f = Links::new(&site).frame;
        assert!(f.assessments.is_empty());
        assert_eq!(f.targets_by_line, [Vec::new(), Vec::new()]);
        assert!(f.links_by_line.iter().all(Vec::is_empty));
    }
}
