//! Word files written the way Word and WPS write them (../shared/notes/word-and-wps.md),
//! built here piece by piece so that each structure the desk must read has a
//! fixture of its own: runs split at every edit, a document grid, tables,
//! pictures inline and floating, text boxes as DrawingML with a VML fallback,
//! footers with page numbers as WPS's 插入页码 puts them (a text box) or as older
//! Word did (a frame), sections. Nothing here is our exporter's.

use super::received::zip_of;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"mc:Ignorable="wp14""#
);

/// A 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F,
    0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0, 0x05, 0x00, 0x01, 0xFF,
    0x89, 0x99, 0x3D, 0x1D, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A run of `text` in WPS's way: 仿宋_GB2312 三号 set directly on the run.
pub fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// A paragraph of `text`, split into runs at every few characters as an
/// edited file is, with a proofing mark between two of them.
pub fn paragraph(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let runs: Vec<String> = chars.chunks(7).map(|c| run(&c.iter().collect::<String>())).collect();
    format!(r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr>{}</w:p>"#, runs.join(r#"<w:proofErr w:type="spellStart"/>"#))
}

/// A PAGE field's runs: begin, instruction, separate, a cached "1", end.
pub fn page_field() -> String {
    concat!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE  \* MERGEFORMAT </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    )
    .to_string()
}

/// A floating DrawingML shape holding `content` (paragraphs) as a text box,
/// placed horizontally by `align` (center, outside…) against the margin, with
/// the VML fallback Word and WPS write beside it.
pub fn text_box(content: &str, align: &str, id: u32) -> String {
    format!(
        r##"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251658240" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>{align}</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1000000" cy="300000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{id}" name="文本框 {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1000000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 {id}" o:spid="_x0000_s{id}" type="#_x0000_t202" style="position:absolute;mso-position-horizontal:{align};mso-position-horizontal-relative:margin;width:78.75pt;height:23.6pt" filled="f" stroked="f" xmlns:o="urn:schemas-microsoft-com:office:office"><v:textbox style="mso-fit-shape-to-text:t" inset="0,0,0,0"><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"##
    )
}

/// A picture's drawing: inline, or floating (anchored, square wrap) when `floating`.
fn picture(rid: &str, id: u32, floating: bool) -> String {
    let graphic = format!(
        r#"<wp:docPr id="{id}" name="图片 {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="图片 {id}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3600000" cy="2700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"#
    );
    if floating {
        format!(
            r#"<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="3600000" cy="2700000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>{graphic}</wp:anchor></w:drawing></w:r>"#
        )
    } else {
        format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="3600000" cy="2700000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{graphic}</wp:inline></w:drawing></w:r>"#
        )
    }
}

/// A footer or header part's content.
#[derive(Clone)]
pub struct Part {
    pub xml: String,
}

/// A Word document being written.
#[derive(Default)]
pub struct WordDoc {
    body: Vec<String>,
    media: Vec<Vec<u8>>,
    footers: Vec<String>,
    headers: Vec<String>,
    /// Each section's closing sectPr (all but the last go inside a paragraph).
    sections: Vec<String>,
    settings: String,
    /// docProps/app.xml's properties (None: WPS's, with 1 page and no counts).
    app: Option<String>,
    /// styles.xml's children (None: WPS's defaults and Normal style).
    styles: Option<String>,
}

impl WordDoc {
    pub fn new() -> WordDoc {
        WordDoc::default()
    }

    /// docProps/app.xml's properties, as the producer saved them (`<Pages>8</Pages>…`).
    pub fn app_properties(mut self, xml: &str) -> WordDoc {
        self.app = Some(xml.to_string());
        self
    }

    /// A paragraph of body text.
    pub fn text(mut self, text: &str) -> WordDoc {
        self.body.push(paragraph(text));
        self
    }

    /// Raw body XML (a paragraph or table written by the test).
    pub fn xml(mut self, xml: &str) -> WordDoc {
        self.body.push(xml.to_string());
        self
    }

    /// A table of text cells.
    pub fn table(mut self, rows: &[&[&str]]) -> WordDoc {
        let cols = rows.first().map_or(1, |r| r.len());
        let grid: String = (0..cols).map(|_| r#"<w:gridCol w:w="2000"/>"#).collect();
        let rows: String = rows
            .iter()
            .map(|r| {
                let cells: String = r
                    .iter()
                    .map(|c| format!(r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{}</w:tc>"#, paragraph(c)))
                    .collect();
                format!("<w:tr>{cells}</w:tr>")
            })
            .collect();
        self.body.push(format!(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"#));
        self
    }

    /// A picture in a paragraph of its own: inline, or floating.
    pub fn picture(mut self, floating: bool) -> WordDoc {
        self.media.push(PNG.to_vec());
        let n = self.media.len() as u32;
        self.body.push(format!("<w:p>{}</w:p>", picture(&format!("rIdImg{n}"), 100 + n, floating)));
        self
    }

    /// A picture in a table cell.
    pub fn picture_in_table(mut self) -> WordDoc {
        self.media.push(PNG.to_vec());
        let n = self.media.len() as u32;
        let cell = format!("<w:p>{}</w:p>", picture(&format!("rIdImg{n}"), 100 + n, false));
        self.body.push(format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{cell}</w:tc></w:tr></w:tbl>"#
        ));
        self
    }

    /// A text box floating beside the body, holding `text`.
    pub fn text_box(mut self, text: &str) -> WordDoc {
        let n = 200 + self.body.len() as u32;
        self.body.push(format!("<w:p>{}</w:p>", text_box(&paragraph(text), "right", n)));
        self
    }

    /// A footer part (its paragraphs' XML); returns its relationship id for [`WordDoc::section`].
    pub fn footer(&mut self, paragraphs: &str) -> String {
        self.footers.push(paragraphs.to_string());
        format!("rIdFooter{}", self.footers.len())
    }

    /// A header part (its paragraphs' XML); returns its relationship id.
    pub fn header(&mut self, paragraphs: &str) -> String {
        self.headers.push(paragraphs.to_string());
        format!("rIdHeader{}", self.headers.len())
    }

    /// Ends a section here (see [`section_properties`]).
    pub fn section(mut self, refs: &str, number_type: &str, title_page: bool) -> WordDoc {
        let sect = section_properties(refs, number_type, title_page);
        self.sections.push(sect.clone());
        self.body.push(format!("<w:p><w:pPr>{sect}</w:pPr></w:p>"));
        self
    }

    /// Ends a section here with these properties (a whole `w:sectPr`).
    pub fn section_xml(mut self, sect: &str) -> WordDoc {
        self.sections.push(sect.to_string());
        self.body.push(format!("<w:p><w:pPr>{sect}</w:pPr></w:p>"));
        self
    }

    /// styles.xml's children (`<w:docDefaults>…</w:docDefaults><w:style…>`).
    pub fn styles(mut self, xml: &str) -> WordDoc {
        self.styles = Some(xml.to_string());
        self
    }

    /// A picture part; returns its relationship id (for a `r:embed`).
    pub fn media(&mut self) -> String {
        self.media.push(PNG.to_vec());
        format!("rIdImg{}", self.media.len())
    }

    /// settings.xml's children (`<w:evenAndOddHeaders/>`).
    pub fn settings(mut self, xml: &str) -> WordDoc {
        self.settings = xml.to_string();
        self
    }

    /// The package. The last section's properties close the body: those of the
    /// last [`WordDoc::section`] call (its paragraph taken back), or plain ones.
    pub fn build(mut self) -> Vec<u8> {
        let last = match self.sections.pop() {
            Some(sect) => {
                self.body.pop();
                sect
            }
            None => section_properties("", "", false),
        };
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{}{last}</w:body></w:document>"#,
            self.body.concat()
        );
        let mut rels = vec![
            r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#.to_string(),
            r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#.to_string(),
        ];
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        let mut overrides = String::new();
        for (i, data) in self.media.iter().enumerate() {
            let n = i + 1;
            rels.push(format!(r#"<Relationship Id="rIdImg{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#));
            parts.push((format!("word/media/image{n}.png"), data.clone()));
        }
        for (kind, list) in [("footer", &self.footers), ("header", &self.headers)] {
            for (i, content) in list.iter().enumerate() {
                let n = i + 1;
                let cap = if kind == "footer" { "Footer" } else { "Header" };
                let root = if kind == "footer" { "ftr" } else { "hdr" };
                rels.push(format!(r#"<Relationship Id="rId{cap}{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}{n}.xml"/>"#));
                overrides.push_str(&format!(r#"<Override PartName="/word/{kind}{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>"#));
                parts.push((
                    format!("word/{kind}{n}.xml"),
                    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {NS}>{content}</w:{root}>"#).into_bytes(),
                ));
            }
        }
        let types = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>{overrides}</Types>"#
        );
        let package_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;
        let document_rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
            rels.concat()
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{}</w:styles>"#,
            self.styles.as_deref().unwrap_or(r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="宋体"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>"#)
        );
        let settings = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}">{}<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="156"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:doNotUseIndentAsNumberingTabStop/><w:useFELayout/></w:compat></w:settings>"#,
            self.settings
        );
        let properties = self.app.take().unwrap_or_else(|| {
            "<Template>Normal.dotm</Template><Pages>1</Pages><Application>WPS Office_11.1.0.11664_F1E327BC-269C-435d-A252-1E9C6AD5F5D5</Application>".into()
        });
        let app = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">{properties}</Properties>"#
        );
        let mut files: Vec<(String, Vec<u8>)> = vec![
            ("[Content_Types].xml".into(), types.into_bytes()),
            ("_rels/.rels".into(), package_rels.as_bytes().to_vec()),
            ("docProps/app.xml".into(), app.as_bytes().to_vec()),
            ("word/document.xml".into(), document.into_bytes()),
            ("word/_rels/document.xml.rels".into(), document_rels.into_bytes()),
            ("word/styles.xml".into(), styles.into_bytes()),
            ("word/settings.xml".into(), settings.into_bytes()),
        ];
        files.extend(parts);
        let named: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        zip_of(&named)
    }
}

/// A section's properties, in the schema's order: `refs` (header and footer
/// references), A4 portrait with Attachment 1's margins (3.7 / 3.5 / 2.8 / 2.6 cm;
/// the footer where the number's line ends 7 mm under the text), `number_type`
/// (a `w:pgNumType` element or nothing), 首页不同 when `title_page`, and WPS's
/// grid (lines, pitch 579 twips = 28.95 pt).
pub fn section_properties(refs: &str, number_type: &str, title_page: bool) -> String {
    let title = if title_page { "<w:titlePg/>" } else { "" };
    format!(
        r#"<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1307" w:gutter="0"/>{number_type}<w:cols w:space="425"/>{title}<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>"#
    )
}
