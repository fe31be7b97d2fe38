//! Phrase tables: the data files under `src/tone/data/`, parsed once at first use.
//!
//! Format (a tiny TOML-like subset, parsed here so no TOML crate ships in the WASM): `#` starts a
//! comment line; `key = value` lines before the first entry set the file's defaults (`category`,
//! `rule`, `severity`, `negatable`); each entry starts with `[phrase]` and may set `rule`,
//! `severity`, `fix` (replacement for the matched words), `why` (one sentence), `fires` (an
//! example that must be flagged), `passes` (one that must not), `also` (other spellings, separated
//! by ` | `), `negatable` (`yes`: skip when a negation such as "won't" comes just before),
//! `modifiers` (`yes`: also match with short modifiers inserted between the words, see
//! [`MODIFIERS`]: "thanks *so much* for the interview", "I was *really* nervous") and
//! `when = no-detail` (only when the message names nothing specific from the interview).
//! `negatable` and `modifiers` may also be set for the whole file before the first entry.
//!
//! Letter elongation ("sooo", "pleeease") needs nothing in the tables: the matcher folds any run
//! of three or more identical letters to one before matching.

use super::{Category, Severity};

/// When an entry applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Always.
    Always,
    /// Only when the message has no specific detail from the interview.
    NoDetail,
}

/// One phrase of a table.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The phrase as written in the table (lowercase).
    pub phrase: &'static str,
    /// Every spelling matched: the phrase and its `also` variants, folded.
    pub variants: Vec<String>,
    /// Rule id, `category.specific`.
    pub rule: &'static str,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Why, in one sentence.
    pub why: &'static str,
    /// Replacement for the matched words, if any.
    pub fix: Option<&'static str>,
    /// An example the entry must flag.
    pub fires: &'static str,
    /// An example the entry must not flag.
    pub passes: &'static str,
    /// Skip when negated ("I won't ask about salary").
    pub negatable: bool,
    /// Also matches with [`MODIFIERS`] inserted between its words.
    pub modifiers: bool,
    /// When the entry applies.
    pub when: Condition,
}

/// The committed tables, in the order they are matched.
pub const FILES: &[(&str, &str)] = &[
    ("casual", include_str!("data/casual.tbl")),
    ("crude", include_str!("data/crude.tbl")),
    ("formal", include_str!("data/formal.tbl")),
    ("generic", include_str!("data/generic.tbl")),
    ("self_centred", include_str!("data/self_centred.tbl")),
    ("salary", include_str!("data/salary.tbl")),
    ("regret", include_str!("data/regret.tbl")),
    ("pushy", include_str!("data/pushy.tbl")),
    ("spelling", include_str!("data/spelling.tbl")),
    ("grammar", include_str!("data/grammar.tbl")),
];

/// A problem in a table file: file name, line number (1-based), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// Table name.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

#[derive(Default, Clone)]
struct Draft {
    phrase: &'static str,
    line: usize,
    also: Option<&'static str>,
    rule: Option<&'static str>,
    severity: Option<Severity>,
    why: Option<&'static str>,
    fix: Option<&'static str>,
    fires: Option<&'static str>,
    passes: Option<&'static str>,
    negatable: Option<bool>,
    modifiers: Option<bool>,
    when: Option<Condition>,
}

#[derive(Default)]
struct Defaults {
    category: Option<Category>,
    rule: Option<&'static str>,
    severity: Option<Severity>,
    negatable: bool,
    modifiers: bool,
}

/// Short modifiers that `modifiers = yes` entries tolerate between their words, as words
/// (longest first).
pub const MODIFIERS: &[&[&str]] = &[
    &["so", "much"],
    &["very", "much"],
    &["so", "very"],
    &["a", "lot"],
    &["a", "bit"],
    &["a", "little"],
    &["kind", "of"],
    &["sort", "of"],
    &["so"],
    &["very"],
    &["really"],
    &["truly"],
    &["just"],
    &["again"],
    &["all"],
    &["sincerely"],
    &["greatly"],
    &["genuinely"],
    &["honestly"],
    &["kindly"],
    &["quite"],
    &["super"],
    &["extremely"],
    &["incredibly"],
    &["pretty"],
];

/// Folds a phrase or text the way the matcher does: ASCII and simple Unicode lowercase, curly
/// quotes to straight ones, any run of whitespace to one space.
pub fn fold_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.push(fold_char(c));
    }
    out
}

/// The per-char part of [`fold_phrase`].
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        _ => crate::text::lower_char(c),
    }
}

/// Parses one table file.
pub fn parse(file: &'static str, source: &'static str) -> (Vec<Entry>, Vec<TableError>) {
    let mut defaults = Defaults::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut errors = Vec::new();
    let err = |line: usize, problem: String| TableError {
        file,
        line,
        problem,
    };
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
                "category" => value
                    .parse::<Category>()
                    .map(|c| defaults.category = Some(c))
                    .map_err(|e| e.to_string()),
                "rule" => {
                    defaults.rule = Some(value);
                    Ok(())
                }
                "severity" => value
                    .parse::<Severity>()
                    .map(|s| defaults.severity = Some(s))
                    .map_err(|e| e.to_string()),
                "negatable" => yes_no(value).map(|b| defaults.negatable = b),
                "modifiers" => yes_no(value).map(|b| defaults.modifiers = b),
                _ => Err(format!("unknown file key `{key}`")),
            },
            Some(d) => match key {
                "rule" => {
                    d.rule = Some(value);
                    Ok(())
                }
                "severity" => value
                    .parse::<Severity>()
                    .map(|s| d.severity = Some(s))
                    .map_err(|e| e.to_string()),
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
                        d.when = Some(Condition::NoDetail);
                        Ok(())
                    }
                    "always" => {
                        d.when = Some(Condition::Always);
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
        if !category.owns_rule(rule) || !rule.contains('.') {
            errors.push(err(
                d.line,
                format!("rule `{rule}` is not in category `{category}`"),
            ));
        }
        let mut variants = vec![fold_phrase(d.phrase)];
        if let Some(also) = d.also {
            variants.extend(also.split('|').map(fold_phrase).filter(|v| !v.is_empty()));
        }
        entries.push(Entry {
            phrase: d.phrase,
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
            when: d.when.unwrap_or(Condition::Always),
        });
    }
    (entries, errors)
}

/// Every entry of every committed table, plus any problems found while parsing them.
pub fn load() -> (Vec<Entry>, Vec<TableError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (file, source) in FILES {
        let (e, r) = parse(file, source);
        entries.extend(e);
        errors.extend(r);
    }
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_tables_parse_cleanly() {
        let (entries, errors) = load();
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(entries.len() > 100, "only {} entries", entries.len());
    }

    #[test]
    fn parser_reports_bad_lines_with_their_number() {
        let (entries, errors) = parse(
            "t",
            "category = casual\nrule = casual.x\nseverity = warning\n[yo]\nwhy = w\nfires = yo\nbogus\n",
        );
        assert!(entries.is_empty());
        assert_eq!(errors[0].line, 7);
        assert!(errors[1].problem.contains("needs"));
    }

    #[test]
    fn phrases_fold_quotes_case_and_spaces() {
        assert_eq!(fold_phrase("  Can’t   WAIT "), "can't wait");
    }
}
