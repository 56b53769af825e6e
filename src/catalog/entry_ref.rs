//! A code as search and lists see it: either a built [`CodeEntry`] (the embedded dataset, parsed
//! user files) or a cached user code read in place ([`Record`]). Both answer the same questions
//! without building anything; [`EntryRef::build`] gives the whole entry when one is needed.

use std::borrow::Cow;

use super::model::CodeEntry;
use super::record::Record;

#[derive(Clone, Copy, Debug)]
pub enum EntryRef<'a> {
    Built(&'a CodeEntry),
    Cached(Record<'a>),
}

impl<'a> EntryRef<'a> {
    pub fn family(self) -> &'a str {
        match self {
            EntryRef::Built(e) => &e.family,
            EntryRef::Cached(r) => r.family(),
        }
    }

    pub fn code(self) -> &'a str {
        match self {
            EntryRef::Built(e) => &e.code,
            EntryRef::Cached(r) => r.code(),
        }
    }

    pub fn value(self) -> i64 {
        match self {
            EntryRef::Built(e) => e.value,
            EntryRef::Cached(r) => r.value(),
        }
    }

    pub fn end(self) -> Option<i64> {
        match self {
            EntryRef::Built(e) => e.end,
            EntryRef::Cached(r) => r.end(),
        }
    }

    pub fn name(self) -> &'a str {
        match self {
            EntryRef::Built(e) => &e.name,
            EntryRef::Cached(r) => r.name(),
        }
    }

    /// Whether the code is in its family's registry (or standard), rather than vendor-specific.
    pub fn official(self) -> bool {
        match self {
            EntryRef::Built(e) => e.official,
            EntryRef::Cached(r) => r.official(),
        }
    }

    /// How often engineers meet it (0–3).
    pub fn commonness(self) -> u8 {
        match self {
            EntryRef::Built(e) => e.commonness,
            EntryRef::Cached(r) => r.commonness(),
        }
    }

    pub fn summary(self) -> &'a str {
        match self {
            EntryRef::Built(e) => &e.summary,
            EntryRef::Cached(r) => r.summary(),
        }
    }

    /// errno's C library message.
    pub fn message(self) -> Option<&'a str> {
        match self {
            EntryRef::Built(e) => e.message.as_deref(),
            EntryRef::Cached(r) => r.message(),
        }
    }

    pub fn aliases(self) -> impl ExactSizeIterator<Item = &'a str> {
        let count = match self {
            EntryRef::Built(e) => e.aliases.len(),
            EntryRef::Cached(r) => r.alias_count(),
        };
        (0..count).map(move |k| self.alias(k))
    }

    /// The `k`-th alias ("" past the end).
    pub fn alias(self, k: usize) -> &'a str {
        match self {
            EntryRef::Built(e) => e.aliases.get(k).map_or("", |a| a.as_ref()),
            EntryRef::Cached(r) => r.alias(k),
        }
    }

    /// The `says` phrases: literal text that stands for this code in a log line.
    pub fn says(self) -> Vec<&'a str> {
        match self {
            EntryRef::Built(e) => e.says.iter().map(|s| s.as_ref()).collect(),
            EntryRef::Cached(r) => r.says(),
        }
    }

    /// The prose search reads for the text tier: summary, description, when you see it, and the
    /// C message and the user of a non-standard code where there are.
    pub fn prose(self) -> [Option<&'a str>; 5] {
        match self {
            EntryRef::Built(e) => {
                [Some(&e.summary), Some(&e.description), Some(&e.when), e.message.as_deref(), e.source.as_deref()]
            }
            EntryRef::Cached(r) => [Some(r.summary()), Some(r.description()), Some(r.when()), r.message(), r.source()],
        }
    }

    /// The stable id, `family/code`.
    pub fn id(self) -> String {
        format!("{}/{}", self.family(), self.code())
    }

    /// Whether this code explains `value`: its own value, or inside its range.
    pub fn covers(self, value: i64) -> bool {
        match self.end() {
            Some(end) => self.value() <= value && value <= end,
            None => self.value() == value,
        }
    }

    /// The whole entry: borrowed if it is built already, built from the cache otherwise.
    pub fn build(self) -> Cow<'a, CodeEntry> {
        match self {
            EntryRef::Built(e) => Cow::Borrowed(e),
            EntryRef::Cached(r) => Cow::Owned(r.build()),
        }
    }
}
