//! A family's overview in the detail pane: what the family is, its specs, and a map of its
//! number space with the current code marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::catalog::{Catalog, Family};
use crate::strings::{Strings, fill};
use crate::theme::Theme;
use crate::ui::detail::render_scrolled;
use crate::ui::text::{bulleted, heading, wrapped};

/// The overview of `family`, marking the range that holds `current` (a code's value).
pub fn overview_lines(
    catalog: &Catalog,
    theme: &Theme,
    s: &Strings,
    family: &Family,
    current: Option<i64>,
    width: usize,
) -> Vec<Line<'static>> {
    let (count, per_range) = catalog.family_counts(family);
    let mut lines = vec![Line::from(vec![
        Span::styled(crate::sanitize::clean(&family.name), theme.title),
        Span::styled(format!("  {count} {}", s.codes(count)), theme.dim),
    ])];
    heading(&mut lines, s.number_space, theme.heading);
    lines.extend(wrapped(&family.number_space, width, "", "", theme.text));
    if !family.ranges.is_empty() {
        lines.push(Line::default());
        let marked = current.and_then(|v| family.class_of(v));
        let spans: Vec<String> = family.ranges.iter().map(|r| range_span(family, r)).collect();
        let span_width = spans.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        let max_count = per_range.iter().copied().max().unwrap_or(1).max(1);
        for ((range, span), n) in family.ranges.iter().zip(spans).zip(per_range) {
            let bar_room = (width.saturating_sub(span_width + 10) / 3).min(16);
            let bar = "█".repeat((n * bar_room).div_ceil(max_count));
            let is_current = marked == Some(range);
            let style = if is_current { theme.pinned } else { theme.text };
            let mut row = vec![
                Span::styled(if is_current { "▶ " } else { "  " }, theme.pinned),
                Span::styled(format!("{span:>span_width$} "), theme.code),
                Span::styled(format!("{bar:<bar_room$} {n:>4}  "), theme.tag),
            ];
            row.push(Span::styled(crate::sanitize::clean(&range.label), style));
            lines.push(crate::ui::list::fit(Line::from(row), width));
        }
    }
    heading(&mut lines, s.specs, theme.heading);
    lines.extend(bulleted(&family.specs, width, theme.text));
    heading(&mut lines, s.overview, theme.heading);
    if !catalog.is_overview_translated(family) {
        lines.extend(wrapped(s.untranslated, width, "", "  ", theme.dim));
    }
    lines.extend(wrapped(&family.overview, width, "", "", theme.text));
    lines
}

/// How a class's numbers are written in the map: `400–499`, `0x100–0x110`; nothing for a family
/// whose codes are words (its classes are named by their label alone).
pub fn range_span(family: &Family, r: &crate::catalog::Range) -> String {
    if family.display.is_numeric() {
        format!("{}–{}", family.display.format(r.start), family.display.format(r.end))
    } else {
        String::new()
    }
}

pub fn render_overview(app: &App, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(2) as usize;
    let entry = app.selected_entry().map(|(_, e)| e);
    let family = entry.as_ref().and_then(|e| app.catalog.family_of(e)).or_else(|| app.catalog.families().first());
    let Some(family) = family else {
        render_scrolled(app, Line::from(app.s().detail_title), Vec::new(), area, buf);
        return;
    };
    let lines = overview_lines(&app.catalog, &app.theme, app.s(), family, entry.as_ref().map(|e| e.value), width);
    let title = Line::from(Span::styled(fill(app.s().family_title, &[&family.id]), app.theme.dim));
    render_scrolled(app, title, lines, area, buf);
}
