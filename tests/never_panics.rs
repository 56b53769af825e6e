//! Property tests: no sequence of actions, keys, pastes or terminal sizes makes the app panic,
//! and nothing drawn ever contains a raw control character; no log text makes the scanner panic,
//! and a block of lines finds what each of its lines finds alone.
//!
//! `cargo test` runs a quick slice. The long run (10^6 cases per property: about 40 minutes on two
//! cores for the browser's, measured; the scanner's took 13 s for 30,000 cases, so about 7 more
//! minutes) is:
//!   PROPTEST_CASES=1000000 cargo test --release --test never_panics
//! (see README: "Long-running checks").

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use whatcode::action::Action;
use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::sanitize::is_hostile;
use whatcode::theme::Theme;
use whatcode::tui::handle;

/// Text that tends to break terminals: controls, escapes, emoji, RTL, combining marks, wide CJK.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        proptest::collection::vec(
            prop_oneof![
                Just("\u{1b}[2J".to_string()),
                Just("\u{202e}".to_string()),
                Just("👩‍💻".to_string()),
                Just("e\u{301}\u{302}\u{303}".to_string()),
                Just("שלום".to_string()),
                Just("錯誤コード".to_string()),
                Just("\u{7f}\u{85}\u{9b}".to_string()),
                Just("\n\r\t".to_string()),
                "[a-z0-9 ]{1,5}",
            ],
            0..20
        )
        .prop_map(|v| v.concat()),
        (1usize..30_000).prop_map(|n| "x".repeat(n)),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => any::<char>().prop_map(Action::InsertChar),
        4 => "[a-z0-9 /]".prop_map(|s| Action::InsertChar(s.chars().next().unwrap_or('a'))),
        1 => nasty_text().prop_map(Action::Paste),
        1 => Just(Action::DeleteChar),
        1 => Just(Action::DeleteWord),
        1 => Just(Action::ClearQuery),
        2 => Just(Action::SelectNext),
        1 => Just(Action::SelectPrevious),
        1 => Just(Action::SelectPageDown),
        1 => Just(Action::SelectPageUp),
        1 => Just(Action::SelectFirst),
        1 => Just(Action::SelectLast),
        1 => Just(Action::ScrollDetailDown),
        1 => Just(Action::ScrollDetailUp),
        1 => Just(Action::ScrollDetailPageDown),
        1 => Just(Action::ScrollDetailPageUp),
        2 => Just(Action::ToggleCompare),
        1 => Just(Action::ToggleOverview),
        1 => Just(Action::ToggleHelp),
        1 => Just(Action::Back),
    ]
}

fn key() -> impl Strategy<Value = Event> {
    let code = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        (1u8..13).prop_map(KeyCode::F),
    ];
    let mods = (0u8..16).prop_map(KeyModifiers::from_bits_truncate);
    (code, mods).prop_map(|(code, mods)| Event::Key(KeyEvent::new(code, mods)))
}

/// Draws the app into a buffer of the given size (the same `Widget::render` a terminal frame
/// calls) and checks the frame has no control characters in it. One buffer per thread is reused,
/// so the long run measures the app rather than the allocator.
fn draw_clean(app: &App, width: u16, height: u16) -> Result<(), TestCaseError> {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    use std::cell::RefCell;
    thread_local! {
        static BUFFER: RefCell<Buffer> = RefCell::new(Buffer::empty(Rect::ZERO));
    }
    BUFFER.with_borrow_mut(|buffer| {
        let area = Rect::new(0, 0, width, height);
        buffer.resize(area);
        buffer.reset();
        app.render(area, buffer);
        for cell in &buffer.content {
            prop_assert!(!cell.symbol().chars().any(is_hostile), "control character drawn: {:?}", cell.symbol());
        }
        Ok(())
    })
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![(1u16..=500, 1u16..=200), (1u16..=60, 1u16..=15), (40u16..=140, 10u16..=50)]
}

/// A fresh app over the built-in catalogue, or over one with user codes (`user_data`), sharing one
/// search index per catalogue between cases (building its word index once instead of once per
/// case is what makes the long run affordable).
fn fresh_app(theme: Theme, user_data: bool) -> App {
    use std::sync::{Arc, OnceLock};
    use whatcode::search::SearchIndex;
    static INDEXES: [OnceLock<Arc<SearchIndex>>; 2] = [OnceLock::new(), OnceLock::new()];
    let catalog = if user_data { user_catalog().clone() } else { Catalog::builtin() };
    let index = INDEXES[usize::from(user_data)].get_or_init(|| Arc::new(SearchIndex::new(&catalog))).clone();
    App::new(catalog, theme).with_index(index)
}

/// The built-in catalogue with hostile user codes of both kinds: parsed ones that join HTTP, and a
/// family of their own replayed from the cache and read in place, as on every run after the first.
fn user_catalog() -> &'static Catalog {
    use std::path::Path;
    use std::sync::OnceLock;
    use whatcode::catalog::{cache, user};
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut catalog = Catalog::builtin();
        let hostile = data.join("hostile.toml");
        user::add_source(&mut catalog, &hostile, &user::read(&hostile).expect("read")).expect("valid");
        let dir = std::env::temp_dir().join(format!("whatcode-never-panics-{}", std::process::id()));
        for file in [
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/acme-api.toml"),
            data.join("hostile-family.toml"),
        ] {
            let mut parsed = catalog.clone();
            let contribution = user::add_source(&mut parsed, &file, &user::read(&file).expect("read")).expect("valid");
            let key = cache::key(&file, 0).expect("key");
            cache::store(&dir, &file, key, &parsed, &contribution);
            user::apply_trusted(&mut catalog, cache::load(&dir, &file, key).expect("cached"));
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(catalog.iter().any(|e| matches!(e, whatcode::catalog::EntryRef::Cached(_))), "codes read in place");
        catalog
    })
}

/// Log text: fragments that mention codes or nearly do, numbers, line ends (`\n`, `\r\n`, a
/// lone `\r`), non-ASCII letters and arbitrary bytes, in any order.
fn log_text() -> impl Strategy<Value = Vec<u8>> {
    let fragment = prop_oneof![
        Just(b"10.0.0.1 - - [03/Dec/2026:10:12:01 +0000] \"GET /x HTTP/1.1\" 502 157 ".to_vec()),
        Just(b"HTTP/2 401".to_vec()),
        Just(b"550 5.1.1 <a@example.com>: Recipient address rejected".to_vec()),
        Just(b"550-5.7.26 ".to_vec()),
        Just(b"openat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory)".to_vec()),
        Just(b"api-7d9c-xk2   0/1     CrashLoopBackOff   12 (3m ago)   40m".to_vec()),
        Just(b"<-  334 VXNlcm5hbWU6".to_vec()),
        Just(b"[pid 7] (111)".to_vec()),
        Just(b"rpc error: code = Unavailable desc = connect: connection refused".to_vec()),
        Just(b"status=503 ECONNRESET Exited (137) signal 11:SIGSEGV".to_vec()),
        Just(b"caf\xc3\xa9 \xe9\xff".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        "[0-9 ./:-]{1,12}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..24),
    ];
    proptest::collection::vec(fragment, 0..40).prop_map(|v| v.concat())
}

fn scanner() -> &'static (Catalog, whatcode::scan::Scanner) {
    static SCANNER: std::sync::OnceLock<(Catalog, whatcode::scan::Scanner)> = std::sync::OnceLock::new();
    SCANNER.get_or_init(|| {
        let catalog = Catalog::builtin();
        let scanner = whatcode::scan::Scanner::new(&catalog);
        (catalog, scanner)
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
}

proptest! {
    // A quick slice by default; PROPTEST_CASES sets the count for the long run.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_actions_never_panic(
        (width, height) in size(),
        actions in proptest::collection::vec(action(), 0..40),
        user_data in any::<bool>(),
    ) {
        let mut app = fresh_app(Theme::dark(), user_data);
        for (i, action) in actions.into_iter().enumerate() {
            app.update(action);
            if i % 8 == 0 {
                draw_clean(&app, width, height)?;
            }
            prop_assert!(app.selected <= app.hits.len().saturating_sub(1));
        }
        draw_clean(&app, width, height)?;
    }

    #[test]
    fn random_keys_never_panic(
        sizes in proptest::collection::vec(size(), 1..4),
        keys in proptest::collection::vec(key(), 0..60),
        user_data in any::<bool>(),
    ) {
        let mut app = fresh_app(Theme::mono(), user_data);
        for (i, event) in keys.into_iter().enumerate() {
            handle(&mut app, event);
            if app.should_quit {
                break;
            }
            let (w, h) = sizes[i % sizes.len()];
            if i % 10 == 0 {
                draw_clean(&app, w, h)?;
            }
        }
    }

    #[test]
    fn any_log_text_scans_the_same_as_a_block_and_line_by_line(text in log_text()) {
        let (catalog, scanner) = scanner();
        let mut scratch = whatcode::scan::Scratch::default();
        let body = text.strip_suffix(b"\n").unwrap_or(&text);
        let alone: Vec<Vec<whatcode::scan::Finding>> = body
            .split(|&b| b == b'\n')
            .map(|line| scanner.find(catalog, line.strip_suffix(b"\r").unwrap_or(line)))
            .collect();
        let mut found = vec![Vec::new(); alone.len()];
        let _ = scanner.find_lines(catalog, &text, &mut scratch, |index, _, findings| {
            found[index as usize] = findings.to_vec();
            Ok::<(), ()>(())
        });
        prop_assert_eq!(found, alone);
    }
}

/// Not random: every code of the hostile user catalogue, in the list, the detail, the family
/// overview and compare mode, draws without a control character.
#[test]
fn every_user_code_draws_clean() {
    let mut app = fresh_app(Theme::dark(), true);
    app.update(Action::SelectLast);
    let last = app.selected;
    for view in ["detail", "overview", "compare"] {
        app.update(Action::SelectFirst);
        match view {
            "overview" => app.update(Action::ToggleOverview),
            "compare" => app.update(Action::ToggleCompare),
            _ => {}
        }
        for _ in 0..=last {
            draw_clean(&app, 120, 40).map_err(|e| format!("{view}: {e}")).expect("clean");
            app.update(Action::SelectNext);
        }
        app.update(Action::Back);
    }
}
