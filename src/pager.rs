//! Long text output goes through a pager, as git does: `$WHATCODE_PAGER`, else `$PAGER`, else
//! `less -FRX` (quit at once if it fits, keep colours, leave the text on screen). Only when
//! standard output is a terminal and the text is taller than it; an empty pager variable or
//! `cat` turns paging off.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

/// Shows `text` through the pager if it should be paged. `false` when it was not (the caller
/// prints it).
pub fn page(text: &str) -> bool {
    if !std::io::stdout().is_terminal() {
        return false;
    }
    let rows = crossterm::terminal::size().map_or(24, |(_, rows)| usize::from(rows));
    if text.lines().count() < rows {
        return false;
    }
    let Some(command) = pager_command() else { return false };
    let mut parts = command.split_whitespace();
    let Some(program) = parts.next() else { return false };
    let mut child = match Command::new(program).args(parts).env("LESS", less_options()).stdin(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(_) => return false,
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader quitting early (q in less) closes the pipe: not an error.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

/// The pager to run, or `None` when paging is off.
fn pager_command() -> Option<String> {
    let chosen = std::env::var("WHATCODE_PAGER").or_else(|_| std::env::var("PAGER")).ok();
    match chosen {
        Some(p) if p.trim().is_empty() || p.trim() == "cat" => None,
        Some(p) => Some(p),
        None => Some("less -FRX".to_string()),
    }
}

/// `$LESS` as the user set it, else the options git uses: the text may hold colours.
fn less_options() -> String {
    std::env::var("LESS").unwrap_or_else(|_| "FRX".to_string())
}
