//! Running the `followup` binary from the integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `followup COMMAND ARGS…` with `stdin` (any bytes) on its standard input.
pub fn run_with_stdin(command: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
        .arg(command)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn followup");
    // The binary may exit before reading (bad flags): a broken pipe here is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("wait")
}
