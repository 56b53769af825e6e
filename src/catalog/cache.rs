//! A cache of user files: what a file added to the catalog, stored in a compact binary form so the
//! next run skips TOML parsing and validation (a 10^5-code file parses in over a second; the cache
//! loads in milliseconds). Its key covers the file (path, size, modification time, inode), whatcode's
//! version, the embedded dataset and every file loaded before it, so a cached contribution is only
//! replayed in the context it was validated in. A missing, stale or corrupt cache is simply a miss.
//!
//! Layout: magic, key, the lengths of five sections, then the sections: families and notes (a
//! sequence of fields), the codes as fixed-size records in catalogue order (see [`super::record`]),
//! the list items, the senders, and one blob holding every string. The file is memory-mapped and
//! kept for the life of the process: families and notes borrow their strings from it, and the codes
//! are read in place, field by field, only when something looks at them.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use super::Catalog;
use super::model::{
    CodeEntry, CompareNote, Display, Family, Medium, Mention, MentionRead, Negative, Range, StandardLevel, Text,
};
use super::record::{CachedEntries, RECORD, RecordWriter};
use super::user::Contribution;

const MAGIC: &[u8; 8] = b"WHATC006";

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
pub fn load(dir: &Path, path: &Path, key: u64) -> Option<Cached> {
    let file = std::fs::File::open(cache_file(dir, path)).ok()?;
    // SAFETY: cache files are only ever replaced by rename, never rewritten in place, so the
    // mapped inode does not change under us. (A user truncating it by hand could still fault.)
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    // A stale or foreign file is dropped here, not kept mapped for the rest of the process.
    if map.get(..8)? != MAGIC || map.get(8..16)? != key.to_le_bytes() {
        return None;
    }
    // The mapping lives as long as the catalog built from it, which is the rest of the process;
    // the strings borrow from it without a copy.
    let bytes: &'static [u8] = Box::leak(Box::new(map));
    decode(bytes, key)
}

/// Stores what a file contributed to `catalog`; failures are ignored (the cache is only an
/// optimisation).
pub fn store(dir: &Path, path: &Path, key: u64, catalog: &Catalog, contribution: &Contribution) {
    let bytes = encode(catalog, contribution, key);
    let target = cache_file(dir, path);
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    let written = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&tmp, bytes));
    if written.and_then(|()| std::fs::rename(&tmp, &target)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// What a cached file adds: its families and notes decoded, its codes left in the mapping.
#[derive(Clone, Debug)]
pub struct Cached {
    pub families: Vec<Family>,
    pub notes: Vec<CompareNote>,
    pub entries: CachedEntries,
}

/// Families and notes: few and small, stored as a sequence of fields whose strings go to the
/// same blob as the codes'.
struct Writer<'a> {
    meta: Vec<u8>,
    out: &'a mut RecordWriter,
}

impl Writer<'_> {
    fn u8(&mut self, v: u8) {
        self.meta.push(v);
    }
    fn u32(&mut self, v: usize) {
        self.meta.extend_from_slice(&(v as u32).to_le_bytes());
    }
    fn i64(&mut self, v: i64) {
        self.meta.extend_from_slice(&v.to_le_bytes());
    }
    fn text(&mut self, s: &str) {
        self.u32(self.out.blob.len());
        self.u32(s.len());
        self.out.blob.extend_from_slice(s.as_bytes());
    }
    fn list(&mut self, items: &[Text]) {
        self.u32(items.len());
        for item in items {
            self.text(item);
        }
    }
    fn optional(&mut self, s: Option<&str>) {
        self.u8(u8::from(s.is_some()));
        if let Some(s) = s {
            self.text(s);
        }
    }
}

const HEADER: usize = 8 + 8 + 5 * 8;

fn encode(catalog: &Catalog, c: &Contribution, key: u64) -> Vec<u8> {
    let mut out = RecordWriter::default();
    let mut w = Writer { meta: Vec::new(), out: &mut out };
    w.u32(c.families.len());
    for f in &c.families {
        w.text(&f.id);
        w.list(&f.aliases);
        w.text(&f.name);
        w.optional(f.short.as_deref());
        w.u8(f.display as u8);
        w.u8(f.negative as u8);
        w.u8(f.medium as u8);
        w.text(&f.layer);
        w.list(&f.specs);
        w.text(&f.number_space);
        w.text(&f.overview);
        w.u32(f.ranges.len());
        for r in f.ranges.iter() {
            w.i64(r.start);
            w.i64(r.end);
            w.text(&r.label);
            w.optional(r.unknown.as_deref());
            w.optional(r.treat_as.as_deref());
        }
        w.u32(f.standards.len());
        for l in f.standards.iter() {
            w.text(&l.id);
            w.text(&l.label);
            w.u8(u8::from(l.official));
            w.text(&l.means);
        }
        w.u32(f.mentions.len());
        for m in f.mentions.iter() {
            w.text(&m.regex);
            w.u8(m.read as u8);
            w.optional(m.means.as_deref());
            w.optional(m.unless.as_deref());
            w.list(&m.examples);
        }
    }
    w.u32(c.notes.len());
    for n in &c.notes {
        w.text(&n.a);
        w.text(&n.b);
        w.list(&n.differences);
        w.text(&n.when_to_use);
    }
    let meta = w.meta;
    // In catalogue order (the positions ascend), so that a file's codes can usually join the
    // catalogue where they are, without building or sorting them.
    let built = catalog.entries();
    let codes: Vec<(&CodeEntry, bool)> =
        c.entries.iter().filter_map(|&i| Some((built.get(i)?, c.overrides.binary_search(&i).is_ok()))).collect();
    out.write(&codes);
    let sections = [&meta, &out.records, &out.lists, &out.senders, &out.blob];
    let mut bytes = Vec::with_capacity(HEADER + sections.iter().map(|s| s.len()).sum::<usize>());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.to_le_bytes());
    for section in sections {
        bytes.extend_from_slice(&(section.len() as u64).to_le_bytes());
    }
    for section in sections {
        bytes.extend_from_slice(section);
    }
    bytes
}

/// Bounds-checked reading of the families and notes; every read can fail, none can panic.
struct Reader {
    meta: &'static [u8],
    at: usize,
    blob: &'static [u8],
}

impl Reader {
    fn bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        let end = self.at.checked_add(N)?;
        let out = self.meta.get(self.at..end)?.try_into().ok()?;
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
    fn text(&mut self) -> Option<Text> {
        let (start, len) = (self.u32()?, self.u32()?);
        let bytes = self.blob.get(start..start.checked_add(len)?)?;
        std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
    }
    /// A count, refused when it could not fit in what is left (a corrupt length must not allocate).
    fn count(&mut self) -> Option<usize> {
        let n = self.u32()?;
        (n <= self.meta.len().saturating_sub(self.at)).then_some(n)
    }
    fn list(&mut self) -> Option<Cow<'static, [Text]>> {
        let n = self.count()?;
        (0..n).map(|_| self.text()).collect::<Option<Vec<_>>>().map(Cow::Owned)
    }
    fn optional(&mut self) -> Option<Option<Text>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.text().map(Some),
            _ => None,
        }
    }
    fn pick<T: Copy>(&mut self, choices: &[T]) -> Option<T> {
        choices.get(usize::from(self.u8()?)).copied()
    }
}

/// Splits a cache file into its sections, reading families and notes; the codes stay in place.
fn decode(bytes: &'static [u8], key: u64) -> Option<Cached> {
    if bytes.get(..8)? != MAGIC || u64::from_le_bytes(bytes.get(8..16)?.try_into().ok()?) != key {
        return None;
    }
    let mut sections = [&[][..]; 5];
    let mut at = HEADER;
    for (k, section) in sections.iter_mut().enumerate() {
        let len = bytes.get(16 + 8 * k..24 + 8 * k)?.try_into().ok().map(u64::from_le_bytes)?;
        let end = at.checked_add(usize::try_from(len).ok()?)?;
        *section = bytes.get(at..end)?;
        at = end;
    }
    let [meta, records, lists, senders, blob] = sections;
    if at != bytes.len() || records.len() % RECORD != 0 || lists.len() % 8 != 0 {
        return None;
    }
    let mut r = Reader { meta, at: 0, blob };
    let mut families = Vec::new();
    for _ in 0..r.count()? {
        let (id, aliases, name, short) = (r.text()?, r.list()?, r.text()?, r.optional()?);
        let display = r.pick(&Display::ALL)?;
        let negative = r.pick(&[Negative::None, Negative::Value, Negative::Negated, Negative::U32])?;
        let medium = r.pick(&[Medium::Wire, Medium::Local])?;
        let (layer, specs, number_space, overview) = (r.text()?, r.list()?, r.text()?, r.text()?);
        let ranges = (0..r.count()?)
            .map(|_| {
                Some(Range {
                    start: r.i64()?,
                    end: r.i64()?,
                    label: r.text()?,
                    unknown: r.optional()?,
                    treat_as: r.optional()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let standards = (0..r.count()?)
            .map(|_| {
                Some(StandardLevel {
                    id: r.text()?,
                    label: r.text()?,
                    official: r.pick(&[false, true])?,
                    means: r.text()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let reads = MentionRead::ALL.map(|(_, read)| read);
        let mentions = (0..r.count()?)
            .map(|_| {
                Some(Mention {
                    regex: r.text()?,
                    read: r.pick(&reads)?,
                    means: r.optional()?,
                    unless: r.optional()?,
                    examples: r.list()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        families.push(Family {
            id,
            aliases,
            name,
            short,
            display,
            negative,
            medium,
            layer,
            specs,
            number_space,
            overview,
            ranges: Cow::Owned(ranges),
            standards: Cow::Owned(standards),
            mentions: Cow::Owned(mentions),
        });
    }
    let mut notes = Vec::new();
    for _ in 0..r.count()? {
        notes.push(CompareNote { a: r.text()?, b: r.text()?, differences: r.list()?, when_to_use: r.text()? });
    }
    let entries = CachedEntries { records, lists, senders, blob };
    (r.at == meta.len() && entries.is_sound()).then_some(Cached { families, notes, entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    fn sample() -> (Catalog, Contribution) {
        let catalog = Catalog::builtin();
        let c = Contribution {
            families: catalog.families()[..2].to_vec(),
            entries: (0..51).collect(),
            overrides: vec![50],
            notes: catalog.notes()[..5].to_vec(),
        };
        (catalog, c)
    }

    #[test]
    fn round_trips() {
        let (catalog, c) = sample();
        let back = decode(leak(encode(&catalog, &c, 7)), 7).expect("decodes");
        assert_eq!(back.families.len(), 2);
        assert_eq!(back.entries.len(), 51);
        for (k, e) in catalog.entries()[..51].iter().enumerate() {
            let record = back.entries.record(k);
            assert_eq!(format!("{e:?}"), format!("{:?}", record.build()));
            // The override flag travels with its code.
            assert_eq!(record.overrides(), k == 50);
            assert_eq!(record.alias_count(), e.aliases.len());
            for (a, alias) in e.aliases.iter().enumerate() {
                assert_eq!(record.alias(a), alias.as_ref());
            }
        }
        assert_eq!(format!("{:?}", c.notes), format!("{:?}", back.notes));
        assert_eq!(format!("{:?}", c.families), format!("{:?}", back.families));
    }

    #[test]
    fn a_wrong_key_or_corruption_is_a_miss_not_a_panic() {
        let (catalog, c) = sample();
        let bytes = encode(&catalog, &c, 7);
        assert!(decode(leak(bytes.clone()), 8).is_none());
        for cut in [0, 5, 20, 30, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(leak(bytes[..cut].to_vec()), 7).is_none(), "cut at {cut}");
        }
        // Damage anywhere after the header: a miss, or codes that still read without panicking.
        let mut flipped = bytes.clone();
        for i in (HEADER..flipped.len()).step_by(97) {
            flipped[i] ^= 0xff;
            if let Some(back) = decode(leak(flipped.clone()), 7) {
                for k in 0..back.entries.len() {
                    let _ = back.entries.record(k).build();
                }
            }
        }
    }

    #[test]
    fn a_hostile_cache_that_points_everything_at_everything_is_refused() {
        let (catalog, c) = sample();
        let bytes = encode(&catalog, &c, 7);
        let length = |k: usize| u64::from_le_bytes(bytes[16 + 8 * k..24 + 8 * k].try_into().unwrap()) as usize;
        let records_at = HEADER + length(0);
        let (records_len, lists_len, blob_len) = (length(1), length(2), length(4));
        let patch = |field: usize, start: u32, len: u32| {
            let mut hostile = bytes.clone();
            for r in (records_at..records_at + records_len).step_by(RECORD) {
                hostile[r + field..r + field + 4].copy_from_slice(&start.to_le_bytes());
                hostile[r + field + 4..r + field + 8].copy_from_slice(&len.to_le_bytes());
            }
            hostile
        };
        // Every description is the whole blob; every alias list is the whole list table.
        assert!(decode(leak(patch(64, 0, blob_len as u32)), 7).is_none());
        assert!(decode(leak(patch(40, 0, (lists_len / 8) as u32)), 7).is_none());
        assert!(decode(leak(bytes), 7).is_some(), "the untouched file is sound");
    }

    /// `n` codes copied from HTTP into `family` (defined by this file if `new_family`), values
    /// shifted by `shift`, cached and replayed onto `catalog`.
    fn replay(catalog: &mut Catalog, family: &str, new_family: bool, n: usize, shift: i64) {
        let mut source = Catalog::builtin();
        let mut f = source.families()[0].clone();
        f.id = Cow::Owned(family.to_string());
        let copies: Vec<CodeEntry> = source
            .entries()
            .iter()
            .filter(|e| e.family == "http" && e.end.is_none())
            .take(n)
            .map(|e| CodeEntry {
                family: Cow::Owned(family.to_string()),
                value: e.value + shift,
                code: Cow::Owned((e.value + shift).to_string()),
                ..e.clone()
            })
            .collect();
        let start = source.len();
        source.parts_mut().1.extend(copies);
        let c = Contribution {
            families: if new_family { vec![f] } else { vec![] },
            entries: (start..start + n).collect(),
            overrides: vec![],
            notes: vec![],
        };
        let cached = decode(leak(encode(&source, &c, 1)), 1).expect("decodes");
        crate::catalog::user::apply_trusted(catalog, cached);
    }

    #[test]
    fn a_new_familys_codes_stay_in_the_cache_and_interleaving_ones_are_built() {
        let mut catalog = Catalog::builtin();
        let before = catalog.len();
        replay(&mut catalog, "zz", true, 30, 0);
        assert_eq!(catalog.cached.len(), 1, "appended in place");
        assert_eq!(catalog.len(), before + 30);
        // A second file with codes above the last ones also stays in place.
        replay(&mut catalog, "zz", false, 5, 1000);
        assert_eq!(catalog.cached.len(), 2);
        let ids: Vec<String> = catalog.iter().map(|e| e.id()).collect();
        assert_eq!(ids, catalog.entries().iter().map(CodeEntry::id).collect::<Vec<_>>());
        assert_eq!(catalog.resolve_id("zz/404").map(|i| catalog.at(i).name()), Some("Not Found"));
        // Codes in the middle of a family already there: built and sorted into place.
        replay(&mut catalog, "zz", false, 3, 1);
        assert!(catalog.cached.is_empty(), "built to interleave");
        assert_eq!(catalog.len(), before + 38);
        let zz: Vec<i64> = catalog.iter().filter(|e| e.family() == "zz").map(|e| e.value()).collect();
        assert!(zz.is_sorted(), "{zz:?}");
        assert_eq!(ids.len() + 3, catalog.iter().count());
    }
}
