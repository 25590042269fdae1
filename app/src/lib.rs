//! The browser app, built as programs over one library (docs/architecture.md):
//! `wengao-start` is the start screen alone, small enough to load first; it hands
//! every action that needs the template compiler, the form or the renderer to
//! `wengao-app`, the whole app, fetched once the start screen is shown. Both
//! show the same start screen (start/); counting, limits and the .docx
//! renderer are the core crate's. `wengao-desk` is the organizer's desk
//! (desk/), opened as `?desk`; it checks files in a Web Worker running
//! `wengao-audit`.
//!
//! The modules from the bottom up (each uses only those listed before it,
//! docs/architecture.md): crash, files, storage, templates, action, session, form,
//! start, studio, perform, view; embed (another page's form: docs/embedding.md)
//! uses storage, session and form; desk uses crash, files and storage.

pub mod action;
pub mod crash;
pub mod desk;
pub mod embed;
mod files;
mod form;
mod perform;
mod session;
pub mod start;
mod storage;
mod studio;
mod templates;
pub mod view;
