// The desk with a 基层 batch (issue #19): 300 reports checked by the CLI and in
// the browser (Chromium, the built dist/), each report different (150 述职报告
// and 150 创新案例 with their pictures, each with a unit of its own, rendered
// by the CLI). Prints both times and, for the browser, the longest task the
// page's main thread ran meanwhile. A benchmark, not a test.
// Run after `trunk build --release` and `cargo build --release -p wengao`:
//   node scripts/bench-desk.mjs [dist] [count]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';
import { receivedFiles } from './received-files.mjs';

const [dist = 'dist', count = '300'] = process.argv.slice(2);
const cli = fs.existsSync('target/release/wengao') ? 'target/release/wengao' : 'target/debug/wengao';
const dir = fs.mkdtempSync('/tmp/wengao-bench-desk-');
const files = receivedFiles(cli, dir, Number(count), (i) => (i % 2 === 0 ? '述职报告' : '创新案例'), (i) => `第${i + 1}社区党委`);
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
console.log(`${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

let t0 = Date.now();
try {
  execFileSync(cli, ['audit', dir], { stdio: 'ignore' });
} catch (e) {
  // Exit status 1: some files need changes (each report lacks its cases here).
  if (e.status !== 1) throw e;
}
console.log(`CLI (${cli}): ${Date.now() - t0} ms`);

const server = await serve(dist, 27080, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.addInitScript(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
});
await page.goto('http://127.0.0.1:27080/?desk');
await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor();
await page.evaluate(() => (window.longTasks = []));
t0 = Date.now();
await page.getByLabel('选择文件（.docx、.zip、草稿 .json）').setInputFiles(files);
await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor({ timeout: 600000 });
const took = Date.now() - t0;
const tasks = await page.evaluate(() => window.longTasks);
const rows = await page.getByRole('table', { name: '审核表' }).locator('tbody tr').count();
console.log(`browser: ${took} ms for ${rows} rows; main-thread tasks over 50 ms: ${tasks.length}, longest ${Math.max(0, ...tasks).toFixed(0)} ms`);
await browser.close();
server.close();
fs.rmSync(dir, { recursive: true });
