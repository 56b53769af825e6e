//! Lower-cased copies of what search reads, built lazily and kept: names and aliases with a
//! character mask (for fuzzy and exact matching), and a word index of the descriptions (for the
//! text tier).

use std::sync::OnceLock;

use crate::catalog::{Catalog, EntryRef};

/// Lower-cased copies of what search looks at, built on first use and kept: number queries need
/// none of it, name queries only the names, and only word queries that reach the text tier pay
/// for normalising the descriptions.
#[derive(Default)]
pub struct SearchIndex {
    names: OnceLock<Vec<Names>>,
    text: OnceLock<TextIndex>,
    /// The mention scanner, for queries that look like pasted log lines, and its working memory
    /// (regex caches stay warm from one keystroke to the next).
    scanner: OnceLock<crate::scan::Scanner>,
    scratch: std::sync::Mutex<crate::scan::Scratch>,
    /// For a single query (the CLI) a scan of the text is cheaper than building the word index,
    /// which pays off only over many keystrokes.
    pub(super) one_shot: bool,
}

/// An entry's name and aliases, normalised.
pub(super) struct Names {
    pub(super) name: String,
    pub(super) aliases: Vec<String>,
    /// errno's C library message ("connection refused"): as good as a name to the reader.
    pub(super) message: Option<String>,
    /// Which characters occur in the name, aliases and message (see [`char_mask`]): a query with a
    /// character they lack cannot match them, whatever the fuzzy matcher would say.
    pub(super) mask: u64,
}

/// A bit per character class (a–z, 0–9, everything else): cheap proof that a string cannot
/// contain all of a query's characters.
pub(super) fn char_mask(s: &str) -> u64 {
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
    if s.is_ascii() {
        // Byte by byte: the same result as the general path, several times faster.
        let mut out = s.to_ascii_lowercase().into_bytes();
        for b in &mut out {
            if *b == b'_' || *b == b'-' {
                *b = b' ';
            }
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    s.chars().map(normalize_char).collect()
}

/// One char as `normalize` writes it (ASCII, nearly all of it, without the Unicode tables).
fn normalize_char(c: char) -> char {
    match c {
        '_' | '-' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `char::is_alphanumeric`, with the ASCII case answered without the Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

impl SearchIndex {
    pub fn new(_catalog: &Catalog) -> Self {
        Self::default()
    }

    /// An index for a process that runs one or two queries: no word index for the text tier.
    pub fn one_shot() -> Self {
        SearchIndex { one_shot: true, ..Self::default() }
    }

    /// Builds every part a browser's queries may need (for a thread to do ahead of them).
    pub fn build(&self, catalog: &Catalog) {
        self.names(catalog);
        if !self.one_shot {
            self.text(catalog);
        }
    }

    pub(super) fn names(&self, catalog: &Catalog) -> &[Names] {
        self.names.get_or_init(|| {
            catalog
                .iter()
                .map(|e| {
                    let name = normalize(e.name());
                    // An alias that is the name again (CLOSE_NORMAL vs close normal) adds nothing.
                    let aliases: Vec<String> =
                        e.aliases().map(normalize).map(|a| if a == name { String::new() } else { a }).collect();
                    let message = e.message().map(normalize);
                    let mask = aliases.iter().chain(message.iter()).fold(char_mask(&name), |m, a| m | char_mask(a));
                    Names { name, aliases, message, mask }
                })
                .collect()
        })
    }

    /// The scanner that finds the codes a pasted line mentions (built on the first such query).
    pub fn scanner(&self, catalog: &Catalog) -> &crate::scan::Scanner {
        self.scanner.get_or_init(|| crate::scan::Scanner::for_text(catalog))
    }

    /// The codes `line` mentions, with the scanner's working memory kept for the next query.
    pub fn mentions_in(&self, catalog: &Catalog, line: &str) -> Vec<crate::scan::Finding> {
        let scanner = self.scanner(catalog);
        match self.scratch.lock() {
            Ok(mut scratch) => scanner.find_with(catalog, line.as_bytes(), &mut scratch).to_vec(),
            Err(_) => scanner.find(catalog, line.as_bytes()),
        }
    }

    pub(super) fn text(&self, catalog: &Catalog) -> &TextIndex {
        self.text.get_or_init(|| TextIndex::new(catalog))
    }
}

/// The words of every entry's text, for the text tier: a sorted vocabulary, and for each entry the
/// sorted ids of its distinct words with how often each occurs. "Does a word of this entry start
/// with `w`, and how often?" is then two binary searches instead of a scan of the description.
pub(super) struct TextIndex {
    vocabulary: Vec<String>,
    words: Vec<Vec<(u32, u32)>>,
}

/// The words of a run of entries, numbered in the order first seen.
struct Slice {
    vocabulary: Vec<String>,
    words: Vec<Vec<(u32, u32)>>,
}

impl Slice {
    fn new(catalog: &Catalog, range: std::ops::Range<usize>) -> Slice {
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut vocabulary = Vec::new();
        let words = range
            .map(|i| {
                let text = searchable_text(catalog.at(i));
                let mut all: Vec<u32> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = vocabulary.len() as u32;
                            ids.insert(w.to_string(), id);
                            vocabulary.push(w.to_string());
                            id
                        }
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
        Slice { vocabulary, words }
    }
}

impl TextIndex {
    /// Built in slices on all cores (each slice numbers its own words), then the slices'
    /// vocabularies are merged into one sorted vocabulary and every list is renumbered into it.
    fn new(catalog: &Catalog) -> TextIndex {
        Self::in_slices(catalog, super::threads_for(catalog.len()))
    }

    fn in_slices(catalog: &Catalog, threads: usize) -> TextIndex {
        let n = catalog.len();
        let slices = super::in_runs(n, threads, |range| Slice::new(catalog, range));
        // Renumber in lexicographic order, so the words starting with a prefix are one id range.
        let mut all: Vec<(&str, usize, u32)> = slices
            .iter()
            .enumerate()
            .flat_map(|(k, slice)| slice.vocabulary.iter().enumerate().map(move |(id, w)| (w.as_str(), k, id as u32)))
            .collect();
        all.sort_unstable();
        let mut vocabulary: Vec<String> = Vec::new();
        let mut ranks: Vec<Vec<u32>> = slices.iter().map(|slice| vec![0; slice.vocabulary.len()]).collect();
        for (word, k, id) in all {
            if vocabulary.last().is_none_or(|last| last != word) {
                vocabulary.push(word.to_string());
            }
            ranks[k][id as usize] = vocabulary.len() as u32 - 1;
        }
        let mut words = Vec::with_capacity(n);
        for (slice, rank) in slices.into_iter().zip(ranks) {
            for mut list in slice.words {
                for (id, _) in list.iter_mut() {
                    *id = rank[*id as usize];
                }
                list.sort_unstable();
                words.push(list);
            }
        }
        TextIndex { vocabulary, words }
    }

    /// The ids of the words that start with `prefix`.
    pub(super) fn range(&self, prefix: &str) -> (u32, u32) {
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
pub(super) enum TextCheck<'a> {
    /// The word index, with the id range of each alphanumeric piece of the query's words. When
    /// every query word is a single piece the index answers alone; otherwise (`going-away` typed
    /// as `going.away`, `x/y`) it rules entries out and `exact` has the survivors scanned.
    Index { index: &'a TextIndex, ranges: Vec<(u32, u32)>, exact: bool },
    /// No index (a one-shot query): scan the text of every entry.
    Scan,
    /// No word of any entry's text starts with one of the query's pieces (`snpt`): no text can
    /// match, and no entry is looked at.
    Nothing,
}

impl<'a> TextCheck<'a> {
    /// The check for these normalised query words over `index`.
    ///
    /// A word that matches in the text (see [`word_prefixes`]) starts at a word boundary, and each
    /// of its alphanumeric pieces then starts a word of the text: so an entry whose words do not
    /// start with every piece cannot match, which is what the ranges test.
    pub(super) fn indexed(index: &'a TextIndex, words: &[&str]) -> Self {
        let mut ranges = Vec::new();
        let mut exact = true;
        for word in words {
            let mut pieces = word.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).peekable();
            let whole = pieces.peek() == Some(word);
            exact &= whole;
            if pieces.peek().is_none() {
                // Nothing alphanumeric (`!!`, an emoji): no word of any text starts with it.
                ranges.push((0, 0));
            }
            ranges.extend(pieces.map(|p| index.range(p)));
        }
        if ranges.iter().any(|&(lo, hi)| lo >= hi) {
            return TextCheck::Nothing;
        }
        TextCheck::Index { index, ranges, exact }
    }

    pub(super) fn matches(&self, e: EntryRef<'_>, i: usize, words: &[&str]) -> Option<usize> {
        match self {
            TextCheck::Index { index, ranges, exact: true } => index.matches(i, ranges),
            TextCheck::Index { index, ranges, exact: false } => {
                index.matches(i, ranges)?;
                scan(e, words)
            }
            TextCheck::Scan => scan(e, words),
            TextCheck::Nothing => None,
        }
    }
}

/// How often the words occur as word prefixes in the entry's text, if each of them does: straight
/// over the entry's fields, without building a normalised copy.
fn scan(e: EntryRef<'_>, words: &[&str]) -> Option<usize> {
    let fields = e.prose();
    words.iter().try_fold(0, |total, w| {
        let n: usize = fields.iter().flatten().map(|f| word_prefixes(f, w)).sum();
        (n > 0).then_some(total + n)
    })
}

fn searchable_text(e: EntryRef<'_>) -> String {
    let mut text = String::new();
    for part in e.prose().into_iter().flatten() {
        text.push_str(part);
        text.push(' ');
    }
    normalize(&text)
}

/// How many words of `text` start with `word` (normalised: lower case, `_` and `-` as spaces),
/// comparing as `normalize` would without allocating.
fn word_prefixes(text: &str, word: &str) -> usize {
    let mut count = 0;
    let mut after_word = false;
    for (at, c) in text.char_indices() {
        let alnum = is_word_char(c);
        if alnum && !after_word {
            let mut rest = text[at..].chars().map(normalize_char);
            if word.chars().all(|w| rest.next() == Some(w)) {
                count += 1;
            }
        }
        after_word = alnum;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_path_normalises_like_the_general_one() {
        for s in ["Going-Away_NOW", "ECONNREFUSED", "http/1.1 - x", "", "A-b_C d", "ÉCOLE-Ünï_code", "x\u{301}-Y"] {
            let general: String = s.chars().map(normalize_char).collect();
            assert_eq!(normalize(s), general, "{s:?}");
        }
    }

    #[test]
    fn slices_merge_into_the_index_one_slice_builds() {
        let catalog = Catalog::builtin();
        let one = TextIndex::in_slices(&catalog, 1);
        for threads in [2, 3, 7] {
            let sliced = TextIndex::in_slices(&catalog, threads);
            assert_eq!(one.vocabulary, sliced.vocabulary);
            assert_eq!(one.words, sliced.words);
        }
    }
}
