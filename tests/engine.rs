//! Engine behaviour on the small test questionnaire (tests/fixtures/questionnaires/mini.json).

use citcert::engine::{
    Answers, Context, Evaluation, Lang, Outcome, Questionnaire, Status, evaluate, load_str,
};

fn mini() -> Questionnaire {
    load_str(&std::fs::read_to_string("tests/fixtures/questionnaires/mini.json").unwrap()).unwrap()
}

fn day(s: &str) -> chrono::NaiveDate {
    citcert::clock::parse_date(s).unwrap()
}

fn eval(q: &Questionnaire, pairs: &[(&str, &str)]) -> Evaluation {
    let mut a = Answers::default();
    for (k, v) in pairs {
        if let Some(list) = v.strip_prefix("list:") {
            a.set(*k, citcert::engine::AnswerValue::List(list.split('|').map(str::to_string).collect()));
        } else {
            a.set_text(*k, *v);
        }
    }
    evaluate(q, &a, Context { today: day("2025-06-01"), started: None })
}

const COMPLETE: &[(&str, &str)] = &[
    ("a.for", "self"),
    ("a.kind", "first"),
    ("a.born_here", "yes"),
    ("a.dob", "1990-01-01"),
    ("p1.citizen", "no"),
    ("p2.present", "no"),
    ("d.uci", "NA"),
    ("d.names", "list:NA"),
    ("d.height", "165 cm"),
    ("d.country", "CA"),
    ("d.postal", "K1A 0B1"),
    ("docs.CL-ID.provide", "yes"),
    ("docs.CL-ID.file", "id.pdf"),
    ("docs.CL-ID.language", "english"),
    ("r.declaration", "yes"),
];

fn idx(q: &Questionnaire, id: &str) -> usize {
    q.question_index(id).unwrap()
}

#[test]
fn a_complete_application_is_ready_and_opens_the_fee_screen() {
    let q = mini();
    let ev = eval(&q, COMPLETE);
    assert_eq!(ev.outcome, Outcome::OnlineOk);
    assert!(ev.ready, "{:?}", ev.blockers);
    let fee = q.screen_index("S13").unwrap();
    assert!(ev.screen_visible[fee]);
    assert_eq!(ev.missing.iter().map(|&i| q.questions[i].id.as_str()).collect::<Vec<_>>(), ["f.method"]);
    assert_eq!(ev.progress_percent(&q), 94, "16 of 17 mandatory answers (the fixed one counts)");
    let (row, adds) = ev.indication.clone().unwrap();
    assert_eq!(q.indications[row].id, "I-1");
    assert!(adds.is_empty());
}

#[test]
fn the_fee_screen_stays_closed_until_the_gate_passes() {
    let q = mini();
    let mut answers: Vec<(&str, &str)> =
        COMPLETE.iter().copied().filter(|(k, _)| *k != "r.declaration").collect();
    answers.push(("f.method", "credit_card"));
    let ev = eval(&q, &answers);
    assert!(!ev.ready);
    assert!(!ev.screen_visible[q.screen_index("S13").unwrap()]);
    assert!(ev.set_aside.contains(&idx(&q, "f.method")), "a fee answer before the gate is kept, set aside");
    assert!(ev.missing.contains(&idx(&q, "r.declaration")));
}

#[test]
fn hidden_answers_are_kept_set_aside_and_ignored() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.push(("d.since", "2001-08")); // only asked when born abroad
    let ev = eval(&q, &answers);
    let since = idx(&q, "d.since");
    assert!(!ev.visible[since]);
    assert_eq!(ev.set_aside, vec![since]);
    assert!(ev.values[since].is_none(), "ignored by conditions");
    // Change the earlier answer: the question comes back, with its answer.
    answers.retain(|(k, _)| *k != "a.born_here");
    answers.push(("a.born_here", "no"));
    let ev = eval(&q, &answers);
    assert!(ev.visible[since] && ev.values[since].is_some());
    assert!(ev.set_aside.is_empty());
}

#[test]
fn a_screen_condition_hides_the_whole_screen() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.retain(|(k, _)| *k != "a.kind");
    answers.push(("a.kind", "update"));
    let ev = eval(&q, &answers);
    let s4 = q.screen_index("S4").unwrap();
    assert!(!ev.screen_visible[s4]);
    assert!(ev.set_aside.contains(&idx(&q, "d.uci")));
    assert_eq!(
        ev.next_screen(Some(q.screen_index("S3").unwrap())),
        Some(q.screen_index("S11.CL-ID").unwrap())
    );
    assert_eq!(ev.prev_screen(q.screen_index("S11.CL-ID").unwrap()), Some(q.screen_index("S3").unwrap()));
}

#[test]
fn stops_rank_and_do_not_apply_has_no_indication() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.retain(|(k, _)| *k != "a.kind" && *k != "a.for");
    answers.extend([("a.kind", "update"), ("a.for", "minor")]);
    let ev = eval(&q, &answers);
    let fired: Vec<&str> = ev.fired.iter().map(|&r| q.rules[r].id.as_str()).collect();
    assert!(fired.contains(&"ST-01") && fired.contains(&"ST-02"));
    assert_eq!(ev.outcome, Outcome::StopDoNotApply, "the most severe stop wins");
    assert_eq!(q.rules[ev.stops(&q)[0]].id, "ST-02");
    assert!(ev.indication.is_none());
    assert!(!ev.ready);
    assert!(ev.minor);
    assert_eq!(ev.prompt(&q, idx(&q, "a.for"), Lang::En), "Who?", "minor wording");
}

#[test]
fn paper_prep_items_only_after_a_paper_stop() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.retain(|(k, _)| *k != "a.kind");
    answers.push(("a.kind", "update"));
    let ev = eval(&q, &answers);
    assert_eq!(ev.outcome, Outcome::StopPaper);
    assert_eq!(ev.paper_prep.len(), 1);
    assert!(eval(&q, COMPLETE).paper_prep.is_empty());
}

#[test]
fn fixed_values_must_be_and_format_errors() {
    let q = mini();
    let ev =
        eval(&q, &[("p1.present", "no"), ("r.declaration", "no"), ("d.uci", "123"), ("a.kind", "first")]);
    let present = idx(&q, "p1.present");
    assert_eq!(ev.values[present].as_ref().unwrap().as_cond_str(), "yes", "fixed value wins");
    assert!(ev.has_error(idx(&q, "r.declaration")));
    assert!(ev.has_error(idx(&q, "d.uci")));
    assert!(!ev.missing.contains(&idx(&q, "d.uci")), "invalid is not missing");
}

#[test]
fn cross_checks_expand_over_groups() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.retain(|(k, _)| !k.starts_with("p1.") && !k.starts_with("p2."));
    answers.extend([
        ("p1.citizen", "yes"),
        ("p1.grant", "1995-01-01"),
        ("p2.present", "yes"),
        ("p2.citizen", "yes"),
        ("p2.grant", "1980-01-01"),
    ]);
    let ev = eval(&q, &answers);
    assert!(ev.has_error(idx(&q, "p1.grant")), "granted after the birth");
    assert!(!ev.has_error(idx(&q, "p2.grant")));
    assert_eq!(
        ev.problems.iter().find(|p| p.question == idx(&q, "p1.grant")).unwrap().check.as_deref(),
        Some("V-GRANT[p1]")
    );
    let ev = eval(&q, &[("a.for", "self"), ("a.dob", "2010-01-01")]);
    assert!(ev.has_error(idx(&q, "a.dob")), "V-AGE");
    let ev = eval(&q, &[("a.kind", "first"), ("d.uci", "99-1234-5678")]);
    assert!(ev.warnings().any(|p| p.question == idx(&q, "d.uci")) && !ev.has_error(idx(&q, "d.uci")));
}

#[test]
fn statuses_reasons_and_rule_driven_items() {
    let q = mini();
    let mut answers = COMPLETE.to_vec();
    answers.retain(|(k, _)| !k.starts_with("docs.") && *k != "a.born_here" && *k != "p2.present");
    answers.extend([
        ("a.born_here", "no"),
        ("p2.present", "yes"),
        ("docs.CL-ID.provide", "yes"),
        ("docs.CL-ID.file", "id.pdf"),
        ("docs.CL-ID.language", "other"),
        ("docs.CL-PARENT.provide", "no_explanation"),
        ("docs.CL-PARENT.file", "letter.pdf"),
        ("docs.CL-RETURN.ack", "yes"),
    ]);
    let ev = eval(&q, &answers);
    let st = |id: &str| ev.items.iter().find(|r| q.items[r.item].id == id).map(|r| r.status);
    assert_eq!(st("CL-ID"), Some(Status::Provided));
    assert_eq!(st("CL-PARENT"), Some(Status::Explained));
    assert_eq!(st("CL-RETURN"), Some(Status::Done));
    assert_eq!(st("CL-FIX"), Some(Status::Missing), "DB-15 put the fix on the list");
    assert!(ev.fired.iter().any(|&r| q.rules[r].id == "DB-15"));
    assert!(!ev.ready);
    let parent = ev.items.iter().find(|r| q.items[r.item].id == "CL-PARENT").unwrap();
    let why = ev.reason_text(&q, parent, Lang::En);
    assert_eq!(why, "You were born abroad. Because you answered: Born here? → No; What? → First.");
    let why_fr = ev.reason_text(&q, parent, Lang::Fr);
    assert!(why_fr.contains("Parce que vous avez répondu"), "{why_fr}");
}

#[test]
fn draft_expiry_rule_uses_the_start_date() {
    let q = mini();
    let mut a = Answers::default();
    for (k, v) in COMPLETE.iter().filter(|(k, _)| *k != "d.names") {
        a.set_text(*k, *v);
    }
    a.set("d.names", citcert::engine::AnswerValue::List(vec!["NA".into()]));
    let at = |today: &str| evaluate(&q, &a, Context { today: day(today), started: Some(day("2025-06-01")) });
    assert!(at("2025-07-31").ready, "day 60");
    let ev = at("2025-08-01");
    assert!(ev.fired.iter().any(|&r| q.rules[r].id == "DR-16"), "day 61");
    assert!(!ev.ready);
}

#[test]
fn an_addendum_adds_to_the_row() {
    let q = mini();
    let ev = eval(&q, &[("a.born_here", "no"), ("a.dob", "1940-05-05")]);
    assert_eq!(ev.indication_text(&q, Lang::En).unwrap(), "3(1)(b) (o)/(q)");
}
