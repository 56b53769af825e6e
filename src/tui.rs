//! The terminal lifecycle and the event loop: small and synchronous. It blocks on input (no CPU
//! when idle), applies every pending event, then draws once.
//!
//! Every way out restores the terminal (raw mode off, alternate screen left, cursor shown, paste
//! and mouse modes off): a normal quit, a panic anywhere, and SIGTERM, SIGHUP or SIGINT from
//! outside, which then exit with the conventional 128+n.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::keymap;

/// Set to make the loop panic after its first frame, so the end-to-end tests can prove that a
/// panic restores the terminal. Never set in normal use.
pub const PANIC_TEST_VAR: &str = "WHATCODE_PANIC_TEST";

/// Runs the browser until the user quits.
pub fn run(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    install_signal_handlers()?;
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    // crossterm starts listening for SIGWINCH with its first poll; do it before the first frame so a
    // resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO);
    let result = event_loop(&mut terminal, app);
    restore();
    result
}

/// Puts the terminal back the way the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, terminal::LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let panic_test = std::env::var_os(PANIC_TEST_VAR).is_some();
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if panic_test {
            panic!("deliberate panic ({PANIC_TEST_VAR} is set)");
        }
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

/// On a panic: restore the terminal first, then print the message where the user can read it,
/// then say where to report it.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        default(info);
        eprintln!(
            "\nwhatcode {} crashed; your terminal has been restored. This is a bug: please report it in the \
             whatcode issue tracker with the message above and the command you ran.",
            env!("CARGO_PKG_VERSION")
        );
    }));
}

/// SIGTERM, SIGHUP and SIGINT from outside: restore the terminal, exit with 128+n.
#[cfg(unix)]
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn install_signal_handlers() -> io::Result<()> {
    Ok(())
}
