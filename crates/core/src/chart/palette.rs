//! Colours of the chart: the Okabe–Ito palette (readable with every common
//! colour-vision deficiency) for statuses, with a light and a dark variant.
//! Colour is never the only cue: the chart also prints a status symbol
//! ([`Status::symbol`]) and hatches removed/added layers.

use crate::compare::Status;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub base: Rgb,
    pub same: Rgb,
    pub resized: Rgb,
    pub changed: Rgb,
    pub moved: Rgb,
    pub removed: Rgb,
    pub added: Rgb,
    /// Text drawn on top of a status colour.
    pub on_colour: Rgb,
}

impl Palette {
    /// Light theme.
    pub const LIGHT: Palette = Palette {
        background: (255, 255, 255),
        text: (34, 34, 34),
        muted: (102, 102, 102),
        grid: (221, 221, 221),
        base: (200, 200, 200),
        same: (153, 153, 153),  // Okabe–Ito grey
        resized: (0, 114, 178), // blue
        changed: (230, 159, 0), // orange
        moved: (204, 121, 167), // reddish purple
        removed: (213, 94, 0),  // vermillion
        added: (0, 158, 115),   // bluish green
        on_colour: (255, 255, 255),
    };

    /// Dark theme: the same hues, lighter where the dark background needs it.
    pub const DARK: Palette = Palette {
        background: (30, 30, 30),
        text: (232, 232, 232),
        muted: (170, 170, 170),
        grid: (70, 70, 70),
        base: (90, 90, 90),
        same: (130, 130, 130),
        resized: (86, 180, 233), // sky blue
        changed: (230, 159, 0),
        moved: (204, 121, 167),
        removed: (213, 94, 0),
        added: (0, 158, 115),
        on_colour: (20, 20, 20),
    };

    /// The theme for `dark`.
    pub fn for_theme(dark: bool) -> Palette {
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// The colour of a status (None: a mixed group).
    pub fn status(&self, s: Option<Status>) -> Rgb {
        match s {
            Some(Status::Same) => self.same,
            Some(Status::Resized) => self.resized,
            Some(Status::Changed) => self.changed,
            Some(Status::Moved) => self.moved,
            Some(Status::Removed) => self.removed,
            Some(Status::Added) => self.added,
            None => self.muted,
        }
    }
}

/// The colours of a path's layers by the step they first appear in (Okabe–Ito
/// hues, then a purple): a layer keeps its colour in every column.
const ORIGINS_LIGHT: [Rgb; 8] = [
    (0, 114, 178),   // blue
    (230, 159, 0),   // orange
    (0, 158, 115),   // bluish green
    (204, 121, 167), // reddish purple
    (86, 180, 233),  // sky blue
    (213, 94, 0),    // vermillion
    (240, 228, 66),  // yellow
    (117, 112, 179), // purple
];

/// The same hues for the dark background (sky blue first, blue fifth).
const ORIGINS_DARK: [Rgb; 8] = [
    (86, 180, 233),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (0, 114, 178),
    (213, 94, 0),
    (240, 228, 66),
    (150, 145, 210),
];

impl Palette {
    /// The colour of the layers that first appear in step `step` of a path.
    pub fn origin(&self, step: usize) -> Rgb {
        let colours = if self.background == Palette::DARK.background {
            &ORIGINS_DARK
        } else {
            &ORIGINS_LIGHT
        };
        colours
            .get(step % colours.len())
            .copied()
            .unwrap_or(self.muted)
    }
}

/// `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}
