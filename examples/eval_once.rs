//! Evaluates a synthetic questionnaire a few times (for profiling with callgrind or perf):
//!   cargo run --release --example eval_once -- 10000
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let q = citcert::engine::load_str(&citcert::synth::questionnaire(n).to_string()).expect("valid");
    let a = citcert::synth::all_yes(n);
    let today = citcert::clock::parse_date("2025-06-01").expect("date");
    let t = std::time::Instant::now();
    let mut visible = 0;
    for _ in 0..std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(20) {
        let ev = citcert::engine::evaluate(&q, &a, citcert::engine::Context { today, started: None });
        visible += ev.visible.iter().filter(|v| **v).count();
    }
    println!("{n} questions: {:?} per evaluation ({visible})", t.elapsed() / 20);
}
