//! Issue 10 in the TUI, driven through keys with a fixed clock: a path typed at a document's file
//! question is checked like F7 (refused when it fails, nothing stored); F7 keeps the explanation
//! letter chosen; a stop shows on the Enter that triggers it, naming the question, and "change the
//! answer" focuses it; the review's "not yet" entries lead to their question; nothing is ✓ or
//! "ready" while a file is unchecked.

use crate::common::{day, q};
use citcert::engine::{Answers, Lang};
use citcert::tui::app::{App, Overlay, Pane, ReviewRow};
use citcert::tui::keymap::Action;
use citcert::tui::render::{draw_text, goto};
use citcert::tui::store::{MemStore, Store};
use citcert::tui::widgets::FieldKey;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2025-06-10";
const PDF: &[u8] = b"%PDF-1.4\n% a test document\n";

fn p01() -> Answers {
    crate::common::answers_file("personas/P01")
}

fn app_with(answers: Answers) -> App<'static> {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store) as Box<dyn Store>);
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    app
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn focus_on(app: &mut App, id: &str) {
    let qi = q().question_index(id).unwrap();
    goto(app, None, &q().screens[q().questions[qi].screen].id).unwrap();
    app.in_draft(|ds| ds.goto_question(qi));
}

fn recorded(app: &App) -> Vec<citcert::documents::attach::Attachment> {
    citcert::documents::attach::attachments_of(&app.draft().unwrap().draft.attachments)
}

#[test]
fn a_nonexistent_path_typed_at_the_question_is_refused_and_not_stored() {
    let mut a = p01();
    a.remove("docs.CL-ID1.file");
    let mut app = app_with(a);
    focus_on(&mut app, "docs.CL-ID1.file");
    type_text(&mut app, "/nowhere/licence.pdf");
    key(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("No such file: /nowhere/licence.pdf"), "{status}");
    let s = app.draft().unwrap();
    assert!(s.draft.answers.get("docs.CL-ID1.file").is_none(), "a refused path is not stored");
    assert_eq!(s.focus, q().question_index("docs.CL-ID1.file"), "the focus stays to correct it");
    assert!(recorded(&app).is_empty());
    // Leaving the field does not store it either.
    type_text(&mut app, "x");
    app.update(Action::FocusPrev);
    assert!(app.draft().unwrap().draft.answers.get("docs.CL-ID1.file").is_none());
}

#[test]
fn a_real_file_typed_at_the_question_is_checked_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("licence.pdf");
    std::fs::write(&file, PDF).unwrap();
    let mut a = p01();
    a.remove("docs.CL-ID1.file");
    let mut app = app_with(a);
    focus_on(&mut app, "docs.CL-ID1.file");
    type_text(&mut app, &file.to_string_lossy());
    key(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("Attached: licence.pdf — PDF"), "{status}");
    let r = recorded(&app);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].item, "CL-ID1");
    // The checklist shows ✓ for it, "?" for the other files the persona names without a check.
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("✓ Identity document 1"), "{screen}");
    assert!(screen.contains("? Identity document 2"), "{screen}");
}

#[test]
fn f7_keeps_the_explanation_letter_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("letter.pdf");
    std::fs::write(&letter, PDF).unwrap();
    let mut a = p01();
    a.remove("docs.CL-ID1.file");
    a.set_text("docs.CL-ID1.provide", "no_explanation");
    let mut app = app_with(a);
    focus_on(&mut app, "docs.CL-ID1.file");
    key(&mut app, KeyCode::F(7));
    assert!(matches!(&app.overlay, Some(Overlay::Attach(d)) if d.explanation), "ticked already");
    type_text(&mut app, &letter.to_string_lossy());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None, "{:?}", app.status);
    let s = app.draft().unwrap();
    assert_eq!(s.draft.answers.get("docs.CL-ID1.provide").unwrap().display(), "no_explanation");
    assert_eq!(recorded(&app)[0].kind, citcert::documents::attach::Kind::Explanation);
}

#[test]
fn a_stop_shows_on_the_enter_that_triggers_it_and_names_the_question() {
    let mut app = app_with(Answers::default());
    focus_on(&mut app, "elig.applying_for");
    // An unanswered choice needs an explicit choice: ↓ shows the highlight, Enter takes it.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter); // 1.1: the first choice (self)
    let qi = q().question_index("elig.request_type").unwrap();
    assert_eq!(app.draft().unwrap().focus, Some(qi));
    // 1.2 = "update" (not an online request): ST-01 at once, before leaving the screen.
    let opt = q().questions[qi].options.iter().position(|o| o.id == "update").unwrap();
    for _ in 0..=opt {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Stop(v)) = &app.overlay else { panic!("a stop at once, found {:?}", app.overlay) };
    assert_eq!(v.question, Some(qi));
    assert!(v.paper_ok);
    let screen = draw_text(&app, 80, 24);
    assert!(screen.contains("Because of your answer to 1.2"), "{screen}");
    // "c change the answer" puts the focus on 1.2.
    focus_on(&mut app, "elig.applying_for");
    app.overlay = Some(Overlay::Stop(citcert::tui::app::StopView {
        rules: vec![],
        caution: false,
        paper_ok: false,
        target: None,
        question: Some(qi),
    }));
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.overlay, None);
    assert_eq!(app.draft().unwrap().focus, Some(qi));
}

#[test]
fn already_submitted_on_paper_offers_no_paper_preparation() {
    let mut app = app_with(Answers::default());
    focus_on(&mut app, "elig.applying_for");
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter); // 1.2: first certificate
    let qi = q().question_index("elig.paper_already_submitted").unwrap();
    assert_eq!(app.draft().unwrap().focus, Some(qi));
    type_text(&mut app, "y");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Stop(v)) = &app.overlay else { panic!("ST-02 at once, found {:?}", app.overlay) };
    assert!(!v.paper_ok, "no paper preparation for ST-02");
    let screen = draw_text(&app, 80, 24);
    assert!(!screen.contains("paper preparation"), "{screen}");
    key(&mut app, KeyCode::Char('p'));
    assert!(!app.draft().unwrap().paper_mode);
}

#[test]
fn an_imported_draft_with_unchecked_files_is_not_ready_and_not_yet_leads_to_the_file() {
    let mut app = app_with(p01());
    app.update(Action::Review);
    assert!(app.draft().unwrap().ev.ready, "the answers pass the gate");
    assert!(!app.draft().unwrap().ready(), "the files were never checked");
    let screen = draw_text(&app, 120, 40);
    assert!(!screen.contains("✓ Ready"), "{screen}");
    let rows = app.draft().unwrap().review_rows(app.q);
    let k = rows.iter().position(|r| *r == ReviewRow::NotYet(0)).unwrap();
    let s = app.draft_mut().unwrap();
    s.pane = Pane::Review;
    s.review_sel = k;
    key(&mut app, KeyCode::Enter);
    let s = app.draft().unwrap();
    assert_eq!(s.focus, q().question_index("docs.CL-ID1.file"), "Enter goes to the file question");
    assert!(s.return_to_review);
}

#[test]
fn the_jump_list_and_leaving_a_screen_say_what_is_left() {
    let mut a = p01();
    a.remove("pers.dob");
    let mut app = app_with(a);
    focus_on(&mut app, "pers.surname");
    app.update(Action::NextScreen);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("Still to answer there: 4."), "{status}");
    app.update(Action::JumpList);
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("1 to answer"), "{screen}");
    assert!(screen.contains("done"), "{screen}");
}

#[test]
fn paper_mode_shows_the_paper_route_and_prints_its_summary_from_the_tui() {
    let path = format!("{}/tests/personas/P06.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut a = Answers::from_file_json(&root).unwrap();
    a.set_text("review.declaration", "yes");
    let mut store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), a, None);
    store.drafts[0].paper_prep = true;
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store) as Box<dyn Store>);
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    assert!(app.draft().unwrap().paper_mode);
    // No file is given in paper mode: F7 and a typed path say so.
    focus_on(&mut app, "docs.CL-ID1.file");
    key(&mut app, KeyCode::F(7));
    assert_eq!(app.overlay, None);
    assert!(app.status.as_deref().unwrap_or("").contains("Paper mode: no file here"), "{:?}", app.status);
    // The list beside the questions: the documents to gather, in substance.
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("• Identity document 1"), "{screen}");
    assert!(!screen.contains("The documents of the online checklist"), "{screen}");
    app.update(Action::Review);
    app.update(Action::NextScreen);
    assert!(matches!(app.overlay, Some(Overlay::Next(_))), "{:?}", app.overlay);
    let screen = draw_text(&app, 120, 40);
    for want in
        ["Your paper application", "Which paper application, and why", "(Guide", "Documents to gather"]
    {
        assert!(screen.contains(want), "{want}: {screen}");
    }
    // The rule id only with the codes switch (F12) on (issue 13).
    assert!(!screen.contains("ST-04"), "{screen}");
    key(&mut app, KeyCode::Char('p'));
    let Some(Overlay::Next(v)) = &app.overlay else { panic!() };
    assert!(v.result[0].contains("No package in paper-preparation mode"), "{:?}", v.result);
    let dir = tempfile::tempdir().unwrap();
    key(&mut app, KeyCode::Char('e'));
    let Some(Overlay::Next(v)) = &mut app.overlay else { panic!() };
    v.input = citcert::tui::widgets::TextInput::new(dir.path().to_string_lossy().into_owned());
    key(&mut app, KeyCode::Enter);
    let id = app.draft().unwrap().draft.id.clone();
    let md = std::fs::read_to_string(dir.path().join(format!("citcert-paper-{id}.md"))).unwrap();
    assert!(md.contains("## Which paper application, and why") && !md.contains("ST-04"), "{md}");
    assert!(md.contains("## Payment"), "{md}");
    assert!(dir.path().join(format!("citcert-paper-{id}.html")).is_file());
}

/// A store whose saves fail (a full disk): the TUI never says "saved", and quitting says so and
/// gives exit status 1 (issue 12, item 3).
struct FailingStore(MemStore);

impl Store for FailingStore {
    fn list(&mut self) -> Result<Vec<citcert::tui::store::DraftSummary>, citcert::drafts::DraftError> {
        self.0.list()
    }
    fn removed(&self) -> Vec<String> {
        vec![]
    }
    fn damaged(&self) -> Vec<citcert::tui::store::Damaged> {
        vec![]
    }
    fn create(
        &mut self,
        label: &str,
        lang: Lang,
    ) -> Result<citcert::tui::store::Draft, citcert::drafts::DraftError> {
        self.0.create(label, lang)
    }
    fn open(&mut self, id: &str) -> Result<citcert::tui::store::Draft, citcert::drafts::DraftError> {
        self.0.open(id)
    }
    fn save(&mut self, _: &citcert::tui::store::Draft) -> Result<(), citcert::drafts::DraftError> {
        Err(citcert::drafts::DraftError::Invalid(citcert::engine::Text::new(
            "No space left on device",
            "Plus d'espace sur le périphérique",
        )))
    }
    fn delete(&mut self, id: &str) -> Result<(), citcert::drafts::DraftError> {
        self.0.delete(id)
    }
    fn rename(&mut self, id: &str, label: &str) -> Result<(), citcert::drafts::DraftError> {
        self.0.rename(id, label)
    }
}

#[test]
fn a_failed_save_is_never_saved_and_quitting_says_so_with_status_1() {
    let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), p01(), None);
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(FailingStore(store)) as Box<dyn Store>);
    app.update(Action::Key(FieldKey::Enter));
    focus_on(&mut app, "pers.surname");
    type_text(&mut app, "x");
    app.update(Action::Save);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("✗ Not saved: No space left"), "{status}");
    assert!(!status.contains("Saved."));
    app.update(Action::Quit);
    assert!(app.quit);
    let (code, said) = app.exit();
    assert_eq!(code, 1);
    assert!(said.unwrap().contains("Not saved"));
}

#[test]
fn the_folder_suggested_for_the_summary_is_replaced_by_typing() {
    let mut app = app_with(p01());
    app.update(Action::Review);
    app.in_draft(|ds| ds.open_next());
    key(&mut app, KeyCode::Char('e'));
    let Some(Overlay::Next(v)) = &app.overlay else { panic!("{:?}", app.overlay) };
    assert!(!v.input.value.is_empty(), "a folder is suggested");
    type_text(&mut app, "/tmp/x");
    let Some(Overlay::Next(v)) = &app.overlay else { panic!() };
    assert_eq!(v.input.value, "/tmp/x");
    // Esc goes back to the steps, a second Esc closes the window.
    app.update(Action::Back);
    assert!(matches!(&app.overlay, Some(Overlay::Next(v)) if v.asking.is_none()));
    app.update(Action::Back);
    assert_eq!(app.overlay, None);
}
