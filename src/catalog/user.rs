//! User code files: where they live, how they are read, and how they join the catalog.
//!
//! A file either defines a new family (`[family]` table) or adds codes to an existing one
//! (`extends = "http"`). Redefining a code that exists is an error unless the entry says
//! `overrides = true`. A file with any problem is left out whole, and every problem names the
//! file, line, column and field.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::Catalog;
use super::cache::{self, Cached};
use super::model::{
    CodeEntry, CompareNote, Display, Family, Medium, Mention, MentionRead, Negative, Range, Retry, Sender,
    StandardLevel, Text,
};
use super::parse::parse;
pub use super::problem::FileProblem;
use super::problem::{Locator, line_column_bytes};
use super::schema::{RawCode, RawFamily, RawFile, tidy_owned, tidy_text};
use super::validate::validate;

/// Files larger than this are refused before reading: nobody's code list is bigger, and reading
/// one must never stall the app.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The user's data folder: `$WHATCODE_DATA_DIR`, else `$XDG_DATA_HOME/whatcode`, else the
/// platform's usual place (`~/.local/share/whatcode` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    crate::paths::Folder::Data.path()
}

/// The `*.toml` files of a data folder, sorted by name. A missing folder has no files.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>, FileProblem> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(FileProblem::whole_file(dir, format!("cannot read the data folder: {e}"))),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads a file as UTF-8 text, refusing folders, huge files and invalid bytes with a clear reason.
pub fn read(path: &Path) -> Result<String, FileProblem> {
    let meta = std::fs::metadata(path).map_err(|e| FileProblem::whole_file(path, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(FileProblem::whole_file(path, "is a directory, not a code file"));
    }
    // A FIFO or a device would block or never end: only regular files are read.
    if !meta.is_file() {
        return Err(FileProblem::whole_file(path, "is not a regular file (a pipe, socket or device?)"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileProblem::whole_file(
            path,
            format!("is {} MB; code files are limited to {} MB", meta.len() >> 20, MAX_FILE_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| FileProblem::whole_file(path, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let (line, column) = line_column_bytes(bytes, at);
        FileProblem {
            file: path.to_path_buf(),
            line: Some(line),
            column: Some(column),
            field: None,
            message: "is not valid UTF-8 text (is it a binary file?)".into(),
        }
    })?;
    // TOML text never holds a NUL byte; a file that does is binary, and is refused before the
    // parser spends its time on it.
    if text.as_bytes().contains(&0) {
        let at = text.as_bytes().iter().position(|b| *b == 0).unwrap_or(0);
        let (line, column) = line_column_bytes(text.as_bytes(), at);
        return Err(FileProblem {
            file: path.to_path_buf(),
            line: Some(line),
            column: Some(column),
            field: None,
            message: "holds a NUL byte, so it is not a text file (is it a binary file?)".into(),
        });
    }
    Ok(text)
}

/// What one file added to the catalog: its families and notes, and where its codes are in the
/// catalog it was added to. Cached after a successful load so the next load can skip parsing.
#[derive(Clone, Debug, Default)]
pub struct Contribution {
    pub families: Vec<Family>,
    /// Catalogue positions of the file's codes, ascending.
    pub entries: Vec<usize>,
    /// The subset of `entries` (ascending) that replaced a code loaded before.
    pub overrides: Vec<usize>,
    pub notes: Vec<CompareNote>,
}

/// Replays a cached file that was validated in the same context before (same whatcode, same
/// files before it): no parsing, no validation. Its codes usually stay in the cache, read in place;
/// a file that overrides codes or interleaves with codes already there has them built and placed.
pub fn apply_trusted(catalog: &mut Catalog, cached: Cached) {
    {
        let (families, notes) = catalog.families_and_notes_mut();
        families.extend(cached.families);
        notes.extend(cached.notes);
    }
    let Err(block) = catalog.append_cached(cached.entries) else { return };
    let mut index: HashMap<String, usize> = catalog.iter().enumerate().map(|(i, e)| (e.id(), i)).collect();
    let (_, entries, _) = catalog.parts_mut();
    for k in 0..block.len() {
        let record = block.record(k);
        let entry = record.build();
        match index.get(&entry.id()) {
            Some(&i) if record.overrides() => entries[i] = entry,
            _ => {
                index.insert(entry.id(), entries.len());
                entries.push(entry);
            }
        }
    }
    catalog.sort_entries();
}

/// Adds one file's families, codes and notes to the catalog. On any problem the catalog is left
/// as it was and every problem is returned.
pub fn add_source(catalog: &mut Catalog, path: &Path, text: &str) -> Result<Contribution, Vec<FileProblem>> {
    add_source_with(catalog, path, text, Rules::User)
}

/// Which rules a file is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    /// What any code file must satisfy.
    User,
    /// Also the built-in dataset's rules (`whatcode check --strict`): layer, aliases, related,
    /// sign and commonness on every code, and enough text.
    Strict,
}

/// [`add_source`] under the given rules.
pub fn add_source_with(
    catalog: &mut Catalog,
    path: &Path,
    text: &str,
    rules: Rules,
) -> Result<Contribution, Vec<FileProblem>> {
    let locate = Locator { path, text };
    // The typed reader stops at the first problem; the shape check finds them all.
    let raw: RawFile = parse(text).map_err(|e| {
        let all = super::shape::problems(&locate);
        if all.is_empty() { vec![locate.toml_error(&e)] } else { all }
    })?;
    if raw.family.is_none() && raw.code.is_empty() && raw.compare.is_empty() {
        let what = if text.trim().is_empty() {
            "the file is empty"
        } else {
            "the file has no [family], [[code]] or [[compare]] table"
        };
        return Err(vec![FileProblem::whole_file(path, format!("{what}: nothing to load"))]);
    }
    let RawFile { family: raw_family, extends: raw_extends, code: raw_codes, compare: raw_compare } = raw;
    let mut problems = Vec::new();
    let mut staged = catalog.clone();
    let mut contribution = Contribution::default();
    // Positions in `staged` (before sorting) of the file's codes, and of those that override.
    let (mut added, mut replaced) = (Vec::new(), Vec::new());
    let family_id = match (&raw_family, &raw_extends) {
        (Some(_), Some(extends)) => {
            problems.push(locate.at(
                extends.span().start,
                Some("extends"),
                "a file either defines a [family] or extends one, not both",
            ));
            None
        }
        (Some(family), None) => match convert_family(family, &locate) {
            Ok(f) if staged.family(&f.id).is_some_and(|existing| existing.id == f.id) => {
                problems.push(locate.at(
                    family.span().start,
                    Some("id"),
                    format!("family '{}' already exists; to add codes to it, write extends = \"{}\" instead of a [family] table", f.id, f.id),
                ));
                None
            }
            Ok(f) => {
                let id = f.id.to_string();
                contribution.families.push(f.clone());
                staged.parts_mut().0.push(f);
                Some(id)
            }
            Err(p) => {
                problems.extend(p);
                None
            }
        },
        (None, Some(extends)) => match staged.family(extends.get_ref()) {
            Some(f) => Some(f.id.to_string()),
            None => {
                problems.push(locate.at(
                    extends.span().start,
                    Some("extends"),
                    format!("no family is called '{}'", extends.get_ref()),
                ));
                None
            }
        },
        (None, None) if raw_codes.is_empty() => None,
        (None, None) => {
            problems.push(locate.at(
                0,
                Some("extends"),
                "say which family these codes belong to: a [family] table, or extends = \"FAMILY\"",
            ));
            None
        }
    };
    // Where each entry of this file starts, to place problems that validation finds later.
    let mut spans: HashMap<String, usize> = HashMap::new();
    if let Some(family_id) = &family_id {
        let mut index: HashMap<String, usize> = staged.entries().iter().enumerate().map(|(i, e)| (e.id(), i)).collect();
        for code in raw_codes {
            let start = code.span().start;
            let overrides = code.get_ref().overrides;
            if rules == Rules::Strict && code.get_ref().commonness.is_none() {
                problems.push(locate.at(start, Some("commonness"), "say how often engineers meet it (0 to 3)"));
            }
            let entry = match convert_code(family_id, code, &locate) {
                Ok(e) => e,
                Err(p) => {
                    problems.extend(p);
                    continue;
                }
            };
            let id = entry.id();
            let (_, entries, _) = staged.parts_mut();
            match (index.get(&id), overrides) {
                (Some(&i), true) => {
                    replaced.push(i);
                    entries[i] = entry;
                }
                (Some(_), false) if spans.contains_key(&id) => {
                    problems.push(locate.at(start, Some("code"), format!("{id} is defined twice in this file")));
                    continue;
                }
                (Some(_), false) => {
                    problems.push(locate.at(
                        start,
                        Some("code"),
                        format!("{id} is already defined; add overrides = true to replace it"),
                    ));
                    continue;
                }
                (None, true) => {
                    problems.push(locate.at(
                        start,
                        Some("overrides"),
                        format!("{id} does not exist yet, so there is nothing to override"),
                    ));
                    continue;
                }
                (None, false) => {
                    index.insert(id.clone(), entries.len());
                    added.push(entries.len());
                    entries.push(entry);
                }
            }
            spans.insert(id, start);
        }
    }
    for note in &raw_compare {
        let n = note.get_ref();
        spans.insert(format!("compare {} vs {}", n.a, n.b), note.span().start);
        let note = CompareNote {
            a: owned(&n.a),
            b: owned(&n.b),
            differences: owned_list(&n.differences),
            when_to_use: owned(&n.when_to_use),
        };
        contribution.notes.push(note.clone());
        staged.parts_mut().2.push(note);
    }
    if let (Some(family), Some(id)) = (&raw_family, &family_id) {
        spans.insert(format!("family {id}"), family.span().start);
    }
    let moved = staged.sort_entries();
    contribution.overrides = replaced.iter().map(|&i| moved[i]).collect();
    contribution.overrides.sort_unstable();
    contribution.entries = added.iter().map(|&i| moved[i]).chain(contribution.overrides.iter().copied()).collect();
    contribution.entries.sort_unstable();
    let mut found = validate(&staged);
    if rules == Rules::Strict {
        let families: Vec<String> = contribution.families.iter().map(|f| f.id.to_string()).collect();
        let ours: Vec<&str> = families.iter().map(String::as_str).chain(family_id.as_deref()).collect();
        found.extend(super::validate::strict(&staged, &ours));
    }
    for problem in found {
        let Some(&start) = spans.get(&problem.subject) else { continue };
        let message = format!("{}: {}", problem.subject, problem.message);
        // Problems with one pattern or one range point at its table.
        let table = match problem.field {
            "mention" => numbered(&problem.message, "pattern ").map(|n| ("family.mention", n)),
            "range" => numbered(&problem.message, "range ").map(|n| ("family.range", n)),
            _ => None,
        };
        let mention = table.and_then(|(name, n)| locate.nth_table(name, n));
        problems.push(match mention {
            Some(at) => locate.at(at, Some(problem.field), message),
            None => locate.at_field(start, problem.field, message),
        });
    }
    if problems.is_empty() {
        *catalog = staged;
        Ok(contribution)
    } else {
        problems.sort_by_key(|p| (p.line, p.column));
        Err(problems)
    }
}

/// `N` of a problem message that starts with `prefix` and a number ("pattern 3: ...").
fn numbered(message: &str, prefix: &str) -> Option<usize> {
    message.strip_prefix(prefix)?.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

fn owned(s: &str) -> Text {
    Cow::Owned(tidy_text(s))
}

fn owned_list(items: &[String]) -> Cow<'static, [Text]> {
    Cow::Owned(items.iter().map(|s| owned(s)).collect())
}

/// [`owned`] without a copy when the text is tidy already.
fn moved(s: String) -> Text {
    Cow::Owned(tidy_owned(s))
}

fn moved_list(items: Vec<String>) -> Cow<'static, [Text]> {
    Cow::Owned(items.into_iter().map(moved).collect())
}

fn convert_family(raw: &Spanned<RawFamily>, locate: &Locator<'_>) -> Result<Family, Vec<FileProblem>> {
    let start = raw.span().start;
    let f = raw.get_ref();
    let mut problems = Vec::new();
    let mut bad = |field: &'static str, message: String| problems.push(locate.at_field(start, field, message));
    let display = Display::parse(&f.display).unwrap_or_else(|| {
        bad("display", format!("'{}' is not one of decimal, hex, mixed, text", f.display));
        Display::Decimal
    });
    let negative = match f.negative.as_deref() {
        None => Negative::None,
        Some(n) => Negative::parse(n).unwrap_or_else(|| {
            bad("negative", format!("'{n}' is not one of value, negated, u32"));
            Negative::None
        }),
    };
    let medium = match f.medium.as_deref() {
        None => Medium::Wire,
        Some(m) => Medium::parse(m).unwrap_or_else(|| {
            bad("medium", format!("'{m}' is not wire or local"));
            Medium::Wire
        }),
    };
    let mut mentions = Vec::new();
    for m in &f.mention {
        let read = match m.read.as_deref() {
            None => MentionRead::Code,
            Some(r) => MentionRead::parse(r).unwrap_or_else(|| {
                bad("mention", format!("read '{r}' is not one of code, hex, name"));
                MentionRead::Code
            }),
        };
        mentions.push(Mention {
            regex: Cow::Owned(m.regex.trim_matches('\n').to_string()),
            read,
            means: m.means.as_deref().map(owned),
            unless: m.unless.as_deref().map(|u| Cow::Owned(u.to_string())),
            examples: owned_list(&m.examples),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Family {
        id: owned(&f.id.to_lowercase()),
        aliases: owned_list(&f.aliases),
        name: owned(&f.name),
        short: f.short.as_deref().map(owned),
        display,
        negative,
        medium,
        layer: owned(f.layer.as_deref().unwrap_or("")),
        specs: owned_list(&f.specs),
        number_space: owned(&f.number_space),
        overview: owned(&f.overview),
        ranges: Cow::Owned(
            f.range
                .iter()
                .map(|r| Range {
                    start: r.start,
                    end: r.end,
                    label: owned(&r.label),
                    unknown: r.unknown.as_deref().map(owned),
                    treat_as: r.treat_as.as_deref().map(owned),
                })
                .collect(),
        ),
        standards: Cow::Owned(
            f.standard
                .iter()
                .map(|l| StandardLevel {
                    id: owned(&l.id),
                    label: owned(&l.label),
                    official: l.official,
                    means: owned(&l.means),
                })
                .collect(),
        ),
        mentions: Cow::Owned(mentions),
    })
}

fn convert_code(family: &str, raw: Spanned<RawCode>, locate: &Locator<'_>) -> Result<CodeEntry, Vec<FileProblem>> {
    let start = raw.span().start;
    let c = raw.into_inner();
    let mut problems = Vec::new();
    let retry = Retry::parse(&c.retry).unwrap_or_else(|| {
        problems.push(locate.at_field(start, "retry", format!("'{}' is not one of n/a, no, maybe, yes", c.retry)));
        Retry::Maybe
    });
    let mut sent_by = Vec::new();
    for s in &c.sent_by {
        match Sender::parse(s) {
            Some(sender) => sent_by.push(sender),
            None => {
                let known: Vec<&str> = Sender::ALL.iter().map(|(k, _)| *k).collect();
                problems.push(locate.at_field(start, "sent_by", format!("'{s}' is not one of {}", known.join(", "))));
            }
        }
    }
    let commonness = match c.commonness {
        None => 1,
        Some(n) => u8::try_from(n).ok().filter(|n| *n <= 3).unwrap_or_else(|| {
            problems.push(locate.at_field(start, "commonness", format!("{n} is not 0, 1, 2 or 3")));
            1
        }),
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CodeEntry {
        family: Cow::Owned(family.to_string()),
        code: moved(c.code),
        value: c.value,
        end: c.end,
        name: moved(c.name),
        aliases: moved_list(c.aliases),
        official: c.official,
        source: c.source.map(moved),
        summary: moved(c.summary),
        description: moved(c.description),
        when: moved(c.when),
        fix: moved_list(c.fix),
        references: moved_list(c.references),
        related: moved_list(c.related),
        equivalents: moved_list(c.equivalents),
        sent_by: Cow::Owned(sent_by),
        retry,
        never_sent: c.never_sent,
        message: c.message.map(moved),
        default_action: c.default_action.map(moved),
        catchable: c.catchable,
        standard: c.standard.map(moved),
        commonness,
        sign: c.sign.map(moved),
        use_when: c.use_when.map(moved),
        says: moved_list(c.says),
    })
}

/// Where user data comes from for one run.
#[derive(Clone, Debug, Default)]
pub struct DataOptions {
    /// Files named with `--data`, loaded last, in order.
    pub files: Vec<PathBuf>,
    /// `--no-user-data`: skip the data folder.
    pub skip_data_dir: bool,
    /// `--replace-builtin FILE` (dataset development): this file takes the place of the built-in
    /// family it defines, checked under the built-in rules.
    pub replace_builtin: Option<PathBuf>,
}

/// The built-in catalog with the family that `path` defines taken out, ready for `path` to be
/// added in its place (dataset development). Problems: the file cannot be read or names no
/// family.
pub fn builtin_without_family_of(path: &Path) -> Result<Catalog, FileProblem> {
    let text = read(path)?;
    let id = text
        .parse::<toml::Table>()
        .ok()
        .and_then(|t| t.get("family")?.get("id")?.as_str().map(str::to_string))
        .ok_or_else(|| {
            FileProblem::whole_file(path, "--replace-builtin needs a file with a [family] table and its id")
        })?;
    Ok(Catalog::builtin().without_family(&id))
}

/// The catalog for a run: the embedded dataset, then every file in the data folder, then each
/// `--data` file. Files with problems are left out; their problems are returned.
pub fn load_catalog(options: &DataOptions) -> (Catalog, Vec<FileProblem>) {
    let mut catalog = Catalog::builtin();
    let mut problems = Vec::new();
    if let Some(path) = &options.replace_builtin {
        match builtin_without_family_of(path).and_then(|mut base| {
            let text = read(path)?;
            add_source_with(&mut base, path, &text, Rules::Strict).map_err(|mut p| p.remove(0))?;
            Ok(base)
        }) {
            Ok(replaced) => catalog = replaced,
            Err(p) => problems.push(p),
        }
    }
    let mut files = Vec::new();
    if !options.skip_data_dir
        && let Some(dir) = data_dir()
    {
        match files_in(&dir) {
            Ok(found) => files.extend(found),
            Err(p) => problems.push(p),
        }
    }
    files.extend(options.files.iter().cloned());
    // A cache entry is only valid on top of the built-in catalog it was made with.
    let cache_dir = cache::cache_dir().filter(|_| options.replace_builtin.is_none());
    // Each file's cache key includes the keys of the files before it: a cached contribution is
    // only replayed in the context it was validated in.
    let mut context = 0;
    for file in files {
        let key = cache::key(&file, context);
        if let (Some(dir), Some(key)) = (&cache_dir, key)
            && let Some(contribution) = cache::load(dir, &file, key)
        {
            apply_trusted(&mut catalog, contribution);
            context = key;
            continue;
        }
        match read(&file).map_err(|p| vec![p]).and_then(|text| add_source(&mut catalog, &file, &text)) {
            Ok(contribution) => {
                if let (Some(dir), Some(key)) = (&cache_dir, key) {
                    cache::store(dir, &file, key, &catalog, &contribution);
                    context = key;
                }
            }
            Err(p) => problems.extend(p),
        }
    }
    (catalog, problems)
}
