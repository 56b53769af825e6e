//! The JSON shapes of the CLI. Field names are a contract with scripts: extend, never rename.

use serde::Serialize;

use crate::catalog::{Catalog, CodeEntry, Family};
use crate::compare::Comparison;
use crate::search::{Hit, Matched};

/// A full entry: `id`, then every field of the record, plus its class and family name.
#[derive(Serialize)]
pub struct EntryJson<'a> {
    pub id: String,
    #[serde(flatten)]
    pub entry: &'a CodeEntry,
    pub family_name: Option<&'a str>,
    pub class: Option<&'a str>,
}

impl<'a> EntryJson<'a> {
    pub fn new(catalog: &'a Catalog, entry: &'a CodeEntry) -> Self {
        EntryJson {
            id: entry.id(),
            entry,
            family_name: catalog.family_of(entry).map(|f| f.name.as_ref()),
            class: catalog.class_of(entry),
        }
    }
}

/// A search hit: enough to pick one, plus the score and what matched.
#[derive(Serialize)]
pub struct HitJson<'a> {
    pub id: String,
    pub family: &'a str,
    pub code: &'a str,
    pub value: i64,
    pub name: &'a str,
    pub summary: &'a str,
    pub score: i64,
    /// `mention`, `code`, `range`, `name`, `alias`, `text` or `all`.
    pub matched: &'static str,
    /// For a `mention`: the text of the query that named the code (`code = Unavailable desc =`).
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_text: Option<String>,
}

impl<'a> HitJson<'a> {
    pub fn new(catalog: &'a Catalog, hit: &Hit, query: &str) -> Self {
        let e = catalog.at(hit.index);
        let matched = hit.tier.label(&hit.matched);
        let match_text = match &hit.matched {
            Matched::Mention(span) => query.get(span.clone()).map(str::to_string),
            _ => None,
        };
        HitJson {
            id: e.id(),
            family: e.family(),
            code: e.code(),
            value: e.value(),
            name: e.name(),
            summary: e.summary(),
            score: hit.score(),
            matched,
            match_text,
        }
    }
}

/// A comparison: `left`, `right`, `differences`, `when_to_use` and `curated` are a contract;
/// `intro` opens it, and `contrasts` gives each difference with the aspect it contrasts.
#[derive(Serialize)]
pub struct ComparisonJson<'a> {
    pub left: EntryJson<'a>,
    pub right: EntryJson<'a>,
    pub intro: &'a str,
    pub differences: &'a [String],
    pub contrasts: &'a [crate::compare::Contrast],
    pub when_to_use: &'a str,
    pub curated: bool,
}

impl<'a> ComparisonJson<'a> {
    pub fn new(catalog: &'a Catalog, cmp: &'a Comparison<'a>) -> Self {
        ComparisonJson {
            left: EntryJson::new(catalog, &cmp.left),
            right: EntryJson::new(catalog, &cmp.right),
            intro: &cmp.intro,
            differences: &cmp.differences,
            contrasts: &cmp.contrasts,
            when_to_use: &cmp.when_to_use,
            curated: cmp.curated,
        }
    }
}

/// A family with its size, for `whatcode families --json`.
#[derive(Serialize)]
pub struct FamilyJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: &'a [crate::catalog::Text],
    pub count: usize,
    pub display: crate::catalog::Display,
    pub specs: &'a [crate::catalog::Text],
    pub number_space: &'a str,
    pub overview: &'a str,
    pub ranges: Vec<RangeJson<'a>>,
}

#[derive(Serialize)]
pub struct RangeJson<'a> {
    pub start: i64,
    pub end: i64,
    pub label: &'a str,
    pub count: usize,
}

impl<'a> FamilyJson<'a> {
    pub fn new(catalog: &'a Catalog, f: &'a Family) -> Self {
        let (count, per_range) = catalog.family_counts(f);
        FamilyJson {
            id: &f.id,
            name: &f.name,
            aliases: &f.aliases,
            count,
            display: f.display,
            specs: &f.specs,
            number_space: &f.number_space,
            overview: &f.overview,
            ranges: f
                .ranges
                .iter()
                .zip(per_range)
                .map(|(r, count)| RangeJson { start: r.start, end: r.end, label: &r.label, count })
                .collect(),
        }
    }
}

/// Serialises to pretty JSON with a trailing newline. serde_json escapes control characters, so
/// nothing in the data can reach a terminal raw.
pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// One code found by `whatcode scan --json` (a JSON Lines record). `line`, `start`, `end`,
/// `match`, `id`, `family`, `code` and `name` are a contract.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    /// The file it was found in, when scanning files (absent on standard input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// Line number, from 1.
    pub line: u64,
    /// Byte offsets of the mention in the line.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "match")]
    pub matched: &'a str,
    pub id: String,
    pub family: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
}

/// One line of JSON Lines: compact, control characters escaped, with a newline.
pub fn to_line<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// `show` of a number in a known class that is not registered (`http/488`): what its class means
/// and the entry of the code it is treated as, if the family names one.
#[derive(Serialize)]
pub struct UnregisteredJson<'a> {
    pub id: String,
    /// Always false: the code itself is not registered.
    pub registered: bool,
    pub family: &'a str,
    pub class: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treat_as: Option<EntryJson<'a>>,
}
