//! Turns the dataset in `assets/*.toml` into static Rust data (`$OUT_DIR/embedded.rs`), so the
//! binary starts without parsing anything. A syntax or type error in an asset fails the build with
//! the file and the TOML error; the full validation of the dataset runs in `cargo test`.

#[path = "src/catalog/schema.rs"]
#[allow(dead_code)]
mod schema;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use schema::{RawCode, RawCompare, RawFamily, RawFile, RawTranslationFile, tidy_text};

/// The order families are listed in, and the order a bare number prefers when it is a code of
/// several: the web first, then the system, then network services, then databases and queues.
const FAMILY_ORDER: &[&str] = &[
    "http",
    "websocket",
    "grpc",
    "http2",
    "http3",
    "quic",
    "tls",
    "x509",
    "curl",
    "oauth",
    "errno",
    "signal",
    "exit",
    "k8s",
    "windows",
    "gai",
    "dns",
    "dns-ede",
    "smtp",
    "smtp-enhanced",
    "ftp",
    "ldap",
    "ssh",
    "sip",
    "mqtt",
    "sqlstate",
    "mysql",
    "redis",
    "kafka",
];

/// Links the binary's unwinder statically (GCC's `libgcc_eh.a`, the one Rust itself uses for
/// static glibc builds) instead of `libgcc_s.so.1`. Loading that library and running its start-up
/// code (it probes the CPU) is 0.1 ms of the 1.2 ms a `whatcode show` takes (BENCHMARKS.md).
/// rustc asks the linker for `-lgcc_s`; a linker script of that name, found first on the
/// binary's library path, stands for `-lgcc_eh`. Only for the binary (tests link as usual), and
/// only when the linker has `libgcc_eh.a`: otherwise the default stays.
fn static_unwinder() {
    let linker = env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".into());
    let found = std::process::Command::new(&linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .is_some_and(|path| Path::new(path.trim()).is_absolute() && Path::new(path.trim()).is_file());
    if !found {
        return;
    }
    let dir = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("unwind");
    fs::create_dir_all(&dir).expect("OUT_DIR/unwind");
    fs::write(dir.join("libgcc_s.so"), "/* whatcode: the unwinder, linked statically */\nINPUT ( -lgcc_eh )\n")
        .expect("OUT_DIR/unwind/libgcc_s.so");
    println!("cargo:rustc-link-arg-bins=-L{}", dir.display());
}

fn main() {
    println!("cargo:rerun-if-changed=assets");
    // The embedded dataset is static data full of pointers (about 70,000 of them). In a
    // position-independent executable the loader must patch each one at every start, which
    // writes to 2 MB of pages: 2 ms of a 4 ms `whatcode show`. Linked at a fixed address, the data
    // is read in place from the file. Linux with GNU ld or lld only; other targets keep the
    // default. See BENCHMARKS.md.
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    if linux && std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|e| e == "gnu") {
        static_unwinder();
    }
    let mut files: Vec<PathBuf> = fs::read_dir("assets")
        .expect("assets/ folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut families: Vec<(RawFamily, Vec<RawCode>)> = Vec::new();
    let mut notes: Vec<RawCompare> = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let raw = parse(path);
        notes.extend(raw.compare.into_iter().map(|n| n.into_inner()));
        // A file of notes only (assets/cross.toml: pairs across families) has no family.
        let Some(family) = raw.family else {
            assert!(raw.code.is_empty(), "{}: codes need a [family] table", path.display());
            continue;
        };
        families.push((family.into_inner(), raw.code.into_iter().map(|c| c.into_inner()).collect()));
    }
    families.sort_by_key(|(f, _)| {
        let rank = FAMILY_ORDER.iter().position(|id| *id == f.id).unwrap_or(FAMILY_ORDER.len());
        (rank, f.id.clone())
    });
    let mut out = String::new();
    let fingerprint = files.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, path| {
        fs::read(path).unwrap_or_default().iter().fold(hash, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
    });
    let _ = writeln!(
        out,
        "/// FNV-1a of the asset files: changes whenever the dataset does.\npub const FINGERPRINT: u64 = {fingerprint};\n"
    );
    out.push_str("pub static FAMILIES: &[Family] = &[\n");
    for (family, _) in &families {
        out.push_str(&family_literal(family));
    }
    out.push_str("];\n\npub static ENTRIES: &[CodeEntry] = &[\n");
    for (family, codes) in &mut families {
        codes.sort_by_key(|c| (c.value, c.end.is_some()));
        for code in codes.iter() {
            out.push_str(&code_literal(&family.id, code));
        }
    }
    out.push_str("];\n\npub static NOTES: &[CompareNote] = &[\n");
    for note in &notes {
        let _ = writeln!(
            out,
            "CompareNote {{ a: {}, b: {}, differences: {}, when_to_use: {} }},",
            text(&note.a),
            text(&note.b),
            list(&note.differences),
            text(&note.when_to_use)
        );
    }
    out.push_str("];\n");
    translations(&mut out);
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("write embedded.rs");
}

fn parse(path: &Path) -> RawFile {
    let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn family_literal(f: &RawFamily) -> String {
    let display = match f.display.as_str() {
        "hex" => "Display::Hex",
        "decimal" => "Display::Decimal",
        "mixed" => "Display::Mixed",
        "text" => "Display::Text",
        other => panic!("family {}: display must be decimal, hex, mixed or text, not {other:?}", f.id),
    };
    let negative = match f.negative.as_deref() {
        None => "Negative::None",
        Some("value") => "Negative::Value",
        Some("negated") => "Negative::Negated",
        Some("u32") => "Negative::U32",
        Some(other) => panic!("family {}: negative must be value, negated or u32, not {other:?}", f.id),
    };
    let medium = match f.medium.as_deref() {
        None | Some("wire") => "Medium::Wire",
        Some("local") => "Medium::Local",
        Some(other) => panic!("family {}: medium must be wire or local, not {other:?}", f.id),
    };
    let ranges: Vec<String> = f
        .range
        .iter()
        .map(|r| {
            format!(
                "Range {{ start: {}, end: {}, label: {}, unknown: {}, treat_as: {} }}",
                r.start,
                r.end,
                text(&r.label),
                opt(&r.unknown),
                opt(&r.treat_as)
            )
        })
        .collect();
    let standards: Vec<String> = f
        .standard
        .iter()
        .map(|l| {
            format!(
                "StandardLevel {{ id: {}, label: {}, official: {}, means: {} }}",
                text(&l.id),
                text(&l.label),
                l.official,
                text(&l.means)
            )
        })
        .collect();
    let mentions: Vec<String> = f
        .mention
        .iter()
        .map(|m| {
            let read = match m.read.as_deref() {
                None | Some("code") => "MentionRead::Code",
                Some("hex") => "MentionRead::Hex",
                Some("name") => "MentionRead::Name",
                Some(other) => panic!("family {}: mention read must be code, hex or name, not {other:?}", f.id),
            };
            // The expression is kept exactly as written (no tidying: spaces can matter).
            format!(
                "Mention {{ regex: Cow::Borrowed({:?}), read: {read}, means: {}, unless: {}, examples: {} }}",
                m.regex.trim_matches('\n'),
                opt(&m.means),
                m.unless.as_deref().map_or("None".to_string(), |u| format!("Some(Cow::Borrowed({u:?}))")),
                list(&m.examples)
            )
        })
        .collect();
    format!(
        "Family {{ id: {}, aliases: {}, name: {}, short: {}, display: {display}, negative: {negative}, medium: {medium}, layer: {}, specs: {}, number_space: {}, overview: {}, ranges: Cow::Borrowed(&[{}]), standards: Cow::Borrowed(&[{}]), mentions: Cow::Borrowed(&[{}]) }},\n",
        text(&f.id),
        list(&f.aliases),
        text(&f.name),
        opt(&f.short),
        text(f.layer.as_deref().unwrap_or("")),
        list(&f.specs),
        text(&f.number_space),
        text(&f.overview),
        ranges.join(", "),
        standards.join(", "),
        mentions.join(", ")
    )
}

fn code_literal(family: &str, c: &RawCode) -> String {
    let where_ = format!("{family}/{}", c.code);
    let retry = match c.retry.as_str() {
        "n/a" => "Retry::NotApplicable",
        "no" => "Retry::No",
        "maybe" => "Retry::Maybe",
        "yes" => "Retry::Yes",
        other => panic!("{where_}: retry {other:?} is not one of n/a, no, maybe, yes"),
    };
    let senders: Vec<String> = c
        .sent_by
        .iter()
        .map(|s| {
            let variant = match s.as_str() {
                "server" => "Server",
                "client" => "Client",
                "peer" => "Peer",
                "intermediary" => "Intermediary",
                "library" => "Library",
                "kernel" => "Kernel",
                "process" => "Process",
                "shell" => "Shell",
                "resolver" => "Resolver",
                "supervisor" => "Supervisor",
                other => panic!("{where_}: sent_by {other:?} is not a known sender"),
            };
            format!("Sender::{variant}")
        })
        .collect();
    let commonness = c.commonness.unwrap_or(1);
    if !(0..=3).contains(&commonness) {
        panic!("{where_}: commonness {commonness} is not 0 to 3");
    }
    format!(
        "CodeEntry {{ family: {}, code: {}, value: {}, end: {:?}, name: {}, aliases: {}, official: {}, source: {}, summary: {}, description: {}, when: {}, fix: {}, references: {}, related: {}, equivalents: {}, sent_by: Cow::Borrowed(&[{}]), retry: {retry}, never_sent: {}, message: {}, default_action: {}, catchable: {:?}, standard: {}, commonness: {commonness}, sign: {}, use_when: {}, says: {} }},\n",
        text(family),
        text(&c.code),
        c.value,
        c.end,
        text(&c.name),
        list(&c.aliases),
        c.official,
        opt(&c.source),
        text(&c.summary),
        text(&c.description),
        text(&c.when),
        list(&c.fix),
        list(&c.references),
        list(&c.related),
        list(&c.equivalents),
        senders.join(", "),
        c.never_sent,
        opt(&c.message),
        opt(&c.default_action),
        c.catchable,
        opt(&c.standard),
        opt(&c.sign),
        opt(&c.use_when),
        list(&c.says),
    )
}

fn text(s: &str) -> String {
    format!("Cow::Borrowed({:?})", tidy_text(s))
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({})", text(s)),
        None => "None".to_string(),
    }
}

fn list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| text(s)).collect();
    format!("Cow::Borrowed(&[{}])", parts.join(", "))
}

/// Emits the translations in `assets/i18n/LANG/*.toml`: code texts, notes and family overviews.
fn translations(out: &mut String) {
    println!("cargo:rerun-if-changed=assets/i18n");
    let mut files: Vec<PathBuf> = fs::read_dir("assets/i18n")
        .map(|dirs| {
            dirs.filter_map(|d| d.ok().map(|d| d.path()))
                .filter(|d| d.is_dir())
                .flat_map(|d| fs::read_dir(d).into_iter().flatten().filter_map(|f| f.ok().map(|f| f.path())))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let (mut codes, mut notes, mut families) = (String::new(), String::new(), String::new());
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let raw: RawTranslationFile = toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lang = format!("{:?}", raw.lang);
        if raw.has_family_words() {
            let standards: Vec<String> =
                raw.standard.iter().map(|l| format!("({:?}, {}, {})", l.id, text(&l.label), text(&l.means))).collect();
            let _ = writeln!(
                families,
                "TranslatedFamily {{ lang: {lang}, family: {:?}, name: {}, layer: {}, overview: {}, number_space: {}, range_labels: {}, range_unknown: {}, standards: &[{}] }},",
                raw.family,
                opt(&raw.name),
                opt(&raw.layer),
                opt(&raw.overview),
                opt(&raw.number_space),
                list(&raw.range_labels),
                list(&raw.range_unknown),
                standards.join(", ")
            );
        }
        for c in &raw.code {
            let _ = writeln!(
                codes,
                "TranslatedCode {{ lang: {lang}, id: {:?}, summary: {}, description: {}, when: {}, fix: {}, sign: {}, use_when: {}, source: {} }},",
                format!("{}/{}", raw.family, c.code),
                text(&c.summary),
                text(&c.description),
                text(&c.when),
                list(&c.fix),
                opt(&c.sign),
                opt(&c.use_when),
                opt(&c.source)
            );
        }
        for n in &raw.compare {
            let _ = writeln!(
                notes,
                "TranslatedNote {{ lang: {lang}, a: {:?}, b: {:?}, differences: {}, when_to_use: {} }},",
                n.a,
                n.b,
                list(&n.differences),
                text(&n.when_to_use)
            );
        }
    }
    let _ = writeln!(out, "\npub static TRANSLATED_CODES: &[TranslatedCode] = &[\n{codes}];");
    let _ = writeln!(out, "\npub static TRANSLATED_NOTES: &[TranslatedNote] = &[\n{notes}];");
    let _ = writeln!(out, "\npub static TRANSLATED_FAMILIES: &[TranslatedFamily] = &[\n{families}];");
}
