//! Quotes and speakers: who said what, directly and indirectly.
//!
//! A cue is a verb of saying (from `data/speech_verbs.tsv`, with or without
//! a conjunction `و`/`ف`). After it come, in this order: an optional subject
//! (the speaker), optional circumstances (`خلال مؤتمر صحفي`, a date), then
//! - a complementizer (`إن`, `أن`, `بأن`, after the verb's preposition:
//!   `أشار إلى أن`) — an indirect quote to the end of the sentence or the
//!   next cue;
//! - a colon — a direct quote: the quotation marks that follow, or the rest
//!   of the sentence;
//! - quotation marks — a direct quote, unless they hold only a name or term
//!   (`“بريكس”`), which is skipped.
//!
//! Quotation marks followed by a cue (`«…»، قال لافروف`) are direct quotes of
//! that cue's subject. A cue without a subject (`وأضاف`, `وتابع قائلا`) is
//! the previous speaker of the same grammatical gender; a family name alone
//! (`لافروف`) is linked to the full name given earlier.


mod attribution;
mod close;
mod cues;
mod index;
mod keys;
mod reach;
mod speakers;
mod subject;
mod words;

pub use words::Words;

use super::doc::Doc;
use super::layout::Layout;
use super::entities::KnownNames;
use super::names::{self, NounPhrase, PhraseKind};
use crate::lexicon::VerbInfo;
use crate::record::{Attribution, Quote, QuoteKind, Speaker};
use crate::tokenizer::fold::fold_phrase;
use crate::tokenizer::clitics::has_plural_ending;
use crate::tokenizer::TokenKind;
use attribution::add_attribution_cues;
use close::close_indirect_quotes;
use cues::{add_trailing_cues, find_cues, is_honorific_pronoun};
use speakers::{SpeakerState, Speakers};

/// Quotes of at most this many words are names or terms (`“بريكس”`,
/// `"معلومات مخابراتية موثوقة"`), not quotations.
pub(super) const MAX_TERM_WORDS: usize = 3;
/// How far after a verb (in tokens) its complementizer or quote may be.
pub(super) const CUE_WINDOW: usize = 60;

#[derive(Debug, Clone)]
pub(super) struct Cue {
    /// First token of the cue (the verb), for ordering and for ending the
    /// previous indirect quote.
    verb: usize,
    verb_info: VerbInfo,
    kind: QuoteKind,
    /// Content tokens `[start, end)`; `end` is `None` for an indirect quote
    /// until the next cue is known.
    start: usize,
    end: Option<usize>,
    subject: Option<NounPhrase>,
    /// Where the cue stands, which tells how its speaker is found.
    shape: CueShape,
}

/// Where a cue stands relative to its quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueShape {
    /// A verb before its quote (`قال … إن`); `relayed` when the outlet
    /// it names speaks for another (`نقلت الوكالة عن فلان`).
    Verb { relayed: bool },
    /// A verb after its quote (`"…"، قال فلان`).
    AfterQuote,
    /// A credit phrase (`بحسب فلان`, `وفقا لـفلان`).
    Credit,
}


/// The shortest plural adjective that tells a plural subject, in letters
/// (`محليون`).
const MIN_PLURAL_CHARS: usize = 5;

/// Extracts quotes (in text order) and speakers. `known_people` are full
/// names found elsewhere (entities), for linking family names.
/// Named people who speak are also returned in `people` (name as written,
/// its span) so that the entity list has them.
pub fn extract(
    doc: &Doc,
    layout: &Layout,
    known: &KnownNames,
    quotes: &mut Vec<Quote>,
    speakers: &mut Vec<Speaker>,
    people: &mut Vec<(String, crate::record::Span)>,
) -> Option<String> {
    let body_start = layout.body_start(doc);
    let mut cues = find_cues(doc, body_start);
    add_trailing_cues(doc, &mut cues, body_start);
    add_attribution_cues(doc, &mut cues, body_start);
    cues.sort_by_key(|c| c.start);
    cues.dedup_by_key(|c| c.start);
    close_indirect_quotes(doc, &mut cues);
    // at most a quote per cue: room for all at once, not grown by doubling
    // (old and new buffers both resident at the last copy)
    quotes.reserve_exact(cues.len());

    let mut st = Speakers::default();
    for cue in &cues {
        let end = cue.end.unwrap_or(cue.start);
        let Some((a, b)) = trim(doc, cue.start, end) else { continue };
        // what the words are decides what the phrase can name
        let subject = cue.subject.and_then(|np| {
            names::lexical::as_speaker(doc, np).or_else(|| (np.first == np.last && st.is_family_name(doc.key(np.first), known)).then_some(np))
        });
        if let Some((a, b, p)) = subject.filter(|np| np.kind == PhraseKind::Person).and_then(|np| np.name) {
            people.push((doc.slice(a, b, p).to_string(), doc.span(a, b, p)));
        }
        let speaker_idx = match &subject {
            Some(np) => Some(st.named(doc, np, cue.verb_info.gender, known)),
            // `وشدد معاليه`: his excellency is the story's main figure, the
            // most quoted person so far
            None if doc.next_word(cue.verb).is_some_and(|n| is_honorific_pronoun(doc, doc.key(n))) => {
                st.most_quoted_person().or_else(|| st.dropped(cue.verb_info))
            }
            None => st.dropped(cue.verb_info).or_else(|| {
                // nobody quoted yet: the person the story is about
                let at = doc.tokens[cue.verb].char_start as usize;
                // (mentions are in text order: the last before the verb is
                // found by a binary search)
                let before = known.person_mentions.partition_point(|(pos, _)| *pos < at);
                let (_, name) = known.person_mentions[..before].last()?;
                let key = fold_phrase(name);
                Some(st.add(name.to_string(), key, cue.verb_info.gender, cue.verb, true))
            }),
        };
        // `قال سكان محليون`: a singular verb before a plural subject; the
        // sound plural adjective tells the number
        let plural_subject = subject.is_some_and(|np| np.kind == PhraseKind::Description && {
            let k = doc.key(np.last);
            has_plural_ending(k) && k.chars().count() >= MIN_PLURAL_CHARS
        });
        if let Some(i) = speaker_idx {
            st.credit(i);
            if cue.verb_info.number == crate::lexicon::GramNumber::Plural || plural_subject {
                st.mark_plural(i);
            }
        }
        let range = doc.byte_range(a, b, 0);
        quotes.push(Quote {
            text: doc.text[range].to_string(),
            kind: cue.kind,
            speaker: speaker_idx.map(|i| st.people[i].name.clone()),
            cue: Some(doc.surface(cue.verb).to_string()),
            span: doc.span(a, b, 0),
            cue_span: Some(doc.span(cue.verb, cue.verb, 0)),
            speaker_span: subject.filter(|_| speaker_idx.is_some()).map(|np| match np.name {
                Some((a, b, p)) => doc.span(a, b, p),
                None => doc.span(np.first, np.last, np.prefix_chars),
            }),
            attribution: attribution(doc, cue, subject.as_ref(), speaker_idx.is_some()),
        });
    }
    st.merge_same_people(quotes);
    let mut quoted: Vec<&SpeakerState> = st.people.iter().filter(|p| p.quotes > 0).collect();
    quoted.sort_by_key(|p| p.first_seen);
    let main = quoted.iter().max_by(|x, y| x.quotes.cmp(&y.quotes).then(y.first_seen.cmp(&x.first_seen))).map(|p| p.name.clone());
    speakers.extend(quoted.into_iter().map(|p| Speaker { name: p.name.clone(), title: p.title.clone(), quotes: p.quotes }));
    main
}


/// How the speaker of `cue` was found: from its `subject` (after the
/// word-class checks), or from before when it has none.
fn attribution(doc: &Doc, cue: &Cue, subject: Option<&NounPhrase>, found: bool) -> Attribution {
    let Some(np) = subject.filter(|_| found) else {
        return if found { Attribution::DroppedSubject } else { Attribution::Unresolved };
    };
    match cue.shape {
        CueShape::Credit => Attribution::Credit,
        CueShape::AfterQuote => Attribution::AfterQuote,
        CueShape::Verb { relayed: true } => Attribution::Relayed,
        CueShape::Verb { relayed: false } => {
            if doc.phrase_at(&doc.lex.document_nouns, np.first).is_some() {
                Attribution::Document
            } else if cue.verb_info.tense == crate::lexicon::Tense::Participle {
                Attribution::Participle
            } else if np.title.is_some() && np.name.is_some() {
                Attribution::TitleName
            } else {
                Attribution::Subject
            }
        }
    }
}

/// Trims spaces and punctuation at both ends of content `[a, b)`; returns
/// inclusive token bounds.
pub(super) fn trim(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut a = a;
    let mut b = b;
    let junk = |i: usize| match doc.kind(i) {
        TokenKind::Space | TokenKind::Newline => true,
        TokenKind::Punct => matches!(doc.punct(i), Some(ARABIC_COMMA | ',' | '.' | ':' | ARABIC_SEMICOLON | ';' | '-' | '–' | '—')),
        _ => false,
    };
    while a < b && junk(a) {
        a += 1;
    }
    while b > a && junk(b - 1) {
        b -= 1;
    }
    (a < b).then_some((a, b - 1))
}

pub(super) use crate::tokenizer::{ARABIC_COMMA, ARABIC_SEMICOLON};

/// Whether token `t` is a comma, Arabic or Latin.
#[inline]
pub(super) fn is_comma(doc: &Doc, t: usize) -> bool {
    matches!(doc.punct(t), Some(ARABIC_COMMA | ','))
}

pub(super) fn word_count(doc: &Doc, r: std::ops::Range<usize>) -> usize {
    r.filter(|&i| doc.tokens[i].is_wordlike()).count()
}

#[cfg(test)]
mod tests {
    use crate::record::QuoteKind;
    use crate::testutil::analyze;


    #[test]
    fn indirect_quote_after_verb_subject_and_complementizer() {
        let r = analyze("وقال وزير المالية المصري محمد معيط إن العجز سينخفض العام المقبل.", None);
        assert_eq!(r.quotes.len(), 1);
        let q = &r.quotes[0];
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.text, "العجز سينخفض العام المقبل");
        assert_eq!(q.speaker.as_deref(), Some("محمد معيط"));
        assert_eq!(r.speakers[0].title.as_deref(), Some("وزير المالية المصري"));
    }

    #[test]
    fn preposition_before_complementizer() {
        let r = analyze("وأشار المدير خالد الأحمد إلى أن المشروع تأخر بسبب الأمطار.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].text, "المشروع تأخر بسبب الأمطار");
    }

    #[test]
    fn direct_quotes_in_every_mark_style() {
        for (open, close) in [("«", "»"), ("“", "”"), ("\"", "\""), ("”", "”")] {
            let text = format!("وقال الرئيس كريم ناصر {open}لن نقبل بأي حل لا يحفظ حقوق شعبنا{close}.");
            let r = analyze(&text, None);
            assert_eq!(r.quotes.len(), 1, "{text}");
            assert_eq!(r.quotes[0].kind, QuoteKind::Direct);
            assert_eq!(r.quotes[0].text, "لن نقبل بأي حل لا يحفظ حقوق شعبنا");
        }
    }

    #[test]
    fn colon_without_marks_runs_to_the_end_of_the_sentence() {
        let r = analyze("وقال المتحدث باسم الجيش: القوات تقدمت نحو المدينة من ثلاثة محاور. ثم انتهى المؤتمر.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].text, "القوات تقدمت نحو المدينة من ثلاثة محاور");
    }

    #[test]
    fn quoted_terms_are_not_quotes() {
        let r = analyze("شارك وزراء دول “بريكس” في اجتماع بكين وناقشوا ملف «المناخ».", None);
        assert!(r.quotes.is_empty(), "{:?}", r.quotes);
    }

    #[test]
    fn dropped_subject_carries_the_previous_speaker() {
        let text = "وقال رئيس الوزراء فؤاد حداد إن الحكومة ستقدم خطة جديدة. وأضاف أن الخطة تشمل دعم الشباب. وتابع قائلا “سنعمل ليلا ونهارا لتحقيق ذلك الهدف”.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 3);
        assert!(r.quotes.iter().all(|q| q.speaker.as_deref() == Some("فؤاد حداد")), "{:?}", r.quotes);
        assert_eq!(r.speaker.as_deref(), Some("فؤاد حداد"));
        assert_eq!(r.speakers[0].quotes, 3);
    }

    #[test]
    fn feminine_verb_is_not_the_last_male_speaker() {
        let text = "قالت الوزيرة ليلى حسن إن الميزانية جاهزة. وقال النائب عمرو سالم إن المجلس سيناقشها. وأضافت أن التصويت سيجري قريبا.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 3);
        assert_eq!(r.quotes[2].speaker.as_deref(), Some("ليلى حسن"));
    }

    #[test]
    fn family_name_links_to_the_full_name() {
        let text = "أعلن وزير الخارجية الروسي سيرغي لافروف أن الاجتماع مفيد. وقال لافروف إن الحوار سيستمر مع الجميع.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 2);
        assert!(r.quotes.iter().all(|q| q.speaker.as_deref() == Some("سيرغي لافروف")));
        assert_eq!(r.speakers.len(), 1);
    }

    #[test]
    fn quote_followed_by_its_cue() {
        let r = analyze("«لا يمكن أن نترك المدينة وحدها في هذه الظروف»، قال المحافظ سمير عودة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("سمير عودة"));
    }

    #[test]
    fn naql_an_quotes_the_source_not_the_agency() {
        let r = analyze("ونقلت رويترز عن مسؤول عسكري إن القوات انسحبت من المنطقة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("مسؤول عسكري"));
    }

    #[test]
    fn relative_clause_verb_speaks_for_its_antecedent() {
        let r = analyze("وجاء ذلك بعد تصريحات وزير الخارجية الفرنسي جان إيف لودريان، الذي قال إن باريس لن تتراجع.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("جان إيف لودريان"));
    }

    #[test]
    fn subject_before_the_verb() {
        let r = analyze("المتحدث باسم الشرطة العقيد نادر سليم صرح للصحفيين قائلا: التحقيق مستمر في كل الاتجاهات.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("نادر سليم"));
        let r = analyze("وكانت وزارة الخارجية، قالت في بيان إن السفير استدعي للتشاور.", None);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("وزارة الخارجية"));
    }

    #[test]
    fn hadha_ma_qalahu_after_a_quote() {
        let r = analyze("\"لن نسمح بتكرار هذه الأخطاء مرة أخرى في المستقبل\"، هذا ما قاله المدرب رامي فهد بعد المباراة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("رامي فهد"));
    }

    #[test]
    fn institutions_speak() {
        let r = analyze("وأكدت وزارة الداخلية أن الوضع الأمني مستقر في كل المحافظات.", None);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("وزارة الداخلية"));
    }
}
