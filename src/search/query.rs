//! What the user typed, parsed: an optional family filter, and a pattern (a number, a class such
//! as `4xx`, or words).

use crate::catalog::{Catalog, parse_number};

/// What a query asks for, once the family words are taken out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Nothing: list everything (in the family, if one was named).
    Everything,
    /// A number, decimal or hex, as typed (`1002`, `0x7`).
    Number { value: i64, typed: String },
    /// A class of numbers: `4xx` is 400..=499, `10xx` is 1000..=1099. For codes written as
    /// text, the codes of `width` characters that start with `prefix` (`23xxx`: SQLSTATE class 23).
    Class { low: i64, high: i64, prefix: String, width: usize },
    /// Words: names, aliases and text.
    Words(String),
}

/// A parsed query: an optional family filter and what to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub family: Option<String>,
    pub pattern: Pattern,
    /// What was typed, as typed (a pasted log line is scanned for the codes it mentions).
    pub text: String,
}

impl Query {
    /// Whether the query could be (part of) a log line that mentions codes in context: several
    /// words, or punctuation that log lines carry. A bare code or name is not scanned, nor a
    /// family and a code or class (`ws 1002`, `http 5xx`, `bigco 100042`).
    pub fn looks_like_a_line(&self) -> bool {
        let text = self.text.trim();
        if text.contains([':', '=', '(', ')', '[', ']', '"', '\'', '<', '>']) {
            return true;
        }
        let words = text.split_whitespace().count();
        let family_and_code = words == 2
            && self.family.is_some()
            && matches!(self.pattern, Pattern::Number { .. } | Pattern::Class { .. });
        words >= 2 && !family_and_code
    }
}

impl Query {
    /// Parses what the user typed. Words naming a family (`ws`, `http`), or a `family/` prefix,
    /// become the family filter; the rest is the pattern.
    pub fn parse(input: &str, catalog: &Catalog) -> Query {
        let mut family = None;
        let mut rest: Vec<&str> = Vec::new();
        let raw = input;
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
        Query { family, pattern: Pattern::parse(&text), text: raw.to_string() }
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
            let prefix = text.trim_end_matches(['x', 'X']).to_string();
            return Pattern::Class { low, high, prefix, width: text.len() };
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
