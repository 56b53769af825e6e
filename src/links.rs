//! Web addresses for the specs entries cite, and terminal hyperlinks (OSC 8) to them. RFC
//! sections go to the RFC Editor's copy, IANA registries to their IANA page; anything else stays
//! plain text.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

/// The IANA registries entries cite, by a word of their name, and where each lives.
const IANA: &[(&str, &str)] = &[
    ("HTTP Status Code", "https://www.iana.org/assignments/http-status-codes"),
    ("WebSocket", "https://www.iana.org/assignments/websocket"),
    ("Extended DNS Error", "https://www.iana.org/assignments/dns-parameters"),
    ("DNS", "https://www.iana.org/assignments/dns-parameters"),
    ("TLS", "https://www.iana.org/assignments/tls-parameters"),
    ("HTTP/2", "https://www.iana.org/assignments/http2-parameters"),
    ("HTTP/3", "https://www.iana.org/assignments/http3-parameters"),
    ("QUIC", "https://www.iana.org/assignments/quic"),
    ("SMTP Enhanced Status", "https://www.iana.org/assignments/smtp-enhanced-status-codes"),
    ("SIP", "https://www.iana.org/assignments/sip-parameters"),
    ("LDAP", "https://www.iana.org/assignments/ldap-parameters"),
    ("OAuth", "https://www.iana.org/assignments/oauth-parameters"),
    ("MQTT", "https://www.iana.org/assignments/mqtt"),
];

/// The web address of a reference, if it is an RFC (`RFC 9110 §15.5.5`) or an IANA registry.
pub fn url_for(reference: &str) -> Option<String> {
    let text = reference.trim();
    if let Some(rest) = text.strip_prefix("RFC ") {
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if number.is_empty() {
            return None;
        }
        let mut url = format!("https://www.rfc-editor.org/rfc/rfc{number}");
        let section = rest.split_once('§').map(|(_, s)| s.trim());
        if let Some(section) = section {
            let id: String = section.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let id = id.trim_end_matches('.');
            if !id.is_empty() {
                url.push_str(&format!("#section-{id}"));
            }
        }
        return Some(url);
    }
    if text.starts_with("IANA ") {
        return IANA.iter().find(|(word, _)| text.contains(word)).map(|(_, url)| url.to_string());
    }
    None
}

/// Makes the text of row `y` inside `area` a hyperlink to `url`: each character cell carries the
/// OSC 8 sequences, with its width forced to one column so the buffer diff stays right.
pub fn link_row(buf: &mut Buffer, area: Rect, y: u16, url: &str) {
    let url: String = url.chars().filter(|c| !c.is_control()).collect();
    let last = (area.x..area.right()).rev().find(|&x| buf[(x, y)].symbol() != " ");
    let Some(last) = last else { return };
    // Skip the bullet and the indent: the link starts at the text.
    let first = (area.x..=last).find(|&x| !matches!(buf[(x, y)].symbol(), " " | "•")).unwrap_or(area.x);
    for x in first..=last {
        let cell = &mut buf[(x, y)];
        let symbol = cell.symbol().to_string();
        if unicode_width::UnicodeWidthStr::width(symbol.as_str()) != 1 {
            continue;
        }
        cell.set_symbol(&format!("\x1b]8;;{url}\x1b\\{symbol}\x1b]8;;\x1b\\"));
        cell.set_diff_option(CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN));
    }
}

/// Whether the terminal is likely to show OSC 8 hyperlinks rather than garbage: not the Linux
/// console, not TERM=dumb. (Terminals without support ignore the sequence.)
pub fn terminal_takes_links() -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    !(term == "linux" || term == "dumb" || term.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_sections_and_iana_registries_have_addresses() {
        assert_eq!(
            url_for("RFC 9110 §15.5.5").as_deref(),
            Some("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5")
        );
        assert_eq!(url_for("RFC 6455").as_deref(), Some("https://www.rfc-editor.org/rfc/rfc6455"));
        assert_eq!(url_for("RFC 4511 Appendix A").as_deref(), Some("https://www.rfc-editor.org/rfc/rfc4511"));
        assert_eq!(
            url_for("IANA HTTP Status Code Registry").as_deref(),
            Some("https://www.iana.org/assignments/http-status-codes")
        );
        assert_eq!(url_for("errno(3)"), None);
        assert_eq!(url_for("postgres/postgres src/backend/utils/errcodes.txt"), None);
    }
}
