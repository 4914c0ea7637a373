//! Inputs: paths streamed from the command line and `--files-from`, files
//! read and decoded, JSON Lines items parsed.
//!
//! Nothing here collects the whole batch: [`Inputs`] walks directories and
//! reads path lists lazily, and [`Jobs`] reads JSON Lines inputs one line
//! at a time, so memory does not grow with the number of articles.

use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input: an article, or a JSON Lines stream of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name used in records (`file`) and in error lines.
    pub fn display_name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            // what `p.display()` shows (invalid UTF-8 as U+FFFD), without a formatter
            Input::File(p) => Some(p.to_string_lossy().into_owned()),
        }
    }
}

/// The name in messages on stderr: control characters (a newline or a NUL
/// in a file name) are escaped, so that one error stays one line and the
/// terminal shows what the name holds; bytes that are not UTF-8 show as
/// U+FFFD.
impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::File(p) => {
                for c in p.to_string_lossy().chars() {
                    if c.is_control() {
                        write!(f, "{}", c.escape_default())?;
                    } else {
                        write!(f, "{c}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// Why an input (or one JSON Lines item) yields no record.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    #[error("broken symbolic link")]
    BrokenLink,
    #[error("cannot walk directory: {0}")]
    Walk(String),
    #[error("binary file (NUL byte at offset {0}), skipped")]
    Binary(usize),
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("not valid UTF-8 (first bad byte at offset {offset}) and not in an Arabic encoding (it looks like {guess})")]
    NotArabicEncoding { offset: usize, guess: &'static str },
    #[error("not valid UTF-8 (first bad byte at offset {offset}), and not Arabic text when read as {encoding}")]
    NotArabicText { offset: usize, encoding: &'static str },
    #[error("not valid {0} after its byte-order mark")]
    BadUtf16(&'static str),
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("no \"text\" string in the object")]
    NoText,
    #[error("bad \"date\" {0}: expected \"YYYY-MM-DD\"")]
    BadDate(String),
    #[error("the analyzer panicked on this input (a bug; please report it)")]
    Panic,
    #[error("`-` in a list read from standard input: standard input is the list, it cannot also be an article")]
    StdinInStdinList,
    #[error("standard input was already read as an article; `-` can be read only once")]
    StdinTwice,
    #[error("larger than --max-bytes ({0} bytes); raise the limit with --max-bytes to analyze it")]
    TooLarge(u64),
    #[error("this is the --errors file")]
    IsErrorsFile,
    #[error("not valid {0} after its byte-order mark")]
    BadUtf32(&'static str),
}

/// The paths to analyze, streamed: the command line's paths first, then
/// the lines of the `--files-from` list. `-` on the command line is
/// standard input; a directory is walked recursively in sorted order for
/// files ending in `.{extension}`; anything else is taken as a file.
/// Problems come out in place, in order, so no input is silently dropped.
pub struct Inputs {
    args: std::vec::IntoIter<PathBuf>,
    list: Option<PathList>,
    /// The directory being walked, and whether it has given a file yet.
    walk: Option<(Walk, PathBuf, bool)>,
    extensions: Extensions,
    /// Standard input has been handed out as an article.
    stdin_taken: bool,
    /// The `--errors` file: never read as an input.
    errors_file: Option<PathBuf>,
    /// Directories that held no file to take, noted as they are done.
    pub empty_dirs: Vec<PathBuf>,
    /// Walk hidden entries (`.git`) too.
    hidden: bool,
}

/// A directory walk, hidden entries filtered or not.
type Walk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;

/// The extensions of the files taken when walking a directory, without
/// their dot, compared without regard to ASCII case; none takes every file.
#[derive(Debug, Clone, Default)]
pub struct Extensions(Vec<String>);

impl Extensions {
    /// From `--extension` values: `.txt` and `txt` are the same, and an
    /// empty value takes every file.
    pub fn new(values: &[String]) -> Extensions {
        let list: Vec<String> = values.iter().map(|v| v.trim_start_matches('.').to_string()).collect();
        if list.iter().any(String::is_empty) {
            return Extensions(Vec::new());
        }
        Extensions(list)
    }

    /// Whether a walk takes `path`.
    pub fn matches(&self, path: &Path) -> bool {
        self.0.is_empty() || path.extension().is_some_and(|e| self.0.iter().any(|x| e.eq_ignore_ascii_case(x.as_str())))
    }

    /// How a note names them: `.txt`, `.txt or .md`, `any`.
    pub fn describe(&self) -> String {
        if self.0.is_empty() {
            return "any".to_string();
        }
        self.0.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(" or ")
    }
}

/// A `--files-from` list: one path per line, or per NUL-ended record with
/// `--null` (as `find -print0` writes them).
pub struct PathList {
    /// The list's own name, for the error line if reading it fails.
    pub input: Input,
    pub reader: Box<dyn BufRead + Send>,
    /// The byte that ends an entry: `\n`, or NUL with `--null`.
    terminator: u8,
}

impl PathList {
    /// Opens a list; `-` is standard input.
    pub fn open(path: &Path, null_separated: bool) -> io::Result<PathList> {
        let terminator = if null_separated { 0 } else { b'\n' };
        if path.as_os_str() == "-" {
            return Ok(PathList { input: Input::Stdin, reader: Box::new(BufReader::new(io::stdin())), terminator });
        }
        let file = File::open(path)?;
        Ok(PathList { input: Input::File(path.to_path_buf()), reader: Box::new(BufReader::new(file)), terminator })
    }

    /// The next non-empty entry as a path. Only the entry's end is removed
    /// (`\n` or `\r\n`, or the NUL): any other byte is part of the name.
    fn next_path(&mut self) -> Option<io::Result<PathBuf>> {
        let mut line = Vec::new();
        loop {
            line.clear();
            match self.reader.read_until(self.terminator, &mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            if line.last() == Some(&self.terminator) {
                line.pop();
                if self.terminator == b'\n' && line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            if !line.is_empty() {
                return Some(Ok(path_from_bytes(&line)));
            }
        }
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    // Unix paths are bytes: keep non-UTF-8 names intact.
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

impl Inputs {
    /// No paths and no list mean standard input. `errors_file`: the
    /// `--errors` file, which is never taken as an input.
    pub fn new(paths: Vec<PathBuf>, list: Option<PathList>, extensions: Extensions, errors_file: Option<PathBuf>, hidden: bool) -> Inputs {
        let paths = if paths.is_empty() && list.is_none() { vec![PathBuf::from("-")] } else { paths };
        Inputs { args: paths.into_iter(), list, walk: None, extensions, stdin_taken: false, errors_file, empty_dirs: Vec::new(), hidden }
    }

    /// The next path, and whether it comes from a list read from standard
    /// input.
    fn next_root(&mut self) -> Option<Result<(PathBuf, bool), (Input, InputError)>> {
        if let Some(p) = self.args.next() {
            return Some(Ok((p, false)));
        }
        let list = self.list.as_mut()?;
        let from_stdin = list.input == Input::Stdin;
        match list.next_path() {
            Some(Ok(p)) => Some(Ok((p, from_stdin))),
            Some(Err(e)) => {
                // a list that cannot be read any further ends here
                let input = list.input.clone();
                self.list = None;
                Some(Err((input, InputError::Io(e))))
            }
            None => {
                self.list = None;
                None
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = (Input, Option<InputError>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((walk, root, found)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(e)) => {
                        if e.file_type().is_file() && self.extensions.matches(e.path()) {
                            *found = true;
                            return Some(self.file(e.into_path()));
                        }
                    }
                    Some(Err(err)) => {
                        if let Some(item) = walk_error(err, &self.extensions) {
                            *found = true;
                            return Some(item);
                        }
                    }
                    None => {
                        if !*found {
                            self.empty_dirs.push(std::mem::take(root));
                        }
                        self.walk = None;
                    }
                }
                continue;
            }
            let (path, from_stdin_list) = match self.next_root()? {
                Ok(p) => p,
                Err((input, err)) => return Some((input, Some(err))),
            };
            if path.as_os_str() == "-" {
                return Some(self.stdin(from_stdin_list));
            }
            if path.is_dir() {
                let hidden = self.hidden;
                // a hidden entry below the root (`.git`, `.cache`) is skipped
                // unless --hidden; the root itself is walked as named
                let walk = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name().into_iter();
                let walk: Walk = Box::new(walk.filter_entry(move |e| hidden || e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')));
                self.walk = Some((walk, path, false));
                continue;
            }
            return Some(self.file(path));
        }
    }
}

impl Inputs {
    /// Standard input as an article: once, and never while it is the list.
    fn stdin(&mut self, from_stdin_list: bool) -> (Input, Option<InputError>) {
        if from_stdin_list {
            return (Input::File(PathBuf::from("-")), Some(InputError::StdinInStdinList));
        }
        if self.stdin_taken {
            return (Input::Stdin, Some(InputError::StdinTwice));
        }
        self.stdin_taken = true;
        (Input::Stdin, None)
    }

    /// A file to read, unless it is the `--errors` file.
    fn file(&self, path: PathBuf) -> (Input, Option<InputError>) {
        let is_errors_file = self.errors_file.as_ref().is_some_and(|e| same_file(e, &path));
        (Input::File(path), is_errors_file.then_some(InputError::IsErrorsFile))
    }
}

/// Whether two paths name one file (both must exist).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A walk error as an input that failed, or `None` for a broken link whose
/// name the extension filter would have skipped anyway.
/// A walk error as an input that failed, or `None` for an entry whose name
/// the extension filter would have skipped anyway (a broken link, a link
/// loop): only what the walk would take is reported.
fn walk_error(err: walkdir::Error, extensions: &Extensions) -> Option<(Input, Option<InputError>)> {
    let path = err.path().map(Path::to_path_buf).unwrap_or_default();
    let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let missing = err.io_error().is_some_and(|e| e.kind() == io::ErrorKind::NotFound);
    if link && missing {
        return extensions.matches(&path).then_some((Input::File(path), Some(InputError::BrokenLink)));
    }
    if err.loop_ancestor().is_some() && !extensions.matches(&path) {
        return None;
    }
    let msg = err.io_error().map(|e| e.to_string()).unwrap_or_else(|| err.to_string());
    Some((Input::File(path), Some(InputError::Walk(msg))))
}

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
            if file.metadata().is_ok_and(|m| m.is_file() && m.len() > limit) {
                return Err(InputError::TooLarge(limit));
            }
            file.take(limit.saturating_add(1)).read_to_end(&mut buf).map_err(|e| read_error(p, e))?;
        }
    }
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    Ok(buf)
}

/// A read error, or a clearer one for a symbolic link to nothing.
fn read_error(path: &Path, e: io::Error) -> InputError {
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

/// How the inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each input is one article.
    Text,
    /// Each input holds one `{"id": …, "text": …, "date": …}` object per line.
    Jsonl,
}

/// One unit of work, produced in input order on the main thread.
pub enum Job {
    /// An article: read and decoded by the worker.
    Text(Input),
    /// One line of a JSON Lines input (1-based `line`).
    Line { input: Input, line: u64, bytes: Vec<u8> },
    /// An input that failed before it could be read.
    Failed { input: Input, line: Option<u64>, error: InputError },
}

/// The jobs of a run: one per text input, or one per line of each JSON
/// Lines input, read lazily.
pub struct Jobs {
    pub inputs: Inputs,
    format: InputFormat,
    /// `--max-bytes`: the longest JSON Lines line taken (0: no limit).
    max_bytes: u64,
    /// The JSON Lines input being read, with the number of its last line.
    current: Option<(Input, Box<dyn BufRead + Send>, u64)>,
}

impl Jobs {
    pub fn new(inputs: Inputs, format: InputFormat, max_bytes: u64) -> Jobs {
        Jobs { inputs, format, max_bytes, current: None }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((input, reader, line)) = &mut self.current {
                let mut bytes = Vec::new();
                match read_line(reader.as_mut(), &mut bytes, self.max_bytes) {
                    Ok(LineRead::End) => self.current = None,
                    Ok(LineRead::TooLong) => {
                        *line += 1;
                        return Some(Job::Failed { input: input.clone(), line: Some(*line), error: InputError::TooLarge(self.max_bytes) });
                    }
                    Ok(LineRead::Line) => {
                        *line += 1;
                        if *line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                            bytes.drain(..3);
                        }
                        // blank lines (a trailing one, say) are not items
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        return Some(Job::Line { input: input.clone(), line: *line, bytes });
                    }
                    Err(e) => {
                        let job = Job::Failed { input: input.clone(), line: Some(*line + 1), error: InputError::Io(e) };
                        self.current = None;
                        return Some(job);
                    }
                }
                continue;
            }
            let (input, early) = self.inputs.next()?;
            if let Some(error) = early {
                return Some(Job::Failed { input, line: None, error });
            }
            if self.format == InputFormat::Text {
                return Some(Job::Text(input));
            }
            let reader: Box<dyn BufRead + Send> = match &input {
                Input::Stdin => Box::new(BufReader::new(io::stdin())),
                Input::File(p) => match File::open(p) {
                    Ok(f) => Box::new(BufReader::new(f)),
                    Err(e) => {
                        let error = read_error(p, e);
                        return Some(Job::Failed { input, line: None, error });
                    }
                },
            };
            self.current = Some((input, reader, 0));
        }
    }
}

/// What [`read_line`] found.
enum LineRead {
    Line,
    /// A line longer than the limit: skipped to its end.
    TooLong,
    End,
}

/// Reads one line into `out`, line end included, keeping at most
/// `max_bytes` (0: no limit) in memory: the rest of a longer line is read
/// and dropped.
fn read_line(reader: &mut dyn BufRead, out: &mut Vec<u8>, max_bytes: u64) -> io::Result<LineRead> {
    let limit = if max_bytes == 0 { usize::MAX } else { usize::try_from(max_bytes).unwrap_or(usize::MAX) };
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (&buf[..=at], true),
            None => (buf, false),
        };
        if !too_long && out.len().saturating_add(chunk.len()) > limit {
            too_long = true;
            out.clear();
        }
        if !too_long {
            out.extend_from_slice(chunk);
        }
        let n = chunk.len();
        reader.consume(n);
        if done {
            break;
        }
    }
    Ok(if !any {
        LineRead::End
    } else if too_long {
        LineRead::TooLong
    } else {
        LineRead::Line
    })
}

/// One parsed JSON Lines item.
#[derive(Debug, PartialEq)]
pub struct Item {
    pub id: Option<Value>,
    pub text: String,
    /// The item's own reference date, when it has one.
    pub date: Option<chrono::NaiveDate>,
}

/// Parses one JSON Lines item. On failure the `id`, if one could be read,
/// comes back with the error so that the error line can carry it.
pub fn parse_item(bytes: &[u8]) -> Result<Item, (Option<Value>, InputError)> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| (None, InputError::NotJson(e.to_string())))?;
    let Value::Object(mut obj) = value else {
        return Err((None, InputError::NotJson("expected an object".to_string())));
    };
    let id = obj.remove("id").filter(|v| !v.is_null());
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        _ => return Err((id, InputError::NoText)),
    };
    let date = match obj.remove("date") {
        None | Some(Value::Null) => None,
        // scraped data often has an empty date: no date
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match parse_date_or_datetime(&s) {
            Some(d) => Some(d),
            None => return Err((id, InputError::BadDate(format!("{s:?}")))),
        },
        Some(other) => return Err((id, InputError::BadDate(other.to_string()))),
    };
    Ok(Item { id, text, date })
}

/// `YYYY-MM-DD`, or the date part of an ISO 8601 date-time
/// (`2017-06-19T10:30:00Z`), which news data sets often carry; a year
/// outside 0001–9999 is no date a news article has.
pub fn parse_date_or_datetime(s: &str) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let day = match s.as_bytes().get(10) {
        None => s,
        Some(b'T' | b' ') => s.get(..10)?,
        Some(_) => return None,
    };
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().filter(|d| (1..=9999).contains(&d.year()))
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

    #[test]
    fn items_carry_id_text_and_date() {
        let item = parse_item(r#"{"id": 7, "text": "نص", "date": "2017-06-19T08:00:00Z", "extra": true}"#.as_bytes()).unwrap();
        assert_eq!(item.id, Some(Value::from(7)));
        assert_eq!(item.text, "نص");
        assert_eq!(item.date, chrono::NaiveDate::from_ymd_opt(2017, 6, 19));
        assert_eq!(parse_item(br#"{"text": ""}"#).unwrap().id, None);
        assert!(matches!(parse_item(br#"{"id": "a"}"#), Err((Some(Value::String(_)), InputError::NoText))));
        assert!(matches!(parse_item(br#"{"text": 3}"#), Err((None, InputError::NoText))));
        assert!(matches!(parse_item(br#"{"text": "x", "date": "19/06/2017"}"#), Err((None, InputError::BadDate(_)))));
        assert!(matches!(parse_item(b"[1]"), Err((None, InputError::NotJson(_)))));
        assert!(matches!(parse_item(b"{\"text\": "), Err((None, InputError::NotJson(_)))));
    }

    #[test]
    fn no_path_means_stdin_and_lists_skip_blank_lines() {
        let txt = || Extensions::new(&["txt".to_string()]);
        let v: Vec<_> = Inputs::new(Vec::new(), None, txt(), None, false).collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Input::Stdin);
        let list = PathList { input: Input::Stdin, reader: Box::new(&b"a.txt\r\n\nb c.txt\n"[..]), terminator: b'\n' };
        let v: Vec<_> = Inputs::new(Vec::new(), Some(list), txt(), None, false).map(|(i, _)| i).collect();
        assert_eq!(v, [Input::File("a.txt".into()), Input::File("b c.txt".into())]);
    }
}
