//! Scanning speed in-process: the built-in scanner over real-format lines. `cargo bench --bench scan`
//!
//! Three kinds of line, as a log mixes them: access-log lines (a status code among other numbers),
//! application lines full of numbers that are not codes, and the corpus's error lines of every
//! family (`tests/corpus/*.txt`). Throughput is in bytes, so MB/s compares with the whole-process
//! figures in BENCHMARKS.md. Each kind is searched one line at a time (`find_with`: a pasted line,
//! `scan --annotate`) and as one block (`find_lines`: the other views of `scan`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whatcode::catalog::Catalog;
use whatcode::scan::{Scanner, Scratch};

/// The corpus's lines (`> ` lines of tests/corpus/*.txt).
fn corpus_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| std::fs::read_to_string(p).expect("corpus file").lines().map(str::to_string).collect::<Vec<_>>())
        .filter_map(|l| l.strip_prefix("> ").map(str::to_string))
        .collect()
}

fn access_lines() -> Vec<String> {
    (0..1000)
        .map(|i| {
            format!(
                "10.0.{}.{} - - [03/Dec/2026:10:{:02}:{:02} +0000] \"GET /v1/orders/{} HTTP/1.1\" {} {} \"-\" \"okhttp/4.12.0\" {}.{:03}",
                i % 256,
                (i * 7) % 256,
                i % 60,
                (i * 13) % 60,
                100_000 + i * 37,
                [200, 200, 200, 304, 404, 502, 201, 499][i % 8],
                1000 + i * 91,
                i % 3,
                (i * 17) % 1000
            )
        })
        .collect()
}

fn app_lines() -> Vec<String> {
    (0..1000)
        .map(|i| {
            format!(
                "2026-12-03T10:12:{:02}.{:03}Z worker-{} INFO batch done items={} duration_ms={} user_id={} port={} v=1.{}.{}",
                i % 60,
                i % 1000,
                i % 8,
                i * 3,
                1000 + i,
                400 + i,
                5000 + i,
                i % 30,
                i % 7
            )
        })
        .collect()
}

fn scan(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let scanner = Scanner::new(&catalog);
    let mut group = c.benchmark_group("scan");
    for (name, lines) in [
        ("access-log lines", access_lines()),
        ("numbers, no codes", app_lines()),
        ("corpus error lines", corpus_lines()),
    ] {
        let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        let mut scratch = Scratch::default();
        group.bench_function(format!("{name}, one at a time"), |b| {
            b.iter(|| {
                let mut found = 0;
                for line in &lines {
                    found += scanner.find_with(&catalog, black_box(line.as_bytes()), &mut scratch).len();
                }
                found
            })
        });
        let block: String = lines.iter().map(|l| format!("{l}\n")).collect();
        group.bench_function(format!("{name}, as a block"), |b| {
            b.iter(|| {
                let mut found = 0;
                let _ = scanner.find_lines(&catalog, black_box(block.as_bytes()), &mut scratch, |_, _, f| {
                    found += f.len();
                    Ok::<(), ()>(())
                });
                found
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scan);
criterion_main!(benches);
