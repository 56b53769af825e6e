//! The result list: family tag, code, name, with the matched characters highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::catalog::{Catalog, Family};
use crate::search::{Hit, Matched, POSITIONED_HITS, Pattern, Query, normalize, with_positions};
use crate::strings::fill;
use crate::ui::text::highlighted;

/// The tag a family is shown with in the browser (the list, titles, the footer): its `short`
/// name, else the shortest of its id and aliases (`ws`, `h2`, `http`). Typing it filters to the
/// family (`ws 1006`).
pub fn family_tag(family: &Family) -> &str {
    family.tag()
}

/// A family's tag, cleaned (a user family's alias can hold anything).
pub fn tag_of(catalog: &Catalog, family: &str) -> String {
    crate::sanitize::clean(catalog.family(family).map_or(family, family_tag))
}

/// How the browser names a code in titles: `ws 1006`.
pub fn code_label(catalog: &Catalog, family: &str, code: &str) -> String {
    format!("{} {}", tag_of(catalog, family), crate::sanitize::clean(code))
}

/// Cuts `text` to `width` columns at a word boundary when it can, ending with `…` when cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        cut.push(c);
    }
    // Back to the last space, unless that would leave too little.
    if let Some(space) = cut.trim_end().rfind(' ')
        && space >= cut.len() / 2
    {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// First row to show so that the selection stays visible, moving as little as possible.
pub fn scroll_offset(previous: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let offset = if selected < previous {
        selected
    } else if selected >= previous + height {
        selected + 1 - height
    } else {
        previous
    };
    offset.min(len - height)
}

pub fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // Where the selection is: `52/131`, with the family shown when the list is filtered to one.
    let position = if app.hits.is_empty() { 0 } else { app.selected + 1 };
    let (position, total) = (position.to_string(), app.hits.len().to_string());
    let title = match (&app.found, &app.family_filter) {
        (Some(found), _) => fill(
            app.s().found_list_title,
            &[&position, &found.tally.stats.len().to_string(), &crate::sanitize::clean(&found.source)],
        ),
        (None, Some(family)) => fill(app.s().list_position_family, &[&position, &total, &tag_of(&app.catalog, family)]),
        (None, None) => fill(app.s().list_position, &[&position, &total]),
    };
    let room = area.width.saturating_sub(4) as usize;
    // The list's border lights up while it has focus; its title says how to get back.
    let (border, title) = if app.list_focus() {
        let text = ellipsize(&format!("{} · {} ", title.trim_end(), app.s().list_focus_title), room);
        (theme.key, Span::styled(text, theme.key))
    } else {
        (theme.border, Span::styled(ellipsize(&title, room), theme.dim))
    };
    let block = Block::default().borders(Borders::ALL).border_style(border).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let mut view = app.view.get();
    let offset = scroll_offset(view.list_offset, app.selected, height, app.hits.len());
    view.list_offset = offset;
    view.list_height = height;
    view.list_rows = inner;
    app.view.set(view);

    if app.hits.is_empty() {
        Paragraph::new(Line::styled(app.s().no_hits, theme.dim)).render(inner, buf);
        return;
    }
    let visible = &app.hits[offset..app.hits.len().min(offset + height)];
    let needle = match Query::parse(&app.query, &app.catalog).pattern {
        Pattern::Words(words) => Some(normalize(&words)),
        _ => None,
    };
    let catalog = &app.catalog;
    let tag_width = visible.iter().map(|h| tag_of(catalog, catalog.at(h.index).family()).width()).max().unwrap_or(0);
    let code_width = visible.iter().map(|h| catalog.at(h.index).code().width()).max().unwrap_or(0).min(11);
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .map(|(row, hit)| {
            // Hits past the first few hundred are found without match positions; draw them with.
            let positioned;
            let hit = match (&needle, offset + row >= POSITIONED_HITS) {
                (Some(needle), true) => {
                    positioned = with_positions(&app.catalog, needle, hit);
                    &positioned
                }
                _ => hit,
            };
            let line = row_line(app, hit, offset + row == app.selected, tag_width, code_width);
            let mut line = fit(line, inner.width as usize);
            // The selection is highlighted across the whole row.
            if offset + row == app.selected {
                let pad = (inner.width as usize).saturating_sub(line.width());
                line.spans.push(Span::raw(" ".repeat(pad)));
            }
            line
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
    crate::ui::detail::scroll_marks(app, area, offset, app.hits.len().saturating_sub(height), buf);
}

fn row_line(app: &App, hit: &Hit, selected: bool, tag_width: usize, code_width: usize) -> Line<'static> {
    let theme = &app.theme;
    // Read in place: a row needs five fields, not the whole entry.
    let entry = app.catalog.at(hit.index);
    let pinned = app.pinned == Some(hit.index);
    // A marker on the selected row, so it shows without colour too; a pinned code keeps its ◆.
    let marker = if pinned {
        "◆"
    } else if selected {
        "▌"
    } else {
        " "
    };
    let mut spans = vec![Span::styled(marker, if pinned { theme.pinned } else { theme.key })];
    let tag = tag_of(&app.catalog, entry.family());
    // On the selected row the tag takes the row's colours, so it stays readable in every theme.
    let tag_style = if selected { theme.selected } else { theme.tag };
    spans.push(Span::styled(format!("{tag:<tag_width$} "), tag_style));
    // Scan mode: how often the log mentions it.
    if let Some(found) = &app.found {
        let count = found.tally.stats.get(&hit.index).map_or(0, |s| s.count);
        let width = found.tally.stats.values().map(|s| s.count).max().unwrap_or(0).to_string().len();
        spans.push(Span::styled(format!("{count:>width$}× "), theme.dim));
    }
    let code_pad = code_width.saturating_sub(entry.code().width());
    match &hit.matched {
        Matched::Code(p) => spans.extend(highlighted(entry.code(), p, theme.code, theme.matched)),
        _ => spans.push(Span::styled(entry.code().to_string(), theme.code)),
    }
    spans.push(Span::raw(" ".repeat(code_pad + 1)));
    let name_style = if entry.official() { theme.text } else { theme.unofficial };
    match &hit.matched {
        Matched::Name(p) => spans.extend(highlighted(entry.name(), p, name_style, theme.matched)),
        _ => spans.push(Span::styled(crate::sanitize::clean(entry.name()), name_style)),
    }
    if let Matched::Alias(k, p) = &hit.matched
        && let Some(alias) = (*k < entry.aliases().len()).then(|| entry.alias(*k))
    {
        spans.push(Span::styled(" · ", theme.dim));
        spans.extend(highlighted(alias, p, theme.dim, theme.matched));
    }
    // A code found in a pasted line: the text that mentions it, highlighted.
    if let Matched::Mention(span) = &hit.matched
        && let Some(text) = app.query.get(span.clone())
    {
        spans.push(Span::styled(" ← ", theme.dim));
        spans.push(Span::styled(crate::sanitize::clean(text), theme.matched));
    }
    let line = Line::from(spans);
    if selected { line.style(theme.selected) } else { line.style(Style::new()) }
}

/// Cuts a line to `width` columns, ending it with `…` when something was cut.
pub fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    use unicode_width::UnicodeWidthChar;
    if line.width() <= width || width == 0 {
        return line;
    }
    let style = line.style;
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                kept.push('…');
                spans.push(Span::styled(kept, span.style));
                return Line::from(spans).style(style);
            }
            used += w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    Line::from(spans).style(style)
}

#[cfg(test)]
mod tests {
    use super::{fit, scroll_offset};
    use ratatui::text::Line;

    #[test]
    fn long_rows_end_with_an_ellipsis() {
        let line = fit(Line::from("http 203 Non-Authoritative Information"), 20);
        assert_eq!(line.to_string(), "http 203 Non-Author…");
        assert_eq!(fit(Line::from("short"), 20).to_string(), "short");
        assert_eq!(fit(Line::from("错误错误错误"), 7).to_string(), "错误错…");
    }

    #[test]
    fn offset_follows_the_selection_minimally() {
        assert_eq!(scroll_offset(0, 3, 10, 100), 0);
        assert_eq!(scroll_offset(0, 10, 10, 100), 1);
        assert_eq!(scroll_offset(5, 2, 10, 100), 2);
        assert_eq!(scroll_offset(50, 99, 10, 100), 90);
        assert_eq!(scroll_offset(7, 3, 10, 5), 0);
        assert_eq!(scroll_offset(0, 0, 0, 5), 0);
    }
}
