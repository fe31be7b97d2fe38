//! `followup schedule` and `followup ics` (issue 3).

use crate::args::CliError;

pub fn run_schedule(argv: &[String]) -> Result<String, CliError> {
    let _ = argv;
    Err(CliError("schedule: not implemented yet".into()))
}

pub fn run_ics(argv: &[String]) -> Result<String, CliError> {
    let _ = argv;
    Err(CliError("ics: not implemented yet".into()))
}
