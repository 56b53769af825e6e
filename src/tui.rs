//! The terminal lifecycle and the event loop: small and synchronous. It blocks on input (no CPU
//! when idle), applies every pending event, then draws once.

use std::io;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::keymap;

/// Runs the browser until the user quits. The terminal is restored on every way out, panics
/// included (ratatui's panic hook restores it before the message prints).
pub fn run(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    // crossterm starts listening for SIGWINCH with its first poll; do it before the first frame so a
    // resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO);
    let result = event_loop(&mut terminal, app);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        handle(app, event::read()?);
        // Apply everything already queued (a held key, a fast typist) before drawing again.
        while !app.should_quit && event::poll(Duration::ZERO)? {
            handle(app, event::read()?);
        }
        if app.should_quit {
            return Ok(());
        }
    }
}

/// What one terminal event does to the app. Resizes need nothing: the next draw uses the new size.
pub fn handle(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if let Some(action) = keymap::action_for(key, app.query.is_empty()) {
                app.update(action);
            }
        }
        Event::Paste(text) => app.update(Action::Paste(text)),
        _ => {}
    }
}
