//! The templates and style sheets shipped with wengao, embedded at build time so
//! that the browser app and the CLI have them without any file access.

use crate::compile::Resolver;
use crate::source::SourceFile;

/// A file under `templates/`.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    /// File name under `templates/`.
    pub file_name: &'static str,
    pub source: &'static str,
}

impl BuiltinFile {
    pub fn source_file(&self) -> SourceFile {
        SourceFile::new(format!("templates/{}", self.file_name), self.source)
    }

    /// The name templates use to import it: the file name without `.wg`.
    pub fn name(&self) -> &'static str {
        self.file_name.strip_suffix(".wg").unwrap_or(self.file_name)
    }
}

macro_rules! builtin {
    ($name:literal) => {
        BuiltinFile { file_name: $name, source: include_str!(concat!("../../templates/", $name)) }
    };
}

/// Every report type the project ships, in the order the start screen lists
/// them. The last two were written with the studio and the guide alone.
pub const TEMPLATES: &[BuiltinFile] = &[
    builtin!("述职报告.wg"),
    builtin!("创新案例.wg"),
    builtin!("整改清单.wg"),
    builtin!("主体责任落实情况报告.wg"),
    builtin!("发展党员工作台账.wg"),
];

pub const STYLE_SHEETS: &[BuiltinFile] = &[builtin!("附件1格式.wg")];

/// Resolves style-sheet names to the built-in style sheets.
#[derive(Debug, Default, Clone, Copy)]
pub struct BuiltinStyles;

impl Resolver for BuiltinStyles {
    fn load(&self, name: &str) -> Result<Option<SourceFile>, String> {
        Ok(STYLE_SHEETS.iter().find(|s| s.name() == name).map(BuiltinFile::source_file))
    }

    fn names(&self) -> Vec<String> {
        STYLE_SHEETS.iter().map(|s| s.name().to_string()).collect()
    }
}
