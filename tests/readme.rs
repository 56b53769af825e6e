//! The README is part of the product: its key table and its families must match the program.

use whatcode::catalog::Catalog;
use whatcode::keymap::{BINDINGS, keys_label};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn opens_with_the_two_setup_commands() {
    let readme = readme();
    let first: Vec<&str> = readme.lines().take(6).collect();
    assert!(first.iter().any(|l| l.starts_with("cargo run --release")), "{first:?}");
    assert!(first.iter().any(|l| l.starts_with("cargo test")), "{first:?}");
}

#[test]
fn the_key_table_matches_the_key_bindings() {
    let table: String = BINDINGS
        .iter()
        .map(|b| format!("| {} | {} |\n", keys_label(b.keys), (b.help)(&whatcode::strings::EN)))
        .collect();
    let expected = format!("| keys | what they do |\n|---|---|\n{table}");
    assert!(readme().contains(&expected), "README's key table should read:\n{expected}");
}

#[test]
fn every_key_row_name_is_documented() {
    let readme = readme();
    let names: Vec<String> = BINDINGS.iter().map(|b| format!("`{}`", b.name)).collect();
    let mut unique = names.clone();
    unique.dedup();
    let line = format!("Row names: {}.", unique.join(", "));
    assert!(readme.contains(&line), "README should say:\n{line}");
}

#[test]
fn every_family_is_listed() {
    let readme = readme();
    for family in Catalog::builtin().families() {
        assert!(readme.contains(&format!("| `{}`", family.id)), "README lacks family {}", family.id);
    }
}

#[test]
fn the_example_in_the_readme_is_the_shipped_file() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/acme-api.toml"))
        .expect("example file");
    assert!(
        readme().contains(example.trim_end()),
        "README shows a different example than assets/examples/acme-api.toml"
    );
}

#[test]
fn the_config_example_is_valid() {
    let readme = readme();
    let section = readme.split("## Configuration").nth(1).expect("a configuration section");
    let example = section.split("```toml\n").nth(1).and_then(|s| s.split("```").next()).expect("an example");
    let config = whatcode::config::parse(std::path::Path::new("README.md"), example);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert!(config.mouse);
}

/// Runs `whatcode ARGS` from the crate root as the README shows it: no user data, 80 columns.
fn run(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whatcode"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("--no-user-data")
        .args(args)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env_remove("WHATCODE_LANG")
        .env("LANG", "C")
        .output()
        .expect("run whatcode");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The block of README text that follows the line `$ COMMAND`, up to the closing fence.
fn shown_after(readme: &str, command: &str) -> String {
    let start = readme.find(&format!("$ {command}\n")).unwrap_or_else(|| panic!("README lacks `$ {command}`"));
    let body = &readme[start + command.len() + 3..];
    let end = body.find("```").expect("a closing fence");
    body[..end].to_string()
}

#[test]
fn the_scan_examples_are_real_output() {
    let readme = readme();
    let log = "assets/examples/incident.log";
    let summary = run(&["scan", "--summary", log]);
    assert_eq!(shown_after(&readme, &format!("whatcode scan --summary {log}")), summary);
    let json: String = run(&["scan", "--json", log]).lines().take(2).map(|l| format!("{l}\n")).collect();
    assert_eq!(shown_after(&readme, &format!("whatcode scan --json {log} | head -2")), json);
    let annotated = shown_after(&readme, &format!("whatcode scan --annotate {log}"));
    let shown = annotated.strip_suffix("...\n").expect("the example ends with ...");
    assert!(run(&["scan", "--annotate", log]).starts_with(shown), "README's --annotate example is stale");
}

#[test]
fn the_pasted_line_examples_are_real_output() {
    let readme = readme();
    for line in [
        "Process finished with exit code 139 (interrupted by signal 11:SIGSEGV)",
        r#"rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.3.4:50051: connect: connection refused""#,
    ] {
        let shown = shown_after(&readme, &format!("whatcode '{line}'"));
        let first = shown.split("\n\n").next().expect("a block").to_string();
        let real = run(&[line]);
        assert_eq!(format!("{}\n", first.trim_end()), real, "README's example for {line:?} is stale");
    }
}
