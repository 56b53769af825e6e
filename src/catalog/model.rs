//! The typed records of the catalog: families, code entries and curated compare notes.
//!
//! Text fields are `Cow<'static, str>` so the embedded dataset can live in static memory (generated
//! by `build.rs`, no parsing at start-up) while user files produce owned values of the same type.

use std::borrow::Cow;

use serde::Serialize;

/// Text that is either static (embedded dataset) or owned (user files).
pub type Text = Cow<'static, str>;
/// A list of [`Text`], static or owned.
pub type TextList = Cow<'static, [Text]>;

/// How a family writes its codes: HTTP/2, HTTP/3 and QUIC specs use hex, the rest decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Display {
    Decimal,
    Hex,
}

impl Display {
    /// Parses the `display` field of a family table.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "decimal" => Some(Self::Decimal),
            "hex" => Some(Self::Hex),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decimal => "decimal",
            Self::Hex => "hex",
        }
    }

    /// Formats a value the way the family's spec writes it (`404`, `0x7`).
    pub fn format(self, value: i64) -> String {
        match self {
            Self::Decimal => value.to_string(),
            Self::Hex if value < 0 => format!("-0x{:x}", value.unsigned_abs()),
            Self::Hex => format!("0x{value:x}"),
        }
    }

    /// The displayed code for a single value or a range entry.
    pub fn code(self, value: i64, end: Option<i64>) -> String {
        match end {
            Some(end) => format!("{}-{}", self.format(value), self.format(end)),
            None => self.format(value),
        }
    }
}

/// Whether retrying the same request or operation can help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Retry {
    /// Not an error: there is nothing to retry.
    #[serde(rename = "n/a")]
    NotApplicable,
    /// The same thing fails again until something changes.
    #[serde(rename = "no")]
    No,
    /// Transient or unclear: a retry may help.
    #[serde(rename = "maybe")]
    Maybe,
    /// Retrying, with backoff, is the expected response.
    #[serde(rename = "yes")]
    Yes,
}

impl Retry {
    pub const ALL: [(&'static str, Retry); 4] =
        [("n/a", Retry::NotApplicable), ("no", Retry::No), ("maybe", Retry::Maybe), ("yes", Retry::Yes)];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
    }
}

/// Who produces a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sender {
    Server,
    Client,
    /// Either endpoint of a connection.
    Peer,
    /// A proxy, gateway, CDN or load balancer between client and server.
    Intermediary,
    /// Reported locally by an API or runtime; never on the wire.
    Library,
    Kernel,
    Process,
    Shell,
    Resolver,
}

impl Sender {
    pub const ALL: [(&'static str, Sender); 9] = [
        ("server", Sender::Server),
        ("client", Sender::Client),
        ("peer", Sender::Peer),
        ("intermediary", Sender::Intermediary),
        ("library", Sender::Library),
        ("kernel", Sender::Kernel),
        ("process", Sender::Process),
        ("shell", Sender::Shell),
        ("resolver", Sender::Resolver),
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, v)| *v == self).map_or("?", |(k, _)| k)
    }
}

/// A block of a family's number space, used for the class of a code and the number-space map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Range {
    pub start: i64,
    pub end: i64,
    pub label: Text,
}

/// A family of codes (HTTP, WebSocket, errno, ...) with what a reader needs to orient themselves.
#[derive(Clone, Debug, Serialize)]
pub struct Family {
    pub id: Text,
    pub aliases: TextList,
    pub name: Text,
    pub display: Display,
    pub specs: TextList,
    pub number_space: Text,
    pub overview: Text,
    pub ranges: Cow<'static, [Range]>,
}

impl Family {
    /// The narrowest range containing `value`, which is the class of a code.
    pub fn class_of(&self, value: i64) -> Option<&Range> {
        self.class_index(value).map(|i| &self.ranges[i])
    }

    /// The position in `ranges` of the class of `value`.
    pub fn class_index(&self, value: i64) -> Option<usize> {
        self.ranges
            .iter()
            .enumerate()
            .filter(|(_, r)| r.start <= value && value <= r.end)
            .min_by_key(|(_, r)| r.end - r.start)
            .map(|(i, _)| i)
    }

    /// Whether `word` (lower case) names this family: its id or one of its aliases.
    pub fn is_named(&self, word: &str) -> bool {
        self.id.eq_ignore_ascii_case(word) || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(word))
    }
}

/// One code, with everything whatcode says about it.
#[derive(Clone, Debug, Serialize)]
pub struct CodeEntry {
    pub family: Text,
    pub code: Text,
    pub value: i64,
    /// Last value of a range entry (an entry that explains a whole block).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<i64>,
    pub name: Text,
    pub aliases: TextList,
    pub official: bool,
    /// Who uses a non-standard code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    pub summary: Text,
    pub description: Text,
    pub when: Text,
    pub fix: TextList,
    pub references: TextList,
    pub related: TextList,
    pub equivalents: TextList,
    pub sent_by: Cow<'static, [Sender]>,
    pub retry: Retry,
    pub never_sent: bool,
    /// errno: the C library's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
    /// signal: default action (Term, Core, Ign, Stop, Cont).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_action: Option<Text>,
    /// signal: whether a handler can catch it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catchable: Option<bool>,
}

impl CodeEntry {
    /// The stable id, `family/code`, used by `show`, `compare`, related links and JSON.
    pub fn id(&self) -> String {
        format!("{}/{}", self.family, self.code)
    }

    /// Whether this entry explains `value`: its own value, or inside its range.
    pub fn covers(&self, value: i64) -> bool {
        match self.end {
            Some(end) => self.value <= value && value <= end,
            None => self.value == value,
        }
    }
}

/// A hand-written note on two codes that are commonly confused.
#[derive(Clone, Debug, Serialize)]
pub struct CompareNote {
    pub a: Text,
    pub b: Text,
    pub differences: TextList,
    pub when_to_use: Text,
}

/// A code's body text in another language.
#[derive(Clone, Debug)]
pub struct TranslatedCode {
    pub lang: &'static str,
    pub id: &'static str,
    pub summary: Text,
    pub description: Text,
    pub when: Text,
    pub fix: TextList,
}

/// A curated note in another language.
#[derive(Clone, Debug)]
pub struct TranslatedNote {
    pub lang: &'static str,
    pub a: &'static str,
    pub b: &'static str,
    pub differences: TextList,
    pub when_to_use: Text,
}

/// A family overview in another language.
#[derive(Clone, Debug)]
pub struct TranslatedFamily {
    pub lang: &'static str,
    pub family: &'static str,
    pub overview: Text,
}
