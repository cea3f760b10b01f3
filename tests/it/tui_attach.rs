//! Issue 5 in the TUI: F7 on a document's file question opens "Attach a file"; Enter attaches through
//! `attach::attach`, refusals keep the dialog open with the reason and the draft unchanged; the review
//! flags attached files that changed or vanished. Driven through the app's actions, fixed clock.

use crate::common::{day, q};
use citcert::clock::Clock;
use citcert::engine::{Answers, Lang};
use citcert::tui::app::{App, Overlay};
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::{DraftsStore, MemStore, Store};
use citcert::tui::view::Theme;
use citcert::tui::widgets::FieldKey;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2025-06-10";
const ITEM: &str = "CL-ID1";
const FILE_Q: &str = "docs.CL-ID1.file";
const PDF: &[u8] =
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// P01's answers without the file of its first identity document.
fn answers() -> Answers {
    let path = format!("{}/tests/personas/P01.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut a = Answers::from_file_json(&root).unwrap();
    a.remove(FILE_Q);
    a
}

/// The app on the document screen, focus on the file question.
fn on_file_question(store: Box<dyn Store + 'static>) -> App<'static> {
    let mut app = App::new(q(), Lang::En, day(TODAY), store);
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    goto(&mut app, None, &format!("S11.{ITEM}")).unwrap();
    app.in_draft(|ds| ds.goto_question(q().question_index(FILE_Q).unwrap()));
    app
}

fn mem_app() -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers(), None);
    on_file_question(Box::new(store))
}

fn f7(app: &mut App) {
    app.on_key(KeyEvent::new(KeyCode::F(7), KeyModifiers::NONE));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// A PDF `name` in a new temporary folder; returns (the folder, the file).
fn a_pdf(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, PDF).unwrap();
    (dir, file)
}

/// F7, the path of `file` typed in the dialog, Enter.
fn attach_in_dialog(app: &mut App, file: &std::path::Path) {
    f7(app);
    type_text(app, &file.to_string_lossy());
    app.update(Action::Key(FieldKey::Enter));
}

fn status_of(app: &App) -> &'static str {
    let s = app.draft().unwrap();
    let ii = q().item_index(ITEM).unwrap();
    s.ev.items.iter().find(|r| r.item == ii).map(|r| r.status.code()).unwrap_or("(not listed)")
}

fn dialog_error(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Attach(d)) => d.error.clone().unwrap_or_default(),
        other => panic!("the dialog should be open, found {other:?}"),
    }
}

fn review_text(app: &mut App) -> String {
    app.update(Action::Review);
    let built = citcert::tui::view::review::build_review(
        citcert::tui::view::Ctx::of(app),
        app.draft().unwrap(),
        120,
        Theme { color: false },
    );
    built
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn attaching_a_pdf_provides_the_item_and_says_so() {
    let (_dir, file) = a_pdf("licence.pdf");
    let mut app = mem_app();
    assert_eq!(status_of(&app), "missing");
    assert!(draw_text(&app, 120, 40).contains("F7 attach a file"), "hint and footer name the key");
    f7(&mut app);
    assert!(matches!(app.overlay, Some(Overlay::Attach(_))));
    type_text(&mut app, &file.to_string_lossy());
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.overlay, None, "{:?}", app.overlay);
    assert_eq!(status_of(&app), "provided");
    let notice = app.status.clone().unwrap();
    let hash = citcert::documents::attach::sha256_file(&file).unwrap();
    assert_eq!(notice, format!("Attached: licence.pdf — PDF, {} bytes, SHA-256 {}…", PDF.len(), &hash[..6]));
    let s = app.draft().unwrap();
    assert!(s.saved, "saved through the store");
    let canon = std::fs::canonicalize(&file).unwrap();
    assert_eq!(s.draft.answers.get(FILE_Q).unwrap().display(), canon.to_string_lossy());
    assert_eq!(s.draft.answers.get("docs.CL-ID1.provide").unwrap().display(), "yes");
    let recorded = citcert::documents::attach::attachments_of(&s.draft.attachments);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].sha256, hash);
    assert!(draw_text(&app, 80, 24).contains("Attached: licence.pdf"));
}

#[test]
fn refusals_keep_the_dialog_open_and_the_draft_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("letter.pdf");
    std::fs::write(&text, "Dear officer,\nI cannot provide this document.\n").unwrap();
    let big = dir.path().join("big.pdf");
    std::fs::write(&big, [PDF, &[b' '; 2000][..]].concat()).unwrap();
    let mut app = mem_app();
    let before = app.draft().unwrap().draft.clone();
    let cases = [
        (text.clone(), None, "it looks like plain text"),
        (dir.path().join("nowhere.pdf"), None, "No such file"),
        (big.clone(), Some(1024u64), "over the 1 KB limit"),
    ];
    for (path, limit, why) in cases {
        f7(&mut app);
        if let Some(Overlay::Attach(d)) = &mut app.overlay {
            d.input = citcert::tui::widgets::TextInput::new(path.to_string_lossy());
            if let Some(l) = limit {
                d.max_bytes = l;
            }
        }
        app.update(Action::Key(FieldKey::Enter));
        let e = dialog_error(&app);
        assert!(e.contains(why), "{path:?}: {e}");
        if limit.is_some() {
            assert!(e.contains("2.0 KB") || e.contains("2 KB"), "the size is given: {e}");
        }
        assert_eq!(app.draft().unwrap().draft, before, "nothing changed");
        assert_eq!(status_of(&app), "missing");
        // Esc closes it; nothing attached.
        app.update(Action::Back);
        assert_eq!(app.overlay, None);
        assert_eq!(app.status.as_deref(), Some("Nothing attached."));
    }
    // An empty path is refused too.
    f7(&mut app);
    if let Some(Overlay::Attach(d)) = &mut app.overlay {
        d.input = Default::default();
    }
    app.update(Action::Key(FieldKey::Enter));
    assert!(dialog_error(&app).contains("Type the path"));
}

#[test]
fn explanation_letter_makes_the_item_explained() {
    let (_dir, file) = a_pdf("letter.pdf");
    let mut app = mem_app();
    f7(&mut app);
    type_text(&mut app, &file.to_string_lossy());
    app.update(Action::FocusNext);
    app.update(Action::Key(FieldKey::Char(' ')));
    assert!(matches!(&app.overlay, Some(Overlay::Attach(d)) if d.explanation));
    app.update(Action::Key(FieldKey::Enter));
    assert_eq!(app.overlay, None);
    assert_eq!(status_of(&app), "explained");
    assert!(app.status.as_deref().unwrap().starts_with("Attached (explanation letter): letter.pdf"));
    let s = app.draft().unwrap();
    assert_eq!(s.draft.answers.get("docs.CL-ID1.provide").unwrap().display(), "no_explanation");
}

#[test]
fn review_flags_changed_and_vanished_files() {
    let (_dir, file) = a_pdf("licence.pdf");
    let mut app = mem_app();
    attach_in_dialog(&mut app, &file);
    assert_eq!(status_of(&app), "provided");
    let review = review_text(&mut app);
    assert!(!review.contains("file changed") && !review.contains("file missing"), "{review}");

    std::fs::write(&file, [PDF, b"% edited\n"].concat()).unwrap();
    let review = review_text(&mut app);
    let at = review.find("Identity document 1").expect("the item is on the review's checklist");
    assert!(review[at..].contains("⚠ file changed since attached"), "{review}");
    // The answers pass the gate, but the review does not say "ready": the changed file is a "not yet".
    assert!(app.draft().unwrap().ev.ready);
    assert!(!review.contains("✓ Ready"), "{review}");
    assert!(review.contains("Identity document 1 (photo ID): file changed on disk"), "{review}");
    assert!(!review.contains("CL-ID1"), "item ids only with F12: {review}");
    app.show_codes = true;
    let review = review_text(&mut app);
    assert!(review.contains("CL-ID1 Identity document 1 (photo ID): file changed on disk"), "{review}");
    app.show_codes = false;

    std::fs::remove_file(&file).unwrap();
    let review = review_text(&mut app);
    assert!(review.contains("✗ file missing"), "{review}");
    assert!(!review.contains("file changed"), "{review}");
}

#[test]
fn the_real_store_saves_the_attachment() {
    let (dir, file) = a_pdf("licence.pdf");
    let drafts = dir.path().join("drafts");
    let clock = Clock::Fixed(day(TODAY));
    let mut store = DraftsStore::open(drafts.clone(), clock, q()).unwrap();
    let mut d = store.create("Test person", Lang::En).unwrap();
    d.answers = answers();
    store.save(&d).unwrap();
    let mut app = on_file_question(Box::new(store));
    attach_in_dialog(&mut app, &file);
    assert_eq!(app.overlay, None, "{:?}", app.overlay);
    assert_eq!(status_of(&app), "provided");
    let on_disk = citcert::drafts::DraftStore::open(drafts).unwrap().read(&d.id, &clock).unwrap();
    let recorded = citcert::documents::attach::attachments_of(&on_disk.attachments);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].item, ITEM);
    assert!(on_disk.answers.contains_key(FILE_Q));
}

#[test]
fn f7_elsewhere_only_says_where_it_works() {
    let mut app = mem_app();
    app.update(Action::FocusPrev);
    f7(&mut app);
    assert_eq!(app.overlay, None);
    assert!(app.status.as_deref().unwrap().contains("F7 attaches a file"));
}

#[test]
fn attach_dialog_snapshot() {
    let mut app = mem_app();
    f7(&mut app);
    if let Some(Overlay::Attach(d)) = &mut app.overlay {
        d.max_bytes = 4 * 1024 * 1024; // whatever CITCERT_MAX_UPLOAD_MB says here
    }
    type_text(&mut app, "scans/missing-licence.pdf");
    app.update(Action::Key(FieldKey::Enter));
    insta::assert_snapshot!("attach_dialog_80x24", draw_text(&app, 80, 24));
}

/// The review checks the attached files when it opens, not on every frame (that would read and
/// hash every document at each keystroke); opening it again sees a change.
#[test]
fn the_review_checks_files_when_it_opens() {
    let (_dir, file) = a_pdf("licence.pdf");
    let mut app = mem_app();
    attach_in_dialog(&mut app, &file);
    let review = review_text(&mut app);
    assert!(!review.contains("file changed"), "{review}");
    std::fs::write(&file, [PDF, b"% edited\n"].concat()).unwrap();
    // Moving on the open review: the check made when it opened stands.
    app.update(Action::Key(FieldKey::Down));
    let built = citcert::tui::view::review::build_review(
        citcert::tui::view::Ctx::of(&app),
        app.draft().unwrap(),
        120,
        Theme { color: false },
    );
    let text: String =
        built.lines.iter().flat_map(|l| l.spans.iter().map(|s| s.content.to_string())).collect();
    assert!(!text.contains("file changed"), "{text}");
    // Opened again: the change is seen.
    assert!(review_text(&mut app).contains("⚠ file changed since attached"));
}

/// The path already given is offered selected: typing a new one replaces it, a moving key keeps it
/// for editing.
#[test]
fn the_path_already_given_is_replaced_by_typing() {
    let dialog_path = |app: &App| match &app.overlay {
        Some(Overlay::Attach(d)) => d.input.value.clone(),
        _ => panic!("the dialog is open"),
    };
    let mut app = mem_app();
    let fq = q().question_index(FILE_Q).unwrap();
    app.in_draft(|ds| ds.set_answer(fq, Some(citcert::engine::AnswerValue::Text("scans/old.pdf".into()))));
    app.in_draft(|ds| ds.goto_question(fq));
    f7(&mut app);
    assert_eq!(dialog_path(&app), "scans/old.pdf");
    type_text(&mut app, "/tmp/new.pdf");
    assert_eq!(dialog_path(&app), "/tmp/new.pdf");
    app.update(Action::Back);
    f7(&mut app);
    app.on_key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE));
    type_text(&mut app, "X");
    assert_eq!(dialog_path(&app), "scans/old.pdXf");
}
