//! Links that fuzzing (`fuzz/fuzz_targets/share_decode.rs`, `share_wire.rs`)
//! or probing around it found to misbehave: each must be refused with a
//! `ShareError`, or open to something of a sane size, and never panic.

use layerdiff_core::model::{History, Layer};
use layerdiff_core::share::v1::{LinkV1, PaneBody, PaneV1};
use layerdiff_core::share::{decode, decode_link, encode_link, ViewOptions, MAX_PAYLOAD};

/// The most text a link may open to: far more than any real comparison (a
/// link's payload is at most [`MAX_PAYLOAD`], and printing a history again
/// adds column padding, not a multiple of it).
const MAX_OPENED_TEXT: usize = 8 * MAX_PAYLOAD;

/// Opens `link`: it must be refused, or open to at most [`MAX_OPENED_TEXT`]
/// bytes of pane text. A panic fails the test by itself.
fn refused_or_sane(link: &str) {
    if let Ok(state) = decode(link) {
        let opened = state.before.text.len() + state.after.text.len();
        assert!(
            opened <= MAX_OPENED_TEXT,
            "a {}-character link opened to {opened} bytes of text (cap {MAX_OPENED_TEXT})",
            link.len()
        );
    }
}

/// A link whose before pane is the history of `layers`, after pane empty.
fn history_link(layers: Vec<Layer>) -> String {
    let history = History {
        layers,
        ..History::default()
    };
    encode_link(&LinkV1 {
        before: PaneV1 {
            label: String::new(),
            body: PaneBody::History { style: 0, history },
        },
        after: PaneV1 {
            label: String::new(),
            body: PaneBody::Text {
                selected: 0,
                text: String::new(),
            },
        },
        view: ViewOptions::default(),
    })
}

fn layer(created: &str) -> Layer {
    Layer {
        created: Some(created.to_string()),
        ..Layer::default()
    }
}

/// v1 "CREATED same as the previous row" (flag bit 2) makes the decoder copy
/// the previous CREATED into every row (`v1.rs` `read_layers`, the
/// `prev.clone()` for `CREATED_SAME`; `COMMENT_SAME` the same): one long
/// CREATED on 2,000 rows is 40 MB decoded from a link of about a hundred
/// characters. At the caps (10,000 rows, a 2 MiB string) a 353-character link
/// makes the decoder allocate gigabytes before anything is printed.
#[test]
fn a_repeated_created_cannot_blow_up_the_decoder() {
    let long = "a".repeat(20_000);
    let link = history_link((0..2_000).map(|_| layer(&long)).collect());
    assert!(
        link.len() < 1_000,
        "the link is short: {} characters",
        link.len()
    );
    if let Ok(decoded) = decode_link(&link) {
        let held: usize = [&decoded.before, &decoded.after]
            .iter()
            .filter_map(|pane| match &pane.body {
                PaneBody::History { history, .. } => Some(history),
                PaneBody::Text { .. } => None,
            })
            .flat_map(|h| &h.layers)
            .map(|l| l.created.as_ref().map_or(0, String::len) + l.comment.len())
            .sum();
        assert!(
            held <= MAX_OPENED_TEXT,
            "a {}-character link decoded to {held} bytes of CREATED and COMMENT (cap {MAX_OPENED_TEXT})",
            link.len()
        );
    }
    refused_or_sane(&link);
}

/// Printing a history pads every cell but the last to its column's width
/// (`render.rs` `tabwriter`), so one long CREATED makes every row that long:
/// 2,000 rows under one 20,000-character CREATED print as 40 MB, from a link
/// of about a hundred characters (368 characters print 2 GB at the caps).
#[test]
fn one_long_cell_cannot_blow_up_the_printed_pane() {
    let long = "a".repeat(20_000);
    let mut layers = vec![layer(&long)];
    layers.extend((1..2_000).map(|_| layer("About a minute ago")));
    let link = history_link(layers);
    assert!(
        link.len() < 1_000,
        "the link is short: {} characters",
        link.len()
    );
    refused_or_sane(&link);
}

fn comment(comment: &str) -> Layer {
    Layer {
        comment: comment.to_string(),
        ..Layer::default()
    }
}

/// A tab inside a cell starts another column, and printing a history laid
/// out columns recursively, one call deeper per column (`render.rs`
/// `format_block`): a COMMENT of 200,000 tabs, from a link of about 300
/// characters, overflowed the stack and aborted.
#[test]
fn a_cell_full_of_tabs_cannot_overflow_the_stack() {
    let link = history_link(vec![comment(&"\t".repeat(200_000))]);
    assert!(
        link.len() < 1_000,
        "the link is short: {} characters",
        link.len()
    );
    refused_or_sane(&link);
    // Eight rows repeating 1.9 million tabs would print 150 MB: refused.
    let link = history_link(vec![comment(&"\t".repeat(1_900_000)); 8]);
    assert!(
        link.len() < 3_000,
        "the link is short: {} characters",
        link.len()
    );
    refused_or_sane(&link);
}
