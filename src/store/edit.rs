//! Edit operations the UI needs. Each one validates first and changes nothing when it fails.

use super::error::{quote, StoreError};
use super::ids::assign_missing_ids;
use super::validate::{validate_interview, validate_profile};
use crate::model::{Event, Interview, Interviewer, Kind, Outcome, Profile, Store};
use chrono::{DateTime, FixedOffset};

impl Store {
    /// The interview with this id.
    pub fn interview(&self, id: &str) -> Option<&Interview> {
        self.interviews.iter().find(|i| i.id == id)
    }

    fn position(&self, id: &str) -> Result<usize, StoreError> {
        self.interviews
            .iter()
            .position(|i| i.id == id)
            .ok_or_else(|| StoreError::new("interviews", format!("no interview {}", quote(id))))
    }

    /// Adds an interview. Interviewers without an id get one derived from their name.
    ///
    /// Fails if the id is taken or the interview breaks a rule of [`super::validate`].
    pub fn add_interview(&mut self, mut interview: Interview) -> Result<(), StoreError> {
        let index = self.interviews.len();
        if let Some(first) = self.interviews.iter().position(|i| i.id == interview.id) {
            return Err(StoreError::new(
                format!("interviews[{index}].id"),
                format!(
                    "duplicate interview id {} (also interviews[{first}])",
                    quote(&interview.id)
                ),
            ));
        }
        assign_missing_ids(&mut interview.interviewers);
        validate_interview(&interview, &format!("interviews[{index}]"))?;
        self.interviews.push(interview);
        Ok(())
    }

    /// Replaces the interview with the same id; returns the previous version.
    pub fn update_interview(&mut self, mut interview: Interview) -> Result<Interview, StoreError> {
        let index = self.position(&interview.id)?;
        assign_missing_ids(&mut interview.interviewers);
        validate_interview(&interview, &format!("interviews[{index}]"))?;
        Ok(std::mem::replace(&mut self.interviews[index], interview))
    }

    /// Removes an interview and everything recorded about it.
    pub fn remove_interview(&mut self, id: &str) -> Result<Interview, StoreError> {
        let index = self.position(id)?;
        Ok(self.interviews.remove(index))
    }

    /// Adds an interviewer to an interview; returns the interviewer's id (derived from the name
    /// when `person.id` is empty).
    pub fn add_interviewer(
        &mut self,
        interview_id: &str,
        person: Interviewer,
    ) -> Result<String, StoreError> {
        let index = self.position(interview_id)?;
        let mut candidate = self.interviews[index].clone();
        candidate.interviewers.push(person);
        assign_missing_ids(&mut candidate.interviewers);
        validate_interview(&candidate, &format!("interviews[{index}]"))?;
        let id = candidate
            .interviewers
            .last()
            .map(|p| p.id.clone())
            .unwrap_or_default();
        self.interviews[index] = candidate;
        Ok(id)
    }

    /// Replaces the interviewer with the same id; returns the previous version.
    pub fn update_interviewer(
        &mut self,
        interview_id: &str,
        person: Interviewer,
    ) -> Result<Interviewer, StoreError> {
        let index = self.position(interview_id)?;
        let interview = &self.interviews[index];
        let slot = interview
            .interviewers
            .iter()
            .position(|p| p.id == person.id)
            .ok_or_else(|| {
                StoreError::new(
                    format!("interviews[{index}].interviewers"),
                    format!("no interviewer {}", quote(&person.id)),
                )
            })?;
        let mut candidate = interview.clone();
        let previous = std::mem::replace(&mut candidate.interviewers[slot], person);
        validate_interview(&candidate, &format!("interviews[{index}]"))?;
        self.interviews[index] = candidate;
        Ok(previous)
    }

    /// Removes an interviewer, and the events addressed to them (they would name nobody).
    pub fn remove_interviewer(
        &mut self,
        interview_id: &str,
        interviewer_id: &str,
    ) -> Result<Interviewer, StoreError> {
        let index = self.position(interview_id)?;
        let interview = &mut self.interviews[index];
        let slot = interview
            .interviewers
            .iter()
            .position(|p| p.id == interviewer_id)
            .ok_or_else(|| {
                StoreError::new(
                    format!("interviews[{index}].interviewers"),
                    format!("no interviewer {}", quote(interviewer_id)),
                )
            })?;
        interview
            .events
            .retain(|e| e.interviewer.as_deref() != Some(interviewer_id));
        Ok(interview.interviewers.remove(slot))
    }

    /// Records that a follow-up of `kind` was sent (to `interviewer`, if given) at `at`.
    pub fn record_sent(
        &mut self,
        interview_id: &str,
        kind: Kind,
        interviewer: Option<&str>,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        self.push_event(interview_id, Event::sent(kind, interviewer, at))
    }

    /// Records a reply from the company (from `interviewer`, if known) at `at`.
    pub fn record_reply(
        &mut self,
        interview_id: &str,
        outcome: Outcome,
        interviewer: Option<&str>,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        self.push_event(interview_id, Event::reply(outcome, interviewer, at))
    }

    /// Records an event (sent or reply) on an interview; it must name one of its interviewers,
    /// if any.
    pub fn push_event(&mut self, interview_id: &str, event: Event) -> Result<(), StoreError> {
        let index = self.position(interview_id)?;
        let mut candidate = self.interviews[index].clone();
        candidate.events.push(event);
        validate_interview(&candidate, &format!("interviews[{index}]"))?;
        self.interviews[index] = candidate;
        Ok(())
    }

    /// Takes back an event recorded on an interview (Undo): the last one equal to `event`.
    pub fn remove_event(&mut self, interview_id: &str, event: &Event) -> Result<Event, StoreError> {
        let index = self.position(interview_id)?;
        let events = &mut self.interviews[index].events;
        let at = events.iter().rposition(|e| e == event).ok_or_else(|| {
            StoreError::new(
                format!("interviews[{index}].events"),
                "no such event (it may have been taken back already)",
            )
        })?;
        Ok(events.remove(at))
    }

    /// Replaces the profile (name, email, phone, signature, holidays).
    pub fn set_profile(&mut self, profile: Profile) -> Result<(), StoreError> {
        validate_profile(&profile)?;
        self.profile = profile;
        Ok(())
    }
}
