//! Writes a synthetic questionnaire (and, with --answers, an all-yes answers file) so other
//! engines can be compared on the same form:
//!   cargo run --release --example gen_questionnaire -- --questions 10000 --out synth.json [--answers synth-answers.json]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let Some(n) = get("--questions").and_then(|n| n.parse::<usize>().ok()).filter(|n| *n > 0) else {
        eprintln!("usage: gen_questionnaire --questions N --out FILE [--answers FILE]");
        return ExitCode::from(2);
    };
    let Some(out) = get("--out") else {
        eprintln!("gen_questionnaire: --out FILE is required");
        return ExitCode::from(2);
    };
    let q = citcert::synth::questionnaire(n);
    if let Err(e) = std::fs::write(&out, serde_json::to_string_pretty(&q).unwrap_or_default()) {
        eprintln!("gen_questionnaire: {out}: cannot write: {e}");
        return ExitCode::from(1);
    }
    if let Some(path) = get("--answers") {
        let answers = serde_json::json!({"answers": citcert::synth::all_yes(n).to_json_map()});
        if let Err(e) = std::fs::write(&path, answers.to_string()) {
            eprintln!("gen_questionnaire: {path}: cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    println!("wrote {out}: {n} questions");
    ExitCode::SUCCESS
}
