//! The draft store: one JSON file per draft in a private folder, saved atomically, expired after
//! 60 days (SPEC §5 V-DRAFT, rule DR-16), damaged files quarantined, never silently lost.
//!
//! No terminal code and no system clock here: every date comes from the [`Clock`](crate::clock::Clock)
//! the caller passes in. No answer is ever written anywhere but the drafts folder (and stdout for
//! `drafts show` / `drafts export`, on the user's request).
//!
//! Map of the module:
//! * [`format`] — the draft file: parse, validate, serialize, checksum.
//! * [`expiry`] — the 60-day arithmetic.
//! * [`fsutil`] — atomic save, private folders and files, overwrite-then-remove.
//! * [`lock`] — the advisory lock that keeps a second citcert read-only.
//! * [`protect`] — drafts locked with a passphrase: the sealed part (age, scrypt), [`protect::Passphrase`].
//! * [`store`] — [`DraftStore`]: list, create, open, save, delete, purge, import, quarantine.
//! * [`cli`] — `citcert drafts …`.

#[cfg(test)]
mod examples;
pub mod expiry;
pub mod format;
pub mod fsutil;
pub mod history;
pub mod lock;
pub mod protect;
pub mod store;

use serde_json::{Map, Value};
use std::path::PathBuf;

use crate::engine::text::{Lang, Text};

pub use expiry::{Expiry, MAX_DAYS, WARN_DAYS};
pub use format::{CachedProgress, Draft, FORMAT_VERSION, QuestionnaireRef};
pub use store::{
    Access, DamagedNotice, DraftStore, DraftSummary, EXAMPLES_MARKER, ExpiredNotice, Kept, OpenDraft, Sweep,
    check_label,
};

/// What the store needs from the questionnaire engine, which lives elsewhere (`src/engine`).
pub trait AnswerInspector: Sync {
    /// How far the answers are, 0..=100.
    fn progress_percent(&self, answers: &Map<String, Value>) -> u8;
    /// Whether the current questionnaire still asks this question id.
    fn is_known_question(&self, id: &str) -> bool;
    /// The questionnaire new drafts are started against.
    fn questionnaire(&self) -> QuestionnaireRef {
        QuestionnaireRef { id: "CIT0001".into(), version: "unknown".into() }
    }
    /// The question id for a number a person says ("4.4") or an id; None when the questionnaire
    /// has no such question. Without an engine, any text is taken as an id.
    fn question_id(&self, number_or_id: &str) -> Option<String> {
        Some(number_or_id.trim().to_string()).filter(|s| !s.is_empty())
    }
    /// The number a person says for a question id ("4.4"), when the questionnaire has it.
    fn question_number(&self, _id: &str) -> Option<String> {
        None
    }
}

/// An inspector that knows nothing: 0 %, every id known. For tests and for tools without the engine.
#[derive(Debug, Clone, Copy, Default)]
pub struct NullInspector;

impl AnswerInspector for NullInspector {
    fn progress_percent(&self, _answers: &Map<String, Value>) -> u8 {
        0
    }
    fn is_known_question(&self, _id: &str) -> bool {
        true
    }
}

/// The answer ids of a draft that the current questionnaire no longer asks. They stay in the draft.
pub fn no_longer_asked(answers: &Map<String, Value>, inspector: &dyn AnswerInspector) -> Vec<String> {
    answers.keys().filter(|k| !inspector.is_known_question(k)).cloned().collect()
}

/// Everything that can go wrong in the store. Messages name the file, the problem and what to do,
/// in English and French ([`DraftError::text`]); `Display` gives the English.
#[derive(Debug)]
pub enum DraftError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Damaged {
        path: PathBuf,
        reason: Text,
    },
    Expired {
        label: String,
        created_on: chrono::NaiveDate,
        expired_after: chrono::NaiveDate,
    },
    NotFound(String),
    Ambiguous {
        prefix: String,
        candidates: Vec<String>,
    },
    Locked {
        id: String,
    },
    /// `why`: open in another citcert, a folder of examples …
    ReadOnly {
        id: String,
        why: Option<Text>,
    },
    InvalidAnswer {
        question: String,
        problem: Text,
    },
    Invalid(Text),
    NoDataDir,
    /// The draft is locked with a passphrase and none was given.
    PassphraseNeeded {
        id: String,
        label: String,
    },
    /// The passphrase given does not open the draft; nothing was changed.
    WrongPassphrase {
        id: String,
    },
}

impl DraftError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        DraftError::Io { path: path.into(), source }
    }

    /// The message in both languages.
    pub fn text(&self) -> Text {
        match self {
            DraftError::Io { path, source } => {
                let r = io_reason(source);
                let p = crate::safe_text::path(path);
                Text::new(
                    format!("{p}: {}; check that the folder exists and that you may write to it", r.en),
                    format!("{p} : {}; vérifiez que le dossier existe et que vous pouvez y écrire", r.fr),
                )
            }
            DraftError::Damaged { path, reason } => {
                let p = crate::safe_text::path(path);
                Text::new(format!("{p}: {}", reason.en), format!("{p} : {}", reason.fr))
            }
            DraftError::Expired { label, created_on, expired_after } => Text::new(
                format!(
                    "draft '{label}' (started {created_on}) expired after {expired_after}: drafts are kept for \
                     60 days from the day they were started; start a new draft"
                ),
                format!(
                    "le brouillon « {label} » (commencé le {created_on}) a expiré après le {expired_after} : \
                     les brouillons sont conservés 60 jours à partir du jour où ils ont été commencés; \
                     commencez un nouveau brouillon"
                ),
            ),
            DraftError::NotFound(prefix) => Text::new(
                format!("no draft has an id starting with '{prefix}'; `citcert drafts list` shows the ids"),
                format!(
                    "aucun brouillon n'a un identifiant qui commence par « {prefix} »; \
                     `citcert drafts list` affiche les identifiants"
                ),
            ),
            DraftError::Ambiguous { prefix, candidates } => {
                let c = candidates.join(", ");
                Text::new(
                    format!("'{prefix}' matches several drafts: {c}; type more of the id"),
                    format!(
                        "« {prefix} » correspond à plusieurs brouillons : {c}; tapez davantage de l'identifiant"
                    ),
                )
            }
            DraftError::Locked { id } => Text::new(
                format!(
                    "draft {id} is open in another citcert; close it there first (here it can only be read)"
                ),
                format!(
                    "le brouillon {id} est ouvert dans un autre citcert; fermez-le d'abord là-bas \
                     (ici, il ne peut qu'être lu)"
                ),
            ),
            DraftError::ReadOnly { id, why } => {
                let (en, fr) = match why {
                    Some(w) => (format!(" ({})", w.en), format!(" ({})", w.fr)),
                    None => (String::new(), String::new()),
                };
                Text::new(
                    format!("draft {id} is open read-only{en}; nothing was saved"),
                    format!("le brouillon {id} est ouvert en lecture seule{fr}; rien n'a été enregistré"),
                )
            }
            DraftError::InvalidAnswer { question, problem } => Text::new(
                format!("answer '{question}': {}", problem.en),
                format!("réponse « {question} » : {}", problem.fr),
            ),
            DraftError::Invalid(t) => t.clone(),
            DraftError::PassphraseNeeded { id, label } => Text::new(
                format!(
                    "draft {id} '{label}' is locked with a passphrase; type it on a terminal, or give a file \
                     holding it with --passphrase-file FILE (or CITCERT_PASSPHRASE_FILE)"
                ),
                format!(
                    "le brouillon {id} « {label} » est verrouillé par une phrase de passe; tapez-la dans un \
                     terminal, ou donnez un fichier qui la contient avec --passphrase-file FICHIER (ou \
                     CITCERT_PASSPHRASE_FILE)"
                ),
            ),
            DraftError::WrongPassphrase { id } => Text::new(
                format!("wrong passphrase for draft {id}; nothing was changed"),
                format!("mauvaise phrase de passe pour le brouillon {id}; rien n'a été modifié"),
            ),
            DraftError::NoDataDir => Text::new(
                "no home folder found for the default drafts folder; use --drafts-dir DIR or CITCERT_DRAFTS_DIR",
                "aucun dossier personnel pour le dossier des brouillons par défaut; \
                 utilisez --drafts-dir DOSSIER ou CITCERT_DRAFTS_DIR",
            ),
        }
    }

    /// The message in one language.
    pub fn message(&self, lang: Lang) -> String {
        let t = self.text();
        match lang {
            Lang::En => t.en,
            Lang::Fr => t.fr,
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for DraftError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DraftError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What the system said, in both languages: the system's own words (English) and, in French, the
/// same problem in words plus the system's message for a technician.
pub fn io_reason(e: &std::io::Error) -> Text {
    use std::io::ErrorKind as K;
    let msg = e.to_string();
    if msg == fsutil::NOT_REGULAR {
        return Text::new(
            msg,
            "ce n'est pas un fichier ordinaire (c'est un dossier, un périphérique, un tube ou un socket)",
        );
    }
    if msg == fsutil::IS_LINK {
        return Text::new(msg, "c'est un lien symbolique, qui n'est pas suivi ici");
    }
    let fr = match e.kind() {
        K::FileTooLarge => "le fichier est trop gros",
        K::NotFound => "introuvable",
        K::PermissionDenied => "permission refusée",
        K::AlreadyExists => "existe déjà",
        K::StorageFull => "le disque est plein",
        K::ReadOnlyFilesystem => "le système de fichiers est en lecture seule",
        K::NotADirectory => "n'est pas un dossier",
        K::IsADirectory => "est un dossier",
        K::DirectoryNotEmpty => "le dossier n'est pas vide",
        K::Interrupted => "opération interrompue",
        K::InvalidData => "données illisibles",
        K::UnexpectedEof => "fin de fichier inattendue",
        K::WouldBlock | K::ResourceBusy => "ressource occupée",
        K::TimedOut => "délai dépassé",
        _ => "erreur du système",
    };
    Text::new(e.to_string(), format!("{fr} ({e})"))
}
