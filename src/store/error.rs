//! Why a store document or an edit was refused, and how values are written in those messages.

use serde_json::Value;

/// Why a store document was refused; the message names the JSON path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct StoreError {
    /// JSON path, e.g. `interviews[2].at` (`.` for the whole document).
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl StoreError {
    /// An error at `path`; control characters are escaped so the message stays on one line.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> StoreError {
        let path = one_line(path.into());
        StoreError {
            path: if path.is_empty() { ".".into() } else { path },
            message: one_line(message.into()),
        }
    }
}

fn one_line(s: String) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect()
    } else {
        s
    }
}

/// "a string", "an array", … for error messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) use crate::text::quote;
