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
    // The built-in rules (`whatcode check --strict`): layer, aliases, related, sign, standard
    // levels, enough text, fix steps.
    let problems = whatcode::catalog::validate::strict(&catalog, &[]);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
    );
    for e in catalog.entries() {
        let id = e.id();
        assert!(!e.summary.ends_with(' '), "{id}: summary");
        let names: HashSet<String> = e.aliases.iter().map(|a| a.to_lowercase()).collect();
        assert_eq!(names.len(), e.aliases.len(), "{id}: duplicate aliases");
        assert!(!names.contains(&e.name.to_lowercase()), "{id}: an alias repeats the name");
    }
}

#[test]
fn every_built_in_code_says_how_common_it_is() {
    // A missing `commonness` reads as 1, so it is checked in the files themselves.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    for entry in std::fs::read_dir(&dir).expect("assets").filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let raw: whatcode::catalog::schema::RawFile = toml::from_str(&text).expect("parses");
        for code in raw.code {
            let code = code.into_inner();
            assert!(code.commonness.is_some(), "{}: {} has no commonness", path.display(), code.code);
        }
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
        (1002, "Protocol error"),
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
    assert!(notes.len() >= 60, "{} notes", notes.len());
    assert!(cross >= 15, "{cross} cross-family notes");
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

#[test]
fn equivalents_are_mutual() {
    // Same meaning in another family is symmetric: if A lists B in `equivalents`, B lists A.
    let catalog = catalog();
    let mut one_way = Vec::new();
    for e in catalog.entries() {
        let id = e.id();
        for target in e.equivalents.iter() {
            let Some(i) = catalog.index_of_id(target) else {
                one_way.push(format!("{id} -> {target}: no such id"));
                continue;
            };
            if !catalog.entries()[i].equivalents.iter().any(|back| *back == id) {
                one_way.push(format!("{id} -> {target}, but {target} does not list {id}"));
            }
        }
    }
    assert!(one_way.is_empty(), "{} one-way equivalents:\n{}", one_way.len(), one_way.join("\n"));
}

/// The ids a family must have, by registry.
fn assert_has(catalog: &Catalog, family: &str, codes: &[&str]) {
    for code in codes {
        entry(catalog, &format!("{family}/{code}"));
    }
}

#[test]
fn grpc_has_every_status_with_canonical_names() {
    let catalog = catalog();
    let names = [
        "OK",
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
        "UNAUTHENTICATED",
    ];
    for (value, name) in names.iter().enumerate() {
        assert_eq!(entry(&catalog, &format!("grpc/{value}")).name, *name);
    }
    // gRPC's own HTTP mapping, both ways where it is standard.
    assert!(entry(&catalog, "grpc/14").equivalents.iter().any(|e| e == "http/503"));
    assert!(entry(&catalog, "grpc/4").equivalents.iter().any(|e| e == "http/504"));
}

#[test]
fn errno_covers_linux_1_to_133_except_the_gaps() {
    let catalog = catalog();
    for value in (1..=133).filter(|v| *v != 41 && *v != 58) {
        let e = entry(&catalog, &format!("errno/{value}"));
        assert!(e.message.is_some(), "errno/{value} has its C library message");
    }
    assert!(catalog.index_of_id("errno/41").is_none() && catalog.index_of_id("errno/58").is_none());
}

#[test]
fn signals_1_to_31_with_actions_and_exit_links() {
    let catalog = catalog();
    for value in 1..=31 {
        let e = entry(&catalog, &format!("signal/{value}"));
        assert!(e.default_action.is_some() && e.catchable.is_some(), "signal/{value}");
    }
    assert_eq!(entry(&catalog, "signal/9").catchable, Some(false));
    assert_eq!(entry(&catalog, "signal/19").catchable, Some(false));
    assert_eq!(entry(&catalog, "signal/15").catchable, Some(true));
    for (exit, signal) in [(130, 2), (134, 6), (137, 9), (139, 11), (141, 13), (143, 15)] {
        let e = entry(&catalog, &format!("exit/{exit}"));
        assert!(e.equivalents.iter().any(|x| *x == format!("signal/{signal}")), "exit/{exit} ↔ signal/{signal}");
    }
}

#[test]
fn exit_statuses_include_shell_and_sysexits() {
    let catalog = catalog();
    let mut codes: Vec<String> = ["0", "1", "2", "126", "127", "128", "130", "134", "137", "139", "141", "143", "255"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    codes.extend((64..=78).map(|v| v.to_string()));
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    assert_has(&catalog, "exit", &codes);
    assert_eq!(entry(&catalog, "exit/64").name, "EX_USAGE");
}

#[test]
fn dns_rcodes_0_to_23() {
    let catalog = catalog();
    assert_has(
        &catalog,
        "dns",
        &[
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12-15", "16", "17", "18", "19", "20", "21",
            "22", "23",
        ],
    );
    let sixteen = entry(&catalog, "dns/16");
    assert!(sixteen.name.contains("BADVERS") && sixteen.name.contains("BADSIG"));
    assert_eq!(entry(&catalog, "dns/3").name.to_uppercase(), "NXDOMAIN");
}

#[test]
fn http2_http3_and_quic_are_complete_and_hex() {
    let catalog = catalog();
    let h2: Vec<String> = (0..=0xd).map(|v| format!("0x{v:x}")).collect();
    assert_has(&catalog, "http2", &h2.iter().map(String::as_str).collect::<Vec<_>>());
    let mut h3: Vec<String> = (0x100..=0x110).map(|v| format!("0x{v:x}")).collect();
    h3.extend(["0x200", "0x201", "0x202", "0x33"].map(String::from));
    assert_has(&catalog, "http3", &h3.iter().map(String::as_str).collect::<Vec<_>>());
    let mut quic: Vec<String> = (0..=0x11).map(|v| format!("0x{v:x}")).collect();
    quic.push("0x100-0x1ff".into());
    assert_has(&catalog, "quic", &quic.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(entry(&catalog, "http2/0x7").name, "REFUSED_STREAM");
    assert_eq!(entry(&catalog, "http3/0x100").name, "H3_NO_ERROR");
    assert_eq!(entry(&catalog, "quic/0x11").name, "VERSION_NEGOTIATION_ERROR");
}

#[test]
fn tls_alerts_of_the_registry() {
    let catalog = catalog();
    let alerts = [
        (0, "close_notify"),
        (10, "unexpected_message"),
        (20, "bad_record_mac"),
        (21, "decryption_failed_RESERVED"),
        (22, "record_overflow"),
        (30, "decompression_failure_RESERVED"),
        (40, "handshake_failure"),
        (41, "no_certificate_RESERVED"),
        (42, "bad_certificate"),
        (43, "unsupported_certificate"),
        (44, "certificate_revoked"),
        (45, "certificate_expired"),
        (46, "certificate_unknown"),
        (47, "illegal_parameter"),
        (48, "unknown_ca"),
        (49, "access_denied"),
        (50, "decode_error"),
        (51, "decrypt_error"),
        (52, "too_many_cids_requested"),
        (60, "export_restriction_RESERVED"),
        (70, "protocol_version"),
        (71, "insufficient_security"),
        (80, "internal_error"),
        (86, "inappropriate_fallback"),
        (90, "user_canceled"),
        (100, "no_renegotiation_RESERVED"),
        (109, "missing_extension"),
        (110, "unsupported_extension"),
        (111, "certificate_unobtainable_RESERVED"),
        (112, "unrecognized_name"),
        (113, "bad_certificate_status_response"),
        (114, "bad_certificate_hash_value_RESERVED"),
        (115, "unknown_psk_identity"),
        (116, "certificate_required"),
        (117, "general_error"),
        (120, "no_application_protocol"),
        (121, "ech_required"),
    ];
    for (value, name) in alerts {
        assert_eq!(entry(&catalog, &format!("tls/{value}")).name, name, "tls/{value}");
    }
}

#[test]
fn smtp_and_ftp_cover_their_rfc_replies() {
    let catalog = catalog();
    assert_has(
        &catalog,
        "smtp",
        &[
            "211", "214", "220", "221", "250", "251", "252", "354", "421", "450", "451", "452", "455", "500", "501",
            "502", "503", "504", "550", "551", "552", "553", "554", "555",
        ],
    );
    assert_has(
        &catalog,
        "ftp",
        &[
            "110", "120", "125", "150", "200", "202", "211", "212", "213", "214", "215", "220", "221", "225", "226",
            "227", "229", "230", "250", "257", "331", "332", "350", "421", "425", "426", "450", "451", "452", "500",
            "501", "502", "503", "504", "522", "530", "532", "550", "551", "552", "553",
        ],
    );
}

/// Every text a reader sees for an entry: name, aliases, summary, description, sign, use_when,
/// when, fix steps, says and message (not the ids in related/equivalents or the references).
fn reader_text(e: &CodeEntry) -> String {
    let mut parts: Vec<&str> = vec![&e.name, &e.summary, &e.description, &e.when];
    parts.extend(e.aliases.iter().map(|s| s.as_ref()));
    parts.extend(e.fix.iter().map(|s| s.as_ref()));
    parts.extend(e.says.iter().map(|s| s.as_ref()));
    parts.extend([&e.sign, &e.use_when, &e.message].into_iter().filter_map(|s| s.as_deref()));
    parts.join("\n")
}

// Regression tests for findings of a past audit of the built-in data.

#[test]
fn audit_tls_116_does_not_say_nginx_logs_496() {
    // The audit found "nginx logs 496" for a missing client certificate; nginx turns its internal
    // 496 into a 400 before logging, and the text may say exactly that.
    let catalog = catalog();
    let text = reader_text(entry(&catalog, "tls/116")).to_lowercase();
    for wrong in ["logged as 496", "logs 496", "logs a 496", "returns 496", "sends 496", "responds with 496"] {
        assert!(!text.contains(wrong), "tls/116 says {wrong:?}:\n{text}");
    }
}

#[test]
fn audit_exit_69_is_not_retried() {
    let catalog = catalog();
    assert_eq!(entry(&catalog, "exit/69").retry, whatcode::catalog::Retry::No);
}

#[test]
fn audit_errno_119_is_not_called_unused() {
    let catalog = catalog();
    let text = reader_text(entry(&catalog, "errno/119"));
    assert!(!text.to_lowercase().contains("unused"), "errno/119 says unused:\n{text}");
}

#[test]
fn audit_http_499_is_never_sent() {
    let catalog = catalog();
    assert!(entry(&catalog, "http/499").never_sent);
}

#[test]
fn audit_websocket_1012_gives_the_5_to_30_s_reconnect_delay() {
    let catalog = catalog();
    let text = reader_text(entry(&catalog, "websocket/1012"));
    assert!(text.contains("reconnect"), "websocket/1012 does not speak of reconnecting:\n{text}");
    assert!(text.contains("5–30 s"), "websocket/1012 does not give the 5–30 s delay:\n{text}");
}

#[test]
fn audit_http_421_is_not_called_cacheable_by_default() {
    // RFC 9110 dropped RFC 7540's "cacheable by default" for 421; the text may only mention it as
    // what the older RFC said.
    let catalog = catalog();
    let text = reader_text(entry(&catalog, "http/421"));
    for (at, _) in text.match_indices("cacheable by default") {
        let before = &text[text.floor_char_boundary(at.saturating_sub(40))..at];
        assert!(before.contains("RFC 7540"), "http/421 calls itself cacheable by default:\n{text}");
    }
}
