//! The read-only view's link: `ShareState::as_embed` makes it from
//! the editor's work, it opens with the view flags set, and `as_editor` (the
//! view's "Open in layerdiff") opens to the same work as the editor had.

mod common;
mod snapshots;

use common::demo_work;
use layerdiff_core::parse::parse;
use layerdiff_core::share::{self, Embed, EncodeOptions};
use snapshots::EMBED_LINKS;

#[test]
fn a_view_link_made_while_presenting_carries_no_slide() {
    let mut work = demo_work();
    work.view.slide = Some(3);
    let view = work.as_embed(true, false);
    assert_eq!(view.view.slide, None);
    let opened = share::open(&share::link(&view, &EncodeOptions::default()).unwrap()).unwrap();
    assert_eq!(
        (opened.view.slide, opened.view.embed.is_some()),
        (None, true)
    );
    assert_eq!(opened.as_editor().view.slide, None);
}

#[test]
fn an_embed_link_opens_as_the_view_and_its_editor_link_as_the_work() {
    let work = demo_work();
    for (findings, table) in [(false, false), (true, false), (false, true), (true, true)] {
        let view = work.as_embed(findings, table);
        let link = share::link(&view, &EncodeOptions::default()).expect("packs");
        let opened = share::open(&link).expect("opens");
        assert_eq!(opened.view.embed, Some(Embed { findings, table }));

        let editor = share::link(&opened.as_editor(), &EncodeOptions::default()).expect("packs");
        let reopened = share::open(&editor).expect("opens");
        assert_eq!(reopened.view.embed, None);
        assert_eq!(reopened.steps.len(), work.steps.len());
        for (k, (got, want)) in reopened.steps.iter().zip(&work.steps).enumerate() {
            let (got, want) = (parse(&got.text), parse(&want.text));
            assert!(
                share::same_history(&got.histories[0], &want.histories[0]),
                "step {k} opens to the same history in the editor"
            );
        }
        assert_eq!(reopened.view, work.view);
    }
}

/// The links the browser test (`tests/e2e/embed.test.mjs`) frames: the demo
/// as the read-only view, bare, with the findings and the table, and fixed
/// to the light scheme (`tests/snapshots/mod.rs`, written by
/// `cargo run --example write_snapshots -- embed-links`, never by a test).
/// Once written they are frozen: they must open to the demo's steps with
/// their flags whatever the packing does later.
#[test]
fn the_e2e_embed_links_open_to_the_demo_view() {
    let work = demo_work();
    let snaps = snapshots::embed_links();
    assert_eq!(snaps.len(), EMBED_LINKS.len());
    for ((name, findings, table, theme), snap) in EMBED_LINKS.into_iter().zip(snaps) {
        let link = snap.stored().unwrap_or_else(|e| panic!("{e}"));
        let opened = share::open(link.trim()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.view.embed, Some(Embed { findings, table }), "{name}");
        assert_eq!(opened.view.theme, theme, "{name}");
        assert_eq!(opened.steps.len(), 2, "{name}");
        for (got, want) in opened.steps.iter().zip(&work.steps) {
            let (got, want) = (parse(&got.text), parse(&want.text));
            assert!(
                share::same_history(&got.histories[0], &want.histories[0]),
                "{name}"
            );
        }
    }
}
