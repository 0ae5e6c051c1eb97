//! Where the insights' badges go over a drawn chart.
//!
//! A badge marks a segment whose layers have findings. It sits on the
//! segment's edge toward the bands, as near the segment's middle as it can.
//! Badges are round buttons of a fixed size in CSS pixels ([`BADGE_PX`]) laid
//! over a drawing that scales with its box, so the drawing alone cannot keep
//! them apart: two thin neighbouring segments would put two badges on one
//! spot, and a badge on a column's top segment would cover the column's total
//! printed just above it. Here the badges of each edge are spread along it,
//! in the segments' order, at least one diameter apart, and kept between the
//! columns' top and their baseline (the drawing's overlay group carries both
//! as `data-top` / `data-bottom`), where no text of the chart is printed on
//! the edges the bands leave from.
//!
//! Reads only the chart's own overlay markup (`overlay` writes it), so
//! the page needs no float parser and no SVG parser for it.

/// A badge's diameter in CSS pixels: the `.badge` rule's 1.15 rem (16 px) and
/// the 2 px ring drawn around it on the chart.
pub const BADGE_PX: f64 = 1.15 * 16.0 + 2.0 * 2.0;

/// One badge over the chart: which overlay segment it marks and where its
/// centre goes, in percent of the drawing (it keeps its aspect at any size).
#[derive(Debug, Clone, PartialEq)]
pub struct BadgeSpot {
    /// The compared side it marks: 0 before, 1 after.
    pub side: usize,
    /// The segment's `data-layers`: its layers counted from the oldest.
    pub layers: Vec<usize>,
    /// The aligned table's row the segment stands for, if the table shows it.
    pub row: Option<String>,
    pub left_pct: f64,
    pub top_pct: f64,
}

/// A segment that may carry a badge, before the badges are spread.
struct Wanted {
    spot: BadgeSpot,
    /// The edge's x and the wanted centre's y, in drawing units.
    x: i32,
    y: f64,
}

/// The badges for the segments of `svg` that `marked(side, layers)` says
/// have findings. `compared` names the steps of a path's compared pair (a
/// pair's chart says its sides itself); `box_px` is the width the drawing is
/// shown at, in CSS pixels, which sets the badges' size in drawing units.
pub fn badge_spots(
    svg: &str,
    compared: Option<(usize, usize)>,
    box_px: f64,
    marked: impl Fn(usize, &[usize]) -> bool,
) -> Vec<BadgeSpot> {
    let int = |v: &str| v.parse::<i32>().ok();
    let Some((w, h)) = attr(svg, "viewBox").and_then(|v| {
        let mut it = v.split(' ').skip(2).map(int);
        Some((it.next()??, it.next()??))
    }) else {
        return Vec::new();
    };
    let Some(overlay) = svg.split("<g class=\"ld-overlay\"").nth(1) else {
        return Vec::new();
    };
    let group = overlay.split('>').next().unwrap_or("");
    let top = attr(group, "data-top").and_then(int).unwrap_or(0);
    let bottom = attr(group, "data-bottom").and_then(int).unwrap_or(h);
    let mut wanted: Vec<Wanted> = overlay
        .split("<rect class=\"ld-seg")
        .skip(1)
        .filter_map(|rest| segment(rest.split('>').next()?, compared))
        .filter(|x| marked(x.spot.side, &x.spot.layers))
        .collect();
    let diameter = if box_px > 0.0 {
        BADGE_PX * f64::from(w) / box_px
    } else {
        BADGE_PX
    };
    spread(&mut wanted, f64::from(top), f64::from(bottom), diameter);
    wanted
        .into_iter()
        .map(|x| BadgeSpot {
            left_pct: f64::from(x.x) / f64::from(w) * 100.0,
            top_pct: x.y / f64::from(h) * 100.0,
            ..x.spot
        })
        .collect()
}

/// The badge a segment's overlay tag asks for: on its edge toward the bands.
fn segment(tag: &str, compared: Option<(usize, usize)>) -> Option<Wanted> {
    let num = |name: &str| attr(tag, name)?.parse::<i32>().ok();
    let side = match compared {
        None => ["before", "after"]
            .iter()
            .position(|s| attr(tag, "data-side") == Some(*s))?,
        Some((old, new)) => {
            let step = attr(tag, "data-step")?.parse::<usize>().ok()?;
            [old, new].iter().position(|s| *s == step)?
        }
    };
    let layers = attr(tag, "data-layers")?
        .split(' ')
        .filter_map(|l| l.parse().ok())
        .collect();
    let (x, y, sw, sh) = (num("x")?, num("y")?, num("width")?, num("height")?);
    let row = match compared {
        None => attr(tag, "data-row").map(str::to_string),
        // neighbours k → k + 1: the table is the path's comparison k
        Some((old, new)) if new == old + 1 => attr(tag, "data-rows")?
            .split(' ')
            .find_map(|r| r.strip_prefix(&format!("{old}:")).map(str::to_string)),
        Some(_) => None,
    };
    Some(Wanted {
        x: if side == 0 { x + sw } else { x },
        y: f64::from(y) + f64::from(sh) / 2.0,
        spot: BadgeSpot {
            side,
            layers,
            row,
            left_pct: 0.0,
            top_pct: 0.0,
        },
    })
}

/// Spreads the badges of each edge (same x) along it: in their order, at
/// least `diameter` apart, all inside `top..=bottom`. Badges that would
/// touch form a run centred on the mean of the places they want (so a run
/// stays beside its segments); runs that then touch merge. When an edge is
/// too short for its badges they share its length evenly (they touch
/// rather than leave the columns).
fn spread(wanted: &mut [Wanted], top: f64, bottom: f64, diameter: f64) {
    let r = diameter / 2.0;
    let (lo, hi) = (top + r, (bottom - r).max(top + r));
    let mut edges: Vec<i32> = Vec::new();
    for x in wanted.iter() {
        if !edges.contains(&x.x) {
            edges.push(x.x);
        }
    }
    for edge in edges {
        let mut on: Vec<&mut Wanted> = wanted.iter_mut().filter(|x| x.x == edge).collect();
        top_down(&mut on);
        let places = spread_edge(
            &on.iter().map(|x| x.y).collect::<Vec<_>>(),
            lo,
            hi,
            diameter,
        );
        for (x, y) in on.iter_mut().zip(places) {
            x.y = y;
        }
    }
}

/// Orders one edge's badges from the top down. The overlay lists a
/// column's segments bottom up, so this reverses, then an insertion sort
/// settles any other order: no sort of the standard library, whose code
/// would weigh kilobytes in the page for a list this short.
fn top_down(on: &mut [&mut Wanted]) {
    if on.first().zip(on.last()).is_some_and(|(a, b)| a.y > b.y) {
        on.reverse();
    }
    for k in 1..on.len() {
        let mut at = k;
        while at > 0 && on[at - 1].y > on[at].y {
            on.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// A run of touching badges, `count` of them.
struct Run {
    count: usize,
    /// The sum of the places its badges want.
    wanted: f64,
    /// The centre of its first badge.
    y: f64,
}

/// The places of one edge's badges, wanted at `ys` (ascending).
fn spread_edge(ys: &[f64], lo: f64, hi: f64, diameter: f64) -> Vec<f64> {
    let n = ys.len();
    if n > 1 && (n - 1) as f64 * diameter > hi - lo {
        let pitch = (hi - lo) / (n - 1) as f64;
        return (0..n).map(|k| lo + pitch * k as f64).collect();
    }
    let settle = |run: &mut Run| {
        let length = (run.count - 1) as f64 * diameter;
        let centre = run.wanted / run.count as f64;
        // max then min, not clamp: clamp's panic message would bring float
        // formatting into the page
        run.y = (centre - length / 2.0).min(hi - length).max(lo);
    };
    let mut runs: Vec<Run> = Vec::new();
    for &y in ys {
        let mut run = Run {
            count: 1,
            wanted: y,
            y,
        };
        settle(&mut run);
        while let Some(last) = runs.last() {
            if last.y + last.count as f64 * diameter <= run.y {
                break;
            }
            let last = runs.pop().expect("a run");
            run = Run {
                count: last.count + run.count,
                wanted: last.wanted + run.wanted,
                y: last.y,
            };
            settle(&mut run);
        }
        runs.push(run);
    }
    runs.iter()
        .flat_map(|run| (0..run.count).map(move |k| run.y + k as f64 * diameter))
        .collect()
}

/// The value of attribute `name` in `tag` (our own overlay's markup).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag.get(at..)?.split('"').next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(segments: &[(&str, i32, i32)]) -> String {
        let mut s = String::from(
            "<svg class=\"ld-chart\" viewBox=\"0 0 400 300\">\n<text x=\"1\">t</text>\n\
             <g class=\"ld-overlay\" fill=\"transparent\" data-top=\"90\" data-bottom=\"250\">\n",
        );
        for (k, (side, y, height)) in segments.iter().enumerate() {
            let x = if *side == "before" { 100 } else { 250 };
            s.push_str(&format!(
                "<rect class=\"ld-seg ld-same\" data-side=\"{side}\" data-row=\"{k}\" data-rows=\"{k}\" data-layers=\"{k}\" x=\"{x}\" y=\"{y}\" width=\"50\" height=\"{height}\"><title>t</title></rect>\n"
            ));
        }
        s + "</g></svg>"
    }

    fn ys(spots: &[BadgeSpot]) -> Vec<f64> {
        spots.iter().map(|s| s.top_pct * 3.0).collect()
    }

    #[test]
    fn a_badge_sits_on_its_segments_edge_toward_the_bands() {
        let spots = badge_spots(
            &svg(&[("before", 150, 40), ("after", 150, 40)]),
            None,
            400.0,
            |_, _| true,
        );
        assert_eq!(spots.len(), 2);
        assert_eq!((spots[0].side, spots[0].left_pct), (0, 37.5)); // 150 of 400
        assert_eq!((spots[1].side, spots[1].left_pct), (1, 62.5)); // 250 of 400
        assert_eq!(ys(&spots), [170.0, 170.0]);
        assert_eq!(spots[0].row.as_deref(), Some("0"));
    }

    #[test]
    fn thin_neighbours_are_spread_one_diameter_apart_in_order() {
        let thin = [("before", 200, 2), ("before", 198, 2), ("before", 196, 2)];
        let spots = badge_spots(&svg(&thin), None, 400.0, |_, _| true);
        let y = ys(&spots);
        for (a, b) in [(2, 1), (1, 0)] {
            assert!(y[b] - y[a] >= BADGE_PX - 1e-9, "{y:?}");
        }
        // the middle one stays where it was wanted
        assert!((y[1] - 199.0).abs() < 1e-9, "{y:?}");
    }

    #[test]
    fn badges_stay_between_the_top_and_the_baseline() {
        // a thin top segment would put its badge over the total above the column
        let spots = badge_spots(
            &svg(&[("after", 90, 1), ("after", 249, 1)]),
            None,
            400.0,
            |_, _| true,
        );
        let y = ys(&spots);
        let r = BADGE_PX / 2.0;
        assert!((y[0] - (90.0 + r)).abs() < 1e-9, "{y:?}");
        assert!((y[1] - (250.0 - r)).abs() < 1e-9, "{y:?}");
    }

    #[test]
    fn a_drawing_shown_smaller_makes_its_badges_bigger_in_its_units() {
        let two = [("before", 150, 2), ("before", 152, 2)];
        let at_full = ys(&badge_spots(&svg(&two), None, 400.0, |_, _| true));
        let at_half = ys(&badge_spots(&svg(&two), None, 200.0, |_, _| true));
        assert!((at_full[0] - at_full[1]).abs() >= BADGE_PX - 1e-9);
        assert!((at_half[0] - at_half[1]).abs() >= 2.0 * BADGE_PX - 1e-9);
    }

    #[test]
    fn badges_come_out_top_down_whatever_the_overlay_order() {
        let shuffled = [
            ("before", 200, 2),
            ("before", 120, 2),
            ("before", 230, 2),
            ("before", 160, 2),
        ];
        let y = ys(&badge_spots(&svg(&shuffled), None, 400.0, |_, _| true));
        // far apart already: each badge keeps its own segment's middle
        let kept = [201.0, 121.0, 231.0, 161.0];
        assert!(
            y.iter().zip(kept).all(|(a, b)| (a - b).abs() < 1e-9),
            "{y:?}"
        );
        // and thin ones given in any order still come out one diameter apart
        let thin = [("after", 150, 2), ("after", 146, 2), ("after", 148, 2)];
        let mut y = ys(&badge_spots(&svg(&thin), None, 400.0, |_, _| true));
        assert!(y[1] < y[2] && y[2] < y[0], "top-down order kept: {y:?}");
        y.sort_by(f64::total_cmp);
        assert!(
            y.windows(2).all(|w| w[1] - w[0] >= BADGE_PX - 1e-9),
            "{y:?}"
        );
    }

    #[test]
    fn only_marked_segments_get_a_badge() {
        let spots = badge_spots(
            &svg(&[("before", 150, 40), ("after", 150, 40)]),
            None,
            400.0,
            |side, _| side == 1,
        );
        assert_eq!(spots.len(), 1);
        assert_eq!(spots[0].side, 1);
    }
}
