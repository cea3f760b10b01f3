//! Issue 13, keys and focus in the TUI, driven through keys with a fixed clock: Esc goes back one
//! level (a text edit is cancelled, a picker's filter cleared, the review returns to the
//! questions, then the drafts list with the same draft highlighted after a re-sort); Enter on an
//! unanswered choice picks nothing; Ctrl-U/Ctrl-K edit text and F8/F9 answer NA/Unknown; an
//! invalid answer keeps the focus; the jump list takes digits, Home and End; while "enlarge the
//! terminal" shows, keys change nothing; reopening returns to the question; F6 starts from the
//! screen's item.

use crate::common::{day, q};
use citcert::engine::{AnswerValue, Answers, Lang, ScreenKind};
use citcert::tui::app::{App, Overlay, Pane};
use citcert::tui::render::draw_text;
use citcert::tui::store::{Damaged, Draft, DraftSummary, MemStore, Store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2025-06-10";

fn p01() -> Answers {
    crate::common::answers_file("personas/P01")
}

fn app_with(answers: Answers, lang: Lang) -> App<'static> {
    crate::common::drafts::mem_app(answers, lang, TODAY, "2025-05-01")
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn qi(id: &str) -> usize {
    q().question_index(id).unwrap_or_else(|| panic!("no question {id}"))
}

fn by_number(n: &str) -> usize {
    q().questions.iter().position(|x| x.number == n).unwrap_or_else(|| panic!("no question {n}"))
}

fn answer(app: &App, i: usize) -> Option<AnswerValue> {
    app.draft().unwrap().draft.answers.get(&q().questions[i].id).cloned()
}

fn focus(app: &App) -> Option<usize> {
    app.draft().unwrap().focus
}

#[test]
fn enter_on_an_unanswered_choice_picks_nothing_and_says_how() {
    for (lang, said) in [(Lang::En, "Nothing chosen"), (Lang::Fr, "Rien de choisi")] {
        let mut app = app_with(Answers::default(), lang);
        let i = by_number("1.3");
        app.in_draft(|ds| ds.goto_question(i));
        key(&mut app, KeyCode::Enter);
        assert_eq!(answer(&app, i), None, "Enter alone answered 1.3");
        assert_eq!(focus(&app), Some(i));
        assert!(app.overlay.is_none(), "no stop from an answer nobody gave");
        assert!(app.status.as_deref().unwrap_or("").contains(said), "{:?}", app.status);
        assert!(draw_text(&app, 80, 24).contains(said));
        // Nothing is highlighted until an arrow; then Enter takes the highlighted option.
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Enter);
        let second = q().questions[i].options[1].id.clone();
        assert_eq!(answer(&app, i), Some(AnswerValue::Text(second)));
    }
}

#[test]
fn esc_cancels_a_text_edit_then_clears_a_filter_then_leaves_the_draft() {
    let mut app = app_with(p01(), Lang::En);
    let h = qi("pers.height");
    app.in_draft(|ds| ds.goto_question(h));
    let saved = answer(&app, h);
    assert!(saved.is_some());
    type_text(&mut app, "xyz");
    key(&mut app, KeyCode::Esc);
    assert!(app.draft().is_some(), "Esc in a text field must not leave the draft");
    assert_eq!(answer(&app, h), saved, "the half-typed text was not stored");
    assert_eq!(focus(&app), Some(h));
    let screen = draw_text(&app, 120, 40);
    assert!(!screen.contains("xyz"), "{screen}");
    assert!(screen.contains("Edit cancelled"), "{screen}");

    // A picker: the first Esc clears the filter, the answer stays.
    let c = q()
        .questions
        .iter()
        .position(|x| x.qtype == citcert::engine::QType::Country && x.screen == q().questions[h].screen)
        .unwrap();
    app.in_draft(|ds| ds.goto_question(c));
    let country = answer(&app, c);
    type_text(&mut app, "mex");
    key(&mut app, KeyCode::Esc);
    assert!(app.draft().is_some());
    assert_eq!(answer(&app, c), country);
    assert!(!draw_text(&app, 120, 40).contains("[mex]"));
    // Nothing in progress: Esc leaves the draft (saved) for the drafts list.
    key(&mut app, KeyCode::Esc);
    assert!(app.draft().is_none());
}

#[test]
fn esc_on_the_review_returns_to_the_questions() {
    let mut app = app_with(p01(), Lang::Fr);
    ctrl(&mut app, 'r');
    let s = app.draft().unwrap();
    assert_eq!(q().screens[s.screen].kind, ScreenKind::Review);
    key(&mut app, KeyCode::Esc);
    let s = app.draft().expect("Esc on the review must not leave the draft");
    assert_eq!(q().screens[s.screen].kind, ScreenKind::Questions);
    assert_eq!(s.pane, Pane::Questions);
    // Changing an answer from the review: Esc returns to the review.
    ctrl(&mut app, 'r');
    let s = app.draft().unwrap();
    assert_eq!(s.pane, Pane::Review);
    key(&mut app, KeyCode::Enter);
    assert_eq!(q().screens[app.draft().unwrap().screen].kind, ScreenKind::Questions);
    key(&mut app, KeyCode::Esc);
    assert_eq!(q().screens[app.draft().unwrap().screen].kind, ScreenKind::Review);
}

/// A store that lists its drafts in the reverse order each time, as a list sorted by "last
/// saved" re-sorts after a save.
struct Resorting(MemStore, bool);

impl Store for Resorting {
    fn list(&mut self) -> Result<Vec<DraftSummary>, citcert::drafts::DraftError> {
        let mut v = self.0.list()?;
        self.1 = !self.1;
        if self.1 {
            v.reverse();
        }
        Ok(v)
    }
    fn removed(&self) -> Vec<String> {
        vec![]
    }
    fn damaged(&self) -> Vec<Damaged> {
        vec![]
    }
    fn create(&mut self, label: &str, lang: Lang) -> Result<Draft, citcert::drafts::DraftError> {
        self.0.create(label, lang)
    }
    fn open(&mut self, id: &str) -> Result<Draft, citcert::drafts::DraftError> {
        self.0.open(id)
    }
    fn save(&mut self, draft: &Draft) -> Result<(), citcert::drafts::DraftError> {
        self.0.save(draft)
    }
    fn delete(&mut self, id: &str) -> Result<(), citcert::drafts::DraftError> {
        self.0.delete(id)
    }
    fn rename(&mut self, id: &str, label: &str) -> Result<(), citcert::drafts::DraftError> {
        self.0.rename(id, label)
    }
}

#[test]
fn esc_back_to_the_drafts_keeps_the_highlight_on_the_same_draft() {
    let mut store = MemStore::new(day(TODAY));
    for (name, started) in [("Anna", "2025-05-03"), ("Bruno", "2025-05-02"), ("Chloé", "2025-05-01")] {
        store = store.with(name, day(started), Answers::default(), None);
    }
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(Resorting(store, false)));
    key(&mut app, KeyCode::Down);
    let id = app.drafts[app.start().unwrap().sel].id.clone();
    let other = app.drafts[0].id.clone();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft().unwrap().draft.id, id);
    key(&mut app, KeyCode::Esc);
    assert!(app.draft().is_none());
    assert_eq!(app.drafts[app.start().unwrap().sel].id, id, "the highlight follows the draft");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft().unwrap().draft.id, id, "Enter opens the same person's draft");
    assert_ne!(id, other);
}

#[test]
fn readline_keys_edit_text_and_f8_f9_answer() {
    let mut app = app_with(p01(), Lang::En);
    let h = qi("pers.height");
    app.in_draft(|ds| ds.goto_question(h));
    let saved = answer(&app, h);
    ctrl(&mut app, 'u');
    assert_eq!(answer(&app, h), saved, "Ctrl-U edits, it does not answer Unknown");
    type_text(&mut app, "180 cm");
    key(&mut app, KeyCode::Home);
    ctrl(&mut app, 'k');
    type_text(&mut app, "181");
    key(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, h), Some(AnswerValue::Text("181 cm".into())));
    // F9 answers Unknown (or is refused, naming the question) where the question allows it.
    let allows = q().questions.iter().position(|x| x.unknown && x.screen == q().questions[h].screen);
    if let Some(u) = allows {
        app.in_draft(|ds| ds.goto_question(u));
        key(&mut app, KeyCode::F(9));
        assert_eq!(answer(&app, u).map(|v| v.as_cond_str().to_string()), Some("UNKNOWN".into()));
    }
    app.in_draft(|ds| ds.goto_question(h));
    key(&mut app, KeyCode::F(8));
    assert_eq!(answer(&app, h), Some(AnswerValue::Text("181 cm".into())), "height takes no NA");
    assert!(app.status.as_deref().unwrap_or("").contains(&q().questions[h].number));
}

#[test]
fn an_invalid_answer_keeps_the_focus() {
    for (lang, said) in [(Lang::En, "needs fixing"), (Lang::Fr, "est à corriger")] {
        let mut app = app_with(p01(), lang);
        let d = qi("pers.dob");
        app.in_draft(|ds| ds.goto_question(d));
        ctrl(&mut app, 'u');
        type_text(&mut app, "1990-02-30");
        key(&mut app, KeyCode::Enter);
        assert_eq!(focus(&app), Some(d), "Enter on an invalid date moved the focus");
        assert!(app.status.as_deref().unwrap_or("").contains(said), "{:?}", app.status);
        // Tab after typing another invalid answer stays too (a deliberate second Tab leaves it).
        ctrl(&mut app, 'u');
        type_text(&mut app, "1990-13-01");
        key(&mut app, KeyCode::Tab);
        assert_eq!(focus(&app), Some(d));
        ctrl(&mut app, 'u');
        type_text(&mut app, "1990-02-28");
        key(&mut app, KeyCode::Enter);
        assert_ne!(focus(&app), Some(d), "a good answer goes on");
    }
}

#[test]
fn the_jump_list_takes_a_screen_number_home_and_end() {
    let mut app = app_with(p01(), Lang::En);
    ctrl(&mut app, 'g');
    key(&mut app, KeyCode::End);
    let n = app.draft().unwrap().jump_screens(app.q).len();
    assert_eq!(app.overlay, Some(Overlay::Jump(n - 1)));
    key(&mut app, KeyCode::Home);
    assert_eq!(app.overlay, Some(Overlay::Jump(0)));
    // An unknown key leaves the list open; "4" goes to screen 4.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.overlay, Some(Overlay::Jump(0)));
    key(&mut app, KeyCode::Char('4'));
    assert!(app.overlay.is_none());
    assert_eq!(q().screens[app.draft().unwrap().screen].number, "4");
    // "1" is the start of 1, 10, 11…: highlighted, then "2" decides.
    ctrl(&mut app, 'g');
    key(&mut app, KeyCode::Char('1'));
    assert!(matches!(app.overlay, Some(Overlay::Jump(_))), "1 alone waits for the next digit");
    assert!(app.status.as_deref().unwrap_or("").contains("another digit"), "{:?}", app.status);
    key(&mut app, KeyCode::Char('2'));
    assert!(app.overlay.is_none());
    assert_eq!(q().screens[app.draft().unwrap().screen].number, "12");
    // A number no screen has is said.
    ctrl(&mut app, 'g');
    key(&mut app, KeyCode::Char('0'));
    assert!(matches!(app.overlay, Some(Overlay::Jump(_))));
    assert!(app.status.as_deref().unwrap_or("").contains("No screen"), "{:?}", app.status);
}

#[test]
fn keys_change_nothing_while_enlarge_the_terminal_shows() {
    for (lang, said) in [(Lang::En, "enlarge"), (Lang::Fr, "agrandir")] {
        let mut app = app_with(Answers::default(), lang);
        let before = app.draft().unwrap().draft.answers.clone();
        let screen = draw_text(&app, 40, 10);
        assert!(screen.contains(said), "{screen}");
        for c in "o1ny ".chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::PageDown);
        assert_eq!(app.draft().unwrap().draft.answers, before, "a key answered unseen");
        assert!(app.draft().is_some() && app.overlay.is_none());
        key(&mut app, KeyCode::F(1));
        assert_eq!(app.overlay, Some(Overlay::Help));
        assert!(!draw_text(&app, 40, 10).contains(said), "help shows over the small screen");
        key(&mut app, KeyCode::F(1));
        assert!(app.overlay.is_none());
        // Enlarged: keys work again.
        draw_text(&app, 80, 24);
        key(&mut app, KeyCode::Char('1'));
        assert_ne!(app.draft().unwrap().draft.answers, before);
        draw_text(&app, 40, 10);
        ctrl(&mut app, 'q');
        assert!(app.quit);
    }
}

#[test]
fn reopening_a_draft_returns_to_the_question_the_person_was_on() {
    let dir = tempfile::tempdir().unwrap();
    let clock = citcert::clock::Clock::Fixed(day(TODAY));
    let open = |dir: &std::path::Path| {
        let store = citcert::tui::store::DraftsStore::open(dir.into(), clock, q()).unwrap();
        App::new(q(), Lang::En, day(TODAY), Box::new(store))
    };
    let mut app = open(dir.path());
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Zoë");
    key(&mut app, KeyCode::Enter);
    let third = {
        let s = app.draft().unwrap();
        s.ev.visible_questions(q(), s.screen).filter(|&x| citcert::tui::app::editable(q(), &s.ev, x)).nth(2)
    }
    .unwrap();
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(focus(&app), Some(third));
    ctrl(&mut app, 'q');
    drop(app);
    let mut app = open(dir.path());
    key(&mut app, KeyCode::Enter);
    assert_eq!(focus(&app), Some(third));
}

#[test]
fn f6_starts_from_the_current_screens_item() {
    let mut app = app_with(p01(), Lang::En);
    let photo = q().items.iter().position(|i| i.id == "CL-PHOTO").unwrap();
    let sc = q().screens.iter().position(|s| s.item == Some(photo)).unwrap();
    app.in_draft(|ds| ds.goto_screen(sc));
    key(&mut app, KeyCode::F(6));
    assert_eq!(app.overlay, Some(Overlay::Why(photo)));
}

fn three_drafts(lang: Lang) -> App<'static> {
    let mut store = MemStore::new(day(TODAY));
    for (name, started) in
        [("Anna Côté", "2025-05-03"), ("Bruno Diaz", "2025-05-02"), ("Chloé Roy", "2025-05-01")]
    {
        store = store.with(name, day(started), Answers::default(), None);
    }
    let mut app = App::new(q(), lang, day(TODAY), Box::new(store) as Box<dyn Store>);
    app.color = false;
    app
}

#[test]
fn the_drafts_list_shows_ids_and_finds_by_name_or_id() {
    for (lang, prompt, none) in [
        (Lang::En, "Find (name or id):", "No draft matches"),
        (Lang::Fr, "Trouver (nom ou identifiant) :", "Aucun brouillon"),
    ] {
        let mut app = three_drafts(lang);
        let screen = draw_text(&app, 80, 24);
        for d in &app.drafts {
            assert!(screen.contains(&d.id), "the id of {} is listed:\n{screen}", d.label);
        }
        // "/" then words: accents and case ignored; the highlight goes to the first match.
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "chloe");
        let screen = draw_text(&app, 80, 24);
        assert!(screen.contains(prompt) && screen.contains("Chloé Roy"), "{screen}");
        assert!(!screen.contains("Anna") && !screen.contains("Bruno"), "{screen}");
        assert_eq!(app.drafts[app.start().unwrap().sel].label, "Chloé Roy");
        // By id too; n and d are letters of the words here, not commands.
        key(&mut app, KeyCode::Esc);
        assert!(
            app.start().unwrap().find.is_none() && app.draft().is_none() && !app.quit,
            "Esc clears the words first"
        );
        let id = app.drafts.iter().find(|d| d.label == "Bruno Diaz").unwrap().id.clone();
        ctrl(&mut app, 'f');
        type_text(&mut app, &id);
        assert_eq!(app.start().unwrap().listed(&app.drafts).len(), 1);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.draft().unwrap().draft.id, id, "Enter opens the draft found");
        // Nothing found: said, and Enter opens nothing.
        let mut app = three_drafts(lang);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "zzz");
        assert!(draw_text(&app, 120, 40).contains(none));
        key(&mut app, KeyCode::Enter);
        assert!(app.draft().is_none());
    }
}

#[test]
fn find_lists_name_matches_before_drafts_found_only_by_their_id() {
    // Ids d001 (Lee), d002 (Mo, whose name holds "d003"), d003 (Kim); newest first: Lee, Kim, Mo.
    let mut store = MemStore::new(day(TODAY));
    for (name, started) in [("Lee", "2025-05-03"), ("Mo d003", "2025-05-01"), ("Kim", "2025-05-02")] {
        store = store.with(name, day(started), Answers::default(), None);
    }
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store) as Box<dyn Store>);
    let labels = |app: &App| -> Vec<String> {
        app.start().unwrap().listed(&app.drafts).iter().map(|&k| app.drafts[k].label.clone()).collect()
    };
    assert_eq!(labels(&app), ["Lee", "Kim", "Mo d003"]);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "d003");
    // The person named so comes first; the draft whose id it is, after.
    assert_eq!(labels(&app), ["Mo d003", "Kim"]);
    assert_eq!(app.drafts[app.start().unwrap().sel].label, "Mo d003", "the highlight is on the first row");
    let screen = draw_text(&app, 80, 24);
    assert!(screen.find("Mo d003").unwrap() < screen.find("Kim").unwrap(), "{screen}");
}

#[test]
fn rename_on_the_drafts_list_refuses_an_empty_name_and_the_highlight_follows() {
    for (lang, empty, done) in [(Lang::En, "Not renamed", "Renamed"), (Lang::Fr, "Pas renommé", "renommé")]
    {
        let mut app = three_drafts(lang);
        key(&mut app, KeyCode::End);
        let id = app.drafts[app.start().unwrap().sel].id.clone();
        key(&mut app, KeyCode::Char('r'));
        assert!(matches!(app.overlay, Some(Overlay::Rename(..))));
        assert!(draw_text(&app, 80, 24).contains("Chloé Roy"), "the old name is there to edit");
        ctrl(&mut app, 'u');
        type_text(&mut app, "   ");
        key(&mut app, KeyCode::Enter);
        assert!(app.status.as_deref().unwrap_or("").contains(empty), "{:?}", app.status);
        assert!(matches!(app.overlay, Some(Overlay::Rename(..))), "the dialog stays to fix the name");
        ctrl(&mut app, 'u');
        type_text(&mut app, "Chloé Roy-Martin");
        key(&mut app, KeyCode::Enter);
        assert!(app.overlay.is_none());
        assert!(app.status.as_deref().unwrap_or("").contains(done), "{:?}", app.status);
        assert_eq!(app.drafts[app.start().unwrap().sel].id, id, "the highlight stays on the renamed draft");
        assert_eq!(app.drafts[app.start().unwrap().sel].label, "Chloé Roy-Martin");
        // Esc keeps the old name.
        key(&mut app, KeyCode::Char('r'));
        type_text(&mut app, "xyz");
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.drafts[app.start().unwrap().sel].label, "Chloé Roy-Martin");
    }
}

#[test]
fn rename_in_the_tui_goes_through_the_real_store_and_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let clock = citcert::clock::Clock::Fixed(day(TODAY));
    let store = citcert::tui::store::DraftsStore::open(dir.path().into(), clock, q()).unwrap();
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store));
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Zoë");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'o');
    assert!(app.draft().is_none());
    let id = app.drafts[app.start().unwrap().sel].id.clone();
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, " Tremblay");
    key(&mut app, KeyCode::Enter);
    let file = std::fs::read_to_string(dir.path().join(format!("{id}.json"))).unwrap();
    let v: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(v["label"], "Zoë Tremblay");
    assert!(file.contains("renamed"), "the rename is in the draft's history: {file}");
    // The renamed draft opens.
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.draft().unwrap().draft.label, "Zoë Tremblay");
}

#[test]
fn a_relative_file_path_is_said_plainly_and_not_guessed() {
    for (lang, said) in [(Lang::En, "is a relative path"), (Lang::Fr, "est un chemin relatif")] {
        let mut a = p01();
        a.set_text("docs.CL-ID1.file", "scans/id.pdf");
        let mut app = app_with(a, lang);
        let f = qi("docs.CL-ID1.file");
        app.in_draft(|ds| ds.goto_screen(q().questions[f].screen));
        app.in_draft(|ds| ds.goto_question(f));
        key(&mut app, KeyCode::Enter);
        let status = app.status.clone().unwrap_or_default();
        assert!(status.contains(said) && status.contains("scans/id.pdf"), "{status}");
        assert!(
            citcert::documents::attach::attachments_of(&app.draft().unwrap().draft.attachments).is_empty()
        );
        assert_eq!(focus(&app), Some(f), "the focus stays to type the full path");
    }
}

#[test]
fn esc_in_search_clears_the_words_first_and_help_on_the_list_shows_its_keys() {
    let mut app = app_with(p01(), Lang::En);
    ctrl(&mut app, 'f');
    type_text(&mut app, "birth");
    key(&mut app, KeyCode::Esc);
    assert!(matches!(&app.overlay, Some(Overlay::Search(input, _)) if input.value.is_empty()));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none() && app.draft().is_some());
    for (lang, said) in [(Lang::En, "rename the draft"), (Lang::Fr, "renommer le brouillon")] {
        let mut app = three_drafts(lang);
        key(&mut app, KeyCode::F(1));
        assert!(draw_text(&app, 120, 40).contains(said));
    }
}

/// The new screens of the drafts list, at both sizes, in both languages.
#[test]
fn drafts_list_snapshots() {
    for lang in [Lang::En, Lang::Fr] {
        let code = lang.code();
        let mut app = three_drafts(lang);
        key(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "ro");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{code}_drafts_find_{w}x{h}"), draw_text(&app, w, h));
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('r'));
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{code}_drafts_rename_{w}x{h}"), draw_text(&app, w, h));
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::F(1));
        insta::assert_snapshot!(format!("{code}_drafts_help_80x24"), draw_text(&app, 80, 24));
    }
}

/// The status lines and footers added for issue 13 fit 80 columns in both languages.
#[test]
fn the_new_status_lines_fit_80_columns() {
    use citcert::tui::i18n as t;
    use unicode_width::UnicodeWidthStr;
    for lang in [Lang::En, Lang::Fr] {
        let mut all: Vec<String> = [
            t::CHOOSE_EXPLICITLY,
            t::EDIT_CANCELLED,
            t::TOO_SMALL_KEYS,
            t::FIND_CLEARED,
            t::FIND_NONE,
            t::F_RENAME,
            t::NOTHING_RENAMED,
        ]
        .iter()
        .map(|m| m.get(lang).to_string())
        .collect();
        all.push(t::fix_this_answer(lang, "11.14.1"));
        all.push(t::no_such_screen(lang, "99"));
        all.push(t::screen_not_asked(lang, "11.14"));
        all.push(t::jump_more_digits(lang, "11"));
        all.push(t::renamed(lang, "Marie Tremblay", "Marie Tremblay-Roy"));
        for msg in all {
            assert!(msg.width() <= 80, "{lang:?}: {} columns: {msg}", msg.width());
        }
    }
}
