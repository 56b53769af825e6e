//! Reading text a line at a time from any source, in large reads, without holding more than one
//! buffer: the scanner's memory stays flat on endless input and on lines that never end.

use std::io::{self, Read};

/// How many bytes one read asks for.
const READ_BYTES: usize = 256 * 1024;

/// The longest line kept whole. A longer line is handed over in pieces of this size, all with the
/// same line number (a mention cut at a piece's edge is lost; no real log line is this long).
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Lines of a reader, with their numbers (from 1). Line ends (`\n`, `\r\n`) are not part of a
/// line.
pub struct Lines<R> {
    source: R,
    buf: Vec<u8>,
    /// Bytes of `buf` not handed out yet: `start..end`.
    start: usize,
    end: usize,
    eof: bool,
    number: u64,
    /// The current line continues a piece of a line longer than [`MAX_LINE_BYTES`].
    continued: bool,
    /// [`Next::Drained`] was given for the read about to happen.
    told: bool,
    /// Line ends (`\n`) handed out so far.
    ends: u64,
}

/// What [`Lines::next_block`] gives.
pub enum Chunk<'a> {
    /// Whole lines, each with its line end (`\n`, or `\r\n`) except perhaps the last, and the
    /// number of the first. One line may be the piece of a line longer than [`MAX_LINE_BYTES`]
    /// (the pieces share a number); lines within a block are never cut.
    Lines(u64, &'a [u8]),
    /// As [`Next::Drained`].
    Drained,
    /// The input ended.
    End,
}

/// What [`Lines::next_line`] gives.
pub enum Next<'a> {
    /// A line (or a piece of an overlong one) and its number.
    Line(u64, &'a [u8]),
    /// Every line that was read so far has been handed out; the next call reads more, and may
    /// wait for it. Streaming output is flushed here.
    Drained,
    /// The input ended.
    End,
}

impl<R: Read> Lines<R> {
    pub fn new(source: R) -> Self {
        Lines {
            source,
            buf: vec![0; READ_BYTES + MAX_LINE_BYTES],
            start: 0,
            end: 0,
            eof: false,
            number: 0,
            continued: false,
            told: false,
            ends: 0,
        }
    }

    /// Lines before the first one this reader hands out (for a reader that starts in the middle
    /// of a file).
    pub fn starting_after(mut self, lines: u64) -> Self {
        self.number = lines;
        self
    }

    /// The next line, or a sign that more must be read first, or the end.
    pub fn next_line(&mut self) -> io::Result<Next<'_>> {
        loop {
            let pending = &self.buf[self.start..self.end];
            let window = &pending[..pending.len().min(MAX_LINE_BYTES + 1)];
            if let Some(nl) = memchr::memchr(b'\n', window) {
                let at = self.start;
                self.start += nl + 1;
                self.ends += 1;
                return Ok(Next::Line(self.count(false), trim_cr(&self.buf[at..at + nl])));
            }
            if pending.len() >= MAX_LINE_BYTES {
                let at = self.start;
                self.start += MAX_LINE_BYTES;
                return Ok(Next::Line(self.count(true), &self.buf[at..at + MAX_LINE_BYTES]));
            }
            if self.eof {
                if pending.is_empty() {
                    return Ok(Next::End);
                }
                let at = self.start;
                self.start = self.end;
                return Ok(Next::Line(self.count(false), trim_cr(&self.buf[at..self.end])));
            }
            // Say so before a read that may wait, so that streaming output can be flushed.
            if !self.told {
                self.told = true;
                return Ok(Next::Drained);
            }
            self.told = false;
            self.fill()?;
        }
    }

    /// Every whole line read so far and not handed out yet, as one block (a scanner looks for
    /// codes in it with one pass of each automaton, rather than one per line), or a sign that
    /// more must be read first, or the end. A line with no end within [`MAX_LINE_BYTES`] comes
    /// in pieces, as from [`Lines::next_line`].
    pub fn next_block(&mut self) -> io::Result<Chunk<'_>> {
        loop {
            let pending = &self.buf[self.start..self.end];
            // Whole lines up to the first one too long to keep whole, which goes in pieces.
            let (mut whole, mut ends, mut line_start) = (0, 0, 0);
            for nl in memchr::memchr_iter(b'\n', pending) {
                if nl - line_start > MAX_LINE_BYTES {
                    break;
                }
                (whole, ends, line_start) = (nl + 1, ends + 1, nl + 1);
            }
            if whole > 0 {
                let at = self.start;
                let first = self.count(false);
                self.number = first + ends - 1;
                self.ends += ends;
                self.start += whole;
                return Ok(Chunk::Lines(first, &self.buf[at..at + whole]));
            }
            if pending.len() >= MAX_LINE_BYTES || self.eof {
                return Ok(match self.next_line()? {
                    Next::Line(number, line) => Chunk::Lines(number, line),
                    Next::Drained => Chunk::Drained,
                    Next::End => Chunk::End,
                });
            }
            if !self.told {
                self.told = true;
                return Ok(Chunk::Drained);
            }
            self.told = false;
            self.fill()?;
        }
    }

    /// The number of the last line handed out (0 before the first).
    pub fn last_number(&self) -> u64 {
        self.number
    }

    /// How many line ends (`\n`) were read: the number of lines a range of whole lines held.
    pub fn line_ends(&self) -> u64 {
        self.ends
    }

    /// The number of the line being handed out; `piece` when more of the same line follows.
    fn count(&mut self, piece: bool) -> u64 {
        if !self.continued {
            self.number += 1;
        }
        self.continued = piece;
        self.number
    }

    /// Moves the unread tail to the front and reads more.
    fn fill(&mut self) -> io::Result<()> {
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        loop {
            match self.source.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

/// A line without its `\r` before the line end.
pub fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8]) -> Vec<(u64, Vec<u8>)> {
        let mut lines = Lines::new(input);
        let mut out = Vec::new();
        loop {
            match lines.next_line().expect("read") {
                Next::Line(n, l) => out.push((n, l.to_vec())),
                Next::Drained => {}
                Next::End => return out,
            }
        }
    }

    #[test]
    fn splits_lines_and_numbers_them() {
        let got = all(b"one\r\ntwo\n\nlast");
        let want: Vec<(u64, Vec<u8>)> =
            vec![(1, b"one".to_vec()), (2, b"two".to_vec()), (3, Vec::new()), (4, b"last".to_vec())];
        assert_eq!(got, want);
        assert!(all(b"").is_empty());
        assert_eq!(all(b"x\n").len(), 1);
    }

    #[test]
    fn an_endless_line_comes_in_pieces_with_one_number() {
        let mut input = vec![b'a'; MAX_LINE_BYTES * 3 + 10];
        input.extend_from_slice(b"\nnext\n");
        let got = all(&input);
        assert_eq!(got.len(), 5);
        assert!(got[..4].iter().all(|(n, _)| *n == 1));
        assert_eq!(got[4], (2, b"next".to_vec()));
    }

    fn blocks(input: &[u8]) -> Vec<(u64, Vec<u8>)> {
        let mut lines = Lines::new(input);
        let mut out = Vec::new();
        loop {
            match lines.next_block().expect("read") {
                Chunk::Lines(first, block) => {
                    let block = block.strip_suffix(b"\n").unwrap_or(block);
                    for (n, line) in (first..).zip(block.split(|&b| b == b'\n')) {
                        out.push((n, trim_cr(line).to_vec()));
                    }
                }
                Chunk::Drained => {}
                Chunk::End => return out,
            }
        }
    }

    #[test]
    fn blocks_hold_the_same_lines_with_the_same_numbers() {
        for input in [&b"one\r\ntwo\n\nlast"[..], b"", b"x\n", b"\n\n", b"a\nb\n"] {
            assert_eq!(blocks(input), all(input), "{:?}", String::from_utf8_lossy(input));
        }
        let line = "y".repeat(777);
        let input: String = (0..3000).map(|k| format!("{line}{k}\n")).collect();
        assert_eq!(blocks(input.as_bytes()), all(input.as_bytes()));
        let mut endless = vec![b'a'; MAX_LINE_BYTES * 3 + 10];
        endless.extend_from_slice(b"\nnext\n");
        assert_eq!(blocks(&endless), all(&endless));
    }

    #[test]
    fn lines_across_reads_stay_whole() {
        let line = "x".repeat(1000);
        let input: String = (0..2000).map(|_| format!("{line}\n")).collect();
        let got = all(input.as_bytes());
        assert_eq!(got.len(), 2000);
        assert!(got.iter().all(|(_, l)| l.len() == 1000));
    }
}
