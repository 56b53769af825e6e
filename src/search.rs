//! Query parsing and ranking. Pure: takes a query and the catalog's search index, returns ranked
//! hits. The CLI and the TUI both use it.
//!
//! Ranking is by tier first (exact code > code range > exact name > alias > name prefix > code
//! prefix > fuzzy name > fuzzy alias > words in the text), then by the score inside the tier, then
//! by catalog order (family, then value).

use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalog::{Catalog, CodeEntry, Display, parse_number};

/// How a hit matched, best first. The order of the variants is the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Everything, for an empty query (or a bare family filter).
    All,
    /// The query's words all appear in the entry's text (summary, description, ...).
    Text,
    /// Fuzzy match on one of the aliases.
    FuzzyAlias,
    /// Fuzzy match on the name.
    FuzzyName,
    /// The code starts with the typed digits, or falls in a class such as `4xx`.
    CodePrefix,
    /// The name starts with the query (`econn` → ECONNREFUSED).
    NamePrefix,
    /// An alias equals the query (`teapot` → 418, `CLOSE_GOING_AWAY` → 1001).
    Alias,
    /// The name equals the query (`too many requests` → 429).
    ExactName,
    /// The number falls inside a range entry (`4001` → WebSocket 4000–4999).
    InRange,
    /// The number is the code (`1002`, `0x7`).
    ExactCode,
}

impl Tier {
    /// Tiers that identify a code on their own: a unique hit at one of these "stands out".
    pub fn is_exact(self) -> bool {
        self >= Tier::Alias
    }
}

/// Which text of the entry matched, with the matched character positions for highlighting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Matched {
    Nothing,
    /// Char positions in the displayed code.
    Code(Vec<usize>),
    /// Char positions in the name.
    Name(Vec<usize>),
    /// Which alias, and char positions in it.
    Alias(usize, Vec<usize>),
    /// Words found in the description text.
    Text,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Catalog::entries()`.
    pub index: usize,
    pub tier: Tier,
    /// Score inside the tier (fuzzy score, closeness of a prefix, ...), 0..=999.
    pub inner: i64,
    pub matched: Matched,
}

impl Hit {
    /// A hit that only names an entry, for plain lists (`list`, suggestions).
    pub fn plain(index: usize) -> Hit {
        Hit { index, tier: Tier::All, inner: 0, matched: Matched::Nothing }
    }

    /// One number for JSON and sorting: tier first, then the score inside the tier.
    pub fn score(&self) -> i64 {
        self.tier as i64 * 1000 + self.inner.clamp(0, 999)
    }
}

/// What a query asks for, once the family words are taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Nothing: list everything (in the family, if one was named).
    Everything,
    /// A number, decimal or hex, as typed (`1002`, `0x7`).
    Number { value: i64, typed: String },
    /// A class of numbers: `4xx` is 400..=499, `10xx` is 1000..=1099.
    Class { low: i64, high: i64 },
    /// Words: names, aliases and text.
    Words(String),
}

/// A parsed query: an optional family filter and what to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub family: Option<String>,
    pub pattern: Pattern,
}

impl Query {
    /// Parses what the user typed. Words naming a family (`ws`, `http`), or a `family/` prefix,
    /// become the family filter; the rest is the pattern.
    pub fn parse(input: &str, catalog: &Catalog) -> Query {
        let mut family = None;
        let mut rest: Vec<&str> = Vec::new();
        let input = input.trim();
        let input = match input.split_once('/') {
            Some((word, code)) if catalog.family(word).is_some() => {
                family = catalog.family(word).map(|f| f.id.to_string());
                code
            }
            _ => input,
        };
        for word in input.split_whitespace() {
            match catalog.family(word) {
                Some(f) if family.is_none() => family = Some(f.id.to_string()),
                _ => rest.push(word),
            }
        }
        let text = rest.join(" ");
        Query { family, pattern: Pattern::parse(&text) }
    }
}

impl Pattern {
    fn parse(text: &str) -> Pattern {
        let text = text.trim();
        if text.is_empty() {
            return Pattern::Everything;
        }
        if let Some(value) = parse_number(text) {
            return Pattern::Number { value, typed: text.to_ascii_lowercase() };
        }
        if let Some((low, high)) = parse_class(text) {
            return Pattern::Class { low, high };
        }
        Pattern::Words(text.to_lowercase())
    }
}

/// `4xx` → 400..=499, `10xx` → 1000..=1099; at least one digit and one x, digits first.
fn parse_class(text: &str) -> Option<(i64, i64)> {
    let lower = text.to_ascii_lowercase();
    let digits = lower.trim_end_matches('x');
    let xs = lower.len() - digits.len();
    if digits.is_empty() || xs == 0 || xs > 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let scale = 10_i64.pow(xs as u32);
    let low = digits.parse::<i64>().ok()?.checked_mul(scale)?;
    Some((low, low + scale - 1))
}

/// Lower-cased copies of what search looks at, built on first use and kept: number queries need
/// none of it, name queries only the names, and only word queries that reach the text tier pay
/// for normalising the descriptions.
#[derive(Default)]
pub struct SearchIndex {
    names: OnceLock<Vec<Names>>,
    text: OnceLock<TextIndex>,
    /// For a single query (the CLI) a scan of the text is cheaper than building the word index,
    /// which pays off only over many keystrokes.
    one_shot: bool,
}

/// An entry's name and aliases, normalised.
struct Names {
    name: String,
    aliases: Vec<String>,
    /// errno's C library message ("connection refused"): as good as a name to the reader.
    message: Option<String>,
    /// Which characters occur in the name, aliases and message (see [`char_mask`]): a query with a
    /// character they lack cannot match them, whatever the fuzzy matcher would say.
    mask: u64,
}

/// A bit per character class (a–z, 0–9, everything else): cheap proof that a string cannot
/// contain all of a query's characters.
fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            ' ' => 0,
            _ => 1 << 36,
        }
    })
}

/// Lower-cases and turns `_` and `-` into spaces, keeping one char per char so match positions
/// still point into the original text.
pub fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '_' | '-' => ' ',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

impl SearchIndex {
    pub fn new(_catalog: &Catalog) -> Self {
        Self::default()
    }

    /// An index for a process that runs one or two queries: no word index for the text tier.
    pub fn one_shot() -> Self {
        SearchIndex { one_shot: true, ..Self::default() }
    }

    fn names(&self, catalog: &Catalog) -> &[Names] {
        self.names.get_or_init(|| {
            catalog
                .entries()
                .iter()
                .map(|e| {
                    let name = normalize(&e.name);
                    // An alias that is the name again (CLOSE_NORMAL vs close normal) adds nothing.
                    let aliases: Vec<String> = e
                        .aliases
                        .iter()
                        .map(|a| normalize(a))
                        .map(|a| if a == name { String::new() } else { a })
                        .collect();
                    let message = e.message.as_deref().map(normalize);
                    let mask = aliases.iter().chain(message.iter()).fold(char_mask(&name), |m, a| m | char_mask(a));
                    Names { name, aliases, message, mask }
                })
                .collect()
        })
    }

    fn text(&self, catalog: &Catalog) -> &TextIndex {
        self.text.get_or_init(|| TextIndex::new(catalog))
    }
}

/// The words of every entry's text, for the text tier: a sorted vocabulary, and for each entry the
/// sorted ids of its distinct words with how often each occurs. "Does a word of this entry start
/// with `w`, and how often?" is then two binary searches instead of a scan of the description.
struct TextIndex {
    vocabulary: Vec<String>,
    words: Vec<Vec<(u32, u32)>>,
}

impl TextIndex {
    fn new(catalog: &Catalog) -> TextIndex {
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut words: Vec<Vec<(u32, u32)>> = catalog
            .entries()
            .iter()
            .map(|e| {
                let text = searchable_text(e);
                let mut all: Vec<u32> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let next = ids.len() as u32;
                        *ids.entry(w.to_string()).or_insert(next)
                    })
                    .collect();
                all.sort_unstable();
                let mut counted: Vec<(u32, u32)> = Vec::new();
                for id in all {
                    match counted.last_mut() {
                        Some((last, n)) if *last == id => *n += 1,
                        _ => counted.push((id, 1)),
                    }
                }
                counted
            })
            .collect();
        // Renumber in lexicographic order, so the words starting with a prefix are one id range.
        let mut vocabulary: Vec<(String, u32)> = ids.into_iter().collect();
        vocabulary.sort_unstable();
        let mut rank = vec![0u32; vocabulary.len()];
        for (new, (_, old)) in vocabulary.iter().enumerate() {
            rank[*old as usize] = new as u32;
        }
        for list in &mut words {
            for (id, _) in list.iter_mut() {
                *id = rank[*id as usize];
            }
            list.sort_unstable();
        }
        TextIndex { vocabulary: vocabulary.into_iter().map(|(w, _)| w).collect(), words }
    }

    /// The ids of the words that start with `prefix`.
    fn range(&self, prefix: &str) -> (u32, u32) {
        let lo = self.vocabulary.partition_point(|w| w.as_str() < prefix);
        let hi = lo + self.vocabulary[lo..].partition_point(|w| w.starts_with(prefix));
        (lo as u32, hi as u32)
    }

    /// How often the entry's words fall in the ranges, if every range has one.
    fn matches(&self, entry: usize, ranges: &[(u32, u32)]) -> Option<usize> {
        let ids = &self.words[entry];
        ranges.iter().try_fold(0, |count, &(lo, hi)| {
            let start = ids.partition_point(|&(id, _)| id < lo);
            let found = &ids[start..start + ids[start..].partition_point(|&(id, _)| id < hi)];
            (!found.is_empty()).then(|| count + found.iter().map(|&(_, n)| n as usize).sum::<usize>())
        })
    }
}

/// How the text tier checks an entry for this query.
enum TextCheck<'a> {
    /// Every query word is a word prefix: use the index.
    Index(&'a TextIndex, Vec<(u32, u32)>),
    /// A query word has punctuation the index splits on: scan the text.
    Scan,
}

impl TextCheck<'_> {
    fn matches(&self, e: &CodeEntry, i: usize, words: &[&str]) -> Option<usize> {
        match self {
            TextCheck::Index(index, ranges) => index.matches(i, ranges),
            TextCheck::Scan => {
                let text = searchable_text(e);
                words
                    .iter()
                    .all(|w| contains_word_prefix(&text, w))
                    .then(|| words.iter().map(|w| text.matches(w).count()).sum())
            }
        }
    }
}

fn searchable_text(e: &CodeEntry) -> String {
    let mut text = String::with_capacity(e.summary.len() + e.description.len() + e.when.len() + 64);
    for part in [&e.summary, &e.description, &e.when] {
        text.push_str(part);
        text.push(' ');
    }
    for part in [&e.message, &e.source].into_iter().flatten() {
        text.push_str(part);
        text.push(' ');
    }
    normalize(&text)
}

/// Runs a query over the catalog and returns the hits, best first.
pub fn search(catalog: &Catalog, index: &SearchIndex, query: &Query) -> Vec<Hit> {
    let entries = catalog.entries();
    let in_family = |e: &CodeEntry| query.family.as_deref().is_none_or(|f| e.family == f);
    let mut hits: Vec<Hit> = Vec::new();
    match &query.pattern {
        Pattern::Everything => {
            for (i, e) in entries.iter().enumerate().filter(|(_, e)| in_family(e)) {
                let _ = e;
                hits.push(Hit::plain(i));
            }
        }
        Pattern::Number { value, typed } => {
            let hex_families: Vec<&str> =
                catalog.families().iter().filter(|f| f.display == Display::Hex).map(|f| f.id.as_ref()).collect();
            let typed_hex = typed.starts_with("0x");
            for (i, e) in entries.iter().enumerate().filter(|(_, e)| in_family(e)) {
                // A decimal number inside a hex family's range block is a coincidence, not a query.
                if e.end.is_some() && !typed_hex && hex_families.contains(&e.family.as_ref()) {
                    continue;
                }
                if let Some(mut hit) = number_hit(i, e, *value, typed) {
                    // Within a tier, a family written the way the number was typed comes first:
                    // `0x7` is HTTP/2's 0x7 before errno 7, and `7` the other way round.
                    if typed_hex == hex_families.contains(&e.family.as_ref()) {
                        hit.inner += 1;
                    }
                    hits.push(hit);
                }
            }
        }
        Pattern::Class { low, high } => {
            for (i, e) in entries.iter().enumerate().filter(|(_, e)| in_family(e)) {
                if e.end.is_none() && (*low..=*high).contains(&e.value) {
                    hits.push(Hit { index: i, tier: Tier::CodePrefix, inner: 0, matched: Matched::Nothing });
                }
            }
        }
        Pattern::Words(words) => {
            let needle = normalize(words);
            let needle_words: Vec<&str> = needle.split_whitespace().collect();
            let needle_mask = char_mask(&needle);
            let names = index.names(catalog);
            let text = if !index.one_shot && needle_words.iter().all(|w| w.chars().all(char::is_alphanumeric)) {
                let text = index.text(catalog);
                TextCheck::Index(text, needle_words.iter().map(|w| text.range(w)).collect())
            } else {
                TextCheck::Scan
            };
            let scan = |range: std::ops::Range<usize>| -> Vec<Hit> {
                let matcher = SkimMatcherV2::default().ignore_case();
                range
                    .filter(|&i| in_family(&entries[i]))
                    .filter_map(|i| {
                        words_hit(i, &entries[i], &names[i], &text, &matcher, &needle, &needle_words, needle_mask)
                    })
                    .collect()
            };
            hits = scan_in_parallel(entries.len(), scan);
        }
    }
    hits.sort_by(|a, b| b.tier.cmp(&a.tier).then(b.inner.cmp(&a.inner)).then(a.index.cmp(&b.index)));
    // Fuzzy positions cost a second pass of the matcher: only the hits a screen can show get them
    // here; `with_positions` gives any other hit its positions when it is drawn.
    if let Pattern::Words(words) = &query.pattern {
        let needle = normalize(words);
        for hit in hits.iter_mut().take(POSITIONED_HITS) {
            *hit = with_positions(catalog, &needle, hit);
        }
    }
    hits
}

fn number_hit(i: usize, e: &CodeEntry, value: i64, typed: &str) -> Option<Hit> {
    if e.end.is_none() && e.value == value {
        let len = e.code.chars().count();
        return Some(Hit { index: i, tier: Tier::ExactCode, inner: 0, matched: Matched::Code((0..len).collect()) });
    }
    if e.end.is_some() && e.covers(value) {
        return Some(Hit { index: i, tier: Tier::InRange, inner: 0, matched: Matched::Nothing });
    }
    let code = e.code.as_bytes();
    let is_prefix = code.len() >= typed.len() && code[..typed.len()].eq_ignore_ascii_case(typed.as_bytes());
    if e.end.is_none() && is_prefix {
        // Closer lengths first: `10` ranks 100 before 1000.
        let extra = (code.len() - typed.len()) as i64;
        return Some(Hit {
            index: i,
            tier: Tier::CodePrefix,
            inner: 998 - extra.min(998),
            matched: Matched::Code((0..typed.chars().count()).collect()),
        });
    }
    None
}

/// How many of the best fuzzy hits get their match positions during the search.
pub const POSITIONED_HITS: usize = 256;

/// Below this many entries one thread is quicker than two.
const PARALLEL_FROM: usize = 20_000;

/// Runs `scan` over `0..len`, split across the machine's cores for large catalogues, and joins
/// the results in order.
fn scan_in_parallel(len: usize, scan: impl Fn(std::ops::Range<usize>) -> Vec<Hit> + Sync) -> Vec<Hit> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    if len < PARALLEL_FROM || threads < 2 {
        return scan(0..len);
    }
    let chunk = len.div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let scan = &scan;
                s.spawn(move || scan(t * chunk..((t + 1) * chunk).min(len)))
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// The hit with the positions of the matched characters filled in (fuzzy hits are found without
/// them, for speed). `needle` is the normalised words of the query.
pub fn with_positions(catalog: &Catalog, needle: &str, hit: &Hit) -> Hit {
    let e = &catalog.entries()[hit.index];
    let matcher = SkimMatcherV2::default().ignore_case();
    let positions = |text: &str| matcher.fuzzy_indices(&normalize(text), needle).map(|(_, p)| p).unwrap_or_default();
    let matched = match (&hit.matched, hit.tier) {
        (Matched::Name(p), Tier::FuzzyName) if p.is_empty() => Matched::Name(positions(&e.name)),
        (Matched::Alias(k, p), Tier::FuzzyAlias) if p.is_empty() => {
            Matched::Alias(*k, e.aliases.get(*k).map(|a| positions(a)).unwrap_or_default())
        }
        (other, _) => other.clone(),
    };
    Hit { matched, ..hit.clone() }
}

#[allow(clippy::too_many_arguments)]
fn words_hit(
    i: usize,
    e: &CodeEntry,
    names: &Names,
    text: &TextCheck<'_>,
    matcher: &SkimMatcherV2,
    needle: &str,
    needle_words: &[&str],
    needle_mask: u64,
) -> Option<Hit> {
    let name = &names.name;
    let name_chars = || (0..e.name.chars().count()).collect::<Vec<_>>();
    if name == needle || strip_symbol_prefix(name) == Some(needle) || names.message.as_deref() == Some(needle) {
        return Some(Hit { index: i, tier: Tier::ExactName, inner: 0, matched: Matched::Name(name_chars()) });
    }
    if let Some(k) = names.aliases.iter().position(|a| a == needle) {
        let len = e.aliases[k].chars().count();
        return Some(Hit { index: i, tier: Tier::Alias, inner: 0, matched: Matched::Alias(k, (0..len).collect()) });
    }
    if name.starts_with(needle) {
        let len = needle.chars().count();
        let extra = (name.chars().count() - len) as i64;
        return Some(Hit {
            index: i,
            tier: Tier::NamePrefix,
            inner: 999 - extra.min(999),
            matched: Matched::Name((0..len).collect()),
        });
    }
    if names.mask & needle_mask == needle_mask {
        if let Some(score) = fuzzy(matcher, name, needle) {
            return Some(Hit { index: i, tier: Tier::FuzzyName, inner: score, matched: Matched::Name(Vec::new()) });
        }
        let best_alias = names
            .aliases
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.is_empty())
            .filter_map(|(k, a)| fuzzy(matcher, a, needle).map(|s| (k, s)))
            .max_by_key(|(_, s)| *s);
        if let Some((k, score)) = best_alias {
            return Some(Hit {
                index: i,
                tier: Tier::FuzzyAlias,
                inner: score,
                matched: Matched::Alias(k, Vec::new()),
            });
        }
    }
    if needle_words.is_empty() {
        return None;
    }
    let count = text.matches(e, i, needle_words)?;
    Some(Hit { index: i, tier: Tier::Text, inner: count.min(999) as i64, matched: Matched::Text })
}

/// Signal names without their `SIG` prefix (`kill` → SIGKILL), the way `kill -l` prints them.
fn strip_symbol_prefix(name: &str) -> Option<&str> {
    name.strip_prefix("sig")
}

/// A fuzzy match that is worth showing: every query char in order, and not scattered so thinly
/// that it means nothing (the skim score must reach a floor that grows with the query length).
fn fuzzy(matcher: &SkimMatcherV2, haystack: &str, needle: &str) -> Option<i64> {
    if !is_subsequence(haystack, needle) {
        return None;
    }
    let score = matcher.fuzzy_match(haystack, needle)?;
    let floor = 12 * needle.chars().filter(|c| !c.is_whitespace()).count() as i64;
    (score >= floor).then_some(score.min(999))
}

/// Cheap pre-check before the fuzzy matcher: every char of `needle` appears in order.
fn is_subsequence(haystack: &str, needle: &str) -> bool {
    let mut hay = haystack.chars();
    needle.chars().filter(|c| !c.is_whitespace()).all(|n| hay.any(|h| h == n))
}

/// Whether `word` starts a word somewhere in `text` (both already normalized).
fn contains_word_prefix(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// The one hit that answers the query on its own, if there is one: an exact tier that no other
/// hit shares.
pub fn standout(hits: &[Hit]) -> Option<&Hit> {
    let first = hits.first()?;
    if !first.tier.is_exact() {
        return None;
    }
    match hits.get(1) {
        Some(second) if second.tier == first.tier => None,
        _ => Some(first),
    }
}
