//! Pop-ups over the browser: a bordered box centred on the screen, sized to its lines and
//! scrolled when the screen is too small. The help, the family menu and the list of problems in
//! user files use it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::ui::text::wrapped;

/// Draws `lines` in a centred box titled `title`, at most `area`'s size (lines longer than the
/// box were wrapped by the caller). Scrolls by the app's overlay scroll and records how far it can.
pub fn render_popup(app: &App, title: &str, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let width = (lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.key)
        .title(Span::styled(crate::ui::list::ellipsize(title, width.saturating_sub(2) as usize), app.theme.title));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let mut view = app.view.get();
    view.help_max_scroll = max_scroll;
    app.view.set(view);
    let scroll = app.help_scroll.min(max_scroll);
    Paragraph::new(lines).scroll((scroll as u16, 0)).render(inner, buf);
    crate::ui::detail::scroll_marks(app, popup, scroll, max_scroll, buf);
}

/// The widest a pop-up's text may be on this screen.
pub fn text_width(area: Rect) -> usize {
    (area.width as usize).saturating_sub(6).clamp(10, 100)
}

/// The family menu: "all families", then each family with its size; the cursor on the chosen one.
pub fn render_families(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = text_width(area);
    let mut lines = Vec::new();
    let families = app.catalog.families();
    let names: Vec<(String, String)> = std::iter::once((String::new(), app.s().all_families.to_string()))
        .chain(families.iter().map(|f| {
            let (count, _) = app.catalog.family_counts(f);
            (crate::sanitize::clean(f.tag()), format!("{}  ({count})", crate::sanitize::clean(&f.name)))
        }))
        .collect();
    let tag_width = names.iter().map(|(t, _)| t.chars().count()).max().unwrap_or(0);
    for (k, (tag, name)) in names.into_iter().enumerate() {
        let selected = k == app.families_cursor;
        let marker = if selected { "▶ " } else { "  " };
        let line = Line::from(vec![
            Span::styled(marker, theme.pinned),
            Span::styled(format!("{tag:<tag_width$}  "), theme.tag),
            Span::styled(name, theme.text),
        ]);
        let line = crate::ui::list::fit(line, width);
        lines.push(if selected { line.style(theme.selected) } else { line });
    }
    // Keep the cursor on screen when the menu is taller than the screen.
    let height = (area.height as usize).saturating_sub(2).max(1);
    let skip = app.families_cursor.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line<'static>> = lines.into_iter().skip(skip).collect();
    render_popup(app, app.s().families_title, lines, area, buf);
}

/// Every problem found in user files and the config, wrapped.
pub fn render_warnings(app: &App, area: Rect, buf: &mut Buffer) {
    let width = text_width(area);
    let mut lines = Vec::new();
    for warning in &app.warnings {
        lines.extend(wrapped(warning, width, "⚠ ", "  ", app.theme.text));
    }
    render_popup(app, app.s().warnings_title, lines, area, buf);
}
