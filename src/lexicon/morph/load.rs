//! Building [`Morph`] from the files of `data/morph/` (formats in
//! `data/morph/README.md`).

use super::analyze::{normalize_into, Last, VERB_PREFIXES};
use super::{Clitics, Frame, Morph, Nominals, PosSet, VerbKind, VerbStem, VerbTags};
use crate::lexicon::tsv::{err, field, records};
use crate::lexicon::LexiconError;
use rustc_hash::{FxHashMap, FxHashSet};

fn normalized(s: &str) -> Box<str> {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out.into()
}

/// `-` is the empty affix in the data files.
fn affix(s: &str) -> Box<str> {
    if s == "-" {
        "".into()
    } else {
        normalized(s)
    }
}

fn classes(file: &'static str, line: usize, list: &str) -> Result<(PosSet, PosSet), LexiconError> {
    let (mut plain, mut host) = (PosSet::EMPTY, PosSet::EMPTY);
    for name in list.split(',') {
        let (name, before_pronoun) = match name.strip_suffix("+enc") {
            Some(n) => (n, true),
            None => (name, false),
        };
        let c = PosSet::from_name(name).ok_or_else(|| err(file, line, format!("unknown class {name:?}")))?;
        if before_pronoun {
            host = host.union(c);
        } else {
            plain = plain.union(c);
        }
    }
    Ok((plain, host))
}

impl Morph {
    /// Builds the tables from the files compiled into the binary.
    pub fn load() -> Result<Morph, LexiconError> {
        let mut m = Morph::default();
        for (file, text) in [data_file!("morph/closed.tsv"), data_file!("morph/particles_hand.tsv")] {
            for (line, _, f) in records(text) {
                let (plain, host) = classes(file, line, field(file, line, &f, 1)?)?;
                let e = m.closed.entry(normalized(field(file, line, &f, 0)?)).or_default();
                e.0 = e.0.union(plain);
                e.1 = e.1.union(host);
            }
        }
        // khabar's own name lists know names the lexicons lack (نادية،
        // سوريا): their one-word entries are proper nouns too
        for (file, text) in [data_file!("given_names.tsv"), data_file!("gazetteer/countries.tsv"), data_file!("gazetteer/places.tsv")] {
            for (line, section, f) in records(text) {
                let form = field(file, line, &f, 0)?;
                if section == "ambiguous" || form.contains(' ') {
                    continue;
                }
                let e = m.closed.entry(normalized(form)).or_default();
                e.0 = e.0.union(PosSet::PROPN);
            }
        }
        m.nominals = load_nominals(data_file!("morph/nominals.tsv"))?;
        m.nouns = load_nominals(data_file!("morph/nouns_hunspell.tsv"))?;
        m.load_verbs(data_file!("morph/verb_paradigms.tsv"), data_file!("morph/verb_stems.tsv"), data_file!("morph/speech_verbs.tsv"))?;
        m.load_clitics(data_file!("morph/clitics.tsv"))?;
        Ok(m)
    }

    fn load_verbs(&mut self, (pfile, paradigms): (&'static str, &str), (sfile, stems): (&'static str, &str), (kfile, kinds): (&'static str, &str)) -> Result<(), LexiconError> {
        let mut slots: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut suffixes: FxHashSet<Box<str>> = FxHashSet::default();
        for (line, _, f) in records(paradigms) {
            let num = |i: usize| -> Result<u32, LexiconError> { field(pfile, line, &f, i)?.parse().map_err(|_| err(pfile, line, "not a number")) };
            let key = (num(0)?, num(1)?);
            let prefix = affix(field(pfile, line, &f, 2)?);
            if !VERB_PREFIXES.contains(&&*prefix) {
                return Err(err(pfile, line, format!("verb prefix {prefix:?} is not one the analyser tries")));
            }
            let suffix = affix(field(pfile, line, &f, 3)?);
            let mut tags = VerbTags::default();
            let mut host_only = false;
            for tag in field(pfile, line, &f, 4)?.split(' ') {
                let tag = match tag.strip_suffix('+') {
                    Some(t) => {
                        host_only = true;
                        t
                    }
                    None => tag,
                };
                tags = tags.union(VerbTags::parse(tag).ok_or_else(|| err(pfile, line, format!("bad tag {tag:?}")))?);
            }
            let next = self.frames.len() as u32;
            let idx = *slots.entry(key).or_insert(next);
            if idx == next {
                self.frames.push(Vec::new());
            }
            suffixes.insert(suffix.clone());
            self.frames[idx as usize].push(Frame { prefix, suffix, tags, host_only });
        }
        let mut lengths: Vec<usize> = suffixes.iter().map(|s| s.len()).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        self.verb_suffix_lengths = lengths;
        self.verb_suffixes = suffixes;

        let mut kind_of: FxHashMap<&str, VerbKind> = FxHashMap::default();
        for (line, _, f) in records(kinds) {
            let kind = match field(kfile, line, &f, 0)? {
                "speech" => VerbKind::Speech,
                "aux" => VerbKind::Auxiliary,
                other => return Err(err(kfile, line, format!("unknown kind {other:?}"))),
            };
            // an aspectual verb is listed by hand, and wins over a gloss
            let e = kind_of.entry(field(kfile, line, &f, 2)?).or_insert(kind);
            if kind == VerbKind::Auxiliary {
                *e = kind;
            }
        }
        for (line, _, f) in records(stems) {
            let aspect = match field(sfile, line, &f, 1)? {
                "p" => 0,
                "i" => 1,
                "c" => 2,
                other => return Err(err(sfile, line, format!("unknown aspect {other:?}"))),
            };
            let num = |i: usize| -> Result<u32, LexiconError> { field(sfile, line, &f, i)?.parse().map_err(|_| err(sfile, line, "not a number")) };
            let Some(&frames) = slots.get(&(num(3)?, num(4)?)) else {
                return Err(err(sfile, line, "a paradigm and slot that verb_paradigms.tsv lacks"));
            };
            // passive stems are forms too, but not of a speaker's verb
            let active = field(sfile, line, &f, 2)? == "a";
            let kind = if active { kind_of.get(field(sfile, line, &f, 6)?).copied().unwrap_or(VerbKind::Plain) } else { VerbKind::Plain };
            self.verbs.entry(normalized(field(sfile, line, &f, 0)?)).or_default().push(VerbStem { frames, aspect, kind });
        }
        Ok(())
    }

    fn load_clitics(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            match section {
                "proclitics" => {
                    let analysis = field(file, line, &f, 1)?;
                    let last = match analysis.rsplit('+').next() {
                        Some("DET") => Last::Article,
                        Some("FUT") => Last::Future,
                        Some("CONJ") => Last::Conjunction,
                        Some("PREP") if form.ends_with('ل') => Last::Lam,
                        Some("PREP") => Last::Preposition,
                        _ => return Err(err(file, line, format!("unknown proclitic analysis {analysis:?}"))),
                    };
                    self.proclitics.push((normalized(form), Clitics::from_analysis(analysis), last));
                }
                "enclitics" => self.enclitics.push(normalized(form)),
                "restore" => self.restore.push((normalized(form), normalized(field(file, line, &f, 1)?))),
                other => return Err(err(file, line, format!("unknown section {other:?}"))),
            }
        }
        // longest first, as the file promises; checked, since a split
        // relies on it only for its preferred stem
        self.proclitics.sort_by_key(|p| std::cmp::Reverse(p.0.chars().count()));
        self.enclitics.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        Ok(())
    }
}

fn load_nominals((file, text): (&'static str, &str)) -> Result<Nominals, LexiconError> {
    let mut n = Nominals::default();
    let num = |line: usize, s: &str| -> Result<u16, LexiconError> { s.parse().map_err(|_| err(file, line, "not an ending class")) };
    for (line, section, f) in records(text) {
        match section {
            "endings" => {
                let class = num(line, field(file, line, &f, 0)?)?;
                let strip = affix(field(file, line, &f, 1)?);
                let add = affix(field(file, line, &f, 2)?);
                n.endings.entry(add).or_default().push((strip, class));
            }
            "stems" => {
                let (cls, _) = classes(file, line, field(file, line, &f, 1)?)?;
                let class = num(line, field(file, line, &f, 2)?)?;
                n.stems.entry(normalized(field(file, line, &f, 0)?)).or_default().push((cls, class));
            }
            other => return Err(err(file, line, format!("unknown section {other:?}"))),
        }
    }
    let mut lengths: Vec<usize> = n.endings.keys().map(|a| a.len()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.dedup();
    n.add_lengths = lengths;
    Ok(n)
}
