//! Search ranking on the built-in catalog: the answers people expect come first.

use whatcode::catalog::Catalog;
use whatcode::search::{Matched, Pattern, Query, SearchIndex, Tier, search, standout};

fn ids(query: &str) -> Vec<String> {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    search(&catalog, &index, &Query::parse(query, &catalog)).iter().map(|h| catalog.entries()[h.index].id()).collect()
}

fn top(query: &str) -> String {
    ids(query).into_iter().next().unwrap_or_else(|| panic!("no hit for {query:?}"))
}

#[test]
fn exact_code_comes_first() {
    assert_eq!(top("1002"), "websocket/1002");
    assert_eq!(top("404"), "http/404");
    assert_eq!(top("499"), "http/499");
    assert_eq!(top("1006"), "websocket/1006");
}

#[test]
fn number_prefixes_follow_the_exact_code() {
    let hits = ids("100");
    assert_eq!(hits[0], "http/100");
    assert!(hits.contains(&"websocket/1000".to_string()), "{hits:?}");
    let pos_1000 = hits.iter().position(|h| h == "websocket/1000").unwrap();
    assert!(pos_1000 > 0);
}

#[test]
fn classes_select_a_block_of_numbers() {
    let hits = ids("http 4xx");
    assert!(hits.len() >= 29, "{}", hits.len());
    assert!(hits.iter().all(|h| h.starts_with("http/4")), "{hits:?}");
    let hits = ids("ws 10xx");
    assert!(hits.contains(&"websocket/1000".to_string()));
    assert!(hits.contains(&"websocket/1015".to_string()));
    assert!(hits.iter().all(|h| h.starts_with("websocket/10")), "{hits:?}");
    let five = ids("http 5xx");
    assert!(five.contains(&"http/503".to_string()) && five.contains(&"http/599".to_string()));
    assert!(five.iter().all(|h| h.starts_with("http/5")));
}

#[test]
fn family_words_filter() {
    assert_eq!(ids("ws 1002"), vec!["websocket/1002"]);
    assert_eq!(top("websocket going"), "websocket/1001");
    assert!(ids("ws").iter().all(|h| h.starts_with("websocket/")));
    assert_eq!(ids("ws/1006"), vec!["websocket/1006"]);
}

#[test]
fn names_and_aliases_rank_as_expected() {
    assert_eq!(top("too many requests"), "http/429");
    assert_eq!(top("going away"), "websocket/1001");
    assert_eq!(top("teapot"), "http/418");
    assert_eq!(top("I'm a teapot"), "http/418");
    assert_eq!(top("payload too large"), "http/413");
    assert_eq!(top("CLOSE_GOING_AWAY"), "websocket/1001");
    assert_eq!(top("close_normal"), "websocket/1000");
    assert_eq!(top("Not Found"), "http/404");
}

#[test]
fn search_is_case_insensitive() {
    assert_eq!(top("TOO MANY REQUESTS"), "http/429");
    assert_eq!(top("Going Away"), "websocket/1001");
}

#[test]
fn numbers_inside_a_range_entry_find_it() {
    assert_eq!(top("4001"), "websocket/4000-4999");
    assert_eq!(top("ws 2500"), "websocket/1016-2999");
    assert_eq!(top("3001"), "websocket/3000-3999");
    // A registered code beats the range that contains it.
    assert_eq!(top("3000"), "websocket/3000");
}

#[test]
fn empty_query_lists_everything_in_catalog_order() {
    let catalog = Catalog::builtin();
    let all = ids("");
    assert_eq!(all.len(), catalog.entries().len());
    assert_eq!(all[0], catalog.entries()[0].id());
    assert!(all[0].starts_with("http/"));
}

#[test]
fn fuzzy_matches_carry_positions_in_the_name() {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    let hits = search(&catalog, &index, &Query::parse("gatway", &catalog));
    let first = &hits[0];
    assert!(catalog.entries()[first.index].name.contains("Gateway"), "{}", catalog.entries()[first.index].name);
    assert_eq!(first.tier, Tier::FuzzyName);
    let Matched::Name(positions) = &first.matched else { panic!("{:?}", first.matched) };
    let name: Vec<char> = catalog.entries()[first.index].name.chars().collect();
    let matched: String = positions.iter().map(|&p| name[p].to_ascii_lowercase()).collect();
    assert_eq!(matched, "gatway");
}

#[test]
fn words_in_the_text_are_a_lower_tier() {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    let hits = search(&catalog, &index, &Query::parse("proxy_read_timeout", &catalog));
    assert!(!hits.is_empty());
    let ws = hits.iter().find(|h| catalog.entries()[h.index].id() == "websocket/1006").expect("1006 mentions it");
    assert_eq!(ws.tier, Tier::Text);
    let first_text = hits.iter().position(|h| h.tier == Tier::Text).unwrap_or(0);
    assert!(hits[first_text..].iter().all(|h| h.tier == Tier::Text), "text hits come last");
}

#[test]
fn query_parsing() {
    let catalog = Catalog::builtin();
    let q = Query::parse("ws 1002", &catalog);
    assert_eq!(q.family.as_deref(), Some("websocket"));
    assert_eq!(q.pattern, Pattern::Number { value: 1002, typed: "1002".into() });
    assert_eq!(
        Query::parse("http 5xx", &catalog).pattern,
        Pattern::Class { low: 500, high: 599, prefix: "5".into(), width: 3 }
    );
    assert_eq!(Query::parse("0x7", &catalog).pattern, Pattern::Number { value: 7, typed: "0x7".into() });
    assert_eq!(Query::parse("  ", &catalog).pattern, Pattern::Everything);
}

#[test]
fn standout_needs_a_unique_exact_answer() {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    let run = |q: &str| search(&catalog, &index, &Query::parse(q, &catalog));
    assert!(standout(&run("1002")).is_some());
    assert!(standout(&run("teapot")).is_some());
    assert!(standout(&run("gatway")).is_none(), "fuzzy hits never stand out");
    assert!(standout(&run("5xx")).is_none());
}

#[test]
fn errno_by_number_symbol_and_message_words() {
    assert_eq!(top("econnrefused"), "errno/111");
    assert_eq!(top("ECONNRESET"), "errno/104");
    assert_eq!(top("connection refused"), "errno/111");
    assert_eq!(top("errno 111"), "errno/111");
    assert_eq!(top("no such file or directory"), "errno/2");
}

#[test]
fn signals_by_name_short_name_and_number() {
    assert_eq!(top("SIGKILL"), "signal/9");
    assert_eq!(top("kill"), "signal/9");
    assert_eq!(top("sig 9"), "signal/9");
    assert_eq!(top("signal 15"), "signal/15");
}

#[test]
fn exit_137_explains_sigkill() {
    assert_eq!(top("137"), "exit/137");
    let catalog = Catalog::builtin();
    let e = &catalog.entries()[catalog.index_of_id("exit/137").expect("exit/137")];
    assert!(e.description.contains("SIGKILL") || e.summary.contains("SIGKILL"));
    assert!(format!("{}{}", e.description, e.when).contains("OOM"));
}

#[test]
fn hex_families_by_hex_decimal_and_name() {
    assert_eq!(top("0x7"), "http2/0x7");
    assert_eq!(top("h2 7"), "http2/0x7");
    assert_eq!(top("REFUSED_STREAM"), "http2/0x7");
    assert_eq!(top("h3 0x10b"), "http3/0x10b");
    assert_eq!(top("quic 0x128"), "quic/0x100-0x1ff");
}

#[test]
fn other_families_by_name() {
    assert_eq!(top("DEADLINE_EXCEEDED"), "grpc/4");
    assert_eq!(top("deadline exceeded"), "grpc/4");
    assert_eq!(top("nxdomain"), "dns/3");
    assert_eq!(top("handshake_failure"), "tls/40");
    assert_eq!(top("smtp 550"), "smtp/550");
    assert_eq!(top("ftp 530"), "ftp/530");
}

/// The browser's word index and the CLI's plain scan answer every text query alike, including
/// words with punctuation inside (which the index only narrows down) and words with none to index.
#[test]
fn word_index_and_scan_agree() {
    let catalog = Catalog::builtin();
    let indexed = SearchIndex::new(&catalog);
    let scanned = SearchIndex::one_shot();
    for query in [
        "connection",
        "going away",
        "going-away",
        "e.g",
        "x/y",
        "http/1.1",
        "keep-alive",
        "retry-after",
        "tls.handshake",
        "!!",
        "👩‍💻",
        "co",
        "proxy timeout",
        "a.b.c",
        "RST_STREAM",
        "ws:/",
    ] {
        let q = Query::parse(query, &catalog);
        let a: Vec<(usize, Tier, i64)> =
            search(&catalog, &indexed, &q).iter().map(|h| (h.index, h.tier, h.inner)).collect();
        let b: Vec<(usize, Tier, i64)> =
            search(&catalog, &scanned, &q).iter().map(|h| (h.index, h.tier, h.inner)).collect();
        assert_eq!(a, b, "{query:?}");
    }
    // The punctuated word is found, through the index, where the text has it.
    assert!(!search(&catalog, &indexed, &Query::parse("http/1.1", &catalog)).is_empty());
}

/// The searches the issues name, for the new families: each leads to its entry first.
#[test]
fn the_new_families_are_found_the_way_people_type_them() {
    for (query, id) in [
        ("23505", "sqlstate/23505"),
        ("UniqueViolation", "sqlstate/23505"),
        ("UniqueViolationError", "sqlstate/23505"),
        ("duplicate key value violates unique constraint", "sqlstate/23505"),
        ("sqlstate 23xxx", "sqlstate/23000"),
        ("class 23", "sqlstate/23000"),
        ("ERROR 1062 (23000)", "mysql/1062"),
        ("CrashLoopBackOff", "k8s/CrashLoopBackOff"),
        ("-1073741819", "windows/0xC0000005"),
        ("-2147024891", "windows/0x80070005"),
        ("0xc0000005", "windows/0xC0000005"),
        ("C0000005", "windows/0xC0000005"),
        ("80070005", "windows/0x80070005"),
        ("WSAECONNRESET", "windows/10054"),
        ("STATUS_ACCESS_VIOLATION", "windows/0xC0000005"),
        ("status=203/EXEC", "exit/203"),
        ("5.7.1", "smtp-enhanced/X.7.1"),
        ("4.7.1", "smtp-enhanced/X.7.1"),
        ("curl 60", "curl/60"),
        ("curl: (60)", "curl/60"),
        ("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "x509/20"),
        ("unable to get local issuer certificate", "x509/20"),
        ("ldap 49", "ldap/49"),
        ("52e", "ldap/52e"),
        ("connack 5", "mqtt/connack-5"),
        ("mqtt 135", "mqtt/0x87"),
        ("invalid_grant", "oauth/invalid_grant"),
        ("EAI_AGAIN", "gai/-3"),
        ("MOVED", "redis/MOVED"),
        ("NOT_LEADER_OR_FOLLOWER", "kafka/6"),
    ] {
        assert_eq!(top(query), id, "{query}");
    }
}

#[test]
fn exact_words_beat_scattered_letters_and_common_codes_come_first() {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    let ids = |q: &str| -> Vec<String> {
        search(&catalog, &index, &Query::parse(q, &catalog)).iter().map(|h| catalog.at(h.index).id()).collect()
    };
    let position = |q: &str, id: &str| ids(q).iter().position(|i| i == id).unwrap_or(usize::MAX);
    // A loose letter-by-letter match in a long name no longer beats codes that name the words.
    assert!(position("RST_STREAM", "ftp/452") > position("RST_STREAM", "http2/0x7"));
    assert!(position("refused", "grpc/14") < position("refused", "smtp/538"));
    assert!(position("refused", "errno/111") < 10, "{:?}", &ids("refused")[..10]);
    // `timeout` names many codes: it lists them instead of answering with one.
    assert!(standout(&search(&catalog, &index, &Query::parse("timeout", &catalog))).is_none());
    assert!(position("timeout", "http/504") < 5, "{:?}", &ids("timeout")[..10]);
}

#[test]
fn a_family_and_a_code_is_a_query_not_a_log_line() {
    let catalog = Catalog::builtin();
    for query in ["ws 1002", "http 5xx", "errno 111"] {
        assert!(!whatcode::search::Query::parse(query, &catalog).looks_like_a_line(), "{query}");
    }
    for line in ["connection refused", "exit code 137", "status=502"] {
        assert!(whatcode::search::Query::parse(line, &catalog).looks_like_a_line(), "{line}");
    }
}
