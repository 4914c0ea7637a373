//! `--reference-date`: one date for every input, or with `auto` each
//! article's own (its dateline, a date in its file name, a fallback).

use super::input::Input;
use chrono::NaiveDate;
use khabar::record::ReferenceFrom;
use khabar::Options;
use std::borrow::Cow;

/// `--reference-date`: one date for every input, or each article's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceArg {
    /// `YYYY-MM-DD`.
    Date(NaiveDate),
    /// `auto` or `auto,YYYY-MM-DD` (the fallback).
    Auto(Option<NaiveDate>),
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    khabar::parse_reference_date(s).ok_or_else(|| "expected YYYY-MM-DD (or an ISO date-time), a year from 0001 to 9999, or auto[,YYYY-MM-DD]".to_string())
}

pub(super) fn parse_reference(s: &str) -> Result<ReferenceArg, String> {
    match s.strip_prefix("auto") {
        Some("") => Ok(ReferenceArg::Auto(None)),
        Some(rest) => match rest.strip_prefix(',') {
            Some(date) => parse_date(date).map(|d| ReferenceArg::Auto(Some(d))),
            None => parse_date(s).map(ReferenceArg::Date),
        },
        None => parse_date(s).map(ReferenceArg::Date),
    }
}

/// The base options of the run: `--reference-date DATE` for every input,
/// or, with `auto`, the dateline first and the fallback date last (an
/// input's file name and an item's `date` are read by [`options_for`]).
pub(super) fn base_options(reference: Option<ReferenceArg>) -> Options {
    match reference {
        None => Options::default(),
        Some(ReferenceArg::Date(d)) => Options::with_reference(Some(d)),
        Some(ReferenceArg::Auto(fallback)) => {
            Options { reference_date: fallback, reference_from: ReferenceFrom::Fallback, dateline_first: true }
        }
    }
}

/// The options of one input: a JSON Lines item's own `date` first; with
/// `auto`, a date in the file's name before the fallback.
pub(super) fn options_for<'o>(base: &'o Options, item_date: Option<NaiveDate>, input: &Input) -> Cow<'o, Options> {
    if let Some(d) = item_date {
        return Cow::Owned(Options { reference_date: Some(d), reference_from: ReferenceFrom::Item, dateline_first: false });
    }
    if base.dateline_first {
        if let Some(d) = input.display_name().as_deref().and_then(khabar::date_in_file_name) {
            return Cow::Owned(Options { reference_date: Some(d), reference_from: ReferenceFrom::FileName, dateline_first: true });
        }
    }
    Cow::Borrowed(base)
}

