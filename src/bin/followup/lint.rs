//! `followup lint` (issue 4).

use crate::args::CliError;

pub fn run(argv: &[String]) -> Result<String, CliError> {
    let _ = argv;
    Err(CliError("lint: not implemented yet".into()))
}
