//! The record's JSON Schema: the file kept in the repository is the one the
//! types generate, and the records of the bundled articles validate
//! against it (as the CLI prints them, `file` and all).

use assert_cmd::Command;
use std::path::Path;

const SCHEMA_FILE: &str = "schema/record.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_schema_file_is_what_the_types_generate() {
    let kept = std::fs::read_to_string(root().join(SCHEMA_FILE)).expect("schema file");
    let generated = khabar::record::schema();
    assert!(kept == generated, "{SCHEMA_FILE} has drifted from the record types: regenerate it with `khabar --print-schema > {SCHEMA_FILE}`");
}

#[test]
fn print_schema_prints_the_schema_file() {
    let out = Command::cargo_bin("khabar").unwrap().arg("--print-schema").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), khabar::record::schema());
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&khabar::record::schema()).unwrap();
    jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema")
}

#[test]
fn the_records_of_the_fixtures_validate() {
    let validator = validator();
    let mut checked = 0;
    for dir in ["fixtures", "fixtures/articles"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            for date in [None, Some("2019-10-24")] {
                let mut cmd = Command::cargo_bin("khabar").unwrap();
                if let Some(d) = date {
                    cmd.args(["--reference-date", d]);
                }
                let out = cmd.arg("--format").arg("json").arg(&path).output().unwrap();
                assert!(out.status.success(), "{}", path.display());
                let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                let errors: Vec<String> = validator.iter_errors(&record).map(|e| format!("{} at {}", e, e.instance_path)).collect();
                assert!(errors.is_empty(), "{}: {errors:?}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 6, "only {checked} records checked");
}

#[test]
fn a_record_that_breaks_the_contract_does_not_validate() {
    let validator = validator();
    let bad = serde_json::json!({"file": null, "language": "ar", "headline": null, "dateline": null, "source": null,
        "speaker": null, "speakers": [], "quotes": [{"text": "x", "kind": "shouted", "speaker": null, "cue": null, "span": [0, 1], "cue_span": null, "speaker_span": null, "attribution": "unresolved"}],
        "reference_date": null, "dates": [], "entities": []});
    assert!(!validator.is_valid(&bad));
    let good = serde_json::json!({"file": null, "language": "ar", "headline": null, "dateline": null, "source": null,
        "speaker": null, "speakers": [], "quotes": [{"text": "x", "kind": "direct", "speaker": null, "cue": null, "span": [0, 1], "cue_span": null, "speaker_span": null, "attribution": "unresolved"}],
        "reference_date": {"value": "2019-10-24", "from": "file name"}, "dates": [], "entities": []});
    assert!(validator.is_valid(&good), "{:?}", validator.iter_errors(&good).map(|e| e.to_string()).collect::<Vec<_>>());
}
