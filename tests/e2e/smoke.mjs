// Smoke test of the skeleton app in Debian's Chromium: it mounts under a sub-path,
// compiles the built-in templates in the browser, counts 字数 like `wengao count`,
// and makes no request to another origin. Screenshot: docs/screenshots/skeleton.png.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve } from './serve.mjs';

const port = 18080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const server = await serve('dist', port, base);
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // launch() gives every run a fresh, empty profile of its own.
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const foreign = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(origin + base);
  await page.getByRole('heading', { name: '党建工作述职报告' }).waitFor({ timeout: 20000 });
  for (const name of ['基层党建创新案例', '述职评议问题整改清单']) {
    assert.equal(await page.getByRole('heading', { name }).count(), 1, `template card ${name}`);
  }
  assert.match(await page.locator('body').innerText(), /约1500字（1350–1650字）/);

  const text = '2026年，GDP增长6.5%，“两学一做”——扎实推进……';
  const expected = JSON.parse(execFileSync('target/debug/wengao', ['count', '--json', '-'], { input: text })).words;
  await page.getByLabel('粘贴或输入文字').fill(text);
  const shown = Number(await page.locator('.counts strong').innerText());
  assert.equal(shown, expected, 'browser 字数 equals `wengao count`');

  // Export in the browser with the same renderer as the CLI: the document part of
  // the downloaded file equals the one `wengao render` writes for the same draft.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载党建工作述职报告示例 Word' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '党建工作述职报告-示例.docx');
  const tmp = fs.mkdtempSync('/tmp/wengao-smoke-');
  await download.saveAs(`${tmp}/browser.docx`);
  execFileSync('target/debug/wengao', ['example', 'templates/述职报告.wg', '--fit-pages', '-o', `${tmp}/draft.json`]);
  execFileSync('target/debug/wengao', ['render', 'templates/述职报告.wg', `${tmp}/draft.json`, '-o', `${tmp}/cli.docx`]);
  const part = (file) => execFileSync('unzip', ['-p', file, 'word/document.xml']);
  assert.ok(part(`${tmp}/browser.docx`).equals(part(`${tmp}/cli.docx`)), 'browser and CLI render the same document');
  assert.match(await page.getByRole('status').first().innerText(), /已生成 党建工作述职报告-示例\.docx/);
  fs.rmSync(tmp, { recursive: true });

  fs.mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/skeleton.png', fullPage: true });
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  assert.deepEqual(errors, [], 'no script errors');
  console.log(`smoke: ok (字数 ${shown}, export equals the CLI's, served under ${base})`);
} finally {
  await browser.close();
  server.close();
}
