//! The speakers of a text: who they are, merging two names of one person,
//! and who a cue without a named subject refers back to.

use super::keys::{first_word_is, folded_first_word, last_word, last_word_is, same_person, swapped_neighbours, without_article};
use crate::extract::doc::Doc;
use crate::extract::entities::{phrase_key, KnownNames};
use crate::extract::names::{self, NounPhrase, PhraseKind};
use crate::lexicon::{Gender, Tense, VerbInfo};
use crate::record::Quote;
use crate::tokenizer::clitics::{after_article, is_accusative_nisba, without_accusative_alif, without_accusative_ending};
use crate::tokenizer::fold::fold_phrase;

/// A person or body who speaks, as the text names them.
#[derive(Debug, Clone)]
pub(super) struct SpeakerState {
    pub(super) name: String,
    pub(super) key: String,
    pub(super) title: Option<String>,
    pub(super) gender: Gender,
    pub(super) quotes: usize,
    pub(super) first_seen: usize,
    /// A named person (not a body or a description).
    pub(super) person: bool,
    /// Introduced by a plural verb.
    pub(super) plural: bool,
    /// The news agency this speaker is, if it is one.
    pub(super) agency: Option<u16>,
}


/// The speakers met so far and who spoke last.
#[derive(Default)]
pub(super) struct Speakers {
    pub(super) people: Vec<SpeakerState>,
    pub(super) last: Option<usize>,
    /// Last masculine and feminine speakers, for dropped subjects.
    pub(super) last_by_gender: [Option<usize>; 2],
    /// Last speaker that is a named person.
    pub(super) last_person: Option<usize>,
    /// Last speaker introduced by a plural verb (`قال العمال`).
    last_plural: Option<usize>,
    /// Last speaker that is a group, a body or a description.
    pub(super) last_body: Option<usize>,
    /// The folded titles of the known people (by index), each folded when
    /// first compared: a text compares them at each title that refers back.
    pub(super) title_keys: Vec<Option<String>>,
}

impl Speakers {
    pub(super) fn credit(&mut self, i: usize) {
        self.people[i].quotes += 1;
        self.last = Some(i);
        match self.people[i].gender {
            Gender::Masculine => self.last_by_gender[0] = Some(i),
            Gender::Feminine => self.last_by_gender[1] = Some(i),
            Gender::Unknown => {}
        }
        if self.people[i].person {
            self.last_person = Some(i);
        } else {
            self.last_body = Some(i);
        }
    }

    /// Speaker `i` was introduced by a plural verb or a plural subject
    /// (`قال سكان محليون`): later plural verbs refer to it.
    pub(super) fn mark_plural(&mut self, i: usize) {
        self.people[i].plural = true;
        self.last_plural = Some(i);
    }

    /// The person quoted most so far (the first of equals).
    pub(super) fn most_quoted_person(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, p) in self.people.iter().enumerate().filter(|(_, p)| p.person && p.quotes > 0) {
            if best.is_none_or(|b| p.quotes > self.people[b].quotes) {
                best = Some(i);
            }
        }
        best
    }

    /// A cue with no subject: the last speaker whose gender agrees.
    pub(super) fn dropped(&self, verb: VerbInfo) -> Option<usize> {
        // `وأضافوا`: the last plural speaker, or else the last group or body
        // (a named person takes no plural verb)
        if verb.number == crate::lexicon::GramNumber::Plural {
            if self.last_plural.is_some() {
                return self.last_plural;
            }
            if self.last_body.is_some() {
                return self.last_body;
            }
        }
        let by_gender = match verb.gender {
            Gender::Masculine => self.last_by_gender[0],
            Gender::Feminine => self.last_by_gender[1],
            Gender::Unknown => None,
        };
        if verb.tense == Tense::Participle {
            return self.last.or(by_gender);
        }
        // `وأضافت` is not the last male speaker: without an agreeing one,
        // the caller looks for the person the story is about
        let agrees = |i: usize| verb.gender == Gender::Unknown || self.people[i].gender == Gender::Unknown || self.people[i].gender == verb.gender;
        by_gender.or(self.last.filter(|&i| agrees(i)))
    }

    /// One person named two ways (`عبد الله البدري` and `عبدالله البدري`,
    /// or a family name met before the full name): the quotes of the shorter
    /// form go to the fuller one.
    pub(super) fn merge_same_people(&mut self, quotes: &mut [Quote]) {
        let n = self.people.len();
        // the length of each name, counted once rather than once per pair
        let name_chars: Vec<usize> = self.people.iter().map(|p| p.name.chars().count()).collect();
        for a in 0..n {
            for b in 0..n {
                if a == b || !self.people[a].person || !self.people[b].person || self.people[a].quotes == 0 {
                    continue;
                }
                let b_fuller = name_chars[b] > name_chars[a] || (name_chars[b] == name_chars[a] && b < a);
                if b_fuller && same_person(&self.people[a].key, &self.people[b].key) {
                    let (from, to) = (self.people[a].name.clone(), self.people[b].name.clone());
                    for q in quotes.iter_mut().filter(|q| q.speaker.as_deref() == Some(from.as_str())) {
                        q.speaker = Some(to.clone());
                    }
                    self.people[b].quotes += self.people[a].quotes;
                    self.people[b].first_seen = self.people[b].first_seen.min(self.people[a].first_seen);
                    if self.people[b].title.is_none() {
                        self.people[b].title = self.people[a].title.take();
                    }
                    self.people[a].quotes = 0;
                }
            }
        }
    }

    fn find(&self, key: &str) -> Option<usize> {
        self.people.iter().position(|p| p.key == key)
    }

    pub(super) fn add(&mut self, name: String, key: String, gender: Gender, first_seen: usize, person: bool) -> usize {
        if let Some(i) = self.find(&key) {
            return i;
        }
        self.people.push(SpeakerState { name, key, title: None, gender, quotes: 0, first_seen, person, plural: false, agency: None });
        self.people.len() - 1
    }

    /// A subject as the text gives it, resolved to the fullest name.
    pub(super) fn named(&mut self, doc: &Doc, np: &NounPhrase, verb_gender: Gender, known: &KnownNames) -> usize {
        let gender = if np.gender != Gender::Unknown { np.gender } else { verb_gender };
        let title = np.title_text(doc).map(str::to_string);
        let text = np.name_text(doc).to_string();
        let key = name_key(doc, np);
        let idx = if np.kind == PhraseKind::Person {
            let (full, full_key) = self.link_family_name(&text, &key, known);
            self.add(full, full_key, gender, np.first, true)
        } else if let Some(i) = self.refer_back(doc, np, &key, known) {
            i
        } else {
            // `وكالة الأنباء السورية الرسمية` and later `سانا`: one agency
            // (by any of its names in `data/agencies.tsv`)
            let agency = agency_in(doc, np.first, np.last);
            match agency.and_then(|id| self.people.iter().position(|p| p.agency == Some(id))) {
                Some(i) => i,
                None => {
                    // `key` folds `text` already: only a nominative form is
                    // folded anew
                    let (text, key) = match nominative(doc, np) {
                        Some(nominative) => {
                            let key = fold_phrase(&nominative);
                            (nominative, key)
                        }
                        None => (text, key),
                    };
                    let known_before = self.people.len();
                    let i = self.add(text, key, gender, np.first, false);
                    if i >= known_before {
                        self.people[i].agency = agency;
                    }
                    i
                }
            }
        };
        // the verb tells the gender of a body or source the noun does not
        if self.people[idx].gender == Gender::Unknown {
            self.people[idx].gender = gender;
        }
        // an unnamed source is its own description, not a titled name
        if self.people[idx].title.is_none() && title.as_deref() != Some(self.people[idx].name.as_str()) {
            self.people[idx].title = title;
        }
        idx
    }

    /// A family name alone (`لافروف`) becomes the full name given earlier
    /// (`سيرغي لافروف`), from the speakers so far or the people of the text.
    fn link_family_name(&self, name: &str, key: &str, known: &KnownNames) -> (String, String) {
        if !key.contains(' ') {
            let family = key;
            for p in &self.people {
                if p.key.len() > family.len() && last_word_is(&p.key, family) {
                    return (p.name.clone(), p.key.clone());
                }
            }
            for ((full, _), fk) in known.people.iter().zip(&known.people_keys) {
                if fk.len() > family.len() && last_word_is(fk, family) {
                    return (full.to_string(), fk.to_string());
                }
            }
            // a slip of the keyboard in a foreign name (`داميان` for
            // `دايمان`): two neighbouring letters swapped in a long word
            for p in self.people.iter().filter(|p| p.person) {
                if p.key.contains(' ') && swapped_neighbours(last_word(&p.key), family) {
                    return (p.name.clone(), p.key.clone());
                }
            }
            for ((full, _), fk) in known.people.iter().zip(&known.people_keys) {
                if fk.contains(' ') && swapped_neighbours(last_word(fk), family) {
                    return (full.to_string(), fk.to_string());
                }
            }
        }
        (name.to_string(), key.to_string())
    }

    /// A description that refers back: a document (`البيان`) speaks for the
    /// last speaker; a definite head alone (`الوزارة`, `الوكالة`) for the
    /// body whose name it heads; a title alone (`المرشد الإيراني`) for the
    /// person introduced with it; a nationality alone (`الأرجنتيني`) for
    /// the last person quoted.
    fn refer_back(&mut self, doc: &Doc, np: &NounPhrase, key: &str, known: &KnownNames) -> Option<usize> {
        // the key when it is one word
        let single = (!key.contains(' ')).then_some(key);
        if doc.phrase_at(&doc.lex.document_nouns, np.first).is_some() {
            // a document speaks for the last speaker, or else for the first
            // body the story names (`جاء في نص البلاغ` after `أعلنت الوزارة`)
            if self.last.is_some() {
                return self.last;
            }
            if let Some(org) = known.organizations.first() {
                let ok = fold_phrase(org);
                return Some(self.add(org.to_string(), ok, np.gender, np.first, false));
            }
        }
        // a family name written with the article (`البدري`, `الشاهد`)
        if let Some(family) = single {
            if let Some(i) = self.people.iter().rposition(|p| p.person && p.key.len() > family.len() && last_word_is(&p.key, family)) {
                return Some(i);
            }
            for ((full, _), fk) in known.people.iter().zip(&known.people_keys) {
                if fk.len() > family.len() && last_word_is(fk, family) {
                    return Some(self.add(full.to_string(), fk.to_string(), np.gender, np.first, true));
                }
            }
        }
        if let Some((a, b)) = np.title {
            // `الوزير الأردني` names `وزير الخارجية الأردني ناصر البدوي`: the
            // words of the short title, without the article, are in the long one
            let short = phrase_key(doc, a, b, if a == np.first { np.prefix_chars } else { 0 });
            self.title_keys.resize(known.people.len(), None);
            for (idx, ((full, t), fk)) in known.people.iter().zip(&known.people_keys).enumerate().rev() {
                let Some(t) = t else { continue };
                let long = self.title_keys[idx].get_or_insert_with(|| fold_phrase(t));
                if short.split(' ').map(without_article).all(|w| long.split(' ').map(without_article).any(|l| l == w)) {
                    debug_assert_eq!(*fk, fold_phrase(full));
                    return Some(self.add(full.to_string(), fk.to_string(), np.gender, np.first, true));
                }
            }
            if !short.contains(' ') {
                return self.last_person;
            }
        }
        let word = single?;
        let head = after_article(word).filter(|h| h.chars().count() >= 3)?;
        // `الوزارة` for `وزارة الخارجية`, `الائتلاف` for `الائتلاف الوطني السوري`
        if let Some(i) = self.people.iter().rposition(|p| first_word_is(&p.key, head) || (!p.person && p.key.len() > word.len() && first_word_is(&p.key, word))) {
            return Some(i);
        }
        // (only the first word of each organization is folded to compare)
        let mut first = String::new();
        for org in known.organizations.iter() {
            if folded_first_word(org, &mut first) == head {
                return Some(self.add(org.to_string(), fold_phrase(org), np.gender, np.first, false));
            }
        }
        if doc.word_full(np.first).and_then(|w| w.nationality).is_some() {
            return self.last_person;
        }
        // `وقال المصدر` after `أعلن مصدر يمني مسؤول في وزارة الصحة`: the
        // definite noun names the source the story introduced indefinite
        // (a word of the vocabulary is found by its id, which each token
        // holds: a comparison of ids, not of keys, over the long window)
        let window = np.first.saturating_sub(ANAPHOR_WINDOW)..np.first;
        let by_key = |t: usize| doc.tokens[t].is_word() && doc.toks.key_bytes(t) == head.as_bytes();
        let head_id = doc.lex.vocab.get(head);
        let earlier = if head_id == crate::lexicon::NO_WORD {
            window.clone().rev().find(|&t| by_key(t))
        } else {
            window.clone().rev().find(|&t| doc.ids[t].full() == head_id && doc.tokens[t].is_word())
        };
        debug_assert_eq!(earlier, window.rev().find(|&t| by_key(t)), "{head}");
        let earlier = earlier?;
        let intro = names::parse(doc, earlier).filter(|e| e.kind == PhraseKind::Description && e.last > e.first)?;
        let text = nominative(doc, &intro).unwrap_or_else(|| intro.name_text(doc).to_string());
        let key = fold_phrase(&text);
        Some(self.add(text, key, np.gender, intro.first, false))
    }
}

/// The key of the words that name `np`'s referent (its name, or the whole
/// phrase): `fold_phrase` of [`NounPhrase::name_text`], joined from the
/// tokens' keys.
fn name_key(doc: &Doc, np: &NounPhrase) -> String {
    match np.name {
        Some((a, b, p)) => phrase_key(doc, a, b, p),
        None => phrase_key(doc, np.first, np.last, np.prefix_chars),
    }
}


/// How far back (in tokens) a definite noun looks for the indefinite one it
/// refers to: about a few paragraphs.
const ANAPHOR_WINDOW: usize = 1500;


/// An unnamed source written in the accusative after `إن`/`أن`
/// (`مسؤولا محليا في حلب`) named as a speaker in the nominative
/// (`مسؤول محلي في حلب`): the tanween alif of the head and of its nisba
/// adjectives is case, not part of the description.
fn nominative(doc: &Doc, np: &NounPhrase) -> Option<String> {
    let head = np.first;
    let stem = without_accusative_alif(doc.key(head)).filter(|s| s.chars().count() >= 3)?;
    if (doc.lex.vocab.get(stem) == crate::lexicon::NO_WORD && doc.lex.common_rank(stem).is_none()) || np.prefix_chars != 0 {
        return None;
    }
    // a title head (`مسؤولا`), or a noun with an accusative nisba adjective
    // (`مصدرا أمنيا`); never a place (`روسيا`, `سوريا`)
    let place = |t: usize| doc.phrase_at(&doc.lex.gazetteer, t).is_some();
    let title_head = doc.phrase_at(&doc.lex.titles, head).is_none() && names::is_title_head(doc, head);
    let adjective = doc.next_word(head).filter(|&a| a <= np.last).is_some_and(|a| is_accusative_nisba(doc.key(a)) && !place(a));
    if place(head) || !(title_head || adjective) {
        return None;
    }
    let mut out = String::new();
    let mut in_head = true;
    for t in np.first..=np.last {
        let surface = doc.surface(t);
        let k = doc.key(t);
        if doc.tokens[t].is_word() && in_head && (t == head || is_accusative_nisba(k)) {
            out.push_str(without_accusative_ending(surface));
        } else {
            // the case ending stops at the first word that is not the head's
            // adjective (`في`)
            if doc.tokens[t].is_word() && t != head {
                in_head = false;
            }
            out.push_str(surface);
        }
    }
    Some(out)
}

/// The news agency named by tokens `first..=last`, if any.
fn agency_in(doc: &Doc, first: usize, last: usize) -> Option<u16> {
    (first..=last).filter(|&t| doc.tokens[t].is_word()).find_map(|t| doc.phrase_at(&doc.lex.agencies, t).map(|m| *m.value))
}
