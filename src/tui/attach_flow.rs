//! The "Attach a file" dialog's state and actions (issue 5). F7 on a document's file question
//! (`docs.<ITEM>.file`, screen `S11.<ITEM>`) opens it; Enter calls [`crate::documents::attach::attach`] on the
//! open draft. The TUI's draft keeps the attachment records (`Draft::attachments`), so they are
//! saved through the store like the answers. Drawing is in `view::attach`.

use super::app::{Overlay, Pane, Session};
use super::draft_screen::DraftScreen;
use super::store::Draft;
use super::widgets::TextInput;
use crate::clock::Clock;
use crate::documents::attach::{self, AttachError, AttachOptions, Attachment, DEFAULT_MAX_MB};
use crate::drafts::QuestionnaireRef;
use crate::engine::{Answers, Explain, Lang, QType, Questionnaire, Text};
use crate::fill;
use crate::tui::i18n::{Msg, Template};

/// The attach flow's fixed words.
pub const TITLE: Msg = Msg::new("Attach a file", "Joindre un fichier");
pub const EXPLANATION: Msg = Msg::new(
    "This is an explanation letter instead of the document",
    "C’est une lettre d’explication au lieu du document",
);
pub const HINT: Msg = Msg::new(
    "F7 attach a file (checks it, records its SHA-256)",
    "F7 joindre un fichier (vérifié, avec son SHA-256)",
);
pub const NOT_HERE: Msg = Msg::new(
    "F7 attaches a file on a document's “Path of the file” question (Documents screens).",
    "F7 joint un fichier à la question « Chemin du fichier » d’un document (écrans Documents).",
);
pub const CANCELLED: Msg = Msg::new("Nothing attached.", "Aucun fichier joint.");
pub const EMPTY_PATH: Msg =
    Msg::new("Type the path of the file first.", "Tapez d’abord le chemin du fichier.");
pub const CHANGED: Msg = Msg::new(
    "⚠ file changed since attached: attach it again",
    "⚠ fichier modifié depuis qu’il a été joint : joignez-le de nouveau",
);
pub const MISSING: Msg = Msg::new(
    "✗ file missing (moved or deleted since attached): attach it again",
    "✗ fichier manquant (déplacé ou supprimé depuis qu’il a été joint) : joignez-le de nouveau",
);
pub const UNREADABLE_NOW: Msg =
    Msg::new("✗ file cannot be read now", "✗ le fichier ne peut pas être lu maintenant");

/// The attach flow's words with values in them (`crate::fill!` puts the values in).
pub const FOR_ITEM: Template = Template::new(&["item", "id"], "For: {item} ({id})", "Pour : {item} ({id})");
pub const PATH_LABEL: Template = Template::new(
    &["max"],
    "Path of the file (JPEG, PNG or PDF, up to {max}; ~ is your home):",
    "Chemin du fichier (JPEG, PNG ou PDF, jusqu’à {max}; ~ est votre dossier personnel) :",
);
pub const READ_ONLY: Template = Template::new(
    &["why"],
    "✗ Read-only draft ({why}): nothing can be attached.",
    "✗ Brouillon en lecture seule ({why}) : rien ne peut être joint.",
);
pub const ATTACHED: Template = Template::new(
    &["name", "type", "size", "hash"],
    "Attached: {name} — {type}, {size}, SHA-256 {hash}…",
    "Joint : {name} — {type}, {size}, SHA-256 {hash}…",
);
pub const ATTACHED_LETTER: Template = Template::new(
    &["name", "type", "size", "hash"],
    "Attached (explanation letter): {name} — {type}, {size}, SHA-256 {hash}…",
    "Joint (lettre d’explication) : {name} — {type}, {size}, SHA-256 {hash}…",
);
pub const NOT_FOUND: Template = Template::new(
    &["path"],
    "✗ No such file: {path}. Check the path.",
    "✗ Fichier introuvable : {path}. Vérifiez le chemin.",
);
pub const NOT_A_FILE: Template = Template::new(
    &["path"],
    "✗ Not a file: {path}. Give the path of the document itself, not a folder.",
    "✗ Ce n’est pas un fichier : {path}. Donnez le chemin du document lui-même, pas d’un dossier.",
);
pub const UNREADABLE: Template = Template::new(
    &["path", "reason"],
    "✗ Cannot read {path} ({reason}). Check its permissions.",
    "✗ Impossible de lire {path} ({reason}). Vérifiez ses permissions.",
);
pub const WRONG_TYPE: Template = Template::new(
    &["why"],
    "✗ Refused: {why}. The portal takes JPEG, PNG or PDF files only: convert it and attach again.",
    "✗ Refusé : {why}. Le portail n’accepte que les fichiers JPEG, PNG ou PDF : convertissez-le et joignez-le de nouveau.",
);
pub const TOO_LARGE: Template = Template::new(
    &["size", "max"],
    "✗ Refused: the file is {size}, over the {max} limit. Scan it at a lower resolution or split it.",
    "✗ Refusé : le fichier fait {size}, au-delà de la limite de {max}. Numérisez-le à une résolution plus basse ou divisez-le.",
);
pub const NOT_KEPT: Template = Template::new(&["why"], "✗ Not attached: {why}", "✗ Non joint : {why}");

/// The status line after a read-only draft refused an attachment.
pub fn read_only(why: Text, lang: Lang) -> String {
    fill!(READ_ONLY, lang, why = why.get(lang))
}

/// The status line after a file was attached: its name, type, size and the start of its hash.
pub fn attached_notice(a: &Attachment, lang: Lang) -> String {
    let (name, kind, size) = (a.file_name(), a.file_type.code().to_uppercase(), short_size_in(a.size, lang));
    let hash = &a.sha256[..6.min(a.sha256.len())];
    if a.kind == attach::Kind::Explanation {
        fill!(ATTACHED_LETTER, lang, name = name, type = kind, size = size, hash = hash)
    } else {
        fill!(ATTACHED, lang, name = name, type = kind, size = size, hash = hash)
    }
}

/// The open dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachDialog {
    /// The checklist item's id (`CL-ID1`).
    pub item: String,
    /// Its file question (index into `q.questions`).
    pub file_q: usize,
    pub input: TextInput,
    /// "This is an explanation letter instead of the document" (SPEC §4.1).
    pub explanation: bool,
    /// The focus is on the explanation tick box rather than the path.
    pub on_toggle: bool,
    /// The size limit in bytes (`CITCERT_MAX_UPLOAD_MB`, else 4 MB).
    pub max_bytes: u64,
    /// Why the last Enter was refused.
    pub error: Option<String>,
    /// The path shown was filled in for the person (the answer already given): it is shown selected,
    /// and the first character typed or pasted replaces it; a moving or deleting key keeps it.
    pub prefilled: bool,
}

/// The checklist item and file question under the focus, when it is a document's file question.
pub fn file_question(q: &Questionnaire, s: &Session) -> Option<(String, usize)> {
    if s.pane != Pane::Questions {
        return None;
    }
    let qi = s.focus?;
    let ii = q.questions[qi].item?;
    is_file_question(q, qi).then(|| (q.items[ii].id.clone(), qi))
}

/// Whether question `qi` is the file question of its checklist item.
pub fn is_file_question(q: &Questionnaire, qi: usize) -> bool {
    let question = &q.questions[qi];
    question.qtype == QType::File && question.item.is_some_and(|ii| q.items[ii].file_q == Some(qi))
}

/// "21 KB", "3.2 MB", "312 bytes".
pub fn short_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

pub use crate::session::files::expand_home;

/// "21 Ko", "3,2 Mo", "312 octets" in French; [`short_size`] in English.
pub fn short_size_in(bytes: u64, lang: Lang) -> String {
    let s = short_size(bytes);
    match lang {
        Lang::En => s,
        Lang::Fr => {
            s.replace(" MB", " Mo").replace(" KB", " Ko").replace(" bytes", " octets").replace('.', ",")
        }
    }
}

/// A refusal in words for the dialog, in `lang`.
pub fn refusal(e: &AttachError, lang: Lang) -> String {
    match e {
        AttachError::NotFound { path } => fill!(NOT_FOUND, lang, path = path.display()),
        AttachError::NotAFile { path } => fill!(NOT_A_FILE, lang, path = path.display()),
        AttachError::Unreadable { path, reason } => {
            fill!(UNREADABLE, lang, path = path.display(), reason = reason.get(lang))
        }
        AttachError::WrongType { why, .. } => fill!(WRONG_TYPE, lang, why = why.get(lang)),
        AttachError::TooLarge { size, max, .. } => {
            fill!(TOO_LARGE, lang, size = short_size_in(*size, lang), max = short_size_in(*max, lang))
        }
        other @ (AttachError::UnknownItem { .. }
        | AttachError::NotOnChecklist { .. }
        | AttachError::NotAnUpload { .. }
        | AttachError::BadAnswer { .. }
        | AttachError::PathNotText { .. }) => fill!(NOT_KEPT, lang, why = other.explain().get(lang)),
    }
}

/// Attaches on a copy of the TUI's draft: the new answers and attachment records, or the refusal.
/// The draft itself is untouched (the caller stores the result).
pub fn attach_to(
    draft: &Draft,
    q: &Questionnaire,
    item: &str,
    path: &std::path::Path,
    opts: &AttachOptions,
    clock: &Clock,
    lang: Lang,
) -> Result<(Answers, Vec<serde_json::Value>, Attachment), String> {
    let mut d = crate::drafts::Draft::new(
        draft.id.clone(),
        draft.label.clone(),
        draft.created_on,
        clock.now(),
        QuestionnaireRef { id: q.id.clone(), version: q.version.clone() },
        "en".into(),
    );
    d.answers = draft.answers.to_json_map();
    d.attachments = draft.attachments.clone();
    let a = attach::attach(&mut d, q, item, path, opts, clock).map_err(|e| refusal(&e, lang))?;
    let answers =
        Answers::from_map(&d.answers).map_err(|e| fill!(NOT_KEPT, lang, why = e.explain().get(lang)))?;
    Ok((answers, d.attachments, a))
}

fn max_bytes_setting() -> u64 {
    let env = std::env::var("CITCERT_MAX_UPLOAD_MB").ok();
    crate::documents::handoff::max_bytes(env.as_deref()).unwrap_or(DEFAULT_MAX_MB * 1024 * 1024)
}

impl DraftScreen<'_, '_> {
    /// F7: opens the dialog on a document's file question; elsewhere says where it works.
    pub fn open_attach(&mut self) {
        let Some((item, file_q)) = file_question(self.q, self.s) else {
            *self.status = Some(NOT_HERE.get(self.lang).into());
            return;
        };
        if let Some(why) = self.store.read_only() {
            *self.status = Some(read_only(why, self.lang));
            return;
        }
        let s = &*self.s;
        if s.paper_mode {
            *self.status = Some(super::i18n::PAPER_NO_FILE.get(self.lang).into());
            return;
        }
        // What is typed in the field, else the path already given.
        let typed = match s.field.pending() {
            Some(Some(v)) => Some(v.display()),
            Some(None) => None,
            None => s.draft.answers.get(&self.q.questions[file_q].id).map(|v| v.display()),
        };
        let typed = typed.unwrap_or_default();
        *self.overlay = Some(Overlay::Attach(AttachDialog {
            item: item.clone(),
            file_q,
            prefilled: !typed.is_empty(),
            input: TextInput::new(typed),
            // The choice already made ("No, I will upload an explanation letter instead") is kept.
            explanation: crate::session::files::explanation_chosen(self.q, &s.draft.answers, &item),
            on_toggle: false,
            max_bytes: max_bytes_setting(),
            error: None,
        }));
    }

    /// Attaches (the same check as a path typed at the question, `session::files`), stores the
    /// result in the draft, re-evaluates and saves; the refusal otherwise.
    pub(super) fn attach_now(&mut self, d: &AttachDialog) -> Result<(), String> {
        let typed = d.input.value.trim();
        if typed.is_empty() {
            return Err(EMPTY_PATH.get(self.lang).into());
        }
        let path = expand_home(typed);
        // The App's day, as the clock gave it at start.
        let clock = Clock::Fixed(self.today);
        let q = self.q;
        let s = &*self.s;
        let given = crate::session::files::give_file(
            q,
            &s.draft.answers,
            &s.draft.attachments,
            s.draft.created_on,
            &d.item,
            &path,
            Some(d.explanation),
            d.max_bytes,
            &clock,
        )
        .map_err(|e| refusal(&e, self.lang))?;
        // Recorded, saved and said; a stop or caution it set off is shown at once.
        self.apply_given(given, d.file_q);
        let status = self.status.take();
        self.goto_question(d.file_q);
        *self.status = status;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_the_dialog_does_not_word_itself_are_french_too() {
        let e = AttachError::UnknownItem { item: "CL-NOPE".into(), on_list: vec!["CL-ID1".into()] };
        assert_eq!(
            refusal(&e, Lang::En),
            "✗ Not attached: CL-NOPE: no such checklist item; this draft's checklist has: CL-ID1"
        );
        let fr = refusal(&e, Lang::Fr);
        assert!(fr.starts_with("✗ Non joint : CL-NOPE : aucun élément"), "{fr}");
        assert!(!fr.contains("no such"), "{fr}");
        let e = AttachError::WrongType {
            path: "x.gif".into(),
            why: crate::documents::attach::FileType::sniff(b"GIF89a").unwrap_err(),
        };
        assert!(refusal(&e, Lang::Fr).contains("c'est une image GIF"), "{}", refusal(&e, Lang::Fr));
        let e = AttachError::TooLarge { path: "big.pdf".into(), size: 2048, max: 1024 };
        assert_eq!(
            refusal(&e, Lang::En),
            "✗ Refused: the file is 2 KB, over the 1 KB limit. Scan it at a lower resolution or split it."
        );
        assert!(refusal(&e, Lang::Fr).contains("le fichier fait 2 Ko, au-delà de la limite de 1 Ko"));
    }

    /// Issue 14: a path or a reason holding `{reason}`, `{path}` or `{why}` is shown as it is (the
    /// old `.replace` chains filled those in inside the values).
    #[test]
    fn values_holding_placeholders_are_shown_as_they_are() {
        let path = std::path::PathBuf::from("/home/a/{reason}/{path} scan.pdf");
        let e = AttachError::Unreadable {
            path: path.clone(),
            reason: Text::new("denied {why}", "refusé {why}"),
        };
        assert_eq!(
            refusal(&e, Lang::En),
            "✗ Cannot read /home/a/{reason}/{path} scan.pdf (denied {why}). Check its permissions."
        );
        assert_eq!(
            refusal(&e, Lang::Fr),
            "✗ Impossible de lire /home/a/{reason}/{path} scan.pdf (refusé {why}). Vérifiez ses permissions."
        );
        assert_eq!(
            refusal(&AttachError::NotFound { path }, Lang::En),
            "✗ No such file: /home/a/{reason}/{path} scan.pdf. Check the path."
        );
        assert_eq!(
            read_only(Text::new("locked by {why}", "verrouillé par {why}"), Lang::Fr),
            "✗ Brouillon en lecture seule (verrouillé par {why}) : rien ne peut être joint."
        );
    }

    #[test]
    fn short_sizes_in_french() {
        assert_eq!(short_size_in(3 * 1024 * 1024 + 200 * 1024, Lang::Fr), "3,2 Mo");
        assert_eq!(short_size_in(312, Lang::Fr), "312 octets");
        assert_eq!(short_size_in(312, Lang::En), "312 bytes");
    }
}
