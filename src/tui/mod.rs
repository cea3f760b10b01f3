//! The terminal front end: `citcert` with no command. State and actions in `app` (one `Screen`:
//! the drafts list or an open draft, whose keys are in `draft_screen`), the windows over it in
//! `overlay`, keys in `keymap`, drawing in `view` (each view given only the state it draws), field
//! editors in `widgets`, storage behind `store`. `render` draws any screen as plain text without a
//! terminal.

pub mod app;
pub mod attach_flow;
pub mod draft_screen;
pub mod i18n;
pub mod keymap;
mod notes;
pub mod overlay;
pub mod readback;
pub mod render;
pub mod store;
pub mod view;
pub mod widgets;

use std::io::{IsTerminal, Write, stdout};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::DefaultTerminal;

use crate::context::{CliError, GlobalArgs};
use crate::drafts::DraftStore;
use crate::engine::Text;
use app::App;
use store::DraftsStore;

/// Whether colours are wanted: NO_COLOR set to anything non-empty turns them off.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Whether `--lang` was on the command line (not just CITCERT_LANG): then drafts open in that
/// language instead of their own.
pub fn lang_flag_given() -> bool {
    std::env::args_os().any(|a| a == "--lang" || a.to_string_lossy().starts_with("--lang="))
}

/// Opens the TUI on the draft store; returns when the user quits.
pub fn run(global: &GlobalArgs) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let q = global.questionnaire()?;
    let lang = global.language()?;
    let dir = match &global.drafts_dir {
        Some(d) => d.clone(),
        None => DraftStore::default_dir().map_err(crate::context::cli_error)?,
    };
    if !stdout().is_terminal() {
        return Err(CliError::usage(Text::new(
            "the interactive screens need a terminal; for plain text use `citcert render --screen NAME` \
             or `citcert check --answers FILE --format text`",
            "les écrans interactifs ont besoin d'un terminal; pour du texte simple, utilisez \
             `citcert render --screen NOM` ou `citcert check --answers FICHIER --format text`",
        )));
    }
    let store = DraftsStore::open(dir, clock, &q).map_err(crate::context::cli_error)?;
    let mut app = App::new(&q, lang, clock.today(), Box::new(store));
    app.color = colour_wanted();
    // --lang on the command line wins over a draft's own language; CITCERT_LANG is only a default.
    app.lang_explicit = lang_flag_given();
    // SIGTERM, SIGHUP (the terminal closed) and SIGINT end the session like quitting does: the
    // pending edit is kept and saved, and the terminal is given back as it was (issue 12). A
    // terminal that goes away without a signal reaching citcert (a tmux session or server killed,
    // an SSH connection dropped: the shell above gets the SIGHUP, not citcert) ends it the same way.
    let signals = Signals::register();
    // ratatui::init installs a panic hook that restores the terminal before the message prints.
    let mut terminal = ratatui::init();
    let _ = crossterm::execute!(stdout(), EnableBracketedPaste);
    let end = event_loop(&mut terminal, &mut app, &signals);
    let _ = crossterm::execute!(stdout(), DisableBracketedPaste);
    // Not ratatui::restore: it prints its failure with eprintln!, which panics when the terminal
    // (stderr too) is gone.
    let _ = ratatui::try_restore();
    signals.unregister();
    // After a failed save the app says so and exits non-zero; after a signal, 128 + its number.
    let (code, said) = app.exit();
    if let Some(why) = said {
        // Ignored when it cannot be written: the terminal may be gone.
        let _ = writeln!(std::io::stderr(), "citcert: {}", crate::safe_text::block(&why));
    }
    Ok(match end {
        End::Quit => code,
        End::Signal(sig) => 128 + sig,
        // The status of a hang-up (SIGHUP), whichever way the terminal went away. Nothing more is
        // said: there is no terminal to say it on.
        End::TerminalGone => code.max(128 + HANGUP),
    })
}

/// How often the loop looks for a signal while no key comes.
const SIGNAL_POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// SIGHUP's number: the exit status after the terminal went away is 128 + it, as after SIGHUP.
const HANGUP: i32 = 1;

/// After this many polls in a row that came back empty well before their time, the terminal is
/// taken as gone: a loop that can no longer wait never spins.
const EARLY_POLLS: u32 = 20;

/// Why the event loop ended.
#[derive(Debug, PartialEq)]
enum End {
    /// The person quit.
    Quit,
    /// A signal: its number.
    Signal(i32),
    /// The terminal hung up, reached its end, or failed to read, poll or draw.
    TerminalGone,
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, signals: &Signals) -> End {
    // What quitting does — keep the text typed in the focused field, then save (a read-only or
    // unsaved draft is left as the app's save leaves it); the lock goes with the process.
    let finish = |app: &mut App, end: End| {
        app.in_draft(|d| {
            d.commit_pending();
            d.save();
        });
        end
    };
    let mut early = 0;
    // Nothing on screen changes without an event (a key, a paste, a resize): an idle tick only
    // looks for a signal and a terminal gone, and draws nothing.
    let mut dirty = true;
    loop {
        if let Some(sig) = signals.received() {
            return finish(app, End::Signal(sig));
        }
        if terminal_gone() {
            return finish(app, End::TerminalGone);
        }
        if std::mem::take(&mut dirty) && terminal.draw(|f| view::draw(app, f)).is_err() {
            return finish(app, End::TerminalGone);
        }
        if app.quit {
            return End::Quit;
        }
        let asked = std::time::Instant::now();
        match event::poll(SIGNAL_POLL) {
            Ok(true) => early = 0,
            Ok(false) => {
                if asked.elapsed() < SIGNAL_POLL / 4 {
                    early += 1;
                    if early >= EARLY_POLLS {
                        return finish(app, End::TerminalGone);
                    }
                } else {
                    early = 0;
                }
                continue;
            }
            Err(_) => return finish(app, End::TerminalGone),
        }
        // poll said an event is there: read takes it from crossterm's queue without waiting.
        dirty = true;
        match event::read() {
            Ok(Event::Key(k)) => app.on_key(k),
            Ok(Event::Paste(s)) => app.on_paste(s),
            Ok(_) => {}
            Err(_) => return finish(app, End::TerminalGone),
        }
    }
}

/// Whether the terminal hung up (its other end closed: tmux, ssh, a terminal window) or is no
/// longer a valid descriptor. Asks the standard input (when it is the terminal) and output without
/// waiting; reading is crossterm's, which does not report the end of input itself.
#[cfg(unix)]
fn terminal_gone() -> bool {
    let mut fds: Vec<libc::pollfd> = [0, 1]
        .into_iter()
        // SAFETY: isatty only looks at the descriptor number.
        .filter(|&fd| fd == 1 || unsafe { libc::isatty(fd) } == 1)
        .map(|fd| libc::pollfd { fd, events: 0, revents: 0 })
        .collect();
    // SAFETY: `fds` is a valid array of `fds.len()` pollfd; a zero timeout never blocks.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) };
    n > 0 && fds.iter().any(|p| p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

/// SIGTERM, SIGHUP and SIGINT, caught while the TUI owns the terminal (then the default again).
struct Signals {
    got: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> Signals {
        let got = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let ids = [SIGTERM, SIGHUP, SIGINT]
                .into_iter()
                .filter_map(|sig| signal_hook::flag::register_usize(sig, got.clone(), sig as usize).ok())
                .collect();
            Signals { got, ids }
        }
        #[cfg(not(unix))]
        Signals { got }
    }
    /// The number of the last signal received, if any.
    fn received(&self) -> Option<i32> {
        match self.got.load(std::sync::atomic::Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }
    fn unregister(self) {
        #[cfg(unix)]
        for id in self.ids {
            signal_hook::low_level::unregister(id);
        }
    }
}
