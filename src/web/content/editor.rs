//! Reading and writing an editor (a contenteditable element or a textarea): its text as
//! [`Piece`]s with the nodes they came from, DOM ranges for checker spans, and insertion the
//! page registers (`execCommand`, `setRangeText` + `input`), never deleting what is there.

use crate::page::textmap::{fit, Piece, Side, TextMap};
use crate::web::dom;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlDocument, HtmlTextAreaElement, Node, Range};

/// An editor's text and, per piece, the DOM node it came from.
pub struct EditorText {
    /// The joined text and offsets.
    pub map: TextMap,
    /// The node of each piece (a text node for text pieces).
    pub nodes: Vec<Node>,
}

const BLOCKS: &[&str] = &[
    "DIV",
    "P",
    "LI",
    "UL",
    "OL",
    "BLOCKQUOTE",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "TABLE",
    "TR",
    "PRE",
];

/// The editor as a textarea, if it is one.
pub fn textarea(editor: &Element) -> Option<HtmlTextAreaElement> {
    editor.dyn_ref::<HtmlTextAreaElement>().cloned()
}

/// Reads the editor's own text (quoted replies and our helper are left out).
pub fn read(editor: &Element) -> EditorText {
    let mut pieces = Vec::new();
    let mut nodes = Vec::new();
    if let Some(t) = textarea(editor) {
        pieces.push(Piece::Text(t.value()));
        nodes.push(editor.clone().into());
    } else {
        walk(editor, &mut pieces, &mut nodes);
    }
    EditorText {
        map: TextMap::new(&pieces),
        nodes,
    }
}

fn walk(node: &Node, pieces: &mut Vec<Piece>, nodes: &mut Vec<Node>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                pieces.push(Piece::Text(child.text_content().unwrap_or_default()));
                nodes.push(child);
            }
            Node::ELEMENT_NODE => {
                let Some(el) = child.dyn_ref::<Element>() else {
                    continue;
                };
                if el.has_attribute("data-followup-ui")
                    || el.class_list().contains("gmail_quote")
                    || el.tag_name() == "STYLE"
                    || el.tag_name() == "SCRIPT"
                {
                    continue;
                }
                let tag = el.tag_name();
                if tag == "BR" {
                    pieces.push(Piece::Break);
                    nodes.push(child.clone());
                    continue;
                }
                if BLOCKS.contains(&tag.as_str()) && needs_break(pieces) {
                    pieces.push(Piece::Break);
                    nodes.push(child.clone());
                }
                walk(&child, pieces, nodes);
            }
            _ => {}
        }
    }
}

/// A new block starts a new line unless the text so far is empty or already ends a line.
fn needs_break(pieces: &[Piece]) -> bool {
    match pieces
        .iter()
        .rev()
        .find(|p| !matches!(p, Piece::Text(t) if t.is_empty()))
    {
        None => false,
        Some(Piece::Break) => false,
        Some(Piece::Text(_)) => true,
    }
}

/// Selects the UTF-16 span `[start, end)` of the editor's text and scrolls it into view (a
/// finding's "Show"); whether it could.
pub fn select(editor: &Element, start: usize, end: usize) -> bool {
    if let Some(t) = textarea(editor) {
        let _ = t.focus();
        return t.set_selection_range(start as u32, end as u32).is_ok();
    }
    let Some(r) = range(&read(editor), start, end) else {
        return false;
    };
    if let Some(h) = dom::html(editor) {
        let _ = h.focus();
    }
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    let _ = sel.remove_all_ranges();
    if sel.add_range(&r).is_err() {
        return false;
    }
    if let Some(words) = r.start_container().ok().and_then(|n| n.parent_element()) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        words.scroll_into_view_with_scroll_into_view_options(&options);
    }
    true
}

/// A DOM range over the UTF-16 span `[start, end)` of the editor's text.
pub fn range(text: &EditorText, start: usize, end: usize) -> Option<Range> {
    let (sp, so) = text.map.locate(start, Side::Start)?;
    let (ep, eo) = text.map.locate(end, Side::End)?;
    if sp > ep || (sp == ep && so >= eo) {
        return None;
    }
    let range = dom::document().ok()?.create_range().ok()?;
    range.set_start(text.nodes.get(sp)?, so as u32).ok()?;
    range.set_end(text.nodes.get(ep)?, eo as u32).ok()?;
    Some(range)
}

fn html_document() -> Option<HtmlDocument> {
    dom::document().ok()?.dyn_into::<HtmlDocument>().ok()
}

fn exec(command: &str, value: &str) -> bool {
    html_document()
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value(command, false, value)
                .ok()
        })
        .unwrap_or(false)
}

/// Fires an `input` event that bubbles and, like the browser's own, is `composed`: it leaves an
/// open shadow root (LinkedIn's modals), so a page listening on its document sees it too (what
/// pages listen to for drafts and Send buttons).
pub fn nudge(target: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// Whether the document's selection is inside `editor`.
fn selection_inside(editor: &Element) -> Option<web_sys::Selection> {
    let sel = web_sys::window()?.get_selection().ok()??;
    let node = sel.anchor_node()?;
    (sel.range_count() > 0 && editor.contains(Some(&node))).then_some(sel)
}

/// Puts the caret for an insertion: the end of the saved range if it is still inside the
/// editor, the end of the current selection if it is, else the end of the user's text (before
/// a quoted reply or a signature).
fn place_caret(editor: &Element, saved: Option<&Range>) -> Option<()> {
    if let Some(h) = dom::html(editor) {
        let _ = h.focus();
    }
    let sel = web_sys::window()?.get_selection().ok()??;
    // A selection is collapsed to its end first: inserting never replaces selected text.
    if let Some(r) = saved {
        if editor.contains(Some(&r.start_container().ok()?)) {
            sel.remove_all_ranges().ok()?;
            sel.add_range(r).ok()?;
            sel.collapse_to_end().ok()?;
            return Some(());
        }
    }
    if let Some(sel) = selection_inside(editor) {
        sel.collapse_to_end().ok()?;
        return Some(());
    }
    let range = dom::document().ok()?.create_range().ok()?;
    let stop = editor
        .query_selector(":scope > .gmail_quote, :scope > .gmail_signature, :scope > blockquote")
        .ok()
        .flatten();
    // Gmail puts an empty line (`<div><br></div>`) before a quoted reply: type into it.
    let line_before = stop
        .as_ref()
        .and_then(|s| {
            let mut prev = s.previous_element_sibling();
            while prev.as_ref().is_some_and(|p| p.tag_name() == "BR") {
                prev = prev.and_then(|p| p.previous_element_sibling());
            }
            prev
        })
        .filter(|p| p.tag_name() == "DIV" || p.tag_name() == "P");
    match (stop, line_before) {
        (Some(_), Some(line)) => {
            range.select_node_contents(&line).ok()?;
            range.collapse_with_to_start(false);
        }
        (Some(stop), None) => range.set_start_before(&stop).ok()?,
        (None, _) => {
            // Inside the last block (LinkedIn's `<p>`), else at the very end.
            let last = editor.last_element_child().filter(|e| e.tag_name() == "P");
            let container: &Node = match &last {
                Some(p) => p,
                None => editor,
            };
            range.select_node_contents(container).ok()?;
            range.collapse_with_to_start(false);
        }
    }
    range.collapse_with_to_start(true);
    sel.remove_all_ranges().ok()?;
    sel.add_range(&range).ok()?;
    Some(())
}

/// Puts the focus back in `editor` with the selection the user left there (`saved`, taken when
/// the editor lost focus); a textarea keeps its own.
pub fn focus_at(editor: &Element, saved: Option<&Range>) {
    if let Some(h) = dom::html(editor) {
        let _ = h.focus();
    }
    let Some(r) = saved else { return };
    if textarea(editor).is_some() || !r.start_container().is_ok_and(|c| editor.contains(Some(&c))) {
        return;
    }
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
        let _ = sel.add_range(r);
    }
}

/// The caret range inside `editor`, to restore after focus moved to the helper.
pub fn saved_caret(editor: &Element) -> Option<Range> {
    selection_inside(editor)?.get_range_at(0).ok()
}

/// The caret's UTF-16 offset in the editor's joined text (`None` when it cannot be mapped).
fn caret_offset(text: &EditorText) -> Option<usize> {
    let sel = web_sys::window()?.get_selection().ok()??;
    let node = sel.focus_node()?;
    let off = sel.focus_offset() as usize;
    if node.node_type() == Node::TEXT_NODE {
        let i = text
            .nodes
            .iter()
            .position(|n| n.is_same_node(Some(&node)))?;
        return text.map.offset_of(i, off);
    }
    let kids = node.child_nodes();
    if let Some(next) = kids.item(off as u32) {
        if let Some(i) = text.nodes.iter().position(|n| next.contains(Some(n))) {
            return text.map.offset_of(i, 0);
        }
    }
    if off > 0 {
        if let Some(prev) = kids.item(off as u32 - 1) {
            if let Some(i) = text.nodes.iter().rposition(|n| prev.contains(Some(n))) {
                return text.map.offset_of(i, usize::MAX);
            }
        }
    }
    // Nothing before or after in the editor's text (an empty editor or an empty line at the
    // very end): the end of the text if the caret is inside the editor.
    Some(text.map.len_utf16()).filter(|_| text.nodes.is_empty())
}

/// Inserts `text` (lines separated by `\n`) at the caret. A contenteditable gets
/// `insertText` line by line with `insertParagraph` between lines (one undo step in Chromium;
/// the page sees real input events); a textarea gets `setRangeText` at the caret, cut to
/// `limit` (the site's limit for it, see `Site::limit`), and an `input` event. Nothing already
/// there is removed. Returns whether text went in.
pub fn insert(editor: &Element, text: &str, saved: Option<&Range>, limit: Option<usize>) -> bool {
    if let Some(t) = textarea(editor) {
        let value = t.value();
        let used = value.encode_utf16().count();
        let room = limit.map_or(usize::MAX, |max| max.saturating_sub(used));
        let at = t.selection_end().ok().flatten().unwrap_or(used as u32);
        let prefix = if value.trim().is_empty() || value.ends_with('\n') {
            ""
        } else {
            " "
        };
        let piece = fit(&format!("{prefix}{text}"), room).to_string();
        if piece.trim().is_empty() {
            return false;
        }
        let _ = t.focus();
        let ok = t
            .set_range_text_with_start_and_end_and_mode(&piece, at, at, "end")
            .is_ok();
        nudge(editor);
        return ok;
    }
    if place_caret(editor, saved).is_none() {
        return false;
    }
    // The draft gets lines of its own: a break before it when the caret follows text on its
    // line, and after it when text follows the caret.
    let current = read(editor);
    let units: Vec<u16> = current.map.text().encode_utf16().collect();
    let (before, after) = match caret_offset(&current) {
        Some(at) => (
            at > 0 && units.get(at - 1) != Some(&u16::from(b'\n')),
            at < units.len() && units.get(at) != Some(&u16::from(b'\n')),
        ),
        None => (!current.map.text().trim().is_empty(), false),
    };
    let mut ok = true;
    if before {
        ok &= exec("insertParagraph", "");
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            ok &= exec("insertParagraph", "");
        }
        if !line.is_empty() {
            ok &= exec("insertText", line);
        }
    }
    if after {
        ok &= exec("insertParagraph", "");
    }
    nudge(editor);
    ok
}

/// Replaces the span `[start, end)` with `replacement` the way typing would (so the page and
/// the undo stack see it). The caller has checked that the text did not change since the span
/// was found.
pub fn replace(editor: &Element, start: usize, end: usize, replacement: &str) -> bool {
    if let Some(t) = textarea(editor) {
        let _ = t.focus();
        let ok = t
            .set_range_text_with_start_and_end_and_mode(
                replacement,
                start as u32,
                end as u32,
                "end",
            )
            .is_ok();
        nudge(editor);
        return ok;
    }
    let text = read(editor);
    let Some(range) = range(&text, start, end) else {
        return false;
    };
    if let Some(h) = dom::html(editor) {
        let _ = h.focus();
    }
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    if sel.remove_all_ranges().is_err() || sel.add_range(&range).is_err() {
        return false;
    }
    if replacement.is_empty() {
        exec("delete", "")
    } else {
        exec("insertText", replacement)
    }
}
