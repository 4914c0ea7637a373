//! Prints what khabar's word knowledge says about each word read from
//! standard input (one or more a line): its classes, verb kind and every
//! clitic split the tables allow. For checking the analyser by hand:
//!
//!     echo 'وقالت محاميه عبر' | cargo run --release --example morph_words
use khabar::internals::Morph;
use std::io::{self, BufRead, Write};

fn main() -> io::Result<()> {
    let morph = Morph::load().map_err(|e| io::Error::other(e.to_string()))?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines() {
        for word in line?.split_whitespace() {
            let a = morph.analyze(word);
            let splits: Vec<String> = morph.splits(word).iter().map(|(p, s, e, c)| format!("{p}|{s}|{e}:{c:?}")).collect();
            let kind = match (a.speech, a.auxiliary) {
                (true, true) => "speech,aux",
                (true, false) => "speech",
                (false, true) => "aux",
                _ => "-",
            };
            writeln!(out, "{word}\t{:?}\t{kind}\t{}", a.classes, splits.join(" "))?;
        }
    }
    Ok(())
}
