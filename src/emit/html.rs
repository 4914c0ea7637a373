//! `--format html`: a self-contained page (no network, no external script,
//! font or stylesheet) that shows each article with its record marked in
//! it, and a panel beside it.
//!
//! The article is written as read, in a `white-space: pre-wrap` block, so
//! that the page's text is the input's text and each mark covers exactly
//! its span. Every mark has a `data-k` naming the record item it shows
//! (`q3`: the third quote; `d1`: a date; `e2m4`: the fourth mention of the
//! second entity; `src`: the source; `cue3` and `who3`: the third quote's
//! cue and speaker as found by [`super::reasons`]) and a `title`; colour is
//! never the only cue (labels, underline patterns, a legend). Several
//! articles are one page: each article is a `<details>` entry whose summary
//! line is its row in the index, written as the batch goes, so nothing is
//! kept from one article to the next.

use super::compact::Out;
use super::marks::{self, Mark, Put};
use super::reasons::{attributions, Attribution};
use super::Article;
use crate::record::{DateMention, EntityType, QuoteKind, Record};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Speakers are told apart by these many colours, then by their number.
const PALETTE: usize = 8;

const STYLE: &str = r#"
:root{color-scheme:light;--ink:#1f2937;--muted:#4b5563;--line:#d1d5db}
body{margin:0;font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Scheherazade New","Geeza Pro","Traditional Arabic","Segoe UI",Tahoma,sans-serif;color:var(--ink);background:#fafaf9;line-height:1.9}
header.page{padding:.6rem 1.2rem;border-bottom:1px solid var(--line);background:#fff}
footer.page{padding:.6rem 1.2rem;color:var(--muted)}
header.page h1{font-size:1.1rem;margin:0}
.doc{display:grid;grid-template-columns:minmax(0,3fr) minmax(17rem,1fr);gap:1.2rem;padding:1rem 1.2rem}
.text{white-space:pre-wrap;font-size:1.2rem;background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.3rem;margin:0}
aside{font-family:system-ui,"Segoe UI",sans-serif;font-size:.9rem;line-height:1.5}
aside h2{font-size:1rem;margin:1rem 0 .3rem;border-bottom:1px solid var(--line)}
aside h3{font-size:.9rem;margin:.6rem 0 .2rem}
aside ul,aside ol{padding-inline-start:1.2rem;margin:.2rem 0}
aside dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:0}
aside dt{color:var(--muted)}aside dd{margin:0}
.reason{color:var(--muted)}
mark{background:none;color:inherit;position:relative;border-radius:2px}
mark:focus{outline:3px solid #111827;outline-offset:1px}
mark[tabindex]:focus::after,mark[tabindex]:hover::after{content:attr(title);position:absolute;inset-block-start:100%;inset-inline-start:0;z-index:5;background:#111827;color:#fff;font:.8rem/1.4 system-ui,sans-serif;padding:.2rem .4rem;border-radius:4px;white-space:pre;direction:ltr;unicode-bidi:plaintext}
mark.q{background:var(--c);box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.q.indirect{background:repeating-linear-gradient(135deg,var(--c) 0 7px,#fff 7px 9px)}
mark.q:not([data-cont])::before{content:"[" attr(data-n) "]";font:bold .7rem system-ui,sans-serif;vertical-align:super;margin-inline-end:.15rem}
mark.q.dim{opacity:.3}
mark.q.lit{outline:3px solid #111827}
mark.cue{text-decoration:underline wavy #111827 2px;text-underline-offset:.35em}
mark.who{border:2px solid #111827;border-radius:4px}
mark.date{border-bottom:3px dotted #0369a1;background:#e0f2fe80}
mark.person{border-bottom:2px solid #6d28d9}
mark.organization{border-bottom:4px double #b45309}
mark.location{border-bottom:2px dashed #047857}
mark.src{outline:2px solid #334155;outline-offset:-1px}
.s0{--c:#fde68a}.s1{--c:#bfdbfe}.s2{--c:#bbf7d0}.s3{--c:#fbcfe8}.s4{--c:#ddd6fe}.s5{--c:#fed7aa}.s6{--c:#a5f3fc}.s7{--c:#d9f99d}.s-none{--c:#e5e7eb}
button.spk{font:inherit;text-align:start;background:var(--c);border:1px solid #6b7280;border-radius:4px;padding:.1rem .4rem;cursor:pointer;width:100%}
button.spk[aria-pressed=true]{outline:3px solid #111827}
button.spk:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid #2563eb}
.legend mark{display:inline-block;margin:.1rem .2rem;padding:0 .2rem}
details.entry{border-bottom:1px solid var(--line)}
details.entry>summary{padding:.4rem 1.2rem;cursor:pointer}
details.entry>summary .counts{color:var(--muted)}
.error{padding:.6rem 1.2rem;color:#991b1b}
@media (max-width:50rem){.doc{grid-template-columns:1fr}}
"#;

/// Clicking a speaker shows only that speaker's quotes (and clicking again
/// shows all); one listener for the page, so entries may stream in.
const SCRIPT: &str = r#"
document.addEventListener("click",function(e){
 var b=e.target.closest("button.spk");if(!b)return;
 var doc=b.closest(".doc"),on=b.getAttribute("aria-pressed")!=="true";
 doc.querySelectorAll("button.spk").forEach(function(x){x.setAttribute("aria-pressed","false")});
 b.setAttribute("aria-pressed",String(on));
 doc.querySelectorAll(".text mark.q").forEach(function(m){
  var mine=m.dataset.s===b.dataset.s;m.classList.toggle("dim",on&&!mine);m.classList.toggle("lit",on&&mine)});
});
"#;

/// The start of the page, up to where the articles go.
fn page_start(out: &mut Out, title: &str, many: bool) {
    let mut s = String::with_capacity(STYLE.len() + SCRIPT.len() + 512);
    s.put("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(&mut s, title);
    s.put("</title>\n<style>");
    s.put(STYLE);
    s.put("</style>\n<script>");
    s.put(SCRIPT);
    s.put("</script>\n</head>\n<body>\n");
    if many {
        s.put("<header class=\"page\" lang=\"en\" dir=\"ltr\"><h1>khabar report</h1><p>One entry per article, in input order: open an entry to see the article with its quotes, dates and entities marked.</p></header>\n<main>\n");
    } else {
        s.put("<main>\n");
    }
    out.extend_from_slice(s.as_bytes());
}

/// The end of the page: how many entries there were, for several.
pub(super) fn page_end(out: &mut Out, written: usize, many: bool) {
    if written == 0 {
        page_start(out, "khabar report", many);
    }
    let mut s = String::from("</main>\n");
    if many {
        let _ = writeln!(s, "<footer class=\"page\" lang=\"en\" dir=\"ltr\"><p>{}.</p></footer>", count(written, "entry", "entries"));
    }
    s.put("</body>\n</html>\n");
    out.extend_from_slice(s.as_bytes());
}

/// Writes one article's entry (the `n`th, from 1); the first also starts
/// the page.
pub(super) fn article(out: &mut Out, record: &Record, article: Option<&Article>, n: usize, many: bool) {
    if n == 1 {
        let title = if many { "khabar report" } else { record.headline.as_deref().or(record.file.as_deref()).unwrap_or("khabar report") };
        page_start(out, title, many);
    }
    let attributions = attributions(record, article.map(|a| a.text));
    // written straight into the sink's buffer, which goes out as it fills
    let s = out;
    if many {
        s.put("<details class=\"entry\"><summary>");
        summary_line(s, record, n);
        s.put("</summary>\n");
    }
    let _ = write!(s, "<article class=\"doc\" id=\"a{n}\" data-n=\"{n}\">\n<div class=\"text\" lang=\"ar\" dir=\"rtl\">");
    match article {
        Some(a) => {
            let speakers = quote_speakers(record);
            let open = |s: &mut Out, what, first| open_mark(s, record, &speakers, n, what, first);
            marks::write(s, a.text, record_marks(record, &attributions), escape, open, "</mark>");
        }
        None => s.put("<p lang=\"en\" dir=\"ltr\">(The article's text was not given to the report: only the record is shown.)</p>"),
    }
    s.put("</div>\n");
    panel(s, record, article, &attributions, n);
    s.put("</article>\n");
    if many {
        s.put("</details>\n");
    }
}

/// Writes what stands in a record's place (an error line of `--errors
/// inline`): its fields, as given.
pub(super) fn other(out: &mut Out, value: &serde_json::Value, n: usize, many: bool) {
    if n == 1 {
        page_start(out, "khabar report", many);
    }
    let field = |k: &str| value.get(k).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string));
    let mut s = String::from("<section class=\"error\" lang=\"en\" dir=\"ltr\" role=\"alert\"><strong>");
    let _ = write!(s, "{n}. ");
    escape(&mut s, &field("file").unwrap_or_else(|| "standard input".into()));
    s.put("</strong>: ");
    escape(&mut s, &field("error").unwrap_or_else(|| value.to_string()));
    s.put("</section>\n");
    out.extend_from_slice(s.as_bytes());
}

/// The index row of an entry: number, input, headline, counts.
fn summary_line<W: Put + ?Sized>(s: &mut W, record: &Record, n: usize) {
    let _ = write!(s, "<bdi dir=\"ltr\">{n}.</bdi> <bdi>");
    escape(s, &input_name(record));
    s.put("</bdi>");
    if let Some(h) = &record.headline {
        s.put(" — <bdi>");
        escape(s, h);
        s.put("</bdi>");
    }
    let counts = [
        count(record.quotes.len(), "quote", "quotes"),
        count(record.speakers.len(), "speaker", "speakers"),
        count(record.dates.len(), "date", "dates"),
        count(record.entities.len(), "entity", "entities"),
    ];
    let _ = write!(s, " <span class=\"counts\" lang=\"en\" dir=\"ltr\">({})</span>", counts.join(", "));
}

/// `1 quote`, `2 quotes`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How an input is named: its path, its JSON Lines id, or standard input.
pub(super) fn input_name(record: &Record) -> String {
    let file = record.file.clone().unwrap_or_else(|| "standard input".into());
    match &record.id {
        Some(id) => format!("{file} (id {id})"),
        None => file,
    }
}

/// Each quote's speaker's number (from 0, in the record's order).
pub(super) fn quote_speakers(record: &Record) -> Vec<Option<usize>> {
    let numbers: HashMap<&str, usize> = record.speakers.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    record.quotes.iter().map(|q| q.speaker.as_deref().and_then(|n| numbers.get(n).copied())).collect()
}

fn speaker_class(index: Option<usize>) -> String {
    index.map_or_else(|| "s-none".to_string(), |i| format!("s{}", i % PALETTE))
}

/// What a mark shows (indices into the record).
#[derive(Clone, Copy)]
enum What {
    Source,
    Quote(usize),
    Cue(usize),
    Speaker(usize),
    Date(usize),
    /// An entity and one of its mentions.
    Mention(usize, usize),
}

/// Every mark of the record over its article, with the quotes' cues and
/// speakers' mentions as found. Marks hold indices, not their tags: a tag
/// is made as it is written (see [`open_mark`]).
fn record_marks(record: &Record, attributions: &[Attribution]) -> Vec<Mark<What>> {
    let mut marks = Vec::new();
    let mut add = |span: [usize; 2], rank: u8, what: What| marks.push(Mark { start: span[0], end: span[1], rank, what });
    if let Some(src) = &record.source {
        add(src.span, 0, What::Source);
    }
    for (i, (q, a)) in record.quotes.iter().zip(attributions).enumerate() {
        add(q.span, 1, What::Quote(i));
        if let Some(cue) = a.cue {
            add(cue, 2, What::Cue(i));
        }
        if let Some(who) = a.mention {
            add(who, 2, What::Speaker(i));
        }
    }
    for (i, d) in record.dates.iter().enumerate() {
        add(d.span, 3, What::Date(i));
    }
    for (i, e) in record.entities.iter().enumerate() {
        for (j, m) in e.mentions.iter().enumerate() {
            add(*m, 4, What::Mention(i, j));
        }
    }
    marks
}

/// Writes the opening tag of a mark: `data-k` names the record item, the
/// title tells what it is; the first fragment of a mark also takes the
/// keyboard focus (and a quote's, the id the panel links to), later ones
/// say they continue it.
fn open_mark<W: Put + ?Sized>(out: &mut W, record: &Record, speakers: &[Option<usize>], n: usize, what: What, first: bool) {
    let focus = if first { " tabindex=\"0\"" } else { " data-cont=\"\"" };
    let label = |i: usize| speakers[i].map_or_else(|| "?".to_string(), |s| (s + 1).to_string());
    let (attrs, title) = match what {
        What::Source => {
            let src = record.source.as_ref().map_or((String::new(), None), |s| (s.name.clone(), s.canonical.clone()));
            (format!("class=\"src\" data-k=\"src\"{focus}"), format!("source: {}{}", src.0, src.1.map_or(String::new(), |c| format!(" ({c})"))))
        }
        What::Quote(i) => {
            let (q, k, class) = (&record.quotes[i], i + 1, speaker_class(speakers[i]));
            let kind = if q.kind == QuoteKind::Direct { "direct" } else { "indirect" };
            let id = if first { format!(" id=\"a{n}-q{k}\"") } else { String::new() };
            // data-s: the speaker's number, which the speaker filter matches
            // (colours repeat past eight speakers; numbers do not)
            let attrs = format!("class=\"q {kind} {class}\" data-k=\"q{k}\" data-s=\"{0}\" data-n=\"{0}\"{id}{focus}", label(i));
            (attrs, format!("quote {k} [{}], {kind}: {}", label(i), q.speaker.as_deref().unwrap_or("no speaker found")))
        }
        What::Cue(i) => (format!("class=\"cue\" data-k=\"cue{}\"", i + 1), format!("cue of quote {}: {}", i + 1, record.quotes[i].cue.as_deref().unwrap_or(""))),
        What::Speaker(i) => {
            let attrs = format!("class=\"who {}\" data-k=\"who{}\"", speaker_class(speakers[i]), i + 1);
            (attrs, format!("speaker of quote {} [{}]: {}", i + 1, label(i), record.quotes[i].speaker.as_deref().unwrap_or("")))
        }
        What::Date(i) => (format!("class=\"date\" data-k=\"d{}\"{focus}", i + 1), format!("date: {}", date_value(&record.dates[i]))),
        What::Mention(i, j) => {
            let e = &record.entities[i];
            let kind = type_name(e.entity_type);
            let title = format!("{kind}: {}{}", e.canonical, e.latin.as_ref().map_or(String::new(), |l| format!(" ({l})")));
            (format!("class=\"ent {kind}\" data-k=\"e{}m{}\"{focus}", i + 1, j + 1), title)
        }
    };
    out.put("<mark ");
    out.put(&attrs);
    out.put(" title=\"");
    escape(out, &title);
    out.put("\">");
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Location => "location",
    }
}

/// A date's value as the views show it.
pub(super) fn date_value(d: &DateMention) -> String {
    let Some(value) = &d.value else {
        return "no value: relative, and no reference date was given".into();
    };
    let kind = format!("{:?}", d.kind).to_lowercase();
    let mut s = format!("{value} ({kind}");
    if d.calendar == crate::record::DateCalendar::Hijri {
        s.put(", hijri");
    }
    if let Some(r) = d.relative_to {
        let _ = write!(s, ", from the {}", r.replace('_', " "));
    }
    s.put(")");
    s
}

/// One row of the panel's facts: a label, and a value or a dash.
fn row<W: Put + ?Sized>(s: &mut W, label: &str, value: Option<String>) {
    let _ = write!(s, "<dt>{label}</dt><dd>");
    match value {
        Some(v) => {
            s.put("<bdi>");
            escape(s, &v);
            s.put("</bdi>");
        }
        None => s.put("—"),
    }
    s.put("</dd>");
}

/// The side panel: what the record says, in order.
fn panel<W: Put + ?Sized>(s: &mut W, record: &Record, article: Option<&Article>, attributions: &[Attribution], n: usize) {
    s.put("<aside lang=\"en\" dir=\"ltr\" aria-label=\"record\">\n<h2>Article</h2>\n<dl>");
    row(s, "Input", Some(input_name(record)));
    row(s, "Source", record.source.as_ref().map(|src| format!("{}{}", src.name, src.canonical.as_ref().map_or(String::new(), |c| format!(" ({c})")))));
    row(s, "Headline", record.headline.clone());
    row(s, "Dateline", record.dateline.as_ref().map(|d| [d.place.as_deref(), d.agency.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" — ")));
    row(s, "Reference date", article.and_then(|a| a.reference_date).map(|d| d.to_string()).or_else(|| Some("none given".into())));
    row(s, "Language", Some(record.language.clone()));
    s.put("</dl>\n");

    let _ = writeln!(s, "<h2>Speakers ({})</h2>", record.speakers.len());
    if !record.speakers.is_empty() {
        s.put("<p class=\"reason\">Click a speaker to show only their quotes.</p>\n<ol>");
    }
    for (i, sp) in record.speakers.iter().enumerate() {
        let class = speaker_class(Some(i));
        let _ = write!(s, "<li><button type=\"button\" class=\"spk {class}\" data-s=\"{0}\" aria-pressed=\"false\">[{0}] <bdi>", i + 1);
        escape(s, &sp.name);
        s.put("</bdi>");
        if let Some(t) = &sp.title {
            s.put(", <bdi>");
            escape(s, t);
            s.put("</bdi>");
        }
        let _ = write!(s, " · {}", count(sp.quotes, "quote", "quotes"));
        if record.speaker.as_deref() == Some(sp.name.as_str()) {
            s.put(" · main speaker");
        }
        s.put("</button></li>");
    }
    if !record.speakers.is_empty() {
        s.put("</ol>\n");
    }

    let _ = write!(s, "<h2>Quotes ({})</h2>\n<ol>", record.quotes.len());
    let speakers = quote_speakers(record);
    for (i, (q, a)) in record.quotes.iter().zip(attributions).enumerate() {
        let label = speakers[i].map_or_else(|| "?".to_string(), |s| (s + 1).to_string());
        let _ = write!(s, "<li><a href=\"#a{n}-q{}\">[{label}] <bdi>", i + 1);
        escape(s, &trimmed(&q.text, 12));
        s.put("</bdi></a><br><span class=\"reason\">");
        isolate_names(s, &a.reason);
        s.put("</span></li>");
    }
    s.put("</ol>\n");

    let _ = write!(s, "<h2>Dates ({})</h2>\n<ol>", record.dates.len());
    for d in &record.dates {
        s.put("<li><bdi>");
        escape(s, &d.text);
        s.put("</bdi> → ");
        escape(s, &date_value(d));
        s.put("</li>");
    }
    s.put("</ol>\n");

    let _ = writeln!(s, "<h2>Entities ({})</h2>", record.entities.len());
    for t in [EntityType::Person, EntityType::Organization, EntityType::Location] {
        let of_type: Vec<_> = record.entities.iter().filter(|e| e.entity_type == t).collect();
        if of_type.is_empty() {
            continue;
        }
        let _ = write!(s, "<h3>{} ({})</h3><ul>", plural(t), of_type.len());
        for e in of_type {
            let _ = write!(s, "<li><mark class=\"ent-key {0}\" title=\"{0}\"><bdi>", type_name(t));
            escape(s, &e.canonical);
            s.put("</bdi></mark>");
            if let Some(l) = &e.latin {
                s.put(" (");
                escape(s, l);
                s.put(")");
            }
            let _ = write!(s, " · {}</li>", count(e.mentions.len(), "mention", "mentions"));
        }
        s.put("</ul>\n");
    }
    s.put(LEGEND);
    s.put("</aside>\n");
}

const LEGEND: &str = "<h2>Legend</h2>\n<p class=\"legend\"><mark class=\"q direct s0\" data-n=\"1\" title=\"legend: direct quote [speaker number]\">direct quote [speaker number]</mark><mark class=\"q indirect s0\" data-n=\"1\" title=\"legend: indirect quote (striped)\">indirect quote (striped)</mark><mark class=\"cue\" title=\"legend: cue\">cue</mark><mark class=\"who\" title=\"legend: speaker named\">speaker named</mark><mark class=\"date\" title=\"legend: date (dotted)\">date (dotted)</mark><mark class=\"person\" title=\"legend: person (solid)\">person (solid)</mark><mark class=\"organization\" title=\"legend: organization (double)\">organization (double)</mark><mark class=\"location\" title=\"legend: location (dashed)\">location (dashed)</mark><mark class=\"src\" title=\"legend: source (boxed)\">source (boxed)</mark></p>\n<p class=\"reason\">Hover or focus (Tab) a mark to see what it is.</p>\n";

fn plural(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "People",
        EntityType::Organization => "Organizations",
        EntityType::Location => "Places",
    }
}

/// The first `words` words of `text`, with an ellipsis if there are more.
pub(super) fn trimmed(text: &str, words: usize) -> String {
    let mut it = text.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut s = head.join(" ");
    if it.next().is_some() {
        s.put(" …");
    }
    s
}

/// Article text as HTML text: `&`, `<` and `>` escaped, and CR written as
/// a reference so that the parser keeps it (and the page's text counts the
/// same code points as the spans).
fn escape<W: Put + ?Sized>(out: &mut W, text: &str) {
    let mut rest = 0;
    for (i, b) in text.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.put(&text[rest..i]);
        out.put(with);
        rest = i + 1;
    }
    out.put(&text[rest..]);
}

/// A reason, escaped, with each «name» in it isolated (`<bdi>`), so that
/// Arabic names keep their order inside the English sentence.
fn isolate_names<W: Put + ?Sized>(out: &mut W, reason: &str) {
    let mut open = false;
    for part in reason.split_inclusive(['«', '»']) {
        let (text, quote) = match part.char_indices().last() {
            Some((at, c @ ('«' | '»'))) => (&part[..at], Some(c)),
            _ => (part, None),
        };
        escape(out, text);
        match quote {
            Some('«') if !open => {
                out.put("«<bdi>");
                open = true;
            }
            Some('»') if open => {
                out.put("</bdi>»");
                open = false;
            }
            Some(c) => out.put(c.encode_utf8(&mut [0; 4])),
            None => {}
        }
    }
    if open {
        out.put("</bdi>");
    }
}

impl Put for Out<'_> {
    fn put(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

impl std::fmt::Write for Out<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_keeps_carriage_returns() {
        let mut s = String::new();
        escape(&mut s, "<script>x='1' & \"2\"</script>\r\n");
        assert_eq!(s, "&lt;script&gt;x=&#39;1&#39; &amp; &quot;2&quot;&lt;/script&gt;&#13;\n");
    }

    #[test]
    fn names_in_a_reason_are_isolated_and_escaped() {
        let mut s = String::new();
        isolate_names(&mut s, "cue «قال» before it; the speaker «<b>» is named");
        assert_eq!(s, "cue «<bdi>قال</bdi>» before it; the speaker «<bdi>&lt;b&gt;</bdi>» is named");
        s.clear();
        isolate_names(&mut s, "an unclosed «name");
        assert_eq!(s, "an unclosed «<bdi>name</bdi>");
    }
}
