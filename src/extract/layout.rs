//! Layout: the headline and the dateline that open many articles.
//!
//! A headline is a first line that is short, does not end as a sentence
//! does, and is followed by a blank line or by the dateline; [`Layout`]
//! finds it once for the record, the source and the quotes. A dateline opens the
//! story: `الرياض - واس`, `لندن (رويترز) -`, `دبي، الإمارات العربية المتحدة
//! (CNN)--`, `جدة: «الشرق الأوسط»`; its place is a known location at its
//! start, its agency an outlet from `data/agencies.tsv` (see `outlets.rs`).

use super::doc::Doc;
use super::outlets;
use crate::record::{Dateline, Span};
use crate::lexicon::EntityType;
use crate::tokenizer::{TokenKind, ARABIC_COMMA};
use std::ops::Range;

/// A headline is at most this many words: a longer first line is the
/// story's lead, even before a blank line.
const MAX_HEADLINE_WORDS: usize = 25;
/// A dateline line is at most this many words; in a longer line only the
/// opening is read.
const MAX_DATELINE_WORDS: usize = 14;
const OPENING_TOKENS: usize = 40;

/// The article's layout, found once and read by the record, the source and
/// the quotes: which lines hold words, and which one is the headline.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Lines (paragraph indices) that hold words, in order.
    pub lines: Vec<usize>,
    /// Token range of the headline, without its line break.
    pub headline: Option<Range<usize>>,
}

impl Layout {
    /// Finds the lines and the headline of `doc`.
    pub fn of(doc: &Doc) -> Layout {
        let lines = non_empty_lines(doc);
        let headline = headline(doc, &lines);
        Layout { lines, headline }
    }

    /// The first token of the body: after the headline's line, or 0. What
    /// comes before it (a headline's quoted words) is not the story's.
    pub fn body_start(&self, doc: &Doc) -> usize {
        match (&self.headline, self.lines.first()) {
            (Some(_), Some(&first)) => doc.toks.paragraph(first).end,
            _ => 0,
        }
    }
}

/// Lines (paragraph indices) that hold words, in order.
fn non_empty_lines(doc: &Doc) -> Vec<usize> {
    (0..doc.toks.paragraph_count()).filter(|&l| doc.toks.paragraph(l).any(|i| doc.tokens[i].is_wordlike())).collect()
}

/// Whether the range `r` holds more than `n` words. Stops at the word
/// after the `n`th: a line may be a whole article.
pub fn more_words_than(doc: &Doc, r: Range<usize>, n: usize) -> bool {
    r.filter(|&i| doc.tokens[i].is_wordlike()).nth(n).is_some()
}

/// Token range of the headline, without its line break. The first line is
/// the headline when the story goes on after it, it is short, it does not
/// end as a sentence does (`؟` and `!` are fine: a headline may ask or
/// exclaim), and a blank line or the dateline follows it. `non_empty`:
/// the lines that hold words.
fn headline(doc: &Doc, non_empty: &[usize]) -> Option<Range<usize>> {
    let &first = non_empty.first()?;
    if non_empty.len() < 2 {
        return None;
    }
    let range = trim(doc, doc.toks.paragraph(first))?;
    if more_words_than(doc, range.clone(), MAX_HEADLINE_WORDS) {
        return None;
    }
    if matches!(doc.punct(range.end - 1), Some('.' | ARABIC_COMMA | ',' | ':')) {
        return None;
    }
    let blank_after = first + 1 < doc.toks.paragraph_count() && !more_words_than(doc, doc.toks.paragraph(first + 1), 0);
    let dateline_after = non_empty.get(1).is_some_and(|&l| dateline_in(doc, doc.toks.paragraph(l)).is_some());
    (blank_after || dateline_after).then_some(range)
}

/// The range without spaces and line breaks at both ends.
fn trim(doc: &Doc, r: Range<usize>) -> Option<Range<usize>> {
    let blank = |i: usize| matches!(doc.kind(i), TokenKind::Space | TokenKind::Newline);
    let mut a = r.start;
    let mut b = r.end;
    while a < b && blank(a) {
        a += 1;
    }
    while b > a && blank(b - 1) {
        b -= 1;
    }
    (a < b).then_some(a..b)
}

/// A found dateline, by tokens.
#[derive(Debug, Clone, Copy)]
pub struct DatelineFound {
    pub place: Option<(usize, usize, u8)>,
    pub agency: Option<(usize, usize, u8)>,
}

/// The dateline of the article: in the first lines that hold words
/// (`non_empty`) after the headline, if it has one.
pub fn dateline(doc: &Doc, non_empty: &[usize], has_headline: bool) -> Option<DatelineFound> {
    let skip = usize::from(has_headline);
    non_empty.iter().skip(skip).take(2).find_map(|&l| dateline_in(doc, doc.toks.paragraph(l)))
}

/// A dateline at the start of the line `r`.
fn dateline_in(doc: &Doc, r: Range<usize>) -> Option<DatelineFound> {
    let r = trim(doc, r)?;
    let long = more_words_than(doc, r.clone(), MAX_DATELINE_WORDS);
    let scan = if long { r.start..(r.start + OPENING_TOKENS).min(r.end) } else { r.clone() };
    let first = scan.clone().find(|&i| doc.tokens[i].is_wordlike())?;
    let place = doc
        .phrase_at(&doc.lex.gazetteer, first)
        .filter(|m| m.prefix_chars == 0 && doc.lex.gazetteer_entries[*m.value as usize].entity_type == EntityType::Location)
        .map(|m| (first, m.last, 0u8));
    let agency = outlets::outlet_in(doc, scan.clone(), long);
    // a place must be followed by a separator, a comma or a date to open a
    // dateline (`الرياض - `, `دبي، `, `سان فرانسيسكو 20 يوليو`)
    let place = place.filter(|&(_, last, _)| {
        doc.next_non_space(last).is_some_and(|n| {
            n >= r.end || matches!(doc.punct(n), Some('-' | '–' | '—' | ':' | ARABIC_COMMA | ',' | '(' | '|')) || doc.kind(n) == TokenKind::Number
        })
    });
    if place.is_none() && agency.is_none() {
        return None;
    }
    // in a long line an outlet without a place opens a dateline only when
    // bracketed at the very start (`(CNN)--`)
    if long && place.is_none() {
        let a = agency?.0;
        if doc.prev_non_space(a).is_none_or(|p| p != first.saturating_sub(1) && doc.punct(p) != Some('(')) {
            return None;
        }
    }
    Some(DatelineFound { place, agency })
}

/// The record's dateline: place and agency as written, and the span from
/// the first to the last of them.
pub fn to_record(doc: &Doc, d: DatelineFound) -> Dateline {
    let parts = [d.place, d.agency];
    let first = parts.iter().flatten().map(|p| (p.0, p.2)).min_by_key(|p| p.0).unwrap_or((0, 0));
    let last = parts.iter().flatten().map(|p| p.1).max().unwrap_or(0);
    let span: Span = doc.span(first.0, last, first.1);
    Dateline {
        place: d.place.map(|(a, b, p)| doc.slice(a, b, p).to_string()),
        agency: d.agency.map(|(a, b, p)| doc.slice(a, b, p).to_string()),
        span,
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::analyze;

    #[test]
    fn headline_before_a_blank_line() {
        let r = analyze("الحكومة تقر الموازنة الجديدة\n\nأقرت الحكومة اليوم الموازنة.", None);
        assert_eq!(r.headline.as_deref(), Some("الحكومة تقر الموازنة الجديدة"));
        let r = analyze("أقرت الحكومة اليوم الموازنة.\nوقال الوزير إنها متوازنة.", None);
        assert_eq!(r.headline, None);
    }

    #[test]
    fn a_headline_may_ask_or_exclaim_but_not_end_a_sentence() {
        let body = "\n\nأعلن النادي اليوم أن المفاوضات مع اللاعب لم تنته بعد.";
        let r = analyze(&format!("هل يرحل المهاجم عن النادي في الصيف؟{body}"), None);
        assert_eq!(r.headline.as_deref(), Some("هل يرحل المهاجم عن النادي في الصيف؟"));
        let r = analyze(&format!("المهاجم لم يوقع للنادي بعد!{body}"), None);
        assert_eq!(r.headline.as_deref(), Some("المهاجم لم يوقع للنادي بعد!"));
        let r = analyze(&format!("المهاجم لم يوقع للنادي بعد.{body}"), None);
        assert_eq!(r.headline, None);
    }

    #[test]
    fn a_long_first_paragraph_is_the_lead_not_a_headline() {
        let lead = "قال رئيس البلدية في مؤتمر صحفي عقده صباح اليوم في مقر البلدية بحضور عدد من الأعضاء والصحفيين إن المشروع الجديد سيبدأ في الربيع المقبل وسيوفر مئات من فرص العمل للشباب في المدينة";
        assert!(lead.split(' ').count() > 25);
        let r = analyze(&format!("{lead}\n\nوأضاف أن التمويل متوفر."), None);
        assert_eq!(r.headline, None);
    }

    #[test]
    fn dateline_place_and_agency() {
        let r = analyze("عنوان الخبر هنا\n\nالرياض - واس\nأعلنت الوزارة اليوم عن خطة جديدة.", None);
        let d = r.dateline.expect("dateline");
        assert_eq!(d.place.as_deref(), Some("الرياض"));
        assert_eq!(d.agency.as_deref(), Some("واس"));
        let r = analyze("لندن (رويترز) - ارتفعت أسعار النفط اليوم في الأسواق العالمية بعد قرار أوبك الأخير بخفض الإنتاج.", None);
        let d = r.dateline.expect("dateline in a long line");
        assert_eq!((d.place.as_deref(), d.agency.as_deref()), (Some("لندن"), Some("رويترز")));
    }

    #[test]
    fn a_reporter_byline_gives_a_place_but_no_agency() {
        let r = analyze("عنوان\n\nجدة - محمد العلي\nأعلنت الأمانة عن مشروع جديد.", None);
        let d = r.dateline.expect("dateline");
        assert_eq!((d.place.as_deref(), d.agency), (Some("جدة"), None));
    }
}
