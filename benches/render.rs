//! Rendering speed: one full frame of the browser into a buffer, on the built-in catalogue and on
//! 10^5 user codes. `cargo bench --bench render`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whatcode::action::Action;
use whatcode::app::App;
use whatcode::catalog::{Catalog, user};
use whatcode::theme::Theme;

#[path = "synthetic.rs"]
mod synthetic;

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
    let (toml, _) = synthetic::generate(100_000);
    let mut big = Catalog::builtin();
    user::add_source(&mut big, Path::new("synthetic.toml"), &toml).expect("valid");
    let large = typed(big, "snapshot");
    group.bench_function("100k codes list 160x48", |b| {
        b.iter(|| terminal.draw(|f| f.render_widget(black_box(&large), f.area())).map(|_| ()))
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
