//! Byte-level building blocks of the binary payload: LEB128 varints and
//! length-prefixed UTF-8 strings, with a [`Reader`] that never reads past the
//! end and never allocates more than the input can justify.
//!
//! Part of the version 1 format: changing how these encode changes what old
//! links mean, so they must stay as they are.

/// Longest string a link may hold (one pasted text), in bytes.
pub const MAX_STRING: usize = 1 << 21;

/// Appends values to a payload.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// One raw byte.
    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// An unsigned integer as LEB128 (7 bits a byte, low bits first).
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A length-prefixed byte string.
    pub fn raw(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.bytes.extend_from_slice(b);
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.raw(s.as_bytes());
    }
}

/// Why a payload could not be read. Mapped to `ShareError::Damaged` by the codec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Reads values back, refusing anything that runs past the end.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Starts at the beginning of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    /// How many bytes are left.
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// One raw byte.
    pub fn byte(&mut self) -> Result<u8, Malformed> {
        let (&b, rest) = self.rest.split_first().ok_or(Malformed)?;
        self.rest = rest;
        Ok(b)
    }

    /// A LEB128 varint of at most 10 bytes that fits in a u64.
    pub fn varint(&mut self) -> Result<u64, Malformed> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err(Malformed);
            }
            value |= part << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Malformed)
    }

    /// A varint that must be at most `max` (counts, indexes).
    pub fn count(&mut self, max: usize) -> Result<usize, Malformed> {
        let v = self.varint()?;
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= max)
            .ok_or(Malformed)
    }

    /// A length-prefixed byte string (no longer than what is left).
    pub fn raw(&mut self) -> Result<&'a [u8], Malformed> {
        let len = self.count(MAX_STRING.min(self.rest.len()))?;
        let (head, rest) = self.rest.split_at_checked(len).ok_or(Malformed)?;
        self.rest = rest;
        Ok(head)
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<String, Malformed> {
        let b = self.raw()?;
        String::from_utf8(b.to_vec()).map_err(|_| Malformed)
    }

    /// Succeeds only when everything was read.
    pub fn finish(self) -> Result<(), Malformed> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Malformed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_the_edges() {
        for v in [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut w = Writer::default();
            w.varint(v);
            let mut r = Reader::new(&w.bytes);
            assert_eq!(r.varint(), Ok(v), "value {v}");
            assert_eq!(r.finish(), Ok(()));
        }
    }

    #[test]
    fn overlong_and_overflowing_varints_are_refused() {
        assert_eq!(Reader::new(&[0xff; 11]).varint(), Err(Malformed));
        let mut too_big = vec![0xff; 9];
        too_big.push(0x02);
        assert_eq!(Reader::new(&too_big).varint(), Err(Malformed));
        assert_eq!(Reader::new(&[0x80]).varint(), Err(Malformed));
    }

    #[test]
    fn a_string_longer_than_the_rest_is_refused() {
        assert_eq!(Reader::new(&[5, b'a', b'b']).str(), Err(Malformed));
        assert_eq!(Reader::new(&[2, 0xff, 0xfe]).str(), Err(Malformed));
        assert_eq!(Reader::new(&[2, b'o', b'k']).str(), Ok("ok".to_string()));
    }
}
