//! `--reference-date auto`: a folder of articles of many days, each with
//! its own reference date (its dateline, or a short date line among its
//! first lines, or a date in its file's name), each relative date resolved
//! against its own article's date. The articles were written for this test.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

/// (file name, text): a headline, then a dateline of its own day.
const ARTICLES: &[(&str, &str)] = &[
    // a Saudi dateline: Hijri and Gregorian side by side
    (
        "riyadh.txt",
        "افتتاح معرض للكتاب في الرياض\n\nالرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nافتتح أمير المنطقة أمس معرض الكتاب، على أن تبدأ الندوات غدا.\n",
    ),
    // a date line with a time, the way some sites print it
    (
        "site.txt",
        "حملة لتوزيع السلال الغذائية\n\nأكتوبر 12, 2017, 09:30 ص\nبدأت الجمعية اليوم توزيع السلال، وقال مديرها إن الشاحنات وصلت أمس.\n",
    ),
    // a place and a date that open the dateline
    (
        "cairo.txt",
        "القاهرة 5 يناير 2019 (رويترز) - قال مسؤول في الوزارة إن الوفد غادر أمس وإن المحادثات تستأنف غدا.\n",
    ),
    // no date in the text: the file's name gives it
    ("2016-03-05.txt", "قال المتحدث باسم البلدية اليوم إن الأعمال انتهت أمس.\n"),
    ("20140220-report.txt", "أعلنت الشركة اليوم نتائجها، وقالت إنها ستعقد مؤتمرا غدا.\n"),
    // a dateline wins over the file's name
    (
        "2001-01-01-jeddah.txt",
        "مهرجان صيفي في جدة\n\nجدة 1 شوال 1437 هـ الموافق 6 يوليو 2016 م واس\nانطلق المهرجان اليوم بحضور كبير.\n",
    ),
    // a short date line after the story has begun is a schedule's entry
    (
        "schedule.txt",
        "مباريات الجولة الرابعة\n\nتعود يوم غد منافسات الدوري بعد توقف قصير بسبب التزامات المنتخب الوطني في التصفيات القارية المؤهلة إلى النهائيات.\nالأحد 2 أبريل 2017 :\nالساعة 15:00 لقاء الفريقين الأولين\n",
    ),
    // an event's date in the first sentence is no dateline
    ("event.txt", "في 3 أكتوبر 1990 توحدت ألمانيا، وقال المؤرخ اليوم إن الذكرى تمر بهدوء.\n"),
];

fn records(args: &[&str]) -> BTreeMap<String, Value> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in ARTICLES {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let out = Command::cargo_bin("khabar").unwrap().args(args).arg(dir.path()).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    stdout
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            let file = r["file"].as_str().unwrap();
            let name = std::path::Path::new(file).file_name().unwrap().to_str().unwrap().to_string();
            (name, r)
        })
        .collect()
}

/// (text, value) of each date of a record.
fn dates(r: &Value) -> Vec<(String, Option<String>)> {
    r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap().to_string(), d["value"].as_str().map(str::to_string)))
        .collect()
}

fn value_of(r: &Value, text: &str) -> Option<String> {
    dates(r).into_iter().find(|(t, _)| t == text).unwrap_or_else(|| panic!("no date {text:?} in {:?}", dates(r))).1
}

fn reference(r: &Value) -> Option<(String, String)> {
    let rd = &r["reference_date"];
    (!rd.is_null()).then(|| (rd["value"].as_str().unwrap().to_string(), rd["from"].as_str().unwrap().to_string()))
}

fn pair(value: &str, from: &str) -> Option<(String, String)> {
    Some((value.to_string(), from.to_string()))
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn each_article_of_a_folder_resolves_against_its_own_date() {
    let r = records(&["--reference-date", "auto"]);
    assert_eq!(r.len(), ARTICLES.len());

    let riyadh = &r["riyadh.txt"];
    assert_eq!(reference(riyadh), pair("2015-08-10", "dateline"));
    assert_eq!(value_of(riyadh, "أمس"), some("2015-08-09"));
    assert_eq!(value_of(riyadh, "غدا"), some("2015-08-11"));

    let site = &r["site.txt"];
    assert_eq!(reference(site), pair("2017-10-12", "dateline"));
    assert_eq!(value_of(site, "اليوم"), some("2017-10-12"));
    assert_eq!(value_of(site, "أمس"), some("2017-10-11"));

    let cairo = &r["cairo.txt"];
    assert_eq!(reference(cairo), pair("2019-01-05", "dateline"));
    assert_eq!(value_of(cairo, "أمس"), some("2019-01-04"));
    assert_eq!(value_of(cairo, "غدا"), some("2019-01-06"));

    let named = &r["2016-03-05.txt"];
    assert_eq!(reference(named), pair("2016-03-05", "file name"));
    assert_eq!(value_of(named, "اليوم"), some("2016-03-05"));
    assert_eq!(value_of(named, "أمس"), some("2016-03-04"));

    let report = &r["20140220-report.txt"];
    assert_eq!(reference(report), pair("2014-02-20", "file name"));
    assert_eq!(value_of(report, "اليوم"), some("2014-02-20"));
    assert_eq!(value_of(report, "غدا"), some("2014-02-21"));

    let jeddah = &r["2001-01-01-jeddah.txt"];
    assert_eq!(reference(jeddah), pair("2016-07-06", "dateline"));
    assert_eq!(value_of(jeddah, "اليوم"), some("2016-07-06"));

    assert_eq!(reference(&r["schedule.txt"]), None);

    let event = &r["event.txt"];
    assert_eq!(reference(event), None);
    assert_eq!(value_of(event, "3 أكتوبر 1990"), some("1990-10-03"));
    assert_eq!(value_of(event, "اليوم"), None);
}

#[test]
fn auto_with_a_date_falls_back_to_it_and_a_date_is_for_every_article() {
    let r = records(&["--reference-date", "auto,2020-02-02"]);
    assert_eq!(reference(&r["event.txt"]), pair("2020-02-02", "fallback"));
    assert_eq!(value_of(&r["event.txt"], "اليوم"), some("2020-02-02"));
    assert_eq!(reference(&r["riyadh.txt"]), pair("2015-08-10", "dateline"));
    assert_eq!(reference(&r["2016-03-05.txt"]), pair("2016-03-05", "file name"));

    let r = records(&["--reference-date", "2020-02-02"]);
    for rec in r.values() {
        assert_eq!(reference(rec), pair("2020-02-02", "option"));
    }
    assert_eq!(value_of(&r["riyadh.txt"], "أمس"), some("2020-02-01"));

    let r = records(&[]);
    assert!(r.values().all(|rec| rec["reference_date"].is_null()));
}

#[test]
fn a_json_lines_item_keeps_its_own_date_first() {
    let dir = tempfile::tempdir().unwrap();
    let items = [
        serde_json::json!({"id": 1, "text": "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nقال الوزير اليوم إن العمل بدأ.", "date": "2018-04-01"}),
        serde_json::json!({"id": 2, "text": "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nقال الوزير اليوم إن العمل بدأ."}),
        serde_json::json!({"id": 3, "text": "قال الوزير اليوم إن العمل بدأ."}),
    ];
    let lines: Vec<String> = items.iter().map(Value::to_string).collect();
    let path = dir.path().join("2019-09-09.jsonl");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = Command::cargo_bin("khabar").unwrap().args(["--input", "jsonl", "--reference-date", "auto"]).arg(&path).assert().success();
    let records: Vec<Value> = String::from_utf8(out.get_output().stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reference(&records[0]), pair("2018-04-01", "item"));
    assert_eq!(value_of(&records[0], "اليوم"), some("2018-04-01"));
    assert_eq!(reference(&records[1]), pair("2015-08-10", "dateline"));
    // the file's name dates every item of it that gives no date
    assert_eq!(reference(&records[2]), pair("2019-09-09", "file name"));
}

#[test]
fn a_bad_auto_fallback_is_a_usage_error() {
    Command::cargo_bin("khabar").unwrap().args(["--reference-date", "auto,19/06/2017", "-"]).write_stdin("").assert().code(2);
}
