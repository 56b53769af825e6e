//! Search speed: the built-in catalogue, and a keystroke's search on 10^3, 10^4 and 10^5 user
//! codes (the curve BENCHMARKS.md shows). `cargo bench --bench search`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use whatcode::catalog::Catalog;
use whatcode::search::{Query, SearchIndex, search};

#[path = "catalogs.rs"]
mod catalogs;

fn builtin(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let index = SearchIndex::new(&catalog);
    let mut group = c.benchmark_group("search/builtin");
    for query in ["1006", "4xx", "ws 1002", "going away", "econnrefused", "gatway", "connection refused"] {
        let parsed = Query::parse(query, &catalog);
        group.bench_with_input(BenchmarkId::from_parameter(query), &parsed, |b, q| {
            b.iter(|| black_box(search(&catalog, &index, q)))
        });
    }
    group.finish();
}

/// A keystroke's search over `catalog`, for each query of the scaling curve.
fn queries(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, catalog: &Catalog, n: usize) {
    let index = SearchIndex::new(catalog);
    // Built once, as the browser does after its first frame; measure the keystrokes after that.
    index.build(catalog);
    for query in ["snpt", "snapshot too large", "100042"] {
        let parsed = Query::parse(query, catalog);
        group.bench_with_input(BenchmarkId::new(query, n), &parsed, |b, q| {
            b.iter(|| black_box(search(catalog, &index, q)))
        });
    }
}

fn scaling(c: &mut Criterion) {
    // User codes as every run after the first reads them: in place from the cache.
    let mut group = c.benchmark_group("search/scaling");
    group.sample_size(20);
    for n in [1_000, 10_000, 100_000] {
        queries(&mut group, &catalogs::cached(n), n);
    }
    group.finish();
    // The first run after the file changed: parsed codes.
    let mut group = c.benchmark_group("search/first-run");
    group.sample_size(20);
    queries(&mut group, &catalogs::parsed(100_000), 100_000);
    group.finish();
}

criterion_group!(benches, builtin, scaling);
criterion_main!(benches);
