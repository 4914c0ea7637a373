//! Reading the tab-separated data files: records by line and section,
//! fields, and the feature columns several files share.

use super::{Gender, GramNumber, LexiconError};

macro_rules! data_file {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name)))
    };
}

/// Data lines of a file: (line number, tab-separated fields), skipping
/// comments and blank lines; `# section: NAME` lines switch the section.
pub(super) fn records(text: &str) -> impl Iterator<Item = (usize, &str, Vec<&str>)> {
    let mut section = "";
    text.lines().enumerate().filter_map(move |(n, line)| {
        let line = line.trim_end_matches('\r');
        if let Some(rest) = line.strip_prefix("# section:") {
            section = rest.trim();
            return None;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some((n + 1, section, line.split('\t').map(str::trim).collect()))
    })
}

pub(super) fn err(file: &'static str, line: usize, problem: impl Into<String>) -> LexiconError {
    LexiconError { file, line, problem: problem.into() }
}

pub(super) fn field<'a>(file: &'static str, line: usize, fields: &[&'a str], i: usize) -> Result<&'a str, LexiconError> {
    fields.get(i).copied().filter(|f| !f.is_empty()).ok_or_else(|| err(file, line, format!("missing column {}", i + 1)))
}

pub(super) fn parse_gender(s: &str) -> Gender {
    match s.trim_end_matches('?') {
        "m" | "ms" | "md" | "mp" => Gender::Masculine,
        "f" | "fs" | "fd" | "fp" => Gender::Feminine,
        _ => Gender::Unknown,
    }
}

pub(super) fn parse_number(s: &str) -> GramNumber {
    match s {
        "ms" | "fs" => GramNumber::Singular,
        "md" | "fd" => GramNumber::Dual,
        "mp" | "fp" => GramNumber::Plural,
        _ => GramNumber::Unknown,
    }
}
