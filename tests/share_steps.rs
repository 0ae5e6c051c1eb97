//! Links of a path: the corpus files that hold a course's or a
//! workshop's whole path (046: ver1 → ver2 → ver3 → a committed image; 067 and
//! 017: two exercises' before and after, four histories each) split into one
//! step per history, packed with `share::link` and opened with `share::open`.
//! Every step must read back to the same history, the compared pair must come
//! back, and a four-step course path must fit a Discord message (2,000
//! characters, base URL included) with the short option.

#[path = "share_support/pairs.rs"]
mod pairs;

use layerdiff_core::parse::parse;
use layerdiff_core::share::{self, same_history, EncodeOptions, ShareState, SharedPane, StepPair};
use layerdiff_core::split::split_histories;
use pairs::{corpus_dir, BASE_URL};

const PATHS: [&str; 3] = [
    "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt",
    "067-dwd306-pedro-4-histories-last-missing-header.txt",
    "017-dwd36-grep-RUN-headerless-before-after.txt",
];

/// One step per history of the corpus file `name`, as the page fills them.
fn steps_of(name: &str) -> ShareState {
    let text = std::fs::read_to_string(corpus_dir().join(name)).expect("corpus file");
    let parsed = parse(&text);
    let parts = split_histories(&text, &parsed, 8);
    assert_eq!(
        parts.len(),
        parsed.histories.len(),
        "{name}: one part per history"
    );
    ShareState {
        steps: parts
            .into_iter()
            .enumerate()
            .map(|(k, text)| SharedPane {
                label: format!("step {}", k + 1),
                text,
                selected: 0,
            })
            .collect(),
        ..ShareState::default()
    }
}

fn short() -> EncodeOptions {
    EncodeOptions {
        drop_ids: true,
        drop_created: true,
        redact: false,
    }
}

#[test]
fn every_step_of_a_path_link_reads_back_to_its_history() {
    for name in PATHS {
        let state = steps_of(name);
        assert!(
            state.steps.len() >= 3,
            "{name}: {} steps",
            state.steps.len()
        );
        let fragment = share::link(&state, &EncodeOptions::default()).expect("a path has a link");
        assert!(fragment.starts_with('2'), "{name}: a path needs version 2");
        let opened = share::open(&fragment).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.steps.len(), state.steps.len(), "{name}");
        for (k, (was, now)) in state.steps.iter().zip(&opened.steps).enumerate() {
            assert_eq!(was.label, now.label, "{name} step {k}");
            let a = parse(&was.text).histories.remove(was.selected);
            let b = parse(&now.text).histories.remove(now.selected);
            assert!(
                same_history(&a, &b),
                "{name} step {k} reads back differently"
            );
        }
    }
}

#[test]
fn the_compared_pair_travels_and_two_steps_in_order_stay_version_1() {
    let mut state = steps_of(PATHS[0]);
    state.compared = Some(StepPair { left: 1, right: 3 });
    let opened = share::open(&share::link(&state, &EncodeOptions::default()).unwrap()).unwrap();
    assert_eq!(opened.compared, Some(StepPair { left: 1, right: 3 }));

    state.steps.truncate(2);
    state.compared = None;
    let two = share::link(&state, &EncodeOptions::default()).unwrap();
    assert!(
        two.starts_with('1'),
        "two steps in order make the links every layerdiff reads"
    );
    state.compared = Some(StepPair { left: 1, right: 0 });
    let swapped = share::link(&state, &EncodeOptions::default()).unwrap();
    assert!(swapped.starts_with('2'));
    assert_eq!(share::open(&swapped).unwrap().compared, state.compared);
}

#[test]
fn a_four_step_course_path_fits_a_discord_message_with_the_short_option() {
    let state = steps_of(PATHS[1]);
    assert_eq!(state.steps.len(), 4);
    let len = BASE_URL.len() + share::link(&state, &short()).unwrap().len();
    assert!(len <= 2000, "067's four steps make a {len}-character link");
}

#[test]
fn a_link_of_nine_steps_is_refused_with_words() {
    let mut state = steps_of(PATHS[0]);
    while state.steps.len() < 9 {
        state.steps.push(state.steps[0].clone());
    }
    let why = share::link(&state, &EncodeOptions::default()).unwrap_err();
    assert!(why.contains("2 to 8 steps") && why.contains('9'), "{why}");
}
