//! The literal prefilter of a mention pattern: the short strings one of which every match starts
//! with. A line that holds none of them cannot match, so the scanner runs a pattern only on the
//! lines where one of its literals occurs (ripgrep's approach), found for all patterns at once by
//! one Aho-Corasick automaton.

use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// The shortest literal worth prefiltering on: one- and two-byte literals (`40`, `re`) occur on
/// nearly every line, and each occurrence costs a regex run; a pattern whose matches can start
/// with a shorter literal goes to the scanner's set of patterns without a prefilter instead.
pub const MIN_LITERAL_BYTES: usize = 3;

/// More literals than this for one pattern are shortened together (see [`prefixes`]).
const MAX_LITERALS: usize = 16;

/// The lower-cased literals one of which starts every match of `pattern`, or `None` when the
/// pattern has no such finite set (it then runs on every line). Lower-cased because the
/// prefilter matches ASCII case-insensitively: a `(?i)` pattern's literals fold into one.
pub fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let mut out = extract(pattern, ExtractKind::Prefix, 256)?;
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
    /// Every match ends with one of these: run the pattern over the line when one occurs.
    Anywhere(Vec<Vec<u8>>),
}

/// The most selective literals a pattern has: its prefixes when they are selective, else its
/// suffixes when those are (`(?P<code>[1-5][0-9]{2}) (?:Client|Server) Error: ` starts with any
/// three digits, which occur on nearly every line, but ends with ` Error: `), else none: the
/// scanner then finds the lines it matches together with the other patterns that have none.
pub fn prefilter(pattern: &str) -> Option<Prefilter> {
    let prefix = prefixes(pattern);
    if prefix.as_ref().is_some_and(|p| p.iter().all(|l| selective(l))) {
        return prefix.map(Prefilter::Prefix);
    }
    suffixes(pattern).filter(|s| s.iter().all(|l| selective(l))).map(Prefilter::Anywhere)
}

/// Whether a literal is rare enough in logs to be worth a regex run wherever it occurs: not
/// digits, spaces and punctuation alone (`404`, `10:`, `] (`), which numbers and timestamps
/// produce on every line.
fn selective(literal: &[u8]) -> bool {
    literal.len() >= MIN_LITERAL_BYTES && literal.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// The lower-cased literals one of which ends every match of `pattern`, or `None`.
fn suffixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    extract(pattern, ExtractKind::Suffix, 64)
}

/// The distinct lower-cased literals of `kind` (prefixes or suffixes) one of which every match of
/// `pattern` has, or `None` when there is no such finite, non-empty set.
fn extract(pattern: &str, kind: ExtractKind, limit_total: usize) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).ok()?;
    let mut extractor = Extractor::new();
    extractor.kind(kind).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(limit_total);
    let seq = extractor.extract(&hir);
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
    fn a_pattern_that_starts_with_a_class_has_none() {
        assert_eq!(prefixes(r"\b(?P<code>E[A-Z]+)\b"), None);
        assert_eq!(prefixes(r"(?P<code>\d+) ms"), None);
        assert_eq!(prefixes(r"not a (valid"), None);
    }
}
