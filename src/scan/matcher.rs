//! Finding codes in one line: every family's mention patterns and every code's `says` phrases,
//! compiled once from the catalog (built-in and user families alike).
//!
//! One Aho-Corasick automaton holds the literal prefilters of all patterns and all `says`
//! phrases, lower-cased; a line is lower-cased once and searched once with it. A pattern runs only
//! where one of its literals occurs, as an anchored search at that place (every match starts with
//! one of them), and is compiled the first time that happens: a lookup that never meets a log
//! line never compiles a regular expression.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::{Cache, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, PatternID, PatternSet};

use super::literals;
use crate::catalog::mention::{captured_value, code_group, compile_source, name_key, resolve_means};
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
                let regex = compile_source(&self.source, self.fixed.is_none()).ok()?;
                let group = code_group(&regex);
                (group.is_some() || self.fixed.is_some()).then_some((regex, group))
            })
            .as_ref()
    }
}

/// One thread's working memory for [`Scanner::find_with`]: the lower-cased line, the regex caches
/// and capture slots of each pattern, and the lists a search fills. Reused line after line, so a
/// scan allocates nothing per line once warm.
#[derive(Default)]
pub struct Scratch {
    lower: Vec<u8>,
    patterns: Vec<Option<(Cache, Captures)>>,
    hits: Vec<(usize, usize)>,
    found: Vec<Finding>,
    /// Which patterns without a prefilter match the line, and the cache that finds out.
    matched: Option<(Cache, PatternSet)>,
}

/// What a literal of the prefilter stands for.
#[derive(Clone, Debug)]
enum Literal {
    /// Run these patterns on the line: anchored where the literal starts, or over the whole line
    /// (`true`) when the literal is where the pattern's matches end.
    Patterns(Vec<(usize, bool)>),
    /// A `says` phrase of this code; `exact` when it must match case-sensitively.
    Says { index: usize, exact: Vec<u8> },
}

/// The position a hit records for a pattern that runs over the whole line.
const ANYWHERE: usize = usize::MAX;

/// The codes of one family, keyed the ways a mention can name them.
#[derive(Default)]
struct FamilyCodes {
    display: Option<Display>,
    negative: crate::catalog::Negative,
    /// Single codes by value (numeric families).
    by_value: HashMap<i64, usize>,
    /// Range entries: first value, last value, position.
    ranges: Vec<(i64, i64, usize)>,
    /// Codes by their code text, lower-cased (text and mixed families).
    by_code: HashMap<String, usize>,
    /// Codes by [`name_key`] of their code, name and aliases.
    by_name: HashMap<String, usize>,
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
    prefilter: Option<AhoCorasick>,
    literals: Vec<Literal>,
    /// The literals themselves (lower-cased) and their lengths.
    needles: Vec<Vec<u8>>,
    needle_lens: Vec<usize>,
    /// For each literal, the others that can match where it does (one is a prefix of the other):
    /// the leftmost-first search reports only one literal per place.
    companions: Vec<Vec<usize>>,
    families: Vec<FamilyCodes>,
}

impl Scanner {
    /// Compiles the scanner for a catalog. Costs a parse of each pattern (no regex compilation)
    /// and a map of the codes of the families that have patterns.
    pub fn new(catalog: &Catalog) -> Scanner {
        let mut patterns = Vec::new();
        let mut unfiltered = Vec::new();
        let mut literal_ids: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Literal> = Vec::new();
        let mut needles: Vec<Vec<u8>> = Vec::new();
        let mut families: Vec<FamilyCodes> = catalog.families().iter().map(|_| FamilyCodes::default()).collect();
        for (f, family) in catalog.families().iter().enumerate() {
            for m in family.mentions.iter() {
                let fixed = m.means.as_deref().and_then(|means| resolve_means(catalog, family, means));
                if m.means.is_some() && fixed.is_none() {
                    continue;
                }
                let p = patterns.len();
                patterns.push(Pattern {
                    family: f,
                    read: m.read,
                    fixed,
                    source: m.regex.to_string(),
                    unless: m.unless.as_ref().map(|u| (u.to_string(), OnceLock::new())),
                    regex: OnceLock::new(),
                });
                let (prefilter, anywhere) = match literals::prefilter(&m.regex) {
                    None => (None, false),
                    Some(literals::Prefilter::Prefix(l)) => (Some(l), false),
                    Some(literals::Prefilter::Anywhere(l)) => (Some(l), true),
                };
                match prefilter {
                    None => unfiltered.push(p),
                    Some(prefixes) => {
                        for prefix in prefixes {
                            let id = *literal_ids.entry(prefix.clone()).or_insert_with(|| {
                                needles.push(prefix);
                                literals.push(Literal::Patterns(Vec::new()));
                                literals.len() - 1
                            });
                            if let Literal::Patterns(list) = &mut literals[id] {
                                list.push((p, anywhere));
                            }
                        }
                    }
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
                codes.by_code.entry(e.code().to_lowercase()).or_insert(i);
                for name in std::iter::once(e.code()).chain(std::iter::once(e.name())).chain(e.aliases()) {
                    let key = name_key(name);
                    if !key.is_empty() {
                        codes.by_name.entry(key).or_insert(i);
                    }
                }
            }
            for phrase in e.says() {
                {
                    let exact = if phrase.contains(' ') { Vec::new() } else { phrase.as_bytes().to_vec() };
                    needles.push(phrase.to_ascii_lowercase().into_bytes());
                    literals.push(Literal::Says { index: i, exact });
                }
            }
        }
        let prefilter = (!needles.is_empty())
            .then(|| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(&needles).ok())
            .flatten();
        let companions = companions(&needles);
        let needle_lens = needles.iter().map(Vec::len).collect();
        Scanner {
            patterns,
            unfiltered,
            unfiltered_set: OnceLock::new(),
            prefilter,
            literals,
            needles,
            needle_lens,
            companions,
            families,
        }
    }

    /// Whether there is anything to find at all.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty() && self.prefilter.is_none()
    }

    /// The codes `line` mentions, in order of appearance. A code found twice at overlapping
    /// places (a pattern and a phrase inside it) is reported once, with the wider span.
    pub fn find(&self, line: &[u8]) -> Vec<Finding> {
        self.find_with(line, &mut Scratch::default()).to_vec()
    }

    /// [`Scanner::find`] with working memory kept between calls (one [`Scratch`] per thread).
    pub fn find_with<'s>(&self, line: &[u8], scratch: &'s mut Scratch) -> &'s [Finding] {
        scratch.found.clear();
        scratch.hits.clear();
        if let Some(ac) = &self.prefilter {
            scratch.lower.clear();
            scratch.lower.extend(line.iter().map(u8::to_ascii_lowercase));
            // Leftmost-first (the fast searcher), restarted one byte after each hit so that
            // literals starting inside a hit are seen; literals starting at the same place as a
            // hit (one is a prefix of the other) are checked from the companions list.
            let mut at = 0;
            while at < line.len() {
                let Some(m) = ac.find(aho_corasick::Input::new(&scratch.lower).range(at..)) else { break };
                let k = m.pattern().as_usize();
                self.take_literal(k, line, m.start(), m.end(), scratch);
                for &j in &self.companions[k] {
                    let end = m.start() + self.needle_lens[j];
                    if scratch.lower.get(m.start()..end) == Some(&self.needles[j][..]) {
                        self.take_literal(j, line, m.start(), end, scratch);
                    }
                }
                at = m.start() + 1;
            }
        }
        if scratch.patterns.len() < self.patterns.len() {
            scratch.patterns.resize_with(self.patterns.len(), || None);
        }
        let set = self.unfiltered_set.get_or_init(|| self.build_unfiltered_set());
        let Scratch { patterns, hits, found, matched, .. } = scratch;
        hits.sort_unstable();
        hits.dedup();
        for &(p, at) in hits.iter() {
            if at == ANYWHERE {
                self.run_over(p, line, &mut patterns[p], found);
            } else {
                self.run_at(p, line, at, &mut patterns[p], found);
            }
        }
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
            self.run_over(p, line, &mut patterns[p], found);
        }
        tidy(found);
        found
    }

    /// The expression that tells which of the patterns without a prefilter match a line.
    fn build_unfiltered_set(&self) -> Option<Regex> {
        if self.unfiltered.is_empty() {
            return None;
        }
        let sources: Vec<&str> = self.unfiltered.iter().map(|&p| self.patterns[p].source.as_str()).collect();
        Regex::builder()
            .syntax(regex_automata::util::syntax::Config::new().utf8(false))
            .configure(Regex::config().match_kind(regex_automata::MatchKind::All))
            .build_many(&sources)
            .ok()
    }

    /// Records what literal `k`, found at `start..end`, stands for.
    fn take_literal(&self, k: usize, line: &[u8], start: usize, end: usize, scratch: &mut Scratch) {
        match &self.literals[k] {
            Literal::Patterns(list) => {
                scratch.hits.extend(list.iter().map(|&(p, anywhere)| (p, if anywhere { ANYWHERE } else { start })))
            }
            Literal::Says { index, exact } => {
                let span = start..end;
                let case_ok = exact.is_empty() || line[span.clone()] == exact[..];
                if case_ok && whole_word(line, span.clone()) {
                    scratch.found.push(Finding { span, index: *index });
                }
            }
        }
    }

    /// Runs pattern `p` over the whole line, every match.
    fn run_over(&self, p: usize, line: &[u8], slot: &mut Option<(Cache, Captures)>, found: &mut Vec<Finding>) {
        let mut at = 0;
        while at <= line.len() {
            let Some(end) = self.run_from(p, line, at, slot, found) else { break };
            at = end.max(at + 1);
        }
    }

    /// Runs pattern `p` anchored at `at` (where one of its literals starts).
    fn run_at(&self, p: usize, line: &[u8], at: usize, slot: &mut Option<(Cache, Captures)>, found: &mut Vec<Finding>) {
        let pattern = &self.patterns[p];
        let Some((regex, group)) = pattern.regex() else { return };
        let (cache, caps) = slot.get_or_insert_with(|| (regex.create_cache(), regex.create_captures()));
        let input = Input::new(line).range(at..).anchored(Anchored::Yes);
        regex.search_captures_with(cache, &input, caps);
        self.take(pattern, line, *group, caps, found);
    }

    /// Runs pattern `p` (which has no prefilter) from `at`; returns where its match ended.
    fn run_from(
        &self,
        p: usize,
        line: &[u8],
        at: usize,
        slot: &mut Option<(Cache, Captures)>,
        found: &mut Vec<Finding>,
    ) -> Option<usize> {
        let pattern = &self.patterns[p];
        let (regex, group) = pattern.regex()?;
        let (cache, caps) = slot.get_or_insert_with(|| (regex.create_cache(), regex.create_captures()));
        regex.search_captures_with(cache, &Input::new(line).range(at..), caps);
        let end = caps.get_match()?.end();
        self.take(pattern, line, *group, caps, found);
        Some(end)
    }

    /// Records the code a successful search captured, if it names one.
    fn take(&self, pattern: &Pattern, line: &[u8], group: Option<usize>, caps: &Captures, found: &mut Vec<Finding>) {
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
        if let Some(index) = self.resolve(pattern.family, pattern.read, text) {
            found.push(Finding { span: neat(line, whole.range()), index });
        }
    }

    /// The code of family `f` that a capture names (the fast form of
    /// [`crate::catalog::mention::resolve`], which tests hold it to).
    fn resolve(&self, f: usize, read: MentionRead, text: &str) -> Option<usize> {
        let codes = &self.families[f];
        let display = codes.display?;
        if let Some(value) = captured_value(display, codes.negative, read, text) {
            return codes.by_value.get(&value).copied().or_else(|| {
                codes.ranges.iter().find(|(start, end, _)| (*start..=*end).contains(&value)).map(|(_, _, i)| *i)
            });
        }
        match read {
            MentionRead::Hex => None,
            MentionRead::Code => matches!(display, Display::Text | Display::Mixed)
                .then(|| codes.by_code.get(&text.trim().to_lowercase()).copied())
                .flatten(),
            MentionRead::Name => codes.by_name.get(&name_key(text)).copied(),
        }
    }
}

/// For each needle, the other needles that are a prefix of it or that it is a prefix of: the only
/// ones that can match at the same place. Found through a map of all needles, in time linear in
/// their total length.
fn companions(needles: &[Vec<u8>]) -> Vec<Vec<usize>> {
    let mut by_text: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (k, n) in needles.iter().enumerate() {
        by_text.entry(n.as_slice()).or_default().push(k);
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); needles.len()];
    for (k, n) in needles.iter().enumerate() {
        for end in 1..=n.len() {
            for &j in by_text.get(&n[..end]).map_or(&[][..], Vec::as_slice) {
                if j != k {
                    out[k].push(j);
                    out[j].push(k);
                }
            }
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
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
