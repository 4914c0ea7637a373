//! Proclitic segmentation of Arabic words.
//!
//! A written Arabic word may carry a conjunction (و، ف), then a preposition
//! (ب، ك، ل), then the article (ال), all glued to the stem: `وبالولايات`,
//! `للأمم` (ل + ال, written لل), `وسوريا`. Lexicons list stems, so a lookup
//! tries the whole word first and only then its possible stems — the whole
//! word first is what keeps names that begin with these letters intact
//! (`بكين`, `لبنان`, `فرنسا`, `وليد` are found as themselves).
//!
//! Known failure: a name absent from every lexicon that starts with one of
//! these letters is never split (there is nothing to confirm the split), and
//! a clitic word whose stem happens to be in a lexicon is split even when the
//! whole word was meant (`والي` "governor" would be و + `الي`); lexicons avoid
//! such stems.

/// One way to read a folded key as proclitics + stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// Bytes of the folded key taken by the proclitics.
    pub prefix_len: u8,
    /// The stem lost its article to a preceding ل (`للأمم`): lexicon entries
    /// with ال are found by putting it back.
    pub restore_article: bool,
}

/// Proclitic sequences in the order they are tried: shortest first, so the
/// least segmentation that finds a lexicon entry wins. Keys are folded, so
/// only bare letters appear.
///
/// The article itself is never stripped: lexicons list names with their
/// article when they have one (`الأردن`), and stripping it would read the
/// adjective `السورية` as the country `سورية` or `المالي` ("financial") as
/// `مالي`. `بالولايات` is found as ب + `الولايات`; `للأمم` as ل + (ا)`لأمم`.
const PREFIXES: &[&str] = &["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل", "لل", "ولل", "فلل"];

/// The shortest stem a split may leave, in characters.
#[cfg(test)]
pub const MIN_STEM_CHARS: usize = 2;

/// The possible splits of a folded word key, most conservative first. The
/// whole word (no split) is not included: callers try it before these.
/// The reference model: `lexicon::annotate` reads the same splits faster,
/// and its tests compare the two.
#[cfg(test)]
pub fn splits(key: &str) -> impl Iterator<Item = Split> + '_ {
    // only the prefixes that begin with the key's first letter can match
    let candidates = PREFIXES_BY_FIRST_LETTER
        .iter()
        .find(|(letter, _)| key.as_bytes().starts_with(letter.as_bytes()))
        .map_or(&[][..], |(_, prefixes)| *prefixes);
    candidates.iter().filter_map(move |p| {
        let starts = key.len() >= p.len() && p.bytes().zip(key.bytes()).all(|(a, b)| a == b);
        if !starts || !super::has_chars(&key[p.len()..], MIN_STEM_CHARS) {
            return None;
        }
        // after لل only the restored article is a reading: `للامم` is not `امم`
        let lam_lam = p.len() >= 4 && p.as_bytes()[p.len() - 4..] == *"لل".as_bytes();
        Some(Split { prefix_len: p.len() as u8, restore_article: lam_lam })
    })
}

/// [`PREFIXES`] grouped by first letter, each group in the order of
/// `PREFIXES` (a key starts with one letter, so this keeps the order in
/// which its splits are tried); checked by a test.
const PREFIXES_BY_FIRST_LETTER: &[(&str, &[&str])] = &[
    ("و", &["و", "وب", "وك", "ول", "ولل"]),
    ("ف", &["ف", "فب", "فك", "فل", "فلل"]),
    ("ب", &["ب"]),
    ("ك", &["ك"]),
    ("ل", &["ل", "لل"]),
];

/// Whether `prefix` (a folded key fragment) is a valid sequence of proclitics.
pub fn is_proclitic(prefix: &str) -> bool {
    PREFIXES.contains(&prefix)
}

/// Writes the stem of `key` under `split` into `out` (cleared first).
#[cfg(test)]
pub fn stem_into(key: &str, split: Split, out: &mut String) {
    out.clear();
    if split.restore_article {
        out.push_str("ال");
    }
    out.push_str(&key[split.prefix_len as usize..]);
}

// --- affix tests of the extractors' rules ---
// The rules of dates and quotes look at cue words, function words and
// descriptions, which are never names: their clitic and affix letters are
// tested here, by name, without a lexicon. Names are split by the lexicon
// (see `lexicon::annotate`), never by these.

/// Whether `key` is the conjunction و written apart (`و`).
#[inline]
pub fn is_wa(key: &str) -> bool {
    key == "و"
}

/// Whether `key` is the conjunction ف written apart (`ف`).
#[inline]
pub fn is_fa(key: &str) -> bool {
    key == "ف"
}

/// Whether `key` begins with the conjunction و (glued, or the word itself).
#[inline]
pub fn starts_with_wa(key: &str) -> bool {
    key.starts_with('و')
}

/// `key` without one leading و, whatever is left (`ووفقا` → `وفقا`).
#[inline]
pub fn without_wa(key: &str) -> &str {
    key.strip_prefix('و').unwrap_or(key)
}

/// What follows the article ال at the start of `key`, if it has one
/// (`الوزارة` → `وزارة`).
#[inline]
pub fn after_article(key: &str) -> Option<&str> {
    key.strip_prefix("ال")
}

/// Whether `key` begins with ل, which may be the preposition (`لرويترز`).
#[inline]
pub fn may_have_lam(key: &str) -> bool {
    key.starts_with('ل')
}

/// `key` without an object pronoun ها or ه (`قالها`, `قاله` → `قال`), if
/// it ends with one.
#[inline]
pub fn without_object_pronoun(key: &str) -> Option<&str> {
    key.strip_suffix("ها").or_else(|| key.strip_suffix('ه'))
}

/// Whether `key` ends like a masculine plural: sound ون (`محليون`) or the
/// nisba plural يين (`المحليين`).
#[inline]
pub fn has_plural_ending(key: &str) -> bool {
    key.ends_with("ون") || key.ends_with("يين")
}

/// Whether `key` ends in ين, the oblique of the sound masculine plural
/// (`المسؤولين`).
#[inline]
pub fn has_oblique_plural_ending(key: &str) -> bool {
    key.ends_with("ين")
}

/// `key` without the alif of the accusative (`مسؤولا` → `مسؤول`), if it
/// ends with one.
#[inline]
pub fn without_accusative_alif(key: &str) -> Option<&str> {
    key.strip_suffix('ا')
}

/// Whether `key` ends like an accusative nisba adjective, ي + alif
/// (`محليا`, `أمنيا`).
#[inline]
pub fn is_accusative_nisba(key: &str) -> bool {
    key.ends_with("يا")
}

/// The unfolded `surface` without its accusative ending: alifs and the
/// tanween fatha (`مسؤولاً` → `مسؤول`).
#[inline]
pub fn without_accusative_ending(surface: &str) -> &str {
    surface.trim_end_matches(['ا', '\u{64b}'])
}

/// Whether `key` begins with a letter that may be a proclitic (و ف ب ك ل):
/// a key that does not has nothing to peel.
#[inline]
pub fn may_have_proclitic(key: &str) -> bool {
    PREFIXES_BY_FIRST_LETTER.iter().any(|(letter, _)| key.starts_with(letter))
}

/// Whether `key` begins with a conjunction, و or ف.
#[inline]
pub fn starts_with_conjunction(key: &str) -> bool {
    key.starts_with('و') || key.starts_with('ف')
}

/// `key` without a leading conjunction (و or ف) when at least `min_stem`
/// characters remain; else `key` itself.
#[inline]
pub fn without_conjunction(key: &str, min_stem: usize) -> &str {
    match key.strip_prefix('و').or_else(|| key.strip_prefix('ف')) {
        Some(rest) if super::has_chars(rest, min_stem) => rest,
        _ => key,
    }
}

/// `key` without a leading preposition ب, ل or ك, if it has one.
#[inline]
pub fn without_preposition(key: &str) -> Option<&str> {
    key.strip_prefix('ب').or_else(|| key.strip_prefix('ل')).or_else(|| key.strip_prefix('ك'))
}

/// What follows a leading لل (ل + the article, `للعام`), if the key has one.
#[inline]
pub fn after_lam_lam(key: &str) -> Option<&str> {
    key.strip_prefix("لل")
}

/// `stem` with the article put back (`عام` → `العام`), as after لل.
pub fn with_article(stem: &str) -> String {
    format!("ال{stem}")
}

/// `key` without its first `chars` proclitic letters (two bytes each, as
/// the lexicon counts them: `TokenLex::prefix_chars`).
#[inline]
pub fn after_proclitics(key: &str, chars: u8) -> &str {
    &key[key.len().min(usize::from(chars) * 2)..]
}

/// Whether the article ال stands anywhere in `key` (after clitics too:
/// `والخميس`, `بالأمس`).
#[inline]
pub fn contains_article(key: &str) -> bool {
    key.contains("ال")
}

/// Whether `key` begins with the future prefix س and a present-tense prefix
/// ي, ت or ن (`سيعقد`, `ستجري`, `سنعمل`).
#[inline]
pub fn has_future_prefix(key: &str) -> bool {
    let mut cs = key.chars();
    cs.next() == Some('س') && matches!(cs.next(), Some('ي' | 'ت' | 'ن'))
}

/// Whether `key` ends with an object pronoun ه, ها or هم.
#[inline]
pub fn has_object_pronoun(key: &str) -> bool {
    key.ends_with('ه') || key.ends_with("ها") || key.ends_with("هم")
}

/// Whether the unfolded `surface` begins with the first-person future
/// prefix سأ (`سأعود`): the hamza tells it from `ساعة`.
#[inline]
pub fn has_first_person_future_prefix(surface: &str) -> bool {
    surface.starts_with("سأ")
}

/// [`has_first_person_future_prefix`] after any leading و (`وسأعود`).
#[inline]
pub fn has_first_person_future_prefix_after_wa(surface: &str) -> bool {
    has_first_person_future_prefix(surface.trim_start_matches('و'))
}

// --- names and entities ---
// Letter tests of the name and entity rules on folded keys (or, where said,
// on written text). Compared as bytes where a `str` pattern search costs
// more for these one-to-four letters.

/// Whether `key` begins with one of `prefixes`, compared as bytes.
#[inline(always)]
fn starts_with_any(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| key.as_bytes().starts_with(p.as_bytes()))
}

/// Whether `key` ends with one of `suffixes`.
#[inline(always)]
fn ends_with_any(key: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|s| key.ends_with(s))
}

/// Whether a folded key (as `str` or bytes) begins with the article ال.
#[inline(always)]
pub fn has_article<K: AsRef<[u8]> + ?Sized>(key: &K) -> bool {
    key.as_ref().starts_with("ال".as_bytes())
}

/// The key without its article ال, if it has one.
#[inline]
pub fn without_article(key: &str) -> Option<&str> {
    key.strip_prefix("ال")
}

/// What follows a first و, if the key has one (`ووزير` → `وزير`).
#[inline]
pub fn after_wa(key: &str) -> Option<&str> {
    key.strip_prefix('و')
}

/// Whether the key begins with ل (the preposition, or a word's own ل).
#[inline]
pub fn has_lam(key: &str) -> bool {
    key.starts_with('ل')
}

/// Whether the key begins with ب or ل (the prepositions, or a word's own).
#[inline]
pub fn has_bi_or_li(key: &str) -> bool {
    key.starts_with('ب') || key.starts_with('ل')
}

/// The key without a first ب or ل.
#[inline]
pub fn without_bi_or_li(key: &str) -> Option<&str> {
    key.strip_prefix(['ب', 'ل'])
}

/// The key without a first preposition letter or the conjunction ف.
#[inline]
pub fn without_preposition_or_fa(key: &str) -> Option<&str> {
    key.strip_prefix(['ب', 'ل', 'ك', 'ف'])
}

/// The key without a first proclitic letter (و ف ب ل ك).
#[inline]
pub fn without_proclitic_letter(key: &str) -> Option<&str> {
    key.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف'])
}

/// Whether a preposition is glued to the article: `بالرد`, `كالعادة`,
/// `للصحفيين` (ل + ال written لل).
#[inline]
pub fn has_preposition_and_article(key: &str) -> bool {
    starts_with_any(key, &["بال", "لل", "كال"])
}

/// Whether the key begins with ل + the article, written لل (`للحزب`).
#[inline]
pub fn has_lam_article(key: &str) -> bool {
    key.as_bytes().starts_with("لل".as_bytes())
}

/// Whether و comes before a preposition and the article: `وبالرد`, `وللحزب`.
#[inline]
pub fn has_conjunction_preposition_and_article(key: &str) -> bool {
    starts_with_any(key, &["وبال", "ولل"])
}

/// Whether the conjunction و is glued to the article: `والمساواة`.
#[inline]
pub fn has_conjunction_and_article(key: &str) -> bool {
    key.starts_with("وال")
}

/// Whether the conjunction ف is glued to the article: `فالحكومة`.
#[inline]
pub fn has_fa_and_article(key: &str) -> bool {
    key.as_bytes().starts_with("فال".as_bytes())
}

/// Whether the article was merged into a ل after an optional conjunction
/// (`للأمم`, `وللأمم`, `فللأمم`): the name's own article is given back.
#[inline]
pub fn has_article_merged_into_lam(key: &str) -> bool {
    key.starts_with("لل") || key.starts_with("ولل") || key.starts_with("فلل")
}

/// Whether the key has the prefix of an imperfect or future verb:
/// `يرصد`, `سيشرف`, `ستعلن`.
#[inline]
pub fn has_imperfect_prefix(key: &str) -> bool {
    key.starts_with('ي') || key.starts_with("سي") || key.starts_with("ست")
}

/// Whether a folded key (as `str` or bytes) ends in the accusative alif
/// (`مسؤولا`, `مصدرا`).
#[inline(always)]
pub fn has_accusative_alif<K: AsRef<[u8]> + ?Sized>(key: &K) -> bool {
    key.as_ref().ends_with("ا".as_bytes())
}

/// Whether the key ends in a third-person pronoun: ه ها هم هما.
#[inline]
pub fn has_third_person_pronoun(key: &str) -> bool {
    ends_with_any(key, &["ه", "ها", "هم", "هما"])
}

/// Whether the key ends in a pronoun suffix: ه ها هم هما كم نا.
#[inline]
pub fn has_pronoun_suffix(key: &str) -> bool {
    ends_with_any(key, &["ه", "ها", "هم", "هما", "كم", "نا"])
}

/// Whether the key ends in a pronoun of two letters or more (ها هم هما),
/// which, unlike ه, no root ends in.
#[inline]
pub fn has_long_pronoun_suffix(key: &str) -> bool {
    key.ends_with("ها") || key.ends_with("هم") || key.ends_with("هما")
}

/// The key without a final ه (the pronoun's, or a folded ة).
#[inline]
pub fn without_final_ha(key: &str) -> Option<&str> {
    key.strip_suffix('ه')
}

/// Whether a written word ends in ه (not ة: the pronoun, not the feminine).
#[inline]
pub fn written_with_final_ha(surface: &str) -> bool {
    surface.ends_with('ه')
}

/// Whether a written word ends in a letter a pronoun suffix ends in (ه ا م).
#[inline]
pub fn written_with_pronoun_ending(surface: &str) -> bool {
    surface.ends_with(['ه', 'ا', 'م'])
}

/// Whether a written word ends in the feminine taa marbuta ة (folded to ه).
#[inline]
pub fn written_with_taa_marbuta(surface: &str) -> bool {
    surface.ends_with('ة')
}

/// Whether the key ends in the nisba ي (`عسكري`, `المدني`).
#[inline]
pub fn has_nisba(key: &str) -> bool {
    key.ends_with('ي')
}

/// Whether the key ends in the nisba ي or the nisba and the accusative
/// alif (`عسكريا`).
#[inline]
pub fn has_nisba_or_accusative_nisba(key: &str) -> bool {
    key.ends_with('ي') || key.ends_with("يا")
}

/// Whether the key ends in the feminine nisba يه (folded ية: `سورية`).
#[inline]
pub fn has_feminine_nisba(key: &str) -> bool {
    key.ends_with("يه")
}

/// Whether the key ends in a plural nisba: يون, يين.
#[inline]
pub fn has_plural_nisba(key: &str) -> bool {
    key.ends_with("يون") || key.ends_with("يين")
}

/// Whether the key ends in an adjective's ending: the nisba ي or the
/// feminine ه (folded ة).
#[inline]
pub fn has_adjective_ending(key: &str) -> bool {
    ends_with_any(key, &["ي", "يه", "ه"])
}

/// Whether the key ends in a sound plural: ين, ات.
#[inline]
pub fn has_sound_plural(key: &str) -> bool {
    key.ends_with("ين") || key.ends_with("ات")
}

/// Whether an indefinite key has the shape of a feminine participle: م…ه
/// (`مسلحة`, folded).
#[inline]
pub fn has_feminine_participle_shape(key: &str) -> bool {
    key.starts_with('م') && key.ends_with('ه')
}

/// Whether a definite key has the shape of an adjective: a nisba (`المدني`,
/// `الرسمية`), a feminine or plural ending, a participle (`المسلحة`,
/// `المعارض`) or an elative (`الأعلى`, `الأحمر`).
pub fn looks_like_adjective(key: &str) -> bool {
    let Some(stem) = without_article(key) else { return false };
    ends_with_any(stem, &["ي", "ه", "ين", "ون"]) || stem.starts_with('م') || (stem.starts_with('ا') && stem.chars().count() == 4)
}

/// Whether a definite key can be a family name (`الشبل`, `الأسد`,
/// `التميمي`): not a verbal noun of the pattern تفعّل (`التوجه`, `التنقل`)
/// or إفعال (`الإفصاح`), nor written with ة (`الأيدولوجية`; `العبدالله` ends
/// in ه and is a name). An indefinite key always can.
pub fn has_family_name_shape(key: &str, surface: &str) -> bool {
    let Some(stem) = without_article(key) else { return true };
    let chars = stem.chars().count();
    let nisba = has_nisba(stem);
    let feminine = written_with_taa_marbuta(surface);
    let tafaul = stem.starts_with('ت') && chars >= 4 && !nisba;
    let ifaal = chars == 5 && stem.starts_with('ا') && stem.chars().nth(3) == Some('ا');
    !(feminine || tafaul || ifaal)
}

/// Whether the key begins with alif (`اعلان`: a verbal noun's, folded).
#[inline]
pub fn has_initial_alif(key: &str) -> bool {
    key.starts_with('ا')
}

/// Whether the preposition ب is glued to the article: `بالرد`.
#[inline]
pub fn has_bi_and_article(key: &str) -> bool {
    key.starts_with("بال")
}

/// The key without a first ب.
#[inline]
pub fn without_bi(key: &str) -> Option<&str> {
    key.strip_prefix('ب')
}

/// Whether و comes before ل + the article, written ولل (`وللحزب`).
#[inline]
pub fn has_conjunction_and_lam_article(key: &str) -> bool {
    key.starts_with("ولل")
}

/// The article, as folded keys and written text both spell it.
pub const ARTICLE: &str = "ال";

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(key: &str) -> Vec<String> {
        let mut buf = String::new();
        splits(key)
            .map(|s| {
                stem_into(key, s, &mut buf);
                buf.clone()
            })
            .collect()
    }

    #[test]
    fn conjunction_and_preposition_are_peeled_shortest_first() {
        let s = stems("وسوريا");
        assert_eq!(s[0], "سوريا");
        let s = stems("بجده");
        assert_eq!(s[0], "جده");
    }

    #[test]
    fn lam_lam_restores_the_article() {
        let s = stems("للامم");
        assert!(s.contains(&"الامم".to_string()), "{s:?}");
        assert!(!s.contains(&"امم".to_string()));
    }

    #[test]
    fn the_article_is_never_stripped() {
        assert!(!stems("السوريه").contains(&"سوريه".to_string()));
        assert!(!stems("المالي").contains(&"مالي".to_string()));
    }

    #[test]
    fn conjunction_before_article_keeps_the_article() {
        let s = stems("والولايات");
        assert_eq!(s[0], "الولايات");
        assert!(!s.contains(&"ولايات".to_string()));
    }

    #[test]
    fn too_short_stems_are_not_offered() {
        assert!(stems("وب").is_empty());
        assert!(stems("لي").is_empty());
    }

    #[test]
    fn prefixes_grouped_by_first_letter_keep_their_order() {
        for (letter, group) in PREFIXES_BY_FIRST_LETTER {
            let expected: Vec<&str> = PREFIXES.iter().copied().filter(|p| p.starts_with(letter)).collect();
            assert_eq!(&expected, group);
        }
        let grouped: usize = PREFIXES_BY_FIRST_LETTER.iter().map(|(_, g)| g.len()).sum();
        assert_eq!(grouped, PREFIXES.len());
    }

    #[test]
    fn proclitic_sequences_are_recognised() {
        assert!(is_proclitic("و"));
        assert!(!is_proclitic("وال"));
        assert!(is_proclitic("لل"));
        assert!(!is_proclitic("س"));
    }

    #[test]
    fn quote_affixes() {
        assert!(is_wa("و") && !is_wa("وقد") && is_fa("ف"));
        assert_eq!(without_wa("ووفقا"), "وفقا");
        assert!(has_article("الوزارة") && !has_article("وزارة"));
        assert_eq!(after_article("الوزاره"), Some("وزاره"));
        assert_eq!(without_object_pronoun("قالها"), Some("قال"));
        assert_eq!(without_object_pronoun("قاله"), Some("قال"));
        assert!(has_plural_ending("محليون") && has_plural_ending("المحليين") && !has_plural_ending("محلي"));
        assert!(has_oblique_plural_ending("المسوولين"));
        assert_eq!(without_accusative_alif("مسوولا"), Some("مسوول"));
        assert!(is_accusative_nisba("محليا"));
        assert_eq!(without_accusative_ending("مسؤولاً"), "مسؤول");
    }
}
