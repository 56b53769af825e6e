//! Query parsing and ranking. Pure: takes a query and the catalog's search index, returns ranked
//! hits. The CLI and the TUI both use it.
//!
//! Ranking is by tier first (codes a pasted log line mentions > exact code > code range > exact
//! name > alias > name prefix > whole words of a name or alias > code prefix > close fuzzy name >
//! close fuzzy alias > words in the text > loose fuzzy matches), then by the score inside the tier,
//! then by how often engineers meet the code, then by catalog order (family, then value).

mod index;
mod query;

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use index::{Names, TextCheck, char_mask};
pub use index::{SearchIndex, normalize};
pub use query::{Pattern, Query};

use crate::catalog::{Catalog, Display, EntryRef};

/// How a hit matched, best first. The order of the variants is the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Everything, for an empty query (or a bare family filter).
    All,
    /// A fuzzy match whose letters are scattered thinly (a long name that happens to hold the
    /// query's letters in order): below any real word match.
    FuzzyLoose,
    /// The query's words all appear in the entry's text (summary, description, ...).
    Text,
    /// Close fuzzy match on one of the aliases (a typo of it).
    FuzzyAlias,
    /// Close fuzzy match on the name (a typo of it: `gatway`).
    FuzzyName,
    /// The code starts with the typed digits, or falls in a class such as `4xx`.
    CodePrefix,
    /// Every query word is a whole word of the name, of one alias or of the C message
    /// (`timeout` → Gateway Timeout, `refused` → Connection refused).
    Word,
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
    /// A pasted log line mentions the code (`connect() failed (111: Connection refused)`).
    Mentioned,
}

impl Tier {
    /// Tiers that identify a code on their own: a unique hit at one of these "stands out".
    pub fn is_exact(self) -> bool {
        self >= Tier::Alias
    }

    /// How the hit matched, for JSON: `mention`, `code`, `range`, `name`, `alias`, `text` or
    /// `all`. (Word and fuzzy hits say name or alias by what they matched.)
    pub fn label(self, matched: &Matched) -> &'static str {
        match (self, matched) {
            (Tier::Mentioned, _) => "mention",
            (Tier::ExactCode | Tier::CodePrefix, _) => "code",
            (Tier::InRange, _) => "range",
            (Tier::Alias | Tier::FuzzyAlias, _) | (Tier::Word | Tier::FuzzyLoose, Matched::Alias(..)) => "alias",
            (Tier::ExactName | Tier::NamePrefix | Tier::FuzzyName | Tier::Word | Tier::FuzzyLoose, _) => "name",
            (Tier::Text, _) => "text",
            (Tier::All, _) => "all",
        }
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
    /// Byte range, in the query, of the text that mentions the code.
    Mention(Range<usize>),
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Catalogue position of the code (see `Catalog::at`).
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

/// Runs a query over the catalog and returns the hits, best first: the codes a pasted log line
/// mentions, in the order they appear, then the ordinary search.
pub fn search(catalog: &Catalog, index: &SearchIndex, query: &Query) -> Vec<Hit> {
    let mentioned = mentions(catalog, index, query);
    let mut hits = ranked(catalog, index, query);
    if mentioned.is_empty() {
        return hits;
    }
    hits.retain(|h| !mentioned.iter().any(|m| m.index == h.index));
    let mut all = mentioned;
    all.append(&mut hits);
    all
}

/// The codes the query mentions as a log line would, in order of appearance (none for a query
/// that does not look like a line: one word, or a bare number).
fn mentions(catalog: &Catalog, index: &SearchIndex, query: &Query) -> Vec<Hit> {
    if !query.looks_like_a_line() {
        return Vec::new();
    }
    let mut found = index.mentions_in(catalog, &query.text);
    // A code mentioned twice (its number and its message) is one hit, at its first mention.
    let mut seen = std::collections::HashSet::new();
    found.retain(|f| seen.insert(f.index));
    let count = found.len();
    found
        .into_iter()
        .enumerate()
        .map(|(k, f)| Hit {
            index: f.index,
            tier: Tier::Mentioned,
            inner: (count - k) as i64,
            matched: Matched::Mention(f.span),
        })
        .collect()
}

/// The ordinary search: tiers over codes, names, aliases and text.
fn ranked(catalog: &Catalog, index: &SearchIndex, query: &Query) -> Vec<Hit> {
    let in_family = |e: &EntryRef<'_>| query.family.as_deref().is_none_or(|f| e.family() == f);
    let mut hits: Vec<Hit> = Vec::new();
    match &query.pattern {
        Pattern::Everything => {
            hits.extend(catalog.iter().enumerate().filter(|(_, e)| in_family(e)).map(|(i, _)| Hit::plain(i)));
        }
        Pattern::Number { value, typed } => {
            let families = catalog.families();
            // What the typed number stands for in each family: itself, a negative number read by
            // the family's rule, or nothing (a text family's codes are matched as written); and
            // how the family writes its codes.
            struct Wanted<'f> {
                id: &'f str,
                want: Option<i64>,
                text: bool,
                mixed: bool,
                hex: bool,
            }
            let wanted: Vec<Wanted<'_>> = families
                .iter()
                .map(|f| Wanted {
                    id: f.id.as_ref(),
                    want: f.display.is_numeric().then(|| f.read_number(*value)).flatten(),
                    text: f.display == Display::Text,
                    mixed: f.display == Display::Mixed,
                    hex: f.display == Display::Hex,
                })
                .collect();
            let typed_hex = typed.starts_with("0x");
            // In a family that writes codes in hex as well (Windows), eight bare digits are
            // usually a hex HRESULT or NTSTATUS written without `0x` (80070005).
            let as_hex = (typed.len() == 8 && typed.bytes().all(|b| b.is_ascii_digit()))
                .then(|| i64::from_str_radix(typed, 16).ok())
                .flatten();
            // Iterators rather than `for` loops here and below: the catalogue's chained iterator
            // runs as two tight loops this way. The family is read once per code (a cached code
            // reads it from the mapped file).
            // Codes come grouped by family: the family of the code before is the likely one.
            let mut last = 0;
            hits.extend(catalog.iter().enumerate().filter_map(|(i, e)| {
                let family = e.family();
                if query.family.as_deref().is_some_and(|f| f != family) {
                    return None;
                }
                if wanted.get(last).is_none_or(|w| w.id != family) {
                    last = wanted.iter().position(|w| w.id == family)?;
                }
                let w = &wanted[last];
                if w.text || w.mixed {
                    // A number written as an alias (MQTT's 0x87 is also printed as 135).
                    if let Some(k) = e.aliases().position(|a| a.eq_ignore_ascii_case(typed)) {
                        let len = e.alias(k).chars().count();
                        return Some(Hit {
                            index: i,
                            tier: Tier::Alias,
                            inner: 0,
                            matched: Matched::Alias(k, (0..len).collect()),
                        });
                    }
                }
                if w.text {
                    return code_text_hit(i, e, typed);
                }
                if let Some(hex) = as_hex.filter(|_| w.mixed)
                    && e.end().is_none()
                    && e.value() == hex
                {
                    return Some(whole_code(i, e, Tier::ExactCode));
                }
                // A decimal number inside a hex family's range block is a coincidence, not a query.
                if e.end().is_some() && !typed_hex && w.hex {
                    return None;
                }
                let mut hit = number_hit(i, e, w.want?, typed)?;
                // Within a tier, a family written the way the number was typed comes first:
                // `0x7` is HTTP/2's 0x7 before errno 7, and `7` the other way round.
                if typed_hex == w.hex {
                    hit.inner += 1;
                }
                Some(hit)
            }));
            // When the number is a code somewhere, a block that merely contains it (an
            // unassigned range of another family) comes after the codes that start with it.
            if hits.iter().any(|h| h.tier == Tier::ExactCode || h.tier == Tier::Alias) {
                for hit in hits.iter_mut().filter(|h| h.tier == Tier::InRange) {
                    hit.tier = Tier::CodePrefix;
                    hit.inner = 0;
                }
            }
        }
        Pattern::Class { low, high, prefix, width } => {
            let text_families: Vec<&str> =
                catalog.families().iter().filter(|f| f.display == Display::Text).map(|f| f.id.as_ref()).collect();
            hits.extend(
                catalog
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| in_family(e) && e.end().is_none())
                    .filter(|(_, e)| {
                        if text_families.contains(&e.family()) {
                            let code = e.code();
                            code.len() == *width
                                && code.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
                        } else {
                            (*low..=*high).contains(&e.value())
                        }
                    })
                    .map(|(i, _)| Hit { index: i, tier: Tier::CodePrefix, inner: 0, matched: Matched::Nothing }),
            );
        }
        Pattern::Words(words) => {
            let needle = normalize(words);
            let needle_words: Vec<&str> = needle.split_whitespace().collect();
            let needle_mask = char_mask(&needle);
            let names = index.names(catalog);
            let text =
                if index.one_shot { TextCheck::Scan } else { TextCheck::indexed(index.text(catalog), &needle_words) };
            // Families whose codes are words (`42P01`, `invalid_grant`): a query can be the code.
            let text_families: Vec<&str> =
                catalog.families().iter().filter(|f| f.display == Display::Text).map(|f| f.id.as_ref()).collect();
            let scan = |range: Range<usize>| -> Vec<Hit> {
                let matcher = SkimMatcherV2::default().ignore_case();
                // Codes come grouped by family: whether the family writes codes as words is
                // looked up once per family, not once per code.
                let (mut last_family, mut last_is_text) = ("", false);
                let one_word = !needle.contains(' ');
                range
                    .map(|i| (i, catalog.at(i)))
                    .filter(|(_, e)| in_family(e))
                    .filter_map(|(i, e)| {
                        let is_text = one_word && {
                            let family = e.family();
                            if family != last_family {
                                last_is_text = text_families.contains(&family);
                                last_family = family;
                            }
                            last_is_text
                        };
                        if is_text && normalize(e.code()) == needle {
                            // A code written as a word (`not_found`, `CrashLoopBackOff`) is as
                            // good as a name: commonness decides between it and equal names.
                            return Some(whole_code(i, e, Tier::ExactName));
                        }
                        words_hit(i, e, &names[i], &text, &matcher, &needle, &needle_words, needle_mask)
                    })
                    .collect()
            };
            hits = in_runs(catalog.len(), threads_for(catalog.len()), scan).into_iter().flatten().collect();
        }
    }
    // Among equally good matches, the codes people meet most come first. Lists (everything, a
    // class such as `4xx`) stay in catalogue order.
    let ranked = matches!(query.pattern, Pattern::Words(_) | Pattern::Number { .. });
    let common = |h: &Hit| if ranked { catalog.at(h.index).commonness() } else { 0 };
    hits.sort_by(|a, b| {
        b.tier.cmp(&a.tier).then(b.inner.cmp(&a.inner)).then(common(b).cmp(&common(a))).then(a.index.cmp(&b.index))
    });
    // Fuzzy positions cost a second pass of the matcher: only the hits a screen can show get them
    // here; `with_positions` gives any other hit its positions when it is drawn.
    if let Pattern::Words(words) = &query.pattern {
        let needle = normalize(words);
        let matcher = SkimMatcherV2::default().ignore_case();
        for hit in hits.iter_mut().take(POSITIONED_HITS) {
            fill_positions(&matcher, catalog, &needle, hit);
        }
    }
    hits
}

/// A hit on entry `i` with the whole of its code highlighted.
fn whole_code(i: usize, e: EntryRef<'_>, tier: Tier) -> Hit {
    let len = e.code().chars().count();
    Hit { index: i, tier, inner: 0, matched: Matched::Code((0..len).collect()) }
}

/// A typed number against a code written as text (`23505`, `52e`): the code itself, or a code
/// that starts with it.
fn code_text_hit(i: usize, e: EntryRef<'_>, typed: &str) -> Option<Hit> {
    let code = e.code();
    if code.eq_ignore_ascii_case(typed) {
        return Some(whole_code(i, e, Tier::ExactCode));
    }
    let is_prefix = code.len() > typed.len() && code.as_bytes()[..typed.len()].eq_ignore_ascii_case(typed.as_bytes());
    is_prefix.then(|| Hit {
        index: i,
        tier: Tier::CodePrefix,
        inner: 998 - ((code.len() - typed.len()) as i64).min(998),
        matched: Matched::Code((0..typed.chars().count()).collect()),
    })
}

fn number_hit(i: usize, e: EntryRef<'_>, value: i64, typed: &str) -> Option<Hit> {
    let end = e.end();
    if end.is_none() && e.value() == value {
        return Some(whole_code(i, e, Tier::ExactCode));
    }
    if end.is_some() && e.covers(value) {
        return Some(Hit { index: i, tier: Tier::InRange, inner: 0, matched: Matched::Nothing });
    }
    let code = e.code().as_bytes();
    let is_prefix = code.len() >= typed.len() && code[..typed.len()].eq_ignore_ascii_case(typed.as_bytes());
    if end.is_none() && is_prefix {
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

/// How many threads a pass over `len` entries is worth: one for small catalogues, else the
/// machine's cores (at most four).
pub(super) fn threads_for(len: usize) -> usize {
    if len < PARALLEL_FROM { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4) }
}

/// Runs `work` over `0..len` cut into `threads` runs of equal length, a thread each (in place for
/// one), and returns the runs' results in order.
pub(super) fn in_runs<T: Send>(len: usize, threads: usize, work: impl Fn(Range<usize>) -> T + Sync) -> Vec<T> {
    if threads < 2 {
        return vec![work(0..len)];
    }
    let chunk = len.div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..len)
            .step_by(chunk)
            .map(|start| {
                let work = &work;
                s.spawn(move || work(start..(start + chunk).min(len)))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// The hit with the positions of the matched characters filled in (fuzzy hits are found without
/// them, for speed). `needle` is the normalised words of the query.
pub fn with_positions(catalog: &Catalog, needle: &str, hit: &Hit) -> Hit {
    let mut hit = hit.clone();
    fill_positions(&SkimMatcherV2::default().ignore_case(), catalog, needle, &mut hit);
    hit
}

/// Fills in the positions of a fuzzy hit found without them; other hits are left as they are.
fn fill_positions(matcher: &SkimMatcherV2, catalog: &Catalog, needle: &str, hit: &mut Hit) {
    let e = catalog.at(hit.index);
    let positions = |text: &str| matcher.fuzzy_indices(&normalize(text), needle).map(|(_, p)| p).unwrap_or_default();
    match (&mut hit.matched, hit.tier) {
        (Matched::Name(p), Tier::FuzzyName) if p.is_empty() => *p = positions(e.name()),
        (Matched::Alias(k, p), Tier::FuzzyAlias) if p.is_empty() => *p = positions(e.alias(*k)),
        _ => {}
    }
}

#[allow(clippy::too_many_arguments)]
fn words_hit(
    i: usize,
    e: EntryRef<'_>,
    names: &Names,
    text: &TextCheck<'_>,
    matcher: &SkimMatcherV2,
    needle: &str,
    needle_words: &[&str],
    needle_mask: u64,
) -> Option<Hit> {
    let name = &names.name;
    // Normalising keeps one char per char, so counts and positions carry over to the original.
    let name_chars = || (0..name.chars().count()).collect::<Vec<_>>();
    if name == needle || strip_symbol_prefix(name) == Some(needle) || names.message.as_deref() == Some(needle) {
        return Some(Hit { index: i, tier: Tier::ExactName, inner: 0, matched: Matched::Name(name_chars()) });
    }
    if let Some(k) = names.aliases.iter().position(|a| a == needle) {
        let len = names.aliases[k].chars().count();
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
        if let Some(positions) = whole_words(name, needle_words) {
            return Some(Hit { index: i, tier: Tier::Word, inner: 0, matched: Matched::Name(positions) });
        }
        let in_alias = names.aliases.iter().enumerate().find_map(|(k, a)| Some((k, whole_words(a, needle_words)?)));
        if let Some((k, positions)) = in_alias {
            return Some(Hit { index: i, tier: Tier::Word, inner: 0, matched: Matched::Alias(k, positions) });
        }
        if names.message.as_deref().is_some_and(|m| whole_words(m, needle_words).is_some()) {
            return Some(Hit { index: i, tier: Tier::Word, inner: 0, matched: Matched::Name(Vec::new()) });
        }
    }
    let mut loose = None;
    if names.mask & needle_mask == needle_mask {
        if let Some(score) = fuzzy(matcher, name, needle) {
            let hit = Hit { index: i, tier: Tier::FuzzyName, inner: score, matched: Matched::Name(Vec::new()) };
            if is_close(score, needle) {
                return Some(hit);
            }
            loose = Some(hit);
        }
        let best_alias = names
            .aliases
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.is_empty())
            .filter_map(|(k, a)| fuzzy(matcher, a, needle).map(|s| (k, s)))
            .max_by_key(|(_, s)| *s);
        if let Some((k, score)) = best_alias {
            let hit = Hit { index: i, tier: Tier::FuzzyAlias, inner: score, matched: Matched::Alias(k, Vec::new()) };
            if is_close(score, needle) {
                return Some(hit);
            }
            if loose.as_ref().is_none_or(|l| l.inner < score) {
                loose = Some(hit);
            }
        }
    }
    if !needle_words.is_empty()
        && let Some(count) = text.matches(e, i, needle_words)
    {
        // The codes people meet most come first; among them, the text that says it most.
        let inner = i64::from(e.commonness()) * 100 + count.min(99) as i64;
        return Some(Hit { index: i, tier: Tier::Text, inner, matched: Matched::Text });
    }
    loose.map(|hit| Hit { tier: Tier::FuzzyLoose, ..hit })
}

/// Whether a fuzzy score means a near-exact spelling (a typo) rather than letters scattered
/// through a long name: at least 20 per query character, where a gap-free match scores about 25.
fn is_close(score: i64, needle: &str) -> bool {
    score >= 20 * needle.chars().filter(|c| !c.is_whitespace()).count() as i64
}

/// Char positions of the query's words in `text` when every one of them is a whole word of it
/// (both normalised).
fn whole_words(text: &str, words: &[&str]) -> Option<Vec<usize>> {
    if words.is_empty() || text.is_empty() {
        return None;
    }
    let mut positions = Vec::new();
    for word in words {
        let mut found = None;
        let mut at = 0;
        while let Some(pos) = text[at..].find(word) {
            let start = at + pos;
            let end = start + word.len();
            let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before && after {
                found = Some(start);
                break;
            }
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let start = found?;
        let first = text[..start].chars().count();
        positions.extend(first..first + word.chars().count());
    }
    Some(positions)
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

/// The one hit that answers the query on its own, if there is one: an exact hit (or the only
/// code a pasted line mentions) that no other hit rivals. A hit rivals it if it is exact too, or
/// names the query as a whole word (`timeout` is the name of WebSocket 3008 but also a word of
/// Gateway Timeout and Request Timeout, so it lists them all).
pub fn standout(hits: &[Hit]) -> Option<&Hit> {
    let first = hits.first()?;
    if !first.tier.is_exact() {
        return None;
    }
    let rivals = |second: &Hit| match first.tier {
        // A code or a mention is answered by itself; a block of a range ("unassigned 36–49151")
        // or a word match does not compete with it.
        Tier::ExactCode | Tier::Mentioned => second.tier == first.tier,
        _ => second.tier == first.tier || second.tier >= Tier::Word,
    };
    match hits.get(1) {
        Some(second) if rivals(second) => None,
        _ => Some(first),
    }
}
