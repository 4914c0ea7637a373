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

/// One line of the `--errors` file, or with `--errors inline` the record
/// written in place of the failed input's.
#[derive(Serialize)]
pub struct ErrorLine<'a> {
    /// `null` for standard input, as in records.
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    error: String,
}

/// Where error lines go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorsTo {
    /// One line each on stderr.
    Stderr,
    /// JSON Lines in this file, created at the first error (so that a run
    /// without errors leaves the path alone).
    File(PathBuf),
    /// A record `{"file", "id", "error"}` on stdout in place of the failed
    /// input's, so that records and inputs stay paired (Spark's `RDD.pipe`).
    Inline,
}

pub struct Reporter {
    errors_to: ErrorsTo,
    /// The `--errors` file once an error has opened it. Its write errors
    /// are never of kind `BrokenPipe`: only a closed stdout is quiet.
    errors_file: Option<BufWriter<File>>,
    quiet: bool,
    /// Hidden until the batch has a second input.
    bar: ProgressBar,
    bar_wanted: bool,
    failed: u64,
    /// Inputs finished, and when the run began: the summary line's figures.
    finished: u64,
    started: std::time::Instant,
}

impl Reporter {
    pub fn new(errors_to: ErrorsTo, quiet: bool) -> Reporter {
        Reporter {
            errors_to,
            errors_file: None,
            quiet,
            bar: ProgressBar::hidden(),
            bar_wanted: !quiet && io::stderr().is_terminal(),
            failed: 0,
            finished: 0,
            started: std::time::Instant::now(),
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
    pub fn done(&mut self) {
        self.finished += 1;
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
    /// `--errors` file; with `--errors inline`, the line comes back for the
    /// caller to write on stdout. Only writing the file can fail.
    pub fn error<'f>(&mut self, f: &'f Failure) -> io::Result<Option<ErrorLine<'f>>> {
        self.failed += 1;
        self.bar.set_message(format!("{} failed", self.failed));
        let line = || ErrorLine { file: f.input.display_name(), line: f.line, id: f.id.as_ref(), error: f.error.to_string() };
        match &self.errors_to {
            ErrorsTo::Inline => Ok(Some(line())),
            ErrorsTo::File(path) => {
                let in_file = |e: io::Error| io::Error::other(format!("--errors {}: {e}", path.display()));
                if self.errors_file.is_none() {
                    self.errors_file = Some(BufWriter::new(File::create(path).map_err(in_file)?));
                }
                let Some(out) = self.errors_file.as_mut() else { return Ok(None) };
                serde_json::to_writer(&mut *out, &line()).map_err(io::Error::from).and_then(|()| out.write_all(b"\n")).map_err(in_file)?;
                Ok(None)
            }
            ErrorsTo::Stderr => {
                let at = f.line.map(|n| format!(":{n}")).unwrap_or_default();
                let id = f.id.as_ref().map(|id| format!(" (id {id})")).unwrap_or_default();
                self.stderr(&format!("khabar: {}{at}{id}: {}", f.input, f.error));
                Ok(None)
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

    /// A note about the whole run (`--quiet` silences it).
    pub fn run_note(&self, msg: &str) {
        if !self.quiet {
            self.stderr(&format!("khabar: note: {msg}"));
        }
    }

    /// Clears the bar, says in one line what a batch came to (on a
    /// terminal only: `412 articles, 3 failed, 9.1 s`) and flushes the
    /// `--errors` file.
    pub fn finish(self) -> io::Result<()> {
        let was_shown = !self.bar.is_hidden();
        self.bar.finish_and_clear();
        if was_shown {
            let secs = self.started.elapsed().as_secs_f64();
            let _ = writeln!(io::stderr().lock(), "khabar: {} articles, {} failed, {secs:.1} s", self.finished, self.failed);
        }
        if let (ErrorsTo::File(path), Some(mut out)) = (&self.errors_to, self.errors_file) {
            out.flush().map_err(|e| io::Error::other(format!("--errors {}: {e}", path.display())))?;
        }
        Ok(())
    }
}
