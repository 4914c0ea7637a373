//! Source: the agency or outlet credited for the whole article.
//!
//! Credits sit in known places, and only there is an outlet's name a credit
//! (an agency merely mentioned in the story is not the source):
//! - a credit line: `المصدر: سبوتنيك`, `المصدر : وكالة سانا`;
//! - the dateline or byline near the top: `الرياض - واس`, `لندن (رويترز) -`,
//!   `دبي، الإمارات (CNN)--`, `مكة - الوئام - فلان`, `فلان – عين اليوم`, or a
//!   line holding only the outlet (`فرانس 24`);
//! - a bracketed agency or trailer at the end: `(واس)`, `(أ ف ب)`.
//!
//! On a dateline the outlet is a whole segment between separators (`-`,
//! `–`, `:`, `|`, `(`…`)`); the first segment is usually the place, so a
//! later segment is preferred, and news agencies over other outlets.

use super::doc::Doc;
use super::layout::Layout;
use super::outlets::{agency_at, segment_candidates, Candidate};
use crate::record::Source;
use crate::lexicon::lists::{ListFile, WordList};
use crate::tokenizer::TokenKind;

/// Lines near the top that may hold a dateline or byline.
const TOP_LINES: usize = 4;
/// Tokens of the first body line searched for an opening credit.
const OPENING_TOKENS: usize = 40;
/// A byline is short.
const MAX_BYLINE_WORDS: usize = 14;


/// The source of the article.
pub fn extract(doc: &Doc, layout: &Layout) -> Option<Source> {
    let non_empty = &layout.lines[..];
    // 1. an explicit credit line, anywhere
    for &l in non_empty.iter().rev() {
        if let Some(s) = credit_line(doc, doc.toks.paragraph(l)) {
            return Some(s);
        }
    }
    // 2. dateline / byline near the top (the headline is skipped: it may
    //    hold an outlet's name as a topic)
    let mut best: Option<Candidate> = None;
    for (n, &l) in non_empty.iter().take(TOP_LINES).enumerate() {
        if n == 0 && layout.headline.is_some() {
            continue;
        }
        let range = doc.toks.paragraph(l);
        let long = super::layout::more_words_than(doc, range.clone(), MAX_BYLINE_WORDS);
        let range = if long {
            // a long line: only its opening (`دمشق، سوريا (CNN) -- ...`)
            range.start..(range.start + OPENING_TOKENS).min(range.end)
        } else {
            range
        };
        for c in segment_candidates(doc, range, long) {
            if best.is_none_or(|b| c.rank < b.rank) {
                best = Some(c);
            }
        }
        if best.is_some() {
            break;
        }
    }
    // 3. a bracketed credit at the end
    if best.is_none() {
        for &l in non_empty.iter().rev().take(2) {
            let range = doc.toks.paragraph(l);
            let tail = range.end.saturating_sub(OPENING_TOKENS).max(range.start)..range.end;
            best = segment_candidates(doc, tail, true).into_iter().min_by_key(|c| c.rank);
            if best.is_some() {
                break;
            }
        }
    }
    best.map(|c| to_source(doc, c))
}

fn to_source(doc: &Doc, c: Candidate) -> Source {
    let agency = &doc.lex.agency_list[c.agency as usize];
    Source { name: doc.slice(c.first, c.last, c.prefix).to_string(), canonical: Some(agency.canonical.clone()), span: doc.span(c.first, c.last, c.prefix) }
}

/// `المصدر: X` — X from the agency lexicon, else the rest of the line.
fn credit_line(doc: &Doc, range: std::ops::Range<usize>) -> Option<Source> {
    let first = range.clone().find(|&i| doc.tokens[i].is_wordlike())?;
    let words = &doc.words.source;
    if !words.credit_heads.contains(doc.key(first)) {
        return None;
    }
    let mut j = doc.next_non_space(first)?;
    if words.credited_things.contains(doc.key(j)) {
        j = doc.next_non_space(j)?;
    }
    if !matches!(doc.punct(j), Some(':' | '-' | '–')) {
        return None;
    }
    let start = doc.next_non_space(j).filter(|&s| s < range.end && doc.tokens[s].is_wordlike())?;
    if let Some(m) = agency_at(doc, start) {
        let agency = &doc.lex.agency_list[*m.value as usize];
        return Some(Source {
            name: doc.slice(m.first, m.last, m.prefix_chars).to_string(),
            canonical: Some(agency.canonical.clone()),
            span: doc.span(m.first, m.last, m.prefix_chars),
        });
    }
    // an outlet we do not know: the rest of the line, if short
    let mut last = start;
    let mut words = 0;
    for i in start..range.end {
        if doc.tokens[i].kind == TokenKind::Newline {
            break;
        }
        if doc.tokens[i].is_wordlike() {
            last = i;
            words += 1;
        }
    }
    (words <= 5).then(|| Source { name: doc.slice(start, last, 0).to_string(), canonical: None, span: doc.span(start, last, 0) })
}

/// The word lists of the source rules (`data/words/source.tsv`).
#[derive(Debug)]
pub struct Words {
    /// The word that opens a credit line (`المصدر: X`).
    pub credit_heads: WordList,
    /// What a credit line may say is credited (`المصدر الخبر: X`).
    pub credited_things: WordList,
}

impl Words {
    /// Reads the lists compiled into the binary.
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/source.tsv");
        let mut file = ListFile::parse(name, text)?;
        let words = Words { credit_heads: WordList::of_rows(&file.rows("credit_heads")?), credited_things: WordList::of_rows(&file.rows("credited_things")?) };
        file.finish()?;
        Ok(words)
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::analyze;

    fn source(text: &str) -> Option<(String, Option<String>)> {
        analyze(text, None).source.map(|s| (s.name, s.canonical))
    }

    #[test]
    fn credit_line_at_the_end() {
        let s = source("عنوان الخبر\n\nقال الوزير إن الوضع جيد.\nالمصدر: سبوتنيك");
        assert_eq!(s, Some(("سبوتنيك".into(), Some("Sputnik".into()))));
        let s = source("قال الوزير إن الوضع جيد.\nالمصدر : وكالة الأنباء السعودية");
        assert_eq!(s.and_then(|s| s.1).as_deref(), Some("SPA"));
    }

    #[test]
    fn datelines_name_the_agency_not_the_city() {
        assert_eq!(source("الرياض - واس\nأعلنت الوزارة عن خطة.").map(|s| s.0).as_deref(), Some("واس"));
        assert_eq!(source("لندن (رويترز) - ارتفعت أسعار النفط اليوم.").map(|s| s.0).as_deref(), Some("رويترز"));
        assert_eq!(source("عنوان\n\nبيروت - أ ف ب\nقال مسؤول إن المفاوضات متعثرة.").and_then(|s| s.1).as_deref(), Some("AFP"));
    }

    #[test]
    fn a_reporter_byline_is_not_a_source() {
        assert_eq!(source("الرياض - محمد العلي\nأعلنت الوزارة عن خطة."), None);
    }

    #[test]
    fn an_agency_mentioned_in_the_story_is_not_the_source() {
        let s = source("عنوان\n\nذكرت وكالة رويترز في تقرير لها أن الأسعار ارتفعت بشكل كبير خلال الشهر الماضي في معظم الأسواق.");
        assert_eq!(s, None);
    }
}
