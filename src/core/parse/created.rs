//! Recognises a CREATED / CREATED AT cell by its shape.
//!
//! Format notes (go-units `HumanDuration`, formats.md §1.6):
//! - human: `Less than a second ago`, `1 second ago`, `N seconds ago`,
//!   `About a minute ago`, `N minutes ago`, `About an hour ago`, `N hours ago`,
//!   `N days ago`, `N weeks ago`, `N months ago`, `N years ago`;
//!   docker 17.06–17.07 printed the same without ` ago` under `CREATED AT`.
//! - `N/A` for images created before 2000 (docker ≥ 23, reproducible builds).
//! - `--human=false`: RFC 3339 in the client's zone (`2020-01-03T00:25:04+03:00`,
//!   `2017-01-01T12:00:03Z`); Go's default `2020-01-03 00:25:04 +0300 MSK` is
//!   accepted too.

/// Length in bytes of the CREATED cell at the start of `text`, if there is one.
/// The match must end at the end of `text` or at whitespace.
pub fn created_prefix(text: &str) -> Option<usize> {
    human_prefix(text)
        .or_else(|| timestamp_prefix(text))
        .or_else(|| text.starts_with("N/A").then_some(3))
        .filter(|&n| text.get(n..).is_some_and(ends_token))
}

/// Whether the whole (trimmed) cell is a CREATED value.
pub fn is_created(cell: &str) -> bool {
    let t = cell.trim();
    created_prefix(t) == Some(t.len())
}

/// Whether the cell is a timestamp (the `--human=false` form).
pub fn is_timestamp(cell: &str) -> bool {
    let t = cell.trim();
    timestamp_prefix(t) == Some(t.len())
}

fn ends_token(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(char::is_whitespace)
}

/// Unit words, with the abbreviations people type when they retype a table
/// (`2 mins ago`); longest first so `minute` wins over `min`.
const UNITS: [&str; 15] = [
    "second", "minute", "month", "hour", "week", "year", "day", "sec", "min", "hrs", "hr", "wk",
    "mo", "yr", "h",
];

/// `Less than a second ago` | `About a minute ago` | `About an hour ago` |
/// `12 days ago` | `12 days` (no `ago`, docker 17.06).
fn human_prefix(text: &str) -> Option<usize> {
    for fixed in ["Less than a second", "About a minute", "About an hour"] {
        if let Some(rest) = text.strip_prefix(fixed) {
            return Some(fixed.len() + ago_len(rest));
        }
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = text.get(digits..)?.strip_prefix(' ')?;
    let unit = UNITS.iter().find(|u| rest.starts_with(*u))?;
    let mut used = digits + 1 + unit.len();
    let after = text.get(used..)?;
    let after = match after.strip_prefix('s') {
        Some(a) => {
            used += 1;
            a
        }
        None => after,
    };
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some(used + ago_len(after))
}

fn ago_len(rest: &str) -> usize {
    if rest.starts_with(" ago") && rest.get(4..).is_some_and(ends_token) {
        4
    } else {
        0
    }
}

/// `2020-01-03T00:25:04+03:00` | `2017-01-01T12:00:03.5Z` | `2020-01-03 00:25:04 +0300 MSK`
fn timestamp_prefix(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let all_digits = |r: std::ops::Range<usize>| r.clone().all(digit);
    // YYYY-MM-DD
    if !(all_digits(0..4) && b.get(4) == Some(&b'-') && all_digits(5..7))
        || b.get(7) != Some(&b'-')
        || !all_digits(8..10)
    {
        return None;
    }
    let sep = *b.get(10)?;
    if sep != b'T' && sep != b' ' {
        return None;
    }
    // HH:MM:SS
    if !(all_digits(11..13)
        && b.get(13) == Some(&b':')
        && all_digits(14..16)
        && b.get(16) == Some(&b':')
        && all_digits(17..19))
    {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        while digit(i) {
            i += 1;
        }
    }
    if sep == b'T' {
        match b.get(i) {
            Some(b'Z') => i += 1,
            Some(b'+' | b'-')
                if all_digits(i + 1..i + 3)
                    && b.get(i + 3) == Some(&b':')
                    && all_digits(i + 4..i + 6) =>
            {
                i += 6;
            }
            _ => {}
        }
        return Some(i);
    }
    // Go's default layout: ` +0300 MSK`
    if b.get(i) == Some(&b' ')
        && matches!(b.get(i + 1), Some(b'+' | b'-'))
        && all_digits(i + 2..i + 6)
    {
        i += 6;
        if b.get(i) == Some(&b' ') {
            let zone = b.get(i + 1..).map_or(0, |z| {
                z.iter().take_while(|c| c.is_ascii_uppercase()).count()
            });
            if zone > 0 {
                i += 1 + zone;
            }
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_durations() {
        for cell in [
            "Less than a second ago",
            "1 second ago",
            "33 seconds ago",
            "About a minute ago",
            "2 minutes ago",
            "About an hour ago",
            "5 hours ago",
            "3 days ago",
            "2 weeks ago",
            "20 months ago",
            "56 years ago",
            "N/A",
            "2 weeks",
            "2 mins ago",
            "3 hrs ago",
        ] {
            assert!(is_created(cell), "{cell:?} should be a CREATED cell");
        }
    }

    #[test]
    fn timestamps() {
        assert!(is_timestamp("2020-01-03T00:25:04+03:00"));
        assert!(is_timestamp("2017-01-01T12:00:03Z"));
        assert!(is_timestamp("2023-10-25T09:46:05.123456789+05:30"));
        assert!(is_timestamp("2020-01-03 00:25:04 +0300 MSK"));
        assert!(is_created("2020-01-03T00:25:04+03:00"));
        assert!(!is_timestamp("2020-01-03"));
    }

    #[test]
    fn prefix_lengths_inside_a_row() {
        assert_eq!(created_prefix("33 seconds ago       /bin/sh"), Some(14));
        assert_eq!(created_prefix("About a minute ago   /bin/sh"), Some(18));
        assert_eq!(created_prefix("2019-12-19T07:21:28+03:00   /bin"), Some(25));
        assert_eq!(created_prefix("N/A   COPY"), Some(3));
    }

    #[test]
    fn not_created() {
        assert!(!is_created("3 apples ago"));
        assert!(!is_created("/bin/sh -c"));
        assert!(!is_created("12MB"));
        assert_eq!(created_prefix("N/Abc"), None);
        assert_eq!(created_prefix("2 dayss ago"), None);
    }
}
