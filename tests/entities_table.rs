//! Table-driven test of entities, source, headline and dateline: every case of
//! `fixtures/entities/cases.tsv` is run through the analyzer and the stated
//! checks are made on the record's JSON form (read through `serde_json` so
//! that fields the record does not have yet, such as `headline` and
//! `dateline`, read as `null`). All failing cases are listed at the end, each
//! with every failing check, not just the first one.
//!
//! Case format (see the header of the table for the conventions):
//!
//! ```text
//! ## <case id> <tag>[+<tag>...]
//! <text: one or more lines, blank lines inside kept>
//! => entity|<person|organization|location>|<text>|<alias1;alias2>
//! => not|<text>
//! => source|<name[;other name]> or -|<canonical Latin> or -
//! => headline|<text> or -
//! => dateline|<place> or -|<agency> or -
//! ```
//!
//! Lines starting with a single `#` are comments. Only the stated checks are
//! made. Names are compared after folding: Arabic diacritics, tatweel and
//! bidi marks removed, أ/إ/آ/ٱ → ا, ى → ي, ة → ه, runs of spaces made one.
//! - `entity` passes when an entity of that type has a `text` or `canonical`
//!   that folds to the stated text or to one of the aliases; when aliases are
//!   given, that same entity must group every stated form: each form is its
//!   `text`, its `canonical`, or the slice of the input of one of its
//!   mentions.
//! - `not` passes when no entity (of any type) has a `text` or `canonical`
//!   folding to the stated text.
//! - `source`: `-` expects `source` to be `null`; otherwise its `name`
//!   (quote marks, brackets and dashes around it ignored) must fold to one of
//!   the `;`-separated names, and its `canonical` must equal the stated Latin
//!   name (ASCII case ignored; `-` expects `null`).
//! - `headline`: `-` expects `null` (or absent); otherwise the headline must
//!   fold to the stated text.
//! - `dateline`: `-|-` expects no dateline (`null`, absent, or both parts
//!   `null`); otherwise `place` and `agency` are each compared like a source
//!   name, `-` expecting `null`.

#[path = "support/known_failures.rs"]
mod known_failures;
#[path = "support/table.rs"]
mod table;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::panic::{self, AssertUnwindSafe};

const TYPES: [&str; 3] = ["person", "organization", "location"];

#[derive(Debug, Clone)]
enum Check {
    Entity { ty: String, text: String, aliases: Vec<String> },
    Not { text: String },
    /// `None`: no source.
    Source { names: Option<Vec<String>>, canonical: Option<String> },
    Headline { text: Option<String> },
    Dateline { place: Option<String>, agency: Option<String> },
}

impl Check {
    fn show(&self) -> String {
        match self {
            Check::Entity { ty, text, aliases } => format!("entity|{ty}|{text}|{}", aliases.join(";")),
            Check::Not { text } => format!("not|{text}"),
            Check::Source { names, canonical } => format!(
                "source|{}|{}",
                names.as_ref().map(|n| n.join(";")).unwrap_or_else(|| "-".into()),
                canonical.as_deref().unwrap_or("-")
            ),
            Check::Headline { text } => format!("headline|{}", text.as_deref().unwrap_or("-")),
            Check::Dateline { place, agency } => {
                format!("dateline|{}|{}", place.as_deref().unwrap_or("-"), agency.as_deref().unwrap_or("-"))
            }
        }
    }
}

struct Case {
    line: usize,
    id: String,
    tags: Vec<String>,
    text: String,
    checks: Vec<(usize, Check)>,
}

fn opt(field: &str) -> Option<String> {
    match field.trim() {
        "-" | "" => None,
        s => Some(s.to_string()),
    }
}

fn parse_check(body: &str) -> Result<Check, String> {
    let fields: Vec<&str> = body.split('|').collect();
    let kind = fields[0].trim();
    let need = |n: usize, m: usize| -> Result<(), String> {
        if fields.len() < n || fields.len() > m {
            Err(format!("`{kind}` takes {} fields after the kind, got {}", n - 1, fields.len() - 1))
        } else {
            Ok(())
        }
    };
    match kind {
        "entity" => {
            need(3, 4)?;
            let ty = fields[1].trim().to_string();
            if !TYPES.contains(&ty.as_str()) {
                return Err(format!("unknown entity type {ty:?}"));
            }
            let text = fields[2].trim().to_string();
            if text.is_empty() {
                return Err("empty entity text".into());
            }
            let aliases = fields
                .get(3)
                .map(|a| a.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
                .unwrap_or_default();
            Ok(Check::Entity { ty, text, aliases })
        }
        "not" => {
            need(2, 2)?;
            let text = fields[1].trim().to_string();
            if text.is_empty() {
                return Err("empty `not` text".into());
            }
            Ok(Check::Not { text })
        }
        "source" => {
            need(3, 3)?;
            let names = opt(fields[1])
                .map(|n| n.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
            Ok(Check::Source { names, canonical: opt(fields[2]) })
        }
        "headline" => {
            need(2, usize::MAX)?;
            Ok(Check::Headline { text: opt(&fields[1..].join("|")) })
        }
        "dateline" => {
            need(3, 3)?;
            Ok(Check::Dateline { place: opt(fields[1]), agency: opt(fields[2]) })
        }
        other => Err(format!("unknown check kind {other:?}")),
    }
}

fn parse_cases(src: &str) -> (Vec<Case>, Vec<String>) {
    let mut cases: Vec<Case> = Vec::new();
    let mut errors = Vec::new();
    let mut text_lines: Vec<String> = Vec::new();
    let mut in_checks = false;

    fn finish(case: &mut Case, text_lines: &mut Vec<String>, errors: &mut Vec<String>) {
        while text_lines.first().is_some_and(|l| l.trim().is_empty()) {
            text_lines.remove(0);
        }
        while text_lines.last().is_some_and(|l| l.trim().is_empty()) {
            text_lines.pop();
        }
        case.text = text_lines.join("\n");
        text_lines.clear();
        if case.text.is_empty() {
            errors.push(format!("line {}: case {} has no text", case.line, case.id));
        }
        if case.checks.is_empty() {
            errors.push(format!("line {}: case {} has no checks", case.line, case.id));
        }
    }

    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if let Some(header) = l.strip_prefix("## ") {
            if let Some(case) = cases.last_mut() {
                finish(case, &mut text_lines, &mut errors);
            }
            let mut parts = header.split_whitespace();
            let id = parts.next().unwrap_or("").to_string();
            let tags: Vec<String> = parts
                .flat_map(|p| p.split(['+', ',']))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            if id.is_empty() || tags.is_empty() {
                errors.push(format!("line {line}: a case header needs an id and at least one tag: {l:?}"));
            }
            cases.push(Case { line, id, tags, text: String::new(), checks: Vec::new() });
            in_checks = false;
            continue;
        }
        if l.starts_with('#') {
            continue; // comment
        }
        let Some(case) = cases.last_mut() else {
            if !l.trim().is_empty() {
                errors.push(format!("line {line}: text before the first case header: {l:?}"));
            }
            continue;
        };
        if let Some(body) = l.trim_start().strip_prefix("=>") {
            in_checks = true;
            match parse_check(body.trim()) {
                Ok(c) => case.checks.push((line, c)),
                Err(e) => errors.push(format!("line {line}: {e}: {l:?}")),
            }
            continue;
        }
        if in_checks {
            if !l.trim().is_empty() {
                errors.push(format!("line {line}: text after the checks of case {}: {l:?}", case.id));
            }
            continue;
        }
        text_lines.push(l.to_string());
    }
    if let Some(case) = cases.last_mut() {
        finish(case, &mut text_lines, &mut errors);
    }
    let mut seen = HashSet::new();
    for c in &cases {
        if !seen.insert(c.id.clone()) {
            errors.push(format!("line {}: duplicate case id {}", c.line, c.id));
        }
    }
    (cases, errors)
}

/// The comparison form of a name.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{061C}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// A credited name with the marks around it removed, folded.
fn fold_name(s: &str) -> String {
    let marks: &[char] = &[
        '«', '»', '"', '“', '”', '„', '\'', '‘', '’', '(', ')', '[', ']', '{', '}', '<', '>', '/', '\\', '-', '–', '—',
        ':', '.', ',', '،', '؛', ';',
    ];
    fold(s.trim_matches(|c: char| c.is_whitespace() || marks.contains(&c)))
}

fn str_of(v: &Value) -> Option<&str> {
    v.as_str()
}

/// One entity of the record, with its mentions sliced from the input.
struct GotEntity {
    text: String,
    canonical: String,
    ty: String,
    mentions: Vec<String>,
}

impl GotEntity {
    fn forms(&self) -> impl Iterator<Item = String> + '_ {
        [fold(&self.text), fold(&self.canonical)].into_iter().chain(self.mentions.iter().map(|m| fold(m)))
    }
    fn show(&self) -> String {
        let mut s = format!("{}/{}", self.text, self.ty);
        if self.canonical != self.text && !self.canonical.is_empty() {
            s.push_str(&format!(" (canonical {})", self.canonical));
        }
        let ms: Vec<&str> = self.mentions.iter().map(String::as_str).collect();
        s.push_str(&format!(" {{{}}}", ms.join("، ")));
        s
    }
}

fn entities_of(v: &Value, chars: &[char]) -> Vec<GotEntity> {
    let Some(list) = v.get("entities").and_then(Value::as_array) else { return Vec::new() };
    list.iter()
        .map(|e| {
            let mentions = e
                .get("mentions")
                .and_then(Value::as_array)
                .map(|ms| {
                    ms.iter()
                        .map(|m| {
                            let s = m.get(0).and_then(Value::as_u64).unwrap_or(0) as usize;
                            let t = m.get(1).and_then(Value::as_u64).unwrap_or(0) as usize;
                            if s <= t && t <= chars.len() {
                                chars[s..t].iter().collect()
                            } else {
                                format!("<bad span [{s},{t})>")
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            GotEntity {
                text: e.get("text").and_then(str_of).unwrap_or("").to_string(),
                canonical: e.get("canonical").and_then(str_of).unwrap_or("").to_string(),
                ty: e.get("type").and_then(str_of).unwrap_or("").to_string(),
                mentions,
            }
        })
        .collect()
}

fn show_entities(ents: &[GotEntity]) -> String {
    if ents.is_empty() {
        "(no entities)".into()
    } else {
        ents.iter().map(GotEntity::show).collect::<Vec<_>>().join(" | ")
    }
}

/// A JSON field that may be absent or `null`.
fn field<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    v.get(name).filter(|x| !x.is_null())
}

/// Runs one check; `Err` carries "expected ... got ...".
fn run_check(check: &Check, v: &Value, ents: &[GotEntity]) -> Result<(), String> {
    match check {
        Check::Entity { ty, text, aliases } => {
            let forms: Vec<String> = std::iter::once(text).chain(aliases).map(|f| fold(f)).collect();
            let named = |e: &GotEntity| forms.contains(&fold(&e.text)) || forms.contains(&fold(&e.canonical));
            let candidates: Vec<&GotEntity> = ents.iter().filter(|e| e.ty == *ty && named(e)).collect();
            let grouped = |e: &GotEntity| {
                let have: Vec<String> = e.forms().collect();
                forms.iter().all(|f| have.contains(f))
            };
            let ok = if aliases.is_empty() { !candidates.is_empty() } else { candidates.iter().any(|e| grouped(e)) };
            if ok {
                return Ok(());
            }
            let why = if candidates.is_empty() {
                let other: Vec<&GotEntity> = ents.iter().filter(|e| named(e) || e.forms().any(|f| forms.contains(&f))).collect();
                if other.is_empty() {
                    format!("no {ty} named so")
                } else {
                    format!(
                        "not as a {ty} entity's text/canonical; forms seen in: {}",
                        other.iter().map(|e| e.show()).collect::<Vec<_>>().join(" | ")
                    )
                }
            } else {
                let missing: Vec<String> = {
                    let best = candidates[0];
                    let have: Vec<String> = best.forms().collect();
                    std::iter::once(text)
                        .chain(aliases)
                        .filter(|f| !have.contains(&fold(f)))
                        .cloned()
                        .collect()
                };
                format!(
                    "forms not grouped in one entity (missing {}): {}",
                    missing.join("، "),
                    candidates.iter().map(|e| e.show()).collect::<Vec<_>>().join(" | ")
                )
            };
            Err(format!("{why}\n          entities: {}", show_entities(ents)))
        }
        Check::Not { text } => {
            let f = fold(text);
            let bad: Vec<&GotEntity> =
                ents.iter().filter(|e| fold(&e.text) == f || fold(&e.canonical) == f).collect();
            if bad.is_empty() {
                Ok(())
            } else {
                Err(format!("reported: {}", bad.iter().map(|e| e.show()).collect::<Vec<_>>().join(" | ")))
            }
        }
        Check::Source { names, canonical } => {
            let got = field(v, "source");
            let got_name = got.and_then(|s| s.get("name")).and_then(str_of);
            let got_canon = got.and_then(|s| s.get("canonical")).and_then(str_of);
            let shown = match got {
                None => "null".to_string(),
                Some(_) => format!("{}|{}", got_name.unwrap_or("null"), got_canon.unwrap_or("null")),
            };
            let ok = match names {
                None => got.is_none(),
                Some(names) => {
                    let name_ok = got_name.is_some_and(|n| names.iter().any(|e| fold_name(e) == fold_name(n)));
                    let canon_ok = match (canonical, got_canon) {
                        (None, None) => true,
                        (Some(e), Some(g)) => e.trim().eq_ignore_ascii_case(g.trim()),
                        _ => false,
                    };
                    got.is_some() && name_ok && canon_ok
                }
            };
            if ok {
                Ok(())
            } else {
                Err(format!("got source {shown}"))
            }
        }
        Check::Headline { text } => {
            let got = field(v, "headline").map(|h| h.as_str().map(str::to_string).unwrap_or_else(|| h.to_string()));
            let ok = match (text, &got) {
                (None, None) => true,
                (Some(e), Some(g)) => fold(e) == fold(g),
                _ => false,
            };
            if ok {
                Ok(())
            } else {
                Err(format!("got headline {}", got.as_deref().unwrap_or("null")))
            }
        }
        Check::Dateline { place, agency } => {
            let got = field(v, "dateline");
            let got_place = got.and_then(|d| d.get("place")).and_then(str_of).filter(|s| !s.trim().is_empty());
            let got_agency = got.and_then(|d| d.get("agency")).and_then(str_of).filter(|s| !s.trim().is_empty());
            let same = |e: &Option<String>, g: Option<&str>| match (e, g) {
                (None, None) => true,
                (Some(e), Some(g)) => fold_name(e) == fold_name(g),
                _ => false,
            };
            if same(place, got_place) && same(agency, got_agency) {
                Ok(())
            } else {
                Err(format!(
                    "got dateline {}",
                    match got {
                        None => "null".to_string(),
                        Some(_) => format!("{}|{}", got_place.unwrap_or("null"), got_agency.unwrap_or("null")),
                    }
                ))
            }
        }
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(non-string panic)".to_string())
}

fn indent(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join("\n              ")
}

#[test]
fn entities_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/entities/cases.tsv");
    let src = table::read(path);
    let (cases, errors) = parse_cases(&src);
    assert!(errors.is_empty(), "malformed cases in {path}:\n{}", errors.join("\n"));
    assert!(!cases.is_empty(), "no cases in {path}");

    let analyzer = khabar::Analyzer::new().expect("bundled data loads");
    let mut ws = khabar::Workspace::default();

    // Silence the default panic message while cases run; panics are reported per case below.
    let quiet = table::QuietPanics::new();

    let mut failures = Vec::new();
    // per tag: (cases passed, cases)
    let mut by_tag: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // per check kind: (checks passed, checks)
    let mut by_kind: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        let opts = khabar::Options::default();
        // A panic in the library fails this case only; the table goes on.
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let record = analyzer.analyze(&mut ws, &case.text, &opts);
            serde_json::to_value(&record).expect("the record serializes")
        }));
        let mut failed: Vec<String> = Vec::new();
        match result {
            Err(payload) => {
                ws = khabar::Workspace::default();
                failed.push(format!("PANIC: {}", panic_message(payload)));
                for (_, c) in &case.checks {
                    by_kind.entry(kind_name(c)).or_default().1 += 1;
                }
            }
            Ok(v) => {
                let chars: Vec<char> = case.text.chars().collect();
                let ents = entities_of(&v, &chars);
                for (line, check) in &case.checks {
                    let outcome = panic::catch_unwind(AssertUnwindSafe(|| run_check(check, &v, &ents)))
                        .unwrap_or_else(|p| Err(format!("PANIC in check: {}", panic_message(p))));
                    let k = by_kind.entry(kind_name(check)).or_default();
                    k.1 += 1;
                    match outcome {
                        Ok(()) => k.0 += 1,
                        Err(why) => failed.push(format!("line {line}: expected {}\n          {why}", check.show())),
                    }
                }
            }
        }
        let ok = failed.is_empty();
        for tag in &case.tags {
            let e = by_tag.entry(tag.clone()).or_default();
            e.1 += 1;
            if ok {
                e.0 += 1;
            }
        }
        if !ok {
            failures.push((case.id.clone(), format!(
                "case {} (line {}) [{}]\n    text:     {}\n    {}",
                case.id,
                case.line,
                case.tags.join("+"),
                indent(&case.text),
                failed.join("\n    ")
            )));
        }
    }

    drop(quiet);

    let passed = cases.len() - failures.len();
    let summary = format!("entities_table: {passed}/{} cases pass", cases.len());
    println!("{summary}");
    println!("  by tag (cases passing / cases):");
    for (tag, (p, t)) in &by_tag {
        println!("    {tag:<16} {p:>4}/{t}");
    }
    println!("  by check kind (checks passing / checks):");
    for (kind, (p, t)) in &by_kind {
        println!("    {kind:<16} {p:>4}/{t}");
    }
    let known_path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/entities/known_failures.txt");
    known_failures::check("entities", known_path, &failures, cases.len(), &summary);
}

fn kind_name(c: &Check) -> &'static str {
    match c {
        Check::Entity { .. } => "entity",
        Check::Not { .. } => "not",
        Check::Source { .. } => "source",
        Check::Headline { .. } => "headline",
        Check::Dateline { .. } => "dateline",
    }
}
