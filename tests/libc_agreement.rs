//! Our numbers agree with the `libc` crate's Linux constants, so the errno and signal data cannot
//! drift silently. (Linux only: other systems number these differently, and whatcode documents
//! the Linux values.)
#![cfg(target_os = "linux")]

use whatcode::catalog::Catalog;

fn check(family: &str, expected: &[(&str, i32)]) {
    let catalog = Catalog::builtin();
    let entries: Vec<_> = catalog.entries().iter().filter(|e| e.family == family).collect();
    for (name, value) in expected {
        let entry =
            entries.iter().find(|e| e.name == *name).unwrap_or_else(|| panic!("{family}: no entry named {name}"));
        assert_eq!(entry.value, i64::from(*value), "{family}/{name}: libc says {value}");
    }
    let named: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    for e in &entries {
        assert!(named.contains(&e.name.as_ref()), "{} is not checked against libc", e.id());
    }
}

#[test]
fn errno_values_match_libc() {
    check(
        "errno",
        &[
            ("EPERM", libc::EPERM),
            ("ENOENT", libc::ENOENT),
            ("ESRCH", libc::ESRCH),
            ("EINTR", libc::EINTR),
            ("EIO", libc::EIO),
            ("ENXIO", libc::ENXIO),
            ("E2BIG", libc::E2BIG),
            ("ENOEXEC", libc::ENOEXEC),
            ("EBADF", libc::EBADF),
            ("ECHILD", libc::ECHILD),
            ("EAGAIN", libc::EAGAIN),
            ("ENOMEM", libc::ENOMEM),
            ("EACCES", libc::EACCES),
            ("EFAULT", libc::EFAULT),
            ("ENOTBLK", libc::ENOTBLK),
            ("EBUSY", libc::EBUSY),
            ("EEXIST", libc::EEXIST),
            ("EXDEV", libc::EXDEV),
            ("ENODEV", libc::ENODEV),
            ("ENOTDIR", libc::ENOTDIR),
            ("EISDIR", libc::EISDIR),
            ("EINVAL", libc::EINVAL),
            ("ENFILE", libc::ENFILE),
            ("EMFILE", libc::EMFILE),
            ("ENOTTY", libc::ENOTTY),
            ("ETXTBSY", libc::ETXTBSY),
            ("EFBIG", libc::EFBIG),
            ("ENOSPC", libc::ENOSPC),
            ("ESPIPE", libc::ESPIPE),
            ("EROFS", libc::EROFS),
            ("EMLINK", libc::EMLINK),
            ("EPIPE", libc::EPIPE),
            ("EDOM", libc::EDOM),
            ("ERANGE", libc::ERANGE),
            ("EDEADLK", libc::EDEADLK),
            ("ENAMETOOLONG", libc::ENAMETOOLONG),
            ("ENOLCK", libc::ENOLCK),
            ("ENOSYS", libc::ENOSYS),
            ("ENOTEMPTY", libc::ENOTEMPTY),
            ("ELOOP", libc::ELOOP),
            ("ENOMSG", libc::ENOMSG),
            ("EIDRM", libc::EIDRM),
            ("ECHRNG", libc::ECHRNG),
            ("EL2NSYNC", libc::EL2NSYNC),
            ("EL3HLT", libc::EL3HLT),
            ("EL3RST", libc::EL3RST),
            ("ELNRNG", libc::ELNRNG),
            ("EUNATCH", libc::EUNATCH),
            ("ENOCSI", libc::ENOCSI),
            ("EL2HLT", libc::EL2HLT),
            ("EBADE", libc::EBADE),
            ("EBADR", libc::EBADR),
            ("EXFULL", libc::EXFULL),
            ("ENOANO", libc::ENOANO),
            ("EBADRQC", libc::EBADRQC),
            ("EBADSLT", libc::EBADSLT),
            ("EBFONT", libc::EBFONT),
            ("ENOSTR", libc::ENOSTR),
            ("ENODATA", libc::ENODATA),
            ("ETIME", libc::ETIME),
            ("ENOSR", libc::ENOSR),
            ("ENONET", libc::ENONET),
            ("ENOPKG", libc::ENOPKG),
            ("EREMOTE", libc::EREMOTE),
            ("ENOLINK", libc::ENOLINK),
            ("EADV", libc::EADV),
            ("ESRMNT", libc::ESRMNT),
            ("ECOMM", libc::ECOMM),
            ("EPROTO", libc::EPROTO),
            ("EMULTIHOP", libc::EMULTIHOP),
            ("EDOTDOT", libc::EDOTDOT),
            ("EBADMSG", libc::EBADMSG),
            ("EOVERFLOW", libc::EOVERFLOW),
            ("ENOTUNIQ", libc::ENOTUNIQ),
            ("EBADFD", libc::EBADFD),
            ("EREMCHG", libc::EREMCHG),
            ("ELIBACC", libc::ELIBACC),
            ("ELIBBAD", libc::ELIBBAD),
            ("ELIBSCN", libc::ELIBSCN),
            ("ELIBMAX", libc::ELIBMAX),
            ("ELIBEXEC", libc::ELIBEXEC),
            ("EILSEQ", libc::EILSEQ),
            ("ERESTART", libc::ERESTART),
            ("ESTRPIPE", libc::ESTRPIPE),
            ("EUSERS", libc::EUSERS),
            ("ENOTSOCK", libc::ENOTSOCK),
            ("EDESTADDRREQ", libc::EDESTADDRREQ),
            ("EMSGSIZE", libc::EMSGSIZE),
            ("EPROTOTYPE", libc::EPROTOTYPE),
            ("ENOPROTOOPT", libc::ENOPROTOOPT),
            ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT),
            ("ESOCKTNOSUPPORT", libc::ESOCKTNOSUPPORT),
            ("EOPNOTSUPP", libc::EOPNOTSUPP),
            ("EPFNOSUPPORT", libc::EPFNOSUPPORT),
            ("EAFNOSUPPORT", libc::EAFNOSUPPORT),
            ("EADDRINUSE", libc::EADDRINUSE),
            ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL),
            ("ENETDOWN", libc::ENETDOWN),
            ("ENETUNREACH", libc::ENETUNREACH),
            ("ENETRESET", libc::ENETRESET),
            ("ECONNABORTED", libc::ECONNABORTED),
            ("ECONNRESET", libc::ECONNRESET),
            ("ENOBUFS", libc::ENOBUFS),
            ("EISCONN", libc::EISCONN),
            ("ENOTCONN", libc::ENOTCONN),
            ("ESHUTDOWN", libc::ESHUTDOWN),
            ("ETOOMANYREFS", libc::ETOOMANYREFS),
            ("ETIMEDOUT", libc::ETIMEDOUT),
            ("ECONNREFUSED", libc::ECONNREFUSED),
            ("EHOSTDOWN", libc::EHOSTDOWN),
            ("EHOSTUNREACH", libc::EHOSTUNREACH),
            ("EALREADY", libc::EALREADY),
            ("EINPROGRESS", libc::EINPROGRESS),
            ("ESTALE", libc::ESTALE),
            ("EUCLEAN", libc::EUCLEAN),
            ("ENOTNAM", libc::ENOTNAM),
            ("ENAVAIL", libc::ENAVAIL),
            ("EISNAM", libc::EISNAM),
            ("EREMOTEIO", libc::EREMOTEIO),
            ("EDQUOT", libc::EDQUOT),
            ("ENOMEDIUM", libc::ENOMEDIUM),
            ("EMEDIUMTYPE", libc::EMEDIUMTYPE),
            ("ECANCELED", libc::ECANCELED),
            ("ENOKEY", libc::ENOKEY),
            ("EKEYEXPIRED", libc::EKEYEXPIRED),
            ("EKEYREVOKED", libc::EKEYREVOKED),
            ("EKEYREJECTED", libc::EKEYREJECTED),
            ("EOWNERDEAD", libc::EOWNERDEAD),
            ("ENOTRECOVERABLE", libc::ENOTRECOVERABLE),
            ("ERFKILL", libc::ERFKILL),
            ("EHWPOISON", libc::EHWPOISON),
        ],
    );
}

#[test]
fn errno_messages_match_the_c_library() {
    let catalog = Catalog::builtin();
    for e in catalog.entries().iter().filter(|e| e.family == "errno") {
        let Some(message) = &e.message else { panic!("{}: no message", e.id()) };
        // SAFETY: strerror returns a pointer to a NUL-terminated string owned by the C library.
        let actual = unsafe { std::ffi::CStr::from_ptr(libc::strerror(e.value as i32)) }.to_string_lossy().into_owned();
        if actual.starts_with("Unknown error") {
            continue; // a C library that predates this errno (musl, old glibc) has no text for it
        }
        assert_eq!(message.as_ref(), actual, "{}: C library message", e.id());
    }
}

#[test]
fn signal_values_match_libc() {
    check(
        "signal",
        &[
            ("SIGHUP", libc::SIGHUP),
            ("SIGINT", libc::SIGINT),
            ("SIGQUIT", libc::SIGQUIT),
            ("SIGILL", libc::SIGILL),
            ("SIGTRAP", libc::SIGTRAP),
            ("SIGABRT", libc::SIGABRT),
            ("SIGBUS", libc::SIGBUS),
            ("SIGFPE", libc::SIGFPE),
            ("SIGKILL", libc::SIGKILL),
            ("SIGUSR1", libc::SIGUSR1),
            ("SIGSEGV", libc::SIGSEGV),
            ("SIGUSR2", libc::SIGUSR2),
            ("SIGPIPE", libc::SIGPIPE),
            ("SIGALRM", libc::SIGALRM),
            ("SIGTERM", libc::SIGTERM),
            ("SIGSTKFLT", libc::SIGSTKFLT),
            ("SIGCHLD", libc::SIGCHLD),
            ("SIGCONT", libc::SIGCONT),
            ("SIGSTOP", libc::SIGSTOP),
            ("SIGTSTP", libc::SIGTSTP),
            ("SIGTTIN", libc::SIGTTIN),
            ("SIGTTOU", libc::SIGTTOU),
            ("SIGURG", libc::SIGURG),
            ("SIGXCPU", libc::SIGXCPU),
            ("SIGXFSZ", libc::SIGXFSZ),
            ("SIGVTALRM", libc::SIGVTALRM),
            ("SIGPROF", libc::SIGPROF),
            ("SIGWINCH", libc::SIGWINCH),
            ("SIGIO", libc::SIGIO),
            ("SIGPWR", libc::SIGPWR),
            ("SIGSYS", libc::SIGSYS),
        ],
    );
}

#[test]
fn exit_statuses_for_signals_are_128_plus_n() {
    let catalog = Catalog::builtin();
    for e in catalog.entries().iter().filter(|e| e.family == "exit" && e.value > 128) {
        for eq in e.equivalents.iter().filter(|id| id.starts_with("signal/")) {
            let signal: i64 = eq.trim_start_matches("signal/").parse().expect("signal number");
            assert_eq!(e.value, 128 + signal, "{} ↔ {eq}", e.id());
        }
    }
}
