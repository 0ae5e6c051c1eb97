//! Fuzz target: `layerdiff_core::parse::parse` must never panic, whatever is
//! pasted. Bytes are read as UTF-8 with invalid sequences replaced, as a
//! browser textarea would hand them over. Seeded from tests/data/corpus/.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = layerdiff_core::parse::parse(&text);
    // Touch the result so none of it is optimised away.
    let n_layers: usize = parsed.histories.iter().map(|h| h.layers.len()).sum();
    std::hint::black_box((n_layers, parsed.diagnostics.len()));
});
