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

/// How a family writes its codes: HTTP/2, HTTP/3 and QUIC specs use hex, Windows mixes decimal
/// and hex, SQLSTATE and Kubernetes write identifiers, the rest decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Display {
    Decimal,
    Hex,
    /// Each code is its value written in decimal or in `0x` hex, as the family's documents
    /// write that code (Windows: `5`, `0xC0000005`).
    Mixed,
    /// Codes are identifiers (`42P01`, `MOVED`, `CrashLoopBackOff`); the value only sorts them.
    Text,
}

impl Display {
    pub const ALL: [Display; 4] = [Display::Decimal, Display::Hex, Display::Mixed, Display::Text];

    /// Parses the `display` field of a family table.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decimal => "decimal",
            Self::Hex => "hex",
            Self::Mixed => "mixed",
            Self::Text => "text",
        }
    }

    /// Whether a code's value is a number people type and see (not only a sort key).
    pub fn is_numeric(self) -> bool {
        self != Self::Text
    }

    /// Formats a value the way the family's spec writes it (`404`, `0x7`). Mixed families write
    /// small values in decimal and large ones in hex; text families have no numbers to show.
    pub fn format(self, value: i64) -> String {
        match self {
            Self::Decimal | Self::Text => value.to_string(),
            Self::Mixed if (-0xffff..=0xffff).contains(&value) => value.to_string(),
            Self::Hex | Self::Mixed if value < 0 => format!("-0x{:x}", value.unsigned_abs()),
            Self::Hex => format!("0x{value:x}"),
            Self::Mixed => format!("0x{value:X}"),
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

/// How a negative number relates to a family's codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Negative {
    /// Negative numbers are never this family's codes.
    #[default]
    None,
    /// Negative values are codes themselves (Kafka's -1, glibc's EAI_NONAME -2).
    Value,
    /// A negative number is a code negated, as libuv and Node print errno (-111 is 111).
    Negated,
    /// A negative number is the signed 32-bit view of an unsigned code, as a Windows exit code
    /// prints (-1073741819 is 0xC0000005).
    U32,
}

impl Negative {
    pub const ALL: [(&'static str, Negative); 3] =
        [("value", Negative::Value), ("negated", Negative::Negated), ("u32", Negative::U32)];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, v)| *v == self).map_or("none", |(k, _)| k)
    }

    /// The code value a typed negative number `n` stands for in a family with this rule.
    pub fn read(self, n: i64) -> Option<i64> {
        match self {
            Negative::None => None,
            Negative::Value => Some(n),
            Negative::Negated => n.checked_neg(),
            Negative::U32 => i32::try_from(n).ok().map(|v| i64::from(v as u32)),
        }
    }
}

/// Whether a family's codes travel between peers or are reported where they happen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    /// Codes travel in protocol messages between peers (HTTP, DNS, TLS, ...).
    #[default]
    Wire,
    /// Codes are reported by an OS, runtime, library or tool on the machine where they happen
    /// (errno, signals, exit statuses, curl).
    Local,
}

impl Medium {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "wire" => Some(Medium::Wire),
            "local" => Some(Medium::Local),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Wire => "wire",
            Medium::Local => "local",
        }
    }
}

/// One level of "standard" a family distinguishes (errno: POSIX, Linux-specific, obsolete).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StandardLevel {
    pub id: Text,
    pub label: Text,
    pub official: bool,
    /// What the level means, in one sentence.
    pub means: Text,
}

/// How a mention pattern's `code` group names a code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionRead {
    /// As the family writes its codes; numbers also in decimal, `0x` hex and negative forms.
    #[default]
    Code,
    /// Bare hex digits (`C0000005`, `a`).
    Hex,
    /// A code's code, name or alias, ignoring case and `_`, `-`, `.` and spaces.
    Name,
}

impl MentionRead {
    pub const ALL: [(&'static str, MentionRead); 3] =
        [("code", MentionRead::Code), ("hex", MentionRead::Hex), ("name", MentionRead::Name)];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().find(|(k, _)| *k == s).map(|(_, v)| *v)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, v)| *v == self).map_or("code", |(k, _)| k)
    }
}

/// How a family's codes are written in real output: a regular expression whose group `code`
/// captures a code, in a context that says the code is this family's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub regex: Text,
    pub read: MentionRead,
    /// The code every match stands for, when the context itself names it (a browser's
    /// "WebSocket connection to '...' failed" is 1006): then the expression needs no `code` group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub means: Option<Text>,
    /// An expression that, when it matches anywhere on the line, says the line is another
    /// protocol's (`SIP` for HTTP's `status=401`): the pattern then finds nothing there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unless: Option<Text>,
    /// Real-format lines the pattern must find a code in (checked by `whatcode check`).
    pub examples: TextList,
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
    /// A service manager or orchestrator that starts and watches processes (systemd, kubelet).
    Supervisor,
}

impl Sender {
    pub const ALL: [(&'static str, Sender); 10] = [
        ("server", Sender::Server),
        ("client", Sender::Client),
        ("peer", Sender::Peer),
        ("intermediary", Sender::Intermediary),
        ("library", Sender::Library),
        ("kernel", Sender::Kernel),
        ("process", Sender::Process),
        ("shell", Sender::Shell),
        ("resolver", Sender::Resolver),
        ("supervisor", Sender::Supervisor),
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
    /// What an unregistered code of this class means, if the family says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Text>,
    /// The id of the code an unregistered one of this class is treated as.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treat_as: Option<Text>,
}

/// A family of codes (HTTP, WebSocket, errno, ...) with what a reader needs to orient themselves.
#[derive(Clone, Debug, Serialize)]
pub struct Family {
    pub id: Text,
    pub aliases: TextList,
    pub name: Text,
    /// The tag shown in lists (the id or one of the aliases); see [`Family::tag`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    pub display: Display,
    pub negative: Negative,
    pub medium: Medium,
    /// Where the codes live, for comparisons across families ("HTTP application protocol").
    pub layer: Text,
    pub specs: TextList,
    pub number_space: Text,
    pub overview: Text,
    pub ranges: Cow<'static, [Range]>,
    pub standards: Cow<'static, [StandardLevel]>,
    pub mentions: Cow<'static, [Mention]>,
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

    /// The tag shown in lists and titles: `short` if given, else the shortest of the id and the
    /// aliases.
    pub fn tag(&self) -> &str {
        if let Some(short) = &self.short {
            return short;
        }
        std::iter::once(&self.id)
            .chain(self.aliases.iter())
            .min_by_key(|name| (name.len(), *name != &self.id))
            .map_or("", |s| s.as_ref())
    }

    /// The standard level with this id.
    pub fn standard(&self, id: &str) -> Option<&StandardLevel> {
        self.standards.iter().find(|l| l.id == id)
    }

    /// The value a typed number stands for in this family: itself, or what a negative number
    /// means under the family's [`Negative`] rule. `None` when it cannot be one of its codes.
    pub fn read_number(&self, n: i64) -> Option<i64> {
        if n < 0 { self.negative.read(n) } else { Some(n) }
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
    /// The family's standard level this code belongs to (an id of [`Family::standards`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<Text>,
    /// How often engineers meet it, 0 (rare) to 3 (every week): ranks equal search matches.
    pub commonness: u8,
    /// How to recognise it among its neighbours: the observable sign.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign: Option<Text>,
    /// For codes an application chooses to send: when to send this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_when: Option<Text>,
    /// Literal text that stands for this code wherever it appears in a log line.
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    pub says: TextList,
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
    pub sign: Option<Text>,
    pub use_when: Option<Text>,
    pub source: Option<Text>,
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

/// A family's words in another language: its name, layer, overview, number space, class labels
/// (in the order of its ranges) and standard levels (by id: label and meaning).
#[derive(Clone, Debug)]
pub struct TranslatedFamily {
    pub lang: &'static str,
    pub family: &'static str,
    pub name: Option<Text>,
    pub layer: Option<Text>,
    pub overview: Option<Text>,
    pub number_space: Option<Text>,
    pub range_labels: TextList,
    /// The ranges' `unknown` texts in the same order (empty where a range has none).
    pub range_unknown: TextList,
    pub standards: &'static [(&'static str, Text, Text)],
}

impl TranslatedFamily {
    /// Puts these words in place of the family's English ones, where there are some.
    pub fn apply(&self, f: &mut Family) {
        let set = |field: &mut Text, to: &Option<Text>| {
            if let Some(to) = to {
                *field = to.clone();
            }
        };
        set(&mut f.name, &self.name);
        set(&mut f.layer, &self.layer);
        set(&mut f.overview, &self.overview);
        set(&mut f.number_space, &self.number_space);
        if self.range_labels.len() == f.ranges.len() {
            for (range, label) in f.ranges.to_mut().iter_mut().zip(self.range_labels.iter()) {
                range.label = label.clone();
            }
        }
        if self.range_unknown.len() == f.ranges.len() {
            for (range, unknown) in f.ranges.to_mut().iter_mut().zip(self.range_unknown.iter()) {
                if range.unknown.is_some() && !unknown.is_empty() {
                    range.unknown = Some(unknown.clone());
                }
            }
        }
        for (id, label, means) in self.standards {
            if let Some(level) = f.standards.to_mut().iter_mut().find(|l| l.id == *id) {
                level.label = label.clone();
                level.means = means.clone();
            }
        }
    }
}
