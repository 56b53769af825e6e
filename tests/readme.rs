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
    let readme = readme();
    for binding in BINDINGS {
        let row = format!("| {} | {} |", keys_label(binding.keys), (binding.help)(&whatcode::strings::EN));
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
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
