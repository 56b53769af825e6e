//! The key table: which key does what, in which context, with a short description. Dispatch reads
//! it, and the help overlay and footer hints are generated from it, so they cannot drift from what
//! keys really do. The defaults are static; a config file can rebind any row by its name.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::strings::Strings;

/// A key with its modifiers, as the table writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}
const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}
const fn shift(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::SHIFT }
}
const fn alt(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::ALT }
}
const fn ctrl_key(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::CONTROL }
}

/// When a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// In the search bar with an empty query (so the key can still be typed into a query).
    QueryEmpty,
    /// While the search bar has focus.
    Search,
    /// While the list has focus (after Enter): single letters are commands.
    List,
    /// While the detail pane has focus: its related codes can be walked.
    Detail,
    /// While the list or the detail pane has focus.
    Panes,
    /// In compare mode.
    Comparing,
    /// In picker mode (`tui --print`).
    Picking,
}

/// Which part of the browser has the keyboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The search bar: keys type and edit the query.
    #[default]
    Search,
    /// The result list: single letters move (j, k, g, G).
    List,
    /// The detail pane: its related codes can be selected and opened.
    Detail,
}

/// What the dispatcher needs to know about the app to pick a binding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    pub query_empty: bool,
    pub focus: Focus,
    pub picking: bool,
    pub comparing: bool,
}

impl When {
    /// Whether a binding for this context applies now.
    pub fn applies(self, ctx: KeyContext) -> bool {
        match self {
            When::Always => true,
            When::QueryEmpty => ctx.query_empty && ctx.focus == Focus::Search,
            When::Search => ctx.focus == Focus::Search,
            When::List => ctx.focus == Focus::List,
            When::Detail => ctx.focus == Focus::Detail,
            When::Panes => ctx.focus != Focus::Search,
            When::Comparing => ctx.comparing,
            When::Picking => ctx.picking,
        }
    }
}

/// One row of the default key table.
#[derive(Debug)]
pub struct Binding {
    /// The row's name in the config file (`[keys] select_next = ["ctrl-n"]`).
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub when: When,
    /// What it does, for the help overlay (in the interface language).
    pub help: fn(&Strings) -> &'static str,
    /// A short word for the footer; `None` keeps it out of the footer.
    pub hint: Option<fn(&Strings) -> &'static str>,
}

macro_rules! bind {
    ($name:literal, [$($k:expr),*], $action:expr, $when:ident, $help:ident) => {
        Binding { name: $name, keys: &[$($k),*], action: $action, when: When::$when, help: |s| s.$help, hint: None }
    };
    ($name:literal, [$($k:expr),*], $action:expr, $when:ident, $help:ident, $hint:ident) => {
        Binding { name: $name, keys: &[$($k),*], action: $action, when: When::$when, help: |s| s.$help, hint: Some(|s| s.$hint) }
    };
}

/// The default key table. Order is the order of the help overlay, and of precedence: a row for a
/// narrower context comes before a general row for the same key.
pub static BINDINGS: &[Binding] = &[
    // The detail pane, when it has focus: walk its related codes.
    bind!("link_next", [key(KeyCode::Down), ch('j')], Action::NextLink, Detail, key_link_next, hint_links),
    bind!("link_previous", [key(KeyCode::Up), ch('k')], Action::PreviousLink, Detail, key_link_previous),
    bind!("link_open", [key(KeyCode::Enter), ch('o')], Action::OpenLink, Detail, key_link_open, hint_open),
    bind!("link_compare", [ch('c')], Action::CompareWithLink, Detail, key_link_compare, hint_compare_link),
    bind!("detail_leave", [key(KeyCode::Left), ch('h')], Action::FocusList, Detail, key_detail_leave),
    // Moving through the list, from anywhere.
    bind!("select_next", [key(KeyCode::Down), ctrl('n'), ctrl('j')], Action::SelectNext, Always, key_next, hint_move),
    bind!("select_previous", [key(KeyCode::Up), ctrl('p')], Action::SelectPrevious, Always, key_previous),
    bind!("select_page_down", [key(KeyCode::PageDown)], Action::SelectPageDown, Always, key_page_down),
    bind!("select_page_up", [key(KeyCode::PageUp)], Action::SelectPageUp, Always, key_page_up),
    // The list, when it has focus.
    bind!("list_next", [ch('j')], Action::SelectNext, List, key_list_next),
    bind!("list_previous", [ch('k')], Action::SelectPrevious, List, key_list_previous),
    bind!("list_first", [ch('g'), key(KeyCode::Home)], Action::SelectFirst, List, key_list_first),
    bind!("list_last", [ch('G'), key(KeyCode::End)], Action::SelectLast, List, key_list_last),
    bind!("list_half_page_down", [ctrl('d')], Action::SelectHalfPageDown, List, key_half_down),
    bind!("list_half_page_up", [ctrl('u')], Action::SelectHalfPageUp, List, key_half_up),
    bind!("focus_detail", [key(KeyCode::Right), ch('l')], Action::FocusDetail, List, key_focus_detail, hint_walk),
    bind!(
        "focus_search",
        [ch('/'), ch('i'), key(KeyCode::Backspace)],
        Action::FocusSearch,
        List,
        key_focus_search,
        hint_type
    ),
    // The list or the detail pane.
    bind!("pane_help", [ch('?')], Action::ToggleHelp, Panes, key_help_question),
    bind!("pane_copy_id", [ch('y')], Action::CopyId, Panes, key_copy_id),
    bind!("pane_copy_markdown", [ch('Y')], Action::CopyMarkdown, Panes, key_copy_markdown),
    bind!("pane_back", [ch('b')], Action::GoBack, Panes, key_go_back),
    // Editing the query, in the search bar.
    bind!("pick", [key(KeyCode::Enter)], Action::Pick, Picking, key_pick, hint_pick),
    bind!("focus_list", [key(KeyCode::Enter)], Action::FocusList, Search, key_focus_list, hint_list),
    bind!("cursor_left", [key(KeyCode::Left), ctrl('b')], Action::CursorLeft, Search, key_cursor_left),
    bind!("cursor_right", [key(KeyCode::Right), ctrl('f')], Action::CursorRight, Search, key_cursor_right),
    bind!("cursor_home", [key(KeyCode::Home), ctrl('a')], Action::CursorHome, Search, key_cursor_home),
    bind!("cursor_end", [key(KeyCode::End), ctrl('e')], Action::CursorEnd, Search, key_cursor_end),
    bind!(
        "word_left",
        [alt(KeyCode::Char('b')), ctrl_key(KeyCode::Left)],
        Action::CursorWordLeft,
        Search,
        key_word_left
    ),
    bind!(
        "word_right",
        [alt(KeyCode::Char('f')), ctrl_key(KeyCode::Right)],
        Action::CursorWordRight,
        Search,
        key_word_right
    ),
    bind!("delete_char", [key(KeyCode::Backspace), ctrl('h')], Action::DeleteChar, Search, key_delete_char),
    bind!("delete_forward", [key(KeyCode::Delete)], Action::DeleteForward, Search, key_delete_forward),
    bind!("delete_word", [ctrl('w'), alt(KeyCode::Backspace)], Action::DeleteWord, Search, key_delete_word),
    bind!("kill_to_end", [ctrl('k')], Action::KillToEnd, Search, key_kill_to_end),
    bind!("clear_query", [ctrl('u')], Action::ClearQuery, Search, key_clear, hint_clear),
    // The detail pane, from anywhere.
    bind!(
        "scroll_down",
        [shift(KeyCode::Down), alt(KeyCode::Down)],
        Action::ScrollDetailDown,
        Always,
        key_scroll_down,
        hint_scroll
    ),
    bind!("scroll_up", [shift(KeyCode::Up), alt(KeyCode::Up)], Action::ScrollDetailUp, Always, key_scroll_up),
    bind!("scroll_page_down", [shift(KeyCode::PageDown)], Action::ScrollDetailPageDown, Always, key_detail_page_down),
    bind!("scroll_page_up", [shift(KeyCode::PageUp)], Action::ScrollDetailPageUp, Always, key_detail_page_up),
    bind!("go_back", [alt(KeyCode::Left)], Action::GoBack, Always, key_go_back, hint_go_back),
    // Modes and overlays.
    bind!("compare", [key(KeyCode::Tab)], Action::ToggleCompare, Always, key_compare, hint_compare),
    bind!("swap", [ctrl('x')], Action::SwapCompare, Comparing, key_swap, hint_swap),
    bind!("family", [key(KeyCode::F(2))], Action::ToggleOverview, Always, key_overview, hint_family),
    bind!("families", [key(KeyCode::F(3))], Action::ToggleFamilies, Always, key_families, hint_families),
    bind!("warnings", [key(KeyCode::F(4))], Action::ToggleWarnings, Always, key_warnings),
    bind!("copy_id", [alt(KeyCode::Char('c'))], Action::CopyId, Always, key_copy_id, hint_copy),
    bind!("copy_markdown", [alt(KeyCode::Char('m'))], Action::CopyMarkdown, Always, key_copy_markdown),
    bind!("help", [key(KeyCode::F(1))], Action::ToggleHelp, Always, key_help, hint_help),
    bind!("help_when_empty", [ch('?')], Action::ToggleHelp, QueryEmpty, key_help_question),
    bind!("back", [key(KeyCode::Esc)], Action::Back, Always, key_back, hint_back),
    bind!("quit", [ctrl('c')], Action::Quit, Always, key_quit, hint_quit),
];

/// The key table in force: the defaults, with any rows the config file rebinds.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub rows: Vec<Row>,
}

/// A row of the table in force.
#[derive(Clone, Debug)]
pub struct Row {
    pub keys: Vec<Key>,
    pub binding: &'static Binding,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { rows: BINDINGS.iter().map(|b| Row { keys: b.keys.to_vec(), binding: b }).collect() }
    }
}

impl Keymap {
    /// The defaults with some rows rebound (`name` → keys). Unknown names are returned as errors.
    pub fn with_overrides(overrides: &HashMap<String, Vec<Key>>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let row = map.rows.iter_mut().find(|r| r.binding.name == name).ok_or_else(|| {
                let names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
                format!("'{name}' is not an action (known: {})", names.join(", "))
            })?;
            row.keys = keys.clone();
        }
        Ok(map)
    }

    /// The action for a key press, if any: the table first, then plain characters type into the
    /// query (from the list too, which gives focus back to the search bar).
    pub fn action_for(&self, event: KeyEvent, ctx: KeyContext) -> Option<Action> {
        // Ctrl-C always quits, whatever else is held: Esc typed just before it arrives as Alt.
        if event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Action::Quit);
        }
        let pressed = normalize(event);
        for row in &self.rows {
            if row.binding.when.applies(ctx) && row.keys.contains(&pressed) {
                return Some(row.binding.action.clone());
            }
        }
        match pressed {
            Key { code: KeyCode::Char(c), mods } if mods.is_empty() && !c.is_control() => Some(Action::InsertChar(c)),
            _ => None,
        }
    }
}

/// Shift on a printable character is part of the character (`?`, `G`), not a modifier.
fn normalize(event: KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if let KeyCode::Char(c) = event.code {
        mods.remove(KeyModifiers::SHIFT);
        if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
            return Key { code: KeyCode::Char(c.to_ascii_lowercase()), mods };
        }
    }
    if event.code == KeyCode::BackTab {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key { code: event.code, mods }
}

/// Parses a key as the config file writes it: `ctrl-n`, `alt-down`, `shift-pgdn`, `f1`, `enter`,
/// `?`, `G`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let (prefix, flag) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
            ("ctrl-", KeyModifiers::CONTROL)
        } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
            ("alt-", KeyModifiers::ALT)
        } else if lower.starts_with("shift-") || lower.starts_with("shift+") {
            ("shift-", KeyModifiers::SHIFT)
        } else {
            break;
        };
        mods |= flag;
        rest = &rest[prefix.len()..];
    }
    let code = match rest.to_ascii_lowercase().as_str() {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "tab" => KeyCode::Tab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "space" => KeyCode::Char(' '),
        f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => {
                    KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) { c.to_ascii_lowercase() } else { c })
                }
                _ => return Err(format!("'{text}' is not a key (examples: ctrl-n, alt-down, f2, enter, j)")),
            }
        }
    };
    if let KeyCode::Char(_) = code {
        mods.remove(KeyModifiers::SHIFT);
    }
    Ok(Key { code, mods })
}

/// How a key is written in the help and footer: `Ctrl-C`, `Shift-↓`, `PgDn`, `F1`.
pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if key.mods.contains(KeyModifiers::CONTROL) => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut label = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        label.push_str("Ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    if key.mods.contains(KeyModifiers::SHIFT) {
        label.push_str("Shift-");
    }
    label.push_str(&name);
    label
}

/// All the keys of a row, joined: `↓ / Ctrl-N / Ctrl-J`.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(|k| key_label(*k)).collect::<Vec<_>>().join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    const SEARCH: KeyContext =
        KeyContext { query_empty: false, focus: Focus::Search, picking: false, comparing: false };
    const EMPTY: KeyContext = KeyContext { query_empty: true, focus: Focus::Search, picking: false, comparing: false };
    const LIST: KeyContext = KeyContext { query_empty: false, focus: Focus::List, picking: false, comparing: false };
    const DETAIL: KeyContext =
        KeyContext { query_empty: false, focus: Focus::Detail, picking: false, comparing: false };

    #[test]
    fn letters_type_into_the_query() {
        let map = Keymap::default();
        assert_eq!(map.action_for(press(KeyCode::Char('q'), KeyModifiers::NONE), EMPTY), Some(Action::InsertChar('q')));
        assert_eq!(
            map.action_for(press(KeyCode::Char('A'), KeyModifiers::SHIFT), SEARCH),
            Some(Action::InsertChar('A'))
        );
        assert_eq!(
            map.action_for(press(KeyCode::Char('j'), KeyModifiers::NONE), SEARCH),
            Some(Action::InsertChar('j'))
        );
    }

    #[test]
    fn question_mark_is_help_only_on_an_empty_query() {
        let map = Keymap::default();
        assert_eq!(map.action_for(press(KeyCode::Char('?'), KeyModifiers::SHIFT), EMPTY), Some(Action::ToggleHelp));
        assert_eq!(
            map.action_for(press(KeyCode::Char('?'), KeyModifiers::NONE), SEARCH),
            Some(Action::InsertChar('?'))
        );
        assert_eq!(map.action_for(press(KeyCode::F(1), KeyModifiers::NONE), SEARCH), Some(Action::ToggleHelp));
    }

    #[test]
    fn control_keys_follow_the_table() {
        let map = Keymap::default();
        let act = |code, mods, ctx| map.action_for(press(code, mods), ctx);
        assert_eq!(act(KeyCode::Char('c'), KeyModifiers::CONTROL, SEARCH), Some(Action::Quit));
        assert_eq!(act(KeyCode::Char('c'), KeyModifiers::CONTROL | KeyModifiers::ALT, SEARCH), Some(Action::Quit));
        assert_eq!(act(KeyCode::Char('u'), KeyModifiers::CONTROL, SEARCH), Some(Action::ClearQuery));
        assert_eq!(act(KeyCode::Char('k'), KeyModifiers::CONTROL, SEARCH), Some(Action::KillToEnd));
        assert_eq!(act(KeyCode::Char('a'), KeyModifiers::CONTROL, SEARCH), Some(Action::CursorHome));
        assert_eq!(act(KeyCode::Char('e'), KeyModifiers::CONTROL, SEARCH), Some(Action::CursorEnd));
        assert_eq!(act(KeyCode::Char('b'), KeyModifiers::ALT, SEARCH), Some(Action::CursorWordLeft));
        assert_eq!(act(KeyCode::Left, KeyModifiers::NONE, SEARCH), Some(Action::CursorLeft));
        assert_eq!(act(KeyCode::Char('j'), KeyModifiers::CONTROL, SEARCH), Some(Action::SelectNext));
        assert_eq!(act(KeyCode::Tab, KeyModifiers::NONE, SEARCH), Some(Action::ToggleCompare));
        assert_eq!(act(KeyCode::Down, KeyModifiers::SHIFT, SEARCH), Some(Action::ScrollDetailDown));
        assert_eq!(act(KeyCode::Char('z'), KeyModifiers::CONTROL, SEARCH), None);
        assert_eq!(act(KeyCode::Char('c'), KeyModifiers::ALT, SEARCH), Some(Action::CopyId));
    }

    #[test]
    fn the_list_has_vim_keys_and_the_search_bar_does_not() {
        let map = Keymap::default();
        let act = |code, mods, ctx| map.action_for(press(code, mods), ctx);
        assert_eq!(act(KeyCode::Enter, KeyModifiers::NONE, SEARCH), Some(Action::FocusList));
        assert_eq!(act(KeyCode::Char('j'), KeyModifiers::NONE, LIST), Some(Action::SelectNext));
        assert_eq!(act(KeyCode::Char('G'), KeyModifiers::SHIFT, LIST), Some(Action::SelectLast));
        assert_eq!(act(KeyCode::Char('u'), KeyModifiers::CONTROL, LIST), Some(Action::SelectHalfPageUp));
        assert_eq!(act(KeyCode::Char('d'), KeyModifiers::CONTROL, LIST), Some(Action::SelectHalfPageDown));
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::NONE, LIST), Some(Action::InsertChar('x')));
        let picking = KeyContext { picking: true, ..SEARCH };
        assert_eq!(act(KeyCode::Enter, KeyModifiers::NONE, picking), Some(Action::Pick));
        assert_eq!(act(KeyCode::Backspace, KeyModifiers::NONE, LIST), Some(Action::FocusSearch));
        assert_eq!(act(KeyCode::Char('?'), KeyModifiers::SHIFT, LIST), Some(Action::ToggleHelp));
        assert_eq!(act(KeyCode::Char('l'), KeyModifiers::NONE, LIST), Some(Action::FocusDetail));
        assert_eq!(act(KeyCode::Char('j'), KeyModifiers::NONE, DETAIL), Some(Action::NextLink));
        assert_eq!(act(KeyCode::Enter, KeyModifiers::NONE, DETAIL), Some(Action::OpenLink));
        assert_eq!(act(KeyCode::Left, KeyModifiers::ALT, SEARCH), Some(Action::GoBack));
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::CONTROL, SEARCH), None, "swap only while comparing");
        let comparing = KeyContext { comparing: true, ..SEARCH };
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::CONTROL, comparing), Some(Action::SwapCompare));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen: Vec<(Key, When)> = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(&(*k, b.when)), "{} is bound twice for {:?}", key_label(*k), b.when);
                seen.push((*k, b.when));
            }
        }
        let names: std::collections::HashSet<&str> = BINDINGS.iter().map(|b| b.name).collect();
        assert_eq!(names.len(), BINDINGS.len(), "row names are unique");
    }

    #[test]
    fn keys_parse_the_way_the_config_writes_them() {
        assert_eq!(parse_key("ctrl-n"), Ok(ctrl('n')));
        assert_eq!(parse_key("Ctrl+N"), Ok(ctrl('n')));
        assert_eq!(parse_key("alt-down"), Ok(alt(KeyCode::Down)));
        assert_eq!(parse_key("f2"), Ok(key(KeyCode::F(2))));
        assert_eq!(parse_key("G"), Ok(ch('G')));
        assert_eq!(parse_key("shift-G"), Ok(ch('G')));
        assert!(parse_key("ctrl-nope").is_err());
        assert!(parse_key("f99").is_err());
        assert!(parse_key("").is_err());
    }

    #[test]
    fn config_rebinds_rows_by_name() {
        let mut overrides = HashMap::new();
        overrides.insert("quit".to_string(), vec![ctrl('q')]);
        overrides.insert("compare".to_string(), vec![ctrl('t')]);
        let map = Keymap::with_overrides(&overrides).expect("valid names");
        assert_eq!(
            map.action_for(press(KeyCode::Char('t'), KeyModifiers::CONTROL), SEARCH),
            Some(Action::ToggleCompare)
        );
        assert_eq!(map.action_for(press(KeyCode::Tab, KeyModifiers::NONE), SEARCH), None);
        overrides.insert("teleport".to_string(), vec![ctrl('x')]);
        assert!(Keymap::with_overrides(&overrides).is_err());
    }
}
