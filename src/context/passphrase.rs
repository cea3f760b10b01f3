//! The passphrase of a locked draft, from where the options say: `--passphrase-file` /
//! `CITCERT_PASSPHRASE_FILE` for scripts, else asked on the terminal without echo. For every
//! command and front end that opens a locked draft (drafts, documents, render).

use std::io::IsTerminal;
use std::path::Path;

use super::{CliError, GlobalArgs, PROBLEM_WITH, cli_error};
use crate::drafts::protect::{Passphrase, read_passphrase_file};
use crate::drafts::{DraftError, DraftStore};
use crate::engine::text::{Lang, Text};
use crate::words::Template;
use crate::{fill, fill_text};

/// Runs `f` on the store; when it needs the passphrase of a locked draft, asks for it once
/// ([`ask_passphrase`]) and runs `f` again with it.
pub fn with_passphrase<T>(
    store: &mut DraftStore,
    global: &GlobalArgs,
    lang: Lang,
    f: impl Fn(&DraftStore) -> Result<T, DraftError>,
) -> Result<T, CliError> {
    match f(store) {
        Err(DraftError::PassphraseNeeded { id, label }) => {
            let pass = ask_passphrase(global, lang, &id, &label)?;
            store.set_passphrase(Some(pass));
            f(store).map_err(cli_error)
        }
        other => other.map_err(cli_error),
    }
}

/// The passphrase of draft `id`: from `--passphrase-file` / `CITCERT_PASSPHRASE_FILE`, else typed
/// on the terminal without echo. Never from an argument or an environment variable's value.
pub fn ask_passphrase(
    global: &GlobalArgs,
    lang: Lang,
    id: &str,
    label: &str,
) -> Result<Passphrase, CliError> {
    if let Some(path) = &global.passphrase_file {
        return read_passphrase_file(path).map_err(CliError::usage);
    }
    if !std::io::stdin().is_terminal() {
        return Err(cli_error(DraftError::PassphraseNeeded { id: id.into(), label: label.into() }));
    }
    const PROMPT: Template = Template::new(
        &["id", "label"],
        "Passphrase of draft {id} '{label}': ",
        "Phrase de passe du brouillon {id} « {label} » : ",
    );
    let prompt = fill!(PROMPT, lang, id = id, label = crate::safe_text::inline(label));
    let typed = zeroize::Zeroizing::new(rpassword::prompt_password(prompt).map_err(|e| no_prompt(&e))?);
    Passphrase::new(&typed).map_err(CliError::usage)
}

/// When `root` (read from `path`) is a draft file locked with a passphrase, asks for the
/// passphrase and returns the draft's contents in the shape of an unlocked draft file (answers,
/// attachments, label, created_on), for `check --answers FILE` and the document commands. `None`
/// for any other JSON, which the caller reads as it is.
pub fn unlock_file(
    path: &Path,
    bytes: &[u8],
    root: &serde_json::Value,
    global: &GlobalArgs,
    lang: Lang,
) -> Result<Option<serde_json::Value>, CliError> {
    if root.get("protected").is_none() || root.get("format").is_none() {
        return Ok(None);
    }
    let p = path.display();
    let id = root.get("id").and_then(|v| v.as_str()).unwrap_or("");
    let mut d = crate::drafts::format::parse(bytes, id)
        .map_err(|r| CliError::usage(fill_text!(PROBLEM_WITH, what = p, problem = r)))?;
    let pass = ask_passphrase(global, lang, d.id(), &d.label)?;
    crate::drafts::protect::unlock(&mut d, &pass).map_err(|e| match e {
        crate::drafts::protect::UnlockError::WrongPassphrase => {
            cli_error(DraftError::WrongPassphrase { id: d.id().into() })
        }
        crate::drafts::protect::UnlockError::Damaged(r) => {
            CliError::usage(fill_text!(PROBLEM_WITH, what = p, problem = r))
        }
    })?;
    Ok(Some(serde_json::json!({
        "answers": d.answers,
        "attachments": d.attachments,
        "label": d.label,
        "created_on": d.created_on().to_string(),
    })))
}

/// A new passphrase, to lock a draft: from the file, or typed twice on the terminal.
pub fn new_passphrase(global: &GlobalArgs, lang: Lang) -> Result<Passphrase, CliError> {
    if let Some(path) = &global.passphrase_file {
        let p = read_passphrase_file(path).map_err(CliError::usage)?;
        p.check_for_lock().map_err(CliError::usage)?;
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::usage(Text::new(
            "to lock a draft, type a passphrase on a terminal, or give a file holding it with --passphrase-file \
             FILE (or CITCERT_PASSPHRASE_FILE); nothing was changed",
            "pour verrouiller un brouillon, tapez une phrase de passe dans un terminal, ou donnez un fichier qui la \
             contient avec --passphrase-file FICHIER (ou CITCERT_PASSPHRASE_FILE); rien n'a été modifié",
        )));
    }
    const NEW: Template = Template::new(
        &["min"],
        "New passphrase (at least {min} characters; it is not shown): ",
        "Nouvelle phrase de passe (au moins {min} caractères; elle ne s'affiche pas) : ",
    );
    let first = zeroize::Zeroizing::new(
        rpassword::prompt_password(fill!(NEW, lang, min = crate::drafts::protect::MIN_CHARS))
            .map_err(|e| no_prompt(&e))?,
    );

    let p = Passphrase::new_for_lock(&first).map_err(CliError::usage)?;
    let again = zeroize::Zeroizing::new(
        rpassword::prompt_password(lang.pick("Type it again: ", "Tapez-la de nouveau : "))
            .map_err(|e| no_prompt(&e))?,
    );
    if !Passphrase::new(&again).is_ok_and(|a| a.same_as(&p)) {
        return Err(CliError::usage(Text::new(
            "the two passphrases differ; nothing was changed",
            "les deux phrases de passe diffèrent; rien n'a été modifié",
        )));
    }
    Ok(p)
}

fn no_prompt(e: &std::io::Error) -> CliError {
    const NO_PROMPT: Template = Template::new(
        &["reason"],
        "cannot read the passphrase from the terminal: {reason}",
        "impossible de lire la phrase de passe au terminal : {reason}",
    );
    CliError::refused(fill_text!(NO_PROMPT, reason = crate::drafts::io_reason(e)))
}
