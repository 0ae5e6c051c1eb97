//! The binary form of what the page's workers answer: the parse worker's
//! [`Parsed`](crate::model::Parsed), the second module's insights
//! (`InsightsView`) and packed links (`PackedLinks`).
//!
//! Why not JSON: the page links the reading code of every type it receives,
//! once per format. serde_json's readers of those types (field names
//! matched as text, maps and sequences, escapes, numbers) were about 34 KiB
//! of the first-load wasm; postcard, which is not self-describing (fields
//! in order, integers as varints), needs a fraction of that. Its bytes are
//! also smaller and quicker to read than JSON for a big paste's parse.
//!
//! Both ends are built from this crate at once (the page and its workers
//! ship together), so the types are the schema. A type that travels here
//! must not skip fields when it is written (`skip_serializing_if`): the
//! reader would take the next field's bytes for it.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as bytes for the page.
pub fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    // Writing to a Vec fails only for types serde cannot write (none here).
    postcard::to_allocvec(value).unwrap_or_default()
}

/// What [`to_bytes`] wrote, read back; Err says in one sentence why not.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes)
        .map_err(|e| format!("the answer could not be read ({e}); reload the page"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn a_parse_round_trips_with_its_dropped_layers() {
        let text = "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n\
                    <missing>      2 days ago    RUN /bin/sh -c npm ci # buildkit                57.7MB    buildkit.dockerfile.v0\n";
        let mut parsed = parse(text);
        assert_eq!(parsed.histories.len(), 1);
        parsed.histories[0].dropped_layers = 7;
        let back: crate::model::Parsed = from_bytes(&to_bytes(&parsed)).unwrap();
        assert_eq!(back, parsed);
    }

    #[test]
    fn bytes_of_another_type_say_so_in_one_sentence() {
        let err = from_bytes::<crate::model::Parsed>(&[0xff, 0xff, 0xff]).unwrap_err();
        assert!(err.starts_with("the answer could not be read ("), "{err}");
        assert!(!err.contains('\n'));
    }
}
