//! The runtime message protocol shared by the worker, the popup, content scripts and tests
//! (DESIGN.md, "Messages between contexts"). Pure serde types: the worker decodes a
//! [`Request`], the core answers it.

use crate::draft::{Draft, DraftRequest};
use crate::failure::Failure;
use crate::model::{Channel, Event, Interview, Kind, Outcome, Profile, Store};
use crate::page::invited::Invited;
use crate::page::offer::Offer;
use crate::page::people::Person;
use crate::page::replied::ReplyOffer;
use crate::page::sent::{Answer, Pick};
use crate::schedule::Due;
use crate::tone::{Finding, LintOptions};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// Defines [`Request`] and `External`, the same variants read as an externally tagged enum
/// (see [`decode_request`]), and the conversion between them, from one list of variants.
macro_rules! requests {
    (
        $(#[$meta:meta])*
        pub enum Request {
            $(
                $(#[$vmeta:meta])*
                $variant:ident
                $( ( $newtype:ty ) )?
                $( { $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? } )?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum Request {
            $(
                $(#[$vmeta])*
                $variant $( ($newtype) )? $( { $( $(#[$fmeta])* $field : $fty ),* } )?
            ),*
        }

        /// [`Request`]'s variants, externally tagged (`{"import": {…}}`), for
        /// [`decode_request`]: serde reads such an enum without buffering the message.
        #[derive(Deserialize)]
        #[serde(rename_all = "kebab-case")]
        enum External {
            $(
                $variant $( ($newtype) )? $( { $( $(#[$fmeta])* $field : $fty ),* } )?
            ),*
        }

        /// [`Request`]'s `type`, one variant for each of its variants, in the same order.
        #[derive(Clone, Copy, Deserialize)]
        #[serde(variant_identifier, rename_all = "kebab-case")]
        enum Type {
            $($variant),*
        }

        impl From<External> for Request {
            fn from(e: External) -> Request {
                match e {
                    $(
                        External::$variant $( (one!($newtype, payload)) )? $( { $($field),* } )? =>
                            Request::$variant $( (one!($newtype, payload)) )? $( { $($field),* } )?
                    ),*
                }
            }
        }
    };
}

/// `$x`, once per repetition of `$t` (a newtype variant's payload in [`requests!`]).
macro_rules! one {
    ($t:ty, $x:ident) => {
        $x
    };
}

requests! {
/// A request to the worker. JSON: `{"type": "import", "store": {...}}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Is the worker alive and its WebAssembly loaded?
    Ping,
    /// Replace the whole store (validated first; nothing changes on error).
    Import {
        /// A store document, any supported version.
        store: Value,
    },
    /// The whole store.
    Export,
    /// Merge a backup (store format, any supported version) into the stored data: what only
    /// the backup has is added, nothing is deleted ([`crate::store::merge_backup`]).
    ImportMerge {
        /// The backup.
        store: Value,
    },
    /// Open follow-ups as of `now` (RFC 3339; the current time when absent).
    Schedule {
        /// Now.
        #[serde(default)]
        now: Option<String>,
    },
    /// Write a draft.
    Draft(DraftRequest),
    /// Check a text.
    Lint {
        /// The text.
        text: String,
        /// Context.
        #[serde(default)]
        options: LintOptions,
        /// The tracked interview the text is for, if any: what the store knows of it (company,
        /// topics, skills, what was promised) counts as specific detail, as in the page.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        interview: Option<String>,
        /// The interviewer it is for (their topics), within `interview`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        interviewer: Option<String>,
    },
    /// Add an interview, or replace the one with the same id.
    UpsertInterview {
        /// The interview (store format v1; without an id, one is made from company and role).
        interview: Doc<Interview>,
    },
    /// Remove an interview by id.
    RemoveInterview {
        /// Interview id.
        id: String,
    },
    /// Record an event (`sent` or `reply`) on an interview.
    Record {
        /// Interview id.
        interview: String,
        /// The event (store format v1).
        event: Doc<Event>,
    },
    /// Take back an event recorded with `record` (Undo): the last one equal to `event`.
    Unrecord {
        /// Interview id.
        interview: String,
        /// The event, as it was recorded (store format v1).
        event: Doc<Event>,
    },
    /// Replace the profile (name, email, phone, signature, holidays).
    Settings {
        /// The profile (store format v1).
        profile: Doc<Profile>,
    },
    /// Hide an open item until a time (default: one day from now).
    Snooze {
        /// Interview id.
        interview: String,
        /// Interviewer id, for per-person items.
        #[serde(default)]
        interviewer: Option<String>,
        /// Item kind.
        kind: Kind,
        /// Until when (RFC 3339); one day from now when absent.
        #[serde(default)]
        until: Option<String>,
    },
    /// Takes back a snooze (its Undo): the item is listed again, and not announced again, since
    /// the user has just seen it.
    Unsnooze {
        /// Interview id.
        interview: String,
        /// Interviewer id, for per-person items.
        #[serde(default)]
        interviewer: Option<String>,
        /// Item kind.
        kind: Kind,
    },
    /// Open follow-ups as an `.ics` calendar text.
    Ics {
        /// Now (RFC 3339); the current time when absent.
        #[serde(default)]
        now: Option<String>,
    },
    /// Open a ready Gmail compose (email) or the LinkedIn profile for an item ("Write it").
    Open {
        /// Interview id.
        interview: String,
        /// Interviewer id; the primary one when absent.
        #[serde(default)]
        interviewer: Option<String>,
        /// Kind of message.
        kind: Kind,
        /// Channel (email opens Gmail, linkedin the profile).
        #[serde(default)]
        channel: Channel,
        /// The message as the user edited it (a fresh draft when absent). It never goes into
        /// the URL: the in-page helper of the opened tab types it in.
        #[serde(default)]
        body: Option<String>,
        /// The subject as the user edited it.
        #[serde(default)]
        subject: Option<String>,
    },
    /// Delete every interview and the profile (the popup confirms first).
    DeleteAll,
    /// A stored document that could not be read and was set aside, if any.
    Problem,
    /// The text of that document, as it was stored (for the user to download).
    UnreadableText,
    /// A content script could not instantiate WebAssembly on this origin (page CSP).
    WasmRefused {
        /// The page's origin.
        origin: String,
        /// The error it saw.
        #[serde(default)]
        error: String,
    },
    /// Origins where WebAssembly was refused.
    WasmStatus,
    /// Whether sync across devices is on, and how it goes.
    SyncStatus,
    /// Turns sync across devices on with `passphrase` (joining the other devices' data when
    /// there is some, if the passphrase opens it).
    SyncOn {
        /// The passphrase (never stored; the key derived from it is kept on this device).
        passphrase: String,
    },
    /// Turns sync off and removes the synced data from the browser's sync storage (every
    /// device keeps its own copy).
    SyncOff,
    /// From the in-page helper: what it may offer for the people its compose is addressed to
    /// (only their open follow-ups; nothing when nobody there is tracked).
    Offer(OfferRequest),
    /// From the in-page helper: the draft for one item of the offer for these people. Refused
    /// for anything the offer for them does not contain.
    PageDraft(PageDraftRequest),
    /// From the in-page helper: the user sent what they wrote in a compose addressed to
    /// `people`. The follow-up it answers is recorded as sent now ([`crate::page::sent`]):
    /// the draft the user inserted when it is still open for them, else each tracked person's
    /// follow-up that is due. Nothing for anybody else, nothing when sends are recorded by hand.
    PageSent(PageSentRequest),
    /// From the in-page helper: the message the user opened in a conversation, from `from`.
    /// The worker says whether it is a tracked interviewer's reply worth recording, and which
    /// outcome it reads ([`crate::page::replied`]); nothing for anybody else.
    PageReply(PageReplyRequest),
    /// From the in-page helper: the user confirmed the reply `page-reply` offered, with the
    /// outcome they chose. Refused unless `from` is a tracked interviewer of `interview`.
    PageReplied(PageRepliedRequest),
    /// From the in-page helper: the user asked to track the interview the opened message
    /// invites to ("Track this interview"). The worker keeps this request in `storage.session`
    /// and opens the popup's form in a window of its own, which takes it and fills in from it
    /// ([`crate::ui::invite::from_message`]); nothing is saved until the user saves the form.
    PageInvitation(PageInvitationRequest),
    /// From the in-page helper: Undo of a `page-sent` or `page-replied` record, for the people
    /// of that page and within minutes of it ([`crate::page::sent::may_undo`]).
    PageUnsent(PageUnsentRequest),
}
}

/// Reads a [`Request`] from its JSON text (what the worker receives), as the derived decoder
/// does, with the same errors at the same places. The derived decoder of an internally tagged
/// enum buffers the whole message into serde's `Content` before it knows the variant, and so
/// compiles every variant's decoder a second time, for that buffer; this one reads the `type`
/// first and then the variant straight from the text (9.8 KB gzipped less in the pages' module;
/// DESIGN.md, "The typed contract").
pub fn decode_request(text: &str) -> Result<Request, serde_json::Error> {
    /// The message's `type` (named so that an error says "expected struct Request").
    #[derive(Deserialize)]
    struct Request {
        #[serde(rename = "type")]
        kind: Type,
    }
    let tag: Request = serde_json::from_str(text)?;
    External::deserialize(Tagged {
        variant: tag.kind as u32,
        text,
    })
    .map(self::Request::from)
}

/// A request's text with its `type` read: an enum whose variant is that `type` and whose payload
/// is read from the whole text (a variant's decoder ignores the `type` field, as it does in the
/// derived internally tagged decoder).
struct Tagged<'de> {
    /// The variant's index (its `type`, already read).
    variant: u32,
    text: &'de str,
}

impl<'de> Tagged<'de> {
    /// Reads the payload from the whole text with `read`, and nothing may follow it.
    fn payload<T>(
        self,
        read: impl FnOnce(
            &mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
        ) -> Result<T, serde_json::Error>,
    ) -> Result<T, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(self.text);
        let value = read(&mut de)?;
        de.end()?;
        Ok(value)
    }
}

impl<'de> serde::Deserializer<'de> for Tagged<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> serde::de::EnumAccess<'de> for Tagged<'de> {
    type Error = serde_json::Error;
    type Variant = Self;

    fn variant_seed<V: serde::de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), Self::Error> {
        let variant =
            serde::de::IntoDeserializer::<serde_json::Error>::into_deserializer(self.variant);
        Ok((seed.deserialize(variant)?, self))
    }
}

impl<'de> serde::de::VariantAccess<'de> for Tagged<'de> {
    type Error = serde_json::Error;

    /// A request without fields: whatever else the message holds is ignored, as by the derive.
    fn unit_variant(self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: serde::de::DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.payload(|de| seed.deserialize(de))
    }

    fn tuple_variant<V: serde::de::Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("a request is never a tuple"))
    }

    fn struct_variant<V: serde::de::Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.payload(|de| serde::Deserializer::deserialize_struct(de, "Request", fields, visitor))
    }
}

/// The in-page helper's requests, each its own type (the fields of a [`Request`] variant of the
/// same name). The content script serialises only these, through [`Wire`], so its module links
/// their encoders and not every request's (the store's, the profile's, drafts'); the reply's
/// payload is fixed by [`PageAsk::Reply`] at compile time.
pub trait PageAsk: Serialize + Into<Request> {
    /// The request's `type` on the wire.
    const TYPE: &'static str;
    /// The payload of its reply.
    type Reply: Payload;
}

/// A [`PageAsk`] as it goes on the wire: `{"type": …}` and its fields, the same JSON as the
/// [`Request`] it converts to.
pub struct Wire<'a, R>(pub &'a R);

impl<R: PageAsk> Serialize for Wire<'_, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireAs::<R, R>(self.0, PhantomData).serialize(serializer)
    }
}

/// A [`PageAsk`] `R` on the wire from the page's own form of it, `B`: the same fields, with a
/// document the page hands back unread held as the page holds it ([`PageUnsentRequest`] with its
/// event as a JS value). The same JSON as [`Wire`] of `R` (a test checks it for that form).
pub struct WireAs<'a, R, B>(pub &'a B, pub PhantomData<fn() -> R>);

impl<R: PageAsk, B: Serialize> Serialize for WireAs<'_, R, B> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Tagging {
            inner: serializer,
            kind: R::TYPE,
        })
    }
}

/// A serializer that writes a struct (or a map) with a `"type": kind` field first, then its own
/// fields through `inner`'s encoder: the JSON `#[serde(flatten)]` beside a `type` field would
/// write, without flatten's path through a map encoder, which compiles a second encoder for
/// every field type of every request (DESIGN.md, "The typed contract", "`type` written
/// first"). A newtype is read through to what it wraps, as `flatten` did; anything else that is
/// not a struct or a map is refused ([`not_a_request`]): a request is always one.
struct Tagging<S> {
    inner: S,
    kind: &'static str,
}

/// What [`Tagging`] says of a value that is no request.
fn not_a_request<E: serde::ser::Error>() -> E {
    E::custom("a request is a struct")
}

/// The serializer methods [`Tagging`] refuses.
macro_rules! refused {
    ($($method:ident($($arg:ty),*) -> $out:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$out, S::Error> {
            Err(not_a_request())
        }
    )*};
}

impl<S: serde::Serializer> serde::Serializer for Tagging<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = serde::ser::Impossible<S::Ok, S::Error>;
    type SerializeTuple = serde::ser::Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = serde::ser::Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = serde::ser::Impossible<S::Ok, S::Error>;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = S::SerializeStruct;
    type SerializeStructVariant = serde::ser::Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<S::SerializeStruct, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = self.inner.serialize_struct(name, len + 1)?;
        fields.serialize_field("type", self.kind)?;
        Ok(fields)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<S::SerializeMap, S::Error> {
        use serde::ser::SerializeMap;
        let mut entries = self.inner.serialize_map(len.map(|n| n + 1))?;
        entries.serialize_entry("type", self.kind)?;
        Ok(entries)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_request())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_request())
    }

    refused! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

macro_rules! page_asks {
    ($($ty:ident => $variant:ident, $name:literal, $reply:ident;)*) => {
        $(
            impl PageAsk for $ty {
                const TYPE: &'static str = $name;
                type Reply = $reply;
            }
            impl From<$ty> for Request {
                fn from(request: $ty) -> Request {
                    Request::$variant(request)
                }
            }
        )*
    };
}

page_asks! {
    OfferRequest => Offer, "offer", Offered;
    PageDraftRequest => PageDraft, "page-draft", PageDrafted;
    PageSentRequest => PageSent, "page-sent", Sends;
    PageReplyRequest => PageReply, "page-reply", ReplyOffered;
    PageRepliedRequest => PageReplied, "page-replied", Sends;
    PageInvitationRequest => PageInvitation, "page-invitation", Done;
    PageUnsentRequest => PageUnsent, "page-unsent", Done;
}

/// [`Request::Offer`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct OfferRequest {
    /// Who the compose is addressed to, as read from the page.
    pub people: Vec<Person>,
    /// Where the message goes.
    #[serde(default)]
    pub channel: Channel,
}

/// [`Request::PageDraft`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageDraftRequest {
    /// Who the compose is addressed to (the offer is computed again from them).
    pub people: Vec<Person>,
    /// Interview id.
    pub interview: String,
    /// Interviewer id.
    #[serde(default)]
    pub interviewer: Option<String>,
    /// Kind of message.
    pub kind: Kind,
    /// Channel of the compose.
    #[serde(default)]
    pub channel: Channel,
}

/// [`Request::PageSent`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageSentRequest {
    /// Who the compose was addressed to.
    pub people: Vec<Person>,
    /// The follow-up the user inserted in it from the offer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<Pick>,
    /// Where the message went.
    #[serde(default)]
    pub channel: Channel,
}

/// [`Request::PageReply`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageReplyRequest {
    /// Who sent it, as read from the page.
    pub from: Vec<Person>,
    /// The conversation's subject (email), if any.
    #[serde(default)]
    pub subject: String,
    /// The message's own text (the start of it).
    pub body: String,
}

/// [`Request::PageReplied`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageRepliedRequest {
    /// Who sent it (the offer is checked again against them).
    pub from: Vec<Person>,
    /// Interview id.
    pub interview: String,
    /// How it went.
    pub outcome: Outcome,
    /// Where it came (email or LinkedIn).
    #[serde(default)]
    pub channel: Channel,
}

/// [`Request::PageInvitation`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageInvitationRequest {
    /// The message, as the page shows it.
    pub message: Invited,
}

/// [`Request::PageUnsent`]. `E` is how the event is held: a [`Doc`] everywhere but in the
/// in-page module, which hands back the JS object it got without reading it ([`Recorded`]).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct PageUnsentRequest<E = Doc<Event>> {
    /// Who the compose was addressed to.
    pub people: Vec<Person>,
    /// Interview id.
    pub interview: String,
    /// The event, as `page-sent` recorded it (store format v1).
    pub event: E,
}

/// What the worker tells content scripts (they accept it only from their own extension).
/// JSON: `{"type": "changed"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Notice {
    /// The tracked data changed: ask for the offer again.
    Changed,
}

/// Read by its `type` alone (a notice has no fields): the derived decoder of an internally
/// tagged enum buffers the message in serde's `Content` first, which put 11.6 KB of code
/// (before optimisation) in the in-page module for this one word.
impl<'de> Deserialize<'de> for Notice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Notice, D::Error> {
        /// [`Notice`]'s variants, as their `type`.
        #[derive(Deserialize)]
        #[serde(variant_identifier, rename_all = "kebab-case")]
        enum Type {
            Changed,
        }
        #[derive(Deserialize)]
        struct Tagged {
            #[serde(rename = "type")]
            kind: Type,
        }
        let Tagged { kind } = Tagged::deserialize(deserializer)?;
        Ok(match kind {
            Type::Changed => Notice::Changed,
        })
    }
}

/// A store document with its write revision, as kept in `chrome.storage.local`.
#[derive(Debug, Clone, PartialEq)]
pub struct Revisioned {
    /// Incremented on every write.
    pub rev: u64,
    /// The data.
    pub store: Store,
}

/// A store-format value of a `T` on its way to the worker: the JSON the store format defines,
/// read by the worker with the store's own checks so a refusal names the JSON path
/// (`interviews[3].at: …`); a derived decoder would lose the path and the unknown fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent, bound = "")]
pub struct Doc<T> {
    value: Value,
    #[serde(skip)]
    of: PhantomData<fn() -> T>,
}

impl<T: Serialize> Doc<T> {
    /// The document of a model value (how the popup sends one).
    pub fn of(value: &T) -> Doc<T> {
        // The model types serialise without failing: every map key is a string.
        Doc::raw(serde_json::to_value(value).unwrap_or(Value::Null))
    }
}

impl<T> Doc<T> {
    /// A document as received, not yet checked.
    pub fn raw(value: Value) -> Doc<T> {
        Doc {
            value,
            of: PhantomData,
        }
    }

    /// The JSON, as sent.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The JSON, as sent.
    pub fn into_value(self) -> Value {
        self.value
    }
}

/// The payload of a successful reply. On the wire a reply is `{"ok": true, …payload fields}`
/// or `{"ok": false, "error": "…"}` ([`reply_json`]); which payload answers which request is
/// fixed by [`Request::reply`], so a client never reads a reply by string key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Response {
    /// To `ping`.
    Pong(Pong),
    /// To `import`.
    Imported(Imported),
    /// To `export`.
    Exported(Exported),
    /// To `schedule`.
    Schedule(Schedule),
    /// To `draft` and `page-draft`.
    Drafted(Drafted),
    /// To `lint`.
    Findings(Findings),
    /// To `upsert-interview`.
    Saved(Saved),
    /// To requests with nothing to say: `remove-interview`, `record`, `settings`,
    /// `delete-all`, `wasm-refused`.
    Done(Done),
    /// To `snooze`.
    Snoozed(Snoozed),
    /// To `ics`.
    Calendar(Calendar),
    /// To `open`.
    Opened(Opened),
    /// To `problem`.
    Problem(ProblemReport),
    /// To `unreadable-text`.
    Unreadable(Unreadable),
    /// To `wasm-status`.
    Refused(RefusedOrigins),
    /// To `offer`.
    Offered(Offered),
    /// To `page-sent` and `page-replied`.
    Recorded(Sends),
    /// To `page-reply`.
    ReplyOffered(ReplyOffered),
    /// To `sync-status`, `sync-on` and `sync-off`.
    Sync(SyncReport),
}

/// `{"version": "0.1.0"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pong {
    /// The extension's version.
    pub version: String,
}

/// `{"interviews": 3}`: how many interviews the imported store holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    /// Interviews now stored.
    pub interviews: usize,
}

/// `{"store": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    /// The whole store (store format v1).
    pub store: Store,
}

/// `{"items": […]}`: open follow-ups, soonest first (snoozed ones left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The items.
    pub items: Vec<Due>,
}

/// `{"draft": {…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drafted {
    /// The draft.
    pub draft: Draft,
}

/// What the in-page helper reads of a [`Drafted`] reply (the same JSON): the text it types in.
/// The page checks the wording itself, so the draft's findings, kind and channel are skipped
/// unread, and the in-page module carries no decoder for them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PageDrafted {
    /// The draft's text.
    pub draft: DraftText,
}

/// A [`Draft`]'s subject and body.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DraftText {
    /// Subject (email only).
    #[serde(default)]
    pub subject: Option<String>,
    /// Body, lines separated by `\n`.
    pub body: String,
}

/// `{"findings": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Findings {
    /// Findings, ordered by span.
    pub findings: Vec<Finding>,
}

/// `{"interview": {…}}`: the interview as stored (with the id it was given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The stored interview.
    pub interview: Interview,
}

/// `{}`: done, nothing to report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {}

/// `{"until": "2026-11-21T16:00:00-05:00"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snoozed {
    /// When the item comes back (`+00:00`, never `Z`, as the reply always had it).
    #[serde(
        serialize_with = "rfc3339",
        deserialize_with = "crate::dates::serde_with::date_time"
    )]
    pub until: DateTime<FixedOffset>,
}

/// A time as `DateTime::to_rfc3339` writes it (chrono's serde form writes `Z` for UTC).
fn rfc3339<S: serde::Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339())
}

/// `{"ics": "BEGIN:VCALENDAR…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// The calendar text.
    pub ics: String,
}

/// `{"url": "https://mail.google.com/…"}`: the page "Write it" opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opened {
    /// The page opened.
    pub url: String,
}

/// `{"problem": {…} | null}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemReport {
    /// The stored document that could not be read, if any.
    pub problem: Option<StoreProblem>,
}

/// A stored document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreProblem {
    /// The storage key it was set aside under (`store` itself when it is kept in place).
    #[serde(rename = "backupKey")]
    pub backup_key: String,
    /// Why it could not be read.
    #[serde(default)]
    pub error: String,
    /// There was no room to copy it aside, so it stays under `store`: the data can be read
    /// (empty) but not changed until an import or "delete everything" replaces it.
    #[serde(
        rename = "keptInPlace",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub kept_in_place: bool,
}

/// How sync across devices goes, for the popup.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncReport {
    /// Whether this device syncs.
    pub on: bool,
    /// Devices that sync (this one included).
    #[serde(default)]
    pub devices: usize,
    /// Bytes the synced data takes in the browser's sync storage.
    #[serde(default)]
    pub bytes: usize,
    /// Why sync is paused or stopped, in words for the user.
    #[serde(default)]
    pub problem: Option<String>,
    /// When this device last wrote or read the synced data (ms since the epoch).
    #[serde(default)]
    pub at: Option<f64>,
}

/// `{"text": "…" | null}`: the text of the stored document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// The document as stored, if there is one.
    pub text: Option<String>,
}

/// `{"refused": {"https://mail.google.com": {"error": "…", "at": 1.7e12}}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefusedOrigins {
    /// Origins where WebAssembly was refused, with what the page saw.
    pub refused: BTreeMap<String, Refusal>,
}

/// What a page saw when WebAssembly was refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    /// The page's error.
    #[serde(default)]
    pub error: String,
    /// When (ms since the epoch).
    #[serde(default)]
    pub at: f64,
}

/// `{"offer": {…}, "insert": {…}}`: what the in-page helper may offer, and a message "Write
/// it" opened this tab for, when there is one for this compose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offered {
    /// The choices.
    pub offer: Offer,
    /// A message waiting for this compose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert: Option<Waiting>,
}

/// `{"recorded": [{"interview", "event", "label"}]}`: what a send from the page recorded
/// (nothing, when it answered no open follow-up).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sends<E = Doc<Event>> {
    /// The follow-ups recorded as sent.
    pub recorded: Vec<Recorded<E>>,
}

/// Nothing recorded (whatever `E`: the derive would ask it to have a default).
impl<E> Default for Sends<E> {
    fn default() -> Sends<E> {
        Sends {
            recorded: Vec::new(),
        }
    }
}

/// One follow-up recorded as sent, as the page gets it: what it shows, and what its Undo sends
/// back. The event stays a store-format document the page does not read; the worker reads it
/// with the store's checks when it comes back. `E` is how it is held: a [`Doc`] (JSON), or in
/// the in-page module the JS object itself (`web::convert::Raw`), so that module links neither
/// the event's decoder nor a JSON value type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recorded<E = Doc<Event>> {
    /// Interview id.
    pub interview: String,
    /// The event, as recorded (store format v1).
    pub event: E,
    /// Kind, person and company (text, never markup).
    pub label: String,
}

impl From<&Answer> for Recorded {
    fn from(a: &Answer) -> Recorded {
        Recorded {
            interview: a.interview.clone(),
            event: Doc::of(&a.event),
            label: a.label.clone(),
        }
    }
}

/// `{"offer": {…} | null}`: whether the opened message is a reply to record, and how it reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyOffered {
    /// The offer, when the sender is tracked and the reply is not recorded yet.
    pub offer: Option<ReplyOffer>,
}

/// A message waiting to be typed into a compose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Subject, for an email.
    pub subject: Option<String>,
    /// The message.
    pub body: String,
}

/// Which payload answers a request: one variant per [`Response`] variant, without the payload.
/// [`Request::reply`] is the one place requests and replies are paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    /// [`Pong`].
    Pong,
    /// [`Imported`].
    Imported,
    /// [`Exported`].
    Exported,
    /// [`Schedule`].
    Schedule,
    /// [`Drafted`].
    Drafted,
    /// [`Findings`].
    Findings,
    /// [`Saved`].
    Saved,
    /// [`Done`].
    Done,
    /// [`Snoozed`].
    Snoozed,
    /// [`Calendar`].
    Calendar,
    /// [`Opened`].
    Opened,
    /// [`ProblemReport`].
    Problem,
    /// [`Unreadable`].
    Unreadable,
    /// [`RefusedOrigins`].
    Refused,
    /// [`Offered`].
    Offered,
    /// [`Sends`].
    Recorded,
    /// [`ReplyOffered`].
    ReplyOffered,
    /// [`SyncReport`].
    Sync,
}

impl Request {
    /// Its `type`, as written on the wire (the access rule names it in a refusal). A test
    /// checks every one against what serde writes.
    pub fn name(&self) -> &'static str {
        match self {
            Request::Ping => "ping",
            Request::Import { .. } => "import",
            Request::Export => "export",
            Request::ImportMerge { .. } => "import-merge",
            Request::Schedule { .. } => "schedule",
            Request::Draft(_) => "draft",
            Request::Lint { .. } => "lint",
            Request::UpsertInterview { .. } => "upsert-interview",
            Request::RemoveInterview { .. } => "remove-interview",
            Request::Record { .. } => "record",
            Request::Unrecord { .. } => "unrecord",
            Request::Settings { .. } => "settings",
            Request::Snooze { .. } => "snooze",
            Request::Unsnooze { .. } => "unsnooze",
            Request::Ics { .. } => "ics",
            Request::Open { .. } => "open",
            Request::DeleteAll => "delete-all",
            Request::Problem => "problem",
            Request::UnreadableText => "unreadable-text",
            Request::WasmRefused { .. } => "wasm-refused",
            Request::WasmStatus => "wasm-status",
            Request::SyncStatus => "sync-status",
            Request::SyncOn { .. } => "sync-on",
            Request::SyncOff => "sync-off",
            Request::Offer(_) => "offer",
            Request::PageDraft(_) => "page-draft",
            Request::PageSent(_) => "page-sent",
            Request::PageUnsent(_) => "page-unsent",
            Request::PageReply(_) => "page-reply",
            Request::PageReplied(_) => "page-replied",
            Request::PageInvitation(_) => "page-invitation",
        }
    }

    /// The payload that answers this request (one arm per request; a new request does not
    /// compile until it has one).
    pub fn reply(&self) -> ReplyKind {
        match self {
            Request::Ping => ReplyKind::Pong,
            Request::Import { .. } | Request::ImportMerge { .. } => ReplyKind::Imported,
            Request::Export => ReplyKind::Exported,
            Request::Schedule { .. } => ReplyKind::Schedule,
            Request::Draft(_) | Request::PageDraft(_) => ReplyKind::Drafted,
            Request::Lint { .. } => ReplyKind::Findings,
            Request::UpsertInterview { .. } => ReplyKind::Saved,
            Request::RemoveInterview { .. }
            | Request::Record { .. }
            | Request::Unrecord { .. }
            | Request::Unsnooze { .. }
            | Request::Settings { .. }
            | Request::DeleteAll
            | Request::PageUnsent(_)
            | Request::PageInvitation(_)
            | Request::WasmRefused { .. } => ReplyKind::Done,
            Request::Snooze { .. } => ReplyKind::Snoozed,
            Request::Ics { .. } => ReplyKind::Calendar,
            Request::Open { .. } => ReplyKind::Opened,
            Request::Problem => ReplyKind::Problem,
            Request::UnreadableText => ReplyKind::Unreadable,
            Request::WasmStatus => ReplyKind::Refused,
            Request::SyncStatus | Request::SyncOn { .. } | Request::SyncOff => ReplyKind::Sync,
            Request::Offer(_) => ReplyKind::Offered,
            Request::PageSent(_) | Request::PageReplied(_) => ReplyKind::Recorded,
            Request::PageReply(_) => ReplyKind::ReplyOffered,
        }
    }
}

/// A payload type and the [`ReplyKind`] it is: lets a client decode the one payload it expects
/// (so a module links only the decoders of the replies it asks for) and check the pairing.
pub trait Payload: serde::de::DeserializeOwned {
    /// Which reply this is.
    const KIND: ReplyKind;
}

macro_rules! payloads {
    ($($ty:ident => $kind:ident),* $(,)?) => {
        $(impl Payload for $ty { const KIND: ReplyKind = ReplyKind::$kind; })*
    };
}

payloads! {
    Pong => Pong, Imported => Imported, Exported => Exported, Schedule => Schedule,
    Drafted => Drafted, Findings => Findings, Saved => Saved, Done => Done,
    Snoozed => Snoozed, Calendar => Calendar, Opened => Opened, ProblemReport => Problem, Unreadable => Unreadable,
    RefusedOrigins => Refused, Offered => Offered, PageDrafted => Drafted,
    ReplyOffered => ReplyOffered, SyncReport => Sync,
}

/// The recorded sends, whatever form their events are held in ([`Recorded`]).
impl<E: serde::de::DeserializeOwned> Payload for Sends<E> {
    const KIND: ReplyKind = ReplyKind::Recorded;
}

/// Whether `kind` (a payload's [`Payload::KIND`]) is the payload [`Request::reply`] pairs with
/// `request`; an `Err` naming both when it is not. Not generic, so it is compiled once for
/// every payload type.
pub fn expects(request: &Request, kind: ReplyKind) -> Result<(), Failure> {
    if request.reply() == kind {
        Ok(())
    } else {
        Err(Failure::UnexpectedReply(format!(
            "a {:?} reply was expected, not {:?}",
            request.reply(),
            kind
        )))
    }
}

/// Reads a reply to `request` as `T`: its payload, or the error of `{"ok": false}`. `T` must be
/// the payload [`Request::reply`] pairs with `request` (a mismatch is an `Err`, never a wrong
/// value).
pub fn payload<T: Payload>(request: &Request, reply: Value) -> Result<T, Failure> {
    expects(request, T::KIND)?;
    if reply.get("ok").and_then(Value::as_bool) != Some(true) {
        return Err(Failure::reported(
            reply.get("code").and_then(Value::as_str),
            reply
                .get("error")
                .and_then(Value::as_str)
                .map(str::to_owned),
        ));
    }
    serde_json::from_value(reply).map_err(|e| Failure::UnexpectedReply(e.to_string()))
}

impl Response {
    /// Reads a reply to `request`, whichever payload [`Request::reply`] pairs with it. Links
    /// every payload's decoder: a context that sends one kind of request uses [`payload`].
    pub fn decode(request: &Request, reply: Value) -> Result<Response, Failure> {
        match request.reply() {
            ReplyKind::Pong => payload(request, reply).map(Response::Pong),
            ReplyKind::Imported => payload(request, reply).map(Response::Imported),
            ReplyKind::Exported => payload(request, reply).map(Response::Exported),
            ReplyKind::Schedule => payload(request, reply).map(Response::Schedule),
            ReplyKind::Drafted => payload(request, reply).map(Response::Drafted),
            ReplyKind::Findings => payload(request, reply).map(Response::Findings),
            ReplyKind::Saved => payload(request, reply).map(Response::Saved),
            ReplyKind::Done => payload(request, reply).map(Response::Done),
            ReplyKind::Snoozed => payload(request, reply).map(Response::Snoozed),
            ReplyKind::Calendar => payload(request, reply).map(Response::Calendar),
            ReplyKind::Opened => payload(request, reply).map(Response::Opened),
            ReplyKind::Problem => payload(request, reply).map(Response::Problem),
            ReplyKind::Unreadable => payload(request, reply).map(Response::Unreadable),
            ReplyKind::Refused => payload(request, reply).map(Response::Refused),
            ReplyKind::Offered => payload(request, reply).map(Response::Offered),
            ReplyKind::Recorded => payload(request, reply).map(Response::Recorded),
            ReplyKind::ReplyOffered => payload(request, reply).map(Response::ReplyOffered),
            ReplyKind::Sync => payload(request, reply).map(Response::Sync),
        }
    }
}

/// The reply object for an answer: `{"ok": true, …}` or `{"ok": false, "error": "…", "code":
/// "…"}` (the failure's words and its [`crate::failure::Code`]).
pub fn reply_json(answer: &Result<Response, Failure>) -> Value {
    match answer {
        Ok(response) => {
            let mut reply = serde_json::Map::new();
            reply.insert("ok".into(), Value::Bool(true));
            // The payloads serialise without failing: every map key is a string.
            if let Ok(Value::Object(fields)) = serde_json::to_value(response) {
                reply.extend(fields);
            }
            Value::Object(reply)
        }
        Err(failure) => serde_json::json!({
            "ok": false,
            "error": failure.to_string(),
            "code": failure.code().as_str(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::invited::Link;

    /// The page reads a `Drafted` reply as `PageDrafted`: the same subject and body, whatever the
    /// draft's findings, and a reply without a subject (LinkedIn) too.
    #[test]
    fn the_page_reads_a_drafted_reply_as_its_text() {
        for (subject, findings) in [
            (Some("Thank you — Product Manager interview"), 2),
            (None, 0),
        ] {
            let draft = Draft {
                kind: Kind::ThankYou,
                channel: Channel::Email,
                subject: subject.map(str::to_owned),
                body: "Dear Dana,\n\nThank you for the conversation.\n\nBest,\nSam".into(),
                to: Some("dana@acme.example".into()),
                findings: crate::tone::lint("hey thx!!", &LintOptions::default())
                    .into_iter()
                    .take(findings)
                    .collect(),
            };
            assert_eq!(draft.findings.len(), findings);
            let reply = reply_json(&Ok(Response::Drafted(Drafted {
                draft: draft.clone(),
            })));
            let request = Request::PageDraft(PageDraftRequest {
                people: Vec::new(),
                interview: "acme".into(),
                interviewer: None,
                kind: Kind::ThankYou,
                channel: Channel::Email,
            });
            let page: PageDrafted = payload(&request, reply).unwrap();
            assert_eq!(page.draft.subject, draft.subject);
            assert_eq!(page.draft.body, draft.body);
        }
    }

    /// The worker's decoder reads every message as the derived one does: the same request, or
    /// an error where the derived one errs (naming the same problem, at the same place).
    #[test]
    fn decode_request_agrees_with_the_derived_decoder() {
        let cases = [
            r#"{"type":"ping"}"#,
            r#"{"type":"ping","extra":[1,{"a":2}]}"#,
            r#"{"extra":true,"type":"export"}"#,
            r#"{"type":"import","store":{"version":1,"interviews":[]}}"#,
            r#"{"type":"import"}"#,
            r#"{"type":"schedule"}"#,
            r#"{"type":"schedule","now":"2026-12-01T10:00:00Z"}"#,
            r#"{"type":"schedule","now":5}"#,
            r#"{"type":"lint","text":"Thanks!!","options":{"kind":"thank-you","to":"Dana"}}"#,
            r#"{"type":"lint","options":{}}"#,
            r#"{"type":"lint","text":"x","options":{"kind":"nope"}}"#,
            r#"{"type":"draft","interview":"a","kind":"thank-you"}"#,
            r#"{"type":"snooze","interview":"a","kind":"thank-you","until":"2026-12-02T10:00:00Z"}"#,
            r#"{"type":"snooze","interview":"a","kind":"sometime"}"#,
            r#"{"type":"remove-interview","id":"acme"}"#,
            r#"{"type":"remove-interview","id":"acme","id":"other"}"#,
            r#"{"type":"offer","people":[{"email":"dana@acme.example"}],"channel":"email"}"#,
            r#"{"type":"offer","people":"dana"}"#,
            r#"{"type":"page-unsent","people":[],"interview":"a"}"#,
            r#"{"type":"wasm-refused","origin":"https://mail.google.com"}"#,
            r#"{"type":"sync-on","passphrase":"correct horse"}"#,
            r#"{"type":"explode"}"#,
            r#"{"type":5}"#,
            r#"{"type":null}"#,
            r#"{"type":"ping","type":"export"}"#,
            r#"{"store":{}}"#,
            r#"{"type":"export"} trailing"#,
            r#"{"type":"export""#,
            r#"["export"]"#,
            r#""export""#,
            r#"null"#,
            r#""#,
        ];
        for text in cases {
            let derived = serde_json::from_str::<Request>(text);
            let ours = decode_request(text);
            match (&derived, &ours) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(a), Err(b)) => {
                    // The same problem in the same words ("struct Request" for what the derive
                    // calls an "internally tagged enum Request")…
                    let words = |e: &serde_json::Error| {
                        let text = e.to_string();
                        let place = format!(" at line {} column {}", e.line(), e.column());
                        text.strip_suffix(&place)
                            .unwrap_or(&text)
                            .replace("internally tagged enum Request", "struct Request")
                    };
                    assert_eq!(words(a), words(b), "{text}");
                    assert_eq!(a.classify(), b.classify(), "{text}");
                    // …at the same place, and at a place even where the derive, which read the
                    // message into a buffer first, can name none.
                    if a.line() > 0 {
                        assert_eq!((a.line(), a.column()), (b.line(), b.column()), "{text}");
                    }
                    assert!(b.line() > 0, "{text}: {b}");
                }
                _ => panic!("{text}: derived {derived:?}, ours {ours:?}"),
            }
        }
    }

    #[test]
    fn requests_decode_from_the_documented_json() {
        let r: Request =
            serde_json::from_str(r#"{"type":"import","store":{"version":1}}"#).unwrap();
        assert!(matches!(r, Request::Import { .. }));
        let r: Request = serde_json::from_str(r#"{"type":"export"}"#).unwrap();
        assert_eq!(r, Request::Export);
        assert!(serde_json::from_str::<Request>(r#"{"type":"explode"}"#).is_err());
        let r: Request = serde_json::from_str(
            r#"{"type":"offer","people":[{"email":"dana@acme.example"}],"channel":"email"}"#,
        )
        .unwrap();
        assert!(matches!(r, Request::Offer(OfferRequest { ref people, .. }) if people.len() == 1));
        let r: Request = serde_json::from_str(
            r#"{"type":"page-draft","people":[],"interview":"a","kind":"thank-you"}"#,
        )
        .unwrap();
        assert!(matches!(r, Request::PageDraft(_)));
        assert_eq!(
            serde_json::to_string(&Notice::Changed).unwrap(),
            r#"{"type":"changed"}"#
        );
    }

    /// Every notice survives JSON (the decoder reads the `type` by hand: a variant added to
    /// [`Notice`] must be added to it, which the exhaustive `match` below makes this test ask
    /// for); other fields are ignored, and what is not a notice is an error.
    #[test]
    // One notice today; the list is where the next one goes.
    #[allow(clippy::single_element_loop)]
    fn every_notice_survives_json() {
        for notice in [Notice::Changed] {
            match notice {
                Notice::Changed => {}
            }
            let text = serde_json::to_string(&notice).unwrap();
            assert_eq!(
                serde_json::from_str::<Notice>(&text).unwrap(),
                notice,
                "{text}"
            );
        }
        let extra: Notice = serde_json::from_str(r#"{"extra":[1,{}],"type":"changed"}"#).unwrap();
        assert_eq!(extra, Notice::Changed);
        for bad in [
            r#"{"type":"unchanged"}"#,
            r#"{"type":5}"#,
            r#"{}"#,
            r#""changed""#,
            r#"null"#,
            r#"{"type":"changed","type":"changed"}"#,
        ] {
            assert!(serde_json::from_str::<Notice>(bad).is_err(), "{bad}");
        }
    }

    /// Every request with a reply it can get: both survive JSON unchanged.
    fn samples() -> Vec<(Request, Response)> {
        use serde_json::json;
        let store = crate::store::parse(
            r#"{"version":1,"profile":{"name":"Sam"},"interviews":[
              {"id":"acme","company":"Acme","role":"PM","at":"2026-11-20T14:00:00-05:00",
               "interviewers":[{"id":"dana","name":"Dana Lee","email":"dana@acme.example"}],
               "custom":{"kept":true}}]}"#,
        )
        .unwrap();
        let interview = store.interviews[0].clone();
        let now = DateTime::parse_from_rfc3339("2026-11-20T16:00:00.250-05:00").unwrap();
        let items = crate::schedule::schedule(&store, now);
        let draft_request = DraftRequest {
            interview: "acme".into(),
            interviewer: Some("dana".into()),
            kind: Kind::ThankYou,
            channel: Channel::Email,
            now: Some(now),
        };
        let draft = crate::draft::draft(&store, &draft_request).unwrap();
        let findings = crate::tone::lint("hey thx!!", &LintOptions::default());
        let people = vec![Person::named("Dana Lee")];
        let offer = crate::page::offer::offer(&store, &people, now);
        let event = Event {
            kind: crate::model::EventKind::Sent,
            follow_up: Some(Kind::ThankYou),
            interviewer: Some("dana".into()),
            at: now,
            outcome: None,
            channel: Some(Channel::Email),
            extra: Default::default(),
        };
        let done = || Response::Done(Done {});
        vec![
            (
                Request::Ping,
                Response::Pong(Pong {
                    version: "0.1.0".into(),
                }),
            ),
            (
                Request::Import {
                    store: json!({"version": 1}),
                },
                Response::Imported(Imported { interviews: 1 }),
            ),
            (
                Request::Export,
                Response::Exported(Exported {
                    store: store.clone(),
                }),
            ),
            (
                Request::Schedule {
                    now: Some(now.to_rfc3339()),
                },
                Response::Schedule(Schedule { items }),
            ),
            (
                Request::Draft(draft_request),
                Response::Drafted(Drafted {
                    draft: draft.clone(),
                }),
            ),
            (
                Request::Lint {
                    text: "hey thx!!".into(),
                    options: LintOptions::default(),
                    interview: Some("acme".into()),
                    interviewer: None,
                },
                Response::Findings(Findings { findings }),
            ),
            (
                Request::UpsertInterview {
                    interview: Doc::of(&interview),
                },
                Response::Saved(Saved { interview }),
            ),
            (Request::RemoveInterview { id: "acme".into() }, done()),
            (
                Request::Record {
                    interview: "acme".into(),
                    event: Doc::of(&event),
                },
                done(),
            ),
            (
                Request::Unrecord {
                    interview: "acme".into(),
                    event: Doc::of(&event),
                },
                done(),
            ),
            (
                Request::Settings {
                    profile: Doc::of(&store.profile),
                },
                done(),
            ),
            (
                Request::Snooze {
                    interview: "acme".into(),
                    interviewer: None,
                    kind: Kind::Nudge,
                    until: None,
                },
                Response::Snoozed(Snoozed { until: now }),
            ),
            (
                Request::Unsnooze {
                    interview: "acme".into(),
                    interviewer: Some("dana".into()),
                    kind: Kind::ThankYou,
                },
                done(),
            ),
            (
                Request::Ics { now: None },
                Response::Calendar(Calendar {
                    ics: "BEGIN:VCALENDAR".into(),
                }),
            ),
            (
                Request::Open {
                    interview: "acme".into(),
                    interviewer: Some("dana".into()),
                    kind: Kind::ThankYou,
                    channel: Channel::Linkedin,
                    body: Some("Dear Dana".into()),
                    subject: None,
                },
                Response::Opened(Opened {
                    url: "https://mail.google.com/mail/?view=cm&fs=1".into(),
                }),
            ),
            (Request::DeleteAll, done()),
            (
                Request::Problem,
                Response::Problem(ProblemReport {
                    problem: Some(StoreProblem {
                        backup_key: "store.backup.1".into(),
                        error: "interviews: oops".into(),
                        kept_in_place: false,
                    }),
                }),
            ),
            (
                Request::UnreadableText,
                Response::Unreadable(Unreadable {
                    text: Some("{\"version\": 1, oops".into()),
                }),
            ),
            (
                Request::WasmRefused {
                    origin: "https://mail.google.com".into(),
                    error: "CSP".into(),
                },
                done(),
            ),
            (
                Request::WasmStatus,
                Response::Refused(RefusedOrigins {
                    refused: [(
                        "https://mail.google.com".to_string(),
                        Refusal {
                            error: "CSP".into(),
                            at: 1.5e12,
                        },
                    )]
                    .into(),
                }),
            ),
            (
                Request::Offer(OfferRequest {
                    people: people.clone(),
                    channel: Channel::Email,
                }),
                Response::Offered(Offered {
                    offer,
                    insert: Some(Waiting {
                        subject: None,
                        body: "Dear Dana".into(),
                    }),
                }),
            ),
            (
                Request::PageDraft(PageDraftRequest {
                    people,
                    interview: "acme".into(),
                    interviewer: Some("dana".into()),
                    kind: Kind::ThankYou,
                    channel: Channel::Email,
                }),
                Response::Drafted(Drafted { draft }),
            ),
            (
                Request::PageSent(PageSentRequest {
                    people: vec![Person::named("Dana Lee")],
                    chosen: Some(Pick {
                        interview: "acme".into(),
                        interviewer: Some("dana".into()),
                        kind: Kind::ThankYou,
                    }),
                    channel: Channel::Linkedin,
                }),
                Response::Recorded(Sends {
                    recorded: vec![Recorded {
                        interview: "acme".into(),
                        event: Doc::of(&event),
                        label: "Thank-you · Dana Lee · Acme".into(),
                    }],
                }),
            ),
            (
                Request::PageReply(PageReplyRequest {
                    from: vec![Person::named("Dana Lee")],
                    subject: "Re: Thank you".into(),
                    body: "We would like to invite you to a final round.".into(),
                }),
                Response::ReplyOffered(ReplyOffered {
                    offer: Some(ReplyOffer {
                        interview: "acme".into(),
                        label: "Dana Lee · Acme".into(),
                        outcome: Outcome::Positive,
                        reads_as: "advance".into(),
                    }),
                }),
            ),
            (
                Request::PageReplied(PageRepliedRequest {
                    from: vec![Person::named("Dana Lee")],
                    interview: "acme".into(),
                    outcome: Outcome::Negative,
                    channel: Channel::Email,
                }),
                Response::Recorded(Sends::default()),
            ),
            (
                Request::PageInvitation(PageInvitationRequest {
                    message: Invited {
                        from: vec![Person::named("Dana Lee")],
                        subject: "Invitation: Interview @ Tue Dec 8, 2026 3pm (EST)".into(),
                        body: "Join with Google Meet".into(),
                        links: vec![Link {
                            text: "Join".into(),
                            href: "https://meet.google.com/abc-defg-hij".into(),
                        }],
                    },
                }),
                done(),
            ),
            (
                Request::PageUnsent(PageUnsentRequest {
                    people: vec![Person::named("Dana Lee")],
                    interview: "acme".into(),
                    event: Doc::of(&event),
                }),
                done(),
            ),
            (Request::SyncStatus, Response::Sync(SyncReport::default())),
            (
                Request::SyncOn {
                    passphrase: "correct horse battery staple".into(),
                },
                Response::Sync(SyncReport {
                    on: true,
                    devices: 2,
                    bytes: 2048,
                    problem: None,
                    at: Some(1.7e12),
                }),
            ),
            (Request::SyncOff, Response::Sync(SyncReport::default())),
            (
                Request::ImportMerge {
                    store: serde_json::json!({"version": 1, "interviews": []}),
                },
                Response::Imported(Imported { interviews: 3 }),
            ),
        ]
    }

    /// Which variant a request is; the match makes a new variant a compile error here, so it
    /// gets a sample above.
    fn variant(r: &Request) -> usize {
        match r {
            Request::Ping => 0,
            Request::Import { .. } => 1,
            Request::Export => 2,
            Request::Schedule { .. } => 3,
            Request::Draft(_) => 4,
            Request::Lint { .. } => 5,
            Request::UpsertInterview { .. } => 6,
            Request::RemoveInterview { .. } => 7,
            Request::Record { .. } => 8,
            Request::Settings { .. } => 9,
            Request::Snooze { .. } => 10,
            Request::Ics { .. } => 11,
            Request::Open { .. } => 12,
            Request::DeleteAll => 13,
            Request::Problem => 14,
            Request::WasmRefused { .. } => 15,
            Request::WasmStatus => 16,
            Request::Offer(_) => 17,
            Request::PageDraft(_) => 18,
            Request::UnreadableText => 19,
            Request::Unrecord { .. } => 20,
            Request::Unsnooze { .. } => 21,
            Request::PageSent(_) => 22,
            Request::PageUnsent(_) => 23,
            Request::PageReply(_) => 24,
            Request::PageReplied(_) => 25,
            Request::PageInvitation(_) => 26,
            Request::SyncStatus => 27,
            Request::SyncOn { .. } => 28,
            Request::SyncOff => 29,
            Request::ImportMerge { .. } => 30,
        }
    }

    #[test]
    fn every_request_and_reply_survives_json() {
        let samples = samples();
        let mut seen: Vec<usize> = samples.iter().map(|(r, _)| variant(r)).collect();
        crate::order::sort(&mut seen);
        seen.dedup();
        assert_eq!(
            seen,
            (0..=30).collect::<Vec<_>>(),
            "a request has no sample"
        );
        for (request, _) in &samples {
            let written = serde_json::to_value(request).unwrap();
            assert_eq!(written["type"], request.name(), "{request:?}");
        }
        for (request, response) in samples {
            let text = serde_json::to_string(&request).unwrap();
            let back: Request = serde_json::from_str(&text).unwrap();
            assert_eq!(back, request, "{text}");
            assert_eq!(decode_request(&text).unwrap(), request, "{text}");
            let reply = reply_json(&Ok(response.clone()));
            assert_eq!(reply["ok"], true);
            let back = Response::decode(&request, reply.clone()).unwrap();
            assert_eq!(back, response, "{reply}");
        }
    }

    /// The in-page helper's own encoding of a request: its JSON, `type` and reply are those of
    /// the [`Request`] it converts to.
    fn page_wire<R: PageAsk + Clone>(page: &R) -> (serde_json::Value, Request) {
        let request: Request = page.clone().into();
        assert_eq!(R::TYPE, request.name());
        assert_eq!(<R::Reply as Payload>::KIND, request.reply(), "{}", R::TYPE);
        (serde_json::to_value(Wire(page)).unwrap(), request)
    }

    #[test]
    fn page_requests_go_on_the_wire_as_the_requests_they_are() {
        let mut checked = 0;
        for (request, _) in samples() {
            let (wire, same) = match &request {
                Request::Offer(r) => page_wire(r),
                Request::PageDraft(r) => page_wire(r),
                Request::PageSent(r) => page_wire(r),
                Request::PageReply(r) => page_wire(r),
                Request::PageReplied(r) => page_wire(r),
                Request::PageInvitation(r) => page_wire(r),
                Request::PageUnsent(r) => page_wire(r),
                _ => continue,
            };
            assert_eq!(same, request);
            assert_eq!(
                wire,
                serde_json::to_value(&request).unwrap(),
                "{}",
                request.name()
            );
            assert_eq!(serde_json::from_value::<Request>(wire).unwrap(), request);
            checked += 1;
        }
        assert_eq!(checked, 7);
        // An absent choice is left out, as the request leaves it out.
        let sent = PageSentRequest {
            people: vec![],
            chosen: None,
            channel: Channel::Email,
        };
        let (wire, _) = page_wire(&sent);
        assert_eq!(
            wire,
            serde_json::json!({"type": "page-sent", "people": [], "channel": "email"})
        );
        // As text: `type` first, then the request's fields in their order.
        assert_eq!(
            serde_json::to_string(&Wire(&sent)).unwrap(),
            r#"{"type":"page-sent","people":[],"channel":"email"}"#
        );
        // A form written as a map (a struct with a flattened part) gets `type` first too.
        let map = BTreeMap::from([("people", 0)]);
        assert_eq!(
            serde_json::to_string(&WireAs::<PageSentRequest, _>(&map, PhantomData)).unwrap(),
            r#"{"type":"page-sent","people":0}"#
        );
        // A newtype is read through to what it wraps.
        #[derive(Serialize)]
        struct Wrapped<'a>(&'a PageSentRequest);
        assert_eq!(
            serde_json::to_string(&WireAs::<PageSentRequest, _>(&Wrapped(&sent), PhantomData))
                .unwrap(),
            serde_json::to_string(&Wire(&sent)).unwrap()
        );
        // A form that is no struct or map is refused, not written without its fields.
        for not_a_request in [
            serde_json::to_string(&WireAs::<PageSentRequest, _>(&"text", PhantomData)),
            serde_json::to_string(&WireAs::<PageSentRequest, _>(&[1, 2], PhantomData)),
            serde_json::to_string(&WireAs::<PageSentRequest, _>(&None::<u8>, PhantomData)),
        ] {
            let refused = not_a_request.unwrap_err().to_string();
            assert_eq!(refused, "a request is a struct");
        }
    }

    /// The page holds a recorded send's event in its own form (a JS value, which a native test
    /// stands for with a JSON value): it reads the same replies to the same sends, and its Undo
    /// goes on the wire as the `page-unsent` request the worker reads, with the event unchanged.
    #[test]
    fn the_page_hands_back_the_event_it_got_unread() {
        let mut checked = 0;
        for (request, response) in samples() {
            let Response::Recorded(sends) = &response else {
                continue;
            };
            let reply = reply_json(&Ok(response.clone()));
            let page: Sends<Value> = payload(&request, reply).unwrap();
            assert_eq!(page.recorded.len(), sends.recorded.len());
            for (held, sent) in page.recorded.iter().zip(&sends.recorded) {
                assert_eq!(
                    (&held.interview, &held.event, &held.label),
                    (&sent.interview, sent.event.value(), &sent.label)
                );
                let people = vec![Person::named("Dana Lee")];
                let undo = PageUnsentRequest {
                    people: people.clone(),
                    interview: held.interview.clone(),
                    event: held.event.clone(),
                };
                let wire = serde_json::to_value(WireAs::<PageUnsentRequest, _>(&undo, PhantomData))
                    .unwrap();
                let expected = Request::PageUnsent(PageUnsentRequest {
                    people,
                    interview: sent.interview.clone(),
                    event: sent.event.clone(),
                });
                assert_eq!(wire, serde_json::to_value(&expected).unwrap());
                assert_eq!(serde_json::from_value::<Request>(wire).unwrap(), expected);
                checked += 1;
            }
        }
        assert!(checked >= 1, "no sample records a send");
    }

    #[test]
    fn a_payload_is_read_only_for_the_request_it_answers() {
        use serde_json::json;
        let people = vec![];
        let offer = Request::Offer(OfferRequest {
            people,
            channel: Channel::Email,
        });
        let reply = json!({"ok": true, "offer": {"choices": [], "direct": false, "matched": 0}});
        assert!(payload::<Offered>(&offer, reply.clone()).is_ok());
        let wrong = payload::<Done>(&offer, reply).unwrap_err();
        assert!(wrong.to_string().contains("Offered"), "{wrong}");
        let failed = payload::<Offered>(
            &offer,
            json!({"ok": false, "error": "Browser storage failed: IO.", "code": "storage"}),
        )
        .unwrap_err();
        assert_eq!(failed.to_string(), "Browser storage failed: IO.");
        assert_eq!(failed.code(), crate::failure::Code::Storage);
    }

    #[test]
    fn replies_keep_their_documented_shapes() {
        use serde_json::json;
        assert_eq!(
            reply_json(&Ok(Response::Done(Done {}))),
            json!({"ok": true})
        );
        assert_eq!(
            reply_json(&Err(Failure::Busy)),
            json!({"ok": false, "error": "The data kept changing while saving; please try again.", "code": "busy"})
        );
        assert_eq!(
            reply_json(&Ok(Response::Exported(Exported {
                store: Store::default()
            }))),
            json!({"ok": true, "store": {"version": 1, "interviews": []}})
        );
        assert_eq!(
            reply_json(&Ok(Response::Imported(Imported { interviews: 2 }))),
            json!({"ok": true, "interviews": 2})
        );
        let until = DateTime::parse_from_rfc3339("2026-11-21T16:00:00.123+00:00").unwrap();
        assert_eq!(
            reply_json(&Ok(Response::Snoozed(Snoozed { until })))["until"],
            until.to_rfc3339()
        );
        let offered = Response::Offered(Offered {
            offer: Offer::default(),
            insert: Some(Waiting {
                subject: None,
                body: "Hi".into(),
            }),
        });
        assert_eq!(
            reply_json(&Ok(offered))["insert"],
            json!({"subject": null, "body": "Hi"})
        );
        assert_eq!(
            Response::decode(&Request::Export, json!({"ok": false, "error": "No."})),
            Err(Failure::Reported {
                code: crate::failure::Code::Other,
                message: "No.".into()
            })
        );
        assert!(matches!(
            Response::decode(&Request::Export, json!({"ok": true})),
            Err(Failure::UnexpectedReply(_))
        ));
    }
}
