//! Errors that point at the source: a file, a line and a column, what went wrong and,
//! where it helps, what was meant.
//!
//! Every stage of the pipeline reports problems as [`Diagnostic`]s rather than strings,
//! and the stages that can find many problems at once (validation, link checking)
//! collect them all, so an editor fixes a whole batch per build instead of one.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a source file, both numbers counted from 1 as editors show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// A location from 1-based line and column.
    pub fn new(line: usize, column: usize) -> Self {
        Location { line, column }
    }

    /// The location of a byte offset within `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }

    /// This location moved down by `lines` lines (for text embedded in a larger file,
    /// such as front matter after its opening `---`).
    pub fn shifted(self, lines: usize) -> Self {
        Location {
            line: self.line + lines,
            column: self.column,
        }
    }
}

/// Which stage of the pipeline found the problem; tests and tools match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The file could not be read or written.
    Io,
    /// `site.toml` is malformed or holds an unknown key.
    Config,
    /// A YAML or front matter file does not parse or has the wrong shape.
    Syntax,
    /// A value breaks a rule of the content model (bad id, bad date, ...).
    Invalid,
    /// A reference (organization, action line, metric, facilitator) does not resolve.
    Reference,
    /// A figure's quote is not in the report's text.
    Quote,
    /// Two sources claim the same id or output path.
    Duplicate,
    /// A template does not parse or fails to render.
    Template,
    /// A generated page links to a page or fragment that does not exist.
    Link,
    /// The output folder cannot be used safely.
    Output,
    /// A bug in wsis itself (a panic caught by the dev server), never bad input.
    Internal,
    /// A figure repeats one of an earlier report without saying so (a warning).
    Restatement,
    /// A report states two values of one metric for one year, undated (a warning).
    Conflict,
    /// A quote bounds a number ("more than 155") that is curated as exact (a warning).
    Hedge,
    /// A submission cannot be imported: an unknown, damaged, encrypted, scanned (no text
    /// layer) or oversized file.
    Import,
    /// A translation file does not parse, or lacks strings (a warning).
    Translation,
    /// A file was left out of the build (a warning, not an error): a symbolic link to
    /// outside the site, a link loop.
    Skipped,
    /// The incremental build's cache was corrupt, foreign or unwritable (a warning:
    /// the build renders every page instead of trusting it).
    Cache,
}

/// One problem, with where it is and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem this is.
    pub kind: Kind,
    /// The file at fault, as the user named it (relative to the site root where possible).
    pub file: PathBuf,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// What is wrong, naming the offending value.
    pub message: String,
    /// What was expected, or a "did you mean".
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `kind` about `file`, with no position yet.
    pub fn new(kind: Kind, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            file: file.into(),
            location: None,
            message: message.into(),
            help: None,
        }
    }

    /// An I/O failure on `path`.
    pub fn io(path: &Path, action: &str, err: &std::io::Error) -> Self {
        Diagnostic::new(Kind::Io, path, format!("cannot {action}: {err}"))
    }

    /// Sets where in the file the problem is.
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Adds what was expected or meant.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line if there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(loc) = self.location {
            write!(f, ":{}:{}", loc.line, loc.column)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Whether diagnostics on standard error should be coloured: it is a terminal and
/// `NO_COLOR` is not set.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// ANSI styles for a terminal; empty strings when colour is off.
struct Style {
    error: &'static str,
    bold: &'static str,
    gutter: &'static str,
    help: &'static str,
    reset: &'static str,
}

impl Style {
    fn new(color: bool) -> Style {
        if color {
            Style {
                error: "\x1b[1;31m",
                bold: "\x1b[1m",
                gutter: "\x1b[1;34m",
                help: "\x1b[1;36m",
                reset: "\x1b[0m",
            }
        } else {
            Style {
                error: "",
                bold: "",
                gutter: "",
                help: "",
                reset: "",
            }
        }
    }
}

impl Diagnostic {
    /// The diagnostic for a terminal or a log: the `file:line:column: message` line,
    /// then the source line with a caret under the column (read from `root`), then the
    /// help. With `color`, parts are styled with ANSI escapes.
    pub fn render(&self, root: &Path, color: bool) -> String {
        let st = Style::new(color);
        let mut out = format!(
            "{}error{}: {}{}",
            st.error,
            st.reset,
            st.bold,
            self.file.display()
        );
        if let Some(loc) = self.location {
            out.push_str(&format!(":{}:{}", loc.line, loc.column));
        }
        out.push_str(&format!(":{} {}\n", st.reset, self.message));
        let line_text = self.location.and_then(|loc| {
            // Decoded as the loader did, so that lines are counted alike (a lone CR
            // ends one) and a byte-order mark is no part of the first.
            let text = crate::load::read_text(&root.join(&self.file), &self.file).ok()?;
            let line = text.lines().nth(loc.line - 1)?.to_string();
            Some((loc, line))
        });
        if let Some((mut loc, mut line)) = line_text {
            // A very long line (minified, generated, hostile) is shown as a window
            // around the column.
            const WIDTH: usize = 80;
            if line.chars().count() > 2 * WIDTH {
                let start = loc.column.saturating_sub(WIDTH / 2 + 1);
                let window: String = line.chars().skip(start).take(WIDTH).collect();
                line = format!("…{window}…");
                loc.column = loc.column - start + 1;
            }
            let num = loc.line.to_string();
            let pad = " ".repeat(num.len());
            let caret_pad: String = line
                .chars()
                .take(loc.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!(
                "{g}{pad} |{r}\n{g}{num} |{r} {line}\n{g}{pad} |{r} {caret_pad}{e}^{r}\n",
                g = st.gutter,
                r = st.reset,
                e = st.error,
            ));
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  {}help{}: {help}\n", st.help, st.reset));
        }
        out
    }
}

/// Why a build failed: one or more diagnostics, in a stable order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    /// The problems found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildError {
    /// A build error from a set of diagnostics, sorted so output is deterministic.
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| {
            (&a.file, a.location, &a.message).cmp(&(&b.file, b.location, &b.message))
        });
        diagnostics.dedup();
        BuildError { diagnostics }
    }
}

impl From<Diagnostic> for BuildError {
    fn from(d: Diagnostic) -> Self {
        BuildError::new(vec![d])
    }
}

impl BuildError {
    /// Every diagnostic rendered for a terminal (see [`Diagnostic::render`]), then the
    /// count.
    pub fn render(&self, root: &Path, color: bool) -> String {
        let mut out: String = self
            .diagnostics
            .iter()
            .map(|d| d.render(root, color))
            .collect();
        let n = self.diagnostics.len();
        out.push_str(&format!("{n} error{}\n", if n == 1 { "" } else { "s" }));
        out
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "error: {d}")?;
        }
        let n = self.diagnostics.len();
        write!(f, "{n} error{}", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for BuildError {}

/// The closest of `candidates` to a misspelt `input`, if one is close enough to be
/// what the user meant.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input_lower = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A "did you mean" help line for `input` among `candidates`, or a list of what is
/// allowed when there are only a few.
pub fn suggestion<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<String> {
    if let Some(best) = did_you_mean(input, candidates.clone()) {
        return Some(format!("did you mean `{best}`?"));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => None,
        1..=12 => Some(format!("expected one of: {}", all.join(", "))),
        _ => None,
    }
}

/// `s` cut to its first `max` characters, with an ellipsis when it was longer: long
/// values (a 100 KB quote, a runaway number) are named in messages, never printed
/// whole.
pub(crate) fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_one_based_lines_and_columns() {
        let text = "ab\ncdé\nf";
        assert_eq!(Location::of_offset(text, 0), Location::new(1, 1));
        assert_eq!(Location::of_offset(text, 4), Location::new(2, 2));
        assert_eq!(Location::of_offset(text, text.len()), Location::new(3, 2));
    }

    #[test]
    fn renders_the_source_line_with_a_caret() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "id: x\nname: \"Y\"\n").unwrap();
        let d = Diagnostic::new(Kind::Invalid, "a.yaml", "bad name")
            .at(Some(Location::new(2, 7)))
            .help("fix it");
        assert_eq!(
            d.render(dir.path(), false),
            "error: a.yaml:2:7: bad name\n  |\n2 | name: \"Y\"\n  |       ^\n  help: fix it\n"
        );
        assert!(d.render(dir.path(), true).contains("\x1b[1;31merror"));
    }

    #[test]
    fn long_lines_are_shown_as_a_window() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.md"),
            format!("{}X{}", "a".repeat(500), "b".repeat(500)),
        )
        .unwrap();
        let d = Diagnostic::new(Kind::Invalid, "a.md", "x").at(Some(Location::new(1, 501)));
        let out = d.render(dir.path(), false);
        let caret_line = out.lines().nth(3).unwrap();
        let source_line = out.lines().nth(2).unwrap();
        assert!(source_line.chars().count() < 100, "{out}");
        let caret_at = caret_line.chars().position(|c| c == '^').unwrap();
        assert_eq!(source_line.chars().nth(caret_at), Some('X'), "{out}");
    }

    #[test]
    fn suggests_close_ids_only() {
        let ids = ["isoc", "igf", "itu", "unesco"];
        assert_eq!(did_you_mean("isco", ids), Some("isoc"));
        assert_eq!(did_you_mean("unseco", ids), Some("unesco"));
        assert_eq!(did_you_mean("world-bank", ids), None);
    }

    #[test]
    fn displays_as_file_line_column() {
        let d = Diagnostic::new(
            Kind::Reference,
            "content/reports/a.md",
            "unknown metric `x`",
        )
        .at(Some(Location::new(3, 12)))
        .help("did you mean `y`?");
        assert_eq!(
            d.to_string(),
            "content/reports/a.md:3:12: unknown metric `x`\n  help: did you mean `y`?"
        );
    }
}
