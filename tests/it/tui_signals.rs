//! Issue 12, item 11: SIGTERM, SIGHUP and SIGINT while the TUI runs in a real terminal (tmux) give the
//! terminal back (no alternate screen, not raw) and save the text typed in the focused field.
//! Skips when tmux is missing.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux<'a> {
    socket: &'a Path,
}

impl Tmux<'_> {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-S").arg(self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).to_string()
    }
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "sig", k]);
            std::thread::sleep(Duration::from_millis(80));
        }
    }
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "sig"])
    }
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("waited 10 s for {what:?}; the screen is:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn signal_saves_and_restores(sig: &str, code: i32) {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let socket = tmp.path().join("tmux.sock");
    let t = Tmux { socket: &socket };
    // After citcert: its exit status, then whether the terminal is still raw (-icanon).
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm-256color {} --drafts-dir {} --today 2025-06-01; echo CITCERT-EXITED $?; \
         stty -a | grep -q -- -icanon && echo STILL-RAW; echo STTY-CHECKED; sleep 30",
        env!("CARGO_BIN_EXE_citcert"),
        drafts.display()
    );
    t.run(&["new-session", "-d", "-s", "sig", "-x", "80", "-y", "24", &cmd]);
    t.wait_for("No drafts yet");
    t.keys(&["n"]);
    t.wait_for("New draft");
    t.run(&["send-keys", "-t", "sig", "-l", "Signal test"]);
    t.keys(&["Enter"]);
    t.wait_for("1.1");
    // Screen 1 (8 questions), screen 2, screen 3, to 5.7, a text field.
    // (An unanswered choice needs an explicit choice: 1.2 gets "1", not Enter alone.)
    t.keys(&["1", "Enter", "1", "Enter", "n", "Enter"]);
    t.keys(&["1", "Enter", "1", "Enter", "1", "Enter", "1", "Enter", "1", "Enter"]);
    t.wait_for("2.4");
    t.keys(&["PgDn"]);
    t.wait_for("3.1");
    t.keys(&["2", "Enter", "PgDn"]);
    t.wait_for("5.2");
    t.keys(&["1", "Enter", "1", "Enter"]);
    t.wait_for("5.7");
    t.run(&["send-keys", "-t", "sig", "-l", "Tremblay"]);
    t.wait_for("[Tremblay");
    // The text is typed, not yet confirmed: the signal must keep it.
    let shell = t.run(&["display", "-p", "-t", "sig", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(
        &Command::new("pgrep").args(["-P", shell.trim(), "citcert"]).output().unwrap().stdout,
    )
    .trim()
    .to_string();
    assert!(!pid.is_empty(), "citcert's pid under the shell {shell}");
    assert!(Command::new("kill").args([sig, &pid]).status().unwrap().success());
    let s = t.wait_for("STTY-CHECKED");
    assert!(s.contains(&format!("CITCERT-EXITED {code}")), "{s}");
    assert!(!s.contains("STILL-RAW"), "the terminal was left raw:\n{s}");
    assert_eq!(
        t.run(&["display", "-p", "-t", "sig", "#{alternate_on}"]).trim(),
        "0",
        "alternate screen left on"
    );
    t.run(&["kill-server"]);
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
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; the signal test is skipped");
        return;
    }
    signal_saves_and_restores("-TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_saves_the_field_being_typed() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; the signal test is skipped");
        return;
    }
    signal_saves_and_restores("-HUP", 129);
}
