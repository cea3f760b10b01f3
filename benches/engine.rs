//! Engine speed (issue 2): full evaluation of the real questionnaire with a complete persona, and
//! of synthetic questionnaires of 1,000 and 10,000 questions (see BENCHMARKS.md).

/// The allocator the shipped binary uses (src/main.rs), so the figures are the product's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use citcert::engine::{Answers, Context, builtin, evaluate, load_str};

fn today() -> chrono::NaiveDate {
    citcert::clock::parse_date("2025-06-01").unwrap()
}

fn real(c: &mut Criterion) {
    let q = builtin().expect("built-in questionnaire");
    for persona in ["P01", "P13"] {
        let text = std::fs::read_to_string(format!("tests/personas/{persona}.answers.json")).unwrap();
        let answers = Answers::from_file_json(&serde_json::from_str(&text).unwrap()).unwrap();
        c.bench_function(&format!("evaluate/real/{persona}"), |b| {
            b.iter(|| evaluate(black_box(q), black_box(&answers), Context { today: today(), started: None }))
        });
        c.bench_function(&format!("progress/real/{persona}"), |b| {
            b.iter(|| {
                citcert::engine::eval::progress(
                    black_box(q),
                    black_box(&answers),
                    Context { today: today(), started: None },
                )
            })
        });
    }
    c.bench_function("load/real", |b| {
        b.iter(|| load_str(black_box(citcert::engine::load::BUILTIN_JSON)).unwrap())
    });
}

fn synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate/synthetic");
    for n in [1_000usize, 10_000] {
        let q = load_str(&citcert::synth::questionnaire(n).to_string()).unwrap();
        let answers = citcert::synth::all_yes(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| evaluate(black_box(&q), black_box(&answers), Context { today: today(), started: None }))
        });
    }
    group.finish();
}

criterion_group!(benches, real, synthetic);
criterion_main!(benches);
