//! [`DraftStore`]: the drafts folder. One `<id>.json` per draft, its previous version in
//! `<id>.json.bak`, the lock in `<id>.lock`, damaged files moved to `damaged/`.

use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::format::{self, Draft, QuestionnaireRef};
use super::fsutil;
use super::history;
use super::lock::DraftLock;
use super::protect::{Passphrase, Protection, UnlockError};
use super::{AnswerInspector, DraftError, Expiry};
use crate::clock::Clock;
use crate::engine::Explain;
use crate::engine::text::Text;
use crate::fill_text;

/// A folder holding this file is a folder of example drafts (the repository's `drafts/`):
/// citcert reads it but never changes it — no expiry deletion, no quarantine, no saving.
pub const EXAMPLES_MARKER: &str = "CITCERT-EXAMPLES";
/// Quarantine subfolder for damaged drafts.
pub const DAMAGED_DIR: &str = "damaged";

/// One file read: the draft and a loose-mode warning; `Err(None)` when the file does not exist,
/// `Err(Some(reason))` when it is damaged.
type Read = Result<(Draft, Option<Text>), Option<Text>>;

/// The drafts folder.
#[derive(Debug)]
pub struct DraftStore {
    dir: PathBuf,
    examples: bool,
    warnings: Vec<Text>,
    /// Opens drafts locked with a passphrase (see [`DraftStore::set_passphrase`]).
    passphrase: Option<Passphrase>,
}

/// A draft deleted (or found, and why not deleted) past its 60 days. No personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredNotice {
    pub id: String,
    pub label: String,
    pub created_on: NaiveDate,
    /// True only when the files are gone now.
    pub deleted: bool,
    /// Why it was not deleted (`None` when it was).
    pub kept: Option<Kept>,
}

/// Why an expired draft is still there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// A folder of examples is never changed.
    Examples,
    /// Several drafts passed day 60 at once: erased only once the person confirms
    /// ([`DraftStore::sweep_erasing_all`]), since that is also what a wrong clock looks like.
    AwaitingConfirmation,
    /// Not opened for a sweep (a draft is erased by sweeps only).
    NotSwept,
    /// The erase failed; the system's reason.
    Failed(Text),
}

/// A file that is not a readable draft. Never deleted: moved to `damaged/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedNotice {
    /// The file name in the drafts folder.
    pub file: String,
    pub reason: Text,
    /// Where it was moved (`None` in an examples folder, or when the move failed — see `reason`).
    pub moved_to: Option<PathBuf>,
    /// The previous saved version (`.bak`) was valid and has taken its place.
    pub restored_from_backup: bool,
}

/// What a sweep found and did: expired drafts deleted, damaged files quarantined, the rest.
#[derive(Debug, Default)]
pub struct Sweep {
    pub drafts: Vec<Draft>,
    pub expired: Vec<ExpiredNotice>,
    pub damaged: Vec<DamagedNotice>,
    pub warnings: Vec<Text>,
    /// The date the sweep went by (this computer's date, or `--today`).
    pub today: Option<NaiveDate>,
}

/// One line of `drafts list`.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub label: String,
    pub created_on: NaiveDate,
    pub last_saved: chrono::NaiveDateTime,
    pub current_screen: String,
    pub expiry: Expiry,
    pub progress_percent: u8,
    pub answers: usize,
    /// Answers to questions the current questionnaire no longer asks (kept in the draft).
    pub no_longer_asked: usize,
}

impl DraftSummary {
    pub fn of(d: &Draft, today: NaiveDate, inspector: &dyn AnswerInspector) -> DraftSummary {
        DraftSummary {
            id: d.id.clone(),
            label: d.label.clone(),
            created_on: d.created_on,
            last_saved: d.last_saved,
            current_screen: d.current_screen.clone(),
            expiry: d.expiry(today),
            progress_percent: match &d.progress {
                Some(p) if p.questionnaire_version == inspector.questionnaire().version => p.percent,
                _ => inspector.progress_percent(&d.answers).min(100),
            },
            answers: d.answers.len(),
            no_longer_asked: super::no_longer_asked(&d.answers, inspector).len(),
        }
    }
}

/// How an open draft may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Why saving is not possible (open in another citcert, example folder).
    ReadOnly(Text),
}

/// A draft opened from the store. Read-write access holds the lock until dropped.
#[derive(Debug)]
pub struct OpenDraft {
    /// The contents; edit answers, label, screen freely. Id and start date cannot be changed.
    pub draft: Draft,
    dir: PathBuf,
    _lock: Option<DraftLock>,
    access: Access,
    original_id: String,
    original_created_on: NaiveDate,
    /// The answers as last saved: a save records which question ids changed since (history).
    saved_answers: Map<String, Value>,
    /// When it was opened to work on, recorded in the history with the first save.
    opened_at: Option<chrono::NaiveDateTime>,
    /// This open draft has recorded a save in the history (later ones in the same minute join it).
    saved_in_session: bool,
}

impl OpenDraft {
    pub fn access(&self) -> &Access {
        &self.access
    }
    pub fn is_read_only(&self) -> bool {
        self.access != Access::ReadWrite
    }

    /// Saves atomically (see [`fsutil::atomic_write`]); the previous version becomes `<id>.json.bak`.
    /// Refused when read-only or expired, or when an answer has the wrong shape.
    pub fn save(&mut self, clock: &Clock) -> Result<(), DraftError> {
        if let Access::ReadOnly(why) = &self.access {
            return Err(DraftError::ReadOnly { id: self.draft.id.clone(), why: Some(why.clone()) });
        }
        if self.draft.id != self.original_id || self.draft.created_on != self.original_created_on {
            return Err(DraftError::Invalid(fill_text!(w::ID_CHANGED, id = self.original_id)));
        }
        let e = self.draft.expiry(clock.today());
        if e.is_expired() {
            return Err(expired_error(&self.draft, &e));
        }
        if self.draft.label.trim().is_empty() {
            return Err(DraftError::Invalid(Text::new(
                "the label is empty; give the draft a name",
                "le nom du brouillon est vide; donnez-lui un nom",
            )));
        }
        for (id, v) in &self.draft.answers {
            format::check_answer(id, v)
                .map_err(|problem| DraftError::InvalidAnswer { question: id.clone(), problem })?;
        }
        // last_saved never moves backwards: it is the floor of "today" for the 60-day rule.
        let now = clock.now();
        let mut next = self.draft.clone();
        next.last_saved = next.last_saved.max(now);
        if let Some(at) = self.opened_at {
            history::push(&mut next.history, history::Entry::now(at, history::Event::Opened, vec![]));
        }
        let changed = history::changed_ids(&self.saved_answers, &next.answers);
        let recorded = !changed.is_empty();
        if recorded {
            history::record_save(&mut next.history, now, changed, self.saved_in_session);
        }
        if next.is_locked() {
            return Err(DraftError::PassphraseNeeded { id: next.id.clone(), label: next.label.clone() });
        }
        let bytes = next.encode().map_err(DraftError::Invalid)?;
        let id = &next.id;
        // The limit every load applies, checked before writing: never saved, then set aside as damaged.
        if bytes.len() > format::MAX_FILE_BYTES {
            return Err(DraftError::Invalid(fill_text!(
                w::TOO_LARGE_TO_SAVE,
                id = id,
                n = bytes.len(),
                max = format::MAX_FILE_BYTES
            )));
        }
        fsutil::atomic_write(
            &self.dir,
            &format!("{id}.json"),
            &format!(".{id}.json.tmp-{}", std::process::id()),
            Some(&format!("{id}.json.bak")),
            &bytes,
        )?;
        self.saved_answers = next.answers.clone();
        self.opened_at = None;
        self.saved_in_session |= recorded;
        self.draft = next;
        Ok(())
    }
}

fn expired_error(d: &Draft, e: &Expiry) -> DraftError {
    DraftError::Expired { label: d.label.clone(), created_on: d.created_on, expired_after: e.last_day }
}

impl DraftStore {
    /// The platform data folder: `~/.local/share/citcert/drafts` on Linux, etc.
    pub fn default_dir() -> Result<PathBuf, DraftError> {
        directories::ProjectDirs::from("ca", "citcert", "citcert")
            .map(|p| p.data_dir().join("drafts"))
            .ok_or(DraftError::NoDataDir)
    }

    /// Opens (creating it 0700 if needed) the drafts folder. Loose modes give warnings.
    pub fn open(dir: impl Into<PathBuf>) -> Result<DraftStore, DraftError> {
        let dir = dir.into();
        let examples = dir.join(EXAMPLES_MARKER).is_file();
        let mut warnings = Vec::new();
        if examples {
            if !dir.is_dir() {
                return Err(DraftError::Invalid(fill_text!(
                    w::NOT_A_FOLDER,
                    dir = crate::safe_text::path(&dir)
                )));
            }
        } else if let Some(w) = fsutil::ensure_private_dir(&dir)? {
            warnings.push(w);
        }
        Ok(DraftStore { dir, examples, warnings, passphrase: None })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    /// The passphrase [`read`](Self::read) and [`open_draft`](Self::open_draft) (and so
    /// `rename`, `set_note`) use on a draft locked with one. Without it they refuse such a draft
    /// with [`DraftError::PassphraseNeeded`]; a wrong one gives [`DraftError::WrongPassphrase`].
    pub fn set_passphrase(&mut self, passphrase: Option<Passphrase>) {
        self.passphrase = passphrase;
    }
    /// A read-only folder of example drafts (it holds [`EXAMPLES_MARKER`]).
    pub fn is_examples(&self) -> bool {
        self.examples
    }
    /// Warnings found when opening (a folder readable by others).
    pub fn warnings(&self) -> &[Text] {
        &self.warnings
    }
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// `Err` naming the folder when it is an examples folder (which is never changed). `what` is
    /// what the user wanted to do, in both languages ("start a draft").
    pub fn refuse_if_examples(&self, what: Text) -> Result<(), DraftError> {
        if self.examples {
            return Err(DraftError::Invalid(fill_text!(
                w::EXAMPLES_NEVER_CHANGED,
                dir = crate::safe_text::path(&self.dir),
                marker = EXAMPLES_MARKER,
                what = what
            )));
        }
        Ok(())
    }

    /// The names of the regular files in the folder (one directory read per sweep).
    fn file_names(&self) -> Result<Vec<String>, DraftError> {
        let mut names = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(|e| DraftError::io(&self.dir, e))? {
            let entry = entry.map_err(|e| DraftError::io(&self.dir, e))?;
            if !entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                continue;
            }
            if let Ok(name) = entry.file_name().into_string() {
                names.push(name);
            }
        }
        Ok(names)
    }

    fn ids_in(names: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = names
            .iter()
            .filter(|n| !n.starts_with('.'))
            .filter_map(|n| n.strip_suffix(".json"))
            .map(String::from)
            .collect();
        ids.sort();
        ids
    }

    /// The ids of the `*.json` files in the folder, sorted.
    pub fn ids(&self) -> Result<Vec<String>, DraftError> {
        Ok(Self::ids_in(&self.file_names()?))
    }

    /// Resolves an id or an unambiguous prefix of one.
    pub fn resolve(&self, prefix: &str) -> Result<String, DraftError> {
        let prefix = prefix.trim().to_ascii_lowercase();
        let ids = self.ids()?;
        if ids.contains(&prefix) {
            return Ok(prefix);
        }
        let matches: Vec<String> = ids.into_iter().filter(|i| i.starts_with(&prefix)).collect();
        match matches.len() {
            0 => Err(DraftError::NotFound(prefix)),
            1 => Ok(matches.into_iter().next().expect("one match")),
            _ => Err(DraftError::Ambiguous { prefix, candidates: matches }),
        }
    }

    /// Run at every start: deletes expired drafts (overwritten, then removed), moves damaged files
    /// to `damaged/` (restoring the backup when it is good), removes temp files left by a crash,
    /// and returns the drafts that remain.
    ///
    /// When several drafts are past day 60 at once, none of them is erased: they are reported with
    /// [`Kept::AwaitingConfirmation`] (a clock set months ahead looks exactly like that), and
    /// [`sweep_erasing_all`](Self::sweep_erasing_all) erases them once the person has confirmed.
    pub fn sweep(&self, clock: &Clock) -> Result<Sweep, DraftError> {
        self.sweep_with(clock, false)
    }

    /// [`sweep`](Self::sweep), erasing every expired draft however many there are: after the
    /// person confirmed (`drafts purge`).
    pub fn sweep_erasing_all(&self, clock: &Clock) -> Result<Sweep, DraftError> {
        self.sweep_with(clock, true)
    }

    fn sweep_with(&self, clock: &Clock, erase_many: bool) -> Result<Sweep, DraftError> {
        let today = clock.today();
        let mut sweep = Sweep { warnings: self.warnings.clone(), today: Some(today), ..Sweep::default() };
        let names = self.file_names()?;
        self.remove_stale_temps(&names);
        self.finish_pending_erases(&names);
        self.erase_expired_lone_backups(&names, today, &mut sweep);
        let ids = Self::ids_in(&names);
        let reads = self.read_many(&ids, today);
        let expiring =
            reads.iter().filter(|r| matches!(r, Ok((d, _)) if d.expiry(today).is_expired())).count();
        let erase = if erase_many || expiring < 2 { Erase::Yes } else { Erase::AwaitConfirmation };
        for (id, read) in ids.iter().zip(reads) {
            if let Some(d) = self.settle(id, read, today, erase, &mut sweep) {
                sweep.drafts.push(d);
            }
        }
        sweep.drafts.sort_by(|a, b| b.last_saved.cmp(&a.last_saved).then_with(|| a.id.cmp(&b.id)));
        Ok(sweep)
    }

    /// Reads and validates many drafts, on all cores when there are many (listing 1,000 drafts
    /// must take ≤ 100 ms; reading and validating is nearly all of it).
    fn read_many(&self, ids: &[String], today: NaiveDate) -> Vec<Read> {
        par_map(ids, |id| self.read_dated(&self.path_of(id), id, today))
    }

    /// Loads one draft, handling damage and expiry (an expired draft is reported, not erased: that is
    /// for sweeps); notices go into `sweep`.
    fn load_checked(&self, id: &str, today: NaiveDate, sweep: &mut Sweep) -> Option<Draft> {
        let read = self.read_dated(&self.path_of(id), id, today);
        self.settle(id, read, today, Erase::No, sweep)
    }

    /// [`read_one`](Self::read_one), and a start date after tomorrow is damage: no draft is started
    /// in the future, and such a date would keep it beyond the 60 days.
    fn read_dated(&self, path: &Path, id: &str, today: NaiveDate) -> Read {
        let (d, w) = self.read_one(path, id)?;
        if d.created_on() > today + chrono::Duration::days(1) {
            return Err(Some(fill_text!(w::STARTS_IN_FUTURE, created_on = d.created_on(), today = today)));
        }
        Ok((d, w))
    }

    /// Acts on one read: quarantines a damaged file (restoring a good backup), erases an expired
    /// draft, passes on a loose-mode warning.
    fn settle(
        &self,
        id: &str,
        read: Read,
        today: NaiveDate,
        erase: Erase,
        sweep: &mut Sweep,
    ) -> Option<Draft> {
        let path = self.path_of(id);
        let mut read = read;
        // A damaged draft is set aside and its backup, when good, takes its place; a damaged
        // backup is set aside in turn (then there is none left to restore).
        let (draft, mode_warning) = loop {
            match read {
                Ok(d) => break d,
                Err(None) => return None, // vanished meanwhile
                Err(Some(reason)) => {
                    if !self.quarantine(id, &reason, sweep) {
                        return None;
                    }
                    read = self.read_dated(&path, id, today);
                }
            }
        };
        let e = draft.expiry(today);
        if e.is_expired() {
            let kept = match (self.examples, erase) {
                (true, _) => Some(Kept::Examples),
                (false, Erase::No) => Some(Kept::NotSwept),
                (false, Erase::AwaitConfirmation) => Some(Kept::AwaitingConfirmation),
                (false, Erase::Yes) => self.erase(id).err().map(|e| Kept::Failed(e.explain())),
            };
            sweep.expired.push(ExpiredNotice {
                id: id.to_string(),
                label: draft.label.clone(),
                created_on: draft.created_on,
                deleted: kept.is_none(),
                kept,
            });
            return None;
        }
        if !self.examples
            && let Some(w) = mode_warning
        {
            sweep.warnings.push(w);
        }
        Some(draft)
    }

    /// The draft and a warning when its mode is loose. `Err(None)` when the file does not exist;
    /// `Err(Some(reason))` when it is damaged.
    fn read_one(&self, path: &Path, id: &str) -> Read {
        use std::io::Read;
        let read = || -> io::Result<(Vec<u8>, fs::Metadata)> {
            let (mut f, meta) = fsutil::open_regular(path, false)?;
            let mut bytes = Vec::with_capacity(meta.len().min(format::MAX_FILE_BYTES as u64 + 1) as usize);
            f.by_ref().take(format::MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
            Ok((bytes, meta))
        };
        let (bytes, meta) = match read() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(None),
            Err(e) => return Err(Some(unreadable(&e))),
        };
        let warning = fsutil::loose_mode_warning(path, &meta, fsutil::Kind::File);
        format::parse(&bytes, id).map(|d| (d, warning)).map_err(Some)
    }

    /// Moves `<id>.json` to `damaged/`; when `<id>.json.bak` is a good draft, puts it back in its
    /// place (returns true). A damaged backup is quarantined too.
    fn quarantine(&self, id: &str, reason: &Text, sweep: &mut Sweep) -> bool {
        let file = format!("{id}.json");
        if self.examples {
            sweep.damaged.push(DamagedNotice {
                file,
                reason: reason.clone(),
                moved_to: None,
                restored_from_backup: false,
            });
            return false;
        }
        let mut notice = DamagedNotice {
            file: file.clone(),
            reason: reason.clone(),
            moved_to: None,
            restored_from_backup: false,
        };
        match self.move_to_damaged(&file) {
            Ok(p) => notice.moved_to = Some(p),
            Err(e) => {
                notice.reason =
                    fill_text!(w::NOT_MOVED, reason = reason, folder = DAMAGED_DIR, why = e.explain());
            }
        }
        let bak = format!("{id}.json.bak");
        let bak_path = self.dir.join(&bak);
        if notice.moved_to.is_some() && bak_path.is_file() {
            match fs::read(&bak_path).map_err(|e| unreadable(&e)).and_then(|b| format::parse(&b, id)) {
                Ok(_) => {
                    if fs::rename(&bak_path, self.path_of(id)).is_ok() {
                        let _ = fsutil::fsync_dir(&self.dir);
                        notice.restored_from_backup = true;
                    }
                }
                Err(bak_reason) => {
                    let moved = self.move_to_damaged(&bak).ok();
                    sweep.damaged.push(DamagedNotice {
                        file: bak,
                        reason: bak_reason,
                        moved_to: moved,
                        restored_from_backup: false,
                    });
                }
            }
        }
        let restored = notice.restored_from_backup;
        sweep.damaged.push(notice);
        restored
    }

    fn move_to_damaged(&self, name: &str) -> Result<PathBuf, DraftError> {
        let qdir = self.dir.join(DAMAGED_DIR);
        fsutil::ensure_private_dir(&qdir)?;
        let mut dest = qdir.join(name);
        let mut n = 1;
        while dest.exists() {
            dest = qdir.join(format!("{name}.{n}"));
            n += 1;
        }
        fs::rename(self.dir.join(name), &dest).map_err(|e| DraftError::io(self.dir.join(name), e))?;
        // What is set aside is still personal data: 0600 whatever mode it had.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if fs::symlink_metadata(&dest).is_ok_and(|m| m.is_file()) {
                let _ = fs::set_permissions(&dest, fs::Permissions::from_mode(fsutil::FILE_MODE));
            }
        }
        fsutil::fsync_dir(&self.dir).map_err(|e| DraftError::io(&self.dir, e))?;
        let _ = fsutil::fsync_dir(&qdir);
        Ok(dest)
    }

    /// Overwrites and removes a draft, its backup and its lock file. The backup goes first, so a
    /// crash half-way leaves the draft itself, which the next sweep erases again.
    /// Erases a draft and its backup. Each file is first renamed to a hidden `.<name>.erase` (one
    /// atomic step: from then on the draft is gone), then overwritten and removed. A kill in between
    /// leaves either the whole draft or a pending erase that the next sweep finishes — never a
    /// zeroed "damaged" draft. The backup goes first so a kill never leaves a lone backup.
    fn erase(&self, id: &str) -> Result<(), DraftError> {
        let mut pending = vec![];
        for name in [format!("{id}.json.bak"), format!("{id}.json")] {
            let from = self.dir.join(&name);
            let to = self.dir.join(format!(".{name}.erase"));
            match fs::rename(&from, &to) {
                Ok(()) => pending.push(to),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(DraftError::io(&from, e)),
            }
        }
        fsutil::fsync_dir(&self.dir).map_err(|e| DraftError::io(&self.dir, e))?;
        for p in pending {
            fsutil::overwrite_and_remove(&p).map_err(|e| DraftError::io(&p, e))?;
        }
        let _ = fs::remove_file(self.dir.join(format!("{id}.lock")));
        fsutil::fsync_dir(&self.dir).map_err(|e| DraftError::io(&self.dir, e))
    }

    /// Erases left by a killed citcert (`.<id>.json.erase`, `.<id>.json.bak.erase`): finished now.
    fn finish_pending_erases(&self, names: &[String]) {
        if self.examples {
            return;
        }
        for name in names.iter().filter(|n| n.starts_with('.') && n.ends_with(".erase")) {
            let _ = fsutil::overwrite_and_remove(&self.dir.join(name));
        }
    }

    /// A `<id>.json.bak` without its draft (the draft was removed by hand, or an erase was
    /// interrupted) still holds personal data: erased once expired, otherwise left alone.
    fn erase_expired_lone_backups(&self, names: &[String], today: NaiveDate, sweep: &mut Sweep) {
        if self.examples {
            return;
        }
        let drafts: std::collections::HashSet<&str> =
            names.iter().filter_map(|n| n.strip_suffix(".json")).collect();
        for name in names {
            let Some(id) = name.strip_suffix(".json.bak") else { continue };
            if !format::is_valid_id(id) || drafts.contains(id) {
                continue;
            }
            let path = self.dir.join(name);
            let Ok(d) = fs::read(&path).map_err(|e| unreadable(&e)).and_then(|b| format::parse(&b, id))
            else {
                continue;
            };
            if d.expiry(today).is_expired() && self.erase(id).is_ok() {
                sweep.expired.push(ExpiredNotice {
                    id: id.to_string(),
                    label: d.label,
                    created_on: d.created_on,
                    deleted: true,
                    kept: None,
                });
            }
        }
    }

    /// Temp files `.<id>.json.tmp-<pid>` left by a killed save: erased when no one holds the lock.
    fn remove_stale_temps(&self, names: &[String]) {
        if self.examples {
            return;
        }
        let own = format!("tmp-{}", std::process::id());
        for name in names {
            let Some((id, pid)) = name.strip_prefix('.').and_then(|n| n.split_once(".json.tmp-")) else {
                continue;
            };
            if name.ends_with(&own) || !format::is_valid_id(id) || pid.is_empty() {
                continue;
            }
            if let Ok(Some(_lock)) = DraftLock::try_acquire(&self.dir, id) {
                let _ = fsutil::overwrite_and_remove(&self.dir.join(name));
            }
        }
    }

    /// Summaries of the drafts that remain after a sweep.
    pub fn summaries(sweep: &Sweep, clock: &Clock, inspector: &dyn AnswerInspector) -> Vec<DraftSummary> {
        let today = clock.today();
        // Progress means evaluating each draft: as much work as reading it, so it is shared out too.
        par_map(&sweep.drafts, |d| DraftSummary::of(d, today, inspector))
    }

    /// Loads a draft (no lock): for showing and exporting. Damaged → quarantined and `Damaged`;
    /// expired → deleted and `Expired`. A draft locked with a passphrase is opened with the
    /// store's passphrase ([`set_passphrase`](Self::set_passphrase)); without one, refused.
    pub fn read(&self, id: &str, clock: &Clock) -> Result<Draft, DraftError> {
        let mut d = self.read_locked(id, clock)?;
        if d.is_locked() {
            let Some(pass) = &self.passphrase else {
                return Err(DraftError::PassphraseNeeded { id: d.id.clone(), label: d.label.clone() });
            };
            super::protect::unlock(&mut d, pass).map_err(|e| match e {
                UnlockError::WrongPassphrase => DraftError::WrongPassphrase { id: id.to_string() },
                UnlockError::Damaged(reason) => DraftError::Damaged {
                    path: self.path_of(id),
                    reason: fill_text!(w::LEFT_IN_PLACE, reason = reason),
                },
            })?;
        }
        Ok(d)
    }

    /// Like [`read`](Self::read), but a draft locked with a passphrase comes back locked: its
    /// label, dates, language and screen only (for `drafts delete`, which needs no passphrase).
    pub fn read_locked(&self, id: &str, clock: &Clock) -> Result<Draft, DraftError> {
        let mut sweep = Sweep::default();
        let path = self.path_of(id);
        match self.load_checked(id, clock.today(), &mut sweep) {
            Some(d) => Ok(d),
            None => {
                if let Some(x) = sweep.expired.first() {
                    let e = Expiry::compute(x.created_on, None, clock.today());
                    return Err(DraftError::Expired {
                        label: x.label.clone(),
                        created_on: x.created_on,
                        expired_after: e.last_day,
                    });
                }
                if let Some(dmg) = sweep.damaged.first() {
                    let reason = match &dmg.moved_to {
                        Some(p) => {
                            fill_text!(w::MOVED_TO, reason = dmg.reason, to = crate::safe_text::path(p))
                        }
                        None => dmg.reason.clone(),
                    };
                    return Err(DraftError::Damaged { path, reason });
                }
                Err(DraftError::NotFound(id.to_string()))
            }
        }
    }

    /// Opens a draft to edit it: read-write with the lock, or read-only when another citcert
    /// holds it (or in an examples folder).
    pub fn open_draft(&self, id: &str, clock: &Clock) -> Result<OpenDraft, DraftError> {
        let lock = if self.examples { None } else { DraftLock::try_acquire(&self.dir, id)? };
        let draft = self.read(id, clock)?;
        let access = match (&lock, self.examples) {
            (_, true) => Access::ReadOnly(Text::new(
                "example drafts are never changed",
                "les brouillons d'exemple ne sont jamais modifiés",
            )),
            (Some(_), _) => Access::ReadWrite,
            (None, _) => Access::ReadOnly(Text::new(
                "it is open in another citcert",
                "il est ouvert dans un autre citcert",
            )),
        };
        let mut open = self.wrap(draft, lock, access);
        if !open.is_read_only() {
            open.opened_at = Some(clock.now());
        }
        Ok(open)
    }

    fn wrap(&self, draft: Draft, lock: Option<DraftLock>, access: Access) -> OpenDraft {
        OpenDraft {
            original_id: draft.id.clone(),
            original_created_on: draft.created_on,
            saved_answers: draft.answers.clone(),
            opened_at: None,
            saved_in_session: false,
            draft,
            dir: self.dir.clone(),
            _lock: lock,
            access,
        }
    }

    /// Starts a new draft today, saved at once, open read-write.
    pub fn create(
        &self,
        label: &str,
        questionnaire: QuestionnaireRef,
        language: &str,
        clock: &Clock,
    ) -> Result<OpenDraft, DraftError> {
        self.create_protected(label, questionnaire, language, clock, None)
    }

    /// [`create`](Self::create), locked with `passphrase` when given (from its first save on).
    pub fn create_protected(
        &self,
        label: &str,
        questionnaire: QuestionnaireRef,
        language: &str,
        clock: &Clock,
        passphrase: Option<Passphrase>,
    ) -> Result<OpenDraft, DraftError> {
        self.new_draft(label, questionnaire, language, clock.today(), clock, |d| {
            history::push(&mut d.history, history::Entry::now(clock.now(), history::Event::Created, vec![]));
            if let Some(p) = passphrase {
                d.protection = Protection::unlocked(p);
            }
        })
    }

    /// Locks a draft with `new` (`Some`), or removes its lock (`None`); a locked draft is opened
    /// with the store's passphrase first. The previous version (`.bak`), in the other form, is
    /// overwritten and removed, so no unlocked copy stays behind citcert's back. Returns whether
    /// the draft was protected before.
    pub fn set_protection(
        &self,
        id: &str,
        new: Option<Passphrase>,
        clock: &Clock,
    ) -> Result<bool, DraftError> {
        let mut open = self.open_to_change(
            id,
            clock,
            Text::new("lock or unlock drafts", "verrouiller ou déverrouiller des brouillons"),
        )?;
        let was = open.draft.is_protected();
        open.draft.protection = match new {
            Some(p) => Protection::unlocked(p),
            None => Protection::None,
        };
        open.save(clock)?;
        let bak = self.dir.join(format!("{id}.json.bak"));
        fsutil::overwrite_and_remove(&bak).map_err(|e| DraftError::io(&bak, e))?;
        fsutil::fsync_dir(&self.dir).map_err(|e| DraftError::io(&self.dir, e))?;
        Ok(was)
    }

    fn new_draft(
        &self,
        label: &str,
        questionnaire: QuestionnaireRef,
        language: &str,
        created_on: NaiveDate,
        clock: &Clock,
        fill: impl FnOnce(&mut Draft),
    ) -> Result<OpenDraft, DraftError> {
        self.refuse_if_examples(Text::new("start a draft", "commencer un brouillon"))?;
        let label = check_label(label)?;
        let (id, lock) = self.fresh_id(&label)?;
        let mut draft = Draft::new(id, label, created_on, clock.now(), questionnaire, language.to_string());
        fill(&mut draft);
        let lock_path = lock.path().to_path_buf();
        let mut open = self.wrap(draft, Some(lock), Access::ReadWrite);
        if let Err(e) = open.save(clock) {
            // Nothing was made: leave nothing behind (the lock is still held, so no one else uses it).
            let _ = fs::remove_file(&lock_path);
            return Err(e);
        }
        Ok(open)
    }

    /// A new random id, locked, with no file yet.
    fn fresh_id(&self, label: &str) -> Result<(String, DraftLock), DraftError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        // RandomState is seeded from the OS's random source: unpredictable ids without a crate.
        let state = RandomState::new();
        for _ in 0..64 {
            let mut h = state.build_hasher();
            h.write(label.as_bytes());
            h.write_u32(std::process::id());
            h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
            let id = format!("{:08x}", h.finish() as u32);
            let taken = |name: String| self.dir.join(name).exists();
            if taken(format!("{id}.json")) || taken(format!("{id}.json.bak")) || taken(format!("{id}.lock")) {
                continue;
            }
            if let Some(lock) = DraftLock::try_acquire(&self.dir, &id)? {
                return Ok((id, lock));
            }
        }
        Err(DraftError::Invalid(fill_text!(w::NO_FREE_ID, dir = crate::safe_text::path(&self.dir))))
    }

    /// Deletes a draft now (overwritten, then removed, with its backup). Refused while it is open
    /// in another citcert.
    pub fn delete(&self, id: &str) -> Result<(), DraftError> {
        self.refuse_if_examples(Text::new("delete drafts", "supprimer des brouillons"))?;
        let Some(_lock) = DraftLock::try_acquire(&self.dir, id)? else {
            return Err(DraftError::Locked { id: id.to_string() });
        };
        if !self.path_of(id).exists() {
            return Err(DraftError::NotFound(id.to_string()));
        }
        self.erase(id)
    }

    /// Deletes every expired draft; what [`sweep`](Self::sweep) does at each start.
    pub fn purge_expired(&self, clock: &Clock) -> Result<Vec<ExpiredNotice>, DraftError> {
        self.refuse_if_examples(Text::new("purge drafts", "purger les brouillons"))?;
        Ok(self.sweep(clock)?.expired)
    }

    /// Imports a file as a new draft. A citcert draft, or an answers file exported by citcert,
    /// keeps its original start date (so re-importing never gives a draft more time); a plain
    /// answers file (CONTRACT §3) starts today. `source` names the file in messages.
    pub fn import(
        &self,
        bytes: &[u8],
        source: &Path,
        label: Option<&str>,
        questionnaire: QuestionnaireRef,
        language: &str,
        clock: &Clock,
    ) -> Result<OpenDraft, DraftError> {
        self.refuse_if_examples(Text::new("import drafts", "importer des brouillons"))?;
        // Every refusal ends "nothing was imported".
        let bad = |r: Text| DraftError::Damaged {
            path: source.to_path_buf(),
            reason: fill_text!(w::NOTHING_IMPORTED, reason = r),
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|_| bad(Text::new("not UTF-8 text", "ce n'est pas du texte UTF-8")))?;
        let value: Value = serde_json::from_str(text).map_err(|e| {
            bad(fill_text!(format::w::NOT_JSON, line = e.line(), column = e.column(), reason = e))
        })?;
        let Value::Object(obj) = value else {
            return Err(bad(Text::new(
                "the top level is not a JSON object with \"answers\"",
                "le niveau supérieur n'est pas un objet JSON avec « answers »",
            )));
        };
        let today = clock.today();
        let stem = source.file_stem().and_then(|s| s.to_str()).unwrap_or("imported").to_string();
        struct Found {
            created_on: Option<NaiveDate>,
            last_saved: Option<chrono::NaiveDateTime>,
            label: Option<String>,
            answers: Map<String, Value>,
            screen: Option<String>,
            language: Option<String>,
            attachments: Vec<Value>,
            paper_prep: bool,
            acknowledged: Vec<String>,
            history: Vec<history::Entry>,
            notes: std::collections::BTreeMap<String, String>,
            protection: Protection,
        }
        let found = if obj.contains_key("format") {
            let id = obj.get("id").and_then(Value::as_str).unwrap_or("");
            let mut d =
                format::parse(bytes, id).map_err(|r| bad(fill_text!(w::DAMAGED_DRAFT, reason = r)))?;
            // A draft locked with a passphrase is opened with it and stays locked with it.
            if d.is_locked() {
                let Some(pass) = &self.passphrase else {
                    return Err(DraftError::PassphraseNeeded { id: d.id.clone(), label: d.label.clone() });
                };
                super::protect::unlock(&mut d, pass).map_err(|e| match e {
                    UnlockError::WrongPassphrase => DraftError::WrongPassphrase { id: d.id.clone() },
                    UnlockError::Damaged(r) => bad(fill_text!(w::DAMAGED_DRAFT, reason = r)),
                })?;
            }
            Found {
                created_on: Some(d.created_on),
                last_saved: Some(d.last_saved),
                label: Some(d.label),
                answers: d.answers,
                screen: Some(d.current_screen),
                language: Some(d.language),
                attachments: d.attachments,
                paper_prep: d.paper_prep,
                acknowledged: d.acknowledged,
                history: d.history,
                notes: d.notes,
                protection: d.protection,
            }
        } else {
            let Some(Value::Object(answers)) = obj.get("answers") else {
                return Err(bad(Text::new(
                    "no \"answers\" object (CONTRACT §3)",
                    "pas d'objet « answers » (CONTRACT §3)",
                )));
            };
            for (id, v) in answers {
                format::check_answer(id, v).map_err(|p| bad(format::answer_problem(id, &p)))?;
            }
            let meta = obj.get("citcert_draft");
            let created_on = match meta.and_then(|m| m.get("created_on")) {
                None => None,
                Some(v) => Some(v.as_str().and_then(crate::clock::parse_date).ok_or_else(|| {
                    bad(Text::new(
                        "\"citcert_draft.created_on\" is not a date YYYY-MM-DD",
                        "« citcert_draft.created_on » n'est pas une date AAAA-MM-JJ",
                    ))
                })?),
            };
            Found {
                created_on,
                last_saved: None,
                label: meta.and_then(|m| m.get("label")).and_then(Value::as_str).map(String::from),
                answers: answers.clone(),
                screen: None,
                language: None,
                attachments: Vec::new(),
                paper_prep: false,
                acknowledged: Vec::new(),
                history: Vec::new(),
                notes: Default::default(),
                protection: Protection::None,
            }
        };
        // The start date never moves later than it was; a date in the future counts as today.
        let created_on = found.created_on.map_or(today, |c| c.min(today));
        let e = Expiry::compute(created_on, found.last_saved, today);
        if e.is_expired() {
            return Err(DraftError::Expired {
                label: found.label.clone().unwrap_or(stem),
                created_on,
                expired_after: e.last_day,
            });
        }
        let label = label.map(String::from).or(found.label).unwrap_or(stem);
        let language = found.language.unwrap_or_else(|| language.to_string());
        self.new_draft(&label, questionnaire, &language, created_on, clock, |d| {
            d.answers = found.answers;
            d.history = found.history;
            d.notes = found.notes;
            d.protection = found.protection;
            history::push(&mut d.history, history::Entry::now(clock.now(), history::Event::Imported, vec![]));
            d.attachments = found.attachments;
            d.paper_prep = found.paper_prep;
            d.acknowledged = found.acknowledged;
            if let Some(s) = found.screen {
                d.current_screen = s;
            }
            if let Some(ls) = found.last_saved {
                d.last_saved = d.last_saved.max(ls);
            }
        })
    }
}

/// A draft's name as stored: trimmed, not empty, one line of at most 200 characters. Every way of
/// making or renaming a draft (TUI, plain mode, `drafts new`, `import`, `rename`) comes through
/// here, so an empty name is refused everywhere with the same words.
pub fn check_label(label: &str) -> Result<String, DraftError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(DraftError::Invalid(Text::new(
            "the draft's name is empty; give it a name",
            "le nom du brouillon est vide; nommez-le",
        )));
    }
    if label.chars().count() > 200 {
        return Err(DraftError::Invalid(Text::new(
            "the draft's name must be one line of at most 200 characters",
            "le nom du brouillon doit tenir sur une ligne d'au plus 200 caractères",
        )));
    }
    if label.chars().any(history::is_forbidden_char) {
        return Err(DraftError::Invalid(Text::new(
            "the draft's name must be plain text: no line breaks, tabs, control characters or \
             characters that reverse the direction of text",
            "le nom du brouillon doit être du texte simple : sans saut de ligne, tabulation, caractère \
             de contrôle ni caractère qui inverse le sens du texte",
        )));
    }
    Ok(label.to_string())
}

impl DraftStore {
    /// Opens a draft to change it from a command (not a working session: no "opened" entry);
    /// refused when another citcert has it open or the folder holds examples.
    fn open_to_change(&self, id: &str, clock: &Clock, what: Text) -> Result<OpenDraft, DraftError> {
        self.refuse_if_examples(what)?;
        let mut open = self.open_draft(id, clock)?;
        if let Access::ReadOnly(why) = &open.access {
            return Err(DraftError::ReadOnly { id: id.to_string(), why: Some(why.clone()) });
        }
        open.opened_at = None;
        Ok(open)
    }

    /// Gives a draft a new name; returns the old one. Recorded in the history (without the names).
    pub fn rename(&self, id: &str, label: &str, clock: &Clock) -> Result<String, DraftError> {
        let label = check_label(label)?;
        let mut open =
            self.open_to_change(id, clock, Text::new("rename drafts", "renommer des brouillons"))?;
        let old = std::mem::replace(&mut open.draft.label, label);
        history::push(
            &mut open.draft.history,
            history::Entry::now(clock.now(), history::Event::Renamed, vec![]),
        );
        open.save(clock)?;
        Ok(old)
    }

    /// Sets (`Some`) or clears (`None`) the note on question `question` (an id). Returns whether
    /// anything changed (clearing a note that is not there changes nothing and saves nothing).
    pub fn set_note(
        &self,
        id: &str,
        question: &str,
        note: Option<&str>,
        clock: &Clock,
    ) -> Result<bool, DraftError> {
        let note = note.map(history::check_note).transpose().map_err(DraftError::Invalid)?;
        let mut open = self.open_to_change(id, clock, Text::new("write notes", "écrire des notes"))?;
        let notes = &mut open.draft.notes;
        let changed = match note {
            Some(n) => {
                if !notes.contains_key(question) && notes.len() >= history::MAX_NOTES {
                    return Err(DraftError::Invalid(fill_text!(w::TOO_MANY_NOTES, max = history::MAX_NOTES)));
                }
                notes.insert(question.to_string(), n.clone()) != Some(n)
            }
            None => notes.remove(question).is_some(),
        };
        if changed {
            let entry = history::Entry::now(clock.now(), history::Event::Note, vec![question.to_string()]);
            history::push(&mut open.draft.history, entry);
            open.save(clock)?;
        }
        Ok(changed)
    }
}

/// Whether [`DraftStore::settle`] erases an expired draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Erase {
    Yes,
    AwaitConfirmation,
    No,
}

/// `items.iter().map(f)` on all cores (up to 8) when there are 64 items or more, in order.
/// Listing 1,000 drafts must take ≤ 100 ms; reading, validating and evaluating each is nearly all of it.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// "cannot be read: …" for a file the system would not give us.
fn unreadable(e: &io::Error) -> Text {
    fill_text!(w::UNREADABLE, reason = super::io_reason(e))
}

/// The store's words with values in them.
mod w {
    use crate::words::Template;

    pub const ID_CHANGED: Template = Template::new(
        &["id"],
        "draft {id}: the id or start date was changed in memory; they never change — nothing was saved",
        "brouillon {id} : l'identifiant ou la date de début a été changé en mémoire; ils ne changent \
         jamais — rien n'a été enregistré",
    );
    pub const TOO_LARGE_TO_SAVE: Template = Template::new(
        &["id", "n", "max"],
        "draft {id} would be {n} bytes, over the {max}-byte limit of a draft file; nothing was saved \
         — shorten the longest answers",
        "le brouillon {id} ferait {n} octets, au-delà de la limite de {max} octets d'un fichier de \
         brouillon; rien n'a été enregistré — raccourcissez les réponses les plus longues",
    );
    pub const NOT_A_FOLDER: Template =
        Template::new(&["dir"], "{dir}: not a folder", "{dir} : n'est pas un dossier");
    /// `what`: what the person wanted to do ("delete drafts").
    pub const EXAMPLES_NEVER_CHANGED: Template = Template::new(
        &["dir", "marker", "what"],
        "{dir}: this is a folder of example drafts (it holds {marker}), which citcert never \
         changes; copy it elsewhere and use --drafts-dir to {what}",
        "{dir} : c'est un dossier de brouillons d'exemple (il contient {marker}), que citcert \
         ne modifie jamais; copiez-le ailleurs et utilisez --drafts-dir pour {what}",
    );
    pub const STARTS_IN_FUTURE: Template = Template::new(
        &["created_on", "today"],
        "its start date {created_on} is after today ({today}, this computer's date): a draft cannot start in \
         the future; if this computer's date is wrong, correct it and move the file back",
        "sa date de début, le {created_on}, est après aujourd'hui (le {today}, date de cet ordinateur) : un \
         brouillon ne peut pas commencer dans le futur; si la date de cet ordinateur est fausse, \
         corrigez-la et remettez le fichier à sa place",
    );
    pub const NOT_MOVED: Template = Template::new(
        &["reason", "folder", "why"],
        "{reason} (and it could not be moved to {folder}/: {why})",
        "{reason} (et il n'a pas pu être déplacé dans {folder}/ : {why})",
    );
    pub const LEFT_IN_PLACE: Template = Template::new(
        &["reason"],
        "{reason}; the file was left in place",
        "{reason}; le fichier a été laissé en place",
    );
    pub const MOVED_TO: Template = Template::new(
        &["reason", "to"],
        "{reason}; moved to {to} (nothing was deleted)",
        "{reason}; déplacé dans {to} (rien n'a été supprimé)",
    );
    pub const NO_FREE_ID: Template = Template::new(
        &["dir"],
        "{dir}: could not find a free draft id",
        "{dir} : aucun identifiant de brouillon libre n'a été trouvé",
    );
    /// Every refusal of an import ends so.
    pub const NOTHING_IMPORTED: Template =
        Template::new(&["reason"], "{reason}; nothing was imported", "{reason}; rien n'a été importé");
    pub const DAMAGED_DRAFT: Template = Template::new(
        &["reason"],
        "a citcert draft, but damaged: {reason}",
        "un brouillon citcert, mais endommagé : {reason}",
    );
    pub const TOO_MANY_NOTES: Template = Template::new(
        &["max"],
        "this draft already has {max} notes, the most it can hold; clear one first",
        "ce brouillon a déjà {max} notes, le maximum; retirez-en une d'abord",
    );
    pub const UNREADABLE: Template =
        Template::new(&["reason"], "cannot be read: {reason}", "illisible : {reason}");
}
