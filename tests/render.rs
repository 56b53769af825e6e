//! Whole screens on ratatui's TestBackend: keys go through the real key table, the frame is
//! compared with a reviewed snapshot.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::theme::Theme;
use whatcode::tui::handle;

fn app() -> App {
    App::new(Catalog::builtin(), Theme::mono())
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        handle(app, Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    handle(app, Event::Key(KeyEvent::new(code, mods)));
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| f.render_widget(app, f.area())).expect("draw");
    terminal
}

fn screen(app: &App, width: u16, height: u16) -> String {
    draw(app, width, height).backend().to_string()
}

#[test]
fn start_screen() {
    insta::assert_snapshot!(screen(&app(), 100, 30));
}

#[test]
fn typing_a_code_shows_its_detail() {
    let mut app = app();
    keys(&mut app, "1002");
    insta::assert_snapshot!(screen(&app, 100, 30));
}

/// `http 477` is no code, but its class says how to read it: the detail pane answers as
/// `whatcode show http/477` does, and a registered code or a number no class holds does not.
#[test]
fn an_unregistered_number_gets_its_class_answer() {
    let mut typed = app();
    keys(&mut typed, "http 477");
    insta::assert_snapshot!(screen(&typed, 100, 30));
    for (query, says) in [("http/488", "Treat it as http/400"), ("smtp 599", "class Permanent failure (500–599)")] {
        let mut typed = app();
        keys(&mut typed, query);
        let screen = screen(&typed, 100, 30);
        assert!(screen.contains("is not a registered code") && screen.contains(says), "{query}:\n{screen}");
    }
    for query in ["http 404", "http 999", "ws 477"] {
        let mut typed = app();
        keys(&mut typed, query);
        assert!(!screen(&typed, 100, 30).contains("is not a registered code"), "{query}");
    }
}

/// A bare number no family registers (`477`) lists, above the selected code, the families whose
/// classes say how to read it, as `whatcode 477` does; a registered number does not.
#[test]
fn a_bare_unregistered_number_lists_the_classes_that_answer() {
    let mut typed = app();
    keys(&mut typed, "477");
    insta::assert_snapshot!(screen(&typed, 100, 16));
    for query in ["404", "1006", "ECONNRESET", "http 477"] {
        let mut typed = app();
        keys(&mut typed, query);
        assert!(!screen(&typed, 100, 30).contains("No family registers"), "{query}");
    }
}

#[test]
fn fuzzy_query_lists_ranked_hits() {
    let mut app = app();
    keys(&mut app, "gateway");
    insta::assert_snapshot!(screen(&app, 100, 24));
}

#[test]
fn compare_side_by_side_when_wide() {
    let mut app = app();
    keys(&mut app, "ws 1000");
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut app, "ws 1002");
    insta::assert_snapshot!(screen(&app, 160, 45));
}

#[test]
fn compare_stacked_when_narrow() {
    let mut app = app();
    keys(&mut app, "http 502");
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut app, "http 504");
    insta::assert_snapshot!(screen(&app, 70, 40));
}

#[test]
fn compare_with_itself_asks_for_another_code() {
    let mut app = app();
    keys(&mut app, "1006");
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    insta::assert_snapshot!(screen(&app, 100, 20));
}

#[test]
fn help_overlay_lists_the_key_table() {
    let mut app = app();
    keys(&mut app, "?");
    assert!(app.show_help);
    insta::assert_snapshot!(screen(&app, 100, 30));
}

#[test]
fn family_overview_marks_the_current_range() {
    let mut app = app();
    keys(&mut app, "4001");
    press(&mut app, KeyCode::F(2), KeyModifiers::NONE);
    insta::assert_snapshot!(screen(&app, 100, 40));
}

#[test]
fn smallest_usable_size() {
    let mut app = app();
    keys(&mut app, "404");
    insta::assert_snapshot!(screen(&app, 40, 10));
}

#[test]
fn too_small_says_so() {
    insta::assert_snapshot!(screen(&app(), 30, 8));
}

#[test]
fn detail_scrolls_with_shift_down() {
    let mut app = app();
    keys(&mut app, "1006");
    let before = screen(&app, 100, 20);
    press(&mut app, KeyCode::Down, KeyModifiers::SHIFT);
    press(&mut app, KeyCode::Down, KeyModifiers::SHIFT);
    let after = screen(&app, 100, 20);
    assert_ne!(before, after);
    assert_eq!(app.detail_scroll, 2);
}

#[test]
fn mono_theme_still_marks_selection_and_matches() {
    let mut app = app();
    keys(&mut app, "gatway");
    let terminal = draw(&app, 100, 20);
    let buffer = terminal.backend().buffer();
    // Row 4 is the first list row (search bar 3 rows, list border 1 row).
    let row: Vec<_> = (1..40).map(|x| buffer[(x, 4)].clone()).collect();
    assert!(row.iter().any(|c| c.modifier.contains(Modifier::REVERSED)), "selection is reversed");
    assert!(row.iter().any(|c| c.modifier.contains(Modifier::UNDERLINED)), "matches are underlined");
}

#[test]
fn the_help_shows_remapped_keys() {
    let config = whatcode::config::parse(std::path::Path::new("config.toml"), "[keys]\ncompare = [\"ctrl-t\"]\n");
    let mut app = app();
    app.keymap = config.keymap;
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    let screen = screen(&app, 110, 50);
    assert!(screen.contains("Ctrl-T  compare: pin this code"), "{screen}");
    assert!(!screen.contains("Tab  compare: pin this code"), "{screen}");
}

/// The seed pair in compare mode, in `lang`: ws 1000 pinned, ws 1002 picked.
fn seed_pair(lang: whatcode::strings::Lang) -> App {
    let mut app = App::new(Catalog::builtin(), Theme::mono()).with_lang(lang);
    keys(&mut app, "ws 1000");
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    keys(&mut app, "ws 1002");
    app
}

#[test]
fn compare_pane_at_120x35_shows_the_key_differences_without_scrolling() {
    let screen = screen(&seed_pair(whatcode::strings::Lang::En), 120, 35);
    let retry_line =
        screen.lines().position(|l| l.contains("Retry after 1000")).expect("the last difference is on screen");
    assert!(screen.lines().position(|l| l.contains("Key differences")).is_some_and(|k| k < retry_line));
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_pane_at_80x24() {
    insta::assert_snapshot!(screen(&seed_pair(whatcode::strings::Lang::En), 80, 24));
}

#[test]
fn compare_pane_at_120x35_in_russian() {
    let screen = screen(&seed_pair(whatcode::strings::Lang::Ru), 120, 35);
    assert!(screen.contains("Ключевые различия"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_pane_at_80x24_in_russian() {
    insta::assert_snapshot!(screen(&seed_pair(whatcode::strings::Lang::Ru), 80, 24));
}
