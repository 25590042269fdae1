//! What the start screen shares with the program around it: its messages, and
//! what that program does for it.

use leptos::prelude::*;

use crate::action::Action;

/// The start screen's messages, kept by the program around it so that an action
/// that fails can say why there.
#[derive(Clone, Copy)]
pub struct StartState {
    /// About drafts and templates.
    pub message: RwSignal<String>,
    /// A template file's diagnostics.
    pub diagnostics: RwSignal<String>,
    /// About importing last year's report.
    pub import_message: RwSignal<String>,
    /// Bumped when the template library changes.
    pub library_changed: RwSignal<u32>,
}

impl StartState {
    pub fn new() -> StartState {
        StartState {
            message: RwSignal::new(String::new()),
            diagnostics: RwSignal::new(String::new()),
            import_message: RwSignal::new(String::new()),
            library_changed: RwSignal::new(0),
        }
    }
}

impl Default for StartState {
    fn default() -> Self {
        Self::new()
    }
}

/// What the program around the start screen does for it.
#[derive(Clone, Copy)]
pub struct Host {
    /// Carries out an action (or hands it on).
    pub act: Callback<Action>,
    /// How many errors a library template has: compiled where this program
    /// can, else as stored; None when not known.
    pub errors: Callback<String, Option<usize>>,
    /// What the full app adds to the file pickers (the folder of published
    /// templates, opened from disk: start/published_view.rs); none in the
    /// start-screen program, whose size is budgeted.
    pub more_pickers: Option<Callback<(), AnyView>>,
}
