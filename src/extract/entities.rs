//! Entities: people, organizations and places, each once with all mentions.
//!
//! Three sources of mentions, in order of trust:
//! 1. the gazetteer (countries, places, bodies, outlets) matched over folded
//!    keys with the first word's proclitics stripped (`وسوريا` → `سوريا`);
//!    a one-word match that is also a nationality adjective after a definite
//!    noun (`الحكومة السعودية`) is an adjective, not a place;
//! 2. institution patterns: a head noun from `data/org_heads.tsv` and its
//!    definite complement (`وزارة الشؤون الثقافية`);
//! 3. people by context: a title before a name (`الرئيس ... فلان`), a given
//!    name from `data/given_names.tsv` followed by more name words, and the
//!    speakers of quotes.
//!
//! Mentions of one entity are grouped by canonical key; a family name alone
//! (`لافروف`) joins the full name (`سيرغي لافروف`).

use std::hash::BuildHasher;

use super::doc::{Doc, TokenLex};
use super::names::{self, PhraseKind};
use crate::record::{Entity, Span};
use crate::lexicon::{EntityType, PlaceHead, TitleClass, NO_WORD, STARTS_GAZETTEER, STARTS_GIVEN, STARTS_ORG_HEAD, STARTS_PERSON, STARTS_PHRASE, STARTS_PLACE_HEAD, STARTS_TITLE};
use crate::tokenizer::fold::{fold_into, fold_phrase};
use crate::tokenizer::TokenKind;

/// Collects entities while the text is scanned.
#[derive(Default)]
pub struct EntitySet {
    entities: Vec<Entity>,
    keys: Vec<String>,
    /// Title each person was introduced with (`المرشد الإيراني`), by entity.
    titles: Vec<Option<String>>,
    /// Entity by the hash of its key, for one lookup per mention (see
    /// `find`): each key is stored once, in `keys`.
    index: rustc_hash::FxHashMap<u64, usize>,
}

/// Names found in the text that speakers can be linked to, borrowed from
/// the [`EntitySet`] (read once per text, not copied).
#[derive(Debug, Default, Clone)]
pub struct KnownNames<'e> {
    /// Full names of people with the title they were introduced with.
    pub people: Vec<(&'e str, Option<&'e str>)>,
    /// Their folded keys, in the same order (folded once, not per cue).
    pub people_keys: Vec<std::borrow::Cow<'e, str>>,
    /// Names of organizations.
    pub organizations: Vec<&'e str>,
    /// Every mention of a person: (code-point offset, full name), in order.
    pub person_mentions: Vec<(usize, &'e str)>,
}

impl EntitySet {
    /// An empty set with room for `n` entities (news text names about one
    /// in fifty tokens), so that it is rarely grown.
    fn with_capacity(n: usize) -> Self {
        EntitySet {
            entities: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            titles: Vec::with_capacity(n),
            index: rustc_hash::FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    fn add(&mut self, text: &str, canonical: &str, ty: EntityType, latin: Option<&str>, span: Span) {
        let key = fold_phrase(canonical);
        self.add_keyed(&key, text, canonical, ty, latin, span);
    }

    /// The entity with folded key `key`, whose hash is `hash`.
    fn find(&self, key: &str, hash: u64) -> Option<usize> {
        let i = *self.index.get(&hash)?;
        if self.keys[i] == key {
            Some(i)
        } else {
            // another key with the same hash holds the slot: the later one
            // is found by a search (a 64-bit collision, not met in practice)
            self.keys.iter().position(|k| k == key)
        }
    }

    /// `add` with the folded key of `canonical` already known; returns the
    /// entity's index (none for an empty key).
    fn add_keyed(&mut self, key: &str, text: &str, canonical: &str, ty: EntityType, latin: Option<&str>, span: Span) -> Option<usize> {
        if key.is_empty() {
            return None;
        }
        let hash = rustc_hash::FxBuildHasher.hash_one(key);
        match self.find(key, hash) {
            Some(i) => {
                // duplicates are removed once at the end: a search here would
                // be quadratic in an entity's mentions
                let e = &mut self.entities[i];
                e.mentions.push(span);
                Some(i)
            }
            None => {
                let i = self.keys.len();
                self.index.entry(hash).or_insert(i);
                self.keys.push(key.to_string());
                self.titles.push(None);
                self.entities.push(Entity {
                    text: text.to_string(),
                    canonical: canonical.to_string(),
                    entity_type: ty,
                    latin: latin.map(str::to_string),
                    // (room for a few: most entities are named more than once)
                    mentions: {
                        let mut mentions = Vec::with_capacity(4);
                        mentions.push(span);
                        mentions
                    },
                });
                Some(i)
            }
        }
    }

    /// The folded key of entity `idx`'s text: its index key when the text is
    /// its canonical name (folded once, when it was added).
    fn text_key(&self, idx: usize) -> std::borrow::Cow<'_, str> {
        let e = &self.entities[idx];
        if e.text == e.canonical {
            std::borrow::Cow::Borrowed(self.keys[idx].as_str())
        } else {
            std::borrow::Cow::Owned(fold_phrase(&e.text))
        }
    }

    /// People (with titles) and organizations found, for linking speakers.
    pub fn known_names(&self) -> KnownNames<'_> {
        // counted first, so that the lists are not grown one push at a time
        let (mut people, mut organizations, mut mentions) = (0, 0, 0);
        for e in &self.entities {
            match e.entity_type {
                EntityType::Person => {
                    people += 1;
                    mentions += e.mentions.len();
                }
                EntityType::Organization => organizations += 1,
                EntityType::Location => {}
            }
        }
        let mut known = KnownNames {
            people: Vec::with_capacity(people),
            people_keys: Vec::with_capacity(people),
            organizations: Vec::with_capacity(organizations),
            person_mentions: Vec::with_capacity(mentions),
        };
        for (idx, (e, t)) in self.entities.iter().zip(&self.titles).enumerate() {
            match e.entity_type {
                EntityType::Person => {
                    known.people.push((&e.text, t.as_deref()));
                    known.people_keys.push(self.text_key(idx));
                    known.person_mentions.extend(e.mentions.iter().map(|m| (m[0], e.text.as_str())));
                }
                EntityType::Organization => known.organizations.push(&e.text),
                EntityType::Location => {}
            }
        }
        known.person_mentions.sort();
        known
    }

    /// The title entity `i` was introduced with.
    fn set_title(&mut self, i: usize, title: Option<&str>) {
        if let Some(t) = title {
            self.titles[i].get_or_insert_with(|| t.to_string());
        }
    }

    /// Adds a person named as a speaker (if new) with its mention.
    pub fn add_person(&mut self, name: &str, span: Span) {
        self.add(name, name, EntityType::Person, None, span);
    }

    pub fn into_entities(mut self) -> Vec<Entity> {
        // a body named by the start of its full name (`صندوق النقد` for
        // `صندوق النقد الدولي`) is the same body
        let n = self.entities.len();
        let mut gone = vec![false; n];
        // (in order: the first body that fits takes the mentions)
        let organizations: Vec<usize> = (0..n).filter(|&e| self.entities[e].entity_type == EntityType::Organization).collect();
        for &a in &organizations {
            // keys are folded phrases, words joined by single spaces: `b`
            // has more words and begins with those of `a` when its key
            // begins with `a`'s key and a space
            let ka = &self.keys[a];
            if !ka.contains(' ') {
                continue;
            }
            let into = organizations.iter().copied().find(|&b| {
                b != a && !gone[b] && {
                    let kb = &self.keys[b];
                    kb.starts_with(ka.as_str()) && kb.as_bytes().get(ka.len()) == Some(&b' ')
                }
            });
            if let Some(b) = into {
                let mentions = std::mem::take(&mut self.entities[a].mentions);
                self.entities[b].mentions.extend(mentions);
                gone[a] = true;
            }
        }
        let mut out: Vec<Entity> = self.entities.into_iter().zip(gone).filter(|(_, g)| !g).map(|(e, _)| e).collect();
        for e in &mut out {
            e.mentions.sort_unstable();
            e.mentions.dedup();
        }
        out
    }

    /// Adds a person named as a speaker (found by the quote extractor).
    pub fn add_speaker(&mut self, name: &str, span: Span) {
        let key = fold_phrase(name);
        // already known under a fuller name: only add the mention
        if let Some(i) = self.keys.iter().position(|k| *k == key || (k.ends_with(key.as_str()) && k[..k.len() - key.len()].ends_with(' '))) {
            self.entities[i].mentions.push(span);
            return;
        }
        self.add(name, name, EntityType::Person, None, span);
    }
}

/// Scans `doc` for entities.
pub fn extract(doc: &Doc) -> EntitySet {
    // (a hint only: a huge text grows the set instead of reserving for it)
    let mut set = EntitySet::with_capacity((doc.len() / 32).min(1 << 12));
    let mut covered = vec![false; doc.len()];
    let starts = PassStarts::find(doc);
    gazetteer_and_institutions(doc, &mut set, &mut covered, &starts.phrases);
    people(doc, &mut set, &mut covered, &starts.people);
    link_family_names(doc, &mut set, &covered);
    set
}

/// The words where the passes can find something, found in one scan of
/// the text: each pass then visits only these.
struct PassStarts {
    /// Words that start a place head, an institution head or a gazetteer
    /// entry (everything `gazetteer_and_institutions` matches begins so),
    /// with which of them (the `STARTS_` bits): the pass skips the others.
    /// Token indices are `u32` (as in `Token`): a 50 MB text has millions.
    phrases: Vec<(u32, u8)>,
    /// Words that start a title other than a modifier, or a given name
    /// (`people` looks for nothing else), with which of them.
    people: Vec<(u32, u8)>,
}

impl PassStarts {
    fn find(doc: &Doc) -> Self {
        let lex = doc.lex;
        // about one token in eleven starts a phrase and one in twenty a title
        // or given name (news text): room for more, so that the lists are
        // rarely grown
        let mut starts = PassStarts { phrases: Vec::with_capacity(doc.len() / 8), people: Vec::with_capacity(doc.len() / 16) };
        // one byte a word says which passes it can start, read whole or as
        // a stem (`Lexicons::entity_starts`, the sets' `can_start` joined):
        // most tokens are spaces or words that start nothing, and most of
        // those have no id at all
        let mut consider = |i: usize, ids: &TokenLex| {
            if ids.has_no_id() {
                return;
            }
            let (full, stem) = ids.raw_ids();
            let can_start = lex.entity_starts(full) | lex.entity_starts(stem);
            if can_start == 0 || doc.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Word) {
                return;
            }
            if can_start & STARTS_PHRASE != 0 {
                starts.phrases.push((i as u32, can_start));
            }
            if can_start & STARTS_PERSON != 0 {
                starts.people.push((i as u32, can_start));
            }
        };
        // two tokens at a time: a word and the space after it mostly both
        // have no id, and are turned away together
        let pairs = doc.ids.chunks_exact(2);
        let last = pairs.remainder().first();
        for (n, pair) in pairs.enumerate() {
            if let [a, b] = pair {
                if a.has_no_id() && b.has_no_id() {
                    continue;
                }
                consider(2 * n, a);
                consider(2 * n + 1, b);
            }
        }
        if let Some(ids) = last {
            consider(doc.ids.len() - 1, ids);
        }
        starts
    }
}

fn gazetteer_and_institutions(doc: &Doc, set: &mut EntitySet, covered: &mut [bool], starts: &[(u32, u8)]) {
    let lex = doc.lex;
    // the folded key of a phrase found (one buffer for all)
    let mut key = String::new();
    let mut i = 0;
    for &(start, can_start) in starts {
        let start = start as usize;
        // inside a phrase matched before
        if start < i {
            continue;
        }
        i = start;
        // a place after its head: `محافظة تعز`, `مطار سياتل`
        let place = if can_start & STARTS_PLACE_HEAD != 0 { place_at(doc, i) } else { None };
        if let Some((a, b, p)) = place {
            let text = doc.slice(a, b, p);
            match doc.phrase_at(&lex.gazetteer, a).filter(|g| g.last == b && a != i) {
                Some(g) => {
                    let e = &lex.gazetteer_entries[*g.value as usize];
                    set.add_keyed(&e.key, text, &e.canonical, EntityType::Location, e.latin.as_deref(), doc.span(a, b, p));
                }
                None => {
                    phrase_key_into(doc, a, b, p, &mut key);
                    set.add_keyed(&key, text, text, EntityType::Location, None, doc.span(a, b, p));
                }
            }
            covered[i..=b].iter_mut().for_each(|c| *c = true);
            i = b + 1;
            continue;
        }
        // the gazetteer entry at `i`, looked up once for both tests below
        let gazetteer = if can_start & STARTS_GAZETTEER != 0 { doc.phrase_at(&lex.gazetteer, i) } else { None };
        // institution pattern first: it may contain a gazetteer name
        let institution = if can_start & STARTS_ORG_HEAD != 0 { institution_at(doc, i) } else { None };
        if let Some((start, last)) = institution {
            let p = if start != i || doc.ids[i].full() != NO_WORD { 0 } else { doc.ids[i].prefix_chars() };
            let text = doc.slice(start, last, p);
            let gaz_longer = gazetteer.is_some_and(|m| m.last >= last);
            if !gaz_longer {
                phrase_key_into(doc, start, last, p, &mut key);
                set.add_keyed(&key, text, text, EntityType::Organization, None, doc.span(start, last, p));
                covered[i..=last].iter_mut().for_each(|c| *c = true);
                i = last + 1;
                continue;
            }
        }
        if let Some(m) = gazetteer {
            let entry = &lex.gazetteer_entries[*m.value as usize];
            let adjective = m.words == 1 && is_adjective_use(doc, i);
            // `منى الشريف`: a place that is also a given name, before a name
            let given = m.words == 1 && m.prefix_chars == 0 && doc.phrase_at(&lex.given_names, i).is_some();
            if given && doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !names::is_stop_word(doc, n) && doc.phrase_at(&lex.gazetteer, n).is_none()) {
                i += 1;
                continue;
            }
            if !adjective {
                let slice = doc.slice(i, m.last, m.prefix_chars);
                // `للأمم المتحدة`: the article merged into لل is given back
                let k = doc.key(i);
                let restored = m.prefix_chars > 0 && (k.starts_with("لل") || k.starts_with("ولل") || k.starts_with("فلل"));
                let owned;
                let text = if restored {
                    owned = format!("ال{slice}");
                    owned.as_str()
                } else {
                    slice
                };
                set.add_keyed(&entry.key, text, &entry.canonical, entry.entity_type, entry.latin.as_deref(), doc.span(i, m.last, m.prefix_chars));
                covered[i..=m.last].iter_mut().for_each(|c| *c = true);
            }
            i = m.last + 1;
            continue;
        }
        i += 1;
    }
}

/// The folded key of the text of tokens `first..=last` without
/// `prefix_chars` code points: `fold_phrase` of [`Doc::slice`], built from
/// the keys the tokenizer folded (a word's key is its folded text) instead
/// of folding the text again.
pub(super) fn phrase_key(doc: &Doc, first: usize, last: usize, prefix_chars: u8) -> String {
    let mut key = String::with_capacity(doc.byte_range(first, last, prefix_chars).len());
    phrase_key_into(doc, first, last, prefix_chars, &mut key);
    key
}

/// [`phrase_key`] written to `key` (cleared first): a buffer kept across
/// the phrases of a text needs no allocation for each.
fn phrase_key_into(doc: &Doc, first: usize, last: usize, prefix_chars: u8, key: &mut String) {
    let range = doc.byte_range(first, last, prefix_chars);
    key.clear();
    key.reserve(range.len());
    // as in `fold_phrase`: words split at whitespace, those that fold to
    // something joined by one space; `word` is where the current one's
    // key starts (after its space)
    let mut word: Option<usize> = None;
    let end_word = |key: &mut String, word: &mut Option<usize>| {
        if let Some(start) = word.take() {
            if key.len() == start && start > 0 {
                key.truncate(start - 1);
            }
        }
    };
    for t in first..=last {
        let bytes = doc.toks.bytes(t);
        if bytes.end <= range.start {
            continue;
        }
        let kind = doc.kind(t);
        if matches!(kind, TokenKind::Space | TokenKind::Newline) {
            // (a space token may also be a zero-width space, which is no
            // whitespace and folds to nothing: it joins what it separates)
            if doc.surface(t).chars().any(char::is_whitespace) {
                end_word(key, &mut word);
            }
            continue;
        }
        if word.is_none() {
            if !key.is_empty() {
                key.push(' ');
            }
            word = Some(key.len());
        }
        if matches!(kind, TokenKind::Word | TokenKind::Number) && bytes.start >= range.start {
            key.push_str(doc.key(t));
        } else {
            fold_into(&doc.text[bytes.start.max(range.start)..bytes.end], key);
        }
    }
    end_word(key, &mut word);
    debug_assert_eq!(*key, fold_phrase(&doc.text[range]));
}

/// A one-word place name used as an adjective: `الحكومة السعودية`,
/// `الجانب الروسي` — a nationality form right after a definite noun.
fn is_adjective_use(doc: &Doc, i: usize) -> bool {
    if doc.word_full(i).and_then(|w| w.nationality).is_none() {
        return false;
    }
    let Some(p) = doc.prev_non_space(i) else { return false };
    if doc.kind(p) != TokenKind::Word {
        return false;
    }
    let pk = doc.key(p);
    let prev_is_function = doc.word(p).is_some_and(|(w, _)| w.function.is_some());
    pk.starts_with("ال") && !prev_is_function || doc.phrase_at(&doc.lex.org_heads, p).is_some()
}

/// `وزارة الصحة`, `هيئة كبار العلماء`, `حزب مشروع تونس`, `شركة وايمو`,
/// `الهيئة السعودية للمهندسين`: an institution head and its complement;
/// returns the first and last token of the name (a descriptor such as
/// `شركة` is left out of it).
fn institution_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let m = doc.phrase_at(&doc.lex.org_heads, i)?;
    let head = *m.value;
    let head_definite = head.definite && m.prefix_chars == 0;
    let mut last = m.last;
    let mut words = 0;
    // what makes a definite head a name: `الهيئة السعودية`, `اللجنة المحلية
    // للانتخابات`, `المجلس الأولمبي الآسيوي`; `الهيئة الجديدة` is no name
    let mut naming = false;
    let mut after_genitive = false;
    // a Latin or transliterated name: `شركة West Side Movies`
    if let Some(j) = doc.next_word(last) {
        if doc.surface(j).is_ascii() && doc.kind(j) == TokenKind::Word {
            let mut l = j;
            while let Some(n) = doc.next_word(l) {
                if doc.surface(n).is_ascii() {
                    l = n;
                } else {
                    break;
                }
            }
            return Some((if head.descriptor { j } else { i }, l));
        }
    }
    while words < 6 {
        let Some(j) = doc.next_word(last) else { break };
        if doc.kind(j) != TokenKind::Word || names::is_stop_word(doc, j) {
            break;
        }
        if doc.phrase_at(&doc.lex.descriptive_adjectives, j).is_some_and(|d| d.prefix_chars == 0) {
            break;
        }
        let k = doc.key(j);
        let definite = k.starts_with("ال");
        let nationality = doc.word_full(j).and_then(|w| w.nationality).is_some();
        let conj_def = words > 0 && (k.starts_with("وال") || k.starts_with("ولل"));
        let genitive = words > 0 && k.starts_with("لل") || (words > 0 && k.starts_with('ل') && doc.ids[j].stem() != NO_WORD);
        let in_gazetteer = doc.phrase_at(&doc.lex.gazetteer, j);
        if let Some(g) = in_gazetteer.filter(|g| g.prefix_chars == 0 || genitive) {
            // `جامعة كاليفورنيا`, `حزب مشروع تونس`, `المركز الطبي لجامعة واشنطن`
            last = g.last;
            words += g.words;
            naming = true;
            continue;
        }
        if definite || nationality || conj_def || genitive {
            naming |= nationality || genitive || words >= 1;
            last = j;
            words += 1;
            // `البرلمان العربي` is whole: after a definite head and its
            // nationality only a genitive continues (`الاتحاد السعودي لكرة
            // القدم`); after a genitive's complement the name ends
            let next_genitive = doc.next_word(j).is_some_and(|n| doc.key(n).starts_with('ل') && doc.ids[n].stem() != NO_WORD);
            if head_definite && nationality && !next_genitive {
                break;
            }
            if after_genitive && !conj_def && !doc.next_word(j).is_some_and(|n| doc.key(n).starts_with("وال")) {
                break;
            }
            after_genitive |= genitive;
            continue;
        }
        // an indefinite word is part of the name only when a known name or a
        // definite noun closing a genitive chain follows it: `حزب مشروع
        // تونس`, `هيئة حقوق الإنسان`; `لجنة مؤقتة` is a description
        let before_name = doc.next_word(j).is_some_and(|n| {
            doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0)
                || (doc.key(n).starts_with("ال") && !names::is_stop_word(doc, n))
        });
        if words == 0 && !head_definite && before_name && !k.starts_with('و') && !k.starts_with('ل') && !k.starts_with('ب') {
            last = j;
            words += 1;
            continue;
        }
        break;
    }
    if words == 0 || (head_definite && !naming) {
        return None;
    }
    let start = if head.descriptor { doc.next_word(m.last).unwrap_or(i) } else { i };
    Some((start, last))
}

/// `محافظة تعز` (the place is `تعز`), `مطار سياتل`, `ساحة ساسين`: a place
/// head and the name after it; returns (first, last, prefix chars) of the
/// entity's name.
fn place_at(doc: &Doc, i: usize) -> Option<(usize, usize, u8)> {
    let m = doc.phrase_at(&doc.lex.place_heads, i)?;
    let n = doc.next_word(m.last).filter(|&n| doc.kind(n) == TokenKind::Word)?;
    let mut last = if let Some(g) = doc.phrase_at(&doc.lex.gazetteer, n).filter(|g| g.prefix_chars == 0) {
        g.last
    } else {
        // an unknown name: a word that is no ordinary word, function word or
        // title; and maybe one more (`خميس مشيط`, `الضمير العسكري`)
        let plain = |t: usize| {
            doc.kind(t) == TokenKind::Word
                && !names::is_stop_word(doc, t)
                && doc.lex.common_rank(doc.key(t)).is_none_or(|r| r >= 1500)
                && doc.word_full(t).and_then(|w| w.nationality).is_none()
                && doc.phrase_at(&doc.lex.titles, t).is_none()
                && !(doc.ids[t].full() == NO_WORD && doc.ids[t].stem() != NO_WORD)
        };
        if !plain(n) {
            return None;
        }
        n
    };
    // a second word of the name; not a direction (`غربي البلاد`)
    if let Some(k) = doc.next_word(last) {
        let key = doc.key(k);
        let direction = ["شمال", "جنوب", "شرق", "غرب", "وسط"].iter().any(|d| key.starts_with(d));
        let adjective = key.starts_with("ال") && !direction && doc.word_full(k).and_then(|w| w.nationality).is_none();
        if *m.value == PlaceHead::Site && adjective && !names::is_stop_word(doc, k) && doc.lex.common_rank(key).is_none_or(|r| r >= 1000) {
            last = k;
        }
    }
    match m.value {
        PlaceHead::Division => Some((n, last, 0)),
        PlaceHead::Site => Some((i, last, m.prefix_chars)),
    }
}

fn people(doc: &Doc, set: &mut EntitySet, covered: &mut [bool], starts: &[(u32, u8)]) {
    // the folded key of a name found (one buffer for all)
    let mut key = String::new();
    let mut i = 0;
    for &(start, can_start) in starts {
        let start = start as usize;
        // inside a name found before, or already an entity
        if start < i || covered[start] {
            continue;
        }
        i = start;
        // (a word that starts no title but a modifier may still be one: its
        // entry is then left to `names::parse`)
        let title_entry = (can_start & STARTS_TITLE != 0).then(|| doc.phrase_at(&doc.lex.titles, i));
        let title = title_entry.flatten().is_some_and(|m| m.value.class != TitleClass::Modifier);
        let given = || can_start & STARTS_GIVEN != 0 && doc.phrase_at(&doc.lex.given_names, i).is_some_and(|m| m.prefix_chars == 0);
        if title || given() {
            if let Some(np) = names::parse_with_title(doc, i, title_entry) {
                if np.kind == PhraseKind::Person {
                    if let Some((a, b, p)) = np.name {
                        let words = (a..=b).filter(|&t| doc.tokens[t].is_word()).count();
                        let overlaps = covered[a..=b].iter().any(|&c| c);
                        // a given name alone is too weak without a title
                        if !overlaps && (words >= 2 || np.title.is_some()) {
                            let text = doc.slice(a, b, p);
                            phrase_key_into(doc, a, b, p, &mut key);
                            if let Some(person) = set.add_keyed(&key, text, text, crate::lexicon::EntityType::Person, None, doc.span(a, b, p)) {
                                set.set_title(person, np.title_text(doc));
                            }
                            covered[a..=b].iter_mut().for_each(|c| *c = true);
                        }
                    }
                    i = np.last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Adds every later one-word mention of a person's family name (`ميلنر`,
/// `ولافروف`) to that person.
fn link_family_names(doc: &Doc, set: &mut EntitySet, covered: &[bool]) {
    let mut families: Vec<(String, usize)> = Vec::new();
    for (idx, e) in set.entities.iter().enumerate() {
        if e.entity_type != EntityType::Person {
            continue;
        }
        let key = set.text_key(idx);
        let mut parts = key.split(' ');
        if let (Some(_), Some(last)) = (parts.next(), parts.next_back()) {
            if last.chars().count() >= 3 {
                families.push((last.to_string(), idx));
            }
        }
    }
    if families.is_empty() {
        return;
    }
    // one lookup per word (whole, or after each possible proclitic string),
    // not a comparison with every family name
    let by_key: rustc_hash::FxHashMap<&str, usize> = families.iter().rev().map(|(f, idx)| (f.as_str(), *idx)).collect();
    // the last four bytes (two Arabic letters) and the length a mention's
    // key has when it is a family name after no proclitic or one to three
    // letters of two bytes each (see below), as bits of a mask: a word
    // ending otherwise or of another length is no mention, and needs no
    // hashing (a name that can match has at least five bytes: see the
    // lookups below)
    let mut mentions = [0u64; 64];
    for (f, _) in families.iter().filter(|(f, _)| f.len() >= 4) {
        for cut in [0, 2, 4, 6] {
            let b = mention_bucket(f.as_bytes(), f.len() + cut);
            mentions[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    // the lengths of the family names, as bits (the last for 63 bytes or
    // more): a word that passes the mask above is looked up whole or
    // after a proclitic only where the rest has one of them
    let family_lengths = families.iter().fold(0u64, |mask, (f, _)| mask | 1 << f.len().min(63));
    let may_be_family = |len: usize| family_lengths & 1 << len.min(63) != 0;
    // (a bit test turns away most words: inline, before a call)
    let may_mention = |key: &[u8]| {
        let b = mention_bucket(key, key.len());
        mentions[usize::from(b >> 6)] & 1 << (b & 63) != 0
    };
    let mut visit = |i: usize| {
        if doc.kind(i) != TokenKind::Word || covered[i] {
            return;
        }
        let key = doc.key(i);
        let mut hit = if may_be_family(key.len()) { by_key.get(key).map(|&idx| (idx, 0u8)) } else { None };
        if hit.is_none() {
            // proclitics are one or two letters of two bytes each
            for cut in [2usize, 4, 6] {
                if key.len() > cut + 4 && may_be_family(key.len() - cut) && key.is_char_boundary(cut) && crate::tokenizer::clitics::is_proclitic(&key[..cut]) {
                    if let Some(&idx) = by_key.get(&key[cut..]) {
                        hit = Some((idx, key[..cut].chars().count() as u8));
                        break;
                    }
                }
            }
        }
        if let Some((idx, prefix)) = hit {
            let span = doc.span(i, i, prefix);
            set.entities[idx].mentions.push(span);
        }
    };
    // the keys lie back to back, each up to the next token's (spaces and
    // punctuation have none): most tokens are turned away by the length of
    // their key alone, read from two neighbouring tokens
    let keys = doc.toks.keys.as_bytes();
    let Some((first, rest)) = doc.tokens.split_first() else { return };
    let mut start = first.key_start as usize;
    for (i, next) in rest.iter().enumerate() {
        let end = next.key_start as usize;
        // a mention's key has six bytes or more
        if end - start >= 6 && may_mention(&keys[start..end]) {
            visit(i);
        }
        start = end;
    }
    if keys.len() - start >= 6 && may_mention(&keys[start..]) {
        visit(rest.len());
    }
}

/// One of 4096 buckets for a key of `len` bytes that ends as `key` does
/// (at least four bytes long): the bits of sixty-four `u64` for a set of
/// word endings with their lengths (so sparse that few other words fall
/// in a set bucket).
#[inline]
fn mention_bucket(key: &[u8], len: usize) -> u16 {
    let tail = u32::from_le_bytes([key[key.len() - 4], key[key.len() - 3], key[key.len() - 2], key[key.len() - 1]]);
    ((u64::from(tail) | (len as u64) << 32).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as u16
}

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;
    use crate::testutil::analyze;

    fn find<'a>(r: &'a crate::record::Record, text: &str) -> Option<&'a crate::record::Entity> {
        r.entities.iter().find(|e| e.text == text)
    }

    #[test]
    fn clitics_are_stripped_from_entity_text() {
        let r = analyze("زار الوفد بكين ثم توجه إلى روسيا وسوريا وبجدة التقى بممثلي للأمم المتحدة.", None);
        for (name, ty) in [("بكين", EntityType::Location), ("روسيا", EntityType::Location), ("سوريا", EntityType::Location), ("جدة", EntityType::Location)] {
            let e = find(&r, name).unwrap_or_else(|| panic!("{name}: {:?}", r.entities));
            assert_eq!(e.entity_type, ty);
        }
        assert!(r.entities.iter().any(|e| e.text == "الأمم المتحدة"), "{:?}", r.entities);
    }

    #[test]
    fn mentions_of_one_entity_are_grouped() {
        let r = analyze("تحدث الرئيس عن سوريا. وقال إن الجمهورية العربية السورية تستحق السلام، وإن سوريا ستنهض.", None);
        let syria: Vec<_> = r.entities.iter().filter(|e| e.canonical == "سوريا").collect();
        assert_eq!(syria.len(), 1, "{:?}", r.entities);
        assert_eq!(syria[0].mentions.len(), 3);
    }

    #[test]
    fn nationality_adjectives_are_not_places() {
        let r = analyze("انتقدت الحكومة السعودية القرار، وقال الجانب الروسي إنه يدرسه.", None);
        assert!(find(&r, "السعودية").is_none(), "{:?}", r.entities);
        assert!(find(&r, "الروسي").is_none());
    }

    #[test]
    fn people_by_title_and_family_name_linking() {
        let r = analyze("استقبل الأمير فيصل بن سلمان الوفد. وأكد فيصل بن سلمان أهمية الزيارة. وقال المدرب هيرفي رينارد إن الفريق جاهز، وأضاف رينارد أن المباراة صعبة.", None);
        let coach = find(&r, "هيرفي رينارد").expect("coach found by title");
        assert_eq!(coach.entity_type, EntityType::Person);
        assert_eq!(coach.mentions.len(), 2, "family name linked: {:?}", coach.mentions);
        assert!(r.entities.iter().any(|e| e.text.starts_with("فيصل بن سلمان")), "{:?}", r.entities);
    }

    #[test]
    fn institutions_by_pattern() {
        let r = analyze("أصدرت وزارة الشؤون الاجتماعية والعمل بيانا، ورحبت به هيئة حقوق الإنسان.", None);
        assert!(find(&r, "وزارة الشؤون الاجتماعية والعمل").is_some(), "{:?}", r.entities);
        assert!(find(&r, "هيئة حقوق الإنسان").is_some(), "{:?}", r.entities);
    }
}
