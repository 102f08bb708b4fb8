//! Numbers written with a fixed number of decimals, for SVG attributes, CSS lengths and URLs.
//!
//! `format!("{:.1}", Fixed(x))` writes what `format!("{:.1}", x)` would for the values the app
//! draws, through integer formatting only. Why not the standard float formatting: it brings
//! its exact-decimal and shortest-representation algorithms (about 10 KB of WebAssembly) into
//! the app, and the graph writes thousands of these per frame while a node is dragged.

use std::fmt;

/// An `f64` written with the formatter's precision (`{:.2}`), default 1, at most 9 decimals.
/// Rounds half away from zero. `-0.0` and negative values that round to zero are written
/// without a sign; NaN and infinities as `NaN`, `inf`, `-inf`. Magnitudes beyond `u128` are
/// clamped (nothing drawn is that large).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_infinite() {
            return f.write_str(if x > 0.0 { "inf" } else { "-inf" });
        }
        let decimals = f.precision().unwrap_or(1).min(9) as u32;
        let scale = 10u128.pow(decimals);
        // `as` saturates, so an absurdly large value clamps instead of wrapping.
        let scaled = (x.abs() * scale as f64).round() as u128;
        if x < 0.0 && scaled != 0 {
            f.write_str("-")?;
        }
        let (whole, fraction) = (scaled / scale, scaled % scale);
        if decimals == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{fraction:0width$}", width = decimals as usize)
        }
    }
}

/// Reads a finite decimal number written as JSON writes numbers (`-12.5`, `3`, `1e-3`; no `+`,
/// no leading `.`, no `inf` or `NaN`), for the numbers in URLs. Why JSON's grammar: the JSON
/// reader's number parser is in the app anyway, while `str::parse::<f64>` brings a second one
/// (about 4 KB of WebAssembly); a stricter grammar only turns odd links into a notice.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+')) {
        return None;
    }
    serde_json::from_str::<f64>(text).ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::{parse_number, Fixed};

    #[test]
    fn parses_json_numbers_only() {
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("-12"), Some(-12.0));
        assert_eq!(parse_number("2.5e2"), Some(250.0));
        assert_eq!(parse_number("0.1"), Some(0.1));
        assert_eq!(parse_number("-734.25"), Some(-734.25));
        for bad in ["", "abc", "1,5", "+1", ".5", "1.", "inf", "NaN", "1e999", "[1]", "\"1\"", "1 2", "0x10", "--1"] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn matches_standard_formatting_for_drawn_values() {
        for &x in &[0.0, 1.0, -1.0, 12.34, -12.34, 0.05, 99.95, 123456.789, -0.26, 3.0e9, 1e-7, 640.0] {
            for decimals in 0..=4usize {
                let ours = format!("{:.*}", decimals, Fixed(x));
                let std = format!("{:.*}", decimals, x);
                // The standard library rounds the exact binary value half to even; we round
                // half away from zero after scaling. They agree except exactly at a half.
                let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
                assert!((a - b).abs() <= 10f64.powi(-(decimals as i32)) + 1e-9, "{x} .{decimals}: {ours} vs {std}");
                assert_eq!(ours.split('.').nth(1).map_or(0, str::len), decimals, "{ours}");
            }
        }
        assert_eq!(format!("{:.1}", Fixed(12.34)), "12.3");
        assert_eq!(format!("{:.2}", Fixed(-0.5)), "-0.50");
        assert_eq!(format!("{:.0}", Fixed(2.5)), "3");
        assert_eq!(format!("{:.3}", Fixed(1.0)), "1.000");
        assert_eq!(format!("{}", Fixed(7.25)), "7.3");
    }

    #[test]
    fn no_negative_zero_and_named_non_finite() {
        assert_eq!(format!("{:.1}", Fixed(-0.0)), "0.0");
        assert_eq!(format!("{:.1}", Fixed(-0.04)), "0.0");
        assert_eq!(format!("{:.1}", Fixed(f64::NAN)), "NaN");
        assert_eq!(format!("{:.1}", Fixed(f64::INFINITY)), "inf");
        assert_eq!(format!("{:.1}", Fixed(f64::NEG_INFINITY)), "-inf");
        assert!(!format!("{:.1}", Fixed(f64::MAX)).is_empty());
    }
}
