//! Counting the codes of a whole file on all cores: the file is cut into blocks at line ends, each
//! core reads its blocks with its own reader (so memory stays one buffer per core, whatever the
//! file's size), and the blocks' counts are added up in file order.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Scanner;
use super::count::tally_reader;
use super::tally::Tally;
use crate::catalog::Catalog;

/// Bytes per block: large enough that the cut costs nothing, small enough to share the work.
const BLOCK_BYTES: u64 = 8 << 20;

/// Below this size one core does it all.
const PARALLEL_FROM_BYTES: u64 = 4 << 20;

/// The counts of every code mentioned in the regular file at `path`, using up to `threads` cores.
/// `catalog` is the one `scanner` was made from.
pub fn tally_file(catalog: &Catalog, scanner: &Scanner, path: &Path, threads: usize) -> io::Result<Tally> {
    let len = std::fs::metadata(path)?.len();
    if len < PARALLEL_FROM_BYTES || threads < 2 {
        return tally_range(catalog, scanner, path, 0, len).map(|(t, _)| t);
    }
    let blocks = len.div_ceil(BLOCK_BYTES) as usize;
    // Where each block's first whole line starts (block 0 at 0), found up front: cheap, a short
    // read at each cut.
    let mut starts = Vec::with_capacity(blocks + 1);
    let mut file = File::open(path)?;
    for k in 0..blocks {
        starts.push(if k == 0 { 0 } else { line_start_from(&mut file, k as u64 * BLOCK_BYTES, len)? });
    }
    starts.push(len);
    let next = AtomicUsize::new(0);
    let results: Vec<io::Result<Vec<(usize, Tally, u64)>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(blocks))
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= blocks {
                            return Ok(mine);
                        }
                        let (start, end) = (starts[k], starts[k + 1].max(starts[k]));
                        let (tally, newlines) = tally_range(catalog, scanner, path, start, end)?;
                        mine.push((k, tally, newlines));
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    });
    let mut parts: Vec<(usize, Tally, u64)> = Vec::with_capacity(blocks);
    for r in results {
        parts.extend(r?);
    }
    parts.sort_by_key(|(k, _, _)| *k);
    let mut whole = Tally::default();
    let mut offset = 0;
    for (_, part, newlines) in parts {
        whole.append(part, offset);
        offset += newlines;
    }
    Ok(whole)
}

/// The start of the first line that begins at or after `at`.
fn line_start_from(file: &mut File, at: u64, len: u64) -> io::Result<u64> {
    let mut pos = at - 1;
    file.seek(SeekFrom::Start(pos))?;
    let mut buf = [0u8; 4096];
    while pos < len {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        if let Some(nl) = memchr::memchr(b'\n', &buf[..n]) {
            return Ok(pos + nl as u64 + 1);
        }
        pos += n as u64;
    }
    Ok(len)
}

/// Counts the lines of `start..end` (whole lines), numbering them from 1; also returns how many
/// line ends the range holds.
fn tally_range(catalog: &Catalog, scanner: &Scanner, path: &Path, start: u64, end: u64) -> io::Result<(Tally, u64)> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    tally_reader(catalog, scanner, file.take(end - start))
}
