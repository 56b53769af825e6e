//! Entry point: parse the arguments, then hand off to the browser (on a terminal, no query) or to
//! the non-interactive commands.
//!
//! On Linux with glibc the binary has its own C `main` instead of Rust's runtime start-up, which
//! finds the main thread's stack by reading `/proc/self/maps` and installs a stack-overflow
//! handler: 0.17 ms of a 1.1 ms `whatcode show` (BENCHMARKS.md). What that start-up does that
//! whatcode needs is done here: a closed pipe is an error to handle, not a signal that kills; a
//! panic exits 101; standard output is flushed at the end. (The standard library still reads the
//! arguments itself: glibc hands them to it.)
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

use std::io::{self, IsTerminal, Write};
#[cfg(any(not(all(target_os = "linux", target_env = "gnu")), test))]
use std::process::ExitCode;

use clap::Parser;

use whatcode::app::{App, Found};
use whatcode::catalog::Catalog;
use whatcode::catalog::user::{self, DataOptions};
use whatcode::cli::{self, Args, Command, Output};
use whatcode::report::{self, Layout};
use whatcode::strings::Lang;
use whatcode::theme::{Theme, no_color};
use whatcode::tui::{self, Screen};
use whatcode::{config, pager};

#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
#[unsafe(no_mangle)]
extern "C" fn main(_argc: std::ffi::c_int, _argv: *const *const std::ffi::c_char) -> std::ffi::c_int {
    // SAFETY: sets one signal's disposition before any other thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    // The panic hook has printed the message; like Rust's own start-up, the status is 101.
    let status = std::panic::catch_unwind(run).unwrap_or(101);
    let _ = io::stdout().flush();
    status.into()
}

// Elsewhere, and for the test harness (which brings its own `main`), the usual entry point.
#[cfg(any(not(all(target_os = "linux", target_env = "gnu")), test))]
fn main() -> ExitCode {
    ExitCode::from(run())
}

/// Everything `whatcode` does; the exit status.
fn run() -> u8 {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let args = match cli::quick::parse(&argv).map_or_else(Args::try_parse, Ok) {
        Ok(args) => args,
        Err(e) => {
            // --help and --version print to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() { cli::USAGE } else { 0 };
        }
    };
    let config = config::load();
    let lang = Lang::choose(args.lang.as_deref(), config.lang);
    let layout = text_layout(lang, args.color);
    if let Some(Command::Check { files, strict }) = &args.command {
        let base = match &args.replace_builtin {
            Some(path) => match user::builtin_without_family_of(path) {
                Ok(base) => base,
                Err(p) => return emit(&Output { stderr: format!("{p}\n"), status: cli::USAGE, ..Default::default() }),
            },
            None => Catalog::builtin(),
        };
        return emit(&cli::check(files, base, cli::rules(*strict)));
    }
    let options = DataOptions {
        files: args.data.clone(),
        skip_data_dir: args.no_user_data,
        replace_builtin: args.replace_builtin.clone(),
    };
    let (mut catalog, problems) = user::load_catalog(&options);
    let warnings: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let (tui_query, picking) = match &args.command {
        Some(Command::Tui { query, print }) => (Some(query.join(" ")), *print),
        Some(Command::Scan { tui: true, .. }) => (Some(String::new()), false),
        None if args.query.is_empty() => (Some(String::new()), false),
        _ => (None, false),
    };
    // `scan --tui`: read the log first (from a pipe, the browser then draws on /dev/tty).
    let mut found = None;
    if let Some(Command::Scan { files, tui: true, .. }) = &args.command {
        match scan_for_browser(&catalog, files, lang) {
            Ok(f) => found = Some(f),
            Err(message) => {
                return emit(&Output {
                    stderr: format!("whatcode: {message}\n"),
                    status: cli::USAGE,
                    ..Default::default()
                });
            }
        }
    }
    let piped = found.is_some() && !io::stdin().is_terminal();
    if let Some(query) = tui_query {
        let screen = if picking || piped { Screen::Tty } else { Screen::Stdout };
        if !can_draw(screen) {
            let stderr = problem_lines(&warnings);
            if picking {
                let stderr = format!("{stderr}whatcode: --print needs a terminal (/dev/tty)\n");
                return emit(&Output { stderr, status: cli::USAGE, ..Default::default() });
            }
            return emit(&Output { stdout: usage(&catalog, layout), stderr, status: 0 });
        }
        // A bad user file or config never stops the browser: it starts with the rest and says what
        // was left out.
        let theme = Theme::choose(config.theme).for_depth(whatcode::theme::ColorDepth::detect());
        let mut app = App::new(catalog, theme).with_lang(lang).with_query(&query);
        if let Some(found) = found.take() {
            app = app.with_found(found);
        }
        app.warnings = config.problems.iter().cloned().chain(warnings).collect();
        app.keymap = config.keymap;
        app.picking = picking;
        app.clipboard_works = tui::clipboard_works();
        app.hyperlinks = config.links && whatcode::links::terminal_takes_links();
        let options = tui::Options { screen, mouse: args.mouse || config.mouse };
        return match tui::run(&mut app, options) {
            Ok(()) if picking => match app.picked {
                Some(index) => emit(&Output::ok(format!("{}\n", app.catalog.at(index).id()))),
                // Like fzf: leaving the picker without choosing is an interruption.
                None => 130,
            },
            Ok(()) => 0,
            Err(e) => {
                eprintln!("whatcode: the terminal failed: {e}");
                1
            }
        };
    }
    for problem in &config.problems {
        let _ = writeln!(io::stderr(), "whatcode: config: {problem}");
    }
    // A broken user file never takes the tool away: the rest answers, and stderr says what was
    // left out.
    for warning in &warnings {
        let _ = writeln!(io::stderr(), "whatcode: left out: {warning}");
    }
    let json = args.json || args.format == cli::Format::Json;
    // JSON is for programs: its text stays English whatever the interface language.
    if !json {
        catalog.localize(lang.code());
    }
    if let Some(Command::Scan { files, summary, annotate, tui: false }) = &args.command {
        use cli::scan::View;
        let view = match (json, *annotate, *summary) {
            (true, _, _) => View::Json,
            (_, true, _) => View::Annotate,
            (_, _, true) => View::Summary,
            _ => cli::scan::default_view(),
        };
        let (stdout, stderr) = (io::stdout(), io::stderr());
        let (mut out, mut err) = (stdout.lock(), stderr.lock());
        let terminal = io::stdout().is_terminal();
        let mut sink = cli::scan::Sink { out: &mut out, err: &mut err, terminal };
        return cli::scan::run(&catalog, files, view, layout, &mut sink);
    }
    let page = !args.no_pager && !json;
    emit_paged(&cli::run(&args, &catalog, layout), page)
}

/// Reads the one input of `scan --tui` and counts its codes.
fn scan_for_browser(catalog: &Catalog, files: &[std::path::PathBuf], lang: Lang) -> Result<Found, String> {
    let path = match files {
        [] => None,
        [one] if one.as_os_str() == "-" => None,
        [one] => Some(one.as_path()),
        _ => return Err("scan --tui reads one input: name one file, or pipe the log in".into()),
    };
    if path.is_none() && io::stdin().is_terminal() {
        return Err(
            "scan --tui needs a log: name a file, or pipe it in (tail -n 1000 app.log | whatcode scan --tui)".into()
        );
    }
    let source = path.map_or_else(|| lang.strings().scan_stdin.to_string(), |p| p.display().to_string());
    let tally =
        cli::scan::tally_input(catalog, path).map_err(|e| format!("{}: {e}", whatcode::sanitize::clean(&source)))?;
    Ok(Found { tally, source })
}

fn problem_lines(problems: &[String]) -> String {
    problems.iter().map(|p| format!("whatcode: {p}\n")).collect()
}

/// The browser needs a real terminal (stdin and stdout, or /dev/tty in picker mode) and a TERM
/// that can draw.
fn can_draw(screen: Screen) -> bool {
    let term_ok = std::env::var("TERM").map_or(true, |t| t != "dumb");
    let ends = match screen {
        Screen::Stdout => io::stdin().is_terminal() && io::stdout().is_terminal(),
        Screen::Tty => std::fs::File::options().read(true).write(true).open("/dev/tty").is_ok(),
    };
    term_ok && ends
}

/// The widest text output wraps to, however wide the terminal: lines longer than this are hard
/// to read.
const READABLE_WIDTH: usize = 100;

/// Width to wrap text to (the terminal's up to a readable maximum, else $COLUMNS, else 80) and
/// whether to use colour (`--color`, else a terminal without NO_COLOR or TERM=dumb).
fn text_layout(lang: Lang, color: cli::ColorChoice) -> Layout {
    let tty = io::stdout().is_terminal();
    let width = tty
        .then(|| crossterm::terminal::size().ok().map(|(w, _)| w as usize))
        .flatten()
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(80)
        .min(READABLE_WIDTH);
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let color = match color {
        cli::ColorChoice::Always => true,
        cli::ColorChoice::Never => false,
        cli::ColorChoice::Auto => tty && !no_color() && !dumb,
    };
    Layout { width, color, lang }
}

/// What `whatcode` prints instead of drawing when it is not on a terminal.
fn usage(catalog: &Catalog, layout: Layout) -> String {
    let mut out = String::from(
        "whatcode explains protocol and system codes, offline.\n\n\
         Usage:\n  \
         whatcode CODE_OR_QUERY      the answer, or a ranked list (1006, 499, ECONNRESET, \"going away\")\n  \
         whatcode show ID            one code by id (http/404, ws/1006, errno/ECONNREFUSED)\n  \
         whatcode search QUERY       ranked matches\n  \
         whatcode compare A B        two codes side by side\n  \
         whatcode list [--family F]  every code\n  \
         whatcode families [F]       the families, or one family's overview\n  \
         whatcode tui [QUERY]        the interactive browser (needs a terminal)\n\
         Add --json for programs; whatcode --help for all options.\n\nFamilies:\n",
    );
    out.push_str(&report::families(catalog, layout));
    out
}

/// Writes the output and turns its status into the exit code. A closed pipe (`| head -1`) ends
/// quietly: the reader has what it wanted.
fn emit(out: &Output) -> u8 {
    emit_paged(out, false)
}

/// [`emit`], through the pager when `page` is set, stdout is a terminal and the text is taller
/// than it (like git).
fn emit_paged(out: &Output, page: bool) -> u8 {
    let write = |mut sink: Box<dyn Write>, text: &str| -> io::Result<()> {
        sink.write_all(text.as_bytes())?;
        sink.flush()
    };
    let paged = page && pager::page(&out.stdout);
    if !paged
        && let Err(e) = write(Box::new(io::stdout().lock()), &out.stdout)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(io::stderr(), "whatcode: {e}");
        return 1;
    }
    let _ = write(Box::new(io::stderr().lock()), &out.stderr);
    out.status
}
