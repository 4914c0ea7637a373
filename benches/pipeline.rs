//! Placeholder until the benchmark suite lands: times the whole pipeline on
//! the bundled article.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn pipeline(c: &mut Criterion) {
    let text = include_str!("../fixtures/lavrov-astana.txt");
    let analyzer = khabar::Analyzer::new().unwrap();
    let mut ws = khabar::Workspace::default();
    let opts = khabar::Options::default();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("lavrov", |b| b.iter(|| analyzer.analyze(&mut ws, text, &opts)));
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
