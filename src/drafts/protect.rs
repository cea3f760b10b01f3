//! Drafts locked with a passphrase (issue 12): for a shared family computer or a support desk.
//!
//! A protected draft keeps in clear what listing and the 60-day rule need — format, questionnaire,
//! id, label, start date, last-saved time, language, current screen (`S1`…`S13`, no answer) and
//! the cached progress percent — and seals everything that may hold personal data (answers,
//! attachments, notes, history, accepted cautions, the paper-preparation choice) in the
//! `protected` field: two ASCII-armoured [age](https://age-encryption.org) blocks, the draft's own
//! X25519 key sealed with the passphrase (scrypt), then the fields sealed to that key — so opening
//! runs scrypt once and saves none (see [`seal`]; the older one-block form still opens). The draft's checksum covers that field as it covers the others, so
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
use crate::fill_text;
use crate::words::Template;

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
            const TOO_LONG: Template = Template::new(
                &["max"],
                "the passphrase is longer than {max} bytes",
                "la phrase de passe dépasse {max} octets",
            );
            return Err(fill_text!(TOO_LONG, max = MAX_BYTES));
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
            const TOO_SHORT: Template = Template::new(
                &["min"],
                "the passphrase is too short: use at least {min} characters",
                "la phrase de passe est trop courte : utilisez au moins {min} caractères",
            );
            return Err(fill_text!(TOO_SHORT, min = MIN_CHARS));
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
    /// Opened with its passphrase; every save seals the payload again, with the draft's own key
    /// (cached after the one scrypt run of opening or locking: see [`seal`]).
    Unlocked(Passphrase, KeyCache),
}

/// The draft's own key, once known: an age X25519 identity, and that identity wrapped with the
/// passphrase (scrypt) as it is stored. Shared by the clones of one draft, never between drafts.
#[derive(Clone, Default)]
pub struct KeyCache(std::sync::Arc<std::sync::OnceLock<DraftKey>>);

struct DraftKey {
    identity: age::x25519::Identity,
    /// The identity sealed with the passphrase: the first armoured block of `protected`.
    wrapped: String,
}

impl std::fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyCache(<not shown>)")
    }
}

impl Protection {
    /// A draft just opened or locked with `pass`, its key not known yet.
    pub fn unlocked(pass: Passphrase) -> Protection {
        Protection::Unlocked(pass, KeyCache::default())
    }
}

impl PartialEq for Protection {
    fn eq(&self, other: &Protection) -> bool {
        match (self, other) {
            (Protection::None, Protection::None) => true,
            (Protection::Locked { payload: a }, Protection::Locked { payload: b }) => a == b,
            (Protection::Unlocked(a, _), Protection::Unlocked(b, _)) => a.same_as(b),
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

impl Sealed {
    /// The private fields of `d`, as they are sealed.
    fn of(d: &Draft) -> Sealed {
        Sealed {
            id: d.id.clone(),
            answers: d.answers.clone(),
            attachments: d.attachments.clone(),
            paper_prep: d.paper_prep,
            acknowledged: d.acknowledged.clone(),
            history: d.history.clone(),
            notes: d.notes.clone(),
        }
    }
}

/// Why a protected draft could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockError {
    /// The passphrase does not open it (nothing was changed).
    WrongPassphrase,
    /// The sealed part is not what citcert writes (reason in both languages).
    Damaged(Text),
}

/// The end of one ASCII-armoured age block.
const ARMOR_END: &str = "-----END AGE ENCRYPTED FILE-----";

fn seal_failed(e: &dyn std::fmt::Display) -> Text {
    const NOT_ENCRYPTED: Template = Template::new(
        &["reason"],
        "the draft could not be encrypted ({reason})",
        "le brouillon n'a pas pu être chiffré ({reason})",
    );
    fill_text!(NOT_ENCRYPTED, reason = e)
}

/// `plain` encrypted to `recipient`, ASCII-armoured.
fn encrypt(plain: &[u8], recipient: &dyn age::Recipient) -> Result<String, Text> {
    let failed = |e: &dyn std::fmt::Display| seal_failed(e);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient)).map_err(|e| failed(&e))?;
    let armor = age::armor::ArmoredWriter::wrap_output(Vec::new(), age::armor::Format::AsciiArmor)
        .map_err(|e| failed(&e))?;
    let mut w = encryptor.wrap_output(armor).map_err(|e| failed(&e))?;
    w.write_all(plain).map_err(|e| failed(&e))?;
    let out = w.finish().and_then(|a| a.finish()).map_err(|e| failed(&e))?;
    String::from_utf8(out).map_err(|e| failed(&e))
}

/// Seals the private fields of `d`: two ASCII-armoured age blocks, one after the other. The first
/// is the draft's own X25519 identity encrypted with the passphrase (scrypt); the second, the
/// private fields encrypted to that identity. The first is made once per draft (when it is locked,
/// or at the first save after opening a draft of the older one-block form) and kept, so a save
/// costs no scrypt run: only opening does.
pub(crate) fn seal(d: &Draft, pass: &Passphrase, cache: &KeyCache) -> Result<String, Text> {
    let sealed = Sealed::of(d);
    let plain = zeroize::Zeroizing::new(serde_json::to_vec(&sealed).map_err(|e| seal_failed(&e))?);
    let key = match cache.0.get() {
        Some(k) => k,
        None => {
            let identity = age::x25519::Identity::generate();
            let mut recipient = age::scrypt::Recipient::new(pass.0.clone());
            recipient.set_work_factor(WORK_FACTOR);
            let secret = identity.to_string();
            let wrapped = encrypt(secret.expose_secret().as_bytes(), &recipient)?;
            cache.0.get_or_init(|| DraftKey { identity, wrapped })
        }
    };
    let payload = encrypt(&plain, &key.identity.to_public())?;
    Ok(format!("{}{payload}", key.wrapped))
}

/// Decrypts one armoured block with `identity`; at most a draft's size.
fn decrypt(
    block: &str,
    identity: &dyn age::Identity,
    scrypt: bool,
) -> Result<zeroize::Zeroizing<Vec<u8>>, UnlockError> {
    let damaged = |en: &str, fr: &str| UnlockError::Damaged(Text::new(en, fr));
    let reader = age::armor::ArmoredReader::new(block.trim().as_bytes());
    let decryptor = age::Decryptor::new(reader).map_err(|e| decrypt_error(&e))?;
    if decryptor.is_scrypt() != scrypt {
        return Err(damaged(
            "the locked part is not sealed the way citcert seals it",
            "la partie verrouillée n'est pas scellée comme citcert la scelle",
        ));
    }
    let mut r = decryptor.decrypt(std::iter::once(identity)).map_err(|e| decrypt_error(&e))?;
    let mut plain = zeroize::Zeroizing::new(Vec::new());
    r.by_ref().take(format::MAX_FILE_BYTES as u64 + 1).read_to_end(&mut plain).map_err(|e| {
        const UNREADABLE: Template = Template::new(
            &["reason"],
            "the locked part cannot be read ({reason})",
            "la partie verrouillée est illisible ({reason})",
        );
        UnlockError::Damaged(fill_text!(UNREADABLE, reason = e))
    })?;
    Ok(plain)
}

/// Opens a locked draft with `pass`: fills in the sealed fields. On any error `d` is unchanged.
pub(crate) fn unlock(d: &mut Draft, pass: &Passphrase) -> Result<(), UnlockError> {
    let Protection::Locked { payload } = &d.protection else {
        return Ok(());
    };
    let damaged = |en: &str, fr: &str| UnlockError::Damaged(Text::new(en, fr));
    let mut identity = age::scrypt::Identity::new(pass.0.clone());
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    // Two blocks: the draft's key sealed with the passphrase, then the fields sealed with the key.
    // One block (drafts locked before): the fields sealed with the passphrase; the next save
    // turns it into two.
    let blocks: Vec<&str> = payload.split_inclusive(ARMOR_END).filter(|b| !b.trim().is_empty()).collect();
    let cache = KeyCache::default();
    let plain = match blocks.as_slice() {
        [one] => decrypt(one, &identity, true)?,
        [wrapped, fields] => {
            let secret = decrypt(wrapped, &identity, true)?;
            let key: age::x25519::Identity =
                std::str::from_utf8(&secret).ok().and_then(|s| s.trim().parse().ok()).ok_or_else(|| {
                    damaged(
                        "the locked part's key is not what citcert writes",
                        "la clé de la partie verrouillée n'est pas ce que citcert écrit",
                    )
                })?;
            let plain = decrypt(fields, &key, false)?;
            let _ = cache.0.set(DraftKey { identity: key, wrapped: wrapped.trim_start().to_string() + "\n" });
            plain
        }
        _ => {
            return Err(damaged(
                "the locked part is not one or two sealed blocks",
                "la partie verrouillée n'est pas un ou deux blocs scellés",
            ));
        }
    };
    let s: Sealed = serde_json::from_slice(&plain).map_err(|_| {
        damaged(
            "the locked part opens but is not what citcert writes",
            "la partie verrouillée s'ouvre, mais n'est pas ce que citcert écrit",
        )
    })?;
    if s.id != d.id {
        const OTHER_DRAFT: Template = Template::new(
            &["id"],
            "the locked part belongs to draft '{id}', not to this one (copied by hand?)",
            "la partie verrouillée appartient au brouillon « {id} », pas à celui-ci (copiée à la main?)",
        );
        return Err(UnlockError::Damaged(fill_text!(OTHER_DRAFT, id = s.id)));
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
    d.protection = Protection::Unlocked(pass.clone(), cache);
    Ok(())
}

fn decrypt_error(e: &age::DecryptError) -> UnlockError {
    const TOO_MUCH_WORK: Template = Template::new(
        &["required", "writes", "max"],
        "the locked part asks for scrypt work factor {required}; citcert writes {writes} and opens at most {max}",
        "la partie verrouillée demande un facteur de travail scrypt de {required}; citcert écrit {writes} et \
         ouvre au plus {max}",
    );
    const DAMAGED: Template = Template::new(
        &["reason"],
        "the locked part is damaged ({reason})",
        "la partie verrouillée est endommagée ({reason})",
    );
    use age::DecryptError as E;
    match e {
        E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys => UnlockError::WrongPassphrase,
        E::ExcessiveWork { required, .. } => UnlockError::Damaged(fill_text!(
            TOO_MUCH_WORK,
            required = required,
            writes = WORK_FACTOR,
            max = MAX_WORK_FACTOR
        )),
        other => UnlockError::Damaged(fill_text!(DAMAGED, reason = other)),
    }
}

/// Reads a passphrase from a file (`--passphrase-file`, `CITCERT_PASSPHRASE_FILE`): a regular file
/// of at most [`MAX_BYTES`] bytes (plus a newline); its first line is the passphrase. The file is
/// opened without blocking, so a FIFO or a device is refused rather than waited on.
pub fn read_passphrase_file(path: &std::path::Path) -> Result<Passphrase, Text> {
    const BAD_FILE: Template = Template::new(
        &["path", "problem"],
        "{path}: {problem}; put the passphrase alone on the first line of a regular file",
        "{path} : {problem}; mettez la phrase de passe seule sur la première ligne d'un fichier ordinaire",
    );
    const CANNOT_BE_READ: Template =
        Template::new(&["reason"], "cannot be read ({reason})", "illisible ({reason})");
    const LONGER_THAN: Template =
        Template::new(&["max"], "is longer than {max} bytes", "dépasse {max} octets");
    let p = path.display();
    let bad = |problem: Text| fill_text!(BAD_FILE, path = p, problem = problem);
    // Regular files only, opened without blocking (the one way citcert opens outside files).
    let (f, _) = super::fsutil::open_regular(path, true).map_err(|e| {
        if e.kind() == std::io::ErrorKind::InvalidInput {
            return bad(Text::new("not a regular file", "n'est pas un fichier ordinaire"));
        }
        bad(fill_text!(CANNOT_BE_READ, reason = super::io_reason(&e)))
    })?;
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    f.take(MAX_BYTES as u64 + 3)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(fill_text!(CANNOT_BE_READ, reason = super::io_reason(&e))))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| bad(Text::new("is not UTF-8 text", "n'est pas du texte UTF-8")))?;
    let line = text.split('\n').next().unwrap_or("");
    if bytes.len() > MAX_BYTES + 2 {
        return Err(bad(fill_text!(LONGER_THAN, max = MAX_BYTES)));
    }
    Passphrase::new(line).map_err(bad)
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
        draft.protection = Protection::unlocked(Passphrase::new("correct horse").unwrap());
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

    /// The two-block form: the key block is made once and kept by every later save (no scrypt);
    /// a wrong passphrase still changes nothing.
    #[test]
    fn saves_keep_the_key_block_and_reopen() {
        let d = sample();
        let first = String::from_utf8(d.encode().unwrap()).unwrap();
        let second = String::from_utf8(d.encode().unwrap()).unwrap();
        let key_block = |t: &str| {
            let v: Value = serde_json::from_str(t).unwrap();
            let p = v["protected"].as_str().unwrap().to_string();
            assert_eq!(p.matches("BEGIN AGE ENCRYPTED FILE").count(), 2, "{p}");
            p[..p.find(ARMOR_END).unwrap()].to_string()
        };
        assert_eq!(key_block(&first), key_block(&second), "the second save made no new key");
        // Reopened: the same key is used for its saves.
        let mut locked = format::parse(first.as_bytes(), "0a1b2c3d").unwrap();
        assert_eq!(
            unlock(&mut locked, &Passphrase::new("wrong horse").unwrap()),
            Err(UnlockError::WrongPassphrase)
        );
        unlock(&mut locked, &Passphrase::new("correct horse").unwrap()).unwrap();
        assert_eq!(locked, d);
        let third = String::from_utf8(locked.encode().unwrap()).unwrap();
        assert_eq!(key_block(&third), key_block(&first));
        let mut again = format::parse(third.as_bytes(), "0a1b2c3d").unwrap();
        unlock(&mut again, &Passphrase::new("correct horse").unwrap()).unwrap();
        assert_eq!(again, d);
    }

    /// A draft locked by the earlier citcert (one block: the fields sealed with the passphrase)
    /// opens, and its next save turns it into the two-block form.
    #[test]
    fn a_draft_of_the_one_block_form_opens_and_is_migrated_on_save() {
        let d = sample();
        let sealed = Sealed::of(&d);
        let mut r = age::scrypt::Recipient::new(SecretString::from("correct horse"));
        r.set_work_factor(WORK_FACTOR);
        let one_block = encrypt(&serde_json::to_vec(&sealed).unwrap(), &r).unwrap();
        let mut old = d.clone();
        old.protection = Protection::Locked { payload: one_block };
        let bytes = old.encode().unwrap();
        let mut locked = format::parse(&bytes, "0a1b2c3d").unwrap();
        assert_eq!(
            unlock(&mut locked, &Passphrase::new("wrong horse").unwrap()),
            Err(UnlockError::WrongPassphrase)
        );
        unlock(&mut locked, &Passphrase::new("correct horse").unwrap()).unwrap();
        assert_eq!(locked, d);
        let migrated = String::from_utf8(locked.encode().unwrap()).unwrap();
        assert_eq!(migrated.matches("BEGIN AGE ENCRYPTED FILE").count(), 2);
        let mut again = format::parse(migrated.as_bytes(), "0a1b2c3d").unwrap();
        unlock(&mut again, &Passphrase::new("correct horse").unwrap()).unwrap();
        assert_eq!(again, d);
    }
}
