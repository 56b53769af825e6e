//! Compare: curated notes in either order, computed differences, cross-family pairs.

use whatcode::catalog::{Catalog, CodeEntry};
use whatcode::compare::{Aspect, Comparison, MIN_CONTRASTS, compare, first_item, on_wire};
use whatcode::strings::{EN, Lang, RU, Strings};

fn index(catalog: &Catalog, id: &str) -> usize {
    catalog.index_of_id(id).unwrap_or_else(|| panic!("{id} not in the catalog"))
}

#[test]
fn curated_note_is_found_in_either_order() {
    let catalog = Catalog::builtin();
    let (a, b) = (index(&catalog, "websocket/1000"), index(&catalog, "websocket/1001"));
    let forward = compare(&catalog, a, b, &EN);
    let backward = compare(&catalog, b, a, &EN);
    assert!(forward.curated && backward.curated);
    assert_eq!(forward.when_to_use, backward.when_to_use);
    assert!(forward.differences.len() >= 2);
}

#[test]
fn never_sent_codes_say_so() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "websocket/1006"), index(&catalog, "websocket/1001"), &EN);
    let wire = cmp.contrasts.iter().find(|c| c.aspect == Aspect::Wire).expect("a wire contrast");
    assert!(wire.text.contains("1006 is never sent"), "{}", wire.text);
}

#[test]
fn local_codes_are_not_said_to_travel() {
    // errno values are reported by the kernel: neither side "travels on the wire", so there is
    // no wire contrast, and nothing claims EPIPE is sent by a peer.
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "websocket/1006"), index(&catalog, "errno/32"), &EN);
    assert!(cmp.contrasts.iter().all(|c| c.aspect != Aspect::Wire), "{:#?}", cmp.differences);
    assert!(!cmp.differences.iter().any(|d| d.contains("sent by a peer") || d.contains("travels")));
    let cmp = compare(&catalog, index(&catalog, "http/502"), index(&catalog, "errno/32"), &EN);
    let wire = cmp.contrasts.iter().find(|c| c.aspect == Aspect::Wire).expect("http travels, errno does not");
    assert!(wire.text.contains("errno 32 is reported where it happens"), "{}", wire.text);
}

#[test]
fn unofficial_codes_name_their_source() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "http/499"), index(&catalog, "http/504"), &EN);
    assert!(
        cmp.differences.iter().any(|d| d.contains("non-standard") && d.contains("nginx")),
        "{:#?}",
        cmp.differences
    );
}

#[test]
fn cross_family_pairs_compare() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "http/502"), index(&catalog, "websocket/1014"), &EN);
    assert!(cmp.curated);
    assert!(cmp.contrasts.iter().any(|c| c.aspect == Aspect::Family), "{:#?}", cmp.differences);
    assert!(cmp.intro.contains("is one of the HTTP status codes"), "{}", cmp.intro);
}

#[test]
fn uncurated_pairs_still_get_differences_and_guidance() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "http/200"), index(&catalog, "websocket/1011"), &EN);
    assert!(!cmp.curated);
    assert!(cmp.differences.len() >= MIN_CONTRASTS);
    assert!(cmp.when_to_use.contains("http 200") && cmp.when_to_use.contains("websocket 1011"));
}

#[test]
fn the_issue_pairs_all_have_curated_notes() {
    let catalog = Catalog::builtin();
    let pairs = [
        ("http/301", "http/308"),
        ("http/302", "http/307"),
        ("http/401", "http/403"),
        ("http/400", "http/422"),
        ("http/404", "http/410"),
        ("http/500", "http/502"),
        ("http/502", "http/504"),
        ("http/503", "http/504"),
        ("http/429", "http/503"),
        ("http/408", "http/504"),
        ("websocket/1000", "websocket/1001"),
        ("websocket/1001", "websocket/1006"),
        ("websocket/1002", "websocket/1003"),
        ("websocket/1003", "websocket/1007"),
        ("websocket/1008", "websocket/1003"),
        ("websocket/1011", "websocket/1006"),
        ("websocket/1005", "websocket/1006"),
        ("websocket/1006", "websocket/1015"),
        ("websocket/1012", "websocket/1013"),
        ("http/502", "websocket/1014"),
        ("http/503", "websocket/1013"),
    ];
    for (a, b) in pairs {
        assert!(catalog.note_for(a, b).is_some(), "no curated note for {a} vs {b}");
    }
}

#[test]
fn the_seed_pair_reads_like_the_page_it_came_from() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "websocket/1000"), index(&catalog, "websocket/1002"), &EN);
    assert!(cmp.curated, "ws 1000 vs 1002 has a hand-written note");
    assert!(cmp.intro.starts_with("Both are WebSocket close codes"), "{}", cmp.intro);
    assert!(cmp.intro.contains("1000 Normal Closure means") && cmp.intro.contains("1002 Protocol error, by contrast"));
    assert!(cmp.differences.len() >= 3);
    assert!(cmp.when_to_use.contains("1000") && cmp.when_to_use.contains("1002"));
}

/// Checks one comparison: an intro naming both, at least three contrasts, guidance naming both,
/// no apology, and every generated contrast true of both entries' own fields.
fn check(catalog: &Catalog, cmp: &Comparison<'_>, s: &Strings) -> Result<(), String> {
    let (l, r) = (&*cmp.left, &*cmp.right);
    let pair = format!("{} vs {}", l.id(), r.id());
    let has = |text: &str, part: &str| text.contains(part);
    if !has(&cmp.intro, &l.name) || !has(&cmp.intro, &r.name) {
        return Err(format!("{pair}: the intro does not name both: {}", cmp.intro));
    }
    if cmp.differences.len() < MIN_CONTRASTS {
        return Err(format!("{pair}: {} differences: {:#?}", cmp.differences.len(), cmp.differences));
    }
    if cmp.when_to_use.trim().is_empty() || cmp.when_to_use.contains("No hand-written note") {
        return Err(format!("{pair}: no guidance"));
    }
    let names_both = has(&cmp.when_to_use, &l.code) && has(&cmp.when_to_use, &r.code);
    if !cmp.curated && !names_both {
        return Err(format!("{pair}: the guidance does not name both: {}", cmp.when_to_use));
    }
    let class = |e: &CodeEntry| catalog.class_of(e).map(str::to_string);
    for c in &cmp.contrasts {
        let t = &c.text;
        let ok = match c.aspect {
            Aspect::Curated => true,
            Aspect::Sign => {
                has(t, l.sign.as_deref().unwrap_or("\u{0}")) && has(t, r.sign.as_deref().unwrap_or("\u{0}"))
            }
            Aspect::Sender => {
                l.sent_by != r.sent_by && has(t, &s.senders(&l.sent_by)) && has(t, &s.senders(&r.sent_by))
            }
            Aspect::Retry => l.retry != r.retry && has(t, s.retry(l.retry)) && has(t, s.retry(r.retry)),
            Aspect::Wire => {
                let (a, b) = (on_wire(catalog, l), on_wire(catalog, r));
                a.is_some() && b.is_some() && a != b
            }
            Aspect::Class => {
                l.family == r.family
                    && class(l) != class(r)
                    && has(t, &class(l).unwrap_or_default())
                    && has(t, &class(r).unwrap_or_default())
            }
            Aspect::Family => l.family != r.family,
            Aspect::Standard => l.official != r.official || l.standard != r.standard,
            Aspect::SignalAction => l.default_action.is_some() && l.default_action != r.default_action,
            Aspect::Catchable => l.catchable.is_some() && l.catchable != r.catchable,
            Aspect::When => {
                has(t, &first_item(&l.when).unwrap_or_default()) && has(t, &first_item(&r.when).unwrap_or_default())
            }
            Aspect::FirstCheck => has(t, &l.fix[0]) && has(t, &r.fix[0]),
            Aspect::Meaning => has(t, &l.summary) && has(t, &r.summary),
        };
        if !ok {
            return Err(format!("{pair}: a {:?} contrast does not agree with the entries: {t}", c.aspect));
        }
    }
    Ok(())
}

#[test]
fn every_pair_within_each_family_compares_truthfully() {
    let catalog = Catalog::builtin();
    let mut checked = 0;
    let mut failures = Vec::new();
    for family in catalog.families() {
        let members: Vec<usize> =
            catalog.iter().enumerate().filter(|(_, e)| e.family() == family.id).map(|(i, _)| i).collect();
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                let cmp = compare(&catalog, a, b, &EN);
                if let Err(e) = check(&catalog, &cmp, &EN) {
                    failures.push(e);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "only {checked} pairs");
    assert!(
        failures.is_empty(),
        "{} of {checked} pairs fail:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn pairs_across_families_compare_truthfully_too() {
    let catalog = Catalog::builtin();
    // One code of each family against one of every other family.
    let firsts: Vec<usize> = catalog
        .families()
        .iter()
        .filter_map(|f| catalog.iter().position(|e| e.family() == f.id && e.end().is_none()))
        .collect();
    for &a in &firsts {
        for &b in &firsts {
            if a != b {
                let cmp = compare(&catalog, a, b, &EN);
                check(&catalog, &cmp, &EN).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}

#[test]
fn the_comparison_frame_is_in_russian_too() {
    let mut catalog = Catalog::builtin();
    catalog.localize(Lang::Ru.code());
    let cmp = compare(&catalog, index(&catalog, "websocket/1000"), index(&catalog, "websocket/1002"), &RU);
    assert!(cmp.intro.contains("означает"), "{}", cmp.intro);
    let cmp = compare(&catalog, index(&catalog, "http/200"), index(&catalog, "errno/32"), &RU);
    assert!(cmp.intro.contains("относится к семейству"), "{}", cmp.intro);
    check(&catalog, &cmp, &RU).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn at_least_300_pairs_have_a_curated_note() {
    let catalog = Catalog::builtin();
    assert!(catalog.notes().len() >= 300, "{} curated notes", catalog.notes().len());
}
