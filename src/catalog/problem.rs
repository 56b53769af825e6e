//! A problem in a user file, and how a byte offset in it becomes a line, a column and a field.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a user file, located as precisely as the problem allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", crate::sanitize::clean(&self.message))
    }
}

impl FileProblem {
    pub(super) fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        FileProblem { file: file.to_path_buf(), line: None, column: None, field: None, message: message.into() }
    }
}

/// Turns byte offsets in one file into line, column and field locations.
pub(super) struct Locator<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
}

impl Locator<'_> {
    pub(super) fn at(&self, offset: usize, field: Option<&str>, message: impl Into<String>) -> FileProblem {
        let (line, column) = line_column_bytes(self.text.as_bytes(), offset);
        FileProblem {
            file: self.path.to_path_buf(),
            line: Some(line),
            column: Some(column),
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// Points at the `field = ...` line of the table starting at `table_start`, or at the table.
    pub(super) fn at_field(&self, table_start: usize, field: &str, message: impl Into<String>) -> FileProblem {
        let rest = &self.text[table_start.min(self.text.len())..];
        let mut offset = table_start;
        for (i, line) in rest.split_inclusive('\n').enumerate() {
            let trimmed = line.trim_start();
            if i > 0 && trimmed.starts_with('[') {
                break;
            }
            if let Some(after) = trimmed.strip_prefix(field)
                && after.trim_start().starts_with('=')
            {
                let indent = line.len() - trimmed.len();
                return self.at(offset + indent, Some(field), message);
            }
            offset += line.len();
        }
        self.at(table_start, Some(field), message)
    }

    /// Where the `n`-th (from 1) `[[name]]` table header of the file starts.
    pub(super) fn nth_table(&self, name: &str, n: usize) -> Option<usize> {
        let header = format!("[[{name}]]");
        let mut offset = 0;
        let mut seen = 0;
        for line in self.text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if trimmed.starts_with(&header) {
                seen += 1;
                if seen == n {
                    return Some(offset + line.len() - trimmed.len());
                }
            }
            offset += line.len();
        }
        None
    }

    /// The key of a `key = value` line holding `offset`, if it is one.
    fn key_at(&self, offset: usize) -> Option<String> {
        let offset = offset.min(self.text.len());
        let start = self.text[..offset].rfind('\n').map_or(0, |p| p + 1);
        let line = self.text[start..].lines().next()?;
        let (key, _) = line.split_once('=')?;
        let key = key.trim();
        let bare =
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
        bare.then(|| key.to_string())
    }

    pub(super) fn toml_error(&self, e: &toml::de::Error) -> FileProblem {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        // serde names a missing or unknown field in backticks; for a wrong value, the key is the one
        // on the line the error points at.
        let named = if message.starts_with("missing field") || message.starts_with("unknown field") {
            message.split('`').nth(1).map(str::to_string)
        } else {
            None
        };
        let mut problem = self.at(offset, None, message);
        problem.field = named.or_else(|| self.key_at(offset));
        if e.span().is_none() {
            problem.line = None;
            problem.column = None;
        }
        problem
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}
