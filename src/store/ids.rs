//! Ids made from names: interview ids from company and role, interviewer ids from names.

use crate::model::Interviewer;

/// A fresh interview id from the company and role (`acme-corp-product-manager`, then `-2`…),
/// not in `taken`.
pub fn new_interview_id(company: &str, role: &str, taken: &[&str]) -> String {
    let base = match slug(&format!("{company} {role}")) {
        s if s.is_empty() => "interview".to_string(),
        s => s
            .chars()
            .take(60)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string(),
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Gives every interviewer with an empty id one derived from their name (`Dana Lee` →
/// `dana-lee`, `dana-lee-2` if taken; `interviewer-N` without a usable name).
pub fn assign_missing_ids(people: &mut [Interviewer]) {
    if people.iter().all(|p| !p.id.is_empty()) {
        return;
    }
    let mut taken: Vec<String> = people
        .iter()
        .filter(|p| !p.id.is_empty())
        .map(|p| p.id.clone())
        .collect();
    for (n, person) in people.iter_mut().enumerate() {
        if !person.id.is_empty() {
            continue;
        }
        let base = match slug(&person.name) {
            s if s.is_empty() => format!("interviewer-{}", n + 1),
            s => s,
        };
        let mut id = base.clone();
        let mut suffix = 2;
        while taken.contains(&id) {
            id = format!("{base}-{suffix}");
            suffix += 1;
        }
        taken.push(id.clone());
        person.id = id;
    }
}

/// A lower-case, dash-separated form of `name` for ids (`Acme Corp PM` → `acme-corp-pm`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in crate::case::lower_each(name.chars()).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
