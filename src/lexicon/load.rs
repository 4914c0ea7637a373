//! Building the lexicons from the data files: one `load_` function a
//! file, then the tables joined from them.

use super::tsv::{field, index_of, parse_gender, parse_number, parse_preps, parse_tense, preposition_keys};
use super::*;
use crate::tokenizer::fold::fold_into;
use chrono::NaiveDate;

impl Lexicons {
    /// Builds every lexicon from the data files compiled into the binary.
    pub fn load() -> Result<Self, LexiconError> {
        let mut lex = Lexicons::default();
        lex.load_speech_verbs(data_file!("speech_verbs.tsv"))?;
        lex.load_function_words(data_file!("function_words.tsv"))?;
        lex.load_nationalities(data_file!("nationalities.tsv"))?;
        lex.load_weekdays(data_file!("weekdays.tsv"))?;
        lex.load_titles(data_file!("titles.tsv"))?;
        lex.load_given_names(data_file!("given_names.tsv"))?;
        lex.load_months(data_file!("months.tsv"))?;
        lex.load_ordinals(data_file!("ordinals.tsv"))?;
        lex.load_org_heads(data_file!("org_heads.tsv"))?;
        lex.load_place_heads(data_file!("place_heads.tsv"))?;
        lex.load_document_nouns(data_file!("document_nouns.tsv"))?;
        lex.load_time_units(data_file!("time_units.tsv"))?;
        lex.load_holidays(data_file!("holidays.tsv"))?;
        lex.load_common_words(data_file!("common_words.tsv"))?;
        // Countries first: a name in two files (الكويت) keeps its first reading.
        lex.load_gazetteer(data_file!("gazetteer/countries.tsv"), EntityType::Location)?;
        lex.load_gazetteer(data_file!("gazetteer/organizations.tsv"), EntityType::Organization)?;
        lex.load_gazetteer(data_file!("gazetteer/places.tsv"), EntityType::Location)?;
        lex.load_agencies(data_file!("agencies.tsv"))?;
        lex.words.resize(lex.vocab.len(), WordInfo::default());
        lex.build_date_triggers(data_file!("date_cues.tsv"))?;
        lex.build_key_table()?;
        lex.build_entity_starts();
        lex.morph = morph::Morph::load()?;
        Ok(lex)
    }

    /// Joins the vocabulary, the common words and the date triggers into
    /// [`Lexicons::keys`].
    fn build_key_table(&mut self) -> Result<(), LexiconError> {
        // token annotations keep a word id in 24 bits
        if self.vocab.len() >= (1 << 24) - 1 {
            return Err(err("*", 0, "more than 2^24 - 2 distinct words"));
        }
        let mut facts: rustc_hash::FxHashMap<&str, KeyFacts> = rustc_hash::FxHashMap::default();
        for (key, &id) in self.vocab.iter() {
            facts.entry(key).or_insert(KeyFacts::NONE).word = id;
        }
        for (key, &rank) in &self.common_words {
            facts.entry(key).or_insert(KeyFacts::NONE).common_rank = Some(rank);
        }
        for key in &self.date_triggers {
            facts.entry(key).or_insert(KeyFacts::NONE).date_trigger = true;
        }
        // the most frequent words first, so that the entries and key bytes
        // that most lookups read share a few cache lines
        let mut items: Vec<(&str, KeyFacts)> = facts.into_iter().collect();
        items.sort_unstable_by_key(|&(key, f)| (f.common_rank.unwrap_or(u16::MAX), key));
        self.keys = KeyTable::build(items);
        Ok(())
    }

    fn word_mut(&mut self, form: &str) -> &mut WordInfo {
        let mut key = String::with_capacity(form.len());
        fold_into(form, &mut key);
        let id = self.vocab.intern(&key) as usize;
        if self.words.len() <= id {
            self.words.resize(id + 1, WordInfo::default());
        }
        &mut self.words[id]
    }

    fn load_speech_verbs(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        let prep_keys = preposition_keys();
        for (line, _section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let lemma = field(file, line, &f, 1)?;
            let features: Vec<&str> = field(file, line, &f, 2)?.split(',').map(str::trim).collect();
            let preps = f.get(3).copied().unwrap_or("-");
            let kind = features[0];
            match kind {
                "complementizer" => self.word_mut(form).complementizer = true,
                "attribution" => {
                    let (vocab, set) = (&mut self.vocab, &mut self.attributions);
                    set.insert_phrase(vocab, form, ());
                }
                _ => {
                    let tense = parse_tense(kind).ok_or_else(|| err(file, line, format!("unknown tense {kind:?}")))?;
                    let agr = features.get(1).copied().unwrap_or("-");
                    let info = VerbInfo {
                        lemma: index_of(&mut self.verb_lemmas, lemma),
                        tense,
                        gender: parse_gender(agr),
                        number: parse_number(agr),
                        preps: parse_preps(preps, &prep_keys),
                        ambiguous: features.contains(&"ambiguous"),
                    };
                    // Multi-word forms (`نقل عن`) keep their first word as the verb.
                    let first = form.split_whitespace().next().unwrap_or(form);
                    let w = self.word_mut(first);
                    if w.verb.is_none() {
                        w.verb = Some(info);
                    }
                }
            }
        }
        Ok(())
    }

    fn load_function_words(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let class = match field(file, line, &f, 1)? {
                "prep" => FunctionClass::Prep,
                "conj" => FunctionClass::Conj,
                "particle" => FunctionClass::Particle,
                "pronoun" => FunctionClass::Pronoun,
                "demonstrative" => FunctionClass::Demonstrative,
                "relative" => FunctionClass::Relative,
                "aux" => FunctionClass::Aux,
                "negation" => FunctionClass::Negation,
                "time" => FunctionClass::Time,
                "adverb" => FunctionClass::Adverb,
                "quantifier" => FunctionClass::Quantifier,
                other => return Err(err(file, line, format!("unknown class {other:?}"))),
            };
            if form.contains(' ') {
                continue; // multi-word entries are documentation only for now
            }
            let w = self.word_mut(form);
            w.function.get_or_insert(class);
        }
        Ok(())
    }

    fn load_nationalities(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let country = field(file, line, &f, 1)?;
            let idx = index_of(&mut self.nationality_countries, country);
            if !form.contains(' ') {
                self.word_mut(form).nationality.get_or_insert(idx);
            }
        }
        Ok(())
    }

    fn load_weekdays(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let day: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "weekday is not a number"))?;
            if !(1..=7).contains(&day) {
                return Err(err(file, line, "weekday out of 1..=7"));
            }
            self.word_mut(form).weekday = Some(day);
        }
        Ok(())
    }

    fn load_titles(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let gender = parse_gender(f.get(1).copied().unwrap_or("-"));
            let class = match f.get(2).copied().unwrap_or("head") {
                "head" => TitleClass::Head,
                "modifier" => TitleClass::Modifier,
                "honorific" => TitleClass::Honorific,
                other => return Err(err(file, line, format!("unknown title class {other:?}"))),
            };
            let (vocab, set) = (&mut self.vocab, &mut self.titles);
            set.insert_phrase(vocab, form, TitleInfo { class, gender });
        }
        Ok(())
    }

    fn load_given_names(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let gender = parse_gender(f.get(1).copied().unwrap_or("-"));
            // ordinary words too: not evidence of a name by themselves
            let set = if section == "ambiguous" { &mut self.ambiguous_given_names } else { &mut self.given_names };
            set.insert_phrase(&mut self.vocab, form, gender);
        }
        Ok(())
    }

    fn load_months(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let month: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "month is not a number"))?;
            if !(1..=12).contains(&month) {
                return Err(err(file, line, "month out of 1..=12"));
            }
            let calendar = match field(file, line, &f, 2)? {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                other => return Err(err(file, line, format!("unknown calendar {other:?}"))),
            };
            let ambiguous = field(file, line, &f, 3)?.ends_with('?');
            let (vocab, set) = (&mut self.vocab, &mut self.months);
            set.insert_phrase(vocab, form, MonthInfo { month, calendar, ambiguous });
        }
        Ok(())
    }

    fn load_ordinals(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let v: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "value is not a number"))?;
            let (vocab, set) = (&mut self.vocab, &mut self.ordinals);
            set.insert_phrase(vocab, form, v);
        }
        Ok(())
    }

    fn load_org_heads(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            if section == "descriptive" {
                let (vocab, set) = (&mut self.vocab, &mut self.descriptive_adjectives);
                set.insert_phrase(vocab, form, ());
                continue;
            }
            let descriptor = f.get(1).copied() == Some("descriptor");
            let definite = form.starts_with("ال");
            let (vocab, set) = (&mut self.vocab, &mut self.org_heads);
            set.insert_phrase(vocab, form, OrgHead { descriptor, definite });
            if !definite && !form.contains(' ') {
                set.insert_phrase(vocab, &format!("ال{form}"), OrgHead { descriptor, definite: true });
            }
        }
        Ok(())
    }

    fn load_place_heads(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let head = match field(file, line, &f, 1)? {
                "division" => PlaceHead::Division,
                "site" => PlaceHead::Site,
                other => return Err(err(file, line, format!("unknown place head class {other:?}"))),
            };
            let (vocab, set) = (&mut self.vocab, &mut self.place_heads);
            set.insert_phrase(vocab, form, head);
        }
        Ok(())
    }

    /// Common words are kept apart from the vocabulary: being frequent is
    /// no lexicon entry, and interning them would hide the stems of clitic
    /// words (`وقال` is frequent, and is و + the verb `قال`).
    fn load_common_words(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let rank: u16 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "rank is not a number"))?;
            self.common_words.entry(fold_phrase(form).into_boxed_str()).or_insert(rank);
        }
        Ok(())
    }

    fn load_holidays(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let month: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "month is not a number"))?;
            let day: u8 = field(file, line, &f, 2)?.parse().map_err(|_| err(file, line, "day is not a number"))?;
            if NaiveDate::from_ymd_opt(2000, month as u32, day as u32).is_none() {
                return Err(err(file, line, "no such day"));
            }
            let (vocab, set) = (&mut self.vocab, &mut self.holidays);
            set.insert_phrase(vocab, form, (month, day));
        }
        Ok(())
    }

    fn load_time_units(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let unit = field(file, line, &f, 1)?.chars().next().filter(|c| "dwmy".contains(*c)).ok_or_else(|| err(file, line, "unit must be d, w, m or y"))?;
            let count: u8 = field(file, line, &f, 2)?.parse().map_err(|_| err(file, line, "count is not a number"))?;
            let (vocab, set) = (&mut self.vocab, &mut self.time_units);
            set.insert_phrase(vocab, form, (unit, count));
        }
        Ok(())
    }

    fn load_document_nouns(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let (vocab, set) = (&mut self.vocab, &mut self.document_nouns);
            set.insert_phrase(vocab, form, ());
        }
        Ok(())
    }

    fn load_gazetteer(&mut self, (file, text): (&'static str, &str), ty: EntityType) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let canonical = field(file, line, &f, 0)?;
            let latin = f.get(1).copied().filter(|l| !l.is_empty() && *l != "-");
            let kind = f.get(2).copied().unwrap_or("");
            let names = f.get(3).copied().unwrap_or(canonical);
            let id = self.gazetteer_entries.len() as u32;
            self.gazetteer_entries.push(GazetteerEntry {
                key: fold_phrase(canonical),
                canonical: canonical.to_string(),
                latin: latin.map(str::to_string),
                entity_type: ty,
                kind: kind.to_string(),
            });
            let (vocab, set) = (&mut self.vocab, &mut self.gazetteer);
            set.insert_phrase(vocab, canonical, id);
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                set.insert_phrase(vocab, name, id);
            }
        }
        Ok(())
    }

    fn load_agencies(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let canonical = field(file, line, &f, 0)?;
            let kind = field(file, line, &f, 1)?;
            let names = field(file, line, &f, 2)?;
            let arabic = names.split('|').next().unwrap_or(canonical).trim();
            let id = self.agency_list.len() as u16;
            self.agency_list.push(Agency { canonical: canonical.to_string(), arabic: arabic.to_string(), kind: kind.to_string() });
            // An outlet is also an organization entity.
            let gid = self.gazetteer_entries.len() as u32;
            self.gazetteer_entries.push(GazetteerEntry {
                key: fold_phrase(arabic),
                canonical: arabic.to_string(),
                latin: Some(canonical.to_string()),
                entity_type: EntityType::Organization,
                kind: kind.to_string(),
            });
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                // abbreviations written with dots (أ.ف.ب) match as letters
                let spaced: String = name.replace('.', " ");
                let (vocab, set) = (&mut self.vocab, &mut self.agencies);
                set.insert_phrase(vocab, &spaced, id);
                // In running text a one-word newspaper or site name is too
                // often an ordinary word (`اليوم`, `البلاد`, `تواصل`): only
                // agencies and longer or Latin names count as entities.
                let one_arabic_word = !spaced.trim().contains(' ') && !spaced.is_ascii();
                if kind == "agency" || !one_arabic_word {
                    let (vocab, set) = (&mut self.vocab, &mut self.gazetteer);
                    set.insert_phrase(vocab, &spaced, gid);
                }
            }
        }
        Ok(())
    }
}
