//! Times the stages of loading a user file (cold parse and warm cache), for BENCHMARKS.md.
//!   cargo run --release --example load_profile -- FILE.toml
use std::path::Path;
use std::time::Instant;

use whatcode::catalog::{Catalog, cache, user};

fn main() {
    let path = std::env::args().nth(1).expect("usage: load_profile FILE.toml");
    let path = Path::new(&path);
    let t = Instant::now();
    let text = std::fs::read_to_string(path).expect("read");
    let read = t.elapsed();
    let mut catalog = Catalog::builtin();
    let t = Instant::now();
    let contribution = user::add_source(&mut catalog, path, &text).expect("valid file");
    let parse = t.elapsed();
    let dir = std::env::temp_dir().join("whatcode-load-profile");
    let key = cache::key(path, 0).expect("key");
    let t = Instant::now();
    cache::store(&dir, path, key, &catalog, &contribution);
    let store = t.elapsed();
    let t = Instant::now();
    let cached = cache::load(&dir, path, key).expect("cached");
    let load = t.elapsed();
    let mut warm = Catalog::builtin();
    let t = Instant::now();
    user::apply_trusted(&mut warm, cached);
    let apply = t.elapsed();
    let t = Instant::now();
    let built = warm.entries().len();
    let build = t.elapsed();
    println!(
        "read {read:?}; parse+validate {parse:?}; cache store {store:?}; cache load {load:?}; apply {apply:?}; \
         building every cached code (only validation needs it) {build:?}; {built} entries"
    );
}
