//! End to end in a real terminal: tmux runs the built citcert on a temporary drafts folder, we
//! answer a few questions, save, quit, reopen, and the answers are there. Skips when tmux is missing.

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
            self.run(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }
    fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", s]);
        std::thread::sleep(Duration::from_millis(60));
    }
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }
    /// Waits until the screen shows `what`; panics with the screen after 10 s.
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
    /// Starts the session; retried while a server killed just before is still going away.
    fn start(&self, cmd: &str) {
        for _ in 0..20 {
            self.run(&["new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", cmd]);
            let up =
                Command::new("tmux").arg("-S").arg(self.socket).args(["has-session", "-t", "e2e"]).status();
            if up.is_ok_and(|s| s.success()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

#[test]
fn answers_survive_save_quit_and_reopen() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; the end-to-end TUI test is skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let socket = tmp.path().join("tmux.sock");
    let t = Tmux { socket: &socket };
    let cmd = format!(
        "env -u CITCERT_LANG -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE NO_COLOR=1 TERM=xterm-256color {} \
         --drafts-dir {} --today 2025-06-01; echo CITCERT-EXITED $?; sleep 30",
        env!("CARGO_BIN_EXE_citcert"),
        drafts.display()
    );
    t.start(&cmd);
    t.wait_for("No drafts yet");
    t.keys(&["n"]);
    t.wait_for("New draft");
    t.text("Zoë Test");
    t.keys(&["Enter"]);
    t.wait_for("1.1");
    // 1.1 Myself, Enter goes on; 1.2 its first option (Enter alone picks nothing); 1.3 "n" for No.
    t.keys(&["1", "Enter", "1", "Enter", "n"]);
    t.wait_for("→ Get a citizenship certificate");
    t.keys(&["C-s"]);
    t.wait_for("Saved.");
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.run(&["kill-session", "-t", "e2e"]);

    t.start(&cmd);
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
    t.run(&["kill-server"]);
}

/// Issue 10: a stop shows on the key that gives the answer (not on leaving the screen), names the
/// question, and offers no paper preparation for "already submitted on paper".
#[test]
fn a_stop_shows_at_once_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; the end-to-end TUI test is skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let socket = tmp.path().join("tmux.sock");
    let t = Tmux { socket: &socket };
    let cmd = format!(
        "env NO_COLOR=1 TERM=xterm-256color {} --drafts-dir {} --today 2025-06-01; echo CITCERT-EXITED $?; sleep 30",
        env!("CARGO_BIN_EXE_citcert"),
        drafts.display()
    );
    t.start(&cmd);
    t.wait_for("No drafts yet");
    t.keys(&["n"]);
    t.wait_for("New draft");
    t.text("Stop test");
    t.keys(&["Enter"]);
    t.wait_for("1.1");
    t.keys(&["1", "Enter", "1", "Enter", "y"]);
    let s = t.wait_for("Because of your answer to 1.3");
    assert!(!s.contains("paper preparation"), "ST-02 offers no paper preparation:\n{s}");
    t.keys(&["c"]);
    let s = t.wait_for("Change the answer that led here");
    let line = s.lines().find(|l| l.contains("1.3")).unwrap_or_default();
    assert!(line.starts_with('›'), "the focus is on 1.3:\n{s}");
    t.keys(&["C-q"]);
    t.wait_for("CITCERT-EXITED 0");
    t.run(&["kill-server"]);
}

/// Issue 13 in a real terminal: while "enlarge the terminal" shows, a key answers nothing; Esc
/// with nothing being edited goes back to the drafts list, which shows ids and finds by name.
#[test]
fn keys_do_nothing_unseen_and_the_drafts_list_finds() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; the end-to-end TUI test is skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let socket = tmp.path().join("tmux.sock");
    let t = Tmux { socket: &socket };
    let cmd = format!(
        "env -u CITCERT_LANG -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE NO_COLOR=1 TERM=xterm-256color {} \
         --drafts-dir {} --today 2025-06-01; echo CITCERT-EXITED $?; sleep 30",
        env!("CARGO_BIN_EXE_citcert"),
        drafts.display()
    );
    t.start(&cmd);
    t.wait_for("No drafts yet");
    t.keys(&["n"]);
    t.wait_for("New draft");
    t.text("Keys test");
    t.keys(&["Enter"]);
    t.wait_for("1.1");
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
    t.run(&["kill-server"]);
}
