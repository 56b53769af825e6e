//! Writes a mixed log of at least MB megabytes for the scan benchmark (see BENCHMARKS.md):
//!
//!   cargo run --release --example gen_log -- 200 /tmp/mixed-200.log
//!
//! About 70% access-log lines (nginx combined format and AWS ALB, every status class, numbers
//! everywhere: sizes, times, ports, ids), 15% application lines full of numbers that are not codes
//! (durations, user ids, ports, sizes, counts, versions, hashes, dates), and 15% error lines of every
//! family, taken from the mention corpus (tests/corpus/*.txt, real formats written by us). The
//! output is deterministic: the same size gives the same file.

use std::io::{BufWriter, Write};

/// A small deterministic generator (xorshift), so the file is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const STATUSES: &[u16] = &[
    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201, 204, 206, 301, 302, 304, 304, 400, 401, 403, 404,
    404, 404, 405, 408, 409, 413, 429, 499, 500, 502, 503, 504,
];
const PATHS: &[&str] = &[
    "/api/v1/users/42",
    "/static/app.4f3a9c.js",
    "/healthz",
    "/api/orders?id=404&limit=500",
    "/login",
    "/api/v2/items/1002/reviews?page=3",
    "/images/logo@2x.png",
    "/ws/live",
];
const AGENTS: &[&str] = &[
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "curl/8.5.0",
    "kube-probe/1.31",
    "Go-http-client/2.0",
    "python-requests/2.32.3",
];

fn access_line(rng: &mut Rng, n: u64, out: &mut String) {
    let status = rng.pick(STATUSES);
    let (a, b) = (rng.below(256), rng.below(256));
    let size = rng.below(120_000);
    let time = rng.below(5000);
    if rng.below(5) == 0 {
        // AWS ALB: type time elb client:port target:port 3 times elb_status target_status ...
        let target = if *status >= 500 && rng.below(2) == 0 { "-".to_string() } else { status.to_string() };
        out.push_str(&format!(
            "https 2026-12-03T10:{:02}:{:02}.{:06}Z app/web-prod/50dc6c495c0c9188 10.0.{a}.{b}:{} 10.0.7.{b}:8080 0.000 0.{time:03} 0.000 {status} {target} {} {size} \"GET https://shop.example.com:443{} HTTP/1.1\" \"{}\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2\n",
            n / 60 % 60,
            n % 60,
            n % 1_000_000,
            40000 + rng.below(20000),
            rng.below(900),
            rng.pick(PATHS),
            rng.pick(AGENTS),
        ));
    } else {
        out.push_str(&format!(
            "10.{a}.{b}.{} - - [03/Dec/2026:10:{:02}:{:02} +0000] \"GET {} HTTP/1.1\" {status} {size} \"-\" \"{}\" {}.{:03}\n",
            n % 250,
            n / 60 % 60,
            n % 60,
            rng.pick(PATHS),
            rng.pick(AGENTS),
            time / 1000,
            time % 1000,
        ));
    }
}

fn app_line(rng: &mut Rng, n: u64, out: &mut String) {
    let templates: [&dyn Fn(&mut Rng) -> String; 5] = [
        &|r| {
            format!(
                "request_id=8812{n} user_id={} took {} ms port {} size={}\n",
                r.below(999),
                r.below(3000),
                1024 + r.below(60000),
                r.below(1 << 20)
            )
        },
        &|r| {
            format!(
                "INFO worker[{}] processed {} jobs in {}.{}s (batch 1002, retries 0)\n",
                r.below(64),
                r.below(10000),
                r.below(99),
                r.below(999)
            )
        },
        &|r| {
            format!(
                "DEBUG cache hit ratio 0.{} after {} lookups, key=order:{}:v2\n",
                r.below(999),
                r.below(100_000),
                r.below(1_000_000)
            )
        },
        &|r| {
            format!(
                "deploy v1.{}.{} commit {:012x} rolled out to {} of 12 pods at 2026-12-03\n",
                r.below(30),
                r.below(20),
                r.next() & 0xffff_ffff_ffff,
                r.below(12)
            )
        },
        &|r| {
            format!(
                "GC pause {} ms, heap {} MB of 4096 MB, {} goroutines\n",
                r.below(300),
                r.below(4096),
                r.below(5000)
            )
        },
    ];
    out.push_str(&rng.pick(&templates)(rng));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mb), Some(path)) = (args.get(1).and_then(|n| n.parse::<u64>().ok()), args.get(2)) else {
        eprintln!("usage: gen_log MEGABYTES FILE");
        std::process::exit(2);
    };
    let corpus_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut errors: Vec<String> = Vec::new();
    if let Ok(dir) = std::fs::read_dir(&corpus_dir) {
        let mut files: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            errors.extend(text.lines().filter_map(|l| l.strip_prefix("> ")).map(|l| format!("{l}\n")));
        }
    }
    if errors.is_empty() {
        errors.push("connect() failed (111: Connection refused) while connecting to upstream\n".into());
    }
    let file = std::fs::File::create(path).expect("create the log");
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (target, mut written, mut n) = (mb << 20, 0u64, 0u64);
    let mut line = String::new();
    while written < target {
        line.clear();
        match rng.below(100) {
            0..70 => access_line(&mut rng, n, &mut line),
            70..85 => app_line(&mut rng, n, &mut line),
            _ => {
                let error: &String = rng.pick(&errors);
                line.push_str(error);
            }
        }
        w.write_all(line.as_bytes()).expect("write");
        written += line.len() as u64;
        n += 1;
    }
    w.flush().expect("flush");
}
