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

/// How many colours the terminal can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorDepth {
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
    /// The xterm 256-colour palette (`TERM` ends in `256color`).
    Indexed256,
    /// The 16 basic ANSI colours.
    Basic16,
}

impl ColorDepth {
    /// What the terminal announces: `COLORTERM`, then `TERM`.
    pub fn detect() -> Self {
        let colorterm = std::env::var("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let term = std::env::var("TERM").unwrap_or_default();
        if colorterm == "truecolor" || colorterm == "24bit" {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Basic16
        }
    }
}

impl Theme {
    /// The theme with its 24-bit colours replaced by the nearest the terminal can show.
    pub fn for_depth(mut self, depth: ColorDepth) -> Self {
        if depth == ColorDepth::TrueColor {
            return self;
        }
        for name in Theme::STYLE_NAMES {
            if let Some(style) = self.style_mut(name) {
                style.fg = style.fg.map(|c| degrade(c, depth));
                style.bg = style.bg.map(|c| degrade(c, depth));
            }
        }
        self
    }
}

/// A colour as the terminal can show it: 24-bit colours go to the nearest of the 256-colour cube
/// and grey ramp, or of the 16 basic colours.
pub fn degrade(color: Color, depth: ColorDepth) -> Color {
    let Color::Rgb(r, g, b) = color else { return color };
    match depth {
        ColorDepth::TrueColor => color,
        ColorDepth::Indexed256 => Color::Indexed(nearest_256(r, g, b)),
        ColorDepth::Basic16 => nearest_16(r, g, b),
    }
}

/// The nearest xterm-256 index: a 6×6×6 cube level or a grey.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        LEVELS.iter().enumerate().min_by_key(|(_, l)| (i32::from(**l) - i32::from(v)).abs()).map_or(0, |(i, _)| i)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let grey_step = ((u32::from(r) + u32::from(g) + u32::from(b)) / 3).saturating_sub(8) / 10;
    let grey_step = grey_step.min(23) as u8;
    let grey = 8 + 10 * grey_step;
    let distance = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, c: u8| (i32::from(a) - i32::from(c)).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    if distance((grey, grey, grey)) < distance(cube) {
        232 + grey_step
    } else {
        16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8
    }
}

/// The nearest of the 16 basic colours (by their usual xterm values).
fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    const BASIC: [(Color, (u8, u8, u8)); 16] = [
        (Color::Black, (0, 0, 0)),
        (Color::Red, (205, 0, 0)),
        (Color::Green, (0, 205, 0)),
        (Color::Yellow, (205, 205, 0)),
        (Color::Blue, (0, 0, 238)),
        (Color::Magenta, (205, 0, 205)),
        (Color::Cyan, (0, 205, 205)),
        (Color::Gray, (229, 229, 229)),
        (Color::DarkGray, (127, 127, 127)),
        (Color::LightRed, (255, 0, 0)),
        (Color::LightGreen, (0, 255, 0)),
        (Color::LightYellow, (255, 255, 0)),
        (Color::LightBlue, (92, 92, 255)),
        (Color::LightMagenta, (255, 0, 255)),
        (Color::LightCyan, (0, 255, 255)),
        (Color::White, (255, 255, 255)),
    ];
    let d = |a: u8, c: u8| (i32::from(a) - i32::from(c)).pow(2);
    BASIC.iter().min_by_key(|(_, (x, y, z))| d(*x, r) + d(*y, g) + d(*z, b)).map_or(Color::Reset, |(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_degrade_to_what_the_terminal_shows() {
        assert_eq!(degrade(Color::Rgb(0, 0, 0), ColorDepth::Indexed256), Color::Indexed(16));
        assert_eq!(degrade(Color::Rgb(255, 255, 255), ColorDepth::Indexed256), Color::Indexed(231));
        assert_eq!(degrade(Color::Rgb(128, 128, 128), ColorDepth::Indexed256), Color::Indexed(244));
        assert_eq!(degrade(Color::Rgb(40, 52, 74), ColorDepth::Basic16), Color::Black);
        assert_eq!(degrade(Color::Rgb(215, 228, 250), ColorDepth::Basic16), Color::Gray);
        assert_eq!(degrade(Color::Cyan, ColorDepth::Basic16), Color::Cyan);
        let light = Theme::light().for_depth(ColorDepth::Basic16);
        assert!(Theme::STYLE_NAMES.iter().all(|n| {
            let mut t = light;
            let s = *t.style_mut(n).expect("style");
            !matches!(s.fg, Some(Color::Rgb(..))) && !matches!(s.bg, Some(Color::Rgb(..)))
        }));
    }
}
