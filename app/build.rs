//! Compiles the built-in templates into the cards the start screen lists (title
//! and description), so that the start-screen program needs no template
//! compiler. A built-in template with errors fails the build, with its
//! diagnostics.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=../templates");
    let mut cards =
        String::from("/// The built-in templates, in the order of `wengao::builtin::TEMPLATES`.\npub const CARDS: &[Card] = &[\n");
    for t in wengao::builtin::TEMPLATES {
        let result = wengao::compile(&t.source_file(), &wengao::builtin::BuiltinStyles);
        let Some(spec) = result.spec else { panic!("{}", result.render_diagnostics()) };
        let description = spec.description.unwrap_or_default();
        writeln!(cards, "    Card {{ name: {:?}, title: {:?}, description: {:?} }},", t.name(), spec.name, description).unwrap();
    }
    cards.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("cards.rs");
    std::fs::write(out, cards).unwrap();
}
