//! Figures measured from outside the process, in a real pseudo-terminal: time to the first full
//! frame, time from a keystroke to the frame that shows its result, CPU used while idle, and memory
//! while a key is held down. Used by `benches/run.sh`; see BENCHMARKS.md.
//!
//!   cargo run --release --example pty_bench -- BINARY [first-frame|keystroke|paste|first-query|idle|held-key] [ARGS...]

use std::io::Write;
use std::os::fd::RawFd;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

#[path = "../tests/support/pty_read.rs"]
mod pty_read;

struct Term {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    fd: RawFd,
    parser: vt100::Parser,
}

impl Term {
    fn start(binary: &str, args: &[String]) -> Term {
        let pair =
            native_pty_system().openpty(PtySize { rows: 40, cols: 140, pixel_width: 0, pixel_height: 0 }).expect("pty");
        let binary = std::fs::canonicalize(binary).expect("the binary exists");
        let mut cmd = CommandBuilder::new(binary);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("WHATCODE_CONFIG", "/nonexistent");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("writer");
        let fd = pair.master.as_raw_fd().expect("fd");
        Term { _master: pair.master, writer, child, fd, parser: vt100::Parser::new(40, 140, 0) }
    }

    fn pump(&mut self, wait_ms: i32) {
        let parser = &mut self.parser;
        pty_read::read_available(self.fd, wait_ms, &mut |bytes| parser.process(bytes));
    }

    /// Waits until every text is on screen; returns when it was first seen.
    fn until(&mut self, texts: &[&str]) -> Instant {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.pump(1);
            let screen = self.parser.screen().contents();
            if texts.iter().all(|t| screen.contains(t)) {
                return Instant::now();
            }
            assert!(Instant::now() < deadline, "never saw {texts:?}:\n{screen}");
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write");
        self.writer.flush().expect("flush");
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    fn quit(mut self) {
        self.send(b"\x03");
        let _ = self.child.wait();
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// CPU seconds (user + system) a process has used, from /proc.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap_or(0.0) + fields[12].parse::<f64>().unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    ticks / unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (binary, what, extra) = (&args[0], args[1].as_str(), &args[2..]);
    match what {
        "first-frame" => {
            let mut runs = Vec::new();
            for _ in 0..21 {
                let start = Instant::now();
                let mut term = Term::start(binary, extra);
                let seen = term.until(&["1/", "Ctrl-C"]);
                runs.push((seen - start).as_secs_f64() * 1000.0);
                term.quit();
            }
            println!("first frame: median {:.1} ms over {} launches", median(runs), 21);
        }
        "keystroke" => {
            // extra: [data args...] QUERY_PREFIX LAST_CHAR EXPECT_AFTER EXPECT_BEFORE
            let n = extra.len();
            let (data, prefix, last, after, before) =
                (&extra[..n - 4], &extra[n - 4], &extra[n - 3], &extra[n - 2], &extra[n - 1]);
            let mut term = Term::start(binary, data);
            term.until(&["Ctrl-C"]);
            term.send(prefix.as_bytes());
            term.until(&[before]);
            let mut runs = Vec::new();
            for _ in 0..40 {
                let start = Instant::now();
                term.send(last.as_bytes());
                runs.push((term.until(&[after]) - start).as_secs_f64() * 1000.0);
                let start = Instant::now();
                term.send(b"\x7f");
                runs.push((term.until(&[before]) - start).as_secs_f64() * 1000.0);
            }
            println!("keystroke to frame: median {:.2} ms over {} keystrokes", median(runs.clone()), runs.len());
            term.quit();
        }
        "paste" => {
            // extra: [data args...] LINE EXPECT: a log line pasted (bracketed paste) into the
            // search bar, timed to the frame that lists the codes it mentions; Ctrl-U clears it.
            let n = extra.len();
            let (data, line, expect) = (&extra[..n - 2], &extra[n - 2], &extra[n - 1]);
            let mut term = Term::start(binary, data);
            term.until(&["Ctrl-C"]);
            let mut runs = Vec::new();
            for _ in 0..40 {
                let start = Instant::now();
                term.send(format!("\x1b[200~{line}\x1b[201~").as_bytes());
                runs.push((term.until(&[expect]) - start).as_secs_f64() * 1000.0);
                term.send(b"\x15");
                term.until(&["type a code"]);
            }
            println!("paste to frame: median {:.2} ms over {} pastes", median(runs.clone()), runs.len());
            term.quit();
        }
        "first-query" => {
            // extra: [data args...] QUERY EXPECT: a fresh browser, then a whole query typed at
            // once (pasted), timed to the frame showing its result. The first query of a session
            // may pay for building the search index.
            let n = extra.len();
            let (data, query, expect) = (&extra[..n - 2], &extra[n - 2], &extra[n - 1]);
            let mut runs = Vec::new();
            for _ in 0..11 {
                let mut term = Term::start(binary, data);
                term.until(&["Ctrl-C"]);
                let start = Instant::now();
                term.send(query.as_bytes());
                runs.push((term.until(&[expect]) - start).as_secs_f64() * 1000.0);
                term.quit();
            }
            println!("first query to frame: median {:.1} ms over {} launches", median(runs), 11);
        }
        "idle" => {
            let mut term = Term::start(binary, extra);
            term.until(&["Ctrl-C"]);
            std::thread::sleep(Duration::from_millis(500));
            let before = cpu_seconds(term.pid());
            std::thread::sleep(Duration::from_secs(10));
            let used = cpu_seconds(term.pid()) - before;
            println!("idle: {:.3} s of CPU in 10 s ({:.2}%)", used, used / 10.0 * 100.0);
            term.quit();
        }
        "held-key" => {
            let mut term = Term::start(binary, extra);
            term.until(&["Ctrl-C"]);
            let pid = term.pid();
            let mut samples = Vec::new();
            let start = Instant::now();
            let mut next_sample = Duration::ZERO;
            let mut down = true;
            let mut sent = 0;
            // A held key repeats about 30 times a second; go down and back up the list for a minute.
            while start.elapsed() < Duration::from_secs(60) {
                if start.elapsed() >= next_sample {
                    samples.push((start.elapsed().as_secs(), rss_kib(pid)));
                    next_sample += Duration::from_secs(10);
                }
                term.send(if down { b"\x1b[B" } else { b"\x1b[A" });
                sent += 1;
                if sent % 300 == 0 {
                    down = !down;
                }
                term.pump(0);
                std::thread::sleep(Duration::from_millis(33));
            }
            samples.push((60, rss_kib(pid)));
            let shown: Vec<String> =
                samples.iter().map(|(t, kib)| format!("{t}s {:.1} MiB", *kib as f64 / 1024.0)).collect();
            println!("held key ({sent} presses in 60 s), resident memory: {}", shown.join(", "));
            term.quit();
        }
        other => panic!("unknown measurement {other}"),
    }
}
