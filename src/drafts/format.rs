//! The draft file, format 1:
//!
//! ```json
//! {"format": 1, "questionnaire": {"id": "CIT0001", "version": "2026-11-22"}, "id": "3f9a0c1e",
//!  "label": "Liam — first certificate", "created_on": "2025-06-01", "last_saved": "2025-06-03T18:20:00",
//!  "language": "en", "current_screen": "S5", "answers": {"elig.applying_for": "minor"},
//!  "attachments": [], "checksum": "fnv1a64:…"}
//! ```
//!
//! `answers` has the CONTRACT §3 shape, so `citcert check --answers DRAFT.json` reads a draft as is.
//! `checksum` (FNV-1a 64 of the other fields, compact JSON) tells a draft edited by hand — or
//! damaged by a disk — from one citcert wrote. It is an integrity check, not a security measure.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use crate::engine::text::{Fixed, Text};
use crate::fill_text;

/// The only draft format this citcert reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// Larger files are not drafts (a complete draft is a few kilobytes).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
pub(crate) const STAMP: &str = "%Y-%m-%dT%H:%M:%S";

/// Which questionnaire the answers belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// A draft in memory. The id, the start date and the last-saved stamp are set by the store only:
/// no caller can move the start date. `Debug` leaves the answers out (they are personal data).
#[derive(Clone, PartialEq)]
pub struct Draft {
    pub(crate) id: String,
    pub(crate) created_on: NaiveDate,
    pub(crate) last_saved: NaiveDateTime,
    pub label: String,
    pub questionnaire: QuestionnaireRef,
    /// Language of service, `en` or `fr` (SPEC S0 `draft.language`).
    pub language: String,
    /// The screen to resume on (`S1` … `S13`).
    pub current_screen: String,
    /// Question id → answer (a string, or an array of strings for list questions).
    pub answers: Map<String, Value>,
    /// Files attached to checklist items (a later issue); kept as written.
    pub attachments: Vec<Value>,
    /// Progress as computed by whoever saved last (the engine), so listing many drafts need not
    /// evaluate each one. Used only while it was computed with the current questionnaire version.
    pub progress: Option<CachedProgress>,
    /// The person chose, after a stop, to go on preparing a paper application (SPEC §4 STOP_PAPER).
    pub paper_prep: bool,
    /// Rule ids of the cautions the person accepted with "I understand"; not asked again.
    pub acknowledged: Vec<String>,
    /// The question id the person was on in the TUI (on `current_screen`), so reopening returns
    /// to it rather than to the screen's first question. Optional: absent in older drafts.
    pub current_question: Option<String>,
    /// When the draft was created, opened, saved, renamed, and which question ids changed (never
    /// values); the store appends to it (see [`crate::drafts::history`]).
    pub history: Vec<super::history::Entry>,
    /// A short note per question id, from whoever helps the person.
    pub notes: BTreeMap<String, String>,
    /// Locked with a passphrase or not (see [`crate::drafts::protect`]).
    pub(crate) protection: super::protect::Protection,
}

/// A draft's progress (0–100 %) and the questionnaire version it was computed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CachedProgress {
    pub percent: u8,
    pub questionnaire_version: String,
}

impl std::fmt::Debug for Draft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Draft")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("created_on", &self.created_on)
            .field("last_saved", &self.last_saved)
            .field("current_screen", &self.current_screen)
            .field("answers", &format_args!("<{} answers, not shown>", self.answers.len()))
            .field("attachments", &self.attachments.len())
            .finish_non_exhaustive()
    }
}

impl Draft {
    pub(crate) fn new(
        id: String,
        label: String,
        created_on: NaiveDate,
        now: NaiveDateTime,
        questionnaire: QuestionnaireRef,
        language: String,
    ) -> Draft {
        Draft {
            id,
            created_on,
            last_saved: now,
            label,
            questionnaire,
            language,
            current_screen: "S1".into(),
            answers: Map::new(),
            attachments: Vec::new(),
            progress: None,
            paper_prep: false,
            acknowledged: Vec::new(),
            current_question: None,
            history: Vec::new(),
            notes: BTreeMap::new(),
            protection: super::protect::Protection::None,
        }
    }

    /// Whether the draft is locked with a passphrase (opened with it or not).
    pub fn is_protected(&self) -> bool {
        self.protection.is_protected()
    }
    /// Read without its passphrase: only the label, dates, language and screen are known.
    pub fn is_locked(&self) -> bool {
        self.protection.is_locked()
    }

    pub fn id(&self) -> &str {
        &self.id
    }
    /// The day the draft was started. Never changes; drives the 60-day rule.
    pub fn created_on(&self) -> NaiveDate {
        self.created_on
    }
    pub fn last_saved(&self) -> NaiveDateTime {
        self.last_saved
    }

    /// Where this draft stands on `today` (see [`crate::drafts::expiry`]).
    pub fn expiry(&self, today: NaiveDate) -> crate::drafts::Expiry {
        crate::drafts::Expiry::compute(self.created_on, Some(self.last_saved), today)
    }

    /// Sets one answer after checking its shape (a string, or an array of strings).
    pub fn set_answer(&mut self, id: &str, value: Value) -> Result<(), crate::drafts::DraftError> {
        check_answer(id, &value)
            .map_err(|problem| crate::drafts::DraftError::InvalidAnswer { question: id.into(), problem })?;
        self.answers.insert(id.to_string(), value);
        Ok(())
    }

    /// The file contents: pretty JSON with a checksum, ending in a newline. A draft opened with
    /// its passphrase is sealed again (with its own key: no scrypt run once it has one); a locked one keeps its sealed part as read.
    pub fn encode(&self) -> Result<Vec<u8>, Text> {
        let mut body = Body::from(self);
        match &self.protection {
            super::protect::Protection::None => {}
            super::protect::Protection::Locked { payload } => body.seal(payload.clone()),
            super::protect::Protection::Unlocked(pass, key) => {
                body.seal(super::protect::seal(self, pass, key)?)
            }
        }
        body.checksum = Some(checksum_of(&body));
        let mut out = serde_json::to_vec_pretty(&body).map_err(|e| fill_text!(w::NOT_WRITTEN, reason = e))?;
        out.push(b'\n');
        Ok(out)
    }

    /// [`Draft::encode`] for an unprotected draft (tests, examples). Panics only if sealing a
    /// protected draft fails, which writing into memory does not.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode().expect("a draft always serializes")
    }

    /// The answers file of CONTRACT §3, with the draft's identity so that re-importing it keeps
    /// the start date (`citcert drafts export`).
    pub fn to_answers_file(&self) -> Vec<u8> {
        let v = serde_json::json!({
            "answers": self.answers,
            "citcert_draft": {
                "id": self.id,
                "label": self.label,
                "created_on": self.created_on.to_string(),
                "questionnaire": self.questionnaire,
            }
        });
        let mut out = serde_json::to_vec_pretty(&v).expect("answers always serialize");
        out.push(b'\n');
        out
    }
}

/// The fields in file order; serialized compactly for the checksum, pretty for the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    format: u64,
    questionnaire: QuestionnaireRef,
    id: String,
    label: String,
    created_on: String,
    last_saved: String,
    language: String,
    current_screen: String,
    answers: Map<String, Value>,
    attachments: Vec<Value>,
    /// Absent in drafts saved without an engine (and in older files): the checksum stays the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    progress: Option<CachedProgress>,
    /// Written only when true / not empty, so older drafts keep their checksum.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    paper_prep: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    acknowledged: Vec<String>,
    /// Written only when set, so older drafts keep their checksum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    current_question: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<super::history::Entry>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    notes: BTreeMap<String, String>,
    /// A draft locked with a passphrase: the age payload (ASCII armour) holding the answers,
    /// attachments, notes, history, accepted cautions and paper choice, which are then empty here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    protected: Option<String>,
    /// Absent while the checksum is computed, present in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checksum: Option<String>,
}

impl From<&Draft> for Body {
    fn from(d: &Draft) -> Body {
        Body {
            format: FORMAT_VERSION,
            questionnaire: d.questionnaire.clone(),
            id: d.id.clone(),
            label: d.label.clone(),
            created_on: d.created_on.to_string(),
            last_saved: d.last_saved.format(STAMP).to_string(),
            language: d.language.clone(),
            current_screen: d.current_screen.clone(),
            answers: d.answers.clone(),
            attachments: d.attachments.clone(),
            progress: d.progress.clone(),
            paper_prep: d.paper_prep,
            acknowledged: d.acknowledged.clone(),
            current_question: d.current_question.clone(),
            history: d.history.clone(),
            notes: d.notes.clone(),
            protected: None,
            checksum: None,
        }
    }
}

impl Body {
    /// Leaves only the sealed payload of the private fields.
    fn seal(&mut self, payload: String) {
        self.answers.clear();
        self.attachments.clear();
        self.paper_prep = false;
        self.acknowledged.clear();
        self.history.clear();
        self.notes.clear();
        self.protected = Some(payload);
    }
}

fn checksum_of(body: &Body) -> String {
    let compact = serde_json::to_vec(body).expect("a draft always serializes");
    format!("fnv1a64:{:016x}", fnv1a64(&compact))
}

/// FNV-1a, 64 bits: tiny, fast, good enough to notice an edit. Not cryptographic.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Draft ids: 8 lowercase hex digits (the store makes them); up to 32 `[a-z0-9-]` accepted.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Checks the shape CONTRACT §2 allows: a string, or an array of strings. `Err` says what is wrong,
/// in both languages, after the answer's id ("answer 'x' is a number; …").
pub fn check_answer(id: &str, value: &Value) -> Result<(), Text> {
    if id.trim().is_empty() {
        return Err(Text::new(
            "an answer has an empty question id",
            "une réponse a un identifiant de question vide",
        ));
    }
    match value {
        Value::String(_) => Ok(()),
        Value::Array(items) => match items.iter().position(|v| !v.is_string()) {
            None => Ok(()),
            Some(i) => Err(fill_text!(w::ITEM_NOT_TEXT, n = i + 1, kind = kind(&items[i]))),
        },
        other => Err(fill_text!(w::NOT_TEXT_OR_LIST, kind = kind(other))),
    }
}

/// "answer 'id' <problem>" in both languages.
pub(crate) fn answer_problem(id: &str, p: &Text) -> Text {
    fill_text!(w::ANSWER_PROBLEM, id = id, problem = p)
}

fn kind(v: &Value) -> Text {
    let (en, fr) = match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("true/false", "vrai/faux"),
        Value::Number(_) => ("a number", "un nombre"),
        Value::String(_) => ("text", "du texte"),
        Value::Array(_) => ("a list", "une liste"),
        Value::Object(_) => ("an object", "un objet"),
    };
    Text::new(en, fr)
}

/// Reads a draft file's bytes. `Err` is the reason it is damaged, in words, for the user, in
/// English and French. `expected_id` is the file name without `.json`.
pub fn parse(bytes: &[u8], expected_id: &str) -> Result<Draft, Text> {
    if bytes.is_empty() {
        return Err(Text::new("the file is empty (0 bytes)", "le fichier est vide (0 octet)"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(fill_text!(w::TOO_LARGE, n = bytes.len()));
    }
    if bytes.iter().all(|&b| b == 0) {
        return Err(Text::new(
            "the file holds only zero bytes (erased or damaged on disk)",
            "le fichier ne contient que des octets nuls (effacé ou endommagé sur le disque)",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let binary = bytes.iter().take(512).filter(|&&b| b == 0 || (b < 9)).count() > 0;
            return Err(if binary {
                fill_text!(w::BINARY_AT, at = at)
            } else {
                fill_text!(w::NOT_UTF8_AT, at = at)
            });
        }
    };
    if text.bytes().any(|b| b == 0) {
        return Err(Text::new(
            "the file holds binary data (a zero byte), not a draft",
            "le fichier contient des données binaires (un octet nul), pas un brouillon",
        ));
    }
    // Fast path: a well-formed draft deserializes straight into its fields. Anything else takes the
    // slow path below, which says precisely what is wrong.
    if let Ok(b) = serde_json::from_str::<Body>(text)
        && b.format == FORMAT_VERSION
    {
        return finish(b, expected_id);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (l, c) = (e.line(), e.column());
        if e.is_eof() {
            fill_text!(w::TRUNCATED, line = l, column = c)
        } else {
            fill_text!(w::NOT_JSON, line = l, column = c, reason = e)
        }
    })?;
    let Value::Object(obj) = &value else {
        return Err(Text::new(
            "the file is JSON but not a draft (the top level is not an object)",
            "le fichier est du JSON mais pas un brouillon (le niveau supérieur n'est pas un objet)",
        ));
    };
    match obj.get("format") {
        None => {
            return Err(Text::new(
                "not a citcert draft: it has no \"format\" field",
                "ce n'est pas un brouillon citcert : il n'a pas de champ « format »",
            ));
        }
        Some(Value::Number(n)) => match n.as_u64() {
            Some(FORMAT_VERSION) => {}
            Some(v) if v > FORMAT_VERSION => {
                return Err(fill_text!(w::NEWER_FORMAT, format = v, reads = FORMAT_VERSION));
            }
            _ => {
                return Err(fill_text!(w::UNKNOWN_FORMAT, format = n));
            }
        },
        Some(other) => return Err(fill_text!(w::FORMAT_NOT_NUMBER, kind = kind(other))),
    }
    const FIELDS: [(&str, &str); 9] = [
        ("questionnaire", "object"),
        ("id", "text"),
        ("label", "text"),
        ("created_on", "text"),
        ("last_saved", "text"),
        ("language", "text"),
        ("current_screen", "text"),
        ("answers", "object"),
        ("attachments", "list"),
    ];
    for (name, want) in FIELDS {
        let ok = match obj.get(name) {
            None => {
                return Err(fill_text!(w::FIELD_MISSING, name = name));
            }
            Some(Value::String(_)) => want == "text",
            Some(Value::Object(_)) => want == "object",
            Some(Value::Array(_)) => want == "list",
            Some(_) => false,
        };
        if !ok {
            let want = match want {
                "text" => Fixed::new("text", "du texte"),
                "object" => Fixed::new("an object", "un objet"),
                _ => Fixed::new("a list", "une liste"),
            };
            return Err(fill_text!(w::FIELD_WRONG_KIND, name = name, kind = kind(&obj[name]), want = want));
        }
    }
    if let Some(Value::Object(answers)) = obj.get("answers") {
        for (id, v) in answers {
            check_answer(id, v).map_err(|p| answer_problem(id, &p))?;
        }
    }
    // serde's messages can quote a value; only an unknown field name is passed on.
    let b: Body = serde_json::from_value(value).map_err(|e| {
        let msg = e.to_string();
        if msg.starts_with("unknown field") {
            let field = msg.split('`').nth(1).unwrap_or("?");
            fill_text!(w::UNKNOWN_FIELD, field = field)
        } else {
            Text::new(
                "a field has the wrong type (\"questionnaire\" needs text \"id\" and \"version\")",
                "un champ a le mauvais type (« questionnaire » demande du texte pour « id » et « version »)",
            )
        }
    })?;
    finish(b, expected_id)
}

/// The checks that need the typed fields: answers' shape, id, dates, label, checksum.
fn finish(mut b: Body, expected_id: &str) -> Result<Draft, Text> {
    for (id, v) in &b.answers {
        check_answer(id, v).map_err(|p| answer_problem(id, &p))?;
    }
    let Some(checksum) = b.checksum.take() else {
        return Err(Text::new(
            "the \"checksum\" field is missing: the file was not written by citcert",
            "le champ « checksum » manque : le fichier n'a pas été écrit par citcert",
        ));
    };
    if !is_valid_id(&b.id) {
        return Err(fill_text!(w::INVALID_ID, id = b.id));
    }
    if b.id != expected_id {
        return Err(fill_text!(w::OTHER_ID, expected = expected_id, id = b.id));
    }
    let created_on = crate::clock::parse_date(&b.created_on)
        .ok_or_else(|| fill_text!(w::CREATED_NOT_DATE, value = b.created_on))?;
    let last_saved = NaiveDateTime::parse_from_str(&b.last_saved, STAMP)
        .map_err(|_| fill_text!(w::SAVED_NOT_TIME, value = b.last_saved))?;
    if last_saved.date() < created_on {
        return Err(fill_text!(w::SAVED_BEFORE_CREATED, last_saved = b.last_saved, created_on = created_on));
    }
    if b.label.trim().is_empty() {
        return Err(Text::new("the label is empty", "le nom du brouillon est vide"));
    }
    if checksum != checksum_of(&b) {
        return Err(Text::new(
            "the checksum does not match: the file was edited outside citcert or damaged",
            "la somme de contrôle ne correspond pas : le fichier a été modifié hors de citcert ou endommagé",
        ));
    }
    super::history::check(&mut b.history, &b.notes)?;
    let protection = match b.protected.take() {
        None => super::protect::Protection::None,
        Some(payload) => {
            let clear = !b.answers.is_empty()
                || !b.attachments.is_empty()
                || b.paper_prep
                || !b.acknowledged.is_empty()
                || !b.history.is_empty()
                || !b.notes.is_empty();
            if clear || !payload.starts_with("-----BEGIN AGE ENCRYPTED FILE-----") {
                return Err(Text::new(
                    "a draft locked with a passphrase, but its private part is not what citcert writes",
                    "un brouillon verrouillé par une phrase de passe, mais sa partie privée n'est pas ce que citcert écrit",
                ));
            }
            super::protect::Protection::Locked { payload }
        }
    };
    Ok(Draft {
        id: b.id,
        created_on,
        last_saved,
        label: b.label,
        questionnaire: b.questionnaire,
        language: b.language,
        current_screen: b.current_screen,
        answers: b.answers,
        attachments: b.attachments,
        progress: b.progress.filter(|p| p.percent <= 100),
        paper_prep: b.paper_prep,
        acknowledged: b.acknowledged,
        current_question: b.current_question,
        history: b.history,
        notes: b.notes,
        protection,
    })
}

/// The words with values of a draft file's problems (`NOT_JSON` also for an imported file).
pub(super) mod w {
    use crate::words::Template;

    pub const NOT_WRITTEN: Template = Template::new(
        &["reason"],
        "the draft could not be written ({reason})",
        "le brouillon n'a pas pu être écrit ({reason})",
    );
    pub const ITEM_NOT_TEXT: Template = Template::new(
        &["n", "kind"],
        "item {n} of the list is {kind}, not text",
        "l'élément {n} de la liste est {kind}, pas du texte",
    );
    pub const NOT_TEXT_OR_LIST: Template = Template::new(
        &["kind"],
        "is {kind}; answers are text or lists of text",
        "est {kind}; les réponses sont du texte ou des listes de textes",
    );
    /// "answer 'id' <problem>".
    pub const ANSWER_PROBLEM: Template =
        Template::new(&["id", "problem"], "answer '{id}' {problem}", "la réponse « {id} » {problem}");
    pub const TOO_LARGE: Template = Template::new(
        &["n"],
        "the file is {n} bytes, far too large for a draft",
        "le fichier fait {n} octets, beaucoup trop pour un brouillon",
    );
    pub const BINARY_AT: Template = Template::new(
        &["at"],
        "the file holds binary data, not text (first bad byte at offset {at})",
        "le fichier contient des données binaires, pas du texte (premier octet fautif à la position {at})",
    );
    pub const NOT_UTF8_AT: Template = Template::new(
        &["at"],
        "the file is not UTF-8 text (invalid byte at offset {at})",
        "le fichier n'est pas du texte UTF-8 (octet non valide à la position {at})",
    );
    pub const TRUNCATED: Template = Template::new(
        &["line", "column"],
        "the file ends early at line {line} column {column}: it looks truncated",
        "le fichier s'arrête trop tôt à la ligne {line}, colonne {column} : il semble tronqué",
    );
    pub const NOT_JSON: Template = Template::new(
        &["line", "column", "reason"],
        "not valid JSON at line {line} column {column}: {reason}",
        "JSON non valide à la ligne {line}, colonne {column} ({reason})",
    );
    pub const NEWER_FORMAT: Template = Template::new(
        &["format", "reads"],
        "made by a newer citcert (draft format {format}; this citcert reads format {reads}); \
         update citcert to open it",
        "créé par un citcert plus récent (format de brouillon {format}; ce citcert lit le format \
         {reads}); mettez citcert à jour pour l'ouvrir",
    );
    pub const UNKNOWN_FORMAT: Template =
        Template::new(&["format"], "unknown draft format {format}", "format de brouillon inconnu : {format}");
    pub const FORMAT_NOT_NUMBER: Template = Template::new(
        &["kind"],
        "\"format\" is {kind}, not a number",
        "« format » est {kind}, pas un nombre",
    );
    pub const FIELD_MISSING: Template =
        Template::new(&["name"], "the \"{name}\" field is missing", "le champ « {name} » manque");
    /// `want`: "text", "a list" … in both languages.
    pub const FIELD_WRONG_KIND: Template = Template::new(
        &["name", "kind", "want"],
        "\"{name}\" is {kind}, not {want}",
        "« {name} » est {kind}, pas {want}",
    );
    pub const UNKNOWN_FIELD: Template = Template::new(
        &["field"],
        "unknown field `{field}`; this citcert does not know it",
        "champ inconnu « {field} »; ce citcert ne le connaît pas",
    );
    pub const INVALID_ID: Template = Template::new(
        &["id"],
        "the draft id '{id}' is not a valid id",
        "l'identifiant de brouillon « {id} » n'est pas valide",
    );
    pub const OTHER_ID: Template = Template::new(
        &["expected", "id"],
        "the file name says draft '{expected}' but the file holds draft '{id}' (copied or renamed by hand?)",
        "le nom du fichier indique le brouillon « {expected} », mais le fichier contient le brouillon \
         « {id} » (copié ou renommé à la main?)",
    );
    pub const CREATED_NOT_DATE: Template = Template::new(
        &["value"],
        "\"created_on\" is '{value}', not a date YYYY-MM-DD",
        "« created_on » vaut « {value} », pas une date AAAA-MM-JJ",
    );
    pub const SAVED_NOT_TIME: Template = Template::new(
        &["value"],
        "\"last_saved\" is '{value}', not a time YYYY-MM-DDTHH:MM:SS",
        "« last_saved » vaut « {value} », pas une heure AAAA-MM-JJTHH:MM:SS",
    );
    pub const SAVED_BEFORE_CREATED: Template = Template::new(
        &["last_saved", "created_on"],
        "\"last_saved\" ({last_saved}) is before \"created_on\" ({created_on})",
        "« last_saved » ({last_saved}) est avant « created_on » ({created_on})",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        let d = crate::clock::parse_date("2025-06-01").unwrap();
        let mut draft = Draft::new(
            "0a1b2c3d".into(),
            "Liam — first certificate".into(),
            d,
            d.and_hms_opt(12, 0, 0).unwrap(),
            QuestionnaireRef { id: "CIT0001".into(), version: "test".into() },
            "en".into(),
        );
        draft.set_answer("pers.other_names", serde_json::json!(["NA"])).unwrap();
        draft.set_answer("pers.dob", serde_json::json!("2019-03-10")).unwrap();
        draft
    }

    #[test]
    fn debug_output_leaves_the_answers_out() {
        let text = format!("{:?}", sample());
        assert!(!text.contains("2019-03-10") && text.contains("2 answers, not shown"), "{text}");
    }

    #[test]
    fn round_trips() {
        let d = sample();
        assert_eq!(parse(&d.to_bytes(), "0a1b2c3d").unwrap(), d);
    }

    #[test]
    fn answers_of_the_wrong_shape_are_refused() {
        let mut d = sample();
        assert!(d.set_answer("pers.dob", serde_json::json!(19)).is_err());
        assert!(d.set_answer("pers.other_names", serde_json::json!(["a", 1])).is_err());
        assert!(d.set_answer("x", serde_json::json!({"a": "b"})).is_err());
    }

    #[test]
    fn a_field_of_the_wrong_kind_is_named_with_the_kind_wanted() {
        let mut v: serde_json::Value = serde_json::from_slice(&sample().to_bytes()).unwrap();
        v["answers"] = serde_json::json!("x");
        let e = parse(&serde_json::to_vec(&v).unwrap(), "0a1b2c3d").unwrap_err();
        assert!(e.en.contains("\"answers\" is text, not an object"), "{e:?}");
        assert!(e.fr.contains("« answers » est du texte, pas un objet"), "{e:?}");
    }

    #[test]
    fn an_edit_breaks_the_checksum() {
        let text = String::from_utf8(sample().to_bytes()).unwrap().replace("Liam", "Noah");
        let e = parse(text.as_bytes(), "0a1b2c3d").unwrap_err();
        assert!(e.en.contains("checksum"), "{e:?}");
        assert!(e.fr.contains("somme de contrôle"), "{e:?}");
    }
}
