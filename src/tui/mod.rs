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

use crate::cli::{CliError, GlobalArgs};
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
        None => DraftStore::default_dir().map_err(|e| CliError::usage(e.text()))?,
    };
    if !stdout().is_terminal() {
        return Err(CliError::usage(Text::new(
            "the interactive screens need a terminal; for plain text use `citcert render --screen NAME` \
             or `citcert check --answers FILE --format text`",
            "les écrans interactifs ont besoin d'un terminal; pour du texte simple, utilisez \
             `citcert render --screen NOM` ou `citcert check --answers FICHIER --format text`",
        )));
    }
    let store = DraftsStore::open(dir, clock, &q).map_err(crate::drafts::cli::cli_error)?;
    let mut app = App::new(&q, lang, clock.today(), Box::new(store));
    app.color = colour_wanted();
    // --lang on the command line wins over a draft's own language; CITCERT_LANG is only a default.
    app.lang_explicit = lang_flag_given();
    // ratatui::init installs a panic hook that restores the terminal before the message prints.
    let mut terminal = ratatui::init();
    let _ = crossterm::execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    let _ = crossterm::execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    let (code, said) = app.exit();
    if let Some(why) = said {
        eprintln!("citcert: {why}");
    }
    result.map(|()| code).map_err(|e| {
        let r = crate::drafts::io_reason(&e);
        CliError::with_code(
            1,
            Text::new(format!("terminal error: {}", r.en), format!("erreur du terminal : {}", r.fr)),
        )
    })
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        terminal.draw(|f| view::draw(app, f))?;
        if app.quit {
            return Ok(());
        }
        match event::read()? {
            Event::Key(k) => app.on_key(k),
            Event::Paste(s) => app.on_paste(s),
            _ => {}
        }
    }
}
