//! The pure logic behind the in-page helper (content scripts): no browser types, unit-tested.
//!
//! - [`textmap`]: an editor's text as pieces (text nodes and line breaks) and the mapping
//!   between the checker's UTF-16 offsets and positions inside those pieces,
//! - [`people`]: recipients read from the page (address lists, names, profile links) and
//!   matching them to tracked interviewers,
//! - [`invited`]: an invitation the user opened, as the page shows it (subject, sender, text,
//!   links), for the popup's form,
//! - [`offer`]: which follow-ups the helper offers for a compose, most relevant first,
//! - [`replied`]: whether a message the user opened is a tracked interviewer's reply, and what
//!   to record,
//! - [`sent`]: which open follow-up a message sent from a compose answers, and what the page
//!   may take back,
//! - [`theme`]: whether the page around an editor is dark, from its computed background.

pub mod invited;
pub mod offer;
pub mod people;
pub mod replied;
pub mod sent;
pub mod textmap;
pub mod theme;
