//! The terminal front end: `citcert` with no command. State and actions in `app`, keys in
//! `keymap`, drawing in `view` (from state only), field editors in `widgets`, storage behind
//! `store`. `render` draws any screen as plain text without a terminal.

pub mod app;
pub mod attach_flow;
pub mod i18n;
pub mod keymap;
mod notes;
pub mod readback;
pub mod render;
pub mod store;
pub mod view;
pub mod widgets;

use std::io::{IsTerminal, stdout};

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
    // pending edit is kept and saved, and the terminal is given back as it was (issue 12).
    let signals = Signals::register();
    // ratatui::init installs a panic hook that restores the terminal before the message prints.
    let mut terminal = ratatui::init();
    let _ = crossterm::execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &signals);
    let _ = crossterm::execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    signals.unregister();
    // After a failed save the app says so and exits non-zero; after a signal, 128 + its number.
    let (code, said) = app.exit();
    if let Some(why) = said {
        eprintln!("citcert: {}", crate::safe_text::block(&why));
    }
    result.map(|signal| if signal != 0 { signal } else { code }).map_err(|e| {
        let r = crate::drafts::io_reason(&e);
        CliError::refused(Text::new(
            format!("terminal error: {}", r.en),
            format!("erreur du terminal : {}", r.fr),
        ))
    })
}

/// How often the loop looks for a signal while no key comes.
const SIGNAL_POLL: std::time::Duration = std::time::Duration::from_millis(100);

/// Returns the exit status: 0 when the person quit, 128 + the signal's number after a signal.
fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, signals: &Signals) -> std::io::Result<i32> {
    loop {
        if let Some(sig) = signals.received() {
            // The smallest hook into the app: what quitting does — keep the text typed in the focused
            // field, then save (a read-only or unsaved draft is left as the app's save leaves it).
            app.commit_pending();
            app.save();
            return Ok(128 + sig);
        }
        terminal.draw(|f| view::draw(app, f))?;
        if app.quit {
            return Ok(0);
        }
        if !event::poll(SIGNAL_POLL)? {
            continue;
        }
        match event::read()? {
            Event::Key(k) => app.on_key(k),
            Event::Paste(s) => app.on_paste(s),
            _ => {}
        }
    }
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
