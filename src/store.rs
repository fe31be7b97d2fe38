//! Store format v1: parsing with path-named errors, validation, migration, and edit operations.
//!
//! INTERFACE (stable): [`parse`], [`to_json`], [`StoreError`]. Implementation in progress (issue 3).

use crate::model::Store;

/// Why a store document was refused; the message names the JSON path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct StoreError {
    /// JSON path, e.g. `interviews[2].at`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

/// Parses and validates a store document (any supported version, migrated to the current one).
pub fn parse(json: &str) -> Result<Store, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError {
        path: ".".into(),
        message: e.to_string(),
    })
}

/// Serialises a store as pretty JSON.
pub fn to_json(store: &Store) -> String {
    serde_json::to_string_pretty(store).unwrap_or_default()
}
