//! Raw deflate with a preset dictionary, emulated on top of miniz_oxide.
//!
//! miniz_oxide has no preset-dictionary API for raw deflate, so both sides
//! agree on this: the compressor first eats the dictionary and ends it with a
//! sync flush (which leaves the stream byte-aligned), keeps only what it writes
//! after that point, and the payload may copy strings from the dictionary
//! through the normal 32 KiB window. The decompressor puts the dictionary back
//! in front as a stored (uncompressed, not last) block, inflates, and drops the
//! dictionary's bytes from the output. Any deflate stream is a valid
//! continuation, so a plain stream (no dictionary use) decodes too.

use miniz_oxide::deflate::core::deflate_flags::TDEFL_FORCE_ALL_STATIC_BLOCKS;
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// Why inflating failed, for the codec to turn into a user message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ended before its last block: the link was cut.
    Truncated,
    /// Unpacking would exceed the cap.
    TooLarge,
    /// Not a valid deflate stream.
    Invalid,
}

/// Compresses `data` at level 10 (miniz's best), allowing matches into `dict`.
/// Short inputs often come out smaller with deflate's fixed Huffman codes
/// than with a tailored code table (whose description costs ~60 bytes), so
/// both are tried and the shorter kept; any inflater reads either.
pub fn deflate(dict: &[u8], data: &[u8]) -> Vec<u8> {
    let tailored = create_comp_flags_from_zip_params(10, -15, 0);
    let fixed = tailored | TDEFL_FORCE_ALL_STATIC_BLOCKS;
    [tailored, fixed]
        .into_iter()
        .filter_map(|flags| with_dictionary(dict, data, flags))
        .min_by_key(Vec::len)
        .unwrap_or_else(|| miniz_oxide::deflate::compress_to_vec(data, 10))
}

fn with_dictionary(dict: &[u8], data: &[u8], flags: u32) -> Option<Vec<u8>> {
    let mut compressor = CompressorOxide::new(flags);
    let mut scratch = vec![0u8; dict.len().saturating_mul(2).saturating_add(1024)];
    let (status, used, _) = compress(&mut compressor, dict, &mut scratch, TDEFLFlush::Sync);
    if status != TDEFLStatus::Okay || used != dict.len() {
        return None;
    }
    let mut out = vec![0u8; data.len().saturating_mul(2).saturating_add(1024)];
    let (status, used, written) = compress(&mut compressor, data, &mut out, TDEFLFlush::Finish);
    if status != TDEFLStatus::Done || used != data.len() {
        return None;
    }
    out.truncate(written);
    Some(out)
}

/// Inflates `stream` (made by [`deflate`] with the same `dict`), refusing to
/// produce more than `limit` bytes of payload.
pub fn inflate(dict: &[u8], stream: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut input = stored_blocks(dict);
    input.extend_from_slice(stream);
    let cap = limit.saturating_add(dict.len());
    match decompress_to_vec_with_limit(&input, cap) {
        Ok(mut out) => {
            if out.len() < dict.len() {
                return Err(InflateError::Invalid);
            }
            out.drain(..dict.len());
            Ok(out)
        }
        Err(e) => Err(match e.status {
            TINFLStatus::HasMoreOutput => InflateError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                InflateError::Truncated
            }
            _ => InflateError::Invalid,
        }),
    }
}

/// `dict` as non-final stored deflate blocks (at most 65 535 bytes each).
fn stored_blocks(dict: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(dict.len() + 16);
    for chunk in dict.chunks(0xffff) {
        let len = chunk.len() as u16;
        out.push(0x00); // BFINAL = 0, BTYPE = 00 (stored), padding to the byte.
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &[u8] = b"/bin/sh -c #(nop)  CMD [\"node\"] buildkit.dockerfile.v0 3 days ago";

    #[test]
    fn round_trips_with_and_without_a_dictionary() {
        let data = b"/bin/sh -c #(nop)  CMD [\"node\" \"index.js\"] 3 days ago 3 days ago";
        for dict in [DICT, b"".as_slice()] {
            let packed = deflate(dict, data);
            assert_eq!(inflate(dict, &packed, 1000).as_deref(), Ok(data.as_slice()));
        }
    }

    #[test]
    fn the_dictionary_makes_the_stream_shorter() {
        let data = b"/bin/sh -c #(nop)  CMD [\"node\"] buildkit.dockerfile.v0";
        let with = deflate(DICT, data).len();
        let without = deflate(b"", data).len();
        assert!(
            with < without,
            "with dictionary {with} bytes, without {without}"
        );
    }

    #[test]
    fn a_cut_stream_is_reported_as_truncated() {
        let data: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 251) as u8).collect();
        let packed = deflate(DICT, &data);
        let cut = packed.get(..packed.len() / 2).unwrap_or_default();
        assert_eq!(inflate(DICT, cut, 1 << 20), Err(InflateError::Truncated));
    }

    #[test]
    fn output_over_the_limit_is_refused() {
        let data = vec![b'a'; 100_000];
        let packed = deflate(DICT, &data);
        assert_eq!(inflate(DICT, &packed, 50_000), Err(InflateError::TooLarge));
        assert_eq!(
            inflate(DICT, &packed, 100_000).map(|v| v.len()),
            Ok(100_000)
        );
    }
}
