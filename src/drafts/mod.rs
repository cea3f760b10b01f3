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

use crate::engine::answers::ShapeError;
use crate::engine::text::{Lang, Text};
use crate::fill_text;
use crate::words::Explain;

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
/// in English and French ([`Explain`], made where they are shown); `Display` gives the English.
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
    /// A draft's answers are not the shape an answers file has.
    Shape(Vec<ShapeError>),
    /// A draft was saved that is not the one open.
    NotOpen {
        id: String,
    },
    /// Drafts held in memory (from an answers file) cannot be locked with a passphrase.
    CannotLock,
}

impl DraftError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        DraftError::Io { path: path.into(), source }
    }
}

impl Explain for DraftError {
    fn explain(&self) -> Text {
        match self {
            DraftError::Io { path, source } => {
                fill_text!(w::IO, path = crate::safe_text::path(path), reason = io_reason(source))
            }
            DraftError::Damaged { path, reason } => {
                fill_text!(w::DAMAGED, path = crate::safe_text::path(path), reason = reason)
            }
            DraftError::Expired { label, created_on, expired_after } => {
                fill_text!(w::EXPIRED, label = label, created_on = created_on, expired_after = expired_after)
            }
            DraftError::NotFound(prefix) => fill_text!(w::NOT_FOUND, prefix = prefix),
            DraftError::Ambiguous { prefix, candidates } => {
                fill_text!(w::AMBIGUOUS, prefix = prefix, candidates = candidates.join(", "))
            }
            DraftError::Locked { id } => fill_text!(w::OPEN_ELSEWHERE, id = id),
            DraftError::ReadOnly { id, why: Some(why) } => {
                fill_text!(w::READ_ONLY_BECAUSE, id = id, why = why)
            }
            DraftError::ReadOnly { id, why: None } => fill_text!(w::READ_ONLY, id = id),
            DraftError::InvalidAnswer { question, problem } => {
                fill_text!(w::INVALID_ANSWER, question = question, problem = problem)
            }
            DraftError::Invalid(t) => t.clone(),
            DraftError::PassphraseNeeded { id, label } => {
                fill_text!(w::PASSPHRASE_NEEDED, id = id, label = label)
            }
            DraftError::WrongPassphrase { id } => fill_text!(w::WRONG_PASSPHRASE, id = id),
            DraftError::NoDataDir => Text::new(
                "no home folder found for the default drafts folder; use --drafts-dir DIR or CITCERT_DRAFTS_DIR",
                "aucun dossier personnel pour le dossier des brouillons par défaut; \
                 utilisez --drafts-dir DOSSIER ou CITCERT_DRAFTS_DIR",
            ),
            DraftError::Shape(errs) => errs.explain(),
            DraftError::NotOpen { id } => fill_text!(w::NOT_OPEN, id = id),
            DraftError::CannotLock => Text::new(
                "drafts shown from an answers file cannot be locked",
                "les brouillons affichés à partir d'un fichier de réponses ne peuvent pas être verrouillés",
            ),
        }
    }
}

/// The words of [`DraftError`] with values in them.
mod w {
    use crate::words::Template;

    pub const IO: Template = Template::new(
        &["path", "reason"],
        "{path}: {reason}; check that the folder exists and that you may write to it",
        "{path} : {reason}; vérifiez que le dossier existe et que vous pouvez y écrire",
    );
    pub const DAMAGED: Template = Template::new(&["path", "reason"], "{path}: {reason}", "{path} : {reason}");
    pub const EXPIRED: Template = Template::new(
        &["label", "created_on", "expired_after"],
        "draft '{label}' (started {created_on}) expired after {expired_after}: drafts are kept for \
         60 days from the day they were started; start a new draft",
        "le brouillon « {label} » (commencé le {created_on}) a expiré après le {expired_after} : \
         les brouillons sont conservés 60 jours à partir du jour où ils ont été commencés; \
         commencez un nouveau brouillon",
    );
    pub const NOT_FOUND: Template = Template::new(
        &["prefix"],
        "no draft has an id starting with '{prefix}'; `citcert drafts list` shows the ids",
        "aucun brouillon n'a un identifiant qui commence par « {prefix} »; \
         `citcert drafts list` affiche les identifiants",
    );
    pub const AMBIGUOUS: Template = Template::new(
        &["prefix", "candidates"],
        "'{prefix}' matches several drafts: {candidates}; type more of the id",
        "« {prefix} » correspond à plusieurs brouillons : {candidates}; tapez davantage de l'identifiant",
    );
    pub const OPEN_ELSEWHERE: Template = Template::new(
        &["id"],
        "draft {id} is open in another citcert; close it there first (here it can only be read)",
        "le brouillon {id} est ouvert dans un autre citcert; fermez-le d'abord là-bas \
         (ici, il ne peut qu'être lu)",
    );
    pub const READ_ONLY: Template = Template::new(
        &["id"],
        "draft {id} is open read-only; nothing was saved",
        "le brouillon {id} est ouvert en lecture seule; rien n'a été enregistré",
    );
    pub const READ_ONLY_BECAUSE: Template = Template::new(
        &["id", "why"],
        "draft {id} is open read-only ({why}); nothing was saved",
        "le brouillon {id} est ouvert en lecture seule ({why}); rien n'a été enregistré",
    );
    pub const INVALID_ANSWER: Template = Template::new(
        &["question", "problem"],
        "answer '{question}': {problem}",
        "réponse « {question} » : {problem}",
    );
    pub const PASSPHRASE_NEEDED: Template = Template::new(
        &["id", "label"],
        "draft {id} '{label}' is locked with a passphrase; type it on a terminal, or give a file \
         holding it with --passphrase-file FILE (or CITCERT_PASSPHRASE_FILE)",
        "le brouillon {id} « {label} » est verrouillé par une phrase de passe; tapez-la dans un \
         terminal, ou donnez un fichier qui la contient avec --passphrase-file FICHIER (ou \
         CITCERT_PASSPHRASE_FILE)",
    );
    pub const WRONG_PASSPHRASE: Template = Template::new(
        &["id"],
        "wrong passphrase for draft {id}; nothing was changed",
        "mauvaise phrase de passe pour le brouillon {id}; rien n'a été modifié",
    );
    pub const NOT_OPEN: Template =
        Template::new(&["id"], "draft {id} is not open", "le brouillon {id} n'est pas ouvert");
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
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

#[cfg(test)]
mod error_tests {
    use super::*;

    /// One of each kind, as the store makes them.
    fn every_error() -> Vec<DraftError> {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let shape =
            ShapeError { id: "pers.dob".into(), message: Text::new("not a date", "ce n'est pas une date") };
        vec![
            DraftError::io("/d/x.json", std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
            DraftError::Damaged { path: "/d/x.json".into(), reason: Text::new("not JSON", "pas du JSON") },
            DraftError::Expired { label: "Anna".into(), created_on: day, expired_after: day },
            DraftError::NotFound("d9".into()),
            DraftError::Ambiguous { prefix: "d".into(), candidates: vec!["d1".into(), "d2".into()] },
            DraftError::Locked { id: "d1".into() },
            DraftError::ReadOnly { id: "d1".into(), why: None },
            DraftError::InvalidAnswer {
                question: "pers.dob".into(),
                problem: Text::new("not a date", "ce n'est pas une date"),
            },
            DraftError::Invalid(Text::new("the label is empty", "le nom est vide")),
            DraftError::NoDataDir,
            DraftError::PassphraseNeeded { id: "d1".into(), label: "Anna".into() },
            DraftError::WrongPassphrase { id: "d1".into() },
            DraftError::Shape(vec![shape.clone(), ShapeError { id: String::new(), ..shape }]),
            DraftError::NotOpen { id: "d1".into() },
            DraftError::CannotLock,
        ]
    }

    /// Fails to compile when a kind is added, until it is added to [`every_error`] too.
    fn _every_kind_is_listed(e: &DraftError) {
        match e {
            DraftError::Io { .. }
            | DraftError::Damaged { .. }
            | DraftError::Expired { .. }
            | DraftError::NotFound(_)
            | DraftError::Ambiguous { .. }
            | DraftError::Locked { .. }
            | DraftError::ReadOnly { .. }
            | DraftError::InvalidAnswer { .. }
            | DraftError::Invalid(_)
            | DraftError::NoDataDir
            | DraftError::PassphraseNeeded { .. }
            | DraftError::WrongPassphrase { .. }
            | DraftError::Shape(_)
            | DraftError::NotOpen { .. }
            | DraftError::CannotLock => {}
        }
    }

    #[test]
    fn every_kind_has_words_in_english_and_in_french() {
        for e in every_error() {
            let t = e.explain();
            assert!(!t.en.trim().is_empty() && !t.fr.trim().is_empty(), "{e:?}");
            assert_ne!(t.en, t.fr, "{e:?}");
            assert_eq!(e.words(Lang::En), t.en);
            assert_eq!(e.words(Lang::Fr), t.fr);
            assert_eq!(e.to_string(), t.en, "Display is the English");
            for english in ["draft ", "wrong passphrase", "no draft", "check that", "cannot"] {
                assert!(!t.fr.contains(english), "{english:?} in {}", t.fr);
            }
        }
    }

    #[test]
    fn shape_errors_are_listed_with_their_question_ids() {
        let Some(DraftError::Shape(errs)) =
            every_error().into_iter().find(|e| matches!(e, DraftError::Shape(_)))
        else {
            panic!("no shape error")
        };
        let t = DraftError::Shape(errs).explain();
        assert_eq!(t.en, "pers.dob: not a date; not a date");
        assert_eq!(t.fr, "pers.dob: ce n'est pas une date; ce n'est pas une date");
    }
}
