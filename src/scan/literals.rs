//! The literal prefilter of a mention pattern: the short strings one of which every match starts
//! with. A line that holds none of them cannot match, so the scanner runs a pattern only on the
//! lines where one of its literals occurs (ripgrep's approach), found for all patterns at once by
//! one Aho-Corasick automaton.

use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// The shortest literal worth prefiltering on: one-byte literals occur on nearly every line.
pub const MIN_LITERAL_BYTES: usize = 2;

/// More literals than this for one pattern are shortened together (see [`prefixes`]).
const MAX_LITERALS: usize = 4;

/// The lower-cased literals one of which starts every match of `pattern`, or `None` when the
/// pattern has no such finite set (it then runs on every line). Lower-cased because the
/// prefilter matches ASCII case-insensitively: a `(?i)` pattern's literals fold into one.
pub fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).ok()?;
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_class(16).limit_repeat(4).limit_literal_len(12).limit_total(256);
    let seq = extractor.extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() {
        return None;
    }
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(literals.len());
    for literal in literals {
        let bytes = literal.as_bytes().to_ascii_lowercase();
        if bytes.len() < MIN_LITERAL_BYTES {
            return None;
        }
        if !out.contains(&bytes) {
            out.push(bytes);
        }
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

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_that_starts_with_text_has_it_as_its_prefilter() {
        assert_eq!(prefixes(r"\bHTTP/[0-9.]+ (?P<code>\d{3})"), Some(vec![b"http/".to_vec()]));
        assert_eq!(prefixes(r"(?i)exit code (?P<code>\d+)"), Some(vec![b"exit code ".to_vec()]));
        let alternatives = prefixes(r"(?:status|code)[=:] ?(?P<code>\d+)").expect("finite");
        assert!(alternatives.len() <= MAX_LITERALS, "{alternatives:?}");
        assert!(alternatives.iter().all(|l| l.starts_with(b"stat") || l.starts_with(b"code")), "{alternatives:?}");
    }

    #[test]
    fn a_pattern_that_starts_with_a_class_has_none() {
        assert_eq!(prefixes(r"\b(?P<code>E[A-Z]+)\b"), None);
        assert_eq!(prefixes(r"(?P<code>\d+) ms"), None);
        assert_eq!(prefixes(r"not a (valid"), None);
    }
}
