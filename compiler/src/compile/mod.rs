//! Checking: the syntax tree of a template (and of the style sheet it imports)
//! becomes a [`FormSpec`], or diagnostics — every one a file has, in one pass.

mod context;
mod style;
mod template;

use crate::diag::{Diagnostic, Kind, Sink};
use crate::source::{SourceFile, Span};
use crate::spec::FormSpec;
use crate::syntax::{self, Ast, Entry};
use context::Ctx;
use style::StyleBuilder;

/// Finds the style sheets that templates import by name.
pub trait Resolver {
    /// `Ok(None)` when there is no such style sheet; `Err` with a message in
    /// Chinese when there is one that cannot be read.
    fn load(&self, name: &str) -> Result<Option<SourceFile>, String>;
    /// Every name `load` knows, for the hint of an unknown style sheet.
    fn names(&self) -> Vec<String>;
}

/// The result of compiling one file.
#[derive(Debug)]
pub struct Compiled {
    /// Present when there is no error (warnings may remain).
    pub spec: Option<FormSpec>,
    pub diagnostics: Vec<Diagnostic>,
    /// The files the diagnostics point into (the template and its style sheet).
    pub files: Vec<SourceFile>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Every diagnostic with its place as an editor shows it, in file order:
    /// the studio's list and the embedded form's rejection (docs/embedding.md).
    pub fn located(&self) -> Vec<Located> {
        self.diagnostics
            .iter()
            .filter_map(|d| {
                let file = self.files.iter().find(|f| f.name == d.file)?;
                let (line, column) = file.line_col(d.span.start);
                Some(Located {
                    error: d.is_error(),
                    code: d.kind.code(),
                    file: d.file.clone(),
                    offset: d.span.start,
                    line,
                    column,
                    message: d.message.clone(),
                    hint: d.hint.clone(),
                    rendered: d.render(file),
                })
            })
            .collect()
    }

    /// All diagnostics rendered with their source lines, in file order.
    pub fn render_diagnostics(&self) -> String {
        self.diagnostics
            .iter()
            .filter_map(|d| self.files.iter().find(|f| f.name == d.file).map(|f| d.render(f)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A diagnostic and where it is: line and column from 1 (columns in characters).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Located {
    pub error: bool,
    /// E01…, explained in the template guide.
    pub code: &'static str,
    /// The file it is in (the template, or the style sheet it imports).
    pub file: String,
    /// Where it starts, in bytes of that file.
    #[serde(skip)]
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// As the CLI prints it, with the source line and a caret.
    pub rendered: String,
}

/// What kind of file a source is, from its first property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Template,
    StyleSheet,
}

fn first_key(ast: &Ast) -> Option<&str> {
    ast.items.iter().find_map(|i| match i {
        Entry::Prop(p) => Some(p.key.text.as_str()),
        Entry::Block(_) => None,
    })
}

pub fn file_kind(file: &SourceFile) -> FileKind {
    let ast = syntax::parse(file, &mut Sink::default());
    match first_key(&ast) {
        Some("样式表") => FileKind::StyleSheet,
        _ => FileKind::Template,
    }
}

/// The key of the line that names a template (`模板：党建工作述职报告`).
const NAME_KEY: &str = "模板";

/// The name a template's `模板：` line gives it, read without compiling, so that
/// a template with errors elsewhere still has its name (the studio and the
/// library list it by this one name).
pub fn declared_name(source: &str) -> Option<String> {
    let file = SourceFile::new("", source);
    name_prop(&file).map(|p| p.value.text.trim().to_string()).filter(|n| !n.is_empty())
}

/// The source with its `模板：` line saying `name` (the studio's 模板名称 box
/// edits this line); a source without one gets it as its first line.
pub fn with_declared_name(source: &str, name: &str) -> String {
    let file = SourceFile::new("", source);
    let line = format!("{NAME_KEY}：{}", name.trim());
    match name_prop(&file) {
        // A value written on the lines below (`模板：` then an indented name) goes too.
        Some(p) => {
            let end = p.span.end.max(p.value.span.end);
            format!("{}{line}{}", &file.text[..p.span.start], &file.text[end..])
        }
        None => format!("{line}\n{}", file.text),
    }
}

fn name_prop(file: &SourceFile) -> Option<syntax::Prop> {
    let ast = syntax::parse(file, &mut Sink::default());
    ast.items.into_iter().find_map(|i| match i {
        Entry::Prop(p) if p.key.text == NAME_KEY => Some(p),
        _ => None,
    })
}

/// Compiles a template into a form spec.
pub fn compile(file: &SourceFile, resolver: &dyn Resolver) -> Compiled {
    let mut ctx = Ctx { sink: Sink::default(), file };
    let ast = syntax::parse(file, &mut ctx.sink);
    let mut files = vec![file.clone()];
    if first_key(&ast) == Some("样式表") {
        let span = first_prop_span(&ast);
        ctx.error(
            Kind::WrongFileKind,
            span,
            "这是一个样式表文件，不是模板",
            Some("模板用“样式：名称”引用样式表；要检查样式表本身，请用 wengao check".into()),
        );
        return finish(ctx.sink, None, files);
    }
    let spec = template::check(&mut ctx, &ast, resolver, &mut files);
    finish(ctx.sink, spec, files)
}

/// Checks a style sheet on its own (for `wengao check`).
pub fn check_style_sheet(file: &SourceFile) -> Compiled {
    let mut ctx = Ctx { sink: Sink::default(), file };
    let ast = syntax::parse(file, &mut ctx.sink);
    let (builder, name, at) = load_sheet(&mut ctx, &ast);
    builder.finish(&mut ctx, &name, at);
    finish(ctx.sink, None, vec![file.clone()])
}

pub(super) fn first_prop_span(ast: &Ast) -> Span {
    ast.items
        .iter()
        .map(|i| match i {
            Entry::Prop(p) => p.key.span,
            Entry::Block(b) => b.keyword.span,
        })
        .next()
        .unwrap_or(Span::new(0, 0))
}

/// Reads a style sheet's settings; returns the builder and its declared name.
fn load_sheet(ctx: &mut Ctx, ast: &Ast) -> (StyleBuilder, String, Span) {
    let mut builder = StyleBuilder::default();
    let at = first_prop_span(ast);
    let name = match ast.items.first() {
        Some(Entry::Prop(p)) if p.key.text == "样式表" => p.value.text.clone(),
        _ => {
            ctx.error(
                Kind::MissingKey,
                at,
                "样式表的第一行要写“样式表：名称”",
                Some("例如“样式表：附件1格式”；模板用这个名称引用它".into()),
            );
            String::new()
        }
    };
    builder.apply(ctx, &ast.items, "样式表", &["样式表", "说明"]);
    (builder, name, at)
}

fn finish(mut sink: Sink, spec: Option<FormSpec>, files: Vec<SourceFile>) -> Compiled {
    // Errors of the imported style sheet after those of the template, each in line order.
    let order: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    sink.items.sort_by_key(|d| (order.iter().position(|n| *n == d.file), d.span.start));
    let spec = if sink.has_errors() { None } else { spec };
    Compiled { spec, diagnostics: sink.items, files }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_line_read_and_rewritten() {
        let source = "# 注释\n模板：述职评议考核工作专题报告\n说明：x\n";
        assert_eq!(declared_name(source).as_deref(), Some("述职评议考核工作专题报告"));
        assert_eq!(with_declared_name(source, "专题报告（副本）"), "# 注释\n模板：专题报告（副本）\n说明：x\n");
        assert_eq!(with_declared_name("\u{FEFF}说明：x\n", "新的报告"), "模板：新的报告\n说明：x\n");
        assert_eq!(declared_name("模板:  半角冒号 \n"), Some("半角冒号".into()));
        assert_eq!(declared_name("模板：\n"), None);
        assert_eq!(with_declared_name("模板：\n  写在下一行的名称\n说明：x\n", "新名称"), "模板：新名称\n说明：x\n");
        assert_eq!(declared_name("一级 部分\n  模板：不是顶层的\n"), None);
    }
}
