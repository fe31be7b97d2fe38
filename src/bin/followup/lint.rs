//! `followup lint`: wording checks over a file or standard input.
//!
//! Default output is a report a person reads (line, the line itself, a caret under the span, the
//! reason, the fix); `--json` prints the findings array, the contract. `--kind` defaults to
//! `thank-you`, the most common message, so the thank-you checks run unless told otherwise.
//!
//! With `--store STORE.json --interview ID [--interviewer ID]` the check knows the interview:
//! the interviewer's topics, the skills and promised items count as specific details, and the
//! recipient defaults to the interviewer (`--to` still wins). `--others FILE` (repeatable) gives
//! the messages already written to the other interviewers, for the duplicate check.

use crate::args::{read_input, read_store, Args, CliError};
use followup::model::{Channel, Kind};
use followup::tone::{lint_with, Facts, Finding, LintOptions, Severity};
use std::fmt::Write as _;

/// Runs the subcommand and returns what to print.
pub fn run(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(
        argv,
        &[
            "kind",
            "channel",
            "subject",
            "to",
            "store",
            "interview",
            "interviewer",
            "others",
        ],
        &["json"],
    )?;
    let path = args.one_file("lint", "to check")?;
    let (facts, interviewer_name) = known_interview(&args)?;
    let others = args
        .values("others")
        .into_iter()
        .map(read_input)
        .collect::<Result<Vec<_>, _>>()?;
    let options = LintOptions {
        kind: Some(args.parsed::<Kind>("kind")?.unwrap_or(Kind::ThankYou)),
        channel: args.parsed::<Channel>("channel")?.unwrap_or_default(),
        subject: args.value("subject").map(str::to_string),
        to: args.value("to").map(str::to_string).or(interviewer_name),
        others,
    };
    let text = read_input(path)?;
    let findings = lint_with(&text, &options, &facts);
    if args.switch("json") {
        let mut out = serde_json::to_string_pretty(&findings)
            .map_err(|e| CliError(format!("cannot encode findings: {e}")))?;
        out.push('\n');
        Ok(out)
    } else {
        Ok(report(&text, &findings))
    }
}

/// The interview's facts and the interviewer's name, from `--store/--interview/--interviewer`.
fn known_interview(args: &Args) -> Result<(Facts, Option<String>), CliError> {
    let Some(store_path) = args.value("store") else {
        if args.value("interview").is_some() || args.value("interviewer").is_some() {
            return Err(CliError("--interview needs --store".into()));
        }
        return Ok((Facts::default(), None));
    };
    let store = read_store(store_path)?;
    let id = args.required("interview")?;
    let interview = store
        .interviews
        .iter()
        .find(|i| i.id == id)
        .ok_or_else(|| CliError(format!("no interview `{id}` in {store_path}")))?;
    let who = args.value("interviewer");
    let person = match who {
        Some(pid) => Some(
            interview
                .interviewers
                .iter()
                .find(|p| p.id == pid)
                .ok_or_else(|| CliError(format!("no interviewer `{pid}` in interview `{id}`")))?,
        ),
        None if interview.interviewers.len() == 1 => interview.interviewers.first(),
        None => None,
    };
    let facts = Facts::of_interview(interview, person.map(|p| p.id.as_str()));
    Ok((facts, person.map(|p| p.name.clone())))
}

/// Where a UTF-16 offset lands: byte offset and char index.
#[derive(Clone, Copy, Default)]
struct Place {
    byte: usize,
    char: usize,
}

/// Converts every finding's offsets to [`Place`]s in one pass over the text.
fn places(text: &str, findings: &[Finding]) -> Vec<(Place, Place)> {
    let mut wanted: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .flat_map(|(i, f)| [(f.start, 2 * i), (f.end, 2 * i + 1)])
        .collect();
    followup::order::sort(&mut wanted);
    let mut out = vec![Place::default(); 2 * findings.len()];
    let mut chars = followup::fold::char_indices(text).enumerate().peekable();
    let (mut units, mut place) = (0, Place::default());
    for (unit, slot) in wanted {
        while units < unit {
            let Some((n, (at, c))) = chars.next() else {
                break;
            };
            units += c.len_utf16();
            place = Place {
                byte: at + c.len_utf8(),
                char: n + 1,
            };
        }
        if let Some(p) = out.get_mut(slot) {
            *p = place;
        }
    }
    out.chunks_exact(2).map(|p| (p[0], p[1])).collect()
}

/// At most this many chars of a line are shown on each side of a span.
const CONTEXT_CHARS: usize = 60;

/// A readable report: one block per finding. Linear in the text plus the findings: offsets are
/// converted in one pass, lines are found by binary search, and a long line is shown as a window
/// around the span.
pub fn report(text: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    // Byte offset and char index of every line start.
    let mut line_starts = vec![Place::default()];
    for (n, (at, c)) in followup::fold::char_indices(text).enumerate() {
        if c == '\n' {
            line_starts.push(Place {
                byte: at + 1,
                char: n + 1,
            });
        }
    }
    for (f, (start, end)) in findings.iter().zip(places(text, findings)) {
        let head = format!("{} [{}] {}", f.severity, f.rule, f.message);
        if f.start == f.end {
            let _ = writeln!(out, "message: {head}");
        } else {
            let line_index = line_starts
                .partition_point(|p| p.byte <= start.byte)
                .saturating_sub(1);
            let line_start = line_starts.get(line_index).copied().unwrap_or_default();
            let line_end = line_starts
                .get(line_index + 1)
                .map_or(text.len(), |p| p.byte.saturating_sub(1));
            let line = text.get(line_start.byte..line_end).unwrap_or("");
            let line = line.strip_suffix('\r').unwrap_or(line);
            let col = start.char - line_start.char;
            let line_chars = line_starts
                .get(line_index + 1)
                .map_or(usize::MAX, |p| p.char.saturating_sub(1) - line_start.char);
            let width = end
                .char
                .min(line_start.char + line_chars)
                .saturating_sub(start.char)
                .max(1);
            // The window: up to CONTEXT_CHARS chars either side, found by walking from the span
            // (never from the line start, which may be megabytes away).
            let before = line.get(..start.byte - line_start.byte).unwrap_or("");
            // Backwards: the crate's iterator runs forwards only (and this is the native CLI).
            #[allow(clippy::disallowed_methods)]
            let window_start = before
                .char_indices()
                .rev()
                .take(CONTEXT_CHARS)
                .last()
                .map_or(before.len(), |(at, _)| at);
            let skip = col - before.get(window_start..).map_or(0, |b| b.chars().count());
            let shown: String = line
                .get(window_start..)
                .unwrap_or("")
                .chars()
                .take(col - skip + width + CONTEXT_CHARS)
                .collect();
            let lead = if skip > 0 { "…" } else { "" };
            let line_no = line_index + 1;
            let gutter = line_no.to_string().len();
            let _ = writeln!(out, "{line_no}:{}: {head}", col + 1);
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{line_no} | {lead}{shown}");
            let _ = writeln!(
                out,
                "{:gutter$} | {}{}",
                "",
                " ".repeat(col - skip + lead.chars().count()),
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
        let _ = writeln!(out, "{}", followup::tone::verdict(findings).text);
    }
    out
}
