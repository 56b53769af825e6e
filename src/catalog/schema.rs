//! The on-disk format of a code file (TOML), as serde structs.
//!
//! This file is shared: `build.rs` includes it to turn the embedded assets into static data, and the
//! runtime loader uses it for user files. It therefore depends on nothing but serde and toml.
//! Tables keep their byte spans so a problem found later can name its line.

use serde::Deserialize;
use toml::Spanned;

/// One code file: a family header (optional in a file that only adds codes to a known family),
/// its codes, and curated compare notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub family: Option<Spanned<RawFamily>>,
    /// The family the `[[code]]` tables belong to when the file has no `[family]` table.
    pub extends: Option<Spanned<String>>,
    #[serde(default)]
    pub code: Vec<Spanned<RawCode>>,
    #[serde(default)]
    pub compare: Vec<Spanned<RawCompare>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub name: String,
    pub short: Option<String>,
    pub display: String,
    pub negative: Option<String>,
    pub medium: Option<String>,
    pub layer: Option<String>,
    pub specs: Vec<String>,
    pub number_space: String,
    pub overview: String,
    #[serde(default)]
    pub range: Vec<RawRange>,
    #[serde(default)]
    pub standard: Vec<RawStandard>,
    #[serde(default)]
    pub mention: Vec<RawMention>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub id: String,
    pub label: String,
    pub official: bool,
    pub means: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMention {
    pub regex: String,
    pub read: Option<String>,
    /// The code every match stands for (no `code` group needed).
    pub means: Option<String>,
    /// A line this expression matches is not the family's (the pattern finds nothing there).
    pub unless: Option<String>,
    pub examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub start: i64,
    pub end: i64,
    pub label: String,
    /// What a code of this class that is not registered means (RFC 9110 §15: a client treats an
    /// unknown 4xx as 400).
    pub unknown: Option<String>,
    /// The id of the code an unregistered one of this class is treated as (`http/400`).
    pub treat_as: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCode {
    pub code: String,
    pub value: i64,
    pub end: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub official: bool,
    pub source: Option<String>,
    pub summary: String,
    pub description: String,
    pub when: String,
    pub fix: Vec<String>,
    pub references: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub equivalents: Vec<String>,
    pub sent_by: Vec<String>,
    pub retry: String,
    #[serde(default)]
    pub never_sent: bool,
    pub message: Option<String>,
    pub default_action: Option<String>,
    pub catchable: Option<bool>,
    pub standard: Option<String>,
    pub commonness: Option<i64>,
    pub sign: Option<String>,
    pub use_when: Option<String>,
    #[serde(default)]
    pub says: Vec<String>,
    /// User files only: this entry deliberately replaces a built-in code.
    #[serde(default)]
    pub overrides: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompare {
    pub a: String,
    pub b: String,
    pub differences: Vec<String>,
    pub when_to_use: String,
}

/// Normalises a text field as written in TOML: no leading or trailing blank space, no trailing
/// spaces on lines. Paragraph breaks (blank lines) are kept.
pub fn tidy_text(s: &str) -> String {
    s.trim().lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// [`tidy_text`] for a string we own: kept as it is when it is tidy already (nearly always).
pub fn tidy_owned(s: String) -> String {
    let tidy =
        s.trim().len() == s.len() && !s.contains('\r') && !s.split('\n').any(|l| l.ends_with(char::is_whitespace));
    if tidy { s } else { tidy_text(&s) }
}

/// A translation file (`assets/i18n/LANG/FAMILY.toml`): the body text of a family's codes and
/// notes in another language. Names, ids and references stay as the registry writes them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslationFile {
    pub lang: String,
    /// The family whose codes this file translates (`cross` for notes only).
    pub family: String,
    pub name: Option<String>,
    pub layer: Option<String>,
    pub overview: Option<String>,
    pub number_space: Option<String>,
    /// The class labels, in the order of the family's ranges.
    #[serde(default)]
    pub range_labels: Vec<String>,
    /// What an unregistered number in each range means (`unknown`), in the same order; an empty
    /// string for a range that has none.
    #[serde(default)]
    pub range_unknown: Vec<String>,
    #[serde(default)]
    pub standard: Vec<RawTranslatedStandard>,
    #[serde(default)]
    pub code: Vec<RawTranslatedCode>,
    #[serde(default)]
    pub compare: Vec<RawCompare>,
}

impl RawTranslationFile {
    /// Whether the file translates the family's own words (name, layer, number space, overview,
    /// class labels and unknown texts, standard levels), not only codes and notes.
    pub fn has_family_words(&self) -> bool {
        self.name.is_some()
            || self.layer.is_some()
            || self.overview.is_some()
            || self.number_space.is_some()
            || !self.range_labels.is_empty()
            || !self.range_unknown.is_empty()
            || !self.standard.is_empty()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslatedCode {
    pub code: String,
    pub summary: String,
    pub description: String,
    pub when: String,
    pub fix: Vec<String>,
    pub sign: Option<String>,
    pub use_when: Option<String>,
    /// Who uses a non-standard code (the English `source`).
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslatedStandard {
    pub id: String,
    pub label: String,
    pub means: String,
}
