//! The browser's state and `update`, the only place it changes. Nothing here knows about the
//! terminal: tests drive it with actions and read the fields.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::action::Action;
use crate::catalog::{Catalog, CodeEntry};
use crate::compare::compare;
pub use crate::keymap::Focus;
use crate::keymap::{KeyContext, Keymap};
use crate::markdown;
use crate::query_line::QueryLine;
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
    /// The detail pane's first shown line (the scroll actually used, after clamping).
    pub detail_scroll: usize,
}

/// Where the browser was, kept when a related code is opened so that `GoBack` can return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub query: String,
    /// The code that was selected (catalogue position).
    pub selected: Option<usize>,
    pub pinned: Option<usize>,
    pub focus: Focus,
    pub link: usize,
    pub detail_scroll: usize,
}

/// How many places the history keeps.
pub const HISTORY: usize = 100;

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
    /// The search bar: text and cursor.
    pub query: QueryLine,
    pub hits: Vec<Hit>,
    /// Position in `hits`.
    pub selected: usize,
    pub detail_scroll: usize,
    /// Entry index pinned as the left side of compare mode.
    pub pinned: Option<usize>,
    /// The right side of compare mode when it is not the selection (after a swap whose other
    /// side is not in the list); cleared as soon as the selection moves.
    pub right_override: Option<usize>,
    pub show_help: bool,
    /// First line of the help (or warnings) overlay shown (they scroll on short terminals).
    pub help_scroll: usize,
    pub show_overview: bool,
    /// The family menu is open, with its cursor (0 is "all families").
    pub show_families: bool,
    pub families_cursor: usize,
    /// Only this family's codes are listed (chosen in the family menu).
    pub family_filter: Option<String>,
    /// The overlay listing every problem in user files is open.
    pub show_warnings: bool,
    pub should_quit: bool,
    /// Problems found in user files and the config; the app runs without those files.
    pub warnings: Vec<String>,
    pub theme: Theme,
    /// The interface language (the catalog's text is localized to it by [`App::with_lang`]).
    pub lang: Lang,
    /// The key table in force (defaults, or rebound by the config file).
    pub keymap: Keymap,
    /// Which part has the keyboard: the search bar, the list or the detail pane.
    pub focus: Focus,
    /// In the detail pane: which related code or equivalent is selected.
    pub link: usize,
    /// Places left by opening related codes, most recent last.
    pub history: Vec<Place>,
    /// Picker mode (`tui --print`): Enter chooses a code.
    pub picking: bool,
    /// The entry chosen in picker mode.
    pub picked: Option<usize>,
    /// Text to put on the clipboard; the event loop sends it to the terminal and clears it.
    pub clipboard: Option<String>,
    /// Whether the terminal can take clipboard writes (OSC 52), decided by the caller.
    pub clipboard_works: bool,
    /// Whether spec references are drawn as terminal hyperlinks (OSC 8), decided by the caller.
    pub hyperlinks: bool,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    /// Scan mode: the codes a log mentions, with their counts and evidence lines.
    pub found: Option<Found>,
    pub view: Cell<ViewMetrics>,
    /// The detail pane's lines that hold each link, as the last frame drew them (for scrolling
    /// the selected link into view).
    pub link_rows: RefCell<Vec<usize>>,
}

impl App {
    pub fn new(catalog: Catalog, theme: Theme) -> Self {
        let index = Arc::new(SearchIndex::new(&catalog));
        let mut app = App {
            catalog,
            index,
            query: QueryLine::default(),
            hits: Vec::new(),
            selected: 0,
            detail_scroll: 0,
            pinned: None,
            right_override: None,
            show_help: false,
            help_scroll: 0,
            show_overview: false,
            show_families: false,
            families_cursor: 0,
            family_filter: None,
            show_warnings: false,
            should_quit: false,
            warnings: Vec::new(),
            theme,
            lang: Lang::En,
            keymap: Keymap::default(),
            focus: Focus::Search,
            link: 0,
            history: Vec::new(),
            picking: false,
            picked: None,
            clipboard: None,
            clipboard_works: true,
            hyperlinks: false,
            status: None,
            found: None,
            view: Cell::new(ViewMetrics::default()),
            link_rows: RefCell::new(Vec::new()),
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
        KeyContext {
            query_empty: self.query.is_empty(),
            focus: self.focus,
            picking: self.picking,
            comparing: self.comparing(),
        }
    }

    /// Whether the list has keyboard focus.
    pub fn list_focus(&self) -> bool {
        self.focus == Focus::List
    }

    /// The right side of compare mode: the selection, unless a swap put another code there.
    pub fn compare_right(&self) -> Option<usize> {
        self.right_override.or_else(|| self.selected_index())
    }

    /// The ids a detail can walk to: its related codes, then its equivalents.
    pub fn links(&self) -> Vec<String> {
        let Some((_, e)) = self.selected_entry() else { return Vec::new() };
        e.related.iter().chain(e.equivalents.iter()).map(|id| id.to_string()).collect()
    }

    /// Whether compare mode is on.
    pub fn comparing(&self) -> bool {
        self.pinned.is_some()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if self.show_help || self.show_warnings {
            // An overlay swallows everything but closing, quitting and scrolling it.
            let max = self.view.get().help_max_scroll;
            match action {
                Action::ToggleHelp | Action::ToggleWarnings | Action::Back => {
                    self.show_help = false;
                    self.show_warnings = false;
                }
                Action::Quit => self.should_quit = true,
                Action::SelectNext | Action::ScrollDetailDown | Action::NextLink => {
                    self.help_scroll = (self.help_scroll + 1).min(max)
                }
                Action::SelectPrevious | Action::ScrollDetailUp | Action::PreviousLink => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                Action::SelectPageDown | Action::ScrollDetailPageDown => self.help_scroll = max,
                Action::SelectPageUp | Action::ScrollDetailPageUp => self.help_scroll = 0,
                _ => {}
            }
            return;
        }
        if self.show_families {
            self.update_families(action);
            return;
        }
        self.status = None;
        match action {
            Action::InsertChar(c) => {
                self.focus = Focus::Search;
                if !is_hostile(c) && self.query.chars().count() < MAX_QUERY_CHARS {
                    self.query.insert(c.encode_utf8(&mut [0; 4]));
                    self.refresh();
                }
            }
            Action::Paste(text) => {
                self.focus = Focus::Search;
                let room = MAX_QUERY_CHARS.saturating_sub(self.query.chars().count());
                let clean: String = text
                    .chars()
                    .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
                    .filter(|c| !is_hostile(*c))
                    .take(room)
                    .collect();
                if !clean.is_empty() {
                    self.query.insert(&clean);
                    self.refresh();
                }
            }
            Action::DeleteChar => self.edit(QueryLine::delete_back),
            Action::DeleteForward => self.edit(QueryLine::delete_forward),
            Action::DeleteWord => self.edit(QueryLine::delete_word_back),
            Action::KillToEnd => self.edit(QueryLine::kill_to_end),
            Action::ClearQuery => self.edit(QueryLine::kill_to_start),
            Action::CursorLeft => self.query.left(),
            Action::CursorRight => self.query.right(),
            Action::CursorHome => self.query.home(),
            Action::CursorEnd => self.query.end(),
            Action::CursorWordLeft => self.query.word_left(),
            Action::CursorWordRight => self.query.word_right(),
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrevious => self.select(self.selected.saturating_sub(1)),
            Action::SelectPageDown => self.select(self.selected.saturating_add(self.page())),
            Action::SelectPageUp => self.select(self.selected.saturating_sub(self.page())),
            Action::SelectHalfPageDown => self.select(self.selected.saturating_add(self.page().div_ceil(2))),
            Action::SelectHalfPageUp => self.select(self.selected.saturating_sub(self.page().div_ceil(2))),
            Action::SelectAt(position) => self.select(position),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(self.hits.len().saturating_sub(1)),
            Action::FocusList => {
                if self.hits.is_empty() {
                    self.status = Some(self.s().status_nothing_selected.to_string());
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::FocusSearch => self.focus = Focus::Search,
            Action::FocusDetail => {
                if self.selected_index().is_none() {
                    self.status = Some(self.s().status_nothing_selected.to_string());
                } else {
                    self.focus = Focus::Detail;
                    self.link = self.link.min(self.links().len().saturating_sub(1));
                    if self.links().is_empty() {
                        self.status = Some(self.s().status_no_links.to_string());
                    } else {
                        // The chosen link is in view, so the first key shows where walking starts.
                        self.move_link(0);
                    }
                }
            }
            Action::NextLink => self.move_link(1),
            Action::PreviousLink => self.move_link(-1),
            Action::OpenLink => self.open_link(false),
            Action::CompareWithLink => self.open_link(true),
            Action::GoBack => self.go_back(),
            Action::Pick => {
                if self.picking
                    && let Some(index) = self.selected_index()
                {
                    self.picked = Some(index);
                    self.should_quit = true;
                }
            }
            Action::CopyId => match self.selected_entry() {
                Some((_, e)) => {
                    let text = format!("{} {}", e.id(), e.name);
                    self.copy(text.clone(), &text);
                }
                None => self.status = Some(self.s().status_nothing_selected.to_string()),
            },
            Action::CopyMarkdown => self.copy_markdown(),
            Action::ScrollDetailDown => self.scroll_detail(1),
            Action::ScrollDetailUp => self.scroll_detail(-1),
            Action::ScrollDetailPageDown => self.scroll_detail(self.detail_page() as isize),
            Action::ScrollDetailPageUp => self.scroll_detail(-(self.detail_page() as isize)),
            Action::ToggleCompare => {
                self.pinned = match self.pinned {
                    Some(_) => None,
                    None => {
                        let selected = self.selected_index();
                        if selected.is_none() {
                            self.status = Some(self.s().status_nothing_selected.to_string());
                        }
                        selected
                    }
                };
                self.right_override = None;
                self.show_overview = false;
                self.detail_scroll = 0;
            }
            Action::SwapCompare => self.swap_compare(),
            Action::ToggleOverview => {
                if self.show_overview || self.selected_index().is_some() {
                    self.show_overview = !self.show_overview;
                    self.detail_scroll = 0;
                } else {
                    self.status = Some(self.s().status_nothing_selected.to_string());
                }
            }
            Action::ToggleHelp => {
                self.show_help = true;
                self.help_scroll = 0;
            }
            Action::ToggleWarnings => {
                self.show_warnings = !self.warnings.is_empty();
                self.help_scroll = 0;
            }
            Action::ToggleFamilies => {
                self.show_families = true;
                let current = self.family_filter.as_deref();
                self.families_cursor =
                    current.and_then(|f| self.catalog.families().iter().position(|x| x.id == f)).map_or(0, |i| i + 1);
            }
            Action::Back => self.back(),
            Action::Quit => self.should_quit = true,
        }
    }

    /// Esc: close the innermost thing, one layer at a time.
    fn back(&mut self) {
        if self.picking && !self.show_overview && !self.comparing() {
            // Like fzf: Esc in the picker abandons it (exit 130), whatever is typed.
            self.should_quit = true;
        } else if self.show_overview {
            self.show_overview = false;
        } else if self.pinned.is_some() {
            self.pinned = None;
            self.right_override = None;
            self.detail_scroll = 0;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
        } else if self.focus == Focus::List {
            self.focus = Focus::Search;
        } else if !self.query.is_empty() {
            self.query.clear();
            self.refresh();
        } else if self.family_filter.is_some() {
            self.family_filter = None;
            self.refresh();
        } else {
            self.should_quit = true;
        }
    }

    /// Applies a change to the query line and searches again if it changed something.
    fn edit(&mut self, change: fn(&mut QueryLine) -> bool) {
        self.focus = Focus::Search;
        if change(&mut self.query) {
            self.refresh();
        }
    }

    /// The family menu: move, choose, close.
    fn update_families(&mut self, action: Action) {
        let count = self.catalog.families().len() + 1;
        match action {
            Action::SelectNext | Action::NextLink => self.families_cursor = (self.families_cursor + 1).min(count - 1),
            Action::SelectPrevious | Action::PreviousLink => {
                self.families_cursor = self.families_cursor.saturating_sub(1)
            }
            Action::SelectFirst | Action::SelectPageUp => self.families_cursor = 0,
            Action::SelectLast | Action::SelectPageDown => self.families_cursor = count - 1,
            Action::FocusList | Action::Pick | Action::OpenLink | Action::FocusDetail => {
                self.show_families = false;
                self.family_filter = match self.families_cursor {
                    0 => None,
                    k => self.catalog.families().get(k - 1).map(|f| f.id.to_string()),
                };
                self.status = Some(match &self.family_filter {
                    Some(id) => fill(self.s().status_family_only, &[id]),
                    None => self.s().status_all_families.to_string(),
                });
                self.refresh();
            }
            Action::ToggleFamilies | Action::Back => self.show_families = false,
            Action::Quit => self.should_quit = true,
            _ => {}
        }
    }

    /// Moves the link cursor of the detail pane, scrolling the link into view.
    fn move_link(&mut self, by: isize) {
        let count = self.links().len();
        if count == 0 {
            self.status = Some(self.s().status_no_links.to_string());
            return;
        }
        self.link = self.link.saturating_add_signed(by).min(count - 1);
        let row = self.link_rows.borrow().get(self.link).copied();
        if let Some(row) = row {
            let height = self.view.get().detail_height.max(1);
            if row < self.detail_scroll {
                self.detail_scroll = row.saturating_sub(1);
            } else if row >= self.detail_scroll + height {
                self.detail_scroll = row + 2 - height.min(row + 2);
            }
        }
    }

    /// Where the browser is now, for the history.
    fn place(&self) -> Place {
        Place {
            query: self.query.to_string(),
            selected: self.selected_index(),
            pinned: self.pinned,
            focus: self.focus,
            link: self.link,
            detail_scroll: self.detail_scroll,
        }
    }

    /// Opens the selected link (its id becomes the query), keeping the place left in the
    /// history; with `compare`, pins the current code first so the two are compared.
    fn open_link(&mut self, compare: bool) {
        let links = self.links();
        let Some(target) = links.get(self.link).cloned() else {
            self.status = Some(self.s().status_no_links.to_string());
            return;
        };
        let Some(index) = self.catalog.resolve_id(&target) else { return };
        let current = self.selected_index();
        self.history.push(self.place());
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
        if compare {
            self.pinned = current;
        }
        self.query.set(&target);
        self.refresh();
        if let Some(position) = self.hits.iter().position(|h| h.index == index) {
            self.select(position);
        }
        self.link = 0;
        self.detail_scroll = 0;
        self.focus = if compare { Focus::List } else { Focus::Detail };
    }

    /// Returns to the place left by the last opened link.
    fn go_back(&mut self) {
        let Some(place) = self.history.pop() else {
            self.status = Some(self.s().status_no_history.to_string());
            return;
        };
        self.query.set(&place.query);
        self.refresh();
        if let Some(position) = place.selected.and_then(|i| self.hits.iter().position(|h| h.index == i)) {
            self.selected = position;
        }
        self.pinned = place.pinned;
        self.right_override = None;
        self.focus = place.focus;
        self.link = place.link;
        self.detail_scroll = place.detail_scroll;
    }

    /// Exchanges the two sides of a comparison.
    fn swap_compare(&mut self) {
        let (Some(left), Some(right)) = (self.pinned, self.compare_right()) else {
            self.status = Some(self.s().status_compare_first.to_string());
            return;
        };
        self.pinned = Some(right);
        match self.hits.iter().position(|h| h.index == left) {
            Some(position) => {
                self.selected = position;
                self.right_override = None;
            }
            None => self.right_override = Some(left),
        }
        self.detail_scroll = 0;
    }

    /// Re-runs the search after the query changed. Like fzf, a new query selects its best
    /// answer.
    fn refresh(&mut self) {
        let before = self.selected_index();
        let mut query = Query::parse(&self.query, &self.catalog);
        if query.family.is_none() {
            query.family = self.family_filter.clone();
        }
        self.hits = match &self.found {
            // Scan mode with nothing typed: what the log mentions, most mentioned first.
            Some(found) if self.query.trim().is_empty() => found
                .tally
                .ranked()
                .into_iter()
                .filter(|(i, _)| query.family.as_deref().is_none_or(|f| self.catalog.at(*i).family() == f))
                .map(|(i, _)| Hit::plain(i))
                .collect(),
            Some(found) => {
                let mut hits = search(&self.catalog, &self.index, &query);
                hits.retain(|h| found.tally.stats.contains_key(&h.index));
                hits
            }
            None => search(&self.catalog, &self.index, &query),
        };
        self.selected = 0;
        self.right_override = None;
        if self.selected_index() != before {
            self.detail_scroll = 0;
            self.link = 0;
        }
        if self.hits.is_empty() && self.focus != Focus::Search {
            self.focus = Focus::Search;
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
        let Some(right) = self.compare_right() else {
            self.status = Some(s.status_nothing_selected.to_string());
            return;
        };
        let (text, what) = match self.pinned {
            Some(left) if left != right => {
                (markdown::comparison(&compare(&self.catalog, left, right, s), s), s.copy_what_comparison)
            }
            _ => (markdown::entry(&self.catalog, &self.catalog.entry(right), s), s.copy_what_markdown),
        };
        self.copy(text, what);
    }

    fn select(&mut self, position: usize) {
        let last = self.hits.len().saturating_sub(1);
        let position = position.min(last);
        self.right_override = None;
        if position != self.selected {
            self.selected = position;
            self.detail_scroll = 0;
            self.link = 0;
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
