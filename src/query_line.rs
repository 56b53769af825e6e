//! The search bar's text and cursor, edited the way readline edits a line: characters go in at
//! the cursor, ←/→ and Home/End move it, Alt-B/Alt-F jump words, Ctrl-W and Alt-Backspace delete
//! the word before it, Ctrl-K and Ctrl-U kill to the end and to the start.

use std::fmt;
use std::ops::Deref;

/// Text with a cursor. The cursor counts characters (not bytes) and is always between 0 and the
/// length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryLine {
    text: String,
    cursor: usize,
}

impl QueryLine {
    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Byte offset of character `n`.
    fn byte(&self, n: usize) -> usize {
        self.text.char_indices().nth(n).map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts at the cursor and moves past what was inserted.
    pub fn insert(&mut self, text: &str) {
        let at = self.byte(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Deletes the character before the cursor. `false` when there was none.
    pub fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }

    /// Deletes the character under the cursor. `false` when the cursor is at the end.
    pub fn delete_forward(&mut self) -> bool {
        if self.cursor >= self.len() {
            return false;
        }
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// To the start of the word before the cursor (Alt-B).
    pub fn word_left(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor;
        while at > 0 && !is_word(chars[at - 1]) {
            at -= 1;
        }
        while at > 0 && is_word(chars[at - 1]) {
            at -= 1;
        }
        self.cursor = at;
    }

    /// To the end of the word after the cursor (Alt-F).
    pub fn word_right(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor;
        while at < chars.len() && !is_word(chars[at]) {
            at += 1;
        }
        while at < chars.len() && is_word(chars[at]) {
            at += 1;
        }
        self.cursor = at;
    }

    /// Deletes back to the previous whitespace (Ctrl-W), as readline's unix-word-rubout does.
    /// `false` when nothing was deleted.
    pub fn delete_word_back(&mut self) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        let mut at = self.cursor;
        while at > 0 && chars[at - 1].is_whitespace() {
            at -= 1;
        }
        while at > 0 && !chars[at - 1].is_whitespace() {
            at -= 1;
        }
        self.cut(at, self.cursor)
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    pub fn kill_to_end(&mut self) -> bool {
        self.cut(self.cursor, self.len())
    }

    /// Deletes from the start to the cursor (Ctrl-U); with the cursor at the end, the whole line.
    pub fn kill_to_start(&mut self) -> bool {
        self.cut(0, self.cursor)
    }

    /// Empties the line.
    pub fn clear(&mut self) -> bool {
        let had = !self.text.is_empty();
        self.text.clear();
        self.cursor = 0;
        had
    }

    /// Replaces the whole line, with the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.len();
    }

    /// Removes characters `from..to`, leaving the cursor at `from`.
    fn cut(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
    }
}

/// Letters and digits make words for Alt-B and Alt-F (readline's forward-word).
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

impl Deref for QueryLine {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for QueryLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq<str> for QueryLine {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for QueryLine {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, cursor: usize) -> QueryLine {
        QueryLine { text: text.to_string(), cursor }
    }

    #[test]
    fn inserts_and_deletes_at_the_cursor() {
        let mut q = line("ws 1006", 2);
        q.insert("x");
        assert_eq!((q.as_str(), q.cursor()), ("wsx 1006", 3));
        assert!(q.delete_back());
        assert!(q.delete_forward());
        assert_eq!((q.as_str(), q.cursor()), ("ws1006", 2));
        q.home();
        assert!(!q.delete_back());
        q.end();
        assert!(!q.delete_forward());
    }

    #[test]
    fn moves_by_words_like_readline() {
        let mut q = line("connect ECONNREFUSED 127.0.0.1:5432", 35);
        q.word_left();
        assert_eq!(q.cursor(), 31);
        q.word_left();
        q.word_left();
        assert_eq!(q.cursor(), 27);
        q.home();
        q.word_right();
        assert_eq!(q.cursor(), 7);
    }

    #[test]
    fn kills_to_either_end_and_rubs_out_words() {
        let mut q = line("going away now", 6);
        assert!(q.kill_to_end());
        assert_eq!((q.as_str(), q.cursor()), ("going ", 6));
        assert!(q.delete_word_back());
        assert_eq!(q.as_str(), "");
        let mut q = line("ab\u{3000}cd\u{a0}", 6);
        assert!(q.delete_word_back());
        assert_eq!(q.as_str(), "ab\u{3000}");
        let mut q = line("ws 1006", 3);
        assert!(q.kill_to_start());
        assert_eq!((q.as_str(), q.cursor()), ("1006", 0));
    }

    #[test]
    fn multi_byte_characters_are_one_step() {
        let mut q = line("ошибка", 6);
        q.left();
        assert!(q.delete_back());
        assert_eq!((q.as_str(), q.cursor()), ("ошиба", 4));
    }
}
