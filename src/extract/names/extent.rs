//! How far a name runs: connectors, a family name, and what ends it.

use crate::extract::doc::Doc;
use super::start::{is_common_word, is_definite, is_nationality, starts_with_any, Given, COMMON_CONTINUE_RANK, COMMON_START_RANK};
use super::title::title_at;
use super::is_stop_word;
use crate::lexicon::{TitleClass, NO_WORD};
use crate::tokenizer::TokenKind;


/// Words inside a name that join its parts.
pub(super) const CONNECTORS: &[&str] = &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "دي", "دو", "فان", "فون", "ولد", "لا", "بو"];

/// Words that look like names but head generic noun phrases of speakers.
pub(super) const MAX_NAME_WORDS: usize = 5;


/// Whether token `n` cannot continue a name: a function word, a verb of
/// saying, a word with a preposition glued on, a number or punctuation.
pub(super) fn ends_name(doc: &Doc, n: usize) -> bool {
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
pub(super) fn name_extent(doc: &Doc, i: usize, given: Given) -> usize {
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
pub(super) fn family_name_shape(key: &str, surface: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال") else { return true };
    let chars = stem.chars().count();
    let nisba = stem.ends_with('ي');
    // written ة (`العبدالله` ends in ه and is a name)
    let feminine = surface.ends_with('ة');
    let tafaul = stem.starts_with('ت') && chars >= 4 && !nisba;
    let ifaal = chars == 5 && stem.starts_with('ا') && stem.chars().nth(3) == Some('ا');
    !(feminine || tafaul || ifaal)
}
