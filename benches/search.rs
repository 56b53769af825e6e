//! Search speed: the built-in catalogue, and a keystroke's search on 10^3, 10^4 and 10^5 user
//! codes (the curve BENCHMARKS.md shows). `cargo bench --bench search`

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use whatcode::catalog::{Catalog, user};
use whatcode::search::{Query, SearchIndex, search};

#[path = "synthetic.rs"]
mod synthetic;

/// The built-in catalogue plus `n` synthetic codes.
pub fn catalog_with(n: usize) -> Catalog {
    let (toml, _) = synthetic::generate(n);
    let mut catalog = Catalog::builtin();
    user::add_source(&mut catalog, Path::new("synthetic.toml"), &toml).expect("the synthetic file is valid");
    catalog
}

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

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("search/scaling");
    group.sample_size(20);
    for n in [1_000, 10_000, 100_000] {
        let catalog = catalog_with(n);
        let index = SearchIndex::new(&catalog);
        for query in ["snpt", "snapshot too large", "100042"] {
            let parsed = Query::parse(query, &catalog);
            // The first search builds the lazy index, as the first keystroke does; measure the rest.
            black_box(search(&catalog, &index, &parsed));
            group.bench_with_input(BenchmarkId::new(query, n), &parsed, |b, q| {
                b.iter(|| black_box(search(&catalog, &index, q)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, builtin, scaling);
criterion_main!(benches);
