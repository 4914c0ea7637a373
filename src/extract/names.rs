//! Noun phrases that name people and bodies: `وزير الخارجية الروسي سيرغي
//! لافروف`, `الأمين العام للحزب محسن مرزوق`, `وزارة الشؤون الثقافية`,
//! `مصدر أمني`. Shared by the quote extractor (speakers) and the entity
//! extractor (people found by context).
//!
//! The extent rules describe Arabic word order: a title head (`وزير`,
//! `الرئيس`) is followed by definite modifiers (`الخارجية الروسي`); the name
//! starts at the first indefinite word that is not a title or function word
//! and continues through connectors (`بن`, `عبد`, `أبو`) and a definite
//! family name (`علي الشبل`), stopping at punctuation, function words,
//! dates, verbs of saying and complementizers.

use super::doc::{Doc, PhraseMatch};
use crate::lexicon::{Gender, TitleClass, TitleInfo, NO_WORD};
use crate::tokenizer::{has_chars, TokenKind};

/// Words inside a name that join its parts.
const CONNECTORS: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "دي", "دو", "فان", "فون", "ولد", "لا", "بو"];

/// Words that look like names but head generic noun phrases of speakers.
const MAX_NAME_WORDS: usize = 5;
const MAX_TITLE_WORDS: usize = 8;

/// What a noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A named person: the phrase has a name part.
    Person,
    /// A generic description: `مصدر أمني`, `علماء`, `وزارة الصحة`.
    Description,
}

/// A parsed noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NounPhrase {
    pub first: usize,
    pub last: usize,
    /// Proclitic code points on the first token.
    pub prefix_chars: u8,
    /// Title tokens (inclusive), if any.
    pub title: Option<(usize, usize)>,
    /// Name tokens (inclusive) and the prefix chars on the first, if any.
    pub name: Option<(usize, usize, u8)>,
    pub gender: Gender,
    pub kind: PhraseKind,
}

impl NounPhrase {
    /// The text that names the referent: the name part, or the whole phrase.
    pub fn name_text<'a>(&self, doc: &Doc<'a>) -> &'a str {
        match self.name {
            Some((a, b, p)) => doc.slice(a, b, p),
            None => doc.slice(self.first, self.last, self.prefix_chars),
        }
    }

    pub fn title_text<'a>(&self, doc: &Doc<'a>) -> Option<&'a str> {
        self.title.map(|(a, b)| doc.slice(a, b, if a == self.first { self.prefix_chars } else { 0 }))
    }
}

/// Whether token `i` can never be part of a name: function word, speech
/// verb, complementizer, month, weekday, number.
pub fn is_stop_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return true;
    }
    let ids = doc.ids[i];
    if let Some(w) = doc.lex.word(ids.full()) {
        if w.function.is_some() || w.verb.is_some() || w.complementizer || w.weekday.is_some() {
            return true;
        }
    } else if let Some(w) = doc.lex.word(ids.stem()) {
        // with a clitic: `وقال`, `وأن`, `فإن`, `والتي` (the stem is read
        // only when the whole word is in no lexicon, as in `Doc::word`)
        if ids.prefix_chars() > 0 && (w.verb.is_some() || w.complementizer || w.function.is_some()) {
            return true;
        }
    }
    if doc.phrase_at(&doc.lex.months, i).is_some_and(|m| m.prefix_chars == 0 && !m.value.ambiguous) {
        return true;
    }
    false
}

/// Whether token `i` starts a title (`وزير`, `مسؤولا`), not a modifier.
pub fn is_title_head(doc: &Doc, i: usize) -> bool {
    title_at(doc, i).is_some_and(|(class, ..)| class != TitleClass::Modifier)
}

fn title_at(doc: &Doc, i: usize) -> Option<(TitleClass, Gender, usize, u8)> {
    title_from(doc, i, doc.phrase_at(&doc.lex.titles, i))
}

/// The title at token `i`, whose entry in the title lexicon is `entry`
/// (see [`TitleEntry`]).
fn title_from(doc: &Doc, i: usize, entry: Option<TitleEntry>) -> Option<(TitleClass, Gender, usize, u8)> {
    if let Some(m) = entry {
        // folding merges `شقيقة` (sister) with `شقيقه` (his brother): the
        // written taa marbuta is feminine
        let gender = if m.last == i && doc.surface(i).ends_with('ة') { Gender::Feminine } else { m.value.gender };
        return Some((m.value.class, gender, m.last, m.prefix_chars));
    }
    // an indefinite head in the accusative after `إن`/`أن` (`مسؤولا`,
    // `مصدرا`): the tanween alif is case, not part of the word
    // (the final letter tested on the key's bytes first: most words are
    // asked about here, few end in alif)
    let accusative = doc.toks.key_bytes(i).ends_with("ا".as_bytes());
    if let Some(stem) = accusative.then(|| doc.key(i)).and_then(|k| k.strip_suffix('ا')).filter(|s| has_chars(s, 3)) {
        use crate::lexicon::PhraseSet;
        let titles = &doc.lex.titles;
        let head = titles.step(PhraseSet::<crate::lexicon::TitleInfo>::ROOT, doc.lex.vocab.get(stem)).and_then(|n| titles.value(n));
        if let Some(t) = head.filter(|t| t.class == TitleClass::Head) {
            return Some((t.class, t.gender, i, 0));
        }
    }
    // `د.`, `م.`, `أ.`: a one-letter abbreviation with its period (Dr., Eng.)
    // (most words are followed by a space: tested inline, before a call)
    let before_punct = matches!(doc.kind(i + 1), TokenKind::Punct | TokenKind::Quote);
    if before_punct && doc.punct(i + 1) == Some('.') && doc.kind(i) == TokenKind::Word && doc.surface(i).chars().count() == 1 {
        return Some((TitleClass::Honorific, Gender::Unknown, i + 1, 0));
    }
    None
}

/// A place or body inside a title, glued to its preposition:
/// `الناطق الإعلامي بشرطة منطقة عسير`, `مدير التعليم بمحافظة جدة`.
fn title_complement(doc: &Doc, j: usize) -> Option<usize> {
    let k = doc.key(j);
    if !(k.starts_with('ب') || k.starts_with('ل')) {
        return None;
    }
    let m = doc.phrase_at(&doc.lex.org_heads, j).map(|m| m.last)
        .or_else(|| doc.phrase_at(&doc.lex.gazetteer, j).map(|m| m.last))
        .or_else(|| doc.phrase_at(&doc.lex.titles, j).filter(|m| m.prefix_chars > 0).map(|m| m.last))?;
    Some(m)
}

/// Whether `key` begins with one of `prefixes` (compared as bytes: the
/// generic `str` pattern search costs more for these two-to-four letters).
#[inline(always)]
fn starts_with_any(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| key.as_bytes().starts_with(p.as_bytes()))
}

/// A given name found at a token (with or without a clitic).
type Given<'a> = Option<PhraseMatch<'a, Gender>>;

/// The given name at token `i`: looked up once for a name start and handed
/// to the tests that ask for it (the start test, the extent, the gender).
fn given_at<'a>(doc: &Doc<'a>, i: usize) -> Given<'a> {
    doc.phrase_at(&doc.lex.given_names, i)
}

/// Whether token `i` is a given name written without a clitic.
fn is_given_name(doc: &Doc, i: usize) -> bool {
    given_at(doc, i).is_some_and(|m| m.prefix_chars == 0)
}

fn is_definite(doc: &Doc, i: usize) -> bool {
    // (on the key's bytes: the `str` slice checks char boundaries)
    doc.toks.key_bytes(i).starts_with("ال".as_bytes())
}

fn is_nationality(doc: &Doc, i: usize) -> bool {
    doc.word_full(i).and_then(|w| w.nationality).is_some()
}

/// Whether token `i` starts a name: a given name, or an indefinite word
/// no lexicon claims.
fn can_start_name(doc: &Doc, i: usize) -> bool {
    can_start_name_with(doc, i, false, || given_at(doc, i), || title_at(doc, i).is_some())
}

/// [`can_start_name`] with what the caller may know already: that token `i`
/// is a word and no stop word (`known_word`), its given name and whether a
/// title starts at it (asked at most once each, and only when needed).
fn can_start_name_with<'a>(doc: &Doc<'a>, i: usize, known_word: bool, given: impl FnOnce() -> Given<'a>, titled: impl FnOnce() -> bool) -> bool {
    // `باسم` is the given name when a name follows (`المتحدث باسم الحكومة
    // باسم خالد`), else `in the name of`
    if doc.key(i) == "باسم" {
        return doc.next_word(i).is_some_and(|n| doc.key(n) != "باسم" && !is_definite(doc, n) && can_start_name(doc, n));
    }
    // `آل عواض`, `آل ثاني`: a family's name opens with آل
    if doc.surface(i) == "آل" {
        return doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n));
    }
    if !known_word && (doc.kind(i) != TokenKind::Word || is_stop_word(doc, i)) {
        return false;
    }
    if given().is_some_and(|m| m.prefix_chars == 0) {
        return true; // before the clitic check: `فالح`, `بلال`, `كمال`
    }
    // the rest only turns words away: the tests without a lookup by string
    // come first
    // a preposition and article glued on (`بالرد`, `للصحفيين`) start a
    // prepositional phrase, never a name
    let k = doc.key(i);
    if starts_with_any(k, &["بال", "لل", "كال", "فال", "وبال", "ولل"]) {
        return false;
    }
    if is_definite(doc, i) || is_nationality(doc, i) {
        return false;
    }
    // a word that is only known as a stem with a clitic (`لروسيا`) is not a name start
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD {
        return false;
    }
    if !has_chars(doc.surface(i), 2) {
        return false;
    }
    // a present-tense or future verb (`يرصد`, `ينفق`, `سيشرف`) is no name
    if (k.starts_with('ي') || k.starts_with("سي") || k.starts_with("ست")) && has_chars(k, 4) && ids.full() == NO_WORD {
        return false;
    }
    // an ordinary word (`جانب`, `حملة`, `سابق`) does not start a name, nor
    // one with a clitic letter glued on (`بلقب`, `كأفضل`, `وإصابة`; `بوتين`
    // and `لافروف` are no clitic + word)
    if is_common_word(doc, i, COMMON_START_RANK) {
        return false;
    }
    // an ordinary noun in the accusative (`مصدرا`, `شاهدا`)
    if k.strip_suffix('ا').filter(|s| has_chars(s, 3)).and_then(|s| doc.lex.common_rank(s)).is_some_and(|r| r < COMMON_START_RANK) {
        return false;
    }
    let rest = k.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف']).unwrap_or("");
    if !rest.is_empty() && (doc.lex.common_rank(rest).is_some() || CONNECTORS.contains(&rest)) {
        return false;
    }
    // `جهات سورية`, `مصادر عراقية`: a noun before an indefinite nationality
    if doc.next_word(i).is_some_and(|n| !is_definite(doc, n) && (is_nationality(doc, n) || (doc.key(n).ends_with("يه") && doc.phrase_at(&doc.lex.gazetteer, n).is_some()))) {
        return false;
    }
    // `وإخوانه`, `وسيرافقها`: a conjunction before a word with a pronoun;
    // `وواصل حسين`: before a given name, a verb and its subject
    if k.starts_with('و') && has_chars(rest, 3) {
        let pronoun = ["ه", "ها", "هم", "هما"].iter().any(|e| rest.ends_with(e)) && doc.surface(i).ends_with(['ه', 'ا', 'م']);
        let before_given = doc.next_word(i).is_some_and(|n| is_given_name(doc, n));
        if pronoun || before_given {
            return false;
        }
    }
    !(titled() || doc.phrase_at(&doc.lex.org_heads, i).is_some())
}


/// `علي` folds to the preposition `على`; written with ي right after a
/// title and before a name word (`المرشد الإيراني علي خامنئي`) it is the name.
fn is_ali_after_title(doc: &Doc, i: usize) -> bool {
    // names that fold to a function word: `علي` (على), `آنا` (أنا)
    matches!(doc.surface(i), "علي" | "آنا" | "آن")
        && doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n))
}

/// Ranks (in `data/common_words.tsv`) below which a word is too ordinary to
/// start a name, or to continue one.
const COMMON_START_RANK: u16 = 4000;
const COMMON_CONTINUE_RANK: u16 = 1500;

/// Whether token `i` is one of the most frequent Arabic words that are not
/// names (rank below `max_rank`).
fn is_common_word(doc: &Doc, i: usize, max_rank: u16) -> bool {
    doc.lex.common_rank(doc.key(i)).is_some_and(|r| r < max_rank)
}

/// Whether token `n` cannot continue a name: a function word, a verb of
/// saying, a word with a preposition glued on, a number or punctuation.
fn ends_name(doc: &Doc, n: usize) -> bool {
    if doc.kind(n) != TokenKind::Word || is_stop_word(doc, n) {
        return true;
    }
    let k = doc.key(n);
    k.starts_with("لل") // `للصحفيين`: preposition and article
        || (k.starts_with('ل') || k.starts_with('ب')) && doc.ids[n].full() == NO_WORD
        || is_common_word(doc, n, COMMON_CONTINUE_RANK)
        || title_at(doc, n).is_some()
}

/// Extends a name starting at `i`; returns its last token.
/// (`given`: [`given_at`] of token `i`, which the caller has looked up.)
fn name_extent(doc: &Doc, i: usize, given: Given) -> usize {
    let mut last = i;
    if let Some(m) = given {
        last = m.last;
    }
    // a name that opens with a given name (`حبيب`, also an ordinary word)
    let given_first = given.is_some() || doc.phrase_at(&doc.lex.ambiguous_given_names, i).is_some();
    let mut words = 1;
    while words < MAX_NAME_WORDS {
        let Some(j) = doc.next_word(last) else { break };
        if doc.kind(j) != TokenKind::Word || is_stop_word(doc, j) {
            break;
        }
        let k = doc.key(j);
        if CONNECTORS.contains(&k) {
            // a connector needs a following name word
            match doc.next_word(j) {
                Some(n) if doc.kind(n) == TokenKind::Word && (!is_stop_word(doc, n) || doc.surface(n) == "علي") => {
                    last = n;
                    words += 2;
                    continue;
                }
                _ => break,
            }
        }
        // a preposition and article glued on: `للصحفيين`, `بالمدينة`
        if starts_with_any(k, &["لل", "بال", "وال", "كال", "فال"]) {
            break;
        }
        // (every way on from here asks, once)
        let title = title_at(doc, j);
        // a nisba surname after a given name: `حبيب الغربي`, `محمد المصري`
        if is_definite(doc, j) && (!is_nationality(doc, j) || given_first) && doc.phrase_at(&doc.lex.org_heads, j).is_none() {
            // a definite family name (`علي الشبل`, `صالح الأمين`, `منى
            // الشريف`, even when it is also a title word) only as the last
            // word, before what cannot be a name
            let after = doc.next_word(j);
            let ends = doc.next_non_space(j).is_none_or(|n| !doc.tokens[n].is_wordlike())
                || after.is_none_or(|n| ends_name(doc, n));
            // `آدم أرون الرئيس التنفيذي للشركة`: a title head with its own
            // modifiers opens an apposition, not a family name
            let apposition = title.is_some_and(|(class, ..)| class != TitleClass::Modifier)
                && after.is_some_and(|n| doc.key(n) == "باسم" || (!is_stop_word(doc, n) && (title_at(doc, n).is_some() || is_definite(doc, n))));
            if family_name_shape(k, doc.surface(j)) && ((ends && !apposition) || (words == 1 && title.is_none())) {
                last = j;
            }
            break;
        }
        // a surname that is also a title or nationality word (`جهاد سعادة`,
        // `أنطونيو روسي`) right after a given name, ending the name
        // (not with a conjunction: `حسين وزوجته`)
        if words == 1 && given_first && (title.is_some_and(|(.., p)| p == 0) || is_nationality(doc, j)) {
            let ends = doc.next_non_space(j).is_none_or(|n| !doc.tokens[n].is_wordlike()) || doc.next_word(j).is_none_or(|n| ends_name(doc, n));
            if ends {
                last = j;
            }
            break;
        }
        if title.is_some() || is_nationality(doc, j) || doc.phrase_at(&doc.lex.org_heads, j).is_some() {
            break;
        }
        if doc.phrase_at(&doc.lex.gazetteer, j).is_some() && !is_definite(doc, j) {
            // `يوري ميلنر` yes, `لافروف روسيا` no: a known place ends the name
            break;
        }
        let ids = doc.ids[j];
        if ids.full() == NO_WORD && ids.stem() != NO_WORD {
            break; // `لروسيا`, `بالمدينة`: a clitic word is not a name part
        }
        // past two words a name needs stronger evidence: the object of the
        // sentence often follows it (`محمد صلاح هدفين`, `جورجا ميلوني
        // دعمها`, `ماكرون بنتائج القمة`, `محمود عباس وفدا`)
        if words >= 2 && doc.phrase_at(&doc.lex.given_names, j).is_none() {
            let n = k.chars().count();
            // (a foreign surname may start with those letters, `بيتزي`: no
            // known word after the letter, no pronoun or taa marbuta at the
            // end, no alif-initial verbal noun, and the name ends after it)
            let foreign = k.strip_prefix(['ب', 'ل', 'ك', 'ف']).is_some_and(|r| {
                ids.stem() == NO_WORD
                    && doc.lex.common_rank(r).is_none()
                    && !r.starts_with('ا')
                    && !["ه", "ها", "هم", "هما", "كم", "نا"].iter().any(|e| r.ends_with(e))
                    && doc.next_word(j).is_none_or(|n| ends_name(doc, n))
            });
            let clitic = (k.starts_with('ب') || k.starts_with('ل') || k.starts_with('ك') || k.starts_with('ف')) && ids.full() == NO_WORD && n >= 5 && !foreign;
            let accusative = k.ends_with('ا') && n >= 4 && doc.lex.common_rank(&k[..k.len() - 'ا'.len_utf8()]).is_some();
            let inflected = k.ends_with("ين") || k.ends_with("ات");
            if is_common_word(doc, j, COMMON_START_RANK) || clitic || accusative || inflected {
                break;
            }
        }
        // `حسين وزوجته`, `حسين وأصدقائه`, `هادئا وواثقا`: a conjunction
        // joins another noun (`إيما واتسون` is a surname: nothing after و
        // is a word there)
        if let Some(rest) = k.strip_prefix('و').filter(|r| r.chars().count() >= 3 && doc.phrase_at(&doc.lex.given_names, j).is_none()) {
            let suffix = ["ه", "ها", "هم", "هما"].iter().any(|e| rest.ends_with(e)) || rest.ends_with('ا');
            let clitic = rest.starts_with("ال") || rest.starts_with("لل") || rest.starts_with("بال") || rest.starts_with('ب') && doc.lex.common_rank(&rest['ب'.len_utf8()..]).is_some();
            if suffix || clitic || doc.lex.common_rank(rest).is_some() {
                break;
            }
        }
        // `بيتزي برأيه`: a preposition, a noun and a pronoun
        // (`ميشيل بارنيه` is a surname: `ارني` is no word)
        let noun_with_pronoun = k.strip_prefix(['ب', 'ل']).and_then(|r| r.strip_suffix('ه')).is_some_and(|r| r.chars().count() >= 2 && doc.lex.common_rank(r).is_some());
        if noun_with_pronoun && doc.surface(j).ends_with('ه') && doc.phrase_at(&doc.lex.given_names, j).is_none() {
            break;
        }
        // `حسين عمله`: a common noun with the pronoun ه (written ه, not ة)
        if doc.surface(j).ends_with('ه') && k.strip_suffix('ه').is_some_and(|r| r.chars().count() >= 2 && doc.lex.common_rank(r).is_some()) {
            break;
        }
        // a possessive pronoun ends a noun, not a name: `دعمها`, `فريقهم`
        if (k.ends_with("ها") || k.ends_with("هم") || k.ends_with("هما")) && k.chars().count() >= 4 && doc.phrase_at(&doc.lex.given_names, j).is_none() {
            break;
        }
        // `مايكل تعرض`, `جاكسون صحيا`; but nouns in ة are common surnames
        // (`جهاد سعادة`, `أحمد حمادة`)
        // (`أندريه ميكيل مرة`: the most common of them are not)
        if is_common_word(doc, j, COMMON_CONTINUE_RANK) && doc.phrase_at(&doc.lex.given_names, j).is_none() && (!k.ends_with('ه') || is_common_word(doc, j, 300)) {
            break;
        }
        last = j;
        words += 1;
    }
    last
}

/// Whether a definite word after a given name can be a family name
/// (`الشبل`, `الأسد`, `التميمي`): not a verbal noun (`التوجه`, `التنقل`,
/// `الإفصاح`) nor a feminine noun (`الأيدولوجية`).
fn family_name_shape(key: &str, surface: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال") else { return true };
    let chars = stem.chars().count();
    let nisba = stem.ends_with('ي');
    // written ة (`العبدالله` ends in ه and is a name)
    let feminine = surface.ends_with('ة');
    let tafaul = stem.starts_with('ت') && chars >= 4 && !nisba;
    let ifaal = chars == 5 && stem.starts_with('ا') && stem.chars().nth(3) == Some('ا');
    !(feminine || tafaul || ifaal)
}

/// Whether a definite word has the shape of an adjective: a nisba
/// (`المدني`, `الرسمية`), a feminine or plural ending, a participle
/// (`المسلحة`, `المعارض`) or an elative (`الأعلى`, `الأحمر`).
fn looks_like_adjective(key: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال") else { return false };
    ["ي", "ه", "ين", "ون"].iter().any(|e| stem.ends_with(e))
        || stem.starts_with('م')
        || (stem.starts_with('ا') && stem.chars().count() == 4)
}

/// The entry of the title lexicon at a token: `doc.phrase_at(&doc.lex.titles, i)`.
pub type TitleEntry<'a> = PhraseMatch<'a, TitleInfo>;

/// Parses the noun phrase that starts at token `i` (the subject after a
/// verb, or a title in running text).
pub fn parse(doc: &Doc, i: usize) -> Option<NounPhrase> {
    parse_with_title(doc, i, None)
}

/// [`parse`] with the title entry at token `i` when the caller has looked
/// it up already (`Some` of what `doc.phrase_at(&doc.lex.titles, i)`
/// gives): it is not looked up again.
pub fn parse_with_title<'a>(doc: &Doc<'a>, i: usize, title_entry: Option<Option<TitleEntry<'a>>>) -> Option<NounPhrase> {
    debug_assert!(title_entry.is_none_or(|e| e == doc.phrase_at(&doc.lex.titles, i)));
    if i >= doc.len() || doc.kind(i) != TokenKind::Word || is_stop_word(doc, i) {
        return None;
    }
    // `بلاغ وزارة الثقافية`, `بيان الخارجية`: a document speaks for its issuer
    if let Some(m) = doc.phrase_at(&doc.lex.document_nouns, i).filter(|m| m.prefix_chars == 0) {
        // `بيان صادر عن الرئاسة التركية`
        let mut after = doc.next_word(m.last);
        if let Some(a) = after.filter(|&a| matches!(doc.key(a), "صادر" | "صادره")) {
            if let Some(b) = doc.next_word(a).filter(|&b| doc.key(b) == "عن") {
                after = doc.next_word(b);
            }
        }
        if let Some(n) = after {
            if let Some(np) = parse(doc, n) {
                let org = doc.phrase_at(&doc.lex.org_heads, n).is_some()
                    || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0);
                if org || np.kind == PhraseKind::Person {
                    return Some(np);
                }
            }
        }
    }
    let mut gender = Gender::Unknown;
    let mut title_last = None;
    let first = i;
    let prefix_chars = 0u8;
    // honorifics and titles
    let title_i = match title_entry {
        Some(entry) => title_from(doc, i, entry),
        None => title_at(doc, i),
    };
    if let Some((class, g, last, _)) = title_i {
        if class != TitleClass::Modifier {
            gender = g;
            let mut t_last = last;
            let mut words = 1;
            // the last title and given-name lookups with their token: the
            // next word's tests ask about the same tokens again (`t_last`
            // after `j`, the name start after the word the loop stopped at)
            let mut seen_title = None;
            let mut seen_given = None;
            while words < MAX_TITLE_WORDS {
                // a quoted name inside a title: `مؤسس حملة "بيروت برايد"`
                if let Some(q) = doc.next_non_space(t_last).filter(|&q| doc.kind(q) == TokenKind::Quote) {
                    let quoted = doc.toks.quotes.iter().find(|s| s.open == q && s.close.is_some());
                    if let Some(s) = quoted.filter(|s| s.content().filter(|&t| doc.tokens[t].is_wordlike()).count() <= 4) {
                        t_last = s.content_end;
                        words += 1;
                        continue;
                    }
                }
                let Some(j) = doc.next_word(t_last) else { break };
                if doc.kind(j) != TokenKind::Word {
                    break;
                }
                // `المتحدث باسم`: `باسم` is also a given name
                let body = |n: usize| !is_stop_word(doc, n)
                    && (is_definite(doc, n) || doc.phrase_at(&doc.lex.org_heads, n).is_some() || doc.phrase_at(&doc.lex.gazetteer, n).is_some());
                if doc.key(j) == "باسم" && doc.next_word(j).is_some_and(body) {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a given name starts the name, even one that is also a
                // place (`منى`) or a title word
                let given_j = given_at(doc, j);
                seen_given = Some((j, given_j));
                if given_j.is_some_and(|m| m.prefix_chars == 0)
                    || doc.phrase_at(&doc.lex.ambiguous_given_names, j).is_some_and(|m| m.prefix_chars == 0)
                {
                    break;
                }
                if let Some(l) = title_complement(doc, j) {
                    t_last = l;
                    words += 1;
                    continue;
                }
                // a news agency after an adjective is the addressee
                // (`مسؤول عراقي رفيع وكالة فرانس برس`)
                let title_of = |n: usize, seen: Option<(usize, Option<_>)>| match seen {
                    Some((at, title)) if at == n => title,
                    _ => title_at(doc, n),
                };
                let adjective_before = t_last != i && (doc.key(t_last).ends_with('ي') || title_of(t_last, seen_title).is_some_and(|(c, ..)| c == TitleClass::Modifier));
                if adjective_before && doc.phrase_at(&doc.lex.agencies, j).is_some() {
                    break;
                }
                let title_j = title_at(doc, j);
                seen_title = Some((j, title_j));
                if let Some((_, _, l, p)) = title_j {
                    if p == 0 || doc.key(j).starts_with('ل') {
                        t_last = l;
                        words += 1;
                        continue;
                    }
                }
                if is_stop_word(doc, j) {
                    // `المتحدث باسم`: function words that belong to titles
                    if doc.key(j) == "باسم" {
                        t_last = j;
                        words += 1;
                        continue;
                    }
                    // `المبعوث الأممي إلى اليمن`, `السفير لدى فرنسا`, `مدير الأمن في عدن`
                    if matches!(doc.key(j), "الي" | "لدي" | "في") {
                        // `أستاذ العلوم السياسية في جامعة بغداد الدكتور ...`
                        if let Some(h) = doc.next_word(j).filter(|&n| doc.phrase_at(&doc.lex.org_heads, n).is_some()) {
                            if let Some(g) = doc.next_word(h).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)).filter(|g| g.prefix_chars == 0) {
                                t_last = g.last;
                                words += 3;
                                continue;
                            }
                        }
                        if let Some(g) = doc.next_word(j).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)) {
                            if g.prefix_chars == 0 && doc.next_word(g.last).is_some_and(|n| can_start_name(doc, n)) {
                                t_last = g.last;
                                words += 2;
                                continue;
                            }
                        }
                    }
                    break;
                }
                // an indefinite adjective after an indefinite head: `مسؤول عسكري`
                let kj = doc.key(j);
                if words == 1 && !is_definite(doc, i) && (kj.ends_with('ي') || kj.ends_with("يا")) && !kj.starts_with('و')
                    && doc.phrase_at(&doc.lex.given_names, j).is_none()
                {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a construct chain: `قائد عمليات نينوى`, `رئيس بلدية بيروت`
                // (only right after an indefinite word: after `اللبنانية` an
                // indefinite word starts the name)
                // (and never after an adjective: `مسؤول عراقي رفيع وكالة
                // فرانس برس`, the agency is the addressee)
                let after_adjective = t_last != i && doc.key(t_last).ends_with('ي');
                if !is_definite(doc, t_last) && !after_adjective
                    && !is_definite(doc, j) && doc.phrase_at(&doc.lex.given_names, j).is_none() && !is_common_word(doc, j, 300) {
                    let chain = doc.next_word(j).is_some_and(|n| {
                        (is_definite(doc, n) && !is_stop_word(doc, n)) || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0)
                    });
                    if chain && !doc.key(j).starts_with('و') {
                        t_last = j;
                        words += 1;
                        continue;
                    }
                }
                // `والمساواة` in `للحريات والمساواة`: a conjoined definite
                if doc.key(j).starts_with("وال") && words >= 2 {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a place in a title: `وزير خارجية روسيا`, `بشرطة منطقة عسير`
                if let Some(g) = doc.phrase_at(&doc.lex.gazetteer, j).filter(|g| g.prefix_chars == 0) {
                    // and a body: `أمين عام منظمة أوبك`
                    let ty = doc.lex.gazetteer_entries[*g.value as usize].entity_type;
                    let body_before = doc.phrase_at(&doc.lex.org_heads, t_last).is_some();
                    if ty == crate::lexicon::EntityType::Location || (ty == crate::lexicon::EntityType::Organization && body_before) {
                        t_last = g.last;
                        words += g.words;
                        continue;
                    }
                }
                let k = doc.key(j);
                // definite modifiers and genitives `للحزب`, `لشؤون` (a known
                // stem: `للصحفيين` is the addressee, not part of the title)
                // (`للانتخابات` right before the name: `رئيس الهيئة العليا
                // المستقلة للانتخابات سامي بن رمضان`)
                let before_given = doc.next_word(j).is_some_and(|n| is_given_name(doc, n));
                if is_definite(doc, j) || is_nationality(doc, j) || (k.starts_with("لل") && (doc.ids[j].stem() != NO_WORD || before_given)) {
                    t_last = j;
                    words += 1;
                    continue;
                }
                if k.starts_with('ل') && doc.ids[j].stem() != NO_WORD {
                    t_last = j;
                    words += 1;
                    continue;
                }
                break;
            }
            let title = Some((i, t_last));
            let cur = t_last;
            // the name may follow after a comma: `الرئيس الأمريكي، دونالد ترامب`
            let next = doc.next_non_space(cur)?;
            let name_start = if matches!(doc.punct(next), Some('،' | ',')) { doc.next_word(next) } else { Some(next) };
            // an ambiguous given name right after a title is the name when a
            // name word follows it (`سيدي محمد ولد أحمد`)
            let ambiguous_given = |n: usize| {
                !is_stop_word(doc, n)
                    && doc.phrase_at(&doc.lex.ambiguous_given_names, n).is_some_and(|m| m.prefix_chars == 0)
                    && doc.next_word(n).is_some_and(|w| can_start_name(doc, w))
            };
            let given_n = name_start.map(|n| match seen_given {
                Some((at, given)) if at == n => given,
                _ => given_at(doc, n),
            });
            let starts = |n: usize| can_start_name_with(doc, n, false, || given_n.flatten(), || title_at(doc, n).is_some());
            if let Some(n) = name_start.filter(|&n| starts(n) || is_ali_after_title(doc, n) || ambiguous_given(n)) {
                let given_n = given_n.flatten();
                let last = name_extent(doc, n, given_n);
                if let Some(m) = given_n {
                    if gender == Gender::Unknown {
                        gender = *m.value;
                    }
                }
                return Some(NounPhrase {
                    first,
                    last,
                    prefix_chars,
                    title,
                    name: Some((n, last, 0)),
                    gender,
                    kind: PhraseKind::Person,
                });
            }
            // an indefinite head with no name is an unnamed source, read as
            // a description below (`مسؤول محلي في حلب`); a definite one
            // (`الوزير`, `رئيس الوزراء`) refers back to someone named
            if is_definite(doc, i) || is_definite(doc, cur) {
                return Some(NounPhrase { first, last: cur, prefix_chars, title, name: None, gender, kind: PhraseKind::Description });
            }
            // the title's own words stay (`متحدثة باسم الجيش`, `مسؤول بالوزارة`)
            // but not the addressee (`مسؤول رفيع المستوى للصحفيين`)
            let addressee = cur > i && doc.key(cur).starts_with("لل");
            title_last = Some(if addressee { doc.prev_non_space(cur).unwrap_or(i) } else { cur });
        }
    }
    // an occupation the lexicon lacks before a given name: `المزارع علي
    // حمدان`, `الطالبة سارة منصور`
    if is_definite(doc, i) && !is_nationality(doc, i) && doc.phrase_at(&doc.lex.gazetteer, i).is_none() {
        if let Some(n) = doc.next_word(i) {
            let given_n = given_at(doc, n);
            if given_n.is_some_and(|m| m.prefix_chars == 0) || is_ali_after_title(doc, n) {
                let last = name_extent(doc, n, given_n);
                let g = given_n.map_or(Gender::Unknown, |m| *m.value);
                return Some(NounPhrase { first, last, prefix_chars, title: Some((i, i)), name: Some((n, last, 0)), gender: g, kind: PhraseKind::Person });
            }
        }
    }
    // (token `i` is a word and no stop word: tested on entry; its title
    // was looked up there too)
    if doc.phrase_at(&doc.lex.gazetteer, i).is_none() {
        let given_i = given_at(doc, i);
        if can_start_name_with(doc, i, true, || given_i, || title_i.is_some()) {
            let last = name_extent(doc, i, given_i);
            if let Some(m) = given_i {
                gender = *m.value;
            }
            return Some(NounPhrase { first, last, prefix_chars, title: None, name: Some((i, last, 0)), gender, kind: PhraseKind::Person });
        }
    }
    // a description: `وزارة الشؤون الثقافية`, `مصدر أمني`, `علماء`, `الجيش`
    // — never a word with a preposition glued to it (`بشرطة`, `للصحفيين`)
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD && !ids.conj() {
        return None;
    }
    if starts_with_any(doc.key(i), &["بال", "لل", "كال", "وبال", "ولل"]) {
        return None;
    }
    // an unknown word with a preposition glued on (`بإصلاح`, `لتقليص`)
    let k = doc.key(i);
    if (k.starts_with('ب') || k.starts_with('ل') || k.starts_with('ك')) && ids.full() == NO_WORD && k.chars().count() >= 5 {
        return None;
    }
    let org = doc.phrase_at(&doc.lex.org_heads, i).is_some();
    let gaz = doc.phrase_at(&doc.lex.gazetteer, i);
    let mut last = title_last.or(gaz.map(|m| m.last)).unwrap_or(i);
    let mut words = 1;
    while words < 7 {
        // a body's own name in quotation marks: `منظمة "مراسلون بلا حدود"`
        if let Some(q) = doc.next_non_space(last).filter(|&q| doc.kind(q) == TokenKind::Quote && words == 1 && !is_definite(doc, i)) {
            let quoted = doc.toks.quotes.binary_search_by_key(&q, |s| s.open).ok().map(|x| doc.toks.quotes[x]);
            if let Some(s) = quoted.filter(|s| s.close.is_some() && s.content().filter(|&t| doc.tokens[t].is_wordlike()).count() <= 4) {
                last = s.content_end;
                words += 1;
                continue;
            }
            break;
        }
        let Some(j) = doc.next_word(last) else { break };
        // a construct chain after an indefinite head, closed by a definite
        // word or an adjective: `مهرجان أيام قرطاج المسرحية`, `وسائل
        // إعلام سورية`
        if words == 1 && !is_definite(doc, i) && !is_definite(doc, j) && !is_stop_word(doc, j) && !doc.key(j).starts_with('و')
            && doc.phrase_at(&doc.lex.given_names, j).is_none() && (doc.ids[j].full() != NO_WORD || doc.lex.common_rank(doc.key(j)).is_some() || doc.next_word(j).is_some_and(|n| is_nationality(doc, n))) || (words == 1 && !is_definite(doc, i) && doc.phrase_at(&doc.lex.gazetteer, j).is_some_and(|g| g.prefix_chars == 0))
        {
            let closes = |n: usize| (is_definite(doc, n) && !is_stop_word(doc, n)) || is_nationality(doc, n);
            let mut end = j;
            let mut k = 0;
            while k < 2 && !doc.next_word(end).is_some_and(closes) {
                match doc.next_word(end).filter(|&n| !is_definite(doc, n) && !is_stop_word(doc, n) && !doc.key(n).starts_with('و')) {
                    Some(n) => end = n,
                    None => break,
                }
                k += 1;
            }
            if let Some(c) = doc.next_word(end).filter(|&n| closes(n)) {
                last = c;
                words += 2 + k;
                continue;
            }
        }
        // an unnamed source placed by a prepositional phrase: `مسؤول في
        // الوزارة`, `مصدر مقرب من رئاسة الحكومة`, `مسؤول محلي في منبج`
        // (only after a common noun: `أوباما في واشنطن` is a name and a place)
        // (the cheap tests first: the head's rank is a lookup by string)
        let common_head = || title_last.is_some() || doc.ids[i].full() != NO_WORD || doc.lex.common_rank(doc.key(i)).is_some();
        if matches!(doc.key(j), "في" | "من" | "داخل") && !is_definite(doc, i) && common_head() {
            if let Some(n) = doc.next_word(j) {
                let org = doc.phrase_at(&doc.lex.org_heads, n);
                let gaz = doc.phrase_at(&doc.lex.gazetteer, n).filter(|g| g.prefix_chars == 0);
                if let Some(g) = gaz {
                    last = g.last;
                    break;
                }
                if org.is_some() || (is_definite(doc, n) && !is_stop_word(doc, n)) {
                    last = n;
                    // the head's complement: `وزارة النفط`, `رئاسة الحكومة`
                    if org.is_some() {
                        if let Some(c) = doc.next_word(n).filter(|&c| is_definite(doc, c) && !is_stop_word(doc, c)) {
                            last = c;
                            // and its adjectives: `وزارة الداخلية العراقية`
                            while let Some(a) = doc.next_word(last).filter(|&a| is_nationality(doc, a) || (is_definite(doc, a) && doc.key(a).ends_with("يه"))) {
                                last = a;
                            }
                        }
                    }
                    break;
                }
            }
        }
        // a negated adjective ends the phrase: `مصادر غير رسمية`,
        // `المصادر غير الرسمية`
        if doc.key(j) == "غير" {
            if let Some(a) = doc.next_word(j).filter(|&a| !is_stop_word(doc, a)) {
                if ["ي", "يه", "ه"].iter().any(|e| doc.key(a).ends_with(e)) {
                    last = a;
                }
            }
            break;
        }
        if doc.kind(j) != TokenKind::Word || is_stop_word(doc, j) {
            break;
        }
        let k = doc.key(j);
        let conj_def = org && (k.starts_with("وال") || k.starts_with("ولل"));
        // `للحزب` continues an institution's name; elsewhere `ل` introduces
        // the addressee (`قال المصدر لوكالة ...`)
        let genitive = org && (k.starts_with("لل") || (k.starts_with('ل') && doc.ids[j].stem() != NO_WORD && words < 4));
        // after a definite head only an adjective follows (`الدفاع المدني`,
        // `القوات المسلحة`); a definite noun is the verb's object
        // (`ووصف الدفاع المدني الحريق بأنه`)
        let definite_ok = !is_definite(doc, i) || org || looks_like_adjective(k);
        if (is_definite(doc, j) && definite_ok) || is_nationality(doc, j) || conj_def || genitive || (org && !is_definite(doc, i) && words < 3 && !k.starts_with('و')) {
            last = j;
            words += 1;
            continue;
        }
        // an indefinite adjective after an indefinite noun: `مصدر أمني`,
        // `مصدر مطلع`, `مسؤول رفيع`
        let modifier = doc.phrase_at(&doc.lex.titles, j).is_some_and(|m| m.value.class == TitleClass::Modifier && m.prefix_chars == 0)
            // `مصدر يمني مسؤول`: after a noun that is no title, `مسؤول` is the adjective
            || (matches!(k, "مسوول" | "مسووله" | "مسوولون" | "مسوولين") && title_last.is_none()); // folded: ؤ is و
        // (`مسؤولا محليا` in the accusative, after `إن`/`أن`)
        if words <= 3 && !is_definite(doc, i) && doc.phrase_at(&doc.lex.given_names, j).is_none() && (k.ends_with('ي') || ((k.ends_with("يون") || k.ends_with("يين")) && !k.starts_with('ل')) || k.ends_with("يه") || k.ends_with("يا") || modifier || (k.starts_with('م') && k.ends_with('ه') && words == 2)) && !k.starts_with('و') {
            last = j;
            words += 1;
            continue;
        }
        break;
    }
    // a role the title lexicon lacks, then a given name: `محافظة البنك
    // المركزي سلوى الدباغ` (`محافظة` is mostly `governorate`)
    if let Some((n, given_n)) = doc.next_word(last).map(|n| (n, given_at(doc, n))).filter(|(_, g)| g.is_some_and(|m| m.prefix_chars == 0)) {
        if is_definite(doc, last) && !org && gaz.is_none() {
            let name_last = name_extent(doc, n, given_n);
            let g = given_n.map_or(gender, |m| *m.value);
            return Some(NounPhrase { first, last: name_last, prefix_chars, title: Some((first, last)), name: Some((n, name_last, 0)), gender: g, kind: PhraseKind::Person });
        }
    }
    Some(NounPhrase { first, last, prefix_chars, title: None, name: None, gender, kind: PhraseKind::Description })
}


/// The word lists of these rules (`data/words/names.tsv`).
#[derive(Debug)]
pub struct Words {}

impl Words {
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/names.tsv");
        let file = crate::lexicon::lists::ListFile::parse(name, text)?;
        file.finish()?;
        Ok(Words {})
    }
}
