//! The start of a case-table test: its fixture file read, and panics kept
//! quiet while the cases run (each case reports its own panic).

use std::panic;

/// The text of the table at `path`; a missing table fails the test.
pub fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The panic hook that was in place before.
type PanicHook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Silences the default panic message until dropped.
pub struct QuietPanics(Option<PanicHook>);

impl QuietPanics {
    pub fn new() -> Self {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        QuietPanics(Some(default_hook))
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        if let Some(hook) = self.0.take() {
            panic::set_hook(hook);
        }
    }
}
