//! `followup draft`: writes one follow-up draft from a store. With `--json` it prints the draft
//! object (`kind`, `channel`, `subject`, `body`, `to`, `findings`), a stable output scripts rely on.

use crate::args::{self, Args, CliError};
use followup::draft::{draft, Draft, DraftRequest};
use followup::model::{Channel, Kind};
use followup::tone::Finding;
use std::fmt::Write as _;

/// Runs `followup draft`; returns what to print.
pub fn run(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(
        argv,
        &[
            "store",
            "interview",
            "interviewer",
            "kind",
            "channel",
            "now",
        ],
        &["json"],
    )?;
    if let Some(extra) = args.positional.first() {
        return Err(CliError(format!("draft: unexpected argument `{extra}`")));
    }
    let store = args::read_store(args.required("store")?)?;
    let kind: Kind = args
        .parsed("kind")?
        .ok_or_else(|| CliError("--kind is required".into()))?;
    let request = DraftRequest {
        interview: args.required("interview")?.to_string(),
        interviewer: args.value("interviewer").map(str::to_string),
        kind,
        channel: args.parsed::<Channel>("channel")?.unwrap_or_default(),
        now: Some(args::now(&args)?),
    };
    let written = draft(&store, &request).map_err(|e| CliError(e.to_string()))?;
    if args.switch("json") {
        let mut json = serde_json::to_string_pretty(&written)
            .map_err(|e| CliError(format!("cannot write JSON: {e}")))?;
        json.push('\n');
        Ok(json)
    } else {
        Ok(readable(&written))
    }
}

/// The human-readable form: headers, the body, then the findings.
pub fn readable(written: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Kind: {} ({})", written.kind, written.channel);
    if let Some(subject) = &written.subject {
        let _ = writeln!(out, "Subject: {subject}");
    }
    if let Some(to) = &written.to {
        let _ = writeln!(out, "To: {to}");
    }
    let _ = writeln!(out, "\n{}\n", written.body);
    if written.findings.is_empty() {
        out.push_str("Findings: none\n");
    } else {
        out.push_str("Findings:\n");
        for finding in &written.findings {
            let _ = writeln!(out, "- {}", finding_line(finding));
        }
    }
    out
}

fn finding_line(finding: &Finding) -> String {
    let mut line = format!("{} {}", finding.severity, finding.rule);
    if finding.start != finding.end {
        let _ = write!(line, " [{}..{}]", finding.start, finding.end);
    }
    let _ = write!(line, ": {}", finding.message);
    if let Some(suggestion) = &finding.suggestion {
        let _ = write!(line, " (try: \"{suggestion}\")");
    }
    line
}
