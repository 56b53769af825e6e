//! The config file (`$XDG_CONFIG_HOME/whatcode/config.toml`, or `$WHATCODE_CONFIG`): theme, colours,
//! key bindings, language, mouse. A bad file never stops whatcode: each problem is reported with its
//! line, and the setting it concerns keeps its default.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use crate::keymap::{Key, Keymap, parse_key};
use crate::strings::Lang;
use crate::theme::Theme;

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: Theme,
    pub lang: Option<Lang>,
    pub mouse: bool,
    pub keymap: Keymap,
    /// What was wrong in the file, each with its line; the rest of the file still applies.
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { theme: Theme::dark(), lang: None, mouse: false, keymap: Keymap::default(), problems: Vec::new() }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    mouse: Option<bool>,
    colors: Option<HashMap<String, Spanned<RawColor>>>,
    keys: Option<HashMap<String, Spanned<Vec<String>>>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawColor {
    /// A foreground colour: `"cyan"`, `"#ffd75f"`, `"208"`.
    Fg(String),
    /// A full style.
    Style {
        fg: Option<String>,
        bg: Option<String>,
        #[serde(default)]
        bold: bool,
        #[serde(default)]
        italic: bool,
        #[serde(default)]
        underline: bool,
        #[serde(default)]
        reversed: bool,
    },
}

/// Where the config file is looked for.
pub fn config_path() -> Option<PathBuf> {
    match std::env::var_os("WHATCODE_CONFIG").filter(|v| !v.is_empty()) {
        Some(path) => Some(PathBuf::from(path)),
        None => crate::paths::Folder::Config.path().map(|dir| dir.join("config.toml")),
    }
}

/// The config in force: the file if there is one (a missing file is no problem), else defaults.
pub fn load() -> Config {
    let Some(path) = config_path() else { return Config::default() };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => Config { problems: vec![format!("{}: cannot read: {e}", path.display())], ..Config::default() },
    }
}

/// Parses a config file's text; every problem names `path` and the line.
pub fn parse(path: &Path, text: &str) -> Config {
    let mut config = Config::default();
    let line = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let problem = |config: &mut Config, offset: usize, message: String| {
        config.problems.push(format!("{}:{}: {message}", path.display(), line(offset)));
    };
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            problem(&mut config, offset, format!("{} (using the defaults)", e.message().trim()));
            return config;
        }
    };
    if let Some(theme) = &raw.theme {
        match theme.get_ref().as_str() {
            "dark" | "custom" => config.theme = Theme::dark(),
            "light" => config.theme = Theme::light(),
            other => problem(&mut config, theme.span().start, format!("theme '{other}' is not dark, light or custom")),
        }
    }
    if let Some(lang) = &raw.lang {
        match Lang::parse(lang.get_ref()) {
            Some(l) => config.lang = Some(l),
            None => problem(&mut config, lang.span().start, format!("lang '{}' is not en or ru", lang.get_ref())),
        }
    }
    config.mouse = raw.mouse.unwrap_or(false);
    let mut colors: Vec<_> = raw.colors.iter().flatten().collect();
    colors.sort_by_key(|(_, v)| v.span().start);
    for (name, value) in colors {
        let Some(slot) = config.theme.style_mut(name) else {
            let known = Theme::STYLE_NAMES.join(", ");
            problem(&mut config, value.span().start, format!("colors.{name} is not a style (known: {known})"));
            continue;
        };
        match style_of(value.get_ref()) {
            Ok(style) => *slot = style,
            Err(e) => problem(&mut config, value.span().start, format!("colors.{name}: {e}")),
        }
    }
    let mut overrides: HashMap<String, Vec<Key>> = HashMap::new();
    let mut keys: Vec<_> = raw.keys.iter().flatten().collect();
    keys.sort_by_key(|(_, v)| v.span().start);
    for (name, value) in keys {
        match value.get_ref().iter().map(|k| parse_key(k)).collect::<Result<Vec<_>, _>>() {
            Ok(parsed) if parsed.is_empty() => {
                problem(&mut config, value.span().start, format!("keys.{name}: give at least one key"))
            }
            Ok(parsed) => match Keymap::with_overrides(&HashMap::from([(name.clone(), parsed.clone())])) {
                Ok(_) => {
                    overrides.insert(name.clone(), parsed);
                }
                Err(e) => problem(&mut config, value.span().start, format!("keys.{name}: {e}")),
            },
            Err(e) => problem(&mut config, value.span().start, format!("keys.{name}: {e}")),
        }
    }
    if let Ok(keymap) = Keymap::with_overrides(&overrides) {
        config.keymap = keymap;
    }
    config
}

fn color(text: &str) -> Result<Color, String> {
    text.parse::<Color>().map_err(|_| format!("'{text}' is not a colour (a name such as cyan, #rrggbb, or 0-255)"))
}

fn style_of(raw: &RawColor) -> Result<Style, String> {
    match raw {
        RawColor::Fg(fg) => Ok(Style::new().fg(color(fg)?)),
        RawColor::Style { fg, bg, bold, italic, underline, reversed } => {
            let mut style = Style::new();
            if let Some(fg) = fg {
                style = style.fg(color(fg)?);
            }
            if let Some(bg) = bg {
                style = style.bg(color(bg)?);
            }
            for (on, modifier) in [
                (*bold, Modifier::BOLD),
                (*italic, Modifier::ITALIC),
                (*underline, Modifier::UNDERLINED),
                (*reversed, Modifier::REVERSED),
            ] {
                if on {
                    style = style.add_modifier(modifier);
                }
            }
            Ok(style)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn parsed(text: &str) -> Config {
        parse(Path::new("config.toml"), text)
    }

    #[test]
    fn a_full_config_applies() {
        let c = parsed(
            "theme = \"light\"\nlang = \"ru\"\nmouse = true\n[colors]\nheading = \"magenta\"\nselected = { fg = \"black\", bg = \"#ffd75f\", bold = true }\n[keys]\nquit = [\"ctrl-q\"]\n",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.lang, Some(Lang::Ru));
        assert!(c.mouse);
        assert_eq!(c.theme.heading, Style::new().fg(Color::Magenta));
        assert_eq!(c.theme.selected.bg, Some(Color::Rgb(0xff, 0xd7, 0x5f)));
        let ctx = Default::default();
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(c.keymap.action_for(q, ctx), Some(Action::Quit));
    }

    #[test]
    fn each_bad_setting_is_reported_with_its_line_and_the_rest_applies() {
        let c = parsed(
            "theme = \"neon\"\nlang = \"ru\"\n[colors]\nheading = \"not-a-colour\"\nsparkle = \"red\"\n[keys]\nteleport = [\"ctrl-t\"]\nquit = [\"ctrl-nope\"]\ncompare = [\"ctrl-t\"]\n",
        );
        let all = c.problems.join("\n");
        assert!(all.contains("config.toml:1: theme 'neon'"), "{all}");
        assert!(all.contains("config.toml:4: colors.heading"), "{all}");
        assert!(all.contains("config.toml:5: colors.sparkle is not a style"), "{all}");
        assert!(all.contains("config.toml:7: keys.teleport"), "{all}");
        assert!(all.contains("config.toml:8: keys.quit"), "{all}");
        assert_eq!(c.lang, Some(Lang::Ru), "good settings still apply");
        let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL);
        assert_eq!(c.keymap.action_for(t, Default::default()), Some(Action::ToggleCompare));
    }

    #[test]
    fn a_broken_file_gives_defaults_and_one_located_message() {
        let c = parsed("theme = \"light\"\n[keys\nquit = 3\n");
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].starts_with("config.toml:2:"), "{:?}", c.problems);
        assert!(!c.mouse);
        let c = parsed("unknown_setting = 1\n");
        assert!(c.problems[0].contains("unknown field"), "{:?}", c.problems);
    }
}
