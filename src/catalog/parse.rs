//! Parsing a code file. A large file is cut at its `[[code]]` header lines and the pieces are
//! parsed on all cores, which also keeps the parser's working memory per piece instead of per
//! file. The pieces are only kept when they provably read as the whole file would:
//! - a cut inside a multi-line string leaves the piece before it unterminated, so it fails;
//! - every piece after the first starts with a `[[code]]` header, so no key carries across a cut,
//!   and one that has `extends` or a `[family]` table is refused (its tables would merge
//!   differently);
//! - in each piece, the codes and notes parsed must match its `[[code]]` and `[[compare]]` header
//!   lines one for one, which refuses arrays written inline (`code = [...]`), which the whole file
//!   could not extend, and headers written another way.
//!
//! Anything refused, and any error, falls back to parsing the whole file, whose errors are the
//! ones reported.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::schema::{RawCode, RawCompare, RawFamily, RawFile};

/// A piece of a file: [`RawFile`], but telling an absent array from an empty one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPiece {
    family: Option<Spanned<RawFamily>>,
    extends: Option<Spanned<String>>,
    code: Option<Vec<Spanned<RawCode>>>,
    compare: Option<Vec<Spanned<RawCompare>>>,
}

/// Below this size one piece is as quick: the split and the threads cost more than they save.
const SPLIT_FROM_BYTES: usize = 1 << 20;

/// Parses a code file as TOML into its raw tables.
pub fn parse(text: &str) -> Result<RawFile, toml::de::Error> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if text.len() >= SPLIT_FROM_BYTES && cores > 1 {
        // Four pieces per core even out pieces that parse at different speeds.
        if let Some(raw) = parse_in_pieces(text, cores * 4, cores) {
            return Ok(raw);
        }
    }
    toml::from_str(text)
}

/// The file parsed as up to `pieces` pieces on `threads` threads, or `None` when the pieces might
/// not mean what the whole file means (the caller then parses the whole file).
pub fn parse_in_pieces(text: &str, pieces: usize, threads: usize) -> Option<RawFile> {
    let cuts = cut_points(text, pieces);
    if cuts.len() < 2 {
        return None;
    }
    let ranges: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    let parsed = parse_all(text, &ranges, threads.max(1))?;
    let mut whole = RawFile { family: None, extends: None, code: Vec::new(), compare: Vec::new() };
    for (k, (range, (piece, (codes, compares)))) in ranges.iter().zip(parsed).enumerate() {
        let offset = range.start;
        let matches =
            |tables: Option<usize>, headers: usize| tables.unwrap_or(0) == headers && (headers > 0 || tables.is_none());
        if !matches(piece.code.as_ref().map(Vec::len), codes)
            || !matches(piece.compare.as_ref().map(Vec::len), compares)
        {
            return None;
        }
        if k == 0 {
            whole.family = piece.family.map(|f| shift(f, offset));
            whole.extends = piece.extends.map(|e| shift(e, offset));
        } else if piece.family.is_some() || piece.extends.is_some() {
            // Only the first piece has top-level keys; a `[family]` table after the codes is
            // valid TOML, but its pieces would not merge the way the whole file reads.
            return None;
        }
        whole.code.extend(piece.code.into_iter().flatten().map(|c| shift(c, offset)));
        whole.compare.extend(piece.compare.into_iter().flatten().map(|c| shift(c, offset)));
    }
    Some(whole)
}

/// Byte offsets where pieces start (the first is 0) plus the end: `[[code]]` header lines close
/// to equal shares of the file.
fn cut_points(text: &str, pieces: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    let share = text.len() / pieces.max(1);
    let mut headers = line_starts(text).filter(|&at| is_line(text, at, "[[code]]")).peekable();
    for k in 1..pieces {
        let target = k * share;
        while headers.next_if(|&at| at < target || at <= *cuts.last().unwrap_or(&0)).is_some() {}
        if let Some(&at) = headers.peek() {
            cuts.push(at);
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    cuts
}

/// Byte offsets of the starts of the lines of `text`.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1))
}

/// Whether the line starting at `at` is exactly `header` (a carriage return allowed).
fn is_line(text: &str, at: usize, header: &str) -> bool {
    let line = &text.as_bytes()[at..];
    line.starts_with(header.as_bytes()) && matches!(line.get(header.len()), None | Some(b'\n') | Some(b'\r'))
}

/// How many lines of a piece are exactly `[[code]]`, and how many exactly `[[compare]]`.
fn header_counts(text: &str) -> (usize, usize) {
    line_starts(text).fold((0, 0), |(codes, compares), at| {
        (codes + usize::from(is_line(text, at, "[[code]]")), compares + usize::from(is_line(text, at, "[[compare]]")))
    })
}

/// A piece parsed, with its counts of header lines.
type Parsed = (RawPiece, (usize, usize));

/// Parses every piece and counts its header lines, `threads` at a time; `None` if any piece fails.
fn parse_all(text: &str, ranges: &[Range<usize>], threads: usize) -> Option<Vec<Parsed>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Parsed>>> = ranges.iter().map(|_| Default::default()).collect();
    let failed = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..threads.min(ranges.len()) {
            s.spawn(|| {
                use std::sync::atomic::Ordering::Relaxed;
                while !failed.load(Relaxed) {
                    let k = next.fetch_add(1, Relaxed);
                    let Some(range) = ranges.get(k) else { break };
                    let piece = &text[range.clone()];
                    match toml::from_str::<RawPiece>(piece) {
                        Ok(raw) => {
                            *results[k].lock().unwrap_or_else(|e| e.into_inner()) = Some((raw, header_counts(piece)))
                        }
                        Err(_) => failed.store(true, Relaxed),
                    }
                }
            });
        }
    });
    results.into_iter().map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

fn shift<T>(spanned: Spanned<T>, offset: usize) -> Spanned<T> {
    let span = spanned.span();
    Spanned::new(span.start + offset..span.end + offset, spanned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces, when kept, read exactly as the whole file does, spans included.
    fn same_as_whole(text: &str, pieces: usize) -> bool {
        let whole: Result<RawFile, _> = toml::from_str(text);
        match parse_in_pieces(text, pieces, 2) {
            Some(split) => {
                let whole = whole.expect("pieces parsed, so the whole file must");
                assert_eq!(format!("{whole:?}"), format!("{split:?}"));
                true
            }
            None => false,
        }
    }

    const CODE: &str = "[[code]]\ncode = \"1\"\nvalue = 1\nname = \"One\"\nofficial = true\nsummary = \"s\"\n\
        description = \"d\"\nwhen = \"w\"\nfix = [\"f\"]\nreferences = [\"r\"]\nsent_by = [\"server\"]\nretry = \"no\"\n\n";

    fn file(header: &str, codes: usize, tail: &str) -> String {
        let mut text = header.to_string();
        for k in 0..codes {
            text.push_str(&CODE.replace("\"1\"", &format!("\"{k}\"")).replace("= 1\n", &format!("= {k}\n")));
        }
        text.push_str(tail);
        text
    }

    #[test]
    fn pieces_read_as_the_whole_file() {
        let compare = "[[compare]]\na = \"x/1\"\nb = \"x/2\"\ndifferences = [\"d\"]\nwhen_to_use = \"w\"\n";
        let header = "[family]\nid = \"x\"\nname = \"X\"\ndisplay = \"decimal\"\nspecs = [\"s\"]\n\
            number_space = \"n\"\noverview = \"o\"\n\n";
        for pieces in [2, 3, 7, 50] {
            assert!(same_as_whole(&file(header, 40, compare), pieces));
            assert!(same_as_whole(&file("extends = \"http\"\n\n", 40, ""), pieces));
            assert!(same_as_whole(&file(header, 40, "").replace("[[code]]\n", "[[code]]\r\n"), pieces));
        }
    }

    #[test]
    fn anything_unusual_falls_back_to_the_whole_file() {
        let header = "[family]\nid = \"x\"\nname = \"X\"\ndisplay = \"decimal\"\nspecs = [\"s\"]\n\
            number_space = \"n\"\noverview = \"o\"\n\n";
        // A header line inside a multi-line string.
        let tricky = file(header, 10, "").replacen("summary = \"s\"", "summary = \"\"\"s\n[[code]]\nmore\"\"\"", 3);
        assert!(!same_as_whole(&tricky, 4));
        // A [family] table after the codes.
        let late = file("extends = \"http\"\n", 10, "").replace("extends = \"http\"\n", "") + header;
        assert!(!same_as_whole(&late, 4));
        // Codes written inline before the headers.
        let inline = format!("code = [{{ code = \"a\" }}]\n{}", file("", 10, ""));
        assert!(!same_as_whole(&inline, 4));
        // A broken piece.
        let broken = file(header, 10, "").replacen("value = 5", "value = ", 1);
        assert!(!same_as_whole(&broken, 4));
        // Headers written another way: the pieces could not be matched with their headers.
        let spaced = file(header, 10, "").replace("[[code]]", "[[ code ]]");
        assert!(!same_as_whole(&spaced, 4));
        // Notes written inline, then extended by a header later: the whole file refuses that.
        let compare = "[[compare]]\na = \"x/1\"\nb = \"x/2\"\ndifferences = [\"d\"]\nwhen_to_use = \"w\"\n";
        let inline_notes = file(
            "extends = \"http\"\ncompare = [{ a = \"x/1\", b = \"x/3\", differences = [\"d\"], when_to_use = \"w\" }]\n",
            10,
            compare,
        );
        assert!(!same_as_whole(&inline_notes, 4));
        // An empty inline array of codes before the headers.
        let empty = format!("extends = \"http\"\ncode = []\n{}", "# padding\n".repeat(400)) + &file("", 10, "");
        assert!(!same_as_whole(&empty, 4));
    }
}
