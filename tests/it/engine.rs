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
    // Progress is a position (docs/DECISIONS.md 19): every section with questions but the fee's
    // (six of seven, document screens included) is passed; the fee is what is left.
    assert_eq!(ev.progress_percent(&q), 85);
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

// ---- Ask once, prefill what is known, never offer a ruled-out option (issue 13) --------------

fn shipped(pairs: &[(&str, &str)]) -> (&'static Questionnaire, Evaluation) {
    let q = citcert::engine::builtin().unwrap();
    let ev = eval(q, pairs);
    (q, ev)
}

fn offered(q: &Questionnaire, ev: &Evaluation, id: &str) -> Vec<String> {
    ev.offered_options(q, idx(q, id)).iter().map(|o| o.id.clone()).collect()
}

#[test]
fn the_reason_for_the_application_is_taken_from_what_you_want_to_do() {
    let kind = |pairs: &[(&str, &str)]| {
        let (q, ev) = shipped(pairs);
        let qi = idx(q, "reason.kind");
        (ev.is_fixed(qi), ev.fixed_value(qi).map(str::to_string))
    };
    assert_eq!(kind(&[("elig.request_type", "first")]), (true, Some("first".into())));
    assert_eq!(kind(&[("elig.request_type", "replace")]), (true, Some("replace".into())));
    // A stored answer that disagrees (an old draft) is not used: 1.2 decides.
    assert_eq!(
        kind(&[("elig.request_type", "replace"), ("reason.kind", "first")]),
        (true, Some("replace".into()))
    );
    // Paper-preparation after ST-01 (update): 2.1 is still asked.
    let (q, ev) = shipped(&[("elig.request_type", "update")]);
    let qi = idx(q, "reason.kind");
    assert!(ev.visible[qi] && !ev.is_fixed(qi) && ev.values[qi].is_none());
    assert!(ev.missing.contains(&qi));
    // 3.1: yes and fixed for a replacement; for a first certificate "no" is only a suggestion,
    // so a "yes" in an answers file still reaches CA-14 (PERSONAS X11).
    let (q, ev) = shipped(&[("elig.request_type", "replace")]);
    assert_eq!(ev.fixed_value(idx(q, "prev.ever_had")), Some("yes"));
    let (q, ev) = shipped(&[("elig.request_type", "first")]);
    let had = idx(q, "prev.ever_had");
    assert!(!ev.is_fixed(had) && ev.values[had].is_none());
    assert_eq!(ev.suggestion(q, had).as_deref(), Some("no"));
    let (q, ev) = shipped(&[("elig.request_type", "first"), ("prev.ever_had", "yes")]);
    let ca14 = q.rules.iter().position(|r| r.id == "CA-14").unwrap();
    assert!(ev.fired.contains(&ca14));
}

#[test]
fn country_of_birth_and_mailing_country_are_suggested_from_earlier_answers() {
    let (q, ev) = shipped(&[("elig.born_in_canada", "yes")]);
    let cob = idx(q, "pers.country_of_birth");
    assert_eq!(ev.suggestion(q, cob).as_deref(), Some("CA"));
    assert!(ev.values[cob].is_none(), "a suggestion is not an answer");
    assert!(ev.missing.contains(&cob));
    let (q, ev) = shipped(&[("elig.born_in_canada", "no")]);
    assert_eq!(ev.suggestion(q, idx(q, "pers.country_of_birth")), None);
    // 9.7 copies 9.3 as it is.
    let (q, ev) = shipped(&[("addr.residence_country", "FR")]);
    assert_eq!(ev.suggestion(q, idx(q, "addr.mail_country")).as_deref(), Some("FR"));
    let (q, ev) = shipped(&[]);
    assert_eq!(ev.suggestion(q, idx(q, "addr.mail_country")), None);
    // Once answered, the answer stands.
    let (q, ev) = shipped(&[("addr.residence_country", "FR"), ("addr.mail_country", "BE")]);
    assert_eq!(ev.values[idx(q, "addr.mail_country")].as_ref().unwrap().as_cond_str(), "BE");
}

#[test]
fn the_date_you_came_to_live_in_canada_is_not_asked_of_a_person_born_in_canada() {
    let (q, ev) = shipped(&[("elig.born_in_canada", "yes"), ("cit.ever_lived_in_canada", "yes")]);
    let came = idx(q, "cit.came_to_live_on");
    assert!(!ev.visible[came]);
    assert!(!ev.missing.contains(&came));
    let (q, ev) = shipped(&[("elig.born_in_canada", "no"), ("cit.ever_lived_in_canada", "yes")]);
    assert!(ev.visible[came] && ev.missing.contains(&idx(q, "cit.came_to_live_on")));
    // An answers file written before still holds it: kept and set aside, never an unknown id.
    let (_, ev) = shipped(&[
        ("elig.born_in_canada", "yes"),
        ("cit.ever_lived_in_canada", "yes"),
        ("cit.came_to_live_on", "1990-04-12"),
    ]);
    assert!(ev.set_aside.contains(&came));
    assert!(ev.unknown_ids.is_empty());
    assert!(ev.problems.iter().all(|p| p.question != came));
}

#[test]
fn a_parent_born_outside_canada_is_not_offered_born_in_canada() {
    // 6.12 = Lebanon: 6.16 offers no "born in Canada".
    let base = [("par2.present", "yes"), ("par2.country_of_birth", "LB"), ("par2.citizen_at_birth", "yes")];
    let (q, ev) = shipped(&base);
    let how = offered(q, &ev, "par2.how_obtained");
    assert!(!how.contains(&"born_in_canada".to_string()), "{how:?}");
    assert_eq!(how[0], "granted");
    assert!(how.contains(&"born_outside_to_canadian_parent".to_string()));
    let shown = ev.shown_question(q, idx(q, "par2.how_obtained"));
    assert_eq!(shown.options.len(), q.question("par2.how_obtained").unwrap().options.len() - 1);
    // An answer stored with the ruled-out option is invalid, never used.
    let mut with = base.to_vec();
    with.push(("par2.how_obtained", "born_in_canada"));
    let (q, ev) = shipped(&with);
    let qi = idx(q, "par2.how_obtained");
    assert!(ev.values[qi].is_none());
    assert!(ev.has_error(qi));
    let msg = &ev.problems_for(qi).next().unwrap().message;
    assert!(msg.en.contains("“Born in Canada” does not fit your answer to 6.12"), "{}", msg.en);
    assert!(
        msg.fr.contains("« Né au Canada » ne concorde pas avec votre réponse à la question 6.12"),
        "{}",
        msg.fr
    );
    assert!(!ev.ready);
    // Born in Canada: "born outside Canada to a Canadian parent" is the one ruled out.
    let (q, ev) = shipped(&[("par1.country_of_birth", "CA"), ("par1.citizen_at_birth", "yes")]);
    let how = offered(q, &ev, "par1.how_obtained");
    assert!(how.contains(&"born_in_canada".to_string()));
    assert!(!how.contains(&"born_outside_to_canadian_parent".to_string()), "{how:?}");
    // Country unknown or not answered yet: nothing is ruled out.
    for country in ["UNKNOWN", ""] {
        let mut pairs = vec![("par1.citizen_at_birth", "yes")];
        if !country.is_empty() {
            pairs.push(("par1.country_of_birth", country));
        }
        let (q, ev) = shipped(&pairs);
        assert_eq!(offered(q, &ev, "par1.how_obtained").len(), 6, "{country}");
    }
}

#[test]
fn a_self_granted_claim_is_not_offered_no_to_the_grant_question() {
    let (q, ev) = shipped(&[("elig.born_in_canada", "no"), ("elig.claim_basis", "self_granted")]);
    let sg = offered(q, &ev, "cit.self_granted");
    assert!(!sg.contains(&"no".to_string()), "{sg:?}");
    assert_eq!(ev.suggestion(q, idx(q, "cit.self_granted")).as_deref(), Some("grant"));
    let (q, ev) = shipped(&[("elig.born_in_canada", "no"), ("elig.claim_basis", "parent_born_in_canada")]);
    assert!(offered(q, &ev, "cit.self_granted").contains(&"no".to_string()));
}

#[test]
fn yes_comes_before_no_in_every_choice() {
    let q = citcert::engine::builtin().unwrap();
    for question in &q.questions {
        let ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
        let yes = ids.iter().position(|&i| i == "yes" || i.starts_with("yes_") || i == "grant");
        if let (Some(y), Some(n)) = (yes, ids.iter().position(|&i| i == "no")) {
            assert!(y < n, "{}: {ids:?}", question.id);
        }
    }
}

/// mini.json with one question changed by `edit`.
fn mini_with(
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<Questionnaire, Vec<citcert::engine::Problem>> {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/questionnaires/mini.json").unwrap())
            .unwrap();
    edit(&mut v);
    load_str(&v.to_string())
}

#[test]
fn fixed_lists_option_conditions_and_copy_prefills() {
    // 1.2 a.kind offers "update" only to an adult (1.1 = self); p1.citizen is fixed by a list;
    // p2.citizen suggests a copy of p1.citizen and offers "no" only for a first request.
    let q = mini_with(|v| {
        v["screens"][0]["questions"][1]["options"][1]["show_if"] =
            serde_json::json!({"q": "a.for", "eq": "self"});
        v["screens"][1]["questions"][1]["fixed"] = serde_json::json!([
            {"when": {"q": "a.kind", "eq": "update"}, "value": "no"},
            {"when": {"q": "a.for", "eq": "minor"}, "value": "yes"}
        ]);
        v["screens"][2]["questions"][1]["prefill"] = serde_json::json!({"from": "p1.citizen"});
        v["screens"][2]["questions"][1]["options"][1]["show_if"] =
            serde_json::json!({"q": "a.kind", "eq": "first"});
    })
    .expect("valid");
    // Option conditions.
    let ev = eval(&q, &[("a.for", "minor")]);
    assert_eq!(offered(&q, &ev, "a.kind"), ["first"]);
    let ev = eval(&q, &[("a.for", "minor"), ("a.kind", "update")]);
    assert!(ev.has_error(idx(&q, "a.kind")) && ev.values[idx(&q, "a.kind")].is_none());
    let msg = &ev.problems_for(idx(&q, "a.kind")).next().unwrap().message;
    assert!(msg.en.contains("your answer to 1.1"), "{}", msg.en);
    let ev = eval(&q, &[("a.for", "self"), ("a.kind", "update")]);
    assert!(!ev.has_error(idx(&q, "a.kind")));
    // Fixed: the first condition that holds gives the value.
    let p1 = idx(&q, "p1.citizen");
    assert_eq!(ev.fixed_value(p1), Some("no"));
    let ev = eval(&q, &[("a.for", "minor"), ("a.kind", "first"), ("p1.citizen", "no")]);
    assert_eq!(ev.fixed_value(p1), Some("yes"), "the stored answer is not used while fixed");
    let ev = eval(&q, &[("a.for", "self"), ("a.kind", "first"), ("p1.citizen", "yes")]);
    assert!(!ev.is_fixed(p1));
    assert_eq!(ev.values[p1].as_ref().unwrap().as_cond_str(), "yes");
    // Copy prefill, never a ruled-out option.
    let p2 = idx(&q, "p2.citizen");
    let ev = eval(&q, &[("a.for", "self"), ("a.kind", "first"), ("p1.citizen", "no"), ("p2.present", "yes")]);
    assert_eq!(ev.suggestion(&q, p2).as_deref(), Some("no"));
    let ev = eval(&q, &[("a.for", "self"), ("a.kind", "update"), ("p2.present", "yes")]);
    assert_eq!(ev.fixed_value(p1), Some("no"));
    assert!(!ev.option_offered(p2, 1));
    assert_eq!(ev.suggestion(&q, p2), None, "the copied answer is ruled out here");
}

#[test]
fn validate_reports_bad_option_conditions_fixed_lists_and_prefills() {
    let problem = |edit: &dyn Fn(&mut serde_json::Value)| -> String {
        match mini_with(|v| edit(v)) {
            Ok(_) => "loaded".into(),
            Err(p) => p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"),
        }
    };
    // An option condition that reads a later question.
    let p = problem(&|v| {
        v["screens"][0]["questions"][1]["options"][1]["show_if"] =
            serde_json::json!({"q": "a.dob", "answered": true})
    });
    assert!(
        p.contains("question \"a.kind\" (S1).option \"update\".show_if: refers to a later question"),
        "{p}"
    );
    // An option condition with a value the question does not have.
    let p = problem(&|v| {
        v["screens"][0]["questions"][1]["options"][1]["show_if"] =
            serde_json::json!({"q": "a.for", "eq": "adult"})
    });
    assert!(p.contains("screens[0].questions[1].options[1].show_if"), "{p}");
    // A fixed list entry without a value, and a fixed value the question does not have.
    let p = problem(&|v| v["screens"][1]["questions"][1]["fixed"] = serde_json::json!([{"when": true}]));
    assert!(p.contains("screens[1].questions[1].fixed[0]: expected"), "{p}");
    let p = problem(&|v| {
        v["screens"][1]["questions"][1]["fixed"] = serde_json::json!([{"when": true, "value": "maybe"}])
    });
    assert!(p.contains("\"maybe\" is not a value"), "{p}");
    // A ruled-out message on an option that is never ruled out.
    let p = problem(&|v| {
        v["screens"][0]["questions"][1]["options"][1]["ruled_out_message"] =
            serde_json::json!({"en": "No.", "fr": "Non."})
    });
    assert!(p.contains("options[1].ruled_out_message: an option without"), "{p}");
    // A copy between questions of different types, and an empty map.
    let p = problem(&|v| v["screens"][2]["questions"][1]["prefill"] = serde_json::json!({"from": "a.kind"}));
    assert!(p.contains("copied as it is"), "{p}");
    let p = problem(&|v| {
        v["screens"][2]["questions"][1]["prefill"] = serde_json::json!({"from": "p1.citizen", "map": {}})
    });
    assert!(p.contains("screens[2].questions[1].prefill.map: an empty map"), "{p}");
}

#[test]
fn outside_canada_only_a_notary_public_is_offered_for_the_translators_affidavit() {
    let q = citcert::engine::builtin().unwrap();
    let root: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/scenarios/R10.answers.json").unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let ev = evaluate(q, &answers, Context { today: day("2025-06-01"), started: None });
    let before = idx(q, "docs.CL-ID1.affidavit_sworn_before");
    assert_eq!(offered(q, &ev, "docs.CL-ID1.affidavit_sworn_before"), ["notary_public"]);
    // R10's stored "commissioner of oaths" is refused with the option's own message.
    let p = ev.problems_for(before).next().expect("refused");
    assert!(
        p.message
            .en
            .starts_with("Outside Canada, the translator's affidavit must be sworn before a notary public")
    );
    assert!(p.message.fr.starts_with("À l'extérieur du Canada, l'affidavit du traducteur"));
    assert!(ev.values[before].is_none() && !ev.ready);
    // Sworn in Canada: all three are offered.
    let mut in_canada = answers.clone();
    in_canada.set_text("docs.CL-ID1.affidavit_sworn_in", "in_canada");
    let ev = evaluate(q, &in_canada, Context { today: day("2025-06-01"), started: None });
    assert_eq!(offered(q, &ev, "docs.CL-ID1.affidavit_sworn_before").len(), 3);
    assert!(ev.problems_for(before).next().is_none());
}

#[test]
fn other_known_answers_are_suggested_too() {
    // 7.1 for a person born in Canada.
    let (q, ev) = shipped(&[("elig.born_in_canada", "yes")]);
    assert_eq!(ev.suggestion(q, idx(q, "cit.ever_lived_in_canada")).as_deref(), Some("yes"));
    let (q, ev) = shipped(&[("elig.born_in_canada", "no")]);
    assert_eq!(ev.suggestion(q, idx(q, "cit.ever_lived_in_canada")), None);
    // The birth certificate's issuer from the province of birth (a province is a valid issuer).
    let pairs = [
        ("elig.request_type", "first"),
        ("elig.born_in_canada", "yes"),
        ("pers.province_of_birth", "CA-QC"),
        ("docs.CL-BIRTHCERT.provide", "yes"),
        ("docs.CL-BIRTHCERT.doc_type", "birth_certificate"),
    ];
    let (q, ev) = shipped(&pairs);
    let issuer = idx(q, "docs.CL-BIRTHCERT.issuer");
    assert!(ev.visible[issuer]);
    assert_eq!(ev.suggestion(q, issuer).as_deref(), Some("CA-QC"));
    // Not for the other documents' issuers (an identity document may come from anywhere).
    assert!(q.question("docs.CL-ID1.issuer").unwrap().prefill.is_none());
    // Born abroad: no province of birth, no suggestion.
    let (q, ev) =
        shipped(&[("elig.request_type", "first"), ("elig.born_in_canada", "no"), pairs[3], pairs[4]]);
    assert_eq!(ev.suggestion(q, idx(q, "docs.CL-BIRTHCERT.issuer")), None);
}

/// The engine's own sentences about an answer, word for word in both languages (issue 14: each is
/// one `Template`): an option ruled out by two earlier answers, and a question that must be given
/// one answer (the questionnaire has no message of its own for it).
#[test]
fn ruled_out_and_must_answer_messages_word_for_word() {
    let q = mini_with(|v| {
        v["screens"][2]["questions"][1]["options"][1]["show_if"] = serde_json::json!({"all": [
            {"q": "a.for", "eq": "self"},
            {"q": "a.kind", "eq": "first"}
        ]});
    })
    .expect("valid");
    let ev = eval(
        &q,
        &[
            ("a.for", "minor"),
            ("a.kind", "first"),
            ("p2.present", "yes"),
            ("p2.citizen", "no"),
            ("r.declaration", "no"),
        ],
    );
    let msg = &ev.problems_for(idx(&q, "p2.citizen")).next().expect("ruled out").message;
    assert_eq!(
        msg.en,
        "“No” does not fit your answers to 1.1, 1.2: choose another answer, or correct your answers to 1.1, 1.2."
    );
    assert_eq!(
        msg.fr,
        "« No » ne concorde pas avec vos réponses aux questions 1.1, 1.2 : choisissez une autre réponse ou \
         corrigez vos réponses aux questions 1.1, 1.2."
    );
    let msg = &ev.problems_for(idx(&q, "r.declaration")).next().expect("must be yes").message;
    assert_eq!(msg.en, "You must answer “Yes” to go on.");
    assert_eq!(msg.fr, "Vous devez répondre « Oui » pour continuer.");
}
