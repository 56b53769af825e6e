//! Registry completeness and library agreement, from lists read out of each family's defining
//! source (tests/registry/FAMILY.tsv: `code<TAB>name`) and out of well-kept libraries
//! (tests/registry/FAMILY.LIBRARY.tsv: `constant<TAB>code`). Each list names its source in `#`
//! lines. A registry list must be matched code for code, with the same name; a library's constant
//! must be the name or an alias of the code it stands for.

use std::path::PathBuf;

use whatcode::catalog::Catalog;

/// The rows of a list: its two columns, with the line they are on.
fn rows(path: &PathBuf) -> Vec<(usize, String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (a, b) =
            line.split_once('\t').unwrap_or_else(|| panic!("{}:{}: expected two columns", path.display(), n + 1));
        out.push((n + 1, a.trim().to_string(), b.trim().to_string()));
    }
    out
}

fn lists() -> Vec<(String, Option<String>, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/registry");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/registry").filter_map(Result::ok) {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".tsv")) else {
            continue;
        };
        let (family, library) = match name.split_once('.') {
            Some((f, l)) => (f.to_string(), Some(l.to_string())),
            None => (name.to_string(), None),
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text.lines().any(|l| l.starts_with("# source:")),
            "{}: name its source in a '# source:' line",
            path.display()
        );
        out.push((family, library, path));
    }
    out.sort();
    out
}

/// Families whose registries are checked in tests/dataset.rs, written out there.
const CHECKED_IN_DATASET_RS: &[&str] =
    &["http", "websocket", "grpc", "errno", "signal", "exit", "dns", "smtp", "ftp", "tls", "http2", "http3", "quic"];

#[test]
fn every_family_has_a_registry_list() {
    let catalog = Catalog::builtin();
    let listed: Vec<String> = lists().into_iter().filter(|(_, lib, _)| lib.is_none()).map(|(f, _, _)| f).collect();
    for family in catalog.families().iter().filter(|f| !CHECKED_IN_DATASET_RS.contains(&f.id.as_ref())) {
        assert!(listed.contains(&family.id.to_string()), "tests/registry/{}.tsv is missing", family.id);
    }
}

#[test]
fn every_registry_code_is_in_the_dataset_under_its_name() {
    let catalog = Catalog::builtin();
    let mut problems = Vec::new();
    for (family, library, path) in lists() {
        if library.is_some() {
            continue;
        }
        assert!(catalog.family(&family).is_some(), "{}: no family '{family}'", path.display());
        for (line, code, name) in rows(&path) {
            match catalog.resolve_id(&format!("{family}/{code}")).map(|i| catalog.entry(i)) {
                None => problems.push(format!("{}:{line}: {family}/{code} is missing", path.display())),
                Some(e) if e.name != name => problems.push(format!(
                    "{}:{line}: {} is named '{}', the registry says '{name}'",
                    path.display(),
                    e.id(),
                    e.name
                )),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn library_constants_agree_with_the_dataset() {
    let catalog = Catalog::builtin();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (family, library, path) in lists() {
        if library.is_none() {
            continue;
        }
        for (line, constant, code) in rows(&path) {
            checked += 1;
            let Some(e) = catalog.resolve_id(&format!("{family}/{code}")).map(|i| catalog.entry(i)) else {
                problems.push(format!("{}:{line}: {family}/{code} is missing", path.display()));
                continue;
            };
            let known = e.name.eq_ignore_ascii_case(&constant)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(&constant))
                || e.code.eq_ignore_ascii_case(&constant);
            if !known {
                problems.push(format!("{}:{line}: {constant} is not a name or alias of {}", path.display(), e.id()));
            }
        }
    }
    assert!(checked > 500, "only {checked} library constants");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
