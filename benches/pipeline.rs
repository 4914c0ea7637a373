//! Per-stage throughput of the pipeline (issue #6).
//!
//! Every benchmark runs over the same set of articles and reports bytes of
//! input per second, so the stages can be compared with each other and with
//! the whole pipeline:
//!
//! - `tokenize`: `Tokens::tokenize` alone;
//! - `annotate`: the lexicon look-up of every word
//!   (`annotate`), on tokens made beforehand;
//! - `source`, `dates`, `entities`, `quotes`: each extractor alone, on a
//!   `Doc` built beforehand (quotes also get the known
//!   names that the entity extractor gives);
//! - `pipeline`: [`khabar::Analyzer::analyze`], all of the above;
//! - `pipeline+json`: the same plus serializing the record as a JSON line,
//!   which is what the binary does per article.
//!
//! The articles are `$KHABAR_BENCH_CORPUS/*.txt` if that variable is set,
//! else `../shared/corpus/*.txt` beside the checkout (`/work/shared/corpus`
//! on the project machines), else the bundled `fixtures/*.txt` and
//! `fixtures/articles/*.txt`, so the bench runs in any clone.
//!
//! Run: `cargo bench --bench pipeline` (a few minutes), or one stage:
//! `cargo bench --bench pipeline -- tokenize`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use khabar::internals::{self as stage, Doc, TokenLex, Tokens};
use khabar::{Analyzer, Options, Workspace};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One article with the output of the stages before the one measured.
struct Prepared {
    text: String,
    tokens: Tokens,
    ids: Vec<TokenLex>,
    /// The entities found, whose known names the quote extractor reads.
    entities: stage::EntitySet,
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The benchmark articles and where they came from.
fn load_articles() -> (String, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("KHABAR_BENCH_CORPUS") {
        dirs.push(PathBuf::from(d));
    }
    dirs.push(root.join("../shared/corpus"));
    dirs.push(PathBuf::from("/work/shared/corpus"));
    for dir in &dirs {
        let texts: Vec<String> = txt_files(dir).iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        if !texts.is_empty() {
            return (dir.display().to_string(), texts);
        }
    }
    let mut files = txt_files(&root.join("fixtures"));
    files.extend(txt_files(&root.join("fixtures/articles")));
    let texts = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    ("fixtures".to_string(), texts)
}

fn prepare(analyzer: &Analyzer, texts: &[String]) -> Vec<Prepared> {
    let cache = stage::MorphCache::default();
    texts
        .iter()
        .map(|text| {
            let mut tokens = Tokens::new();
            tokens.tokenize(text);
            let mut ids = Vec::new();
            stage::annotate(text, &tokens, analyzer.lexicons(), &mut ids);
            let entities = {
                let doc = Doc::new(text, &tokens, analyzer.lexicons(), analyzer.words(), &ids, &cache);
                stage::entities(&doc)
            };
            Prepared { text: text.clone(), tokens, ids, entities }
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let analyzer = Analyzer::new().expect("bundled data loads");
    let lex = analyzer.lexicons();
    let words = analyzer.words();
    let cache = stage::MorphCache::default();
    let (origin, texts) = load_articles();
    assert!(!texts.is_empty(), "no articles to benchmark");
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    eprintln!("khabar bench: {} articles, {} bytes, from {origin}", texts.len(), bytes);
    let prepared = prepare(&analyzer, &texts);
    let opts = Options::with_reference(chrono::NaiveDate::from_ymd_opt(2019, 10, 24));

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::BytesDecimal(bytes));
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));

    g.bench_function("tokenize", |b| {
        let mut tokens = Tokens::new();
        b.iter(|| {
            for text in &texts {
                tokens.tokenize(black_box(text));
            }
            tokens.tokens.len()
        })
    });

    g.bench_function("annotate", |b| {
        let mut ids = Vec::new();
        b.iter(|| {
            for p in &prepared {
                stage::annotate(black_box(&p.text), &p.tokens, lex, &mut ids);
            }
            ids.len()
        })
    });

    g.bench_function("source", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for p in &prepared {
                let doc = Doc::new(black_box(&p.text), &p.tokens, lex, words, &p.ids, &cache);
                let layout = stage::Layout::of(&doc);
                found += stage::source(&doc, &layout).is_some() as usize;
            }
            found
        })
    });

    g.bench_function("dates", |b| {
        let mut out = Vec::new();
        // kept across texts, as in the per-thread workspace
        let memo = stage::DatesMemo::default();
        b.iter(|| {
            let mut found = 0usize;
            for p in &prepared {
                out.clear();
                let doc = Doc::new(black_box(&p.text), &p.tokens, lex, words, &p.ids, &cache);
                stage::dates(&doc, opts.reference_date, &memo, &mut out);
                found += out.len();
            }
            found
        })
    });

    g.bench_function("entities", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for p in &prepared {
                let doc = Doc::new(black_box(&p.text), &p.tokens, lex, words, &p.ids, &cache);
                let set = stage::entities(&doc);
                found += set.into_entities().len();
            }
            found
        })
    });

    g.bench_function("quotes", |b| {
        let mut quotes = Vec::new();
        let mut speakers = Vec::new();
        let mut people = Vec::new();
        // (borrowed from the entities, gathered before the measured loop)
        let known: Vec<_> = prepared.iter().map(|p| p.entities.known_names()).collect();
        b.iter(|| {
            let mut found = 0usize;
            for (p, known) in prepared.iter().zip(&known) {
                quotes.clear();
                speakers.clear();
                people.clear();
                let doc = Doc::new(black_box(&p.text), &p.tokens, lex, words, &p.ids, &cache);
                let layout = stage::Layout::of(&doc);
                let main = stage::quotes(&doc, &layout, known, &mut quotes, &mut speakers, &mut people);
                found += quotes.len() + main.is_some() as usize;
            }
            found
        })
    });

    g.bench_function("pipeline", |b| {
        let mut ws = Workspace::default();
        b.iter(|| {
            let mut found = 0usize;
            for text in &texts {
                let record = analyzer.analyze(&mut ws, black_box(text), &opts);
                found += record.quotes.len();
            }
            found
        })
    });

    g.bench_function("pipeline+json", |b| {
        let mut ws = Workspace::default();
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for text in &texts {
                let record = analyzer.analyze(&mut ws, black_box(text), &opts);
                serde_json::to_writer(&mut out, &record).unwrap();
                out.push(b'\n');
            }
            out.len()
        })
    });

    g.finish();

    // Building the lexicons happens once per process (per binary run).
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("Analyzer::new", |b| b.iter(|| Analyzer::new().unwrap()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
