//! Compare mode: the pinned code and the selected one, side by side when the pane is wide and
//! stacked when narrow, then the key differences and when to use which.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::catalog::CodeEntry;
use crate::compare::{Comparison, compare};
use crate::strings::{Strings, fill};
use crate::theme::Theme;
use crate::ui::detail::render_scrolled;
use crate::ui::text::{body_sections, bulleted, heading, wrapped};

/// Panes at least this wide show the two codes in columns.
pub const SIDE_BY_SIDE_MIN_WIDTH: usize = 70;

/// One side of the comparison: title, summary, description, when, fix.
fn side_lines(theme: &Theme, s: &Strings, e: &CodeEntry, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} {}", e.family, e.code), theme.code),
        Span::raw(" "),
        Span::styled(crate::sanitize::clean(&e.name), theme.title),
    ])];
    lines.extend(wrapped(&e.summary, width, "", "", theme.text));
    body_sections(&mut lines, theme, s, e, width);
    lines
}

/// The lines of a comparison for a pane `width` columns wide: the intro, the key differences
/// and which to use when first (what a comparison is read for), then the two codes' own details,
/// side by side when wide enough. Pure: tests call it directly.
pub fn compare_lines(theme: &Theme, s: &Strings, cmp: &Comparison<'_>, width: usize) -> Vec<Line<'static>> {
    let mut lines = wrapped(&cmp.intro, width, "", "", theme.text);
    if !cmp.differences.is_empty() {
        heading(&mut lines, s.differences, theme.heading);
        lines.extend(bulleted(&cmp.differences, width, theme.text));
    }
    heading(&mut lines, s.when_to_use, theme.heading);
    lines.extend(wrapped(&cmp.when_to_use, width, "", "", theme.text));
    lines.push(Line::default());
    lines.push(Line::styled("─".repeat(width), theme.border));
    if width >= SIDE_BY_SIDE_MIN_WIDTH {
        let gap = 3;
        let column = (width - gap) / 2;
        let left = side_lines(theme, s, &cmp.left, column);
        let right = side_lines(theme, s, &cmp.right, column);
        for row in 0..left.len().max(right.len()) {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let l = left.get(row).cloned().unwrap_or_default();
            let used = l.width();
            spans.extend(l.spans);
            spans.push(Span::raw(" ".repeat(column.saturating_sub(used))));
            spans.push(Span::styled(" │ ", theme.border));
            if let Some(r) = right.get(row) {
                spans.extend(r.spans.iter().cloned());
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(side_lines(theme, s, &cmp.left, width));
        lines.push(Line::default());
        lines.push(Line::styled("─".repeat(width), theme.border));
        lines.extend(side_lines(theme, s, &cmp.right, width));
    }
    lines
}

pub fn render_compare(app: &App, pinned: usize, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(2) as usize;
    let theme = &app.theme;
    let label = |i: usize| {
        let e = app.catalog.at(i);
        crate::ui::list::code_label(&app.catalog, e.family(), e.code())
    };
    let title = |right: &str| {
        let text = format!("{}{} ⇄ {right}", app.s().compare_title.trim_start(), label(pinned));
        crate::ui::detail::pane_title(&text, area.width, theme.pinned)
    };
    match app.compare_right() {
        Some(right) if right != pinned => {
            let cmp = compare(&app.catalog, pinned, right, app.s());
            render_scrolled(app, title(&label(right)), compare_lines(theme, app.s(), &cmp, width), area, buf);
        }
        _ => {
            let left = app.catalog.entry(pinned);
            let mut lines = wrapped(&fill(app.s().pinned_hint, &[&label(pinned)]), width, "", "", theme.text);
            lines.push(Line::default());
            lines.extend(wrapped(&left.summary, width, "", "", theme.dim));
            render_scrolled(app, title("?"), lines, area, buf);
        }
    }
}
