//! Pairing of quotation marks.
//!
//! Arabic news mixes every style (`«…»`, `“…”`, `"…"`, `„…“`) and, because
//! of right-to-left typing, often gets them backwards or unbalanced:
//! `لافروف”ما ... ”`, `” هكذا ... ”`. Pairing is therefore tolerant: any
//! opening-capable mark opens, and any compatible mark closes, whatever its
//! direction; a paragraph whose guillemets are all typed backwards (`»…«`)
//! pairs them the other way round. Guillemets nest one level of straight or curly quotes inside
//! them (`«قال "كذا" ثم»`). A quote left open at the end of its paragraph
//! continues into the next one when that paragraph's first mark closes it
//! and has no partner there (`“…⏎…”`); otherwise it is reported as
//! unterminated and runs to its paragraph's end.

use super::{Token, TokenKind};
use std::ops::Range;

/// A pair of quotation marks, by token index. Held as `u32`s (16 bytes,
/// not 40): a text of quotation marks alone has a quote per two bytes, and
/// token indices fit in `u32` like token offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    open: u32,
    /// `NO_CLOSE` when unterminated.
    close: u32,
    content_end: u32,
    depth: u8,
}

/// [`QuoteSpan::close`] of an unterminated quote (no token index: a text
/// has fewer than `u32::MAX` tokens).
const NO_CLOSE: u32 = u32::MAX;

impl QuoteSpan {
    fn new(open: usize, close: Option<usize>, content_end: usize, depth: usize) -> Self {
        QuoteSpan { open: open as u32, close: close.map_or(NO_CLOSE, |c| c as u32), content_end: content_end as u32, depth: depth as u8 }
    }

    /// Token index of the opening mark.
    #[inline]
    pub fn open(&self) -> usize {
        self.open as usize
    }

    /// Token index of the closing mark, `None` when unterminated.
    #[inline]
    pub fn close(&self) -> Option<usize> {
        (self.close != NO_CLOSE).then_some(self.close as usize)
    }

    /// Token index one past the quoted content (the closing mark, or the
    /// end of the paragraph for an unterminated quote).
    #[inline]
    pub fn content_end(&self) -> usize {
        self.content_end as usize
    }

    /// Nesting depth: 0 for an outer quote, 1 inside another.
    #[inline]
    pub fn depth(&self) -> u8 {
        self.depth
    }

    /// Token range of the content between the marks.
    pub fn content(&self) -> Range<usize> {
        self.open() + 1..self.content_end()
    }
}

fn can_open(c: char) -> bool {
    !matches!(c, '»' | '›')
}

/// Whether `c` closes a quote opened by `open`. `later_guillemet` says a `»`
/// still follows in the paragraph, in which case a straight or curly mark
/// inside `«` is taken as a nested opener rather than a mismatched closer.
fn closes(open: char, c: char, later_guillemet: bool) -> bool {
    match open {
        '«' => c == '»' || (!later_guillemet && matches!(c, '”' | '“' | '"' | '＂')),
        '‹' => c == '›',
        // reversed guillemets, typed backwards: `»…«`
        '»' => c == '«',
        '“' | '”' | '„' | '‟' => matches!(c, '”' | '“' | '"' | '＂' | '‟' | '»'),
        '"' | '＂' => matches!(c, '"' | '＂' | '”' | '“' | '»'),
        _ => false,
    }
}

fn mark(text: &str, t: &Token) -> char {
    text[t.start as usize..].chars().next().unwrap_or(' ')
}

/// Quotes nest at most this deep: an outer quote and one inside it.
const MAX_DEPTH: usize = 2;

/// A quotation mark: its token index and its char.
type Mark = (usize, char);

/// The quotation marks among some boundary tokens, read from them as they
/// are walked: no list of the text's marks is built (on a text of
/// quotation marks alone it would take 16 bytes a byte of input).
#[derive(Clone, Copy)]
struct Marks<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Indices, in order, of tokens among which are all the marks.
    candidates: &'a [u32],
}

impl<'a> Marks<'a> {
    fn iter(self) -> impl DoubleEndedIterator<Item = Mark> + 'a {
        let (text, tokens) = (self.text, self.tokens);
        self.candidates.iter().map(|&i| i as usize).filter(move |&i| tokens[i].kind == TokenKind::Quote).map(move |i| (i, mark(text, &tokens[i])))
    }

    /// The marks after the first one.
    fn after_first(self) -> Marks<'a> {
        let first = self.candidates.iter().position(|&i| self.tokens[i as usize].kind == TokenKind::Quote);
        Marks { candidates: first.map_or(&[][..], |f| &self.candidates[f + 1..]), ..self }
    }
}

/// Pairs the quotation marks of `tokens`, paragraph by paragraph, into `out`
/// (sorted by opening mark). `candidates` are the indices, in order, of
/// the tokens that may be quotation marks (every one of them is among them).
pub fn pair_quotes(text: &str, tokens: &[Token], candidates: &[u32], paragraphs: &[Range<u32>], out: &mut Vec<QuoteSpan>) {
    // open quotes, innermost last
    let mut stack: Vec<Mark> = Vec::with_capacity(MAX_DEPTH);
    // paragraphs are walked through the candidates rather than token by
    // token
    let mut next = 0;
    // a quote left open at the end of the previous paragraph, with the end of
    // that paragraph
    let mut carried: Option<(Mark, usize)> = None;
    for para in paragraphs {
        stack.clear();
        let first = next + candidates[next..].partition_point(|&i| i < para.start);
        next = first + candidates[first..].partition_point(|&i| i < para.end);
        let para = para.start as usize..para.end as usize;
        let para_marks = Marks { text, tokens, candidates: &candidates[first..next] };
        let para_marks = close_carried(carried.take(), para_marks, out);
        pair_paragraph(para_marks, &mut stack, out);
        // Unterminated quotes run to the end of the paragraph (before its
        // line break).
        let mut end = para.end;
        while end > para.start && tokens[end - 1].kind == TokenKind::Newline {
            end -= 1;
        }
        if let [open] = stack[..] {
            carried = Some((open, end));
            stack.clear();
        }
        while let Some((open_i, _)) = stack.pop() {
            out.push(QuoteSpan::new(open_i, None, end, stack.len()));
        }
    }
    if let Some(((open_i, _), end)) = carried {
        out.push(QuoteSpan::new(open_i, None, end, 0));
    }
    // (opening marks are distinct: an unstable sort gives the same order,
    // without the stable sort's buffer of half the quotes)
    out.sort_unstable_by_key(|q| q.open);
}

/// A quote `carried` open from the previous paragraph, which ended at
/// `end`: `«…⏎…»` continues when this paragraph's first mark closes it and
/// leaves it no partner here (an odd number of marks); else it is
/// unterminated. Returns the paragraph's marks left to pair.
fn close_carried<'m>(carried: Option<(Mark, usize)>, para_marks: Marks<'m>, out: &mut Vec<QuoteSpan>) -> Marks<'m> {
    let Some(((open_i, open_c), end)) = carried else { return para_marks };
    match para_marks.iter().next() {
        Some((i, c)) if para_marks.iter().count() % 2 == 1 && closes(open_c, c, false) => {
            out.push(QuoteSpan::new(open_i, Some(i), i, 0));
            para_marks.after_first()
        }
        _ => {
            out.push(QuoteSpan::new(open_i, None, end, 0));
            para_marks
        }
    }
}

/// `»…«`: a paragraph's guillemets are all backwards when its first one is
/// » and its last one «.
fn guillemets_reversed(para_marks: Marks) -> bool {
    let guillemets = || para_marks.iter().filter(|&(_, c)| c == '«' || c == '»');
    guillemets().next().is_some_and(|(_, c)| c == '»') && guillemets().next_back().is_some_and(|(_, c)| c == '«')
}

/// Pairs the marks of one paragraph into `out`, leaving the quotes still
/// open on `stack`.
fn pair_paragraph(para_marks: Marks, stack: &mut Vec<Mark>, out: &mut Vec<QuoteSpan>) {
    // position of the last » in the paragraph, to decide nesting
    let last_guillemet = para_marks.iter().rev().find(|&(_, c)| c == '»').map(|(i, _)| i);
    let reversed = guillemets_reversed(para_marks);
    for (i, c) in para_marks.iter() {
        let later_guillemet = last_guillemet.is_some_and(|g| g > i);
        if let Some(&(open_i, open_c)) = stack.last() {
            if closes(open_c, c, later_guillemet) {
                stack.pop();
                out.push(QuoteSpan::new(open_i, Some(i), i, stack.len()));
                continue;
            }
            // a stray closer of an outer quote closes the inner one too
            if stack.len() == MAX_DEPTH && closes(stack[0].1, c, later_guillemet) && c == '»' {
                let (inner_i, _) = stack[1];
                out.push(QuoteSpan::new(inner_i, None, i, 1));
                let (outer_i, _) = stack[0];
                out.push(QuoteSpan::new(outer_i, Some(i), i, 0));
                stack.clear();
                continue;
            }
        }
        if (can_open(c) || (reversed && c == '»')) && stack.len() < MAX_DEPTH {
            stack.push((i, c));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tokenizer::Tokens;

    fn quoted(text: &str) -> Vec<String> {
        let mut t = Tokens::new();
        t.tokenize(text);
        t.quotes
            .iter()
            .map(|q| {
                let r = q.content();
                if r.is_empty() {
                    return String::new();
                }
                let s = t.tokens[r.start].start as usize;
                let e = t.end(r.end - 1) as usize;
                text[s..e].trim().to_string()
            })
            .collect()
    }

    #[test]
    fn every_mark_style_pairs() {
        assert_eq!(quoted("قال «نحن هنا» ثم"), vec!["نحن هنا"]);
        assert_eq!(quoted("قال “نحن هنا” ثم"), vec!["نحن هنا"]);
        assert_eq!(quoted("قال \"نحن هنا\" ثم"), vec!["نحن هنا"]);
        assert_eq!(quoted("قال „نحن هنا“ ثم"), vec!["نحن هنا"]);
    }

    #[test]
    fn backwards_and_mismatched_marks_pair() {
        assert_eq!(quoted("قال الوزير”ما جرى أمس مؤسف”."), vec!["ما جرى أمس مؤسف"]);
        assert_eq!(quoted("وأضاف ” هكذا نعمل نحن ”."), vec!["هكذا نعمل نحن"]);
        assert_eq!(quoted("قال «نحن هنا” ثم"), vec!["نحن هنا"]);
    }

    #[test]
    fn straight_quotes_nest_inside_guillemets() {
        let q = quoted("قال «سمّوا المشروع \"الأمل\" منذ البداية» ثم");
        assert_eq!(q, vec!["سمّوا المشروع \"الأمل\" منذ البداية", "الأمل"]);
    }

    #[test]
    fn a_quote_continues_over_a_line_break_when_the_next_line_closes_it() {
        let q = quoted("قال: “لن نتراجع.\nسنبقى هنا حتى النهاية”. ثم غادر");
        assert_eq!(q, vec!["لن نتراجع.\nسنبقى هنا حتى النهاية"]);
        // the next line's marks pair among themselves: the first stays open
        let q = quoted("قال “لن نتراجع\nكتب “كلمة” هنا");
        assert_eq!(q, vec!["لن نتراجع", "كلمة"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_of_its_paragraph() {
        let q = quoted("قال “لن نتراجع أبدا\nسطر آخر “كلمة” هنا");
        assert_eq!(q, vec!["لن نتراجع أبدا", "كلمة"]);
    }

    #[test]
    fn reversed_guillemets_pair() {
        assert_eq!(quoted("وقال السفير »العلاقات ممتازة« ثم غادر"), vec!["العلاقات ممتازة"]);
        // a lone » before a normal pair stays ignored
        assert_eq!(quoted("قال » ثم «نحن هنا» ثم"), vec!["نحن هنا"]);
    }

    #[test]
    fn a_lone_closing_guillemet_is_ignored() {
        assert!(quoted("نص » آخر").is_empty());
    }
}
