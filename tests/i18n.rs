//! Languages: the Russian interface and body text, the fallback marker, and text of any width.

use std::collections::HashSet;

use assert_cmd::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whatcode::action::Action;
use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::strings::Lang;
use whatcode::theme::Theme;

fn russian() -> Catalog {
    let mut catalog = Catalog::builtin();
    catalog.localize("ru");
    catalog
}

fn is_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn every_http_and_websocket_code_has_russian_text() {
    let english = Catalog::builtin();
    let catalog = russian();
    for (e, en) in catalog.entries().iter().zip(english.entries()) {
        if e.family != "http" && e.family != "websocket" {
            continue;
        }
        assert!(catalog.is_translated(e), "{} has no Russian text", e.id());
        for (field, text) in [("summary", &e.summary), ("description", &e.description), ("when", &e.when)] {
            assert!(is_cyrillic(text), "{}: {field} is not Russian", e.id());
        }
        assert_eq!(e.fix.len(), en.fix.len(), "{}: the Russian fix has other steps", e.id());
        assert!(e.summary.chars().count() <= 160, "{}: summary too long", e.id());
    }
}

#[test]
fn every_curated_note_on_http_or_websocket_is_in_russian() {
    let catalog = russian();
    let web = |id: &str| id.starts_with("http/") || id.starts_with("websocket/");
    for note in catalog.notes().iter().filter(|n| web(&n.a) || web(&n.b)) {
        assert!(is_cyrillic(&note.when_to_use), "{} vs {}: not translated", note.a, note.b);
        assert!(note.differences.iter().all(|d| is_cyrillic(d)), "{} vs {}", note.a, note.b);
    }
    let overview = catalog.family("websocket").map(|f| f.overview.to_string()).unwrap_or_default();
    assert!(is_cyrillic(&overview));
}

#[test]
fn other_families_fall_back_to_english_with_a_marker() {
    let catalog = russian();
    let i = catalog.index_of_id("errno/111").expect("errno/111");
    assert!(!catalog.is_translated(&catalog.entries()[i]));
    let english = Catalog::builtin();
    assert!(english.entries().iter().all(|e| english.is_translated(e)), "English needs no marker");
    let out =
        Command::cargo_bin("whatcode").expect("bin").args(["--lang", "ru", "show", "errno/111"]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("перевода пока нет") && text.contains("Описание"), "{text}");
}

#[test]
fn translations_point_at_real_codes() {
    // Every translated id exists; a typo would silently leave a code in English.
    let catalog = russian();
    let translated: HashSet<String> =
        catalog.entries().iter().filter(|e| catalog.is_translated(e)).map(|e| e.id()).collect();
    assert!(translated.len() >= 115, "{} translated", translated.len());
}

#[test]
fn the_cli_speaks_the_chosen_language() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::cargo_bin("whatcode").expect("bin");
        cmd.env("WHATCODE_CONFIG", "/nonexistent/whatcode-test/config.toml");
        cmd.env_remove("LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("WHATCODE_LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.args(args).output().expect("run").stdout).expect("utf-8")
    };
    let ru = run(&["show", "ws/1006"], &[("LANG", "ru_RU.UTF-8")]);
    for heading in ["Описание", "Когда встречается", "Как исправить"] {
        assert!(ru.contains(heading), "{heading}: {ru}");
    }
    let cmp = run(&["--lang", "ru", "compare", "ws/1000", "ws/1001"], &[]);
    assert!(cmp.contains("Ключевые различия") && cmp.contains("Когда какой использовать"), "{cmp}");
    // Precedence: the flag, then WHATCODE_LANG, then the locale.
    assert!(run(&["show", "ws/1006"], &[("WHATCODE_LANG", "en"), ("LANG", "ru_RU.UTF-8")]).contains("Description"));
    assert!(run(&["--lang", "en", "show", "ws/1006"], &[("WHATCODE_LANG", "ru")]).contains("Description"));
    assert!(run(&["show", "ws/1006"], &[("LC_ALL", "ru_RU.UTF-8"), ("LANG", "en_US.UTF-8")]).contains("Описание"));
    // JSON is for programs and stays English.
    let json = run(&["--lang", "ru", "show", "ws/1006", "--json"], &[]);
    assert!(!is_cyrillic(&json), "{json}");
}

#[test]
fn the_browser_in_russian() {
    let mut app = App::new(Catalog::builtin(), Theme::mono()).with_lang(Lang::Ru);
    for c in "1006".chars() {
        app.update(Action::InsertChar(c));
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    insta::assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn wide_text_wraps_and_truncates_by_display_width() {
    use whatcode::catalog::user::add_source;
    let file = r#"
[family]
id = "cjk"
name = "錯誤コード 오류 코드"
display = "decimal"
specs = ["社内仕様"]
number_space = "1–9"
overview = "日本語と中文と한국어のテキストで幅の計算を確かめる。"

[[code]]
code = "1"
value = 1
name = "接続が拒否されました接続が拒否されました接続が拒否されました"
aliases = ["連接被拒絕"]
official = true
summary = "サーバーが接続を拒否した。ポートが開いているか確認する。"
description = "全角の文字は二つのセルを使う。行の折り返しは表示幅で数えなければならない。全角の文字は二つのセルを使う。"
when = "デプロイの直後、サービスがまだ起動していないとき。데이터베이스 연결이 거부되었습니다。"
fix = ["ポートを確認する。", "サービスを再起動する。"]
references = ["社内仕様 §1"]
sent_by = ["server"]
retry = "maybe"
"#;
    let mut catalog = Catalog::builtin();
    add_source(&mut catalog, std::path::Path::new("cjk.toml"), file).expect("valid file");
    let mut app = App::new(catalog, Theme::mono());
    for c in "cjk 1".chars() {
        app.update(Action::InsertChar(c));
    }
    for (w, h) in [(100, 24), (60, 20), (41, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
        let screen = terminal.backend().to_string();
        for line in screen.lines() {
            // Each row is printed in quotes; rows with wide characters get a note after them.
            let inner = line.split('"').nth(1).unwrap_or_default();
            assert!(unicode_width::UnicodeWidthStr::width(inner) <= w as usize, "{w}×{h} overflows: {inner}");
        }
        assert!(screen.contains('…') || w >= 100, "a long wide name is cut with an ellipsis at {w}×{h}");
    }
}

/// A user file that overrides a built-in code keeps its own words in every language: the built-in
/// translation is of the text it replaced.
#[test]
fn an_overridden_code_keeps_the_users_text() {
    use whatcode::catalog::user::{add_source, read};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/extends-http.toml");
    let mut catalog = Catalog::builtin();
    add_source(&mut catalog, &path, &read(&path).expect("read")).expect("valid");
    catalog.localize("ru");
    let overridden = catalog.entry(catalog.resolve_id("http/599").expect("599"));
    assert!(overridden.description.starts_with("ACME's edge proxy"), "{}", overridden.description);
    assert!(!catalog.is_translated(&overridden), "shown with the English-fallback marker");
    let untouched = catalog.entry(catalog.resolve_id("http/404").expect("404"));
    assert!(is_cyrillic(&untouched.description));
}

/// True when no word of the text is an ordinary lowercase English word: "HTTP/3 (RFC 9114)",
/// "QPACK (RFC 9204)".
fn is_a_name(text: &str) -> bool {
    !text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()))
}

#[test]
fn a_translated_family_has_every_class_and_level_in_russian() {
    // A translation file whose lists do not match the family's ranges is ignored whole, so a
    // range added in English without its Russian label would quietly stay English.
    let english = Catalog::builtin();
    let catalog = russian();
    let mut translated = 0;
    for (f, en) in catalog.families().iter().zip(english.families()) {
        if !is_cyrillic(&f.name) {
            continue;
        }
        translated += 1;
        for (range, en_range) in f.ranges.iter().zip(en.ranges.iter()) {
            // A label that is only names and numbers ("HTTP/3 (RFC 9114)") reads the same in Russian.
            let label_ok = is_cyrillic(&range.label) || (range.label == en_range.label && is_a_name(&range.label));
            assert!(label_ok, "{}: class {:?} is not in Russian", f.id, range.label);
            if en_range.unknown.is_some() {
                let unknown = range.unknown.as_deref().unwrap_or_default();
                assert!(is_cyrillic(unknown), "{}: the unknown text of {:?} is not in Russian", f.id, range.label);
            }
        }
        for (level, en_level) in f.standards.iter().zip(en.standards.iter()) {
            // A label that is a name ("RFC 6455") stays as it is; the meaning is always prose.
            let label_ok = is_cyrillic(&level.label) || level.label == en_level.label || is_a_name(&level.label);
            assert!(label_ok && is_cyrillic(&level.means), "{}: level {} not in Russian", f.id, level.id);
        }
    }
    assert_eq!(translated, english.families().len(), "every family has a Russian name");
}
