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

#[test]
fn enter_moves_focus_to_the_list_where_letters_are_commands() {
    let mut app = app();
    type_text(&mut app, "ws");
    app.update(Action::FocusList);
    assert!(app.list_focus());
    app.update(Action::SelectNext);
    app.update(Action::SelectHalfPageDown);
    assert!(app.selected > 1);
    // Typing a letter that is not a list command goes back to the search bar and types it.
    app.update(Action::InsertChar(' '));
    assert!(!app.list_focus());
    assert_eq!(app.query, "ws ");
    app.update(Action::FocusList);
    app.update(Action::Back);
    assert!(!app.list_focus() && app.query == "ws ", "Esc leaves the list before it clears the query");
}

#[test]
fn picking_chooses_the_selected_code_only_in_picker_mode() {
    let mut app = app();
    type_text(&mut app, "1006");
    app.update(Action::Pick);
    assert!(app.picked.is_none() && !app.should_quit);
    app.picking = true;
    app.update(Action::Pick);
    assert!(app.should_quit);
    assert_eq!(app.picked.map(|i| app.catalog.entries()[i].id()).as_deref(), Some("websocket/1006"));
}

#[test]
fn copying_queues_clean_text_and_says_so() {
    let mut app = app();
    type_text(&mut app, "404");
    app.update(Action::CopyId);
    assert_eq!(app.clipboard.as_deref(), Some("http/404 Not Found"));
    assert!(app.status.as_deref().is_some_and(|s| s.contains("http/404")));
    app.clipboard = None;
    app.update(Action::CopyMarkdown);
    let md = app.clipboard.take().expect("markdown");
    assert!(md.starts_with("# http/404 Not Found") && md.contains("## How to fix"), "{md}");
    // In compare mode the comparison is copied.
    app.update(Action::ToggleCompare);
    app.update(Action::ClearQuery);
    type_text(&mut app, "410");
    app.update(Action::CopyMarkdown);
    let md = app.clipboard.take().expect("markdown");
    assert!(md.starts_with("# http 404 Not Found vs http 410 Gone") && md.contains("## Key differences"), "{md}");
    // The next action clears the message.
    app.update(Action::SelectNext);
    assert!(app.status.is_none());
    // A terminal that cannot take clipboard writes gets an explanation instead.
    app.clipboard_works = false;
    app.update(Action::CopyId);
    assert!(app.clipboard.is_none());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("OSC 52")));
}

#[test]
fn the_help_scrolls_and_swallows_other_keys() {
    let mut app = app();
    let mut view = app.view.get();
    view.help_max_scroll = 4;
    app.view.set(view);
    app.update(Action::ToggleHelp);
    for _ in 0..10 {
        app.update(Action::SelectNext);
    }
    assert_eq!(app.help_scroll, 4);
    assert_eq!(app.selected, 0, "the list did not move under the help");
    app.update(Action::ToggleHelp);
    app.update(Action::ToggleHelp);
    assert_eq!(app.help_scroll, 0);
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_where_it_points() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;
    let mut app = app();
    let mut view = app.view.get();
    view.list_rows = Rect { x: 1, y: 4, width: 30, height: 20 };
    view.list_height = 20;
    view.detail_area = Rect { x: 40, y: 3, width: 60, height: 25 };
    view.detail_max_scroll = 50;
    view.detail_height = 23;
    app.view.set(view);
    let event = |kind, column, row| MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    whatcode::mouse::handle(&mut app, event(MouseEventKind::Down(MouseButton::Left), 5, 7));
    assert_eq!(app.selected, 3);
    whatcode::mouse::handle(&mut app, event(MouseEventKind::ScrollDown, 60, 10));
    assert_eq!(app.detail_scroll, 3);
    whatcode::mouse::handle(&mut app, event(MouseEventKind::ScrollDown, 10, 10));
    assert_eq!(app.selected, 6);
    whatcode::mouse::handle(&mut app, event(MouseEventKind::Down(MouseButton::Left), 5, 200));
    assert_eq!(app.selected, 6, "a click outside the rows does nothing");
}

#[test]
fn delete_word_after_a_wide_space() {
    // Found by the long property run: U+3000 and U+00A0 are spaces of several bytes.
    let mut app = app();
    app.update(Action::Paste("ab\u{3000}cd\u{a0}ef".into()));
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "ab\u{3000}cd\u{a0}");
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "ab\u{3000}");
    app.update(Action::DeleteWord);
    assert_eq!(app.query, "");
}
