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

mod key;
mod people;
mod places;

pub(super) use key::phrase_key;
use people::{link_family_names, people};
use places::gazetteer_and_institutions;

use std::hash::BuildHasher;

use super::doc::{Doc, TokenLex};
use crate::record::{Entity, Span};
use crate::lexicon::{EntityType, STARTS_PERSON, STARTS_PHRASE};
use crate::tokenizer::fold::fold_phrase;
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
    /// For [`EntitySet::add_speaker`] in a text of many entities: the
    /// entities indexed so far, and each by its key and the endings of
    /// whole words of it, in order.
    by_suffix: Option<(usize, std::collections::BTreeMap<String, Vec<usize>>)>,
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
            by_suffix: None,
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

    pub fn into_entities(mut self) -> Vec<Entity> {
        // a body named by the start of its full name (`صندوق النقد` for
        // `صندوق النقد الدولي`) is the same body
        let n = self.entities.len();
        let mut gone = vec![false; n];
        // (in order: the first body that fits takes the mentions)
        let organizations: Vec<usize> = (0..n).filter(|&e| self.entities[e].entity_type == EntityType::Organization).collect();
        // with many bodies, those whose names begin with some words are
        // found by those words, not by a scan of all (quadratic)
        let by_prefix = (organizations.len() >= INDEX_ORGANIZATIONS_FROM).then(|| organizations_by_prefix(&self.keys, &organizations));
        for &a in &organizations {
            // keys are folded phrases, words joined by single spaces: `b`
            // has more words and begins with those of `a` when its key
            // begins with `a`'s key and a space
            let ka = &self.keys[a];
            if !ka.contains(' ') {
                continue;
            }
            let fits = |b: usize| {
                b != a && !gone[b] && {
                    let kb = &self.keys[b];
                    kb.starts_with(ka.as_str()) && kb.as_bytes().get(ka.len()) == Some(&b' ')
                }
            };
            let into = match &by_prefix {
                Some(by_prefix) => by_prefix.get(ka.as_str()).and_then(|list| list.iter().copied().find(|&b| fits(b))),
                None => organizations.iter().copied().find(|&b| fits(b)),
            };
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
        let known = |k: &String| *k == key || (k.ends_with(key.as_str()) && k[..k.len() - key.len()].ends_with(' '));
        let found = if self.keys.len() < INDEX_SPEAKERS_FROM {
            self.keys.iter().position(known)
        } else {
            self.speaker_index_update();
            let by_suffix = &self.by_suffix.as_ref().expect("built above").1;
            by_suffix.get(key.as_str()).and_then(|list| list.iter().copied().find(|&i| known(&self.keys[i])))
        };
        if let Some(i) = found {
            self.entities[i].mentions.push(span);
            return;
        }
        self.add(name, name, EntityType::Person, None, span);
    }
}

/// The number of bodies from which [`EntitySet::into_entities`] finds those
/// whose names begin with another's by an index, not a scan.
const INDEX_ORGANIZATIONS_FROM: usize = 64;
/// The number of entities from which [`EntitySet::add_speaker`] finds a
/// fuller name by an index of the names' endings, not a scan.
const INDEX_SPEAKERS_FROM: usize = 64;

/// Bodies by each beginning of whole words of their keys (`صندوق النقد`
/// of `صندوق النقد الدولي`), in order.
#[cold]
fn organizations_by_prefix<'k>(keys: &'k [String], organizations: &[usize]) -> std::collections::BTreeMap<&'k str, Vec<usize>> {
    let mut by_prefix: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for &b in organizations {
        let kb = keys[b].as_str();
        for (at, _) in kb.match_indices(' ') {
            by_prefix.entry(&kb[..at]).or_default().push(b);
        }
    }
    by_prefix
}

impl EntitySet {
    /// Brings the index of [`EntitySet::add_speaker`] up to date: each
    /// entity by its key and by each ending of whole words of it.
    #[cold]
    fn speaker_index_update(&mut self) {
        let (done, by_suffix) = self.by_suffix.get_or_insert_with(Default::default);
        for (i, k) in self.keys.iter().enumerate().skip(*done) {
            by_suffix.entry(k.clone()).or_default().push(i);
            for (at, _) in k.match_indices(' ') {
                by_suffix.entry(k[at + 1..].to_string()).or_default().push(i);
            }
        }
        *done = self.keys.len();
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
