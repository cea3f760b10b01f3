//! `citcert drafts …`: list, new, show, delete, purge, export, import.
//!
//! Every command first sweeps the folder (expired drafts deleted, damaged files quarantined) and
//! reports what it did on stderr — labels and start dates only, never an answer. Answers reach
//! stdout only for `show` and `export`, which the user asked for.
//!
//! Exit status: 0 done; 1 the draft is locked elsewhere / read-only, or a file error; 2 bad
//! arguments, unknown or ambiguous id, damaged input, delete refused without confirmation;
//! 3 the draft has expired (DR-16).

use clap::Subcommand;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{AnswerInspector, DraftError, DraftStore, DraftSummary, Sweep};
use crate::cli::{CliError, GlobalArgs};
use crate::clock::Clock;

#[derive(Debug, Clone, Subcommand)]
pub enum DraftsCommand {
    /// List drafts: label, id, start date, days left, progress.
    List,
    /// Start a new draft today.
    New {
        /// A name you choose, e.g. "Liam — first certificate".
        #[arg(long)]
        label: String,
    },
    /// Show one draft and its answers.
    Show {
        /// The draft id, or an unambiguous start of it.
        id: String,
    },
    /// Delete a draft now (asks for confirmation).
    Delete {
        id: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Delete every draft older than 60 days.
    Purge,
    /// Write a draft's answers file (CONTRACT §3) to stdout or to --out FILE.
    Export {
        id: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Make a new draft from an answers file or a citcert draft (which keeps its start date).
    Import {
        file: PathBuf,
        /// Label of the new draft (default: the file's label, else its name).
        #[arg(long)]
        label: Option<String>,
    },
}

/// Runs a drafts command, printing to stdout/stderr.
pub fn run(
    cmd: &DraftsCommand,
    global: &GlobalArgs,
    inspector: &dyn AnswerInspector,
) -> Result<i32, CliError> {
    let clock = global.clock()?;
    let stdin = std::io::stdin();
    let tty = stdin.is_terminal();
    let mut input = stdin.lock();
    run_with(
        cmd,
        global,
        &clock,
        inspector,
        &mut Io {
            out: &mut std::io::stdout().lock(),
            err: &mut std::io::stderr().lock(),
            input: &mut input,
            input_is_terminal: tty,
        },
    )
}

/// Where a command reads and writes; tests pass buffers.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub input: &'a mut dyn BufRead,
    pub input_is_terminal: bool,
}

/// Maps a store error to the exit status it deserves.
pub fn cli_error(e: DraftError) -> CliError {
    let code = match &e {
        DraftError::Expired { .. } => 3,
        DraftError::Io { .. } | DraftError::Locked { .. } | DraftError::ReadOnly { .. } => 1,
        _ => 2,
    };
    CliError::with_code(code, e.to_string())
}

fn w(r: std::io::Result<()>) -> Result<(), CliError> {
    r.map_err(|e| CliError::with_code(1, format!("cannot write the output: {e}")))
}

pub fn run_with(
    cmd: &DraftsCommand,
    global: &GlobalArgs,
    clock: &Clock,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
) -> Result<i32, CliError> {
    let dir = match &global.drafts_dir {
        Some(d) => d.clone(),
        None => DraftStore::default_dir().map_err(cli_error)?,
    };
    let store = DraftStore::open(&dir).map_err(cli_error)?;
    let sweep = store.sweep(clock).map_err(cli_error)?;
    if let DraftsCommand::Purge = cmd {
        return purge(&store, &sweep, io);
    }
    report_sweep(&store, &sweep, &mut *io.err)?;
    let language = match global.lang.as_deref().map(str::trim) {
        None | Some("") => "en".to_string(),
        Some(l @ ("en" | "fr")) => l.to_string(),
        Some(other) => return Err(CliError::usage(format!("--lang '{other}': use en or fr"))),
    };
    match cmd {
        DraftsCommand::List => list(&store, &sweep, clock, inspector, io),
        DraftsCommand::New { label } => {
            let open = store.create(label, inspector.questionnaire(), &language, clock).map_err(cli_error)?;
            let e = open.draft.expiry(clock.today());
            w(writeln!(
                io.out,
                "Started draft {} '{}' on {}: {} (last day {}).",
                open.draft.id(),
                open.draft.label,
                open.draft.created_on(),
                e.describe(),
                e.last_day
            ))?;
            Ok(0)
        }
        DraftsCommand::Show { id } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let open = store.open_draft(&id, clock).map_err(cli_error)?;
            show(&open, clock, inspector, io)
        }
        DraftsCommand::Delete { id, yes } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = store.read(&id, clock).map_err(cli_error)?;
            let what = format!("draft {} '{}' (started {})", d.id(), d.label, d.created_on());
            if !yes {
                if !io.input_is_terminal {
                    return Err(CliError::usage(format!(
                        "not deleting {what}: there is no terminal to confirm on; add --yes to delete it"
                    )));
                }
                w(write!(io.err, "Delete {what}? It cannot be recovered. Type yes to delete: "))?;
                w(io.err.flush())?;
                let mut line = String::new();
                let _ = io.input.read_line(&mut line);
                if !matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
                    w(writeln!(io.out, "Not deleted."))?;
                    return Ok(1);
                }
            }
            store.delete(&id).map_err(cli_error)?;
            w(writeln!(io.out, "Deleted {what}."))?;
            Ok(0)
        }
        DraftsCommand::Purge => unreachable!("handled above"),
        DraftsCommand::Export { id, out } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = store.read(&id, clock).map_err(cli_error)?;
            let bytes = d.to_answers_file();
            match out {
                None => w(io.out.write_all(&bytes))?,
                Some(path) => {
                    write_private(path, &bytes)?;
                    w(writeln!(
                        io.err,
                        "Wrote the answers of draft {} '{}' to {} (mode 0600: it holds personal data).",
                        d.id(),
                        d.label,
                        path.display()
                    ))?;
                }
            }
            Ok(0)
        }
        DraftsCommand::Import { file, label } => {
            let bytes = std::fs::read(file).map_err(|e| {
                CliError::usage(format!("{}: cannot be read ({e}); check the path", file.display()))
            })?;
            let open = store
                .import(&bytes, file, label.as_deref(), inspector.questionnaire(), &language, clock)
                .map_err(cli_error)?;
            let e = open.draft.expiry(clock.today());
            w(writeln!(
                io.out,
                "Imported {} as draft {} '{}', started {}: {}.",
                file.display(),
                open.draft.id(),
                open.draft.label,
                open.draft.created_on(),
                e.describe()
            ))?;
            Ok(0)
        }
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let res = (|| {
        let mut f = super::fsutil::create_private(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    res.map_err(|e| {
        CliError::with_code(1, format!("{}: cannot be written ({e}); check the path", path.display()))
    })
}

/// Notices about what the sweep did, on stderr: labels and dates only.
fn report_sweep(store: &DraftStore, sweep: &Sweep, err: &mut dyn Write) -> Result<(), CliError> {
    for warning in &sweep.warnings {
        w(writeln!(err, "citcert: warning: {warning}"))?;
    }
    if !sweep.expired.is_empty() {
        let deleted = sweep.expired.iter().filter(|x| x.deleted).count();
        if deleted > 0 {
            w(writeln!(
                err,
                "citcert: deleted {deleted} expired draft(s) — drafts are kept 60 days from the day they were started:"
            ))?;
        }
        for x in &sweep.expired {
            let note = if x.deleted { "" } else { " (expired; not deleted: example folder)" };
            w(writeln!(err, "  - '{}', started {}{note}", x.label, x.created_on))?;
        }
    }
    for d in &sweep.damaged {
        let moved = match &d.moved_to {
            Some(p) => format!(
                " Moved to {} (nothing was deleted); the other drafts are not affected. Read it there, \
                 or delete it when you no longer need it.",
                p.display()
            ),
            None => String::new(),
        };
        let restored = if d.restored_from_backup {
            " The previous saved version (.bak) was good and has taken its place."
        } else {
            ""
        };
        w(writeln!(
            err,
            "citcert: damaged draft {}: {}.{moved}{restored}",
            store.dir().join(&d.file).display(),
            d.reason
        ))?;
    }
    Ok(())
}

fn purge(store: &DraftStore, sweep: &Sweep, io: &mut Io<'_>) -> Result<i32, CliError> {
    if store.is_examples() {
        report_sweep(store, sweep, &mut *io.err)?;
        store.refuse_if_examples("purge drafts").map_err(cli_error)?;
    }
    for warning in &sweep.warnings {
        w(writeln!(io.err, "citcert: warning: {warning}"))?;
    }
    if sweep.expired.is_empty() {
        w(writeln!(io.out, "No expired drafts."))?;
    } else {
        w(writeln!(io.out, "Deleted {} expired draft(s):", sweep.expired.len()))?;
        for x in &sweep.expired {
            w(writeln!(io.out, "  - '{}', started {}", x.label, x.created_on))?;
        }
    }
    let only_damaged = Sweep { damaged: sweep.damaged.clone(), ..Default::default() };
    report_sweep(store, &only_damaged, &mut *io.err)?;
    Ok(0)
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn list(
    store: &DraftStore,
    sweep: &Sweep,
    clock: &Clock,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
) -> Result<i32, CliError> {
    let rows: Vec<DraftSummary> = DraftStore::summaries(sweep, clock, inspector);
    if rows.is_empty() {
        w(writeln!(
            io.out,
            "No drafts in {}. Start one with: citcert drafts new --label \"…\"",
            store.dir().display()
        ))?;
        return Ok(0);
    }
    let lw = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(5).clamp(5, 48);
    w(writeln!(io.out, "{}  ID        STARTED     DAYS LEFT  PROGRESS", pad("LABEL", lw)))?;
    for r in &rows {
        let mut notes = Vec::new();
        if r.expiry.is_warning() {
            notes.push(format!("! last day {}", r.expiry.last_day));
        }
        if r.no_longer_asked > 0 {
            notes.push(format!("{} answer(s) no longer asked", r.no_longer_asked));
        }
        let notes = if notes.is_empty() { String::new() } else { format!("  {}", notes.join("; ")) };
        w(writeln!(
            io.out,
            "{}  {}  {}  {:>9}  {:>7} %{notes}",
            pad(&r.label, lw),
            pad(&r.id, 8),
            r.created_on,
            r.expiry.days_left,
            r.progress_percent
        ))?;
    }
    // The table first, then the warnings: on a terminal both go to the same screen.
    w(io.out.flush())?;
    for r in rows.iter().filter(|r| r.expiry.is_warning()) {
        w(writeln!(
            io.err,
            "citcert: warning: draft {} '{}' has {} — it is deleted after {}.",
            r.id,
            r.label,
            r.expiry.describe(),
            r.expiry.last_day
        ))?;
    }
    if store.is_examples() {
        w(writeln!(
            io.err,
            "citcert: note: {} is a folder of example drafts; it is never changed.",
            store.dir().display()
        ))?;
    }
    Ok(0)
}

fn show(
    open: &super::OpenDraft,
    clock: &Clock,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
) -> Result<i32, CliError> {
    let d = &open.draft;
    let e = d.expiry(clock.today());
    let out = &mut *io.out;
    w(writeln!(out, "Draft {} — {}", d.id(), d.label))?;
    w(writeln!(out, "Started:        {} (last day {})", d.created_on(), e.last_day))?;
    w(writeln!(out, "Days left:      {}", e.describe()))?;
    w(writeln!(out, "Last saved:     {}", d.last_saved().format("%Y-%m-%d %H:%M:%S")))?;
    w(writeln!(out, "Screen:         {}", d.current_screen))?;
    w(writeln!(out, "Progress:       {} %", inspector.progress_percent(&d.answers).min(100)))?;
    w(writeln!(out, "Language:       {}", d.language))?;
    w(writeln!(out, "Questionnaire:  {} version {}", d.questionnaire.id, d.questionnaire.version))?;
    w(writeln!(out, "Attachments:    {}", d.attachments.len()))?;
    if let super::Access::ReadOnly(why) = open.access() {
        w(writeln!(out, "Access:         read-only — {why}"))?;
    }
    let orphans = super::no_longer_asked(&d.answers, inspector);
    w(writeln!(out, "Answers ({}):", d.answers.len() - orphans.len()))?;
    let fmt = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    };
    for (k, v) in d.answers.iter().filter(|(k, _)| !orphans.contains(k)) {
        w(writeln!(out, "  {k} = {}", fmt(v)))?;
    }
    if !orphans.is_empty() {
        w(writeln!(out, "No longer asked ({}; kept in the draft):", orphans.len()))?;
        for k in &orphans {
            w(writeln!(out, "  {k} = {}", fmt(&d.answers[k])))?;
        }
    }
    if e.is_warning() {
        w(writeln!(
            io.err,
            "citcert: warning: {} — the draft is deleted after {}.",
            e.describe(),
            e.last_day
        ))?;
    }
    Ok(0)
}
