//! Issue 12, item 10 in the TUI and plain mode: several drafts past day 60 at once are not erased
//! without a word. The start screen names them and says why ("this computer's date is …"); e asks,
//! y erases, any other key keeps them. Plain mode asks the same question on its input.

use crate::common;

use std::process::Stdio;

use citcert::clock::{Clock, parse_date};
use citcert::drafts::DraftStore;
use citcert::engine::Lang;
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::draw_text;
use citcert::tui::widgets::FieldKey;
use common::{Env, text};

/// A drafts folder with two drafts started on 2025-01-01 and one started on 2025-05-20.
fn two_expired(dir: &std::path::Path) {
    let store = DraftStore::open(dir).unwrap();
    let qref = common::drafts::qref();
    let old = Clock::Fixed(parse_date("2025-01-01").unwrap());
    for label in ["Liam", "Zoë"] {
        store.create(label, qref.clone(), "en", &old).unwrap();
    }
    store.create("Recent", qref, "en", &Clock::Fixed(parse_date("2025-05-20").unwrap())).unwrap();
}

/// The TUI in `lang` on 2025-06-01 over a new drafts folder holding [`two_expired`]'s drafts;
/// returns (the temporary folder, the drafts folder, the app).
fn held_app(lang: Lang) -> (tempfile::TempDir, std::path::PathBuf, App<'static>) {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    two_expired(&drafts);
    let clock = Clock::Fixed(parse_date("2025-06-01").unwrap());
    let app = common::drafts::tui_over(&drafts, clock, lang);
    (tmp, drafts, app)
}

fn drafts_on_disk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count()
}

#[test]
fn the_start_screen_names_the_held_drafts_and_erases_them_only_after_y() {
    let (_tmp, drafts, mut app) = held_app(Lang::En);
    // The recent draft's id is random: shown as ID in the snapshot.
    let screen = draw_text(&app, 80, 24).replace(&app.drafts[0].id, "ID      ");
    insta::assert_snapshot!("held_drafts_start_80x24", screen);
    assert!(screen.contains("this computer's date (2025-06-01)"), "{screen}");
    assert!(screen.contains("e erase expired"), "the footer shows the key:\n{screen}");
    assert_eq!(drafts_on_disk(&drafts), 3, "nothing is erased before the person confirms");

    // e asks; any other key keeps them.
    app.update(Action::Key(FieldKey::Char('e')));
    let screen = draw_text(&app, 80, 24);
    assert!(
        screen.contains("Erase expired drafts") && screen.contains("“Zoë” (started 2025-01-01)"),
        "{screen}"
    );
    assert!(screen.contains("y erase · any other key keeps them"), "{screen}");
    app.update(Action::Key(FieldKey::Char('n')));
    let screen = draw_text(&app, 80, 24);
    assert!(screen.contains("Nothing was erased."), "{screen}");
    assert_eq!(drafts_on_disk(&drafts), 3);

    // e, then y: erased, and said so; the recent draft stays.
    app.update(Action::Key(FieldKey::Char('e')));
    app.update(Action::Key(FieldKey::Char('y')));
    let screen = draw_text(&app, 80, 24);
    assert!(screen.contains("Erased 2 expired draft(s)."), "{screen}");
    assert!(!screen.contains("Past their 60 days"), "the notice goes once they are gone:\n{screen}");
    assert!(!screen.contains("erase expired"), "{screen}");
    assert_eq!(drafts_on_disk(&drafts), 1);
    assert!(screen.contains("Recent"), "{screen}");
    // e does nothing more now.
    app.update(Action::Key(FieldKey::Char('e')));
    assert!(!draw_text(&app, 80, 24).contains("Erase expired drafts"));
}

#[test]
fn the_notice_and_the_question_are_in_french_too() {
    let (_tmp, drafts, mut app) = held_app(Lang::Fr);
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("selon la date de cet ordinateur (le 2025-06-01)"), "{screen}");
    assert!(screen.contains("e effacer les expirés"), "{screen}");
    app.update(Action::Key(FieldKey::Char('e')));
    let screen = draw_text(&app, 120, 40);
    assert!(
        screen.contains("Effacer les brouillons expirés") && screen.contains("o  les effacer"),
        "{screen}"
    );
    app.update(Action::Key(FieldKey::Char('o')));
    let screen = draw_text(&app, 120, 40);
    assert!(screen.contains("2 brouillon(s) expiré(s) effacé(s)."), "{screen}");
    assert_eq!(drafts_on_disk(&drafts), 1);
}

fn plain(env: &Env, input: &str) -> std::process::Output {
    let mut c = env.cmd(&["--plain"]);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn plain_mode_asks_before_erasing_held_drafts() {
    let env = Env::new();
    two_expired(&env.path("drafts"));
    let o = plain(&env, "no\nquit\n");
    let out = text(&o.stdout);
    assert!(out.contains("past their 60 days by this computer's date (2025-06-01), all at once"), "{out}");
    assert!(out.contains("'Liam' (started 2025-01-01)") && out.contains("Type yes to erase them"), "{out}");
    assert!(out.contains("Nothing was erased."), "{out}");
    assert_eq!(drafts_on_disk(&env.path("drafts")), 3);

    let o = plain(&env, "yes\nquit\n");
    let out = text(&o.stdout);
    assert!(out.contains("Draft 'Liam' erased.") && out.contains("Draft 'Zoë' erased."), "{out}");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(drafts_on_disk(&env.path("drafts")), 1);
    // The list then shows what is left.
    assert!(out.contains("Recent"), "{out}");
}

#[test]
fn plain_mode_in_french_asks_for_oui() {
    let env = Env::new();
    two_expired(&env.path("drafts"));
    let mut c = env.cmd(&["--plain", "--lang", "fr"]);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"oui\nquitter\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let out = text(&o.stdout);
    assert!(out.contains("selon la date de cet ordinateur (le 2025-06-01)"), "{out}");
    assert!(out.contains("Tapez oui pour les effacer"), "{out}");
    assert_eq!(drafts_on_disk(&env.path("drafts")), 1, "{out}");
}
