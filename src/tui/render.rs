//! `citcert render`: any screen drawn as plain text, without a terminal — for documentation, bug
//! reports and support calls. The same `App` and views as the TUI, on a test backend.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Overlay, StopView};
use super::keymap::Action;
use super::store::{DraftsStore, MemStore, Store};
use super::view;
use crate::cli::{CliError, GlobalArgs, read_text};
use crate::drafts::DraftStore;
use crate::engine::Text;
use crate::engine::{Answers, Lang, Outcome, Questionnaire};

pub const SCREEN_NAMES: &str = "start, about, help, jump, checklist, why, stop, review, readback, search, last (the draft's saved \
screen), or a questionnaire screen by id or number: S1 … S13, S11.CL-ID1, 4, 11.2";

/// [`SCREEN_NAMES`] in French (the names themselves are what `--screen` takes).
pub const SCREEN_NAMES_FR: &str = "start, about, help, jump, checklist, why, stop, review, readback, search, last (l'écran \
enregistré du brouillon), ou un écran du questionnaire par identifiant ou numéro : S1 … S13, S11.CL-ID1, 4, 11.2";

/// Print a screen as plain text, with no terminal.
#[derive(Debug, Clone, Args)]
#[command(after_help = format!("Screen names: {SCREEN_NAMES}"))]
pub struct RenderArgs {
    /// The draft to show (an id or the start of one), from the drafts folder.
    #[arg(long, value_name = "ID", conflicts_with = "answers")]
    pub draft: Option<String>,
    /// An answers file (e.g. tests/personas/P01.answers.json) instead of a draft.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Which screen (see the list below).
    #[arg(long, default_value = "start", value_name = "NAME")]
    pub screen: String,
    /// Width x height in cells.
    #[arg(long, default_value = "80x24", value_name = "WxH")]
    pub size: String,
}

/// Runs `citcert render`.
pub fn run(args: &RenderArgs, global: &GlobalArgs) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let q = global.questionnaire()?;
    let lang = global.language()?;
    let (w, h) = parse_size(&args.size).map_err(CliError::usage)?;
    let today = clock.today();
    let (store, id): (Box<dyn Store>, Option<String>) = if let Some(path) = &args.answers {
        let text = read_text(path)?;
        let root: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            let (p, r) = (path.display(), crate::cli::json_reason(&e));
            CliError::usage(Text::new(
                format!("{p}: not valid JSON: {}", r.en),
                format!("{p} : JSON non valide : {} (ligne {}, colonne {})", r.fr, e.line(), e.column()),
            ))
        })?;
        let answers = super::app::answers_from_json(&root).map_err(|e| {
            let p = path.display();
            CliError::usage(Text::new(format!("{p}: {}", e.en), format!("{p} : {}", e.fr)))
        })?;
        let created = root
            .get("created_on")
            .and_then(|v| v.as_str())
            .and_then(crate::clock::parse_date)
            .unwrap_or(today);
        let label = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        let store = MemStore::new(today).with(&label, created, answers, None);
        (Box::new(store), Some("d001".to_string()))
    } else {
        let dir = match &global.drafts_dir {
            Some(d) => d.clone(),
            None => DraftStore::default_dir().map_err(|e| CliError::usage(e.text()))?,
        };
        let store = DraftsStore::open(dir.clone(), clock, &q).map_err(crate::drafts::cli::cli_error)?;
        let id = match &args.draft {
            Some(prefix) => Some(
                DraftStore::open(dir)
                    .and_then(|s| s.resolve(prefix))
                    .map_err(|e| CliError::usage(e.text()))?,
            ),
            None => None,
        };
        (Box::new(store), id)
    };
    let opts = RenderOpts { color: super::colour_wanted(), lang_explicit: super::lang_flag_given() };
    let text = render_text(&q, lang, today, store, id.as_deref(), &args.screen, w, h, opts)
        .map_err(CliError::usage)?;
    print!("{text}");
    Ok(0)
}

/// "80x24" → (80, 24); a refusal in English and French otherwise.
pub fn parse_size(s: &str) -> Result<(u16, u16), Text> {
    let bad = || {
        Text::new(
            format!("--size: \"{s}\" is not a size; use WIDTHxHEIGHT, e.g. 80x24"),
            format!("--size : « {s} » n'est pas une taille; utilisez LARGEURxHAUTEUR, p. ex. 80x24"),
        )
    };
    let (a, b) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u16 = a.trim().parse().map_err(|_| bad())?;
    let h: u16 = b.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 || w > 1000 || h > 1000 {
        return Err(Text::new(
            format!("--size: {w}x{h} is out of range (1 to 1000 each way)"),
            format!("--size : {w}x{h} est hors limites (de 1 à 1000 dans chaque sens)"),
        ));
    }
    Ok((w, h))
}

/// How `render_text` draws: colours, and whether the language was given explicitly (else a
/// draft is drawn in its own language).
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOpts {
    pub color: bool,
    pub lang_explicit: bool,
}

/// Builds the app, opens the draft, goes to the named screen and returns it as text; or why not,
/// in English and French.
#[allow(clippy::too_many_arguments)]
pub fn render_text(
    q: &Questionnaire,
    lang: Lang,
    today: NaiveDate,
    store: Box<dyn Store + '_>,
    draft: Option<&str>,
    screen: &str,
    w: u16,
    h: u16,
    opts: RenderOpts,
) -> Result<String, Text> {
    let mut app = App::new(q, lang, today, store);
    app.color = opts.color;
    app.lang_explicit = opts.lang_explicit;
    goto_text(&mut app, draft, screen)?;
    Ok(draw_text(&app, w, h))
}

/// Puts the app on a named screen (what `render --screen` and the snapshot tests use); why not
/// in the app's language.
pub fn goto(app: &mut App, draft: Option<&str>, screen: &str) -> Result<(), String> {
    goto_text(app, draft, screen).map_err(|e| e.get(app.lang).to_string())
}

/// [`goto`], with why not in English and French.
pub fn goto_text(app: &mut App, draft: Option<&str>, screen: &str) -> Result<(), Text> {
    let name = screen.trim();
    if let Some(id) = draft {
        if let Some(k) = app.drafts.iter().position(|d| d.id == id) {
            app.start_sel = k;
        }
        if name != "start" {
            let d = app.store.open(id)?;
            app.open_draft(d);
        }
    }
    let needs_draft = || {
        Text::new(
            format!("--screen {name} needs a draft: give --draft ID or --answers FILE"),
            format!("--screen {name} demande un brouillon : donnez --draft ID ou --answers FICHIER"),
        )
    };
    match name {
        "start" => {}
        "about" => app.update(Action::About),
        "readback" | "read-back" => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            app.update(Action::ReadBack);
        }
        "search" => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            app.update(Action::Search);
        }
        "help" => app.update(Action::Help),
        "last" | "resume" => app.session.as_ref().map(|_| ()).ok_or_else(needs_draft)?,
        "jump" => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            app.update(Action::JumpList);
        }
        "review" => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            app.update(Action::Review);
        }
        "checklist" | "why" => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            app.update(Action::Checklist);
            if name == "why" {
                app.update(Action::Key(super::widgets::FieldKey::Enter));
            }
        }
        "stop" => {
            let s = app.session.as_ref().ok_or_else(needs_draft)?;
            let q = app.q;
            let stops = s.ev.stops(q);
            let (rules, caution) =
                if stops.is_empty() { (s.ev.fired_with(q, Outcome::Caution), true) } else { (stops, false) };
            if rules.is_empty() {
                return Err(Text::new(
                    "--screen stop: these answers trigger no stop and no caution",
                    "--screen stop : ces réponses ne déclenchent ni arrêt ni mise en garde",
                ));
            }
            let paper_ok = !caution
                && rules.iter().all(|&r| {
                    matches!(q.rules[r].outcome, Outcome::StopPaper | Outcome::StopWrongApplication)
                });
            app.overlay =
                Some(Overlay::Stop(StopView { rules, caution, paper_ok, target: None, question: None }));
        }
        other => {
            app.session.as_ref().ok_or_else(needs_draft)?;
            let q = app.q;
            let found = q
                .screens
                .iter()
                .position(|s| s.id.eq_ignore_ascii_case(other) || s.number == other)
                .ok_or_else(|| {
                    Text::new(
                        format!("--screen: no screen \"{other}\"; screen names: {SCREEN_NAMES}"),
                        format!("--screen : aucun écran « {other} »; noms d'écrans : {SCREEN_NAMES_FR}"),
                    )
                })?;
            app.goto_screen(found);
        }
    }
    Ok(())
}

/// Draws the app on a test backend of the given size and returns the text, trailing spaces cut.
pub fn draw_text(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::draw(app, f)).expect("draw");
    buffer_text(terminal.backend().buffer())
}

/// A buffer as lines of text.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    let w = buf.area.width as usize;
    for row in buf.content.chunks(w.max(1)) {
        let mut line = String::new();
        let mut skip = 0;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            skip = sym.width().saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Answers read from a persona or draft file's JSON.
pub fn answers_of(root: &serde_json::Value) -> Result<Answers, Text> {
    super::app::answers_from_json(root)
}
