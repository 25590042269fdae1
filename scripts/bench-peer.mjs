// Navigation → usable (the element in the DOM and its frame laid out), measured in the page, for wengao and the peer
// (hehecat/gongwen) in the same run, alternating, eight loads each; and the
// first load of each (every response until usable, gzip -9). Not a test.
// The peer: `fetch` its repository, point package-lock.json's `resolved` URLs
// at the npm registry reachable here, `npm ci`, `npx vite build`; it is served
// at / (its base), ours under /tools/wengao/.
//   node scripts/bench-peer.mjs [our dist] [peer dist]
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
import { serve } from '../tests/e2e/serve.mjs';
const [ourDist = 'dist', peerDist = '/tmp/peer/dist'] = process.argv.slice(2);
const ours = await serve(ourDist, 28080, '/tools/wengao/');
const peer = await serve(peerDist, 28081, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
const sites = [
  ['wengao', 'http://127.0.0.1:28080/tools/wengao/', 'button[aria-label="新建党建工作述职报告"]'],
  ['gongwen', 'http://127.0.0.1:28081/', 'textarea'],
];
const out = { wengao: [], gongwen: [] };
const bytes = {};
for (let run = 0; run < 8; run++) {
  for (const [name, url, sel] of sites) {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.addInitScript((sel) => {
      new MutationObserver((_, o) => { if (document.querySelector(sel)) { o.disconnect(); requestAnimationFrame(() => setTimeout(() => (window.usable = performance.now()))); } }).observe(document, { childList: true, subtree: true });
    }, sel);
    await page.goto(url);
    await page.waitForFunction(() => window.usable);
    out[name].push(await page.evaluate(() => window.usable));
    if (!bytes[name]) {
      const n = responses.length;
      let gz = 0;
      for (const r of responses.slice(0, n)) { const b = await r.body().catch(() => Buffer.alloc(0)); gz += zlib.gzipSync(b, { level: 9 }).length; }
      bytes[name] = (gz / 1024).toFixed(1) + ' KB gz (' + responses.slice(0, n).map((r) => r.url().split('/').pop()).join(' ') + ')';
    }
    await context.close();
  }
}
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const k of Object.keys(out)) console.log(k, 'nav → usable median', med(out[k]).toFixed(0), 'ms', out[k].map((x) => x.toFixed(0)).join(' '), '|', bytes[k]);
await browser.close(); ours.close(); peer.close();
