//! The end of a case-table test: failing cases listed in the table's
//! `known_failures.txt` are open work, each named with a reason; any other
//! failing case fails the test, and a listed case that now passes is
//! reported so that it can be taken off the list.

/// `failures` holds (case id, report) for every failing case.
pub fn check(table: &str, known_path: &str, failures: &[(String, String)], cases: usize, summary: &str) {
    let known: Vec<String> = std::fs::read_to_string(known_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(|id| id.trim().to_string()))
        .collect();
    for id in &known {
        if !failures.iter().any(|(f, _)| f == id) {
            println!("known failure {id} now passes: take it off {known_path}");
        }
    }
    let unexpected: Vec<&str> = failures.iter().filter(|(id, _)| !known.contains(id)).map(|(_, m)| m.as_str()).collect();
    if !unexpected.is_empty() {
        panic!(
            "{} of {cases} {table} cases fail unexpectedly ({} pass, {} known failures):\n{summary}\n{}",
            unexpected.len(),
            cases - failures.len(),
            known.len(),
            unexpected.join("\n")
        );
    }
}
