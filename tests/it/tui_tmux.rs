//! End to end in a real terminal: tmux runs the built citcert on a temporary drafts folder, we
//! answer a few questions, save, quit, reopen, and the answers are there. Skips when tmux is missing.

#![cfg(unix)]

use crate::common;

use common::tmux::{self, Tmux};

/// The language variables a pane's citcert runs without, so the screens are in English.
const LANG_VARS: &[&str] = &["CITCERT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"];

/// The TUI in tmux (session "e2e") on a new drafts folder, without the variables `unset`, from the
/// first screen to 1.1 of a new draft labelled `label`; returns (the folder, the terminal, the
/// command it runs), or None (with a note) when tmux is missing.
fn new_draft(unset: &[&str], label: &str) -> Option<(tempfile::TempDir, Tmux, String)> {
    if !tmux::available() {
        eprintln!("note: tmux is not installed; the end-to-end TUI test is skipped");
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    let cmd = tmux::citcert_command(unset, &tmp.path().join("drafts"), "echo CITCERT-EXITED $?; sleep 30");
    let t = Tmux::start("e2e", &cmd);
    tmux::new_draft(&t, label);
    Some((tmp, t, cmd))
}

#[test]
fn answers_survive_save_quit_and_reopen() {
    let Some((_tmp, t, cmd)) = new_draft(LANG_VARS, "Zoë Test") else { return };
    // 1.1 Myself, Enter goes on; 1.2 its first option (Enter alone picks nothing); 1.3 "n" for No.
    t.keys(&["1", "Enter", "1", "Enter", "n"]);
    t.wait_for("→ Get a citizenship certificate");
    t.keys(&["C-s"]);
    t.wait_for("Saved.");
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.kill_session();

    t.restart(&cmd);
    t.wait_for("Zoë Test");
    t.keys(&["Enter"]);
    // Reopened on the question the person was on (1.3), every answer kept.
    let s = t.wait_for("(•) 2. No");
    let line = s.lines().find(|l| l.contains("1.3")).unwrap_or_default();
    assert!(line.starts_with('›'), "the focus is back on 1.3:\n{s}");
    assert!(s.contains("→ Myself"), "1.1 keeps its answer:\n{s}");
    assert!(s.contains("→ Get a citizenship certificate"), "1.2 keeps its answer:\n{s}");
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.kill_server();
}

/// Issue 10: a stop shows on the key that gives the answer (not on leaving the screen), names the
/// question, and offers no paper preparation for "already submitted on paper".
#[test]
fn a_stop_shows_at_once_in_a_real_terminal() {
    let Some((_tmp, t, _cmd)) = new_draft(&[], "Stop test") else { return };
    t.keys(&["1", "Enter", "1", "Enter", "y"]);
    let s = t.wait_for("Because of your answer to 1.3");
    assert!(!s.contains("paper preparation"), "ST-02 offers no paper preparation:\n{s}");
    t.keys(&["c"]);
    let s = t.wait_for("Change the answer that led here");
    let line = s.lines().find(|l| l.contains("1.3")).unwrap_or_default();
    assert!(line.starts_with('›'), "the focus is on 1.3:\n{s}");
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.kill_server();
}

/// Issue 13 in a real terminal: while "enlarge the terminal" shows, a key answers nothing; Esc
/// with nothing being edited goes back to the drafts list, which shows ids and finds by name.
#[test]
fn keys_do_nothing_unseen_and_the_drafts_list_finds() {
    let Some((_tmp, t, _cmd)) = new_draft(LANG_VARS, "Keys test") else { return };
    t.run(&["resize-window", "-t", "e2e", "-x", "40", "-y", "10"]);
    t.wait_for("enlarge");
    t.keys(&["1", "Enter", "o"]);
    t.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let s = t.wait_for("1.1");
    assert!(!s.contains("(•)"), "nothing was answered while the screen was too small:\n{s}");
    // Enter alone on the unanswered 1.1 picks nothing and says how to choose.
    t.keys(&["Enter"]);
    t.wait_for("Nothing chosen");
    t.keys(&["Escape"]);
    let s = t.wait_for("› Keys test");
    assert!(s.contains("Id"), "the list shows ids:\n{s}");
    t.keys(&["/"]);
    t.text("keys");
    t.wait_for("Find (name or id): [keys]");
    t.keys(&["Escape"]);
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.kill_server();
}
