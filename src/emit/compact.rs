//! Compact JSON for a [`Record`], written directly into a byte buffer.
//!
//! This is the output of `--format json` and `jsonl`, byte for byte what
//! `serde_json::to_writer` gives for the same record (the test below
//! compares them on analyzed articles, so a field added to the record
//! types without being added here fails it). It exists for speed: serde's
//! string escaping looks up every byte in a table and writes each piece
//! through `io::Write`; here the bytes that need escaping are found
//! sixteen at a time, and Arabic text (all bytes ≥ 0x80) is copied in one
//! piece; numbers are written two digits at a time.

use crate::record::{DateCalendar, DateKind, DateMention, Dateline, Entity, Granularity, Quote, QuoteKind, Record, ReferenceDate, Source, Span, Speaker};
use crate::lexicon::EntityType;
use std::io::{self, Write};

/// A buffer in front of the output: written out every 64 KB, so that a
/// huge record (a 50 MB text gives one of tens of MB) is never held whole.
/// It is kept from one record to the next, so that small records go out
/// 64 KB at a time, not copied once more through a `BufWriter`.
pub struct Out<'a> {
    buf: &'a mut Vec<u8>,
    inner: &'a mut dyn Write,
    /// The first write error; later writes are dropped.
    error: Option<io::Error>,
}

const FLUSH_AT: usize = 1 << 16;

impl<'a> Out<'a> {
    /// `buf` holds what earlier records left unwritten.
    pub fn new(buf: &'a mut Vec<u8>, inner: &'a mut dyn Write) -> Self {
        Out { buf, inner, error: None }
    }

    #[inline]
    pub fn push(&mut self, b: u8) {
        self.buf.push(b);
    }

    #[inline]
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= FLUSH_AT {
            self.drain();
        }
    }

    /// Appends `bytes[..len]`: one copy of a fixed size (a few moves)
    /// and a truncation, where a copy of `len` bytes calls `memcpy`.
    #[inline]
    fn extend_from_prefix<const N: usize>(&mut self, bytes: &[u8; N], len: usize) {
        let end = self.buf.len() + len.min(N);
        self.buf.extend_from_slice(bytes);
        self.buf.truncate(end);
    }

    fn drain(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_all(self.buf) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
    }

    /// The first write error, if any; what is not written yet stays in
    /// the buffer for the next record.
    pub fn pause(self) -> io::Result<()> {
        self.error.map_or(Ok(()), Err)
    }

    /// Writes out what is left; the first error, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.drain();
        self.pause()
    }
}

impl Write for Out<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Appends `record` as one line of compact JSON (without the line break).
pub fn write_record(out: &mut Out, record: &Record) {
    out.extend_from_slice(b"{\"file\":");
    opt_str(out, record.file.as_deref());
    if record.file_lossy {
        out.extend_from_slice(b",\"file_lossy\":true");
    }
    if let Some(id) = &record.id {
        out.extend_from_slice(b",\"id\":");
        // any JSON value: serde_json writes it as it would inside the record
        // (writing to a Vec cannot fail)
        let _ = serde_json::to_writer(&mut *out, id);
    }
    out.extend_from_slice(b",\"language\":");
    string(out, &record.language);
    if let Some(encoding) = &record.encoding {
        out.extend_from_slice(b",\"encoding\":");
        string(out, encoding);
    }
    out.extend_from_slice(b",\"headline\":");
    opt_str(out, record.headline.as_deref());
    out.extend_from_slice(b",\"dateline\":");
    opt_object(out, record.dateline.as_ref(), dateline);
    out.extend_from_slice(b",\"source\":");
    opt_object(out, record.source.as_ref(), source);
    out.extend_from_slice(b",\"speaker\":");
    opt_str(out, record.speaker.as_deref());
    out.extend_from_slice(b",\"speakers\":");
    list(out, &record.speakers, speaker);
    out.extend_from_slice(b",\"quotes\":");
    list(out, &record.quotes, quote);
    out.extend_from_slice(b",\"reference_date\":");
    opt_object(out, record.reference_date.as_ref(), reference_date);
    out.extend_from_slice(b",\"dates\":");
    list(out, &record.dates, date);
    out.extend_from_slice(b",\"entities\":");
    list(out, &record.entities, entity);
    out.push(b'}');
}

/// An object, or `null`.
fn opt_object<T>(out: &mut Out, value: Option<&T>, object: impl FnOnce(&mut Out, &T)) {
    match value {
        Some(v) => object(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

fn dateline(out: &mut Out, d: &Dateline) {
    out.extend_from_slice(b"{\"place\":");
    opt_str(out, d.place.as_deref());
    out.extend_from_slice(b",\"agency\":");
    opt_str(out, d.agency.as_deref());
    out.extend_from_slice(b",\"span\":");
    span(out, &d.span);
    out.push(b'}');
}

fn reference_date(out: &mut Out, r: &ReferenceDate) {
    out.extend_from_slice(b"{\"value\":");
    string(out, &r.value);
    out.extend_from_slice(b",\"from\":");
    string(out, r.from.as_str());
    out.push(b'}');
}

fn source(out: &mut Out, s: &Source) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &s.name);
    out.extend_from_slice(b",\"canonical\":");
    opt_str(out, s.canonical.as_deref());
    out.extend_from_slice(b",\"span\":");
    span(out, &s.span);
    out.push(b'}');
}

fn speaker(out: &mut Out, s: &Speaker) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &s.name);
    out.extend_from_slice(b",\"title\":");
    opt_str(out, s.title.as_deref());
    out.extend_from_slice(b",\"quotes\":");
    number(out, s.quotes);
    out.push(b'}');
}

fn quote(out: &mut Out, q: &Quote) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &q.text);
    out.extend_from_slice(b",\"kind\":");
    out.extend_from_slice(match q.kind {
        QuoteKind::Direct => b"\"direct\"",
        QuoteKind::Indirect => b"\"indirect\"",
    });
    out.extend_from_slice(b",\"speaker\":");
    opt_str(out, q.speaker.as_deref());
    out.extend_from_slice(b",\"cue\":");
    opt_str(out, q.cue.as_deref());
    out.extend_from_slice(b",\"span\":");
    span(out, &q.span);
    out.extend_from_slice(b",\"cue_span\":");
    opt_object(out, q.cue_span.as_ref(), span);
    out.extend_from_slice(b",\"speaker_span\":");
    opt_object(out, q.speaker_span.as_ref(), span);
    out.extend_from_slice(b",\"attribution\":");
    string(out, q.attribution.as_str());
    out.push(b'}');
}

fn date(out: &mut Out, d: &DateMention) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &d.text);
    out.extend_from_slice(b",\"value\":");
    opt_str(out, d.value.as_deref());
    out.extend_from_slice(b",\"kind\":");
    out.extend_from_slice(match d.kind {
        DateKind::Absolute => b"\"absolute\"",
        DateKind::Relative => b"\"relative\"",
        DateKind::Range => b"\"range\"",
    });
    out.extend_from_slice(b",\"span\":");
    span(out, &d.span);
    out.extend_from_slice(b",\"calendar\":");
    out.extend_from_slice(match d.calendar {
        DateCalendar::Gregorian => b"\"gregorian\"",
        DateCalendar::Hijri => b"\"hijri\"",
    });
    out.extend_from_slice(b",\"granularity\":");
    out.extend_from_slice(match d.granularity {
        Granularity::Day => b"\"day\"",
        Granularity::Month => b"\"month\"",
        Granularity::Year => b"\"year\"",
    });
    out.extend_from_slice(b",\"relative_to\":");
    opt_str(out, d.relative_to);
    out.push(b'}');
}

fn entity(out: &mut Out, e: &Entity) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &e.text);
    out.extend_from_slice(b",\"canonical\":");
    string(out, &e.canonical);
    out.extend_from_slice(b",\"type\":");
    out.extend_from_slice(match e.entity_type {
        EntityType::Person => b"\"person\"",
        EntityType::Organization => b"\"organization\"",
        EntityType::Location => b"\"location\"",
    });
    if let Some(latin) = &e.latin {
        out.extend_from_slice(b",\"latin\":");
        string(out, latin);
    }
    out.extend_from_slice(b",\"mentions\":");
    list(out, &e.mentions, span);
    out.push(b'}');
}

fn list<T>(out: &mut Out, items: &[T], mut item: impl FnMut(&mut Out, &T)) {
    out.push(b'[');
    for (n, x) in items.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// Longest `[start,end]`.
const MAX_SPAN: usize = 2 * MAX_DIGITS + 3;

fn span(out: &mut Out, s: &Span) {
    // `[start,end]` built backwards on the stack (no digit count needed
    // first), ending at MAX_SPAN; the slack after it lets it be appended
    // in one fixed-size copy from wherever it starts
    let mut text = [0u8; 2 * MAX_SPAN];
    let mut at = MAX_SPAN - 1;
    text[at] = b']';
    at = decimal_before(s[1], &mut text, at) - 1;
    text[at] = b',';
    at = decimal_before(s[0], &mut text, at) - 1;
    text[at] = b'[';
    out.extend_from_prefix(text[at..].first_chunk::<MAX_SPAN>().expect("slack after the span"), MAX_SPAN - at);
}

fn number(out: &mut Out, n: usize) {
    // as in `span`: backwards, then one fixed-size copy
    let mut text = [0u8; 2 * MAX_DIGITS];
    let at = decimal_before(n, &mut text, MAX_DIGITS);
    out.extend_from_prefix(text[at..].first_chunk::<MAX_DIGITS>().expect("slack after the digits"), MAX_DIGITS - at);
}

/// Digits of `usize::MAX`.
const MAX_DIGITS: usize = 20;

/// The decimal digits of 0–99, two by two.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Writes `n` in decimal just before `to[end]` (room for [`MAX_DIGITS`]);
/// returns where the digits start. Two digits per division: most numbers
/// are offsets of four or five digits.
#[inline]
fn decimal_before(n: usize, to: &mut [u8], end: usize) -> usize {
    let mut end = end;
    let mut n = n;
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        end -= 2;
        to[end..end + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        end -= 2;
        to[end..end + 2].copy_from_slice(&DIGIT_PAIRS[2 * n..2 * n + 2]);
    } else {
        end -= 1;
        to[end] = b'0' + n as u8;
    }
    end
}

fn opt_str(out: &mut Out, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string, escaped as serde_json escapes: `"` and `\`, the
/// control characters as `\b \t \n \f \r` or `\u00xx`; nothing else.
fn string(out: &mut Out, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    // each clean run is copied in one piece
    let mut copied = 0;
    let mut at = clean_prefix(bytes);
    while at < bytes.len() {
        out.extend_from_slice(&bytes[copied..at]);
        escape(out, bytes[at]);
        copied = at + 1;
        at = copied + clean_prefix(&bytes[copied..]);
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// Whether JSON needs `b` escaped in a string: `"`, `\` or a control
/// character below 0x20.
#[inline(always)]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Bytes tested at a time by [`clean_prefix`].
const BLOCK: usize = 16;

/// Whether a byte of `block` needs escaping. No early exit: the compiler
/// turns the whole test into a few vector instructions (SSE2 compares and
/// one mask), where a byte loop costs several instructions a byte.
#[inline(always)]
fn block_needs_escape(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(0u8, |dirty, &b| dirty | u8::from(needs_escape(b))) != 0
}

/// [`block_needs_escape`] for eight bytes: within a word, a byte below
/// 0x20 or equal to `"` or `\` is found by carries (exact).
#[inline(always)]
fn word_needs_escape(word: [u8; 8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let word = u64::from_le_bytes(word);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    // a byte below 0x20: (b - 0x20) borrows into its high bit, unless b ≥ 0x80
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    below_space || has_zero(word ^ (ONES * u64::from(b'"'))) || has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// Length of the longest start of `bytes` with no byte to escape (all of
/// it for most strings: Arabic text is all bytes ≥ 0x80).
#[inline]
fn clean_prefix(bytes: &[u8]) -> usize {
    let len = bytes.len();
    let mut at = 0;
    if len >= BLOCK {
        for block in bytes.chunks_exact(BLOCK) {
            if block_needs_escape(block.try_into().expect("chunks_exact gives whole blocks")) {
                break;
            }
            at += BLOCK;
        }
        // every whole block clean: the bytes after them end the last
        // block of the string, tested overlapping the whole ones
        if len - at < BLOCK && !block_needs_escape(bytes[len - BLOCK..].try_into().expect("len ≥ BLOCK")) {
            return len;
        }
    } else if len >= 8 {
        // two words, overlapping for fewer than 16 bytes
        let first: [u8; 8] = bytes[..8].try_into().expect("len ≥ 8");
        let last: [u8; 8] = bytes[len - 8..].try_into().expect("len ≥ 8");
        if !word_needs_escape(first) && !word_needs_escape(last) {
            return len;
        }
    }
    at + bytes[at..].iter().position(|&b| needs_escape(b)).unwrap_or(len - at)
}

fn escape(out: &mut Out, b: u8) {
    let short = match b {
        b'"' => Some(b'"'),
        b'\\' => Some(b'\\'),
        0x08 => Some(b'b'),
        b'\t' => Some(b't'),
        b'\n' => Some(b'n'),
        0x0C => Some(b'f'),
        b'\r' => Some(b'r'),
        _ => None,
    };
    match short {
        Some(c) => out.extend_from_slice(&[b'\\', c]),
        None => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::analyzer;
    use crate::{Options, Workspace};

    fn ours(write: impl FnOnce(&mut Out)) -> Vec<u8> {
        let (mut buf, mut written) = (Vec::new(), Vec::new());
        let mut out = Out::new(&mut buf, &mut written);
        write(&mut out);
        out.finish().expect("a Vec takes any write");
        written
    }

    fn same_as_serde(record: &Record) {
        let ours = ours(|out| write_record(out, record));
        let theirs = serde_json::to_vec(record).expect("serializes");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let all_ascii: String = (0u8..0x80).map(char::from).collect();
        for s in [all_ascii.as_str(), "", "\"", "\\\\", "سوريا \"قال\"\n\t", "\u{7F}\u{80}\u{2028}é😀", "abcdefgh\u{1}ijklmnop\"qrstuvw\\"] {
            assert_eq!(ours(|out| string(out, s)), serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    /// Every special byte at every place of strings up to three blocks
    /// long, over Arabic, ASCII and mixed text: the block and word tests
    /// and their overlaps against serde_json.
    #[test]
    fn escaping_agrees_with_serde_json_at_every_position() {
        let specials = ['\0', '\u{1}', '\u{8}', '\t', '\n', '\u{c}', '\r', '\u{1f}', '"', '\\', ' ', '\u{7f}', 'a'];
        for background in ["س", "a", "é😀", "ab\u{2028}"] {
            let pool: Vec<char> = background.chars().collect();
            for len in 0..56 {
                let base: Vec<char> = (0..len).map(|n| pool[n % pool.len()]).collect();
                let whole: String = base.iter().collect();
                assert_eq!(ours(|out| string(out, &whole)), serde_json::to_vec(&whole).unwrap(), "{whole:?}");
                for at in 0..len {
                    for special in specials {
                        let mut chars = base.clone();
                        chars[at] = special;
                        let s: String = chars.iter().collect();
                        assert_eq!(ours(|out| string(out, &s)), serde_json::to_vec(&s).unwrap(), "{s:?}");
                        // and a second one near the end
                        chars[len - 1] = '"';
                        let s: String = chars.iter().collect();
                        assert_eq!(ours(|out| string(out, &s)), serde_json::to_vec(&s).unwrap(), "{s:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn escaping_agrees_with_serde_json_on_any_string(s in "[\\x00-\\x7fسé😀\u{2028}\u{80}]{0,80}") {
            proptest::prop_assert_eq!(ours(|out| string(out, &s)), serde_json::to_vec(&s).unwrap());
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut n = 1usize;
        let mut cases = vec![0, usize::MAX, 99, 100, 101, 999, 1000, 1001];
        while let Some(next) = n.checked_mul(10) {
            cases.extend([n - 1, n, n + 1, next / 2]);
            n = next;
        }
        for n in cases {
            assert_eq!(ours(|out| number(out, n)), serde_json::to_vec(&n).unwrap(), "{n}");
        }
    }

    #[test]
    fn records_of_analyzed_articles_are_written_as_serde_writes_them() {
        let mut texts: Vec<String> = Vec::new();
        for dir in ["fixtures", "fixtures/articles"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let mut files: Vec<_> = std::fs::read_dir(path).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            texts.extend(files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        assert!(!texts.is_empty());
        let opts = Options::with_reference(chrono::NaiveDate::from_ymd_opt(2017, 6, 19));
        let mut ws = Workspace::default();
        for text in &texts {
            let mut record = analyzer().analyze(&mut ws, text, &opts);
            same_as_serde(&record);
            // the optional fields, set
            record.file = Some("a/\"b\".txt".into());
            record.file_lossy = true;
            record.id = Some(serde_json::json!({"n": 1.5, "s": ["x", null, true]}));
            record.encoding = Some("windows-1256".into());
            same_as_serde(&record);
        }
        same_as_serde(&Record::default());
        // longer than a flush: written out in pieces, in order
        let long = "سوريا \"و\" ".repeat(20_000);
        let record = Record { headline: Some(long), ..Record::default() };
        same_as_serde(&record);
    }
}
