//! Rendering speed: one full frame of the browser into a buffer, on the built-in catalogue and on
//! 10^5 user codes. `cargo bench --bench render`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whatcode::action::Action;
use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::theme::Theme;

#[path = "catalogs.rs"]
mod catalogs;

fn typed(catalog: Catalog, query: &str) -> App {
    let mut app = App::new(catalog, Theme::dark());
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
    app
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("render/frame");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let detail = typed(Catalog::builtin(), "1006");
    group.bench_function("builtin detail 160x48", |b| {
        b.iter(|| terminal.draw(|f| f.render_widget(black_box(&detail), f.area())).map(|_| ()))
    });
    let mut compare = typed(Catalog::builtin(), "ws 1001");
    compare.update(Action::ToggleCompare);
    compare.update(Action::ClearQuery);
    for ch in "ws 1006".chars() {
        compare.update(Action::InsertChar(ch));
    }
    group.bench_function("builtin compare 160x48", |b| {
        b.iter(|| terminal.draw(|f| f.render_widget(black_box(&compare), f.area())).map(|_| ()))
    });
    let large = typed(catalogs::cached(100_000), "snapshot");
    group.bench_function("100k codes list 160x48", |b| {
        b.iter(|| terminal.draw(|f| f.render_widget(black_box(&large), f.area())).map(|_| ()))
    });
    let first_run = typed(catalogs::parsed(100_000), "snapshot");
    group.bench_function("100k codes list 160x48, first run", |b| {
        b.iter(|| terminal.draw(|f| f.render_widget(black_box(&first_run), f.area())).map(|_| ()))
    });
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    // A keystroke as the browser handles it: update (search) then draw.
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let mut app = typed(Catalog::builtin(), "going awa");
    c.bench_function("keystroke/builtin type+delete+draw", |b| {
        b.iter(|| {
            app.update(Action::InsertChar('y'));
            let _ = terminal.draw(|f| f.render_widget(&app, f.area()));
            app.update(Action::DeleteChar);
        })
    });
}

criterion_group!(benches, frame, keystroke);
criterion_main!(benches);
