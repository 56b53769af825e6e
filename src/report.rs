//! Plain-text views for the CLI: one code, a comparison, a ranked list, the families. Wrapped to a
//! width; bold headings only when asked (a terminal without NO_COLOR). No ratatui here.

use crate::catalog::{Catalog, CodeEntry, Family};
use crate::compare::{Comparison, label};
use crate::sanitize::clean;
use crate::search::Hit;
use crate::strings::{Lang, Strings, fill};

/// How to lay text out: the width to wrap to and whether to use bold and colour.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub width: usize,
    pub color: bool,
    pub lang: Lang,
}

const INDENT: &str = "  ";

impl Layout {
    fn heading(&self, out: &mut String, text: &str) {
        if self.color {
            out.push_str(&format!("\x1b[1;36m{text}\x1b[0m\n"));
        } else {
            out.push_str(text);
            out.push('\n');
        }
    }

    fn strong(&self, text: &str) -> String {
        if self.color { format!("\x1b[1m{text}\x1b[0m") } else { text.to_string() }
    }

    fn warn(&self, text: &str) -> String {
        if self.color { format!("\x1b[1;31m{text}\x1b[0m") } else { text.to_string() }
    }

    /// Wraps every paragraph of `text`, each line starting with `first` then `rest`.
    fn wrap(&self, out: &mut String, text: &str, first: &str, rest: &str) {
        for line in wrap_paragraphs(text, self.width.max(20), first, rest) {
            out.push_str(&line);
            out.push('\n');
        }
    }

    fn section(&self, out: &mut String, heading: &str, text: &str) {
        out.push('\n');
        self.heading(out, heading);
        self.wrap(out, text, INDENT, INDENT);
    }

    fn steps(&self, out: &mut String, heading: &str, steps: &[impl AsRef<str>]) {
        out.push('\n');
        self.heading(out, heading);
        for (n, step) in steps.iter().enumerate() {
            let first = format!("{INDENT}{}. ", n + 1);
            let rest = " ".repeat(first.chars().count());
            self.wrap(out, step.as_ref(), &first, &rest);
        }
    }

    fn bullets(&self, out: &mut String, heading: &str, items: &[impl AsRef<str>]) {
        out.push('\n');
        self.heading(out, heading);
        for item in items {
            self.wrap(out, item.as_ref(), "  - ", "    ");
        }
    }
}

/// Wraps every paragraph of `text` to `width` columns (first fit, by display width), with control
/// characters neutralised. The first line starts with `first`, the others with `rest`.
///
/// Text is read as a file writes it: lines that follow each other form one paragraph and are
/// reflowed together (so a TOML string broken by hand at 80 columns reads as one paragraph);
/// a blank line separates paragraphs and stays; a line starting with `- `, `• `, `* ` or `1. `
/// starts a list item, which gets a hanging indent. Words are never split at a hyphen
/// (`Retry-After`, `тайм-аут`), and a number stays on the line of its unit (`60 s`).
pub fn wrap_paragraphs(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut lead = first;
    for paragraph in paragraphs(&clean(text)) {
        if paragraph.is_empty() {
            lines.push(String::new());
            continue;
        }
        let hanging = format!("{rest}{}", bullet_indent(&paragraph));
        let options = textwrap::Options::new(width)
            .initial_indent(lead)
            .subsequent_indent(&hanging)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .word_separator(textwrap::WordSeparator::Custom(words));
        let kept = keep_units(&paragraph);
        lines.extend(textwrap::wrap(&kept, options).into_iter().map(|l| l.replace('\u{a0}', " ")));
        lead = rest;
    }
    lines
}

/// The paragraphs of a text: runs of lines joined with spaces, a list item per `- ` line, and an
/// empty string for each blank line between them.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.push(String::new());
            open = false;
        } else if open && !starts_item(trimmed) {
            let last = out.last_mut().expect("an open paragraph");
            last.push(' ');
            last.push_str(trimmed);
        } else {
            out.push(trimmed.to_string());
            open = true;
        }
    }
    out
}

/// Whether a line starts a list item: `- `, `• `, `* `, or `1. `.
fn starts_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && line[digits..].starts_with(". ");
    line.starts_with("- ") || line.starts_with("• ") || line.starts_with("* ") || numbered
}

/// Units a number must not be parted from at a line break.
const UNITS: &[&str] = &[
    "s",
    "ms",
    "µs",
    "us",
    "ns",
    "min",
    "h",
    "B",
    "kB",
    "KB",
    "MB",
    "GB",
    "TB",
    "KiB",
    "MiB",
    "GiB",
    "%",
    "bytes",
    "seconds",
    "second",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "с",
    "мс",
    "мин",
    "ч",
    "секунд",
    "секунды",
    "минут",
    "минуты",
    "байт",
];

/// Where a line may break: after a space, and after a `/` inside a path or URL (not before a digit
/// or another `/`: `1/2` and `https://` stay whole; nor before a `/` standing alone: `TCP / IP`).
/// Nowhere else: not at a hyphen (`Retry-After`, `тайм-аут`), not at the dash of a range
/// (`1000–1011`), not between a number and its unit (glued by [`keep_units`]). Plain rules are
/// predictable and fast: the Unicode line breaking algorithm cost 0.07 ms of a 1.2 ms
/// `whatcode show` (BENCHMARKS.md), and broke at odd places (`:non_autho` / `ritative`).
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut rest = line;
    Box::new(std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let ends_here = |i: usize| match bytes[i - 1] {
            b' ' => !matches!(bytes[i], b' ' | b'/'),
            b'/' => !bytes[i].is_ascii_digit() && !matches!(bytes[i], b'/' | b' '),
            _ => false,
        };
        let cut = (1..bytes.len()).find(|&i| ends_here(i)).unwrap_or(bytes.len());
        let (word, tail) = rest.split_at(cut);
        rest = tail;
        Some(textwrap::core::Word::from(word))
    }))
}

/// Glues a number to the unit after it with a no-break space in place of the space, so the
/// wrapper keeps them together; it is a plain space again after wrapping.
fn keep_units(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut rest = paragraph;
    while let Some(at) = rest.find(' ') {
        let (before, after) = (&rest[..at], &rest[at + 1..]);
        out.push_str(before);
        let unit = || {
            let len = after.find(|c: char| !c.is_alphanumeric() && c != '%' && c != 'µ').unwrap_or(after.len());
            &after[..len]
        };
        if before.ends_with(|c: char| c.is_ascii_digit()) && UNITS.contains(&unit()) {
            out.push('\u{a0}');
        } else {
            out.push(' ');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Extra indent for the continuation lines of a paragraph written as a list item.
pub fn bullet_indent(paragraph: &str) -> &'static str {
    if paragraph.starts_with("- ") || paragraph.starts_with("• ") || paragraph.starts_with("* ") {
        "  "
    } else if starts_item(paragraph) {
        "   "
    } else {
        ""
    }
}

/// Everything about one code.
pub fn entry(catalog: &Catalog, e: &CodeEntry, layout: Layout) -> String {
    let s = layout.lang.strings();
    let mut out = String::new();
    out.push_str(&layout.strong(&clean(&format!("{}  {}", e.id(), e.name))));
    out.push('\n');
    layout.wrap(&mut out, &e.summary, "", "");
    out.push('\n');
    for fact in facts(catalog, e, s) {
        layout.wrap(&mut out, &fact, "", INDENT);
    }
    if !e.aliases.is_empty() {
        layout.wrap(&mut out, &format!("{}: {}", s.also_known_as, e.aliases.join(", ")), "", INDENT);
    }
    if !catalog.is_translated(e) {
        layout.wrap(&mut out, s.untranslated, "", INDENT);
    }
    if e.never_sent {
        let mut warning = String::new();
        layout.wrap(&mut warning, s.never_sent, "", "");
        for line in warning.lines() {
            out.push_str(&layout.warn(line));
            out.push('\n');
        }
    }
    layout.section(&mut out, s.description, &e.description);
    if let Some(sign) = &e.sign {
        layout.section(&mut out, s.sign, sign);
    }
    if let Some(use_when) = &e.use_when {
        layout.section(&mut out, s.use_when, use_when);
    }
    layout.section(&mut out, s.when, &e.when);
    layout.steps(&mut out, s.fix, &e.fix);
    layout.bullets(&mut out, s.references, &e.references);
    if !e.related.is_empty() {
        layout.bullets(&mut out, s.related, &linked(catalog, &e.related));
    }
    if !e.equivalents.is_empty() {
        layout.bullets(&mut out, s.equivalents, &linked(catalog, &e.equivalents));
    }
    out
}

/// The facts line items: family, class, official or not, sender, retry, and family extras.
pub fn facts(catalog: &Catalog, e: &CodeEntry, s: &Strings) -> Vec<String> {
    let mut facts = Vec::new();
    let family = catalog.family_of(e).map_or(e.family.to_string(), |f| f.name.to_string());
    let mut head = format!("{}: {family}", s.family);
    if let Some(class) = catalog.class_of(e) {
        head.push_str(&format!(" · {}: {class}", s.class));
    }
    let level = catalog.family_of(e).zip(e.standard.as_deref()).and_then(|(f, id)| f.standard(id));
    if level.is_none() && e.official {
        head.push_str(&format!(" · {}", s.official));
    }
    facts.push(head);
    if let Some(level) = level {
        facts.push(fill(s.standard_level, &[&level.label, &level.means]));
    }
    if let Some(source) = e.source.as_ref().filter(|_| !e.official) {
        facts.push(fill(s.unofficial, &[source]));
    }
    facts.push(format!("{}: {} · {}: {}", s.sent_by, s.senders(&e.sent_by), s.retry, s.retry(e.retry)));
    if let Some(message) = &e.message {
        facts.push(format!("{}: \"{message}\"", s.message));
    }
    if let Some(action) = &e.default_action {
        let mut line = format!("{}: {action}", s.default_action);
        if let Some(catchable) = e.catchable {
            line.push_str(&format!(" · {}: {}", s.catchable, if catchable { s.yes } else { s.no }));
        }
        facts.push(line);
    }
    facts
}

/// `id  Name` for each id, or the bare id if it does not resolve.
pub fn linked(catalog: &Catalog, ids: &[impl AsRef<str>]) -> Vec<String> {
    ids.iter()
        .map(|id| match catalog.index_of_id(id.as_ref()) {
            Some(i) => format!("{}  {}", id.as_ref(), catalog.at(i).name()),
            None => id.as_ref().to_string(),
        })
        .collect()
}

/// Two codes compared: the intro, what tells them apart and which to use when, then each code's
/// own explanation (stacked in text).
pub fn comparison(cmp: &Comparison<'_>, layout: Layout) -> String {
    let s = layout.lang.strings();
    let mut out = String::new();
    out.push_str(&layout.strong(&clean(&format!("{}  vs  {}", label(&cmp.left), label(&cmp.right)))));
    out.push('\n');
    layout.wrap(&mut out, &cmp.intro, "", "");
    if !cmp.differences.is_empty() {
        layout.bullets(&mut out, s.differences, &cmp.differences);
    }
    layout.section(&mut out, s.when_to_use, &cmp.when_to_use);
    for e in [&cmp.left, &cmp.right] {
        out.push('\n');
        out.push_str(&layout.strong(&clean(&format!("{}  {}", e.id(), e.name))));
        out.push('\n');
        layout.wrap(&mut out, &e.summary, INDENT, INDENT);
        layout.section(&mut out, s.description, &e.description);
        layout.section(&mut out, s.when, &e.when);
        layout.steps(&mut out, s.fix, &e.fix);
    }
    out
}

/// A ranked list, one line per hit: id, name, summary (cut to the width). A code found in a
/// pasted line says which text mentions it, highlighted when colour is on.
pub fn hits(catalog: &Catalog, hits: &[Hit], query: &str, layout: Layout) -> String {
    let id_width = hits.iter().map(|h| catalog.at(h.index).id().chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for hit in hits {
        let e = catalog.at(hit.index);
        if let crate::search::Matched::Mention(span) = &hit.matched
            && let Some(text) = query.get(span.clone())
        {
            let mention = clean(text);
            let head = clean(&format!("{:id_width$}  {}  ← ", e.id(), e.name()));
            let room = layout.width.max(20).saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
            let mention = truncate(&mention, room.max(8));
            out.push_str(&head);
            out.push_str(&if layout.color { format!("\x1b[1;33m{mention}\x1b[0m") } else { mention });
            out.push('\n');
            continue;
        }
        let (id, name) = (clean(&format!("{:id_width$}", e.id())), clean(e.name()));
        let line = truncate(&format!("{id}  {name}  {}", clean(e.summary())), layout.width.max(20));
        // Colour the id and the name when they were not cut.
        let head = format!("{id}  {name}");
        match line.strip_prefix(&head) {
            Some(rest) if layout.color => {
                out.push_str(&format!("\x1b[1;33m{id}\x1b[0m  \x1b[1m{name}\x1b[0m{rest}"));
            }
            _ => out.push_str(&line),
        }
        out.push('\n');
    }
    out
}

/// The families with their sizes and number spaces.
pub fn families(catalog: &Catalog, layout: Layout) -> String {
    let s = layout.lang.strings();
    let mut out = String::new();
    let id_width = catalog.families().iter().map(|f| f.id.len()).max().unwrap_or(0);
    // The word after the count has several forms in some languages («код», «кода», «кодов»).
    let word_width = [s.codes_one, s.codes_few, s.codes_many].iter().map(|w| w.chars().count()).max().unwrap_or(0);
    for f in catalog.families() {
        let (count, _) = catalog.family_counts(f);
        let mut names = vec![f.id.to_string()];
        names.extend(f.aliases.iter().filter(|a| **a != f.id).map(|a| a.to_string()));
        let line = format!(
            "{:id_width$}  {:>4} {:<word_width$}  {}  ({})",
            f.id,
            count,
            s.codes(count),
            f.name,
            names.join(", ")
        );
        out.push_str(&truncate(&clean(&line), layout.width.max(20)));
        out.push('\n');
    }
    out
}

/// One family's overview: what it is, its specs, its number space and ranges.
pub fn family(catalog: &Catalog, f: &Family, layout: Layout) -> String {
    let s = layout.lang.strings();
    let mut out = String::new();
    let (count, per_range) = catalog.family_counts(f);
    out.push_str(&layout.strong(&clean(&format!("{}  {}  ({count} {})", f.id, f.name, s.codes(count)))));
    out.push('\n');
    if !catalog.is_overview_translated(f) {
        layout.wrap(&mut out, s.untranslated, "", INDENT);
    }
    layout.section(&mut out, s.overview, &f.overview);
    layout.bullets(&mut out, s.specs, &f.specs);
    layout.section(&mut out, s.number_space, &f.number_space);
    let spans: Vec<String> = f.ranges.iter().map(|r| crate::ui::overview::range_span(f, r)).collect();
    // Classes of a family whose codes are words have no span: their labels stand alone.
    let span_width = spans.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    for ((r, n), span) in f.ranges.iter().zip(per_range).zip(&spans) {
        let (line, hang) = if span_width == 0 {
            (format!("{}  ({n})", r.label), format!("{INDENT}{INDENT}"))
        } else {
            (format!("{span:>span_width$}  {}  ({n})", r.label), " ".repeat(INDENT.len() + span_width + 2))
        };
        layout.wrap(&mut out, &line, INDENT, &hang);
    }
    out
}

/// Cuts a line to `width` display columns, with an ellipsis when cut.
pub fn truncate(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = line.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return line.to_string();
    }
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `whatcode scan`'s summary of one input: the codes found, most mentioned first, with their
/// count, first and last line, and what they mean.
pub fn scan_summary(catalog: &Catalog, tally: &crate::scan::Tally, source: &str, layout: Layout) -> String {
    let s = layout.lang.strings();
    let mut out = String::new();
    let lines = tally.lines.to_string();
    if tally.is_empty() {
        out.push_str(&clean(&fill(s.scan_nothing, &[&lines, source])));
        out.push('\n');
        return out;
    }
    let head =
        fill(s.scan_header, &[&tally.stats.len().to_string(), &tally.lines_with_codes.to_string(), &lines, source]);
    out.push_str(&layout.strong(&clean(&head)));
    out.push('\n');
    let ranked = tally.ranked();
    let header = |text: &str| text.chars().count();
    let count_width =
        ranked.iter().map(|(_, st)| st.count.to_string().len()).max().unwrap_or(1).max(5).max(header(s.scan_count));
    let span = |st: &crate::scan::Stat| {
        if st.first == st.last { st.first.to_string() } else { format!("{}–{}", st.first, st.last) }
    };
    let span_width =
        ranked.iter().map(|(_, st)| span(st).chars().count()).max().unwrap_or(1).max(5).max(header(s.scan_lines));
    let id_width = ranked.iter().map(|(i, _)| catalog.at(*i).id().chars().count()).max().unwrap_or(1);
    out.push_str(&format!("{:>count_width$}  {:<span_width$}  {}\n", s.scan_count, s.scan_lines, s.scan_code));
    for (i, st) in ranked {
        let e = catalog.at(i);
        let meaning = clean(&format!("{}: {}", e.name(), e.summary()));
        let line = format!("{:>count_width$}  {:<span_width$}  {:<id_width$}  {meaning}", st.count, span(st), e.id());
        out.push_str(&truncate(&clean(&line), layout.width.max(20)));
        out.push('\n');
    }
    out
}

/// `whatcode scan --annotate`: the notes written under a line, one per code it mentions.
pub fn annotation(catalog: &Catalog, findings: &[crate::scan::Finding], layout: Layout) -> String {
    let mut out = String::new();
    for f in findings {
        let e = catalog.at(f.index);
        let note = truncate(&clean(&format!("  ↳ {} {}: {}", e.id(), e.name(), e.summary())), layout.width.max(20));
        if layout.color {
            out.push_str(&format!("\x1b[2m{note}\x1b[0m\n"));
        } else {
            out.push_str(&note);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_one_paragraph_are_reflowed_and_items_and_blank_lines_kept() {
        let text = "The gateway could not match the key\nto an active account.\n\n- first item\n  goes on\n- second";
        assert_eq!(
            wrap_paragraphs(text, 80, "", ""),
            vec!["The gateway could not match the key to an active account.", "", "- first item goes on", "- second",]
        );
    }

    #[test]
    fn number_ranges_stay_whole() {
        let lines = wrap_paragraphs("aaaa bbbb 1000–1011 and 0x100–0x1ff cc", 13, "", "");
        assert!(lines.iter().any(|l| l.contains("1000–1011")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("0x100–0x1ff")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains('\u{2011}')), "{lines:?}");
    }

    #[test]
    fn hyphenated_words_and_numbers_with_units_stay_whole() {
        let lines = wrap_paragraphs("aaaa Retry-After bbbb tайм-аут cc 60 s dd", 12, "", "");
        assert!(lines.iter().any(|l| l.contains("Retry-After")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("tайм-аут")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("60 s")), "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains('\u{a0}')));
    }

    #[test]
    fn paths_break_after_a_slash_and_nothing_starts_with_one() {
        let lines = wrap_paragraphs("see envoy/extensions/filters/network/http_connection_manager.proto", 30, "", "");
        assert_eq!(lines, ["see envoy/extensions/filters/", "network/", "http_connection_manager.proto"]);
        let lines = wrap_paragraphs("Class: Protocol (RFC 6455 / IANA) 1/2 https://x", 23, "", "");
        assert_eq!(lines, ["Class: Protocol (RFC", "6455 / IANA) 1/2", "https://x"]);
    }

    #[test]
    fn runs_of_spaces_leave_no_space_at_a_line_end() {
        let lines = wrap_paragraphs("x509/20  Unable to get the local issuer certificate", 12, "", "");
        assert!(lines.iter().all(|l| !l.ends_with(' ')), "{lines:?}");
    }
}
