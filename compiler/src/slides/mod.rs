//! 现场述职 (the seed's 三(一)4: those who report on site hand in slides for
//! a 15-minute talk; 三(二)2: the audience then asks about the problems).
//! From a draft's structure only, nothing written: a title slide (title,
//! the 单位 and 姓名 line, date); a slide per part listing its （一）
//! headings; a slide per （一） with the leads of its 一是 points as bullets
//! (a part or （一） without leads: the first sentence of each paragraph);
//! a slide per picture with its caption. Each slide's notes hold the text it
//! covers, so that read in order the notes are the whole report. [`pptx`]
//! writes the deck as PresentationML; [`questions`] lists what a questioner
//! would pick from the 问题 part.

mod fixed;
pub mod pptx;

use crate::document::{self, Block, Document};
use crate::draft::{Draft, Picture};
use crate::spec::{FormSpec, Role};

/// A deck: what its slides say, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck<'d> {
    pub title: String,
    /// The line under the title (述职报告: 单位书记 姓名; 创新案例: ——亮点).
    pub subtitle: String,
    /// 单位 and 姓名 from the draft's fields, for the footer (and the title
    /// slide when the title lines do not already say them).
    pub who: String,
    pub date: String,
    pub slides: Vec<Slide<'d>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slide<'d> {
    pub heading: String,
    pub bullets: Vec<String>,
    pub picture: Option<&'d Picture>,
    /// The paragraphs of the report this slide stands for.
    pub notes: Vec<String>,
}

impl Slide<'_> {
    fn new(heading: String) -> Self {
        Slide { heading, bullets: Vec::new(), picture: None, notes: Vec::new() }
    }
}

/// The first sentence of a paragraph (to its first 。！？ or ；), for a slide
/// whose paragraphs have no lead.
fn first_sentence(text: &str) -> String {
    let end = text.char_indices().find(|(_, c)| matches!(c, '。' | '！' | '？' | '；')).map_or(text.len(), |(i, c)| i + c.len_utf8());
    text[..end].trim().to_string()
}

/// The deck of an assembled document by `who` (单位 and 姓名).
pub fn deck<'d>(doc: &Document<'d>, who: &str) -> Deck<'d> {
    let mut slides: Vec<Slide<'d>> = Vec::new();
    // Bodies of the slide being filled: (text, lead) of its paragraphs, for
    // bullets when it is done (leads if any, else first sentences).
    let mut bodies: Vec<(String, Option<String>)> = Vec::new();
    let mut part = String::new();
    let finish = |slides: &mut Vec<Slide<'d>>, bodies: &mut Vec<(String, Option<String>)>| {
        let Some(slide) = slides.iter_mut().rev().find(|s| s.picture.is_none()) else { return };
        let leads: Vec<String> = bodies.iter().filter_map(|(_, l)| l.clone()).collect();
        let bullets =
            if leads.is_empty() { bodies.iter().map(|(t, _)| first_sentence(t)).filter(|t| !t.is_empty()).collect() } else { leads };
        slide.bullets.extend(bullets);
        bodies.clear();
    };
    for block in doc.blocks.iter().skip(doc.title_lines) {
        match block {
            Block::Paragraph(p) if p.role == Role::Heading1 => {
                finish(&mut slides, &mut bodies);
                part = p.text().trim().to_string();
                let mut slide = Slide::new(part.clone());
                slide.notes.push(part.clone());
                slides.push(slide);
            }
            Block::Paragraph(p) if p.role == Role::Heading2 => {
                finish(&mut slides, &mut bodies);
                let heading = p.text().trim().to_string();
                // The part's slide lists its （一） headings.
                if let Some(s) = slides.iter_mut().rev().find(|s| s.heading == part && s.picture.is_none()) {
                    s.bullets.push(heading.clone());
                }
                let mut slide = Slide::new(heading.clone());
                slide.notes.push(heading);
                slides.push(slide);
            }
            Block::Paragraph(p) if p.role == Role::Caption => {
                if let Some(s) = slides.last_mut() {
                    s.notes.push(p.text().trim().to_string());
                }
            }
            Block::Paragraph(p) => {
                let text = p.text().trim().to_string();
                if text.is_empty() {
                    continue;
                }
                if slides.is_empty() {
                    slides.push(Slide::new(doc.title_line(Role::Title)));
                }
                if let Some(s) = slides.iter_mut().rev().find(|s| s.picture.is_none()) {
                    s.notes.push(text.clone());
                }
                bodies.push((text, doc.lead(p)));
            }
            Block::Picture { picture, .. } => {
                let heading = if part.is_empty() { doc.title_line(Role::Title) } else { part.clone() };
                let mut slide = Slide::new(heading);
                slide.picture = Some(*picture);
                slides.push(slide);
            }
            Block::Table(t) => {
                // A table goes to the notes only: its rows, a line each.
                let text: Vec<String> = t.rows.iter().map(|r| r.join("　")).collect();
                if let Some(s) = slides.iter_mut().rev().find(|s| s.picture.is_none()) {
                    s.notes.extend(text);
                }
            }
        }
    }
    finish(&mut slides, &mut bodies);
    let (title, subtitle, date) = (doc.title_line(Role::Title), doc.title_line(Role::Subtitle), doc.title_line(Role::Date));
    Deck { title, subtitle, who: who.to_string(), date, slides }
}

/// The deck of a draft of `spec`.
pub fn of<'d>(spec: &FormSpec, draft: &'d Draft) -> (Document<'d>, Deck<'d>) {
    let doc = document::assemble(spec, draft);
    let who: Vec<&str> = ["单位", "姓名"].iter().filter_map(|f| draft.fields.get(*f)).map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
    let deck = deck(&doc, &who.join(" "));
    (doc, deck)
}

impl Deck<'_> {
    /// The lines under the title on the title slide: the subtitle, 单位 and
    /// 姓名 unless the title lines say them already, the date.
    pub fn title_lines(&self) -> Vec<&str> {
        let said = format!("{}{}", self.title, self.subtitle);
        let who_said = self.who.split(' ').all(|w| said.contains(w));
        [self.subtitle.as_str(), if who_said { "" } else { self.who.as_str() }, self.date.as_str()]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// A point a questioner would pick from the report's own 问题 part: its lead
/// (or first sentence), the （一） it is under, and the numbers it gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub under: String,
    pub point: String,
    pub numbers: Vec<String>,
}

/// Numbers as written in a text: 12个, 85.6%, 2026年, 3.2万元 — a run of
/// digits (with . and %) and the unit character after it, if it is one.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == '%') {
            i += 1;
        }
        let mut n: String = chars[start..i].iter().collect::<String>().trim_end_matches('.').to_string();
        while i < chars.len() && "个名人项次件家所处条万亿元年月日天%倍户篇场期批".contains(chars[i]) {
            n.push(chars[i]);
            i += 1;
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// The points of the part whose heading speaks of 问题 (存在的主要问题及原因):
/// every body paragraph's lead (or first sentence), with its numbers.
pub fn questions(doc: &Document) -> Vec<Question> {
    let mut out = Vec::new();
    let mut in_problems = false;
    let mut under = String::new();
    for block in doc.blocks.iter().skip(doc.title_lines) {
        let Block::Paragraph(p) = block else { continue };
        let text = p.text().trim().to_string();
        match p.role {
            Role::Heading1 => {
                in_problems = text.contains("问题");
                under = text;
            }
            Role::Heading2 if in_problems => under = text,
            // Body paragraphs, those with a lead among them.
            Role::Body | Role::Heading3 if in_problems && !text.is_empty() => {
                let point = doc.lead(p).unwrap_or_else(|| first_sentence(&text));
                out.push(Question { under: under.clone(), point, numbers: numbers(&text) });
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(numbers("全年开展12次、覆盖85.6%的党员，2026年投入3.2万元。"), ["12次", "85.6%", "2026年", "3.2万元"]);
        assert_eq!(numbers("没有数字"), Vec::<String>::new());
        assert_eq!(numbers("第1、1个"), ["1", "1个"]);
    }

    #[test]
    fn a_first_sentence() {
        assert_eq!(first_sentence("一是抓学习。二是抓落实"), "一是抓学习。");
        assert_eq!(first_sentence("没有句号"), "没有句号");
    }
}
