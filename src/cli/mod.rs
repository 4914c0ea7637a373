//! The command line: a clap struct turned into a validated [`Config`], then
//! `run` → exit code (the shape of ripgrep's `main`).
//!
//! Exit status: 0 when every input gave a record, 1 when any input failed
//! (the others are still analyzed and printed), 2 for bad usage.

pub mod input;

use crate::emit::{Format, Sink};
use crate::{Analyzer, Options, Workspace};
use chrono::NaiveDate;
use clap::Parser;
use input::{Input, InputError};
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  Pipe one article in, get one JSON record out:
    cat article.txt | khabar --reference-date 2017-06-19

  A folder (walked recursively, sorted; its .txt files), one JSON line per article:
    khabar --format jsonl articles/ > records.jsonl

  In a script, with the exit status checked:
    for f in *.txt; do khabar --format json \"$f\" | jq -r '.source.canonical'; done
    khabar corpus/ > out.jsonl || echo \"some articles failed; see stderr\"

Exit status: 0 all inputs analyzed, 1 some input failed (the rest are still
printed), 2 bad usage.";

/// khabar: Arabic news article → speaker, quotes, dates, entities and source as JSON.
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Articles to analyze: files, directories (walked recursively), or `-`
    /// for standard input (the default when no path is given).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format. Default: json for one input, jsonl for several.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Publication date that relative dates (اليوم، أمس، الخميس الماضي) are
    /// resolved against; without it they have `value: null`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,

    /// Number of articles analyzed in parallel (default: all cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// File extension taken when walking a directory (empty: every file).
    #[arg(long, value_name = "EXT", default_value = "txt")]
    pub extension: String,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// What a run does, validated.
#[derive(Debug)]
pub struct Config {
    pub inputs: Vec<(Input, Option<InputError>)>,
    pub format: Format,
    pub many: bool,
    pub options: Options,
    pub jobs: usize,
}

impl Config {
    pub fn from_args(args: Args) -> Config {
        let inputs = input::expand(&args.paths, &args.extension);
        // several inputs whenever more than one path or any directory was given
        let many = inputs.len() > 1 || args.paths.iter().any(|p| p.is_dir());
        let format = args.format.unwrap_or(if many { Format::Jsonl } else { Format::Json });
        let jobs = args.jobs.map(usize::from).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Config { inputs, format, many, options: Options { reference_date: args.reference_date }, jobs }
    }
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
    match run(Config::from_args(args)) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("khabar: {e}");
            2
        }
    }
}

/// Analyzes every input and writes the records in input order. Inputs are
/// processed in parallel in bounded chunks, so memory does not grow with
/// the number of files.
pub fn run(config: Config) -> io::Result<i32> {
    let analyzer = match Analyzer::new() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("khabar: bad bundled data: {e}");
            return Ok(2);
        }
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(config.jobs).build().map_err(io::Error::other)?;
    let stdout = io::stdout();
    let mut sink = Sink::new(io::BufWriter::new(stdout.lock()), config.format, config.many);
    let mut failed = false;
    let chunk = (config.jobs * 16).max(16);
    let mut inputs = config.inputs;
    let mut rest = inputs.drain(..).collect::<Vec<_>>();
    while !rest.is_empty() {
        let tail = rest.split_off(chunk.min(rest.len()));
        let batch = std::mem::replace(&mut rest, tail);
        let results: Vec<(Input, Result<crate::emit::Record, InputError>)> = pool.install(|| {
            batch
                .into_par_iter()
                .map_init(Workspace::default, |ws, (input, early)| {
                    let result = match early {
                        Some(err) => Err(err),
                        None => input::read(&input).map(|text| {
                            let mut record = analyzer.analyze(ws, &text, &config.options);
                            record.file = input.display_name();
                            record
                        }),
                    };
                    (input, result)
                })
                .collect()
        });
        for (input, result) in results {
            match result {
                Ok(record) => sink.write(&record)?,
                Err(err) => {
                    failed = true;
                    let mut stderr = io::stderr().lock();
                    let _ = writeln!(stderr, "khabar: {input}: {err}");
                }
            }
        }
    }
    sink.finish()?;
    Ok(if failed { 1 } else { 0 })
}
