//! Drafts locked with a passphrase (issue 12): for a shared family computer or a support desk.
//!
//! A protected draft keeps in clear what listing and the 60-day rule need — format, questionnaire,
//! id, label, start date, last-saved time, language, current screen (`S1`…`S13`, no answer) and
//! the cached progress percent — and seals everything that may hold personal data (answers,
//! attachments, notes, history, accepted cautions, the paper-preparation choice) as one
//! [age](https://age-encryption.org) payload encrypted with a passphrase (scrypt), ASCII-armoured,
//! in the `protected` field. The draft's checksum covers that field as it covers the others, so
//! damage is still found without the passphrase; the payload also names the draft id, so a payload
//! copied from another draft is refused.
//!
//! The passphrase lives only in memory, in a [`Passphrase`] (a `secrecy::SecretString`, zeroed
//! when dropped); it is never written, logged or printed.

use age::secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};

use super::format::{self, Draft};
use crate::engine::text::Text;

/// scrypt work factor (N = 2^15, r = 8: 32 MiB): one open or one save costs one scrypt run;
/// open + save measured 0.43 s on a loaded 2-core machine (BENCHMARKS.md), under the ~1 s asked.
pub const WORK_FACTOR: u8 = 15;
/// A draft asking for more work than 2^18 is refused as damaged: a file someone else wrote cannot
/// make citcert compute for minutes.
pub const MAX_WORK_FACTOR: u8 = 18;
/// New passphrases have at least this many characters.
pub const MIN_CHARS: usize = 8;
/// Longer passphrases (or passphrase files) are refused.
pub const MAX_BYTES: usize = 1024;

/// A passphrase, in memory only; zeroed when dropped; `Debug` never shows it.
#[derive(Clone)]
pub struct Passphrase(SecretString);

impl Passphrase {
    /// Any non-empty passphrase up to [`MAX_BYTES`]; a trailing newline is not part of it.
    pub fn new(text: &str) -> Result<Passphrase, Text> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        if text.is_empty() {
            return Err(Text::new("the passphrase is empty", "la phrase de passe est vide"));
        }
        if text.len() > MAX_BYTES {
            return Err(Text::new(
                format!("the passphrase is longer than {MAX_BYTES} bytes"),
                format!("la phrase de passe dépasse {MAX_BYTES} octets"),
            ));
        }
        Ok(Passphrase(SecretString::from(text)))
    }

    /// A passphrase for a new lock: at least [`MIN_CHARS`] characters.
    pub fn new_for_lock(text: &str) -> Result<Passphrase, Text> {
        let p = Passphrase::new(text)?;
        p.check_for_lock()?;
        Ok(p)
    }

    /// `Err` when this passphrase is too short to lock a draft with.
    pub fn check_for_lock(&self) -> Result<(), Text> {
        if self.0.expose_secret().chars().count() < MIN_CHARS {
            return Err(Text::new(
                format!("the passphrase is too short: use at least {MIN_CHARS} characters"),
                format!("la phrase de passe est trop courte : utilisez au moins {MIN_CHARS} caractères"),
            ));
        }
        Ok(())
    }

    /// Whether two passphrases are the same (the confirmation when a lock is set).
    pub fn same_as(&self, other: &Passphrase) -> bool {
        self.0.expose_secret() == other.0.expose_secret()
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Passphrase) -> bool {
        self.same_as(other)
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(<not shown>)")
    }
}

/// Whether a draft is locked with a passphrase, and in which state it is in memory.
#[derive(Clone, Debug, Default)]
pub enum Protection {
    /// An ordinary draft.
    #[default]
    None,
    /// Read without the passphrase: the sealed payload as stored; answers, notes … are empty in
    /// memory. Such a draft can be listed, expired and deleted, never saved.
    Locked { payload: String },
    /// Opened with its passphrase; every save seals the payload again with it.
    Unlocked(Passphrase),
}

impl PartialEq for Protection {
    fn eq(&self, other: &Protection) -> bool {
        match (self, other) {
            (Protection::None, Protection::None) => true,
            (Protection::Locked { payload: a }, Protection::Locked { payload: b }) => a == b,
            (Protection::Unlocked(a), Protection::Unlocked(b)) => a.same_as(b),
            _ => false,
        }
    }
}

impl Protection {
    pub fn is_protected(&self) -> bool {
        !matches!(self, Protection::None)
    }
    pub fn is_locked(&self) -> bool {
        matches!(self, Protection::Locked { .. })
    }
}

/// What the payload holds: the fields that may hold personal data, and the draft id.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sealed {
    id: String,
    answers: Map<String, Value>,
    attachments: Vec<Value>,
    #[serde(default)]
    paper_prep: bool,
    #[serde(default)]
    acknowledged: Vec<String>,
    #[serde(default)]
    history: Vec<super::history::Entry>,
    #[serde(default)]
    notes: BTreeMap<String, String>,
}

/// Why a protected draft could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockError {
    /// The passphrase does not open it (nothing was changed).
    WrongPassphrase,
    /// The sealed part is not what citcert writes (reason in both languages).
    Damaged(Text),
}

/// Seals the private fields of `d` with `pass`: the ASCII-armoured age payload.
pub(crate) fn seal(d: &Draft, pass: &Passphrase) -> Result<String, Text> {
    let sealed = Sealed {
        id: d.id.clone(),
        answers: d.answers.clone(),
        attachments: d.attachments.clone(),
        paper_prep: d.paper_prep,
        acknowledged: d.acknowledged.clone(),
        history: d.history.clone(),
        notes: d.notes.clone(),
    };
    let failed = |e: &dyn std::fmt::Display| {
        Text::new(
            format!("the draft could not be encrypted ({e})"),
            format!("le brouillon n'a pas pu être chiffré ({e})"),
        )
    };
    let plain = zeroize::Zeroizing::new(serde_json::to_vec(&sealed).map_err(|e| failed(&e))?);
    let mut recipient = age::scrypt::Recipient::new(pass.0.clone());
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| failed(&e))?;
    let armor = age::armor::ArmoredWriter::wrap_output(Vec::new(), age::armor::Format::AsciiArmor)
        .map_err(|e| failed(&e))?;
    let mut w = encryptor.wrap_output(armor).map_err(|e| failed(&e))?;
    w.write_all(&plain).map_err(|e| failed(&e))?;
    let out = w.finish().and_then(|a| a.finish()).map_err(|e| failed(&e))?;
    String::from_utf8(out).map_err(|e| failed(&e))
}

/// Opens a locked draft with `pass`: fills in the sealed fields. On any error `d` is unchanged.
pub(crate) fn unlock(d: &mut Draft, pass: &Passphrase) -> Result<(), UnlockError> {
    let Protection::Locked { payload } = &d.protection else {
        return Ok(());
    };
    let damaged = |en: String, fr: String| UnlockError::Damaged(Text::new(en, fr));
    let reader = age::armor::ArmoredReader::new(payload.as_bytes());
    let decryptor = age::Decryptor::new(reader).map_err(|e| decrypt_error(&e))?;
    if !decryptor.is_scrypt() {
        return Err(damaged(
            "the locked part is not sealed with a passphrase".into(),
            "la partie verrouillée n'est pas scellée par une phrase de passe".into(),
        ));
    }
    let mut identity = age::scrypt::Identity::new(pass.0.clone());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut r =
        decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| decrypt_error(&e))?;
    let mut plain = zeroize::Zeroizing::new(Vec::new());
    r.by_ref().take(format::MAX_FILE_BYTES as u64 + 1).read_to_end(&mut plain).map_err(|e| {
        damaged(
            format!("the locked part cannot be read ({e})"),
            format!("la partie verrouillée est illisible ({e})"),
        )
    })?;
    let s: Sealed = serde_json::from_slice(&plain).map_err(|_| {
        damaged(
            "the locked part opens but is not what citcert writes".into(),
            "la partie verrouillée s'ouvre, mais n'est pas ce que citcert écrit".into(),
        )
    })?;
    if s.id != d.id {
        return Err(damaged(
            format!("the locked part belongs to draft '{}', not to this one (copied by hand?)", s.id),
            format!(
                "la partie verrouillée appartient au brouillon « {} », pas à celui-ci (copiée à la main?)",
                s.id
            ),
        ));
    }
    for (id, v) in &s.answers {
        format::check_answer(id, v).map_err(|p| UnlockError::Damaged(format::answer_problem(id, &p)))?;
    }
    let mut history = s.history;
    super::history::check(&mut history, &s.notes).map_err(UnlockError::Damaged)?;
    d.answers = s.answers;
    d.attachments = s.attachments;
    d.paper_prep = s.paper_prep;
    d.acknowledged = s.acknowledged;
    d.history = history;
    d.notes = s.notes;
    d.protection = Protection::Unlocked(pass.clone());
    Ok(())
}

fn decrypt_error(e: &age::DecryptError) -> UnlockError {
    use age::DecryptError as E;
    match e {
        E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys => UnlockError::WrongPassphrase,
        E::ExcessiveWork { required, .. } => UnlockError::Damaged(Text::new(
            format!(
                "the locked part asks for scrypt work factor {required}; citcert writes {WORK_FACTOR} and opens at \
                 most {MAX_WORK_FACTOR}"
            ),
            format!(
                "la partie verrouillée demande un facteur de travail scrypt de {required}; citcert écrit \
                 {WORK_FACTOR} et ouvre au plus {MAX_WORK_FACTOR}"
            ),
        )),
        other => UnlockError::Damaged(Text::new(
            format!("the locked part is damaged ({other})"),
            format!("la partie verrouillée est endommagée ({other})"),
        )),
    }
}

/// Reads a passphrase from a file (`--passphrase-file`, `CITCERT_PASSPHRASE_FILE`): a regular file
/// of at most [`MAX_BYTES`] bytes (plus a newline); its first line is the passphrase. The file is
/// opened without blocking, so a FIFO or a device is refused rather than waited on.
pub fn read_passphrase_file(path: &std::path::Path) -> Result<Passphrase, Text> {
    let p = path.display();
    let bad = |en: String, fr: String| {
        Text::new(
            format!("{p}: {en}; put the passphrase alone on the first line of a regular file"),
            format!(
                "{p} : {fr}; mettez la phrase de passe seule sur la première ligne d'un fichier ordinaire"
            ),
        )
    };
    // Regular files only, opened without blocking (the one way citcert opens outside files).
    let (f, _) = super::fsutil::open_regular(path, true).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidInput {
            return bad("not a regular file".into(), "n'est pas un fichier ordinaire".into());
        }
        let r = super::io_reason(&e);
        bad(format!("cannot be read ({})", r.en), format!("illisible ({})", r.fr))
    })?;
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    f.take(MAX_BYTES as u64 + 3).read_to_end(&mut bytes).map_err(|e| {
        let r = super::io_reason(&e);
        bad(format!("cannot be read ({})", r.en), format!("illisible ({})", r.fr))
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| bad("is not UTF-8 text".into(), "n'est pas du texte UTF-8".into()))?;
    let line = text.split('\n').next().unwrap_or("");
    if bytes.len() > MAX_BYTES + 2 {
        return Err(bad(format!("is longer than {MAX_BYTES} bytes"), format!("dépasse {MAX_BYTES} octets")));
    }
    Passphrase::new(line).map_err(|t| bad(t.en, t.fr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::format::QuestionnaireRef;

    fn sample() -> Draft {
        let d = crate::clock::parse_date("2025-06-01").unwrap();
        let mut draft = Draft::new(
            "0a1b2c3d".into(),
            "Liam".into(),
            d,
            d.and_hms_opt(12, 0, 0).unwrap(),
            QuestionnaireRef { id: "CIT0001".into(), version: "test".into() },
            "en".into(),
        );
        draft.set_answer("pers.dob", serde_json::json!("2019-03-10")).unwrap();
        draft.notes.insert("pers.dob".into(), "from the passport".into());
        draft.protection = Protection::Unlocked(Passphrase::new("correct horse").unwrap());
        draft
    }

    #[test]
    fn a_protected_draft_round_trips_and_keeps_its_answers_out_of_the_file() {
        let d = sample();
        let bytes = d.encode().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text.contains("2019-03-10") && !text.contains("passport") && !text.contains("correct horse")
        );
        assert!(text.contains("\"label\": \"Liam\"") && text.contains("BEGIN AGE ENCRYPTED FILE"), "{text}");
        let mut locked = format::parse(&bytes, "0a1b2c3d").unwrap();
        assert!(locked.protection.is_locked() && locked.answers.is_empty() && locked.notes.is_empty());
        assert_eq!(locked.label, "Liam");
        let before = locked.clone();
        let wrong = unlock(&mut locked, &Passphrase::new("wrong horse").unwrap());
        assert_eq!(wrong, Err(UnlockError::WrongPassphrase));
        assert_eq!(locked, before, "a wrong passphrase changes nothing");
        unlock(&mut locked, &Passphrase::new("correct horse").unwrap()).unwrap();
        assert_eq!(locked, d);
    }

    #[test]
    fn an_edited_payload_is_damage() {
        let text = String::from_utf8(sample().encode().unwrap()).unwrap();
        let i = text.find("BEGIN AGE ENCRYPTED FILE").unwrap() + 40;
        let mut b = text.into_bytes();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let e = format::parse(&b, "0a1b2c3d").unwrap_err();
        assert!(e.en.contains("checksum"), "{e:?}");
    }

    #[test]
    fn short_and_empty_passphrases_are_refused_for_a_new_lock() {
        assert!(Passphrase::new_for_lock("short").is_err());
        assert!(Passphrase::new("").is_err());
        assert!(Passphrase::new_for_lock("long enough").is_ok());
        assert_eq!(format!("{:?}", Passphrase::new("secret words").unwrap()), "Passphrase(<not shown>)");
    }
}
