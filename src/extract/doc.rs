//! The view of one tokenized text that extractors read: tokens, their
//! lexicon ids (looked up once per text) and navigation helpers.
pub use crate::lexicon::annotate::TokenLex;
use crate::lexicon::morph::{Analysis, MorphCache};
use crate::lexicon::{Lexicons, Node, PhraseSet, WordId, WordInfo, NO_WORD};
use crate::tokenizer::{Token, TokenKind, Tokens};

/// The most digits [`Doc::number`] reads: any nine-digit number fits a
/// `u32`, and longer ones are no day, month or year.
const MAX_NUMBER_DIGITS: usize = 9;

/// A lexicon phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'a, T> {
    /// First and last token of the phrase (inclusive).
    pub first: usize,
    pub last: usize,
    /// Code points of proclitics on the first token that are not part of it.
    pub prefix_chars: u8,
    pub value: &'a T,
    /// Number of words matched.
    pub words: usize,
}

/// One text as the extractors see it.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub tokens: &'a [Token],
    pub lex: &'a Lexicons,
    /// The word lists of the extractors' rules.
    pub words: &'a super::words::Words,
    pub ids: &'a [TokenLex],
    /// The analyses of the words met so far (see [`Doc::morph`]).
    morph: &'a MorphCache,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, toks: &'a Tokens, lex: &'a Lexicons, words: &'a super::words::Words, ids: &'a [TokenLex], morph: &'a MorphCache) -> Self {
        Doc { text, toks, tokens: toks.tokens(), lex, words, ids, morph }
    }

    /// Word classes and clitics of token `i` (empty for a non-word): read
    /// on the written letters, analysed once per distinct form a thread
    /// meets.
    #[inline]
    pub fn morph(&self, i: usize) -> Analysis {
        if i >= self.tokens.len() || !self.tokens[i].is_word() {
            return Analysis::default();
        }
        self.morph.analysis(&self.lex.morph, self.surface(i))
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Text of token `i` (empty past the end of the text).
    #[inline]
    pub fn surface(&self, i: usize) -> &'a str {
        if i < self.tokens.len() {
            &self.text[self.toks.bytes(i)]
        } else {
            ""
        }
    }

    #[inline]
    pub fn key(&self, i: usize) -> &'a str {
        self.toks.key(i)
    }

    /// Kind of token `i`; past the end of the text this is a line break, so
    /// look-ahead (`i + 2`) at the end of a text sees a boundary, not a panic.
    #[inline]
    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens.get(i).map_or(TokenKind::Newline, |t| t.kind)
    }

    /// The first character of a punctuation or quote token.
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            TokenKind::Punct | TokenKind::Quote => self.surface(i).chars().next(),
            _ => None,
        }
    }

    /// Next token after `i` that is not a space (line breaks included).
    pub fn next_non_space(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// Previous token before `i` that is not a space.
    pub fn prev_non_space(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// Next word-like token directly after `i`, separated by spaces only.
    pub fn next_word(&self, i: usize) -> Option<usize> {
        self.next_non_space(i).filter(|&j| self.tokens[j].is_wordlike())
    }

    /// Previous word-like token directly before `i`, separated by spaces only.
    pub fn prev_word(&self, i: usize) -> Option<usize> {
        self.prev_non_space(i).filter(|&j| self.tokens[j].is_wordlike())
    }

    /// Word facts for token `i`: the whole word if a lexicon has it, else its
    /// stem; with the number of proclitic code points before the stem.
    pub fn word(&self, i: usize) -> Option<(&'a WordInfo, u8)> {
        let ids = self.ids.get(i)?;
        if let Some(w) = self.lex.word(ids.full()) {
            return Some((w, 0));
        }
        self.lex.word(ids.stem()).map(|w| (w, ids.prefix_chars()))
    }

    /// Word facts for token `i` read as a whole word only.
    pub fn word_full(&self, i: usize) -> Option<&'a WordInfo> {
        self.lex.word(self.ids.get(i)?.full())
    }

    /// The longest entry of `set` starting at token `i`: its first word read
    /// whole or as a stem (whichever gives the longer match, whole on ties),
    /// the next words whole and separated by spaces only.
    #[inline(always)]
    pub fn phrase_at<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<PhraseMatch<'a, T>> {
        let ids = self.ids.get(i)?;
        // most words start no entry: answered inline with two bit tests,
        // without a call
        if !set.can_start(ids.full()) && !set.can_start(ids.stem()) {
            return None;
        }
        self.phrase_from(set, i, ids)
    }

    /// [`Doc::phrase_at`] for a word that starts some entry of `set`.
    #[inline(never)]
    fn phrase_from<T>(&self, set: &'a PhraseSet<T>, i: usize, ids: &TokenLex) -> Option<PhraseMatch<'a, T>> {
        let (full, stem) = (ids.full(), ids.stem());
        let whole = self.walk(set, i, full).map(|m| (m, 0u8));
        let stem = if stem != NO_WORD { self.walk(set, i, stem).map(|m| (m, ids.prefix_chars())) } else { None };
        let best = match (whole, stem) {
            (Some(a), Some(b)) => Some(if b.0 .1 > a.0 .1 { b } else { a }),
            (a, b) => a.or(b),
        };
        best.map(|((last, words, value), prefix_chars)| PhraseMatch { first: i, last, prefix_chars, value, words })
    }

    /// Walks `set` from token `i` read as `first_id`; returns (last token,
    /// words, value) of the longest entry.
    #[inline(always)]
    fn walk<T>(&self, set: &'a PhraseSet<T>, i: usize, first_id: WordId) -> Option<(usize, usize, &'a T)> {
        let node = set.step(PhraseSet::<T>::ROOT, first_id)?;
        let first = set.value(node).map(|v| (i, 1, v));
        // most entries end at their first word, and most words after one
        // are in no entry past the first word: both are bit tests
        if !set.has_next(node) {
            return first;
        }
        match self.next_word(i) {
            Some(next) if set.may_continue(self.ids[next].full()) => self.walk_on(set, node, next, 1, first),
            _ => first,
        }
    }

    /// [`Doc::walk`] on from `node`, `words` words matched, with token
    /// `next` the candidate for the next word; `best` is the match so far.
    #[inline(never)]
    fn walk_on<T>(&self, set: &'a PhraseSet<T>, mut node: Node, mut next: usize, mut words: usize, mut best: Option<(usize, usize, &'a T)>) -> Option<(usize, usize, &'a T)> {
        while let Some(n) = set.step(node, self.ids[next].full()) {
            node = n;
            words += 1;
            if let Some(v) = set.value(node) {
                best = Some((next, words, v));
            }
            // no entry goes on past this node
            if !set.has_next(node) {
                break;
            }
            let Some(after) = self.next_word(next) else { break };
            next = after;
        }
        best
    }

    /// Code-point span of tokens `first..=last`, minus `prefix_chars` at the
    /// start (an attached clitic that is not part of the name).
    pub fn span(&self, first: usize, last: usize, prefix_chars: u8) -> [usize; 2] {
        [self.tokens[first].char_start as usize + prefix_chars as usize, self.toks.char_end(last) as usize]
    }

    /// Byte range of tokens `first..=last`, minus `prefix_chars` code points.
    pub fn byte_range(&self, first: usize, last: usize, prefix_chars: u8) -> std::ops::Range<usize> {
        let start = self.tokens[first].start as usize;
        let skip: usize = self.text[start..].chars().take(prefix_chars as usize).map(char::len_utf8).sum();
        start + skip..self.toks.end(last) as usize
    }

    /// Text of tokens `first..=last` without `prefix_chars` leading clitic.
    pub fn slice(&self, first: usize, last: usize, prefix_chars: u8) -> &'a str {
        &self.text[self.byte_range(first, last, prefix_chars)]
    }

    /// The text of `first..=last` past a `لل` prefix (`للمكتب الوطني`, ل +
    /// المكتب) with the article the spelling merged into the preposition
    /// given back (`المكتب الوطني`); `None` when the prefix is no such `لل`.
    pub fn slice_article_given_back(&self, first: usize, last: usize, prefix_chars: u8) -> Option<String> {
        use crate::tokenizer::clitics;
        let whole = self.slice(first, last, 0);
        let rest = self.slice(first, last, prefix_chars);
        // the prefix itself is the `لل` (`للبنان` is ل + لبنان: nothing to give)
        let prefix = &whole[..whole.len() - rest.len()];
        (prefix_chars > 0 && clitics::has_article_merged_into_lam(prefix)).then(|| format!("{}{rest}", clitics::ARTICLE))
    }

    /// Sentence index of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.toks.sentence_of(i)
    }

    /// Whether token `i` is a clause boundary: a comma, semicolon, colon,
    /// sentence end, bracket or line break.
    pub fn is_boundary(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Newline | TokenKind::Quote | TokenKind::Punct)
    }

    /// Whether token `i` is a number (digits in any script).
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Number
    }

    /// Numeric value of a number token (digits in any script).
    pub fn number(&self, i: usize) -> Option<u32> {
        if self.tokens.get(i)?.kind != TokenKind::Number {
            return None;
        }
        let key = self.key(i);
        if key.len() > MAX_NUMBER_DIGITS {
            return None;
        }
        key.parse().ok()
    }
}
