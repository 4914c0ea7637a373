//! Sentences and paragraphs: token ranges built from the boundaries the
//! scanner recorded.

use super::{Sentence, Token, TokenKind, Tokens};

impl Tokens {
    pub(super) fn build_sentences(&mut self, text: &str) {
        let n = self.tokens.len();
        let mut para = 0usize;
        let mut para_start = 0usize;
        let mut sent_start = 0usize;
        // words and spaces neither end a sentence nor a paragraph
        let boundaries = std::mem::take(&mut self.boundaries);
        // at most one sentence per line break or punctuation mark and one
        // paragraph per line break, and one more of each after the last:
        // reserved at once, not grown by doubling (old and new buffers both
        // resident at the last copy)
        let (mut lines, mut puncts) = (0, 0);
        for &i in &boundaries {
            match self.tokens[i as usize].kind {
                TokenKind::Newline => lines += 1,
                TokenKind::Punct => puncts += 1,
                _ => {}
            }
        }
        self.sentences.reserve_exact(lines + puncts + 1);
        self.paragraphs.reserve_exact(lines + 1);
        for &i in &boundaries {
            let i = i as usize;
            let t = self.tokens[i];
            let ends_sentence = match t.kind {
                TokenKind::Newline => true,
                TokenKind::Punct => {
                    let c = text[t.start as usize..].chars().next().unwrap_or(' ');
                    matches!(c, '.' | '!' | '?' | '؟' | '…') && !self.period_inside_word(i, c, text)
                }
                _ => false,
            };
            if ends_sentence {
                self.sentences.push(Sentence::new(sent_start..i + 1, para));
                sent_start = i + 1;
            }
            if t.kind == TokenKind::Newline {
                self.paragraphs.push(para_start as u32..i as u32 + 1);
                para_start = i + 1;
                para += 1;
            }
        }
        self.boundaries = boundaries;
        if sent_start < n {
            self.sentences.push(Sentence::new(sent_start..n, para));
        }
        if para_start < n || self.paragraphs.is_empty() {
            self.paragraphs.push(para_start as u32..n as u32);
        }
    }

    /// A period between two non-space tokens (`3.5`, `د.ب.أ`, `U.S`) does not
    /// end a sentence; neither does one that follows a single letter (`د.`).
    fn period_inside_word(&self, i: usize, c: char, text: &str) -> bool {
        if c != '.' {
            return false;
        }
        let prev_wordlike = i > 0 && self.tokens[i - 1].is_wordlike();
        let next_wordlike = self.tokens.get(i + 1).is_some_and(|t| t.is_wordlike());
        if prev_wordlike && next_wordlike {
            return true;
        }
        if prev_wordlike {
            let prev = &self.tokens[i - 1];
            let single_letter = text[self.bytes(i - 1)].chars().count() == 1 && prev.kind == TokenKind::Word;
            // `..` runs: only the last period of an ellipsis ends a sentence.
            let is_period = |t: &Token| t.kind == TokenKind::Punct && text[t.start as usize..].starts_with('.');
            let next_is_period = self.tokens.get(i + 1).is_some_and(is_period);
            return single_letter || next_is_period;
        }
        self.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Punct && text[t.start as usize..].starts_with('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::toks;

    #[test]
    fn sentences_end_at_stops_and_line_breaks_but_not_inside_numbers() {
        let text = "ارتفع بنسبة 3.5 بالمئة. وقال الوزير؟ نعم\nسطر ثان";
        let t = toks(text);
        assert_eq!(t.sentences.len(), 4);
        assert_eq!(t.paragraphs.len(), 2);
        assert_eq!(t.sentences[3].paragraph, 1);
    }

    #[test]
    fn abbreviation_periods_do_not_end_sentences() {
        let text = "صنعاء - د.ب.أ: قال المصدر";
        let t = toks(text);
        assert_eq!(t.sentences.len(), 1);
    }
}
