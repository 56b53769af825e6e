//! Entry point: parse the arguments, then hand off to the browser (on a terminal, no query) or to
//! the non-interactive commands.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::catalog::user::{self, DataOptions};
use whatcode::cli::{self, Args, Command, Output};
use whatcode::config;
use whatcode::report::{self, Layout};
use whatcode::strings::Lang;
use whatcode::theme::{Theme, no_color};
use whatcode::tui::{self, Screen};

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // --help and --version print to stdout and exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { cli::USAGE } else { 0 });
        }
    };
    let config = config::load();
    let lang = Lang::choose(args.lang.as_deref(), config.lang);
    let layout = text_layout(lang);
    if let Some(Command::Check { files, strict }) = &args.command {
        return emit(&cli::check(files, Catalog::builtin(), cli::rules(*strict)));
    }
    let options = DataOptions { files: args.data.clone(), skip_data_dir: args.no_user_data };
    let (mut catalog, problems) = user::load_catalog(&options);
    let warnings: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let (tui_query, picking) = match &args.command {
        Some(Command::Tui { query, print }) => (Some(query.join(" ")), *print),
        None if args.query.is_empty() => (Some(String::new()), false),
        _ => (None, false),
    };
    if let Some(query) = tui_query {
        let screen = if picking { Screen::Tty } else { Screen::Stdout };
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
        let mut app = App::new(catalog, Theme::choose(config.theme)).with_lang(lang).with_query(&query);
        app.warnings = config.problems.iter().cloned().chain(warnings).collect();
        app.keymap = config.keymap;
        app.picking = picking;
        app.clipboard_works = tui::clipboard_works();
        let options = tui::Options { screen, mouse: args.mouse || config.mouse };
        return match tui::run(&mut app, options) {
            Ok(()) if picking => match app.picked {
                Some(index) => emit(&Output::ok(format!("{}\n", app.catalog.at(index).id()))),
                // Like fzf: leaving the picker without choosing is an interruption.
                None => ExitCode::from(130),
            },
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("whatcode: the terminal failed: {e}");
                ExitCode::from(1)
            }
        };
    }
    for problem in &config.problems {
        let _ = writeln!(io::stderr(), "whatcode: config: {problem}");
    }
    if !warnings.is_empty() {
        return emit(&Output { stderr: problem_lines(&warnings), status: cli::USAGE, ..Default::default() });
    }
    // JSON is for programs: its text stays English whatever the interface language.
    if !args.json {
        catalog.localize(lang.code());
    }
    emit(&cli::run(&args, &catalog, layout))
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

/// Width to wrap text to (the terminal's, else $COLUMNS, else 80) and whether to use colour.
fn text_layout(lang: Lang) -> Layout {
    let tty = io::stdout().is_terminal();
    let width = tty
        .then(|| crossterm::terminal::size().ok().map(|(w, _)| w as usize))
        .flatten()
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(80);
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    Layout { width, color: tty && !no_color() && !dumb, lang }
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
fn emit(out: &Output) -> ExitCode {
    let write = |mut sink: Box<dyn Write>, text: &str| -> io::Result<()> {
        sink.write_all(text.as_bytes())?;
        sink.flush()
    };
    if let Err(e) = write(Box::new(io::stdout().lock()), &out.stdout)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(io::stderr(), "whatcode: {e}");
        return ExitCode::from(1);
    }
    let _ = write(Box::new(io::stderr().lock()), &out.stderr);
    ExitCode::from(out.status)
}
