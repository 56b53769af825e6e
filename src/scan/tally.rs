//! What a scan found, counted: per code, how often, on which lines first and last, and the first
//! few lines that mention it as evidence. Bounded by the number of codes, whatever the input's size.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::Finding;

/// Hashes catalogue positions (small, distinct integers) by one multiplication: a tally is
/// updated once per finding, so SipHash's cost would show.
#[derive(Default)]
pub struct PositionHasher(u64);

impl Hasher for PositionHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Per-code counts, keyed by catalogue position.
pub type Stats = HashMap<usize, Stat, BuildHasherDefault<PositionHasher>>;

/// How many lines are kept per code as evidence.
pub const EVIDENCE_LINES: usize = 5;
/// How much of an evidence line is kept.
pub const EVIDENCE_BYTES: usize = 400;

/// One code's count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    /// How many times it was mentioned.
    pub count: u64,
    /// The first and last line numbers that mention it.
    pub first: u64,
    pub last: u64,
    /// The first lines that mention it: number, text (invalid UTF-8 replaced, cut to
    /// [`EVIDENCE_BYTES`]) and where the mention is in that text.
    pub evidence: Vec<Evidence>,
}

/// A line that mentions a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub line: u64,
    pub text: String,
    pub span: std::ops::Range<usize>,
}

/// The counts of a whole scan, or of a part of one.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub stats: Stats,
    /// Lines read.
    pub lines: u64,
    /// Lines that mention at least one code.
    pub lines_with_codes: u64,
}

impl Tally {
    /// Counts the findings of line `number`.
    pub fn add(&mut self, number: u64, line: &[u8], findings: &[Finding]) {
        self.lines = self.lines.max(number);
        if findings.is_empty() {
            return;
        }
        self.lines_with_codes += 1;
        for f in findings {
            let stat = self.stats.entry(f.index).or_insert_with(|| Stat { first: number, ..Stat::default() });
            stat.count += 1;
            stat.last = number;
            let new_line = stat.evidence.last().is_none_or(|e| e.line != number);
            if new_line && stat.evidence.len() < EVIDENCE_LINES {
                stat.evidence.push(evidence(number, line, f.span.clone()));
            }
        }
    }

    /// Adds the counts of the part that follows this one; its line numbers are relative to its
    /// own start, `offset` lines after the start of the whole.
    pub fn append(&mut self, later: Tally, offset: u64) {
        self.lines = self.lines.max(offset + later.lines);
        self.lines_with_codes += later.lines_with_codes;
        for (index, mut stat) in later.stats {
            for e in &mut stat.evidence {
                e.line += offset;
            }
            let (first, last) = (stat.first + offset, stat.last + offset);
            match self.stats.get_mut(&index) {
                None => {
                    self.stats.insert(index, Stat { first, last, ..stat });
                }
                Some(mine) => {
                    mine.count += stat.count;
                    mine.last = last;
                    let room = EVIDENCE_LINES.saturating_sub(mine.evidence.len());
                    mine.evidence.extend(stat.evidence.into_iter().take(room));
                }
            }
        }
    }

    /// The codes found, most mentioned first (then by first appearance).
    pub fn ranked(&self) -> Vec<(usize, &Stat)> {
        let mut out: Vec<(usize, &Stat)> = self.stats.iter().map(|(i, s)| (*i, s)).collect();
        out.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.1.first.cmp(&b.1.first)).then(a.0.cmp(&b.0)));
        out
    }

    pub fn is_empty(&self) -> bool {
        self.stats.is_empty()
    }
}

/// A line kept as evidence, cut at a character boundary, with the mention's place in it.
fn evidence(number: u64, line: &[u8], span: std::ops::Range<usize>) -> Evidence {
    let text = String::from_utf8_lossy(line);
    let mut cut = text.len().min(EVIDENCE_BYTES.max(span.end.min(text.len())));
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let kept = text[..cut].to_string();
    // Lossy decoding can shift bytes; a span that no longer fits is dropped to an empty one.
    let span = if span.end <= kept.len() && kept.is_char_boundary(span.start) && kept.is_char_boundary(span.end) {
        span
    } else {
        0..0
    };
    Evidence { line: number, text: kept, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(index: usize) -> Vec<Finding> {
        vec![Finding { span: 0..1, index }]
    }

    #[test]
    fn parts_add_up_as_one_scan() {
        let mut whole = Tally::default();
        for n in 1..=10 {
            whole.add(n, b"x", &found((n % 3) as usize));
        }
        let (mut first, mut second) = (Tally::default(), Tally::default());
        for n in 1..=6 {
            first.add(n, b"x", &found((n % 3) as usize));
        }
        for n in 7..=10 {
            second.add(n - 6, b"x", &found((n % 3) as usize));
        }
        first.append(second, 6);
        assert_eq!(first.stats, whole.stats);
        assert_eq!((first.lines, first.lines_with_codes), (whole.lines, whole.lines_with_codes));
        assert_eq!(whole.ranked()[0].0, 1, "1 is mentioned on lines 1, 4, 7, 10");
    }

    #[test]
    fn evidence_is_bounded() {
        let mut t = Tally::default();
        let long = vec![b'a'; 10_000];
        for n in 1..=100 {
            t.add(n, &long, &found(0));
        }
        let stat = &t.stats[&0];
        assert_eq!(stat.count, 100);
        assert_eq!(stat.evidence.len(), EVIDENCE_LINES);
        assert!(stat.evidence.iter().all(|e| e.text.len() <= EVIDENCE_BYTES));
    }
}
