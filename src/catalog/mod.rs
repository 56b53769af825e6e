//! The catalog: every family, code and compare note whatcode knows, built-in and from user files.

pub mod cache;
mod embedded;
pub mod model;
mod problem;
pub mod schema;
pub mod user;
pub mod validate;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub use model::{
    CodeEntry, CompareNote, Display, Family, Range, Retry, Sender, Text, TextList, TranslatedCode, TranslatedFamily,
    TranslatedNote,
};

/// All the data, validated once. Built-in data is borrowed from static memory; adding user data
/// makes owned copies of the lists (the text itself stays borrowed).
#[derive(Clone, Debug)]
pub struct Catalog {
    families: Cow<'static, [Family]>,
    entries: Cow<'static, [CodeEntry]>,
    notes: Cow<'static, [CompareNote]>,
    /// id → entry index, built on first use (not at start-up).
    ids: OnceLock<HashMap<String, usize>>,
    /// After [`Catalog::localize`]: the ids whose text is in the chosen language.
    translated: Option<HashSet<String>>,
}

impl Catalog {
    /// The dataset embedded in the binary. Costs nothing: no parsing, no allocation.
    pub fn builtin() -> Self {
        Self {
            families: Cow::Borrowed(embedded::FAMILIES),
            entries: Cow::Borrowed(embedded::ENTRIES),
            notes: Cow::Borrowed(embedded::NOTES),
            ids: OnceLock::new(),
            translated: None,
        }
    }

    /// Puts the body text of language `lang` (`ru`) in place of the English wherever a translation
    /// exists: code texts, curated notes and family overviews. Entries without one keep their
    /// English text, and [`Catalog::is_translated`] says so.
    pub fn localize(&mut self, lang: &str) {
        if lang == "en" {
            self.translated = None;
            return;
        }
        let codes: HashMap<&str, &TranslatedCode> =
            embedded::TRANSLATED_CODES.iter().filter(|t| t.lang == lang).map(|t| (t.id, t)).collect();
        let mut done = HashSet::new();
        if !codes.is_empty() {
            for e in self.entries.to_mut() {
                let id = e.id();
                if let Some(t) = codes.get(id.as_str()) {
                    e.summary = t.summary.clone();
                    e.description = t.description.clone();
                    e.when = t.when.clone();
                    e.fix = t.fix.clone();
                    done.insert(id);
                }
            }
        }
        let notes: Vec<&TranslatedNote> = embedded::TRANSLATED_NOTES.iter().filter(|t| t.lang == lang).collect();
        if !notes.is_empty() {
            for n in self.notes.to_mut() {
                if let Some(t) = notes.iter().find(|t| t.a == n.a && t.b == n.b) {
                    n.differences = t.differences.clone();
                    n.when_to_use = t.when_to_use.clone();
                }
            }
        }
        for t in embedded::TRANSLATED_FAMILIES.iter().filter(|t| t.lang == lang) {
            if let Some(f) = self.families.to_mut().iter_mut().find(|f| f.id == t.family) {
                f.overview = t.overview.clone();
            }
        }
        self.translated = Some(done);
    }

    /// Whether the entry's text is in the language of the last [`Catalog::localize`] (always
    /// true for English).
    pub fn is_translated(&self, e: &CodeEntry) -> bool {
        self.translated.as_ref().is_none_or(|done| done.contains(&e.id()))
    }

    /// Changes whenever the embedded dataset does (for caches that depend on it).
    pub fn builtin_fingerprint() -> u64 {
        embedded::FINGERPRINT
    }

    pub fn families(&self) -> &[Family] {
        &self.families
    }

    pub fn entries(&self) -> &[CodeEntry] {
        &self.entries
    }

    pub fn notes(&self) -> &[CompareNote] {
        &self.notes
    }

    /// Mutable access for the user-file loader, which appends and overrides.
    pub(crate) fn parts_mut(&mut self) -> (&mut Vec<Family>, &mut Vec<CodeEntry>, &mut Vec<CompareNote>) {
        self.ids = OnceLock::new();
        (self.families.to_mut(), self.entries.to_mut(), self.notes.to_mut())
    }

    /// Puts entries back in catalog order (family order, then value) after user files added some.
    pub(crate) fn sort_entries(&mut self) {
        let order: HashMap<String, usize> =
            self.families.iter().enumerate().map(|(i, f)| (f.id.to_string(), i)).collect();
        self.ids = OnceLock::new();
        let key = |e: &CodeEntry| (order.get(e.family.as_ref()).copied(), e.value, e.end.is_some());
        // A new family appended in order (the usual user file) needs no moving of large records.
        if !self.entries.is_sorted_by_key(key) {
            self.entries.to_mut().sort_by_key(key);
        }
    }

    /// The family named by an id or alias (`ws`, `websocket`), case-insensitively.
    pub fn family(&self, name: &str) -> Option<&Family> {
        let name = name.trim();
        self.families
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(name))
            .or_else(|| self.families.iter().find(|f| f.is_named(name)))
    }

    /// How many codes a family has, and how many fall in each of its ranges (in `ranges` order),
    /// in one pass over the catalogue.
    pub fn family_counts(&self, family: &Family) -> (usize, Vec<usize>) {
        let mut per_range = vec![0; family.ranges.len()];
        let mut total = 0;
        for e in self.entries.iter().filter(|e| e.family == family.id) {
            total += 1;
            if let Some(i) = family.class_index(e.value) {
                per_range[i] += 1;
            }
        }
        (total, per_range)
    }

    /// The family an entry belongs to.
    pub fn family_of(&self, entry: &CodeEntry) -> Option<&Family> {
        self.families.iter().find(|f| f.id == entry.family)
    }

    /// The label of the range an entry falls in (its class), if the family has ranges.
    pub fn class_of(&self, entry: &CodeEntry) -> Option<&str> {
        let family = self.family_of(entry)?;
        family.class_of(entry.value).map(|r| r.label.as_ref())
    }

    /// Index of the entry with exactly this id (`http/404`, `websocket/4000-4999`).
    /// A few lookups (a detail's related links) scan; many (validation) should call
    /// [`Catalog::index_ids`] first, after which lookups are hashed.
    pub fn index_of_id(&self, id: &str) -> Option<usize> {
        if let Some(ids) = self.ids.get() {
            return ids.get(id).copied();
        }
        let (family, code) = id.split_once('/')?;
        self.entries.iter().position(|e| e.family == family && e.code == code)
    }

    /// Builds the id → entry map, for callers about to look up many ids.
    pub fn index_ids(&self) {
        self.ids.get_or_init(|| self.entries.iter().enumerate().map(|(i, e)| (e.id(), i)).collect());
    }

    /// Resolves what a user typed as an id: `ws/1002`, `http/404`, `errno/ECONNREFUSED`,
    /// `signal/KILL`, `http2/7`, `http2/0x7`, `websocket/4001` (inside a range entry).
    pub fn resolve_id(&self, id: &str) -> Option<usize> {
        let (family_word, code) = id.trim().split_once('/')?;
        let family = self.family(family_word)?;
        let code = code.trim();
        let in_family = |e: &&CodeEntry| e.family == family.id;
        let position = |pred: &dyn Fn(&CodeEntry) -> bool| self.entries.iter().position(|e| in_family(&e) && pred(e));
        if let Some(i) = position(&|e| e.code.eq_ignore_ascii_case(code)) {
            return Some(i);
        }
        if let Some(value) = parse_number(code) {
            return position(&|e| e.end.is_none() && e.value == value).or_else(|| position(&|e| e.covers(value)));
        }
        let bare = |s: &str| -> bool {
            s.eq_ignore_ascii_case(code) || s.strip_prefix("SIG").is_some_and(|rest| rest.eq_ignore_ascii_case(code))
        };
        position(&|e| bare(&e.name) || e.aliases.iter().any(|a| bare(a)))
    }

    /// The curated note on two entries, in either order. `true` when the note's `a` is `right`.
    pub fn note_for(&self, left: &str, right: &str) -> Option<(&CompareNote, bool)> {
        self.notes.iter().find_map(|n| {
            if n.a == left && n.b == right {
                Some((n, false))
            } else if n.a == right && n.b == left {
                Some((n, true))
            } else {
                None
            }
        })
    }
}

/// Parses a code number as people type it: `404`, `0x7`, `0X1F`. Negative and huge numbers are
/// not codes.
pub fn parse_number(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        return i64::from_str_radix(hex, 16).ok();
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decimal_and_hex_numbers() {
        assert_eq!(parse_number("404"), Some(404));
        assert_eq!(parse_number("0x7"), Some(7));
        assert_eq!(parse_number("0X1f"), Some(31));
        assert_eq!(parse_number("0x"), None);
        assert_eq!(parse_number("-1"), None);
        assert_eq!(parse_number("4xx"), None);
        assert_eq!(parse_number("99999999999999999999999"), None);
    }
}
