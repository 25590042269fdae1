import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
const port = 27080, base = '/tools/wengao/';
const server = await serve('dist', port, base);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
const appLoaded = page.waitForResponse((r) => r.url().endsWith('/wengao-app_bg.wasm'));
await page.goto(`http://127.0.0.1:${port}${base}`);
const button = page.getByRole('button', { name: '新建党建工作述职报告' });
await button.waitFor(); await appLoaded; await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline.stack,v8.wasm', transferMode: 'ReportEvents' });
console.log('ms', await page.evaluate(() => new Promise((resolve) => {
  const t0 = performance.now();
  const marks = [];
  const obs = new MutationObserver(() => {
    marks.push([(performance.now() - t0).toFixed(0), document.querySelector('#wengao main, #wengao form, #wengao .loading')?.className]);
    if ([...document.querySelectorAll('textarea')].some((t) => t.getAttribute('aria-label') === '一、（一）一是 正文' || (t.labels && [...t.labels].some((l) => l.textContent.includes('一是'))))) {
      obs.disconnect(); requestAnimationFrame(() => resolve([performance.now() - t0, JSON.stringify(marks.slice(0, 12))]));
    }
  });
  obs.observe(document.body, { childList: true, subtree: true });
  document.querySelector('button[aria-label="新建党建工作述职报告"]').click();
})));
await cdp.send('Tracing.end'); await done;
const main = events.filter((e) => e.ph === 'X' && e.dur);
const by = new Map();
for (const e of main) by.set(e.name, (by.get(e.name) || 0) + e.dur / 1000);
[...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
for (const e of main.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')) console.log(e.name, (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.beginData?.stackTrace?.slice(0, 4)?.map((f) => f.functionName + '@' + f.url.split('/').pop())));
await browser.close(); server.close();
