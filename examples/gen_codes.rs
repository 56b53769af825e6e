//! Writes a user code file with N realistic codes, for benchmarks (see BENCHMARKS.md).
//!
//!   cargo run --release --example gen_codes -- 100000 /tmp/codes-100000.toml [/tmp/codes-100000.txt]
//!
//! The optional third argument also writes each code's one-line form (`id  name  summary`), the
//! input fzf is measured on. Output is deterministic: the same N gives the same file.

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(path)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: gen_codes N FILE.toml [FILE.txt]");
        std::process::exit(2);
    };
    let (toml, lines) = synthetic::generate(n);
    std::fs::write(path, toml).expect("write the TOML file");
    if let Some(txt) = args.get(3) {
        std::fs::write(txt, lines).expect("write the one-line file");
    }
}
