//! The patterns that have no literal prefilter, looked for in a whole block of lines by one pass
//! of one lazy DFA: it names the lines where one of them may match, and only those lines run
//! them one by one. One pass over a block costs a fraction of one search per line.
//!
//! The expressions are rewritten for the block so that a pattern matching a line always matches
//! the block within that line: no class takes in a line end, and `^`, `$`, `\A` and `\z` hold
//! at the ends of every line. A line named may still not match (the scanner checks it, as it
//! checks every line the literal prefilter names).

use regex_automata::Input;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use regex_syntax::hir::{Look, Repetition};

use super::literals::parse_with;

/// The most memory the automaton's states may take before it starts over (it then runs slower,
/// never wrongly).
const CACHE_BYTES: usize = 2 << 20;

/// The patterns without a prefilter, as one automaton over blocks of lines.
pub struct BlockSet {
    dfa: DFA,
}

impl BlockSet {
    /// The automaton for `sources`, or `None` when one of them cannot be read or the automaton
    /// cannot be built (the scanner then checks every line).
    pub fn new(sources: &[&str]) -> Option<BlockSet> {
        let hirs: Vec<Hir> =
            sources.iter().map(|s| parse_with(s, true).map(|h| within_lines(&h))).collect::<Option<_>>()?;
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .ok()?;
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(CACHE_BYTES).unicode_word_boundary(true))
            .build_from_nfa(nfa)
            .ok()?;
        Some(BlockSet { dfa })
    }

    pub fn create_cache(&self) -> Cache {
        self.dfa.create_cache()
    }

    /// Appends to `out` one position within each line of `block` where a pattern may match, in
    /// order. Where the automaton gives up (a Unicode word boundary next to a non-ASCII byte), it
    /// names every line from there on.
    pub fn lines(&self, cache: &mut Cache, block: &[u8], out: &mut Vec<usize>) {
        let mut at = 0;
        while at < block.len() {
            let input = Input::new(block).range(at..).earliest(true);
            match self.dfa.try_search_fwd(cache, &input) {
                Ok(None) => return,
                Ok(Some(found)) => {
                    // Where the match ends; its last byte when it has one, as an empty match at a
                    // line's start belongs to that line.
                    let end = found.offset();
                    let inside = if end > at && block[end - 1] != b'\n' { end - 1 } else { end };
                    out.push(inside);
                    at = memchr::memchr(b'\n', &block[inside..]).map_or(block.len(), |nl| inside + nl + 1);
                }
                Err(_) => {
                    every_line(block, at, out);
                    return;
                }
            }
        }
    }
}

/// Appends the start of every line of `block` from `from` (itself a line's start) on: where
/// nothing tells the lines apart, each may match.
pub fn every_line(block: &[u8], from: usize, out: &mut Vec<usize>) {
    out.push(from);
    out.extend(memchr::memchr_iter(b'\n', &block[from..]).map(|nl| from + nl + 1).filter(|&p| p < block.len()));
}

/// `hir` confined to single lines: classes without `\n`, text-edge assertions at line edges.
fn within_lines(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Bytes(class)) => {
            let mut not_nl = ClassBytes::new([ClassBytesRange::new(b'\n', b'\n')]);
            not_nl.negate();
            let mut class = class.clone();
            class.intersect(&not_nl);
            Hir::class(Class::Bytes(class))
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut not_nl = ClassUnicode::new([ClassUnicodeRange::new('\n', '\n')]);
            not_nl.negate();
            let mut class = class.clone();
            class.intersect(&not_nl);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Look(Look::Start | Look::StartLF) => Hir::look(Look::StartCRLF),
        HirKind::Look(Look::End | Look::EndLF) => Hir::look(Look::EndCRLF),
        HirKind::Repetition(r) => Hir::repetition(Repetition { sub: Box::new(within_lines(&r.sub)), ..r.clone() }),
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(within_lines(&c.sub)), ..c.clone() }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(within_lines).collect()),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(within_lines).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(set: &BlockSet, block: &str) -> Vec<usize> {
        let mut out = Vec::new();
        set.lines(&mut set.create_cache(), block.as_bytes(), &mut out);
        // The line each position is in.
        out.iter().map(|&p| block[..p].matches('\n').count()).collect()
    }

    #[test]
    fn names_each_line_that_holds_a_match_once() {
        let set = BlockSet::new(&[r"\b5[0-9]{2} 5\.[0-9]\.[0-9]\b", r"= -1 E[A-Z]+"]).expect("builds");
        let block = "a 550 5.1.1 b 550 5.1.1\nnothing 550\nx = -1 ENOENT\n\n421 4.4.2\n550 5.7.1";
        assert_eq!(named(&set, block), vec![0, 2, 5]);
    }

    #[test]
    fn no_match_runs_across_a_line_end() {
        let set = BlockSet::new(&[r"[0-9]+\s+Running", r"start[^x]*end"]).expect("builds");
        assert_eq!(named(&set, "1\nRunning\nstart\nend\n"), Vec::<usize>::new());
        assert_eq!(named(&set, "1\n2  Running\n"), vec![1]);
    }

    #[test]
    fn text_edges_are_line_edges() {
        let set = BlockSet::new(&[r"^<- +334 [A-Za-z0-9+/]*$", r"\Aboot\z"]).expect("builds");
        assert_eq!(named(&set, "x\n<-  334 VXNlcm5hbWU6\r\nboot\nboot up\n"), vec![1, 2]);
    }

    #[test]
    fn gives_every_line_where_it_cannot_decide() {
        // A Unicode word boundary next to a non-ASCII byte: the lazy DFA gives up there.
        let set = BlockSet::new(&[r"\b[éè]\d+\b"]).expect("builds");
        let lines = named(&set, "plain\nnaïve é42\nmore\n");
        assert!(lines.contains(&1) && lines.contains(&2), "{lines:?}");
    }
}
