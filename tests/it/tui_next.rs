//! Issue 10, point 5 in the TUI: review → what happens next → export the summary and build the
//! signed package, from inside the TUI. One test in this binary: it sets CITCERT_CONFIG_DIR (where
//! the signing key goes) for the process.

use crate::common::{day, q};
use citcert::engine::{AnswerValue, Answers, Lang};
use citcert::tui::app::{App, NextAction, Overlay};
use citcert::tui::keymap::Action;
use citcert::tui::render::draw_text;
use citcert::tui::store::{MemStore, Store};
use citcert::tui::widgets::{FieldKey, TextInput};

const TODAY: &str = "2025-06-10";

/// P01 with every file it names made real and given (checked and recorded) in `dir`.
fn p01_with_files(dir: &std::path::Path) -> (Answers, Vec<serde_json::Value>) {
    let path = format!("{}/tests/personas/P01.answers.json", env!("CARGO_MANIFEST_DIR"));
    let root: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut answers = Answers::from_file_json(&root).unwrap();
    let mut attachments = vec![];
    let clock = citcert::clock::Clock::Fixed(day(TODAY));
    let files: Vec<(String, String)> = answers
        .map
        .iter()
        .filter(|(k, _)| k.ends_with(".file"))
        .map(|(k, v)| (k.clone(), v.as_cond_str().to_string()))
        .collect();
    for (id, named) in files {
        let name = std::path::Path::new(&named).file_name().unwrap().to_string_lossy().into_owned();
        let mut bytes: Vec<u8> =
            if name.ends_with(".jpg") { b"\xFF\xD8\xFF\xE0 JFIF".to_vec() } else { b"%PDF-1.4\n".to_vec() };
        bytes.extend_from_slice(id.as_bytes());
        let f = dir.join(&name);
        std::fs::write(&f, bytes).unwrap();
        let item = id.trim_start_matches("docs.").trim_end_matches(".file").to_string();
        let g = citcert::session::files::give_file(
            q(),
            &answers,
            &attachments,
            day("2025-05-01"),
            &item,
            &f,
            None,
            4 << 20,
            &clock,
        )
        .unwrap();
        answers = g.answers;
        attachments = g.attachments;
    }
    (answers, attachments)
}

#[test]
fn review_then_next_steps_then_summary_and_package_from_inside_the_tui() {
    let work = tempfile::tempdir().unwrap();
    crate::common::in_process_key_dir();
    let scans = work.path().join("scans");
    std::fs::create_dir(&scans).unwrap();
    let (answers, attachments) = p01_with_files(&scans);
    let mut store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
    store.drafts[0].attachments = attachments;
    let mut app = App::new(q(), Lang::En, day(TODAY), Box::new(store) as Box<dyn Store>);
    app.color = false;
    app.update(Action::Key(FieldKey::Enter));
    app.update(Action::Review);
    assert!(app.draft().unwrap().ready(), "every answer in, every file checked");
    let review: String = citcert::tui::view::review::build_review(
        citcert::tui::view::Ctx::of(&app),
        app.draft().unwrap(),
        120,
        citcert::tui::view::Theme { color: false },
    )
    .lines
    .iter()
    .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>() + "\n")
    .collect();
    assert!(review.contains("✓ Ready"), "{review}");
    assert!(!review.contains("Not yet"), "{review}");
    // Review → fee → what happens next.
    app.update(Action::NextScreen);
    let s = app.draft().unwrap();
    assert_eq!(q().screens[s.screen].id, "S13", "the fee screen");
    assert!(matches!(s.draft.answers.get("fee.method"), Some(AnswerValue::Text(_))));
    app.update(Action::NextScreen);
    assert!(matches!(app.overlay, Some(Overlay::Next(_))), "{:?}", app.overlay);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw_text(&app, w, h);
        assert!(screen.contains("What happens next"), "{screen}");
        if std::env::var("SHOW").is_ok() {
            eprintln!("{screen}");
        }
    }
    let screen = draw_text(&app, 120, 40);
    for want in ["Export the summary", "Sign in to your IRCC", "e export summary", "p build package"] {
        assert!(screen.contains(want), "{want}: {screen}");
    }
    // e: the summary, as Markdown and HTML.
    app.update(Action::Key(FieldKey::Char('e')));
    let Some(Overlay::Next(v)) = &mut app.overlay else { panic!() };
    assert_eq!(v.asking, Some(NextAction::Export));
    v.input = TextInput::new(work.path().to_string_lossy().into_owned());
    app.update(Action::Key(FieldKey::Enter));
    let id = app.draft().unwrap().draft.id.clone();
    // What was written shows at once, at the top of the window, even at 80×24 after scrolling.
    let screen = draw_text(&app, 80, 24);
    assert!(screen.contains("✓ Wrote") && screen.contains(&format!("citcert-summary-{id}.md")), "{screen}");
    app.update(Action::NextScreen);
    assert!(!draw_text(&app, 80, 24).contains("✓ Wrote"), "PgDn scrolls the window");
    app.update(Action::PrevScreen);
    assert!(draw_text(&app, 80, 24).contains("✓ Wrote"), "PgUp scrolls back");
    for ext in ["md", "html"] {
        let f = work.path().join(format!("citcert-summary-{id}.{ext}"));
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(text.contains("Haddad"), "{ext}");
    }
    // p: the signed package, then `verify` says it is intact.
    app.update(Action::Key(FieldKey::Char('p')));
    let out = work.path().join("package");
    let Some(Overlay::Next(v)) = &mut app.overlay else { panic!() };
    v.input = TextInput::new(out.to_string_lossy().into_owned());
    app.update(Action::Key(FieldKey::Enter));
    let Some(Overlay::Next(v)) = &app.overlay else { panic!() };
    assert!(v.result.iter().any(|l| l.starts_with("✓ Package written to")), "{:?}", v.result);
    assert!(out.join("manifest.json").is_file());
    let r = citcert::documents::package::verify(&out, None).unwrap();
    assert!(r.intact(), "{:?}", r.problems);
    // Esc closes the window.
    app.update(Action::Back);
    assert_eq!(app.overlay, None);
}

#[test]
fn p_before_the_draft_is_ready_says_every_reason_without_asking_for_a_folder() {
    // P01's answers name files that were never given here: not ready. `p` says why at once, in the
    // window, and asks for no folder (nothing would be written into it).
    for (lang, never) in [(Lang::En, "file not checked yet"), (Lang::Fr, "fichier pas encore vérifié")] {
        let answers = crate::common::answers_file("personas/P01");
        let store = MemStore::new(day(TODAY)).with("Test person", day("2025-05-01"), answers, None);
        let mut app = App::new(q(), lang, day(TODAY), Box::new(store) as Box<dyn Store>);
        app.color = false;
        app.update(Action::Key(FieldKey::Enter));
        assert!(!app.draft().unwrap().ready());
        app.draft_mut().unwrap().screen = q().screens.len() - 1;
        app.update(Action::NextScreen);
        assert!(matches!(app.overlay, Some(Overlay::Next(_))), "{:?}", app.overlay);
        app.update(Action::Key(FieldKey::Char('p')));
        let Some(Overlay::Next(v)) = &app.overlay else { panic!() };
        assert_eq!(v.asking, None, "no folder asked for");
        assert!(v.result.len() > 1 && v.result.iter().all(|l| l.starts_with('✗')), "{:?}", v.result);
        assert!(v.result.iter().any(|l| l.contains(never)), "{lang:?}: {:?}", v.result);
        let screen = draw_text(&app, 80, 24);
        let head: String = v.result[0].chars().take(20).collect();
        assert!(screen.contains(&head), "at the top: {screen}");
    }
}
