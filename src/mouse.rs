//! The mouse, when it is switched on (`--mouse` or `mouse = true` in the config): a click selects a
//! code, the wheel moves through the list or scrolls the detail, depending on where it points.
//! Events become ordinary actions, so `App::update` stays the only place state changes.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::action::Action;
use crate::app::App;

/// Lines the wheel moves per notch.
const WHEEL_STEP: usize = 3;

/// The actions a mouse event stands for, given where the last frame drew the panes.
pub fn actions(app: &App, event: MouseEvent) -> Vec<Action> {
    let view = app.view.get();
    let at = Position { x: event.column, y: event.row };
    let inside = |r: Rect| r.contains(at);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) if inside(view.list_rows) => {
            let row = usize::from(event.row - view.list_rows.y);
            let position = view.list_offset + row;
            if position < app.hits.len() { vec![Action::SelectAt(position)] } else { Vec::new() }
        }
        MouseEventKind::ScrollDown if inside(view.detail_area) => vec![Action::ScrollDetailDown; WHEEL_STEP],
        MouseEventKind::ScrollUp if inside(view.detail_area) => vec![Action::ScrollDetailUp; WHEEL_STEP],
        MouseEventKind::ScrollDown => vec![Action::SelectNext; WHEEL_STEP],
        MouseEventKind::ScrollUp => vec![Action::SelectPrevious; WHEEL_STEP],
        _ => Vec::new(),
    }
}

/// Applies a mouse event to the app.
pub fn handle(app: &mut App, event: MouseEvent) {
    for action in actions(app, event) {
        app.update(action);
    }
}
