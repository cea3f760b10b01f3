//! Forgiving input in the TUI (issue 13): what a person types is stored in its one normal form —
//! in the draft file, not only in the evaluation — and what cannot be read is kept as typed, with
//! the reason on the screen.

use crate::common;
use citcert::clock::{Clock, parse_date};
use citcert::drafts::DraftStore;
use citcert::engine::{Lang, builtin};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::draw_text;
use citcert::tui::store::DraftsStore;
use citcert::tui::widgets::FieldKey;
use serde_json::Value;

const TODAY: &str = "2025-06-10";

/// A draft holding P01's answers but for `missing`, open in the TUI on the real store.
fn app_on_p01_without<'a>(dir: &std::path::Path, missing: &[&str], lang: Lang) -> (App<'a>, String) {
    let q = builtin().unwrap();
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let root: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/personas/P01.answers.json").unwrap()).unwrap();
    let store = DraftStore::open(dir).unwrap();
    let qref = common::drafts::qref();
    let mut o = store.create("P01", qref, lang.code(), &clock).unwrap();
    for (k, v) in root["answers"].as_object().unwrap() {
        if !missing.contains(&k.as_str()) {
            o.draft.set_answer(k, v.clone()).unwrap();
        }
    }
    o.save(&clock).unwrap();
    let id = o.draft.id().to_string();
    drop(o);
    let mut app =
        App::new(q, lang, clock.today(), Box::new(DraftsStore::open(dir.into(), clock, q).unwrap()));
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_some(), "the draft opened");
    (app, id)
}

fn type_answer(app: &mut App<'_>, id: &str, typed: &str) {
    let qi = app.q.question_index(id).unwrap();
    app.in_draft(|ds| ds.goto_question(qi));
    for c in typed.chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    app.update(Action::Key(FieldKey::Enter));
}

fn saved_answers(dir: &std::path::Path, id: &str) -> Value {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap();
    v["answers"].clone()
}

#[test]
fn heights_dates_and_postal_codes_are_saved_normalised() {
    let missing = ["pers.height", "pers.dob", "addr.mail_postal"];
    for (height, stored) in
        [("178", "178 cm"), ("1,78 m", "178 cm"), ("5'10\"", "5 ft 10 in"), ("5 pi 10 po", "5 ft 10 in")]
    {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, id) = app_on_p01_without(dir.path(), &missing, Lang::Fr);
        type_answer(&mut app, "pers.height", height);
        type_answer(&mut app, "pers.dob", "1990-4-12");
        type_answer(&mut app, "addr.mail_postal", "m5v2t6");
        let a = saved_answers(dir.path(), &id);
        assert_eq!(a["pers.height"], stored, "{height}");
        assert_eq!(a["pers.dob"], "1990-04-12");
        assert_eq!(a["addr.mail_postal"], "M5V 2T6");
        // Back on the question, the field shows the stored form.
        app.in_draft(|ds| ds.goto_question(ds.q.question_index("pers.height").unwrap()));
        assert!(draw_text(&app, 120, 40).contains(stored), "{height}");
    }
}

#[test]
fn a_day_that_does_not_exist_is_named_and_kept_as_typed() {
    for (lang, said) in
        [(Lang::En, "There is no February 30, 1990"), (Lang::Fr, "Le 30 février 1990 n’existe pas")]
    {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, id) = app_on_p01_without(dir.path(), &["pers.dob"], lang);
        app.lang_explicit = true;
        type_answer(&mut app, "pers.dob", "1990-02-30");
        app.in_draft(|ds| ds.goto_question(ds.q.question_index("pers.dob").unwrap()));
        let screen = draw_text(&app, 120, 40);
        assert!(screen.contains(said), "{screen}");
        assert_eq!(saved_answers(dir.path(), &id)["pers.dob"], "1990-02-30", "kept as typed, to fix");
    }
}

/// A list's help says what to list, not how to separate the values: the TUI takes one per line
/// (Enter adds), plain mode commas, and each says so itself (issue 13: 4.3's help said lines while
/// plain mode's prompt said commas).
#[test]
fn list_help_leaves_the_separator_to_each_front_end() {
    let q = builtin().unwrap();
    for question in q.questions.iter().filter(|x| x.qtype == citcert::engine::QType::List) {
        let help = &question.help;
        for word in ["per line", "par ligne", "comma", "virgule"] {
            let (en, fr) = (help.en.to_lowercase(), help.fr.to_lowercase());
            assert!(!en.contains(word) && !fr.contains(word), "{}: {word}", question.id);
        }
    }
}
