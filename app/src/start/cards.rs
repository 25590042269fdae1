//! The built-in templates as the start screen lists them: compiled by build.rs,
//! so that the start-screen program needs no template compiler.

include!(concat!(env!("OUT_DIR"), "/cards.rs"));

/// A built-in template as the start screen lists it (compiled by build.rs, so
/// that the start screen needs no template compiler).
pub struct Card {
    /// The template's name under templates/, as in `builtin:<name>`.
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}
