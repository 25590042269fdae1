// The desk with one long received file (issue #37): a 述职报告 of about 200
// pages (one point holding 95,000 characters, rendered by the CLI), checked in
// the browser's desk worker (Chromium, the built dist/) — read, recognised,
// imported, laid out in its own formatting and in the template's. Prints the
// time from the file given to its row shown, beside an ordinary 8-page file's.
// A benchmark, not a test.
// Run after `trunk build --release` and `cargo build --release -p wengao`:
//   node scripts/bench-long-file.mjs [dist]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const cli = fs.existsSync('target/release/wengao') ? 'target/release/wengao' : 'target/debug/wengao';
const dir = fs.mkdtempSync('/tmp/wengao-bench-long-');
const draft = JSON.parse(fs.readFileSync('tests/fixtures/drafts/述职报告.json', 'utf8'));
const sentence = '一是坚持以上率下压实责任。全年主持召开党工委会专题研究党建工作12次，GDP增长6.5%，“两学一做”扎实推进。';
draft.body['履职情况'][0].parts['履职方面'][0].parts['履职要点'][0].text = sentence.repeat(Math.ceil(95000 / sentence.length)).slice(0, 95000);
fs.writeFileSync(path.join(dir, 'long.json'), JSON.stringify(draft));
const long = path.join(dir, '长篇述职报告.docx');
execFileSync(cli, ['render', 'templates/述职报告.wg', path.join(dir, 'long.json'), '-o', long]);
const pages = execFileSync(cli, ['pages', long]).toString().split('\n')[0];
console.log(`long file: ${(fs.statSync(long).size / 1024).toFixed(0)} KB, ${pages}`);

const server = await serve(dist, 28080, '/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [label, file] of [['8-page file (tests/fixtures/audit/合格.docx)', 'tests/fixtures/audit/合格.docx'], ['long file', long]]) {
    const times = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage();
      await page.goto('http://127.0.0.1:28080/');
      await page.getByRole('link', { name: '打开审核台' }).click();
      await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
      const t0 = Date.now();
      await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(file);
      await page.getByRole('button', { name: `查看 ${path.basename(file)}` }).waitFor({ timeout: 120000 });
      times.push(Date.now() - t0);
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: file given → row shown ${times[1]} ms (median of 3: ${times.join(', ')})`);
  }
} finally {
  await browser.close();
  server.close();
}
