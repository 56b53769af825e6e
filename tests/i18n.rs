//! Languages: the Russian interface and body text, the fallback marker, and text of any width.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whatcode::action::Action;
use whatcode::app::App;
use whatcode::catalog::Catalog;
use whatcode::catalog::schema::{RawCode, RawCompare, RawFamily, RawFile, RawTranslationFile, tidy_text};
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

/// Where the fingerprints of the English behind each Russian text are kept (see DEVELOPERS.md,
/// "Translations").
const FINGERPRINTS: &str = "assets/i18n/ru/FINGERPRINTS";

const BLESS: &str = "WHATCODE_BLESS=1 cargo test --test i18n";

/// FNV-1a 64 of the text's UTF-8 bytes, as 16 hex digits: small, stable and dependency-free.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// The English that is fingerprinted is the text as the binary shows it, tidied as `build.rs`
/// does (blank space at the ends changes nothing); a list's items are joined by a unit separator.
fn english_text(text: &str) -> String {
    tidy_text(text)
}

fn english_list(items: &[String]) -> String {
    items.iter().map(|s| english_text(s)).collect::<Vec<_>>().join("\u{1f}")
}

/// The English built-in data, read from `assets/*.toml` as `build.rs` reads it.
#[derive(Default)]
struct English {
    families: HashMap<String, RawFamily>,
    codes: HashMap<String, RawCode>,
    notes: HashMap<(String, String), RawCompare>,
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl English {
    fn read(root: &Path) -> Self {
        let mut english = Self::default();
        for path in toml_files(&root.join("assets")) {
            let raw: RawFile = read_toml(&path);
            let family = raw.family.map(|f| f.into_inner());
            let id = family.as_ref().map(|f| f.id.clone()).or_else(|| raw.extends.map(|e| e.into_inner()));
            for code in raw.code {
                let code = code.into_inner();
                let id = id.as_deref().unwrap_or_else(|| panic!("{}: codes without a family", path.display()));
                english.codes.insert(format!("{id}/{}", code.code), code);
            }
            for note in raw.compare {
                let note = note.into_inner();
                english.notes.insert((note.a.clone(), note.b.clone()), note);
            }
            if let Some(family) = family {
                english.families.insert(family.id.clone(), family);
            }
        }
        english
    }
}

/// The fingerprints the Russian files call for now, and what in them translates nothing.
#[derive(Default)]
struct Fingerprints {
    /// `where<TAB>field` → the fingerprint of the English text it translates.
    current: BTreeMap<String, String>,
    /// `where<TAB>field` → the Russian file that holds the translation.
    files: HashMap<String, String>,
    /// Russian texts with no English counterpart: the binary never shows them.
    orphans: Vec<String>,
}

impl Fingerprints {
    /// A Russian text in `file` at `place` (`http/404`, `family:http`, `compare:A,B`), made from
    /// `english` (none when there is no such English text).
    fn add(&mut self, file: &str, place: &str, field: &str, english: Option<String>) {
        let key = format!("{place}\t{field}");
        match english {
            None => self.orphan(file, &format!("{place} {field}"), "an English text"),
            Some(_) if self.files.contains_key(&key) => {
                self.orphans.push(format!("{place} {field}: translated twice (again in {file}); keep one"));
            }
            Some(english) => {
                self.current.insert(key.clone(), fingerprint(&english));
                self.files.insert(key, file.to_string());
            }
        }
    }

    /// Russian at `place` with no English to translate: the binary never shows it.
    fn orphan(&mut self, file: &str, place: &str, what: &str) {
        self.orphans.push(format!(
            "{place}: {file} translates {what} that the English does not have (removed or renamed?); move or \
             remove the Russian"
        ));
    }

    /// Every Russian text in `assets/i18n/ru/` and the English it was made from.
    fn read(root: &Path) -> Self {
        let english = English::read(root);
        let mut prints = Self::default();
        for path in toml_files(&root.join("assets/i18n/ru")) {
            let raw: RawTranslationFile = read_toml(&path);
            let file = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            prints.add_family(&file, &raw, english.families.get(&raw.family));
            for t in &raw.code {
                let place = format!("{}/{}", raw.family, t.code);
                let Some(en) = english.codes.get(&place) else {
                    prints.orphan(&file, &place, "a code");
                    continue;
                };
                prints.add(&file, &place, "summary", Some(english_text(&en.summary)));
                prints.add(&file, &place, "description", Some(english_text(&en.description)));
                prints.add(&file, &place, "when", Some(english_text(&en.when)));
                prints.add(&file, &place, "fix", Some(english_list(&en.fix)));
                if t.sign.is_some() {
                    prints.add(&file, &place, "sign", en.sign.as_deref().map(english_text));
                }
                if t.use_when.is_some() {
                    prints.add(&file, &place, "use_when", en.use_when.as_deref().map(english_text));
                }
                if t.source.is_some() {
                    prints.add(&file, &place, "source", en.source.as_deref().map(english_text));
                }
            }
            for t in &raw.compare {
                let place = format!("compare:{},{}", t.a, t.b);
                let Some(en) = english.notes.get(&(t.a.clone(), t.b.clone())) else {
                    prints.orphan(&file, &place, "a compare note");
                    continue;
                };
                prints.add(&file, &place, "differences", Some(english_list(&en.differences)));
                prints.add(&file, &place, "when_to_use", Some(english_text(&en.when_to_use)));
            }
        }
        prints
    }

    /// The family's own words: name, layer, number space, overview, class labels and unknown
    /// texts (by position, as the binary pairs them), standard levels (by id).
    fn add_family(&mut self, file: &str, raw: &RawTranslationFile, en: Option<&RawFamily>) {
        let place = format!("family:{}", raw.family);
        let words = raw.has_family_words();
        let Some(en) = en else {
            // `cross`: a file of notes only, which names no family of its own.
            if words {
                self.orphan(file, &place, "a family");
            }
            return;
        };
        let fields = [
            ("name", &raw.name, Some(&en.name)),
            ("layer", &raw.layer, en.layer.as_ref()),
            ("number_space", &raw.number_space, Some(&en.number_space)),
            ("overview", &raw.overview, Some(&en.overview)),
        ];
        for (field, russian, english) in fields {
            if russian.is_some() {
                self.add(file, &place, field, english.map(|e| english_text(e)));
            }
        }
        let ranges = &en.range;
        for (what, russian) in [("labels", &raw.range_labels), ("unknown texts", &raw.range_unknown)] {
            if !russian.is_empty() && russian.len() != ranges.len() {
                self.orphans.push(format!(
                    "{place} range {what}: {file} has {} for {} English ranges, so none is shown; make the lists match",
                    russian.len(),
                    ranges.len()
                ));
            }
        }
        if raw.range_labels.len() == ranges.len() {
            for range in ranges {
                let field = format!("range {}..={} label", range.start, range.end);
                self.add(file, &place, &field, Some(english_text(&range.label)));
            }
        }
        if raw.range_unknown.len() == ranges.len() {
            for (range, russian) in ranges.iter().zip(&raw.range_unknown).filter(|(_, t)| !t.is_empty()) {
                let field = format!("range {}..={} unknown", range.start, range.end);
                match range.unknown.as_deref() {
                    Some(english) => self.add(file, &place, &field, Some(english_text(english))),
                    None => self.orphans.push(format!(
                        "{place} {field}: {file} translates it, but the English range has none: {russian:?}"
                    )),
                }
            }
        }
        for level in &raw.standard {
            let Some(en) = en.standard.iter().find(|l| l.id == level.id) else {
                self.orphan(file, &format!("{place} standard {}", level.id), "a standard level");
                continue;
            };
            self.add(file, &place, &format!("standard {} label", level.id), Some(english_text(&en.label)));
            self.add(file, &place, &format!("standard {} means", level.id), Some(english_text(&en.means)));
        }
    }
}

/// The fingerprint file: `where<TAB>field` → fingerprint. Lines starting with `#` are comments.
fn read_fingerprints(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| match line.rsplit_once('\t') {
            Some((key, print)) if key.contains('\t') => (key.to_string(), print.to_string()),
            _ => panic!("{FINGERPRINTS}: not `where<TAB>field<TAB>fingerprint`: {line:?}"),
        })
        .collect()
}

fn write_fingerprints(path: &Path, prints: &BTreeMap<String, String>) {
    let mut out = String::from(
        "# The English each Russian text in this folder was translated from: where<TAB>field<TAB>FNV-1a 64\n\
         # of the English text. Written by `WHATCODE_BLESS=1 cargo test --test i18n`; see DEVELOPERS.md.\n",
    );
    for (key, print) in prints {
        out.push_str(&format!("{key}\t{print}\n"));
    }
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// How the fingerprints of the current English differ from those on file.
#[derive(Clone, Copy)]
enum Change {
    /// The English changed after the Russian was made from it.
    Stale,
    /// A Russian text with no fingerprint on file.
    Unrecorded,
    /// A fingerprint on file that no Russian text has any more.
    Gone,
}

/// A correction to an English text leaves its Russian translation saying the old thing. Each
/// Russian text's English source is fingerprinted in FINGERPRINTS; a change to the English shows
/// here, naming the Russian to update. `WHATCODE_BLESS=1` rewrites the file from the current
/// English once the Russian is up to date.
#[test]
fn every_russian_text_was_made_from_the_current_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prints = Fingerprints::read(root);
    let path = root.join(FINGERPRINTS);
    let recorded = read_fingerprints(&path);
    let mut changes: Vec<(Change, &str)> = Vec::new();
    for (key, print) in &prints.current {
        match recorded.get(key) {
            Some(old) if old == print => {}
            Some(_) => changes.push((Change::Stale, key)),
            None => changes.push((Change::Unrecorded, key)),
        }
    }
    changes.extend(recorded.keys().filter(|k| !prints.current.contains_key(*k)).map(|k| (Change::Gone, k.as_str())));
    let mut problems = prints.orphans.clone();
    if std::env::var_os("WHATCODE_BLESS").is_some_and(|v| v == "1") {
        if !changes.is_empty() {
            write_fingerprints(&path, &prints.current);
        }
        // Straight to the terminal: the test harness captures print! of a passing test.
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "{FINGERPRINTS}: {} texts, {} changed", prints.current.len(), changes.len());
        for (change, key) in &changes {
            let verb = match change {
                Change::Stale => "changed",
                Change::Unrecorded => "added",
                Change::Gone => "removed",
            };
            let _ = writeln!(stderr, "  {verb} {}", key.replace('\t', " "));
        }
    } else {
        for (change, key) in &changes {
            let place = key.replace('\t', " ");
            let file = prints.files.get(*key).map_or("", String::as_str);
            problems.push(match change {
                Change::Stale => format!(
                    "{place}: the English changed after the Russian was written; update {file}, then run {BLESS}"
                ),
                Change::Unrecorded => format!(
                    "{place}: translated in {file} but not in {FINGERPRINTS}; check the Russian says what the \
                     English says, then run {BLESS}"
                ),
                Change::Gone => {
                    format!("{place}: in {FINGERPRINTS} but no Russian text translates it any more; run {BLESS}")
                }
            });
        }
    }
    problems.sort();
    assert!(
        problems.is_empty(),
        "{} Russian texts out of step with the English:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn who_uses_a_non_standard_code_is_said_in_russian_too() {
    // The second review found a whole English sentence in the Russian http/499.
    let catalog = russian();
    let e = catalog.entry(catalog.resolve_id("http/499").expect("499"));
    let source = e.source.as_deref().expect("499 names who uses it");
    assert!(is_cyrillic(source), "{source}");
}
