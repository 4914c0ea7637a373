//! Quotes and speakers: who said what, directly and indirectly.
//!
//! A cue is a verb of saying (from `data/speech_verbs.tsv`, with or without
//! a conjunction `و`/`ف`). After it come, in this order: an optional subject
//! (the speaker), optional circumstances (`خلال مؤتمر صحفي`, a date), then
//! - a complementizer (`إن`, `أن`, `بأن`, after the verb's preposition:
//!   `أشار إلى أن`) — an indirect quote to the end of the sentence or the
//!   next cue;
//! - a colon — a direct quote: the quotation marks that follow, or the rest
//!   of the sentence;
//! - quotation marks — a direct quote, unless they hold only a name or term
//!   (`“بريكس”`), which is skipped.
//!
//! Quotation marks followed by a cue (`«…»، قال لافروف`) are direct quotes of
//! that cue's subject. A cue without a subject (`وأضاف`, `وتابع قائلا`) is
//! the previous speaker of the same grammatical gender; a family name alone
//! (`لافروف`) is linked to the full name given earlier.

use super::doc::{Doc, TokenLex};
use super::names::{self, NounPhrase, PhraseKind};
use super::entities::{phrase_key, KnownNames};
use crate::record::{Quote, QuoteKind, Speaker};
use crate::lexicon::{Gender, Preps, Tense, VerbInfo};
use crate::tokenizer::fold::{fold_into, fold_phrase};
use crate::tokenizer::{QuoteSpan, Token, TokenKind};

/// Quotes of at most this many words are names or terms (`“بريكس”`,
/// `"معلومات مخابراتية موثوقة"`), not quotations.
const MAX_TERM_WORDS: usize = 3;
/// How far after a verb (in tokens) its complementizer or quote may be.
const CUE_WINDOW: usize = 60;

#[derive(Debug, Clone)]
struct Cue {
    /// First token of the cue (the verb), for ordering and for ending the
    /// previous indirect quote.
    verb: usize,
    verb_info: VerbInfo,
    kind: QuoteKind,
    /// Content tokens `[start, end)`; `end` is `None` for an indirect quote
    /// until the next cue is known.
    start: usize,
    end: Option<usize>,
    subject: Option<NounPhrase>,
}

/// A person or body who speaks, as the text names them.
#[derive(Debug, Clone)]
struct SpeakerState {
    name: String,
    key: String,
    title: Option<String>,
    gender: Gender,
    quotes: usize,
    first_seen: usize,
    /// A named person (not a body or a description).
    person: bool,
    /// Introduced by a plural verb.
    plural: bool,
    /// The news agency this speaker is, if it is one.
    agency: Option<u16>,
}

/// Extracts quotes (in text order) and speakers. `known_people` are full
/// names found elsewhere (entities), for linking family names.
/// Named people who speak are also returned in `people` (name as written,
/// its span) so that the entity list has them.
pub fn extract(
    doc: &Doc,
    known: &KnownNames,
    quotes: &mut Vec<Quote>,
    speakers: &mut Vec<Speaker>,
    people: &mut Vec<(String, crate::record::Span)>,
) -> Option<String> {
    let mut cues = find_cues(doc);
    add_trailing_cues(doc, &mut cues);
    add_attribution_cues(doc, &mut cues);
    cues.sort_by_key(|c| c.start);
    cues.dedup_by_key(|c| c.start);
    close_indirect_quotes(doc, &mut cues);

    let mut st = Speakers::default();
    for cue in &cues {
        let end = cue.end.unwrap_or(cue.start);
        let Some((a, b)) = trim(doc, cue.start, end) else { continue };
        if let Some((a, b, p)) = cue.subject.filter(|np| np.kind == PhraseKind::Person).and_then(|np| np.name) {
            people.push((doc.slice(a, b, p).to_string(), doc.span(a, b, p)));
        }
        let speaker_idx = match &cue.subject {
            Some(np) => Some(st.named(doc, np, cue.verb_info.gender, known)),
            // `وشدد معاليه`: his excellency is the story's main figure, the
            // most quoted person so far
            None if doc.next_word(cue.verb).is_some_and(|n| is_honorific_pronoun(doc.key(n))) => {
                st.most_quoted_person().or_else(|| st.dropped(cue.verb_info))
            }
            None => st.dropped(cue.verb_info).or_else(|| {
                // nobody quoted yet: the person the story is about
                let at = doc.tokens[cue.verb].char_start as usize;
                let (_, name) = known.person_mentions.iter().rev().find(|(pos, _)| *pos < at)?;
                let key = fold_phrase(name);
                Some(st.add(name.to_string(), key, cue.verb_info.gender, cue.verb, true))
            }),
        };
        // `قال سكان محليون`: a singular verb before a plural subject; the
        // sound plural adjective tells the number
        let plural_subject = cue.subject.is_some_and(|np| np.kind == PhraseKind::Description && {
            let k = doc.key(np.last);
            (k.ends_with("ون") || k.ends_with("يين")) && k.chars().count() >= 5
        });
        if let Some(i) = speaker_idx {
            st.credit(i);
            if cue.verb_info.number == crate::lexicon::GramNumber::Plural || plural_subject {
                st.people[i].plural = true;
                st.last_plural = Some(i);
            }
        }
        let range = doc.byte_range(a, b, 0);
        quotes.push(Quote {
            text: doc.text[range].to_string(),
            kind: cue.kind,
            speaker: speaker_idx.map(|i| st.people[i].name.clone()),
            cue: Some(doc.surface(cue.verb).to_string()),
            span: doc.span(a, b, 0),
        });
    }
    st.merge_same_people(quotes);
    let mut quoted: Vec<&SpeakerState> = st.people.iter().filter(|p| p.quotes > 0).collect();
    quoted.sort_by_key(|p| p.first_seen);
    let main = quoted.iter().max_by(|x, y| x.quotes.cmp(&y.quotes).then(y.first_seen.cmp(&x.first_seen))).map(|p| p.name.clone());
    speakers.extend(quoted.into_iter().map(|p| Speaker { name: p.name.clone(), title: p.title.clone(), quotes: p.quotes }));
    main
}

/// The speakers met so far and who spoke last.
#[derive(Default)]
struct Speakers {
    people: Vec<SpeakerState>,
    last: Option<usize>,
    /// Last masculine and feminine speakers, for dropped subjects.
    last_by_gender: [Option<usize>; 2],
    /// Last speaker that is a named person.
    last_person: Option<usize>,
    /// Last speaker introduced by a plural verb (`قال العمال`).
    last_plural: Option<usize>,
    /// Last speaker that is a group, a body or a description.
    last_body: Option<usize>,
    /// The folded titles of the known people (by index), each folded when
    /// first compared: a text compares them at each title that refers back.
    title_keys: Vec<Option<String>>,
}

impl Speakers {
    fn credit(&mut self, i: usize) {
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

    /// The person quoted most so far (the first of equals).
    fn most_quoted_person(&self) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, p) in self.people.iter().enumerate().filter(|(_, p)| p.person && p.quotes > 0) {
            if best.is_none_or(|b| p.quotes > self.people[b].quotes) {
                best = Some(i);
            }
        }
        best
    }

    /// A cue with no subject: the last speaker whose gender agrees.
    fn dropped(&self, verb: VerbInfo) -> Option<usize> {
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
    fn merge_same_people(&mut self, quotes: &mut [Quote]) {
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

    fn add(&mut self, name: String, key: String, gender: Gender, first_seen: usize, person: bool) -> usize {
        if let Some(i) = self.find(&key) {
            return i;
        }
        self.people.push(SpeakerState { name, key, title: None, gender, quotes: 0, first_seen, person, plural: false, agency: None });
        self.people.len() - 1
    }

    /// A subject as the text gives it, resolved to the fullest name.
    fn named(&mut self, doc: &Doc, np: &NounPhrase, verb_gender: Gender, known: &KnownNames) -> usize {
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
        let head = word.strip_prefix("ال").filter(|h| h.chars().count() >= 3)?;
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

// (the two below look for the space byte: `split(' ')` runs a char
// searcher, several times slower on such short keys)

/// The first word of a key (all of it when it has one word).
fn first_word(key: &str) -> &str {
    key.as_bytes().iter().position(|&b| b == b' ').map_or(key, |i| &key[..i])
}

/// The last word of a key (all of it when it has one word).
fn last_word(key: &str) -> &str {
    key.as_bytes().iter().rposition(|&b| b == b' ').map_or(key, |i| &key[i + 1..])
}

// (the two below compare a one-word `word` in place, without looking for
// the space: keys of two words or more are those longer than `word`)

/// Whether `first_word(key) == word`, for a `word` without a space.
fn first_word_is(key: &str, word: &str) -> bool {
    let is = key.starts_with(word) && key.as_bytes().get(word.len()).is_none_or(|&b| b == b' ');
    debug_assert_eq!(is, !word.contains(' ') && first_word(key) == word, "{key} {word}");
    is
}

/// Whether `last_word(key) == word`, for a `word` without a space.
fn last_word_is(key: &str, word: &str) -> bool {
    let is = key.ends_with(word) && key.len().checked_sub(word.len() + 1).is_none_or(|space| key.as_bytes()[space] == b' ');
    debug_assert_eq!(is, !word.contains(' ') && last_word(key) == word, "{key} {word}");
    is
}

/// A title word without its article (`الوزير` → `وزير`), unless too short.
fn without_article(word: &str) -> &str {
    word.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(word)
}

/// The first word of `fold_phrase(text)`, folded into `buf`: the words
/// after it are not folded.
fn folded_first_word<'b>(text: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for word in text.split(|c: char| c.is_whitespace()) {
        fold_into(word, buf);
        if !buf.is_empty() {
            break;
        }
    }
    first_word(buf)
}

/// Whether two people's keys name one person: the same letters
/// (`عبد الله البدري`, `عبدالله البدري`), the same family name of three
/// letters or more, or `a` is `b` cut short (`خوان أنطونيو` of `خوان
/// أنطونيو بيتزي`, two words at least).
fn same_person(a: &str, b: &str) -> bool {
    fn letters(k: &str) -> impl Iterator<Item = u8> + '_ {
        k.bytes().filter(|&c| c != b' ')
    }
    let prefix = a.contains(' ') && b.len() > a.len() && b.starts_with(a) && b.as_bytes()[a.len()] == b' ';
    prefix || (last_word(a) == last_word(b) && last_word(a).chars().count() >= 3) || letters(a).eq(letters(b))
}

/// How far back (in tokens) a definite noun looks for the indefinite one it
/// refers to: about a few paragraphs.
const ANAPHOR_WINDOW: usize = 1500;

/// Whether `a` and `b` (five letters or more) differ only by two
/// neighbouring letters swapped: `دايمان`/`داميان`.
fn swapped_neighbours(a: &str, b: &str) -> bool {
    // a swap keeps the letters, so the byte length too
    if a.len() != b.len() {
        return false;
    }
    let (mut rest_a, mut rest_b) = (a.chars(), b.chars());
    let mut same = 0;
    loop {
        match (rest_a.next(), rest_b.next()) {
            (Some(x), Some(y)) if x == y => same += 1,
            // the first difference: the next letters are these two swapped,
            // and the rest is the same
            (Some(x), Some(y)) => {
                let (Some(x2), Some(y2)) = (rest_a.next(), rest_b.next()) else { return false };
                return x == y2 && x2 == y && rest_a.as_str() == rest_b.as_str() && same + 2 + rest_a.count() >= 5;
            }
            // no difference, or one word is longer
            _ => return false,
        }
    }
}

/// An unnamed source written in the accusative after `إن`/`أن`
/// (`مسؤولا محليا في حلب`) named as a speaker in the nominative
/// (`مسؤول محلي في حلب`): the tanween alif of the head and of its nisba
/// adjectives is case, not part of the description.
fn nominative(doc: &Doc, np: &NounPhrase) -> Option<String> {
    let head = np.first;
    let stem = doc.key(head).strip_suffix('ا').filter(|s| s.chars().count() >= 3)?;
    if (doc.lex.vocab.get(stem) == crate::lexicon::NO_WORD && doc.lex.common_rank(stem).is_none()) || np.prefix_chars != 0 {
        return None;
    }
    // a title head (`مسؤولا`), or a noun with an accusative nisba adjective
    // (`مصدرا أمنيا`); never a place (`روسيا`, `سوريا`)
    let place = |t: usize| doc.phrase_at(&doc.lex.gazetteer, t).is_some();
    let title_head = doc.phrase_at(&doc.lex.titles, head).is_none() && names::is_title_head(doc, head);
    let adjective = doc.next_word(head).filter(|&a| a <= np.last).is_some_and(|a| doc.key(a).ends_with("يا") && !place(a));
    if place(head) || !(title_head || adjective) {
        return None;
    }
    let mut out = String::new();
    let mut in_head = true;
    for t in np.first..=np.last {
        let surface = doc.surface(t);
        let k = doc.key(t);
        if doc.tokens[t].is_word() && in_head && (t == head || k.ends_with("يا")) {
            out.push_str(surface.trim_end_matches(['ا', '\u{64b}']));
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

/// Trims spaces and punctuation at both ends of content `[a, b)`; returns
/// inclusive token bounds.
fn trim(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut a = a;
    let mut b = b;
    let junk = |i: usize| match doc.kind(i) {
        TokenKind::Space | TokenKind::Newline => true,
        TokenKind::Punct => matches!(doc.punct(i), Some('،' | ',' | '.' | ':' | '؛' | ';' | '-' | '–' | '—')),
        _ => false,
    };
    while a < b && junk(a) {
        a += 1;
    }
    while b > a && junk(b - 1) {
        b -= 1;
    }
    (a < b).then_some((a, b - 1))
}

fn word_count(doc: &Doc, r: std::ops::Range<usize>) -> usize {
    r.filter(|&i| doc.tokens[i].is_wordlike()).count()
}

/// Whether the verb at `v` comes right after a closing quotation mark (and
/// a comma): `«…»، قال`.
fn follows_a_quote(doc: &Doc, v: usize) -> bool {
    let mut p = doc.prev_non_space(v);
    if let Some(c) = p.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
        p = doc.prev_non_space(c);
    }
    // quotes are sorted by their opening mark: the one closing at `c` opened
    // shortly before it (a scan of all would be quadratic on long texts)
    p.is_some_and(|c| {
        let quotes = &doc.toks.quotes;
        let n = quotes.partition_point(|q| q.open < c);
        doc.kind(c) == TokenKind::Quote && quotes[..n].iter().rev().take(8).any(|q| q.close == Some(c))
    })
}

/// The quote span whose opening mark is token `i`.
fn quote_opening_at(doc: &Doc, i: usize) -> Option<QuoteSpan> {
    let idx = doc.toks.quotes.binary_search_by_key(&i, |q| q.open).ok()?;
    Some(doc.toks.quotes[idx])
}

/// A speech verb at token `i` (whole word, or with a conjunction only).
fn verb_at(doc: &Doc, i: usize) -> Option<VerbInfo> {
    if doc.kind(i) != TokenKind::Word {
        return None;
    }
    if let Some(w) = doc.word_full(i) {
        return w.verb;
    }
    let ids = doc.ids[i];
    if ids.conj() && ids.prefix_chars() == 1 {
        return doc.lex.word(ids.stem()).and_then(|w| w.verb);
    }
    None
}

/// `قاله`, `قالته`, `أكدها`: a verb of saying with an object pronoun.
fn verb_with_object_suffix(doc: &Doc, i: usize) -> Option<VerbInfo> {
    let k = doc.key(i);
    let stem = k.strip_suffix("ها").or_else(|| k.strip_suffix('ه'))?;
    let stem = stem.strip_prefix('و').unwrap_or(stem);
    doc.lex.word(doc.lex.vocab.get(stem)).and_then(|w| w.verb).filter(|v| !v.ambiguous)
}

fn is_complementizer(doc: &Doc, i: usize) -> bool {
    if doc.kind(i) != TokenKind::Word {
        return false;
    }
    if doc.word_full(i).is_some_and(|w| w.complementizer) {
        return true;
    }
    // `وأن` is a second clause of the same quote, not a new one
    false
}

/// Whether a key is a preposition a verb may put before its complementizer.
fn is_verb_prep(key: &str, preps: Preps) -> bool {
    match key {
        "الي" => true,
        // `أكد على أن`, `شدد على أن`: news puts على before أن after most
        // verbs of saying, listed or not
        "علي" => true,
        "عن" => preps.contains(Preps::AN),
        "في" => preps.contains(Preps::FI),
        "من" => preps.contains(Preps::MIN),
        _ => false,
    }
}

/// Tokens of the headline, if the text opens with one: a first line
/// followed by a blank line. Headlines paraphrase (`فلان: لا نمنع ...`)
/// and are not quotations.
fn headline_end(doc: &Doc) -> usize {
    let paras = &doc.toks.paragraphs;
    let blank = |p: &std::ops::Range<usize>| !p.clone().any(|i| doc.tokens[i].is_wordlike());
    match paras.iter().position(|p| !blank(p)) {
        Some(first) if paras.get(first + 1).is_some_and(blank) && paras.len() > first + 2 => paras[first].end,
        _ => 0,
    }
}

fn find_cues(doc: &Doc) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = headline_end(doc);
    while i < doc.len() {
        let Some(info) = verb_at(doc, i) else {
            i += 1;
            continue;
        };
        if info.tense == Tense::Noun {
            i += 1;
            continue;
        }
        match cue_after(doc, i, info) {
            Some(cue) => {
                // verbs inside a direct quote are the speaker's own words
                // and a verb that opens an indirect quote belongs to it
                // (`قال إنه يأمل أن …`: the quote is `يأمل أن …`)
                i = match (cue.kind, cue.end) {
                    (QuoteKind::Direct, Some(end)) => end.max(i + 1),
                    // skip the quote's first word: `إنه يأمل أن` is one quote
                    _ => (doc.next_non_space(cue.start.saturating_sub(1)).unwrap_or(cue.start) + 1).max(i + 1),
                };
                cues.push(cue);
            }
            None => i += 1,
        }
    }
    cues
}

/// Looks after the verb at `v` for its subject and its quote.
fn cue_after(doc: &Doc, v: usize, info: VerbInfo) -> Option<Cue> {
    let sentence_end = doc.toks.sentences[doc.sentence_of(v)].tokens.end;
    let limit = (v + CUE_WINDOW).min(sentence_end);
    // most verbs have no quote within reach: find that out before parsing
    // their subject (debug builds check that the full search agrees)
    if !quote_may_follow(doc, v, limit) {
        debug_assert!(cue_within(doc, v, info, sentence_end, limit).is_none());
        return None;
    }
    cue_within(doc, v, info, sentence_end, limit)
}

/// [`cue_after`] once a quote may follow the verb: its subject, then its
/// quote before `limit`.
fn cue_within(doc: &Doc, v: usize, info: VerbInfo, sentence_end: usize, limit: usize) -> Option<Cue> {
    let mut subject = None;
    let mut j = doc.next_non_space(v)?;
    // `تابع قائلا`, `أضاف قائلا`: the participle belongs to the cue
    if verb_at(doc, j).is_some_and(|w| w.tense == Tense::Participle) {
        j = doc.next_non_space(j)?;
    }
    // a participle (`مضيفا`, `نافية بشدة`, `واصفة إياه`, `لافتا الانتباه`)
    // has the subject of its clause's verb: what follows it is an adverb or
    // an object and what precedes it another clause
    let participle = info.tense == Tense::Participle;
    if !participle && doc.kind(j) == TokenKind::Word && !is_complementizer(doc, j) && !is_verb_prep(doc.key(j), info.preps) {
        // a definite sound masculine plural in `-ين` is oblique: the object
        // (`يناشد المسؤولين قائلا`), never the subject (`المسؤولون`)
        let oblique = |np: &NounPhrase| {
            let k = doc.key(np.first);
            np.kind == PhraseKind::Description && np.prefix_chars == 0 && k.starts_with("ال") && k.ends_with("ين") && k.chars().count() >= 7
                && doc.phrase_at(&doc.lex.gazetteer, np.first).is_none() // `الكرملين`
        };
        if let Some(np) = names::parse(doc, j).filter(|np| !oblique(np)) {
            let np = appositive_name(doc, np, sentence_end).unwrap_or(np);
            subject = Some(np);
            j = doc.next_non_space(np.last).unwrap_or(np.last + 1);
        }
    }
    // `نقلت رويترز عن مسؤول أمريكي إن`: the one quoted follows `عن`
    if doc.lex.verb_lemmas.get(info.lemma as usize).is_some_and(|l| l == "نقل") {
        let after = subject.map_or(v, |np| np.last);
        // `عن` within three words: `نقلت وسائل إعلام عن فلان`
        let mut an = None;
        let mut t = after;
        for _ in 0..3 {
            let Some(n) = doc.next_word(t) else { break };
            if doc.key(n) == "عن" {
                an = Some(n);
                break;
            }
            t = n;
        }
        if let Some(an) = an {
            if let Some(np) = doc.next_word(an).and_then(|n| names::parse(doc, n)) {
                subject = Some(np);
                j = doc.next_non_space(np.last).unwrap_or(np.last + 1);
            }
        } else {
            // without `عن`, `نقل` followed by `إلى`/`من` is `moved` (`نقل
            // مركز عملياته إلى سوريا`), not `reported`
            let after = subject.map_or(v, |np| np.last);
            let moved = (after..(after + 12).min(sentence_end))
                .take_while(|&t| !is_complementizer(doc, t) && doc.kind(t) != TokenKind::Quote && doc.punct(t) != Some(':'))
                .any(|t| matches!(doc.key(t), "الي" | "من"));
            if moved {
                return None;
            }
        }
    }
    // `..., بوريس جونسون، والذي قال إن`: a relative clause's verb speaks
    // for the noun phrase before the relative pronoun
    if subject.is_none() && !participle {
        subject = antecedent(doc, v);
    }
    // subject first (`المتحدث ... صالح المالكي صرح`, `وكانت الوزارة، قالت`):
    // then a noun phrase after the verb is its object (`يتهمون الأطباء بأنهم`)
    // After `إن`/`أن`/`لكن` the noun phrase before the verb is its subject
    // even when a name follows the verb: `بيد أن مسؤولا محليا أبلغ رويترز`
    if let Some(np) = if participle { None } else { preverbal_subject(doc, v) } {
        let after_particle = doc.prev_word(np.first).is_some_and(|p| matches!(doc.key(p), "ان" | "لكن" | "ولكن" | "فان" | "وان" | "بان"));
        if after_particle || subject.is_none_or(|s| s.kind != PhraseKind::Person) {
            subject = Some(np);
        }
    }
    // `ورحب الرئيس فلان بالاتفاق وقال إن`: a verb joined to the one that
    // opens the sentence shares its subject
    if subject.is_none() && info.tense != Tense::Passive && !participle {
        subject = sentence_subject(doc, v, info);
    }
    // `وشدد معاليه`, `وأكد سموه`: an honorific with a pronoun refers back
    // to the person quoted before; a time (`الشهر الماضي`) is no speaker
    if subject.is_some_and(|np| np.first == np.last && is_honorific_pronoun(doc.key(np.first)))
        || subject.is_some_and(|np| begins_date(doc, np.first))
    {
        subject = None;
    }
    // `قال تعالى`, `قال الله عز وجل`: scripture, quoted by nobody in the story
    if let Some(np) = subject {
        if matches!(doc.key(np.first), "تعالي" | "الله" | "سبحانه") {
            return None;
        }
        // `أفادت تقارير إعلامية`: reports whose source is not named
        if matches!(doc.key(np.first), "تقارير" | "انباء" | "معلومات" | "اخبار" | "التقارير" | "الانباء" | "المعلومات" | "الاخبار" | "الاحصاءات" | "الاحصائيات" | "المؤشرات" | "الارقام")
            && !(np.first..=np.last).any(|t| doc.word_full(t).and_then(|w| w.nationality).is_some())
        {
            return None;
        }
    }
    // `يذكر أن`, `قيل إن`: a passive with no named source is no quote
    if subject.is_none() && info.tense == Tense::Passive {
        return None;
    }
    // `ووصف الدفاع المدني -الذي أرسل فرقا- الحريق بأنه`: a parenthetical
    // between dashes or brackets after the subject is read past
    if subject.is_some() {
        if let Some(after) = parenthetical_end(doc, j, sentence_end).and_then(|e| doc.next_non_space(e)) {
            j = after;
        }
    }
    let mut k = j;
    let ambiguous_ok = |k: usize| k <= j + 2;
    while k < limit {
        let t = doc.tokens[k];
        match t.kind {
            TokenKind::Word => {
                // `يمكن أن`, `دون أن`, `احتمال أن`: a word that takes `أن`
                // itself, so the verb of saying has no complement here
                if is_complementizer(doc, k) && k > j && doc.prev_word(k).is_some_and(|p| governs_an(doc.key(p))) {
                    return None;
                }
                if is_complementizer(doc, k) {
                    if info.ambiguous && !ambiguous_ok(k) {
                        return None;
                    }
                    // `قال إن "..."`: the marks make it a direct quote
                    if let Some(q) = doc.next_non_space(k).and_then(|n| quote_opening_at(doc, n)) {
                        if q.depth == 0 && word_count(doc, q.content()) > MAX_TERM_WORDS {
                            let after = doc.next_non_space(q.content_end);
                            let ends = after.is_none_or(|a| a >= sentence_end || matches!(doc.punct(a), Some('.' | '،' | ',')));
                            if ends {
                                return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                            }
                        }
                    }
                    return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Indirect, start: k + 1, end: None, subject });
                }
                // (the key, read once for the tests below)
                let key = doc.key(k);
                if is_verb_prep(key, info.preps) && (!info.ambiguous || ambiguous_ok(k)) {
                    if let Some(n) = doc.next_word(k) {
                        if is_complementizer(doc, n) {
                            return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Indirect, start: n + 1, end: None, subject });
                        }
                    }
                }
                // `وأفاد التلفزيون، نقلا عن مصدر عسكري، بأن`: the one quoted
                if key == "نقلا" {
                    if let Some((np, l)) = attribution_source(doc, k) {
                        subject = Some(np);
                        k = l + 1;
                        continue;
                    }
                }
                // `بأن`, `بأنه` glued: the complementizer lexicon lists them
                if k != v && verb_at(doc, k).is_some_and(|w| w.tense != Tense::Participle && !w.ambiguous) {
                    return None; // another verb of saying: its own cue
                }
            }
            TokenKind::Punct => {
                if matches!(doc.punct(k), Some(':')) {
                    // a verb spelt like a preposition (`بين` between /
                    // showed) needs the colon close by, or `قائلا` before it
                    let saying = doc.prev_non_space(k).and_then(|p| verb_at(doc, p)).is_some_and(|w| {
                        w.tense == Tense::Participle && doc.lex.verb_lemmas.get(w.lemma as usize).is_some_and(|l| l == "قال")
                    });
                    let preposition_too = doc.word(v).is_some_and(|(w, _)| w.function.is_some());
                    if info.ambiguous && preposition_too && !ambiguous_ok(k) && !saying {
                        return None;
                    }
                    let n = doc.next_non_space(k)?;
                    if let Some(q) = quote_opening_at(doc, n).filter(|q| q.depth == 0) {
                        return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                    }
                    if doc.kind(n) == TokenKind::Newline {
                        return None;
                    }
                    // `وقال: ...` to the end of the sentence
                    let end = doc.toks.sentences[doc.sentence_of(n)].tokens.end;
                    if word_count(doc, n..end) < 3 {
                        return None;
                    }
                    return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: n, end: Some(end), subject });
                }
            }
            TokenKind::Quote => {
                if let Some(q) = quote_opening_at(doc, k).filter(|q| q.depth == 0) {
                    // the second half of an interrupted quote may be short:
                    // `«…»، أضافت الوزيرة، «وسيعزز استقلالنا الطاقي»`
                    let words = word_count(doc, q.content());
                    if words > MAX_TERM_WORDS || (words >= 2 && follows_a_quote(doc, v)) {
                        if info.ambiguous && !ambiguous_ok(k) {
                            return None;
                        }
                        return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                    }
                    // a quoted name or term: skip over it
                    k = q.content_end + 1;
                    continue;
                }
            }
            TokenKind::Newline => return None,
            _ => {}
        }
        k += 1;
    }
    // the quote may open right at the sentence end (`قال لافروف” ...”.`)
    None
}

/// Whether a date can begin with token `t` (`الشهر الماضي`): for a word,
/// the flag its lookup left (see [`TokenLex::date_trigger`]).
fn begins_date(doc: &Doc, t: usize) -> bool {
    if doc.tokens[t].is_word() {
        debug_assert_eq!(doc.ids[t].date_trigger(), doc.lex.is_date_trigger(doc.key(t)));
        doc.ids[t].date_trigger()
    } else {
        doc.lex.is_date_trigger(doc.key(t))
    }
}

/// Whether anything that opens a quote for the verb at `v` lies within its
/// reach (`v` to `limit`): a complementizer, a colon or a quotation mark;
/// or, after a preposition that ends the reach, a complementizer. Without
/// one, [`cue_after`] finds no quote whatever the subject is (its scan
/// starts after `v`, and every quote it returns opens at one of these).
fn quote_may_follow(doc: &Doc, v: usize, limit: usize) -> bool {
    if v + 1 >= limit {
        return false;
    }
    let text = doc.text.as_bytes();
    let opens = |(t, ids): (&Token, &TokenLex)| match t.kind {
        TokenKind::Word => doc.lex.word(ids.full()).is_some_and(|w| w.complementizer),
        TokenKind::Punct => text.get(t.start as usize) == Some(&b':'),
        TokenKind::Quote => true,
        _ => false,
    };
    let reach = v + 1..limit;
    doc.tokens[reach.clone()].iter().zip(&doc.ids[reach]).any(opens)
        // (`أشار إلى` at the end of the reach: its `أن` is the next word)
        || doc.next_non_space(limit - 1).is_some_and(|n| is_complementizer(doc, n))
}

/// A title longer than the parser follows, then the name between commas:
/// `وقال المدير التنفيذي للمؤسسة العربية للحريات، فلان الفلاني، إن`. The
/// name is the speaker and everything before its comma the title.
fn appositive_name(doc: &Doc, np: NounPhrase, sentence_end: usize) -> Option<NounPhrase> {
    if np.kind != PhraseKind::Description || !names::is_title_head(doc, np.first) {
        return None;
    }
    let mut t = np.last;
    let mut comma = None;
    for _ in 0..8 {
        let n = doc.next_non_space(t).filter(|&n| n < sentence_end)?;
        match doc.kind(n) {
            TokenKind::Punct if matches!(doc.punct(n), Some('،' | ',')) => {
                comma = Some(n);
                break;
            }
            TokenKind::Word if !names::is_stop_word(doc, n) && !is_complementizer(doc, n) => t = n,
            TokenKind::Quote => t = n,
            _ => return None,
        }
    }
    let comma = comma?;
    let person = doc.next_word(comma).and_then(|n| names::parse(doc, n)).filter(|p| p.kind == PhraseKind::Person && p.title.is_none())?;
    // the name closes with a comma or runs into the complementizer, maybe
    // after the addressee (`، لرويترز، إن`)
    let mut after = doc.next_non_space(person.last)?;
    if matches!(doc.punct(after), Some('،' | ',')) {
        after = doc.next_non_space(after)?;
    }
    if doc.tokens[after].is_word() && doc.key(after).starts_with('ل') && !is_complementizer(doc, after) {
        after = doc.next_non_space(after)?;
        if matches!(doc.punct(after), Some('،' | ',')) {
            after = doc.next_non_space(after)?;
        }
    }
    if !is_complementizer(doc, after) {
        return None;
    }
    Some(NounPhrase { first: np.first, last: person.last, prefix_chars: np.prefix_chars, title: Some((np.first, t)), name: person.name, gender: if person.gender == Gender::Unknown { np.gender } else { person.gender }, kind: PhraseKind::Person })
}

/// The named subject of the verb that opens the sentence of the verb at `v`
/// (`وعبرت شقيقته سلمى … عن قلقها وقالت`), when `v` is joined to it by `و`
/// and agrees with it in gender.
fn sentence_subject(doc: &Doc, v: usize, info: VerbInfo) -> Option<NounPhrase> {
    // `ويعتقد أن`, `ويقال إن` are impersonal more often than joined
    if !doc.key(v).starts_with('و') || info.tense != Tense::Past {
        return None;
    }
    let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens.start;
    let first = (sentence_start..v).find(|&t| doc.tokens[t].is_wordlike())?;
    // the opening word is a verb: no article, no function word, not a name
    // or title itself (`وفي`, `والرئيس` open no verb clause)
    let opener = doc.key(first);
    let not_a_verb = doc.kind(first) != TokenKind::Word
        || opener.starts_with("ال")
        || opener.starts_with("وال")
        || (names::is_stop_word(doc, first) && verb_at(doc, first).is_none())
        || doc.phrase_at(&doc.lex.gazetteer, first).is_some()
        || names::is_title_head(doc, first);
    if not_a_verb {
        return None;
    }
    let np = doc.next_word(first).and_then(|n| names::parse(doc, n)).filter(|np| np.kind == PhraseKind::Person && np.last < v)?;
    let agrees = np.gender != Gender::Unknown && (info.gender == Gender::Unknown || np.gender == info.gender);
    agrees.then_some(np)
}

/// The closing token of a parenthetical that opens at `j` (`- … -`,
/// `– … –`, `( … )`), within 60 tokens (about 30 words) of the same sentence.
fn parenthetical_end(doc: &Doc, j: usize, sentence_end: usize) -> Option<usize> {
    // a dash glued to the word before joins a name (`سوندرا-كاي`)
    if j == 0 || doc.kind(j - 1) != TokenKind::Space {
        return None;
    }
    let close = match doc.punct(j)? {
        '-' => '-',
        '–' => '–',
        '—' => '—',
        '(' => ')',
        _ => return None,
    };
    (j + 1..sentence_end.min(j + 60)).find(|&t| doc.punct(t) == Some(close))
}

// The word lists below are matched on folded keys (a `match` on the
// string compares lengths first, where a list scan compares every entry).

/// Nouns that name what the quotation marks after them hold (a slogan, a
/// title, a hashtag).
fn is_naming_noun(key: &str) -> bool {
    matches!(
        key,
        "شعار" | "شعارات" | "هتاف" | "هتافات" | "عنوان" | "بعنوان" | "اسم" | "لقب" | "وسم" | "هاشتاغ" | "هاشتاج" | "لافته" | "لافتات" | "عباره" | "بعباره" | "شعارا"
    )
}

/// Honorifics with a possessive pronoun that stand for a person named
/// before (`معاليه` his excellency, `سموه` his highness).
fn is_honorific_pronoun(key: &str) -> bool {
    matches!(key, "معاليه" | "سموه" | "فخامته" | "سيادته" | "سعادته" | "جلالته" | "غبطته" | "نيافته" | "معاليها" | "سموها")
}

/// Words other than verbs of saying that take an `أن` clause (modals,
/// prepositions, nouns of possibility).
fn governs_an(key: &str) -> bool {
    matches!(
        key,
        "يمكن" | "يمكنه" | "يمكنها" | "يجب" | "ينبغي" | "يتعين" | "لابد" | "بد" | "دون" | "بدون" | "قبل" | "بعد" | "منذ" | "احتمال"
            | "امكانيه" | "حتي" | "يحتمل" | "يرجح" | "المرجح" | "المتوقع" | "المقرر" | "المفترض" | "شانه" | "شانها" | "اجل" | "مجرد" | "بمجرد"
            // `إلا أن` (however), `كما لو أن` (as if): connectives
            | "الا" | "لو"
            // `رغم أن` (although): the narrator's concession
            | "رغم" | "برغم" | "ورغم"
    )
}

/// Words that open a clause before its subject: `وكانت الوزارة قالت`.
fn is_clause_opener(key: &str) -> bool {
    matches!(
        key,
        "كان" | "كانت" | "وكان" | "وكانت" | "لكن" | "ولكن" | "اما" | "واما" | "وقد" | "قد" | "ثم" | "فيما" | "بينما" | "حيث" | "كما" | "اذ" | "و" | "بدوره"
            | "بدورها" | "ان" | "رغم" | "برغم" | "بيد" | "لان" | "اذا" | "عندما" | "حين" | "بعدما"
    )
}

/// A noun phrase that opens the verb's clause and ends right before it
/// (a comma between is allowed): Arabic news also puts the subject first.
fn preverbal_subject(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let mut end = doc.prev_non_space(v)?;
    // `أما الائتلاف، فقد دعا`: particles between subject and verb
    while doc.tokens[end].is_word() && matches!(doc.key(end), "قد" | "فقد" | "لقد" | "وقد" | "ف") {
        end = doc.prev_non_space(end)?;
    }
    if matches!(doc.punct(end), Some('،' | ',')) {
        end = doc.prev_non_space(end)?;
    }
    // `الرئيس فلان، في خطاب ألقاه أمام أنصاره، أكد أن`: a parenthetical
    if doc.tokens[end].is_word() && doc.punct(doc.next_non_space(end).unwrap_or(end)).is_some_and(|c| matches!(c, '،' | ',')) {
        let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens.start;
        if let Some(c) = (sentence_start..end).rev().take(30).find(|&t| matches!(doc.punct(t), Some('،' | ','))) {
            if let Some(np) = doc.prev_non_space(c).and_then(|e| preverbal_np(doc, e)) {
                return Some(np);
            }
        }
    }
    preverbal_np(doc, end)
}

/// The noun phrase that opens its clause and ends at token `end`.
fn preverbal_np(doc: &Doc, end: usize) -> Option<NounPhrase> {
    if !doc.tokens[end].is_word() {
        return None;
    }
    let mut start = end;
    for _ in 0..12 {
        let Some(p) = doc.prev_non_space(start) else { break };
        if !doc.tokens[p].is_wordlike() || is_clause_opener(doc.key(p)) {
            break;
        }
        start = p;
    }
    // `العديد من المصادر`, `بعض المسؤولين`: the speakers follow the quantifier
    if matches!(doc.key(start), "العديد" | "عدد" | "الكثير" | "كثير" | "بعض" | "جميع" | "غالبيه" | "معظم" | "اغلب") && start < end {
        let n = doc.next_word(start)?;
        start = if doc.key(n) == "من" && n < end { doc.next_word(n)? } else { n };
    }
    let np = names::parse(doc, start)?;
    if np.last == end {
        return Some(np);
    }
    // a description placed by a prepositional phrase: `المقربين من المغني
    // يتهمون`, `مسؤولون في الوزارة قالوا`
    let prep = doc.next_word(np.last).filter(|&p| p < end && matches!(doc.key(p), "من" | "في"))?;
    let rest = doc.next_word(prep).and_then(|n| names::parse(doc, n)).filter(|r| r.last == end)?;
    (np.kind == PhraseKind::Description).then_some(NounPhrase { last: rest.last, ..np })
}

/// The person named right before `الذي`/`التي` when the verb at `v`
/// follows that relative pronoun.
fn antecedent(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let rel = doc.prev_non_space(v)?;
    if !matches!(doc.key(rel), "الذي" | "التي" | "والذي" | "والتي") {
        return None;
    }
    let mut end = doc.prev_non_space(rel)?;
    if matches!(doc.punct(end), Some('،' | ',')) {
        end = doc.prev_non_space(end)?;
    }
    // the longest phrase that ends right there: `جان إيف لودريان`, not `إيف لودريان`
    let mut start = end;
    let mut best = None;
    for _ in 0..8 {
        let Some(p) = doc.prev_non_space(start) else { break };
        if !doc.tokens[p].is_wordlike() {
            break;
        }
        start = p;
        if let Some(np) = names::parse(doc, start) {
            if np.last == end && np.kind == PhraseKind::Person {
                best = Some(np);
            }
        }
    }
    if best.is_some() {
        return best;
    }
    // a longer antecedent (`ايلون ماسك مؤسس شركة ... الذي قال`): the
    // nearest named person earlier in the sentence
    // (a name that starts with a given name first, then one after a title:
    // `ايلون ماسك مؤسس شركة سبيس إكس … الذي قال`)
    let sentence_start = doc.toks.sentences[doc.sentence_of(rel)].tokens.start;
    let mut titled = None;
    let mut i = rel;
    for _ in 0..24 {
        let Some(p) = doc.prev_non_space(i).filter(|&p| p >= sentence_start) else { break };
        i = p;
        let Some(np) = names::parse(doc, p).filter(|np| np.kind == PhraseKind::Person && np.last < rel) else { continue };
        if np.name.is_some_and(|(a, _, _)| doc.phrase_at(&doc.lex.given_names, a).is_some()) {
            return Some(np);
        }
        if np.title.is_some() && titled.is_none() {
            titled = Some(np);
        }
    }
    titled
}

/// `«…»، قال لافروف` and `"…"، يقول الوزير`: marks followed by a cue.
fn add_trailing_cues(doc: &Doc, cues: &mut Vec<Cue>) {
    let headline = headline_end(doc);
    // what the cues found so far cover, sorted, for binary searches (a scan
    // of all cues per quote is quadratic on long texts)
    let mut direct: Vec<(usize, usize)> = cues.iter().filter_map(|c| Some((c.start, c.end?))).collect();
    direct.sort_unstable();
    let mut indirect: Vec<(usize, usize)> = cues
        .iter()
        .filter(|c| c.kind == QuoteKind::Indirect)
        .map(|c| (c.start, doc.toks.sentences[doc.sentence_of(c.start)].tokens.end))
        .collect();
    indirect.sort_unstable();
    // whether a (start, end) pair starting at or before `at` reaches `until`
    let covered = |list: &[(usize, usize)], at: usize, until: usize| {
        let n = list.partition_point(|&(s, _)| s <= at);
        list[..n].iter().rev().take(8).any(|&(_, e)| e >= until)
    };
    for q in doc.toks.quotes.iter().filter(|q| q.open >= headline) {
        // a cue after the marks makes even three words a quote (`«لدينا خطة
        // واضحة»، قال الوزير`)
        if q.depth != 0 || q.close.is_none() || word_count(doc, q.content()) < 2 {
            continue;
        }
        if covered(&direct, q.open + 1, q.content_end) {
            continue;
        }
        // `رفعوا شعار «نريد وطنا»`, `تحت عنوان "…"`: a slogan or a title
        // named by the noun before it, not a quotation
        if doc.prev_word(q.open).is_some_and(|p| is_naming_noun(doc.key(p))) {
            continue;
        }
        if covered(&indirect, q.open, q.open + 1) {
            continue; // marks inside an indirect quote (a quoted title)
        }
        let close = q.content_end;
        let mut n = doc.next_non_space(close);
        if let Some(c) = n.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
            n = doc.next_non_space(c);
        }
        // `هذا ما قاله كارار`, `حسبما قال`
        if let Some(w) = n.filter(|&w| matches!(doc.key(w), "هذا" | "هذه" | "وهذا")) {
            n = doc.next_non_space(w);
        }
        if let Some(w) = n.filter(|&w| matches!(doc.key(w), "ما" | "حسبما" | "كما")) {
            n = doc.next_non_space(w);
        }
        let Some(v) = n else { continue };
        // `«…»، بحسب ما قاله الخبير فلان`
        if let Some((np, _)) = attribution_source(doc, v) {
            cues.push(Cue { verb: v, verb_info: ATTRIBUTION, kind: QuoteKind::Direct, start: q.open + 1, end: Some(close), subject: Some(np) });
            continue;
        }
        let Some(info) = verb_at(doc, v).or_else(|| verb_with_object_suffix(doc, v)) else { continue };
        if info.tense == Tense::Noun {
            continue;
        }
        let subject = doc.next_non_space(v).and_then(|s| names::parse(doc, s));
        cues.push(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(close), subject });
    }
}

/// Features of an attribution phrase used as a cue (no verb agreement).
const ATTRIBUTION: VerbInfo = VerbInfo {
    lemma: u16::MAX,
    tense: Tense::Past,
    gender: Gender::Unknown,
    number: crate::lexicon::GramNumber::Unknown,
    preps: Preps::NONE,
    ambiguous: false,
};

/// Whether token `t` opens an attribution phrase: `بحسب`, `حسبما`, `وفقا
/// لـ`, `طبقا لـ`, `نقلا عن`, `على لسان`.
#[inline]
fn is_attribution_head(doc: &Doc, t: usize) -> bool {
    if doc.kind(t) != TokenKind::Word {
        return false;
    }
    // this runs at every word of an indirect quote: most words are turned
    // away by their length and last letter, without a call
    if !may_be_attribution_head(doc.toks.key_bytes(t)) {
        debug_assert!(!attribution_head_at(doc, t), "{}", doc.key(t));
        return false;
    }
    attribution_head_at(doc, t)
}

/// Whether a folded key has the length and the last letter of an
/// attribution head: every head is 3 to 5 letters, with or without `و` (2
/// bytes a letter), and ends in `ب`, `ا` or `ي` (`بحسب`, `وفقا`, `على`).
#[inline]
fn may_be_attribution_head(key: &[u8]) -> bool {
    (6..=12).contains(&key.len()) && ["ب", "ا", "ي"].iter().any(|last| key.ends_with(last.as_bytes()))
}

/// [`is_attribution_head`] for a word that passed the quick test.
#[inline(never)]
fn attribution_head_at(doc: &Doc, t: usize) -> bool {
    let whole = doc.key(t);
    if !(6..=12).contains(&whole.len()) {
        return false;
    }
    // `وفقا` begins with و itself: try the word whole, then without `و`
    let k = if matches!(whole, "وفقا" | "ووفقا") { "وفقا" } else { whole.strip_prefix('و').filter(|r| r.len() >= 6).unwrap_or(whole) };
    match k {
        "بحسب" | "حسب" | "حسبما" | "وفقا" | "طبقا" => true,
        "نقلا" => doc.next_word(t).is_some_and(|n| doc.key(n) == "عن"),
        "علي" => doc.next_word(t).is_some_and(|n| doc.key(n) == "لسان"),
        _ => false,
    }
}

/// The source named by an attribution phrase at `t`: `بحسب وزارة الصحة`,
/// `بحسب ما قاله الخبير فلان`, `حسبما أفاد مدير التربية`, `وفقا للمتحدث
/// باسم الدفاع المدني`, `وفقا لما أعلنه الجيش`, `نقلا عن مصدر عسكري`,
/// `بحسب بيان صادر عن الرئاسة`. Returns the noun phrase and its last token.
fn attribution_source(doc: &Doc, t: usize) -> Option<(NounPhrase, usize)> {
    if !is_attribution_head(doc, t) {
        return None;
    }
    let whole = doc.key(t);
    let k = if matches!(whole, "وفقا" | "ووفقا") { "وفقا" } else { whole.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(whole) };
    let mut n = doc.next_word(t)?;
    match k {
        "نقلا" | "علي" => n = doc.next_word(n)?,
        "وفقا" | "طبقا" if doc.key(n) == "لما" => n = doc.next_word(n)?,
        "بحسب" | "حسب" if doc.key(n) == "ما" => n = doc.next_word(n)?,
        _ => {}
    }
    // the verb of `ما قاله`, `حسبما أفاد`, `لما أعلنه`
    if verb_at(doc, n).is_some() || verb_with_object_suffix(doc, n).is_some() {
        n = doc.next_word(n)?;
    }
    // `بيان صادر عن الرئاسة`: the issuer
    if doc.phrase_at(&doc.lex.document_nouns, n).is_some() {
        if let Some(a) = doc.next_word(n).filter(|&a| matches!(doc.key(a), "صادر" | "صادره")) {
            if let Some(b) = doc.next_word(a).filter(|&b| doc.key(b) == "عن") {
                n = doc.next_word(b)?;
            }
        }
    }
    let np = names::parse(doc, n)?;
    Some((np, np.last))
}

/// `وبحسب وزارة الصحة، فإن الحصيلة ارتفعت`: reported speech credited by an
/// attribution phrase that opens the sentence, in a sentence that has no
/// other cue. A credit that closes a sentence (`ارتفعت الحصيلة، بحسب
/// الوزارة`) sources a fact but has no complementizer, and the annotation
/// guide does not count it as a quote.
fn add_attribution_cues(doc: &Doc, cues: &mut Vec<Cue>) {
    let headline = headline_end(doc);
    // sentences that hold a cue found before (those added here are in
    // their own sentence), marked in one pass over the cues when a first
    // sentence opens with a credit: most texts have none, and a search of
    // the cues per such sentence would be quadratic in a long text
    let mut taken: Option<Vec<bool>> = None;
    for (si, s) in doc.toks.sentences.iter().enumerate() {
        let r = s.tokens.clone();
        if r.start < headline {
            continue;
        }
        // only a credit that opens the sentence counts: its first word is
        // the only one to test (not every word of the sentence)
        let Some(head) = r.clone().find(|&t| doc.tokens[t].is_wordlike()) else { continue };
        if !is_attribution_head(doc, head) {
            continue;
        }
        let taken = taken.get_or_insert_with(|| {
            let mut taken = vec![false; doc.toks.sentences.len()];
            for t in cues.iter().flat_map(|c| [c.verb, c.start]).filter(|&t| t < doc.len()) {
                taken[doc.sentence_of(t)] = true;
            }
            taken
        });
        if taken[si] {
            continue;
        }
        let Some((np, last)) = attribution_source(doc, head) else { continue };
        // the quote is the clause after the credit's comma
        let Some(comma) = (last + 1..r.end).find(|&t| matches!(doc.punct(t), Some('،' | ','))) else { continue };
        let mut c = doc.next_non_space(comma).filter(|&c| c < r.end);
        if let Some(w) = c.filter(|&w| doc.tokens[w].is_word() && matches!(doc.key(w), "فان" | "فانه" | "فانها" | "ان" | "انه")) {
            c = doc.next_non_space(w);
        }
        let Some(start) = c else { continue };
        let end = r.end;
        if word_count(doc, start..end) < 3 {
            continue;
        }
        cues.push(Cue { verb: head, verb_info: ATTRIBUTION, kind: QuoteKind::Indirect, start, end: Some(end), subject: Some(np) });
    }
}

/// An indirect quote runs to the end of its sentence, or to the next cue in
/// the same sentence (`..., مضيفا أن ...`, `... وقال فلان إن ...`).
/// Whether the verb at `v` sits in a clause opened by `رغم أن`/`مع أن`
/// (within the same sentence, a few words before it).
fn concessive_clause(doc: &Doc, v: usize) -> bool {
    let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens.start;
    let mut t = v;
    for _ in 0..12 {
        let Some(p) = doc.prev_non_space(t).filter(|&p| p >= sentence_start) else { return false };
        if doc.key(p) == "ان" {
            return doc.prev_non_space(p).is_some_and(|q| matches!(doc.key(q), "رغم" | "ورغم" | "برغم" | "وبرغم" | "مع" | "ومع"));
        }
        t = p;
    }
    false
}

fn close_indirect_quotes(doc: &Doc, cues: &mut [Cue]) {
    let n = cues.len();
    // the last search for a credit: (from, to, the first found); quotes of
    // one sentence share its end, and cues come sorted by start
    let mut last_search: Option<(usize, usize, Option<usize>)> = None;
    for i in 0..n {
        if cues[i].end.is_some() {
            continue;
        }
        let start = cues[i].start;
        let sentence_end = doc.toks.sentences[doc.sentence_of(start.min(doc.len().saturating_sub(1)))].tokens.end;
        let mut end = sentence_end;
        // `… ، وفقا لما نقلته وكالة إرنا`: the credit is not quoted
        // (the first credit from an earlier start on is the first from
        // `start` too, unless it lies before `start`)
        let credit = match last_search {
            Some((from, to, found)) if to == sentence_end && from <= start && found.is_none_or(|a| a >= start) => found,
            _ => (start..sentence_end).find(|&t| is_attribution_head(doc, t)),
        };
        debug_assert_eq!(credit, (start..sentence_end).find(|&t| is_attribution_head(doc, t)));
        last_search = Some((start, sentence_end, credit));
        if let Some(a) = credit {
            end = a;
        }
        // `رغم أن المصادر أكدت أن …، فإن …`: a concessive clause ends where
        // the main clause (`، فإن`, `، إلا أن`) begins
        if concessive_clause(doc, cues[i].verb) {
            if let Some(c) = (start..end).find(|&t| matches!(doc.punct(t), Some('،' | ',')) && doc.next_word(t).is_some_and(|n| matches!(doc.key(n), "فان" | "الا"))) {
                end = c;
            }
        }
        for c in cues.iter().skip(i + 1) {
            // cues are sorted by start: none past the sentence can end it
            if c.start > end && c.verb > end {
                break;
            }
            if c.verb >= start && c.verb < end {
                end = c.verb;
                break;
            }
            if c.kind == QuoteKind::Direct && c.start > start && c.start - 1 < end {
                end = c.start - 1;
                break;
            }
        }
        // the connective of the next clause is not quoted: `، فيما`,
        // `، في حين`, `، بينما`, `و`
        if end < sentence_end {
            let mut e = end;
            while let Some(p) = doc.prev_non_space(e).filter(|&p| p >= start) {
                let connective = doc.tokens[p].is_word() && matches!(doc.key(p), "فيما" | "بينما" | "حين" | "في" | "و" | "كما" | "ثم");
                if connective || matches!(doc.punct(p), Some('،' | ',' | '؛' | ';')) {
                    e = p;
                } else {
                    break;
                }
            }
            end = e;
        }
        // a subject-less `وقال “…”` later in the sentence also ends it
        cues[i].end = Some(end.max(start));
    }
}

/// The word lists of these rules (`data/words/quotes.tsv`).
#[derive(Debug)]
pub struct Words {}

impl Words {
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/quotes.tsv");
        let file = crate::lexicon::lists::ListFile::parse(name, text)?;
        file.finish()?;
        Ok(Words {})
    }
}

#[cfg(test)]
mod tests {
    use crate::record::QuoteKind;
    use crate::testutil::analyze;

    #[test]
    fn swapped_neighbours_only_for_one_transposition_in_long_words() {
        use super::swapped_neighbours;
        assert!(swapped_neighbours("مارتينيز", "ماريتنيز"));
        assert!(!swapped_neighbours("مارتينيز", "مارتينيز"));
        assert!(!swapped_neighbours("سعيد", "سيعد")); // too short to tell a slip from another name
        assert!(!swapped_neighbours("مارتينيز", "مارتينيس")); // a different letter, not a swap
        assert!(!swapped_neighbours("مارتينيز", "ماتريينز")); // two swaps
        assert!(swapped_neighbours("دايمان", "داميان"));
        assert!(swapped_neighbours("ابتثج", "ابتجث")); // the last two letters
        assert!(!swapped_neighbours("ابتث", "ابثت")); // four letters
        assert!(!swapped_neighbours("ابتثج", "ابتثجح"));
    }

    #[test]
    fn first_and_last_words_of_a_key() {
        use super::{first_word, last_word};
        for key in ["سيرغي لافروف", "لافروف", "", "جان ايف لودريان", " ا", "ا "] {
            assert_eq!(first_word(key), key.split(' ').next().unwrap(), "{key}");
            assert_eq!(last_word(key), key.rsplit(' ').next().unwrap(), "{key}");
        }
    }

    #[test]
    fn same_person_by_letters_family_name_or_a_name_cut_short() {
        use super::same_person;
        assert!(same_person("عبد الله البدري", "عبدالله البدري"));
        assert!(same_person("لافروف", "سيرغي لافروف"));
        assert!(same_person("خوان انطونيو", "خوان انطونيو بيتزي"));
        assert!(!same_person("خوان", "خوان انطونيو")); // one word is no name cut short
        assert!(!same_person("خوان انطونيو", "خوان انطونيوس"));
        assert!(!same_person("علي حسن", "علي حسين"));
        assert!(!same_person("زيد ب", "عمر ب")); // a family name of one letter tells nothing
    }

    #[test]
    fn indirect_quote_after_verb_subject_and_complementizer() {
        let r = analyze("وقال وزير المالية المصري محمد معيط إن العجز سينخفض العام المقبل.", None);
        assert_eq!(r.quotes.len(), 1);
        let q = &r.quotes[0];
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.text, "العجز سينخفض العام المقبل");
        assert_eq!(q.speaker.as_deref(), Some("محمد معيط"));
        assert_eq!(r.speakers[0].title.as_deref(), Some("وزير المالية المصري"));
    }

    #[test]
    fn preposition_before_complementizer() {
        let r = analyze("وأشار المدير خالد الأحمد إلى أن المشروع تأخر بسبب الأمطار.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].text, "المشروع تأخر بسبب الأمطار");
    }

    #[test]
    fn direct_quotes_in_every_mark_style() {
        for (open, close) in [("«", "»"), ("“", "”"), ("\"", "\""), ("”", "”")] {
            let text = format!("وقال الرئيس كريم ناصر {open}لن نقبل بأي حل لا يحفظ حقوق شعبنا{close}.");
            let r = analyze(&text, None);
            assert_eq!(r.quotes.len(), 1, "{text}");
            assert_eq!(r.quotes[0].kind, QuoteKind::Direct);
            assert_eq!(r.quotes[0].text, "لن نقبل بأي حل لا يحفظ حقوق شعبنا");
        }
    }

    #[test]
    fn colon_without_marks_runs_to_the_end_of_the_sentence() {
        let r = analyze("وقال المتحدث باسم الجيش: القوات تقدمت نحو المدينة من ثلاثة محاور. ثم انتهى المؤتمر.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].text, "القوات تقدمت نحو المدينة من ثلاثة محاور");
    }

    #[test]
    fn quoted_terms_are_not_quotes() {
        let r = analyze("شارك وزراء دول “بريكس” في اجتماع بكين وناقشوا ملف «المناخ».", None);
        assert!(r.quotes.is_empty(), "{:?}", r.quotes);
    }

    #[test]
    fn dropped_subject_carries_the_previous_speaker() {
        let text = "وقال رئيس الوزراء فؤاد حداد إن الحكومة ستقدم خطة جديدة. وأضاف أن الخطة تشمل دعم الشباب. وتابع قائلا “سنعمل ليلا ونهارا لتحقيق ذلك الهدف”.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 3);
        assert!(r.quotes.iter().all(|q| q.speaker.as_deref() == Some("فؤاد حداد")), "{:?}", r.quotes);
        assert_eq!(r.speaker.as_deref(), Some("فؤاد حداد"));
        assert_eq!(r.speakers[0].quotes, 3);
    }

    #[test]
    fn feminine_verb_is_not_the_last_male_speaker() {
        let text = "قالت الوزيرة ليلى حسن إن الميزانية جاهزة. وقال النائب عمرو سالم إن المجلس سيناقشها. وأضافت أن التصويت سيجري قريبا.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 3);
        assert_eq!(r.quotes[2].speaker.as_deref(), Some("ليلى حسن"));
    }

    #[test]
    fn family_name_links_to_the_full_name() {
        let text = "أعلن وزير الخارجية الروسي سيرغي لافروف أن الاجتماع مفيد. وقال لافروف إن الحوار سيستمر مع الجميع.";
        let r = analyze(text, None);
        assert_eq!(r.quotes.len(), 2);
        assert!(r.quotes.iter().all(|q| q.speaker.as_deref() == Some("سيرغي لافروف")));
        assert_eq!(r.speakers.len(), 1);
    }

    #[test]
    fn quote_followed_by_its_cue() {
        let r = analyze("«لا يمكن أن نترك المدينة وحدها في هذه الظروف»، قال المحافظ سمير عودة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("سمير عودة"));
    }

    #[test]
    fn naql_an_quotes_the_source_not_the_agency() {
        let r = analyze("ونقلت رويترز عن مسؤول عسكري إن القوات انسحبت من المنطقة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("مسؤول عسكري"));
    }

    #[test]
    fn relative_clause_verb_speaks_for_its_antecedent() {
        let r = analyze("وجاء ذلك بعد تصريحات وزير الخارجية الفرنسي جان إيف لودريان، الذي قال إن باريس لن تتراجع.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("جان إيف لودريان"));
    }

    #[test]
    fn subject_before_the_verb() {
        let r = analyze("المتحدث باسم الشرطة العقيد نادر سليم صرح للصحفيين قائلا: التحقيق مستمر في كل الاتجاهات.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("نادر سليم"));
        let r = analyze("وكانت وزارة الخارجية، قالت في بيان إن السفير استدعي للتشاور.", None);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("وزارة الخارجية"));
    }

    #[test]
    fn hadha_ma_qalahu_after_a_quote() {
        let r = analyze("\"لن نسمح بتكرار هذه الأخطاء مرة أخرى في المستقبل\"، هذا ما قاله المدرب رامي فهد بعد المباراة.", None);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("رامي فهد"));
    }

    #[test]
    fn institutions_speak() {
        let r = analyze("وأكدت وزارة الداخلية أن الوضع الأمني مستقر في كل المحافظات.", None);
        assert_eq!(r.quotes[0].speaker.as_deref(), Some("وزارة الداخلية"));
    }
}
