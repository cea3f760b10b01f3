//! Every persona of PERSONAS.md and every engine scenario X3–X17, as committed fixtures:
//! `tests/personas/*.answers.json` with `*.expected.json`, evaluated with the built-in
//! questionnaire. See tests/scenarios/README.md for the expected-file keys.

use std::collections::BTreeSet;
use std::path::Path;

use citcert::engine::{Answers, Context, ItemKind, Lang, Outcome, Severity, Text, builtin, evaluate};
use serde_json::Value;

fn strings(v: Option<&Value>) -> Option<BTreeSet<String>> {
    v.and_then(Value::as_array).map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
}

/// Checks one fixture; returns the list of mismatches (empty when it passes).
fn check_fixture(answers_path: &Path) -> Vec<String> {
    let q = builtin().expect("the built-in questionnaire loads");
    let expected_path = answers_path.with_file_name(
        answers_path.file_name().unwrap().to_string_lossy().replace(".answers.json", ".expected.json"),
    );
    let root: Value = serde_json::from_str(&std::fs::read_to_string(answers_path).unwrap()).unwrap();
    let exp: Value = serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).expect("answers file shape");
    let unknown = answers.unknown_ids(q);
    let mut bad = vec![];
    if !unknown.is_empty() {
        bad.push(format!("unknown question ids: {unknown:?}"));
    }
    let shape = answers.shape_errors(q);
    if !shape.is_empty() {
        bad.push(format!("shape errors: {shape:?}"));
    }
    let today = citcert::clock::parse_date(exp["today"].as_str().unwrap()).unwrap();
    let ev = evaluate(q, &answers, Context { today, started: None });
    let ids = |v: &[usize]| -> BTreeSet<String> { v.iter().map(|&i| q.questions[i].id.clone()).collect() };
    let invalid: BTreeSet<String> = ev
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| q.questions[p.question].id.clone())
        .collect();
    let warnings: BTreeSet<String> = ev
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .map(|p| q.questions[p.question].id.clone())
        .collect();
    let rules: BTreeSet<String> = ev.fired.iter().map(|&r| q.rules[r].id.clone()).collect();
    let items_of = |pred: &dyn Fn(bool, ItemKind) -> bool| -> BTreeSet<String> {
        ev.items
            .iter()
            .filter(|r| pred(r.required, q.items[r.item].kind))
            .map(|r| q.items[r.item].id.clone())
            .collect()
    };
    let mut eq = |name: &str, got: BTreeSet<String>| {
        if let Some(want) = strings(exp.get(name))
            && got != want
        {
            bad.push(format!("{name}: expected {want:?}, got {got:?}"));
        }
    };
    eq("rules", rules.clone());
    eq("invalid", invalid.clone());
    eq("warnings", warnings.clone());
    if ev.outcome == Outcome::OnlineOk {
        eq("required", items_of(&|req, k| req && k != ItemKind::Info));
        eq("optional", items_of(&|req, k| !req && k != ItemKind::Info));
        eq("info", items_of(&|_, k| k == ItemKind::Info));
    }
    eq("paper_prep", ev.paper_prep.iter().map(|r| q.items[r.item].id.clone()).collect());
    let mut sub = |name: &str, got: &BTreeSet<String>, want_in: bool| {
        if let Some(want) = strings(exp.get(name)) {
            for w in want {
                if got.contains(&w) != want_in {
                    bad.push(format!(
                        "{name}: {w} {} {got:?}",
                        if want_in { "missing from" } else { "present in" }
                    ));
                }
            }
        }
    };
    sub("invalid_contains", &invalid, true);
    sub("rules_contains", &rules, true);
    sub("rules_absent", &rules, false);
    sub("missing_contains", &ids(&ev.missing), true);
    let on_list: BTreeSet<String> =
        ev.items.iter().chain(&ev.paper_prep).map(|r| q.items[r.item].id.clone()).collect();
    let listed = if ev.outcome == Outcome::OnlineOk {
        on_list
    } else {
        ev.paper_prep.iter().map(|r| q.items[r.item].id.clone()).collect()
    };
    sub("not_on_list", &listed, false);
    if let Some(any) = strings(exp.get("invalid_any"))
        && any.is_disjoint(&invalid)
    {
        bad.push(format!("invalid_any: none of {any:?} in {invalid:?}"));
    }
    if let Some(hidden) = strings(exp.get("hidden")) {
        for h in hidden {
            match q.question_index(&h) {
                Some(i) if ev.visible[i] => bad.push(format!("hidden: {h} is visible")),
                None => bad.push(format!("hidden: {h} is not a question")),
                _ => {}
            }
        }
    }
    if let Some(o) = exp.get("outcome").and_then(Value::as_str)
        && ev.outcome.code() != o
    {
        bad.push(format!("outcome: expected {o}, got {}", ev.outcome.code()));
    }
    if let Some(ind) = exp.get("indication") {
        let got = ev.indication.as_ref().map(|(r, _)| q.indications[*r].id.clone());
        if ind.as_str().map(str::to_string) != got {
            bad.push(format!("indication: expected {ind}, got {got:?}"));
        }
    }
    if let Some(want) = strings(exp.get("addenda")) {
        let got: BTreeSet<String> = ev
            .indication
            .iter()
            .flat_map(|(_, adds)| adds.iter().map(|&a| q.indications[a].id.clone()))
            .collect();
        if got != want {
            bad.push(format!("addenda: expected {want:?}, got {got:?}"));
        }
    }
    for (key, want_in) in [("reason_contains", true), ("reason_absent", false)] {
        let Some(m) = exp.get(key).and_then(Value::as_object) else { continue };
        for (item, parts) in m {
            let Some(r) = ev.items.iter().chain(&ev.paper_prep).find(|r| q.items[r.item].id == *item) else {
                bad.push(format!("{key}: {item} is not on the list"));
                continue;
            };
            let text = ev.reason_text(q, r, Lang::En);
            for part in parts.as_array().into_iter().flatten().filter_map(Value::as_str) {
                if text.contains(part) != want_in {
                    bad.push(format!(
                        "{key}: {item}: {part:?} {} {text:?}",
                        if want_in { "not in" } else { "in" }
                    ));
                }
            }
        }
    }
    if let Some(m) = exp.get("values").and_then(Value::as_object) {
        for (id, want) in m {
            let got = q.question_index(id).and_then(|i| ev.values[i].as_ref()).map(|v| v.to_json());
            if got.as_ref() != Some(want) {
                bad.push(format!("values: {id}: expected {want}, got {got:?}"));
            }
        }
    }
    for t in exp.get("text_contains").and_then(Value::as_array).into_iter().flatten() {
        let of = t["of"].as_str().unwrap_or_default();
        let text = fixture_text(q, &ev, of);
        for lang in [Lang::En, Lang::Fr] {
            let key = if lang == Lang::En { "en" } else { "fr" };
            let Some(part) = t.get(key).and_then(Value::as_str) else { continue };
            match &text {
                Some(x) if x.get(lang).contains(part) => {}
                Some(x) => bad.push(format!("text_contains: {of} ({key}) lacks {part:?}: {:?}", x.get(lang))),
                None => bad.push(format!("text_contains: no text {of:?}")),
            }
        }
    }
    if let Some(r) = exp.get("ready").and_then(Value::as_bool)
        && ev.ready != r
    {
        let why: Vec<String> = ev
            .blockers
            .iter()
            .take(8)
            .map(|b| citcert::documents::report::blocker_text(q, &ev, b, Lang::En))
            .collect();
        bad.push(format!("ready: expected {r}, got {} (blockers: {why:#?})", ev.ready));
    }
    bad
}

/// A text named in an expected file's `text_contains`: `help:<question>`, `intro:<screen>`,
/// `text:<shared text>`, `option:<question>:<option>` or `indication` (row and addenda).
fn fixture_text(
    q: &citcert::engine::Questionnaire,
    ev: &citcert::engine::Evaluation,
    of: &str,
) -> Option<Text> {
    let (kind, rest) = of.split_once(':').unwrap_or((of, ""));
    match kind {
        "help" => q.question(rest).map(|x| x.help.clone()),
        "intro" => q.screens.iter().find(|s| s.id == rest).and_then(|s| s.intro.clone()),
        "text" => q.text(rest).cloned(),
        "option" => {
            let (qid, opt) = rest.rsplit_once(':')?;
            q.question(qid)?.option(opt).map(|o| o.label.clone())
        }
        "indication" => Some(Text::new(ev.indication_text(q, Lang::En)?, ev.indication_text(q, Lang::Fr)?)),
        _ => None,
    }
}

fn run_dir(dir: &str) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".answers.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {dir}");
    let mut failures = vec![];
    for f in &files {
        let bad = check_fixture(f);
        if !bad.is_empty() {
            failures.push(format!("{}:\n  {}", f.display(), bad.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn personas_match_their_expected_outcomes() {
    run_dir("tests/personas");
}

#[test]
fn scenarios_match_their_expected_outcomes() {
    run_dir("tests/scenarios");
}

#[test]
fn x18_fee_is_per_person() {
    let q = builtin().unwrap();
    assert_eq!(citcert::engine::eval::fee_total(q, 1), 75);
    assert_eq!(citcert::engine::eval::fee_total(q, 3), 225);
}

#[test]
fn a_minor_is_asked_about_in_the_second_person() {
    // G L146: "answer as though you are the minor".
    let q = builtin().unwrap();
    let text = std::fs::read_to_string("tests/personas/P04.answers.json").unwrap();
    let answers = Answers::from_file_json(&serde_json::from_str(&text).unwrap()).unwrap();
    let ev = evaluate(
        q,
        &answers,
        Context { today: citcert::clock::parse_date("2025-06-01").unwrap(), started: None },
    );
    assert!(ev.minor);
    let born = q.question_index("elig.born_in_canada").unwrap();
    assert_ne!(ev.prompt(q, born, Lang::En), q.questions[born].prompt.en, "minor wording used");
    let text = std::fs::read_to_string("tests/personas/P01.answers.json").unwrap();
    let answers = Answers::from_file_json(&serde_json::from_str(&text).unwrap()).unwrap();
    let ev = evaluate(
        q,
        &answers,
        Context { today: citcert::clock::parse_date("2025-06-01").unwrap(), started: None },
    );
    assert!(!ev.minor);
    assert_eq!(ev.prompt(q, born, Lang::En), q.questions[born].prompt.en);
}

#[test]
fn progress_alone_agrees_with_a_full_evaluation() {
    let q = builtin().unwrap();
    let ctx = Context { today: citcert::clock::parse_date("2025-06-01").unwrap(), started: None };
    for dir in ["tests/personas", "tests/scenarios"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".answers.json") {
                continue;
            }
            let root: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let answers = Answers::from_file_json(&root).unwrap();
            let full = evaluate(q, &answers, ctx).progress_percent(q);
            assert_eq!(citcert::engine::eval::progress(q, &answers, ctx), full, "{}", path.display());
        }
    }
}

#[test]
fn the_complete_example_draft_is_ready_on_day_60_and_expired_on_day_61() {
    // drafts/3f9a0c1e.json is P01, started 2025-06-01 (X1/X2 through the engine's DR-16).
    let q = builtin().unwrap();
    let root: Value =
        serde_json::from_str(&std::fs::read_to_string("drafts/3f9a0c1e.json").unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let started = root["created_on"].as_str().and_then(citcert::clock::parse_date);
    let at =
        |d: &str| evaluate(q, &answers, Context { today: citcert::clock::parse_date(d).unwrap(), started });
    assert!(at("2025-07-31").ready);
    let late = at("2025-08-01");
    assert!(late.fired.iter().any(|&r| q.rules[r].id == "DR-16") && !late.ready);
}
