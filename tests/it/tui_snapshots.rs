//! Snapshots of every screen kind at 80×24 and 120×40, with a fixed clock and persona answers,
//! reached through the app's own actions. Plus key handling and a size sweep.

use crate::common::{day, q};
use citcert::engine::{AnswerValue, Answers, Lang, Text};
use citcert::tui::app::{App, Overlay, Pane};
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::{Damaged, MemStore};
use citcert::tui::widgets::FieldKey;

const TODAY: &str = "2025-06-10";

fn persona(name: &str) -> Answers {
    crate::common::answers_file(name)
}

/// An app on a memory store holding one draft with these answers, opened.
fn app_on(answers: Answers) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_some());
    app
}

fn at(answers: Answers, screen: &str) -> App<'static> {
    let mut app = app_on(answers);
    goto(&mut app, None, screen).unwrap();
    app
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
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
    s.damaged = vec![Damaged {
        name: "9a8b7c6d.json".into(),
        reason: Text::new("not valid JSON at line 3", "JSON non valide à la ligne 3"),
    }];
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
    // An empty name is refused (issue 13); the dialog stays open to type one.
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_none() && matches!(app.overlay, Some(Overlay::NewDraft(_))));
    snap("new_draft_empty_name", &app);
    type_str(&mut app, "Liam");
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
    let s = app.draft().unwrap();
    assert_eq!(q().screens[s.screen].id, "S4", "Next is refused on an invalid answer");
    assert!(app.status.as_deref().unwrap_or("").contains("Next refused"));
    snap("question_s4_invalid_uci", &app);
    app.update(Action::PrevScreen);
    let s = app.draft().unwrap();
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
    assert!(app.draft().unwrap().paper_mode);
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
    assert_eq!(app.draft().unwrap().pane, Pane::Review);
    app.update(Action::Key(FieldKey::Down));
    app.update(Action::Key(FieldKey::Enter));
    let s = app.draft().unwrap();
    assert_eq!(s.focus, Some(q().question_index("elig.request_type").unwrap()));
    assert!(s.return_to_review);
    app.update(Action::NextScreen);
    let s = app.draft().unwrap();
    assert_eq!(q().screens[s.screen].id, "S12");
}

#[test]
fn changing_an_answer_sets_others_aside_and_updates_the_checklist() {
    let mut app = at(persona("personas/P01"), "S1");
    let born = q().question_index("elig.born_in_canada").unwrap();
    app.in_draft(|ds| ds.set_answer(born, Some(AnswerValue::Text("no".into()))));
    let s = app.draft().unwrap();
    assert!(!s.items_new.is_empty() || !s.items_gone.is_empty(), "the checklist changed");
    assert!(s.aside_notice.as_deref().unwrap_or("").contains("set aside"), "{:?}", s.aside_notice);
    snap("question_s1_changed_p01", &app);
    app.in_draft(|ds| ds.set_answer(born, Some(AnswerValue::Text("yes".into()))));
    let s = app.draft().unwrap();
    assert!(s.ev.set_aside.is_empty(), "changing back brings the answers back");
}

#[test]
fn typing_saves_on_leaving_the_field_and_resumes_on_the_last_screen() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(MemStore::new(day(TODAY))));
    app.update(Action::Key(FieldKey::Char('n')));
    type_str(&mut app, "T");
    app.update(Action::Key(FieldKey::Enter));
    for k in ["1", "1", "2"] {
        app.update(Action::Key(FieldKey::Char(k.chars().next().unwrap())));
        app.update(Action::FocusNext);
    }
    app.update(Action::Key(FieldKey::Char('y')));
    let ans = &app.draft().unwrap().draft.answers;
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
    let answers = app.draft().unwrap().draft.answers.clone();
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
    app.in_draft(|ds| ds.goto_question(uci));
    app.update(Action::Unknown);
    assert_eq!(
        app.draft().unwrap().draft.answers.get("pers.uci"),
        Some(&AnswerValue::Text("UNKNOWN".into()))
    );
    let surname = q().question_index("pers.surname").unwrap();
    app.in_draft(|ds| ds.goto_question(surname));
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
    assert!(app.draft().is_none());
    app.update(Action::Key(FieldKey::Enter));
    let s = app.draft().unwrap();
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
    // The sections, each "not yet" entry (five files never checked), then the declaration.
    let rows = app.draft().unwrap().review_rows(app.q);
    let not_yet = rows.iter().filter(|r| matches!(r, citcert::tui::app::ReviewRow::NotYet(_))).count();
    assert_eq!(not_yet, 5, "{rows:?}");
    for _ in 0..(2 + 1 + not_yet + 1) {
        app.update(Action::Key(FieldKey::Down));
    }
    assert_eq!(app.draft().unwrap().pane, Pane::Questions, "then the declaration");
}

// ── Issue 6: French, and support-agent speed ────────────────────────────────────────────────

fn snap_fr(name: &str, app: &App) {
    assert_eq!(app.lang, Lang::Fr);
    insta::assert_snapshot!(format!("fr_{name}_80x24"), draw_text(app, 80, 24));
}

/// Like `app_on`, in French.
fn app_fr(answers: Answers) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Personne test", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), Lang::Fr, day(TODAY), Box::new(store));
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    app
}

fn at_fr(answers: Answers, screen: &str) -> App<'static> {
    let mut app = app_fr(answers);
    goto(&mut app, None, screen).unwrap();
    app
}

#[test]
fn french_main_screens() {
    let mut app = App::new(q(), Lang::Fr, day(TODAY), Box::new(start_store()));
    app.color = false;
    snap_fr("start", &app);
    let mut app = App::new(q(), Lang::Fr, day(TODAY), Box::new(MemStore::new(day(TODAY))));
    app.color = false;
    app.update(Action::Key(FieldKey::Char('n')));
    app.update(Action::Key(FieldKey::Enter));
    snap_fr("new_draft_empty_name", &app);
    type_str(&mut app, "Liam");
    app.update(Action::Key(FieldKey::Enter));
    snap_fr("question_s1_new", &app);
    snap_fr("question_s4_p01", &at_fr(persona("personas/P01"), "S4"));
    snap_fr("checklist_p01", &at_fr(persona("personas/P01"), "checklist"));
    snap_fr("why_p01", &at_fr(persona("personas/P01"), "why"));
    snap_fr("stop_do_not_apply_p24", &at_fr(persona("personas/P24"), "stop"));
    snap_fr("review_p01", &at_fr(persona("personas/P01"), "review"));
    let mut app = at_fr(persona("personas/P01"), "S4");
    app.update(Action::Help);
    snap_fr("help_s4", &app);
    let mut app = at_fr(persona("personas/P01"), "S4");
    app.update(Action::ReadBack);
    snap_fr("read_back_s4_p01", &app);
    let mut app = at_fr(persona("personas/P01"), "S4");
    app.update(Action::Search);
    for c in "naissance".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    snap_fr("search_naissance_p01", &app);
}

#[test]
fn french_footers_fit_and_keep_the_keys_that_matter() {
    for screen in ["S1", "S4", "checklist", "review"] {
        let app = at_fr(persona("personas/P01"), screen);
        let text = draw_text(&app, 80, 24);
        let footer = text.lines().last().unwrap();
        assert!(!footer.contains('…'), "{screen}: footer cut: {footer}");
        assert!(footer.contains("F3 English"), "{screen}: {footer}");
        assert!(footer.contains("F1 aide") || footer.contains("Entrée"), "{screen}: {footer}");
    }
}

#[test]
fn f3_switches_the_language_live_and_the_draft_keeps_it() {
    let mut app = at(persona("personas/P01"), "S4");
    let before = draw_text(&app, 80, 24);
    assert!(before.contains("days left") && before.contains("Surname"), "{before}");
    assert!(before.lines().last().unwrap().starts_with("F3 français"));
    app.update(Action::SwitchLang);
    assert_eq!(app.lang, Lang::Fr);
    let after = draw_text(&app, 80, 24);
    assert!(after.contains("jours restants") && after.contains("Nom de famille"), "{after}");
    assert!(after.contains("Écran 4 sur 13"), "{after}");
    assert!(after.lines().last().unwrap().starts_with("F3 English"), "{after}");
    // Saved in the draft at once: reopening it (with no --lang) brings French back.
    let s = app.draft().unwrap();
    assert!(s.saved);
    let id = s.draft.id.clone();
    assert_eq!(app.store.open(&id).unwrap().language, Some(Lang::Fr));
    app.update(Action::Drafts);
    app.lang = Lang::En;
    goto(&mut app, Some(&id), "S4").unwrap();
    assert_eq!(app.lang, Lang::Fr, "the draft's language wins without --lang");
    // With --lang the command line wins.
    app.update(Action::Drafts);
    app.lang = Lang::En;
    app.lang_explicit = true;
    goto(&mut app, Some(&id), "S4").unwrap();
    assert_eq!(app.lang, Lang::En);
    // And back: F3 again.
    app.update(Action::SwitchLang);
    assert_eq!(app.lang, Lang::Fr);
    app.update(Action::SwitchLang);
    assert_eq!(app.store.open(&id).unwrap().language, Some(Lang::En));
}

#[test]
fn f3_works_on_the_start_screen_and_new_drafts_take_the_language() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(MemStore::new(day(TODAY))));
    app.update(Action::SwitchLang);
    assert!(draw_text(&app, 80, 24).contains("Aucun brouillon"));
    app.update(Action::Key(FieldKey::Char('n')));
    type_str(&mut app, "Liam");
    app.update(Action::Key(FieldKey::Enter));
    let s = app.draft().unwrap();
    assert_eq!(s.draft.language, Some(Lang::Fr));
    assert_eq!(s.draft.label, "Liam");
}

#[test]
fn search_filters_as_you_type_and_enter_jumps_and_focuses() {
    let mut app = at(persona("personas/P01"), "S1");
    assert!(!app.typing());
    app.on_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('/'),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert!(matches!(app.overlay, Some(Overlay::Search(..))), "/ opens search off a text field");
    let all = app.draft().unwrap().search_results(app.q, "").len();
    for c in "date of birth".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    let Some(Overlay::Search(ref input, _)) = app.overlay else { panic!() };
    let found = app.draft().unwrap().search_results(app.q, &input.value);
    assert!(!found.is_empty() && found.len() < all, "{} of {all}", found.len());
    let dob = q().question_index("pers.dob").unwrap();
    assert_eq!(found[0], dob, "the prompt match comes first");
    snap("search_date_of_birth_p01", &app);
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.overlay.is_none());
    let s = app.draft().unwrap();
    assert_eq!(q().screens[s.screen].id, "S4");
    assert_eq!(s.focus, Some(dob));
    assert_eq!(s.pane, Pane::Questions);

    // By number, without accents, in French words while in English.
    assert_eq!(app.draft().unwrap().search_results(app.q, "4.4")[0], dob);
    assert!(
        app.draft()
            .unwrap()
            .search_results(app.q, "4.")
            .iter()
            .take(5)
            .all(|&qi| q().questions[qi].number.starts_with("4."))
    );
    assert_eq!(app.draft().unwrap().search_results(app.q, "date de naissance")[0], dob);
    assert!(
        app.draft()
            .unwrap()
            .search_results(app.q, "numero du certificat")
            .contains(&q().question_index("prev.number").unwrap())
    );

    // A hidden question is listed, marked, and Enter does not jump.
    let hidden = q().question_index("prev.number").unwrap();
    assert!(!app.draft().unwrap().ev.visible[hidden]);
    app.update(Action::Search);
    for c in "certificate number".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    let Some(Overlay::Search(ref input, _)) = app.overlay else { panic!() };
    let k =
        app.draft().unwrap().search_results(app.q, &input.value).iter().position(|&x| x == hidden).unwrap();
    let text = draw_text(&app, 80, 24);
    assert!(text.contains("not asked with the current answers"), "{text}");
    for _ in 0..k {
        app.update(Action::Key(FieldKey::Down));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert!(matches!(app.overlay, Some(Overlay::Search(..))));
    assert!(app.status.as_deref().unwrap_or("").contains("not asked"), "{:?}", app.status);
    // Esc clears the words first (issue 13), then closes.
    app.update(Action::Back);
    assert!(matches!(&app.overlay, Some(Overlay::Search(input, _)) if input.value.is_empty()));
    app.update(Action::Back);
    assert!(app.overlay.is_none());
}

#[test]
fn slash_types_in_a_text_field_and_ctrl_f_searches() {
    let mut app = at(persona("personas/P01"), "S4");
    assert!(app.typing());
    app.on_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('/'),
        crossterm::event::KeyModifiers::NONE,
    ));
    assert!(app.overlay.is_none());
    app.on_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('f'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    assert!(matches!(app.overlay, Some(Overlay::Search(..))));
}

#[test]
fn read_back_sentences_in_both_languages() {
    use citcert::engine::{Context, evaluate};
    use citcert::tui::readback::sentence;
    let mut answers = persona("personas/P01");
    answers.set("pers.uci", AnswerValue::Text("UNKNOWN".into()));
    answers.set("par1.other_names", AnswerValue::List(vec!["Rania Khoury".into(), "Rania K.".into()]));
    let ev = evaluate(q(), &answers, Context { today: day(TODAY), started: Some(day("2025-05-01")) });
    let qi = |id: &str| q().question_index(id).unwrap();
    let say = |id: &str, lang| sentence(q(), &ev, qi(id), answers.get(id), lang);
    assert_eq!(say("pers.dob", Lang::En), "4.4 Date of birth: 12 April 1990.");
    assert_eq!(say("pers.dob", Lang::Fr), "4.4 Date de naissance : 12 avril 1990.");
    assert!(say("pers.sex", Lang::En).ends_with(": F (female)."), "{}", say("pers.sex", Lang::En));
    assert!(say("pers.other_names", Lang::En).ends_with(": Not Applicable."));
    assert!(say("pers.other_names", Lang::Fr).ends_with(" : Sans objet."));
    assert!(say("pers.uci", Lang::En).ends_with(": Unknown."), "{}", say("pers.uci", Lang::En));
    assert!(
        say("pers.uci", Lang::Fr).contains("(IUC)") && say("pers.uci", Lang::Fr).ends_with(" : Inconnu.")
    );
    assert!(say("par1.other_names", Lang::En).ends_with(": Rania Khoury and Rania K."));
    assert!(say("par1.other_names", Lang::Fr).ends_with(" : Rania Khoury et Rania K."));
    assert!(say("par1.dob", Lang::Fr).ends_with(" : 21 août 1962."), "{}", say("par1.dob", Lang::Fr));
    // A question ending in "?" takes no colon.
    let yes_no = say("elig.born_in_canada", Lang::En);
    assert!(yes_no.contains("? ") && yes_no.ends_with("Yes."), "{yes_no}");
    // No answer yet.
    let empty = Answers::default();
    let ev = evaluate(q(), &empty, Context { today: day(TODAY), started: Some(day(TODAY)) });
    let s = sentence(q(), &ev, qi("elig.applying_for"), None, Lang::Fr);
    assert!(s.ends_with("? Pas encore de réponse."), "{s}");
    let s = sentence(q(), &ev, qi("pers.dob"), None, Lang::En);
    assert_eq!(s, "4.4 Date of birth: no answer yet.");
}

#[test]
fn read_back_window_reads_the_screen() {
    let mut app = at(persona("personas/P01"), "S4");
    app.update(Action::ReadBack);
    let text = draw_text(&app, 80, 24);
    assert!(text.contains("4.1 Surname (last name): Haddad."), "{text}");
    assert!(text.contains("4.4 Date of birth: 12 April 1990."), "{text}");
    snap("read_back_s4_p01", &app);
    app.update(Action::Key(FieldKey::Down));
    assert_eq!(app.scroll, 1);
    app.update(Action::Back);
    assert!(app.overlay.is_none());
}

#[test]
fn f6_opens_why_in_one_key_and_arrows_walk_the_items() {
    let mut app = at(persona("personas/P01"), "S4");
    app.update(Action::Why);
    let s = app.draft().unwrap();
    let first = s.ev.items[0].item;
    assert_eq!(app.overlay, Some(Overlay::Why(first)));
    app.update(Action::Key(FieldKey::Down));
    let second = app.draft().unwrap().ev.items[1].item;
    assert_eq!(app.overlay, Some(Overlay::Why(second)));
    let text = draw_text(&app, 80, 24);
    assert!(text.contains(q().items[second].title.get(Lang::En)), "{text}");
    app.update(Action::Back);
    assert!(app.overlay.is_none());
    assert_eq!(app.draft().unwrap().pane, Pane::Questions, "closing returns to the questions");
}

#[test]
fn ctrl_o_saves_and_switches_drafts_in_one_key() {
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(start_store()));
    app.update(Action::Key(FieldKey::Down));
    app.update(Action::Key(FieldKey::Enter));
    let first = app.draft().unwrap().draft.id.clone();
    goto(&mut app, None, "S4").unwrap();
    // Type without leaving the field, open a window, then Ctrl-O: the edit is kept, the window closed.
    app.update(Action::Key(FieldKey::End));
    app.update(Action::Key(FieldKey::Char('x')));
    app.update(Action::Help);
    app.update(Action::Drafts);
    assert!(app.draft().is_none() && app.overlay.is_none());
    assert_eq!(app.drafts[app.start().unwrap().sel].id, first, "the draft just left is highlighted");
    let saved = app.store.open(&first).unwrap();
    assert_eq!(saved.answers.get("pers.surname"), Some(&AnswerValue::Text("Haddadx".into())));
    // The next caller: n, a name, Enter.
    app.update(Action::Key(FieldKey::Char('n')));
    for c in "Next caller".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.draft().unwrap().draft.label, "Next caller");
    // And back to the first one: Ctrl-O, ↓ to it, Enter.
    app.update(Action::Drafts);
    let k = app.drafts.iter().position(|d| d.id == first).unwrap();
    while app.start().unwrap().sel < k {
        app.update(Action::Key(FieldKey::Down));
    }
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.draft().unwrap().draft.id, first);
}

#[test]
fn the_language_is_kept_in_the_draft_file() {
    use citcert::clock::Clock;
    use citcert::tui::store::DraftsStore;
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::Fixed(day(TODAY));
    let store = DraftsStore::open(dir.path().to_path_buf(), clock, q()).unwrap();
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store));
    app.update(Action::Key(FieldKey::Char('n')));
    type_str(&mut app, "T");
    app.update(Action::Key(FieldKey::Enter));
    app.update(Action::SwitchLang);
    app.update(Action::Quit);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a draft file");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["language"], "fr", "{json}");
    drop(app);
    // Started again in English without --lang: the draft opens in French.
    let store = DraftsStore::open(dir.path().to_path_buf(), clock, q()).unwrap();
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store));
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.lang, Lang::Fr);
    assert!(draw_text(&app, 80, 24).contains("jours restants"));
}

#[test]
fn ruled_out_options_are_not_offered_and_suggestions_are_highlighted() {
    use citcert::tui::widgets::Field;
    // P01's mother was born in Lebanon (6.12): 6.16 offers no "Born in Canada".
    let mut answers = persona("personas/P01");
    answers.remove("par2.how_obtained");
    answers.remove("prev.ever_had");
    let mut app = at(answers, "S6");
    app.in_draft(|ds| ds.goto_question(q().question_index("par2.how_obtained").unwrap()));
    let Field::Choice(c) = &app.draft().unwrap().field else { panic!("a choice field") };
    let ids: Vec<&str> = c.options.iter().map(|(id, _)| id.as_str()).collect();
    assert!(!ids.contains(&"born_in_canada"), "{ids:?}");
    assert_eq!(ids.first(), Some(&"granted"));
    // 3.1 for a first certificate: "No" is the suggestion, highlighted, not yet stored.
    app.in_draft(|ds| ds.goto_question(q().question_index("prev.ever_had").unwrap()));
    let s = app.draft().unwrap();
    let Field::Choice(c) = &s.field else { panic!("a choice field") };
    assert_eq!(c.options[c.highlight].0, "no");
    assert!(s.draft.answers.get("prev.ever_had").is_none());
    // 2.1 is fixed from 1.2: nothing to edit there.
    app.in_draft(|ds| ds.goto_question(q().question_index("reason.kind").unwrap()));
    assert!(matches!(app.draft().unwrap().field, Field::None));
    snap("question_s2_reason_fixed_p01", &app);
    app.in_draft(|ds| ds.goto_question(q().question_index("par2.how_obtained").unwrap()));
    snap("question_6_16_ruled_out_p01", &app);
    // The same in French.
    let mut answers = persona("personas/P01");
    answers.remove("par2.how_obtained");
    let mut app = at_fr(answers, "S6");
    app.in_draft(|ds| ds.goto_question(q().question_index("par2.how_obtained").unwrap()));
    snap_fr("question_6_16_ruled_out_p01", &app);
}
