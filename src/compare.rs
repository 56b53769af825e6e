//! What two codes have in common and where they differ. Pure: an intro that places the two codes,
//! the curated note for the pair (if any), then contrasts built from the entries' own fields, and
//! which to use when. A generated sentence is only ever built from both entries' fields, so it is
//! true of both; anything subtler is written by hand in a curated note.

use std::borrow::Cow;

use crate::catalog::{Catalog, CodeEntry, Medium};
use crate::strings::{Strings, fill};

/// What one line of the key differences contrasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// A hand-written difference from a curated note.
    Curated,
    /// How to recognise each one: the entries' `sign`.
    Sign,
    /// Who produces each one.
    Sender,
    /// Whether each one travels between peers or is only reported locally.
    Wire,
    /// Whether retrying helps.
    Retry,
    /// Their classes in one family.
    Class,
    /// Their families and layers.
    Family,
    /// Their standard levels (or registered versus vendor-specific).
    Standard,
    /// A signal's default action.
    SignalAction,
    /// Whether a signal can be caught.
    Catchable,
    /// Where you meet each one: the first situation of their `when`.
    When,
    /// What to check first: the first step of their `fix`.
    FirstCheck,
    /// What each one means: their summaries.
    Meaning,
}

/// One contrast between the two codes.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Contrast {
    pub aspect: Aspect,
    pub text: String,
}

/// Two codes side by side, with what tells them apart.
#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub left: Cow<'a, CodeEntry>,
    pub right: Cow<'a, CodeEntry>,
    /// Places the two codes: one family or two, and what each means.
    pub intro: String,
    /// The key differences: curated ones first, then generated contrasts.
    pub contrasts: Vec<Contrast>,
    /// The key differences as text (the contrasts' texts).
    pub differences: Vec<String>,
    pub when_to_use: String,
    /// Whether a hand-written note exists for this pair.
    pub curated: bool,
}

/// A short label for a code in sentences: `http 502 Bad Gateway`.
pub fn label(entry: &CodeEntry) -> String {
    format!("{} {} {}", entry.family, entry.code, entry.name)
}

/// How a contrast names a code: its code alone when both share a family (`1000`), else with
/// the family (`errno 32`).
pub fn short_label(e: &CodeEntry, other: &CodeEntry) -> String {
    if e.family == other.family { e.code.to_string() } else { format!("{} {}", e.family, e.code) }
}

/// A sentence put after "means:", starting in lower case unless its first word is an acronym or
/// a name (`The peer` → `the peer`, `TLS` stays).
fn inner(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_uppercase() && (second.is_lowercase() || (first == 'A' && second == ' ')) =>
        {
            first.to_lowercase().chain(sentence[first.len_utf8()..].chars()).collect()
        }
        _ => sentence.to_string(),
    }
}

/// Generated contrasts wanted at least, whatever the pair.
pub const MIN_CONTRASTS: usize = 3;

/// Compares two entries of the catalog, by index.
pub fn compare<'a>(catalog: &'a Catalog, left: usize, right: usize, s: &Strings) -> Comparison<'a> {
    let (l, r) = (catalog.entry(left), catalog.entry(right));
    if left == right {
        let ll = label(&l);
        return Comparison {
            intro: fill(s.same_code, &[&ll]),
            when_to_use: l.summary.to_string(),
            contrasts: Vec::new(),
            differences: Vec::new(),
            left: l,
            right: r,
            curated: false,
        };
    }
    let note = catalog.note_for(&l.id(), &r.id());
    let mut contrasts: Vec<Contrast> = Vec::new();
    if let Some((note, _)) = note {
        contrasts.extend(note.differences.iter().map(|d| Contrast { aspect: Aspect::Curated, text: d.to_string() }));
    }
    contrasts.extend(generated(catalog, &l, &r, s, note.is_some()));
    let when_to_use = match note {
        Some((note, _)) => note.when_to_use.to_string(),
        None => guidance(&l, &r, s),
    };
    let differences = contrasts.iter().map(|c| c.text.clone()).collect();
    Comparison {
        intro: intro(catalog, &l, &r, s),
        contrasts,
        differences,
        when_to_use,
        left: l,
        right: r,
        curated: note.is_some(),
    }
}

/// The opening: whether both belong to one family or class, what the first means, and what the
/// second means by contrast.
pub fn intro(catalog: &Catalog, l: &CodeEntry, r: &CodeEntry, s: &Strings) -> String {
    let (ll, rl) = (label(l), label(r));
    let family_name = |e: &CodeEntry| catalog.family_of(e).map_or(e.family.to_string(), |f| f.name.to_string());
    let place = if l.family == r.family {
        match (catalog.class_of(l), catalog.class_of(r)) {
            (Some(cl), Some(cr)) if cl == cr => fill(s.intro_same_class, &[&family_name(l), cl]),
            (Some(cl), Some(cr)) => fill(s.intro_same_family_classes, &[&family_name(l), &ll, cl, &rl, cr]),
            _ => fill(s.intro_same_family, &[&family_name(l)]),
        }
    } else {
        fill(s.intro_families, &[&ll, &family_name(l), &rl, &family_name(r)])
    };
    let meaning = fill(s.intro_meanings, &[&ll, &inner(&l.summary), &rl, &inner(&r.summary)]);
    format!("{place} {meaning}")
}

/// Contrasts that follow from the two entries' fields. With a curated note only the short,
/// structured ones are added (the note already covers signs and situations).
fn generated(catalog: &Catalog, l: &CodeEntry, r: &CodeEntry, s: &Strings, curated: bool) -> Vec<Contrast> {
    let (ll, rl) = (short_label(l, r), short_label(r, l));
    let mut out = Vec::new();
    let mut push = |aspect, text: String| out.push(Contrast { aspect, text });
    if !curated && let (Some(sl), Some(sr)) = (&l.sign, &r.sign) {
        push(Aspect::Sign, fill(s.diff_sign, &[&ll, sl, &rl, sr]));
    }
    if l.sent_by != r.sent_by {
        push(Aspect::Sender, fill(s.diff_sender, &[&ll, &s.senders(&l.sent_by), &rl, &s.senders(&r.sent_by)]));
    }
    match (on_wire(catalog, l), on_wire(catalog, r)) {
        (Some(true), Some(false)) => push(Aspect::Wire, wire_text(catalog, r, &rl, &ll, s)),
        (Some(false), Some(true)) => push(Aspect::Wire, wire_text(catalog, l, &ll, &rl, s)),
        _ => {}
    }
    if l.retry != r.retry {
        push(Aspect::Retry, fill(s.diff_retry, &[&ll, s.retry(l.retry), &rl, s.retry(r.retry)]));
    }
    if l.family != r.family {
        let family = |e: &CodeEntry| catalog.family_of(e);
        let layer = |e: &CodeEntry| family(e).map_or(String::new(), |f| f.layer.to_string());
        let name = |e: &CodeEntry| family(e).map_or(e.family.to_string(), |f| f.name.to_string());
        if layer(l).is_empty() || layer(r).is_empty() || layer(l) == layer(r) {
            push(Aspect::Family, fill(s.diff_family, &[&ll, &name(l), &rl, &name(r)]));
        } else {
            push(Aspect::Family, fill(s.diff_layer, &[&ll, &layer(l), &rl, &layer(r)]));
        }
    } else if let (Some(cl), Some(cr)) = (catalog.class_of(l), catalog.class_of(r))
        && cl != cr
    {
        push(Aspect::Class, fill(s.diff_class, &[&ll, cl, &rl, cr]));
    }
    let level = |e: &CodeEntry| {
        catalog
            .family_of(e)
            .zip(e.standard.as_deref())
            .and_then(|(f, id)| f.standard(id))
            .map(|lv| lv.label.to_string())
    };
    match (level(l), level(r)) {
        _ if l.official != r.official => {
            let (unofficial, official) = if l.official { (r, l) } else { (l, r) };
            push(
                Aspect::Standard,
                fill(
                    s.diff_official,
                    &[
                        &short_label(unofficial, official),
                        unofficial.source.as_deref().unwrap_or("?"),
                        &short_label(official, unofficial),
                    ],
                ),
            );
        }
        (Some(a), Some(b)) if a != b && l.family == r.family => {
            push(Aspect::Standard, fill(s.diff_standard, &[&ll, &a, &rl, &b]))
        }
        _ => {}
    }
    if let (Some(da), Some(db)) = (&l.default_action, &r.default_action)
        && da != db
    {
        push(Aspect::SignalAction, fill(s.diff_signal, &[&ll, da, &rl, db]));
    }
    if let (Some(ca), Some(cb)) = (l.catchable, r.catchable)
        && ca != cb
    {
        let (no, yes) = if ca { (&rl, &ll) } else { (&ll, &rl) };
        push(Aspect::Catchable, fill(s.diff_catchable, &[no, yes]));
    }
    if curated {
        return out;
    }
    if let (Some(wl), Some(wr)) = (first_item(&l.when), first_item(&r.when)) {
        push(Aspect::When, fill(s.diff_when, &[&ll, &wl, &rl, &wr]));
    }
    // What to check first is in the guidance when a side has no `use_when`; say it here
    // only when both sides are codes an application chooses.
    if let (Some(fl), Some(fr), Some(_), Some(_)) = (l.fix.first(), r.fix.first(), &l.use_when, &r.use_when) {
        push(Aspect::FirstCheck, fill(s.diff_first_check, &[&ll, fl, &rl, fr]));
    }
    if out.len() < MIN_CONTRASTS {
        out.push(Contrast { aspect: Aspect::Meaning, text: fill(s.diff_meaning, &[&ll, &l.summary, &rl, &r.summary]) });
    }
    if out.len() < MIN_CONTRASTS
        && !out.iter().any(|c| c.aspect == Aspect::FirstCheck)
        && let (Some(fl), Some(fr)) = (l.fix.first(), r.fix.first())
    {
        out.push(Contrast { aspect: Aspect::FirstCheck, text: fill(s.diff_first_check, &[&ll, fl, &rl, fr]) });
    }
    out
}

/// Whether a code travels between peers: `None` when its family is a local one (errno,
/// signals), where the question does not arise.
pub fn on_wire(catalog: &Catalog, e: &CodeEntry) -> Option<bool> {
    let family = catalog.family_of(e)?;
    Some(family.medium == Medium::Wire && !e.never_sent)
}

/// The wire contrast: `local` (label `local_label`) is not sent, `wire_label` is.
fn wire_text(catalog: &Catalog, local: &CodeEntry, local_label: &str, wire_label: &str, s: &Strings) -> String {
    let local_family = catalog.family_of(local).map(|f| f.medium);
    let template = if local_family == Some(Medium::Wire) { s.diff_never_sent } else { s.diff_local };
    fill(template, &[local_label, wire_label])
}

/// The first situation of a `when` text: its first `- ` bullet, or its first sentence.
pub fn first_item(when: &str) -> Option<String> {
    let first = when.lines().map(str::trim).find(|l| !l.is_empty())?;
    let item = first.strip_prefix("- ").unwrap_or(first);
    let sentence = match item.find(". ") {
        Some(at) if !first.starts_with("- ") => &item[..=at],
        _ => item,
    };
    Some(sentence.trim().to_string())
}

/// Which to use when, from both entries' guidance: when to send each one (`use_when`), or for a
/// code nobody chooses, what to check first when you see it. Names both codes.
pub fn guidance(l: &CodeEntry, r: &CodeEntry, s: &Strings) -> String {
    let part = |e: &CodeEntry, other: &CodeEntry| match &e.use_when {
        Some(use_when) => fill(s.guide_send, &[&short_label(e, other), use_when]),
        None => fill(s.guide_seen, &[&short_label(e, other), e.fix.first().map_or(&*e.summary, |f| f.as_ref())]),
    };
    format!("{}\n{}", part(l, r), part(r, l))
}
