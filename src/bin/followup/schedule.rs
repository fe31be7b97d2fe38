//! `followup schedule` (open follow-ups, soonest first; `--json` is a stable output) and
//! `followup ics` (the same items as a calendar).

use crate::args::{now, read_store, Args, CliError};
use followup::schedule::{ics::to_ics, schedule, Due};

/// `followup schedule --store F [--now T] [--json]`: open follow-ups, soonest first.
pub fn run_schedule(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(argv, &["store", "now"], &["json"])?;
    no_positional(&args, "schedule")?;
    let store = read_store(args.required("store")?)?;
    let items = schedule(&store, now(&args)?);
    if args.switch("json") {
        let json = serde_json::to_string_pretty(&items)
            .map_err(|e| CliError(format!("cannot write JSON: {e}")))?;
        Ok(format!("{json}\n"))
    } else {
        Ok(table(&items))
    }
}

/// `followup ics --store F [--now T]`: the same items as an RFC 5545 calendar.
pub fn run_ics(argv: &[String]) -> Result<String, CliError> {
    let args = Args::parse(argv, &["store", "now"], &[])?;
    no_positional(&args, "ics")?;
    let store = read_store(args.required("store")?)?;
    Ok(to_ics(&store, now(&args)?))
}

fn no_positional(args: &Args, command: &str) -> Result<(), CliError> {
    match args.positional.first() {
        Some(extra) => Err(CliError(format!(
            "{command}: unexpected argument `{extra}`"
        ))),
        None => Ok(()),
    }
}

/// A plain-text table; the reason goes last so long sentences do not break the columns.
fn table(items: &[Due]) -> String {
    if items.is_empty() {
        return "No open follow-ups.\n".into();
    }
    let header = ["DUE", "STATUS", "KIND", "INTERVIEW", "WHO", "WHY"];
    let rows: Vec<[String; 6]> = items
        .iter()
        .map(|d| {
            // The native CLI, not the module: strftime costs nothing that ships.
            #[allow(clippy::disallowed_methods)]
            let due = d.due.format("%a %Y-%m-%d %H:%M %:z").to_string();
            [
                due,
                d.status.to_string(),
                d.kind.to_string(),
                d.interview.clone(),
                d.interviewer.clone().unwrap_or_else(|| "-".into()),
                d.reason.clone(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: [&str; 6]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let pad = widths[i].saturating_sub(cell.chars().count());
                text.push_str(cell);
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header);
    for row in &rows {
        line(row.each_ref().map(String::as_str));
    }
    out
}
