//! Everything a user can do in the browser. `App::update` is the only place these take effect,
//! so tests drive the app by feeding actions, with no terminal at all.

/// One thing the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Type a character at the cursor.
    InsertChar(char),
    /// Paste text at the cursor (control characters and newlines are dropped).
    Paste(String),
    /// Delete the character before the cursor.
    DeleteChar,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the cursor to the end of the query.
    KillToEnd,
    /// Delete from the start of the query to the cursor (the whole query when the cursor is at
    /// the end).
    ClearQuery,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Move the cursor to the start of the query.
    CursorHome,
    /// Move the cursor to the end of the query.
    CursorEnd,
    /// Move the cursor to the start of the previous word.
    CursorWordLeft,
    /// Move the cursor past the end of the next word.
    CursorWordRight,
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
    /// Move the selection down half a page.
    SelectHalfPageDown,
    /// Move the selection up half a page.
    SelectHalfPageUp,
    /// Select the code at this position of the list (a mouse click).
    SelectAt(usize),
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
    /// In compare mode, exchange the two sides.
    SwapCompare,
    /// Show or hide the overview of the selected code's family.
    ToggleOverview,
    /// Show or hide the key help.
    ToggleHelp,
    /// Open or close the family menu (show one family's codes only, or all).
    ToggleFamilies,
    /// Show or hide every problem found in user files and the config.
    ToggleWarnings,
    /// Move keyboard focus to the list, where single letters are commands (j, k, g, G).
    FocusList,
    /// Move keyboard focus back to the search bar.
    FocusSearch,
    /// Move keyboard focus to the detail pane, whose related codes can be walked.
    FocusDetail,
    /// In the detail pane, select the next related code or equivalent.
    NextLink,
    /// In the detail pane, select the previous related code or equivalent.
    PreviousLink,
    /// Open the selected related code (the place you left is kept in the history).
    OpenLink,
    /// Compare the code in the detail pane with its selected related code.
    CompareWithLink,
    /// Go back to where you were before the last link you opened.
    GoBack,
    /// Picker mode (`tui --print`): choose the selected code, print its id and exit.
    Pick,
    /// Copy the selected code's id and name to the clipboard.
    CopyId,
    /// Copy the detail (or the comparison) as Markdown to the clipboard.
    CopyMarkdown,
    /// Step back: close an overlay, else the overview, else leave compare, else leave the pane,
    /// else clear the query, else quit.
    Back,
    /// Quit at once.
    Quit,
}
