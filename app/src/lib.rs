//! The browser app, built as two programs over one library (README, “文件”):
//! `wengao-start` is the start screen alone, small enough to load first; it hands
//! every action that needs the template compiler, the form or the renderer to
//! `wengao-app`, the whole app, fetched while the start screen is idle. Both
//! show the same start screen (start.rs); counting, limits and the .docx
//! renderer are the core crate's.

pub mod action;
pub mod crash;
mod derived;
mod export;
mod files;
mod form;
pub mod handoff;
mod idb;
mod inputs;
mod library;
mod occurrence;
mod outline;
mod perform;
mod pictures_view;
mod preview;
mod proof_view;
mod record;
mod session;
pub mod start;
mod storage;
mod studio;
mod summary;
mod table_view;
mod tabs;
mod templates_view;
mod unplaced;
pub mod view;
mod word_import;
