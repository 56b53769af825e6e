//! The browser's state and `update`, the only place it changes. Nothing here knows about the
//! terminal: tests drive it with actions and read the fields.

use std::cell::Cell;

use crate::action::Action;
use crate::catalog::{Catalog, CodeEntry};
use crate::sanitize::is_hostile;
use crate::search::{Hit, Query, SearchIndex, search};
use crate::strings::{Lang, Strings};
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
}

/// The whole state of the browser.
pub struct App {
    pub catalog: Catalog,
    index: SearchIndex,
    pub query: String,
    pub hits: Vec<Hit>,
    /// Position in `hits`.
    pub selected: usize,
    pub detail_scroll: usize,
    /// Entry index pinned as the left side of compare mode.
    pub pinned: Option<usize>,
    pub show_help: bool,
    pub show_overview: bool,
    pub should_quit: bool,
    /// Problems found in user files, shown in the footer; the app runs without those files.
    pub warnings: Vec<String>,
    pub theme: Theme,
    /// The interface language (the catalog's text is localized to it by [`App::with_lang`]).
    pub lang: Lang,
    pub view: Cell<ViewMetrics>,
}

impl App {
    pub fn new(catalog: Catalog, theme: Theme) -> Self {
        let index = SearchIndex::new(&catalog);
        let mut app = App {
            catalog,
            index,
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
            detail_scroll: 0,
            pinned: None,
            show_help: false,
            show_overview: false,
            should_quit: false,
            warnings: Vec::new(),
            theme,
            lang: Lang::En,
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
        self.index = SearchIndex::new(&self.catalog);
        self.refresh();
        self
    }

    /// The words of the interface language.
    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The app with a query already typed in (`whatcode tui 1006`).
    pub fn with_query(mut self, query: &str) -> Self {
        self.update(Action::Paste(query.to_string()));
        self
    }

    /// The entry under the selection, if the list is not empty.
    pub fn selected_entry(&self) -> Option<(usize, &CodeEntry)> {
        let hit = self.hits.get(self.selected)?;
        Some((hit.index, &self.catalog.entries()[hit.index]))
    }

    /// Whether compare mode is on.
    pub fn comparing(&self) -> bool {
        self.pinned.is_some()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.show_help && !matches!(action, Action::ToggleHelp | Action::Back | Action::Quit) {
            return;
        }
        match action {
            Action::InsertChar(c) => {
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
                let trimmed = self.query.trim_end();
                let cut = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
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
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(self.hits.len().saturating_sub(1)),
            Action::ScrollDetailDown => self.scroll_detail(1),
            Action::ScrollDetailUp => self.scroll_detail(-1),
            Action::ScrollDetailPageDown => self.scroll_detail(self.detail_page() as isize),
            Action::ScrollDetailPageUp => self.scroll_detail(-(self.detail_page() as isize)),
            Action::ToggleCompare => {
                self.pinned = match self.pinned {
                    Some(_) => None,
                    None => self.selected_entry().map(|(i, _)| i),
                };
                self.show_overview = false;
                self.detail_scroll = 0;
            }
            Action::ToggleOverview => {
                self.show_overview = !self.show_overview;
                self.detail_scroll = 0;
            }
            Action::ToggleHelp => self.show_help = !self.show_help,
            Action::Back => {
                if self.show_help {
                    self.show_help = false;
                } else if self.show_overview {
                    self.show_overview = false;
                } else if self.pinned.is_some() {
                    self.pinned = None;
                    self.detail_scroll = 0;
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
        let before = self.selected_entry().map(|(i, _)| i);
        let query = Query::parse(&self.query, &self.catalog);
        self.hits = search(&self.catalog, &self.index, &query);
        self.selected = 0;
        if self.selected_entry().map(|(i, _)| i) != before {
            self.detail_scroll = 0;
        }
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
