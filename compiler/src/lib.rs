//! wengao (文稿): report templates compiled into guided forms, 字数 counted as
//! Word counts it, pages laid out, and compliant .docx files rendered — the same
//! code natively (the `wengao` CLI) and in wasm32 (the browser app).
//!
//! The stages, in the order the data flows (a module imports only those before
//! it): [`source`], [`diag`] and [`xml`] (files, spans, messages; XML text);
//! [`syntax`] (lines → tree with spans); [`spec`] (the form spec) and
//! [`geometry`] (units, the type area, indents, columns, pictures, each engine's
//! spacing); [`values`] (what office workers write: sizes, budgets, dates);
//! [`compile`] (tree → checked [`spec::FormSpec`] or [`diag::Diagnostic`]s);
//! [`picture`] and [`draft`] (pictures checked; a filled form); [`count`] (字数);
//! [`document`] (spec + draft → paragraphs, numbered and filled); [`edit`] (the form's operations,
//! [`edit::fit`]); [`layout`] (the page model); [`docx`] (document → .docx
//! bytes); [`import`] (.docx → draft); [`review`] and [`proof`] (checks and
//! hints); [`audit`] (a received .docx checked against its template, formatting
//! read from the file; the desk's workbook); [`booklet`], [`extract`], [`ballot`] and
//! [`tally`] (the meeting's papers: 汇编, 摘要, 测评表 and its 汇总); [`example`] (example drafts);
//! [`publish`] (templates published on an intranet page, with their list).

pub mod audit;
pub mod ballot;
pub mod booklet;
pub mod builtin;
pub mod compile;
pub mod count;
pub mod diag;
pub mod document;
pub mod docx;
pub mod draft;
pub mod edit;
pub mod example;
pub mod extract;
pub mod fonts;
pub mod geometry;
pub mod identity;
pub mod import;
pub mod layout;
pub mod model;
pub mod picture;
pub mod proof;
pub mod publish;
pub mod review;
pub mod slides;
pub mod source;
pub mod spec;
pub mod syntax;
pub mod tally;
pub mod values;
pub mod xml;

pub use compile::{compile, Compiled, Resolver};
pub use source::SourceFile;
