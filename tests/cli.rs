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

/// Each line of stdout as a JSON value.
fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec()).unwrap().lines().map(|l| json(l.as_bytes())).collect()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// An article of our own, with a headline, a dateline with its agency,
/// a direct and an indirect quote and two dates.
const ARTICLE: &str = "البرلمان يقر الموازنة العامة\n\nالقاهرة - رويترز\n\
أقر البرلمان المصري اليوم الأحد الموازنة العامة للعام المقبل.\n\
وقال رئيس الوزراء مصطفى مدبولي إن \"الموازنة تضع التعليم والصحة في المقدمة\".\n\
وأضاف أن الحكومة ستبدأ تنفيذها في الأول من تموز/يوليو المقبل.\n";

/// Checks that every quote and date span of `record` slices to its text
/// in `text`, and returns how many there were.
fn check_spans(record: &Value, text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    for item in record["quotes"].as_array().unwrap().iter().chain(record["dates"].as_array().unwrap()) {
        let (s, e) = (item["span"][0].as_u64().unwrap() as usize, item["span"][1].as_u64().unwrap() as usize);
        assert!(s <= e && e <= chars.len(), "span {s}..{e} of {}", chars.len());
        assert_eq!(chars[s..e].iter().collect::<String>(), item["text"].as_str().unwrap());
        n += 1;
    }
    n
}

/// A record without the fields that name where it came from.
fn content(record: &Value) -> Value {
    let mut v = record.clone();
    let obj = v.as_object_mut().unwrap();
    obj.remove("file");
    obj.remove("encoding");
    v
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
    // stderr is not a terminal here: no progress bar, nothing at all
    assert!(out.get_output().stderr.is_empty(), "{}", stderr_of(out.get_output()));
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
    let records = lines(&out.get_output().stdout);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let files: Vec<&str> = records.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert!(files.len() == 2 && files[0].ends_with("a-good.txt") && files[1].ends_with("c-empty.txt"), "{files:?}");
    for (name, problem) in [("b-latin1.txt", "UTF-8"), ("d-missing.txt", "cannot read")] {
        let line = stderr.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no error for {name}: {stderr}"));
        assert!(line.contains(problem), "{line}");
    }
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
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

// ---- streaming batches: --files-from, --input jsonl, --errors ----

#[test]
fn files_from_reads_a_list_after_the_path_arguments_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    // a CRLF line, a blank line, and a directory, which is walked
    let listed = format!("{}\r\n\n{}\n", fixture("articles/02-talks.txt"), fixture("articles"));
    fs::write(&list, &listed).unwrap();
    let out = khabar().arg(fixture("lavrov-astana.txt")).arg("--files-from").arg(&list).assert().success();
    let files: Vec<String> = lines(&out.get_output().stdout).iter().map(|r| r["file"].as_str().unwrap().to_string()).collect();
    let want = ["lavrov-astana.txt", "02-talks.txt", "01-ministry.txt", "02-talks.txt"];
    assert_eq!(files.len(), want.len(), "{files:?}");
    for (f, w) in files.iter().zip(want) {
        assert!(f.ends_with(w), "{files:?}");
    }

    // `-`: the list comes on stdin, and a single listed file still gives a line
    let out = khabar().args(["--files-from", "-"]).write_stdin(fixture("articles/01-ministry.txt")).assert().success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 1);
    assert!(records[0]["file"].as_str().unwrap().ends_with("01-ministry.txt"));
}

#[test]
fn jsonl_input_gives_one_record_per_line_carrying_its_id_and_date() {
    let items = [
        serde_json::json!({"id": "a-1", "text": "وصل الوفد أمس إلى القاهرة.", "date": "2017-06-19"}),
        serde_json::json!({"text": "وصل الوفد أمس إلى القاهرة."}),
        serde_json::json!({"id": 3, "text": "وصل الوفد أمس إلى القاهرة.", "date": "2020-03-01T09:00:00Z", "url": "x"}),
        serde_json::json!({"id": 4, "text": "", "date": null}),
    ];
    let input: String = items.iter().map(|i| format!("{i}\n")).collect();
    let out = khabar().args(["--input", "jsonl", "--reference-date", "2000-01-02"]).write_stdin(input).assert().success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["id"], "a-1");
    assert!(records[1].get("id").is_none(), "no id in, no id out");
    assert_eq!(records[2]["id"], 3);
    assert_eq!(records[3]["id"], 4);
    assert!(records.iter().all(|r| r["file"].is_null()));
    // an item's own date overrides --reference-date
    let yesterday: Vec<&Value> = records[..3].iter().map(|r| &r["dates"][0]["value"]).collect();
    assert_eq!(yesterday, ["2017-06-18", "2000-01-01", "2020-02-29"]);
    assert_eq!(records[3]["language"], "und");
}

#[test]
fn jsonl_order_is_kept_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.jsonl");
    let sentences = ["قال الوزير إن الاجتماع انتهى.", ARTICLE, "وصل الرئيس اليوم إلى عمان."];
    let input: String = (0..60).map(|i| format!("{}\n", serde_json::json!({"id": i, "text": sentences[i % 3]}))).collect();
    fs::write(&path, input).unwrap();
    let one = khabar().args(["--input", "jsonl", "--jobs", "1"]).arg(&path).output().unwrap();
    let three = khabar().args(["--input", "jsonl", "--jobs", "3"]).arg(&path).output().unwrap();
    assert!(one.status.success());
    assert_eq!(one.stdout, three.stdout);
    let records = lines(&one.stdout);
    let ids: Vec<u64> = records.iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..60).collect::<Vec<u64>>());
    assert!(records.iter().all(|r| r["file"].as_str().unwrap().ends_with("items.jsonl")));
}

#[test]
fn jsonl_bad_lines_are_reported_with_input_and_line_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.jsonl");
    let good = serde_json::json!({"id": 1, "text": "قال الوزير إن الاجتماع انتهى."}).to_string();
    let body = format!("{good}\nnot json at all\n{{\"id\": \"x\"}}\n{{\"id\": 5, \"text\": \"نص\", \"date\": \"19/06/2017\"}}\n\n{good}\r\n");
    fs::write(&path, body).unwrap();
    let out = khabar().args(["--input", "jsonl"]).arg(&path).assert().code(1);
    assert_eq!(lines(&out.get_output().stdout).len(), 2, "two good lines, one record each");
    let stderr = stderr_of(out.get_output());
    let errs: Vec<&str> = stderr.lines().collect();
    assert_eq!(errs.len(), 3, "{stderr}");
    assert!(errs[0].contains("items.jsonl:2:") && errs[0].contains("not JSON"), "{}", errs[0]);
    assert!(errs[1].contains("items.jsonl:3 (id \"x\"):") && errs[1].contains("text"), "{}", errs[1]);
    assert!(errs[2].contains("items.jsonl:4 (id 5):") && errs[2].contains("date"), "{}", errs[2]);

    // the same as JSON Lines in an --errors file, and nothing on stderr
    let errors = dir.path().join("errors.jsonl");
    let out = khabar().args(["--input", "jsonl", "--errors"]).arg(&errors).arg(&path).assert().code(1);
    assert!(out.get_output().stderr.is_empty());
    let errs = lines(&fs::read(&errors).unwrap());
    assert_eq!(errs.len(), 3);
    assert_eq!(errs[0]["line"], 2);
    assert!(errs[0]["file"].as_str().unwrap().ends_with("items.jsonl"));
    assert!(errs[0].get("id").is_none());
    assert_eq!((&errs[1]["line"], &errs[1]["id"]), (&Value::from(3), &Value::from("x")));
    assert_eq!((&errs[2]["line"], &errs[2]["id"]), (&Value::from(4), &Value::from(5)));
    assert!(errs.iter().all(|e| e["error"].as_str().is_some_and(|s| !s.is_empty())));
}

#[test]
fn every_input_gives_one_record_or_one_error_line_and_errors_can_go_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("1-good.txt"), ARTICLE).unwrap();
    fs::write(d.join("2-binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    fs::write(d.join("3-empty.txt"), "").unwrap();
    fs::write(d.join("4-latin1.txt"), b"caf\xE9 cr\xE8me br\xFBl\xE9e, d\xE9j\xE0 vu").unwrap();
    let missing = d.join("5-missing.txt");
    let errors = d.join("errors.jsonl");
    let out = khabar().arg("--errors").arg(&errors).arg(d).arg(&missing).assert().code(1);
    assert!(out.get_output().stderr.is_empty(), "errors went to the file: {}", stderr_of(out.get_output()));
    let records = lines(&out.get_output().stdout);
    let errs = lines(&fs::read(&errors).unwrap());
    let named = |v: &Vec<Value>| v.iter().map(|r| r["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(named(&records), ["1-good.txt", "3-empty.txt"]);
    assert_eq!(named(&errs), ["2-binary.txt", "4-latin1.txt", "5-missing.txt"]);
    assert!(errs[0]["error"].as_str().unwrap().contains("binary"));
    assert!(errs[1]["error"].as_str().unwrap().contains("UTF-8"));
    // a run with no failure exits 0 and leaves the errors file as it was
    // (it is created at the first error only)
    let before = fs::read(&errors).unwrap();
    khabar().arg("--errors").arg(&errors).arg(d.join("1-good.txt")).assert().success();
    assert_eq!(fs::read(&errors).unwrap(), before);
}

#[test]
fn usage_errors_for_stdin_twice_and_unopenable_lists() {
    khabar().args(["-", "-"]).assert().code(2).stderr(predicate::str::contains("standard input"));
    khabar().args(["--files-from", "-", "-"]).assert().code(2).stderr(predicate::str::contains("standard input"));
    khabar().args(["--files-from", "/no/such/list"]).assert().code(2).stderr(predicate::str::contains("/no/such/list"));
    khabar().args(["--errors", "/no/such/dir/errors.jsonl"]).write_stdin("نص").assert().code(2).stderr(predicate::str::contains("--errors"));
    khabar().args(["--input", "xml"]).assert().code(2);
}

// ---- bad input: one record or one clear error line for each ----

#[test]
fn windows_1256_and_iso_8859_6_are_detected_decoded_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-utf8.txt"), ARTICLE).unwrap();
    for (name, enc) in [("b-cp1256.txt", encoding_rs::WINDOWS_1256), ("c-iso.txt", encoding_rs::ISO_8859_6)] {
        let (bytes, _, unmappable) = enc.encode(ARTICLE);
        assert!(!unmappable);
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let out = khabar().arg("--reference-date").arg("2021-06-20").arg(dir.path()).assert().success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    assert!(records[0].get("encoding").is_none(), "plain UTF-8 says nothing");
    assert_eq!(records[1]["encoding"], "windows-1256");
    assert_eq!(records[2]["encoding"], "ISO-8859-6");
    assert!(check_spans(&records[0], ARTICLE) >= 3);
    assert_eq!(content(&records[1]), content(&records[0]));
    assert_eq!(content(&records[2]), content(&records[0]));
    // a guessed encoding is also noted on stderr, unless --quiet
    let stderr = stderr_of(out.get_output());
    assert!(stderr.lines().any(|l| l.contains("b-cp1256.txt") && l.contains("windows-1256")), "{stderr}");
    assert!(stderr.lines().any(|l| l.contains("c-iso.txt") && l.contains("ISO-8859-6")), "{stderr}");
    assert_eq!(stderr.lines().count(), 2);
    khabar().arg("--quiet").arg(dir.path()).assert().success().stderr("");
}

#[test]
fn bytes_that_are_neither_utf8_nor_arabic_are_a_clear_error() {
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Le ministre a déclaré à la presse que la réunion était terminée.");
    let out = khabar().write_stdin(latin1.into_owned()).assert().code(1);
    assert!(out.get_output().stdout.is_empty());
    let stderr = stderr_of(out.get_output());
    assert!(stderr.starts_with("khabar: <stdin>: not valid UTF-8") && stderr.contains("Arabic"), "{stderr}");
    // UTF-8 cut in the middle of a letter stays a UTF-8 error, not a guess
    let mut cut = ARTICLE.as_bytes().to_vec();
    cut.truncate(cut.len() - 3);
    let out = khabar().write_stdin(cut).assert().code(1);
    assert!(stderr_of(out.get_output()).contains("not valid UTF-8 (first bad byte at offset"));
}

#[test]
fn byte_order_marks_are_stripped_and_spans_count_from_after_them() {
    let plain = json(&khabar().arg("--reference-date").arg("2021-06-20").write_stdin(ARTICLE).assert().success().get_output().stdout);
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(ARTICLE.as_bytes());
    let (mut le, mut be) = (vec![0xFF, 0xFE], vec![0xFE, 0xFF]);
    for u in ARTICLE.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    for (bytes, name) in [(utf8, "UTF-8"), (le, "UTF-16LE"), (be, "UTF-16BE")] {
        let out = khabar().arg("--reference-date").arg("2021-06-20").write_stdin(bytes).assert().success();
        let v = json(&out.get_output().stdout);
        assert_eq!(v["encoding"], name);
        assert_eq!(content(&v), content(&plain), "{name}");
    }
    assert!(check_spans(&plain, ARTICLE) >= 3);
}

#[test]
fn binary_files_are_skipped_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("image.txt");
    fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let out = khabar().arg(&bin).arg(fixture("articles/01-ministry.txt")).assert().code(1);
    assert_eq!(lines(&out.get_output().stdout).len(), 1);
    let stderr = stderr_of(out.get_output());
    assert!(stderr.contains("image.txt") && stderr.contains("binary") && stderr.contains("offset 8"), "{stderr}");
}

#[test]
fn empty_and_whitespace_only_files_give_empty_records() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "").unwrap();
    fs::write(dir.path().join("b.txt"), " \r\n\t\n\u{00A0}\n").unwrap();
    let out = khabar().arg(dir.path()).assert().success();
    let records = lines(&out.get_output().stdout);
    assert_eq!(records.len(), 2);
    for r in &records {
        assert_eq!(r["language"], "und");
        assert!(r["source"].is_null() && r["speaker"].is_null());
        for field in ["speakers", "quotes", "dates", "entities"] {
            assert_eq!(r[field], serde_json::json!([]), "{field}");
        }
    }
}

#[test]
fn non_arabic_text_gives_a_record_with_its_script_and_nothing_extracted() {
    let english = "The minister said on Monday that the talks would resume in Geneva on 10 July, Reuters reported.";
    let v = json(&khabar().write_stdin(english).assert().success().get_output().stdout);
    assert_eq!(v["language"], "und-Latn");
    assert!(v["source"].is_null() && v["quotes"] == serde_json::json!([]) && v["entities"] == serde_json::json!([]));
    let v = json(&khabar().write_stdin("Министр заявил, что переговоры возобновятся.").assert().success().get_output().stdout);
    assert_eq!(v["language"], "und");
    // Arabic with some Latin in it is still Arabic
    let v = json(&khabar().write_stdin("قال المتحدث باسم شركة Apple إن الإطلاق سيكون في أيلول.").assert().success().get_output().stdout);
    assert_eq!(v["language"], "ar");
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_same_extraction() {
    let texts = |r: &Value, field: &str| -> Vec<Value> { r[field].as_array().unwrap().iter().map(|x| x["text"].clone()).collect() };
    let mut seen = Vec::new();
    for text in [ARTICLE.to_string(), ARTICLE.replace('\n', "\r\n"), ARTICLE.replace('\n', "\r")] {
        let v = json(&khabar().arg("--reference-date").arg("2021-06-20").write_stdin(text.clone()).assert().success().get_output().stdout);
        assert!(check_spans(&v, &text) >= 3);
        seen.push((texts(&v, "quotes"), texts(&v, "dates"), v["speaker"].clone(), v["source"]["name"].clone()));
    }
    assert_eq!(seen[1], seen[0], "CRLF");
    assert_eq!(seen[2], seen[0], "lone CR");
    assert_eq!(seen[0].3, "رويترز", "the dateline after the headline is still found");
}

/// One line of `bytes` characters long, made of a few sentences repeated
/// (a quote and a date in each round); no line break anywhere.
fn one_long_line(bytes: usize) -> String {
    let round = "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد المحلي في المدن الكبرى. \
وقال وزير المالية إن الميزانية ستعرض على البرلمان في 10 تموز المقبل. \
ويتوقع الخبراء أن ترتفع معدلات النمو بعد تنفيذ هذه الإجراءات. ";
    round.repeat(bytes / round.len() + 1)
}

fn check_long_line(bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let text = one_long_line(bytes);
    fs::write(&path, &text).unwrap();
    let out = khabar().arg("--reference-date").arg("2021-01-01").arg(&path).assert().success();
    let v = json(&out.get_output().stdout);
    assert!(check_spans(&v, &text) > 0);
    // the whole line was read: the last date is in the last round
    let chars = text.chars().count() as u64;
    let last = v["dates"].as_array().unwrap().last().unwrap()["span"][1].as_u64().unwrap();
    assert!(last > chars - 200, "last date ends at {last} of {chars}");
}

#[test]
fn a_long_single_line_file_works() {
    check_long_line(1_000_000);
}

/// The 50 MB case. Ignored by default: a debug build is far too slow for
/// it; in release it takes about 6 s. Run it with
/// `cargo test --release --test cli -- --ignored`.
#[test]
#[ignore]
fn a_50_mb_single_line_file_works() {
    check_long_line(50_000_000);
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_broken_symlinks_are_reported_by_name() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, ARTICLE).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // root reads a chmod 000 file all the same; /proc/self/mem then stands
    // in for a file that exists but cannot be read by anyone (EIO at 0)
    let root = fs::read(&locked).is_ok();
    let unreadable = if root { Path::new("/proc/self/mem").to_path_buf() } else { locked.clone() };
    let dangling = dir.path().join("dangling.txt");
    symlink(dir.path().join("nowhere.txt"), &dangling).unwrap();
    let walked = tempfile::tempdir().unwrap();
    fs::write(walked.path().join("a.txt"), ARTICLE).unwrap();
    symlink(dir.path().join("nowhere.txt"), walked.path().join("b-dangling.txt")).unwrap();
    symlink(dir.path().join("nowhere.md"), walked.path().join("c-skipped.md")).unwrap();

    let out = khabar().arg(&unreadable).arg(&dangling).arg(walked.path()).assert().code(1);
    let stderr = stderr_of(out.get_output());
    let errs: Vec<&str> = stderr.lines().collect();
    assert_eq!(errs.len(), 3, "{stderr}");
    assert!(errs[0].contains(&unreadable.display().to_string()) && errs[0].contains("cannot read"), "{}", errs[0]);
    assert!(errs[1].contains("dangling.txt") && errs[1].contains("broken symbolic link"), "{}", errs[1]);
    assert!(errs[2].contains("b-dangling.txt") && errs[2].contains("broken symbolic link"), "{}", errs[2]);
    assert_eq!(lines(&out.get_output().stdout).len(), 1, "a.txt still gives its record");
    if root {
        khabar().arg(&locked).assert().success();
    } else {
        assert!(errs[0].contains("ermission denied"), "{}", errs[0]);
    }
}

/// The batch is held on its first input, a FIFO, until the test has
/// deleted the second; the second then vanishes mid-batch.
#[cfg(unix)]
#[test]
fn a_path_that_vanishes_mid_batch_gives_an_error_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    let third = dir.path().join("third.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    fs::write(&second, ARTICLE).unwrap();
    fs::write(&third, ARTICLE).unwrap();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("khabar"))
        .args(["--jobs", "1"])
        .args([&fifo, &second, &third])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // opening the FIFO for writing waits until khabar opens it for reading
    let mut writer = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    fs::remove_file(&second).unwrap();
    writer.write_all(ARTICLE.as_bytes()).unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let files: Vec<String> = lines(&out.stdout).iter().map(|r| r["file"].as_str().unwrap().to_string()).collect();
    assert!(files.len() == 2 && files[0].ends_with("first.txt") && files[1].ends_with("third.txt"), "{files:?}");
    let stderr = stderr_of(&out);
    assert!(stderr.contains("second.txt") && stderr.contains("cannot read"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_closed_stdout_ends_the_run_quietly_with_status_0() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.jsonl");
    // far more output than the pipe and khabar's own buffer hold
    let item = serde_json::json!({"text": "قال الوزير اليوم إن المحادثات مع الوفد ستستأنف في الرياض."}).to_string();
    fs::write(&path, format!("{item}\n").repeat(3000)).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("khabar"))
        .args(["--input", "jsonl"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    json(first.as_bytes()); // `| head -1` got its record, then closed the pipe
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn the_readme_example_record_is_what_the_binary_prints() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```json\n").expect("README has a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example: Value = serde_json::from_str(&readme[start..end]).expect("the README example is valid JSON");
    let out = khabar()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--reference-date", "2019-10-24", "--format", "json", "fixtures/articles/02-talks.txt"])
        .assert()
        .success();
    assert_eq!(json(&out.get_output().stdout), example);
}
