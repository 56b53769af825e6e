//! Markdown views of a code and of a comparison: for `--format markdown` and for the clipboard.
//! Text from data files is cleaned of control characters like every other output.

use crate::catalog::{Catalog, CodeEntry};
use crate::compare::{Comparison, label};
use crate::report::{facts, linked};
use crate::sanitize::clean;
use crate::strings::Strings;

fn section(out: &mut String, heading: &str, body: &str) {
    out.push_str(&format!("\n## {heading}\n\n{}\n", clean(body).trim()));
}

fn list(out: &mut String, heading: &str, items: &[impl AsRef<str>], numbered: bool) {
    out.push_str(&format!("\n## {heading}\n\n"));
    for (n, item) in items.iter().enumerate() {
        let marker = if numbered { format!("{}.", n + 1) } else { "-".to_string() };
        out.push_str(&format!("{marker} {}\n", clean(item.as_ref()).replace('\n', " ")));
    }
}

/// One code as a Markdown document.
pub fn entry(catalog: &Catalog, e: &CodeEntry, s: &Strings) -> String {
    let mut out = format!("# {} {}\n\n{}\n\n", clean(&e.id()), clean(&e.name), clean(&e.summary));
    for fact in facts(catalog, e, s) {
        out.push_str(&format!("- {}\n", clean(&fact)));
    }
    if !e.aliases.is_empty() {
        out.push_str(&format!("- {}: {}\n", s.also_known_as, clean(&e.aliases.join(", "))));
    }
    if e.never_sent {
        out.push_str(&format!("\n> **{}**\n", s.never_sent));
    }
    section(&mut out, s.description, &e.description);
    if let Some(sign) = &e.sign {
        section(&mut out, s.sign, sign);
    }
    if let Some(use_when) = &e.use_when {
        section(&mut out, s.use_when, use_when);
    }
    section(&mut out, s.when, &e.when);
    list(&mut out, s.fix, &e.fix, true);
    list(&mut out, s.references, &e.references, false);
    if !e.related.is_empty() {
        list(&mut out, s.related, &linked(catalog, &e.related), false);
    }
    if !e.equivalents.is_empty() {
        list(&mut out, s.equivalents, &linked(catalog, &e.equivalents), false);
    }
    out
}

/// A comparison as a Markdown document: the intro and what tells them apart, then both sides.
pub fn comparison(cmp: &Comparison<'_>, s: &Strings) -> String {
    let mut out = format!("# {} vs {}\n\n{}\n", clean(&label(&cmp.left)), clean(&label(&cmp.right)), clean(&cmp.intro));
    if !cmp.differences.is_empty() {
        list(&mut out, s.differences, &cmp.differences, false);
    }
    section(&mut out, s.when_to_use, &cmp.when_to_use);
    for e in [&cmp.left, &cmp.right] {
        out.push_str(&format!("\n## {} {}\n\n{}\n", clean(&e.id()), clean(&e.name), clean(&e.summary)));
        out.push_str(&format!("\n### {}\n\n{}\n", s.description, clean(&e.description).trim()));
        out.push_str(&format!("\n### {}\n\n{}\n", s.when, clean(&e.when).trim()));
        out.push_str(&format!("\n### {}\n\n", s.fix));
        for (n, step) in e.fix.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, clean(step)));
        }
    }
    out
}

/// One line of a ranked list: `- `id` **name**: summary`.
pub fn hit_line(catalog: &Catalog, hit: &crate::search::Hit) -> String {
    let e = &*catalog.entry(hit.index);
    format!("- `{}` **{}**: {}\n", clean(&e.id()), clean(&e.name), clean(&e.summary))
}
