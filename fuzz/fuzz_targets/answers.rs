//! Answers files: any bytes read as `check --answers` reads them (duplicate keys refused, shapes,
//! unknown ids), then evaluated against the built-in questionnaire with the readiness report.
#![no_main]
use libfuzzer_sys::fuzz_target;

use citcert::engine::{Answers, Context, Lang, builtin, evaluate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(root) = citcert::context::parse_answers_json("fuzz.json", text) else { return };
    let Ok(answers) = Answers::from_file_json(&root) else { return };
    let q = builtin().expect("the built-in questionnaire loads");
    let _ = answers.unknown_ids(q);
    if !answers.shape_errors(q).is_empty() {
        return;
    }
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let started = root.get("created_on").and_then(|v| v.as_str()).and_then(citcert::clock::parse_date);
    let ev = evaluate(q, &answers, Context { today, started });
    let attachments = root
        .get("attachments")
        .and_then(|v| v.as_array())
        .map(|a| citcert::documents::attach::attachments_of(a))
        .unwrap_or_default();
    // Attached paths from the input are re-hashed: regular files only, never a hang.
    let rd = citcert::documents::readiness::readiness(q, &answers, &ev, &attachments, Lang::En);
    let _ = citcert::documents::report::check_text(q, &ev, &rd, Lang::Fr);
    let _ = citcert::documents::report::readiness_text(&rd, Lang::En);
});
