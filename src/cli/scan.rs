//! `whatcode scan [FILE...]`: every code that a log mentions, as a summary, as notes under the
//! lines (`--annotate`), as JSON Lines (`--json`) or as a grep-like list on a pipe. It streams:
//! each line's findings are written before the next read can wait, and memory stays flat.
//! Exit status like grep: 0 when something was found, 1 when nothing was, 2 on errors (an
//! unreadable file is named and the others are still scanned).

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::json::{FindingJson, to_line};
use crate::report::{self, Layout};
use crate::sanitize::clean;
use crate::scan::lines::{Chunk, Lines, Next};
use crate::scan::{Finding, Scanner, Scratch, Tally, tally_file, tally_reader};

/// What `scan` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The codes found, counted (the default on a terminal).
    Summary,
    /// The input unchanged, with notes under the lines that mention codes.
    Annotate,
    /// One JSON object per finding.
    Json,
    /// One line per finding, `LINE: ID NAME: MATCH` (the default on a pipe).
    List,
}

/// Where output goes, and whether it is a terminal (control characters from the input never
/// reach one).
pub struct Sink<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub terminal: bool,
}

/// Scans `files` (standard input when empty or `-`) and writes `view`. Returns the exit status.
pub fn run(catalog: &Catalog, files: &[PathBuf], view: View, layout: Layout, sink: &mut Sink<'_>) -> u8 {
    let scanner = scanner_for(catalog, files.iter().map(PathBuf::as_path));
    let stdin_only = files.is_empty();
    let sources: Vec<Option<&Path>> = if stdin_only {
        vec![None]
    } else {
        files.iter().map(|f| (f.as_os_str() != "-").then_some(f.as_path())).collect()
    };
    let named = !stdin_only && files.len() > 1;
    let mut found = false;
    let mut failed = false;
    for source in sources {
        let label = source.map_or_else(|| layout.lang.strings().scan_stdin.to_string(), |p| p.display().to_string());
        let result = match (view, source) {
            (View::Summary, Some(path)) if is_regular(path) => tally_file(catalog, &scanner, path, cores())
                .map(|tally| found |= summary(catalog, &tally, &label, layout, sink)),
            (_, Some(path)) => File::open(path).and_then(|file| {
                let file_label = named.then_some(label.as_str());
                stream(catalog, &scanner, file, view, file_label, &label, layout, sink, &mut found)
            }),
            (_, None) => stream(catalog, &scanner, io::stdin().lock(), view, None, &label, layout, sink, &mut found),
        };
        match result {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return u8::from(!found),
            Err(e) => {
                failed = true;
                let _ = writeln!(sink.err, "whatcode: {}: {e}", clean(&label));
            }
        }
    }
    let _ = sink.out.flush();
    if failed { 2 } else { u8::from(!found) }
}

/// Below this many bytes of regular files in all, the scanner that is quicker to build is also
/// quicker in all: it is built about 5 ms sooner, and scans a megabyte about 3 ms slower.
const LITTLE_INPUT_BYTES: u64 = 1 << 20;

/// The scanner for `files`: [`Scanner::for_text`] when they are a little text, known in advance
/// (regular files); [`Scanner::new`] for anything larger or of unknown size (a pipe, a terminal).
fn scanner_for<'p>(catalog: &Catalog, files: impl IntoIterator<Item = &'p Path>) -> Scanner {
    let mut files = files.into_iter().peekable();
    let any = files.peek().is_some();
    let sizes: Option<u64> =
        files.map(|f| std::fs::metadata(f).ok().filter(|m| f.as_os_str() != "-" && m.is_file()).map(|m| m.len())).sum();
    match sizes {
        Some(total) if any && total < LITTLE_INPUT_BYTES => Scanner::for_text(catalog),
        _ => Scanner::new(catalog),
    }
}

fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Writes a summary; `true` when it found something.
fn summary(catalog: &Catalog, tally: &Tally, label: &str, layout: Layout, sink: &mut Sink<'_>) -> bool {
    let _ = sink.out.write_all(report::scan_summary(catalog, tally, label, layout).as_bytes());
    !tally.is_empty()
}

/// Reads `source` and writes each line's findings as `view` says, flushing before every read
/// that may wait. `file` names the source in list and JSON output when several files are
/// scanned. Sets `found` as soon as anything is found, so a reader that closes the output part
/// way (`| head -1`) still gets the right exit status.
#[allow(clippy::too_many_arguments)]
fn stream(
    catalog: &Catalog,
    scanner: &Scanner,
    source: impl Read,
    view: View,
    file: Option<&str>,
    label: &str,
    layout: Layout,
    sink: &mut Sink<'_>,
    found: &mut bool,
) -> io::Result<()> {
    if view == View::Summary {
        let (tally, _) = tally_reader(catalog, scanner, source)?;
        *found |= summary(catalog, &tally, label, layout, sink);
        return Ok(());
    }
    let mut lines = Lines::new(source);
    let mut out = io::BufWriter::with_capacity(64 * 1024, &mut *sink.out);
    let terminal = sink.terminal;
    let mut scratch = Scratch::default();
    if view == View::Annotate {
        // Every line is written, so each is searched on its own.
        loop {
            match lines.next_line()? {
                Next::Line(_, line) => {
                    let findings = scanner.find_with(catalog, line, &mut scratch);
                    *found |= !findings.is_empty();
                    pass_through(&mut out, line, terminal)?;
                    out.write_all(report::annotation(catalog, findings, layout).as_bytes())?;
                }
                Next::Drained => out.flush()?,
                Next::End => return out.flush(),
            }
        }
    }
    loop {
        match lines.next_block()? {
            Chunk::Lines(first, block) => {
                scanner.find_lines(catalog, block, &mut scratch, |index, line, findings| {
                    *found = true;
                    let number = first + index;
                    for f in findings {
                        let text = match view {
                            View::Json => finding_json(catalog, file, number, line, f),
                            _ => list_line(catalog, file, number, line, f),
                        };
                        out.write_all(text.as_bytes())?;
                    }
                    Ok::<(), io::Error>(())
                })?
            }
            Chunk::Drained => out.flush()?,
            Chunk::End => return out.flush(),
        }
    }
}

/// The input line as it was, followed by its line end; on a terminal with control characters
/// neutralised.
fn pass_through(out: &mut impl Write, line: &[u8], terminal: bool) -> io::Result<()> {
    if terminal {
        out.write_all(clean(&String::from_utf8_lossy(line)).as_bytes())?;
    } else {
        out.write_all(line)?;
    }
    out.write_all(b"\n")
}

/// The mention's text, with invalid UTF-8 replaced.
fn matched<'a>(line: &'a [u8], f: &Finding) -> std::borrow::Cow<'a, str> {
    String::from_utf8_lossy(line.get(f.span.clone()).unwrap_or_default())
}

fn finding_json(catalog: &Catalog, file: Option<&str>, number: u64, line: &[u8], f: &Finding) -> String {
    let e = catalog.at(f.index);
    let text = matched(line, f);
    let record = FindingJson {
        file,
        line: number,
        start: f.span.start,
        end: f.span.end,
        matched: &text,
        id: e.id(),
        family: e.family(),
        code: e.code(),
        name: e.name(),
        summary: e.summary(),
    };
    to_line(&record)
}

fn list_line(catalog: &Catalog, file: Option<&str>, number: u64, line: &[u8], f: &Finding) -> String {
    let e = catalog.at(f.index);
    let prefix = file.map(|f| format!("{f}:")).unwrap_or_default();
    clean(&format!("{prefix}{number}: {} {}: {}", e.id(), e.name(), matched(line, f))) + "\n"
}

/// Counts the codes of one input for the browser (`scan --tui`): a regular file on all cores,
/// anything else (standard input, a pipe) as it streams in.
pub fn tally_input(catalog: &Catalog, path: Option<&Path>) -> io::Result<Tally> {
    let scanner = scanner_for(catalog, path);
    let source: Box<dyn Read> = match path {
        Some(path) if is_regular(path) => return tally_file(catalog, &scanner, path, cores()),
        Some(path) => Box::new(File::open(path)?),
        None => Box::new(io::stdin().lock()),
    };
    tally_reader(catalog, &scanner, source).map(|(tally, _)| tally)
}

/// The view `scan` uses when no flag chose one: the summary on a terminal, the list on a pipe.
pub fn default_view() -> View {
    if io::stdout().is_terminal() { View::Summary } else { View::List }
}
