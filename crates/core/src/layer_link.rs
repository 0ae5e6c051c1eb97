//! What "layer N of step S" means in a link to one layer (a deep link), and
//! where such a layer is on the page.
//!
//! A link names a layer as [`LayerAt`]: the step's position (0 = the first
//! step) and the layer's position in that step's compared history **as
//! printed**, newest first (0 = the top row): the order `docker history`
//! and `layerdiff parse` print, and the order findings count
//! (`insights::Finding::layer`). People say "layer 3" for `layer: 2`
//! ([`LayerAt::describe`], numbered by `model::LayerNumber` as everywhere
//! else). The comparison and the chart count the other way, oldest first
//! from 0 (`LayerRef::index`, the overlay's `data-layers`); [`oldest_first`]
//! and [`printed`] convert.
//!
//! A link comes from someone else's panes, so the layer may not exist in
//! what it opens to (a layer past the end, a step with no history):
//! [`locate`] says so as a [`Missing`] sentence and the page opens normally.

use std::fmt;

use crate::compare::{Comparison, LayerRef};
use crate::model::LayerNumber;
use crate::share::{LayerAt, StepPair};

/// Where a linked layer is on a page that compares steps `old` and `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located {
    /// In the compared pair: the row of the comparison (an index into
    /// `Comparison::rows`) that holds it.
    Row(usize),
    /// In a step the table does not compare (a path's other step): its
    /// oldest-first index, to find it in the path chart.
    Step { step: usize, index: usize },
}

/// Why a linked layer is not on the page, as a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub at: LayerAt,
    /// How many layers the step's history has (`None`: it has none).
    pub layers: Option<usize>,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at.describe();
        match self.layers {
            Some(n) => write!(
                f,
                "This link points at {at}, but that step has {n} layer{}: the comparison is shown without it.",
                if n == 1 { "" } else { "s" }
            ),
            None => write!(
                f,
                "This link points at {at}, but that step holds no history: the comparison is shown without it."
            ),
        }
    }
}

impl LayerAt {
    /// `layer 3 of step 2`: both counted from 1, the layer from the top
    /// ([`LayerNumber`]).
    pub fn describe(&self) -> String {
        let number = LayerNumber::of_printed(self.layer);
        format!("{number} of step {}", self.step.saturating_add(1))
    }
}

/// The oldest-first index of the layer printed at `layer` (0 = the top row)
/// in a history of `n_layers`, if there is one.
pub fn oldest_first(layer: usize, n_layers: usize) -> Option<usize> {
    n_layers.checked_sub(layer.checked_add(1)?)
}

/// The printed position (0 = the top row) of the layer at oldest-first
/// `index` in a history of `n_layers`, if there is one.
pub fn printed(index: usize, n_layers: usize) -> Option<usize> {
    oldest_first(index, n_layers)
}

/// The link's name for a layer of the comparison `c` of the steps
/// `compared`: row `row`'s layer in the after image (`after`), else in the
/// before image.
pub fn of_row(c: &Comparison, compared: StepPair, row: usize, after: bool) -> Option<LayerAt> {
    let r = c.rows.get(row)?;
    let name = |step: usize, l: &LayerRef, n: usize| {
        Some(LayerAt {
            step,
            layer: printed(l.index, n)?,
        })
    };
    match (&r.before, &r.after) {
        (_, Some(l)) if after => name(compared.right, l, c.after.layers),
        (Some(l), _) => name(compared.left, l, c.before.layers),
        (None, Some(l)) => name(compared.right, l, c.after.layers),
        (None, None) => None,
    }
}

/// Where `at` is on a page showing the comparison `c` of the steps
/// `compared`; `step_layers` says how many layers a step outside the pair
/// has (`None`: no history), for a path.
pub fn locate(
    at: LayerAt,
    c: &Comparison,
    compared: StepPair,
    step_layers: impl Fn(usize) -> Option<usize>,
) -> Result<Located, Missing> {
    let sides = [
        (compared.left, c.before.layers, false),
        (compared.right, c.after.layers, true),
    ];
    if let Some(&(_, n, after)) = sides.iter().find(|(step, ..)| *step == at.step) {
        let missing = Missing {
            at,
            layers: Some(n),
        };
        let index = oldest_first(at.layer, n).ok_or(missing.clone())?;
        let holds = |l: &Option<LayerRef>| l.as_ref().is_some_and(|l| l.index == index);
        return c
            .rows
            .iter()
            .position(|r| {
                if after {
                    holds(&r.after)
                } else {
                    holds(&r.before)
                }
            })
            .map(Located::Row)
            .ok_or(missing);
    }
    let n = step_layers(at.step);
    match n.and_then(|n| oldest_first(at.layer, n)) {
        Some(index) => Ok(Located::Step {
            step: at.step,
            index,
        }),
        None => Err(Missing { at, layers: n }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_and_oldest_first_are_each_others_mirror() {
        assert_eq!(oldest_first(0, 14), Some(13));
        assert_eq!(oldest_first(13, 14), Some(0));
        assert_eq!(oldest_first(14, 14), None);
        assert_eq!(oldest_first(usize::MAX, 14), None);
        for i in 0..5 {
            assert_eq!(printed(oldest_first(i, 5).unwrap(), 5), Some(i));
        }
    }

    #[test]
    fn missing_layers_are_said_in_one_sentence() {
        let at = LayerAt { step: 1, layer: 39 };
        let m = Missing {
            at,
            layers: Some(14),
        };
        assert_eq!(
            m.to_string(),
            "This link points at layer 40 of step 2, but that step has 14 layers: the comparison is shown without it."
        );
        let none = Missing { at, layers: None };
        assert!(none.to_string().contains("holds no history"));
    }
}
