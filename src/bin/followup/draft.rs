//! `followup draft` (issue 5).

use crate::args::CliError;

pub fn run(argv: &[String]) -> Result<String, CliError> {
    let _ = argv;
    Err(CliError("draft: not implemented yet".into()))
}
