//! The catalog: every family, code and compare note whatcode knows, built-in and from user files.

pub mod cache;
mod embedded;
mod entry_ref;
pub mod mention;
pub mod model;
mod parse;
mod problem;
pub mod record;
pub mod schema;
mod shape;
pub mod user;
pub mod validate;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub use entry_ref::EntryRef;
use record::CachedEntries;

pub use model::{
    CodeEntry, CompareNote, Display, Family, Medium, Mention, MentionRead, Negative, Range, Retry, Sender,
    StandardLevel, Text, TextList, TranslatedCode, TranslatedFamily, TranslatedNote,
};

/// What whatcode says about an unregistered number of a known class: see
/// [`Catalog::class_answer`].
#[derive(Debug)]
pub struct ClassAnswer<'a> {
    /// The id the number would have (`http/477`).
    pub id: String,
    pub family: &'a Family,
    pub class: &'a Range,
    /// The class's numbers, as the family writes them (`400–499`).
    pub span: String,
    /// The catalogue position of the code to treat it as, if the family says.
    pub treat_as: Option<usize>,
}

/// All the data, validated once. Built-in data is borrowed from static memory; parsed user files
/// add built entries; cached user files add codes that are read in place from the cache, after the
/// built ones, until something needs them built (see [`Catalog::entries`]).
#[derive(Clone, Debug)]
pub struct Catalog {
    families: Cow<'static, [Family]>,
    /// The built entries, in catalogue order (family order, then value, single codes before
    /// ranges).
    entries: Cow<'static, [CodeEntry]>,
    /// Cached codes that follow `entries` in catalogue order, one block per cached file, each
    /// with the catalogue position of its first code.
    cached: Vec<(usize, CachedEntries)>,
    /// Every entry built, for [`Catalog::entries`] when there are cached codes.
    built: OnceLock<Vec<CodeEntry>>,
    notes: Cow<'static, [CompareNote]>,
    /// id → entry index, built on first use (not at start-up).
    ids: OnceLock<HashMap<String, usize>>,
    /// After [`Catalog::localize`]: the ids whose text is in the chosen language.
    translated: Option<HashSet<String>>,
    /// After [`Catalog::localize`]: the families whose overview is in the chosen language.
    translated_overviews: Option<HashSet<String>>,
}

impl Catalog {
    /// The dataset embedded in the binary. Costs nothing: no parsing, no allocation.
    pub fn builtin() -> Self {
        Self {
            families: Cow::Borrowed(embedded::FAMILIES),
            entries: Cow::Borrowed(embedded::ENTRIES),
            cached: Vec::new(),
            built: OnceLock::new(),
            notes: Cow::Borrowed(embedded::NOTES),
            ids: OnceLock::new(),
            translated: None,
            translated_overviews: None,
        }
    }

    /// Puts the body text of language `lang` (`ru`) in place of the English wherever a translation
    /// exists: code texts, curated notes and family overviews. Entries without one keep their
    /// English text, and [`Catalog::is_translated`] says so.
    pub fn localize(&mut self, lang: &str) {
        if lang == "en" {
            self.translated = None;
            self.translated_overviews = None;
            return;
        }
        let codes: HashMap<&str, &TranslatedCode> =
            embedded::TRANSLATED_CODES.iter().filter(|t| t.lang == lang).map(|t| (t.id, t)).collect();
        let mut done = HashSet::new();
        self.built = OnceLock::new();
        if !codes.is_empty() {
            // A translation is of the built-in text: a user file that overrides the code keeps
            // its own words.
            let originals: HashMap<String, &CodeEntry> =
                embedded::ENTRIES.iter().filter(|e| codes.contains_key(e.id().as_str())).map(|e| (e.id(), e)).collect();
            for e in self.entries.to_mut() {
                let id = e.id();
                let original = originals.get(&id).is_some_and(|o| o.description == e.description);
                if let Some(t) = codes.get(id.as_str()).filter(|_| original) {
                    e.summary = t.summary.clone();
                    e.description = t.description.clone();
                    e.when = t.when.clone();
                    e.fix = t.fix.clone();
                    if t.sign.is_some() {
                        e.sign = t.sign.clone();
                    }
                    if t.use_when.is_some() {
                        e.use_when = t.use_when.clone();
                    }
                    if t.source.is_some() && e.source.is_some() {
                        e.source = t.source.clone();
                    }
                    done.insert(id);
                }
            }
        }
        let notes: Vec<&TranslatedNote> = embedded::TRANSLATED_NOTES.iter().filter(|t| t.lang == lang).collect();
        if !notes.is_empty() {
            for n in self.notes.to_mut() {
                if let Some(t) = notes.iter().find(|t| t.a == n.a && t.b == n.b) {
                    n.differences = t.differences.clone();
                    n.when_to_use = t.when_to_use.clone();
                }
            }
        }
        let mut overviews = HashSet::new();
        for t in embedded::TRANSLATED_FAMILIES.iter().filter(|t| t.lang == lang) {
            if let Some(f) = self.families.to_mut().iter_mut().find(|f| f.id == t.family) {
                // As for codes: a user file that replaces the family keeps its own overview.
                let original = embedded::FAMILIES.iter().any(|o| o.id == f.id && o.overview == f.overview);
                let own = (!original).then(|| (f.overview.clone(), f.number_space.clone()));
                t.apply(f);
                match own {
                    Some((overview, number_space)) => (f.overview, f.number_space) = (overview, number_space),
                    None if t.overview.is_some() => {
                        overviews.insert(f.id.to_string());
                    }
                    None => {}
                }
            }
        }
        self.translated = Some(done);
        self.translated_overviews = Some(overviews);
    }

    /// Whether a family's overview and number space are in the language of the last
    /// [`Catalog::localize`] (always true for English).
    pub fn is_overview_translated(&self, f: &Family) -> bool {
        self.translated_overviews.as_ref().is_none_or(|done| done.contains(f.id.as_ref()))
    }

    /// Whether the entry's text is in the language of the last [`Catalog::localize`] (always
    /// true for English).
    pub fn is_translated(&self, e: &CodeEntry) -> bool {
        self.translated.as_ref().is_none_or(|done| done.contains(&e.id()))
    }

    /// Changes whenever the embedded dataset does (for caches that depend on it).
    pub fn builtin_fingerprint() -> u64 {
        embedded::FINGERPRINT
    }

    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// How many codes there are.
    pub fn len(&self) -> usize {
        self.cached.last().map_or(self.entries.len(), |(start, block)| start + block.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code at catalogue position `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<EntryRef<'_>> {
        if let Some(e) = self.entries.get(i) {
            return Some(EntryRef::Built(e));
        }
        let (start, block) = self.cached.get(self.cached.partition_point(|(start, _)| *start <= i).checked_sub(1)?)?;
        (i - start < block.len()).then(|| EntryRef::Cached(block.record(i - start)))
    }

    /// The code at catalogue position `i`, which must exist (positions come from search hits,
    /// [`Catalog::index_of_id`] and the like).
    pub fn at(&self, i: usize) -> EntryRef<'_> {
        self.get(i).unwrap_or_else(|| panic!("no code at position {i} of {}", self.len()))
    }

    /// The whole entry at position `i` (built from the cache if it is a cached code).
    pub fn entry(&self, i: usize) -> Cow<'_, CodeEntry> {
        self.at(i).build()
    }

    /// Every code in catalogue order, without building any.
    pub fn iter(&self) -> impl Iterator<Item = EntryRef<'_>> {
        let cached =
            self.cached.iter().flat_map(|(_, block)| (0..block.len()).map(|k| EntryRef::Cached(block.record(k))));
        self.entries.iter().map(EntryRef::Built).chain(cached)
    }

    /// Every entry built, as one slice. With cached codes this builds all of them once (about
    /// 0.12 s for 10^5): search, lists and output use [`Catalog::iter`] and [`Catalog::entry`]
    /// instead, and this serves validation and tests.
    pub fn entries(&self) -> &[CodeEntry] {
        if self.cached.is_empty() {
            return &self.entries;
        }
        self.built.get_or_init(|| self.build_all())
    }

    /// The built entries followed by every cached code, built.
    fn build_all(&self) -> Vec<CodeEntry> {
        let mut all = self.entries.to_vec();
        for (_, block) in &self.cached {
            all.extend(block.build_all());
        }
        all
    }

    pub fn notes(&self) -> &[CompareNote] {
        &self.notes
    }

    /// The catalog without one family: its table, its codes and every curated note that names one
    /// of them. For dataset development (`--replace-builtin`): a family's file can then be
    /// loaded and checked as if it were the built-in one.
    pub fn without_family(mut self, id: &str) -> Catalog {
        let prefix = format!("{id}/");
        let (families, entries, notes) = self.parts_mut();
        families.retain(|f| f.id != id);
        entries.retain(|e| e.family != id);
        notes.retain(|n| !n.a.starts_with(&prefix) && !n.b.starts_with(&prefix));
        self
    }

    /// Mutable access for the user-file loader, which appends and overrides.
    pub(crate) fn parts_mut(&mut self) -> (&mut Vec<Family>, &mut Vec<CodeEntry>, &mut Vec<CompareNote>) {
        self.build_cached();
        self.ids = OnceLock::new();
        (self.families.to_mut(), self.entries.to_mut(), self.notes.to_mut())
    }

    /// Mutable access to families and notes only, leaving cached codes where they are.
    pub(crate) fn families_and_notes_mut(&mut self) -> (&mut Vec<Family>, &mut Vec<CompareNote>) {
        (self.families.to_mut(), self.notes.to_mut())
    }

    /// Turns the cached codes into built entries, for changes that cannot keep them in place.
    fn build_cached(&mut self) {
        if !self.cached.is_empty() {
            let all = self.built.take().unwrap_or_else(|| self.build_all());
            self.entries = Cow::Owned(all);
            self.cached.clear();
            self.built = OnceLock::new();
        }
    }

    /// Adds a cached file's codes where they are, without building them, if they can go at the
    /// end of the catalogue as they are: none overrides, they are in catalogue order, they belong
    /// to one known family, and none sorts before the last code already there. Otherwise gives
    /// them back.
    pub(crate) fn append_cached(&mut self, block: CachedEntries) -> Result<(), CachedEntries> {
        if block.is_empty() {
            return Ok(());
        }
        let order = |family: &str| self.families.iter().position(|f| f.id == family);
        let first = block.record(0);
        let after_the_last = |family: usize| {
            self.len().checked_sub(1).map(|i| self.at(i)).is_none_or(|last| {
                (order(last.family()), last.value(), last.end().is_some())
                    <= (Some(family), first.value(), first.end().is_some())
            })
        };
        let fits = block.single_family().and_then(order).is_some_and(after_the_last)
            && !block.any_overrides()
            && block.is_sorted();
        if !fits {
            return Err(block);
        }
        self.cached.push((self.len(), block));
        self.built = OnceLock::new();
        self.ids = OnceLock::new();
        Ok(())
    }

    /// Puts entries back in catalog order (family order, then value) after user files added some.
    /// Returns where each entry went: `moved[old] == new`.
    pub(crate) fn sort_entries(&mut self) -> Vec<usize> {
        self.build_cached();
        let order: HashMap<String, usize> =
            self.families.iter().enumerate().map(|(i, f)| (f.id.to_string(), i)).collect();
        self.ids = OnceLock::new();
        let key = |e: &CodeEntry| (order.get(e.family.as_ref()).copied(), e.value, e.end.is_some());
        let mut moved: Vec<usize> = (0..self.entries.len()).collect();
        // A new family appended in order (the usual user file) needs no moving of large records.
        if self.entries.is_sorted_by_key(key) {
            return moved;
        }
        let mut by_key: Vec<(_, CodeEntry)> =
            std::mem::take(self.entries.to_mut()).into_iter().enumerate().map(|(old, e)| ((key(&e), old), e)).collect();
        by_key.sort_by_key(|(k, _)| *k);
        let mut sorted = Vec::with_capacity(by_key.len());
        for (new, ((_, old), e)) in by_key.into_iter().enumerate() {
            moved[old] = new;
            sorted.push(e);
        }
        self.entries = Cow::Owned(sorted);
        moved
    }

    /// The family named by an id or alias (`ws`, `websocket`), case-insensitively.
    pub fn family(&self, name: &str) -> Option<&Family> {
        let name = name.trim();
        self.families
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(name))
            .or_else(|| self.families.iter().find(|f| f.is_named(name)))
    }

    /// How many codes a family has, and how many fall in each of its ranges (in `ranges` order),
    /// in one pass over the catalogue.
    pub fn family_counts(&self, family: &Family) -> (usize, Vec<usize>) {
        let mut per_range = vec![0; family.ranges.len()];
        let mut total = 0;
        for e in self.iter().filter(|e| e.family() == family.id) {
            total += 1;
            if let Some(i) = family.class_index(e.value()) {
                per_range[i] += 1;
            }
        }
        (total, per_range)
    }

    /// The family an entry belongs to.
    pub fn family_of(&self, entry: &CodeEntry) -> Option<&Family> {
        self.families.iter().find(|f| f.id == entry.family)
    }

    /// The label of the range an entry falls in (its class), if the family has ranges.
    pub fn class_of(&self, entry: &CodeEntry) -> Option<&str> {
        let family = self.family_of(entry)?;
        family.class_of(entry.value).map(|r| r.label.as_ref())
    }

    /// Index of the entry with exactly this id (`http/404`, `websocket/4000-4999`).
    /// A few lookups (a detail's related links) scan; many (validation) should call
    /// [`Catalog::index_ids`] first, after which lookups are hashed.
    pub fn index_of_id(&self, id: &str) -> Option<usize> {
        if let Some(ids) = self.ids.get() {
            return ids.get(id).copied();
        }
        let (family, code) = id.split_once('/')?;
        self.family_block(family).find(|&i| self.at(i).code() == code)
    }

    /// The catalogue positions of one family's codes, found by bisection: the catalogue is in
    /// family order (see [`Catalog::sort_entries`] and [`Catalog::append_cached`]), so a lookup
    /// reads a dozen codes, not all of them (a cold `whatcode show` would otherwise touch every
    /// page of the embedded data). Empty for a family the catalogue does not have.
    fn family_block(&self, family: &str) -> std::ops::Range<usize> {
        let Some(rank) = self.families.iter().position(|f| f.id == family) else { return 0..0 };
        // Codes of a family missing from the table sort first, as in `sort_entries`.
        let rank_at = |i: usize| {
            let family = self.at(i).family();
            self.families.iter().position(|f| f.id == family)
        };
        let first = |below: &dyn Fn(Option<usize>) -> bool| {
            let (mut lo, mut hi) = (0, self.len());
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if below(rank_at(mid)) { lo = mid + 1 } else { hi = mid }
            }
            lo
        };
        first(&|r| r < Some(rank))..first(&|r| r <= Some(rank))
    }

    /// Builds the id → entry map, for callers about to look up many ids.
    pub fn index_ids(&self) {
        self.ids.get_or_init(|| self.iter().enumerate().map(|(i, e)| (e.id(), i)).collect());
    }

    /// What to say about a number that `family` does not register but one of its classes holds
    /// (`http/477`): the class, and the code the family says to treat it as (RFC 9110 §15: a
    /// client treats an unknown 4xx as 400). `None` when the family is unknown or not numeric,
    /// the number is no class's, or it is a registered code or inside a range entry.
    pub fn class_answer(&self, family: &str, code: &str) -> Option<ClassAnswer<'_>> {
        let family = self.family(family)?;
        let value = parse_number(code.trim()).filter(|_| family.display.is_numeric())?;
        let value = family.read_number(value)?;
        let class = family.class_of(value)?;
        if self.family_block(&family.id).any(|i| self.at(i).covers(value)) {
            return None;
        }
        Some(ClassAnswer {
            id: format!("{}/{}", family.id, family.display.format(value)),
            span: format!("{}–{}", family.display.format(class.start), family.display.format(class.end)),
            treat_as: class.treat_as.as_deref().and_then(|t| self.index_of_id(t)),
            family,
            class,
        })
    }

    /// For a bare number no family registers as a code (`477`), the answer of every family whose
    /// classes say which code to treat it as (`http/477` as `http/400`, `sip/477` as `sip/400`), in
    /// family order. Empty when some family registers the number itself.
    pub fn class_answers(&self, number: &str) -> Vec<ClassAnswer<'_>> {
        let Some(value) = parse_number(number.trim()) else { return Vec::new() };
        let registered = self.families().iter().any(|f| {
            f.display.is_numeric()
                && f.read_number(value).is_some_and(|v| {
                    self.family_block(&f.id).any(|i| {
                        let e = self.at(i);
                        e.end().is_none() && e.value() == v
                    })
                })
        });
        if registered {
            return Vec::new();
        }
        self.families()
            .iter()
            .filter_map(|f| self.class_answer(&f.id, number))
            .filter(|answer| answer.treat_as.is_some())
            .collect()
    }

    /// Resolves what a user typed as an id: `ws/1002`, `http/404`, `errno/ECONNREFUSED`,
    /// `signal/KILL`, `http2/7`, `http2/0x7`, `websocket/4001` (inside a range entry).
    pub fn resolve_id(&self, id: &str) -> Option<usize> {
        let (family_word, code) = id.trim().split_once('/')?;
        let family = self.family(family_word)?;
        let code = code.trim();
        let block = self.family_block(&family.id);
        let position = |pred: &dyn Fn(EntryRef<'_>) -> bool| block.clone().find(|&i| pred(self.at(i)));
        if let Some(i) = position(&|e| e.code().eq_ignore_ascii_case(code)) {
            return Some(i);
        }
        if let Some(value) =
            parse_number(code).filter(|_| family.display.is_numeric()).and_then(|n| family.read_number(n))
        {
            return position(&|e| e.end().is_none() && e.value() == value).or_else(|| position(&|e| e.covers(value)));
        }
        let bare = |s: &str| -> bool {
            s.eq_ignore_ascii_case(code) || s.strip_prefix("SIG").is_some_and(|rest| rest.eq_ignore_ascii_case(code))
        };
        position(&|e| bare(e.name()) || e.aliases().any(bare))
    }

    /// The curated note on two entries, in either order. `true` when the note's `a` is `right`.
    pub fn note_for(&self, left: &str, right: &str) -> Option<(&CompareNote, bool)> {
        self.notes.iter().find_map(|n| {
            if n.a == left && n.b == right {
                Some((n, false))
            } else if n.a == right && n.b == left {
                Some((n, true))
            } else {
                None
            }
        })
    }
}

/// Parses a code number as people type it: `404`, `0x7`, `0X1F`, and negative numbers (`-111`,
/// `-1073741819`, `-0x1`), which only some families read as codes (see [`Negative`]). Huge
/// numbers are not codes.
pub fn parse_number(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('-') {
        if rest.starts_with('-') {
            return None;
        }
        return parse_unsigned(rest).and_then(i64::checked_neg);
    }
    parse_unsigned(s)
}

/// [`parse_number`] without a sign.
fn parse_unsigned(s: &str) -> Option<i64> {
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        return i64::from_str_radix(hex, 16).ok();
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code is found where it is, by its id and by what a user types, whether the catalogue
    /// is the built-in one or has a user family and user codes inside built-in families (which
    /// re-sorts it): the lookups bisect on family order.
    #[test]
    fn a_bare_number_gets_the_answers_of_the_classes_that_hold_it() {
        let catalog = Catalog::builtin();
        let ids = |number: &str| catalog.class_answers(number).into_iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids("477"), ["http/477", "sip/477"]);
        assert!(catalog.class_answers("477").iter().all(|a| a.treat_as.is_some()));
        // Registered somewhere, or held by no class, or not a number: no class answers.
        for none in ["404", "1006", "99999", "ECONNRESET", ""] {
            assert!(ids(none).is_empty(), "{none}: {:?}", ids(none));
        }
    }

    #[test]
    fn every_id_resolves_to_its_own_position() {
        let mut with_user = Catalog::builtin();
        let acme = include_str!("../../assets/examples/acme-api.toml");
        user::add_source(&mut with_user, std::path::Path::new("acme-api.toml"), acme).expect("acme loads");
        let inside = include_str!("../../tests/data/good/extends-http.toml");
        user::add_source(&mut with_user, std::path::Path::new("extends-http.toml"), inside).expect("it loads");
        assert!(with_user.index_of_id("http/590").is_some() && with_user.index_of_id("acme/1001").is_some());
        for catalog in [Catalog::builtin(), with_user] {
            for (i, e) in catalog.iter().enumerate() {
                let id = format!("{}/{}", e.family(), e.code());
                assert_eq!(catalog.index_of_id(&id), Some(i), "{id}");
                let resolved = catalog.resolve_id(&id).map(|j| catalog.at(j).id());
                assert_eq!(resolved.as_deref(), Some(id.as_str()));
            }
            assert_eq!(catalog.index_of_id("nosuch/1"), None);
            assert_eq!(catalog.resolve_id("http/999999"), None);
        }
    }

    #[test]
    fn parses_decimal_and_hex_numbers() {
        assert_eq!(parse_number("404"), Some(404));
        assert_eq!(parse_number("0x7"), Some(7));
        assert_eq!(parse_number("0X1f"), Some(31));
        assert_eq!(parse_number("0x"), None);
        assert_eq!(parse_number("-1"), Some(-1));
        assert_eq!(parse_number("-1073741819"), Some(-1073741819));
        assert_eq!(parse_number("--1"), None);
        assert_eq!(parse_number("-"), None);
        assert_eq!(parse_number("4xx"), None);
        assert_eq!(parse_number("99999999999999999999999"), None);
    }
}
