//! The help overlay, generated from the key table so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::app::App;
use crate::keymap::{BINDINGS, keys_label};

pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let labels: Vec<String> = BINDINGS.iter().map(keys_label).collect();
    let key_width = labels.iter().map(|l| unicode_width::UnicodeWidthStr::width(l.as_str())).max().unwrap_or(0);
    let mut lines: Vec<Line<'static>> = app.s().help_intro.lines().map(|l| Line::styled(l, app.theme.text)).collect();
    lines.push(Line::default());
    for (binding, label) in BINDINGS.iter().zip(labels) {
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
    Paragraph::new(lines).block(block).render(popup, buf);
}
