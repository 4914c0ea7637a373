//! Table-driven test of date extraction: every row of `fixtures/dates/cases.tsv`
//! is run through the analyzer and the sorted list of date values is compared
//! with the expected list. All failing rows are reported at the end, not just
//! the first one.
//!
//! Row format (tab-separated; `#` lines and blank lines are skipped):
//! `reference_date  text  expected  note`
//! - `reference_date`: `YYYY-MM-DD` or `-` for none;
//! - `expected`: values joined by `;` (`null` for a date that cannot be
//!   resolved), or `-` when the text mentions no date.
//!
//! A failing row is named by its text; `fixtures/dates/known_failures.txt`
//! lists those not passed yet, each with its reason.

#[path = "support/table.rs"]
mod table;

#[path = "support/known_failures.rs"]
mod known_failures;

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};

struct Row {
    line: usize,
    reference: Option<NaiveDate>,
    text: String,
    expected: Vec<String>,
    note: String,
}

fn parse_rows(src: &str) -> (Vec<Row>, Vec<String>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = l.split('\t').collect();
        if fields.len() < 3 || fields.len() > 4 {
            errors.push(format!("line {line}: expected 3 or 4 tab-separated fields, got {}: {l:?}", fields.len()));
            continue;
        }
        if fields[0] == "reference_date" {
            continue; // a literal column header row
        }
        let reference = match fields[0].trim() {
            "-" => None,
            s => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(format!("line {line}: bad reference date {s:?}: {e}"));
                    continue;
                }
            },
        };
        let expected: Vec<String> = match fields[2].trim() {
            "-" | "" => Vec::new(),
            s => s.split(';').map(|v| v.trim().to_string()).collect(),
        };
        rows.push(Row {
            line,
            reference,
            text: fields[1].to_string(),
            expected,
            note: fields.get(3).map(|s| s.trim().to_string()).unwrap_or_default(),
        });
    }
    (rows, errors)
}

fn show(values: &[String]) -> String {
    if values.is_empty() {
        "-".to_string()
    } else {
        values.join(";")
    }
}

#[test]
fn dates_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/dates/cases.tsv");
    let src = table::read(path);
    let (rows, errors) = parse_rows(&src);
    assert!(errors.is_empty(), "malformed rows in {path}:\n{}", errors.join("\n"));
    assert!(!rows.is_empty(), "no rows in {path}");

    let analyzer = khabar::Analyzer::new().expect("bundled data loads");
    let mut ws = khabar::Workspace::default();

    // Silence the default panic message while rows run; panics are reported per row below.
    let quiet = table::QuietPanics::new();

    let mut failures = Vec::new();
    // per tag (each `+`-separated part of the note): (passed, total)
    let mut by_tag: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let opts = khabar::Options::with_reference(row.reference);
        // A panic in the library fails this row only; the table goes on.
        let result = panic::catch_unwind(AssertUnwindSafe(|| analyzer.analyze(&mut ws, &row.text, &opts)));
        let record = match result {
            Ok(record) => record,
            Err(payload) => {
                ws = khabar::Workspace::default();
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "(non-string panic)".to_string());
                for tag in row.note.split('+').map(str::trim).filter(|t| !t.is_empty()) {
                    by_tag.entry(tag.to_string()).or_default().1 += 1;
                }
                failures.push((row.text.clone(), format!(
                    "line {} [{}] ref={}\n    text:     {}\n    expected: {}\n    got:      PANIC: {}",
                    row.line,
                    row.note,
                    row.reference.map(|d| d.to_string()).unwrap_or_else(|| "-".to_string()),
                    row.text,
                    show(&row.expected),
                    msg,
                )));
                continue;
            }
        };
        let mut got: Vec<String> =
            record.dates.iter().map(|d| d.value.clone().unwrap_or_else(|| "null".to_string())).collect();
        got.sort();
        let mut expected = row.expected.clone();
        expected.sort();
        let ok = got == expected;
        for tag in row.note.split('+').map(str::trim).filter(|t| !t.is_empty()) {
            let e = by_tag.entry(tag.to_string()).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
            }
        }
        if !ok {
            let mentions: Vec<String> = record
                .dates
                .iter()
                .map(|d| format!("{:?}={}", d.text, d.value.as_deref().unwrap_or("null")))
                .collect();
            failures.push((row.text.clone(), format!(
                "line {} [{}] ref={}\n    text:     {}\n    expected: {}\n    got:      {}   {}",
                row.line,
                row.note,
                row.reference.map(|d| d.to_string()).unwrap_or_else(|| "-".to_string()),
                row.text,
                show(&expected),
                show(&got),
                if mentions.is_empty() { String::new() } else { format!("({})", mentions.join(", ")) },
            )));
        }
    }

    drop(quiet);

    let passed = rows.len() - failures.len();
    let mut summary = format!("dates_table: {passed}/{} rows pass\n", rows.len());
    for (tag, (p, t)) in &by_tag {
        summary.push_str(&format!("  {tag:<16} {p:>4}/{t}\n"));
    }
    println!("{summary}");
    let known_path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/dates/known_failures.txt");
    known_failures::check("dates", known_path, &failures, rows.len(), &summary);
}
