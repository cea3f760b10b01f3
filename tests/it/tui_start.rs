//! The start screen lists drafts with the progress saved in them (for the current questionnaire
//! version) instead of evaluating every draft; drafts without it are evaluated.

use crate::common;
use citcert::clock::{Clock, parse_date};
use citcert::drafts::{CachedProgress, DraftStore};
use citcert::engine::{Lang, builtin};

#[test]
fn listed_progress_comes_from_the_draft_when_it_is_for_this_questionnaire() {
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    let store = DraftStore::open(dir.path().join("drafts")).unwrap();
    let qref = common::drafts::qref();
    for (label, version) in [("cached", q.version.clone()), ("stale", "an older version".to_string())] {
        let mut o = store.create(label, qref.clone(), "en", &clock).unwrap();
        // 77 % is not what these (empty) answers give: it shows where the figure came from.
        o.draft.progress = Some(CachedProgress { percent: 77, questionnaire_version: version });
        o.save(&clock).unwrap();
    }
    let app = common::drafts::tui_over(&dir.path().join("drafts"), clock, Lang::En);
    let shown: Vec<(String, u8)> =
        app.drafts.iter().enumerate().map(|(k, d)| (d.label.clone(), app.progress(k))).collect();
    let of = |l: &str| shown.iter().find(|(x, _)| x == l).map(|(_, p)| *p).unwrap();
    assert_eq!(of("cached"), 77, "{shown:?}");
    assert!(of("stale") < 77, "a figure from another questionnaire version is recomputed: {shown:?}");
}

/// What the draft store says (a damaged file set aside, a draft open in another citcert, a draft
/// removed under the app) reaches the French interface in French, and follows a live switch.
#[test]
fn the_stores_messages_follow_the_interface_language() {
    use citcert::tui::keymap::Action;
    use citcert::tui::render::draw_text;
    use citcert::tui::widgets::FieldKey;
    let (_dir, drafts, clock, store) = common::drafts::store_in_temp("2025-06-10");
    let qref = common::drafts::qref();
    let held = store.create("busy", qref.clone(), "fr", &clock).unwrap();
    let text = String::from_utf8(held.draft.to_bytes()).unwrap();
    std::fs::write(drafts.join("0badf00d.json"), &text[..text.len() / 2]).unwrap();

    let mut app = common::drafts::tui_over(&drafts, clock, Lang::Fr);
    let screen = draw_text(&app, 120, 40);
    assert!(
        screen.contains("Brouillon endommagé mis de côté : 0badf00d.json — le fichier s'arrête trop tôt"),
        "{screen}"
    );
    assert!(!screen.contains("ends early"), "{screen}");
    // Opening the draft another citcert holds: read-only, said in French.
    app.update(Action::Key(FieldKey::Enter));
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("Lecture seule : il est ouvert dans un autre citcert."), "{screen}");
    // The same message in English when the interface is English.
    let mut app = common::drafts::tui_over(&drafts, clock, Lang::En);
    app.lang_explicit = true;
    app.update(Action::Key(FieldKey::Enter));
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("Read-only: it is open in another citcert."), "{screen}");
    drop(held);
}

/// A drafts folder other users can read is said on the start screen, with the command to fix it.
#[cfg(unix)]
#[test]
fn a_folder_others_can_read_is_flagged_on_the_start_screen() {
    use citcert::tui::render::draw_text;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o755)).unwrap();
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    for (lang, want) in
        [(Lang::En, "can be read or changed by other users"), (Lang::Fr, "peut être lu ou modifié")]
    {
        let app = common::drafts::tui_over(&drafts, clock, lang);
        let screen = draw_text(&app, 120, 40);
        assert!(screen.contains(want) && screen.contains("chmod 700"), "{screen}");
    }
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o700)).unwrap();
    let app = common::drafts::tui_over(&drafts, clock, Lang::En);
    assert!(!draw_text(&app, 120, 40).contains("chmod"));
}

/// Paper-preparation mode and accepted cautions are kept in the draft: reopened, it does not ask
/// again; paper mode ends (and is forgotten) once no stop applies.
#[test]
fn paper_mode_and_accepted_cautions_survive_a_restart() {
    use citcert::engine::Answers;
    use citcert::tui::app::Overlay;
    use citcert::tui::keymap::Action;
    use citcert::tui::widgets::FieldKey;
    let q = builtin().unwrap();
    let (_dir, drafts, clock, store) = common::drafts::store_in_temp("2025-06-01");
    let qref = common::drafts::qref();
    let root: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/personas/P06.answers.json").unwrap()).unwrap();
    let answers = Answers::from_file_json(&root).unwrap();
    let mut o = store.create("P06", qref, "en", &clock).unwrap();
    o.draft.answers = answers.to_json_map();
    o.draft.current_screen = "S1".into();
    o.save(&clock).unwrap();
    let id = o.draft.id().to_string();
    drop(o);
    let file = drafts.join(format!("{id}.json"));
    let saved =
        || -> serde_json::Value { serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap() };
    let open_app = || {
        let mut app = common::drafts::tui_over(&drafts, clock, Lang::En);
        app.update(Action::Key(FieldKey::Enter));
        app
    };

    // ST-04 stops on leaving the first screen; choose paper preparation.
    let mut app = open_app();
    app.update(Action::NextScreen);
    assert!(matches!(app.overlay, Some(Overlay::Stop(_))), "the stop is shown");
    app.update(Action::Key(FieldKey::Char('p')));
    assert!(app.draft().unwrap().paper_mode);
    assert_eq!(saved()["paper_prep"], true);
    drop(app);

    // Reopened: still in paper mode, Next goes on without the stop.
    let mut app = open_app();
    assert!(app.draft().unwrap().paper_mode, "paper mode remembered");
    app.in_draft(|ds| ds.goto_screen(0));
    app.update(Action::NextScreen);
    assert!(app.overlay.is_none(), "no stop window again: {:?}", app.overlay.is_some());

    // The answer that caused the stop changes: paper mode ends and is forgotten.
    let born = q.question_index("elig.born_in_canada").unwrap();
    app.in_draft(|ds| ds.set_answer(born, Some(citcert::engine::AnswerValue::Text("yes".into()))));
    assert!(!app.draft().unwrap().paper_mode);
    assert!(saved().get("paper_prep").is_none(), "{}", saved());
    drop(app);

    // A caution accepted once is not asked again after a restart.
    let caution = q.rules.iter().position(|r| r.id == "CA-11").unwrap();
    let mut app = open_app();
    {
        let s = app.draft_mut().unwrap();
        assert!(s.acknowledged.is_empty());
        s.acknowledged.insert(caution);
    }
    let app2 = open_app();
    assert!(app2.draft().unwrap().acknowledged.is_empty(), "only what was saved counts");
    drop(app2);
    // Accept through the window as a person does.
    app.overlay = Some(Overlay::Stop(citcert::tui::app::StopView {
        rules: vec![caution],
        caution: true,
        paper_ok: false,
        target: None,
        question: None,
    }));
    app.update(Action::Key(FieldKey::Char('u')));
    assert_eq!(saved()["acknowledged"], serde_json::json!(["CA-11"]));
    drop(app);
    let app = open_app();
    assert!(app.draft().unwrap().acknowledged.contains(&caution));
}
