//! `followup lint`: wording checks over a file or standard input (SPEC §3.2).
//!
//! Default output is a report a person reads (line, the line itself, a caret under the span, the
//! reason, the fix); `--json` prints the findings array, the contract. `--kind` defaults to
//! `thank-you`, the most common message, so the thank-you checks run unless told otherwise.

use crate::args::{read_input, Args, CliError};
use followup::model::{Channel, Kind};
use followup::tone::{lint, Finding, LintOptions, Severity};
use std::fmt::Write as _;

/// Runs the subcommand and returns what to print.
pub fn run(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(argv, &["kind", "channel", "subject", "to"], &["json"])?;
    let path = match args.positional.as_slice() {
        [one] => one.as_str(),
        [] => {
            return Err(CliError(
                "lint: give a FILE to check, or - for standard input".into(),
            ))
        }
        more => {
            return Err(CliError(format!(
                "lint: expected one FILE, got {}",
                more.len()
            )))
        }
    };
    let options = LintOptions {
        kind: Some(args.parsed::<Kind>("kind")?.unwrap_or(Kind::ThankYou)),
        channel: args.parsed::<Channel>("channel")?.unwrap_or_default(),
        subject: args.value("subject").map(str::to_string),
        to: args.value("to").map(str::to_string),
        others: Vec::new(),
    };
    let text = read_input(path)?;
    let findings = lint(&text, &options);
    if args.switch("json") {
        let mut out = serde_json::to_string_pretty(&findings)
            .map_err(|e| CliError(format!("cannot encode findings: {e}")))?;
        out.push('\n');
        Ok(out)
    } else {
        Ok(report(&text, &findings))
    }
}

/// Byte offset of a UTF-16 offset (clamped to the text).
fn byte_of_unit(text: &str, unit: usize) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= unit {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// A readable report: one block per finding.
pub fn report(text: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let head = format!("{} [{}] {}", f.severity, f.rule, f.message);
        if f.start == f.end {
            let _ = writeln!(out, "message: {head}");
        } else {
            let start = byte_of_unit(text, f.start);
            let end = byte_of_unit(text, f.end);
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let line = text[line_start..line_end].trim_end_matches('\r');
            let line_no = text[..start].matches('\n').count() + 1;
            let col = text[line_start..start].chars().count();
            let width = text[start..end.min(line_start + line.len()).max(start)]
                .chars()
                .count()
                .max(1);
            let gutter = line_no.to_string().len();
            let _ = writeln!(out, "{line_no}:{}: {head}", col + 1);
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{line_no} | {line}");
            let _ = writeln!(
                out,
                "{:gutter$} | {}{}",
                "",
                " ".repeat(col),
                "^".repeat(width)
            );
        }
        match f.suggestion.as_deref() {
            Some("") => {
                let _ = writeln!(out, "  fix: remove it");
            }
            Some(s) => {
                let _ = writeln!(out, "  fix: {s}");
            }
            None => {}
        }
        out.push('\n');
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    if findings.is_empty() {
        out.push_str("no findings\n");
    } else {
        let _ = writeln!(
            out,
            "{} findings: {} errors, {} warnings, {} suggestions",
            findings.len(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Suggestion)
        );
    }
    out
}
