//! Reading what a program wrote to a pseudo-terminal, shared by the end-to-end tests and the
//! pseudo-terminal benchmark: poll the master side, hand every chunk to `sink`.

use std::os::fd::RawFd;

/// Reads everything available on `fd`, waiting up to `wait_ms` for the first bytes, and passes
/// each chunk to `sink`. Returns when nothing more is ready (or the terminal closed).
pub fn read_available(fd: RawFd, wait_ms: i32, sink: &mut dyn FnMut(&[u8])) {
    let mut timeout = wait_ms;
    loop {
        let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd for a descriptor the caller owns.
        if unsafe { libc::poll(&mut pfd, 1, timeout) } <= 0 || pfd.revents & libc::POLLIN == 0 {
            return;
        }
        let mut buf = [0u8; 65536];
        // SAFETY: reading into our own buffer, at most its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return;
        }
        sink(&buf[..n as usize]);
        timeout = 0;
    }
}
