//! What a word can start, worked out once when the lexicons are built:
//! the entity passes (the `STARTS_` bits) and date expressions (the date
//! triggers), so that the extractors' scans test one bit a word.

use super::tsv::field;
use super::*;

/// A word starts a place head (`محافظة`, `مطار`).
pub const STARTS_PLACE_HEAD: u8 = 1;
/// A word starts a title other than a modifier.
pub const STARTS_TITLE: u8 = 2;
/// A word starts an institution head (`وزارة`, `حزب`).
pub const STARTS_ORG_HEAD: u8 = 4;
/// A word starts a gazetteer entry.
pub const STARTS_GAZETTEER: u8 = 8;
/// A word starts a given name.
pub const STARTS_GIVEN: u8 = 16;
/// A word starts anything the gazetteer and institutions pass matches.
pub const STARTS_PHRASE: u8 = STARTS_PLACE_HEAD | STARTS_ORG_HEAD | STARTS_GAZETTEER;
/// A word starts anything the people pass looks for.
pub const STARTS_PERSON: u8 = STARTS_TITLE | STARTS_GIVEN;

impl Lexicons {
    /// [`Lexicons::entity_starts`] for every word: the entity extractor's
    /// scan then reads one byte a word instead of testing five sets.
    pub(super) fn build_entity_starts(&mut self) {
        self.entity_starts = (0..self.vocab.len() as WordId)
            .map(|id| {
                let bit = |starts: bool, bit: u8| if starts { bit } else { 0 };
                bit(self.place_heads.can_start(id), STARTS_PLACE_HEAD)
                    | bit(self.org_heads.can_start(id), STARTS_ORG_HEAD)
                    | bit(self.gazetteer.can_start(id), STARTS_GAZETTEER)
                    | bit(self.given_names.can_start(id), STARTS_GIVEN)
            })
            .collect();
        // a title start counts only for titles that are no modifier
        // (`العام`, `الخارجية` start nothing the people pass looks for)
        for id in self.titles.first_words(|t| t.class != TitleClass::Modifier) {
            self.entity_starts[id as usize] |= STARTS_TITLE;
        }
    }

    /// Which entity passes word `id` can start (the `STARTS_` bits); none
    /// for `NO_WORD`.
    #[inline]
    pub fn entity_starts(&self, id: WordId) -> u8 {
        // (`NO_WORD` is past the end of the table)
        self.entity_starts.get(id as usize).copied().unwrap_or(0)
    }

    /// The words a date can begin with: the cue words of `data/date_cues.tsv`
    /// and the first words of month, weekday, ordinal, holiday and time-unit
    /// names. The date extractor tries its patterns only at these words and
    /// at numbers, which keeps it cheap on the words that cannot start one.
    pub(super) fn build_date_triggers(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        let mut words: Vec<String> = Vec::new();
        for (line, _, f) in records(text) {
            words.push(fold_phrase(field(file, line, &f, 0)?));
        }
        for (file, text) in [
            data_file!("months.tsv"),
            data_file!("ordinals.tsv"),
            data_file!("holidays.tsv"),
            data_file!("weekdays.tsv"),
            data_file!("time_units.tsv"),
        ] {
            for (line, _, f) in records(text) {
                let key = fold_phrase(field(file, line, &f, 0)?);
                if let Some(first) = key.split(' ').next() {
                    words.push(first.to_string());
                }
            }
        }
        for w in words {
            // after ل the article is written لل: `للعام`, `للشهر`
            if let Some(rest) = w.strip_prefix("ال") {
                self.date_triggers.insert(format!("لل{rest}").into_boxed_str());
            }
            self.date_triggers.insert(w.into_boxed_str());
        }
        Ok(())
    }

    /// Whether a folded word can begin a date expression, read whole or
    /// without its proclitics (`وأمس`, `بالأمس`, `للعام`, `وفي`).
    pub fn is_date_trigger(&self, key: &str) -> bool {
        is_date_trigger_in(&self.keys, key)
    }
}

/// [`Lexicons::is_date_trigger`] over the key table `table`: the word
/// whole, without a conjunction و/ف, then without a preposition ب/ل/ك after
/// it. The reference for the flag [`annotate`](super::annotate) computes.
pub(super) fn is_date_trigger_in(table: &KeyTable, key: &str) -> bool {
    if table.get(key).date_trigger {
        return true;
    }
    let rest = key.strip_prefix(['و', 'ف']).unwrap_or(key);
    if rest.len() != key.len() && table.get(rest).date_trigger {
        return true;
    }
    let rest2 = rest.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(rest);
    rest2.len() != rest.len() && table.get(rest2).date_trigger
}

#[cfg(test)]
mod tests {
    use super::super::tests::lex;
    use super::*;

    #[test]
    fn entity_starts_agree_with_the_sets() {
        let l = lex();
        let person_titles: std::collections::HashSet<WordId> = l.titles.first_words(|t| t.class != TitleClass::Modifier).into_iter().collect();
        // (and modifiers do start titles: the flag is narrower than the set)
        assert!((0..l.vocab.len() as WordId).any(|id| l.titles.can_start(id) && !person_titles.contains(&id)));
        for id in (0..l.vocab.len() as WordId).chain([NO_WORD]) {
            assert_eq!(l.entity_starts(id) & STARTS_PLACE_HEAD != 0, l.place_heads.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_ORG_HEAD != 0, l.org_heads.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_GAZETTEER != 0, l.gazetteer.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_TITLE != 0, person_titles.contains(&id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_GIVEN != 0, l.given_names.can_start(id), "{id}");
        }
    }

}
