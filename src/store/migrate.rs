//! Format versions: each older version is upgraded one step at a time to the current one.

use super::error::{describe, StoreError};
use serde_json::Value;

/// The store format version this build reads natively and writes.
pub const CURRENT_VERSION: u32 = 1;

/// One upgrade step: takes a document of version `n` and returns it as version `n + 1`
/// (including the new `version` number).
pub type Migration = fn(Value) -> Result<Value, StoreError>;

/// Upgrade steps; `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`. Empty while v1 is
/// the only format: when v2 arrives, its step goes here and v1 documents keep loading.
const MIGRATIONS: &[Migration] = &[];

/// Brings a store document of any supported version to [`CURRENT_VERSION`].
///
/// Refuses a missing or non-integer `version`, version 0, and versions newer than this build.
pub fn migrate(document: Value) -> Result<Value, StoreError> {
    migrate_with(document, MIGRATIONS)
}

/// [`migrate`] with an explicit chain of steps (the current version is `steps.len() + 1`).
pub(crate) fn migrate_with(mut document: Value, steps: &[Migration]) -> Result<Value, StoreError> {
    let current = u64::try_from(steps.len())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut version = version_of(&document)?;
    if version == 0 || version > current {
        return Err(StoreError::new(
            "version",
            format!("unsupported version {version}; this build reads versions 1 to {current}"),
        ));
    }
    while version < current {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| steps.get(i))
            .ok_or_else(|| StoreError::new("version", format!("no upgrade from {version}")))?;
        document = step(document)?;
        let next = version_of(&document)?;
        if next != version + 1 {
            return Err(StoreError::new(
                "version",
                format!("upgrade from version {version} produced version {next}"),
            ));
        }
        version = next;
    }
    Ok(document)
}

fn version_of(document: &Value) -> Result<u64, StoreError> {
    let Value::Object(map) = document else {
        return Err(StoreError::new(
            ".",
            format!(
                "expected an object (a store document), found {}",
                describe(document)
            ),
        ));
    };
    match map.get("version") {
        None => Err(StoreError::new("version", "missing (required)")),
        Some(v) => v.as_u64().ok_or_else(|| {
            StoreError::new(
                "version",
                format!("expected a whole number, found {}", describe(v)),
            )
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A stand-in v1 → v2 step: v2 renames `profile.name` to `profile.full_name`.
    fn v1_to_v2(mut doc: Value) -> Result<Value, StoreError> {
        if let Some(profile) = doc.get_mut("profile").and_then(Value::as_object_mut) {
            if let Some(name) = profile.remove("name") {
                profile.insert("full_name".into(), name);
            }
        }
        doc["version"] = json!(2);
        Ok(doc)
    }

    #[test]
    fn v1_is_current_and_passes_unchanged() {
        let doc = json!({"version": 1, "interviews": [], "x": 1});
        assert_eq!(migrate(doc.clone()).unwrap(), doc);
    }

    #[test]
    fn a_v2_build_reads_v1() {
        let steps: &[Migration] = &[v1_to_v2];
        let v1 = json!({"version": 1, "profile": {"name": "Sam"}});
        let v2 = migrate_with(v1, steps).unwrap();
        assert_eq!(v2, json!({"version": 2, "profile": {"full_name": "Sam"}}));
        // A v2 document passes through the v2 build unchanged.
        assert_eq!(migrate_with(v2.clone(), steps).unwrap(), v2);
    }

    #[test]
    fn bad_versions_are_refused() {
        let cases = [
            (
                json!({"version": 2}),
                "version: unsupported version 2; this build reads versions 1 to 1",
            ),
            (
                json!({"version": 0}),
                "version: unsupported version 0; this build reads versions 1 to 1",
            ),
            (
                json!({"version": "1"}),
                "version: expected a whole number, found a string",
            ),
            (
                json!({"version": 1.5}),
                "version: expected a whole number, found a number",
            ),
            (json!({}), "version: missing (required)"),
            (
                json!([1]),
                ".: expected an object (a store document), found an array",
            ),
        ];
        for (doc, want) in cases {
            assert_eq!(migrate(doc).unwrap_err().to_string(), want);
        }
    }

    #[test]
    fn a_step_that_forgets_the_version_is_caught() {
        fn broken(doc: Value) -> Result<Value, StoreError> {
            Ok(doc)
        }
        let steps: &[Migration] = &[broken];
        let err = migrate_with(json!({"version": 1}), steps).unwrap_err();
        assert_eq!(err.message, "upgrade from version 1 produced version 1");
    }
}
