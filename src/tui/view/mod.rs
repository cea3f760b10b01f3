//! Drawing: state in, frame out. One module per screen; this one lays out the frame, the header,
//! the footer and the windows over it. Only the frame here sees the `App`: it matches the screen
//! and hands each view what that view draws — the drafts list a [`StartView`], a draft's screens
//! the open draft (`app::Session`) and a [`Ctx`] — borrowed, never copied per frame.

pub mod attach;
pub mod checklist;
pub mod notes;
pub mod question;
pub mod review;
pub mod start;
pub mod support;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Overlay, Pane, Screen, Session, StartScreen};
use super::i18n::{self, Msg};
use super::keymap::{self, Key};
use super::store::{Damaged, DraftSummary, Held};
use crate::engine::{Lang, Questionnaire, ScreenKind, Text};

/// The smallest terminal the screens are laid out for.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 20;
/// The most rows a status message takes (wrapped); beyond, its last row ends with …
const STATUS_ROWS: usize = 3;

/// Styles, with or without colour; markers (›, ✗, ⚠) carry the meaning either way.
#[derive(Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn error(self) -> Style {
        if self.color {
            Style::default().fg(Color::Red)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    pub fn warn(self) -> Style {
        if self.color { Style::default().fg(Color::Yellow) } else { Style::default() }
    }
    pub fn ok(self) -> Style {
        if self.color { Style::default().fg(Color::Green) } else { Style::default() }
    }
    pub fn dim(self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }
    pub fn focus(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn title(self) -> Style {
        if self.color {
            Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
    pub fn header(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}

/// What every view reads besides its own state: the questionnaire, the language, whether internal
/// codes show, how far the open window's text is scrolled, and the day (a few words, by value).
#[derive(Clone, Copy)]
pub struct Ctx<'v> {
    pub q: &'v Questionnaire,
    pub lang: Lang,
    pub show_codes: bool,
    pub scroll: u16,
    pub today: chrono::NaiveDate,
}

impl<'v> Ctx<'v> {
    /// The App's: what the views of any screen read.
    pub fn of(app: &'v App) -> Ctx<'v> {
        Ctx { q: app.q, lang: app.lang, show_codes: app.show_codes, scroll: app.scroll, today: app.today }
    }
}

/// What the drafts list draws: its own state and, from the App, the drafts and the notices about
/// the store.
#[derive(Clone, Copy)]
pub struct StartView<'v> {
    pub st: &'v StartScreen,
    pub drafts: &'v [DraftSummary],
    /// Progress of each listed draft (0–100).
    pub progress: &'v [u8],
    pub removed: &'v [String],
    pub damaged: &'v [Damaged],
    pub held: &'v [Held],
    pub warnings: &'v [Text],
    /// The new-draft window's choice: lock the draft with a passphrase.
    pub new_draft_locked: bool,
}

/// The screen a window is drawn over.
#[derive(Clone, Copy)]
pub enum On<'v> {
    Start(StartView<'v>),
    Draft(&'v Session),
}

impl<'v> On<'v> {
    /// The open draft, when the window is over one.
    pub fn draft(self) -> Option<&'v Session> {
        match self {
            On::Draft(s) => Some(s),
            On::Start(_) => None,
        }
    }
}

/// The screen shown, as the views see it.
fn on<'v>(app: &'v App) -> On<'v> {
    match &app.screen {
        Screen::Draft(s) => On::Draft(s),
        Screen::Start(st) => On::Start(StartView {
            st,
            drafts: &app.drafts,
            progress: &app.progress,
            removed: &app.removed,
            damaged: &app.damaged,
            held: &app.held,
            warnings: &app.warnings,
            new_draft_locked: app.new_draft_locked,
        }),
    }
}

/// Draws the whole app.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let cursor = render(app, area, frame.buffer_mut());
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position { x, y });
    }
}

/// Renders into a buffer; returns where the text cursor belongs.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    app.drawn.set(Some((area.width, area.height)));
    let (c, on) = (Ctx::of(app), on(app));
    let t = Theme { color: app.color };
    if area.width < MIN_W || area.height < MIN_H {
        match app.overlay {
            Some(Overlay::Help) => crate::tui::overlay::help::render(c, on.draft(), area, buf, t),
            _ => too_small(app.lang, area, buf),
        }
        return None;
    }
    // A message wider than the screen (a refusal naming a long path, French words) takes up to
    // STATUS_ROWS rows rather than being cut: the reason is the part a person needs.
    let status_h = match &app.status {
        Some(msg) if msg.width() > area.width as usize => {
            wrap(msg, area.width as usize, "", "").len().clamp(1, STATUS_ROWS) as u16
        }
        _ => 1,
    };
    let [head, body, status, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(status_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut cursor = None;
    match on {
        On::Start(v) => {
            header_line(&fit_title(app.q.title.get(app.lang), head.width as usize), "", head, buf, t);
            start::render(c, v, body, buf, t);
        }
        On::Draft(s) => {
            draft_header(c, s, head, buf, t);
            let screen = &app.q.screens[s.screen];
            let review = screen.kind == ScreenKind::Review;
            if review {
                cursor = review::render(c, s, body, buf, t);
            } else {
                let wide = body.width >= 100;
                let (qa, ca) = if wide {
                    let [a, b] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                        .areas(body);
                    (a, b)
                } else {
                    let list_h = (body.height / 3).clamp(4, 9);
                    let [a, b] =
                        Layout::vertical([Constraint::Min(3), Constraint::Length(list_h)]).areas(body);
                    (a, b)
                };
                cursor = question::render(c, s, qa, buf, t);
                checklist::render(c, s, ca, buf, t, wide);
            }
        }
    }
    status_line(app.status.as_deref(), status, buf, t);
    footer(app, foot, buf, t);
    if let Some(o) = &app.overlay {
        cursor = o.draw(c, on, area, buf, t);
    }
    cursor.filter(|&(x, y)| x < area.right() && y < area.bottom())
}

fn too_small(lang: Lang, area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "{} {}",
        i18n::enlarge(lang, MIN_W, MIN_H, area.width, area.height),
        i18n::TOO_SMALL_KEYS.get(lang)
    );
    Paragraph::new(msg).wrap(Wrap { trim: true }).render(area, buf);
}

/// The questionnaire's title for the start screen's header: whole where it fits; else without its
/// first aside in brackets ("… Certificate (proof of citizenship), online (CIT 0001)" → "…
/// Certificate, online (CIT 0001)"); else its head and its last bracket ("… Certificate (CIT
/// 0001)"), so the form's number stays in sight down to the narrowest screen.
fn fit_title(title: &str, w: usize) -> std::borrow::Cow<'_, str> {
    let fits = |t: &str| t.width() < w;
    if fits(title) {
        return title.into();
    }
    let Some((head, rest)) = title.split_once(" (") else { return title.into() };
    let Some((_, after)) = rest.split_once(')') else { return title.into() };
    if after.is_empty() {
        return title.into();
    }
    let short = format!("{head}{after}");
    if fits(&short) {
        return short.into();
    }
    match title.rfind(" (") {
        Some(last) if title.ends_with(')') => format!("{head}{}", &title[last..]).into(),
        _ => short.into(),
    }
}

fn header_line(left: &str, right: &str, area: Rect, buf: &mut Buffer, t: Theme) {
    let w = area.width as usize;
    let rw = right.width();
    // The left side holds the draft's label: no bidi override may reorder the line (issue 12).
    let left = crate::safe_text::inline(left);
    let left = truncate(&left, w.saturating_sub(rw + 1));
    let pad = w.saturating_sub(left.width() + rw);
    Line::styled(format!("{left}{}{right}", " ".repeat(pad)), t.header()).render(area, buf);
}

fn draft_header(c: Ctx, s: &Session, area: Rect, buf: &mut Buffer, t: Theme) {
    let screen = &c.q.screens[s.screen];
    let days = crate::tui::store::days_left(s.draft.created_on, c.today);
    let lang = c.lang;
    let days_words = crate::drafts::expiry::days_left_words(lang, days);
    let days_text = if days <= 7 { format!("⚠ {days_words}") } else { days_words };
    let saved = if s.saved { "" } else { i18n::UNSAVED.get(lang) };
    let mode = if s.paper_mode { i18n::PAPER_MODE.get(lang) } else { "" };
    header_line(&format!(" {}{mode}{saved}", s.draft.label), &format!("{days_text} "), area, buf, t);
    if days <= 7 {
        let x = area.right().saturating_sub(days_text.width() as u16 + 1);
        buf.set_style(
            Rect::new(x, area.y, days_text.width() as u16, 1),
            t.warn().add_modifier(Modifier::BOLD),
        );
    }
    // Numbered as the questions are ("11.2 of 13"): the count does not change as questions or
    // document screens appear (issue 13).
    let (number, total) = crate::session::journey::screen_counter(c.q, s.screen);
    let left = format!(" {} {}", screen.number, screen.title.get(lang));
    let right = format!("{} ", i18n::screen_n_of_m(lang, &number, total));
    let pct = s.ev.progress_percent(c.q);
    let row = Rect::new(area.x, area.y + 1, area.width, 1);
    let gauge_w = 22u16.min(area.width / 4);
    let [l, g, r] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(gauge_w),
        Constraint::Length(right.width() as u16 + 1),
    ])
    .areas(row);
    Line::styled(truncate(&left, l.width as usize), t.title()).render(l, buf);
    if t.color {
        Gauge::default()
            .ratio(f64::from(pct) / 100.0)
            .label(i18n::percent(lang, pct))
            .gauge_style(Style::default().fg(Color::Cyan))
            .use_unicode(true)
            .render(g, buf);
    } else {
        // NO_COLOR: a block gauge with the label over it reads as "████████56%▎"; text instead.
        Line::raw(text_gauge(lang, pct, g.width as usize)).render(g, buf);
    }
    Line::raw(format!(" {right}")).render(r, buf);
}

/// "[#####-----] 56%" ("56 %" in French) in `width` columns: a progress bar without colour.
pub fn text_gauge(lang: crate::engine::Lang, pct: u8, width: usize) -> String {
    let label = format!(" {}", i18n::percent(lang, pct));
    let inner = width.saturating_sub(label.len() + 2);
    if inner < 3 {
        return truncate(label.trim_start(), width);
    }
    let filled = (inner * usize::from(pct.min(100)) + 50) / 100;
    format!("[{}{}]{label}", "#".repeat(filled), "-".repeat(inner - filled))
}

fn status_line(status: Option<&str>, area: Rect, buf: &mut Buffer, t: Theme) {
    if let Some(msg) = status {
        // A status may quote a file name, a folder or a draft's label: shown, never obeyed.
        let msg = crate::safe_text::block(msg);
        let style = if msg.starts_with('✗') { t.error() } else { t.focus() };
        let width = area.width as usize;
        let lines = wrap(&msg, width, "", "");
        let rows = usize::from(area.height).max(1);
        for (k, line) in lines.iter().take(rows).enumerate() {
            // Still more than the rows hold: the last row shows it is cut.
            let text = if k + 1 == rows && lines.len() > rows {
                truncate(&format!("{line} …"), width)
            } else {
                truncate(line, width)
            };
            let row = Rect { y: area.y + k as u16, height: 1, ..area };
            Line::styled(text, style).render(row, buf);
        }
    }
}

/// A footer hint: the key (from the one key table, `keymap`; none for words such as "any key
/// closes") and what it does.
pub type Hint = (Option<Key>, Msg);

/// A key and what it does.
pub const fn hint(key: Key, what: Msg) -> Hint {
    (Some(key), what)
}

/// Words without a key ("type to filter", "any key closes").
pub const fn words(what: Msg) -> Hint {
    (None, what)
}

/// The footer under a screen or a window.
#[derive(Clone, Debug, PartialEq)]
pub enum Footer {
    /// Hints in order of use: those that do not fit the row are left out.
    Fit(Vec<Hint>),
    /// One line, always whole (cut with … only below its width): a dialog's every key.
    Line(&'static [Hint]),
}

/// Hints joined: the key, `gap`, what it does; `sep` between hints.
pub fn join_hints(lang: Lang, hints: &[Hint], gap: &str, sep: &str) -> String {
    let mut out = String::new();
    for (k, (key, what)) in hints.iter().enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        if let Some(key) = key {
            out.push_str(key.name(lang));
            out.push_str(gap);
        }
        out.push_str(what.get(lang));
    }
    out
}

/// Hints on one line, as the footer shows them: "Enter go · Esc close".
pub fn hints_line(lang: Lang, hints: &[Hint]) -> String {
    join_hints(lang, hints, " ", " · ")
}

/// The F3 hint: the other language, named in its own words.
pub fn lang_hint() -> Hint {
    hint(keymap::F3, Msg::new(i18n::switch_to(Lang::En), i18n::switch_to(Lang::Fr)))
}

/// The keys that work here, most useful first; the footer shows those that fit.
pub fn footer_hints(app: &App) -> Footer {
    use i18n::*;
    use keymap::*;
    let lang_hint = lang_hint();
    let finding = |st: &StartScreen| st.find.is_some();
    Footer::Fit(match (&app.overlay, &app.screen) {
        (Some(o), _) => return o.footer(app.draft()),
        (None, Screen::Start(st)) if finding(st) => vec![
            words(W_TYPE_TO_FILTER),
            hint(UP_DOWN, W_CHOOSE),
            hint(ENTER, W_OPEN),
            hint(ESC, W_SHOW_ALL),
            lang_hint,
        ],
        (None, Screen::Start(_)) => {
            let mut v = vec![
                hint(UP_DOWN, W_CHOOSE),
                hint(ENTER, W_OPEN),
                hint(N, W_NEW),
                hint(SLASH, W_FIND),
                lang_hint,
                hint(QUESTION_MARK, W_HELP),
                hint(Q, W_QUIT),
                hint(R, W_RENAME),
                hint(D, W_DELETE),
                hint(A, W_ABOUT),
            ];
            if !app.held.is_empty() {
                // First, so it shows even on a narrow terminal: the notice above says to press it.
                v.insert(0, hint(E, W_ERASE_EXPIRED));
            }
            v
        }
        (None, Screen::Draft(s)) => match s.pane {
            Pane::Checklist => vec![
                lang_hint,
                hint(UP_DOWN, W_ITEM),
                hint(ENTER, W_WHY),
                hint(ESC, W_QUESTIONS),
                hint(F1, W_HELP),
                hint(CTRL_F, W_SEARCH),
                hint(F5, W_READ),
                hint(CTRL_O, W_DRAFTS),
                hint(CTRL_S, W_SAVE),
                hint(CTRL_Q, W_QUIT),
            ],
            Pane::Review => vec![
                lang_hint,
                hint(UP_DOWN, W_ANSWER),
                hint(ENTER, W_CHANGE),
                hint(F1, W_HELP),
                hint(F5, W_READ),
                hint(CTRL_O, W_DRAFTS),
                hint(TAB, W_DECLARATION),
                hint(PG_UP, W_BACK),
                hint(CTRL_S, W_SAVE),
                hint(CTRL_Q, W_QUIT),
            ],
            Pane::Questions => {
                // `/` types itself in a text field: there the search is Ctrl-F.
                let search = hint(if app.typing() { CTRL_F } else { SLASH }, W_SEARCH);
                let attach = crate::tui::attach_flow::file_question(app.q, s).map(|_| hint(F7, W_ATTACH));
                attach
                    .into_iter()
                    .chain(vec![
                        lang_hint,
                        hint(F1, W_HELP),
                        hint(PG_DN, W_NEXT),
                        search,
                        hint(F5, W_READ),
                        hint(CTRL_O, W_DRAFTS),
                        hint(TAB_UP_DOWN, W_QUESTION),
                        hint(F6, W_WHY),
                        hint(CTRL_S, W_SAVE),
                        hint(CTRL_Q, W_QUIT),
                        hint(CTRL_G, W_SCREENS),
                        hint(CTRL_L, W_CHECKLIST),
                        hint(F8, W_NA),
                        hint(F9, W_UNKNOWN),
                        hint(ENTER, W_NEXT),
                        hint(PG_DN_UP, W_SCREEN),
                    ])
                    .collect()
            }
        },
    })
}

/// The footer text for a width: hints in order of use, skipping those that no longer fit.
pub fn footer_keys(app: &App, width: usize) -> String {
    let hints = match footer_hints(app) {
        Footer::Fit(h) => h,
        Footer::Line(fixed) => return hints_line(app.lang, fixed),
    };
    let mut out = String::new();
    for h in hints {
        let item = hints_line(app.lang, &[h]);
        let add = if out.is_empty() { item.width() } else { item.width() + 3 };
        if out.width() + add > width {
            continue;
        }
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&item);
    }
    out
}

fn footer(app: &App, area: Rect, buf: &mut Buffer, t: Theme) {
    let w = area.width as usize;
    Line::styled(truncate(&footer_keys(app, w), w), t.dim()).render(area, buf);
}

/// A centred window with a border; returns its inner area.
pub fn popup(title: &str, lines: Vec<Line>, max_w: u16, area: Rect, buf: &mut Buffer, t: Theme) -> Rect {
    popup_scroll(title, lines, max_w, 0, area, buf, t)
}

/// A centred window, its text scrolled down by `scroll` wrapped lines (kept within the text).
pub fn popup_scroll(
    title: &str,
    lines: Vec<Line>,
    max_w: u16,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
    t: Theme,
) -> Rect {
    let w = max_w.min(area.width.saturating_sub(4)).max(10).min(area.width);
    let inner_w = w.saturating_sub(2).max(1);
    let need: u16 = lines.iter().map(|l| (l.width() as u16).div_ceil(inner_w).max(1)).sum::<u16>() + 2;
    let h = need.min(area.height.saturating_sub(2)).max(3).min(area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    Clear.render(r, buf);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(format!(" {title} "), t.title()));
    let inner = block.inner(r);
    let scroll = scroll.min(need.saturating_sub(h));
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0)).render(r, buf);
    if scroll > 0 {
        buf.set_string(r.right().saturating_sub(2), r.y, "↑", t.dim());
    }
    if need > h + scroll {
        buf.set_string(r.right().saturating_sub(2), r.bottom().saturating_sub(1), "↓", t.dim());
    }
    inner
}

/// Cuts a string to a display width, with … when cut.
pub fn truncate(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// Word-wraps to a display width; each line is prefixed with `indent` (the first with `first`).
/// The width used so far is kept as it grows (no line is measured twice): the review wraps every
/// long answer on each frame.
pub fn wrap(s: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let mut out = vec![];
    let mut line = first.to_string();
    let (first_w, indent_w) = (first.width(), indent.width());
    let mut used = first_w;
    let mut empty = true;
    let w = width.max(first_w + 2).max(indent_w + 2);
    for word in s.split_whitespace() {
        let word_w = word.width();
        let need = if empty { word_w } else { word_w + 1 };
        if !empty && used + need > w {
            out.push(std::mem::replace(&mut line, indent.to_string()));
            used = indent_w;
            empty = true;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        // A word longer than the line is cut.
        let mut rest = word;
        let mut rest_w = word_w;
        while used + rest_w > w && !rest.is_empty() {
            let room = w.saturating_sub(used).max(1);
            let mut cut = 0;
            let mut taken = 0;
            for (b, c) in rest.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if taken + cw > room {
                    break;
                }
                taken += cw;
                cut = b + c.len_utf8();
            }
            if cut == 0 {
                cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
                taken = rest[..cut].width();
            }
            line.push_str(&rest[..cut]);
            out.push(std::mem::replace(&mut line, indent.to_string()));
            used = indent_w;
            rest = &rest[cut..];
            rest_w = rest_w.saturating_sub(taken);
        }
        line.push_str(rest);
        used += rest_w;
        empty = false;
    }
    if !empty || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_keeps_the_form_number_at_80_columns() {
        let en = "Application for a Citizenship Certificate (proof of citizenship), online (CIT 0001)";
        let fr = "Demande de certificat de citoyenneté (preuve de citoyenneté), en ligne (CIT 0001)";
        assert_eq!(fit_title(en, 120), en);
        assert_eq!(fit_title(en, 80), "Application for a Citizenship Certificate, online (CIT 0001)");
        assert_eq!(fit_title(fr, 80), "Demande de certificat de citoyenneté, en ligne (CIT 0001)");
        assert_eq!(fit_title(en, 60), "Application for a Citizenship Certificate (CIT 0001)");
        assert_eq!(fit_title(fr, 57), "Demande de certificat de citoyenneté (CIT 0001)");
        assert_eq!(fit_title("No aside at all", 5), "No aside at all");
        assert_eq!(fit_title("Ends (in an aside)", 5), "Ends (in an aside)");
    }

    #[test]
    fn wrap_keeps_words_and_cuts_long_ones() {
        assert_eq!(wrap("one two three", 8, "", "  "), vec!["one two", "  three"]);
        assert_eq!(wrap("abcdefghij", 4, "", ""), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10, "› ", "  "), vec!["› "]);
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ab", 4), "ab");
    }
}
