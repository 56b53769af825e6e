//! The terminal lifecycle and the event loop: small and synchronous. It blocks on input (no CPU
//! when idle), applies every pending event, then draws once.
//!
//! Every way out restores the terminal (raw mode off, alternate screen left, cursor shown, paste
//! and mouse modes off): a normal quit, a panic anywhere, and SIGTERM, SIGHUP or SIGINT from
//! outside, which then exit with the conventional 128+n.
//!
//! The browser draws on standard output, or on `/dev/tty` in picker mode so that a script can
//! capture what it prints (`id=$(whatcode tui --print)`).

use std::fs::File;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyEventKind,
};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;

/// Set to make the loop panic after its first frame, so the end-to-end tests can prove that a
/// panic restores the terminal. Never set in normal use.
pub const PANIC_TEST_VAR: &str = "WHATCODE_PANIC_TEST";

/// Whether the screen is `/dev/tty` rather than standard output (read by `restore`, which the
/// panic hook and the signal thread also call).
static ON_TTY: AtomicBool = AtomicBool::new(false);

/// Where the browser draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Stdout,
    /// The controlling terminal, leaving standard output to the program's result.
    Tty,
}

/// How the browser runs.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub screen: Screen,
    /// Mouse capture: click to select, wheel to scroll (off by default so the terminal's own
    /// selection keeps working).
    pub mouse: bool,
}

type Backend = CrosstermBackend<Box<dyn Write>>;

fn open_screen(screen: Screen) -> io::Result<Box<dyn Write>> {
    Ok(match screen {
        Screen::Stdout => Box::new(io::stdout()),
        Screen::Tty => Box::new(File::options().write(true).open("/dev/tty")?),
    })
}

/// Runs the browser until the user quits.
pub fn run(app: &mut App, options: Options) -> io::Result<()> {
    install_panic_hook();
    install_signal_handlers()?;
    ON_TTY.store(options.screen == Screen::Tty, Ordering::SeqCst);
    let mut out = open_screen(options.screen)?;
    terminal::enable_raw_mode()?;
    execute!(out, terminal::EnterAlternateScreen, EnableBracketedPaste)?;
    if options.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    // crossterm starts listening for SIGWINCH with its first poll; do it before the first frame so a
    // resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO);
    let result = Terminal::new(CrosstermBackend::new(out)).and_then(|mut t| event_loop(&mut t, app));
    restore();
    result
}

/// Puts the terminal back the way the shell expects it. Safe to call more than once.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    fn leave(mut out: impl Write) {
        let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, terminal::LeaveAlternateScreen, cursor::Show);
        let _ = out.flush();
    }
    match ON_TTY.load(Ordering::SeqCst).then(|| File::options().write(true).open("/dev/tty")) {
        Some(Ok(tty)) => leave(tty),
        _ => leave(io::stdout()),
    }
}

fn event_loop(terminal: &mut Terminal<Backend>, app: &mut App) -> io::Result<()> {
    let panic_test = std::env::var_os(PANIC_TEST_VAR).is_some();
    loop {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if panic_test {
            panic!("deliberate panic ({PANIC_TEST_VAR} is set)");
        }
        // While the first frame is being read: after it, this returns at once.
        app.prepare_search();
        handle(app, event::read()?);
        // Apply everything already queued (a held key, a fast typist) before drawing again.
        while !app.should_quit && event::poll(Duration::ZERO)? {
            handle(app, event::read()?);
        }
        if let Some(text) = app.clipboard.take() {
            let out = terminal.backend_mut();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
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
            if let Some(action) = app.keymap.action_for(key, app.key_context()) {
                app.update(action);
            }
        }
        Event::Paste(text) => app.update(Action::Paste(text)),
        Event::Mouse(mouse) => crate::mouse::handle(app, mouse),
        _ => {}
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard. Works over
/// SSH and in tmux (with `set-clipboard on`), where no local clipboard tool could.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Whether the terminal is known to ignore OSC 52 (the Linux console, macOS Terminal, TERM=dumb).
/// Everything else gets the sequence, and the footer says what to do if nothing arrives.
pub fn clipboard_works() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    let program = std::env::var("TERM_PROGRAM").unwrap_or_default();
    !(term == "linux" || term == "dumb" || program == "Apple_Terminal")
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// On a panic: restore the terminal first, then print the message where the user can read it,
/// then say where to report it.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        default(info);
        // The message again after the backtrace (RUST_BACKTRACE=1), which can push it off screen.
        let payload = info.payload();
        let message =
            payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "\nwhatcode {} crashed ({}{place}); your terminal has been restored. This is a bug: please report \
             it in the whatcode issue tracker with the message above and the command you ran.",
            env!("CARGO_PKG_VERSION"),
            message.unwrap_or("panic"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"http/404 Not Found"), "aHR0cC80MDQgTm90IEZvdW5k");
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
