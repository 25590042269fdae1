// Accessibility in Chromium: axe-core (from npm, injected with the page's CSP
// bypassed for this test only) finds no violation of any impact on the start
// screen, a filled form, the export checklist, a table part, the studio and an
// import's result;
// and the main flow runs from the keyboard alone — new, type, move a point, add a
// picture, export, import — with a visible focus at every step.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, consoleError } from './serve.mjs';

const port = 23080 + Math.floor(Math.random() * 1000);
const base = '/tools/wengao/';
const origin = `http://127.0.0.1:${port}`;
const server = await serve('dist', port, base);
const step = (name) => console.log(`· ${name}`);
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (consoleError(m)) errors.push(m.text()); });

  /** axe-core's violations on the page as it is now, of any impact. */
  const axe = async (screen) => {
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () =>
      (await window.axe.run(document)).violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(found, [], `axe-core on ${screen}`);
    console.log(`  axe-core, ${screen}: 0 violations`);
  };

  /** Presses Tab (Shift+Tab when `back`) until the focused element is named
   * `name`; at every stop the focus must be visible: a ring or a shadow. */
  const tabTo = async (name, { back = false, limit = 200 } = {}) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        // A file input's ring is its label's (.file-button:focus-within); the studio's textarea, its box's.
        const holder = el.closest('.file-button, .studio-editor');
        const held = holder && getComputedStyle(holder).outlineStyle !== 'none';
        const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent;
        return { name: (name || '').trim(), visible: ring || held };
      });
      if (!at) continue;
      assert.ok(at.visible, `the focus on “${at.name}” is visible`);
      if (at.name === name) return;
    }
    assert.fail(`“${name}” not reached from the keyboard`);
  };

  /** Space on the focused file input, as a keyboard user opens it. Headless
   * Chromium now and then shows no chooser for a key press on a focused file
   * input (the element and the focus stay as they were): pressed again, as a
   * user would, up to three times. */
  const chooseFrom = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 3000 }), page.keyboard.press('Space')]);
        return chooser;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  };

  /** Waits until the start screen lists `n` drafts (read from storage after it shows). */
  const drafts = (n) => page.waitForFunction((n) => document.querySelectorAll('button[aria-label^="打开"]').length >= n, n);

  step('axe-core: the start screen');
  await page.goto(origin + base);
  await page.getByRole('heading', { name: '新建' }).waitFor({ timeout: 20000 });
  await axe('the start screen');

  step('keyboard only: 新建, type, move a point');
  await tabTo('新建党建工作述职报告');
  await page.keyboard.press('Enter');
  await page.getByLabel('书记姓名').waitFor({ timeout: 20000 });
  await tabTo('书记姓名');
  await page.keyboard.type('王五');
  await tabTo('一、（一）一是 要点句');
  await page.keyboard.type('带头履行第一责任人职责');
  await tabTo('下移一、（一）一是');
  await page.keyboard.press('Enter');
  await page.getByLabel('一、（一）二是 要点句').waitFor();
  assert.equal(await page.getByLabel('一、（一）二是 要点句').inputValue(), '带头履行第一责任人职责', 'moved from the keyboard');
  assert.equal(await page.getByLabel('书记姓名').inputValue(), '王五');
  await axe('a filled form');

  step('keyboard only: export, through the checklist');
  await tabTo('导出 Word', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: '导出前检查' }).waitFor();
  await axe('the export checklist');
  await tabTo('仍然导出');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(docx.suggestedFilename(), /王五\.docx$/);

  step('keyboard only: 导入 Word 文件 from the start screen; axe-core on the result');
  await tabTo('← 返回', { back: true });
  await page.keyboard.press('Enter');
  // The list of drafts is read from storage after the screen shows: tab once it is there.
  await drafts(1);
  await tabTo('导入 Word 文件（.docx）');
  const chooser = await chooseFrom();
  await chooser.setFiles('tests/fixtures/import/述职报告-python-docx.docx');
  await page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  await axe('an import\'s result');

  step('keyboard only: a picture added to a 创新案例');
  await tabTo('← 返回', { back: true });
  await page.keyboard.press('Enter');
  await drafts(2);
  await tabTo('新建基层党建创新案例');
  await page.keyboard.press('Enter');
  await page.getByLabel('选择图片').waitFor({ timeout: 20000 });
  await tabTo('选择图片');
  const pictures = await chooseFrom();
  await pictures.setFiles('tests/fixtures/pictures/案例首页.jpg');
  await page.getByLabel('第1幅的案例图片说明').waitFor();
  await tabTo('第1幅的案例图片说明');
  await page.keyboard.type('党员志愿者入户走访');
  assert.equal(await page.getByLabel('第1幅的案例图片说明').inputValue(), '党员志愿者入户走访');

  step('axe-core: a table part (述职评议问题整改清单), a row moved from the keyboard');
  await tabTo('← 返回', { back: true });
  await page.keyboard.press('Enter');
  await drafts(3);
  await tabTo('新建述职评议问题整改清单');
  await page.keyboard.press('Enter');
  await page.getByLabel('第1行问题', { exact: true }).waitFor({ timeout: 20000 });
  await tabTo('第1行问题');
  await page.keyboard.type('“三会一课”记录不全');
  await tabTo('下移第1行');
  await page.keyboard.press('Enter');
  await page.getByLabel('第2行问题', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('第2行问题', { exact: true }).inputValue(), '“三会一课”记录不全');
  await axe('a table part');

  step('keyboard only: 打开 a saved draft: the focus goes to the form, not to the page, and Tab goes on to ← 返回');
  await tabTo('← 返回', { back: true });
  await page.keyboard.press('Enter');
  await drafts(4);
  const open = await page.locator('button[aria-label^="打开"]').first().getAttribute('aria-label');
  await tabTo(open);
  await page.keyboard.press('Enter');
  await page.locator('#wengao .editor').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.activeElement?.matches('#wengao .editor'), null, { timeout: 5000 });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '← 返回');
  await page.keyboard.press('Enter');
  await drafts(4);

  step('axe-core: the studio');
  await tabTo('新建模板');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: '模板检查结果' }).getByText('没有错误').waitFor({ timeout: 20000 });
  await axe('the studio');

  step('keyboard only: the desk (审核台), a file checked and its row opened; axe-core');
  // ?start: the start screen, not the template the studio had open.
  await page.goto(origin + base + '?start');
  await page.getByRole('heading', { name: '新建' }).waitFor({ timeout: 20000 });
  await tabTo('打开审核台');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '文稿 · 审核台' }).waitFor({ timeout: 20000 });
  await tabTo('选择文件（.docx、.zip、草稿 .json）');
  await (await chooseFrom()).setFiles(['tests/fixtures/audit/页码错误.docx', 'tests/fixtures/audit/合格.docx']);
  await page.getByRole('status').filter({ hasText: '检查完了' }).waitFor({ timeout: 60000 });
  await tabTo('查看 页码错误.docx');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: '页码错误.docx' }).waitFor();
  await tabTo('复制修改意见');
  await axe('the desk');

  assert.deepEqual(errors, [], 'no script errors');
  console.log('accessibility e2e (Chromium): ok');
} finally {
  await browser.close();
  server.close();
}
