// Snapshots the new form of every built-in template, as the full app first puts
// it in the page, into app/skeletons.json (and dist/skeletons.json), which
// app/skeleton.js shows the moment 新建 is clicked. Run after a change to the
// form's views or the templates (tests/e2e/skeleton.mjs says when):
//   trunk build --release && node scripts/skeletons.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve } from '../tests/e2e/serve.mjs';

/** The built-in templates with a card on the start screen: file stem and title. */
export function builtins() {
  return fs
    .readdirSync('templates')
    .filter((f) => f.endsWith('.wg'))
    .map((f) => [f.slice(0, -3), fs.readFileSync(`templates/${f}`, 'utf8')])
    .filter(([, source]) => !source.includes('样式表：'))
    .map(([name, source]) => ({ name, title: source.match(/^模板：(.+)$/m)[1] }));
}

/** Clicks 新建 for `title` on the start screen shown in `page`, and resolves to
 * the full app's form as skeleton.js's snapshot() has it at the moment it enters
 * #wengao: what a skeleton is taken over by. */
export async function formAtMount(page, title) {
  await page.getByRole('button', { name: `新建${title}`, exact: true }).waitFor();
  await page.evaluate(async () => {
    const { snapshot } = await import(new URL('skeleton.js', document.baseURI));
    new MutationObserver((_, observer) => {
      const app = document.getElementById('wengao');
      if (!app.querySelector('.editor')) return;
      observer.disconnect();
      window.formAtMount = snapshot(app);
    }).observe(document.getElementById('wengao'), { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: `新建${title}`, exact: true }).click();
  await page.waitForFunction(() => window.formAtMount);
  return page.evaluate(() => window.formAtMount);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = 19080 + Math.floor(Math.random() * 1000);
  const server = await serve('dist', port, '/tools/wengao/');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const forms = {};
  for (const { name, title } of builtins()) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/tools/wengao/`);
    forms[name] = await formAtMount(page, title);
    await context.close();
    console.log(`${name}: ${forms[name].length} characters`);
  }
  const json = JSON.stringify(forms);
  fs.writeFileSync('app/skeletons.json', json);
  if (fs.existsSync('dist')) fs.writeFileSync('dist/skeletons.json', json);
  await browser.close();
  server.close();
}
