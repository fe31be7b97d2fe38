//! `followup`: the native CLI over the pure core. The `--json` output of each command is a stable
//! contract; exit code 0 means it ran (findings are not errors), 2 means bad input.

mod args;
mod draft;
mod lint;
mod reply;
mod schedule;

use std::process::ExitCode;

const USAGE: &str = "usage:
  followup lint  [--kind KIND] [--channel email|linkedin|linkedin-note] [--subject S] [--to NAME]
                 [--store STORE.json --interview ID [--interviewer ID]] [--others FILE]... [--json] FILE|-
  followup draft --store STORE.json --interview ID [--interviewer ID] --kind KIND [--channel CH] [--now RFC3339] [--json]
  followup schedule --store STORE.json [--now RFC3339] [--json]
  followup ics   --store STORE.json [--now RFC3339]
  followup reply [--subject S] [--json] FILE|-      what a recruiter's reply says, and the outcome to record";

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    let command = argv.next();
    let rest: Vec<String> = argv.collect();
    let result = match command.as_deref() {
        Some("lint") => lint::run(&rest),
        Some("draft") => draft::run(&rest),
        Some("schedule") => schedule::run_schedule(&rest),
        Some("ics") => schedule::run_ics(&rest),
        Some("reply") => reply::run(&rest),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(args::CliError(format!(
            "unknown command `{other}`; try `followup --help`"
        ))),
        None => Err(args::CliError(
            "no command given; try `followup --help`".into(),
        )),
    };
    match result {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("followup: {}", e.0);
            ExitCode::from(2)
        }
    }
}
