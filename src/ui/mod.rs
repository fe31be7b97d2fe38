//! The popup's pure logic: the interview and settings forms (validation, conversion to
//! store-format values), calendar invitations read into the interview form, and the data
//! screens (import preview, export names). No browser types:
//! `web::popup` renders what these functions decide. Words for times and kinds, which the
//! notifications use too, are in [`crate::when`].

pub mod action;
pub mod data;
pub mod form;
pub mod invite;
