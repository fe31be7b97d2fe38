//! What the worker does with each request, without the browser: [`handle`] decides, the worker
//! performs the [`Outcome`]. Edits arrive as store-format JSON ([`crate::protocol::Doc`]); each
//! is read with the store's own reader at the place it will take (so a refusal names the path,
//! `interviews[3].interviewers[0].email: …`) and applied by the store's typed, validated edit
//! methods (`store/edit.rs`), the only code that changes a [`Store`]. Nothing is half-applied:
//! every edit works on a copy.
//!
//! Also the "Write it" link: a Gmail compose URL filled with a draft, or the LinkedIn page.
//!
//! ```
//! use followup::service;
//! let store = followup::model::Store::default();
//! let added = service::upsert_interview(&store, &serde_json::json!({
//!     "id": "acme", "company": "Acme", "role": "PM", "at": "2026-11-20T14:00:00-05:00"})).unwrap();
//! assert_eq!(added.0.interviews.len(), 1);
//! assert_eq!(added.1, "acme");
//! let refused = service::upsert_interview(&store, &serde_json::json!({"id": "x"}));
//! assert!(refused.unwrap_err().to_string().starts_with("interviews[0]"));
//! ```

use crate::draft::{Draft, DraftRequest};
use crate::failure::Failure;
use crate::model::{Channel, Event, Interview, Interviewer, Kind, Store};
use crate::page::invited::Invited;
use crate::page::offer::offer;
use crate::page::people::Person;
use crate::protocol::{
    Calendar, Done, Drafted, Exported, Findings, Imported, OfferRequest, Offered, PageDraftRequest,
    PageInvitationRequest, PageRepliedRequest, PageReplyRequest, PageSentRequest,
    PageUnsentRequest, Pong, ReplyOffered, Request, Response, Saved, Schedule, Sends, Waiting,
};
use crate::reminders::{self, Reminders};
use crate::store::{from_value, StoreError};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

/// What the worker knows besides the store when it answers a request.
#[derive(Debug, Clone)]
pub struct Env {
    /// The current time (where a request gives none, and for snoozes and offers).
    pub now: DateTime<FixedOffset>,
    /// The current time in ms since the epoch (for [`Pending`]).
    pub now_ms: f64,
    /// The tab the request came from, if any.
    pub tab: Option<i64>,
    /// Snoozed items, left out of `schedule`.
    pub snoozed: Reminders,
    /// The message "Write it" opened a tab for, if one is waiting.
    pub pending: Option<Pending>,
}

impl Env {
    /// An environment at `now` with nothing snoozed and nothing waiting.
    pub fn at(now: DateTime<FixedOffset>) -> Env {
        Env {
            now,
            now_ms: now.timestamp_millis() as f64,
            tab: None,
            snoozed: Reminders::default(),
            pending: None,
        }
    }
}

/// What answering a request takes: a reply, or a reply after an effect only the worker can
/// have (storage, tabs, notifications). Each variant names the effect; the worker performs it
/// and sends the reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Answered from the store; nothing changes.
    Reply(Response),
    /// Store `store` (a versioned write), then reply. `whole`: the user replaced all their data
    /// (import), which also ends the notice about a document that could not be read.
    Write {
        /// The new store.
        store: Box<Store>,
        /// The reply once it is written.
        reply: Response,
        /// The whole store was replaced by the user's choice.
        whole: bool,
    },
    /// Delete everything the extension keeps, then reply [`Done`].
    Wipe,
    /// Hide an item until `until` (reminder state), then reply `Snoozed`.
    Snooze {
        /// The item's reminder key.
        key: String,
        /// When it comes back.
        until: DateTime<FixedOffset>,
    },
    /// Take back the snooze of the item with `key` (reminder state), then reply [`Done`].
    Unsnooze {
        /// The item's reminder key.
        key: String,
    },
    /// Open a tab for "Write it"; the message waits for that tab's helper.
    Open(Opening),
    /// Keep the invitation the user opened (bounded) for the popup's form, and open the form.
    OpenInvitation(Invited),
    /// Reply with the offer and forget the waiting message, now handed over.
    HandOver(Offered),
    /// Reply with the report of a stored document that could not be read.
    ReadProblem,
    /// Read the text of the stored document that could not be read.
    ReadUnreadable,
    /// Remember that WebAssembly was refused on `origin`, then reply [`Done`].
    RememberRefused {
        /// The page's origin.
        origin: String,
        /// What it saw.
        error: String,
    },
    /// Reply with the origins where WebAssembly was refused.
    ReadRefused,
    /// Sync across devices: report, turn on (the passphrase was strong enough), turn off.
    Sync(SyncCall),
}

/// What the worker does about sync across devices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncCall {
    /// Report how it goes.
    Status,
    /// Turn it on with this passphrase.
    On(String),
    /// Turn it off and remove the synced data from the browser's sync storage.
    Off,
}

/// A tab to open for "Write it", and the message that waits for its helper.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// The page to open.
    pub url: String,
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    pub interviewer: Option<String>,
    /// Subject, for an email.
    pub subject: Option<String>,
    /// The message.
    pub body: String,
}

/// Answers one request: the one place that decides what each request does. Pure: the worker
/// loads the store and the [`Env`], performs the [`Outcome`]'s effect and sends its reply.
///
/// ```
/// use followup::service::{handle, Env, Outcome};
/// use followup::protocol::{Request, Response};
/// let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T16:00:00Z").unwrap();
/// let out = handle(&Default::default(), Request::Export, &Env::at(now)).unwrap();
/// assert!(matches!(out, Outcome::Reply(Response::Exported(_))));
/// ```
pub fn handle(store: &Store, request: Request, env: &Env) -> Result<Outcome, Failure> {
    let at = |given: Option<String>| match given {
        Some(s) => DateTime::parse_from_rfc3339(&s).map_err(|e| Failure::BadTime {
            field: "now",
            detail: e.to_string(),
        }),
        None => Ok(env.now),
    };
    let reply = |r: Response| Ok(Outcome::Reply(r));
    let write = |store: Store, reply: Response| Outcome::Write {
        store: Box::new(store),
        reply,
        whole: false,
    };
    let done = || Response::Done(Done {});
    match request {
        Request::Ping => reply(Response::Pong(Pong {
            version: env!("CARGO_PKG_VERSION").into(),
        })),
        Request::Import { store: document } => {
            let next = from_value(document).map_err(Failure::Import)?;
            let interviews = next.interviews.len();
            Ok(Outcome::Write {
                store: Box::new(next),
                reply: Response::Imported(Imported { interviews }),
                whole: true,
            })
        }
        Request::ImportMerge { store: document } => {
            let backup = from_value(document).map_err(Failure::Import)?;
            let (next, _) = crate::store::merge_backup(store, &backup).map_err(Failure::Import)?;
            let interviews = next.interviews.len();
            Ok(Outcome::Write {
                store: Box::new(next),
                reply: Response::Imported(Imported { interviews }),
                whole: false,
            })
        }
        Request::Export => reply(Response::Exported(Exported {
            store: store.clone(),
        })),
        Request::Schedule { now } => {
            let items = crate::schedule::schedule(store, at(now)?);
            let items = reminders::visible(items, &env.snoozed, env.now);
            reply(Response::Schedule(Schedule { items }))
        }
        Request::Draft(request) => crate::draft::draft(store, &request)
            .map_err(Failure::from)
            .and_then(|draft| reply(Response::Drafted(Drafted { draft }))),
        Request::Lint {
            text,
            options,
            interview,
            interviewer,
        } => {
            let facts = interview
                .as_deref()
                .and_then(|id| store.interview(id))
                .map(|iv| crate::tone::Facts::of_interview(iv, interviewer.as_deref()))
                .unwrap_or_default();
            reply(Response::Findings(Findings {
                findings: crate::tone::lint_with(&text, &options, &facts),
            }))
        }
        Request::UpsertInterview { interview } => {
            let (next, id) = upsert_interview(store, interview.value())?;
            let saved = next
                .interview(&id)
                .cloned()
                .ok_or(Failure::NoInterview(id))?;
            Ok(write(next, Response::Saved(Saved { interview: saved })))
        }
        Request::RemoveInterview { id } => Ok(write(remove_interview(store, &id)?, done())),
        Request::Record { interview, event } => {
            Ok(write(record(store, &interview, event.value())?, done()))
        }
        Request::Unrecord { interview, event } => {
            Ok(write(unrecord(store, &interview, event.value())?, done()))
        }
        Request::Settings { profile } => Ok(write(set_profile(store, profile.value())?, done())),
        Request::Snooze {
            interview,
            interviewer,
            kind,
            until,
        } => Ok(Outcome::Snooze {
            key: reminders::key(&interview, interviewer.as_deref(), kind),
            until: reminders::snooze_end(until.as_deref(), env.now)?,
        }),
        Request::Unsnooze {
            interview,
            interviewer,
            kind,
        } => Ok(Outcome::Unsnooze {
            key: reminders::key(&interview, interviewer.as_deref(), kind),
        }),
        Request::Ics { now } => reply(Response::Calendar(Calendar {
            ics: crate::schedule::ics::to_ics(store, at(now)?),
        })),
        Request::Open {
            interview,
            interviewer,
            kind,
            channel,
            body,
            subject,
        } => {
            let edited = body.map(|body| (subject, body));
            write_it(
                store,
                &interview,
                interviewer.as_deref(),
                kind,
                Some(channel),
                edited,
                env.now,
            )
            .map(Outcome::Open)
        }
        Request::DeleteAll => Ok(Outcome::Wipe),
        Request::Problem => Ok(Outcome::ReadProblem),
        Request::UnreadableText => Ok(Outcome::ReadUnreadable),
        Request::WasmRefused { origin, error } => Ok(Outcome::RememberRefused { origin, error }),
        Request::WasmStatus => Ok(Outcome::ReadRefused),
        Request::SyncStatus => Ok(Outcome::Sync(SyncCall::Status)),
        Request::SyncOff => Ok(Outcome::Sync(SyncCall::Off)),
        Request::SyncOn { passphrase } => {
            let strength = crate::sync::strength::strength(&passphrase);
            if strength.verdict == crate::sync::strength::Verdict::TooWeak {
                return Err(Failure::Sync(format!(
                    "That passphrase is not strong enough to protect your data. {}",
                    strength.words
                )));
            }
            Ok(Outcome::Sync(SyncCall::On(passphrase)))
        }
        Request::Offer(OfferRequest { people, .. }) => {
            Person::check(&people).map_err(Failure::BadRequest)?;
            let offer = offer(store, &people, env.now);
            let waiting = env.pending.as_ref().filter(|p| {
                env.tab
                    .is_some_and(|tab| p.for_compose(store, tab, &people, env.now_ms))
            });
            Ok(match waiting {
                Some(p) => Outcome::HandOver(Offered {
                    offer,
                    insert: Some(Waiting {
                        subject: p.subject.clone(),
                        body: p.body.clone(),
                    }),
                }),
                None => Outcome::Reply(Response::Offered(Offered {
                    offer,
                    insert: None,
                })),
            })
        }
        Request::PageDraft(PageDraftRequest {
            people,
            interview,
            interviewer,
            kind,
            channel,
        }) => page_draft(
            store,
            &people,
            &interview,
            interviewer.as_deref(),
            kind,
            channel,
            env.now,
        )
        .and_then(|draft| reply(Response::Drafted(Drafted { draft }))),
        Request::PageSent(PageSentRequest {
            people,
            chosen,
            channel,
        }) => {
            Person::check(&people).map_err(Failure::BadRequest)?;
            let answers =
                crate::page::sent::answered(store, &people, chosen.as_ref(), channel, env.now);
            if answers.is_empty() {
                return reply(Response::Recorded(Sends::default()));
            }
            let next = crate::page::sent::record(store, &answers)?;
            let recorded = answers.iter().map(Into::into).collect();
            Ok(write(next, Response::Recorded(Sends { recorded })))
        }
        Request::PageReply(PageReplyRequest {
            from,
            subject,
            body,
        }) => {
            Person::check(&from).map_err(Failure::BadRequest)?;
            let offer = crate::page::replied::offer_reply(store, &from, &subject, &body, env.now);
            reply(Response::ReplyOffered(ReplyOffered { offer }))
        }
        Request::PageReplied(PageRepliedRequest {
            from,
            interview,
            outcome,
            channel,
        }) => {
            Person::check(&from).map_err(Failure::BadRequest)?;
            let answer = crate::page::replied::reply_answer(
                store, &from, &interview, outcome, channel, env.now,
            )
            .map_err(|why| Failure::NotAllowed(format!("refused: {why}")))?;
            let next = crate::page::sent::record(store, std::slice::from_ref(&answer))?;
            let recorded = vec![(&answer).into()];
            Ok(write(next, Response::Recorded(Sends { recorded })))
        }
        Request::PageInvitation(PageInvitationRequest { message }) => {
            Person::check(&message.from).map_err(Failure::BadRequest)?;
            Ok(Outcome::OpenInvitation(message.bounded()))
        }
        Request::PageUnsent(PageUnsentRequest {
            people,
            interview,
            event,
        }) => {
            Person::check(&people).map_err(Failure::BadRequest)?;
            let event = event_of(store, &interview, event.value())?;
            crate::page::sent::may_undo(store, &people, &interview, &event, env.now)
                .map_err(|why| Failure::NotAllowed(format!("refused: {why}")))?;
            Ok(write(without(store, &interview, &event)?, done()))
        }
    }
}

/// "Write it": the draft for an item (or the user's edited text) and the page to send it from,
/// a Gmail compose addressed to the person or their LinkedIn profile. `channel` defaults to the
/// person's ([`preferred_channel`]); a move-on item is written as a last nudge.
pub fn write_it(
    store: &Store,
    interview_id: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Option<Channel>,
    edited: Option<(Option<String>, String)>,
    now: DateTime<FixedOffset>,
) -> Result<Opening, Failure> {
    let interview = store
        .interview(interview_id)
        .ok_or_else(|| Failure::NoInterview(interview_id.to_string()))?;
    let channel = channel.unwrap_or_else(|| preferred_channel(interview, interviewer));
    let kind = if kind == Kind::MoveOn {
        Kind::Nudge
    } else {
        kind
    };
    let request = DraftRequest {
        interview: interview_id.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
        now: Some(now),
    };
    let mut draft = crate::draft::draft(store, &request)?;
    if let Some((subject, body)) = edited {
        draft.subject = subject.or(draft.subject);
        draft.body = body;
    }
    Ok(Opening {
        url: open_url(&draft, interview, interviewer),
        interview: interview_id.to_string(),
        interviewer: interviewer.map(str::to_owned),
        subject: draft.subject,
        body: draft.body,
    })
}

/// The draft for one item the in-page helper was offered for `people`: refused unless the
/// offer for those same people contains it, so a content script can never obtain the draft
/// (names, topics, signature) for somebody who is not on its compose.
pub fn page_draft(
    store: &Store,
    people: &[Person],
    interview: &str,
    interviewer: Option<&str>,
    kind: crate::model::Kind,
    channel: Channel,
    now: DateTime<FixedOffset>,
) -> Result<Draft, Failure> {
    Person::check(people).map_err(Failure::BadRequest)?;
    let offered = offer(store, people, now).choices.iter().any(|c| {
        c.interview == interview && c.interviewer.as_deref() == interviewer && c.kind == kind
    });
    if !offered {
        return Err(Failure::NotAllowed(
            "refused: that follow-up is not for the people on this compose".into(),
        ));
    }
    let request = DraftRequest {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
        now: Some(now),
    };
    Ok(crate::draft::draft(store, &request)?)
}

fn position(store: &Store, id: &str) -> Result<usize, StoreError> {
    store
        .interviews
        .iter()
        .position(|i| i.id == id)
        .ok_or_else(|| StoreError::new("interviews", format!("no interview with id `{id}`")))
}

/// Adds `interview` (store-format JSON), or replaces the one with the same id in place. An
/// interview without an id, or with an empty one, gets one made from its company and role.
/// Events already recorded on a replaced interview are kept when the new one carries none.
/// The JSON is read with the store's checks (errors name `interviews[N].…`), then the store's
/// own edit ([`Store::add_interview`], [`Store::update_interview`]) validates the result.
/// Returns the new store and the interview's id.
pub fn upsert_interview(store: &Store, interview: &Value) -> Result<(Store, String), StoreError> {
    let mut interview = interview.clone();
    let object = interview
        .as_object_mut()
        .ok_or_else(|| StoreError::new("interview", "expected an object"))?;
    let id = match object.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(Value::Null) | Some(Value::String(_)) => {
            let id = new_id(store, object.get("company"), object.get("role"));
            object.insert("id".into(), Value::String(id.clone()));
            id
        }
        Some(_) => return Err(StoreError::new("interview.id", "expected text")),
    };
    let carries_events = object.contains_key("events");
    let mut next = store.clone();
    match store.interviews.iter().position(|i| i.id == id) {
        Some(index) => {
            let mut interview = crate::store::interview_at(interview, index)?;
            if !carries_events {
                interview.events = store.interviews[index].events.clone();
            }
            next.update_interview(interview)?;
        }
        None => {
            let interview = crate::store::interview_at(interview, store.interviews.len())?;
            next.add_interview(interview)?;
        }
    }
    Ok((next, id))
}

/// An id for a new interview: `acme-product-manager`, `…-2` if taken.
fn new_id(store: &Store, company: Option<&Value>, role: Option<&Value>) -> String {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let taken: Vec<&str> = store.interviews.iter().map(|i| i.id.as_str()).collect();
    crate::store::new_interview_id(&text(company), &text(role), &taken)
}

/// Removes the interview with `id`.
pub fn remove_interview(store: &Store, id: &str) -> Result<Store, StoreError> {
    let mut next = store.clone();
    next.remove_interview(id)?;
    Ok(next)
}

/// Reads `event` (store-format JSON) as an event of the interview with `interview`, with the
/// store's checks (errors name `interviews[N].events[M]…`).
fn event_of(store: &Store, interview: &str, event: &Value) -> Result<Event, StoreError> {
    let index = position(store, interview)?;
    let at = store.interviews[index].events.len();
    crate::store::event_at(event.clone(), index, at)
}

/// Appends `event` (store-format JSON: `sent` or `reply`) to the interview with `interview`.
pub fn record(store: &Store, interview: &str, event: &Value) -> Result<Store, StoreError> {
    let event = event_of(store, interview, event)?;
    let mut next = store.clone();
    next.push_event(interview, event)?;
    Ok(next)
}

/// Takes back `event` (store-format JSON, as it was recorded) from the interview with
/// `interview`: the last event equal to it.
pub fn unrecord(store: &Store, interview: &str, event: &Value) -> Result<Store, StoreError> {
    without(store, interview, &event_of(store, interview, event)?)
}

/// The store without the last event of `interview` equal to `event`.
fn without(store: &Store, interview: &str, event: &Event) -> Result<Store, StoreError> {
    let mut next = store.clone();
    next.remove_event(interview, event)?;
    Ok(next)
}

/// Replaces the profile (name, email, phone, signature, holidays).
pub fn set_profile(store: &Store, profile: &Value) -> Result<Store, StoreError> {
    let mut next = store.clone();
    next.set_profile(crate::store::profile_at(profile.clone())?)?;
    Ok(next)
}

/// Characters `encodeURIComponent` keeps as they are.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
}

/// Percent-encodes `text` as `encodeURIComponent` does (UTF-8 bytes, `%XX`).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A Gmail compose window addressed to `to` (Gmail's prefilled-compose URL). Only the address
/// goes in the URL: the subject and body would otherwise sit in the browser's history (and its
/// sync); the in-page helper types them in once the compose opens (see `worker::open`).
pub fn gmail_compose_url(to: Option<&str>) -> String {
    let mut url = String::from("https://mail.google.com/mail/?view=cm&fs=1");
    if let Some(to) = to.map(str::trim).filter(|t| !t.is_empty()) {
        url.push_str("&to=");
        url.push_str(&encode_component(to));
    }
    url
}

/// Where LinkedIn messages go: the person's profile when the stored link is a LinkedIn member
/// profile (`https://www.linkedin.com/in/<slug>`), else the messaging page. Any other stored
/// "LinkedIn" link (another site, a LinkedIn redirect or login page) is never opened.
pub fn linkedin_url(profile: Option<&str>) -> String {
    profile
        .and_then(linkedin_profile)
        .unwrap_or_else(|| "https://www.linkedin.com/messaging/".to_string())
}

/// The member profile a stored LinkedIn link points to, as `https://www.linkedin.com/in/<slug>`:
/// `https://` (or no scheme), `linkedin.com` or one of its country subdomains, `/in/`, a slug of
/// letters, digits, `-`, `_` and `%`-escapes, and nothing after it but `/`, a query or a
/// fragment (dropped). Anything else is `None`.
pub fn linkedin_profile(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let (host, path) = rest.split_at(rest.find('/')?);
    let host = host.to_ascii_lowercase();
    let host_ok = host == "linkedin.com"
        || host.strip_suffix(".linkedin.com").is_some_and(|sub| {
            (2..=3).contains(&sub.len()) && sub.chars().all(|c| c.is_ascii_lowercase())
        });
    let slug = path.strip_prefix("/in/")?;
    let slug = &slug[..slug.find(['?', '#']).unwrap_or(slug.len())];
    let slug = slug.strip_suffix('/').unwrap_or(slug);
    let fine = host_ok
        && !slug.is_empty()
        && slug.len() <= 200
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '%'));
    fine.then(|| format!("https://www.linkedin.com/in/{slug}"))
}

/// A message "Write it" opened a tab for: typed in by the in-page helper of that tab once its
/// compose shows (kept in `storage.session`, never in a URL).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pending {
    /// The tab opened for it.
    pub tab: i64,
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    pub interviewer: Option<String>,
    /// Subject, for an email.
    pub subject: Option<String>,
    /// The message.
    pub body: String,
    /// When the tab was opened (ms since the epoch).
    pub at: f64,
}

/// A pending message is handed over within this long after its tab opened.
pub const PENDING_MS: f64 = 5.0 * 60.0 * 1000.0;

impl Pending {
    /// Whether the helper in `tab`, on a compose addressed to `people`, gets this message: the
    /// same tab, in time, and a compose addressed to this interviewer (or to nobody yet, when
    /// the interviewer has no address to put in the compose link).
    pub fn for_compose(&self, store: &Store, tab: i64, people: &[Person], now_ms: f64) -> bool {
        if tab != self.tab || !(self.at..self.at + PENDING_MS).contains(&now_ms) {
            return false;
        }
        let Some(iv) = store.interview(&self.interview) else {
            return false;
        };
        let person = iv.person(self.interviewer.as_deref());
        if people.is_empty() {
            return person.is_none_or(|p| p.email.as_deref().is_none_or(|e| e.trim().is_empty()));
        }
        let i = store.interviews.iter().position(|x| x.id == self.interview);
        let j = person.and_then(|p| iv.interviewers.iter().position(|x| x.id == p.id));
        match (i, j) {
            (Some(i), Some(j)) => crate::page::people::matches(store, people).contains(&(i, j)),
            _ => false,
        }
    }
}

/// The channel "Write it" uses for an interviewer ([`Interviewer::channel`]).
pub fn preferred_channel(interview: &Interview, interviewer: Option<&str>) -> Channel {
    Interviewer::channel(interview.person(interviewer))
}

/// The page "Write it" opens for a written draft.
pub fn open_url(draft: &Draft, interview: &Interview, interviewer: Option<&str>) -> String {
    let person = interview.person(interviewer);
    match draft.channel {
        Channel::Linkedin | Channel::LinkedinNote => {
            linkedin_url(person.and_then(|p| p.linkedin.as_deref()))
        }
        Channel::Email | Channel::Phone => {
            gmail_compose_url(person.and_then(|p| p.email.as_deref()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use serde_json::json;

    fn store() -> Store {
        crate::store::parse(
            r#"{"version":1,"profile":{"name":"Sam"},"interviews":[
              {"id":"acme","company":"Acme","role":"PM","at":"2026-11-20T14:00:00-05:00",
               "interviewers":[{"id":"dana","name":"Dana Lee","email":"dana@acme.example","primary":true},
                               {"id":"li","name":"Li Wei","linkedin":"https://www.linkedin.com/in/li-wei"}],
               "events":[{"kind":"sent","follow_up":"thank-you","interviewer":"dana","at":"2026-11-20T19:00:00-05:00"}],
               "custom":{"kept":true}}]}"#,
        )
        .unwrap()
    }

    fn request(v: Value) -> Request {
        serde_json::from_value(v).unwrap()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn answer(s: &Store, v: Value, env: &Env) -> Result<Outcome, Failure> {
        handle(s, request(v), env)
    }

    fn replied(outcome: Result<Outcome, Failure>) -> Response {
        match outcome {
            Ok(Outcome::Reply(r)) => r,
            other => panic!("not a reply: {other:?}"),
        }
    }

    #[test]
    fn a_recorded_event_can_be_taken_back_once() {
        let s = store();
        let env = Env::at(at("2026-11-20T16:00:00-05:00"));
        let event = json!({"kind": "sent", "follow_up": "thank-you", "interviewer": "dana",
            "at": "2026-11-21T09:30:00.250-05:00"});
        let written = |r: Result<Outcome, Failure>| match r {
            Ok(Outcome::Write { store, .. }) => *store,
            other => panic!("not a write: {other:?}"),
        };
        let recorded = written(answer(
            &s,
            json!({"type": "record", "interview": "acme", "event": event}),
            &env,
        ));
        assert_eq!(
            recorded.interviews[0].events.len(),
            s.interviews[0].events.len() + 1
        );
        let undone = written(answer(
            &recorded,
            json!({"type": "unrecord", "interview": "acme", "event": event}),
            &env,
        ));
        assert_eq!(undone, s);
        let again = answer(
            &undone,
            json!({"type": "unrecord", "interview": "acme", "event": event}),
            &env,
        )
        .unwrap_err();
        assert!(matches!(again, Failure::Refused(ref e) if e.path == "interviews[0].events"));
    }

    #[test]
    fn a_send_from_the_page_is_recorded_once_and_its_undo_takes_it_back() {
        let s = store();
        let env = Env::at(at("2026-11-21T10:00:00-05:00"));
        let sent = json!({"type": "page-sent", "people": [{"name": "Li Wei"}],
            "channel": "linkedin"});
        let Ok(Outcome::Write {
            store: next,
            reply: Response::Recorded(sends),
            ..
        }) = answer(&s, sent.clone(), &env)
        else {
            panic!("not a write")
        };
        assert_eq!(sends.recorded.len(), 1);
        let r = &sends.recorded[0];
        assert_eq!(r.label, "Thank-you · Li Wei · Acme");
        let recorded = next.interviews[0].events.last().unwrap();
        assert_eq!(recorded.channel, Some(Channel::Linkedin));
        assert_eq!(recorded.at, env.now);
        assert_eq!(r.event.value(), &serde_json::to_value(recorded).unwrap());
        // Sent again (a second message to Li): the thank-you is no longer open.
        let Response::Recorded(again) = replied(answer(&next, sent, &env)) else {
            panic!()
        };
        assert!(again.recorded.is_empty());
        // The reply's event, sent back as the page got it, is the Undo.
        let reply = crate::protocol::reply_json(&Ok(Response::Recorded(sends.clone())));
        let event = reply["recorded"][0]["event"].clone();
        let undo = json!({"type": "page-unsent", "people": [{"name": "Li Wei"}],
            "interview": "acme", "event": event});
        let Ok(Outcome::Write { store: undone, .. }) = answer(&next, undo.clone(), &env) else {
            panic!("not a write")
        };
        assert_eq!(*undone, s);
        let twice = answer(&undone, undo, &env).unwrap_err();
        assert!(matches!(twice, Failure::Refused(_)), "{twice:?}");
        let other = json!({"type": "page-unsent", "people": [{"email": "dana@acme.example"}],
            "interview": "acme", "event": event});
        let refused = answer(&next, other, &env).unwrap_err();
        assert!(matches!(refused, Failure::NotAllowed(_)), "{refused:?}");
    }

    #[test]
    fn an_invitation_is_kept_bounded_for_the_form_and_nothing_is_written() {
        let s = store();
        let env = Env::at(at("2026-11-25T10:00:00-05:00"));
        let body = "x".repeat(crate::page::replied::MAX_BODY + 10);
        let Ok(Outcome::OpenInvitation(kept)) = answer(
            &s,
            json!({"type": "page-invitation", "message": {
                "from": [{"email": "priya@acme.example", "name": "Priya Shah"}],
                "subject": "Invitation: Interview @ Tue Dec 8, 2026 3pm (EST)",
                "body": body,
                "links": [{"text": "Join", "href": "https://meet.google.com/abc-defg-hij"}]}}),
            &env,
        ) else {
            panic!("not kept for the form")
        };
        assert_eq!(kept.body.len(), crate::page::replied::MAX_BODY);
        assert_eq!(kept.links.len(), 1);
        assert_eq!(kept.from.len(), 1);
        // A page cannot smuggle an oversized list of people in.
        let many: Vec<Value> = (0..1000)
            .map(|i| json!({"email": format!("p{i}@x.example")}))
            .collect();
        let refused = answer(
            &s,
            json!({"type": "page-invitation", "message": {"from": many, "subject": "x"}}),
            &env,
        );
        assert!(
            matches!(refused, Err(Failure::BadRequest(_))),
            "{refused:?}"
        );
    }

    #[test]
    fn an_opened_reply_is_offered_recorded_and_taken_back() {
        let s = store();
        let env = Env::at(at("2026-11-25T10:00:00-05:00"));
        let dana = json!([{"email": "dana@acme.example", "name": "Dana Lee"}]);
        let Response::ReplyOffered(offered) = replied(answer(
            &s,
            json!({"type": "page-reply", "from": dana, "subject": "Update",
                "body": "Unfortunately, the position has been filled."}),
            &env,
        )) else {
            panic!()
        };
        let offer = offered.offer.unwrap();
        assert_eq!(offer.outcome, crate::model::Outcome::Negative);
        let Ok(Outcome::Write {
            store: next,
            reply: Response::Recorded(sends),
            ..
        }) = answer(
            &s,
            json!({"type": "page-replied", "from": dana, "interview": "acme",
                "outcome": "negative", "channel": "email"}),
            &env,
        )
        else {
            panic!("not a write")
        };
        let items = crate::schedule::schedule(&next, env.now);
        assert!(
            items.iter().any(|d| d.kind == Kind::RejectionReply),
            "{items:?}"
        );
        let undo = json!({"type": "page-unsent", "people": dana, "interview": "acme",
            "event": sends.recorded[0].event.value()});
        let Ok(Outcome::Write { store: undone, .. }) = answer(&next, undo, &env) else {
            panic!("not a write")
        };
        assert_eq!(*undone, s);
        let stranger = answer(
            &s,
            json!({"type": "page-replied", "from": [{"email": "x@y.example"}],
                "interview": "acme", "outcome": "positive"}),
            &env,
        )
        .unwrap_err();
        assert!(matches!(stranger, Failure::NotAllowed(_)), "{stranger:?}");
    }

    #[test]
    fn store_changing_requests_become_writes() {
        let s = store();
        let env = Env::at(at("2026-11-20T16:00:00-05:00"));
        let Ok(Outcome::Write {
            store: next,
            reply: Response::Saved(saved),
            whole: false,
        }) = answer(
            &s,
            json!({"type":"upsert-interview","interview":{"company":"Globex","role":"Analyst","at":"2026-11-21T10:00:00Z"}}),
            &env,
        )
        else {
            panic!("not a write")
        };
        assert_eq!(next.interviews.len(), 2);
        assert_eq!(saved.interview.id, "globex-analyst");
        let refused = answer(
            &s,
            json!({"type":"import","store":{"version":1,"interviews":[{"id":"a"}]}}),
            &env,
        )
        .unwrap_err();
        assert!(
            matches!(&refused, Failure::Import(e) if e.path.starts_with("interviews[0]")),
            "{refused:?}"
        );
        assert!(refused
            .to_string()
            .starts_with("This file cannot be imported: "));
        let imported = answer(&s, json!({"type":"import","store":{"version":1}}), &env);
        assert!(matches!(imported, Ok(Outcome::Write { whole: true, .. })));
        assert_eq!(
            answer(&s, json!({"type":"delete-all"}), &env),
            Ok(Outcome::Wipe)
        );
        assert!(matches!(
            answer(&s, json!({"type":"export"}), &env),
            Ok(Outcome::Reply(Response::Exported(_)))
        ));
    }

    #[test]
    fn lint_for_a_tracked_interview_counts_its_facts_as_detail() {
        let mut s = store();
        s.interviews[0].interviewers[0].topics = vec!["Kubernetes".into()];
        let env = Env::at(at("2026-11-20T16:00:00-05:00"));
        let text = "Dear Dana,\n\nThank you for the interview today. I enjoyed our talk about Kubernetes and I am excited about the role.\n\nBest regards,\nSam";
        let rules = |v: Value| match replied(answer(&s, v, &env)) {
            Response::Findings(f) => f.findings.into_iter().map(|f| f.rule).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        let options = json!({"kind": "thank-you", "channel": "email", "to": "Dana Lee"});
        let plain = rules(json!({"type": "lint", "text": text, "options": options}));
        assert!(plain.iter().any(|r| r == "detail.missing"), "{plain:?}");
        let for_dana = rules(json!({"type": "lint", "text": text, "options": options,
            "interview": "acme", "interviewer": "dana"}));
        assert!(
            !for_dana.iter().any(|r| r == "detail.missing"),
            "{for_dana:?}"
        );
        // Another interviewer's topics are not this person's: the detail is missing again.
        let for_li = rules(json!({"type": "lint", "text": text, "options": options,
            "interview": "acme", "interviewer": "li"}));
        assert!(for_li.iter().any(|r| r == "detail.missing"), "{for_li:?}");
    }

    #[test]
    fn read_only_requests_are_answered_from_the_store() {
        let s = store();
        let env = Env::at(at("2026-11-20T16:00:00-05:00"));
        let Response::Schedule(items) = replied(answer(&s, json!({"type":"schedule"}), &env))
        else {
            panic!()
        };
        assert_eq!(items.items[0].kind, Kind::ThankYou);
        let bad = answer(&s, json!({"type":"schedule","now":"soon"}), &env);
        assert!(matches!(bad, Err(Failure::BadTime { field: "now", .. })));
        let Response::Drafted(d) = replied(answer(
            &s,
            json!({"type":"draft","interview":"acme","interviewer":"li","kind":"thank-you"}),
            &env,
        )) else {
            panic!()
        };
        assert!(d.draft.body.contains("Li"));
        let err = answer(
            &s,
            json!({"type":"draft","interview":"x","kind":"thank-you"}),
            &env,
        );
        assert!(matches!(
            err,
            Err(Failure::Draft(crate::draft::DraftError::UnknownInterview(
                _
            )))
        ));
        let Response::Calendar(ics) = replied(answer(&s, json!({"type":"ics"}), &env)) else {
            panic!()
        };
        assert!(ics.ics.starts_with("BEGIN:VCALENDAR"));
    }

    #[test]
    fn schedule_leaves_out_snoozed_items_until_the_snooze_ends() {
        let s = store();
        let now = at("2026-11-20T16:00:00-05:00");
        let mut state = Reminders::default();
        state.snooze(
            reminders::key("acme", Some("li"), crate::model::Kind::ThankYou),
            now + chrono::Duration::days(1),
        );
        let kinds = |when: DateTime<FixedOffset>| {
            let env = Env {
                snoozed: state.clone(),
                ..Env::at(when)
            };
            let Response::Schedule(s) = replied(answer(&s, json!({"type":"schedule"}), &env))
            else {
                panic!()
            };
            s.items
                .iter()
                .map(|i| format!("{}/{:?}", i.kind, i.interviewer))
                .collect::<Vec<_>>()
        };
        assert!(!kinds(now).contains(&"thank-you/Some(\"li\")".to_string()));
        assert!(
            kinds(now + chrono::Duration::days(2)).contains(&"thank-you/Some(\"li\")".to_string())
        );
    }

    #[test]
    fn snooze_and_write_it_are_effects_for_the_worker() {
        let s = store();
        let env = Env::at(at("2026-11-20T16:00:00-05:00"));
        let Ok(Outcome::Snooze { key, until }) = answer(
            &s,
            json!({"type":"snooze","interview":"acme","interviewer":"li","kind":"thank-you"}),
            &env,
        ) else {
            panic!()
        };
        assert_eq!(key, reminders::key("acme", Some("li"), Kind::ThankYou));
        assert_eq!(until, env.now + chrono::Duration::days(1));
        let Ok(Outcome::Unsnooze { key: back }) = answer(
            &s,
            json!({"type":"unsnooze","interview":"acme","interviewer":"li","kind":"thank-you"}),
            &env,
        ) else {
            panic!()
        };
        assert_eq!(back, key);
        let Ok(Outcome::Open(o)) = answer(
            &s,
            json!({"type":"open","interview":"acme","interviewer":"dana","kind":"thank-you","body":"Edited"}),
            &env,
        ) else {
            panic!()
        };
        assert_eq!(o.url, gmail_compose_url(Some("dana@acme.example")));
        assert_eq!(o.body, "Edited");
        assert!(o.subject.is_some(), "the draft's subject stays");
        let preferred =
            write_it(&s, "acme", Some("li"), Kind::MoveOn, None, None, env.now).unwrap();
        assert_eq!(preferred.url, "https://www.linkedin.com/in/li-wei");
        assert!(answer(
            &s,
            json!({"type":"open","interview":"x","kind":"nudge"}),
            &env
        )
        .unwrap_err()
        .to_string()
        .contains("no longer in your list"));
    }

    #[test]
    fn a_waiting_message_is_handed_over_with_the_offer() {
        let s = store();
        let mut env = Env::at(at("2026-11-21T10:00:00-05:00"));
        env.tab = Some(7);
        env.pending = Some(Pending {
            tab: 7,
            interview: "acme".into(),
            interviewer: Some("dana".into()),
            subject: None,
            body: "Dear Dana".into(),
            at: env.now_ms - 1000.0,
        });
        let offer = json!({"type":"offer","people":[{"email":"dana@acme.example"}]});
        let Ok(Outcome::HandOver(o)) = answer(&s, offer.clone(), &env) else {
            panic!()
        };
        assert_eq!(o.insert.unwrap().body, "Dear Dana");
        env.tab = Some(8);
        assert!(matches!(
            answer(&s, offer, &env),
            Ok(Outcome::Reply(Response::Offered(Offered {
                insert: None,
                ..
            })))
        ));
    }

    #[test]
    fn upsert_adds_and_replaces_in_place_keeping_events() {
        let s = store();
        let added = upsert_interview(
            &s,
            &json!({"company":"Globex","role":"Data Analyst","at":"2026-11-21T10:00:00+01:00"}),
        )
        .unwrap();
        assert_eq!(added.1, "globex-data-analyst");
        let added = added.0;
        assert_eq!(added.interviews.len(), 2);
        assert_eq!(added.interviews[1].id, "globex-data-analyst");
        let again = upsert_interview(
            &added,
            &json!({"company":"Globex","role":"Data Analyst","at":"2026-11-21T10:00:00+01:00"}),
        )
        .unwrap()
        .0;
        assert_eq!(again.interviews[2].id, "globex-data-analyst-2");

        let edited = upsert_interview(
            &s,
            &json!({"id":"acme","company":"Acme Corp","role":"PM","at":"2026-11-20T14:00:00-05:00",
                    "interviewers":[{"id":"dana","name":"Dana Lee"}]}),
        )
        .unwrap()
        .0;
        assert_eq!(edited.interviews.len(), 1);
        assert_eq!(edited.interviews[0].company, "Acme Corp");
        assert_eq!(
            edited.interviews[0].events.len(),
            1,
            "recorded events survive an edit"
        );
    }

    #[test]
    fn refusals_name_the_path_and_change_nothing() {
        let s = store();
        let cases = [
            (
                json!({"id":"x","company":"A","role":"B","at":"yesterday"}),
                "interviews[1].at",
            ),
            (
                json!({"id":"x","company":"A","role":"B","at":"2026-11-20T14:00:00Z","industry":"mining"}),
                "interviews[1].industry",
            ),
            (
                json!({"id":"acme","company":"A","role":"B","at":"2026-11-20T14:00:00Z","interviewers":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}),
                "interviews[0].interviewers[1].id",
            ),
            (json!([1, 2]), "interview"),
            (json!({"id": 5}), "interview.id"),
        ];
        for (input, path) in cases {
            let err = upsert_interview(&s, &input).unwrap_err();
            assert_eq!(err.path, path, "{input}: {err}");
        }
        assert_eq!(s, store());
    }

    #[test]
    fn edits_go_through_the_typed_store_and_keep_unknown_fields() {
        let s = store();
        let (next, _) = upsert_interview(
            &s,
            &json!({"id":"acme","company":"Acme","role":"PM","at":"2026-11-20T14:00:00-05:00",
                    "interviewers":[{"id":"dana","name":"Dana Lee"},{"name":"Li Wei"}],
                    "custom":{"kept":true}}),
        )
        .unwrap();
        let acme = &next.interviews[0];
        assert_eq!(acme.extra["custom"], json!({"kept": true}));
        assert_eq!(
            acme.interviewers[1].id, "li-wei",
            "ids given by the store's edit"
        );
        let err = record(
            &s,
            "acme",
            &json!({"kind":"sent","interviewer":"nobody","at":"2026-11-25T10:00:00-05:00"}),
        )
        .unwrap_err();
        assert_eq!(err.path, "interviews[0].events[1].interviewer");
        let err = record(&s, "acme", &json!({"kind":"sent","at":"soon"})).unwrap_err();
        assert_eq!(err.path, "interviews[0].events[1].at");
    }

    #[test]
    fn record_and_remove() {
        let s = store();
        let with_reply = record(
            &s,
            "acme",
            &json!({"kind":"reply","outcome":"negative","at":"2026-11-25T10:00:00-05:00"}),
        )
        .unwrap();
        assert_eq!(with_reply.interviews[0].events.len(), 2);
        let err = record(
            &s,
            "acme",
            &json!({"kind":"sent","interviewer":"nobody","at":"2026-11-25T10:00:00-05:00"}),
        )
        .unwrap_err();
        assert!(err.to_string().contains("nobody"), "{err}");
        assert!(record(&s, "nope", &json!({})).is_err());
        assert!(remove_interview(&s, "acme").unwrap().interviews.is_empty());
        assert!(remove_interview(&s, "nope").is_err());
    }

    #[test]
    fn profile_replaced_and_checked() {
        let s = store();
        let p = set_profile(&s, &json!({"name":"Sam Rivera","holidays":["2026-12-24"]})).unwrap();
        assert_eq!(p.profile.name.as_deref(), Some("Sam Rivera"));
        assert_eq!(p.interviews, s.interviews);
        let err = set_profile(&s, &json!({"holidays":["soon"]})).unwrap_err();
        assert!(err.path.starts_with("profile.holidays"), "{err}");
    }

    #[test]
    fn compose_url_carries_the_address_only() {
        assert_eq!(
            gmail_compose_url(Some("dana+jobs@acme.example")),
            "https://mail.google.com/mail/?view=cm&fs=1&to=dana%2Bjobs%40acme.example"
        );
        assert_eq!(
            gmail_compose_url(None),
            "https://mail.google.com/mail/?view=cm&fs=1"
        );
        assert_eq!(
            encode_component("Hi Dana,\n\n100% yes? a+b=c #1 —"),
            "Hi%20Dana%2C%0A%0A100%25%20yes%3F%20a%2Bb%3Dc%20%231%20%E2%80%94"
        );
    }

    #[test]
    fn only_linkedin_member_profiles_are_opened() {
        for (stored, opened) in [
            (
                "https://www.linkedin.com/in/li-wei",
                "https://www.linkedin.com/in/li-wei",
            ),
            (
                "https://www.linkedin.com/in/li-wei/",
                "https://www.linkedin.com/in/li-wei",
            ),
            (
                "uk.linkedin.com/in/dana-lee?trk=x",
                "https://www.linkedin.com/in/dana-lee",
            ),
            (
                "https://www.LinkedIn.com/in/jos%C3%A9#about",
                "https://www.linkedin.com/in/jos%C3%A9",
            ),
        ] {
            assert_eq!(linkedin_url(Some(stored)), opened, "{stored}");
        }
        for bad in [
            Some("javascript:alert(1)"),
            Some("https://evil.example/in/x"),
            Some("https://www.linkedin.com/in/a b"),
            Some("https://www.linkedin.com/redir/redirect?url=https://evil.example"),
            Some("https://www.linkedin.com/in/x/../../redir"),
            Some("https://www.linkedin.com.evil.example/in/x"),
            Some("http://www.linkedin.com/in/x"),
            Some("https://www.linkedin.com/in/"),
            Some("https://www.linkedin.com/company/acme"),
            None,
        ] {
            assert_eq!(
                linkedin_url(bad),
                "https://www.linkedin.com/messaging/",
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_pending_message_goes_only_to_its_tab_and_person_in_time() {
        let s = store();
        let dana = Pending {
            tab: 7,
            interview: "acme".into(),
            interviewer: Some("dana".into()),
            subject: Some("Thank you".into()),
            body: "Dear Dana".into(),
            at: 1000.0,
        };
        let to = |e: &str| {
            vec![Person {
                email: Some(e.into()),
                ..Person::default()
            }]
        };
        assert!(dana.for_compose(&s, 7, &to("dana@acme.example"), 2000.0));
        assert!(!dana.for_compose(&s, 8, &to("dana@acme.example"), 2000.0));
        assert!(!dana.for_compose(&s, 7, &to("raj@acme.example"), 2000.0));
        assert!(!dana.for_compose(&s, 7, &to("dana@acme.example"), 1000.0 + PENDING_MS));
        assert!(
            !dana.for_compose(&s, 7, &[], 2000.0),
            "Dana has an address: her compose names her"
        );
        let li = Pending {
            interviewer: Some("li".into()),
            ..dana.clone()
        };
        assert!(
            li.for_compose(&s, 7, &[], 2000.0),
            "no address: the empty compose opened for Li"
        );
        let gone = Pending {
            interview: "gone".into(),
            ..dana
        };
        assert!(!gone.for_compose(&s, 7, &to("dana@acme.example"), 2000.0));
    }

    #[test]
    fn page_drafts_only_for_the_people_on_the_compose() {
        let s = store();
        let now = DateTime::parse_from_rfc3339("2026-11-21T10:00:00-05:00").unwrap();
        let li = [Person::named("Li Wei")];
        let d = page_draft(
            &s,
            &li,
            "acme",
            Some("li"),
            Kind::ThankYou,
            Channel::Linkedin,
            now,
        )
        .unwrap();
        assert!(d.body.contains("Li"), "{}", d.body);
        let refused = page_draft(
            &s,
            &li,
            "acme",
            Some("dana"),
            Kind::ThankYou,
            Channel::Email,
            now,
        )
        .unwrap_err();
        assert!(matches!(refused, Failure::NotAllowed(_)), "{refused:?}");
        assert!(refused.to_string().starts_with("refused"), "{refused}");
        assert!(page_draft(
            &s,
            &[Person::named("Nobody")],
            "acme",
            Some("li"),
            Kind::ThankYou,
            Channel::Email,
            now
        )
        .is_err());
        let Response::Offered(offer) = replied(answer(
            &s,
            json!({"type":"offer","people":[{"name":"Nobody"}]}),
            &Env::at(now),
        )) else {
            panic!()
        };
        assert!(offer.offer.choices.is_empty());
    }

    #[test]
    fn preferred_channel_follows_contact_details() {
        let s = store();
        let iv = &s.interviews[0];
        assert_eq!(preferred_channel(iv, Some("dana")), Channel::Email);
        assert_eq!(preferred_channel(iv, Some("li")), Channel::Linkedin);
        assert_eq!(preferred_channel(iv, None), Channel::Email);
    }
}
