//! Property tests (issue 12): the draft file round trip, the condition language, answer
//! normalisation, the text input and the package manifest. Case counts are modest so that
//! `cargo test` stays quick on a small machine; `PROPTEST_CASES=5000 cargo test --test it properties`
//! runs more.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};

use citcert::clock::{Clock, parse_date};
use citcert::drafts::{DraftStore, QuestionnaireRef, format};
use citcert::engine::cond::{Cond, DateArg, DateOp, Env, Op, Operand};
use citcert::engine::{AnswerValue, QType, builtin};
use citcert::tui::widgets::FieldKey;
use citcert::tui::widgets::TextInput;

/// `cases` unless PROPTEST_CASES says otherwise; no failure files written into the repository.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Any text, control and bidi characters, quotes and backslashes included.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => any::<char>(),
            1 => prop::sample::select(vec!['\u{1b}', '\u{202e}', '"', '\\', '\n', '\u{0}', 'é', '—', ' ']),
        ],
        0..max,
    )
    .prop_map(String::from_iter)
}

fn answer_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_text(30).prop_map(Value::String),
        prop::collection::vec(any_text(12), 0..4).prop_map(|v| json!(v)),
    ]
}

// ---- the draft file ----

proptest! {
    #![proptest_config(config(64))]

    /// Whatever the label and answers, a saved draft reads back exactly, and a byte changed in the
    /// file is caught (by the checksum or the parser), never read as another draft.
    #[test]
    fn a_draft_file_round_trips_and_any_flipped_byte_is_caught(
        label in any_text(60).prop_filter("one line, not blank", |l| !l.trim().is_empty() && !l.chars().any(char::is_control)),
        answers in prop::collection::btree_map("[a-z]{1,3}\\.[a-z_]{1,8}", answer_value(), 0..12),
        flip in any::<prop::sample::Index>(),
    ) {
        let t = tempfile::tempdir().unwrap();
        let clock = Clock::Fixed(parse_date("2025-06-01").unwrap());
        let store = DraftStore::open(t.path()).unwrap();
        let q = QuestionnaireRef { id: "CIT0001".into(), version: "test".into() };
        let mut open = store.create("x", q, "en", &clock).unwrap();
        open.draft.label = label.trim().to_string();
        for (k, v) in &answers {
            open.draft.set_answer(k, v.clone()).unwrap();
        }
        let bytes = open.draft.to_bytes();
        let back = format::parse(&bytes, open.draft.id()).unwrap();
        prop_assert_eq!(&back.label, &open.draft.label);
        prop_assert_eq!(&back.answers, &open.draft.answers);
        prop_assert_eq!(back.created_on(), open.draft.created_on());
        prop_assert_eq!(back.to_bytes(), bytes.clone());
        // One byte changed: refused, or (a change JSON cannot see, such as inside whitespace) the same draft.
        let mut bad = bytes.clone();
        let i = flip.index(bad.len());
        bad[i] ^= 0x20;
        if let Ok(d) = format::parse(&bad, open.draft.id()) {
            prop_assert_eq!(&d.answers, &open.draft.answers);
            prop_assert_eq!(&d.label, &open.draft.label);
        }
    }
}

// ---- the condition language ----

#[derive(Debug)]
struct TestEnv {
    values: Vec<Option<String>>,
    items: Vec<bool>,
    rules: Vec<bool>,
    incomplete: bool,
    days: Option<i64>,
}

impl Env for TestEnv {
    fn value(&self, q: usize) -> Option<&str> {
        self.values.get(q).and_then(|v| v.as_deref())
    }
    fn today(&self) -> NaiveDate {
        parse_date("2025-06-01").unwrap()
    }
    fn item_on(&self, i: usize) -> bool {
        self.items.get(i).copied().unwrap_or(false)
    }
    fn rule_fired(&self, r: usize) -> bool {
        self.rules.get(r).copied().unwrap_or(false)
    }
    fn incomplete(&self) -> bool {
        self.incomplete
    }
    fn draft_days(&self) -> Option<i64> {
        self.days
    }
}

const VALUES: [&str; 6] = ["yes", "no", "1990-04-12", "2030-01-01", "2025-06", "CA-QC"];

fn value() -> impl Strategy<Value = String> {
    prop::sample::select(VALUES.to_vec()).prop_map(String::from)
}

fn date_arg() -> impl Strategy<Value = DateArg> {
    prop_oneof![
        Just(DateArg::Today),
        (1950i32..2040, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| DateArg::Lit(NaiveDate::from_ymd_opt(y, m, d).unwrap())),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let lits = || prop::collection::vec(value(), 0..3);
    prop_oneof![
        value().prop_map(|v| Op::Eq(Operand::Lit(v))),
        value().prop_map(|v| Op::Ne(Operand::Lit(v))),
        (0usize..4).prop_map(|q| Op::Eq(Operand::Q(q))),
        lits().prop_map(Op::In),
        lits().prop_map(Op::NotIn),
        any::<bool>().prop_map(Op::Answered),
        (
            prop::sample::select(vec![DateOp::Before, DateOp::After, DateOp::OnOrBefore, DateOp::OnOrAfter]),
            date_arg()
        )
            .prop_map(|(o, a)| Op::Date(o, a)),
        (0u32..90, prop::option::of(date_arg())).prop_map(|(n, a)| Op::AgeAtLeast(n, a)),
        (0u32..90, prop::option::of(date_arg())).prop_map(|(n, a)| Op::AgeBelow(n, a)),
        value().prop_map(|v| Op::StartsWith(v[..2].to_string())),
    ]
}

fn cond() -> impl Strategy<Value = Cond> {
    let leaf = prop_oneof![
        Just(Cond::True),
        Just(Cond::False),
        (0usize..4, op()).prop_map(|(q, op)| Cond::Cmp { q, op }),
        (0usize..3).prop_map(Cond::Item),
        (0usize..3).prop_map(Cond::Rule),
        Just(Cond::Incomplete),
        (0i64..90).prop_map(Cond::DraftDaysOver),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Cond::All),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Cond::Any),
            inner.prop_map(|c| Cond::Not(Box::new(c))),
        ]
    })
}

fn env() -> impl Strategy<Value = TestEnv> {
    (
        prop::collection::vec(prop::option::of(value()), 4),
        prop::collection::vec(any::<bool>(), 3),
        prop::collection::vec(any::<bool>(), 3),
        any::<bool>(),
        prop::option::of(0i64..120),
    )
        .prop_map(|(values, items, rules, incomplete, days)| TestEnv {
            values,
            items,
            rules,
            incomplete,
            days,
        })
}

proptest! {
    #![proptest_config(config(256))]

    /// not/all/any mean what they say, the trace agrees with the plain evaluation, and a condition
    /// the compiler calls constant is that constant in every situation.
    #[test]
    fn the_condition_language_is_boolean_logic(c in cond(), cs in prop::collection::vec(cond(), 0..4), e in env()) {
        let v = c.eval(&e);
        prop_assert_eq!(Cond::Not(Box::new(c.clone())).eval(&e), !v);
        let mut trace = vec![];
        prop_assert_eq!(c.eval_trace(&e, &mut trace), v);
        if let Some(k) = c.constant() {
            prop_assert_eq!(k, v);
        }
        let each: Vec<bool> = cs.iter().map(|x| x.eval(&e)).collect();
        prop_assert_eq!(Cond::All(cs.clone()).eval(&e), each.iter().all(|&b| b));
        prop_assert_eq!(Cond::Any(cs.clone()).eval(&e), each.iter().any(|&b| b));
        // De Morgan.
        let negs: Vec<Cond> = cs.iter().map(|x| Cond::Not(Box::new(x.clone()))).collect();
        prop_assert_eq!(Cond::Not(Box::new(Cond::All(cs.clone()))).eval(&e), Cond::Any(negs).eval(&e));
    }

    /// Answered(true) and Answered(false) are opposites; In and NotIn are opposites on an answer.
    #[test]
    fn answered_and_membership_tests_are_exclusive(q in 0usize..4, lits in prop::collection::vec(value(), 0..3), e in env()) {
        let yes = Cond::Cmp { q, op: Op::Answered(true) }.eval(&e);
        let no = Cond::Cmp { q, op: Op::Answered(false) }.eval(&e);
        prop_assert_ne!(yes, no);
        if yes {
            let inn = Cond::Cmp { q, op: Op::In(lits.clone()) }.eval(&e);
            let out = Cond::Cmp { q, op: Op::NotIn(lits) }.eval(&e);
            prop_assert_ne!(inn, out);
        }
    }
}

// ---- answer normalisation ----

proptest! {
    #![proptest_config(config(128))]

    /// For every question of the built-in questionnaire and any text: no panic, and an accepted
    /// answer is accepted again unchanged (normalising is idempotent).
    #[test]
    fn normalising_never_panics_and_is_idempotent(qi in any::<prop::sample::Index>(), raw in any_text(40), list in prop::collection::vec(any_text(15), 0..4)) {
        let q = builtin().unwrap();
        let question = &q.questions[qi.index(q.questions.len())];
        let today = parse_date("2025-06-01").unwrap();
        let input = if question.qtype == QType::List { AnswerValue::List(list) } else { AnswerValue::Text(raw) };
        if let Ok((v, _)) = citcert::engine::answers::normalise(q, question, &input, today, None) {
            let again = citcert::engine::answers::normalise(q, question, &v, today, None);
            prop_assert!(again.is_ok(), "{:?} accepted as {:?}, then refused: {:?}", input, v, again);
            prop_assert_eq!(again.unwrap().0, v);
        }
    }
}

// ---- the text input ----

fn field_key() -> impl Strategy<Value = FieldKey> {
    prop_oneof![
        4 => any::<char>().prop_map(FieldKey::Char),
        1 => any_text(8).prop_map(FieldKey::Paste),
        1 => Just(FieldKey::Backspace),
        1 => Just(FieldKey::Delete),
        1 => Just(FieldKey::DeleteWord),
        1 => Just(FieldKey::Left),
        1 => Just(FieldKey::Right),
        1 => Just(FieldKey::Home),
        1 => Just(FieldKey::End),
        1 => Just(FieldKey::WordLeft),
        1 => Just(FieldKey::WordRight),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// Any sequence of edits keeps the cursor inside the text, never lets a control character in,
    /// and typing a character then Backspace gives back the same field.
    #[test]
    fn the_text_input_stays_consistent(start in any_text(20), keys in prop::collection::vec(field_key(), 0..40), c in any::<char>()) {
        let mut t = TextInput::new(start.chars().filter(|c| !c.is_control()).collect::<String>());
        for k in &keys {
            prop_assert!(t.edit(k));
            prop_assert!(t.cursor <= t.value.chars().count());
            prop_assert!(!t.value.chars().any(char::is_control), "{:?}", t.value);
            let _ = t.cursor_col();
        }
        let before = t.clone();
        t.insert(c);
        if !c.is_control() {
            t.backspace();
        }
        if t != before {
            // `c` joined the character before the cursor into one grapheme (a combining mark, a
            // joiner): Backspace takes that whole grapheme, as editors that move by grapheme do.
            // Exactly the characters just before the cursor went, nothing else.
            let b: Vec<char> = before.value.chars().collect();
            prop_assert!(t.cursor < before.cursor, "{:?} → {:?} after {:?}", before, t, c);
            let expected: String = b[..t.cursor].iter().chain(&b[before.cursor..]).collect();
            prop_assert_eq!(&t.value, &expected);
        }
    }
}

// ---- the package manifest ----

proptest! {
    #![proptest_config(config(24))]

    /// A package of any files verifies intact; one byte changed in one file is named as altered,
    /// and nothing else is.
    #[test]
    fn a_package_verifies_and_any_changed_file_is_named(
        files in prop::collection::btree_map("[a-z0-9]{1,8}(/[a-z0-9]{1,6})?", prop::collection::vec(any::<u8>(), 1..200), 1..6),
        pick in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
    ) {
        // No path may be both a file and a folder.
        let names: Vec<&String> = files.keys().collect();
        prop_assume!(!names.iter().any(|a| names.iter().any(|b| b.starts_with(&format!("{a}/")))));
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("pkg");
        let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let pf: Vec<citcert::documents::package::PackageFile> =
            files.iter().map(|(p, b)| citcert::documents::package::PackageFile { path: p.clone(), bytes: b.clone() }).collect();
        let m = citcert::documents::package::write_package(&out, &pf, &key, "2025-06-01", "CIT0001 test").unwrap();
        prop_assert_eq!(m.files.len(), files.len());
        let r = citcert::documents::package::verify(&out, None).unwrap();
        prop_assert!(r.intact(), "{:?}", r);
        let (path, bytes) = files.iter().nth(pick.index(files.len())).unwrap();
        let mut changed = bytes.clone();
        let i = at.index(changed.len());
        changed[i] ^= 1;
        std::fs::write(out.join(path), &changed).unwrap();
        let r = citcert::documents::package::verify(&out, None).unwrap();
        prop_assert!(!r.intact());
        prop_assert_eq!(r.altered, vec![path.clone()]);
        prop_assert!(r.added.is_empty() && r.removed.is_empty());
    }
}
