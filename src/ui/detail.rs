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
    detail_with_links(catalog, theme, s, e, width, None).lines
}

/// A detail's lines, with where its links are.
pub struct DetailView {
    pub lines: Vec<Line<'static>>,
    /// The line of each related code and equivalent, in order.
    pub link_rows: Vec<usize>,
    /// Lines that cite a spec with a web address (RFCs, IANA registries), and the address.
    pub url_rows: Vec<(usize, String)>,
}

/// [`detail_lines`] with the related codes and equivalents as links: the one at `selected` (when
/// the pane has focus) is highlighted.
pub fn detail_with_links(
    catalog: &Catalog,
    theme: &Theme,
    s: &Strings,
    e: &CodeEntry,
    width: usize,
    selected: Option<usize>,
) -> DetailView {
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
    let mut url_rows = Vec::new();
    for reference in e.references.iter() {
        let first = lines.len();
        lines.extend(bulleted(std::slice::from_ref(reference), width, theme.text));
        if let Some(url) = crate::links::url_for(reference) {
            url_rows.extend((first..lines.len()).map(|row| (row, url.clone())));
        }
    }
    let mut link_rows = Vec::new();
    let mut link = 0;
    for (title, ids) in [(s.related, &e.related), (s.equivalents, &e.equivalents)] {
        if ids.is_empty() {
            continue;
        }
        heading(&mut lines, title, theme.heading);
        for item in linked(catalog, ids) {
            let chosen = selected == Some(link);
            link_rows.push(lines.len());
            let (lead, style) = if chosen { (" ▶ ", theme.selected) } else { (" • ", theme.text) };
            let rows = wrapped(&item, width, lead, "   ", style);
            lines.extend(rows.into_iter().map(|l| if chosen { l.style(theme.selected) } else { l }));
            link += 1;
        }
    }
    DetailView { lines, link_rows, url_rows }
}

/// "▲ more" on the top border when there is more above, "▼ more" on the bottom border when there
/// is more below, at the right of a bordered `area`.
pub fn scroll_marks(app: &App, area: Rect, scroll: usize, max_scroll: usize, buf: &mut Buffer) {
    if area.width <= 12 || area.height < 3 {
        return;
    }
    let mut mark = |label: &str, y: u16| {
        let len = unicode_width::UnicodeWidthStr::width(label) as u16;
        let x = area.right().saturating_sub(len + 2);
        buf.set_span(x, y, &Span::styled(label.to_string(), app.theme.dim), len);
    };
    if scroll > 0 {
        mark(app.s().more_above, area.y);
    }
    if scroll < max_scroll {
        mark(app.s().more_below, area.bottom().saturating_sub(1));
    }
}

/// Draws `lines` in a bordered pane with `title`, scrolled by the app's detail scroll, and records
/// how far it can scroll.
pub fn render_scrolled(app: &App, title: Line<'static>, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    render_with_urls(app, title, lines, &[], area, buf);
}

/// [`render_scrolled`], with the lines in `urls` made terminal hyperlinks (OSC 8) when the app
/// says the terminal takes them.
pub fn render_with_urls(
    app: &App,
    title: Line<'static>,
    lines: Vec<Line<'static>>,
    urls: &[(usize, String)],
    area: Rect,
    buf: &mut Buffer,
) {
    let focused = app.focus == crate::keymap::Focus::Detail;
    let border = if focused { app.theme.key } else { app.theme.border };
    let block = Block::default().borders(Borders::ALL).border_style(border).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let height = inner.height as usize;
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = app.detail_scroll.min(max_scroll);
    let mut view = app.view.get();
    view.detail_height = height;
    view.detail_max_scroll = max_scroll;
    view.detail_area = area;
    view.detail_scroll = scroll;
    app.view.set(view);
    Paragraph::new(lines).scroll((scroll.min(u16::MAX as usize) as u16, 0)).render(inner, buf);
    if app.hyperlinks {
        for (row, url) in urls {
            if let Some(y) = row.checked_sub(scroll).filter(|y| *y < height) {
                crate::links::link_row(buf, inner, inner.y + y as u16, url);
            }
        }
    }
    scroll_marks(app, area, scroll, max_scroll, buf);
}

/// A pane title that fits `width` columns: `text` cut at a word with an ellipsis if needed.
pub fn pane_title(text: &str, width: u16, style: ratatui::style::Style) -> Line<'static> {
    let room = (width as usize).saturating_sub(10);
    Line::from(Span::styled(format!(" {} ", crate::ui::list::ellipsize(text, room)), style))
}

pub fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(2) as usize;
    let Some((index, entry)) = app.selected_entry() else {
        app.link_rows.borrow_mut().clear();
        if let Some((title, lines)) = class_answer(app, width) {
            render_scrolled(app, pane_title(&title, area.width, app.theme.dim), lines, area, buf);
            return;
        }
        let hint = wrapped(app.s().empty_detail, width, "", "", app.theme.dim);
        render_scrolled(app, pane_title(app.s().detail_title, area.width, app.theme.dim), hint, area, buf);
        return;
    };
    let entry = &*entry;
    // The title names the code, so it is clear which code a scrolled pane shows.
    let family = app.catalog.family_of(entry).map_or(entry.family.to_string(), |f| f.name.to_string());
    let label = crate::ui::list::code_label(&app.catalog, &entry.family, &entry.code);
    let title = format!("{label} {} · {}", crate::sanitize::clean(&entry.name), crate::sanitize::clean(&family));
    let mut lines = number_classes(app, width);
    if let Some(found) = &app.found
        && let Some(stat) = found.tally.stats.get(&index)
    {
        lines.extend(evidence_lines(app, &found.source, stat, width));
    }
    let selected = (app.focus == crate::keymap::Focus::Detail).then_some(app.link);
    let detail = detail_with_links(&app.catalog, &app.theme, app.s(), entry, width, selected);
    let shift = lines.len();
    *app.link_rows.borrow_mut() = detail.link_rows.into_iter().map(|r| r + shift).collect();
    let urls: Vec<(usize, String)> = detail.url_rows.into_iter().map(|(r, u)| (r + shift, u)).collect();
    lines.extend(detail.lines);
    render_with_urls(app, pane_title(&title, area.width, app.theme.dim), lines, &urls, area, buf);
}

/// For a bare number that no family registers (`477`), as `whatcode 477` says under its list:
/// the families whose classes say which code to treat it as. Shown above the selected code
/// (a range such as `websocket/0-999` may hold the number without registering it).
fn number_classes(app: &App, width: usize) -> Vec<Line<'static>> {
    use crate::search::{Pattern, Query};
    let query = Query::parse(app.query.as_str(), &app.catalog);
    let Pattern::Number { typed, .. } = &query.pattern else { return Vec::new() };
    if query.family.is_some() {
        return Vec::new();
    }
    let answers = app.catalog.class_answers(typed);
    if answers.is_empty() {
        return Vec::new();
    }
    let (theme, s) = (&app.theme, app.s());
    let mut lines = wrapped(&fill(s.unregistered_number, &[typed.trim()]), width, "", "", theme.warning);
    for answer in &answers {
        let Some(target) = answer.class.treat_as.as_deref() else { continue };
        let text = fill(s.unregistered_as, &[&answer.id, &answer.class.label, target]);
        lines.extend(wrapped(&text, width, "  ", "    ", theme.text));
    }
    lines.push(Line::default());
    lines
}

/// For a query naming a family and a number it does not register (`http 477`, `http/477`), as
/// `whatcode show http/477` answers: the class the number falls in, what the family says of its
/// unregistered codes, and the code to treat it as, in full. The pane's title and lines.
fn class_answer(app: &App, width: usize) -> Option<(String, Vec<Line<'static>>)> {
    use crate::search::{Pattern, Query};
    let query = Query::parse(app.query.as_str(), &app.catalog);
    let Pattern::Number { typed, .. } = &query.pattern else { return None };
    let answer = app.catalog.class_answer(query.family.as_deref()?, typed)?;
    let (theme, s) = (&app.theme, app.s());
    let mut lines = wrapped(&fill(s.unregistered, &[&answer.id]), width, "", "", theme.warning);
    lines.extend(wrapped(&fill(s.unregistered_class, &[&answer.class.label, &answer.span]), width, "", "", theme.text));
    if let Some(unknown) = &answer.class.unknown {
        lines.extend(wrapped(unknown, width, "", "", theme.text));
    }
    if let Some(target) = answer.treat_as {
        let entry = app.catalog.entry(target);
        lines.push(Line::default());
        lines.extend(wrapped(&fill(s.unregistered_treat_as, &[&entry.id()]), width, "", "", theme.heading));
        lines.push(Line::default());
        lines.extend(detail_lines(&app.catalog, theme, s, &entry, width));
    }
    let title = format!("{} · {}", answer.id, crate::sanitize::clean(&answer.family.name));
    Some((title, lines))
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
