//! A cache of user files: what a file added to the catalog, stored in a compact binary form so the
//! next run skips TOML parsing and validation (a 10^5-code file parses in over a second; the cache
//! loads in milliseconds). Its key covers the file (path, size, modification time, inode), whatcode's
//! version, the embedded dataset and every file loaded before it, so a cached contribution is only
//! replayed in the context it was validated in. A missing, stale or corrupt cache is simply a miss.
//!
//! Layout: magic, key, length of the records, the records, then one blob holding every string. A
//! string is stored as (offset, length) into the blob; on load the blob is kept for the life of the
//! process and the records borrow from it, so loading allocates almost nothing per string.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use super::model::{CodeEntry, CompareNote, Display, Family, Range, Retry, Sender, Text};
use super::user::Contribution;

const MAGIC: &[u8; 8] = b"WHATC002";

/// Where cache files go: `$WHATCODE_CACHE_DIR`, else `$XDG_CACHE_HOME/whatcode`, else the platform's
/// cache folder.
pub fn cache_dir() -> Option<PathBuf> {
    crate::paths::Folder::Cache.path()
}

/// The key of a file in its loading context, or `None` if the file cannot be described.
pub fn key(path: &Path, previous: u64) -> Option<u64> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let mut h = DefaultHasher::new();
    (env!("CARGO_PKG_VERSION"), super::Catalog::builtin_fingerprint(), previous).hash(&mut h);
    (std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()), meta.len(), modified).hash(&mut h);
    #[cfg(unix)]
    std::os::unix::fs::MetadataExt::ino(&meta).hash(&mut h);
    Some(h.finish())
}

/// The cache file for a data file (one per path; a new key overwrites it).
fn cache_file(dir: &Path, path: &Path) -> PathBuf {
    let mut h = DefaultHasher::new();
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).hash(&mut h);
    dir.join(format!("{:016x}.bin", h.finish()))
}

/// The cached contribution of `path` under `key`, if there is a sound one.
pub fn load(dir: &Path, path: &Path, key: u64) -> Option<Contribution> {
    let file = std::fs::File::open(cache_file(dir, path)).ok()?;
    // SAFETY: cache files are only ever replaced by rename, never rewritten in place, so the
    // mapped inode does not change under us. (A user truncating it by hand could still fault.)
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    // The mapping lives as long as the catalog built from it, which is the rest of the process;
    // the strings borrow from it without a copy.
    let bytes: &'static [u8] = Box::leak(Box::new(map));
    decode(bytes, key)
}

/// Stores a contribution; failures are ignored (the cache is only an optimisation).
pub fn store(dir: &Path, path: &Path, key: u64, contribution: &Contribution) {
    let bytes = encode(contribution, key);
    let target = cache_file(dir, path);
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    let written = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&tmp, bytes));
    if written.and_then(|()| std::fs::rename(&tmp, &target)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

struct Writer {
    records: Vec<u8>,
    blob: String,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.records.push(v);
    }
    fn u32(&mut self, v: usize) {
        self.records.extend_from_slice(&(v as u32).to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.records.extend_from_slice(&v.to_le_bytes());
    }
    fn text(&mut self, s: &str) {
        self.u32(self.blob.len());
        self.u32(s.len());
        self.blob.push_str(s);
    }
    fn opt(&mut self, s: &Option<Text>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.text(s);
            }
            None => self.u8(0),
        }
    }
    fn list(&mut self, items: &[Text]) {
        self.u32(items.len());
        for item in items {
            self.text(item);
        }
    }
}

/// How many list items an entry holds (the arena's size on load).
fn list_items(e: &CodeEntry) -> usize {
    e.aliases.len() + e.fix.len() + e.references.len() + e.related.len() + e.equivalents.len()
}

fn encode(c: &Contribution, key: u64) -> Vec<u8> {
    let mut w = Writer { records: Vec::new(), blob: String::new() };
    w.u32(c.families.len());
    for f in &c.families {
        w.text(&f.id);
        w.list(&f.aliases);
        w.text(&f.name);
        w.u8(f.display as u8);
        w.list(&f.specs);
        w.text(&f.number_space);
        w.text(&f.overview);
        w.u32(f.ranges.len());
        for r in f.ranges.iter() {
            w.i64(r.start);
            w.i64(r.end);
            w.text(&r.label);
        }
    }
    w.u32(c.entries.len());
    w.u32(c.entries.iter().map(list_items).sum());
    for (k, e) in c.entries.iter().enumerate() {
        let overrides = c.overrides.binary_search(&k).is_ok();
        w.text(&e.family);
        w.text(&e.code);
        w.i64(e.value);
        w.u8(u8::from(e.end.is_some()));
        w.i64(e.end.unwrap_or(0));
        w.text(&e.name);
        w.list(&e.aliases);
        w.u8(u8::from(e.official));
        w.opt(&e.source);
        w.text(&e.summary);
        w.text(&e.description);
        w.text(&e.when);
        w.list(&e.fix);
        w.list(&e.references);
        w.list(&e.related);
        w.list(&e.equivalents);
        w.u32(e.sent_by.len());
        for s in e.sent_by.iter() {
            w.u8(Sender::ALL.iter().position(|(_, v)| v == s).unwrap_or(0) as u8);
        }
        w.u8(Retry::ALL.iter().position(|(_, v)| *v == e.retry).unwrap_or(0) as u8);
        w.u8(u8::from(e.never_sent));
        w.opt(&e.message);
        w.opt(&e.default_action);
        w.u8(match e.catchable {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        w.u8(u8::from(overrides));
    }
    w.u32(c.notes.len());
    for n in &c.notes {
        w.text(&n.a);
        w.text(&n.b);
        w.list(&n.differences);
        w.text(&n.when_to_use);
    }
    let mut out = Vec::with_capacity(24 + w.records.len() + w.blob.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(w.records.len() as u64).to_le_bytes());
    out.extend_from_slice(&w.records);
    out.extend_from_slice(w.blob.as_bytes());
    out
}

/// Bounds-checked reading of the records; every read can fail, none can panic.
struct Reader<'a> {
    records: &'a [u8],
    at: usize,
    blob: &'static str,
}

impl Reader<'_> {
    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        let end = self.at.checked_add(N)?;
        let out = self.records.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        Some(out)
    }
    fn u8(&mut self) -> Option<u8> {
        self.bytes::<1>().map(|b| b[0])
    }
    fn u32(&mut self) -> Option<usize> {
        self.bytes::<4>().map(|b| u32::from_le_bytes(b) as usize)
    }
    fn i64(&mut self) -> Option<i64> {
        self.bytes::<8>().map(i64::from_le_bytes)
    }
    fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn text(&mut self) -> Option<Text> {
        let (start, len) = (self.u32()?, self.u32()?);
        self.blob.get(start..start.checked_add(len)?).map(Cow::Borrowed)
    }
    fn opt(&mut self) -> Option<Option<Text>> {
        if self.flag()? { self.text().map(Some) } else { Some(None) }
    }
    /// A count, refused when it could not fit in what is left (a corrupt length must not allocate).
    fn count(&mut self) -> Option<usize> {
        let n = self.u32()?;
        (n <= self.records.len().saturating_sub(self.at)).then_some(n)
    }
    /// A list appended to `arena`; returns where it starts and how long it is.
    fn list_into(&mut self, arena: &mut Vec<Text>) -> Option<(usize, usize)> {
        let (start, n) = (arena.len(), self.count()?);
        for _ in 0..n {
            arena.push(self.text()?);
        }
        Some((start, n))
    }

    fn list(&mut self) -> Option<Cow<'static, [Text]>> {
        let n = self.count()?;
        (0..n).map(|_| self.text()).collect::<Option<Vec<_>>>().map(Cow::Owned)
    }
}

fn decode(bytes: &'static [u8], key: u64) -> Option<Contribution> {
    if bytes.get(..8)? != MAGIC || u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?) != key {
        return None;
    }
    let records_len = usize::try_from(u64::from_le_bytes(bytes.get(16..24)?.try_into().ok()?)).ok()?;
    let blob_start = 24usize.checked_add(records_len)?;
    let blob = std::str::from_utf8(bytes.get(blob_start..)?).ok()?;
    let mut r = Reader { records: bytes.get(24..blob_start)?, at: 0, blob };
    let mut c = Contribution::default();
    for _ in 0..r.count()? {
        let id = r.text()?;
        let aliases = r.list()?;
        let name = r.text()?;
        let display = [Display::Decimal, Display::Hex].get(usize::from(r.u8()?)).copied()?;
        let specs = r.list()?;
        let (number_space, overview) = (r.text()?, r.text()?);
        let ranges = (0..r.count()?)
            .map(|_| Some(Range { start: r.i64()?, end: r.i64()?, label: r.text()? }))
            .collect::<Option<Vec<_>>>()?;
        c.families.push(Family {
            id,
            aliases,
            name,
            display,
            specs,
            number_space,
            overview,
            ranges: Cow::Owned(ranges),
        });
    }
    let count = r.count()?;
    c.entries.reserve(count);
    // Every list of every entry goes into one arena, borrowed once it is complete: a hundred
    // thousand codes would otherwise cost half a million small allocations.
    let mut arena: Vec<Text> = Vec::with_capacity(r.count()?);
    let mut senders: Vec<Sender> = Vec::with_capacity(count);
    let mut spans: Vec<[(usize, usize); 6]> = Vec::with_capacity(count);
    for k in 0..count {
        let (family, code, value) = (r.text()?, r.text()?, r.i64()?);
        let (has_end, end) = (r.flag()?, r.i64()?);
        let name = r.text()?;
        let aliases = r.list_into(&mut arena)?;
        let (official, source) = (r.flag()?, r.opt()?);
        let (summary, description, when) = (r.text()?, r.text()?, r.text()?);
        let (fix, references) = (r.list_into(&mut arena)?, r.list_into(&mut arena)?);
        let (related, equivalents) = (r.list_into(&mut arena)?, r.list_into(&mut arena)?);
        let start = senders.len();
        for _ in 0..r.count()? {
            senders.push(Sender::ALL.get(usize::from(r.u8()?)).map(|(_, s)| *s)?);
        }
        spans.push([aliases, fix, references, related, equivalents, (start, senders.len() - start)]);
        let retry = Retry::ALL.get(usize::from(r.u8()?)).map(|(_, v)| *v)?;
        let (never_sent, message, default_action) = (r.flag()?, r.opt()?, r.opt()?);
        let catchable = match r.u8()? {
            0 => None,
            1 => Some(false),
            2 => Some(true),
            _ => return None,
        };
        if r.flag()? {
            c.overrides.push(k);
        }
        c.entries.push(CodeEntry {
            family,
            code,
            value,
            end: has_end.then_some(end),
            name,
            aliases: Cow::Borrowed(&[]),
            official,
            source,
            summary,
            description,
            when,
            fix: Cow::Borrowed(&[]),
            references: Cow::Borrowed(&[]),
            related: Cow::Borrowed(&[]),
            equivalents: Cow::Borrowed(&[]),
            sent_by: Cow::Borrowed(&[]),
            retry,
            never_sent,
            message,
            default_action,
            catchable,
        });
    }
    // The arenas live as long as the catalog, which is the rest of the process.
    let arena: &'static [Text] = Box::leak(arena.into_boxed_slice());
    let senders: &'static [Sender] = Box::leak(senders.into_boxed_slice());
    for (e, [aliases, fix, references, related, equivalents, sent_by]) in c.entries.iter_mut().zip(spans) {
        let slice = |(start, len): (usize, usize)| arena.get(start..start + len).map(Cow::Borrowed);
        e.aliases = slice(aliases)?;
        e.fix = slice(fix)?;
        e.references = slice(references)?;
        e.related = slice(related)?;
        e.equivalents = slice(equivalents)?;
        e.sent_by = Cow::Borrowed(senders.get(sent_by.0..sent_by.0 + sent_by.1)?);
    }
    for _ in 0..r.count()? {
        c.notes.push(CompareNote { a: r.text()?, b: r.text()?, differences: r.list()?, when_to_use: r.text()? });
    }
    (r.at == r.records.len()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    fn sample() -> Contribution {
        let catalog = crate::catalog::Catalog::builtin();
        Contribution {
            families: catalog.families()[..2].to_vec(),
            entries: catalog.entries()[..51].to_vec(),
            overrides: vec![50],
            notes: catalog.notes()[..5].to_vec(),
        }
    }

    #[test]
    fn round_trips() {
        let c = sample();
        let back = decode(leak(encode(&c, 7)), 7).expect("decodes");
        assert_eq!(back.families.len(), 2);
        assert_eq!(back.entries.len(), 51);
        assert_eq!(back.overrides, vec![50]);
        for (a, b) in c.entries.iter().zip(&back.entries) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        assert_eq!(format!("{:?}", c.notes), format!("{:?}", back.notes));
        assert_eq!(format!("{:?}", c.families), format!("{:?}", back.families));
    }

    #[test]
    fn a_wrong_key_or_corruption_is_a_miss_not_a_panic() {
        let bytes = encode(&sample(), 7);
        assert!(decode(leak(bytes.clone()), 8).is_none());
        for cut in [0, 5, 20, 30, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(leak(bytes[..cut].to_vec()), 7).is_none(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        for i in (24..flipped.len()).step_by(97) {
            flipped[i] ^= 0xff;
            let _ = decode(leak(flipped.clone()), 7);
        }
    }
}
