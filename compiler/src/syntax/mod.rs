//! The template language's syntax: lines → a tree of blocks and properties.
//!
//! The language is line-based so that an office worker can edit it in Notepad:
//!
//! * `键：值` is a property (a full-width or a half-width colon);
//! * `关键字 名称` opens a block; the lines indented below it belong to it;
//! * a property with nothing after its colon takes the indented lines below it as a
//!   multi-line value (prompts and examples);
//! * a line whose first visible character is `#` is a comment.
//!
//! The lexer splits lines and measures indentation; the parser builds the tree and
//! recovers after every bad line so that one pass reports all errors of a file.

pub mod language;
mod lexer;
mod parser;

pub use language::Keyword;
pub use parser::parse;

use crate::source::{SourceText, Span};

#[derive(Debug, Clone)]
pub struct Prop {
    pub key: SourceText,
    pub value: SourceText,
    /// The whole first line of the property.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Block {
    /// Which keyword it is; `keyword` is the word as written, with its place.
    pub kind: Keyword,
    pub keyword: SourceText,
    /// What follows the keyword on the header line (a name, or a condition for `当`).
    pub head: Option<SourceText>,
    pub items: Vec<Entry>,
    /// The header line.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Entry {
    Prop(Prop),
    Block(Block),
}

#[derive(Debug, Clone, Default)]
pub struct Ast {
    pub items: Vec<Entry>,
}
