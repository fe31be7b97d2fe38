//! Which context may ask the worker for what: the one table the worker consults before it
//! answers a runtime message.
//!
//! Content scripts run in Gmail's and LinkedIn's renderer processes, next to the sites' own
//! scripts; whatever a content script can obtain, a compromised or hostile page could in the
//! worst case obtain too. So they get only what the in-page helper needs: the offer for the people
//! on their compose, the one draft the user picks from it, and a way to say WebAssembly was
//! refused on their own origin. Everything else (export, import, edits, settings, delete, the
//! schedule, drafts of anybody) is for the extension's own pages only. Messages from other
//! extensions, frames or origins are refused.
//!
//! ```
//! use followup::access::{allowed, Sender};
//! use followup::protocol::Request;
//! let page = Sender::Page { origin: "https://mail.google.com".into() };
//! assert!(allowed(&Request::Export, &Sender::Extension).is_ok());
//! assert!(allowed(&Request::Export, &page).is_err());
//! ```

use crate::failure::Failure;
use crate::protocol::Request;

/// The origins of the supported sites (the content script's `matches`).
pub const SITES: &[&str] = &["https://mail.google.com", "https://www.linkedin.com"];

/// Where a runtime message came from, as the browser reports it (`runtime.MessageSender`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSender {
    /// `sender.id`: the extension that sent it.
    pub id: Option<String>,
    /// `sender.url`: the sending document's URL.
    pub url: Option<String>,
    /// `sender.origin`: the sending document's origin.
    pub origin: Option<String>,
    /// Whether `sender.tab` is set (content scripts, and extension pages opened in a tab).
    pub tab: bool,
    /// `sender.frameId` (0 is a tab's top frame).
    pub frame_id: Option<i64>,
}

/// A sender, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    /// One of the extension's own pages (the popup, or a page of it opened in a tab).
    Extension,
    /// The content script in the top frame of a tab on a supported site.
    Page {
        /// The page's origin, one of [`SITES`].
        origin: String,
    },
    /// Anything else (another extension, a frame, an unsupported origin).
    Stranger,
}

/// Classifies a sender. `own_id` is `runtime.id`; `own_base` is `runtime.getURL("")`
/// (`chrome-extension://<id>/`, or Firefox's `moz-extension://<uuid>/`).
pub fn classify(own_id: &str, own_base: &str, s: &RawSender) -> Sender {
    if own_id.is_empty() || s.id.as_deref() != Some(own_id) {
        return Sender::Stranger;
    }
    let url = s.url.as_deref().unwrap_or_default();
    if !own_base.is_empty() && url.starts_with(own_base) {
        return Sender::Extension;
    }
    match s.origin.as_deref() {
        Some(origin) if s.tab && s.frame_id == Some(0) && SITES.contains(&origin) => {
            let same_site = url
                .strip_prefix(origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
            if same_site {
                Sender::Page {
                    origin: origin.to_string(),
                }
            } else {
                Sender::Stranger
            }
        }
        _ => Sender::Stranger,
    }
}

/// Who may send a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The extension's own pages only.
    Extension,
    /// The extension's pages and the content scripts on the supported sites.
    ExtensionAndPages,
}

/// The table: who may send each request. A new request does not compile until it has a row.
pub fn audience(request: &Request) -> Audience {
    use Audience::*;
    match request {
        Request::Offer(_)
        | Request::PageDraft(_)
        | Request::PageSent(_)
        | Request::PageUnsent(_)
        | Request::PageReply(_)
        | Request::PageReplied(_)
        | Request::PageInvitation(_)
        | Request::WasmRefused { .. } => ExtensionAndPages,
        Request::Ping
        | Request::Import { .. }
        | Request::Export
        | Request::Schedule { .. }
        | Request::Draft(_)
        | Request::Lint { .. }
        | Request::UpsertInterview { .. }
        | Request::RemoveInterview { .. }
        | Request::Record { .. }
        | Request::Unrecord { .. }
        | Request::Settings { .. }
        | Request::Snooze { .. }
        | Request::Unsnooze { .. }
        | Request::Ics { .. }
        | Request::Open { .. }
        | Request::DeleteAll
        | Request::Problem
        | Request::UnreadableText
        | Request::WasmStatus
        | Request::SyncStatus
        | Request::SyncOn { .. }
        | Request::SyncOff
        | Request::ImportMerge { .. } => Extension,
    }
}

/// Whether `sender` may send `request`; the error is the reply's message.
pub fn allowed(request: &Request, sender: &Sender) -> Result<(), Failure> {
    match (sender, audience(request)) {
        (Sender::Extension, _) => Ok(()),
        (Sender::Page { origin }, Audience::ExtensionAndPages) => match request {
            // A page reports only its own origin.
            Request::WasmRefused { origin: said, .. } if said != origin => Err(
                Failure::NotAllowed(format!("refused: a page on {origin} reported {said}")),
            ),
            _ => Ok(()),
        },
        (Sender::Page { .. }, Audience::Extension) => Err(Failure::NotAllowed(format!(
            "refused: `{}` is only answered to the extension's own pages",
            request.name()
        ))),
        (Sender::Stranger, _) => Err(Failure::NotAllowed("refused: unknown sender".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ID: &str = "abcdefghijklmnopabcdefghijklmnop";
    const BASE: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";

    fn raw(id: &str, url: &str, origin: &str, tab: bool, frame: i64) -> RawSender {
        RawSender {
            id: Some(id.into()),
            url: Some(url.into()),
            origin: Some(origin.into()),
            tab,
            frame_id: Some(frame),
        }
    }

    fn page(origin: &str) -> Sender {
        Sender::Page {
            origin: origin.into(),
        }
    }

    #[test]
    fn senders_are_classified() {
        let popup = format!("{BASE}popup.html");
        let ext = BASE.trim_end_matches('/');
        let cases = [
            (raw(ID, &popup, ext, false, 0), Sender::Extension),
            // The popup opened in a tab is still the extension.
            (raw(ID, &popup, ext, true, 0), Sender::Extension),
            (
                raw(
                    ID,
                    "https://mail.google.com/mail/u/0/",
                    "https://mail.google.com",
                    true,
                    0,
                ),
                page("https://mail.google.com"),
            ),
            (
                raw(
                    ID,
                    "https://www.linkedin.com/messaging/",
                    "https://www.linkedin.com",
                    true,
                    0,
                ),
                page("https://www.linkedin.com"),
            ),
            // A frame, another origin, another extension, no tab, a lying URL: strangers.
            (
                raw(
                    ID,
                    "https://mail.google.com/x",
                    "https://mail.google.com",
                    true,
                    3,
                ),
                Sender::Stranger,
            ),
            (
                raw(ID, "https://evil.example/", "https://evil.example", true, 0),
                Sender::Stranger,
            ),
            (
                raw(
                    "other-extension",
                    &popup,
                    "https://mail.google.com",
                    true,
                    0,
                ),
                Sender::Stranger,
            ),
            (
                raw(
                    ID,
                    "https://mail.google.com/",
                    "https://mail.google.com",
                    false,
                    0,
                ),
                Sender::Stranger,
            ),
            (
                raw(
                    ID,
                    "https://mail.google.com.evil.example/",
                    "https://mail.google.com",
                    true,
                    0,
                ),
                Sender::Stranger,
            ),
            (RawSender::default(), Sender::Stranger),
        ];
        for (sender, want) in cases {
            assert_eq!(classify(ID, BASE, &sender), want, "{sender:?}");
        }
        assert_eq!(
            classify("", "", &RawSender::default()),
            Sender::Stranger,
            "an unknown own id trusts nobody"
        );
    }

    fn request(v: serde_json::Value) -> Request {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn pages_get_only_the_narrow_requests() {
        let gmail = page("https://mail.google.com");
        let table = [
            (json!({"type":"offer","people":[]}), true),
            (
                json!({"type":"page-draft","people":[],"interview":"a","kind":"thank-you"}),
                true,
            ),
            (
                json!({"type":"wasm-refused","origin":"https://mail.google.com"}),
                true,
            ),
            (
                json!({"type":"wasm-refused","origin":"https://www.linkedin.com"}),
                false,
            ),
            (json!({"type":"export"}), false),
            (json!({"type":"import","store":{"version":1}}), false),
            (json!({"type":"settings","profile":{}}), false),
            (json!({"type":"delete-all"}), false),
            (json!({"type":"schedule"}), false),
            (
                json!({"type":"draft","interview":"a","kind":"thank-you"}),
                false,
            ),
            (json!({"type":"record","interview":"a","event":{}}), false),
            (json!({"type":"upsert-interview","interview":{}}), false),
            (json!({"type":"remove-interview","id":"a"}), false),
            (
                json!({"type":"snooze","interview":"a","kind":"nudge"}),
                false,
            ),
            (json!({"type":"open","interview":"a","kind":"nudge"}), false),
            (json!({"type":"ics"}), false),
            (json!({"type":"problem"}), false),
            (json!({"type":"unreadable-text"}), false),
            (json!({"type":"wasm-status"}), false),
            (json!({"type":"lint","text":"hi"}), false),
            (json!({"type":"ping"}), false),
        ];
        for (message, for_pages) in table {
            let r = request(message.clone());
            assert!(allowed(&r, &Sender::Extension).is_ok(), "{message}");
            assert_eq!(allowed(&r, &gmail).is_ok(), for_pages, "{message}");
            assert!(allowed(&r, &Sender::Stranger).is_err(), "{message}");
        }
        let refused = allowed(&request(json!({"type":"export"})), &gmail).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "refused: `export` is only answered to the extension's own pages"
        );
        assert_eq!(refused.code(), crate::failure::Code::NotAllowed);
    }
}
