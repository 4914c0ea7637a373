//! Dates: every mention of a calendar date, resolved to ISO 8601.
//!
//! Token patterns, tried at each word:
//! - day (number or ordinal word), optional range, optional `من`, month
//!   (any naming system, paired forms `تموز/يوليو`), optional year and
//!   `الماضي`/`المقبل`;
//! - month alone with a year, a modifier or a cue (`شهر`, `في`, `مطلع`);
//! - years after a cue (`عام 2015`, `في 2011`, `1436 هـ`); a four-digit
//!   number without a cue (`القرار 2254`) is not a year;
//! - numeric dates (`10/7/2018`, `١٢/١٠/١٤٣٦ه`, `2018-07-10`), day first;
//! - relative words (`اليوم`, `أمس`, `غدا`, `أول أمس`, `بعد غد`) with an
//!   optional weekday, weekdays (`يوم الخميس`, `الأحد المقبل`), and
//!   `الشهر الماضي`, `العام المقبل`, `هذا العام`.
//!
//! Relative dates resolve against the reference date; without one their
//! value is `null`. Hijri dates are converted with the Umm al-Qura calendar.

use super::doc::{Doc, TokenLex};
use super::numbers;
use crate::record::{DateCalendar, DateKind, DateMention, Granularity};
use crate::lexicon::{keys, Calendar, MonthInfo, PhraseSet, WordId, NO_WORD};
use crate::tokenizer::{has_chars, Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};
use std::borrow::Cow;
use std::cell::Cell;

/// A resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    DayRange(NaiveDate, NaiveDate),
    MonthRange((i32, u32), (i32, u32)),
    YearRange(i32, i32),
}

impl Value {
    fn granularity(self) -> Granularity {
        match self {
            Value::Day(_) | Value::DayRange(..) => Granularity::Day,
            Value::Month(..) | Value::MonthRange(..) => Granularity::Month,
            Value::Year(_) | Value::YearRange(..) => Granularity::Year,
        }
    }

    /// The ISO 8601 text of the value: `2018-07-10`, `2018-07`, `2018`, and
    /// two of them joined by `/` for a range. (Written digit by digit: the
    /// formatting machinery of `format!` costs several times as much.)
    fn iso(self) -> String {
        let mut out = String::with_capacity(21);
        match self {
            Value::Day(d) => push_day(&mut out, d),
            Value::Month(y, m) => push_month(&mut out, y, m),
            Value::Year(y) => push_padded(&mut out, y, 4),
            Value::DayRange(a, b) => {
                push_day(&mut out, a);
                out.push('/');
                push_day(&mut out, b);
            }
            Value::YearRange(a, b) => {
                push_padded(&mut out, a, 4);
                out.push('/');
                push_padded(&mut out, b, 4);
            }
            Value::MonthRange((y1, m1), (y2, m2)) => {
                push_month(&mut out, y1, m1);
                out.push('/');
                push_month(&mut out, y2, m2);
            }
        }
        out
    }
}

/// `n` with leading zeros to `width` digits, as `{n:0width$}` writes it.
fn push_padded(out: &mut String, n: impl Into<i64>, width: u32) {
    let n: i64 = n.into();
    if !(0..10i64.pow(width)).contains(&n) {
        // (a sign or more digits: not in a news date, but written alike)
        use std::fmt::Write;
        let _ = write!(out, "{n:0w$}", w = width as usize);
        return;
    }
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10i64.pow(place) % 10) as u8));
    }
}

/// `YYYY-MM`, as `{y:04}-{m:02}` writes it.
fn push_month(out: &mut String, y: i32, m: u32) {
    push_padded(out, y, 4);
    out.push('-');
    push_padded(out, m, 2);
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it.
fn push_day(out: &mut String, d: NaiveDate) {
    if !(0..=9999).contains(&d.year()) {
        // chrono signs a year of five digits (`+10000`)
        use std::fmt::Write;
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        return;
    }
    push_month(out, d.year(), d.month());
    out.push('-');
    push_padded(out, d.day(), 2);
}

/// The patterns a token can begin, as far as its key and lexicon ids tell
/// (a number's own patterns aside): what each pattern checks first. A test
/// may let through a token its pattern then rejects, never the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Openers {
    /// `من`, `بين`, `ما`: a day-first date or range whose day comes next.
    range: bool,
    /// The first word of an ordinal (a day in words).
    ordinal: bool,
    month: bool,
    relative_word: bool,
    period: bool,
    nth_weekday: bool,
    week_weekday: bool,
    holiday: bool,
    weekday: bool,
    offset: bool,
    year: bool,
    /// `في`: of the year patterns only a year in words can follow it.
    year_in_words_only: bool,
    /// What [`DateScanner::key_np`] strips from the key: bytes and code
    /// points (`None` when it rewrites `لل` as `ال`). The patterns tried at
    /// a cue word ask for it again and again.
    np_strip: Option<(u8, u8)>,
}

impl Openers {
    /// A token that opens no word pattern and has no clitic: a number.
    const NONE: Openers = Openers {
        range: false,
        ordinal: false,
        month: false,
        relative_word: false,
        period: false,
        nth_weekday: false,
        week_weekday: false,
        holiday: false,
        weekday: false,
        offset: false,
        year: false,
        year_in_words_only: false,
        np_strip: Some((0, 0)),
    };
}

/// A day of the month read at a token: (day, last token, prefix chars,
/// is_ordinal).
type Day = (u32, usize, u8, bool);

/// A date found: its tokens and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    first: usize,
    last: usize,
    prefix_chars: u8,
    /// `None`: relative and no reference date (or unresolvable).
    value: Option<Value>,
    kind: DateKind,
}

/// Direction a relative expression points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// `الماضي`: strictly before the reference date.
    Past,
    /// A past-tense clause: the most recent such day, today included.
    PastOrToday,
    /// A future-tense clause: the next such day, today included.
    FutureOrToday,
    Future,
    Current,
    Nearest,
}

/// Slots of [`Memo`]: a power of two, well above the distinct cue words of
/// a run (`في`, `من`, `عام`, ... and their clitic forms).
const OPENER_SLOTS: usize = 1024;

/// State of the date extractor kept from one text to the next (one per
/// thread, in the [`crate::Workspace`]): the [`Openers`] of cue words by
/// whole-word id, in a direct-mapped cache. They follow from the word alone
/// and every text repeats the same few cue words, so a text seldom computes
/// them; a slot taken by another word is computed again, never wrong.
pub struct Memo {
    openers: Box<[Cell<(WordId, Openers)>]>,
    /// The same for cue words outside the vocabulary (`وبعد`, `بعام`), by
    /// key: their lexicon ids, and so their openers, follow from the key.
    openers_by_key: Box<[Cell<(MemoKey, Openers)>]>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            openers: (0..OPENER_SLOTS).map(|_| Cell::new((NO_WORD, Openers::NONE))).collect(),
            openers_by_key: (0..OPENER_SLOTS).map(|_| Cell::new((MemoKey::EMPTY, Openers::NONE))).collect(),
        }
    }
}

/// A key kept in [`Memo`]: cue words with their clitics (`وللعام`) are
/// shorter than its bytes; a longer key is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MemoKey {
    len: u8,
    bytes: [u8; 16],
}

impl MemoKey {
    /// No key (a length no key kept has).
    const EMPTY: MemoKey = MemoKey { len: u8::MAX, bytes: [0; 16] };

    fn of(key: &[u8]) -> Option<MemoKey> {
        let mut bytes = [0; 16];
        bytes.get_mut(..key.len())?.copy_from_slice(key);
        Some(MemoKey { len: key.len() as u8, bytes })
    }
}

/// Extracts date mentions from `doc` into `out`, in text order.
pub fn extract(doc: &Doc, reference: Option<NaiveDate>, memo: &Memo, out: &mut Vec<DateMention>) {
    let mut s = DateScanner { doc, reference, last_month: None, np_memo: Cell::new(None), day_memo: Cell::new(None), current: Cell::new(None), current_key: Cell::new(None), memo };
    // patterns are tried only where a date can begin: a number or a cue
    // (only words carry the trigger: no test of the kind for it)
    let may_begin = |t: &Token, ids: &TokenLex| {
        debug_assert!(!ids.date_trigger() || t.kind == TokenKind::Word, "date trigger on a non-word");
        ids.date_trigger() || t.kind == TokenKind::Number
    };
    // (a plain indexed loop: the zipped iterator's `position` costs about
    // twice the instructions a token on this scan over every token)
    let (tokens, ids) = (doc.tokens, doc.ids);
    let n = tokens.len().min(ids.len());
    let mut i = 0;
    while i < n {
        if !may_begin(&tokens[i], &ids[i]) {
            i += 1;
            continue;
        }
        match s.match_at(i) {
            Some(f) => {
                let range = doc.byte_range(f.first, f.last, f.prefix_chars);
                if let Some(Value::Day(d) | Value::DayRange(d, _)) = f.value {
                    s.last_month = Some((d.year(), d.month()));
                }
                if let Some(Value::Month(y, m)) = f.value {
                    s.last_month = Some((y, m));
                }
                let relative = f.kind == DateKind::Relative || (f.kind == DateKind::Range && f.value.is_none());
                let relative_to = relative.then(|| if doc.key(f.last) == "منه" { "previous_date" } else { "reference_date" });
                out.push(DateMention {
                    text: doc.text[range].to_string(),
                    value: f.value.map(Value::iso),
                    kind: f.kind,
                    span: doc.span(f.first, f.last, f.prefix_chars),
                    calendar: calendar_of(doc, f.first, f.last),
                    granularity: f.value.map(Value::granularity).unwrap_or_else(|| granularity_of(doc, f.first, f.last)),
                    relative_to,
                });
                i = f.last + 1;
            }
            None => i += 1,
        }
    }
}

struct DateScanner<'d, 'a> {
    doc: &'d Doc<'a>,
    reference: Option<NaiveDate>,
    /// Month of the last full date, for `25 منه` ("the 25th of it").
    last_month: Option<(i32, u32)>,
    /// The last [`DateScanner::key_np`] result with its token: every pattern
    /// tried at a token asks for it again. Only borrowed keys are kept: a
    /// copy, where `لل` → `ال` would clone.
    np_memo: Cell<Option<(usize, &'a str, u8)>>,
    /// The last [`DateScanner::day_at`] result with its token: the day-first
    /// patterns read the day their gate read.
    day_memo: Cell<Option<(usize, Option<Day>)>>,
    /// The token patterns are tried at, with its [`Openers`].
    current: Cell<Option<(usize, Openers)>>,
    /// That token's key.
    current_key: Cell<Option<(usize, &'a str)>>,
    /// [`Openers`] of the words seen, kept across texts.
    memo: &'d Memo,
}

// The word lists below are matched on folded keys (a `match` on the
// string compares lengths first, where a list scan compares every entry).

/// Words that make a following number a year.
fn is_year_cue(key: &str) -> bool {
    is_year_cue_in_text(key)
        || matches!(
            key,
            "في" | "منذ" | "حتي" | "مونديال" | "بطوله" | "كاس" | "نسخه" | "دوره" | "قبل" | "بعد" | "خلال" | "مطلع" | "اوائل" | "اواخر" | "نهايه"
                | "بدايه" | "منتصف" | "ربيع" | "صيف" | "خريف" | "شتاء" | "اولمبياد"
        )
}

/// Of those, the ones that are part of the date's text.
fn is_year_cue_in_text(key: &str) -> bool {
    matches!(key, "عام" | "العام" | "سنه" | "السنه" | "موسم" | "عامي")
}

/// Words before a month name that show it is one (`في مايو`, `شهر مايو`).
fn is_month_cue(key: &str) -> bool {
    matches!(
        key,
        "شهر" | "شهري" | "في" | "هذا" | "منذ" | "خلال" | "مطلع" | "اوائل" | "اواخر" | "نهايه" | "بدايه" | "منتصف" | "حتي" | "قبل" | "بعد" | "اواسط"
    )
}

/// Words before a four-digit number that make it anything but a year.
fn is_not_year_before(key: &str) -> bool {
    matches!(key, "رقم" | "القرار" | "قرار" | "بالقرار" | "والقرار" | "المرسوم" | "مرسوم" | "القانون" | "قانون")
}

impl<'a> DateScanner<'_, 'a> {
    fn key(&self, i: usize) -> &'a str {
        match self.current_key.get() {
            Some((at, key)) if at == i => key,
            _ => self.doc.key(i),
        }
    }

    /// The key of token `i` without leading conjunction and preposition
    /// (`وبالعام` → `العام`, `للعام` → `العام`, `لعام` → `عام`) and the number
    /// of code points removed. For cue words only: they are never names.
    fn key_np(&self, i: usize) -> (Cow<'a, str>, u8) {
        // most keys tried (numbers, `من`, `عام`) begin with no clitic
        // letter at all: nothing to strip, nothing to remember
        let k = self.key(i);
        if !["و", "ف", "ب", "ل", "ك"].iter().any(|c| k.as_bytes().starts_with(c.as_bytes())) {
            return (Cow::Borrowed(k), 0);
        }
        if let Some((at, key, n)) = self.np_memo.get() {
            if at == i {
                return (Cow::Borrowed(key), n);
            }
        }
        // the token patterns are tried at: its openers know
        if let Some((at, Openers { np_strip: Some((bytes, n)), .. })) = self.current.get() {
            if at == i {
                let rest = &k[bytes as usize..];
                debug_assert_eq!(self.strip_np(i), (Cow::Borrowed(rest), n), "remembered key_np at token {i}");
                self.np_memo.set(Some((i, rest, n)));
                return (Cow::Borrowed(rest), n);
            }
        }
        let (key, n) = self.strip_np(i);
        if let Cow::Borrowed(key) = key {
            self.np_memo.set(Some((i, key, n)));
        }
        (key, n)
    }

    /// [`DateScanner::key_np`] computed.
    fn strip_np(&self, i: usize) -> (Cow<'a, str>, u8) {
        let k = self.key(i);
        let mut rest = k;
        let mut n = 0u8;
        if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')).filter(|r| has_chars(r, 3)) {
            rest = r;
            n += 1;
        }
        if let Some(r) = rest.strip_prefix("لل").filter(|r| has_chars(r, 2)) {
            return (Cow::Owned(format!("ال{r}")), n + 2);
        }
        if let Some(r) = rest.strip_prefix('ب').or_else(|| rest.strip_prefix('ل')).or_else(|| rest.strip_prefix('ك')) {
            if has_chars(r, 3) && (r.starts_with("ال") || matches!(r, "عام" | "سنه" | "عامي")) {
                rest = r;
                n += 1;
            }
        }
        (Cow::Borrowed(rest), n)
    }

    /// The key of token `i` without a leading و/ف conjunction.
    /// (Computed each time: a test of the first two bytes costs less than a
    /// memo.)
    fn key_nc(&self, i: usize) -> &'a str {
        let k = self.key(i);
        let (waw, fa) = ("و".as_bytes(), "ف".as_bytes());
        if k.as_bytes().starts_with(waw) || k.as_bytes().starts_with(fa) {
            let rest = &k[2..];
            if has_chars(rest, 2) {
                return rest;
            }
        }
        k
    }

    fn next(&self, i: usize) -> Option<usize> {
        self.doc.next_word(i)
    }

    /// Next token after `i` skipping spaces; with its punctuation char if any.
    fn next_punct(&self, i: usize) -> Option<(usize, char)> {
        let j = self.doc.next_non_space(i)?;
        self.doc.punct(j).map(|c| (j, c))
    }

    /// Tries the patterns at token `i` in turn; the first that matches wins.
    ///
    /// Most tokens tried begin no date (`في`, `من`, a count), so a pattern
    /// is tried only where its first word can stand (see [`Openers`]); a
    /// day-first pattern only where a day follows its opening word.
    fn match_at(&self, i: usize) -> Option<Found> {
        let found = self.match_gated(i);
        // the guards must never turn away a date: debug builds (and so the
        // test suite) try every pattern as well and compare
        debug_assert_eq!(found, self.match_ungated(i), "date guards at token {i}");
        found
    }

    /// [`DateScanner::match_at`] with every pattern tried, unguarded.
    fn match_ungated(&self, i: usize) -> Option<Found> {
        self.numeric_date(i)
            .or_else(|| self.cross_month_range(i))
            .or_else(|| self.day_led(i))
            .or_else(|| self.month_led(i))
            .or_else(|| self.relative_word(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.nth_weekday(i))
            .or_else(|| self.week_weekday(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.offset(i))
            .or_else(|| self.year_led(i))
    }

    fn match_gated(&self, i: usize) -> Option<Found> {
        let number = self.doc.kind(i) == TokenKind::Number;
        // every pattern reads the key of this token, most more than once
        self.current_key.set(Some((i, self.doc.key(i))));
        let opens = self.openers(i);
        self.current.set(Some((i, opens)));
        let opens_day = (number || opens.range || opens.ordinal) && self.day_token(i).is_some();
        when(number, || self.numeric_date(i))
            .or_else(|| when(opens_day, || self.cross_month_range(i)))
            .or_else(|| when(opens_day, || self.day_led(i)))
            .or_else(|| when(opens.month, || self.month_led(i)))
            .or_else(|| when(opens.relative_word, || self.relative_word(i)))
            .or_else(|| when(opens.period, || self.relative_period(i)))
            .or_else(|| when(opens.nth_weekday, || self.nth_weekday(i)))
            .or_else(|| when(opens.week_weekday, || self.week_weekday(i)))
            .or_else(|| when(opens.holiday, || self.holiday(i)))
            .or_else(|| when(opens.weekday, || self.weekday(i)))
            .or_else(|| when(number || opens.offset, || self.offset(i)))
            .or_else(|| when(number || opens.year, || self.year_led(i)))
    }

    /// [`Openers`] of token `i`. They follow from its key alone, so those
    /// of a word are remembered by its id: a text repeats its cue words
    /// (`في`, `من`).
    fn openers(&self, i: usize) -> Openers {
        // a number opens none of the word patterns (its own are tried
        // apart): its key is digits and it has no word id
        if self.doc.kind(i) == TokenKind::Number {
            debug_assert_eq!(self.read_openers(i), Openers::NONE, "number openers at token {i}");
            return Openers::NONE;
        }
        let id = self.doc.ids[i].full();
        if id == NO_WORD {
            return self.openers_by_key(i);
        }
        self.remembered(&self.memo.openers[id as usize % OPENER_SLOTS], id, i)
    }

    /// The openers of token `i` from `slot` when it holds them for `key`,
    /// else read and kept there (a collision only reads them again).
    #[inline]
    fn remembered<K: Copy + PartialEq>(&self, slot: &Cell<(K, Openers)>, key: K, i: usize) -> Openers {
        let (at, opens) = slot.get();
        if at == key {
            debug_assert_eq!(opens, self.read_openers(i), "remembered openers at token {i}");
            return opens;
        }
        let opens = self.read_openers(i);
        slot.set((key, opens));
        opens
    }

    /// [`DateScanner::openers`] of a word outside the vocabulary, remembered
    /// by its key.
    fn openers_by_key(&self, i: usize) -> Openers {
        let key = self.doc.toks.key_bytes(i);
        let Some(memo_key) = MemoKey::of(key) else { return self.read_openers(i) };
        self.remembered(&self.memo.openers_by_key[keys::key_hash(key) as usize % OPENER_SLOTS], memo_key, i)
    }

    /// [`Openers`] computed: each test is what its pattern checks first.
    fn read_openers(&self, i: usize) -> Openers {
        let doc = self.doc;
        let key = self.key(i);
        let key_nc = self.key_nc(i);
        let (key_np, np_chars) = self.key_np(i);
        let np_strip = match key_np {
            Cow::Borrowed(rest) => Some(((key.len() - rest.len()) as u8, np_chars)),
            Cow::Owned(_) => None,
        };
        let key_np = key_np.as_ref();
        let full_weekday = doc.word_full(i).is_some_and(|w| w.weekday.is_some());
        Openers {
            range: matches!(key_nc, "من" | "بين" | "ما"),
            ordinal: self.may_start(&doc.lex.ordinals, i),
            month: matches!(key, "شهر" | "وشهر" | "شهري") || self.may_start(&doc.lex.months, i),
            relative_word: matches!(
                key_np,
                "اليوم" | "يوم" | "الغد" | "غد" | "امس" | "الامس" | "البارحه" | "امبارح" | "مبارح" | "غدا" | "بكره" | "بكرا" | "اول" | "قبل" | "القبل" | "بعد"
            ),
            period: matches!(
                key_np,
                "هذا" | "هذه" | "مطلع" | "بدايه" | "منتصف" | "نهايه" | "اواخر" | "اوائل" | "اواسط" | "مستهل" | "اول" | "العام" | "السنه" | "الشهر"
            ),
            nth_weekday: full_weekday || matches!(key, "اول" | "ثاني" | "ثان" | "ثالث" | "رابع" | "خامس" | "اخر" | "اليوم"),
            week_weekday: full_weekday || matches!(key, "يوم" | "هذا") || key_np == "الاسبوع",
            holiday: self.may_start(&doc.lex.holidays, i),
            weekday: key_nc == "يوم" || doc.word(i).is_some_and(|(w, _)| w.weekday.is_some()),
            offset: matches!(key_np, "قبل" | "بعد") || self.may_start(&doc.lex.time_units, i),
            year: key_nc == "بين" || matches!(key_np, "عام" | "العام" | "سنه" | "السنه" | "في" | "موسم" | "عامي"),
            year_in_words_only: key_np == "في",
            np_strip,
        }
    }

    /// Whether an entry of `set` can begin at token `i`, read whole or as a
    /// stem: the test [`Doc::phrase_at`] makes before it walks.
    fn may_start<T>(&self, set: &PhraseSet<T>, i: usize) -> bool {
        let ids = self.doc.ids[i];
        set.can_start(ids.full()) || set.can_start(ids.stem())
    }

    /// The token of the first day of a day-first date or range starting at
    /// `i`: `i` itself, or the word after an opening `من`, `بين`, `ما بين`;
    /// `None` when that token is no day.
    fn day_token(&self, i: usize) -> Option<usize> {
        let day_tok = match self.key_nc(i) {
            "من" | "بين" => self.next(i)?,
            "ما" => self.next(self.next(i).filter(|&j| self.key(j) == "بين")?)?,
            _ => i,
        };
        self.day_at(day_tok).map(|_| day_tok)
    }

    // ---- building blocks -------------------------------------------------

    /// A day of the month: a number 1–31 or an ordinal word; (day, last token,
    /// prefix chars, is_ordinal).
    fn day_at(&self, i: usize) -> Option<Day> {
        if let Some((at, day)) = self.day_memo.get() {
            if at == i {
                debug_assert_eq!(day, self.read_day(i), "remembered day at token {i}");
                return day;
            }
        }
        let day = self.read_day(i);
        self.day_memo.set(Some((i, day)));
        day
    }

    /// [`DateScanner::day_at`] computed.
    fn read_day(&self, i: usize) -> Option<Day> {
        let t = self.doc.tokens.get(i)?;
        if t.kind == TokenKind::Number {
            let k = self.key(i);
            if k.len() <= 2 {
                let d: u32 = k.parse().ok()?;
                return (1..=31).contains(&d).then_some((d, i, 0, false));
            }
            return None;
        }
        let m = self.doc.phrase_at(&self.doc.lex.ordinals, i)?;
        Some((*m.value as u32, m.last, m.prefix_chars, true))
    }

    /// A month name (with its paired form): (info, last token, prefix chars).
    fn month_at(&self, i: usize) -> Option<(MonthInfo, usize, u8)> {
        let m = self.doc.phrase_at(&self.doc.lex.months, i)?;
        let info = *m.value;
        let mut last = m.last;
        let mut ambiguous = info.ambiguous;
        // Paired name: `تموز/يوليو`, `مايو/ أيار`, `يوليو (تموز)`, `يوليو تموز`.
        let mut j = last;
        let mut paren = false;
        if let Some((p, c)) = self.next_punct(j) {
            if matches!(c, '/' | '-' | '–' | '(' | '،' | ',') {
                paren = c == '(';
                j = p;
            }
        }
        if let Some(k) = self.doc.next_non_space(j) {
            if let Some(m2) = self.doc.phrase_at(&self.doc.lex.months, k) {
                let comma = matches!(self.doc.punct(j), Some('،' | ','));
                if m2.value.month == info.month && m2.value.calendar == info.calendar && !comma {
                    last = m2.last;
                    ambiguous = false;
                    if paren {
                        if let Some((p, ')')) = self.next_punct(last) {
                            last = p;
                        }
                    }
                }
            }
        }
        Some((MonthInfo { ambiguous, ..info }, last, m.prefix_chars))
    }

    /// A year number after token `i`'s position (the token itself): 3–4
    /// digits; returns (year, last token, hijri marker seen).
    fn year_number(&self, i: usize) -> Option<(i32, usize, Option<Calendar>)> {
        let t = self.doc.tokens.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let k = self.key(i);
        if !(3..=4).contains(&k.len()) {
            return None;
        }
        let y: i32 = k.parse().ok()?;
        let (marker, last) = self.calendar_marker(i);
        Some((y, last, marker))
    }

    /// `هـ`/`ه` or `م` right after a year (glued or spaced).
    fn calendar_marker(&self, i: usize) -> (Option<Calendar>, usize) {
        let j = match self.doc.tokens.get(i + 1) {
            Some(t) if t.kind == TokenKind::Word => i + 1,
            Some(t) if t.kind == TokenKind::Space => match self.next(i) {
                Some(j) => j,
                None => return (None, i),
            },
            _ => return (None, i),
        };
        let k = self.key(j);
        let cal = match k {
            "ه" | "هـ" | "هجري" | "هجريه" | "للهجره" => Some(Calendar::Hijri),
            "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Some(Calendar::Gregorian),
            _ => None,
        };
        match cal {
            Some(c) => {
                // `هـ.` keeps its period out of the date
                (Some(c), j)
            }
            None => (None, i),
        }
    }

    fn plausible_gregorian_year(y: i32) -> bool {
        (1000..=2200).contains(&y)
    }

    fn plausible_hijri_year(y: i32) -> bool {
        (1300..=1600).contains(&y)
    }

    /// A modifier after a date: direction and last token.
    fn modifier(&self, i: usize) -> Option<(Direction, usize)> {
        let j = self.next(i)?;
        let d = match self.key(j) {
            "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفايت" | "الفايته" | "السابق" | "السابقه" | "الماضيين" => {
                Direction::Past
            }
            "المقبل" | "المقبله" | "القادم" | "القادمه" | "المقبلين" | "القادمين" | "التالي" | "التاليه" | "اللاحق" => {
                Direction::Future
            }
            "الجاري" | "الجاريه" | "الحالي" | "الحاليه" => Direction::Current,
            _ => return None,
        };
        Some((d, j))
    }

    /// `من عام 2005`, `عام 2018`, `2017`, `من هذا العام` after a month.
    fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
        let doc = self.doc;
        let mut j = doc.next_non_space(i)?;
        // `فبراير ، ألفان وثمانية عشر`, `سبتمبر10, ألف وتسعمائة`
        let comma = matches!(doc.punct(j), Some('،' | ','));
        if comma {
            j = doc.next_non_space(j)?;
        }
        if !doc.tokens[j].is_wordlike() {
            return None;
        }
        if matches!(self.key(j), "من" | "في") {
            j = self.next(j)?;
        }
        let (cue_key, _) = self.key_np(j);
        if matches!(cue_key.as_ref(), "عام" | "العام" | "سنه" | "السنه") {
            let cue = j;
            // `آذار من العام المقبل`, `السنة القادمة`
            if let Some((dir, l)) = self.modifier(cue).filter(|_| cue_key.starts_with("ال")) {
                return Some((YearRef::Relative(dir_offset(dir)), l));
            }
            j = self.next(j)?;
        }
        if let Some((y, l)) = numbers::number_words(doc, j).filter(|(y, _)| (1000..=2200).contains(y)) {
            return Some((YearRef::Explicit(y as i32, None), l));
        }
        if comma && doc.kind(j) != TokenKind::Number {
            return None;
        }
        if self.key(j) == "هذا" || self.key(j) == "هذه" {
            let k = self.next(j)?;
            if matches!(self.key(k), "العام" | "السنه") {
                // `من هذا العام 1439هـ`
                if let Some(n) = self.next(k) {
                    if let Some((y, last, cal)) = self.year_number(n) {
                        return Some((YearRef::Explicit(y, cal), last));
                    }
                }
                return Some((YearRef::ThisYear, k));
            }
            return None;
        }
        let (y, last, cal) = self.year_number(j)?;
        Some((YearRef::Explicit(y, cal), last))
    }

    // ---- patterns ----------------------------------------------------------

    /// `10/7/2018`, `١٢/١٠/١٤٣٦ه`, `2018-07-10`, `1/3/1437هـ`.
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        if doc.kind(i) != TokenKind::Number {
            return None;
        }
        // three numbers joined by one separator kind, no spaces
        let sep = doc.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        let b = i + 2;
        if doc.kind(b) != TokenKind::Number {
            return None;
        }
        if doc.punct(b + 1) != Some(sep) || doc.kind(b + 2) != TokenKind::Number {
            return self.numeric_pair(i, b, sep);
        }
        let c = b + 2;
        let (n1, n2, n3) = (doc.number(i)?, doc.number(b)?, doc.number(c)?);
        let (k1, k3) = (doc.key(i).len(), doc.key(c).len());
        let (y, m, d) = if k1 == 4 { (n1 as i32, n2, n3) } else if k3 == 4 || k3 == 2 { (n3 as i32, n2, n1) } else { return None };
        let y = if k3 == 2 && k1 != 4 { 2000 + y } else { y };
        let (marker, last) = self.calendar_marker(c);
        let hijri = marker == Some(Calendar::Hijri) || (Self::plausible_hijri_year(y) && y < 1700);
        let value = if hijri { hijri_to_gregorian(y, m, d).map(Value::Day) } else { NaiveDate::from_ymd_opt(y, m, d).map(Value::Day) };
        let value = value?;
        Some(Found { first: i, last, prefix_chars: 0, value: Some(value), kind: DateKind::Absolute })
    }

    /// Two numbers: `3/2015`, `2015-3` (a month), or, after a date cue,
    /// `4/22`, `22-04` (a day and month without a year).
    fn numeric_pair(&self, a: usize, b: usize, sep: char) -> Option<Found> {
        let doc = self.doc;
        let (n1, n2) = (doc.number(a)?, doc.number(b)?);
        let (k1, k2) = (doc.key(a).len(), doc.key(b).len());
        // not part of a longer number run (`1.5.2`), nor a decimal
        if doc.punct(b + 1).is_some_and(|c| matches!(c, '/' | '-' | '.' | ',')) && doc.kind(b + 2) == TokenKind::Number {
            return None;
        }
        if k1 == 4 && k2 <= 2 && (1..=12).contains(&n2) && Self::plausible_gregorian_year(n1 as i32) && n1 >= 1900 {
            return Some(Found { first: a, last: b, prefix_chars: 0, value: Some(Value::Month(n1 as i32, n2)), kind: DateKind::Absolute });
        }
        if k2 == 4 && k1 <= 2 && (1..=12).contains(&n1) && n2 >= 1900 && Self::plausible_gregorian_year(n2 as i32) {
            return Some(Found { first: a, last: b, prefix_chars: 0, value: Some(Value::Month(n2 as i32, n1)), kind: DateKind::Absolute });
        }
        if k1 > 2 || k2 > 2 {
            return None;
        }
        // a day and a month need a cue: scores (`3-2`) and fractions look alike
        let prev = doc.prev_non_space(a).filter(|&p| doc.tokens[p].is_word())?;
        let pk = doc.key(prev);
        let cued = matches!(pk, "في" | "يوم" | "بتاريخ" | "تاريخ" | "حتي" | "منذ") || doc.surface(prev).starts_with("سأ") || is_future_verb(pk);
        if !cued {
            return None;
        }
        let (d, m) = if n1 > 12 { (n1, n2) } else if n2 > 12 { (n2, n1) } else if sep == '/' || sep == '-' { (n1, n2) } else { (n2, n1) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let month = MonthInfo { month: m as u8, calendar: Calendar::Gregorian, ambiguous: false };
        let (value, _) = self.resolve_day_month(d, None, month, None, || self.tense_direction(a));
        Some(Found { first: a, last: b, prefix_chars: 0, value, kind: DateKind::Relative })
    }

    /// The direction an un-yeared date points to: the future when its clause
    /// is in the future tense, else the nearest.
    fn tense_direction(&self, i: usize) -> Direction {
        match self.tense_at(i) {
            Direction::Future | Direction::FutureOrToday => Direction::Future,
            _ => Direction::Nearest,
        }
    }

    /// A day and month, with the year if one follows: (day, month, year,
    /// last token).
    fn day_month(&self, i: usize) -> Option<(u32, MonthInfo, Option<i32>, usize)> {
        let (d, l, _, _) = self.day_at(i)?;
        let mut m = self.next(l)?;
        if self.key(m) == "من" {
            m = self.next(m)?;
        }
        let (month, mut last, _) = self.month_at(m)?;
        let mut year = None;
        if let Some((YearRef::Explicit(y, _), l)) = self.year_after(last) {
            year = Some(y);
            last = l;
        }
        Some((d, month, year, last))
    }

    /// A range across months or years: `من 28 حزيران إلى 2 تموز 2017`,
    /// `من 28 ديسمبر 2016 إلى 2 يناير 2017`.
    fn cross_month_range(&self, i: usize) -> Option<Found> {
        let opener = self.key_nc(i);
        let start = if matches!(opener, "من" | "بين") { self.next(i)? } else { i };
        let (d1, m1, y1, l1) = self.day_month(start)?;
        let sep = self.doc.next_non_space(l1)?;
        let joined = if opener == "بين" {
            self.key(sep) == "و"
        } else {
            matches!(self.doc.punct(sep), Some('-' | '–')) || matches!(self.key(sep), "الي" | "حتي" | "وحتي")
        };
        if !joined {
            return None;
        }
        let to = self.doc.next_non_space(sep)?;
        let (d2, m2, y2, l2) = self.day_month(to)?;
        if m1.calendar != m2.calendar || (m1.month == m2.month && d2 <= d1) {
            return None;
        }
        let make = |y: i32, m: MonthInfo, d: u32| match m.calendar {
            Calendar::Gregorian => NaiveDate::from_ymd_opt(y, m.month as u32, d),
            Calendar::Hijri => hijri_to_gregorian(y, m.month as u32, d),
        };
        // without a year, the start's year follows the tense like a single date
        let start_year = |ey: i32| y1.unwrap_or(if m1.month > m2.month { ey - 1 } else { ey });
        let end_year = y2.or(y1).or_else(|| {
            let (v, _) = self.resolve_day_month(d1, None, m1, None, || self.tense_direction(i));
            let a = v.map(first_day)?;
            Some(if m1.month > m2.month { a.year() + 1 } else { a.year() })
        });
        let value = end_year.and_then(|ey| Some(Value::DayRange(make(start_year(ey), m1, d1)?, make(ey, m2, d2)?)));
        Some(Found { first: i, last: l2, prefix_chars: 0, value, kind: DateKind::Range })
    }

    /// Day first: `10 تموز/يوليو المقبل`, `الثالث والرابع من أيار/مايو الماضي`,
    /// `6 أيار/مايو 2017`, `13-15 تموز`, `بين 3 و5 أيار`, `2. أكتوبر`,
    /// `25 منه`, `من 4 إلى 22 هذا الشهر`.
    fn day_led(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        // `من 3 إلى 5 أيار`, `بين 3 و5 أيار`, `ما بين 4 و 22`: part of a range only
        let opener = match self.key_nc(i) {
            "من" => Some("من"),
            "بين" => Some("بين"),
            "ما" if self.next(i).is_some_and(|j| self.key(j) == "بين") => Some("ما"),
            _ => None,
        };
        let day_tok = match opener {
            Some("ما") => self.next(self.next(i)?)?,
            Some(_) => self.next(i)?,
            None => i,
        };
        let first = i;
        let (d1, mut last, p, ordinal) = self.day_at(day_tok)?;
        let start_prefix = if opener.is_some() { self.doc.ids[i].prefix_chars().min(u8::from(self.key(i).starts_with('و'))) } else { p };
        // a day number must not be part of a decimal or a longer number
        if !ordinal && matches!(doc.punct(day_tok + 1), Some('.' | ',' | '٫' | '/')) && doc.kind(day_tok + 2) == TokenKind::Number {
            return None;
        }
        // range: `13-15`, `الثالث والرابع`, `3 إلى 5`, `3 و5`, `4 و 22`
        let mut d2 = None;
        if let Some((p, '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some((d, l, _, _)) = self.day_at(n) {
                    d2 = Some(d);
                    last = l;
                }
            }
        } else if let Some(n) = self.next(last) {
            let k = self.key(n);
            if matches!(k, "الي" | "حتي" | "و" | "وحتي") {
                if let Some(m) = doc.next_non_space(n) {
                    if let Some((d, l, _, _)) = self.day_at(m) {
                        d2 = Some(d);
                        last = l;
                    }
                }
            } else if k.starts_with('و') {
                if let Some((d, l, _, o)) = self.day_at(n) {
                    if o == ordinal || opener.is_some() {
                        d2 = Some(d);
                        last = l;
                    }
                }
            }
        }
        if opener.is_some() && d2.is_none() {
            return None;
        }
        if let Some(d) = d2 {
            if d <= d1 {
                return None;
            }
        }
        // `من`, `شهر`, or one of `. - /` between day and month
        let mut m_tok = doc.next_non_space(last);
        if let Some(j) = m_tok {
            if matches!(doc.punct(j), Some('.' | '-' | '/')) && d2.is_none() {
                m_tok = doc.next_non_space(j);
            }
        }
        m_tok = m_tok.filter(|&j| doc.tokens[j].is_wordlike());
        let mut linked = false;
        if let Some(j) = m_tok {
            if matches!(self.key(j), "من" | "في") {
                m_tok = self.next(j);
                linked = true;
            }
        }
        if let Some(j) = m_tok {
            if matches!(self.key(j), "شهر") {
                m_tok = self.next(j);
            }
        }
        if let Some(j) = self.next(last) {
            // `25 منه`: the day of the month just mentioned
            if self.key(j) == "منه" && !ordinal && d2.is_none() {
                let (y, m) = self.last_month?;
                let v = NaiveDate::from_ymd_opt(y, m, d1).map(Value::Day);
                return Some(Found { first, last: j, prefix_chars: start_prefix, value: v, kind: DateKind::Relative });
            }
        }
        // `من الشهر الحالي`, `هذا الشهر`, `في الشهر المقبل`; an ordinal word
        // needs the `من` (`المرحلة الثانية الشهر المقبل` is no day)
        if let Some(j) = m_tok.filter(|_| linked || !ordinal) {
            if let Some((off, l)) = self.relative_month_after(j) {
                let v = self.reference.and_then(|r| {
                    let (y, m) = shift_month(r.year(), r.month(), off);
                    let a = NaiveDate::from_ymd_opt(y, m, d1)?;
                    Some(match d2 {
                        Some(d) => Value::DayRange(a, NaiveDate::from_ymd_opt(y, m, d)?),
                        None => Value::Day(a),
                    })
                });
                let kind = if d2.is_some() { DateKind::Range } else { DateKind::Relative };
                return Some(Found { first, last: l, prefix_chars: start_prefix, value: v, kind });
            }
        }
        let m_tok = m_tok?;
        let by_number = || -> Option<(MonthInfo, usize, u8)> {
            // `من شهر عشرة`: `شهر` was skipped, a number word names the month
            let p = doc.prev_non_space(m_tok)?;
            (self.key_np(p).0 == "شهر").then_some(())?;
            let (v, l) = numbers::number_words(doc, m_tok).filter(|(v, _)| (1..=12).contains(v))?;
            Some((MonthInfo { month: v as u8, calendar: Calendar::Gregorian, ambiguous: false }, l, 0))
        };
        let (month, m_last, _) = self.month_at(m_tok).or_else(by_number)?;
        last = m_last;
        // explicit year
        let mut year = None;
        if let Some((yr, l)) = self.year_after(last) {
            year = Some(yr);
            last = l;
        }
        let mut direction = None;
        if year.is_none() {
            if let Some((dir, l)) = self.modifier(last) {
                direction = Some(dir);
                last = l;
            }
        }
        let direction = || direction.unwrap_or_else(|| self.tense_direction(first));
        let (value, relative) = self.resolve_day_month(d1, d2, month, year, direction);
        let kind = if d2.is_some() {
            DateKind::Range
        } else if relative {
            DateKind::Relative
        } else {
            DateKind::Absolute
        };
        Some(Found { first, last, prefix_chars: start_prefix, value, kind })
    }

    /// `هذا الشهر`, `الشهر المقبل`, `الشهر الحالي` at token `j` (after a
    /// day): the month offset from the reference and the last token.
    fn relative_month_after(&self, j: usize) -> Option<(i32, usize)> {
        let (k, _) = self.key_np(j);
        if matches!(k.as_ref(), "هذا" | "هذه") {
            let n = self.next(j)?;
            return (self.key(n) == "الشهر").then_some((0, n));
        }
        if k == "الشهر" {
            let (dir, l) = self.modifier(j)?;
            return Some((dir_offset(dir), l));
        }
        None
    }

    /// Resolves day(s) + month (+ year); returns the value and whether it
    /// depended on the reference date. `direction` is asked only for a date
    /// without a year resolved against a reference date (reading the tense
    /// scans the sentence).
    fn resolve_day_month(
        &self,
        d1: u32,
        d2: Option<u32>,
        month: MonthInfo,
        year: Option<YearRef>,
        direction: impl FnOnce() -> Direction,
    ) -> (Option<Value>, bool) {
        let make = |y: i32| -> Option<Value> {
            match month.calendar {
                Calendar::Gregorian => {
                    let a = NaiveDate::from_ymd_opt(y, month.month as u32, d1)?;
                    match d2 {
                        Some(d) => Some(Value::DayRange(a, NaiveDate::from_ymd_opt(y, month.month as u32, d)?)),
                        None => Some(Value::Day(a)),
                    }
                }
                Calendar::Hijri => {
                    let a = hijri_to_gregorian(y, month.month as u32, d1)?;
                    match d2 {
                        Some(d) => Some(Value::DayRange(a, hijri_to_gregorian(y, month.month as u32, d)?)),
                        None => Some(Value::Day(a)),
                    }
                }
            }
        };
        match year {
            Some(YearRef::Explicit(y, _)) => (make(y), false),
            Some(YearRef::ThisYear) => (self.reference.and_then(|r| make(self.year_of(r, month.calendar))), true),
            Some(YearRef::Relative(off)) => (self.reference.and_then(|r| make(self.year_of(r, month.calendar) + off)), true),
            None => {
                let Some(r) = self.reference else { return (None, true) };
                let direction = direction();
                let ry = self.year_of(r, month.calendar);
                let candidates = [ry - 1, ry, ry + 1];
                let pick = candidates
                    .iter()
                    .filter_map(|&y| make(y))
                    .filter(|v| {
                        let d = first_day(*v);
                        match direction {
                            Direction::Past | Direction::PastOrToday => d < r,
                            // `الأول من شباط` said in February: this February
                            Direction::Future | Direction::FutureOrToday => {
                                d >= r || (d.year() == r.year() && d.month() == r.month())
                            }
                            Direction::Current => d.year() == r.year() || month.calendar == Calendar::Hijri,
                            Direction::Nearest => true,
                        }
                    })
                    .min_by_key(|v| (first_day(*v) - r).num_days().abs());
                (pick, true)
            }
        }
    }

    /// The year of `r` in `calendar`.
    fn year_of(&self, r: NaiveDate, calendar: Calendar) -> i32 {
        match calendar {
            Calendar::Gregorian => r.year(),
            Calendar::Hijri => gregorian_to_hijri_year(r).unwrap_or(r.year() - 579),
        }
    }

    /// Month first: `نيسان/ أبريل من عام ٢٠٠٥`, `شهر ماي 2017`, `أبريل الماضي`,
    /// `شهر رمضان المبارك من هذا العام 1439هـ`.
    fn month_led(&self, i: usize) -> Option<Found> {
        let mut first = i;
        let mut m_tok = i;
        let mut cue = false;
        if matches!(self.key(i), "شهر" | "وشهر" | "شهري") {
            m_tok = self.next(i)?;
            cue = true;
        }
        let (month, mut last, prefix) = self.month_at(m_tok)?;
        let prefix = if m_tok == i { prefix } else { self.doc.ids[i].prefix_chars().min(if self.key(i).starts_with('و') { 1 } else { 0 }) };
        if !cue {
            if let Some(p) = self.doc.prev_non_space(i) {
                let k = self.doc.key(p);
                cue = self.doc.tokens[p].is_word()
                    && (is_month_cue(k) || is_future_verb(k) || self.doc.surface(p).starts_with("سأ"));
            }
            // a clitic preposition on the month itself (`بأبريل`), not a
            // conjunction (`ومارس المحامي` is a verb)
            let k = self.key(m_tok);
            cue |= prefix > 0 && !k.starts_with('و') && !k.starts_with('ف');
        }
        // `رمضان المبارك`, `شهر رمضان`: no longer a name or an ordinary word
        let mut named_hijri = month.calendar == Calendar::Hijri && m_tok != i;
        if month.calendar == Calendar::Hijri {
            if let Some(j) = self.next(last) {
                if matches!(self.key(j), "المبارك" | "الكريم" | "الحرام") {
                    last = j;
                    cue = true;
                    named_hijri = true;
                }
            }
        }
        // `شهري مايو ويونيو الماضيين`: two months, one mention
        if let Some(n) = self.next(last).filter(|&n| self.key(n).starts_with('و')) {
            if let Some(m2) = self.doc.phrase_at(&self.doc.lex.months, n).filter(|m| m.prefix_chars == 1) {
                let m2v = *m2.value;
                if m2v.calendar == Calendar::Gregorian && month.calendar == Calendar::Gregorian && m2v.month > month.month && (cue || m_tok != i) {
                    let mut l = m2.last;
                    let dir = match self.modifier(l) {
                        Some((d, ml)) => {
                            l = ml;
                            d
                        }
                        None => self.tense_direction(first),
                    };
                    let value = self.reference.and_then(|r| {
                        let Value::Month(y2, mm2) = self.resolve_month(m2v, r, dir)? else { return None };
                        Some(Value::MonthRange((y2, month.month as u32), (y2, mm2)))
                    });
                    return Some(Found { first, last: l, prefix_chars: prefix, value, kind: DateKind::Range });
                }
            }
        }
        if let Some((yr, l)) = self.year_after(last) {
            let value = match yr {
                YearRef::Explicit(y, _) => month_value(y, month),
                YearRef::ThisYear => self.reference.and_then(|r| month_value(self.year_of(r, month.calendar), month)),
                YearRef::Relative(off) => self.reference.and_then(|r| month_value(self.year_of(r, month.calendar) + off, month)),
            };
            let kind = if matches!(yr, YearRef::Explicit(..)) { DateKind::Absolute } else { DateKind::Relative };
            let kind = if month.calendar == Calendar::Hijri { DateKind::Range } else { kind };
            return Some(Found { first, last: l, prefix_chars: prefix, value, kind });
        }
        if let Some((dir, l)) = self.modifier(last) {
            let value = self.reference.and_then(|r| self.resolve_month(month, r, dir));
            return Some(Found { first, last: l, prefix_chars: prefix, value, kind: DateKind::Relative });
        }
        // the day after the month: `يوليو 13-15`, `أكتوبر/ 2`,
        // `يناير الثاني والعشرين، 2018`, `مايو تسعة وعشرين`
        if let Some(found) = self.month_then_day(first, last, month, prefix) {
            return Some(found);
        }
        if (month.ambiguous && !named_hijri) || !cue {
            return None;
        }
        if first != m_tok && !cue {
            first = m_tok;
        }
        let value = self.reference.and_then(|r| self.resolve_month(month, r, self.tense_direction(first)));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// A month name followed by its day (and maybe a year).
    fn month_then_day(&self, first: usize, m_last: usize, month: MonthInfo, prefix: u8) -> Option<Found> {
        let doc = self.doc;
        let mut n = doc.next_non_space(m_last)?;
        if matches!(doc.punct(n), Some('/')) {
            n = doc.next_non_space(n)?;
        }
        let (d1, mut last, _, _) = self.day_at(n)?;
        if doc.kind(n) == TokenKind::Number && doc.punct(n + 1).is_some_and(|c| matches!(c, '.' | ',' | '٫')) && doc.kind(n + 2) == TokenKind::Number {
            return None;
        }
        let mut d2 = None;
        if let Some(s) = doc.next_non_space(last) {
            let to = matches!(doc.punct(s), Some('-' | '–')) || matches!(doc.key(s), "الي" | "حتي");
            if to {
                if let Some((d, l, _, _)) = doc.next_non_space(s).and_then(|t| self.day_at(t)) {
                    if d > d1 {
                        d2 = Some(d);
                        last = l;
                    }
                }
            }
        }
        let mut year = None;
        let mut y_tok = doc.next_non_space(last);
        if let Some(c) = y_tok.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
            y_tok = doc.next_non_space(c);
        }
        if let Some((y, l, _)) = y_tok.and_then(|t| self.year_number(t)).filter(|(y, _, _)| Self::plausible_gregorian_year(*y)) {
            year = Some(YearRef::Explicit(y, None));
            last = l;
        }
        let (value, relative) = self.resolve_day_month(d1, d2, month, year, || self.tense_direction(first));
        let kind = if d2.is_some() {
            DateKind::Range
        } else if relative {
            DateKind::Relative
        } else {
            DateKind::Absolute
        };
        Some(Found { first, last, prefix_chars: prefix, value, kind })
    }

    fn resolve_month(&self, month: MonthInfo, r: NaiveDate, dir: Direction) -> Option<Value> {
        let ry = self.year_of(r, month.calendar);
        let mut best: Option<(i64, Value)> = None;
        for y in [ry - 1, ry, ry + 1] {
            let Some(v) = month_value(y, month) else { continue };
            let (a, b) = (first_day(v), last_day(v));
            let ok = match dir {
                Direction::Past | Direction::PastOrToday => b < r,
                Direction::Future | Direction::FutureOrToday => a > r,
                Direction::Current => a <= r && r <= b || y == ry,
                Direction::Nearest => true,
            };
            if !ok {
                continue;
            }
            let dist = if a <= r && r <= b { 0 } else { (a - r).num_days().abs().min((b - r).num_days().abs()) };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, v));
            }
        }
        best.map(|(_, v)| v)
    }

    /// `اليوم`, `أمس`, `غدا`, `أول أمس`, `بعد غد`, each with an optional weekday.
    fn relative_word(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let (offset, last) = match k.as_ref() {
            "اليوم" => {
                if let Some(j) = self.next(i) {
                    let nk = self.key(j);
                    // `اليوم الذي بعد الغد`, `اليوم الي قبل امبارح`
                    if matches!(nk, "الذي" | "الي") {
                        if let Some((off, l)) = self.next(j).and_then(|n| self.day_offset_word(n)) {
                            if off != 0 {
                                return self.relative_found(i, l, prefix, off);
                            }
                        }
                    }
                    // `اليوم الماضي`, `اليوم المنصرم`: yesterday
                    if matches!(nk, "الماضي" | "المنصرم") {
                        return self.relative_found(i, j, prefix, -1);
                    }
                    // `اليوم الوطني`, `اليوم العالمي`, `اليوم التالي` are not today
                    let weekday = self.doc.word_full(j).and_then(|w| w.weekday).is_some();
                    let function = self.doc.word_full(j).is_some_and(|w| w.function.is_some());
                    if nk.starts_with("ال") && !weekday && !function {
                        return None;
                    }
                }
                // `عين اليوم`, `”عين اليوم”` (an outlet)
                let mut p = self.doc.prev_non_space(i);
                if p.is_some_and(|q| self.doc.kind(q) == TokenKind::Quote) {
                    p = None;
                }
                if let Some(p) = p.filter(|&p| self.doc.tokens[p].is_word()) {
                    if self.doc.phrase_at(&self.doc.lex.agencies, p).is_some_and(|m| m.last >= i) {
                        return None;
                    }
                }
                (0, i)
            }
            "يوم" => {
                // `يوم غد`, `يوم قبل امس`
                let j = self.next(i)?;
                let (off, l) = self.day_offset_word(j)?;
                if off == 0 {
                    return None;
                }
                (off, l)
            }
            "الغد" | "غد" => {
                // `في الغد`, `حتى الغد`; alone `الغد` is often figurative
                let p = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word())?;
                if !matches!(self.key(p), "في" | "حتي" | "يوم") {
                    return None;
                }
                (1, i)
            }
            _ => self.day_offset_word(i)?,
        };
        let mut last = last;
        if let Some(j) = self.next(last) {
            if self.doc.word_full(j).and_then(|w| w.weekday).is_some() {
                last = j;
            }
        }
        self.relative_found(i, last, prefix, offset)
    }

    fn relative_found(&self, first: usize, last: usize, prefix: u8, offset: i64) -> Option<Found> {
        let value = self.reference.map(|r| Value::Day(r + Duration::days(offset)));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// A word (or two) naming a day by its distance from today: `أمس`,
    /// `بالأمس`, `البارحة`, `امبارح`, `أمس الأول`, `أول أمس`, `قبل أمس`,
    /// `غدا`, `بكرة`, `بعد غد`, `بعد الغد`. Returns the offset and last token.
    fn day_offset_word(&self, i: usize) -> Option<(i64, usize)> {
        let (k, _) = self.key_np(i);
        Some(match k.as_ref() {
            "امس" | "الامس" => match self.next(i) {
                Some(j) if self.key(j) == "الاول" => (-2, j),
                _ => (-1, i),
            },
            "البارحه" | "امبارح" | "مبارح" => (-1, i),
            "غدا" | "بكره" | "بكرا" => (1, i),
            "اول" => {
                let j = self.next(i)?;
                let j = if self.key(j) == "من" { self.next(j)? } else { j };
                if self.key_np(j).0 != "امس" {
                    return None;
                }
                (-2, j)
            }
            "قبل" | "القبل" => {
                let mut j = self.next(i)?;
                if self.key(j) == "يوم" {
                    j = self.next(j)?;
                }
                if !matches!(self.key_np(j).0.as_ref(), "امس" | "الامس" | "البارحه" | "امبارح") {
                    return None;
                }
                (-2, j)
            }
            "بعد" => {
                let j = self.next(i)?;
                if !matches!(self.key(j), "غد" | "الغد" | "بكره" | "بكرا") {
                    return None;
                }
                (2, j)
            }
            _ => return None,
        })
    }

    /// `الشهر الماضي`, `العام المقبل`, `هذا العام`, `السنة الجارية`,
    /// `بالشهر الماضي`, `للعام الجاري`, `مطلع الشهر`, `العام الماضي 2013`.
    fn relative_period(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let unit_of = |k: &str| match k {
            "العام" | "السنه" => Some('y'),
            "الشهر" => Some('m'),
            _ => None,
        };
        // `الأمين العام السابق`, `الرأي العام`: `العام` is "general" after a
        // definite noun; `العام الدراسي` is a school year, not a calendar one
        if matches!(k.as_ref(), "العام" | "عام") {
            let prev = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word());
            let after_title = prev.is_some_and(|p| {
                self.doc.phrase_at(&self.doc.lex.titles, p).is_some_and(|m| m.value.class == crate::lexicon::TitleClass::Head)
            });
            let former = self.next(i).is_some_and(|n| matches!(self.key(n), "السابق" | "السابقه"));
            let after_noun = prev.is_some_and(|p| self.key(p).starts_with("ال") && self.doc.word(p).is_none_or(|(w, _)| w.function.is_none()));
            if after_title || (former && after_noun) {
                return None;
            }
        }
        let not_calendar = |j: usize| {
            self.next(j).is_some_and(|n| matches!(self.key(n), "الدراسي" | "الدراسيه" | "المالي" | "الماليه" | "الجامعي" | "الاكاديمي" | "التدريبي"))
        };
        let (unit, dir, last) = if matches!(k.as_ref(), "هذا" | "هذه") {
            let j = self.next(i)?;
            (unit_of(self.key(j))?, Direction::Current, j)
        } else if matches!(k.as_ref(), "مطلع" | "بدايه" | "منتصف" | "نهايه" | "اواخر" | "اوائل" | "اواسط" | "مستهل" | "اول") {
            // `مطلع الشهر`, `نهاية العام المقبل`: the period itself
            let j = self.next(i)?;
            let unit = unit_of(self.key(j))?;
            match self.modifier(j) {
                Some((d, l)) => (unit, d, l),
                None => (unit, Direction::Current, j),
            }
        } else {
            let unit = unit_of(&k)?;
            let (dir, l) = self.modifier(i)?;
            (unit, dir, l)
        };
        // `العام الماضي 2013`: the explicit year wins
        if unit == 'y' {
            if let Some(j) = self.next(last) {
                if let Some((y, l, _)) = self.year_number(j) {
                    if Self::plausible_gregorian_year(y) {
                        return Some(Found { first: i, last: l, prefix_chars: prefix, value: Some(Value::Year(y)), kind: DateKind::Absolute });
                    }
                }
            }
        }
        if unit == 'y' && (not_calendar(last) || not_calendar(i)) {
            return None;
        }
        let value = self.reference.map(|r| {
            let off = dir_offset(dir);
            if unit == 'y' {
                Value::Year(r.year() + off)
            } else {
                let (y, m) = shift_month(r.year(), r.month(), off);
                Value::Month(y, m)
            }
        });
        Some(Found { first: i, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// `يوم الخميس`, `الأحد المقبل`, `الجمعة - السبت`, `الأربعاء`, and a
    /// weekday before a full date (`الإثنين 25 شوال 1436هـ`) as one mention.
    fn weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let first = i;
        let mut day_tok = i;
        let mut with_yawm = false;
        if matches!(self.key_nc(i), "يوم") {
            day_tok = self.next(i)?;
            with_yawm = true;
        }
        let (info, prefix) = doc.word(day_tok)?;
        let wd = info.weekday?;
        let k = self.key(day_tok);
        let stem_definite = k[k.len().min(prefix as usize * 2)..].starts_with("ال");
        // bare forms (`أحد` "one", `جمعة`) only as whole words after `يوم`;
        // with a clitic only the definite form (`والخميس`, not `واحد`)
        if prefix > 0 && !stem_definite {
            return None;
        }
        if !with_yawm && !k.contains("ال") {
            return None;
        }
        if let Some(p) = doc.prev_non_space(i) {
            // `صلاة الجمعة`, `كل يوم جمعة` (habitual), `بين الاثنين` ("the two")
            if matches!(doc.key(p), "صلاه" | "خطبه" | "خطيب" | "كل" | "بين" | "وبين") {
                return None;
            }
        }
        let prefix = if with_yawm { doc.ids[i].prefix_chars().min(1) } else { prefix };
        let mut last = day_tok;
        // range `الجمعة - السبت`
        if let Some((p, '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some(wd2) = doc.word_full(n).and_then(|w| w.weekday) {
                    let value = self.reference.map(|r| {
                        let b = resolve_weekday(r, wd2, Direction::PastOrToday);
                        let a = resolve_weekday(b, wd, Direction::PastOrToday);
                        Value::DayRange(a, b)
                    });
                    return Some(Found { first, last: n, prefix_chars: prefix, value, kind: DateKind::Range });
                }
            }
        }
        // a full date right after (`الإثنين 25 شوال`, `الخميس الموافق 14
        // شباط`, `يوم الاثنين في 18 شباط`): the weekday is part of it
        let mut n = doc.next_non_space(last);
        if let Some(c) = n.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
            n = doc.next_non_space(c);
        }
        if let Some(c) = n.filter(|&c| matches!(doc.key(c), "الموافق" | "في" | "الموافقه")) {
            n = doc.next_non_space(c);
        }
        if let Some(n) = n.filter(|&n| doc.tokens[n].is_wordlike()) {
            if let Some(date) = self.numeric_date(n).or_else(|| self.day_led(n)).or_else(|| self.month_led(n)) {
                if matches!(date.value, Some(Value::Day(_)) | None) {
                    return Some(Found { first, prefix_chars: prefix, ..date });
                }
            }
            // `السبت السادس عشر`, `الجمعة 15`: a day of the month alone
            if let Some((d, l, _, _)) = self.day_at(n) {
                let month_follows = self.next(l).is_some_and(|m| self.doc.phrase_at(&self.doc.lex.months, m).is_some() || self.key(m) == "من");
                if !month_follows && (doc.kind(n) != TokenKind::Number || doc.key(n).len() <= 2) {
                    let value = self.reference.and_then(|r| day_of_month_with_weekday(r, d, wd));
                    return Some(Found { first, last: l, prefix_chars: prefix, value: value.map(Value::Day), kind: DateKind::Relative });
                }
            }
        }
        let mut dir = None;
        if let Some((d, l)) = self.modifier(last) {
            dir = Some(d);
            last = l;
        }
        let value = self.reference.map(|r| Value::Day(resolve_weekday(r, wd, dir.unwrap_or_else(|| self.tense_at(first)))));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// A month given by name, by number (`شهر ثلاثة`, `الشهر الثامن`,
    /// `بشهر عشرة`) or relative to the reference (`الشهر القادم`, `هذا
    /// الشهر`), with the year that follows it; (year, month, last token).
    /// The year is `None` when it depends on a reference date we lack; `dir`
    /// is asked only when the year is the reference's nearest.
    fn month_spec(&self, j: usize, dir: impl FnOnce() -> Direction) -> Option<(Option<i32>, u32, usize)> {
        let doc = self.doc;
        let (k, _) = self.key_np(j);
        let (month, mut last, relative) = if matches!(k.as_ref(), "هذا" | "هذه") {
            let n = self.next(j)?;
            (self.key(n) == "الشهر").then_some(())?;
            (None, n, Some(0))
        } else if k == "الشهر" {
            if let Some((d, l)) = self.modifier(j) {
                (None, l, Some(dir_offset(d)))
            } else {
                // `الشهر الثامن`
                let n = self.next(j)?;
                let m = doc.phrase_at(&doc.lex.ordinals, n).filter(|m| (1..=12).contains(m.value))?;
                (Some(MonthInfo { month: *m.value, calendar: Calendar::Gregorian, ambiguous: false }), m.last, None)
            }
        } else if k == "شهر" {
            let n = self.next(j)?;
            if let Some((m, l, _)) = self.month_at(n) {
                (Some(m), l, None)
            } else {
                let (v, l) = numbers::number_words(doc, n).filter(|(v, _)| (1..=12).contains(v))?;
                (Some(MonthInfo { month: v as u8, calendar: Calendar::Gregorian, ambiguous: false }), l, None)
            }
        } else {
            let (m, l, _) = self.month_at(j)?;
            (Some(m), l, None)
        };
        if let Some(off) = relative {
            let r = self.reference?;
            let (y, m) = shift_month(r.year(), r.month(), off);
            return Some((Some(y), m, last));
        }
        let month = month?;
        if month.calendar != Calendar::Gregorian {
            return None;
        }
        let mut year = None;
        if let Some((yr, l)) = self.year_after(last) {
            year = match yr {
                YearRef::Explicit(y, _) => Some(y),
                YearRef::ThisYear => self.reference.map(|r| r.year()),
                YearRef::Relative(off) => self.reference.map(|r| r.year() + off),
            };
            last = l;
        }
        if year.is_none() {
            year = self.reference.and_then(|r| match self.resolve_month(month, r, dir())? {
                Value::Month(y, _) => Some(y),
                _ => None,
            });
        }
        Some((year, month.month as u32, last))
    }

    /// `أول ثلاثاء من شهر عشرة`, `ثالث يوم ثلاثاء بأيلول بعام 2014`,
    /// `الثلاثاء الثالث من شهر أيلول من عام 2014`, `آخر اثنين من الشهر
    /// القادم`, `آخر يوم بشهر عشرة سنة 2015`, `ثالث يوم من شهر عشرة`.
    fn nth_weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let before = |k: &str| -> Option<i32> {
            Some(match k {
                "اول" => 1,
                "ثاني" | "ثان" => 2,
                "ثالث" => 3,
                "رابع" => 4,
                "خامس" => 5,
                "اخر" => -1,
                _ => return None,
            })
        };
        let after = |k: &str| -> Option<i32> {
            Some(match k {
                "الاول" | "الاولي" => 1,
                "الثاني" | "الثانيه" => 2,
                "الثالث" | "الثالثه" => 3,
                "الرابع" | "الرابعه" => 4,
                "الخامس" | "الخامسه" => 5,
                "الاخير" | "الاخيره" => -1,
                _ => return None,
            })
        };
        let weekday_at = |j: usize| doc.word_full(j).and_then(|w| w.weekday);
        // (n, weekday or None for a plain day, token before the month)
        let (n, wd, mut j) = if let Some(n) = before(self.key(i)) {
            let mut j = self.next(i)?;
            let mut day_word = false;
            if self.key(j) == "يوم" {
                day_word = true;
                j = self.next(j)?;
            }
            match weekday_at(j) {
                Some(wd) => (n, Some(wd), j),
                None if day_word => (n, None, doc.prev_non_space(j)?),
                None => return None,
            }
        } else {
            let (wd, d_tok) = match weekday_at(i) {
                Some(wd) => (Some(wd), i),
                None if self.key(i) == "اليوم" => (None, i),
                None => return None,
            };
            let o = self.next(d_tok)?;
            let n = after(self.key(o))?;
            if wd.is_none() && n != -1 {
                return None; // `اليوم الثالث من …` is a plain day (day_led)
            }
            (n, wd, o)
        };
        // connector: `من`, `في`, or a clitic on the month (`بأيلول`, `بشهر`)
        let mut m = self.next(j)?;
        if matches!(self.key(m), "من" | "في") {
            m = self.next(m)?;
        }
        j = m;
        let (year, month, last) = self.month_spec(j, || self.tense_direction(i))?;
        let value = year.and_then(|y| {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let end = last_day(Value::Month(y, month));
            let date = match (wd, n) {
                (None, -1) => end,
                (None, n) => NaiveDate::from_ymd_opt(y, month, n as u32)?,
                (Some(wd), -1) => {
                    let back = (end.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
                    end - Duration::days(back)
                }
                (Some(wd), n) => {
                    let ahead = (wd as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
                    let d = first + Duration::days(ahead + 7 * (n as i64 - 1));
                    (d.month() == month).then_some(d)?
                }
            };
            Some(Value::Day(date))
        });
        Some(Found { first: i, last, prefix_chars: 0, value, kind: DateKind::Relative })
    }

    /// A weekday of a named week (weeks start on Monday, as in ISO 8601):
    /// `الأحد من الأسبوع الماضي`, `اثنين الأسبوع الحالي`, `الأسبوع المقبل
    /// يوم الجمعة`, `هذا الأسبوع الجمعة`.
    fn week_weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        // the week: `الأسبوع المقبل`, `هذا الأسبوع`; returns (offset, last)
        let week_at = |j: usize| -> Option<(i64, usize)> {
            if matches!(self.key(j), "هذا") {
                let n = self.next(j)?;
                return (self.key_np(n).0 == "الاسبوع").then_some((0, n));
            }
            if self.key_np(j).0 != "الاسبوع" {
                return None;
            }
            let n = self.next(j)?;
            let off = match self.key(n) {
                "الماضي" | "الفايت" | "المنصرم" | "السابق" => -1,
                "الحالي" | "الجاري" => 0,
                "المقبل" | "القادم" | "التالي" => 1,
                _ => return None,
            };
            Some((off, n))
        };
        let weekday_at = |j: usize| -> Option<(u8, usize)> {
            let mut j = j;
            if self.key(j) == "يوم" {
                j = self.next(j)?;
            }
            doc.word_full(j).and_then(|w| w.weekday).map(|wd| (wd, j))
        };
        let (wd, off, last) = if let Some((wd, d)) = weekday_at(i) {
            let mut j = self.next(d)?;
            if self.key(j) == "من" {
                j = self.next(j)?;
            }
            let (off, l) = week_at(j)?;
            (wd, off, l)
        } else {
            let (off, l) = week_at(i)?;
            let (wd, d) = weekday_at(self.next(l)?)?;
            (wd, off, d)
        };
        let value = self.reference.map(|r| {
            let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
            Value::Day(monday + Duration::days(7 * off + wd as i64 - 1))
        });
        Some(Found { first: i, last, prefix_chars: 0, value, kind: DateKind::Relative })
    }

    /// Fixed-date holidays: `عيد الميلاد`, `ليلة رأس السنة`, with a year if
    /// one follows.
    fn holiday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let m = doc.phrase_at(&doc.lex.holidays, i)?;
        let (month, day) = *m.value;
        let mut last = m.last;
        if let Some(n) = self.next(last).filter(|&n| matches!(self.key(n), "الجديده" | "المجيد")) {
            last = n;
        }
        let info = MonthInfo { month, calendar: Calendar::Gregorian, ambiguous: false };
        let mut year = None;
        if let Some((y, l, _)) = self.next(last).and_then(|n| self.year_number(n)) {
            year = Some(YearRef::Explicit(y, None));
            last = l;
        }
        let (value, relative) = self.resolve_day_month(day as u32, None, info, year, || self.tense_direction(i));
        let kind = if relative { DateKind::Relative } else { DateKind::Absolute };
        Some(Found { first: i, last, prefix_chars: m.prefix_chars, value, kind })
    }

    /// `قبل يومين`, `بعد 3 أيام`, `قبل عامين`, `بعد أسبوعين من الآن`,
    /// `3 أيام مضت`: a day at a distance from the reference date. `منذ`
    /// ("since", "for") is left out: the guide reads `منذ شهرين` as a duration.
    fn offset(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let (k, prefix) = self.key_np(i);
        let sign: i64 = match k.as_ref() {
            "قبل" => -1,
            "بعد" => 1,
            _ => {
                // `3 أيام مضت`
                let (n, unit, l) = self.amount(i)?;
                let m = self.next(l).filter(|&m| matches!(self.key(m), "مضت" | "مضي" | "خلت"))?;
                let value = self.reference.and_then(|r| shift_date(r, unit, -n));
                return Some(Found { first: i, last: m, prefix_chars: 0, value: value.map(Value::Day), kind: DateKind::Relative });
            }
        };
        let (n, unit, mut last) = self.amount(self.next(i)?)?;
        // Anchored to now only with `من الآن` or in a phrase standing alone:
        // in a story `بعد 30 عاما في المنصب`, `قبل 51 يوما من وفاته` count from
        // an event, and `بعد أسبوعين من التحقيق` is no calendar date.
        let mut anchored = false;
        if let Some(m) = self.next(last).filter(|&m| self.key(m) == "من") {
            if let Some(a) = self.next(m).filter(|&a| self.key(a) == "الان") {
                last = a;
                anchored = true;
            } else {
                return None;
            }
        }
        let sentence = doc.toks.sentences[doc.sentence_of(i)].tokens.clone();
        let words = sentence.filter(|&j| doc.tokens[j].is_wordlike()).count();
        if !anchored && words > 6 {
            return None;
        }
        let value = self.reference.and_then(|r| shift_date(r, unit, sign * n));
        Some(Found { first: i, last, prefix_chars: prefix, value: value.map(Value::Day), kind: DateKind::Relative })
    }

    /// `يومين`, `3 أيام`, `أسبوع`, `21 يوما`: (count, unit, last token).
    fn amount(&self, i: usize) -> Option<(i64, char, usize)> {
        let doc = self.doc;
        if doc.kind(i) == TokenKind::Number {
            let n = doc.number(i)? as i64;
            let u = self.next(i)?;
            let m = doc.phrase_at(&doc.lex.time_units, u).filter(|m| m.prefix_chars == 0)?;
            if n == 0 || n > 100 {
                return None;
            }
            return Some((n, m.value.0, m.last));
        }
        let m = doc.phrase_at(&doc.lex.time_units, i).filter(|m| m.prefix_chars == 0)?;
        let (unit, count) = *m.value;
        // a singular after قبل/بعد is `a day`/`a week`, but `يوم` alone is
        // too common (`بعد يوم من`): only weeks, months and years
        if count == 0 || (count == 1 && unit == 'd') {
            return None;
        }
        Some((count as i64, unit, m.last))
    }

    /// Whether the clause before token `i` speaks of the future: a verb with
    /// the future prefix س (`سيعقد`, `ستجري`), `سوف`, `من المقرر`, `يعتزم`.
    /// News reports the past otherwise. Only the words before the date in
    /// its sentence count: a quote after it (`قال الإثنين إن ... ستستأنف`)
    /// has its own tense.
    fn tense_at(&self, i: usize) -> Direction {
        let doc = self.doc;
        let start = doc.toks.sentences[doc.sentence_of(i)].tokens.start;
        for j in (start..i).rev() {
            if !doc.tokens[j].is_word() {
                continue;
            }
            let k = doc.key(j);
            let k = k.strip_prefix('و').unwrap_or(k);
            // `سأعود`: the hamza tells the future prefix from `ساعة`
            let first_person = doc.surface(j).trim_start_matches('و').starts_with("سأ");
            if first_person || is_future_verb(k) || matches!(k, "سوف" | "المقرر" | "المنتظر" | "المرتقب" | "يعتزم" | "تعتزم" | "يعتزمون") {
                return Direction::FutureOrToday;
            }
        }
        // A date standing alone, outside any clause (`الخميس 15 أغسطس`, a
        // calendar entry, `الموعد يوم الجمعة`), names the coming one.
        let sentence = doc.toks.sentences[doc.sentence_of(i)].tokens.clone();
        let words_before = (sentence.start..i).filter(|&j| doc.tokens[j].is_word()).count();
        let words = sentence.filter(|&j| doc.tokens[j].is_wordlike()).count();
        if words_before <= 1 && words <= 8 {
            return Direction::Future;
        }
        Direction::PastOrToday
    }

    /// Years after a cue: `عام 2015`, `العام 2005م`, `في 2011`, `1436 هـ`,
    /// `1436 / 1437هـ`, `بين 1989 و2003`, `2002 و2006`.
    fn year_led(&self, i: usize) -> Option<Found> {
        // `في` (some 30% of the tokens tried) is no cue of a year in digits:
        // its openers say so, and its keys need no reading
        if self.current.get().is_some_and(|(at, opens)| at == i && opens.year_in_words_only) {
            let found = self.year_in_words(i, false, 0);
            debug_assert_eq!(found, self.read_year_led(i), "year after في at token {i}");
            return found;
        }
        self.read_year_led(i)
    }

    /// [`DateScanner::year_led`] with every key read.
    fn read_year_led(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let kc = self.key_nc(i);
        let prefix = if kc.len() != self.key(i).len() { 1 } else { 0 };
        // `بين 1989 و2003`
        if kc == "بين" {
            let a = self.next(i)?;
            let (y1, l1, _) = self.year_number(a)?;
            let w = self.next(l1)?;
            if self.key(w) != "و" || doc.kind(w + 1) != TokenKind::Number {
                return None;
            }
            let (y2, l2, _) = self.year_number(w + 1)?;
            if !(Self::plausible_gregorian_year(y1) && Self::plausible_gregorian_year(y2) && y1 < y2) {
                return None;
            }
            return Some(Found { first: i, last: l2, prefix_chars: prefix, value: Some(Value::YearRange(y1, y2)), kind: DateKind::Range });
        }
        let (cue_key, cue_prefix) = self.key_np(i);
        if matches!(cue_key.as_ref(), "عام" | "العام" | "سنه" | "السنه" | "في") {
            if let Some(found) = self.year_in_words(i, cue_key != "في", cue_prefix) {
                return Some(found);
            }
        }
        let (num_tok, first, pre) = if doc.kind(i) == TokenKind::Number {
            (i, i, 0)
        } else if is_year_cue_in_text(&cue_key) {
            (self.next(i)?, i, cue_prefix)
        } else {
            return None;
        };
        let (y, mut last, marker) = self.year_number(num_tok)?;
        // the marker of a pair counts for both: `1436 / 1437هـ`
        let pair_marker = self.next_punct(last).filter(|(_, c)| matches!(c, '/' | '-' | '–')).and_then(|(p, _)| {
            let n = doc.next_non_space(p)?;
            self.year_number(n).and_then(|(yb, _, mb)| (yb == y + 1).then_some(mb)).flatten()
        });
        let marker = marker.or(pair_marker);
        // cue check for a bare number
        if first == num_tok {
            let prev = doc.prev_non_space(num_tok);
            let prev_key = prev.filter(|&p| doc.tokens[p].is_word()).map(|p| doc.key(p));
            if prev_key.is_some_and(is_not_year_before) {
                return None;
            }
            let glued_wa = num_tok > 0 && doc.kind(num_tok - 1) == TokenKind::Word && doc.key(num_tok - 1) == "و";
            let prev_cue = prev.filter(|&p| doc.tokens[p].is_word()).map(|p| self.key_np(p).0);
            let cued = prev_cue.as_deref().is_some_and(is_year_cue);
            if !(cued || glued_wa || marker.is_some()) {
                return None;
            }
            // a weak cue (`في 1200 قرية`, `بعد 1500 متر`) needs a modern year
            let strong = prev_cue.as_deref().is_some_and(is_year_cue_in_text) || marker.is_some();
            if !strong && !(1800..=2100).contains(&y) {
                return None;
            }
        }
        // Hijri year (range of Gregorian days), possibly `1436 / 1437هـ`
        let mut y2 = None;
        if let Some((p, '/' | '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some((yb, lb, mb)) = self.year_number(n) {
                    if yb == y + 1 {
                        y2 = Some((yb, mb));
                        last = lb;
                    }
                }
            }
        }
        let hijri = marker == Some(Calendar::Hijri) || y2.is_some_and(|(_, m)| m == Some(Calendar::Hijri));
        if hijri {
            if !Self::plausible_hijri_year(y) {
                return None;
            }
            let end_year = y2.map(|(b, _)| b).unwrap_or(y);
            let a = hijri_to_gregorian(y, 1, 1)?;
            let b = hijri_year_end(end_year)?;
            return Some(Found { first, last, prefix_chars: pre, value: Some(Value::DayRange(a, b)), kind: DateKind::Range });
        }
        if !Self::plausible_gregorian_year(y) || doc.key(num_tok).len() != 4 {
            return None;
        }
        if let Some((b, _)) = y2 {
            return Some(Found { first, last, prefix_chars: pre, value: Some(Value::YearRange(y, b)), kind: DateKind::Range });
        }
        Some(Found { first, last, prefix_chars: pre, value: Some(Value::Year(y)), kind: DateKind::Absolute })
    }
}

impl DateScanner<'_, '_> {
    /// A year in words after the cue at `i`: `عام مائتين وسبعة وستين`, `في
    /// ألف وسبعمائة …`. A strong cue (`عام`, not `في`) is part of the date
    /// and admits earlier years.
    fn year_in_words(&self, i: usize, strong: bool, cue_prefix: u8) -> Option<Found> {
        let n = self.next(i)?;
        let (y, l) = numbers::number_words(self.doc, n)?;
        if !((strong && (100..=2200).contains(&y)) || (1000..=2200).contains(&y)) {
            return None;
        }
        let (first, pre) = if strong { (i, cue_prefix) } else { (n, 0) };
        Some(Found { first, last: l, prefix_chars: pre, value: Some(Value::Year(y as i32)), kind: DateKind::Absolute })
    }
}

/// `f()` when `cond` holds, else `None`.
fn when(cond: bool, f: impl FnOnce() -> Option<Found>) -> Option<Found> {
    if cond {
        f()
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy)]
enum YearRef {
    /// `من العام المقبل`: the reference year plus this offset.
    Relative(i32),
    /// The year and the calendar marker written after it (هـ / م).
    Explicit(i32, #[allow(dead_code)] Option<Calendar>),
    ThisYear,
}

/// A verb with the future prefix: س + a present-tense prefix + stem
/// (`سيعقد`, `ستجري`, `سنعمل`). Nouns that begin the same way (`سيارة`,
/// `سياسة`, `سيطرته`, `ستاد`) are told apart by their endings and stems.
fn is_future_verb(k: &str) -> bool {
    let mut cs = k.chars();
    if cs.next() != Some('س') || !matches!(cs.next(), Some('ي' | 'ت' | 'ن')) {
        return false;
    }
    let n = k.chars().count();
    if !(4..=9).contains(&n) || k.ends_with('ه') || k.ends_with("ها") || k.ends_with("هم") {
        return false;
    }
    const NOUNS: &[&str] = &["سيا", "سيط", "سيد", "سير", "سين", "ستا", "ستو", "سيف", "سيج", "ستر", "سنو", "سنه", "سنت", "ساع", "سال", "سام", "ساح", "سان"];
    !NOUNS.iter().any(|p| k.starts_with(p))
}

fn dir_offset(d: Direction) -> i32 {
    match d {
        Direction::Past | Direction::PastOrToday => -1,
        Direction::Future | Direction::FutureOrToday => 1,
        Direction::Current | Direction::Nearest => 0,
    }
}

fn shift_month(y: i32, m: u32, off: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + off;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn first_day(v: Value) -> NaiveDate {
    match v {
        Value::Day(d) | Value::DayRange(d, _) => d,
        Value::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
        Value::Year(y) | Value::YearRange(y, _) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        Value::MonthRange((y, m), _) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
    }
}

fn last_day(v: Value) -> NaiveDate {
    match v {
        Value::Day(d) | Value::DayRange(_, d) => d,
        Value::Month(y, m) => {
            let (ny, nm) = shift_month(y, m, 1);
            NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1)).unwrap_or(NaiveDate::MAX)
        }
        Value::Year(y) | Value::YearRange(_, y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        Value::MonthRange(_, (y, m)) => last_day(Value::Month(y, m)),
    }
}

/// A month's value: `YYYY-MM` for Gregorian, the day range for Hijri.
fn month_value(y: i32, month: MonthInfo) -> Option<Value> {
    match month.calendar {
        Calendar::Gregorian => Some(Value::Month(y, month.month as u32)),
        Calendar::Hijri => {
            let a = hijri_to_gregorian(y, month.month as u32, 1)?;
            let b = hijri_month_end(y, month.month as u32)?;
            Some(Value::DayRange(a, b))
        }
    }
}

/// The nearest `weekday` in direction `dir` from `r` (past includes `r`).
fn resolve_weekday(r: NaiveDate, weekday: u8, dir: Direction) -> NaiveDate {
    let target = weekday as i64 - 1; // Monday = 0
    let today = r.weekday().num_days_from_monday() as i64;
    match dir {
        Direction::Future => {
            let ahead = (target - today).rem_euclid(7);
            r + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
        Direction::FutureOrToday => r + Duration::days((target - today).rem_euclid(7)),
        Direction::Past => {
            let back = (today - target).rem_euclid(7);
            r - Duration::days(if back == 0 { 7 } else { back })
        }
        Direction::PastOrToday | Direction::Current | Direction::Nearest => {
            let back = (today - target).rem_euclid(7);
            r - Duration::days(back)
        }
    }
}

/// Hijri when the mention has a Hijri month name or an `هـ` marker.
fn calendar_of(doc: &Doc, first: usize, last: usize) -> DateCalendar {
    let hijri = (first..=last).any(|t| {
        doc.tokens[t].is_word()
            && (matches!(doc.key(t), "ه" | "هجري" | "هجريه" | "للهجره")
                || doc.phrase_at(&doc.lex.months, t).is_some_and(|m| m.value.calendar == Calendar::Hijri))
    });
    if hijri {
        DateCalendar::Hijri
    } else {
        DateCalendar::Gregorian
    }
}

/// Granularity of a mention whose value is unknown (no reference date):
/// a day when it names one (a weekday, a day number, `أمس`), else a month
/// when it names one, else a year.
fn granularity_of(doc: &Doc, first: usize, last: usize) -> Granularity {
    let day = (first..=last).any(|t| {
        doc.word(t).is_some_and(|(w, _)| w.weekday.is_some())
            || doc.number(t).is_some_and(|n| n <= 31)
            || matches!(doc.key(t), "اليوم" | "امس" | "غدا" | "غد" | "البارحه" | "يوم" | "منه")
            || doc.phrase_at(&doc.lex.ordinals, t).is_some()
    });
    if day {
        return Granularity::Day;
    }
    let month = (first..=last).any(|t| doc.phrase_at(&doc.lex.months, t).is_some() || doc.key(t).ends_with("الشهر"));
    if month {
        Granularity::Month
    } else {
        Granularity::Year
    }
}

/// `r` moved by `n` units (d, w, m, y); month ends clamp (`31 + 1 شهر`).
fn shift_date(r: NaiveDate, unit: char, n: i64) -> Option<NaiveDate> {
    match unit {
        'd' => r.checked_add_signed(Duration::days(n)),
        'w' => r.checked_add_signed(Duration::days(7 * n)),
        'm' | 'y' => {
            let months = if unit == 'y' { 12 * n } else { n };
            let (y, m) = shift_month(r.year(), r.month(), months as i32);
            (0..4).find_map(|back| NaiveDate::from_ymd_opt(y, m, r.day() - back))
        }
        _ => None,
    }
}

/// The date nearest to `r` whose day of the month is `day` and whose
/// weekday is `weekday` (ISO, Monday = 1): `السبت السادس عشر`.
fn day_of_month_with_weekday(r: NaiveDate, day: u32, weekday: u8) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    for off in -2..=2 {
        let (y, m) = shift_month(r.year(), r.month(), off);
        if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
            if d.weekday().number_from_monday() == weekday as u32
                && best.is_none_or(|b| (d - r).num_days().abs() < (b - r).num_days().abs())
            {
                best = Some(d);
            }
        }
    }
    best
}

/// Umm al-Qura date → Gregorian.
pub fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1300..=1600).contains(&y) {
        return None;
    }
    let date = Date::try_new_hijri_with_calendar(y, m as u8, d as u8, Hijri::new_umm_al_qura()).ok()?;
    // a 30th in a 29-day month is rejected rather than rolled over
    if date.day_of_month().0 as u32 != d {
        return None;
    }
    let iso = date.to_calendar(Iso);
    NaiveDate::from_ymd_opt(iso.year().extended_year(), iso.month().ordinal as u32, iso.day_of_month().0 as u32)
}

fn hijri_month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = Date::try_new_hijri_with_calendar(y, m as u8, 1, Hijri::new_umm_al_qura()).ok()?;
    let len = first.days_in_month() as u32;
    hijri_to_gregorian(y, m, len)
}

fn hijri_year_end(y: i32) -> Option<NaiveDate> {
    hijri_month_end(y, 12)
}

fn gregorian_to_hijri_year(d: NaiveDate) -> Option<i32> {
    let iso = Date::<Iso>::try_new_iso(d.year(), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some(h.year().extended_year())
}

/// The word lists of these rules (`data/words/dates.tsv`).
#[derive(Debug)]
pub struct Words {}

impl Words {
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/dates.tsv");
        let file = crate::lexicon::lists::ListFile::parse(name, text)?;
        file.finish()?;
        Ok(Words {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_conversion_matches_published_dates() {
        // 1 Ramadan 1439 began on 17 May 2018 in Saudi Arabia (Umm al-Qura: 16 May)
        assert_eq!(hijri_to_gregorian(1439, 9, 1), NaiveDate::from_ymd_opt(2018, 5, 16));
        // 1 Muharram 1436 = 25 October 2014
        assert_eq!(hijri_to_gregorian(1436, 1, 1), NaiveDate::from_ymd_opt(2014, 10, 25));
        assert_eq!(hijri_to_gregorian(1436, 13, 1), None);
    }

    #[test]
    fn weekdays_resolve_by_direction() {
        let monday = NaiveDate::from_ymd_opt(2017, 6, 19).unwrap();
        assert_eq!(resolve_weekday(monday, 1, Direction::PastOrToday), monday);
        assert_eq!(resolve_weekday(monday, 1, Direction::Past), NaiveDate::from_ymd_opt(2017, 6, 12).unwrap());
        assert_eq!(resolve_weekday(monday, 4, Direction::Past), NaiveDate::from_ymd_opt(2017, 6, 15).unwrap());
        assert_eq!(resolve_weekday(monday, 4, Direction::Future), NaiveDate::from_ymd_opt(2017, 6, 22).unwrap());
        assert_eq!(resolve_weekday(monday, 1, Direction::Future), NaiveDate::from_ymd_opt(2017, 6, 26).unwrap());
    }

    #[test]
    fn iso_text_is_what_the_format_strings_write() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for y in [-12, 0, 7, 99, 622, 1436, 2018, 9999, 10000, 123456] {
            let (a, b) = (day(y, 1, 9), day(y, 12, 31));
            assert_eq!(Value::Day(a).iso(), a.format("%Y-%m-%d").to_string());
            assert_eq!(Value::DayRange(a, b).iso(), format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")));
            assert_eq!(Value::Year(y).iso(), format!("{y:04}"));
            assert_eq!(Value::YearRange(y, y + 1).iso(), format!("{y:04}/{:04}", y + 1));
            for m in [1, 9, 10, 12] {
                assert_eq!(Value::Month(y, m).iso(), format!("{y:04}-{m:02}"));
                assert_eq!(Value::MonthRange((y, m), (y + 1, 1)).iso(), format!("{y:04}-{m:02}/{:04}-01", y + 1));
            }
        }
    }

    #[test]
    fn month_shifts_cross_years() {
        assert_eq!(shift_month(2017, 1, -1), (2016, 12));
        assert_eq!(shift_month(2017, 12, 1), (2018, 1));
    }
}

#[cfg(test)]
mod sentence_tests {
    use crate::testutil::{analyze, date_values};

    fn one(text: &str, reference: &str) -> Option<String> {
        let v = date_values(text, reference);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().flatten()
    }

    #[test]
    fn levantine_and_paired_months() {
        assert_eq!(one("عقد المؤتمر في 14 شباط/فبراير 2016 في جنيف", "2016-03-01").as_deref(), Some("2016-02-14"));
        assert_eq!(one("تبدأ الدورة في 3 كانون الثاني المقبل", "2019-12-10").as_deref(), Some("2020-01-03"));
        assert_eq!(one("وصل الوفد في 9 آذار/مارس الماضي", "2019-05-10").as_deref(), Some("2019-03-09"));
        assert_eq!(one("صدر القرار يوم 21 تشرين الأول 2011", "2019-05-10").as_deref(), Some("2011-10-21"));
    }

    #[test]
    fn egyptian_and_maghrebi_months() {
        assert_eq!(one("افتتح المعرض في 5 يونيه 2014", "2014-07-01").as_deref(), Some("2014-06-05"));
        assert_eq!(one("انطلقت الحملة يوم 12 يولية 2013", "2014-07-01").as_deref(), Some("2013-07-12"));
        assert_eq!(one("تنطلق الامتحانات في 2 جوان 2016", "2016-05-01").as_deref(), Some("2016-06-02"));
        assert_eq!(one("أعلنت النتائج في 30 جانفي 2017", "2017-02-01").as_deref(), Some("2017-01-30"));
    }

    #[test]
    fn arabic_indic_digits() {
        assert_eq!(one("ولد الشاعر عام ١٩٤٥ في القرية", "2020-01-01").as_deref(), Some("1945"));
        assert_eq!(one("اجتمع المجلس في ١٢ نيسان ٢٠١٨", "2020-01-01").as_deref(), Some("2018-04-12"));
    }

    #[test]
    fn relative_days_resolve_against_the_reference() {
        assert_eq!(one("وصل الرئيس أمس إلى العاصمة", "2020-03-10").as_deref(), Some("2020-03-09"));
        assert_eq!(one("تبدأ المفاوضات غدا في فيينا", "2020-03-10").as_deref(), Some("2020-03-11"));
        assert_eq!(one("صرح الوزير اليوم الثلاثاء بأن الخطة جاهزة", "2020-03-10").as_deref(), Some("2020-03-10"));
        assert_eq!(one("التقى الوفدان يوم الخميس الماضي", "2020-03-10").as_deref(), Some("2020-03-05"));
        assert_eq!(one("سيزور الوزير بغداد الأحد المقبل", "2020-03-10").as_deref(), Some("2020-03-15"));
    }

    #[test]
    fn without_a_reference_relative_dates_are_null() {
        let r = analyze("وصل الرئيس أمس إلى العاصمة", None);
        assert_eq!(r.dates.len(), 1);
        assert_eq!(r.dates[0].value, None);
    }

    #[test]
    fn ordinal_day_ranges() {
        assert_eq!(one("جرت الجولة في الخامس والسادس من آب/أغسطس الماضي", "2019-09-01").as_deref(), Some("2019-08-05/2019-08-06"));
    }

    #[test]
    fn resolution_numbers_are_not_years() {
        assert!(date_values("وفق القرار 2254 الصادر عن المجلس", "2020-01-01").is_empty());
        assert!(date_values("بلغ عدد الزوار 2500 زائر", "2020-01-01").is_empty());
    }

    #[test]
    fn durations_are_not_dates() {
        assert!(date_values("تمتد الهدنة لمدة 6 أشهر", "2020-01-01").is_empty());
    }

    #[test]
    fn items_carry_calendar_granularity_and_anchor() {
        use crate::record::{DateCalendar, Granularity};
        let r = analyze("بدأ الموسم في 25 شوال 1436 هـ، وانتهى في أيلول 2016، وسيعقد المؤتمر غدا.", None);
        assert_eq!(r.dates.len(), 3, "{:?}", r.dates);
        assert_eq!((r.dates[0].calendar, r.dates[0].granularity), (DateCalendar::Hijri, Granularity::Day));
        assert_eq!((r.dates[1].calendar, r.dates[1].granularity), (DateCalendar::Gregorian, Granularity::Month));
        assert_eq!(r.dates[2].value, None);
        assert_eq!(r.dates[2].relative_to, Some("reference_date"));
        assert_eq!(r.dates[0].relative_to, None);
    }

    #[test]
    fn hijri_dates_convert() {
        assert_eq!(one("أقيم الحفل مساء يوم ١٢/١٠/١٤٣٦ه في الرياض", "2015-08-01"), Some("2015-07-28".into()));
    }
}
