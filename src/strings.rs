//! Every user-facing word of the interface, one table per language. A table is a struct, so a
//! language that lacks a key does not compile; `tests` check that templates agree on their
//! placeholders. Templates use `{}`, filled in order by [`fill`].

use crate::catalog::{Retry, Sender};

/// The interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// `en`, `ru`, and locale forms such as `ru_RU.UTF-8`.
    pub fn parse(s: &str) -> Option<Lang> {
        let code = s.trim().split(['_', '.', '-', '@']).next()?.to_ascii_lowercase();
        match code.as_str() {
            "en" | "c" | "posix" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// The flag if given, else `WHATCODE_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// else English. `config` is the config file's default, between the variable and the locale.
    pub fn choose(flag: Option<&str>, config: Option<Lang>) -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(lang) = flag.and_then(Lang::parse) {
            return lang;
        }
        if let Some(lang) = var("WHATCODE_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        if let Some(lang) = config {
            return lang;
        }
        // The first locale variable that is set decides, as in POSIX.
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| var(v)).and_then(|v| Lang::parse(&v)).unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }
}

/// Fills the `{}` of a template with `args`, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// One language's words.
#[derive(Debug)]
pub struct Strings {
    // Section headings.
    pub description: &'static str,
    pub when: &'static str,
    pub fix: &'static str,
    pub sign: &'static str,
    pub use_when: &'static str,
    pub references: &'static str,
    pub related: &'static str,
    pub equivalents: &'static str,
    pub differences: &'static str,
    pub when_to_use: &'static str,
    pub overview: &'static str,
    pub number_space: &'static str,
    pub specs: &'static str,
    // The facts lines.
    pub family: &'static str,
    pub class: &'static str,
    pub sent_by: &'static str,
    pub retry: &'static str,
    pub message: &'static str,
    pub default_action: &'static str,
    pub catchable: &'static str,
    pub official: &'static str,
    /// Template: a family's standard level and what it means.
    pub standard_level: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub also_known_as: &'static str,
    /// Template: who uses a non-standard code.
    pub unofficial: &'static str,
    pub never_sent: &'static str,
    /// Shown on entries whose text has no translation in the chosen language.
    pub untranslated: &'static str,
    pub retry_na: &'static str,
    pub retry_no: &'static str,
    pub retry_maybe: &'static str,
    pub retry_yes: &'static str,
    pub sender_server: &'static str,
    pub sender_client: &'static str,
    pub sender_peer: &'static str,
    pub sender_intermediary: &'static str,
    pub sender_library: &'static str,
    pub sender_kernel: &'static str,
    pub sender_process: &'static str,
    pub sender_shell: &'static str,
    pub sender_resolver: &'static str,
    pub sender_supervisor: &'static str,
    pub or: &'static str,
    // Computed differences (templates).
    pub diff_family: &'static str,
    pub diff_class: &'static str,
    pub diff_sender: &'static str,
    pub diff_retry: &'static str,
    pub diff_never_sent: &'static str,
    pub diff_official: &'static str,
    pub diff_signal: &'static str,
    pub diff_catchable: &'static str,
    pub diff_none: &'static str,
    pub same_code: &'static str,
    pub when_to_use_fallback: &'static str,
    // CLI messages.
    pub no_match: &'static str,
    pub suggestions: &'static str,
    pub unknown_id: &'static str,
    pub ambiguous: &'static str,
    pub unknown_family: &'static str,
    pub more_hits: &'static str,
    pub codes: &'static str,
    // `whatcode scan`.
    /// Template: codes found, lines with codes, lines read, source.
    pub scan_header: &'static str,
    /// Template: lines read, source.
    pub scan_nothing: &'static str,
    pub scan_count: &'static str,
    pub scan_lines: &'static str,
    pub scan_code: &'static str,
    pub scan_stdin: &'static str,
    // The browser.
    pub placeholder: &'static str,
    pub no_hits: &'static str,
    pub empty_detail: &'static str,
    pub too_small: &'static str,
    pub pinned_hint: &'static str,
    pub pinned_footer: &'static str,
    pub more_below: &'static str,
    pub list_title: &'static str,
    /// Template (scan mode): codes listed, codes found, source.
    pub found_list_title: &'static str,
    /// Template: source.
    pub found_heading: &'static str,
    /// Template: times mentioned, lines.
    pub found_stats: &'static str,
    pub detail_title: &'static str,
    pub family_title: &'static str,
    pub compare_title: &'static str,
    pub keys_title: &'static str,
    pub help_intro: &'static str,
    // Key help (help overlay) and footer hints.
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub key_page_down: &'static str,
    pub key_page_up: &'static str,
    pub key_first: &'static str,
    pub key_last: &'static str,
    pub key_scroll_down: &'static str,
    pub key_scroll_up: &'static str,
    pub key_detail_page_down: &'static str,
    pub key_detail_page_up: &'static str,
    pub key_compare: &'static str,
    pub key_overview: &'static str,
    pub key_delete_char: &'static str,
    pub key_delete_word: &'static str,
    pub key_clear: &'static str,
    pub key_help: &'static str,
    pub key_help_question: &'static str,
    pub key_back: &'static str,
    pub key_quit: &'static str,
    pub hint_move: &'static str,
    pub hint_scroll: &'static str,
    pub hint_compare: &'static str,
    pub hint_family: &'static str,
    pub hint_clear: &'static str,
    pub hint_help: &'static str,
    pub hint_back: &'static str,
    pub hint_quit: &'static str,
    pub key_list_next: &'static str,
    pub key_list_previous: &'static str,
    pub key_list_first: &'static str,
    pub key_list_last: &'static str,
    pub key_half_down: &'static str,
    pub key_half_up: &'static str,
    pub key_focus_search: &'static str,
    pub key_focus_list: &'static str,
    pub key_pick: &'static str,
    pub key_copy_id: &'static str,
    pub key_copy_markdown: &'static str,
    pub hint_pick: &'static str,
    pub hint_copy: &'static str,
    pub copied: &'static str,
    pub copy_unsupported: &'static str,
    pub copy_what_markdown: &'static str,
    pub copy_what_comparison: &'static str,
    pub list_focus_title: &'static str,
    pub config_problem: &'static str,
}

impl Strings {
    pub fn retry(&self, r: Retry) -> &'static str {
        match r {
            Retry::NotApplicable => self.retry_na,
            Retry::No => self.retry_no,
            Retry::Maybe => self.retry_maybe,
            Retry::Yes => self.retry_yes,
        }
    }

    pub fn sender(&self, s: Sender) -> &'static str {
        match s {
            Sender::Server => self.sender_server,
            Sender::Client => self.sender_client,
            Sender::Peer => self.sender_peer,
            Sender::Intermediary => self.sender_intermediary,
            Sender::Library => self.sender_library,
            Sender::Kernel => self.sender_kernel,
            Sender::Process => self.sender_process,
            Sender::Shell => self.sender_shell,
            Sender::Resolver => self.sender_resolver,
            Sender::Supervisor => self.sender_supervisor,
        }
    }

    pub fn senders(&self, list: &[Sender]) -> String {
        list.iter().map(|s| self.sender(*s)).collect::<Vec<_>>().join(self.or)
    }

    /// Every field with its name, for the tests that compare languages.
    pub fn all(&self) -> Vec<(&'static str, &'static str)> {
        macro_rules! fields {
            ($($f:ident),* $(,)?) => { vec![$((stringify!($f), self.$f)),*] };
        }
        fields!(
            description,
            when,
            fix,
            sign,
            use_when,
            references,
            related,
            equivalents,
            differences,
            when_to_use,
            overview,
            number_space,
            specs,
            family,
            class,
            sent_by,
            retry,
            message,
            default_action,
            catchable,
            official,
            standard_level,
            yes,
            no,
            also_known_as,
            unofficial,
            never_sent,
            untranslated,
            retry_na,
            retry_no,
            retry_maybe,
            retry_yes,
            sender_server,
            sender_client,
            sender_peer,
            sender_intermediary,
            sender_library,
            sender_kernel,
            sender_process,
            sender_shell,
            sender_resolver,
            sender_supervisor,
            or,
            diff_family,
            diff_class,
            diff_sender,
            diff_retry,
            diff_never_sent,
            diff_official,
            diff_signal,
            diff_catchable,
            diff_none,
            same_code,
            when_to_use_fallback,
            no_match,
            suggestions,
            unknown_id,
            ambiguous,
            unknown_family,
            more_hits,
            codes,
            scan_header,
            scan_nothing,
            scan_count,
            scan_lines,
            scan_code,
            scan_stdin,
            placeholder,
            no_hits,
            empty_detail,
            too_small,
            pinned_hint,
            pinned_footer,
            more_below,
            list_title,
            found_list_title,
            found_heading,
            found_stats,
            detail_title,
            family_title,
            compare_title,
            keys_title,
            help_intro,
            key_next,
            key_previous,
            key_page_down,
            key_page_up,
            key_first,
            key_last,
            key_scroll_down,
            key_scroll_up,
            key_detail_page_down,
            key_detail_page_up,
            key_compare,
            key_overview,
            key_delete_char,
            key_delete_word,
            key_clear,
            key_help,
            key_help_question,
            key_back,
            key_quit,
            hint_move,
            hint_scroll,
            hint_compare,
            hint_family,
            hint_clear,
            hint_help,
            hint_back,
            hint_quit,
            key_list_next,
            key_list_previous,
            key_list_first,
            key_list_last,
            key_half_down,
            key_half_up,
            key_focus_search,
            key_focus_list,
            key_pick,
            key_copy_id,
            key_copy_markdown,
            hint_pick,
            hint_copy,
            copied,
            copy_unsupported,
            copy_what_markdown,
            copy_what_comparison,
            list_focus_title,
            config_problem,
        )
    }
}

pub static EN: Strings = Strings {
    description: "Description",
    when: "When you see it",
    fix: "How to fix",
    sign: "How to recognise it",
    use_when: "When to send it",
    references: "References",
    related: "Related",
    equivalents: "Equivalents in other families",
    differences: "Key differences",
    when_to_use: "When to use which",
    overview: "Overview",
    number_space: "Number space",
    specs: "Defined by",
    family: "Family",
    class: "Class",
    sent_by: "Sent by",
    retry: "Retry",
    message: "C library message",
    default_action: "Default action",
    catchable: "Can be caught",
    official: "standard",
    standard_level: "Standard: {} ({})",
    yes: "yes",
    no: "no",
    also_known_as: "Also known as",
    unofficial: "Non-standard: used by {}",
    never_sent: "NEVER SENT ON THE WIRE: this number is only reported or logged locally; the other side never receives it.",
    untranslated: "(text in English: no translation yet)",
    retry_na: "not an error; nothing to retry",
    retry_no: "no: the same request fails again until something changes",
    retry_maybe: "maybe: the cause can be transient",
    retry_yes: "yes, with backoff",
    sender_server: "the server",
    sender_client: "the client",
    sender_peer: "either endpoint",
    sender_intermediary: "a proxy, gateway, CDN or load balancer",
    sender_library: "your own library or runtime, locally",
    sender_kernel: "the kernel",
    sender_process: "a process",
    sender_shell: "the shell",
    sender_resolver: "a DNS server or resolver",
    sender_supervisor: "a service manager or orchestrator (systemd, kubelet)",
    or: " or ",
    diff_family: "Different families: {} is one of the {}; {} is one of the {}.",
    diff_class: "Class: {} is {}; {} is {}.",
    diff_sender: "Who produces it: {} comes from {}; {} from {}.",
    diff_retry: "Retrying: for {}, {}; for {}, {}.",
    diff_never_sent: "{} never travels on the wire (your library reports it locally); {} is really sent by a peer.",
    diff_official: "{} is non-standard (used by {}); {} is in the official registry.",
    diff_signal: "Default action: {} {}; {} {}.",
    diff_catchable: "{} cannot be caught, blocked or ignored; {} can be handled by the process.",
    diff_none: "Same family, class, sender and retry behaviour: the difference is in the meaning; read both descriptions.",
    same_code: "{} compared with itself: pick another code to compare.",
    when_to_use_fallback: "No hand-written note for this pair yet; tell them apart by what each one means. {}: {} {}: {}",
    no_match: "no code matches '{}'",
    suggestions: "Closest codes:",
    unknown_id: "no code has the id '{}' (ids look like http/404, ws/1006, errno/ECONNREFUSED)",
    ambiguous: "'{}' matches more than one code; use an id such as http/404",
    unknown_family: "no family is called '{}' (see `whatcode families`)",
    more_hits: "… {} more (use --limit 0 for all)",
    codes: "codes",
    scan_header: "{} codes in {} of {} lines ({})",
    scan_nothing: "no codes found in {} lines ({})",
    scan_count: "count",
    scan_lines: "lines",
    scan_code: "code",
    scan_stdin: "standard input",
    placeholder: "type a code, a name or words: 1006, 4xx, ECONNRESET, going away",
    no_hits: "No code matches. Esc clears the query.",
    empty_detail: "Type a code (404, 1006, 0x7), a name (ECONNRESET) or words (going away).",
    too_small: "Terminal too small: {}×{}. whatcode needs at least {}×{}. Enlarge the window, or Ctrl-C to quit.",
    pinned_hint: "{} is pinned. Move the selection or type a query to pick the code to compare it with; Tab leaves compare mode.",
    pinned_footer: "◆ {} pinned ",
    more_below: "▼ more",
    list_title: " {} of {} ",
    found_list_title: " {} of {} codes found in {} ",
    found_heading: "Found in {}",
    found_stats: "mentioned {} times · lines {}",
    detail_title: " detail ",
    family_title: " family {} · F2 closes ",
    compare_title: " compare ",
    keys_title: " keys · Esc closes ",
    help_intro: "Type to search: a code (1006, 0x7, 4xx), a name or words (going away),\na family first to narrow it (ws 1002, http 5xx, errno refused).",
    key_next: "next code",
    key_previous: "previous code",
    key_page_down: "page down the list",
    key_page_up: "page up the list",
    key_first: "first code",
    key_last: "last code",
    key_scroll_down: "scroll the detail down",
    key_scroll_up: "scroll the detail up",
    key_detail_page_down: "detail: page down",
    key_detail_page_up: "detail: page up",
    key_compare: "compare: pin this code, pick another; again to leave",
    key_overview: "overview of this code's family",
    key_delete_char: "delete a character",
    key_delete_word: "delete a word",
    key_clear: "clear the query",
    key_help: "show or hide this help",
    key_help_question: "help, while the query is empty",
    key_back: "close help / leave compare / clear query / quit",
    key_quit: "quit",
    hint_move: "move",
    hint_scroll: "scroll",
    hint_compare: "compare",
    hint_family: "family",
    hint_clear: "clear",
    hint_help: "help",
    hint_back: "back",
    hint_quit: "quit",
    key_list_next: "in the list: next code",
    key_list_previous: "in the list: previous code",
    key_list_first: "in the list: first code",
    key_list_last: "in the list: last code",
    key_half_down: "in the list: half a page down",
    key_half_up: "in the list: half a page up",
    key_focus_search: "in the list: back to the search bar",
    key_focus_list: "move to the list (j, k, g, G, Ctrl-D, Ctrl-U there)",
    key_pick: "choose this code and print its id (tui --print)",
    key_copy_id: "copy the code's id and name",
    key_copy_markdown: "copy the detail or comparison as Markdown",
    hint_pick: "pick",
    hint_copy: "copy",
    copied: "Copied {} (sent to the terminal with OSC 52; in tmux: set -g set-clipboard on).",
    copy_unsupported: "This terminal cannot receive clipboard writes (OSC 52), so nothing was copied; use whatcode show ID --format markdown instead.",
    copy_what_markdown: "the detail as Markdown",
    copy_what_comparison: "the comparison as Markdown",
    list_focus_title: "list · / or Esc to search ",
    config_problem: "config {}: {}",
};

pub static RU: Strings = Strings {
    description: "Описание",
    when: "Когда вы это видите",
    fix: "Как исправить",
    sign: "Как узнать",
    use_when: "Когда отправлять",
    references: "Спецификации",
    related: "Связанные коды",
    equivalents: "Аналоги в других семействах",
    differences: "Ключевые различия",
    when_to_use: "Когда что использовать",
    overview: "Обзор",
    number_space: "Пространство номеров",
    specs: "Определяется в",
    family: "Семейство",
    class: "Класс",
    sent_by: "Кто отправляет",
    retry: "Повтор",
    message: "Сообщение библиотеки C",
    default_action: "Действие по умолчанию",
    catchable: "Можно перехватить",
    official: "стандартный",
    standard_level: "Стандарт: {} ({})",
    yes: "да",
    no: "нет",
    also_known_as: "Другие названия",
    unofficial: "Нестандартный: используется в {}",
    never_sent: "НИКОГДА НЕ ПЕРЕДАЁТСЯ ПО СЕТИ: этот номер только сообщается или пишется в лог локально; другая сторона его не получает.",
    untranslated: "(текст на английском: перевода пока нет)",
    retry_na: "не ошибка; повторять нечего",
    retry_no: "нет: тот же запрос снова завершится ошибкой, пока что-то не изменится",
    retry_maybe: "возможно: причина может быть временной",
    retry_yes: "да, с нарастающей задержкой",
    sender_server: "сервер",
    sender_client: "клиент",
    sender_peer: "любая из сторон",
    sender_intermediary: "прокси, шлюз, CDN или балансировщик",
    sender_library: "ваша собственная библиотека или среда выполнения, локально",
    sender_kernel: "ядро",
    sender_process: "процесс",
    sender_shell: "командная оболочка",
    sender_resolver: "DNS-сервер или резолвер",
    sender_supervisor: "менеджер служб или оркестратор (systemd, kubelet)",
    or: " или ",
    diff_family: "Разные семейства: {} относится к семейству «{}»; {} — к семейству «{}».",
    diff_class: "Класс: {} — {}; {} — {}.",
    diff_sender: "Кто его создаёт: {} — {}; {} — {}.",
    diff_retry: "Повтор: для {} — {}; для {} — {}.",
    diff_never_sent: "{} никогда не передаётся по сети (его сообщает ваша библиотека); {} действительно отправляет другая сторона.",
    diff_official: "{} нестандартный (используется в {}); {} есть в официальном реестре.",
    diff_signal: "Действие по умолчанию: {} — {}; {} — {}.",
    diff_catchable: "{} нельзя перехватить, заблокировать или игнорировать; {} процесс может обработать.",
    diff_none: "Одно семейство, класс, отправитель и поведение при повторе: разница в смысле — прочтите оба описания.",
    same_code: "{} сравнивается сам с собой: выберите другой код для сравнения.",
    when_to_use_fallback: "Для этой пары пока нет написанной вручную заметки; различайте их по смыслу. {}: {} {}: {}",
    no_match: "ни один код не подходит под «{}»",
    suggestions: "Ближайшие коды:",
    unknown_id: "нет кода с идентификатором «{}» (идентификаторы выглядят так: http/404, ws/1006, errno/ECONNREFUSED)",
    ambiguous: "«{}» подходит под несколько кодов; укажите идентификатор, например http/404",
    unknown_family: "нет семейства «{}» (см. `whatcode families`)",
    more_hits: "… ещё {} (--limit 0 покажет все)",
    codes: "кодов",
    scan_header: "найдено кодов: {}; строк с кодами: {} из {} ({})",
    scan_nothing: "кодов не найдено; строк прочитано: {} ({})",
    scan_count: "раз",
    scan_lines: "строки",
    scan_code: "код",
    scan_stdin: "стандартный ввод",
    placeholder: "введите код, название или слова: 1006, 4xx, ECONNRESET, going away",
    no_hits: "Ничего не найдено. Esc очищает запрос.",
    empty_detail: "Введите код (404, 1006, 0x7), название (ECONNRESET) или слова (going away).",
    too_small: "Терминал слишком мал: {}×{}. whatcode нужно не меньше {}×{}. Увеличьте окно или нажмите Ctrl-C для выхода.",
    pinned_hint: "{} закреплён. Переместите выделение или введите запрос, чтобы выбрать код для сравнения; Tab выходит из сравнения.",
    pinned_footer: "◆ {} закреплён ",
    more_below: "▼ ещё",
    list_title: " {} из {} ",
    found_list_title: " {} из {} кодов, найденных в {} ",
    found_heading: "Найдено в {}",
    found_stats: "упоминаний: {} · строки {}",
    detail_title: " подробности ",
    family_title: " семейство {} · F2 закрывает ",
    compare_title: " сравнение ",
    keys_title: " клавиши · Esc закрывает ",
    help_intro: "Вводите для поиска: код (1006, 0x7, 4xx), название или слова (going away),\nсемейство в начале сужает поиск (ws 1002, http 5xx, errno refused).",
    key_next: "следующий код",
    key_previous: "предыдущий код",
    key_page_down: "страница вниз по списку",
    key_page_up: "страница вверх по списку",
    key_first: "первый код",
    key_last: "последний код",
    key_scroll_down: "прокрутить подробности вниз",
    key_scroll_up: "прокрутить подробности вверх",
    key_detail_page_down: "подробности: страница вниз",
    key_detail_page_up: "подробности: страница вверх",
    key_compare: "сравнение: закрепить код, выбрать другой; повторно — выйти",
    key_overview: "обзор семейства этого кода",
    key_delete_char: "удалить символ",
    key_delete_word: "удалить слово",
    key_clear: "очистить запрос",
    key_help: "показать или скрыть справку",
    key_help_question: "справка, когда запрос пуст",
    key_back: "закрыть справку / выйти из сравнения / очистить запрос / выйти",
    key_quit: "выход",
    hint_move: "выбор",
    hint_scroll: "прокрутка",
    hint_compare: "сравнить",
    hint_family: "семейство",
    hint_clear: "очистить",
    hint_help: "справка",
    hint_back: "назад",
    hint_quit: "выход",
    key_list_next: "в списке: следующий код",
    key_list_previous: "в списке: предыдущий код",
    key_list_first: "в списке: первый код",
    key_list_last: "в списке: последний код",
    key_half_down: "в списке: полстраницы вниз",
    key_half_up: "в списке: полстраницы вверх",
    key_focus_search: "в списке: вернуться к строке поиска",
    key_focus_list: "перейти в список (там работают j, k, g, G, Ctrl-D, Ctrl-U)",
    key_pick: "выбрать код и вывести его идентификатор (tui --print)",
    key_copy_id: "скопировать идентификатор и название кода",
    key_copy_markdown: "скопировать подробности или сравнение в Markdown",
    hint_pick: "выбрать",
    hint_copy: "копировать",
    copied: "Скопировано: {} (отправлено терминалу через OSC 52; в tmux: set -g set-clipboard on).",
    copy_unsupported: "Этот терминал не принимает запись в буфер обмена (OSC 52), ничего не скопировано; используйте whatcode show ID --format markdown.",
    copy_what_markdown: "подробности в Markdown",
    copy_what_comparison: "сравнение в Markdown",
    list_focus_title: "список · / или Esc — к поиску ",
    config_problem: "конфигурация {}: {}",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key_filled_with_matching_placeholders() {
        let en = EN.all();
        for lang in Lang::ALL {
            let other = lang.strings().all();
            assert_eq!(other.len(), en.len());
            for ((name, e), (other_name, o)) in en.iter().zip(&other) {
                assert_eq!(name, other_name);
                assert!(!o.trim().is_empty() || e.trim().is_empty(), "{lang:?}: {name} is empty");
                assert_eq!(e.matches("{}").count(), o.matches("{}").count(), "{lang:?}: {name} placeholders");
            }
        }
    }

    #[test]
    fn russian_is_really_translated() {
        let same: Vec<&str> =
            EN.all().iter().zip(RU.all()).filter(|((_, e), (_, r))| e == r).map(|((n, _), _)| *n).collect();
        // Separators and symbols are the same in both languages.
        assert!(same.iter().all(|n| ["more_below"].contains(n) || n.is_empty()), "untranslated: {same:?}");
    }

    #[test]
    fn language_choice() {
        assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("de_DE"), None);
        assert_eq!(Lang::choose(Some("ru"), None), Lang::Ru);
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("{} of {}", &["3", "10"]), "3 of 10");
        assert_eq!(fill("no {}", &[]), "no ");
    }
}
