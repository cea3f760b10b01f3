//! Issue 12, item 11: SIGTERM, SIGHUP and SIGINT while the TUI runs in a real terminal (tmux) give the
//! terminal back (no alternate screen, not raw) and save the text typed in the focused field.
//! Skips when tmux is missing. The tmux server and the pane's processes go when the test ends,
//! passed or failed (`common::tmux`).
#![cfg(unix)]

use crate::common;

use common::tmux::{self, Tmux};
use std::process::Command;

fn signal_saves_and_restores(sig: &str, code: i32) {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    // After citcert: its exit status, then whether the terminal is still raw (-icanon).
    let cmd = tmux::citcert_command(
        &[],
        &drafts,
        "echo CITCERT-EXITED $?; stty -a | grep -q -- -icanon && echo STILL-RAW; echo STTY-CHECKED; sleep 30",
    );
    let t = Tmux::start("sig", &cmd);
    tmux::new_draft_to_a_text_field(&t, "Signal test");
    t.text("Tremblay");
    t.wait_for("[Tremblay");
    // The text is typed, not yet confirmed: the signal must keep it.
    let pid = t.citcert_pid();
    assert!(Command::new("kill").args([sig, &pid.to_string()]).status().unwrap().success());
    let s = t.wait_for("STTY-CHECKED");
    assert!(s.contains(&format!("CITCERT-EXITED {code}")), "{s}");
    assert!(!s.contains("STILL-RAW"), "the terminal was left raw:\n{s}");
    assert_eq!(
        t.run(&["display", "-p", "-t", "sig", "#{alternate_on}"]).trim(),
        "0",
        "alternate screen left on"
    );
    t.kill_server();
    let saved: Vec<String> = std::fs::read_dir(&drafts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].contains("\"par1.surname\": \"Tremblay\""), "{}", saved[0]);
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_field_being_typed() {
    if !tmux::available() {
        eprintln!("note: tmux is not installed; the signal test is skipped");
        return;
    }
    signal_saves_and_restores("-TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_saves_the_field_being_typed() {
    if !tmux::available() {
        eprintln!("note: tmux is not installed; the signal test is skipped");
        return;
    }
    signal_saves_and_restores("-HUP", 129);
}
