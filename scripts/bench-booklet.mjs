// The 述职材料汇编 (issue #20): 16 reports and 16 cases (with their pictures),
// each unit different, built by the CLI and in the browser (the desk, after
// the files are checked: from 导出汇编 to the download). A benchmark, not a test.
// With a number N, N reports and N cases instead of 16 and 16 (the issue's
// limit is a booklet of 300 reports).
// Run after `trunk build --release` and `cargo build --release -p wengao`:
//   node scripts/bench-booklet.mjs [dist] [N]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';
import { receivedFiles } from './received-files.mjs';

const [dist = 'dist', units = '16'] = process.argv.slice(2);
const n = Number(units);
// The newer of the two builds.
const cli = ['target/release/wengao', 'target/debug/wengao'].filter((f) => fs.existsSync(f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const dir = fs.mkdtempSync('/tmp/wengao-bench-booklet-');
const files = receivedFiles(cli, dir, 2 * n, (i) => (i < n ? '述职报告' : '创新案例'), (i) => `第${(i % n) + 1}社区党委`);

let t0 = Date.now();
execFileSync(cli, ['booklet', ...files, '-o', path.join(dir, '汇编.docx')], { stdio: 'ignore' });
console.log(`CLI (${cli}): ${Date.now() - t0} ms for ${2 * n} Word files (${(fs.statSync(path.join(dir, '汇编.docx')).size / 1e6).toFixed(1)} MB)`);

const server = await serve(dist, 27082, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
await page.goto('http://127.0.0.1:27082/?desk');
await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(files);
t0 = Date.now();
await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor({ timeout: 1200000 });
console.log(`browser: ${files.length} files checked in ${Date.now() - t0} ms`);
const booklet = page.getByRole('region', { name: '述职材料汇编' });
const times = [];
for (let run = 0; run < (n > 16 ? 1 : 3); run++) {
  const download = page.waitForEvent('download', { timeout: 1200000 });
  t0 = Date.now();
  await booklet.getByRole('button', { name: '导出汇编（.docx）' }).click();
  await (await download).path();
  times.push(Date.now() - t0);
}
console.log(`browser: ${times.join(', ')} ms (${times.length} builds, from the click to the download)`);
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true });
