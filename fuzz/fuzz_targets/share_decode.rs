//! Fuzz target: opening a share link must never panic, whatever a stranger
//! pasted, and a link that opens must survive being packed again.
//!
//! Each input is tried three ways, so that every layer of the codec
//! (`crates/core/src/share/codec.rs`: version character, base64url, 3-byte FNV-1a
//! check, raw deflate against the v1 dictionary, then the v1 payload reader)
//! gets inputs it does not refuse at once:
//! 1. as the link text itself (UTF-8 as is, and with invalid sequences
//!    replaced, as the address bar or a paste would hand it over);
//! 2. as the deflate stream of a link: `1` + base64url(3 bytes ‖ input), which
//!    reaches the inflater (with the preset dictionary in front) and then
//!    almost always stops at the check;
//! 3. as the v1 payload of a link: `1` + base64url(check ‖ deflate(input)),
//!    with the check computed as the codec does, so the input reaches the v1
//!    reader and, when it reads, the rendering of its panes (`decode`);
//! 4. as a v2 payload the same way (`2` + …), which reaches the v2 reader
//!    (2 to 8 steps, the compared pair) through `share::open`.
//!
//! Every link text is also opened as the page opens it (`share::open`, any
//! version); when it opens, `share::link` packs it again and the steps, the
//! view and the compared pair come back.
//!
//! Whenever a link opens, it is packed again and opened again:
//! - `v1::decode(v1::encode(link)) == link` (the v1 form round-trips exactly;
//!   without deflate, which is the slow part and is exercised just below);
//! - `decode(encode(state))` gives every pane back with the same label, and
//!   either the same text and selection or a text whose compared history is
//!   the same (`encode` may carry a pane as its parsed history, re-rendered).
//!
//! Seeds: the frozen links of `tests/data/share/` and their v1 payloads
//! (`scripts/fuzz.sh` writes both at run time). With the environment variable
//! `LAYERDIFF_FUZZ_PAYLOADS=DIR`, the v1 payload of every input that is a
//! valid link is written into DIR (that is how the script makes the second
//! kind of seed; `cargo fuzz run share_decode SEEDS -- -runs=0`).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, NO_PAD};
use base64::Engine as _;
use layerdiff_core::parse::parse;
use layerdiff_core::share::{
    self, decode, decode_link, encode, same_history, v1, EncodeOptions, SharedPane, StepPair,
};
use libfuzzer_sys::fuzz_target;

const BASE64: GeneralPurpose = GeneralPurpose::new(&URL_SAFE, NO_PAD);

fuzz_target!(|data: &[u8]| {
    // 1. The bytes as the link text.
    match std::str::from_utf8(data) {
        Ok(text) => open(text),
        Err(_) => open(&String::from_utf8_lossy(data)),
    }
    // 2. The bytes as the deflate stream (after a check that rarely matches).
    let mut framed = vec![0u8; 3];
    framed.extend_from_slice(data);
    open(&format!("1{}", BASE64.encode(&framed)));
    // 3. The bytes as the v1 payload, packed so that the check matches.
    open(&format!("1{}", pack(data)));
    // 4. The bytes as a v2 payload.
    open_any(&format!("2{}", pack(data)));
});

/// Opens `text` as the page does (any version); when it opens, packs it
/// again and checks that the steps, the view and the compared pair come back.
fn open_any(text: &str) {
    let Ok(state) = share::open(text) else {
        return;
    };
    let fragment = share::link(&state, &EncodeOptions::default()).unwrap_or_else(|why| {
        panic!(
            "an opened link of {} steps has no link: {why}",
            state.steps.len()
        )
    });
    let again = match share::open(&fragment) {
        Ok(s) => s,
        Err(e) => panic!("our own link {fragment:?} (from {text:?}) does not open: {e}"),
    };
    let first_two = Some(StepPair { left: 0, right: 1 });
    assert_eq!(again.view, state.view);
    assert_eq!(again.compared.or(first_two), state.compared.or(first_two));
    assert_eq!(again.steps.len(), state.steps.len());
    for (a, b) in state.steps.iter().zip(&again.steps) {
        same_pane(a, b);
    }
}

/// Opens `text` as a link; when it opens, packs it again and checks that it
/// comes back.
fn open(text: &str) {
    open_any(text);
    let Ok(link) = decode_link(text) else {
        // `decode` must refuse it too (and must not panic doing so).
        assert!(
            decode(text).is_err(),
            "decode_link refused {text:?} but decode accepted it"
        );
        return;
    };
    let payload = v1::encode(&link);
    if let Some(dir) = payload_dir() {
        let name = format!("payload-{:08x}", fnv1a(&payload));
        let _ = std::fs::write(dir.join(name), &payload);
    }
    assert_eq!(
        v1::decode(&payload).as_ref(),
        Ok(&link),
        "v1 round trip of {text:?} via {payload:?}"
    );

    let state = decode(text).expect("decode_link accepted it, so decode must");
    let fragment = encode(&state, &EncodeOptions::default());
    let again = match decode(&fragment) {
        Ok(s) => s,
        Err(e) => panic!("our own link {fragment:?} (from {text:?}) does not open: {e}"),
    };
    assert_eq!(again.view, state.view);
    same_pane(&state.before, &again.before);
    same_pane(&state.after, &again.after);
}

/// A pane after a round trip: the same, or carrying the same history.
fn same_pane(first: &SharedPane, second: &SharedPane) {
    assert_eq!(first.label, second.label);
    if first == second {
        return;
    }
    let one = parse(&first.text);
    let two = parse(&second.text);
    let (Some(a), Some(b)) = (
        one.histories.get(first.selected),
        two.histories.get(second.selected),
    ) else {
        panic!("pane changed and lost its history: {first:?} → {second:?}");
    };
    assert!(
        same_history(a, b),
        "pane's history changed:\n{a:?}\n→\n{b:?}\n(texts {:?} → {:?})",
        first.text,
        second.text
    );
}

/// `check ‖ deflate(payload)` in base64url: the codec's framing, without its
/// preset dictionary (any deflate stream is a valid continuation of it).
/// Level 0 (stored blocks) costs next to nothing; the inflater gets arbitrary
/// streams from the second way of trying an input.
fn pack(payload: &[u8]) -> String {
    let [a, b, c, _] = fnv1a(payload).to_le_bytes();
    let mut bytes = vec![a, b, c];
    bytes.extend(miniz_oxide::deflate::compress_to_vec(payload, 0));
    BASE64.encode(bytes)
}

/// 32-bit FNV-1a, as `codec.rs` checks payloads (the link keeps its low 3 bytes).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn payload_dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| std::env::var_os("LAYERDIFF_FUZZ_PAYLOADS").map(PathBuf::from))
        .as_ref()
}
