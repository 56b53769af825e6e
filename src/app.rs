//! The browser's state and `update`, the only place it changes. Nothing here knows about the
//! terminal: tests drive it with actions and read the fields.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::Arc;

use crate::action::Action;
use crate::catalog::{Catalog, CodeEntry};
use crate::compare::compare;
use crate::keymap::{KeyContext, Keymap};
use crate::markdown;
use crate::sanitize::is_hostile;
use crate::search::{Hit, Query, SearchIndex, search};
use crate::strings::{Lang, Strings, fill};
use crate::theme::Theme;

/// The longest query kept; a huge paste is cut here so a keystroke stays instant.
pub const MAX_QUERY_CHARS: usize = 200;

/// Sizes the last frame had, written by rendering (widget scroll state) and read by `update` to
/// page and clamp scrolling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewMetrics {
    /// Rows of the list that were visible.
    pub list_height: usize,
    /// First list row shown.
    pub list_offset: usize,
    /// Rows of the detail pane that were visible.
    pub detail_height: usize,
    /// How far the detail can scroll before its end is at the bottom.
    pub detail_max_scroll: usize,
    /// Where the list's rows were drawn (inside its border), for mouse clicks.
    pub list_rows: ratatui::layout::Rect,
    /// Where the detail pane was drawn, for the mouse wheel.
    pub detail_area: ratatui::layout::Rect,
    /// How far the help overlay can scroll.
    pub help_max_scroll: usize,
}

/// What `whatcode scan --tui` found: the browser then lists only these codes.
#[derive(Clone, Debug)]
pub struct Found {
    pub tally: crate::scan::Tally,
    /// What was scanned, for titles (`app.log`, `standard input`).
    pub source: String,
}

/// The whole state of the browser.
pub struct App {
    pub catalog: Catalog,
    /// Shared so that many apps over one catalogue (property tests) build it once.
    index: Arc<SearchIndex>,
    pub query: String,
    pub hits: Vec<Hit>,
    /// Position in `hits`.
    pub selected: usize,
    pub detail_scroll: usize,
    /// Entry index pinned as the left side of compare mode.
    pub pinned: Option<usize>,
    pub show_help: bool,
    /// First line of the help overlay shown (it scrolls on short terminals).
    pub help_scroll: usize,
    pub show_overview: bool,
    pub should_quit: bool,
    /// Problems found in user files, shown in the footer; the app runs without those files.
    pub warnings: Vec<String>,
    pub theme: Theme,
    /// The interface language (the catalog's text is localized to it by [`App::with_lang`]).
    pub lang: Lang,
    /// The key table in force (defaults, or rebound by the config file).
    pub keymap: Keymap,
    /// Whether the list has keyboard focus (after Enter); else the search bar has it.
    pub list_focus: bool,
    /// Picker mode (`tui --print`): Enter chooses a code.
    pub picking: bool,
    /// The entry chosen in picker mode.
    pub picked: Option<usize>,
    /// Text to put on the clipboard; the event loop sends it to the terminal and clears it.
    pub clipboard: Option<String>,
    /// Whether the terminal can take clipboard writes (OSC 52), decided by the caller.
    pub clipboard_works: bool,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    /// Scan mode: the codes a log mentions, with their counts and evidence lines.
    pub found: Option<Found>,
    pub view: Cell<ViewMetrics>,
}

impl App {
    pub fn new(catalog: Catalog, theme: Theme) -> Self {
        let index = Arc::new(SearchIndex::new(&catalog));
        let mut app = App {
            catalog,
            index,
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            detail_scroll: 0,
            pinned: None,
            show_help: false,
            help_scroll: 0,
            show_overview: false,
            should_quit: false,
            warnings: Vec::new(),
            theme,
            lang: Lang::En,
            keymap: Keymap::default(),
            list_focus: false,
            picking: false,
            picked: None,
            clipboard: None,
            clipboard_works: true,
            status: None,
            found: None,
            view: Cell::new(ViewMetrics::default()),
        };
        app.refresh();
        app
    }

    /// The app in another interface language, with the catalog's text in that language where a
    /// translation exists.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self.catalog.localize(lang.code());
        self.index = Arc::new(SearchIndex::new(&self.catalog));
        self.refresh();
        self
    }

    /// Builds every part of the search index now (the event loop calls this after the first
    /// frame, while the user reads it), so no keystroke waits for it later. Idempotent.
    pub fn prepare_search(&self) {
        self.index.build(&self.catalog);
    }

    /// The words of the interface language.
    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The app using an index already built for the same catalogue (its lazily built parts are
    /// kept), for callers that make many apps over one catalogue.
    pub fn with_index(mut self, index: Arc<SearchIndex>) -> Self {
        self.index = index;
        self.refresh();
        self
    }

    /// The app in scan mode: it lists only the codes `found`, most mentioned first.
    pub fn with_found(mut self, found: Found) -> Self {
        self.found = Some(found);
        self.refresh();
        self
    }

    /// The app with a query already typed in (`whatcode tui 1006`).
    pub fn with_query(mut self, query: &str) -> Self {
        self.update(Action::Paste(query.to_string()));
        self
    }

    /// The catalogue position of the entry under the selection, if the list is not empty.
    pub fn selected_index(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|hit| hit.index)
    }

    /// The entry under the selection, if the list is not empty.
    pub fn selected_entry(&self) -> Option<(usize, Cow<'_, CodeEntry>)> {
        let hit = self.hits.get(self.selected)?;
        Some((hit.index, self.catalog.entry(hit.index)))
    }

    /// What the key table needs to know to pick a binding.
    pub fn key_context(&self) -> KeyContext {
        KeyContext { query_empty: self.query.is_empty(), list_focus: self.list_focus, picking: self.picking }
    }

    /// Whether compare mode is on.
    pub fn comparing(&self) -> bool {
        self.pinned.is_some()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.show_help {
            // The help swallows everything but closing, quitting and scrolling it.
            let max = self.view.get().help_max_scroll;
            match action {
                Action::ToggleHelp | Action::Back | Action::Quit => {}
                Action::SelectNext | Action::ScrollDetailDown => self.help_scroll = (self.help_scroll + 1).min(max),
                Action::SelectPrevious | Action::ScrollDetailUp => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                Action::SelectPageDown | Action::ScrollDetailPageDown => self.help_scroll = max,
                Action::SelectPageUp | Action::ScrollDetailPageUp => self.help_scroll = 0,
                _ => return,
            }
            if !matches!(action, Action::ToggleHelp | Action::Back | Action::Quit) {
                return;
            }
        }
        self.status = None;
        match action {
            Action::InsertChar(c) => {
                self.list_focus = false;
                if !is_hostile(c) && self.query.chars().count() < MAX_QUERY_CHARS {
                    self.query.push(c);
                    self.refresh();
                }
            }
            Action::Paste(text) => {
                let room = MAX_QUERY_CHARS.saturating_sub(self.query.chars().count());
                let clean: String = text
                    .chars()
                    .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
                    .filter(|c| !is_hostile(*c))
                    .take(room)
                    .collect();
                if !clean.is_empty() {
                    self.query.push_str(&clean);
                    self.refresh();
                }
            }
            Action::DeleteChar => {
                if self.query.pop().is_some() {
                    self.refresh();
                }
            }
            Action::DeleteWord => {
                // Cut after the last space; spaces can be several bytes long (U+3000, U+00A0).
                let trimmed = self.query.trim_end();
                let cut =
                    trimmed.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
                self.query.truncate(cut);
                self.refresh();
            }
            Action::ClearQuery => {
                self.query.clear();
                self.refresh();
            }
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrevious => self.select(self.selected.saturating_sub(1)),
            Action::SelectPageDown => self.select(self.selected.saturating_add(self.page())),
            Action::SelectPageUp => self.select(self.selected.saturating_sub(self.page())),
            Action::SelectHalfPageDown => self.select(self.selected.saturating_add(self.page().div_ceil(2))),
            Action::SelectHalfPageUp => self.select(self.selected.saturating_sub(self.page().div_ceil(2))),
            Action::FocusList => self.list_focus = !self.hits.is_empty(),
            Action::FocusSearch => self.list_focus = false,
            Action::Pick => {
                if self.picking
                    && let Some(index) = self.selected_index()
                {
                    self.picked = Some(index);
                    self.should_quit = true;
                }
            }
            Action::CopyId => {
                if let Some((_, e)) = self.selected_entry() {
                    let text = format!("{} {}", e.id(), e.name);
                    self.copy(text.clone(), &text);
                }
            }
            Action::CopyMarkdown => self.copy_markdown(),
            Action::SelectAt(position) => self.select(position),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(self.hits.len().saturating_sub(1)),
            Action::ScrollDetailDown => self.scroll_detail(1),
            Action::ScrollDetailUp => self.scroll_detail(-1),
            Action::ScrollDetailPageDown => self.scroll_detail(self.detail_page() as isize),
            Action::ScrollDetailPageUp => self.scroll_detail(-(self.detail_page() as isize)),
            Action::ToggleCompare => {
                self.pinned = match self.pinned {
                    Some(_) => None,
                    None => self.selected_index(),
                };
                self.show_overview = false;
                self.detail_scroll = 0;
            }
            Action::ToggleOverview => {
                self.show_overview = !self.show_overview;
                self.detail_scroll = 0;
            }
            Action::ToggleHelp => {
                self.show_help = !self.show_help;
                self.help_scroll = 0;
            }
            Action::Back => {
                if self.show_help {
                    self.show_help = false;
                } else if self.show_overview {
                    self.show_overview = false;
                } else if self.pinned.is_some() {
                    self.pinned = None;
                    self.detail_scroll = 0;
                } else if self.list_focus {
                    self.list_focus = false;
                } else if !self.query.is_empty() {
                    self.query.clear();
                    self.refresh();
                } else {
                    self.should_quit = true;
                }
            }
            Action::Quit => self.should_quit = true,
        }
    }

    /// Re-runs the search after the query changed. Like fzf, a new query selects its best
    /// answer.
    fn refresh(&mut self) {
        let before = self.selected_index();
        let query = Query::parse(&self.query, &self.catalog);
        self.hits = match &self.found {
            // Scan mode with nothing typed: what the log mentions, most mentioned first.
            Some(found) if self.query.trim().is_empty() => {
                found.tally.ranked().into_iter().map(|(i, _)| Hit::plain(i)).collect()
            }
            Some(found) => {
                let mut hits = search(&self.catalog, &self.index, &query);
                hits.retain(|h| found.tally.stats.contains_key(&h.index));
                hits
            }
            None => search(&self.catalog, &self.index, &query),
        };
        self.selected = 0;
        if self.selected_index() != before {
            self.detail_scroll = 0;
        }
    }

    /// Asks the event loop to put `text` on the clipboard, and says so in the footer.
    fn copy(&mut self, text: String, what: &str) {
        let s = self.s();
        if self.clipboard_works {
            self.status = Some(fill(s.copied, &[what]));
            self.clipboard = Some(crate::sanitize::clean(&text));
        } else {
            self.status = Some(s.copy_unsupported.to_string());
        }
    }

    /// The comparison when one is on screen, else the selected code's detail, as Markdown.
    fn copy_markdown(&mut self) {
        let s = self.s();
        let Some((right, entry)) = self.selected_entry() else { return };
        let (text, what) = match self.pinned {
            Some(left) if left != right => {
                (markdown::comparison(&compare(&self.catalog, left, right, s), s), s.copy_what_comparison)
            }
            _ => (markdown::entry(&self.catalog, &entry, s), s.copy_what_markdown),
        };
        self.copy(text, what);
    }

    fn select(&mut self, position: usize) {
        let last = self.hits.len().saturating_sub(1);
        let position = position.min(last);
        if position != self.selected {
            self.selected = position;
            self.detail_scroll = 0;
        }
    }

    fn page(&self) -> usize {
        self.view.get().list_height.saturating_sub(1).max(1)
    }

    fn detail_page(&self) -> usize {
        self.view.get().detail_height.saturating_sub(2).max(1)
    }

    fn scroll_detail(&mut self, by: isize) {
        let max = self.view.get().detail_max_scroll;
        let next = self.detail_scroll.saturating_add_signed(by);
        self.detail_scroll = next.min(max);
    }
}
