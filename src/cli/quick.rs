//! The two commonest command lines, `whatcode show ID` and `whatcode QUERY` (one word, no
//! flags), read without building the full parser: building it costs a fifth of a millisecond,
//! as much as the answer itself. Anything else, and anything that looks like a flag, goes to
//! clap; a test holds both readings to the same result.

use std::ffi::OsString;

use super::{Args, ColorChoice, Command, Format};

/// The subcommands (and clap's `help`): a lone word that names one is not a query.
pub const SUBCOMMANDS: &[&str] =
    &["show", "search", "compare", "list", "families", "tui", "completions", "man", "scan", "check", "help"];

/// The arguments, when the command line (without the program name) is one of the quick forms.
pub fn parse(args: &[OsString]) -> Option<Args> {
    let words: Vec<&str> = args.iter().map(|a| a.to_str()).collect::<Option<_>>()?;
    if words.iter().any(|w| w.starts_with('-')) {
        return None;
    }
    let (command, query) = match words.as_slice() {
        ["show", id] => (Some(Command::Show { id: id.to_string() }), Vec::new()),
        [query] if !SUBCOMMANDS.contains(query) => (None, vec![query.to_string()]),
        _ => return None,
    };
    Some(Args {
        command,
        query,
        json: false,
        limit: None,
        color: ColorChoice::Auto,
        no_pager: false,
        format: Format::Text,
        mouse: false,
        data: Vec::new(),
        replace_builtin: None,
        no_user_data: false,
        lang: None,
    })
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    fn os(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_quick_reading_is_claps() {
        for words in [
            &["show", "http/404"][..],
            &["show", "errno/ECONNRESET"],
            &["404"],
            &["ECONNRESET"],
            &["4xx"],
            &["going away"],
            &[""],
            &["http/404"],
        ] {
            let quick = parse(&os(words)).unwrap_or_else(|| panic!("{words:?} is a quick form"));
            let full = Args::try_parse_from(std::iter::once("whatcode").chain(words.iter().copied())).expect("parses");
            assert_eq!(format!("{quick:?}"), format!("{full:?}"), "{words:?}");
        }
    }

    #[test]
    fn flags_subcommands_and_longer_lines_go_to_clap() {
        for words in [
            &[][..],
            &["-111"],
            &["--version"],
            &["list"],
            &["help"],
            &["man"],
            &["show"],
            &["show", "--json"],
            &["show", "http/404", "--json"],
            &["compare", "502"],
            &["502", "504"],
        ] {
            assert!(parse(&os(words)).is_none(), "{words:?}");
        }
    }

    #[test]
    fn the_subcommand_list_is_complete() {
        let mut names: Vec<String> = Args::command().get_subcommands().map(|c| c.get_name().to_string()).collect();
        names.push("help".into());
        names.sort();
        let mut listed: Vec<String> = SUBCOMMANDS.iter().map(|s| s.to_string()).collect();
        listed.sort();
        assert_eq!(names, listed);
    }
}
