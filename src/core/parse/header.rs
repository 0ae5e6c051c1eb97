//! Recognises a table header line and turns it into a [`ColumnModel`]: which
//! columns, in which order, starting where.
//!
//! Format notes (formats.md §1.1, §3, §4, §7):
//! - docker: `IMAGE  CREATED  CREATED BY  SIZE  COMMENT`; `--human=false` gives
//!   `CREATED AT`; a custom `--format 'table …'` keeps any subset in any order.
//! - podman: first column `ID`; nerdctl: first column `SNAPSHOT`.
//! - docker 0.x printed no COMMENT (and before 0.7 no SIZE).
//! - `docker images` / `docker image ls` (`REPOSITORY TAG IMAGE ID CREATED SIZE`,
//!   2013: `VIRTUAL SIZE`) and `docker ps` headers are recognised so that their
//!   rows can be skipped, never read as layers.

/// One column of a history table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// IMAGE / ID / SNAPSHOT.
    Id,
    /// CREATED (human duration, or a timestamp with old `--human=false`).
    Created,
    /// CREATED AT (`--human=false`).
    CreatedAt,
    /// CREATED BY.
    CreatedBy,
    /// SIZE.
    Size,
    /// COMMENT.
    Comment,
}

impl Column {
    /// Whether the cell is free text (located by its neighbours, not its shape).
    pub fn is_free(self) -> bool {
        matches!(self, Column::CreatedBy | Column::Comment)
    }
    /// The header word(s) docker prints for it.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "IMAGE",
            Column::Created => "CREATED",
            Column::CreatedAt => "CREATED AT",
            Column::CreatedBy => "CREATED BY",
            Column::Size => "SIZE",
            Column::Comment => "COMMENT",
        }
    }
}

/// What the first header word was (a dialect fingerprint).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdHeader {
    /// `IMAGE` (docker).
    Image,
    /// `ID` (podman, docker ≤ 0.6).
    Id,
    /// `SNAPSHOT` (nerdctl).
    Snapshot,
    /// No id column.
    None,
}

/// A column and where its header word starts (in characters from the start of
/// the header text), when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnAt {
    /// Which column.
    pub column: Column,
    /// Character offset of its header word; `None` for the headerless default.
    pub start: Option<usize>,
}

/// The columns of one table, in printed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnModel {
    /// The columns, left to right.
    pub columns: Vec<ColumnAt>,
    /// The first header word.
    pub id_header: IdHeader,
}

impl ColumnModel {
    /// The default docker layout, used for rows without a header.
    pub fn headerless() -> Self {
        let columns = [
            Column::Id,
            Column::Created,
            Column::CreatedBy,
            Column::Size,
            Column::Comment,
        ]
        .into_iter()
        .map(|column| ColumnAt {
            column,
            start: None,
        })
        .collect();
        ColumnModel {
            columns,
            id_header: IdHeader::None,
        }
    }

    /// Whether the table has this column.
    pub fn has(&self, column: Column) -> bool {
        self.columns.iter().any(|c| c.column == column)
    }

    /// Where this column's header starts, if known.
    pub fn start_of(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.column == column)
            .and_then(|c| c.start)
    }

    /// The header line as text (`IMAGE  CREATED  …`), for messages.
    pub fn describe(&self) -> String {
        self.columns
            .iter()
            .map(|c| match (c.column, self.id_header) {
                (Column::Id, IdHeader::Id) => "ID",
                (Column::Id, IdHeader::Snapshot) => "SNAPSHOT",
                (col, _) => col.header(),
            })
            .collect::<Vec<_>>()
            .join("  ")
    }
}

/// What a header-looking line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// A history table header.
    History(ColumnModel),
    /// The header of another table (`docker images`, `docker ps`): its rows are
    /// not layers. The string names the table for messages.
    Other(&'static str),
}

/// Words with their character offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (char col, byte)
    for (col, (byte, c)) in line.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((sc, sb)) = start.take() {
                out.push((sc, line.get(sb..byte).unwrap_or("")));
            }
        } else if start.is_none() {
            start = Some((col, byte));
        }
    }
    if let Some((sc, sb)) = start {
        out.push((sc, line.get(sb..).unwrap_or("")));
    }
    out
}

/// Reads a header line (already without indentation or `#` prefix).
pub fn read_header(line: &str) -> Option<Header> {
    let words = words(line);
    let mut columns: Vec<ColumnAt> = Vec::new();
    let mut id_header = IdHeader::None;
    let mut other: Option<&'static str> = None;
    let mut unknown = false;
    let mut i = 0;
    while let Some(&(start, word)) = words.get(i) {
        let next = words.get(i + 1).map(|w| w.1);
        let mut used = 1;
        let column = match (word, next) {
            ("IMAGE", Some("ID")) => {
                other = Some("`docker images`");
                used = 2;
                None
            }
            ("CONTAINER", Some("ID")) => {
                other = Some("`docker ps`");
                used = 2;
                None
            }
            ("VIRTUAL", Some("SIZE")) => {
                other = Some("`docker images`");
                used = 2;
                None
            }
            ("REPOSITORY" | "TAG" | "DIGEST", _) => {
                other = other.or(Some("`docker images`"));
                None
            }
            ("COMMAND" | "STATUS" | "PORTS" | "NAMES" | "MOUNTS" | "NETWORKS", _) => {
                other = other.or(Some("`docker ps`"));
                None
            }
            ("DISK" | "CONTENT", Some("USAGE" | "SIZE")) => {
                other = other.or(Some("`docker images`"));
                used = 2;
                None
            }
            ("EXTRA", _) | ("SHARED", _) | ("UNIQUE", _) | ("CONTAINERS", _) | ("PLATFORM", _) => {
                other = other.or(Some("`docker images`"));
                None
            }
            ("IMAGE", _) => {
                id_header = IdHeader::Image;
                Some(Column::Id)
            }
            ("ID", _) => {
                id_header = IdHeader::Id;
                Some(Column::Id)
            }
            ("SNAPSHOT", _) => {
                id_header = IdHeader::Snapshot;
                Some(Column::Id)
            }
            ("CREATED", Some("BY")) => {
                used = 2;
                Some(Column::CreatedBy)
            }
            ("CREATED", Some("AT")) => {
                used = 2;
                Some(Column::CreatedAt)
            }
            ("CREATED", _) => Some(Column::Created),
            ("SIZE", _) => Some(Column::Size),
            ("COMMENT", _) => Some(Column::Comment),
            _ => {
                unknown = true;
                None
            }
        };
        if let Some(column) = column {
            columns.push(ColumnAt {
                column,
                start: Some(start),
            });
        }
        i += used;
    }
    if let Some(name) = other {
        // Needs at least two recognised words to be a table header at all.
        return (words.len() >= 3).then_some(Header::Other(name));
    }
    if unknown {
        return None;
    }
    let distinct = columns
        .iter()
        .enumerate()
        .all(|(k, c)| columns.iter().skip(k + 1).all(|d| d.column != c.column));
    let useful = columns
        .iter()
        .any(|c| matches!(c.column, Column::CreatedBy | Column::Size));
    (columns.len() >= 2 && distinct && useful)
        .then_some(Header::History(ColumnModel { columns, id_header }))
}

/// The rest of a header wrapped by a narrow terminal (`    COMMENT` on the
/// line under `IMAGE  CREATED  CREATED BY  SIZE`): its columns, if the line
/// holds nothing but column names.
pub fn wrapped_header_columns(line: &str) -> Option<Vec<Column>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let next = words.get(i + 1).copied();
        let (column, used) = match (w, next) {
            ("CREATED", Some("BY")) => (Column::CreatedBy, 2),
            ("CREATED", Some("AT")) => (Column::CreatedAt, 2),
            ("CREATED", _) => (Column::Created, 1),
            ("SIZE", _) => (Column::Size, 1),
            ("COMMENT", _) => (Column::Comment, 1),
            _ => return None,
        };
        out.push(column);
        i += used;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(h: &Header) -> Vec<(Column, Option<usize>)> {
        match h {
            Header::History(m) => m.columns.iter().map(|c| (c.column, c.start)).collect(),
            Header::Other(_) => Vec::new(),
        }
    }

    #[test]
    fn docker_default_header() {
        let h = read_header("IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT").unwrap();
        assert_eq!(
            cols(&h),
            vec![
                (Column::Id, Some(0)),
                (Column::Created, Some(15)),
                (Column::CreatedBy, Some(32)),
                (Column::Size, Some(80)),
                (Column::Comment, Some(90)),
            ]
        );
    }

    #[test]
    fn human_false_podman_nerdctl_and_custom() {
        let h = read_header(
            "IMAGE               CREATED AT                  CREATED BY    SIZE   COMMENT",
        )
        .unwrap();
        assert_eq!(cols(&h).get(1), Some(&(Column::CreatedAt, Some(20))));
        let Some(Header::History(p)) =
            read_header("ID            CREATED       CREATED BY     SIZE        COMMENT")
        else {
            panic!("podman header not read")
        };
        assert_eq!(p.id_header, IdHeader::Id);
        let Some(Header::History(n)) =
            read_header("SNAPSHOT    CREATED    CREATED BY    SIZE    COMMENT")
        else {
            panic!("nerdctl header not read")
        };
        assert_eq!(n.id_header, IdHeader::Snapshot);
        let custom =
            read_header("IMAGE          CREATED BY                                      SIZE")
                .unwrap();
        assert_eq!(
            cols(&custom).iter().map(|c| c.0).collect::<Vec<_>>(),
            vec![Column::Id, Column::CreatedBy, Column::Size]
        );
        let reordered = read_header("SIZE      CREATED BY").unwrap();
        assert_eq!(cols(&reordered).first().map(|c| c.0), Some(Column::Size));
    }

    #[test]
    fn other_tables() {
        assert_eq!(
            read_header("REPOSITORY   TAG       IMAGE ID       CREATED         SIZE"),
            Some(Header::Other("`docker images`"))
        );
        assert_eq!(
            read_header(
                "REPOSITORY     TAG             IMAGE ID        CREATED         VIRTUAL SIZE"
            ),
            Some(Header::Other("`docker images`"))
        );
        assert_eq!(
            read_header("CONTAINER ID   IMAGE       COMMAND   CREATED         STATUS                      PORTS     NAMES"),
            Some(Header::Other("`docker ps`"))
        );
        // `docker system df -v`, with words we don't know.
        assert_eq!(
            read_header("REPOSITORY   TAG   IMAGE ID   CREATED ago   SIZE   SHARED SIZE   UNIQUE SiZE   CONTAINERS"),
            Some(Header::Other("`docker images`"))
        );
    }

    #[test]
    fn wrapped_header() {
        assert_eq!(
            wrapped_header_columns("    COMMENT"),
            Some(vec![Column::Comment])
        );
        assert_eq!(
            wrapped_header_columns("SIZE  COMMENT"),
            Some(vec![Column::Size, Column::Comment])
        );
        assert_eq!(wrapped_header_columns("Comment here"), None);
        assert_eq!(wrapped_header_columns(""), None);
    }

    #[test]
    fn not_headers() {
        assert_eq!(read_header("Image size is 397MB."), None);
        assert_eq!(read_header("SIZE"), None);
        assert_eq!(read_header("IMAGE CREATED"), None);
        assert_eq!(read_header("CREATED BY CREATED BY"), None);
        assert_eq!(read_header("The SIZE column"), None);
    }
}
