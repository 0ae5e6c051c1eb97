//! The page's second module answers what the page asks (`core::extras`):
//! for real pairs and paths from the corpus, the exchange (a JSON question,
//! an answer in bytes) gives exactly what the core gives when called directly (the insights as the page shows
//! them, the Markdown and JSON exports), and a question it cannot read or a
//! path it cannot make gets one sentence, never a panic.

use layerdiff_core::compare::compare;
use layerdiff_core::compare::path::compare_path;
use layerdiff_core::exchange;
use layerdiff_core::extras::{answer, Request};
use layerdiff_core::insights::{of_pair, view::InsightsView};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::report::pair as report;
use layerdiff_core::report::path::{self as path_report, PairInsights};

/// The histories of a corpus paste.
fn corpus(name: &str) -> Vec<History> {
    let path = format!("{}/tests/data/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap()).histories
}

/// Asks as the page does: the request travels as JSON, the answer as bytes.
fn ask_bytes(request: &Request) -> Result<Vec<u8>, String> {
    answer(&serde_json::to_string(request).unwrap())
}

/// An answer that is text (an export, one link), read as the page reads it.
fn ask(request: &Request) -> Result<String, String> {
    ask_bytes(request).map(|bytes| String::from_utf8(bytes).expect("UTF-8 text"))
}

const PAIRS: &[(&str, usize, usize)] = &[
    ("000-course-3.1-backend-before-after.txt", 0, 1),
    ("017-dwd36-grep-RUN-headerless-before-after.txt", 0, 2),
    ("061-zh-node-vanilla-vs-multistage-no-created-col.txt", 0, 1),
];

#[test]
fn insights_arrive_as_the_core_finds_them() {
    for &(name, b, a) in PAIRS {
        let h = corpus(name);
        let (before, after) = (h[b].clone(), h[a].clone());
        let got = ask_bytes(&Request::Insights {
            before: before.clone(),
            after: after.clone(),
        })
        .unwrap();
        let got: InsightsView = exchange::from_bytes(&got).unwrap();
        let want = InsightsView::of(&of_pair(&before, &after, &compare(&before, &after)));
        assert_eq!(got, want, "{name}");
        assert_eq!(got.histories.len(), 2, "{name}");
    }
}

#[test]
fn pair_exports_are_the_cores() {
    let h = corpus(PAIRS[0].0);
    let (before, after) = (h[0].clone(), h[1].clone());
    let c = compare(&before, &after);
    let found = of_pair(&before, &after, &c);
    let link = "https://example.org/#v1.abc";
    let md = ask(&Request::PairMarkdown {
        before: before.clone(),
        after: after.clone(),
        link: link.into(),
    });
    assert_eq!(md, Ok(report::markdown_full(&c, Some(&found), Some(link))));
    assert!(md.unwrap().contains(link));
    let json = ask(&Request::PairJson { before, after });
    assert_eq!(json, Ok(report::json_with_insights(&c, &found)));
}

#[test]
fn path_exports_are_the_cores() {
    let steps = corpus("067-dwd306-pedro-4-histories-last-missing-header.txt");
    assert_eq!(steps.len(), 4);
    let refs: Vec<&History> = steps.iter().collect();
    let p = compare_path(&refs).unwrap();
    let found = of_pair(&steps[1], &steps[2], &compare(&steps[1], &steps[2]));
    let pair = PairInsights {
        before_step: 1,
        after_step: 2,
        insights: &found,
    };
    let md = ask(&Request::PathMarkdown {
        steps: steps.clone(),
        before_step: 1,
        after_step: 2,
        link: "L".into(),
    });
    assert_eq!(
        md,
        Ok(path_report::markdown_full(&p, Some(pair), Some("L")))
    );
    let json = ask(&Request::PathJson {
        steps: steps.clone(),
    });
    assert_eq!(json, Ok(path_report::json(&p)));
}

#[test]
fn what_cannot_be_answered_is_said_in_one_sentence() {
    let err = answer("{\"op\":\"tea\"}").unwrap_err();
    assert!(
        err.starts_with("the page sent a question this version cannot read"),
        "{err}"
    );
    assert!(answer("not json at all").is_err());
    let steps = corpus(PAIRS[0].0);
    let err = ask(&Request::PathMarkdown {
        steps: steps.clone(),
        before_step: 0,
        after_step: 5,
        link: String::new(),
    })
    .unwrap_err();
    assert_eq!(err, "steps 1 and 6 are not both in a path of 2");
    let err = ask(&Request::PathJson {
        steps: steps[..1].to_vec(),
    })
    .unwrap_err();
    assert!(!err.is_empty() && !err.contains('\n'), "{err}");
}

/// Two steps holding the corpus paste `name` (its first two histories' text
/// is the whole paste in each pane, as a user would paste it).
fn snapshot(name: &str) -> layerdiff_core::share::ShareState {
    use layerdiff_core::share::{ShareState, SharedPane};
    let path = format!("{}/tests/data/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let pane = |label: &str, selected| SharedPane {
        label: label.into(),
        text: text.clone(),
        selected,
    };
    ShareState {
        steps: vec![pane("before", 0), pane("after", 1)],
        ..ShareState::default()
    }
}

#[test]
fn links_are_packed_as_the_codec_packs_them_and_open_back() {
    use layerdiff_core::share::pack::{PackedLinks, CHAT_LIMIT};
    use layerdiff_core::share::{link, open, same_history, EncodeOptions};
    let state = snapshot("000-course-3.1-backend-before-after.txt");
    let options = EncodeOptions {
        redact: true,
        ..EncodeOptions::default()
    };
    let answer = ask_bytes(&Request::Links {
        snapshot: state.clone(),
        options,
        base_len: 40,
    })
    .unwrap();
    let packed: PackedLinks = exchange::from_bytes(&answer).unwrap();
    assert_eq!(packed.full, link(&state, &options).unwrap());
    assert_eq!(packed.refused, None);
    assert!(
        packed.full.len() + 41 <= CHAT_LIMIT,
        "the demo fits a chat message"
    );
    assert_eq!(packed.short, None, "no shorter link when the link fits");
    // The link may carry a pane as its parsed history printed again: it
    // reads back to the same layers.
    let compared =
        |p: &layerdiff_core::share::SharedPane| parse(&p.text).histories[p.selected].clone();
    let opened = open(&packed.full).unwrap();
    assert_eq!(opened.steps.len(), 2);
    for (got, sent) in opened.steps.iter().zip(&state.steps) {
        assert!(
            same_history(&compared(got), &compared(sent)),
            "{}",
            sent.label
        );
    }
    // One link alone, as "copy link to this layer" asks.
    let one = ask(&Request::Link {
        snapshot: state.clone(),
        options,
    });
    assert_eq!(one, Ok(packed.full));
}

#[test]
fn a_link_too_long_for_chat_comes_with_a_shorter_one_and_too_much_text_with_why() {
    use layerdiff_core::share::pack::{pack_links, CHAT_LIMIT};
    use layerdiff_core::share::EncodeOptions;
    let state = snapshot("046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt");
    let packed = pack_links(&state, EncodeOptions::default(), 1_900);
    assert!(packed.full.len() + 1_901 > CHAT_LIMIT);
    let short = packed.short.expect("a shorter link is offered");
    assert!(
        short.len() < packed.full.len(),
        "{} vs {}",
        short.len(),
        packed.full.len()
    );
    let mut huge = state.clone();
    huge.steps[0].text = "x".repeat(600_000);
    let refused = pack_links(&huge, EncodeOptions::default(), 40);
    assert_eq!((refused.full.as_str(), refused.short), ("", None));
    let why = refused.refused.expect("refused");
    assert!(why.contains("kB") || why.contains("MB"), "{why}");
    assert_eq!(
        ask(&Request::Link {
            snapshot: huge,
            options: EncodeOptions::default()
        }),
        Err(why)
    );
}
