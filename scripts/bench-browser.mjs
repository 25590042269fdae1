// Browser figures of the built dist/ (not a pass/fail test; issue “a light app”):
// first-load bytes (every response before the start screen is usable, raw and
// gzip -9), navigation → start screen usable, start screen → a new 述职报告 form
// usable (click → the form in the DOM → its frame laid out, measured in the page; after the
// full app has loaded in the background, and clicked at once), keystroke work in the full-length draft (input event → queued tasks →
// forced style and layout, 60 keys), export click → download (warm), and a bare
// Blob download in the same harness for comparison. Twelve page loads (six
// for each way of reaching the form: its timings spread by tens of ms). Run after `trunk build --release`:  node scripts/bench-browser.mjs [dist]
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
  const coldForms = [];
  let bytes = null;
  let later = null;
  // Odd runs click 新建 as soon as the start screen is usable (the full app may
  // still be loading); even runs after it has loaded in the background, as a
  // drafter who reads the screen for a moment would.
  for (let run = 0; run < 12; run++) {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    const appLoaded = page.waitForResponse((r) => r.url().endsWith('/wengao-app_bg.wasm'));
    // When the 新建 button has appeared and been laid out, taken in the page:
    // Playwright's waiting polls and would add its own delay.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('button[aria-label="新建党建工作述职报告"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.startUsable = performance.now())));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    const button = page.getByRole('button', { name: '新建党建工作述职报告' });
    await button.waitFor();
    await page.waitForFunction(() => window.startUsable);
    loads.push(await page.evaluate(() => window.startUsable));
    const before = responses.length;
    if (bytes === null) {
      await appLoaded;
      await page.waitForTimeout(500);
      const measure = async (list) =>
        Promise.all(
          list.map(async (r) => {
            const body = await r.body().catch(() => Buffer.alloc(0));
            return { url: r.url().slice(r.url().lastIndexOf('/') + 1) || 'index.html', raw: body.length, gz: zlib.gzipSync(body, { level: 9 }).length };
          }),
        );
      bytes = await measure(responses.slice(0, before));
      later = await measure(responses.slice(before));
    } else if (run % 2 === 0) {
      await appLoaded;
      await page.waitForTimeout(1000);
    }
    // Measured in the page (Playwright's own checks around a click take tens of
    // ms): click → the form's first point is in the DOM → the frame that shows
    // it has been laid out (a task queued from its animation-frame callback
    // runs after the frame's layout; the callback alone may run before the
    // layout or after it, by chance).
    const took = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const shown = () => document.querySelector('textarea[aria-label="一、（一）一是 正文"]');
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          document.querySelector('button[aria-label="新建党建工作述职报告"]').click();
        }),
    );
    (run % 2 === 0 ? forms : coldForms).push(took);
    await context.close();
  }
  const table = (list) => {
    for (const b of list) console.log(`  ${b.url.padEnd(28)} ${kb(b.raw).padStart(10)} raw ${kb(b.gz).padStart(10)} gzip -9`);
    console.log(`  total ${kb(list.reduce((s, b) => s + b.raw, 0))} raw, ${kb(list.reduce((s, b) => s + b.gz, 0))} gzip -9`);
  };
  console.log('first load (every response before the start screen is usable):');
  table(bytes);
  console.log('loaded afterwards, while the start screen is idle:');
  table(later);
  console.log(`navigation → start screen usable: ${ms(pct(loads, 0.5))} median (${loads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`start screen → new 述职报告 form usable, the full app loaded: ${ms(pct(forms, 0.5))} median (${forms.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`start screen → new 述职报告 form usable, clicked at once: ${ms(pct(coldForms, 0.5))} median (${coldForms.map((x) => x.toFixed(0)).join(', ')})`);

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
