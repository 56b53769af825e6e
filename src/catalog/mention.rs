//! A family's mention patterns as data: compiling one, and reading what its `code` group
//! captured as one of the family's codes. The scanner (`crate::scan`) builds its fast matcher from
//! the same pieces; validation uses them to check that every pattern compiles and finds a code in
//! each of its examples.

use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::{Catalog, Display, EntryRef, Family, Mention, MentionRead, Negative, parse_number};

/// The largest compiled size a user's expression may take: generous for any real pattern, and
/// small enough that a hostile one cannot eat the memory.
const SIZE_LIMIT: usize = 1 << 20;

/// Compiles a mention's expression, requiring a group named `code` unless the mention says which
/// code every match `means`.
pub fn compile(mention: &Mention) -> Result<Regex, String> {
    compile_source(&mention.regex, mention.means.is_none())
}

/// [`compile`] for the expression's text.
///
/// Classes and word boundaries are ASCII (`\d` is `[0-9]`, `\b` sees ASCII words, `(?i)` folds
/// ASCII letters): codes in logs are ASCII, and ASCII automata are a fraction of the size and run
/// on the fast engines. An expression that needs Unicode to compile (a non-ASCII letter in a
/// class) gets it.
pub fn compile_source(source: &str, needs_code_group: bool) -> Result<Regex, String> {
    compile_for(source, needs_code_group, Search::Anywhere)
}

/// Where the scanner runs an expression, which decides the engines worth building for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Search {
    /// Anywhere in a line: the lazy DFAs (forward and reverse) find where it matches.
    Anywhere,
    /// Only from the place where the scanner's literal prefilter saw its start. There the one-pass
    /// and backtracking engines serve alone: the lazy DFAs' reverse automaton and caches would
    /// be two thirds of the scanner's memory, and they are slower on such short runs.
    Anchored,
}

/// [`compile_source`] for the way the scanner will run the expression.
pub fn compile_for(source: &str, needs_code_group: bool, search: Search) -> Result<Regex, String> {
    // The one-pass engine (captures in a single pass) is kept for small expressions only: for
    // the long alternations of messages it would take most of the scanner's memory.
    let config = Regex::config()
        .nfa_size_limit(Some(SIZE_LIMIT))
        .hybrid_cache_capacity(SIZE_LIMIT)
        .onepass_size_limit(Some(24 << 10));
    let config = match search {
        Search::Anywhere => config,
        Search::Anchored => config.hybrid(false).dfa(false),
    };
    let regex = build(&[source], config).map_err(|e| format!("not a valid expression: {}", one_line(&e)))?;
    if needs_code_group && code_group(&regex).is_none() {
        return Err(
            "the expression needs a group named `code`: (?P<code>...), or the mention says which code it `means`"
                .into(),
        );
    }
    Ok(regex)
}

/// Compiles one expression, or several as one multi-pattern expression, with `config`: ASCII
/// classes and case folding, or Unicode when an expression needs it to compile. The error is the
/// regex crate's message.
pub fn build(sources: &[&str], config: regex_automata::meta::Config) -> Result<Regex, String> {
    let build = |unicode: bool| {
        Regex::builder()
            .syntax(syntax::Config::new().utf8(false).unicode(unicode))
            .configure(config.clone())
            .build_many(sources)
            .map_err(|e| e.to_string())
    };
    build(false).or_else(|_| build(true))
}

/// The index of the group named `code`.
pub fn code_group(regex: &Regex) -> Option<usize> {
    regex.group_info().to_index(regex_automata::PatternID::ZERO, "code")
}

/// The regex crate's multi-line error, as one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as mentions compare it: lower case, without `_`, `-`, `.` and spaces
/// (`StatusCode.UNAVAILABLE`'s `UNAVAILABLE`, `Unavailable` and `unavailable` are one key).
pub fn name_key(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '_' | '-' | '.' | ' ')).flat_map(char::to_lowercase).collect()
}

/// The value a captured number stands for in a family that writes codes as `display` and reads
/// negative numbers by `negative`, read as `read` says.
pub fn captured_value(display: Display, negative: Negative, read: MentionRead, text: &str) -> Option<i64> {
    let text = text.trim();
    match read {
        MentionRead::Hex => {
            let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
            if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u64::from_str_radix(digits, 16).ok().and_then(|v| i64::try_from(v).ok())
        }
        MentionRead::Code if display.is_numeric() => match parse_number(text)? {
            n if n < 0 => negative.read(n),
            n => Some(n),
        },
        _ => None,
    }
}

/// The catalogue position of the code of `family` that `text` (a `code` capture) names, if any.
/// The reference resolver: checks and tests use it; the scanner keeps a map that gives the same
/// answers faster.
pub fn resolve(catalog: &Catalog, family: &Family, read: MentionRead, text: &str) -> Option<usize> {
    let in_family = || catalog.iter().enumerate().filter(|(_, e)| e.family() == family.id);
    if let Some(value) = captured_value(family.display, family.negative, read, text) {
        return in_family()
            .find(|(_, e)| e.end().is_none() && e.value() == value)
            .or_else(|| in_family().find(|(_, e)| e.covers(value)))
            .map(|(i, _)| i);
    }
    match read {
        MentionRead::Hex => None,
        MentionRead::Code => {
            let text = text.trim();
            (family.display == Display::Text || family.display == Display::Mixed)
                .then(|| in_family().find(|(_, e)| e.code().eq_ignore_ascii_case(text)).map(|(i, _)| i))
                .flatten()
        }
        MentionRead::Name => {
            let key = name_key(text);
            if key.is_empty() {
                return None;
            }
            let names = |e: &EntryRef<'_>| {
                std::iter::once(e.code())
                    .chain(std::iter::once(e.name()))
                    .chain(e.aliases())
                    .any(|n| name_key(n) == key)
            };
            in_family().find(|(_, e)| names(e)).map(|(i, _)| i)
        }
    }
}

/// The code a mention's `means` names: a code of the family as written (`1006`), or an id.
pub fn resolve_means(catalog: &Catalog, family: &Family, means: &str) -> Option<usize> {
    let id = if means.contains('/') { means.to_string() } else { format!("{}/{means}", family.id) };
    catalog.resolve_id(&id).filter(|&i| catalog.at(i).family() == family.id)
}

/// The codes one pattern finds in `line`: each `code` capture that names a code of the family, as
/// (catalogue position, byte range of the whole match).
pub fn find_in(
    catalog: &Catalog,
    family: &Family,
    mention: &Mention,
    regex: &Regex,
    line: &str,
) -> Vec<(usize, std::ops::Range<usize>)> {
    if let Some(unless) = &mention.unless
        && compile_source(unless, false).is_ok_and(|u| u.is_match(line.as_bytes()))
    {
        return Vec::new();
    }
    if let Some(means) = &mention.means {
        let Some(index) = resolve_means(catalog, family, means) else { return Vec::new() };
        return regex.find_iter(line).map(|m| (index, m.range())).collect();
    }
    let Some(group) = code_group(regex) else { return Vec::new() };
    regex
        .captures_iter(line)
        .filter_map(|caps| {
            let code = caps.get_group(group)?;
            let whole = caps.get_match()?;
            resolve(catalog, family, mention.read, line.get(code.range())?).map(|i| (i, whole.range()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ignore_case_and_separators() {
        assert_eq!(name_key("StatusCode.UNAVAILABLE"), "statuscodeunavailable");
        assert_eq!(name_key("DEADLINE_EXCEEDED"), name_key("DeadlineExceeded"));
        assert_eq!(name_key("not-leader or_follower"), "notleaderorfollower");
    }

    #[test]
    fn patterns_are_ascii_unless_they_need_unicode() {
        let digits = compile_source(r"code (?P<code>\d+)", true).expect("compiles");
        assert!(digits.is_match("code 42"));
        assert!(!digits.is_match("code \u{0664}\u{0662}"), "Arabic-Indic digits are not \\d");
        let accented = compile_source(r"(?P<code>[éè]rr)", true).expect("a non-ASCII class falls back to Unicode");
        assert!(accented.is_match("érr"));
    }

    #[test]
    fn a_pattern_without_a_code_group_is_refused() {
        let m = |re: &str| Mention {
            regex: re.to_string().into(),
            read: MentionRead::Code,
            means: None,
            unless: None,
            examples: Vec::new().into(),
        };
        assert!(compile(&m(r"HTTP/\d (\d+)")).unwrap_err().contains("group named `code`"));
        assert!(compile(&m(r"HTTP/\d (?P<code>\d+")).unwrap_err().starts_with("not a valid expression"));
        assert!(compile(&m(r"HTTP/\d (?P<code>\d+)")).is_ok());
    }

    #[test]
    fn captures_read_numbers_by_the_familys_rules() {
        let catalog = Catalog::builtin();
        let http = catalog.family("http").expect("http");
        let at = |read, text| resolve(&catalog, http, read, text).map(|i| catalog.at(i).id());
        assert_eq!(at(MentionRead::Code, "503").as_deref(), Some("http/503"));
        assert_eq!(at(MentionRead::Code, "-503"), None, "HTTP has no negative codes");
        assert_eq!(at(MentionRead::Name, "Service Unavailable").as_deref(), Some("http/503"));
        assert_eq!(at(MentionRead::Hex, "1f7").as_deref(), Some("http/503"));
        assert_eq!(at(MentionRead::Code, "999"), None);
    }
}
