// The component's API in Chromium (#42): a host page mounts two forms with
// options, types, reads onChange, checklist() and exportDocx(), and destroys
// them with nothing left behind (embed-scenario.mjs, docs/embedding.md).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { scenario, site } from './embed-scenario.mjs';

const port = 19080 + Math.floor(Math.random() * 1000);
const base = '/oa/wengao/';
const tmp = fs.mkdtempSync('/tmp/wengao-embed-');
const step = (name) => console.log(`· ${name}`);
const server = await serve(site(tmp), port, base);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.goto(`http://127.0.0.1:${port}${base}host.html`);
  const region = (id) => page.locator(`#${id}`);
  await scenario(
    {
      run: (fn, arg) => page.evaluate(fn, arg),
      type: (id, label, text) => region(id).getByLabel(label, { exact: true }).fill(text),
      click: (id, name) => region(id).getByRole('button', { name, exact: true }).click(),
      downloads: async () => downloads,
      // Where the first form ends and the second begins.
      shot: async (name) => {
        await page.evaluate(() => window.scrollTo(0, document.getElementById('b').getBoundingClientRect().top + window.scrollY - 260));
        await page.screenshot({ path: `docs/screenshots/${name}.png` });
      },
    },
    { tmp, name: 'chromium', step },
  );
  assert.deepEqual(errors, []);
  console.log('embedding e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
