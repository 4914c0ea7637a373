//! Marks over an article's text, written as properly nested elements.
//!
//! The record's spans may nest (an entity inside a quote), coincide (the
//! source and the entity it names) or cross (a date that starts inside a
//! quote and ends after it). HTML elements can only nest, so the text is
//! cut at every span boundary; on each piece the marks that cover it are
//! opened outermost first, in one fixed order (earlier start, then longer,
//! then lower rank). Going from one piece to the next closes only the marks
//! past the part both pieces share; a mark closed while it still goes on is
//! opened again as a continuation, so a crossing mark becomes fragments
//! whose texts, joined, are its span's text.

use std::cmp::Reverse;
use std::collections::BTreeSet;

/// One mark: `[start, end)` in code points of the text, and what it shows
/// (the caller's; handed back to it to write the opening tag).
#[derive(Clone, Copy)]
pub(super) struct Mark<T> {
    pub start: usize,
    pub end: usize,
    /// Of two marks with the same span, the lower rank is outside.
    pub rank: u8,
    pub what: T,
}

/// Where the views write: a `String`, or the sink's buffer, which goes out
/// as it fills, so that a huge article's report is never held whole.
pub(super) trait Put: std::fmt::Write {
    fn put(&mut self, s: &str);
}

impl Put for String {
    fn put(&mut self, s: &str) {
        self.push_str(s);
    }
}

/// The byte offsets of `positions` (code points, sorted ascending) in
/// `text`: one pass over the text, however many positions there are.
/// A position past the end maps to the text's length.
pub(super) fn byte_offsets(text: &str, positions: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(positions.len());
    let mut chars = text.chars();
    let (mut at, mut byte) = (0, 0);
    for &p in positions {
        while at < p {
            match chars.next() {
                Some(c) => byte += c.len_utf8(),
                None => break,
            }
            at += 1;
        }
        out.push(if at == p { byte } else { text.len() });
    }
    out
}

/// Writes `text` with `marks` as nested elements: `escape` writes each
/// piece of text, `open` each opening tag (`true`: the mark's first
/// fragment), `close` is the closing tag. Marks that are empty or reach
/// past the text are left out.
pub(super) fn write<W: Put + ?Sized, T: Copy>(out: &mut W, text: &str, mut marks: Vec<Mark<T>>, escape: fn(&mut W, &str), mut open: impl FnMut(&mut W, T, bool), close: &str) {
    let len = text.chars().count();
    marks.retain(|m| m.start < m.end && m.end <= len);
    // the position in this order is each mark's nesting key
    marks.sort_by_key(|m| (m.start, Reverse(m.end), m.rank));
    let mut bounds: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let bytes = byte_offsets(text, &bounds);
    let mut ending: Vec<usize> = (0..marks.len()).collect();
    ending.sort_by_key(|&i| marks[i].end);
    let (mut next_start, mut next_end) = (0, 0);
    let mut active = BTreeSet::new();
    let mut opened: Vec<usize> = Vec::new();
    let mut opened_before = vec![false; marks.len()];
    let mut written = 0;
    for (&at, &byte) in bounds.iter().zip(&bytes) {
        escape(out, &text[written..byte]);
        written = byte;
        while next_end < ending.len() && marks[ending[next_end]].end == at {
            active.remove(&ending[next_end]);
            next_end += 1;
        }
        // marks are sorted by start: those starting here come next
        while next_start < marks.len() && marks[next_start].start == at {
            active.insert(next_start);
            next_start += 1;
        }
        let shared = opened.iter().zip(&active).take_while(|(a, b)| a == b).count();
        for _ in shared..opened.len() {
            out.put(close);
        }
        opened.truncate(shared);
        for &i in active.iter().skip(shared) {
            open(out, marks[i].what, !opened_before[i]);
            opened_before[i] = true;
            opened.push(i);
        }
    }
    for _ in 0..opened.len() {
        out.put(close);
    }
    escape(out, &text[written..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, rank: u8, name: &'static str) -> Mark<&'static str> {
        Mark { start, end, rank, what: name }
    }

    fn plain(s: &mut String, t: &str) {
        s.push_str(t);
    }

    fn open(s: &mut String, name: &str, first: bool) {
        s.push_str(if first { "<m k=" } else { "<m data-cont k=" });
        s.push_str(name);
        s.push('>');
    }

    /// The text of each mark, its fragments joined, from the written
    /// string (a tiny reader of what `write` writes).
    fn texts(written: &str) -> (String, Vec<(String, String)>) {
        let mut all = String::new();
        let mut stack: Vec<String> = Vec::new();
        let mut found: Vec<(String, String)> = Vec::new();
        let mut rest = written;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("</m>") {
                stack.pop().unwrap();
                rest = after;
            } else if rest.starts_with("<m") {
                let close = rest.find('>').unwrap();
                let k = rest[..close].split(" k=").nth(1).unwrap().to_string();
                if !found.iter().any(|(n, _)| *n == k) {
                    found.push((k.clone(), String::new()));
                }
                stack.push(k);
                rest = &rest[close + 1..];
            } else {
                all.push(c);
                for k in &stack {
                    found.iter_mut().find(|(n, _)| n == k).unwrap().1.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        assert!(stack.is_empty(), "every element closed");
        (all, found)
    }

    #[test]
    fn offsets_count_code_points() {
        let text = "قال: «نعم»";
        let chars: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let positions: Vec<usize> = (0..=text.chars().count()).collect();
        assert_eq!(byte_offsets(text, &positions), chars);
        assert_eq!(byte_offsets(text, &[2, 2, 40]), vec![chars[2], chars[2], text.len()]);
    }

    #[test]
    fn nested_coinciding_and_crossing_marks_keep_their_texts() {
        let text = "أعلن الوزير في القاهرة أمس أن البلدين اتفقا";
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let spans = [(0, 26, 0, "quote"), (15, 22, 1, "place"), (15, 22, 2, "again"), (23, 33, 1, "cross"), (5, 11, 1, "who")];
        let marks = spans.iter().map(|&(s, e, r, n)| mark(s, e, r, n)).collect();
        let mut out = String::new();
        write(&mut out, text, marks, plain, open, "</m>");
        let (all, found) = texts(&out);
        assert_eq!(all, text);
        for (s, e, _, n) in spans {
            let got = &found.iter().find(|(k, _)| k == n).unwrap().1;
            assert_eq!(*got, slice(s, e), "{n}");
        }
        // the coinciding pair nests by rank, and only the crossing mark is split
        assert!(out.contains("<m k=place><m k=again>القاهرة</m></m>"), "{out}");
        assert_eq!(out.matches("data-cont").count(), 1, "{out}");
    }

    #[test]
    fn empty_and_out_of_range_marks_are_left_out() {
        let mut out = String::new();
        write(&mut out, "نعم", vec![mark(1, 1, 0, "empty"), mark(2, 9, 0, "past"), mark(0, 3, 0, "all")], plain, open, "</m>");
        assert_eq!(out, "<m k=all>نعم</m>");
    }
}
