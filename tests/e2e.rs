//! End to end in a real pseudo-terminal: spawn the binary, read the screen through a terminal
//! emulator (vt100), type keys, check what a person would see, and that the terminal is left
//! clean on exit.

use std::io::Write;
use std::os::fd::RawFd;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

#[path = "support/pty_read.rs"]
mod pty_read;

const WAIT: Duration = Duration::from_secs(10);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The master side, read directly (no cloned reader), so dropping `master` really closes it.
    fd: RawFd,
    parser: vt100::Parser,
    /// Every byte the program wrote, for sequences the emulator does not keep (OSC 52).
    raw: Vec<u8>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_with_env(args, cols, rows, &[])
    }

    fn start_command(program: &str, args: &[&str], cols: u16, rows: u16) -> Session {
        Self::spawn(program, args, cols, rows, &[])
    }

    fn start_with_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Self::spawn(env!("CARGO_BIN_EXE_whatcode"), args, cols, rows, env)
    }

    fn spawn(program: &str, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml");
        cmd.env("WHATCODE_DATA_DIR", "/nonexistent/whatcode-test/data");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn whatcode");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("writer");
        let fd = pair.master.as_raw_fd().expect("master fd");
        Session { master: pair.master, writer, child, fd, parser: vt100::Parser::new(rows, cols, 0), raw: Vec::new() }
    }

    /// Feeds whatever the program wrote to the terminal emulator, waiting up to `wait` for the
    /// first bytes.
    fn pump(&mut self, wait: Duration) {
        let (parser, raw) = (&mut self.parser, &mut self.raw);
        pty_read::read_available(self.fd, wait.as_millis() as i32, &mut |bytes| {
            parser.process(bytes);
            raw.extend_from_slice(bytes);
        });
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until every text is on the screen at once.
    fn wait_for(&mut self, texts: &[&str]) {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(50));
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return;
            }
            assert!(start.elapsed() < WAIT, "timed out waiting for {texts:?}; screen:\n{screen}");
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Waits for the process to end, draining its output; returns the exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(50));
            if let Some(status) = self.child.try_wait().expect("wait") {
                self.pump(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(start.elapsed() < WAIT, "whatcode did not exit; screen:\n{}", self.screen());
        }
    }

    fn signal(&mut self, signal: i32) {
        let pid = self.child.process_id().expect("pid") as i32;
        // SAFETY: sending a signal to our own child process.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// The terminal is as the shell left it: main screen, cursor visible.
    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen:\n{}", self.screen());
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert!(!screen.bracketed_paste(), "bracketed paste still on");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture still on");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize");
        self.parser.screen_mut().set_size(rows, cols);
    }
}

const CTRL_C: &[u8] = b"\x03";
const CTRL_U: &[u8] = b"\x15";
const TAB: &[u8] = b"\t";
const ESC: &[u8] = b"\x1b";

#[test]
fn type_compare_and_quit_with_ctrl_c() {
    let mut s = Session::start(&[], 120, 36);
    s.wait_for(&["whatcode", "F1 help"]);
    assert!(s.parser.screen().alternate_screen(), "the browser draws on the alternate screen");
    s.send(b"1002");
    s.wait_for(&["Protocol error", "Description"]);
    s.send(TAB);
    s.send(CTRL_U);
    s.send(b"1000");
    s.wait_for(&["compare ws 1002 ⇄ ws 1000", "Normal Closure", "Protocol error"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.parser.screen().alternate_screen(), "left the alternate screen");
    assert!(!s.parser.screen().hide_cursor(), "cursor shown again");
}

#[test]
fn escape_steps_back_then_quits() {
    let mut s = Session::start(&["tui", "404"], 100, 30);
    s.wait_for(&["Not Found"]);
    s.send(ESC);
    s.wait_for(&["type a code"]);
    s.send(ESC);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn redraws_on_resize_and_says_when_too_small() {
    let mut s = Session::start(&["tui", "1006"], 100, 30);
    s.wait_for(&["Abnormal Closure"]);
    s.resize(30, 8);
    s.wait_for(&["too small"]);
    s.resize(90, 28);
    s.wait_for(&["Abnormal Closure"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn help_opens_with_question_mark() {
    let mut s = Session::start(&[], 100, 32);
    s.wait_for(&["F1 help"]);
    s.send(b"?");
    s.wait_for(&["Esc closes", "Anywhere"]);
    s.send(ESC);
    // A lone Esc is only known to be Esc when nothing follows it at once.
    std::thread::sleep(Duration::from_millis(150));
    s.pump(Duration::from_millis(100));
    assert!(!s.screen().contains("Esc closes"), "help closed:\n{}", s.screen());
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn signals_from_outside_restore_the_terminal_and_exit_128_plus_n() {
    for (signal, status) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129), (libc::SIGINT, 130)] {
        let mut s = Session::start(&["tui", "1006"], 100, 30);
        s.wait_for(&["Abnormal Closure"]);
        s.signal(signal);
        assert_eq!(s.wait_exit(), status, "signal {signal}");
        s.assert_restored();
    }
}

#[test]
fn a_panic_restores_the_terminal_then_explains() {
    let mut s = Session::start_with_env(&[], 100, 30, &[("WHATCODE_PANIC_TEST", "1")]);
    let status = s.wait_exit();
    assert_ne!(status, 0);
    s.assert_restored();
    let screen = s.screen();
    assert!(screen.contains("deliberate panic") && screen.contains("please report it"), "{screen}");
}

#[test]
fn a_closed_terminal_ends_the_process() {
    let mut s = Session::start(&["tui", "404"], 100, 30);
    s.wait_for(&["Not Found"]);
    let Session { master, writer, mut child, .. } = s;
    drop(writer);
    drop(master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < WAIT, "whatcode kept running after its terminal closed");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success(), "a lost terminal is not a normal quit");
}

#[test]
fn normal_quit_leaves_everything_restored() {
    let mut s = Session::start(&["tui", "404"], 100, 30);
    s.wait_for(&["Not Found"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn picker_mode_prints_the_chosen_id_on_stdout() {
    let out = std::env::temp_dir().join(format!("whatcode-pick-{}", std::process::id()));
    let command = format!("'{}' tui 1006 --print > '{}'", env!("CARGO_BIN_EXE_whatcode"), out.display());
    let mut s = Session::start_command("sh", &["-c", &command], 100, 30);
    s.wait_for(&["Abnormal Closure", "Enter pick"]);
    s.send(b"\r");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    assert_eq!(std::fs::read_to_string(&out).expect("output").trim(), "websocket/1006");
    let _ = std::fs::remove_file(&out);
}

#[test]
fn leaving_the_picker_without_a_choice_exits_130() {
    let mut s = Session::start(&["tui", "--print"], 100, 30);
    s.wait_for(&["Enter pick"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 130);
}

#[test]
fn alt_c_copies_with_osc_52() {
    let mut s = Session::start(&["tui", "404"], 100, 30);
    s.wait_for(&["Not Found"]);
    s.send(b"\x1bc");
    s.wait_for(&["Copied http/404 Not Found"]);
    let raw = String::from_utf8_lossy(&s.raw);
    // base64 of "http/404 Not Found"
    assert!(raw.contains("\x1b]52;c;aHR0cC80MDQgTm90IEZvdW5k\x07"), "no OSC 52 sequence");
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_mouse_is_off_unless_asked_for() {
    let mut s = Session::start(&["tui", "ws"], 100, 30);
    s.wait_for(&["Normal Closure"]);
    assert_eq!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start(&["tui", "ws", "--mouse"], 100, 30);
    s.wait_for(&["Normal Closure"]);
    assert_ne!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    // SGR click on the third row of the list (screen row 7, 1-based: 0-999, 1000, then 1001).
    s.send(b"\x1b[<0;5;7M\x1b[<0;5;7m");
    s.wait_for(&["1001  Going Away"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_bad_user_file_does_not_stop_the_browser() {
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad/11_bad_retry.toml");
    let mut s = Session::start(&["--data", bad, "tui", "404"], 120, 30);
    s.wait_for(&["Not Found", "left out: 1. F4 shows them"]);
    s.send(b"\x1bOS");
    s.wait_for(&["11_bad_retry.toml:19:1", "retry"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_pasted_log_line_lists_the_codes_it_mentions_first() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for(&["F1 help"]);
    // Bracketed paste, as a terminal sends a pasted line.
    s.send(b"\x1b[200~rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp 10.0.3.4:50051: connect: connection refused\"\x1b[201~");
    s.wait_for(&["grpc 14", "UNAVAILABLE", "errno 111", "ECONNREFUSED"]);
    let screen = s.screen();
    let grpc = screen.find("grpc 14").expect("grpc/14 listed");
    let errno = screen.find("errno 111").expect("errno/111 listed");
    assert!(grpc < errno, "in the order the line mentions them:\n{screen}");
    assert!(screen.contains("← code = Unavailable"), "the mention is shown:\n{screen}");
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_detail_is_a_place_to_walk_and_come_back_from() {
    let mut s = Session::start(&["tui", "http/502"], 120, 36);
    s.wait_for(&["502  Bad Gateway"]);
    s.send(b"\r");
    s.send(b"l");
    // The first related code is selected; Enter opens it.
    s.wait_for(&["▶"]);
    s.send(b"\r");
    // History now has a place to go back to.
    s.wait_for(&["Alt-← previous code"]);
    let opened = s.screen();
    assert!(!opened.contains("502  Bad Gateway"), "another code is open:\n{opened}");
    // Alt-← returns to http/502.
    s.send(b"\x1b[1;3D");
    // Back where the walk left: http/502, scrolled to its links, the first one chosen.
    s.wait_for(&["http 502 Bad Gateway ·", "▶"]);
    s.send(CTRL_C);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn one_esc_leaves_the_picker_with_130_even_with_a_query() {
    let mut s = Session::start(&["tui", "--print", "404"], 100, 30);
    s.wait_for(&["Not Found", "Enter pick"]);
    s.send(ESC);
    assert_eq!(s.wait_exit(), 130);
}
