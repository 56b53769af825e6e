//! The real binary, as scripts and people use it: text, JSON, exit statuses, pipes.

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn whatcode() -> Command {
    let mut cmd = Command::cargo_bin("whatcode").expect("binary");
    cmd.env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml")
        .env("WHATCODE_CACHE_DIR", std::env::temp_dir().join(format!("whatcode-test-cache-{}", std::process::id())));
    cmd.env_remove("NO_COLOR").env("COLUMNS", "80").env("TERM", "xterm-256color");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = whatcode().args(args).output().expect("run");
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON")
}

#[test]
fn a_code_that_stands_out_prints_its_detail() {
    let out = stdout(&["1002"]);
    assert!(out.starts_with("websocket/1002  Protocol error\n"), "{out}");
    for heading in ["Description", "When you see it", "How to fix", "References", "Related"] {
        assert!(out.contains(&format!("\n{heading}\n")), "missing {heading}");
    }
}

#[test]
fn an_ambiguous_query_prints_a_ranked_list() {
    let out = stdout(&["gateway"]);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.starts_with("http/502 ") || first.starts_with("http/504 "), "{out}");
    assert!(out.lines().count() > 1);
}

#[test]
fn show_accepts_family_aliases_and_names() {
    assert!(stdout(&["show", "ws/1002"]).starts_with("websocket/1002  Protocol error"));
    assert!(stdout(&["show", "http/404"]).starts_with("http/404  Not Found"));
    assert!(stdout(&["show", "websocket/4001"]).starts_with("websocket/4000-4999"));
}

#[test]
fn show_json_has_the_contract_fields() {
    let v = json(&["show", "http/404", "--json"]);
    for field in [
        "id",
        "family",
        "code",
        "value",
        "name",
        "aliases",
        "official",
        "summary",
        "description",
        "when",
        "fix",
        "references",
        "related",
    ] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["id"], "http/404");
    assert_eq!(v["family"], "http");
    assert_eq!(v["code"], "404");
    assert_eq!(v["value"], 404);
    assert_eq!(v["official"], true);
    assert!(v["fix"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(v["references"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(v["related"].as_array().is_some_and(|a| a.iter().all(|r| r.as_str().is_some_and(|s| s.contains('/')))));
}

#[test]
fn search_json_is_a_ranked_array() {
    let v = json(&["search", "going away", "--json"]);
    let hits = v.as_array().expect("array");
    assert_eq!(hits[0]["id"], "websocket/1001");
    for field in ["id", "family", "code", "value", "name", "score"] {
        assert!(hits[0].get(field).is_some(), "missing {field}");
    }
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap_or(0)).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn search_limit() {
    let v = json(&["search", "http", "--limit", "3", "--json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(3));
    let all = json(&["search", "http", "--limit", "0", "--json"]);
    assert!(all.as_array().map_or(0, Vec::len) > 60);
}

#[test]
fn compare_json_has_both_sides_and_guidance() {
    let v = json(&["compare", "ws/1000", "ws/1002", "--json"]);
    assert_eq!(v["left"]["id"], "websocket/1000");
    assert_eq!(v["right"]["id"], "websocket/1002");
    assert!(v["differences"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(v["when_to_use"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn compare_text_has_the_sections() {
    let out = stdout(&["compare", "http/502", "http/504"]);
    assert!(out.contains("Key differences") && out.contains("When to use which"), "{out}");
}

#[test]
fn list_and_families() {
    let ws = json(&["list", "--family", "ws", "--json"]);
    let ws = ws.as_array().expect("array");
    assert!(ws.len() >= 23);
    assert!(ws.iter().all(|e| e["family"] == "websocket" && e.get("description").is_some()));
    let families = json(&["families", "--json"]);
    let ids: Vec<&str> = families.as_array().expect("array").iter().filter_map(|f| f["id"].as_str()).collect();
    assert!(ids.starts_with(&["http", "websocket"]), "{ids:?}");
    assert!(families[0]["count"].as_u64().unwrap_or(0) > 80);
    let overview = stdout(&["families", "ws"]);
    assert!(overview.contains("Overview") && overview.contains("4000"), "{overview}");
}

#[test]
fn no_match_exits_1_with_suggestions() {
    let out = whatcode().arg("zzqqxxjj").output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("no code matches 'zzqqxxjj'"), "{err}");
    let out = whatcode().args(["ws", "1020000"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Closest codes:") && err.contains("websocket/"), "{err}");
}

#[test]
fn unknown_ids_and_families() {
    let out = whatcode().args(["show", "http/999"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no code has the id 'http/999'"));
    let out = whatcode().args(["list", "--family", "nope"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_usage_exits_2() {
    whatcode().args(["show"]).assert().code(2);
    whatcode().args(["compare", "http/404"]).assert().code(2);
    whatcode().args(["--no-such-flag"]).assert().code(2);
}

#[test]
fn piped_output_has_no_escape_sequences() {
    for args in [&["1006"][..], &["compare", "ws/1001", "ws/1006"], &["families"], &["search", "refused"]] {
        let out = whatcode().args(args).output().expect("run");
        assert!(!out.stdout.contains(&0x1b), "{args:?} printed an escape sequence");
    }
}

#[test]
fn text_wraps_to_columns() {
    let out = whatcode().env("COLUMNS", "50").arg("1006").output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().all(|l| UnicodeWidthStr::width(l) <= 50), "{text}");
}

#[test]
fn no_arguments_without_a_terminal_prints_usage_and_families() {
    let out = whatcode().output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage:") && text.contains("websocket"), "{text}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("whatcode");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' list | head -1", bin.display()))
        .output()
        .expect("sh");
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn detail_text_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!("show_ws_1006", stdout(&["show", "ws/1006"]));
    insta::assert_snapshot!("compare_http_502_504", stdout(&["compare", "http/502", "http/504"]));
    insta::assert_snapshot!("search_ws_going", stdout(&["search", "ws", "going"]));
}

#[test]
fn version_prints_and_exits_0() {
    let out = stdout(&["--version"]);
    assert!(out.starts_with("whatcode "));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = stdout(&["completions", shell]);
        assert!(out.contains("whatcode") && out.contains("compare"), "{shell}");
    }
    let man = stdout(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH whatcode"), "{}", &man[..man.len().min(200)]);
    assert!(man.contains("compare"));
}

#[test]
fn markdown_format() {
    let md = stdout(&["show", "http/404", "--format", "markdown"]);
    assert!(md.starts_with("# http/404 Not Found\n"), "{md}");
    assert!(md.contains("\n## How to fix\n\n1. "), "{md}");
    let cmp = stdout(&["compare", "ws/1001", "ws/1006", "--format", "markdown"]);
    assert!(cmp.contains("## Key differences") && cmp.contains("## When to use which"));
    let list = stdout(&["search", "teapot", "--format", "markdown"]);
    assert!(list.starts_with("- `http/418` **(Unused)**"), "{list}");
    assert_eq!(stdout(&["show", "http/404", "--format", "json"]), stdout(&["show", "http/404", "--json"]));
}

#[test]
fn a_bad_config_warns_with_its_line_but_does_not_stop_the_cli() {
    let dir = std::env::temp_dir().join(format!("whatcode-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let config = dir.join("config.toml");
    std::fs::write(&config, "lang = \"ru\"\ntheme = \"neon\"\n").expect("write");
    let out =
        whatcode().env("WHATCODE_CONFIG", &config).env_remove("LANG").args(["show", "ws/1006"]).output().expect("run");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml:2: theme 'neon'"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Описание"), "lang from the config applies");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_picker_needs_a_terminal() {
    let out = whatcode().args(["tui", "--print"]).env("TERM", "dumb").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn negative_numbers_are_queries_without_a_double_dash() {
    assert!(stdout(&["-111"]).starts_with("errno/111  ECONNREFUSED"), "Node prints errno: -111");
    assert!(stdout(&["show", "-111"]).starts_with("errno/111  ECONNREFUSED"));
    let out = stdout(&["kill", "-9"]);
    assert!(out.lines().any(|l| l.starts_with("signal/9 ")), "{out}");
    assert!(stdout(&["search", "-111"]).contains("errno/111"));
}

#[test]
fn the_short_form_takes_every_flag_search_takes() {
    let all = stdout(&["4xx", "--limit", "0"]);
    assert!(!all.contains("more (use --limit"), "{all}");
    assert_eq!(all.lines().count(), stdout(&["search", "4xx", "--limit", "0"]).lines().count());
    assert_eq!(stdout(&["4xx", "--limit", "3"]).lines().filter(|l| l.starts_with("http/")).count(), 3);
}

#[test]
fn json_lists_every_hit_unless_limited() {
    let count = |args: &[&str]| json(args).as_array().map_or(0, Vec::len);
    let all = count(&["search", "4xx", "--json"]);
    assert!(all > 20, "{all} hits");
    assert_eq!(count(&["4xx", "--json"]), all);
    assert_eq!(count(&["search", "4xx", "--json", "--limit", "5"]), 5);
}

#[test]
fn a_bare_number_resolves_by_the_shared_family_then_family_order() {
    let out = stdout(&["compare", "502", "504"]);
    assert!(out.starts_with("http 502 Bad Gateway  vs  http 504 Gateway Timeout"), "{out}");
    let out = stdout(&["show", "502"]);
    assert!(out.starts_with("http/502  Bad Gateway"), "{out}");
    assert!(out.contains("502 is also a code in other families: smtp/502, ftp/502"), "{out}");
    let out = stdout(&["compare", "550", "530"]);
    assert!(out.starts_with("smtp 550"), "both are SMTP and FTP replies; SMTP comes first: {out}");
}

#[test]
fn an_unregistered_code_in_a_known_class_gets_its_class() {
    let out = stdout(&["show", "http/488"]);
    assert!(out.starts_with("http/488 is not a registered code."), "{out}");
    assert!(
        out.contains("Client error") && out.contains("Treat it as http/400") && out.contains("http/400  Bad Request")
    );
    let v = json(&["show", "http/488", "--json"]);
    assert_eq!(v["registered"], false);
    assert_eq!(v["treat_as"]["id"], "http/400");
}

#[test]
fn colour_follows_the_flag() {
    let coloured = stdout(&["search", "gateway", "--color", "always"]);
    assert!(coloured.contains("\x1b[1;33m"), "{coloured:?}");
    let plain = stdout(&["search", "gateway", "--color", "never"]);
    assert!(!plain.contains('\x1b'));
    assert!(stdout(&["show", "404", "--no-pager"]).starts_with("http/404"));
}

#[test]
fn the_man_page_is_whole_and_points_nowhere_else() {
    let page = stdout(&["man"]);
    assert!(page.contains(".SH NAME\nwhatcode \\- explain protocol and system codes, offline"), "{page}");
    for section in ["SYNOPSIS", "COMMANDS", "ENVIRONMENT", "FILES", "EXIT STATUS", "KEYS"] {
        assert!(page.contains(&format!(".SH {section}")), "no {section}");
    }
    assert!(!page.contains("whatcode\\-show(1)") && !page.contains("SEE ALSO"), "no references to missing pages");
}

#[test]
fn completions_offer_family_and_code_ids() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("http/404") && script.contains("websocket/1006"), "{shell}: code ids");
        assert!(script.contains("errno"), "{shell}: family ids");
    }
}

#[test]
fn check_reports_every_problem_of_a_file_at_once() {
    let dir = std::env::temp_dir().join(format!("whatcode-check-all-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("three.toml");
    std::fs::write(
        &file,
        "extends = \"http\"\n\n[[code]]\ncode = \"599\"\nvalue = 599\nname = \"A\"\nofficial = false\nsource = \"x\"\nsummary = \"s\"\n\n[[code]]\ncode = \"598\"\nvalue = \"598\"\nname = \"B\"\nofficial = true\nsummary = \"s\"\ndescription = \"d\"\nwhen = \"w\"\nfix = [\"f\"]\nreferences = [\"r\"]\nsent_by = [\"server\"]\nretry = \"no\"\ncolour = \"red\"\n",
    )
    .expect("write");
    let out = whatcode().args(["check"]).arg(&file).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    for expected in [
        "missing field 'description'",
        "missing field 'when'",
        "missing field 'fix'",
        "missing field 'references'",
        "missing field 'sent_by'",
        "missing field 'retry'",
        "field `value`: expected an integer, found text",
        "unknown field 'colour'",
    ] {
        assert!(err.contains(expected), "no '{expected}' in:\n{err}");
    }
    assert!(err.lines().all(|l| l.starts_with(&file.display().to_string())), "every problem names the file: {err}");
    let _ = std::fs::remove_dir_all(&dir);
}
