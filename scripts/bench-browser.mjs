// Browser figures of the built dist/ (not a pass/fail test; issue “a light app”):
// first-load bytes (every response before the start screen is usable, raw and
// gzip -9), navigation → start screen usable, start screen → a new 述职报告 form
// usable, keystroke work in the full-length draft (input event → queued tasks →
// forced style and layout, 60 keys), export click → download (warm), and a bare
// Blob download in the same harness for comparison. Five page loads for the
// timings. Run after `trunk build --release`:  node scripts/bench-browser.mjs [dist]
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
import { serve } from '../tests/e2e/serve.mjs';

const dir = process.argv[2] || 'dist';
const port = 26080 + Math.floor(Math.random() * 500);
const base = '/tools/wengao/';
const url = `http://127.0.0.1:${port}${base}`;
const server = await serve(dir, port, base);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

try {
  const loads = [];
  const forms = [];
  let bytes = null;
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (r) => {
      try {
        bodies.push({ url: r.url(), body: await r.body() });
      } catch { /* a response without a body */ }
    });
    await page.goto(url);
    const button = page.getByRole('button', { name: '新建党建工作述职报告' });
    await button.waitFor();
    loads.push(await page.evaluate(() => performance.now()));
    if (bytes === null) {
      await page.waitForTimeout(200);
      bytes = bodies.map(({ url, body }) => ({ url: url.slice(url.lastIndexOf('/') + 1) || 'index.html', raw: body.length, gz: zlib.gzipSync(body, { level: 9 }).length }));
    }
    const t0 = await page.evaluate(() => performance.now());
    await button.click();
    await page.getByLabel('一、（一）一是 正文').waitFor();
    forms.push((await page.evaluate(() => performance.now())) - t0);
    await context.close();
  }
  console.log('first load (every response before the start screen is usable):');
  for (const b of bytes) console.log(`  ${b.url.padEnd(28)} ${kb(b.raw).padStart(10)} raw ${kb(b.gz).padStart(10)} gzip -9`);
  console.log(`  total ${kb(bytes.reduce((s, b) => s + b.raw, 0))} raw, ${kb(bytes.reduce((s, b) => s + b.gz, 0))} gzip -9`);
  console.log(`navigation → start screen usable: ${ms(pct(loads, 0.5))} median (${loads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`start screen → new 述职报告 form usable: ${ms(pct(forms, 0.5))} median`);

  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: '新建党建工作述职报告' }).click();
  await page.getByLabel('导入草稿').setInputFiles('tests/fixtures/drafts/述职报告.json');
  await page.getByText('已导入 述职报告.json').waitFor();
  const keys = await page.evaluate(async () => {
    const area = document.querySelector('[aria-label="一、（一）一是 正文"]');
    const out = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      area.value += '党';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  });
  console.log(`keystroke (input → queued tasks → style and layout), 3,086-字 draft, 60 keys: ${ms(pct(keys, 0.5))} median, ${ms(pct(keys, 0.95))} p95`);

  const exports = [];
  for (let i = 0; i < 6; i++) {
    // Timed from the click that starts the export: 导出 Word, or 仍然导出 when
    // the checklist opens first (this draft is over the page limit).
    const download = page.waitForEvent('download');
    let t0 = Date.now();
    await page.getByRole('button', { name: '导出 Word' }).click();
    const proceed = page.getByRole('button', { name: '仍然导出' });
    if (await proceed.isVisible()) {
      t0 = Date.now();
      await proceed.click();
    }
    await download;
    exports.push(Date.now() - t0);
  }
  console.log(`export click → download, warm: ${ms(pct(exports.slice(1), 0.5))} median (${exports.slice(1).join(', ')} ms)`);
  const blobs = [];
  // A page of its own: Chrome stops a tab's downloads after about ten in a row.
  const bare = await context.newPage();
  await bare.goto(url);
  await bare.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'bare-download';
    b.textContent = 'bare';
    b.onclick = () => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([new Uint8Array(12000)]));
      a.download = 'bare.docx';
      a.click();
    };
    document.body.append(b);
  });
  for (let i = 0; i < 5; i++) {
    const download = bare.waitForEvent('download');
    const t0 = Date.now();
    await bare.click('#bare-download');
    await download;
    blobs.push(Date.now() - t0);
  }
  console.log(`a bare Blob download in the same harness: ${ms(pct(blobs, 0.5))} median`);
} finally {
  await browser.close();
  server.close();
}
