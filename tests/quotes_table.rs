//! Table-driven test of quote and speaker extraction: every case of
//! `fixtures/quotes/cases.tsv` is run through the analyzer and its quotes
//! (kind, speaker, text, in order) and, when the case says so, the record's
//! main speaker are compared with the expected ones. All failing cases are
//! reported at the end, with the pass count per tag.
//!
//! Case format (see the header of the table for the conventions):
//! ```text
//! ## <id> <tag>+<tag>...
//! <text, one or more lines>
//! => <direct|indirect>|<speaker or ->|<quote text>
//! => main|<name or ->          (optional)
//! ```
//! or a single `=> none` line when the text has no quote.

#[path = "support/known_failures.rs"]
mod known_failures;
#[path = "support/table.rs"]
mod table;
use khabar::record::QuoteKind;
use std::collections::{BTreeMap, HashSet};
use std::panic::{self, AssertUnwindSafe};

#[derive(Debug, Clone, PartialEq)]
struct Q {
    kind: QuoteKind,
    speaker: Option<String>,
    text: String,
}

struct Case {
    line: usize,
    id: String,
    tags: Vec<String>,
    text: String,
    quotes: Vec<Q>,
    /// `Some(expected)` when the case has a `main` line.
    main: Option<Option<String>>,
    none: bool,
}

/// Punctuation that is not part of a quote at either end.
const EDGE_PUNCT: &[char] = &['.', '،', ',', ':', ';', '؛'];

/// Runs of whitespace (line breaks included) become one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Quote text as compared: whitespace collapsed, spaces and `. ، , : ; ؛`
/// trimmed at both ends.
fn norm_text(s: &str) -> String {
    squash(s).trim_matches(|c: char| c.is_whitespace() || EDGE_PUNCT.contains(&c)).to_string()
}

fn norm_speaker(s: Option<&str>) -> Option<String> {
    s.map(squash).filter(|s| !s.is_empty())
}

fn parse_speaker(s: &str) -> Option<String> {
    match s.trim() {
        "-" | "" => None,
        s => Some(squash(s)),
    }
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
    }
}

fn show_quote(q: &Q) -> String {
    format!("{}|{}|{}", kind_name(q.kind), q.speaker.as_deref().unwrap_or("-"), q.text)
}

fn show_quotes(qs: &[Q]) -> String {
    if qs.is_empty() {
        return "\n        none".to_string();
    }
    qs.iter().map(|q| format!("\n        {}", show_quote(q))).collect()
}

fn show_main(m: &Option<String>) -> String {
    m.clone().unwrap_or_else(|| "-".to_string())
}

/// Checks a finished case and adds it to `cases`.
fn finish(case: Option<Case>, text_lines: &mut Vec<String>, cases: &mut Vec<Case>, errors: &mut Vec<String>) {
    let Some(mut case) = case else { return };
    while text_lines.last().is_some_and(|l| l.trim().is_empty()) {
        text_lines.pop();
    }
    case.text = text_lines.join("\n");
    text_lines.clear();
    let where_ = format!("line {} ({})", case.line, case.id);
    if case.text.trim().is_empty() {
        errors.push(format!("{where_}: no text"));
        return;
    }
    if !case.none && case.quotes.is_empty() {
        errors.push(format!("{where_}: no expectation (`=> none` or quotes)"));
        return;
    }
    if case.none && !case.quotes.is_empty() {
        errors.push(format!("{where_}: `=> none` together with quotes"));
        return;
    }
    // The expectations must be findable in the text: catches typos in the table.
    let flat = squash(&case.text);
    for q in &case.quotes {
        if q.text.is_empty() || !flat.contains(&q.text) {
            errors.push(format!("{where_}: quote text not found in the text: {:?}", q.text));
        }
        if let Some(s) = &q.speaker {
            // an unnamed source in the accusative (`مسؤولا محليا`) is named in
            // the nominative (`مسؤول محلي`): compare without tanween alifs
            let bare = |t: &str| t.split(' ').map(|w| w.trim_end_matches('ا')).collect::<Vec<_>>().join(" ");
            // a body after `لل` (ل + ال) is named with its article given back
            let merged = s.strip_prefix("ال").is_some_and(|rest| flat.contains(&format!("لل{rest}")));
            if !flat.contains(s.as_str()) && !bare(&flat).contains(&bare(s)) && !merged {
                errors.push(format!("{where_}: speaker not found in the text: {s:?}"));
            }
        }
    }
    if let Some(Some(m)) = &case.main {
        if !case.quotes.iter().any(|q| q.speaker.as_deref() == Some(m.as_str())) {
            errors.push(format!("{where_}: main speaker {m:?} is not the speaker of any expected quote"));
        }
    }
    cases.push(case);
}

fn parse_cases(src: &str) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut current: Option<Case> = None;
    let mut text_lines: Vec<String> = Vec::new();
    // whether the current case has reached its `=>` lines
    let mut in_expect = false;
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if let Some(head) = l.strip_prefix("## ") {
            finish(current.take(), &mut text_lines, &mut cases, &mut errors);
            in_expect = false;
            let mut parts = head.split_whitespace();
            let (Some(id), Some(tags), None) = (parts.next(), parts.next(), parts.next()) else {
                errors.push(format!("line {line}: case header must be `## <id> <tags>`: {l:?}"));
                continue;
            };
            if !ids.insert(id.to_string()) {
                errors.push(format!("line {line}: duplicate case id {id}"));
            }
            current = Some(Case {
                line,
                id: id.to_string(),
                tags: tags.split('+').map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect(),
                text: String::new(),
                quotes: Vec::new(),
                main: None,
                none: false,
            });
            continue;
        }
        if l.starts_with('#') {
            continue; // comment
        }
        if let Some(exp) = l.strip_prefix("=>") {
            let Some(case) = current.as_mut() else {
                errors.push(format!("line {line}: expectation outside a case: {l:?}"));
                continue;
            };
            in_expect = true;
            let exp = exp.trim();
            if exp == "none" {
                case.none = true;
                continue;
            }
            let fields: Vec<&str> = exp.splitn(3, '|').collect();
            match fields.as_slice() {
                ["main", name] => {
                    if case.main.is_some() {
                        errors.push(format!("line {line}: second `main` line"));
                    }
                    case.main = Some(parse_speaker(name));
                }
                [kind, speaker, text] => {
                    let kind = match kind.trim() {
                        "direct" => QuoteKind::Direct,
                        "indirect" => QuoteKind::Indirect,
                        k => {
                            errors.push(format!("line {line}: unknown kind {k:?}"));
                            continue;
                        }
                    };
                    case.quotes.push(Q { kind, speaker: parse_speaker(speaker), text: norm_text(text) });
                }
                _ => errors.push(format!("line {line}: expected `=> kind|speaker|text`, `=> main|name` or `=> none`: {l:?}")),
            }
            continue;
        }
        if current.is_none() {
            if !l.trim().is_empty() {
                errors.push(format!("line {line}: text outside a case: {l:?}"));
            }
            continue;
        }
        if in_expect {
            if !l.trim().is_empty() {
                errors.push(format!("line {line}: text after the expectations of a case: {l:?}"));
            }
            continue;
        }
        if text_lines.is_empty() && l.trim().is_empty() {
            continue; // blank lines before the text
        }
        text_lines.push(l.to_string());
    }
    finish(current.take(), &mut text_lines, &mut cases, &mut errors);
    (cases, errors)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(non-string panic)".to_string())
}

/// The text's start, on one line, for the failure listing.
fn snippet(text: &str) -> String {
    let flat = squash(text);
    let mut s: String = flat.chars().take(90).collect();
    if flat.chars().count() > 90 {
        s.push('…');
    }
    s
}

#[test]
fn quotes_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/quotes/cases.tsv");
    let src = table::read(path);
    let (cases, errors) = parse_cases(&src);
    assert!(errors.is_empty(), "malformed cases in {path}:\n{}", errors.join("\n"));
    assert!(!cases.is_empty(), "no cases in {path}");

    let analyzer = khabar::Analyzer::new().expect("bundled data loads");
    let mut ws = khabar::Workspace::default();
    let opts = khabar::Options::default();

    // Silence the default panic message while cases run; panics are reported per case below.
    let quiet = table::QuietPanics::new();

    let mut failures = Vec::new();
    // per tag: (passed, total)
    let mut by_tag: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        // A panic in the library fails this case only; the table goes on.
        let result = panic::catch_unwind(AssertUnwindSafe(|| analyzer.analyze(&mut ws, &case.text, &opts)));
        let (ok, got) = match result {
            Ok(record) => {
                let got: Vec<Q> = record
                    .quotes
                    .iter()
                    .map(|q| Q { kind: q.kind, speaker: norm_speaker(q.speaker.as_deref()), text: norm_text(&q.text) })
                    .collect();
                let got_main = norm_speaker(record.speaker.as_deref());
                let quotes_ok = got == case.quotes;
                let main_ok = case.main.as_ref().is_none_or(|m| *m == got_main);
                let mut shown = show_quotes(&got);
                if case.main.is_some() {
                    shown.push_str(&format!("\n        main|{}", show_main(&got_main)));
                }
                (quotes_ok && main_ok, shown)
            }
            Err(payload) => {
                ws = khabar::Workspace::default();
                (false, format!("\n        PANIC: {}", panic_message(payload.as_ref())))
            }
        };
        for tag in &case.tags {
            let e = by_tag.entry(tag.clone()).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
            }
        }
        if !ok {
            let mut expected = if case.none { "\n        none".to_string() } else { show_quotes(&case.quotes) };
            if let Some(m) = &case.main {
                expected.push_str(&format!("\n        main|{}", show_main(m)));
            }
            failures.push((case.id.clone(), format!(
                "{} [{}] (line {}) {}\n    expected:{}\n    got:{}",
                case.id,
                case.tags.join("+"),
                case.line,
                snippet(&case.text),
                expected,
                got,
            )));
        }
    }

    drop(quiet);

    let passed = cases.len() - failures.len();
    let mut summary = format!("quotes_table: {passed}/{} cases pass\n", cases.len());
    for (tag, (p, t)) in &by_tag {
        summary.push_str(&format!("  {tag:<16} {p:>4}/{t}\n"));
    }
    println!("{summary}");
    let known_path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/quotes/known_failures.txt");
    known_failures::check("quotes", known_path, &failures, cases.len(), &summary);
}
