//! Tests of the installed binary: every CLI behaviour in one test binary.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn khabar() -> Command {
    Command::cargo_bin("khabar").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is one JSON value")
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

/// The bundled Lavrov/Astana article against its full expected record.
#[test]
fn bundled_article_record_matches_expected_field_by_field() {
    let out = khabar()
        .args(["--reference-date", "2017-06-19", "--format", "json"])
        .arg(fixture("lavrov-astana.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got = json(&out);
    let want: Value = serde_json::from_str(&fs::read_to_string(fixture("lavrov-astana.expected.json")).unwrap()).unwrap();
    let text = fs::read_to_string(fixture("lavrov-astana.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let slice = |span: &Value| -> String {
        let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        chars[s..e].iter().collect()
    };

    // source
    assert_eq!(got["source"]["name"], "سبوتنيك");
    assert_eq!(got["source"]["canonical"], "Sputnik");
    assert_eq!(slice(&got["source"]["span"]), "سبوتنيك");

    // speaker, with his title
    assert_eq!(got["speaker"], "سيرغي لافروف");
    let speakers = got["speakers"].as_array().unwrap();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0]["name"], "سيرغي لافروف");
    assert_eq!(speakers[0]["title"], "وزير الخارجية الروسي");
    assert_eq!(speakers[0]["quotes"], 7);

    // all seven quotes, in order, with kind, speaker and exact text
    let quotes = got["quotes"].as_array().unwrap();
    let want_quotes = want["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), want_quotes.len());
    for (q, w) in quotes.iter().zip(want_quotes) {
        assert_eq!(q["text"], w["text"]);
        assert_eq!(q["kind"], w["kind"]);
        assert_eq!(q["speaker"], w["speaker"]);
        assert_eq!(slice(&q["span"]), q["text"].as_str().unwrap());
    }
    let indirect = quotes.iter().filter(|q| q["kind"] == "indirect").count();
    assert_eq!(indirect, 2);

    // dates: every text and value
    let dates = got["dates"].as_array().unwrap();
    let want_dates = want["dates"].as_array().unwrap();
    assert_eq!(dates.len(), want_dates.len(), "{dates:?}");
    for (d, w) in dates.iter().zip(want_dates) {
        assert_eq!(d["text"], w["text"]);
        assert_eq!(d["value"], w["value"]);
        assert_eq!(slice(&d["span"]), d["text"].as_str().unwrap());
    }

    // entities: each expected one present with its type (text or alias)
    let entities = got["entities"].as_array().unwrap();
    for w in want["entities"].as_array().unwrap() {
        let mut names = vec![fold(w["text"].as_str().unwrap())];
        for a in w["aliases"].as_array().into_iter().flatten() {
            names.push(fold(a.as_str().unwrap()));
        }
        let found = entities.iter().any(|e| {
            e["type"] == w["type"]
                && [&e["text"], &e["canonical"]].iter().any(|n| names.contains(&fold(n.as_str().unwrap_or(""))))
        });
        assert!(found, "missing entity {} ({})", w["text"], w["type"]);
    }
    // no entity text carries a clitic or a nationality adjective
    for e in entities {
        let t = e["text"].as_str().unwrap();
        assert!(!t.starts_with("وسوريا") && t != "الروسي", "{t}");
        for m in e["mentions"].as_array().unwrap() {
            assert!(m[1].as_u64() <= Some(chars.len() as u64));
        }
    }
}

#[test]
fn stdin_is_read_when_no_path_or_dash_is_given() {
    let text = "قال وزير الخارجية إن الاجتماع سيعقد غدا في الرياض.";
    for args in [vec![], vec!["-"]] {
        let out = khabar().args(&args).args(["--reference-date", "2020-01-01"]).write_stdin(text).assert().success();
        let v = json(&out.get_output().stdout);
        assert!(v["file"].is_null());
        assert_eq!(v["dates"][0]["value"], "2020-01-02");
        assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn a_folder_gives_one_json_line_per_article_in_sorted_order() {
    let out = khabar().arg(fixture("articles")).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    let files: Vec<String> = lines.iter().map(|l| json(l.as_bytes())["file"].as_str().unwrap().to_string()).collect();
    assert!(files[0].ends_with("01-ministry.txt") && files[1].ends_with("02-talks.txt"), "{files:?}");
}

#[test]
fn json_format_with_several_inputs_is_an_array_and_pretty_is_indented() {
    let out = khabar().args(["--format", "json"]).arg(fixture("articles")).assert().success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    let out = khabar().args(["--format", "pretty"]).arg(fixture("articles/01-ministry.txt")).assert().success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.lines().count() > 10);
    json(s.as_bytes());
}

#[test]
fn parallel_output_keeps_input_order_and_matches_one_job() {
    let one = khabar().args(["--jobs", "1", "--format", "jsonl"]).arg(fixture("articles")).arg(fixture("lavrov-astana.txt")).output().unwrap();
    let four = khabar().args(["--jobs", "4", "--format", "jsonl"]).arg(fixture("articles")).arg(fixture("lavrov-astana.txt")).output().unwrap();
    assert!(one.status.success());
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(String::from_utf8(one.stdout).unwrap().lines().count(), 3);
}

#[test]
fn bad_files_are_reported_by_name_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a-good.txt");
    let bad = dir.path().join("b-latin1.txt");
    let empty = dir.path().join("c-empty.txt");
    fs::write(&good, "أعلنت الوزارة اليوم أن المدارس ستفتح.").unwrap();
    fs::write(&bad, [0x61, 0xE9, 0xFF, 0x62]).unwrap();
    fs::write(&empty, "").unwrap();
    let missing = dir.path().join("d-missing.txt");
    let out = khabar().arg(dir.path()).arg(&missing).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1, "only the good file yields a record");
    assert!(stdout.contains("a-good.txt"));
    for (name, problem) in [("b-latin1.txt", "UTF-8"), ("c-empty.txt", "empty"), ("d-missing.txt", "cannot read")] {
        let line = stderr.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no error for {name}: {stderr}"));
        assert!(line.contains(problem), "{line}");
    }
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
}

#[test]
fn bad_usage_exits_with_two() {
    khabar().args(["--format", "xml"]).assert().code(2).stderr(predicate::str::contains("xml"));
    khabar().args(["--reference-date", "19-06-2017"]).assert().code(2).stderr(predicate::str::contains("YYYY-MM-DD"));
    khabar().args(["--no-such-flag"]).assert().code(2);
}

#[test]
fn help_shows_the_three_uses() {
    khabar()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Pipe").and(predicate::str::contains("folder")).and(predicate::str::contains("script")));
}

#[test]
fn relative_dates_are_null_without_a_reference_date() {
    let out = khabar().write_stdin("وصل الوفد أمس إلى القاهرة.").assert().success();
    let v = json(&out.get_output().stdout);
    assert_eq!(v["dates"][0]["text"], "أمس");
    assert!(v["dates"][0]["value"].is_null());
}

#[test]
fn a_directory_walk_ignores_files_of_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("x.txt"), "قال المتحدث إن الاجتماع انتهى.").unwrap();
    fs::write(dir.path().join("notes.md"), "\u{FF}").unwrap();
    let out = khabar().arg(dir.path()).assert().success();
    assert_eq!(String::from_utf8(out.get_output().stdout.clone()).unwrap().lines().count(), 1);
    assert!(Path::new(&fixture("articles")).is_dir());
}
