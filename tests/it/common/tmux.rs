//! The real TUI in a real terminal: tmux on a private server (`-L`, a name of its own per test),
//! and a guard whose `Drop` removes the server and every process of the pane's session (citcert
//! included), even when the test fails half-way — no tmux server or citcert left running.
#![cfg(unix)]

use std::cell::Cell;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Tmux {
    /// The private server's name (`tmux -L NAME`).
    server: String,
    session: String,
    /// The pane's shell: a session leader, so its session id names every process of the pane,
    /// even those the server's end left without a parent.
    shell: Cell<Option<i32>>,
    /// The server's socket file, removed with it.
    socket: std::cell::RefCell<Option<std::path::PathBuf>>,
}

/// Whether tmux can be run here (the tests that need it are skipped otherwise, with a note).
pub fn available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

impl Tmux {
    /// A new private server running `cmd` in session `session` (80×24).
    pub fn start(session: &str, cmd: &str) -> Tmux {
        static N: AtomicUsize = AtomicUsize::new(0);
        let server = format!("citcert-test-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst));
        let t =
            Tmux { server, session: session.to_string(), shell: Cell::new(None), socket: Default::default() };
        t.restart(cmd);
        t
    }

    /// Starts the session again (after the previous one ended); retried while a server killed just
    /// before is still going away.
    pub fn restart(&self, cmd: &str) {
        for _ in 0..20 {
            self.run(&["new-session", "-d", "-s", &self.session, "-x", "80", "-y", "24", cmd]);
            if self.has_session() {
                let pid = self.run(&["display", "-p", "-t", &self.session, "#{pane_pid}"]);
                self.shell.set(pid.trim().parse().ok().or(self.shell.get()));
                let socket = self.run(&["display", "-p", "#{socket_path}"]);
                if !socket.trim().is_empty() {
                    *self.socket.borrow_mut() = Some(socket.trim().into());
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("tmux could not start a session");
    }

    pub fn has_session(&self) -> bool {
        self.cmd().args(["has-session", "-t", &self.session]).output().is_ok_and(|o| o.status.success())
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-L").arg(&self.server);
        c
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Sends keys one by one (tmux key names: Enter, Escape, PgDn, C-q …).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", &self.session, k]);
            std::thread::sleep(Duration::from_millis(70));
        }
    }

    /// Types `s` literally.
    pub fn text(&self, s: &str) {
        self.run(&["send-keys", "-t", &self.session, "-l", s]);
        std::thread::sleep(Duration::from_millis(70));
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    /// Waits until the screen shows `what`; panics with the screen after 10 s.
    pub fn wait_for(&self, what: &str) -> String {
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

    /// The pid of the citcert running under the pane's shell.
    pub fn citcert_pid(&self) -> i32 {
        let shell = self.shell.get().expect("the pane's shell");
        let out = Command::new("pgrep").args(["-P", &shell.to_string(), "citcert"]).output().unwrap();
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        pid.parse().unwrap_or_else(|_| panic!("citcert's pid under the shell {shell}: {pid:?}"))
    }

    /// Ends the session (tmux closes the pane's terminal: a hang-up).
    pub fn kill_session(&self) {
        self.run(&["kill-session", "-t", &self.session]);
    }

    /// Ends the whole server (every terminal it held closes).
    pub fn kill_server(&self) {
        self.run(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill_server();
        // Whatever the pane started (citcert, the `sleep` after it) may outlive the server.
        if let Some(sid) = self.shell.get().filter(|&s| s > 1) {
            let _ = Command::new("pkill").args(["-KILL", "-s", &sid.to_string()]).output();
        }
        if let Some(socket) = self.socket.borrow_mut().take() {
            let _ = std::fs::remove_file(socket);
        }
    }
}

/// Whether process `pid` has ended (a zombie waiting for its parent counts as ended).
pub fn ended(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}

/// Waits up to `secs` seconds for process `pid` to end.
pub fn wait_ended(pid: i32, secs: u64) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if ended(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    ended(pid)
}

/// The shell command a pane runs: `env` without the variables `unset`, with no colour and an xterm,
/// then citcert on the drafts folder `drafts` with the date 2025-06-01, then `after` (e.g.
/// `echo CITCERT-EXITED $?; sleep 30`, so the pane stays to be read).
pub fn citcert_command(unset: &[&str], drafts: &std::path::Path, after: &str) -> String {
    let unset: String = unset.iter().map(|v| format!("-u {v} ")).collect();
    format!(
        "env {unset}NO_COLOR=1 TERM=xterm-256color {} --drafts-dir {} --today 2025-06-01; {after}",
        env!("CARGO_BIN_EXE_citcert"),
        drafts.display()
    )
}

/// From the first screen (no drafts yet) to the first question (1.1) of a new draft labelled `label`.
pub fn new_draft(t: &Tmux, label: &str) {
    t.wait_for("No drafts yet");
    t.keys(&["n"]);
    t.wait_for("New draft");
    t.text(label);
    t.keys(&["Enter"]);
    t.wait_for("1.1");
}

/// From the first screen (no drafts yet) to the text field 5.7 of a new draft labelled `label`.
pub fn new_draft_to_a_text_field(t: &Tmux, label: &str) {
    new_draft(t, label);
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
}
