//! Found in a real-terminal pass at 80×24 (h26): a status message wider than the screen was cut
//! with "…" — F7 off a file question lost the screens it points to, and a refused file path lost
//! its reason ("Check the path") behind a long path. It now wraps onto up to three rows, above the
//! footer, in both languages (F12's "codes shown" in French was cut the same way).

use citcert::engine::{Answers, Lang};
use citcert::tui::app::App;
use citcert::tui::render::draw_text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: &str = "2025-06-10";

fn new_app(lang: Lang) -> App<'static> {
    app_with(Answers::default(), lang)
}

fn app_with(answers: Answers, lang: Lang) -> App<'static> {
    crate::common::drafts::mem_app(answers, lang, TODAY, "2025-06-01")
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The rows between the screen's body and its footer that hold the status message, joined.
fn status_text(screen: &str, rows: usize) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let n = lines.len();
    lines[n - 1 - rows..n - 1].iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

#[test]
fn f7_off_a_file_question_says_where_in_full_at_80_columns() {
    for (lang, end) in [(Lang::En, "(Documents screens)."), (Lang::Fr, "(écrans Documents).")] {
        let mut app = new_app(lang);
        key(&mut app, KeyCode::F(7));
        let said = app.status.clone().expect("F7 off a file question says something");
        assert!(said.ends_with(end), "{said}");
        let screen = draw_text(&app, 80, 24);
        assert_eq!(screen.lines().count(), 24);
        let shown = status_text(&screen, 2);
        assert_eq!(shown, said, "{lang:?}: the message is cut:\n{screen}");
        assert!(!shown.contains('…'), "{screen}");
        // The footer is still the last row, whole.
        assert!(screen.lines().last().unwrap().contains("F3"), "{screen}");
    }
}

#[test]
fn f12_says_in_full_what_it_turned_on_in_french_too() {
    for (lang, end) in [(Lang::En, "F12 hides them"), (Lang::Fr, "F12 les masque")] {
        let mut app = new_app(lang);
        key(&mut app, KeyCode::F(12));
        assert!(app.show_codes);
        let said = app.status.clone().expect("F12 says what it did");
        assert!(said.ends_with(end), "{said}");
        let screen = draw_text(&app, 80, 24);
        let rows = if said.chars().count() > 80 { 2 } else { 1 };
        assert_eq!(status_text(&screen, rows), said, "{lang:?}: the message is cut:\n{screen}");
    }
}

#[test]
fn a_refused_long_path_keeps_its_reason_on_screen() {
    let path = "/home/applicant/Documents/scans/identity/passport-scan-2025-06-10-front.jpg";
    for (lang, reason) in [(Lang::En, "Check the path."), (Lang::Fr, "Vérifiez le chemin.")] {
        let mut app = new_app(lang);
        // Ctrl-G 1 1 Enter: the first document screen (11.1); 1 Enter: "Yes, I will upload it".
        app.on_key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Enter);
        for c in path.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        key(&mut app, KeyCode::Enter);
        let said = app.status.clone().unwrap_or_default();
        assert!(said.contains(path) && said.ends_with(reason), "{lang:?}: {said}");
        for (w, h) in [(80, 24), (60, 20)] {
            let screen = draw_text(&app, w, h);
            let shown = status_text(&screen, 3);
            assert!(shown.contains(reason), "{lang:?} {w}x{h}: the reason is cut:\n{screen}");
            assert!(shown.replace(' ', "").contains(&path.replace(' ', "")), "{lang:?} {w}x{h}:\n{screen}");
        }
        // Esc cancels the refused edit: the path is gone from the field and the status line.
        key(&mut app, KeyCode::Esc);
        let screen = draw_text(&app, 80, 24);
        assert!(!screen.contains(path), "{screen}");
    }
}

/// At the smallest size (60×20) a draft with several documents has more screens than the jump
/// list has rows: End, ↓ past the bottom, or typing "13" highlighted a row below the window's edge.
#[test]
fn the_jump_list_scrolls_to_the_highlighted_screen() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_with(crate::common::answers_file("personas/P01"), lang);
        let (w, h) = (60, 20);
        app.on_key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
        // The row of screen `number` in the window, and whether it is highlighted.
        let row = |screen: &str, number: &str| -> Option<bool> {
            screen.lines().find_map(|l| {
                let cell = l.split('│').nth(1)?;
                let mut words = cell.trim_start_matches('›').split_whitespace();
                (words.nth(1) == Some(number)).then(|| cell.starts_with('›'))
            })
        };
        key(&mut app, KeyCode::Home);
        let at_home = draw_text(&app, w, h);
        assert_eq!(row(&at_home, "1"), Some(true), "{at_home}");
        assert_eq!(row(&at_home, "13"), None, "the list should be taller than {w}×{h} holds:\n{at_home}");
        key(&mut app, KeyCode::End);
        let at_end = draw_text(&app, w, h);
        assert_eq!(row(&at_end, "13"), Some(true), "{lang:?}: End highlights a row not shown:\n{at_end}");
        key(&mut app, KeyCode::Home);
        assert_eq!(row(&draw_text(&app, w, h), "1"), Some(true));
        for _ in 0..30 {
            key(&mut app, KeyCode::Down);
        }
        assert_eq!(row(&draw_text(&app, w, h), "13"), Some(true), "↓ to the last row shows it");
        // Wide and tall enough for every row: nothing scrolls away.
        let tall = draw_text(&app, 120, 40);
        assert_eq!((row(&tall, "1"), row(&tall, "13")), (Some(false), Some(true)), "{tall}");
    }
}

#[test]
fn a_status_quoting_someone_elses_name_is_shown_not_obeyed() {
    // A status line may quote a file name, a folder or a draft's label from disk: an escape
    // sequence or a bidi override in it is drawn as text, never sent to the terminal.
    let mut app = new_app(Lang::En);
    app.status = Some("✗ /tmp/a\u{1b}]0;pwned\u{7}b\u{202e}gpj.exe: refused".to_string());
    let screen = draw_text(&app, 80, 24);
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}') && !screen.contains('\u{7}'),
        "{screen}"
    );
    assert!(status_text(&screen, 1).contains("a\\u{1b}]0;pwned\\u{7}b\\u{202e}gpj.exe"), "{screen}");
}

#[test]
fn f12_shows_the_item_ids_in_the_checklist_pane_too() {
    // KEYS.md: F12 shows question and item ids, for an agent quoting a ticket.
    let mut app = new_app(Lang::En);
    let before = draw_text(&app, 120, 40);
    assert!(!before.contains("[CL-"), "{before}");
    key(&mut app, KeyCode::F(12));
    let after = draw_text(&app, 120, 40);
    let rows: Vec<&str> = after.lines().filter(|l| l.contains("[CL-")).collect();
    assert!(rows.len() >= 3, "{after}");
    key(&mut app, KeyCode::F(12));
    assert!(!draw_text(&app, 120, 40).contains("[CL-"));
}
