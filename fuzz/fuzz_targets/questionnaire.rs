//! Questionnaire loading: any bytes through `load_str` (parse, expand, compile, validate); a
//! questionnaire that loads is then evaluated with no answers.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(q) = citcert::engine::load_str(text) {
        let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let answers = citcert::engine::Answers::default();
        let _ = citcert::engine::evaluate(&q, &answers, citcert::engine::Context { today, started: None });
    }
});
