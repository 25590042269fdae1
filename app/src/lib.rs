//! The browser app, built as two programs over one library (README, “文件”):
//! `wengao-start` is the start screen alone, small enough to load first; it hands
//! every action that needs the template compiler, the form or the renderer to
//! `wengao-app`, the whole app, fetched while the start screen is idle. Both
//! show the same start screen (start.rs); counting, limits and the .docx
//! renderer are the core crate's.

pub mod action;
pub mod crash;
mod files;
mod form;
mod idb;
mod library;
mod perform;
mod record;
mod session;
pub mod start;
mod storage;
mod studio;
mod tabs;
pub mod view;
