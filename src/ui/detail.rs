//! The detail pane: everything about the selected code, wrapped to the pane and scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::app::App;
use crate::catalog::{Catalog, CodeEntry};
use crate::report::{facts, linked};
use crate::strings::{Strings, fill};
use crate::theme::Theme;
use crate::ui::text::{body_sections, bulleted, heading, wrapped};

/// The lines of a code's detail for a pane `width` columns wide. Pure: tests call it directly.
pub fn detail_lines(catalog: &Catalog, theme: &Theme, s: &Strings, e: &CodeEntry, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    lines.push(Line::from(vec![
        Span::styled(e.code.to_string(), theme.code),
        Span::raw("  "),
        Span::styled(crate::sanitize::clean(&e.name), theme.title),
    ]));
    lines.extend(wrapped(&e.summary, width, "", "", theme.text));
    lines.push(Line::default());
    for fact in facts(catalog, e, s) {
        let style =
            if !e.official && fact.starts_with(&fill(s.unofficial, &[])) { theme.unofficial } else { theme.dim };
        lines.extend(wrapped(&fact, width, "", "  ", style));
    }
    if !e.aliases.is_empty() {
        lines.extend(wrapped(&format!("{}: {}", s.also_known_as, e.aliases.join(", ")), width, "", "  ", theme.dim));
    }
    if !catalog.is_translated(e) {
        lines.extend(wrapped(s.untranslated, width, "", "  ", theme.dim));
    }
    if e.never_sent {
        lines.push(Line::default());
        lines.extend(wrapped(s.never_sent, width, "⚠ ", "  ", theme.warning));
    }
    body_sections(&mut lines, theme, s, e, width);
    heading(&mut lines, s.references, theme.heading);
    lines.extend(bulleted(&e.references, width, theme.text));
    if !e.related.is_empty() {
        heading(&mut lines, s.related, theme.heading);
        lines.extend(bulleted(&linked(catalog, &e.related), width, theme.text));
    }
    if !e.equivalents.is_empty() {
        heading(&mut lines, s.equivalents, theme.heading);
        lines.extend(bulleted(&linked(catalog, &e.equivalents), width, theme.text));
    }
    lines
}

/// Draws `lines` in a bordered pane with `title`, scrolled by the app's detail scroll, and records
/// how far it can scroll.
pub fn render_scrolled(app: &App, title: Line<'static>, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let block = Block::default().borders(Borders::ALL).border_style(app.theme.border).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let max_scroll = lines.len().saturating_sub(height);
    let mut view = app.view.get();
    view.detail_height = height;
    view.detail_max_scroll = max_scroll;
    view.detail_area = area;
    app.view.set(view);
    let scroll = app.detail_scroll.min(max_scroll);
    let more_below = scroll < max_scroll;
    Paragraph::new(lines).scroll((scroll.min(u16::MAX as usize) as u16, 0)).render(inner, buf);
    if more_below && inner.height > 0 && inner.width > 2 {
        let label = app.s().more_below;
        let len = unicode_width::UnicodeWidthStr::width(label) as u16;
        let x = inner.right().saturating_sub(len + 1);
        buf.set_span(x, area.bottom().saturating_sub(1), &Span::styled(label, app.theme.dim), len);
    }
}

pub fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(2) as usize;
    let Some((_, entry)) = app.selected_entry() else {
        let hint = vec![Line::styled(app.s().empty_detail, app.theme.dim)];
        render_scrolled(app, Line::from(app.s().detail_title), hint, area, buf);
        return;
    };
    let entry = &*entry;
    let family = crate::sanitize::clean(app.catalog.family_of(entry).map_or(&entry.family, |f| &f.name));
    let title = Line::from(Span::styled(format!(" {family} "), app.theme.dim));
    let mut lines = Vec::new();
    if let Some(found) = &app.found
        && let Some((index, _)) = app.selected_entry()
        && let Some(stat) = found.tally.stats.get(&index)
    {
        lines.extend(evidence_lines(app, &found.source, stat, width));
    }
    lines.extend(detail_lines(&app.catalog, &app.theme, app.s(), entry, width));
    render_scrolled(app, title, lines, area, buf);
}

/// Scan mode: where the log mentions the code, with the first lines that do, the mention
/// highlighted.
pub fn evidence_lines(app: &App, source: &str, stat: &crate::scan::Stat, width: usize) -> Vec<Line<'static>> {
    let (theme, s) = (&app.theme, app.s());
    let mut lines = vec![Line::styled(fill(s.found_heading, &[&crate::sanitize::clean(source)]), theme.heading)];
    let span = if stat.first == stat.last { stat.first.to_string() } else { format!("{}–{}", stat.first, stat.last) };
    lines.extend(wrapped(&fill(s.found_stats, &[&stat.count.to_string(), &span]), width, "", "  ", theme.dim));
    for e in &stat.evidence {
        let number = format!("{:>6} ", e.line);
        // Start a little before the mention when it lies beyond the pane's width.
        let room = width.saturating_sub(number.len() + 1);
        let mut from = if e.span.end > room { e.span.start.saturating_sub(room / 4) } else { 0 };
        while !e.text.is_char_boundary(from) {
            from -= 1;
        }
        let clean = |t: &str| crate::sanitize::clean(t);
        let (start, end) = (e.span.start.max(from), e.span.end.max(from));
        let mut spans = vec![Span::styled(number, theme.dim)];
        if from > 0 {
            spans.push(Span::styled("…", theme.dim));
        }
        spans.push(Span::styled(clean(&e.text[from..start]), theme.text));
        spans.push(Span::styled(clean(&e.text[start..end]), theme.matched));
        spans.push(Span::styled(clean(&e.text[end..]), theme.text));
        lines.push(crate::ui::list::fit(Line::from(spans), width));
    }
    lines.push(Line::default());
    lines
}
