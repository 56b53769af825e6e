//! `whatcode scan` on the real binary: its outputs, exit statuses like grep's, streaming, and
//! hostile input.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn whatcode() -> Command {
    let mut cmd = Command::cargo_bin("whatcode").expect("binary");
    cmd.env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml")
        .env("WHATCODE_DATA_DIR", "/nonexistent/whatcode-test/data")
        .env("WHATCODE_CACHE_DIR", std::env::temp_dir().join(format!("whatcode-scan-cache-{}", std::process::id())))
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100");
    cmd
}

const LOG: &str = "\
2026/12/03 10:12:01 [error] 31#31: *1042 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1
request 8812 took 1002 ms (user_id=404, port 5432)
rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.0.3.4:50051: connect: connection refused\"
10.0.0.7 - - [03/Dec/2026:10:12:05 +0000] \"GET /api HTTP/1.1\" 502 157 \"-\" \"curl/8.5.0\"
Process finished with exit code 139 (interrupted by signal 11:SIGSEGV)
";

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("whatcode-scan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[test]
fn json_lines_have_the_contract_fields_and_find_every_code_in_context() {
    let out = whatcode().args(["scan", "--json"]).write_stdin(LOG).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let found = json_lines(&out.stdout);
    for f in &found {
        for field in ["line", "start", "end", "match", "id", "family", "code", "name"] {
            assert!(f.get(field).is_some(), "no {field} in {f}");
        }
        assert!(f.get("file").is_none(), "no file on standard input");
    }
    let ids: Vec<(u64, &str)> =
        found.iter().map(|f| (f["line"].as_u64().unwrap_or(0), f["id"].as_str().unwrap_or(""))).collect();
    assert_eq!(
        ids,
        vec![(1, "errno/111"), (3, "grpc/14"), (3, "errno/111"), (4, "http/502"), (5, "exit/139"), (5, "signal/11"),],
        "line 2 is full of numbers that are not codes"
    );
    let first = &found[0];
    let line = LOG.lines().next().unwrap_or_default();
    let (start, end) = (first["start"].as_u64().unwrap_or(0) as usize, first["end"].as_u64().unwrap_or(0) as usize);
    assert_eq!(&line[start..end], first["match"].as_str().unwrap_or(""), "start and end are byte offsets of the match");
}

#[test]
fn the_summary_counts_codes_most_frequent_first() {
    let log = format!("{LOG}{LOG}HTTP/1.1 502 Bad Gateway\n");
    let path = temp_file("summary.log", &log);
    let out = whatcode().args(["scan", "--summary"]).arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert!(text.starts_with("codes found: 5 · lines that mention them: 9 of 11 · "), "{text}");
    assert!(rows[0].contains("errno/111") && rows[0].trim_start().starts_with('4'), "{text}");
    assert!(rows.iter().any(|r| r.contains("http/502") && r.contains("4–11")), "first and last line: {text}");
    assert!(rows.iter().any(|r| r.contains("grpc/14") && r.contains("UNAVAILABLE")), "{text}");
}

#[test]
fn annotate_passes_the_input_through_with_notes_under_lines() {
    let out = whatcode().args(["scan", "--annotate"]).write_stdin(LOG).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], LOG.lines().next().unwrap_or_default(), "the line itself, unchanged");
    assert!(lines[1].contains("↳ errno/111 ECONNREFUSED"), "{text}");
    let input: Vec<&str> = LOG.lines().collect();
    let passed: Vec<&str> = lines.iter().filter(|l| !l.trim_start().starts_with('↳')).copied().collect();
    assert_eq!(passed, input, "every input line, in order");
}

#[test]
fn exit_status_is_like_grep() {
    let none = whatcode().args(["scan"]).write_stdin("nothing here but 1002 ms\n").output().expect("run");
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let good = temp_file("good.log", "HTTP/1.1 503 Service Unavailable\n");
    let out =
        whatcode().args(["scan", "--json", "/nonexistent/whatcode/missing.log"]).arg(&good).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "an unreadable file is an error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/whatcode/missing.log"), "the file is named: {err}");
    let found = json_lines(&out.stdout);
    assert_eq!(found.len(), 1, "the other file is still scanned");
    assert_eq!(found[0]["id"], "http/503");
    assert!(
        found[0]["file"].as_str().is_some_and(|f| f.ends_with("good.log")),
        "several files: each finding names its file"
    );
}

#[test]
fn a_pipe_gets_one_line_per_finding_by_default() {
    let out = whatcode().args(["scan"]).write_stdin(LOG).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().next().is_some_and(|l| l.starts_with("1: errno/111 ECONNREFUSED: ")), "{text}");
    assert_eq!(text.lines().count(), 6);
}

/// The binary running with its standard streams as pipes the test holds, for tests that talk to it
/// while it runs.
fn spawned(args: &[&str]) -> std::process::Child {
    Process::new(env!("CARGO_BIN_EXE_whatcode"))
        .args(args)
        .env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml")
        .env("WHATCODE_DATA_DIR", "/nonexistent/whatcode-test/data")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn")
}

#[test]
fn findings_stream_before_the_input_ends() {
    let mut child = spawned(&["scan", "--json"]);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    stdin.write_all(b"HTTP/1.1 429 Too Many Requests\n").expect("write");
    stdin.flush().expect("flush");
    // The input stays open: the finding must arrive anyway.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let start = Instant::now();
    let line = rx.recv_timeout(Duration::from_secs(20)).expect("a finding before the input ended");
    assert!(line.contains("\"id\":\"http/429\""), "{line}");
    assert!(start.elapsed() < Duration::from_secs(20));
    drop(stdin);
    assert_eq!(child.wait().expect("wait").code(), Some(0));
}

/// `tail -f app.log | whatcode scan --annotate | head -2`: when the reader closes the output, the
/// scan ends quietly, and its status says whether it had found something (like grep's).
#[test]
fn a_closed_output_ends_the_scan_with_the_status_of_what_was_found() {
    for (first, status) in [("HTTP/1.1 429 Too Many Requests\n", 0), ("nothing to see here\n", 1)] {
        let mut child = spawned(&["scan", "--annotate"]);
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdin.write_all(first.as_bytes()).expect("write");
        stdin.flush().expect("flush");
        let mut line = String::new();
        stdout.read_line(&mut line).expect("the first line passes through");
        assert_eq!(line, first);
        drop(stdout);
        // More input, with no codes, until whatcode finds its output closed.
        for _ in 0..1000 {
            if stdin.write_all(b"plain line\n").and_then(|()| stdin.flush()).is_err() {
                break;
            }
        }
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(status), "{first:?}");
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn hostile_input_never_reaches_the_output_raw_except_when_passed_through() {
    let hostile =
        "HTTP/1.1 503 \x1b]52;c;SGVsbG8=\x07\x1b[2J Service Unavailable\n\x00\x01\x02 binary \u{202e}gnp.exe\n";
    for view in [&["scan", "--summary"][..], &["scan"][..], &["scan", "--json"][..]] {
        let out = whatcode().args(view).write_stdin(hostile).output().expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{202e}'), "{view:?}: {text:?}");
    }
    // --annotate passes the input through unchanged to a pipe (a file, another program).
    let out = whatcode().args(["scan", "--annotate"]).write_stdin(hostile).output().expect("run");
    assert!(out.stdout.starts_with(hostile.lines().next().unwrap_or_default().as_bytes()));
}

#[test]
fn a_user_family_brings_its_own_mentions() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/acme-api.toml");
    let out = whatcode()
        .args(["--data", example, "scan", "--json"])
        .write_stdin("gateway said ACME-1001 for tenant 7\n")
        .output()
        .expect("run");
    let found = json_lines(&out.stdout);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["id"], "acme/1001");
}

#[test]
fn endless_lines_and_invalid_utf8_do_not_stop_the_scan() {
    let mut input = vec![b'x'; 300_000];
    input.extend_from_slice(b" HTTP/1.1 404 Not Found \xff\xfe\n");
    input.extend_from_slice(b"\xc3\x28 exit code 137\n");
    let out = whatcode().args(["scan", "--json"]).write_stdin(input).output().expect("run");
    let ids: Vec<String> = json_lines(&out.stdout).iter().map(|f| f["id"].as_str().unwrap_or("").to_string()).collect();
    assert!(ids.contains(&"exit/137".to_string()), "{ids:?}");
}
