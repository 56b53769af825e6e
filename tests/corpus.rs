//! The mention corpus: real-format log lines (tests/corpus/*.txt), each with the codes whatcode
//! must find in it, in order. Reports precision and recall over the whole corpus and per family,
//! and holds both high; checks that every mention pattern and `says` phrase of the built-in
//! dataset is exercised by some line.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use whatcode::catalog::{Catalog, mention};
use whatcode::scan::Scanner;

/// One line of the corpus and the ids expected in it.
struct Case {
    file: String,
    line: String,
    expected: Vec<String>,
}

fn corpus() -> Vec<Case> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let mut pending: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            if let Some(line) = raw.strip_prefix("> ") {
                assert!(pending.is_none(), "{name}:{}: a '> ' line without its '=' line before it", n + 1);
                pending = Some(line.to_string());
            } else if let Some(ids) = raw.strip_prefix('=') {
                let line = pending.take().unwrap_or_else(|| panic!("{name}:{}: '=' without a '> ' line", n + 1));
                // Each id once, in order of first appearance.
                let mut expected: Vec<String> = Vec::new();
                for id in ids.split_whitespace() {
                    if !expected.iter().any(|e| e == id) {
                        expected.push(id.to_string());
                    }
                }
                cases.push(Case { file: name.clone(), line, expected });
            } else {
                assert!(
                    raw.trim().is_empty() || raw.starts_with('#'),
                    "{name}:{}: expected '> line', '= ids', a comment or a blank line",
                    n + 1
                );
            }
        }
        assert!(pending.is_none(), "{name}: the last '> ' line has no '=' line");
    }
    cases
}

fn family_of(id: &str) -> &str {
    id.split_once('/').map_or(id, |(f, _)| f)
}

#[test]
fn every_expected_id_exists() {
    let catalog = Catalog::builtin();
    for case in corpus() {
        for id in &case.expected {
            assert!(catalog.index_of_id(id).is_some(), "{}: '{id}' is not a known id ({})", case.file, case.line);
        }
    }
}

#[test]
fn precision_and_recall_are_high() {
    let catalog = Catalog::builtin();
    let scanner = Scanner::new(&catalog);
    let cases = corpus();
    assert!(cases.len() >= 30, "the corpus has only {} lines", cases.len());
    // Per family: (true positives, false positives, false negatives).
    let mut per_family: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut exact_lines = 0;
    for case in &cases {
        // Ids in order of first appearance: a code mentioned twice on a line (its number and its
        // message) counts once.
        let mut found: Vec<String> = Vec::new();
        for f in scanner.find(&catalog, case.line.as_bytes()) {
            let id = catalog.at(f.index).id();
            if !found.contains(&id) {
                found.push(id);
            }
        }
        let expected: HashSet<&String> = case.expected.iter().collect();
        let got: HashSet<&String> = found.iter().collect();
        for id in got.intersection(&expected) {
            per_family.entry(family_of(id).to_string()).or_default().0 += 1;
        }
        for id in got.difference(&expected) {
            per_family.entry(family_of(id).to_string()).or_default().1 += 1;
        }
        for id in expected.difference(&got) {
            per_family.entry(family_of(id).to_string()).or_default().2 += 1;
        }
        if found == case.expected {
            exact_lines += 1;
        } else {
            misses.push(format!(
                "{}: {}\n    expected {:?}\n    found    {:?}",
                case.file, case.line, case.expected, found
            ));
        }
    }
    let (tp, fp, fn_) = per_family.values().fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
    let ratio = |num: usize, den: usize| if den == 0 { 1.0 } else { num as f64 / den as f64 };
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    println!("corpus: {} lines, {exact_lines} found exactly as expected", cases.len());
    println!("precision {:.3}  recall {:.3}  ({tp} found, {fp} wrong, {fn_} missed)", precision, recall);
    for (family, (tp, fp, fn_)) in &per_family {
        println!(
            "  {family:<14} precision {:.3}  recall {:.3}  ({tp}/{fp}/{fn_})",
            ratio(*tp, tp + fp),
            ratio(*tp, tp + fn_)
        );
    }
    assert!(
        precision >= 0.98 && recall >= 0.97,
        "precision {precision:.3}, recall {recall:.3}; the lines that differ:\n{}",
        misses.join("\n")
    );
    assert!(misses.len() * 50 <= cases.len(), "more than 2% of lines differ:\n{}", misses.join("\n"));
}

#[test]
fn every_pattern_is_exercised_by_the_corpus() {
    let catalog = Catalog::builtin();
    let lines: Vec<String> = corpus().into_iter().map(|c| c.line).collect();
    let mut unused = Vec::new();
    for family in catalog.families() {
        for (k, m) in family.mentions.iter().enumerate() {
            let regex = mention::compile(m).unwrap_or_else(|e| panic!("family {}: pattern {}: {e}", family.id, k + 1));
            if !lines.iter().any(|l| !mention::find_in(&catalog, family, m, &regex, l).is_empty()) {
                unused.push(format!("family {} pattern {}: {}", family.id, k + 1, m.regex));
            }
        }
    }
    assert!(unused.is_empty(), "{} patterns no corpus line uses:\n{}", unused.len(), unused.join("\n"));
}

#[test]
fn the_fast_resolver_agrees_with_the_reference_on_every_example() {
    let catalog = Catalog::builtin();
    let scanner = Scanner::new(&catalog);
    for family in catalog.families() {
        for m in family.mentions.iter() {
            let Ok(regex) = mention::compile(m) else { continue };
            for example in m.examples.iter() {
                let reference: Vec<usize> =
                    mention::find_in(&catalog, family, m, &regex, example).into_iter().map(|(i, _)| i).collect();
                let found: Vec<usize> = scanner.find(&catalog, example.as_bytes()).iter().map(|f| f.index).collect();
                for i in reference {
                    assert!(
                        found.contains(&i),
                        "{}: the scanner misses {} in '{example}'",
                        family.id,
                        catalog.at(i).id()
                    );
                }
            }
        }
    }
}

#[test]
fn every_says_phrase_finds_its_code_in_a_line() {
    let catalog = Catalog::builtin();
    let scanner = Scanner::new(&catalog);
    let mut missed = Vec::new();
    for (i, e) in catalog.iter().enumerate() {
        for phrase in e.says() {
            let line = format!("2026-12-03T10:12:01Z worker[7]: request failed: {phrase} (retrying)");
            if !scanner.find(&catalog, line.as_bytes()).iter().any(|f| f.index == i) {
                missed.push(format!("{} says '{phrase}'", e.id()));
            }
        }
    }
    assert!(missed.is_empty(), "{} phrases are not found in a line:\n{}", missed.len(), missed.join("\n"));
}

/// The whole corpus as one block, with the line ends logs have (`\n` and `\r\n`), finds on each
/// line exactly what the line finds alone, at the same places; so do blocks cut anywhere, and so
/// does the scanner built for pasted text.
#[test]
fn a_block_of_lines_finds_what_each_line_finds() {
    let catalog = Catalog::builtin();
    let scanner = Scanner::new(&catalog);
    let for_text = Scanner::for_text(&catalog);
    let cases = corpus();
    let mut block = Vec::new();
    let mut alone = Vec::new();
    for (k, case) in cases.iter().enumerate() {
        block.extend_from_slice(case.line.as_bytes());
        block.extend_from_slice(if k % 3 == 0 { b"\r\n" } else { b"\n" });
        // A line that mentions nothing between each two, as in real logs.
        block.extend_from_slice(b"GC pause 24 ms, heap 3697 MB of 4096 MB\n");
        alone.push(scanner.find(&catalog, case.line.as_bytes()));
        alone.push(Vec::new());
        // The scanner built for pasted text (a quicker-built automaton) finds the same.
        assert_eq!(for_text.find(&catalog, case.line.as_bytes()), alone[alone.len() - 2], "{}", case.line);
    }
    for (scanner, pieces) in [(&scanner, 1), (&scanner, 7), (&scanner, 64), (&for_text, 1), (&for_text, 7)] {
        let mut found: Vec<Vec<whatcode::scan::Finding>> = vec![Vec::new(); alone.len()];
        let mut scratch = whatcode::scan::Scratch::default();
        let mut first = 0usize;
        let lines: Vec<&[u8]> = block.split_inclusive(|&b| b == b'\n').collect();
        for chunk in lines.chunks(lines.len().div_ceil(pieces)) {
            let text: Vec<u8> = chunk.concat();
            scanner
                .find_lines(&catalog, &text, &mut scratch, |index, _, findings| {
                    found[first + index as usize] = findings.to_vec();
                    Ok::<(), ()>(())
                })
                .expect("no error");
            first += chunk.len();
        }
        for (k, (got, want)) in found.iter().zip(&alone).enumerate() {
            assert_eq!(got, want, "line {} of the block ({} pieces): {}", k + 1, pieces, cases[k / 2].line);
        }
    }
}
