//! The config file (`$XDG_CONFIG_HOME/whatcode/config.toml`, or `$WHATCODE_CONFIG`): theme, colours,
//! key bindings, language, mouse, hyperlinks. A bad file never stops whatcode: each problem is
//! reported with its line, and only the setting it concerns keeps its default (a file that is not
//! TOML at all gives the defaults).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::keymap::{Key, Keymap, parse_key};
use crate::strings::Lang;
use crate::theme::Theme;

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: Theme,
    pub lang: Option<Lang>,
    pub mouse: bool,
    /// Spec references as terminal hyperlinks (OSC 8).
    pub links: bool,
    pub keymap: Keymap,
    /// What was wrong in the file, each with its line; the rest of the file still applies.
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::dark(),
            lang: None,
            mouse: false,
            links: true,
            keymap: Keymap::default(),
            problems: Vec::new(),
        }
    }
}

/// The settings a config file may have.
const SETTINGS: [&str; 6] = ["theme", "lang", "mouse", "links", "colors", "keys"];

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

/// Parses a config file's text; every problem names `path` and the line. Each setting is read on
/// its own, so one of the wrong type falls back alone and the others still apply.
pub fn parse(path: &Path, text: &str) -> Config {
    let mut config = Config::default();
    let problem = |config: &mut Config, line: usize, message: String| {
        config.problems.push(format!("{}:{line}: {message}", path.display()));
    };
    let table: toml::Table = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let line = text[..offset.min(text.len())].matches('\n').count() + 1;
            problem(&mut config, line, format!("{} (using the defaults)", e.message().trim()));
            return config;
        }
    };
    let at = |section: Option<&str>, key: &str| line_of(text, section, key);
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort_by_key(|k| at(None, k));
    for key in keys {
        if !SETTINGS.contains(&key.as_str()) {
            let known = SETTINGS.join(", ");
            problem(&mut config, at(None, key), format!("unknown setting '{key}' (known: {known}); it is ignored"));
        }
    }
    if let Some(value) = table.get("theme") {
        match value.as_str() {
            Some("dark" | "custom") => config.theme = Theme::dark(),
            Some("light") => config.theme = Theme::light(),
            Some(other) => {
                problem(&mut config, at(None, "theme"), format!("theme '{other}' is not dark, light or custom"))
            }
            None => problem(&mut config, at(None, "theme"), "theme: expected a string (dark, light or custom)".into()),
        }
    }
    if let Some(value) = table.get("lang") {
        match value.as_str().and_then(Lang::parse) {
            Some(l) => config.lang = Some(l),
            None => problem(&mut config, at(None, "lang"), format!("lang {value} is not \"en\" or \"ru\"")),
        }
    }
    for (name, slot) in [("mouse", &mut config.mouse), ("links", &mut config.links)] {
        if let Some(value) = table.get(name) {
            match value.as_bool() {
                Some(on) => *slot = on,
                None => config.problems.push(format!(
                    "{}:{}: {name} = {value}: expected true or false (it keeps its default, {})",
                    path.display(),
                    at(None, name),
                    *slot
                )),
            }
        }
    }
    match table.get("colors") {
        None => {}
        Some(toml::Value::Table(colors)) => {
            let mut colors: Vec<_> = colors.iter().collect();
            colors.sort_by_key(|(k, _)| at(Some("colors"), k));
            for (name, value) in colors {
                let line = at(Some("colors"), name);
                let Some(slot) = config.theme.style_mut(name) else {
                    let known = Theme::STYLE_NAMES.join(", ");
                    problem(&mut config, line, format!("colors.{name} is not a style (known: {known})"));
                    continue;
                };
                match value.clone().try_into::<RawColor>().map_err(|e| e.to_string()).and_then(|raw| style_of(&raw)) {
                    Ok(style) => *slot = style,
                    Err(e) => problem(&mut config, line, format!("colors.{name}: {}", e.trim())),
                }
            }
        }
        Some(_) => problem(&mut config, at(None, "colors"), "colors: expected a table ([colors])".into()),
    }
    let mut overrides: HashMap<String, Vec<Key>> = HashMap::new();
    match table.get("keys") {
        None => {}
        Some(toml::Value::Table(keys)) => {
            let mut keys: Vec<_> = keys.iter().collect();
            keys.sort_by_key(|(k, _)| at(Some("keys"), k));
            for (name, value) in keys {
                let line = at(Some("keys"), name);
                let list: Option<Vec<&str>> =
                    value.as_array().map(|a| a.iter().filter_map(toml::Value::as_str).collect());
                let parsed = match list {
                    Some(list) if list.len() == value.as_array().map_or(0, Vec::len) => {
                        list.iter().map(|k| parse_key(k)).collect::<Result<Vec<_>, _>>()
                    }
                    _ => Err("expected a list of keys, such as [\"ctrl-n\", \"down\"]".into()),
                };
                match parsed {
                    Ok(parsed) if parsed.is_empty() => {
                        problem(&mut config, line, format!("keys.{name}: give at least one key"))
                    }
                    Ok(parsed) => match Keymap::with_overrides(&HashMap::from([(name.clone(), parsed.clone())])) {
                        Ok(_) => {
                            overrides.insert(name.clone(), parsed);
                        }
                        Err(e) => problem(&mut config, line, format!("keys.{name}: {e}")),
                    },
                    Err(e) => problem(&mut config, line, format!("keys.{name}: {e}")),
                }
            }
        }
        Some(_) => problem(&mut config, at(None, "keys"), "keys: expected a table ([keys])".into()),
    }
    if let Ok(keymap) = Keymap::with_overrides(&overrides) {
        config.keymap = keymap;
    }
    config
}

/// The line where `key` is set, in `[section]` (or at the top level): the first `key =` line
/// after the section's header. Line 1 when it cannot be found.
fn line_of(text: &str, section: Option<&str>, key: &str) -> usize {
    let mut in_section = section.is_none();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let name = trimmed.trim_start_matches('[').split(']').next().unwrap_or("").trim();
            in_section = section == Some(name);
            if section.is_none() {
                // Top-level keys are before any table; a `[name]` table also sets `name`.
                if name == key {
                    return n + 1;
                }
                continue;
            }
        }
        let bare = trimmed.split('=').next().unwrap_or("").trim().trim_matches('"');
        if in_section && trimmed.contains('=') && bare == key {
            return n + 1;
        }
    }
    1
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
        let c = parsed("unknown_setting = 1\nmouse = true\n");
        assert!(c.problems[0].contains("config.toml:1: unknown setting 'unknown_setting'"), "{:?}", c.problems);
        assert!(c.mouse, "the other settings still apply");
    }

    #[test]
    fn a_setting_of_the_wrong_type_falls_back_alone() {
        let c =
            parsed("mouse = \"yes\"\ntheme = \"light\"\nlinks = false\n[keys]\nquit = [\"ctrl-q\"]\nhelp = \"f1\"\n");
        let all = c.problems.join("\n");
        assert!(all.contains("config.toml:1: mouse = \"yes\": expected true or false"), "{all}");
        assert!(all.contains("config.toml:6: keys.help: expected a list"), "{all}");
        assert!(!c.mouse && !c.links);
        assert_eq!(c.theme, Theme::light());
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(c.keymap.action_for(q, Default::default()), Some(Action::Quit), "valid [keys] still apply");
    }
}
