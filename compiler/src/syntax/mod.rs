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

mod lexer;
mod parser;

pub use parser::parse;

use crate::source::{SourceText, Span};

/// The words that open a block. Everything else before a colon is a property key.
pub const BLOCK_KEYWORDS: &[&str] = &["字段", "一级", "二级", "三级", "文本", "图片", "表格", "列", "当", "样式", "角色", "测评指标"];

/// Block keywords that are also property keys: `样式：附件1格式` imports a style
/// sheet, `样式 附件1格式` imports it with overrides below.
pub const KEYWORDS_ALSO_KEYS: &[&str] = &["样式"];

#[derive(Debug, Clone)]
pub struct Prop {
    pub key: SourceText,
    pub value: SourceText,
    /// The whole first line of the property.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub keyword: SourceText,
    /// What follows the keyword on the header line (a name, or a condition for `当`).
    pub head: Option<SourceText>,
    pub items: Vec<Item>,
    /// The header line.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Item {
    Prop(Prop),
    Block(Block),
}

#[derive(Debug, Clone, Default)]
pub struct Ast {
    pub items: Vec<Item>,
}
