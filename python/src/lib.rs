//! `khabar._khabar`: the native part of the Python package `khabar`.
//!
//! Each function builds the CLI's record (`khabar::Analyzer::analyze`),
//! serializes it with serde_json as the CLI does, and turns the JSON into
//! Python objects with `json.loads`, so a dict equals `json.loads` of the
//! CLI's output for the same text, without `"file"`. The Rust work (analysis
//! and serialization) runs with the GIL released.

use chrono::NaiveDate;
use khabar::record::ReferenceFrom;
use khabar::{Analyzer, Options, Workspace};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// What the CLI says of a bad `--reference-date` (src/cli/mod.rs).
const BAD_DATE: &str = "expected YYYY-MM-DD (or an ISO date-time), a year from 0001 to 9999";


/// The analyzer of the process, built at the first call (the lexicons are
/// compiled into the module) and shared by every thread.
fn analyzer() -> PyResult<&'static Analyzer> {
    static ANALYZER: OnceLock<Result<Analyzer, String>> = OnceLock::new();
    ANALYZER
        .get_or_init(|| Analyzer::new().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(format!("khabar's bundled lexicons did not load: {e}")))
}

/// Whether `value` is a `datetime.date` (or a `datetime.datetime`).
fn is_date(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value.is_instance(&value.py().import("datetime")?.getattr("date")?)
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_string())
}

/// `None`, a `"YYYY-MM-DD"` string, a `datetime.date` (a
/// `datetime.datetime` gives its date), or `"auto"`/`"auto,YYYY-MM-DD"`
/// (the article's dateline first, as `--reference-date auto` reads it).
fn reference_date(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Options> {
    if value.is_none() {
        return Ok(Options::default());
    }
    if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_cow()?;
        let bad = || PyValueError::new_err(format!("invalid {what} {s:?}: {BAD_DATE}"));
        if let Some(rest) = s.strip_prefix("auto") {
            let fallback = match rest {
                "" => None,
                _ => Some(rest.strip_prefix(',').and_then(khabar::parse_reference_date).ok_or_else(bad)?),
            };
            return Ok(Options { reference_date: fallback, reference_from: ReferenceFrom::Fallback, dateline_first: true });
        }
        return khabar::parse_reference_date(&s).map(|d| Options::with_reference(Some(d))).ok_or_else(bad);
    }
    if is_date(value)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u32 = value.getattr("month")?.extract()?;
        let day: u32 = value.getattr("day")?.extract()?;
        return NaiveDate::from_ymd_opt(year, month, day)
            .map(|d| Options::with_reference(Some(d)))
            .ok_or_else(|| PyValueError::new_err(format!("invalid {what}: {year}-{month}-{day}")));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str (YYYY-MM-DD or auto), a datetime.date or None, not {}",
        type_name(value)
    )))
}

fn text_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(value)))),
    }
}

/// One record as the CLI writes it (`"file": null` here, removed later).
fn record_json(analyzer: &Analyzer, ws: &mut Workspace, text: &str, options: &Options) -> String {
    let record = analyzer.analyze(ws, text, options);
    serde_json::to_string(&record).expect("a record serializes")
}

/// `json.loads(json)` without its `"file"`.
fn to_dict<'py>(loads: &Bound<'py, PyAny>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let record = loads.call1((json,))?;
    record.del_item("file")?;
    Ok(record)
}

/// Analyzes one Arabic news article and returns its record.
///
/// text: the article (str).
/// reference_date: the publication date that relative dates (اليوم, أمس,
///     الخميس الماضي) resolve against: a "YYYY-MM-DD" string (or an ISO
///     date-time, whose date is taken), a datetime.date, or None (relative
///     dates then have "value": None). "auto": the date of the article's
///     dateline, as --reference-date auto reads it; "auto,YYYY-MM-DD" falls
///     back to that date.
///
/// Returns the CLI's JSON record as a dict (without "file"): language,
/// headline, dateline, source, speaker, speakers, quotes, reference_date, dates,
/// entities.
///
/// Raises TypeError when text is not a str or reference_date is of another
/// type, and ValueError for a bad date string.
#[pyfunction]
#[pyo3(signature = (text, reference_date = None))]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    reference_date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text, "text")?;
    let options = match reference_date {
        Some(d) => self::reference_date(d, "reference_date")?,
        None => Options::default(),
    };
    let json = py.detach(|| -> PyResult<String> {
        let analyzer = analyzer()?;
        Ok(record_json(analyzer, &mut Workspace::default(), &text, &options))
    })?;
    to_dict(&py.import("json")?.getattr("loads")?, &json)
}

/// Analyzes many articles in parallel and returns their records in order.
///
/// texts: an iterable of str.
/// reference_dates: None; one date for every text (a "YYYY-MM-DD" string or
///     a datetime.date); or an iterable with one date (or None) per text.
/// jobs: the number of threads (default: one per core).
///
/// Returns a list of dicts, record i for texts[i], each equal to
/// analyze(texts[i], reference_dates[i]). The GIL is released while the
/// articles are analyzed.
///
/// Raises TypeError for a text that is not a str (or texts that is a str),
/// ValueError for a bad date, a count of dates other than the count of
/// texts, or jobs below 1.
#[pyfunction]
#[pyo3(signature = (texts, reference_dates = None, jobs = None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    reference_dates: Option<&Bound<'py, PyAny>>,
    jobs: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("texts must be an iterable of str, not a str"));
    }
    let mut items = Vec::new();
    for (i, text) in texts.try_iter()?.enumerate() {
        items.push((text_of(&text?, &format!("texts[{i}]"))?, Options::default()));
    }
    match reference_dates {
        None => {}
        Some(d) if d.is_none() => {}
        // one date for every text
        Some(d) if d.is_instance_of::<PyString>() || is_date(d)? => {
            let date = reference_date(d, "reference_dates")?;
            items.iter_mut().for_each(|item| item.1 = date.clone());
        }
        Some(d) => {
            let mut n = 0;
            for (i, date) in d.try_iter()?.enumerate() {
                let date = reference_date(&date?, &format!("reference_dates[{i}]"))?;
                if let Some(item) = items.get_mut(i) {
                    item.1 = date;
                }
                n += 1;
            }
            if n != items.len() {
                return Err(PyValueError::new_err(format!(
                    "reference_dates has {n} dates for {} texts",
                    items.len()
                )));
            }
        }
    }
    let jobs = match jobs {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(j) if j >= 1 => usize::try_from(j).unwrap_or(usize::MAX),
        Some(j) => return Err(PyValueError::new_err(format!("jobs must be at least 1, not {j}"))),
    };
    let jsons = py.detach(|| -> PyResult<Vec<String>> { Ok(run(analyzer()?, &items, jobs)) })?;
    let loads = py.import("json")?.getattr("loads")?;
    let records = PyList::empty(py);
    for json in &jsons {
        records.append(to_dict(&loads, json)?)?;
    }
    Ok(records)
}

/// The records' JSON, in the order of `items`, from `jobs` threads that
/// take the next item as they finish one (each with its own workspace).
fn run(analyzer: &Analyzer, items: &[(String, Options)], jobs: usize) -> Vec<String> {
    let threads = jobs.min(items.len());
    if threads <= 1 {
        let mut ws = Workspace::default();
        return items.iter().map(|(text, date)| record_json(analyzer, &mut ws, text, date)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut out = vec![String::new(); items.len()];
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut ws = Workspace::default();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((text, date)) = items.get(i) else { break };
                        done.push((i, record_json(analyzer, &mut ws, text, date)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            // A panic in the analysis goes on here, and PyO3 raises it.
            let done = worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (i, json) in done {
                out[i] = json;
            }
        }
    });
    out
}

/// khabar: an Arabic news article in, one record (a dict) out.
#[pymodule]
fn _khabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
