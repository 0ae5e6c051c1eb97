//! Recognises a CREATED / CREATED AT cell by its shape.
//!
//! Format notes (go-units `HumanDuration`, docs/formats.md §1.6; `--human=false` forms §1.6b):
//! - human: `Less than a second ago`, `1 second ago`, `N seconds ago`,
//!   `About a minute ago`, `N minutes ago`, `About an hour ago`, `N hours ago`,
//!   `N days ago`, `N weeks ago`, `N months ago`, `N years ago`;
//!   docker 17.06–17.07 printed the same without ` ago` under `CREATED AT`.
//! - `N/A` for images created before 2000 (docker ≥ 23, reproducible builds).
//! - `--human=false`: RFC 3339 in the client's zone (`2020-01-03T00:25:04+03:00`,
//!   `2017-01-01T12:00:03Z`); Go's default `2020-01-03 00:25:04 +0300 MSK` is
//!   accepted too.
//!
//! The grammar (nom, over the cell's `&str`; words are case-sensitive, as
//! the tools print them):
//!
//! ```text
//! created   = (relative | timestamp | "N/A")        (then whitespace or the end)
//! relative  = ("Less than a second" | "About a minute" | "About an hour"
//!             | d+ " " unit                        (then a space or the end))
//!             (" ago")?                             (then whitespace or the end)
//! unit      = [A-Za-z]+, one of second minute hour day week month year,
//!             or what people type when they retype a table (`2 mins ago`):
//!             sec min hr hrs h wk mo yr; each maybe with a plural "s"
//! timestamp = d4 "-" d2 "-" d2 ("T" time zone? | " " time go-zone?)
//! time      = d2 ":" d2 ":" d2 ("." d*)?
//! zone      = "Z" | ("+" | "-") d2 ":" d2
//! go-zone   = " " ("+" | "-") d4 (" " [A-Z]+)?
//! ```
//!
//! Why nom: the phrases and the timestamp layout are fixed token sequences,
//! which nom's combinators spell out as written above, without copying, and a
//! failure tells where it stopped and what it wanted there ([`CellError`]).
//! Row readers try this grammar at many tokens of a line, so a token that
//! cannot start a CREATED value is rejected on its first byte, and the first
//! byte (for digits: whether a dash follows four of them) picks the one
//! branch that can match, instead of trying each in turn.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{alpha1, char, digit0, digit1, one_of};
use nom::combinator::{opt, value};
use nom::error::context;
use nom::sequence::preceded;
use nom::Parser;

use super::size::{cell_error, named, token_end, CellError, Expected, Res};

/// What a CREATED cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    /// `3 weeks ago`, `About an hour ago` (1 hour), `Less than a second ago`
    /// (0 seconds), or the same without ` ago` (docker 17.06 `CREATED AT`).
    Ago {
        /// How many units (saturating).
        count: u64,
        /// Which unit.
        unit: TimeUnit,
    },
    /// An RFC 3339 time or Go's default layout (`--human=false`).
    Timestamp,
    /// `N/A`: created before 2000.
    NotAvailable,
}

/// The unit of a relative CREATED cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// `second(s)`, `sec(s)`.
    Second,
    /// `minute(s)`, `min(s)`.
    Minute,
    /// `hour(s)`, `hr(s)`, `hrs`, `h`.
    Hour,
    /// `day(s)`.
    Day,
    /// `week(s)`, `wk(s)`.
    Week,
    /// `month(s)`, `mo(s)`.
    Month,
    /// `year(s)`, `yr(s)`.
    Year,
}

// What each part of the grammar expects.
const CREATED: &str =
    "a CREATED value (`3 weeks ago`, `About an hour ago`, `2023-01-02T03:04:05Z`, `N/A`)";
const SPACE: &str = "a space before the time unit";
const UNIT: &str =
    "a time unit (`seconds`, `minutes`, `hours`, `days`, `weeks`, `months`, `years`)";
const AFTER_UNIT: &str = "a space or the end after the time unit";
const END: &str = "whitespace or the end of the CREATED value";
const WHOLE: &str = "the end of the cell after the CREATED value";

/// Whitespace or the end: where a CREATED value ends.
fn created_end<'a>(what: &'static str) -> impl Fn(&'a str) -> Res<'a, ()> {
    token_end(what, char::is_whitespace)
}

/// ` ago`, only as a whole word.
fn ago(input: &str) -> Res<'_, ()> {
    let (rest, _) = tag(" ago")(input)?;
    created_end(END)(rest)
}

/// A time unit's word, maybe with a plural `s`: go-units prints `second`,
/// `minutes`, …; people retyping a table write `sec`, `mins`, `hrs`, `h`, …
fn unit_word(word: &str) -> Option<TimeUnit> {
    use TimeUnit::*;
    let unit = |w: &str| match w {
        "second" | "sec" => Some(Second),
        "minute" | "min" => Some(Minute),
        "hour" | "hrs" | "hr" | "h" => Some(Hour),
        "day" => Some(Day),
        "week" | "wk" => Some(Week),
        "month" | "mo" => Some(Month),
        "year" | "yr" => Some(Year),
        _ => None,
    };
    unit(word).or_else(|| word.strip_suffix('s').and_then(unit))
}

/// `12 days` | `1 second` | `3 hrs`: a count, one space, a unit word.
fn counted(input: &str) -> Res<'_, (u64, TimeUnit)> {
    // Most tokens of a row that start with a digit are no count (`0B`, `12`,
    // `3.5`): without a space after the digits, fail where the grammar below
    // would, before building it.
    let run = input.bytes().take_while(u8::is_ascii_digit).count();
    if run > 0 && input.as_bytes().get(run) != Some(&b' ') {
        return Err(nom::Err::Error(Expected {
            rest: input.get(run..).unwrap_or(""),
            what: SPACE,
        }));
    }
    // The grammar's steps one after the other (`?` carries nom's error).
    let (rest, digits) = digit1(input)?;
    let (rest, _) = char(' ')(rest).map_err(named(SPACE))?;
    let (after, word) = alpha1(rest).map_err(named(UNIT))?;
    let unit = unit_word(word).ok_or(nom::Err::Error(Expected { rest, what: UNIT }))?;
    let (rest, ()) = token_end(AFTER_UNIT, |c| c == ' ')(after)?;
    let count = digits.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10)
            .saturating_add(u64::from(b.wrapping_sub(b'0')))
    });
    Ok((rest, (count, unit)))
}

/// `Less than a second` | `About a minute` | `About an hour` | `12 days`,
/// then ` ago` if it is there; the first byte tells which.
fn relative(input: &str) -> Res<'_, Created> {
    let (rest, (count, unit)) = match input.as_bytes().first() {
        Some(b'L') => value((0, TimeUnit::Second), tag("Less than a second")).parse_complete(input),
        Some(b'A') => alt((
            value((1, TimeUnit::Minute), tag("About a minute")),
            value((1, TimeUnit::Hour), tag("About an hour")),
        ))
        .parse_complete(input),
        _ => counted(input),
    }?;
    let rest = match ago(rest) {
        Ok((after, ())) => after,
        Err(_) => rest,
    };
    Ok((rest, Created::Ago { count, unit }))
}

/// Exactly `n` ASCII digits.
fn digits<'a>(
    n: usize,
    what: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = Expected<'a>> {
    context(what, take_while_m_n(n, n, |c: char| c.is_ascii_digit()))
}

/// `00:25:04` | `12:00:03.5`.
fn time(input: &str) -> Res<'_, ()> {
    (
        digits(2, "a 2-digit hour"),
        context("`:` after the hour", char(':')),
        digits(2, "2-digit minutes"),
        context("`:` after the minutes", char(':')),
        digits(2, "2-digit seconds"),
        opt(preceded(char('.'), digit0)),
    )
        .map(|_| ())
        .parse_complete(input)
}

/// `Z` | `+03:00` | `-05:30`.
fn zone(input: &str) -> Res<'_, ()> {
    alt((
        char('Z').map(|_| ()),
        (one_of("+-"), digits(2, ""), char(':'), digits(2, "")).map(|_| ()),
    ))
    .parse_complete(input)
}

/// ` +0300 MSK` (Go's default layout).
fn go_zone(input: &str) -> Res<'_, ()> {
    (
        char(' '),
        one_of("+-"),
        digits(4, ""),
        opt(preceded(
            char(' '),
            take_while1(|c: char| c.is_ascii_uppercase()),
        )),
    )
        .map(|_| ())
        .parse_complete(input)
}

/// `2020-01-03T00:25:04+03:00` | `2017-01-01T12:00:03.5Z` |
/// `2020-01-03 00:25:04 +0300 MSK`.
fn timestamp(input: &str) -> Res<'_, Created> {
    (
        digits(4, "a 4-digit year"),
        context("`-` after the year", char('-')),
        digits(2, "a 2-digit month"),
        context("`-` after the month", char('-')),
        digits(2, "a 2-digit day"),
        context(
            "`T` or a space before the time",
            alt((
                preceded(char('T'), (time, opt(zone))).map(|_| ()),
                preceded(char(' '), (time, opt(go_zone))).map(|_| ()),
            )),
        ),
    )
        .map(|_| Created::Timestamp)
        .parse_complete(input)
}

/// Reads the CREATED value at the start of `text` and returns it with the
/// bytes used. The value must end at the end of `text` or at whitespace.
pub fn created_cell(text: &str) -> Result<(Created, usize), CellError> {
    // What can start a CREATED value: most tokens of a row stop here.
    if !matches!(
        text.as_bytes().first(),
        Some(b'0'..=b'9' | b'L' | b'A' | b'N')
    ) {
        return Err(CellError {
            column: 0,
            expected: CREATED,
        });
    }
    let read = match text.as_bytes().first() {
        Some(b'N') => value(Created::NotAvailable, tag("N/A")).parse_complete(text),
        // `2020-…`: only a timestamp can follow four digits and a dash.
        Some(b'0'..=b'9') if looks_like_date(text) => timestamp(text),
        _ => relative(text),
    };
    let read = read.and_then(|(rest, created)| {
        let (rest, ()) = created_end(END)(rest)?;
        Ok((rest, created))
    });
    match read {
        Ok((rest, created)) => Ok((created, text.len().saturating_sub(rest.len()))),
        Err(e) => Err(cell_error(text, e)),
    }
}

/// Four digits and a dash: the start of a timestamp, not of a count.
fn looks_like_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit)) && b.get(4) == Some(&b'-')
}

/// Length in bytes of the CREATED cell at the start of `text`, if there is one.
/// The match must end at the end of `text` or at whitespace.
pub fn created_prefix(text: &str) -> Option<usize> {
    created_cell(text).ok().map(|(_, used)| used)
}

/// Reads a whole CREATED cell; spaces around it are ignored. The error's
/// column is in `cell` as given.
pub fn read_created(cell: &str) -> Result<Created, CellError> {
    let lead = cell.len().saturating_sub(cell.trim_start().len());
    let t = cell.trim();
    match created_cell(t) {
        Ok((created, used)) if used >= t.len() => Ok(created),
        Ok((_, used)) => {
            let after = t.get(used..).unwrap_or("");
            let gap = after.len().saturating_sub(after.trim_start().len());
            Err(CellError {
                column: lead.saturating_add(used).saturating_add(gap),
                expected: WHOLE,
            })
        }
        Err(e) => Err(CellError {
            column: lead.saturating_add(e.column),
            expected: e.expected,
        }),
    }
}

/// Whether the whole (trimmed) cell is a CREATED value.
pub fn is_created(cell: &str) -> bool {
    read_created(cell).is_ok()
}

/// Whether the cell is a timestamp (the `--human=false` form).
pub fn is_timestamp(cell: &str) -> bool {
    let t = cell.trim();
    looks_like_date(t) && timestamp(t).is_ok_and(|(rest, _)| rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use TimeUnit::*;

    fn ago(count: u64, unit: TimeUnit) -> Created {
        Created::Ago { count, unit }
    }

    /// The grammar, form by form: input → (value, bytes used) or the error's
    /// (column, expected).
    #[test]
    fn created_table() {
        type Want = Result<(Created, usize), (usize, &'static str)>;
        let ts = Created::Timestamp;
        let table: &[(&str, Want)] = &[
            // docker, podman, nerdctl: go-units HumanDuration
            ("Less than a second ago", Ok((ago(0, Second), 22))),
            ("1 second ago", Ok((ago(1, Second), 12))),
            ("33 seconds ago", Ok((ago(33, Second), 14))),
            ("About a minute ago", Ok((ago(1, Minute), 18))),
            ("2 minutes ago", Ok((ago(2, Minute), 13))),
            ("About an hour ago", Ok((ago(1, Hour), 17))),
            ("5 hours ago", Ok((ago(5, Hour), 11))),
            ("3 days ago", Ok((ago(3, Day), 10))),
            ("2 weeks ago", Ok((ago(2, Week), 11))),
            ("20 months ago", Ok((ago(20, Month), 13))),
            ("4 years ago", Ok((ago(4, Year), 11))),
            // docker 17.06–17.07 `CREATED AT`: no `ago`
            ("2 weeks", Ok((ago(2, Week), 7))),
            ("About an hour", Ok((ago(1, Hour), 13))),
            // retyped by hand
            ("2 mins ago", Ok((ago(2, Minute), 10))),
            ("3 hrs ago", Ok((ago(3, Hour), 9))),
            ("1 h ago", Ok((ago(1, Hour), 7))),
            ("6 mos ago", Ok((ago(6, Month), 9))),
            // --human=false, --no-trunc: RFC 3339, Go's default layout
            ("2023-01-02T03:04:05Z", Ok((ts, 20))),
            ("2020-01-03T00:25:04+03:00", Ok((ts, 25))),
            ("2023-10-25T09:46:05.123456789+05:30", Ok((ts, 35))),
            ("2017-01-01T12:00:03.5Z", Ok((ts, 22))),
            ("2019-12-19T07:21:28", Ok((ts, 19))),
            ("2020-01-03 00:25:04 +0300 MSK", Ok((ts, 29))),
            ("2020-01-03 00:25:04 +0300", Ok((ts, 25))),
            // docker ≥ 23 before 2000
            ("N/A", Ok((Created::NotAvailable, 3))),
            // inside a row: stops at the value's end
            ("33 seconds ago       /bin/sh", Ok((ago(33, Second), 14))),
            ("2 weeks ago\tRUN x", Ok((ago(2, Week), 11))),
            ("About a minute agony", Ok((ago(1, Minute), 14))),
            ("N/A   COPY", Ok((Created::NotAvailable, 3))),
            // errors: where and what
            ("", Err((0, CREATED))),
            ("/bin/sh -c", Err((0, CREATED))),
            ("12MB", Err((2, SPACE))),
            ("3 apples ago", Err((2, UNIT))),
            ("2 dayss ago", Err((2, UNIT))),
            ("2 days, 3 hours", Err((6, AFTER_UNIT))),
            ("2020x", Err((4, SPACE))),
            ("N/Abc", Err((3, END))),
            ("About an hourly", Err((13, END))),
            ("2020-01-03", Err((10, "`T` or a space before the time"))),
            ("2020-01-03T00:25", Err((16, "`:` after the minutes"))),
            ("2020-1-03T00:25:04Z", Err((5, "a 2-digit month"))),
            ("2020-01-03T00:25:04+03:0", Err((19, END))),
        ];
        for (input, want) in table {
            let got = created_cell(input).map_err(|e| (e.column, e.expected));
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn whole_cells() {
        assert_eq!(read_created("  2 weeks ago  "), Ok(ago(2, Week)));
        assert_eq!(
            read_created(" 2 weeks ago RUN").map_err(|e| (e.column, e.expected)),
            Err((13, WHOLE))
        );
        assert_eq!(read_created("  3 apples").map_err(|e| e.column), Err(4));
    }

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
        assert!(!is_timestamp("2 weeks ago"));
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
