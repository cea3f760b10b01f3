//! Drafts on disk for the in-process tests: the reference a new draft records, and the TUI opened
//! over a drafts folder with a fixed clock.

use std::path::Path;

use citcert::clock::Clock;
use citcert::drafts::QuestionnaireRef;
use citcert::engine::Lang;
use citcert::tui::app::App;
use citcert::tui::store::DraftsStore;

/// The built-in questionnaire's id and version, as a new draft records them.
pub fn qref() -> QuestionnaireRef {
    let q = super::q();
    QuestionnaireRef { id: q.id.clone(), version: q.version.clone() }
}

/// The TUI in `lang` over the drafts folder `drafts` (the real store), on `clock`'s day.
pub fn tui_over(drafts: &Path, clock: Clock, lang: Lang) -> App<'static> {
    let q = super::q();
    let store = DraftsStore::open(drafts.to_path_buf(), clock, q).unwrap();
    App::new(q, lang, clock.today(), Box::new(store))
}

/// The TUI in `lang` on `today` over an in-memory store holding one draft "Test person" (started
/// `started`, with `answers`), without colour, opened: the draft's first screen.
pub fn mem_app(answers: citcert::engine::Answers, lang: Lang, today: &str, started: &str) -> App<'static> {
    use citcert::tui::keymap::Action;
    use citcert::tui::store::{MemStore, Store};
    use citcert::tui::widgets::FieldKey;
    let store = MemStore::new(super::day(today)).with("Test person", super::day(started), answers, None);
    let mut app = App::new(super::q(), lang, super::day(today), Box::new(store) as Box<dyn Store>);
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().is_some());
    app
}

/// The only draft (`.json` file) in the folder `dir`, as JSON; fails unless there is exactly one.
pub fn the_draft(dir: &Path) -> serde_json::Value {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one draft expected: {files:?}");
    serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap()
}

/// A new temporary folder and the draft store over its `drafts` folder, with a fixed clock on
/// `today`; returns (the temporary folder, the drafts folder, the clock, the store).
pub fn store_in_temp(
    today: &str,
) -> (tempfile::TempDir, std::path::PathBuf, Clock, citcert::drafts::DraftStore) {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    let clock = Clock::Fixed(super::day(today));
    let store = citcert::drafts::DraftStore::open(&drafts).unwrap();
    (dir, drafts, clock, store)
}
