//! Neutralises control characters in text from data files before it reaches a terminal: escape
//! sequences, C0/C1 controls, DEL and bidi overrides could otherwise move the cursor, change
//! colours or reorder what the reader sees.

/// The text with every control character replaced by a visible stand-in; newlines and tabs are
/// kept (tabs become spaces).
pub fn clean(text: &str) -> String {
    if !text.chars().any(is_hostile) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if is_hostile(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Control characters (C0, DEL, C1) other than newline, and the bidi embedding, override and
/// isolate characters.
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_and_bidi_overrides() {
        let hostile = "ok\x1b]52;c;aGk=\x07 \u{202E}evil\u{9b}31m\x7f";
        let cleaned = clean(hostile);
        assert!(!cleaned.chars().any(is_hostile), "{cleaned:?}");
        assert!(cleaned.starts_with("ok"));
    }

    #[test]
    fn keeps_ordinary_text_and_newlines() {
        assert_eq!(clean("Abnormal Closure\nline two — ✓ Привет"), "Abnormal Closure\nline two — ✓ Привет");
        assert_eq!(clean("a\tb"), "a b");
    }
}
