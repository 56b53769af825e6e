//! Everything a user can do in the browser. `App::update` is the only place these take effect,
//! so tests drive the app by feeding actions, with no terminal at all.

/// One thing the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Type a character at the end of the query.
    InsertChar(char),
    /// Paste text into the query (control characters and newlines are dropped).
    Paste(String),
    /// Delete the last character of the query.
    DeleteChar,
    /// Delete the last word of the query.
    DeleteWord,
    /// Empty the query.
    ClearQuery,
    /// Move the selection down one code.
    SelectNext,
    /// Move the selection up one code.
    SelectPrevious,
    /// Move the selection down a page.
    SelectPageDown,
    /// Move the selection up a page.
    SelectPageUp,
    /// Select the first code of the list.
    SelectFirst,
    /// Select the last code of the list.
    SelectLast,
    /// Scroll the detail pane down a line.
    ScrollDetailDown,
    /// Scroll the detail pane up a line.
    ScrollDetailUp,
    /// Scroll the detail pane down a page.
    ScrollDetailPageDown,
    /// Scroll the detail pane up a page.
    ScrollDetailPageUp,
    /// Pin the selected code and compare it with whatever is selected next; again to leave.
    ToggleCompare,
    /// Show or hide the overview of the selected code's family.
    ToggleOverview,
    /// Show or hide the key help.
    ToggleHelp,
    /// Select the code at this position of the list (a mouse click).
    SelectAt(usize),
    /// Move the selection down half a page.
    SelectHalfPageDown,
    /// Move the selection up half a page.
    SelectHalfPageUp,
    /// Move keyboard focus to the list, where single letters are commands (j, k, g, G).
    FocusList,
    /// Move keyboard focus back to the search bar.
    FocusSearch,
    /// Picker mode (`tui --print`): choose the selected code, print its id and exit.
    Pick,
    /// Copy the selected code's id and name to the clipboard.
    CopyId,
    /// Copy the detail (or the comparison) as Markdown to the clipboard.
    CopyMarkdown,
    /// Step back: close help, else the overview, else leave compare, else leave the list, else
    /// clear the query, else quit.
    Back,
    /// Quit at once.
    Quit,
}
