//! The speakers of a text: who they are, merging two names of one person,
//! and who a cue without a named subject refers back to.

use super::index::{first_of, hash, last_of, swapped_variants, KnownIndex, SpeakerIndex, INDEX_FROM};
use super::keys::{first_word_is, folded_first_word, last_word, last_word_is, same_person, swapped_neighbours, without_article};
use std::collections::BTreeMap;
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
    /// The person quoted most so far (the first of equals).
    most_quoted: Option<usize>,
    /// The speakers indexed, once there are [`INDEX_FROM`] of them.
    index: Option<SpeakerIndex>,
    /// The known people and organizations indexed, when there are
    /// [`INDEX_FROM`] of either (built at the first question).
    known_index: Option<KnownIndex>,
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
            // (quotes only grow while cues are read: the first of equals
            // with the most is kept as they do)
            let q = self.people[i].quotes;
            if self.most_quoted.is_none_or(|b| q > self.people[b].quotes || (q == self.people[b].quotes && i < b)) {
                self.most_quoted = Some(i);
            }
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
        debug_assert_eq!(self.most_quoted, {
            let mut best: Option<usize> = None;
            for (i, p) in self.people.iter().enumerate().filter(|(_, p)| p.person && p.quotes > 0) {
                if best.is_none_or(|b| p.quotes > self.people[b].quotes) {
                    best = Some(i);
                }
            }
            best
        });
        self.most_quoted
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
        // the renamings, applied to the quotes at the end in one pass
        let mut renames: Vec<(String, String)> = Vec::new();
        for a in 0..n {
            if !self.people[a].person || self.people[a].quotes == 0 {
                continue;
            }
            // the first `b` that `a` merges into (after which `a` has no
            // quotes left, and merges no more)
            let fits = |b: usize| {
                a != b && self.people[b].person && {
                    let b_fuller = name_chars[b] > name_chars[a] || (name_chars[b] == name_chars[a] && b < a);
                    b_fuller && same_person(&self.people[a].key, &self.people[b].key)
                }
            };
            let into = match &self.index {
                Some(index) => first_of(&index.same_person_candidates(&self.people[a].key), fits),
                None => (0..n).find(|&b| fits(b)),
            };
            if let Some(b) = into {
                renames.push((self.people[a].name.clone(), self.people[b].name.clone()));
                self.people[b].quotes += self.people[a].quotes;
                self.people[b].first_seen = self.people[b].first_seen.min(self.people[a].first_seen);
                if self.people[b].title.is_none() {
                    self.people[b].title = self.people[a].title.take();
                }
                self.people[a].quotes = 0;
            }
        }
        rename_speakers(quotes, &renames);
    }

    /// Whether the one word `family` is the family name of a speaker so far
    /// or of a person of the text (`كورت` after `سامر كورت`): such a word is
    /// that person, even where it also spells a verb or a noun.
    pub(super) fn is_family_name(&mut self, family: &str, known: &KnownNames) -> bool {
        self.family_owner(family, known).is_some()
    }

    /// The (name, key) whose last word is `family`: the speakers so far
    /// first, then the people the entity pass found.
    fn family_owner(&mut self, family: &str, known: &KnownNames) -> Option<(String, String)> {
        let longer = |k: &str| k.len() > family.len() && last_word_is(k, family);
        let found = match &self.index {
            Some(index) => index.last.get(hash(family)).iter().copied().find(|&i| longer(&self.people[i].key)),
            None => self.people.iter().position(|p| longer(&p.key)),
        };
        if let Some(i) = found {
            return Some((self.people[i].name.clone(), self.people[i].key.clone()));
        }
        let found = match self.known_index(known) {
            Some(ki) => ki.last.get(hash(family)).iter().copied().find(|&i| longer(&known.people_keys[i])),
            None => known.people_keys.iter().position(|fk| longer(fk)),
        };
        found.map(|i| (known.people[i].0.to_string(), known.people_keys[i].to_string()))
    }

    fn find(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.key.get(hash(key)).iter().copied().find(|&i| self.people[i].key == key),
            None => self.people.iter().position(|p| p.key == key),
        }
    }

    pub(super) fn add(&mut self, name: String, key: String, gender: Gender, first_seen: usize, person: bool) -> usize {
        if let Some(i) = self.find(&key) {
            return i;
        }
        self.people.push(SpeakerState { name, key, title: None, gender, quotes: 0, first_seen, person, plural: false, agency: None });
        let i = self.people.len() - 1;
        match &mut self.index {
            Some(index) => index.add(&self.people[i].key, i),
            None if self.people.len() >= INDEX_FROM => {
                let mut index = SpeakerIndex::default();
                for (j, p) in self.people.iter().enumerate() {
                    index.add(&p.key, j);
                    if let Some(id) = p.agency {
                        index.agency.entry(id).or_insert(j);
                    }
                }
                self.index = Some(index);
            }
            None => {}
        }
        i
    }

    /// The first speaker of news agency `id`.
    fn agency_speaker(&self, id: u16) -> Option<usize> {
        match &self.index {
            Some(index) => index.agency.get(&id).copied(),
            None => self.people.iter().position(|p| p.agency == Some(id)),
        }
    }

    /// The known people and organizations indexed, once there are many.
    fn known_index(&mut self, known: &KnownNames) -> Option<&KnownIndex> {
        if self.known_index.is_none() && (known.people.len() >= INDEX_FROM || known.organizations.len() >= INDEX_FROM) {
            self.title_keys.resize(known.people.len(), None);
            for (idx, (_, t)) in known.people.iter().enumerate() {
                if let Some(t) = t {
                    self.title_keys[idx].get_or_insert_with(|| fold_phrase(t));
                }
            }
            let mut first = String::new();
            let org_first = known.organizations.iter().map(|org| hash(folded_first_word(org, &mut first))).collect::<Vec<_>>();
            self.known_index = Some(KnownIndex::new(known.people_keys.iter().map(|k| k.as_ref()), &self.title_keys, org_first.into_iter()));
        }
        self.known_index.as_ref()
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
            match agency.and_then(|id| self.agency_speaker(id)) {
                Some(i) => i,
                None => {
                    // `key` folds `text` already: only a nominative form is
                    // folded anew
                    let (text, key) = match nominative(doc, np).or_else(|| doc.slice_article_given_back(np.first, np.last, np.prefix_chars)) {
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
                        if let (Some(index), Some(id)) = (&mut self.index, agency) {
                            index.agency.entry(id).or_insert(i);
                        }
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
    fn link_family_name(&mut self, name: &str, key: &str, known: &KnownNames) -> (String, String) {
        if !key.contains(' ') {
            let family = key;
            if let Some(owner) = self.family_owner(family, known) {
                return owner;
            }
            // a slip of the keyboard in a foreign name (`داميان` for
            // `دايمان`): two neighbouring letters swapped in a long word
            let swapped = |k: &str| k.contains(' ') && swapped_neighbours(last_word(k), family);
            let variants = || swapped_variants(family).iter().map(|v| hash(v)).collect::<Vec<_>>();
            let found = match &self.index {
                Some(index) => {
                    let hashes = variants();
                    let lists: Vec<&[usize]> = hashes.iter().map(|&h| index.last.get(h)).collect();
                    first_of(&lists, |i| self.people[i].person && swapped(&self.people[i].key))
                }
                None => self.people.iter().position(|p| p.person && swapped(&p.key)),
            };
            if let Some(i) = found {
                return (self.people[i].name.clone(), self.people[i].key.clone());
            }
            let found = match &self.known_index {
                Some(ki) => {
                    let hashes = variants();
                    let lists: Vec<&[usize]> = hashes.iter().map(|&h| ki.last.get(h)).collect();
                    first_of(&lists, |i| swapped(&known.people_keys[i]))
                }
                None => known.people_keys.iter().position(|fk| swapped(fk)),
            };
            if let Some(i) = found {
                return (known.people[i].0.to_string(), known.people_keys[i].to_string());
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
            let longer = |k: &str| k.len() > family.len() && last_word_is(k, family);
            let found = match &self.index {
                Some(index) => last_of(&[index.last.get(hash(family))], |i| self.people[i].person && longer(&self.people[i].key)),
                None => self.people.iter().rposition(|p| p.person && longer(&p.key)),
            };
            if found.is_some() {
                return found;
            }
            let found = match self.known_index(known) {
                Some(ki) => ki.last.get(hash(family)).iter().copied().find(|&i| longer(&known.people_keys[i])),
                None => known.people_keys.iter().position(|fk| longer(fk)),
            };
            if let Some(i) = found {
                let (full, fk) = (known.people[i].0, &known.people_keys[i]);
                return Some(self.add(full.to_string(), fk.to_string(), np.gender, np.first, true));
            }
        }
        if let Some((a, b)) = np.title {
            // `الوزير الأردني` names `وزير الخارجية الأردني ناصر البدوي`: the
            // words of the short title, without the article, are in the long one
            let short = phrase_key(doc, a, b, if a == np.first { np.prefix_chars } else { 0 });
            self.title_keys.resize(known.people.len(), None);
            let within = |long: &str| short.split(' ').map(without_article).all(|w| long.split(' ').map(without_article).any(|l| l == w));
            // the last person whose title has the short title's words (by
            // the index of its first word, once there are many)
            self.known_index(known);
            let found = match &self.known_index {
                Some(ki) => {
                    let first = short.split(' ').map(without_article).next().unwrap_or("");
                    let title_keys = &self.title_keys;
                    last_of(&[ki.title_words.get(hash(first))], |idx| title_keys[idx].as_deref().is_some_and(within))
                }
                None => {
                    let mut found = None;
                    for (idx, (_, t)) in known.people.iter().enumerate().rev() {
                        let Some(t) = t else { continue };
                        let long = self.title_keys[idx].get_or_insert_with(|| fold_phrase(t));
                        if within(long) {
                            found = Some(idx);
                            break;
                        }
                    }
                    found
                }
            };
            if let Some(idx) = found {
                let (full, fk) = (known.people[idx].0, &known.people_keys[idx]);
                debug_assert_eq!(*fk, fold_phrase(full));
                return Some(self.add(full.to_string(), fk.to_string(), np.gender, np.first, true));
            }
            if !short.contains(' ') {
                return self.last_person;
            }
        }
        let word = single?;
        let head = after_article(word).filter(|h| h.chars().count() >= 3)?;
        // `الوزارة` for `وزارة الخارجية`, `الائتلاف` for `الائتلاف الوطني السوري`
        let heads = |p: &SpeakerState| first_word_is(&p.key, head) || (!p.person && p.key.len() > word.len() && first_word_is(&p.key, word));
        let found = match &self.index {
            Some(index) => last_of(&[index.first.get(hash(head)), index.first.get(hash(word))], |i| heads(&self.people[i])),
            None => self.people.iter().rposition(heads),
        };
        if found.is_some() {
            return found;
        }
        // (only the first word of each organization is folded to compare)
        let mut first = String::new();
        let found = match self.known_index(known) {
            Some(ki) => ki.org_first.get(hash(head)).iter().copied().find(|&i| folded_first_word(known.organizations[i], &mut first) == head),
            None => known.organizations.iter().position(|org| folded_first_word(org, &mut first) == head),
        };
        if let Some(i) = found {
            let org = known.organizations[i];
            return Some(self.add(org.to_string(), fold_phrase(org), np.gender, np.first, false));
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

/// The most renamings times quotes done one renaming at a time.
const RENAME_PASSES_UP_TO: usize = 4096;

/// Renames the speakers of `quotes` by `renames` (from, to), in order: each
/// as `for q in quotes { if q.speaker == from { q.speaker = to } }` would,
/// in one pass over the quotes rather than one per renaming (the sets of
/// names with one current name are joined, a union-find).
fn rename_speakers(quotes: &mut [Quote], renames: &[(String, String)]) {
    // a few renamings of a few quotes: one pass per renaming costs less
    // than the union-find's tables
    if renames.len() * quotes.len() <= RENAME_PASSES_UP_TO {
        for (from, to) in renames {
            for q in quotes.iter_mut().filter(|q| q.speaker.as_deref() == Some(from.as_str())) {
                q.speaker = Some(to.clone());
            }
        }
        return;
    }
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = Vec::new();
    // the current name of each set (by its root), and the set of each name
    let mut name_of: Vec<&str> = Vec::new();
    let mut set_named: BTreeMap<&str, usize> = BTreeMap::new();
    let mut node: BTreeMap<&str, usize> = BTreeMap::new();
    for q in quotes.iter() {
        if let Some(s) = q.speaker.as_deref() {
            node.entry(s).or_insert_with(|| {
                let id = parent.len();
                parent.push(id);
                name_of.push(s);
                set_named.insert(s, id);
                id
            });
        }
    }
    for (from, to) in renames {
        if let Some(set) = set_named.remove(from.as_str()) {
            match set_named.get(to.as_str()) {
                Some(&other) => parent[set] = other,
                None => {
                    name_of[set] = to;
                    set_named.insert(to, set);
                }
            }
        }
    }
    let new: Vec<Option<String>> = quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_deref()?;
            let r = root(&mut parent, node[s]);
            (name_of[r] != s).then(|| name_of[r].to_string())
        })
        .collect();
    for (q, n) in quotes.iter_mut().zip(new) {
        if let Some(n) = n {
            q.speaker = Some(n);
        }
    }
}
