//! Counting the codes of one stream of lines: read in large blocks, each block searched at once,
//! and only the lines that mention a code touched one by one.

use std::convert::Infallible;
use std::io::{self, Read};

use super::lines::{Chunk, Lines};
use super::{Scanner, Scratch, Tally};
use crate::catalog::Catalog;

/// The counts of every code mentioned in `source`, its lines numbered from 1, and how many line
/// ends it held. `catalog` is the one `scanner` was made from.
pub fn tally_reader(catalog: &Catalog, scanner: &Scanner, source: impl Read) -> io::Result<(Tally, u64)> {
    let mut lines = Lines::new(source);
    let mut tally = Tally::default();
    let mut scratch = Scratch::default();
    loop {
        match lines.next_block()? {
            Chunk::Lines(first, block) => {
                let _ = scanner.find_lines(catalog, block, &mut scratch, |index, line, found| {
                    tally.add(first + index, line, found);
                    Ok::<(), Infallible>(())
                });
            }
            Chunk::Drained => {}
            Chunk::End => break,
        }
    }
    tally.lines = tally.lines.max(lines.last_number());
    Ok((tally, lines.line_ends()))
}
