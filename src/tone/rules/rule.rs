//! What every rule is ([`Rule`]) and how it reports ([`finding`]).

use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use std::borrow::Cow;

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

/// Builds a finding (byte offsets until [`crate::tone::lint`] converts them). Kept out of line:
/// inlined into each of the thirty-odd rules that call it, the in-page module was 177.3 KB
/// gzipped instead of 177.0, and no faster.
#[inline(never)]
pub(crate) fn finding(
    rule: &'static str,
    category: Category,
    severity: Severity,
    (start, end): (usize, usize),
    message: impl Into<Cow<'static, str>>,
    suggestion: Option<String>,
) -> Finding {
    Finding {
        rule: Cow::Borrowed(rule),
        category,
        severity,
        start,
        end,
        message: message.into(),
        suggestion,
    }
}
