//! The start screen lists drafts with the progress saved in them (for the current questionnaire
//! version) instead of evaluating every draft; drafts without it are evaluated.

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{CachedProgress, DraftStore, QuestionnaireRef};
use citcert::engine::{Lang, builtin};
use citcert::tui::app::App;
use citcert::tui::store::DraftsStore;

#[test]
fn listed_progress_comes_from_the_draft_when_it_is_for_this_questionnaire() {
    let q = builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Clock::Fixed(parse_date("2025-06-10").unwrap());
    let store = DraftStore::open(dir.path().join("drafts")).unwrap();
    let qref = QuestionnaireRef { id: q.id.clone(), version: q.version.clone() };
    for (label, version) in [("cached", q.version.clone()), ("stale", "an older version".to_string())] {
        let mut o = store.create(label, qref.clone(), "en", &clock).unwrap();
        // 77 % is not what these (empty) answers give: it shows where the figure came from.
        o.draft.progress = Some(CachedProgress { percent: 77, questionnaire_version: version });
        o.save(&clock).unwrap();
    }
    let tui_store = DraftsStore::open(dir.path().join("drafts"), clock, q).unwrap();
    let app = App::new(q, Lang::En, clock.today(), Box::new(tui_store));
    let shown: Vec<(String, u8)> =
        app.drafts.iter().enumerate().map(|(k, d)| (d.label.clone(), app.progress(k))).collect();
    let of = |l: &str| shown.iter().find(|(x, _)| x == l).map(|(_, p)| *p).unwrap();
    assert_eq!(of("cached"), 77, "{shown:?}");
    assert!(of("stale") < 77, "a figure from another questionnaire version is recomputed: {shown:?}");
}
