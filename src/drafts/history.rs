//! What a draft remembers for the next call (issue 13): a short history — when it was created,
//! opened, saved, renamed, and which questions changed at each save — and a short note per
//! question from whoever helps the person ("caller will check the grant date").
//!
//! The history holds question ids and times only, never an answer or a name: the numbers people
//! say ("4.4") come from the questionnaire when it is shown (`drafts show --history`). Both are
//! bounded: the last [`MAX_HISTORY`] entries, notes of at most [`MAX_NOTE_CHARS`] characters, at
//! most [`MAX_NOTES`] of them. Both are optional in the file, so drafts written before them load
//! with their checksum intact.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use crate::engine::text::Text;
use crate::fill_text;

/// Why a note, a history or the notes of a draft file are refused.
mod w {
    use crate::words::Template;

    pub const NOTE_TOO_LONG: Template = Template::new(
        &["n", "max"],
        "the note has {n} characters; a note has at most {max} — shorten it",
        "la note compte {n} caractères; une note en compte au plus {max} — raccourcissez-la",
    );
    /// A question id named in a history entry or a note (shown without control characters).
    pub const NOT_A_QUESTION_ID: Template = Template::new(
        &["id"],
        "'{id}' is not a question id",
        "« {id} » n'est pas un identifiant de question",
    );
    pub const ENTRY_AT_NOT_A_TIME: Template = Template::new(
        &["n"],
        "history entry {n}: \"at\" is not a time YYYY-MM-DDTHH:MM:SS",
        "entrée {n} de l'historique : « at » n'est pas une heure AAAA-MM-JJTHH:MM:SS",
    );
    pub const ENTRY_TOO_MANY_CHANGED: Template = Template::new(
        &["n", "max"],
        "history entry {n} lists more than {max} questions",
        "l'entrée {n} de l'historique compte plus de {max} questions",
    );
    /// What is wrong in history entry `n`.
    pub const IN_ENTRY: Template = Template::new(
        &["n", "reason"],
        "history entry {n}: {reason}",
        "entrée {n} de l'historique : {reason}",
    );
    pub const TOO_MANY_NOTES: Template = Template::new(
        &["n", "max"],
        "{n} notes; a draft holds at most {max}",
        "{n} notes; un brouillon en contient au plus {max}",
    );
    /// What is wrong in the notes.
    pub const IN_NOTES: Template = Template::new(&["reason"], "notes: {reason}", "notes : {reason}");
    pub const NOTE_NOT_ONE_LINE: Template = Template::new(
        &["id", "max"],
        "the note on '{id}' is not one line of at most {max} characters",
        "la note sur « {id} » n'est pas une ligne d'au plus {max} caractères",
    );
}

/// Entries kept; older ones are dropped at each save.
pub const MAX_HISTORY: usize = 200;
/// Question ids listed in one entry (an import can change every answer at once).
pub const MAX_CHANGED: usize = 1000;
/// Characters in one note.
pub const MAX_NOTE_CHARS: usize = 200;
/// Notes in one draft (one per question at most).
pub const MAX_NOTES: usize = 500;
/// The longest question id a history entry or a note may name.
const MAX_ID_CHARS: usize = 200;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    Created,
    Imported,
    Opened,
    Saved,
    Renamed,
    Note,
}

impl Event {
    pub fn word(self) -> Text {
        let (en, fr) = match self {
            Event::Created => ("created", "créé"),
            Event::Imported => ("imported", "importé"),
            Event::Opened => ("opened", "ouvert"),
            Event::Saved => ("saved", "enregistré"),
            Event::Renamed => ("renamed", "renommé"),
            Event::Note => ("note", "note"),
        };
        Text::new(en, fr)
    }
}

/// One line of a draft's history: when, what, and the question ids it touched (never values).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// `YYYY-MM-DDTHH:MM:SS`, from the injected clock.
    pub at: String,
    pub event: Event,
    /// Question ids whose answer changed (saved) or whose note changed (note), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

impl Entry {
    pub fn now(at: chrono::NaiveDateTime, event: Event, changed: Vec<String>) -> Entry {
        Entry { at: at.format(super::format::STAMP).to_string(), event, changed }
    }
}

/// Appends `entry`, keeping the last [`MAX_HISTORY`].
pub fn push(history: &mut Vec<Entry>, entry: Entry) {
    history.push(entry);
    if history.len() > MAX_HISTORY {
        let extra = history.len() - MAX_HISTORY;
        history.drain(..extra);
    }
}

/// Records a save that changed `changed`. Autosave writes after every answer; saves of one
/// session within the same minute are one entry (the union of their questions, the time of the
/// last), so the last [`MAX_HISTORY`] entries reach further back than the last few answers.
pub fn record_save(
    history: &mut Vec<Entry>,
    at: chrono::NaiveDateTime,
    changed: Vec<String>,
    same_session: bool,
) {
    let entry = Entry::now(at, Event::Saved, changed);
    if same_session
        && let Some(last) = history.last_mut()
        && last.event == Event::Saved
        && last.at.get(..16) == entry.at.get(..16)
    {
        last.changed.extend(entry.changed);
        last.changed.sort();
        last.changed.dedup();
        last.changed.truncate(MAX_CHANGED);
        last.at = entry.at;
        return;
    }
    push(history, entry);
}

/// The question ids whose answer differs between two answer maps (added, removed or changed), sorted.
/// An id that could not be a question id (a hand-edited or hostile answers file: control characters,
/// too long) is left out, so the history never holds what [`check`] would refuse on the next load.
pub fn changed_ids(before: &Map<String, Value>, after: &Map<String, Value>) -> Vec<String> {
    let mut ids: Vec<String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .chain(before.keys().filter(|k| !after.contains_key(*k)).cloned())
        .filter(|k| check_id(k).is_ok())
        .collect();
    ids.sort();
    ids.dedup();
    ids.truncate(MAX_CHANGED);
    ids
}

/// A character that may not be in a note, a question id or a draft's name: the characters
/// [`crate::safe_text`] would have to neutralise when printing (controls, bidi controls).
pub fn is_forbidden_char(c: char) -> bool {
    crate::safe_text::is_unsafe(c)
}

/// A note as stored: trimmed, one line, at most [`MAX_NOTE_CHARS`] characters, no control or
/// bidi characters, not empty. `Err` says why not, in both languages.
pub fn check_note(text: &str) -> Result<String, Text> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Text::new(
            "the note is empty; write the note, or use --clear to remove one",
            "la note est vide; écrivez la note, ou utilisez --clear pour en retirer une",
        ));
    }
    let n = t.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(fill_text!(w::NOTE_TOO_LONG, n = n, max = MAX_NOTE_CHARS));
    }
    if t.chars().any(is_forbidden_char) {
        return Err(Text::new(
            "the note must be one line of plain text (no line breaks, tabs or control characters)",
            "la note doit être une seule ligne de texte simple (sans saut de ligne, tabulation ni caractère de contrôle)",
        ));
    }
    Ok(t.to_string())
}

fn check_id(id: &str) -> Result<(), Text> {
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS || id.chars().any(is_forbidden_char) {
        let shown: String = id.chars().filter(|c| !is_forbidden_char(*c)).take(40).collect();
        return Err(fill_text!(w::NOT_A_QUESTION_ID, id = shown));
    }
    Ok(())
}

/// Checks a draft file's `history` and `notes` (the file is damaged otherwise); the reason in
/// both languages. Histories longer than [`MAX_HISTORY`] are cut to their last entries.
pub fn check(history: &mut Vec<Entry>, notes: &BTreeMap<String, String>) -> Result<(), Text> {
    for (k, e) in history.iter().enumerate() {
        if chrono::NaiveDateTime::parse_from_str(&e.at, super::format::STAMP).is_err() {
            return Err(fill_text!(w::ENTRY_AT_NOT_A_TIME, n = k + 1));
        }
        if e.changed.len() > MAX_CHANGED {
            return Err(fill_text!(w::ENTRY_TOO_MANY_CHANGED, n = k + 1, max = MAX_CHANGED));
        }
        for id in &e.changed {
            check_id(id).map_err(|p| fill_text!(w::IN_ENTRY, n = k + 1, reason = &p))?;
        }
    }
    if history.len() > MAX_HISTORY {
        let extra = history.len() - MAX_HISTORY;
        history.drain(..extra);
    }
    if notes.len() > MAX_NOTES {
        return Err(fill_text!(w::TOO_MANY_NOTES, n = notes.len(), max = MAX_NOTES));
    }
    for (id, note) in notes {
        check_id(id).map_err(|p| fill_text!(w::IN_NOTES, reason = &p))?;
        if check_note(note).as_deref() != Ok(note.as_str()) {
            return Err(fill_text!(w::NOTE_NOT_ONE_LINE, id = id, max = MAX_NOTE_CHARS));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changed_ids_names_added_removed_and_changed_answers() {
        let a = json!({"a": "1", "b": "2", "c": ["x"]});
        let b = json!({"a": "1", "b": "3", "d": "4"});
        let ids = changed_ids(a.as_object().unwrap(), b.as_object().unwrap());
        assert_eq!(ids, ["b", "c", "d"]);
    }

    #[test]
    fn an_id_that_is_no_question_id_is_never_written_to_the_history() {
        let long = "x".repeat(MAX_ID_CHARS + 1);
        let b = json!({"ok": "1", "gone.\u{1b}]0;pwned\u{7}": "2", "a\u{202e}b": "3", long: "4"});
        let ids = changed_ids(&Map::new(), b.as_object().unwrap());
        assert_eq!(ids, ["ok"]);
        let mut h = vec![Entry::now(chrono::NaiveDateTime::default(), Event::Saved, ids)];
        check(&mut h, &BTreeMap::new()).unwrap();
    }

    #[test]
    fn saves_of_one_session_within_a_minute_are_one_entry() {
        let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, super::super::format::STAMP).unwrap();
        let mut h = vec![];
        record_save(&mut h, t("2025-06-01T10:00:05"), vec!["b".into()], false);
        record_save(&mut h, t("2025-06-01T10:00:40"), vec!["a".into(), "b".into()], true);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].changed, ["a", "b"]);
        assert_eq!(h[0].at, "2025-06-01T10:00:40");
        record_save(&mut h, t("2025-06-01T10:01:00"), vec!["c".into()], true);
        assert_eq!(h.len(), 2, "the next minute is a new entry");
        record_save(&mut h, t("2025-06-01T10:01:10"), vec!["d".into()], false);
        assert_eq!(h.len(), 3, "another session is a new entry");
    }

    #[test]
    fn history_is_capped() {
        let mut h = vec![];
        for k in 0..MAX_HISTORY + 5 {
            push(
                &mut h,
                Entry { at: format!("2025-06-01T00:00:{:02}", k % 60), event: Event::Saved, changed: vec![] },
            );
        }
        assert_eq!(h.len(), MAX_HISTORY);
        assert_eq!(h[0].at, "2025-06-01T00:00:05");
    }

    #[test]
    fn notes_are_one_short_plain_line() {
        assert_eq!(
            check_note("  caller will check the grant date ").unwrap(),
            "caller will check the grant date"
        );
        assert!(check_note("  ").is_err());
        assert!(check_note(&"x".repeat(MAX_NOTE_CHARS + 1)).is_err());
        assert!(check_note(&"é".repeat(MAX_NOTE_CHARS)).is_ok());
        for bad in ["a\nb", "a\tb", "a\u{1b}[31mb", "a\u{202E}b", "a\u{2067}b"] {
            let e = check_note(bad).unwrap_err();
            assert!(e.en.contains("one line") && e.fr.contains("une seule ligne"), "{bad:?}");
        }
        let e = check_note(&"x".repeat(MAX_NOTE_CHARS + 1)).unwrap_err();
        assert_eq!(e.en, "the note has 201 characters; a note has at most 200 — shorten it");
        assert_eq!(e.fr, "la note compte 201 caractères; une note en compte au plus 200 — raccourcissez-la");
    }

    /// A bad question id is named with where it is, word for word in both languages.
    #[test]
    fn a_bad_id_is_named_with_its_entry_or_the_notes() {
        let entry =
            |changed: Vec<String>| Entry { at: "2026-11-22T10:00:00".into(), event: Event::Saved, changed };
        let mut h = vec![entry(vec!["a".into()]), entry(vec!["b\u{7}c".into()])];
        let e = check(&mut h, &BTreeMap::new()).unwrap_err();
        assert_eq!(e.en, "history entry 2: 'bc' is not a question id");
        assert_eq!(e.fr, "entrée 2 de l'historique : « bc » n'est pas un identifiant de question");
        let notes = BTreeMap::from([("x\u{202E}y".to_string(), "a note".to_string())]);
        let e = check(&mut vec![], &notes).unwrap_err();
        assert_eq!(e.en, "notes: 'xy' is not a question id");
        assert_eq!(e.fr, "notes : « xy » n'est pas un identifiant de question");
    }
}
