// The 述职材料汇编 (issue #20): 16 reports and 16 cases (with their pictures),
// each unit different, built by the CLI and in the browser (the desk, after
// the files are checked: from 导出汇编 to the download). A benchmark, not a test.
// Run after `trunk build --release` and `cargo build --release -p wengao`:
//   node scripts/bench-booklet.mjs [dist]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { receivedFiles } from './received-files.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const cli = fs.existsSync('target/release/wengao') ? 'target/release/wengao' : 'target/debug/wengao';
const dir = fs.mkdtempSync('/tmp/wengao-bench-booklet-');
const files = receivedFiles(cli, dir, 32, (i) => (i < 16 ? '述职报告' : '创新案例'), (i) => `第${(i % 16) + 1}社区党委`);

let t0 = Date.now();
execFileSync(cli, ['booklet', ...files, '-o', path.join(dir, '汇编.docx')], { stdio: 'ignore' });
console.log(`CLI (${cli}): ${Date.now() - t0} ms for 32 Word files`);

const server = await serve(dist, 27082, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
await page.goto('http://127.0.0.1:27082/?desk');
await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(files);
await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor({ timeout: 120000 });
const booklet = page.getByRole('region', { name: '述职材料汇编' });
const times = [];
for (let run = 0; run < 3; run++) {
  const download = page.waitForEvent('download');
  t0 = Date.now();
  await booklet.getByRole('button', { name: '导出汇编（.docx）' }).click();
  await download;
  times.push(Date.now() - t0);
}
console.log(`browser: ${times.join(', ')} ms (three builds, from the click to the download)`);
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true });
