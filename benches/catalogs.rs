//! Catalogues for the benches: the built-in one plus N synthetic user codes, either as the first
//! run after a file changes has them (parsed) or as every later run has them (read in place from
//! the cache).

use std::path::Path;

use whatcode::catalog::{Catalog, cache, user};

#[path = "synthetic.rs"]
mod synthetic;

/// The built-in catalogue plus `n` synthetic codes, parsed from TOML.
pub fn parsed(n: usize) -> Catalog {
    let (toml, _) = synthetic::generate(n);
    let mut catalog = Catalog::builtin();
    user::add_source(&mut catalog, Path::new("synthetic.toml"), &toml).expect("the synthetic file is valid");
    catalog
}

/// The built-in catalogue plus `n` synthetic codes read in place from the cache, as on every run
/// after the first.
pub fn cached(n: usize) -> Catalog {
    let dir = std::env::temp_dir().join(format!("whatcode-bench-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let file = dir.join("synthetic.toml");
    let (toml, _) = synthetic::generate(n);
    std::fs::write(&file, &toml).expect("write the synthetic file");
    let mut parsed = Catalog::builtin();
    let contribution = user::add_source(&mut parsed, &file, &toml).expect("the synthetic file is valid");
    let key = cache::key(&file, 0).expect("key");
    cache::store(&dir, &file, key, &parsed, &contribution);
    let mut catalog = Catalog::builtin();
    user::apply_trusted(&mut catalog, cache::load(&dir, &file, key).expect("cached"));
    // The mapping stays valid after the file is removed.
    let _ = std::fs::remove_dir_all(&dir);
    catalog
}
