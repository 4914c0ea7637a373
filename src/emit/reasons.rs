//! How each quote was attributed, told in words for the views: the
//! record's own `attribution`, `cue_span` and `speaker_span` (what the
//! extractor decided, not a guess made afterwards), said in a sentence.

use super::marks::byte_offsets;
use crate::record::{self, Quote, QuoteKind, Record, Span};

/// Where a quote's cue and speaker are written, and the reason in words.
pub(super) struct Attribution {
    /// The cue.
    pub cue: Option<Span>,
    /// The mention of the speaker the attribution rests on.
    pub mention: Option<Span>,
    /// The reason, one sentence in English.
    pub reason: String,
}

/// The attribution of every quote of `record`, in order. `text` is the
/// article the record was made from, or `None`: then the mentions are not
/// quoted in the reasons.
pub(super) fn attributions(record: &Record, text: Option<&str>) -> Vec<Attribution> {
    // the mentions' text, found in one pass over the article
    let mut ends: Vec<usize> = record.quotes.iter().flat_map(|q| q.speaker_span).flatten().collect();
    ends.sort_unstable();
    ends.dedup();
    let bytes = text.map(|t| byte_offsets(t, &ends)).unwrap_or_default();
    let mention_text = |span: Span| -> Option<&str> {
        let text = text?;
        let byte_of = |p: usize| ends.binary_search(&p).ok().map(|i| bytes[i]);
        text.get(byte_of(span[0])?..byte_of(span[1])?)
    };
    record
        .quotes
        .iter()
        .map(|q| Attribution { cue: q.cue_span, mention: q.speaker_span, reason: reason(q, q.speaker_span.and_then(mention_text)) })
        .collect()
}

/// The reason in words; `mention` is the text at the quote's
/// `speaker_span`, when the article is known.
fn reason(q: &Quote, mention: Option<&str>) -> String {
    let kind = match q.kind {
        QuoteKind::Direct => "Direct quote (in quotation marks)",
        QuoteKind::Indirect => "Indirect quote (reported speech)",
    };
    let cue = match &q.cue {
        None => ", with no cue".to_string(),
        Some(c) if q.attribution == record::Attribution::AfterQuote => format!(", followed by the cue «{c}»"),
        Some(c) => format!(", cue «{c}»"),
    };
    let Some(speaker) = &q.speaker else { return format!("{kind}{cue}; no speaker was found.") };
    let named = match mention {
        Some(m) if m != speaker => format!(" (written «{m}»)"),
        _ => String::new(),
    };
    let how = match q.attribution {
        record::Attribution::Subject => format!("the speaker «{speaker}»{named} is the subject of the cue"),
        record::Attribution::TitleName => format!("the speaker «{speaker}»{named} is named with a title after the cue"),
        record::Attribution::AfterQuote => format!("the speaker «{speaker}»{named} is the subject of the cue after the quote"),
        record::Attribution::Credit => format!("the quote is credited to «{speaker}»{named}"),
        record::Attribution::DroppedSubject => format!("the cue has no subject: the speaker «{speaker}» is carried over from before"),
        record::Attribution::Participle => format!("a participle: the speaker «{speaker}»{named} is the subject of its clause"),
        record::Attribution::Document => format!("a document speaks: «{speaker}»{named}"),
        record::Attribution::Relayed => format!("relayed by an outlet from «{speaker}»{named}"),
        record::Attribution::Unresolved => format!("the speaker is «{speaker}»"),
    };
    format!("{kind}{cue}; {how}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Attribution as How;

    fn span_of(text: &str, part: &str) -> Span {
        let at = text[..text.find(part).unwrap()].chars().count();
        [at, at + part.chars().count()]
    }

    fn record(text: &str, quote: &str, cue: &str, how: How, mention: Option<&str>) -> Record {
        let quote = Quote {
            text: quote.into(),
            kind: QuoteKind::Indirect,
            speaker: Some("سامي خليل".into()),
            cue: Some(cue.into()),
            span: span_of(text, quote),
            cue_span: Some(span_of(text, cue)),
            speaker_span: mention.map(|m| span_of(text, m)),
            attribution: how,
        };
        Record { quotes: vec![quote], ..Record::default() }
    }

    #[test]
    fn the_record_says_where_the_cue_and_the_speaker_are() {
        let text = "وصل الوفد. وقال خليل إن المحادثات مثمرة.";
        let r = record(text, "المحادثات مثمرة", "وقال", How::Subject, Some("خليل"));
        let a = &attributions(&r, Some(text))[0];
        assert_eq!(a.cue, Some(span_of(text, "وقال")));
        assert_eq!(a.mention, Some(span_of(text, "خليل")));
        assert!(a.reason.contains("subject of the cue") && a.reason.contains("(written «خليل»)"), "{}", a.reason);
    }

    #[test]
    fn a_carried_over_speaker_has_no_mention() {
        let text = "قال خليل إن الاتفاق قريب. وأضاف أن التوقيع سيتم قريبا.";
        let r = record(text, "التوقيع سيتم قريبا", "وأضاف", How::DroppedSubject, None);
        let a = &attributions(&r, Some(text))[0];
        assert_eq!(a.mention, None);
        assert!(a.reason.contains("carried over"), "{}", a.reason);
    }

    #[test]
    fn without_the_article_the_reason_tells_the_record() {
        let text = "قال خليل إن الأمر انتهى";
        let r = record(text, "الأمر انتهى", "قال", How::Subject, Some("خليل"));
        let a = &attributions(&r, None)[0];
        assert_eq!(a.reason, "Indirect quote (reported speech), cue «قال»; the speaker «سامي خليل» is the subject of the cue.");
    }
}
