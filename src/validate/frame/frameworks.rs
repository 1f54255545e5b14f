//! `content/frameworks.yaml`: the SDGs with the targets the site uses, and the Global
//! Digital Compact's objectives; and how other files name them.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Kind, suggestion};
use crate::load::Doc;
use crate::load::frame::{RawCitation, RawFrameworks};
use crate::model::frame::{GdcId, GdcObjective, Node, Sdg, SdgId, SdgTarget, Sourced};

use super::citations::{Docs, Wording, cite, failed};

/// The SDGs are numbered 1 to 17, the GDC's objectives 1 to 5.
const SDGS: u32 = 17;
const OBJECTIVES: u32 = 5;

/// Checks the frameworks; SDGs and objectives sorted by number.
pub(super) fn frameworks(
    doc: &Doc<RawFrameworks>,
    docs: &Docs<'_>,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Sdg>, Vec<GdcObjective>) {
    let mut sdgs = Vec::new();
    let mut seen: HashMap<u32, usize> = HashMap::new();
    for (i, raw) in doc.value.sdgs.iter().enumerate() {
        let head = Head {
            list: "sdgs",
            kind: "SDG",
            max: SDGS,
            number: raw.number,
            short: &raw.short,
            title: &raw.title,
            source: &raw.source,
        };
        let Some(source) = head.check(i, doc, &mut seen, docs, errors) else {
            continue;
        };
        let mut targets = Vec::new();
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (j, t) in raw.targets.iter().enumerate() {
            let at = |field: &str| format!("sdgs.{i}.targets.{j}.{field}");
            if let Err(help) = target_code(&t.code, raw.number) {
                errors.push(
                    doc.error(
                        Kind::Invalid,
                        &at("code"),
                        format!("invalid target code `{}` for SDG {}", t.code, raw.number),
                    )
                    .help(help),
                );
                continue;
            }
            if let Some(first) = codes.insert(t.code.as_str(), j) {
                let line = line_of(doc, &format!("sdgs.{i}.targets.{first}.code"));
                errors.push(doc.error(
                    Kind::Duplicate,
                    &at("code"),
                    format!("target {} is listed twice (first on line {line})", t.code),
                ));
                continue;
            }
            let text_path = at("text");
            let wording = Wording {
                path: &text_path,
                field: "text",
                text: &t.text,
            };
            let source = cite(&t.source, Some(wording), doc, &at("source"), docs, errors);
            targets.push(SdgTarget {
                anchor: format!("target-{}", t.code.replace('.', "-")),
                code: t.code.clone(),
                text: t.text.clone(),
                source: source.unwrap_or_else(failed),
            });
        }
        sdgs.push(Sdg {
            number: raw.number as u8,
            title: raw.title.clone(),
            short: raw.short.clone(),
            source,
            targets,
        });
    }
    let mut gdc = Vec::new();
    let mut seen: HashMap<u32, usize> = HashMap::new();
    for (i, raw) in doc.value.gdc.iter().enumerate() {
        let head = Head {
            list: "gdc",
            kind: "GDC objective",
            max: OBJECTIVES,
            number: raw.number,
            short: &raw.short,
            title: &raw.title,
            source: &raw.source,
        };
        let Some(source) = head.check(i, doc, &mut seen, docs, errors) else {
            continue;
        };
        gdc.push(GdcObjective {
            number: raw.number as u8,
            title: raw.title.clone(),
            short: raw.short.clone(),
            source,
        });
    }
    sdgs.sort_by_key(|s| s.number);
    gdc.sort_by_key(|g| g.number);
    (sdgs, gdc)
}

/// What a goal and an objective share: a number, a short name and an official title
/// with its source.
struct Head<'r> {
    /// The list in the file: `sdgs` or `gdc`.
    list: &'static str,
    /// What the entries are called in messages.
    kind: &'static str,
    /// The highest number.
    max: u32,
    number: u32,
    short: &'r str,
    title: &'r str,
    source: &'r RawCitation,
}

impl Head<'_> {
    /// Checks entry `i`: its number unique and in range (else `None`: the entry is
    /// left out), its short name not empty, its title checked against its source.
    /// A source that fails is recorded and stood in for, so that references to the
    /// entry do not fail too.
    fn check(
        &self,
        i: usize,
        doc: &Doc<RawFrameworks>,
        seen: &mut HashMap<u32, usize>,
        docs: &Docs<'_>,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<Sourced> {
        let at = |field: &str| format!("{}.{i}.{field}", self.list);
        if !number_ok(
            doc,
            &at("number"),
            self.number,
            self.kind,
            self.max,
            seen,
            errors,
        ) {
            return None;
        }
        super::require_words(doc, &at("short"), "short", self.short, errors);
        let title_path = at("title");
        let wording = Wording {
            path: &title_path,
            field: "title",
            text: self.title,
        };
        let source = cite(self.source, Some(wording), doc, &at("source"), docs, errors);
        Some(source.unwrap_or_else(failed))
    }
}

/// The line of the value at `path`, for messages that name two places.
pub(super) fn line_of<T>(doc: &Doc<T>, path: &str) -> String {
    doc.positions
        .get(path)
        .map_or_else(|| "?".to_string(), |l| l.line.to_string())
}

/// Whether `number` (at `path`) is within 1..=`max` and not seen before; records why
/// not.
fn number_ok<T>(
    doc: &Doc<T>,
    path: &str,
    number: u32,
    what: &str,
    max: u32,
    seen: &mut HashMap<u32, usize>,
    errors: &mut Vec<Diagnostic>,
) -> bool {
    if !(1..=max).contains(&number) {
        errors.push(
            doc.error(Kind::Invalid, path, format!("there is no {what} {number}"))
                .help(format!("{what}s are numbered 1 to {max}")),
        );
        return false;
    }
    let line = doc.positions.get(path).map_or(0, |l| l.line);
    if let Some(first) = seen.insert(number, line) {
        errors.push(doc.error(
            Kind::Duplicate,
            path,
            format!("{what} {number} is listed twice (first on line {first})"),
        ));
        return false;
    }
    true
}

/// Checks a target code against its goal: `<goal>.<number>` or `<goal>.<letter>`
/// (`4.4`, `9.c`), as the 2030 Agenda numbers targets; the help when not.
fn target_code(code: &str, goal: u32) -> Result<(), String> {
    let help = format!(
        "write `{goal}.` and the target's number or lower-case letter, such as `{goal}.1` or `{goal}.a`"
    );
    let Some((g, t)) = code.split_once('.') else {
        return Err(help);
    };
    if g != goal.to_string() {
        return Err(format!("the code starts with its goal's number: {help}"));
    }
    let number = !t.is_empty()
        && t.len() <= 2
        && t.bytes().all(|b| b.is_ascii_digit())
        && !t.starts_with('0');
    let letter = t.len() == 1 && t.as_bytes()[0].is_ascii_lowercase();
    if number || letter {
        Ok(())
    } else if t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase() {
        Err(format!(
            "letters are lower case: `{goal}.{}`",
            t.to_ascii_lowercase()
        ))
    } else {
        Err(help)
    }
}

/// How the crosswalk and the targets name the frameworks: an SDG as `4` or a target
/// as `4.4`, an objective by number.
pub(super) struct Nodes {
    sdg: HashMap<String, Node>,
    gdc: HashMap<u32, GdcId>,
}

impl Nodes {
    pub(super) fn new(sdgs: &[Sdg], gdc: &[GdcObjective]) -> Self {
        let mut sdg = HashMap::new();
        for (i, s) in sdgs.iter().enumerate() {
            let id = SdgId(i as u32);
            sdg.insert(s.number.to_string(), Node::Sdg(id));
            for (j, t) in s.targets.iter().enumerate() {
                sdg.insert(t.code.clone(), Node::SdgTarget(id, j));
            }
        }
        let gdc = gdc
            .iter()
            .enumerate()
            .map(|(i, g)| (g.number as u32, GdcId(i as u32)))
            .collect();
        Nodes { sdg, gdc }
    }

    /// The goal or target `code` names (at `path` of `doc`), or why not.
    pub(super) fn sdg<T>(&self, code: &str, doc: &Doc<T>, path: &str) -> Result<Node, Diagnostic> {
        self.sdg.get(code.trim()).copied().ok_or_else(|| {
            let mut names: Vec<&str> = self.sdg.keys().map(String::as_str).collect();
            names.sort_unstable();
            let help = suggestion(code, names.iter().copied()).unwrap_or_else(|| {
                "goals and targets are those of content/frameworks.yaml".to_string()
            });
            doc.error(
                Kind::Reference,
                path,
                format!("unknown SDG or SDG target `{code}`"),
            )
            .help(help)
        })
    }

    /// The objective numbered `number` (at `path` of `doc`), or why not.
    pub(super) fn gdc<T>(
        &self,
        number: u32,
        doc: &Doc<T>,
        path: &str,
    ) -> Result<GdcId, Diagnostic> {
        self.gdc.get(&number).copied().ok_or_else(|| {
            let mut known: Vec<u32> = self.gdc.keys().copied().collect();
            known.sort_unstable();
            let known: Vec<String> = known.iter().map(u32::to_string).collect();
            doc.error(
                Kind::Reference,
                path,
                format!("unknown GDC objective {number}"),
            )
            .help(if known.is_empty() {
                "content/frameworks.yaml lists no GDC objective".to_string()
            } else {
                format!(
                    "content/frameworks.yaml lists objectives {}",
                    known.join(", ")
                )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_codes() {
        for ok in ["4.4", "4.10", "9.c"] {
            let goal = ok.split('.').next().unwrap().parse().unwrap();
            assert_eq!(target_code(ok, goal), Ok(()), "{ok}");
        }
        for (bad, goal) in [
            ("4", 4),
            ("4.", 4),
            ("5.1", 4),
            ("4.04", 4),
            ("4.ab", 4),
            ("4.100", 4),
            ("4.4.1", 4),
        ] {
            assert!(target_code(bad, goal).is_err(), "{bad}");
        }
        assert!(target_code("4.A", 4).unwrap_err().contains("`4.a`"));
    }
}
