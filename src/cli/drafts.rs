//! `citcert drafts …`: list, new, show, rename, note, delete, purge, export, import, protect,
//! unprotect.
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

use crate::clock::Clock;
use crate::context::passphrase::{new_passphrase, with_passphrase};
use crate::context::{CliError, GlobalArgs, cli_error, output_error};
use crate::drafts::{AnswerInspector, DraftStore, DraftSummary, Sweep};
use crate::engine::text::{Lang, Text};
use crate::words::{Fixed, Template};
use crate::{fill, fill_text};

#[derive(Debug, Clone, Subcommand)]
pub enum DraftsCommand {
    /// List drafts: label, id, start date, days left, progress.
    List,
    /// Start a new draft today.
    New {
        /// A name you choose, e.g. "Liam — first certificate".
        #[arg(long)]
        label: String,
        /// Lock it with a passphrase (asked twice on the terminal, or --passphrase-file FILE): its
        /// answers, attachments and notes are then encrypted on disk.
        #[arg(long)]
        protect: bool,
    },
    /// Lock a draft with a passphrase (asked twice on the terminal, or --passphrase-file FILE).
    Protect {
        /// The draft id, or an unambiguous start of it.
        id: String,
    },
    /// Remove the passphrase of a draft (asks for it): its answers are stored unencrypted again.
    Unprotect {
        /// The draft id, or an unambiguous start of it.
        id: String,
    },
    /// Show one draft: its answers and notes (and, with --history, its history).
    Show {
        /// The draft id, or an unambiguous start of it.
        id: String,
        /// Also when the draft was created, opened and saved, and which questions changed each time.
        #[arg(long)]
        history: bool,
    },
    /// Give a draft a new name.
    Rename {
        /// The draft id, or an unambiguous start of it.
        id: String,
        /// The new name, e.g. "Liam — replacement".
        #[arg(value_name = "NEW-NAME")]
        label: String,
    },
    /// Write a short note on a question of a draft (at most 200 characters), or clear it with --clear.
    Note {
        /// The draft id, or an unambiguous start of it.
        id: String,
        /// The question: its number (4.4) or its id (pers.dob).
        question: String,
        /// The note; the words may follow without quotes.
        #[arg(
            value_name = "TEXT",
            required_unless_present = "clear",
            conflicts_with = "clear",
            num_args = 1..,
            trailing_var_arg = true,
            allow_hyphen_values = true
        )]
        text: Vec<String>,
        /// Remove the note on this question.
        #[arg(long)]
        clear: bool,
    },
    /// Delete a draft now (asks for confirmation).
    Delete {
        id: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// Delete every draft older than 60 days (asks first when several expire at once).
    Purge {
        /// Do not ask, even when several drafts expire at once.
        #[arg(long)]
        yes: bool,
    },
    /// Write a draft's answers file to stdout or to --out FILE.
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

fn w(r: std::io::Result<()>) -> Result<(), CliError> {
    r.map_err(|e| output_error(&e))
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
    let lang = global.language()?;
    let mut store = DraftStore::open(&dir).map_err(cli_error)?;
    let sweep = store.sweep(clock).map_err(cli_error)?;
    if let DraftsCommand::Purge { yes } = cmd {
        return purge(&store, &sweep, *yes, clock, io, lang);
    }
    report_sweep(&store, &sweep, &mut *io.err, lang)?;
    // The language of service of a new or imported draft.
    let language = lang.code();
    match cmd {
        DraftsCommand::List => list(&store, &sweep, clock, inspector, io, lang),
        DraftsCommand::New { label, protect } => {
            let pass = match protect {
                true => Some(new_passphrase(global, lang)?),
                false => None,
            };
            let open = store
                .create_protected(label, inspector.questionnaire(), language, clock, pass)
                .map_err(cli_error)?;
            let e = open.draft.expiry(clock.today());
            let (id, label, start) = (open.draft.id(), safe(&open.draft.label), open.draft.created_on());
            let (left, last) = (e.describe_in(lang), e.last_day);
            const STARTED: Template = Template::new(
                &["id", "label", "start", "left", "last"],
                "Started draft {id} '{label}' on {start}: {left} (last day {last}).",
                "Brouillon {id} « {label} » commencé le {start} : {left} (dernier jour : {last}).",
            );
            let msg = fill!(STARTED, lang, id = id, label = label, start = start, left = left, last = last);
            w(writeln!(io.out, "{msg}"))?;
            if open.draft.is_protected() {
                w(writeln!(io.out, "{}", locked_words(lang)))?;
            }
            Ok(0)
        }
        DraftsCommand::Protect { id } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = store.read_locked(&id, clock).map_err(cli_error)?;
            if d.is_protected() {
                const ALREADY_LOCKED: Template = Template::new(
                    &["id"],
                    "draft {id} is already locked with a passphrase; nothing was changed",
                    "le brouillon {id} est déjà verrouillé par une phrase de passe; rien n'a été modifié",
                );
                return Err(CliError::usage(fill_text!(ALREADY_LOCKED, id = id)));
            }
            let pass = new_passphrase(global, lang)?;
            store.set_protection(&id, Some(pass), clock).map_err(cli_error)?;
            const LOCKED: Template = Template::new(
                &["id"],
                "Draft {id} is now locked.",
                "Le brouillon {id} est maintenant verrouillé.",
            );
            w(writeln!(io.out, "{}", fill!(LOCKED, lang, id = id)))?;
            w(writeln!(io.out, "{}", locked_words(lang)))?;
            Ok(0)
        }
        DraftsCommand::Unprotect { id } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = store.read_locked(&id, clock).map_err(cli_error)?;
            if !d.is_protected() {
                const NOT_LOCKED: Template = Template::new(
                    &["id"],
                    "draft {id} has no passphrase; nothing was changed",
                    "le brouillon {id} n'a pas de phrase de passe; rien n'a été modifié",
                );
                return Err(CliError::usage(fill_text!(NOT_LOCKED, id = id)));
            }
            with_passphrase(&mut store, global, lang, |s| s.set_protection(&id, None, clock))?;
            const UNLOCKED: Template = Template::new(
                &["id"],
                "Draft {id} is no longer locked: its answers are stored unencrypted.",
                "Le brouillon {id} n'est plus verrouillé : ses réponses sont enregistrées sans chiffrement.",
            );
            w(writeln!(io.out, "{}", fill!(UNLOCKED, lang, id = id)))?;
            Ok(0)
        }
        DraftsCommand::Show { id, history } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let open = with_passphrase(&mut store, global, lang, |s| s.open_draft(&id, clock))?;
            show(&open, clock, inspector, io, lang)?;
            show_notes(&open.draft, inspector, io, lang)?;
            if *history {
                show_history(&open.draft, inspector, io, lang)?;
            }
            Ok(0)
        }
        DraftsCommand::Rename { id, label } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let old = crate::safe_text::inline(&with_passphrase(&mut store, global, lang, |s| {
                s.rename(&id, label, clock)
            })?)
            .into_owned();
            let new = crate::drafts::check_label(label).map_err(cli_error)?;
            const RENAMED: Template = Template::new(
                &["id", "old", "new"],
                "Renamed draft {id}: '{old}' is now '{new}'.",
                "Brouillon {id} renommé : « {old} » s'appelle maintenant « {new} ».",
            );
            w(writeln!(io.out, "{}", fill!(RENAMED, lang, id = id, old = old, new = new)))?;
            Ok(0)
        }
        DraftsCommand::Note { id, question, text, clear } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let qid = inspector.question_id(question).ok_or_else(|| {
                const NO_SUCH_QUESTION: Template = Template::new(
                    &["question"],
                    "no question \"{question}\" in this questionnaire; give its number as the screens show it \
                     (4.4) or its id (pers.dob)",
                    "aucune question « {question} » dans ce questionnaire; donnez son numéro comme les écrans \
                     l'affichent (4.4) ou son identifiant (pers.dob)",
                );
                CliError::usage(fill_text!(NO_SUCH_QUESTION, question = crate::safe_text::inline(question)))
            })?;
            let number = inspector.question_number(&qid).unwrap_or_else(|| qid.clone());
            let note = (!clear).then(|| text.join(" "));
            let changed =
                with_passphrase(&mut store, global, lang, |s| s.set_note(&id, &qid, note.as_deref(), clock))?;
            const SAVED: Template = Template::new(
                &["number", "id"],
                "Note on {number} of draft {id} saved.",
                "Note sur la question {number} du brouillon {id} enregistrée.",
            );
            const REMOVED: Template = Template::new(
                &["number", "id"],
                "Note on {number} of draft {id} removed.",
                "Note sur la question {number} du brouillon {id} retirée.",
            );
            const NO_NOTE: Template = Template::new(
                &["number", "id"],
                "There was no note on {number} of draft {id}; nothing changed.",
                "Il n'y avait pas de note sur la question {number} du brouillon {id}; rien n'a changé.",
            );
            let msg = match (clear, changed) {
                (false, _) => fill!(SAVED, lang, number = number, id = id),
                (true, true) => fill!(REMOVED, lang, number = number, id = id),
                (true, false) => fill!(NO_NOTE, lang, number = number, id = id),
            };
            w(writeln!(io.out, "{msg}"))?;
            Ok(0)
        }
        DraftsCommand::Delete { id, yes } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = store.read_locked(&id, clock).map_err(cli_error)?;
            let label = safe(&d.label);
            const WHAT: Template = Template::new(
                &["id", "label", "start"],
                "draft {id} '{label}' (started {start})",
                "le brouillon {id} « {label} » (commencé le {start})",
            );
            const ASK: Template = Template::new(
                &["what"],
                "Delete {what}? It cannot be recovered. Type yes to delete: ",
                "Supprimer {what}? Il ne pourra pas être récupéré. Tapez oui pour supprimer : ",
            );
            const DELETED: Template = Template::new(&["what"], "Deleted {what}.", "Supprimé : {what}.");
            const NO_TERMINAL: Template = Template::new(
                &["what"],
                "not deleting {what}: there is no terminal to confirm on; add --yes to delete it",
                "{what} n'est pas supprimé : il n'y a pas de terminal pour confirmer; ajoutez --yes pour le \
                 supprimer",
            );
            let what = fill_text!(WHAT, id = d.id(), label = label, start = d.created_on());
            if !yes {
                if !io.input_is_terminal {
                    return Err(CliError::usage(fill_text!(NO_TERMINAL, what = &what)));
                }
                if !confirm(io, &fill!(ASK, lang, what = &what))? {
                    w(writeln!(io.out, "{}", lang.pick("Not deleted.", "Rien n'a été supprimé.")))?;
                    return Ok(1);
                }
            }
            store.delete(&id).map_err(cli_error)?;
            w(writeln!(io.out, "{}", fill!(DELETED, lang, what = &what)))?;
            Ok(0)
        }
        DraftsCommand::Purge { .. } => unreachable!("handled above"),
        DraftsCommand::Export { id, out } => {
            let id = store.resolve(id).map_err(cli_error)?;
            let d = with_passphrase(&mut store, global, lang, |s| s.read(&id, clock))?;
            let bytes = d.to_answers_file();
            match out {
                // JSON escapes for control and bidi characters: the same answers file, safe on a terminal.
                None => {
                    w(io.out.write_all(crate::safe_text::json(&String::from_utf8_lossy(&bytes)).as_bytes()))?
                }
                Some(path) => {
                    write_private(path, &bytes)?;
                    let (id, label, p) = (d.id(), safe(&d.label), crate::safe_text::path(path));
                    const WROTE: Template = Template::new(
                        &["id", "label", "p"],
                        "Wrote the answers of draft {id} '{label}' to {p} (mode 0600: it holds personal data).",
                        "Réponses du brouillon {id} « {label} » écrites dans {p} (mode 0600 : le fichier \
                         contient des renseignements personnels).",
                    );
                    w(writeln!(io.err, "{}", fill!(WROTE, lang, id = id, label = label, p = p)))?;
                }
            }
            Ok(0)
        }
        DraftsCommand::Import { file, label } => {
            // A regular file within the 8 MB a draft may have (it becomes one), never a FIFO or device.
            let max = crate::drafts::format::MAX_FILE_BYTES as u64;
            let fname = crate::safe_text::path(file);
            let mut bytes = crate::drafts::fsutil::read_regular(file, max, true).map_err(|e| {
                const TOO_BIG: Template = Template::new(
                    &["file", "max"],
                    "{file}: over the {max}-byte limit of a draft; nothing was imported",
                    "{file} : dépasse la limite de {max} octets d'un brouillon; rien n'a été importé",
                );
                const UNREADABLE: Template = Template::new(
                    &["file", "reason"],
                    "{file}: cannot be read ({reason}); check the path",
                    "{file} : illisible ({reason}); vérifiez le chemin",
                );
                CliError::usage(if e.kind() == std::io::ErrorKind::FileTooLarge {
                    fill_text!(TOO_BIG, file = fname, max = max)
                } else {
                    fill_text!(UNREADABLE, file = fname, reason = crate::drafts::io_reason(&e))
                })
            })?;
            // A byte order mark is not part of the JSON; a key given twice is refused, not guessed.
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.drain(..3);
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                crate::context::parse_answers_json(&fname, text)?;
            }
            let open = with_passphrase(&mut store, global, lang, |s| {
                s.import(&bytes, file, label.as_deref(), inspector.questionnaire(), language, clock)
            })?;
            let e = open.draft.expiry(clock.today());
            let (f, id, label, start) =
                (fname, open.draft.id(), safe(&open.draft.label), open.draft.created_on());
            let left = e.describe_in(lang);
            const IMPORTED: Template = Template::new(
                &["f", "id", "label", "start", "left"],
                "Imported {f} as draft {id} '{label}', started {start}: {left}.",
                "{f} importé comme brouillon {id} « {label} », commencé le {start} : {left}.",
            );
            let msg = fill!(IMPORTED, lang, f = f, id = id, label = label, start = start, left = left);
            w(writeln!(io.out, "{msg}"))?;

            Ok(0)
        }
    }
}

/// Asks on stderr and reads one line: true for yes/y/oui/o.
fn confirm(io: &mut Io<'_>, ask: &str) -> Result<bool, CliError> {
    w(write!(io.err, "{ask}"))?;
    w(io.err.flush())?;
    let mut line = String::new();
    let _ = io.input.read_line(&mut line);
    Ok(matches!(line.trim().to_lowercase().as_str(), "y" | "yes" | "o" | "oui"))
}

/// What a locked draft means, said after locking one.
fn locked_words(lang: Lang) -> &'static str {
    lang.pick(
        "Its answers, attachments and notes are encrypted with your passphrase; its name, start date and \
         days left stay readable. Without the passphrase they cannot be recovered.",
        "Ses réponses, pièces jointes et notes sont chiffrées avec votre phrase de passe; son nom, sa date de \
         début et les jours restants restent lisibles. Sans la phrase de passe, elles sont irrécupérables.",
    )
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let res = (|| {
        let mut f = crate::drafts::fsutil::create_private(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    res.map_err(|e| {
        let (p, r) = (crate::safe_text::path(path), crate::drafts::io_reason(&e));
        const CANNOT_WRITE: Template = Template::new(
            &["file", "reason"],
            "{file}: cannot be written ({reason}); check the path",
            "{file} : impossible d'écrire ({reason}); vérifiez le chemin",
        );
        CliError::refused(fill_text!(CANNOT_WRITE, file = p, reason = r))
    })
}

/// Text from a draft (label, answer) or a file name, neutralised for the terminal.
fn safe(s: &str) -> String {
    crate::safe_text::inline(s).into_owned()
}

/// "  - 'label', started 2025-06-01" for an expired draft.
fn expired_line(x: &crate::drafts::ExpiredNotice, lang: Lang) -> String {
    const LINE: Template = Template::new(
        &["label", "start"],
        "  - '{label}', started {start}",
        "  - « {label} », commencé le {start}",
    );
    fill!(LINE, lang, label = safe(&x.label), start = x.created_on)
}

/// Notices about what the sweep did, on stderr: labels and dates only.
fn report_sweep(store: &DraftStore, sweep: &Sweep, err: &mut dyn Write, lang: Lang) -> Result<(), CliError> {
    use crate::drafts::Kept;
    const WARNING: Template =
        Template::new(&["warning"], "citcert: warning: {warning}", "citcert : avertissement : {warning}");
    const DELETED: Template = Template::new(
        &["n"],
        "citcert: deleted {n} expired draft(s) — drafts are kept 60 days from the day they were started:",
        "citcert : {n} brouillon(s) expiré(s) supprimé(s) — les brouillons sont conservés 60 jours à partir du \
         jour où ils ont été commencés :",
    );
    const EXAMPLES: Fixed =
        Fixed::new("expired; not deleted: example folder", "expiré; non supprimé : dossier d'exemples");
    const NOT_DELETED: Template =
        Template::new(&["reason"], "expired; NOT deleted: {reason}", "expiré; NON supprimé : {reason}");
    const MOVED: Template = Template::new(
        &["path"],
        " Moved to {path} (nothing was deleted); the other drafts are not affected. Read it there, or delete it \
         when you no longer need it.",
        " Déplacé dans {path} (rien n'a été supprimé); les autres brouillons ne sont pas touchés. Consultez-le là, \
         ou supprimez-le quand vous n'en aurez plus besoin.",
    );
    const RESTORED: Fixed = Fixed::new(
        " The previous saved version (.bak) was good and has taken its place.",
        " La version enregistrée précédente (.bak) était bonne et a pris sa place.",
    );
    const DAMAGED: Template = Template::new(
        &["path", "reason"],
        "citcert: damaged draft {path}: {reason}.",
        "citcert : brouillon endommagé {path} : {reason}.",
    );
    for wt in &sweep.warnings {
        w(writeln!(err, "{}", fill!(WARNING, lang, warning = safe(wt.get(lang)))))?;
    }
    let deleted: Vec<_> = sweep.expired.iter().filter(|x| x.deleted).collect();
    if !deleted.is_empty() {
        w(writeln!(err, "{}", fill!(DELETED, lang, n = deleted.len())))?;
        for x in deleted {
            w(writeln!(err, "{}", expired_line(x, lang)))?;
        }
    }
    for x in &sweep.expired {
        let line = expired_line(x, lang);
        let why = match &x.kept {
            None | Some(Kept::AwaitingConfirmation) => continue,
            Some(Kept::Examples) => EXAMPLES.get(lang).to_string(),
            Some(Kept::NotSwept) => lang.pick("expired", "expiré").to_string(),
            Some(Kept::Failed(t)) => fill!(NOT_DELETED, lang, reason = safe(t.get(lang))),
        };
        w(writeln!(err, "{line} ({why})"))?;
    }
    let held: Vec<_> = sweep.expired.iter().filter(|x| x.kept == Some(Kept::AwaitingConfirmation)).collect();
    if !held.is_empty() {
        w(writeln!(err, "{}", held_notice(held.len(), sweep.today, lang)))?;
        for x in held {
            w(writeln!(err, "{}", expired_line(x, lang)))?;
        }
    }
    for d in &sweep.damaged {
        let moved = match &d.moved_to {
            Some(p) => fill!(MOVED, lang, path = crate::safe_text::path(p)),
            None => String::new(),
        };
        let restored = if d.restored_from_backup { RESTORED.get(lang) } else { "" };
        let path = crate::safe_text::path(&store.dir().join(&d.file));
        let damaged = fill!(DAMAGED, lang, path = path, reason = safe(d.reason.get(lang)));
        w(writeln!(err, "{damaged}{moved}{restored}"))?;
    }
    Ok(())
}

/// Several drafts past day 60 at once: not erased without a word, since a wrong date looks the same.
fn held_notice(n: usize, today: Option<chrono::NaiveDate>, lang: Lang) -> String {
    const HELD: Template = Template::new(
        &["n", "today"],
        "citcert: {n} drafts are past their 60 days by this computer's date ({today}), all at once. They can no \
         longer be opened, but they were NOT erased: if this computer's date is wrong, correct it; if it is \
         right, erase them with `citcert drafts purge`:",
        "citcert : {n} brouillons ont dépassé leurs 60 jours d'un coup, selon la date de cet ordinateur \
         (le {today}). Ils ne peuvent plus être ouverts, mais ils n'ont PAS été effacés : si la date de cet \
         ordinateur est fausse, corrigez-la; si elle est juste, effacez-les avec `citcert drafts purge` :",
    );
    let today = today.map(|t| t.to_string()).unwrap_or_default();
    fill!(HELD, lang, n = n, today = today)
}

fn purge(
    store: &DraftStore,
    sweep: &Sweep,
    yes: bool,
    clock: &Clock,
    io: &mut Io<'_>,
    lang: Lang,
) -> Result<i32, CliError> {
    use crate::drafts::Kept;
    if store.is_examples() {
        report_sweep(store, sweep, &mut *io.err, lang)?;
        store.refuse_if_examples(Text::new("purge drafts", "purger les brouillons")).map_err(cli_error)?;
    }
    let only_warnings = Sweep { warnings: sweep.warnings.clone(), ..Default::default() };
    report_sweep(store, &only_warnings, &mut *io.err, lang)?;
    let held: Vec<_> = sweep.expired.iter().filter(|x| x.kept == Some(Kept::AwaitingConfirmation)).collect();
    let mut expired = sweep.expired.clone();
    if !held.is_empty() {
        let today = clock.today();
        let n = held.len();
        let list: Vec<String> = held.iter().map(|x| expired_line(x, lang)).collect();
        const PAST: Template = Template::new(
            &["n", "today", "list"],
            "{n} drafts are past their 60 days by this computer's date ({today}):\n{list}",
            "{n} brouillons ont dépassé leurs 60 jours selon la date de cet ordinateur (le {today}) :\n{list}",
        );
        let what = fill!(PAST, lang, n = n, today = today, list = list.join("\n"));
        if !yes {
            if !io.input_is_terminal {
                const NOT_ERASING: Template = Template::new(
                    &["n", "today"],
                    "not erasing: {n} drafts are past their 60 days by this computer's date ({today}), all at \
                     once; check the date, then add --yes to erase them (there is no terminal to confirm on)",
                    "rien n'est effacé : {n} brouillons ont dépassé leurs 60 jours d'un coup selon la date de cet \
                     ordinateur (le {today}); vérifiez la date, puis ajoutez --yes pour les effacer (il n'y a pas \
                     de terminal pour confirmer)",
                );
                return Err(CliError::usage(fill_text!(NOT_ERASING, n = n, today = today)));
            }
            let ask = lang.pick(
                "Is this computer's date right? Erasing cannot be undone. Type yes to erase them: ",
                "La date de cet ordinateur est-elle juste? L'effacement est définitif. Tapez oui pour les effacer : ",
            );
            if !confirm(io, &format!("{what}\n{ask}"))? {
                w(writeln!(io.out, "{}", lang.pick("Nothing was erased.", "Rien n'a été effacé.")))?;
                return Ok(1);
            }
        }
        expired = store.sweep_erasing_all(clock).map_err(cli_error)?.expired;
    }
    let deleted: Vec<_> = expired.iter().filter(|x| x.deleted).collect();
    let failed: Vec<_> = expired.iter().filter(|x| !x.deleted).collect();
    if deleted.is_empty() && failed.is_empty() {
        w(writeln!(io.out, "{}", lang.pick("No expired drafts.", "Aucun brouillon expiré.")))?;
    }
    if !deleted.is_empty() {
        const DELETED: Template = Template::new(
            &["n"],
            "Deleted {n} expired draft(s):",
            "{n} brouillon(s) expiré(s) supprimé(s) :",
        );
        w(writeln!(io.out, "{}", fill!(DELETED, lang, n = deleted.len())))?;
        for x in &deleted {
            w(writeln!(io.out, "{}", expired_line(x, lang)))?;
        }
    }
    if !failed.is_empty() {
        const FAILED: Template = Template::new(
            &["n"],
            "citcert: {n} expired draft(s) could NOT be deleted; they are still on disk:",
            "citcert : {n} brouillon(s) expiré(s) n'ont PAS pu être supprimés; ils sont encore sur le disque :",
        );
        w(writeln!(io.err, "{}", fill!(FAILED, lang, n = failed.len())))?;
        for x in &failed {
            let why = match &x.kept {
                Some(Kept::Failed(t)) => safe(t.get(lang)),
                _ => lang.pick("not erased", "non effacé").to_string(),
            };
            w(writeln!(io.err, "{} — {why}", expired_line(x, lang)))?;
        }
    }
    let only_damaged = Sweep { damaged: sweep.damaged.clone(), ..Default::default() };
    report_sweep(store, &only_damaged, &mut *io.err, lang)?;
    Ok(if failed.is_empty() { 0 } else { 1 })
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
    lang: Lang,
) -> Result<i32, CliError> {
    let mut rows: Vec<DraftSummary> = DraftStore::summaries(sweep, clock, inspector);
    // Labels come from draft files: neutralised before the table is laid out.
    for r in &mut rows {
        r.label = safe(&r.label);
    }
    if rows.is_empty() {
        const NONE: Template = Template::new(
            &["dir"],
            "No drafts in {dir}. Start one with: citcert drafts new --label \"…\"",
            "Aucun brouillon dans {dir}. Commencez-en un avec : citcert drafts new --label \"…\"",
        );
        w(writeln!(io.out, "{}", fill!(NONE, lang, dir = crate::safe_text::path(store.dir()))))?;
        return Ok(0);
    }
    let (h_label, h_id, h_start, h_left, h_progress) = match lang {
        Lang::En => ("LABEL", "ID", "STARTED", "DAYS LEFT", "PROGRESS"),
        Lang::Fr => ("NOM", "ID", "COMMENCÉ", "JOURS REST.", "PROGRESSION"),
    };
    let lw = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(5).clamp(5, 48);
    let (dw, pw) = (h_left.chars().count(), h_progress.chars().count());
    w(writeln!(
        io.out,
        "{}  {}  {}  {h_left}  {h_progress}",
        pad(h_label, lw),
        pad(h_id, 8),
        pad(h_start, 10)
    ))?;
    let locked: std::collections::HashSet<&str> =
        sweep.drafts.iter().filter(|d| d.is_protected()).map(|d| d.id()).collect();
    const LAST_DAY: Template = Template::new(&["last"], "! last day {last}", "! dernier jour : {last}");
    const NO_LONGER_ASKED: Template = Template::new(
        &["n"],
        "{n} answer(s) no longer asked",
        "{n} réponse(s) à des questions qui ne sont plus posées",
    );
    for r in &rows {
        let mut notes = Vec::new();
        if locked.contains(r.id.as_str()) {
            notes.push(lang.pick("locked (passphrase)", "verrouillé (phrase de passe)").to_string());
        }
        if r.expiry.is_warning() {
            notes.push(fill!(LAST_DAY, lang, last = r.expiry.last_day));
        }
        if r.no_longer_asked > 0 {
            notes.push(fill!(NO_LONGER_ASKED, lang, n = r.no_longer_asked));
        }
        let notes = if notes.is_empty() { String::new() } else { format!("  {}", notes.join("; ")) };
        w(writeln!(
            io.out,
            "{}  {}  {}  {:>dw$}  {:>w$} %{notes}",
            pad(&r.label, lw),
            pad(&r.id, 8),
            r.created_on,
            r.expiry.days_left,
            r.progress_percent,
            w = pw - 2
        ))?;
    }
    // The table first, then the warnings: on a terminal both go to the same screen.
    w(io.out.flush())?;
    const EXPIRING: Template = Template::new(
        &["id", "label", "left", "last"],
        "citcert: warning: draft {id} '{label}' has {left} — it is deleted after {last}.",
        "citcert : avertissement : brouillon {id} « {label} » : {left} — il sera supprimé après le {last}.",
    );
    for r in rows.iter().filter(|r| r.expiry.is_warning()) {
        let (id, label, left, last) = (&r.id, &r.label, r.expiry.describe_in(lang), r.expiry.last_day);
        // (the labels were neutralised above)
        w(writeln!(io.err, "{}", fill!(EXPIRING, lang, id = id, label = label, left = left, last = last)))?;
    }
    if store.is_examples() {
        const EXAMPLES: Template = Template::new(
            &["dir"],
            "citcert: note: {dir} is a folder of example drafts; it is never changed.",
            "citcert : note : {dir} est un dossier de brouillons d'exemple; il n'est jamais modifié.",
        );
        w(writeln!(io.err, "{}", fill!(EXAMPLES, lang, dir = crate::safe_text::path(store.dir()))))?;
    }
    Ok(0)
}

fn show(
    open: &crate::drafts::OpenDraft,
    clock: &Clock,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
    lang: Lang,
) -> Result<i32, CliError> {
    let d = &open.draft;
    let e = d.expiry(clock.today());
    let out = &mut *io.out;
    // Field names, padded to one column.
    let names: [&str; 10] = match lang {
        Lang::En => [
            "Started:",
            "Expiry:",
            "Last saved:",
            "Screen:",
            "Progress:",
            "Language:",
            "Questionnaire:",
            "Attachments:",
            "Access:",
            "Draft",
        ],
        Lang::Fr => [
            "Commencé le :",
            "Expiration :",
            "Enregistré le :",
            "Écran :",
            "Progression :",
            "Langue :",
            "Questionnaire :",
            "Pièces jointes :",
            "Accès :",
            "Brouillon",
        ],
    };
    let width = names[..9].iter().map(|n| n.chars().count()).max().unwrap_or(0) + 2;
    let field = |i: usize| pad(names[i], width);
    w(writeln!(out, "{} {} — {}", names[9], d.id(), safe(&d.label)))?;
    let last = e.last_day;
    const STARTED: Template =
        Template::new(&["start", "last"], "{start} (last day {last})", "{start} (dernier jour : {last})");
    w(writeln!(out, "{}{}", field(0), fill!(STARTED, lang, start = d.created_on(), last = last)))?;
    w(writeln!(out, "{}{}", field(1), e.describe_in(lang)))?;
    w(writeln!(out, "{}{}", field(2), d.last_saved().format("%Y-%m-%d %H:%M:%S")))?;
    w(writeln!(out, "{}{}", field(3), safe(&d.current_screen)))?;
    w(writeln!(out, "{}{} %", field(4), inspector.progress_percent(&d.answers).min(100)))?;
    w(writeln!(out, "{}{}", field(5), safe(&d.language)))?;
    let (qid, qv) = (safe(&d.questionnaire.id), safe(&d.questionnaire.version));
    const QUESTIONNAIRE: Template = Template::new(&["id", "v"], "{id} version {v}", "{id}, version {v}");
    w(writeln!(out, "{}{}", field(6), fill!(QUESTIONNAIRE, lang, id = qid, v = qv)))?;
    w(writeln!(out, "{}{}", field(7), d.attachments.len()))?;
    if let crate::drafts::Access::ReadOnly(why) = open.access() {
        const READ_ONLY: Template = Template::new(&["why"], "read-only — {why}", "lecture seule — {why}");
        w(writeln!(out, "{}{}", field(8), fill!(READ_ONLY, lang, why = safe(why.get(lang)))))?;
    }
    let orphans = crate::drafts::no_longer_asked(&d.answers, inspector);
    let orphan_set: std::collections::HashSet<&str> = orphans.iter().map(String::as_str).collect();
    const ANSWERS: Template = Template::new(&["n"], "Answers ({n}):", "Réponses ({n}) :");
    w(writeln!(out, "{}", fill!(ANSWERS, lang, n = d.answers.len() - orphans.len())))?;
    // Ids and answers come from the draft file: neutralised.
    let fmt = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => safe(s),
        serde_json::Value::Array(a) => {
            safe(&a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join("; "))
        }
        other => safe(&other.to_string()),
    };
    for (k, v) in d.answers.iter().filter(|(k, _)| !orphan_set.contains(k.as_str())) {
        w(writeln!(out, "  {} = {}", safe(k), fmt(v)))?;
    }
    if !orphans.is_empty() {
        const ORPHANS: Template = Template::new(
            &["n"],
            "No longer asked ({n}; kept in the draft):",
            "Questions qui ne sont plus posées ({n}; réponses gardées dans le brouillon) :",
        );
        w(writeln!(out, "{}", fill!(ORPHANS, lang, n = orphans.len())))?;
        for k in &orphans {
            w(writeln!(out, "  {} = {}", safe(k), fmt(&d.answers[k])))?;
        }
    }
    if e.is_warning() {
        const EXPIRING: Template = Template::new(
            &["left", "last"],
            "citcert: warning: {left} — the draft is deleted after {last}.",
            "citcert : avertissement : {left} — le brouillon sera supprimé après le {last}.",
        );
        w(writeln!(io.err, "{}", fill!(EXPIRING, lang, left = e.describe_in(lang), last = last)))?;
    }
    Ok(0)
}

/// "4.4" for a question id, or the id itself when the questionnaire no longer has it.
fn number_of(inspector: &dyn AnswerInspector, id: &str) -> String {
    inspector.question_number(id).unwrap_or_else(|| id.to_string())
}

/// The notes, by question, after `drafts show`. Notes were checked when written (one line, no
/// control characters), and a draft file changed by hand does not load.
fn show_notes(
    d: &crate::drafts::Draft,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
    lang: Lang,
) -> Result<(), CliError> {
    let n = d.notes.len();
    if n == 0 {
        return w(writeln!(io.out, "{}", lang.pick("Notes: none.", "Notes : aucune.")));
    }
    const NOTES: Template = Template::new(&["n"], "Notes ({n}):", "Notes ({n}) :");
    w(writeln!(io.out, "{}", fill!(NOTES, lang, n = n)))?;
    for (id, note) in &d.notes {
        let colon = crate::engine::text::colon(lang);
        w(writeln!(io.out, "  {} ({id}){colon}{note}", number_of(inspector, id)))?;
    }
    Ok(())
}

/// The history, oldest first, after `drafts show --history`: times, events and question numbers.
fn show_history(
    d: &crate::drafts::Draft,
    inspector: &dyn AnswerInspector,
    io: &mut Io<'_>,
    lang: Lang,
) -> Result<(), CliError> {
    const SHOWN: usize = 30;
    let n = d.history.len();
    if n == 0 {
        return w(writeln!(
            io.out,
            "{}",
            lang.pick(
                "History: none yet (drafts saved before this version of citcert start one at their next save).",
                "Historique : aucun pour l'instant (les brouillons enregistrés avant cette version de citcert en \
                 commencent un à leur prochain enregistrement).",
            )
        ));
    }
    const HISTORY: Template = Template::new(
        &["n", "max"],
        "History ({n}, oldest first; the last {max} are kept):",
        "Historique ({n}, du plus ancien au plus récent; les {max} derniers sont gardés) :",
    );
    // One line per event: when, what, and the questions it changed (the first SHOWN of them).
    const CHANGED: Template = Template::new(
        &["at", "event", "numbers"],
        "  {at}  {event}: {numbers}",
        "  {at}  {event} : {numbers}",
    );
    const CHANGED_MORE: Template = Template::new(
        &["at", "event", "numbers", "more"],
        "  {at}  {event}: {numbers} and {more} more",
        "  {at}  {event} : {numbers} et {more} autres",
    );
    w(writeln!(io.out, "{}", fill!(HISTORY, lang, n = n, max = crate::drafts::history::MAX_HISTORY)))?;
    for e in &d.history {
        let at = e.at.replace('T', " ");
        let word = e.event.word();
        let event = word.get(lang);
        if e.changed.is_empty() {
            w(writeln!(io.out, "  {at}  {event}"))?;
            continue;
        }
        let mut nums: Vec<String> = e.changed.iter().map(|id| number_of(inspector, id)).collect();
        // In questionnaire order: 4.2 before 4.10; ids of questions no longer asked last.
        nums.sort_by_cached_key(|n| {
            let parts: Vec<u32> = n.split('.').map(|p| p.parse().unwrap_or(u32::MAX)).collect();
            (parts, n.clone())
        });
        nums.truncate(SHOWN);
        let numbers = nums.join(", ");
        let line = match e.changed.len() {
            n if n > SHOWN => {
                fill!(CHANGED_MORE, lang, at = at, event = event, numbers = numbers, more = n - SHOWN)
            }
            _ => fill!(CHANGED, lang, at = at, event = event, numbers = numbers),
        };
        w(writeln!(io.out, "{line}"))?;
    }

    Ok(())
}
