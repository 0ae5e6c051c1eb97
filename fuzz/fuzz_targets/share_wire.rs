//! Fuzz target: the version 1 payload reader (`layerdiff_core::share::v1::decode`,
//! what a link holds once base64url, the check and deflate are undone) must
//! never panic, and a payload it reads must write back (`v1::encode`) into one
//! that reads to the same link. Going straight to the reader skips the
//! base64 and deflate work of `share_decode`, so it runs many times faster.
//! Every history pane it reads is also printed in each of the five styles a
//! link may ask for (`render`), as opening the link would print it in one.
//! Seeds: the v1 payloads of the frozen links (see `share_decode.rs`).
#![no_main]

use layerdiff_core::render::{render, RenderStyle};
use layerdiff_core::share::v1::{self, PaneBody};
use libfuzzer_sys::fuzz_target;

const STYLES: [RenderStyle; 5] = [
    RenderStyle::Docker,
    RenderStyle::DockerNoTrunc,
    RenderStyle::DockerHumanFalse,
    RenderStyle::JsonLines,
    RenderStyle::Podman,
];

fuzz_target!(|data: &[u8]| {
    let Ok(link) = v1::decode(data) else {
        return;
    };
    let bytes = v1::encode(&link);
    assert_eq!(v1::decode(&bytes).as_ref(), Ok(&link), "payload {data:?}");
    for pane in [&link.before, &link.after] {
        if let PaneBody::History { history, .. } = &pane.body {
            for style in STYLES {
                std::hint::black_box(render(history, style));
            }
        }
    }
});
