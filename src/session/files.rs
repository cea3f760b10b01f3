//! Giving a file: one way in, always checked. A path typed or pasted into a document's file
//! question (TUI), given in plain mode, given in the F7 dialog or with `citcert attach` goes through
//! [`give_file_to_draft`]: the file is checked (exists, regular, readable, JPEG/PNG/PDF by content,
//! size limit), hashed, and recorded as an attachment; a file that fails is refused with the reason
//! and nothing is stored. The explanation-letter choice already made is kept.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use crate::clock::Clock;
use crate::documents::attach::{self, AttachError, AttachOptions, Attachment, Kind};
use crate::drafts::QuestionnaireRef;
use crate::engine::Explain;
use crate::engine::{Answers, Evaluation, ItemKind, Questionnaire, Text};

/// The `provide` answer that means "an explanation letter instead of the document".
pub const EXPLANATION: &str = "no_explanation";

/// Whether the person chose to give an explanation letter for checklist item `item` (its
/// `docs.<ITEM>.provide` answer is "No, I will upload an explanation letter instead").
pub fn explanation_chosen(q: &Questionnaire, answers: &Answers, item: &str) -> bool {
    let Some(ii) = q.item_index(item) else { return false };
    q.items[ii]
        .provide_q
        .and_then(|p| answers.get(&q.questions[p].id))
        .is_some_and(|v| v.as_cond_str() == EXPLANATION)
}

/// Whether the file given now is an explanation letter: what the person said just now (the F7 tick
/// box, `--explanation`), else a `provide` answer given with the file (`--set provide=…`), else the
/// choice already in the answers. A file given never turns "explanation letter" into "document".
pub fn resolve_explanation(
    q: &Questionnaire,
    answers: &Answers,
    item: &str,
    explicit: Option<bool>,
    set: &[(String, String)],
) -> bool {
    if let Some(e) = explicit {
        return e;
    }
    if let Some((_, v)) = set.iter().rev().find(|(k, _)| k.trim() == "provide") {
        return v.trim() == EXPLANATION;
    }
    explanation_chosen(q, answers, &item.trim().to_uppercase())
}

/// Checks `path` and records it for `item` on a stored draft (not saved: the caller saves).
/// `explicit`: the explanation-letter choice made with this very file, if any (see
/// [`resolve_explanation`]).
#[allow(clippy::too_many_arguments)]
pub fn give_file_to_draft(
    draft: &mut crate::drafts::Draft,
    q: &Questionnaire,
    item: &str,
    path: &Path,
    explicit: Option<bool>,
    max_bytes: u64,
    set: Vec<(String, String)>,
    clock: &Clock,
) -> Result<Attachment, AttachError> {
    let answers = Answers::from_map(&draft.answers).unwrap_or_default();
    let explanation = resolve_explanation(q, &answers, item, explicit, &set);
    let opts = AttachOptions { max_bytes, explanation, set };
    attach::attach(draft, q, item, path, &opts, clock)
}

/// What giving a file changed: the new answers and attachment records, and the attachment.
#[derive(Clone, Debug)]
pub struct Given {
    pub answers: Answers,
    pub attachments: Vec<Value>,
    pub attachment: Attachment,
}

/// [`give_file_to_draft`] on answers and attachment records held elsewhere (the TUI's draft, plain
/// mode's walk): works on a copy; nothing changes when the file is refused.
#[allow(clippy::too_many_arguments)]
pub fn give_file(
    q: &Questionnaire,
    answers: &Answers,
    attachments: &[Value],
    created_on: NaiveDate,
    item: &str,
    path: &Path,
    explicit: Option<bool>,
    max_bytes: u64,
    clock: &Clock,
) -> Result<Given, AttachError> {
    let mut d = crate::drafts::Draft::new(
        "scratch".into(),
        String::new(),
        created_on,
        clock.now(),
        QuestionnaireRef { id: q.id.clone(), version: q.version.clone() },
        "en".into(),
    );
    d.answers = answers.to_json_map();
    d.attachments = attachments.to_vec();
    let attachment = give_file_to_draft(&mut d, q, item, path, explicit, max_bytes, vec![], clock)?;
    let answers = Answers::from_map(&d.answers)
        .map_err(|e| AttachError::BadAnswer { field: "file".into(), problem: e.explain() })?;
    Ok(Given { answers, attachments: d.attachments, attachment })
}

/// The checklist item whose file question is `qi`, if it is one.
pub fn file_item(q: &Questionnaire, qi: usize) -> Option<usize> {
    let ii = q.questions[qi].item?;
    (q.items[ii].file_q == Some(qi) && q.items[ii].kind == ItemKind::Upload).then_some(ii)
}

/// The size limit for files given in the TUI and plain mode: `CITCERT_MAX_UPLOAD_MB`, else 4 MB.
pub fn max_bytes_setting() -> u64 {
    let env = std::env::var("CITCERT_MAX_UPLOAD_MB").ok();
    crate::documents::handoff::max_bytes(env.as_deref()).unwrap_or(attach::DEFAULT_MAX_MB * 1024 * 1024)
}

/// Files named in a plain answers file and never checked: checked now, relative to `base` (the
/// answers file's folder). Returns the answers with those paths made absolute, the attachments
/// (recorded ones first, then the ones checked now) and, for each file refused, its item and why.
pub fn check_named_files(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    recorded: &[Attachment],
    base: &Path,
    max_bytes: u64,
    today: NaiveDate,
) -> (Answers, Vec<Attachment>, Vec<(String, Text)>) {
    let mut answers = answers.clone();
    let mut attachments = recorded.to_vec();
    let mut refused = vec![];
    let list = if ev.outcome == crate::engine::Outcome::OnlineOk { &ev.items } else { &ev.paper_prep };
    for r in list {
        let it = &q.items[r.item];
        let Some(fq) = it.file_q else { continue };
        let Some(v) = ev.values[fq].as_ref() else { continue };
        let named = v.as_cond_str().to_string();
        if recorded.iter().any(|a| a.item == it.id && a.path.to_string_lossy() == named) {
            continue;
        }
        let path = PathBuf::from(&named);
        let full = if path.is_absolute() { path } else { base.join(path) };
        match attach::inspect_file(&full, max_bytes) {
            Ok(found) => {
                let kind =
                    if explanation_chosen(q, &answers, &it.id) { Kind::Explanation } else { Kind::Document };
                answers.set_text(q.questions[fq].id.clone(), found.path.to_string_lossy().into_owned());
                attachments.push(Attachment::of(&it.id, kind, found, today));
            }
            Err(e) => refused.push((it.id.clone(), e.explain())),
        }
    }
    (answers, attachments, refused)
}

/// `~` and `~/…` become the home folder.
pub fn expand_home(path: &str) -> PathBuf {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    match (path, home) {
        ("~", Some(h)) => PathBuf::from(h),
        (p, Some(h)) if p.starts_with("~/") => PathBuf::from(h).join(&p[2..]),
        (p, _) => PathBuf::from(p),
    }
}
