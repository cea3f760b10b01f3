//! Plain mode: the questionnaire as line-by-line prompts, for screen readers, bad connections
//! and scripts. Same engine, same drafts as the full-screen front end; no terminal drawing, no
//! ANSI codes: every line is plain text and every prompt is one line ending in "> ".
//!
//! `run` reads from any `BufRead` and writes to any `Write`, so tests drive it with buffers.

mod input;
pub mod strings;

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use crate::clock::Clock;
use crate::context::cli_error;
use crate::context::{CliError, EngineInspector};
use crate::documents::report;
use crate::drafts::protect::Passphrase;
use crate::drafts::{DraftError, DraftStore, Kept, OpenDraft, QuestionnaireRef, Sweep};
use crate::engine::Explain;
use crate::engine::eval::answer_label;
use crate::engine::{
    AnswerValue, Evaluation, Lang, Outcome, QType, Question, Questionnaire, ScreenKind, Severity, Text,
};

use crate::fill;
use input::{Cmd, command, option_key, raw_answer};
use strings::{self as s, Tr};

/// What plain mode needs: the questionnaire, where drafts live, the date, the language.
pub struct PlainContext<'a> {
    pub questionnaire: &'a Questionnaire,
    pub drafts_dir: PathBuf,
    pub clock: Clock,
    pub lang: Lang,
    /// Open this draft (an id or the start of one) instead of asking.
    pub draft: Option<String>,
    /// Write each line read after its prompt, so that a piped session reads as a transcript.
    pub echo_input: bool,
}

/// Runs a plain-mode session. Exit status 0 when the session ended normally (quit, end of input,
/// end of the questionnaire); errors opening the drafts folder or the named draft come back as
/// `CliError` with the drafts commands' exit codes.
pub fn run(input: impl BufRead, output: impl Write, ctx: PlainContext<'_>) -> Result<i32, CliError> {
    let mut store = DraftStore::open(&ctx.drafts_dir).map_err(cli_error)?;
    let mut p = Plain {
        inp: input,
        out: output,
        q: ctx.questionnaire,
        clock: ctx.clock,
        lang: ctx.lang,
        echo: ctx.echo_input,
        codes: false,
    };
    p.say(s::BANNER.get(p.lang))?;
    let sweep = store.sweep(&p.clock).map_err(cli_error)?;
    for w in store.warnings().iter().filter(|w| !sweep.warnings.contains(w)) {
        p.say(crate::fill!(s::WARNED, p.lang, text = w.get(p.lang)))?;
    }
    p.sweep_notices(&sweep)?;
    let held_kept = p.ask_erase_held(&store, &sweep)?;
    let open = match &ctx.draft {
        Some(prefix) => {
            let id = store.resolve(prefix).map_err(cli_error)?;
            let open = p.open_asking(&mut store, &id)?.map_err(cli_error)?;
            p.say(fill!(s::OPENED, p.lang, id = open.draft.id(), label = open.draft.label))?;
            open
        }
        None => match p.choose_draft(&mut store, &sweep, held_kept)? {
            Some(open) => open,
            None => return Ok(0),
        },
    };
    p.walk(open)
}

/// How a prompt was answered.
enum Line {
    Text(String),
    Eof,
}

/// What happened at a question.
enum Asked {
    Kept,
    Answered(Box<Change>),
    Back,
    /// "change 4.2": go to that question (from the review: come back after it).
    Goto(usize),
    Quit,
    Eof,
}

/// What the person chose after a stop or a caution.
enum After {
    Continue,
    Back,
    Quit,
    Eof,
}

struct Plain<'a, R, W> {
    inp: R,
    out: W,
    q: &'a Questionnaire,
    clock: Clock,
    lang: Lang,
    echo: bool,
    /// Internal codes shown (rule, item and province codes, guide lines): the `codes` command,
    /// for an agent quoting a ticket. Off by default: a screen reader reads words, not codes.
    codes: bool,
}

/// The draft being filled in.
struct Walk {
    /// The session core: the draft and everything decided about it (the TUI holds the same).
    session: Session,
    /// Where it is saved: the draft file opened.
    store: OpenStore,
    screen: usize,
    /// The intro of the last screen announced.
    last_intro: Option<Option<String>>,
    /// The last save failed (why, in both languages): never say "saved" then.
    unsaved: Option<Text>,
    /// Came from the review to change an answer: back to the review after it.
    return_to_review: bool,
}

use crate::session::answering::EvEnv;
use crate::session::fires::Fired;
use crate::session::{Change, OpenStore, Refusal, RelativePaths, Session};

fn write_err(e: std::io::Error) -> CliError {
    let r = crate::drafts::io_reason(&e);
    CliError::refused(crate::fill_text!(s::CANNOT_WRITE, reason = r))
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    fn t(&self, tr: Tr) -> &'static str {
        tr.get(self.lang)
    }

    fn say(&mut self, line: impl AsRef<str>) -> Result<(), CliError> {
        // Labels, answers and file names reach the terminal neutralised (issue 12).
        // Printed as given: citcert's own colons are chosen per language where the line is made
        // (`colon`), so a person's words ("Appel: Amira", an answer holding ":") stay as typed.
        let line = crate::safe_text::block(line.as_ref());
        writeln!(self.out, "{line}").map_err(write_err)
    }

    /// Writes "`label`> ", reads one line. End of input and unreadable input both end the session.
    fn prompt(&mut self, label: &str) -> Result<Line, CliError> {
        write!(self.out, "{label}> ").map_err(write_err)?;
        self.out.flush().map_err(write_err)?;
        let mut buf = Vec::new();
        // An unreadable input ends the session like the end of input does.
        let n = self.inp.read_until(b'\n', &mut buf).unwrap_or_default();
        if n == 0 {
            self.say("")?;
            return Ok(Line::Eof);
        }
        let text = String::from_utf8_lossy(&buf);
        let text = text.trim_end_matches(['\n', '\r']).to_string();
        if self.echo {
            self.say(&text)?;
        }
        Ok(Line::Text(text))
    }

    // ---- start: drafts ----

    fn sweep_notices(&mut self, sweep: &Sweep) -> Result<(), CliError> {
        let lang = self.lang;
        for x in sweep.expired.iter().filter(|x| x.kept != Some(Kept::AwaitingConfirmation)) {
            // Never "removed" unless it is gone (issue 12).
            let line = if x.deleted {
                fill!(s::EXPIRED_REMOVED, lang, label = x.label, on = x.created_on)
            } else {
                fill!(s::EXPIRED_KEPT, lang, label = x.label, on = x.created_on)
            };
            self.say(line)?;
        }
        for d in &sweep.damaged {
            let moved = d.moved_to.as_ref().map(|m| format!(" → {}", m.display())).unwrap_or_default();
            self.say(fill!(s::DAMAGED, lang, file = d.file, reason = d.reason.get(lang), moved = moved))?;
        }
        for wmsg in &sweep.warnings {
            self.say(fill!(s::WARNED, lang, text = wmsg.get(lang)))?;
        }
        Ok(())
    }

    /// Several drafts past day 60 at once (held by the sweep: a wrong clock looks the same): says
    /// which and why, and erases them only after a "yes" (issue 12). End of input keeps them.
    /// Whether some of them are still there (kept, or not erased).
    fn ask_erase_held(&mut self, store: &DraftStore, sweep: &Sweep) -> Result<bool, CliError> {
        let lang = self.lang;
        let held: Vec<_> =
            sweep.expired.iter().filter(|x| x.kept == Some(Kept::AwaitingConfirmation)).collect();
        if held.is_empty() {
            return Ok(false);
        }
        self.say(crate::fill!(s::HELD, self.lang, today = self.clock.today()))?;
        for x in &held {
            let label = crate::safe_text::inline(&x.label);
            self.say(fill!(s::HELD_ROW, lang, label = label, on = x.created_on))?;
        }
        let yes = match self.prompt(self.t(s::HELD_ASK))? {
            Line::Text(t) => matches!(t.trim().to_lowercase().as_str(), "yes" | "oui"),
            Line::Eof => false,
        };
        if !yes {
            self.say(self.t(s::HELD_KEPT))?;
            return Ok(true);
        }
        let after = store.sweep_erasing_all(&self.clock).map_err(cli_error)?;
        for x in &after.expired {
            // The label comes from a file on disk: neutralised, as in the list above.
            let label = crate::safe_text::inline(&x.label);
            let line = match &x.kept {
                None => fill!(s::HELD_ERASED, lang, label = label),
                Some(Kept::Failed(why)) => {
                    fill!(s::HELD_NOT_ERASED_WHY, lang, label = label, why = why.get(lang))
                }
                Some(_) => fill!(s::HELD_NOT_ERASED, lang, label = label),
            };
            self.say(line)?;
        }
        Ok(after.expired.iter().any(|x| x.kept.is_some()))
    }

    /// Reads a passphrase: on a terminal without echo; from piped input as a line, never echoed.
    /// `None` at the end of input.
    fn secret(&mut self, label: &str) -> Result<Option<zeroize::Zeroizing<String>>, CliError> {
        if !self.echo {
            self.out.flush().map_err(write_err)?;
            return Ok(rpassword::prompt_password(format!("{label}> ")).ok().map(zeroize::Zeroizing::new));
        }
        write!(self.out, "{label}> ").map_err(write_err)?;
        self.out.flush().map_err(write_err)?;
        let mut buf = zeroize::Zeroizing::new(Vec::new());
        let n = self.inp.read_until(b'\n', &mut buf).unwrap_or_default();
        self.say("")?;
        if n == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&buf);
        Ok(Some(zeroize::Zeroizing::new(text.trim_end_matches(['\n', '\r']).to_string())))
    }

    /// Opens draft `id`; one locked with a passphrase asks for it (three tries).
    fn open_asking(
        &mut self,
        store: &mut DraftStore,
        id: &str,
    ) -> Result<Result<OpenDraft, DraftError>, CliError> {
        let mut last = store.open_draft(id, &self.clock);
        let label = match &last {
            Err(DraftError::PassphraseNeeded { label, .. }) => crate::safe_text::inline(label).into_owned(),
            _ => return Ok(last),
        };
        for _ in 0..3 {
            let prompt = fill!(s::PASSPHRASE_OF, self.lang, id = id, label = label);
            let Some(typed) = self.secret(&prompt)? else { return Ok(last) };
            match Passphrase::new(&typed) {
                Ok(p) => store.set_passphrase(Some(p)),
                Err(t) => {
                    self.say(t.get(self.lang))?;
                    continue;
                }
            }
            last = store.open_draft(id, &self.clock);
            match &last {
                Err(e @ DraftError::WrongPassphrase { .. }) => self.say(e.words(self.lang))?,
                _ => return Ok(last),
            }
        }
        Ok(last)
    }

    /// The passphrase of a new draft started with "new locked" (typed twice). `Err(())` when the
    /// person gave up or the two differ (already said).
    fn ask_protection(&mut self) -> Result<Result<Option<Passphrase>, ()>, CliError> {
        let Some(first) = self.secret(self.t(s::NEW_PASSPHRASE))? else { return Ok(Err(())) };
        let p = match Passphrase::new_for_lock(&first) {
            Ok(p) => p,
            Err(t) => {
                self.say(t.get(self.lang))?;
                return Ok(Err(()));
            }
        };
        let Some(again) = self.secret(self.t(s::PASSPHRASE_AGAIN))? else { return Ok(Err(())) };
        if !Passphrase::new(&again).is_ok_and(|a| a.same_as(&p)) {
            self.say(self.t(s::PASSPHRASES_DIFFER))?;
            return Ok(Err(()));
        }
        Ok(Ok(Some(p)))
    }

    /// `held_kept`: drafts past day 60 were kept just now (not listed: they cannot be opened).
    fn choose_draft(
        &mut self,
        store: &mut DraftStore,
        sweep: &Sweep,
        held_kept: bool,
    ) -> Result<Option<OpenDraft>, CliError> {
        let lang = self.lang;
        let inspector = EngineInspector { q: self.q, today: self.clock.today() };
        let rows = DraftStore::summaries(sweep, &self.clock, &inspector);
        self.say(fill!(s::DRAFTS_IN, lang, dir = store.dir().display()))?;
        if rows.is_empty() {
            // Never "no drafts yet" while the drafts kept above are still on disk.
            let none = if held_kept { s::NO_DRAFT_TO_OPEN } else { s::NO_DRAFTS };
            self.say(format!("  {}", self.t(none)))?;
        }
        for (k, r) in rows.iter().enumerate() {
            let line = fill!(
                s::DRAFT_ROW,
                lang,
                n = k + 1,
                label = r.label,
                id = r.id,
                on = r.created_on,
                left = days_left(&r.expiry, lang),
                pct = r.progress_percent
            );
            self.say(line)?;
            if r.expiry.is_warning() {
                self.say(format!("     {}", self.t(s::DAYS_WARN)))?;
            }
        }
        // With no draft to open, the question does not offer numbers.
        let choose = if rows.is_empty() { s::CHOOSE_NEW } else { s::CHOOSE_DRAFT };
        loop {
            let Line::Text(line) = self.prompt(self.t(choose))? else {
                self.say(self.t(s::EOF))?;
                return Ok(None);
            };
            let choice = line.trim().to_lowercase();
            match choice.as_str() {
                "" => continue,
                "quit" | "exit" | "quitter" => return Ok(None),
                "?" | "help" | "aide" => {
                    self.say(self.t(choose))?;
                    continue;
                }
                "new" | "nouveau" | "new locked" | "nouveau verrouillé" | "nouveau verrouille" => loop {
                    let Line::Text(label) = self.prompt(self.t(s::LABEL_PROMPT))? else {
                        self.say(self.t(s::EOF))?;
                        return Ok(None);
                    };
                    if let Err(e) = crate::drafts::check_label(&label) {
                        self.say(e.words(self.lang))?;
                        continue;
                    }
                    let pass = match choice.contains(' ') {
                        false => None,
                        true => match self.ask_protection()? {
                            Ok(p) => p,
                            Err(()) => break,
                        },
                    };
                    let qref = QuestionnaireRef { id: self.q.id.clone(), version: self.q.version.clone() };
                    match store.create_protected(&label, qref, self.lang.code(), &self.clock, pass) {
                        Ok(open) => {
                            let e = open.draft.expiry(self.clock.today());
                            let line = fill!(
                                s::CREATED,
                                lang,
                                id = open.draft.id(),
                                label = open.draft.label,
                                on = open.draft.created_on(),
                                left = days_left(&e, lang)
                            );
                            self.say(line)?;
                            if open.draft.is_protected() {
                                self.say(self.t(s::LOCKED_NOTE))?;
                            }
                            return Ok(Some(open));
                        }
                        Err(e) => {
                            self.say(e.words(self.lang))?;
                            break;
                        }
                    }
                },
                _ if rows.is_empty() => self.say(self.t(s::NOTHING_TO_OPEN))?,
                _ => {
                    let id = match choice.parse::<usize>() {
                        Ok(n) if (1..=rows.len()).contains(&n) => Ok(rows[n - 1].id.clone()),
                        Ok(_) => {
                            self.say(self.t(s::NOT_A_DRAFT))?;
                            continue;
                        }
                        Err(_) => store.resolve(&choice),
                    };
                    let opened = match id {
                        Ok(id) => self.open_asking(store, &id)?,
                        Err(e) => Err(e),
                    };
                    match opened {
                        Ok(open) => {
                            let line = fill!(s::OPENED, lang, id = open.draft.id(), label = open.draft.label);
                            self.say(line)?;
                            return Ok(Some(open));
                        }
                        Err(e) => self.say(e.words(self.lang))?,
                    }
                }
            }
        }
    }

    // ---- the questionnaire ----

    fn walk(&mut self, open: OpenDraft) -> Result<i32, CliError> {
        let lang = self.lang;
        if let crate::drafts::Access::ReadOnly(why) = open.access() {
            self.say(fill!(s::READ_ONLY, lang, why = why.get(lang)))?;
        }
        let draft = crate::session::Draft::from_open(&open).map_err(|errs| {
            let id = open.draft.id();
            let c = crate::engine::text::colon;
            // Each answer's problem in the language of the words around it.
            let errors = |l: Lang| {
                let each: Vec<String> = errs
                    .iter()
                    .map(|e| format!("answers.\"{}\"{}{}", e.id, c(l), e.message.get(l)))
                    .collect();
                each.join("; ")
            };
            let errors = Text::new(errors(Lang::En), errors(Lang::Fr));
            CliError::usage(crate::fill_text!(s::DRAFT_UNREADABLE, id = id, errors = errors))
        })?;
        let q = self.q;
        let store = OpenStore { open, clock: self.clock, version: q.version.clone() };
        // Opened by the session core, as the TUI opens it (former ids migrated, paper mode held
        // only while a stop applies, accepted cautions kept). A relative path typed here is
        // relative to the folder plain mode runs in.
        let read_only = crate::session::DraftSink::read_only(&store);
        let session = Session::open(
            q,
            draft,
            self.clock.today(),
            self.lang,
            read_only,
            RelativePaths::FromWorkingFolder,
        );
        let screen = session.draft.screen.as_deref().and_then(|id| q.screen_index(id)).unwrap_or(0);
        let mut w = Walk { session, store, screen, last_intro: None, unsaved: None, return_to_review: false };
        let mut from = q.screens[w.screen].questions.start;
        let mut announced: Option<usize> = None;
        // A stop that applies (and that paper-preparation mode does not cover): the same choice as
        // when it fired — change the answer behind it, paper-preparation mode where that is the
        // advice, or quit — not a message said once before walking on (issue 14).
        let stop = w.session.on_leaving(q).filter(|f| !f.caution);
        let resumed = match stop {
            Some(fired @ Fired { question: Some(cause), .. }) => match self.fired(&mut w, &fired, cause)? {
                After::Continue => None,
                After::Back => Some(cause),
                After::Quit => return self.quit(&mut w),
                After::Eof => return self.eof(&mut w),
            },
            _ => {
                for r in w.session.ev.stops(q) {
                    let rule = &q.rules[r];
                    // One idea a line: the stop, then what it means.
                    self.say(fill!(
                        s::STOP_LINE,
                        lang,
                        code = self.code(&rule.id),
                        title = rule.title.get(lang)
                    ))?;
                    self.say(rule.message.get(lang))?;
                }
                None
            }
        };
        let ev = w.session.ev.clone();
        let paper = w.session.paper_mode;
        // "change": the answer behind the stop, asked again; else resuming starts at the first
        // question still to answer (on the saved screen or after).
        let start = resumed.or_else(|| {
            crate::session::journey::first_unanswered(q, &ev, &w.session.draft.answers, w.screen, paper)
        });
        if let Some(qi) = start {
            w.screen = q.questions[qi].screen;
            from = qi;
        }
        loop {
            let ev = w.session.ev.clone();
            if !ev.screen_visible.get(w.screen).copied().unwrap_or(false) {
                // A screen hidden now (the fee screen of a draft no longer ready, say): the next
                // visible one, else the one before (Review is always visible).
                match ev.next_screen(Some(w.screen)).or_else(|| ev.prev_screen(w.screen)) {
                    Some(n) if n != w.screen => {
                        w.screen = n;
                        from = q.screens[n].questions.start;
                        continue;
                    }
                    _ => return self.finish(&mut w, &ev),
                }
            }
            if announced != Some(w.screen) {
                self.header(&mut w, &ev)?;
                announced = Some(w.screen);
            }
            let next = ev.visible_questions(q, w.screen).find(|&qi| qi >= from);
            let Some(qi) = next else {
                match ev.next_screen(Some(w.screen)) {
                    Some(n) => {
                        w.screen = n;
                        from = q.screens[n].questions.start;
                        self.save(&mut w, false)?;
                        continue;
                    }
                    None => return self.finish(&mut w, &ev),
                }
            };
            let question = &q.questions[qi];
            if question.qtype == QType::Display {
                self.display(qi, &ev)?;
                from = qi + 1;
                continue;
            }
            // Paper-preparation mode: no file is given (the documents are gathered on paper).
            if w.session.paper_mode && crate::session::files::file_item(q, qi).is_some() {
                from = qi + 1;
                continue;
            }
            if let Some(value) = w.session.fixed_value(q, qi) {
                let label = answer_label(q, qi, &AnswerValue::Text(value.clone()), lang);
                let line = fill!(
                    s::FIXED,
                    lang,
                    number = question.number,
                    prompt = ev.prompt(q, qi, lang),
                    answer = label
                );
                self.say(line)?;
                // Stored, so the draft holds what the form shows (a persona file lists it too).
                if w.session.settle_fixed(q, qi) {
                    self.save(&mut w, false)?;
                }
                from = qi + 1;
                continue;
            }
            let review = q.screens.iter().position(|x| x.kind == ScreenKind::Review);
            match self.ask(&mut w, &ev, qi)? {
                Asked::Kept => from = qi + 1,
                Asked::Answered(change) => match self.after_answer(&mut w, &change, qi)? {
                    After::Continue => from = qi + 1,
                    After::Back => {
                        from = qi;
                        continue;
                    }
                    After::Quit => return self.quit(&mut w),
                    After::Eof => return self.eof(&mut w),
                },
                Asked::Goto(target) => {
                    w.return_to_review = q.screens[w.screen].kind == ScreenKind::Review;
                    if q.questions[target].screen != w.screen {
                        w.screen = q.questions[target].screen;
                        announced = None;
                    }
                    from = target;
                    continue;
                }
                Asked::Back => match self.previous(&ev, w.screen, qi) {
                    Some((sc, pq)) => {
                        if sc != w.screen {
                            w.screen = sc;
                            announced = None;
                        }
                        from = pq;
                    }
                    None => {
                        self.say(self.t(s::FIRST_QUESTION))?;
                        from = qi;
                    }
                },
                Asked::Quit => return self.quit(&mut w),
                Asked::Eof => return self.eof(&mut w),
            }
            // Changed from the review: back to it.
            if std::mem::take(&mut w.return_to_review)
                && let Some(r) = review
            {
                w.screen = r;
                from = q.screens[r].questions.start;
                announced = None;
            }
        }
    }

    /// A question the person answers (not display, not fixed by earlier answers).
    fn askable(&self, ev: &Evaluation, qi: usize) -> bool {
        self.q.questions[qi].qtype != QType::Display
            && crate::session::answering::fixed_value(self.q, qi, ev).is_none()
    }

    /// The question before `qi`: on this screen, else the last one of an earlier visible screen.
    fn previous(&self, ev: &Evaluation, screen: usize, qi: usize) -> Option<(usize, usize)> {
        let q = self.q;
        if let Some(p) = ev.visible_questions(q, screen).filter(|&x| x < qi && self.askable(ev, x)).last() {
            return Some((screen, p));
        }
        let mut sc = screen;
        while let Some(ps) = ev.prev_screen(sc) {
            if let Some(p) = ev.visible_questions(q, ps).filter(|&x| self.askable(ev, x)).last() {
                return Some((ps, p));
            }
            sc = ps;
        }
        None
    }

    fn header(&mut self, w: &mut Walk, ev: &Evaluation) -> Result<(), CliError> {
        let c = crate::engine::text::colon(self.lang);
        let q = self.q;
        let lang = self.lang;
        let screen = &q.screens[w.screen];
        let mut title = screen.title.get(lang).to_string();
        if let Some(i) = screen.item {
            let item = q.items[i].title.get(lang);
            if !title.contains(item) {
                title = format!("{title}{c}{item}");
            }
            if self.codes {
                title = format!("{title} [{}]", q.items[i].id);
            }
        }
        self.say("")?;
        // Numbered as the questions are (screen 11.2 holds questions 11.2.x); the count is the
        // last section's number, so it does not change as questions appear.
        let (number, total) = crate::session::journey::screen_counter(q, w.screen);
        self.say(fill!(s::SCREEN, lang, n = number, total = total, title = title))?;
        // The same figure as the TUI's header: it only moves forward for forward work.
        self.say(fill!(s::PROGRESS, lang, pct = ev.progress_percent(q)))?;
        if ev.minor
            && let Some(t) = q.text("minor_reminder")
        {
            self.say(t.get(lang))?;
        }
        // The document screens share one intro: say it once in a row.
        let prev_intro = w.last_intro.replace(screen.intro.as_ref().map(|t| t.get(lang).to_string()));
        if let Some(intro) = &screen.intro
            && prev_intro.flatten().as_deref() != Some(intro.get(lang))
        {
            self.say(intro.get(lang))?;
        }
        if let Some(i) = screen.item
            && let Some(r) = ev.items.iter().find(|r| r.item == i)
        {
            let req = if r.required { self.t(s::REQUIRED_WORD) } else { self.t(s::OPTIONAL_WORD) };
            let line = fill!(s::WHY_ON_SCREEN, lang, req = req, reason = ev.reason_text(q, r, lang));
            self.say(line)?;
            self.say(q.items[i].content.get(lang))?;
        }
        if screen.kind == ScreenKind::Review {
            self.review(w, ev)?;
            if let Some(t) = q.text("honesty") {
                self.say(t.get(lang))?;
            }
        }
        Ok(())
    }

    fn display(&mut self, qi: usize, ev: &Evaluation) -> Result<(), CliError> {
        let c = crate::engine::text::colon(self.lang);
        let q = self.q;
        let lang = self.lang;
        let question = &q.questions[qi];
        self.say("")?;
        match question.display.as_deref() {
            Some("indication") => {
                let text = ev.indication_text(q, lang).unwrap_or_else(|| "—".into());
                let label = q.text("indication_label").map(|l| l.get(lang).to_string()).unwrap_or_default();
                self.say(format!("{} {}{c}{text}", question.number, ev.prompt(q, qi, lang)))?;
                self.say(format!("  {label}"))
            }
            Some("fee_total") => {
                let line = format!(
                    "{} {}{c}CAD {}",
                    question.number,
                    ev.prompt(q, qi, lang),
                    crate::engine::eval::fee_total(q, 1)
                );
                self.say(line)
            }
            _ => self.say(format!("{} {}", question.number, ev.prompt(q, qi, lang))),
        }
    }

    /// Prints the question and reads answers until one is accepted or a command moves on.
    fn ask(&mut self, w: &mut Walk, ev: &Evaluation, qi: usize) -> Result<Asked, CliError> {
        let q = self.q;
        let lang = self.lang;
        // Only the options the earlier answers leave open.
        let shown = ev.shown_question(q, qi);
        let question: &Question = &shown;
        let env = EvEnv(ev);
        let mandatory = question.mandatory.eval(&env);
        let current = w.session.draft.answers.get(&question.id).cloned();
        let suggestion = w.session.suggestion(q, qi).filter(|_| current.is_none());
        self.print_question(w, ev, qi)?;
        loop {
            let Line::Text(line) = self.prompt(&question.number)? else { return Ok(Asked::Eof) };
            let typed = line.trim();
            if let Some(target) = change_target(typed) {
                match q.questions.iter().position(|x| x.number.eq_ignore_ascii_case(target)) {
                    Some(t)
                        if ev.visible[t]
                            && ev.screen_visible[q.questions[t].screen]
                            && self.askable(ev, t) =>
                    {
                        return Ok(Asked::Goto(t));
                    }
                    _ => {
                        self.say(fill!(s::NO_SUCH_QUESTION, lang, number = target))?;
                        continue;
                    }
                }
            }
            if let Some(note) = note_command(typed) {
                self.note(w, qi, note)?;
                continue;
            }
            if let Some(cmd) = command(typed) {
                match cmd {
                    Cmd::Help => {
                        self.help(qi)?;
                        self.print_question(w, ev, qi)?;
                    }
                    Cmd::Back => return Ok(Asked::Back),
                    Cmd::Quit => return Ok(Asked::Quit),
                    Cmd::Save => self.save(w, true)?,
                    Cmd::Checklist => {
                        self.checklist(ev)?;
                        self.print_question(w, ev, qi)?;
                    }
                    Cmd::Review => {
                        self.review(w, ev)?;
                        self.print_question(w, ev, qi)?;
                    }
                    Cmd::History => self.history(w)?,
                    Cmd::Codes => {
                        self.codes = !self.codes;
                        self.say(self.t(if self.codes { s::CODES_ON } else { s::CODES_OFF }))?;
                    }
                    Cmd::Skip => {
                        if mandatory {
                            self.say(self.t(s::CANNOT_SKIP))?;
                        } else {
                            let change = w.session.set(q, qi, None);
                            return self.commit(w, qi, change);
                        }
                    }
                }
                continue;
            }
            if typed.is_empty() {
                if let Some(c) = &current {
                    // A file named but never checked (an imported draft): Enter checks it now.
                    if let (Some(ii), AnswerValue::Text(path)) = (crate::session::files::file_item(q, qi), c)
                        && !w.store.open.is_read_only()
                        && !w.session.paper_mode
                        && !crate::documents::attach::attachments_of(&w.session.draft.attachments)
                            .iter()
                            .any(|a| a.item == q.items[ii].id && a.path.to_string_lossy() == path.as_str())
                    {
                        let path = path.clone();
                        let given = w.session.give_file(q, qi, &path);
                        match self.answered(w, qi, given)? {
                            Some(r) => return Ok(r),
                            None => continue,
                        }
                    }
                    if ev.values[qi].is_some() {
                        return Ok(Asked::Kept);
                    }
                    for p in ev.problems_for(qi) {
                        self.say(p.message.get(lang))?;
                    }
                    continue;
                }
                if let Some(sg) = &suggestion {
                    let given = w.session.answer_checked(q, qi, &AnswerValue::Text(sg.clone()));
                    if let Some(r) = self.answered(w, qi, given)? {
                        return Ok(r);
                    }
                    continue;
                }
                if !mandatory {
                    return Ok(Asked::Kept);
                }
                self.say(self.t(s::REQUIRED))?;
                continue;
            }
            let typed = typed.strip_prefix('\\').unwrap_or(typed);
            let raw = match raw_answer(q, question, typed, lang) {
                Ok(raw) => raw,
                Err(msg) => {
                    self.say(msg)?;
                    continue;
                }
            };
            let given = w.session.answer_checked(q, qi, &raw);
            if let Some(r) = self.answered(w, qi, given)? {
                return Ok(r);
            }
        }
    }

    /// The whole question: number, prompt, options, hints, the current or suggested answer and
    /// the agent's note. Said again after `?`, `checklist` and `review`.
    fn print_question(&mut self, w: &Walk, ev: &Evaluation, qi: usize) -> Result<(), CliError> {
        let q = self.q;
        let lang = self.lang;
        let shown = ev.shown_question(q, qi);
        let question: &Question = &shown;
        let env = EvEnv(ev);
        let mandatory = question.mandatory.eval(&env);
        let current = w.session.draft.answers.get(&question.id).cloned();
        let suggestion = w.session.suggestion(q, qi).filter(|_| current.is_none());
        self.say("")?;
        let mut head = format!("{} {}", question.number, ev.prompt(q, qi, lang));
        if let Some(h) = type_hint(question.qtype)
            && !question.qtype.is_pick()
            && question.qtype != QType::File
            && !head.contains("YYYY")
            && !head.contains("AAAA")
        {
            head = format!("{head} ({})", h.get(lang));
        }
        self.say(head)?;
        self.options(question, ev, qi)?;
        let mut hints = vec![];
        if question.na {
            hints.push(self.t(s::NA_HINT));
        }
        if question.unknown && !question.options.iter().any(|o| o.id == "unknown") {
            hints.push(self.t(s::UNK_HINT));
        }
        if !mandatory {
            hints.push(self.t(s::OPTIONAL));
        }
        if !hints.is_empty() {
            self.say(format!("  {}", hints.join(" ")))?;
        }
        if let Some(cur) = &current {
            let shown = match &ev.values[qi] {
                Some(v) => answer_label(q, qi, v, lang),
                None => cur.display(),
            };
            self.say(fill!(s::CURRENT, lang, answer = shown))?;
            for p in ev.problems_for(qi) {
                self.say(format!("  {}", p.message.get(lang)))?;
            }
        } else if let Some(sg) = &suggestion {
            let label = answer_label(q, qi, &AnswerValue::Text(sg.clone()), lang);
            self.say(fill!(s::SUGGESTED, lang, answer = label))?;
        }
        if let Some(note) = w.session.draft.notes.get(&q.questions[qi].id) {
            let note = crate::safe_text::inline(note).into_owned();
            self.say(format!("  {}", fill!(s::NOTE_LABEL, lang, note = note)))?;
        }
        Ok(())
    }

    /// What the session core made of an answer: refused (the reason said, the previous answer
    /// kept: None), or stored (a file checked is said; then saved).
    fn answered(
        &mut self,
        w: &mut Walk,
        qi: usize,
        given: Result<Change, Refusal>,
    ) -> Result<Option<Asked>, CliError> {
        match given {
            Err(Refusal::Invalid(why)) => {
                for t in why {
                    self.say(t.get(self.lang))?;
                }
                self.say(self.t(s::TRY_AGAIN))?;
                Ok(None)
            }
            Err(r) => {
                let line = format!("{} {}", r.text().get(self.lang), self.t(s::TRY_AGAIN));
                self.say(line)?;
                Ok(None)
            }
            Ok(change) => {
                if let Some(a) = &change.attachment {
                    let (name, kind) = (a.file_name(), a.file_type.code().to_uppercase());
                    let size = crate::documents::attach::human_size_in(a.size, self.lang);
                    let sha = &a.sha256[..12.min(a.sha256.len())];
                    let line = if a.kind == crate::documents::attach::Kind::Explanation {
                        fill!(s::LETTER_CHECKED, self.lang, name = name, kind = kind, size = size, sha = sha)
                    } else {
                        fill!(s::FILE_CHECKED, self.lang, name = name, kind = kind, size = size, sha = sha)
                    };
                    self.say(line)?;
                }
                Ok(Some(self.commit(w, qi, change)?))
            }
        }
    }

    /// Check your answers: every answer by section, whole, with the number to type to change it.
    fn check_your_answers(&mut self, w: &Walk, ev: &Evaluation) -> Result<(), CliError> {
        let c = crate::engine::text::colon(self.lang);
        let q = self.q;
        let lang = self.lang;
        // Told not to apply online: the answers given, never the ones that no longer matter.
        let given_only = do_not_apply(ev, w.session.paper_mode);
        self.say(self.t(if given_only { s::ANSWERS_GIVEN } else { s::CHECK_ANSWERS }))?;
        let mut last = usize::MAX;
        // On paper no file is given: the documents are gathered (the paper route lists them).
        for qi in w.session.review_entries(q) {
            let question = &q.questions[qi];
            if given_only && !crate::session::journey::answered(w.session.draft.answers.get(&question.id)) {
                continue;
            }
            if question.screen != last {
                last = question.screen;
                let sc = &q.screens[last];
                let mut title = sc.title.get(lang).to_string();
                // "Documents — Birth certificate", not the item's title said twice.
                if let Some(i) = sc.item
                    && !title.contains(q.items[i].title.get(lang))
                {
                    title = format!("{title}{c}{}", q.items[i].title.get(lang));
                }
                if given_only {
                    self.say(format!("-- {} {title}", sc.number))?;
                } else {
                    let state = crate::session::journey::screen_state(q, ev, last).words(lang);
                    self.say(format!("-- {} {title} ({state})", sc.number))?;
                }
            }
            let note = w.session.draft.notes.get(&question.id);
            let answer = crate::session::journey::answer_words(q, ev, &w.session.draft.answers, qi, lang);
            let mark = if ev.has_error(qi) {
                "✗ "
            } else if ev.missing.contains(&qi) {
                "* "
            } else {
                ""
            };
            self.say(format!("  {mark}{} {}{c}{answer}", question.number, ev.prompt(q, qi, lang)))?;
            if let Some(note) = note {
                let note = crate::safe_text::inline(note).into_owned();
                self.say(format!("    {}", fill!(s::NOTE_LABEL, lang, note = note)))?;
            }
        }
        self.say(self.t(s::CHANGE_HOW))
    }

    /// The review: check your answers, then the report; on the paper route, its review instead
    /// (which application, the documents to gather, payment), never the online report that
    /// would count the files not given on paper as missing.
    fn review(&mut self, w: &mut Walk, ev: &Evaluation) -> Result<(), CliError> {
        if do_not_apply(ev, w.session.paper_mode) {
            // Why first, in words: the stop and the answer behind it (issue 14).
            self.say(self.t(s::DO_NOT_APPLY_REVIEW))?;
            let answers = &w.session.draft.answers;
            let causes: BTreeSet<usize> = ev
                .stops(self.q)
                .into_iter()
                .filter_map(|r| crate::session::fires::cause(self.q, answers, ev, r))
                .collect();
            for qi in causes {
                let line = crate::session::fires::question_line(self.q, ev, qi, self.lang);
                self.say(fill!(s::BECAUSE, self.lang, question = line))?;
            }
        }
        self.check_your_answers(w, ev)?;
        if !w.session.paper_mode {
            return self.report(w, ev);
        }
        self.say(self.t(s::PAPER_REVIEW))?;
        for line in crate::session::paper::screen_lines(self.q, ev, self.lang, self.codes) {
            self.say(line)?;
        }
        Ok(())
    }

    /// "CL-ID1 " when codes are on (`codes`), else nothing.
    fn code(&self, code: &str) -> String {
        if self.codes { format!("[{code}] ") } else { String::new() }
    }

    /// `note TEXT` sets the note on question `qi`, `note clear` removes it, `note` alone says it.
    /// Kept in the draft and in its history (the question, never the text).
    fn note(&mut self, w: &mut Walk, qi: usize, text: &str) -> Result<(), CliError> {
        use crate::drafts::history;
        let id = self.q.questions[qi].id.clone();
        let number = self.q.questions[qi].number.clone();
        if text.is_empty() {
            match w.session.draft.notes.get(&id) {
                Some(n) => {
                    let n = crate::safe_text::inline(n).into_owned();
                    self.say(fill!(s::NOTE_LABEL, self.lang, note = n))?;
                }
                None => self.say(self.t(s::NOTE_NONE))?,
            }
            return self.say(self.t(s::NOTE_HOW));
        }
        if w.store.open.is_read_only() {
            return self.say(self.t(s::NOTE_NOT_SAVED_READ_ONLY));
        }
        let clear = matches!(text.to_lowercase().as_str(), "clear" | "effacer");
        let before = w.session.draft.notes.get(&id).cloned();
        if clear {
            if before.is_none() {
                return self.say(self.t(s::NOTE_NONE));
            }
            w.session.draft.notes.remove(&id);
        } else {
            let note = match history::check_note(text) {
                Ok(n) => n,
                Err(why) => return self.say(fill!(s::NOTE_NOT_SAVED, self.lang, why = why.get(self.lang))),
            };
            if !w.session.draft.notes.contains_key(&id) && w.session.draft.notes.len() >= history::MAX_NOTES {
                return self.say(fill!(s::NOTES_FULL, self.lang, max = history::MAX_NOTES));
            }
            w.session.draft.notes.insert(id.clone(), note);
        }
        // Saving writes the note and a history entry naming the question (never the text).
        self.save(w, false)?;
        if w.unsaved.is_some() {
            // The save said why; the note is not kept as if it were.
            match before {
                Some(b) => w.session.draft.notes.insert(id, b),
                None => w.session.draft.notes.remove(&id),
            };
            return Ok(());
        }
        self.say(if clear {
            fill!(s::NOTE_CLEARED, self.lang, number = number)
        } else {
            fill!(s::NOTE_SAVED, self.lang, number = number)
        })
    }

    /// The draft's history (`history`): when it was created, opened and saved, and which
    /// questions changed (numbers, never values), the last 30 entries.
    fn history(&mut self, w: &Walk) -> Result<(), CliError> {
        const SHOWN: usize = 30;
        let entries = &w.store.open.draft.history;
        if entries.is_empty() {
            return self.say(self.t(s::HISTORY_NONE));
        }
        self.say(self.t(s::HISTORY_HEAD))?;
        let recent = &entries[entries.len().saturating_sub(SHOWN)..];
        let lines = crate::session::journey::history_lines(self.q, recent, self.lang);
        for l in lines {
            self.say(format!("  {l}"))?;
        }
        Ok(())
    }

    /// Readiness item by item, with the recorded files read again (an explicit review, not a
    /// keystroke): the session core's.
    fn readiness(&self, w: &mut Walk) -> crate::documents::readiness::Readiness {
        w.session.check_files(self.q);
        w.session.rd.clone()
    }

    /// The full report (outcome, checklist as it truly is, missing answers, ready, fee).
    /// Without `codes`, in words only (a screen reader reads every letter of "IN-17 [INCOMPLETE]"
    /// and of a SHA-256); with `codes`, the `check` command's text, codes and all.
    fn report(&mut self, w: &mut Walk, ev: &Evaluation) -> Result<(), CliError> {
        if !self.codes {
            let rd = self.readiness(w);
            return self.report_in_words(ev, &rd);
        }
        let rd = self.readiness(w);
        let text = report::check_text(self.q, ev, &rd, self.lang);
        self.say(text.trim_end())?;
        let more = report::readiness_text(&rd, self.lang);
        if !more.trim().is_empty() {
            self.say(more.trim_end())?;
        }
        Ok(())
    }

    /// The review's report in words, one idea a line: the outcome, the rules that apply, the Act
    /// indication, the list with each item's status as it is now, what is missing or to correct,
    /// whether it is ready (and why not), the fee. No rule, item or question codes.
    fn report_in_words(
        &mut self,
        ev: &Evaluation,
        rd: &crate::documents::readiness::Readiness,
    ) -> Result<(), CliError> {
        let q = self.q;
        let lang = self.lang;
        let c = crate::engine::text::colon(lang);
        let outcome =
            match ev.outcome {
                Outcome::OnlineOk => lang
                    .pick("you can use the online application", "vous pouvez utiliser la demande en ligne"),
                Outcome::StopPaper => lang
                    .pick("you must submit a paper application", "vous devez présenter une demande papier"),
                Outcome::StopWrongApplication => {
                    lang.pick("this is not the right application", "ce n’est pas la bonne demande")
                }
                Outcome::StopDoNotApply => {
                    lang.pick("do not apply online", "ne présentez pas de demande en ligne")
                }
                _ => lang.pick("not decided yet", "pas encore établi"),
            };
        self.say(fill!(s::OUTCOME, lang, outcome = outcome))?;
        for &r in &ev.fired {
            let rule = &q.rules[r];
            self.say(format!("  {}", rule.title.get(lang)))?;
            self.say(format!("    {}", rule.message.get(lang)))?;
        }
        // Told not to apply online: nothing the application would need is listed (no indication,
        // no missing answers, no fee), only what is wrong and that it is not ready.
        let stopped = ev.outcome == Outcome::StopDoNotApply;
        match ev.indication_text(q, lang) {
            _ if stopped => {}
            Some(text) => {
                self.say(fill!(s::INDICATION, lang, text = text))?;
                if let Some(l) = q.text("indication_label") {
                    self.say(format!("  {}", l.get(lang)))?;
                }
            }
            None => self.say(self.t(s::NO_INDICATION))?,
        }
        if ev.outcome == Outcome::StopPaper {
            self.checklist(ev)?;
        } else if ev.outcome == Outcome::OnlineOk {
            self.say(self.t(s::CHECKLIST))?;
            for r in &ev.items {
                let it = &q.items[r.item];
                // The status true now: a file named but never checked is not "provided".
                let status = rd
                    .items
                    .iter()
                    .find(|i| i.id == it.id)
                    .map_or(r.status.label(lang), |i| i.shown_status(lang));
                let req = if r.required { self.t(s::REQUIRED_WORD) } else { self.t(s::OPTIONAL_WORD) };
                self.say(format!("  {}{c}{status} ({req})", it.title.get(lang)))?;
            }
        }
        let question = |qi: usize| format!("{} {}", q.questions[qi].number, ev.prompt(q, qi, lang));
        if !ev.missing.is_empty() && !stopped {
            self.say(self.t(s::MISSING_HEAD))?;
            for &qi in &ev.missing {
                self.say(format!("  {}", question(qi)))?;
            }
        }
        for (sev, title) in [(Severity::Error, s::TO_CORRECT_HEAD), (Severity::Warning, s::WARNINGS_HEAD)] {
            let ps: Vec<_> = ev.problems.iter().filter(|p| p.severity == sev).collect();
            if !ps.is_empty() {
                self.say(self.t(title))?;
                for p in ps {
                    self.say(format!("  {}{c}{}", q.questions[p.question].number, p.message.get(lang)))?;
                }
            }
        }
        let ready = rd.ready(ev);
        // What is left is listed above (rules, list, missing answers, answers to correct), once;
        // only the files' own problems are said here.
        self.say(self.t(if ready { s::READY_YES } else { s::READY_NO_SHORT }))?;
        if !ready && ev.outcome == Outcome::OnlineOk {
            for p in report::file_problems(rd, lang) {
                self.say(format!("  - {p}"))?;
            }
        }
        if stopped {
            return Ok(());
        }
        self.say(fill!(s::FEE, lang, amount = q.fee.per_person_cad))
    }

    /// Saves after an answer stored by the session core; says the notes on it.
    fn commit(&mut self, w: &mut Walk, qi: usize, change: Change) -> Result<Asked, CliError> {
        self.save(w, false)?;
        let notes: Vec<String> = w
            .session
            .ev
            .problems_for(qi)
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| p.message.get(self.lang).to_string())
            .collect();
        for n in notes {
            self.say(fill!(s::NOTE, self.lang, text = n))?;
        }
        Ok(Asked::Answered(Box::new(change)))
    }

    /// After an accepted answer: answers set aside or brought back, new stops, cautions and
    /// document problems.
    fn after_answer(&mut self, w: &mut Walk, change: &Change, qi: usize) -> Result<After, CliError> {
        let q = self.q;
        let lang = self.lang;
        let numbers = |v: &[usize]| -> Vec<String> {
            let set: BTreeSet<usize> = v.iter().copied().collect();
            set.into_iter().map(|qi| q.questions[qi].number.clone()).collect()
        };
        let gone = numbers(&change.set_aside);
        if !gone.is_empty() {
            self.say(fill!(s::SET_ASIDE, lang, numbers = gone.join(", ")))?;
        }
        let back = numbers(&change.back_in);
        if !back.is_empty() {
            self.say(fill!(s::BACK_IN, lang, numbers = back.join(", ")))?;
        }
        for &r in &change.blocked {
            let rule = &q.rules[r];
            self.say(fill!(s::BLOCKED, lang, code = self.code(&rule.id), title = rule.title.get(lang)))?;
            self.say(rule.message.get(lang))?;
        }
        match change.fired.clone() {
            Some(fired) => self.fired(w, &fired, qi),
            None => Ok(After::Continue),
        }
    }

    /// A stop or a caution set off by the answer to `qi`: says it, with the answer behind it, and
    /// asks what to do (change the answer, go on in paper-preparation mode where that is the
    /// advice, confirm a caution, or quit). The same when it fires and when a draft is resumed
    /// where a stop applies.
    fn fired(&mut self, w: &mut Walk, fired: &Fired, qi: usize) -> Result<After, CliError> {
        let q = self.q;
        let lang = self.lang;
        let after = w.session.ev.clone();
        let after = &after;
        let kind = if fired.caution { s::CAUTION } else { s::STOP };
        let because =
            fill!(s::BECAUSE, lang, question = crate::session::fires::question_line(q, after, qi, lang));
        self.say(&because)?;
        for &r in &fired.rules {
            self.rule_text(r, kind, fired.paper_ok)?;
        }
        loop {
            let Line::Text(line) = self.prompt(self.t(kind))? else { return Ok(After::Eof) };
            // An agent's words work here too: a note on the question that set it off, the
            // history, the codes.
            if let Some(note) = note_command(line.trim()) {
                self.note(w, qi, note)?;
                continue;
            }
            match (fired.caution, line.trim().to_lowercase().as_str()) {
                (_, "history" | "historique") => self.history(w)?,
                (_, "codes") => {
                    self.codes = !self.codes;
                    self.say(self.t(if self.codes { s::CODES_ON } else { s::CODES_OFF }))?;
                }
                (_, "change" | "changer" | "back" | "retour") => return Ok(After::Back),
                (false, "paper" | "papier" | "continue" | "continuer") if fired.paper_ok => {
                    // Kept in the draft, so the full-screen interface knows it too.
                    w.session.enter_paper_mode(q);
                    self.say(self.t(s::PAPER_MODE))?;
                    self.save(w, false)?;
                    return Ok(After::Continue);
                }
                (
                    true,
                    "yes" | "y" | "oui" | "o" | "i understand" | "je comprends" | "understand" | "compris",
                ) => {
                    w.session.acknowledge(q, &fired.rules);
                    self.save(w, false)?;
                    return Ok(After::Continue);
                }
                (_, "quit" | "exit" | "quitter") => return Ok(After::Quit),
                (_, "?" | "help" | "aide") => {
                    self.say(&because)?;
                    for &r in &fired.rules {
                        self.rule_text(r, kind, fired.paper_ok)?;
                    }
                }
                (_, "checklist" | "liste") => self.checklist(after)?,
                (_, "review" | "revue") => self.report(w, after)?,
                (_, "save" | "enregistrer") => self.save(w, true)?,
                (true, _) => self.say(self.t(s::CAUTION_BAD))?,
                (false, _) if fired.paper_ok => self.say(self.t(s::STOP_CHOICE_BAD))?,
                (false, _) => self.say(self.t(s::STOP_CHOICE_BAD_NO_PAPER))?,
            }
        }
    }

    fn rule_text(&mut self, r: usize, kind: Tr, paper_ok: bool) -> Result<(), CliError> {
        let rule = &self.q.rules[r];
        let lang = self.lang;
        let (code, title) = (self.code(&rule.id), rule.title.get(lang));
        self.say(if kind == s::STOP {
            fill!(s::STOP_HEAD, lang, code = code, title = title)
        } else {
            fill!(s::CAUTION_HEAD, lang, code = code, title = title)
        })?;
        self.say(rule.message.get(lang))?;
        if let Some(quote) = rule.quote_words(lang) {
            self.say(fill!(s::GUIDE_QUOTE, lang, quote = quote))?;
            let source = crate::session::journey::source_words(&rule.source, lang, self.codes);
            self.say(fill!(s::SOURCE, lang, source = source))?;
        }
        if let Some(info) = &rule.info {
            self.say(info.get(lang))?;
        }
        let choices = match (kind == s::STOP, paper_ok) {
            (true, true) => s::STOP_CHOICES,
            (true, false) => s::STOP_CHOICES_NO_PAPER,
            (false, _) => s::CAUTION_CONFIRM,
        };
        self.say(self.t(choices))
    }

    /// The options to say; provinces and offices the earlier answers rule out are left out.
    fn options(&mut self, question: &Question, ev: &Evaluation, qi: usize) -> Result<(), CliError> {
        let q = self.q;
        let lang = self.lang;
        match question.qtype {
            QType::YesNo | QType::Choice => {
                let parts: Vec<String> = (0..question.options.len())
                    .map(|k| format!("{}) {}", option_key(question, k), question.options[k].label.get(lang)))
                    .collect();
                let short = parts.iter().map(String::len).sum::<usize>() < 70;
                if short {
                    self.say(format!("  {}", parts.join("  ")))
                } else {
                    for p in parts {
                        self.say(format!("  {p}"))?;
                    }
                    Ok(())
                }
            }
            QType::Province => {
                let parts: Vec<String> = q
                    .provinces
                    .iter()
                    .enumerate()
                    // Numbers stay those typed back (the full list's), gaps and all.
                    .filter(|(_, p)| ev.value_offered(q, qi, &p.code))
                    .map(|(k, p)| {
                        // "Alberta", not "Alberta (CA-AB)": a screen reader reads every letter.
                        if self.codes {
                            format!("{}) {} [{}]", k + 1, p.name.get(lang), p.code)
                        } else {
                            format!("{}) {}", k + 1, p.name.get(lang))
                        }
                    })
                    .collect();
                for p in parts {
                    self.say(format!("  {p}"))?;
                }
                Ok(())
            }
            QType::Office => {
                let parts: Vec<String> = q
                    .offices
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| ev.value_offered(q, qi, &o.id))
                    .map(|(k, o)| format!("{}) {}", k + 1, o.name.get(lang)))
                    .collect();
                for p in parts {
                    self.say(format!("  {p}"))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn help(&mut self, qi: usize) -> Result<(), CliError> {
        let q = self.q;
        let lang = self.lang;
        let question = &q.questions[qi];
        let help = question.help.get(lang);
        self.say(if help.is_empty() { self.t(s::NO_HELP) } else { help })?;
        let source = crate::session::journey::source_words(&question.source, lang, self.codes);
        self.say(fill!(s::SOURCE, lang, source = source))?;
        let how = type_hint(question.qtype).map(|h| h.get(lang)).unwrap_or("");
        if !how.is_empty() {
            self.say(fill!(s::HOW_TO_ANSWER, lang, how = how))?;
        }
        if (question.na || question.unknown)
            && let Some(t) = q.text("na_unknown")
        {
            self.say(t.get(lang))?;
        }
        self.say(self.t(s::COMMANDS))?;
        self.say(self.t(s::COMMANDS_MORE))
    }

    fn checklist(&mut self, ev: &Evaluation) -> Result<(), CliError> {
        let c = crate::engine::text::colon(self.lang);
        let q = self.q;
        let lang = self.lang;
        if ev.outcome == Outcome::StopPaper {
            // On paper: the documents to gather, in substance (the same list as the TUI's).
            self.say(self.t(s::PAPER_LIST))?;
            for (title, what) in crate::session::paper::documents(q, ev, lang) {
                self.say(format!("  • {title}{c}{what}"))?;
            }
            return Ok(());
        }
        let items = &ev.items;
        self.say(self.t(s::CHECKLIST))?;
        if items.is_empty() {
            self.say(format!("  {}", self.t(s::NONE_YET)))?;
        }
        for r in items {
            let it = &q.items[r.item];
            let req = if r.required { self.t(s::REQUIRED_WORD) } else { self.t(s::OPTIONAL_WORD) };
            let line =
                format!("  [{}] {}{} ({req})", r.status.label(lang), self.code(&it.id), it.title.get(lang));
            self.say(line)?;
            let why = fill!(s::WHY, lang, reason = ev.reason_text(q, r, lang));
            self.say(format!("      {why}"))?;
        }
        Ok(())
    }

    /// Writes the draft (answers and the screen to resume on) through the session core.
    /// `loud`: say "Saved."
    fn save(&mut self, w: &mut Walk, loud: bool) -> Result<(), CliError> {
        if w.store.open.is_read_only() {
            if loud {
                self.say(self.t(s::NOT_SAVED_READ_ONLY))?;
            }
            return Ok(());
        }
        w.session.draft.screen = Some(self.q.screens[w.screen].id.clone());
        match w.session.save(self.q, &mut w.store) {
            Ok(()) => {
                w.unsaved = None;
                if loud { self.say(self.t(s::SAVED)) } else { Ok(()) }
            }
            Err(e) => {
                let line = fill!(s::NOT_SAVED, self.lang, why = e.words(self.lang));
                w.unsaved = Some(e.explain());
                self.say(line)
            }
        }
    }

    fn quit(&mut self, w: &mut Walk) -> Result<i32, CliError> {
        self.save(w, false)?;
        if let Some(why) = w.unsaved.clone() {
            self.say(fill!(s::QUIT_NOT_SAVED, self.lang, why = why.get(self.lang)))?;
            return Ok(1);
        }
        let line = if w.store.open.is_read_only() {
            self.t(s::QUIT_UNSAVED).to_string()
        } else {
            fill!(s::QUIT_SAVED, self.lang, id = w.session.draft.id)
        };
        self.say(line)?;
        Ok(0)
    }

    fn eof(&mut self, w: &mut Walk) -> Result<i32, CliError> {
        self.say(self.t(s::EOF))?;
        self.quit(w)
    }

    fn finish(&mut self, w: &mut Walk, ev: &Evaluation) -> Result<i32, CliError> {
        self.save(w, false)?;
        self.say("")?;
        self.say(self.t(s::THE_END))?;
        let rd = self.readiness(w);
        let ready = w.session.ready();
        self.say(self.t(if ready { s::READY_YES } else { s::READY_NO }))?;
        if !ready && ev.ready {
            for p in report::file_problems(&rd, self.lang) {
                self.say(format!("  - {p}"))?;
            }
        }
        self.say(fill!(s::FEE, self.lang, amount = crate::engine::eval::fee_total(self.q, 1)))?;
        self.say("")?;
        let paper = w.session.paper_mode;
        if paper {
            self.say(self.t(s::PAPER_ROUTE))?;
            for line in crate::session::paper::screen_lines(self.q, ev, self.lang, self.codes) {
                self.say(line)?;
            }
            self.say(self.t(s::PAPER_COMMANDS))?;
        } else {
            self.say(self.t(s::WHAT_NEXT))?;
            for line in crate::session::journey::next_steps(ready, self.lang) {
                self.say(line)?;
            }
            self.say(self.t(s::NEXT_COMMANDS))?;
        }
        while let Line::Text(line) = self.prompt(self.t(s::NEXT_PROMPT))? {
            let line = line.trim();
            let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let rest = rest.trim();
            match word.to_lowercase().as_str() {
                "" | "done" | "fini" | "quit" | "exit" | "quitter" => break,
                "export" | "exporter" if paper => {
                    let dir = crate::session::files::expand_home(if rest.is_empty() { "." } else { rest });
                    let stem = format!("citcert-paper-{}", w.session.draft.id);
                    let label = w.session.draft.label.clone();
                    match crate::session::paper::write_summary(self.q, ev, &label, &dir, &stem, self.lang) {
                        Ok(files) => {
                            for f in files {
                                self.say(fill!(s::WROTE, self.lang, path = f.display()))?;
                            }
                        }
                        Err(e) => self.say(e.get(self.lang))?,
                    }
                }
                "package" | "paquet" if paper => self.say(self.t(s::NO_PACKAGE_ON_PAPER))?,
                "export" | "exporter" => {
                    let dir = crate::session::files::expand_home(if rest.is_empty() { "." } else { rest });
                    let stem = format!("citcert-summary-{}", w.session.draft.id);
                    let src = self.source(w);
                    match crate::documents::handoff::write_summary(
                        self.q,
                        &src,
                        &dir,
                        &stem,
                        &self.clock,
                        self.lang,
                    ) {
                        Ok(files) => {
                            for f in files {
                                self.say(fill!(s::WROTE, self.lang, path = f.display()))?;
                            }
                        }
                        Err(e) => self.say(e.get(self.lang))?,
                    }
                }
                "package" | "paquet" if rest.is_empty() => self.say(self.t(s::PACKAGE_NEEDS_FOLDER))?,
                "package" | "paquet" => {
                    let dir = crate::session::files::expand_home(rest);
                    let src = self.source(w);
                    match crate::documents::handoff::build_package(self.q, &src, &dir, &self.clock, self.lang)
                    {
                        Ok(built) => {
                            for n in &built.notices {
                                self.say(n.get(self.lang))?;
                            }
                            for l in built.lines(self.lang) {
                                self.say(l)?;
                            }
                        }
                        Err(e) => self.say(e.words(self.lang))?,
                    }
                }
                "review" | "revue" => self.review(w, ev)?,
                _ if paper => self.say(self.t(s::PAPER_COMMANDS))?,
                _ => self.say(self.t(s::NEXT_COMMANDS))?,
            }
        }
        if let Some(why) = w.unsaved.clone() {
            self.say(fill!(s::QUIT_NOT_SAVED, self.lang, why = why.get(self.lang)))?;
            return Ok(1);
        }
        if !w.store.open.is_read_only() {
            self.say(fill!(s::SAVED_IN, self.lang, id = w.session.draft.id))?;
        }
        Ok(0)
    }

    /// The walk's answers and files, as the export and the package read them (the session's).
    fn source(&self, w: &Walk) -> crate::documents::handoff::Source {
        w.session.source()
    }
}

/// A "do not apply" stop applies (not on the paper route): the review says why and lists the
/// answers given, not the ones that no longer matter.
fn do_not_apply(ev: &Evaluation, paper_mode: bool) -> bool {
    !paper_mode && ev.outcome == Outcome::StopDoNotApply
}

/// "note TEXT": the note's text ("" for `note` alone), or None when the line is not a note command.
fn note_command(typed: &str) -> Option<&str> {
    let (word, rest) = typed.split_once(char::is_whitespace).unwrap_or((typed, ""));
    word.eq_ignore_ascii_case("note").then(|| rest.trim())
}

/// "change 4.2" / "changer 4.2": the question number to go to.
fn change_target(typed: &str) -> Option<&str> {
    let (word, rest) = typed.split_once(char::is_whitespace)?;
    matches!(word.to_lowercase().as_str(), "change" | "changer")
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

fn type_hint(t: QType) -> Option<Tr> {
    Some(match t {
        QType::Date => s::HINT_DATE,
        QType::PDate => s::HINT_PDATE,
        QType::List => s::HINT_LIST,
        QType::Country => s::HINT_COUNTRY,
        QType::Province => s::HINT_PROVINCE,
        QType::Issuer => s::HINT_ISSUER,
        QType::Office => s::HINT_OFFICE,
        QType::Height => s::HINT_HEIGHT,
        QType::File => s::HINT_FILE,
        QType::Email => s::HINT_EMAIL,
        QType::YesNo | QType::Choice => s::HINT_CHOICE,
        _ => return None,
    })
}

/// "12 days left" in the interface language.
fn days_left(e: &crate::drafts::Expiry, lang: Lang) -> String {
    e.describe_in(lang)
}
