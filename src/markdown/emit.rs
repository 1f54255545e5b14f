//! Events to HTML: heading ids and levels, links rewritten or dropped, quote marks and
//! anchors placed.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd, html};

use super::RenderSettings;
use super::quotes::Marks;
use super::sanitize::safe_url;
use crate::model::{Heading, LineId};

/// Renders `events` to the report page's HTML. (A section is shown in full on its
/// report's page only; other pages show its title, length and opening sentence.)
pub(super) fn render_events(
    events: &[Event<'_>],
    marks: &Marks,
    headings: &HashMap<usize, (Heading, Vec<LineId>)>,
    items: &HashMap<usize, u32>,
    s: &RenderSettings<'_>,
) -> String {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    // For each open link or image: whether it was dropped for an unsafe URL, so its
    // end is dropped too.
    let mut dropped: Vec<bool> = Vec::new();
    let shift_level = |level: u8| -> HeadingLevel {
        HeadingLevel::try_from(level.max(2) as usize).unwrap_or(HeadingLevel::H6)
    };
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = headings
                    .get(&i)
                    .map(|(h, _)| CowStr::from(h.anchor.clone()));
                out.push(Event::Start(Tag::Heading {
                    level: shift_level(*level as u8),
                    id,
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            // A numbered paragraph of a source document keeps its own number, which
            // pulldown-cmark's counter would not (transcriptions have gaps).
            Event::Start(Tag::Item) if items.contains_key(&i) => {
                let n = items[&i];
                out.push(Event::Html(
                    format!(r#"<li id="{}" value="{n}">"#, super::paragraphs::anchor(n)).into(),
                ));
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shift_level(*level as u8))));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !safe_url(dest_url) =>
            {
                dropped.push(true);
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropped.pop() == Some(true) => {}
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                dropped.push(false);
                let mut tag = tag.clone();
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    *dest_url = rewrite_link(dest_url, s);
                }
                out.push(Event::Start(tag));
            }
            Event::Text(t) if marks.pieces.contains_key(&i) || marks.anchors.contains_key(&i) => {
                out.push(Event::InlineHtml(marked_text(t, i, marks).into()));
            }
            Event::Code(t) if marks.anchors.contains_key(&i) => {
                let mut h = anchors_html(marks, i, usize::MAX);
                h.push_str(&format!("<code>{}</code>", escape(t)));
                out.push(Event::InlineHtml(h.into()));
            }
            e => out.push(e.clone()),
        }
    }
    let mut html_out = String::with_capacity(out.len() * 16);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// Site-absolute links (`/reports/x/`) get the base path.
fn rewrite_link<'a>(dest: &CowStr<'a>, s: &RenderSettings<'_>) -> CowStr<'a> {
    if let Some(rest) = dest.strip_prefix('/')
        && !rest.starts_with('/')
    {
        return format!("{}{rest}", s.base_path).into();
    }
    dest.clone()
}

/// The anchors of event `i` at offsets before `upto`, as empty spans.
fn anchors_html(marks: &Marks, i: usize, upto: usize) -> String {
    let mut h = String::new();
    if let Some(list) = marks.anchors.get(&i) {
        for (off, id) in list {
            if *off < upto {
                h.push_str(&format!(
                    r#"<span class="anchor" id="{}"></span>"#,
                    escape(id)
                ));
            }
        }
    }
    h
}

/// A text run with its quote pieces wrapped in `<mark>` and anchors placed before them.
fn marked_text(t: &str, i: usize, marks: &Marks) -> String {
    let pieces = marks.pieces.get(&i).map(Vec::as_slice).unwrap_or(&[]);
    let mut anchors: Vec<&(usize, String)> = marks.anchors.get(&i).into_iter().flatten().collect();
    // Stable: anchors at one offset keep the order of their quotes.
    anchors.sort_by_key(|(off, _)| *off);
    // Cut points: every piece boundary and anchor offset.
    let mut cuts: Vec<usize> = vec![0, t.len()];
    cuts.extend(pieces.iter().flat_map(|&(a, b)| [a, b]));
    cuts.extend(anchors.iter().map(|(o, _)| *o));
    cuts.sort_unstable();
    cuts.dedup();
    // One sweep over the cuts with the pieces' starts and ends in order, so a text run
    // with thousands of quotes stays linear: a piece covers a window when it started
    // at or before the window and has not ended by then.
    let mut starts: Vec<usize> = pieces.iter().map(|p| p.0).collect();
    let mut ends: Vec<usize> = pieces.iter().map(|p| p.1).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let (mut started, mut ended, mut next_anchor) = (0, 0, 0);
    let mut h = String::with_capacity(t.len() + 64);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_anchor < anchors.len() && anchors[next_anchor].0 <= a {
            if anchors[next_anchor].0 == a {
                h.push_str(&format!(
                    r#"<span class="anchor" id="{}"></span>"#,
                    escape(&anchors[next_anchor].1)
                ));
            }
            next_anchor += 1;
        }
        while started < starts.len() && starts[started] <= a {
            started += 1;
        }
        while ended < ends.len() && ends[ended] <= a {
            ended += 1;
        }
        if started > ended {
            h.push_str(r#"<mark class="quote">"#);
            h.push_str(&escape(&t[a..b]));
            h.push_str("</mark>");
        } else {
            h.push_str(&escape(&t[a..b]));
        }
    }
    h
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}
