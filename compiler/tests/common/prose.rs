//! Report-like text from a fixed seed: Chinese with digits, Latin words,
//! addresses and punctuation falling anywhere (the page model's corpora).

/// xorshift64*: a fixed, dependency-free sequence.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

pub const HAN: &str =
    "党建工作基层组织书记责任落实全面从严治理推进社区服务群众干部队伍制度建设学习教育整改问题措施成效年度会议专题调研发展";
pub const TOKENS: &[&str] =
    &["2026年", "30%", "GDP", "5.6万元", "“两学一做”", "《条例》", "（试行）", "12次", "Word", "95.6%", "“三会一课”"];
/// Text heavy in Latin words, digits and addresses.
pub const LATIN_TOKENS: &[&str] = &[
    "https://www.gov.cn/zhengce/2026-11/29/content_5.htm",
    "ISO 9001",
    "PDCA",
    "5G+智慧党建",
    "APP",
    "2026-11-29",
    "Excel",
    "12345",
    "e.g.",
    "OA系统",
    "v2.0",
    "3.14159",
];
pub const MARKS: &[&str] = &["，", "。", "、", "；", "：", "！", "？"];

/// About `n` characters of report-like text.
pub fn text(rng: &mut Rng, n: usize) -> String {
    prose(rng, n, TOKENS, 12)
}

/// About `n` characters: Chinese with a token every `one_in` characters or so.
pub fn prose(rng: &mut Rng, n: usize, tokens: &[&str], one_in: usize) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let mut out = String::new();
    let mut count = 0;
    while count < n {
        match rng.below(one_in) {
            0 => out.push_str(rng.pick(tokens)),
            1 | 2 => out.push_str(rng.pick(MARKS)),
            _ => out.push(han[rng.below(han.len())]),
        }
        count = out.chars().count();
    }
    out.push('。');
    out
}
