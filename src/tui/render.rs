//! `citcert render`: any screen drawn as plain text, without a terminal — for documentation, bug
//! reports and support calls. The same `App` and views as the TUI, on a test backend.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Overlay, Screen, StopView};
use super::keymap::Action;
use super::store::{DraftsStore, MemStore, Store};
use super::view;
use crate::context::{CliError, GlobalArgs, read_text};
use crate::drafts::DraftStore;
use crate::engine::Explain;
use crate::engine::Text;
use crate::engine::{AnswerValue, Answers, Lang, Outcome, Questionnaire};
use crate::fill;
use crate::words::{Fixed, Template};

pub const SCREEN_NAMES: &str = "start, about, help, jump, checklist, why, stop, review, readback, search, last (the draft's saved \
screen), or a questionnaire screen by id or number: S1 … S13 (S11 or 11: the first document screen), S11.CL-ID1, 4, 11.2";

/// [`SCREEN_NAMES`] in French (the names themselves are what `--screen` takes).
pub const SCREEN_NAMES_FR: &str = "start, about, help, jump, checklist, why, stop, review, readback, search, last (l'écran \
enregistré du brouillon), ou un écran du questionnaire par identifiant ou numéro : S1 … S13 (S11 ou 11 : le premier écran de document), S11.CL-ID1, 4, 11.2";

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
    /// Width x height in cells; `auto` (or WIDTHxauto) for as many rows as the screen needs, so nothing is cut.
    #[arg(long, default_value = "80x24", value_name = "WxH")]
    pub size: String,
    /// Replace what the person typed (names, dates, numbers, addresses, emails, file names, the draft's name) with placeholders, for a support ticket.
    #[arg(long)]
    pub redact: bool,
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
        // The same words as `check` gives a file that is not JSON.
        let root: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| crate::context::not_json(&path.display().to_string(), &e))?;
        // A locked draft file: its passphrase first, as `check --answers` asks it.
        let root = crate::context::passphrase::unlock_file(path, text.as_bytes(), &root, global, lang)?
            .unwrap_or(root);
        let answers = super::app::answers_from_json(&root).map_err(|e| {
            const T: Template = Template::new(&["path", "why"], "{path}: {why}", "{path} : {why}");
            CliError::usage(both(|l| fill!(T, l, path = path.display(), why = e.get(l))))
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
            None => DraftStore::default_dir().map_err(crate::context::cli_error)?,
        };
        let mut store = DraftsStore::open(dir.clone(), clock, &q).map_err(crate::context::cli_error)?;
        let id = match &args.draft {
            Some(prefix) => Some(
                DraftStore::open(dir)
                    .and_then(|s| s.resolve(prefix))
                    .map_err(|e| CliError::usage(e.explain()))?,
            ),
            None => None,
        };
        // A draft locked with a passphrase: asked on the terminal, or read from --passphrase-file /
        // CITCERT_PASSPHRASE_FILE, as `drafts show` and `package` do (the start screen needs none).
        if let Some(id) = id.as_deref().filter(|_| args.screen.trim() != "start") {
            crate::context::passphrase::with_passphrase(store.drafts_mut(), global, lang, |s| {
                s.read(id, &clock)
            })?;
        }
        (Box::new(store), id)
    };
    let opts = RenderOpts {
        color: super::colour_wanted(),
        lang_explicit: super::lang_flag_given(),
        redact: args.redact,
    };
    let text = render_text(&q, lang, today, store, id.as_deref(), &args.screen, w, h, opts)
        .map_err(CliError::usage)?;
    print!("{text}");
    Ok(0)
}

/// "80x24" → (80, Some(24)); "auto" → (80, None) and "120xauto" → (120, None): as many rows as the
/// screen needs. A refusal in English and French otherwise.
pub fn parse_size(s: &str) -> Result<(u16, Option<u16>), Text> {
    const NOT_A_SIZE: Template = Template::new(
        &["s"],
        "--size: \"{s}\" is not a size; use WIDTHxHEIGHT (e.g. 80x24), auto, or WIDTHxauto",
        "--size : « {s} » n'est pas une taille; utilisez LARGEURxHAUTEUR (p. ex. 80x24), auto ou LARGEURxauto",
    );
    const OUT_OF_RANGE: Template = Template::new(
        &["w", "h"],
        "--size: {w}x{h} is out of range (1 to 1000 each way)",
        "--size : {w}x{h} est hors limites (de 1 à 1000 dans chaque sens)",
    );
    let bad = || both(|l| fill!(NOT_A_SIZE, l, s = s));
    let s_trim = s.trim();
    if s_trim.eq_ignore_ascii_case("auto") {
        return Ok((80, None));
    }
    let (a, b) = s_trim.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u16 = a.trim().parse().map_err(|_| bad())?;
    let h: Option<u16> =
        if b.trim().eq_ignore_ascii_case("auto") { None } else { Some(b.trim().parse().map_err(|_| bad())?) };
    if w == 0 || h == Some(0) || w > 1000 || h.is_some_and(|h| h > 1000) {
        let h = h.map_or("auto".to_string(), |h| h.to_string());
        return Err(both(|l| fill!(OUT_OF_RANGE, l, w = w, h = h)));
    }
    Ok((w, h))
}

/// How `render_text` draws: colours, and whether the language was given explicitly (else a
/// draft is drawn in its own language).
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOpts {
    pub color: bool,
    pub lang_explicit: bool,
    /// Placeholders instead of what the person typed (see [`redact`]).
    pub redact: bool,
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
    h: Option<u16>,
    opts: RenderOpts,
) -> Result<String, Text> {
    let mut app = App::new(q, lang, today, store);
    app.color = opts.color;
    app.lang_explicit = opts.lang_explicit;
    goto_text(&mut app, draft, screen)?;
    let secrets = if opts.redact { redact(&mut app) } else { vec![] };
    let text = match h {
        Some(h) => draw_text(&app, w, h),
        None => draw_auto(&mut app, w),
    };
    Ok(scrub(&text, &secrets))
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
        app.select_draft(id);
        if name != "start" {
            let d = app.store.open(id).map_err(|e| e.explain())?;
            app.open_draft(d);
        }
    }
    const NEEDS_DRAFT: Template = Template::new(
        &["name"],
        "--screen {name} needs a draft: give --draft ID or --answers FILE",
        "--screen {name} demande un brouillon : donnez --draft ID ou --answers FICHIER",
    );
    const NO_STOP: Fixed = Fixed::new(
        "--screen stop: these answers trigger no stop and no caution",
        "--screen stop : ces réponses ne déclenchent ni arrêt ni mise en garde",
    );
    let needs_draft = || both(|l| fill!(NEEDS_DRAFT, l, name = name));
    match name {
        "start" => {}
        "about" => app.update(Action::About),
        "readback" | "read-back" => {
            app.draft().ok_or_else(needs_draft)?;
            app.update(Action::ReadBack);
        }
        "search" => {
            app.draft().ok_or_else(needs_draft)?;
            app.update(Action::Search);
        }
        "help" => app.update(Action::Help),
        "last" | "resume" => app.draft().map(|_| ()).ok_or_else(needs_draft)?,
        "jump" => {
            app.draft().ok_or_else(needs_draft)?;
            app.update(Action::JumpList);
        }
        "review" => {
            app.draft().ok_or_else(needs_draft)?;
            app.update(Action::Review);
        }
        "checklist" | "why" => {
            app.draft().ok_or_else(needs_draft)?;
            app.update(Action::Checklist);
            if name == "why" {
                app.update(Action::Key(super::widgets::FieldKey::Enter));
            }
        }
        "stop" => {
            let s = app.draft().ok_or_else(needs_draft)?;
            let q = app.q;
            let stops = s.ev.stops(q);
            let (rules, caution) =
                if stops.is_empty() { (s.ev.fired_with(q, Outcome::Caution), true) } else { (stops, false) };
            if rules.is_empty() {
                return Err(NO_STOP.into());
            }
            let paper_ok = !caution
                && rules.iter().all(|&r| {
                    matches!(q.rules[r].outcome, Outcome::StopPaper | Outcome::StopWrongApplication)
                });
            app.overlay =
                Some(Overlay::Stop(StopView { rules, caution, paper_ok, target: None, question: None }));
        }
        other => {
            let s = app.draft().ok_or_else(needs_draft)?;
            let found = find_screen(app.q, &s.ev, other)?;
            app.in_draft(|d| d.goto_screen(found));
        }
    }
    Ok(())
}

/// A questionnaire screen by id or number, with or without the S: "S4", "s4", "4", "S11.CL-ID1",
/// "11.2", "S11.2". "S11" and "11" (the document screens, one per checklist item) are the first
/// document screen these answers show. A wrong name is refused with the names this draft has.
fn find_screen(q: &Questionnaire, ev: &crate::engine::Evaluation, name: &str) -> Result<usize, Text> {
    const NO_DOCUMENT_SCREEN: Template = Template::new(
        &["name"],
        "--screen {name}: these answers have no document screen (no document on the checklist yet)",
        "--screen {name} : ces réponses n'ont aucun écran de document (aucun document sur la liste de contrôle pour l'instant)",
    );
    const NO_SUCH_SCREEN: Template = Template::new(
        &["name", "list"],
        "--screen: no screen \"{name}\". Use one of: start, about, help, jump, checklist, why, stop, review, readback, search, last (the draft's saved screen); or a screen of this draft: {list}",
        "--screen : aucun écran « {name} ». Utilisez l'un de ceux-ci : start, about, help, jump, checklist, why, stop, review, readback, search, last (l'écran enregistré du brouillon); ou un écran de ce brouillon : {list}",
    );
    let number = name.strip_prefix(['S', 's']).unwrap_or(name);
    if let Some(k) = q.screens.iter().position(|s| s.id.eq_ignore_ascii_case(name) || s.number == number) {
        return Ok(k);
    }
    let group = |s: &crate::engine::model::Screen| s.number.split_once('.').is_some_and(|(n, _)| n == number);
    if q.screens.iter().any(group) {
        return q
            .screens
            .iter()
            .enumerate()
            .position(|(k, s)| group(s) && ev.screen_visible[k])
            .ok_or_else(|| both(|l| fill!(NO_DOCUMENT_SCREEN, l, name = name)));
    }
    // The names this draft can use: the fixed ones, every screen, the document screens it shows.
    let mut names: Vec<String> = vec![];
    let mut groups_done: Vec<&str> = vec![];
    for (k, s) in q.screens.iter().enumerate() {
        match s.number.split_once('.') {
            None => names.push(format!("{} ({})", s.id, s.number)),
            Some((n, _)) => {
                if !groups_done.contains(&n) {
                    groups_done.push(n);
                    names.push(format!("S{n} ({n})"));
                }
                if ev.screen_visible[k] {
                    names.push(format!("{} ({})", s.id, s.number));
                }
            }
        }
    }
    let list = names.join(", ");
    Err(both(|l| fill!(NO_SUCH_SCREEN, l, name = name, list = list)))
}

/// The same words in both languages, from a function of the language (a [`Template`] filled in
/// each), for a refusal that is shown in the language of service later.
fn both(words: impl Fn(Lang) -> String) -> Text {
    Text::new(words(Lang::En), words(Lang::Fr))
}

/// The most rows `--size auto` draws.
const AUTO_MAX_ROWS: u16 = 1000;
/// `--size auto` never draws fewer rows than the default size.
const AUTO_MIN_ROWS: u16 = 24;

/// The words on a drawn screen, counted (box drawing and the ↑ ↓ "more" marks left out).
fn words(text: &str) -> std::collections::BTreeMap<&str, usize> {
    let mut m = std::collections::BTreeMap::new();
    let sep = |c: char| c.is_whitespace() || ('\u{2500}'..='\u{259F}').contains(&c) || matches!(c, '↑' | '↓');
    for w in text.split(sep).filter(|w| !w.is_empty()) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// Draws at the fewest rows (from 24 up to 1000) that show every word the screen has: what a
/// screen tall enough to cut nothing shows. With a window open (help, why…), every word of the
/// window. The views mark a cut list with ↓ but a window's background or a side panel may be cut
/// silently, so the test is on the words, not the marks.
pub fn draw_auto(app: &mut App, w: u16) -> String {
    let full_text = draw_text(app, w, AUTO_MAX_ROWS);
    let full = words(&full_text);
    // The words to show: all of them, or the open window's (what the background does not have).
    let target: Vec<(&str, usize)> = match app.overlay.take() {
        None => full.iter().map(|(k, v)| (*k, *v)).collect(),
        Some(ov) => {
            let back_text = draw_text(app, w, AUTO_MAX_ROWS);
            app.overlay = Some(ov);
            let back = words(&back_text);
            full.iter()
                .filter_map(|(k, v)| {
                    let n = v.saturating_sub(back.get(k).copied().unwrap_or(0));
                    (n > 0).then_some((*k, n))
                })
                .collect()
        }
    };
    let shows_all = |h: u16| -> Option<String> {
        let text = draw_text(app, w, h);
        let got = words(&text);
        target.iter().all(|(k, n)| got.get(k).copied().unwrap_or(0) >= *n).then_some(text)
    };
    if let Some(text) = shows_all(AUTO_MIN_ROWS) {
        return text;
    }
    // Shows all at `hi`, not at `lo`.
    let (mut lo, mut hi, mut best) = (AUTO_MIN_ROWS, AUTO_MAX_ROWS, full_text.clone());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        match shows_all(mid) {
            Some(text) => (hi, best) = (mid, text),
            None => lo = mid,
        }
    }
    best
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

/// The placeholder that stands for what the person typed in answer to `question`; None for
/// answers picked from a list (choices, countries, provinces, issuers, offices), which drive the
/// rules a support agent needs to see and identify no one.
fn placeholder(question: &crate::engine::Question, lang: Lang) -> Option<&'static str> {
    use crate::engine::{Format, QType};
    let (en, fr) = match question.qtype {
        QType::Name => ("[name]", "[nom]"),
        QType::Date | QType::PDate => ("[date]", "[date]"),
        QType::Email => ("[email]", "[courriel]"),
        QType::Height => ("[height]", "[taille]"),
        QType::File => ("[file]", "[fichier]"),
        QType::List => ("[name]", "[nom]"),
        QType::Text => match question.format {
            Some(Format::Uci | Format::CertNo | Format::BcReg) => ("[number]", "[numéro]"),
            Some(Format::Postal) => ("[postal code]", "[code postal]"),
            _ => ("[text]", "[texte]"),
        },
        QType::YesNo | QType::Choice | QType::Country | QType::Province | QType::Issuer | QType::Office => {
            return None;
        }
        QType::Display => return None,
    };
    Some(lang.pick(en, fr))
}

/// `v` with each typed value replaced by `ph` (NA and Unknown are kept: they are not personal);
/// the values replaced go into `secrets`.
fn redact_value(v: &mut AnswerValue, ph: &str, secrets: &mut Vec<String>) {
    let mut one = |s: &mut String| {
        if !s.is_empty() && s != "NA" && s != "UNKNOWN" {
            secrets.push(std::mem::replace(s, ph.to_string()));
        }
    };
    match v {
        AnswerValue::Text(s) => one(s),
        AnswerValue::List(items) => items.iter_mut().for_each(one),
    }
}

/// `--redact`: replaces, in what the screens show, every answer the person typed (names, dates,
/// numbers, addresses, emails, heights, free text), every attached file's path and the drafts'
/// names with placeholders ("[name]", "[date]", "[draft 1]"). The evaluation was made on the real
/// answers, so the screen shows the same questions, checklist and outcome. Returns the values
/// replaced, for [`scrub`] to take out of the drawn text and of messages that quote them.
pub fn redact(app: &mut App) -> Vec<String> {
    const DRAFT_N: Template = Template::new(&["n"], "[draft {n}]", "[brouillon {n}]");
    let (q, lang) = (app.q, app.lang);
    let mut secrets: Vec<String> = vec![];
    for (k, d) in app.drafts.iter_mut().enumerate() {
        let ph = fill!(DRAFT_N, lang, n = k + 1);
        secrets.push(std::mem::replace(&mut d.label, ph));
    }
    for r in &mut app.removed {
        secrets.push(std::mem::replace(r, lang.pick("[draft]", "[brouillon]").to_string()));
    }
    if let Screen::Draft(s) = &mut app.screen {
        let k = app.drafts.iter().position(|d| d.id == s.draft.id).map_or(0, |k| k + 1);
        let ph = fill!(DRAFT_N, lang, n = k);
        secrets.push(std::mem::replace(&mut s.draft.label, ph));
        for (qi, question) in q.questions.iter().enumerate() {
            let Some(ph) = placeholder(question, lang) else { continue };
            if let Some(v) = s.draft.answers.map.get_mut(&question.id) {
                // A file named but never checked is shown by its name alone ("file not checked yet
                // (scan.pdf)"): the name is as personal as the path.
                if question.qtype == crate::engine::QType::File
                    && let AnswerValue::Text(path) = &*v
                    && let Some(name) = std::path::Path::new(path).file_name()
                {
                    secrets.push(name.to_string_lossy().into_owned());
                }
                redact_value(v, ph, &mut secrets);
            }
            if let Some(v) = s.ev.values[qi].as_mut() {
                redact_value(v, ph, &mut secrets);
            }
        }
        let file = lang.pick("[file]", "[fichier]");
        for a in &mut s.draft.attachments {
            if let Some(p) = a.get_mut("path")
                && let Some(path) = p.as_str()
            {
                secrets.push(path.to_string());
                if let Some(name) = std::path::Path::new(path).file_name() {
                    secrets.push(name.to_string_lossy().into_owned());
                }
                *p = serde_json::Value::String(file.to_string());
            }
        }
        // Messages that quote an answer ("“1990-02-30” is not a date"), or spell it out ("There is
        // no February 30, 1990").
        let spelled: Vec<String> = secrets.iter().flat_map(|x| spelled_dates(x)).collect();
        secrets.extend(spelled);
        secrets.sort_by_key(|x| std::cmp::Reverse(x.chars().count()));
        for p in &mut s.ev.problems {
            p.message = Text::new(scrub(&p.message.en, &secrets), scrub(&p.message.fr, &secrets));
        }
        if let Some(n) = &mut s.aside_notice {
            *n = scrub(n, &secrets);
        }
        if let Some(qi) = s.focus
            && !matches!(s.field, super::widgets::Field::None)
        {
            let question = &q.questions[qi];
            s.field =
                super::widgets::Field::for_question(q, question, s.draft.answers.get(&question.id), lang);
        }
    }
    secrets.sort_by_key(|x| std::cmp::Reverse(x.chars().count()));
    if let Some(st) = &mut app.status {
        *st = scrub(st, &secrets);
    }
    secrets
}

/// `text` with the secrets replaced by "[…]" (longest first): quoted as messages quote answers
/// (“12”, « 12 ») whatever their length, and anywhere when they have 4 characters or more — the
/// last guard of `--redact`, for any place that shows a value the redaction did not reach.
/// (Shorter values anywhere would eat screen numbers and words: "12 of 15", "ON".)
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for s in secrets.iter().filter(|s| !s.trim().is_empty()) {
        for quoted in [format!("“{s}”"), format!("« {s} »"), format!("\"{s}\"")] {
            if out.contains(&quoted) {
                out = out.replace(&quoted, "“[…]”");
            }
        }
        if s.trim().chars().count() >= 4 && out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "[…]");
        }
    }
    out
}

/// A typed date as messages and read-back spell it: "February 30, 1990", "30 février 1990",
/// "February 1990", "12 April 1990"… (also for days that do not exist). Nothing for other text.
fn spelled_dates(s: &str) -> Vec<String> {
    use crate::engine::answers::{MONTHS_EN, MONTHS_FR};
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m)) = (parts.first().and_then(|p| num(p)), parts.get(1).and_then(|p| num(p))) else {
        return vec![];
    };
    let (Some(en), Some(fr)) =
        (MONTHS_EN.get(m.wrapping_sub(1) as usize), MONTHS_FR.get(m.wrapping_sub(1) as usize))
    else {
        return vec![];
    };
    let mut out = vec![format!("{en} {y}"), format!("{fr} {y}")];
    if let Some(d) = parts.get(2).and_then(|p| num(p)) {
        out.extend([format!("{en} {d}, {y}"), format!("{d} {en} {y}"), format!("{d} {fr} {y}")]);
        if d == 1 {
            out.push(format!("1er {fr} {y}"));
        }
    }
    out
}
