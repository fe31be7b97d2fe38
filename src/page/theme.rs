//! Whether the page around an editor is dark, from the computed CSS colour of the nearest opaque
//! background, so that the helper can follow the page's theme (Gmail's dark themes are page
//! styles, not the system's `prefers-color-scheme`).
//!
//! Integer arithmetic only: float parsing and `powf` would add about 19 KB (gzipped) to the
//! module every Gmail and LinkedIn tab loads, for a yes/no answer. Luminance is taken with a
//! gamma of 2 instead of the sRGB curve, and the line drawn at mid grey (118, 118, 118), where
//! the exact WCAG luminance (0.18) gives black and white text the same contrast.

/// Squared channel value of mid grey: a weighted sum of squares below this is dark.
const MID_GREY: u64 = 118 * 118;

/// Reads a computed colour as the browser writes it (`rgb(r, g, b)` or `rgba(r, g, b, a)`, with
/// commas or spaces, `/` before alpha) and says whether it is a dark background: `None` when it
/// is mostly transparent (look further out) or not in that form.
///
/// ```
/// use followup::page::theme::dark_background;
/// assert_eq!(dark_background("rgb(32, 33, 36)"), Some(true));
/// assert_eq!(dark_background("rgb(255, 255, 255)"), Some(false));
/// assert_eq!(dark_background("rgba(0, 0, 0, 0)"), None);
/// ```
pub fn dark_background(css: &str) -> Option<bool> {
    let css = css.trim();
    let inner = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let channel = |p: &str| p.parse::<u8>().ok().map(u64::from);
    let (r, g, b) = match parts.as_slice() {
        [r, g, b] | [r, g, b, _] => (channel(r)?, channel(g)?, channel(b)?),
        _ => return None,
    };
    if let [_, _, _, a] = parts.as_slice() {
        if !mostly_opaque(a)? {
            return None;
        }
    }
    // Weights of the WCAG luminance, in ten-thousandths.
    Some(2126 * r * r + 7152 * g * g + 722 * b * b < 10_000 * MID_GREY)
}

/// Whether an alpha value (`0.8`, `.8`, `1`, `80%`) is at least one half.
fn mostly_opaque(alpha: &str) -> Option<bool> {
    if let Some(pct) = alpha.strip_suffix('%') {
        let whole = pct.split('.').next()?;
        return Some(whole.parse::<u32>().ok()? >= 50);
    }
    let (whole, fraction) = alpha.split_once('.').unwrap_or((alpha, ""));
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    if !fraction.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(whole >= 1 || fraction.as_bytes().first().is_some_and(|&d| d >= b'5'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_colours_browsers_write() {
        let table = [
            ("rgb(32, 33, 36)", Some(true)),     // Gmail dark
            ("rgb(45, 46, 48)", Some(true)),     // a dark compose
            ("rgb(255, 255, 255)", Some(false)), // white
            ("rgb(246, 248, 252)", Some(false)), // Gmail light
            ("rgb(117, 117, 117)", Some(true)),  // white text reads better
            ("rgb(118, 118, 118)", Some(false)), // black text reads better
            ("rgb(11, 87, 208)", Some(true)),    // a strong blue
            ("rgb(254, 247, 224)", Some(false)), // a pale yellow
            ("rgb(60 64 67 / 0.9)", Some(true)),
            ("rgba(255, 255, 255, 0.8)", Some(false)),
            ("rgba(0, 0, 0, 1)", Some(true)),
            ("rgba(0, 0, 0, .5)", Some(true)),
            ("rgba(0, 0, 0, 0.49)", None),
            ("rgba(0, 0, 0, 0)", None), // transparent: look further out
            ("rgb(0 0 0 / 10%)", None), // percent alpha
            ("rgb(0 0 0 / 90%)", Some(true)),
            ("color(srgb 0 0 0)", None), // another form
            ("rgb(300, 0, 0)", None),    // out of range
            ("rgb(1, 2)", None),         // too few channels
            ("rgba(0, 0, 0, x)", None),
            ("", None),
        ];
        for (css, want) in table {
            assert_eq!(dark_background(css), want, "{css}");
        }
    }

    /// WCAG relative luminance with the exact sRGB curve.
    fn wcag(v: u8) -> f64 {
        let c = f64::from(v) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    proptest! {
        /// On greys the integer rule agrees with the exact one: dark when white text has more
        /// contrast than black text.
        #[test]
        fn agrees_with_wcag_on_greys(v in 0u8..=255) {
            let l = wcag(v);
            let white_wins = 1.05 / (l + 0.05) > (l + 0.05) / 0.05;
            prop_assert_eq!(dark_background(&format!("rgb({v}, {v}, {v})")), Some(white_wins));
        }

        #[test]
        fn never_panics(s in ".{0,40}") {
            let _ = dark_background(&s);
        }
    }
}
