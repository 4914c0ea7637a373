//! How each quote was attributed, told in words for the views.
//!
//! The record gives a quote's cue and speaker as strings, not where they
//! are written. The views find them next to the quote: the cue as the
//! nearest word ending in the cue's text before the quote in the same
//! sentence (or else just after it, as in `"…"، قال X`), and the speaker's
//! mention as the mention of that speaker's entity nearest the cue. What
//! is not found there is said so: a speaker not named at the quote was
//! carried over from an earlier one.

use super::marks::byte_offsets;
use crate::record::{Entity, EntityType, Quote, QuoteKind, Record, Span};
use std::collections::HashMap;

/// How far from the quote a cue, or from the cue a mention, is looked for
/// (code points): a clause, not the next sentence.
const NEAR: usize = 120;

/// Where a quote's cue and speaker were found, and the reason in words.
pub(super) struct Attribution {
    /// The cue as written next to the quote.
    pub cue: Option<Span>,
    /// The mention of the speaker next to the cue or the quote.
    pub mention: Option<Span>,
    /// The reason, one sentence in English.
    pub reason: String,
}

/// The attribution of every quote of `record`, in order. `text` is the
/// article the record was made from, or `None`: then nothing is located,
/// and the reasons say only what the record says.
pub(super) fn attributions(record: &Record, text: Option<&str>) -> Vec<Attribution> {
    let Some(text) = text else {
        return record.quotes.iter().map(|q| Attribution { cue: None, mention: None, reason: reason(q, None, None, false) }).collect();
    };
    let mut ends: Vec<usize> = record.quotes.iter().flat_map(|q| q.span).collect();
    ends.sort_unstable();
    ends.dedup();
    let bytes = byte_offsets(text, &ends);
    let byte_of = |p: usize| ends.binary_search(&p).map_or(text.len(), |i| bytes[i]);
    let mentions = speaker_mentions(record);
    record
        .quotes
        .iter()
        .map(|q| {
            let (start, end) = (byte_of(q.span[0]), byte_of(q.span[1]));
            let cue = q.cue.as_deref().and_then(|cue| find_cue(text, cue, q.span, start, end));
            let anchor = cue.map_or(q.span[0], |(span, _)| span[0]);
            let mention = q.speaker.as_ref().and_then(|name| mentions.get(name.as_str())).and_then(|spans| nearest(spans, anchor, q.span));
            let reason = reason(q, Some(cue.map(|(_, after)| after)), mention.map(|m| slice_near(text, m, q.span, start)), true);
            Attribution { cue: cue.map(|(span, _)| span), mention, reason }
        })
        .collect()
}

/// The cue `cue` as written before the quote in its sentence, or else
/// right after it: its span, and whether it follows the quote.
fn find_cue(text: &str, cue: &str, quote: Span, start: usize, end: usize) -> Option<(Span, bool)> {
    let stops = |c: char| matches!(c, '\n' | '.' | '!' | '?' | '\u{61F}');
    // before the quote: back to the sentence's start, at most NEAR code points
    let from = text[..start].char_indices().rev().take(NEAR).take_while(|&(_, c)| !stops(c)).last().map_or(start, |(b, _)| b);
    let before = &text[from..start];
    let mut search = before.len();
    while let Some(at) = before[..search].rfind(cue) {
        if ends_word(before, at + cue.len()) {
            let back = before[at..].chars().count();
            return Some(([quote[0] - back, quote[0] - back + cue.chars().count()], false));
        }
        search = at;
    }
    let to = text[end..].char_indices().take(NEAR).take_while(|&(_, c)| c != '\n').last().map_or(end, |(b, c)| end + b + c.len_utf8());
    let after = &text[end..to];
    let mut from = 0;
    while let Some(found) = after[from..].find(cue) {
        let at = from + found;
        if ends_word(after, at + cue.len()) {
            let ahead = after[..at].chars().count();
            return Some(([quote[1] + ahead, quote[1] + ahead + cue.chars().count()], true));
        }
        from = at + cue.len();
    }
    None
}

/// No letter follows byte `at` of `s` (a cue is a whole word's end: `قال`
/// is found in `وقال`, never in `قالت`).
fn ends_word(s: &str, at: usize) -> bool {
    !s[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The mentions each speaker may be named by: those of the entity with
/// the speaker's name, and of a person named by a run of the speaker's
/// words (`لافروف` for `سيرغي لافروف`), sorted. Entities are looked up by
/// name, so that an article of many speakers and many entities costs no
/// product of the two.
fn speaker_mentions(record: &Record) -> HashMap<&str, Vec<Span>> {
    let mut by_name: HashMap<&str, Vec<&Entity>> = HashMap::new();
    for e in &record.entities {
        by_name.entry(e.text.as_str()).or_default().push(e);
        if e.canonical != e.text {
            by_name.entry(e.canonical.as_str()).or_default().push(e);
        }
    }
    let mut out = HashMap::new();
    for s in &record.speakers {
        let mut spans: Vec<Span> = by_name.get(s.name.as_str()).into_iter().flatten().flat_map(|e| e.mentions.iter().copied()).collect();
        let words: Vec<&str> = s.name.split_whitespace().take(NAME_WORDS).collect();
        let mut run = String::new();
        for from in 0..words.len() {
            for to in from + 1..=words.len() {
                run.clear();
                run.push_str(&words[from..to].join(" "));
                let people = by_name.get(run.as_str()).into_iter().flatten().filter(|e| e.entity_type == EntityType::Person);
                spans.extend(people.flat_map(|e| e.mentions.iter().copied()));
            }
        }
        spans.sort_unstable();
        spans.dedup();
        out.insert(s.name.as_str(), spans);
    }
    out
}

/// A speaker's name is looked up by runs of at most its first this many
/// words (a name with its title is rarely longer).
const NAME_WORDS: usize = 8;

/// The mention in `spans` (sorted) nearest `anchor`, outside the quote and
/// at most [`NEAR`] code points away.
fn nearest(spans: &[Span], anchor: usize, quote: Span) -> Option<Span> {
    let at = spans.partition_point(|s| s[0] < anchor);
    let outside = |s: &&Span| s[1] <= quote[0] || s[0] >= quote[1];
    let distance = |s: &Span| if s[0] >= anchor { s[0] - anchor } else { anchor.saturating_sub(s[1]) };
    let after = spans[at..].iter().filter(outside).take(1);
    let before = spans[..at].iter().rev().filter(outside).take(1);
    after.chain(before).copied().filter(|s| distance(s) <= NEAR).min_by_key(distance)
}

/// The text of `span`, which lies within [`NEAR`] code points of `quote`
/// (whose start is at byte `start`): counted from there, not from the
/// article's start, so that the cost is the distance.
fn slice_near(text: &str, span: Span, quote: Span, start: usize) -> String {
    if span[0] >= quote[0] {
        text[start..].chars().skip(span[0] - quote[0]).take(span[1] - span[0]).collect()
    } else {
        let back: Vec<char> = text[..start].chars().rev().take(quote[0] - span[0]).collect();
        back.iter().rev().take(span[1] - span[0]).collect()
    }
}

/// The reason in words. `cue_after`: whether the cue was found after the
/// quote (`None` inside: not found; outer `None`: not looked for);
/// `mention`: the speaker's mention at the quote; `looked`: whether one
/// was looked for (the article was given).
fn reason(q: &Quote, cue_after: Option<Option<bool>>, mention: Option<String>, looked: bool) -> String {
    let kind = match q.kind {
        QuoteKind::Direct => "Direct quote (in quotation marks)",
        QuoteKind::Indirect => "Indirect quote (reported speech)",
    };
    let cue = match (&q.cue, cue_after) {
        (None, _) => ", with no cue".to_string(),
        (Some(c), None) => format!(", cue «{c}»"),
        (Some(c), Some(None)) => format!(", cue «{c}» (not found next to the quote)"),
        (Some(c), Some(Some(false))) => format!(", introduced by the cue «{c}» before it"),
        (Some(c), Some(Some(true))) => format!(", followed by the cue «{c}»"),
    };
    let speaker = match (&q.speaker, mention, looked) {
        (None, _, _) => "; no speaker was found.".to_string(),
        (Some(s), Some(m), _) if m == *s => format!("; the speaker «{s}» is named there."),
        (Some(s), Some(m), _) => format!("; the speaker «{s}» is named there as «{m}»."),
        (Some(s), None, true) => format!("; the speaker «{s}» is not named at this quote: carried over from an earlier mention."),
        (Some(s), None, _) => format!("; the speaker is «{s}»."),
    };
    format!("{kind}{cue}{speaker}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Speaker;

    fn span_of(text: &str, part: &str) -> Span {
        let at = text[..text.find(part).unwrap()].chars().count();
        [at, at + part.chars().count()]
    }

    fn record(text: &str, quote: &str, cue: &str, kind: QuoteKind) -> Record {
        Record {
            speakers: vec![Speaker { name: "سامي خليل".into(), title: None, quotes: 1 }],
            quotes: vec![Quote { text: quote.into(), kind, speaker: Some("سامي خليل".into()), cue: Some(cue.into()), span: span_of(text, quote) }],
            entities: vec![Entity { text: "خليل".into(), canonical: "خليل".into(), entity_type: EntityType::Person, latin: None, mentions: vec![span_of(text, "خليل")] }],
            ..Record::default()
        }
    }

    #[test]
    fn cue_and_speaker_are_found_before_the_quote() {
        let text = "وصل الوفد. وقال خليل إن المحادثات مثمرة.";
        let r = record(text, "المحادثات مثمرة", "قال", QuoteKind::Indirect);
        let a = &attributions(&r, Some(text))[0];
        let cue = span_of(text, "قال خليل");
        assert_eq!(a.cue, Some([cue[0], cue[0] + 3]), "the cue's word without its clitic");
        assert_eq!(a.mention, Some(span_of(text, "خليل")));
        assert!(a.reason.contains("before it") && a.reason.contains("named there as «خليل»"), "{}", a.reason);
    }

    #[test]
    fn a_cue_after_the_quote_is_found() {
        let text = "\"لن نتراجع\"، قال خليل أمس، وقالت الصحيفة غير ذلك.";
        let r = record(text, "لن نتراجع", "قال", QuoteKind::Direct);
        let a = &attributions(&r, Some(text))[0];
        let cue = span_of(text, "قال خليل");
        assert_eq!(a.cue, Some([cue[0], cue[0] + 3]));
        assert!(a.reason.contains("followed by the cue"), "{}", a.reason);
    }

    #[test]
    fn a_speaker_not_named_near_is_carried_over() {
        let text = "قال خليل إن الاتفاق قريب. وفي جلسة طويلة عقدت في القاعة الكبرى بحضور عدد كبير من النواب والخبراء والصحفيين والمراقبين الذين جاؤوا من كل البلدان العربية والأجنبية، أضاف أن التوقيع سيتم قريبا.";
        let mut r = record(text, "التوقيع سيتم قريبا", "أضاف", QuoteKind::Indirect);
        r.entities[0].mentions = vec![span_of(text, "خليل")];
        let a = &attributions(&r, Some(text))[0];
        assert_eq!(a.mention, None);
        assert!(a.reason.contains("carried over"), "{}", a.reason);
    }

    #[test]
    fn without_the_article_the_reason_tells_the_record() {
        let r = record("قال خليل إن الأمر انتهى", "الأمر انتهى", "قال", QuoteKind::Indirect);
        let a = &attributions(&r, None)[0];
        assert_eq!((a.cue, a.mention), (None, None));
        assert_eq!(a.reason, "Indirect quote (reported speech), cue «قال»; the speaker is «سامي خليل».");
    }
}
