//! The help overlay, generated from the key table so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::keymap::{When, keys_label};
use crate::ui::overlay::{render_popup, text_width};
use crate::ui::text::wrapped;

/// The help: the intro, then every row of the key table in force, grouped by where it applies,
/// wrapped to `width`.
pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let s = app.s();
    let mut lines: Vec<Line<'static>> = wrapped(s.help_intro, width, "", "", app.theme.text);
    let rows: Vec<_> = app
        .keymap
        .rows
        .iter()
        .filter(|r| app.picking || r.binding.when != When::Picking)
        .filter(|r| !r.keys.is_empty())
        .collect();
    let key_width = rows.iter().map(|r| keys_label(&r.keys).chars().count()).max().unwrap_or(0).min(width / 3);
    for (when, heading) in [
        (When::Always, s.help_anywhere),
        (When::Search, s.help_typing),
        (When::QueryEmpty, s.help_typing),
        (When::List, s.help_list),
        (When::Panes, s.help_panes),
        (When::Detail, s.help_detail),
        (When::Comparing, s.help_comparing),
        (When::Picking, s.help_picking),
    ] {
        let group: Vec<_> = rows.iter().filter(|r| r.binding.when == when).collect();
        if group.is_empty() {
            continue;
        }
        if when != When::QueryEmpty {
            lines.push(Line::default());
            lines.push(Line::styled(heading.to_string(), app.theme.heading));
        }
        for row in group {
            let label = keys_label(&row.keys);
            let text = (row.binding.help)(s);
            let lead = format!("{label:>key_width$}  ");
            let rest = " ".repeat(key_width + 2);
            let body = wrapped(text, width.saturating_sub(key_width + 2).max(8), "", "", app.theme.text);
            for (k, line) in body.into_iter().enumerate() {
                let prefix = if k == 0 { lead.clone() } else { rest.clone() };
                let mut spans = vec![Span::styled(prefix, app.theme.key)];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
    }
    lines
}

pub fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app, text_width(area));
    render_popup(app, app.s().keys_title, lines, area, buf);
}
