//! Snapshot tests: one committed draft per kind × channel for the representative store
//! (`tests/data/draft-store.json`), compared exactly. `UPDATE_SNAPSHOTS=1 cargo test --test
//! draft_snapshots` rewrites them; read the diff before committing — they should sound like a
//! thoughtful person wrote them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod draft_support;

use draft_support::{now_for, representative, request, write};
use followup::draft::Draft;
use followup::model::{Channel, Kind};
use std::path::PathBuf;

fn render(draft: &Draft) -> String {
    let mut out = String::new();
    if let Some(subject) = &draft.subject {
        out.push_str(&format!("Subject: {subject}\n"));
    }
    if let Some(to) = &draft.to {
        out.push_str(&format!("To: {to}\n"));
    }
    out.push_str(&format!("\n{}\n\n", draft.body));
    if draft.findings.is_empty() {
        out.push_str("Findings: none\n");
    } else {
        out.push_str("Findings:\n");
        for f in &draft.findings {
            out.push_str(&format!("- {} {}: {}\n", f.severity, f.rule, f.message));
        }
    }
    out
}

#[test]
fn every_kind_and_channel_matches_its_snapshot() {
    let store = representative();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/draft");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut mismatches = Vec::new();
    for &kind in Kind::DRAFTABLE {
        for &channel in Channel::ALL {
            let d = write(
                &store,
                &request("acme-pm", Some("dana"), kind, channel, Some(now_for(kind))),
            );
            let actual = render(&d);
            let path = dir.join(format!("{kind}-{channel}.txt"));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => mismatches.push(format!(
                    "{} differs\n--- expected\n{expected}\n--- actual\n{actual}",
                    path.display()
                )),
                Err(e) => mismatches.push(format!("{}: {e}", path.display())),
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\n(rerun with UPDATE_SNAPSHOTS=1 to accept)",
        mismatches.join("\n")
    );
}
