//! The manual page (`whatcode man`): clap's NAME, SYNOPSIS, DESCRIPTION and OPTIONS, then the
//! commands, ENVIRONMENT, FILES, EXIT STATUS and KEYS written here (the key table is read from
//! the bindings, so the page cannot drift from the keys). No references to other pages.

use clap::CommandFactory;

use crate::catalog::Catalog;
use crate::cli::Args;
use crate::keymap::{BINDINGS, keys_label};
use crate::strings::EN;

/// The whole page, in roff.
pub fn render(catalog: &Catalog) -> std::io::Result<String> {
    let cmd = Args::command().about("explain protocol and system codes, offline");
    let man = clap_mangen::Man::new(cmd.clone()).title("WHATCODE").section("1").manual("whatcode manual");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // Each part clap renders repeats roff's prologue; keep it once.
    let mut page = String::new();
    for line in String::from_utf8_lossy(&out).lines() {
        let prologue = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if !(prologue && page.contains(line)) {
            page.push_str(line);
            page.push('\n');
        }
    }
    section(&mut page, "COMMANDS");
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let usage = sub.get_arguments().filter(|a| a.is_positional()).map(|a| {
            let name = a.get_id().as_str().to_uppercase();
            if a.is_required_set() { name } else { format!("[{name}]") }
        });
        let usage: Vec<String> = usage.collect();
        item(&mut page, &format!("whatcode {} {}", sub.get_name(), usage.join(" ")), &about(sub));
    }
    section(&mut page, "FAMILIES");
    let ids: Vec<String> = catalog.families().iter().map(|f| format!("{} ({})", f.id, f.name)).collect();
    paragraph(&mut page, &ids.join(", "));
    section(&mut page, "ENVIRONMENT");
    for (name, what) in [
        (
            "WHATCODE_DATA_DIR",
            "The folder of your own code files (default: $XDG_DATA_HOME/whatcode, else ~/.local/share/whatcode).",
        ),
        (
            "WHATCODE_CACHE_DIR",
            "Where parsed code files are cached (default: $XDG_CACHE_HOME/whatcode). Deleting it is always safe.",
        ),
        ("WHATCODE_CONFIG", "The config file (default: $XDG_CONFIG_HOME/whatcode/config.toml)."),
        ("WHATCODE_LANG", "Interface language, en or ru (before the locale: LC_ALL, LC_MESSAGES, LANG)."),
        ("WHATCODE_PAGER, PAGER", "The pager for long output (default: less -FRX); empty or cat turns paging off."),
        ("NO_COLOR", "Set and not empty: no colour in the browser or in text output."),
        ("COLUMNS", "The width to wrap text to when standard output is not a terminal."),
    ] {
        item(&mut page, name, what);
    }
    section(&mut page, "FILES");
    for (name, what) in [
        (
            "~/.local/share/whatcode/*.toml",
            "Your own code files: new families, or codes added to a built-in family (whatcode check validates them).",
        ),
        ("~/.config/whatcode/config.toml", "Theme, colours, keys, language, mouse and hyperlinks."),
        ("~/.cache/whatcode/", "Parsed code files, so that large ones load at once."),
    ] {
        item(&mut page, name, what);
    }
    section(&mut page, "EXIT STATUS");
    for (status, what) in [
        ("0", "An answer was printed (scan: a code was found)."),
        ("1", "Nothing matched (scan: no code found)."),
        ("2", "Bad usage, a file that could not be read, or a code file with problems (check)."),
        ("130", "The picker (tui --print) was left without a choice."),
        ("128+n", "The browser was ended by signal n (the terminal is restored first)."),
    ] {
        item(&mut page, status, what);
    }
    section(&mut page, "KEYS");
    paragraph(
        &mut page,
        "In the browser (the help, F1, lists the keys in force, including those rebound in the config):",
    );
    for b in BINDINGS {
        item(&mut page, &keys_label(b.keys), (b.help)(&EN));
    }
    Ok(page)
}

fn about(cmd: &clap::Command) -> String {
    cmd.get_about().map(ToString::to_string).unwrap_or_default()
}

/// Escapes text for roff: backslashes, and a leading dot or quote.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) { format!("\\&{text}") } else { text }
}

fn section(page: &mut String, name: &str) {
    page.push_str(&format!(".SH {name}\n"));
}

fn paragraph(page: &mut String, text: &str) {
    page.push_str(&format!(".PP\n{}\n", escape(text)));
}

fn item(page: &mut String, term: &str, text: &str) {
    page.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", escape(term), escape(text)));
}
