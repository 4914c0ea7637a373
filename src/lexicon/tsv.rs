//! Reading the tab-separated data files: records by line and section,
//! fields, and the feature columns several files share.

use super::{Gender, GramNumber, LexiconError, Preps, Tense};
use crate::tokenizer::fold::fold_phrase;

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

/// The tense column of a speech verb (`past`, `present`, …).
pub(super) fn parse_tense(s: &str) -> Option<Tense> {
    Some(match s {
        "past" => Tense::Past,
        "present" => Tense::Present,
        "participle" => Tense::Participle,
        "passive" => Tense::Passive,
        "noun" => Tense::Noun,
        _ => return None,
    })
}

/// The prepositions a speech verb may take before its complementizer, by
/// their [`Preps`] flag.
const PREPOSITIONS: [(&str, u8); 7] =
    [("إلى", Preps::ILA), ("على", Preps::ALA), ("ب", Preps::BI), ("ل", Preps::LI), ("عن", Preps::AN), ("من", Preps::MIN), ("في", Preps::FI)];

/// [`PREPOSITIONS`] folded, built once for a file's lines.
pub(super) fn preposition_keys() -> Vec<(String, u8)> {
    PREPOSITIONS.iter().map(|&(p, flag)| (fold_phrase(p), flag)).collect()
}

/// The prepositions column of a speech verb: words separated by `|`,
/// compared folded with `keys` ([`preposition_keys`]); others (`-` for
/// none) add nothing.
pub(super) fn parse_preps(s: &str, keys: &[(String, u8)]) -> Preps {
    let mut flags = 0u8;
    for prep in s.split('|') {
        let key = fold_phrase(prep);
        flags |= keys.iter().find(|(p, _)| *p == key).map_or(0, |&(_, flag)| flag);
    }
    Preps(flags)
}

/// The index of `name` in `names`, which it is pushed onto when new.
pub(super) fn index_of(names: &mut Vec<String>, name: &str) -> u16 {
    let i = names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    });
    i as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepositions_in_natural_spelling_fold_to_the_keys_they_replaced() {
        let keys = preposition_keys();
        let folded: Vec<&str> = keys.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(folded, ["الي", "علي", "ب", "ل", "عن", "من", "في"]);
        let p = parse_preps("إلى | على|عن", &keys);
        assert!(p.contains(Preps::ILA) && p.contains(Preps::ALA) && p.contains(Preps::AN));
        assert!(!p.contains(Preps::BI) && !p.contains(Preps::FI));
        assert!(parse_preps("-", &keys).is_empty());
    }
}
