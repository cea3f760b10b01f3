//! Draft store speed targets (issue 3):
//! * saving a complete draft (atomic, fsync'd) within 2× a bare write + fsync of the same bytes;
//! * loading and validating a complete draft ≤ 1 ms;
//! * listing 1,000 drafts ≤ 100 ms.
//!
//! And (issue 12) the cost of a draft locked with a passphrase: open and save, locked against not,
//! `cargo bench --bench drafts -- protect`.
//!
//! `CARGO_TARGET_DIR=/work/target-drafts cargo bench --bench drafts`

/// The allocator the shipped binary uses (src/main.rs), so the figures are the product's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{DraftStore, NullInspector, QuestionnaireRef};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

fn clock() -> Clock {
    Clock::Fixed(parse_date("2025-06-10").unwrap())
}

fn q() -> QuestionnaireRef {
    QuestionnaireRef { id: "CIT0001".into(), version: "bench".into() }
}

/// P01's complete example draft, imported into `store` (keeps its start date, 2025-06-01).
fn complete_draft(store: &DraftStore) -> citcert::drafts::OpenDraft {
    let p01 = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/3f9a0c1e.json");
    let bytes = std::fs::read(&p01).unwrap();
    store.import(&bytes, &p01, None, q(), "en", &clock()).unwrap()
}

fn save(c: &mut Criterion) {
    let t = tempfile::tempdir().unwrap();
    let store = DraftStore::open(t.path().join("drafts")).unwrap();
    let mut open = complete_draft(&store);
    let bytes = std::fs::read(store.path_of(open.draft.id())).unwrap();
    eprintln!("complete draft: {} answers, {} bytes", open.draft.answers.len(), bytes.len());
    let mut g = c.benchmark_group("save");
    g.sample_size(60).measurement_time(Duration::from_secs(8));
    let bare = store.dir().join("bare.bin");
    g.bench_function("bare write + fsync (same bytes)", |b| {
        b.iter(|| {
            let mut f =
                std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(&bare).unwrap();
            f.write_all(black_box(&bytes)).unwrap();
            f.sync_all().unwrap();
        })
    });
    g.bench_function("atomic save of a complete draft", |b| b.iter(|| open.save(&clock()).unwrap()));
    g.finish();
}

fn load(c: &mut Criterion) {
    let t = tempfile::tempdir().unwrap();
    let store = DraftStore::open(t.path().join("drafts")).unwrap();
    let id = complete_draft(&store).draft.id().to_string();
    let bytes = std::fs::read(store.path_of(&id)).unwrap();
    c.bench_function("load + validate a complete draft (read file, parse, checksum, expiry)", |b| {
        b.iter(|| black_box(store.read(&id, &clock()).unwrap()))
    });
    c.bench_function("parse + validate a complete draft (in memory)", |b| {
        b.iter(|| black_box(citcert::drafts::format::parse(black_box(&bytes), &id).unwrap()))
    });
}

fn list(c: &mut Criterion) {
    let t = tempfile::tempdir().unwrap();
    let store = DraftStore::open(t.path().join("drafts")).unwrap();
    let first = complete_draft(&store);
    let bytes = std::fs::read(store.path_of(first.draft.id())).unwrap();
    drop(first);
    for _ in 1..1000 {
        store.import(&bytes, Path::new("p01.json"), None, q(), "en", &clock()).unwrap();
    }
    assert_eq!(store.ids().unwrap().len(), 1000);
    let mut g = c.benchmark_group("list");
    g.sample_size(20);
    g.bench_function("list 1,000 complete drafts (sweep + summaries)", |b| {
        b.iter(|| {
            let sweep = store.sweep(&clock()).unwrap();
            let rows = DraftStore::summaries(&sweep, &clock(), &NullInspector);
            assert_eq!(rows.len(), 1000);
            black_box(rows)
        })
    });
    // What `citcert drafts list` does: the engine computes each draft's progress.
    let questionnaire = citcert::engine::builtin().unwrap();
    let engine = citcert::context::EngineInspector { q: questionnaire, today: clock().today() };
    g.bench_function("list 1,000 complete drafts with engine progress, none cached (drafts list)", |b| {
        b.iter(|| {
            let sweep = store.sweep(&clock()).unwrap();
            let rows = DraftStore::summaries(&sweep, &clock(), &engine);
            assert_eq!(rows.len(), 1000);
            black_box(rows)
        })
    });
    // Drafts saved by the TUI or `attach` carry the progress the engine computed at save.
    use citcert::drafts::AnswerInspector;
    let version = engine.questionnaire().version;
    for id in store.ids().unwrap() {
        let mut o = store.open_draft(&id, &clock()).unwrap();
        o.draft.progress =
            Some(citcert::drafts::CachedProgress { percent: 96, questionnaire_version: version.clone() });
        o.save(&clock()).unwrap();
    }
    g.bench_function("list 1,000 complete drafts with engine progress, cached at save (drafts list)", |b| {
        b.iter(|| {
            let sweep = store.sweep(&clock()).unwrap();
            let rows = DraftStore::summaries(&sweep, &clock(), &engine);
            assert_eq!(rows.len(), 1000);
            black_box(rows)
        })
    });
    g.finish();
}

/// Opening (read, validate, and for a locked draft one scrypt run and decryption) and saving (for a
/// locked draft one scrypt run and encryption) P01's complete draft, locked and not.
fn protect(c: &mut Criterion) {
    use citcert::drafts::protect::{Passphrase, WORK_FACTOR};
    let t = tempfile::tempdir().unwrap();
    let mut store = DraftStore::open(t.path().join("drafts")).unwrap();
    let mut plain = complete_draft(&store);
    // Imported (which holds its lock until dropped), then locked.
    let locked_id = complete_draft(&store).draft.id().to_string();
    let pass = Passphrase::new("correct horse battery staple").unwrap();
    store.set_protection(&locked_id, Some(pass.clone()), &clock()).unwrap();
    store.set_passphrase(Some(pass));
    let plain_id = plain.draft.id().to_string();
    let mut locked = store.open_draft(&locked_id, &clock()).unwrap();
    eprintln!("scrypt work factor 2^{WORK_FACTOR}");
    let mut g = c.benchmark_group("protect");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("open an unprotected complete draft", |b| {
        b.iter(|| store.read(&plain_id, &clock()).unwrap())
    });
    g.bench_function("open a locked complete draft with its passphrase", |b| {
        b.iter(|| store.read(&locked_id, &clock()).unwrap())
    });
    g.bench_function("save an unprotected complete draft", |b| b.iter(|| plain.save(&clock()).unwrap()));
    g.bench_function("save a locked complete draft", |b| b.iter(|| locked.save(&clock()).unwrap()));
    g.finish();
}

criterion_group!(benches, save, load, list, protect);
criterion_main!(benches);
