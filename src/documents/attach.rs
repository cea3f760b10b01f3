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
use crate::drafts::{Draft, io_reason};
use crate::engine::answers::normalise;
use crate::engine::{
    AnswerValue, Answers, Context, Evaluation, Explain, ItemKind, Lang, QType, Questionnaire, Text, evaluate,
};
use crate::fill_text;

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
    /// The type from the first bytes, or what the bytes look like instead (English, French).
    pub fn sniff(head: &[u8]) -> Result<FileType, Text> {
        let no = |en: &str, fr: &str| Err(Text::new(en, fr));
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Ok(FileType::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Ok(FileType::Png)
        } else if head.starts_with(b"%PDF-") {
            Ok(FileType::Pdf)
        } else if head.is_empty() {
            no("the file is empty", "le fichier est vide")
        } else if head.starts_with(b"GIF8") {
            no("it is a GIF image", "c'est une image GIF")
        } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
            no(
                "it is a HEIC/HEIF image or a video (convert it to JPEG)",
                "c'est une image HEIC/HEIF ou une vidéo (convertissez-la en JPEG)",
            )
        } else if head.starts_with(b"PK\x03\x04") {
            no(
                "it is a ZIP archive or an office document (save it as PDF)",
                "c'est une archive ZIP ou un document de bureautique (enregistrez-le en PDF)",
            )
        } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
            no(
                "it is a TIFF image (convert it to JPEG or PDF)",
                "c'est une image TIFF (convertissez-la en JPEG ou en PDF)",
            )
        } else if head.starts_with(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WEBP" {
            no("it is a WebP image (convert it to JPEG)", "c'est une image WebP (convertissez-la en JPEG)")
        } else if std::str::from_utf8(head).is_ok() {
            no(
                "it looks like plain text (save the letter as PDF)",
                "cela ressemble à du texte brut (enregistrez la lettre en PDF)",
            )
        } else {
            no("its content is not JPEG, PNG or PDF", "son contenu n'est ni du JPEG, ni du PNG, ni du PDF")
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

impl Attachment {
    /// The record of a file just checked by [`inspect_file`], for `item`, on `today`.
    pub fn of(item: &str, kind: Kind, found: Inspected, today: NaiveDate) -> Attachment {
        Attachment {
            item: item.to_string(),
            kind,
            path: found.path,
            size: found.size,
            file_type: found.file_type,
            sha256: found.sha256,
            attached_on: today,
        }
    }
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

/// Why a file was not attached. Each names the file or item, the problem and what to do, in
/// English and French ([`Explain`]); `Display` gives the English.
#[derive(Debug, PartialEq, Eq)]
pub enum AttachError {
    NotFound {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        reason: Text,
    },
    /// `why`: what the file looks like instead ("it is a GIF image").
    WrongType {
        path: PathBuf,
        why: Text,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
        max: u64,
    },
    UnknownItem {
        item: String,
        on_list: Vec<String>,
    },
    NotOnChecklist {
        item: String,
        why: Text,
        on_list: Vec<String>,
    },
    NotAnUpload {
        item: String,
        why: Text,
    },
    BadAnswer {
        field: String,
        problem: Text,
    },
    /// The file's full path is not valid UTF-8, which a draft (JSON) cannot record.
    PathNotText {
        path: PathBuf,
    },
}

impl Explain for AttachError {
    fn explain(&self) -> Text {
        match self {
            AttachError::NotFound { path } => {
                fill_text!(w::NOT_FOUND, path = crate::safe_text::path(path), hint = where_hint(path))
            }
            AttachError::NotAFile { path } => fill_text!(w::NOT_A_FILE, path = crate::safe_text::path(path)),
            AttachError::Unreadable { path, reason } => {
                fill_text!(w::UNREADABLE, path = crate::safe_text::path(path), reason = reason)
            }
            AttachError::WrongType { path, why } => {
                fill_text!(w::WRONG_TYPE, path = crate::safe_text::path(path), why = why)
            }
            AttachError::TooLarge { path, size, max } => fill_text!(
                w::TOO_LARGE,
                path = crate::safe_text::path(path),
                size = human_size_text(*size),
                max = human_size_text(*max)
            ),
            AttachError::UnknownItem { item, on_list } => {
                fill_text!(w::UNKNOWN_ITEM, item = item, list = on_list.join(", "))
            }
            AttachError::NotOnChecklist { item, why, on_list } => {
                fill_text!(w::NOT_ON_CHECKLIST, item = item, why = why, list = on_list.join(", "))
            }
            AttachError::NotAnUpload { item, why } => {
                fill_text!(crate::documents::SUBJECT_PROBLEM, subject = item, problem = why)
            }
            AttachError::BadAnswer { field, problem } => {
                fill_text!(w::BAD_ANSWER, field = crate::safe_text::inline(field), problem = problem)
            }
            AttachError::PathNotText { path } => {
                fill_text!(w::PATH_NOT_TEXT, path = crate::safe_text::path(path))
            }
        }
    }
}

impl std::fmt::Display for AttachError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for AttachError {}

/// Where a path is read from: "(it is absolute)", "(it is read from /home/x)".
fn where_hint(path: &Path) -> Text {
    if path.is_absolute() {
        Text::new("absolute", "le chemin est absolu")
    } else {
        match std::env::current_dir() {
            Ok(d) => fill_text!(w::READ_FROM, dir = crate::safe_text::path(&d)),
            Err(_) => Text::new("relative", "le chemin est relatif"),
        }
    }
}

/// [`human_size`] in English and French, to put into a sentence in both languages.
fn human_size_text(bytes: u64) -> Text {
    Text::new(human_size_in(bytes, Lang::En), human_size_in(bytes, Lang::Fr))
}

/// "3.2 MB (3355443 bytes)".
pub fn human_size(bytes: u64) -> String {
    human_size_in(bytes, Lang::En)
}

/// [`human_size`] in a language: "3.2 MB (3355443 bytes)", « 3,2 Mo (3355443 octets) ».
pub fn human_size_in(bytes: u64, lang: Lang) -> String {
    const MB: crate::words::Template =
        crate::words::Template::new(&["n", "bytes"], "{n} MB ({bytes} bytes)", "{n} Mo ({bytes} octets)");
    const KB: crate::words::Template =
        crate::words::Template::new(&["n", "bytes"], "{n} KB ({bytes} bytes)", "{n} Ko ({bytes} octets)");
    // One decimal in megabytes, a decimal comma in French; whole kilobytes.
    if bytes >= 1024 * 1024 {
        let mb = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
        let mb = if lang == Lang::Fr { mb.replacen('.', ",", 1) } else { mb };
        crate::fill!(MB, lang, n = mb, bytes = bytes)
    } else {
        crate::fill!(KB, lang, n = format!("{:.0}", bytes as f64 / 1024.0), bytes = bytes)
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
/// Never blocks (a FIFO or a device is refused as not a regular file) and never reads more than
/// `max_bytes + 1` bytes, whatever the file grows to meanwhile.
pub fn inspect_file(path: &Path, max_bytes: u64) -> Result<Inspected, AttachError> {
    use crate::drafts::fsutil::{NOT_REGULAR, open_regular};
    let unreadable =
        |e: std::io::Error| AttachError::Unreadable { path: path.to_path_buf(), reason: io_reason(&e) };
    let (f, meta) = match open_regular(path, true) {
        Ok(x) => x,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(AttachError::NotFound { path: path.to_path_buf() });
        }
        Err(e) if e.to_string() == NOT_REGULAR => {
            return Err(AttachError::NotAFile { path: path.to_path_buf() });
        }
        Err(e) => return Err(unreadable(e)),
    };
    let size = meta.len();
    if size > max_bytes {
        return Err(AttachError::TooLarge { path: path.to_path_buf(), size, max: max_bytes });
    }
    let abs = std::fs::canonicalize(path).map_err(unreadable)?;
    // A draft is JSON text: a path that is not valid UTF-8 cannot be recorded in it.
    if abs.to_str().is_none() {
        return Err(AttachError::PathNotText { path: abs });
    }
    let (sha256, head, read) = hash_reader(&mut f.take(max_bytes + 1)).map_err(unreadable)?;
    if read > max_bytes {
        return Err(AttachError::TooLarge { path: path.to_path_buf(), size: read, max: max_bytes });
    }
    let file_type =
        FileType::sniff(&head).map_err(|why| AttachError::WrongType { path: path.to_path_buf(), why })?;
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

/// SHA-256 of a regular file, hex (a FIFO or device is refused, never waited on or read forever).
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let (mut f, _) = crate::drafts::fsutil::open_regular(path, true)?;
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
    /// Why, in English and French.
    Unreadable(Text),
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
    /// In words (English), for readiness; None when the file is as attached.
    pub fn problem(&self) -> Option<String> {
        self.text().map(|t| t.en)
    }
    /// [`FileState::problem`] in English and French.
    pub fn text(&self) -> Option<Text> {
        match self {
            FileState::Unchanged => None,
            FileState::Changed => Some(Text::new(
                "file changed on disk since attached; attach it again",
                "fichier modifié sur le disque depuis qu'il a été joint; joignez-le de nouveau",
            )),
            FileState::Vanished => Some(Text::new(
                "file missing (moved or deleted since attached); attach it again",
                "fichier manquant (déplacé ou supprimé depuis qu'il a été joint); joignez-le de nouveau",
            )),
            FileState::Unreadable(e) => Some(fill_text!(w::UNREADABLE_NOW, reason = e)),
        }
    }
}

/// Re-hashes an attached file. Bounded and never blocking: the path must still be a regular file
/// (not a link, FIFO or device — a path that an answers file or a person controls may have been
/// replaced by one), a file whose size changed is `Changed` without reading it, and at most
/// `size + 1` bytes are read.
pub fn file_state(a: &Attachment) -> FileState {
    use std::io::Read;
    let (f, meta) = match crate::drafts::fsutil::open_regular(&a.path, false) {
        Ok(x) => x,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return FileState::Vanished,
        Err(e) => return FileState::Unreadable(io_reason(&e)),
    };
    if meta.len() != a.size {
        return FileState::Changed;
    }
    match hash_reader(&mut f.take(a.size + 1)) {
        Ok((h, _, n)) if h == a.sha256 && n == a.size => FileState::Unchanged,
        Ok(_) => FileState::Changed,
        Err(e) => FileState::Unreadable(io_reason(&e)),
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
        let action = it.kind == ItemKind::Action;
        return Err(AttachError::NotAnUpload {
            item: it.id.clone(),
            why: fill_text!(
                w::NOT_A_DOCUMENT,
                kind = if action { w::AN_ACTION } else { w::AN_ANSWER },
                title = &it.title
            ),
        });
    }
    let Some(file_q) = it.file_q else {
        return Err(AttachError::NotAnUpload {
            item: it.id.clone(),
            why: Text::new(
                "takes no file of its own: attach each document (with its translation, or the explanation \
                 letter) to the document's own item",
                "cet élément ne prend pas de fichier lui-même : joignez chaque document (avec sa traduction, \
                 ou la lettre d'explication) à l'élément de ce document",
            ),
        });
    };
    if !ev.items.iter().any(|r| r.item == ii) {
        return Err(AttachError::NotOnChecklist {
            item: it.id.clone(),
            why: fill_text!(w::NOT_CALLED_FOR, title = &it.title),
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
                problem: fill_text!(w::NO_SUCH_FIELD, item = it.id, field = field, fields = fields()),
            });
        };
        if question.qtype == QType::File {
            return Err(AttachError::BadAnswer {
                field: field.clone(),
                problem: Text::new(
                    "the file is the FILE argument, not a --set",
                    "le fichier se donne par l'argument FILE, pas par --set",
                ),
            });
        }
        match normalise(q, question, &AnswerValue::Text(value.clone()), today, None) {
            Ok((v, _)) => sets.push((id, v)),
            Err(msg) => {
                // The refusal goes to stderr, which may be logged: it never repeats the answer.
                let msg = without_value(msg, value);
                // The options are listed unless the message already names them.
                let named = question.options.iter().any(|o| msg.en.contains(&o.id));
                let problem = if question.options.is_empty() || named {
                    msg
                } else {
                    let ids = question.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ");
                    fill_text!(w::ONE_OF, problem = &msg, ids = ids)
                };
                return Err(AttachError::BadAnswer { field: field.clone(), problem });
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
    let a = Attachment::of(&it.id, kind, found, today);
    draft.attachments.retain(|v| v.get("item").and_then(|x| x.as_str()) != Some(a.item.as_str()));
    let v = serde_json::to_value(&a).map_err(|_| AttachError::PathNotText { path: a.path.clone() })?;
    draft.attachments.push(v);
    Ok(a)
}

/// `msg` with the answer `value` it quotes replaced by “…” (an answer is personal data; a refusal
/// goes to stderr).
fn without_value(msg: Text, value: &str) -> Text {
    let v = value.trim();
    if v.is_empty() {
        return msg;
    }
    let strip = |m: &str| {
        let m = m.replace(&format!("“{v}”"), "“…”").replace(&format!("« {v} »"), "« … »");
        match m.strip_prefix(v) {
            Some(rest) if rest.starts_with(' ') => format!("…{rest}"),
            _ => m,
        }
    };
    Text::new(strip(&msg.en), strip(&msg.fr))
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
            QType::Date => Some(Text::new("YYYY-MM-DD", "AAAA-MM-JJ")),
            QType::Issuer => Some(Text::new(
                "CA (federal), a province code such as CA-QC, or a country code such as MX",
                "CA (fédéral), un code de province comme CA-QC ou un code de pays comme MX",
            )),
            QType::Country => Some(Text::new("a country code such as MX", "un code de pays comme MX")),
            _ => None,
        };
        if let Some(h) = hint {
            writeln!(out, "  ({})", h.get(lang))?;
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
                Err(msg) => {
                    const INVALID: crate::words::Template = crate::words::Template::new(
                        &["message"],
                        "  {message} (empty line to skip)",
                        "  {message} (ligne vide pour passer)",
                    );
                    writeln!(out, "{}", crate::fill!(INVALID, lang, message = msg.get(lang)))?
                }
            }
        }
    }
}

/// The sentences of attaching, each one [`Template`] for both languages (issue 14).
mod w {
    use crate::words::{Fixed, Template};

    pub const NOT_FOUND: Template = Template::new(
        &["path", "hint"],
        "{path}: no such file; check the path (it is {hint})",
        "{path} : fichier introuvable; vérifiez le chemin ({hint})",
    );
    pub const NOT_A_FILE: Template = Template::new(
        &["path"],
        "{path}: not a regular file; give the path of the document itself",
        "{path} : ce n'est pas un fichier ordinaire; donnez le chemin du document lui-même",
    );
    pub const UNREADABLE: Template = Template::new(
        &["path", "reason"],
        "{path}: cannot be read ({reason}); check its permissions",
        "{path} : illisible : {reason}; vérifiez ses permissions",
    );
    /// `why`: what the file looks like instead ("it is a GIF image").
    pub const WRONG_TYPE: Template = Template::new(
        &["path", "why"],
        "{path}: refused: {why}; the portal takes JPEG, PNG or PDF files only — convert it and attach again",
        "{path} : refusé : {why}; le portail n'accepte que les fichiers JPEG, PNG ou PDF — \
         convertissez-le et joignez-le de nouveau",
    );
    pub const TOO_LARGE: Template = Template::new(
        &["path", "size", "max"],
        "{path}: refused: {size} is over the {max} limit; scan it at a lower resolution or split it, or raise \
         the limit with --max-mb",
        "{path} : refusé : {size} dépasse la limite de {max}; numérisez-le à une résolution plus basse ou \
         divisez-le, ou augmentez la limite avec --max-mb",
    );
    pub const UNKNOWN_ITEM: Template = Template::new(
        &["item", "list"],
        "{item}: no such checklist item; this draft's checklist has: {list}",
        "{item} : aucun élément de ce nom dans la liste de documents; la liste de ce brouillon \
         contient : {list}",
    );
    pub const NOT_ON_CHECKLIST: Template = Template::new(
        &["item", "why", "list"],
        "{item}: not on this draft's checklist ({why}); this draft's checklist has: {list}",
        "{item} : cet élément n'est pas sur la liste de documents de ce brouillon ({why}); \
         la liste de ce brouillon contient : {list}",
    );
    pub const BAD_ANSWER: Template =
        Template::new(&["field", "problem"], "--set {field}: {problem}", "--set {field} : {problem}");
    pub const PATH_NOT_TEXT: Template = Template::new(
        &["path"],
        "{path}: refused: the file's full path has characters that are not valid text (UTF-8), which \
         a draft cannot record; rename the file or its folders and attach it again",
        "{path} : refusé : le chemin complet du fichier contient des caractères qui ne sont pas du \
         texte valide (UTF-8), qu'un brouillon ne peut pas enregistrer; renommez le fichier ou ses \
         dossiers et joignez-le de nouveau",
    );
    /// Where a relative path is read from (the `hint` of [`NOT_FOUND`]).
    pub const READ_FROM: Template =
        Template::new(&["dir"], "read from {dir}", "le chemin part du dossier {dir}");
    pub const UNREADABLE_NOW: Template = Template::new(
        &["reason"],
        "file cannot be read now ({reason})",
        "le fichier ne peut pas être lu maintenant : {reason}",
    );
    /// `kind`: [`AN_ACTION`] or [`AN_ANSWER`].
    pub const NOT_A_DOCUMENT: Template = Template::new(
        &["kind", "title"],
        "is {kind} item ({title}), not a document to upload; nothing to attach",
        "c'est {kind} ({title}), pas un document à téléverser; il n'y a rien à joindre",
    );
    pub const AN_ACTION: Fixed = Fixed::new("an action", "une action à faire");
    pub const AN_ANSWER: Fixed = Fixed::new("an answer or information", "une réponse ou une information");
    pub const NOT_CALLED_FOR: Template = Template::new(
        &["title"],
        "your answers do not call for “{title}”",
        "vos réponses ne demandent pas « {title} »",
    );
    pub const NO_SUCH_FIELD: Template = Template::new(
        &["item", "field", "fields"],
        "{item} has no question “{field}”; its fields are: {fields}",
        "{item} n'a pas de question « {field} »; ses champs sont : {fields}",
    );
    /// A refused answer, then the values the question takes.
    pub const ONE_OF: Template = Template::new(
        &["problem", "ids"],
        "{problem} (one of: {ids})",
        "{problem} (valeurs possibles : {ids})",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_error() -> Vec<AttachError> {
        let path = PathBuf::from("scans/licence.pdf");
        let why = Text::new("your answers do not call for “X”", "vos réponses ne demandent pas « X »");
        vec![
            AttachError::NotFound { path: path.clone() },
            AttachError::NotFound { path: PathBuf::from("/nowhere/licence.pdf") },
            AttachError::NotAFile { path: path.clone() },
            AttachError::Unreadable {
                path: path.clone(),
                reason: io_reason(&std::io::Error::from(std::io::ErrorKind::PermissionDenied)),
            },
            AttachError::WrongType { path: path.clone(), why: FileType::sniff(b"GIF89a").unwrap_err() },
            AttachError::TooLarge { path: path.clone(), size: 5 * 1024 * 1024, max: 4 * 1024 * 1024 },
            AttachError::TooLarge { path, size: 2000, max: 1024 },
            AttachError::UnknownItem { item: "CL-NOPE".into(), on_list: vec!["CL-ID1".into()] },
            AttachError::NotOnChecklist { item: "CL-X".into(), why, on_list: vec![] },
            AttachError::NotAnUpload {
                item: "CL-TRANS".into(),
                why: Text::new("takes no file of its own", "ne prend pas de fichier lui-même"),
            },
            AttachError::PathNotText { path: PathBuf::from("/home/x/scan.pdf") },
            AttachError::BadAnswer {
                field: "colour".into(),
                problem: Text::new(
                    "CL-ID1 has no question “colour”",
                    "CL-ID1 n'a pas de question « colour »",
                ),
            },
        ]
    }

    /// Fails to compile when a variant is added, until it is added to [`every_error`] too.
    fn _every_variant_is_listed(e: &AttachError) {
        match e {
            AttachError::NotFound { .. }
            | AttachError::NotAFile { .. }
            | AttachError::Unreadable { .. }
            | AttachError::WrongType { .. }
            | AttachError::TooLarge { .. }
            | AttachError::UnknownItem { .. }
            | AttachError::NotOnChecklist { .. }
            | AttachError::NotAnUpload { .. }
            | AttachError::BadAnswer { .. }
            | AttachError::PathNotText { .. } => {}
        }
    }

    #[test]
    fn every_refusal_is_in_french_too_and_display_is_the_english() {
        for e in every_error() {
            let t = e.explain();
            assert_ne!(t.en, t.fr, "{e:?}");
            assert_eq!(e.to_string(), t.en);
            assert_eq!(e.words(Lang::Fr), t.fr);
            assert!(t.fr.contains(" : "), "French puts a space before the colon: {}", t.fr);
            for english in ["no such", "refused", "cannot be read", "check the path", "checklist has"] {
                assert!(!t.fr.contains(english), "{english:?} in {}", t.fr);
            }
        }
    }

    /// The refusals `attach` makes from the questionnaire (the item's kind and title, its fields, a
    /// field's options) say the same in English and French, each with its own words around them.
    #[test]
    fn refusals_about_the_item_and_its_answers_in_both_languages() {
        let q = crate::engine::builtin().expect("the built-in questionnaire");
        let on = NaiveDate::from_ymd_opt(2025, 6, 8).unwrap();
        let clock = Clock::Fixed(on);
        let persona: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/personas/P01.answers.json")).expect("P01 fixture");
        let qref = crate::drafts::QuestionnaireRef { id: q.id.clone(), version: q.version.clone() };
        let mut d = Draft::new("3f9a0c1e".into(), "P01".into(), on, clock.now(), qref, "en".into());
        d.answers = persona["answers"].as_object().cloned().expect("P01 answers");
        let mut refuse = |item: &str, set: &[(&str, &str)]| {
            let set = set.iter().map(|(f, v)| (f.to_string(), v.to_string())).collect();
            let opts = AttachOptions { set, ..AttachOptions::default() };
            attach(&mut d, q, item, Path::new("nope.pdf"), &opts, &clock).unwrap_err().explain()
        };
        let title = |id: &str| q.items[q.item_index(id).unwrap()].title.clone();

        let (t, r) = (refuse("CL-RETURN-CERT", &[]), title("CL-RETURN-CERT"));
        assert_eq!(
            t.en,
            format!(
                "CL-RETURN-CERT: is an action item ({}), not a document to upload; nothing to attach",
                r.en
            )
        );
        assert_eq!(
            t.fr,
            format!(
                "CL-RETURN-CERT : c'est une action à faire ({}), pas un document à téléverser; il n'y a rien à \
                 joindre",
                r.fr
            )
        );
        let (t, r) = (refuse("cl-loss-details", &[]), title("CL-LOSS-DETAILS"));
        assert!(
            t.en.starts_with(&format!("CL-LOSS-DETAILS: is an answer or information item ({}), ", r.en)),
            "{t:?}"
        );
        assert!(
            t.fr.starts_with(&format!("CL-LOSS-DETAILS : c'est une réponse ou une information ({}), ", r.fr))
        );

        let (t, r) = (refuse("CL-URGENT-PROOF", &[]), title("CL-URGENT-PROOF"));
        let why = format!(
            "CL-URGENT-PROOF: not on this draft's checklist (your answers do not call for “{}”); ",
            r.en
        );
        assert!(t.en.starts_with(&why), "{t:?}");
        let pourquoi = format!(
            "CL-URGENT-PROOF : cet élément n'est pas sur la liste de documents de ce brouillon (vos réponses ne \
             demandent pas « {} »); ",
            r.fr
        );
        assert!(t.fr.starts_with(&pourquoi), "{t:?}");

        let t = refuse("CL-ID1", &[("colour", "blue")]);
        assert!(t.en.starts_with("--set colour: CL-ID1 has no question “colour”; its fields are: "), "{t:?}");
        assert!(t.fr.starts_with("--set colour : CL-ID1 n'a pas de question « colour »; ses champs sont : "));

        // A value the field does not take: the refusal names the choices once and never repeats the
        // answer (stderr may be logged).
        let t = refuse("CL-ID1", &[("language", "zzz")]);
        assert_eq!(t.en, "--set language: “…” is not one of the choices: english, french, other.");
        assert!(t.fr.starts_with("--set language : « … » ne fait pas partie des choix : english, "), "{t:?}");
        assert!(!t.fr.contains("valeurs possibles"), "{t:?}");
        assert!(!t.en.contains("zzz") && !t.fr.contains("zzz"), "the answer is never repeated: {t:?}");
    }

    #[test]
    fn what_a_refused_file_looks_like_is_said_in_both_languages() {
        let heads: [&[u8]; 8] = [
            b"",
            b"GIF89a",
            b"\0\0\0\x18ftypheic",
            b"PK\x03\x04",
            b"II*\0",
            b"RIFF\0\0\0\0WEBPVP8 ",
            b"Dear officer",
            b"\x00\x9f\x92\x96",
        ];
        for head in heads {
            let why = FileType::sniff(head).unwrap_err();
            assert!(!why.en.is_empty() && !why.fr.is_empty() && why.en != why.fr, "{why:?}");
        }
        assert_eq!(FileType::sniff(b"%PDF-1.4"), Ok(FileType::Pdf));
    }

    #[test]
    fn sizes_in_french_use_french_units_and_a_decimal_comma() {
        assert_eq!(human_size(3 * 1024 * 1024 + 200 * 1024), "3.2 MB (3350528 bytes)");
        assert_eq!(human_size_in(3 * 1024 * 1024 + 200 * 1024, Lang::Fr), "3,2 Mo (3350528 octets)");
        assert_eq!(human_size_in(2000, Lang::Fr), "2 Ko (2000 octets)");
    }

    #[test]
    fn file_states_are_described_in_both_languages() {
        for s in [
            FileState::Changed,
            FileState::Vanished,
            FileState::Unreadable(io_reason(&std::io::Error::from(std::io::ErrorKind::PermissionDenied))),
        ] {
            let t = s.text().unwrap();
            assert_ne!(t.en, t.fr);
            assert_eq!(s.problem(), Some(t.en));
        }
        assert_eq!(FileState::Unchanged.text(), None);
    }
}
