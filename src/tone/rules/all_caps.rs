//! `casual.all_caps`: words in capitals read as shouting; acronyms (SQL, PM, QA, NASA) do not.

use super::{finding, Rule};
use crate::tone::context::Context;
use crate::tone::{Category, Finding, Severity};

/// Flags shouted words: five or more capitals, or a common short word in capitals.
pub struct AllCaps;

/// Capitalised acronyms of five or more letters that are not shouting.
const ACRONYMS: &[&str] = &[
    "NASDAQ", "NVIDIA", "UNICEF", "UNESCO", "HTTPS", "OAUTH", "GRAPHQL", "SCADA", "COBOL",
    "FORTRAN", "HIPAA", "FERPA", "CISSP", "COVID", "LIDAR", "FINRA", "NASCAR", "AWSCLI", "IFRS",
    "CAPEX", "OPEX", "MBA", "CCNA", "CCNP", "PMP", "SOC2", "GDPR", "ASPCA", "MSFT", "AMZN",
    "GOOGL", "LGBTQ", "STEM", "STEAM", "JSON", "YAML", "HTML", "CSS", "SAFE", "SWIFT", "NATO",
    "TOEFL", "IELTS", "CFA", "ACCA", "CIMA", "FAANG", "MANGA", "UCLA", "MSDOS", "UNIX", "LINUX",
    "ASCII", "UTF", "SMART", "BASIC", "CRISPR", "ELISA", "MIPS", "RISC", "CISC", "FPGA", "VHDL",
    "CUDA", "ISTQB", "PCAOB", "USMLE", "NCLEX", "COBRA", "FEMA", "OSHA", "EBITDA", "WCAG",
];

/// Short words that are shouting, not acronyms, when written in capitals.
const SHORT_WORDS: &[&str] = &[
    "ALL", "AND", "ANY", "ARE", "BUT", "CAN", "DID", "FOR", "GET", "HAS", "HOW", "NOT", "NOW",
    "OUT", "THE", "WHY", "YOU", "YES", "SO", "DO", "ME", "MY", "NEED", "WANT", "JOB", "HEAR",
    "BACK", "THIS", "THAT", "WITH", "JUST", "PLS", "VERY", "MUCH", "LOVE", "BEST", "SOON", "WAIT",
    "HELP", "EVER", "BE", "IS", "IT", "TO", "OF", "WE", "GO",
];

impl Rule for AllCaps {
    fn id(&self) -> &'static str {
        "casual.all_caps"
    }

    fn description(&self) -> &'static str {
        "Flags words written in capitals for emphasis, which read as shouting."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let mut start: Option<usize> = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c.is_alphanumeric() {
                start.get_or_insert(at);
                continue;
            }
            let Some(s) = start.take() else {
                continue;
            };
            let word = text.get(s..at).unwrap_or("");
            if is_shouted(word) {
                out.push(finding(
                    "casual.all_caps",
                    Category::Casual,
                    Severity::Warning,
                    (s, at),
                    "Words in capitals read as shouting; use normal case and let the words carry the emphasis.",
                    Some(word.to_lowercase()),
                ));
            }
        }
    }
}

fn is_shouted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || word.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
        || word.chars().filter(|c| c.is_uppercase()).count() < 2
    {
        return false;
    }
    if letters >= 5 {
        // Plural acronyms ("APIS" is rare, but "KPIS"/"OKRS" happen) count as acronyms.
        let singular = word.strip_suffix('S').unwrap_or(word);
        !(ACRONYMS.contains(&word) || ACRONYMS.contains(&singular) || singular.chars().count() <= 4)
    } else {
        SHORT_WORDS.contains(&word)
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    #[test]
    fn shouting_fires_acronyms_do_not() {
        let t = "I REALLY want this. PLEASE let me know.";
        let f = run("casual.all_caps", t);
        assert_eq!(f.len(), 2);
        assert_eq!(span(t, &f[0]), "REALLY");
        assert_eq!(f[0].suggestion.as_deref(), Some("really"));
        let t = "I NEED THIS JOB";
        assert_eq!(run("casual.all_caps", t).len(), 3);
        assert!(run(
            "casual.all_caps",
            "My SQL, PM, QA and NASDAQ work; KPIS; PLC; I; A; COVID"
        )
        .is_empty());
    }

    #[test]
    fn non_latin_scripts_are_safe() {
        assert!(run("casual.all_caps", "שלום 你好 ΣΟΦΙΑ").len() <= 1);
        assert!(run("casual.all_caps", "Merci, ÉLODIE").len() == 1);
    }
}
