//! The deepest element nesting of HTML whose elements all have closing tags (the
//! sanitiser's and the minifier's output): shared by the nesting tests and the
//! `nested` fuzz target, and independent of the code under test.

/// Elements without a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest element nesting of `html`; text inside `<script>` is skipped.
pub fn depth_of(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
            if name == "script"
                && let Some(end) = rest.find("</script>")
            {
                rest = &rest[end..];
            }
        }
    }
    max
}
