// Turns docs/template-guide.md into app/guide.html, the page the studio links to
// (one click from every diagnostic: guide.html#E13 lands on that error's row).
// The subset of Markdown the guide uses: headings, paragraphs, lists, tables,
// fenced code, `code`, **bold** and links. `--check` fails if app/guide.html is
// not what the guide gives (scripts/test runs it), so the two never drift.
import fs from 'node:fs';

const source = fs.readFileSync('docs/template-guide.md', 'utf8');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inline = (s) => escape(s)
  .replace(/`([^`]+)`/g, '<code>$1</code>')
  .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
  .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text, href) => `<a href="${href.endsWith('.md') ? '#' : href}">${text}</a>`);

const out = [];
const lines = source.split('\n');
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  if (line.startsWith('```')) {
    const code = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
    out.push(`<pre>${escape(code.join('\n'))}</pre>`);
  } else if (/^#{1,6} /.test(line)) {
    const level = line.match(/^#+/)[0].length;
    const text = line.slice(level + 1).trim();
    out.push(`<h${level} id="${escape(text.split(/\s/)[0])}">${inline(text)}</h${level}>`);
  } else if (line.startsWith('|')) {
    const rows = [];
    for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
    i--;
    const cells = (row) => row.slice(1, -1).split('|').map((c) => c.trim());
    const body = rows.slice(2).map((row) => {
      const c = cells(row);
      // An error code in the first cell makes the row its anchor.
      const id = /^E\d\d$/.test(c[0]) ? ` id="${c[0]}"` : '';
      return `<tr${id}>${c.map((x) => `<td>${inline(x)}</td>`).join('')}</tr>`;
    });
    out.push(`<table><thead><tr>${cells(rows[0]).map((x) => `<th>${inline(x)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`);
  } else if (/^\s*[-*] /.test(line) || /^\s*\d+\. /.test(line)) {
    const ordered = /^\s*\d+\. /.test(line);
    const items = [];
    for (; i < lines.length && (/^\s*[-*] /.test(lines[i]) || /^\s*\d+\. /.test(lines[i]) || /^\s{2,}\S/.test(lines[i])); i++) {
      if (/^\s{2,}\S/.test(lines[i]) && !/^\s*([-*]|\d+\.) /.test(lines[i])) items[items.length - 1] += ' ' + lines[i].trim();
      else items.push(lines[i].replace(/^\s*([-*]|\d+\.) /, ''));
    }
    i--;
    const tag = ordered ? 'ol' : 'ul';
    out.push(`<${tag}>${items.map((x) => `<li>${inline(x)}</li>`).join('')}</${tag}>`);
  } else if (line.trim() === '') {
    continue;
  } else {
    const para = [line];
    for (i++; i < lines.length && lines[i].trim() !== '' && !/^(#|\||```|\s*[-*] |\s*\d+\. )/.test(lines[i]); i++) para.push(lines[i]);
    i--;
    out.push(`<p>${inline(para.join(''))}</p>`);
  }
}

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>文稿模板编写指南</title>
<style>
body { font: 16px/1.7 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; color: #1f2328; }
pre { background: #f6f8fa; padding: .8rem; overflow: auto; font-size: 14px; line-height: 1.5; }
code { background: #f6f8fa; padding: 0 .2em; }
table { border-collapse: collapse; margin: .8rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; vertical-align: top; }
tr:target { background: #fff8c5; }
h1, h2, h3 { line-height: 1.3; }
</style>
</head>
<body>
<!-- Made from docs/template-guide.md by scripts/guide-html.mjs; edit the guide, not this file. -->
${out.join('\n')}
</body>
</html>
`;

if (process.argv.includes('--check')) {
  if (fs.readFileSync('app/guide.html', 'utf8') !== html) {
    console.error('app/guide.html is not what docs/template-guide.md gives: run node scripts/guide-html.mjs');
    process.exit(1);
  }
} else {
  fs.writeFileSync('app/guide.html', html);
  console.log(`app/guide.html: ${(html.length / 1024).toFixed(0)} KB`);
}
