//! Reading an input and decoding its bytes: UTF-8 (checked once), a
//! byte-order mark's encoding, or a detected Arabic legacy encoding.

use super::input::{Input, InputError};
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// A decoded article: borrowed from the bytes read when they are UTF-8
/// (checked once, with simdutf8: several times faster on Arabic text than
/// the standard library's check), transcoded otherwise.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// `None` for plain UTF-8; otherwise what the record reports.
    pub encoding: Option<&'static str>,
    /// Set when the encoding is a guess made because the bytes were not
    /// UTF-8: the offset of the first bad byte. The caller must then check
    /// that the text reads as Arabic, and fail it otherwise.
    pub guessed_at: Option<usize>,
}

/// The first byte of `bytes` where UTF-8 breaks (they are known not to be
/// UTF-8): the standard library's error says where.
fn first_bad_byte(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).err().map_or(bytes.len(), |e| e.valid_up_to())
}

/// Reads a whole input, to be [`decode`]d: at most `max_bytes` (0: no
/// limit), so that `/dev/zero` or a runaway pipe is an error, not a
/// machine out of memory.
pub fn read(input: &Input, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let limit = if max_bytes == 0 { u64::MAX } else { max_bytes };
    let mut buf = Vec::new();
    match input {
        Input::Stdin => {
            io::stdin().lock().take(limit.saturating_add(1)).read_to_end(&mut buf)?;
        }
        Input::File(p) => {
            let file = File::open(p).map_err(|e| read_error(p, e))?;
            let size = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            if size.is_some_and(|len| len > limit) {
                return Err(InputError::TooLarge(limit));
            }
            // a regular file's size is known: one allocation, as fs::read makes
            // (one byte more, for the read that finds the end)
            buf.reserve(size.map_or(0, |len| len as usize + 1));
            file.take(limit.saturating_add(1)).read_to_end(&mut buf).map_err(|e| read_error(p, e))?;
        }
    }
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    Ok(buf)
}

/// A read error, or a clearer one for a symbolic link to nothing.
pub fn read_error(path: &Path, e: io::Error) -> InputError {
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if e.kind() == io::ErrorKind::NotFound && link {
        InputError::BrokenLink
    } else {
        InputError::Io(e)
    }
}

/// How much of a file the legacy-encoding detector looks at: plenty to
/// tell Arabic encodings apart, and it keeps huge files cheap.
const DETECT_PREFIX: usize = 1 << 20;

/// Decodes an article's bytes. Empty input is valid (an empty record).
/// A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) is trusted and stripped,
/// so spans count from after it. Bytes with NUL are binary. Otherwise UTF-8
/// is expected; bytes that are mostly not UTF-8 are run through chardetng,
/// and decoded when it finds an Arabic encoding (windows-1256, ISO-8859-6).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    // (UTF-32LE's mark begins with UTF-16LE's: it is tested first)
    if let Some(decoded) = decode_utf32(bytes) {
        return decoded;
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let bytes = &bytes[bom..];
        if encoding == encoding_rs::UTF_8 {
            return match simdutf8::basic::from_utf8(bytes) {
                Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), encoding: Some("UTF-8"), guessed_at: None }),
                Err(_) => Err(InputError::NotUtf8(bom + first_bad_byte(bytes))),
            };
        }
        // UTF-16: NUL bytes are expected here, so this comes before the binary check
        return match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => Ok(Decoded { text, encoding: Some(encoding.name()), guessed_at: None }),
            None => Err(InputError::BadUtf16(encoding.name())),
        };
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(InputError::Binary(at));
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded { text: Cow::Borrowed(text), encoding: None, guessed_at: None });
    }
    let bad_at = first_bad_byte(bytes);
    // Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file (say,
    // cut mid-character), not a legacy one: reading it as windows-1256 would
    // turn every Arabic letter into two wrong ones.
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if multibyte >= invalid {
        return Err(InputError::NotUtf8(bad_at));
    }
    let mut detector = chardetng::EncodingDetector::new();
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let guess = detector.guess(None, false);
    if guess != encoding_rs::WINDOWS_1256 && guess != encoding_rs::ISO_8859_6 {
        return Err(InputError::NotArabicEncoding { offset: bad_at, guess: guess.name() });
    }
    // ISO-8859-6 leaves bytes unmapped; windows-1256 maps them all
    let (text, encoding) = match guess.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => (text, guess),
        None => (encoding_rs::WINDOWS_1256.decode_without_bom_handling(bytes).0, encoding_rs::WINDOWS_1256),
    };
    Ok(Decoded { text, encoding: Some(encoding.name()), guessed_at: Some(bad_at) })
}

/// UTF-32 with a byte-order mark, decoded; `None` without one. (The
/// Encoding Standard, and so encoding_rs, has no UTF-32.)
fn decode_utf32(bytes: &[u8]) -> Option<Result<Decoded<'_>, InputError>> {
    let (name, little) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => ("UTF-32LE", true),
        [0, 0, 0xFE, 0xFF, ..] => ("UTF-32BE", false),
        _ => return None,
    };
    let body = &bytes[4..];
    if body.len() % 4 != 0 {
        return Some(Err(InputError::BadUtf32(name)));
    }
    let text: Option<String> = body
        .chunks_exact(4)
        .map(|c| {
            let quad = [c[0], c[1], c[2], c[3]];
            char::from_u32(if little { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) })
        })
        .collect();
    Some(match text {
        Some(text) => Ok(Decoded { text: Cow::Owned(text), encoding: Some(name), guessed_at: None }),
        None => Err(InputError::BadUtf32(name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arabic letters in windows-1256 (ISO-8859-6 encodes the same letters
    /// differently after ض).
    fn cp1256(s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(s);
        assert!(!unmappable);
        bytes.into_owned()
    }

    const SENTENCE: &str = "قال وزير الخارجية اليوم إن المحادثات مع الوفد الأردني ستستأنف في عمان الأسبوع المقبل.";

    #[test]
    fn utf8_passes_and_a_cut_utf8_file_reports_the_bad_byte() {
        assert_eq!(decode("سوريا".as_bytes()).unwrap().text, "سوريا");
        assert_eq!(decode(&[]).unwrap().text, "");
        let mut cut = SENTENCE.as_bytes().to_vec();
        cut.pop(); // "."
        cut.pop(); // the second byte of the last letter
        let at = cut.len() - 1;
        assert!(matches!(decode(&cut), Err(InputError::NotUtf8(n)) if n == at));
    }

    #[test]
    fn windows_1256_and_iso_8859_6_are_detected() {
        let bytes = cp1256(SENTENCE);
        let d = decode(&bytes).unwrap();
        assert_eq!((&*d.text, d.encoding), (SENTENCE, Some("windows-1256")));
        assert_eq!(d.guessed_at, Some(0));
        let (iso, _, unmappable) = encoding_rs::ISO_8859_6.encode(SENTENCE);
        assert!(!unmappable);
        let d = decode(&iso).unwrap();
        assert_eq!((&*d.text, d.encoding), (SENTENCE, Some("ISO-8859-6")));
    }

    #[test]
    fn latin1_is_not_taken_for_arabic() {
        let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Le ministre a déclaré que la réunion était terminée.");
        let err = decode(&latin1).unwrap_err();
        assert!(matches!(err, InputError::NotArabicEncoding { offset: 15, .. }), "{err}");
    }

    #[test]
    fn boms_are_stripped_and_nul_bytes_mean_binary() {
        let mut utf8 = b"\xEF\xBB\xBF".to_vec();
        utf8.extend_from_slice("سوريا".as_bytes());
        assert_eq!(decode(&utf8).unwrap(), Decoded { text: "سوريا".into(), encoding: Some("UTF-8"), guessed_at: None });
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "مصر 1".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "مصر 1");
        assert_eq!(decode(&be).unwrap().encoding, Some("UTF-16BE"));
        be.push(0xD8); // half a code unit
        assert!(matches!(decode(&be), Err(InputError::BadUtf16("UTF-16BE"))));
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(InputError::Binary(4))));
    }
}
