//! `followup reply`: what a recruiter's reply says (rejection, offer or next round, scheduling,
//! an automatic answer, or other) and the outcome to record for it.

use crate::args::{read_input, Args, CliError};
use followup::reply::classify;

/// Runs the command.
pub fn run(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(argv, &["subject"], &["json"])?;
    let path = args.one_file("reply", "with the reply's text")?;
    let body = read_input(path)?;
    let found = classify(args.value("subject").unwrap_or(""), &body);
    let outcome = found.outcome().map(|o| o.as_str());
    if args.switch("json") {
        let value = serde_json::json!({
            "kind": found.kind.as_str(),
            "outcome": outcome,
            "cue": found.cue,
            "reason": found.reason(),
        });
        return Ok(format!("{value}\n"));
    }
    let record = match outcome {
        Some(o) => format!("record a {o} reply"),
        None => "not a reply: record nothing".into(),
    };
    Ok(format!(
        "{} ({record}). {}\n",
        found.kind.as_str(),
        found.reason()
    ))
}
