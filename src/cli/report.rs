//! Everything said besides the records: one error line per failed input
//! (on stderr, or as JSON Lines in the `--errors` file), notes, and the
//! progress bar. Records themselves go through [`khabar::emit::Sink`].

use super::input::{Input, InputError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

/// An input, or one JSON Lines item, that yields no record.
#[derive(Debug)]
pub struct Failure {
    pub input: Input,
    /// The line of a JSON Lines input.
    pub line: Option<u64>,
    /// The item's `id`, when it could be read.
    pub id: Option<Value>,
    pub error: InputError,
}

/// One line of the `--errors` file.
#[derive(Serialize)]
struct ErrorLine<'a> {
    /// `null` for standard input, as in records.
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: String,
}

pub struct Reporter {
    /// `--errors FILE`: error lines go there instead of stderr. Its write
    /// errors are never of kind `BrokenPipe`: only a closed stdout is quiet.
    errors: Option<(PathBuf, BufWriter<File>)>,
    quiet: bool,
    /// Hidden until the batch has a second input.
    bar: ProgressBar,
    bar_wanted: bool,
    failed: u64,
}

impl Reporter {
    pub fn new(errors: Option<(PathBuf, File)>, quiet: bool) -> Reporter {
        Reporter {
            errors: errors.map(|(path, file)| (path, BufWriter::new(file))),
            quiet,
            bar: ProgressBar::hidden(),
            bar_wanted: !quiet && io::stderr().is_terminal(),
            failed: 0,
        }
    }

    /// Called once the batch is known to have more than one input: a
    /// progress bar is for batches, and only for a person watching.
    pub fn batch(&mut self) {
        if self.bar_wanted && self.bar.is_hidden() {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} {pos} done, {msg} [{elapsed}, {per_sec}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            self.bar.set_style(style);
            self.bar.set_message("0 failed");
            self.bar.enable_steady_tick(Duration::from_millis(200));
        }
    }

    /// One input finished, with a record or an error line.
    pub fn done(&self) {
        // a bar never shown needs no count (and a hidden bar's count
        // costs hundreds of instructions an input)
        if self.bar_wanted {
            self.bar.inc(1);
        }
    }

    pub fn failed(&self) -> bool {
        self.failed > 0
    }

    /// Reports a failed input: one line on stderr, or one JSON line in the
    /// `--errors` file. Only writing that file can fail.
    pub fn error(&mut self, f: &Failure) -> io::Result<()> {
        self.failed += 1;
        self.bar.set_message(format!("{} failed", self.failed));
        match &mut self.errors {
            Some((path, out)) => {
                let line = ErrorLine { file: f.input.display_name(), line: f.line, id: f.id.as_ref(), error: f.error.to_string() };
                serde_json::to_writer(&mut *out, &line)
                    .map_err(io::Error::from)
                    .and_then(|()| out.write_all(b"\n")).map_err(|e| io::Error::other(format!("--errors {}: {e}", path.display())))
            }
            None => {
                let at = f.line.map(|n| format!(":{n}")).unwrap_or_default();
                let id = f.id.as_ref().map(|id| format!(" (id {id})")).unwrap_or_default();
                self.stderr(&format!("khabar: {}{at}{id}: {}", f.input, f.error));
                Ok(())
            }
        }
    }

    /// A note that is not an error (such as a guessed encoding); `--quiet`
    /// silences it.
    pub fn note(&self, input: &Input, msg: &str) {
        if !self.quiet {
            self.stderr(&format!("khabar: {input}: note: {msg}"));
        }
    }

    fn stderr(&self, line: &str) {
        // never panic over a closed stderr, as eprintln! would
        self.bar.suspend(|| {
            let _ = writeln!(io::stderr().lock(), "{line}");
        });
    }

    /// Clears the bar and flushes the `--errors` file.
    pub fn finish(self) -> io::Result<()> {
        self.bar.finish_and_clear();
        if let Some((path, mut out)) = self.errors {
            out.flush().map_err(|e| io::Error::other(format!("--errors {}: {e}", path.display())))?;
        }
        Ok(())
    }
}
