//! The demo's chart drawn from its text: what any first screen of layerdiff
//! must compute before the chart is on screen (shared by the two
//! `floor_*` examples, see `scripts/bundle-floor.sh`).

use layerdiff_core::chart::{chart_data, render_svg, ChartOptions};
use layerdiff_core::compare::compare;
use layerdiff_core::parse::parse;
use layerdiff_core::split::split_histories;

/// The page's demo paste (as `crates/web/src/components/editor.rs` includes it).
const DEMO: &str =
    include_str!("../../../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// The demo parsed, split into its before and after, compared and drawn.
pub fn demo_chart() -> String {
    let parts = split_histories(DEMO, &parse(DEMO), 2);
    let [before, after] = [&parts[0], &parts[parts.len() - 1]].map(|t| parse(t));
    let (Some(b), Some(a)) = (before.histories.first(), after.histories.first()) else {
        return String::new();
    };
    render_svg(&chart_data(&compare(b, a), b, a), &ChartOptions::default())
}
