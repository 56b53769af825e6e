//! The command line: arguments, and the non-interactive commands, which return their output and
//! exit status instead of printing, so tests can call them without a process (`scan`, which
//! streams, writes to the writers it is given).

pub mod quick;
pub mod scan;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::catalog::{Catalog, parse_number, user};
use crate::compare::compare;
use crate::json::{self, ComparisonJson, EntryJson, FamilyJson, HitJson};
use crate::markdown;
use crate::report::{self, Layout};
use crate::search::{Pattern, Query, SearchIndex, Tier, search, standout};
use crate::strings::{Strings, fill};

/// whatcode explains the codes engineers meet in incidents, offline: HTTP, WebSocket, gRPC,
/// HTTP/2, HTTP/3, QUIC, TLS, certificates, curl, OAuth, errno, signals, exit statuses,
/// Kubernetes, Windows, DNS, mail, LDAP, SSH, SIP, MQTT, PostgreSQL, MySQL, Redis and Kafka.
///
/// With no arguments on a terminal it opens the interactive browser. `whatcode scan` finds and
/// explains every code a log mentions.
#[derive(Parser, Debug)]
#[command(name = "whatcode", version, allow_negative_numbers = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A code or words to look up: 1006, 499, ECONNRESET, "going away", ws 1002, http 5xx
    pub query: Vec<String>,

    /// Print JSON for programs instead of text (same as --format json)
    #[arg(long, global = true)]
    pub json: bool,

    /// How many hits to list (0 for all). Text lists stop at 20 unless told; JSON lists every hit
    /// unless told
    #[arg(long, global = true, value_name = "N")]
    pub limit: Option<usize>,

    /// Colour and bold in text output: auto (on a terminal without NO_COLOR), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print long output straight to the terminal instead of through the pager ($WHATCODE_PAGER,
    /// else $PAGER, else less -FRX)
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Mouse in the browser: click to select, wheel to scroll (off by default, so the terminal's
    /// own text selection keeps working)
    #[arg(long, global = true)]
    pub mouse: bool,

    /// Also load this code file (repeatable; after the data folder)
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub data: Vec<PathBuf>,

    /// Dataset development: load FILE in place of the built-in family it defines (under the
    /// built-in rules)
    #[arg(long, global = true, hide = true, value_name = "FILE")]
    pub replace_builtin: Option<PathBuf>,

    /// Skip the code files in the user data folder
    #[arg(long, global = true)]
    pub no_user_data: bool,

    /// Interface language: en or ru (default: $WHATCODE_LANG, else the locale). JSON stays English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "ru"])]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Everything about one code, by id: http/404, ws/1006, errno/ECONNREFUSED, signal/KILL
    Show {
        #[arg(allow_negative_numbers = true)]
        id: String,
    },
    /// Ranked matches for a query
    Search {
        #[arg(required = true, allow_negative_numbers = true)]
        query: Vec<String>,
    },
    /// Two codes side by side: key differences and when to use which
    Compare { a: String, b: String },
    /// Every code, or every code of one family
    List {
        #[arg(long, short)]
        family: Option<String>,
    },
    /// The families, or one family's overview
    Families { family: Option<String> },
    /// Open the interactive browser, optionally with a query typed in
    Tui {
        query: Vec<String>,
        /// Picker mode: Enter prints the chosen code's id to stdout and exits (the browser draws
        /// on /dev/tty, so `id=$(whatcode tui --print)` works)
        #[arg(long)]
        print: bool,
    },
    /// Print a shell completion script: whatcode completions bash > /etc/bash_completion.d/whatcode
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff): whatcode man > whatcode.1
    Man,
    /// Find and explain every code that a log mentions: a summary on a terminal, a list on a pipe
    Scan {
        /// Files to read; standard input when none is given, or for `-`
        files: Vec<PathBuf>,
        /// Print the summary (the default on a terminal): each code with its count, first and last
        /// line, and meaning
        #[arg(long, conflicts_with_all = ["annotate", "tui"])]
        summary: bool,
        /// Pass the input through unchanged, with a note under each line that mentions codes
        #[arg(long, conflicts_with = "tui")]
        annotate: bool,
        /// Open the browser on the codes found, with the lines that mention them
        #[arg(long)]
        tui: bool,
    },
    /// Validate code files (the data folder's when none is named): every problem with file,
    /// line, column and field
    Check {
        files: Vec<PathBuf>,
        /// Also apply the built-in dataset's rules (layer, aliases, related, sign and commonness
        /// on every code)
        #[arg(long)]
        strict: bool,
    },
}

/// When text output uses colour and bold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How non-interactive output is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
}

/// What a command prints and how the process should exit.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

impl Output {
    /// Successful output of `stdout`.
    pub fn ok(stdout: String) -> Self {
        Output { stdout, ..Default::default() }
    }

    fn fail(status: u8, stderr: String) -> Self {
        Output { stderr, status, ..Default::default() }
    }
}

/// How many hits a text list shows unless `--limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 20;

/// Exit status when nothing matches.
pub const NO_MATCH: u8 = 1;
/// Exit status for bad usage or bad data.
pub const USAGE: u8 = 2;

/// Runs a non-interactive command. `Tui` is the caller's business (it needs a terminal).
pub fn run(args: &Args, catalog: &Catalog, layout: Layout) -> Output {
    let format = if args.json { Format::Json } else { args.format };
    let cli = Cli {
        catalog,
        index: SearchIndex::one_shot(),
        layout,
        json: format == Format::Json,
        markdown: format == Format::Markdown,
    };
    match &args.command {
        None => cli.lookup(&args.query.join(" "), args.limit),
        Some(Command::Show { id }) => cli.show(id),
        Some(Command::Search { query }) => cli.search(&query.join(" "), args.limit),
        Some(Command::Compare { a, b }) => cli.compare(a, b),
        Some(Command::List { family }) => cli.list(family.as_deref()),
        Some(Command::Families { family }) => cli.families(family.as_deref()),
        Some(Command::Tui { .. }) | Some(Command::Scan { tui: true, .. }) => {
            Output::fail(USAGE, "the browser needs a terminal\n".into())
        }
        Some(Command::Scan { .. }) => Output::fail(USAGE, "scan streams: call cli::scan::run\n".into()),
        Some(Command::Check { files, strict }) => check(files, catalog.clone(), rules(*strict)),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut completion_command(catalog), "whatcode", &mut out);
            let mut script = String::from_utf8_lossy(&out).into_owned();
            if *shell == clap_complete::Shell::Fish {
                script.push_str(&fish_positionals(catalog));
            }
            Output::ok(script)
        }
        Some(Command::Man) => match crate::manpage::render(catalog) {
            Ok(page) => Output::ok(page),
            Err(e) => Output::fail(1, format!("whatcode: {e}\n")),
        },
    }
}

/// The command line as completion scripts see it: family ids where a family is asked for, code
/// ids where a code is (the real parser accepts more: aliases, bare numbers, words).
fn completion_command(catalog: &Catalog) -> clap::Command {
    use clap::builder::PossibleValuesParser;
    // Generated once per `completions` run, so the few kilobytes of names may live as long as the
    // process (clap's possible values want static text).
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let families: Vec<&'static str> = catalog.families().iter().map(|f| leak(f.id.to_string())).collect();
    let ids: Vec<&'static str> = catalog.iter().map(|e| leak(e.id())).collect();
    let codes = || PossibleValuesParser::new(ids.clone());
    let family_values = || PossibleValuesParser::new(families.clone());
    <Args as clap::CommandFactory>::command()
        .mut_subcommand("show", |c| c.mut_arg("id", |a| a.value_parser(codes())))
        .mut_subcommand("compare", |c| {
            c.mut_arg("a", |a| a.value_parser(codes())).mut_arg("b", |a| a.value_parser(codes()))
        })
        .mut_subcommand("list", |c| c.mut_arg("family", |a| a.value_parser(family_values())))
        .mut_subcommand("families", |c| c.mut_arg("family", |a| a.value_parser(family_values())))
}

/// fish completions for positional ids and families, which clap's fish generator leaves out:
/// code ids after `show` and `compare`, family ids after `families`, and no file names there.
fn fish_positionals(catalog: &Catalog) -> String {
    let ids: Vec<String> = catalog.iter().map(|e| e.id()).collect();
    let families: Vec<&str> = catalog.families().iter().map(|f| f.id.as_ref()).collect();
    let mut out = String::new();
    for command in ["show", "compare"] {
        out.push_str(&format!(
            "complete -c whatcode -n \"__fish_whatcode_using_subcommand {command}\" -f -a \"{}\"\n",
            ids.join(" ")
        ));
    }
    out.push_str(&format!(
        "complete -c whatcode -n \"__fish_whatcode_using_subcommand families\" -f -a \"{}\"\n",
        families.join(" ")
    ));
    out
}

/// The rules `check` applies.
pub fn rules(strict: bool) -> user::Rules {
    if strict { user::Rules::Strict } else { user::Rules::User }
}

/// `whatcode check [FILE...]`: each file (the data folder's files when none is named) is added on
/// top of `base` (and the files before it), and every problem is reported. Exit 0 when all are
/// clean, 2 otherwise.
pub fn check(files: &[PathBuf], mut base: Catalog, rules: user::Rules) -> Output {
    let mut out = Output::default();
    let files = if files.is_empty() {
        let Some(dir) = user::data_dir() else {
            return Output::fail(USAGE, "whatcode: no data folder on this system; name the files to check\n".into());
        };
        match user::files_in(&dir) {
            Ok(found) if found.is_empty() => {
                return Output::ok(format!("{}: no code files (*.toml) in the data folder\n", dir.display()));
            }
            Ok(found) => found,
            Err(p) => return Output::fail(USAGE, format!("{p}\n")),
        }
    } else {
        files.to_vec()
    };
    for file in &files {
        match user::read(file)
            .map_err(|p| vec![p])
            .and_then(|text| user::add_source_with(&mut base, file, &text, rules))
        {
            Ok(c) => out.stdout.push_str(&format!("{}: ok, {} codes\n", file.display(), c.entries.len())),
            Err(problems) => {
                out.status = USAGE;
                for p in problems {
                    out.stderr.push_str(&format!("{p}\n"));
                }
            }
        }
    }
    out
}

struct Cli<'a> {
    catalog: &'a Catalog,
    index: SearchIndex,
    layout: Layout,
    json: bool,
    markdown: bool,
}

impl Cli<'_> {
    fn s(&self) -> &'static Strings {
        self.layout.lang.strings()
    }

    fn hits(&self, query: &str) -> Vec<crate::search::Hit> {
        search(self.catalog, &self.index, &Query::parse(query, self.catalog))
    }

    /// `whatcode QUERY`: the detail when one answer stands out, else the ranked list.
    fn lookup(&self, query: &str, limit: Option<usize>) -> Output {
        let hits = self.hits(query);
        if let Some(hit) = standout(&hits) {
            return self.entry(hit.index);
        }
        if let Some(out) = self.family_and_number(query) {
            return out;
        }
        let mut out = self.hit_list(query, &hits, limit);
        if !self.json && !self.markdown {
            out.stdout.push_str(&self.classes_holding(query, &hits));
        }
        out
    }

    /// `http 477`: a family and a number that is none of its codes nor inside one of its range
    /// entries answers like `show http/477` (the class, and the code to treat it as).
    fn family_and_number(&self, query: &str) -> Option<Output> {
        let parsed = Query::parse(query, self.catalog);
        let Pattern::Number { typed, .. } = &parsed.pattern else { return None };
        self.unregistered(parsed.family.as_deref()?, typed)
    }

    /// Under the hits for a bare number that no family registers (`477`): the classes of the
    /// families that say how an unregistered number of that class is treated.
    fn classes_holding(&self, query: &str, hits: &[crate::search::Hit]) -> String {
        if hits.iter().any(|h| h.tier == Tier::ExactCode) {
            return String::new();
        }
        let s = self.s();
        let lines: Vec<String> = self
            .catalog
            .class_answers(query)
            .iter()
            .filter_map(|answer| {
                let target = answer.class.treat_as.as_deref()?;
                Some(format!("  {}", fill(s.unregistered_as, &[&answer.id, &answer.class.label, target])))
            })
            .collect();
        if lines.is_empty() {
            return String::new();
        }
        format!("\n{}\n{}\n", fill(s.unregistered_number, &[query.trim()]), lines.join("\n"))
    }

    fn search(&self, query: &str, limit: Option<usize>) -> Output {
        let hits = self.hits(query);
        self.hit_list(query, &hits, limit)
    }

    /// A ranked list: `limit` hits (0 for all); without one, 20 in text and every hit in JSON.
    fn hit_list(&self, query: &str, hits: &[crate::search::Hit], limit: Option<usize>) -> Output {
        if hits.is_empty() {
            return self.no_match(query);
        }
        let limit = limit.unwrap_or(if self.json { 0 } else { DEFAULT_LIMIT });
        let shown = if limit == 0 { hits } else { &hits[..hits.len().min(limit)] };
        if self.json {
            let list: Vec<HitJson> = shown.iter().map(|h| HitJson::new(self.catalog, h, query)).collect();
            return Output::ok(json::to_string(&list));
        }
        let mut out = if self.markdown {
            shown.iter().map(|h| markdown::hit_line(self.catalog, h)).collect()
        } else {
            report::hits(self.catalog, shown, query, self.layout)
        };
        if shown.len() < hits.len() {
            out.push_str(&fill(self.s().more_hits, &[&(hits.len() - shown.len()).to_string()]));
            out.push('\n');
        }
        Output::ok(out)
    }

    fn entry(&self, index: usize) -> Output {
        let e = &*self.catalog.entry(index);
        if self.json {
            Output::ok(json::to_string(&EntryJson::new(self.catalog, e)))
        } else if self.markdown {
            Output::ok(markdown::entry(self.catalog, e, self.s()))
        } else {
            Output::ok(report::entry(self.catalog, e, self.layout))
        }
    }

    fn show(&self, id: &str) -> Output {
        match self.resolve(id, None) {
            Ok(index) => {
                let mut out = self.entry(index);
                if !self.json && !self.markdown {
                    out.stdout.push_str(&self.also_in(id, index));
                }
                out
            }
            Err(out) => out,
        }
    }

    /// "Also 502 in: smtp/502, ftp/502", when a bare number named codes of several families and
    /// the family order picked one.
    fn also_in(&self, query: &str, chosen: usize) -> String {
        if query.contains('/') {
            return String::new();
        }
        let others: Vec<String> =
            self.same_code(query).into_iter().filter(|&i| i != chosen).map(|i| self.catalog.at(i).id()).collect();
        if others.is_empty() {
            return String::new();
        }
        format!("\n{}\n", fill(self.s().also_in, &[query.trim(), &others.join(", ")]))
    }

    /// The codes a bare number is exactly, in family order (`502`: http, smtp, ftp).
    fn same_code(&self, query: &str) -> Vec<usize> {
        let mut exact: Vec<usize> =
            self.hits(query).iter().filter(|h| h.tier == Tier::ExactCode).map(|h| h.index).collect();
        exact.sort_unstable();
        exact
    }

    /// An id (`ws/1006`), or a query with one standout answer (`1006`, `ECONNRESET`). A bare
    /// number that is a code of several families resolves to `prefer`'s family when it has one
    /// (the other side of a comparison), else to the first family in the documented order
    /// (HTTP first; `whatcode families` lists the order).
    fn resolve(&self, id: &str, prefer: Option<&str>) -> Result<usize, Output> {
        if id.contains('/') {
            let (family, _) = id.split_once('/').unwrap_or_default();
            if self.catalog.family(family).is_none() {
                return Err(Output::fail(USAGE, format!("{}\n", fill(self.s().unknown_family, &[family]))));
            }
            return self.catalog.resolve_id(id).ok_or_else(|| {
                let code = id.split_once('/').map_or(id, |(_, c)| c);
                self.unregistered(family, code)
                    .unwrap_or_else(|| self.not_found(fill(self.s().unknown_id, &[id]), &format!("{family} {code}")))
            });
        }
        let hits = self.hits(id);
        if let Some(hit) = standout(&hits) {
            return Ok(hit.index);
        }
        let exact = self.same_code(id);
        if let Some(&first) = exact.first() {
            let preferred = prefer.and_then(|f| exact.iter().copied().find(|&i| self.catalog.at(i).family() == f));
            return Ok(preferred.unwrap_or(first));
        }
        if hits.is_empty() {
            return Err(self.no_match(id));
        }
        let mut msg = format!("{}\n", fill(self.s().ambiguous, &[id]));
        msg.push_str(&report::hits(self.catalog, &hits[..hits.len().min(8)], id, self.layout));
        Err(Output::fail(NO_MATCH, msg))
    }

    /// A number of a known family's class that is not registered (`http/488`): what its class
    /// means, and the code the family says to treat it as (RFC 9110 §15: an unknown 4xx is a
    /// 400). Exit status 1: the answer is there, but the code itself is not registered.
    fn unregistered(&self, family: &str, code: &str) -> Option<Output> {
        let answer = self.catalog.class_answer(family, code)?;
        let (class, target) = (answer.class, answer.treat_as);
        let s = self.s();
        let mut text = format!(
            "{}\n{}\n",
            fill(s.unregistered, &[&answer.id]),
            fill(s.unregistered_class, &[&class.label, &answer.span])
        );
        if let Some(unknown) = &class.unknown {
            text.push_str(&report::wrap_paragraphs(unknown, self.layout.width.max(20), "", "").join("\n"));
            text.push('\n');
        }
        if self.json {
            let built = target.map(|i| self.catalog.entry(i));
            let json = json::UnregisteredJson {
                id: answer.id,
                registered: false,
                family: &answer.family.id,
                class: &class.label,
                unknown: class.unknown.as_deref(),
                treat_as: built.as_deref().map(|e| EntryJson::new(self.catalog, e)),
            };
            return Some(Output::ok(json::to_string(&json)));
        }
        Some(match target {
            Some(i) => {
                text.push_str(&format!("\n{}\n\n", fill(s.unregistered_treat_as, &[&self.catalog.at(i).id()])));
                let mut out = self.entry(i);
                if !self.markdown {
                    out.stdout = text + &out.stdout;
                }
                out
            }
            None => Output::ok(text),
        })
    }

    /// Resolves both sides of a comparison: when both are bare numbers that several families
    /// share, the first family (in the documented order) that has both.
    fn resolve_pair(&self, a: &str, b: &str) -> Result<(usize, usize), Output> {
        let (ea, eb) = (self.same_code(a), self.same_code(b));
        let shared = ea
            .iter()
            .map(|&i| self.catalog.at(i).family())
            .find(|f| eb.iter().any(|&j| self.catalog.at(j).family() == *f));
        let family = shared.map(str::to_string);
        let left = self.resolve(a, family.as_deref())?;
        let left_family = self.catalog.at(left).family().to_string();
        let right = self.resolve(b, family.as_deref().or(Some(&left_family)))?;
        Ok((left, right))
    }

    fn compare(&self, a: &str, b: &str) -> Output {
        let (left, right) = match self.resolve_pair(a, b) {
            Ok(pair) => pair,
            Err(out) => return out,
        };
        let cmp = compare(self.catalog, left, right, self.s());
        if self.json {
            Output::ok(json::to_string(&ComparisonJson::new(self.catalog, &cmp)))
        } else if self.markdown {
            Output::ok(markdown::comparison(&cmp, self.s()))
        } else {
            Output::ok(report::comparison(&cmp, self.layout))
        }
    }

    fn list(&self, family: Option<&str>) -> Output {
        let family = match family.map(|f| self.catalog.family(f).ok_or(f)) {
            Some(Err(name)) => return Output::fail(USAGE, format!("{}\n", fill(self.s().unknown_family, &[name]))),
            Some(Ok(f)) => Some(f.id.as_ref()),
            None => None,
        };
        let entries: Vec<usize> = self
            .catalog
            .iter()
            .enumerate()
            .filter(|(_, e)| family.is_none_or(|f| e.family() == f))
            .map(|(i, _)| i)
            .collect();
        if self.json {
            let built: Vec<_> = entries.iter().map(|&i| self.catalog.entry(i)).collect();
            let list: Vec<EntryJson> = built.iter().map(|e| EntryJson::new(self.catalog, e)).collect();
            return Output::ok(json::to_string(&list));
        }
        let hits: Vec<crate::search::Hit> = entries.into_iter().map(crate::search::Hit::plain).collect();
        Output::ok(report::hits(self.catalog, &hits, "", self.layout))
    }

    fn families(&self, family: Option<&str>) -> Output {
        match family {
            None if self.json => {
                let list: Vec<FamilyJson> =
                    self.catalog.families().iter().map(|f| FamilyJson::new(self.catalog, f)).collect();
                Output::ok(json::to_string(&list))
            }
            None => Output::ok(report::families(self.catalog, self.layout)),
            Some(name) => match self.catalog.family(name) {
                None => Output::fail(USAGE, format!("{}\n", fill(self.s().unknown_family, &[name]))),
                Some(f) if self.json => Output::ok(json::to_string(&FamilyJson::new(self.catalog, f))),
                Some(f) => Output::ok(report::family(self.catalog, f, self.layout)),
            },
        }
    }

    /// "no code matches" and the closest codes: nearest numbers for a number, else the best
    /// hits for each word on its own.
    fn no_match(&self, query: &str) -> Output {
        self.not_found(fill(self.s().no_match, &[query]), query)
    }

    /// A headline, then the codes closest to `query`; exit status 1.
    fn not_found(&self, headline: String, query: &str) -> Output {
        let mut msg = format!("{headline}\n");
        let suggestions = self.suggestions(query);
        if !suggestions.is_empty() {
            msg.push_str(self.s().suggestions);
            msg.push('\n');
            let hits: Vec<crate::search::Hit> = suggestions.into_iter().map(crate::search::Hit::plain).collect();
            for line in report::hits(self.catalog, &hits, "", self.layout).lines() {
                msg.push_str("  ");
                msg.push_str(line);
                msg.push('\n');
            }
        }
        let mut out = Output::fail(NO_MATCH, msg);
        if self.json {
            out.stdout = "[]\n".into();
        }
        out
    }

    fn suggestions(&self, query: &str) -> Vec<usize> {
        let parsed = Query::parse(query, self.catalog);
        let catalog = self.catalog;
        let in_family = |i: &usize| parsed.family.as_deref().is_none_or(|f| catalog.at(*i).family() == f);
        let number = match &parsed.pattern {
            Pattern::Number { value, .. } => Some(*value),
            Pattern::Words(w) => w.split_whitespace().find_map(parse_number),
            _ => None,
        };
        if let Some(value) = number {
            let mut near: Vec<usize> = (0..catalog.len()).filter(in_family).collect();
            near.sort_by_key(|&i| (catalog.at(i).value().abs_diff(value), i));
            near.truncate(5);
            return near;
        }
        let mut picks: Vec<usize> = Vec::new();
        for word in query.split_whitespace() {
            for hit in self.hits(word).into_iter().take(3) {
                if !picks.contains(&hit.index) && in_family(&hit.index) {
                    picks.push(hit.index);
                }
            }
        }
        picks.truncate(5);
        picks
    }
}
