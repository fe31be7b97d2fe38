//! The worker's typed client: one function per [`Request`], taking model values and returning
//! the reply's payload. The only place requests are sent with `chrome.runtime.sendMessage`;
//! a request's reply type is fixed by [`Request::reply`], so a renamed field or a new request
//! is a compile error here, not a failure in the browser. Each function decodes only its own
//! payload type, so a context links only the decoders it uses. The in-page helper's requests
//! ([`PageAsk`]) go through [`protocol::Wire`], so the content script's module encodes only those.

use super::chrome;
use super::convert::{from_js, property, to_js, Raw};
use crate::draft::{Draft, DraftRequest};
use crate::failure::{Exchange, Failure};
use crate::model::{Channel, Event, Interview, Kind, Outcome, Profile, Store};
use crate::page::people::Person;
use crate::page::replied::ReplyOffer;
use crate::page::sent::Pick;
use crate::protocol::{
    self, Doc, DraftText, Imported, OfferRequest, Offered, PageAsk, PageDraftRequest,
    PageInvitationRequest, PageRepliedRequest, PageReplyRequest, PageSentRequest,
    PageUnsentRequest, Payload, Recorded, Refusal, Request, Sends, StoreProblem, WireAs,
};
use crate::schedule::Due;
use crate::tone::{Finding, LintOptions};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

/// Sends `request` and reads the reply's payload as `T`; `{ok:false,error,code}` becomes
/// [`Failure::Reported`], no answer [`Failure::NoAnswer`]. Only `T`'s decoder is linked (read straight from
/// the reply's JSON text, not through a `serde_json::Value`), so a context's module carries the
/// reply types it asks for and no others.
async fn call<T: Payload>(request: Request) -> Result<T, Failure> {
    let reply = send(request, T::KIND).await?;
    from_js(reply, "reply").map_err(Failure::UnexpectedReply)
}

/// What [`call`] does whatever the reply's type: one copy in the module, not one per type.
async fn send(request: Request, kind: protocol::ReplyKind) -> Result<JsValue, Failure> {
    protocol::expects(&request, kind)?;
    Ok(reply(to_js(&request)).await?)
}

/// Sends one of the in-page helper's requests ([`PageAsk`]): only its own encoder is linked
/// (not every [`Request`]'s), and its reply's payload is fixed by its type.
fn ask<R: PageAsk>(request: R) -> impl std::future::Future<Output = Result<R::Reply, Exchange>> {
    ask_as::<R, R::Reply>(&request)
}

/// [`ask`], from the page's own form of the request (`body`, see [`WireAs`]) and reading the reply
/// as `T`, the page's own form of the reply's payload: the same JSON, with a document the page
/// hands back unread kept as a JS value ([`Raw`]). `T` answers what `R`'s reply answers (checked
/// when the module is built).
fn ask_as<R: PageAsk, T: Payload>(
    body: &impl serde::Serialize,
) -> impl std::future::Future<Output = Result<T, Exchange>> {
    const {
        assert!(
            T::KIND as u8 == <R::Reply as Payload>::KIND as u8,
            "the page's form of a reply is read for another reply"
        );
    }
    exchange(to_js(&WireAs::<R, _>(body, std::marker::PhantomData)))
}

/// Sends an encoded request and reads the reply's payload as `T` (see [`call`]). Its failures
/// are [`Exchange`]s: the in-page helper's requests return them as they are, so its module
/// links none of [`Failure`]'s other words.
async fn exchange<T: Payload>(message: Result<JsValue, JsValue>) -> Result<T, Exchange> {
    let reply = reply(message).await?;
    from_js(reply, "reply").map_err(Exchange::UnexpectedReply)
}

/// Sends an encoded request; the reply when it says `{"ok": true}`.
async fn reply(message: Result<JsValue, JsValue>) -> Result<JsValue, Exchange> {
    let message = message.map_err(|e| Exchange::BadRequest(chrome::error_text(&e)))?;
    let reply = chrome::send_message(&message)
        .await
        .map_err(|e| Exchange::NoAnswer(chrome::error_text(&e)))?;
    if property(&reply, "ok").as_bool() != Some(true) {
        return Err(Exchange::reported(
            property(&reply, "code").as_string().as_deref(),
            property(&reply, "error").as_string(),
        ));
    }
    Ok(reply)
}

/// The payload of `request`'s reply (a payload other than the one [`Request::reply`] pairs
/// with the request is an `Err`).
macro_rules! expect {
    ($request:expr, $payload:ident) => {
        call::<protocol::$payload>($request).await
    };
}

/// Whether the worker is alive; its version.
pub async fn ping() -> Result<String, Failure> {
    expect!(Request::Ping, Pong).map(|p| p.version)
}

/// Replaces the whole store with `store` (any supported version; checked by the worker).
pub async fn import(store: serde_json::Value) -> Result<Imported, Failure> {
    expect!(Request::Import { store }, Imported)
}

/// The whole store.
pub async fn export() -> Result<Store, Failure> {
    expect!(Request::Export, Exported).map(|e| e.store)
}

/// Open follow-ups as of `now` (the worker's time when `None`), snoozed ones left out.
pub async fn schedule(now: Option<DateTime<FixedOffset>>) -> Result<Vec<Due>, Failure> {
    let now = now.map(|t| t.to_rfc3339());
    expect!(Request::Schedule { now }, Schedule).map(|s| s.items)
}

/// A draft.
pub async fn draft(request: DraftRequest) -> Result<Draft, Failure> {
    expect!(Request::Draft(request), Drafted).map(|d| d.draft)
}

/// Wording findings for `text`; `for_whom` is the tracked (interview, interviewer) it is
/// written for, whose facts count as specific detail.
pub async fn lint(
    text: String,
    options: LintOptions,
    for_whom: Option<(&str, Option<&str>)>,
) -> Result<Vec<Finding>, Failure> {
    let request = Request::Lint {
        text,
        options,
        interview: for_whom.map(|(iv, _)| iv.to_owned()),
        interviewer: for_whom.and_then(|(_, who)| who.map(str::to_owned)),
    };
    expect!(request, Findings).map(|f| f.findings)
}

/// Adds `interview`, or replaces the one with its id; the interview as stored.
pub async fn upsert_interview(interview: &Interview) -> Result<Interview, Failure> {
    let interview = Doc::of(interview);
    expect!(Request::UpsertInterview { interview }, Saved).map(|s| s.interview)
}

/// Removes an interview.
pub async fn remove_interview(id: &str) -> Result<(), Failure> {
    let id = id.to_string();
    expect!(Request::RemoveInterview { id }, Done).map(drop)
}

/// Records an event on an interview.
pub async fn record(interview: &str, event: &Event) -> Result<(), Failure> {
    let (interview, event) = (interview.to_string(), Doc::of(event));
    expect!(Request::Record { interview, event }, Done).map(drop)
}

/// Takes back an event recorded with [`record`] (Undo).
pub async fn unrecord(interview: &str, event: &Event) -> Result<(), Failure> {
    let (interview, event) = (interview.to_string(), Doc::of(event));
    expect!(Request::Unrecord { interview, event }, Done).map(drop)
}

/// Replaces the profile.
pub async fn settings(profile: &Profile) -> Result<(), Failure> {
    let profile = Doc::of(profile);
    expect!(Request::Settings { profile }, Done).map(drop)
}

/// Hides an item until `until` (a day when `None`); when it comes back.
pub async fn snooze(
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
    until: Option<DateTime<FixedOffset>>,
) -> Result<DateTime<FixedOffset>, Failure> {
    let request = Request::Snooze {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        until: until.map(|t| t.to_rfc3339()),
    };
    expect!(request, Snoozed).map(|s| s.until)
}

/// Takes back a snooze.
pub async fn unsnooze(
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
) -> Result<(), Failure> {
    let request = Request::Unsnooze {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
    };
    expect!(request, Done).map(drop)
}

/// Open follow-ups as a calendar (`.ics` text).
pub async fn ics(now: Option<DateTime<FixedOffset>>) -> Result<String, Failure> {
    let now = now.map(|t| t.to_rfc3339());
    expect!(Request::Ics { now }, Calendar).map(|c| c.ics)
}

/// "Write it": opens Gmail or LinkedIn for an item; `edited` is the user's (subject, body).
/// The page opened.
pub async fn open(
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Channel,
    edited: Option<(Option<String>, String)>,
) -> Result<String, Failure> {
    let (subject, body) = match edited {
        Some((subject, body)) => (subject, Some(body)),
        None => (None, None),
    };
    let request = Request::Open {
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
        body,
        subject,
    };
    expect!(request, Opened).map(|o| o.url)
}

/// Deletes everything the extension keeps.
pub async fn delete_all() -> Result<(), Failure> {
    expect!(Request::DeleteAll, Done).map(drop)
}

/// A stored document that could not be read, if any.
pub async fn problem() -> Result<Option<StoreProblem>, Failure> {
    expect!(Request::Problem, ProblemReport).map(|p| p.problem)
}

/// The text of the stored document that could not be read, if any (for the user to download).
pub async fn unreadable_text() -> Result<Option<String>, Failure> {
    expect!(Request::UnreadableText, Unreadable).map(|u| u.text)
}

/// Tells the worker WebAssembly was refused on `origin`.
pub async fn wasm_refused(origin: &str, error: &str) -> Result<(), Failure> {
    let (origin, error) = (origin.to_string(), error.to_string());
    expect!(Request::WasmRefused { origin, error }, Done).map(drop)
}

/// Merges a backup into the stored data (nothing is deleted).
pub async fn import_merge(store: serde_json::Value) -> Result<Imported, Failure> {
    expect!(Request::ImportMerge { store }, Imported)
}

/// How sync across devices goes.
pub async fn sync_status() -> Result<crate::protocol::SyncReport, Failure> {
    expect!(Request::SyncStatus, SyncReport)
}

/// Turns sync across devices on with `passphrase`.
pub async fn sync_on(passphrase: String) -> Result<crate::protocol::SyncReport, Failure> {
    expect!(Request::SyncOn { passphrase }, SyncReport)
}

/// Turns sync across devices off (the synced data leaves the browser's sync storage).
pub async fn sync_off() -> Result<crate::protocol::SyncReport, Failure> {
    expect!(Request::SyncOff, SyncReport)
}

/// Origins where WebAssembly was refused.
pub async fn wasm_status() -> Result<BTreeMap<String, Refusal>, Failure> {
    expect!(Request::WasmStatus, RefusedOrigins).map(|r| r.refused)
}

/// What the in-page helper may offer for a compose addressed to `people`.
pub async fn offer(people: Vec<Person>, channel: Channel) -> Result<Offered, Exchange> {
    ask(OfferRequest { people, channel }).await
}

/// The draft for one item of the offer for `people`.
pub async fn page_draft(
    people: Vec<Person>,
    interview: &str,
    interviewer: Option<&str>,
    kind: Kind,
    channel: Channel,
) -> Result<DraftText, Exchange> {
    let request = PageDraftRequest {
        people,
        interview: interview.to_string(),
        interviewer: interviewer.map(str::to_owned),
        kind,
        channel,
    };
    ask(request).await.map(|d| d.draft)
}

/// Tells the worker the user sent the message of a compose addressed to `people` (`chosen`:
/// the follow-up they inserted there, if any); what it recorded as sent.
pub async fn page_sent(
    people: Vec<Person>,
    chosen: Option<Pick>,
    channel: Channel,
) -> Result<Vec<Recorded<Raw>>, Exchange> {
    let request = PageSentRequest {
        people,
        chosen,
        channel,
    };
    ask_as::<PageSentRequest, Sends<Raw>>(&request)
        .await
        .map(|s| s.recorded)
}

/// Takes back one record of [`page_sent`] (its Undo), for the people of the same compose.
pub async fn page_unsent(people: Vec<Person>, recorded: &Recorded<Raw>) -> Result<(), Exchange> {
    let request = PageUnsentRequest {
        people,
        interview: recorded.interview.clone(),
        event: recorded.event.clone(),
    };
    ask_as::<PageUnsentRequest, protocol::Done>(&request)
        .await
        .map(drop)
}

/// Whether the message the user opened, from `from`, is a tracked interviewer's reply to
/// record, and how it reads.
pub async fn page_reply(
    from: Vec<Person>,
    subject: String,
    body: String,
) -> Result<Option<ReplyOffer>, Exchange> {
    let request = PageReplyRequest {
        from,
        subject,
        body,
    };
    ask(request).await.map(|r| r.offer)
}

/// "Track this interview": the worker keeps the opened invitation for the popup's form and
/// opens the form, which fills in from it.
pub async fn page_invitation(message: crate::page::invited::Invited) -> Result<(), Exchange> {
    ask(PageInvitationRequest { message }).await.map(drop)
}

/// Records the reply [`page_reply`] offered, with the outcome the user chose.
pub async fn page_replied(
    from: Vec<Person>,
    interview: &str,
    outcome: Outcome,
    channel: Channel,
) -> Result<Vec<Recorded<Raw>>, Exchange> {
    let request = PageRepliedRequest {
        from,
        interview: interview.to_string(),
        outcome,
        channel,
    };
    ask_as::<PageRepliedRequest, Sends<Raw>>(&request)
        .await
        .map(|s| s.recorded)
}
