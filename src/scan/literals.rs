//! The literal prefilter of a mention pattern: the short strings one of which every match starts
//! with. A line that holds none of them cannot match, so the scanner runs a pattern only on the
//! lines where one of its literals occurs (ripgrep's approach), found for all patterns at once by
//! one Aho-Corasick automaton.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// The shortest literal worth prefiltering on: one- and two-byte literals (`40`, `re`) occur on
/// nearly every line, and each occurrence costs a regex run; a pattern whose matches can start
/// with a shorter literal goes to the scanner's set of patterns without a prefilter instead.
pub const MIN_LITERAL_BYTES: usize = 3;

/// More literals than this for one pattern are shortened together (see [`prefixes`]).
const MAX_LITERALS: usize = 64;

/// The lower-cased literals one of which starts every match of `pattern`, or `None` when the
/// pattern has no such finite set (it then runs on every line). Lower-cased because the
/// prefilter matches ASCII case-insensitively: a `(?i)` pattern's literals fold into one.
#[cfg(test)]
fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    prefixes_of(&parse(pattern)?)
}

/// [`prefixes`] for a syntax tree.
fn prefixes_of(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut out = literals_of(hir, ExtractKind::Prefix, 256)?;
    if out.iter().any(|l| l.len() < MIN_LITERAL_BYTES) {
        return None;
    }
    // Many literals that differ only in their last bytes (`http/0` ... `http/9`, from a class
    // after the text) are shortened together to their shared start: one literal is cheaper to
    // look for than eleven, and finds the same lines.
    while out.len() > MAX_LITERALS {
        let longest = out.iter().map(Vec::len).max().unwrap_or(0);
        if longest <= MIN_LITERAL_BYTES {
            break;
        }
        let shorter: Vec<Vec<u8>> =
            out.iter().map(|l| if l.len() == longest { l[..longest - 1].to_vec() } else { l.clone() }).collect();
        out.clear();
        for l in shorter {
            if !out.contains(&l) {
                out.push(l);
            }
        }
    }
    // A literal that contains another is redundant: wherever it occurs, so does the shorter one.
    let all = out.clone();
    out.retain(|l| !all.iter().any(|other| other != l && other.len() < l.len() && contains(l, other)));
    Some(out)
}

/// Where a pattern's literals are, for the scanner's prefilter.
#[derive(Debug, PartialEq, Eq)]
pub enum Prefilter {
    /// Every match starts with one of these: run the pattern anchored where one occurs.
    Prefix(Vec<Vec<u8>>),
    /// Every match ends with or holds one of these: run the pattern over the line when one
    /// occurs.
    Anywhere(Vec<Vec<u8>>),
}

/// The most selective literals a pattern has: its prefixes when they are selective, else its
/// suffixes when those are (`(?P<code>[1-5][0-9]{2}) (?:Client|Server) Error: ` starts with any
/// three digits, which occur on nearly every line, but ends with ` Error: `), else literals every
/// match holds somewhere inside (`(?:killed|exited) by signal (?P<code>\d+)` holds `signal`), else
/// none: the scanner then finds the lines it matches together with the other patterns that have
/// none.
pub fn prefilter(pattern: &str) -> Option<Prefilter> {
    let hir = parse(pattern)?;
    if let Some(starts) = prefixes_of(&hir).filter(|p| p.iter().all(|l| selective(l))) {
        return Some(Prefilter::Prefix(starts));
    }
    let ends = literals_of(&hir, ExtractKind::Suffix, 64);
    if let Some(ends) = ends.filter(|s| s.iter().all(|l| selective(l))) {
        return Some(Prefilter::Anywhere(ends));
    }
    inner(&hir).map(Prefilter::Anywhere)
}

/// Selective literals one of which every match of `hir` holds: the best of the required parts of
/// a concatenation (each part's own prefixes, or the literals inside it), the union over the
/// branches of an alternation.
fn inner(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Capture(c) => inner(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => inner(&r.sub),
        HirKind::Alternation(branches) => {
            let mut all: Vec<Vec<u8>> = Vec::new();
            for branch in branches {
                for l in inner(branch)? {
                    if !all.contains(&l) {
                        all.push(l);
                    }
                }
            }
            (all.len() <= MAX_LITERALS).then_some(all)
        }
        // What the parts from each one on start with (a `(?i)` word is a run of one-letter
        // classes, so single parts are not enough), or what a part holds inside.
        HirKind::Concat(parts) => (0..parts.len())
            .filter_map(|k| {
                let rest = Hir::concat(parts[k..].to_vec());
                let starts = literals_of(&rest, ExtractKind::Prefix, 64).filter(|s| s.iter().all(|l| selective(l)));
                starts.or_else(|| inner(&parts[k]))
            })
            .max_by_key(|set| (set.iter().map(Vec::len).min().unwrap_or(0), std::cmp::Reverse(set.len()))),
        _ => None,
    }
}

/// Whether a literal is rare enough in logs to be worth a regex run wherever it occurs: not
/// digits, spaces and punctuation alone (`404`, `10:`, `] (`), which numbers and timestamps
/// produce on every line.
fn selective(literal: &[u8]) -> bool {
    literal.len() >= MIN_LITERAL_BYTES && literal.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// A pattern's syntax tree, read the way the scanner compiles it (ASCII classes and case folding;
/// a pattern that needs Unicode is read with it).
fn parse(pattern: &str) -> Option<Hir> {
    parse_with(pattern, false)
}

/// [`parse`], with `^` and `$` at the ends of every line (`\r\n` included) when `line_anchors`:
/// for a search over a block of lines rather than one line.
pub(super) fn parse_with(pattern: &str, line_anchors: bool) -> Option<Hir> {
    let read = |unicode: bool| {
        regex_syntax::ParserBuilder::new()
            .utf8(false)
            .unicode(unicode)
            .multi_line(line_anchors)
            .crlf(line_anchors)
            .build()
            .parse(pattern)
            .ok()
    };
    read(false).or_else(|| read(true))
}

/// The distinct lower-cased literals of `kind` (prefixes or suffixes) one of which every match of
/// `hir` has, or `None` when there is no such finite, non-empty set.
fn literals_of(hir: &Hir, kind: ExtractKind, limit_total: usize) -> Option<Vec<Vec<u8>>> {
    let mut extractor = Extractor::new();
    extractor.kind(kind).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(limit_total);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(literals.len());
    for literal in literals {
        let bytes = literal.as_bytes().to_ascii_lowercase();
        if !out.contains(&bytes) {
            out.push(bytes);
        }
    }
    Some(out)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_that_starts_with_text_has_it_as_its_prefilter() {
        assert!(prefixes(r"\bHTTP/[0-9.]+ (?P<code>\d{3})").expect("finite").iter().all(|l| l.starts_with(b"http/")));
        assert_eq!(prefixes(r"(?i)exit code (?P<code>\d+)"), Some(vec![b"exit code ".to_vec()]));
        let alternatives = prefixes(r"(?:status|code)[=:] ?(?P<code>\d+)").expect("finite");
        assert!(alternatives.len() <= MAX_LITERALS, "{alternatives:?}");
        assert!(alternatives.iter().all(|l| l.starts_with(b"stat") || l.starts_with(b"code")), "{alternatives:?}");
    }

    #[test]
    fn a_pattern_that_starts_with_digits_is_found_by_its_end() {
        let Some(Prefilter::Anywhere(ends)) = prefilter(r"\b(?P<code>[1-5][0-9]{2}) (?:Client|Server) Error: ") else {
            panic!("expected the pattern's end as its prefilter");
        };
        assert_eq!(ends.len(), 2, "{ends:?}");
        assert!(ends.iter().all(|e| e.ends_with(b" error: ")), "{ends:?}");
        let Some(Prefilter::Prefix(starts)) = prefilter(r"\bHTTP/[0-9.]+ (?P<code>\d{3})") else {
            panic!("expected the pattern's start as its prefilter");
        };
        assert!(starts.iter().all(|l| l.starts_with(b"http/")), "{starts:?}");
    }

    #[test]
    fn a_pattern_without_a_selective_start_or_end_is_found_by_a_word_inside() {
        let anywhere = |pattern: &str| match prefilter(pattern) {
            Some(Prefilter::Anywhere(l)) => l,
            other => panic!("expected literals inside {pattern}, got {other:?}"),
        };
        // A `(?i)` word is a run of one-letter classes; the optional words before it do not count.
        let status = r#"(?i)\b(?:http[._]?)?status(?:[._]?code)?"?[ \t]?[=:][ \t]?"?(?P<code>[1-5][0-9]{2})"#;
        assert_eq!(anywhere(status), vec![b"status".to_vec()]);
        // The longest required part wins over a shorter one (`Response`).
        let kafka = r"\b[A-Z][A-Za-z]*Response[A-Za-z]*\((?:[^()]*?, )?error_?[cC]ode=(?P<code>-?\d{1,3})\b";
        assert_eq!(anywhere(kafka), vec![b"error_code=".to_vec(), b"errorcode=".to_vec()]);
        // An alternation holds one of its branches' literals.
        let killed = r"\](?:[+-]| ) +(?P<code>Killed|Terminated|Hangup) {2,}";
        assert_eq!(anywhere(killed).len(), 3);
        // Digits, spaces and punctuation alone are no prefilter: such a pattern runs on every line.
        assert_eq!(prefilter(r"\b(?P<code>5[0-9]{2})[ -]5\.[0-9]{1,3}\.[0-9]{1,3}\b"), None);
    }

    #[test]
    fn a_pattern_that_starts_with_a_class_has_none() {
        assert_eq!(prefixes(r"\b(?P<code>E[A-Z]+)\b"), None);
        assert_eq!(prefixes(r"(?P<code>\d+) ms"), None);
        assert_eq!(prefixes(r"not a (valid"), None);
    }
}
