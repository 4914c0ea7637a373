//! Inputs: paths expanded to files, files read and checked.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name used in records (`file`) and in error messages.
    pub fn display_name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File(p) => Some(p.display().to_string()),
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("<stdin>"),
            Input::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why an input yields no record.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("empty file")]
    Empty,
    #[error("cannot walk directory: {0}")]
    Walk(String),
}

/// Expands the command line's paths: `-` is standard input, a directory is
/// walked recursively in sorted order for files ending in `.{extension}`,
/// anything else is taken as a file. Problems are returned in place, in
/// order, so that no input is silently dropped.
pub fn expand(paths: &[PathBuf], extension: &str) -> Vec<(Input, Option<InputError>)> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push((Input::Stdin, None));
    }
    for p in paths {
        if p.as_os_str() == "-" {
            out.push((Input::Stdin, None));
        } else if p.is_dir() {
            walk(p, extension, &mut out);
        } else {
            out.push((Input::File(p.clone()), None));
        }
    }
    out
}

fn walk(dir: &Path, extension: &str, out: &mut Vec<(Input, Option<InputError>)>) {
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) => {
                if e.file_type().is_file() && has_extension(e.path(), extension) {
                    out.push((Input::File(e.into_path()), None));
                }
            }
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                let msg = err.io_error().map(|e| e.to_string()).unwrap_or_else(|| err.to_string());
                out.push((Input::File(path), Some(InputError::Walk(msg))));
            }
        }
    }
}

fn has_extension(path: &Path, extension: &str) -> bool {
    extension.is_empty() || path.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

/// Reads an input as UTF-8 text.
pub fn read(input: &Input) -> Result<String, InputError> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf)?;
            buf
        }
        Input::File(p) => std::fs::read(p)?,
    };
    decode(bytes)
}

/// Checks and decodes the bytes of an article.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8(e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_the_bad_byte() {
        let err = decode(vec![b'a', 0xff, b'b']).unwrap_err();
        assert!(matches!(err, InputError::NotUtf8(1)));
        assert!(matches!(decode(Vec::new()).unwrap_err(), InputError::Empty));
        assert_eq!(decode("سوريا".as_bytes().to_vec()).unwrap(), "سوريا");
    }

    #[test]
    fn no_path_means_stdin() {
        let v = expand(&[], "txt");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, Input::Stdin);
    }
}
