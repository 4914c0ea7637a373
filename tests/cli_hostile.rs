//! The command line under hostile or careless use: no input lost or
//! destroyed, every input a record or an error, caps with clear errors.
//! Each test reproduces a shell line that went wrong once.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn khabar() -> Command {
    Command::cargo_bin("khabar").unwrap()
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

const ARTICLE: &str = "قال وزير الخارجية اليوم إن المحادثات ستستأنف في عمان الأسبوع المقبل.\n";

/// `n` article files in `dir`, named `a000.txt` …
fn articles(dir: &Path, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("a{i:03}.txt"));
            fs::write(&p, ARTICLE).unwrap();
            p.to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn a_dash_in_a_list_read_from_stdin_is_an_error_and_no_path_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path(), 400);
    let mut list = paths[..3].join("\n");
    list.push_str("\n-\n");
    list.push_str(&paths[3..].join("\n"));
    list.push('\n');
    let out = khabar().args(["--files-from", "-"]).write_stdin(list).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the `-` line fails");
    assert_eq!(lines(&out.stdout).len(), 400, "every listed path gives its record");
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard input is the list"), "{err}");
}

#[test]
fn standard_input_is_read_once_when_a_file_list_names_it_twice() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path(), 2);
    let list = dir.path().join("list");
    fs::write(&list, format!("{}\n-\n{}\n-\n", paths[0], paths[1])).unwrap();
    let out = khabar().arg("--files-from").arg(&list).write_stdin(ARTICLE).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 3, "two files and standard input once");
    assert!(records[1]["file"].is_null(), "standard input's record has no file");
    assert!(stderr_of(&out).contains("already read"), "{}", stderr_of(&out));
}

#[test]
fn the_errors_file_is_not_created_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let article = articles(dir.path(), 1).remove(0);
    let errors = dir.path().join("errors.jsonl");
    fs::write(&errors, "kept\n").unwrap();
    let out = khabar().arg("--errors").arg(&errors).arg(&article).output().unwrap();
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(&errors).unwrap(), "kept\n", "no error: the file is left alone");
}

#[test]
fn an_errors_file_that_is_also_an_input_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let article = articles(dir.path(), 1).remove(0);
    let out = khabar().arg("--errors").arg(&article).arg(&article).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("also an input"), "{}", stderr_of(&out));
    assert_eq!(fs::read_to_string(&article).unwrap(), ARTICLE, "the article is intact");
    // a file the walk of a folder would take, even before it exists
    let out = khabar().arg("--errors").arg(dir.path().join("new.txt")).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jobs_beyond_sixteen_per_core_are_refused() {
    let out = khabar().args(["--jobs", "65535"]).write_stdin(ARTICLE).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--jobs 65535"), "{}", stderr_of(&out));
}

#[test]
fn inputs_larger_than_max_bytes_fail_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let paths = articles(dir.path(), 2);
    let big = dir.path().join("big.txt");
    fs::write(&big, ARTICLE.repeat(100)).unwrap();
    let out = khabar().args(["--max-bytes", "1K"]).arg(&paths[0]).arg(&big).arg(&paths[1]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out.stdout).len(), 2);
    assert!(stderr_of(&out).contains("big.txt: larger than --max-bytes (1024 bytes)"), "{}", stderr_of(&out));
    // an endless input ends at the limit
    let out = khabar().args(["--max-bytes", "1M", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("larger than --max-bytes"), "{}", stderr_of(&out));
    // standard input, and a JSON Lines line
    let out = khabar().args(["--max-bytes", "100"]).write_stdin(ARTICLE.repeat(10)).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let items = format!("{{\"id\":1,\"text\":\"{}\"}}\n{{\"id\":2,\"text\":\"نص\"}}\n", "ب".repeat(500));
    let out = khabar().args(["--max-bytes", "200", "--input", "jsonl"]).write_stdin(items).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out.stdout).len(), 1, "the short item still gives its record");
    assert!(stderr_of(&out).contains("<stdin>:1"), "{}", stderr_of(&out));
}

#[test]
fn reference_dates_outside_years_1_to_9999_are_refused_and_date_times_are_taken() {
    for bad in ["+262142-12-31", "-262143-01-01", "0000-01-01", "10000-01-01"] {
        let out = khabar().arg(format!("--reference-date={bad}")).write_stdin(ARTICLE).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    let out = khabar().args(["--reference-date", "2017-06-19T10:30:00Z"]).write_stdin(ARTICLE).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["dates"][0]["value"], "2017-06-19");
}

#[test]
fn a_big_integer_id_comes_back_exactly() {
    let item = format!("{{\"id\": 123456789012345678901234567890, \"text\": \"{}\"}}\n", ARTICLE.trim());
    let out = khabar().args(["--input", "jsonl"]).write_stdin(item).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"id\":123456789012345678901234567890,"), "{text}");
}

#[test]
fn an_empty_date_in_an_item_means_no_date() {
    let item = format!("{{\"id\": \"x\", \"date\": \"\", \"text\": \"{}\"}}\n", ARTICLE.trim());
    let out = khabar().args(["--input", "jsonl"]).write_stdin(item).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(lines(&out.stdout)[0]["dates"][0]["value"].is_null());
}

#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let out = khabar().args(["--files-from", "-"]).write_stdin("no\u{1b}such\tfile\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.contains("no\\u{1b}such\\tfile"), "{err:?}");
}

#[test]
fn a_null_separated_list_keeps_names_whole() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("line\nbreak.txt");
    fs::write(&odd, ARTICLE).unwrap();
    let plain = articles(dir.path(), 1).remove(0);
    let list = format!("{}\0{}\0", odd.display(), plain);
    let out = khabar().args(["--files-from", "-", "--null"]).write_stdin(list).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["file"], odd.to_string_lossy().as_ref());
}

#[test]
fn files_from_removes_only_the_line_end() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("ends-in-cr\r");
    fs::write(&name, ARTICLE).unwrap();
    let list = format!("{}\r\n", name.display());
    let out = khabar().args(["--files-from", "-"]).write_stdin(list).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(lines(&out.stdout)[0]["file"], name.to_string_lossy().as_ref());
}

fn utf32(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little { vec![0xFF, 0xFE, 0, 0] } else { vec![0, 0, 0xFE, 0xFF] };
    for c in text.chars() {
        let n = c as u32;
        bytes.extend_from_slice(&if little { n.to_le_bytes() } else { n.to_be_bytes() });
    }
    bytes
}

#[test]
fn utf32_with_a_byte_order_mark_is_decoded() {
    for little in [true, false] {
        let out = khabar().write_stdin(utf32(ARTICLE, little)).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let record: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(record["encoding"], if little { "UTF-32LE" } else { "UTF-32BE" });
        assert_eq!(record["quotes"].as_array().unwrap().len(), 1);
    }
}

#[test]
fn extensions_with_or_without_a_dot_and_several_of_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.path().join("b.md"), ARTICLE).unwrap();
    fs::write(dir.path().join("c.html"), ARTICLE).unwrap();
    let count = |args: &[&str]| {
        let out = khabar().args(args).arg(dir.path()).output().unwrap();
        lines(&out.stdout).len()
    };
    assert_eq!(count(&["--extension", ".txt"]), 1);
    assert_eq!(count(&["--extension", "txt"]), 1);
    assert_eq!(count(&["--extension", "txt", "--extension", ".md"]), 2);
    assert_eq!(count(&["--extension", ""]), 3);
}

#[test]
fn jsonl_input_walks_jsonl_files_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.jsonl"), format!("{{\"id\":1,\"text\":\"{}\"}}\n", ARTICLE.trim())).unwrap();
    fs::write(dir.path().join("b.txt"), ARTICLE).unwrap();
    let out = khabar().args(["--input", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], 1);
}

#[test]
fn inline_errors_keep_records_and_inputs_paired() {
    let items = format!("{{\"id\":1,\"text\":\"{a}\"}}\nnot json\n{{\"id\":3}}\n{{\"id\":4,\"text\":\"{a}\"}}\n", a = ARTICLE.trim());
    let out = khabar().args(["--input", "jsonl", "--errors", "inline"]).write_stdin(items).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failure still shows in the exit status");
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 4, "one line per input line");
    assert!(records[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(records[2]["id"], 3);
    assert!(records[2]["error"].is_string());
    assert_eq!(records[3]["id"], 4);
    assert!(stderr_of(&out).is_empty(), "{}", stderr_of(&out));
}

#[test]
fn a_folder_without_a_matching_file_gets_a_note() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), ARTICLE).unwrap();
    let out = khabar().arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert!(stderr_of(&out).contains("no file with the extension .txt"), "{}", stderr_of(&out));
    let out = khabar().arg("--quiet").arg(dir.path()).output().unwrap();
    assert!(stderr_of(&out).is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here: nothing to test
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, ARTICLE).unwrap())
    };
    let out = khabar().arg(&fifo).output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn an_arabic_article_quoting_a_long_english_statement_is_analyzed() {
    let english = "We will not accept any agreement that does not guarantee the full rights of every citizen in the region, and we say it clearly.";
    let text = format!("قالت الوزيرة في بيان اليوم: \"{english}\"\nوأضافت أن الحوار مع الأطراف كلها سيستمر في العاصمة الأسبوع المقبل.\n");
    let out = khabar().write_stdin(text).output().unwrap();
    assert!(out.status.success());
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["language"], "ar");
    assert!(!record["quotes"].as_array().unwrap().is_empty(), "{record}");
}

#[test]
fn endless_inputs_end_with_an_error_in_every_mode() {
    let out = khabar().args(["--input", "jsonl", "--max-bytes", "1M", "/dev/zero"]).timeout(std::time::Duration::from_secs(60)).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("does not end"), "{}", stderr_of(&out));
    let out = khabar().args(["--files-from", "/dev/zero"]).timeout(std::time::Duration::from_secs(60)).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("list entry longer"), "{}", stderr_of(&out));
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_shown_lossily_and_the_record_says_so() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    fs::write(&odd, ARTICLE).unwrap();
    let out = khabar().arg(&odd).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["file_lossy"], true);
    assert!(record["file"].as_str().unwrap().ends_with("caf\u{FFFD}.txt"));
    let plain = articles(dir.path(), 1).remove(0);
    let record: Value = serde_json::from_slice(&khabar().arg(&plain).output().unwrap().stdout).unwrap();
    assert!(record.get("file_lossy").is_none(), "absent for a UTF-8 name");
}

#[cfg(unix)]
#[test]
fn a_fifo_met_while_walking_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path(), 1);
    let made = std::process::Command::new("mkfifo").arg(dir.path().join("pipe.txt")).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let out = khabar().arg(dir.path()).timeout(std::time::Duration::from_secs(30)).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(lines(&out.stdout).len(), 1);
    assert!(stderr_of(&out).contains("pipe.txt: not a regular file"), "{}", stderr_of(&out));
}
