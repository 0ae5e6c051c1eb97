//! The read-only view's link (issue 12): `ShareState::as_embed` makes it from
//! the editor's work, it opens with the view flags set, and `as_editor` (the
//! view's "Open in layerdiff") opens to the same work as the editor had.

mod common;

use common::demo_work;
use layerdiff::core::parse::parse;
use layerdiff::core::share::{self, Embed, EncodeOptions, Theme};

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
/// to the light scheme. Written
/// when missing or with `LAYERDIFF_BLESS=1`; they must open to the demo's
/// steps with their flags whatever the packing does later.
#[test]
fn the_e2e_embed_links_open_to_the_demo_view() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    let work = demo_work();
    let cases = [
        ("embed-demo.link", false, false, None),
        ("embed-demo-all.link", true, true, None),
        ("embed-demo-light.link", false, false, Some(Theme::Light)),
    ];
    for (name, findings, table, theme) in cases {
        let path = dir.join(name);
        if !path.exists() || std::env::var_os("LAYERDIFF_BLESS").is_some() {
            let mut view = work.as_embed(findings, table);
            view.view.theme = theme;
            let link = share::link(&view, &EncodeOptions::default()).unwrap();
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, format!("{link}\n")).unwrap();
        }
        let link = std::fs::read_to_string(&path).unwrap();
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
