//! Store format v1: parsing with path-named errors, validation, migration, and edit operations.
//!
//! INTERFACE (stable): [`parse`], [`to_json`], [`StoreError`].
//!
//! Parsing runs in three steps, so each can say precisely what is wrong:
//! 1. the text becomes a JSON tree (syntax errors and duplicate keys, with their path),
//! 2. [`migrate`] brings an older `version` up to [`CURRENT_VERSION`],
//! 3. the tree becomes a [`Store`] ([`from_value`]): types, enum values, dates, then the rules
//!    that span fields (unique ids, events naming known interviewers), see [`validate`].
//!
//! ```
//! let err = followup::store::parse(r#"{"version": 1, "interviews": [
//!     {"id": "a", "company": "Acme", "role": "PM", "at": "next Tuesday"}]}"#).unwrap_err();
//! assert_eq!(err.path, "interviews[0].at");
//! assert!(err.to_string().starts_with("interviews[0].at: not an RFC 3339 time"));
//! ```

mod edit;
mod error;
mod ids;
mod merge;
mod migrate;
mod read;
mod validate;

use crate::model::Store;

pub use error::StoreError;
pub use ids::{assign_missing_ids, new_interview_id, slug};
pub use merge::{merge_backup, MergeReport};
pub use migrate::{migrate, Migration, CURRENT_VERSION};
pub use read::{event_at, from_value, interview_at, profile_at};
pub use validate::validate;

/// Parses and validates a store document (any supported version, migrated to the current one).
pub fn parse(json: &str) -> Result<Store, StoreError> {
    from_value(read::json_tree(json)?)
}

/// Serialises a store as pretty JSON (for export files people may open).
pub fn to_json(store: &Store) -> String {
    // Serialising these types cannot fail: every map key is a string.
    serde_json::to_string_pretty(store).unwrap_or_default()
}

/// Serialises a store as compact JSON (for storage: about 40% smaller than [`to_json`]).
pub fn to_json_compact(store: &Store) -> String {
    serde_json::to_string(store).unwrap_or_default()
}

impl TryFrom<serde_json::Value> for Store {
    type Error = StoreError;

    /// The same checks as [`parse`], for callers that already hold a JSON tree.
    fn try_from(value: serde_json::Value) -> Result<Store, StoreError> {
        from_value(value)
    }
}
