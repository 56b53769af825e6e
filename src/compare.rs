//! What two codes have in common and where they differ. Pure: the curated note for the pair (if
//! any) comes first, then differences computed from the two entries.

use std::borrow::Cow;

use crate::catalog::{Catalog, CodeEntry};
use crate::strings::{Strings, fill};

/// Two codes side by side, with what tells them apart.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub left: Cow<'a, CodeEntry>,
    pub right: Cow<'a, CodeEntry>,
    /// Curated differences first, then computed ones.
    pub differences: Vec<String>,
    pub when_to_use: String,
    /// Whether a hand-written note exists for this pair.
    pub curated: bool,
}

/// A short label for a code in sentences: `http 502 Bad Gateway`.
pub fn label(entry: &CodeEntry) -> String {
    format!("{} {} {}", entry.family, entry.code, entry.name)
}

/// Compares two entries of the catalog, by index.
pub fn compare<'a>(catalog: &'a Catalog, left: usize, right: usize, s: &Strings) -> Comparison<'a> {
    let (l, r) = (catalog.entry(left), catalog.entry(right));
    let (ll, rl) = (label(&l), label(&r));
    if left == right {
        return Comparison {
            when_to_use: l.summary.to_string(),
            left: l,
            right: r,
            differences: vec![fill(s.same_code, &[&ll])],
            curated: false,
        };
    }
    let mut differences = Vec::new();
    let note = catalog.note_for(&l.id(), &r.id());
    if let Some((note, _)) = note {
        differences.extend(note.differences.iter().map(|d| d.to_string()));
    }
    differences.extend(computed_differences(catalog, &l, &r, s));
    if differences.is_empty() {
        differences.push(s.diff_none.to_string());
    }
    let when_to_use = match note {
        Some((note, _)) => note.when_to_use.to_string(),
        None => fill(s.when_to_use_fallback, &[&ll, &l.summary, &rl, &r.summary]),
    };
    Comparison { left: l, right: r, differences, when_to_use, curated: note.is_some() }
}

/// Differences that follow from the entries' fields: family, class, sender, retry, wire, status.
pub fn computed_differences(catalog: &Catalog, l: &CodeEntry, r: &CodeEntry, s: &Strings) -> Vec<String> {
    let (ll, rl) = (label(l), label(r));
    let mut out = Vec::new();
    if l.family != r.family {
        let name = |e: &CodeEntry| catalog.family_of(e).map_or(e.family.to_string(), |f| f.name.to_string());
        out.push(fill(s.diff_family, &[&ll, &name(l), &rl, &name(r)]));
    } else if let (Some(cl), Some(cr)) = (catalog.class_of(l), catalog.class_of(r))
        && cl != cr
    {
        out.push(fill(s.diff_class, &[&ll, cl, &rl, cr]));
    }
    if l.sent_by != r.sent_by {
        out.push(fill(s.diff_sender, &[&ll, &s.senders(&l.sent_by), &rl, &s.senders(&r.sent_by)]));
    }
    if l.retry != r.retry {
        out.push(fill(s.diff_retry, &[&ll, s.retry(l.retry), &rl, s.retry(r.retry)]));
    }
    if l.never_sent != r.never_sent {
        let (local, wire) = if l.never_sent { (&ll, &rl) } else { (&rl, &ll) };
        out.push(fill(s.diff_never_sent, &[local, wire]));
    }
    if l.official != r.official {
        let (unofficial, official) = if l.official { (r, l) } else { (l, r) };
        out.push(fill(
            s.diff_official,
            &[&label(unofficial), unofficial.source.as_deref().unwrap_or("?"), &label(official)],
        ));
    }
    if let (Some(da), Some(db)) = (&l.default_action, &r.default_action)
        && da != db
    {
        out.push(fill(s.diff_signal, &[&ll, da, &rl, db]));
    }
    if let (Some(ca), Some(cb)) = (l.catchable, r.catchable)
        && ca != cb
    {
        let (no, yes) = if ca { (&rl, &ll) } else { (&ll, &rl) };
        out.push(fill(s.diff_catchable, &[no, yes]));
    }
    out
}
