//! Drafts locked with a passphrase (issue 12), through the real binary: `drafts new --protect`,
//! `protect`/`unprotect`, every command that reads answers asking for the passphrase (from a
//! passphrase file here: stdin is not a terminal), a wrong passphrase changing nothing, and the
//! passphrase and the answers never reaching the file, the output or temporary files in clear.

use crate::common;

use common::{Env, text};
use std::path::Path;
use std::process::Output;

const PASS: &str = "Mellon-7394 tisserand";
/// P01's surname and date of birth: answers that must never be in a locked draft file in clear.
const ANSWERS: [&str; 2] = ["Haddad", "1990-04-12"];

fn pass_file(env: &Env, name: &str, pass: &str) -> String {
    env.write(name, format!("{pass}\n").as_bytes())
}

/// Runs citcert with TMPDIR in the test's folder, so temporary files can be searched too.
fn run(env: &Env, args: &[&str]) -> Output {
    std::fs::create_dir_all(env.path("tmp")).unwrap();
    env.cmd(args).env("TMPDIR", env.path("tmp")).output().unwrap()
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stdout: {}\nstderr: {}", text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

/// Every byte of every file under `dir`, as text.
fn all_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else if let Ok(b) = std::fs::read(&p) {
            out.push((p.display().to_string(), String::from_utf8_lossy(&b).into_owned()));
        }
    }
    out
}

/// P01 imported, then locked with PASS; returns its id.
fn locked_p01(env: &Env) -> String {
    let id = env.import("P01");
    let pf = pass_file(env, "pass.txt", PASS);
    let out = ok(&run(env, &["drafts", "protect", &id, "--passphrase-file", &pf]));
    assert!(out.contains(&format!("Draft {id} is now locked.")), "{out}");
    id
}

#[test]
fn a_locked_draft_lists_without_the_passphrase_and_opens_only_with_it() {
    let env = Env::new();
    let id = env.import("P01");
    let before = env.check(&id);
    let id = {
        let pf = pass_file(&env, "pass.txt", PASS);
        ok(&run(&env, &["drafts", "protect", &id, "--passphrase-file", &pf]));
        id
    };
    let file = env.draft_file(&id);
    let bytes = std::fs::read(&file).unwrap();
    let body = text(&bytes);
    assert!(body.contains("\"label\": \"P01\"") && body.contains("BEGIN AGE ENCRYPTED FILE"), "{body}");
    for a in ANSWERS {
        assert!(!body.contains(a), "{a} in clear in {body}");
    }
    assert!(!Path::new(&format!("{file}.bak")).exists(), "the unlocked previous version is erased");

    // Listing, with progress, needs nothing.
    let list = ok(&run(&env, &["drafts", "list"]));
    assert!(list.contains("P01") && list.contains(&id) && list.contains("locked (passphrase)"), "{list}");

    // Without a passphrase (no terminal, no file): refused, exit 2, saying how to give it.
    for args in [
        vec!["drafts", "show", id.as_str()],
        vec!["drafts", "export", id.as_str()],
        vec!["check", "--answers", file.as_str()],
        vec!["export", id.as_str()],
        vec!["drafts", "rename", id.as_str(), "New name"],
    ] {
        let o = run(&env, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        let err = text(&o.stderr);
        assert!(err.contains("is locked with a passphrase") && err.contains("--passphrase-file"), "{err}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", text(&o.stdout));
    }

    // A wrong passphrase: said so, nothing changed on disk.
    let wrong = pass_file(&env, "wrong.txt", "not the passphrase");
    for args in [
        vec!["drafts", "show", id.as_str()],
        vec!["drafts", "note", id.as_str(), "pers.dob", "checked"],
        vec!["check", "--answers", file.as_str()],
    ] {
        // Before the arguments: the note's words take everything after them.
        let mut args = args.clone();
        args.splice(0..0, ["--passphrase-file", wrong.as_str()]);
        let o = run(&env, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(text(&o.stderr).contains(&format!("wrong passphrase for draft {id}; nothing was changed")));
    }
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "a wrong passphrase changes nothing");

    // The right one opens it: same evaluation as before it was locked.
    let pf = env.path("pass.txt").to_string_lossy().into_owned();
    let o = run(&env, &["check", "--answers", &file, "--passphrase-file", &pf]);
    let after: serde_json::Value = serde_json::from_slice(ok(&o).as_bytes()).unwrap();
    assert_eq!(after, before);
    let show = ok(&run(&env, &["drafts", "show", &id, "--passphrase-file", &pf]));
    assert!(show.contains("pers.surname = Haddad"), "{show}");
    let exported = ok(&run(&env, &["drafts", "export", &id, "--passphrase-file", &pf]));
    assert!(exported.contains("\"pers.dob\": \"1990-04-12\""), "{exported}");
    ok(&run(&env, &["export", &id, "--passphrase-file", &pf]));

    // Saving keeps it locked: a note and a new name, then the answers are still sealed.
    ok(&run(&env, &["--passphrase-file", &pf, "drafts", "note", &id, "pers.dob", "seen on the passport"]));
    ok(&run(&env, &["drafts", "rename", &id, "P01 locked", "--passphrase-file", &pf]));
    let body = text(&std::fs::read(&file).unwrap());
    assert!(body.contains("P01 locked") && !body.contains("passport") && !body.contains("Haddad"), "{body}");
    let show = ok(&run(&env, &["drafts", "show", &id, "--passphrase-file", &pf]));
    assert!(show.contains("seen on the passport"), "{show}");

    // Unlocking stores the answers in clear again.
    ok(&run(&env, &["drafts", "unprotect", &id, "--passphrase-file", &pf]));
    let body = text(&std::fs::read(&file).unwrap());
    assert!(body.contains("Haddad") && !body.contains("AGE ENCRYPTED"), "{body}");
    let show = ok(&run(&env, &["drafts", "show", &id]));
    assert!(show.contains("seen on the passport"), "{show}");
}

#[test]
fn new_protect_needs_a_long_enough_passphrase_and_creates_nothing_otherwise() {
    let env = Env::new();
    let o = run(&env, &["drafts", "new", "--label", "Mine", "--protect"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--passphrase-file"), "{}", text(&o.stderr));
    let short = pass_file(&env, "short.txt", "abc");
    let o = run(&env, &["drafts", "new", "--label", "Mine", "--protect", "--passphrase-file", &short]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("at least 8 characters"), "{}", text(&o.stderr));
    let fifo = env.path("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = run(
        &env,
        &["drafts", "new", "--label", "Mine", "--protect", "--passphrase-file", fifo.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "a FIFO is refused, not waited on");
    assert!(text(&o.stderr).contains("not a regular file"), "{}", text(&o.stderr));
    let files: Vec<_> =
        all_files(&env.path("drafts")).into_iter().filter(|(p, _)| p.ends_with(".json")).collect();
    assert!(files.is_empty(), "{files:?}");

    let pf = pass_file(&env, "pass.txt", PASS);
    let out = ok(&run(&env, &["drafts", "new", "--label", "Mine", "--protect", "--passphrase-file", &pf]));
    assert!(out.contains("encrypted with your passphrase"), "{out}");
    let id = out.split("Started draft ").nth(1).unwrap()[..8].to_string();
    assert!(text(&std::fs::read(env.draft_file(&id)).unwrap()).contains("BEGIN AGE ENCRYPTED FILE"));
    let o = run(&env, &["drafts", "protect", &id, "--passphrase-file", &pf]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("already locked"), "{}", text(&o.stderr));
}

#[test]
fn the_passphrase_and_the_answers_never_appear_in_clear() {
    let env = Env::new();
    let id = locked_p01(&env);
    let pf = env.path("pass.txt").to_string_lossy().into_owned();
    let file = env.draft_file(&id);
    let mut outputs = vec![];
    for args in [
        vec!["drafts", "list"],
        vec!["--passphrase-file", pf.as_str(), "drafts", "note", id.as_str(), "pers.dob", "checked"],
        vec!["drafts", "rename", id.as_str(), "Renamed", "--passphrase-file", pf.as_str()],
        vec!["drafts", "show", id.as_str(), "--passphrase-file", pf.as_str()],
        vec!["check", "--answers", file.as_str(), "--passphrase-file", pf.as_str()],
        vec!["drafts", "show", id.as_str()],
    ] {
        let o = run(&env, &args);
        assert_eq!(
            o.status.code(),
            Some(if args.len() == 3 && args[1] == "show" { 2 } else { 0 }),
            "{args:?}"
        );
        outputs.push((args.clone(), o));
    }
    for (args, o) in &outputs {
        for s in [text(&o.stdout), text(&o.stderr)] {
            assert!(!s.contains(PASS), "{args:?} printed the passphrase");
            if !args.contains(&"show") && args[0] != "check" {
                for a in ANSWERS {
                    assert!(!s.contains(a), "{args:?} printed an answer: {s}");
                }
            }
        }
    }
    for (path, body) in all_files(&env.path("drafts")).into_iter().chain(all_files(&env.path("tmp"))) {
        assert!(!body.contains(PASS), "{path} holds the passphrase");
        for a in ANSWERS {
            assert!(!body.contains(a), "{path} holds {a} in clear");
        }
    }
}

#[test]
fn the_sixty_day_rule_delete_and_damage_work_without_the_passphrase() {
    let env = Env::new();
    let id = locked_p01(&env);
    let other = locked_p01(&env);
    // delete needs no passphrase.
    let o = run(&env, &["drafts", "delete", &other, "--yes"]);
    assert!(ok(&o).contains("Deleted draft"), "{}", text(&o.stdout));
    assert!(!Path::new(&env.draft_file(&other)).exists());

    // An edit inside the sealed part is damage, found without the passphrase.
    let file = env.draft_file(&id);
    let body = text(&std::fs::read(&file).unwrap());
    let at = body.find("BEGIN AGE ENCRYPTED FILE").unwrap() + 60;
    let mut b = body.into_bytes();
    b[at] = if b[at] == b'A' { b'B' } else { b'A' };
    let third = locked_p01(&env);
    std::fs::write(&file, &b).unwrap();
    let o = run(&env, &["drafts", "list"]);
    let err = text(&o.stderr);
    assert!(err.contains("checksum") && err.contains("damaged"), "{err}");

    // Day 61: the locked draft is erased without its passphrase, and says which.
    let o = env.cmd(&["drafts", "list"]).env("CITCERT_TODAY", "2025-08-01").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("'P01'"), "{}", text(&o.stderr));
    assert!(!Path::new(&env.draft_file(&third)).exists());
}

#[test]
fn a_wrong_passphrase_is_said_in_french_too() {
    let env = Env::new();
    let id = locked_p01(&env);
    let wrong = pass_file(&env, "wrong.txt", "pas la bonne phrase");
    let o = run(&env, &["drafts", "show", &id, "--lang", "fr", "--passphrase-file", &wrong]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!("mauvaise phrase de passe pour le brouillon {id}; rien n'a été modifié")),
        "{err}"
    );
    let o = run(&env, &["drafts", "show", &id, "--lang", "fr"]);
    assert!(text(&o.stderr).contains("est verrouillé par une phrase de passe"), "{}", text(&o.stderr));
}

#[test]
fn importing_a_locked_draft_file_asks_for_its_passphrase_and_keeps_it_locked() {
    let env = Env::new();
    let id = locked_p01(&env);
    let copy = env.path("copy.json");
    std::fs::copy(env.draft_file(&id), &copy).unwrap();
    let copy = copy.to_string_lossy().into_owned();
    let o = run(&env, &["drafts", "import", &copy]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is locked with a passphrase"), "{}", text(&o.stderr));
    let pf = env.path("pass.txt").to_string_lossy().into_owned();
    let out = ok(&run(&env, &["drafts", "import", &copy, "--label", "Copy", "--passphrase-file", &pf]));
    let new = out.split("as draft ").nth(1).unwrap()[..8].to_string();
    let body = text(&std::fs::read(env.draft_file(&new)).unwrap());
    assert!(body.contains("BEGIN AGE ENCRYPTED FILE") && !body.contains("Haddad"), "{body}");
    let show = ok(&run(&env, &["drafts", "show", &new, "--passphrase-file", &pf]));
    assert!(show.contains("pers.surname = Haddad") && show.contains("2025-06-01"), "{show}");
}

/// Plain mode with piped input (no terminal): the passphrase is read as a line and never echoed.
fn plain(env: &Env, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut c = env.cmd(args);
    c.env("TMPDIR", env.path("tmp")).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
    std::fs::create_dir_all(env.path("tmp")).unwrap();
    let mut child = c.stderr(std::process::Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn plain_mode_starts_a_locked_draft_and_asks_for_the_passphrase_to_open_it() {
    let env = Env::new();
    let o = plain(&env, &["--plain"], &format!("new locked\nFamily PC\n{PASS}\n{PASS}\nself\nquit\n"));
    let out = ok(&o);
    assert!(out.contains("encrypted with your passphrase") && !out.contains(PASS), "{out}");
    let id = out.split("Started draft ").nth(1).unwrap()[..8].to_string();
    let body = text(&std::fs::read(env.draft_file(&id)).unwrap());
    assert!(body.contains("BEGIN AGE ENCRYPTED FILE") && !body.contains("\"self\""), "{body}");

    // The two passphrases differ: no draft is started.
    let o = plain(&env, &["--plain"], &format!("new locked\nOther\n{PASS}\nsomething else\nquit\n"));
    assert!(ok(&o).contains("The two passphrases differ; no draft was started."));
    assert_eq!(all_files(&env.path("drafts")).iter().filter(|(p, _)| p.ends_with(".json")).count(), 1);

    // Opening: a wrong passphrase is said and asked again; the right one opens it with its answer.
    let o = plain(&env, &["--plain", "--draft", &id], &format!("not it at all\n{PASS}\nreview\nquit\n"));
    let out = ok(&o);
    assert!(out.contains(&format!("wrong passphrase for draft {id}; nothing was changed")), "{out}");
    assert!(out.contains(&format!("Opened draft {id}")) && !out.contains(PASS), "{out}");
    let pf = pass_file(&env, "pass.txt", PASS);
    let show = ok(&run(&env, &["drafts", "show", &id, "--passphrase-file", &pf]));
    assert!(show.contains("elig.applying_for = self"), "the answer typed in plain mode is kept: {show}");

    // Three wrong tries end the session with the error, nothing changed.
    let before = std::fs::read(env.draft_file(&id)).unwrap();
    let o = plain(&env, &["--plain", "--draft", &id], "a-wrong-one\nanother-one\nstill-wrong\n");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
    assert_eq!(std::fs::read(env.draft_file(&id)).unwrap(), before);
    for (path, body) in all_files(&env.path("drafts")).into_iter().chain(all_files(&env.path("tmp"))) {
        assert!(!body.contains(PASS), "{path} holds the passphrase");
    }
}

/// The TUI: Enter on a locked draft asks for its passphrase in a masked dialog; a wrong one is
/// said and asked again, the right one opens the draft with its answers.
#[test]
fn the_tui_asks_for_the_passphrase_of_a_locked_draft_without_showing_it() {
    use citcert::drafts::protect::Passphrase;
    use citcert::engine::Lang;
    use citcert::tui::app::App;
    use citcert::tui::keymap::Action;
    use citcert::tui::render::draw_text;
    use citcert::tui::widgets::FieldKey;
    let (_dir, drafts, clock, store) = common::drafts::store_in_temp("2025-06-10");
    let qref = common::drafts::qref();
    let pass = Passphrase::new(PASS).unwrap();
    let mut o = store.create_protected("Family PC", qref, "en", &clock, Some(pass)).unwrap();
    o.draft.set_answer("elig.applying_for", serde_json::json!("self")).unwrap();
    o.save(&clock).unwrap();
    let id = o.draft.id().to_string();
    drop(o);

    let mut app = common::drafts::tui_over(&drafts, clock, Lang::En);
    let type_text = |app: &mut App, s: &str| {
        for c in s.chars() {
            app.update(Action::Key(FieldKey::Char(c)));
        }
    };
    app.update(Action::Key(FieldKey::Enter));
    let screen = draw_text(&app, 100, 30);
    assert!(screen.contains(&format!("Passphrase of draft {id}")), "{screen}");
    type_text(&mut app, "not the one");
    let screen = draw_text(&app, 100, 30);
    assert!(screen.contains("[•••••••••••]") && !screen.contains("not the one"), "{screen}");
    app.update(Action::Key(FieldKey::Enter));
    let screen = draw_text(&app, 100, 30);
    assert!(screen.contains("wrong passphrase") && screen.contains("Passphrase of draft"), "{screen}");
    type_text(&mut app, PASS);
    assert!(!draw_text(&app, 100, 30).contains(PASS));
    app.update(Action::Key(FieldKey::Enter));
    let screen = draw_text(&app, 100, 30);
    assert!(app.draft().is_some(), "the draft is open: {screen}");
    assert_eq!(app.draft().unwrap().draft.answers.to_json_map()["elig.applying_for"], "self");
}

/// The TUI's new-draft dialog: Tab chooses "lock with a passphrase", then the passphrase is typed
/// twice (masked); two that differ are asked again; the draft is created locked.
#[test]
fn the_tui_starts_a_locked_draft_when_asked() {
    use citcert::clock::{Clock, parse_date};
    use citcert::engine::Lang;
    use citcert::tui::app::App;
    use citcert::tui::keymap::Action;
    use citcert::tui::render::draw_text;
    use citcert::tui::widgets::FieldKey;
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts");
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    let mut app = common::drafts::tui_over(&drafts, clock, Lang::En);
    let type_enter = |app: &mut App, s: &str| {
        for c in s.chars() {
            app.update(Action::Key(FieldKey::Char(c)));
        }
        app.update(Action::Key(FieldKey::Enter));
    };
    app.update(Action::Key(FieldKey::Char('n')));
    assert!(draw_text(&app, 100, 30).contains("[ ] lock with a passphrase (Tab)"));
    app.update(Action::FocusNext);
    assert!(draw_text(&app, 100, 30).contains("[x] lock with a passphrase (Tab)"));
    type_enter(&mut app, "Family PC");
    // The footer says what Enter does here: create the draft, as the window says (not "open").
    let screen = draw_text(&app, 100, 30);
    assert!(screen.contains("Enter create") && !screen.contains("Enter open"), "{screen}");
    type_enter(&mut app, "short");
    assert!(draw_text(&app, 100, 30).contains("at least 8 characters"));
    type_enter(&mut app, PASS);
    let screen = draw_text(&app, 100, 30);
    assert!(screen.contains("Type it again") && !screen.contains(PASS), "{screen}");
    type_enter(&mut app, "something else");
    assert!(draw_text(&app, 100, 30).contains("The two passphrases differ"));
    type_enter(&mut app, PASS);
    type_enter(&mut app, PASS);
    assert!(app.draft().is_some(), "{}", draw_text(&app, 100, 30));
    let files: Vec<_> = all_files(&drafts).into_iter().filter(|(p, _)| p.ends_with(".json")).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].1.contains("BEGIN AGE ENCRYPTED FILE") && files[0].1.contains("Family PC"));
}
