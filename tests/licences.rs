//! Every dependency's licence is one we can ship under MIT: checked offline from the resolved,
//! feature-accurate dependency tree (`cargo tree`), so CI needs nothing installed. Advisories are
//! another matter: the RustSec database cannot be fetched from this environment (see BENCHMARKS.md).

use std::collections::BTreeSet;
use std::process::Command;

/// Licences compatible with shipping whatcode under MIT.
const ALLOWED: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "Apache-2.0 WITH LLVM-exception",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "0BSD",
    "CC0-1.0",
    "BSL-1.0",
    "MPL-2.0",
];

/// Whether an SPDX expression can be satisfied with allowed licences: an `OR` needs one allowed
/// side, an `AND` needs all (parentheses are dropped: no dependency nests them).
fn acceptable(expression: &str) -> bool {
    let expression = expression.replace(['(', ')'], "").replace('/', " OR ");
    expression.split(" OR ").any(|alternative| alternative.split(" AND ").all(|l| ALLOWED.contains(&l.trim())))
}

#[test]
fn every_dependency_has_an_acceptable_licence() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--locked", "--offline", "-e", "normal,build,dev", "--prefix", "none", "--format", "{l}|{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let packages: BTreeSet<&str> = text.lines().filter(|l| l.contains('|')).collect();
    assert!(packages.len() > 20, "the dependency tree is listed");
    let refused: Vec<&str> = packages
        .iter()
        .filter(|line| {
            let (license, package) = line.split_once('|').unwrap_or_default();
            !package.starts_with("whatcode ") && !acceptable(license)
        })
        .copied()
        .collect();
    assert!(refused.is_empty(), "licences to review:\n{}", refused.join("\n"));
}

#[test]
fn licence_expressions() {
    assert!(acceptable("MIT OR Apache-2.0"));
    assert!(acceptable("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(acceptable("MIT/Apache-2.0"));
    assert!(!acceptable("GPL-3.0-only"));
    assert!(!acceptable("MIT AND GPL-2.0"));
    assert!(!acceptable(""));
}
