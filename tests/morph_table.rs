//! The word-knowledge table (`fixtures/morph/cases.tsv`): for each written
//! word, assertions on its parts of speech, clitic splits, verb agreement
//! and verb kind, checked against the analyser built from `data/morph/`.
//! Failing words listed in `fixtures/morph/known_failures.txt` are open
//! work; any other failure fails the test.

#[path = "support/known_failures.rs"]
mod known_failures;
#[path = "support/table.rs"]
#[allow(dead_code)]
mod table;
use khabar::internals::{Morph, PosSet, VerbTags};

/// Whether one assertion holds for `word`; `Err` for a malformed one.
fn holds(morph: &Morph, word: &str, assertion: &str) -> Result<bool, String> {
    let (negated, body) = match assertion.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, assertion),
    };
    let a = morph.analyze(word);
    let positive = match body.split_once(':') {
        Some(("pos", class)) => a.classes.any(PosSet::from_name(class).ok_or(format!("unknown class {class}"))?),
        Some(("whole", class)) => a.whole.any(PosSet::from_name(class).ok_or(format!("unknown class {class}"))?),
        Some(("agr", tag)) => a.tags.contains(VerbTags::parse(tag).ok_or(format!("bad tag {tag}"))?),
        Some(("split", split)) => {
            let parts: Vec<&str> = split.split('|').collect();
            let [pro, stem, enc] = parts[..] else { return Err(format!("bad split {split}")) };
            let norm = |s: &str| morph.spelling(s);
            let want = (norm(pro), norm(stem), norm(enc));
            morph.splits(word).iter().any(|(p, s, e, _)| (p.clone(), s.clone(), e.clone()) == want)
        }
        None if body == "speech" => a.speech,
        None if body == "aux" => a.auxiliary,
        _ => return Err(format!("unknown assertion {assertion}")),
    };
    Ok(positive != negated)
}

fn show_analysis(morph: &Morph, word: &str) -> String {
    morph
        .splits(word)
        .iter()
        .map(|(p, s, e, c)| format!("{p}|{s}|{e} {c:?}"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn morph_table() {
    let morph = Morph::load().expect("bundled data loads");
    let text = table::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/morph/cases.tsv"));
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 2, "cases.tsv:{}: needs word and expect columns", n + 1);
        let (word, expect) = (cols[0].trim(), cols[1].trim());
        cases += 1;
        let failed: Vec<&str> = expect
            .split_whitespace()
            .filter(|a| !holds(&morph, word, a).unwrap_or_else(|e| panic!("cases.tsv:{}: {e}", n + 1)))
            .collect();
        if !failed.is_empty() {
            failures.push((word.to_string(), format!("{word}: fails {} — analyses: {}", failed.join(" "), show_analysis(&morph, word))));
        }
    }
    assert!(cases >= 150, "the table must keep at least 150 rows ({cases})");
    let summary = format!("{} of {cases} words pass", cases - failures.len());
    println!("{summary}");
    let known_path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/morph/known_failures.txt");
    known_failures::check("morph", known_path, &failures, cases, &summary);
}
