//! The command line: a clap struct turned into a validated [`Config`], then
//! `run` → exit code (the shape of ripgrep's `main`).
//!
//! Exit status: 0 when every input gave a record, 1 when any input failed
//! (the others are still analyzed and printed), 2 for bad usage. A closed
//! stdout (`khabar dir | head -1`) ends the run quietly with 0.

pub mod decode;
pub mod input;
pub mod jobs;
pub mod reference;
pub mod report;

use khabar::emit::{Article, Format, Sink};
use khabar::record::Record;
use reference::{base_options, options_for, parse_reference, ReferenceArg};
use khabar::{Analyzer, Options, Workspace};
use chrono::NaiveDate;
use clap::Parser;
use input::{Extensions, Input, InputError, Inputs, PathList};
use jobs::{InputFormat, Job, Jobs};
use report::{ErrorsTo, Failure, Reporter};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;

const EXAMPLES: &str = "\
Examples:
  Pipe one article in, get one JSON record out (a terminal gets a summary instead):
    cat article.txt | khabar --reference-date 2017-06-19 > record.json

  A folder (walked recursively, sorted; its .txt files), one JSON line per article:
    khabar --format jsonl articles/ > records.jsonl
    find corpus -name '*.txt' | khabar --files-from - > records.jsonl

  JSON Lines in and out ({\"id\", \"text\", \"date\"} per line), as a streaming mapper:
    khabar --input jsonl < items.jsonl > records.jsonl

  A report to open in a browser, or a summary to read (the default on a terminal):
    khabar --reference-date 2017-06-19 --format html article.txt > report.html
    khabar --format text articles/ | less

  In a script, with the exit status checked:
    for f in *.txt; do khabar --format json \"$f\" | jq -r '.source.canonical'; done
    khabar --errors failed.jsonl corpus/ > out.jsonl || echo \"some articles failed\"

Exit status: 0 all inputs analyzed, 1 some input failed (the rest are still
printed), 2 bad usage.";

/// khabar: Arabic news article → speaker, quotes, dates, entities and source as JSON.
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Articles to analyze: files, directories (walked recursively), or `-`
    /// for standard input (the default when no path and no --files-from is given).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Also analyze the paths listed in FILE, one per line (`-`: read the
    /// list from standard input). They come after the PATH arguments.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The --files-from list is NUL-separated (as `find -print0` writes it).
    #[arg(long, short = '0', requires = "files_from")]
    pub null: bool,

    /// How inputs are read: `text`, one article per input; `jsonl`, one
    /// {"id", "text", "date"} object per line, each giving one record.
    #[arg(long, value_enum, value_name = "KIND", default_value = "text")]
    pub input: InputFormat,

    /// Output format. Default: text when stdout is a terminal; otherwise
    /// json for one input, jsonl for several.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// Publication date that relative dates (اليوم، أمس، الخميس الماضي) are
    /// resolved against (a date, or an ISO date-time whose date is taken;
    /// years 0001-9999); without it they have `value: null`. `auto`: each
    /// article's own, from its dateline or first lines, else from a date in
    /// the file's name (`2015-07-24.txt`, `20150724-…`), else none;
    /// `auto,DATE` falls back to DATE. A JSON Lines item's `date` comes first.
    #[arg(long, value_name = "YYYY-MM-DD|auto[,YYYY-MM-DD]", value_parser = parse_reference)]
    pub reference_date: Option<ReferenceArg>,

    /// Number of articles analyzed in parallel (default: all cores; at most
    /// 16 per core, past which threads only wait for each other).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// File extension taken when walking a directory (`txt` and `.txt` are
    /// the same; give it several times for several; empty: every file).
    /// Default: txt, or jsonl with --input jsonl.
    #[arg(long, value_name = "EXT")]
    pub extension: Vec<String>,

    /// Write error lines to FILE as JSON Lines ({"file", "error"}, plus
    /// "line" and "id" for JSON Lines inputs) instead of to stderr; the
    /// file is created at the first error. `inline`: write each error as
    /// such a record on stdout, in place of the input's record.
    #[arg(long, value_name = "FILE|inline")]
    pub errors: Option<PathBuf>,

    /// Largest input (or JSON Lines line) read, in bytes, with an optional
    /// K, M or G suffix (powers of 1024); 0: no limit. Larger inputs fail
    /// with an error and the batch goes on.
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// No progress bar and no notes; errors are still reported.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Also walk hidden files and directories (names starting with `.`,
    /// such as `.git`), which a walk skips by default.
    #[arg(long)]
    pub hidden: bool,

    /// Print the JSON Schema (draft 2020-12) of the records and exit.
    #[arg(long, exclusive = true)]
    pub print_schema: bool,

    /// Print a completion script for SHELL and exit (bash, zsh, fish,
    /// elvish, powershell): `khabar --completions bash > /etc/bash_completion.d/khabar`.
    #[arg(long, value_name = "SHELL", exclusive = true)]
    pub completions: Option<clap_complete::Shell>,

    /// Print the man page (roff) and exit: `khabar --man > khabar.1`.
    #[arg(long, exclusive = true)]
    pub man: bool,
}

/// The values of `--format`: the library's [`Format`]s, as the command
/// line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// One JSON object for one input; a JSON array for several.
    Json,
    /// One JSON object per line, one line per input.
    Jsonl,
    /// Indented JSON for reading: an object, or an array for several inputs.
    Pretty,
    /// One self-contained HTML page: the articles with their quotes, dates
    /// and entities marked, and a panel beside each (`> report.html`).
    Html,
    /// A short summary per article, for reading at a terminal (coloured
    /// there, unless NO_COLOR is set).
    Text,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Pretty => Format::Pretty,
            FormatArg::Html => Format::Html,
            FormatArg::Text => Format::Text,
        }
    }
}

/// `--max-bytes`: the default is far above any news article (the longest
/// of 8,042 real ones is under 100 KB), yet it keeps one input's analysis
/// (about 9 bytes of memory a byte of text) within a few GB.
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, unit) = match s.char_indices().last() {
        Some((at, c)) if c.is_ascii_alphabetic() => (&s[..at], c.to_ascii_uppercase()),
        _ => (s, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err("expected a number of bytes, with an optional K, M or G".into()),
    };
    let n: u64 = digits.trim().parse().map_err(|_| "expected a number of bytes, with an optional K, M or G".to_string())?;
    n.checked_mul(1 << shift).ok_or_else(|| "too large".to_string())
}

/// `--jobs` above this many per core only adds threads that wait.
const MAX_JOBS_PER_CORE: usize = 16;

/// What a run does, validated.
pub struct Config {
    /// Inputs are only standard input, and it is a terminal: say so.
    pub stdin_is_terminal: bool,
    /// The work, in input order, produced lazily.
    pub jobs_in_order: Jobs,
    pub format: Format,
    /// The text view is coloured (stdout is a terminal, and no NO_COLOR).
    pub color: bool,
    /// Several records may come out: frame json as an array, show progress.
    pub many: bool,
    pub options: Options,
    pub jobs: usize,
    /// Where error lines go.
    pub errors: ErrorsTo,
    pub quiet: bool,
    /// `--max-bytes`.
    pub max_bytes: u64,
    /// The walk's extensions, as a note names them.
    pub extensions: String,
}

impl Config {
    /// Validates the arguments and opens the files they name; the error is
    /// a usage error (exit status 2).
    pub fn from_args(args: Args) -> Result<Config, String> {
        let stdin_paths = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
        let list_on_stdin = args.files_from.as_ref().is_some_and(|p| p.as_os_str() == "-");
        if stdin_paths > 1 || (stdin_paths == 1 && list_on_stdin) {
            return Err("standard input can be read only once (`-` given twice, or with --files-from -)".into());
        }
        let list = match &args.files_from {
            Some(p) => Some(PathList::open(p, args.null).map_err(|e| format!("--files-from {}: {e}", p.display()))?),
            None => None,
        };
        let default_extension = if args.input == InputFormat::Jsonl { "jsonl" } else { "txt" };
        let extensions = if args.extension.is_empty() { Extensions::new(&[default_extension.to_string()]) } else { Extensions::new(&args.extension) };
        let errors = match &args.errors {
            Some(p) if p.as_os_str() == "inline" => ErrorsTo::Inline,
            Some(p) => {
                refuse_errors_file_among_inputs(p, &args.paths, &extensions)?;
                // created at the first error; a folder that is not there is
                // a mistake better told now
                let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
                if !parent.is_dir() {
                    return Err(format!("--errors {}: no directory {}", p.display(), parent.display()));
                }
                ErrorsTo::File(p.clone())
            }
            None => ErrorsTo::Stderr,
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if let Some(j) = args.jobs.map(usize::from).filter(|&j| j > MAX_JOBS_PER_CORE * cores) {
            return Err(format!("--jobs {j}: at most {} on this machine ({MAX_JOBS_PER_CORE} per core, {cores} cores)", MAX_JOBS_PER_CORE * cores));
        }
        // Several records whenever there can be: known before any is read,
        // since the inputs are streamed.
        let many = args.paths.len() > 1
            || args.paths.iter().any(|p| p.is_dir())
            || list.is_some()
            || args.input == InputFormat::Jsonl;
        // A person at a terminal gets the summary; anything else (a pipe, a
        // file) gets JSON, as it always has.
        let stdout_is_terminal = io::stdout().is_terminal();
        let format = args.format.map(Format::from).unwrap_or(if stdout_is_terminal {
            Format::Text
        } else if many {
            Format::Jsonl
        } else {
            Format::Json
        });
        let color = format == Format::Text && stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let jobs = args.jobs.map(usize::from).unwrap_or(cores);
        let stdin_is_terminal = args.paths.iter().all(|p| p.as_os_str() == "-") && list.is_none() && io::stdin().is_terminal();
        let errors_file = match &errors {
            ErrorsTo::File(p) => Some(p.clone()),
            _ => None,
        };
        let extensions_named = extensions.describe();
        let inputs = Inputs::new(args.paths, list, extensions, errors_file, args.hidden);
        Ok(Config {
            stdin_is_terminal,
            jobs_in_order: Jobs::new(inputs, args.input, args.max_bytes),
            format,
            color,
            many,
            options: base_options(args.reference_date),
            jobs,
            errors,
            quiet: args.quiet,
            max_bytes: args.max_bytes,
            extensions: extensions_named,
        })
    }
}

/// `--errors FILE` must not be an input: writing it would destroy one.
/// (A file listed by `--files-from` is refused when it comes up.)
fn refuse_errors_file_among_inputs(errors: &std::path::Path, paths: &[PathBuf], extensions: &Extensions) -> Result<(), String> {
    let refuse = || Err(format!("--errors {}: this file is also an input; choose another file", errors.display()));
    for p in paths {
        if input::same_file(errors, p) {
            return refuse();
        }
        // a file that a walked directory would take, existing or not yet
        let errors_dir = errors.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        let inside = match (std::fs::canonicalize(errors_dir), std::fs::canonicalize(p)) {
            (Ok(e), Ok(p)) => p.is_dir() && e.starts_with(&p),
            _ => false,
        };
        if inside && extensions.matches(errors) {
            return refuse();
        }
    }
    Ok(())
}

/// What `--print-schema`, `--completions` and `--man` print instead of a
/// run, if one of them is given.
fn information(args: &Args) -> Option<Vec<u8>> {
    use clap::CommandFactory;
    if args.print_schema {
        return Some(khabar::record::schema().into_bytes());
    }
    let mut out = Vec::new();
    if let Some(shell) = args.completions {
        clap_complete::generate(shell, &mut Args::command(), "khabar", &mut out);
        return Some(out);
    }
    if args.man {
        clap_mangen::Man::new(Args::command()).render(&mut out).ok()?;
        return Some(out);
    }
    None
}

/// Entry point of the binary; returns the exit status.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if let Some(text) = information(&args) {
        return match io::stdout().write_all(&text) {
            Ok(()) => 0,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(io::stderr(), "khabar: {e}");
                2
            }
        };
    }
    let config = match Config::from_args(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(io::stderr(), "khabar: {e}");
            return 2;
        }
    };
    match run(config) {
        Ok(code) => code,
        // stdout closed by the reader (`| head`): it has all it wanted
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(io::stderr(), "khabar: {e}");
            2
        }
    }
}

/// What became of one job.
enum Outcome {
    /// A record (boxed: it dwarfs a failure), and perhaps a note about its
    /// input; with the article, when the format shows it.
    Record { record: Box<Record>, article: Option<Box<Kept>>, note: Option<(Input, String)> },
    Failed(Failure),
}

/// What a job needs besides its input: the options, and whether the
/// format shows the article (then its text is kept until it is written).
struct Run {
    options: Options,
    keep_text: bool,
}

/// The article a record was made from, kept for the HTML report.
struct Kept {
    text: String,
    reference_date: Option<NaiveDate>,
}

thread_local! {
    /// Each worker thread's buffers, reused from one article to the next.
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::default());
}

/// Articles handed to a pool thread at a time with `--jobs` above 1: few
/// enough that the first records come out at once and memory stays small
/// (`4 × jobs` batches in flight), enough to make the hand-offs rare.
const BATCH: usize = 8;

/// Analyzes every input and writes the records in input order, streaming:
/// the main thread reads the jobs and hands them to the pool in batches
/// of [`BATCH`], at most `4 × jobs` batches at a time, and writes each
/// finished batch as soon as all those before it are written (a reorder
/// buffer), so memory stays bounded however many inputs there are.
pub fn run(config: Config) -> io::Result<i32> {
    let analyzer = match Analyzer::new() {
        Ok(a) => a,
        Err(e) => {
            let _ = writeln!(io::stderr(), "khabar: bad bundled data: {e}");
            return Ok(2);
        }
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(config.jobs).build().map_err(io::Error::other)?;
    let stdout = io::stdout();
    let mut sink = Sink::new(io::BufWriter::with_capacity(1 << 16, stdout.lock()), config.format, config.many).color(config.color);
    let mut reporter = Reporter::new(config.errors, config.quiet);
    if config.stdin_is_terminal {
        reporter.run_note("reading one article from standard input (end it with Ctrl-D; `khabar --help` for usage)");
    }
    let max_bytes = config.max_bytes;
    let window = config.jobs * 4;
    let options = &Run { options: config.options.clone(), keep_text: config.format.uses_article() };
    let analyzer = &analyzer;
    let mut jobs = config.jobs_in_order;

    let result = if config.jobs == 1 {
        run_here(&mut jobs, analyzer, options, max_bytes, &mut sink, &mut reporter)
    } else {
        run_pooled(&pool, window, &mut jobs, analyzer, options, max_bytes, &mut sink, &mut reporter)
    };
    for special in &jobs.inputs.special_files {
        reporter.run_note(&format!("{}: not a regular file (a FIFO, socket or device), skipped while walking", Input::File(special.clone())));
    }
    for dir in &jobs.inputs.empty_dirs {
        reporter.run_note(&format!("{}: no file with the extension {} in this directory", Input::File(dir.clone()), config.extensions));
    }
    let finished = result.and_then(|()| sink.finish().map(drop));
    let failed = reporter.failed();
    reporter.finish()?;
    finished?;
    Ok(if failed { 1 } else { 0 })
}

/// One job at a time: analyzed right here, without handing each article to
/// a pool thread and its result back (two thread wake-ups per article, a
/// measurable share of a run of short articles).
fn run_here<W: Write>(jobs: &mut Jobs, analyzer: &Analyzer, options: &Run, max_bytes: u64, sink: &mut Sink<W>, reporter: &mut Reporter) -> io::Result<()> {
    let mut issued = 0u64;
    jobs.try_for_each(|job| {
        issued += 1;
        if issued == 2 {
            reporter.batch();
        }
        write_outcome(process(job, analyzer, options, max_bytes), sink, reporter)
    })
}

/// Jobs go to the pool in batches of [`BATCH`], at most `window` batches
/// in flight; finished batches are written in input order.
#[allow(clippy::too_many_arguments)]
fn run_pooled<W: Write>(
    pool: &rayon::ThreadPool,
    window: usize,
    jobs: &mut Jobs,
    analyzer: &Analyzer,
    options: &Run,
    max_bytes: u64,
    sink: &mut Sink<W>,
    reporter: &mut Reporter,
) -> io::Result<()> {
    pool.in_place_scope(|scope| -> io::Result<()> {
        // Articles go to the pool in batches: one hand-off and one
        // message per batch rather than per article, whose thread
        // wake-ups cost as much kernel time as reading the files.
        let (tx, rx) = mpsc::channel::<(u64, Vec<Outcome>)>();
        let mut pending = BTreeMap::new();
        let (mut issued, mut written, mut exhausted) = (0u64, 0u64, false);
        let mut jobs_seen = 0u64;
        loop {
            while !exhausted && issued - written < window as u64 {
                let batch: Vec<Job> = jobs.by_ref().take(BATCH).collect();
                if batch.len() < BATCH {
                    exhausted = true;
                }
                if batch.is_empty() {
                    break;
                }
                let before = jobs_seen;
                jobs_seen += batch.len() as u64;
                if before < 2 && jobs_seen >= 2 {
                    reporter.batch();
                }
                let (tx, seq) = (tx.clone(), issued);
                scope.spawn(move |_| {
                    let outcomes = batch.into_iter().map(|job| process(job, analyzer, options, max_bytes)).collect();
                    let _ = tx.send((seq, outcomes));
                });
                issued += 1;
            }
            if written == issued {
                return Ok(());
            }
            // every spawned batch sends exactly once (panics are caught)
            let (seq, outcomes) = rx.recv().map_err(io::Error::other)?;
            pending.insert(seq, outcomes);
            while let Some(outcomes) = pending.remove(&written) {
                for outcome in outcomes {
                    write_outcome(outcome, sink, reporter)?;
                }
                written += 1;
            }
        }
    })
}

/// Writes one job's record, or reports its failure.
fn write_outcome<W: Write>(outcome: Outcome, sink: &mut Sink<W>, reporter: &mut Reporter) -> io::Result<()> {
    match outcome {
        Outcome::Record { record, article, note } => {
            match article {
                Some(kept) => sink.write_article(&record, &Article { text: &kept.text, reference_date: kept.reference_date })?,
                None => sink.write(&record)?,
            }
            if let Some((input, note)) = note {
                reporter.note(&input, &note);
            }
        }
        Outcome::Failed(f) => {
            if let Some(line) = reporter.error(&f)? {
                sink.write_value(&line)?;
            }
        }
    }
    reporter.done();
    Ok(())
}

/// Runs one job on a worker thread.
fn process(job: Job, analyzer: &Analyzer, run: &Run, max_bytes: u64) -> Outcome {
    let options = &run.options;
    match job {
        Job::Failed { input, line, error } => Outcome::Failed(Failure { input, line, id: None, error }),
        Job::Text(input) => {
            let bytes = match decode::read(&input, max_bytes) {
                Ok(bytes) => bytes,
                Err(error) => return Outcome::Failed(Failure { input, line: None, id: None, error }),
            };
            let decoded = match decode::decode(&bytes) {
                Ok(d) => d,
                Err(error) => return Outcome::Failed(Failure { input, line: None, id: None, error }),
            };
            let mut record = match analyze(analyzer, &decoded.text, &options_for(options, None, &input)) {
                Some(r) => r,
                None => return Outcome::Failed(Failure { input, line: None, id: None, error: InputError::Panic }),
            };
            record.file = input.display_name();
            record.file_lossy = input.is_lossy();
            record.encoding = decoded.encoding.map(str::to_string);
            let mut note = None;
            if let (Some(offset), Some(encoding)) = (decoded.guessed_at, decoded.encoding) {
                if record.language != "ar" {
                    let error = InputError::NotArabicText { offset, encoding };
                    return Outcome::Failed(Failure { input, line: None, id: None, error });
                }
                note = Some((input, format!("not UTF-8; decoded as {encoding} (detected)")));
            }
            let article = run.keep_text.then(|| Box::new(Kept { text: decoded.text.into_owned(), reference_date: options.reference_date }));
            Outcome::Record { record: Box::new(record), article, note }
        }
        Job::Line { input, line, bytes } => {
            let item = match jobs::parse_item(&bytes) {
                Ok(item) => item,
                Err((id, error)) => return Outcome::Failed(Failure { input, line: Some(line), id, error }),
            };
            let options = options_for(options, item.date, &input);
            let Some(mut record) = analyze(analyzer, &item.text, &options) else {
                return Outcome::Failed(Failure { input, line: Some(line), id: item.id, error: InputError::Panic });
            };
            record.file = input.display_name();
            record.file_lossy = input.is_lossy();
            record.id = item.id;
            let article = run.keep_text.then(|| Box::new(Kept { text: item.text, reference_date: options.reference_date }));
            Outcome::Record { record: Box::new(record), article, note: None }
        }
    }
}

/// Analyzes one text with this thread's workspace. A panic is caught so
/// that it costs one error line, not the batch.
fn analyze(analyzer: &Analyzer, text: &str, options: &Options) -> Option<Record> {
    WORKSPACE.with(|ws| {
        let result = catch_unwind(AssertUnwindSafe(|| analyzer.analyze(&mut ws.borrow_mut(), text, options)));
        if result.is_err() {
            // the buffers may be half-updated: start the next text afresh
            *ws.borrow_mut() = Workspace::default();
        }
        result.ok()
    })
}
