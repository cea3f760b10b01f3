//! The "Attach a file" dialog's state and actions (issue 5). F7 on a document's file question
//! (`docs.<ITEM>.file`, screen `S11.<ITEM>`) opens it; Enter calls [`crate::documents::attach::attach`] on the
//! open draft. The TUI's draft keeps the attachment records (`Draft::attachments`), so they are
//! saved through the store like the answers. Drawing is in `view::attach`.

use super::app::{App, Overlay, Pane};
use super::keymap::Action;
use super::store::Draft;
use super::widgets::{FieldKey, TextInput};
use crate::clock::Clock;
use crate::documents::attach::{self, AttachError, AttachOptions, Attachment, DEFAULT_MAX_MB};
use crate::drafts::QuestionnaireRef;
use crate::engine::{Answers, Lang, QType, Questionnaire};

/// Words of the attach flow, in English and French (`{…}` are filled in).
pub struct Texts {
    pub title: &'static str,
    pub for_item: &'static str,
    pub path_label: &'static str,
    pub explanation: &'static str,
    pub keys: &'static str,
    pub hint: &'static str,
    pub not_here: &'static str,
    pub read_only: &'static str,
    pub cancelled: &'static str,
    pub empty_path: &'static str,
    pub attached: &'static str,
    pub attached_letter: &'static str,
    pub not_found: &'static str,
    pub not_a_file: &'static str,
    pub unreadable: &'static str,
    pub wrong_type: &'static str,
    pub too_large: &'static str,
    pub not_kept: &'static str,
    pub changed: &'static str,
    pub missing: &'static str,
    pub unreadable_now: &'static str,
}

pub const TEXT: Texts = Texts {
    title: "Attach a file",
    for_item: "For: {item} ({id})",
    path_label: "Path of the file (JPEG, PNG or PDF, up to {max}; ~ is your home):",
    explanation: "This is an explanation letter instead of the document",
    keys: "Enter attach · Tab path/letter · Space tick · Esc cancel",
    hint: "F7 attach a file (checks it, records its SHA-256)",
    not_here: "F7 attaches a file on a document's “Path of the file” question (Documents screens).",
    read_only: "✗ Read-only draft ({why}): nothing can be attached.",
    cancelled: "Nothing attached.",
    empty_path: "Type the path of the file first.",
    attached: "Attached: {name} — {type}, {size}, SHA-256 {hash}…",
    attached_letter: "Attached (explanation letter): {name} — {type}, {size}, SHA-256 {hash}…",
    not_found: "✗ No such file: {path}. Check the path.",
    not_a_file: "✗ Not a file: {path}. Give the path of the document itself, not a folder.",
    unreadable: "✗ Cannot read {path} ({reason}). Check its permissions.",
    wrong_type: "✗ Refused: {why}. The portal takes JPEG, PNG or PDF files only: convert it and attach again.",
    too_large: "✗ Refused: the file is {size}, over the {max} limit. Scan it at a lower resolution or split it.",
    not_kept: "✗ Not attached: {why}",
    changed: "⚠ file changed since attached: attach it again",
    missing: "✗ file missing (moved or deleted since attached): attach it again",
    unreadable_now: "✗ file cannot be read now",
};

pub const TEXT_FR: Texts = Texts {
    title: "Joindre un fichier",
    for_item: "Pour : {item} ({id})",
    path_label: "Chemin du fichier (JPEG, PNG ou PDF, jusqu’à {max}; ~ est votre dossier personnel) :",
    explanation: "C’est une lettre d’explication au lieu du document",
    keys: "Entrée joindre · Tab chemin/lettre · Espace cocher · Échap annuler",
    hint: "F7 joindre un fichier (vérifié, avec son SHA-256)",
    not_here: "F7 joint un fichier à la question « Chemin du fichier » d’un document (écrans Documents).",
    read_only: "✗ Brouillon en lecture seule ({why}) : rien ne peut être joint.",
    cancelled: "Aucun fichier joint.",
    empty_path: "Tapez d’abord le chemin du fichier.",
    attached: "Joint : {name} — {type}, {size}, SHA-256 {hash}…",
    attached_letter: "Joint (lettre d’explication) : {name} — {type}, {size}, SHA-256 {hash}…",
    not_found: "✗ Fichier introuvable : {path}. Vérifiez le chemin.",
    not_a_file: "✗ Ce n’est pas un fichier : {path}. Donnez le chemin du document lui-même, pas d’un dossier.",
    unreadable: "✗ Impossible de lire {path} ({reason}). Vérifiez ses permissions.",
    wrong_type: "✗ Refusé : {why}. Le portail n’accepte que les fichiers JPEG, PNG ou PDF : convertissez-le et joignez-le de nouveau.",
    too_large: "✗ Refusé : le fichier fait {size}, au-delà de la limite de {max}. Numérisez-le à une résolution plus basse ou divisez-le.",
    not_kept: "✗ Non joint : {why}",
    changed: "⚠ fichier modifié depuis qu’il a été joint : joignez-le de nouveau",
    missing: "✗ fichier manquant (déplacé ou supprimé depuis qu’il a été joint) : joignez-le de nouveau",
    unreadable_now: "✗ le fichier ne peut pas être lu maintenant",
};

/// The attach flow's words in `lang`.
pub fn text(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &TEXT,
        Lang::Fr => &TEXT_FR,
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
pub fn file_question(app: &App) -> Option<(String, usize)> {
    let s = app.session.as_ref()?;
    if s.pane != Pane::Questions {
        return None;
    }
    let qi = s.focus?;
    let ii = app.q.questions[qi].item?;
    is_file_question(app.q, qi).then(|| (app.q.items[ii].id.clone(), qi))
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
    let text = text(lang);
    match e {
        AttachError::NotFound { path } => text.not_found.replace("{path}", &path.display().to_string()),
        AttachError::NotAFile { path } => text.not_a_file.replace("{path}", &path.display().to_string()),
        AttachError::Unreadable { path, reason } => text
            .unreadable
            .replace("{path}", &path.display().to_string())
            .replace("{reason}", reason.get(lang)),
        AttachError::WrongType { why, .. } => text.wrong_type.replace("{why}", why.get(lang)),
        AttachError::TooLarge { size, max, .. } => text
            .too_large
            .replace("{size}", &short_size_in(*size, lang))
            .replace("{max}", &short_size_in(*max, lang)),
        other @ (AttachError::UnknownItem { .. }
        | AttachError::NotOnChecklist { .. }
        | AttachError::NotAnUpload { .. }
        | AttachError::BadAnswer { .. }
        | AttachError::PathNotText { .. }) => text.not_kept.replace("{why}", other.text().get(lang)),
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
    let answers = Answers::from_map(&d.answers).map_err(|e| {
        text(lang).not_kept.replace("{why}", crate::engine::answers::ShapeError::describe(&e).get(lang))
    })?;
    Ok((answers, d.attachments, a))
}

fn max_bytes_setting() -> u64 {
    let env = std::env::var("CITCERT_MAX_UPLOAD_MB").ok();
    crate::documents::handoff::max_bytes(env.as_deref()).unwrap_or(DEFAULT_MAX_MB * 1024 * 1024)
}

impl App<'_> {
    /// F7: opens the dialog on a document's file question; elsewhere says where it works.
    pub fn open_attach(&mut self) {
        let Some((item, file_q)) = file_question(self) else {
            self.status = Some(text(self.lang).not_here.into());
            return;
        };
        if let Some(why) = self.store.read_only() {
            self.status = Some(text(self.lang).read_only.replace("{why}", why.get(self.lang)));
            return;
        }
        let Some(s) = &self.session else { return };
        if s.paper_mode {
            self.status = Some(super::i18n::PAPER_NO_FILE.get(self.lang).into());
            return;
        }
        // What is typed in the field, else the path already given.
        let typed = match s.field.pending() {
            Some(Some(v)) => Some(v.display()),
            Some(None) => None,
            None => s.draft.answers.get(&self.q.questions[file_q].id).map(|v| v.display()),
        };
        let typed = typed.unwrap_or_default();
        self.overlay = Some(Overlay::Attach(AttachDialog {
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

    /// A key while the dialog is open.
    pub fn update_attach(&mut self, mut d: AttachDialog, action: Action) {
        use FieldKey as K;
        match action {
            Action::Back => {
                self.overlay = None;
                self.status = Some(text(self.lang).cancelled.into());
                return;
            }
            Action::Quit => {
                self.overlay = None;
                self.update(Action::Quit);
                return;
            }
            Action::Key(K::Enter) => {
                self.overlay = None;
                if let Err(e) = self.attach_now(&d) {
                    d.error = Some(e);
                    self.overlay = Some(Overlay::Attach(d));
                }
                return;
            }
            Action::FocusNext | Action::FocusPrev | Action::Key(K::Up) | Action::Key(K::Down) => {
                d.on_toggle = !d.on_toggle
            }
            Action::Key(K::Char(' ')) if d.on_toggle => d.explanation = !d.explanation,
            Action::Key(k) if !d.on_toggle => {
                if std::mem::take(&mut d.prefilled) && matches!(k, K::Char(_) | K::Paste(_)) {
                    d.input = TextInput::new(String::new());
                }
                d.input.edit(&k);
                d.error = None;
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Attach(d));
    }

    /// Attaches (the same check as a path typed at the question, `session::files`), stores the
    /// result in the draft, re-evaluates and saves; the refusal otherwise.
    fn attach_now(&mut self, d: &AttachDialog) -> Result<(), String> {
        let typed = d.input.value.trim();
        if typed.is_empty() {
            return Err(text(self.lang).empty_path.into());
        }
        let path = expand_home(typed);
        // The App's day, as the clock gave it at start.
        let clock = Clock::Fixed(self.today);
        let q = self.q;
        let Some(s) = &self.session else { return Ok(()) };
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
        self.status = status;
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

    #[test]
    fn short_sizes_in_french() {
        assert_eq!(short_size_in(3 * 1024 * 1024 + 200 * 1024, Lang::Fr), "3,2 Mo");
        assert_eq!(short_size_in(312, Lang::Fr), "312 octets");
        assert_eq!(short_size_in(312, Lang::En), "312 bytes");
    }
}
