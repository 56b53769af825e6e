//! Compare: curated notes in either order, computed differences, cross-family pairs.

use whatcode::catalog::Catalog;
use whatcode::compare::compare;
use whatcode::strings::EN;

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
    assert!(cmp.differences.iter().any(|d| d.contains("never travels on the wire")), "{:#?}", cmp.differences);
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
    assert!(cmp.differences.iter().any(|d| d.starts_with("Different families")));
}

#[test]
fn uncurated_pairs_still_get_differences_and_guidance() {
    let catalog = Catalog::builtin();
    let cmp = compare(&catalog, index(&catalog, "http/200"), index(&catalog, "websocket/1011"), &EN);
    assert!(!cmp.curated);
    assert!(!cmp.differences.is_empty());
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
