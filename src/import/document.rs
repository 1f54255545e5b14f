//! A submission as the readers see it, whatever its format: a title, a date, an
//! author where the document states them, and its body as a list of blocks.
//!
//! Every reader (`read/`) produces a [`Document`]; the draft report is made from it. The
//! blocks hold the source's own words: readers re-join lines and drop page furniture,
//! never reword.

/// A submission read from a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The title the document states (metadata, an `<h1>` or `<title>`, a title style).
    pub title: Option<String>,
    /// The publication date the document states, as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The author or organization the document's metadata names.
    pub author: Option<String>,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// The body as written, when the submission is Markdown already (its front matter
    /// left out): the writer uses it as the body, so the author's own Markdown is kept.
    pub markdown: Option<String>,
}

/// One block of a document's body. Text is plain (no Markdown): the writer escapes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; `level` 1 to 6.
    Heading {
        /// 1 for a top-level heading, up to 6.
        level: u8,
        /// The heading's words.
        text: String,
    },
    /// A paragraph, its lines re-joined with single spaces.
    Paragraph(String),
    /// A bulleted or numbered list, one string per item.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The items' text.
        items: Vec<String>,
    },
    /// A table, row by row; the first row is the header.
    Table(Vec<Vec<String>>),
}

impl Block {
    /// The texts of this block that a quote may come from: one per paragraph,
    /// heading, list item or table cell (a quote must stand within one of them).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) => vec![text.as_str()],
            Block::List { items, .. } => items.iter().map(String::as_str).collect(),
            Block::Table(rows) => rows.iter().flatten().map(String::as_str).collect(),
        }
    }
}

impl Document {
    /// The body as plain text for the candidate finder: every text of every block
    /// (see [`Block::texts`]) on its own, separated by blank lines, so that no
    /// sentence runs from one into the next. Headings keep a Markdown heading mark, so
    /// the finder knows them (a year a heading states is the year of what follows).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            for text in block.texts() {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                if let Block::Heading { level, .. } = block {
                    out.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                    out.push(' ');
                }
                out.push_str(text);
            }
        }
        out
    }
}
