//! A small flag parser shared by the subcommands: `--flag VALUE`, `--switch`, one positional.
#![allow(dead_code)] // Removed once every subcommand is implemented (issues 3–5).

use std::collections::BTreeMap;
use std::io::Read;

/// A bad-input error: printed on one line, exit code 2.
#[derive(Debug)]
pub struct CliError(pub String);

/// Parsed arguments.
#[derive(Debug, Default)]
pub struct Args {
    values: BTreeMap<String, String>,
    /// Every `--flag VALUE` in order, for flags that may repeat.
    all: Vec<(String, String)>,
    switches: Vec<String>,
    /// Positional arguments.
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `argv`; `valued` lists flags that take a value, `switches` those that do not.
    pub fn parse(argv: &[String], valued: &[&str], switches: &[&str]) -> Result<Args, CliError> {
        let mut out = Args::default();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                if valued.contains(&name) {
                    let v = it
                        .next()
                        .ok_or_else(|| CliError(format!("--{name} needs a value")))?;
                    out.values.insert(name.to_string(), v.clone());
                    out.all.push((name.to_string(), v.clone()));
                } else if switches.contains(&name) {
                    out.switches.push(name.to_string());
                } else {
                    return Err(CliError(format!("unknown option --{name}")));
                }
            } else {
                out.positional.push(a.clone());
            }
        }
        Ok(out)
    }

    /// The value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Every value of a repeatable `--name`, in order.
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.all
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value of `--name`, or an error saying it is required.
    pub fn required(&self, name: &str) -> Result<&str, CliError> {
        self.value(name)
            .ok_or_else(|| CliError(format!("--{name} is required")))
    }

    /// The one FILE (or `-`) `command` reads, or an error saying what `what` it wants.
    pub fn one_file(&self, command: &str, what: &str) -> Result<&str, CliError> {
        match self.positional.as_slice() {
            [one] => Ok(one.as_str()),
            [] => Err(CliError(format!(
                "{command}: give a FILE {what}, or - for standard input"
            ))),
            more => Err(CliError(format!(
                "{command}: expected one FILE, got {}",
                more.len()
            ))),
        }
    }

    /// Whether `--name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    /// Parses `--name` with `FromStr`, naming the flag in the error.
    pub fn parsed<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, CliError>
    where
        T::Err: std::fmt::Display,
    {
        self.value(name)
            .map(|v| {
                v.parse::<T>()
                    .map_err(|e| CliError(format!("--{name}: {e}")))
            })
            .transpose()
    }
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<String, CliError> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| CliError(format!("cannot read standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| CliError(format!("cannot read {path}: {e}")))
    }
}

/// Reads and parses a store file.
pub fn read_store(path: &str) -> Result<followup::model::Store, CliError> {
    let text = read_input(path)?;
    followup::store::parse(&text).map_err(|e| CliError(format!("{path}: {e}")))
}

/// Parses `--now`, defaulting to the current time in UTC.
pub fn now(args: &Args) -> Result<chrono::DateTime<chrono::FixedOffset>, CliError> {
    match args.value("now") {
        Some(v) => chrono::DateTime::parse_from_rfc3339(v)
            .map_err(|e| CliError(format!("--now: not an RFC 3339 time ({e})"))),
        None => Ok(chrono::Utc::now().fixed_offset()),
    }
}
