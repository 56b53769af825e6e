//! The key table: which key does what, with a short description. Dispatch reads it, and the help
//! overlay and footer hints are generated from it, so they cannot drift from what keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::strings::Strings;

/// A key with its modifiers, as the table writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
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

/// When a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// Only while the query is empty (so the key can still be typed into a query).
    QueryEmpty,
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub when: When,
    /// What it does, for the help overlay (in the interface language).
    pub help: fn(&Strings) -> &'static str,
    /// A short word for the footer; `None` keeps it out of the footer.
    pub hint: Option<fn(&Strings) -> &'static str>,
}

/// The key table. Order is the order of the help overlay.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Down), ctrl('n'), ctrl('j')],
        action: Action::SelectNext,
        when: When::Always,
        help: |s| s.key_next,
        hint: Some(|s| s.hint_move),
    },
    Binding {
        keys: &[key(KeyCode::Up), ctrl('p'), ctrl('k')],
        action: Action::SelectPrevious,
        when: When::Always,
        help: |s| s.key_previous,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::PageDown)],
        action: Action::SelectPageDown,
        when: When::Always,
        help: |s| s.key_page_down,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::PageUp)],
        action: Action::SelectPageUp,
        when: When::Always,
        help: |s| s.key_page_up,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home)],
        action: Action::SelectFirst,
        when: When::Always,
        help: |s| s.key_first,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::End)],
        action: Action::SelectLast,
        when: When::Always,
        help: |s| s.key_last,
        hint: None,
    },
    Binding {
        keys: &[shift(KeyCode::Down), alt(KeyCode::Down)],
        action: Action::ScrollDetailDown,
        when: When::Always,
        help: |s| s.key_scroll_down,
        hint: Some(|s| s.hint_scroll),
    },
    Binding {
        keys: &[shift(KeyCode::Up), alt(KeyCode::Up)],
        action: Action::ScrollDetailUp,
        when: When::Always,
        help: |s| s.key_scroll_up,
        hint: None,
    },
    Binding {
        keys: &[ctrl('f'), shift(KeyCode::PageDown)],
        action: Action::ScrollDetailPageDown,
        when: When::Always,
        help: |s| s.key_detail_page_down,
        hint: None,
    },
    Binding {
        keys: &[ctrl('b'), shift(KeyCode::PageUp)],
        action: Action::ScrollDetailPageUp,
        when: When::Always,
        help: |s| s.key_detail_page_up,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Tab)],
        action: Action::ToggleCompare,
        when: When::Always,
        help: |s| s.key_compare,
        hint: Some(|s| s.hint_compare),
    },
    Binding {
        keys: &[key(KeyCode::F(2)), ctrl('o')],
        action: Action::ToggleOverview,
        when: When::Always,
        help: |s| s.key_overview,
        hint: Some(|s| s.hint_family),
    },
    Binding {
        keys: &[key(KeyCode::Backspace), ctrl('h')],
        action: Action::DeleteChar,
        when: When::Always,
        help: |s| s.key_delete_char,
        hint: None,
    },
    Binding {
        keys: &[ctrl('w'), alt(KeyCode::Backspace)],
        action: Action::DeleteWord,
        when: When::Always,
        help: |s| s.key_delete_word,
        hint: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::ClearQuery,
        when: When::Always,
        help: |s| s.key_clear,
        hint: Some(|s| s.hint_clear),
    },
    Binding {
        keys: &[key(KeyCode::F(1))],
        action: Action::ToggleHelp,
        when: When::Always,
        help: |s| s.key_help,
        hint: Some(|s| s.hint_help),
    },
    Binding {
        keys: &[key(KeyCode::Char('?'))],
        action: Action::ToggleHelp,
        when: When::QueryEmpty,
        help: |s| s.key_help_question,
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        when: When::Always,
        help: |s| s.key_back,
        hint: Some(|s| s.hint_back),
    },
    Binding {
        keys: &[ctrl('c')],
        action: Action::Quit,
        when: When::Always,
        help: |s| s.key_quit,
        hint: Some(|s| s.hint_quit),
    },
];

/// The action for a key press, if any: the table first, then plain characters type into the
/// query. `query_empty` decides the `QueryEmpty` bindings.
pub fn action_for(event: KeyEvent, query_empty: bool) -> Option<Action> {
    // Ctrl-C always quits, whatever else is held: Esc typed just before it arrives as Alt.
    if event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Action::Quit);
    }
    let pressed = normalize(event);
    for binding in BINDINGS {
        let applies = match binding.when {
            When::Always => true,
            When::QueryEmpty => query_empty,
        };
        if applies && binding.keys.contains(&pressed) {
            return Some(binding.action.clone());
        }
    }
    match pressed {
        Key { code: KeyCode::Char(c), mods } if mods.is_empty() && !c.is_control() => Some(Action::InsertChar(c)),
        _ => None,
    }
}

/// Shift on a printable character is part of the character (`?`, `A`), not a modifier.
fn normalize(event: KeyEvent) -> Key {
    let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if let KeyCode::Char(c) = event.code {
        mods.remove(KeyModifiers::SHIFT);
        if mods.contains(KeyModifiers::CONTROL) {
            return Key { code: KeyCode::Char(c.to_ascii_lowercase()), mods };
        }
    }
    if event.code == KeyCode::BackTab {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key { code: event.code, mods }
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

/// All the keys of a binding, joined: `↓ / Ctrl-N / Ctrl-J`.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(|k| key_label(*k)).collect::<Vec<_>>().join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn letters_type_into_the_query() {
        assert_eq!(action_for(press(KeyCode::Char('q'), KeyModifiers::NONE), true), Some(Action::InsertChar('q')));
        assert_eq!(action_for(press(KeyCode::Char('A'), KeyModifiers::SHIFT), false), Some(Action::InsertChar('A')));
    }

    #[test]
    fn question_mark_is_help_only_on_an_empty_query() {
        assert_eq!(action_for(press(KeyCode::Char('?'), KeyModifiers::SHIFT), true), Some(Action::ToggleHelp));
        assert_eq!(action_for(press(KeyCode::Char('?'), KeyModifiers::NONE), false), Some(Action::InsertChar('?')));
        assert_eq!(action_for(press(KeyCode::F(1), KeyModifiers::NONE), false), Some(Action::ToggleHelp));
    }

    #[test]
    fn control_keys_follow_the_table() {
        assert_eq!(action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL), false), Some(Action::Quit));
        assert_eq!(action_for(press(KeyCode::Char('u'), KeyModifiers::CONTROL), false), Some(Action::ClearQuery));
        assert_eq!(action_for(press(KeyCode::Char('j'), KeyModifiers::CONTROL), false), Some(Action::SelectNext));
        assert_eq!(action_for(press(KeyCode::Tab, KeyModifiers::NONE), false), Some(Action::ToggleCompare));
        assert_eq!(action_for(press(KeyCode::Down, KeyModifiers::SHIFT), false), Some(Action::ScrollDetailDown));
        assert_eq!(action_for(press(KeyCode::Char('z'), KeyModifiers::CONTROL), false), None);
        assert_eq!(
            action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL | KeyModifiers::ALT), false),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(k), "{} is bound twice", key_label(*k));
                seen.push(*k);
            }
        }
    }
}
