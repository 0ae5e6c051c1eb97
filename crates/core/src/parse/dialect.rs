//! Tells which tool (and docker generation) printed a table, from the
//! fingerprints in docs/formats.md §7: the first header word, column widths, the
//! spelling of sizes, the truncation mark and podman's `FROM …` comments.

use super::header::IdHeader;
use super::size::{has_binary_unit, has_spaced_unit, significant_digits};
use crate::model::Dialect;

/// What a table shows about its printer.
#[derive(Debug, Clone, Default)]
pub struct Evidence<'a> {
    /// First header word (`IMAGE`, `ID`, `SNAPSHOT`), if there was a header.
    pub id_header: Option<IdHeader>,
    /// Widths of the header's columns except the last, in characters.
    pub column_widths: Vec<usize>,
    /// Character column of the CREATED cell in the rows (headerless tables).
    pub created_col: Option<usize>,
    /// Every SIZE cell as printed.
    pub sizes: Vec<&'a str>,
    /// Every CREATED BY cell as printed.
    pub created_bys: Vec<&'a str>,
    /// Every COMMENT cell.
    pub comments: Vec<&'a str>,
}

/// Decides the dialect.
pub fn detect(e: &Evidence<'_>) -> Dialect {
    let nerdctl = e.id_header == Some(IdHeader::Snapshot)
        || e.sizes
            .iter()
            .any(|s| has_binary_unit(s) || s.trim() == "0.0 B");
    if nerdctl {
        return Dialect::Nerdctl;
    }
    // docker ≤ 0.6 also printed `ID`, but without a SIZE column.
    if e.id_header == Some(IdHeader::Id) && e.sizes.is_empty() {
        return Dialect::DockerOld;
    }
    let podman =
        e.id_header == Some(IdHeader::Id) || e.comments.iter().any(|c| c.starts_with("FROM "));
    if podman {
        return Dialect::Podman;
    }
    let spaced = e.sizes.iter().any(|s| has_spaced_unit(s));
    let four_digits = e
        .sizes
        .iter()
        .any(|s| has_spaced_unit(s) && significant_digits(s) >= 4);
    if spaced || four_digits {
        return Dialect::DockerOld;
    }
    // A real `...` cut mark sits at the 45th column (42 + 3).
    let ascii_dots = e
        .created_bys
        .iter()
        .any(|c| c.ends_with("...") && (43..=46).contains(&c.chars().count()));
    let ellipsis = e.created_bys.iter().any(|c| c.ends_with('…'));
    if !e.column_widths.is_empty() {
        let min = e.column_widths.iter().copied().min().unwrap_or(0);
        // 15-wide columns exist only in docker ≥ 20.10, which never prints `...`.
        return if min >= 20 {
            Dialect::Docker2009
        } else {
            Dialect::Docker
        };
    }
    // Without a header: where the CREATED cell starts (IMAGE column width:
    // 20 before docker 20.10, 15 after, 14 for podman's 12 + 2).
    match e.created_col {
        Some(20..) => Dialect::Docker2009,
        Some(..=14) if ascii_dots && !ellipsis => Dialect::Podman,
        Some(_) => Dialect::Docker,
        None if ascii_dots => Dialect::Docker2009,
        None => Dialect::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints() {
        let base = Evidence::default;
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Snapshot),
                ..base()
            }),
            Dialect::Nerdctl
        );
        assert_eq!(
            detect(&Evidence {
                sizes: vec!["1.1 MiB"],
                ..base()
            }),
            Dialect::Nerdctl
        );
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Id),
                sizes: vec!["0 B"],
                ..base()
            }),
            Dialect::Podman
        );
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Id),
                ..base()
            }),
            Dialect::DockerOld
        );
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Image),
                sizes: vec!["1.819 kB"],
                ..base()
            }),
            Dialect::DockerOld
        );
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Image),
                column_widths: vec![20, 20, 20],
                sizes: vec!["0B"],
                ..base()
            }),
            Dialect::Docker2009
        );
        assert_eq!(
            detect(&Evidence {
                id_header: Some(IdHeader::Image),
                column_widths: vec![15, 17, 10],
                sizes: vec!["0B"],
                ..base()
            }),
            Dialect::Docker
        );
        assert_eq!(
            detect(&Evidence {
                created_col: Some(15),
                sizes: vec!["0B"],
                ..base()
            }),
            Dialect::Docker
        );
    }
}
