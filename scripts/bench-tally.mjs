// 测评结果汇总 with 500 sheets of 60 people (issue #20): the desk opened on a
// batch whose tally holds them (written into IndexedDB as the desk keeps
// them), then a sheet typed: how long the tally takes to show after a reload,
// each keystroke from keydown to the next cell focused, Enter to the next
// sheet, the main thread's long tasks, and the .xlsx export; and `wengao
// tally` on the same sheets as .csv. A benchmark, not a test.
// Run after `trunk build --release` and `cargo build -p wengao`:
//   node scripts/bench-tally.mjs [dist]
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/serve.mjs';

const [dist = 'dist'] = process.argv.slice(2);
// The newer of the two builds (a stale release build may not know `tally`).
const cli = ['target/release/wengao', 'target/debug/wengao'].filter((f) => fs.existsSync(f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const dir = fs.mkdtempSync('/tmp/wengao-bench-tally-');
const items = ['落实党建统领主体责任情况', '建设风清气正良好政治生态情况', '推进两学一做学习教育情况', '加强基层党组织建设情况', '健全和完善党建工作制度体系情况', '总体评价'];
const grades = ['好', '较好', '一般', '差'];
const persons = Array.from({ length: 60 }, (_, i) => ({ unit: `第${i + 1}社区党委`, name: `书记${i + 1}` }));
let seed = 7;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const sheets = Array.from({ length: 500 }, (_, s) => ({ number: s + 1, marks: Array.from({ length: 360 }, () => Math.floor(random() * 5)) }));

const csv = ['表号,序号,单位,姓名,' + items.join(',')];
for (const s of sheets) persons.forEach((p, i) => csv.push([s.number, i + 1, p.unit, p.name, ...s.marks.slice(i * 6, i * 6 + 6).map((m) => (m ? m : ''))].join(',')));
fs.writeFileSync(path.join(dir, '录入.csv'), csv.join('\n'));
let t0 = Date.now();
execFileSync(cli, ['tally', path.join(dir, '录入.csv'), '-o', path.join(dir, '汇总.docx'), '--xlsx', path.join(dir, '汇总.xlsx')], { stdio: 'ignore' });
console.log(`CLI (${cli}): ${Date.now() - t0} ms for 500 sheets of 60 people (30,000 rows) to .docx and .xlsx`);

const server = await serve(dist, 27083, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
await page.addInitScript(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
});
await page.goto('http://127.0.0.1:27083/?desk');
await page.getByLabel('审核批次').locator('option').first().waitFor({ state: 'attached' });
await page.evaluate(async ({ setup, sheets }) => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open('wengao'); r.onsuccess = () => ok(r.result); r.onerror = no; });
  const id = JSON.parse((await new Promise((ok) => { const r = db.transaction('batches').objectStore('batches').getAll(); r.onsuccess = () => ok(r.result); }))[0]).id;
  const t = db.transaction('tallies', 'readwrite');
  const store = t.objectStore('tallies');
  store.put(JSON.stringify(setup), `${id}/setup`);
  for (const s of sheets) store.put(JSON.stringify(s), `${id}/sheet/${String(s.number).padStart(9, '0')}`);
  await new Promise((ok) => { t.oncomplete = ok; });
}, { setup: { grades, items, persons }, sheets });
t0 = Date.now();
await page.reload();
const tally = page.getByRole('region', { name: '测评结果汇总' });
await tally.getByRole('heading', { name: '已录的表（500张）' }).waitFor({ timeout: 60000 });
await tally.getByRole('table', { name: '汇总' }).locator('tbody tr').nth(59).waitFor();
console.log(`browser: the tally of 500 sheets shown ${Date.now() - t0} ms after the reload`);
await page.evaluate(() => {
  window.keys = [];
  document.addEventListener('keydown', () => { window.down = performance.now(); }, true);
  document.addEventListener('focusin', () => { if (window.down) window.keys.push(performance.now() - window.down); window.down = 0; });
  window.longTasks = [];
});
await tally.getByLabel('表号').focus();
await page.keyboard.press('Enter');
await page.waitForFunction(() => document.activeElement?.id === 'tally-cell-0');
await page.evaluate(() => { window.keys = []; });
for (let c = 0; c < 360; c++) await page.keyboard.press(String(1 + (c % 4)));
const keys = await page.evaluate(() => window.keys.slice().sort((a, b) => a - b));
console.log(`browser: a digit to the next cell (359 keys, 500 sheets entered): median ${keys[Math.floor(keys.length / 2)].toFixed(1)} ms, slowest ${keys[keys.length - 1].toFixed(1)} ms`);
t0 = Date.now();
await page.keyboard.press('Enter');
await tally.getByRole('heading', { name: '已录的表（501张）' }).waitFor();
await page.waitForFunction(() => document.activeElement?.id === 'tally-number');
console.log(`browser: Enter to the next sheet with 501 entered: ${Date.now() - t0} ms`);
const long = await page.evaluate(() => window.longTasks);
console.log(`browser: long tasks while typing and saving: ${long.length} (longest ${Math.max(0, ...long).toFixed(0)} ms)`);
const download = page.waitForEvent('download');
t0 = Date.now();
await tally.getByRole('button', { name: '导出汇总（.xlsx）' }).click();
await download;
console.log(`browser: 导出汇总（.xlsx） ${Date.now() - t0} ms from the click to the download`);
await browser.close();
server.close();
