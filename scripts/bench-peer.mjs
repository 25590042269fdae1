// wengao beside the peer (hehecat/gongwen) in one run, alternating, measured
// in the page (issue #23 item 5). Not a test.
// - navigation → typing: for wengao, navigation → the start screen usable →
//   新建 述职报告 clicked at that moment (from the page) → the form's first text
//   box in the DOM and laid out; for the peer, navigation → its editor's
//   textarea in the DOM and laid out. "Laid out": MutationObserver →
//   requestAnimationFrame → setTimeout 0 (a task queued from the frame callback
//   runs after the frame's layout).
// - long tasks (PerformanceObserver 'longtask', > 50 ms) in the 3 s after the
//   first screen is usable, nothing clicked;
// - first load: every response that had come when the first screen appeared
//   (one still under way then did not hold it up), gzip -9.
// The harness waits for the probe's console message, not with waitForFunction:
// that injects Playwright's script (15-35 ms of parsing) into the page while
// it is being measured.
// The peer: `fetch` its repository, point package-lock.json's `resolved` URLs
// at the npm registry reachable here, `npm ci`, `npx vite build`; it is served
// at / (its base), ours under /tools/wengao/.
//   node scripts/bench-peer.mjs [our dist] [peer dist] [loads per site and mode] [another build of ours]
// (the last, to compare two builds of ours in the same run, e.g. one without
// skeletons: a copy of dist/ whose skeletons.json is {}).
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
import { serve } from '../tests/e2e/serve.mjs';

const [ourDist = 'dist', peerDist = '/tmp/peer/dist', loads = '6', otherDist] = process.argv.slice(2);
const ours = await serve(ourDist, 28080, '/tools/wengao/');
const peer = await serve(peerDist, 28081, '/');
const other = otherDist && (await serve(otherDist, 28082, '/tools/wengao/'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
const sites = [
  { name: 'wengao', url: 'http://127.0.0.1:28080/tools/wengao/', first: 'button[aria-label="新建党建工作述职报告"]', typing: 'textarea[aria-label="一、（一）一是 正文"]' },
  { name: 'gongwen', url: 'http://127.0.0.1:28081/', first: 'textarea', typing: 'textarea' },
];
if (other) sites.push({ ...sites[0], name: `wengao (${otherDist})`, url: 'http://127.0.0.1:28082/tools/wengao/' });

// In the page: when `first` is usable, record it (and click it when `click`),
// then when `typing` is usable record that; every long task from the start.
function probe({ first, typing, click }) {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // In the DOM and shown (index.html's copy of our start screen is there, hidden, before boot.js shows it).
  const laidOut = (sel, then, shown) =>
    new MutationObserver((_, o) => {
      // (Before checkVisibility, which lays the page out.)
      const at = performance.now();
      const el = [...document.querySelectorAll(sel)].find((e) => e.checkVisibility());
      if (!el) return;
      o.disconnect();
      shown?.(at);
      requestAnimationFrame(() => setTimeout(() => then(el)));
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style'] });
  const done = (name) => console.log(`bench: ${name}`);
  laidOut(
    first,
    (el) => {
      window.firstUsable = performance.now();
      if (!click) return done('first');
      el.click();
      laidOut(typing, () => {
        window.typingUsable = performance.now();
        done('typing');
      });
    },
    (at) => (window.firstShown = at),
  );
}

const out = {};
const bytes = {};
for (let run = 0; run < Number(loads); run++) {
  for (const site of sites) {
    for (const mode of ['typing', 'idle']) {
      const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
      const page = await context.newPage();
      const responses = [];
      page.on('response', (r) => responses.push([r, performance.now()]));
      const click = mode === 'typing' && site.first !== site.typing;
      await page.addInitScript(probe, { first: site.first, typing: site.typing, click });
      const finished = page.waitForEvent('console', { predicate: (m) => m.text() === (click ? 'bench: typing' : 'bench: first'), timeout: 20000 });
      await page.goto(site.url);
      await finished;
      const r = (out[site.name + ' ' + mode] ??= []);
      if (mode === 'typing') {
        r.push(await page.evaluate(() => [window.firstUsable, window.typingUsable ?? window.firstUsable]));
      } else {
        await page.waitForTimeout(3300);
        const at = await page.evaluate(() => window.firstUsable);
        const tasks = await page.evaluate(() => window.longTasks);
        // Tasks that overlap the 3 s after the first screen was usable.
        const within = tasks.filter(([s, d]) => s + d > at && s < at + 3000);
        r.push([at, within.reduce((n, [, d]) => n + d, 0), Math.max(0, ...within.map(([, d]) => d)), within.length]);
        if (!bytes[site.name]) {
          const before = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.firstShown).map((e) => e.name));
          let gz = 0;
          const names = [];
          for (const [resp] of responses) {
            if (resp.url() !== site.url && !before.includes(resp.url())) continue;
            const body = await resp.body().catch(() => Buffer.alloc(0));
            gz += zlib.gzipSync(body, { level: 9 }).length;
            names.push(resp.url().split('/').pop() || 'index.html');
          }
          bytes[site.name] = `${(gz / 1024).toFixed(1)} KB gz (${names.join(' ')})`;
        }
      }
      await context.close();
    }
  }
}
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const list = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
for (const { name } of sites) {
  const t = out[name + ' typing'];
  const i = out[name + ' idle'];
  console.log(`${name}: first screen usable ${med(t.map((x) => x[0])).toFixed(0)} ms median (${list(t.map((x) => x[0]))})`);
  console.log(`${name}: navigation → typing ${med(t.map((x) => x[1])).toFixed(0)} ms median (${list(t.map((x) => x[1]))})`);
  console.log(`${name}: long tasks in the 3 s after the first screen, nothing clicked: total ${list(i.map((x) => x[1]))} ms, longest ${list(i.map((x) => x[2]))} ms`);
  console.log(`${name}: first load ${bytes[name]}`);
}
const ratio = med(out['wengao typing'].map((x) => x[1])) / med(out['gongwen typing'].map((x) => x[1]));
console.log(`navigation → typing, wengao / gongwen: ${ratio.toFixed(2)}`);
await browser.close();
ours.close();
peer.close();
other?.close();
