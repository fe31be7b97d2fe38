//! `casual.all_caps`: words in capitals read as shouting; acronyms (SQL, PM, QA, IT, NASDAQ) do
//! not.
//!
//! A word in capitals is shouting when
//! - it has six or more letters and is not a known acronym (or its plural: "KPIS"), or five
//!   next to other shouted words (a five-letter capitals word alone is as often an acronym,
//!   "IACUC", "CMMI", as a shout; the common shouted ones are in [`EMPHASIS`]), or
//! - it is a short common word (see [`SHORT_WORDS`]) and a neighbouring word is in capitals too
//!   ("I NEED THIS JOB"): a short capitals token among normal-case words is almost always an
//!   acronym ("the IT team", "HR and QA", "US market"), or
//! - it is a short word that is only ever emphasis ([`EMPHASIS`]: "I am SO excited").
//!
//! Bare-capitals template slots ("Dear NAME,", "COMPANY NAME") are placeholders, reported by
//! [`super::placeholder`], not shouting.

use super::rule::{finding, Rule};
use crate::case::Lowercase as _;
use crate::tone::context::Context;
use crate::tone::types::{Category, Finding, Severity};
use crate::tone::words::Word;

/// Flags shouted words.
pub struct AllCaps;

/// Capitalised acronyms of five or more letters that are not shouting.
const ACRONYMS: &[&str] = &[
    "NASDAQ", "NVIDIA", "UNICEF", "UNESCO", "HTTPS", "OAUTH", "GRAPHQL", "SCADA", "COBOL",
    "FORTRAN", "HIPAA", "FERPA", "CISSP", "COVID", "LIDAR", "FINRA", "NASCAR", "AWSCLI", "IFRS",
    "CAPEX", "OPEX", "MBA", "CCNA", "CCNP", "PMP", "SOC2", "GDPR", "ASPCA", "MSFT", "AMZN",
    "GOOGL", "LGBTQ", "STEM", "STEAM", "JSON", "YAML", "HTML", "CSS", "SAFE", "SWIFT", "NATO",
    "TOEFL", "IELTS", "CFA", "ACCA", "CIMA", "FAANG", "MANGA", "UCLA", "MSDOS", "UNIX", "LINUX",
    "ASCII", "UTF", "SMART", "BASIC", "CRISPR", "ELISA", "MIPS", "RISC", "CISC", "FPGA", "VHDL",
    "CUDA", "ISTQB", "PCAOB", "USMLE", "NCLEX", "COBRA", "FEMA", "OSHA", "EBITDA", "WCAG", "DARPA",
    "NAACP", "USAID", "SCOTUS", "PMBOK", "ERISA", "NIOSH", "AICPA", "ICANN", "OPSEC", "CMMC",
    "FHIR", "SNOMED", "CPHIMS", "MCAT", "LSAT", "GMAT", "NCAA", "NIEHS", "AASHTO", "ASHRAE",
    "NFPA", "SPSS", "MATLAB", "LATEX", "FIFO", "LIFO", "GAAP", "SOLID", "REST", "CRUD", "DEVOPS",
    "MLOPS", "SECOPS", "NOSQL", "MYSQL", "CEQA", "NEPA", "HUBZONE", "SBIR", "ABET", "RCRA",
    "CERCLA", "OSHAS", "HACCP", "USDA", "ADHD", "PTSD", "AACSB", "WIOA", "SNAP", "TANF", "CHIP",
    "MEDICAID", "JIRA", "EPIC", "CERNER", "BASEL", "MIFID", "FATCA", "AMEX", "NYSE", "UBS", "KPMG",
    "HSBC", "BMW", "IKEA", "LEGO", "ASML", "TSMC", "SAMSUNG", "CVS", "AARP", "YMCA", "YWCA",
    "UNHCR", "UNDP", "UNFPA", "NASA", "NOAA", "NIST", "CERN", "IEEE",
];

/// Short common words that are shouting, not acronyms, when written in capitals next to other
/// capitals.
const SHORT_WORDS: &[&str] = &[
    "ALL", "AND", "ANY", "ARE", "BUT", "CAN", "DID", "FOR", "GET", "HAS", "HOW", "NOT", "NOW",
    "OUT", "THE", "WHY", "YOU", "YES", "SO", "DO", "ME", "MY", "NEED", "WANT", "JOB", "HEAR",
    "BACK", "THIS", "THAT", "WITH", "JUST", "PLS", "VERY", "MUCH", "LOVE", "BEST", "SOON", "WAIT",
    "HELP", "EVER", "BE", "IS", "IT", "TO", "OF", "WE", "GO", "AM", "AN", "AT", "IN", "ON", "OR",
    "UP", "WAS", "HAD", "HIM", "HER", "HIS", "OUR", "WHO", "YOUR", "WILL", "BEEN", "HAVE", "FROM",
    "WHAT", "WHEN", "REAL", "SURE", "TRY", "ROLE", "TEAM", "GIVE",
];

/// Short words that are emphasis whatever their neighbours ("I am SO excited").
const EMPHASIS: &[&str] = &[
    "SO", "VERY", "MUCH", "NEED", "WANT", "PLS", "LOVE", "SOON", "JUST", "REAL", "SURE", "YES",
    "GREAT", "HAPPY", "THANK", "SORRY", "TRULY", "NEVER", "EVERY", "SUPER", "TOTAL", "BADLY",
    "WOULD", "THINK", "MUST", "ONLY", "BEEN", "HOPE", "COOL", "WOW", "OMG", "LOL",
];

impl Rule for AllCaps {
    fn id(&self) -> &'static str {
        "casual.all_caps"
    }

    #[cfg(test)]
    fn description(&self) -> &'static str {
        "Flags words written in capitals for emphasis, which read as shouting."
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let words = &cx.words;
        let slots = &cx.caps_slots;
        for (i, w) in words.iter().enumerate() {
            if !w.is_caps() || slots.iter().any(|&(s, e)| s <= w.start && w.end <= e) {
                continue;
            }
            let neighbour_caps = |j: Option<usize>| {
                j.and_then(|j| words.get(j)).is_some_and(|n: &Word<'_>| {
                    n.is_caps() && (SHORT_WORDS.contains(&n.text) || is_shouted(n.text, false))
                })
            };
            let among_caps = neighbour_caps(i.checked_sub(1)) || neighbour_caps(Some(i + 1));
            if is_shouted(w.text, among_caps) {
                out.push(finding(
                    "casual.all_caps",
                    Category::Casual,
                    Severity::Warning,
                    (w.start, w.end),
                    "Words in capitals read as shouting; use normal case and let the words carry the emphasis.",
                    Some(w.text.lowercase()),
                ));
            }
        }
    }
}

/// Whether a word already known to be in capitals is shouting; `among_caps`: a neighbour is in
/// capitals too.
fn is_shouted(word: &str, among_caps: bool) -> bool {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 6 || (letters == 5 && among_caps) {
        // Plural acronyms ("KPIS", "OKRS") count as acronyms.
        let singular = word.strip_suffix('S').unwrap_or(word);
        !(ACRONYMS.contains(&word) || ACRONYMS.contains(&singular) || singular.chars().count() <= 4)
    } else {
        EMPHASIS.contains(&word) || (among_caps && SHORT_WORDS.contains(&word))
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::rules::testing::{run, span};

    fn shouted(text: &str) -> Vec<String> {
        run("casual.all_caps", text)
            .iter()
            .map(|f| span(text, f))
            .collect()
    }

    #[test]
    fn shouting_fires() {
        let t = "I REALLY want this. PLEASE let me know.";
        let f = run("casual.all_caps", t);
        assert_eq!(f.len(), 2);
        assert_eq!(span(t, &f[0]), "REALLY");
        assert_eq!(f[0].suggestion.as_deref(), Some("really"));
        for (t, want) in [
            ("I NEED THIS JOB", &["NEED", "THIS", "JOB"][..]),
            ("I am SO excited", &["SO"]),
            (
                "PLEASE GET BACK TO ME",
                &["PLEASE", "GET", "BACK", "TO", "ME"],
            ),
            ("It was AMAZING", &["AMAZING"]),
        ] {
            assert_eq!(shouted(t), want, "{t}");
        }
    }

    #[test]
    fn acronyms_do_not_fire() {
        for t in [
            "My SQL, PM, QA and NASDAQ work; KPIS; PLC; I; A; COVID",
            "I enjoyed meeting the IT team and hearing about the HR portal.",
            "My MBA from NYU, my AI and UX work, and the NYC office.",
            "Is IT OK to send the deck? I led QA AND release work.",
            "The US market, the EU rollout and GAAP reporting.",
            "The new IACUC protocols and the CMMI audit.",
        ] {
            assert!(shouted(t).is_empty(), "{t}: {:?}", shouted(t));
        }
    }

    #[test]
    fn non_latin_scripts_are_safe() {
        assert!(run("casual.all_caps", "שלום 你好 ΣΟΦΙΑ").len() <= 1);
        assert!(run("casual.all_caps", "Merci, ÉLODIE").len() == 1);
    }
}
