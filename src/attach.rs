//! Attaching files to checklist items (issue 5): the file is checked (exists, readable, JPEG/PNG/PDF
//! by content, under the size limit), recorded in the draft's `attachments` with its SHA-256, and the
//! answers `docs.<ITEM>.file` / `docs.<ITEM>.provide` are set so the engine sees the item provided.
//!
//! No terminal code: the CLI (`citcert attach`) and the TUI call [`attach`]; [`ask_missing`] asks the
//! item's unanswered mandatory questions over any reader/writer pair.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::Clock;
use crate::drafts::Draft;
use crate::engine::answers::normalise;
use crate::engine::{
    AnswerValue, Answers, Context, Evaluation, ItemKind, Lang, QType, Questionnaire, evaluate,
};

/// The default size limit, in megabytes (`--max-mb`, `CITCERT_MAX_UPLOAD_MB`).
pub const DEFAULT_MAX_MB: u64 = 4;

/// The file types the portal takes, recognised by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
}

impl FileType {
    pub fn code(self) -> &'static str {
        match self {
            FileType::Jpeg => "jpeg",
            FileType::Png => "png",
            FileType::Pdf => "pdf",
        }
    }
    /// The type from the first bytes, or what the bytes look like instead.
    pub fn sniff(head: &[u8]) -> Result<FileType, &'static str> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Ok(FileType::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Ok(FileType::Png)
        } else if head.starts_with(b"%PDF-") {
            Ok(FileType::Pdf)
        } else if head.is_empty() {
            Err("the file is empty")
        } else if head.starts_with(b"GIF8") {
            Err("it is a GIF image")
        } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
            Err("it is a HEIC/HEIF image or a video (convert it to JPEG)")
        } else if head.starts_with(b"PK\x03\x04") {
            Err("it is a ZIP archive or an office document (save it as PDF)")
        } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
            Err("it is a TIFF image (convert it to JPEG or PDF)")
        } else if head.starts_with(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WEBP" {
            Err("it is a WebP image (convert it to JPEG)")
        } else if std::str::from_utf8(head).is_ok() {
            Err("it looks like plain text (save the letter as PDF)")
        } else {
            Err("its content is not JPEG, PNG or PDF")
        }
    }
}

/// A document, or an explanation letter standing in for it (SPEC §4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Document,
    Explanation,
}

/// One recorded attachment, as kept in the draft's `attachments` list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub item: String,
    pub kind: Kind,
    /// Absolute path on this machine.
    pub path: PathBuf,
    pub size: u64,
    #[serde(rename = "type")]
    pub file_type: FileType,
    /// Lower-case hex.
    pub sha256: String,
    #[serde(with = "ymd")]
    pub attached_on: NaiveDate,
}

/// `YYYY-MM-DD` for dates in attachments (chrono is built without its serde feature).
mod ymd {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.to_string())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        crate::clock::parse_date(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("'{s}' is not a YYYY-MM-DD date")))
    }
}

impl Attachment {
    /// The file name without its folders (what exports show).
    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// Options of one attach.
#[derive(Clone, Debug)]
pub struct AttachOptions {
    /// The size limit in bytes.
    pub max_bytes: u64,
    /// The file is an explanation letter standing in for the document.
    pub explanation: bool,
    /// Per-document answers, `field` → value (`doc_type` → `passport`).
    pub set: Vec<(String, String)>,
}

impl Default for AttachOptions {
    fn default() -> Self {
        AttachOptions { max_bytes: DEFAULT_MAX_MB * 1024 * 1024, explanation: false, set: vec![] }
    }
}

/// Why a file was not attached. Each names the file or item, the problem and what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AttachError {
    #[error("{}: no such file; check the path (it is {})", path.display(), where_hint(path))]
    NotFound { path: PathBuf },
    #[error("{}: not a regular file; give the path of the document itself", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: cannot be read ({reason}); check its permissions", path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error(
        "{}: refused: {why}; the portal takes JPEG, PNG or PDF files only — convert it and attach again",
        path.display()
    )]
    WrongType { path: PathBuf, why: String },
    #[error(
        "{}: refused: {} is over the {} limit; scan it at a lower resolution or split it, or raise the limit with --max-mb",
        path.display(), human_size(*size), human_size(*max)
    )]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{item}: no such checklist item; this draft's checklist has: {}", on_list.join(", "))]
    UnknownItem { item: String, on_list: Vec<String> },
    #[error("{item}: not on this draft's checklist ({why}); this draft's checklist has: {}", on_list.join(", "))]
    NotOnChecklist { item: String, why: String, on_list: Vec<String> },
    #[error("{item}: {why}")]
    NotAnUpload { item: String, why: String },
    #[error("--set {field}: {problem}")]
    BadAnswer { field: String, problem: String },
}

fn where_hint(path: &Path) -> String {
    if path.is_absolute() {
        "absolute".into()
    } else {
        match std::env::current_dir() {
            Ok(d) => format!("read from {}", d.display()),
            Err(_) => "relative".into(),
        }
    }
}

/// "3.2 MB (3,355,443 bytes)".
pub fn human_size(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if bytes >= 1024 * 1024 {
        format!("{mb:.1} MB ({bytes} bytes)")
    } else {
        format!("{:.0} KB ({bytes} bytes)", bytes as f64 / 1024.0)
    }
}

/// What a checked file is: its type, size and SHA-256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inspected {
    pub path: PathBuf,
    pub size: u64,
    pub file_type: FileType,
    pub sha256: String,
}

/// Checks a file: exists, regular, readable, under `max_bytes`, JPEG/PNG/PDF by content; hashes it.
pub fn inspect_file(path: &Path, max_bytes: u64) -> Result<Inspected, AttachError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(AttachError::NotFound { path: path.to_path_buf() });
        }
        Err(e) => return Err(AttachError::Unreadable { path: path.to_path_buf(), reason: e.to_string() }),
    };
    if !meta.is_file() {
        return Err(AttachError::NotAFile { path: path.to_path_buf() });
    }
    let abs = std::fs::canonicalize(path)
        .map_err(|e| AttachError::Unreadable { path: path.to_path_buf(), reason: e.to_string() })?;
    let unreadable =
        |e: std::io::Error| AttachError::Unreadable { path: path.to_path_buf(), reason: e.to_string() };
    let mut f = std::fs::File::open(&abs).map_err(unreadable)?;
    let size = meta.len();
    if size > max_bytes {
        return Err(AttachError::TooLarge { path: path.to_path_buf(), size, max: max_bytes });
    }
    let (sha256, head, read) = hash_reader(&mut f).map_err(unreadable)?;
    if read > max_bytes {
        return Err(AttachError::TooLarge { path: path.to_path_buf(), size: read, max: max_bytes });
    }
    let file_type = FileType::sniff(&head)
        .map_err(|why| AttachError::WrongType { path: path.to_path_buf(), why: why.to_string() })?;
    Ok(Inspected { path: abs, size: read, file_type, sha256 })
}

/// SHA-256 (hex), the first 16 bytes, and the byte count of everything `r` yields.
pub fn hash_reader(r: &mut dyn Read) -> std::io::Result<(String, Vec<u8>, u64)> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut head = Vec::with_capacity(16);
    let mut total = 0u64;
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if head.len() < 16 {
            let take = (16 - head.len()).min(n);
            head.extend_from_slice(&buf[..take]);
        }
        h.update(&buf[..n]);
        total += n as u64;
    }
    Ok((hex(&h.finalize()), head, total))
}

/// SHA-256 of a file, hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    Ok(hash_reader(&mut f)?.0)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The attachments recorded in a draft (entries citcert cannot read are skipped).
pub fn attachments_of(values: &[serde_json::Value]) -> Vec<Attachment> {
    values.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect()
}

/// The state of an attached file on disk now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    Unchanged,
    Changed,
    Vanished,
    Unreadable(String),
}

impl FileState {
    pub fn code(&self) -> &'static str {
        match self {
            FileState::Unchanged => "unchanged",
            FileState::Changed => "changed",
            FileState::Vanished => "missing",
            FileState::Unreadable(_) => "unreadable",
        }
    }
    /// In words, for readiness; None when the file is as attached.
    pub fn problem(&self) -> Option<String> {
        match self {
            FileState::Unchanged => None,
            FileState::Changed => Some("file changed on disk since attached; attach it again".into()),
            FileState::Vanished => {
                Some("file missing (moved or deleted since attached); attach it again".into())
            }
            FileState::Unreadable(e) => Some(format!("file cannot be read now ({e})")),
        }
    }
}

/// Re-hashes an attached file.
pub fn file_state(a: &Attachment) -> FileState {
    match sha256_file(&a.path) {
        Ok(h) if h == a.sha256 => FileState::Unchanged,
        Ok(_) => FileState::Changed,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileState::Vanished,
        Err(e) => FileState::Unreadable(e.to_string()),
    }
}

/// Evaluates a draft's answers (answers of the wrong shape count as absent).
pub fn evaluate_draft(q: &Questionnaire, draft: &Draft, today: NaiveDate) -> Evaluation {
    let answers = Answers::from_map(&draft.answers).unwrap_or_default();
    evaluate(q, &answers, Context { today, started: Some(draft.created_on()) })
}

/// UPLOAD items on the checklist that take a file.
pub fn attachable_items(q: &Questionnaire, ev: &Evaluation) -> Vec<String> {
    ev.items
        .iter()
        .filter(|r| q.items[r.item].kind == ItemKind::Upload && q.items[r.item].file_q.is_some())
        .map(|r| q.items[r.item].id.clone())
        .collect()
}

/// Attaches `path` to checklist item `item` of `draft` (not saved: the caller saves).
///
/// Checks the item (on this draft's checklist, takes a file), the file ([`inspect_file`]) and every
/// `opts.set` answer before changing anything; then sets `docs.<ITEM>.file`, `docs.<ITEM>.provide`
/// and the given answers, and records the [`Attachment`] (replacing the item's previous one).
pub fn attach(
    draft: &mut Draft,
    q: &Questionnaire,
    item: &str,
    path: &Path,
    opts: &AttachOptions,
    clock: &Clock,
) -> Result<Attachment, AttachError> {
    let today = clock.today();
    let ev = evaluate_draft(q, draft, today);
    let on_list = attachable_items(q, &ev);
    let wanted = item.trim().to_uppercase();
    let Some(ii) = q.item_index(&wanted).filter(|&i| !q.items[i].paper_prep) else {
        return Err(AttachError::UnknownItem { item: item.to_string(), on_list });
    };
    let it = &q.items[ii];
    if it.kind != ItemKind::Upload {
        return Err(AttachError::NotAnUpload {
            item: it.id.clone(),
            why: format!(
                "is {} item ({}), not a document to upload; nothing to attach",
                if it.kind == ItemKind::Action { "an action" } else { "an answer or information" },
                it.title.get(Lang::En)
            ),
        });
    }
    let Some(file_q) = it.file_q else {
        return Err(AttachError::NotAnUpload {
            item: it.id.clone(),
            why: "takes no file of its own: attach each document (with its translation, or the explanation \
                  letter) to the document's own item"
                .into(),
        });
    };
    if !ev.items.iter().any(|r| r.item == ii) {
        return Err(AttachError::NotOnChecklist {
            item: it.id.clone(),
            why: format!("your answers do not call for “{}”", it.title.get(Lang::En)),
            on_list,
        });
    }
    // Per-document answers: validate all before touching the draft.
    let mut sets = vec![];
    for (field, value) in &opts.set {
        let id = format!("docs.{}.{}", it.id, field.trim());
        let fields = || {
            q.questions
                .iter()
                .filter(|x| x.item == Some(ii) && x.qtype != QType::File)
                .map(|x| x.id.rsplit('.').next().unwrap_or("").to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(question) = q.question(&id) else {
            return Err(AttachError::BadAnswer {
                field: field.clone(),
                problem: format!("{} has no question “{field}”; its fields are: {}", it.id, fields()),
            });
        };
        if question.qtype == QType::File {
            return Err(AttachError::BadAnswer {
                field: field.clone(),
                problem: "the file is the FILE argument, not a --set".into(),
            });
        }
        match normalise(q, question, &AnswerValue::Text(value.clone()), today, None) {
            Ok((v, _)) => sets.push((id, v)),
            Err(msg) => {
                let text = msg.get(Lang::En).to_string();
                let opts =
                    if question.options.is_empty() || question.options.iter().any(|o| text.contains(&o.id)) {
                        String::new()
                    } else {
                        format!(
                            " (one of: {})",
                            question.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ")
                        )
                    };
                return Err(AttachError::BadAnswer {
                    field: field.clone(),
                    problem: format!("{text}{opts}"),
                });
            }
        }
    }
    let found = inspect_file(path, opts.max_bytes)?;
    let kind = if opts.explanation { Kind::Explanation } else { Kind::Document };
    let path_str = found.path.to_string_lossy().into_owned();
    draft.answers.insert(q.questions[file_q].id.clone(), serde_json::Value::String(path_str));
    if let Some(p) = it.provide_q {
        let v = if opts.explanation { "no_explanation" } else { "yes" };
        draft.answers.insert(q.questions[p].id.clone(), serde_json::Value::String(v.into()));
    }
    for (id, v) in sets {
        draft.answers.insert(id, v.to_json());
    }
    let a = Attachment {
        item: it.id.clone(),
        kind,
        path: found.path,
        size: found.size,
        file_type: found.file_type,
        sha256: found.sha256,
        attached_on: today,
    };
    draft.attachments.retain(|v| v.get("item").and_then(|x| x.as_str()) != Some(a.item.as_str()));
    draft.attachments.push(serde_json::to_value(&a).expect("an attachment always serializes"));
    Ok(a)
}

/// The item's visible mandatory questions that still have no answer, in order.
pub fn unanswered(q: &Questionnaire, ev: &Evaluation, item: &str) -> Vec<usize> {
    let Some(ii) = q.item_index(item) else { return vec![] };
    ev.missing.iter().copied().filter(|&qi| q.questions[qi].item == Some(ii)).collect()
}

/// Asks the item's unanswered mandatory questions as line prompts (numbered options), until none is
/// left or input ends. An empty line skips a question. Returns how many answers were set.
pub fn ask_missing(
    draft: &mut Draft,
    q: &Questionnaire,
    item: &str,
    clock: &Clock,
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let today = clock.today();
    let mut skipped: Vec<usize> = vec![];
    let mut set = 0;
    loop {
        let ev = evaluate_draft(q, draft, today);
        let Some(qi) = unanswered(q, &ev, item).into_iter().find(|qi| !skipped.contains(qi)) else {
            return Ok(set);
        };
        let question = &q.questions[qi];
        writeln!(out, "{} {}", question.number, ev.prompt(q, qi, lang))?;
        let options: Vec<(String, String)> =
            question.options.iter().map(|o| (o.id.clone(), o.label.get(lang).to_string())).collect();
        let hint = match question.qtype {
            QType::Date => Some("YYYY-MM-DD"),
            QType::Issuer => {
                Some("CA (federal), a province code such as CA-QC, or a country code such as MX")
            }
            QType::Country => Some("a country code such as MX"),
            _ => None,
        };
        if let Some(h) = hint {
            writeln!(out, "  ({h})")?;
        }
        for (k, (_, label)) in options.iter().enumerate() {
            writeln!(out, "  {}. {label}", k + 1)?;
        }
        loop {
            write!(out, "> ")?;
            out.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                writeln!(out)?;
                return Ok(set);
            }
            let line = line.trim();
            if line.is_empty() {
                skipped.push(qi);
                break;
            }
            let raw = match line.parse::<usize>() {
                Ok(n) if n >= 1 && n <= options.len() => options[n - 1].0.clone(),
                _ => line.to_string(),
            };
            match normalise(q, question, &AnswerValue::Text(raw), today, None) {
                Ok((v, _)) => {
                    draft.answers.insert(question.id.clone(), v.to_json());
                    set += 1;
                    break;
                }
                Err(msg) => writeln!(out, "  {} (empty line to skip)", msg.get(lang))?,
            }
        }
    }
}
