//! The add/edit interview form and the settings form: plain strings as typed (so an unsent
//! form can be kept in Web Storage as is), field-by-field validation in plain words, and the
//! conversion to store-format values.
//!
//! Field names are the `name` attributes of the popup's inputs: `company`, `role`, `at`,
//! `format`, `industry`, `stage`, `decision_by`, `skills`, `promised`, `primary` (the index of
//! the main contact) and `people.N.name|title|email|linkedin|topics` for the N-th person.

use crate::model::{Channel, Format, Industry, Interview, Interviewer, Profile, Stage};
use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Timelike};
use serde::{Deserialize, Serialize};

/// Most people one interview can list (a panel larger than this is entered by main contacts).
pub const MAX_PEOPLE: usize = 20;
/// Longest one-line field, in characters.
pub const MAX_LINE: usize = 200;
/// Longest multi-line field (topics, skills, promised items, signature), in characters.
pub const MAX_TEXT: usize = 2000;

/// The interview form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewForm {
    /// Id of the interview being edited; empty for a new one.
    pub id: String,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Date and time, `YYYY-MM-DDTHH:MM` local.
    pub at: String,
    /// `phone`, `video`, `onsite` or empty.
    pub format: String,
    /// An industry spelling or empty.
    pub industry: String,
    /// A stage spelling or empty.
    pub stage: String,
    /// `YYYY-MM-DD` or empty.
    pub decision_by: String,
    /// Skills, separated by commas or lines.
    pub skills: String,
    /// Promised items, separated by commas or lines.
    pub promised: String,
    /// People met.
    pub people: Vec<PersonForm>,
}

/// One interviewer as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    /// Id when editing an existing person; empty for a new one.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Email.
    pub email: String,
    /// LinkedIn profile URL.
    pub linkedin: String,
    /// Topics discussed, one per line.
    pub topics: String,
    /// Main contact.
    pub primary: bool,
}

impl PersonForm {
    fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.title,
            &self.email,
            &self.linkedin,
            &self.topics,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// A problem with one field, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name (see the module docs); empty for the form as a whole.
    pub field: String,
    /// What is wrong and what to do.
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

impl InterviewForm {
    /// A blank form for an interview that just happened: `at` is the quarter hour at or before
    /// `now`, and one empty person row (the main contact).
    pub fn new_at(now: DateTime<FixedOffset>) -> InterviewForm {
        InterviewForm {
            at: crate::dates::input_date_time(&quarter_before(now)),
            people: vec![PersonForm {
                primary: true,
                ..PersonForm::default()
            }],
            ..InterviewForm::default()
        }
    }

    /// The form for editing a stored interview.
    pub fn from_interview(interview: &Interview) -> InterviewForm {
        InterviewForm {
            id: interview.id.clone(),
            company: interview.company.clone(),
            role: interview.role.clone(),
            at: crate::dates::input_date_time(&interview.at),
            format: interview
                .format
                .map(|f| f.as_str().into())
                .unwrap_or_default(),
            industry: interview
                .industry
                .map(|f| f.as_str().into())
                .unwrap_or_default(),
            stage: interview
                .stage
                .map(|f| f.as_str().into())
                .unwrap_or_default(),
            decision_by: interview
                .decision_by
                .map(crate::dates::iso_date)
                .unwrap_or_default(),
            skills: interview.skills.join(", "),
            promised: interview.promised.join(", "),
            people: interview
                .interviewers
                .iter()
                .map(|p| PersonForm {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    title: p.title.clone().unwrap_or_default(),
                    email: p.email.clone().unwrap_or_default(),
                    linkedin: p.linkedin.clone().unwrap_or_default(),
                    topics: p.topics.join("\n"),
                    primary: p.primary,
                })
                .collect(),
        }
    }

    /// True when nothing worth keeping has been typed.
    pub fn is_blank(&self) -> bool {
        self.id.is_empty()
            && [
                &self.company,
                &self.role,
                &self.decision_by,
                &self.skills,
                &self.promised,
            ]
            .iter()
            .all(|s| s.trim().is_empty())
            && self.people.iter().all(PersonForm::is_blank)
    }

    /// Sets the field `name` to `value` (unknown names are ignored). `people.N.*` may name the
    /// row just after the last one, which adds it.
    pub fn set(&mut self, name: &str, value: &str) {
        let value = value.to_string();
        match name {
            "company" => self.company = value,
            "role" => self.role = value,
            "at" => self.at = value,
            "format" => self.format = value,
            "industry" => self.industry = value,
            "stage" => self.stage = value,
            "decision_by" => self.decision_by = value,
            "skills" => self.skills = value,
            "promised" => self.promised = value,
            "primary" => {
                let chosen = value.parse::<usize>().ok();
                for (i, p) in self.people.iter_mut().enumerate() {
                    p.primary = Some(i) == chosen;
                }
            }
            _ => {
                let mut parts = name.splitn(3, '.');
                let (Some("people"), Some(index), Some(field)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return;
                };
                let Ok(index) = index.parse::<usize>() else {
                    return;
                };
                if index == self.people.len() {
                    self.people.push(PersonForm::default());
                }
                let Some(person) = self.people.get_mut(index) else {
                    return;
                };
                match field {
                    "name" => person.name = value,
                    "title" => person.title = value,
                    "email" => person.email = value,
                    "linkedin" => person.linkedin = value,
                    "topics" => person.topics = value,
                    _ => {}
                }
            }
        }
    }

    /// Adds an empty person row (the main contact when it is the only one).
    pub fn add_person(&mut self) {
        let primary = self.people.iter().all(|p| !p.primary);
        self.people.push(PersonForm {
            primary,
            ..PersonForm::default()
        });
    }

    /// Removes person row `index` (if the main contact goes, the first one left takes over).
    pub fn remove_person(&mut self, index: usize) {
        if index < self.people.len() {
            let was_primary = self.people.remove(index).primary;
            if was_primary {
                if let Some(first) = self.people.first_mut() {
                    first.primary = true;
                }
            }
        }
    }

    /// Checks every field and builds the interview. `existing` is the stored version when
    /// editing (its events and unknown fields are kept), `taken` the ids already in the store
    /// (a new interview gets a fresh one), `offset` the viewer's UTC offset for a new time.
    /// All problems are reported at once.
    pub fn to_interview(
        &self,
        existing: Option<&Interview>,
        taken: &[&str],
        offset: FixedOffset,
    ) -> Result<Interview, Vec<FieldError>> {
        let mut errors = Vec::new();
        let company = required(&mut errors, "company", &self.company, "the company's name");
        let role = required(
            &mut errors,
            "role",
            &self.role,
            "the role you interviewed for",
        );
        let at = match crate::dates::parse_input_date_time(self.at.trim()) {
            Some(naive) => {
                let offset = existing.map_or(offset, |i| *i.at.offset());
                offset.from_local_datetime(&naive).single()
            }
            None if self.at.trim().is_empty() => {
                errors.push(err("at", "Add the date and time of the interview."));
                None
            }
            None => {
                errors.push(err(
                    "at",
                    "This is not a date and time; pick one, e.g. 2026-11-20 2:00 pm.",
                ));
                None
            }
        };
        let format = choice::<Format>(&mut errors, "format", &self.format);
        let industry = choice::<Industry>(&mut errors, "industry", &self.industry);
        let stage = choice::<Stage>(&mut errors, "stage", &self.stage);
        let decision_by = match self.decision_by.trim() {
            "" => None,
            text => match crate::dates::parse_date(text) {
                Some(date) => {
                    if let Some(at) = at.filter(|at| date < at.date_naive()) {
                        errors.push(err(
                            "decision_by",
                            format!(
                                "The decision date is before the interview ({}). Check the date, or leave it empty.",
                                crate::dates::short_date(&at)
                            ),
                        ));
                    }
                    Some(date)
                }
                None => {
                    errors.push(err(
                        "decision_by",
                        "This is not a date; pick one, or leave it empty.",
                    ));
                    None
                }
            },
        };
        let skills = list(&mut errors, "skills", &self.skills, true);
        let promised = list(&mut errors, "promised", &self.promised, true);

        let rows: Vec<(usize, &PersonForm)> = self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_blank())
            .collect();
        if rows.len() > MAX_PEOPLE {
            errors.push(err(
                "people",
                format!(
                    "That is {} people; one interview can list at most {MAX_PEOPLE}. For a large panel, add the people you will write to.",
                    rows.len()
                ),
            ));
        }
        let mut interviewers = Vec::new();
        for (i, person) in rows.into_iter().take(MAX_PEOPLE) {
            let here = |f: &str| format!("people.{i}.{f}");
            let name = required(
                &mut errors,
                &here("name"),
                &person.name,
                "this person's name",
            );
            let title = optional_line(&mut errors, &here("title"), &person.title);
            let email = optional_line(&mut errors, &here("email"), &person.email);
            if let Some(e) = &email {
                if !is_email(e) {
                    errors.push(err(
                        here("email"),
                        format!(
                            "“{e}” is not an email address; it should look like name@company.com."
                        ),
                    ));
                }
            }
            let linkedin = match optional_line(&mut errors, &here("linkedin"), &person.linkedin) {
                None => None,
                Some(url) => match linkedin_url(&url) {
                    Some(clean) => Some(clean),
                    None => {
                        errors.push(err(
                            here("linkedin"),
                            "This is not a LinkedIn profile link. Copy it from their profile page; it looks like https://www.linkedin.com/in/name.",
                        ));
                        None
                    }
                },
            };
            let topics = list(&mut errors, &here("topics"), &person.topics, false);
            let kept = existing.and_then(|e| e.interviewer(&person.id));
            interviewers.push(Interviewer {
                id: person.id.trim().to_string(),
                name,
                title,
                email,
                linkedin,
                topics,
                primary: person.primary,
                extra: kept.map(|k| k.extra.clone()).unwrap_or_default(),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let Some(at) = at else {
            return Err(vec![err("at", "Pick the date and time of the interview.")]);
        };
        if interviewers.iter().filter(|p| p.primary).count() > 1 {
            for p in interviewers.iter_mut().skip(1) {
                p.primary = false;
            }
        }
        crate::store::assign_missing_ids(&mut interviewers);
        let id = match existing {
            Some(e) => e.id.clone(),
            None => crate::store::new_interview_id(&company, &role, taken),
        };
        let events = existing
            .map(|e| {
                e.events
                    .iter()
                    .filter(|ev| {
                        ev.interviewer
                            .as_ref()
                            .is_none_or(|who| interviewers.iter().any(|p| &p.id == who))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        Ok(Interview {
            id,
            company,
            role,
            industry,
            stage,
            format,
            at,
            decision_by,
            skills,
            promised,
            interviewers,
            events,
            extra: existing.map(|e| e.extra.clone()).unwrap_or_default(),
        })
    }
}

/// The quarter hour at or before `now` (seconds dropped). Never later than `now`: an interview
/// entered right after it happened must not start in the future, or its thank-yous would show as
/// upcoming instead of due.
pub fn quarter_before(now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let minutes = now.minute();
    let base = now - TimeDelta::seconds(i64::from(minutes % 15) * 60 + i64::from(now.second()));
    base.with_nanosecond(0).unwrap_or(base)
}

fn required(errors: &mut Vec<FieldError>, field: &str, value: &str, what: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(err(field, format!("Add {what}.")));
    } else if value.chars().count() > MAX_LINE {
        errors.push(err(
            field,
            format!("Keep this under {MAX_LINE} characters."),
        ));
    }
    value.to_string()
}

fn optional_line(errors: &mut Vec<FieldError>, field: &str, value: &str) -> Option<String> {
    let value = value.trim();
    if value.chars().count() > MAX_LINE {
        errors.push(err(
            field,
            format!("Keep this under {MAX_LINE} characters."),
        ));
    }
    (!value.is_empty()).then(|| value.to_string())
}

fn choice<T: std::str::FromStr>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
) -> Option<T> {
    match value.trim() {
        "" => None,
        text => match text.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                errors.push(err(field, "Pick one of the choices in the list."));
                None
            }
        },
    }
}

/// Items separated by lines (and commas when `commas`), trimmed, blanks dropped.
fn list(errors: &mut Vec<FieldError>, field: &str, value: &str, commas: bool) -> Vec<String> {
    if value.chars().count() > MAX_TEXT {
        errors.push(err(
            field,
            format!("Keep this under {MAX_TEXT} characters; the main points are enough."),
        ));
    }
    value
        .split(|c| c == '\n' || (commas && c == ','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `s` looks like an email address (`local@domain.tld`, no spaces).
pub fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2)
}

/// A LinkedIn profile link, cleaned up (`https://`, host lowercased), or `None` when `s` is not
/// a link to a page on linkedin.com. The scheme may be left out.
pub fn linkedin_url(s: &str) -> Option<String> {
    let s = s.trim();
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    if rest.contains("://") {
        return None;
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    let host_ok = host == "linkedin.com"
        || host
            .strip_suffix(".linkedin.com")
            .is_some_and(|sub| !sub.is_empty() && sub.chars().all(|c| c.is_ascii_alphanumeric()));
    let path_ok = path.starts_with('/') && path.trim_end_matches('/').len() > 1;
    (host_ok && path_ok).then(|| format!("https://{host}{path}"))
}

/// The settings form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    /// Full name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Signature (several lines).
    pub signature: String,
    /// Extra days off, `YYYY-MM-DD`, separated by lines, commas or spaces.
    pub holidays: String,
    /// Reminders name the company, role and person.
    pub notification_details: bool,
    /// Sent follow-ups are marked by hand (not noticed in Gmail and LinkedIn).
    pub record_sent_by_hand: bool,
}

impl ProfileForm {
    /// The form for a stored profile.
    pub fn from_profile(p: &Profile) -> ProfileForm {
        ProfileForm {
            name: p.name.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            signature: p.signature.clone().unwrap_or_default(),
            holidays: p
                .holidays
                .iter()
                .map(|&d| crate::dates::iso_date(d))
                .collect::<Vec<_>>()
                .join("\n"),
            notification_details: p.notification_details,
            record_sent_by_hand: p.record_sent_by_hand,
        }
    }

    /// Sets the field `name` (unknown names are ignored).
    pub fn set(&mut self, name: &str, value: &str) {
        let value = value.to_string();
        match name {
            "name" => self.name = value,
            "email" => self.email = value,
            "phone" => self.phone = value,
            "signature" => self.signature = value,
            "holidays" => self.holidays = value,
            "notification_details" => self.notification_details = value == "true",
            "record_sent_by_hand" => self.record_sent_by_hand = value == "true",
            _ => {}
        }
    }

    /// Checks the fields and builds the profile, keeping `existing`'s unknown fields.
    pub fn to_profile(&self, existing: &Profile) -> Result<Profile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = optional_line(&mut errors, "name", &self.name);
        let email = optional_line(&mut errors, "email", &self.email);
        if let Some(e) = &email {
            if !is_email(e) {
                errors.push(err(
                    "email",
                    format!("“{e}” is not an email address; it should look like you@example.com."),
                ));
            }
        }
        let phone = optional_line(&mut errors, "phone", &self.phone);
        if self.signature.chars().count() > MAX_TEXT {
            errors.push(err(
                "signature",
                format!("Keep the signature under {MAX_TEXT} characters."),
            ));
        }
        let signature =
            (!self.signature.trim().is_empty()).then(|| self.signature.trim().to_string());
        let mut holidays = Vec::new();
        for word in self
            .holidays
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match crate::dates::parse_date(word) {
                Some(d) if !holidays.contains(&d) => holidays.push(d),
                Some(_) => {}
                None => {
                    errors.push(err(
                        "holidays",
                        format!(
                            "“{word}” is not a date; write dates like 2026-12-24, one per line."
                        ),
                    ));
                    break;
                }
            }
        }
        crate::order::sort(&mut holidays);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Profile {
            name,
            email,
            phone,
            signature,
            holidays,
            notification_details: self.notification_details,
            record_sent_by_hand: self.record_sent_by_hand,
            extra: existing.extra.clone(),
        })
    }
}

/// How much of a channel's limit ([`Channel::limit`]) `text` uses, in words for the field's
/// hint ("120 of 300 characters", "312 of 300 characters: 12 too many"), and whether it is over.
/// `None` for a channel without a limit.
pub fn characters_used(text: &str, channel: Channel) -> Option<(String, bool)> {
    let max = channel.limit()?;
    let used = text.encode_utf16().count();
    Some(if used > max {
        (
            format!("{used} of {max} characters: {} too many", used - max),
            true,
        )
    } else {
        (format!("{used} of {max} characters"), false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, EventKind, Extra, Kind};

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn offset() -> FixedOffset {
        FixedOffset::west_opt(5 * 3600).unwrap()
    }

    fn filled() -> InterviewForm {
        let mut f = InterviewForm::new_at(t("2026-11-20T14:06:00-05:00"));
        f.set("company", " Acme Corp ");
        f.set("role", "Product Manager");
        f.set("industry", "tech");
        f.set("stage", "final");
        f.set("format", "video");
        f.set("decision_by", "2026-12-01");
        f.set("skills", "user research, SQL\nroadmapping");
        f.set("promised", "portfolio link");
        f.set("people.0.name", "Dana Lee");
        f.set("people.0.email", "dana@acme.example");
        f.set("people.0.linkedin", "linkedin.com/in/dana-lee");
        f.set(
            "people.0.topics",
            "the onboarding revamp, planned for Q1\n\nhiring",
        );
        f.set("people.1.name", "Raj Patel");
        f
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn new_form_starts_at_the_quarter_hour_before_now() {
        let f = InterviewForm::new_at(t("2026-11-20T14:06:59-05:00"));
        assert_eq!(f.at, "2026-11-20T14:00");
        let f = InterviewForm::new_at(t("2026-11-20T14:53:00-05:00"));
        assert_eq!(f.at, "2026-11-20T14:45", "never in the future");
        // Every minute of an hour: at or before now, less than a quarter hour before it.
        let hour = t("2026-11-20T14:00:30-05:00");
        for m in 0..60 {
            let now = hour + TimeDelta::minutes(m);
            let q = quarter_before(now);
            assert!(q <= now && now - q < TimeDelta::minutes(15), "{now} -> {q}");
            assert_eq!(q.minute() % 15, 0);
        }
        assert_eq!(f.people.len(), 1);
        assert!(f.people[0].primary);
        assert!(f.is_blank());
    }

    #[test]
    fn a_filled_form_becomes_a_valid_interview() {
        let i = filled()
            .to_interview(None, &["acme-corp-product-manager"], offset())
            .unwrap();
        assert_eq!(i.id, "acme-corp-product-manager-2");
        assert_eq!(i.company, "Acme Corp");
        assert_eq!(i.at, t("2026-11-20T14:00:00-05:00"));
        assert_eq!(i.industry, Some(Industry::Tech));
        assert_eq!(i.skills, ["user research", "SQL", "roadmapping"]);
        assert_eq!(i.interviewers.len(), 2);
        assert_eq!(i.interviewers[0].id, "dana-lee");
        assert!(i.interviewers[0].primary);
        assert_eq!(
            i.interviewers[0].linkedin.as_deref(),
            Some("https://linkedin.com/in/dana-lee")
        );
        assert_eq!(
            i.interviewers[0].topics,
            ["the onboarding revamp, planned for Q1", "hiring"]
        );
        let mut store = crate::model::Store::default();
        store.add_interview(i).unwrap();
        crate::store::validate(&store).unwrap();
    }

    #[test]
    fn bad_fields_get_plain_messages_all_at_once() {
        let mut f = filled();
        f.set("company", "");
        f.set("decision_by", "2026-11-19");
        f.set("people.0.email", "dana at acme");
        f.set("people.0.linkedin", "https://twitter.com/dana");
        f.set("people.1.name", "");
        f.set("people.1.title", "Engineer");
        let errors = f.to_interview(None, &[], offset()).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "company",
                "decision_by",
                "people.0.email",
                "people.0.linkedin",
                "people.1.name"
            ]
        );
        assert!(errors[1]
            .message
            .starts_with("The decision date is before the interview (Nov 20)"));
        assert!(errors[2].message.contains("not an email address"));
        assert!(errors[3].message.contains("not a LinkedIn profile link"));
    }

    #[test]
    fn too_many_people_is_one_plain_message() {
        let mut f = filled();
        for i in 0..800 {
            f.set(&format!("people.{i}.name"), &format!("Person {i}"));
        }
        assert_eq!(f.people.len(), 800);
        let errors = f.to_interview(None, &[], offset()).unwrap_err();
        assert_eq!(fields(&errors), ["people"]);
        assert!(errors[0].message.contains("at most 20"));
    }

    #[test]
    fn rows_can_only_grow_by_one() {
        let mut f = InterviewForm::default();
        f.set("people.5.name", "X");
        assert!(f.people.is_empty());
        f.set("people.0.name", "X");
        f.set("people.x.name", "Y");
        f.set("nonsense", "Y");
        assert_eq!(f.people.len(), 1);
    }

    #[test]
    fn primary_moves_with_the_radio_and_removal() {
        let mut f = filled();
        f.set("primary", "1");
        assert!(!f.people[0].primary && f.people[1].primary);
        f.remove_person(1);
        assert!(f.people[0].primary);
        f.add_person();
        assert!(!f.people[1].primary);
        f.remove_person(9);
        assert_eq!(f.people.len(), 2);
    }

    #[test]
    fn editing_keeps_events_extra_fields_and_the_offset() {
        let mut store = crate::store::parse(
            r#"{"version":1,"interviews":[{"id":"acme","company":"Acme","role":"PM",
            "at":"2026-11-20T14:00:00+01:00","custom":1,
            "interviewers":[{"id":"dana","name":"Dana","x":2},{"id":"raj","name":"Raj"}],
            "events":[{"kind":"sent","follow_up":"thank-you","interviewer":"dana","at":"2026-11-20T19:00:00+01:00"},
                      {"kind":"sent","follow_up":"thank-you","interviewer":"raj","at":"2026-11-20T19:00:00+01:00"}]}]}"#,
        )
        .unwrap();
        let existing = store.interviews[0].clone();
        let mut f = InterviewForm::from_interview(&existing);
        assert_eq!(f.at, "2026-11-20T14:00");
        f.remove_person(1);
        f.set("role", "Senior PM");
        let i = f
            .to_interview(Some(&existing), &["acme"], offset())
            .unwrap();
        assert_eq!(i.id, "acme");
        assert_eq!(i.at, existing.at);
        assert_eq!(i.extra.get("custom"), Some(&serde_json::json!(1)));
        assert_eq!(
            i.interviewers[0].extra.get("x"),
            Some(&serde_json::json!(2))
        );
        assert_eq!(i.events.len(), 1);
        assert_eq!(
            i.events[0],
            Event {
                kind: EventKind::Sent,
                follow_up: Some(Kind::ThankYou),
                interviewer: Some("dana".into()),
                at: t("2026-11-20T19:00:00+01:00"),
                outcome: None,
                channel: None,
                extra: Extra::new()
            }
        );
        store.update_interview(i).unwrap();
    }

    #[test]
    fn emails() {
        for ok in ["dana@acme.example", "d.lee+jobs@mail.acme.co.uk"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "dana",
            "dana@",
            "@acme.com",
            "dana@acme",
            "da na@acme.com",
            "a@b@c.com",
            "dana@acme..com",
            "dana@acme.c",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn linkedin_links() {
        assert_eq!(
            linkedin_url("https://www.LinkedIn.com/in/dana-lee/").as_deref(),
            Some("https://www.linkedin.com/in/dana-lee/")
        );
        assert_eq!(
            linkedin_url("uk.linkedin.com/in/dana").as_deref(),
            Some("https://uk.linkedin.com/in/dana")
        );
        for bad in [
            "https://twitter.com/dana",
            "https://linkedin.com.evil.example/in/dana",
            "https://evil.example/linkedin.com/in/dana",
            "https://www.linkedin.com",
            "https://www.linkedin.com/",
            "javascript:alert(1)//linkedin.com/in/x",
            "dana lee",
            "ftp://www.linkedin.com/in/dana",
        ] {
            assert_eq!(linkedin_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_are_fresh() {
        assert_eq!(
            crate::store::new_interview_id("Acme Corp", "PM", &[]),
            "acme-corp-pm"
        );
        assert_eq!(
            crate::store::new_interview_id("Acme Corp", "PM", &["acme-corp-pm", "acme-corp-pm-2"]),
            "acme-corp-pm-3"
        );
        assert_eq!(crate::store::new_interview_id("!!", "", &[]), "interview");
    }

    #[test]
    fn profile_form_round_trip_and_errors() {
        let mut existing = Profile::default();
        existing
            .extra
            .insert("theme".into(), serde_json::json!("dark"));
        let mut f = ProfileForm::from_profile(&existing);
        f.set("name", "Sam Rivera");
        f.set("email", "sam@example.com");
        f.set("holidays", "2026-12-24, 2026-12-31\n2026-12-24");
        let p = f.to_profile(&existing).unwrap();
        assert_eq!(p.holidays.len(), 2);
        assert_eq!(p.extra.get("theme"), Some(&serde_json::json!("dark")));
        assert!(
            !p.notification_details,
            "reminders are discreet unless asked"
        );
        f.set("notification_details", "true");
        let named = f.to_profile(&existing).unwrap();
        assert!(named.notification_details);
        assert!(ProfileForm::from_profile(&named).notification_details);
        let json = serde_json::to_value(&named).unwrap();
        assert_eq!(json["notification_details"], serde_json::json!(true));
        assert!(serde_json::to_value(&p)
            .unwrap()
            .get("notification_details")
            .is_none());
        assert_eq!(
            ProfileForm::from_profile(&p).holidays,
            "2026-12-24\n2026-12-31"
        );
        assert!(
            !p.record_sent_by_hand,
            "sends are noticed unless turned off"
        );
        f.set("record_sent_by_hand", "true");
        let by_hand = f.to_profile(&existing).unwrap();
        assert!(ProfileForm::from_profile(&by_hand).record_sent_by_hand);
        assert_eq!(
            serde_json::to_value(&by_hand).unwrap()["record_sent_by_hand"],
            serde_json::json!(true)
        );
        f.set("record_sent_by_hand", "false");
        f.set("email", "sam");
        f.set("holidays", "12/24");
        let errors = f.to_profile(&existing).unwrap_err();
        assert_eq!(fields(&errors), ["email", "holidays"]);
    }

    #[test]
    fn the_form_survives_json() {
        let f = filled();
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<InterviewForm>(&text).unwrap(), f);
        // Older or partial saved forms still load.
        let partial: InterviewForm = serde_json::from_str(r#"{"company":"Acme"}"#).unwrap();
        assert_eq!(partial.company, "Acme");
    }

    #[test]
    fn characters_are_counted_as_the_site_counts_them() {
        assert_eq!(characters_used("Hi", Channel::Email), None);
        assert_eq!(
            characters_used("Hi 👋", Channel::LinkedinNote),
            Some(("5 of 300 characters".into(), false))
        );
        let long = "a".repeat(312);
        assert_eq!(
            characters_used(&long, Channel::LinkedinNote),
            Some(("312 of 300 characters: 12 too many".into(), true))
        );
        assert_eq!(
            characters_used(&"a".repeat(1000), Channel::Linkedin),
            Some(("1000 of 1000 characters".into(), false))
        );
    }
}
