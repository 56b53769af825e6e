//! Every user-facing word of the interface, in one place, so wording stays consistent between the
//! CLI and the TUI (and a second language is one more table, not a hunt through the code).

use crate::catalog::{Retry, Sender};

/// Section headings of a detail view, in display order.
pub const DESCRIPTION: &str = "Description";
pub const WHEN: &str = "When you see it";
pub const FIX: &str = "How to fix";
pub const REFERENCES: &str = "References";
pub const RELATED: &str = "Related";
pub const EQUIVALENTS: &str = "Equivalents in other families";
pub const DIFFERENCES: &str = "Key differences";
pub const WHEN_TO_USE: &str = "When to use which";
pub const OVERVIEW: &str = "Overview";
pub const NUMBER_SPACE: &str = "Number space";
pub const SPECS: &str = "Defined by";

/// Labels of the facts line.
pub const FAMILY: &str = "Family";
pub const CLASS: &str = "Class";
pub const SENT_BY: &str = "Sent by";
pub const RETRY: &str = "Retry";
pub const MESSAGE: &str = "C library message";
pub const DEFAULT_ACTION: &str = "Default action";
pub const CATCHABLE: &str = "Can be caught";
pub const OFFICIAL: &str = "in the official registry";
pub const YES: &str = "yes";
pub const NO: &str = "no";

/// Shown on codes reserved for local reporting (WebSocket 1005, 1006, 1015; nginx 444, 494-497).
pub const NEVER_SENT: &str =
    "NEVER SENT ON THE WIRE: this number is only reported or logged locally; the other side never receives it.";

pub fn unofficial(source: &str) -> String {
    format!("Non-standard: used by {source}")
}

pub fn retry(r: Retry) -> &'static str {
    match r {
        Retry::NotApplicable => "not an error; nothing to retry",
        Retry::No => "no: the same request fails again until something changes",
        Retry::Maybe => "maybe: the cause can be transient",
        Retry::Yes => "yes, with backoff",
    }
}

pub fn sender(s: Sender) -> &'static str {
    match s {
        Sender::Server => "the server",
        Sender::Client => "the client",
        Sender::Peer => "either endpoint",
        Sender::Intermediary => "a proxy, gateway, CDN or load balancer",
        Sender::Library => "your own library or runtime, locally",
        Sender::Kernel => "the kernel",
        Sender::Process => "a process",
        Sender::Shell => "the shell",
        Sender::Resolver => "a DNS server or resolver",
    }
}

pub fn senders(list: &[Sender]) -> String {
    list.iter().map(|s| sender(*s)).collect::<Vec<_>>().join(" or ")
}

// Computed differences between two codes (compare mode).
pub fn diff_family(a: &str, fa: &str, b: &str, fb: &str) -> String {
    format!("Different families: {a} is one of the {fa}; {b} is one of the {fb}.")
}
pub fn diff_class(a: &str, ca: &str, b: &str, cb: &str) -> String {
    format!("Class: {a} is {ca}; {b} is {cb}.")
}
pub fn diff_sender(a: &str, sa: &str, b: &str, sb: &str) -> String {
    format!("Who produces it: {a} comes from {sa}; {b} from {sb}.")
}
pub fn diff_retry(a: &str, ra: &str, b: &str, rb: &str) -> String {
    format!("Retrying: for {a}, {ra}; for {b}, {rb}.")
}
pub fn diff_never_sent(local: &str, wire: &str) -> String {
    format!("{local} never travels on the wire (your library reports it locally); {wire} is really sent by a peer.")
}
pub fn diff_official(unofficial: &str, source: &str, official: &str) -> String {
    format!("{unofficial} is non-standard (used by {source}); {official} is in the official registry.")
}
pub fn diff_signal(a: &str, da: &str, b: &str, db: &str) -> String {
    format!("Default action: {a} {da}; {b} {db}.")
}
pub fn diff_catchable(uncatchable: &str, catchable: &str) -> String {
    format!("{uncatchable} cannot be caught, blocked or ignored; {catchable} can be handled by the process.")
}
pub const DIFF_NONE: &str =
    "Same family, class, sender and retry behaviour: the difference is in the meaning; read both descriptions.";
pub fn same_code(a: &str) -> String {
    format!("{a} compared with itself: pick another code to compare.")
}
pub fn when_to_use_fallback(a: &str, sa: &str, b: &str, sb: &str) -> String {
    format!("No hand-written note for this pair yet; tell them apart by what each one means. {a}: {sa} {b}: {sb}")
}

// CLI messages.
pub fn no_match(query: &str) -> String {
    format!("no code matches '{query}'")
}
pub const SUGGESTIONS: &str = "Closest codes:";
pub fn unknown_id(id: &str) -> String {
    format!("no code has the id '{id}' (ids look like http/404, ws/1006, errno/ECONNREFUSED)")
}
pub fn ambiguous(query: &str) -> String {
    format!("'{query}' matches more than one code; use an id such as http/404")
}
pub fn unknown_family(id: &str) -> String {
    format!("no family is called '{id}' (see `whatcode families`)")
}
