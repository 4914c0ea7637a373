//! The house rules that keep the code navigable, checked on the sources:
//! word knowledge lives in data files, not in extractor code, and no source
//! file grows into a god file.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its `#[cfg(test)]` module, or nothing for a
/// file that is a test module itself.
fn code_of(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) || ('\u{FB50}'..='\u{FEFF}').contains(&c)
}

/// The string and char literals of a line of code, comments left out.
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => break,
            '"' => {
                let mut lit = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => lit.push(d),
                    }
                }
                out.push(lit);
            }
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if let Some(end) = rest.find('\'') {
                    out.push(rest[..end].to_string());
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn extractors_hold_no_arabic_words() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract"), &mut files);
    let mut found = Vec::new();
    for path in &files {
        for (n, line) in code_of(path).lines().enumerate() {
            for lit in literals(line) {
                if lit.chars().any(is_arabic) {
                    found.push(format!("{}:{}: {lit:?}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "Arabic words belong in data/words/*.tsv (or letters in tokenizer::clitics):\n{}", found.join("\n"));
}

#[test]
fn no_source_file_is_a_god_file() {
    const MAX_LINES: usize = 600;
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 20);
    let big: Vec<String> = files
        .iter()
        .map(|p| (p, code_of(p).lines().count()))
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(p, n)| format!("{}: {n} lines", p.display()))
        .collect();
    assert!(big.is_empty(), "split these by concern (tests not counted):\n{}", big.join("\n"));
}

#[test]
fn the_literal_finder_finds_literals() {
    assert_eq!(literals(r#"matches!(k, "قال" | "x") // "تعليق""#), vec!["قال", "x"]);
    assert_eq!(literals("Some('،')"), vec!["،"]);
}
