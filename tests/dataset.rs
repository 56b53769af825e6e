//! The whole built-in dataset is validated here: consistent, complete against the registries, and
//! in agreement with well-kept libraries where one carries the same numbers.

use std::collections::HashSet;

use whatcode::catalog::validate::validate;
use whatcode::catalog::{Catalog, CodeEntry};

fn catalog() -> Catalog {
    Catalog::builtin()
}

fn entry<'a>(catalog: &'a Catalog, id: &str) -> &'a CodeEntry {
    let i = catalog.index_of_id(id).unwrap_or_else(|| panic!("{id} is missing"));
    &catalog.entries()[i]
}

#[test]
fn the_dataset_is_consistent() {
    let problems = validate(&catalog());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_built_in_entry_is_complete() {
    let catalog = catalog();
    for e in catalog.entries() {
        let id = e.id();
        assert!(!e.aliases.is_empty(), "{id}: aliases");
        assert!(!e.related.is_empty(), "{id}: related");
        let is_error = e.retry != whatcode::catalog::Retry::NotApplicable;
        assert!(!is_error || e.fix.len() >= 2, "{id}: an error needs ordered fix steps");
        assert!(e.description.len() >= 80, "{id}: description is too thin");
        assert!(e.when.len() >= 60, "{id}: when is too thin");
        assert!(!e.summary.ends_with(' '), "{id}: summary");
        let names: HashSet<String> = e.aliases.iter().map(|a| a.to_lowercase()).collect();
        assert_eq!(names.len(), e.aliases.len(), "{id}: duplicate aliases");
    }
}

#[test]
fn every_family_has_an_overview_and_codes() {
    let catalog = catalog();
    for f in catalog.families() {
        let count = catalog.entries().iter().filter(|e| e.family == f.id).count();
        assert!(count > 0, "{} has no codes", f.id);
        assert!(f.overview.len() > 200, "{}: overview is too thin", f.id);
    }
}

#[test]
fn family_names_do_not_collide() {
    let catalog = catalog();
    let mut seen = HashSet::new();
    for f in catalog.families() {
        for name in std::iter::once(&f.id).chain(f.aliases.iter().filter(|a| **a != f.id)) {
            assert!(seen.insert(name.to_lowercase()), "'{name}' names two families");
        }
    }
}

/// Every code of the IANA HTTP Status Code Registry, with its RFC 9110 (or registry) name.
const HTTP_REGISTRY: &[(i64, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (104, "Upload Resumption Supported"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (306, "(Unused)"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "(Unused)"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended (OBSOLETED)"),
    (511, "Network Authentication Required"),
];

#[test]
fn http_covers_the_iana_registry_with_current_names() {
    let catalog = catalog();
    for (value, name) in HTTP_REGISTRY {
        let e = entry(&catalog, &format!("http/{value}"));
        assert_eq!(e.name, *name, "http/{value}");
        assert!(e.official, "http/{value} is in the registry");
    }
    let teapot = entry(&catalog, "http/418");
    assert!(teapot.aliases.iter().any(|a| a.eq_ignore_ascii_case("I'm a teapot")));
    assert!(entry(&catalog, "http/413").aliases.iter().any(|a| a == "Payload Too Large"));
    assert!(entry(&catalog, "http/422").aliases.iter().any(|a| a == "Unprocessable Entity"));
}

#[test]
fn http_non_standard_codes_are_marked_with_who_uses_them() {
    let catalog = catalog();
    let expected = [
        (444, "nginx"),
        (494, "nginx"),
        (495, "nginx"),
        (496, "nginx"),
        (497, "nginx"),
        (499, "nginx"),
        (520, "Cloudflare"),
        (521, "Cloudflare"),
        (522, "Cloudflare"),
        (523, "Cloudflare"),
        (524, "Cloudflare"),
        (525, "Cloudflare"),
        (526, "Cloudflare"),
        (527, "Cloudflare"),
        (530, "Cloudflare"),
        (460, "AWS"),
        (463, "AWS"),
        (464, "AWS"),
        (561, "AWS"),
        (440, "Microsoft"),
        (449, "Microsoft"),
        (419, "Laravel"),
        (420, "Twitter"),
        (498, "ArcGIS"),
        (509, ""),
        (529, ""),
        (598, ""),
        (599, ""),
    ];
    for (value, who) in expected {
        let e = entry(&catalog, &format!("http/{value}"));
        assert!(!e.official, "http/{value} is not in the registry");
        let source = e.source.as_deref().unwrap_or_default();
        assert!(source.contains(who), "http/{value}: source {source:?} should name {who}");
    }
}

#[test]
fn websocket_covers_rfc_6455_iana_and_the_ranges() {
    let catalog = catalog();
    let names = [
        (1000, "Normal Closure"),
        (1001, "Going Away"),
        (1002, "Protocol Error"),
        (1003, "Unsupported Data"),
        (1005, "No Status Rcvd"),
        (1006, "Abnormal Closure"),
        (1007, "Invalid Frame Payload Data"),
        (1008, "Policy Violation"),
        (1009, "Message Too Big"),
        (1010, "Mandatory Ext."),
        (1011, "Internal Error"),
        (1012, "Service Restart"),
        (1013, "Try Again Later"),
        (1014, "Bad Gateway"),
        (1015, "TLS Handshake"),
    ];
    for (value, name) in names {
        assert_eq!(
            entry(&catalog, &format!("websocket/{value}")).name.to_lowercase(),
            name.to_lowercase(),
            "websocket/{value}"
        );
    }
    entry(&catalog, "websocket/1004");
    for id in [
        "websocket/3000",
        "websocket/3003",
        "websocket/3008",
        "websocket/0-999",
        "websocket/1016-2999",
        "websocket/3000-3999",
        "websocket/4000-4999",
    ] {
        entry(&catalog, id);
    }
    for value in [1005, 1006, 1015] {
        assert!(
            entry(&catalog, &format!("websocket/{value}")).never_sent,
            "websocket/{value} must be marked never sent"
        );
    }
    assert!(!entry(&catalog, "websocket/1000").never_sent);
}

#[test]
fn curated_compare_notes_are_plenty() {
    let catalog = catalog();
    let notes = catalog.notes();
    let cross = notes.iter().filter(|n| n.a.split('/').next() != n.b.split('/').next()).count();
    assert!(notes.len() >= 20, "{} notes", notes.len());
    assert!(cross >= 2, "{cross} cross-family notes");
}

#[test]
fn equivalents_are_mutual_or_explained_by_family_direction() {
    // Cross-family links must at least land in another family and resolve (checked by validate);
    // here: no entry lists the same equivalent twice.
    let catalog = catalog();
    for e in catalog.entries() {
        let set: HashSet<&str> = e.equivalents.iter().map(|s| s.as_ref()).collect();
        assert_eq!(set.len(), e.equivalents.len(), "{}: duplicate equivalents", e.id());
    }
}
