//! User code files: loading, overriding, and every way a file can be wrong. Bad files get a
//! clear message naming file, line and field, exit 2, and never a panic or a hang.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn whatcode() -> Command {
    let mut cmd = Command::cargo_bin("whatcode").expect("binary");
    cmd.env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml")
        .env("WHATCODE_CACHE_DIR", std::env::temp_dir().join(format!("whatcode-test-cache-{}", std::process::id())));
    // Never read the developer's own data folder in tests.
    cmd.env("WHATCODE_DATA_DIR", "/nonexistent/whatcode-test").env("COLUMNS", "100").env_remove("NO_COLOR");
    cmd
}

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path)
}

/// Each malformed file: where the problem is (line, field) and words of the reason.
const BAD: &[(&str, Option<usize>, Option<&str>, &str)] = &[
    ("01_syntax.toml", Some(9), Some("code"), "invalid basic string"),
    ("02_value_not_integer.toml", Some(10), Some("value"), "expected an integer"),
    ("03_official_not_bool.toml", Some(12), Some("official"), "expected true or false"),
    ("04_missing_name.toml", Some(8), Some("name"), "missing field 'name'"),
    ("05_no_family.toml", Some(1), Some("extends"), "say which family"),
    ("06_unknown_family.toml", Some(1), Some("extends"), "no family is called 'nope'"),
    ("07_duplicate_code.toml", Some(20), Some("code"), "defined twice in this file"),
    ("08_redefines_builtin.toml", Some(2), Some("code"), "add overrides = true"),
    ("09_overrides_nothing.toml", Some(2), Some("overrides"), "nothing to override"),
    ("10_unknown_field.toml", Some(20), Some("nmae"), "unknown field"),
    ("11_bad_retry.toml", Some(19), Some("retry"), "'sometimes' is not one of"),
    ("12_bad_sender.toml", Some(18), Some("sent_by"), "'martians' is not one of"),
    ("13_bad_display.toml", Some(4), Some("display"), "is not one of decimal, hex, mixed, text"),
    ("14_value_too_large.toml", Some(10), Some("value"), "too large"),
    ("15_negative_value.toml", Some(10), Some("value"), "must not be negative"),
    ("16_code_not_as_displayed.toml", Some(9), Some("code"), "expected '1'"),
    ("17_unknown_related.toml", Some(20), Some("related"), "'http/9999' is not a known id"),
    ("18_equivalent_in_same_family.toml", Some(32), Some("equivalents"), "same family"),
    ("19_unofficial_without_source.toml", Some(8), Some("source"), "must say who uses it"),
    ("20_empty_summary.toml", Some(13), Some("summary"), "must not be empty"),
    ("21_summary_too_long.toml", Some(13), Some("summary"), "at most 160"),
    ("22_range_ends_before_start.toml", Some(20), Some("end"), "must end after"),
    ("23_family_redefined.toml", Some(1), Some("id"), "already exists"),
    ("24_family_and_extends.toml", Some(1), Some("extends"), "not both"),
    ("25_compare_unknown_code.toml", Some(22), Some("b"), "'demo/77' is not a known id"),
    ("26_empty.toml", None, None, "the file is empty"),
    ("27_comments_only.toml", None, None, "nothing to load"),
    ("28_bad_signal_action.toml", Some(20), Some("default_action"), "expected one of Term"),
    ("29_fix_not_a_list.toml", Some(16), Some("fix"), "expected a list of texts"),
    ("30_deeply_nested.toml", Some(1), None, "recursion"),
    ("31_invalid_utf8.toml", Some(10), None, "not valid UTF-8"),
    ("32_binary.toml", Some(1), None, "not valid UTF-8"),
    ("33_ranges_cross.toml", Some(14), Some("range"), "overlaps range 1 ('Low', 1..49)"),
];

#[test]
fn every_malformed_file_gets_a_located_reason_and_is_left_out_alone() {
    let dir = data("bad");
    let on_disk = std::fs::read_dir(&dir).expect("corpus").count();
    assert_eq!(on_disk, BAD.len(), "every file of tests/data/bad has an expectation");
    for (name, line, field, reason) in BAD {
        let path = dir.join(name);
        let out = whatcode().arg("check").arg(&path).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        let mut prefix = path.display().to_string();
        if let Some(line) = line {
            prefix.push_str(&format!(":{line}:"));
        }
        assert!(err.starts_with(&prefix), "{name}: expected {prefix}…, got {err}");
        if let Some(field) = field {
            assert!(err.contains(&format!("field `{field}`")), "{name}: no field {field} in {err}");
        }
        assert!(err.contains(reason), "{name}: no '{reason}' in {err}");
        // The same file given with --data is left out with the same message on stderr, and the
        // built-in data still answers.
        let out = whatcode().arg("--data").arg(&path).arg("404").output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{name} with --data");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(reason) && err.contains("left out"), "{name} with --data: {err}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Not Found"), "{name} with --data");
    }
}

#[test]
fn files_that_are_not_files_are_refused_without_hanging() {
    let dir = std::env::temp_dir().join(format!("whatcode-special-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("folder.toml")).expect("temp dir");
    let huge = dir.join("huge.toml");
    let file = std::fs::File::create(&huge).expect("huge file");
    file.set_len(50 * 1024 * 1024).expect("50 MB");
    let fifo = dir.join("fifo.toml");
    let fifo_c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: mkfifo with a valid NUL-terminated path.
    unsafe { libc::mkfifo(fifo_c.as_ptr(), 0o600) };
    let dangling = dir.join("dangling.toml");
    let _ = std::os::unix::fs::symlink(dir.join("missing-target.toml"), &dangling);
    let cases = [
        (dir.join("folder.toml"), "is a directory"),
        (huge, "NUL"), // 50 MB of zero bytes: read, then refused as text, quickly
        (fifo, "not a regular file"),
        (dangling, "cannot read"),
        (dir.join("does-not-exist.toml"), "cannot read"),
    ];
    for (path, reason) in cases {
        let out = whatcode().arg("check").arg(&path).timeout(std::time::Duration::from_secs(20)).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        let reason = if reason == "NUL" { "" } else { reason };
        assert!(err.contains(reason), "{}: {err}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreadable_file_is_reported() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // root reads any file whatever its mode; the "cannot read" path is covered by the other cases.
        return;
    }
    let path = std::env::temp_dir().join(format!("whatcode-unreadable-{}.toml", std::process::id()));
    std::fs::write(&path, "extends = \"http\"\n").expect("write");
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o000)).expect("chmod");
    let out = whatcode().arg("check").arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn good_files_check_clean_and_extend_or_override() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/acme-api.toml");
    let extends = data("good/extends-http.toml");
    whatcode().arg("check").arg(&example).arg(&extends).assert().code(0);
    let out = whatcode().arg("--data").arg(&example).args(["show", "acme/1001"]).output().expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("acme/1001  Invalid API Key"));
    let out = whatcode().arg("--data").arg(&extends).args(["show", "http/599", "--json"]).output().expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["name"], "Internal Proxy Timeout", "overrides = true replaced the built-in 599");
    let out = whatcode().arg("--data").arg(&extends).args(["list", "--family", "http"]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let order: Vec<&str> = text.lines().filter_map(|l| l.split_whitespace().next()).collect();
    let (i590, i598) = (order.iter().position(|i| *i == "http/590"), order.iter().position(|i| *i == "http/598"));
    assert!(i590 < i598 && i590.is_some(), "user codes are sorted into their family");
}

#[test]
fn the_data_folder_is_loaded_unless_told_not_to() {
    let dir = std::env::temp_dir().join(format!("whatcode-datadir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/acme-api.toml"), dir.join("acme.toml"))
        .expect("copy");
    let mut cmd = whatcode();
    cmd.env("WHATCODE_DATA_DIR", &dir).args(["show", "acme/2001"]).assert().success();
    let mut cmd = whatcode();
    cmd.env("WHATCODE_DATA_DIR", &dir).args(["--no-user-data", "show", "acme/2001"]).assert().code(2);
    let mut cmd = whatcode();
    cmd.env_remove("WHATCODE_DATA_DIR").env("XDG_DATA_HOME", dir.parent().expect("parent"));
    // $XDG_DATA_HOME/whatcode is the folder when WHATCODE_DATA_DIR is unset.
    let xdg = dir.parent().expect("parent").join("whatcode");
    let _ = std::fs::create_dir_all(&xdg);
    let _ = std::fs::copy(dir.join("acme.toml"), xdg.join("acme-xdg-test.toml"));
    cmd.args(["show", "acme/1002"]).assert().success();
    let _ = std::fs::remove_file(xdg.join("acme-xdg-test.toml"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let hostile = data("hostile.toml");
    let family = data("hostile-family.toml");
    let cache = std::env::temp_dir().join(format!("whatcode-hostile-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    // Twice: parsed, then from the cache (where the evil family's codes are read in place).
    for _ in 0..2 {
        for args in [
            &["show", "http/591"][..],
            &["search", "evil"],
            &["compare", "http/591", "http/500"],
            &["list", "--family", "http"],
            &["show", "evil/1"],
            &["compare", "evil/1", "evil/2"],
            &["families", "evil"],
            &["list", "--family", "evil"],
            &["--format", "markdown", "show", "evil/1"],
        ] {
            let out = whatcode()
                .env("WHATCODE_CACHE_DIR", &cache)
                .arg("--data")
                .arg(&hostile)
                .arg("--data")
                .arg(&family)
                .args(args)
                .output()
                .expect("run");
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            let text = String::from_utf8(out.stdout).expect("utf-8");
            let bad: Vec<char> = text.chars().filter(|c| whatcode::sanitize::is_hostile(*c)).collect();
            assert!(bad.is_empty(), "{args:?} printed control characters {bad:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&cache);
    let out = whatcode().arg("--data").arg(&hostile).args(["show", "http/591", "--json"]).output().expect("run");
    let raw = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!raw.bytes().any(|b| b == 0x1b || b == 0x07), "JSON escapes control characters");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert!(v["name"].as_str().is_some_and(|n| n.contains('\u{1b}')), "JSON keeps the data, escaped");
}

#[test]
fn a_cached_file_gives_exactly_what_parsing_gave() {
    let cache = std::env::temp_dir().join(format!("whatcode-cache-equality-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    // Three kinds of cached file: one that adds to and overrides a built-in family (its codes
    // are built and placed), one with a family of its own (read in place from the cache), and
    // one that slots into and overrides that user family (which then has to be built too).
    let extension = data("good/extends-acme.toml").to_string_lossy().into_owned();
    let run = |args: &[&str], with_extension: bool| {
        let out = whatcode()
            .env("WHATCODE_CACHE_DIR", &cache)
            .arg("--data")
            .arg(data("good/extends-http.toml"))
            .arg("--data")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/acme-api.toml"))
            .args(with_extension.then_some(["--data", &extension]).into_iter().flatten())
            .args(args)
            .output()
            .expect("run");
        assert!(out.status.success());
        out.stdout
    };
    let commands = [
        &["list", "--json"][..],
        &["show", "acme/1001"],
        &["compare", "acme/1001", "acme/1002", "--json"],
        &["search", "acme", "--json"],
        &["search", "upstream", "--limit", "50"],
        &["2001", "--json"],
        &["families", "acme", "--json"],
        &["search", "2001"],
    ];
    for extended in [false, true] {
        for args in commands {
            let _ = std::fs::remove_dir_all(&cache);
            let parsed = run(args, extended);
            assert!(cache.exists(), "the first run wrote the cache");
            let cached = run(args, extended);
            assert_eq!(String::from_utf8_lossy(&parsed), String::from_utf8_lossy(&cached), "{args:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&cache);
}
