//! The browser's state machine, driven by actions alone: no terminal.

use whatcode::action::Action;
use whatcode::app::{App, MAX_QUERY_CHARS};
use whatcode::catalog::Catalog;
use whatcode::theme::Theme;

fn app() -> App {
    App::new(Catalog::builtin(), Theme::mono())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::InsertChar(c));
    }
}

fn selected_id(app: &App) -> String {
    app.selected_entry().map(|(_, e)| e.id()).unwrap_or_default()
}

#[test]
fn typing_searches_at_once() {
    let mut app = app();
    type_text(&mut app, "1002");
    assert_eq!(app.query, "1002");
    assert_eq!(selected_id(&app), "websocket/1002");
    app.update(Action::DeleteChar);
    assert_eq!(app.query, "100");
    assert_eq!(selected_id(&app), "http/100");
}

#[test]
fn moving_stays_in_bounds() {
    let mut app = app();
    app.update(Action::SelectPrevious);
    assert_eq!(app.selected, 0);
    app.update(Action::SelectLast);
    assert_eq!(app.selected, app.hits.len() - 1);
    app.update(Action::SelectNext);
    assert_eq!(app.selected, app.hits.len() - 1);
    app.update(Action::SelectFirst);
    app.update(Action::SelectPageDown);
    assert!(app.selected >= 1);
}

#[test]
fn tab_pins_and_the_selection_picks_the_other_side() {
    let mut app = app();
    type_text(&mut app, "ws 1000");
    app.update(Action::ToggleCompare);
    let pinned = app.pinned.expect("pinned");
    assert_eq!(app.catalog.entries()[pinned].id(), "websocket/1000");
    app.update(Action::ClearQuery);
    type_text(&mut app, "1002");
    assert_eq!(selected_id(&app), "websocket/1002");
    assert!(app.comparing());
    app.update(Action::ToggleCompare);
    assert!(!app.comparing());
}

#[test]
fn escape_steps_back_one_layer_at_a_time() {
    let mut app = app();
    type_text(&mut app, "404");
    app.update(Action::ToggleCompare);
    app.update(Action::ToggleHelp);
    app.update(Action::Back);
    assert!(!app.show_help && app.comparing());
    app.update(Action::Back);
    assert!(!app.comparing() && app.query == "404");
    app.update(Action::Back);
    assert!(app.query.is_empty() && !app.should_quit);
    app.update(Action::Back);
    assert!(app.should_quit);
}

#[test]
fn help_swallows_other_keys() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    type_text(&mut app, "abc");
    assert!(app.query.is_empty() && app.show_help);
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn delete_word_and_clear() {
    let mut app = app();
    type_text(&mut app, "ws going away");
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "ws going ");
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "ws ");
    app.update(Action::ClearQuery);
    assert!(app.query.is_empty());
}

#[test]
fn pastes_are_cleaned_and_capped() {
    let mut app = app();
    app.update(Action::Paste("going\naway\x1b[31m".into()));
    assert_eq!(app.query, "going away[31m");
    app.update(Action::ClearQuery);
    app.update(Action::Paste("x".repeat(10_000)));
    assert_eq!(app.query.chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn detail_scroll_is_clamped_and_reset_by_moving() {
    let mut app = app();
    let mut view = app.view.get();
    view.detail_max_scroll = 3;
    view.detail_height = 10;
    app.view.set(view);
    for _ in 0..10 {
        app.update(Action::ScrollDetailDown);
    }
    assert_eq!(app.detail_scroll, 3);
    app.update(Action::SelectNext);
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn overview_toggles_and_escape_closes_it() {
    let mut app = app();
    app.update(Action::ToggleOverview);
    assert!(app.show_overview);
    app.update(Action::Back);
    assert!(!app.show_overview && !app.should_quit);
}
