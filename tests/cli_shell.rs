//! Shell conventions: completion scripts, the man page, hidden folders.

use assert_cmd::Command;
use std::fs;

fn khabar() -> Command {
    Command::cargo_bin("khabar").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = khabar().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completion_scripts_name_the_options_for_each_shell() {
    let bash = stdout_of(&["--completions", "bash"]);
    assert!(bash.contains("complete -F") && bash.contains("--reference-date") && bash.contains("--files-from"), "{bash}");
    let zsh = stdout_of(&["--completions", "zsh"]);
    assert!(zsh.starts_with("#compdef khabar") && zsh.contains("--max-bytes"), "{zsh}");
    let fish = stdout_of(&["--completions", "fish"]);
    assert!(fish.contains("complete -c khabar") && fish.contains("reference-date"), "{fish}");
    khabar().args(["--completions", "tcsh"]).assert().code(2);
}

#[test]
fn a_bash_completion_script_loads_in_bash() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("khabar.bash");
    fs::write(&script, stdout_of(&["--completions", "bash"])).unwrap();
    let status = std::process::Command::new("bash").arg("-c").arg(format!("source {} && complete -p khabar", script.display())).output();
    if let Ok(out) = status {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("khabar"));
    }
}

#[test]
fn the_man_page_is_roff_with_every_option() {
    let man = stdout_of(&["--man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH khabar"), "{}", &man[..man.len().min(200)]);
    for option in ["reference\\-date", "files\\-from", "max\\-bytes", "errors", "jobs"] {
        assert!(man.contains(option), "no {option} in the man page");
    }
}

#[test]
fn hidden_folders_are_skipped_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let article = "قال الوزير اليوم إن المحادثات ستستأنف.\n";
    fs::create_dir(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".git/notes.txt"), article).unwrap();
    fs::write(dir.path().join("a.txt"), article).unwrap();
    let count = |extra: &[&str]| {
        let out = khabar().args(extra).arg(dir.path()).output().unwrap();
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    assert_eq!(count(&[]), 1);
    assert_eq!(count(&["--hidden"]), 2);
}
