//! Analysing one written word: every clitic split, each stem looked up in
//! the closed-class, nominal and verb tables.

use super::{Clitics, Morph, Nominals, PosSet, VerbKind, VerbTags};

/// What the tables say about one written word. Sets, not a guess: every
/// split that the tables allow contributes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Classes of every surviving split (the word read whole included).
    pub classes: PosSet,
    /// Classes of the word read whole, no clitic removed.
    pub whole: PosSet,
    /// Classes of the stem where a split begins with a preposition (ب ل ك,
    /// alone or after و ف).
    pub after_preposition: PosSet,
    /// Classes of the splits with no preposition among their proclitics
    /// (`بثوب` has none: it is read only as ب + ثوب).
    pub bare: PosSet,
    /// Verb readings of every split.
    pub tags: VerbTags,
    /// The clitics of the surviving splits (an enclitic pronoun included).
    pub clitics: Clitics,
    /// Some noun or adjective reading is a singular base form (the stem
    /// alone, or with ة): not a dual or plural ending, which foreign names
    /// often happen to match (`داميان` as دامي + ان).
    pub singular_nominal: bool,
    /// Some verb reading is a verb of saying or stating.
    pub speech: bool,
    /// Some verb reading is an aspectual or auxiliary verb (مضى، راح، ظل).
    pub auxiliary: bool,
    /// Bytes of proclitics and of the enclitic in the preferred split (the
    /// word whole if it is known, else the split with the fewest clitic
    /// letters), in the normalized spelling.
    stem_trim: (u8, u8),
}

impl Analysis {
    /// Whether the tables know the word in some split.
    #[inline]
    pub fn is_known(&self) -> bool {
        !self.classes.is_empty()
    }

    /// Whether the word is known and no reading is a noun, adjective,
    /// proper noun or numeral (a verb, particle, pronoun or adverb).
    #[inline]
    pub fn never_nominal(&self) -> bool {
        self.is_known() && !self.classes.any(PosSet::NOMINAL)
    }

    /// Whether the word is read only with a preposition glued on (`بثوب`,
    /// `لوزير`): no split without one is known.
    #[inline]
    pub fn preposition_glued(&self) -> bool {
        self.bare.is_empty() && !self.after_preposition.is_empty()
    }

    /// The stem of the preferred split of `normalized` (the word as
    /// [`normalize_into`] writes it).
    pub fn stem<'w>(&self, normalized: &'w str) -> &'w str {
        let (p, e) = (self.stem_trim.0 as usize, self.stem_trim.1 as usize);
        normalized.get(p..normalized.len().saturating_sub(e)).unwrap_or(normalized)
    }
}

/// The spelling lookups use: diacritics and tatweel dropped, the hamza
/// seats of alef folded (أ إ آ ٱ → ا), Persian ی ک as Arabic ي ك; ة, ه, ى
/// and ي are kept, since they tell words apart.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            _ => out.push(c),
        }
    }
}

/// What one stem can be, before the clitics around it filter it.
#[derive(Debug, Clone, Copy, Default)]
struct Reading {
    classes: PosSet,
    singular_nominal: bool,
    tags: VerbTags,
    speech: bool,
    auxiliary: bool,
}

impl Reading {
    fn drop_nominals(&mut self) {
        self.classes = self.classes.minus(PosSet::NOMINAL);
        self.singular_nominal = false;
    }
    fn drop_verbs(&mut self) {
        self.classes = self.classes.minus(PosSet::VERB);
        self.tags = VerbTags::default();
        self.speech = false;
        self.auxiliary = false;
    }
    fn only_imperfect(&mut self) {
        self.classes = self.classes.minus(PosSet::VERB_PERFECT.union(PosSet::VERB_IMPERATIVE));
        self.tags = VerbTags(self.tags.0 & IMPERFECT_TAGS);
        if self.tags.is_empty() {
            self.speech = false;
            self.auxiliary = false;
        }
    }
}

/// The bits of [`VerbTags`] of the imperfective aspect (the second 27).
const IMPERFECT_TAGS: u128 = ((1u128 << 27) - 1) << 27;

/// The last clitic of a proclitic chain, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    None,
    Conjunction,
    /// ب or ك: no verb follows.
    Preposition,
    /// ل: a noun, or an imperfective verb (li- of purpose).
    Lam,
    /// س: an imperfective verb.
    Future,
    /// ال or لل: a nominal.
    Article,
}

pub(super) const VERB_PREFIXES: [&str; 5] = ["", "ا", "ت", "ي", "ن"];
/// A stem keeps at least this many letters, except a one-letter
/// preposition carrying a pronoun (به، له، لي).
const MIN_STEM_CHARS: usize = 2;

impl Morph {
    /// Analyses a word already normalized (see [`normalize_into`]).
    pub fn analyze_normalized(&self, w: &str) -> Analysis {
        let mut out = Analysis::default();
        let mut best: Option<(usize, usize)> = None;
        self.each_split(w, |pro, pro_clitics, _stem, enc, reading| {
            let mut clitics = pro_clitics;
            if !enc.is_empty() {
                clitics = clitics.union(Clitics::PRONOUN);
            }
            if pro.is_empty() && enc.is_empty() {
                out.whole = out.whole.union(reading.classes);
            }
            if pro_clitics.any(Clitics::PREP) {
                out.after_preposition = out.after_preposition.union(reading.classes);
            } else {
                out.bare = out.bare.union(reading.classes);
            }
            merge(&mut out, reading, clitics);
            let trim = (pro.len(), enc.len());
            if best.is_none_or(|b| trim.0 + trim.1 < b.0 + b.1) {
                best = Some(trim);
            }
        });
        if let Some((p, e)) = best {
            out.stem_trim = (p.min(255) as u8, e.min(255) as u8);
        }
        out
    }

    /// Every split of `w` the tables allow, as (proclitics, stem, enclitic,
    /// classes), the word read whole first; the stem is spelled as its
    /// dictionary form (`محاميت+ه` gives `محامية`). For tests and tracing.
    pub fn splits(&self, word: &str) -> Vec<(String, String, String, PosSet)> {
        let mut w = String::new();
        normalize_into(word, &mut w);
        let mut out = Vec::new();
        self.each_split(&w, |pro, _, stem, enc, r| out.push((pro.to_string(), stem.to_string(), enc.to_string(), r.classes)));
        out
    }

    /// Calls `visit(proclitics, their clitics, stem, enclitic, reading)` for
    /// each split of `w` whose stem is known and allowed between its clitics.
    fn each_split(&self, w: &str, mut visit: impl FnMut(&str, Clitics, &str, &str, Reading)) {
        let whole = self.stem_reading(w, false);
        if !whole.classes.is_empty() {
            visit("", Clitics::default(), w, "", whole);
        }
        let chains = std::iter::once(("", Clitics::default(), Last::None)).chain(self.proclitics.iter().map(|(p, c, l)| (&**p, *c, *l)));
        let mut restored = String::new();
        for (pro, pro_clitics, last) in chains {
            let Some(rest) = w.strip_prefix(pro) else { continue };
            for enc in std::iter::once("").chain(self.enclitics.iter().map(|e| &**e)) {
                // no pronoun after the article: a noun is made definite by one or the other
                if (pro.is_empty() && enc.is_empty()) || (last == Last::Article && !enc.is_empty()) {
                    continue;
                }
                let Some(stem) = rest.strip_suffix(enc) else { continue };
                let chars = stem.chars().count();
                let one_letter_host = !enc.is_empty() && chars == 1 && matches!(stem, "ب" | "ل" | "ك");
                if chars < MIN_STEM_CHARS && !one_letter_host {
                    continue;
                }
                let mut reading = if one_letter_host { Reading { classes: PosSet::PREP, ..Reading::default() } } else { self.stem_reading(stem, !enc.is_empty()) };
                filter(&mut reading, last, enc);
                if !reading.classes.is_empty() {
                    visit(pro, pro_clitics, stem, enc, reading);
                }
                if enc.is_empty() {
                    continue;
                }
                for (written, restore) in &self.restore {
                    let Some(base) = stem.strip_suffix(&**written) else { continue };
                    restored.clear();
                    restored.push_str(base);
                    restored.push_str(restore);
                    let mut reading = self.stem_reading(&restored, true);
                    filter(&mut reading, last, enc);
                    if !reading.classes.is_empty() {
                        visit(pro, pro_clitics, &restored, enc, reading);
                    }
                }
            }
        }
    }

    /// Every reading of a clitic-free `stem`; `with_pronoun` when an
    /// enclitic follows (host forms such as `علي+ه`, `قالو+ه` are allowed).
    fn stem_reading(&self, stem: &str, with_pronoun: bool) -> Reading {
        let mut r = Reading::default();
        if let Some(&(plain, host)) = self.closed.get(stem) {
            r.classes = r.classes.union(plain);
            if with_pronoun {
                r.classes = r.classes.union(host);
            }
        }
        for table in [&self.nominals, &self.nouns] {
            let (classes, singular) = nominal_classes(table, stem);
            r.classes = r.classes.union(classes);
            r.singular_nominal |= singular;
        }
        self.verb_reading(stem, with_pronoun, &mut r);
        r
    }

    fn verb_reading(&self, word: &str, with_pronoun: bool, r: &mut Reading) {
        for prefix in VERB_PREFIXES {
            let Some(after) = word.strip_prefix(prefix) else { continue };
            for &len in &self.verb_suffix_lengths {
                if len >= after.len() || !after.is_char_boundary(after.len() - len) {
                    continue;
                }
                let (stem, suffix) = after.split_at(after.len() - len);
                if len > 0 && !self.verb_suffixes.contains(suffix) {
                    continue;
                }
                let Some(stems) = self.verbs.get(stem) else { continue };
                for vs in stems {
                    for frame in &self.frames[vs.frames as usize] {
                        if &*frame.prefix != prefix || &*frame.suffix != suffix || (frame.host_only && !with_pronoun) {
                            continue;
                        }
                        r.classes = r.classes.union(match vs.aspect {
                            0 => PosSet::VERB_PERFECT,
                            1 => PosSet::VERB_IMPERFECT,
                            _ => PosSet::VERB_IMPERATIVE,
                        });
                        r.tags = r.tags.union(frame.tags);
                        r.speech |= vs.kind == VerbKind::Speech;
                        r.auxiliary |= vs.kind == VerbKind::Auxiliary;
                    }
                }
            }
        }
    }
}

/// The classes `word` has as a stem of `table` plus one of its endings,
/// and whether a noun or adjective reading is singular (no ending, or ة).
fn nominal_classes(table: &Nominals, word: &str) -> (PosSet, bool) {
    let mut classes = PosSet::EMPTY;
    let mut singular = false;
    let mut stem = String::new();
    for &len in &table.add_lengths {
        if len > word.len() || !word.is_char_boundary(word.len() - len) {
            continue;
        }
        let (base, add) = word.split_at(word.len() - len);
        let Some(endings) = table.endings.get(add) else { continue };
        for (strip, class) in endings {
            stem.clear();
            stem.push_str(base);
            stem.push_str(strip);
            if stem.is_empty() {
                continue;
            }
            if let Some(readings) = table.stems.get(stem.as_str()) {
                for &(cls, c) in readings {
                    if c == *class {
                        classes = classes.union(cls);
                        singular |= cls.any(PosSet::NOUN.union(PosSet::ADJ)) && (add.is_empty() || add == TA_MARBUTA);
                    }
                }
            }
        }
    }
    (classes, singular)
}

/// The feminine ending ة as an `add` of the ending tables.
const TA_MARBUTA: &str = "ة";

/// Keeps the readings that may stand after the proclitic chain ending in
/// `last` and before the enclitic `enc`.
fn filter(r: &mut Reading, last: Last, enc: &str) {
    match last {
        Last::Article => {
            r.classes = r.classes.only(PosSet::NOMINAL);
            r.drop_verbs();
        }
        Last::Future => {
            r.drop_nominals();
            r.classes = r.classes.only(PosSet::VERB_IMPERFECT);
            r.only_imperfect();
        }
        Last::Preposition => r.drop_verbs(),
        Last::Lam => r.only_imperfect(),
        Last::None | Last::Conjunction => {}
    }
    // the pronoun ي "my" follows nouns and particles; a verb takes ني
    if enc == "ي" {
        r.drop_verbs();
    }
}

fn merge(out: &mut Analysis, r: Reading, clitics: Clitics) {
    out.classes = out.classes.union(r.classes);
    out.tags = out.tags.union(r.tags);
    out.speech |= r.speech;
    out.auxiliary |= r.auxiliary;
    out.singular_nominal |= r.singular_nominal;
    out.clitics = out.clitics.union(clitics);
}
