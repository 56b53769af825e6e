//! Checks that a catalog is consistent: unique ids, filled fields, codes written the way their
//! family displays them, and every cross-reference resolving. Used by the dataset tests and by
//! `whatcode check` on user files.

use std::collections::HashSet;

use super::{Catalog, CodeEntry};

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

/// Every problem in the catalog; empty when it is sound.
pub fn validate(catalog: &Catalog) -> Vec<Problem> {
    catalog.index_ids();
    let mut problems = Vec::new();
    check_families(catalog, &mut problems);
    let mut seen = HashSet::new();
    for entry in catalog.entries() {
        check_entry(catalog, entry, &mut seen, &mut problems);
    }
    check_notes(catalog, &mut problems);
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
            if range.start > range.end {
                push(
                    problems,
                    &subject,
                    "range",
                    format!("range {}..{} ends before it starts", range.start, range.end),
                );
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
    let expected = family.display.code(entry.value, entry.end);
    if entry.code != expected {
        push(
            problems,
            &id,
            "code",
            format!("expected '{expected}' for value {} in a {} family", entry.value, family.display.as_str()),
        );
    }
    if entry.value < 0 {
        push(problems, &id, "value", "must not be negative");
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
