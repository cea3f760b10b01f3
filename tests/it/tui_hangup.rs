//! The TUI's terminal goes away without a signal reaching citcert (a tmux session or server
//! killed, an SSH connection dropped): citcert saves the text being typed, releases the draft's lock
//! and ends within seconds — never left running at full CPU holding the lock. Skips without tmux.
#![cfg(unix)]

use crate::common;

use common::tmux::{self, Tmux};

/// Types into 5.7, makes the terminal go away with `hang_up`, then checks citcert ended, the
/// draft is no longer locked, and the typed text was saved.
fn terminal_goes_away(hang_up: fn(&Tmux)) {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let cmd = tmux::citcert_command(&[], &drafts, "sleep 30");
    let t = Tmux::start("hup", &cmd);
    tmux::new_draft_to_a_text_field(&t, "Hang-up test");
    t.text("Tremblay");
    t.wait_for("[Tremblay");
    let pid = t.citcert_pid();
    hang_up(&t);
    assert!(tmux::wait_ended(pid, 5), "citcert ({pid}) still runs 5 s after its terminal went away");
    let files: Vec<_> = std::fs::read_dir(&drafts).unwrap().map(|e| e.unwrap().path()).collect();
    let draft = files.iter().find(|p| p.extension().is_some_and(|x| x == "json")).expect("the draft");
    let saved = std::fs::read_to_string(draft).unwrap();
    assert!(saved.contains("\"par1.surname\": \"Tremblay\""), "the typed text was not saved:\n{saved}");
    let lock = files.iter().find(|p| p.extension().is_some_and(|x| x == "lock")).expect("the lock file");
    let f = std::fs::OpenOptions::new().read(true).write(true).open(lock).unwrap();
    assert!(f.try_lock().is_ok(), "the draft is still locked by a citcert that should have ended");
    drop(f);
    // And for citcert: a command that needs the lock (not "open in another citcert").
    let id = draft.file_stem().unwrap().to_string_lossy().into_owned();
    let o = common::citcert()
        .args(["drafts", "rename", &id, "After the hang-up", "--today", "2025-06-01", "--drafts-dir"])
        .arg(&drafts)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", common::text(&o.stderr));
}

#[test]
fn a_killed_tmux_session_ends_citcert_and_keeps_the_typed_text() {
    if !tmux::available() {
        eprintln!("note: tmux is not installed; the hang-up test is skipped");
        return;
    }
    terminal_goes_away(|t| t.kill_session());
}

#[test]
fn a_killed_tmux_server_ends_citcert_and_keeps_the_typed_text() {
    if !tmux::available() {
        eprintln!("note: tmux is not installed; the hang-up test is skipped");
        return;
    }
    terminal_goes_away(|t| t.kill_server());
}
