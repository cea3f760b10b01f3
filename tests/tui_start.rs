//! The start screen lists drafts with the progress saved in them (for the current questionnaire
//! version) instead of evaluating every draft; drafts without it are evaluated.

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{CachedProgress, DraftStore, QuestionnaireRef};
use citcert::engine::{Lang, builtin};
use citcert::tui::app::App;
use citcert::tui::store::DraftsStore;

#[test]
fn listed_progress_comes_from_the_draft_when_it_is_for_this_questionnaire() {
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    let store = DraftStore::open(dir.path().join("drafts")).unwrap();
    let qref = QuestionnaireRef { id: q.id.clone(), version: q.version.clone() };
    for (label, version) in [("cached", q.version.clone()), ("stale", "an older version".to_string())] {
        let mut o = store.create(label, qref.clone(), "en", &clock).unwrap();
        // 77 % is not what these (empty) answers give: it shows where the figure came from.
        o.draft.progress = Some(CachedProgress { percent: 77, questionnaire_version: version });
        o.save(&clock).unwrap();
    }
    let tui_store = DraftsStore::open(dir.path().join("drafts"), clock, q).unwrap();
    let app = App::new(q, Lang::En, clock.today(), Box::new(tui_store));
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
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    let store = DraftStore::open(&drafts).unwrap();
    let qref = QuestionnaireRef { id: q.id.clone(), version: q.version.clone() };
    let held = store.create("busy", qref.clone(), "fr", &clock).unwrap();
    let text = String::from_utf8(held.draft.to_bytes()).unwrap();
    std::fs::write(drafts.join("0badf00d.json"), &text[..text.len() / 2]).unwrap();

    let tui_store = DraftsStore::open(drafts.clone(), clock, q).unwrap();
    let mut app = App::new(q, Lang::Fr, clock.today(), Box::new(tui_store));
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
    let tui_store = DraftsStore::open(drafts.clone(), clock, q).unwrap();
    let mut app = App::new(q, Lang::En, clock.today(), Box::new(tui_store));
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
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o755)).unwrap();
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    for (lang, want) in
        [(Lang::En, "can be read or changed by other users"), (Lang::Fr, "peut être lu ou modifié")]
    {
        let store = DraftsStore::open(drafts.clone(), clock, q).unwrap();
        let app = App::new(q, lang, clock.today(), Box::new(store));
        let screen = draw_text(&app, 120, 40);
        assert!(screen.contains(want) && screen.contains("chmod 700"), "{screen}");
    }
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o700)).unwrap();
    let store = DraftsStore::open(drafts.clone(), clock, q).unwrap();
    let app = App::new(q, Lang::En, clock.today(), Box::new(store));
    assert!(!draw_text(&app, 120, 40).contains("chmod"));
}
