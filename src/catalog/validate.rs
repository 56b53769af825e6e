//! Checks that a catalog is consistent: unique ids, filled fields, codes written the way their
//! family displays them, and every cross-reference resolving. Used by the dataset tests and by
//! `whatcode check` on user files.

use std::collections::{HashMap, HashSet};

use super::{Catalog, CodeEntry, Display, Family, Negative, mention};

/// One thing wrong with the data, named by the entry (or family, or note) and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `http/404`, `family websocket`, or `compare http/502 vs http/504`.
    pub subject: String,
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: field `{}`: {}", self.subject, self.field, self.message)
    }
}

/// The longest one-line summary we accept (it has to fit a list row and a terminal line).
pub const MAX_SUMMARY_CHARS: usize = 160;

/// Default actions a Linux signal can have, as signal(7) names them.
pub const SIGNAL_ACTIONS: [&str; 5] = ["Term", "Core", "Ign", "Stop", "Cont"];

/// The longest family tag shown in the list's tag column.
pub const MAX_SHORT_CHARS: usize = 6;

/// Every problem in the catalog; empty when it is sound.
pub fn validate(catalog: &Catalog) -> Vec<Problem> {
    catalog.index_ids();
    let mut problems = Vec::new();
    check_families(catalog, &mut problems);
    let mut seen = HashSet::new();
    for entry in catalog.entries() {
        check_entry(catalog, entry, &mut seen, &mut problems);
    }
    check_says(catalog, &mut problems);
    check_notes(catalog, &mut problems);
    problems
}

/// The built-in dataset's further rules (`whatcode check --strict`), for the families named in
/// `families` (all when empty): what the format marks "yes in assets/". A missing `commonness`
/// cannot be seen here (it defaults to 1); the dataset tests and `check --strict` read the raw
/// file for it.
pub fn strict(catalog: &Catalog, families: &[&str]) -> Vec<Problem> {
    let wanted = |id: &str| families.is_empty() || families.contains(&id);
    let mut problems = Vec::new();
    for family in catalog.families().iter().filter(|f| wanted(&f.id)) {
        if family.layer.trim().is_empty() {
            push(&mut problems, &format!("family {}", family.id), "layer", "say where the codes live");
        }
    }
    for e in catalog.entries().iter().filter(|e| wanted(&e.family)) {
        let id = e.id();
        // A code written as the word people type (`invalid_grant`) may need no other name.
        let code_is_name = e.code.eq_ignore_ascii_case(&e.name);
        if e.aliases.is_empty() && !code_is_name {
            push(&mut problems, &id, "aliases", "list the constants and texts people search for");
        }
        if e.related.is_empty() {
            push(&mut problems, &id, "related", "name the codes of the family worth comparing with");
        }
        if e.sign.as_deref().is_none_or(|s| s.trim().is_empty()) {
            push(&mut problems, &id, "sign", "say how to recognise it among its neighbours");
        }
        let declares_levels = catalog.family_of(e).is_some_and(|f| !f.standards.is_empty());
        if declares_levels && e.standard.is_none() {
            push(&mut problems, &id, "standard", "name one of the family's standard levels");
        }
        if e.retry != super::Retry::NotApplicable && e.fix.len() < 2 {
            push(&mut problems, &id, "fix", "an error needs at least two ordered steps");
        }
        if e.description.len() < 80 {
            push(&mut problems, &id, "description", "is too thin (under 80 characters)");
        }
        if e.when.len() < 60 {
            push(&mut problems, &id, "when", "is too thin (under 60 characters)");
        }
    }
    problems
}

fn push(problems: &mut Vec<Problem>, subject: &str, field: &'static str, message: impl Into<String>) {
    problems.push(Problem { subject: subject.to_string(), field, message: message.into() });
}

fn check_families(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut ids = HashSet::new();
    for family in catalog.families() {
        let subject = format!("family {}", family.id);
        if !ids.insert(family.id.to_string()) {
            push(problems, &subject, "id", "this family is defined twice");
        }
        if family.id.is_empty() || !family.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            push(problems, &subject, "id", "expected lower-case letters, digits and '-'");
        }
        for (field, value) in
            [("name", &family.name), ("number_space", &family.number_space), ("overview", &family.overview)]
        {
            if value.trim().is_empty() {
                push(problems, &subject, field, "must not be empty");
            }
        }
        if family.specs.is_empty() {
            push(problems, &subject, "specs", "name at least one defining spec");
        }
        for range in family.ranges.iter() {
            if let Some(target) = &range.treat_as
                && catalog.index_of_id(target).is_none()
            {
                push(problems, &subject, "treat_as", format!("'{target}' is not a known id"));
            }
            if range.start > range.end {
                push(
                    problems,
                    &subject,
                    "range",
                    format!("range {}..{} ends before it starts", range.start, range.end),
                );
            }
        }
        // A number's class is the narrowest range that holds it, so ranges may nest (Winsock
        // inside Win32) but not cross or repeat: then the class would depend on the order.
        for (k, a) in family.ranges.iter().enumerate() {
            let contains = |x: &crate::catalog::Range, y: &crate::catalog::Range| x.start <= y.start && y.end <= x.end;
            let clash = family.ranges.iter().enumerate().skip(k + 1).find(|(_, b)| {
                let overlap = a.start <= b.end && b.start <= a.end;
                let same = a.start == b.start && a.end == b.end;
                overlap && (same || !(contains(a, b) || contains(b, a)))
            });
            if let Some((j, b)) = clash {
                push(
                    problems,
                    &subject,
                    "range",
                    format!(
                        "range {} ('{}', {}..{}) overlaps range {} ('{}', {}..{}) without one holding the other",
                        j + 1,
                        b.label,
                        b.start,
                        b.end,
                        k + 1,
                        a.label,
                        a.start,
                        a.end
                    ),
                );
            }
        }
        if let Some(short) = &family.short
            && (!family.is_named(short) || short.chars().count() > MAX_SHORT_CHARS)
        {
            push(
                problems,
                &subject,
                "short",
                format!("must be the id or one of the aliases, at most {MAX_SHORT_CHARS} characters"),
            );
        }
        let mut levels = HashSet::new();
        for level in family.standards.iter() {
            if !levels.insert(level.id.to_string()) {
                push(problems, &subject, "standard", format!("level '{}' is declared twice", level.id));
            }
            if level.id.trim().is_empty() || level.label.trim().is_empty() || level.means.trim().is_empty() {
                push(problems, &subject, "standard", "a level needs an id, a label and what it means");
            }
        }
        check_mentions(catalog, family, &subject, problems);
    }
}

/// Every mention pattern compiles, has a `code` group, and finds a code of the family in each of
/// its examples.
fn check_mentions(catalog: &Catalog, family: &Family, subject: &str, problems: &mut Vec<Problem>) {
    for (k, m) in family.mentions.iter().enumerate() {
        let n = k + 1;
        let regex = match mention::compile(m) {
            Ok(regex) => regex,
            Err(e) => {
                push(problems, subject, "mention", format!("pattern {n}: {e}"));
                continue;
            }
        };
        if let Some(unless) = &m.unless
            && let Err(e) = mention::compile_source(unless, false)
        {
            push(problems, subject, "mention", format!("pattern {n}: unless: {e}"));
        }
        if let Some(means) = &m.means
            && mention::resolve_means(catalog, family, means).is_none()
        {
            push(
                problems,
                subject,
                "mention",
                format!("pattern {n}: means '{means}', which is not a code of the family"),
            );
        }
        if m.examples.is_empty() {
            push(problems, subject, "mention", format!("pattern {n}: give at least one example line it finds"));
        }
        for example in m.examples.iter() {
            if mention::find_in(catalog, family, m, &regex, example).is_empty() {
                let reason = if regex.is_match(example.as_bytes()) {
                    "matches, but its `code` group names no code of the family"
                } else {
                    "does not match"
                };
                push(problems, subject, "mention", format!("pattern {n} {reason} its example '{example}'"));
            }
        }
    }
}

/// A `says` phrase names one code of its family: the same text on two codes would be ambiguous.
fn check_says(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut owner: HashMap<(String, String), String> = HashMap::new();
    for e in catalog.entries() {
        let id = e.id();
        for phrase in e.says.iter() {
            if phrase.trim().is_empty() || phrase.trim() != phrase.as_ref() {
                push(problems, &id, "says", "a phrase must not be empty or start or end with a space");
                continue;
            }
            let key = if phrase.contains(' ') { phrase.to_lowercase() } else { phrase.to_string() };
            if let Some(other) = owner.insert((e.family.to_string(), key), id.clone())
                && other != id
            {
                push(problems, &id, "says", format!("'{phrase}' also stands for {other}"));
            }
        }
    }
}

fn check_entry(
    catalog: &Catalog,
    entry: &CodeEntry,
    seen: &mut HashSet<(String, String)>,
    problems: &mut Vec<Problem>,
) {
    let id = entry.id();
    let Some(family) = catalog.family_of(entry) else {
        push(problems, &id, "family", format!("unknown family '{}'", entry.family));
        return;
    };
    if !seen.insert((entry.family.to_string(), entry.code.to_lowercase())) {
        push(problems, &id, "code", "this code is defined twice in its family");
    }
    check_code(family, entry, &id, problems);
    if entry.value < 0 && family.display.is_numeric() && family.negative != Negative::Value {
        push(problems, &id, "value", "must not be negative (unless the family says negative = \"value\")");
    }
    match (&entry.standard, family.standards.is_empty()) {
        (Some(level), true) => {
            push(problems, &id, "standard", format!("'{level}': the family declares no standard levels"))
        }
        // A user's code may leave it out; the built-in rules (`strict`) require it.
        (None, false) => {}
        (Some(level), false) => match family.standard(level) {
            None => {
                let known: Vec<&str> = family.standards.iter().map(|l| l.id.as_ref()).collect();
                push(problems, &id, "standard", format!("'{level}' is not one of {}", known.join(", ")))
            }
            Some(l) if l.official != entry.official => push(
                problems,
                &id,
                "official",
                format!("level '{level}' is {}official; the code must agree", if l.official { "" } else { "not " }),
            ),
            Some(_) => {}
        },
        (None, true) => {}
    }
    if entry.commonness > 3 {
        push(problems, &id, "commonness", "must be 0 to 3");
    }
    if entry.sign.as_deref().is_some_and(|s| s.trim().is_empty()) {
        push(problems, &id, "sign", "must not be empty");
    }
    if entry.use_when.as_deref().is_some_and(|s| s.trim().is_empty()) {
        push(problems, &id, "use_when", "must not be empty");
    }
    if let Some(end) = entry.end
        && end <= entry.value
    {
        push(problems, &id, "end", "a range must end after its first value");
    }
    for (field, value) in
        [("name", &entry.name), ("summary", &entry.summary), ("description", &entry.description), ("when", &entry.when)]
    {
        if value.trim().is_empty() {
            push(problems, &id, field, "must not be empty");
        }
    }
    if entry.summary.chars().count() > MAX_SUMMARY_CHARS || entry.summary.contains('\n') {
        push(problems, &id, "summary", format!("must be one line of at most {MAX_SUMMARY_CHARS} characters"));
    }
    for (field, list) in [("fix", &entry.fix), ("references", &entry.references)] {
        if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
            push(problems, &id, field, "needs at least one non-empty item");
        }
    }
    if entry.sent_by.is_empty() {
        push(problems, &id, "sent_by", "say who produces this code");
    }
    if !entry.official && entry.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
        push(problems, &id, "source", "a non-standard code must say who uses it");
    }
    if let Some(action) = &entry.default_action
        && !SIGNAL_ACTIONS.contains(&action.as_ref())
    {
        push(problems, &id, "default_action", format!("expected one of {}", SIGNAL_ACTIONS.join(", ")));
    }
    for target in entry.related.iter() {
        match catalog.index_of_id(target) {
            None => push(problems, &id, "related", format!("'{target}' is not a known id")),
            Some(_) if **target == id => push(problems, &id, "related", "an entry cannot be related to itself"),
            Some(_) => {}
        }
    }
    for target in entry.equivalents.iter() {
        match catalog.index_of_id(target) {
            None => push(problems, &id, "equivalents", format!("'{target}' is not a known id")),
            Some(i) if catalog.entries()[i].family == entry.family => {
                push(problems, &id, "equivalents", format!("'{target}' is in the same family; use related"))
            }
            Some(_) => {}
        }
    }
}

/// A code is written the way its family displays codes.
fn check_code(family: &Family, entry: &CodeEntry, id: &str, problems: &mut Vec<Problem>) {
    match family.display {
        Display::Decimal | Display::Hex => {
            let expected = family.display.code(entry.value, entry.end);
            if entry.code != expected {
                push(
                    problems,
                    id,
                    "code",
                    format!("expected '{expected}' for value {} in a {} family", entry.value, family.display.as_str()),
                );
            }
        }
        Display::Mixed => {
            let parts: Vec<&str> = match entry.end {
                Some(_) => entry.code.splitn(2, '-').collect(),
                None => vec![&entry.code],
            };
            let values: Vec<Option<i64>> = parts.iter().map(|p| super::parse_number(p)).collect();
            let wanted: Vec<Option<i64>> = std::iter::once(Some(entry.value)).chain(entry.end.map(Some)).collect();
            if values != wanted {
                push(
                    problems,
                    id,
                    "code",
                    format!("'{}' does not read as value {} (decimal, or hex with 0x)", entry.code, entry.value),
                );
            }
        }
        Display::Text => {
            let ok = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ':');
            if entry.code.is_empty() || !entry.code.chars().all(ok) {
                push(problems, id, "code", "an identifier: letters, digits and . _ - : (no spaces, no '/')");
            }
        }
    }
}

fn check_notes(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut pairs = HashSet::new();
    for note in catalog.notes() {
        let subject = format!("compare {} vs {}", note.a, note.b);
        for (field, target) in [("a", &note.a), ("b", &note.b)] {
            if catalog.index_of_id(target).is_none() {
                push(problems, &subject, field, format!("'{target}' is not a known id"));
            }
        }
        if note.a == note.b {
            push(problems, &subject, "b", "a code cannot be compared with itself");
        }
        let key = if note.a < note.b {
            (note.a.to_string(), note.b.to_string())
        } else {
            (note.b.to_string(), note.a.to_string())
        };
        if !pairs.insert(key) {
            push(problems, &subject, "a", "this pair has two notes");
        }
        if note.differences.is_empty() || note.differences.iter().any(|d| d.trim().is_empty()) {
            push(problems, &subject, "differences", "needs at least one non-empty item");
        }
        if note.when_to_use.trim().is_empty() {
            push(problems, &subject, "when_to_use", "must not be empty");
        }
    }
}
