//! The page's model without a browser: every [`Action`] of
//! `layerdiff_core::app` applied to real pastes from the corpus, and the
//! snapshot (the one value saved, linked and restored) made and read back.

use layerdiff_core::app::{
    Action, AppState, Compared, Question, StepId, Text, INSTANT_PARSE_BYTES, MAX_STEPS,
};
use layerdiff_core::parse::parse;
use layerdiff_core::share::{LayerAt, ShareState, SharedPane, StepPair, ViewOptions};

fn corpus(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The demo: one paste holding a before and an after table.
const PAIR: &str = "000-course-3.1-backend-before-after.txt";
/// ver1 → ver2 → ver3 of a workshop image, and a committed image: four histories.
const FOUR: &str = "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt";
/// One history.
const ONE: &str = "006-adderservice-old-space-units-no-trailing.txt";
const ONE_OTHER: &str = "002-jonny-busybox-old-1819kB.txt";

/// The first three histories of [`FOUR`] (ver1 → ver3, before the commit).
fn three() -> String {
    corpus(FOUR)
        .lines()
        .take(93)
        .map(|l| format!("{l}\n"))
        .collect()
}

fn empty() -> AppState {
    AppState::from_texts(&[], parse)
}

fn id(state: &AppState, position: usize) -> StepId {
    state.steps[position].id
}

/// Each step as `label: layers, total bytes` (or `-` when it holds no history).
fn describe(state: &AppState) -> Vec<String> {
    state
        .steps
        .iter()
        .enumerate()
        .map(|(pos, p)| match p.history() {
            Some(h) => format!(
                "{}: {} layers, {} B",
                p.label(&AppState::place_name(pos)),
                h.layers.len(),
                h.total_bytes()
            ),
            None => format!("{}: -", p.label(&AppState::place_name(pos))),
        })
        .collect()
}

fn paste(state: AppState, position: usize, text: &str) -> AppState {
    let step = id(&state, position);
    state.apply(Action::PasteText(step, text.to_string()))
}

#[test]
fn two_empty_steps_by_default() {
    let state = empty();
    assert_eq!(describe(&state), ["before: -", "after: -"]);
    assert_eq!(state.compared_positions(), (0, 1));
    assert!(!state.edited && state.question.is_none());
}

#[test]
fn edit_text_parses_a_small_text_at_once_and_marks_the_step_typed() {
    let state = empty();
    let step = id(&state, 0);
    let state = state.apply(Action::EditText(step, corpus(ONE)));
    assert_eq!(describe(&state)[0], "adderservice: 15 layers, 225496604 B");
    assert!(state.edited && state.steps[0].typed && !state.steps[0].is_stale());
    assert_eq!(state.revision, 1);
}

#[test]
fn edit_text_leaves_a_big_text_for_reparse_which_reads_it() {
    let state = empty();
    let step = id(&state, 0);
    let mut big = corpus(ONE);
    while big.len() <= INSTANT_PARSE_BYTES {
        big.push_str("\n# a comment line to make the text big\n");
    }
    let state = state.apply(Action::EditText(step, big));
    assert!(state.steps[0].is_stale(), "not parsed while typing");
    let revision = state.revision;
    let state = state.apply(Action::Reparse(step));
    assert!(!state.steps[0].is_stale());
    assert_eq!(state.steps[0].history().map(|h| h.layers.len()), Some(15));
    assert_eq!(
        state.revision, revision,
        "a parse does not change the snapshot"
    );
}

#[test]
fn paste_text_with_one_history_fills_only_its_step() {
    let state = paste(empty(), 1, &corpus(ONE));
    assert_eq!(
        describe(&state),
        ["before: -", "adderservice: 15 layers, 225496604 B"]
    );
}

#[test]
fn paste_text_with_two_histories_fills_both_steps_whichever_it_went_into() {
    for position in [0, 1] {
        let state = AppState::from_texts(&[&corpus(ONE), &corpus(ONE_OTHER)], parse);
        let state = paste(state, position, &corpus(PAIR));
        assert_eq!(state.steps.len(), 2);
        let totals: Vec<_> = state
            .steps
            .iter()
            .map(|p| p.history().map(|h| h.layers.len()))
            .collect();
        assert_eq!(totals, [Some(14), Some(9)], "pasted into {position}");
        assert!(state.question.is_none(), "nothing typed was replaced");
        assert_eq!(state.compared_positions(), (0, 1));
    }
}

#[test]
fn paste_text_with_four_histories_fills_four_steps_in_order() {
    let state = paste(empty(), 0, &corpus(FOUR));
    assert_eq!(
        describe(&state),
        [
            "basic-app: 11 layers, 117450748 B",
            "basic-app: 8 layers, 117450400 B",
            "basic-app: 8 layers, 117450377 B",
            "basic-app-test: 9 layers, 117450418 B",
        ]
    );
    assert_eq!(state.compared_positions(), (0, 1), "neighbours by default");
}

#[test]
fn paste_text_with_three_histories_into_the_second_step_fills_three() {
    let state = paste(empty(), 1, &three());
    assert_eq!(
        describe(&state),
        [
            "basic-app: 11 layers, 117450748 B",
            "basic-app: 8 layers, 117450400 B",
            "basic-app: 8 layers, 117450377 B",
        ]
    );
}

#[test]
fn paste_text_with_more_histories_than_steps_fills_two_the_first_and_the_rest() {
    let pile = corpus(PAIR).repeat(5);
    let state = paste(empty(), 0, &pile);
    assert_eq!(state.steps.len(), 2);
    assert_eq!(state.steps[0].parsed.histories.len(), 1);
    assert_eq!(
        state.steps[1].parsed.histories.len(),
        9,
        "the rest, to pick from"
    );
}

#[test]
fn a_paste_asks_before_it_replaces_text_the_user_typed() {
    let state = empty();
    let after = id(&state, 1);
    let state = state.apply(Action::EditText(after, corpus(ONE)));
    let state = paste(state, 0, &corpus(FOUR));
    let Some(Question::FillSteps {
        n_histories,
        replaced,
        ..
    }) = &state.question
    else {
        panic!("no question: {:?}", describe(&state));
    };
    assert_eq!((*n_histories, replaced.as_slice()), (4, &[1][..]));
    // Until answered, the paste stays whole in its step and nothing else moved.
    assert_eq!(state.steps.len(), 2);
    assert_eq!(describe(&state)[1], "adderservice: 15 layers, 225496604 B");

    let no = state.clone().apply(Action::Answer(false));
    assert!(no.question.is_none());
    assert_eq!(no.steps.len(), 2);
    assert_eq!(*no.steps[1].text, corpus(ONE), "the typed text is kept");

    let yes = state.apply(Action::Answer(true));
    assert!(yes.question.is_none());
    assert_eq!(yes.steps.len(), 4);
    assert_eq!(describe(&yes)[3], "basic-app-test: 9 layers, 117450418 B");
}

#[test]
fn an_answer_for_a_text_that_changed_since_does_nothing() {
    let state = empty();
    let (before, after) = (id(&state, 0), id(&state, 1));
    let state = state.apply(Action::EditText(after, corpus(ONE)));
    let state = state.apply(Action::PasteText(before, corpus(FOUR)));
    assert!(state.question.is_some());
    let state = state.apply(Action::EditText(before, corpus(ONE_OTHER)));
    let state = state.apply(Action::Answer(true));
    assert_eq!(state.steps.len(), 2);
    assert_eq!(*state.steps[0].text, corpus(ONE_OTHER));
}

#[test]
fn read_takes_the_workers_parse_of_the_current_text_only_and_splits_a_paste() {
    let state = empty();
    let step = id(&state, 0);
    // A text over the inline limit waits for the worker.
    let mut big = corpus(FOUR);
    while big.len() <= layerdiff_core::app::INLINE_PARSE_BYTES {
        big.push_str("\n# padding\n");
    }
    let state = state.apply(Action::PasteText(step, big.clone()));
    assert!(state.steps[0].is_stale() && state.steps[0].split_when_read);
    let stale = state.clone().apply(Action::Read(
        step,
        Text::from("an older text"),
        Box::new(parse("an older text")),
    ));
    assert!(
        stale.steps[0].is_stale(),
        "a parse of another text is ignored"
    );
    let read = state.apply(Action::Read(
        step,
        Text::from(big.as_str()),
        Box::new(parse(&big)),
    ));
    assert_eq!(read.steps.len(), 4, "{:?}", describe(&read));
}

#[test]
fn select_picks_a_history_that_exists() {
    let state = AppState::from_texts(&[&corpus(FOUR), ""], parse);
    let step = id(&state, 0);
    let state = state.apply(Action::Select(step, 2));
    assert_eq!(state.steps[0].selected, 2);
    assert_eq!(describe(&state)[0], "basic-app #3: 8 layers, 117450377 B");
    let state = state.apply(Action::Select(step, 9));
    assert_eq!(state.steps[0].selected, 2, "no history 9: unchanged");
}

#[test]
fn rename_sets_a_trimmed_label_and_an_empty_one_goes_back_to_automatic() {
    let state = AppState::from_texts(&[&corpus(ONE), ""], parse);
    let step = id(&state, 0);
    let automatic = state.steps[0].label("before");
    let state = state.apply(Action::Rename(step, "  slim base ".into()));
    assert_eq!(state.steps[0].label("before"), "slim base");
    let state = state.apply(Action::Rename(step, "   ".into()));
    assert_eq!(state.steps[0].label("before"), automatic);
    assert_eq!(state.steps[1].label("after"), "after");
}

#[test]
fn add_step_appends_empty_steps_up_to_eight() {
    let mut state = empty();
    for _ in 0..10 {
        state = state.apply(Action::AddStep);
    }
    assert_eq!(state.steps.len(), MAX_STEPS);
    assert_eq!(describe(&state)[2], "step 3: -");
    let ids: std::collections::BTreeSet<_> = state.steps.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), MAX_STEPS, "every step has its own id");
}

#[test]
fn remove_step_keeps_at_least_two_and_the_comparison_follows() {
    let state = paste(empty(), 0, &corpus(FOUR));
    let (second, third) = (id(&state, 1), id(&state, 2));
    let state = state.apply(Action::Compare(Compared {
        old: second,
        new: third,
    }));
    let state = state.apply(Action::RemoveStep(third));
    assert_eq!(state.steps.len(), 3);
    assert!(state.step(third).is_none());
    assert_eq!(
        state.compared_positions(),
        (1, 2),
        "neighbours of where it was"
    );
    let first = id(&state, 0);
    let state = state.apply(Action::RemoveStep(first));
    let first = id(&state, 0);
    let state = state.apply(Action::RemoveStep(first));
    assert_eq!(state.steps.len(), 2, "never fewer than two");
}

#[test]
fn move_step_reorders_and_the_compared_steps_follow_their_ids() {
    let state = paste(empty(), 0, &corpus(FOUR));
    // Each step by its total: ver1, ver2, ver3 and the committed image differ.
    let names = |s: &AppState| {
        s.steps
            .iter()
            .map(|p| match p.history().map(|h| h.total_bytes()) {
                Some(117450748) => "ver1",
                Some(117450400) => "ver2",
                Some(117450377) => "ver3",
                Some(117450418) => "commit",
                _ => "?",
            })
            .collect::<Vec<_>>()
    };
    let (first, second) = (id(&state, 0), id(&state, 1));
    let state = state.apply(Action::MoveStep(first, 2));
    assert_eq!(names(&state), ["ver2", "ver3", "ver1", "commit"]);
    assert_eq!(
        state.compared_positions(),
        (2, 0),
        "still ver1 against ver2"
    );
    let state = state.apply(Action::MoveStep(second, 99));
    assert_eq!(
        names(&state),
        ["ver3", "ver1", "commit", "ver2"],
        "clamped to the end"
    );
}

#[test]
fn compare_chooses_two_different_existing_steps() {
    let state = paste(empty(), 0, &corpus(FOUR));
    let (a, d) = (id(&state, 0), id(&state, 3));
    let state = state.apply(Action::Compare(Compared { old: a, new: d }));
    assert_eq!(state.compared_positions(), (0, 3));
    let state = state.apply(Action::Compare(Compared { old: d, new: d }));
    assert_eq!(
        state.compared_positions(),
        (0, 3),
        "a step against itself is refused"
    );
    let state = state.apply(Action::Compare(Compared {
        old: a,
        new: StepId(999),
    }));
    assert_eq!(state.compared_positions(), (0, 3), "a gone step is refused");
}

#[test]
fn swap_exchanges_the_places_of_the_compared_steps() {
    let state = AppState::from_texts(&[&corpus(ONE), &corpus(ONE_OTHER)], parse);
    let state = state.apply(Action::Swap);
    assert_eq!(*state.steps[0].text, corpus(ONE_OTHER));
    assert_eq!(*state.steps[1].text, corpus(ONE));
}

#[test]
fn toggles_flip_the_view_and_change_the_snapshot() {
    let state = empty();
    assert!(state.view.base_collapsed && !state.view.sort_by_delta);
    let state = state.apply(Action::ToggleSort).apply(Action::ToggleBase);
    assert!(!state.view.base_collapsed && state.view.sort_by_delta);
    assert_eq!(state.revision, 2);
    assert_eq!(state.snapshot().view, state.view);
}

#[test]
fn load_replaces_every_step_with_new_ids_and_drops_the_question() {
    let state = empty();
    let after = id(&state, 1);
    let state = state.apply(Action::EditText(after, corpus(ONE)));
    let state = paste(state, 0, &corpus(FOUR));
    assert!(state.question.is_some());
    let old_ids: Vec<_> = state.steps.iter().map(|p| p.id).collect();
    let snapshot = ShareState {
        steps: vec![
            SharedPane {
                label: "mine".into(),
                text: corpus(ONE_OTHER),
                selected: 0,
            },
            SharedPane {
                label: String::new(),
                text: corpus(ONE),
                selected: 0,
            },
            SharedPane {
                label: String::new(),
                text: String::new(),
                selected: 0,
            },
        ],
        view: ViewOptions {
            sort_by_delta: true,
            base_collapsed: false,
            ..ViewOptions::default()
        },
        compared: None,
    };
    let state = state.apply(Action::Load(snapshot.clone()));
    assert!(state.question.is_none());
    assert_eq!(state.steps.len(), 3);
    assert!(state.steps.iter().all(|p| !old_ids.contains(&p.id)));
    assert_eq!(state.snapshot(), snapshot);
}

#[test]
fn the_snapshot_round_trips_and_a_short_one_gets_two_steps() {
    let state = paste(empty(), 0, &corpus(FOUR));
    let step = id(&state, 2);
    let state = state.apply(Action::Rename(step, "third".into()));
    let snapshot = state.snapshot();
    assert_eq!(snapshot.steps.len(), 4);
    assert_eq!(snapshot.steps[2].label, "third");
    assert_eq!(
        snapshot.steps[0].label, "",
        "automatic labels are not carried"
    );
    let back = AppState::restore(&snapshot, parse);
    assert_eq!(describe(&back), describe(&state));
    assert_eq!(back.snapshot(), snapshot);

    let one = ShareState {
        steps: vec![SharedPane {
            label: String::new(),
            text: corpus(ONE),
            selected: 7,
        }],
        view: ViewOptions::default(),
        compared: None,
    };
    let back = AppState::restore(&one, parse);
    assert_eq!(back.steps.len(), 2);
    assert_eq!(back.steps[0].selected, 0, "history 7 is not there");
}

#[test]
fn the_revision_grows_with_the_snapshot_only() {
    let state = AppState::from_texts(&[&corpus(ONE), ""], parse);
    let step = id(&state, 0);
    let same = state.clone().apply(Action::Select(step, 5));
    assert_eq!(same.revision, 0, "an impossible choice changes nothing");
    assert!(same.edited, "but the user acted");
    let renamed = state.apply(Action::Rename(step, "x".into()));
    assert_eq!(renamed.revision, 1);
}

#[test]
fn the_compared_steps_are_in_the_snapshot_and_a_load_brings_them_back() {
    let state = paste(empty(), 0, &corpus(FOUR));
    assert_eq!(
        state.snapshot().compared,
        None,
        "the first two: the default"
    );
    let (b, d) = (id(&state, 1), id(&state, 3));
    let before = state.revision;
    let state = state.apply(Action::Compare(Compared { old: d, new: b }));
    assert!(
        state.revision > before,
        "a new pair is a new snapshot (a new link)"
    );
    let snapshot = state.snapshot();
    assert_eq!(snapshot.compared, Some(StepPair { left: 3, right: 1 }));
    let loaded = empty().apply(Action::Load(snapshot.clone()));
    assert_eq!(loaded.compared_positions(), (3, 1));
    assert_eq!(
        AppState::restore(&snapshot, parse).compared_positions(),
        (3, 1)
    );
    // A pair naming a step the snapshot does not have keeps the default.
    let bad = ShareState {
        compared: Some(StepPair { left: 0, right: 7 }),
        ..snapshot
    };
    assert_eq!(
        empty().apply(Action::Load(bad)).compared_positions(),
        (0, 1)
    );
}

#[test]
fn present_sets_the_slide_in_the_snapshot_and_none_stops() {
    let state = paste(empty(), 0, &corpus(PAIR));
    let before = state.revision;
    let state = state.apply(Action::Present(Some(0)));
    assert_eq!(state.snapshot().view.slide, Some(0));
    assert!(state.revision > before, "the slide is in the link");
    let state = state.apply(Action::Present(Some(3)));
    assert_eq!(state.view.slide, Some(3));
    let state = state.apply(Action::Present(None));
    assert_eq!(state.snapshot().view.slide, None);
}

#[test]
fn focus_points_at_a_layer_until_the_text_or_the_steps_move() {
    let state = paste(empty(), 0, &corpus(PAIR));
    let at = LayerAt { step: 1, layer: 2 };
    let state = state.apply(Action::Focus(Some(at)));
    assert_eq!(
        state.snapshot().view.focus,
        Some(at),
        "the layer is in the link"
    );
    // Sorting and folding keep it: the same layer is still there.
    let state = state.apply(Action::ToggleSort).apply(Action::ToggleBase);
    assert_eq!(state.view.focus, Some(at));
    let state = state.apply(Action::Focus(None));
    assert_eq!(state.view.focus, None);
    // Swapping or typing makes "layer 3 of step 2" another layer.
    let swapped = state.apply(Action::Focus(Some(at))).apply(Action::Swap);
    assert_eq!(swapped.view.focus, None);
    let step = id(&swapped, 0);
    let typed = swapped
        .apply(Action::Focus(Some(at)))
        .apply(Action::EditText(step, "x".into()));
    assert_eq!(typed.view.focus, None);
}
