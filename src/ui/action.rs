//! The popup's screens and what its buttons do, as types. A button carries its [`Action`] in
//! `data-action` (written by [`Action::attr`], read back by [`Action::parse`]); the popup's one
//! delegated click listener parses it and hands it to the screen that owns it
//! ([`Action::screen`]), so an action nobody handles cannot be drawn, and a misspelt one is a
//! compile error rather than a silent dead button.

use crate::model::Outcome;

/// A screen of the popup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// What to send.
    #[default]
    Due,
    /// Add / edit an interview.
    Form,
    /// One draft, editable.
    Draft,
    /// Check any text.
    Check,
    /// Profile and data.
    Settings,
}

impl View {
    /// Every screen.
    pub const ALL: &'static [View] = &[
        View::Due,
        View::Form,
        View::Draft,
        View::Check,
        View::Settings,
    ];

    /// Its stable name (`data-view`, the remembered last screen).
    pub fn as_str(self) -> &'static str {
        match self {
            View::Due => "due",
            View::Form => "form",
            View::Draft => "draft",
            View::Check => "check",
            View::Settings => "settings",
        }
    }

    /// A screen that can be opened by name: the draft preview needs an item, so it is not one.
    pub fn parse(s: &str) -> Option<View> {
        View::ALL
            .iter()
            .copied()
            .filter(|v| *v != View::Draft)
            .find(|v| v.as_str() == s)
    }
}

/// Declares [`Action`] from one table: its plain actions with their `data-action` names (the
/// enum, [`Action::SIMPLE`] and the names all come from it, so none can be left out), and the
/// two that carry a value.
macro_rules! actions {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What a popup button does.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Action {
            $($(#[$doc])* $variant,)*
            /// Open a screen.
            Nav(View),
            /// Record a reply with its outcome.
            Reply(Outcome),
        }

        impl Action {
            /// Every action without a payload.
            pub const SIMPLE: &'static [Action] = &[$(Action::$variant),*];

            /// The name of an action without a payload; `None` for `Nav` and `Reply`.
            fn name(self) -> Option<&'static str> {
                match self {
                    $(Action::$variant => Some($name),)*
                    Action::Nav(_) | Action::Reply(_) => None,
                }
            }
        }
    };
}

actions! {
    // Anywhere (the shell handles these).
    /// Close the status message.
    Dismiss = "dismiss",
    /// Undo the last change (the status message's button).
    Undo = "undo",
    /// Select a finding's words in its message box.
    SelectSpan = "select-span",
    /// Replace a finding's words with its fix.
    ApplyFix = "apply-fix",

    // The due list.
    /// The empty list's first step.
    AddFirst = "add-first",
    /// Show the items folded away.
    ShowAll = "show-all",
    /// Edit an interview.
    Edit = "edit",
    /// Delete an interview (asks once).
    Remove = "remove",
    /// Open the draft where it is sent (Gmail, LinkedIn).
    Write = "write",
    /// Copy an item's draft.
    Copy = "copy",
    /// Open an item's draft in the preview.
    Preview = "preview",
    /// Record an item as sent.
    Sent = "sent",
    /// Put an item off by a day.
    Snooze = "snooze",

    // The interview form.
    /// Add a person.
    AddPerson = "add-person",
    /// Remove a person.
    RemovePerson = "remove-person",
    /// Clear the form (asks once).
    ClearForm = "clear-form",

    // The draft preview.
    /// Back to the list.
    Back = "back",
    /// Copy the message.
    DraftCopy = "draft-copy",
    /// Open it as a Gmail draft.
    DraftGmail = "draft-gmail",
    /// Copy it and open LinkedIn.
    DraftLinkedin = "draft-linkedin",
    /// Record it as sent.
    DraftSent = "draft-sent",

    // Check text.
    /// Copy the checked text.
    CheckCopy = "check-copy",
    /// Clear the checked text.
    CheckClear = "check-clear",
    /// Insert it into the page.
    Insert = "insert",

    // Settings and data.
    /// Download data that could not be read.
    DownloadUnreadable = "download-unreadable",
    /// Export the store as JSON.
    ExportJson = "export-json",
    /// Export the follow-ups as a calendar.
    ExportIcs = "export-ics",
    /// Apply the previewed import.
    ImportConfirm = "import-confirm",
    /// Drop the previewed import.
    ImportCancel = "import-cancel",
    /// Ask to delete everything.
    DeleteAll = "delete-all",
    /// Keep the data after all.
    DeleteCancel = "delete-cancel",
    /// Delete everything.
    DeleteConfirm = "delete-confirm",
    /// Turn sync across devices on with the passphrase typed.
    SyncOn = "sync-on",
    /// Turn sync across devices off.
    SyncOff = "sync-off",
}

impl Action {
    /// The `data-action` value: the name, or `nav:<view>` and `reply:<outcome>`.
    pub fn attr(self) -> String {
        match self {
            Action::Nav(view) => format!("nav:{}", view.as_str()),
            Action::Reply(outcome) => format!("reply:{}", outcome.as_str()),
            other => other.name().unwrap_or_default().to_string(),
        }
    }

    /// Reads a `data-action` value back; `None` for anything [`Action::attr`] does not write.
    pub fn parse(attr: &str) -> Option<Action> {
        if let Some(view) = attr.strip_prefix("nav:") {
            return View::parse(view).map(Action::Nav);
        }
        if let Some(outcome) = attr.strip_prefix("reply:") {
            return outcome.parse().ok().map(Action::Reply);
        }
        Action::SIMPLE
            .iter()
            .copied()
            .find(|a| a.name() == Some(attr))
    }

    /// The screen whose module carries out this action; `None` for the shell's own (closing
    /// the status, undo, switching screens, and the findings lists that two screens share).
    pub fn screen(self) -> Option<View> {
        use Action::*;
        Some(match self {
            Dismiss | Undo | Nav(_) | SelectSpan | ApplyFix => return None,
            AddFirst | ShowAll | Edit | Remove | Write | Copy | Preview | Sent | Reply(_)
            | Snooze => View::Due,
            AddPerson | RemovePerson | ClearForm => View::Form,
            Back | DraftCopy | DraftGmail | DraftLinkedin | DraftSent => View::Draft,
            CheckCopy | CheckClear | Insert => View::Check,
            DownloadUnreadable | ExportJson | ExportIcs | ImportConfirm | ImportCancel
            | DeleteAll | DeleteCancel | DeleteConfirm | SyncOn | SyncOff => View::Settings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Action> {
        let mut all = Action::SIMPLE.to_vec();
        all.extend(View::ALL.iter().map(|v| Action::Nav(*v)));
        all.extend(Outcome::ALL.iter().map(|o| Action::Reply(*o)));
        all
    }

    #[test]
    fn every_action_reads_back_as_itself() {
        for a in every() {
            let attr = a.attr();
            // The draft preview needs an item: it cannot be a navigation target.
            let expected = (a != Action::Nav(View::Draft)).then_some(a);
            assert_eq!(Action::parse(&attr), expected, "{attr}");
        }
    }

    #[test]
    fn names_are_distinct() {
        let mut attrs: Vec<String> = every().iter().map(|a| a.attr()).collect();
        crate::order::sort(&mut attrs);
        let n = attrs.len();
        attrs.dedup();
        assert_eq!(attrs.len(), n);
    }

    #[test]
    fn the_simple_list_has_every_unit_action_once() {
        // Each unit action's name is in SIMPLE exactly once (a new variant left out of it
        // would never parse).
        let names: Vec<_> = Action::SIMPLE.iter().filter_map(|a| a.name()).collect();
        assert_eq!(names.len(), Action::SIMPLE.len());
    }

    #[test]
    fn unknown_or_malformed_values_are_refused() {
        for bad in [
            "",
            "nav",
            "nav:",
            "nav:draft",
            "nav:elsewhere",
            "reply",
            "reply:great",
            "Write",
            "write ",
            "delete",
        ] {
            assert_eq!(Action::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn owners() {
        assert_eq!(Action::Reply(Outcome::Positive).screen(), Some(View::Due));
        assert_eq!(Action::DownloadUnreadable.screen(), Some(View::Settings));
        assert_eq!(Action::ApplyFix.screen(), None);
        assert_eq!(Action::Nav(View::Check).screen(), None);
    }

    #[test]
    fn views_by_name() {
        for v in View::ALL {
            let expected = (*v != View::Draft).then_some(*v);
            assert_eq!(View::parse(v.as_str()), expected);
        }
        assert_eq!(View::parse("Due"), None);
    }
}
