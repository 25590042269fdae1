//! wengao (文稿): report templates compiled into guided forms, 字数 counted as
//! Word counts it, pages laid out, and compliant .docx files rendered — the same
//! code natively (the `wengao` CLI) and in wasm32 (the browser app).
//!
//! Phases, one module each: [`syntax`] (lines → tree with spans), [`compile`]
//! (tree → checked [`spec::FormSpec`] or [`diag::Diagnostic`]s), [`count`] (字数),
//! [`document`] (spec + [`draft::Draft`] → paragraphs, numbered and filled),
//! [`docx`] (document → .docx bytes), [`layout`] (page capacity).

pub mod builtin;
pub mod compile;
pub mod count;
pub mod diag;
pub mod document;
pub mod docx;
pub mod draft;
pub mod edit;
pub mod example;
pub mod fonts;
pub mod identity;
pub mod import;
pub mod layout;
pub mod picture;
pub mod proof;
pub mod review;
pub mod source;
pub mod spec;
pub mod syntax;
pub mod values;
pub mod xml;

pub use compile::{compile, Compiled, Resolver};
pub use source::SourceFile;
