//! The draft store through its library API: expiry, start date, atomic save, permissions,
//! locking, orphaned answers, damaged files.

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{
    Access, AnswerInspector, DraftError, DraftStore, NullInspector, QuestionnaireRef, format,
};
use serde_json::{Map, Value, json};
use std::fs;
use std::path::Path;

fn day(s: &str) -> Clock {
    Clock::Fixed(parse_date(s).unwrap())
}

fn q() -> QuestionnaireRef {
    QuestionnaireRef { id: "CIT0001".into(), version: "test".into() }
}

fn store() -> (tempfile::TempDir, DraftStore) {
    let t = tempfile::tempdir().unwrap();
    let s = DraftStore::open(t.path().join("drafts")).unwrap();
    (t, s)
}

/// A draft started 2025-06-01 (P01's start, as in X1/X2) with a few answers.
fn started_june_1(s: &DraftStore) -> String {
    let mut o = s.create("Amira — first certificate", q(), "en", &day("2025-06-01")).unwrap();
    o.draft.set_answer("pers.surname", json!("Haddad")).unwrap();
    o.draft.set_answer("pers.other_names", json!(["NA"])).unwrap();
    o.save(&day("2025-06-01")).unwrap();
    o.draft.id().to_string()
}

#[test]
fn x1_day_60_opens_and_saves_with_zero_days_left() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let today = day("2025-07-31");
    let sweep = s.sweep(&today).unwrap();
    assert!(sweep.expired.is_empty());
    let rows = DraftStore::summaries(&sweep, &today, &NullInspector);
    assert_eq!(rows[0].expiry.days_left, 0);
    assert!(rows[0].expiry.is_warning());
    let mut o = s.open_draft(&id, &today).unwrap();
    assert_eq!(o.access(), &Access::ReadWrite);
    o.draft.set_answer("pers.given_names", json!("Amira")).unwrap();
    o.save(&today).unwrap();
    assert_eq!(o.draft.created_on().to_string(), "2025-06-01");
}

#[test]
fn x2_day_61_is_expired_refused_and_erased_with_a_notice() {
    let (t, s) = store();
    let id = started_june_1(&s);
    // Keep the file open to prove it was overwritten with zeros before removal (a second name, a
    // hard link, would now be left alone: issue 12).
    let _ = &t;
    let mut witness = fs::File::open(s.path_of(&id)).unwrap();
    let len = witness.metadata().unwrap().len();

    // An open draft cannot be saved on day 61 …
    let mut o = s.open_draft(&id, &day("2025-07-31")).unwrap();
    let e = o.save(&day("2025-08-01")).unwrap_err();
    assert!(matches!(e, DraftError::Expired { .. }), "{e}");
    drop(o);
    // … nor opened; and it is deleted at the next start.
    let sweep = s.sweep(&day("2025-08-01")).unwrap();
    assert_eq!(sweep.expired.len(), 1);
    let n = &sweep.expired[0];
    assert_eq!(
        (n.label.as_str(), n.created_on.to_string().as_str(), n.deleted),
        ("Amira — first certificate", "2025-06-01", true)
    );
    assert!(!s.path_of(&id).exists());
    assert!(!s.dir().join(format!("{id}.json.bak")).exists());
    let mut w = vec![];
    std::io::Read::read_to_end(&mut witness, &mut w).unwrap();
    assert_eq!(w.len() as u64, len);
    assert!(w.iter().all(|&b| b == 0), "the draft was not overwritten before removal");
    assert!(matches!(s.open_draft(&id, &day("2025-08-01")), Err(DraftError::NotFound(_))));
}

#[test]
fn opening_an_expired_draft_is_refused_and_the_next_sweep_deletes_it() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let e = s.open_draft(&id, &day("2025-09-01")).unwrap_err();
    assert!(matches!(e, DraftError::Expired { .. }));
    assert!(e.to_string().contains("2025-06-01") && e.to_string().contains("2025-07-31"), "{e}");
    // Erasing is for sweeps (which hold back several drafts expiring at once: issue 12).
    assert!(s.path_of(&id).exists());
    assert_eq!(s.sweep(&day("2025-09-01")).unwrap().expired.len(), 1);
    assert!(!s.path_of(&id).exists());
}

#[test]
fn a_clock_going_backwards_never_extends_a_draft() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    // Saved on day 59 …
    let mut o = s.open_draft(&id, &day("2025-07-30")).unwrap();
    o.save(&day("2025-07-30")).unwrap();
    drop(o);
    // … then the clock is set back to the start: still 1 day left, not 60.
    let back = day("2025-06-02");
    let sweep = s.sweep(&back).unwrap();
    assert_eq!(DraftStore::summaries(&sweep, &back, &NullInspector)[0].expiry.days_left, 1);
    // Saving with the clock set back does not lower last_saved, so the floor holds.
    let mut o = s.open_draft(&id, &back).unwrap();
    o.save(&back).unwrap();
    assert_eq!(o.draft.last_saved().date().to_string(), "2025-07-30");
    drop(o);
    // A "today" the day before the start date (clock skew) gives at most 60 days …
    let (_t2, s2) = store();
    started_june_1(&s2);
    let before = day("2025-05-31");
    let sweep = s2.sweep(&before).unwrap();
    assert_eq!(DraftStore::summaries(&sweep, &before, &NullInspector)[0].expiry.days_left, 60);
    // … and further back, the start date is in the future: damage, set aside (issue 12).
    let sweep = s2.sweep(&day("2025-01-01")).unwrap();
    assert!(sweep.drafts.is_empty() && !sweep.damaged.is_empty(), "{sweep:?}");
    assert!(sweep.damaged[0].reason.en.contains("after today"), "{sweep:?}");
    // And day 61 by the real calendar is expired whatever happened before.
    assert_eq!(s.sweep(&day("2025-08-01")).unwrap().expired.len(), 1);
}

#[test]
fn no_path_resets_the_start_date() {
    let (t, s) = store();
    let id = started_june_1(&s);
    let later = day("2025-07-20");
    // editing and re-saving
    let mut o = s.open_draft(&id, &later).unwrap();
    o.draft.label = "renamed".into();
    o.save(&later).unwrap();
    assert_eq!(o.draft.created_on().to_string(), "2025-06-01");
    drop(o);
    // re-importing the draft file itself
    let bytes = fs::read(s.path_of(&id)).unwrap();
    let copy = s.import(&bytes, &s.path_of(&id), None, q(), "en", &later).unwrap();
    assert_ne!(copy.draft.id(), id);
    assert_eq!(copy.draft.created_on().to_string(), "2025-06-01");
    drop(copy);
    // exporting the answers file and importing it
    let exported = s.read(&id, &later).unwrap().to_answers_file();
    let v: Value = serde_json::from_slice(&exported).unwrap();
    assert_eq!(v["answers"]["pers.surname"], "Haddad");
    let again = s.import(&exported, Path::new("answers.json"), Some("again"), q(), "en", &later).unwrap();
    assert_eq!(again.draft.created_on().to_string(), "2025-06-01");
    drop(again);
    // importing an expired draft's export is refused
    let e = s.import(&exported, Path::new("answers.json"), None, q(), "en", &day("2025-08-01")).unwrap_err();
    assert!(matches!(e, DraftError::Expired { .. }), "{e}");
    // a copy of the file under another name is quarantined, not treated as a fresh draft
    fs::copy(s.path_of(&id), s.dir().join("0000beef.json")).unwrap();
    let sweep = s.sweep(&later).unwrap();
    assert_eq!(sweep.damaged.len(), 1, "{:?}", sweep.damaged);
    assert!(sweep.damaged[0].reason.en.contains("copied or renamed"), "{:?}", sweep.damaged[0].reason);
    assert!(sweep.damaged[0].reason.fr.contains("copié ou renommé"), "{:?}", sweep.damaged[0].reason);
    // replacing the draft in memory by another one is refused
    let mut o = s.open_draft(&id, &later).unwrap();
    let other = s.create("other", q(), "en", &later).unwrap();
    o.draft = other.draft.clone();
    assert!(o.save(&later).is_err());
    let _ = t;
}

#[test]
fn a_plain_answers_file_imports_as_a_draft_started_today() {
    let (t, s) = store();
    let p = t.path().join("p01.json");
    fs::write(&p, r#"{"answers": {"elig.applying_for": "self", "pers.other_names": ["NA"]}}"#).unwrap();
    let o = s.import(&fs::read(&p).unwrap(), &p, None, q(), "en", &day("2025-06-10")).unwrap();
    assert_eq!(o.draft.created_on().to_string(), "2025-06-10");
    assert_eq!(o.draft.label, "p01");
    for bad in [r#"{"answers": {"pers.dob": 1990}}"#, r#"{"answers": []}"#, "not json", r#"[1]"#] {
        assert!(s.import(bad.as_bytes(), &p, None, q(), "en", &day("2025-06-10")).is_err(), "{bad}");
    }
}

#[test]
fn save_keeps_the_previous_version_as_backup_and_leaves_no_temp_files() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.draft.set_answer("pers.surname", json!("Haddad-2")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    let bak = fs::read(s.dir().join(format!("{id}.json.bak"))).unwrap();
    let prev = format::parse(&bak, &id).unwrap();
    assert_eq!(prev.answers["pers.surname"], "Haddad");
    let names: Vec<String> =
        fs::read_dir(s.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

#[cfg(unix)]
#[test]
fn folder_is_0700_files_are_0600_and_loose_modes_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    drop(o);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(s.dir()), 0o700);
    for name in [format!("{id}.json"), format!("{id}.json.bak"), format!("{id}.lock")] {
        assert_eq!(mode(&s.dir().join(&name)), 0o600, "{name}");
    }
    assert!(s.sweep(&day("2025-06-02")).unwrap().warnings.is_empty());
    fs::set_permissions(s.path_of(&id), fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(s.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    let s2 = DraftStore::open(s.dir()).unwrap();
    let w = s2.sweep(&day("2025-06-02")).unwrap().warnings;
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w.iter().all(|w| w.en.contains("other users") && w.en.contains("chmod")), "{w:?}");
    assert!(w.iter().all(|w| w.fr.contains("autres utilisateurs") && w.fr.contains("chmod")), "{w:?}");
    // The next save makes the file private again.
    let mut o = s2.open_draft(&id, &day("2025-06-02")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    assert_eq!(mode(&s.path_of(&id)), 0o600);
}

#[test]
fn a_second_opener_gets_read_only_access_and_cannot_save_or_delete() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let today = day("2025-06-02");
    let first = s.open_draft(&id, &today).unwrap();
    assert!(!first.is_read_only());
    let mut second = s.open_draft(&id, &today).unwrap();
    assert!(matches!(second.access(), Access::ReadOnly(why) if why.en.contains("another citcert")));
    assert!(matches!(second.access(), Access::ReadOnly(why) if why.fr.contains("un autre citcert")));
    let e = second.save(&today).unwrap_err();
    assert!(matches!(e, DraftError::ReadOnly { .. }), "{e}");
    assert!(matches!(s.delete(&id), Err(DraftError::Locked { .. })));
    drop(first);
    // Once the first one closes, the draft is free again.
    assert!(!s.open_draft(&id, &today).unwrap().is_read_only());
    s.delete(&id).unwrap();
    assert!(!s.path_of(&id).exists());
}

struct KnowsOnly(&'static [&'static str]);
impl AnswerInspector for KnowsOnly {
    fn progress_percent(&self, answers: &Map<String, Value>) -> u8 {
        (answers.len() * 10).min(100) as u8
    }
    fn is_known_question(&self, id: &str) -> bool {
        self.0.contains(&id)
    }
}

#[test]
fn answers_the_questionnaire_no_longer_asks_are_kept_and_counted() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.draft.set_answer("old.retired_question", json!("kept")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    drop(o);
    let inspector = KnowsOnly(&["pers.surname", "pers.other_names"]);
    let sweep = s.sweep(&day("2025-06-03")).unwrap();
    let row = &DraftStore::summaries(&sweep, &day("2025-06-03"), &inspector)[0];
    assert_eq!((row.no_longer_asked, row.answers, row.progress_percent), (1, 3, 30));
    // A save (with whatever engine) keeps it.
    let mut o = s.open_draft(&id, &day("2025-06-03")).unwrap();
    o.save(&day("2025-06-03")).unwrap();
    assert_eq!(s.read(&id, &day("2025-06-03")).unwrap().answers["old.retired_question"], "kept");
    assert_eq!(citcert::drafts::no_longer_asked(&o.draft.answers, &inspector), vec!["old.retired_question"]);
}

/// Every kind of damage: listed with its reason, moved to damaged/, the other drafts unharmed.
#[test]
fn damaged_files_are_quarantined_with_a_reason_and_the_rest_still_work() {
    let (_t, s) = store();
    let good = started_june_1(&s);
    let valid = fs::read(s.path_of(&good)).unwrap();
    let text = String::from_utf8(valid.clone()).unwrap();
    let retyped = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1).into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", valid[..valid.len() / 2].to_vec(), "truncated"),
        ("empty", Vec::new(), "empty"),
        ("binary", vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe], "binary"),
        ("zeros", vec![0; 300], "zero bytes"),
        ("latin1", b"{\"label\": \"Ren\xe9\"}".to_vec(), "not UTF-8"),
        ("not-an-object", b"[1, 2, 3]".to_vec(), "not an object"),
        ("no-format", b"{\"answers\": {}}".to_vec(), "no \"format\""),
        ("future", retyped("\"format\": 1", "\"format\": 2"), "newer citcert"),
        ("format-text", retyped("\"format\": 1", "\"format\": \"1\""), "not a number"),
        (
            "label-number",
            retyped("\"label\": \"Amira — first certificate\"", "\"label\": 7"),
            "\"label\" is a number",
        ),
        (
            "answer-number",
            retyped("\"pers.surname\": \"Haddad\"", "\"pers.surname\": 12"),
            "answer 'pers.surname'",
        ),
        (
            "answer-object",
            retyped("\"pers.surname\": \"Haddad\"", "\"pers.surname\": {}"),
            "answer 'pers.surname'",
        ),
        ("bad-date", retyped("\"created_on\": \"2025-06-01\"", "\"created_on\": \"June 1\""), "created_on"),
        (
            "hand-edited",
            retyped("\"created_on\": \"2025-06-01\"", "\"created_on\": \"2025-05-31\""),
            "checksum",
        ),
        ("unknown-field", retyped("\"language\"", "\"colour\": \"red\", \"language\""), "unknown field"),
        (
            "no-checksum",
            text.lines()
                .filter(|l| !l.contains("checksum"))
                .collect::<Vec<_>>()
                .join("\n")
                .replace("],\n}", "]\n}")
                .into_bytes(),
            "checksum",
        ),
    ];
    for (i, (name, bytes, _)) in cases.iter().enumerate() {
        // The id inside must match the file name, except for the cases that are not drafts at all.
        let id = format!("dd{i:06}");
        let bytes = String::from_utf8_lossy(bytes).replace(&good, &id);
        let bytes = if ["binary", "latin1", "zeros"].contains(name) {
            cases.iter().find(|c| c.0 == *name).unwrap().1.clone()
        } else {
            bytes.into_bytes()
        };
        fs::write(s.dir().join(format!("{id}.json")), bytes).unwrap();
    }
    let sweep = s.sweep(&day("2025-06-05")).unwrap();
    assert_eq!(sweep.damaged.len(), cases.len(), "{:#?}", sweep.damaged);
    for (i, (name, _, want)) in cases.iter().enumerate() {
        let id = format!("dd{i:06}");
        let n = sweep.damaged.iter().find(|d| d.file == format!("{id}.json")).unwrap();
        assert!(n.reason.en.contains(want), "{name}: '{}' lacks '{want}'", n.reason.en);
        // Every reason is said in French too, in French words (not the English copied).
        let fr = &n.reason.fr;
        assert!(!fr.is_empty() && fr != &n.reason.en, "{name}: no French reason: {fr}");
        assert!(
            [" le ", " la ", " les ", " pas ", " du ", "l'", "n'", "d'", " est ", " un ", " une "]
                .iter()
                .any(|w| fr.contains(w)),
            "{name}: the French reason does not read as French: {fr}"
        );
        let moved = n.moved_to.as_ref().unwrap();
        assert!(moved.starts_with(s.dir().join("damaged")) && moved.exists(), "{name}");
        assert!(!s.path_of(&id).exists());
        assert!(
            !n.reason.en.contains("Haddad") && !n.reason.fr.contains("Haddad"),
            "{name}: an answer leaked into the reason: {:?}",
            n.reason
        );
    }
    // The good draft is untouched and still opens.
    assert_eq!(sweep.drafts.len(), 1);
    assert!(!s.open_draft(&good, &day("2025-06-05")).unwrap().is_read_only());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(s.dir().join("damaged")).unwrap().permissions().mode() & 0o777, 0o700);
    }
    // A second sweep finds nothing new; a same-named damaged file later does not overwrite the first.
    assert!(s.sweep(&day("2025-06-05")).unwrap().damaged.is_empty());
    fs::write(s.dir().join("dd00a00b.json"), b"").unwrap();
    fs::write(s.dir().join("damaged").join("dd00a00b.json"), b"older").unwrap();
    let again = s.sweep(&day("2025-06-05")).unwrap();
    assert_eq!(fs::read(s.dir().join("damaged").join("dd00a00b.json")).unwrap(), b"older");
    assert!(again.damaged[0].moved_to.as_ref().unwrap().ends_with("dd00a00b.json.1"));
}

#[test]
fn a_damaged_draft_with_a_good_backup_is_restored_from_it() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.draft.set_answer("pers.given_names", json!("Amira")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    drop(o);
    fs::write(s.path_of(&id), b"{\"format\": 1, \"trunc").unwrap();
    let sweep = s.sweep(&day("2025-06-03")).unwrap();
    assert_eq!(sweep.damaged.len(), 1);
    assert!(sweep.damaged[0].restored_from_backup);
    assert_eq!(sweep.drafts.len(), 1);
    assert!(!sweep.drafts[0].answers.contains_key("pers.given_names"), "the backup is the previous version");
    assert!(s.dir().join("damaged").join(format!("{id}.json")).exists());
}

#[test]
fn ids_resolve_by_unambiguous_prefix() {
    let (_t, s) = store();
    for _ in 0..3 {
        started_june_1(&s);
    }
    let ids = s.ids().unwrap();
    assert_eq!(ids.len(), 3);
    assert_eq!(s.resolve(&ids[0]).unwrap(), ids[0]);
    let unique = ids.iter().find(|i| ids.iter().filter(|j| j.starts_with(&i[..4])).count() == 1).unwrap();
    assert_eq!(s.resolve(&unique[..4]).unwrap(), *unique);
    match s.resolve("") {
        Err(DraftError::Ambiguous { candidates, .. }) => assert_eq!(candidates, ids),
        other => panic!("{other:?}"),
    }
    assert!(matches!(s.resolve("zzzz"), Err(DraftError::NotFound(_))));
}

#[test]
fn the_example_drafts_open_with_a_fixed_today_and_are_never_changed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let s = DraftStore::open(&dir).unwrap();
    assert!(s.is_examples());
    let today = day("2025-06-10");
    let sweep = s.sweep(&today).unwrap();
    assert!(sweep.damaged.is_empty() && sweep.expired.is_empty(), "{sweep:?}");
    let rows = DraftStore::summaries(&sweep, &today, &NullInspector);
    let labels: Vec<_> = rows.iter().map(|r| (r.label.as_str(), r.expiry.days_left)).collect();
    assert!(labels.contains(&("Amira — first certificate", 51)), "{labels:?}");
    assert!(labels.contains(&("Liam — first certificate", 53)), "{labels:?}");
    assert!(rows.iter().any(|r| r.expiry.is_warning()), "one example is near expiry");
    let p01 = s.read("3f9a0c1e", &today).unwrap();
    assert_eq!(p01.answers["pers.dob"], "1990-04-12");
    let mut o = s.open_draft("3f9a0c1e", &today).unwrap();
    assert!(o.is_read_only());
    assert!(o.save(&today).is_err());
    // Long past their 60 days they are reported, not deleted.
    let late = s.sweep(&day("2026-01-01")).unwrap();
    assert_eq!(late.expired.len(), 4);
    assert!(late.expired.iter().all(|x| !x.deleted));
    assert!(dir.join("3f9a0c1e.json").exists());
    assert!(s.create("x", q(), "en", &today).is_err());
}

#[test]
fn a_lone_backup_of_an_expired_draft_is_erased_too() {
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.save(&day("2025-06-02")).unwrap();
    drop(o);
    fs::remove_file(s.path_of(&id)).unwrap(); // removed by hand; the .bak remains
    let bak = s.dir().join(format!("{id}.json.bak"));
    assert!(s.sweep(&day("2025-06-03")).unwrap().expired.is_empty());
    assert!(bak.exists(), "a backup of a live draft is left alone");
    let sweep = s.sweep(&day("2025-08-01")).unwrap();
    assert_eq!(sweep.expired.len(), 1);
    assert!(!bak.exists());
}

#[test]
fn many_drafts_are_read_in_parallel_and_damage_is_still_found() {
    let (_t, s) = store();
    let first = started_june_1(&s);
    let bytes = fs::read(s.path_of(&first)).unwrap();
    for _ in 0..79 {
        s.import(&bytes, &s.path_of(&first), None, q(), "en", &day("2025-06-02")).unwrap();
    }
    let all = s.ids().unwrap();
    assert_eq!(all.len(), 80);
    // Damage two imported drafts: the first one has a backup, from which a damaged draft is
    // restored (ids are random, so it could otherwise land on either index).
    let ids: Vec<String> = all.into_iter().filter(|id| *id != first).collect();
    fs::write(s.path_of(&ids[3]), b"").unwrap();
    fs::write(s.path_of(&ids[70]), b"{").unwrap();
    let sweep = s.sweep(&day("2025-06-03")).unwrap();
    assert_eq!((sweep.drafts.len(), sweep.damaged.len()), (78, 2));
    let files: Vec<&str> = sweep.damaged.iter().map(|d| d.file.as_str()).collect();
    assert!(
        files.contains(&format!("{}.json", ids[3]).as_str())
            && files.contains(&format!("{}.json", ids[70]).as_str())
    );
    // 78 expiring at once: held until confirmed (a wrong clock looks the same), then erased.
    let held = s.sweep(&day("2025-08-01")).unwrap();
    assert_eq!(held.expired.len(), 78);
    assert!(
        held.expired
            .iter()
            .all(|x| !x.deleted && x.kept == Some(citcert::drafts::Kept::AwaitingConfirmation))
    );
    assert_eq!(s.ids().unwrap().len(), 78);
    assert_eq!(s.sweep_erasing_all(&day("2025-08-01")).unwrap().expired.len(), 78);
    assert!(s.ids().unwrap().is_empty());
}

#[test]
fn an_interrupted_delete_is_finished_by_the_next_sweep_not_reported_as_damage() {
    // delete renames the draft to .<id>.json.erase before overwriting it; a kill right after the
    // rename leaves that file. The next start erases it and reports nothing damaged.
    let (t, s) = store();
    let id = started_june_1(&s);
    let dir = t.path().join("drafts");
    let pending = dir.join(format!(".{id}.json.erase"));
    let bak = dir.join(format!("{id}.json.bak"));
    if bak.exists() {
        fs::rename(&bak, dir.join(format!(".{id}.json.bak.erase"))).unwrap();
    }
    fs::rename(dir.join(format!("{id}.json")), &pending).unwrap();
    let sweep = s.sweep(&day("2025-06-02")).unwrap();
    assert!(sweep.damaged.is_empty(), "{:#?}", sweep.damaged);
    assert!(sweep.drafts.iter().all(|d| d.id() != id));
    assert!(!pending.exists(), "the pending erase was finished");
    s.delete(&started_june_1(&s)).unwrap();
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn listing_uses_the_progress_cached_at_save_unless_the_questionnaire_changed() {
    use citcert::drafts::{AnswerInspector, CachedProgress};
    use std::sync::atomic::{AtomicUsize, Ordering};
    struct Counting(AtomicUsize, &'static str);
    impl AnswerInspector for Counting {
        fn progress_percent(&self, _answers: &Map<String, Value>) -> u8 {
            self.0.fetch_add(1, Ordering::Relaxed);
            42
        }
        fn is_known_question(&self, _id: &str) -> bool {
            true
        }
        fn questionnaire(&self) -> QuestionnaireRef {
            QuestionnaireRef { id: "CIT0001".into(), version: self.1.into() }
        }
    }
    let (_t, s) = store();
    let id = started_june_1(&s);
    let mut o = s.open_draft(&id, &day("2025-06-02")).unwrap();
    o.draft.progress = Some(CachedProgress { percent: 77, questionnaire_version: "v1".into() });
    o.save(&day("2025-06-02")).unwrap();
    drop(o);
    let sweep = s.sweep(&day("2025-06-03")).unwrap();
    assert_eq!(sweep.drafts[0].progress.as_ref().map(|p| p.percent), Some(77), "kept through the file");
    let same = Counting(AtomicUsize::new(0), "v1");
    assert_eq!(DraftStore::summaries(&sweep, &day("2025-06-03"), &same)[0].progress_percent, 77);
    assert_eq!(same.0.load(Ordering::Relaxed), 0, "no evaluation needed");
    let newer = Counting(AtomicUsize::new(0), "v2");
    assert_eq!(DraftStore::summaries(&sweep, &day("2025-06-03"), &newer)[0].progress_percent, 42);
    assert_eq!(newer.0.load(Ordering::Relaxed), 1, "a new questionnaire version recomputes");
}
