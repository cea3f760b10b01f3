//! Drawing: state in, frame out. One module per screen; this one lays out the frame, the header,
//! the footer and the windows over it.

pub mod about;
pub mod attach;
pub mod checklist;
pub mod help;
pub mod next;
pub mod notes;
pub mod question;
pub mod review;
pub mod start;
pub mod stop;
pub mod support;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Overlay, Pane};
use super::i18n::{self, Hint};
use crate::engine::Lang;
use crate::engine::ScreenKind;

/// The smallest terminal the screens are laid out for.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 20;

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
    if area.width < MIN_W || area.height < MIN_H {
        match app.overlay {
            Some(Overlay::Help) => help::render(app, area, buf, Theme { color: app.color }),
            _ => too_small(app.lang, area, buf),
        }
        return None;
    }
    let t = Theme { color: app.color };
    let [head, body, status, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut cursor = None;
    match &app.session {
        None => {
            header_line(app.q.title.get(app.lang), "", head, buf, t);
            start::render(app, body, buf, t);
        }
        Some(s) => {
            draft_header(app, head, buf, t);
            let screen = &app.q.screens[s.screen];
            let review = screen.kind == ScreenKind::Review;
            if review {
                cursor = review::render(app, body, buf, t);
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
                cursor = question::render(app, qa, buf, t);
                checklist::render(app, ca, buf, t, wide);
            }
        }
    }
    status_line(app, status, buf, t);
    footer(app, foot, buf, t);
    if let Some(o) = &app.overlay {
        cursor = None;
        match o {
            Overlay::Help => help::render(app, area, buf, t),
            Overlay::About => about::render(app, area, buf, t),
            Overlay::Why(i) => checklist::render_why(app, *i, area, buf, t),
            Overlay::Jump(sel) => jump(app, *sel, area, buf, t),
            Overlay::ConfirmErase => {
                let l = app.lang;
                let mut lines = vec![Line::raw(i18n::erase_question(l, app.today, app.held.len()))];
                lines.extend(
                    app.held
                        .iter()
                        .map(|h| Line::raw(format!("  {}", i18n::held_draft(l, &h.label, h.created_on)))),
                );
                lines.push(Line::raw(i18n::ERASE_CANNOT_UNDO.get(l)));
                lines.push(Line::raw(""));
                lines.push(Line::raw(i18n::ERASE_KEYS.get(l)));
                popup(i18n::T_ERASE.get(l), lines, 70, area, buf, t);
            }
            Overlay::ConfirmDelete(_, label) => {
                let l = app.lang;
                let lines = vec![
                    Line::raw(i18n::delete_question(l, label)),
                    Line::raw(i18n::DELETE_CANNOT_UNDO.get(l)),
                    Line::raw(""),
                    Line::raw(i18n::DELETE_KEYS.get(l)),
                ];
                popup(i18n::T_DELETE.get(l), lines, 56, area, buf, t);
            }
            Overlay::NewDraft(input) => {
                let l = app.lang;
                let lines = vec![
                    Line::raw(i18n::NEW_DRAFT_NAME.get(l)),
                    Line::raw(format!("[{}]", input.value)),
                    Line::raw(""),
                    Line::raw(i18n::lock_choice(l, app.new_draft_locked)),
                    Line::raw(i18n::NEW_DRAFT_KEYS.get(l)),
                ];
                let r = popup(i18n::T_NEW_DRAFT.get(l), lines, 56, area, buf, t);
                cursor = Some((r.x + 2 + input.cursor_col() as u16, r.y + 2));
            }
            Overlay::NewPassphrase(_, first, input) => {
                let l = app.lang;
                let n = input.chars();
                let ask = if first.is_some() { i18n::PASSPHRASE_AGAIN } else { i18n::NEW_PASSPHRASE };
                let lines = vec![
                    Line::raw(ask.get(l)),
                    Line::raw(format!("[{}]", "•".repeat(n))),
                    Line::raw(""),
                    Line::raw(i18n::NEW_DRAFT_KEYS.get(l)),
                ];
                let r = popup(i18n::T_NEW_DRAFT.get(l), lines, 56, area, buf, t);
                cursor = Some((r.x + 2 + input.cursor() as u16, r.y + 2));
            }
            Overlay::Passphrase(id, label, input) => {
                let l = app.lang;
                // Masked: one • per character typed; the passphrase itself is never drawn.
                let n = input.chars();
                let lines = vec![
                    Line::raw(i18n::passphrase_of(l, id, label)),
                    Line::raw(format!("[{}]", "•".repeat(n))),
                    Line::raw(""),
                    Line::raw(i18n::PASSPHRASE_KEYS.get(l)),
                ];
                let r = popup(i18n::T_PASSPHRASE.get(l), lines, 56, area, buf, t);
                cursor = Some((r.x + 2 + input.cursor() as u16, r.y + 2));
            }
            Overlay::Rename(_, input) => cursor = start::render_rename(app, input, area, buf, t),
            Overlay::Stop(v) => stop::render(app, v, area, buf, t),
            Overlay::Attach(d) => cursor = attach::render(app, d, area, buf, t),
            Overlay::Search(input, sel) => cursor = support::render_search(app, input, *sel, area, buf, t),
            Overlay::ReadBack => support::render_read_back(app, area, buf, t),
            Overlay::Next(v) => cursor = next::render(app, v, area, buf, t),
            Overlay::Note(qi, input) => cursor = notes::render_note(app, *qi, input, area, buf, t),
            Overlay::History => notes::render_history(app, area, buf, t),
        }
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

fn header_line(left: &str, right: &str, area: Rect, buf: &mut Buffer, t: Theme) {
    let w = area.width as usize;
    let rw = right.width();
    // The left side holds the draft's label: no bidi override may reorder the line (issue 12).
    let left = crate::safe_text::inline(left);
    let left = truncate(&left, w.saturating_sub(rw + 1));
    let pad = w.saturating_sub(left.width() + rw);
    Line::styled(format!("{left}{}{right}", " ".repeat(pad)), t.header()).render(area, buf);
}

fn draft_header(app: &App, area: Rect, buf: &mut Buffer, t: Theme) {
    let Some(s) = &app.session else { return };
    let screen = &app.q.screens[s.screen];
    let days = app.days_left(s.draft.created_on);
    let lang = app.lang;
    let days_words = i18n::DAYS_LEFT.get(lang);
    let days_text =
        if days <= 7 { format!("⚠ {days} {days_words}") } else { format!("{days} {days_words}") };
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
    let (number, total) = crate::session::journey::screen_counter(app.q, s.screen);
    let left = format!(" {} {}", screen.number, screen.title.get(app.lang));
    let right = format!("{} ", i18n::screen_n_of_m(lang, &number, total));
    let pct = s.ev.progress_percent(app.q);
    let row = Rect::new(area.x, area.y + 1, area.width, 1);
    let gauge_w = 22u16.min(area.width / 4);
    let [l, g, r] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(gauge_w),
        Constraint::Length(right.width() as u16 + 1),
    ])
    .areas(row);
    Line::styled(truncate(&left, l.width as usize), t.title()).render(l, buf);
    if app.color {
        Gauge::default()
            .ratio(f64::from(pct) / 100.0)
            .label(format!("{pct}%"))
            .gauge_style(Style::default().fg(Color::Cyan))
            .use_unicode(true)
            .render(g, buf);
    } else {
        // NO_COLOR: a block gauge with the label over it reads as "████████56%▎"; text instead.
        Line::raw(text_gauge(pct, g.width as usize)).render(g, buf);
    }
    Line::raw(format!(" {right}")).render(r, buf);
}

/// "[#####-----] 56%" in `width` columns: a progress bar without colour.
pub fn text_gauge(pct: u8, width: usize) -> String {
    let label = format!(" {pct}%");
    let inner = width.saturating_sub(label.len() + 2);
    if inner < 3 {
        return truncate(label.trim_start(), width);
    }
    let filled = (inner * usize::from(pct.min(100)) + 50) / 100;
    format!("[{}{}]{label}", "#".repeat(filled), "-".repeat(inner - filled))
}

fn status_line(app: &App, area: Rect, buf: &mut Buffer, t: Theme) {
    if let Some(msg) = &app.status {
        let style = if msg.starts_with('✗') { t.error() } else { t.focus() };
        Line::styled(truncate(msg, area.width as usize), style).render(area, buf);
    }
}

/// The keys that work here, most useful first; the footer shows those that fit.
pub fn footer_hints(app: &App) -> Result<Vec<Hint>, i18n::Msg> {
    use i18n::*;
    let lang_hint: Hint = ("F3", Msg::new(switch_to(Lang::En), switch_to(Lang::Fr)));
    Ok(match (&app.overlay, &app.session) {
        (Some(Overlay::Stop(v)), _) if v.caution => return Err(F_STOP_CAUTION),
        (Some(Overlay::Stop(v)), _) if v.paper_ok => return Err(F_STOP_PAPER),
        (Some(Overlay::Stop(_)), _) => return Err(F_STOP),
        (Some(Overlay::Jump(_)), _) => vec![H_CHOOSE, H_GO, H_CLOSE],
        (Some(Overlay::Search(..)), _) => vec![H_TYPE, H_CHOOSE, H_GO, H_CLOSE, lang_hint],
        (Some(Overlay::ReadBack | Overlay::History), _) => vec![H_SCROLL, ("", F_ANY_KEY), lang_hint],
        (Some(Overlay::Note(..)), _) => return Err(NOTE_KEYS),
        (Some(Overlay::Why(_)), _) => {
            vec![H_PREV_NEXT_ITEM, ("PgUp/PgDn", H_SCROLL.1), ("", F_ANY_KEY), lang_hint]
        }
        (Some(Overlay::Help), _) => vec![H_SCROLL, H_ABOUT, ("", F_ANY_OTHER), lang_hint],
        (Some(Overlay::NewDraft(_)), _) => return Err(F_NEW_DRAFT),
        (Some(Overlay::Passphrase(..) | Overlay::NewPassphrase(..)), _) => return Err(F_PASSPHRASE),
        (Some(Overlay::Rename(..)), _) => return Err(F_RENAME),
        (Some(Overlay::ConfirmDelete(..)), _) => return Err(F_CONFIRM_DELETE),
        (Some(Overlay::ConfirmErase), _) => return Err(F_CONFIRM_ERASE),
        (Some(Overlay::Attach(_)), _) => return Err(F_ATTACH),
        (Some(Overlay::Next(v)), _) if v.asking.is_some() => return Err(N_ASK_KEYS),
        (Some(Overlay::Next(_)), Some(s)) if s.paper_mode => return Err(N_PAPER_KEYS),
        (Some(Overlay::Next(_)), _) => return Err(N_KEYS),
        (Some(_), _) => return Err(F_ANY_KEY),
        (None, None) if app.find.is_some() => vec![H_TYPE, H_CHOOSE, H_OPEN, H_CLEAR_FIND, lang_hint],
        (None, None) => {
            let mut v = vec![
                H_CHOOSE, H_OPEN, H_NEW, H_FIND, lang_hint, H_HELP_Q, H_QUIT_Q, H_RENAME, H_DELETE, H_ABOUT,
            ];
            if !app.held.is_empty() {
                // Where it shows even on a narrow terminal: the notice above says to press it.
                v.insert(0, H_ERASE_EXPIRED);
            }
            v
        }
        (None, Some(s)) => match s.pane {
            Pane::Checklist => vec![
                lang_hint,
                H_ITEM,
                H_WHY_ENTER,
                H_BACK_QUESTIONS,
                H_HELP,
                H_SEARCH_CTRL,
                H_READ,
                H_DRAFTS,
                H_SAVE,
                H_QUIT,
            ],
            Pane::Review => vec![
                lang_hint,
                H_ANSWER,
                H_CHANGE,
                H_HELP,
                H_READ,
                H_DRAFTS,
                H_DECLARATION,
                H_PREV,
                H_SAVE,
                H_QUIT,
            ],
            Pane::Questions => {
                let search = if app.typing() { H_SEARCH_CTRL } else { H_SEARCH };
                let attach = crate::tui::attach_flow::file_question(app).map(|_| H_ATTACH);
                attach
                    .into_iter()
                    .chain(vec![
                        lang_hint,
                        H_HELP,
                        ("PgDn", Msg::new("next", "suivant")),
                        search,
                        H_READ,
                        H_DRAFTS,
                        H_QUESTION,
                        H_WHY,
                        H_SAVE,
                        H_QUIT,
                        H_SCREENS,
                        H_CHECKLIST,
                        H_NA,
                        H_UNKNOWN,
                        H_NEXT,
                        H_SCREEN,
                    ])
                    .collect()
            }
        },
    })
}

/// The footer text for a width: hints in order of use, skipping those that no longer fit.
pub fn footer_keys(app: &App, width: usize) -> String {
    let hints = match footer_hints(app) {
        Ok(h) => h,
        Err(fixed) => return fixed.get(app.lang).to_string(),
    };
    let mut out = String::new();
    for (key, what) in hints {
        let item = if key.is_empty() {
            what.get(app.lang).to_string()
        } else {
            format!("{} {}", i18n::key_names(app.lang, key), what.get(app.lang))
        };
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

use crate::session::journey::ScreenState;

/// Ctrl-G: every screen with its state, like a task list (done, N to answer, N errors, not asked).
fn jump(app: &App, sel: usize, area: Rect, buf: &mut Buffer, t: Theme) {
    let Some(s) = &app.session else { return };
    let lang = app.lang;
    // The window's inside: at most 72 wide, within the screen, less its border.
    let inner = (area.width.saturating_sub(4).min(72) as usize).saturating_sub(2);
    let lines: Vec<Line> = app
        .jump_screens()
        .iter()
        .enumerate()
        .map(|(k, &sc)| {
            let screen = &app.q.screens[sc];
            let here = if sc == s.screen { i18n::HERE.get(lang) } else { "" };
            let state = crate::session::journey::screen_state(app.q, &s.ev, sc);
            // A document screen whose answers are done but whose file is not: say so.
            let doc = screen.item.and_then(|i| s.rd.items.iter().find(|r| r.id == app.q.items[i].id));
            let doc_left = doc.filter(|r| !r.ok && r.status != "missing" && state == ScreenState::Done);
            let mark = match state {
                _ if doc_left.is_some() => "?",
                ScreenState::Done => "✓",
                ScreenState::ToAnswer(_) => "*",
                ScreenState::Errors(_) => "✗",
                ScreenState::NotAsked => "·",
            };
            let words = doc_left.map_or_else(|| state.words(lang), |r| r.shown_status(lang).to_string());
            // One row per screen: the title gives way, the state is always whole.
            let head = format!("{}{mark} {:>5}  ", if k == sel { "›" } else { " " }, screen.number);
            let tail = format!("{here} — {words}");
            let room = inner.saturating_sub(head.width() + tail.width());
            let text = format!("{head}{}{tail}", truncate(screen.title.get(lang), room));
            let style = match state {
                _ if k == sel => t.focus().add_modifier(Modifier::REVERSED),
                _ if doc_left.is_some() => t.warn(),
                ScreenState::Errors(_) => t.error(),
                ScreenState::NotAsked => t.dim(),
                _ => Style::default(),
            };
            Line::styled(text, style)
        })
        .collect();
    popup(i18n::T_JUMP.get(lang), lines, 72, area, buf, t);
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
