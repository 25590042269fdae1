//! What the checking passes share: the diagnostic sink with the current file, and
//! the table of a block's properties with unknown and duplicate keys reported.

use crate::diag::{Kind, Sink};
use crate::source::{SourceFile, SourceText, Span};
use crate::syntax::language::{self, Keyword};
use crate::syntax::{Block, Entry, Prop};
use crate::values::{self, ValueError};

pub struct Ctx<'f> {
    pub sink: Sink,
    /// The file the spans being checked point into.
    pub file: &'f SourceFile,
}

impl<'f> Ctx<'f> {
    pub fn error(&mut self, kind: Kind, span: Span, message: impl Into<String>, hint: Option<String>) {
        let name = self.file.name.clone();
        self.sink.push(kind, &name, span, message.into(), hint);
    }

    pub fn warn(&mut self, kind: Kind, span: Span, message: impl Into<String>, hint: Option<String>) {
        let name = self.file.name.clone();
        self.sink.warn(kind, &name, span, message.into(), hint);
    }

    pub fn value_error(&mut self, span: Span, e: ValueError) {
        self.error(e.kind, span, e.message, e.hint);
    }

    /// Reads a property's value with one of the `values` readers, reporting failure.
    pub fn read<T>(&mut self, prop: &Prop, reader: impl FnOnce(&str) -> values::Result<T>) -> Option<T> {
        match reader(&prop.value.text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.value_error(prop.value.span, e);
                None
            }
        }
    }

    /// Line number of a span, for hints such as “第一次出现在第3行”.
    pub fn line_of(&self, span: Span) -> usize {
        self.file.line_col(span.start).0
    }

    /// Sorts a block's items into known properties and sub-blocks. Unknown keys,
    /// repeated keys and blocks that do not belong here are reported.
    pub fn table<'b>(&mut self, items: &'b [Entry], keys: &[&str], blocks: &[Keyword], place: &str) -> Table<'b> {
        let mut table = Table { props: Vec::new(), blocks: Vec::new() };
        for item in items {
            match item {
                Entry::Prop(p) => {
                    let key = p.key.text.as_str();
                    if !keys.contains(&key) {
                        let hint = if let Some(right) = common_slip(key).filter(|k| keys.contains(k)) {
                            format!("是不是想写“{right}”？{place}可用的键：{}", keys.join("、"))
                        } else if Keyword::from_word(key).is_some() {
                            format!("“{key}”是块的关键字：写成“{key} 名称”（不要冒号），属性缩进写在它下面")
                        } else {
                            format!("{place}可用的键：{}", keys.join("、"))
                        };
                        self.error(Kind::UnknownKey, p.key.span, format!("{place}没有“{key}”这个键"), Some(hint));
                    } else if let Some(first) = table.get(key) {
                        let line = self.line_of(first.key.span);
                        self.error(
                            Kind::DuplicateKey,
                            p.key.span,
                            format!("“{key}”写了两次"),
                            Some(format!("第一次写在第{line}行；请只保留一处")),
                        );
                    } else {
                        table.props.push(p);
                    }
                }
                Entry::Block(b) => {
                    if blocks.contains(&b.kind) {
                        table.blocks.push(b);
                    } else {
                        self.misplaced(b, place, blocks);
                    }
                }
            }
        }
        table
    }

    fn misplaced(&mut self, b: &Block, place: &str, allowed: &[Keyword]) {
        let hint = match b.kind.kind().misplaced_hint {
            Some(h) => h.to_string(),
            None if allowed.is_empty() => format!("{place}下面不能再有块"),
            None => format!("{place}下面可以有：{}", language::words(allowed)),
        };
        self.error(Kind::Misplaced, b.keyword.span, format!("“{}”不能放在{place}里", b.keyword.text), Some(hint));
    }

    /// The name after a block's keyword, checked to be a valid name.
    pub fn name(&mut self, b: &Block, what: &str) -> Option<SourceText> {
        let Some(head) = &b.head else {
            self.error(
                Kind::MissingKey,
                b.keyword.span,
                format!("{what}缺少名称"),
                Some(format!("写成“{} 名称”；名称用来在草稿里认出这一项，例如“{} 履职情况”", b.keyword.text, b.keyword.text)),
            );
            return None;
        };
        if !is_name(&head.text) {
            self.error(
                Kind::InvalidName,
                head.span,
                format!("“{}”不能用作名称", head.text),
                Some("名称只能由汉字、字母、数字和下划线组成，不能以数字开头，中间不能有空格或标点".into()),
            );
            return None;
        }
        Some(head.clone())
    }
}

/// Names of fields, parts and columns: letters (汉字 included), digits, underscores.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
}

pub struct Table<'b> {
    pub props: Vec<&'b Prop>,
    pub blocks: Vec<&'b Block>,
}

impl<'b> Table<'b> {
    pub fn get(&self, key: &str) -> Option<&'b Prop> {
        self.props.iter().copied().find(|p| p.key.text == key)
    }

    /// A text value (prompts, labels), None when absent or empty.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(|p| p.value.text.clone()).filter(|t| !t.is_empty())
    }
}

/// Keys people write for the ones the language has.
pub(super) fn common_slip(key: &str) -> Option<&'static str> {
    Some(match key {
        "模版" | "模板名" | "模板名称" => "模板",
        "题目" | "大标题" | "标题名" => "标题",
        "篇幅" | "字数要求" | "字数限制" => "字数",
        "页码数" | "页数要求" | "篇幅页数" => "页数",
        "类别" | "字段类型" => "类型",
        "选择项" | "可选项" => "选项",
        "默认值" => "默认",
        "写作提示" | "要求" | "说明文字" => "提示",
        "例子" | "范例" | "样例" => "示例",
        "字号大小" | "字体大小" => "字号",
        "字体名" | "中文字体" => "字体",
        "英文字体" | "数字字体" => "西文字体",
        "行间距" => "行距",
        "边距" => "页边距",
        "纸型" | "纸张大小" => "纸张",
        "次数" | "项数" => "重复",
        "图片数量" | "张数" => "数量",
        _ => return None,
    })
}
