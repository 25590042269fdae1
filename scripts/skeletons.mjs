// Snapshots the new form of every built-in template, as the full app first puts
// it in the page, into app/skeletons.json (and dist/skeletons.json), which
// app/skeleton.js shows the moment 新建 is clicked; and the start screen, as the
// start program first puts it in the page, into index.html (and
// dist/index.html), which app/boot.js shows before that program has come. Run
// after a change to the views or the templates (tests/e2e/skeleton.mjs says when):
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

/** Where index.html holds its copy of the start screen. */
export const COPY = /(<!-- The start screen \(scripts\/skeletons\.mjs\) -->)([^]*?)(<!-- \/start screen -->)/;

/** Loads the page at `url` and resolves to the start program's screen (the
 * children of #wengao) as it first mounts it, before storage has been read,
 * marked as index.html's copy: hidden until boot.js shows it. */
export async function startAtMount(page, url) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const app = document.getElementById('wengao');
      if (!app?.querySelector('main.start:not([data-static])')) return;
      observer.disconnect();
      window.startAtMount = app.innerHTML;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.startAtMount);
  const html = await page.evaluate(() => window.startAtMount);
  return markCopy(html);
}

/** The start screen `html` as index.html's copy: hidden, and marked for
 * boot.js, which shows it and begins on it what the start program carries on
 * (start/handoff.rs): 新建 with its built-in template's name, a file picked with
 * its action (action.rs). */
export function markCopy(html) {
  const actions = { '.wg': 'LoadTemplate', '.json': 'OpenDraftFile', '.docx': 'ImportWord' };
  // A text area's content is text: Leptos's empty marker in it would be its value.
  let marked = html.replace('<main class="start">', '<main class="start" data-static="" hidden="">').replace(/(<textarea[^>]*>)<!---->/g, '$1');
  for (const { name, title } of builtins()) {
    const button = `aria-label="新建${title}"`;
    if (!marked.includes(button)) throw new Error(`the start screen has no 新建 for ${title}`);
    marked = marked.replace(button, `${button} data-template="${name}"`);
  }
  for (const [accept, action] of Object.entries(actions)) {
    const input = new RegExp(`<input type="file" accept="\\${accept}[^"]*"`);
    if (!input.test(marked)) throw new Error(`the start screen has no file input for ${accept}`);
    marked = marked.replace(input, (tag) => `${tag} data-action="${action}"`);
  }
  return marked;
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const start = await startAtMount(await context.newPage(), `http://127.0.0.1:${port}/tools/wengao/`);
  await context.close();
  for (const file of ['index.html', 'dist/index.html']) {
    const html = fs.readFileSync(file, 'utf8');
    if (!COPY.test(html)) throw new Error(`${file} has no place for the start screen's copy`);
    fs.writeFileSync(file, html.replace(COPY, (_, open, __, close) => open + start + close));
  }
  console.log(`start screen: ${start.length} characters`);
  const json = JSON.stringify(forms);
  fs.writeFileSync('app/skeletons.json', json);
  if (fs.existsSync('dist')) fs.writeFileSync('dist/skeletons.json', json);
  await browser.close();
  server.close();
}
