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
        if no_color() { Self::mono() } else { Self::dark() }
    }
}

/// Whether the user asked for no colour (https://no-color.org: set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
