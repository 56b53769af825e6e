//! Cached codes read in place: one fixed-size record per code in a memory-mapped cache file, with
//! its strings in a shared blob. Reading a field is arithmetic on the mapping, so a catalogue of
//! 10^5 cached codes costs nothing until a code is looked at, and a search reads only the fields it
//! needs (a number query: value and code) instead of building every record first.
//!
//! Every read is bounds-checked. A cache file is only ever replaced whole (by rename) and its key
//! is checked before use, so a damaged one is unlikely; if one is, a field that does not decode
//! reads as empty (text as U+FFFD) rather than panicking or reading out of bounds.

use std::borrow::Cow;

use super::model::{CodeEntry, Retry, Sender, Text, TextList};

/// Bytes per record. Layout (little-endian; a text is `u32` offset and `u32` length into the
/// blob, an absent optional text has length `u32::MAX`; a list is `u32` start and `u32` count
/// into the list table, whose items are texts; `sent_by` is start and count into the sender bytes):
pub const RECORD: usize = 176;
const FAMILY: usize = 0;
const CODE: usize = 8;
const VALUE: usize = 16;
const END: usize = 24;
const NAME: usize = 32;
const ALIASES: usize = 40;
const SOURCE: usize = 48;
const SUMMARY: usize = 56;
const DESCRIPTION: usize = 64;
const WHEN: usize = 72;
const FIX: usize = 80;
const REFERENCES: usize = 88;
const RELATED: usize = 96;
const EQUIVALENTS: usize = 104;
const SENT_BY: usize = 112;
const MESSAGE: usize = 120;
const DEFAULT_ACTION: usize = 128;
/// One byte each: has an end, official, never sent, overrides, catchable (0 unknown, 1 no,
/// 2 yes), retry (index into `Retry::ALL`), commonness; one byte of padding.
const FLAGS: usize = 136;
const STANDARD: usize = 144;
const SIGN: usize = 152;
const USE_WHEN: usize = 160;
const SAYS: usize = 168;
const ABSENT: u32 = u32::MAX;

/// The sections of a cache file that hold its codes. All borrowed from the mapping, which lives
/// for the rest of the process.
#[derive(Clone, Copy)]
pub struct CachedEntries {
    pub(super) records: &'static [u8],
    pub(super) lists: &'static [u8],
    pub(super) senders: &'static [u8],
    pub(super) blob: &'static [u8],
}

impl std::fmt::Debug for CachedEntries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CachedEntries({} codes, {} bytes of text)", self.len(), self.blob.len())
    }
}

impl CachedEntries {
    pub fn len(&self) -> usize {
        self.records.len() / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `k`-th record; `k` must be below [`CachedEntries::len`].
    pub fn record(&self, k: usize) -> Record<'_> {
        Record { entries: self, at: k * RECORD }
    }

    /// Whether the records stay within the file: all together they reference no more list items,
    /// senders and text than the file holds. A sound writer references each exactly once (the
    /// family, written once and shared, counts once per change), so this only refuses damaged or
    /// hostile files, which could otherwise make building or searching their codes cost far more
    /// than their size. Checked once when the file is opened.
    pub fn is_sound(&self) -> bool {
        let (mut items, mut senders, mut text) = (0u64, 0u64, 0u64);
        let length = |bytes: &[u8]| match pair(bytes) {
            (_, ABSENT) => 0,
            (_, len) => u64::from(len),
        };
        let mut family: &[u8] = &[];
        for record in self.records.chunks_exact(RECORD) {
            let field = |at: usize| &record[at..at + 8];
            for list in [ALIASES, FIX, REFERENCES, RELATED, EQUIVALENTS, SAYS] {
                items += u64::from(pair(field(list)).1);
            }
            senders += u64::from(pair(field(SENT_BY)).1);
            for at in
                [CODE, NAME, SOURCE, SUMMARY, DESCRIPTION, WHEN, MESSAGE, DEFAULT_ACTION, STANDARD, SIGN, USE_WHEN]
            {
                text += length(field(at));
            }
            if field(FAMILY) != family {
                family = field(FAMILY);
                text += length(family);
            }
        }
        text += self.lists.chunks_exact(8).map(length).sum::<u64>();
        items <= (self.lists.len() / 8) as u64 && senders <= self.senders.len() as u64 && text <= self.blob.len() as u64
    }

    /// The family of every code, if they all share one (as the codes of one file do).
    pub fn single_family(&self) -> Option<&'static str> {
        let records = self.records.chunks_exact(RECORD);
        let first = self.records.get(FAMILY..FAMILY + 8)?;
        // Written once and shared, so equal references mean equal families.
        records.map(|r| &r[FAMILY..FAMILY + 8]).all(|f| f == first).then(|| self.text_at(first)).flatten()
    }

    /// Whether any code replaces one loaded before it.
    pub fn any_overrides(&self) -> bool {
        (0..self.len()).any(|k| self.record(k).overrides())
    }

    /// Whether the codes are in catalogue order within their family (value, then codes before
    /// ranges).
    pub fn is_sorted(&self) -> bool {
        (0..self.len()).map(|k| self.record(k)).is_sorted_by_key(|r| (r.value(), r.end().is_some()))
    }

    /// Every code built in full, for callers that need them all as one slice.
    pub fn build_all(&self) -> Vec<CodeEntry> {
        (0..self.len()).map(|k| self.record(k).build()).collect()
    }

    /// The text a reference points at; `None` for an absent optional text.
    fn text_at(&self, bytes: &[u8]) -> Option<&'static str> {
        let (start, len) = pair(bytes);
        if len == ABSENT {
            return None;
        }
        let (start, len) = (start as usize, len as usize);
        let bytes = start.checked_add(len).and_then(|end| self.blob.get(start..end));
        Some(bytes.and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("\u{fffd}"))
    }
}

fn pair(bytes: &[u8]) -> (u32, u32) {
    let word = |at: usize| bytes.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, u32::from_le_bytes);
    (word(0), word(4))
}

/// One cached code, read field by field.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    entries: &'a CachedEntries,
    at: usize,
}

impl<'a> Record<'a> {
    fn bytes(&self, field: usize, len: usize) -> &'static [u8] {
        self.entries.records.get(self.at + field..self.at + field + len).unwrap_or(&[])
    }

    fn text(&self, field: usize) -> &'static str {
        self.entries.text_at(self.bytes(field, 8)).unwrap_or("")
    }

    fn optional(&self, field: usize) -> Option<&'static str> {
        self.entries.text_at(self.bytes(field, 8))
    }

    fn i64(&self, field: usize) -> i64 {
        self.bytes(field, 8).try_into().map_or(0, i64::from_le_bytes)
    }

    fn flag(&self, k: usize) -> u8 {
        self.bytes(FLAGS + k, 1).first().copied().unwrap_or(0)
    }

    /// The list table's items for the list at `field` (empty if the reference is damaged).
    fn list_items(&self, field: usize) -> &'static [u8] {
        let (start, count) = pair(self.bytes(field, 8));
        let start = (start as usize).checked_mul(8);
        let end = (count as usize).checked_mul(8).zip(start).and_then(|(len, start)| start.checked_add(len));
        start.zip(end).and_then(|(start, end)| self.entries.lists.get(start..end)).unwrap_or(&[])
    }

    fn list(&self, field: usize) -> TextList {
        let items = self.list_items(field);
        Cow::Owned(items.chunks_exact(8).map(|item| Cow::Borrowed(self.entries.text_at(item).unwrap_or(""))).collect())
    }

    pub fn family(&self) -> &'static str {
        self.text(FAMILY)
    }

    pub fn code(&self) -> &'static str {
        self.text(CODE)
    }

    pub fn value(&self) -> i64 {
        self.i64(VALUE)
    }

    pub fn end(&self) -> Option<i64> {
        (self.flag(0) == 1).then(|| self.i64(END))
    }

    pub fn name(&self) -> &'static str {
        self.text(NAME)
    }

    pub fn message(&self) -> Option<&'static str> {
        self.optional(MESSAGE)
    }

    pub fn source(&self) -> Option<&'static str> {
        self.optional(SOURCE)
    }

    pub fn summary(&self) -> &'static str {
        self.text(SUMMARY)
    }

    pub fn description(&self) -> &'static str {
        self.text(DESCRIPTION)
    }

    pub fn when(&self) -> &'static str {
        self.text(WHEN)
    }

    pub fn official(&self) -> bool {
        self.flag(1) == 1
    }

    /// How often engineers meet it (0–3; a damaged byte reads as at most 3).
    pub fn commonness(&self) -> u8 {
        self.flag(6).min(3)
    }

    /// Whether this code replaces a code loaded before its file.
    pub fn overrides(&self) -> bool {
        self.flag(3) == 1
    }

    pub fn alias_count(&self) -> usize {
        self.list_items(ALIASES).len() / 8
    }

    /// The `k`-th alias ("" if there is none).
    pub fn alias(&self, k: usize) -> &'static str {
        self.list_items(ALIASES).get(k * 8..k * 8 + 8).and_then(|item| self.entries.text_at(item)).unwrap_or("")
    }

    /// The `says` phrases.
    pub fn says(&self) -> Vec<&'static str> {
        self.list_items(SAYS).chunks_exact(8).map(|item| self.entries.text_at(item).unwrap_or("")).collect()
    }

    /// The whole code, its strings still borrowed from the mapping.
    pub fn build(&self) -> CodeEntry {
        let (start, count) = pair(self.bytes(SENT_BY, 8));
        let senders =
            (start as usize).checked_add(count as usize).and_then(|end| self.entries.senders.get(start as usize..end));
        let sent_by = senders.unwrap_or(&[]).iter().filter_map(|&s| Sender::ALL.get(usize::from(s)).map(|(_, s)| *s));
        CodeEntry {
            family: Cow::Borrowed(self.family()),
            code: Cow::Borrowed(self.code()),
            value: self.value(),
            end: self.end(),
            name: Cow::Borrowed(self.name()),
            aliases: self.list(ALIASES),
            official: self.official(),
            source: self.source().map(Cow::Borrowed),
            summary: Cow::Borrowed(self.summary()),
            description: Cow::Borrowed(self.description()),
            when: Cow::Borrowed(self.when()),
            fix: self.list(FIX),
            references: self.list(REFERENCES),
            related: self.list(RELATED),
            equivalents: self.list(EQUIVALENTS),
            sent_by: Cow::Owned(sent_by.collect()),
            retry: Retry::ALL.get(usize::from(self.flag(5))).map_or(Retry::Maybe, |(_, r)| *r),
            never_sent: self.flag(2) == 1,
            message: self.message().map(Cow::Borrowed),
            default_action: self.optional(DEFAULT_ACTION).map(Cow::Borrowed),
            catchable: match self.flag(4) {
                1 => Some(false),
                2 => Some(true),
                _ => None,
            },
            standard: self.optional(STANDARD).map(Cow::Borrowed),
            commonness: self.commonness(),
            sign: self.optional(SIGN).map(Cow::Borrowed),
            use_when: self.optional(USE_WHEN).map(Cow::Borrowed),
            says: self.list(SAYS),
        }
    }
}

/// Writes records, list items, senders and strings for [`CachedEntries`] to read back.
#[derive(Default)]
pub(crate) struct RecordWriter {
    pub(crate) records: Vec<u8>,
    pub(crate) lists: Vec<u8>,
    pub(crate) senders: Vec<u8>,
    pub(crate) blob: Vec<u8>,
}

impl RecordWriter {
    fn text_ref(&mut self, s: &str) -> [u8; 8] {
        let mut out = [0; 8];
        out[..4].copy_from_slice(&(self.blob.len() as u32).to_le_bytes());
        out[4..].copy_from_slice(&(s.len() as u32).to_le_bytes());
        self.blob.extend_from_slice(s.as_bytes());
        out
    }

    fn optional_ref(&mut self, s: Option<&Text>) -> [u8; 8] {
        match s {
            Some(s) => self.text_ref(s),
            None => {
                let mut out = [0; 8];
                out[4..].copy_from_slice(&ABSENT.to_le_bytes());
                out
            }
        }
    }

    fn list_ref(&mut self, items: &[Text]) -> [u8; 8] {
        let mut out = [0; 8];
        out[..4].copy_from_slice(&((self.lists.len() / 8) as u32).to_le_bytes());
        out[4..].copy_from_slice(&(items.len() as u32).to_le_bytes());
        for item in items {
            let item = self.text_ref(item);
            self.lists.extend_from_slice(&item);
        }
        out
    }

    /// Writes the records of these codes (each with whether it overrides). Strings go to the blob
    /// in three passes so that what a query reads sits together: first what number queries read
    /// (the family, stored once, and the codes), then what name queries read (names, aliases, C
    /// messages), then the prose. A search over 10^5 cached codes then touches a few hundred
    /// kilobytes of the mapping, not all of it.
    pub(crate) fn write(&mut self, codes: &[(&CodeEntry, bool)]) {
        let mut records = vec![[0u8; RECORD]; codes.len()];
        let put = |r: &mut [u8; RECORD], field: usize, bytes: [u8; 8]| r[field..field + 8].copy_from_slice(&bytes);
        let mut families: Vec<(&str, [u8; 8])> = Vec::new();
        for (r, (e, _)) in records.iter_mut().zip(codes) {
            let family = match families.iter().find(|(f, _)| *f == e.family) {
                Some((_, at)) => *at,
                None => {
                    let at = self.text_ref(&e.family);
                    families.push((&e.family, at));
                    at
                }
            };
            put(r, FAMILY, family);
            put(r, CODE, self.text_ref(&e.code));
        }
        for (r, (e, _)) in records.iter_mut().zip(codes) {
            put(r, NAME, self.text_ref(&e.name));
            put(r, ALIASES, self.list_ref(&e.aliases));
            put(r, MESSAGE, self.optional_ref(e.message.as_ref()));
        }
        for (r, (e, overrides)) in records.iter_mut().zip(codes) {
            put(r, VALUE, e.value.to_le_bytes());
            put(r, END, e.end.unwrap_or(0).to_le_bytes());
            put(r, SOURCE, self.optional_ref(e.source.as_ref()));
            put(r, SUMMARY, self.text_ref(&e.summary));
            put(r, DESCRIPTION, self.text_ref(&e.description));
            put(r, WHEN, self.text_ref(&e.when));
            put(r, FIX, self.list_ref(&e.fix));
            put(r, REFERENCES, self.list_ref(&e.references));
            put(r, RELATED, self.list_ref(&e.related));
            put(r, EQUIVALENTS, self.list_ref(&e.equivalents));
            let mut senders = [0; 8];
            senders[..4].copy_from_slice(&(self.senders.len() as u32).to_le_bytes());
            senders[4..].copy_from_slice(&(e.sent_by.len() as u32).to_le_bytes());
            for s in e.sent_by.iter() {
                self.senders.push(Sender::ALL.iter().position(|(_, v)| v == s).unwrap_or(0) as u8);
            }
            put(r, SENT_BY, senders);
            put(r, DEFAULT_ACTION, self.optional_ref(e.default_action.as_ref()));
            let catchable = match e.catchable {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            };
            let retry = Retry::ALL.iter().position(|(_, v)| *v == e.retry).unwrap_or(0) as u8;
            let flags = [u8::from(e.end.is_some()), u8::from(e.official), u8::from(e.never_sent), u8::from(*overrides)];
            r[FLAGS..FLAGS + 4].copy_from_slice(&flags);
            r[FLAGS + 4] = catchable;
            r[FLAGS + 5] = retry;
            r[FLAGS + 6] = e.commonness;
            put(r, STANDARD, self.optional_ref(e.standard.as_ref()));
            put(r, SIGN, self.optional_ref(e.sign.as_ref()));
            put(r, USE_WHEN, self.optional_ref(e.use_when.as_ref()));
            put(r, SAYS, self.list_ref(&e.says));
        }
        self.records.extend(records.iter().flatten());
    }
}
