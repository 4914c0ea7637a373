//! Stage 2: extractors, one file each. They read a [`Doc`] and fill parts of
//! the record; none of them prints.

pub mod dates;
pub mod doc;
pub mod entities;
pub mod layout;
pub mod names;
pub mod numbers;
pub mod outlets;
pub mod quotes;
pub mod source;
pub mod words;

pub use doc::{Doc, TokenLex};
