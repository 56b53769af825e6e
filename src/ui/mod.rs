//! The view: functions that read `&App` and draw. Nothing here changes the model beyond the
//! scroll metrics of the last frame.

pub mod compare;
pub mod detail;
pub mod help;
pub mod list;
pub mod overlay;
pub mod overview;
pub mod text;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::keymap::key_label;
use crate::strings::fill;

/// The smallest terminal the browser draws in; below it, a message says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this height the search bar loses its border, so the panes keep their rows.
pub const COMPACT_BELOW_HEIGHT: u16 = 16;
/// Below this width the list sits above the detail instead of beside it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 80;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(self, area, buf);
            return;
        }
        let bar_height = if area.height < COMPACT_BELOW_HEIGHT { 1 } else { 3 };
        // Problems in user files get a line of their own above the key hints.
        let warning_height = u16::from(!self.warnings.is_empty());
        let [search, body, warning, footer] = Layout::vertical([
            Constraint::Length(bar_height),
            Constraint::Min(4),
            Constraint::Length(warning_height),
            Constraint::Length(1),
        ])
        .areas(area);
        render_search_bar(self, search, buf);
        let (list_area, detail_area) = if area.width >= SIDE_BY_SIDE_WIDTH {
            // Compare mode needs the room for two columns; the list only picks the other side.
            let list_width =
                if self.comparing() { (area.width / 4).clamp(26, 40) } else { (area.width * 2 / 5).clamp(30, 56) };
            let [l, d] = Layout::horizontal([Constraint::Length(list_width), Constraint::Min(20)]).areas(body);
            (l, d)
        } else {
            let list_height = (body.height * 2 / 5).max(3);
            let [l, d] = Layout::vertical([Constraint::Length(list_height), Constraint::Min(3)]).areas(body);
            (l, d)
        };
        list::render_list(self, list_area, buf);
        match self.pinned {
            _ if self.show_overview => overview::render_overview(self, detail_area, buf),
            Some(pinned) => compare::render_compare(self, pinned, detail_area, buf),
            None => detail::render_detail(self, detail_area, buf),
        }
        if warning_height > 0 {
            render_warning_line(self, warning, buf);
        }
        render_footer(self, footer, buf);
        if self.show_families {
            overlay::render_families(self, area, buf);
        }
        if self.show_warnings {
            overlay::render_warnings(self, area, buf);
        }
        if self.show_help {
            help::render_help(self, area, buf);
        }
    }
}

fn render_search_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title =
        if app.comparing() { format!(" whatcode ·{}", app.s().compare_title) } else { " whatcode ".to_string() };
    let inner = if area.height >= 3 {
        let border = if app.focus == crate::keymap::Focus::Search { theme.key } else { theme.border };
        let block = Block::default().borders(Borders::ALL).border_style(border).title(Span::styled(title, theme.title));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    } else {
        area
    };
    let mut spans = vec![Span::styled("› ", theme.key)];
    if app.query.is_empty() {
        spans.push(Span::styled("▏", theme.key));
        spans.push(Span::styled(app.s().placeholder, theme.dim));
    } else {
        // Keep the cursor in view: show the part of the query around it.
        let room = (inner.width as usize).saturating_sub(4).max(1);
        let chars: Vec<char> = crate::sanitize::clean(&app.query).chars().collect();
        let cursor = app.query.cursor().min(chars.len());
        let len = chars.len();
        let start = if len <= room { 0 } else { cursor.saturating_sub(room - 1).min(len - room) };
        let end = (start + room).min(chars.len());
        let before: String = chars[start..cursor].iter().collect();
        let after: String = chars[cursor..end].iter().collect();
        spans.push(Span::styled(before, theme.text));
        spans.push(Span::styled("▏", theme.key));
        spans.push(Span::styled(after, theme.text));
    }
    Paragraph::new(Line::from(spans)).render(inner, buf);
}

/// The line that says user files had problems, and how to see them.
fn render_warning_line(app: &App, area: Rect, buf: &mut Buffer) {
    let text = fill(app.s().warnings_line, &[&app.warnings.len().to_string()]);
    let line = list::fit(Line::from(Span::styled(text, app.theme.warning)), area.width as usize);
    Paragraph::new(line).render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(status) = &app.status {
        let line = list::fit(Line::from(Span::styled(status.clone(), theme.key)), area.width as usize);
        Paragraph::new(line).render(area, buf);
        return;
    }
    let mut spans = Vec::new();
    if let Some(pinned) = app.pinned {
        let e = app.catalog.at(pinned);
        let label = format!("{} {}", list::tag_of(&app.catalog, e.family()), e.code());
        spans.push(Span::styled(fill(app.s().pinned_footer, &[&label]), theme.pinned));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    for (key, hint) in footer_hints(app, (area.width as usize).saturating_sub(used)) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {hint}  "), theme.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The footer's key hints for what the keys do now (the focus, compare mode, picking) that fit
/// in `width` columns, in table order. When they do not all fit, the least needed go first (the
/// order of `FOOTER_PRIORITY`, most needed first).
fn footer_hints(app: &App, width: usize) -> Vec<(String, &'static str)> {
    const FOOTER_PRIORITY: [&str; 18] = [
        "quit",
        "help",
        "pick",
        "link_open",
        "link_compare",
        "compare",
        "swap",
        "select_next",
        "link_next",
        "focus_detail",
        "focus_list",
        "back",
        "go_back",
        "family",
        "families",
        "copy_id",
        "clear_query",
        "scroll_down",
    ];
    let ctx = app.key_context();
    let mut seen_keys: Vec<crate::keymap::Key> = Vec::new();
    let mut hints: Vec<(usize, String, &'static str)> = Vec::new();
    for r in app.keymap.rows.iter().filter(|r| r.binding.when.applies(ctx)) {
        // A key shadowed by a narrower row before it does not do what this row says.
        let Some(key) = r.keys.iter().find(|k| !seen_keys.contains(k)).copied() else { continue };
        seen_keys.extend(r.keys.iter().copied());
        let Some(hint) = r.binding.hint else { continue };
        // Going back only means something once a related code was opened.
        if r.binding.action == crate::action::Action::GoBack && app.history.is_empty() {
            continue;
        }
        let rank = FOOTER_PRIORITY.iter().position(|n| *n == r.binding.name).unwrap_or(FOOTER_PRIORITY.len());
        hints.push((rank, key_label(key), hint(app.s())));
    }
    let cost = |h: &[(usize, String, &str)]| -> usize {
        h.iter()
            .map(|(_, k, t)| {
                unicode_width::UnicodeWidthStr::width(k.as_str()) + unicode_width::UnicodeWidthStr::width(*t) + 3
            })
            .sum()
    };
    while cost(&hints) > width && !hints.is_empty() {
        let worst = hints.iter().enumerate().max_by_key(|(_, (rank, _, _))| *rank).map_or(0, |(i, _)| i);
        hints.remove(worst);
    }
    hints.into_iter().map(|(_, k, t)| (k, t)).collect()
}

fn render_too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let dims = [area.width, area.height, MIN_WIDTH, MIN_HEIGHT].map(|n| n.to_string());
    let text = fill(app.s().too_small, &[&dims[0], &dims[1], &dims[2], &dims[3]]);
    Paragraph::new(Line::styled(text, app.theme.warning)).wrap(Wrap { trim: true }).render(area, buf);
}
