//! Text that arrives without a text box (`core::app::input` and
//! `Action::Place`): a dropped file or a paste on the page goes to the pane
//! it was dropped on, else the first empty step, else the user is asked
//! which; corpus files read as text, a PNG's bytes do not.

use layerdiff_core::app::input::{file_text, FileProblem};
use layerdiff_core::app::{Action, AppState, Question, MAX_STEPS};
use layerdiff_core::parse::parse;

fn corpus_bytes(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const ONE: &str = "006-adderservice-old-space-units-no-trailing.txt";
const OTHER: &str = "002-jonny-busybox-old-1819kB.txt";

fn corpus(name: &str) -> String {
    file_text(&corpus_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn place(state: AppState, into: Option<usize>, text: &str) -> AppState {
    let into = into.map(|pos| state.steps[pos].id);
    state.apply(Action::Place {
        into,
        text: text.to_string(),
        source: "the pasted text".to_string(),
    })
}

fn texts(state: &AppState) -> Vec<&str> {
    state.steps.iter().map(|p| &*p.text).collect()
}

#[test]
fn every_corpus_file_reads_as_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).unwrap();
            let text = file_text(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                text.len(),
                bytes.len() - 3 * usize::from(bytes.starts_with(b"\xEF\xBB\xBF"))
            );
        }
    }
}

#[test]
fn a_png_is_not_text() {
    // The smallest valid PNG: a 1×1 pixel.
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    assert_eq!(
        file_text(png),
        Err(FileProblem::Binary {
            kind: "a PNG image"
        })
    );
}

#[test]
fn text_dropped_on_a_pane_goes_there_even_when_it_holds_text() {
    let state = AppState::from_texts(&[&corpus(ONE), ""], parse);
    let state = place(state, Some(0), &corpus(OTHER));
    assert_eq!(texts(&state), [corpus(OTHER).as_str(), ""]);
    assert!(state.steps[0].history().is_some());
}

#[test]
fn text_from_nowhere_fills_the_first_empty_step() {
    let state = AppState::from_texts(&[&corpus(ONE), "", ""], parse);
    let state = place(state, None, &corpus(OTHER));
    assert_eq!(
        texts(&state),
        [corpus(ONE).as_str(), corpus(OTHER).as_str(), ""]
    );
    assert!(state.question.is_none());
}

#[test]
fn with_no_empty_step_the_user_is_asked_and_nothing_is_replaced() {
    let state = AppState::from_texts(&[&corpus(ONE), &corpus(ONE)], parse);
    let state = place(state, None, &corpus(OTHER));
    assert_eq!(texts(&state), [corpus(ONE).as_str(), corpus(ONE).as_str()]);
    assert!(
        matches!(&state.question, Some(Question::WhichStep { source, .. }) if source == "the pasted text")
    );

    // The answer puts it in the chosen step.
    let second = state.steps[1].id;
    let chosen = state.clone().apply(Action::PlaceIn(Some(second)));
    assert_eq!(
        texts(&chosen),
        [corpus(ONE).as_str(), corpus(OTHER).as_str()]
    );
    assert!(chosen.question.is_none());

    // Or in a new step at the end.
    let added = state.clone().apply(Action::PlaceIn(None));
    assert_eq!(
        texts(&added),
        [
            corpus(ONE).as_str(),
            corpus(ONE).as_str(),
            corpus(OTHER).as_str()
        ]
    );

    // Or nowhere.
    let dropped = state.apply(Action::Answer(false));
    assert!(dropped.question.is_none());
    assert_eq!(
        texts(&dropped),
        [corpus(ONE).as_str(), corpus(ONE).as_str()]
    );
}

#[test]
fn a_full_page_cannot_get_a_new_step() {
    let full: Vec<String> = (0..MAX_STEPS).map(|_| corpus(ONE)).collect();
    let full: Vec<&str> = full.iter().map(String::as_str).collect();
    let state = place(AppState::from_texts(&full, parse), None, &corpus(OTHER));
    let state = state.apply(Action::PlaceIn(None));
    assert_eq!(state.steps.len(), MAX_STEPS);
    assert!(
        state.question.is_some(),
        "the question stays until answered"
    );
}

#[test]
fn a_pair_placed_from_nowhere_fills_two_steps() {
    let pair = corpus("000-course-3.1-backend-before-after.txt");
    let state = place(AppState::from_texts(&[], parse), None, &pair);
    assert!(
        state.steps.iter().all(|p| p.history().is_some()),
        "both steps filled"
    );
}
