//! TUI speed (issue 4): one keystroke handled and the frame drawn at 120×40 with the real
//! questionnaire and a complete persona (see BENCHMARKS-tui.md).

/// The allocator the shipped binary uses (src/main.rs), so the figures are the product's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use citcert::engine::{Answers, Lang, builtin};
use citcert::tui::app::App;
use citcert::tui::keymap::Action;
use citcert::tui::render::goto;
use citcert::tui::store::MemStore;
use citcert::tui::view;
use citcert::tui::widgets::FieldKey;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn day(s: &str) -> chrono::NaiveDate {
    citcert::clock::parse_date(s).unwrap()
}

fn app(screen: &str) -> App<'static> {
    let q = builtin().expect("built-in questionnaire");
    let text = std::fs::read_to_string("tests/personas/P01.answers.json").unwrap();
    let answers = Answers::from_file_json(&serde_json::from_str(&text).unwrap()).unwrap();
    let store = MemStore::new(day("2025-06-10")).with("P01", day("2025-06-01"), answers, None);
    let mut app = App::new(q, Lang::En, day("2025-06-10"), Box::new(store));
    app.update(Action::Key(FieldKey::Enter));
    goto(&mut app, None, screen).unwrap();
    app
}

fn keystroke(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();

    // A character typed into a text field (4.1 surname), then the frame.
    let mut a = app("S4");
    c.bench_function("tui/type_char_and_draw/120x40", |b| {
        b.iter(|| {
            a.update(black_box(Action::Key(FieldKey::Char('x'))));
            a.update(Action::Key(FieldKey::Backspace));
            terminal.draw(|f| view::draw(&a, f)).unwrap();
        })
    });

    // A choice answered: store, re-evaluate the whole questionnaire, autosave (memory), draw.
    let mut a = app("S1");
    let mut flip = false;
    c.bench_function("tui/answer_choice_and_draw/120x40", |b| {
        b.iter(|| {
            flip = !flip;
            a.update(black_box(Action::Key(FieldKey::Char(if flip { '2' } else { '1' }))));
            terminal.draw(|f| view::draw(&a, f)).unwrap();
        })
    });

    // Drawing alone, into a bare buffer (no terminal diff).
    let a = app("S4");
    c.bench_function("tui/render_only/120x40", |b| {
        b.iter(|| {
            let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 120, 40));
            view::render(black_box(&a), buf.area, &mut buf)
        })
    });

    // The review screen, the heaviest to draw.
    let mut a = app("review");
    c.bench_function("tui/move_and_draw_review/120x40", |b| {
        b.iter(|| {
            a.update(black_box(Action::Key(FieldKey::Down)));
            a.update(Action::Key(FieldKey::Up));
            terminal.draw(|f| view::draw(&a, f)).unwrap();
        })
    });

    // The review of a draft with five 1 MB documents attached: moving must not re-read them.
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with_files(dir.path());
    c.bench_function("tui/move_and_draw_review_5_files_1mb/120x40", |b| {
        b.iter(|| {
            a.update(black_box(Action::Key(FieldKey::Down)));
            a.update(Action::Key(FieldKey::Up));
            terminal.draw(|f| view::draw(&a, f)).unwrap();
        })
    });
}

/// P01 on the review, its five documents attached as 1 MB files in `dir`.
fn app_with_files(dir: &std::path::Path) -> App<'static> {
    let q = builtin().expect("built-in questionnaire");
    let text = std::fs::read_to_string("tests/personas/P01.answers.json").unwrap();
    let mut answers = Answers::from_file_json(&serde_json::from_str(&text).unwrap()).unwrap();
    let mut records = vec![];
    for item in ["CL-ID1", "CL-ID2", "CL-PHOTO", "CL-PHOTOGRAPHER", "CL-BIRTHCERT"] {
        let path = dir.join(format!("{item}.pdf"));
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend(item.bytes().cycle().take(1 << 20));
        std::fs::write(&path, bytes).unwrap();
        let i = citcert::documents::attach::inspect_file(&path, 4 << 20).unwrap();
        answers.set_text(format!("docs.{item}.file"), path.to_string_lossy());
        records.push(
            serde_json::to_value(citcert::documents::attach::Attachment {
                item: item.into(),
                kind: citcert::documents::attach::Kind::Document,
                path: i.path,
                size: i.size,
                file_type: i.file_type,
                sha256: i.sha256,
                attached_on: day("2025-06-01"),
            })
            .unwrap(),
        );
    }
    let mut store = MemStore::new(day("2025-06-10")).with("P01", day("2025-06-01"), answers, None);
    store.drafts[0].attachments = records;
    let mut app = App::new(q, Lang::En, day("2025-06-10"), Box::new(store));
    app.update(Action::Key(FieldKey::Enter));
    goto(&mut app, None, "review").unwrap();
    app
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
