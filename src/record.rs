//! The record: what khabar extracts from one article, as plain data.
//!
//! A leaf of the pipeline: extractors fill it and [`crate::emit`] writes it.
//! The field names and meanings are stable (users' scripts and the
//! evaluation's scorer read them; the README's "Output" section and
//! `schema/record.schema.json` document them); new fields are additive.
//! Spans are `[start, end)` in code points of the input as read, and every
//! `text` is exactly that slice of the input ([`Record::check_spans`]
//! verifies it).

use schemars::JsonSchema;
use serde::Serialize;

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person, named or described.
    Person,
    /// A body: a ministry, party, company, agency, court …
    Organization,
    /// A country, town, region or site.
    Location,
}

/// `[start, end)` in code points of the input.
pub type Span = [usize; 2];

/// Everything khabar extracts from one article.
#[derive(Debug, Clone, Default, Serialize, PartialEq, JsonSchema)]
pub struct Record {
    /// The input's path, `null` for standard input.
    pub file: Option<String>,
    /// Set when the input's path is not valid UTF-8: `file` then shows each
    /// bad byte as U+FFFD. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub file_lossy: bool,
    /// The `id` of a JSON Lines input item, carried over unchanged; absent
    /// for plain text inputs and items without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// `ar` when most of the letters are Arabic; otherwise `und-Latn`
    /// (mostly Latin letters) or `und`, and nothing is extracted.
    pub language: String,
    /// How the bytes were decoded, when they were not plain UTF-8: `UTF-8`
    /// (a byte-order mark was stripped), `UTF-16LE`, `UTF-16BE`, or a
    /// detected legacy encoding (`windows-1256`, `ISO-8859-6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The first line when it is a headline (short, no final stop, then a
    /// blank line or the dateline).
    pub headline: Option<String>,
    /// Place and agency of the dateline that opens the story.
    pub dateline: Option<Dateline>,
    /// The agency or outlet credited for the article, if any.
    pub source: Option<Source>,
    /// The article's main speaker: most quoted, ties broken by first mention.
    pub speaker: Option<String>,
    /// Every person or body quoted, once.
    pub speakers: Vec<Speaker>,
    /// Every quotation, direct and indirect, in text order.
    pub quotes: Vec<Quote>,
    /// The date relative dates were resolved against, and where it was
    /// taken from; `null` when none was used.
    pub reference_date: Option<ReferenceDate>,
    /// Every date mention, in text order.
    pub dates: Vec<DateMention>,
    /// Each distinct entity once, with all its mentions.
    pub entities: Vec<Entity>,
}

/// The date relative dates resolve against, and where it came from.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct ReferenceDate {
    /// `YYYY-MM-DD`.
    pub value: String,
    /// Where the date was taken from.
    pub from: ReferenceFrom,
}

/// Where a reference date came from: `--reference-date DATE`, the JSON
/// Lines item's `date`, the article's dateline or first lines, the file's
/// name, or the `DATE` of `--reference-date auto,DATE`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub enum ReferenceFrom {
    /// The date given for every input (`--reference-date DATE`).
    #[default]
    #[serde(rename = "option")]
    Option,
    /// The JSON Lines item's own `date`.
    #[serde(rename = "item")]
    Item,
    /// A full date in the article's dateline or first lines.
    #[serde(rename = "dateline")]
    Dateline,
    /// A date in the input file's name (`2015-07-24.txt`, `20150724-…`).
    #[serde(rename = "file name")]
    FileName,
    /// The `DATE` of `--reference-date auto,DATE`, when nothing else gave one.
    #[serde(rename = "fallback")]
    Fallback,
}

impl ReferenceFrom {
    /// The name the record writes.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceFrom::Option => "option",
            ReferenceFrom::Item => "item",
            ReferenceFrom::Dateline => "dateline",
            ReferenceFrom::FileName => "file name",
            ReferenceFrom::Fallback => "fallback",
        }
    }
}

/// The agency or outlet credited for the article.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Source {
    /// As written in the article.
    pub name: String,
    /// Standard Latin name (`Reuters`, `SPA`), when known.
    pub canonical: Option<String>,
    /// Where the name is written.
    pub span: Span,
}

/// `الرياض - واس`: where the story was filed and by whom.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Dateline {
    /// The place the story was filed from, as written.
    pub place: Option<String>,
    /// The agency that filed it, as written.
    pub agency: Option<String>,
    /// From the first to the last of place and agency.
    pub span: Span,
}

/// A person or body quoted in the article.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Speaker {
    /// Fullest form of the name the article gives.
    pub name: String,
    /// Title or role, as written (`وزير الخارجية الروسي`).
    pub title: Option<String>,
    /// Number of quotes attributed to this speaker.
    pub quotes: usize,
}

/// How a quotation is given.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Between quotation marks: the speaker's own words.
    Direct,
    /// Reported speech (`قال إن …`), without quotation marks.
    Indirect,
}

/// One quotation.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Quote {
    /// The quoted words only: no marks, no cue, no complementizer.
    pub text: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Resolved full name of who said it.
    pub speaker: Option<String>,
    /// The speech verb or attribution phrase that introduces it.
    pub cue: Option<String>,
    /// Where `text` is written.
    pub span: Span,
    /// Where `cue` is written.
    pub cue_span: Option<Span>,
    /// The mention of the speaker the attribution rests on (the subject,
    /// the credited name), or `null` when it rests on an earlier quote.
    pub speaker_span: Option<Span>,
    /// How the speaker was found.
    pub attribution: Attribution,
}

/// How a quote's speaker was found, so that a reader can check it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
pub enum Attribution {
    /// The subject of the cue verb (`قال الوزير إن`).
    #[serde(rename = "subject")]
    Subject,
    /// A title and the name after it (`قال وزير الخارجية سيرغي لافروف`).
    #[serde(rename = "title+name")]
    TitleName,
    /// The cue follows the quote (`"…"، قال فلان`).
    #[serde(rename = "after-quote")]
    AfterQuote,
    /// A credit phrase (`بحسب فلان`, `وفقا لـفلان`).
    #[serde(rename = "credit")]
    Credit,
    /// The verb has no subject: the speaker before, or the person the
    /// sentence is about (`وأضاف`).
    #[serde(rename = "dropped-subject")]
    DroppedSubject,
    /// A participle (`مضيفا`) takes the subject of its clause's verb.
    #[serde(rename = "participle")]
    Participle,
    /// A document speaks for its issuer (`بيان الخارجية`).
    #[serde(rename = "document")]
    Document,
    /// Relayed by an outlet from its source (`نقلت الوكالة عن فلان`).
    #[serde(rename = "relayed")]
    Relayed,
    /// No speaker was found.
    #[serde(rename = "unresolved")]
    Unresolved,
}

impl Attribution {
    /// The name the record writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Subject => "subject",
            Attribution::TitleName => "title+name",
            Attribution::AfterQuote => "after-quote",
            Attribution::Credit => "credit",
            Attribution::DroppedSubject => "dropped-subject",
            Attribution::Participle => "participle",
            Attribution::Document => "document",
            Attribution::Relayed => "relayed",
            Attribution::Unresolved => "unresolved",
        }
    }
}

/// What kind of date a mention is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A date that names its year, or needs no reference date.
    Absolute,
    /// A date that counts from another (`أمس`, `الخميس الماضي`).
    Relative,
    /// Two dates as a start and an end (`من 3 إلى 5 مايو`).
    Range,
}

/// One mention of a calendar date.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct DateMention {
    /// The date as written.
    pub text: String,
    /// ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `START/END`); `null` when
    /// the date is relative and no reference date was given.
    pub value: Option<String>,
    /// Absolute, relative or a range.
    pub kind: DateKind,
    /// Where `text` is written.
    pub span: Span,
    /// The calendar the text is written in (values are always Gregorian).
    pub calendar: DateCalendar,
    /// Whether `value` names a day, a month or a year.
    pub granularity: Granularity,
    /// What a relative date counts from: `reference_date` (the
    /// publication date given with `--reference-date`) or `previous_date`
    /// (`25 منه`, "the 25th of it"); `null` for absolute dates.
    #[schemars(schema_with = "relative_to_schema")]
    pub relative_to: Option<&'static str>,
}

/// The calendar a date is written in (values are always Gregorian).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateCalendar {
    /// Gregorian months (`مايو`, `أيار`, `كانون الثاني`).
    Gregorian,
    /// Hijri months (`رمضان`, `شوال`), converted with Umm al-Qura.
    Hijri,
}

/// How precise a date's value is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

/// A named entity with all its mentions.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Entity {
    /// Fullest clean form as it appears (no clitic, no title).
    pub text: String,
    /// Stable normalized name.
    pub canonical: String,
    /// Person, organization or location.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Latin name from the gazetteer, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin: Option<String>,
    /// Every place the entity is mentioned, in text order.
    pub mentions: Vec<Span>,
}

/// `relative_to` is one of two words, or null.
fn relative_to_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "enum": ["reference_date", "previous_date", null] })
}

/// The fields a record leaves out when they have no value; every other
/// field is always written, `null` when empty.
const FIELDS_LEFT_OUT_WHEN_EMPTY: [&str; 4] = ["file_lossy", "id", "encoding", "latin"];

/// Marks every always-written field of every object in `schema` as
/// required (schemars takes an `Option` for a field that may be absent).
fn require_present_fields(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                let required: Vec<serde_json::Value> = props.keys().filter(|k| !FIELDS_LEFT_OUT_WHEN_EMPTY.contains(&k.as_str())).map(|k| k.as_str().into()).collect();
                map.insert("required".into(), required.into());
            }
            map.values_mut().for_each(require_present_fields);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(require_present_fields),
        _ => {}
    }
}

/// The JSON Schema (draft 2020-12) of a [`Record`], as `khabar
/// --print-schema` prints it and `schema/record.schema.json` keeps it.
pub fn schema() -> String {
    let mut schema = serde_json::Value::from(schemars::schema_for!(Record));
    require_present_fields(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

impl Record {
    /// Checks that every span is within `input` and slices to its `text`.
    /// Returns the first offending field, for tests and debugging.
    pub fn check_spans(&self, input: &str) -> Result<(), String> {
        let chars: Vec<char> = input.chars().collect();
        let slice = |s: &Span| -> Option<String> {
            (s[0] <= s[1] && s[1] <= chars.len()).then(|| chars[s[0]..s[1]].iter().collect())
        };
        let check = |what: &str, span: &Span, text: &str| -> Result<(), String> {
            match slice(span) {
                Some(t) if t == text => Ok(()),
                Some(t) => Err(format!("{what}: span {span:?} slices to {t:?}, text is {text:?}")),
                None => Err(format!("{what}: span {span:?} out of bounds ({} chars)", chars.len())),
            }
        };
        if let Some(s) = &self.source {
            check("source", &s.span, &s.name)?;
        }
        for q in &self.quotes {
            check("quote", &q.span, &q.text)?;
        }
        for d in &self.dates {
            check("date", &d.span, &d.text)?;
        }
        for e in &self.entities {
            for m in &e.mentions {
                if slice(m).is_none() {
                    return Err(format!("entity {:?}: mention {m:?} out of bounds", e.text));
                }
            }
        }
        Ok(())
    }
}

