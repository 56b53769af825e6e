//! Turning text into wrapped ratatui lines. Everything from the data passes through `clean`
//! here, so no control character reaches the terminal.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::report::wrap_paragraphs;
use crate::sanitize::clean;

/// Wraps every paragraph of `text` to `width` columns; the first line starts with `first`, the
/// others with `rest`.
pub fn wrapped(text: &str, width: usize, first: &str, rest: &str, style: Style) -> Vec<Line<'static>> {
    wrap_paragraphs(text, width.max(8), first, rest).into_iter().map(|l| Line::from(Span::styled(l, style))).collect()
}

/// A numbered list (`1. ...`) with hanging indents.
pub fn numbered(items: &[impl AsRef<str>], width: usize, style: Style) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let first = format!(" {}. ", n + 1);
        let rest = " ".repeat(first.chars().count());
        lines.extend(wrapped(item.as_ref(), width, &first, &rest, style));
    }
    lines
}

/// A bulleted list with hanging indents.
pub fn bulleted(items: &[impl AsRef<str>], width: usize, style: Style) -> Vec<Line<'static>> {
    items.iter().flat_map(|item| wrapped(item.as_ref(), width, " • ", "   ", style)).collect()
}

/// A heading line, preceded by a blank line.
pub fn heading(lines: &mut Vec<Line<'static>>, text: &str, style: Style) {
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(text.to_string(), style)));
}

/// Splits `text` into spans, styling the chars at `positions` with `hit`.
pub fn highlighted(text: &str, positions: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_hit = false;
    for (i, c) in clean(text).chars().enumerate() {
        let is_hit = positions.contains(&i);
        if is_hit != current_hit && !current.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut current), if current_hit { hit } else { base }));
        }
        current_hit = is_hit;
        current.push(c);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_hit { hit } else { base }));
    }
    spans
}

/// A code's description, "when you see it" and "how to fix" sections, as both the detail pane and
/// each side of a comparison show them.
pub fn body_sections(
    lines: &mut Vec<Line<'static>>,
    theme: &crate::theme::Theme,
    s: &crate::strings::Strings,
    e: &crate::catalog::CodeEntry,
    width: usize,
) {
    heading(lines, s.description, theme.heading);
    lines.extend(wrapped(&e.description, width, "", "", theme.text));
    if let Some(sign) = &e.sign {
        heading(lines, s.sign, theme.heading);
        lines.extend(wrapped(sign, width, "", "", theme.text));
    }
    if let Some(use_when) = &e.use_when {
        heading(lines, s.use_when, theme.heading);
        lines.extend(wrapped(use_when, width, "", "", theme.text));
    }
    heading(lines, s.when, theme.heading);
    lines.extend(wrapped(&e.when, width, "", "", theme.text));
    heading(lines, s.fix, theme.heading);
    lines.extend(numbered(&e.fix, width, theme.text));
}
