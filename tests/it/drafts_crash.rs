//! kill -9 during saves: a child process saves drafts in a loop; the parent kills it at a random
//! instant, many times, and after each kill every draft must load, whole and valid.
//!
//! The child is this same test binary, run with `CITCERT_CRASH_CHILD_DIR` set and the test name
//! `crash_child` (which does nothing in a normal run).
//!
//! The kill delays come from a seed, printed at the start and in every failure. To replay a run's
//! delays: `CITCERT_CRASH_SEED=<seed> cargo test --test it drafts_crash -- --nocapture`. (The child's
//! progress at a given delay still depends on the machine's load, so a replay retries the same
//! instants, not the same bytes.)

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{DraftStore, QuestionnaireRef};
use serde_json::json;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD_ENV: &str = "CITCERT_CRASH_CHILD_DIR";
const SEED_ENV: &str = "CITCERT_CRASH_SEED";
const DRAFTS: usize = 3;
const KILLS: usize = 150;

fn clock() -> Clock {
    Clock::Fixed(parse_date("2025-06-01").unwrap())
}

/// The run's seed: `CITCERT_CRASH_SEED` when set (a decimal number), else a fresh random one.
fn seed() -> u64 {
    match std::env::var(SEED_ENV) {
        Ok(s) => s.trim().parse().unwrap_or_else(|_| panic!("{SEED_ENV}={s:?}: not a decimal number")),
        Err(_) => RandomState::new().hash_one("citcert crash seed"),
    }
}

/// The kill delay of `round` (0–25 ms), from the seed alone (SplitMix64 of seed + round).
fn delay(seed: u64, round: usize) -> Duration {
    let mut z = seed.wrapping_add((round as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    Duration::from_micros(z % 25_000)
}

#[test]
fn delays_follow_the_seed() {
    let a: Vec<Duration> = (0..KILLS).map(|r| delay(42, r)).collect();
    assert_eq!(a, (0..KILLS).map(|r| delay(42, r)).collect::<Vec<_>>());
    assert_ne!(a, (0..KILLS).map(|r| delay(43, r)).collect::<Vec<_>>());
    assert!(a.iter().all(|d| *d < Duration::from_millis(25)));
    // Spread over the whole window, not bunched at one end.
    assert!(
        a.iter().any(|d| *d < Duration::from_millis(5)) && a.iter().any(|d| *d > Duration::from_millis(20))
    );
}

/// An answer whose text is `n` repeated: a torn mix of two versions could not be consistent.
fn payload(n: u64) -> String {
    format!("{n:08}|").repeat(600)
}

#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let store = DraftStore::open(dir).unwrap();
    let mut open: Vec<_> =
        store.ids().unwrap().iter().map(|id| store.open_draft(id, &clock()).unwrap()).collect();
    assert!(open.iter().all(|o| !o.is_read_only()));
    let mut n: u64 = open
        .iter()
        .map(|o| o.draft.answers["crash.counter"].as_str().unwrap().parse::<u64>().unwrap())
        .max()
        .unwrap();
    println!("ready");
    // Each run starts with a different draft, so a slow machine that kills the child after one or two
    // saves still gets every draft saved over the rounds.
    let start = (n as usize) % open.len();
    open.rotate_left(start);
    loop {
        for o in open.iter_mut() {
            n += 1;
            o.draft.set_answer("crash.counter", json!(n.to_string())).unwrap();
            o.draft.set_answer("crash.payload", json!(payload(n))).unwrap();
            o.save(&clock()).unwrap();
        }
        if n.is_multiple_of(7) {
            // Creating drafts can be interrupted too (they are deleted again to keep the count).
            let extra = store.create(
                "extra",
                QuestionnaireRef { id: "C".into(), version: "1".into() },
                "en",
                &clock(),
            );
            if let Ok(extra) = extra {
                let id = extra.draft.id().to_string();
                drop(extra);
                store.delete(&id).unwrap();
            }
        }
    }
}

#[test]
fn kill_9_while_saving_never_leaves_a_torn_draft() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("drafts");
    let store = DraftStore::open(&dir).unwrap();
    let mut ids = Vec::new();
    for i in 0..DRAFTS {
        let mut o = store
            .create(
                &format!("crash {i}"),
                QuestionnaireRef { id: "C".into(), version: "1".into() },
                "en",
                &clock(),
            )
            .unwrap();
        o.draft.set_answer("crash.counter", json!("0")).unwrap();
        o.draft.set_answer("crash.payload", json!(payload(0))).unwrap();
        o.save(&clock()).unwrap();
        ids.push(o.draft.id().to_string());
    }
    let seed = seed();
    // Printed first, so a failure can be replayed with the same delays.
    eprintln!("kill delays from seed {seed} (replay: {SEED_ENV}={seed})");
    for round in 0..KILLS {
        let delay = delay(seed, round);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["drafts_crash::crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        loop {
            match lines.next() {
                Some(Ok(l)) if l.contains("ready") => break,
                Some(_) => continue,
                None => panic!("seed {seed}, round {round}: the child ended before saving"),
            }
        }
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        // Every draft must be whole: the old version or the new one.
        let sweep = store.sweep(&clock()).unwrap();
        assert!(
            sweep.damaged.is_empty(),
            "seed {seed}, round {round} (after {delay:?}): {:#?}",
            sweep.damaged
        );
        let mut seen: Vec<&str> = sweep.drafts.iter().map(|d| d.id()).collect();
        seen.sort();
        let mut want: Vec<&str> = ids.iter().map(String::as_str).collect();
        want.sort();
        assert!(
            want.iter().all(|id| seen.contains(id)),
            "seed {seed}, round {round}: a draft went missing: {seen:?}"
        );
        for d in &sweep.drafts {
            if let Some(c) = d.answers.get("crash.counter") {
                let n: u64 = c.as_str().unwrap().parse().unwrap();
                assert_eq!(
                    d.answers["crash.payload"],
                    json!(payload(n)),
                    "seed {seed}, round {round}: torn draft"
                );
            }
            let bak = dir.join(format!("{}.json.bak", d.id()));
            if bak.exists() {
                citcert::drafts::format::parse(&std::fs::read(&bak).unwrap(), d.id()).unwrap();
            }
        }
        // Interrupted creations leave either nothing or a whole (extra) draft; remove those.
        for d in &sweep.drafts {
            if !ids.contains(&d.id().to_string()) {
                store.delete(d.id()).unwrap();
            }
        }
        // Temp files of the dead child have been erased by the sweep.
        let temps = std::fs::read_dir(&dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".tmp-"))
            .count();
        assert_eq!(temps, 0, "seed {seed}, round {round}: temp files left behind");
    }
    let counters: Vec<u64> = store
        .sweep(&clock())
        .unwrap()
        .drafts
        .iter()
        .map(|d| d.answers["crash.counter"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(counters.iter().all(|&c| c > 0), "the child never got a save through: {counters:?}");
    eprintln!("{KILLS} kills (seed {seed}), final counters {counters:?}");
}
