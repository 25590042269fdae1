//! The template language in one table: every block keyword, the keys it takes,
//! the blocks it may hold, what it makes and the hint when it stands in the
//! wrong place. The parser (which words open a block), the checker (keys and
//! children of each block, misplacement hints), the syntax hint and the guide's
//! tables (checked against this by compiler/tests/golden.rs) all read it.

/// A block keyword, as the syntax tree records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Field,
    Heading1,
    Heading2,
    Heading3,
    Text,
    Pictures,
    Table,
    Column,
    When,
    Style,
    Role,
    Scoring,
}

/// What the language says of one block keyword.
#[derive(Debug)]
pub struct BlockKind {
    pub keyword: Keyword,
    /// The word as written: `一级`.
    pub word: &'static str,
    /// What the checker calls one such block in messages: `一级标题`.
    pub noun: &'static str,
    /// The keys it takes, in the order hints list them.
    pub keys: &'static [&'static str],
    /// The blocks it may hold.
    pub children: &'static [Keyword],
    /// Whether `word：value` is a property too (`样式：附件1格式`).
    pub also_key: bool,
    /// What it makes, as the guide's table says.
    pub makes: &'static str,
    /// Where it belongs, said when it stands elsewhere; None: the hint lists
    /// what the place may hold instead.
    pub misplaced_hint: Option<&'static str>,
}

/// The keys of a part (一级, 二级, 三级).
const PART_KEYS: &[&str] = &["标题", "字数", "提示", "示例", "重复", "必填", "数据"];

use Keyword::*;

/// Every block keyword, in the order of [`Keyword`].
pub const BLOCKS: &[BlockKind] = &[
    BlockKind {
        keyword: Field,
        word: "字段",
        noun: "字段",
        keys: &["类型", "标签", "默认", "选项", "提示", "示例", "必填"],
        children: &[],
        also_key: false,
        makes: "表单上的一项基本信息",
        misplaced_hint: Some("“字段”要写在模板的最外层，不缩进"),
    },
    BlockKind {
        keyword: Heading1,
        word: "一级",
        noun: "一级标题",
        keys: PART_KEYS,
        children: &[Heading2, Heading3, Text, Pictures, Table, When],
        also_key: false,
        makes: "一级标题及其内容",
        misplaced_hint: None,
    },
    BlockKind {
        keyword: Heading2,
        word: "二级",
        noun: "二级标题",
        keys: PART_KEYS,
        children: &[Heading3, Text, Pictures, Table, When],
        also_key: false,
        makes: "二级标题及其内容",
        misplaced_hint: Some("二级标题要缩进写在一级标题的下面"),
    },
    BlockKind {
        keyword: Heading3,
        word: "三级",
        noun: "三级标题",
        keys: PART_KEYS,
        children: &[When],
        also_key: false,
        makes: "“一是……”：加粗的一句，接着同段正文",
        misplaced_hint: Some("三级标题（一是……）要缩进写在一级或二级标题的下面"),
    },
    BlockKind {
        keyword: Text,
        word: "文本",
        noun: "文本",
        keys: &["段落", "字数", "提示", "示例", "重复", "必填", "数据"],
        children: &[When],
        also_key: false,
        makes: "正文，没有标题",
        misplaced_hint: None,
    },
    BlockKind {
        keyword: Pictures,
        word: "图片",
        noun: "图片",
        keys: &["数量", "格式", "说明", "提示", "示例"],
        children: &[When],
        also_key: false,
        makes: "图片位，每幅带一句说明",
        misplaced_hint: None,
    },
    BlockKind {
        keyword: Table,
        word: "表格",
        noun: "表格",
        keys: &["标题", "行数", "字数", "提示", "示例"],
        children: &[Column, When],
        also_key: false,
        makes: "表格，每行一条",
        misplaced_hint: None,
    },
    BlockKind {
        keyword: Column,
        word: "列",
        noun: "列",
        keys: &["类型", "标签", "选项", "提示", "宽度"],
        children: &[],
        also_key: false,
        makes: "表格的一列",
        misplaced_hint: Some("“列”要缩进写在“表格”的下面"),
    },
    BlockKind {
        keyword: When,
        word: "当",
        noun: "条件",
        keys: &["提示"],
        children: &[],
        also_key: false,
        makes: "条件提示",
        misplaced_hint: Some("“当”要缩进写在某一部分（一级、二级、文本……）的下面"),
    },
    BlockKind {
        keyword: Style,
        word: "样式",
        noun: "样式",
        keys: &["纸张", "页边距", "装订线", "行距", "首行缩进", "段前", "段后"],
        children: &[Role],
        also_key: true,
        makes: "引用一份样式表，并改动其中几项",
        misplaced_hint: Some("“样式”要写在模板的最外层，不缩进"),
    },
    BlockKind {
        keyword: Role,
        word: "角色",
        noun: "角色",
        keys: &["字体", "西文字体", "字号", "加粗", "对齐", "首行缩进", "行距", "段前", "段后"],
        children: &[],
        also_key: false,
        makes: "一种文字（大标题、正文……）的字体、字号和段落",
        misplaced_hint: Some("“角色”要写在样式表里，或模板的“样式”块下面"),
    },
    BlockKind {
        keyword: Scoring,
        word: "测评指标",
        noun: "测评指标",
        keys: &["说明", "关键词"],
        children: &[],
        also_key: false,
        makes: "听取述职的人打分的一项，表单提示正文讲到了没有",
        misplaced_hint: Some("“测评指标”要写在模板的最外层，不缩进"),
    },
];

/// The keys and blocks of a template's top level.
pub const TEMPLATE_KEYS: &[&str] = &[
    "模板",
    "说明",
    "样式",
    "字数",
    "页数",
    "提示",
    "标题",
    "副标题",
    "日期",
    "作者",
    "校对",
    "随附",
    "摘要",
    "测评等次",
    "述职时长",
    "语速",
];
pub const TEMPLATE_BLOCKS: &[Keyword] = &[Field, Style, Text, Heading1, Pictures, Table, Scoring];

/// Keys a 角色 takes beyond [`Keyword::Role`]'s for headings (`编号`) and for the
/// page number.
pub const HEADING_ROLE_KEYS: &[&str] = &["编号"];
pub const PAGE_NUMBER_ROLE_KEYS: &[&str] = &["格式", "位置", "距版心", "缩进"];

impl Keyword {
    /// The keyword a word is, if it is one.
    pub fn from_word(word: &str) -> Option<Keyword> {
        BLOCKS.iter().find(|b| b.word == word).map(|b| b.keyword)
    }

    /// What the language says of it.
    pub fn kind(self) -> &'static BlockKind {
        &BLOCKS[self as usize]
    }

    pub fn word(self) -> &'static str {
        self.kind().word
    }
}

/// The block keywords joined for a hint: `字段、一级、……`.
pub fn words(keywords: &[Keyword]) -> String {
    keywords.iter().map(|k| k.word()).collect::<Vec<_>>().join("、")
}

/// Every block keyword, joined for a hint.
pub fn all_words() -> String {
    BLOCKS.iter().map(|b| b.word).collect::<Vec<_>>().join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_enum() {
        for (i, b) in BLOCKS.iter().enumerate() {
            assert_eq!(b.keyword as usize, i, "{}", b.word);
            assert_eq!(Keyword::from_word(b.word), Some(b.keyword));
        }
        assert_eq!(Keyword::from_word("一级标题"), None);
    }
}
