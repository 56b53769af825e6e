//! A synthetic user catalogue of N codes with realistic names and text, for benchmarks. Shared by
//! `examples/gen_codes.rs` (files for the whole-process figures) and the criterion benches.
//! Deterministic: the same N always gives the same text.

use std::fmt::Write as _;

const AREAS: &[&str] = &[
    "Payment",
    "Inventory",
    "Checkout",
    "Shipping",
    "Account",
    "Session",
    "Catalog",
    "Search",
    "Invoice",
    "Refund",
    "Ledger",
    "Tenant",
    "Webhook",
    "Export",
    "Import",
    "Report",
    "Upload",
    "Media",
    "Notification",
    "Quota",
];
const THINGS: &[&str] = &[
    "Gateway",
    "Lock",
    "Token",
    "Index",
    "Queue",
    "Cache",
    "Batch",
    "Schema",
    "Mandate",
    "Reservation",
    "Snapshot",
    "Partition",
    "Credential",
    "Contract",
    "Signature",
    "Window",
    "Budget",
    "Stream",
    "Replica",
    "Worker",
];
const FAULTS: &[&str] = &[
    "Timeout",
    "Conflict",
    "Not Found",
    "Expired",
    "Rejected",
    "Unavailable",
    "Corrupted",
    "Too Large",
    "Locked",
    "Out Of Range",
    "Throttled",
    "Revoked",
    "Mismatch",
    "Stale",
    "Duplicate",
    "Forbidden",
    "Incomplete",
    "Overflow",
];
const CAUSES: &[&str] = &[
    "the upstream service answered after the deadline",
    "two writers updated the same record at once",
    "a configuration push left the old value cached",
    "the nightly batch held the lock longer than usual",
    "a client retried without an idempotency key",
    "the replica fell behind the primary",
    "a deploy rolled out a schema the reader did not know",
    "the tenant exceeded the plan's hourly quota",
];
const CHECKS: &[&str] = &[
    "Check the service dashboard for the same minute",
    "Search the request id in the gateway logs",
    "Compare the config version on the failing hosts",
    "Look for a deploy or a migration at that time",
    "Read the retry count in the client's log line",
    "Check the replica lag graph",
];

/// A small deterministic generator (xorshift), so the file is the same on every run.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

/// The TOML text of a user file with `n` codes, and each code's one-line form (`id  name  summary`).
pub fn generate(n: usize) -> (String, String) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut toml = String::with_capacity(n * 800);
    let mut lines = String::with_capacity(n * 130);
    toml.push_str(
        "[family]\nid = \"bigco\"\naliases = [\"big\"]\nname = \"BigCo platform error codes\"\ndisplay = \"decimal\"\n\
         specs = [\"BigCo error catalogue\"]\nnumber_space = \"100000 and up, by service\"\n\
         overview = \"Generated for benchmarks: a large company's error catalogue.\"\n\n",
    );
    for i in 0..n {
        let value = 100_000 + i;
        let (area, thing, fault) = (rng.pick(AREAS), rng.pick(THINGS), rng.pick(FAULTS));
        let name = format!("{area} {thing} {fault}");
        let constant = name.to_uppercase().replace(' ', "_");
        let cause = rng.pick(CAUSES);
        let (check1, check2) = (rng.pick(CHECKS), rng.pick(CHECKS));
        let summary = format!(
            "The {} service reports {} {}: {cause}.",
            area.to_lowercase(),
            thing.to_lowercase(),
            fault.to_lowercase()
        );
        let _ = write!(
            toml,
            "[[code]]\ncode = \"{value}\"\nvalue = {value}\nname = \"{name}\"\naliases = [\"BIG-{value}\", \"{constant}\"]\n\
             official = true\nsummary = \"{summary}\"\n\
             description = \"Raised by the {area} service when its {thing} step fails with {fault}. The request is not applied; the response carries the code and a request id.\"\n\
             when = \"Mostly when {cause}; bursts follow deploys of the {area} service.\"\n\
             fix = [\"{check1}.\", \"{check2}.\", \"Retry once with the same idempotency key.\"]\n\
             references = [\"BigCo error catalogue §{area}\"]\nrelated = [\"http/503\"]\nsent_by = [\"server\"]\nretry = \"maybe\"\n\n",
            area = area.to_lowercase(),
            thing = thing.to_lowercase(),
            fault = fault.to_lowercase(),
        );
        let _ = writeln!(lines, "bigco/{value}  {name}  {summary}");
    }
    (toml, lines)
}
