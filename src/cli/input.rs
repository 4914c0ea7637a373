//! Inputs: paths streamed from the command line and `--files-from`, and
//! why an input gives no record. Reading and decoding an input is
//! `decode.rs`; JSON Lines items are `jobs.rs`.
//!
//! Nothing here collects the whole batch: [`Inputs`] walks directories and
//! reads path lists lazily, so memory does not grow with the number of
//! articles.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// One input: an article, or a JSON Lines stream of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// Whether the path is not valid UTF-8, so that [`Input::display_name`]
    /// shows it with U+FFFD.
    pub fn is_lossy(&self) -> bool {
        matches!(self, Input::File(p) if p.to_str().is_none())
    }

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
    #[error("a line longer than twice --max-bytes ({0} bytes) that does not end: the rest of this input is not read")]
    EndlessLine(u64),
    #[error("a list entry longer than {0} bytes: no path is that long; the rest of the list is not read")]
    ListEntryTooLong(usize),
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
    /// FIFOs, sockets and devices met while walking, skipped (reading one
    /// could block the batch forever), noted as they are done.
    pub special_files: Vec<PathBuf>,
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

/// The longest entry of a `--files-from` list: far above any path a file
/// system takes (Linux's PATH_MAX is 4,096 bytes).
const MAX_LIST_ENTRY: usize = 1 << 16;

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
    fn next_path(&mut self) -> Option<Result<PathBuf, InputError>> {
        let mut line = Vec::new();
        loop {
            line.clear();
            // an entry longer than any path ends the list (a list that is
            // `/dev/zero` must not fill the memory)
            match io::Read::take(&mut self.reader, MAX_LIST_ENTRY as u64 + 1).read_until(self.terminator, &mut line) {
                Ok(0) => return None,
                Ok(_) if line.len() > MAX_LIST_ENTRY => return Some(Err(InputError::ListEntryTooLong(MAX_LIST_ENTRY))),
                Ok(_) => {}
                Err(e) => return Some(Err(InputError::Io(e))),
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
        Inputs { args: paths.into_iter(), list, walk: None, extensions, stdin_taken: false, errors_file, empty_dirs: Vec::new(), special_files: Vec::new(), hidden }
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
                Some(Err((input, e)))
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
                        let kind = e.file_type();
                        if !self.extensions.matches(e.path()) || kind.is_dir() {
                            continue;
                        }
                        if kind.is_file() {
                            *found = true;
                            return Some(self.file(e.into_path()));
                        }
                        self.special_files.push(e.into_path());
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

    /// A file to read, unless it is the `--errors` file (compared by name
    /// first: only a file of the same name costs two look-ups).
    fn file(&self, path: PathBuf) -> (Input, Option<InputError>) {
        let is_errors_file = self.errors_file.as_ref().is_some_and(|e| e.file_name() == path.file_name() && same_file(e, &path));
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

#[cfg(test)]
mod tests {
    use super::*;

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
