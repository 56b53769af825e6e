//! Named styles. NO_COLOR is honoured here and only here: the monochrome theme still shows the
//! selection (reverse), matches (bold underline) and headings (bold).

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub tag: Style,
    pub code: Style,
    pub matched: Style,
    pub selected: Style,
    pub pinned: Style,
    pub warning: Style,
    pub border: Style,
    pub key: Style,
    pub unofficial: Style,
}

impl Theme {
    /// Colours for a dark terminal background.
    pub fn dark() -> Self {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            tag: Style::new().fg(Color::Blue),
            code: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::LightGreen).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().bg(Color::Rgb(40, 52, 74)).add_modifier(Modifier::BOLD),
            pinned: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow),
            unofficial: Style::new().fg(Color::LightMagenta),
        }
    }

    /// Colours for a light terminal background.
    pub fn light() -> Self {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::Rgb(100, 100, 110)),
            title: Style::new().fg(Color::Black).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Rgb(0, 90, 160)).add_modifier(Modifier::BOLD),
            tag: Style::new().fg(Color::Rgb(40, 90, 170)),
            code: Style::new().fg(Color::Rgb(150, 70, 0)).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Rgb(180, 0, 60)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().bg(Color::Rgb(215, 228, 250)).add_modifier(Modifier::BOLD),
            pinned: Style::new().fg(Color::Rgb(130, 0, 140)).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Rgb(190, 0, 0)).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Rgb(160, 160, 170)),
            key: Style::new().fg(Color::Rgb(150, 70, 0)),
            unofficial: Style::new().fg(Color::Rgb(130, 0, 140)),
        }
    }

    /// The theme's styles by name, for the config file's `[colors]` table.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "tag" => &mut self.tag,
            "code" => &mut self.code,
            "matched" => &mut self.matched,
            "selected" => &mut self.selected,
            "pinned" => &mut self.pinned,
            "warning" => &mut self.warning,
            "border" => &mut self.border,
            "key" => &mut self.key,
            "unofficial" => &mut self.unofficial,
            _ => return None,
        })
    }

    /// The names `style_mut` knows.
    pub const STYLE_NAMES: [&'static str; 13] = [
        "text",
        "dim",
        "title",
        "heading",
        "tag",
        "code",
        "matched",
        "selected",
        "pinned",
        "warning",
        "border",
        "key",
        "unofficial",
    ];

    /// No colour at all: emphasis by attributes only.
    pub fn mono() -> Self {
        let plain = Style::new();
        Theme {
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            tag: plain,
            code: plain.add_modifier(Modifier::BOLD),
            matched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            pinned: plain.add_modifier(Modifier::BOLD),
            warning: plain.add_modifier(Modifier::BOLD),
            border: plain,
            key: plain.add_modifier(Modifier::BOLD),
            unofficial: plain.add_modifier(Modifier::ITALIC),
        }
    }

    /// The monochrome theme when NO_COLOR is set (to anything but the empty string), else dark.
    pub fn from_env() -> Self {
        Self::choose(Self::dark())
    }

    /// `preferred`, unless NO_COLOR asks for none: NO_COLOR wins over any theme.
    pub fn choose(preferred: Theme) -> Self {
        if no_color() { Self::mono() } else { preferred }
    }
}

/// Whether the user asked for no colour (https://no-color.org: set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
