//! Snapshots of every screen kind at 80×24 and 120×40, with a fixed clock and persona answers,
//! reached through the app's own actions. Plus key handling and a size sweep.

use chrono::NaiveDate;
use citcert::engine::{AnswerValue, Answers, Lang, Questionnaire, builtin};
use citcert::tui::app::{App, Overlay, Pane};
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::{Damaged, MemStore};
use citcert::tui::widgets::FieldKey;

fn q() -> &'static Questionnaire {
    builtin().expect("built-in questionnaire")
}

fn day(s: &str) -> NaiveDate {
    citcert::clock::parse_date(s).unwrap()
}

const TODAY: &str = "2025-06-10";

fn persona(name: &str) -> Answers {
    let path = format!("{}/tests/{name}.answers.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let root: serde_json::Value = serde_json::from_str(&text).unwrap();
    Answers::from_file_json(&root).unwrap()
}

/// An app on a memory store holding one draft with these answers, opened.
fn app_on(answers: Answers) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.session.is_some());
    app
}

fn at(answers: Answers, screen: &str) -> App<'static> {
    let mut app = app_on(answers);
    goto(&mut app, None, screen).unwrap();
    app
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw_text(app, w, h));
    }
}

fn start_store() -> MemStore {
    let mut s = MemStore::new(day(TODAY))
        .with("Amira — first certificate", day("2025-06-01"), persona("personas/P01"), Some("S12"))
        .with("Emily — born in Boston", day("2025-04-14"), persona("personas/P02"), Some("S9"))
        .with("New, nothing yet", day(TODAY), Answers::default(), None);
    s.removed = vec!["Old draft (started 2025-04-01)".into()];
    s.damaged = vec![Damaged { name: "9a8b7c6d.json".into(), reason: "not valid JSON at line 3".into() }];
    s
}

#[test]
fn start_screen() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(start_store()));
    app.color = false;
    snap("start", &app);
    app.update(Action::Key(FieldKey::Char('n')));
    for c in "Zoë".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    snap("start_new_draft", &app);
    app.update(Action::Back);
    app.update(Action::Key(FieldKey::Down));
    app.update(Action::Key(FieldKey::Char('d')));
    snap("start_confirm_delete", &app);
}

#[test]
fn empty_start_and_first_question() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(MemStore::new(day(TODAY))));
    app.color = false;
    snap("start_empty", &app);
    app.update(Action::Key(FieldKey::Char('n')));
    app.update(Action::Key(FieldKey::Enter));
    snap("question_s1_new", &app);
}

#[test]
fn question_screens() {
    snap("question_s4_p01", &at(persona("personas/P01"), "S4"));
    snap("question_s9_p02", &at(persona("personas/P02"), "S9"));
    snap("question_s5_minor_p04", &at(persona("personas/P04"), "S5"));
    snap("question_doc_screen_p01", &at(persona("personas/P01"), "S11.CL-ID1"));
    snap("question_fee_p01", &at(persona("personas/P01"), "S13"));
}

#[test]
fn validation_errors_refuse_next_but_not_back() {
    let mut app = at(persona("scenarios/X03"), "S4");
    app.update(Action::NextScreen);
    let s = app.session.as_ref().unwrap();
    assert_eq!(q().screens[s.screen].id, "S4", "Next is refused on an invalid answer");
    assert!(app.status.as_deref().unwrap_or("").contains("Next refused"));
    snap("question_s4_invalid_uci", &app);
    app.update(Action::PrevScreen);
    let s = app.session.as_ref().unwrap();
    assert_ne!(q().screens[s.screen].id, "S4", "Back always works");
}

#[test]
fn stops_and_cautions() {
    let mut app = at(persona("personas/P06"), "S1");
    for _ in 0..3 {
        app.update(Action::NextScreen);
        if app.overlay.is_some() {
            break;
        }
    }
    assert!(matches!(app.overlay, Some(Overlay::Stop(ref v)) if !v.caution && v.paper_ok));
    snap("stop_paper_p06", &app);
    app.update(Action::Key(FieldKey::Char('p')));
    assert!(app.session.as_ref().unwrap().paper_mode);
    app.update(Action::Review);
    snap("review_paper_mode_p06", &app);

    let app = at(persona("personas/P24"), "stop");
    snap("stop_do_not_apply_p24", &app);

    let mut app = at(persona("scenarios/X12"), "S1");
    app.update(Action::NextScreen);
    assert!(matches!(app.overlay, Some(Overlay::Stop(ref v)) if v.caution));
    snap("caution_x12", &app);
    app.update(Action::Key(FieldKey::Char('u')));
    assert!(app.overlay.is_none());
}

#[test]
fn review_and_overlays() {
    snap("review_p01", &at(persona("personas/P01"), "review"));
    snap("review_not_ready_x03", &at(persona("scenarios/X03"), "review"));
    snap("checklist_focus_p01", &at(persona("personas/P01"), "checklist"));
    snap("why_p01", &at(persona("personas/P01"), "why"));
    let mut app = at(persona("personas/P01"), "S4");
    app.update(Action::Help);
    snap("help_s4", &app);
    app.update(Action::Key(FieldKey::Char('a')));
    snap("about", &app);
    snap("jump_p01", &at(persona("personas/P01"), "jump"));
}

#[test]
fn review_jump_to_change_and_return() {
    let mut app = at(persona("personas/P01"), "review");
    assert_eq!(app.session.as_ref().unwrap().pane, Pane::Review);
    app.update(Action::Key(FieldKey::Down));
    app.update(Action::Key(FieldKey::Enter));
    let s = app.session.as_ref().unwrap();
    assert_eq!(s.focus, Some(q().question_index("elig.request_type").unwrap()));
    assert!(s.return_to_review);
    app.update(Action::NextScreen);
    let s = app.session.as_ref().unwrap();
    assert_eq!(q().screens[s.screen].id, "S12");
}

#[test]
fn changing_an_answer_sets_others_aside_and_updates_the_checklist() {
    let mut app = at(persona("personas/P01"), "S1");
    let born = q().question_index("elig.born_in_canada").unwrap();
    app.set_answer(born, Some(AnswerValue::Text("no".into())));
    let s = app.session.as_ref().unwrap();
    assert!(!s.items_new.is_empty() || !s.items_gone.is_empty(), "the checklist changed");
    assert!(s.aside_notice.as_deref().unwrap_or("").contains("set aside"), "{:?}", s.aside_notice);
    snap("question_s1_changed_p01", &app);
    app.set_answer(born, Some(AnswerValue::Text("yes".into())));
    let s = app.session.as_ref().unwrap();
    assert!(s.ev.set_aside.is_empty(), "changing back brings the answers back");
}

#[test]
fn typing_saves_on_leaving_the_field_and_resumes_on_the_last_screen() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(MemStore::new(day(TODAY))));
    app.update(Action::Key(FieldKey::Char('n')));
    app.update(Action::Key(FieldKey::Enter));
    for k in ["1", "1", "2"] {
        app.update(Action::Key(FieldKey::Char(k.chars().next().unwrap())));
        app.update(Action::FocusNext);
    }
    app.update(Action::Key(FieldKey::Char('y')));
    let ans = &app.session.as_ref().unwrap().draft.answers;
    assert_eq!(ans.get("elig.applying_for"), Some(&AnswerValue::Text("self".into())));
    assert_eq!(ans.get("elig.paper_already_submitted"), Some(&AnswerValue::Text("no".into())));
    assert_eq!(ans.get("elig.has_email"), Some(&AnswerValue::Text("yes".into())));
    // Go to S4 and type a name; leaving the field stores it.
    goto(&mut app, None, "S4").unwrap();
    for c in "Tremblay".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    app.update(Action::Key(FieldKey::Home));
    app.update(Action::Key(FieldKey::Char('«')));
    app.update(Action::Key(FieldKey::Backspace));
    app.update(Action::Save);
    app.update(Action::Quit);
    assert!(app.quit);
    let answers = app.session.as_ref().unwrap().draft.answers.clone();
    assert_eq!(answers.get("pers.surname"), Some(&AnswerValue::Text("Tremblay".into())));
    // Reopen from the same store: answers and screen come back.
    let mut store = app.store;
    let id = store.list().unwrap()[0].id.clone();
    let d = store.open(&id).unwrap();
    assert_eq!(d.screen.as_deref(), Some("S4"));
    assert_eq!(d.answers.get("pers.surname"), Some(&AnswerValue::Text("Tremblay".into())));
}

#[test]
fn na_and_unknown_shortcuts_only_where_allowed() {
    let mut app = at(persona("personas/P01"), "S4");
    let uci = q().question_index("pers.uci").unwrap();
    app.goto_question(uci);
    app.update(Action::Unknown);
    assert_eq!(
        app.session.as_ref().unwrap().draft.answers.get("pers.uci"),
        Some(&AnswerValue::Text("UNKNOWN".into()))
    );
    let surname = q().question_index("pers.surname").unwrap();
    app.goto_question(surname);
    app.update(Action::Na);
    assert!(app.status.as_deref().unwrap_or("").contains("not accepted"));
}

#[test]
fn too_small_and_every_size_without_panic() {
    let app = at(persona("personas/P01"), "S4");
    insta::assert_snapshot!("too_small_59x19", draw_text(&app, 59, 19));
    let screens = ["start", "S1", "S4", "S11.CL-ID1", "review", "help", "why", "jump", "stop"];
    for name in screens {
        let answers = if name == "stop" { persona("personas/P06") } else { persona("personas/P01") };
        let mut app = app_on(answers);
        goto(&mut app, None, name).unwrap();
        for w in (1..=300).step_by(7) {
            for h in (1..=100).step_by(5) {
                let _ = draw_text(&app, w, h);
            }
        }
        let _ = draw_text(&app, 1, 1);
        let _ = draw_text(&app, 60, 20);
    }
}

#[test]
fn delete_asks_first() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(start_store()));
    app.update(Action::Key(FieldKey::Char('d')));
    app.update(Action::Key(FieldKey::Char('n')));
    assert_eq!(app.drafts.len(), 3, "any key but y keeps the draft");
    app.update(Action::Key(FieldKey::Char('d')));
    app.update(Action::Key(FieldKey::Char('y')));
    assert_eq!(app.drafts.len(), 2);
}

#[test]
fn esc_goes_back_to_the_drafts_and_keeps_the_screen() {
    let mut app = at(persona("personas/P01"), "S7");
    app.update(Action::Back);
    assert!(app.session.is_none());
    app.update(Action::Key(FieldKey::Enter));
    let s = app.session.as_ref().unwrap();
    assert_eq!(q().screens[s.screen].id, "S7", "reopening returns to the last screen");
}

#[test]
fn no_color_means_no_colour_but_markers_stay() {
    use ratatui::style::Color;
    let mut app = at(persona("scenarios/X03"), "S4");
    app.update(Action::NextScreen);
    for color in [false, true] {
        app.color = color;
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
        citcert::tui::view::render(&app, buf.area, &mut buf);
        let coloured = buf.content.iter().any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
        assert_eq!(coloured, color, "colour only when wanted");
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.contains('✗') && text.contains('›'), "markers carry the meaning");
        // Only the 16 basic colours.
        assert!(buf.content.iter().all(|c| !matches!(c.fg, Color::Rgb(..) | Color::Indexed(_))));
    }
}

#[test]
fn review_sections_are_reachable_with_the_arrows() {
    let mut app = at(persona("personas/P01"), "review");
    app.update(Action::Key(FieldKey::End));
    app.update(Action::Key(FieldKey::Down));
    app.update(Action::Key(FieldKey::Down));
    snap("review_section_indication_p01", &app);
    for _ in 0..4 {
        app.update(Action::Key(FieldKey::Down));
    }
    assert_eq!(app.session.as_ref().unwrap().pane, Pane::Questions, "then the declaration");
}
