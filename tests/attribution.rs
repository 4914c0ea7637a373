//! Every quote says how its speaker was found (`attribution`), where its
//! cue is written (`cue_span`) and which mention the decision rests on
//! (`speaker_span`). Sentences written for this test.

use khabar::record::{Attribution, Record, Span};
use khabar::{Analyzer, Options, Workspace};

const TEXT: &str = "خبر للاختبار

قال وزير المالية خالد العمري إن الموازنة متوازنة.

وأضاف أن العجز سينخفض العام المقبل.

\"لن نرفع الضرائب\"، قال العمري.

وبحسب مصدر في الوزارة، فإن الخطة جاهزة منذ أسابيع.

ونقلت وكالة الأنباء عن مسؤول حكومي قوله إن الاجتماع سيعقد غدا.
";

fn analyze() -> Record {
    let analyzer = Analyzer::new().expect("bundled data loads");
    analyzer.analyze(&mut Workspace::default(), TEXT, &Options::default())
}

fn text_at(span: Span) -> String {
    TEXT.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

#[test]
fn each_quote_says_how_its_speaker_was_found() {
    let r = analyze();
    let got: Vec<(Attribution, Option<&str>)> = r.quotes.iter().map(|q| (q.attribution, q.speaker.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            (Attribution::TitleName, Some("خالد العمري")),
            (Attribution::DroppedSubject, Some("خالد العمري")),
            (Attribution::AfterQuote, Some("خالد العمري")),
            (Attribution::Credit, Some("مصدر في الوزارة")),
            (Attribution::Relayed, Some("مسؤول حكومي")),
        ]
    );
}

#[test]
fn the_spans_point_at_the_cue_and_the_mention() {
    let r = analyze();
    for q in &r.quotes {
        let cue = q.cue_span.expect("every quote here has a cue");
        assert_eq!(Some(text_at(cue).as_str()), q.cue.as_deref());
    }
    let mentions: Vec<Option<String>> = r.quotes.iter().map(|q| q.speaker_span.map(text_at)).collect();
    assert_eq!(
        mentions,
        vec![Some("خالد العمري".into()), None, Some("العمري".into()), Some("مصدر في الوزارة".into()), Some("مسؤول حكومي".into())]
    );
}
