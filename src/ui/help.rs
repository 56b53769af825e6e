//! The help overlay, generated from the key table so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::keymap::keys_label;

pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let labels: Vec<String> = app.keymap.rows.iter().map(|r| keys_label(&r.keys)).collect();
    let key_width = labels.iter().map(|l| unicode_width::UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
    let mut lines: Vec<Line<'static>> = app.s().help_intro.lines().map(|l| Line::styled(l, app.theme.text)).collect();
    lines.push(Line::default());
    for (row, label) in app.keymap.rows.iter().zip(labels) {
        let binding = row.binding;
        if binding.when == crate::keymap::When::Picking && !app.picking {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{label:>key_width$}  "), app.theme.key),
            Span::styled((binding.help)(app.s()), app.theme.text),
        ]));
    }
    lines
}

pub fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let width = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let popup = Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    };
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.key)
        .title(Span::styled(app.s().keys_title, app.theme.title));
    let inner = block.inner(popup);
    block.render(popup, buf);
    // A help taller than the screen scrolls with the usual keys.
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let mut view = app.view.get();
    view.help_max_scroll = max_scroll;
    app.view.set(view);
    let scroll = app.help_scroll.min(max_scroll);
    Paragraph::new(lines).scroll((scroll as u16, 0)).render(inner, buf);
    if scroll < max_scroll && popup.width > 10 {
        let label = app.s().more_below;
        let len = unicode_width::UnicodeWidthStr::width(label) as u16;
        let marker = Span::styled(label, app.theme.key);
        buf.set_span(popup.right().saturating_sub(len + 2), popup.bottom().saturating_sub(1), &marker, len);
    }
}
