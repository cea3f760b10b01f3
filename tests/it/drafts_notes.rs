//! Issue 13 for support agents: no draft without a name, `drafts rename`, notes on questions and
//! the draft's history (`drafts note`, `drafts show --history`), through the binary and the TUI.

use crate::common;

use common::{Env, Run};
use std::path::Path;

use citcert::clock::{Clock, parse_date};
use citcert::drafts::DraftStore;
use citcert::engine::{Lang, builtin};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::store::DraftsStore;
use citcert::tui::widgets::FieldKey;

const TODAY: &str = "2025-06-01";

/// The binary on the drafts folder `dir` (`--drafts-dir` wins over the one `Env` sets).
fn citcert(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--drafts-dir", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = Env::new().run(&all);
    Run::lossy(&o)
}

fn import_p01(dir: &Path, label: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json");
    let r = citcert(dir, &["drafts", "import", file.to_str().unwrap(), "--label", label]);
    assert_eq!(r.code, 0, "{}", r.err);
    r.out.split("as draft ").nth(1).unwrap()[..8].to_string()
}

fn file_json(dir: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap()).unwrap()
}

#[test]
fn an_empty_name_is_refused_by_every_command_in_both_languages() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    for label in ["", "   "] {
        let r = citcert(&dir, &["drafts", "new", "--label", label]);
        assert_eq!(r.code, 2, "{}", r.out);
        assert!(r.err.contains("the draft's name is empty; give it a name"), "{}", r.err);
        let r = citcert(&dir, &["--lang", "fr", "drafts", "new", "--label", label]);
        assert!(r.err.contains("le nom du brouillon est vide; nommez-le"), "{}", r.err);
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/personas/P01.answers.json");
    let r = citcert(&dir, &["drafts", "import", file.to_str().unwrap(), "--label", " "]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("name is empty"), "{}", r.err);
    let id = import_p01(&dir, "Amira");
    let r = citcert(&dir, &["drafts", "rename", &id, "  "]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("name is empty"), "{}", r.err);
    assert_eq!(file_json(&dir, &id)["label"], "Amira", "nothing changed");
    let n = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(n, 1, "no draft was made with an empty name");
}

#[test]
fn rename_changes_the_name_and_keeps_everything_else() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = import_p01(&dir, "Amira");
    let before = file_json(&dir, &id);
    let r = citcert(&dir, &["drafts", "rename", &id[..4], "  Amira Haddad — first certificate "]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("'Amira' is now 'Amira Haddad — first certificate'"), "{}", r.out);
    let after = file_json(&dir, &id);
    assert_eq!(after["label"], "Amira Haddad — first certificate");
    for k in ["answers", "created_on", "id", "current_screen"] {
        assert_eq!(after[k], before[k], "{k}");
    }
    let history = after["history"].to_string();
    assert!(
        history.contains("\"renamed\"") && !history.contains("Amira"),
        "no names in the history: {history}"
    );
    let r = citcert(&dir, &["--lang", "fr", "drafts", "list"]);
    assert!(r.out.contains("Amira Haddad — first certificate"), "{}", r.out);
    // Refused while another citcert has it open, and in a folder of examples.
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let held = DraftStore::open(&dir).unwrap().open_draft(&id, &clock).unwrap();
    let r = citcert(&dir, &["drafts", "rename", &id, "Other"]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(r.err.contains("open in another citcert"), "{}", r.err);
    drop(held);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let r = citcert(&examples, &["--today", "2025-06-10", "drafts", "rename", "3f9a", "Other"]);
    assert_ne!(r.code, 0);
    assert!(r.err.contains("example drafts"), "{}", r.err);
}

#[test]
fn notes_are_set_listed_and_cleared_by_question_number_or_id() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let id = import_p01(&dir, "Amira");
    let r =
        citcert(&dir, &["drafts", "note", &id, "6.17", "caller", "will", "check", "the", "grant", "date"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("Note on 6.17"), "{}", r.out);
    let r = citcert(&dir, &["drafts", "note", &id, "pers.dob", "matches the birth certificate"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = citcert(&dir, &["drafts", "show", &id]);
    assert!(r.out.contains("Notes (2):"), "{}", r.out);
    assert!(r.out.contains("  6.17 (par2.grant_date): caller will check the grant date"), "{}", r.out);
    assert!(r.out.contains("  4.4 (pers.dob): matches the birth certificate"), "{}", r.out);
    let r = citcert(&dir, &["--lang", "fr", "drafts", "show", &id]);
    assert!(r.out.contains("Notes (2) :") && r.out.contains("4.4 (pers.dob) : matches"), "{}", r.out);
    // Refused: too long, several lines, an escape sequence, no such question, nothing to say.
    let long = "x".repeat(201);
    for (args, says) in [
        (vec!["6.17", long.as_str()], "at most 200"),
        (vec!["6.17", "a\nb"], "one line"),
        (vec!["6.17", "\u{1b}[2J"], "one line"),
        (vec!["6.17", "a\u{202E}b"], "one line"),
        (vec!["99.9", "x"], "no question \"99.9\""),
    ] {
        let mut all = vec!["drafts", "note", &id];
        all.extend(args);
        let r = citcert(&dir, &all);
        assert_eq!(r.code, 2, "{says}: {}", r.out);
        assert!(r.err.contains(says), "{says}: {}", r.err);
    }
    let r = citcert(&dir, &["drafts", "note", &id, "4.\u{1b}[31m9", "x"]);
    // Shown as every other outside text is (safe_text): the escape visible as \u{1b}, never raw.
    assert!(r.err.contains("no question \"4.\\u{1b}[31m9\"") && !r.err.contains('\u{1b}'), "{:?}", r.err);
    let r = citcert(&dir, &["--lang", "fr", "drafts", "note", &id, "6.17", &long]);
    assert!(r.err.contains("au plus 200"), "{}", r.err);
    let r = citcert(&dir, &["drafts", "note", &id, "6.17", "--clear"]);
    assert_eq!(r.code, 0);
    assert!(r.out.contains("removed"), "{}", r.out);
    let r = citcert(&dir, &["drafts", "note", &id, "6.17", "--clear"]);
    assert!(r.out.contains("There was no note on 6.17"), "{}", r.out);
    let notes = file_json(&dir, &id)["notes"].clone();
    assert_eq!(notes, serde_json::json!({"pers.dob": "matches the birth certificate"}));
}

/// A TUI session is recorded: opened, then each save with the questions it changed — numbers in
/// `drafts show --history`, never values.
#[test]
fn the_history_records_sessions_and_changed_questions_never_values() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("d");
    let q = builtin().unwrap();
    let clock = Clock::Fixed(parse_date(TODAY).unwrap());
    let store = DraftStore::open(&dir).unwrap();
    let qref = common::drafts::qref();
    let id = store.create("Zoë", qref, "en", &clock).unwrap().draft.id().to_string();
    let mut app =
        App::new(q, Lang::En, clock.today(), Box::new(DraftsStore::open(dir.clone(), clock, q).unwrap()));
    app.update(Action::Key(FieldKey::Enter));
    let surname = q.question_index("pers.surname").unwrap();
    app.in_draft(|ds| ds.goto_question(surname));
    for c in "Quintanilla".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    app.update(Action::Key(FieldKey::Enter));
    app.in_draft(|ds| ds.goto_question(q.question_index("pers.dob").unwrap()));
    for c in "1990-4-12".chars() {
        app.update(Action::Key(FieldKey::Char(c)));
    }
    app.update(Action::Key(FieldKey::Enter));
    app.update(Action::Quit);
    drop(app);
    let history = file_json(&dir, &id)["history"].clone();
    let events: Vec<&str> =
        history.as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(events[..3], ["created", "opened", "saved"], "{history}");
    let text = history.to_string();
    assert!(text.contains("pers.surname") && text.contains("pers.dob"), "{text}");
    assert!(!text.contains("Quintanilla") && !text.contains("1990"), "no values: {text}");
    let r = citcert(&dir, &["drafts", "show", &id, "--history"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let part = r.out.split("History (").nth(1).unwrap_or_else(|| panic!("{}", r.out));
    // Autosaves of one session within a minute are one entry (the clock is fixed here).
    assert!(
        part.contains("created") && part.contains("opened") && part.contains("saved: 4.1, 4.4"),
        "{part}"
    );
    assert!(!part.contains("Quintanilla") && !part.contains("pers."), "numbers, not values or ids: {part}");
    let r = citcert(&dir, &["--lang", "fr", "drafts", "show", &id, "--history"]);
    assert!(r.out.contains("Historique (") && r.out.contains("enregistré : 4.1, 4.4"), "{}", r.out);
    // `drafts show` without --history does not print it, and showing records nothing.
    let r = citcert(&dir, &["drafts", "show", &id]);
    assert!(!r.out.contains("History ("), "{}", r.out);
    assert_eq!(file_json(&dir, &id)["history"], history, "showing is not a session");
}

/// Drafts written before notes and history load with their checksum, and are written back byte
/// for byte the same (the new fields appear only when they hold something).
#[test]
fn older_drafts_keep_loading_and_keep_their_checksum() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let id = path.file_stem().unwrap().to_str().unwrap();
        let d = citcert::drafts::format::parse(&bytes, id).unwrap_or_else(|e| panic!("{id}: {}", e.en));
        assert!(d.history.is_empty() && d.notes.is_empty());
        assert_eq!(String::from_utf8(d.to_bytes()).unwrap(), String::from_utf8(bytes).unwrap(), "{id}");
    }
}
