//! What every rule is ([`Rule`]) and how it reports ([`finding`]).

use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};

/// One wording check.
pub trait Rule: Sync {
    /// Rule id (`category.specific`), or the family prefix for a rule that reports several ids.
    fn id(&self) -> &'static str;
    /// One line saying what the rule looks for (tests only for now: nothing shown to the user
    /// reads it, so the shipped modules leave the sentences out).
    #[cfg(test)]
    fn description(&self) -> &'static str;
    /// Appends findings with **byte** offsets into `cx.text`; [`crate::tone::lint`] converts them.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Builds a finding (byte offsets until [`crate::tone::lint`] converts them).
pub(crate) fn finding(
    rule: &str,
    category: Category,
    severity: Severity,
    (start, end): (usize, usize),
    message: impl Into<String>,
    suggestion: Option<String>,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        category,
        severity,
        start,
        end,
        message: message.into(),
        suggestion,
    }
}
