//! The templates a draft may belong to, by key (`builtin:述职报告`, `local:…`,
//! `custom:…`): their sources, versions and compiled specs. The full app only:
//! it compiles (the start-screen program lists what build.rs and the library
//! stored).

use wengao::builtin::{BuiltinStyles, TEMPLATES};
use wengao::spec::FormSpec;

use crate::storage::library;

/// The version of the template a key names (a hash of its source), which a
/// draft remembers to tell when its template was edited.
pub fn template_version(key: &str) -> String {
    template_source(key).map(|s| library::version(&s)).unwrap_or_default()
}

/// The source of the template a key names.
pub fn template_source(key: &str) -> Option<String> {
    match library::builtin_name(key) {
        Some(name) => TEMPLATES.iter().find(|t| t.name() == name).map(|t| t.source.to_string()),
        None => library::source(key),
    }
}

/// How many errors a template's source has, compiled as `name.wg`.
pub fn error_count(name: &str, source: &str) -> usize {
    errors_of(&wengao::compile(&wengao::SourceFile::new(format!("{name}.wg"), source.to_string()), &BuiltinStyles))
}

/// How many errors a compiled template has.
pub fn errors_of(compiled: &wengao::Compiled) -> usize {
    compiled.diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Compiles the template a key names.
pub fn spec_for(key: &str) -> Result<FormSpec, String> {
    let file = match library::builtin_name(key) {
        Some(name) => TEMPLATES.iter().find(|t| t.name() == name).ok_or("这个内置模板已经没有了")?.source_file(),
        None => {
            let source = library::source(key).ok_or("这份草稿用的自定义模板已经不在浏览器里了，请重新载入模板文件")?;
            // Diagnostics name the file as the library does.
            let name = match library::local_template(key) {
                Some(t) => format!("{}.wg", t.name),
                None => crate::storage::published::file_of(key).map_or_else(|| "自定义模板.wg".to_string(), str::to_string),
            };
            wengao::SourceFile::new(name, source)
        }
    };
    let result = wengao::compile(&file, &BuiltinStyles);
    let diagnostics = result.render_diagnostics();
    result.spec.ok_or(diagnostics)
}

/// What changed in a published template since the version a draft was last
/// saved against, when this browser kept that version (storage/published.rs).
pub fn changes_since(key: &str, version: &str, now: &FormSpec) -> Option<String> {
    let old = crate::storage::published::source_at(key, version)?;
    let old = wengao::compile(&wengao::SourceFile::new("上一版.wg", old), &BuiltinStyles).spec?;
    let said = wengao::publish::changes(&old, now);
    (!said.is_empty()).then(|| format!("本单位的模板“{}”更新了：{}。", now.name, said.join("；")))
}
