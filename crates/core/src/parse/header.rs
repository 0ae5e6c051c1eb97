//! Recognises a table header line and turns it into a [`ColumnModel`]: which
//! columns, in which order, starting where.
//!
//! Format notes (docs/formats.md §1.1, §3, §4, §7):
//! - docker: `IMAGE  CREATED  CREATED BY  SIZE  COMMENT`; `--human=false` gives
//!   `CREATED AT`; a custom `--format 'table …'` keeps any subset in any order.
//! - podman: first column `ID`; nerdctl: first column `SNAPSHOT`.
//! - docker 0.x printed no COMMENT (and before 0.7 no SIZE).
//! - `docker images` / `docker image ls` (`REPOSITORY TAG IMAGE ID CREATED SIZE`,
//!   2013: `VIRTUAL SIZE`) and `docker ps` headers are recognised so that their
//!   rows can be skipped, never read as layers.
//!
//! The column-name tokens (nom over the line's `&str`; names are upper case,
//! as the tools print them):
//!
//! ```text
//! token = "IMAGE" ws "ID" | "CONTAINER" ws "ID" | "VIRTUAL" ws "SIZE"
//!       | ("DISK" | "CONTENT") ws ("USAGE" | "SIZE")
//!       | "CREATED" ws ("BY" | "AT")
//!       | "IMAGE" | "ID" | "SNAPSHOT" | "CREATED" | "SIZE" | "COMMENT"
//!       | "REPOSITORY" | "TAG" | "DIGEST" | "EXTRA" | "SHARED" | "UNIQUE"
//!       | "CONTAINERS" | "PLATFORM"                      (`docker images`, `system df`)
//!       | "COMMAND" | "STATUS" | "PORTS" | "NAMES" | "MOUNTS" | "NETWORKS"  (`docker ps`)
//! ws    = whitespace+; a name is a whole word (up to whitespace or the end)
//! ```
//!
//! nom splits the words and the whitespace between them (a two-word name
//! such as `CREATED BY` is one token whatever the spaces between its words),
//! the names are looked up in two small tables, and a failure says where and
//! what was expected (a [`CellError`]). Whether a line of tokens is a header
//! (which words, how many, in what mix) is a judgement on the whole line and
//! stays plain Rust in [`read_header`]. Every line of a paste is offered to
//! it, so a word that does not start with a name's capital is skipped
//! without entering the grammar, and nothing is allocated before the line has
//! proved to be a header.

use nom::bytes::complete::{take_till1, take_while1};

use super::size::{cell_error, named, CellError, Expected, Res};

/// One column of a history table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderColumn {
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

impl HeaderColumn {
    /// Whether the cell is free text (located by its neighbours, not its shape).
    pub fn is_free(self) -> bool {
        matches!(self, HeaderColumn::CreatedBy | HeaderColumn::Comment)
    }
    /// The header word(s) docker prints for it.
    pub fn header(self) -> &'static str {
        match self {
            HeaderColumn::Id => "IMAGE",
            HeaderColumn::Created => "CREATED",
            HeaderColumn::CreatedAt => "CREATED AT",
            HeaderColumn::CreatedBy => "CREATED BY",
            HeaderColumn::Size => "SIZE",
            HeaderColumn::Comment => "COMMENT",
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
    pub column: HeaderColumn,
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
            HeaderColumn::Id,
            HeaderColumn::Created,
            HeaderColumn::CreatedBy,
            HeaderColumn::Size,
            HeaderColumn::Comment,
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
    pub fn has(&self, column: HeaderColumn) -> bool {
        self.columns.iter().any(|c| c.column == column)
    }

    /// Where this column's header starts, if known.
    pub fn start_of(&self, column: HeaderColumn) -> Option<usize> {
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
                (HeaderColumn::Id, IdHeader::Id) => "ID",
                (HeaderColumn::Id, IdHeader::Snapshot) => "SNAPSHOT",
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

/// What a header word (or two) names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// A column of a history table (`IMAGE`, `ID` and `SNAPSHOT` are
    /// [`Token::Id`]).
    HeaderColumn(HeaderColumn),
    /// The id column, and how it was named.
    Id(IdHeader),
    /// A column of another table, named for messages. `sure`: the name
    /// belongs to that table alone (`IMAGE ID`, `CONTAINER ID`, `VIRTUAL SIZE`)
    /// and names the table even after another table's word.
    Other {
        /// The table (`` `docker images` ``, `` `docker ps` ``).
        table: &'static str,
        /// Whether this name settles which table it is.
        sure: bool,
    },
}

const IMAGES: &str = "`docker images`";
const PS: &str = "`docker ps`";

/// The first letters of the names.
const STARTS: &str = "CDEIMNPRSTUV";

// What the token grammar expects.
const NAME: &str = "a column name (`IMAGE`, `CREATED`, `CREATED BY`, `SIZE`, `COMMENT`, …)";
const USAGE: &str = "`USAGE` or `SIZE` after `DISK` or `CONTENT`";

/// A word: everything up to whitespace or the end of the line.
fn word(input: &str) -> Res<'_, &str> {
    take_till1(char::is_whitespace)(input).map_err(named(NAME))
}

/// Another table's column, for [`Token::Other`].
const fn other(table: &'static str, sure: bool) -> Token {
    Token::Other { table, sure }
}
// A word another table shares with others, and a name that is that table's alone.
const IMAGES_WORD: Token = other(IMAGES, false);
const IMAGES_NAME: Token = other(IMAGES, true);
const PS_WORD: Token = other(PS, false);
const PS_NAME: Token = other(PS, true);

/// A one-word name (`IMAGE`, `SIZE`, …).
fn single(word: &str) -> Option<Token> {
    Some(match word {
        "IMAGE" => Token::Id(IdHeader::Image),
        "ID" => Token::Id(IdHeader::Id),
        "SNAPSHOT" => Token::Id(IdHeader::Snapshot),
        "CREATED" => Token::HeaderColumn(HeaderColumn::Created),
        "SIZE" => Token::HeaderColumn(HeaderColumn::Size),
        "COMMENT" => Token::HeaderColumn(HeaderColumn::Comment),
        "REPOSITORY" | "TAG" | "DIGEST" | "EXTRA" | "SHARED" | "UNIQUE" | "CONTAINERS"
        | "PLATFORM" => IMAGES_WORD,
        "COMMAND" | "STATUS" | "PORTS" | "NAMES" | "MOUNTS" | "NETWORKS" => PS_WORD,
        _ => return None,
    })
}

/// The second words a first word can take to make a two-word name
/// (`CREATED BY`), and what to say when none follows.
fn pairs(first: &str) -> Option<(&'static str, &'static [(&'static str, Token)])> {
    Some(match first {
        "IMAGE" => ("`ID` after `IMAGE`", &[("ID", IMAGES_NAME)]),
        "CONTAINER" => ("`ID` after `CONTAINER`", &[("ID", PS_NAME)]),
        "VIRTUAL" => ("`SIZE` after `VIRTUAL`", &[("SIZE", IMAGES_NAME)]),
        "DISK" | "CONTENT" => (USAGE, &[("USAGE", IMAGES_WORD), ("SIZE", IMAGES_WORD)]),
        "CREATED" => (
            "`BY` or `AT` after `CREATED`",
            &[
                ("BY", Token::HeaderColumn(HeaderColumn::CreatedBy)),
                ("AT", Token::HeaderColumn(HeaderColumn::CreatedAt)),
            ],
        ),
        _ => return None,
    })
}

/// Reads one header token at the start of `input` (a word's first byte):
/// the token and how many words it spans. Words are read with nom, names
/// looked up in the tables above; a two-word name wins over its first word.
fn token(input: &str) -> Res<'_, (Token, usize)> {
    let (rest, first) = word(input)?;
    let alone = single(first);
    let Some((what, seconds)) = pairs(first) else {
        return match alone {
            Some(token) => Ok((rest, (token, 1))),
            None => Err(nom::Err::Error(Expected {
                rest: input,
                what: NAME,
            })),
        };
    };
    // Whitespace, then a second word that completes the name.
    let second = take_while1(char::is_whitespace)(rest)
        .and_then(|(after_ws, _)| Ok((after_ws, word(after_ws)?)));
    let missing = match second {
        Ok((after_ws, (after, w))) => match seconds.iter().find(|(name, _)| *name == w) {
            Some(&(_, token)) => return Ok((after, (token, 2))),
            None => after_ws,
        },
        Err(_) => rest,
    };
    match alone {
        Some(token) => Ok((rest, (token, 1))),
        None => Err(nom::Err::Error(Expected {
            rest: missing,
            what,
        })),
    }
}

/// Reads the header token at the start of `text`: the token, how many words
/// it spans and the bytes used.
pub fn header_token(text: &str) -> Result<(Token, usize, usize), CellError> {
    match token(text) {
        Ok((rest, (token, words))) => Ok((token, words, text.len().saturating_sub(rest.len()))),
        Err(e) => Err(cell_error(text, e)),
    }
}

/// The most columns a history header has: one of each.
const MAX_COLUMNS: usize = 6;

/// Reads a header line (already without indentation or `#` prefix).
pub fn read_header(line: &str) -> Option<Header> {
    let mut seen = HeaderWords::new();
    // Where `rest` starts, in characters from the start of the line.
    let mut col = 0usize;
    let mut rest = line;
    loop {
        let word = rest.trim_start();
        col += rest
            .get(..rest.len() - word.len())
            .map_or(0, |ws| ws.chars().count());
        if word.is_empty() {
            break;
        }
        let used = seen.read(word, col);
        let (token_text, after) = word.split_at_checked(used).unwrap_or((word, ""));
        col += token_text.chars().count();
        rest = after;
    }
    seen.header()
}

/// What the words of a would-be header line said, left to right. Columns
/// are kept on the stack until the line has proved to be a header.
struct HeaderWords {
    columns: [Option<ColumnAt>; MAX_COLUMNS],
    /// Columns seen, kept or not (more than one of each: not distinct).
    n_columns: usize,
    id_header: IdHeader,
    /// The table another table's column names, if any ([`Token::Other`]).
    other: Option<&'static str>,
    /// A word that is no header word at all.
    unknown: bool,
    n_words: usize,
}

impl HeaderWords {
    fn new() -> HeaderWords {
        HeaderWords {
            columns: [None; MAX_COLUMNS],
            n_columns: 0,
            id_header: IdHeader::None,
            other: None,
            unknown: false,
            n_words: 0,
        }
    }

    /// Reads the header word(s) at the start of `word` (at character column
    /// `col`); returns the bytes used.
    fn read(&mut self, word: &str, col: usize) -> usize {
        // Only a capital that starts a name can start a token: other words
        // are skipped without entering the grammar.
        let read = if word.starts_with(|c: char| STARTS.contains(c)) {
            header_token(word)
        } else {
            Err(CellError {
                column: 0,
                expected: NAME,
            })
        };
        let Ok((token, words, used)) = read else {
            self.unknown = true;
            self.n_words += 1;
            return word.find(char::is_whitespace).unwrap_or(word.len());
        };
        self.n_words += words;
        let column = match token {
            Token::HeaderColumn(column) => column,
            Token::Id(named) => {
                self.id_header = named;
                HeaderColumn::Id
            }
            Token::Other { table, sure } => {
                self.other = if sure {
                    Some(table)
                } else {
                    self.other.or(Some(table))
                };
                return used;
            }
        };
        if let Some(slot) = self.columns.get_mut(self.n_columns) {
            *slot = Some(ColumnAt {
                column,
                start: Some(col),
            });
        }
        self.n_columns += 1;
        used
    }

    /// The header the words make, if any.
    fn header(self) -> Option<Header> {
        if let Some(name) = self.other {
            // Needs at least two recognised words to be a table header at all.
            return (self.n_words >= 3).then_some(Header::Other(name));
        }
        if self.unknown || self.n_columns > MAX_COLUMNS {
            return None;
        }
        let columns: &[Option<ColumnAt>] = self.columns.get(..self.n_columns).unwrap_or(&[]);
        let distinct = columns.iter().enumerate().all(|(k, c)| {
            columns
                .iter()
                .skip(k + 1)
                .all(|d| d.map(|d| d.column) != c.map(|c| c.column))
        });
        let useful = columns
            .iter()
            .flatten()
            .any(|c| matches!(c.column, HeaderColumn::CreatedBy | HeaderColumn::Size));
        (self.n_columns >= 2 && distinct && useful).then(|| {
            Header::History(ColumnModel {
                columns: columns.iter().flatten().copied().collect(),
                id_header: self.id_header,
            })
        })
    }
}

/// The rest of a header wrapped by a narrow terminal (`    COMMENT` on the
/// line under `IMAGE  CREATED  CREATED BY  SIZE`): its columns, if the line
/// holds nothing but column names.
pub fn wrapped_header_columns(line: &str) -> Option<Vec<HeaderColumn>> {
    let mut out = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        let (token, _, used) = header_token(rest).ok()?;
        match token {
            Token::HeaderColumn(
                column @ (HeaderColumn::CreatedBy
                | HeaderColumn::CreatedAt
                | HeaderColumn::Created
                | HeaderColumn::Size
                | HeaderColumn::Comment),
            ) => out.push(column),
            _ => return None,
        }
        rest = rest.get(used..).unwrap_or("").trim_start();
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(h: &Header) -> Vec<(HeaderColumn, Option<usize>)> {
        match h {
            Header::History(m) => m.columns.iter().map(|c| (c.column, c.start)).collect(),
            Header::Other(_) => Vec::new(),
        }
    }

    /// The token grammar, name by name: input → (token, words, bytes used)
    /// or the error's (column, expected).
    #[test]
    fn token_table() {
        type Want = Result<(Token, usize, usize), (usize, &'static str)>;
        let col = |c, used| Ok((Token::HeaderColumn(c), 1, used));
        let images = |sure| Token::Other {
            table: IMAGES,
            sure,
        };
        let ps = |sure| Token::Other { table: PS, sure };
        let table: &[(&str, Want)] = &[
            // docker history, --human=false, custom formats
            ("IMAGE", Ok((Token::Id(IdHeader::Image), 1, 5))),
            ("CREATED", col(HeaderColumn::Created, 7)),
            (
                "CREATED BY",
                Ok((Token::HeaderColumn(HeaderColumn::CreatedBy), 2, 10)),
            ),
            (
                "CREATED        BY   SIZE",
                Ok((Token::HeaderColumn(HeaderColumn::CreatedBy), 2, 17)),
            ),
            (
                "CREATED AT",
                Ok((Token::HeaderColumn(HeaderColumn::CreatedAt), 2, 10)),
            ),
            (
                "CREATED\u{a0}BY",
                Ok((Token::HeaderColumn(HeaderColumn::CreatedBy), 2, 11)),
            ),
            ("CREATED BYE", col(HeaderColumn::Created, 7)),
            ("SIZE      COMMENT", col(HeaderColumn::Size, 4)),
            ("COMMENT", col(HeaderColumn::Comment, 7)),
            // podman, docker ≤ 0.6; nerdctl
            ("ID   CREATED", Ok((Token::Id(IdHeader::Id), 1, 2))),
            ("SNAPSHOT", Ok((Token::Id(IdHeader::Snapshot), 1, 8))),
            // docker images, docker system df -v, docker ps
            ("IMAGE ID", Ok((images(true), 2, 8))),
            ("VIRTUAL SIZE", Ok((images(true), 2, 12))),
            ("REPOSITORY", Ok((images(false), 1, 10))),
            ("DISK USAGE", Ok((images(false), 2, 10))),
            ("CONTENT SIZE", Ok((images(false), 2, 12))),
            ("CONTAINERS", Ok((images(false), 1, 10))),
            ("CONTAINER ID", Ok((ps(true), 2, 12))),
            ("NAMES", Ok((ps(false), 1, 5))),
            // errors: where and what
            ("", Err((0, NAME))),
            ("Image", Err((0, NAME))),
            ("The SIZE column", Err((0, NAME))),
            ("CREATEDX", Err((0, NAME))),
            ("DISK FOO", Err((5, USAGE))),
            ("SiZE", Err((0, NAME))),
            ("DISK", Err((4, USAGE))),
            ("VIRTUAL", Err((7, "`SIZE` after `VIRTUAL`"))),
            ("CONTAINER", Err((9, "`ID` after `CONTAINER`"))),
        ];
        for (input, want) in table {
            let got = header_token(input).map_err(|e| (e.column, e.expected));
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn docker_default_header() {
        let h = read_header("IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT").unwrap();
        assert_eq!(
            cols(&h),
            vec![
                (HeaderColumn::Id, Some(0)),
                (HeaderColumn::Created, Some(15)),
                (HeaderColumn::CreatedBy, Some(32)),
                (HeaderColumn::Size, Some(80)),
                (HeaderColumn::Comment, Some(90)),
            ]
        );
    }

    #[test]
    fn human_false_podman_nerdctl_and_custom() {
        let h = read_header(
            "IMAGE               CREATED AT                  CREATED BY    SIZE   COMMENT",
        )
        .unwrap();
        assert_eq!(cols(&h).get(1), Some(&(HeaderColumn::CreatedAt, Some(20))));
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
            vec![
                HeaderColumn::Id,
                HeaderColumn::CreatedBy,
                HeaderColumn::Size
            ]
        );
        let reordered = read_header("SIZE      CREATED BY").unwrap();
        assert_eq!(
            cols(&reordered).first().map(|c| c.0),
            Some(HeaderColumn::Size)
        );
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
            Some(vec![HeaderColumn::Comment])
        );
        assert_eq!(
            wrapped_header_columns("SIZE  COMMENT"),
            Some(vec![HeaderColumn::Size, HeaderColumn::Comment])
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
