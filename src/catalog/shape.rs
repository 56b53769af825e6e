//! The shape of a code file, checked field by field before it is read into the typed schema, so
//! that `whatcode check` reports every missing, unknown or mistyped field of a file in one run
//! (the typed reader stops at the first).

use toml::de::{DeTable, DeValue};

use super::problem::{FileProblem, Locator};

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Integer,
    Bool,
    TextList,
    /// An array of tables of this shape (`[[family.range]]`).
    Tables(&'static [Field]),
    /// One table of this shape (`[family]`).
    Table(&'static [Field]),
}

/// A field of a table: name, kind, whether it must be there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: true }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: false }
}

const RANGE: &[Field] = &[
    req("start", Kind::Integer),
    req("end", Kind::Integer),
    req("label", Kind::Text),
    opt("unknown", Kind::Text),
    opt("treat_as", Kind::Text),
];

const STANDARD: &[Field] =
    &[req("id", Kind::Text), req("label", Kind::Text), req("official", Kind::Bool), req("means", Kind::Text)];

const MENTION: &[Field] = &[
    req("regex", Kind::Text),
    opt("read", Kind::Text),
    opt("means", Kind::Text),
    opt("unless", Kind::Text),
    req("examples", Kind::TextList),
];

const FAMILY: &[Field] = &[
    req("id", Kind::Text),
    opt("aliases", Kind::TextList),
    req("name", Kind::Text),
    opt("short", Kind::Text),
    req("display", Kind::Text),
    opt("negative", Kind::Text),
    opt("medium", Kind::Text),
    opt("layer", Kind::Text),
    req("specs", Kind::TextList),
    req("number_space", Kind::Text),
    req("overview", Kind::Text),
    opt("range", Kind::Tables(RANGE)),
    opt("standard", Kind::Tables(STANDARD)),
    opt("mention", Kind::Tables(MENTION)),
];

const CODE: &[Field] = &[
    req("code", Kind::Text),
    req("value", Kind::Integer),
    opt("end", Kind::Integer),
    req("name", Kind::Text),
    opt("aliases", Kind::TextList),
    req("official", Kind::Bool),
    opt("source", Kind::Text),
    req("summary", Kind::Text),
    req("description", Kind::Text),
    req("when", Kind::Text),
    req("fix", Kind::TextList),
    req("references", Kind::TextList),
    opt("related", Kind::TextList),
    opt("equivalents", Kind::TextList),
    req("sent_by", Kind::TextList),
    req("retry", Kind::Text),
    opt("never_sent", Kind::Bool),
    opt("message", Kind::Text),
    opt("default_action", Kind::Text),
    opt("catchable", Kind::Bool),
    opt("standard", Kind::Text),
    opt("commonness", Kind::Integer),
    opt("sign", Kind::Text),
    opt("use_when", Kind::Text),
    opt("says", Kind::TextList),
    opt("overrides", Kind::Bool),
];

const COMPARE: &[Field] =
    &[req("a", Kind::Text), req("b", Kind::Text), req("differences", Kind::TextList), req("when_to_use", Kind::Text)];

const FILE: &[Field] = &[
    opt("family", Kind::Table(FAMILY)),
    opt("extends", Kind::Text),
    opt("code", Kind::Tables(CODE)),
    opt("compare", Kind::Tables(COMPARE)),
];

/// Every shape problem of a file's text: unknown fields, missing required ones, values of the wrong
/// kind. Empty when the shape is right (or the text is not TOML, which the parser reports).
pub(super) fn problems(locate: &Locator<'_>) -> Vec<FileProblem> {
    let Ok(table) = DeTable::parse(locate.text) else { return Vec::new() };
    let mut out = Vec::new();
    check_table(locate, table.get_ref(), table.span().start, FILE, "", &mut out);
    out.sort_by_key(|p| (p.line, p.column));
    out
}

fn check_table(
    locate: &Locator<'_>,
    table: &DeTable<'_>,
    start: usize,
    shape: &[Field],
    path: &str,
    out: &mut Vec<FileProblem>,
) {
    // Problems name the field as a file writes it (`fix`), not its path.
    let here = |name: &str| name.to_string();
    let _ = path;
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let Some(field) = shape.iter().find(|f| f.name == name) else {
            let known: Vec<&str> = shape.iter().map(|f| f.name).collect();
            out.push(locate.at(
                key.span().start,
                Some(&here(name)),
                format!("unknown field '{name}'; expected one of {}", known.join(", ")),
            ));
            continue;
        };
        check_value(locate, value.get_ref(), value.span().start, field, &here(name), out);
    }
    for field in shape.iter().filter(|f| f.required) {
        if !table.iter().any(|(k, _)| k.get_ref().as_ref() == field.name) {
            out.push(locate.at_field(start, &here(field.name), format!("missing field '{}'", field.name)));
        }
    }
}

fn check_value(
    locate: &Locator<'_>,
    value: &DeValue<'_>,
    at: usize,
    field: &Field,
    path: &str,
    out: &mut Vec<FileProblem>,
) {
    let wrong = |expected: &str| format!("expected {expected}, found {}", kind_name(value));
    match (field.kind, value) {
        (Kind::Integer, DeValue::Integer(n)) => {
            // as_str() holds the digits without the 0x/0o/0b prefix (and may keep `_` separators).
            let digits = n.as_str().replace('_', "");
            if i64::from_str_radix(&digits, n.radix()).is_err() {
                out.push(locate.at(at, Some(path), "the number is too large: at most 9223372036854775807".to_string()));
            }
        }
        (Kind::Text, DeValue::String(_)) | (Kind::Bool, DeValue::Boolean(_)) => {}
        (Kind::TextList, DeValue::Array(items)) => {
            for item in items.iter() {
                if !matches!(item.get_ref(), DeValue::String(_)) {
                    out.push(locate.at(
                        item.span().start,
                        Some(path),
                        format!("expected text, found {}", kind_name(item.get_ref())),
                    ));
                }
            }
        }
        (Kind::Tables(shape), DeValue::Array(items)) => {
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(t) => check_table(locate, t, item.span().start, shape, path, out),
                    other => out.push(locate.at(
                        item.span().start,
                        Some(path),
                        format!("expected a table, found {}", kind_name(other)),
                    )),
                }
            }
        }
        (Kind::Table(shape), DeValue::Table(t)) => check_table(locate, t, at, shape, path, out),
        (Kind::Text, _) => out.push(locate.at(at, Some(path), wrong("text"))),
        (Kind::Integer, _) => out.push(locate.at(at, Some(path), wrong("an integer"))),
        (Kind::Bool, _) => out.push(locate.at(at, Some(path), wrong("true or false"))),
        (Kind::TextList, _) => out.push(locate.at(at, Some(path), wrong("a list of texts"))),
        (Kind::Tables(_), _) => out.push(locate.at(at, Some(path), wrong("a list of tables"))),
        (Kind::Table(_), _) => out.push(locate.at(at, Some(path), wrong("a table"))),
    }
}

fn kind_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number with a fraction",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
