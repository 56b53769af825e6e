//! Finding codes in one line: every family's mention patterns and every code's `says` phrases,
//! compiled once from the catalog (built-in and user families alike).
//!
//! One Aho-Corasick DFA holds the literal prefilters of all patterns and the starts of all `says`
//! phrases, ASCII case folded; a line is searched once with it, every literal at every place. A
//! pattern runs only where one of its literals occurs: as an anchored search at that place when
//! every match starts with one of them, over the line when they end or sit inside its matches. It
//! is compiled the first time that happens: a lookup that never meets a log line never compiles
//! a regular expression. The few patterns without a literal are found together, by one automaton.
//!
//! A scan hands over whole blocks of lines ([`Scanner::find_lines`]): each automaton passes over
//! the block once, and only the lines where one of them found something are looked at further.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::{Cache, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, PatternID, PatternSet};

use super::lines::trim_cr;
use super::literals;
use super::unfiltered::{BlockSet, every_line};
use crate::catalog::mention::{
    self, Search, captured_value, code_group, compile_for, compile_source, name_key, resolve_means,
};
use crate::catalog::{Catalog, Display, MentionRead};

/// One code found in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range of the text that mentions it.
    pub span: Range<usize>,
    /// Catalogue position of the code.
    pub index: usize,
}

/// A family's mention pattern, ready to run.
struct Pattern {
    family: usize,
    read: MentionRead,
    /// The code every match stands for, when the mention says (`means`).
    fixed: Option<usize>,
    source: String,
    /// A line this matches is another protocol's: the pattern finds nothing on it.
    unless: Option<(String, OnceLock<Option<Regex>>)>,
    /// The expression and the index of its `code` group, compiled on first use (a pattern that
    /// does not compile, which validation reports, finds nothing).
    regex: OnceLock<Option<(Regex, Option<usize>)>>,
    /// How the scanner runs it: from where its literal prefix occurs, or over the whole line.
    search: Search,
}

impl Pattern {
    /// Whether the line says it is another protocol's (the mention's `unless`).
    fn vetoed(&self, line: &[u8]) -> bool {
        let Some((source, regex)) = &self.unless else { return false };
        regex.get_or_init(|| compile_source(source, false).ok()).as_ref().is_some_and(|u| u.is_match(line))
    }

    fn regex(&self) -> Option<&(Regex, Option<usize>)> {
        self.regex
            .get_or_init(|| {
                let regex = compile_for(&self.source, self.fixed.is_none(), self.search).ok()?;
                let group = code_group(&regex);
                (group.is_some() || self.fixed.is_some()).then_some((regex, group))
            })
            .as_ref()
    }
}

/// One thread's working memory for [`Scanner::find_with`]: the regex caches and capture slots of
/// each pattern, and the lists a search fills. Reused line after line, so a scan allocates
/// nothing per line once warm.
#[derive(Default)]
pub struct Scratch {
    patterns: Vec<Option<(Cache, Captures)>>,
    hits: Vec<(usize, usize)>,
    found: Vec<Finding>,
    /// Which patterns without a prefilter match the line, and the cache that finds out.
    matched: Option<(Cache, PatternSet)>,
    /// For a block: where literals occur (position, literal), where patterns without a prefilter
    /// may match, and the cache of the automaton that finds those.
    block_hits: Vec<(usize, usize)>,
    maybe: Vec<usize>,
    block_cache: Option<regex_automata::hybrid::dfa::Cache>,
}

/// What a literal of the prefilter stands for.
#[derive(Clone, Debug, Default)]
struct Literal {
    /// Run these patterns on the line, as each one's [`Search`] says: anchored where the literal
    /// starts, or over the whole line when the literal is where its matches end or inside them.
    patterns: Vec<usize>,
    /// The `says` phrases that start with the literal.
    says: Vec<Says>,
}

/// A `says` phrase: the code it stands for and its text, lower-cased (`exact` holds the text as
/// written when it must match case-sensitively).
#[derive(Clone, Debug)]
struct Says {
    index: usize,
    lower: Vec<u8>,
    exact: Vec<u8>,
}

/// The longest literal the prefilter automaton holds: longer ones (whole messages such as
/// `connection reset by peer`) are looked for by their start and checked in full where it
/// occurs, which keeps the automaton small enough to stay in the cache and quick to build.
const NEEDLE_BYTES: usize = 8;

/// The position a hit records for a pattern that runs over the whole line.
const ANYWHERE: usize = usize::MAX;

/// The prefilter's literals while they are collected: each text once, cut to [`NEEDLE_BYTES`].
#[derive(Default)]
struct Needles {
    ids: HashMap<Vec<u8>, usize>,
    texts: Vec<Vec<u8>>,
    literals: Vec<Literal>,
}

impl Needles {
    /// The entry of the literal that `text` (lower-cased) starts with.
    fn literal(&mut self, text: &[u8]) -> &mut Literal {
        let needle = &text[..text.len().min(NEEDLE_BYTES)];
        let id = *self.ids.entry(needle.to_vec()).or_insert_with(|| {
            self.texts.push(needle.to_vec());
            self.literals.push(Literal::default());
            self.literals.len() - 1
        });
        &mut self.literals[id]
    }
}

/// The codes of one family, keyed the ways a mention can name them.
#[derive(Default)]
struct FamilyCodes {
    display: Option<Display>,
    negative: crate::catalog::Negative,
    /// Single codes by value (numeric families).
    by_value: HashMap<i64, usize>,
    /// Range entries: first value, last value, position.
    ranges: Vec<(i64, i64, usize)>,
    /// The family's codes, for [`Names`].
    members: Vec<usize>,
    /// The family's codes by their texts, built the first time a mention names one: reading every
    /// code's names costs start-up time and memory a scan that finds only numbers never needs.
    names: OnceLock<Names>,
}

/// The codes of one family by the texts that name them.
#[derive(Default)]
struct Names {
    /// Codes by their code text, lower-cased (text and mixed families).
    by_code: HashMap<String, usize>,
    /// Codes by [`name_key`] of their code, name and aliases.
    by_name: HashMap<String, usize>,
}

impl Names {
    fn of(catalog: &Catalog, members: &[usize]) -> Names {
        let mut names = Names::default();
        for &i in members {
            let Some(e) = catalog.get(i) else { continue };
            names.by_code.entry(e.code().to_lowercase()).or_insert(i);
            for name in std::iter::once(e.code()).chain(std::iter::once(e.name())).chain(e.aliases()) {
                let key = name_key(name);
                if !key.is_empty() {
                    names.by_name.entry(key).or_insert(i);
                }
            }
        }
        names
    }
}

/// Every mention pattern and `says` phrase of a catalog, ready to find codes in lines.
pub struct Scanner {
    patterns: Vec<Pattern>,
    /// Patterns without a usable literal prefilter: they run on the lines where
    /// `unfiltered_set` says they match.
    unfiltered: Vec<usize>,
    /// All of `unfiltered` as one multi-pattern expression: one pass over a line tells which of
    /// them match there (built on first use; `None` when there are none or they do not compile
    /// together, and then each runs on every line).
    unfiltered_set: OnceLock<Option<Regex>>,
    /// The same patterns, for whole blocks of lines: which lines they may match.
    block_set: OnceLock<Option<BlockSet>>,
    prefilter: Option<AhoCorasick>,
    literals: Vec<Literal>,
    families: Vec<FamilyCodes>,
}

impl Scanner {
    /// Compiles the scanner for a catalog, to read logs: its literal automaton is a DFA, quick
    /// over many lines and slower to build. Costs a parse of each pattern (no regex compilation)
    /// and a map of the codes of the families that have patterns.
    pub fn new(catalog: &Catalog) -> Scanner {
        Scanner::build(catalog, Made::ForLogs)
    }

    /// [`Scanner::new`] for a little text (a pasted line, a small file): the literal automaton is
    /// a contiguous NFA, built about 5 ms sooner than the DFA (a scan with it takes a third
    /// longer), and the patterns are read on all cores (2.8 ms sooner again).
    pub fn for_text(catalog: &Catalog) -> Scanner {
        Scanner::build(catalog, Made::ForText)
    }

    fn build(catalog: &Catalog, made: Made) -> Scanner {
        let mut patterns = Vec::new();
        let mut unfiltered = Vec::new();
        let mut needles = Needles::default();
        let mut families: Vec<FamilyCodes> = catalog.families().iter().map(|_| FamilyCodes::default()).collect();
        let mut prefilters = prefilters(catalog, made == Made::ForText).into_iter();
        for (f, family) in catalog.families().iter().enumerate() {
            for m in family.mentions.iter() {
                let prefilter = prefilters.next().flatten();
                let fixed = m.means.as_deref().and_then(|means| resolve_means(catalog, family, means));
                if m.means.is_some() && fixed.is_none() {
                    continue;
                }
                let p = patterns.len();
                let search = match prefilter {
                    Some(literals::Prefilter::Prefix(_)) => Search::Anchored,
                    _ => Search::Anywhere,
                };
                patterns.push(Pattern {
                    family: f,
                    read: m.read,
                    fixed,
                    source: m.regex.to_string(),
                    unless: m.unless.as_ref().map(|u| (u.to_string(), OnceLock::new())),
                    regex: OnceLock::new(),
                    search,
                });
                let found_by = match prefilter {
                    None => {
                        unfiltered.push(p);
                        continue;
                    }
                    Some(literals::Prefilter::Prefix(l) | literals::Prefilter::Anywhere(l)) => l,
                };
                for literal in found_by {
                    needles.literal(&literal).patterns.push(p);
                }
            }
            if !family.mentions.is_empty() {
                families[f].display = Some(family.display);
                families[f].negative = family.negative;
            }
        }
        let family_of: HashMap<&str, usize> =
            catalog.families().iter().enumerate().map(|(i, f)| (f.id.as_ref(), i)).collect();
        for (i, e) in catalog.iter().enumerate() {
            let Some(&f) = family_of.get(e.family()) else { continue };
            let codes = &mut families[f];
            if codes.display.is_some() {
                match e.end() {
                    Some(end) => codes.ranges.push((e.value(), end, i)),
                    None => {
                        codes.by_value.entry(e.value()).or_insert(i);
                    }
                }
                codes.members.push(i);
            }
            for phrase in e.says() {
                let exact = if phrase.contains(' ') { Vec::new() } else { phrase.as_bytes().to_vec() };
                let lower = phrase.to_ascii_lowercase().into_bytes();
                needles.literal(&lower).says.push(Says { index: i, lower: lower.clone(), exact });
            }
        }
        let Needles { texts: needles, literals, .. } = needles;
        // Every literal at every place it occurs (overlapping), ASCII case folded in the automaton
        // rather than in a lower-cased copy of each line; as a DFA, one table lookup per byte.
        let prefilter = (!needles.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(match made {
                        Made::ForLogs => AhoCorasickKind::DFA,
                        Made::ForText => AhoCorasickKind::ContiguousNFA,
                    }))
                    .ascii_case_insensitive(true)
                    .byte_classes(true)
                    .build(&needles)
                    .ok()
            })
            .flatten();
        Scanner {
            patterns,
            unfiltered,
            unfiltered_set: OnceLock::new(),
            block_set: OnceLock::new(),
            prefilter,
            literals,
            families,
        }
    }

    /// Whether there is anything to find at all.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty() && self.prefilter.is_none()
    }

    /// The codes `line` mentions, in order of appearance. A code found twice at overlapping
    /// places (a pattern and a phrase inside it) is reported once, with the wider span.
    pub fn find(&self, catalog: &Catalog, line: &[u8]) -> Vec<Finding> {
        self.find_with(catalog, line, &mut Scratch::default()).to_vec()
    }

    /// [`Scanner::find`] with working memory kept between calls (one [`Scratch`] per thread).
    ///
    /// `catalog` is the one the scanner was made from (codes are named from it).
    pub fn find_with<'s>(&self, catalog: &Catalog, line: &[u8], scratch: &'s mut Scratch) -> &'s [Finding] {
        scratch.found.clear();
        scratch.hits.clear();
        if let Some(ac) = &self.prefilter {
            let mut state = aho_corasick::automaton::OverlappingState::start();
            loop {
                ac.find_overlapping(line, &mut state);
                let Some(m) = state.get_match() else { break };
                self.take_literal(m.pattern().as_usize(), line, m.start(), scratch);
            }
        }
        self.verify(catalog, line, true, scratch);
        &scratch.found
    }

    /// The codes each line of `block` mentions: calls `each` with the line's index in the block
    /// (from 0), the line (without its line end) and its findings, for every line that mentions
    /// a code, in order. `block` holds whole lines, each ended by `\n` except perhaps the last
    /// ([`crate::scan::lines::Chunk::Lines`]). Finds what [`Scanner::find_with`] finds on each line;
    /// stops at the first error `each` returns.
    pub fn find_lines<E>(
        &self,
        catalog: &Catalog,
        block: &[u8],
        scratch: &mut Scratch,
        mut each: impl FnMut(u64, &[u8], &[Finding]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut hits = std::mem::take(&mut scratch.block_hits);
        let mut maybe = std::mem::take(&mut scratch.maybe);
        hits.clear();
        maybe.clear();
        if let Some(ac) = &self.prefilter {
            let mut state = aho_corasick::automaton::OverlappingState::start();
            loop {
                ac.find_overlapping(block, &mut state);
                let Some(m) = state.get_match() else { break };
                hits.push((m.start(), m.pattern().as_usize()));
            }
        }
        if !self.unfiltered.is_empty() {
            match self.block_set.get_or_init(|| self.build_block_set()) {
                Some(set) => {
                    set.lines(scratch.block_cache.get_or_insert_with(|| set.create_cache()), block, &mut maybe)
                }
                None => every_line(block, 0, &mut maybe),
            }
        }
        // Line by line, in order, over the lines where something was seen. Hits come in the order
        // they end, so a line's hits come together; a literal that runs across a line end (one that
        // holds `\n`) can match no line, and its hits are skipped.
        let (mut h, mut m) = (0, 0);
        let (mut counted, mut index) = (0, 0u64);
        let result = loop {
            while hits.get(h).is_some_and(|&(p, _)| p < counted) {
                h += 1;
            }
            while maybe.get(m).is_some_and(|&p| p < counted) {
                m += 1;
            }
            let next = match (hits.get(h), maybe.get(m)) {
                (Some(&(p, _)), Some(&q)) => p.min(q),
                (Some(&(p, _)), None) => p,
                (None, Some(&q)) => q,
                (None, None) => break Ok(()),
            };
            let start = memchr::memrchr(b'\n', &block[counted..next]).map_or(counted, |nl| counted + nl + 1);
            index += memchr::memchr_iter(b'\n', &block[counted..start]).count() as u64;
            counted = start;
            let end = memchr::memchr(b'\n', &block[next..]).map_or(block.len(), |nl| next + nl);
            let line = trim_cr(&block[start..end]);
            scratch.found.clear();
            scratch.hits.clear();
            while let Some(&(p, k)) = hits.get(h)
                && p <= end
            {
                if p >= start {
                    self.take_literal(k, line, p - start, scratch);
                }
                h += 1;
            }
            let check_unfiltered = maybe.get(m).is_some_and(|&q| q <= end);
            while maybe.get(m).is_some_and(|&q| q <= end) {
                m += 1;
            }
            self.verify(catalog, line, check_unfiltered, scratch);
            if !scratch.found.is_empty()
                && let Err(e) = each(index, line, &scratch.found)
            {
                break Err(e);
            }
        };
        scratch.block_hits = hits;
        scratch.maybe = maybe;
        result
    }

    /// Runs the patterns whose literals [`Scanner::take_literal`] recorded for `line`, and with
    /// `unfiltered` those without a prefilter that match it; leaves the line's findings, tidied,
    /// in `scratch.found`.
    fn verify(&self, catalog: &Catalog, line: &[u8], unfiltered: bool, scratch: &mut Scratch) {
        if scratch.patterns.len() < self.patterns.len() {
            scratch.patterns.resize_with(self.patterns.len(), || None);
        }
        let Scratch { patterns, hits, found, matched, .. } = scratch;
        hits.sort_unstable();
        hits.dedup();
        for &(p, at) in hits.iter() {
            if at == ANYWHERE {
                self.run_over(catalog, p, line, &mut patterns[p], found);
            } else if at <= line.len() {
                // Anchored where one of the pattern's literals starts.
                let input = Input::new(line).range(at..).anchored(Anchored::Yes);
                self.run(catalog, p, line, input, &mut patterns[p], found);
            }
        }
        if unfiltered && !self.unfiltered.is_empty() {
            let set = self.unfiltered_set.get_or_init(|| self.build_unfiltered_set());
            let matched = match set {
                Some(set) => {
                    let (cache, which) =
                        matched.get_or_insert_with(|| (set.create_cache(), PatternSet::new(set.pattern_len())));
                    which.clear();
                    set.which_overlapping_matches_with(cache, &Input::new(line), which);
                    Some(&*which)
                }
                None => None,
            };
            for (k, &p) in self.unfiltered.iter().enumerate() {
                if matched.is_some_and(|which| !which.contains(PatternID::new_unchecked(k))) {
                    continue;
                }
                self.run_over(catalog, p, line, &mut patterns[p], found);
            }
        }
        tidy(found);
    }

    /// The patterns without a prefilter as one automaton over blocks of lines.
    fn build_block_set(&self) -> Option<BlockSet> {
        let sources: Vec<&str> = self.unfiltered.iter().map(|&p| self.patterns[p].source.as_str()).collect();
        BlockSet::new(&sources)
    }

    /// The expression that tells which of the patterns without a prefilter match a line.
    fn build_unfiltered_set(&self) -> Option<Regex> {
        if self.unfiltered.is_empty() {
            return None;
        }
        let sources: Vec<&str> = self.unfiltered.iter().map(|&p| self.patterns[p].source.as_str()).collect();
        mention::build(&sources, Regex::config().match_kind(regex_automata::MatchKind::All)).ok()
    }

    /// Records what literal `k`, found at `start`, stands for.
    fn take_literal(&self, k: usize, line: &[u8], start: usize, scratch: &mut Scratch) {
        let literal = &self.literals[k];
        let at = |p: usize| if self.patterns[p].search == Search::Anywhere { ANYWHERE } else { start };
        scratch.hits.extend(literal.patterns.iter().map(|&p| (p, at(p))));
        for says in &literal.says {
            let span = start..start + says.lower.len();
            let Some(text) = line.get(span.clone()) else { continue };
            let matches =
                if says.exact.is_empty() { text.eq_ignore_ascii_case(&says.lower) } else { text == &says.exact[..] };
            if matches && whole_word(line, span.clone()) {
                scratch.found.push(Finding { span, index: says.index });
            }
        }
    }

    /// Runs pattern `p` over the whole line, every match.
    fn run_over(
        &self,
        catalog: &Catalog,
        p: usize,
        line: &[u8],
        slot: &mut Option<(Cache, Captures)>,
        found: &mut Vec<Finding>,
    ) {
        let mut at = 0;
        while at <= line.len() {
            let Some(end) = self.run(catalog, p, line, Input::new(line).range(at..), slot, found) else { break };
            at = end.max(at + 1);
        }
    }

    /// Runs pattern `p` on `input` (over `line`) and records what it found; returns where its
    /// match ended.
    fn run(
        &self,
        catalog: &Catalog,
        p: usize,
        line: &[u8],
        input: Input<'_>,
        slot: &mut Option<(Cache, Captures)>,
        found: &mut Vec<Finding>,
    ) -> Option<usize> {
        let pattern = &self.patterns[p];
        let (regex, group) = pattern.regex()?;
        let (cache, caps) = slot.get_or_insert_with(|| (regex.create_cache(), regex.create_captures()));
        regex.search_captures_with(cache, &input, caps);
        let end = caps.get_match()?.end();
        self.take(catalog, pattern, line, *group, caps, found);
        Some(end)
    }

    /// Records the code a successful search captured, if it names one.
    fn take(
        &self,
        catalog: &Catalog,
        pattern: &Pattern,
        line: &[u8],
        group: Option<usize>,
        caps: &Captures,
        found: &mut Vec<Finding>,
    ) {
        let Some(whole) = caps.get_match() else { return };
        if pattern.vetoed(line) {
            return;
        }
        if let Some(index) = pattern.fixed {
            found.push(Finding { span: neat(line, whole.range()), index });
            return;
        }
        let Some(code) = group.and_then(|g| caps.get_group(g)) else { return };
        let Ok(text) = std::str::from_utf8(&line[code.range()]) else { return };
        if let Some(index) = self.resolve(catalog, pattern.family, pattern.read, text) {
            found.push(Finding { span: neat(line, whole.range()), index });
        }
    }

    /// The code of family `f` that a capture names (the fast form of
    /// [`crate::catalog::mention::resolve`], which tests hold it to).
    fn resolve(&self, catalog: &Catalog, f: usize, read: MentionRead, text: &str) -> Option<usize> {
        let codes = &self.families[f];
        let display = codes.display?;
        if let Some(value) = captured_value(display, codes.negative, read, text) {
            return codes.by_value.get(&value).copied().or_else(|| {
                codes.ranges.iter().find(|(start, end, _)| (*start..=*end).contains(&value)).map(|(_, _, i)| *i)
            });
        }
        let names = || codes.names.get_or_init(|| Names::of(catalog, &codes.members));
        match read {
            MentionRead::Hex => None,
            MentionRead::Code => matches!(display, Display::Text | Display::Mixed)
                .then(|| names().by_code.get(&text.trim().to_lowercase()).copied())
                .flatten(),
            MentionRead::Name => names().by_name.get(&name_key(text)).copied(),
        }
    }
}

/// What a scanner is built for: reading logs, where it runs long and its memory counts (a DFA,
/// built on one thread), or a little text, where building it is most of the time (an NFA, the
/// patterns read on all cores; a second thread leaves about 0.5 MB of its allocations behind).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Made {
    ForLogs,
    ForText,
}

/// The literal prefilter of every mention pattern of `catalog`, in order (family by family),
/// found on all cores when `parallel`: reading the patterns is most of the time it takes to build
/// a scanner.
fn prefilters(catalog: &Catalog, parallel: bool) -> Vec<Option<literals::Prefilter>> {
    let sources: Vec<&str> =
        catalog.families().iter().flat_map(|f| f.mentions.iter().map(|m| m.regex.as_ref())).collect();
    let cores = if parallel { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { 1 };
    let threads = cores.min(sources.len().div_ceil(32)).max(1);
    if threads == 1 {
        return sources.iter().map(|source| literals::prefilter(source)).collect();
    }
    let chunk = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|source| literals::prefilter(source)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
    })
}

/// Whether `span` of `line` stands as whole words: no letter, digit or `_` runs on past an end
/// that is itself a word character.
fn whole_word(line: &[u8], span: Range<usize>) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let starts_word = span.start < line.len() && word(line[span.start]);
    let ends_word = span.end > 0 && word(line[span.end - 1]);
    let before_ok = !starts_word || span.start == 0 || !word(line[span.start - 1]);
    let after_ok = !ends_word || span.end >= line.len() || !word(line[span.end]);
    before_ok && after_ok
}

/// The span to report for a pattern's match: without the spaces a pattern takes in to see a
/// word's edge, and running on to the end of a word it stopped inside (`failed (111: C` becomes
/// `failed (111: Connection`), so the text shown reads as the line does.
fn neat(line: &[u8], span: Range<usize>) -> Range<usize> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let (mut start, mut end) = (span.start, span.end.min(line.len()));
    while start < end && line[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && line[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    if end > start && end == span.end && word(line[end - 1]) {
        let limit = (end + 64).min(line.len());
        while end < limit && word(line[end]) {
            end += 1;
        }
    }
    if start == end { span } else { start..end }
}

/// Puts findings in order of appearance and keeps each code once per line: at its first
/// mention, with the widest span starting there (a line that says `ECONNREFUSED (Connection
/// refused)` or `signal 11:SIGSEGV` mentions one code, not two). Of two codes whose mentions
/// start at the same place, the shorter mention comes first: in `NOTAUTH(BADSIG)` the longer
/// one reaches past the first code to name the second.
fn tidy(found: &mut Vec<Finding>) {
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)));
    let mut kept = 0;
    for k in 0..found.len() {
        let Finding { span, index } = found[k].clone();
        match found[..kept].iter_mut().find(|o| o.index == index) {
            Some(first) if first.span.start == span.start => first.span.end = first.span.end.max(span.end),
            Some(_) => {}
            None => {
                found.swap(kept, k);
                kept += 1;
            }
        }
    }
    found.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reported_span_is_trimmed_and_ends_at_a_word_end() {
        let line = b"x failed (111: Connection refused) y";
        assert_eq!(&line[neat(line, 1..16)], b"failed (111: Connection");
        let line = b"HTTP/1.1\" 502 157";
        assert_eq!(&line[neat(line, 0..14)], b"HTTP/1.1\" 502");
        assert_eq!(neat(b"   ", 0..3), 0..3);
    }

    #[test]
    fn words_stand_alone() {
        assert!(whole_word(b"got ECONNRESET here", 4..14));
        assert!(!whole_word(b"got WSAECONNRESET", 7..17));
        assert!(whole_word(b"(111: Connection refused)", 6..24));
        assert!(whole_word(b"[Errno 104]", 0..6));
    }

    #[test]
    fn a_code_counts_once_per_line_at_its_first_mention() {
        let f = |start, end, index| Finding { span: start..end, index };
        let mut out = vec![f(10, 20, 1), f(0, 25, 1), f(30, 35, 1), f(12, 14, 2), f(0, 5, 1)];
        tidy(&mut out);
        assert_eq!(out, vec![f(0, 25, 1), f(12, 14, 2)]);
    }

    #[test]
    fn of_two_codes_mentioned_from_one_place_the_shorter_mention_comes_first() {
        let f = |start, end, index| Finding { span: start..end, index };
        let mut out = vec![f(0, 30, 7), f(0, 22, 3)];
        tidy(&mut out);
        assert_eq!(out, vec![f(0, 22, 3), f(0, 30, 7)]);
    }
}
