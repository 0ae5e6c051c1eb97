//! Where a table's cells start on its lines: the indentation, a `#` before
//! every line (a commented paste), a `> ` quote, a CI log's fixed-width prefix.
//! A header or a first row is tried in each layout; the table then reads every
//! line through the layout it was found in.

use super::header::{read_header, ColumnAt, Header, HeaderColumn};
use super::row::{read_row, PlainSizes, RowCells, RowRead};

/// How the lines of one table are indented or prefixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLayout {
    /// Every line is in a markdown quote (`> `).
    pub quoted: bool,
    /// A character before every line (`#` in a commented paste).
    pub prefix: Option<char>,
    /// Leading spaces of the header (or first row) after the prefix.
    pub indent: usize,
    /// Characters of a fixed-width prefix on every line (a CI log's
    /// timestamps), dropped first; 0 for none.
    pub skip: usize,
}

impl TableLayout {
    /// Whether lines are read as they are (indentation only): a line's kind
    /// is then the same through the layout.
    pub fn is_plain(&self) -> bool {
        !self.quoted && self.prefix.is_none() && self.skip == 0
    }

    /// The line without its prefix and indentation.
    pub fn body<'a>(&self, text: &'a str) -> &'a str {
        let mut t = text;
        if self.skip > 0 {
            // Only when this line has the prefix too: a space right before the cut.
            let cut = t.char_indices().nth(self.skip).map(|(i, _)| i);
            let boundary = cut
                .and_then(|i| t.get(..i))
                .is_some_and(|p| p.ends_with(' '));
            if let (Some(i), true) = (cut, boundary) {
                t = t.get(i..).unwrap_or(t);
            }
        }
        if self.quoted {
            let trimmed = t.trim_start();
            if let Some(r) = trimmed.strip_prefix('>') {
                t = r;
            }
        }
        if let Some(p) = self.prefix {
            let trimmed = t.trim_start();
            if let Some(r) = trimmed.strip_prefix(p) {
                t = r;
            }
        }
        let lead = t.len() - t.trim_start_matches(' ').len();
        t.get(lead.min(self.indent)..).unwrap_or(t)
    }
}

/// The ways to read a line that may start a table: as it is (indented),
/// without a `#` prefix, inside a `> ` quote, or both (no allocation: this
/// runs on every line a table may start on).
pub fn layouts(text: &str) -> impl Iterator<Item = (TableLayout, &str)> {
    let quoted = text.trim_start().strip_prefix('>');
    let [plain, plain_hash] = layouts_of(false, text);
    let [quote, quote_hash] = quoted.map_or([None, None], |r| layouts_of(true, r));
    [plain, plain_hash, quote, quote_hash].into_iter().flatten()
}

/// The layout of `base` as it is, and without a `#` prefix if it has one.
fn layouts_of(quoted: bool, base: &str) -> [Option<(TableLayout, &str)>; 2] {
    let indent = base.len() - base.trim_start_matches(' ').len();
    let body = base.get(indent..).unwrap_or("");
    let plain = TableLayout {
        quoted,
        prefix: None,
        indent,
        skip: 0,
    };
    let hash = body.strip_prefix('#').map(|rest| {
        let inner = rest.len() - rest.trim_start_matches(' ').len();
        let layout = TableLayout {
            quoted,
            prefix: Some('#'),
            indent: inner,
            skip: 0,
        };
        (layout, rest.get(inner..).unwrap_or(""))
    });
    [Some((plain, body)), hash]
}

/// A header after some other text on its line (`2024-05-01T10:00:00.12Z IMAGE …`
/// in a CI log): the layout that drops that prefix from every line.
fn prefixed_header(text: &str) -> Option<(Header, TableLayout)> {
    for word in [" IMAGE ", " ID ", " SNAPSHOT "] {
        let Some(at) = text.find(word) else { continue };
        let prefix = text.get(..=at)?;
        if prefix.trim().is_empty() {
            continue;
        }
        let body = text.get(at + 1..)?;
        if let Some(header @ Header::History(_)) = super::header::read_header(body) {
            let layout = TableLayout {
                quoted: false,
                prefix: None,
                indent: 0,
                skip: prefix.chars().count(),
            };
            return Some((header, layout));
        }
    }
    None
}

/// Reads a header-looking line in any layout.
pub fn find_header(text: &str) -> Option<(Header, TableLayout)> {
    // Every header word is upper case: most lines are refused here.
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    layouts(text)
        .into_iter()
        .find_map(|(layout, body)| read_header(body).map(|h| (h, layout)))
        .or_else(|| prefixed_header(text))
}

/// The columns of a row without a header (`ColumnModel::headerless`),
/// without building them for every line asked.
const HEADERLESS: &[ColumnAt] = &[
    ColumnAt {
        column: HeaderColumn::Id,
        start: None,
    },
    ColumnAt {
        column: HeaderColumn::Created,
        start: None,
    },
    ColumnAt {
        column: HeaderColumn::CreatedBy,
        start: None,
    },
    ColumnAt {
        column: HeaderColumn::Size,
        start: None,
    },
    ColumnAt {
        column: HeaderColumn::Comment,
        start: None,
    },
];

/// Whether the line starts a headerless table: a complete row by shape.
pub fn find_headerless(text: &str) -> Option<TableLayout> {
    let whole = |row: &RowCells| row.size.is_some() && row.id.is_some() && row.created.is_some();
    layouts(text)
        .into_iter()
        .find_map(
            |(layout, body)| match read_row(body, HEADERLESS, PlainSizes::No) {
                RowRead::Full(row) if whole(&row) => Some(layout),
                _ => None,
            },
        )
        .or_else(|| {
            // A first row whose `<missing>` a web page dropped: keep its
            // leading spaces, they are the blank id cell.
            match read_row(text, HEADERLESS, PlainSizes::No) {
                RowRead::Full(row) if whole(&row) && row.id_blank => Some(TableLayout {
                    quoted: false,
                    prefix: None,
                    indent: 0,
                    skip: 0,
                }),
                _ => None,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_strip_indent_and_hash_prefix() {
        let l: Vec<_> = layouts("    IMAGE   CREATED").collect();
        assert_eq!(l.first().map(|x| x.1), Some("IMAGE   CREATED"));
        let h: Vec<_> = layouts("# IMAGE          CREATED").collect();
        assert_eq!(
            h.get(1).map(|x| (x.0.prefix, x.1)),
            Some((Some('#'), "IMAGE          CREATED"))
        );
        let layout = h.get(1).map(|x| x.0).unwrap_or(TableLayout {
            quoted: false,
            prefix: None,
            indent: 0,
            skip: 0,
        });
        assert_eq!(
            layout.body("#6e558799f7ba   4 seconds ago"),
            "6e558799f7ba   4 seconds ago"
        );
    }

    #[test]
    fn ci_log_prefix() {
        let (header, layout) = find_header("2024-05-01T10:00:00.1234567Z IMAGE          CREATED        CREATED BY   SIZE      COMMENT").expect("a header");
        assert!(matches!(header, Header::History(_)));
        assert_eq!(layout.skip, 29);
        assert_eq!(
            layout.body("2024-05-01T10:00:00.1234567Z <missing>      2 weeks ago"),
            "<missing>      2 weeks ago"
        );
        // Prose mentioning a header word is not a header.
        assert!(find_header("The IMAGE column shows CREATED BY").is_none());
    }

    #[test]
    fn headerless_rows_are_found_by_shape() {
        assert!(find_headerless("<missing>      56 minutes ago   RUN /bin/sh -c chown webservice . # buildkit    0B        buildkit.dockerfile.v0").is_some());
        assert!(find_headerless("1271ebba476c   37 seconds ago   CMD [\"serve\" \"-s\" \"-l\" \"5000\" \"build\"]          0B        buildkit.dockerfile.v0").is_some());
        assert!(find_headerless(
            "hello-world                 latest    feb5d9fea6a5   11 months ago   13.3kB"
        )
        .is_none());
        assert!(find_headerless("3.97MB Alpine Linux Layer").is_none());
        assert!(find_headerless("f6e427c148a7: 4 weeks ago").is_none());
    }
}
