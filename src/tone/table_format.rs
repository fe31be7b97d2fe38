//! The phrase-table file format, parsed by `build.rs` at compile time (and by this crate's tests).
//! No dependencies beyond [`crate::fold`], which `build.rs` includes too.
//!
//! Format (a tiny TOML-like subset): `#` starts a comment line; `key = value` lines before the
//! first entry set the file's defaults (`category`, `rule`, `severity`, `negatable`,
//! `modifiers`); each entry starts with `[phrase]` and may set `rule`, `severity`, `fix`,
//! `why`, `fires`, `passes`, `also` (other spellings, separated by ` | `), `negatable`,
//! `modifiers` and `when` (`always` or `no-detail`). Every entry needs a rule, a severity, a
//! why, an example it fires on and one it passes.

/// One entry as written, its spellings folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry<'a> {
    /// The phrase in brackets.
    pub phrase: &'a str,
    /// 1-based line of the `[phrase]` header.
    pub line: usize,
    /// The phrase and its `also` spellings, folded with [`crate::fold::fold_phrase`].
    pub variants: Vec<String>,
    /// Rule id.
    pub rule: &'a str,
    /// Category name.
    pub category: &'a str,
    /// `error`, `warning` or `suggestion`.
    pub severity: &'a str,
    /// Why, in one sentence.
    pub why: &'a str,
    /// Replacement for the matched words.
    pub fix: Option<&'a str>,
    /// An example that must be flagged.
    pub fires: &'a str,
    /// An example that must not be flagged.
    pub passes: &'a str,
    /// Skip when negated.
    pub negatable: bool,
    /// Tolerate short modifiers between the words.
    pub modifiers: bool,
    /// Only when the message names no detail.
    pub no_detail: bool,
}

/// A problem on one line of a table file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

#[derive(Default)]
struct Draft<'a> {
    phrase: &'a str,
    line: usize,
    also: Option<&'a str>,
    rule: Option<&'a str>,
    severity: Option<&'a str>,
    why: Option<&'a str>,
    fix: Option<&'a str>,
    fires: Option<&'a str>,
    passes: Option<&'a str>,
    negatable: Option<bool>,
    modifiers: Option<bool>,
    no_detail: Option<bool>,
}

#[derive(Default)]
struct Defaults<'a> {
    category: Option<&'a str>,
    rule: Option<&'a str>,
    severity: Option<&'a str>,
    negatable: bool,
    modifiers: bool,
}

const SEVERITIES: &[&str] = &["error", "warning", "suggestion"];

fn severity(value: &str) -> Result<&str, String> {
    if SEVERITIES.contains(&value) {
        Ok(value)
    } else {
        Err(format!("unknown severity `{value}`"))
    }
}

/// Parses one table file.
pub fn parse(source: &str) -> (Vec<RawEntry<'_>>, Vec<FormatError>) {
    let mut defaults = Defaults::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut errors = Vec::new();
    let err = |line: usize, problem: String| FormatError { line, problem };
    for (n, raw) in source.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            match rest.strip_suffix(']') {
                Some(phrase) if !phrase.trim().is_empty() => drafts.push(Draft {
                    phrase: phrase.trim(),
                    line: line_no,
                    ..Draft::default()
                }),
                _ => errors.push(err(line_no, format!("bad entry header `{line}`"))),
            }
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            errors.push(err(
                line_no,
                format!("expected `key = value`, got `{line}`"),
            ));
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        let yes_no = |v: &str| match v {
            "yes" => Ok(true),
            "no" => Ok(false),
            _ => Err(format!("`{key}` must be yes or no, got `{v}`")),
        };
        let result: Result<(), String> = match drafts.last_mut() {
            None => match key {
                "category" => {
                    defaults.category = Some(value);
                    Ok(())
                }
                "rule" => {
                    defaults.rule = Some(value);
                    Ok(())
                }
                "severity" => severity(value).map(|s| defaults.severity = Some(s)),
                "negatable" => yes_no(value).map(|b| defaults.negatable = b),
                "modifiers" => yes_no(value).map(|b| defaults.modifiers = b),
                _ => Err(format!("unknown file key `{key}`")),
            },
            Some(d) => match key {
                "rule" => {
                    d.rule = Some(value);
                    Ok(())
                }
                "severity" => severity(value).map(|s| d.severity = Some(s)),
                "why" => {
                    d.why = Some(value);
                    Ok(())
                }
                "fix" => {
                    d.fix = (!value.is_empty()).then_some(value);
                    Ok(())
                }
                "fires" => {
                    d.fires = Some(value);
                    Ok(())
                }
                "passes" => {
                    d.passes = Some(value);
                    Ok(())
                }
                "also" => {
                    d.also = Some(value);
                    Ok(())
                }
                "negatable" => yes_no(value).map(|b| d.negatable = Some(b)),
                "modifiers" => yes_no(value).map(|b| d.modifiers = Some(b)),
                "when" => match value {
                    "no-detail" => {
                        d.no_detail = Some(true);
                        Ok(())
                    }
                    "always" => {
                        d.no_detail = Some(false);
                        Ok(())
                    }
                    _ => Err(format!("unknown condition `{value}`")),
                },
                _ => Err(format!("unknown entry key `{key}`")),
            },
        };
        if let Err(problem) = result {
            errors.push(err(line_no, problem));
        }
    }
    let mut entries = Vec::with_capacity(drafts.len());
    for d in drafts {
        let Some(category) = defaults.category else {
            errors.push(err(d.line, "file has no `category`".into()));
            continue;
        };
        let (Some(rule), Some(severity), Some(why), Some(fires), Some(passes)) = (
            d.rule.or(defaults.rule),
            d.severity.or(defaults.severity),
            d.why,
            d.fires,
            d.passes,
        ) else {
            errors.push(err(
                d.line,
                format!(
                    "entry `{}` needs rule, severity, why, fires and passes",
                    d.phrase
                ),
            ));
            continue;
        };
        if !rule.contains('.') {
            errors.push(err(
                d.line,
                format!("rule `{rule}` is not `category.specific`"),
            ));
        }
        let mut variants = vec![crate::fold::fold_phrase(d.phrase)];
        if let Some(also) = d.also {
            variants.extend(
                also.split('|')
                    .map(crate::fold::fold_phrase)
                    .filter(|v| !v.is_empty()),
            );
        }
        entries.push(RawEntry {
            phrase: d.phrase,
            line: d.line,
            variants,
            rule,
            category,
            severity,
            why,
            fix: d.fix,
            fires,
            passes,
            negatable: d.negatable.unwrap_or(defaults.negatable),
            modifiers: d.modifiers.unwrap_or(defaults.modifiers),
            no_detail: d.no_detail.unwrap_or(false),
        });
    }
    (entries, errors)
}
